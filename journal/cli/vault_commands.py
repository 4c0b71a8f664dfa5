"""init, passwd, recover, verify, erase."""

from __future__ import annotations

import sys

from journal.errors import InvalidInput
from journal.i18n import _, ngettext
from journal.cli.context import print_json


def register(sub) -> None:
    p = sub.add_parser("init", help=_("create a new journal and print its recovery code once"))
    p.add_argument("--name", metavar=_("NAME"), default="", help=_("a name for this journal (stored encrypted)"))
    p.add_argument("--new-passphrase-file", metavar=_("FILE"), help=_("read the new passphrase from FILE"))
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("passwd", help=_("change the passphrase (instant: the data key is rewrapped)"))
    p.add_argument("--new-passphrase-file", metavar=_("FILE"))
    p.add_argument("--rotate", action="store_true",
                   help=_("change the key too, after a passphrase was given up: a new data key, new keys "
                          "for every attachment file and a new recovery code (takes a while)"))
    p.set_defaults(handler=cmd_passwd)

    p = sub.add_parser("recover", help=_("open with the recovery code and set a new passphrase"))
    p.add_argument("--recovery-code-file", metavar=_("FILE"))
    p.add_argument("--new-passphrase-file", metavar=_("FILE"))
    p.set_defaults(handler=cmd_recover)

    p = sub.add_parser("verify", help=_("check the database and every entry's revision chain"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_verify)

    p = sub.add_parser("erase", help=_("emergency erase: make the journal unrecoverable"))
    p.add_argument("--yes", action="store_true", help=_("required: confirms that everything is destroyed"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_erase)

    register_backup(sub)


def cmd_init(args, ctx) -> int:
    from journal.storage.vault import Journal

    passphrase = ctx.new_passphrase(args.new_passphrase_file or args.passphrase_file)
    created = Journal.create(ctx.data_dir, passphrase, args.name)
    ctx.adopt(created.journal)
    print(_("Created a journal in {folder}").format(folder=ctx.data_dir))
    print()
    print(_("Recovery code (shown only this once; write it on paper and keep it apart from the laptop):"))
    print()
    print("    " + created.recovery_code)
    print()
    print(_("It opens the journal if you forget the passphrase. Anyone holding it can too."))
    return 0


def cmd_passwd(args, ctx) -> int:
    journal = ctx.open_journal()
    new = ctx.new_passphrase(args.new_passphrase_file)
    if not args.rotate:
        journal.change_passphrase(new)
        print(_("Passphrase changed."))
        return 0
    result = journal.rotate_keys(new, progress=_progress_printer())
    print(_("The passphrase and every key were changed: the old passphrase, the old recovery code and "
            "copies of the old key file no longer open this journal."))
    print()
    print(_("New recovery code (shown only this once; write it on paper and keep it apart from the laptop):"))
    print()
    print("    " + result.recovery_code)
    print()
    print(_("Backups made before now are not changed: they still open with the old passphrase and the old "
            "recovery code. Destroy them if they could be found, and make a new backup."))
    return 0


def _progress_printer():
    """Progress on stderr for a terminal (a line rewritten in place), silence otherwise."""
    if not sys.stderr.isatty():
        return None
    shown = {"percent": -1}

    def show(done: int, total: int) -> None:
        percent = 100 if not total else done * 100 // total
        if percent != shown["percent"]:
            shown["percent"] = percent
            sys.stderr.write("\r" + _("Re-encrypting attachment files: {percent}%").format(percent=percent))
            if percent == 100:
                sys.stderr.write("\n")
            sys.stderr.flush()

    return show


def cmd_recover(args, ctx) -> int:
    from journal.storage.vault import Journal, derive_data_key
    from journal.cli.context import note_rotation_outcome, read_secret_file

    if args.recovery_code_file:
        code = read_secret_file(args.recovery_code_file)
    else:
        code = ctx.prompt_secret(_("Recovery code: "))
    key = derive_data_key(ctx.data_dir, recovery_code=code)
    journal = Journal.open_with_key(ctx.data_dir, key)
    note_rotation_outcome(journal)
    ctx.adopt(journal)
    new = ctx.new_passphrase(args.new_passphrase_file)
    journal.change_passphrase(new)
    print(_("The recovery code was accepted and the new passphrase is set."))
    return 0


def cmd_verify(args, ctx) -> int:
    journal = ctx.open_journal()
    problems = journal.verify()
    if args.json:
        print_json({"ok": not problems, "problems": problems})
    elif problems:
        for line in problems:
            print(line)
    else:
        print(_("OK: the database is intact and every revision chain verifies."))
    return 1 if problems else 0


def cmd_erase(args, ctx) -> int:
    from journal.storage.vault import erase_journal, journal_exists

    if not args.yes:
        raise InvalidInput(_("Erase destroys the journal for good. Add --yes to confirm."))
    if not journal_exists(ctx.data_dir):
        raise InvalidInput(_("There is no journal in {data_dir}.").format(data_dir=ctx.data_dir))
    report = erase_journal(ctx.data_dir)
    if args.json:
        print_json({"erased": report.erased, "unreadable_after_s": report.unreadable_after_s,
                    "total_s": report.total_s})
    else:
        print(_("Erased: {erased}").format(erased=', '.join(report.erased)))
        print(_("The journal was unreadable after {unreadable_after_s:.3f} s (key file destroyed); all files gone after {total_s:.3f} s.").format(unreadable_after_s=report.unreadable_after_s, total_s=report.total_s))
        print(_("Note: on SSDs and flash drives old blocks may survive; see docs/security.md."), file=sys.stderr)
    return 0


def register_backup(sub) -> None:
    p = sub.add_parser("backup", help=_("write an encrypted backup (opens with the same passphrase)"))
    p.add_argument("out", metavar=_("OUT"))
    p.set_defaults(handler=cmd_backup)
    # `journal restore IN` shares its name with restoring an entry from the trash;
    # entry_commands.cmd_restore dispatches here when the argument is a file.


def cmd_backup(args, ctx) -> int:
    from pathlib import Path

    from journal.storage.backup import write_backup

    journal = ctx.open_journal()
    report = write_backup(journal, Path(args.out))
    print(_("Backup written to {path} ({size:,} bytes) and verified: {entries}, {files}.").format(
        path=report.path, size=report.size,
        entries=ngettext("{n} entry", "{n} entries", report.entries).format(n=report.entries),
        files=ngettext("{n} attachment file", "{n} attachment files", report.attachment_files).format(
            n=report.attachment_files)))
    return 0


def cmd_restore_backup(args, ctx) -> int:
    from pathlib import Path

    from journal.storage.backup import restore_backup

    restore_backup(Path(args.id), ctx.data_dir, replace=args.replace)
    print(_("Restored into {data_dir}. Open it with the passphrase or recovery code valid at backup time.").format(data_dir=ctx.data_dir))
    return 0
