"""An editable combo box for choosing a person by typing part of a name."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from journal.records.people import Person


class _Choices(QAbstractListModel):
    """(label, uuid) rows: replacing thousands of names is one model reset, not an addItem each
    (5,000 people took ~50 ms per picker on the GUI thread)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, str]] = []

    def set_rows(self, rows: list[tuple[str, str]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        label, uuid = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return label
        if role == Qt.ItemDataRole.UserRole:
            return uuid
        return None


def choice_rows(people: list[Person]) -> list[tuple[str, str]]:
    """The pickers' (label, uuid) rows: the name, and up to two aliases in brackets."""
    rows = []
    for person in people:
        label = person.display_name
        if person.aliases:
            label += f" ({', '.join(person.aliases[:2])})"
        rows.append((label, person.uuid))
    return rows


#: People a picker offers (the most recently changed first).
PICKER_LIMIT = 5000


class PeopleChoices(list):
    """People with their pickers' rows made already: made where the people are read, off the GUI
    thread, so three pickers of 5,000 people do not label them on it at unlock."""

    def __init__(self, people: list[Person]) -> None:
        super().__init__(people)
        self.rows = choice_rows(self)

    @classmethod
    def read(cls, store) -> PeopleChoices:
        """The people a picker offers, read from a people store (on the thread that calls it)."""
        return cls(store.list(limit=PICKER_LIMIT))


class PersonPicker(QComboBox):
    """Lists people (name, uuid); typing filters by any part of the name or an alias."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = _Choices(self)
        self.setModel(self._choices)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(16)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        completer = self.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.lineEdit().setPlaceholderText(self.tr("Person…"))

    def set_people(self, people: list[Person]) -> None:
        """Replace the choices, keeping the current person if still there."""
        current = self.current_uuid()
        self.blockSignals(True)
        self._choices.set_rows(people.rows if isinstance(people, PeopleChoices) else choice_rows(people))
        self.setCurrentIndex(-1)
        self.setEditText("")
        if current:
            self.select_uuid(current)
        self.blockSignals(False)

    def forget(self) -> None:
        """Lock: drop every name."""
        self.blockSignals(True)
        self._choices.set_rows([])
        self.setEditText("")
        self.blockSignals(False)

    def select_uuid(self, uuid: str | None) -> bool:
        index = self.findData(uuid) if uuid else -1
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")
        return index >= 0

    def typed_name(self) -> str:
        return " ".join(self.currentText().split())

    def current_uuid(self) -> str | None:
        """The chosen person: the item whose label matches what is typed (ignoring case)."""
        text = self.typed_name().casefold()
        if not text:
            return None
        index = self.currentIndex()
        if index >= 0 and self.itemText(index).casefold() == text:
            return self.itemData(index)
        for label, uuid in self._choices.rows:
            label = label.casefold()
            if label == text or label.split(" (")[0] == text:
                return uuid
        return None
