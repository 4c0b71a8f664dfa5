"""Coordinator side: inbox folders (add, test, remove) and "Fetch bundles" with a result dialog.

Fetching imports, so it runs on the session's writer (ops.fetch: run_write_op) with
progress and cancel, like a normal import.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.exchange.inbox import FetchReport

from ui.common.ops import user_message
from ui.exchange.transport import ops
from ui.exchange.transport.drop_dialog import FolderFields, test_folder

ID_ROLE = Qt.ItemDataRole.UserRole


class InboxFoldersDialog(QDialog):
    """The WebDAV folders this (coordinator) journal fetches bundles from."""

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Inbox folders"))
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Folders you fetch bundles from: your own Nextcloud folder behind the file-drop "
                              "link (its WebDAV address and an app password) or any WebDAV folder."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Address"), self.tr("User"), self.tr("Last fetched")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName(self.tr("Inbox folders"))
        self.tree.setColumnWidth(0, 320)
        layout.addWidget(self.tree, 1)
        self.fields = FolderFields()
        layout.addWidget(self.fields)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add folder"))
        self.add_button.setAccessibleDescription(self.tr("Add inbox folder"))  # the name is what it shows (WCAG 2.5.3)
        self.add_button.clicked.connect(self.add)
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.clicked.connect(self.test)
        self.remove_button = QPushButton(self.tr("&Remove selected"))
        self.remove_button.setAccessibleDescription(self.tr("Remove inbox folder"))
        self.remove_button.clicked.connect(self.remove)
        for button in (self.add_button, self.test_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 480)
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        for folder in self.session.reader.inbox.list():
            item = QTreeWidgetItem([folder.url, folder.user_name or "", folder.last_fetch_at or self.tr("never")])
            item.setData(0, ID_ROLE, folder.id)
            self.tree.addTopLevelItem(item)
        if self.tree.topLevelItemCount() == 0:
            self.status.setText(self.tr("No inbox folder yet."))

    def add(self) -> None:
        url, user, password, pin = self.fields.values()
        ops.add_inbox_folder(self, self.session, url, user, password, pin).success(self._added) \
            .failure(self._failed).run()

    def _added(self, _folder) -> None:
        self.fields.fill("", None, None, None)
        self.status.setText(self.tr("Folder added."))
        self.refresh()

    def test(self) -> None:
        self.status.setText(self.tr("Connecting…"))
        try:
            test_folder(self, self.session, *self.fields.values(), on_done=lambda c: self.status.setText(c.note))
        except Exception as exc:  # noqa: BLE001 - shown through user_message
            self.status.setText(user_message(exc))

    def remove(self) -> None:
        ids = [int(i.data(0, ID_ROLE)) for i in self.tree.selectedItems()]
        if ids:
            ops.remove_inbox_folders(self, self.session, ids).success(lambda _r: self.refresh()) \
                .failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(user_message(exc))

    def done(self, result: int) -> None:
        self.fields.clear_secret()
        super().done(result)


class FetchOptionsDialog(QDialog):
    """Before fetching: trust new senders? delete after import?"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fetch bundles"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Download new bundles from your inbox folders and import them.")))
        self.trust_new = QCheckBox(self.tr("Accept bundles from senders never seen before"))
        self.trust_new.setToolTip(self.tr("Compare their fingerprint with them afterwards"))
        self.delete_after = QCheckBox(self.tr("Delete bundles from the server after a successful import"))
        layout.addWidget(self.trust_new)
        layout.addWidget(self.delete_after)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Fetch"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class FetchResultDialog(QDialog):
    """Accepted, already imported, rejected and failed bundles with reasons."""

    def __init__(self, report: FetchReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fetch results"))
        layout = QVBoxLayout(self)
        summary = self.tr("{a} accepted, {d} already imported, {r} rejected, {f} failed, {s} fetched before.").format(
            a=report.count("accepted"), d=report.count("duplicate"), r=report.count("rejected"),
            f=report.count("failed"), s=report.count("skipped"))
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        for error in report.errors:
            label = QLabel(error)
            label.setWordWrap(True)
            layout.addWidget(label)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Result"), self.tr("Sender"), self.tr("Reason")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName(self.tr("Fetched bundles"))
        labels = {"accepted": self.tr("accepted"), "duplicate": self.tr("already imported"),
                  "rejected": self.tr("rejected"), "failed": self.tr("not downloaded"),
                  "skipped": self.tr("fetched before")}
        for f in report.files:
            if f.status == "skipped" and not f.reason.startswith("fetched before;"):
                continue
            self.tree.addTopLevelItem(QTreeWidgetItem([labels.get(f.status, f.status), f.sender or "", f.reason]))
        layout.addWidget(self.tree, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 360)


def fetch(window: QWidget, session: Any, on_done=None, *, ask: bool = True, trust_new: bool = False,
          delete_after_import: bool = False):
    """Ask the options, fetch on the writer with progress and cancel, then show the results."""
    if session is None:
        return None
    if not session.reader.inbox.list():
        QMessageBox.information(
            window, QCoreApplication.translate("FetchOptionsDialog", "Fetch bundles"),
            QCoreApplication.translate("TransportFeature", "Add an inbox folder first (Journal → Inbox folders…)."))
        return None
    if ask:
        options = FetchOptionsDialog(window)
        if options.exec() != QDialog.DialogCode.Accepted:
            return None
        trust_new, delete_after_import = options.trust_new.isChecked(), options.delete_after.isChecked()

    def done(report: FetchReport) -> None:
        from ui.exchange import ops as exchange_ops

        exchange_ops.fill_previews(window, session)  # received photos' previews, after the commit
        dialog = FetchResultDialog(report, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        if on_done is not None:
            on_done(report)

    return ops.fetch(window, session, trust_new=trust_new, delete_after_import=delete_after_import, on_done=done,
                     label=QCoreApplication.translate("TransportFeature", "Fetching bundles…"))
