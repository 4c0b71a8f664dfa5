"""travel prepare, travel restore (journal/travel/)."""

from __future__ import annotations

import sys

from journal.cli.context import print_json, read_secret_file
from journal.errors import InvalidInput
from journal.i18n import _, ngettext


def register(sub) -> None:
    p = sub.add_parser("travel", help=_("seal the whole journal into one package and erase it here; restore it later"))
    tsub = p.add_subparsers(dest="travel_command", metavar=_("COMMAND"))
    tsub.required = True

    q = tsub.add_parser("prepare", help=_("write the travel package (opened only by the recovery code), prove it, "
                                          "then erase the journal from this computer"))
    where = q.add_mutually_exclusive_group(required=True)
    where.add_argument("--to", metavar=_("PATH"), help=_("a file or folder (a USB stick) for the package"))
    where.add_argument("--drop", metavar=_("COORDINATOR"),
                       help=_("send the package to this coordinator's drop folder instead"))
    q.add_argument("--recovery-code-file", metavar=_("FILE"), help=_("read the recovery code from FILE"))
    q.add_argument("--proxy", metavar="URL", help=_("use this proxy for the upload (e.g. socks5h://127.0.0.1:9050)"))
    q.add_argument("--tor", action="store_true", help=_("send through Tor on this computer (socks5h://127.0.0.1:9050)"))
    q.add_argument("--keep", action="store_true", help=_("a rehearsal: make and prove the package, keep the journal"))
    q.add_argument("--yes", action="store_true", help=_("required unless --keep: confirms the journal is erased here"))
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_prepare)

    q = tsub.add_parser("restore", help=_("bring the journal back from a travel package"))
    where = q.add_mutually_exclusive_group(required=True)
    where.add_argument("--from", dest="source", metavar=_("PATH"), help=_("the travel package file"))
    where.add_argument("--drop", metavar="URL", help=_("fetch the package from this drop folder"))
    q.add_argument("--user", metavar="U", help=_("user name of the drop folder"))
    q.add_argument("--password-file", metavar="F", help=_("read the drop folder's password from F"))
    q.add_argument("--name", metavar=_("NAME"), help=_("the package's file name in the drop folder "
                                                       "(default: the newest one the code opens)"))
    q.add_argument("--recovery-code-file", metavar=_("FILE"), help=_("read the recovery code from FILE"))
    q.add_argument("--proxy", metavar="URL", help=_("use this proxy for the download"))
    q.add_argument("--tor", action="store_true", help=_("fetch through Tor on this computer (socks5h://127.0.0.1:9050)"))
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_restore)


def _code(args, ctx) -> str:
    if args.recovery_code_file:
        return read_secret_file(args.recovery_code_file)
    return ctx.prompt_secret(_("Recovery code: "))


def _proxy(args) -> str | None:
    from journal.exchange.transport import TOR_PROXY_URL

    return TOR_PROXY_URL if args.tor else args.proxy


def _progress(done: int, total: int) -> None:
    from journal.cli.transport_commands import _progress as show

    show(done, total)


def _end_progress() -> None:
    from journal.cli.transport_commands import _end_progress as end

    end()


def cmd_prepare(args, ctx) -> int:
    from journal.exchange.outbox import settings_for
    from journal.travel import erase_after_travel, prepare_to_file
    from journal.travel.drop import prepare_to_drop

    if not args.keep and not args.yes:
        raise InvalidInput(_("Preparing for travel erases the journal from this computer once the package is "
                             "proven. Add --yes to confirm (or --keep for a rehearsal that erases nothing)."))
    journal = ctx.open_journal()
    code = _code(args, ctx)
    try:
        if args.drop:
            coordinator = journal.coordinators.active(args.drop)
            folder = journal.outbox.drop(coordinator)
            if folder is None:
                raise InvalidInput(_("This coordinator has no drop folder; set one with `journal coordinator set-drop`."))
            settings = settings_for(journal.outbox.network_settings(), folder.pinned_sha256, _proxy(args))
            report = prepare_to_drop(journal, folder, settings, code, progress=_progress)
        else:
            report = prepare_to_file(journal, args.to, code, progress=_progress)
    finally:
        _end_progress()
    erased: list[str] = []
    if not args.keep:
        erased = erase_after_travel(journal)
    if args.json:
        print_json({"path": str(report.path) if report.path else None, "remote_name": report.remote_name,
                    "folder_url": report.folder_url, "size": report.size, "sha256": report.sha256,
                    "entries": report.entries, "attachment_files": report.attachment_files,
                    "erased": erased})
        return 0
    if report.path is not None:
        print(_("The travel package is {path}; it was read back and checked.").format(path=report.path))
    else:
        print(_("The travel package was sent to {url} as {name}, read back and checked.").format(
            url=report.folder_url, name=report.remote_name))
        print(_("Write down that address (and its password, if it has one): you will need it to fetch the package."))
    if args.keep:
        print(_("Rehearsal: the journal was kept."))
    else:
        print(_("The journal was erased from this computer. Only the recovery code opens the package."))
        print(_("Note: on SSDs and flash drives old blocks may survive; see docs/security.md."), file=sys.stderr)
    return 0


def cmd_restore(args, ctx) -> int:
    from journal.travel import restore_from_file
    from journal.travel.drop import restore_from_drop

    code = _code(args, ctx)
    try:
        if args.drop:
            password = read_secret_file(args.password_file) if args.password_file else None
            report = restore_from_drop(args.drop, ctx.data_dir, code, user=args.user, password=password,
                                       name=args.name, proxy_url=_proxy(args), progress=_progress)
        else:
            report = restore_from_file(args.source, ctx.data_dir, code, progress=_progress)
    finally:
        _end_progress()
    if args.json:
        print_json({"data_dir": str(report.data_dir), "entries": report.entries,
                    "attachment_files": report.attachment_files, "sealed_at": report.created_at})
        return 0
    print(_("The journal is back in {folder}, as it was sealed at {when}.").format(
        folder=report.data_dir, when=report.created_at))
    print(ngettext("{n} entry", "{n} entries", report.entries).format(n=report.entries) + ", "
          + ngettext("{n} attachment file", "{n} attachment files", report.attachment_files).format(
              n=report.attachment_files))
    print(_("Unlock it with your passphrase, as before the journey."))
    return 0
