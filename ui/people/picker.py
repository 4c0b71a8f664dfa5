"""An editable combo box for choosing a person by typing part of a name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from journal.records.people import Person


class PersonPicker(QComboBox):
    """Lists people (name, uuid); typing filters by any part of the name or an alias."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self.clear()
        for person in people:
            label = person.display_name
            if person.aliases:
                label += f" ({', '.join(person.aliases[:2])})"
            self.addItem(label, person.uuid)
        self.setCurrentIndex(-1)
        self.setEditText("")
        if current:
            self.select_uuid(current)
        self.blockSignals(False)

    def forget(self) -> None:
        """Lock: drop every name."""
        self.blockSignals(True)
        self.clear()
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
        for i in range(self.count()):
            label = self.itemText(i).casefold()
            if label == text or label.split(" (")[0] == text:
                return self.itemData(i)
        return None
