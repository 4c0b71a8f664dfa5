"""Clean PDFs with pikepdf (qpdf).

Removed: the document information dictionary (author, creator, producer, title, dates), XMP
metadata streams (of the document, its pages and images), Illustrator/Photoshop private
data (``/PieceInfo``), embedded files and file-attachment annotations, JavaScript and
automatic actions (``/OpenAction``, ``/AA``, Launch/JavaScript/SubmitForm/ImportData
actions), annotations' authors, popups and dates, the trailer ``/ID`` of the original.

The output is a full rewrite, never an incremental update: qpdf writes only the objects
reachable from the current document, so earlier revisions (and whatever was "deleted" in
them) are gone. Page content streams and fonts are copied byte for byte (no stream is
decoded: a decompression bomb inside a stream costs nothing), so the text and pages stay
exactly as they were. The ``/ID`` is derived from the output, so two cleanings of the same
file give the same bytes.
"""

from __future__ import annotations

from typing import Any, BinaryIO, cast

import pikepdf
from pikepdf import Name

from journal.media import MediaError
from journal.media.streams import TrackedSource
from journal.i18n import _

#: Limits against hostile files (a real statement or report is far below them).
MAX_OBJECTS = 1_000_000
MAX_PAGES = 100_000
_DANGEROUS_ACTIONS = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToE", "/Rendition",
                      "/Sound", "/Movie", "/ResetForm"}
_ANNOTATION_PERSONAL = ("/T", "/M", "/CreationDate", "/NM", "/Popup", "/RC")


def clean_pdf(source: TrackedSource, out) -> list[str]:
    """Write a cleaned rewrite of the PDF read from source to out (write-only is enough).

    Returns what was removed (translated). Raises MediaError for a damaged, encrypted or
    hostile PDF.
    """
    try:
        # pikepdf reads any seekable binary stream; its stubs name only BinaryIO, which the
        # io.RawIOBase TrackedSource is not nominally.
        with pikepdf.open(cast(BinaryIO, source), suppress_warnings=True) as pdf:
            removed = _clean(pdf, source)
            pdf.save(out, deterministic_id=True, encryption=False,
                     stream_decode_level=pikepdf.StreamDecodeLevel.none,
                     compress_streams=False, normalize_content=False,
                     fix_metadata_version=False, linearize=False)
            return removed
    except pikepdf.PasswordError as exc:
        raise MediaError(_("The PDF is protected with a password; it cannot be cleaned.")) from exc
    except MediaError:
        raise
    except (pikepdf.PdfError, RecursionError, ValueError, TypeError, KeyError, IndexError,
            OverflowError, MemoryError, RuntimeError) as exc:
        raise MediaError(_("The PDF is damaged or too complex to be cleaned.")) from exc


def read_pdf_info(source) -> dict[str, str]:
    """Document information, XMP presence, attachments and scripts (for the viewer's findings)."""
    found: dict[str, str] = {}
    try:
        with pikepdf.open(source, suppress_warnings=True) as pdf:
            for key, value in pdf.trailer.get("/Info", {}).items():
                found[str(key).lstrip("/")] = str(value)[:200]
            root = pdf.Root
            if "/Metadata" in root:
                found["XMP"] = "present"
            names: Any = root.get("/Names", {})
            if "/EmbeddedFiles" in names:
                found["EmbeddedFiles"] = "present"
            if "/JavaScript" in names or "/OpenAction" in root:
                found["JavaScript"] = "present"
    except (pikepdf.PdfError, pikepdf.PasswordError, RecursionError, ValueError) as exc:
        raise MediaError(_("The PDF is damaged or too complex to be cleaned.")) from exc
    return found


def _clean(pdf: pikepdf.Pdf, source: TrackedSource) -> list[str]:
    removed: list[str] = []

    def note(text: str) -> None:
        if text not in removed:
            removed.append(text)

    declared = pdf.trailer.get("/Size")
    if isinstance(declared, int) and declared > MAX_OBJECTS:
        raise MediaError(_("The PDF has too many objects to be cleaned."))
    if len(pdf.pages) > MAX_PAGES:
        raise MediaError(_("The PDF has too many pages to be cleaned."))
    if "/Info" in pdf.trailer:
        if len(pdf.trailer.Info.keys()):
            note(_("document information (author, creator, producer, title, dates)"))
        del pdf.trailer["/Info"]
    root = pdf.Root
    for key, what in (("/OpenAction", _("actions run on opening")),
                      ("/AA", _("actions run on opening")),
                      ("/AcroForm/XFA", None),
                      ("/Collection", _("embedded files")),
                      ("/AF", _("embedded files")),
                      ("/SpiderInfo", None), ("/PieceInfo", None),
                      ("/Perms", None), ("/Threads", None)):
        if "/" in key[1:]:
            parent_key, child = key.rsplit("/", 1)
            parent = root.get(parent_key)
            if isinstance(parent, pikepdf.Dictionary) and f"/{child}" in parent:
                del parent[f"/{child}"]
            continue
        if key in root:
            del root[key]
            if what:
                note(what)
    names = root.get("/Names")
    if isinstance(names, pikepdf.Dictionary):
        if "/EmbeddedFiles" in names:
            del names["/EmbeddedFiles"]
            note(_("embedded files"))
        if "/JavaScript" in names:
            del names["/JavaScript"]
            note(_("JavaScript"))
    count = 0
    for obj in pdf.objects:
        count += 1
        if count > MAX_OBJECTS:
            raise MediaError(_("The PDF has too many objects to be cleaned."))
        if count % 1024 == 0:
            source.check_cancel()
        if not isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            continue
        _clean_object(obj, note)
    for page in pdf.pages:
        source.check_cancel()
        _clean_page(page, note)
    return removed


def _clean_object(obj, note) -> None:
    if Name.Metadata in obj:
        del obj[Name.Metadata]
        note(_("XMP metadata"))
    for key in ("/PieceInfo", "/LastModified"):
        if key in obj:
            del obj[key]
            note(_("editing application data"))
    action_type = obj.get("/S")
    if isinstance(action_type, pikepdf.Name) and str(action_type) in _DANGEROUS_ACTIONS:
        # Neutralise scripts and launches wherever they are referenced from.
        for key in list(obj.keys()):
            if key not in ("/Type",):
                del obj[key]
        obj[Name.S] = Name.GoTo
        obj[Name.D] = pikepdf.Array([])
        note(_("JavaScript"))
    if "/AA" in obj:
        del obj["/AA"]
        note(_("actions run on opening"))
    if obj.get("/Type") == Name.Filespec or "/EF" in obj:
        if "/EF" in obj:
            del obj["/EF"]
        note(_("embedded files"))


def _clean_page(page, note) -> None:
    annots = page.obj.get("/Annots")
    if not isinstance(annots, pikepdf.Array):
        return
    kept = pikepdf.Array()
    for annot in annots:
        if not isinstance(annot, pikepdf.Dictionary):
            continue
        subtype = annot.get("/Subtype")
        if subtype in (Name.Popup, Name.FileAttachment, Name.Sound):
            if subtype != Name.Popup:
                note(_("embedded files"))
            continue
        for key in _ANNOTATION_PERSONAL:
            if key in annot:
                del annot[key]
                note(_("annotation authors and dates"))
        kept.append(annot)
    page.obj[Name.Annots] = kept
