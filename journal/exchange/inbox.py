"""Fetching bundles (coordinator side): inbox folders, download, import, remember what was fetched.

A fetch lists each inbox folder (PROPFIND), skips files fetched before (same
name and ETag, or same size when the server gives no ETag), downloads the rest
one at a time into ``<data dir>/inbox-downloads/`` (ciphertext, mode 0600,
removed right after the import whatever happened), imports each through the
normal import pipeline and, if asked, deletes it from the server after a
successful import. Trust comes from the import checks, never from the server.
"""

from __future__ import annotations

import builtins  # Inbox.list shadows the builtin inside the class: its annotations say builtins.list
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal.errors import Cancelled, InvalidInput, NotFound
from journal.exchange.outbox import (
    DOWNLOADS_DIR,
    load_network_settings,
    private_folder,
    settings_for,
    wipe_downloads,
)
from journal.timeutil import utc_now_iso
from journal.exchange.transport import (
    DownloadTooLarge,
    DropTarget,
    NetworkSettings,
    RemoteFile,
    TransportError,
    WebDavClient,
    parse_drop_url,
)
from journal.i18n import _
from journal.progress import Progress, is_cancelled

if TYPE_CHECKING:
    from journal.exchange.importer import Importer
    from journal.storage.db import Database

ClientFactory = Callable[[DropTarget, NetworkSettings], WebDavClient]


@dataclass(frozen=True)
class InboxFolder:
    id: int
    url: str
    user_name: str | None
    password: str | None = field(repr=False)
    pinned_sha256: str | None
    added_at: str
    last_fetch_at: str | None

    def target(self) -> DropTarget:
        return parse_drop_url(self.url, self.user_name or None, self.password)

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "url": self.url, "user": self.user_name, "has_password": bool(self.password),
                "pinned_sha256": self.pinned_sha256, "added_at": self.added_at,
                "last_fetch_at": self.last_fetch_at}


@dataclass
class FetchedFile:
    """What happened to one remote file. status: accepted, duplicate, rejected (import
    results), skipped (fetched before) or failed (network; tried again next time)."""

    folder_id: int
    remote_name: str
    status: str
    reason: str = ""
    bundle_id: str | None = None
    sender: str | None = None
    deleted: bool = False
    import_result: Any = None

    def as_json(self) -> dict[str, Any]:
        return {"folder": self.folder_id, "remote_name": self.remote_name, "status": self.status,
                "reason": self.reason, "bundle_id": self.bundle_id, "sender": self.sender,
                "deleted": self.deleted,
                "import": self.import_result.as_json() if self.import_result is not None else None}


@dataclass
class FetchReport:
    files: list[FetchedFile] = field(default_factory=list)
    #: Folder-level failures (server down, wrong password), one sentence each.
    errors: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    def as_json(self) -> dict[str, Any]:
        return {"files": [f.as_json() for f in self.files], "errors": self.errors}


_FOLDER_COLUMNS = "id, url, user_name, password, pinned_sha256, added_at, last_fetch_at"


class Inbox:
    """Inbox folders of a coordinator journal. Without `data_dir` and `importer` (a GUI reader)
    it is a read-only view: folders list, nothing is fetched."""

    def __init__(self, db: Database, data_dir: Path | None = None, importer: Importer | None = None) -> None:
        self.db = db
        self.data_dir = Path(data_dir) if data_dir is not None else None
        self._importer = importer

    # --- folders -----------------------------------------------------------------------------
    def add(self, url: str, user: str | None = None, password: str | None = None,
            pinned_sha256: str | None = None) -> InboxFolder:
        """Add a folder to fetch from (the address is checked, nothing is contacted)."""
        parse_drop_url(url, user or None, password)
        pin = NetworkSettings(pinned_sha256=pinned_sha256).pinned_sha256 if pinned_sha256 else None
        with self.db.transaction() as tx:
            cursor = tx.execute("INSERT INTO inbox_folders (url, user_name, password, pinned_sha256, added_at) "
                                "VALUES (?,?,?,?,?)", (url.strip(), user or None, password or None, pin,
                                                       utc_now_iso()))
            folder_id = cursor.lastrowid
        return self.get(folder_id)

    def list(self) -> list[InboxFolder]:
        return [InboxFolder(*r) for r in self.db.query(f"SELECT {_FOLDER_COLUMNS} FROM inbox_folders ORDER BY id")]

    def get(self, folder_id: int) -> InboxFolder:
        row = self.db.query_one(f"SELECT {_FOLDER_COLUMNS} FROM inbox_folders WHERE id = ?", (int(folder_id),))
        if row is None:
            raise NotFound(_("No inbox folder {folder_id}. See `journal inbox list`.").format(folder_id=folder_id))
        return InboxFolder(*row)

    def remove(self, folder_id: int) -> InboxFolder:
        folder = self.get(folder_id)
        with self.db.transaction() as tx:
            tx.execute("DELETE FROM fetched_remote WHERE folder_id = ?", (folder.id,))
            tx.execute("DELETE FROM inbox_folders WHERE id = ?", (folder.id,))
        return folder

    def test(self, folder: InboxFolder, *, proxy_url: str | None = None,
             client_factory: ClientFactory | None = None):
        """Connect once (PROPFIND, nothing written) and return a ConnectionCheck."""
        settings = settings_for(load_network_settings(self.db), folder.pinned_sha256, proxy_url)
        with (client_factory or WebDavClient)(folder.target(), settings) as client:
            return client.test_connection()

    # --- fetch -------------------------------------------------------------------------------
    def _seen(self, folder_id: int, remote: RemoteFile, trust_new: bool) -> tuple | None:
        row = self.db.query_one("SELECT etag, size, status, deleted FROM fetched_remote "
                                "WHERE folder_id = ? AND remote_name = ?", (folder_id, remote.name))
        if row is None:
            return None
        etag, size, status, _deleted = row
        same = (etag == remote.etag) if (etag or remote.etag) else (size == remote.size)
        if not same:
            return None  # the file changed on the server (e.g. an upload completed later)
        if status == "rejected" and trust_new:
            return None  # most rejections are "unknown sender": trying again with trust may help
        return row

    def _remember(self, folder_id: int, remote: RemoteFile, status: str, reason: str,
                  bundle_id: str | None, deleted: bool = False) -> None:
        with self.db.transaction() as tx:
            tx.execute(
                "INSERT INTO fetched_remote (folder_id, remote_name, etag, size, fetched_at, bundle_id, status, "
                "reason, deleted) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (folder_id, remote_name) DO UPDATE SET "
                "etag = excluded.etag, size = excluded.size, fetched_at = excluded.fetched_at, "
                "bundle_id = excluded.bundle_id, status = excluded.status, reason = excluded.reason, "
                "deleted = excluded.deleted",
                (folder_id, remote.name, remote.etag, remote.size, utc_now_iso(), bundle_id, status, reason,
                 int(deleted)))

    def _mark_deleted(self, folder_id: int, name: str) -> None:
        with self.db.transaction() as tx:
            tx.execute("UPDATE fetched_remote SET deleted = 1 WHERE folder_id = ? AND remote_name = ?",
                       (folder_id, name))

    def fetch(self, *, trust_new: bool = False, delete_after_import: bool = False,
              folder_ids: builtins.list[int] | None = None, proxy_url: str | None = None,
              settings: NetworkSettings | None = None, max_size: int | None = None,
              progress: Progress | None = None, cancel: Any = None,
              client_factory: ClientFactory | None = None) -> FetchReport:
        """Fetch and import new bundles from every inbox folder (or those in `folder_ids`).

        Never raises a TransportError: folder failures go to report.errors, file failures
        to a 'failed' entry (retried next time). Raises Cancelled; a partial download is
        removed. progress(done, total) counts remote files.
        """
        importer, data_dir = self._importer, self.data_dir
        if importer is None or data_dir is None:
            raise InvalidInput(_("Fetching needs the open journal."))
        folders = self.list() if folder_ids is None else [self.get(i) for i in folder_ids]
        if not folders:
            raise InvalidInput(_("No inbox folder yet: add one with `journal inbox add URL`."))
        base = settings or load_network_settings(self.db)
        cap = max_size if max_size is not None else importer.limits.max_total_size
        downloads = private_folder(data_dir / DOWNLOADS_DIR)
        wipe_downloads(data_dir)
        report = FetchReport()
        listings: list[tuple[InboxFolder, WebDavClient, list[RemoteFile]]] = []
        factory = client_factory or WebDavClient
        try:
            for folder in folders:
                if is_cancelled(cancel):
                    raise Cancelled(_("Fetching was cancelled."))
                try:
                    client = factory(folder.target(), settings_for(base, folder.pinned_sha256, proxy_url))
                except TransportError as exc:
                    report.errors.append(f"Folder {folder.id}: {exc}")
                    continue
                try:
                    listings.append((folder, client, client.list_bundles()))
                except TransportError as exc:
                    client.close()
                    report.errors.append(f"Folder {folder.id}: {exc}")
            total = sum(len(files) for _, _, files in listings)
            done = 0
            if progress is not None:
                progress(0, total)
            for folder, client, files in listings:
                for remote in files:
                    report.files.append(self._fetch_one(folder, client, remote, downloads, cap, trust_new,
                                                        delete_after_import, cancel))
                    done += 1
                    if progress is not None:
                        progress(done, total)
                with self.db.transaction() as tx:
                    tx.execute("UPDATE inbox_folders SET last_fetch_at = ? WHERE id = ?",
                               (utc_now_iso(), folder.id))
        finally:
            for _folder, client, _names in listings:
                client.close()
        return report

    def _fetch_one(self, folder: InboxFolder, client: WebDavClient, remote: RemoteFile, downloads: Path,
                   cap: int, trust_new: bool, delete_after_import: bool, cancel: Any) -> FetchedFile:
        seen = self._seen(folder.id, remote, trust_new)
        if seen is not None:
            item = FetchedFile(folder.id, remote.name, "skipped", reason="fetched before",
                               deleted=bool(seen[3]))
            if delete_after_import and seen[2] in ("accepted", "duplicate") and not seen[3]:
                item.deleted = self._delete(folder, client, remote, item)
            return item
        path = downloads / (uuid.uuid4().hex + ".part")
        try:
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as out:
                    client.download(remote, out, cap, cancel=cancel)
                    out.flush()
                    os.fsync(out.fileno())
            except DownloadTooLarge as exc:
                self._remember(folder.id, remote, "rejected", str(exc), None)
                return FetchedFile(folder.id, remote.name, "rejected", reason=str(exc))
            except TransportError as exc:
                return FetchedFile(folder.id, remote.name, "failed", reason=str(exc))
            except OSError as exc:
                return FetchedFile(folder.id, remote.name, "failed",
                                   reason=_("could not store the download ({value})").format(value=exc.strerror or exc))
            assert self._importer is not None  # fetch() checked it
            result = self._importer.import_bundle(path, trust_new=trust_new, cancel=cancel)
        finally:
            path.unlink(missing_ok=True)
        result.path = remote.name  # the local download name means nothing to anyone
        item = FetchedFile(folder.id, remote.name, result.status, reason=result.reason,
                           bundle_id=result.bundle_id,
                           sender=result.sender.display_name if result.sender else None, import_result=result)
        self._remember(folder.id, remote, result.status, result.reason, result.bundle_id)
        if delete_after_import and result.status in ("accepted", "duplicate"):
            item.deleted = self._delete(folder, client, remote, item)
        return item

    def _delete(self, folder: InboxFolder, client: WebDavClient, remote: RemoteFile, item: FetchedFile) -> bool:
        try:
            client.delete(remote)
        except TransportError as exc:
            item.reason = (item.reason + "; " if item.reason else "") + _("not deleted from the server: {error}").format(error=exc)
            return False
        self._mark_deleted(folder.id, remote.name)
        return True
