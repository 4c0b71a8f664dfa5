"""Opening untrusted images with Pillow inside fixed limits.

Pillow is a large C code base fed with files from strangers.  Everything that
decodes pixels goes through here so the same guarantees hold everywhere:
- only the plugins we need are tried (no EPS, which would run Ghostscript);
- files above MAX_DECODE_BYTES and images above MAX_PIXELS are refused before
  any pixel is decoded, so a "decompression bomb" costs nothing;
- whatever Pillow raises on a hostile file becomes a MediaError.

We do not change Pillow's global ``Image.MAX_IMAGE_PIXELS`` or the process-wide
warning filters (both are shared by every thread); our own pixel check is
stricter than Pillow's error threshold and runs before decoding.
"""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

from PIL import Image

from journal.errors import JournalError
from journal.media import MediaError
from journal.i18n import N_, _

#: Largest image (width x height) we decode: 100 megapixels, more than any
#: phone or consumer camera produces.
MAX_PIXELS = 100_000_000

#: Largest file we hand to an image decoder at all.
MAX_DECODE_BYTES = 256 * 1024 * 1024

#: Pillow format names we accept; everything else is "not an image we read".
#: (Multi-picture JPEGs, "MPO", are opened by the JPEG plugin.)
ALLOWED_FORMATS = ("JPEG", "PNG", "GIF", "WEBP", "HEIF", "AVIF", "BMP", "TIFF")

ImageSource = bytes | bytearray | memoryview | str | os.PathLike | BinaryIO

_heif_lock = threading.Lock()
_heif_registered = False


def ensure_heif_support() -> None:
    """Register pillow-heif's opener once, on first use (not at import time)."""
    global _heif_registered
    with _heif_lock:
        if _heif_registered:
            return
        try:
            import pillow_heif
        except ImportError:  # HEIF simply stays unreadable
            _heif_registered = True
            return
        pillow_heif.register_heif_opener()
        _heif_registered = True


@contextmanager
def pillow_errors(what: str = N_("image")) -> Iterator[None]:
    """Turn anything Pillow (or a plugin) raises on bad data into a MediaError.

    Pillow's plugins raise a zoo of exception types on malformed input
    (OSError, SyntaxError, ValueError, struct.error, IndexError, ...), so we
    catch Exception here; our own JournalErrors pass through unchanged.
    """
    try:
        yield
    except JournalError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        # The warning only arrives here if warning filters turn it into an error.
        raise MediaError(_("The {what} is too large to open safely.").format(what=_(what))) from error
    except MemoryError as error:
        raise MediaError(_("The {what} needs too much memory to open.").format(what=_(what))) from error
    except Exception as error:
        raise MediaError(
            _("The {what} is damaged or not in a supported format.").format(what=_(what))
        ) from error


def source_size(source: ImageSource) -> int:
    """Size in bytes of a path, a bytes object or a seekable binary stream."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return len(source)
    if isinstance(source, (str, os.PathLike)):
        try:
            return os.stat(source).st_size
        except OSError as error:
            raise MediaError(_("The file could not be read.")) from error
    try:
        position = source.tell()
        end = source.seek(0, io.SEEK_END)
        source.seek(position)
        return end - position
    except (OSError, ValueError, AttributeError) as error:
        raise MediaError(
            _("The file could not be read (the stream is not seekable).")
        ) from error


@contextmanager
def open_image(
    source: ImageSource, max_bytes: int = MAX_DECODE_BYTES
) -> Iterator[Image.Image]:
    """Open an untrusted image lazily, enforcing the size and pixel limits.

    The yielded image has only its header parsed; call ``load()`` (inside
    :func:`pillow_errors`) to decode pixels.  A path is opened and closed
    here; a stream is left open for its owner.
    """
    if source_size(source) > max_bytes:
        raise MediaError(
            _("The file is larger than {max_bytes} MiB and is not opened as an image.").format(max_bytes=max_bytes // (1024 * 1024))
        )
    ensure_heif_support()
    if isinstance(source, (bytes, bytearray, memoryview)):
        source = io.BytesIO(source)
    with pillow_errors():
        image = Image.open(source, formats=_available_formats())
    try:
        check_pixels(image)
        yield image
    finally:
        image.close()


def _available_formats() -> list[str]:
    # Image.open raises KeyError for a format whose plugin is not installed
    # (AVIF needs a Pillow built with libavif), so ask only for present ones.
    Image.init()
    return [name for name in ALLOWED_FORMATS if name in Image.OPEN]


def check_pixels(image: Image.Image) -> None:
    """Refuse images whose declared size is absurd, before decoding them."""
    width, height = image.size
    if width <= 0 or height <= 0:
        raise MediaError(_("The image declares no pixels."))
    if width * height > MAX_PIXELS:
        raise MediaError(
            _("The image declares {width}x{height} pixels, more than the {max_pixels} megapixels we open safely.").format(width=width, height=height, max_pixels=MAX_PIXELS // 1_000_000)
        )
