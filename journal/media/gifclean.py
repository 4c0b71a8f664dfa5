"""Lossless, streaming metadata removal for GIF files.

A GIF is a header, a logical screen descriptor with an optional colour table, then a
sequence of blocks: images, extensions, the trailer. Images and graphic control extensions
(frame timing, transparency) are copied byte for byte; comment extensions, XMP and any
other application extension are dropped, except the animation loop count (NETSCAPE2.0 /
ANIMEXTS1.0) and an ICC colour profile (ICCRGBG1). Anything after the trailer goes too.
The pixels are exactly the original's.
"""

from __future__ import annotations

from journal.media import MediaError
from journal.media.streams import CountingReader, HashingWriter
from journal.i18n import N_, _

_KEPT_APPLICATIONS = (b"NETSCAPE2.0", b"ANIMEXTS1.0", b"ICCRGBG1012")
_WHAT = N_("GIF file")


def clean_gif(reader: CountingReader, out: HashingWriter) -> list[str]:
    """Copy a GIF from reader to out without comments and metadata; return what was removed."""
    removed: list[str] = []
    header = reader.read_exact(13, _WHAT)
    if header[:6] not in (b"GIF87a", b"GIF89a"):
        raise MediaError(_("The image is not a GIF file."))
    out.write(header)
    flags = header[10]
    if flags & 0x80:
        out.write(reader.read_exact(3 * (2 << (flags & 0x07)), _WHAT))
    while True:
        introducer = reader.read_exact(1, _WHAT)[0]
        if introducer == 0x3B:
            out.write(b"\x3b")
            if reader.read(1):
                _note(removed, _("data after the end of the image"))
            return removed
        if introducer == 0x2C:
            descriptor = reader.read_exact(9, _WHAT)
            out.write(b"\x2c" + descriptor)
            if descriptor[8] & 0x80:
                out.write(reader.read_exact(3 * (2 << (descriptor[8] & 0x07)), _WHAT))
            out.write(reader.read_exact(1, _WHAT))  # LZW minimum code size
            _sub_blocks(reader, out)
        elif introducer == 0x21:
            label = reader.read_exact(1, _WHAT)[0]
            if label in (0xF9, 0x01):  # graphic control, plain text (visible)
                out.write(bytes((0x21, label)))
                _sub_blocks(reader, out)
            elif label == 0xFF:
                size = reader.read_exact(1, _WHAT)[0]
                ident = reader.read_exact(size, _WHAT)
                if ident in _KEPT_APPLICATIONS:
                    out.write(bytes((0x21, 0xFF, size)) + ident)
                    _sub_blocks(reader, out)
                else:
                    _note(removed, _("XMP") if ident.startswith(b"XMP Data") else _("application data"))
                    _sub_blocks(reader, None)
            else:
                _note(removed, _("comments") if label == 0xFE else _("application data"))
                _sub_blocks(reader, None)
        else:
            raise MediaError(_("The GIF file is damaged (an unknown block)."))


def _sub_blocks(reader: CountingReader, out: HashingWriter | None) -> None:
    while True:
        size = reader.read_exact(1, _WHAT)[0]
        data = reader.read_exact(size, _WHAT) if size else b""
        if out is not None:
            out.write(bytes((size,)) + data)
        if not size:
            return


def _note(removed: list[str], what: str) -> None:
    if what not in removed:
        removed.append(what)
