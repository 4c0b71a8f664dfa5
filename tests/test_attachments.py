"""Attachment storage: chunked round trips, dedupe, transactions, trash, integrity."""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import shutil
import struct
import subprocess
import sys
import textwrap
import threading
import zlib
from pathlib import Path

import pytest
from conftest import PASSPHRASE

from journal.records import attachments as att_mod
from journal.records.attachments import (
    DELETE_ORIGINAL_WARNING,
    AttachmentStore,
    EntrySuggestion,
    clean_file_name,
)
from journal.storage.blobfiles import BlobFiles, BlobFileWriter, StoredFileUnreadable
from journal.errors import Cancelled, InvalidInput, NotFound
from journal.media import MediaError
from journal.records.search import EntryFilter
from journal.storage.vault import Journal

PHOTOS = Path(__file__).parent / "data" / "photos"


def counts(journal) -> tuple[int, int, int]:
    """Attachments, stored contents, and encrypted files in the journal folder (no chunk rows:
    from schema 10 content is written as files)."""
    rows = tuple(journal.db.query_one(f"SELECT count(*) FROM {t}")[0] for t in ("attachments", "blobs"))
    assert journal.db.query_one("SELECT count(*) FROM blob_chunks")[0] == 0
    return (*rows, len(list(journal.blob_files.stored_files())))


@pytest.fixture
def entry(journal):
    return journal.entries.add(title="Detention at the station")


@pytest.fixture
def small_chunks(journal):
    """Tiny chunks so multi-chunk logic runs on small data."""
    journal.attachments.chunk_size = 1000
    return journal


def test_round_trip_across_chunks(small_chunks, entry):
    data = os.urandom(10_500)
    att = small_chunks.attachments.add_bytes(entry.uuid, data, "notes.bin")
    assert att.size == len(data)
    assert att.sha256 == hashlib.sha256(data).hexdigest()
    assert att.media_type == "application/octet-stream"
    assert counts(small_chunks) == (1, 1, 1)
    with small_chunks.attachments.open_stream(att.uuid) as stream:
        assert stream.read() == data
        stream.seek(2_995)
        assert stream.read(10) == data[2_995:3_005]
        stream.seek(-5, io.SEEK_END)
        assert stream.read() == data[-5:]
    assert small_chunks.verify() == []
    assert small_chunks.attachments.verify_hashes() == []


def test_exact_multiple_of_chunk_and_empty_file(small_chunks, entry):
    store = small_chunks.attachments
    a = store.add_bytes(entry.uuid, b"x" * 3000, "three.txt")
    b = store.add_bytes(entry.uuid, b"", "empty.txt")
    assert store.open_stream(a.uuid).read() == b"x" * 3000
    assert store.open_stream(b.uuid).read() == b""
    assert b.sha256 == hashlib.sha256(b"").hexdigest()
    assert small_chunks.verify() == []


def test_stream_with_short_reads_is_chunked_fully(small_chunks, entry):
    class Dribble(io.RawIOBase):
        def __init__(self, data):
            self.src = io.BytesIO(data)

        def readable(self):
            return True

        def readinto(self, b):
            piece = self.src.read(min(len(b), 7))
            b[:len(piece)] = piece
            return len(piece)

    data = os.urandom(5_003)
    att = small_chunks.attachments.add_stream(entry.uuid, Dribble(data), "dribble.bin")
    assert small_chunks.attachments.open_stream(att.uuid).read() == data
    assert small_chunks.verify() == []


def test_identical_content_is_stored_once(small_chunks, entry):
    data = os.urandom(4_321)
    other = small_chunks.entries.add(title="Second")
    a = small_chunks.attachments.add_bytes(entry.uuid, data, "a.bin")
    b = small_chunks.attachments.add_bytes(other.uuid, data, "copy of a.bin")
    assert a.uuid != b.uuid and a.sha256 == b.sha256
    assert any("already stored" in n for n in b.notices)
    assert counts(small_chunks) == (2, 1, 1)
    assert small_chunks.attachments.open_stream(b.uuid).read() == data


def test_metadata_recorded_at_import(journal, entry):
    att = journal.attachments.add_bytes(entry.uuid, b"hello, plain text\n", "../../etc/readme.txt")
    assert att.file_name == "readme.txt"
    assert att.media_type == "text/plain"
    assert att.imported_at and att.entry_uuid == entry.uuid
    again = journal.attachments.get(att.uuid[:8])
    assert again.uuid == att.uuid and again.size == 18


def test_progress_and_cancel_roll_back(small_chunks, entry):
    seen = []
    small_chunks.attachments.add_bytes(entry.uuid, b"keep me", "keep.txt")
    before = counts(small_chunks)
    stop = threading.Event()

    def progress(done, total):
        seen.append((done, total))
        if done >= 3000:
            stop.set()

    with pytest.raises(Cancelled):
        small_chunks.attachments.add_stream(entry.uuid, io.BytesIO(os.urandom(9000)), "big.bin",
                                            size_hint=9000, progress=progress, cancel=stop)
    assert seen[0] == (1000, 9000)
    assert counts(small_chunks) == before
    with pytest.raises(Cancelled):
        small_chunks.attachments.add_bytes(entry.uuid, b"abc", "x", cancel=lambda: True)
    assert counts(small_chunks) == before
    assert small_chunks.verify() == []


def test_read_error_mid_stream_leaves_nothing(small_chunks, entry):
    class Broken(io.RawIOBase):
        def __init__(self):
            self.calls = 0

        def readable(self):
            return True

        def readinto(self, b):
            self.calls += 1
            if self.calls > 3:
                raise OSError(5, "Input/output error")
            b[:len(b)] = b"z" * len(b)
            return len(b)

    with pytest.raises(InvalidInput, match="Nothing was attached"):
        small_chunks.attachments.add_stream(entry.uuid, Broken(), "usb.bin")
    assert counts(small_chunks) == (0, 0, 0)


def test_killed_process_leaves_no_half_attachment(created, data_dir, tmp_path):
    """A process killed in the middle of an import leaves the journal as before."""
    journal = created.journal
    entry = journal.entries.add(title="x")
    journal.close()
    script = textwrap.dedent(f"""
        import io, os, sys
        sys.path.insert(0, {str(Path(__file__).parent.parent)!r})
        from journal.storage.keyslots import KdfParams
        from journal.storage.vault import Journal
        j = Journal.open({str(data_dir)!r}, {PASSPHRASE!r})
        j.attachments.chunk_size = 4096
        def progress(done, total):
            if done >= 200 * 4096:
                os._exit(9)   # as if killed: no rollback, no close
        j.attachments.add_stream({entry.uuid!r}, io.BytesIO(os.urandom(400 * 4096)), "v.mp4", progress=progress)
        os._exit(0)
    """)
    result = subprocess.run([sys.executable, "-c", script], timeout=120, check=False)
    assert result.returncode == 9
    reopened = Journal.open(data_dir, PASSPHRASE)
    try:
        assert counts(reopened) == (0, 0, 0)
        assert reopened.verify() == []
    finally:
        reopened.close()


def test_unknown_or_trashed_entry(journal, entry):
    with pytest.raises(NotFound):
        journal.attachments.add_bytes("no-such-entry", b"x", "x.txt")
    journal.entries.move_to_trash(entry.uuid)
    with pytest.raises(InvalidInput, match="trash"):
        journal.attachments.add_bytes(entry.uuid, b"x", "x.txt")
    assert counts(journal) == (0, 0, 0)


def test_add_file_and_delete_original(journal, entry, tmp_path):
    source = tmp_path / "statement.pdf"
    payload = b"%PDF-1.4\n" + os.urandom(3000)
    source.write_bytes(payload)
    kept = journal.attachments.add_file(entry.uuid, source)
    assert source.exists() and kept.media_type == "application/pdf"
    att = journal.attachments.add_file(entry.uuid, source, delete_original=True)
    assert not source.exists()
    assert DELETE_ORIGINAL_WARNING in att.notices
    assert "SSD" in DELETE_ORIGINAL_WARNING
    assert journal.attachments.open_stream(att.uuid).read() == payload


def test_add_file_missing(journal, entry, tmp_path):
    with pytest.raises(InvalidInput):
        journal.attachments.add_file(entry.uuid, tmp_path / "nope.jpg")
    with pytest.raises(InvalidInput):
        journal.attachments.add_file(entry.uuid, tmp_path)


def test_entry_list_counts_live_attachments(journal, entry):
    a = journal.attachments.add_bytes(entry.uuid, b"one", "1.txt")
    journal.attachments.add_bytes(entry.uuid, b"two", "2.txt")
    journal.attachments.remove(a.uuid)
    [summary] = journal.queries.page(EntryFilter(), limit=10)
    assert summary.attachment_count == 1


def test_trash_restore_and_garbage_collection(small_chunks, entry):
    store = small_chunks.attachments
    data = os.urandom(2500)
    a = store.add_bytes(entry.uuid, data, "a.bin")
    b = store.add_bytes(entry.uuid, data, "b.bin")  # same content
    store.remove(a.uuid)
    assert [x.uuid for x in store.list_for_entry(entry.uuid)] == [b.uuid]
    assert len(store.list_for_entry(entry.uuid, include_deleted=True)) == 2
    store.restore(a.uuid)
    with pytest.raises(InvalidInput):
        store.restore(a.uuid)
    store.remove(a.uuid)
    assert store.empty_trash() == 1
    assert counts(small_chunks) == (1, 1, 1)  # b still needs the content
    store.remove(b.uuid)
    store.empty_trash()
    assert counts(small_chunks) == (0, 0, 0)
    assert small_chunks.verify() == []


def test_emptying_entry_trash_deletes_attachments_and_content(small_chunks, entry):
    small_chunks.attachments.add_bytes(entry.uuid, os.urandom(3500), "a.bin")
    small_chunks.entries.move_to_trash(entry.uuid)
    small_chunks.entries.empty_trash()
    assert counts(small_chunks) == (0, 0, 0)


def _file_of(journal, att) -> Path:
    file_id = journal.db.query_one("SELECT b.file_id FROM attachments a JOIN blobs b ON b.id = a.blob_id "
                                   "WHERE a.uuid = ?", (att.uuid,))[0]
    return journal.blob_files.path_of(file_id)


def test_verify_finds_altered_truncated_and_missing_files(small_chunks, entry):
    att = small_chunks.attachments.add_bytes(entry.uuid, os.urandom(3500), "a.bin")
    path = _file_of(small_chunks, att)
    data = bytearray(path.read_bytes())
    data[1500] ^= 1
    path.write_bytes(bytes(data))
    assert small_chunks.verify() == []  # sizes still consistent: only decrypting shows it
    assert any("damaged" in p for p in small_chunks.attachments.verify_hashes())
    with pytest.raises(StoredFileUnreadable):
        small_chunks.attachments.open_stream(att.uuid).read()
    path.write_bytes(bytes(data[:-20]))
    assert any("expected" in p for p in small_chunks.verify())
    with pytest.raises(StoredFileUnreadable):
        small_chunks.attachments.open_stream(att.uuid)
    path.unlink()
    assert any("missing" in p for p in small_chunks.verify())


def test_verify_finds_missing_and_altered_chunks_of_content_stored_before_schema_10(tmp_path):
    """Content written as chunk rows by schemas 3-9 (fixture journal_v9) is still checked."""
    work = tmp_path / "v9"
    shutil.copytree(Path(__file__).parent / "fixtures" / "journal_v9", work)
    with Journal.open(work, "fixture passphrase") as journal:
        (blob_id, chunks) = journal.db.query_one(
            "SELECT b.id, b.chunk_count FROM blobs b WHERE b.chunk_count > 2")
        att_uuid = journal.db.query_one("SELECT uuid FROM attachments WHERE blob_id = ?", (blob_id,))[0]
        assert journal.verify() == []
        with journal.db.transaction() as db:
            db.execute("UPDATE blob_chunks SET data = zeroblob(length(data)) WHERE blob_id = ? AND seq = 1",
                       (blob_id,))
        assert journal.verify() == []  # sizes still consistent
        assert any("SHA-256 does not match" in p for p in journal.attachments.verify_hashes())
        with journal.db.transaction() as db:
            db.execute("DELETE FROM blob_chunks WHERE blob_id = ? AND seq = 2", (blob_id,))
        assert any(f"{chunks - 1} of {chunks} chunks" in p for p in journal.verify())
        with pytest.raises(att_mod.AttachmentUnreadable):
            journal.attachments.open_stream(att_uuid).read()


def test_thumbnail_absent_for_non_images(journal, entry):
    att = journal.attachments.add_bytes(entry.uuid, b"%PDF-1.7\n...", "x.pdf")
    assert journal.attachments.thumbnail(att.uuid) is None
    assert att.has_thumbnail is False


def test_lying_extension_is_noted(journal, entry):
    att = journal.attachments.add_bytes(entry.uuid, b"just some text, not a photo\n", "holiday.jpg")
    assert att.media_type == "text/plain"
    assert "suggests image/jpeg" in att.note
    png = (PHOTOS / "DSCN0010.jpg").read_bytes()
    att = journal.attachments.add_bytes(entry.uuid, png, "report.pdf")
    assert att.media_type == "image/jpeg" and att.has_thumbnail


def _png_bomb(width: int, height: int) -> bytes:
    """A valid 1-bit PNG declaring width x height pixels: tiny file, huge image."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def test_decompression_bomb_is_stored_opaque_with_note(journal, entry):
    bomb = _png_bomb(12_000, 12_000)
    assert len(bomb) < 100_000
    att = journal.attachments.add_bytes(entry.uuid, bomb, "bomb.png")
    assert att.media_type == "image/png"
    assert not att.has_thumbnail and att.metadata == {}
    assert "could not be read as an image" in att.note
    assert "megapixels" in att.note
    assert journal.attachments.open_stream(att.uuid).read() == bomb


def test_corrupt_image_is_kept_with_note(journal, entry):
    junk = b"\xff\xd8\xff\xe0" + os.urandom(5000)
    att = journal.attachments.add_bytes(entry.uuid, junk, "photo.jpg")
    assert att.media_type == "image/jpeg"
    assert "could not be read as an image" in att.note
    assert journal.attachments.open_stream(att.uuid).read() == junk
    with pytest.raises(MediaError):
        journal.attachments.save_copy(att.uuid, journal.data_dir.parent / "out.jpg", strip=True)
    assert not (journal.data_dir.parent / "out.jpg").exists()
    report = journal.attachments.save_copy(att.uuid, journal.data_dir.parent / "out.jpg", strip=True,
                                           allow_uncleaned=True)
    assert report.warning and not report.cleaned
    assert report.path.read_bytes() == junk


def test_save_copy_original_and_stripped(journal, entry, tmp_path):
    photo = (PHOTOS / "DSCN0010.jpg").read_bytes()
    att = journal.attachments.add_file(entry.uuid, PHOTOS / "DSCN0010.jpg")
    original = journal.attachments.save_copy(att.uuid, tmp_path / "orig.jpg", strip=False)
    assert original.path.read_bytes() == photo
    assert original.sha256 == att.sha256 and not original.stripped
    assert oct((tmp_path / "orig.jpg").stat().st_mode & 0o777) == "0o600"
    stripped = journal.attachments.save_copy(att.uuid, tmp_path, strip=True)
    assert stripped.path == tmp_path / "DSCN0010.jpg"
    data = stripped.path.read_bytes()
    assert hashlib.sha256(data).hexdigest() == stripped.sha256 == journal.attachments.get(att.uuid).stripped_sha256
    assert b"NIKON" not in data and b"GPS" not in data
    assert stripped.cleaned and stripped.removed
    assert list(tmp_path.glob(".*.tmp")) == []


def test_save_copy_of_unknown_type_warns(journal, entry, tmp_path):
    att = journal.attachments.add_bytes(entry.uuid, b"\x00\x01binary" * 10, "thing.bin")
    report = journal.attachments.save_copy(att.uuid, tmp_path / "thing.bin", strip=True)
    assert report.warning and "not cleaned" in report.warning
    assert journal.attachments.get(att.uuid).stripped_sha256 == att.sha256


def test_save_copy_to_missing_folder(journal, entry, tmp_path):
    att = journal.attachments.add_bytes(entry.uuid, b"abc", "a.txt")
    with pytest.raises(InvalidInput):
        journal.attachments.save_copy(att.uuid, tmp_path / "nope" / "a.txt")


def test_suggestions_fill_only_empty_fields(journal):
    entry = journal.entries.add(title="Protest")
    store = journal.attachments
    assert not store.suggest_entry_fields(entry.uuid)
    store.add_file(entry.uuid, PHOTOS / "Canon_40D.jpg")  # time, no GPS
    store.add_file(entry.uuid, PHOTOS / "DSCN0010.jpg")   # time and GPS
    suggestion = store.suggest_entry_fields(entry.uuid)
    assert suggestion.occurred_at == "2008-10-22T16:28:39"  # the photo that has both
    assert suggestion.latitude == pytest.approx(43.4674483, abs=1e-6)
    assert suggestion.longitude == pytest.approx(11.8851266, abs=1e-6)
    assert suggestion.capture_time_has_zone is False
    updated = store.apply_suggestion(entry.uuid, suggestion)
    assert updated.occurred_at.startswith("2008-10-22T16:28:39")
    assert updated.latitude == pytest.approx(43.4674483, abs=1e-6)
    assert not store.suggest_entry_fields(entry.uuid)

    placed = journal.entries.add(title="Known place", latitude=50.45, longitude=30.52)
    store.add_file(placed.uuid, PHOTOS / "DSCN0012.jpg")
    only_time = store.suggest_entry_fields(placed.uuid)
    assert only_time.latitude is None and only_time.occurred_at == "2008-10-22T16:29:49"
    assert store.apply_suggestion(placed.uuid).latitude == 50.45


def test_apply_stale_suggestion_keeps_user_edits(journal):
    entry = journal.entries.add(title="x")
    journal.attachments.add_file(entry.uuid, PHOTOS / "DSCN0010.jpg")
    suggestion = journal.attachments.suggest_entry_fields(entry.uuid)
    journal.entries.update(entry.uuid, occurred_at="2024-03-05T14:10+03:00")
    updated = journal.attachments.apply_suggestion(entry.uuid, suggestion)
    assert updated.occurred_at == "2024-03-05T14:10+03:00"
    assert updated.latitude is not None
    assert EntrySuggestion().changes() == {}


def test_clean_file_name():
    assert clean_file_name("a/b/c.jpg") == "c.jpg"
    assert clean_file_name("..\\evil\x00.jpg") == "evil.jpg"
    assert clean_file_name("") == "attachment"
    assert clean_file_name(".hidden") == "hidden"
    long = clean_file_name("x" * 400 + ".jpeg")
    assert len(long) == 255 and long.endswith(".jpeg")


def test_survives_reopen(created, data_dir):
    journal = created.journal
    entry = journal.entries.add(title="x")
    data = os.urandom(3 * 1024 * 1024 + 17)
    att = journal.attachments.add_bytes(entry.uuid, data, "v.bin")
    journal.close()
    again = Journal.open(data_dir, PASSPHRASE)
    try:
        assert again.attachments.open_stream(att.uuid).read() == data
        assert again.verify() == []
    finally:
        again.close()


def test_content_is_not_plaintext_on_disk(created, data_dir):
    journal = created.journal
    entry = journal.entries.add(title="x")
    marker = b"UNMISTAKABLE-PLAINTEXT-MARKER-" * 100
    journal.attachments.add_bytes(entry.uuid, marker, "m.txt")
    journal.close()
    stored = [p for p in data_dir.rglob("*") if p.is_file()]
    assert any(p.parent.parent.name == "attachments" for p in stored)
    for path in stored:
        assert b"UNMISTAKABLE-PLAINTEXT" not in path.read_bytes(), path.name


def test_migration_from_schema_2(tmp_path):
    """A database at schema 2 gains the attachment tables and keeps its entries."""
    from journal.storage import migrations
    from journal.storage.db import Database, apply_pragmas, connect
    from journal.records.entries import EntryStore

    key = os.urandom(32)
    conn = connect(tmp_path / "old.db", key, create=True)
    apply_pragmas(conn)
    assert migrations.migrate(conn, target=2) == 2
    EntryStore(Database(conn)).add(title="from schema 2")
    assert migrations.migrate(conn) == migrations.latest_version()
    db = Database(conn)
    [(title,)] = db.query("SELECT title FROM entries")
    assert title == "from schema 2"
    store = AttachmentStore(db, BlobFiles(tmp_path / "attachments"))
    entry_uuid = db.query_one("SELECT uuid FROM entries")[0]
    att = store.add_bytes(entry_uuid, b"after migration", "a.txt")
    assert store.open_stream(att.uuid).read() == b"after migration"
    conn.close()


def test_as_json_is_serialisable(journal, entry):
    att = journal.attachments.add_file(entry.uuid, PHOTOS / "DSCN0010.jpg")
    data = json.loads(json.dumps(att.as_json()))
    assert data["id"] == att.uuid and data["metadata"]["camera_make"] == "NIKON"


def test_add_files_in_order_with_progress(journal, entry, tmp_path, monkeypatch):
    monkeypatch.setattr(att_mod, "PREFETCH_LIMIT", 50_000)  # DSCN files (~160 KB) take the streaming path
    paths = [PHOTOS / "Canon_40D.jpg", PHOTOS / "DSCN0010.jpg", PHOTOS / "samplefilehub.heif", PHOTOS / "Nikon_D70.jpg"]
    seen = []
    result = journal.attachments.add_files(entry.uuid, paths, progress=lambda d, t: seen.append((d, t)))
    assert [a.file_name for a in result] == [p.name for p in paths]
    assert all(a.has_thumbnail for a in result)
    assert result[1].metadata["gps_latitude"] is not None
    total = sum(p.stat().st_size for p in paths)
    assert seen[-1] == (total, total)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert [a.uuid for a in journal.attachments.list_for_entry(entry.uuid)] == [a.uuid for a in result]


def test_add_files_checks_all_paths_first(journal, entry, tmp_path):
    with pytest.raises(InvalidInput, match="Nothing was attached"):
        journal.attachments.add_files(entry.uuid, [PHOTOS / "DSCN0010.jpg", tmp_path / "missing.jpg"])
    assert counts(journal) == (0, 0, 0)


def test_add_files_cancel_keeps_committed_files(journal, entry):
    paths = [PHOTOS / "Canon_40D.jpg", PHOTOS / "Nikon_D70.jpg", PHOTOS / "DSCN0010.jpg"]
    calls = {"n": 0}

    def cancel():
        calls["n"] += 1
        return len(journal.attachments.list_for_entry(entry.uuid)) >= 1

    with pytest.raises(Cancelled):
        journal.attachments.add_files(entry.uuid, paths, cancel=cancel)
    assert [a.file_name for a in journal.attachments.list_for_entry(entry.uuid)] == ["Canon_40D.jpg"]
    assert journal.verify() == []


def test_add_files_delete_original(journal, entry, tmp_path):
    copies = []
    for name in ("DSCN0010.jpg", "Nikon_D70.jpg"):
        copy = tmp_path / name
        copy.write_bytes((PHOTOS / name).read_bytes())
        copies.append(copy)
    result = journal.attachments.add_files(entry.uuid, copies, delete_original=True)
    assert not any(c.exists() for c in copies)
    assert all(DELETE_ORIGINAL_WARNING in a.notices for a in result)
    assert journal.attachments.open_stream(result[0].uuid).read() == (PHOTOS / "DSCN0010.jpg").read_bytes()


def test_full_disk_is_a_clear_error_and_leaves_nothing(journal, entry, monkeypatch):
    journal.attachments.add_bytes(entry.uuid, b"small and stored", "ok.txt")
    before = counts(journal)
    real_seal = BlobFileWriter._seal
    written = []

    def seal_until_full(self, piece, last):
        if written:  # the disk fills up while the second chunk is written
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(len(piece))
        real_seal(self, piece, last)

    monkeypatch.setattr(BlobFileWriter, "_seal", seal_until_full)
    with pytest.raises(att_mod.AttachmentStorageError, match="full"):
        journal.attachments.add_bytes(entry.uuid, os.urandom(3 * 1024 * 1024), "video.mp4")
    monkeypatch.undo()
    assert counts(journal) == before  # the half-written file is gone
    assert journal.verify() == []
    journal.attachments.add_bytes(entry.uuid, b"works again", "again.txt")


def test_add_files_records_what_add_file_records(journal, tmp_path):
    """The worker path (hash, metadata, thumbnail, stripped hash made off the writing
    thread) stores exactly what a plain add_file stores."""
    names = ["DSCN0010.jpg", "portrait_6.jpg", "samplefilehub.heif", "corrupted.jpg", "image00971.jpg"]
    one = journal.entries.add(title="one by one")
    many = journal.entries.add(title="together")
    singles = []
    for name in names:
        copy = tmp_path / name
        copy.write_bytes((PHOTOS / name).read_bytes())
        singles.append(journal.attachments.add_file(one.uuid, copy))
    together = journal.attachments.add_files(many.uuid, [PHOTOS / n for n in names])
    for a, b in zip(singles, together, strict=True):
        assert (a.file_name, a.media_type, a.size, a.sha256, a.stripped_sha256, a.metadata, a.note) == (
            b.file_name, b.media_type, b.size, b.sha256, b.stripped_sha256, b.metadata, b.note)
        assert journal.attachments.thumbnail(a.uuid) == journal.attachments.thumbnail(b.uuid)
        assert "kept once" in " ".join(b.notices)  # same bytes as the single import: stored once
    assert journal.verify() == []


def test_add_files_stores_repeated_content_once(journal, entry, tmp_path):
    data = (PHOTOS / "DSCN0010.jpg").read_bytes()
    paths = []
    for name in ("a.jpg", "b.jpg", "c.jpg"):
        (tmp_path / name).write_bytes(data)
        paths.append(tmp_path / name)
    result = journal.attachments.add_files(entry.uuid, paths)
    assert counts(journal) == (3, 1, 1)
    assert [("kept once" in " ".join(a.notices)) for a in result] == [False, True, True]
    assert all(a.sha256 == hashlib.sha256(data).hexdigest() for a in result)
    assert all(journal.attachments.open_stream(a.uuid).read() == data for a in result)


def test_add_files_damaged_photo_does_not_stop_the_others(journal, entry, tmp_path):
    broken = tmp_path / "broken.jpg"
    broken.write_bytes((PHOTOS / "DSCN0012.jpg").read_bytes()[:3000])
    paths = [PHOTOS / "Canon_40D.jpg", broken, PHOTOS / "Nikon_D70.jpg"]
    result = journal.attachments.add_files(entry.uuid, paths)
    assert [a.file_name for a in result] == ["Canon_40D.jpg", "broken.jpg", "Nikon_D70.jpg"]
    assert result[0].has_thumbnail and result[2].has_thumbnail
    assert result[1].note and result[1].size == 3000
    assert journal.verify() == []


def test_add_files_reads_ahead_within_its_budget(journal, entry, tmp_path, monkeypatch):
    """At most PREFETCH_FILES files and PREFETCH_BYTES bytes are held ahead of the writer
    (one file always, even when it alone is over the byte budget)."""
    sizes = [40_000, 40_000, 90_000, 10_000, 10_000, 10_000, 10_000]
    paths = []
    for i, size in enumerate(sizes):
        path = tmp_path / f"{i}.bin"
        path.write_bytes(bytes([i]) * size)
        paths.append(path)
    monkeypatch.setattr(att_mod, "PREFETCH_FILES", 3)
    monkeypatch.setattr(att_mod, "PREFETCH_BYTES", 85_000)
    held = []
    real_take = att_mod._Prefetcher.take

    def take(self, index):
        prepared = real_take(self, index)
        held.append((len(self._futures), self._bytes))
        return prepared

    monkeypatch.setattr(att_mod._Prefetcher, "take", take)
    result = journal.attachments.add_files(entry.uuid, paths)
    assert [a.size for a in result] == sizes
    assert all(files <= 3 for files, _ in held)
    # budget: files waiting ahead plus the one just taken; only a lone file may exceed it
    assert all(held_bytes <= 85_000 or held_bytes == 90_000 for _, held_bytes in held)
    assert journal.verify() == []
