"""What the Office and OpenDocument cleaner (journal/media/office.py) removes, from its mutation
run (docs/testing.md): personal attributes after an XML comment, and LibreOffice's revision ids."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from lxml import etree

from journal.media.strip import strip_metadata
from tests.media_samples import (APP_XML, COMMENTS_XML, CONTENT_TYPES, DOCUMENT_XML, NAME, ODT_CONTENT, SETTINGS_XML, make_docx,
                                 make_odt)

ODT = "application/vnd.oasis.opendocument.text"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _with_parts(path, parts: dict[str, str], add: dict[str, str] | None = None) -> bytes:
    """The zip at ``path`` with the named parts' content replaced, and the ``add`` parts added."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info, parts.get(info.filename, old.read(info)))
        for name, data in (add or {}).items():
            new.writestr(name, data)
    return out.getvalue()


def _package(parts: dict[str, str]) -> bytes:
    """A zip of Office parts after the content types (a package no suite wrote: just these parts)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _clean(data: bytes, media_type: str):
    out = io.BytesIO()
    result = strip_metadata(io.BytesIO(data), out, media_type, total=len(data))
    return result, zipfile.ZipFile(io.BytesIO(out.getvalue()))


def test_authors_after_an_xml_comment_or_instruction_are_still_removed(tmp_path):
    """Comments and processing instructions are nodes too: the walk over a part's elements passes
    them and goes on to the authors after them."""
    comments = COMMENTS_XML.replace("<w:comment ", "<!-- saved by Word --><?mso-hint x?><w:comment ", 1)
    data = _with_parts(make_docx(tmp_path), {"word/comments.xml": comments})
    result, cleaned = _clean(data, DOCX)
    part = cleaned.read("word/comments.xml")
    assert b"<!-- saved by Word -->" in part  # the comment is kept, only what follows it is cleaned
    assert NAME.encode() not in part and b"w:initials" not in part and b"w:date" not in part
    assert b'w:author=""' in part  # emptied, not removed (docs/media.md)
    assert "comment and tracked-change authors" in result.removed


def test_odt_loses_libreoffice_revision_ids(tmp_path):
    """LibreOffice's officeooo:rsid and paragraph-rsid are random per editing session, as Word's
    w:rsid* are: both tie together documents edited in the same session."""
    office_ooo = 'xmlns:officeooo="http://openoffice.org/2009/office"'
    styles = ('<office:automatic-styles><style:style style:name="P1" style:family="paragraph">'
              '<style:paragraph-properties/><style:text-properties officeooo:rsid="0012ab34" '
              'officeooo:paragraph-rsid="0012ab35"/></style:style></office:automatic-styles>')
    content = (ODT_CONTENT.replace('office:version="1.3">', f'{office_ooo} '
                                   'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
                                   f'office:version="1.3">{styles}', 1))
    assert content.count("rsid=") == 2
    result, cleaned = _clean(_with_parts(make_odt(tmp_path), {"content.xml": content}), ODT)
    part = cleaned.read("content.xml")
    assert b"rsid" not in part and b"0012ab3" not in part, part[:600]
    assert b'style:name="P1"' in part  # the style itself stays
    assert "revision ids" in result.removed


@pytest.mark.parametrize("property_", ["Company", "Manager", "Template", None])
def test_the_report_names_company_manager_and_template_only_when_one_was_there(tmp_path, property_):
    """All app properties go; the removed list says "company, manager and template" when one of
    them was among them (the statistics alone are not worth a word)."""
    extra = f"<{property_}>{NAME}</{property_}>" if property_ else ""
    app = APP_XML.split("<Application>")[0] + f"<Application>Word</Application>{extra}<Pages>1</Pages></Properties>"
    result, cleaned = _clean(_with_parts(make_docx(tmp_path), {"docProps/app.xml": app}), DOCX)
    assert ("company, manager and template" in result.removed) == (property_ is not None), result.removed
    assert b"<Pages>" not in cleaned.read("docProps/app.xml")


def test_word_settings_lose_the_template_reference_and_document_variables(tmp_path):
    """The template's relationship goes, and so does the setting that points to it; document
    variables (w:docVars, often a client's or author's name set by a macro) go whole."""
    settings = SETTINGS_XML.replace("<w:rsids>", f'<w:docVars><w:docVar w:name="Client" w:val="{NAME}"/>'
                                                 "</w:docVars><w:rsids>", 1)
    # An Override for the thumbnail, as some writers put in [Content_Types].xml instead of a Default.
    types = CONTENT_TYPES.replace("</Types>", '<Override PartName="/docProps/thumbnail.jpeg" '
                                              'ContentType="image/jpeg"/></Types>', 1)
    result, cleaned = _clean(_with_parts(make_docx(tmp_path), {"word/settings.xml": settings,
                                                               "[Content_Types].xml": types}), DOCX)
    part = cleaned.read("word/settings.xml")
    assert b"attachedTemplate" not in part and b"docVar" not in part and NAME.encode() not in part
    assert b"rsid" not in part
    assert "template path and document variables" in result.removed
    # The dropped thumbnail is named nowhere: a package must not declare a part it does not have.
    assert "docProps/thumbnail.jpeg" not in cleaned.namelist()
    assert b"thumbnail" not in cleaned.read("[Content_Types].xml")
    assert b"thumbnail" not in cleaned.read("_rels/.rels")
    # ...and every other part stays declared and related (a package without them does not open).
    with zipfile.ZipFile(make_docx(tmp_path)) as original:
        for name in ("[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels"):
            before = [dict(e.attrib) for e in etree.fromstring(original.read(name) if name != "[Content_Types].xml"
                                                               else types.encode())]
            after = [dict(e.attrib) for e in etree.fromstring(cleaned.read(name))]
            assert after == [a for a in before if "thumbnail" not in str(a)] and after, name


@pytest.mark.parametrize(("setting", "said", "not_said"), [
    ('<w:rsids><w:rsidRoot w:val="00A1B2C3"/></w:rsids>', "revision ids", "template path and document variables"),
    (f'<w:docVars><w:docVar w:name="Client" w:val="{NAME}"/></w:docVars>', "template path and document variables",
     "revision ids"),
])
def test_the_report_names_what_word_settings_held(tmp_path, setting, said, not_said):
    """Each of Word's settings is reported as what it is, when it is the only one there."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    no_rels = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'
    document = re.sub(r' w:rsid\w*="[^"]*"', "", DOCUMENT_XML)
    result, cleaned = _clean(_with_parts(make_docx(tmp_path), {
        "word/settings.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:settings {w}>{setting}</w:settings>',
        "word/_rels/settings.xml.rels": no_rels, "word/document.xml": document}), DOCX)
    assert said in result.removed and not_said not in result.removed, result.removed
    assert cleaned.read("word/settings.xml").endswith(b"<w:settings " + w.encode() + b"/>")


def test_excel_parts_are_cleaned_past_an_xml_comment(tmp_path):
    from tests.media_samples import XLSX_PARTS, make_xlsx

    parts = {name: text.replace("?>\n<", "?>\n<!-- saved by Excel --><", 1)
             for name, text in XLSX_PARTS.items() if name in ("xl/workbook.xml", "xl/comments1.xml")}
    for name, text in parts.items():
        body = text.split("-->", 1)[1]
        parts[name] = text.replace(body, body.replace(">", "><!-- x --><?mso-hint x?>", 1), 1)
    result, cleaned = _clean(_with_parts(make_xlsx(tmp_path), parts), XLSX)
    for name in parts:
        part = cleaned.read(name)
        assert b"<!-- x -->" in part and b"Secretname" not in part and b"absPath" not in part, (name, part)
    assert "the folder the file was saved in" in result.removed


def test_excel_loses_file_sharing_and_keeps_an_emptied_author(tmp_path):
    """fileSharing names who reserved the workbook and holds a password hash: it goes whole. The
    comment authors' list keeps its entries (comments refer to them by position), emptied."""
    from tests.media_samples import XLSX_PARTS, make_xlsx

    workbook = XLSX_PARTS["xl/workbook.xml"]
    head, rest = workbook.split("?>\n<workbook", 1)
    start, children = rest.split(">", 1)
    workbook = (f'{head}?>\n<workbook{start}><fileSharing readOnlyRecommended="1" userName="{NAME}" '
                f'reservationPassword="CC3D"/>{children}')
    result, cleaned = _clean(_with_parts(make_xlsx(tmp_path), {"xl/workbook.xml": workbook}), XLSX)
    assert b"fileSharing" not in cleaned.read("xl/workbook.xml") and b"CC3D" not in cleaned.read("xl/workbook.xml")
    assert "the folder the file was saved in" in result.removed
    authors = etree.fromstring(cleaned.read("xl/comments1.xml")).find(f"{{{SHEET}}}authors")
    assert [author.text or "" for author in authors] == [""]


def test_powerpoint_author_lists_are_emptied_and_nothing_else_is(tmp_path):
    p = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
    authors = (f'<?xml version="1.0" encoding="UTF-8"?><p:cmAuthorLst {p}>'
               f'<p:cmAuthor id="1" name="{NAME}" initials="IS" lastIdx="1" clrIdx="0"/></p:cmAuthorLst>')
    slide = (f'<?xml version="1.0" encoding="UTF-8"?><p:sld {p}><p:cSld name="Detentions"><p:spTree>'
             '<p:nvGrpSpPr><p:cNvPr id="1" name="Title 1"/></p:nvGrpSpPr></p:spTree></p:cSld></p:sld>')
    result, cleaned = _clean(_package({"ppt/commentAuthors.xml": authors, "ppt/slides/slide1.xml": slide}),
                             "application/zip")
    root = etree.fromstring(cleaned.read("ppt/commentAuthors.xml"))
    assert [(element.get("id"), element.get("name")) for element in root.iter()] == [(None, None), ("1", "")]
    assert "comment and tracked-change authors" in result.removed
    assert cleaned.read("ppt/slides/slide1.xml").count(b'name="') == 2  # slide and shape names are content
    assert b'name="Detentions"' in cleaned.read("ppt/slides/slide1.xml")


def test_word_people_lose_their_presence_info(tmp_path):
    """word/people.xml: each author's presenceInfo (the account: e-mail address, provider) goes
    whole; the person stays, with the author emptied."""
    w15 = 'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"'
    people = (f'<?xml version="1.0" encoding="UTF-8"?><w15:people {w15}><w15:person w15:author="{NAME}">'
              '<w15:presenceInfo w15:providerId="AD" w15:userId="S::secretname@example.org::1234"/>'
              '</w15:person></w15:people>')
    result, cleaned = _clean(_with_parts(make_docx(tmp_path), {}, add={"word/people.xml": people}), DOCX)
    part = cleaned.read("word/people.xml")
    assert b"presenceInfo" not in part and b"secretname" not in part and NAME.encode() not in part
    assert b'w15:author=""' in part
    assert "comment and tracked-change authors" in result.removed


ODF_CONFIG = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
              'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"')


def test_odt_loses_dates_initials_and_printer_and_keeps_the_rest(tmp_path):
    from tests.media_samples import ODT_MANIFEST

    meta_ns = 'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
    content = ODT_CONTENT.replace('xmlns:dc=', f'{meta_ns} xmlns:dc=', 1).replace(
        "<dc:date>2024-01-01T10:00:00</dc:date><text:p>verify",
        "<dc:date>2024-01-01T10:00:00</dc:date><meta:creator-initials>IS</meta:creator-initials><text:p>verify", 1)
    settings = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-settings {ODF_CONFIG}><office:settings>'
                '<config:config-item-set config:name="ooo:configuration-settings">'
                f'<config:config-item config:name="PrinterName" config:type="string">{NAME} HP</config:config-item>'
                '<config:config-item config:name="TabsRelativeToIndent" config:type="boolean">true</config:config-item>'
                '</config:config-item-set></office:settings></office:document-settings>')
    manifest = ODT_MANIFEST.replace("<manifest:file-entry", "<!-- written by hand --><manifest:file-entry", 1)
    data = _with_parts(make_odt(tmp_path), {"content.xml": content, "META-INF/manifest.xml": manifest},
                       add={"settings.xml": settings})
    result, cleaned = _clean(data, ODT)
    part = cleaned.read("content.xml")
    assert NAME.encode() not in part and b"2024-01-01" not in part and b"creator-initials" not in part
    assert b"verify" in part  # the comment's text stays
    kept = cleaned.read("settings.xml")
    assert b"PrinterName" not in kept and NAME.encode() not in kept and b"TabsRelativeToIndent" in kept
    assert "printer name and settings" in result.removed
    assert b"Thumbnails" not in cleaned.read("META-INF/manifest.xml")
    assert b"content.xml" in cleaned.read("META-INF/manifest.xml")


def test_odt_meta_without_properties_is_not_reported(tmp_path):
    office = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    for meta in (f'<office:document-meta {office}><office:meta/></office:document-meta>',
                 f'<office:document-meta {office}/>'):
        data = _with_parts(make_odt(tmp_path), {"meta.xml": f'<?xml version="1.0" encoding="UTF-8"?>{meta}'})
        result, _cleaned = _clean(data, ODT)
        assert not any("document properties" in r for r in result.removed), result.removed


def test_comments_in_relationships_and_content_types_do_not_stop_the_cleaner(tmp_path):
    """An XML comment among a package's relationships or content types, or in an OpenDocument
    manifest, is passed over (it raised AttributeError, not even MediaError, before)."""
    from tests.media_samples import ODT_MANIFEST, ROOT_RELS

    comment = "<!-- written by hand -->"
    rels = ROOT_RELS.replace("<Relationship ", comment + "<Relationship ", 1)
    types = CONTENT_TYPES.replace("<Default ", comment + "<Default ", 1)
    result, cleaned = _clean(_with_parts(make_docx(tmp_path), {"_rels/.rels": rels, "[Content_Types].xml": types}),
                             DOCX)
    assert comment.encode() in cleaned.read("_rels/.rels") and b"thumbnail" not in cleaned.read("_rels/.rels")
    assert comment.encode() in cleaned.read("[Content_Types].xml")
    # ...and so is an entry without a path (not valid, but only a thumbnail's entry is for the cleaner to drop).
    manifest = ODT_MANIFEST.replace("<manifest:file-entry", comment + '<manifest:file-entry manifest:media-type="x"/>'
                                    "<manifest:file-entry", 1)
    result, cleaned = _clean(_with_parts(make_odt(tmp_path), {"META-INF/manifest.xml": manifest}), ODT)
    assert b"Thumbnails" not in cleaned.read("META-INF/manifest.xml")


WP = 'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
PIC = 'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
SECRET_PATH = "C:\\Users\\Secretname\\Pictures\\IMG_2041.JPG"


def _word_picture(doc_pr: str, pic_name: str) -> str:
    return (f'<w:r><w:drawing><wp:inline {WP}>{doc_pr}<pic:pic {PIC}><pic:nvPicPr>'
            f'<pic:cNvPr id="0" name="{pic_name}"/></pic:nvPicPr></pic:pic></wp:inline></w:drawing></w:r>')


def test_word_pictures_lose_their_file_names_and_paths_and_keep_written_alt_text(tmp_path):
    """Word (and python-docx) name an inserted picture after its file; older Word put the file's
    whole path, with the Windows user name, in its alt text. Alt text someone wrote stays: it is
    the document's content, and screen readers read it."""
    pictures = (_word_picture(f'<wp:docPr id="1" name="IMG_2041.JPG" descr="{SECRET_PATH}" title="DSCN0010"/>',
                              "IMG_2041.JPG")
                + _word_picture('<wp:docPr id="2" name="Picture 2" descr="Police van at the station, 14/05"/>',
                                "Picture 2"))
    document = DOCUMENT_XML.replace("</w:p></w:body>", pictures + "</w:p></w:body>", 1)
    result, cleaned = _clean(_with_parts(make_docx(tmp_path), {"word/document.xml": document}), DOCX)
    part = cleaned.read("word/document.xml")
    assert b"IMG_2041" not in part and b"Secretname" not in part and b"DSCN0010" not in part
    root = etree.fromstring(part)
    names = [(_el.get("id"), _el.get("name"), _el.get("descr")) for _el in root.iter()
             if isinstance(_el.tag, str) and etree.QName(_el).localname in ("docPr", "cNvPr")]
    assert names == [("1", "Picture 1", None), ("0", "Picture 0", None),
                     ("2", "Picture 2", "Police van at the station, 14/05"), ("0", "Picture 2", None)]
    assert "picture file names and paths" in result.removed


def test_powerpoint_and_excel_pictures_lose_their_file_names(tmp_path):
    p = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
    slide = (f'<?xml version="1.0" encoding="UTF-8"?><p:sld {p}><p:cSld><p:spTree><p:pic><p:nvPicPr>'
             '<p:cNvPr id="4" name="Moscow-14-May.png" descr="/home/ivan/Pictures/Moscow-14-May.png"/>'
             '</p:nvPicPr></p:pic><p:sp><p:nvSpPr><p:cNvPr id="5" name="Title 1" descr="Detentions"/>'
             '</p:nvSpPr></p:sp></p:spTree></p:cSld></p:sld>')
    xdr = 'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"'
    drawing = (f'<?xml version="1.0" encoding="UTF-8"?><xdr:wsDr {xdr}><xdr:twoCellAnchor><xdr:pic><xdr:nvPicPr>'
               '<xdr:cNvPr id="2" name="PXL_20240514_101010.jpg"/></xdr:nvPicPr></xdr:pic></xdr:twoCellAnchor></xdr:wsDr>')
    result, cleaned = _clean(_package({"ppt/slides/slide1.xml": slide, "xl/drawings/drawing1.xml": drawing}),
                             "application/zip")
    slide_out = cleaned.read("ppt/slides/slide1.xml")
    assert b"Moscow-14-May" not in slide_out and b"ivan" not in slide_out
    assert b'name="Picture 4"' in slide_out and b'name="Title 1" descr="Detentions"' in slide_out
    assert b"PXL_2024" not in cleaned.read("xl/drawings/drawing1.xml")
    assert b'name="Picture 2"' in cleaned.read("xl/drawings/drawing1.xml")
    assert "picture file names and paths" in result.removed


def test_odt_frames_lose_file_names_and_keep_written_descriptions(tmp_path):
    draw = ('xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
            'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
            'xmlns:xlink="http://www.w3.org/1999/xlink"')
    frames = ('<draw:frame draw:name="IMG_2041.jpg"><draw:image xlink:href="Pictures/1.jpg"/>'
              f'<svg:title>{SECRET_PATH}</svg:title><svg:desc>Police van at the station</svg:desc></draw:frame>'
              '<draw:frame draw:name="DSCN0010"><draw:image xlink:href="Pictures/2.jpg"/></draw:frame>'
              '<draw:frame draw:name="Map of the square"><draw:image xlink:href="Pictures/3.jpg"/></draw:frame>')
    content = ODT_CONTENT.replace('xmlns:dc=', f'{draw} xmlns:dc=', 1).replace(
        "</office:text>", f"<text:p>{frames}</text:p></office:text>", 1)
    result, cleaned = _clean(_with_parts(make_odt(tmp_path), {"content.xml": content}), ODT)
    part = cleaned.read("content.xml")
    assert b"IMG_2041" not in part and b"Secretname" not in part and b"DSCN0010" not in part
    root = etree.fromstring(part)
    names = [f.get("{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}name")
             for f in root.iter("{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}frame")]
    assert names == ["Image1", "Image2", "Map of the square"]  # unique, as Writer wants
    assert b"<svg:desc>Police van at the station</svg:desc>" in part and b"svg:title" not in part
    assert "picture file names and paths" in result.removed


def test_pictures_named_by_the_document_are_not_reported(tmp_path):
    """The committed sample's picture is named "photo" with empty alt text: nothing to say."""
    from pathlib import Path

    data = (Path(__file__).parent / "data" / "documents" / "statement.docx").read_bytes()
    result, cleaned = _clean(data, DOCX)
    assert "picture file names and paths" not in result.removed
    assert b'name="photo"' in cleaned.read("word/document.xml")
