"""Clean formats we cannot edit losslessly (HEIC/HEIF, AVIF, WebP) by
decoding them and writing a fresh JPEG.

HEIF keeps Exif and XMP in boxes whose layout we would have to rewrite while
keeping offsets consistent; re-encoding is simpler and certain to leave
nothing behind.  The cost is one generation of lossy compression (quality 92)
and the loss of animation; the original stays in the journal with its hash.
"""

from __future__ import annotations

import io

from PIL import ImageOps

from journal.media import MediaError
from journal.media.decode import MAX_DECODE_BYTES, open_image, pillow_errors
from journal.media.imagemeta import to_srgb_rgb
from journal.media.streams import CHUNK_SIZE, CountingReader, HashingWriter
from journal.i18n import _

JPEG_QUALITY = 92


def reencode_as_jpeg(
    reader: CountingReader, out: HashingWriter
) -> tuple[list[str], str | None]:
    """Decode an image from reader (bounded) and write it to out as a clean JPEG.

    Returns (what was removed, warning or None).  Raises MediaError if the
    image cannot be decoded within the limits.
    """
    data = _read_bounded(reader)
    with open_image(data) as image, pillow_errors():
        removed = _describe(image)
        warning = None
        if getattr(image, "n_frames", 1) > 1:
            warning = (
                "Only the first picture of this animated or multi-image file was kept."
            )
        image.load()
        upright = ImageOps.exif_transpose(image)
        clean = to_srgb_rgb(upright)
        buffer = io.BytesIO()
        clean.save(buffer, "JPEG", quality=JPEG_QUALITY)
    out.write(buffer.getvalue())
    return removed, warning


def _read_bounded(reader: CountingReader) -> bytes:
    parts: list[bytes] = []
    size = 0
    while True:
        piece = reader.read(CHUNK_SIZE)
        if not piece:
            return b"".join(parts)
        size += len(piece)
        if size > MAX_DECODE_BYTES:
            raise MediaError(
                _("The file is larger than {max_decode_bytes} MiB and cannot be cleaned.").format(max_decode_bytes=MAX_DECODE_BYTES // (1024 * 1024))
            )
        parts.append(piece)


def _describe(image) -> list[str]:
    removed = []
    if image.info.get("exif"):
        removed.append("Exif (camera, serial numbers, date and time, GPS location)")
    if image.info.get("xmp"):
        removed.append("XMP")
    removed.append("container metadata (re-encoded as JPEG)")
    return removed
