"""The forms editor: add fields to a form, rename them, or create a new form.

Saving stores a new version of the form (journal.forms.FormStore.update); entries
saved with an earlier version keep their values. Field keys are fixed once saved
(they are what bundles and statistics refer to); labels can change.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from journal.records.forms import FIELD_TYPES

from ui.forms import labels as forms_labels
from ui.common.a11y import mark_hint
from ui.common.ops import user_message
from ui.forms import ops

NEW_FORM = "__new__"
COL_LABEL, COL_TYPE, COL_CHOICES = range(3)

# The core's field types (journal.records.forms.FIELD_TYPES) as the type picker shows them.
FIELD_TYPE_LABELS = {
    "text": QT_TRANSLATE_NOOP("FormsEditorDialog", "Text"),
    "long_text": QT_TRANSLATE_NOOP("FormsEditorDialog", "Long text"),
    "number": QT_TRANSLATE_NOOP("FormsEditorDialog", "Number"),
    "date": QT_TRANSLATE_NOOP("FormsEditorDialog", "Date"),
    "datetime": QT_TRANSLATE_NOOP("FormsEditorDialog", "Date and time"),
    "choice": QT_TRANSLATE_NOOP("FormsEditorDialog", "Choice"),
    "multi_choice": QT_TRANSLATE_NOOP("FormsEditorDialog", "Multiple choice"),
    "person": QT_TRANSLATE_NOOP("FormsEditorDialog", "Person"),
    "bool": QT_TRANSLATE_NOOP("FormsEditorDialog", "Yes/no"),
}


class FormsEditorDialog(QDialog):
    forms_changed = Signal(str)   # form key

    def __init__(self, session, form_key: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Incident forms"))
        self._keys: list[str | None] = []   # per table row: the saved field key (None = new)
        self._build()
        self._load_forms(form_key)
        self.resize(760, 520)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QFormLayout()
        self.form_combo = QComboBox()
        self.form_combo.setAccessibleName(self.tr("Form"))
        top.addRow(self.tr("&Form:"), self.form_combo)
        self.label_edit = QLineEdit()
        self.label_edit.setAccessibleName(self.tr("Form name"))
        top.addRow(self.tr("&Name:"), self.label_edit)
        self.category_combo = QComboBox()
        self.category_combo.setAccessibleName(self.tr("Category"))
        self.category_combo.setToolTip(self.tr("The form is suggested for entries of this category"))
        top.addRow(self.tr("&Category:"), self.category_combo)
        self.version_label = QLabel()
        top.addRow(self.tr("Version:"), self.version_label)
        layout.addLayout(top)

        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Type"), self.tr("Choices (one per ;)")])
        self.table.horizontalHeader().setSectionResizeMode(COL_LABEL, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(COL_CHOICES, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(COL_TYPE, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(self.tr("Fields"))
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.add_field_button = QPushButton(self.tr("&Add field"))
        self.add_field_button.setShortcut("Ctrl+N")
        self.add_field_button.setToolTip(self.tr("Add a field at the end (Ctrl+N)"))
        self.add_field_button.setAccessibleName(self.tr("Add field"))
        self.remove_field_button = QPushButton(self.tr("&Remove field"))
        self.remove_field_button.setToolTip(self.tr("Entries saved earlier keep this field's value"))
        self.remove_field_button.setAccessibleName(self.tr("Remove field"))
        buttons.addWidget(self.add_field_button)
        buttons.addWidget(self.remove_field_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        note = QLabel(self.tr("Saving makes a new version of the form. Entries keep the values they have; "
                              "forms travel with bundles so coordinators see the same fields."))
        note.setWordWrap(True)
        mark_hint(note)  # readable grey (>= 4.5:1); a disabled label was 1.6:1 and "unavailable" to screen readers
        layout.addWidget(note)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        layout.addWidget(self.buttons)

        self.form_combo.currentIndexChanged.connect(self._show_form)
        self.add_field_button.clicked.connect(lambda: self.add_field_row())
        self.remove_field_button.clicked.connect(self.remove_selected_field)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    # --- loading -----------------------------------------------------------------------
    def _load_forms(self, select: str = "") -> None:
        reader = self.session.reader
        self.category_combo.clear()
        self.category_combo.addItem(self.tr("Any category"), None)
        from ui.common.i18n import translated_categories

        for key, label in translated_categories(reader.entries.categories()):
            self.category_combo.addItem(label, key)
        self.form_combo.blockSignals(True)
        self.form_combo.clear()
        for form in reader.forms.list():
            # Built-in forms are listed in the UI language; the fields below stay the stored text
            # (what is edited and saved), so saving an untouched form creates no new version.
            self.form_combo.addItem(forms_labels.form_label(form), form.key)
        self.form_combo.addItem(self.tr("New form…"), NEW_FORM)
        self.form_combo.blockSignals(False)
        index = self.form_combo.findData(select) if select else 0
        self.form_combo.setCurrentIndex(max(index, 0))
        self._show_form()

    def _show_form(self, *_args) -> None:
        key = self.form_combo.currentData()
        self.table.setRowCount(0)
        self._keys = []
        self.message.clear()
        if key == NEW_FORM or key is None:
            self.label_edit.setText("")
            self.category_combo.setCurrentIndex(0)
            self.version_label.setText(self.tr("new"))
            self.add_field_row()
            self.label_edit.setFocus()
            return
        form = self.session.reader.forms.get(key)
        self.label_edit.setText(form.label)
        self.category_combo.setCurrentIndex(max(self.category_combo.findData(form.category), 0))
        self.version_label.setText(str(form.version))
        for spec in form.fields:
            self.add_field_row(spec)

    def add_field_row(self, spec: dict | None = None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, COL_LABEL, QTableWidgetItem(spec["label"] if spec else ""))
        combo = QComboBox()
        combo.setAccessibleName(self.tr("Field type"))
        for type_ in FIELD_TYPES:
            combo.addItem(QCoreApplication.translate("FormsEditorDialog", FIELD_TYPE_LABELS[type_]), type_)
        combo.setCurrentIndex(max(combo.findData(spec["type"]) if spec else 0, 0))
        if spec:  # a saved field keeps its type: old values must stay valid
            combo.setEnabled(False)
        self.table.setCellWidget(row, COL_TYPE, combo)
        self.table.setItem(row, COL_CHOICES, QTableWidgetItem("; ".join(spec.get("choices", [])) if spec else ""))
        self._keys.append(spec["key"] if spec else None)
        if spec is None:
            self.table.setCurrentCell(row, COL_LABEL)
            self.table.editItem(self.table.item(row, COL_LABEL))
        return row

    def remove_selected_field(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            del self._keys[row]

    def fields(self) -> list[dict]:
        out = []
        for row in range(self.table.rowCount()):
            label = (self.table.item(row, COL_LABEL).text() if self.table.item(row, COL_LABEL) else "").strip()
            if not label:
                continue
            type_ = self.table.cellWidget(row, COL_TYPE).currentData()
            spec = {"label": label, "type": type_}
            if self._keys[row]:
                spec["key"] = self._keys[row]
            if type_ in ("choice", "multi_choice"):
                text = self.table.item(row, COL_CHOICES).text() if self.table.item(row, COL_CHOICES) else ""
                spec["choices"] = [c.strip() for c in text.split(";") if c.strip()]
            out.append(spec)
        return out

    # --- saving ----------------------------------------------------------------------------
    def save(self) -> None:
        key = self.form_combo.currentData()
        label = self.label_edit.text()
        category = self.category_combo.currentData()
        fields = self.fields()
        ops.save_form(self, self.session, None if key == NEW_FORM else key, label, category, fields) \
            .success(self._saved).failure(self._failed).run()

    def _saved(self, form) -> None:
        self.message.setText(self.tr("Saved: {name}, version {n}.").format(name=form.label, n=form.version))
        self.forms_changed.emit(form.key)
        self._load_forms(form.key)
        self.message.setText(self.tr("Saved: {name}, version {n}.").format(name=form.label, n=form.version))

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(self.tr("Not saved: {reason}").format(reason=user_message(exc)))
