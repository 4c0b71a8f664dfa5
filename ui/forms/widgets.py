"""One input widget per form field type, with a common get/set interface.

Each widget emits `changed` when the user edits it; `value()` returns what the
core's journal.forms.clean_value accepts (None for 'no value'), so validation
stays in one place (the core) and errors come back as the save's message.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QWidget,
)


class FieldInput(QObject):
    """Adapter around the widget for one field."""

    changed = Signal()

    def __init__(self, spec: dict, people: list[tuple[str, str]], shown=None) -> None:
        """`shown` maps a stored label or choice to the text displayed (ui.forms.labels.text_for)."""
        super().__init__()
        self.spec = spec
        self._shown = shown or (lambda text: text)
        self.widget = self._make(spec, people)
        self.widget.setAccessibleName(self._shown(spec["label"]))
        self.widget.setToolTip(self._shown(spec["label"]))

    # --- construction ----------------------------------------------------------------
    def _make(self, spec: dict, people: list[tuple[str, str]]) -> QWidget:
        type_ = spec["type"]
        if type_ == "long_text":
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().height() * 4 + 12)
            edit.textChanged.connect(self.changed)
            return edit
        if type_ in ("choice", "bool"):
            combo = QComboBox()
            combo.addItem(self.tr("—"), None)
            if type_ == "bool":
                combo.addItem(self.tr("Yes"), True)
                combo.addItem(self.tr("No"), False)
            else:
                for choice in spec["choices"]:
                    combo.addItem(self._shown(choice), choice)  # the stored value stays the data
            combo.currentIndexChanged.connect(self.changed)
            return combo
        if type_ in ("multi_choice", "person"):
            box = QListWidget()
            options = [(c, self._shown(c)) for c in spec.get("choices", [])] if type_ == "multi_choice" else people
            for value, label in options:
                self._add_check(box, value, label)
            rows = max(1, min(box.count(), 5))
            box.setFixedHeight(box.sizeHintForRow(0) * rows + 8 if box.count() else 28)
            box.itemChanged.connect(lambda _item: self.changed.emit())
            if type_ == "person" and not people:
                box.setToolTip(self.tr("Link people to this entry (People panel) to choose them here."))
            return box
        line = QLineEdit()
        if type_ == "date":
            line.setPlaceholderText(self.tr("YYYY-MM-DD"))
        elif type_ == "datetime":
            line.setPlaceholderText(self.tr("YYYY-MM-DD HH:MM"))
        elif type_ == "number":
            line.setPlaceholderText(self.tr("a number"))
        line.textEdited.connect(self.changed)
        return line

    @staticmethod
    def _add_check(box: QListWidget, value: str, label: str) -> QListWidgetItem:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        box.addItem(item)
        return item

    # --- value ------------------------------------------------------------------------
    def set_value(self, value: Any) -> None:
        w = self.widget
        w.blockSignals(True)
        try:
            type_ = self.spec["type"]
            if isinstance(w, QPlainTextEdit):
                w.setPlainText("" if value is None else str(value))
            elif isinstance(w, QComboBox):
                w.setCurrentIndex(max(w.findData(value), 0) if value is not None else 0)
            elif isinstance(w, QListWidget):
                chosen = set(value or [])
                present = set()
                for i in range(w.count()):
                    item = w.item(i)
                    data = item.data(Qt.ItemDataRole.UserRole)
                    present.add(data)
                    item.setCheckState(Qt.CheckState.Checked if data in chosen else Qt.CheckState.Unchecked)
                for missing in [v for v in (value or []) if v not in present]:
                    # a person no longer linked (or unknown here) stays chosen and visible
                    label = missing
                    if type_ == "person":
                        label = self.tr("(not linked) {id}").format(id=str(missing)[:8])
                    self._add_check(w, missing, label).setCheckState(Qt.CheckState.Checked)
            else:
                text = "" if value is None else str(value)
                if type_ == "datetime":
                    text = text.replace("T", " ")
                w.setText(text)
        finally:
            w.blockSignals(False)

    def value(self) -> Any:
        w = self.widget
        type_ = self.spec["type"]
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText() or None
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, QListWidget):
            items = [w.item(i) for i in range(w.count())]
            return [i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked] or None
        text = w.text().strip()
        if not text:
            return None
        if type_ == "datetime":
            return text.replace(" ", "T", 1)
        return text

    def set_read_only(self, read_only: bool) -> None:
        w = self.widget
        if isinstance(w, (QLineEdit, QPlainTextEdit)):
            w.setReadOnly(read_only)
        else:
            w.setEnabled(not read_only)
