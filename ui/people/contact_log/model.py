"""Contact-log records as a table: when, who, channel, summary, follow-up."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from journal.records.contact_log import LogRecord

from ui.people.labels import channel_labels, direction_labels, display_when

COL_WHEN, COL_PEOPLE, COL_CHANNEL, COL_SUMMARY, COL_FOLLOW_UP = range(5)
UUID_ROLE = Qt.ItemDataRole.UserRole + 1
# Columns fitted to their contents look at this many rows (QHeaderView.setResizeContentsPrecision).
RESIZE_PRECISION = 50


class ContactLogModel(QAbstractTableModel):
    """A list of LogRecord rows handed in by the page (already filtered and paged by the core)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[LogRecord] = []
        self.today = dt.date.today

    def set_records(self, records: list[LogRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def clear(self) -> None:
        self.set_records([])

    def record_at(self, row: int) -> LogRecord | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    def row_of(self, uuid: str) -> int:
        return next((i for i, r in enumerate(self._records) if r.uuid == uuid), -1)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("When"), self.tr("People"), self.tr("Channel"), self.tr("Summary"),
                    self.tr("Follow-up")][section]
        return None

    def follow_up_text(self, record: LogRecord) -> str:
        if not record.follow_up_due:
            return ""
        due = display_when(record.follow_up_due)
        if record.follow_up_done_at:
            return self.tr("{date} (done)").format(date=due)
        if record.follow_up_due < self.today().isoformat():
            return self.tr("{date} (overdue)").format(date=due)
        if record.follow_up_due == self.today().isoformat():
            return self.tr("{date} (today)").format(date=due)
        return due

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        record = self.record_at(index.row()) if index.isValid() else None
        if record is None:
            return None
        col = index.column()
        if role == UUID_ROLE:
            return record.uuid
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == COL_WHEN:
                return record.at if role == Qt.ItemDataRole.ToolTipRole else display_when(record.at)
            if col == COL_PEOPLE:
                return ", ".join(p.display_name if p.uuid else self.tr("deleted person") for p in record.people)
            if col == COL_CHANNEL:
                channel = channel_labels().get(record.channel, record.channel)
                direction = direction_labels().get(record.direction, record.direction)
                return f"{channel}, {direction.lower()}"
            if col == COL_SUMMARY:
                text = record.summary
                if role == Qt.ItemDataRole.DisplayRole:
                    text = " ".join(text.split())
                if record.follow_up_note and role == Qt.ItemDataRole.ToolTipRole:
                    text += "\n\n" + self.tr("Follow-up: {note}").format(note=record.follow_up_note)
                return text
            if col == COL_FOLLOW_UP:
                text = self.follow_up_text(record)
                if role == Qt.ItemDataRole.ToolTipRole and record.follow_up_note:
                    text += "\n" + record.follow_up_note
                return text
        if col == COL_FOLLOW_UP and record.is_due(self.today()):
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole and record.follow_up_due < self.today().isoformat():
                return QBrush(QColor("#b00020"))
        return None
