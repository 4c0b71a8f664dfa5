"""Lossless, streaming metadata removal for JPEG files.

A JPEG is a sequence of marker segments followed by entropy-coded scan data.
We copy the segments a decoder needs and the scan data byte for byte, and drop
everything that describes the author: Exif (camera, serial numbers, date, GPS),
XMP, IPTC/Photoshop, comments, maker segments, extra images appended after the
end of the picture.  The picture itself is never re-encoded, so its pixels,
and the evidence they carry, are exactly the original's.

Only segment headers (at most 64 KiB each) are held in memory; scan data flows
through in CHUNK_SIZE pieces.
"""

from __future__ import annotations

import re
import struct

from journal.media import MediaError
from journal.media.streams import CHUNK_SIZE, CountingReader, HashingWriter
from journal.media.tiff import orientation_only_tiff, read_orientation
from journal.i18n import N_, _

SOI, EOI, SOS, TEM, COM = 0xD8, 0xD9, 0xDA, 0x01, 0xFE
APP0, APP1, APP2, APP13, APP14 = 0xE0, 0xE1, 0xE2, 0xED, 0xEE
RST_MARKERS = range(0xD0, 0xD8)

# Segments a decoder needs: frame headers (SOF0-15 except the DHT/JPG/DAC
# codes between them), tables, restart interval, number of lines, hierarchical
# progression and expansion, and the JPEG-LS frame/parameter markers.
_STRUCTURAL = (
    {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
    | {0xC4, 0xCC, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF}
    | {0xF7, 0xF8}
)
_FRAME_HEADERS = {
    0xC0,
    0xC1,
    0xC2,
    0xC3,
    0xC5,
    0xC6,
    0xC7,
    0xC9,
    0xCA,
    0xCB,
    0xCD,
    0xCE,
    0xCF,
    0xF7,
}

# Inside scan data, 0xFF is followed by 0x00 (a stuffed byte) or a restart
# marker.  Any real marker (0xC0-0xFE except RSTn) ends the scan.  Other values
# (0x01-0xBF) are invalid; decoders skip them, and so do we: they are copied
# as part of the scan, which keeps slightly damaged photos usable.
_SCAN_END = re.compile(rb"\xff[\xc0-\xcf\xd8-\xfe]")

_ICC_SIGNATURE = b"ICC_PROFILE\x00"
_ADOBE_SIGNATURE = b"Adobe"
_EXIF_SIGNATURE = b"Exif\x00\x00"
_JFIF_SIGNATURE = b"JFIF\x00"
_XMP_SIGNATURES = (
    b"http://ns.adobe.com/xap/1.0/\x00",
    b"http://ns.adobe.com/xmp/extension/\x00",
)

#: Kept header segments (ICC profiles can reach ~16 MiB) are gathered before
#: being written, so the orientation segment can go first; this bounds them.
MAX_HEADER_BYTES = 32 * 1024 * 1024


def clean_jpeg(reader: CountingReader, out: HashingWriter) -> list[str]:
    """Copy a JPEG from reader to out without metadata; return what was removed.

    Raises MediaError if the file is not a complete, well-formed JPEG (what was
    already written to out must then be discarded by the caller).
    """
    return _JpegCleaner(reader, out).run()


class _JpegCleaner:
    def __init__(self, reader: CountingReader, out: HashingWriter) -> None:
        self._reader = reader
        self._out = out
        self._buf = b""
        self._pos = 0  # read position in _buf
        self._removed: list[str] = []
        self._jfif: bytes | None = None
        self._orientation: int | None = None
        self._header: list[bytes] = []
        self._header_size = 0
        self._seen_frame = False
        self._in_body = False  # True once the first scan started

    # -- input -------------------------------------------------------------
    def _fill(self, size: int) -> bool:
        """Make sure at least size bytes are buffered; False at end of input."""
        if len(self._buf) - self._pos >= size:
            return True
        # Compact only when refilling, so small reads never copy the buffer.
        parts = [self._buf[self._pos :]]
        have = len(parts[0])
        while have < size:
            more = self._reader.read(max(CHUNK_SIZE, size - have))
            if not more:
                break
            parts.append(more)
            have += len(more)
        self._buf = b"".join(parts)
        self._pos = 0
        return have >= size

    def _take(self, size: int, what: str = N_("JPEG file")) -> bytes:
        if not self._fill(size):
            raise MediaError(_("The {what} is truncated.").format(what=_(what)))
        data = self._buf[self._pos : self._pos + size]
        self._pos += size
        return data

    def _read_marker(self) -> int:
        if self._take(1)[0] != 0xFF:
            raise MediaError(_("The JPEG file is damaged (expected a marker)."))
        marker = self._take(1)[0]
        while marker == 0xFF:  # fill bytes before a marker
            marker = self._take(1)[0]
        if marker == 0x00 or (0x02 <= marker <= 0xBF):
            raise MediaError(_("The JPEG file is damaged (invalid marker)."))
        return marker

    def _read_segment_payload(self) -> bytes:
        (length,) = struct.unpack(">H", self._take(2))
        if length < 2:
            raise MediaError(_("The JPEG file is damaged (bad segment length)."))
        return self._take(length - 2)

    # -- output ------------------------------------------------------------
    def _emit(self, data: bytes) -> None:
        if self._in_body:
            self._out.write(data)
            return
        self._header_size += len(data)
        if self._header_size > MAX_HEADER_BYTES:
            raise MediaError(_("The JPEG file has an implausibly large header."))
        self._header.append(data)

    def _emit_segment(self, marker: int, payload: bytes) -> None:
        self._emit(
            bytes((0xFF, marker)) + struct.pack(">H", len(payload) + 2) + payload
        )

    def _note(self, what: str) -> None:
        if what not in self._removed:
            self._removed.append(what)

    def _start_body(self) -> None:
        """Write SOI, JFIF, orientation and the kept header, then stream."""
        self._out.write(b"\xff\xd8")
        if self._jfif is not None:
            self._out.write(
                b"\xff\xe0" + struct.pack(">H", len(self._jfif) + 2) + self._jfif
            )
        if self._orientation is not None and self._orientation != 1:
            exif = _EXIF_SIGNATURE + orientation_only_tiff(self._orientation)
            self._out.write(b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif)
        for part in self._header:
            self._out.write(part)
        self._header = []
        self._in_body = True

    # -- parsing -----------------------------------------------------------
    def run(self) -> list[str]:
        if self._take(2) != b"\xff\xd8":
            raise MediaError(_("The file is not a JPEG image."))
        while True:
            marker = self._read_marker()
            if marker == EOI:
                if not self._in_body:
                    raise MediaError(_("The JPEG file contains no image data."))
                self._out.write(b"\xff\xd9")
                if len(self._buf) > self._pos or self._reader.read(1):
                    self._note("data after the end of the image")
                return self._removed
            if marker == SOI:
                raise MediaError(
                    _("The JPEG file is damaged (image start inside the image).")
                )
            if marker == TEM or marker in RST_MARKERS:
                continue  # stand-alone markers with no meaning outside a scan
            payload = self._read_segment_payload()
            if marker == SOS:
                self._scan(payload)
            else:
                self._segment(marker, payload)

    def _scan(self, header: bytes) -> None:
        if not self._seen_frame:
            raise MediaError(_("The JPEG file is damaged (scan before frame header)."))
        if not self._in_body:
            self._start_body()
        self._emit_segment(SOS, header)
        while True:
            match = _SCAN_END.search(self._buf, self._pos)
            if match:
                self._out.write(self._buf[self._pos : match.start()])
                self._pos = match.start()
                return
            # Keep a trailing 0xFF: it may be the first half of a marker.
            end = len(self._buf)
            if end > self._pos and self._buf[end - 1] == 0xFF:
                end -= 1
            self._out.write(self._buf[self._pos : end])
            self._pos = end
            if not self._fill(len(self._buf) - end + 1):
                raise MediaError(_("The JPEG file is truncated."))

    def _segment(self, marker: int, payload: bytes) -> None:
        if marker in _STRUCTURAL:
            if marker in _FRAME_HEADERS:
                self._seen_frame = True
            self._emit_segment(marker, payload)
        elif marker == APP0:
            self._app0(payload)
        elif marker == APP1:
            if payload.startswith(_EXIF_SIGNATURE):
                if self._orientation is None and not self._in_body:
                    self._orientation = read_orientation(
                        payload[len(_EXIF_SIGNATURE) :]
                    )
                self._note("Exif (camera, serial numbers, date and time, GPS location)")
            elif payload.startswith(_XMP_SIGNATURES):
                self._note("XMP")
            else:
                self._note("other APP1 data")
        elif marker == APP2:
            if payload.startswith(_ICC_SIGNATURE):
                self._emit_segment(
                    marker, payload
                )  # colour profile: needed for true colours
            elif payload.startswith(b"MPF\x00"):
                self._note("MPF (additional images)")
            else:
                self._note("other APP2 data (FlashPix and similar)")
        elif marker == APP13:
            self._note("IPTC / Photoshop")
        elif marker == APP14 and payload.startswith(_ADOBE_SIGNATURE):
            self._emit_segment(
                marker, payload
            )  # colour transform flag: needed to decode
        elif marker == COM:
            self._note("comment")
        elif 0xE0 <= marker <= 0xEF:
            self._note(f"maker data (APP{marker - 0xE0})")
        else:
            self._note("unknown JPEG extension data")

    def _app0(self, payload: bytes) -> None:
        # JFIF: version, density units and density are kept; the optional
        # embedded thumbnail is dropped (it may show an uncropped original).
        if (
            payload.startswith(_JFIF_SIGNATURE)
            and len(payload) >= 14
            and self._jfif is None
        ):
            if payload[12:14] != b"\x00\x00" or len(payload) > 14:
                self._note("JFIF thumbnail")
            if self._in_body:
                return  # a JFIF header among later scans is meaningless
            self._jfif = payload[:12] + b"\x00\x00"
        elif payload.startswith(b"JFXX\x00"):
            self._note("JFIF thumbnail")
        else:
            self._note("maker data (APP0)")


# --- frames of a Motion JPEG video -----------------------------------------------------------
_AVI1_SIGNATURE = b"AVI1"  # field order of interlaced Motion JPEG (FFmpeg decodes by it)


def clean_frame(data: bytes) -> tuple[bytes, bool]:
    """A Motion JPEG frame (a packet of an AVI, MOV or Matroska video) without its metadata
    segments: (frame, removed anything). The frame is returned as it is (the same object)
    when it carries none.

    Cameras that film in Motion JPEG can write an Exif block (model, serial number, date, GPS)
    into every frame. Unlike a photo the frame is edited in place: the segments keep their
    order, the picture data is copied byte for byte, no orientation is added, and the
    ``AVI1`` header and a second field (interlaced video: two images in one packet) stay.
    Kept: frame and scan headers, tables, restart intervals, ``JFIF`` without a thumbnail,
    ``AVI1``, the ICC profile, Adobe's colour transform. Removed: every other APPn segment
    (Exif, XMP, IPTC, MPF, maker data) and comments. Raises MediaError for a damaged frame.
    """
    view = memoryview(data)
    pos, end = 0, len(data)
    kept: list[memoryview] = []
    start = 0  # start of the run of bytes kept as they are
    removed = False
    images = 0
    while pos < end:
        if data[pos] != 0xFF or pos + 1 >= end:
            if images and data.count(b"\x00", pos) == end - pos:
                break  # zero padding after the last image
            raise MediaError(_("The video is damaged (a broken frame); it cannot be cleaned."))
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (SOI, EOI, TEM) or marker in RST_MARKERS:
            pos += 2
            if marker == EOI:
                images += 1
                if data[pos:pos + 2] != b"\xff\xd8":
                    break  # the end of the last image (what follows is padding)
            continue
        if pos + 4 > end:
            raise MediaError(_("The video is damaged (a broken frame); it cannot be cleaned."))
        length = int.from_bytes(data[pos + 2:pos + 4], "big")
        if length < 2 or pos + 2 + length > end:
            raise MediaError(_("The video is damaged (a broken frame); it cannot be cleaned."))
        payload = data[pos + 4:pos + 2 + length]
        following = pos + 2 + length
        if marker == SOS:
            match = _SCAN_END.search(data, following)
            if match is None:
                raise MediaError(_("The video is damaged (a broken frame); it cannot be cleaned."))
            pos = match.start()
            continue
        if _frame_keeps(marker, payload):
            pos = following
            continue
        removed = True
        kept.append(view[start:pos])
        pos = start = following
    if data.count(b"\x00", pos) != end - pos:  # data after the last image (zero padding stays
        removed = True                            # when nothing else goes)
    if not removed:
        return data, False
    kept.append(view[start:pos])
    return b"".join(kept), True


def _frame_keeps(marker: int, payload: bytes) -> bool:
    if marker in _STRUCTURAL:
        return True
    if marker == APP0:
        return payload.startswith(_AVI1_SIGNATURE) or (
            payload.startswith(_JFIF_SIGNATURE) and len(payload) == 14 and payload[12:14] == b"\x00\x00")
    if marker == APP2:
        return payload.startswith(_ICC_SIGNATURE)
    if marker == APP14:
        return payload.startswith(_ADOBE_SIGNATURE)
    return False
