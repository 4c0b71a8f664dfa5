"""Clean Office Open XML (docx, xlsx, pptx), OpenDocument (odt, ods, odp) and EPUB files.

All are zip archives of XML parts. The standard zipfile reads them; lxml parses each XML
part with entity resolution, DTD loading and network access turned off, and a part that
declares a DTD at all is refused. Every member is copied in its original order and with
its original compression, with a fixed timestamp and without extra fields or comments.

Removed:
- OOXML: core properties (``dc:creator``, ``cp:lastModifiedBy``, dates, title, subject,
  keywords, …), the company/manager/template of the app properties, all custom properties,
  comment and tracked-change authors, initials and dates (``w:author``/``w:date`` on
  ``w:ins``, ``w:del``, ``w:comment``…), Word's revision ids (``w:rsid*``), the attached
  template's path, the people part (``w15:presenceInfo`` holds e-mail addresses), Excel's
  ``absPath`` (the folder the file was saved in) and ``fileSharing`` user name, comment
  author lists (xlsx, pptx: names, initials, user and provider ids emptied), the time of
  PowerPoint's comments (``dt`` removed; the modern comments' required ``created`` set to
  2000-01-01), the thumbnail (``docProps/thumbnail.*``);
- ODF: everything in ``meta.xml`` (creator, initial creator, dates, editing time and
  cycles, generator, user-defined fields), comment and tracked-change authors and dates,
  printer names and settings, the thumbnail (``Thumbnails/``).
- EPUB: in the package document (``.opf``) every metadata entry but the identifier
  (replaced by one derived from it, so the book keeps a stable identity without the
  original's), the title (emptied: it is required), the language, the modification date
  (set to 2000-01-01) and the cover's reference; the NCX table of contents' title, authors
  and generator; ``author``/``generator``/``description``/``keywords``/``dc.*`` meta tags of
  the XHTML pages; Apple's ``iTunesMetadata.plist`` and calibre's bookmarks. An e-book with
  ``META-INF/encryption.xml`` (DRM or obfuscated fonts, keyed to the identifier) is refused.
- All three: the metadata of embedded JPEG and PNG pictures (Exif with GPS, camera and
  serial numbers, XMP, IPTC, text chunks), removed by the photo cleaners (lossless).
Kept: the text, tables, slides, pictures, styles; the comments' and changes' text.

Hostile archives are refused before anything is inflated: too many members, a declared
size over the limits or an implausible compression ratio; while copying, a member that
inflates past its declared size is refused too.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from typing import BinaryIO

from lxml import etree

from journal.media import MediaError
from journal.media.filenames import FILE_LIKE
from journal.media.streams import CHUNK_SIZE, TrackedSource
from journal.i18n import _

MAX_MEMBERS = 10_000
MAX_TOTAL_BYTES = 4 * 1024 * 1024 * 1024
MAX_XML_BYTES = 48 * 1024 * 1024  # an XML part is parsed in memory (a 1000-page text: ~10 MiB)
MAX_RATIO = 200  # compressed XML reaches 20-50:1; zip bombs reach 1000:1 and more
_RATIO_FLOOR = 1024 * 1024  # small members may compress better; their size is harmless
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
CONFIG = "urn:oasis:names:tc:opendocument:xmlns:config:1.0"
MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
OPF = "http://www.idpf.org/2007/opf"
NCX = "http://www.daisy.org/z3986/2005/ncx/"
EPUB_MIMETYPE = b"application/epub+zip"
_EPUB_DROPPED = {"itunesmetadata.plist", "meta-inf/calibre_bookmarks.txt"}
_HTML_META_NAMES = ("author", "generator", "description", "keywords", "copyright", "creator", "publisher")
_IMAGE_SUFFIXES = (".jpg", ".jpeg", ".jpe", ".jfif", ".png")
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"

# Attributes emptied (some are required by the schemas) or removed (optional ones) wherever
# they occur (local names, any namespace).
_BLANKED_ATTRIBUTES = {"author", "userId", "providerId", "userName", "displayName", "creator"}
_REMOVED_ATTRIBUTES = {"initials", "date", "dateUtc"}
#: Revision ids: Word's w:rsid* and LibreOffice's officeooo:rsid and paragraph-rsid (random per
#: editing session, so they tie together documents edited in the same session).
_RSID = re.compile(r"^rsid|-rsid$")
_PPT_REQUIRED = frozenset({"initials"})  # required by PowerPoint's comment author schemas
_PPT_FIXED_TIME = "2000-01-01T00:00:00.000"
#: Drawing objects' names and alt text: Word's wp:docPr and every format's pic/p/xdr:cNvPr
#: (OOXML), draw:name and the svg:title / svg:desc of a frame (ODF). Word, PowerPoint,
#: LibreOffice and python-docx fill them with the inserted picture's file name ("IMG_2041.jpg",
#: "Moscow-14-May.png"), older Word with its full path (C:\Users\<name>\Pictures\...). A value
#: that is a file name or a path is replaced; alt text someone wrote stays (it is content, and
#: screen readers read it).
_DRAWING_PROPERTIES = {"docPr", "cNvPr"}
_DRAWING_TEXT = ("name", "descr", "title")
_ODF_SVG = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
_ODF_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_ODF_PRINTER_ITEMS = {"PrinterName", "PrinterSetup", "PrinterPaperFromSetup", "CurrentDatabaseDataSource",
                      "CurrentDatabaseCommand", "CurrentDatabaseCommandType"}


class _Parser:
    def __init__(self) -> None:
        self.parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                                      dtd_validation=False, huge_tree=False, remove_blank_text=False)

    def parse(self, data: bytes, name: str, *, html: bool = False):
        try:
            root = etree.fromstring(data, self.parser)
        except etree.XMLSyntaxError as exc:
            raise MediaError(_("A part of the document is not well-formed XML ({name}); it cannot be cleaned.").format(
                name=name)) from exc
        info = root.getroottree().docinfo
        # An e-book's XHTML page may name the XHTML document type (never loaded); nothing
        # may declare its own entities or elements (an internal subset, in brackets).
        external_html = (html and info.doctype.lower().startswith("<!doctype html")
                         and re.search(rb"<!DOCTYPE[^>]*\[", data, re.IGNORECASE) is None)
        if info.doctype and not external_html:
            raise MediaError(_("A part of the document declares a DTD ({name}); it cannot be cleaned.").format(
                name=name))
        return root


def office_kind(source: BinaryIO) -> str | None:
    """'ooxml', 'odf' or None (another zip) for a zip archive; MediaError if it is not one."""
    with _open_zip(source) as archive:
        return _kind(archive)


def clean_office(source: TrackedSource, spool) -> list[str]:
    """Write a cleaned copy of the Office/ODF document in source to spool (seekable).

    Returns what was removed (translated). Raises MediaError for another zip, a damaged
    document or a hostile archive.
    """
    with _open_zip(source) as archive:
        kind = _kind(archive)
        if kind is None:
            raise MediaError(_("This zip archive is not an Office or OpenDocument file; its contents cannot be cleaned."))
        infos = archive.infolist()
        _check_limits(infos)
        cleaner: _Cleaner = {"ooxml": _OoxmlCleaner, "odf": _OdfCleaner, "epub": _EpubCleaner}[kind]()
        if kind == "epub" and any(i.filename == "META-INF/encryption.xml" for i in infos):
            raise MediaError(_("The e-book is encrypted or its fonts are obfuscated; it cannot be cleaned."))
        dropped = {i.filename for i in infos if cleaner.drops(i.filename)}
        if dropped:
            cleaner.note(_("thumbnail") if kind != "epub" else _("reader software's records"))
        parser = _Parser()
        with zipfile.ZipFile(spool, "w", allowZip64=True) as out:
            for info in infos:
                source.check_cancel()
                if info.filename in dropped or info.is_dir():
                    continue
                target = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
                target.compress_type = info.compress_type if info.compress_type in (
                    zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) else zipfile.ZIP_DEFLATED
                target.external_attr = 0o644 << 16
                target.create_system = 3  # "Unix", as mat2 normalises it: the OS is not told
                lower = info.filename.lower()
                if lower.endswith((".xml", ".rels")) or info.filename in ("mimetype",) or cleaner.parses(lower):
                    data = _read_member(archive, info, MAX_XML_BYTES, source)
                    if info.filename != "mimetype" and cleaner.wants(lower, data):
                        html = lower.endswith((".xhtml", ".html", ".htm"))
                        root = parser.parse(data, info.filename, html=html)
                        cleaner.clean(info.filename, root, dropped)
                        if html:  # keep the page's own declaration and document type
                            data = etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8")
                        else:
                            data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
                    out.writestr(target, data)
                elif lower.endswith(_IMAGE_SUFFIXES):
                    data = _read_member(archive, info, MAX_XML_BYTES, source)
                    cleaned = _clean_picture(data, info.filename)
                    if cleaned != data:
                        cleaner.note(_("metadata of embedded pictures"))
                    out.writestr(target, cleaned)
                else:
                    _copy_member(archive, info, out, target, source)
    return cleaner.removed


def _open_zip(source: BinaryIO | TrackedSource) -> zipfile.ZipFile:
    try:
        source.seek(0)
        return zipfile.ZipFile(source)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise MediaError(_("The document is damaged: it is not a valid zip archive.")) from exc


def _kind(archive: zipfile.ZipFile) -> str | None:
    names = set(archive.namelist()[:MAX_MEMBERS + 1])
    if "[Content_Types].xml" in names:
        return "ooxml"
    if "mimetype" in names and "META-INF/container.xml" in names:
        try:
            with archive.open("mimetype") as member:
                if member.read(64).strip() == EPUB_MIMETYPE:
                    return "epub"
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise MediaError(_("The document is damaged: a part of it cannot be read ({name}).").format(
                name="mimetype")) from exc
    if "mimetype" in names and "META-INF/manifest.xml" in names:
        return "odf"
    return None


def _clean_picture(data: bytes, name: str) -> bytes:
    """A JPEG or PNG part without its metadata (lossless); other bytes as they are."""
    import io

    from journal.media.streams import CountingReader, HashingWriter

    if data[:3] == b"\xff\xd8\xff":
        from journal.media.jpegclean import clean_jpeg as clean
    elif data[:8] == b"\x89PNG\r\n\x1a\n":
        from journal.media.pngclean import clean_png as clean
    else:
        return data
    out = io.BytesIO()
    try:
        clean(CountingReader(io.BytesIO(data), total=len(data)), HashingWriter(out))
    except MediaError as exc:
        raise MediaError(_("A picture in the document is damaged ({name}); it cannot be cleaned.").format(
            name=name)) from exc
    return out.getvalue()


def _check_limits(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise MediaError(_("The document has too many parts ({count}); it looks like a zip bomb and was refused.").format(
            count=len(infos)))
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise MediaError(_("A part of the document expands more than {ratio} times; it looks like a zip bomb and was refused.").format(
                ratio=MAX_RATIO))
        if info.flag_bits & 0x1:
            raise MediaError(_("The document is encrypted; it cannot be cleaned."))
    if total > MAX_TOTAL_BYTES:
        raise MediaError(_("The document would expand to more than {gib} GiB; it looks like a zip bomb and was refused.").format(
            gib=MAX_TOTAL_BYTES // (1024 ** 3)))


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, source: TrackedSource) -> bytes:
    if info.file_size > limit:
        raise MediaError(_("A part of the document is too large to be cleaned ({name}).").format(name=info.filename))
    parts = []
    size = 0
    try:
        with archive.open(info) as member:
            while piece := member.read(CHUNK_SIZE):
                size += len(piece)
                if size > info.file_size or size > limit:
                    raise MediaError(_("A part of the document is larger than it declares; it was refused ({name}).").format(
                        name=info.filename))
                parts.append(piece)
                source.check_cancel()
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as exc:  # CRC, truncated data
        raise MediaError(_("The document is damaged: a part of it cannot be read ({name}).").format(
            name=info.filename)) from exc
    return b"".join(parts)


def _copy_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, out: zipfile.ZipFile,
                 target: zipfile.ZipInfo, source: TrackedSource) -> None:
    size = 0
    try:
        with archive.open(info) as member, out.open(target, "w", force_zip64=info.file_size > 2**31) as dst:
            while piece := member.read(CHUNK_SIZE):
                size += len(piece)
                if size > info.file_size:
                    raise MediaError(_("A part of the document is larger than it declares; it was refused ({name}).").format(
                        name=info.filename))
                dst.write(piece)
                source.check_cancel()
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as exc:
        raise MediaError(_("The document is damaged: a part of it cannot be read ({name}).").format(
            name=info.filename)) from exc


def _local(name) -> str:
    return etree.QName(name).localname if isinstance(name, str) and name.startswith("{") else str(name)


class _Cleaner:
    def __init__(self) -> None:
        self.removed: list[str] = []
        self._frames = 0  # frames renamed by strip_picture_file_names

    def note(self, text: str) -> None:
        if text not in self.removed:
            self.removed.append(text)

    def drops(self, name: str) -> bool:
        return False

    def parses(self, lower_name: str) -> bool:
        """Parts parsed besides .xml and .rels (the e-book's)."""
        return False

    def wants(self, lower_name: str, data: bytes) -> bool:
        """Whether a part read as XML needs parsing and rewriting at all."""
        return True

    def clean(self, name: str, root, dropped: set[str]) -> None:
        raise NotImplementedError

    def strip_personal_attributes(self, root, *, rsid: bool,
                                  keep_blank: frozenset[str] = frozenset()) -> None:
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            for attribute in list(element.attrib):
                local = _local(attribute)
                if local in _BLANKED_ATTRIBUTES or local in keep_blank:
                    if element.attrib[attribute]:
                        self.note(_("comment and tracked-change authors"))
                    element.attrib[attribute] = ""
                elif local in _REMOVED_ATTRIBUTES:
                    del element.attrib[attribute]
                elif rsid and _RSID.search(local):
                    self.note(_("revision ids"))
                    del element.attrib[attribute]

    def strip_picture_file_names(self, root) -> None:
        """File names and paths in drawing objects' names and alt text (_DRAWING_PROPERTIES)."""
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            local = _local(element.tag)
            if local in _DRAWING_PROPERTIES:
                for attribute in _DRAWING_TEXT:
                    value = element.get(attribute)
                    if value and FILE_LIKE.search(value.strip()):
                        self.note(_("picture file names and paths"))
                        if attribute == "name":  # required by the schema: a neutral one instead
                            element.set(attribute, f"Picture {element.get('id', '')}".strip())
                        else:
                            del element.attrib[attribute]
            elif element.tag in (f"{{{_ODF_SVG}}}title", f"{{{_ODF_SVG}}}desc"):
                text = "".join(element.itertext()).strip()
                if text and FILE_LIKE.search(text):
                    self.note(_("picture file names and paths"))
                    element.getparent().remove(element)
            elif element.tag == f"{{{_ODF_DRAW}}}frame":
                # Only a frame's name: styles refer to fill images and gradients by theirs.
                name = element.get(f"{{{_ODF_DRAW}}}name")
                if name and FILE_LIKE.search(name.strip()):
                    self.note(_("picture file names and paths"))
                    self._frames += 1
                    element.set(f"{{{_ODF_DRAW}}}name", f"Image{self._frames}")  # unique, as Writer wants


class _OoxmlCleaner(_Cleaner):
    def drops(self, name: str) -> bool:
        return name.lower().startswith("docprops/thumbnail")

    def clean(self, name: str, root, dropped: set[str]) -> None:
        lower = name.lower()
        if lower == "docprops/core.xml":
            if len(root):
                self.note(_("document properties (author, last modified by, dates, title)"))
            for child in list(root):
                root.remove(child)
            return
        if lower == "docprops/app.xml":
            # Company, manager, template path, editing time, application and version; the
            # statistics (pages, words) go too: Office recomputes them, nothing needs them.
            if any(_local(child.tag) in ("Company", "Manager", "Template") for child in root):
                self.note(_("company, manager and template"))
            for child in list(root):
                root.remove(child)
            return
        if lower == "docprops/custom.xml":
            if len(root):
                self.note(_("custom properties"))
            for child in list(root):
                root.remove(child)
            return
        if lower == "[content_types].xml" or lower.endswith(".rels"):
            self._drop_references(root, dropped)
            return
        if lower.endswith("settings.xml") and lower.startswith("word/"):
            for element in list(root):
                if _local(element.tag) in ("rsids", "attachedTemplate", "docVars"):
                    self.note(_("revision ids") if _local(element.tag) == "rsids"
                              else _("template path and document variables"))
                    root.remove(element)
        if lower.startswith("xl/"):
            for element in list(root.iter()):
                if not isinstance(element.tag, str):
                    continue
                local = _local(element.tag)
                if local == "absPath" or local == "fileSharing":
                    self.note(_("the folder the file was saved in"))
                    parent = element.getparent()
                    if parent is not None:
                        parent.remove(element)
                elif local == "author" and element.getparent() is not None and \
                        _local(element.getparent().tag) == "authors":
                    element.text = ""
                    self.note(_("comment and tracked-change authors"))
        keep_blank: frozenset[str] = frozenset()
        if lower.startswith("ppt/") and ("commentauthors" in lower or lower.endswith("authors.xml")):
            for element in root.iter():
                if isinstance(element.tag, str) and "name" in element.attrib:
                    element.attrib["name"] = ""
                    self.note(_("comment and tracked-change authors"))
            keep_blank = _PPT_REQUIRED  # emptied, not removed: PowerPoint requires them
        if lower.startswith("ppt/comments/"):
            # A comment's time: optional ``dt`` (removed) on the classic comments, required
            # ``created`` (set to a fixed time) on the modern ones and their replies.
            for element in root.iter():
                if not isinstance(element.tag, str):
                    continue
                if "dt" in element.attrib:
                    del element.attrib["dt"]
                if "created" in element.attrib:
                    element.attrib["created"] = _PPT_FIXED_TIME
        for element in list(root.iter()):
            if isinstance(element.tag, str) and _local(element.tag) == "presenceInfo":
                self.note(_("comment and tracked-change authors"))
                element.getparent().remove(element)
        self.strip_personal_attributes(root, rsid=lower.startswith("word/"), keep_blank=keep_blank)
        self.strip_picture_file_names(root)

    def _drop_references(self, root, dropped: set[str]) -> None:
        for element in list(root):
            if not isinstance(element.tag, str):
                continue  # a comment or processing instruction (its get() ignores the default)
            target = element.get("PartName") or element.get("Target") or ""
            if target.lstrip("/") in dropped:  # "/docProps/thumbnail.jpeg" or "docProps/thumbnail.jpeg"
                root.remove(element)
            elif element.get("Type", "").endswith("/attachedTemplate"):
                # The template's path is in the author's own folder (C:\Users\<name>\...).
                self.note(_("template path and document variables"))
                root.remove(element)


class _OdfCleaner(_Cleaner):
    def drops(self, name: str) -> bool:
        return name.startswith("Thumbnails/")

    def clean(self, name: str, root, dropped: set[str]) -> None:
        if name == "meta.xml":
            meta = root.find(f"{{{OFFICE}}}meta")
            if meta is not None and len(meta):
                self.note(_("document properties (creator, dates, editing time, generator)"))
                for child in list(meta):
                    meta.remove(child)
            return
        if name == "META-INF/manifest.xml":
            for entry in list(root):
                if isinstance(entry.tag, str) and entry.get(f"{{{MANIFEST}}}full-path", "").startswith("Thumbnails/"):
                    root.remove(entry)
            return
        if name == "settings.xml":
            for element in list(root.iter(f"{{{CONFIG}}}config-item")):
                if element.get(f"{{{CONFIG}}}name") in _ODF_PRINTER_ITEMS:
                    self.note(_("printer name and settings"))
                    element.getparent().remove(element)
            return
        # Comments (office:annotation) and tracked changes (office:change-info) carry
        # dc:creator and dc:date elements.
        for element in list(root.iter(f"{{{DC}}}creator", f"{{{DC}}}date", f"{{{META}}}creator-initials")):
            self.note(_("comment and tracked-change authors"))
            element.getparent().remove(element)
        self.strip_personal_attributes(root, rsid=True)
        self.strip_picture_file_names(root)


class _EpubCleaner(_Cleaner):
    def __init__(self) -> None:
        super().__init__()
        self.identifier: str | None = None

    def drops(self, name: str) -> bool:
        return name.lower() in _EPUB_DROPPED

    def parses(self, lower_name: str) -> bool:
        return lower_name.endswith((".opf", ".ncx", ".xhtml", ".html", ".htm"))

    def wants(self, lower_name: str, data: bytes) -> bool:
        if lower_name.endswith((".xhtml", ".html", ".htm")):
            # Pages are rewritten only when they hold meta tags (most hold none): an XHTML 1.1
            # page using &nbsp; and friends cannot be parsed without its DTD.
            return b"<meta" in data.lower()
        return True

    def _new_identifier(self, old: str) -> str:
        import hashlib
        import uuid

        if self.identifier is None:
            digest = hashlib.sha256(b"incident-journal epub identifier\0" + old.encode("utf-8")).digest()
            self.identifier = "urn:uuid:" + str(uuid.UUID(bytes=digest[:16], version=4))
        return self.identifier

    def clean(self, name: str, root, dropped: set[str]) -> None:
        lower = name.lower()
        if lower.endswith(".opf"):
            self._clean_package(root, dropped)
        elif lower.endswith(".ncx"):
            self._clean_ncx(root)
        elif lower.endswith((".xhtml", ".html", ".htm")):
            for element in list(root.iter()):
                if not isinstance(element.tag, str) or _local(element.tag) != "meta":
                    continue
                meta_name = str(element.get("name", "")).lower()
                if meta_name == "viewport":
                    continue  # a fixed-layout page's size
                if meta_name.startswith(("dc.", "dcterms.")) or meta_name in _HTML_META_NAMES:
                    self.note(_("document properties (creator, dates, editing time, generator)"))
                # The rest (http-equiv content types, robots...) goes too: an XHTML page's
                # encoding is its XML declaration's.
                element.getparent().remove(element)

    def _clean_package(self, root, dropped: set[str]) -> None:
        unique = root.get("unique-identifier")
        metadata = root.find(f"{{{OPF}}}metadata")
        if metadata is not None:
            for element in list(metadata):
                if not isinstance(element.tag, str):
                    metadata.remove(element)
                    continue
                local = _local(element.tag)
                namespace = etree.QName(element.tag).namespace
                if namespace == DC and local == "identifier" and element.get("id") == unique:
                    element.text = self._new_identifier(element.text or "")
                    for attribute in list(element.attrib):
                        if attribute != "id":
                            del element.attrib[attribute]
                elif namespace == DC and local == "title":
                    if (element.text or "").strip():
                        self.note(_("title"))
                    element.text = ""
                    for attribute in list(element.attrib):
                        if attribute != "id":
                            del element.attrib[attribute]
                elif namespace == DC and local == "language":
                    continue
                elif local == "meta" and element.get("property") == "dcterms:modified":
                    element.text = "2000-01-01T00:00:00Z"
                    for attribute in list(element.attrib):
                        if attribute not in ("property", "id"):
                            del element.attrib[attribute]
                elif local == "meta" and element.get("name") == "cover":
                    continue
                else:
                    self.note(_("document properties (creator, dates, editing time, generator)"))
                    metadata.remove(element)
        manifest = root.find(f"{{{OPF}}}manifest")
        if manifest is not None:
            for item in list(manifest):
                if isinstance(item.tag, str) and str(item.get("href", "")).lower() in _EPUB_DROPPED:
                    manifest.remove(item)

    def _clean_ncx(self, root) -> None:
        head = root.find(f"{{{NCX}}}head")
        if head is not None:
            for meta in list(head):
                meta_name = str(meta.get("name", ""))
                if meta_name == "dtb:uid":
                    meta.set("content", self._new_identifier(str(meta.get("content", ""))))
                elif meta_name not in ("dtb:depth", "dtb:totalPageCount", "dtb:maxPageNumber"):
                    head.remove(meta)
        for element in list(root):
            if not isinstance(element.tag, str):
                continue
            local = _local(element.tag)
            if local == "docAuthor":
                self.note(_("document properties (creator, dates, editing time, generator)"))
                root.remove(element)
            elif local == "docTitle":
                for text in element.iter(f"{{{NCX}}}text"):
                    if (text.text or "").strip():
                        self.note(_("title"))
                    text.text = ""
