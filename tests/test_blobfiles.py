"""Attachment files (journal/storage/blobfiles.py): the format, and how files follow the fate of the
transaction that records them (commit, rollback, savepoints, crash, deletion, backup hold)."""

from __future__ import annotations

import errno
import hashlib
import os
import struct

import pytest
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from journal.storage import blobfiles
from journal.storage.blobfiles import BlobFiles, StoredFileUnreadable
from journal.errors import StorageError
from journal.storage.keyslots import KdfParams
from journal.storage.vault import Journal

PASS = "correct horse battery staple 42"
CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)


def decrypt_as_documented(path, key: bytes, size: int) -> bytes:
    """docs/formats.md "Attachment files", written from the description alone: the size comes
    from the database, the chunk size from the header, and the padding is never read."""
    data = path.read_bytes()
    head, body = data[:16], data[16:]
    assert head[:8] == b"IJATTACH" and head[8] == 1
    chunk_size = struct.unpack(">I", head[12:16])[0]
    aead = ChaCha20Poly1305(key)
    count = size // chunk_size + 1
    out = []
    for index in range(count):
        last = index == count - 1
        length = (size % chunk_size if last else chunk_size) + 16
        sealed = body[index * (chunk_size + 16):index * (chunk_size + 16) + length]
        nonce = index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")
        out.append(aead.decrypt(nonce, sealed, head))
    return b"".join(out)


@pytest.fixture
def files(tmp_path):
    return BlobFiles(tmp_path / "attachments")


@pytest.mark.parametrize("size", [0, 1, 99, 100, 101, 250, 300])
def test_round_trip_at_every_chunk_boundary(files, size):
    data = os.urandom(size)
    writer = files.create(chunk_size=100)
    for i in range(0, size, 37):  # uneven writes
        writer.write(data[i:i + 37])
    writer.finish()
    assert writer.size == size
    path = files.path_of(writer.file_id)
    unpadded = blobfiles.encrypted_size(size, 100)
    assert unpadded == 16 + size + 16 * (size // 100 + 1)
    assert path.stat().st_size == blobfiles.stored_file_size(size, 100) == blobfiles.padme(unpadded)
    assert decrypt_as_documented(path, writer.key, size) == data
    with files.open(writer.file_id, writer.key, size) as reader:
        assert reader.read() == data
        reader.seek(max(0, size - 3))
        assert reader.read() == data[max(0, size - 3):]


def test_names_are_random_and_carry_no_content_hash(files):
    a, b = files.create(), files.create()
    for w in (a, b):
        w.write(b"same content")
        w.finish()
    assert a.file_id != b.file_id and a.key != b.key
    assert hashlib.sha256(b"same content").hexdigest()[:32] not in (a.file_id, b.file_id)
    assert files.path_of(a.file_id).read_bytes()[16:] != files.path_of(b.file_id).read_bytes()[16:]
    assert oct(files.path_of(a.file_id).stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize("damage", ["flip", "swap chunks", "drop last chunk", "append", "wrong key", "header",
                                    "padding shortened"])
def test_any_change_to_a_file_is_detected(files, damage):
    data = os.urandom(350)
    writer = files.create(chunk_size=100)
    writer.write(data)
    writer.finish()
    path = files.path_of(writer.file_id)
    raw = bytearray(path.read_bytes())
    key = writer.key
    size = len(data)
    if damage == "flip":
        raw[200] ^= 0x40
    elif damage == "swap chunks":
        first, second = raw[16:132], raw[132:248]
        raw[16:248] = second + first
    elif damage == "drop last chunk":
        del raw[16 + 3 * 116:]
        size = 300  # as if the row said so too: the missing last flag still shows
    elif damage == "append":
        raw += os.urandom(116)
    elif damage == "padding shortened":
        del raw[-1:]
    elif damage == "wrong key":
        key = os.urandom(32)
    elif damage == "header":
        raw[15] = 99  # another chunk size
    path.write_bytes(bytes(raw))
    with pytest.raises(StoredFileUnreadable, match="missing or damaged"):
        with files.open(writer.file_id, key, size) as reader:
            reader.read()


def test_padding_hides_the_exact_size():
    sizes = {blobfiles.stored_file_size(n) for n in range(5_000_000, 5_100_000, 997)}
    assert len(sizes) < 5  # about 100 different attachment sizes, a handful of file lengths
    for n in (0, 1, 1000, 5_000_000, 3 * 2**30):
        unpadded = blobfiles.encrypted_size(n)
        assert unpadded <= blobfiles.stored_file_size(n) <= unpadded * 1.12


def test_padding_looks_like_ciphertext(files):
    writer = files.create()
    writer.write(b"\x00" * 5_000_000)
    writer.finish()
    raw = files.path_of(writer.file_id).read_bytes()
    padding = raw[blobfiles.encrypted_size(5_000_000):]
    assert len(padding) > 10_000
    assert padding.count(0) < len(padding) / 128  # not zeros: as random as the ciphertext


def test_a_file_name_from_the_database_is_checked(files):
    with pytest.raises(StoredFileUnreadable):
        files.path_of("../../journal.keys")


# --- following the transaction ----------------------------------------------------------------
@pytest.fixture
def journal(tmp_path):
    created = Journal.create(tmp_path / "j", PASS, kdf=CHEAP)
    yield created.journal
    if not created.journal.closed:
        created.journal.close()


def _stored(journal) -> set[str]:
    return {file_id for file_id, _ in journal.blob_files.stored_files()}


def test_rolled_back_transaction_removes_its_files_and_folders(journal):
    entry = journal.entries.add(title="x")
    with pytest.raises(RuntimeError):
        with journal.db.transaction():
            journal.attachments.add_bytes(entry.uuid, b"one", "a.txt")
            raise RuntimeError("later failure")
    assert _stored(journal) == set()
    assert not (journal.data_dir / "attachments").exists()
    assert journal.db.query_one("SELECT count(*) FROM blobs")[0] == 0


def test_savepoint_rollback_removes_only_its_own_files(journal):
    entry = journal.entries.add(title="x")
    with journal.db.transaction():
        kept = journal.attachments.add_bytes(entry.uuid, b"kept", "kept.txt")
        with pytest.raises(RuntimeError):
            with journal.db.transaction():
                journal.attachments.add_bytes(entry.uuid, b"dropped", "dropped.txt")
                raise RuntimeError("inner failure")
    assert len(_stored(journal)) == 1
    assert journal.attachments.open_stream(kept.uuid).read() == b"kept"
    # A released savepoint's files belong to the enclosing transaction from then on.
    with pytest.raises(RuntimeError):
        with journal.db.transaction():
            with journal.db.transaction():
                journal.attachments.add_bytes(entry.uuid, b"inner, released", "inner.txt")
            raise RuntimeError("outer failure")
    assert len(_stored(journal)) == 1
    assert journal.verify() == []


def test_files_are_synced_before_the_commit(journal, monkeypatch):
    entry = journal.entries.add(title="x")
    order = []
    real_sync = BlobFiles.sync

    def sync(self):
        order.append(("sync", journal.db.conn.in_transaction))
        real_sync(self)

    monkeypatch.setattr(BlobFiles, "sync", sync)
    journal.attachments.add_bytes(entry.uuid, b"durable", "d.txt")
    assert order == [("sync", True)]  # inside the transaction, before COMMIT


def _fail_the_commit_sync(monkeypatch):
    monkeypatch.setattr(BlobFiles, "sync", lambda self: _raise(errno.ENOSPC))
    return 100  # a small file: only the fsync before COMMIT touches it


def _fail_the_background_flush(monkeypatch):
    monkeypatch.setattr(blobfiles, "_datasync", lambda fd: _raise(errno.EIO))
    return blobfiles.EARLY_FLUSH_FROM + 10  # big enough to be flushed early, on the flusher


def _raise(code: int):
    raise OSError(code, os.strerror(code))


@pytest.mark.parametrize("failure", [_fail_the_commit_sync, _fail_the_background_flush])
def test_a_failed_flush_rolls_the_transaction_back(journal, monkeypatch, failure):
    entry = journal.entries.add(title="x")
    size = failure(monkeypatch)
    with pytest.raises(StorageError):
        journal.attachments.add_bytes(entry.uuid, os.urandom(size), "never-committed.bin")
    monkeypatch.undo()
    assert journal.db.query_one("SELECT count(*) FROM blobs")[0] == 0
    assert _stored(journal) == set()


def test_deleted_content_loses_its_file_after_commit_and_backup_holds_it(journal):
    entry = journal.entries.add(title="x")
    a = journal.attachments.add_bytes(entry.uuid, b"first", "a.txt")
    b = journal.attachments.add_bytes(entry.uuid, b"second", "b.txt")
    assert len(_stored(journal)) == 2
    journal.attachments.remove(a.uuid)
    assert len(_stored(journal)) == 2  # in the trash: still there
    with journal.blob_files.hold_removals():
        journal.attachments.empty_trash()
        assert len(_stored(journal)) == 2  # a backup is copying files: kept until it ends
    journal.entries.add(title="any later commit")
    assert len(_stored(journal)) == 1
    assert journal.attachments.open_stream(b.uuid).read() == b"second"
    assert journal.db.query_one("SELECT count(*) FROM blob_files_released")[0] == 0


def test_open_sweeps_files_a_crash_left_behind(journal, tmp_path):
    entry = journal.entries.add(title="x")
    keep = journal.attachments.add_bytes(entry.uuid, b"committed", "c.txt")
    # A crash after writing a file but before its row committed:
    orphan = journal.blob_files.create()
    orphan.write(b"never recorded")
    orphan.finish()
    # A crash after a delete committed but before its file was unlinked:
    gone = journal.attachments.add_bytes(entry.uuid, b"deleted", "d.txt")
    (gone_file,) = journal.db.query_one("SELECT b.file_id FROM blobs b JOIN attachments a ON a.blob_id = b.id "
                                        "WHERE a.uuid = ?", (gone.uuid,))
    journal.blob_files._holds += 1  # keep the file as a crash would
    journal.attachments.remove(gone.uuid)
    journal.attachments.empty_trash()
    data_dir = journal.data_dir
    journal.close()
    stray = data_dir / "attachments" / "zz-not-ours.txt"
    stray.write_bytes(b"a file the app did not write")
    with Journal.open(data_dir, PASS) as reopened:
        assert _stored(reopened) == {
            reopened.db.query_one("SELECT file_id FROM blobs")[0]}
        assert orphan.file_id not in _stored(reopened) and gone_file not in _stored(reopened)
        assert reopened.attachments.open_stream(keep.uuid).read() == b"committed"
        assert reopened.verify() == []
    assert stray.exists()  # only files named like ours are ever removed


def test_erase_removes_the_attachment_files(journal):
    from journal.storage.vault import erase_journal

    entry = journal.entries.add(title="x")
    journal.attachments.add_bytes(entry.uuid, b"to be erased", "e.txt")
    data_dir = journal.data_dir
    journal.close()
    report = erase_journal(data_dir)
    assert "attachments/" in report.erased
    assert not (data_dir / "attachments").exists()


# --- failure paths found in review ---------------------------------------------------------------
class _StingyFile:
    """Wraps the writer's raw file: each write stores at most ``share`` of what it is given
    (what a raw write does when the disk fills up mid-request)."""

    def __init__(self, real, share: float) -> None:
        self._real, self._share = real, share

    def write(self, data) -> int:
        view = memoryview(data)
        n = max(1, int(len(view) * self._share)) if self._share else 0
        return self._real.write(view[:n]) if n else 0

    def __getattr__(self, name):
        return getattr(self._real, name)


def test_a_short_write_is_completed_not_ignored(files):
    data = os.urandom(250_000)
    writer = files.create(chunk_size=65536)
    writer._file = _StingyFile(writer._file, 0.5)
    writer.write(data)
    writer.finish()
    with files.open(writer.file_id, writer.key, len(data)) as reader:
        assert reader.read() == data


def test_a_write_that_stores_nothing_is_a_full_disk(files):
    writer = files.create(chunk_size=1000)
    writer._file = _StingyFile(writer._file, 0)
    with pytest.raises(OSError) as failed:
        writer.write(os.urandom(5000))
    assert failed.value.errno == errno.ENOSPC
    writer.remove()


def test_a_leftover_that_cannot_be_removed_does_not_block_opening(journal):
    data_dir = journal.data_dir
    entry = journal.entries.add(title="x")
    kept = journal.attachments.add_bytes(entry.uuid, b"kept", "k.txt")
    journal.close()
    odd = data_dir / "attachments" / "ab" / ("ab" + "0" * 30)
    odd.mkdir(parents=True)  # named like ours, but a folder
    with Journal.open(data_dir, PASS) as reopened:
        assert reopened.attachments.open_stream(kept.uuid).read() == b"kept"
    assert odd.is_dir()


def test_a_name_with_a_trailing_newline_is_not_ours(files):
    with pytest.raises(StoredFileUnreadable):
        files.path_of("0" * 32 + "\n")


def test_a_reader_that_saw_a_deleted_attachment_gets_not_found(journal):
    from journal.records.attachments import open_blob
    from journal.errors import NotFound

    entry = journal.entries.add(title="x")
    att = journal.attachments.add_bytes(entry.uuid, b"soon gone", "g.txt")
    reader = journal.open_reader()
    (blob_id,) = reader.db.query_one("SELECT blob_id FROM attachments WHERE uuid = ?", (att.uuid,))
    journal.attachments.remove(att.uuid)
    journal.attachments.empty_trash()
    with pytest.raises(NotFound):
        open_blob(reader.db, reader.blob_files, blob_id)
    reader.close()
