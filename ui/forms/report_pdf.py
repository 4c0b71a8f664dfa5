"""The PDF report: a title page (filters, date, count), then one section per entry
with its fields, form values, people, contact log and photo thumbnails.

Laid out as a QTextDocument and printed with QPdfWriter into memory (QBuffer), then
written atomically (mode 0600): no partial or temporary plaintext file is left on
disk. Used by the Report dialog and, lazily, by `journal report --format pdf`
(the one CLI path that needs Qt; `ensure_gui_application` makes an offscreen
QGuiApplication when there is none).
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from journal.storage.atomic import atomic_write_bytes
from journal.exchange.bundle._cancel import check_cancel
from journal.records.reports import ReportFilter, count_entries, iter_entries
from journal.timeutil import utc_now_iso

from ui.forms import labels as forms_labels

PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
THUMB_WIDTH = 160
MAX_THUMBS_PER_ENTRY = 12
RESOLUTION = 150


def ensure_gui_application():
    """The running Qt application, or a new offscreen QGuiApplication (CLI use)."""
    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["journal-report"])
    return app


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("ReportPdf", text)


def _e(value) -> str:
    return html.escape("" if value is None else str(value)).replace("\n", "<br/>")


def _table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><td class='k' width='32%'>{_e(k)}</td><td width='68%'>{_e(v)}</td></tr>" for k, v in rows if v not in (None, ""))
    return f"<table cellspacing='0' cellpadding='3' width='100%'>{cells}</table>" if cells else ""


STYLE = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; }
h1 { font-size: 20pt; } h2 { font-size: 14pt; margin-top: 0; } h3 { font-size: 11pt; color: #333; }
td.k { color: #555; width: 30%; }
table { border-collapse: collapse; } td { border-bottom: 1px solid #ddd; vertical-align: top; }
p.warn { color: #8a1c1c; }
"""


def build_document(journal, flt: ReportFilter, *, title: str = "", photos: bool = True,
                   omit_contact_details: bool = False, progress=None, cancel=None) -> tuple[QTextDocument, int]:
    """The report as a QTextDocument (images added as resources) and its entry count."""
    doc = QTextDocument()
    doc.setDefaultStyleSheet(STYLE)
    total = count_entries(journal.db, flt)
    parts = [f"<h1>{_e(title or _tr('Incident report'))}</h1>",
             f"<p>{_e(_tr('Created'))}: {_e(utc_now_iso())}<br/>{_e(_tr('Journal'))}: {_e(getattr(journal, 'name', ''))}<br/>"
             f"{_e(_tr('Entries'))}: {total}</p>"]
    filters = flt.describe()
    parts.append(f"<h3>{_e(_tr('Filters'))}</h3>" + (_table(filters) if filters else f"<p>{_e(_tr('None: all entries.'))}</p>"))
    if omit_contact_details:
        parts.append(f"<p>{_e(_tr('Contact details (phone numbers, messenger handles) were left out.'))}</p>")
    parts.append(f"<p class='warn'>{_e(_tr('This file is not encrypted. Keep it safe and delete it when it is no longer needed.'))}</p>")
    count = 0
    for item in iter_entries(journal, flt, omit_contact_details=omit_contact_details, progress=progress,
                             cancel=cancel):
        parts.append(_entry_html(doc, journal, item, photos))
        count += 1
    doc.setHtml("<html><body>" + "".join(parts) + "</body></html>")
    return doc, count


def _entry_html(doc: QTextDocument, journal, item, photos: bool) -> str:
    e = item.entry
    out = ["<div style='page-break-before: always'></div>", f"<h2>{_e(e.title or _tr('(untitled)'))}</h2>"]
    rows = [(_tr("When"), (e.occurred_at or "") + (f" – {e.occurred_end}" if e.occurred_end else "")),
            (_tr("Time zone"), e.occurred_tz), (_tr("Place"), e.place),
            (_tr("Coordinates"), f"{e.latitude}, {e.longitude}" if e.latitude is not None else ""),
            (_tr("Category"), item.category_label), (_tr("Tags"), ", ".join(e.tags)),
            (_tr("Status"), e.status), (_tr("Source"), e.source),
            (_tr("Received from"), (item.sender or {}).get("sender")),
            (_tr("Entry id"), e.uuid), (_tr("Revision"), f"{e.revision} ({(e.revision_hash or '')[:16]})")]
    out.append(_table(rows))
    if e.body:
        out.append(f"<h3>{_e(_tr('What happened'))}</h3><p>{_e(e.body)}</p>")
    for form_label, form_rows in forms_labels.form_text(item):  # built-in forms in the UI language
        out.append(f"<h3>{_e(form_label)}</h3>" + _table(form_rows))
    if item.people:
        people = []
        for p in item.people:
            contact = ", ".join([*p.get("phones", []), *p.get("handles", [])])
            people.append((p["name"], "; ".join(x for x in (p.get("role"), p.get("organisation"), contact) if x)))
        out.append(f"<h3>{_e(_tr('People'))}</h3>" + _table(people))
    if item.contact_log:
        log = [(r["at"], f"{r['channel']} ({r['direction']}) {', '.join(r['people'])}: {r['summary']}")
               for r in item.contact_log]
        out.append(f"<h3>{_e(_tr('Contact log'))}</h3>" + _table(log))
    if item.attachments:
        out.append(f"<h3>{_e(_tr('Attachments'))}</h3>")
        out.append(_table([(a["file_name"], f"{a['media_type']}, {a['size']} bytes, SHA-256 {a['sha256'][:16]}…")
                           for a in item.attachments]))
        if photos:
            thumbs = []
            for att in [a for a in item.attachments if a["has_thumbnail"]][:MAX_THUMBS_PER_ENTRY]:
                data = journal.attachments.thumbnail(att["id"])
                image = QImage.fromData(data) if data else QImage()
                if image.isNull():
                    continue
                url = QUrl(f"thumb://{att['id']}")
                doc.addResource(QTextDocument.ResourceType.ImageResource, url, image)
                thumbs.append(f"<img src='{url.toString()}' width='{THUMB_WIDTH}'/> ")
            if thumbs:
                out.append("<p>" + "".join(thumbs) + "</p>")
    return "".join(out)


def render_pdf_bytes(doc: QTextDocument, page_size: str = "a4") -> bytes:
    if page_size not in PAGE_SIZES:
        raise ValueError(f"unknown page size {page_size!r}")
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(_tr("Incident report"))
    writer.setCreator("Incident Journal")
    writer.setPageLayout(QPageLayout(QPageSize(PAGE_SIZES[page_size]), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    doc.setPageSize(QSizeF(rect.width(), rect.height()))
    doc.print_(writer)
    del writer  # finishes the PDF
    buffer.close()
    data = bytes(buffer.data())
    buffer.setData(QByteArray())
    return data


def write_pdf(journal, flt: ReportFilter, out_path, *, page_size: str = "a4", title: str = "", photos: bool = True,
              omit_contact_details: bool = False, progress=None, cancel=None) -> int:
    """Write the PDF report atomically; returns the number of entries in it."""
    doc, count = build_document(journal, flt, title=title, photos=photos,
                                omit_contact_details=omit_contact_details, progress=progress, cancel=cancel)
    check_cancel(cancel)
    data = render_pdf_bytes(doc, page_size)
    atomic_write_bytes(Path(out_path), data)
    return count
