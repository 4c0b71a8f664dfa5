"""The JPEG cleaner segment by segment (journal/media/jpegclean.py): first its JFIF header — the embedded JFIF
thumbnail may show the uncropped original, so it goes, and the report says so; the header's
density stays. Written from a mutation run (docs/testing.md)."""

from __future__ import annotations

import io
import struct

import pytest
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


# --- other segments: what is reported, what orientation survives, what is refused -------------

EXIF_SIG = b"Exif\x00\x00"


def _segments(data: bytes) -> list[tuple[int, bytes]]:
    found, position = [], 2
    while data[position + 1] != 0xDA:
        (length,) = struct.unpack(">H", data[position + 2:position + 4])
        found.append((data[position + 1], data[position + 4:position + 2 + length]))
        position += 2 + length
    return found


def _insert_after_app0(data: bytes, *segments: tuple[int, bytes]) -> bytes:
    (length,) = struct.unpack(">H", data[4:6])
    at = 4 + length
    extra = b"".join(bytes((0xFF, m)) + struct.pack(">H", len(p) + 2) + p for m, p in segments)
    return data[:at] + extra + data[at:]


def _exif(orientation: int) -> bytes:
    from journal.media.tiff import orientation_only_tiff

    return EXIF_SIG + orientation_only_tiff(orientation) + b"SERIAL-123 GPS"


@pytest.mark.parametrize("orientation", [2, 3, 6, 8])
def test_rotation_and_mirroring_survive_alone(orientation):
    from journal.media.tiff import read_orientation

    removed, out = clean(_insert_after_app0(_jpeg(), (0xE1, _exif(orientation))))
    exifs = [p for m, p in _segments(out) if m == 0xE1]
    assert len(exifs) == 1 and read_orientation(exifs[0][len(EXIF_SIG):]) == orientation
    assert b"SERIAL" not in out
    assert removed == ["Exif (camera, serial numbers, date and time, GPS location)"]


def test_upright_exif_goes_whole_and_the_first_exif_decides():
    from journal.media.tiff import read_orientation

    removed, out = clean(_insert_after_app0(_jpeg(), (0xE1, _exif(1))))
    assert [m for m, _ in _segments(out)].count(0xE1) == 0 and removed == [
        "Exif (camera, serial numbers, date and time, GPS location)"]
    removed, out = clean(_insert_after_app0(_jpeg(), (0xE1, _exif(6)), (0xE1, _exif(3))))
    exifs = [p for m, p in _segments(out) if m == 0xE1]
    assert len(exifs) == 1 and read_orientation(exifs[0][len(EXIF_SIG):]) == 6


def test_every_kind_of_descriptive_segment_is_reported_once_in_order():
    segments = [
        (0xE1, _exif(1)), (0xE1, b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta>Alice</x:xmpmeta>"),
        (0xE1, b"SomeVendor\x00data"), (0xE2, b"MPF\x00" + bytes(20)), (0xE2, b"FPXR\x00" + bytes(8)),
        (0xED, b"Photoshop 3.0\x00" + bytes(10)), (0xFE, b"shot at the police station"),
        (0xE5, b"maker"), (0xE1, _exif(1)), (0xFE, b"again"),
    ]
    removed, out = clean(_insert_after_app0(_jpeg(), *segments))
    assert removed == [
        "Exif (camera, serial numbers, date and time, GPS location)", "XMP", "other APP1 data",
        "MPF (additional images)", "other APP2 data (FlashPix and similar)", "IPTC / Photoshop", "comment",
        "maker data (APP5)",
    ]
    assert b"Alice" not in out and b"police" not in out


@pytest.mark.parametrize("marker", [0x00, 0x02, 0xBF])
def test_invalid_markers_are_refused(marker):
    from journal.media import MediaError

    data = _jpeg()
    (length,) = struct.unpack(">H", data[4:6])
    at = 4 + length
    broken = data[:at] + bytes((0xFF, marker)) + struct.pack(">H", 4) + b"ab" + data[at:]
    with pytest.raises(MediaError, match="invalid marker"):
        clean(broken)


def test_a_scan_before_any_frame_header_is_refused():
    from journal.media import MediaError

    data = _jpeg()
    kept = b"".join(bytes((0xFF, m)) + struct.pack(">H", len(p) + 2) + p for m, p in _segments(data)
                    if not 0xC0 <= m <= 0xC3)
    scan_at = data.index(b"\xff\xda")
    with pytest.raises(MediaError):
        clean(b"\xff\xd8" + kept + data[scan_at:])


def test_segments_a_decoder_needs_are_kept_byte_for_byte():
    """Adobe's APP14 (colour transform: CMYK and YCCK pictures decode wrongly without it) and a
    large ICC profile (over 32 KiB: its length needs the full unsigned 16 bits) stay."""
    adobe = b"Adobe\x00\x64\x00\x00\x00\x00\x01"
    icc = b"ICC_PROFILE\x00\x01\x01" + bytes(range(256)) * 160  # 40 KiB
    removed, out = clean(_insert_after_app0(_jpeg(), (0xEE, adobe), (0xE2, icc), (0xEE, b"NotAdobe")))
    kept = _segments(out)
    assert (0xEE, adobe) in kept and (0xE2, icc) in kept
    assert removed == ["maker data (APP14)"]


def test_the_last_app_marker_and_extension_markers_are_reported():
    removed, _ = clean(_insert_after_app0(_jpeg(), (0xEF, b"app15"), (0xF0, b"jpg0"), (0xFD, b"jpg13")))
    assert removed == ["maker data (APP15)", "unknown JPEG extension data"]


def test_a_stand_alone_marker_in_the_header_is_passed_over():
    data = _jpeg()
    (length,) = struct.unpack(">H", data[4:6])
    at = 4 + length
    removed, out = clean(data[:at] + b"\xff\x01" + data[at:])
    assert removed == []
    assert Image.open(io.BytesIO(out)).size == (16, 8)


def test_truncated_jpeg_says_so():
    from journal.media import MediaError

    data = _jpeg()
    with pytest.raises(MediaError) as info:
        clean(data[:30])
    assert str(info.value) == "The JPEG file is truncated."


def test_an_implausibly_large_header_is_refused():
    """Kept segments are held in memory until the picture starts: their total is bounded (32 MiB)."""
    from journal.media import MediaError

    icc = b"ICC_PROFILE\x00\x01\x01" + bytes(65_000)
    with pytest.raises(MediaError, match="implausibly large header"):
        clean(_insert_after_app0(_jpeg(), *[(0xE2, icc)] * 520))
