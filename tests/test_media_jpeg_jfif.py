"""The JPEG cleaner's JFIF header (journal/media/jpegclean.py `_app0`): the embedded JFIF
thumbnail may show the uncropped original, so it goes, and the report says so; the header's
density stays. Written from a mutation run (docs/testing.md)."""

from __future__ import annotations

import io
import struct

from PIL import Image

from journal.media.jpegclean import clean_jpeg
from journal.media.streams import CountingReader, HashingWriter


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (16, 8), (10, 200, 10)).save(buffer, "JPEG", quality=90, dpi=(300, 300))
    data = buffer.getvalue()
    assert data[2:4] == b"\xff\xe0" and data[6:11] == b"JFIF\x00"
    return data


def _with_app0(data: bytes, *payloads: bytes) -> bytes:
    """The JPEG with its APP0 replaced by the given APP0 payloads, in order."""
    (length,) = struct.unpack(">H", data[4:6])
    rest = data[4 + length:]
    segments = b"".join(b"\xff\xe0" + struct.pack(">H", len(p) + 2) + p for p in payloads)
    return data[:2] + segments + rest


def _jfif(thumb_w: int = 0, thumb_h: int = 0, thumbnail: bytes = b"") -> bytes:
    return b"JFIF\x00" + b"\x01\x02" + b"\x01" + struct.pack(">HH", 300, 300) + bytes([thumb_w, thumb_h]) + thumbnail


def clean(data: bytes) -> tuple[list[str], bytes]:
    out = io.BytesIO()
    removed = clean_jpeg(CountingReader(io.BytesIO(data)), HashingWriter(out))
    return removed, out.getvalue()


def _app0_payloads(data: bytes) -> list[bytes]:
    found, position = [], 2
    while data[position] == 0xFF and data[position + 1] != 0xDA:
        (length,) = struct.unpack(">H", data[position + 2:position + 4])
        if data[position + 1] == 0xE0:
            found.append(data[position + 4:position + 2 + length])
        position += 2 + length
    return found


def test_a_plain_jfif_header_is_kept_and_not_reported():
    removed, out = clean(_with_app0(_jpeg(), _jfif()))
    assert removed == []
    assert _app0_payloads(out) == [_jfif()]


def test_an_embedded_thumbnail_is_removed_and_reported():
    secret = bytes(range(256)) * 3  # 16×16 RGB thumbnail of "the uncropped original"
    removed, out = clean(_with_app0(_jpeg(), _jfif(16, 16, secret)))
    assert removed == ["JFIF thumbnail"]
    assert _app0_payloads(out) == [_jfif()]  # version and density kept, thumbnail size zero
    assert secret not in out
    assert Image.open(io.BytesIO(out)).size == (16, 8)


def test_thumbnail_size_without_pixels_and_pixels_without_size_are_reported():
    removed, out = clean(_with_app0(_jpeg(), _jfif(1, 0)))
    assert removed == ["JFIF thumbnail"] and _app0_payloads(out) == [_jfif()]
    removed, out = clean(_with_app0(_jpeg(), _jfif() + b"\x00"))
    assert removed == ["JFIF thumbnail"] and _app0_payloads(out) == [_jfif()]


def test_an_extension_thumbnail_and_a_second_header_go():
    jfxx = b"JFXX\x00\x10" + bytes(500)
    removed, out = clean(_with_app0(_jpeg(), _jfif(), jfxx, _jfif(2, 2, bytes(12)), b"Maker\x00notes"))
    assert removed == ["JFIF thumbnail", "maker data (APP0)"]
    assert _app0_payloads(out) == [_jfif()]


def test_a_short_jfif_header_is_not_taken_for_one():
    removed, out = clean(_with_app0(_jpeg(), _jfif()[:13]))
    assert removed == ["maker data (APP0)"]
    assert _app0_payloads(out) == []


def test_fill_bytes_before_a_marker_are_allowed():
    """ITU T.81 B.1.1.2: any marker may be preceded by fill bytes 0xFF."""
    data = _jpeg()
    (length,) = struct.unpack(">H", data[4:6])
    at = 4 + length  # the marker after APP0
    filled = data[:at] + b"\xff\xff\xff" + data[at:]
    removed, out = clean(filled)
    assert removed == []
    assert Image.open(io.BytesIO(out)).tobytes() == Image.open(io.BytesIO(data)).tobytes()
