"""Each file is cleaned once on its way out (issues 20.3 and 23): the stripped size is recorded
beside the stripped hash, so an export names a photo in its signed manifest without cleaning it
first; a video is remuxed once per export; a saved copy is written once; an import decodes each
received photo once, on worker threads, and never cleans again what arrived cleaned."""

from __future__ import annotations

import hashlib
import io
import shutil
from pathlib import Path

import pytest

import journal.exchange.exporter as exporter_mod
import journal.media.spool as spool_mod
import journal.media.strip as strip_mod
import journal.media.video as video_mod
from journal.exchange.importer import Importer
from journal.media.strip import strip_metadata
from journal.records import attachments as attachments_mod
from tests.media_samples import assert_nothing_identifying, make_video, need
from tests.test_export import pair  # noqa: F401 - fixture

PHOTOS = Path(__file__).parent / "data" / "photos"
CAMERA = ["DSCN0010.jpg", "Canon_40D.jpg", "Nikon_D70.jpg"]


def _stripped(path: Path) -> tuple[str, int]:
    out = io.BytesIO()
    result = strip_metadata(io.BytesIO(path.read_bytes()), out, "image/jpeg")
    assert hashlib.sha256(out.getvalue()).hexdigest() == result.sha256
    return result.sha256, len(out.getvalue())


def _count_calls(monkeypatch, module, name: str) -> list:
    calls: list = []
    original = getattr(module, name)

    def counting(*args, **kwargs):
        calls.append(args[2] if len(args) > 2 else kwargs.get("media_type"))
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counting)
    return calls


def _photos_entry(journal, names=CAMERA):
    entry = journal.entries.add(title="Photos of the detention")
    atts = journal.attachments.add_files(entry.uuid, [PHOTOS / n for n in names])
    return entry, atts


def test_attaching_a_photo_records_its_stripped_hash_and_size(journal):
    entry, atts = _photos_entry(journal)
    for name, att in zip(CAMERA, atts):
        assert (att.stripped_sha256, att.stripped_size) == _stripped(PHOTOS / name)
    single = journal.attachments.add_file(entry.uuid, PHOTOS / "portrait_6.jpg")
    assert (single.stripped_sha256, single.stripped_size) == _stripped(PHOTOS / "portrait_6.jpg")


def test_export_cleans_each_recorded_photo_once(pair, tmp_path, monkeypatch):
    documenter, coordinator, record = pair
    entry, atts = _photos_entry(documenter)
    calls = _count_calls(monkeypatch, exporter_mod, "strip_metadata")
    result = documenter.exporter.export(tmp_path / "b.ijbundle", [record.uuid], all_entries=True)
    assert result.attachment_count == 3 and not result.warnings
    assert calls == ["image/jpeg"] * 3  # before: six (a first pass to learn sizes, then the write)
    imported = coordinator.importer.import_bundle(tmp_path / "b.ijbundle", trust_new=True)
    assert imported.status == "accepted", imported.reason
    received = coordinator.attachments.list_for_entry(entry.uuid)
    assert sorted(a.sha256 for a in received) == sorted(a.stripped_sha256 for a in atts)
    for att in received:
        data = coordinator.attachments.open_stream(att.uuid).read()
        assert b"NIKON" not in data and b"Canon" not in data
        assert att.metadata.get("gps_latitude") is None


def test_an_attachment_stored_before_schema_13_gets_its_size_at_its_first_export(pair, tmp_path, monkeypatch):
    documenter, _coordinator, record = pair
    entry, atts = _photos_entry(documenter, CAMERA[:1])
    documenter.db.execute("UPDATE attachments SET stripped_size = NULL")  # as the migration leaves it
    assert documenter.attachments.get(atts[0].uuid).stripped_size is None
    calls = _count_calls(monkeypatch, exporter_mod, "strip_metadata")
    documenter.exporter.export(tmp_path / "1.ijbundle", [record.uuid], all_entries=True)
    assert len(calls) == 2  # a first pass, this once
    assert documenter.attachments.get(atts[0].uuid).stripped_size == _stripped(PHOTOS / CAMERA[0])[1]
    calls.clear()
    documenter.exporter.export(tmp_path / "2.ijbundle", [record.uuid], all_entries=True)
    assert len(calls) == 1


@pytest.mark.parametrize("damage", ["sha", "size", "both"])
def test_a_stale_record_is_forgotten_and_the_bundle_still_right(pair, tmp_path, damage):
    """A record made by another version of the cleaner must not make a bundle fail or lie."""
    documenter, coordinator, record = pair
    entry, (att,) = _photos_entry(documenter, CAMERA[:1])
    sha, size = _stripped(PHOTOS / CAMERA[0])
    wrong_sha = hashlib.sha256(b"other").hexdigest() if damage in ("sha", "both") else sha
    wrong_size = size + (7 if damage in ("size", "both") else 0)
    documenter.db.execute("UPDATE attachments SET stripped_sha256 = ?, stripped_size = ?", (wrong_sha, wrong_size))
    result = documenter.exporter.export(tmp_path / "b.ijbundle", [record.uuid], all_entries=True)
    assert result.attachment_count == 1
    fixed = documenter.attachments.get(att.uuid)
    assert (fixed.stripped_sha256, fixed.stripped_size) == (sha, size)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".b.ijbundle")]  # no leftover part
    imported = coordinator.importer.import_bundle(tmp_path / "b.ijbundle", trust_new=True)
    assert imported.status == "accepted", imported.reason
    (received,) = coordinator.attachments.list_for_entry(entry.uuid)
    assert received.sha256 == sha


@need("ffmpeg")
def test_export_remuxes_a_video_once_and_records_it(pair, tmp_path, monkeypatch):
    documenter, coordinator, record = pair
    entry = documenter.entries.add(title="Filmed")
    video = make_video(tmp_path, "mp4")
    att = documenter.attachments.add_file(entry.uuid, video)
    remuxes = _count_calls(monkeypatch, video_mod, "clean_av")
    documenter.exporter.export(tmp_path / "1.ijbundle", [record.uuid], all_entries=True)
    assert len(remuxes) == 1  # before: two (hash pass, send pass)
    recorded = documenter.attachments.get(att.uuid)
    assert recorded.stripped_sha256 and recorded.stripped_size
    remuxes.clear()
    documenter.exporter.export(tmp_path / "2.ijbundle", [record.uuid], all_entries=True)
    assert len(remuxes) == 1  # named from the record, remuxed while written
    imported = coordinator.importer.import_bundle(tmp_path / "2.ijbundle", trust_new=True)
    assert imported.status == "accepted", imported.reason
    (received,) = coordinator.attachments.list_for_entry(entry.uuid)
    assert received.sha256 == recorded.stripped_sha256
    out = tmp_path / "received.mp4"
    out.write_bytes(coordinator.attachments.open_stream(received.uuid).read())
    assert_nothing_identifying(out)


@need("ffmpeg")
def test_no_spool_is_kept_beyond_the_budget(pair, tmp_path, monkeypatch):
    documenter, _coordinator, record = pair
    entry = documenter.entries.add(title="Filmed")
    documenter.attachments.add_file(entry.uuid, make_video(tmp_path, "mp4"))
    monkeypatch.setattr(exporter_mod, "KEEP_SPOOL_BYTES", 0)
    remuxes = _count_calls(monkeypatch, video_mod, "clean_av")
    documenter.exporter.export(tmp_path / "b.ijbundle", [record.uuid], all_entries=True)
    assert len(remuxes) == 2  # over the budget: cleaned again at write time, as before


@need("ffmpeg")
def test_saved_copy_of_a_video_is_written_once_without_a_spool(journal, tmp_path, monkeypatch):
    entry = journal.entries.add(title="Filmed")
    video = make_video(tmp_path, "mp4")
    att = journal.attachments.add_file(entry.uuid, video)
    with open(video, "rb") as src:
        expected = io.BytesIO()
        strip_metadata(src, expected, "video/mp4")
    spools = []
    original_init = spool_mod.Spool.__init__

    def counting_init(self, *args, **kwargs):
        spools.append(1)
        original_init(self, *args, **kwargs)

    monkeypatch.setattr(spool_mod.Spool, "__init__", counting_init)
    seen = []
    report = journal.attachments.save_copy(att.uuid, tmp_path / "copy.mp4", progress=lambda d, t: seen.append((d, t)))
    assert spools == []
    data = (tmp_path / "copy.mp4").read_bytes()
    assert data == expected.getvalue()  # the same bytes as through the spool
    assert report.sha256 == hashlib.sha256(data).hexdigest() and report.size == len(data)
    assert seen and seen[-1][0] <= seen[-1][1] == att.size
    assert_nothing_identifying(tmp_path / "copy.mp4")


@need("ffmpeg")
def test_progress_moves_while_the_spool_is_copied_out(tmp_path):
    video = make_video(tmp_path, "mp4")
    seen: list[tuple[int, int]] = []
    total = video.stat().st_size
    with open(video, "rb") as src:
        strip_metadata(src, io.BytesIO(), "video/mp4", total=total, progress=lambda d, t: seen.append((d, t)))
    done = [d for d, _t in seen]
    assert done == sorted(done) and all(t == total for _d, t in seen)
    assert min(done) <= total // 2 < max(done) == total  # both halves: cleaning, then the copy out


def test_import_describes_received_photos_from_the_bytes_passing_through(pair, tmp_path, monkeypatch):
    documenter, coordinator, record = pair
    entry, atts = _photos_entry(documenter)
    documenter.exporter.export(tmp_path / "b.ijbundle", [record.uuid], all_entries=True)
    read_back = _count_calls(monkeypatch, attachments_mod.AttachmentStore, "describe_blob_later")
    cleaned = _count_calls(monkeypatch, strip_mod, "strip_metadata")
    imported = coordinator.importer.import_bundle(tmp_path / "b.ijbundle", trust_new=True)
    assert imported.status == "accepted", imported.reason
    assert read_back == []  # described from the bundle's bytes, not read back and decrypted
    assert cleaned == []  # sent stripped: its own cleaned copy, not cleaned again
    received = coordinator.attachments.list_for_entry(entry.uuid)
    assert len(received) == 3
    for att in received:
        assert coordinator.attachments.thumbnail(att.uuid)
        assert att.metadata.get("width")
        assert (att.stripped_sha256, att.stripped_size) == (att.sha256, att.size)


def test_import_of_unstripped_photos_records_what_cleaning_gives(pair, tmp_path):
    from journal.exchange.exporter import ExportOptions

    documenter, coordinator, record = pair
    entry, atts = _photos_entry(documenter)
    documenter.exporter.export(tmp_path / "b.ijbundle", [record.uuid], all_entries=True,
                               options=ExportOptions(strip_metadata=False))
    imported = coordinator.importer.import_bundle(tmp_path / "b.ijbundle", trust_new=True)
    assert imported.status == "accepted", imported.reason
    received = {a.sha256: a for a in coordinator.attachments.list_for_entry(entry.uuid)}
    for name, sent in zip(CAMERA, atts):
        got = received[sent.sha256]
        assert (got.stripped_sha256, got.stripped_size) == _stripped(PHOTOS / name)
        assert got.metadata.get("gps_latitude") == sent.metadata.get("gps_latitude")
        assert coordinator.attachments.thumbnail(got.uuid) == documenter.attachments.thumbnail(sent.uuid)


def test_version_1_bundles_are_described_after_reading_in_parallel(pair, tmp_path, monkeypatch):
    """Without a manifest first nothing is parsed before the signature: images are read back."""
    documenter, coordinator, record = pair
    entry, atts = _photos_entry(documenter)
    documenter.exporter.export(tmp_path / "b.ijbundle", [record.uuid], all_entries=True)
    monkeypatch.setattr("journal.exchange.importer._StagingSink.manifest_verified",
                        lambda self, verified: setattr(self, "sender", self.on_verified(verified)))
    read_back = _count_calls(monkeypatch, attachments_mod.AttachmentStore, "describe_blob_later")
    imported = coordinator.importer.import_bundle(tmp_path / "b.ijbundle", trust_new=True)
    assert imported.status == "accepted", imported.reason
    assert len(read_back) == 3
    for att in coordinator.attachments.list_for_entry(entry.uuid):
        assert coordinator.attachments.thumbnail(att.uuid) and att.metadata.get("width")


def test_describer_bounds_the_bytes_waiting(monkeypatch):
    describer = attachments_mod.ImageDescriber(workers=1, max_bytes=1)
    try:
        data = (PHOTOS / CAMERA[0]).read_bytes()
        for n in range(3):
            describer.submit(n, data, "image/jpeg")
            assert describer._bytes <= len(data)
        assert all(describer.take(n).thumbnail for n in range(3))
        assert describer.take(99) is None
    finally:
        describer.close()


def test_the_migration_adds_an_empty_stripped_size(tmp_path):
    from journal.storage import migrations
    from journal.storage.vault import Journal

    work = tmp_path / "v12"
    shutil.copytree(Path(__file__).parent / "fixtures" / "journal_v12", work)
    with Journal.open(work, "fixture passphrase") as journal:
        assert migrations.schema_version(journal.db.conn) == migrations.latest_version()
        rows = journal.db.query("SELECT stripped_size FROM attachments")
        assert rows and all(r[0] is None for r in rows)
        assert Importer is not None  # the importer module imports with the new column


@need("ffmpeg")
def test_a_write_only_destination_is_cleaned_through_the_spool(tmp_path):
    video = make_video(tmp_path, "mp4")
    with open(video, "rb") as src, open(tmp_path / "a.mp4", "wb") as dst:  # write-only: cannot be read back
        via_spool = strip_metadata(src, dst, "video/mp4")
    with open(video, "rb") as src, open(tmp_path / "b.mp4", "w+b") as dst:
        direct = strip_metadata(src, dst, "video/mp4")
    assert (tmp_path / "a.mp4").read_bytes() == (tmp_path / "b.mp4").read_bytes()
    assert (via_spool.sha256, via_spool.size) == (direct.sha256, direct.size)


def test_describer_reads_a_jpeg_header_from_its_first_piece_or_else_the_whole(monkeypatch):
    """Import hands received images over in pieces: a stripped JPEG's metadata comes from the
    first piece alone; when that is too short for its header, the pieces are joined."""
    data = (PHOTOS / CAMERA[0]).read_bytes()
    joined = _count_calls(monkeypatch, attachments_mod, "describe_image")
    describer = attachments_mod.ImageDescriber(workers=1, previews=False)
    try:
        whole = attachments_mod.describe_image(data, "image/jpeg", strip=False)
        joined.clear()
        describer.submit("big pieces", [data[:len(data) // 2], data[len(data) // 2:]], "image/jpeg", strip=False)
        describer.submit("tiny first", [data[:100], data[100:]], "image/jpeg", strip=False)
        for key in ("big pieces", "tiny first"):
            got = describer.take(key)
            assert got.metadata == whole.metadata and got.thumbnail == attachments_mod.PENDING_PREVIEW
            assert got.stripped_sha256 is None  # sent stripped: not cleaned again
        assert len(joined) == 3  # the first piece; for "tiny first" its failed try, then all joined
        assert describer._bytes == 2 * len(data) or describer._bytes == 0
    finally:
        describer.close()


def test_a_cancelled_export_stops_the_photos_cleaned_ahead(pair, tmp_path):
    import threading

    from journal.errors import Cancelled

    documenter, _coordinator, record = pair
    _photos_entry(documenter)
    seen: list[int] = []

    def cancel() -> bool:
        return len(seen) > 1

    with pytest.raises(Cancelled):
        documenter.exporter.export(tmp_path / "b.ijbundle", [record.uuid], all_entries=True,
                                   progress=lambda done, total: seen.append(done), cancel=cancel)
    assert not [t for t in threading.enumerate() if t.name == "bundle-strip" and t.is_alive()]
    assert not [p for p in tmp_path.iterdir() if "ijbundle" in p.name]  # no bundle, no part file
