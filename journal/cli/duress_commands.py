"""duress set | remove | status | entries | add-entry: the duress passphrase and its decoy.

The duress passphrase itself needs no command: typed at any passphrase prompt, it erases the
real journal and the command goes on with the decoy (journal/storage/duress.py).
"""

from __future__ import annotations

import os

from journal.errors import InvalidInput
from journal.i18n import _
from journal.cli.context import print_json, read_secret_file

ENV_DURESS = "JOURNAL_DURESS_PASSPHRASE"


def register(sub) -> None:
    p = sub.add_parser("duress", help=_("a duress passphrase that erases this journal and opens a decoy"))
    dsub = p.add_subparsers(dest="duress_command", metavar=_("ACTION"))
    dsub.required = True

    q = dsub.add_parser("set", help=_("set the duress passphrase and make an empty decoy journal"))
    q.add_argument("--decoy-name", metavar=_("NAME"), default=None,
                   help=_("the decoy journal's name (default: this journal's name)"))
    q.add_argument("--duress-passphrase-file", metavar=_("FILE"), help=_("read the duress passphrase from FILE"))
    q.set_defaults(handler=cmd_set)

    q = dsub.add_parser("remove", help=_("remove the duress passphrase and destroy the decoy"))
    q.set_defaults(handler=cmd_remove)

    q = dsub.add_parser("status", help=_("say whether a duress passphrase is set"))
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_status)

    q = dsub.add_parser("entries", help=_("list the decoy journal's entries (asks for the duress passphrase)"))
    q.add_argument("--duress-passphrase-file", metavar=_("FILE"), help=_("read the duress passphrase from FILE"))
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_entries)

    q = dsub.add_parser("add-entry", help=_("add an entry to the decoy journal (asks for the duress passphrase)"))
    q.add_argument("--title", required=True, metavar=_("TITLE"))
    q.add_argument("--body", default="", metavar=_("TEXT"))
    q.add_argument("--occurred", default=None, metavar=_("WHEN"), help=_("when it happened (ISO date or date-time)"))
    q.add_argument("--duress-passphrase-file", metavar=_("FILE"), help=_("read the duress passphrase from FILE"))
    q.set_defaults(handler=cmd_add_entry)


def _duress_passphrase(args, ctx, twice: bool = False) -> str:
    if getattr(args, "duress_passphrase_file", None):
        return read_secret_file(args.duress_passphrase_file)
    env = os.environ.get(ENV_DURESS)
    if env:
        return env
    first = ctx.prompt_secret(_("Duress passphrase: "))
    if twice:
        second = ctx.prompt_secret(_("Repeat the duress passphrase: "))
        if first != second:
            raise InvalidInput(_("The two passphrases differ. Nothing was changed."))
    return first


def cmd_set(args, ctx) -> int:
    from journal.storage import duress

    journal = ctx.open_journal()
    if duress.is_set(journal):
        raise InvalidInput(_("A duress passphrase is already set. Remove it first to set another one."))
    duress.set_duress(journal, _duress_passphrase(args, ctx, twice=True), args.decoy_name)
    print(_("Duress passphrase set, with an empty decoy journal. Fill the decoy with "
            "`journal duress add-entry`, so that it looks used."))
    print(_("Typed at any unlock, the duress passphrase erases this journal for good and opens the decoy."))
    return 0


def cmd_remove(args, ctx) -> int:
    from journal.storage import duress

    journal = ctx.open_journal()
    if not duress.is_set(journal):
        print(_("No duress passphrase is set."))
        return 0
    duress.remove_duress(journal)
    print(_("Duress passphrase removed; the decoy journal was destroyed."))
    return 0


def cmd_status(args, ctx) -> int:
    from journal.storage import duress

    on = duress.is_set(ctx.open_journal())
    if args.json:
        print_json({"duress_passphrase": on})
    else:
        print(_("A duress passphrase is set.") if on else _("No duress passphrase is set."))
    return 0


def cmd_entries(args, ctx) -> int:
    from journal.cli.output import one_line
    from journal.storage import duress

    editor = duress.DecoyEditor(ctx.open_journal(), _duress_passphrase(args, ctx))
    try:
        rows = editor.journal.queries.page(sort="occurred")
    finally:
        editor.discard()
    if args.json:
        print_json([{"id": r.uuid, "title": r.title, "occurred_at": r.occurred_at} for r in rows])
        return 0
    for row in rows:
        print(f"{row.uuid[:8]}  {row.occurred_at or '-':<25}  {one_line(row.title)}")
    return 0


def cmd_add_entry(args, ctx) -> int:
    from journal.storage import duress

    editor = duress.DecoyEditor(ctx.open_journal(), _duress_passphrase(args, ctx))
    try:
        entry = editor.journal.entries.add(title=args.title, body=args.body, occurred_at=args.occurred)
    except BaseException:
        editor.discard()
        raise
    editor.save()
    print(_("Added to the decoy journal: {id}").format(id=entry.uuid[:8]))
    return 0
