"""Documents written by a real office suite lose their metadata and their photos' Exif: RTF,
EPUB, docx, odt, xlsx, ods; legacy Office is recognised and refused; AVI is cleaned.

The samples were written by LibreOffice (tests/data/documents/README.md).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from PIL import Image

from journal.media import MediaError
from journal.media.sniff import sniff_media_type, sniff_zip_document
from journal.media.strip import can_clean, strip_metadata, uncleaned_risks
from tests.media_samples import SECRETS, assert_nothing_identifying, exiftool_tags, make_docx
from tests.test_media_strip import _mutated

DATA = Path(__file__).parent / "data" / "documents"
TEXT = b"Statement of the witness about the detention"
EPUB = "application/epub+zip"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODP = "application/vnd.oasis.opendocument.presentation"


def clean(data: bytes, media_type: str):
    out = io.BytesIO()
    result = strip_metadata(io.BytesIO(data), out, media_type, total=len(data))
    return result, out.getvalue()


def rtf_pictures(data: bytes) -> list[bytes]:
    return [bytes.fromhex(re.sub(rb"\s", b"", m.group(1)).decode())
            for m in re.finditer(rb"\\jpegblip[^{}]*?\s([0-9a-fA-F\s]{100,})", data)]


def gps_photo() -> bytes:
    """A JPEG with GPS, camera model and artist written by exiftool (or Pillow's Exif)."""
    image = Image.new("RGB", (16, 16), (200, 30, 30))
    exif = Image.Exif()
    exif[0x0110] = "SECRETMODEL"  # Model
    exif[0x013B] = "Ivan Secretname"  # Artist
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


# --- RTF ------------------------------------------------------------------------------------------
def test_rtf_is_sniffed_as_rtf_not_text():
    assert sniff_media_type((DATA / "statement.rtf").read_bytes()[:4096]) == "application/rtf"
    assert can_clean("application/rtf") and can_clean("text/rtf")


@pytest.mark.parametrize("media_type", ["application/rtf", "text/plain"])  # also when recorded as text
def test_rtf_loses_info_authors_generator_and_photo_exif(tmp_path, media_type):
    original = (DATA / "statement.rtf").read_bytes()
    assert b"Secretname" in original and b"\\info" in original and b"\\atnauthor" in original
    assert b"SECRETMODEL" in rtf_pictures(original)[0]
    result, data = clean(original, media_type)
    assert result.cleaned and result.output_media_type == media_type
    assert any("document properties" in r for r in result.removed)
    assert any("authors" in r for r in result.removed)
    assert any("pictures" in r for r in result.removed)
    for secret in SECRETS:
        assert secret not in data
    assert b"{\\info" not in data and b"\\generator" not in data and b"\\rsid" not in data
    assert TEXT in data and b"verify" in data and b" and the release" in data  # comment and change stay
    assert data.count(b"{") - data.count(b"\\{") == data.count(b"}") - data.count(b"\\}")
    (picture,) = rtf_pictures(data)
    assert picture.startswith(b"\xff\xd8") and b"SECRETMODEL" not in picture and b"Exif" not in picture
    with Image.open(io.BytesIO(picture)) as image:
        assert image.size == (32, 24)
    cleaned = tmp_path / "clean.rtf"
    cleaned.write_bytes(data)
    assert_nothing_identifying(cleaned, data)
    if shutil.which("exiftool"):
        photo = tmp_path / "photo.jpg"
        photo.write_bytes(picture)
        assert not {k for k in exiftool_tags(photo) if "GPS" in k or "Model" in k or "Artist" in k}


def test_rtf_cleaning_is_deterministic_and_idempotent():
    original = (DATA / "statement.rtf").read_bytes()
    _r, first = clean(original, "application/rtf")
    _r, second = clean(original, "application/rtf")
    assert first == second
    again, third = clean(first, "application/rtf")
    assert third == first and again.removed == []


def test_rtf_without_metadata_passes_unchanged():
    plain = b"{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\f0 Hello \\{braces\\} and \\'e9\\par\n}"
    result, data = clean(plain, "application/rtf")
    assert data == plain and result.removed == []


def test_rtf_binary_runs_are_copied_without_reading_braces_inside():
    payload = b"}}}{\\info x}"
    binary = b"\\bin" + str(len(payload)).encode() + b" " + payload
    doc = b"{\\rtf1{\\info{\\author Ivan Secretname}}{\\*\\privatedata" + binary + b"}\\par}"
    _result, data = clean(doc, "application/rtf")
    assert b"Secretname" not in data and data == b"{\\rtf1{\\*\\privatedata" + binary + b"}\\par}"
    # Inside a dropped group (an object's data) the run is skipped the same way.
    _result, data = clean(b"{\\rtf1{\\object{\\objdata" + binary + b"}}\\par}", "application/rtf")
    assert data == b"{\\rtf1\\par}"


def test_rtf_objects_become_their_result_and_their_data_goes():
    # An embedded object: an OLE file in hex (here it names the author), then the result
    # readers show: a photo with Exif. A second object has no result at all.
    ole = b"d0cf11e0a1b11ae1" + "Ivan Secretname".encode().hex().encode()
    photo = gps_photo().hex().encode()
    doc = (b"{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\f0 Before "
           b"{\\object\\objemb\\objw100\\objh100{\\*\\objclass Excel.Sheet.12}{\\*\\objdata\n" + ole + b"}"
           b"{\\result {\\pard Shown result{\\pict\\jpegblip\\picw16\\pich16\n" + photo + b"}\\par}}}"
           b" between {\\object\\objemb{\\*\\objdata 0102}} after\\par}")
    result, data = clean(doc, "application/rtf")
    assert any("objects" in r for r in result.removed) and any("pictures" in r for r in result.removed)
    assert b"\\object" not in data and b"objdata" not in data and b"objclass" not in data
    assert ole not in data and b"d0cf11e0" not in data
    assert b"Before {{\\pard Shown result{\\pict" in data and data.endswith(b"}\\par}} between  after\\par}")
    (picture,) = rtf_pictures(data)
    assert b"SECRETMODEL" not in picture and b"Secretname" not in picture
    _r, again = clean(data, "application/rtf")
    assert again == data


def test_rtf_shape_properties_naming_a_path_or_a_signer_go():
    shape = (b"{\\shp{\\*\\shpinst{\\sp{\\sn shapeType}{\\sv 75}}"
             b"{\\sp{\\sn pibName}{\\sv C:\\\\Users\\\\Secretname\\\\photo.jpg}}"
             b"{\\sp\n{\\sn wzSigSetupSuggSignerEmail}{\\sv ivan@example.org}}"
             b"{\\sp{\\sn wzName}{\\sv Picture 1}}}}")
    result, data = clean(b"{\\rtf1 Text " + shape + b"\\par}", "application/rtf")
    assert any("shapes" in r for r in result.removed)
    assert b"Secretname" not in data and b"ivan@" not in data
    assert b"{\\sp{\\sn shapeType}{\\sv 75}}" in data and b"{\\sp{\\sn wzName}{\\sv Picture 1}}" in data


def test_rtf_without_metadata_is_copied_byte_for_byte_across_chunks():
    """Text runs longer than the cleaner's read chunk (1 MiB), a UTF-8 byte order mark, groups
    nested exactly as deep as allowed: all copied as they are (the mutation run's survivors:
    a chunk's plain tail dropped or cut short, the BOM not recognised, the depth limit off by one)."""
    from journal.media.rtf import MAX_DEPTH

    run = b"Statement of the witness about the detention. " * 50_000  # 2.3 MB without a control word
    doc = b"{\\rtf1\\ansi " + run + b"{\\b " + run + b"}" + run + b"\\par}"
    _r, data = clean(doc, "application/rtf")
    assert data == doc
    bom = b"\xef\xbb\xbf{\\rtf1 Hello\\par}"
    _r, data = clean(bom, "application/rtf")
    assert data == bom
    deepest = b"{\\rtf1" + b"{" * (MAX_DEPTH - 1) + b"x" + b"}" * (MAX_DEPTH - 1) + b"}"
    _r, data = clean(deepest, "application/rtf")
    assert data == deepest
    with pytest.raises(MediaError, match="nests"):
        clean(b"{\\rtf1" + b"{" * MAX_DEPTH + b"x" + b"}" * MAX_DEPTH + b"}", "application/rtf")


def _png_with_metadata() -> bytes:
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Author", "Ivan Secretname")
    info.add_text("Comment", "SECRETMODEL at 55.7558 N")
    exif = Image.Exif()
    exif[0x0110] = "SECRETMODEL"
    buffer = io.BytesIO()
    Image.new("RGB", (16, 12), (20, 120, 200)).save(buffer, "PNG", pnginfo=info, exif=exif.tobytes())
    return buffer.getvalue()


def test_rtf_png_pictures_lose_their_metadata():
    """Word stores pasted screenshots as \\pngblip: their text chunks and Exif go too."""
    png = _png_with_metadata()
    assert b"Secretname" in png and b"SECRETMODEL" in png
    doc = (b"{\\rtf1 Before {\\pict\\pngblip\\picw16\\pich12\n" + png.hex().encode() + b"\n} after\\par}")
    result, data = clean(doc, "application/rtf")
    (hexed,) = re.findall(rb"\\pngblip[^{}]*?\s([0-9a-fA-F\s]{100,})", data)
    picture = bytes.fromhex(re.sub(rb"\s", b"", hexed).decode())
    assert picture.startswith(b"\x89PNG") and b"Secretname" not in picture and b"SECRETMODEL" not in picture
    with Image.open(io.BytesIO(picture)) as image:
        assert image.size == (16, 12)
    assert data.startswith(b"{\\rtf1 Before {\\pict\\pngblip\\picw16\\pich12") and data.endswith(b"} after\\par}")
    assert result.removed == ["metadata of embedded pictures"]


@pytest.mark.parametrize("header", [
    b"\\pict\r\n\\jpegblip\t\\picw16 \\pich16\r\n",
    b"\\pict{\\*\\nonshppict {\\x \\} {y}}}\\jpegblip\\picw16\\pich16 ",
    b"\\pict\\picw16{\\*\\other\\{}\n\\jpegblip\\pich16\n",
])
def test_rtf_pictures_are_found_after_white_space_and_unknown_groups_in_their_header(header):
    """The picture's data starts after its control words, white space of every kind and any group
    the cleaner does not know (escaped braces inside it too): the photo is still found and cleaned."""
    doc = b"{\\rtf1 {" + header + gps_photo().hex().encode() + b"}\\par}"
    result, data = clean(doc, "application/rtf")
    (picture,) = rtf_pictures(data)
    assert b"SECRETMODEL" not in picture and b"Secretname" not in picture
    with Image.open(io.BytesIO(picture)) as image:
        assert image.size == (16, 16)
    assert result.removed == ["metadata of embedded pictures"]


def test_rtf_report_names_each_kind_of_metadata_once_in_order():
    """The removed list, exactly: one line per kind found, in a fixed order (what the viewer and
    the export's report show)."""
    doc = (b"{\\rtf1{\\info{\\author Ivan Secretname}}{\\*\\generator Word}{\\*\\template C:\\\\x.dotm}"
           b"{\\*\\revtbl {Unknown;}{Ivan Secretname;}}"
           b"{\\pard\\insrsid123\\charrsid7 text{\\rsidroot99 x}\\revauth1\\revdttm12345 y\\par}"
           b"{\\object\\objemb{\\*\\objdata 0102}{\\result shown}}"
           b"{\\shp{\\*\\shpinst{\\sp{\\sn pibName}{\\sv C:\\\\Users\\\\Secretname\\\\a.jpg}}"
           b"{\\sp{\\sn wzName}{\\sv IMG_2041.JPG}}}}"
           b"{\\pict\\jpegblip\\picw16\\pich16\n" + gps_photo().hex().encode() + b"}}")
    result, data = clean(doc, "application/rtf")
    assert result.removed == [
        "document properties (author, last saved by, company, dates, title)", "the program that wrote it",
        "template path and document variables", "comment and tracked-change authors", "revision ids",
        "metadata of embedded pictures", "embedded objects (each kept as the picture or text shown for it)",
        "drawing shapes' file paths and signers", "picture file names and paths"]
    assert b"{\\*\\revtbl {Unknown;}}" in data and b"Secretname" not in data
    for word in (b"\\insrsid", b"\\charrsid", b"\\rsidroot", b"\\revauth", b"\\revdttm", b"IMG_2041"):
        assert word not in data
    assert b"{\\pard text{x}y\\par}" in data  # \\pard keeps its text: a space ends it where \\insrsid did


def test_rtf_reports_nothing_for_an_unnamed_picture_tag_and_keeps_escapes_before_braces():
    """\\bliptag (a picture's checksum) goes without being called an author; escaped braces and
    backslashes right before a group's end, hex escapes and a \\bin without a length stay as they are."""
    plain = b"{\\rtf1 {\\b C:\\\\}Users \\{x\\} caf\\'e9 {\\i \\}}\\bin more\\par}"
    result, data = clean(plain, "application/rtf")
    assert data == plain and result.removed == []
    tagged = b"{\\rtf1 {\\pict\\jpegblip\\bliptag-12345\\picw16\\pich16\n" + gps_photo().hex().encode() + b"}}"
    result, data = clean(tagged, "application/rtf")
    assert b"bliptag" not in data and result.removed == ["metadata of embedded pictures"]


@pytest.mark.parametrize("doc, expected", [
    (b"{\\rtf1\\pard\\insrsid1 text\\par}", b"{\\rtf1\\pard text\\par}"),
    (b"{\\rtf1\\pard{\\*\\generator x}text\\par}", b"{\\rtf1\\pard text\\par}"),
    (b"{\\rtf1\\fs24\\revauth1 12 apples\\par}", b"{\\rtf1\\fs24 12 apples\\par}"),
    (b"{\\rtf1\\fs24\\insrsid3 -5 degrees\\par}", b"{\\rtf1\\fs24 -5 degrees\\par}"),
    (b"{\\rtf1\\b\\insrsid1  spaced\\par}", b"{\\rtf1\\b  spaced\\par}"),
    (b"{\\rtf1\\pard\\insrsid1\\charrsid2\\par}", b"{\\rtf1\\pard\\par}"),
    (b"{\\rtf1 word\\insrsid1 more\\par}", b"{\\rtf1 wordmore\\par}"),
    (b"{\\rtf1\\pard{\\*\\generator x}{\\b y}\\par}", b"{\\rtf1\\pard{\\b y}\\par}"),
    (b"{\\rtf1\\pard{\\*\\generator x}\\'e9\\par}", b"{\\rtf1\\pard\\'e9\\par}"),
])
def test_rtf_text_after_a_dropped_word_or_group_does_not_run_into_the_word_before(doc, expected):
    """`\\pard\\insrsid1 text` lost "text" once the revision id went: `\\pardtext` is another (unknown)
    control word to a reader, and `\\fs24` + "12" would be font size 2412. A space now ends the word
    before, where the next text would run into it, and only there (LibreOffice: the text reads as before)."""
    _r, data = clean(doc, "application/rtf")
    assert data == expected


def test_rtf_shape_text_is_read_with_its_escapes():
    from journal.media.rtf import _rtf_text

    assert _rtf_text(b"C:\\\\Users\\\\Ivan\\{x\\}") == "C:\\Users\\Ivan{x}"
    assert _rtf_text(b"caf\\'e9 \\u1040?\\u1074 \\u-4000?end") == "café Ав\uf060end"
    assert _rtf_text(b"\\u-70000?x") == "x"  # (not a code point: dropped)
    # Alt text written in \'xx escapes (Word's code page) is text, not a path: it stays.
    written = b"{\\sp{\\sn wzDescription}{\\sv \\'c0\\'e2\\'f2\\'ee\\'e7\\'e0\\'ea}}"
    doc = b"{\\rtf1 {\\shp{\\*\\shpinst" + written + b"}}\\par}"
    result, data = clean(doc, "application/rtf")
    assert written in data and result.removed == []


def test_rtf_pictures_lose_file_names_and_paths_and_keep_written_alt_text():
    """Word names a shape after the inserted picture's file and older Word put the whole path in
    its alt text (wzDescription); alt text someone wrote, Cyrillic in \\u escapes too, stays."""
    picture = (b"{\\shp{\\*\\shpinst{\\sp{\\sn shapeType}{\\sv 75}}"
               b"{\\sp{\\sn wzName}{\\sv IMG_2041.JPG}}"
               b"{\\sp{\\sn wzDescription}{\\sv C:\\\\Users\\\\Secretname\\\\Pictures\\\\IMG_2041.JPG}}"
               b"{\\sp\n{\\sn wzTitle}{\\sv DSCN0010}}}}")
    written = (b"{\\shp{\\*\\shpinst{\\sp{\\sn wzName}{\\sv Picture 2}}"
               b"{\\sp{\\sn wzDescription}{\\sv \\u1040?\\u1074?\\u1090?\\u1086?\\u1079?\\u1072?\\u1082? 14/05}}}}")
    result, data = clean(b"{\\rtf1 Text " + picture + written + b"\\par}", "application/rtf")
    assert b"IMG_2041" not in data and b"Secretname" not in data and b"DSCN0010" not in data
    assert b"{\\sp{\\sn shapeType}{\\sv 75}}" in data
    assert written in data  # "Автозак 14/05": written by someone, kept
    assert "picture file names and paths" in result.removed
    _r, again = clean(data, "application/rtf")
    assert again == data and "picture file names and paths" not in _r.removed


@pytest.mark.parametrize("doc, message", [
    (b"{\\rtf1{\\info{\\author Ivan}}Hello", "truncated"),
    (b"{\\rtf1 Hello}}", "damaged"),
    (b"{\\rtf1" + b"{" * 20_000 + b"}" * 20_000 + b"}", "nests"),
    (b"{\\rtf1{\\pict\\jpegblip zz}}", "damaged"),
    (b"{\\rtf1{\\pict\\jpegblip\\bin4 \xff\xd8\xff\xe0}}", "raw binary"),
    (b"{\\rtf1{\\pict\\jpegblip 0011}}", "damaged"),
    (b"{\\rtf1\\bin999999 abc}", "truncated"),
    (b"Hello, not RTF", "not an RTF"),
])
def test_damaged_and_hostile_rtf_is_refused(doc, message):
    with pytest.raises(MediaError, match=message):
        clean(doc, "application/rtf")


def test_fuzzed_rtf_raises_only_media_error():
    sample = (DATA / "statement.rtf").read_bytes()

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_mutated(sample))
    def check(data):
        try:
            clean(data, "application/rtf")
        except MediaError as error:
            assert str(error)

    check()


# --- EPUB -----------------------------------------------------------------------------------------
def test_epub_is_sniffed_by_its_mimetype_member():
    data = (DATA / "statement.epub").read_bytes()
    assert sniff_media_type(data[:4096]) == "application/zip"
    assert sniff_zip_document(io.BytesIO(data)) == EPUB
    assert can_clean(EPUB)


def test_epub_loses_creator_title_generator_and_photo_exif(tmp_path):
    original = (DATA / "statement.epub").read_bytes()
    assert b"Secretname" in zipfile.ZipFile(io.BytesIO(original)).read("OEBPS/content.opf")
    result, data = clean(original, EPUB)
    assert result.cleaned and result.output_media_type == EPUB
    assert any("document properties" in r for r in result.removed)
    assert any("pictures" in r for r in result.removed)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.infolist()[0].filename == "mimetype"
        assert archive.infolist()[0].compress_type == zipfile.ZIP_STORED
        assert data[30:38] == b"mimetype" and data[38:58] == b"application/epub+zip"
        for info in archive.infolist():
            member = archive.read(info)
            for secret in SECRETS:
                assert secret not in member, (info.filename, secret)
        opf = archive.read("OEBPS/content.opf")
        assert b"<dc:identifier" in opf and b"urn:uuid:" in opf and b"<dc:language>en" in opf
        assert b"generator" not in opf and b"creator" not in opf
        assert TEXT in archive.read("OEBPS/sections/section0001.xhtml")
        photo = archive.read("OEBPS/images/image0001.jpg")
        with Image.open(io.BytesIO(photo)) as image:
            assert image.size == (32, 24) and not image.getexif()
    cleaned = tmp_path / "clean.epub"
    cleaned.write_bytes(data)
    assert_nothing_identifying(cleaned, data)
    _r, again = clean(original, EPUB)
    assert again == data  # deterministic: the identifier is derived, not random


def _epub(extra: dict[str, bytes] | None = None, *, mimetype: bytes = b"application/epub+zip") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", (DATA / "container.xml").read_bytes()
                         if (DATA / "container.xml").exists() else
                         b'<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:'
                         b'xmlns:container"><rootfiles><rootfile full-path="content.opf" '
                         b'media-type="application/oebps-package+xml"/></rootfiles></container>')
        for name, value in (extra or {}).items():
            archive.writestr(name, value)
    return buffer.getvalue()


def test_epub2_pages_with_a_doctype_and_author_meta_are_cleaned():
    page = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" '
            b'"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml"><head>'
            b'<meta name="author" content="Ivan Secretname"/><meta name="viewport" content="width=600"/>'
            b'<title>t</title></head><body><p>Text</p></body></html>')
    opf = (b'<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="id">'
           b'<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">'
           b'<dc:identifier id="id" opf:scheme="UUID">1234</dc:identifier><dc:title>T</dc:title>'
           b'<dc:creator opf:role="aut">Ivan Secretname</dc:creator><dc:date>2024-01-01</dc:date>'
           b'<meta name="cover" content="c"/><meta name="calibre:author_link_map" content="{}"/></metadata>'
           b'<manifest><item id="p" href="p.xhtml" media-type="application/xhtml+xml"/></manifest>'
           b'<spine><itemref idref="p"/></spine></package>')
    ncx = (b'<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><head>'
           b'<meta name="dtb:uid" content="1234"/><meta name="dtb:generator" content="SECRETMODEL"/>'
           b'<meta name="dtb:depth" content="1"/></head><docTitle><text>Ivan Secretname</text></docTitle>'
           b'<docAuthor><text>Ivan Secretname</text></docAuthor><navMap/></ncx>')
    source = _epub({"content.opf": opf, "toc.ncx": ncx, "p.xhtml": page, "iTunesMetadata.plist": b"Secretname"})
    _result, data = clean(source, EPUB)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "iTunesMetadata.plist" not in archive.namelist()
        cleaned_page = archive.read("p.xhtml")
        assert b"<!DOCTYPE html PUBLIC" in cleaned_page and b"viewport" in cleaned_page
        cleaned_opf, cleaned_ncx = archive.read("content.opf"), archive.read("toc.ncx")
        assert b'name="cover"' in cleaned_opf and b"calibre" not in cleaned_opf
        uid = re.search(rb"urn:uuid:[0-9a-f-]+", cleaned_opf).group(0)
        assert uid in cleaned_ncx and b"dtb:depth" in cleaned_ncx  # the NCX names the same book
    for secret in (b"Secretname", b"SECRETMODEL"):
        assert secret not in b"".join(zipfile.ZipFile(io.BytesIO(data)).read(n) for n in
                                      zipfile.ZipFile(io.BytesIO(data)).namelist())


def test_encrypted_epub_and_entities_are_refused():
    with pytest.raises(MediaError, match="encrypted"):
        clean(_epub({"META-INF/encryption.xml": b"<encryption/>"}), EPUB)
    bomb = b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaa">]><package>&a;</package>'
    with pytest.raises(MediaError, match="DTD"):
        clean(_epub({"content.opf": bomb}), EPUB)


def test_zip_bomb_dressed_as_epub_is_refused_before_inflating():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), b"application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", b"<container/>")
        with archive.open("OEBPS/big.xhtml", "w", force_zip64=True) as member:
            block = b"\0" * (1 << 20)
            for _ in range(300):  # 300 MiB of zeros: about 300 KiB compressed
                member.write(block)
    assert sniff_zip_document(io.BytesIO(buffer.getvalue())) == EPUB
    with pytest.raises(MediaError, match="zip bomb"):
        clean(buffer.getvalue(), EPUB)


def test_a_zip_saying_epub_without_a_container_is_not_an_epub():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", b"application/epub+zip")
        archive.writestr("notes.txt", b"Ivan Secretname")
    with pytest.raises(MediaError, match="not an Office"):
        clean(buffer.getvalue(), EPUB)


# --- Office and OpenDocument files written by LibreOffice ------------------------------------------
OFFICE_SAMPLES = [
    ("statement.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"word/media/"),
    ("statement.odt", "application/vnd.oasis.opendocument.text", b"Pictures/"),
    ("detainees.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", None),
    ("detainees.ods", "application/vnd.oasis.opendocument.spreadsheet", None),
    ("briefing.pptx", PPTX, b"ppt/media/"),
    ("briefing.odp", ODP, b"Pictures/"),
]


@pytest.mark.parametrize("name, media_type, pictures", OFFICE_SAMPLES)
def test_office_files_written_by_libreoffice_carry_nothing_identifying(tmp_path, name, media_type, pictures):
    from lxml import etree

    original = (DATA / name).read_bytes()
    assert sniff_zip_document(io.BytesIO(original)) == media_type
    with zipfile.ZipFile(io.BytesIO(original)) as archive:
        assert any(b"Secretname" in archive.read(n) for n in archive.namelist())
    result, data = clean(original, media_type)
    assert result.cleaned and any("authors" in r for r in result.removed)
    if pictures:
        assert any("pictures" in r for r in result.removed)  # the photo's GPS, model, artist
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        for info in archive.infolist():
            member = archive.read(info)
            for secret in SECRETS:
                assert secret not in member, (info.filename, secret)
            if info.filename.endswith((".xml", ".rels")):
                etree.fromstring(member, parser)  # every part still parses
            if pictures and info.filename.encode().startswith(pictures):
                with Image.open(io.BytesIO(member)) as image:
                    assert image.size == (32, 24) and not image.getexif()
        text = b"".join(archive.read(n) for n in archive.namelist() if n.endswith(".xml"))
        assert (TEXT if pictures else b"Detained at the station") in text
    cleaned = tmp_path / f"clean-{name}"
    cleaned.write_bytes(data)
    assert_nothing_identifying(cleaned, data)
    if shutil.which("mat2"):
        shown = subprocess.run(["mat2", "--show", str(cleaned)], capture_output=True, text=True, timeout=120)
        assert "No metadata found" in shown.stdout, shown.stdout


# --- presentations written by LibreOffice Impress -------------------------------------------------
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def _presentation_text(data: bytes) -> dict[str, list[str]]:
    """Every slide's, note's and comment's text, part by part (what a reader of the file sees)."""
    from lxml import etree

    found = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith(("ppt/slides/slide", "ppt/notesSlides/notesSlide", "ppt/comments/")) or \
                    name == "content.xml":
                root = etree.fromstring(archive.read(name))
                found[name] = ["".join(e.itertext()) for e in root.iter(f"{A}t", f"{P}text", f"{TEXT_NS}p")]
    return found


@pytest.mark.parametrize("name, media_type", [("briefing.pptx", PPTX), ("briefing.odp", ODP)])
def test_presentations_keep_slides_notes_comments_and_photo(name, media_type):
    from lxml import etree

    original = (DATA / name).read_bytes()
    _result, data = clean(original, media_type)
    before, after = _presentation_text(original), _presentation_text(data)
    assert after == before  # the same parts, with the same texts in the same order
    text = [t for texts in after.values() for t in texts]
    for expected in (TEXT.decode(), "Detained at the station", "Speaker note: the release", "verify"):
        assert expected in text
    with zipfile.ZipFile(io.BytesIO(original)) as old, zipfile.ZipFile(io.BytesIO(data)) as new:
        pictures = [n for n in old.namelist() if n.startswith(("ppt/media/", "Pictures/"))]
        assert pictures and [n for n in new.namelist() if n.startswith(("ppt/media/", "Pictures/"))] == pictures
        if media_type == PPTX:
            (author,) = etree.fromstring(new.read("ppt/commentAuthors.xml"))
            assert author.get("name") == "" and author.get("initials") == ""  # required: emptied, kept
            assert author.get("id") == "0" and author.get("lastIdx") == "1"
            (comment,) = etree.fromstring(new.read("ppt/comments/comment1.xml"))
            assert comment.get("authorId") == "0" and comment.get("dt") is None
            assert comment.find(f"{P}text").text == "verify"
        else:
            content = new.read("content.xml")
            assert b"annotation" in content and b"<dc:creator" not in content and b"<dc:date" not in content
            assert not [n for n in new.namelist() if n.startswith("Thumbnails/")]


def _impress() -> str | None:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office and (Path(office).resolve().parent / "libslideshowlo.so").exists():
        return office
    return None


@pytest.mark.skipif(_impress() is None,
                    reason="optional check, not in CI: apt-get install libreoffice-impress-nogui")
@pytest.mark.slow
def test_cleaned_presentations_render_the_same_in_libreoffice(tmp_path):
    """The cleaned pptx and odp open in Impress and print the same text and photo as the
    originals (PDF through LibreOffice, then pdftotext and pdfimages)."""
    office = _impress()
    paths = []
    for name, media_type in (("briefing.pptx", PPTX), ("briefing.odp", ODP)):
        _r, data = clean((DATA / name).read_bytes(), media_type)
        for label, content in (("original", (DATA / name).read_bytes()), ("clean", data)):
            path = tmp_path / f"{label}-{name.replace('.', '-')}.{name.rsplit('.', 1)[1]}"
            path.write_bytes(content)
            paths.append(path)
    out = tmp_path / "out"
    subprocess.run([office, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(out), *map(str, paths)], check=True, capture_output=True, timeout=300)
    for stem in ("briefing-pptx", "briefing-odp"):
        texts, images = [], []
        for label in ("original", "clean"):
            pdf = out / f"{label}-{stem}.pdf"
            texts.append(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                        check=True).stdout)
            images.append(len(subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True,
                                             check=True).stdout.splitlines()))
        assert texts[0] == texts[1] and TEXT.decode() in texts[1], stem
        assert images[0] == images[1] == 3, stem  # two header lines and the photo


# --- photos inside Office documents ---------------------------------------------------------------
def test_photos_inside_a_docx_lose_their_exif(tmp_path):
    source = make_docx(tmp_path)
    with_photo = tmp_path / "photo.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(with_photo, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info, old.read(info))
        new.writestr("word/media/image1.jpeg", gps_photo())
    assert b"Secretname" in zipfile.ZipFile(with_photo).read("word/media/image1.jpeg")
    result, data = clean(with_photo.read_bytes(),
                         "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    assert any("pictures" in r for r in result.removed)
    photo = zipfile.ZipFile(io.BytesIO(data)).read("word/media/image1.jpeg")
    assert b"Secretname" not in photo and b"SECRETMODEL" not in photo
    with Image.open(io.BytesIO(photo)) as image:
        assert image.size == (16, 16)


def test_a_damaged_photo_inside_a_document_is_refused(tmp_path):
    source = make_docx(tmp_path)
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(broken, "w") as new:
        for info in old.infolist():
            new.writestr(info, old.read(info))
        new.writestr("word/media/image1.jpeg", gps_photo()[:40])
    with pytest.raises(MediaError, match="picture"):
        clean(broken.read_bytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document")


# --- AVI and legacy Office ------------------------------------------------------------------------
def test_legacy_office_files_are_recognised_and_refused_with_advice():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)
    assert sniff_media_type(ole) == "application/x-ole-storage"
    assert not can_clean("application/x-ole-storage")
    assert ".docx" in uncleaned_risks("application/x-ole-storage")


def test_avi_is_cleaned():
    assert can_clean("video/x-msvideo")


@pytest.mark.skipif(shutil.which("libreoffice") is None and shutil.which("soffice") is None,
                    reason="optional check, not in CI: apt-get install libreoffice-writer-nogui")
@pytest.mark.slow
def test_cleaned_rtf_docx_and_odt_open_in_libreoffice(tmp_path):
    office = shutil.which("libreoffice") or shutil.which("soffice")
    paths = []
    for name, media_type in (("statement.rtf", "application/rtf"), *((n, t) for n, t, _p in OFFICE_SAMPLES[:2])):
        _r, data = clean((DATA / name).read_bytes(), media_type)
        cleaned = tmp_path / f"clean-{name}"
        cleaned.write_bytes(data)
        paths.append(cleaned)
    out = tmp_path / "out"
    subprocess.run([office, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to",
                    "txt:Text", "--outdir", str(out), *map(str, paths)], check=True, capture_output=True, timeout=300)
    for path in paths:
        assert TEXT.decode() in (out / f"{path.stem}.txt").read_text(encoding="utf-8-sig"), path.name
