"""Encrypted backups: one file that the journal's own passphrase or recovery code opens.

A backup is an uncompressed POSIX tar holding
    journal.keys    the key slots, as they are (the data key wrapped by passphrase/recovery)
    journal.db      a consistent SQLCipher snapshot made with SQLite's online backup API
                    while the app runs (still encrypted with the data key, page by page)
    backup.json     {"format": "incident-journal-backup", "version": 1, "created_at",
                     "schema_version", "members": [{"path", "size", "sha256"}]}   (last)
Every byte of user data in it is already SQLCipher-encrypted; the tar adds nothing
readable but sizes. Restoring is `tar -x` into an empty folder, or `journal restore`.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import tarfile
from dataclasses import dataclass
from pathlib import Path

from . import migrations
from .atomic import fsync_dir, overwrite_and_unlink
from .db import connect, key_pragma
from .errors import Cancelled, InvalidInput, JournalError, JournalExists
from .paths import DB_FILE, KEYS_FILE, journal_files
from .timeutil import utc_now_iso
from .i18n import _

BACKUP_FORMAT = "incident-journal-backup"
BACKUP_VERSION = 1
_CHUNK = 1 << 20
ALLOWED_MEMBERS = (KEYS_FILE, DB_FILE, "backup.json")
MAX_BACKUP_JSON = 1 << 16


class BackupError(JournalError):
    """A backup file is damaged, truncated or not a backup."""


@dataclass
class BackupReport:
    path: Path
    size: int
    entries: int
    schema_version: int


class _HashingReader:
    def __init__(self, handle, cancel=None, progress=None, total=0) -> None:
        self.handle, self.cancel, self.progress, self.total = handle, cancel, progress, total
        self.sha = hashlib.sha256()
        self.done = 0

    def read(self, n: int = -1) -> bytes:
        if self.cancel and self.cancel():
            raise Cancelled()
        data = self.handle.read(_CHUNK if n is None or n < 0 else min(n, _CHUNK))
        self.sha.update(data)
        self.done += len(data)
        if self.progress:
            self.progress(self.done, self.total)
        return data


def _snapshot(journal, target: Path, cancel=None) -> None:
    """Copy the live database page by page into `target` (same key, still encrypted)."""
    dest = connect(target, bytes(journal._data_key), create=True)
    try:
        with journal.db.lock:
            def step(status, remaining, total):
                if cancel and cancel():
                    raise Cancelled()
            journal.db.conn.backup(dest, pages=1024, progress=step)
    finally:
        dest.close()


def write_backup(journal, out_path: Path, *, progress=None, cancel=None) -> BackupReport:
    """Write a backup of the open `journal` to `out_path` atomically, then verify it."""
    out_path = Path(out_path)
    files = journal_files(journal.data_dir)
    snapshot = journal.data_dir / f".backup-{secrets.token_hex(6)}.db"
    tmp_out = out_path.with_name(f".{out_path.name}.{secrets.token_hex(6)}.tmp")
    try:
        _snapshot(journal, snapshot, cancel)
        members = [(KEYS_FILE, files["keys"]), (DB_FILE, snapshot)]
        total = sum(p.stat().st_size for _, p in members)
        rows = []
        fd = os.open(tmp_out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w|", format=tarfile.PAX_FORMAT) as tar:
            done = 0
            for name, path in members:
                info = tarfile.TarInfo(name)
                info.size = path.stat().st_size
                info.mode = 0o600
                info.mtime = 0
                with open(path, "rb") as handle:
                    reader = _HashingReader(handle, cancel, (lambda d, t, base=done: progress(base + d, total))
                                            if progress else None, total)
                    tar.addfile(info, reader)
                done += info.size
                rows.append({"path": name, "size": info.size, "sha256": reader.sha.hexdigest()})
            manifest = json.dumps({
                "format": BACKUP_FORMAT, "version": BACKUP_VERSION, "created_at": utc_now_iso(),
                "schema_version": migrations.schema_version(journal.db.conn), "members": rows,
            }, indent=1, sort_keys=True).encode()
            info = tarfile.TarInfo("backup.json")
            info.size, info.mode, info.mtime = len(manifest), 0o600, 0
            import io

            tar.addfile(info, io.BytesIO(manifest))
            tar.close()  # writes the end-of-archive blocks before the fsync below
            raw.flush()
            os.fsync(raw.fileno())
        # Verify before the rename: a bad backup must never replace a good one.
        entries = verify_backup(tmp_out, bytes(journal._data_key))
        os.replace(tmp_out, out_path)
        fsync_dir(out_path.parent)
    except BaseException:
        tmp_out.unlink(missing_ok=True)
        raise
    finally:
        if snapshot.exists():
            overwrite_and_unlink(snapshot)
    return BackupReport(out_path, out_path.stat().st_size, entries, migrations.schema_version(journal.db.conn))


def _extract(backup_path: Path, folder: Path, cancel=None) -> dict:
    """Strictly unpack a backup into `folder` (names, types, sizes, hashes). Returns the manifest."""
    seen: dict[str, tuple[int, str]] = {}
    manifest = None
    try:
        with tarfile.open(backup_path, mode="r|") as tar:
            for member in tar:
                if member.name not in ALLOWED_MEMBERS or member.name in seen or not member.isfile():
                    raise BackupError(_("This is not an Incident Journal backup (unexpected member {name!r}).").format(name=member.name))
                src = tar.extractfile(member)
                if member.name == "backup.json":
                    if member.size > MAX_BACKUP_JSON:
                        raise BackupError(_("The backup's description is too large."))
                    manifest = json.loads(src.read().decode("utf-8"))
                    seen[member.name] = (member.size, "")
                    continue
                sha = hashlib.sha256()
                fd = os.open(folder / member.name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as out:
                    while True:
                        if cancel and cancel():
                            raise Cancelled()
                        chunk = src.read(_CHUNK)
                        if not chunk:
                            break
                        sha.update(chunk)
                        out.write(chunk)
                    out.flush()
                    os.fsync(out.fileno())
                seen[member.name] = (member.size, sha.hexdigest())
    except (tarfile.TarError, EOFError):
        raise BackupError(_("The backup file is damaged or truncated.")) from None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise BackupError(_("The backup's description is damaged.")) from None
    if not isinstance(manifest, dict) or manifest.get("format") != BACKUP_FORMAT:
        raise BackupError(_("This is not an Incident Journal backup."))
    if manifest.get("version") != BACKUP_VERSION:
        raise BackupError(_("Backup format version {manifest!r} is not supported by this app.").format(manifest=manifest.get('version')))
    members = manifest.get("members")
    if not isinstance(members, list):
        raise BackupError(_("The backup's description is damaged."))
    rows = {r.get("path"): r for r in members if isinstance(r, dict)}
    for name in (KEYS_FILE, DB_FILE):
        row = rows.get(name)
        if name not in seen or not row or row.get("size") != seen[name][0] or row.get("sha256") != seen[name][1]:
            raise BackupError(_("The backup is damaged: {name} does not match its recorded hash.").format(name=name))
    return manifest


def verify_backup(backup_path: Path, data_key: bytes) -> int:
    """Unpack into a private temporary folder beside the backup, open, count entries."""
    import shutil

    folder = Path(backup_path).parent / f".verify-{secrets.token_hex(6)}"
    folder.mkdir(mode=0o700)
    try:
        _extract(Path(backup_path), folder)
        conn = connect(folder / DB_FILE, data_key, readonly=True)
        try:
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise BackupError(_("The backup's database failed its integrity check."))
            return conn.execute("SELECT count(*) FROM entries").fetchone()[0]
        finally:
            conn.close()
    finally:
        for item in folder.iterdir():
            overwrite_and_unlink(item)
        shutil.rmtree(folder, ignore_errors=True)


def restore_backup(backup_path: Path, data_dir: Path, *, replace: bool = False, cancel=None) -> dict:
    """Restore into `data_dir`. Refuses to touch an existing journal unless `replace`.

    The backup is unpacked and checked in a staging folder while holding the
    journal's lock; an existing journal is moved aside (not destroyed) until
    the restored files are in place, and only then erased. An interruption
    at any point leaves either the old journal or the restored one.
    """
    import shutil

    from .lockfile import JournalLock
    from .paths import journal_files
    from .vault import _remove_leftovers, journal_exists

    backup_path, data_dir = Path(backup_path), Path(data_dir)
    if not backup_path.is_file():
        raise InvalidInput(_("No backup file at {backup_path}.").format(backup_path=backup_path))
    if journal_exists(data_dir) and not replace:
        raise JournalExists(
            _("There is already a journal in {data_dir}. Restore into an empty folder, or confirm that the existing journal should be replaced.").format(data_dir=data_dir)
        )
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    files = journal_files(data_dir)
    lock = JournalLock(files["lock"])
    lock.acquire()  # refuses while the journal is open elsewhere
    staging = data_dir / f".restore-{secrets.token_hex(6)}"
    aside = data_dir / f".replaced-{secrets.token_hex(6)}"
    try:
        staging.mkdir(mode=0o700)
        manifest = _extract(backup_path, staging, cancel)
        if journal_exists(data_dir):
            aside.mkdir(mode=0o700)
            for key in ("keys", "db", "wal", "shm"):
                if files[key].exists():
                    os.replace(files[key], aside / files[key].name)
            fsync_dir(data_dir)
        os.replace(staging / DB_FILE, files["db"])
        os.replace(staging / KEYS_FILE, files["keys"])
        fsync_dir(data_dir)
        # The restored journal is in place; now the replaced one can go.
        _remove_leftovers(data_dir, patterns=(aside.name,))
    except BaseException:
        if aside.exists() and not files["keys"].exists():
            # Put the old journal back: nothing may be lost to a failed restore.
            for item in aside.iterdir():
                os.replace(item, data_dir / item.name)
            aside.rmdir()
        raise
    finally:
        _remove_leftovers(data_dir, patterns=(staging.name,))
        lock.release()
    return manifest


__all__ = ["write_backup", "restore_backup", "verify_backup", "BackupError", "BackupReport", "key_pragma"]
