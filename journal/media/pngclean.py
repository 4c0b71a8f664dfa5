"""Streaming metadata removal for PNG files.

A PNG is a signature and a list of chunks, each with its own CRC.  We copy the
chunks that affect how the picture looks and drop the ones that describe it:
text (author, software, comments, XMP, often a screenshot tool's window
title), modification time, Exif.  Pixel data (IDAT) is copied unchanged, in
CHUNK_SIZE pieces, with every CRC verified.
"""

from __future__ import annotations

import struct
import zlib

from journal.media import MediaError
from journal.media.streams import CHUNK_SIZE, CountingReader, HashingWriter
from journal.media.tiff import orientation_only_tiff, read_orientation
from journal.i18n import _

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# Ancillary chunks that change how the image is shown (colour, transparency,
# physical size, animation); every other ancillary chunk is dropped.
# Critical chunks (upper-case first letter) are always kept: a decoder
# must understand them to draw the image at all.
_KEPT_ANCILLARY = {
    b"tRNS",
    b"cHRM",
    b"gAMA",
    b"iCCP",
    b"sBIT",
    b"sRGB",
    b"cICP",
    b"mDCv",
    b"cLLi",
    b"bKGD",
    b"hIST",
    b"pHYs",
    b"sPLT",
    b"acTL",
    b"fcTL",
    b"fdAT",
}
_NAMES = {
    b"tEXt": "PNG text (author, software, comments)",
    b"zTXt": "PNG text (author, software, comments)",
    b"iTXt": "PNG text (author, software, comments, XMP)",
    b"tIME": "modification time",
    b"eXIf": "Exif (camera, serial numbers, date and time, GPS location)",
}
_MAX_CHUNK = 2**31 - 1
_MAX_EXIF_PARSED = 1024 * 1024


def clean_png(reader: CountingReader, out: HashingWriter) -> list[str]:
    """Copy a PNG from reader to out without metadata; return what was removed.

    Raises MediaError on a truncated file, a bad CRC or a malformed chunk (what
    was already written to out must then be discarded by the caller).
    """
    if reader.read(8) != PNG_SIGNATURE:
        raise MediaError(_("The file is not a PNG image."))
    out.write(PNG_SIGNATURE)
    removed: list[str] = []
    first = True
    while True:
        length, kind = struct.unpack(">I4s", reader.read_exact(8, "PNG file"))
        if length > _MAX_CHUNK or not kind.isalpha():
            raise MediaError(_("The PNG file is damaged (malformed chunk)."))
        if first and kind != b"IHDR":
            raise MediaError(_("The PNG file is damaged (no header chunk)."))
        first = False
        critical = kind[0:1].isupper()
        if kind == b"eXIf" and length <= _MAX_EXIF_PARSED:
            _replace_exif(reader, out, length)
            _note(removed, _NAMES[kind])
        elif critical or kind in _KEPT_ANCILLARY:
            _copy_chunk(reader, out, kind, length)
        else:
            _copy_chunk(reader, None, kind, length)
            _note(
                removed,
                _NAMES.get(kind, "other PNG chunks (" + kind.decode("ascii") + ")"),
            )
        if kind == b"IEND":
            if reader.read(1):
                _note(removed, "data after the end of the image")
            return removed


def _note(removed: list[str], what: str) -> None:
    if what not in removed:
        removed.append(what)


def _copy_chunk(
    reader: CountingReader, out: HashingWriter | None, kind: bytes, length: int
) -> None:
    """Stream one chunk's data to out (or nowhere), verifying its CRC."""
    if out is not None:
        out.write(struct.pack(">I", length) + kind)
    crc = zlib.crc32(kind)
    left = length
    while left:
        piece = reader.read_exact(min(left, CHUNK_SIZE), "PNG file")
        crc = zlib.crc32(piece, crc)
        if out is not None:
            out.write(piece)
        left -= len(piece)
    stored = reader.read_exact(4, "PNG file")
    if struct.unpack(">I", stored)[0] != crc:
        raise MediaError(_("The PNG file is damaged (checksum mismatch)."))
    if out is not None:
        out.write(stored)


def _replace_exif(reader: CountingReader, out: HashingWriter, length: int) -> None:
    """Drop an eXIf chunk, writing an orientation-only one if it rotated the image."""
    data = reader.read_exact(length, "PNG file")
    stored = reader.read_exact(4, "PNG file")
    if struct.unpack(">I", stored)[0] != zlib.crc32(data, zlib.crc32(b"eXIf")):
        raise MediaError(_("The PNG file is damaged (checksum mismatch)."))
    orientation = read_orientation(data)
    if orientation is not None and orientation != 1:
        tiff = orientation_only_tiff(orientation)
        crc = zlib.crc32(tiff, zlib.crc32(b"eXIf"))
        out.write(
            struct.pack(">I", len(tiff)) + b"eXIf" + tiff + struct.pack(">I", crc)
        )
