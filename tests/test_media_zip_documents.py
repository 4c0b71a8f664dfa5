"""Word, Excel and OpenDocument files are recognised by their content (the archive's
[Content_Types].xml or mimetype member), not stored as a bare application/zip (issue 23)."""

from __future__ import annotations

import io
import zipfile

import pytest

from journal.exchange.exporter import ExportError, ExportOptions
from journal.media.sniff import sniff_media_type, sniff_zip_document
from tests.media_samples import make_docx, make_odt, make_xlsx
from tests.test_export import pair  # noqa: F401 - fixture

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"


def _zip(members: dict[str, bytes | str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(("make", "expected"), [(make_docx, DOCX), (make_xlsx, XLSX), (make_odt, ODT)])
def test_documents_are_sniffed_by_their_content(tmp_path, make, expected):
    path = make(tmp_path)
    renamed = path.rename(tmp_path / "renamed.bin")  # the name plays no part
    assert sniff_media_type(renamed.read_bytes()[:4096]) == "application/zip"
    with open(renamed, "rb") as stream:
        assert sniff_zip_document(stream) == expected


def test_other_and_hostile_archives_stay_zip():
    plain = _zip({"notes.txt": "hello"})
    assert sniff_zip_document(io.BytesIO(plain)) == "application/zip"
    dtd = _zip({"[Content_Types].xml": '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "x">]><Types/>'})
    assert sniff_zip_document(io.BytesIO(dtd)) == "application/zip"
    huge = _zip({"[Content_Types].xml": b" " * (2 * 1024 * 1024)})  # a bomb-like part is not inflated whole
    assert sniff_zip_document(io.BytesIO(huge)) == "application/zip"
    odd = _zip({"mimetype": "application/x-not-odf"})
    assert sniff_zip_document(io.BytesIO(odd)) == "application/zip"
    assert sniff_zip_document(io.BytesIO(b"PK\x03\x04 truncated")) == "application/zip"


def test_attached_documents_get_their_type_and_are_cleaned_on_export(pair, tmp_path):
    documenter, coordinator, record = pair
    entry = documenter.entries.add(title="Statements")
    atts = [documenter.attachments.add_file(entry.uuid, make(tmp_path)) for make in (make_docx, make_xlsx, make_odt)]
    assert [a.media_type for a in atts] == [DOCX, XLSX, ODT]
    many = documenter.attachments.add_files(entry.uuid, [tmp_path / "statement.docx"])
    assert many[0].media_type == DOCX
    result = documenter.exporter.export(tmp_path / "b.ijbundle", [record.uuid], all_entries=True)
    assert result.attachment_count == 3 and not result.warnings
    imported = coordinator.importer.import_bundle(tmp_path / "b.ijbundle", trust_new=True)
    assert imported.status == "accepted", imported.reason
    received = coordinator.attachments.list_for_entry(entry.uuid)
    # Four attachments as on the sender's side (the docx twice), three files carried.
    assert sorted(a.media_type for a in received) == sorted(a.media_type for a in documenter.attachments.list_for_entry(
        entry.uuid)) == sorted([DOCX, DOCX, XLSX, ODT])
    for att in received:
        assert b"Secretname" not in coordinator.attachments.open_stream(att.uuid).read()


def test_a_plain_zip_is_still_refused_unless_allowed(pair, tmp_path):
    documenter, _coordinator, record = pair
    entry = documenter.entries.add(title="An archive")
    att = documenter.attachments.add_bytes(entry.uuid, _zip({"notes.txt": "hello"}), "files.zip")
    assert att.media_type == "application/zip"
    with pytest.raises(ExportError):
        documenter.exporter.export(tmp_path / "b.ijbundle", [record.uuid], all_entries=True)
    documenter.exporter.export(tmp_path / "b.ijbundle", [record.uuid], all_entries=True,
                               options=ExportOptions(allow_uncleaned=True))


def test_received_unstripped_documents_get_their_type(pair, tmp_path):
    documenter, coordinator, record = pair
    entry = documenter.entries.add(title="Statements")
    documenter.attachments.add_file(entry.uuid, make_odt(tmp_path))
    documenter.exporter.export(tmp_path / "b.ijbundle", [record.uuid], all_entries=True,
                               options=ExportOptions(strip_metadata=False))
    assert coordinator.importer.import_bundle(tmp_path / "b.ijbundle", trust_new=True).status == "accepted"
    (received,) = coordinator.attachments.list_for_entry(entry.uuid)
    assert received.media_type == ODT
