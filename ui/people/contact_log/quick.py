"""The quick-add bar of the contact log (Ctrl+Shift+L): who, how, what, follow-up."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QGridLayout, QLabel, QLineEdit, QPushButton, \
    QVBoxLayout, QWidget

from journal.records.people import Person

from ui.common.ops import user_message
from ui.people.labels import channel_labels, direction_labels
from ui.people.picker import PersonPicker
from ui.common.i18n import date_format
from ui.people import ops


class QuickLogBar(QWidget):
    """One line to record "the mother called, he is at department no. 5" while on the phone.

    The time is "now" in the local zone (the core's default); the full record
    can be edited later.
    """

    added = Signal(object)  # the new LogRecord

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.person = PersonPicker()
        self.person.setAccessibleName(self.tr("Person"))
        self.person.setToolTip(self.tr("Who: type part of a name"))
        self.channel = QComboBox()
        self.channel.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.channel.setAccessibleName(self.tr("Channel"))
        for key, label in channel_labels().items():
            self.channel.addItem(label, key)
        self.direction = QComboBox()
        self.direction.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.direction.setAccessibleName(self.tr("Direction"))
        for key, label in direction_labels().items():
            self.direction.addItem(label, key)
        self.summary = QLineEdit()
        self.summary.setPlaceholderText(self.tr("What was said, e.g. “held at police department no. 5, "
                                                "lawyer not admitted”"))
        self.summary.setAccessibleName(self.tr("Summary"))
        self.follow_up = QCheckBox(self.tr("Follow up by"))
        self.follow_up.setToolTip(self.tr("Remind me on this day (shown under Follow-ups)"))
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat(date_format())
        self.due.setDate(QDate.currentDate().addDays(1))
        self.due.setEnabled(False)
        self.due.setAccessibleName(self.tr("Follow-up date"))
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setToolTip(self.tr("Add to the contact log (Enter)"))
        self.add_button.setDefault(True)
        # Visible labels above the fields (issue 24: the row had none), each the field's buddy.
        row = QGridLayout()
        row.setVerticalSpacing(2)
        for column, (text, field, stretch) in enumerate((
                (self.tr("Who:"), self.person, 3), (self.tr("How:"), self.channel, 1),
                (self.tr("Direction:"), self.direction, 1), (self.tr("What was said:"), self.summary, 6),
                ("", self.follow_up, 0), ("", self.due, 0), ("", self.add_button, 0))):
            if text:
                label = QLabel(text)
                label.setBuddy(field)
                row.addWidget(label, 0, column)
            row.addWidget(field, 1, column)
            row.setColumnStretch(column, stretch)
        outer.addLayout(row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        outer.addWidget(self.message)

        self.follow_up.toggled.connect(self.due.setEnabled)
        self.add_button.clicked.connect(self.submit)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        """Enter anywhere in the bar adds the record: in the summary, on "Follow up by", in its date,
        on the channel or direction. Not in the person field: Enter there picks a completion."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self._in_person_field():
            event.accept()
            self.submit()
            return
        super().keyPressEvent(event)

    def _in_person_field(self) -> bool:
        focus = self.focusWidget()
        return focus is not None and (focus is self.person or self.person.isAncestorOf(focus))

    def attach(self, session) -> None:
        self.session = session

    def set_people(self, people: list[Person]) -> None:
        self.person.set_people(people)

    def detach(self) -> None:
        """Lock: forget names and what was typed."""
        self.session = None
        self.person.forget()
        self.summary.setText("")  # also drops the field's undo history
        self.follow_up.setChecked(False)
        self._say("")

    def start(self, person_uuid: str | None = None) -> None:
        """Put the cursor where typing should begin (Ctrl+Shift+L, "New log entry")."""
        if person_uuid and self.person.select_uuid(person_uuid):
            self.summary.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.person.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.person.lineEdit().selectAll()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def submit(self) -> None:
        if self.session is None:
            return
        person_uuid = self.person.current_uuid()
        if person_uuid is None:
            name = self.person.typed_name()
            self._say(self.tr("Choose a person from the list first.") if not name else
                      self.tr("“{name}” is not in your people yet: add them on the People page, "
                              "then log the contact.").format(name=name))
            self.person.setFocus()
            return
        values = {
            "people": [person_uuid],
            "channel": self.channel.currentData(),
            "direction": self.direction.currentData(),
            "summary": self.summary.text().strip(),
            "follow_up_due": self.due.date().toString("yyyy-MM-dd") if self.follow_up.isChecked() else None,
        }
        self.add_button.setEnabled(False)
        ops.log_contact(self, self.session, values).success(self._added).failure(self._failed).run()

    def _added(self, record) -> None:
        self.add_button.setEnabled(True)
        self.summary.setText("")
        self.follow_up.setChecked(False)
        self._say("")
        self.added.emit(record)

    def _failed(self, exc: BaseException) -> None:
        self.add_button.setEnabled(True)
        self._say(user_message(exc))
