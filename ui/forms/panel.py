"""The editor's forms panel: typed fields of the entry's incident forms, autosaved.

Shown below the common fields (EntryEditor.add_panel). The form that matches the
entry's category is offered first; more can be added. Edits are saved like the
other fields: a short timer after the last keystroke, and at once when another
entry is shown. Saves are the writes of ui/forms/ops.py; reads use the session's reader.
Trashed and received entries are shown read-only.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget,
)

from ui.forms import labels as forms_labels
from ui.forms.widgets import FieldInput
from ui.common.a11y import mark_hint
from ui.common.ops import user_message
from ui.forms import ops

AUTOSAVE_MS = 800


class FormsPanel(QWidget):
    edit_forms_requested = Signal(str)   # form key ('' = none chosen)
    values_saved = Signal(str)           # entry uuid

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = None
        self.entry = None
        self.read_only = False
        self._inputs: dict[str, dict[str, FieldInput]] = {}   # form key -> field key -> input
        self._versions: dict[str, int] = {}
        self._dirty: set[str] = set()
        self._groups: dict[str, QGroupBox] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save)
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        header = QHBoxLayout()
        title = QLabel(self.tr("<b>Forms</b>"))
        header.addWidget(title)
        header.addStretch(1)
        self.add_combo = QComboBox()
        self.add_combo.setAccessibleName(self.tr("Form to add"))
        self.add_combo.setToolTip(self.tr("Structured fields for this kind of incident"))
        self.add_button = QPushButton(self.tr("Add form"))
        self.add_button.setAccessibleName(self.tr("Add form"))
        self.add_button.setToolTip(self.tr("Add the chosen form's fields to this entry"))
        self.edit_button = QPushButton(self.tr("Edit forms…"))
        self.edit_button.setAccessibleName(self.tr("Edit forms…"))  # the same words as shown
        self.edit_button.setToolTip(self.tr("Add fields to a form or create your own form"))
        layout.addLayout(header)
        # The chooser and its buttons on their own row: form names are long in Russian.
        self.add_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        chooser = QHBoxLayout()
        chooser_label = QLabel(self.tr("Form to add:"))
        chooser_label.setBuddy(self.add_combo)
        chooser.addWidget(chooser_label)
        chooser.addWidget(self.add_combo, 1)
        layout.addLayout(chooser)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.empty = QLabel(self.tr("No form on this entry yet. Choose one above to record structured details "
                                    "(for example the police unit or the court date)."))
        self.empty.setWordWrap(True)
        mark_hint(self.empty)  # readable grey (>= 4.5:1), not a disabled label
        layout.addWidget(self.empty)
        self.groups_box = QVBoxLayout()
        layout.addLayout(self.groups_box)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.add_button.clicked.connect(self.add_chosen_form)
        self.add_combo.currentIndexChanged.connect(lambda _i: self._update_state())
        self.edit_button.clicked.connect(lambda: self.edit_forms_requested.emit(self.add_combo.currentData() or ""))

    # --- session -------------------------------------------------------------------------
    def attach(self, session) -> None:
        self.session = session

    def detach(self) -> None:
        self._timer.stop()
        self._dirty.clear()
        self.session = None
        self.set_entry(None)

    # --- entry ---------------------------------------------------------------------------
    @staticmethod
    def read_part(reader, entry) -> dict:
        """What the panel shows of `entry`, read through `reader` (on the worker that reads the
        entry, or here): whether it is read-only (trashed or received), the people linked, its
        forms with their values and the forms there are."""
        read_only = bool(entry.deleted_at) or reader.db.query_one(
            "SELECT 1 FROM provenance WHERE kind = 'entry' AND local_id = ?", (entry.id,)) is not None
        people = [(p.uuid, p.display_name) for p, _ in reader.people.people_for_entry(entry.uuid)]
        groups = []
        for fv in reader.forms.values_for_entry(entry.uuid):
            # Editing uses the newest version of an own form; the values of the version they
            # were saved with are shown in it (the core keeps removed fields' values).
            form = fv.form
            if form.sender_id == 0 and not read_only:
                form = reader.forms.get(form.key)
            groups.append((form, fv.values))
        return {"read_only": read_only, "people": list(dict.fromkeys(people)), "groups": groups,
                "forms": reader.forms.list()}

    def set_entry(self, entry, part=None) -> None:
        """Show `entry`'s forms (None: nothing), from `part` (read_part) or read here. Pending edits
        of the previous entry are saved first."""
        if self.entry is not None and self._dirty:
            self.save()
        self._timer.stop()
        self.entry = entry
        self._clear_groups()
        self.status.clear()
        if entry is None or self.session is None or self.session.reader is None:
            self.setVisible(entry is not None)
            return
        self.setVisible(True)
        if part is None:
            part = self.read_part(self.session.reader, entry)
        self.read_only = part["read_only"]
        for form, values in part["groups"]:
            self._add_group(form, values, part["people"])
        self._fill_add_combo(entry, part["forms"])
        self._update_state()

    def refresh(self) -> None:
        """Reload the shown entry (after forms were edited, or people linked)."""
        if self.entry is not None and self.session is not None and self.session.reader is not None:
            try:
                entry = self.session.reader.entries.get(self.entry.uuid)
            except Exception:  # noqa: BLE001 - the entry went away: show nothing
                entry = None
            self.set_entry(entry)

    def _fill_add_combo(self, entry, forms=None) -> None:
        """The forms that fit the entry's category first (the first one chosen); when none fits,
        "Choose a form…" is shown, never an unrelated form that Enter would add."""
        self.add_combo.blockSignals(True)
        self.add_combo.clear()
        if forms is None:
            forms = self.session.reader.forms.list()
        present = set(self._inputs)
        suggested = [f for f in forms if f.category == entry.category and f.key not in present]
        others = [f for f in forms if f.category != entry.category and f.key not in present]
        if not suggested and others:
            self.add_combo.addItem(self.tr("Choose a form…"), None)
        for form in suggested:
            self.add_combo.addItem(forms_labels.form_label(form), form.key)
        if suggested and others:
            self.add_combo.insertSeparator(self.add_combo.count())
        for form in others:
            self.add_combo.addItem(forms_labels.form_label(form), form.key)
        self.add_combo.setCurrentIndex(0)
        self.add_combo.blockSignals(False)
        self._update_state()

    def entry_saved(self, entry) -> None:
        """The editor saved the shown entry: a new category changes which form fits."""
        if (self.entry is not None and entry.uuid == self.entry.uuid and self.session is not None
                and entry.category != self.entry.category):
            self.entry = entry
            self._fill_add_combo(entry)

    def _clear_groups(self) -> None:
        for group in self._groups.values():
            self.groups_box.removeWidget(group)
            group.hide()  # not drawn over the next entry's forms until the deferred delete runs
            group.deleteLater()
        self._groups.clear()
        self._inputs.clear()
        self._versions.clear()
        self._dirty.clear()

    def _add_group(self, form, values: dict, people: list[tuple[str, str]]) -> None:
        group = QGroupBox(forms_labels.form_label(form))
        group.setAccessibleName(self.tr("Form {name}").format(name=forms_labels.form_label(form)))
        layout = QFormLayout(group)
        inputs: dict[str, FieldInput] = {}
        for spec in form.fields:
            field_input = FieldInput(spec, people, forms_labels.text_for(form))
            field_input.set_value(values.get(spec["key"]))
            field_input.set_read_only(self.read_only)
            field_input.changed.connect(lambda key=form.key: self._changed(key))
            field_input.setParent(group)
            layout.addRow(forms_labels.field_label(form, spec), field_input.widget)
            inputs[spec["key"]] = field_input
        remove = QToolButton()
        remove.setText(self.tr("Remove form"))
        remove.setAccessibleName(self.tr("Remove form {name}").format(name=forms_labels.form_label(form)))
        remove.setToolTip(self.tr("Remove this form and its values from the entry (its history is kept)"))
        remove.setEnabled(not self.read_only)
        remove.clicked.connect(lambda _=False, key=form.key: self.remove_form(key))
        layout.addRow("", remove)
        self.groups_box.addWidget(group)
        self._groups[form.key] = group
        self._inputs[form.key] = inputs
        self._versions[form.key] = form.version

    def _update_state(self) -> None:
        has_forms = bool(self._groups)
        self.empty.setVisible(not has_forms)
        if self.read_only:
            self.empty.setText(self.tr("No form values on this entry."))
        can_add = not self.read_only and self.add_combo.count() > 0
        self.add_combo.setEnabled(can_add)
        self.add_button.setEnabled(can_add and self.add_combo.currentData() is not None)

    # --- edits ---------------------------------------------------------------------------
    def _changed(self, form_key: str) -> None:
        if self.read_only:
            return
        self._dirty.add(form_key)
        self.status.setText(self.tr("Editing…"))
        self._timer.start()

    def values(self, form_key: str) -> dict:
        return {k: i.value() for k, i in self._inputs.get(form_key, {}).items()}

    def add_chosen_form(self) -> None:
        key = self.add_combo.currentData()
        if not key or self.entry is None or self.session is None or self.read_only:
            return
        form = self.session.reader.forms.get(key)
        people = [(p.uuid, p.display_name) for p, _ in self.session.reader.people.people_for_entry(self.entry.uuid)]
        self._add_group(form, {}, list(dict.fromkeys(people)))
        self._dirty.add(key)
        self._fill_add_combo(self.entry)
        self._update_state()
        self.save()  # attaching the (empty) form is itself a save
        if self._inputs[key]:
            next(iter(self._inputs[key].values())).widget.setFocus()

    def save(self) -> None:
        """Queue saves of every changed form of the shown entry."""
        self._timer.stop()
        if self.entry is None or self.session is None or not self._dirty:
            return
        entry_uuid = self.entry.uuid
        for key in sorted(self._dirty):
            values = self.values(key)
            ops.set_values(self, self.session, entry_uuid, key, values) \
                .success(lambda fv, u=entry_uuid: self._saved(u, fv)).failure(self._failed).run()
        self._dirty.clear()

    def flush(self) -> bool:
        """Save now and wait (lock, quit)."""
        self._timer.stop()
        if self.entry is None or self.session is None or not self._dirty:
            return True
        entry_uuid = self.entry.uuid
        try:
            for key in sorted(self._dirty):
                values = self.values(key)
                ops.set_values(self, self.session, entry_uuid, key, values).run_and_wait()
        except Exception as exc:  # noqa: BLE001 - shown to the user, the edit stays dirty
            self._failed(exc)
            return False
        self._dirty.clear()
        return True

    def _saved(self, entry_uuid: str, fv) -> None:
        if self.entry is not None and self.entry.uuid == entry_uuid:
            self.status.setText(self.tr("Form saved (revision {n})").format(n=fv.revision))
        self.values_saved.emit(entry_uuid)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Form not saved: {reason}").format(reason=user_message(exc)))

    def remove_form(self, form_key: str) -> None:
        if self.entry is None or self.session is None or self.read_only:
            return
        entry_uuid = self.entry.uuid
        self._dirty.discard(form_key)
        ops.remove_values(self, self.session, entry_uuid, form_key).success(lambda _r: self.refresh()) \
            .failure(self._failed).run()
