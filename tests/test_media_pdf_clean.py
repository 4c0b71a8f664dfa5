"""What the PDF cleaner (journal/media/pdf.py) reports and removes, from its mutation run
(docs/testing.md), on PDFs made with pikepdf in memory."""

from __future__ import annotations

import io

import pikepdf
from pikepdf import Name

from journal.media.strip import strip_metadata


def _pdf(**root_extra) -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.trailer.Info = pdf.make_indirect(pikepdf.Dictionary(Author="Ivan Secretname", Producer="SecretWriter 1.0"))
    pdf.Root.Metadata = pdf.make_stream(b"<x:xmpmeta>Ivan Secretname</x:xmpmeta>",
                                        Type=Name.Metadata, Subtype=Name.XML)
    script = pdf.make_indirect(pikepdf.Dictionary(S=Name.JavaScript, JS=pikepdf.String("app.alert(1)")))
    pdf.Root.OpenAction = script
    note = pikepdf.Dictionary(Type=Name.Annot, Subtype=Name.Text, Rect=[0, 0, 10, 10],
                              T=pikepdf.String("Ivan Secretname"), Contents=pikepdf.String("checked"),
                              M=pikepdf.String("D:20240101100000"))
    pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(note)]))
    for key, value in root_extra.items():
        pdf.Root[Name("/" + key)] = value
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _clean(data: bytes):
    out = io.BytesIO()
    result = strip_metadata(io.BytesIO(data), out, "application/pdf", total=len(data))
    return result, out.getvalue()


def test_the_report_lists_each_kind_removed_once_in_order():
    result, data = _clean(_pdf())
    assert result.removed == ["document information (author, creator, producer, title, dates)",
                              "actions run on opening", "XMP metadata", "JavaScript",
                              "annotation authors and dates"], result.removed
    assert b"Secretname" not in data and b"SecretWriter" not in data and b"app.alert" not in data
    with pikepdf.open(io.BytesIO(data)) as pdf:
        (annot,) = pdf.pages[0].Annots
        assert str(annot.Contents) == "checked" and "/T" not in annot and "/M" not in annot
