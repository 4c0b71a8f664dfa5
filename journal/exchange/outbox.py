"""Sending bundles: coordinators' drop folders, the outbox, the sent log, network settings.

The outbox holds bundle files that are already encrypted and signed, in
``<data dir>/outbox/`` under random names; the database (SQLCipher) holds what
they are for and what happened when sending them. Nothing here opens a socket
until ``send``/``upload`` is called: listing the outbox, storing settings or
exporting into the outbox work with the network refused.

Sending is split so the GUI can keep its single database writer free while
bytes move: ``prepare(item_id)`` (a database read) gives a ``SendJob``;
``upload(job)`` only talks to the network; ``record_sent`` / ``record_failure``
write the result. ``send()`` does all three for the CLI and tests.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal.errors import Cancelled, InvalidInput, JournalError, NotFound
from journal.storage.atomic import atomic_output
from journal.storage.paths import OUTBOX_DIR
from journal.timeutil import utc_now_iso
from journal.exchange.transport import (
    DropTarget,
    NetworkSettings,
    TransportError,
    UploadReceipt,
    WebDavClient,
    parse_drop_url,
    random_bundle_name,
)
from journal.progress import Progress
from journal.i18n import _

BUNDLE_SUFFIX = ".ijbundle"
DOWNLOADS_DIR = "inbox-downloads"
NETWORK_META_KEY = "network_settings"
#: The stored network settings fields (proxy, timeouts, attempts); pins belong to folders.
_NETWORK_FIELDS = ("proxy_url", "connect_timeout", "read_timeout", "write_timeout", "max_attempts")

if TYPE_CHECKING:
    from journal.exchange.exporter import Exporter
    from journal.storage.db import Database

ClientFactory = Callable[[DropTarget, NetworkSettings], WebDavClient]


# --- network settings (inside the encrypted database) ------------------------------------------
def load_network_settings(db) -> NetworkSettings:
    """The stored network settings, or the defaults (no proxy) when none were saved."""
    row = db.query_one("SELECT value FROM meta WHERE key = ?", (NETWORK_META_KEY,))
    if not row:
        return NetworkSettings()
    try:
        data = json.loads(row[0])
        values = {k: data[k] for k in _NETWORK_FIELDS if k in data}
        return NetworkSettings(**values)
    except (ValueError, TypeError, JournalError):
        # A damaged value must not make sending impossible: fall back to the safe defaults.
        return NetworkSettings()


def save_network_settings(db, settings: NetworkSettings) -> NetworkSettings:
    """Store proxy, timeouts and attempts in the journal's meta table (encrypted)."""
    value = json.dumps({k: getattr(settings, k) for k in _NETWORK_FIELDS}, sort_keys=True)
    with db.transaction() as tx:
        tx.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                   "value = excluded.value", (NETWORK_META_KEY, value))
    return settings


def settings_for(base: NetworkSettings, pinned_sha256: str | None, proxy_url: str | None = None) -> NetworkSettings:
    """`base` with a folder's certificate pin and, if given, a one-off proxy."""
    changes: dict[str, Any] = {"pinned_sha256": pinned_sha256 or None}
    if proxy_url is not None:
        changes["proxy_url"] = proxy_url or None
    return replace(base, **changes)


def private_folder(path: Path) -> Path:
    """Create `path` (mode 0700) if missing and return it."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        os.chmod(path, 0o700)
    except OSError:
        pass
    return path


# --- drop folders --------------------------------------------------------------------------------
@dataclass(frozen=True)
class DropFolder:
    """A coordinator's drop folder. The password is kept out of repr()."""

    coordinator_id: int
    url: str
    user_name: str | None
    password: str | None = field(repr=False)
    pinned_sha256: str | None
    updated_at: str

    def target(self) -> DropTarget:
        """The parsed address with credentials (InvalidTarget if it became unusable)."""
        return parse_drop_url(self.url, self.user_name or None, self.password)

    def as_json(self) -> dict[str, Any]:
        return {"url": self.url, "user": self.user_name, "has_password": bool(self.password),
                "pinned_sha256": self.pinned_sha256, "updated_at": self.updated_at}


# --- outbox rows ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class OutboxItem:
    id: int
    file_name: str
    coordinator_id: int
    coordinator_name: str
    bundle_id: str | None
    file_size: int
    remote_name: str
    created_at: str
    attempts: int
    last_attempt_at: str | None
    last_error: str | None
    state: str
    sent_at: str | None
    server_reply: str | None

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "file": self.file_name, "coordinator": self.coordinator_name,
                "bundle_id": self.bundle_id, "size": self.file_size, "created_at": self.created_at,
                "attempts": self.attempts, "last_attempt_at": self.last_attempt_at,
                "last_error": self.last_error, "state": self.state, "sent_at": self.sent_at,
                "server_reply": self.server_reply}


_ITEM_COLUMNS = ("o.id, o.file_name, o.coordinator_id, c.display_name, o.bundle_id, o.file_size, o.remote_name, "
                 "o.created_at, o.attempts, o.last_attempt_at, o.last_error, o.state, o.sent_at, o.server_reply")


@dataclass(frozen=True)
class SendJob:
    """Everything one upload needs, copied out of the database (safe to hand to a worker)."""

    item_id: int
    path: Path
    size: int
    remote_name: str
    target: DropTarget
    settings: NetworkSettings


@dataclass(frozen=True)
class SendOutcome:
    """The result of sending one outbox item: `error` is None on success."""

    item: OutboxItem
    receipt: UploadReceipt | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def as_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "error": self.error, "item": self.item.as_json(),
                "verified": self.receipt.verified if self.receipt else None}


class Outbox:
    """Drop folders, queued bundles and the sent log of one journal.

    `data_dir` is None for a read-only view (GUI reader): listing works, files do not.
    """

    def __init__(self, db: Database, data_dir: Path | None, exporter: Exporter | None = None) -> None:
        self.db = db
        self.data_dir = Path(data_dir) if data_dir is not None else None
        self._exporter = exporter  # None for a read-only view

    # --- locations ---------------------------------------------------------------------------
    @property
    def folder(self) -> Path:
        if self.data_dir is None:
            raise InvalidInput(_("This view of the journal cannot reach the outbox folder."))
        return self.data_dir / OUTBOX_DIR

    def path_of(self, item: OutboxItem) -> Path:
        return self.folder / item.file_name

    def new_bundle_path(self) -> Path:
        """A fresh random file name inside the outbox folder (created mode 0700)."""
        return private_folder(self.folder) / (uuid.uuid4().hex + BUNDLE_SUFFIX)

    def check(self) -> list[str]:
        """For `journal verify`: every queued bundle still has its file."""
        problems = []
        for item in self.queued():
            if not self.path_of(item).is_file():
                problems.append(f"outbox: the bundle file of item {item.id} is missing")
        return problems

    # --- network settings --------------------------------------------------------------------
    def network_settings(self) -> NetworkSettings:
        return load_network_settings(self.db)

    def set_network_settings(self, settings: NetworkSettings) -> NetworkSettings:
        return save_network_settings(self.db, settings)

    # --- drop folders ------------------------------------------------------------------------
    def _coordinator_id(self, coordinator: Any) -> int:
        if isinstance(coordinator, int):
            return coordinator
        if hasattr(coordinator, "id") and hasattr(coordinator, "uuid"):
            return coordinator.id
        from journal.exchange.identity import CoordinatorStore

        return CoordinatorStore(self.db).active(str(coordinator)).id

    def set_drop(self, coordinator: Any, url: str, user: str | None = None, password: str | None = None,
                 pinned_sha256: str | None = None) -> DropFolder:
        """Give a coordinator a drop folder (replaces the previous one). Checks the address
        (InvalidTarget) without connecting."""
        parse_drop_url(url, user or None, password)
        pin = NetworkSettings(pinned_sha256=pinned_sha256).pinned_sha256 if pinned_sha256 else None
        coordinator_id = self._coordinator_id(coordinator)
        with self.db.transaction() as tx:
            tx.execute(
                "INSERT INTO drop_folders (coordinator_id, url, user_name, password, pinned_sha256, updated_at) "
                "VALUES (?,?,?,?,?,?) ON CONFLICT (coordinator_id) DO UPDATE SET url = excluded.url, "
                "user_name = excluded.user_name, password = excluded.password, "
                "pinned_sha256 = excluded.pinned_sha256, updated_at = excluded.updated_at",
                (coordinator_id, url.strip(), user or None, password or None, pin, utc_now_iso()))
        folder = self.drop(coordinator_id)
        assert folder is not None
        return folder

    def drop(self, coordinator: Any) -> DropFolder | None:
        """The coordinator's drop folder, or None."""
        row = self.db.query_one("SELECT coordinator_id, url, user_name, password, pinned_sha256, updated_at "
                                "FROM drop_folders WHERE coordinator_id = ?", (self._coordinator_id(coordinator),))
        return DropFolder(*row) if row else None

    def clear_drop(self, coordinator: Any) -> None:
        with self.db.transaction() as tx:
            tx.execute("DELETE FROM drop_folders WHERE coordinator_id = ?", (self._coordinator_id(coordinator),))

    def test_drop(self, folder: DropFolder, *, proxy_url: str | None = None,
                  client_factory: ClientFactory | None = None):
        """Connect once (PROPFIND, nothing written) and return a ConnectionCheck."""
        settings = settings_for(self.network_settings(), folder.pinned_sha256, proxy_url)
        factory = client_factory or WebDavClient
        with factory(folder.target(), settings) as client:
            return client.test_connection()

    # --- queue -------------------------------------------------------------------------------
    def _items(self, where: str, params=(), order: str = "o.created_at, o.id", limit: int = 1000) -> list[OutboxItem]:
        rows = self.db.query(f"SELECT {_ITEM_COLUMNS} FROM outbox o JOIN coordinators c ON c.id = o.coordinator_id "
                             f"WHERE {where} ORDER BY {order} LIMIT ?", (*params, limit))
        return [OutboxItem(*r) for r in rows]

    def queued(self) -> list[OutboxItem]:
        """Bundles waiting to be sent, oldest first."""
        return self._items("o.state = 'queued'")

    def sent(self, limit: int = 500) -> list[OutboxItem]:
        """Bundles sent, newest first."""
        return self._items("o.state = 'sent'", order="o.sent_at DESC, o.id DESC", limit=limit)

    def get(self, item_id: int) -> OutboxItem:
        items = self._items("o.id = ?", (int(item_id),))
        if not items:
            raise NotFound(_("No outbox item {item_id}. See `journal outbox`.").format(item_id=item_id))
        return items[0]

    def enqueue(self, file_name: str, coordinators: list[Any], *, bundle_id: str | None = None) -> list[OutboxItem]:
        """Queue a bundle that is already in the outbox folder for each coordinator.

        Every coordinator needs a drop folder (InvalidInput names the first that has none).
        """
        path = self.folder / file_name
        if Path(file_name).name != file_name or not path.is_file():
            raise InvalidInput(_("The bundle must be a file inside the outbox folder."))
        size = path.stat().st_size
        ids = [self._coordinator_id(c) for c in coordinators]
        self._require_drops(ids)
        created = utc_now_iso()
        new_ids = []
        with self.db.transaction() as tx:
            for coordinator_id in dict.fromkeys(ids):
                cursor = tx.execute(
                    "INSERT INTO outbox (file_name, coordinator_id, bundle_id, file_size, remote_name, created_at) "
                    "VALUES (?,?,?,?,?,?) ON CONFLICT (file_name, coordinator_id) DO NOTHING",
                    (file_name, coordinator_id, bundle_id, size, random_bundle_name(), created))
                if cursor.rowcount:
                    new_ids.append(cursor.lastrowid)
        return [self.get(i) for i in new_ids]

    def _require_drops(self, coordinator_ids: list[int]) -> None:
        if not coordinator_ids:
            raise InvalidInput(_("Name at least one coordinator to send to (--to)."))
        for coordinator_id in coordinator_ids:
            if self.drop(coordinator_id) is None:
                name = self.db.query_one("SELECT display_name FROM coordinators WHERE id = ?", (coordinator_id,))
                raise InvalidInput(_("{name} has no drop folder yet. Set one first (`journal coordinator set-drop`), or save the bundle to a file.").format(name=name[0] if name else 'This coordinator'))

    def add_file(self, source: str | os.PathLike[str], coordinators: list[Any]) -> list[OutboxItem]:
        """Copy an existing bundle file (ciphertext) into the outbox and queue it."""
        source = Path(source)
        if not source.is_file():
            raise InvalidInput(_("{source} is not a bundle file.").format(source=source))
        ids = [self._coordinator_id(c) for c in coordinators]
        self._require_drops(ids)
        target = self.new_bundle_path()
        try:
            with atomic_output(target) as out, open(source, "rb") as src:
                shutil.copyfileobj(src, out, 1024 * 1024)
        except OSError as exc:
            raise InvalidInput(_("Could not copy the bundle into the outbox: {value}.").format(value=exc.strerror or exc)) from None
        return self.enqueue(target.name, ids)

    def export_to_outbox(self, coordinators: list[str], **export_args: Any) -> tuple[Any, list[OutboxItem]]:
        """Export a bundle (journal.exporter.export) straight into the outbox and queue it.

        Checks the drop folders before writing anything. Returns (ExportResult, items).
        """
        if self._exporter is None or self.data_dir is None:
            raise InvalidInput(_("Exporting needs the open journal."))
        ids = [self._coordinator_id(c) for c in coordinators]
        self._require_drops(ids)
        path = self.new_bundle_path()
        result = self._exporter.export(path, coordinators, **export_args)
        return result, self.enqueue(path.name, ids, bundle_id=result.bundle_id)

    def remove(self, item_id: int) -> OutboxItem:
        """Take an item out of the outbox (or the sent list); its file goes when nothing needs it."""
        item = self.get(item_id)
        with self.db.transaction() as tx:
            tx.execute("DELETE FROM outbox WHERE id = ?", (item.id,))
        self._drop_file_if_unused(item.file_name)
        return item

    def _drop_file_if_unused(self, file_name: str) -> None:
        still = self.db.query_one("SELECT 1 FROM outbox WHERE file_name = ? AND state = 'queued'", (file_name,))
        if still is None and self.data_dir is not None:
            (self.folder / file_name).unlink(missing_ok=True)

    # --- sending -----------------------------------------------------------------------------
    def prepare(self, item_id: int, *, proxy_url: str | None = None,
                settings: NetworkSettings | None = None) -> SendJob:
        """Read what sending `item_id` needs. Raises InvalidInput when it cannot be sent."""
        item = self.get(item_id)
        if item.state != "queued":
            raise InvalidInput(_("This bundle was already sent."))
        folder = self.drop(item.coordinator_id)
        if folder is None:
            raise InvalidInput(_("{coordinator_name} has no drop folder; set one, then send again.").format(coordinator_name=item.coordinator_name))
        path = self.path_of(item)
        if not path.is_file():
            raise InvalidInput(_("The bundle file is missing from the outbox folder; export it again."))
        base = settings or self.network_settings()
        return SendJob(item.id, path, path.stat().st_size, item.remote_name, folder.target(),
                       settings_for(base, folder.pinned_sha256 or base.pinned_sha256, proxy_url))

    @staticmethod
    def upload(job: SendJob, progress: Progress | None = None, cancel: Any = None,
               client_factory: ClientFactory | None = None) -> UploadReceipt:
        """Send the job's file (network only, no database). Raises TransportError or Cancelled."""
        factory = client_factory or WebDavClient
        with factory(job.target, job.settings) as client:
            return client.upload(job.path, job.remote_name, job.size, progress=progress, cancel=cancel)

    def record_sent(self, item_id: int, receipt: UploadReceipt) -> OutboxItem:
        """Move an item to the sent list with the server's answer; drop its file when done."""
        now = utc_now_iso()
        reply = f"HTTP {receipt.status_code}. {receipt.note}"
        with self.db.transaction() as tx:
            tx.execute("UPDATE outbox SET state = 'sent', sent_at = ?, server_reply = ?, last_error = NULL, "
                       "attempts = attempts + ?, last_attempt_at = ? WHERE id = ?",
                       (now, reply, max(1, receipt.attempts), now, int(item_id)))
        item = self.get(item_id)
        self._drop_file_if_unused(item.file_name)
        return item

    def record_failure(self, item_id: int, reason: str, attempts: int = 1) -> OutboxItem:
        """Keep an item queued and remember why sending failed."""
        with self.db.transaction() as tx:
            tx.execute("UPDATE outbox SET attempts = attempts + ?, last_error = ?, last_attempt_at = ? "
                       "WHERE id = ? AND state = 'queued'", (attempts, reason, utc_now_iso(), int(item_id)))
        return self.get(item_id)

    def send(self, item_id: int, *, progress: Progress | None = None, cancel: Any = None,
             proxy_url: str | None = None, settings: NetworkSettings | None = None,
             client_factory: ClientFactory | None = None) -> SendOutcome:
        """Send one item: success moves it to Sent, failure keeps it queued with the reason.

        Returns a SendOutcome (never raises a TransportError); raises Cancelled after
        recording that the send was cancelled.
        """
        try:
            job = self.prepare(item_id, proxy_url=proxy_url, settings=settings)
        except InvalidInput as exc:
            if self.get(item_id).state == "sent":
                raise
            return SendOutcome(self.record_failure(item_id, str(exc), attempts=0), error=str(exc))
        try:
            receipt = self.upload(job, progress, cancel, client_factory)
        except Cancelled:
            self.record_failure(item_id, "Sending was cancelled.", attempts=0)
            raise
        except TransportError as exc:
            return SendOutcome(self.record_failure(item_id, str(exc)), error=str(exc))
        return SendOutcome(self.record_sent(item_id, receipt), receipt)

    def send_all(self, *, coordinator: Any = None, progress: Progress | None = None, cancel: Any = None,
                 proxy_url: str | None = None, settings: NetworkSettings | None = None,
                 client_factory: ClientFactory | None = None) -> list[SendOutcome]:
        """Send every queued item (optionally only those for one coordinator), oldest first.

        progress(done, total) counts bytes over all items.
        """
        items = self.queued()
        if coordinator is not None:
            wanted = self._coordinator_id(coordinator)
            items = [i for i in items if i.coordinator_id == wanted]
        total = sum(i.file_size for i in items)
        done_before = 0
        outcomes = []
        for item in items:
            def step(done: int, _total: int, base: int = done_before) -> None:
                if progress is not None:
                    progress(min(total, base + done), total)

            outcomes.append(self.send(item.id, progress=step, cancel=cancel, proxy_url=proxy_url,
                                      settings=settings, client_factory=client_factory))
            done_before += item.file_size
        if progress is not None:
            progress(total, total)
        return outcomes


def wipe_downloads(data_dir: Path) -> None:
    """Remove leftover downloads (ciphertext) after a crash; called before each fetch."""
    folder = Path(data_dir) / DOWNLOADS_DIR
    if folder.is_dir():
        for item in folder.iterdir():
            if item.is_file():
                item.unlink(missing_ok=True)


__all__ = [
    "DropFolder", "Outbox", "OutboxItem", "SendJob", "SendOutcome", "load_network_settings",
    "save_network_settings", "settings_for", "wipe_downloads",
]
