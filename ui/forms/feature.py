"""Wires incident forms, the Statistics page and report export into the main window.

MainWindow creates one FormsFeature with its FeatureHost (ui/common/host.py) and calls
attach(session) / detach() (lock) / flush(); the editor panel, the Statistics section,
the forms editor and the "Export report…" action are set up here through the host, so
the shared window code needs only those few calls.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from ui.common.host import FeatureHost
from ui.forms.editor import FormsEditorDialog
from ui.forms.panel import FormsPanel
from ui.forms.report_dialog import ReportDialog
from ui.forms.stats_page import StatsPage

STATISTICS_SECTION = "statistics"


class FormsFeature(QObject):
    def __init__(self, host: FeatureHost) -> None:
        super().__init__(host.parent_widget())
        self.host = host
        self.session = None
        self.panel = FormsPanel()
        self.panel.setVisible(False)
        self.stats_page = StatsPage()
        self.stats_page.on_screen = lambda: host.current_section() == STATISTICS_SECTION
        self.editor_dialog: FormsEditorDialog | None = None
        self.report_dialog: ReportDialog | None = None
        host.add_entry_panel(self.panel)
        host.add_page(STATISTICS_SECTION, self.stats_page, self.tr("Statistics"))
        self._make_actions()
        host.add_entry_part(FormsPanel.read_part, self.panel.set_entry)
        host.entry_saved.connect(self.panel.entry_saved)
        host.section_changed.connect(self._section_changed)
        self.panel.edit_forms_requested.connect(self.edit_forms)
        self._update_actions()

    def _make_actions(self) -> None:
        window = self.host.parent_widget()
        self.report_action = QAction(self.tr("Export &report…"), window)
        self.report_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.report_action.setToolTip(self.tr("Export entries as CSV, JSON or PDF (Ctrl+Shift+R); "
                                              "the file is not encrypted"))
        self.report_action.triggered.connect(self.export_report)
        self.forms_action = QAction(self.tr("Incident &forms…"), window)
        self.forms_action.setToolTip(self.tr("Add fields to a form or create your own form"))
        self.forms_action.triggered.connect(lambda: self.edit_forms(""))
        self.stats_action = QAction(self.tr("&Statistics"), window)
        self.stats_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.stats_action.setToolTip(self.tr("Counts by category, day, place or form field (Ctrl+Shift+S)"))
        self.stats_action.triggered.connect(self.show_statistics)
        self.host.add_actions([self.report_action, self.forms_action, self.stats_action])  # ui/menus.py places them

    def _update_actions(self) -> None:
        unlocked = self.session is not None
        for act in (self.report_action, self.forms_action, self.stats_action):
            act.setEnabled(unlocked)

    # --- session -------------------------------------------------------------------------
    def attach(self, session) -> None:
        self.session = session
        self.panel.attach(session)
        self.stats_page.attach(session)
        self._update_actions()

    def detach(self) -> None:
        self.panel.detach()
        self.stats_page.detach()
        for dialog in (self.editor_dialog, self.report_dialog):
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()
        self.editor_dialog = self.report_dialog = None
        self.session = None
        self._update_actions()

    def flush(self) -> bool:
        return self.panel.flush()

    # --- actions -------------------------------------------------------------------------
    def _section_changed(self, section: str, _flt) -> None:
        if section == STATISTICS_SECTION and self.session is not None:
            self.stats_page.attach(self.session)  # new entries, forms or fields since last time

    def show_statistics(self) -> None:
        """Choose the Statistics item in the sidebar (which shows the page and counts)."""
        if self.host.current_section() == STATISTICS_SECTION:
            self._section_changed(STATISTICS_SECTION, None)  # chosen already: count again
        self.host.show_section(STATISTICS_SECTION)

    def edit_forms(self, form_key: str = "") -> None:
        if self.session is None:
            return
        if self.editor_dialog is None:
            self.editor_dialog = FormsEditorDialog(self.session, form_key, self.host.parent_widget())
            self.editor_dialog.forms_changed.connect(lambda _key: self.panel.refresh())
        self.editor_dialog.show()
        self.editor_dialog.raise_()

    def export_report(self) -> None:
        if self.session is None:
            return
        self.host.flush()
        flt = self.host.current_filter()
        if self.report_dialog is not None:
            self.report_dialog.deleteLater()
        self.report_dialog = ReportDialog(self.session, flt, self.host.current_entry_uuid(), self.host.parent_widget())
        self.report_dialog.show()
