"""The one Exif fact we keep: orientation, read from and written as TIFF bytes.

Exif is a small TIFF structure.  Stripping it entirely would turn portrait
photos sideways, so cleaned files get a new Exif block of ~26 bytes that holds
nothing but the Orientation tag.  Both helpers work on the TIFF bytes (after
the ``Exif\\0\\0`` prefix of a JPEG APP1 segment, or a PNG eXIf chunk).
"""

from __future__ import annotations

import struct

ORIENTATION_TAG = 0x0112
_SHORT = 3


def read_orientation(tiff: bytes) -> int | None:
    """Return the Orientation (1-8) from IFD0 of Exif TIFF bytes, or None.

    Malformed data yields None: orientation is a nicety, never a reason to
    reject a file.
    """
    if len(tiff) < 8:
        return None
    if tiff[:4] == b"II*\x00":
        order = "<"
    elif tiff[:4] == b"MM\x00*":
        order = ">"
    else:
        return None
    (ifd_offset,) = struct.unpack(order + "I", tiff[4:8])
    if ifd_offset < 8 or ifd_offset + 2 > len(tiff):
        return None
    (count,) = struct.unpack(order + "H", tiff[ifd_offset : ifd_offset + 2])
    for index in range(count):
        start = ifd_offset + 2 + 12 * index
        entry = tiff[start : start + 12]
        if len(entry) < 12:
            return None
        tag, kind, number = struct.unpack(order + "HHI", entry[:8])
        if tag != ORIENTATION_TAG:
            continue
        if kind != _SHORT or number != 1:
            return None
        (value,) = struct.unpack(order + "H", entry[8:10])
        return value if 1 <= value <= 8 else None
    return None


def orientation_only_tiff(orientation: int) -> bytes:
    """Build Exif TIFF bytes whose only content is IFD0 with Orientation."""
    if not 1 <= orientation <= 8:
        raise ValueError("orientation must be 1..8")
    header = b"MM\x00*" + struct.pack(">I", 8)
    entry = struct.pack(">HHIHH", ORIENTATION_TAG, _SHORT, 1, orientation, 0)
    return header + struct.pack(">H", 1) + entry + struct.pack(">I", 0)
