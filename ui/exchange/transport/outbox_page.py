"""The Outbox page: bundles waiting to be sent (send, retry, remove) and the Sent list.

Sending runs on a worker: the database is read and written through the
session's writer (prepare, then record), and the upload itself never holds the
writer, so the rest of the app stays usable while bytes move.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.errors import Cancelled, JournalError
from journal.exchange.outbox import Outbox, SendOutcome
from journal.exchange.transport import TransportError

from ui.attachments.ops import scaled_progress
from ui.common.ops import run_op, user_message

ID_ROLE = Qt.ItemDataRole.UserRole


def _item_progress(progress, index: int, count: int):
    """Upload progress of item `index` of `count`, as a share of the whole run."""

    def step(done: int, total: int) -> None:
        progress(index * 1000 + (done * 1000 // total if total else 0), count * 1000)

    return step


def send_items(session: Any, item_ids: list[int], ctx) -> list[SendOutcome]:
    """Worker: send each item; the writer is used only for the short reads and writes."""
    outcomes = []
    progress = scaled_progress(ctx)
    for index, item_id in enumerate(item_ids):
        if ctx.cancelled():
            break
        try:
            job = session.write_and_wait(lambda j, i=item_id: j.outbox.prepare(i), timeout=None)
        except Cancelled:
            raise
        except JournalError as exc:  # no drop folder, file missing, unusable address
            item = session.write_and_wait(lambda j, i=item_id, m=str(exc): j.outbox.record_failure(i, m, 0))
            outcomes.append(SendOutcome(item, error=str(exc)))
            continue

        try:
            receipt = Outbox.upload(job, _item_progress(progress, index, len(item_ids)), ctx.cancelled)
        except TransportError as exc:
            item = session.write_and_wait(lambda j, i=item_id, m=str(exc): j.outbox.record_failure(i, m))
            outcomes.append(SendOutcome(item, error=str(exc)))
            continue
        except BaseException:
            session.write_and_wait(lambda j, i=item_id: j.outbox.record_failure(i, "Sending was cancelled.", 0))
            raise
        item = session.write_and_wait(lambda j, i=item_id, r=receipt: j.outbox.record_sent(i, r))
        outcomes.append(SendOutcome(item, receipt))
    return outcomes


class OutboxPage(QWidget):
    sent = Signal(list)  # SendOutcome list, after each send run

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = None
        self.op = None
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("<b>Outbox</b>"))
        layout.addWidget(title)
        note = QLabel(self.tr("Encrypted bundles waiting to be uploaded to your coordinators' drop folders. "
                              "Nothing connects until you press Send."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.queued = self._tree([self.tr("Created"), self.tr("To"), self.tr("Size"), self.tr("Attempts"),
                                  self.tr("Last problem")], self.tr("Bundles waiting to be sent"))
        layout.addWidget(self.queued, 2)
        self.empty = QLabel(self.tr("The outbox is empty. Export a bundle “to the outbox” to send it from here."))
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        self.send_button = QPushButton(self.tr("&Send now"))
        self.send_button.setToolTip(self.tr("Upload the selected bundles, or all of them (Ctrl+Return)"))
        self.send_button.setAccessibleName(self.tr("Send now"))
        self.send_button.clicked.connect(self.send_selected)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.send_selected)
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.setToolTip(self.tr("Take the selected bundle out of the outbox (it is not sent)"))
        self.remove_button.setAccessibleName(self.tr("Remove from outbox"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.drop_button = QPushButton(self.tr("&Drop folder…"))
        self.drop_button.setToolTip(self.tr("Set where a coordinator's bundles are uploaded"))
        self.drop_button.setAccessibleName(self.tr("Drop folder"))
        self.drop_button.clicked.connect(self.edit_drop_folder)
        for button in (self.send_button, self.remove_button, self.drop_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("<b>Sent</b>")))
        self.sent_tree = self._tree([self.tr("Sent"), self.tr("To"), self.tr("Size"), self.tr("Server reply")],
                                    self.tr("Bundles sent"))
        layout.addWidget(self.sent_tree, 1)
        self.queued.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def _tree(self, headers: list[str], name: str) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setHeaderLabels(headers)
        tree.setRootIsDecorated(False)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        tree.setAccessibleName(name)
        tree.setColumnWidth(0, 170)
        tree.setColumnWidth(1, 160)
        return tree

    # --- session -------------------------------------------------------------------------------
    def attach(self, session) -> None:
        self.session = session
        self.refresh()

    def detach(self) -> None:
        self.session = None
        self.queued.clear()
        self.sent_tree.clear()
        self._update_buttons()

    def refresh(self) -> None:
        self.queued.clear()
        self.sent_tree.clear()
        if self.session is None or self.session.reader is None:
            return
        store = self.session.reader.outbox
        for item in store.queued():
            row = QTreeWidgetItem([item.created_at.replace("T", " ")[:16], item.coordinator_name,
                                   _size(item.file_size), str(item.attempts), item.last_error or ""])
            row.setData(0, ID_ROLE, item.id)
            row.setToolTip(4, item.last_error or "")
            self.queued.addTopLevelItem(row)
        for item in store.sent():
            row = QTreeWidgetItem([(item.sent_at or "").replace("T", " ")[:16], item.coordinator_name,
                                   _size(item.file_size), item.server_reply or ""])
            row.setData(0, ID_ROLE, item.id)
            row.setToolTip(3, item.server_reply or "")
            self.sent_tree.addTopLevelItem(row)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.queued.topLevelItemCount() > 0
        self.empty.setVisible(not has)
        busy = self.op is not None and not self.op.done
        self.send_button.setEnabled(has and not busy)
        self.remove_button.setEnabled(bool(self.queued.selectedItems()) and not busy)
        self.drop_button.setEnabled(self.session is not None)

    def _selected_ids(self, all_if_none: bool) -> list[int]:
        items = self.queued.selectedItems()
        if not items and all_if_none:
            items = [self.queued.topLevelItem(i) for i in range(self.queued.topLevelItemCount())]
        return [int(i.data(0, ID_ROLE)) for i in items]

    # --- actions -------------------------------------------------------------------------------
    def send_selected(self) -> None:
        ids = self._selected_ids(all_if_none=True)
        session = self.session
        if not ids or session is None or (self.op is not None and not self.op.done):
            return
        self.op = run_op(self, lambda ctx: send_items(session, ids, ctx), self._sent, self._failed,
                         label=self.tr("Sending bundles…"), cancellable=True)
        self._update_buttons()

    def _sent(self, outcomes: list[SendOutcome]) -> None:
        self.refresh()
        self.sent.emit(outcomes)
        failed = [o for o in outcomes if not o.ok]
        if failed:
            text = "\n".join(f"{o.item.coordinator_name}: {o.error}" for o in failed)
            QMessageBox.warning(self, self.tr("Not sent"),
                                self.tr("These bundles stay in the outbox:") + "\n\n" + text)

    def _failed(self, exc: BaseException) -> None:
        self.refresh()
        if not isinstance(exc, Cancelled):
            QMessageBox.warning(self, self.tr("Not sent"), user_message(exc))

    def remove_selected(self) -> None:
        ids = self._selected_ids(all_if_none=False)
        if not ids or self.session is None:
            return
        answer = QMessageBox.question(self, self.tr("Remove from outbox"),
                                      self.tr("Remove %n bundle(s) from the outbox without sending?", "", len(ids)))
        if answer != QMessageBox.StandardButton.Yes:
            return

        def remove(journal) -> None:
            for item_id in ids:
                journal.outbox.remove(item_id)

        self.session.write(remove, lambda _r: self.refresh(), self._failed)

    def edit_drop_folder(self) -> None:
        if self.session is None:
            return
        from ui.exchange.transport.drop_dialog import DropFolderDialog

        coordinators = self.session.reader.coordinators.list()
        if not coordinators:
            QMessageBox.information(self, self.tr("Drop folder"),
                                    self.tr("Add a coordinator from their contact card first."))
            return
        chosen = coordinators[0]
        if len(coordinators) > 1:
            names = [c.display_name for c in coordinators]
            name, ok = QInputDialog.getItem(self, self.tr("Drop folder"), self.tr("Coordinator:"), names, 0, False)
            if not ok:
                return
            chosen = coordinators[names.index(name)]
        DropFolderDialog(chosen, self.session, self).exec()


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    return f"{max(1, n // 1024)} KB"
