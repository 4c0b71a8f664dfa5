"""Real camera photos (tests/data/photos): metadata, thumbnails, HEIF, hostile files."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

PHOTOS = Path(__file__).parent / "data" / "photos"


@pytest.fixture
def entry(journal):
    return journal.entries.add(title="Photos")


def test_gps_camera_and_time_from_dscn0010(journal, entry):
    att = journal.attachments.add_file(entry.uuid, PHOTOS / "DSCN0010.jpg")
    meta = att.metadata
    assert att.media_type == "image/jpeg"
    assert meta["gps_latitude"] == pytest.approx(43.467448, abs=1e-5)
    assert meta["gps_longitude"] == pytest.approx(11.885127, abs=1e-5)
    assert meta["camera_make"] == "NIKON" and meta["camera_model"]
    assert meta["capture_time"] == "2008-10-22T16:28:39"
    assert meta["orientation"] == 1
    assert (meta["width"], meta["height"]) == (640, 480)
    assert "GPS location" in meta["sensitive_fields"]
    assert att.note is None
    assert att.stripped_sha256 and att.stripped_sha256 != att.sha256


def test_thumbnail_is_small_clean_jpeg(journal, entry):
    att = journal.attachments.add_file(entry.uuid, PHOTOS / "DSCN0010.jpg")
    thumb = journal.attachments.thumbnail(att.uuid)
    assert thumb.startswith(b"\xff\xd8")
    with Image.open(io.BytesIO(thumb)) as image:
        assert max(image.size) <= 256
        assert not image.getexif()


def test_orientation_recorded(journal, entry):
    att = journal.attachments.add_file(entry.uuid, PHOTOS / "portrait_6.jpg")
    assert att.metadata["orientation"] == 6
    with Image.open(io.BytesIO(journal.attachments.thumbnail(att.uuid))) as image:
        assert image.size[1] > image.size[0]  # stored upright


def test_heif_imports(journal, entry):
    att = journal.attachments.add_file(entry.uuid, PHOTOS / "samplefilehub.heif")
    assert att.media_type in ("image/heic", "image/heif")
    assert att.has_thumbnail
    assert att.metadata["width"] > 0
    assert journal.attachments.open_stream(att.uuid).read() == (PHOTOS / "samplefilehub.heif").read_bytes()


def test_heif_stripped_copy_is_jpeg(journal, entry, tmp_path):
    att = journal.attachments.add_file(entry.uuid, PHOTOS / "samplefilehub.heif")
    report = journal.attachments.save_copy(att.uuid, tmp_path, strip=True)
    assert report.path.suffix == ".jpg" and report.media_type == "image/jpeg"
    assert journal.attachments.get(att.uuid).stripped_sha256 == report.sha256


@pytest.mark.parametrize("name", ["corrupted.jpg", "image00971.jpg"])
def test_awkward_files_give_a_clear_result(journal, entry, name):
    data = (PHOTOS / name).read_bytes()
    att = journal.attachments.add_file(entry.uuid, PHOTOS / name)
    assert att.size == len(data)
    assert journal.attachments.open_stream(att.uuid).read() == data
    # Either it reads as an image (with a preview) or it is kept with a note saying why.
    assert att.has_thumbnail or (att.note and "could not be read" in att.note)
    assert journal.verify() == []


def test_truncated_jpeg_is_kept_with_note(journal, entry):
    data = (PHOTOS / "DSCN0010.jpg").read_bytes()
    cut = data[: len(data) * 2 // 5]
    att = journal.attachments.add_bytes(entry.uuid, cut, "cut.jpg")
    assert att.media_type == "image/jpeg"
    assert att.note  # a sentence saying what could not be done
    assert not att.has_thumbnail
    assert journal.attachments.open_stream(att.uuid).read() == cut


def test_every_sample_imports(journal, entry):
    for path in sorted(PHOTOS.iterdir()):
        att = journal.attachments.add_file(entry.uuid, path)
        assert att.size == path.stat().st_size
    assert len(journal.attachments.list_for_entry(entry.uuid)) == len(list(PHOTOS.iterdir()))
    assert journal.verify() == []
    assert journal.attachments.verify_hashes() == []
