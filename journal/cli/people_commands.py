"""person (add/list/show/edit/delete/merge), link, unlink, log (add/list/show/done/delete).

Also `cmd_search_all`, the handler `journal search` uses to search every kind
of record (entries, people, contact log).
"""

from __future__ import annotations

import argparse

from journal.records import display_labels as shown
from journal.errors import InvalidInput
from journal.i18n import N_, _, ngettext
from journal.records.people_validation import CHANNELS, DIRECTIONS, LINK_ROLES, PERSON_ROLES
from journal.records.search import EntryFilter, plain_snippet
from journal.cli.context import print_json


def _shown(words: tuple[str, ...]) -> str:
    return ", ".join(w.replace("_", "-") for w in words)


def _person_options(p: argparse.ArgumentParser, editing: bool) -> None:
    # Whole sentences for each case (a translator cannot rebuild English fragments).
    p.add_argument("--name", metavar=_("NAME"), required=not editing, help=_("the name you use for them"))
    p.add_argument("--alias", action="append", metavar="A",
                   help=_("another name (repeatable; replaces all)") if editing else _("another name (repeatable)"))
    roles = (_("repeatable; replaces all: {roles}") if editing else _("repeatable: {roles}")).format(
        roles=_shown(PERSON_ROLES))
    p.add_argument("--role", action="append", metavar="R", help=roles)
    p.add_argument("--phone", action="append", metavar="P",
                   help=_("repeatable; replaces all") if editing else _("repeatable"))
    p.add_argument("--handle", action="append", metavar=_("KIND:VALUE"),
                   help=_("signal:, telegram:, whatsapp: or email: (repeatable; replaces all)") if editing
                   else _("signal:, telegram:, whatsapp: or email: (repeatable)"))
    p.add_argument("--org", metavar="O", help=_("organisation"))
    p.add_argument("--notes", metavar="T")
    if editing:
        sens = p.add_mutually_exclusive_group()
        sens.add_argument("--sensitive", action="store_true", default=None,
                          help=_("this person's details never leave this laptop"))
        sens.add_argument("--not-sensitive", dest="sensitive", action="store_false")
        p.add_argument("--clear", action="append", default=[], metavar=_("FIELD"),
                       choices=["aliases", "roles", "phones", "handles", "org", "notes"],
                       help=_("empty a field (repeatable): aliases, roles, phones, handles, org, notes"))
    else:
        p.add_argument("--sensitive", action="store_true", help=_("this person's details never leave this laptop"))


def register(sub) -> None:
    person = sub.add_parser("person", help=_("people: detainees, relatives, lawyers, witnesses…"))
    psub = person.add_subparsers(dest="person_command", metavar=_("ACTION"))
    psub.required = True

    p = psub.add_parser("add", help=_("add a person; prints their id"))
    _person_options(p, editing=False)
    p.set_defaults(handler=cmd_person_add)

    p = psub.add_parser("list", help=_("list people by name"))
    p.add_argument("--role", metavar="R")
    p.add_argument("--search", metavar=_("TEXT"), help=_("full-text search in names, aliases, numbers, notes"))
    p.add_argument("--limit", metavar=_("LIMIT"), type=int, default=200)
    p.add_argument("--offset", metavar=_("OFFSET"), type=int, default=0)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_person_list)

    p = psub.add_parser("show", help=_("show a person with their entries and contact log"))
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p.add_argument("--history", action="store_true", help=_("include every revision"))
    p.set_defaults(handler=cmd_person_show)

    p = psub.add_parser("edit", help=_("change a person (a new revision is kept)"))
    p.add_argument("id")
    _person_options(p, editing=True)
    p.set_defaults(handler=cmd_person_edit)

    p = psub.add_parser("delete", help=_("delete a person for good (their log records stay)"))
    p.add_argument("id")
    p.add_argument("--yes", action="store_true", help=_("confirm"))
    p.set_defaults(handler=cmd_person_delete)

    p = psub.add_parser("merge", help=_("merge two records of the same person"))
    p.add_argument("keep_id", metavar="KEEP_ID")
    p.add_argument("absorb_id", metavar="ABSORB_ID")
    p.set_defaults(handler=cmd_person_merge)

    p = sub.add_parser("link", help=_("link a person to an entry with their role in it"))
    p.add_argument("entry_id", metavar="ENTRY_ID")
    p.add_argument("person_id", metavar="PERSON_ID")
    p.add_argument("--role", required=True, metavar="R", help=_shown(LINK_ROLES))
    p.set_defaults(handler=cmd_link)

    p = sub.add_parser("unlink", help=_("remove a person's link to an entry"))
    p.add_argument("entry_id", metavar="ENTRY_ID")
    p.add_argument("person_id", metavar="PERSON_ID")
    p.add_argument("--role", metavar="R", help=_("only this role (default: all)"))
    p.set_defaults(handler=cmd_unlink)

    log = sub.add_parser("log", help=_("contact log: calls, messages, meetings and follow-ups"))
    lsub = log.add_subparsers(dest="log_command", metavar=_("ACTION"))
    lsub.required = True

    p = lsub.add_parser("add", help=_("record a call, message or meeting; prints its id"))
    p.add_argument("--person", action="append", required=True, metavar="ID", help=_("repeatable"))
    p.add_argument("--channel", required=True, metavar="C", help=_shown(CHANNELS))
    p.add_argument("--direction", required=True, metavar="D", help=_shown(DIRECTIONS))
    p.add_argument("--summary", required=True, metavar="S")
    p.add_argument("--at", metavar="ISO8601", help=_("e.g. 2024-03-05T14:10+03:00 (default: now)"))
    p.add_argument("--tz", metavar=_("ZONE"), help=_("IANA time zone, e.g. Europe/Moscow"))
    p.add_argument("--entry", action="append", metavar="ID", help=_("an entry it concerns (repeatable)"))
    p.add_argument("--follow-up", metavar=_("DATE"), help=_("follow-up due date, YYYY-MM-DD"))
    p.add_argument("--follow-up-note", metavar="T")
    p.set_defaults(handler=cmd_log_add)

    p = lsub.add_parser("list", help=_("contact log, newest first"))
    p.add_argument("--person", metavar="ID")
    p.add_argument("--entry", metavar="ID")
    p.add_argument("--due", action="store_true", help=_("only open follow-ups due today or earlier"))
    p.add_argument("--channel", metavar="C")
    p.add_argument("--from", dest="date_from", metavar=_("DATE"))
    p.add_argument("--to", dest="date_to", metavar=_("DATE"))
    p.add_argument("--limit", metavar=_("LIMIT"), type=int, default=200)
    p.add_argument("--offset", metavar=_("OFFSET"), type=int, default=0)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_log_list)

    p = lsub.add_parser("edit", help=_("change a contact-log record (e.g. backdate it with --at)"))
    p.add_argument("id")
    p.add_argument("--at", metavar="ISO8601", help=_("when it happened, e.g. 2024-03-05T14:10"))
    p.add_argument("--tz", metavar=_("ZONE"), help=_("IANA time zone, e.g. Europe/Moscow"))
    p.add_argument("--channel", metavar="C", help=_shown(CHANNELS))
    p.add_argument("--direction", metavar="D", help=_shown(DIRECTIONS))
    p.add_argument("--summary", metavar="S")
    p.add_argument("--person", action="append", metavar="ID", help=_("replaces the people (repeatable)"))
    p.add_argument("--entry", action="append", metavar="ID", help=_("replaces the linked entries (repeatable)"))
    follow = p.add_mutually_exclusive_group()
    follow.add_argument("--follow-up", metavar=_("DATE"), help=_("follow-up due date, YYYY-MM-DD"))
    follow.add_argument("--no-follow-up", action="store_true", help=_("remove the follow-up"))
    p.add_argument("--follow-up-note", metavar="T")
    p.set_defaults(handler=cmd_log_edit)

    p = lsub.add_parser("show", help=_("show one contact-log record"))
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_log_show)

    p = lsub.add_parser("done", help=_("mark a follow-up as done"))
    p.add_argument("id")
    p.add_argument("--undo", action="store_true", help=_("reopen it instead"))
    p.set_defaults(handler=cmd_log_done)

    p = lsub.add_parser("delete", help=_("delete a contact-log record for good"))
    p.add_argument("id")
    p.set_defaults(handler=cmd_log_delete)


# --- people ---------------------------------------------------------------------------
def _person_changes(args, editing: bool) -> dict:
    changes: dict = {}
    for opt, name in (("name", "display_name"), ("alias", "aliases"), ("role", "roles"), ("phone", "phones"),
                      ("handle", "handles"), ("org", "organisation"), ("notes", "notes"),
                      ("sensitive", "sensitive")):
        value = getattr(args, opt)
        if value is not None and not (opt == "sensitive" and not editing and value is False):
            changes[name] = value
    for name in getattr(args, "clear", []) or []:
        target = {"org": "organisation"}.get(name, name)
        if target in changes:
            raise InvalidInput(_("--clear {name} contradicts a value given for it.").format(name=name))
        changes[target] = "" if target in ("organisation", "notes") else []
    return changes


def person_json(person, *, full: bool = True) -> dict:
    data = {"id": person.uuid, "name": person.display_name, "aliases": person.aliases, "roles": person.roles,
            "phones": person.phones, "handles": person.handles, "organisation": person.organisation,
            "sensitive": person.sensitive, "pseudonym": person.pseudonym}
    if full:
        data.update({"notes": person.notes, "merged_from": person.merged_from, "merged_into": person.merged_into,
                     "created_at": person.created_at, "updated_at": person.updated_at,
                     "revision": person.revision, "revision_hash": person.revision_hash})
    return data


def cmd_person_add(args, ctx) -> int:
    journal = ctx.open_journal()
    person = journal.people.add(**_person_changes(args, editing=False))
    print(person.uuid)
    return 0


def cmd_person_list(args, ctx) -> int:
    journal = ctx.open_journal()
    people = journal.people.list(role=args.role, search=args.search, limit=args.limit, offset=args.offset)
    if args.json:
        print_json([person_json(p, full=False) for p in people])
        return 0
    if not people:
        print(_("No people."))
    for p in people:
        flag = "  [" + _("sensitive") + "]" if p.sensitive else ""
        extra = f"  ({p.organisation})" if p.organisation else ""
        print(f"{p.uuid[:8]}  {p.display_name}{extra}  {shown.words(shown.PERSON_ROLES, p.roles)}{flag}")
    return 0


def cmd_person_show(args, ctx) -> int:
    journal = ctx.open_journal()
    person = journal.people.get(args.id)
    live = journal.people.resolve(person.uuid)
    links = journal.people.entries_for_person(live.uuid)
    logs = journal.contact_log.list(person=live.uuid, limit=50)
    history = journal.people.history(person.uuid) if args.history else None
    if args.json:
        data = person_json(person)
        data["entries"] = [{"id": link.entry_uuid, "title": link.entry_title, "occurred_at": link.occurred_at,
                            "role": link.role} for link in links]
        data["contact_log"] = [log_json(r) for r in logs]
        if history is not None:
            data["history"] = [{"number": r.number, "saved_at": r.saved_at, "hash": r.hash,
                                "prev_hash": r.prev_hash, "note": r.note, "content": r.content} for r in history]
        print_json(data)
        return 0
    print(person.display_name)
    print(f"id: {person.uuid}")
    if person.merged_into:
        print(_("merged into: {merged_into} (journal person show {merged_into2})").format(merged_into=person.merged_into, merged_into2=person.merged_into[:8]))
    for label, value in ((N_("other names"), ", ".join(person.aliases)), (N_("roles"), shown.words(shown.PERSON_ROLES, person.roles)),
                         (N_("phones"), ", ".join(person.phones)), (N_("handles"), ", ".join(person.handles)),
                         (N_("organisation"), person.organisation),
                         (N_("sensitive"), _("yes, details never leave this laptop") if person.sensitive else ""),
                         (N_("pseudonym in bundles"), person.pseudonym if person.sensitive else ""),
                         (N_("merged from"), ", ".join(person.merged_from)),
                         (N_("revision"), f"{person.revision} {person.revision_hash}")):
        if value:
            print(f"{_(label)}: {value}")
    if person.notes:
        print()
        print(person.notes)
    if links:
        print()
        print(_("Entries:"))
        for link in links:
            print(f"  {link.entry_uuid[:8]}  {(link.occurred_at or '—')[:16].ljust(16)}  "
                  f"{shown.word(shown.LINK_ROLES, link.role)}: {link.entry_title}")
    if logs:
        print()
        print(_("Contact log:"))
        for r in logs:
            print("  " + _log_line(r))
    if history is not None:
        print()
        for rev in history:
            print(_("revision {number}  {saved_at}  {hash}  {content}").format(
                number=rev.number, saved_at=rev.saved_at, hash=rev.hash[:16], content=rev.content.get("display_name", ""))
                  + (f"  ({rev.note})" if rev.note else ""))
    return 0


def cmd_person_edit(args, ctx) -> int:
    journal = ctx.open_journal()
    changes = _person_changes(args, editing=True)
    if not changes:
        raise InvalidInput(_("Nothing to change: give at least one option."))
    person = journal.people.get(args.id)
    updated = journal.people.update(person.uuid, **changes)
    print(_("{uuid} revision {revision}").format(uuid=updated.uuid, revision=updated.revision))
    return 0


def cmd_person_delete(args, ctx) -> int:
    if not args.yes:
        raise InvalidInput(_("Deleting a person removes their details and history for good (their contact-log records stay). Add --yes to confirm."))
    journal = ctx.open_journal()
    person = journal.people.delete(journal.people.get(args.id).uuid)
    print(_("Deleted: {uuid}").format(uuid=person.uuid))
    return 0


def cmd_person_merge(args, ctx) -> int:
    journal = ctx.open_journal()
    keep = journal.people.get(args.keep_id)
    absorb = journal.people.get(args.absorb_id)
    kept = journal.people.merge(keep.uuid, absorb.uuid)
    print(_("Merged {uuid} into {uuid2} (revision {revision})").format(uuid=absorb.uuid, uuid2=kept.uuid, revision=kept.revision))
    return 0


def cmd_link(args, ctx) -> int:
    journal = ctx.open_journal()
    journal.people.link(args.entry_id, args.person_id, args.role)
    print(_("Linked."))
    return 0


def cmd_unlink(args, ctx) -> int:
    journal = ctx.open_journal()
    n = journal.people.unlink(args.entry_id, args.person_id, args.role)
    print(ngettext("Removed {n} link.", "Removed {n} links.", n).format(n=n))
    return 0


# --- contact log ------------------------------------------------------------------------
def log_json(record) -> dict:
    return {"id": record.uuid, "at": record.at, "tz": record.tz, "channel": record.channel,
            "direction": record.direction, "summary": record.summary,
            "people": [{"id": p.uuid, "name": p.display_name} for p in record.people],
            "entries": record.entries, "follow_up_due": record.follow_up_due,
            "follow_up_note": record.follow_up_note, "follow_up_done_at": record.follow_up_done_at,
            "follow_up_state": record.follow_up_state, "recorded_at": record.recorded_at,
            "updated_at": record.updated_at}


def _log_line(record) -> str:
    names = ", ".join(p.display_name for p in record.people)
    follow = ""
    if record.follow_up_state == "open":
        due = _("follow-up {due}").format(due=record.follow_up_due)
        follow = f"  [{due}" + (f": {record.follow_up_note}" if record.follow_up_note else "") + "]"
    elif record.follow_up_state == "done":
        follow = "  [" + _("follow-up done") + "]"
    summary = " ".join(record.summary.split())
    if len(summary) > 80:
        summary = summary[:79] + "…"
    channel, direction = shown.word(shown.CHANNELS, record.channel), shown.word(shown.DIRECTIONS, record.direction)
    return (f"{record.uuid[:8]}  {record.at[:16].ljust(16)}  {channel}/{direction}  "
            f"{names}: {summary}{follow}")


def cmd_log_add(args, ctx) -> int:
    journal = ctx.open_journal()
    if args.follow_up_note and not args.follow_up:
        raise InvalidInput(_("--follow-up-note needs --follow-up DATE."))
    record = journal.contact_log.add(
        people=args.person, channel=args.channel, direction=args.direction, summary=args.summary, at=args.at,
        tz=args.tz, entries=args.entry or [], follow_up_due=args.follow_up, follow_up_note=args.follow_up_note,
    )
    print(record.uuid)
    return 0


def cmd_log_edit(args, ctx) -> int:
    journal = ctx.open_journal()
    record = journal.contact_log.get(args.id)
    changes: dict = {name: getattr(args, name) for name in ("at", "tz", "channel", "direction", "summary")
                     if getattr(args, name) is not None}
    if args.person:
        changes["people"] = args.person
    if args.entry:
        changes["entries"] = args.entry
    if args.follow_up:
        changes["follow_up_due"] = args.follow_up
    if args.no_follow_up:
        changes["follow_up_due"], changes["follow_up_note"] = None, ""
    if args.follow_up_note is not None:
        changes["follow_up_note"] = args.follow_up_note
    if not changes:
        raise InvalidInput(_("Nothing to change: give --at, --summary, --follow-up or another option."))
    record = journal.contact_log.update(record.uuid, **changes)
    print(_log_line(record))
    return 0


def cmd_log_list(args, ctx) -> int:
    journal = ctx.open_journal()
    records = journal.contact_log.list(person=args.person, entry=args.entry, due_only=args.due,
                                       channel=args.channel, date_from=args.date_from, date_to=args.date_to,
                                       limit=args.limit, offset=args.offset)
    if args.json:
        print_json([log_json(r) for r in records])
        return 0
    if not records:
        print(_("No follow-ups due.") if args.due else _("No contact-log records."))
    for r in records:
        print(_log_line(r))
    return 0


def cmd_log_show(args, ctx) -> int:
    journal = ctx.open_journal()
    record = journal.contact_log.get(args.id)
    if args.json:
        print_json(log_json(record))
        return 0
    print(f"id: {record.uuid}")
    for label, value in ((N_("at"), record.at), (N_("time zone"), record.tz), (N_("channel"), shown.word(shown.CHANNELS, record.channel)),
                         (N_("direction"), shown.word(shown.DIRECTIONS, record.direction)),
                         (N_("people"), ", ".join(p.display_name + (f" ({p.uuid[:8]})" if p.uuid else "")
                                              for p in record.people)),
                         (N_("entries"), ", ".join(e[:8] for e in record.entries)),
                         (N_("follow-up due"), record.follow_up_due), (N_("follow-up note"), record.follow_up_note),
                         (N_("follow-up done"), record.follow_up_done_at), (N_("recorded"), record.recorded_at)):
        if value:
            print(f"{_(label)}: {value}")
    print()
    print(record.summary)
    return 0


def cmd_log_done(args, ctx) -> int:
    journal = ctx.open_journal()
    record = journal.contact_log.mark_done(journal.contact_log.get(args.id).uuid, done=not args.undo)
    print(_("{uuid} follow-up {follow_up_state}").format(
        uuid=record.uuid, follow_up_state=shown.word(shown.FOLLOW_UP_STATES, record.follow_up_state)))
    return 0


def cmd_log_delete(args, ctx) -> int:
    journal = ctx.open_journal()
    record = journal.contact_log.delete(journal.contact_log.get(args.id).uuid)
    print(_("Deleted: {uuid}").format(uuid=record.uuid))
    return 0


# --- search across kinds (wired into `journal search` by entry_commands) ------------------------
def hit_json(hit) -> dict:
    return {"kind": hit.kind, "id": hit.uuid, "title": hit.title, "occurred_at": hit.occurred_at,
            "category": hit.category, "status": hit.status, "snippet": plain_snippet(hit.snippet)}


def cmd_search_all(args, ctx) -> int:
    """`journal search QUERY`: entries, people and log records, each with its kind.

    Reads args.query, args.json, args.limit, args.rank and the entry filter
    options (--category/--tag/--status/--from/--to) when present, and
    args.kind (a list of entry/person/log) when the parser offers --kind.
    """
    from journal.records.search_all import search_all

    journal = ctx.open_journal()
    flt = EntryFilter(category=getattr(args, "category", None), tag=getattr(args, "tag", None),
                      status=getattr(args, "status", None), date_from=getattr(args, "date_from", None),
                      date_to=getattr(args, "date_to", None))
    hits = search_all(journal.db, args.query, limit=getattr(args, "limit", 50), flt=flt,
                      kinds=getattr(args, "kind", None) or None,
                      order="rank" if getattr(args, "rank", False) else "newest")
    if getattr(args, "json", False):
        print_json([hit_json(h) for h in hits])
        return 0
    if not hits:
        print(_("No matches."))
    for h in hits:
        print(f"{h.uuid[:8]}  {shown.word(shown.RECORD_KINDS, h.kind).ljust(6)}  {(h.occurred_at or '—')[:16].ljust(16)}  {h.title}")
        print(f"                  {plain_snippet(h.snippet)}")
    return 0


def add_search_kind_option(parser: argparse.ArgumentParser) -> None:
    """Offer `--kind entry|person|log` (repeatable) on the search parser."""
    parser.add_argument("--kind", action="append", choices=["entry", "person", "log"],
                        help=_("only these kinds of record (repeatable; default: all)"))
