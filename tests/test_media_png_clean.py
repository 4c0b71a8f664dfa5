"""The PNG cleaner chunk by chunk (journal/media/pngclean.py): what it keeps, what it drops and
reports, and how it refuses damaged files. Written from a mutation run (docs/testing.md): the
report of what was removed is what the person sees before sending, so it is checked exactly."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from journal.media import MediaError
from journal.media.pngclean import PNG_SIGNATURE, clean_png
from journal.media.streams import CountingReader, HashingWriter
from journal.media.tiff import orientation_only_tiff, read_orientation


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _image_chunks() -> tuple[bytes, bytes]:
    """IHDR and IDAT of a real 4×3 picture (Pillow's), to build files around."""
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 10, 10)).save(buffer, "PNG")
    data = buffer.getvalue()
    chunks, position = {}, 8
    while position < len(data):
        (length,) = struct.unpack(">I", data[position:position + 4])
        kind = data[position + 4:position + 8]
        chunks[kind] = data[position:position + 12 + length]
        position += 12 + length
    return chunks[b"IHDR"], chunks[b"IDAT"]


IHDR, IDAT = _image_chunks()
IEND = chunk(b"IEND", b"")


def clean(data: bytes) -> tuple[list[str], bytes]:
    out = io.BytesIO()
    removed = clean_png(CountingReader(io.BytesIO(data)), HashingWriter(out))
    return removed, out.getvalue()


def kinds_of(data: bytes) -> list[bytes]:
    position, kinds = 8, []
    while position < len(data):
        (length,) = struct.unpack(">I", data[position:position + 4])
        kinds.append(data[position + 4:position + 8])
        position += 12 + length
    return kinds


def test_report_names_each_kind_once_in_order_and_keeps_what_the_picture_needs():
    gama = chunk(b"gAMA", struct.pack(">I", 45455))
    phys = chunk(b"pHYs", struct.pack(">IIB", 5669, 5669, 1))
    private_critical = chunk(b"XcAB", b"a decoder must know this one")
    data = (PNG_SIGNATURE + IHDR + gama + chunk(b"tEXt", b"Author\0Alice") + chunk(b"tEXt", b"Software\0X")
            + chunk(b"tIME", struct.pack(">HBBBBB", 2024, 3, 1, 12, 0, 0)) + phys
            + chunk(b"prVt", b"a phone maker's private notes") + private_critical
            + chunk(b"eXIf", orientation_only_tiff(6) + b"GPS and serial numbers") + IDAT + IEND
            + b"trailing bytes after the image")
    removed, out = clean(data)
    assert removed == [
        "PNG text (author, software, comments)",
        "modification time",
        "other PNG chunks (prVt)",
        "Exif (camera, serial numbers, date and time, GPS location)",
        "data after the end of the image",
    ]
    assert kinds_of(out) == [b"IHDR", b"gAMA", b"pHYs", b"XcAB", b"eXIf", b"IDAT", b"IEND"]
    assert gama in out and phys in out and private_critical in out and IDAT in out
    assert out.endswith(IEND)  # nothing after the end
    exif = out[out.index(b"eXIf") + 4:]
    assert read_orientation(exif[: len(orientation_only_tiff(6))]) == 6 and b"GPS" not in out


def test_exif_without_rotation_is_dropped_whole():
    removed, out = clean(PNG_SIGNATURE + IHDR + chunk(b"eXIf", orientation_only_tiff(1) + b"serial") + IDAT + IEND)
    assert b"eXIf" not in kinds_of(out)
    assert removed == ["Exif (camera, serial numbers, date and time, GPS location)"]


def test_exif_of_exactly_the_parsed_limit_keeps_its_rotation():
    tiff = orientation_only_tiff(8)
    big = tiff + bytes(1024 * 1024 - len(tiff))
    _, out = clean(PNG_SIGNATURE + IHDR + chunk(b"eXIf", big) + IDAT + IEND)
    assert b"eXIf" in kinds_of(out) and len(out) < 10_000


def test_a_clean_file_reports_nothing():
    removed, out = clean(PNG_SIGNATURE + IHDR + IDAT + IEND)
    assert removed == [] and out == PNG_SIGNATURE + IHDR + IDAT + IEND


@pytest.mark.parametrize("data, message", [
    (b"GIF89a" + bytes(10), "The file is not a PNG image."),
    (PNG_SIGNATURE + chunk(b"tEXt", b"a\0b") + IHDR + IDAT + IEND, "The PNG file is damaged (no header chunk)."),
    (PNG_SIGNATURE + IHDR + struct.pack(">I", 2**31) + b"tEXt", "The PNG file is damaged (malformed chunk)."),
    (PNG_SIGNATURE + IHDR + chunk(b"te1t", b"x") + IDAT + IEND, "The PNG file is damaged (malformed chunk)."),
    (PNG_SIGNATURE + IHDR + IDAT[:-9], "The PNG file is truncated."),
    (PNG_SIGNATURE + IHDR + IDAT[:-2], "The PNG file is truncated."),
    (PNG_SIGNATURE + IHDR[:5], "The PNG file is truncated."),
    (PNG_SIGNATURE + IHDR + chunk(b"eXIf", orientation_only_tiff(6))[:-2], "The PNG file is truncated."),
    (PNG_SIGNATURE + IHDR + chunk(b"eXIf", orientation_only_tiff(6))[:12], "The PNG file is truncated."),
    (PNG_SIGNATURE + IHDR + IDAT[:-1] + bytes([IDAT[-1] ^ 1]) + IEND, "The PNG file is damaged (checksum mismatch)."),
])
def test_damaged_files_are_refused_with_what_is_wrong(data, message):
    with pytest.raises(MediaError) as info:
        clean(data)
    assert str(info.value) == message
