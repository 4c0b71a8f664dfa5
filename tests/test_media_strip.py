"""Metadata removal for what leaves the journal: checked with exiftool, byte
comparisons of the picture data, decoding, and fuzzing."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageOps, PngImagePlugin

from journal.errors import Cancelled
from journal.media import MediaError
from journal.media.sniff import sniff_media_type
from journal.media.strip import StripResult, can_clean, strip_metadata
from tests.conftest import needs_tool, require_tool

PHOTOS = Path(__file__).parent / "data" / "photos"
EXIFTOOL = shutil.which("exiftool")
needs_exiftool = needs_tool("exiftool", "libimage-exiftool-perl")

CLEAN_JPEGS = [
    "Canon_40D.jpg",
    "DSCN0010.jpg",
    "DSCN0012.jpg",
    "DSCN0021.jpg",
    "Nikon_D70.jpg",
    "image00971.jpg",
    "portrait_6.jpg",
    "corrupted.jpg",
]

# exiftool groups that describe the file or the colour profile, not its author.
HARMLESS_GROUPS = {
    "ExifTool",
    "System",
    "File",
    "JFIF",
    "Composite",
    "ICC_Profile",
    "ICC-header",
    "ICC-view",
    "ICC-meas",
    "APP14",
    "Adobe",
}
IDENTIFYING_TAGS = {
    "Make",
    "Model",
    "SerialNumber",
    "InternalSerialNumber",
    "BodySerialNumber",
    "LensSerialNumber",
    "Artist",
    "OwnerName",
    "CameraOwnerName",
    "Copyright",
    "Software",
    "DateTimeOriginal",
    "CreateDate",
    "GPSLatitude",
    "GPSLongitude",
}


class ReadOnlyStream:
    """A non-seekable source, like a pipe or a chunked database reader."""

    def __init__(self, data: bytes) -> None:
        self._inner = io.BytesIO(data)

    def read(self, size: int = -1) -> bytes:
        return self._inner.read(min(size, 4096) if size > 0 else size)


def _strip(data: bytes, media_type: str | None = None) -> tuple[StripResult, bytes]:
    out = io.BytesIO()
    result = strip_metadata(
        ReadOnlyStream(data), out, media_type or sniff_media_type(data[:4096])
    )
    return result, out.getvalue()


def _scan_data(jpeg: bytes) -> bytes:
    """Bytes from the first SOS marker to the first EOI after it (inclusive),
    found by walking the segments (a plain search could hit an Exif thumbnail)."""
    position = 2
    while True:
        assert jpeg[position] == 0xFF
        marker = jpeg[position + 1]
        if marker == 0xDA:
            end = jpeg.index(b"\xff\xd9", position)
            return jpeg[position : end + 2]
        (length,) = struct.unpack(">H", jpeg[position + 2 : position + 4])
        position += 2 + length


def _exiftool(data: bytes, tmp_path: Path) -> dict:
    # exiftool reads from a file; these are public sample photos, not user data.
    path = tmp_path / "check.jpg"
    path.write_bytes(data)
    out = subprocess.run(
        [EXIFTOOL, "-a", "-G1", "-j", str(path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out)[0]


@needs_exiftool
@pytest.mark.parametrize("name", CLEAN_JPEGS)
def test_exiftool_finds_nothing_identifying_after_stripping(
    name: str, tmp_path: Path
) -> None:
    original = (PHOTOS / name).read_bytes()
    result, stripped = _strip(original)
    assert result.cleaned and result.output_media_type == "image/jpeg"
    tags = _exiftool(stripped, tmp_path)
    leftovers = []
    for key in tags:
        if key == "SourceFile":
            continue
        group, _, tag = key.partition(":")
        if group in HARMLESS_GROUPS:
            continue
        if group == "IFD0" and tag == "Orientation":
            continue
        leftovers.append(key)
    assert leftovers == []
    for key in tags:
        group, _, tag = key.partition(":")
        assert not group.startswith(
            ("GPS", "XMP", "IPTC", "Photoshop", "MakerNotes", "ExifIFD")
        ), key
        if group not in ("ICC_Profile", "ICC-header"):
            assert tag not in IDENTIFYING_TAGS, key
    # ...and the original really had something to remove.
    assert result.removed


@pytest.mark.parametrize("name", CLEAN_JPEGS)
def test_jpeg_picture_data_is_byte_identical(name: str) -> None:
    original = (PHOTOS / name).read_bytes()
    result, stripped = _strip(original)
    assert _scan_data(stripped) == _scan_data(original)
    assert result.sha256 == hashlib.sha256(stripped).hexdigest()
    assert result.size == len(stripped)
    assert len(stripped) < len(original)


@pytest.mark.parametrize("name", ["DSCN0010.jpg", "Nikon_D70.jpg", "Canon_40D.jpg"])
def test_jpeg_decodes_to_the_same_pixels(name: str) -> None:
    original = (PHOTOS / name).read_bytes()
    _, stripped = _strip(original)
    assert (
        Image.open(io.BytesIO(stripped)).tobytes()
        == Image.open(io.BytesIO(original)).tobytes()
    )


def test_portrait_stays_upright() -> None:
    original = (PHOTOS / "portrait_6.jpg").read_bytes()
    _, stripped = _strip(original)
    cleaned = Image.open(io.BytesIO(stripped))
    assert dict(cleaned.getexif()) == {0x0112: 6}  # orientation and nothing else
    upright_original = ImageOps.exif_transpose(Image.open(io.BytesIO(original)))
    upright_cleaned = ImageOps.exif_transpose(cleaned)
    assert upright_cleaned.size == upright_original.size == (450, 600)
    assert upright_cleaned.tobytes() == upright_original.tobytes()
    assert "icc_profile" in cleaned.info  # colours kept


def test_orientation_segment_comes_first_and_is_tiny() -> None:
    _, stripped = _strip((PHOTOS / "portrait_6.jpg").read_bytes())
    assert stripped[:4] == b"\xff\xd8\xff\xe0"  # JFIF first
    app1 = stripped.index(b"\xff\xe1")
    (length,) = struct.unpack(">H", stripped[app1 + 2 : app1 + 4])
    assert length == 34 and stripped[app1 + 4 : app1 + 10] == b"Exif\x00\x00"


def test_trailing_data_and_appended_images_are_dropped() -> None:
    original = (PHOTOS / "corrupted.jpg").read_bytes()
    result, stripped = _strip(original)
    assert "data after the end of the image" in result.removed
    assert stripped.endswith(b"\xff\xd9") and stripped.count(b"\xff\xd8") == 1


def test_comment_and_iptc_are_removed() -> None:
    image = Image.new("RGB", (16, 16), "blue")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", comment=b"shot by Alice at Lubyanka", progressive=True)
    data = buffer.getvalue()
    # Hand-made APP13 (Photoshop/IPTC) segment after SOI.
    iptc = (
        b"Photoshop 3.0\x00"
        + b"8BIM\x04\x04\x00\x00\x00\x00\x00\x0b\x1c\x02\x50\x00\x05Alice"
    )
    data = data[:2] + b"\xff\xed" + struct.pack(">H", len(iptc) + 2) + iptc + data[2:]
    result, stripped = _strip(data)
    assert b"Alice" not in stripped
    assert "comment" in result.removed and "IPTC / Photoshop" in result.removed
    assert (
        Image.open(io.BytesIO(stripped)).tobytes()
        == Image.open(io.BytesIO(data)).tobytes()
    )


def test_progressive_multi_scan_jpeg() -> None:
    image = Image.effect_noise((120, 90), 64).convert("RGB")
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "Secret Camera Co"
    image.save(buffer, "JPEG", progressive=True, exif=exif, quality=90)
    data = buffer.getvalue()
    assert data.count(b"\xff\xda") > 1
    _, stripped = _strip(data)
    assert b"Secret Camera" not in stripped
    assert stripped.count(b"\xff\xda") == data.count(b"\xff\xda")
    assert (
        Image.open(io.BytesIO(stripped)).tobytes()
        == Image.open(io.BytesIO(data)).tobytes()
    )


def test_restart_markers_are_kept() -> None:
    image = Image.effect_noise((64, 64), 64).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", restart_marker_blocks=1)
    data = buffer.getvalue()
    _, stripped = _strip(data)
    assert _scan_data(stripped) == _scan_data(data)


def test_truncated_jpeg_raises_media_error() -> None:
    original = (PHOTOS / "DSCN0010.jpg").read_bytes()
    for cut in (1, 3, 100, 20000, len(original) // 2, len(original) - 1):
        with pytest.raises(MediaError):
            _strip(original[:cut], "image/jpeg")


def test_not_a_jpeg_raises_media_error() -> None:
    with pytest.raises(MediaError):
        _strip(b"GIF89a...", "image/jpeg")


def _png_chunks(data: bytes) -> list[bytes]:
    position, kinds = 8, []
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kinds.append(data[position + 4 : position + 8])
        position += 12 + length
    return kinds


def _png_with_metadata() -> bytes:
    image = Image.effect_noise((40, 30), 50).convert("RGB")
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Alice Activist")
    info.add_text("Comment", "compressed secret " * 20, zip=True)
    info.add_itxt("Description", "Задержание у метро", lang="ru")
    info.add(b"tIME", struct.pack(">HBBBBB", 2024, 3, 1, 12, 0, 0))
    exif = Image.Exif()
    exif[0x0112] = 8
    exif[0x010F] = "PhoneMaker"
    buffer = io.BytesIO()
    image.save(buffer, "PNG", pnginfo=info, exif=exif, dpi=(144, 144))
    return buffer.getvalue()


def test_png_text_time_and_exif_are_removed() -> None:
    data = _png_with_metadata()
    assert {b"tEXt", b"zTXt", b"iTXt", b"tIME", b"eXIf"} <= set(_png_chunks(data))
    result, stripped = _strip(data)
    assert result.cleaned and result.output_media_type == "image/png"
    kinds = _png_chunks(stripped)
    assert not {b"tEXt", b"zTXt", b"iTXt", b"tIME"} & set(kinds)
    assert b"pHYs" in kinds and kinds[0] == b"IHDR" and kinds[-1] == b"IEND"
    assert b"Alice" not in stripped and b"PhoneMaker" not in stripped
    cleaned = Image.open(io.BytesIO(stripped))
    assert dict(cleaned.getexif()) == {0x0112: 8}  # orientation only
    assert cleaned.tobytes() == Image.open(io.BytesIO(data)).tobytes()


@needs_exiftool
def test_png_exiftool_clean(tmp_path: Path) -> None:
    _, stripped = _strip(_png_with_metadata())
    tags = _exiftool(stripped, tmp_path)
    groups = {key.partition(":")[0] for key in tags if key != "SourceFile"}
    assert groups <= {
        "ExifTool",
        "System",
        "File",
        "PNG",
        "Composite",
        "IFD0",
        "PNG-pHYs",
    }, groups


def test_png_bad_crc_and_truncation_raise_media_error() -> None:
    data = bytearray(_png_with_metadata())
    idat = data.index(b"IDAT")
    data[idat + 10] ^= 0xFF
    with pytest.raises(MediaError, match="checksum"):
        _strip(bytes(data))
    with pytest.raises(MediaError):
        _strip(_png_with_metadata()[:-20], "image/png")


def test_heif_becomes_clean_jpeg(tmp_path: Path) -> None:
    original = (PHOTOS / "samplefilehub.heif").read_bytes()
    result, stripped = _strip(original)
    assert result.cleaned and result.output_media_type == "image/jpeg"
    assert sniff_media_type(stripped) == "image/jpeg"
    image = Image.open(io.BytesIO(stripped))
    assert image.size == (640, 426)
    assert not image.getexif() and "xmp" not in image.info
    require_tool("exiftool", "libimage-exiftool-perl")
    tags = _exiftool(stripped, tmp_path)
    assert {
        key.partition(":")[0] for key in tags if key != "SourceFile"
    } <= HARMLESS_GROUPS


def test_webp_becomes_upright_clean_jpeg() -> None:
    image = Image.new("RGB", (40, 20), "green")
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x0110] = "Pixel Secret"
    buffer = io.BytesIO()
    image.save(buffer, "WEBP", exif=exif, xmp=b"<x:xmpmeta>Alice</x:xmpmeta>")
    result, stripped = _strip(buffer.getvalue())
    assert result.output_media_type == "image/jpeg"
    assert b"Pixel Secret" not in stripped and b"Alice" not in stripped
    assert Image.open(io.BytesIO(stripped)).size == (20, 40)


def test_other_types_pass_through_with_warning() -> None:
    blob = b"\x00\x01\x02 Author: Alice \x00" * 10
    result, out = _strip(blob)
    assert out == blob
    assert not result.cleaned and result.warning and "not cleaned" in result.warning
    assert result.output_media_type == "application/octet-stream"
    assert not can_clean("application/octet-stream") and can_clean("image/JPEG")
    assert can_clean("application/pdf") and can_clean("video/mp4") and can_clean("audio/mpeg")


def test_plain_text_has_nothing_hidden() -> None:
    result, out = _strip("Протокол задержания\n".encode())
    assert (
        out == "Протокол задержания\n".encode()
        and result.cleaned
        and result.warning is None
    )


def test_lying_extension_is_stripped_by_content(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes((PHOTOS / "DSCN0010.jpg").read_bytes())
    with path.open("rb") as src:
        media_type = sniff_media_type(src.read(4096))
        src.seek(0)
        out = io.BytesIO()
        result = strip_metadata(src, out, media_type)
    assert result.cleaned and b"NIKON" not in out.getvalue()


def test_progress_and_cancel() -> None:
    data = (PHOTOS / "corrupted.jpg").read_bytes()
    seen = []
    strip_metadata(
        io.BytesIO(data),
        io.BytesIO(),
        "image/jpeg",
        total=len(data),
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen and seen[-1][1] == len(data) and seen[-1][0] <= len(data)
    with pytest.raises(Cancelled):
        strip_metadata(
            io.BytesIO(data), io.BytesIO(), "image/jpeg", cancel=lambda: True
        )


_SMALL_JPEG = (PHOTOS / "Canon_40D.jpg").read_bytes()
_SMALL_PNG = _png_with_metadata()


@st.composite
def _mutated(draw, original: bytes) -> bytes:
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 8))):
        action = draw(st.sampled_from(["flip", "cut", "insert", "delete", "marker"]))
        position = draw(st.integers(0, max(len(data) - 1, 0)))
        if action == "flip" and data:
            data[position] = draw(st.integers(0, 255))
        elif action == "cut":
            del data[position:]
        elif action == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=16))
        elif action == "delete":
            del data[position : position + draw(st.integers(1, 64))]
        elif action == "marker":
            data[position:position] = bytes((0xFF, draw(st.integers(0, 255))))
    return bytes(data)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutated(_SMALL_JPEG))
def test_fuzzed_jpeg_strip_raises_only_media_error(data: bytes) -> None:
    try:
        _, stripped = _strip(data, "image/jpeg")
    except MediaError as error:
        assert str(error)
        return
    assert stripped.startswith(b"\xff\xd8") and stripped.endswith(b"\xff\xd9")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutated(_SMALL_PNG))
def test_fuzzed_png_strip_raises_only_media_error(data: bytes) -> None:
    try:
        _, stripped = _strip(data, "image/png")
    except MediaError:
        return
    assert stripped.startswith(b"\x89PNG")


@pytest.mark.parametrize("piece", [1, 2, 3, 7, 64])
def test_result_does_not_depend_on_how_the_source_is_chunked(
    piece: int, monkeypatch
) -> None:
    from journal.media import jpegclean

    monkeypatch.setattr(jpegclean, "CHUNK_SIZE", piece)
    original = (PHOTOS / "Nikon_D70.jpg").read_bytes()
    expected = _strip(original)[1]
    monkeypatch.undo()
    monkeypatch.setattr(jpegclean, "CHUNK_SIZE", piece)

    class Dribble(io.BytesIO):
        def read(self, size: int = -1) -> bytes:
            return super().read(min(size, piece) if size > 0 else piece)

    out = io.BytesIO()
    strip_metadata(Dribble(original), out, "image/jpeg")
    assert out.getvalue() == expected
    assert _scan_data(expected) == _scan_data(original)


def test_many_tiny_segments_are_handled_in_linear_time() -> None:
    # 100 000 empty COM segments: a quadratic parser would hang here.
    original = (PHOTOS / "Canon_40D.jpg").read_bytes()
    padded = original[:2] + b"\xff\xfe\x00\x02" * 100_000 + original[2:]
    result, stripped = _strip(padded)
    assert "comment" in result.removed
    assert _scan_data(stripped) == _scan_data(original)
