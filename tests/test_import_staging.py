"""The importer's staging (journal/exchange/importer.py: _StagingSink, _BlobWriter), from a
mutation run (docs/testing.md): a full or read-only disk while a received file is written,
received photos too large to describe from memory, what the result counts, and the staging
quota of version 1 bundles to the byte."""

from __future__ import annotations

import errno
import hashlib
import json
import os

import pytest

from journal.exchange import importer as importer_mod
from journal.exchange.exporter import ExportOptions
from journal.storage.blobfiles import BlobFileWriter, BlobFiles
from tests.test_export import PHOTOS, db_digest, pair  # noqa: F401 - fixture
from tests.test_import_hostile import accepted, counted_files, craft, stored_files, trusted  # noqa: F401 - fixture

UNCLEANED = ExportOptions(allow_uncleaned=True)


def _bundle_with_a_file(documenter, record, tmp_path, data: bytes, name: str = "evidence.bin"):
    entry = documenter.entries.add(title="with a file")
    documenter.attachments.add_bytes(entry.uuid, data, name)
    path = tmp_path / "b.ijbundle"
    documenter.exporter.export(path, [record.uuid], all_entries=True, options=UNCLEANED)
    return entry, path


def _fail(code: int):
    def fail(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))
    return fail


@pytest.mark.parametrize("step", ["create", "write", "finish"])
@pytest.mark.parametrize(("code", "message"), [(errno.ENOSPC, "disk is full"), (errno.EROFS, "read-only")])
def test_a_disk_error_while_a_received_file_is_written_rejects_the_bundle_clearly(pair, tmp_path, monkeypatch,
                                                                                   step, code, message):
    documenter, coordinator, record = pair
    _entry, path = _bundle_with_a_file(documenter, record, tmp_path, os.urandom(50_000))
    before, files = db_digest(coordinator), stored_files(coordinator)
    owner = BlobFiles if step == "create" else BlobFileWriter
    monkeypatch.setattr(owner, step, _fail(code))
    result = coordinator.importer.import_bundle(path, trust_new=True)
    monkeypatch.undo()
    assert result.status == "rejected"
    assert message in result.reason.lower(), result.reason
    assert db_digest(coordinator) == before and stored_files(coordinator) == files
    assert coordinator.verify() == []


@pytest.mark.parametrize("limit", [None, 10_000], ids=["from memory", "read back"])
def test_a_received_photo_is_described_as_the_sender_saw_it(pair, tmp_path, monkeypatch, limit):
    """Photos up to IMAGE_IN_MEMORY_LIMIT are described from the bytes passing through (which come
    in several pieces); a larger one is not kept in memory but described from the stored file.
    Either way the preview and metadata are the sender's."""
    documenter, coordinator, record = pair
    entry = documenter.entries.add(title="photo")
    (sent,) = documenter.attachments.add_files(entry.uuid, [PHOTOS / "DSCN0010.jpg"])
    path = tmp_path / "b.ijbundle"
    documenter.exporter.export(path, [record.uuid], all_entries=True)
    if limit is not None:
        monkeypatch.setattr(importer_mod, "IMAGE_IN_MEMORY_LIMIT", limit)
    result = coordinator.importer.import_bundle(path, trust_new=True)
    assert result.status == "accepted", result.reason
    (att,) = coordinator.attachments.list_for_entry(entry.uuid)
    assert att.size > 10_000
    assert att.media_type == "image/jpeg" and att.has_thumbnail
    assert (att.metadata["width"], att.metadata["height"]) == (640, 480)
    assert coordinator.attachments.thumbnail(att.uuid) == documenter.attachments.thumbnail(sent.uuid)


@pytest.mark.parametrize("extra", [1, 2, 3])
def test_the_warning_counts_each_member_no_entry_names(trusted, tmp_path, extra):
    documenter, coordinator, _, _, members = trusted
    extras = {f"attachments/{hashlib.sha256(d).hexdigest()}": d
              for d in (f"named by nobody {i}".encode() for i in range(extra))}
    data = craft({**members, **extras}, coordinator.identity.age_recipient, documenter.identity.get())
    result = accepted(coordinator, data, tmp_path)
    assert f"not kept: {extra}." in " ".join(result.warnings), result.warnings
    assert result.counts["attachments_stored"] == 0


def test_a_member_no_entry_names_is_not_even_written(trusted, tmp_path, counted_files):
    """entries.jsonl comes before the attachments: content none of its entries names is checked
    against the manifest but never reaches the disk (docs/bundle-format.md)."""
    documenter, coordinator, _, _, members = trusted
    extra = b"named by no entry, after the entries"
    data = craft({**members, f"attachments/{hashlib.sha256(extra).hexdigest()}": extra},
                 coordinator.identity.age_recipient, documenter.identity.get())
    counted_files.clear()
    result = accepted(coordinator, data, tmp_path)
    assert counted_files == [] and result.counts["attachments_stored"] == 0


def test_the_result_counts_each_file_stored(pair, tmp_path):
    documenter, coordinator, record = pair
    entry = documenter.entries.add(title="three files")
    for i in range(3):
        documenter.attachments.add_bytes(entry.uuid, os.urandom(3000 + i), f"f{i}.bin")
    path = tmp_path / "b.ijbundle"
    documenter.exporter.export(path, [record.uuid], all_entries=True, options=UNCLEANED)
    result = coordinator.importer.import_bundle(path, trust_new=True)
    assert result.status == "accepted", result.reason
    assert result.counts["attachments_stored"] == 3 and result.counts["attachments_linked"] == 3
    received = coordinator.db.query_one("SELECT entry_count, attachment_count FROM received_bundles")
    assert tuple(received) == (1, 3)


# --- the staging quota (docs/bundle-format.md): what a version 1 bundle may stage before its signature
# is checked — each record as its stored text plus 64 bytes, each new file as its size plus 4 KiB.
class _Rollback(Exception):
    pass


def _stage(journal, quota: int, *, files: list[bytes] = (), records: list[tuple[str, dict]] = ()) -> int:
    """Stage ``records`` then ``files`` through the sink, as read_bundle would, with ``quota``;
    how many were staged before the quota refused one. Rolled back afterwards."""
    staged = 0
    with pytest.raises(_Rollback):
        with journal.db.transaction() as db:
            sink = importer_mod._StagingSink(db, journal.blob_files, 64 * 1024, quota=quota)
            try:
                for kind, obj in records:
                    sink.record(kind, obj)
                    staged += 1
                for data in files:
                    path = f"attachments/{hashlib.sha256(data).hexdigest()}"
                    sink.begin_member(path, len(data)).write(data)
                    sink.end_member(path, hashlib.sha256(data).hexdigest())
                    staged += 1
            except importer_mod._StagingQuotaExceeded:
                pass
            finally:
                sink.close()
            raise _Rollback()
    return staged


@pytest.mark.parametrize(("sizes", "quota", "staged"), [
    ([1000, 1000], 2 * (1000 + 4096), 2),
    ([1000, 1000], 2 * (1000 + 4096) - 1, 1),
    ([5000], 5000 + 4096, 1),
    ([5000], 5000 + 4095, 0),
    ([0], 4096, 1),  # an empty file still costs a file
    ([0], 4095, 0),
])
def test_the_quota_counts_each_new_file_with_4_kib_more(pair, sizes, quota, staged):
    _documenter, coordinator, _record = pair
    files = [os.urandom(size) for size in sizes]
    assert _stage(coordinator, quota, files=files) == staged
    assert stored_files(coordinator) == set()  # rolled back: nothing left


@pytest.mark.parametrize("over", [0, 1])
def test_the_quota_counts_each_record_as_its_stored_text(trusted, over):
    documenter, coordinator, _, _, members = trusted
    records = [(kind, json.loads(line)) for kind in ("contacts", "entries")
               for line in members[f"{kind}.jsonl"].decode().splitlines()]
    assert any(not line.isascii() for _k, obj in records for line in [json.dumps(obj, ensure_ascii=False)])
    # Stored as UTF-8 text (Cyrillic is not escaped), plus 64 bytes of row each.
    quota = sum(len(json.dumps(obj, ensure_ascii=False)) + 64 for _kind, obj in records) - over
    assert _stage(coordinator, quota, records=records) == len(records) - over


def test_an_empty_file_is_received_as_an_empty_attachment(pair, tmp_path):
    documenter, coordinator, record = pair
    entry = documenter.entries.add(title="an empty file")
    documenter.attachments.add_bytes(entry.uuid, b"", "empty.txt")
    path = tmp_path / "b.ijbundle"
    documenter.exporter.export(path, [record.uuid], all_entries=True, options=UNCLEANED)
    result = coordinator.importer.import_bundle(path, trust_new=True)
    assert result.status == "accepted", result.reason
    (att,) = coordinator.attachments.list_for_entry(entry.uuid)
    assert (att.size, att.media_type, att.file_name) == (0, "application/octet-stream", "empty.txt")
    with coordinator.attachments.open_stream(att.uuid) as stream:
        assert stream.read() == b""
    assert coordinator.verify() == []


# --- what a received file's writer keeps in memory for the describer (_BlobWriter.kept) ----------
JPEG = (PHOTOS / "DSCN0010.jpg").read_bytes()


def _kept(journal, pieces: list[bytes], *, keep_images: bool = True):
    """Write ``pieces`` through a received file's writer; what it kept. Rolled back afterwards."""
    with pytest.raises(_Rollback):
        with journal.db.transaction() as db:
            writer = importer_mod._BlobWriter(db, journal.blob_files, 64 * 1024, keep_images=keep_images)
            for piece in pieces:
                assert writer.write(piece) == len(piece)
            kept = writer.kept
            raise _Rollback()
    assert stored_files(journal) == set()
    return kept


def _pieces(data: bytes, n: int = 3) -> list[bytes]:
    step = -(-len(data) // n)
    return [data[i:i + step] for i in range(0, len(data), step)]


@pytest.mark.parametrize("over", [0, 1])
def test_a_received_image_is_kept_in_memory_up_to_the_limit_exactly(journal, monkeypatch, over):
    """The bytes of an image in several pieces are kept for the describer while the total is at
    most IMAGE_IN_MEMORY_LIMIT (as add_file keeps them); one byte more and none are kept."""
    monkeypatch.setattr(importer_mod, "IMAGE_IN_MEMORY_LIMIT", len(JPEG) - over)
    pieces = _pieces(JPEG)
    kept = _kept(journal, pieces)
    if over:
        assert kept is None
    else:
        assert kept == pieces and b"".join(kept) == JPEG


def test_only_images_are_kept_and_only_when_asked(journal):
    assert _kept(journal, _pieces(JPEG), keep_images=False) is None  # a version 1 bundle: no describer
    assert _kept(journal, _pieces(b"%PDF-1.7\n" + os.urandom(5000))) is None
    assert _kept(journal, [b""]) is None  # an empty file has no type to look at
