"""Media layer: recognising, describing, thumbnailing and cleaning attachments.

Everything here works on bytes and binary streams and never touches the
database, so it can be tested (and fuzzed) on its own.  The modules:

- ``sniff``      MIME type from the first bytes of a file, never from its name.
- ``decode``     bounded opening of untrusted images with Pillow.
- ``imagemeta``  what a photo says about its author (GPS, camera, serials) + thumbnails.
- ``strip``      metadata removal for anything that leaves the journal; it calls
  ``jpegclean``, ``pngclean``, ``gifclean``, ``tiffclean``, ``reencode`` (HEIC/WebP),
  ``video`` (PyAV remux: MP4/MOV/3GP/WebM/Matroska, M4A, WAV), ``audio`` (mutagen: MP3,
  AAC, Ogg, FLAC), ``pdf`` (pikepdf), ``office`` (zipfile + lxml: docx/xlsx/pptx/odt/ods).
- ``spool``      the encrypted, seekable scratch file those libraries write through.
- ``findings``   what a video, recording or document reveals (the viewer shows it).
"""

from journal.errors import JournalError


class MediaError(JournalError):
    """A file could not be read as the media type it claims to be.

    Raised for corrupt, truncated, oversized or hostile files; str(error) is a
    sentence for the user and never contains file content.
    """


__all__ = ["MediaError"]
