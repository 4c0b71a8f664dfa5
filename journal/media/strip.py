"""Remove identifying metadata from anything that leaves the journal.

``strip_metadata`` streams from a source to a destination and says what it
did.  The original attachment stays, unmodified and encrypted, in the journal
with its SHA-256 (for evidence); this produces the copy that travels.

- JPEG: lossless segment rewrite (scan data copied byte for byte).
- PNG: chunk copy without text, time and Exif chunks.
- HEIC/HEIF/AVIF/WebP: decoded and re-encoded as a clean JPEG.
- Plain text: nothing hidden to remove.
- Anything else: copied unchanged, with a warning saying so.

On MediaError the destination holds partial output and must be discarded;
the caller may then treat the file as opaque (copy it with a warning).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import BinaryIO

from journal.media.jpegclean import clean_jpeg
from journal.media.pngclean import clean_png
from journal.media.reencode import reencode_as_jpeg
from journal.media.streams import (
    CHUNK_SIZE,
    CancelCheck,
    CountingReader,
    HashingWriter,
    ProgressCallback,
)

JPEG_TYPES = {"image/jpeg", "image/jpg", "image/pjpeg"}
PNG_TYPES = {"image/png"}
REENCODED_TYPES = {
    "image/heic",
    "image/heif",
    "image/heic-sequence",
    "image/heif-sequence",
    "image/avif",
    "image/webp",
}
PLAIN_TEXT_TYPES = {"text/plain"}


@dataclass
class StripResult:
    """What strip_metadata wrote.

    cleaned: the output is known to carry no identifying metadata.
    output_media_type: type of what was written (HEIC becomes image/jpeg).
    warning: a sentence for the user when something could not be cleaned or
    was lost, else None.  removed: human names of what was taken out.
    sha256/size: of the written output, for the bundle manifest.
    """

    cleaned: bool
    output_media_type: str
    warning: str | None
    removed: list[str] = field(default_factory=list)
    sha256: str = ""
    size: int = 0


def can_clean(media_type: str) -> bool:
    """True if strip_metadata removes metadata from this type (or it has none)."""
    kind = _normalise(media_type)
    return kind in JPEG_TYPES | PNG_TYPES | REENCODED_TYPES | PLAIN_TEXT_TYPES


def strip_metadata(
    src: BinaryIO,
    dst: BinaryIO,
    media_type: str,
    *,
    total: int = 0,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> StripResult:
    """Copy src to dst without identifying metadata, streaming where the format allows.

    media_type should come from ``sniff_media_type`` (the content), not from a
    file name.  progress(done, total) is called per chunk read (total is the
    given total, 0 if unknown); cancel() returning True raises Cancelled.
    Raises MediaError for a damaged file of a type we clean.
    """
    kind = _normalise(media_type)
    reader = CountingReader(src, total=total, progress=progress, cancel=cancel)
    out = HashingWriter(dst)
    if kind in JPEG_TYPES:
        removed = clean_jpeg(reader, out)
        return _result(True, "image/jpeg", None, removed, out)
    if kind in PNG_TYPES:
        removed = clean_png(reader, out)
        return _result(True, "image/png", None, removed, out)
    if kind in REENCODED_TYPES:
        removed, warning = reencode_as_jpeg(reader, out)
        return _result(True, "image/jpeg", warning, removed, out)
    _copy(reader, out)
    if kind in PLAIN_TEXT_TYPES:
        return _result(True, kind, None, [], out)
    warning = f"Metadata of this file type ({kind or 'unknown'}) is not cleaned; it is sent as it is."
    return _result(False, kind or "application/octet-stream", warning, [], out)


def _normalise(media_type: str) -> str:
    return media_type.split(";", 1)[0].strip().lower()


def _copy(reader: CountingReader, out: HashingWriter) -> None:
    while piece := reader.read(CHUNK_SIZE):
        out.write(piece)


def _result(
    cleaned: bool,
    media_type: str,
    warning: str | None,
    removed: list[str],
    out: HashingWriter,
) -> StripResult:
    return StripResult(cleaned, media_type, warning, removed, out.hexdigest(), out.size)
