"""Content sniffing: the type comes from the bytes, never the file name."""

import struct
from pathlib import Path

import pytest

from journal.media.sniff import SNIFF_BYTES, sniff_media_type

PHOTOS = Path(__file__).parent / "data" / "photos"


def _ftyp(major: bytes, *compatible: bytes) -> bytes:
    body = major + b"\x00\x00\x00\x00" + b"".join(compatible)
    return struct.pack(">I", 8 + len(body)) + b"ftyp" + body + b"\x00" * 16


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "image/jpeg"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png"),
        (b"GIF89a\x01\x00\x01\x00", "image/gif"),
        (b"GIF87a\x01\x00\x01\x00", "image/gif"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp"),
        (b"RIFF\x00\x00\x00\x00WAVEfmt ", "audio/wav"),
        (_ftyp(b"heic", b"mif1", b"heic"), "image/heic"),
        (_ftyp(b"mif1", b"mif1", b"heic"), "image/heic"),
        (_ftyp(b"mif1", b"mif1"), "image/heif"),
        (_ftyp(b"avif", b"mif1", b"avif"), "image/avif"),
        (_ftyp(b"mif1", b"avif", b"mif1"), "image/avif"),
        (_ftyp(b"isom", b"isom", b"mp41"), "video/mp4"),
        (_ftyp(b"mp42", b"isom"), "video/mp4"),
        (_ftyp(b"qt  ", b"qt  "), "video/quicktime"),
        (_ftyp(b"M4A ", b"M4A ", b"mp42"), "audio/mp4"),
        (_ftyp(b"3gp5", b"3gp5"), "video/3gpp"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "application/pdf"),
        (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm", "video/webm"),
        (
            b"\x1a\x45\xdf\xa3\xa3\x42\x86\x81\x01\x42\x82\x88matroska",
            "video/x-matroska",
        ),
        (b"ID3\x04\x00\x00\x00\x00\x00\x00", "audio/mpeg"),
        (b"\xff\xfb\x90\x64\x00", "audio/mpeg"),
        (b"\xff\xf1\x50\x80\x00", "audio/aac"),
        (b"OggS\x00\x02\x00\x00", "audio/ogg"),
        (b"fLaC\x00\x00\x00\x22", "audio/flac"),
        (b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml", "application/zip"),
        (
            b"PK\x03\x04\x14\x00\x00\x08mimetypeapplication/vnd.oasis.opendocument.text",
            "application/zip",
        ),
        ("Задержан у метро, 14:05.\nProtokoll.\n".encode(), "text/plain"),
        (b"\xef\xbb\xbfplain text with BOM", "text/plain"),
        (b"II*\x00\x08\x00\x00\x00", "image/tiff"),
        (b"", "application/octet-stream"),
        (b"\x00\x01\x02\x03binary", "application/octet-stream"),
        (b"\xc3\x28 invalid utf-8", "application/octet-stream"),
    ],
)
def test_magic_bytes(head: bytes, expected: str) -> None:
    assert sniff_media_type(head) == expected


def test_text_cut_inside_a_multibyte_character_is_still_text() -> None:
    text = ("Свидетель: " * 400).encode()
    head = text[:SNIFF_BYTES]
    assert head[-1] >= 0x80  # the cut falls inside a Cyrillic letter
    assert sniff_media_type(head) == "text/plain"


def test_real_photos_are_recognised_whatever_their_name(tmp_path: Path) -> None:
    lying = tmp_path / "notes.txt"
    lying.write_bytes((PHOTOS / "DSCN0010.jpg").read_bytes())
    assert sniff_media_type(lying.read_bytes()[:SNIFF_BYTES]) == "image/jpeg"
    heif = (PHOTOS / "samplefilehub.heif").read_bytes()
    assert sniff_media_type(heif[:SNIFF_BYTES]) in ("image/heic", "image/heif")
    fake_photo = tmp_path / "photo.jpg"
    fake_photo.write_text("not a photo at all\n")
    assert sniff_media_type(fake_photo.read_bytes()) == "text/plain"
