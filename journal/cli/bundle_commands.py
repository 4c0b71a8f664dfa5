"""card, coordinator (add/list/remove/verify/rename), identity export-age-key, export, sent."""

from __future__ import annotations

import sys

from journal.errors import InvalidInput
from journal.i18n import _, ngettext
from journal.cli.context import print_json


def register(sub) -> None:
    p = sub.add_parser("card", help=_("print this journal's contact card and fingerprint"))
    p.add_argument("--qr", metavar=_("FILE.png"), help=_("also save the card as a QR code image"))
    p.add_argument("--name", metavar=_("NAME"),
                   help=_("the public name on the card and bundles (coordinators see it; "
                          "not the journal's private name)"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_card)

    coord = sub.add_parser("coordinator", help=_("coordinators you send bundles to"))
    csub = coord.add_subparsers(dest="coordinator_command", metavar=_("ACTION"))
    csub.required = True
    p = csub.add_parser("add", help=_("add a coordinator from their card (text or .ijcard file)"))
    p.add_argument("card", metavar=_("CARD_OR_FILE"))
    p.add_argument("--verified", action="store_true", help=_("you compared the fingerprint with them"))
    p.add_argument("--name", metavar=_("NAME"), help=_("call them something else than the card says"))
    p.set_defaults(handler=cmd_coordinator_add)
    p = csub.add_parser("list", help=_("list coordinators"))
    p.add_argument("--all", action="store_true", help=_("include removed ones"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_coordinator_list)
    p = csub.add_parser("remove", help=_("stop sending to a coordinator"))
    p.add_argument("id")
    p.set_defaults(handler=cmd_coordinator_remove)
    p = csub.add_parser("verify", help=_("record that you compared the fingerprint with them"))
    p.add_argument("id")
    p.add_argument("--undo", action="store_true")
    p.set_defaults(handler=cmd_coordinator_verify)
    p = csub.add_parser("rename", help=_("change the name you use for a coordinator"))
    p.add_argument("id")
    p.add_argument("name", metavar=_("name"))
    p.set_defaults(handler=cmd_coordinator_rename)

    ident = sub.add_parser("identity", help=_("this journal's keys"))
    isub = ident.add_subparsers(dest="identity_command", metavar=_("ACTION"))
    isub.required = True
    p = isub.add_parser("export-age-key", help=_("write the secret age key for `age -d -i FILE`"))
    p.add_argument("file", metavar=_("FILE"))
    p.set_defaults(handler=cmd_export_age_key)
    p = isub.add_parser("name", help=_("set the name shown on your card and bundles"))
    p.add_argument("name", metavar=_("name"))
    p.set_defaults(handler=cmd_identity_name)

    p = sub.add_parser("export", help=_("write an encrypted bundle for one or more coordinators"))
    p.add_argument("--to", nargs="+", required=True, metavar=_("COORDINATOR"), help=_("coordinator id or name"))
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--entries", nargs="+", metavar="ID", help=_("these entries"))
    what.add_argument("--since-last", action="store_true",
                      help=_("everything new or changed since the last bundle to these coordinators"))
    what.add_argument("--all", action="store_true", help=_("all of this journal's own entries"))
    p.add_argument("--no-attachments", action="store_true")
    p.add_argument("--keep-photo-metadata", action="store_true",
                   help=_("do NOT remove GPS position, camera serial and times from photos"))
    p.add_argument("--allow-uncleaned", action="store_true",
                   help=_("send files whose hidden data cannot be removed (unknown type, damaged) as they are, "
                          "with a warning, instead of refusing"))
    p.add_argument("--omit-contact-details", action="store_true", help=_("leave out phone numbers and handles"))
    p.add_argument("--no-contact-log", action="store_true", help=_("leave out the contact log"))
    p.add_argument("--no-drafts", action="store_true",
                   help=_("with --since-last or --all: leave out entries still marked as drafts"))
    p.add_argument("--max-attachment-mb", type=float, metavar="N", help=_("leave out attachments over N MB"))
    dest = p.add_mutually_exclusive_group(required=True)
    dest.add_argument("-o", "--output", metavar=_("FILE"), help=_("the bundle file to write (.ijbundle)"))
    dest.add_argument("--outbox", action="store_true",
                      help=_("write the bundle into the outbox, to send to the coordinators' drop folders"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("sent", help=_("bundles written by this journal"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_sent)


# --- identity and card -------------------------------------------------------------------
def _choose_card_name(journal, given: str | None) -> None:
    """Set the public card name from --name, or ask once on a terminal (empty keeps the neutral default)."""
    from journal.exchange.identity import DEFAULT_DISPLAY_NAME

    identity = journal.identity
    if given is not None:
        identity.set_display_name(given)
        return
    if identity.display_name_chosen:
        return
    explanation = _(
        "Coordinators and everyone who receives your card or bundles see the name on it. "
        "It is separate from the journal's private name. Choose something that does not "
        "identify you or the place if the card could fall into the wrong hands.")
    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        print(_("note: {explanation} The card says “{name}”; choose a name with `journal card --name NAME`.").format(
            explanation=explanation, name=DEFAULT_DISPLAY_NAME), file=sys.stderr)
        return
    print(explanation, file=sys.stderr)
    try:
        typed = input(_("Name on your card (empty: “{name}”): ").format(name=DEFAULT_DISPLAY_NAME))
    except EOFError:
        print(file=sys.stderr)
        raise InvalidInput(_("No name was typed (end of input). Nothing was changed.")) from None
    identity.set_display_name(typed.strip() or DEFAULT_DISPLAY_NAME)


def cmd_card(args, ctx) -> int:
    journal = ctx.open_journal()
    _choose_card_name(journal, args.name)
    card = journal.identity.card_text()
    if args.qr:
        journal.identity.write_card_qr(args.qr)
    if args.json:
        print_json({"card": card, "name": journal.identity.display_name,
                    "fingerprint": journal.identity.fingerprint, "age_recipient": journal.identity.age_recipient})
        return 0
    print(card)
    print(_("fingerprint: {fingerprint}").format(fingerprint=journal.identity.fingerprint))
    if args.qr:
        print(_("QR code saved to {qr}").format(qr=args.qr), file=sys.stderr)
    return 0


def cmd_export_age_key(args, ctx) -> int:
    warning = ctx.open_journal().identity.export_age_key(args.file)
    print(_("warning: {warning}").format(warning=warning), file=sys.stderr)
    print(args.file)
    return 0


def cmd_identity_name(args, ctx) -> int:
    journal = ctx.open_journal()
    journal.identity.set_display_name(args.name)
    print(journal.identity.display_name)
    return 0


# --- coordinators ----------------------------------------------------------------------------
def _coordinator_line(c) -> str:
    flags = (_("verified") if c.verified else _("NOT verified")) + (_(", removed") if c.removed_at else "")
    return f"{c.uuid[:8]}  {c.display_name}  [{c.fingerprint}]  {flags}"


def cmd_coordinator_add(args, ctx) -> int:
    c = ctx.open_journal().coordinators.add(args.card, verified=args.verified, name=args.name)
    print(_coordinator_line(c))
    if not c.verified:
        print(_("Compare this fingerprint with the coordinator (aloud or in person), then run `journal coordinator verify {uuid}`.").format(uuid=c.uuid[:8]), file=sys.stderr)
    return 0


def cmd_coordinator_list(args, ctx) -> int:
    items = ctx.open_journal().coordinators.list(include_removed=args.all)
    if args.json:
        print_json([c.as_json() for c in items])
    else:
        for c in items:
            print(_coordinator_line(c))
    return 0


def cmd_coordinator_remove(args, ctx) -> int:
    print(_coordinator_line(ctx.open_journal().coordinators.remove(args.id)))
    return 0


def cmd_coordinator_verify(args, ctx) -> int:
    print(_coordinator_line(ctx.open_journal().coordinators.set_verified(args.id, not args.undo)))
    return 0


def cmd_coordinator_rename(args, ctx) -> int:
    print(_coordinator_line(ctx.open_journal().coordinators.rename(args.id, args.name)))
    return 0


# --- export ------------------------------------------------------------------------------------
def cmd_export(args, ctx) -> int:
    if args.max_attachment_mb is not None and args.max_attachment_mb < 0:
        raise InvalidInput(_("--max-attachment-mb must be 0 or more."))
    from journal.exchange.exporter import ExportOptions  # here: building the parser must stay light

    options = ExportOptions(
        strip_metadata=not args.keep_photo_metadata,
        allow_uncleaned=args.allow_uncleaned,
        include_attachments=not args.no_attachments,
        max_attachment_bytes=None if args.max_attachment_mb is None else int(args.max_attachment_mb * 1024 * 1024),
        omit_contact_details=args.omit_contact_details,
        include_contact_log=not args.no_contact_log,
        include_drafts=not args.no_drafts,
    )
    journal = ctx.open_journal()
    if not journal.identity.display_name_chosen:  # bundles carry the public name: say which one
        print(_("note: the bundle is signed with the name “{name}”; choose the public name coordinators see "
                "with `journal card --name NAME`.").format(name=journal.identity.display_name), file=sys.stderr)
    selection = dict(entries=args.entries, since_last=args.since_last, all_entries=args.all, options=options)
    if args.outbox:  # see journal/exchange/outbox.py: `journal send --outbox` uploads it
        result, _items = journal.outbox.export_to_outbox(args.to, **selection)
    else:
        result = journal.exporter.export(args.output, args.to, **selection)
    for warning in result.warnings:
        print(_("warning: {warning}").format(warning=warning), file=sys.stderr)
    if args.json:
        print_json(result.as_json())
        return 0
    counts = ", ".join((
        ngettext("{n} entry", "{n} entries", result.entry_count).format(n=result.entry_count),
        ngettext("{n} person", "{n} people", result.person_count).format(n=result.person_count),
        ngettext("{n} contact-log record", "{n} contact-log records", result.log_count).format(n=result.log_count),
        ngettext("{n} attachment", "{n} attachments", result.attachment_count).format(n=result.attachment_count)))
    print(_("{path}: {counts} for {recipients}").format(path=result.path, counts=counts,
                                                         recipients=', '.join(result.recipients)))
    print(_("bundle {bundle_id}  sha256 {file_sha256}  {file_size} bytes").format(bundle_id=result.bundle_id, file_sha256=result.file_sha256, file_size=result.file_size))
    return 0


def cmd_sent(args, ctx) -> int:
    bundles = ctx.open_journal().exporter.sent()
    if args.json:
        print_json([b.as_json() for b in bundles])
        return 0
    for b in bundles:
        names = ", ".join(r["name"] for r in b.recipients)
        counts = ", ".join((
            ngettext("{n} entry", "{n} entries", b.entry_count).format(n=b.entry_count),
            ngettext("{n} attachment", "{n} attachments", b.attachment_count).format(n=b.attachment_count)))
        print(_("{created_at}  {bundle_id}  to {names}: {counts}  {file_name}").format(
            created_at=b.created_at, bundle_id=b.bundle_id[:8], names=names, counts=counts, file_name=b.file_name))
    return 0
