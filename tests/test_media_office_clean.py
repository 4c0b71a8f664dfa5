"""What the Office and OpenDocument cleaner (journal/media/office.py) removes, from its mutation
run (docs/testing.md): personal attributes after an XML comment, and LibreOffice's revision ids."""

from __future__ import annotations

import io
import zipfile

from journal.media.strip import strip_metadata
from tests.media_samples import COMMENTS_XML, NAME, ODT_CONTENT, make_docx, make_odt

ODT = "application/vnd.oasis.opendocument.text"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _replace_part(path, part: str, data: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info, data if info.filename == part else old.read(info))
    return out.getvalue()


def _clean(data: bytes, media_type: str):
    out = io.BytesIO()
    result = strip_metadata(io.BytesIO(data), out, media_type, total=len(data))
    return result, zipfile.ZipFile(io.BytesIO(out.getvalue()))


def test_authors_after_an_xml_comment_or_instruction_are_still_removed(tmp_path):
    """Comments and processing instructions are nodes too: the walk over a part's elements passes
    them and goes on to the authors after them."""
    comments = COMMENTS_XML.replace("<w:comment ", "<!-- saved by Word --><?mso-hint x?><w:comment ", 1)
    data = _replace_part(make_docx(tmp_path), "word/comments.xml", comments)
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
    result, cleaned = _clean(_replace_part(make_odt(tmp_path), "content.xml", content), ODT)
    part = cleaned.read("content.xml")
    assert b"rsid" not in part and b"0012ab3" not in part, part[:600]
    assert b'style:name="P1"' in part  # the style itself stays
    assert "revision ids" in result.removed
