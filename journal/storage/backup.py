"""Encrypted backups: one file that the journal's own passphrase or recovery code opens.

A backup is an uncompressed POSIX tar holding, in this order,
    journal.keys    the key slots, as they are (the data key wrapped by passphrase/recovery)
    journal.db      a consistent SQLCipher snapshot made with SQLite's online backup API
                    while the app runs (still encrypted with the data key, page by page)
    attachments/<2 hex>/<32 hex>
                    (version 2) every attachment file the snapshot names, copied as stored:
                    encrypted with its own key, which only the snapshot holds
                    (journal/storage/blobfiles.py). Content from schemas 3-9 is in journal.db.
    backup.json     {"format": "incident-journal-backup", "version": 2, "created_at",
                     "schema_version", "members": [{"path", "size", "sha256"}]}   (last)
Every byte of user data in it is already encrypted; the tar adds nothing readable but sizes
and random file names. Restoring is `tar -x` into an empty folder, or `journal restore`.
Version 1 backups (no attachment files) are still read.

Consistency: the snapshot and the list of files it names are taken under the database lock,
so they describe the same moment; files released by a later delete are kept on disk while
the backup copies them (BlobFiles.hold_removals). Files are write-once, so a file named by
the snapshot has, while held, exactly the bytes the snapshot's key decrypts.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import secrets
import shutil
import tarfile
from dataclasses import dataclass
from pathlib import Path

from journal.storage import migrations
from journal.storage.atomic import fsync_dir, overwrite_and_unlink
from journal.storage.blobfiles import FILES_SCHEMA as _SCHEMA_WITH_FILES
from journal.storage.blobfiles import FOLDER as ATTACHMENTS_DIR
from journal.storage.blobfiles import stored_file_size
from journal.storage.db import connect, key_pragma
from journal.errors import Cancelled, InvalidInput, JournalError, JournalExists
from journal.i18n import _
from journal.storage.paths import DB_FILE, KEYS_FILE, journal_files
from journal.timeutil import utc_now_iso

BACKUP_FORMAT = "incident-journal-backup"
BACKUP_VERSION = 2
#: Versions this code restores: 1 (keys + database), 2 (+ attachment files).
READABLE_VERSIONS = (1, 2)
MANIFEST_FILE = "backup.json"
_CHUNK = 1 << 20
#: Members every backup has; attachment files are the only others (_ATTACHMENT_MEMBER).
ALLOWED_MEMBERS = (KEYS_FILE, DB_FILE, MANIFEST_FILE)
_ATTACHMENT_MEMBER = re.compile(r"^" + re.escape(ATTACHMENTS_DIR) + r"/([0-9a-f]{2})/([0-9a-f]{32})")  # fullmatch
#: backup.json is read whole; one row per attachment file takes about 170 bytes, so this
#: allows some 390,000 attachment files.
MAX_BACKUP_JSON = 64 << 20
#: A manifest row takes at least 100 bytes: a tar with more members cannot be one we wrote,
#: and counting stops there instead of growing without bound.
MAX_MEMBERS = MAX_BACKUP_JSON // 100


class BackupError(JournalError):
    """A backup file is damaged, truncated or not a backup."""


@dataclass
class BackupReport:
    path: Path
    size: int
    entries: int
    schema_version: int
    attachment_files: int = 0


def attachment_member(file_id: str) -> str:
    """The tar member (and journal-relative path) of an attachment file."""
    return f"{ATTACHMENTS_DIR}/{file_id[:2]}/{file_id}"


def is_attachment_member(name: str) -> bool:
    """`attachments/<2 hex>/<32 hex>` whose folder is the name's first two characters."""
    match = _ATTACHMENT_MEMBER.fullmatch(name)
    return match is not None and match.group(2).startswith(match.group(1))


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


def _snapshot(journal, target: Path, cancel=None) -> list[str]:
    """Copy the live database page by page into `target` (same key, still encrypted).

    Returns the ids of the attachment files that snapshot names, read under the same hold
    of the database lock: no transaction can commit between the copy and the list."""
    dest = connect(target, bytes(journal._data_key), create=True)
    try:
        with journal.db.lock:
            def step(status, remaining, total):
                if cancel and cancel():
                    raise Cancelled()
            journal.db.conn.backup(dest, pages=1024, progress=step)
            if migrations.schema_version(journal.db.conn) < _SCHEMA_WITH_FILES:
                return []
            rows = journal.db.conn.execute("SELECT file_id FROM blobs WHERE file_id IS NOT NULL").fetchall()
            return sorted(row[0] for row in rows) + _decoy_packages(journal)
    finally:
        dest.close()


def _decoy_packages(journal) -> list[str]:
    """The duress decoy's package file(s) (journal/storage/duress.py), carried like attachment
    files.

    Why a backup carries the decoy (issue 21; docs/security.md "Backups and the duress
    passphrase"): journal.keys goes into every backup as it is, duress slot included, and that
    slot names the package. Without the package, a restored journal would still erase itself at
    the duress passphrase but then show an *empty* journal, which gives the person away, and
    quietly dropping the slot instead would take a protection away without telling. In the
    backup the package is what it is on disk: one more randomly named attachment-format file,
    encrypted under a key only the duress passphrase opens; whoever opens the backup with the
    real passphrase learns a duress passphrase is set, as they would from the live journal."""
    from journal.storage.duress import META_KEY

    row = journal.db.conn.execute("SELECT value FROM meta WHERE key = ?", (META_KEY,)).fetchone()
    ids = str(row[0] if row else "").split()
    # Two ids only while an edited decoy replaces the old package: the one still on disk counts.
    return [file_id for file_id in ids if journal.blob_files.path_of(file_id).exists()]


def _tar_info(name: str, size: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = size, 0o600, 0
    return info


def write_backup(journal, out_path: Path, *, progress=None, cancel=None) -> BackupReport:
    """Write a backup of the open `journal` to `out_path` atomically, then verify it.

    progress(done, total) counts the bytes of every member; `cancel` is checked between
    and inside members (Cancelled; nothing is left behind)."""
    out_path = Path(out_path)
    tmp_out = out_path.with_name(f".{out_path.name}.{secrets.token_hex(6)}.tmp")
    try:
        fd = os.open(tmp_out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as raw:
            file_ids = write_backup_stream(journal, raw, progress=progress, cancel=cancel)
            raw.flush()
            os.fsync(raw.fileno())
        # Verify before the rename: a bad backup must never replace a good one.
        entries = verify_backup(tmp_out, bytes(journal._data_key))
        os.replace(tmp_out, out_path)
        fsync_dir(out_path.parent)
    except BaseException:
        tmp_out.unlink(missing_ok=True)
        raise
    return BackupReport(out_path, out_path.stat().st_size, entries, migrations.schema_version(journal.db.conn),
                        len(file_ids))


def write_backup_stream(journal, raw, *, progress=None, cancel=None) -> list[str]:
    """Write the backup tar of the open `journal` into the writable `raw` (a file, or an
    encryptor: travel packages, journal/travel/). Returns the attachment file ids it holds.

    The database snapshot is made in a private file in the journal folder (still encrypted
    with the data key) and destroyed afterwards."""
    files = journal_files(journal.data_dir)
    blob_files = journal.blob_files
    snapshot = journal.data_dir / f".backup-{secrets.token_hex(6)}.db"
    hold = blob_files.hold_removals() if blob_files is not None else contextlib.nullcontext()
    try:
        with hold:
            file_ids = _snapshot(journal, snapshot, cancel)
            members = [(KEYS_FILE, files["keys"]), (DB_FILE, snapshot)]
            for file_id in file_ids:
                members.append((attachment_member(file_id), blob_files.path_of(file_id)))
            sized = []
            for name, path in members:
                try:
                    sized.append((name, path, path.stat().st_size))
                except FileNotFoundError:
                    if not is_attachment_member(name):
                        raise
                    raise BackupError(_(
                        "Cannot back up: the attachment file {path} is missing from the journal folder. "
                        "Run `journal verify` to see which attachment it belongs to.").format(path=name)) from None
            _write_tar(raw, sized, migrations.schema_version(journal.db.conn), progress, cancel)
    finally:
        if snapshot.exists():
            overwrite_and_unlink(snapshot)
    return file_ids


def _write_tar(raw, members: list[tuple[str, Path, int]], schema_version: int, progress, cancel) -> None:
    """Stream `members` (name, path, size) as a tar into `raw`, backup.json last."""
    total = sum(size for _name, _path, size in members)
    rows = []
    # bufsize/copybufsize: 1 MiB reads and writes (tarfile's 10 KiB stream buffer would re-slice
    # every 1 MiB piece a hundred times); progress and cancel are then checked once per MiB.
    # typeshed's tarfile.open overloads lack copybufsize, which tarfile.open passes on to TarFile.
    with tarfile.open(fileobj=raw, mode="w|", format=tarfile.PAX_FORMAT, bufsize=_CHUNK,  # type: ignore[call-overload]
                      copybufsize=_CHUNK) as tar:
        done = 0
        for name, path, size in members:
            if cancel and cancel():
                raise Cancelled()
            with open(path, "rb") as handle:
                reader = _HashingReader(handle, cancel, (lambda d, t, base=done: progress(base + d, total))
                                        if progress else None, total)
                tar.addfile(_tar_info(name, size), reader)
            done += size
            rows.append({"path": name, "size": size, "sha256": reader.sha.hexdigest()})
        if progress:
            progress(total, total)
        manifest = json.dumps({
            "format": BACKUP_FORMAT, "version": BACKUP_VERSION, "created_at": utc_now_iso(),
            "schema_version": schema_version, "members": rows,
        }, indent=1, sort_keys=True).encode()
        tar.addfile(_tar_info(MANIFEST_FILE, len(manifest)), io.BytesIO(manifest))


def _unexpected(name: str) -> BackupError:
    return BackupError(_("This is not an Incident Journal backup (unexpected member {name!r}).").format(name=name))


def _extract(backup_path, folder: Path, cancel=None, *, keep_attachments: bool = True) -> dict:
    """Strictly unpack a backup into `folder` (names, types, sizes, hashes). Returns the manifest.

    Accepted members: journal.keys, journal.db, backup.json and attachments/<2 hex>/<32 hex>,
    each a regular file, once. Every member must be listed in backup.json with its size and
    SHA-256, and every listed member must be present. With keep_attachments=False attachment
    members are hashed and checked but not written (verifying needs only the database).
    `backup_path` is a path or a readable stream (a decrypting reader: journal/travel/)."""
    seen: dict[str, tuple[int, str]] = {}
    shards: set[Path] = set()
    manifest = None
    try:
        opened = (tarfile.open(fileobj=backup_path, mode="r|", bufsize=_CHUNK) if hasattr(backup_path, "read")
                  else tarfile.open(backup_path, mode="r|", bufsize=_CHUNK))
        with opened as tar:
            for member in tar:
                name = member.name
                attachment = is_attachment_member(name)
                if (name not in ALLOWED_MEMBERS and not attachment) or name in seen \
                        or not member.isreg() or member.issparse():
                    raise _unexpected(name)
                if len(seen) >= MAX_MEMBERS:
                    raise BackupError(_("The backup file has too many members to be an Incident Journal backup."))
                if cancel and cancel():
                    raise Cancelled()
                src = tar.extractfile(member)
                assert src is not None  # a regular file (checked above)
                if name == MANIFEST_FILE:
                    if member.size > MAX_BACKUP_JSON:
                        raise BackupError(_("The backup's description is too large."))
                    manifest = json.loads(src.read().decode("utf-8"))
                    seen[name] = (member.size, "")
                    continue
                dest = None
                if attachment and keep_attachments:
                    shard = folder / ATTACHMENTS_DIR / name.split("/")[1]
                    if shard not in shards:
                        (folder / ATTACHMENTS_DIR).mkdir(mode=0o700, exist_ok=True)
                        shard.mkdir(mode=0o700, exist_ok=True)
                        shards.add(shard)
                    dest = folder / name
                elif not attachment:
                    dest = folder / name
                seen[name] = _copy_member(src, dest, cancel)
                if seen[name][0] != member.size:
                    raise BackupError(_("The backup file is damaged or truncated."))
    except (tarfile.TarError, EOFError):
        raise BackupError(_("The backup file is damaged or truncated.")) from None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise BackupError(_("The backup's description is damaged.")) from None
    # Make the new folder entries durable before anything is moved into a journal.
    for shard in sorted(shards):
        fsync_dir(shard)
    if shards:
        fsync_dir(folder / ATTACHMENTS_DIR)
    fsync_dir(folder)
    _check_manifest(manifest, seen)
    assert isinstance(manifest, dict)  # _check_manifest refused anything else
    return manifest


def _copy_member(src, dest: Path | None, cancel) -> tuple[int, str]:
    """Read one member a chunk at a time, hash it, write it to `dest` (fsynced) unless None."""
    sha = hashlib.sha256()
    size = 0
    out = None
    if dest is not None:
        out = os.fdopen(os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")
    try:
        while True:
            if cancel and cancel():
                raise Cancelled()
            chunk = src.read(_CHUNK)
            if not chunk:
                break
            sha.update(chunk)
            size += len(chunk)
            if out is not None:
                out.write(chunk)
        if out is not None:
            out.flush()
            os.fsync(out.fileno())
    finally:
        if out is not None:
            out.close()
    return size, sha.hexdigest()


def _check_manifest(manifest, seen: dict[str, tuple[int, str]]) -> None:
    """The members found (`seen`: name -> (size, sha256)) are exactly those backup.json lists."""
    if not isinstance(manifest, dict) or manifest.get("format") != BACKUP_FORMAT:
        raise BackupError(_("This is not an Incident Journal backup."))
    version = manifest.get("version")
    if type(version) is not int or version not in READABLE_VERSIONS:
        raise BackupError(_("Backup format version {manifest!r} is not supported by this app.").format(manifest=version))
    members = manifest.get("members")
    if not isinstance(members, list):
        raise BackupError(_("The backup's description is damaged."))
    rows: dict[str, dict] = {}
    for row in members:
        path = row.get("path") if isinstance(row, dict) else None
        if not isinstance(path, str) or path in rows or path == MANIFEST_FILE \
                or (path not in ALLOWED_MEMBERS and not is_attachment_member(path)):
            raise BackupError(_("The backup's description is damaged."))
        rows[path] = row
    files_seen = [name for name in seen if name != MANIFEST_FILE]
    if version == 1:
        # Version 1 had no attachment files: one here was not written by us.
        for name in files_seen:
            if is_attachment_member(name):
                raise _unexpected(name)
    for name in (KEYS_FILE, DB_FILE, *rows):
        if name not in seen:
            raise BackupError(_("The backup is incomplete: {name} is missing.").format(name=name))
    for name in files_seen:
        row = rows.get(name)
        if row is None:
            raise BackupError(_("The backup is damaged: {name} is not listed in its description.").format(name=name))
        if row.get("size") != seen[name][0] or row.get("sha256") != seen[name][1]:
            raise BackupError(_("The backup is damaged: {name} does not match its recorded hash.").format(name=name))


def _discard(folder: Path) -> None:
    """Destroy a staging, verify or replaced journal folder.

    journal.keys first, then the database and every other file are overwritten and deleted;
    attachment files are only unlinked, as erase_journal does: they are ciphertext whose keys
    were in the database just overwritten, and overwriting gigabytes of them would make a
    restore take as long again."""
    if not folder.is_dir() or folder.is_symlink():
        return
    for item in sorted(folder.iterdir(), key=lambda p: p.name != KEYS_FILE):
        if item.name == ATTACHMENTS_DIR or item.is_symlink():
            continue
        for path in (sorted(item.rglob("*")) if item.is_dir() else [item]):
            if path.is_file() and not path.is_symlink():
                overwrite_and_unlink(path)
    shutil.rmtree(folder, ignore_errors=True)


def verify_backup(backup_path: Path, data_key: bytes) -> int:
    """Check a backup and count its entries.

    Every member against backup.json (sizes and SHA-256), the database's integrity, and every
    attachment file the database names: present, with the size its row implies. Only
    journal.keys and journal.db are unpacked (into a private folder beside the backup, destroyed
    afterwards); attachment files are hashed as they stream by."""
    folder = Path(backup_path).parent / f".verify-{secrets.token_hex(6)}"
    folder.mkdir(mode=0o700)
    try:
        manifest = _extract(Path(backup_path), folder, keep_attachments=False)
        return check_extracted(folder, manifest, data_key)
    finally:
        _discard(folder)


def check_extracted(folder: Path, manifest: dict, data_key: bytes, *, full: bool = False) -> int:
    """The database unpacked in `folder` opens with `data_key`, passes its integrity check
    (`quick_check`, or the full `integrity_check` with `full`), and names only attachment files
    the manifest lists with the size its rows imply. Returns its count of entries."""
    sizes = {row["path"]: row["size"] for row in manifest["members"]}
    conn = connect(folder / DB_FILE, data_key, readonly=True)
    try:
        if conn.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check").fetchone()[0] != "ok":
            raise BackupError(_("The backup's database failed its integrity check."))
        if migrations.schema_version(conn) >= _SCHEMA_WITH_FILES:
            for file_id, size, chunk_size in conn.execute(
                    "SELECT file_id, size, chunk_size FROM blobs WHERE file_id IS NOT NULL"):
                name = attachment_member(str(file_id))
                if not is_attachment_member(name) or sizes.get(name) != stored_file_size(size, chunk_size):
                    raise BackupError(_(
                        "The backup is incomplete: the attachment file {name} is missing or has the wrong size."
                    ).format(name=name))
        return conn.execute("SELECT count(*) FROM entries").fetchone()[0]
    finally:
        conn.close()


def restore_backup(backup_path: Path, data_dir: Path, *, replace: bool = False, cancel=None) -> dict:
    """Restore into `data_dir`. Refuses to touch an existing journal unless `replace`.

    The backup is unpacked and checked in a staging folder while holding the
    journal's lock; an existing journal (keys, database, attachment files) is moved
    aside (not destroyed) until the restored files are in place, and only then
    erased. journal.keys is moved in last: it is the commit point. An interruption
    at any point leaves either the old journal or the restored one.
    Returns the backup's manifest (backup.json).
    """
    backup_path = Path(backup_path)
    if not backup_path.is_file():
        raise InvalidInput(_("No backup file at {backup_path}.").format(backup_path=backup_path))
    return restore_from(lambda: backup_path, data_dir, replace=replace, cancel=cancel)


def restore_from(open_source, data_dir: Path, *, replace: bool = False, cancel=None, check_staged=None) -> dict:
    """restore_backup's work, from `open_source()`: a backup's path, or a readable stream of
    its tar (a travel package being decrypted). `check_staged(folder, manifest)` may refuse
    (by raising) once everything is unpacked and checked, before the journal folder is touched."""
    from journal.storage.lockfile import JournalLock
    from journal.storage.vault import journal_exists

    data_dir = Path(data_dir)
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
    placed: list[str] = []
    try:
        staging.mkdir(mode=0o700)
        manifest = _extract(open_source(), staging, cancel)
        if check_staged is not None:
            check_staged(staging, manifest)
        # What goes aside: the old journal, and an attachments folder even without one (files
        # no key can open any more, which would otherwise block moving the restored folder in).
        old = [files[key] for key in ("keys", "db", "wal", "shm") if files[key].exists()]
        if (data_dir / ATTACHMENTS_DIR).exists():
            old.append(data_dir / ATTACHMENTS_DIR)
        if old:
            aside.mkdir(mode=0o700)
            for path in old:
                os.replace(path, aside / path.name)
            fsync_dir(data_dir)
        for name in (ATTACHMENTS_DIR, DB_FILE, KEYS_FILE):  # keys last: the commit point
            if (staging / name).exists():
                os.replace(staging / name, data_dir / name)
                placed.append(name)
        fsync_dir(data_dir)
        # The restored journal is in place; now the replaced one can go.
        _discard(aside)
    except BaseException:
        if KEYS_FILE not in placed:
            # Put the old journal back: nothing may be lost to a failed restore. What was
            # already moved in goes back to staging, which is destroyed below.
            for name in reversed(placed):
                os.replace(data_dir / name, staging / name)
            if aside.exists():
                for item in aside.iterdir():
                    os.replace(item, data_dir / item.name)
                aside.rmdir()
            fsync_dir(data_dir)
        raise
    finally:
        _discard(staging)
        lock.release()
    return manifest


#: For travel packages (journal/travel/), which carry a backup tar inside age.
extract_backup = _extract
discard_folder = _discard

__all__ = [
    "BACKUP_VERSION",
    "READABLE_VERSIONS",
    "BackupError",
    "BackupReport",
    "attachment_member",
    "is_attachment_member",
    "key_pragma",
    "check_extracted",
    "discard_folder",
    "extract_backup",
    "restore_backup",
    "restore_from",
    "verify_backup",
    "write_backup",
    "write_backup_stream",
]
