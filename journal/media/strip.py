"""Remove identifying metadata from anything that leaves the journal.

``strip_metadata`` streams from a source to a destination and says what it
did.  The original attachment stays, unmodified and encrypted, in the journal
with its SHA-256 (for evidence); this produces the copy that travels.

- JPEG: lossless segment rewrite (scan data copied byte for byte).
- PNG: chunk copy without text, time and Exif chunks.
- GIF: block copy without comments and application extensions.
- TIFF: decoded and rewritten losslessly with only the tags needed to show it.
- HEIC/HEIF/AVIF/WebP: decoded and re-encoded as a clean JPEG.
- Video (MP4, MOV, 3GP, WebM, Matroska, AVI), M4A and WAV: remuxed by PyAV without any
  container or stream metadata, streams copied untouched (journal.media.video).
- MP3, AAC, Ogg, FLAC: tags and pictures removed by mutagen (journal.media.audio).
- PDF: rewritten by pikepdf without metadata, scripts, embedded files, old revisions.
- Office Open XML, OpenDocument and EPUB (zip): properties, authors, revision ids,
  thumbnails and the metadata of embedded JPEG and PNG pictures removed
  (journal.media.office); another zip archive is refused.
- RTF: the \\info group, generator, template path, custom properties, revision ids,
  comment and tracked-change authors removed by a streaming pass (journal.media.rtf);
  embedded JPEG and PNG pictures cleaned too.
- Plain text: nothing hidden to remove (a file recorded as text that is RTF is cleaned as RTF).
- Legacy Office (.doc, .xls, .ppt: OLE2 compound files): refused, like any unknown type.
- Anything else: copied unchanged, with cleaned=False and a warning saying so.

Formats whose libraries seek (video, audio, PDF, Office) need a seekable source. Their
output is written once: straight into dst when dst is an empty regular file (a saved
copy), else into an encrypted Spool (journal.media.spool) that is then copied to dst or,
with ``strip_to_spool``, handed to the caller (the bundle exporter sends it from there).
Memory stays flat whatever the size. Every output is deterministic: the same input gives
the same bytes, which the bundle exporter relies on (it records the hash and size of the
cleaned copy and names it in the manifest before cleaning it again to send it).

On MediaError the destination holds partial output and must be discarded; the
caller refuses the file or, when the person allowed it, sends it as it is.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import BinaryIO, cast

from journal.media.gifclean import clean_gif
from journal.media.jpegclean import clean_jpeg
from journal.media.pngclean import clean_png
from journal.media.reencode import reencode_as_jpeg
from journal.media.streams import (
    CHUNK_SIZE,
    ByteSink,
    CancelCheck,
    CountingReader,
    FileOutput,
    HashingWriter,
    ProgressCallback,
    TrackedSource,
)
from journal.i18n import _

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
#: RTF: the \\info group and other metadata removed by a streaming pass (journal.media.rtf).
RTF_TYPES = {"application/rtf", "text/rtf"}
GIF_TYPES = {"image/gif"}
TIFF_TYPES = {"image/tiff"}
AV_TYPES = {  # remuxed (journal.media.video)
    "video/mp4", "video/quicktime", "video/3gpp", "video/3gpp2", "video/webm",
    "video/x-matroska", "video/x-msvideo", "audio/mp4", "audio/wav",
}
TAGGED_AUDIO_TYPES = {"audio/mpeg", "audio/aac", "audio/ogg", "audio/flac"}  # mutagen
PDF_TYPES = {"application/pdf"}
#: Zip archives: cleaned when they are Office/ODF documents, refused otherwise.
OFFICE_TYPES = {
    "application/zip",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
    "application/epub+zip",
}
#: Types whose cleaner needs a seekable source and writes with seeks (through a spool).
SEEKING_TYPES = AV_TYPES | TAGGED_AUDIO_TYPES | PDF_TYPES | OFFICE_TYPES
CLEANED_TYPES = (JPEG_TYPES | PNG_TYPES | REENCODED_TYPES | PLAIN_TEXT_TYPES | GIF_TYPES | TIFF_TYPES
                 | AV_TYPES | TAGGED_AUDIO_TYPES | PDF_TYPES | OFFICE_TYPES | RTF_TYPES)

#: Folder of the encrypted scratch files (None: the user's cache folder, see spool.py).
SPOOL_DIR: str | None = None


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
    return _normalise(media_type) in CLEANED_TYPES


def cleaned_media_type(media_type: str) -> str | None:
    """The type of the cleaned copy when it is known without cleaning and cleaning never
    warns (everything but the re-encoded types and the unknown ones), else None.

    For these types the recorded SHA-256 and size of a cleaned copy (Attachment.stripped_*)
    describe what strip_metadata will write, so a bundle can name it before cleaning it."""
    kind = _normalise(media_type)
    if kind in JPEG_TYPES:
        return "image/jpeg"
    if kind in CLEANED_TYPES - REENCODED_TYPES:
        return kind
    return None


def strip_metadata(
    src: BinaryIO,
    dst: ByteSink,
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
    Video, audio, PDF and Office files need a seekable src, read from its start; for
    them dst receives nothing until the file has been cleaned whole.
    Raises MediaError for a damaged file of a type we clean.
    """
    kind = _normalise(media_type)
    if kind in SEEKING_TYPES:
        fd = _empty_regular_file(dst)
        if fd is not None:  # a saved copy: written once, in place (no spool to copy from)
            source = TrackedSource(src, total=total, progress=progress, cancel=cancel)
            output = FileOutput(fd)
            removed = _clean_seeking_into(kind, source, output)
            digest, size = _digest_while_syncing(output, fd, source)
            return StripResult(True, kind, None, removed, digest, size)
        out = HashingWriter(dst)
        # Two halves of the progress: cleaning (reading the source), then copying the spool out.
        half = _Halves(progress, total)
        source = TrackedSource(src, total=total, progress=half.first if progress else None, cancel=cancel)
        removed, output_type = _clean_seeking(kind, source, out, half)
        return _result(True, output_type, None, removed, out)
    out = HashingWriter(dst)
    reader = CountingReader(src, total=total, progress=progress, cancel=cancel)
    if kind in JPEG_TYPES:
        removed = clean_jpeg(reader, out)
        return _result(True, "image/jpeg", None, removed, out)
    if kind in PNG_TYPES:
        removed = clean_png(reader, out)
        return _result(True, "image/png", None, removed, out)
    if kind in GIF_TYPES:
        return _result(True, "image/gif", None, clean_gif(reader, out), out)
    if kind in TIFF_TYPES:
        from journal.media.tiffclean import clean_tiff

        return _result(True, "image/tiff", None, clean_tiff(reader, out), out)
    if kind in REENCODED_TYPES:
        removed, warning = reencode_as_jpeg(reader, out)
        return _result(True, "image/jpeg", warning, removed, out)
    if kind in RTF_TYPES:
        from journal.media.rtf import clean_rtf

        return _result(True, kind, None, clean_rtf(reader, out), out)
    if kind in PLAIN_TEXT_TYPES:
        # RTF is text too: a file recorded as plain text before RTF was recognised is still
        # cleaned as RTF (its type stays what was recorded).
        from journal.media.rtf import clean_rtf, is_rtf

        head = reader.read(8)
        prefixed = CountingReader(cast(BinaryIO, _Prefixed(head, src)), total=total, progress=progress,
                                  cancel=cancel)
        prefixed.done = 0
        if is_rtf(head):
            return _result(True, kind, None, clean_rtf(prefixed, out), out)
        _copy(prefixed, out)
        return _result(True, kind, None, [], out)
    _copy(reader, out)
    warning = _("Metadata of this file type ({kind}) is not cleaned; it is sent as it is.").format(
        kind=kind or "application/octet-stream")
    return _result(False, kind or "application/octet-stream", warning, [], out)


def strip_to_spool(
    src: BinaryIO,
    media_type: str,
    *,
    total: int = 0,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
):
    """Clean a file of SEEKING_TYPES once into a new encrypted Spool and return
    (StripResult, spool): the caller reads the cleaned copy from the spool (from its start)
    and closes it. The SHA-256 and size are of the spool's content. Raises MediaError."""
    from journal.media.spool import Spool

    kind = _normalise(media_type)
    if kind not in SEEKING_TYPES:
        raise ValueError(f"{kind} is cleaned streaming, not into a spool")
    source = TrackedSource(src, total=total, progress=progress, cancel=cancel)
    spool = Spool(SPOOL_DIR)
    try:
        removed = _clean_seeking_into(kind, source, spool)
        out = HashingWriter(_Discard())
        _hash_alongside(spool.chunks(source.check_cancel), out)
        spool.seek(0)
    except BaseException:
        spool.close()
        raise
    return _result(True, kind, None, removed, out), spool


def _clean_seeking(kind: str, source: TrackedSource, out: HashingWriter,
                   half: "_Halves | None" = None) -> tuple[list[str], str]:
    """Clean a format whose library reads with seeks, through an encrypted spool."""
    from journal.media.spool import Spool

    with Spool(SPOOL_DIR) as spool:
        removed = _clean_seeking_into(kind, source, spool)
        if half is not None and half.progress is not None:
            size = spool.size
            copied = [0]

            def counted(piece: bytes) -> None:
                out.write(piece)
                copied[0] += len(piece)
                half.second(copied[0], size)

            spool.copy_to(counted, source.check_cancel)
        else:
            spool.copy_to(out.write, source.check_cancel)
    return removed, kind


def _clean_seeking_into(kind: str, source: TrackedSource, output) -> list[str]:
    """Run the cleaner of a seeking type from source into output (readable, writable, seekable)."""
    if kind in AV_TYPES:
        from journal.media.video import clean_av

        return clean_av(source, output, kind)
    if kind in TAGGED_AUDIO_TYPES:
        from journal.media.audio import clean_audio

        source.seek(0)
        while piece := source.read(CHUNK_SIZE):
            output.write(piece)
        return clean_audio(output, kind)
    if kind in PDF_TYPES:
        from journal.media.pdf import clean_pdf

        return clean_pdf(source, output)
    from journal.media.office import clean_office

    return clean_office(source, output)


def _digest_while_syncing(output: FileOutput, fd: int, source: TrackedSource) -> tuple[str, int]:
    """Hash a saved copy from the page cache while the disk finishes writing it: the copy's
    owner (atomic_output) fsyncs it next, and that wait is mostly spent here already, on
    another thread (fsync and hashlib both release the GIL)."""
    import os
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1, thread_name_prefix="copy-sync") as pool:
        synced = pool.submit(os.fsync, fd)
        try:
            return output.digest(source.check_cancel)
        finally:
            try:
                synced.result()
            except OSError:
                pass  # the owner's own fsync reports it


def _hash_alongside(pieces, out: HashingWriter) -> None:
    """Feed pieces to out.write, hashing each on a helper thread while the next one is
    produced (decrypted out of the spool): hashlib releases the GIL, so on two cores the
    read-back costs about the longer of the two instead of their sum. In order, one piece
    ahead at most."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1, thread_name_prefix="spool-hash") as pool:
        pending = None
        try:
            for piece in pieces:
                if pending is not None:
                    pending.result()
                pending = pool.submit(out.write, piece)
        finally:
            if pending is not None:
                pending.result()


class _Halves:
    """Progress of a clean-then-copy: the first half while the source is read, the second
    while the cleaned copy is copied out of the spool (so a GUI bar keeps moving)."""

    def __init__(self, progress: ProgressCallback | None, total: int) -> None:
        self.progress = progress
        self.total = total

    def first(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(done // 2, total)

    def second(self, copied: int, size: int) -> None:
        if self.progress is not None:
            whole = self.total or size
            rest = whole - whole // 2
            self.progress(whole // 2 + (rest * copied // size if size else rest), self.total)


class _Prefixed:
    """Bytes already read, then the rest of a stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def read(self, size: int = -1) -> bytes:
        if self._head:
            if size is None or size < 0 or size >= len(self._head):
                head, self._head = self._head, b""
                return head
            head, self._head = self._head[:size], self._head[size:]
            return head
        return self._rest.read(size)


class _Discard:
    def write(self, data) -> int:
        return len(data)


def _empty_regular_file(dst) -> int | None:
    """The descriptor of dst when it is an empty regular file open for writing at its start
    (a saved copy's temp file), so a seeking cleaner can write into it directly."""
    import os
    import stat

    fileno = getattr(dst, "fileno", None)
    if fileno is None:
        return None
    try:
        fd = fileno()
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size != 0 or dst.tell() != 0:
            return None
        import fcntl  # POSIX only: elsewhere the spool is used

        if fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE != os.O_RDWR:
            return None  # the copy is read back to hash it (atomic_output's files are read-write)
        flush = getattr(dst, "flush", None)
        if flush is not None:
            flush()
    except (OSError, ValueError, AttributeError, ImportError, io.UnsupportedOperation):
        return None
    return fd


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


def uncleaned_risks(media_type: str) -> str:
    """What a file of this type may reveal when it is sent without cleaning (translated)."""
    kind = _normalise(media_type)
    if kind.startswith("video/"):
        return _("the place it was filmed (GPS), the phone's make and model, the author and dates")
    if kind.startswith("audio/"):
        return _("names (artist, author), comments, the recording device and embedded pictures")
    if kind.startswith("image/"):
        return _("the place it was taken (GPS), the camera's make, model and serial number, dates")
    if kind == "application/pdf":
        return _("the author's name, the software used, earlier revisions and embedded files")
    if kind in OFFICE_TYPES | RTF_TYPES:
        return _("author names, comments, tracked changes, folder paths and the metadata of embedded photos")
    if kind == "application/x-ole-storage":
        return _("author names, who saved it last, earlier versions and deleted text (older Word, Excel "
                 "and PowerPoint files cannot be cleaned: save it as .docx, .xlsx, .pptx or PDF and "
                 "attach that instead)")
    return _("names, places, device details or anything else its format can hold")
