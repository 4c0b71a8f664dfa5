"""The start page: how many entries and drafts, what is due, when the last backup was."""

from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from journal.records.search import EntryFilter


class OverviewPage(QWidget):
    follow_ups_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = None
        self.today: Callable[[], dt.date] = dt.date.today
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        title = QLabel(self.tr("Overview"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(8)
        self.entries = QLabel()
        self.drafts = QLabel()
        self.people = QLabel()
        self.log = QLabel()
        self.due = QLabel()
        self.backup = QLabel()
        for label, value in ((self.tr("Entries:"), self.entries), (self.tr("Drafts:"), self.drafts),
                             (self.tr("People:"), self.people), (self.tr("Contacts logged:"), self.log),
                             (self.tr("Follow-ups due:"), self.due), (self.tr("Last backup:"), self.backup)):
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.follow_ups_button = QPushButton(self.tr("Show follow-ups"))
        self.follow_ups_button.setToolTip(self.tr("Calls to return and things to check today"))
        self.follow_ups_button.clicked.connect(self.follow_ups_requested)
        row.addWidget(self.follow_ups_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

    def attach(self, session) -> None:
        self.session = session
        # Counting 100k entries is not free: count when the page is shown (show_section
        # refreshes it), not at every unlock while the entry list is on screen.
        if self.isVisible():
            self.refresh()

    def detach(self) -> None:
        self.session = None
        for label in (self.entries, self.drafts, self.people, self.log, self.due, self.backup):
            label.clear()

    def refresh(self) -> None:
        if self.session is None:
            return
        reader = self.session.reader
        today = self.today()
        self.entries.setText(str(reader.queries.count(EntryFilter())))
        self.drafts.setText(str(reader.queries.count(EntryFilter(status="draft"))))
        self.people.setText(str(reader.people.count()))
        self.log.setText(str(reader.contact_log.count()))
        due = reader.contact_log.count(due_only=True, today=today)
        overdue = reader.contact_log.count(due_only=True, today=today - dt.timedelta(days=1))
        self.due.setText(self.tr("%n ({overdue} overdue)", "", due).format(overdue=overdue) if due else
                         self.tr("none"))
        # The backup feature records its time later; until then say so plainly.
        self.backup.setText(self.tr("not recorded yet"))
