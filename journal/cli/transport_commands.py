"""send, outbox, coordinator set-drop/clear-drop/test-drop, inbox add/list/remove, fetch, network."""

from __future__ import annotations

import sys

from journal.records import display_labels as shown
from journal.errors import InvalidInput
from journal.i18n import _, ngettext
from journal.cli.output import raw_stream
from journal.cli.context import print_json, read_secret_file


def register(sub) -> None:
    p = sub.add_parser("send", help=_("upload bundles to coordinators' drop folders"))
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("bundle", nargs="?", metavar=_("BUNDLE_FILE"), help=_("a bundle file to queue and send"))
    what.add_argument("--outbox", action="store_true", help=_("send everything waiting in the outbox"))
    p.add_argument("--to", nargs="+", metavar=_("COORDINATOR"),
                   help=_("coordinator(s): required with BUNDLE_FILE; with --outbox, only theirs"))
    p.add_argument("--proxy", metavar="URL", help=_("use this proxy for this send (e.g. socks5h://127.0.0.1:9050)"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_send)

    p = sub.add_parser("outbox", help=_("bundles waiting to be sent, and the sent list"))
    p.add_argument("--remove", type=int, metavar="ID", help=_("take an item out of the outbox"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_outbox)

    p = sub.add_parser("inbox", help=_("folders a coordinator fetches bundles from"))
    isub = p.add_subparsers(dest="inbox_command", metavar=_("ACTION"))
    isub.required = True
    q = isub.add_parser("add", help=_("add a WebDAV folder to fetch from"))
    q.add_argument("url", metavar="URL")
    _credential_args(q)
    q.set_defaults(handler=cmd_inbox_add)
    q = isub.add_parser("list", help=_("list inbox folders"))
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_inbox_list)
    q = isub.add_parser("remove", help=_("forget an inbox folder"))
    q.add_argument("id", type=int, metavar="ID")
    q.set_defaults(handler=cmd_inbox_remove)

    p = sub.add_parser("fetch", help=_("download and import new bundles from the inbox folders"))
    p.add_argument("--trust-new", action="store_true",
                   help=_("accept bundles signed by keys never seen before (compare fingerprints first!)"))
    p.add_argument("--delete-after-import", action="store_true", help=_("delete imported bundles from the server"))
    p.add_argument("--proxy", metavar="URL", help=_("use this proxy for this fetch"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_fetch)

    p = sub.add_parser("network", help=_("show or change the network settings (stored encrypted)"))
    p.add_argument("--proxy", metavar="URL", help=_("SOCKS5 proxy for everything, e.g. socks5h://127.0.0.1:9050 (Tor)"))
    p.add_argument("--no-proxy", action="store_true", help=_("connect directly"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_network)

    # `journal coordinator set-drop …` joins the coordinator command of bundle_commands.
    coordinator = sub.choices.get("coordinator")
    if coordinator is not None:
        csub = next(a for a in coordinator._actions if a.dest == "coordinator_command")
        q = csub.add_parser("set-drop", help=_("the drop folder (Nextcloud file-drop link or WebDAV URL)"))
        q.add_argument("id", metavar=_("COORDINATOR"))
        q.add_argument("url", metavar="URL")
        _credential_args(q)
        q.set_defaults(handler=cmd_set_drop)
        q = csub.add_parser("clear-drop", help=_("forget a coordinator's drop folder"))
        q.add_argument("id", metavar=_("COORDINATOR"))
        q.set_defaults(handler=cmd_clear_drop)
        q = csub.add_parser("test-drop", help=_("check the drop folder (connects; writes nothing)"))
        q.add_argument("id", metavar=_("COORDINATOR"))
        q.add_argument("--proxy", metavar="URL")
        q.set_defaults(handler=cmd_test_drop)


def _credential_args(p) -> None:
    p.add_argument("--user", metavar="U", help=_("user name (not needed for a Nextcloud share link)"))
    p.add_argument("--password-file", metavar="F", help=_("read the password (or share password) from F"))
    p.add_argument("--pin", metavar="SHA256", help=_("require this server certificate (SHA-256 of its DER form)"))


def _password(args) -> str | None:
    return read_secret_file(args.password_file) if args.password_file else None


# --- sending -----------------------------------------------------------------------------------------
def _item_line(i) -> str:
    status = _("sent {sent_at}").format(sent_at=i.sent_at) if i.state == "sent" else (
        ngettext("queued, {attempts} attempt: {last_error}", "queued, {attempts} attempts: {last_error}",
                 i.attempts).format(attempts=i.attempts, last_error=i.last_error)
        if i.last_error else _("queued"))
    return _("{id:>4}  {created_at}  to {coordinator_name}  {file_size} bytes  {status}").format(
        id=i.id, created_at=i.created_at, coordinator_name=i.coordinator_name, file_size=i.file_size, status=status)


def cmd_send(args, ctx) -> int:
    journal = ctx.open_journal()
    outbox = journal.outbox
    if args.bundle:
        if not args.to:
            raise InvalidInput(_("Say who the bundle is for: --to COORDINATOR."))
        items = outbox.add_file(args.bundle, args.to)
        outcomes = [outbox.send(i.id, proxy_url=args.proxy, progress=_progress) for i in items]
    else:
        targets = args.to or [None]
        outcomes = []
        for target in targets:
            outcomes += outbox.send_all(coordinator=target, proxy_url=args.proxy, progress=_progress)
    _end_progress()
    if args.json:
        print_json([o.as_json() for o in outcomes])
    else:
        if not outcomes:
            print(_("Nothing to send: the outbox is empty."), file=sys.stderr)
        for o in outcomes:
            if o.ok:
                print(_("sent to {coordinator_name}: {server_reply}").format(coordinator_name=o.item.coordinator_name, server_reply=o.item.server_reply))
            else:
                print(_("NOT sent to {coordinator_name} (kept in the outbox): {error}").format(coordinator_name=o.item.coordinator_name, error=o.error))
    return 0 if all(o.ok for o in outcomes) else 1


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty() and total:
        raw_stream(sys.stderr).write(f"\r{done * 100 // total:3d}%")  # our own \r, not escaped
        sys.stderr.flush()


def _end_progress() -> None:
    if sys.stderr.isatty():
        raw_stream(sys.stderr).write("\r     \r")


def cmd_outbox(args, ctx) -> int:
    outbox = ctx.open_journal().outbox
    if args.remove is not None:
        removed = outbox.remove(args.remove)
        print(_("removed {id}").format(id=removed.id))
        return 0
    queued, sent = outbox.queued(), outbox.sent()
    if args.json:
        print_json({"queued": [i.as_json() for i in queued], "sent": [i.as_json() for i in sent]})
        return 0
    print(_("Outbox:") if queued else _("Outbox: empty"))
    for item in queued:
        print(_item_line(item))
    if sent:
        print(_("Sent:"))
        for item in sent:
            print(_item_line(item))
    return 0


def cmd_set_drop(args, ctx) -> int:
    journal = ctx.open_journal()
    coordinator = journal.coordinators.active(args.id)
    folder = journal.outbox.set_drop(coordinator, args.url, args.user, _password(args), args.pin)
    kind = _("Nextcloud file drop") if folder.target().is_nextcloud_share else _("WebDAV folder")
    print(f"{coordinator.display_name}: {kind} {folder.url}" + (_(" (with password)") if folder.password else ""))
    return 0


def cmd_clear_drop(args, ctx) -> int:
    journal = ctx.open_journal()
    coordinator = journal.coordinators.active(args.id)
    journal.outbox.clear_drop(coordinator)
    print(_("{display_name}: no drop folder").format(display_name=coordinator.display_name))
    return 0


def cmd_test_drop(args, ctx) -> int:
    journal = ctx.open_journal()
    folder = journal.outbox.drop(journal.coordinators.active(args.id))
    if folder is None:
        raise InvalidInput(_("This coordinator has no drop folder; set one with `journal coordinator set-drop`."))
    check = journal.outbox.test_drop(folder, proxy_url=args.proxy)
    print(check.note)
    return 0


# --- fetching -----------------------------------------------------------------------------------------
def cmd_inbox_add(args, ctx) -> int:
    folder = ctx.open_journal().inbox.add(args.url, args.user, _password(args), args.pin)
    print(f"{folder.id}  {folder.url}")
    return 0


def cmd_inbox_list(args, ctx) -> int:
    folders = ctx.open_journal().inbox.list()
    if args.json:
        print_json([f.as_json() for f in folders])
        return 0
    for f in folders:
        who = _(" as {user_name}").format(user_name=f.user_name) if f.user_name else ""
        print(_("{id}  {url}{who}  last fetched {value}").format(id=f.id, url=f.url, who=who, value=f.last_fetch_at or _("never")))
    return 0


def cmd_inbox_remove(args, ctx) -> int:
    folder = ctx.open_journal().inbox.remove(args.id)
    print(_("removed {id}  {url}").format(id=folder.id, url=folder.url))
    return 0


def cmd_fetch(args, ctx) -> int:
    journal = ctx.open_journal()
    report = journal.inbox.fetch(trust_new=args.trust_new, delete_after_import=args.delete_after_import,
                                 proxy_url=args.proxy, progress=_progress)
    _end_progress()
    if args.json:
        print_json(report.as_json())
    else:
        for error in report.errors:
            print(_("journal: {error}").format(error=error), file=sys.stderr)
        for f in report.files:
            who = _(" from {sender}").format(sender=f.sender) if f.sender else ""
            extra = f": {f.reason}" if f.reason and f.status != "skipped" else ""
            print(f"{f.remote_name}: {shown.word(shown.FETCH_STATUSES, f.status)}{who}{extra}" + (_(" (deleted from the server)") if f.deleted else ""))
        if not report.files and not report.errors:
            print(_("No bundles in the inbox folders."))
    if any(f.status == "accepted" for f in report.files):
        journal.attachments.fill_previews()  # received photos' previews, after the commit (cmd_import)
    failed = report.errors or any(f.status in ("rejected", "failed") for f in report.files)
    return 1 if failed else 0


def cmd_network(args, ctx) -> int:
    outbox = ctx.open_journal().outbox
    settings = outbox.network_settings()
    if args.proxy or args.no_proxy:
        from dataclasses import replace

        settings = outbox.set_network_settings(replace(settings, proxy_url=None if args.no_proxy else args.proxy))
    if args.json:
        print_json({"proxy_url": settings.proxy_url, "connect_timeout": settings.connect_timeout,
                    "read_timeout": settings.read_timeout, "max_attempts": settings.max_attempts})
    else:
        print(_("proxy: {value}").format(value=settings.proxy_url or _("none (direct connection)")))
    return 0


__all__ = ["register"]
