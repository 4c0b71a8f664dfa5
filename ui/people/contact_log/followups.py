"""Follow-ups: contact-log records whose follow-up is due today or overdue (read off the GUI
thread on the feature's reader when it gives one: ui/common/ops.LatestRead)."""

from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QStackedWidget, QTableView,
    QVBoxLayout, QWidget,
)

from ui.people.contact_log.model import COL_SUMMARY, RESIZE_PRECISION, UUID_ROLE, ContactLogModel
from ui.common.ops import LatestRead, user_message
from ui.people import ops


class FollowUpsPage(QWidget):
    changed = Signal()   # a follow-up was marked done

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = None
        self._background = None     # a reader connection of its own (attach)
        self._reads = LatestRead()  # the due records, read off the GUI thread
        self.today: Callable[[], dt.date] = dt.date.today   # tests pin the day
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        head = QHBoxLayout()
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.done_button = QPushButton(self.tr("Mark done"))
        self.done_button.setToolTip(self.tr("Close the selected follow-up (Ctrl+D)"))
        self.done_button.setShortcut("Ctrl+D")
        head.addWidget(self.heading, 1)
        head.addWidget(self.done_button)
        layout.addLayout(head)
        self.model = ContactLogModel(self)
        self.model.today = lambda: self.today()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Follow-ups due"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Fitted to the first rows only: measuring all (Qt measures 1,000) froze the window ~1 s.
        header.setResizeContentsPrecision(RESIZE_PRECISION)
        header.setSectionResizeMode(COL_SUMMARY, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self.done_button.clicked.connect(self.mark_selected_done)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def attach(self, session, background=None) -> None:
        self.session = session
        self._background = background
        if self.isVisible():  # else when the page is shown (PeopleFeature._section_changed)
            self.reload()

    def detach(self) -> None:
        self._reads.forget()
        self._background = None
        self.session = None
        self.model.clear()
        self.heading.clear()
        self.empty.clear()

    @property
    def loading(self) -> bool:
        """True while the due records are being read off the GUI thread."""
        return self._reads.pending

    def reload(self) -> None:
        if self.session is None:
            return
        today = self.today()
        if self._background is None:
            self._show(self.session.reader.contact_log.due(today=today))
            return
        log = self._background.contact_log
        self._reads.run(lambda: log.due(today=today), self._show, lambda exc: self.empty.setText(user_message(exc)))

    def _show(self, records) -> None:
        if self.session is None:
            return
        self.model.set_records(records)
        today = self.today().isoformat()
        overdue = sum(1 for r in records if r.follow_up_due < today)
        self.heading.setText(self.tr("{due} due today, {overdue} overdue").format(
            due=len(records) - overdue, overdue=overdue))
        self.empty.setText(self.tr("Nothing to follow up today."))
        self.stack.setCurrentWidget(self.table if records else self.empty)
        if records:
            self.table.selectRow(0)

    def _update_buttons(self) -> None:
        self.done_button.setEnabled(self.table.currentIndex().isValid() and self.model.rowCount() > 0)

    def mark_selected_done(self) -> None:
        index = self.table.currentIndex()
        uuid = self.model.data(index, UUID_ROLE) if index.isValid() else None
        if self.session is None or uuid is None:
            return
        ops.mark_done(self, self.session, uuid).success(self._done).failure(self._failed).run()

    def _done(self, _record) -> None:
        self.reload()
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Follow-ups"), user_message(exc))
