"""Safety settings → Duress passphrase…: set or remove it, and fill the decoy journal.

The duress passphrase (journal/storage/duress.py), typed at the unlock screen, erases this
journal for good and opens a small decoy journal instead, looking like any unlock. This dialog
sets it (with a new, empty decoy), removes it, and opens the decoy for filling: that asks for
the duress passphrase (so the person practises it), and erases nothing. The decoy's entries,
people and contact log are edited in DecoyEditorDialog and packed again on "Save decoy".

The person and contact forms are the people feature's own (PersonDialog, the contact-log form),
asked of the main window's FeatureHost (`record_form`, ui/common/host.py): this feature never
imports another. Without a host (or without the people feature) those tabs say so.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QMessageBox, QPlainTextEdit, QPushButton, QTabWidget, QVBoxLayout, QWidget,
)

from journal.errors import JournalClosed
from journal.storage.vault import MIN_PASSPHRASE_LENGTH

from ui.common import clipboard
from ui.common.host import CONTACT_FORM, PERSON_FORM
from ui.common.ops import run_op, user_message
from ui.common.keyboard import fit_window_on_screen, grow_to_contents
from ui.common.secret_field import SecretField
from ui.safety import ops


def _secret_field(name: str) -> QLineEdit:
    # SecretField: typed characters never reach Qt's text control or the accessibility bus.
    field = SecretField()
    field.setAccessibleName(name)
    clipboard.mark_secret(field)
    return field


class DuressDialog(QDialog):
    """Status, set / remove, and "Fill the decoy journal…"."""

    def __init__(self, session, parent: QWidget | None = None, *, host=None) -> None:
        super().__init__(parent)
        self.session = session
        self.host = host  # FeatureHost or None: the people feature's forms for the decoy editor
        self.setWindowTitle(self.tr("Duress passphrase"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        explain = QLabel(self.tr(
            "<p>A second passphrase for when you are made to unlock the laptop. Typed at the unlock "
            "screen, it looks like a normal unlock but <b>erases this journal for good</b> and opens a "
            "small decoy journal that you prepare here.</p>"
            "<p>Keep a backup elsewhere: nothing on this laptop can bring the journal back. Destroying "
            "data when police or border guards ask for it can be a crime in some countries "
            "(see the user guide).</p>"))
        explain.setWordWrap(True)
        explain.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(explain)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Duress passphrase status"))
        layout.addWidget(self.status)

        # Not set: the passphrase twice and the decoy's name.
        self.set_box = QWidget()
        form = QFormLayout(self.set_box)
        form.setContentsMargins(0, 0, 0, 0)
        self.first = _secret_field(self.tr("Duress passphrase"))
        self.second = _secret_field(self.tr("Repeat the duress passphrase"))
        self.decoy_name = QLineEdit()
        self.decoy_name.setAccessibleName(self.tr("Name of the decoy journal"))
        self.decoy_name.setPlaceholderText(self.tr("the same name as this journal"))
        form.addRow(self.tr("&Duress passphrase:"), self.first)
        form.addRow(self.tr("&Repeat it:"), self.second)
        form.addRow(self.tr("Decoy journal's &name:"), self.decoy_name)
        self.set_button = QPushButton(self.tr("&Set duress passphrase"))
        form.addRow(self.set_button)
        layout.addWidget(self.set_box)

        # Set: fill the decoy, or remove.
        self.set_actions = QWidget()
        row = QHBoxLayout(self.set_actions)
        row.setContentsMargins(0, 0, 0, 0)
        self.fill_button = QPushButton(self.tr("&Fill the decoy journal…"))
        self.remove_button = QPushButton(self.tr("&Remove duress passphrase…"))
        row.addWidget(self.fill_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addWidget(self.set_actions)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setVisible(False)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.set_button.clicked.connect(self._set)
        self.remove_button.clicked.connect(self._remove)
        self.fill_button.clicked.connect(self._fill)
        self.is_set: bool | None = None
        self._show_state(None)
        ops.duress_is_set(self, session).success(self._show_state).failure(self._failed).run()

    def _show_state(self, is_set: bool | None) -> None:
        self.is_set = is_set
        if is_set is None:
            self.status.setText(self.tr("Checking…"))
        elif is_set:
            self.status.setText(self.tr("A duress passphrase is set."))
        else:
            self.status.setText(self.tr("No duress passphrase is set."))
        self.set_box.setVisible(is_set is False)
        self.set_actions.setVisible(bool(is_set))
        self._fit()

    def _fit(self) -> None:
        """The answer arrives after the dialog is shown and adds rows: grow to them (the fields
        overlapped the explanation before), within the screen."""
        if self.isVisible():
            self.layout().activate()
            grow_to_contents(self)
            fit_window_on_screen(self)

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(user_message(exc))
        self.error.setVisible(True)
        self._fit()

    def _set(self) -> None:
        first, second = self.first.text(), self.second.text()
        if len(first) < MIN_PASSPHRASE_LENGTH:
            self._failed_text(self.tr("Choose a passphrase of at least %n characters.", "", MIN_PASSPHRASE_LENGTH))
            return
        if first != second:
            self._failed_text(self.tr("The two passphrases differ."))
            return
        self.first.clear()
        self.second.clear()
        self.error.setVisible(False)
        name = self.decoy_name.text().strip() or None

        def done(_result) -> None:
            self._show_state(True)
            QMessageBox.information(self, self.tr("Duress passphrase"), self.tr(
                "The duress passphrase is set, with an empty decoy journal. Fill the decoy now, so "
                "that it looks used: a few ordinary entries are enough."))

        run_op(self, ops.set_duress_work(self.session, first, name), done, self._failed,
               label=self.tr("Setting the duress passphrase…"))

    def _failed_text(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)

    def _remove(self) -> None:
        answer = QMessageBox.question(
            self, self.tr("Remove duress passphrase"),
            self.tr("Remove the duress passphrase? The decoy journal is destroyed with it."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        ops.remove_duress(self, self.session).success(lambda _r: self._show_state(False)).failure(self._failed).run()

    def _fill(self) -> None:
        ask = DecoyPassphraseDialog(self)
        if ask.exec() != QDialog.DialogCode.Accepted:
            return
        passphrase = ask.field.text()
        ask.field.clear()
        self.error.setVisible(False)

        def opened(editor) -> None:
            DecoyEditorDialog(self.session, editor, self, host=self.host).exec()

        run_op(self, ops.open_decoy_work(self.session, passphrase), opened, self._failed,
               label=self.tr("Opening the decoy journal…"))


class DecoyPassphraseDialog(QDialog):
    """Asks for the duress passphrase before the decoy is opened for filling."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fill the decoy journal"))
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Type the duress passphrase. Here it only opens the decoy for filling: "
                              "nothing is erased."))
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.field = _secret_field(self.tr("Duress passphrase"))
        form.addRow(self.tr("&Duress passphrase:"), self.field)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class DecoyEditorDialog(QDialog):
    """The decoy's entries, people and contact log: add a few plausible ones, remove some;
    Save or Discard. Ctrl+Tab (or Alt + the tab's letter) goes from tab to tab."""

    def __init__(self, session, editor, parent: QWidget | None = None, *, host=None) -> None:
        super().__init__(parent)
        self.session = session
        self.editor = editor
        self.host = host
        self._finished = False
        self.setWindowTitle(self.tr("Decoy journal"))
        self.setMinimumSize(560, 520)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("What the duress passphrase will show. Make it look like a journal in use: "
                               "a few ordinary entries, people and contacts."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Parts of the decoy journal"))
        self.tabs.addTab(self._entries_tab(), self.tr("&Entries"))
        self.tabs.addTab(self._people_tab(), self.tr("&People"))
        self.tabs.addTab(self._contacts_tab(), self.tr("&Contact log"))
        layout.addWidget(self.tabs, 1)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setVisible(False)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("&Save decoy"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("&Discard changes"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._reload()
        self._reload_people()
        self._reload_contacts()

    # --- the three tabs -------------------------------------------------------------------
    def _entries_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        label = QLabel(self.tr("Entries of the decoy journal:"))
        layout.addWidget(label)
        self.entries = QListWidget()
        self.entries.setAccessibleName(self.tr("Entries of the decoy journal"))
        label.setBuddy(self.entries)
        layout.addWidget(self.entries, 1)
        self.delete_button = QPushButton(self.tr("Move to &trash"))
        layout.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignLeft)

        form = QFormLayout()
        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Title of the new entry"))
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setAccessibleName(self.tr("Date of the new entry"))
        self.body = QPlainTextEdit()
        self.body.setTabChangesFocus(True)
        self.body.setAccessibleName(self.tr("Text of the new entry"))
        self.body.setMaximumHeight(90)
        form.addRow(self.tr("T&itle:"), self.title)
        form.addRow(self.tr("D&ate:"), self.date)
        form.addRow(self.tr("Te&xt:"), self.body)
        layout.addLayout(form)
        self.add_button = QPushButton(self.tr("&Add entry"))
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.add_button.clicked.connect(self._add)
        self.delete_button.clicked.connect(self._delete)
        return page

    def _list_tab(self, caption: str, name: str, add_text: str, remove_text: str) -> tuple[QWidget, QListWidget,
                                                                                         QPushButton, QPushButton]:
        page = QWidget()
        layout = QVBoxLayout(page)
        label = QLabel(caption)
        layout.addWidget(label)
        listing = QListWidget()
        listing.setAccessibleName(name)
        label.setBuddy(listing)
        layout.addWidget(listing, 1)
        row = QHBoxLayout()
        add = QPushButton(add_text)
        remove = QPushButton(remove_text)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout.addLayout(row)
        return page, listing, add, remove

    def _people_tab(self) -> QWidget:
        page, self.people, self.add_person_button, self.remove_person_button = self._list_tab(
            self.tr("People in the decoy journal:"), self.tr("People in the decoy journal"),
            self.tr("Add pe&rson…"), self.tr("Re&move person"))
        self.add_person_button.clicked.connect(self._add_person)
        self.remove_person_button.clicked.connect(self._remove_person)
        self._note_missing_form(page, PERSON_FORM, self.add_person_button)
        return page

    def _contacts_tab(self) -> QWidget:
        page, self.contacts, self.add_contact_button, self.remove_contact_button = self._list_tab(
            self.tr("Contact log of the decoy journal:"), self.tr("Contact log of the decoy journal"),
            self.tr("Add c&ontact…"), self.tr("Remo&ve contact"))
        self.add_contact_button.clicked.connect(self._add_contact)
        self.remove_contact_button.clicked.connect(self._remove_contact)
        self._note_missing_form(page, CONTACT_FORM, self.add_contact_button)
        return page

    def _note_missing_form(self, page: QWidget, kind: str, button: QPushButton) -> None:
        if self._form_offered(kind):
            return
        button.setEnabled(False)
        note = QLabel(self.tr("Open this from the main window to add records here."))
        note.setWordWrap(True)
        page.layout().addWidget(note)

    def _form_offered(self, kind: str) -> bool:
        form = self.host.record_form(kind, self, people=()) if self.host is not None else None
        if form is not None:
            form.deleteLater()
        return form is not None

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(user_message(exc))
        self.error.setVisible(True)

    # --- entries --------------------------------------------------------------------------
    def _reload(self) -> None:
        def show(rows) -> None:
            self.entries.clear()
            for uuid, occurred, title in rows:
                item = QListWidgetItem(f"{occurred[:10]}  {title}" if occurred else title)
                item.setData(Qt.ItemDataRole.UserRole, uuid)
                self.entries.addItem(item)

        ops.decoy_titles(self, self.session, self.editor).success(show).failure(self._failed).run()

    def _add(self) -> None:
        title = self.title.text().strip()
        if not title:
            self.error.setText(self.tr("Give the entry a title."))
            self.error.setVisible(True)
            self.title.setFocus()
            return
        self.error.setVisible(False)
        occurred = self.date.date().toString("yyyy-MM-dd")

        def added(_entry) -> None:
            self.title.clear()
            self.body.clear()
            self.title.setFocus()
            self._reload()

        ops.decoy_add_entry(self, self.session, self.editor, title, self.body.toPlainText(), occurred) \
            .success(added).failure(self._failed).run()

    def _delete(self) -> None:
        item = self.entries.currentItem()
        if item is None:
            return
        ops.decoy_delete_entry(self, self.session, self.editor, item.data(Qt.ItemDataRole.UserRole)) \
            .success(lambda _r: self._reload()).failure(self._failed).run()

    # --- people and the contact log (the people feature's forms, through the host) ----------------
    def _reload_people(self) -> None:
        def show(rows) -> None:
            self.people.clear()
            self._people_rows = rows
            for uuid, name, organisation in rows:
                item = QListWidgetItem(f"{name}  ({organisation})" if organisation else name)
                item.setData(Qt.ItemDataRole.UserRole, uuid)
                self.people.addItem(item)

        ops.decoy_people(self, self.session, self.editor).success(show).failure(self._failed).run()

    def _reload_contacts(self) -> None:
        def show(rows) -> None:
            self.contacts.clear()
            for uuid, text in rows:
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, uuid)
                self.contacts.addItem(item)

        ops.decoy_contacts(self, self.session, self.editor).success(show).failure(self._failed).run()

    def _add_person(self) -> None:
        form = self.host.record_form(PERSON_FORM, self) if self.host is not None else None
        if form is None or form.exec() != QDialog.DialogCode.Accepted:
            return
        self.error.setVisible(False)
        ops.decoy_add_person(self, self.session, self.editor, form.values()) \
            .success(lambda _r: (self._reload_people(), self.people.setFocus())).failure(self._failed).run()

    def _remove_person(self) -> None:
        item = self.people.currentItem()
        if item is None:
            return
        ops.decoy_remove_person(self, self.session, self.editor, item.data(Qt.ItemDataRole.UserRole)) \
            .success(lambda _r: (self._reload_people(), self._reload_contacts())).failure(self._failed).run()

    def _add_contact(self) -> None:
        people = [(uuid, name) for uuid, name, _organisation in getattr(self, "_people_rows", [])]
        if not people:
            self.error.setText(self.tr("Add a person first: a contact is always with someone."))
            self.error.setVisible(True)
            self.tabs.setCurrentIndex(1)
            self.add_person_button.setFocus()
            return
        form = self.host.record_form(CONTACT_FORM, self, people=people) if self.host is not None else None
        if form is None or form.exec() != QDialog.DialogCode.Accepted:
            return
        self.error.setVisible(False)
        ops.decoy_add_contact(self, self.session, self.editor, form.values()) \
            .success(lambda _r: (self._reload_contacts(), self.contacts.setFocus())).failure(self._failed).run()

    def _remove_contact(self) -> None:
        item = self.contacts.currentItem()
        if item is None:
            return
        ops.decoy_remove_contact(self, self.session, self.editor, item.data(Qt.ItemDataRole.UserRole)) \
            .success(lambda _r: self._reload_contacts()).failure(self._failed).run()

    def done(self, result: int) -> None:  # noqa: D401 - QDialog.done: Save packs, anything else discards
        if not self._finished:
            self._finished = True
            keep = result == QDialog.DialogCode.Accepted
            op = ops.decoy_finish(self, self.session, self.editor, keep)
            try:
                op.run_and_wait(timeout=120)
            except JournalClosed:
                # Locked while the decoy was open: its changes are dropped, its staging folder
                # goes now (or at the next unlock, duress.py).
                with contextlib.suppress(Exception):
                    self.editor.discard()
            except Exception as exc:  # noqa: BLE001 - shown, and the dialog still closes
                QMessageBox.warning(self, self.tr("Decoy journal"), user_message(exc))
        super().done(result)
