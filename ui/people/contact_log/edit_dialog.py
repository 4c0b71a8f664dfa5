"""Edit one contact-log record: when (backdate it), how, what was said, the follow-up.

The people and linked incidents stay as they are (the record's people are named at the
top). Only what the person changed is saved (`changes()`), through ui/people/ops.py.

`ContactLogEditDialog.new(parent, people=[(uuid, name), ...])` is the same form for a new
record with the people chosen from a list (`values()`: ContactLogStore.add()'s arguments). The
people feature offers it to others through the host (CONTACT_FORM): the duress decoy editor
(ui/safety) fills a decoy journal's contact log with it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QVBoxLayout, QWidget,
)

from journal.records.contact_log import LogRecord

from ui.common.fields import TimeZoneBox
from ui.common.i18n import date_format, datetime_format
from ui.people.labels import channel_labels, direction_labels


def _wall_time(at: str) -> QDateTime:
    """The stored time as written at the place (its offset dropped), for a date-time edit."""
    try:
        moment = (dt.datetime.combine(dt.date.fromisoformat(at), dt.time()) if len(at) == 10
                  else dt.datetime.fromisoformat(at))
    except ValueError:
        return QDateTime.currentDateTime()
    return QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute))


class ContactLogEditDialog(QDialog):
    def __init__(self, record: LogRecord, parent: QWidget | None = None, *,
                 people_choices: list[tuple[str, str]] | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.choices: QListWidget | None = None
        self.setWindowTitle(self.tr("Edit contact") if people_choices is None else self.tr("New contact"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        if people_choices is None:
            names = ", ".join(p.display_name for p in record.people) or self.tr("nobody")
            self.people = QLabel(self.tr("With: {names}").format(names=names))
            self.people.setWordWrap(True)
            layout.addWidget(self.people)
        else:
            # A new record: tick who it was with (Space ticks the current row).
            self.choices = QListWidget()
            self.choices.setAccessibleName(self.tr("People the contact was with"))
            self.choices.setMaximumHeight(110)
            for uuid, name in people_choices:
                item = QListWidgetItem(name)
                item.setData(Qt.ItemDataRole.UserRole, uuid)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.choices.addItem(item)
            if self.choices.count():
                self.choices.setCurrentRow(0)
            with_label = QLabel(self.tr("W&ith:"))
            with_label.setBuddy(self.choices)
            form.addRow(with_label, self.choices)

        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(datetime_format())
        self.when.setAccessibleName(self.tr("When"))
        self.when.setToolTip(self.tr("When the contact happened, in the local time of the place"))
        self._when_shown = _wall_time(record.at)
        self.when.setDateTime(self._when_shown)
        self.time_zone = TimeZoneBox()
        self.time_zone.setAccessibleName(self.tr("Time zone"))
        self.time_zone.set_zone(record.tz or "")
        when_row = QHBoxLayout()
        when_row.addWidget(self.when, 2)
        when_row.addWidget(self.time_zone, 2)
        when_label = QLabel(self.tr("&When:"))
        when_label.setBuddy(self.when)
        form.addRow(when_label, when_row)

        self.channel = QComboBox()
        self.channel.setAccessibleName(self.tr("Channel"))
        for key, label in channel_labels().items():
            self.channel.addItem(label, key)
        self.channel.setCurrentIndex(max(0, self.channel.findData(record.channel)))
        self.direction = QComboBox()
        self.direction.setAccessibleName(self.tr("Direction"))
        for key, label in direction_labels().items():
            self.direction.addItem(label, key)
        self.direction.setCurrentIndex(max(0, self.direction.findData(record.direction)))
        how_row = QHBoxLayout()
        how_row.addWidget(self.channel)
        how_row.addWidget(self.direction)
        how_row.addStretch(1)
        how_label = QLabel(self.tr("&How:"))
        how_label.setBuddy(self.channel)
        form.addRow(how_label, how_row)

        self.summary = QPlainTextEdit(record.summary)
        self.summary.setAccessibleName(self.tr("Summary"))
        self.summary.setTabChangesFocus(True)
        summary_label = QLabel(self.tr("&Summary:"))
        summary_label.setBuddy(self.summary)
        form.addRow(summary_label, self.summary)

        self.follow_up = QCheckBox(self.tr("&Follow up by"))
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat(date_format())
        self.due.setAccessibleName(self.tr("Follow-up date"))
        has_due = bool(record.follow_up_due)
        self.follow_up.setChecked(has_due)
        self.due.setDate(QDate.fromString(record.follow_up_due, "yyyy-MM-dd") if has_due
                         else QDate.currentDate().addDays(1))
        self.due.setEnabled(has_due)
        self.note = QLineEdit(record.follow_up_note)
        self.note.setAccessibleName(self.tr("Follow-up note"))
        self.note.setPlaceholderText(self.tr("What to check or do"))
        self.note.setEnabled(has_due)
        follow_row = QHBoxLayout()
        follow_row.addWidget(self.follow_up)
        follow_row.addWidget(self.due)
        follow_row.addWidget(self.note, 1)
        form.addRow(follow_row)
        layout.addLayout(form)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.accept if self.choices is None else self._accept_new)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.follow_up.toggled.connect(self.due.setEnabled)
        self.follow_up.toggled.connect(self.note.setEnabled)
        (self.when if self.choices is None else self.choices).setFocus()
        self.resize(560, 360 if self.choices is None else 480)

    @classmethod
    def new(cls, parent: QWidget | None = None, *, people: list[tuple[str, str]],
            tz: str | None = None) -> "ContactLogEditDialog":
        """The form for a new record with one of `people` (uuid, name), now in zone `tz`; see `values()`."""
        now = QDateTime.currentDateTime()
        blank = LogRecord(uuid="", at=f"{now.date().toString('yyyy-MM-dd')}T{now.time().toString('HH:mm')}",
                          tz=tz, channel="call", direction="incoming")
        return cls(blank, parent, people_choices=people)

    def chosen_people(self) -> list[str]:
        if self.choices is None:
            return [p.uuid for p in self.record.people]
        items = (self.choices.item(i) for i in range(self.choices.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked]

    def _accept_new(self) -> None:
        if not self.chosen_people():
            self.show_error(self.tr("Tick at least one person the contact was with."))
            if self.choices is not None:
                self.choices.setFocus()
            return
        self.accept()

    def values(self) -> dict:
        """ContactLogStore.add()'s arguments for a new record."""
        moment = self.when.dateTime()
        follow = self.follow_up.isChecked()
        return {
            "people": self.chosen_people(),
            "at": f"{moment.date().toString('yyyy-MM-dd')}T{moment.time().toString('HH:mm')}",
            "tz": self.time_zone.zone() or None,
            "channel": self.channel.currentData(),
            "direction": self.direction.currentData(),
            "summary": self.summary.toPlainText().strip(),
            "follow_up_due": self.due.date().toString("yyyy-MM-dd") if follow else None,
            "follow_up_note": self.note.text().strip() if follow else "",
        }

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def changes(self) -> dict:
        """Only what differs from the record (an unchanged time keeps its stored offset)."""
        record = self.record
        out: dict = {}
        zone = self.time_zone.zone()
        if self.when.dateTime() != self._when_shown or zone != (record.tz or ""):
            moment = self.when.dateTime()
            out["at"] = f"{moment.date().toString('yyyy-MM-dd')}T{moment.time().toString('HH:mm')}"
            out["tz"] = zone or None
        for key, value in (("channel", self.channel.currentData()), ("direction", self.direction.currentData()),
                           ("summary", self.summary.toPlainText().strip())):
            if value != getattr(record, key):
                out[key] = value
        due = self.due.date().toString("yyyy-MM-dd") if self.follow_up.isChecked() else None
        note = self.note.text().strip() if self.follow_up.isChecked() else ""
        if due != record.follow_up_due:
            out["follow_up_due"] = due
        if note != (record.follow_up_note or ""):
            out["follow_up_note"] = note
        if "follow_up_due" in out or "follow_up_note" in out:
            out["follow_up_due"], out["follow_up_note"] = due, note
        return out
