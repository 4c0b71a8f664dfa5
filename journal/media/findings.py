"""What a file reveals about its author, for every type the journal cleans (not only photos).

``reveals(src, media_type)`` returns human names (translated) of the identifying data a
file carries: "location (GPS position)", "device or software (make, model, encoder)",
"document information (author, …)". The viewer shows them next to the photo metadata of
journal.media.imagemeta, and what cleaning would take out is exactly this list (the
cleaned copy carries none of it: tests/test_media_*.py check the outputs with exiftool
and mat2).

Reading is cheap and bounded: video and audio containers are read up to their index
(PyAV), tagged audio by mutagen, PDFs by pikepdf (document information and catalogue
only). Office documents, RTF, TIFF and GIF are run through their cleaner into a throw-away
encrypted spool, up to FULL_CHECK_LIMIT bytes. Photos are described at import by
imagemeta and are not handled here.
"""

from __future__ import annotations

import io
from typing import BinaryIO

from journal.media import MediaError
from journal.media.streams import TrackedSource
from journal.i18n import _

#: Types described by running their cleaner (bounded by this size).
FULL_CHECK_LIMIT = 64 * 1024 * 1024

# ID3 frame ids and Vorbis comment names, as the tag words describe_tags understands.
_ID3_WORDS = {"TPE1": "artist", "TPE2": "album_artist", "TCOM": "composer", "TCOP": "copyright",
              "COMM": "comment", "TIT2": "title", "TSSE": "encoder", "TENC": "encoded_by",
              "TDRC": "date", "TYER": "date", "APIC": "picture", "TXXX": "comment", "GEOB": "other",
              "PRIV": "other", "TOWN": "owner"}


def reveals(src: BinaryIO, media_type: str, size: int = 0, *, cancel=None) -> list[str]:
    """What the file in src (seekable) reveals; [] when nothing or for photos.

    Raises MediaError when the file cannot be read as its type (it cannot be cleaned
    either, so it would be refused from bundles), Cancelled when cancel() turns true
    (the cleaner-run types poll it; the others read only up to their index). The GUI calls
    this on a worker thread (ui/attachments/ops.read_findings), never on its own.
    """
    from journal.media import strip

    kind = strip._normalise(media_type)
    if kind in strip.AV_TYPES:
        from journal.media.video import describe_tags, frame_metadata, read_av_tags

        found = describe_tags(read_av_tags(TrackedSource(src, total=size), kind))
        if kind.startswith("video/"):
            src.seek(0)
            if frame_metadata(TrackedSource(src, total=size), kind):
                found.append(_("camera data (Exif, XMP, comments) inside the video frames"))
        return found
    if kind in strip.TAGGED_AUDIO_TYPES:
        from journal.media.audio import read_audio_tags
        from journal.media.video import describe_tags

        tags = read_audio_tags(src)
        words = {}
        for key, value in tags.items():
            word = _ID3_WORDS.get(key.split(":", 1)[0], key)
            words[word] = value
        picture = words.pop("picture", None) or words.pop("other", None) and False
        found = describe_tags(words)
        if picture:
            found.append(_("embedded pictures: {count}").format(count=1))
        return found
    if kind in strip.PDF_TYPES:
        from journal.media.pdf import read_pdf_info

        info = read_pdf_info(TrackedSource(src, total=size))
        found = []
        if set(info) & {"Author", "Creator", "Producer", "Title", "Subject", "Keywords",
                        "CreationDate", "ModDate"}:
            found.append(_("document information (author, creator, producer, title, dates)"))
        if "XMP" in info:
            found.append(_("XMP metadata"))
        if "EmbeddedFiles" in info:
            found.append(_("embedded files"))
        if "JavaScript" in info:
            found.append(_("JavaScript"))
        return found
    if kind in strip.OFFICE_TYPES | strip.GIF_TYPES | strip.TIFF_TYPES | strip.RTF_TYPES:
        if size > FULL_CHECK_LIMIT:
            return [_("not checked: the file is too large to be read here")]
        return strip.strip_metadata(src, _Discard(), kind, total=size, cancel=cancel).removed
    return []


class _Discard(io.RawIOBase):
    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        return len(data)


__all__ = ["reveals", "MediaError"]
