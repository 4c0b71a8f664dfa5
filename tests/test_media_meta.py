"""Reading what photos reveal, making thumbnails, and surviving hostile images."""

from __future__ import annotations

import io
import json
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageOps

from journal.errors import JournalError
from tests.conftest import needs_tool
from journal.media import MediaError
from journal.media.decode import MAX_PIXELS
from journal.media.imagemeta import (
    make_thumbnail,
    read_image_metadata,
    read_metadata_and_thumbnail,
)

PHOTOS = Path(__file__).parent / "data" / "photos"
EXIFTOOL = shutil.which("exiftool")

# exiftool -n's values for DSCN0010.jpg, for machines without exiftool.
DSCN0010_LATITUDE = 43.4674483333333
DSCN0010_LONGITUDE = 11.8851266666389


def _png(
    width: int, height: int, extra_chunks: list[tuple[bytes, bytes]] = ()
) -> bytes:
    """A PNG with a given declared size and only one short row of pixel data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    parts = [b"\x89PNG\r\n\x1a\n", chunk(b"IHDR", ihdr)]
    parts += [chunk(kind, data) for kind, data in extra_chunks]
    parts += [chunk(b"IDAT", zlib.compress(b"\x00" * (width + 1))), chunk(b"IEND", b"")]
    return b"".join(parts)


def test_gps_and_camera_from_nikon_photo() -> None:
    meta = read_image_metadata(PHOTOS / "DSCN0010.jpg")
    assert (meta.width, meta.height) == (640, 480)
    assert meta.media_type == "image/jpeg"
    assert meta.camera_make == "NIKON"
    assert meta.camera_model == "COOLPIX P6000"
    assert meta.capture_time == "2008-10-22T16:28:39"
    assert meta.gps_latitude == pytest.approx(DSCN0010_LATITUDE, abs=1e-7)
    assert meta.gps_longitude == pytest.approx(DSCN0010_LONGITUDE, abs=1e-7)
    assert meta.has_location
    assert "GPS location" in meta.sensitive_fields
    assert "camera model" in meta.sensitive_fields
    assert "maker notes (may include serial numbers)" in meta.sensitive_fields
    assert "XMP metadata" in meta.sensitive_fields


@needs_tool("exiftool", "libimage-exiftool-perl")
def test_gps_matches_exiftool() -> None:
    for name in ("DSCN0010.jpg", "DSCN0012.jpg", "DSCN0021.jpg"):
        out = subprocess.run(
            [EXIFTOOL, "-n", "-j", "-GPSLatitude", "-GPSLongitude", str(PHOTOS / name)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        expected = json.loads(out)[0]
        meta = read_image_metadata(PHOTOS / name)
        assert meta.gps_latitude == pytest.approx(expected["GPSLatitude"], abs=1e-7)
        assert meta.gps_longitude == pytest.approx(expected["GPSLongitude"], abs=1e-7)


def test_southern_western_and_below_sea_level_are_negative() -> None:
    image = Image.new("RGB", (8, 8))
    exif = Image.Exif()
    gps = exif.get_ifd(0x8825)
    gps.update(
        {
            1: "S",
            2: (33.0, 52.0, 4.0),
            3: "W",
            4: (151.0, 12.0, 36.0),
            5: b"\x01",
            6: 12.5,
        }
    )
    exif[0x013B] = "Jane Roe"
    exif[0x8298] = "(c) Jane Roe"
    exif_ifd = exif.get_ifd(0x8769)
    exif_ifd.update(
        {
            0xA431: "SN-0042",
            0xA435: "LENS-7",
            0xA430: "Jane",
            0x9003: "2024:03:01 12:30:00",
            0x9011: "+03:00",
        }
    )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    meta = read_image_metadata(buffer.getvalue())
    assert meta.gps_latitude == pytest.approx(-(33 + 52 / 60 + 4 / 3600))
    assert meta.gps_longitude == pytest.approx(-(151 + 12 / 60 + 36 / 3600))
    assert meta.gps_altitude == pytest.approx(-12.5)
    assert (meta.artist, meta.copyright, meta.owner_name) == (
        "Jane Roe",
        "(c) Jane Roe",
        "Jane",
    )
    assert (meta.body_serial_number, meta.lens_serial_number) == ("SN-0042", "LENS-7")
    assert meta.capture_time == "2024-03-01T12:30:00+03:00"
    for name in (
        "camera serial number",
        "lens serial number",
        "camera owner name",
        "artist",
        "copyright",
        "GPS altitude",
    ):
        assert name in meta.sensitive_fields


def test_orientation_and_display_size() -> None:
    meta = read_image_metadata(PHOTOS / "portrait_6.jpg")
    assert meta.orientation == 6
    assert (meta.width, meta.height) == (600, 450)
    assert meta.display_size == (450, 600)


def test_xmp_only_capture_time_keeps_its_offset() -> None:
    meta = read_image_metadata(PHOTOS / "image00971.jpg")
    assert meta.capture_time == "2010-04-13T09:37:22+02:00"
    assert meta.camera_make is None


def test_reads_from_stream_and_bytes() -> None:
    data = (PHOTOS / "Canon_40D.jpg").read_bytes()
    from_bytes = read_image_metadata(data)
    from_stream = read_image_metadata(io.BytesIO(data))
    assert from_bytes == from_stream
    assert from_bytes.camera_model == "Canon EOS 40D"


def test_heif_metadata_and_thumbnail() -> None:
    meta = read_image_metadata(PHOTOS / "samplefilehub.heif")
    assert meta.media_type in ("image/heic", "image/heif")
    assert (meta.width, meta.height) == (640, 426)
    thumb = Image.open(io.BytesIO(make_thumbnail(PHOTOS / "samplefilehub.heif")))
    assert thumb.format == "JPEG"
    assert max(thumb.size) == 256


def test_thumbnail_is_upright_small_and_metadata_free() -> None:
    data = make_thumbnail(PHOTOS / "portrait_6.jpg", max_side=128)
    thumb = Image.open(io.BytesIO(data))
    assert thumb.format == "JPEG"
    assert thumb.size == (96, 128)  # the 600x450 original stands upright
    assert not thumb.getexif()
    assert "icc_profile" not in thumb.info and "comment" not in thumb.info
    assert b"Exif" not in data and b"http://ns.adobe.com" not in data


def test_thumbnail_of_png_with_transparency() -> None:
    image = Image.new("RGBA", (600, 300), (255, 0, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    thumb = Image.open(io.BytesIO(make_thumbnail(buffer.getvalue())))
    assert thumb.size == (256, 128)
    assert thumb.getpixel((5, 5)) == (255, 255, 255)


def test_thumbnail_uses_reduced_decoding_for_jpeg(monkeypatch) -> None:
    from PIL import JpegImagePlugin

    decoded_sizes = []
    original = JpegImagePlugin.JpegImageFile.draft

    def spy(self, mode, size):
        result = original(self, mode, size)
        decoded_sizes.append(self.size)
        return result

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft", spy)
    make_thumbnail(PHOTOS / "corrupted.jpg")  # 3648x2736
    assert decoded_sizes[0] == (456, 342)  # decoded at 1/8 scale


@pytest.mark.parametrize("name", ["corrupted.jpg", "image00971.jpg"])
def test_difficult_real_files_give_result_or_media_error(name: str) -> None:
    for function in (read_image_metadata, make_thumbnail):
        try:
            function(PHOTOS / name)
        except MediaError as error:
            assert str(error)


def test_decompression_bomb_is_refused_before_decoding() -> None:
    bomb = _png(30000, 30000)
    assert len(bomb) < 1000
    for function in (read_image_metadata, make_thumbnail):
        with pytest.raises(MediaError, match="too large|megapixels"):
            function(bomb)


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_our_pixel_limit_is_enforced_below_pillows() -> None:
    # Declares 110 MP: between our limit and Pillow's hard error threshold.
    bomb = _png(11000, 10000)
    assert 11000 * 10000 > MAX_PIXELS
    with pytest.raises(MediaError, match="too large|megapixels"):
        make_thumbnail(bomb)


def test_truncated_and_garbage_inputs_raise_media_error() -> None:
    jpeg = (PHOTOS / "DSCN0010.jpg").read_bytes()
    with pytest.raises(MediaError):
        make_thumbnail(jpeg[: len(jpeg) // 2])
    with pytest.raises(MediaError):
        read_image_metadata(b"this is not an image")
    with pytest.raises(MediaError):
        read_image_metadata(b"")
    with pytest.raises(MediaError):
        read_image_metadata(PHOTOS / "SOURCE-README.rst")
    with pytest.raises(MediaError):
        read_image_metadata(PHOTOS / "missing.jpg")


def test_eps_is_never_handed_to_ghostscript() -> None:
    eps = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n"
    with pytest.raises(MediaError):
        make_thumbnail(eps)


def test_file_size_cap() -> None:
    with pytest.raises(MediaError, match="larger than"):
        from journal.media.decode import open_image

        with open_image(b"\xff\xd8\xff" + b"\x00" * 2000, max_bytes=1000):
            pass


_SMALL_JPEG = (PHOTOS / "Canon_40D.jpg").read_bytes()


@st.composite
def _mutated(draw, original: bytes) -> bytes:
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 8))):
        action = draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        position = draw(st.integers(0, max(len(data) - 1, 0)))
        if action == "flip" and data:
            data[position] = draw(st.integers(0, 255))
        elif action == "cut":
            del data[position:]
        elif action == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=16))
        elif action == "delete":
            del data[position : position + draw(st.integers(1, 64))]
    return bytes(data)


@pytest.mark.filterwarnings(
    "ignore::UserWarning"
)  # Pillow warns about each corrupt Exif
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutated(_SMALL_JPEG))
def test_fuzzed_jpeg_metadata_and_thumbnail_raise_only_media_error(data: bytes) -> None:
    for function in (read_image_metadata, make_thumbnail):
        try:
            function(data)
        except MediaError:
            pass
        except JournalError as error:  # pragma: no cover - would be a bug
            pytest.fail(f"unexpected {error!r}")


def test_thumbnail_of_stripped_and_original_agree() -> None:
    # Sanity: exif_transpose of the original gives the same upright size.
    original = ImageOps.exif_transpose(Image.open(PHOTOS / "portrait_6.jpg"))
    thumb = Image.open(
        io.BytesIO(make_thumbnail(PHOTOS / "portrait_6.jpg", max_side=600))
    )
    assert thumb.size == original.size


@pytest.mark.parametrize(
    "name", ["DSCN0010.jpg", "portrait_6.jpg", "samplefilehub.heif", "corrupted.jpg", "Canon_40D.jpg"]
)
def test_one_opening_gives_what_the_two_functions_give(name: str) -> None:
    meta, thumbnail, error = read_metadata_and_thumbnail(PHOTOS / name, 256)
    assert error is None
    assert meta == read_image_metadata(PHOTOS / name)
    assert thumbnail == make_thumbnail(PHOTOS / name, 256)


def test_one_opening_of_a_png_screenshot_matches() -> None:
    image = Image.new("RGBA", (300, 500), (10, 120, 200, 255))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    meta, thumbnail, error = read_metadata_and_thumbnail(buffer.getvalue(), 128)
    assert error is None and (meta.width, meta.height) == (300, 500)
    assert thumbnail == make_thumbnail(buffer.getvalue(), 128)
    assert Image.open(io.BytesIO(thumbnail)).size == (77, 128)


def test_one_opening_of_damaged_pixels_gives_metadata_and_the_error() -> None:
    jpeg = (PHOTOS / "DSCN0010.jpg").read_bytes()
    meta, thumbnail, error = read_metadata_and_thumbnail(jpeg[: len(jpeg) // 2])
    assert meta.has_location and thumbnail is None
    assert isinstance(error, MediaError) and str(error)
    with pytest.raises(MediaError):
        read_metadata_and_thumbnail(b"this is not an image")
    with pytest.raises(MediaError, match="too large|megapixels"):
        read_metadata_and_thumbnail(_png(30000, 30000))
