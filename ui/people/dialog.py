"""Adding or editing a person: name, other names, roles, phones, handles, notes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QLabel, QLineEdit, QPlainTextEdit,
    QVBoxLayout, QWidget,
)

from journal.records.people import Person

from ui.people.labels import person_role_labels


def _lines(edit: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]


class PersonDialog(QDialog):
    """Collects the fields; the caller saves them through the session's writer."""

    def __init__(self, person: Person | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit person") if person else self.tr("New person"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Any name you use for them"))
        self.name.setAccessibleName(self.tr("Name"))
        form.addRow(self.tr("&Name:"), self.name)
        self.aliases = QPlainTextEdit()
        self.aliases.setPlaceholderText(self.tr("Other names, one per line"))
        self.aliases.setAccessibleName(self.tr("Other names"))
        self.aliases.setTabChangesFocus(True)
        self.aliases.setFixedHeight(56)
        form.addRow(self.tr("&Other names:"), self.aliases)

        roles = QWidget()
        grid = QGridLayout(roles)
        grid.setContentsMargins(0, 0, 0, 0)
        self.role_boxes: dict[str, QCheckBox] = {}
        for i, (key, label) in enumerate(person_role_labels().items()):
            box = QCheckBox(label)
            self.role_boxes[key] = box
            grid.addWidget(box, i // 3, i % 3)
        form.addRow(self.tr("Roles:"), roles)

        self.phones = QPlainTextEdit()
        self.phones.setPlaceholderText(self.tr("Phone numbers, one per line"))
        self.phones.setAccessibleName(self.tr("Phone numbers"))
        self.phones.setTabChangesFocus(True)
        self.phones.setFixedHeight(56)
        form.addRow(self.tr("&Phones:"), self.phones)
        self.handles = QPlainTextEdit()
        self.handles.setPlaceholderText(self.tr("One per line: signal:+7…, telegram:@name, whatsapp:+380…, "
                                                "email:name@example.org"))
        self.handles.setAccessibleName(self.tr("Messenger handles"))
        self.handles.setTabChangesFocus(True)
        self.handles.setFixedHeight(56)
        form.addRow(self.tr("&Messengers:"), self.handles)
        self.organisation = QLineEdit()
        self.organisation.setAccessibleName(self.tr("Organisation"))
        form.addRow(self.tr("Or&ganisation:"), self.organisation)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(80)
        form.addRow(self.tr("No&tes:"), self.notes)
        self.sensitive = QCheckBox(self.tr("Sensitive: this person's details never leave this laptop"))
        self.sensitive.setToolTip(self.tr("Bundles then carry only a random pseudonym and the roles"))
        form.addRow("", self.sensitive)
        layout.addLayout(form)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.setVisible(False)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if person is not None:
            self._fill(person)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill(self, person: Person) -> None:
        self.name.setText(person.display_name)
        self.aliases.setPlainText("\n".join(person.aliases))
        for key, box in self.role_boxes.items():
            box.setChecked(key in person.roles)
        self.phones.setPlainText("\n".join(person.phones))
        self.handles.setPlainText("\n".join(person.handles))
        self.organisation.setText(person.organisation)
        self.notes.setPlainText(person.notes)
        self.sensitive.setChecked(person.sensitive)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def _accept(self) -> None:
        if not self.name.text().strip():
            self.show_error(self.tr("A person needs a name (any name you use for them)."))
            return
        self.accept()

    def values(self) -> dict:
        """Plain values for PeopleStore.add()/update() (validated by the core)."""
        return {
            "display_name": self.name.text().strip(),
            "aliases": _lines(self.aliases),
            "roles": [key for key, box in self.role_boxes.items() if box.isChecked()],
            "phones": _lines(self.phones),
            "handles": _lines(self.handles),
            "organisation": self.organisation.text().strip(),
            "notes": self.notes.toPlainText(),
            "sensitive": self.sensitive.isChecked(),
        }
