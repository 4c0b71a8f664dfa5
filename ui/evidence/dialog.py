"""Reports ▸ Evidence package…: choose the entries (the rows picked in the entry list, the one
shown, the current list, or a tag: a case is usually a tag, docs/evidence.md), a folder or a ZIP file, and what to include; the package is written in the background with
progress and Cancel (journal/evidence, the same writer as `journal evidence`), on its own
read-only connection, and then logged in the journal (ui/evidence/ops.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QRadioButton, QVBoxLayout, QWidget,
)

from journal.evidence import EvidenceOptions, PackageResult, build_package, select_entries
from journal.errors import InvalidInput
from journal.records.reports import ReportFilter
from journal.records.search import EntryFilter
from ui.common import file_dialogs
from ui.common.a11y import mark_hint
from ui.common.keyboard import fit_window_on_screen, grow_to_contents
from ui.common.ops import run_op, scaled_progress, user_message
from ui.evidence import ops


class EvidenceDialog(QDialog):
    def __init__(self, session, list_filter: EntryFilter | None = None, current_uuid: str | None = None,
                 parent: QWidget | None = None, selected_ids: list[int] | None = None,
                 search_text: str = "") -> None:
        super().__init__(parent)
        self.session = session
        self.list_filter = list_filter or EntryFilter()
        self.current_uuid = current_uuid
        self.selected_ids = list(selected_ids or [])  # rows picked in the entry list (row ids)
        self.search_text = search_text  # the list shows a search's results: "the current list" ignores it
        self.op = None
        self.result: PackageResult | None = None
        self.setWindowTitle(self.tr("Evidence package"))
        self._build()
        self._update()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("For lawyers and courts: the original files with their SHA-256, each entry with "
                               "its full history, who recorded and signed it, and when it was received. "
                               "The package can be checked without this app (VERIFY.txt)."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Which entries"))
        # Rows picked by hand come first: that is what was meant. One picked row is the entry shown,
        # unless none is shown (a search clears the editor).
        if len(self.selected_ids) > 1 or (self.selected_ids and not self.current_uuid):
            self.scope.addItem(self.tr("The %n selected entries", "", len(self.selected_ids)), "selected")
        if self.current_uuid:
            self.scope.addItem(self.tr("The entry shown"), "current")
        if self.search_text:
            # The package takes the sidebar's list (a filter), not the words searched: say so, and how
            # to take just what was found. Never a silent "current list" that is bigger than what is shown.
            self.scope.addItem(self.tr("Entries in the list, without the search “{text}”").format(
                text=self.search_text), "list")
        else:
            self.scope.addItem(self.tr("Entries in the current list"), "list")
        self.scope.addItem(self.tr("Entries with a tag"), "tag")
        scope_label = QLabel(self.tr("&Entries:"))
        scope_label.setBuddy(self.scope)
        form.addRow(scope_label, self.scope)
        self.tag = QComboBox()
        self.tag.setAccessibleName(self.tr("Tag"))
        if self.session is not None and self.session.reader is not None:
            for tag, count in self.session.reader.entries.tags():
                self.tag.addItem(f"{tag} ({count})", tag)
        tag_label = QLabel(self.tr("&Tag:"))
        tag_label.setBuddy(self.tag)
        form.addRow(tag_label, self.tag)
        row = QHBoxLayout()
        self.kind_group = QButtonGroup(self)
        self.zip_button = QRadioButton(self.tr("One &ZIP file"))
        self.folder_button = QRadioButton(self.tr("A &folder"))
        for button in (self.zip_button, self.folder_button):
            button.setAccessibleName(button.text().replace("&", ""))
            self.kind_group.addButton(button)
            row.addWidget(button)
        self.zip_button.setChecked(True)
        form.addRow(self.tr("Write as:"), row)
        self.stripped = QCheckBox(self.tr("Also include &metadata-stripped copies of the files"))
        self.stripped.setToolTip(self.tr("Beside each original, clearly named; the originals are always included"))
        form.addRow("", self.stripped)
        self.sensitive = QCheckBox(self.tr("Name the people marked &sensitive (left out by default)"))
        form.addRow("", self.sensitive)
        layout.addLayout(form)
        self.search_hint = QLabel(self.tr("To package only the entries the search found, select them in the "
                                          "list first (Ctrl+A selects the list)."))
        self.search_hint.setWordWrap(True)
        mark_hint(self.search_hint)
        self.search_hint.setVisible(bool(self.search_text) and self.scope.findData("selected") < 0)
        layout.addWidget(self.search_hint)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)
        warning = QLabel(self.tr("<b>The package is not encrypted.</b> Anyone who gets it can read everything in "
                                 "it. Give it only to the lawyer or court that needs it."))
        warning.setWordWrap(True)
        warning.setStyleSheet("color: #a01818;")
        layout.addWidget(warning)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Result"))
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.write_button = self.buttons.addButton(self.tr("&Write package…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.write_button.setAccessibleName(self.tr("Write package"))
        self.write_button.setDefault(True)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)
        self.write_button.clicked.connect(self.choose_path)
        self.scope.currentIndexChanged.connect(self._update)
        self.tag.currentIndexChanged.connect(self._update)

    # --- state ------------------------------------------------------------------------------
    def selection(self) -> tuple[list[str] | None, ReportFilter | None]:
        scope = self.scope.currentData()
        if scope == "selected":
            return None, None
        if scope == "current" and self.current_uuid:
            return [self.current_uuid], None
        if scope == "tag":
            return None, ReportFilter(EntryFilter(tag=self.tag.currentData() or "\x00"))
        return None, ReportFilter(self.list_filter)

    def entry_uuids(self) -> list[str]:
        refs, flt = self.selection()
        if refs is None and flt is None:
            return select_entries(self.session.reader, ids=self.selected_ids)
        return select_entries(self.session.reader, refs=refs, flt=flt)

    def _update(self, *_args) -> None:
        self.tag.setEnabled(self.scope.currentData() == "tag")
        if self.session is None or self.session.reader is None:
            return
        try:
            count = len(self.entry_uuids())
        except InvalidInput:
            count = 0
        except Exception as exc:  # noqa: BLE001 - shown, never raised into Qt
            self.count_label.setText(user_message(exc))
            self.write_button.setEnabled(False)
            return
        self.count_label.setText(self.tr("Entries in the package: %n", "", count))
        self.write_button.setEnabled(count > 0)

    def _fit(self) -> None:
        """Grow to the lines the result adds after the dialog is shown, within the screen: without it
        the form's rows were squeezed (Russian, 1280x800: the combo boxes cut in half)."""
        if self.isVisible():
            self.layout().activate()
            grow_to_contents(self)
            fit_window_on_screen(self)

    # --- writing ----------------------------------------------------------------------------
    def choose_path(self) -> None:
        if self.zip_button.isChecked():
            path = file_dialogs.choose_save_path(self, self.tr("Evidence package"), "evidence-package.zip",
                                                 self.tr("ZIP files (*.zip)"))
            if path and not path.lower().endswith(".zip"):
                path += ".zip"
        else:
            path = file_dialogs.choose_save_path(self, self.tr("New folder for the evidence package"),
                                                 "evidence-package")
        if path:
            self.write_to(Path(path))

    def write_to(self, path: Path) -> None:
        """Write the package to `path` in the background (tests call this directly)."""
        try:
            uuids = self.entry_uuids()
        except Exception as exc:  # noqa: BLE001
            self.message.setText(self.tr("Not written: {reason}").format(reason=user_message(exc)))
            self._fit()
            return
        options = EvidenceOptions(include_stripped=self.stripped.isChecked(),
                                  include_sensitive=self.sensitive.isChecked())
        journal = self.session.journal
        self.write_button.setEnabled(False)
        self.message.setText(self.tr("Writing the evidence package…"))
        self._fit()

        def work(ctx):
            reader = journal.open_reader()  # its own connection: the GUI's reader stays free
            try:
                return build_package(reader, uuids, path, options=options, progress=scaled_progress(ctx),
                                     cancel=ctx.cancelled)
            finally:
                reader.close()

        self.op = run_op(self, work, self._done, self._failed, label=self.tr("Writing the evidence package…"),
                         cancellable=True)

    def _done(self, result: PackageResult) -> None:
        self.result = result
        self.write_button.setEnabled(True)
        if self.session is not None:
            ops.log_package(self, self.session, result).run()
        text = self.tr("Package written to {name}. Entries: %n. It is not encrypted; check it with "
                       "Reports ▸ Verify evidence package… or VERIFY.txt.", "", len(result.entry_uuids))
        if result.people_left_out:
            text += " " + self.tr("Sensitive people left out: %n.", "", result.people_left_out)
        if result.warnings:
            text += "\n" + "\n".join(result.warnings)
        self.message.setText(text.format(name=result.path.name))
        self._fit()

    def _failed(self, exc: BaseException) -> None:
        self.write_button.setEnabled(True)
        self.message.setText(self.tr("Not written: {reason}").format(reason=user_message(exc)))
        self._fit()
