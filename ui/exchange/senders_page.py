"""The Senders page (coordinator side): documenters whose bundles this journal received.

Fingerprint, first and last bundle, counts; verify after comparing the fingerprint aloud,
block (refuse their future bundles; what was imported stays), trust again, rename.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QMessageBox, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from ui.exchange.common import fingerprint_groups, reader_stores, short_time, verified_icon, verified_text
from ui.exchange.coordinators import confirm_fingerprint
from ui.common.a11y import mark_hint
from ui.common.ops import user_message
from ui.exchange import ops

SENDER_ROLE = Qt.ItemDataRole.UserRole + 1


class SendersPage(QWidget):
    changed = Signal()  # names, badges or status changed (the sidebar's Received group re-reads)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = None
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Senders"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        intro = QLabel(self.tr("Documenters whose bundles you imported. Verify a sender after comparing the "
                               "fingerprint with them aloud; block a sender to refuse their future bundles."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Verified"), self.tr("Status"),
                                              self.tr("Fingerprint"), self.tr("First bundle"),
                                              self.tr("Last bundle"), self.tr("Bundles / entries")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Senders"))
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("No senders yet. Import a bundle (Journal ▸ Import bundles…) or drop one "
                                    "on the window."))
        mark_hint(self.empty)  # readable grey (>= 4.5:1), not a disabled label
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        buttons = QHBoxLayout()
        self.verify_button = QPushButton(self.tr("&Compare fingerprint…"))
        self.verify_button.setToolTip(self.tr("Read the fingerprint aloud with the documenter and mark them verified"))
        self.block_button = QPushButton(self.tr("&Block"))
        self.block_button.setToolTip(self.tr("Refuse this sender's future bundles"))
        self.rename_button = QPushButton(self.tr("Re&name…"))
        self.rename_button.setToolTip(self.tr("Change the name shown for this sender"))
        for b in (self.verify_button, self.block_button, self.rename_button):
            # The name is the words on the button (WCAG 2.5.3, label in name); the tip explains it.
            b.setAccessibleDescription(b.toolTip())
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.verify_button.clicked.connect(self.verify_current)
        self.block_button.clicked.connect(self.toggle_block)
        self.rename_button.clicked.connect(self.rename_current)
        self.clear()

    def attach(self, session) -> None:
        self.session = session
        self.refresh()

    def clear(self) -> None:
        """Lock: forget every sender shown."""
        self.session = None
        self.table.setRowCount(0)
        self.empty.setVisible(True)
        self._update_buttons()

    def refresh(self, select_id: int | None = None) -> None:
        stores = reader_stores(self.session)
        if stores is None:
            return
        current = select_id if select_id is not None else (self.current().id if self.current() else None)
        senders = stores.senders.list()
        self.table.setRowCount(len(senders))
        for row, s in enumerate(senders):
            status = self.tr("Blocked") if s.status == "blocked" else self.tr("Trusted")
            cells = [s.display_name, verified_text(s.verified), status, fingerprint_groups(s.fingerprint),
                     short_time(s.first_bundle_at), short_time(s.last_bundle_at),
                     f"{s.bundle_count} / {s.entry_count}"]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(SENDER_ROLE, s)
                if column == 1:
                    item.setIcon(verified_icon(self, s.verified))
                self.table.setItem(row, column, item)
            if s.id == current:
                self.table.selectRow(row)
        if self.table.currentRow() < 0 and senders:
            self.table.selectRow(0)
        self.empty.setVisible(not senders)
        self._update_buttons()

    def current(self):
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return item.data(SENDER_ROLE) if item is not None else None

    def _update_buttons(self) -> None:
        s = self.current()
        for b in (self.verify_button, self.block_button, self.rename_button):
            b.setEnabled(s is not None)
        if s is not None:
            self.block_button.setText(self.tr("&Trust again") if s.status == "blocked" else self.tr("&Block"))
            self.verify_button.setText(self.tr("Mark &not verified") if s.verified
                                       else self.tr("&Compare fingerprint…"))

    def verify_current(self) -> None:
        s = self.current()
        if s is None or self.session is None:
            return
        if not s.verified and not confirm_fingerprint(self, s.display_name, s.fingerprint):
            return
        sid, verified = s.id, not s.verified
        ops.verify_sender(self, self.session, sid, verified).success(self._done).failure(self._failed).run()

    def toggle_block(self) -> None:
        s = self.current()
        if s is None or self.session is None:
            return
        sid = s.id
        if s.status == "blocked":
            ops.trust_sender(self, self.session, sid).success(self._done).failure(self._failed).run()
            return
        answer = QMessageBox.question(self, self.tr("Block sender"), self.tr(
            "Refuse every future bundle from {name}? What was already imported stays.").format(name=s.display_name))
        if answer == QMessageBox.StandardButton.Yes:
            ops.block_sender(self, self.session, sid).success(self._done).failure(self._failed).run()

    def rename_current(self) -> None:
        s = self.current()
        if s is None or self.session is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename sender"), self.tr("Name:"), text=s.display_name)
        if ok and name.strip():
            sid = s.id
            ops.rename_sender(self, self.session, sid, name).success(self._done).failure(self._failed).run()

    def _done(self, sender) -> None:
        self.refresh(sender.id)
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Senders"), user_message(exc))
