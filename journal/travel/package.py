"""The travel package: the whole journal in one file that only the recovery code opens.

Format (docs/formats.md, "Travel package"): the **age** file format with one passphrase (scrypt)
stanza around an uncompressed **POSIX tar** that is exactly a journal backup (version 2,
journal/storage/backup.py): ``journal.keys``, a consistent SQLCipher snapshot ``journal.db``,
every attachment file ``attachments/<2 hex>/<32 hex>`` as stored (encrypted with its own key),
and ``backup.json`` last with every member's size and SHA-256.

Why a backup inside: a page-for-page SQLCipher snapshot with the same key file restores the
journal *as it was*: the same data key, every revision chain, the identity keys (so coordinators
still recognise the sender), coordinators, drop folders, forms and contact log; no export and
re-import that could drop a column. It stays readable without the app: ``age -d`` (typing the
recovery code) then ``tar -x`` gives a journal folder that docs/recovery.md opens.

Why the recovery code (not a separate travel code): the person already keeps it on paper, away
from the laptop; typing it before anything is erased proves they have it (it is checked against
the journal's recovery key slot); the passphrase, which may be given up at a border, opens
nothing. The age passphrase is the code written the canonical way, upper case in groups of four
with dashes (``ABCD-EFGH-…``), exactly as the app showed it.

Safety order: the package is written to a temporary name beside its destination, read back
whole (decrypted with the code, every member against its SHA-256, the key file opened with the
code and giving this journal's key, the database's full integrity check, every table's rows
compared with the live journal), and only then renamed into place; the journal is erased only
after that (erase_after_travel, the emergency erase's own code). Killing the process at any
point leaves the journal whole; restoring is atomic (journal.keys is moved in last).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable

from journal.errors import Cancelled, InvalidInput, JournalError, WrongPassphrase
from journal.exchange.bundle.age_decrypt import AgeDecryptError, DecryptingReader
from journal.exchange.bundle.age_encrypt import SCRYPT_WORK_FACTOR, AgeEncryptor
from journal.i18n import _
from journal.progress import CancelToken, Progress, is_cancelled
from journal.storage.atomic import fsync_dir, overwrite_and_unlink
from journal.storage.backup import (
    BackupError,
    check_extracted,
    discard_folder,
    extract_backup,
    restore_from,
    write_backup_stream,
)
from journal.storage.blobfiles import FOLDER as ATTACHMENTS_DIR
from journal.storage.db import connect
from journal.storage.keyslots import KeyFile, normalize_recovery_code
from journal.storage.paths import DB_FILE, KEYS_FILE, journal_files

TRAVEL_SUFFIX = ".ijtravel"
_CHUNK = 1 << 20
#: What the stage callback is told (the GUI shows a sentence for each).
STAGE_CODE, STAGE_WRITE, STAGE_VERIFY, STAGE_UPLOAD, STAGE_READ_BACK, STAGE_DOWNLOAD, STAGE_RESTORE = (
    "code", "write", "verify", "upload", "read-back", "download", "restore")

Stage = Callable[[str], None]


class TravelError(JournalError):
    """A travel package could not be made, proven or restored; nothing was erased or replaced."""


@dataclass
class PrepareReport:
    path: Path | None
    size: int
    sha256: str
    entries: int
    attachment_files: int
    #: Set when the package went to a drop folder: its name there and the folder's address.
    remote_name: str | None = None
    folder_url: str | None = None


@dataclass
class RestoreReport:
    data_dir: Path
    entries: int
    attachment_files: int
    created_at: str


def code_passphrase(code: str) -> bytes:
    """The age passphrase a recovery code stands for: upper case, groups of four, dashes.

    InvalidInput when ``code`` is not a well-formed recovery code."""
    raw = normalize_recovery_code(code).decode("ascii")
    return "-".join(raw[i:i + 4] for i in range(0, len(raw), 4)).encode("ascii")


def _data_key(journal) -> bytes:
    return bytes(journal._data_key)  # noqa: SLF001 - the same key backup.py snapshots with


def check_recovery_code(journal, code: str) -> None:
    """The code opens this journal's recovery key slot and gives its data key (Argon2id: about
    a second). WrongPassphrase otherwise: a package sealed with a mistyped code could never
    be opened, and the journal would be gone."""
    keys = KeyFile.load(journal_files(journal.data_dir)["keys"])
    try:
        key = keys.unlock_with_recovery_code(code)
    except WrongPassphrase:
        raise WrongPassphrase(_("That recovery code does not open this journal. Type the code you "
                                "were shown when the journal was made (or the newest one, if you "
                                "made a new code).")) from None
    if not hmac.compare_digest(key, _data_key(journal)):
        raise WrongPassphrase(_("That recovery code does not open this journal."))


class _Counting:
    """Wraps a readable or writable file: counts bytes, hashes them, reports progress, cancels."""

    def __init__(self, handle, progress: Progress | None, total: int, cancel: CancelToken, base: int = 0,
                 grand_total: int = 0) -> None:
        self.handle, self.progress, self.total, self.cancel = handle, progress, total, cancel
        self.base, self.grand_total = base, grand_total or total
        self.done = 0
        self.sha = hashlib.sha256()

    def _step(self, data) -> None:
        if is_cancelled(self.cancel):
            raise Cancelled()
        self.sha.update(data)
        self.done += len(data)
        if self.progress is not None:
            self.progress(self.base + min(self.done, self.total), self.grand_total)

    def read(self, n: int = -1) -> bytes:
        data = self.handle.read(_CHUNK if n is None or n < 0 else min(n, _CHUNK))
        self._step(data)
        return data

    def write(self, data) -> int:
        self._step(data)
        return self.handle.write(data)


def _cancel_callable(cancel: CancelToken) -> Callable[[], bool]:
    return lambda: is_cancelled(cancel)


def _stored_size(journal) -> int:
    """The bytes the package's tar will carry, near enough for a progress bar."""
    total = journal_files(journal.data_dir)["db"].stat().st_size
    blobs = journal.data_dir / ATTACHMENTS_DIR
    if blobs.is_dir():
        for path in blobs.rglob("*"):
            if path.is_file():
                total += path.stat().st_size
    return max(total, 1)


def table_digests(conn) -> dict[str, tuple[int, str]]:
    """Each table's row count and a SHA-256 over its rows, in storage order.

    A snapshot made with SQLite's backup API is a page-for-page copy, so the live journal and
    the package's database give the same digests exactly when every record came across."""
    digests = {}
    tables = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall()
    for name, sql in tables:
        if (sql or "").upper().startswith("CREATE VIRTUAL TABLE"):
            continue  # its rows live in its shadow tables, which are hashed themselves
        sha = hashlib.sha256()
        count = 0
        quoted = '"' + str(name).replace('"', '""') + '"'
        for row in conn.execute(f"SELECT * FROM {quoted}"):  # noqa: S608 - a name from sqlite_master
            sha.update(repr(tuple(row)).encode("utf-8", "surrogatepass"))
            count += 1
        digests[str(name)] = (count, sha.hexdigest())
    return digests


def seal_package(journal, out: BinaryIO, code: str, *, work_factor: int | None = None,
                 progress: Progress | None = None, cancel: CancelToken = None) -> list[str]:
    """Write the travel package of the open ``journal`` into ``out`` (streamed: memory stays flat
    whatever the size). Returns the attachment file ids it holds. Does not check the code."""
    encryptor = AgeEncryptor(out, [], passphrase=code_passphrase(code), work_factor=work_factor or SCRYPT_WORK_FACTOR)
    file_ids = write_backup_stream(journal, encryptor, progress=progress, cancel=_cancel_callable(cancel))
    encryptor.close()
    return file_ids


def _open_package(handle, code: str) -> DecryptingReader:
    try:
        return DecryptingReader(handle, passphrase=code_passphrase(code))
    except AgeDecryptError as exc:
        if exc.kind == AgeDecryptError.NO_MATCH:
            raise WrongPassphrase(_("That recovery code does not open this travel package.")) from None
        if exc.kind == AgeDecryptError.NOT_AGE:
            raise TravelError(_("This file is not a travel package.")) from None
        raise TravelError(_("The travel package is damaged or incomplete.")) from None


def _read_to_end(reader: DecryptingReader, cancel: CancelToken) -> None:
    """Read what follows the tar (its end-of-archive padding) so that the age file's last,
    authenticated chunk is reached: only then is the package known to be whole."""
    try:
        while reader.read(_CHUNK):
            if is_cancelled(cancel):
                raise Cancelled()
    except AgeDecryptError:
        raise TravelError(_("The travel package is damaged or incomplete.")) from None
    if not reader.at_end():
        raise TravelError(_("The travel package is damaged or incomplete."))


def _check_staged(folder: Path, manifest: dict, code: str, expected_key: bytes | None) -> tuple[bytes, int]:
    """The unpacked key file opens with the code (and gives `expected_key`), the database passes
    the full integrity check and names only files the package carries. Returns (key, entries)."""
    try:
        key = KeyFile.load(folder / KEYS_FILE).unlock_with_recovery_code(code)
    except WrongPassphrase:
        raise TravelError(_("The journal in the travel package does not open with this recovery code.")) from None
    if expected_key is not None and not hmac.compare_digest(key, expected_key):
        raise TravelError(_("The journal in the travel package has another key than this journal."))
    return key, check_extracted(folder, manifest, key, full=True)


@dataclass
class _Verified:
    entries: int
    attachment_files: int
    sha256: str
    size: int


def verify_package(path: Path, code: str, *, work_dir: Path, expected_key: bytes | None = None,
                   expected_tables: dict[str, tuple[int, str]] | None = None,
                   progress: Progress | None = None, cancel: CancelToken = None) -> _Verified:
    """Read the package at ``path`` back whole and prove it: see the module docstring.

    Only journal.keys and journal.db are unpacked, into a private folder in ``work_dir``
    (destroyed afterwards); attachment files are hashed as they stream by. Raises TravelError
    (or WrongPassphrase, BackupError) on any doubt."""
    path = Path(path)
    folder = Path(work_dir) / f".travel-verify-{secrets.token_hex(6)}"
    folder.mkdir(mode=0o700)
    size = path.stat().st_size
    try:
        with open(path, "rb") as handle:
            counted = _Counting(handle, progress, size, cancel)
            reader = _open_package(counted, code)
            try:
                manifest = extract_backup(reader, folder, _cancel_callable(cancel), keep_attachments=False)
            except AgeDecryptError:
                raise TravelError(_("The travel package is damaged or incomplete.")) from None
            _read_to_end(reader, cancel)
            if handle.read(1):
                raise TravelError(_("The travel package is damaged or incomplete."))
        key, entries = _check_staged(folder, manifest, code, expected_key)
        if expected_tables is not None:
            conn = connect(folder / DB_FILE, key, readonly=True)
            try:
                found = table_digests(conn)
            finally:
                conn.close()
            for name in sorted(set(expected_tables) | set(found)):
                if expected_tables.get(name) != found.get(name):
                    raise TravelError(_("The travel package does not hold the same records as the journal "
                                        "(table {name}). Nothing was erased.").format(name=name))
        files = sum(1 for row in manifest["members"] if str(row.get("path", "")).startswith(ATTACHMENTS_DIR + "/"))
        return _Verified(entries, files, counted.sha.hexdigest(), size)
    finally:
        discard_folder(folder)


def prepare_to_file(journal, path: str | os.PathLike[str], code: str, *, work_factor: int | None = None,
                    progress: Progress | None = None, cancel: CancelToken = None,
                    stage: Stage | None = None) -> PrepareReport:
    """Check the code, write the package to ``path`` (a temporary name beside it first), read it
    back and prove it, then rename it into place. The journal is not touched: erase it with
    erase_after_travel once this returned. A folder as ``path`` gets a random file name."""
    path = Path(path)
    if path.is_dir():
        path = path / (secrets.token_hex(4) + TRAVEL_SUFFIX)
    if path.exists():
        raise InvalidInput(_("A file named {name} is already there; choose another name.").format(name=path.name))
    if not path.parent.is_dir():
        raise InvalidInput(_("The folder {folder} does not exist.").format(folder=path.parent))
    if stage:
        stage(STAGE_CODE)
    check_recovery_code(journal, code)
    total = _stored_size(journal)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        if stage:
            stage(STAGE_WRITE)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as raw:
            file_ids = seal_package(journal, raw, code, work_factor=work_factor, cancel=cancel,
                                    progress=(lambda d, t: progress(min(d, total), 2 * total)) if progress else None)
            raw.flush()
            os.fsync(raw.fileno())
        with journal.db.lock:
            live = table_digests(journal.db.conn)
        if stage:
            stage(STAGE_VERIFY)
        size = tmp.stat().st_size
        verified = verify_package(
            tmp, code, work_dir=journal.data_dir, expected_key=_data_key(journal), expected_tables=live,
            cancel=cancel, progress=(lambda d, t: progress(total + d * total // max(size, 1), 2 * total))
            if progress else None)
        if verified.attachment_files != len(file_ids):
            raise TravelError(_("The travel package does not hold every attachment file. Nothing was erased."))
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return PrepareReport(path, verified.size, verified.sha256, verified.entries, verified.attachment_files)


def erase_after_travel(journal) -> list[str]:
    """Close ``journal`` and erase it as the emergency erase does (vault.erase_journal: the key
    file first), then remove its folder if nothing else is in it. Returns what was erased."""
    from journal.storage.vault import erase_journal

    data_dir = Path(journal.data_dir)
    journal.close()
    report = erase_journal(data_dir)
    try:
        data_dir.rmdir()  # only when empty: a folder the person keeps other things in stays
    except OSError:
        pass
    return report.erased


def _clean_interrupted_restore(data_dir: Path) -> None:
    """What a killed restore leaves in a folder without a key file is destroyed, so the restore
    can simply run again: its staging folders (``.restore-*``), and, if one of them still holds
    the key file (killed after the database moved in, before the key file, the commit point),
    the database and attachment files no key opens. A folder moved aside by a backup restore
    (``.replaced-*``) may be someone's old journal and is never touched."""
    files = journal_files(data_dir)
    if files["keys"].exists() or not data_dir.is_dir():
        return
    staged = list(data_dir.glob(".restore-*"))
    committed_half = any((p / KEYS_FILE).is_file() for p in staged)
    for folder in staged:
        discard_folder(folder)
    if committed_half:
        for key in ("db", "wal", "shm", "journal"):
            if files[key].exists():
                overwrite_and_unlink(files[key])
        shutil.rmtree(data_dir / ATTACHMENTS_DIR, ignore_errors=True)
    if staged:
        fsync_dir(data_dir)


def restore_from_file(path: str | os.PathLike[str], data_dir: str | os.PathLike[str], code: str, *,
                      progress: Progress | None = None, cancel: CancelToken = None,
                      stage: Stage | None = None) -> RestoreReport:
    """Restore the journal in the package at ``path`` into ``data_dir`` (which must hold no
    journal). Everything is unpacked and proven in a staging folder first; journal.keys is moved
    in last, so an interruption leaves no journal or the whole one. The journal then opens with
    its passphrase, as before the journey (or with the recovery code)."""
    path, data_dir = Path(path), Path(data_dir)
    if not path.is_file():
        raise InvalidInput(_("No travel package at {path}.").format(path=path))
    if stage:
        stage(STAGE_RESTORE)
    size = path.stat().st_size
    found: dict = {}
    with open(path, "rb") as handle:
        # The header is checked first: a wrong code is told before anything is unpacked or cleaned.
        reader = _open_package(_Counting(handle, progress, size, cancel), code)
        _clean_interrupted_restore(data_dir)

        def check(staging: Path, manifest: dict) -> None:
            _read_to_end(reader, cancel)
            if handle.read(1):
                raise TravelError(_("The travel package is damaged or incomplete."))
            found["entries"] = _check_staged(staging, manifest, code, None)[1]

        try:
            manifest = restore_from(lambda: reader, data_dir, cancel=_cancel_callable(cancel), check_staged=check)
        except AgeDecryptError:
            raise TravelError(_("The travel package is damaged or incomplete.")) from None
    files = sum(1 for row in manifest["members"] if str(row.get("path", "")).startswith(ATTACHMENTS_DIR + "/"))
    return RestoreReport(data_dir, found.get("entries", 0), files, str(manifest.get("created_at", "")))


__all__ = [
    "BackupError",
    "PrepareReport",
    "RestoreReport",
    "TRAVEL_SUFFIX",
    "TravelError",
    "check_recovery_code",
    "code_passphrase",
    "erase_after_travel",
    "prepare_to_file",
    "restore_from_file",
    "seal_package",
    "verify_package",
]
