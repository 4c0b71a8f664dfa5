"""Wires evidence packages into the main window: Reports ▸ "Evidence package…" (the rows picked in
the entry list, the entry shown, the current list or a tag) and "Verify evidence package…". MainWindow creates one
EvidenceFeature with its FeatureHost (ui/common/host.py) and calls attach(session) / detach()."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from ui.common.host import FeatureHost
from ui.evidence.dialog import EvidenceDialog
from ui.evidence.verify_dialog import VerifyDialog


class EvidenceFeature(QObject):
    def __init__(self, host: FeatureHost) -> None:
        super().__init__(host.parent_widget())
        self.host = host
        self.session = None
        self.dialog: EvidenceDialog | None = None
        self.verify_dialog: VerifyDialog | None = None
        window = host.parent_widget()
        self.package_action = QAction(self.tr("&Evidence package…"), window)
        self.package_action.setShortcut(QKeySequence("Ctrl+Shift+K"))
        tip = self.tr("Original files, hashes, signatures and chain of custody for lawyers and courts "
                      "(Ctrl+Shift+K); the package is not encrypted")
        self.package_action.setToolTip(tip)
        self.package_action.setStatusTip(tip)
        self.package_action.triggered.connect(self.show_package)
        self.verify_action = QAction(self.tr("&Verify evidence package…"), window)
        tip = self.tr("Check an evidence package: which files, signatures and revision chains hold")
        self.verify_action.setToolTip(tip)
        self.verify_action.setStatusTip(tip)
        self.verify_action.triggered.connect(self.show_verify)
        host.add_actions([self.package_action, self.verify_action])  # ui/menus.py puts them in Reports
        self._update_actions()

    def _update_actions(self) -> None:
        self.package_action.setEnabled(self.session is not None)

    def attach(self, session) -> None:
        self.session = session
        self._update_actions()

    def detach(self) -> None:
        for dialog in (self.dialog, self.verify_dialog):
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()
        self.dialog = self.verify_dialog = None
        self.session = None
        self._update_actions()

    def show_package(self) -> EvidenceDialog | None:
        if self.session is None:
            return None
        self.host.flush()
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = EvidenceDialog(self.session, self.host.current_filter(), self.host.current_entry_uuid(),
                                     self.host.parent_widget(), selected_ids=self.host.selected_entry_ids(),
                                     search_text=self.host.search_text())
        self.dialog.show()
        return self.dialog

    def show_verify(self) -> VerifyDialog:
        if self.verify_dialog is not None:
            self.verify_dialog.close()
            self.verify_dialog.deleteLater()
        self.verify_dialog = VerifyDialog(self.host.parent_widget())
        self.verify_dialog.show()
        return self.verify_dialog
