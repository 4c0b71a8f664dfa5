"""The duress passphrase: a second passphrase that erases the real journal and opens a decoy.

What it is for (docs/security.md "Duress passphrase"): a person made to unlock the laptop at a
border or in a police station types the duress passphrase instead of the real one. The app
looks as it always does after an unlock, and shows a small journal the person prepared; the
real journal's key is destroyed before the decoy is shown, as an emergency erase destroys it.

Where things are (docs/formats.md "Key file" and "Decoy package"):

* **The duress slot** is slot 2 of journal.keys (keyslots.DURESS_SLOT). Every key file has
  the same eight slots of the same size, and an unused slot is random bytes, so the file does
  not say whether a duress passphrase is set. The slot wraps the *package key* and refers to
  the package (its file name and size).
* **The decoy package** is one file in the attachment folder, in the attachment file format
  (header, ChaCha20-Poly1305 chunks, Padmé padding: blobfiles.py), under a random name like
  every attachment file. It holds a tar of the decoy's key, its database and its attachment
  files. Without the duress passphrase it is one more encrypted attachment of some size.
* **The real journal** records the package's file name in its (encrypted) database, meta key
  ``duress_package``, so its start-up sweep keeps the file and Safety settings can say that a
  duress passphrase is set. Whoever unlocks the real journal can see that; nobody else can.

A duress unlock (``trigger``, called by vault.derive_data_key after the same key derivation and
the same slot trials as any unlock) is crash-safe by order:

1. journal.keys is replaced (the old file overwritten in place first, keys_io.py) by a key file
   whose only used slot opens with the duress passphrase and says "decoy not yet unpacked". From
   here on the real journal cannot be opened by anyone: its key exists nowhere.
2. The package is moved into a folder of its own (``.attachments-next``); the rest of the real
   journal goes through the emergency erase (vault.erase_journal) in its deferred form: key
   leftovers destroyed at once, everything else *renamed* into an ``.erasing-*`` folder
   (erasing.py). Renames take milliseconds whatever the journal's size.
3. ``.attachments-next`` becomes the attachment folder; the package is unpacked: the decoy's
   attachment files into it, its database into a staging folder, then renamed to journal.db.
4. journal.keys is replaced by the decoy's own key file (its passphrase slot: the duress
   passphrase), and the package is moved aside too.
5. After the decoy is shown, a background thread overwrites what 2 moved aside (erasing.py).

A crash anywhere leaves either the real journal untouched (before 1) or a key file that the
duress passphrase opens and that repeats 2 to 4 (after 1); an ``.erasing-*`` folder left by a
kill is overwritten at the next open of the journal in that folder or the next start of the
app, and holds only ciphertext whose key is gone. If the package is missing or damaged, an
empty decoy is made instead: the erase always happens.

Why the overwrite waits (issue 21): overwriting a big real database before the decoy was shown
made a duress unlock visibly slower than a real one (+0.8 s at 20,000 entries: bench/README.md
"Duress unlock"). Nothing readable waits: the key file was destroyed first.

Filling the decoy never erases anything: with the real journal unlocked, Safety settings (or
``journal duress entries|add-entry``) ask for the duress passphrase, unpack the decoy into a
private staging folder, open it as a journal, and pack it again when done (``DecoyEditor``).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import tarfile
from pathlib import Path

from journal.errors import InvalidInput, JournalInUse, WrongPassphrase
from journal.i18n import _
from journal.storage import keyslots
from journal.storage.atomic import fsync_dir, overwrite_and_unlink
from journal.storage.blobfiles import FOLDER as BLOB_FOLDER, BlobFiles
from journal.storage.keyslots import (
    DURESS_SLOT, NO_REF, PASSPHRASE_SLOT, REF_BYTES, ROLE_DURESS, ROLE_PASSPHRASE, KeyFile, SlotMatch,
    check_passphrase_acceptable, normalize_passphrase, open_slot, seal_slot,
)
from journal.storage.lockfile import JournalLock
from journal.storage.newdb import initialize_database
from journal.storage.paths import STAGING_PREFIX, journal_files

#: meta key in the real journal's database: the decoy package's file name(s), space-separated
#: (two only for a moment while an edited decoy replaces the old package).
META_KEY = "duress_package"
_KEY_MEMBER = "decoy.key"
_DB_MEMBER = "journal.db"
_ATTACHMENT_MEMBER = re.compile(r"attachments/([0-9a-f]{2})/(\1[0-9a-f]{30})")
#: The unpacked decoy is refused past this size (a damaged or hostile package).
MAX_MEMBER_BYTES = 1 << 40

#: Tests set this to a callable receiving each step's name ("keys-replaced", "erased",
#: "unpacked", "decoy-keys-saved") to kill the process there. Never set in the app.
test_hook = None


def _point(name: str) -> None:
    if test_hook is not None:
        test_hook(name)


# --- the reference a duress slot carries ----------------------------------------------------
def make_ref(file_id: str, size: int, pending: bool = False) -> bytes:
    ref = bytes.fromhex(file_id) + size.to_bytes(8, "big") + bytes([1 if pending else 0])
    return ref + bytes(REF_BYTES - len(ref))


def parse_ref(ref: bytes) -> tuple[str, int, bool]:
    """(package file name, package size, unpack pending)."""
    return ref[:16].hex(), int.from_bytes(ref[16:24], "big"), ref[24] == 1


# --- status in the real journal -------------------------------------------------------------
def package_ids(journal) -> list[str]:
    return (journal.meta(META_KEY, "") or "").split()


def is_set(journal) -> bool:
    return bool(package_ids(journal))


def _set_packages(journal, ids: list[str]) -> None:
    if ids:
        journal.set_meta(META_KEY, " ".join(ids))
    else:
        with journal.db.transaction() as db:
            db.execute("DELETE FROM meta WHERE key = ?", (META_KEY,))


# --- packing and unpacking ------------------------------------------------------------------
def _pack(decoy_dir: Path, decoy_key: bytes, blob_files: BlobFiles) -> tuple[str, int, bytes]:
    """Write the decoy in `decoy_dir` as one new attachment-format file. (file name, size, key)."""
    writer = blob_files.create()
    try:
        with tarfile.open(fileobj=writer, mode="w|", format=tarfile.PAX_FORMAT) as tar:  # type: ignore[call-overload]
            def add(name: str, path: Path | None = None, data: bytes | None = None) -> None:
                info = tarfile.TarInfo(name)
                info.mode = 0o600
                if data is not None:
                    info.size = len(data)
                    tar.addfile(info, io.BytesIO(data))
                else:
                    assert path is not None
                    info.size = path.stat().st_size
                    with open(path, "rb") as handle:
                        tar.addfile(info, handle)

            add(_KEY_MEMBER, data=decoy_key)
            add(_DB_MEMBER, journal_files(decoy_dir)["db"])
            for file_id, path in BlobFiles(decoy_dir / BLOB_FOLDER).stored_files():
                add(f"{BLOB_FOLDER}/{file_id[:2]}/{file_id}", path)
        writer.finish()
        blob_files.sync()
    except BaseException:
        writer.remove()
        raise
    return writer.file_id, writer.size, writer.key


def _copy_member(tar: tarfile.TarFile, member: tarfile.TarInfo, target: Path, touched: set[Path] | None = None) -> None:
    if touched is not None:
        touched.add(target.parent)
    source = tar.extractfile(member)
    if source is None or member.size > MAX_MEMBER_BYTES:
        raise ValueError("bad member")
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    with io.FileIO(fd, "wb") as out:
        shutil.copyfileobj(source, out, 1024 * 1024)
        os.fsync(out.fileno())


def _unpack(data_dir: Path, file_id: str, size: int, package_key: bytes, db_target: Path,
            attachments_root: Path) -> bytes:
    """Unpack the package: attachment files into `attachments_root`, the database to
    `db_target`. Returns the decoy's data key. Raises on any doubt (a damaged package)."""
    reader = BlobFiles(Path(data_dir) / BLOB_FOLDER).open(file_id, package_key, size)
    decoy_key = b""
    touched: set[Path] = set()
    with io.BufferedReader(reader, 1024 * 1024) as stream, tarfile.open(fileobj=stream, mode="r|") as tar:
        for member in tar:
            if not member.isfile():
                raise ValueError("bad member")
            if member.name == _KEY_MEMBER:
                source = tar.extractfile(member)
                decoy_key = source.read(64) if source is not None else b""
            elif member.name == _DB_MEMBER:
                _copy_member(tar, member, db_target)
            else:
                found = _ATTACHMENT_MEMBER.fullmatch(member.name)
                if found is None:
                    raise ValueError("bad member")
                _copy_member(tar, member, attachments_root / found.group(1) / found.group(2), touched)
    if len(decoy_key) != keyslots.DATA_KEY_BYTES or not db_target.is_file():
        raise ValueError("incomplete package")
    fsync_dir(db_target.parent)
    for shard in sorted(touched):  # only the folders that got files (a sync each costs time)
        fsync_dir(shard)
    if touched:
        fsync_dir(attachments_root)
    return decoy_key


def _new_decoy(folder: Path, name: str) -> bytes:
    """An empty journal database in `folder` (no key file). Returns its data key."""
    folder.mkdir(mode=0o700, exist_ok=True)
    key = os.urandom(keyslots.DATA_KEY_BYTES)
    initialize_database(journal_files(folder)["db"], key, name)
    return key


def _staging(data_dir: Path) -> Path:
    folder = Path(data_dir) / f"{STAGING_PREFIX}{os.urandom(6).hex()}"
    folder.mkdir(mode=0o700)
    return folder


def _destroy_package(blob_files: BlobFiles, file_id: str) -> None:
    """Overwrite and remove a package, and the shard (and attachment) folder if now empty."""
    with contextlib.suppress(Exception):
        path = blob_files.path_of(file_id)
        overwrite_and_unlink(path)
        for folder in (path.parent, blob_files.root):
            try:
                folder.rmdir()
            except OSError:
                break


def _prune_empty(root: Path) -> None:
    """Empty shard folders (and the attachment folder, if empty) left by the erase go."""
    for shard in sorted(root.glob("??")):
        with contextlib.suppress(OSError):
            shard.rmdir()
    with contextlib.suppress(OSError):
        root.rmdir()


def _destroy_folder(folder: Path) -> None:
    if folder.is_dir():
        for item in sorted(folder.rglob("*"), reverse=True):
            if item.is_file() and not item.is_symlink():
                overwrite_and_unlink(item)
        shutil.rmtree(folder, ignore_errors=True)


# --- setting and removing (the real journal is unlocked) ------------------------------------
def _keys(journal) -> KeyFile:
    return KeyFile.load(journal_files(journal.data_dir)["keys"])


def _duress_kek(journal, keys: KeyFile, passphrase: str) -> bytes:
    """The duress passphrase's key under this file; refused if it opens the real journal."""
    secret = normalize_passphrase(passphrase)
    kek = keys.derive(secret)
    opens_real = any((found := open_slot(kek, slot)) is not None and found[0] != ROLE_DURESS
                     for slot in keys.slots)
    opens_real = opens_real or any(s.kind == "passphrase" and s.unwrap(secret) is not None for s in keys.legacy)
    if opens_real:
        raise InvalidInput(_("The duress passphrase must be different from the passphrase of the journal."))
    return kek


def set_duress(journal, passphrase: str, decoy_name: str | None = None) -> None:
    """Set the duress passphrase, with a new, empty decoy journal named `decoy_name` (default:
    the real journal's name). Fill the decoy with ``DecoyEditor``."""
    journal._require_open()
    check_passphrase_acceptable(passphrase)
    if is_set(journal):
        raise InvalidInput(_("A duress passphrase is already set. Remove it first to set another one."))
    keys = _keys(journal)
    if keys.rotation is not None:
        raise InvalidInput(_("A key change is in progress; lock and unlock the journal first."))
    kek = _duress_kek(journal, keys, passphrase)
    staging = _staging(journal.data_dir)
    try:
        decoy_key = _new_decoy(staging, journal.name if decoy_name is None else decoy_name)
        file_id, size, package_key = _pack(staging, decoy_key, journal.blob_files)
    finally:
        _destroy_folder(staging)
    # Slot first, then the record that keeps the package: a crash between leaves a package the
    # next open sweeps away, and a duress unlock then makes an empty decoy (the erase happens).
    keys.with_slot(DURESS_SLOT, kek, ROLE_DURESS, package_key, make_ref(file_id, size)).save(
        journal_files(journal.data_dir)["keys"])
    _set_packages(journal, [file_id])


def remove_duress(journal) -> None:
    """Forget the duress passphrase: its slot becomes random bytes, the decoy is destroyed."""
    journal._require_open()
    keys = _keys(journal)
    keys.without_slot(DURESS_SLOT).save(journal_files(journal.data_dir)["keys"])
    for file_id in package_ids(journal):
        _destroy_package(journal.blob_files, file_id)
    _set_packages(journal, [])


class DecoyEditor:
    """The decoy opened for filling, while the real journal stays unlocked (nothing is erased).

    ``journal`` is the decoy, an ordinary Journal in a private staging folder; ``save()`` packs
    it again (a new package replaces the old one), ``discard()`` forgets the changes. Either
    removes the staging folder; one left by a crash is removed at the real journal's next open.
    """

    def __init__(self, real, passphrase: str) -> None:
        real._require_open()
        if not is_set(real):
            raise InvalidInput(_("No duress passphrase is set."))
        self.real = real
        keys = _keys(real)
        secret = normalize_passphrase(passphrase)
        found = keys.match(secret, "passphrase")
        if found is None or found.index != DURESS_SLOT or found.role != ROLE_DURESS:
            raise WrongPassphrase(_("That is not the duress passphrase."))
        self._kek = found.kek
        file_id, size, _pending = parse_ref(found.ref)
        self._old_id = file_id
        self.staging = _staging(real.data_dir)
        try:
            try:
                key = _unpack(real.data_dir, file_id, size, found.key, journal_files(self.staging)["db"],
                              self.staging / BLOB_FOLDER)
            except (ValueError, OSError, tarfile.TarError, Exception):  # noqa: BLE001 - damaged: start afresh
                _destroy_folder(self.staging)
                self.staging.mkdir(mode=0o700)
                key = _new_decoy(self.staging, real.name)
            self.journal = type(real).open_with_key(self.staging, key)  # a vault.Journal
            self._key = key
        except BaseException:
            _destroy_folder(self.staging)
            raise

    def save(self) -> None:
        import sqlite3  # noqa: F401 - sqlcipher3 mirrors it; only for the checkpoint below

        with contextlib.suppress(Exception):
            self.journal.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.journal.close()
        try:
            file_id, size, package_key = _pack(self.staging, self._key, self.real.blob_files)
            # Both packages are kept by the sweep until the slot names the new one.
            _set_packages(self.real, [self._old_id, file_id])
            _keys(self.real).with_slot(DURESS_SLOT, self._kek, ROLE_DURESS, package_key,
                                       make_ref(file_id, size)).save(journal_files(self.real.data_dir)["keys"])
            _set_packages(self.real, [file_id])
            _destroy_package(self.real.blob_files, self._old_id)
        finally:
            _destroy_folder(self.staging)

    def discard(self) -> None:
        self.journal.close()
        _destroy_folder(self.staging)


# --- the duress unlock ----------------------------------------------------------------------
#: Where the package waits while the real attachment folder is moved aside (a crash there
#: leaves it here; the next duress unlock takes it from here). Becomes the decoy's attachment
#: folder.
NEXT_ATTACHMENTS = ".attachments-next"


def _hold_package(data_dir: Path, file_id: str) -> Path:
    """Move the package (if still in the attachment folder) into NEXT_ATTACHMENTS; returns
    the folder the decoy's attachment folder is built in (it holds the package if it exists)."""
    holding = data_dir / NEXT_ATTACHMENTS
    target = holding / file_id[:2] / file_id
    source = BlobFiles(data_dir / BLOB_FOLDER).path_of(file_id)
    if not target.exists() and source.exists():
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.replace(source, target)
        fsync_dir(target.parent)
    holding.mkdir(mode=0o700, exist_ok=True)
    fsync_dir(data_dir)
    return holding


def trigger(data_dir: Path, keys: KeyFile, match: SlotMatch, *, erase) -> bytes:
    """Erase the real journal and put the decoy in its place; returns the decoy's data key
    (the caller opens it as any journal). Called after the usual key derivation; ``erase`` is
    vault.erase_journal, handed in (vault imports this module).

    Only the instant part of the erase happens before the decoy is shown: the key file first,
    then renames (erasing.py); the overwrite of the real database follows on a background
    thread, so a duress unlock takes as long as a real one whatever the journal's size."""
    from journal.storage import erasing

    data_dir = Path(data_dir)
    files = journal_files(data_dir)
    lock = JournalLock(files["lock"])
    try:
        lock.acquire()
    except JournalInUse:
        pass  # open elsewhere: the erase goes ahead anyway, as an emergency erase does
    try:
        file_id, size, _pending = parse_ref(match.ref)
        if match.index == DURESS_SLOT:
            # 1. The real key is destroyed: only the "unpack pending" slot remains.
            pending = KeyFile(keys.salt, keys.kdf_params)
            pending.slots[PASSPHRASE_SLOT] = seal_slot(match.kek, ROLE_PASSPHRASE, match.key,
                                                       make_ref(file_id, size, pending=True))
            pending.save(files["keys"])
        _point("keys-replaced")
        # 2. The package out of the way, then the rest of the real journal (and any half-unpacked
        #    decoy of an earlier try) renamed aside, to be overwritten after the decoy is shown.
        holding = _hold_package(data_dir, file_id)
        erase(data_dir, keys_already_destroyed=True, defer=True)
        # Synced with the decoy's database below; a crash before leaves the package in holding.
        os.replace(holding, data_dir / BLOB_FOLDER)
        _point("erased")
        # 3. The decoy in place of the real journal.
        blob_files = BlobFiles(data_dir / BLOB_FOLDER)
        staging = _staging(data_dir)
        try:
            try:
                decoy_key = _unpack(data_dir, file_id, size, match.key, journal_files(staging)["db"],
                                    data_dir / BLOB_FOLDER)
            except Exception:  # noqa: BLE001 - a missing or damaged package: an empty decoy instead
                _destroy_folder(staging)
                staging.mkdir(mode=0o700)
                decoy_key = os.urandom(keyslots.DATA_KEY_BYTES)
                initialize_database(journal_files(staging)["db"], decoy_key, "")
            os.replace(journal_files(staging)["db"], files["db"])
            fsync_dir(data_dir)
        finally:
            _destroy_folder(staging)
        _point("unpacked")
        # 4. The decoy's own key file; then the package goes.
        final = KeyFile(keys.salt, keys.kdf_params)
        final.slots[PASSPHRASE_SLOT] = seal_slot(match.kek, ROLE_PASSPHRASE, decoy_key, NO_REF)
        final.save(files["keys"])
        _point("decoy-keys-saved")
        # The package (no key opens it any more) joins the files overwritten behind the decoy.
        erasing.move_aside(erasing.new_folder(data_dir), blob_files.path_of(file_id))
        _prune_empty(blob_files.root)
        return decoy_key
    finally:
        lock.release()
        # 5. The real journal's files, renamed aside in 2, are overwritten behind the decoy (and
        #    at the next unlock, if this process is killed first).
        erasing.finish_in_background(data_dir)
