"""Stored attachments read ahead for a bundle (journal.bundle_source), and the threaded paths
around it: export and import that fail, are cancelled or meet damaged storage must end every
thread they started and leave nothing behind."""

from __future__ import annotations

import hashlib
import io
import os
import threading

import pytest

from journal.exchange.bundle import BundleRejected, BundleWriteError, Identity, Member, read_bundle, write_bundle
from journal.exchange.bundle_source import BlobPrefetcher, StoredContentUnreadable, stored_blob
from journal.errors import Cancelled, JournalError
from journal.exchange.importer import _may_describe
from tests.test_bundle_roundtrip import CollectingSink
from tests.test_export import db_digest, make_journal
from tests.test_export import pair  # noqa: F401 - fixture

MIB = 1024 * 1024




def _payloads() -> list[bytes]:
    rng = __import__("random").Random(11)
    return [rng.randbytes(n) for n in (0, 1, MIB, 2 * MIB + 5, 300_000)]


def _attach_all(journal, payloads: list[bytes], storage: str = "files") -> list:
    """Attach ``payloads``; with storage="chunks", their content is then rewritten as the chunk
    rows schemas 3-9 stored (1 MiB each), which the app still reads."""
    entry = journal.entries.add(title="Files", body="x")
    attachments = [journal.attachments.add_bytes(entry.uuid, data, f"file{i}.bin") for i, data in enumerate(payloads)]
    if storage == "chunks":
        for blob_id, data in zip(_blob_ids(journal, attachments), payloads):
            _store_as_chunk_rows(journal, blob_id, data)
    return attachments


def _store_as_chunk_rows(journal, blob_id: int, data: bytes) -> None:
    (file_id,) = journal.db.query_one("SELECT file_id FROM blobs WHERE id = ?", (blob_id,))
    pieces = [data[i:i + MIB] for i in range(0, len(data), MIB)]
    with journal.db.transaction() as db:
        for seq, piece in enumerate(pieces):
            db.execute("INSERT INTO blob_chunks (blob_id, seq, data) VALUES (?, ?, ?)", (blob_id, seq, piece))
        db.execute("UPDATE blobs SET file_id = NULL, file_key = NULL, chunk_size = ?, chunk_count = ? WHERE id = ?",
                   (MIB, len(pieces), blob_id))
    journal.blob_files.path_of(file_id).unlink()


def _blob_ids(journal, attachments) -> list[int]:
    return [journal.db.query_one("SELECT blob_id FROM attachments WHERE id = ?", (a.id,))[0] for a in attachments]


def _connection(journal):
    def open_connection():
        return journal.open_reader().db.conn
    return open_connection


def _read_all(stream, size: int = MIB) -> bytes:
    parts = []
    while piece := stream.read(size):
        parts.append(piece)
    return b"".join(parts)


@pytest.mark.parametrize("storage", ["files", "chunks"])
@pytest.mark.parametrize("threads, depth", [(1, 1), (2, 1), (3, 2)])
def test_prefetcher_gives_every_blob_in_order(tmp_path, threads, depth, storage):
    journal = make_journal(tmp_path / "j", "J")
    try:
        payloads = _payloads()
        blobs = [stored_blob(journal.db, b) for b in _blob_ids(journal, _attach_all(journal, payloads, storage))]
        assert all((b.file_id is None) == (storage == "chunks") for b in blobs)
        before = threading.active_count()
        with BlobPrefetcher(_connection(journal), blobs, threads=threads, depth=depth,
                            blob_files=journal.blob_files) as prefetcher:
            for i, data in enumerate(payloads):
                stream = prefetcher.open(i)
                assert _read_all(stream, 4096 if i == 3 else MIB) == data
                stream.close()
        assert threading.active_count() == before
    finally:
        journal.close()


def test_prefetcher_must_be_read_in_order(tmp_path):
    journal = make_journal(tmp_path / "j", "J")
    try:
        blobs = [stored_blob(journal.db, b) for b in _blob_ids(journal, _attach_all(journal, _payloads()))]
        with BlobPrefetcher(_connection(journal), blobs, blob_files=journal.blob_files) as prefetcher:
            with pytest.raises(RuntimeError, match="out of order"):
                prefetcher.open(1)
            first = prefetcher.open(0)
            assert _read_all(first) == b""
            first.close()
            second = prefetcher.open(1)
            second.close()  # closed before its end: nothing more can be opened
            with pytest.raises(RuntimeError, match="closed before its end"):
                prefetcher.open(2)
    finally:
        journal.close()


def _truncate_file(journal, blob) -> None:
    path = journal.blob_files.path_of(blob.file_id)
    with open(path, "r+b") as handle:
        handle.truncate(path.stat().st_size - 1)


def _drop_chunk_row(journal, blob) -> None:
    with journal.db.transaction() as db:
        db.execute("DELETE FROM blob_chunks WHERE blob_id = ? AND seq = 1", (blob.blob_id,))


@pytest.mark.parametrize("storage, damage, message", [
    ("files", _truncate_file, "missing or damaged"),
    ("chunks", _drop_chunk_row, "missing"),
])
def test_damaged_storage_is_an_error_not_short_content(tmp_path, storage, damage, message):
    journal = make_journal(tmp_path / "j", "J")
    try:
        attachments = _attach_all(journal, _payloads(), storage)
        blob = stored_blob(journal.db, _blob_ids(journal, attachments)[3])  # 2 MiB + 5: three chunks
        damage(journal, blob)
        with BlobPrefetcher(_connection(journal), [blob], blob_files=journal.blob_files) as prefetcher:
            stream = prefetcher.open(0)
            with pytest.raises(JournalError, match=message):
                _read_all(stream)
    finally:
        journal.close()


def test_a_failing_connection_is_reported_on_the_reading_side(tmp_path):
    journal = make_journal(tmp_path / "j", "J")
    try:
        blobs = [stored_blob(journal.db, b) for b in _blob_ids(journal, _attach_all(journal, _payloads(), "chunks"))]

        def broken():
            raise OSError("disk went away")

        with BlobPrefetcher(broken, blobs) as prefetcher:
            with pytest.raises(StoredContentUnreadable, match="disk went away"):
                _read_all(prefetcher.open(0))
    finally:
        journal.close()


def test_closing_early_stops_workers_blocked_on_a_full_queue(tmp_path):
    journal = make_journal(tmp_path / "j", "J")
    try:
        blobs = [stored_blob(journal.db, b) for b in _blob_ids(journal, _attach_all(journal, _payloads()))]
        before = threading.active_count()
        prefetcher = BlobPrefetcher(_connection(journal), blobs, threads=2, depth=1, blob_files=journal.blob_files)
        prefetcher.open(0).read(10)
        prefetcher.close()
        assert threading.active_count() == before
    finally:
        journal.close()


# --- export -------------------------------------------------------------------------------
@pytest.mark.parametrize("storage", ["files", "chunks"])
def test_export_reads_stored_files_once_and_names_them_by_their_stored_digest(pair, tmp_path, storage):
    documenter, coordinator, record = pair
    payloads = _payloads()
    _attach_all(documenter, payloads, storage)
    before = threading.active_count()
    out = tmp_path / "b.ijbundle"
    documenter.exporter.export(out, [record.uuid], all_entries=True)
    assert threading.active_count() == before
    sink = CollectingSink()
    with open(out, "rb") as handle:
        read_bundle(handle, [coordinator.identity.get().age_secret_key], sink)
    got = {path: f.getvalue() for path, f in sink.files.items()}
    assert got == {f"attachments/{hashlib.sha256(p).hexdigest()}": p for p in payloads}


def test_export_cancelled_inside_a_big_file_ends_its_threads(pair, tmp_path):
    documenter, _, record = pair
    _attach_all(documenter, _payloads())
    before = threading.active_count()
    seen = []

    def progress(done, total):
        seen.append(done)

    def cancel():
        return len(seen) > 2

    out = tmp_path / "c.ijbundle"
    with pytest.raises(Cancelled):
        documenter.exporter.export(out, [record.uuid], all_entries=True, progress=progress, cancel=cancel)
    assert threading.active_count() == before
    assert os.listdir(tmp_path) == ["doc", "coord"] or sorted(os.listdir(tmp_path)) == ["coord", "doc"]
    assert documenter.exporter.sent() == []


def test_export_of_damaged_storage_fails_cleanly(pair, tmp_path):
    documenter, _, record = pair
    attachments = _attach_all(documenter, _payloads())
    blob = stored_blob(documenter.db, _blob_ids(documenter, attachments)[3])
    documenter.blob_files.path_of(blob.file_id).unlink()
    before = threading.active_count()
    out = tmp_path / "d.ijbundle"
    with pytest.raises(JournalError, match="missing"):
        documenter.exporter.export(out, [record.uuid], all_entries=True)
    assert threading.active_count() == before
    assert not out.exists()
    assert documenter.exporter.sent() == []


def test_export_write_error_is_reported_and_threads_end(pair, tmp_path, monkeypatch):
    documenter, _, record = pair
    _attach_all(documenter, _payloads())
    import journal.exchange.exporter as exporter_module

    real = exporter_module.atomic_output

    class Full:
        def __init__(self, handle):
            self._handle = handle
            self.written = 0

        def write(self, data):
            self.written += len(data)
            if self.written > 200_000:
                raise OSError(28, "No space left on device")
            return self._handle.write(data)

        def flush(self):
            self._handle.flush()

        def fileno(self):
            return self._handle.fileno()

    import contextlib

    @contextlib.contextmanager
    def full_output(path):
        with real(path) as handle:
            yield Full(handle)

    monkeypatch.setattr(exporter_module, "atomic_output", full_output)
    before = threading.active_count()
    with pytest.raises(BundleWriteError, match="No space left"):
        documenter.exporter.export(tmp_path / "f.ijbundle", [record.uuid], all_entries=True)
    assert threading.active_count() == before
    assert not (tmp_path / "f.ijbundle").exists()


# --- the writer ---------------------------------------------------------------------------
def test_writer_trusts_a_given_digest_and_the_reader_still_checks_it():
    sender, coordinator = Identity.generate(), Identity.generate()
    data = os.urandom(5000)
    wrong = "0" * 64
    out = io.BytesIO()
    write_bundle(out, [coordinator.age_recipient], sender, "A",
                 [Member(f"attachments/{wrong}", len(data), lambda: io.BytesIO(data), wrong)])
    with pytest.raises(BundleRejected, match="hash mismatch"):
        read_bundle(io.BytesIO(out.getvalue()), [coordinator.age_secret_key], CollectingSink())


@pytest.mark.parametrize("error, expected", [
    (OSError(5, "Input/output error"), BundleWriteError),
    (Cancelled(), Cancelled),
    (KeyError("bug"), KeyError),
])
def test_writer_reports_what_a_member_stream_raised(error, expected):
    sender, coordinator = Identity.generate(), Identity.generate()
    closed = []

    class Failing(io.RawIOBase):
        def __init__(self):
            self.calls = 0

        def read(self, n=-1):
            self.calls += 1
            if self.calls > 2:
                raise error
            return b"x" * min(n, 1000)

        def close(self):
            closed.append(True)

    size = 10_000
    with pytest.raises(expected):
        write_bundle(io.BytesIO(), [coordinator.age_recipient], sender, "A",
                     [Member("attachments/" + "1" * 64, size, Failing)])
    assert closed


# --- import -------------------------------------------------------------------------------
def test_import_sink_failing_mid_attachment_ends_threads(pair, tmp_path):
    documenter, coordinator, record = pair
    _attach_all(documenter, _payloads())
    out = tmp_path / "b.ijbundle"
    documenter.exporter.export(out, [record.uuid], all_entries=True)

    class Failing(CollectingSink):
        def begin_member(self, path, size):
            writer = super().begin_member(path, size)
            if size < MIB:
                return writer

            class Breaks:
                def write(self, chunk):
                    raise RuntimeError("database is full")
            return Breaks()

    before = threading.active_count()
    with open(out, "rb") as handle, pytest.raises(RuntimeError, match="database is full"):
        read_bundle(handle, [coordinator.identity.get().age_secret_key], Failing())
    assert threading.active_count() == before


def test_import_cancelled_inside_an_attachment_changes_nothing(pair, tmp_path):
    documenter, coordinator, record = pair
    _attach_all(documenter, _payloads())
    out = tmp_path / "b.ijbundle"
    documenter.exporter.export(out, [record.uuid], all_entries=True)
    before_rows = db_digest(coordinator)
    before = threading.active_count()
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 6

    with pytest.raises(Cancelled):
        coordinator.importer.import_bundle(out, trust_new=True, cancel=cancel)
    assert threading.active_count() == before
    assert db_digest(coordinator) == before_rows
    assert coordinator.importer.import_bundle(out, trust_new=True).status == "accepted"


def test_import_of_a_tampered_bundle_rolls_back(pair, tmp_path):
    documenter, coordinator, record = pair
    _attach_all(documenter, _payloads())
    out = tmp_path / "b.ijbundle"
    documenter.exporter.export(out, [record.uuid], all_entries=True)
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 1
    bad = tmp_path / "bad.ijbundle"
    bad.write_bytes(bytes(data))
    before_rows = db_digest(coordinator)
    result = coordinator.importer.import_bundle(bad, trust_new=True)
    assert result.status == "rejected" and "corrupted" in result.reason
    assert db_digest(coordinator) == before_rows


@pytest.mark.parametrize("name, media_type, expected", [
    ("scan.bin", "application/octet-stream", False),
    ("notes", "application/octet-stream", False),
    ("report.pdf", "application/pdf", False),
    ("photo.jpg", "application/octet-stream", True),  # the name says image: describe notes the clash
    ("photo.HEIC", "application/octet-stream", True),
    ("odd.qqq", "application/octet-stream", True),  # unknown extension: describe, to be safe
    ("blob.bin", "image/png", True),
])
def test_which_imported_files_are_described(name, media_type, expected):
    assert _may_describe(name, media_type) is expected


def test_a_non_image_named_like_a_photo_still_gets_its_note(pair, tmp_path):
    documenter, coordinator, record = pair
    entry = documenter.entries.add(title="x", body="y")
    documenter.attachments.add_bytes(entry.uuid, os.urandom(3000), "holiday.jpg")
    out = tmp_path / "b.ijbundle"
    documenter.exporter.export(out, [record.uuid], all_entries=True)
    assert coordinator.importer.import_bundle(out, trust_new=True).status == "accepted"
    notes = [r[0] for r in coordinator.db.query("SELECT note FROM attachments")]
    assert any("image/jpeg" in (n or "") for n in notes)
