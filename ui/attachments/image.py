"""Pictures for the attachment strip and viewer, decoded in memory only.

Attachments are read from the encrypted database through a stream (one chunk
row at a time) and decoded by journal.media.decode (allowed formats, size and
pixel limits, every Pillow error turned into a MediaError). Nothing is written
to disk and no external program sees the bytes. What the viewer shows is
scaled down to DISPLAY_MAX_SIDE, so memory stays bounded whatever the photo.
"""

from __future__ import annotations

from typing import BinaryIO

from PIL import Image, ImageOps
from PySide6.QtGui import QImage, QPixmap

from journal.media import MediaError
from journal.media.decode import open_image, pillow_errors
from journal.media.imagemeta import to_srgb_rgb

#: Longest side of the picture the viewer holds (enough for a 4K screen).
DISPLAY_MAX_SIDE = 3840
#: Formats without reduced-scale decoding are decoded whole first; refuse the
#: huge ones (a 40 MP PNG already costs ~160 MB while it is scaled).
DISPLAY_MAX_FULL_DECODE_PIXELS = 40_000_000


def decode_for_display(stream: BinaryIO, max_side: int = DISPLAY_MAX_SIDE) -> QImage:
    """An upright, sRGB QImage of at most max_side pixels on its longest side.

    Raises MediaError for anything that cannot be shown safely.
    """
    with open_image(stream) as image, pillow_errors():
        if image.format in ("JPEG", "MPO"):
            image.draft("RGB", (max_side, max_side))  # decode at 1/2, 1/4 or 1/8 scale
        elif image.size[0] * image.size[1] > DISPLAY_MAX_FULL_DECODE_PIXELS:
            raise MediaError("This picture is too large to preview. Save a copy to look at it.")
        image.load()
        upright = ImageOps.exif_transpose(image)
        upright.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
        rgb = to_srgb_rgb(upright)
        width, height = rgb.size
        data = rgb.tobytes("raw", "RGB")
    # copy(): the QImage must own its pixels once `data` goes away.
    return QImage(data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()


def thumbnail_pixmap(jpeg: bytes | None) -> QPixmap | None:
    """A pixmap from the stored preview (a small JPEG the app made itself at import)."""
    if not jpeg:
        return None
    image = QImage.fromData(jpeg, "JPEG")
    return None if image.isNull() else QPixmap.fromImage(image)
