"""Recognise a file's type from its first bytes (magic numbers), never its name.

A photo renamed ``notes.txt`` or a PDF renamed ``photo.jpg`` must be handled as
what it really is: the type decides which parser touches the bytes and whether
metadata can be cleaned.
"""

from __future__ import annotations

import struct

#: How many leading bytes callers should pass to :func:`sniff_media_type`.
SNIFF_BYTES = 4096

OCTET_STREAM = "application/octet-stream"
#: Legacy Office files (.doc, .xls, .ppt) and other OLE2 compound files: never cleaned.
OLE_STORAGE = "application/x-ole-storage"

# ISO base media file format (MP4/MOV/HEIF) brands, by what they mean for us.
_HEIC_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs"}
_HEIF_BRANDS = {b"mif1", b"msf1", b"mif2"}
_AVIF_BRANDS = {b"avif", b"avis"}
_AUDIO_MP4_BRANDS = {b"M4A ", b"M4B ", b"M4P ", b"F4A ", b"F4B "}
_QUICKTIME_BRANDS = {b"qt  "}
_3GPP_PREFIXES = (b"3gp", b"3gs", b"3ge", b"3gg")
_3GPP2_PREFIXES = (b"3g2",)

# Control characters that do not occur in ordinary text (everything below
# 0x20 except tab, newline, form feed, carriage return, escape) plus DEL.
_BINARY_CONTROL = frozenset(set(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}) | {0x7F}


def sniff_media_type(head: bytes) -> str:
    """Return the MIME type of a file given its first bytes (ideally SNIFF_BYTES).

    Unknown or binary data is ``application/octet-stream``; UTF-8 text without
    binary control characters is ``text/plain``.  The result never depends on
    a file name.
    """
    head = bytes(head[:SNIFF_BYTES])
    if not head:
        return OCTET_STREAM
    for check in _CHECKS:
        found = check(head)
        if found:
            return found
    return OCTET_STREAM


def _images(head: bytes) -> str | None:
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "image/tiff"
    # "BM" alone is too common at the start of text: also require the two
    # reserved 16-bit fields to be zero.
    if head.startswith(b"BM") and len(head) >= 14 and head[6:10] == b"\x00\x00\x00\x00":
        return "image/bmp"
    return None


def _riff(head: bytes) -> str | None:
    if len(head) < 12 or head[:4] != b"RIFF":
        return None
    form = head[8:12]
    return {
        b"WEBP": "image/webp",
        b"WAVE": "audio/wav",
        b"AVI ": "video/x-msvideo",
    }.get(form)


def _iso_bmff(head: bytes) -> str | None:
    """MP4, MOV, M4A, 3GP, HEIC/HEIF, AVIF: an ``ftyp`` box with brands."""
    if len(head) < 12 or head[4:8] != b"ftyp":
        return None
    box_size = struct.unpack(">I", head[:4])[0]
    box_size = max(box_size, 16)
    major = head[8:12]
    compatible = [head[i : i + 4] for i in range(16, min(box_size, len(head)) - 3, 4)]
    brands = [major, *compatible]
    if major in _AVIF_BRANDS:
        return "image/avif"
    if major in _HEIC_BRANDS:
        return "image/heic"
    if major in _HEIF_BRANDS:
        # A generic image-file brand: the compatible brands tell the codec.
        if any(b in _AVIF_BRANDS for b in compatible):
            return "image/avif"
        if any(b in _HEIC_BRANDS for b in compatible):
            return "image/heic"
        return "image/heif"
    if major in _AUDIO_MP4_BRANDS:
        return "audio/mp4"
    if major in _QUICKTIME_BRANDS:
        return "video/quicktime"
    if major.startswith(_3GPP2_PREFIXES):
        return "video/3gpp2"
    if major.startswith(_3GPP_PREFIXES):
        return "video/3gpp"
    if any(b in _HEIC_BRANDS for b in brands):
        return "image/heic"
    return "video/mp4"


def _documents(head: bytes) -> str | None:
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    # docx, xlsx, odt, epub, jar... are all zip containers: sniff_zip_document tells the
    # Office and OpenDocument ones apart from the archive's content (it needs to seek).
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return "application/zip"
    # RTF is text, but its \info group holds the author: never treat it as plain text.
    if head.lstrip(b"\xef\xbb\xbf").startswith(b"{\\rtf"):
        return "application/rtf"
    # An OLE2 compound file: legacy Word, Excel and PowerPoint (.doc, .xls, .ppt), Outlook .msg.
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return OLE_STORAGE
    return None


def _audio_video(head: bytes) -> str | None:
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        # EBML header; the DocType element (0x4282) says "webm" or "matroska".
        return "video/webm" if b"\x42\x82\x84webm" in head[:64] else "video/x-matroska"
    if head.startswith(b"OggS"):
        return "audio/ogg"
    if head.startswith(b"fLaC"):
        return "audio/flac"
    if head.startswith(b"ID3"):
        return "audio/mpeg"
    if len(head) >= 3 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:
        # An MPEG audio frame header (a raw MP3 without ID3 tag) or ADTS AAC.
        layer = (head[1] >> 1) & 0x03
        if layer == 0:
            # Layer bits 00 are reserved in MPEG audio and mean ADTS AAC.
            return "audio/aac"
        bitrate_index = head[2] >> 4
        if bitrate_index != 0x0F:  # 1111 is "bad bitrate": not a frame
            return "audio/mpeg"
    return None


def _text(head: bytes) -> str | None:
    body = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    if any(byte in _BINARY_CONTROL for byte in body):
        return None
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as error:
        # The head may cut a multi-byte character in two: only an error in
        # the last three bytes, caused by an unfinished sequence, is allowed.
        if error.reason != "unexpected end of data" or error.start < len(body) - 3:
            return None
    return "text/plain"


_CHECKS = (_images, _riff, _iso_bmff, _documents, _audio_video, _text)


# --- zip containers: Office Open XML and OpenDocument -----------------------------------------
ZIP = "application/zip"
EPUB = "application/epub+zip"
#: The main part's content type in [Content_Types].xml -> the document's media type.
_OOXML_MAIN = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml":
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml":
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml":
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
#: OpenDocument types, as the archive's first member ``mimetype`` names them.
_ODF_TYPES = {
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
}
_ZIP_MAX_MEMBERS = 10_000
_CONTENT_TYPES_LIMIT = 1024 * 1024  # a real [Content_Types].xml is a few KiB


def sniff_zip_document(stream) -> str:
    """The type of a zip archive (seekable stream) by its content: a Word, Excel or PowerPoint
    document by the main part named in ``[Content_Types].xml``, an OpenDocument text,
    spreadsheet or presentation or an EPUB e-book by its ``mimetype`` member; anything else (or a damaged
    archive) stays ``application/zip``. Reads the central directory and at most those two
    small members (bounded, whatever the archive claims); never a file name."""
    import zipfile
    import zlib

    try:
        with zipfile.ZipFile(stream) as archive:
            infos = archive.infolist()
            if len(infos) > _ZIP_MAX_MEMBERS:
                return ZIP
            names = {info.filename: info for info in infos}
            if "mimetype" in names:
                with archive.open(names["mimetype"]) as member:
                    value = member.read(128).decode("ascii", "replace").strip()
                if value in _ODF_TYPES or value == EPUB:
                    return value
            if "[Content_Types].xml" in names:
                with archive.open(names["[Content_Types].xml"]) as member:
                    data = member.read(_CONTENT_TYPES_LIMIT + 1)
                if len(data) <= _CONTENT_TYPES_LIMIT:
                    return _ooxml_type(data)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, KeyError,
            RuntimeError, NotImplementedError, zlib.error):
        pass
    return ZIP


def _ooxml_type(content_types: bytes) -> str:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(content_types, parser)
    except etree.XMLSyntaxError:
        return ZIP
    if root.getroottree().docinfo.doctype:
        return ZIP
    for element in root.iter("{*}Override"):
        found = _OOXML_MAIN.get(str(element.get("ContentType", "")).strip())
        if found is not None:
            return found
    return ZIP
