"""Changing the key itself, after a passphrase was given up (`journal passwd --rotate`).

Changing the passphrase only rewraps the same data key, so an old copy of journal.keys (carved
from free blocks, a backup, a photo of the disk) still opens the journal with the old
passphrase. Rotation makes everything current need new keys: a new random data key for the
database (SQLCipher ``PRAGMA rekey``), a new random key (and a new random name) for every
attachment file, a new passphrase slot and a new recovery code. Old backups are not touched:
they still open with the old passphrase and recovery code.

The protocol (crash-safe: a SIGKILL anywhere leaves a journal that opens with the new or the
old passphrase, tests/test_rotation_kill.py):

1. **Files.** Every attachment file is decrypted a chunk at a time and encrypted again into a
   new file under a new random name and key; the old files are not touched. The new names and
   keys are held in memory only. A crash here leaves new files no row names: the sweep at the
   next open removes them (journal/storage/blobfiles.py). Cancel is possible here, and removes
   them at once.
2. **Transition key file.** journal.keys gets new slots (new passphrase, new recovery code,
   both wrapping the new data key) next to the old ones, and a ``rotation`` object with the
   old data key wrapped under the new one and the new under the old (ChaCha20-Poly1305), so
   either passphrase yields both keys.
3. **The switch.** One SQLite transaction records every attachment's new name and key,
   queues the old files for deletion, and is committed by ``PRAGMA rekey`` itself (SQLCipher
   rewrites every page under the new key and commits the open transaction with them): the
   database is under the old key with the old attachment keys, or under the new key with the
   new ones, never a mix. Cache spilling is off until the rekey starts, so no page holding a new
   attachment key is ever written under the old data key.
4. **Final key file.** Only the new slots remain (the old file overwritten in place first,
   journal/storage/keys_io.py), then the old attachment files are overwritten and deleted.

Opening a journal whose key file still holds a ``rotation`` object (a crash between 2 and 4)
settles it under the journal lock (``settle_on_open``): whichever key the database opens with
wins: the new one finishes the rotation (only the new slots are kept), the old one rolls it
back (only the old slots are kept; the unnamed new files are swept).
"""

from __future__ import annotations

import base64
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from journal.errors import Cancelled, CorruptDatabase, CorruptKeyFile
from journal.i18n import _
from journal.storage import keyslots
from journal.storage.atomic import overwrite_and_unlink
from journal.storage.keys_io import finish_interrupted_replace
from journal.storage.keyslots import (
    KdfParams, KeyFile, check_passphrase_acceptable, normalize_passphrase, normalize_recovery_code,
)
from journal.storage.memlock import SecretBuffer
from journal.storage.paths import journal_files

ROTATION_AEAD = "chacha20poly1305"

#: Tests set this to a callable that receives the name of each step as it is reached
#: (tests/test_rotation_kill.py kills the process there). Never set in the app.
test_hook = None


def _point(name: str) -> None:
    if test_hook is not None:
        test_hook(name)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(str(text).encode("ascii"), validate=True)


def _aad(rotation_id: str, which: str) -> bytes:
    return f"incident-journal-keys/v1/rotation/{rotation_id}/{which}".encode("ascii")


def _wrap(kek: bytes, key: bytes, rotation_id: str, which: str) -> dict:
    nonce = os.urandom(12)
    return {"nonce": _b64(nonce), "wrapped_key": _b64(ChaCha20Poly1305(kek).encrypt(nonce, key, _aad(rotation_id, which)))}


def _unwrap(kek: bytes, wrapped: dict, rotation_id: str, which: str) -> bytes | None:
    try:
        key = ChaCha20Poly1305(kek).decrypt(_unb64(wrapped["nonce"]), _unb64(wrapped["wrapped_key"]),
                                            _aad(rotation_id, which))
    except (InvalidTag, KeyError, TypeError, ValueError):
        return None
    return key if len(key) == keyslots.DATA_KEY_BYTES else None


@dataclass
class _NewFile:
    """A re-encrypted file not yet recorded in the database."""

    file_id: str
    key: bytes
    path: Path
    root: Path

    def remove(self) -> None:
        """Gone, with the shard folder made for it if now empty (as BlobFileWriter.remove)."""
        self.path.unlink(missing_ok=True)
        for folder in (self.path.parent, self.root):
            try:
                folder.rmdir()
            except OSError:
                break


@dataclass
class RotationResult:
    recovery_code: str
    files: int = 0
    bytes: int = 0
    old_files_removed: int = 0
    lock_note: str = ""
    notes: list[str] = field(default_factory=list)


def _transition_keyfile(current: KeyFile, old_key: bytes, new_key: bytes, passphrase: str, recovery: str,
                        params: KdfParams) -> KeyFile:
    """The current slots (the duress slot among them, untouched) plus the new passphrase and
    recovery code in the rotation slots, under the file's one salt and cost."""
    kf = current._fresh(params)
    pass_slot, recovery_slot = keyslots.ROTATION_SLOTS
    kf.slots[pass_slot] = keyslots.seal_slot(kf.derive(normalize_passphrase(passphrase)), keyslots.ROLE_PASSPHRASE,
                                             new_key)
    kf.slots[recovery_slot] = keyslots.seal_slot(kf.derive(normalize_recovery_code(recovery)), keyslots.ROLE_RECOVERY,
                                                 new_key)
    rotation_id = str(uuid.uuid4())
    kf.rotation = {
        "state": "in-progress",
        "id": rotation_id,
        "aead": ROTATION_AEAD,
        "new_slots": list(keyslots.ROTATION_SLOTS),
        "old_key_under_new": _wrap(new_key, old_key, rotation_id, "old"),
        "new_key_under_old": _wrap(old_key, new_key, rotation_id, "new"),
    }
    return kf


def _v1_ids(transition: KeyFile) -> set[str] | None:
    """The new slots' ids of a key change a version-1 app started (its slots had ids)."""
    assert transition.rotation is not None
    ids = transition.rotation.get("new_slots") or []
    return {str(i) for i in ids} if any(isinstance(i, str) for i in ids) else None


def _finished(transition: KeyFile) -> KeyFile:
    """The key file after a key change: the new slots moved to their places, the old ones gone
    (a legacy version-1 slot too: it wrapped the old key); the duress slot is kept."""
    kf = transition.copy()
    v1_new = _v1_ids(transition)
    if v1_new is not None:
        kf.legacy = [s for s in kf.legacy if s.id in v1_new]
        kf.rotation = None
        return kf
    pass_slot, recovery_slot = keyslots.ROTATION_SLOTS
    kf.slots[keyslots.PASSPHRASE_SLOT] = kf.slots[pass_slot]
    kf.slots[keyslots.RECOVERY_SLOT] = kf.slots[recovery_slot]
    for index in keyslots.ROTATION_SLOTS:
        kf.slots[index] = keyslots.random_slot()
    kf.legacy = []
    kf.rotation = None
    return kf


def _rolled_back(transition: KeyFile) -> KeyFile:
    kf = transition.copy()
    v1_new = _v1_ids(transition)
    if v1_new is not None:
        kf.legacy = [s for s in kf.legacy if s.id not in v1_new]
        kf.rotation = None
        return kf
    for index in keyslots.ROTATION_SLOTS:
        kf.slots[index] = keyslots.random_slot()
    kf.rotation = None
    return kf


def _both_keys(rotation: dict, key: bytes) -> tuple[bytes, bytes]:
    """(old key, new key) from either of them, or CorruptKeyFile."""
    rotation_id = str(rotation.get("id", ""))
    new = _unwrap(key, rotation.get("new_key_under_old") or {}, rotation_id, "new")
    if new is not None:
        return key, new
    old = _unwrap(key, rotation.get("old_key_under_new") or {}, rotation_id, "old")
    if old is not None:
        return old, key
    raise CorruptKeyFile(_(
        "The key file journal.keys records a key change that cannot be completed (it is damaged). "
        "Restore the journal from a backup."))


def _opens_with(db_path: Path, key: bytes) -> bool:
    from journal.storage.db import connect

    try:
        conn = connect(db_path, key)
    except CorruptDatabase:
        return False
    conn.close()
    return True


def settle_on_open(data_dir: Path, key: bytes) -> tuple[bytes, str | None]:
    """Finish an interrupted key-file replace and an interrupted rotation (the journal lock is
    held). Returns the key the database opens with, and "finished", "rolled-back" or None."""
    files = journal_files(Path(data_dir))
    finish_interrupted_replace(files["keys"], keyslots.KEYS_FORMAT)
    try:
        keys = KeyFile.load(files["keys"])
    except CorruptKeyFile:
        # Opened with a key from elsewhere (a recovery tool, a test of an old schema): there is
        # no key change to settle without a readable key file.
        return key, None
    if keys.rotation is None:
        return key, None
    old, new = _both_keys(keys.rotation, bytes(key))
    if _opens_with(files["db"], new):
        _finished(keys).save(files["keys"])
        return new, "finished"
    if _opens_with(files["db"], old):
        _rolled_back(keys).save(files["keys"])
        return old, "rolled-back"
    raise CorruptDatabase(
        _("The database journal.db is damaged or is not this journal's database (the passphrase was right). Restore it from a backup."))


def rotate_keys(journal, new_passphrase: str, *, kdf: KdfParams | None = None, progress=None,
                cancel=None) -> RotationResult:
    """Give `journal` a new data key, new attachment keys, a new passphrase and recovery code.

    ``progress(done, total)`` counts attachment bytes re-encrypted; ``cancel()`` is honoured
    until the switch (step 3) starts, and raises Cancelled with nothing changed. The journal
    stays open under the new key; its read-only connections are closed (they hold the old key).
    """
    journal._require_open()
    check_passphrase_acceptable(new_passphrase)
    params = kdf or keyslots.DEFAULT_KDF
    db = journal.db
    blob_files = journal.blob_files
    keys_path = journal_files(journal.data_dir)["keys"]
    current = KeyFile.load(keys_path)
    if current.rotation is not None:  # cannot happen with the lock held, but never stack two
        raise CorruptKeyFile(_("A key change is already in progress; lock and unlock the journal first."))
    recovery = keyslots.new_recovery_code()
    new_key = SecretBuffer(os.urandom(keyslots.DATA_KEY_BYTES))
    result = RotationResult(recovery_code=recovery)
    result.lock_note = "" if new_key.locked else new_key.reason
    rows = db.query("SELECT id, file_id, file_key, size FROM blobs WHERE file_id IS NOT NULL ORDER BY id")
    total = sum(int(r[3]) for r in rows)
    done = 0
    written: list[_NewFile] = []  # each new file, in row order (small: not the writer itself)
    writer = None
    if progress:
        progress(0, total)
    try:
        # 1. New files (the old ones untouched).
        for _blob_id, file_id, file_key, size in rows:
            if cancel and cancel():
                raise Cancelled()
            reader = blob_files.open(file_id, bytes(file_key), int(size))
            writer = blob_files.create()
            try:
                for chunk in reader.chunks():
                    writer.write(chunk)
                    done += len(chunk)
                    if progress:
                        progress(done, total)
                    if cancel and cancel():
                        raise Cancelled()
            finally:
                reader.close()
            writer.finish()
            written.append(_NewFile(writer.file_id, writer.key, writer.path, blob_files.root))
            writer = None
            _point("file-written")
        blob_files.sync()
        _point("files-synced")
        if cancel and cancel():
            raise Cancelled()
    except BaseException:
        if writer is not None:
            writer.remove()
        for new_file in written:
            new_file.remove()
        raise

    # 2. The transition key file: both passphrases give both keys.
    old_key = bytes(journal._data_key)
    try:
        transition = _transition_keyfile(current, old_key, bytes(new_key), new_passphrase, recovery, params)
        transition.save(keys_path)
    except BaseException:
        for new_file in written:
            new_file.remove()
        raise
    _point("transition-saved")

    # 3. The switch: new attachment names and keys, committed by the rekey. The read-only
    # connections hold the old key: they are closed now (the GUI locks after a rotation).
    for reader in list(journal._readers):
        reader.close()
    journal._readers.clear()
    old_ids = [r[1] for r in rows]
    conn = db.conn
    switched = False
    with db.lock:
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute("PRAGMA cache_spill = OFF")
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany("UPDATE blobs SET file_id = ?, file_key = ? WHERE id = ?",
                             [(w.file_id, w.key, r[0]) for w, r in zip(written, rows)])
            conn.executemany("INSERT OR IGNORE INTO blob_files_released (file_id) VALUES (?)",
                             [(file_id,) for file_id in old_ids])
            # From the rekey on, every page SQLCipher writes (a spill included) is under the new
            # key: spilling is allowed again, so the rekey of a big database keeps memory bounded.
            conn.execute("PRAGMA cache_spill = ON")
            _point("before-rekey")
            conn.execute(f"PRAGMA rekey = \"x'{bytes(new_key).hex()}'\"")
            switched = True
            _point("after-rekey")
            if conn.in_transaction:
                conn.execute("COMMIT")  # the rekey committed; this only ends the statement-level state
        except BaseException:
            if not switched:
                try:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                except Exception:  # noqa: BLE001 - the original error matters more
                    pass
                # Whether the rekey committed is asked of the database itself, never assumed
                # (an interrupt can arrive between the rekey returning and the next line).
                switched = _opens_with(journal_files(journal.data_dir)["db"], bytes(new_key))
                if not switched:
                    # Nothing changed in the database: back to the old key file, new files gone.
                    _rolled_back(transition).save(keys_path)
                    for new_file in written:
                        new_file.remove()
                    raise
            if not switched:
                raise
        finally:
            try:
                conn.execute("PRAGMA cache_spill = ON")
            except Exception:  # noqa: BLE001
                pass
        old_buffer = journal._data_key
        journal._data_key = new_key
        old_buffer.wipe()
        # Every page now on disk under the new key; the WAL (which held the rewritten pages) is
        # emptied, so old-key pages in the database file are overwritten in place.
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except Exception:  # noqa: BLE001 - done at the next checkpoint anyway
            pass
    _point("switched")

    # 4. Only the new slots remain; the old key file is overwritten in place first.
    _finished(transition).save(keys_path)
    _point("final-saved")
    for file_id in old_ids:
        try:
            if overwrite_and_unlink(blob_files.path_of(file_id)):
                result.old_files_removed += 1
        except Exception:  # noqa: BLE001 - the release below (or the next open) unlinks it
            pass
    blob_files.release_files(db)
    _point("done")
    result.files = len(rows)
    result.bytes = total
    return result
