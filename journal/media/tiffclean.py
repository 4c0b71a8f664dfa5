"""Clean TIFF images (scans) with Pillow: decode, then write only the picture.

A TIFF's tags sit in directories (IFDs) that point at each other and at the strips of
pixel data; Pillow rebuilds them. The new file holds the pixels (every page of a
multi-page scan), compressed without loss, and only the tags needed to show them the same
way: size, colour model, resolution, orientation, ICC colour profile. Gone: Artist,
Copyright, Make, Model, Software, HostComputer, DateTime, ImageDescription, the Exif and
GPS directories, XMP (700), IPTC (33723), Photoshop (34377) and any private tag.

The pixels are exactly the original's: lossy JPEG-in-TIFF is decoded and stored without
further loss (LZW), so such a file grows. Bounded like every image (journal.media.decode).
"""

from __future__ import annotations

import io

from PIL import ImageSequence

from journal.media import MediaError
from journal.media.decode import MAX_PIXELS, check_pixels, open_image, pillow_errors
from journal.media.reencode import _read_bounded
from journal.media.streams import CountingReader, HashingWriter
from journal.i18n import _

ORIENTATION = 274
_LOSSLESS = {"raw", "tiff_lzw", "tiff_adobe_deflate", "tiff_deflate", "packbits", "group3", "group4"}
_IDENTIFYING = {315: "Artist", 33432: "Copyright", 271: "Make", 272: "Model", 305: "Software",
                316: "HostComputer", 306: "DateTime", 270: "ImageDescription", 34665: "Exif",
                34853: "GPS", 700: "XMP", 33723: "IPTC", 34377: "Photoshop", 269: "DocumentName",
                285: "PageName"}
MAX_PAGES = 1000


def clean_tiff(reader: CountingReader, out: HashingWriter) -> list[str]:
    """Write a clean TIFF of the image read from reader; return what was removed."""
    data = _read_bounded(reader)
    removed: set[str] = set()
    pages = []
    with open_image(data) as image, pillow_errors():
        if image.format != "TIFF":
            raise MediaError(_("The image is not a TIFF file."))
        first_info = None
        total_pixels = 0
        for number, frame in enumerate(ImageSequence.Iterator(image)):
            if number >= MAX_PAGES:
                raise MediaError(_("The TIFF file has too many pages to be cleaned."))
            check_pixels(frame)
            total_pixels += frame.size[0] * frame.size[1]
            if total_pixels > MAX_PIXELS:
                raise MediaError(_("The TIFF file holds more pixels than can be cleaned safely."))
            tags = getattr(frame, "tag_v2", {})
            removed.update(name for tag, name in _IDENTIFYING.items() if tag in tags)
            removed.update("private tags" for tag in tags if tag >= 32768 and tag not in _IDENTIFYING)
            frame.load()
            clean = frame.copy()
            clean.info = {}
            settings = {"compression": frame.info.get("compression", "raw")}
            if settings["compression"] not in _LOSSLESS:
                settings["compression"] = "tiff_lzw"
            if frame.info.get("icc_profile"):
                settings["icc_profile"] = frame.info["icc_profile"]
            if frame.info.get("dpi"):
                settings["dpi"] = frame.info["dpi"]
            tiffinfo = {}
            if tags.get(ORIENTATION) in range(2, 9):
                tiffinfo[ORIENTATION] = tags[ORIENTATION]
            settings["tiffinfo"] = tiffinfo
            if first_info is None:
                first_info = settings
            pages.append((clean, settings))
    buffer = io.BytesIO()
    with pillow_errors():
        first, settings = pages[0]
        if len(pages) == 1:
            first.save(buffer, "TIFF", **settings)
        else:
            first.save(buffer, "TIFF", save_all=True, append_images=[p for p, _s in pages[1:]], **settings)
    out.write(buffer.getvalue())
    return [_("TIFF tags: {names}").format(names=", ".join(sorted(removed)))] if removed else []
