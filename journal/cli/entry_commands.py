"""add, edit, list, show, search, delete, trash, restore, empty-trash, categories, tags."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from journal.records import display_labels as shown
from journal.errors import InvalidInput
from journal.i18n import N_, _, ngettext
from journal.records.search import EntryFilter, plain_snippet
from journal.cli.context import print_json
from journal.cli.output import one_line


def _entry_options(p: argparse.ArgumentParser, editing: bool) -> None:
    p.add_argument("--title", metavar=_("TITLE"), required=not editing)
    body = p.add_mutually_exclusive_group()
    body.add_argument("--body", metavar=_("BODY"))
    body.add_argument("--body-file", metavar="F", help=_("read the text from F ('-' for standard input)"))
    p.add_argument("--occurred", metavar="ISO8601", help=_("e.g. 2024-03-05T14:10+03:00, or a date alone"))
    p.add_argument("--tz", metavar=_("ZONE"), help=_("IANA time zone, e.g. Europe/Moscow"))
    p.add_argument("--end", metavar="ISO8601", help=_("when it ended"))
    p.add_argument("--place", metavar="P")
    p.add_argument("--lat", type=float, metavar="X")
    p.add_argument("--lon", type=float, metavar="Y")
    p.add_argument("--category", metavar="C")
    p.add_argument("--tag", action="append", metavar="X", help=_("repeatable; replaces all tags") if editing else _("repeatable"))
    p.add_argument("--source", choices=["witnessed", "reported", "media"])
    status = p.add_mutually_exclusive_group()
    status.add_argument("--final", action="store_true", help=_("mark as final (default: draft)"))
    if editing:
        status.add_argument("--draft", action="store_true", help=_("mark as draft"))


def _filter_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--category", metavar="C")
    p.add_argument("--tag", metavar="X")
    p.add_argument("--status", choices=["draft", "final"])
    p.add_argument("--from", dest="date_from", metavar=_("DATE"), help=_("YYYY-MM-DD (inclusive)"))
    p.add_argument("--to", dest="date_to", metavar=_("DATE"), help=_("YYYY-MM-DD (inclusive)"))


def register(sub) -> None:
    p = sub.add_parser("add", help=_("add a field note; prints its id"))
    _entry_options(p, editing=False)
    p.set_defaults(handler=cmd_add)

    p = sub.add_parser("edit", help=_("change a field note (a new revision is kept)"))
    p.add_argument("id")
    _entry_options(p, editing=True)
    p.set_defaults(handler=cmd_edit)

    p = sub.add_parser("list", help=_("list entries, most recent first"))
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", metavar=_("LIMIT"), type=int, default=50)
    p.add_argument("--offset", metavar=_("OFFSET"), type=int, default=0)
    _filter_options(p)
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("show", help=_("show one entry"))
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p.add_argument("--history", action="store_true", help=_("include every revision"))
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("search", help=_("full-text search (words are ANDed; word* for prefixes)"))
    p.add_argument("query", metavar=_("query"))
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", metavar=_("LIMIT"), type=int, default=50)
    p.add_argument("--rank", action="store_true", help=_("order by relevance instead of newest first"))
    p.add_argument("--kind", action="append", choices=["entry", "form", "person", "log"],
                   help=_("only these kinds of record (repeatable; default: all)"))
    _filter_options(p)
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("reindex", help=_("add the word forms of records saved before this version to the search index"))
    p.set_defaults(handler=cmd_reindex)

    p = sub.add_parser("delete", help=_("move an entry to the trash"))
    p.add_argument("id")
    p.set_defaults(handler=cmd_delete)

    p = sub.add_parser("trash", help=_("list entries in the trash"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_trash)

    p = sub.add_parser("restore", help=_("restore an entry from the trash, or a backup file into the journal folder"))
    p.add_argument("id", metavar=_("ID|BACKUP_FILE"))
    p.add_argument("--replace", action="store_true",
                   help=_("with a backup file: replace an existing journal in the folder"))
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("empty-trash", help=_("delete the entries in the trash for good"))
    p.add_argument("--yes", action="store_true")
    p.set_defaults(handler=cmd_empty_trash)

    p = sub.add_parser("categories", help=_("list categories, or add one"))
    p.add_argument("--add", nargs=2, metavar=(_("KEY"), _("LABEL")))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_categories)


def _read_body(args) -> str | None:
    if args.body is not None:
        return args.body
    if args.body_file:
        if args.body_file == "-":
            return sys.stdin.read()
        try:
            return Path(args.body_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidInput(_("Cannot read {body_file}: {exc}").format(body_file=args.body_file, exc=exc)) from None
    return None


def _changes(args, editing: bool) -> dict:
    changes: dict = {}
    if args.title is not None:
        changes["title"] = args.title
    body = _read_body(args)
    if body is not None:
        changes["body"] = body
    for opt, field in (("occurred", "occurred_at"), ("tz", "occurred_tz"), ("end", "occurred_end"),
                       ("place", "place"), ("lat", "latitude"), ("lon", "longitude"),
                       ("category", "category"), ("source", "source")):
        value = getattr(args, opt)
        if value is not None:
            changes[field] = value
    if args.tag is not None:
        changes["tags"] = args.tag
    if args.final:
        changes["status"] = "final"
    elif editing and getattr(args, "draft", False):
        changes["status"] = "draft"
    return changes


def cmd_add(args, ctx) -> int:
    journal = ctx.open_journal()
    entry = journal.entries.add(**_changes(args, editing=False))
    print(entry.uuid)
    return 0


def cmd_edit(args, ctx) -> int:
    journal = ctx.open_journal()
    changes = _changes(args, editing=True)
    if not changes:
        raise InvalidInput(_("Nothing to change: give at least one option."))
    entry = journal.entries.get(args.id)
    updated = journal.entries.update(entry.uuid, **changes)
    print(_("{uuid} revision {revision}").format(uuid=updated.uuid, revision=updated.revision))
    return 0


def summary_json(s) -> dict:
    return {"id": s.uuid, "title": s.title, "occurred_at": s.occurred_at, "place": s.place,
            "category": s.category, "status": s.status, "attachments": s.attachment_count}


def _filter(args, trash: bool = False) -> EntryFilter:
    return EntryFilter(category=getattr(args, "category", None), tag=getattr(args, "tag", None),
                       status=getattr(args, "status", None), date_from=getattr(args, "date_from", None),
                       date_to=getattr(args, "date_to", None), trash=trash)


def _print_table(rows: list[tuple[str, ...]]) -> None:
    for row in rows:
        print("  ".join(one_line(cell) for cell in row))


def cmd_list(args, ctx) -> int:
    journal = ctx.open_journal()
    page = journal.queries.page(_filter(args), limit=args.limit, offset=args.offset)
    if args.json:
        print_json([summary_json(s) for s in page])
        return 0
    if not page:
        print(_("No entries."))
    labels = dict(journal.entries.categories()) if page else {}
    _print_table([(s.uuid[:8], (s.occurred_at or "—")[:16].ljust(16),
                   shown.category(s.category, labels.get(s.category)).ljust(12),
                   shown.word(shown.STATUS, s.status).ljust(5), s.title) for s in page])
    return 0


def entry_json(entry) -> dict:
    return entry.as_json()


def cmd_show(args, ctx) -> int:
    journal = ctx.open_journal()
    entry = journal.entries.get(args.id)
    history = journal.entries.history(entry.uuid) if args.history else None
    if args.json:
        data = entry_json(entry)
        if history is not None:
            data["history"] = [{"number": r.number, "saved_at": r.saved_at, "hash": r.hash,
                                "prev_hash": r.prev_hash, "content": r.content} for r in history]
        print_json(data)
        return 0
    print(one_line(entry.title) or _("(untitled)"))
    print(f"id: {entry.uuid}")
    for label, value in ((N_("occurred"), entry.occurred_at), (N_("time zone"), entry.occurred_tz),
                         (N_("ended"), entry.occurred_end), (N_("place"), entry.place),
                         (N_("coordinates"), f"{entry.latitude}, {entry.longitude}" if entry.latitude is not None else None),
                         (N_("category"), shown.category(entry.category, dict(journal.entries.categories()).get(entry.category))),
                         (N_("tags"), ", ".join(entry.tags)),
                         (N_("status"), shown.word(shown.STATUS, entry.status)),
                         (N_("source"), shown.word(shown.SOURCE, entry.source)),
                         (N_("recorded"), entry.recorded_at), (N_("updated"), entry.updated_at),
                         (N_("in trash since"), entry.deleted_at), (N_("revision"), f"{entry.revision} {entry.revision_hash}")):
        if value:
            print(f"{_(label)}: {one_line(value)}")
    print()
    print(entry.body)
    if history is not None:
        print()
        for rev in history:
            print(_("revision {number}  {saved_at}  {hash}  {content}").format(number=rev.number, saved_at=rev.saved_at, hash=rev.hash[:16], content=rev.content.get('title', '')))
    return 0


def cmd_reindex(args, ctx) -> int:
    """Fill in the word forms of records indexed before schema 11, then build the entries' prefix
    index of schema 15 when the migration left it to the background (journal/records/search_index.py).
    Ctrl+C stops between batches; what was done stays done and the next run resumes."""
    from journal.records.search_index import fill_word_forms

    journal = ctx.open_journal()

    def show(done: int, total: int) -> None:
        if sys.stderr.isatty() and total:
            sys.stderr.write("\r" + _("Indexing word forms: {done} of {total}").format(done=done, total=total))
            sys.stderr.flush()

    done = fill_word_forms(journal.db, progress=show)
    if sys.stderr.isatty() and done:
        sys.stderr.write("\n")
    print(ngettext("Word forms indexed for {count} record.", "Word forms indexed for {count} records.",
                   done).format(count=done))
    return 0


def cmd_search(args, ctx) -> int:
    from journal.records.search_all import search_all

    journal = ctx.open_journal()
    hits = search_all(journal.db, args.query, limit=args.limit, flt=_filter(args),
                      order="rank" if args.rank else "newest", kinds=args.kind)
    if args.json:
        print_json([{"kind": h.kind, "id": h.uuid, "title": h.title, "occurred_at": h.occurred_at,
                     "category": h.category, "status": h.status, "snippet": plain_snippet(h.snippet)}
                    for h in hits])
        return 0
    if not hits:
        print(_("No matches."))
        from journal.records.search import nothing_found_hints
        from journal.records.search_index import pending_word_forms

        for hint in nothing_found_hints(args.query, _filter(args)):
            print("  " + hint)
        pending = pending_word_forms(journal.db, include_build=False)
        if pending:
            print("  " + ngettext(
                "Word forms are not yet indexed for {count} record: run `journal reindex`.",
                "Word forms are not yet indexed for {count} records: run `journal reindex`.",
                pending).format(count=pending))
    for h in hits:
        label = "" if h.kind == "entry" else f"[{shown.word(shown.RECORD_KINDS, h.kind)}] "
        print(f"{h.uuid[:8]}  {(h.occurred_at or '—')[:16].ljust(16)}  {label}{one_line(h.title)}")
        print(f"          {plain_snippet(h.snippet)}")
    return 0


def cmd_delete(args, ctx) -> int:
    journal = ctx.open_journal()
    entry = journal.entries.get(args.id)
    journal.entries.move_to_trash(entry.uuid)
    print(_("Moved to the trash: {uuid} (journal restore {uuid2} brings it back)").format(uuid=entry.uuid, uuid2=entry.uuid[:8]))
    return 0


def cmd_trash(args, ctx) -> int:
    journal = ctx.open_journal()
    page = journal.queries.page(EntryFilter(trash=True), sort="updated", limit=10_000)
    if args.json:
        print_json([{**summary_json(s), "deleted_at": s.deleted_at} for s in page])
        return 0
    if not page:
        print(_("The trash is empty."))
    _print_table([(s.uuid[:8], (s.deleted_at or "")[:16], s.title) for s in page])
    return 0


def cmd_restore(args, ctx) -> int:
    if Path(args.id).is_file():
        from journal.cli.vault_commands import cmd_restore_backup

        return cmd_restore_backup(args, ctx)
    journal = ctx.open_journal()
    entry = journal.entries.get(args.id)
    journal.entries.restore(entry.uuid)
    print(_("Restored: {uuid}").format(uuid=entry.uuid))
    return 0


def cmd_empty_trash(args, ctx) -> int:
    if not args.yes:
        raise InvalidInput(_("Emptying the trash deletes those entries for good. Add --yes to confirm."))
    journal = ctx.open_journal()
    n = journal.entries.empty_trash()
    print(ngettext("Deleted {n} entry for good.", "Deleted {n} entries for good.", n).format(n=n))
    return 0


def cmd_categories(args, ctx) -> int:
    journal = ctx.open_journal()
    if args.add:
        journal.entries.add_category(*args.add)
    cats = journal.entries.categories()
    if args.json:
        print_json([{"key": k, "label": label} for k, label in cats])
    else:
        _print_table([(k.ljust(24), shown.category(k, label)) for k, label in cats])
    return 0
