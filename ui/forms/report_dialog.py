"""File ▸ Export report…: the current list's filter, the selected entry or everything, as
CSV (spreadsheets), JSON (full fidelity) or PDF (A4/Letter), with a clear warning that
the file is NOT encrypted and an option to leave out contact details.

The export runs through run_op (progress, cancel, error path) on its own read-only
connection, so the GUI and the writer thread are never blocked. The PDF is laid out by
the core (journal/report_pdf.py, fpdf2), the same writer as `journal report --format pdf`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QRadioButton, QVBoxLayout, QWidget,
)

from journal.records.reports import ReportFilter, count_entries, write_csv, write_json
from journal.records.search import EntryFilter

from ui.common import file_dialogs
from ui.common.ops import run_op, user_message

FORMATS = ("csv", "json", "pdf")


class ReportDialog(QDialog):
    def __init__(self, session, list_filter: EntryFilter | None = None, selected_uuid: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.list_filter = list_filter or EntryFilter()
        self.selected_uuid = selected_uuid
        self.op = None
        self.result_path: Path | None = None
        self.setWindowTitle(self.tr("Export report"))
        self._build()
        self._update()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Which entries"))
        self.scope.addItem(self.tr("Entries in the current list"), "list")
        if self.selected_uuid:
            self.scope.addItem(self.tr("The selected entry"), "selected")
        self.scope.addItem(self.tr("All entries"), "all")
        form.addRow(self.tr("&Entries:"), self.scope)
        self.origin = QComboBox()
        self.origin.setAccessibleName(self.tr("Own or received entries"))
        for label, value in ((self.tr("Own and received"), "all"), (self.tr("Own entries only"), "own"),
                             (self.tr("Received entries only"), "received")):
            self.origin.addItem(label, value)
        form.addRow(self.tr("&Origin:"), self.origin)
        row = QHBoxLayout()
        self.format_group = QButtonGroup(self)
        self.format_buttons = {}
        for key, label, tip in (("csv", self.tr("&CSV"), self.tr("One row per entry, form fields as columns")),
                                ("json", self.tr("&JSON"), self.tr("Everything, for other tools")),
                                ("pdf", self.tr("&PDF"), self.tr("A printable report with photos"))):
            button = QRadioButton(label)
            button.setToolTip(tip)
            button.setAccessibleName(label.replace("&", ""))
            self.format_group.addButton(button)
            self.format_buttons[key] = button
            row.addWidget(button)
        self.format_buttons["csv"].setChecked(True)
        form.addRow(self.tr("Format:"), row)
        self.bom = QCheckBox(self.tr("For Excel (UTF-8 with BOM)"))
        self.bom.setToolTip(self.tr("Lets Excel show Cyrillic and other scripts correctly"))
        self.bom.setChecked(True)
        form.addRow("", self.bom)
        self.page_size = QComboBox()
        self.page_size.setAccessibleName(self.tr("Page size"))
        self.page_size.addItem(self.tr("A4"), "a4")
        self.page_size.addItem(self.tr("US Letter"), "letter")
        form.addRow(self.tr("Page &size:"), self.page_size)
        self.photos = QCheckBox(self.tr("Include photo thumbnails"))
        self.photos.setChecked(True)
        form.addRow("", self.photos)
        self.omit_contacts = QCheckBox(self.tr("Leave out contact details (phone numbers, messenger handles)"))
        self.omit_contacts.setChecked(True)
        form.addRow("", self.omit_contacts)
        layout.addLayout(form)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)
        warning = QLabel(self.tr("<b>The exported file is not encrypted.</b> Anyone who gets it can read "
                                 "everything in it. Save it only where you must, and delete it when done."))
        warning.setWordWrap(True)
        warning.setStyleSheet("color: #a01818;")
        layout.addWidget(warning)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(self.tr("&Export…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setAccessibleName(self.tr("Export"))
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.choose_file)
        for button in self.format_buttons.values():
            button.toggled.connect(self._update)
        self.scope.currentIndexChanged.connect(self._update)
        self.origin.currentIndexChanged.connect(self._update)

    # --- state --------------------------------------------------------------------------
    def fmt(self) -> str:
        return next(k for k, b in self.format_buttons.items() if b.isChecked())

    def set_format(self, fmt: str) -> None:
        self.format_buttons[fmt].setChecked(True)

    def report_filter(self) -> ReportFilter:
        scope = self.scope.currentData()
        origin = self.origin.currentData() or "all"
        if scope == "selected" and self.selected_uuid:
            return ReportFilter(origin=origin, entry_uuids=(self.selected_uuid,))
        if scope == "list":
            return ReportFilter(self.list_filter, origin=origin)
        return ReportFilter(origin=origin)

    def _update(self, *_args) -> None:
        fmt = self.fmt()
        self.bom.setVisible(fmt == "csv")
        self.page_size.setEnabled(fmt == "pdf")
        self.photos.setVisible(fmt == "pdf")
        if self.session is not None and self.session.reader is not None:
            try:
                n = count_entries(self.session.reader.db, self.report_filter())
                self.count_label.setText(self.tr("%n entries will be exported.", "", n))
                self.export_button.setEnabled(n > 0)
            except Exception as exc:  # noqa: BLE001
                self.count_label.setText(user_message(exc))

    # --- export ---------------------------------------------------------------------------
    def choose_file(self) -> None:
        fmt = self.fmt()
        filters = {"csv": self.tr("CSV files (*.csv)"), "json": self.tr("JSON files (*.json)"),
                   "pdf": self.tr("PDF files (*.pdf)")}
        path = file_dialogs.choose_save_path(self, self.tr("Export report"), f"report.{fmt}", filters[fmt])
        if path:
            if not path.lower().endswith("." + fmt):
                path += "." + fmt
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write the report to `path` in the background (tests call this directly)."""
        fmt, flt = self.fmt(), self.report_filter()
        options = {"omit_contact_details": self.omit_contacts.isChecked()}
        bom, page_size, photos = self.bom.isChecked(), self.page_size.currentData(), self.photos.isChecked()
        journal = self.session.journal
        self.export_button.setEnabled(False)
        self.message.setText(self.tr("Exporting…"))

        def work(ctx):
            reader = journal.open_reader()  # its own connection: the GUI's reader stays free
            try:
                kwargs = dict(options, progress=ctx.progress, cancel=ctx.cancelled)
                if fmt == "csv":
                    return write_csv(reader, flt, path, bom=bom, **kwargs)
                if fmt == "json":
                    return write_json(reader, flt, path, **kwargs)
                # Imported here, in the worker: fpdf2 takes ~0.4 s to import, kept off app start.
                from journal.report_pdf import write_pdf

                return write_pdf(reader, flt, path, page_size=page_size, photos=photos, **kwargs)
            finally:
                reader.close()

        self.op = run_op(self, work, lambda n: self._done(path, n), self._failed,
                         label=self.tr("Writing the report…"), cancellable=True)

    def _done(self, path: Path, count: int) -> None:
        self.result_path = path
        self.export_button.setEnabled(True)
        self.message.setText(self.tr("Wrote %n entries to {name}. Remember: this file is not encrypted.", "", count)
                             .format(name=path.name))

    def _failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.message.setText(self.tr("Not exported: {reason}").format(reason=user_message(exc)))
