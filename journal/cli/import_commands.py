"""import, senders, sender (verify/block/trust/rename), review."""

from __future__ import annotations

import sys

from journal.records import display_labels as shown
from journal.i18n import N_, _, ngettext
from journal.cli.context import print_json
from journal.cli.output import one_line


def register(sub) -> None:
    p = sub.add_parser("import", help=_("import bundles received from documenters"))
    p.add_argument("paths", nargs="+", metavar=_("PATH"), help=_("bundle files or folders of .ijbundle files"))
    p.add_argument("--trust-new", action="store_true",
                   help=_("accept bundles signed by keys never seen before (compare fingerprints first!)"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("senders", help=_("documenters whose bundles this journal received"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_senders)

    sender = sub.add_parser("sender", help=_("verify, block, trust again or rename a sender"))
    ssub = sender.add_subparsers(dest="sender_command", metavar=_("ACTION"))
    ssub.required = True
    for action, text in (("verify", N_("record that you compared their fingerprint")),
                         ("block", N_("refuse their bundles from now on")),
                         ("trust", N_("accept a blocked sender's bundles again"))):
        p = ssub.add_parser(action, help=_(text))
        p.add_argument("id", metavar="ID")
        p.set_defaults(handler=cmd_sender, action=action)
    p = ssub.add_parser("rename", help=_("change the name you use for a sender"))
    p.add_argument("id", metavar="ID")
    p.add_argument("name", metavar=_("NAME"))
    p.set_defaults(handler=cmd_sender, action="rename")

    p = sub.add_parser("review", help=_("your review of a received entry: status, notes, tags"))
    p.add_argument("entry_id", metavar="ENTRY_ID")
    p.add_argument("--status", choices=["new", "reviewed", "needs_follow_up", "verified", "disputed"])
    p.add_argument("--notes", metavar=_("NOTES"))
    p.add_argument("--tag", action="append", metavar="T", help=_("repeatable; replaces all"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_review)


def TRUST_NEW_HINT() -> str:  # noqa: N802 - a message, translated when shown
    return _("journal: bundles from a sender you have not imported from before are refused. Compare the "
             "fingerprint with the sender (by phone or in person), then run the same command with --trust-new.")


def cmd_import(args, ctx) -> int:
    journal = ctx.open_journal()
    results = journal.importer.import_paths(args.paths, trust_new=args.trust_new)
    if args.json:
        print_json([r.as_json() for r in results])
    else:
        for r in results:
            who = _(" from {name} [{fingerprint}]").format(name=one_line(r.sender.display_name),
                                                           fingerprint=r.sender.fingerprint) if r.sender else ""
            # r.message stays English in --json output (for scripts); people read it translated
            print(f"{one_line(r.path)}: {one_line(r.shown_message)}{who}")
            for warning in r.warnings:
                print(_("  warning: {warning}").format(warning=warning), file=sys.stderr)
    if any(r.status == "accepted" for r in results):
        # Received photos' previews are made after the import committed (their decoding was most
        # of the import's time); an interrupt leaves the rest for the GUI or the next import.
        journal.attachments.fill_previews()
    if not results:
        print(_("journal: no bundles found"), file=sys.stderr)
        return 1
    if not args.json and any(r.untrusted_sender for r in results):
        print(TRUST_NEW_HINT(), file=sys.stderr)
    return 1 if any(r.status == "rejected" for r in results) else 0


def _sender_line(s) -> str:
    flags = (_("verified") if s.verified else _("NOT verified")) + ("" if s.status == "trusted" else _(", BLOCKED"))
    counts = _("{bundles}, {entries}, last {last}").format(
        bundles=ngettext("{n} bundle", "{n} bundles", s.bundle_count).format(n=s.bundle_count),
        entries=ngettext("{n} entry", "{n} entries", s.entry_count).format(n=s.entry_count),
        last=s.last_bundle_at or "-")
    return f"{s.id}  {one_line(s.display_name)}  [{s.fingerprint}]  {flags}  {counts}"


def cmd_senders(args, ctx) -> int:
    senders = ctx.open_journal().senders.list()
    if args.json:
        print_json([s.as_json() for s in senders])
    else:
        for s in senders:
            print(_sender_line(s))
    return 0


def cmd_sender(args, ctx) -> int:
    store = ctx.open_journal().senders
    if args.action == "rename":
        sender = store.rename(args.id, args.name)
    else:
        sender = getattr(store, args.action)(args.id)
    print(_sender_line(sender))
    return 0


def cmd_review(args, ctx) -> int:
    importer = ctx.open_journal().importer
    if args.status is not None or args.notes is not None or args.tag is not None:
        review = importer.set_review(args.entry_id, status=args.status, notes=args.notes, tags=args.tag)
    else:
        review = importer.review(args.entry_id)
    if args.json:
        print_json(review)
    else:
        print(_("{review}  tags: {value}").format(review=shown.word(shown.REVIEW_STATUSES, review['review_status']), value=', '.join(one_line(t) for t in review['coordinator_tags']) or '-'))
        if review["coordinator_notes"]:
            print(review["coordinator_notes"])
    return 0
