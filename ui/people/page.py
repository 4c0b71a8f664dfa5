"""The People page: a searchable list with a role filter, and a detail pane.

The detail pane shows a person's phones and messenger handles (copy only:
they are never opened in another app, no tel:/mailto: links), their contact
log and the incidents they appear in, with "new log entry" and "new incident
with this person". Two people selected -> Merge… (with confirmation).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListView, QListWidget,
    QListWidgetItem, QMessageBox, QPushButton, QSplitter, QStackedWidget, QTableView, QVBoxLayout, QWidget,
)

from journal.records.people import Person

from ui.common.clipboard import CLEAR_AFTER_MS, copy_secret
from ui.people.contact_log.model import COL_SUMMARY, RESIZE_PRECISION, ContactLogModel
from ui.common.ops import user_message
from ui.people.dialog import PersonDialog
from ui.people.labels import display_when, handle_text, handle_value, link_role_labels, person_role_labels, roles_text
from ui.people.model import PeopleListModel
from ui.people import ops

SEARCH_DEBOUNCE_MS = 250
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1


class PeoplePage(QWidget):
    new_log_requested = Signal(str)        # person uuid
    new_incident_requested = Signal(str)   # person uuid
    entry_requested = Signal(str)          # entry uuid
    people_changed = Signal()              # added, edited, merged or deleted
    status_message = Signal(str, int)      # text, milliseconds (the window's status bar)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = None
        self.person: Person | None = None
        self.person_dialog: PersonDialog | None = None
        self._keep: str | None = None  # the person to show again once the list is read
        self._after_load = None        # what to do then (reload(then=...))
        self.copy_clear_ms = CLEAR_AFTER_MS   # 30 s: enough to paste a number
        self._build()
        self._wire()
        self._show_person(None)

    # --- construction ---------------------------------------------------------------
    def _build(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 4, 8)
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a person…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Find a person"))
        self.search.setToolTip(self.tr("Names, other names, phones, handles, organisation and notes"))
        self.role_filter = QComboBox()
        self.role_filter.setAccessibleName(self.tr("Role filter"))
        self.role_filter.setToolTip(self.tr("Show only people with this role"))
        self.role_filter.addItem(self.tr("All roles"), None)
        for key, label in person_role_labels().items():
            self.role_filter.addItem(label, key)
        filters.addWidget(self.search, 3)
        filters.addWidget(self.role_filter, 2)
        left_layout.addLayout(filters)

        self.model = PeopleListModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAccessibleName(self.tr("People"))
        self.list.setUniformItemSizes(True)
        self.list_empty = QLabel()
        self.list_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.list_empty.setWordWrap(True)
        self.list_empty.setEnabled(False)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.list)
        self.list_stack.addWidget(self.list_empty)
        left_layout.addWidget(self.list_stack, 1)

        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New person…"))
        self.new_button.setToolTip(self.tr("Add a person (Ctrl+Shift+P)"))
        self.merge_button = QPushButton(self.tr("Merge…"))
        self.merge_button.setToolTip(self.tr("Select two records of the same person, then merge them into one"))
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.merge_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)

        # --- detail pane
        self.detail = QWidget()
        detail = QVBoxLayout(self.detail)
        detail.setContentsMargins(12, 8, 12, 8)
        head = QHBoxLayout()
        self.name_label = QLabel()
        font = QFont(self.name_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_label.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Change this person's details"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setToolTip(self.tr("Delete this person for good (log records stay)"))
        head.addWidget(self.name_label, 1)
        head.addWidget(self.edit_button)
        head.addWidget(self.delete_button)
        detail.addLayout(head)
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        # Plain text: names and notes are never interpreted as markup or links.
        self.info_label.setTextFormat(Qt.TextFormat.PlainText)
        self.info_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        detail.addWidget(self.info_label)

        contacts_head = QHBoxLayout()
        contacts_head.addWidget(QLabel(self.tr("Phones and messengers:")), 1)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the selected number or handle; the clipboard is cleared "
                                            "again after 30 seconds"))
        contacts_head.addWidget(self.copy_button)
        detail.addLayout(contacts_head)
        self.contacts = QListWidget()
        self.contacts.setAccessibleName(self.tr("Phones and messenger handles"))
        self.contacts.setToolTip(self.tr("Double-click or press Ctrl+C to copy"))
        self.contacts.setMaximumHeight(90)
        detail.addWidget(self.contacts)

        log_head = QHBoxLayout()
        log_head.addWidget(QLabel(self.tr("Contact log:")), 1)
        self.new_log_button = QPushButton(self.tr("New log entry"))
        self.new_log_button.setToolTip(self.tr("Record a call, message or meeting with this person"))
        log_head.addWidget(self.new_log_button)
        detail.addLayout(log_head)
        self.log_model = ContactLogModel(self)
        self.log_table = QTableView()
        self.log_table.setModel(self.log_model)
        self.log_table.setAccessibleName(self.tr("Contact log with this person"))
        self.log_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.log_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.log_table.verticalHeader().setVisible(False)
        self.log_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.log_table.horizontalHeader().setResizeContentsPrecision(RESIZE_PRECISION)  # the first rows only
        self.log_table.horizontalHeader().setSectionResizeMode(COL_SUMMARY, QHeaderView.ResizeMode.Stretch)
        self.log_table.setWordWrap(False)
        detail.addWidget(self.log_table, 2)

        incidents_head = QHBoxLayout()
        incidents_head.addWidget(QLabel(self.tr("Incidents:")), 1)
        self.new_incident_button = QPushButton(self.tr("New incident with this person"))
        self.new_incident_button.setToolTip(self.tr("Write a new entry with this person already linked"))
        incidents_head.addWidget(self.new_incident_button)
        detail.addLayout(incidents_head)
        self.incidents = QListWidget()
        self.incidents.setAccessibleName(self.tr("Incidents this person appears in"))
        self.incidents.setToolTip(self.tr("Double-click to open the entry"))
        detail.addWidget(self.incidents, 1)

        self.detail_empty = QLabel(self.tr("Choose a person on the left, or add one with “New person…”."))
        self.detail_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail_empty.setWordWrap(True)
        self.detail_empty.setEnabled(False)
        self.detail_stack = QStackedWidget()
        self.detail_stack.addWidget(self.detail_empty)
        self.detail_stack.addWidget(self.detail)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail_stack)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([380, 700])
        splitter.setChildrenCollapsible(False)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(splitter)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)

    def _wire(self) -> None:
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self._search_timer.timeout.connect(self.apply_filter)
        self.role_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.list.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._after_reset)
        self.model.load_failed.connect(self._load_failed)
        self.new_button.clicked.connect(self.new_person)
        self.merge_button.clicked.connect(self.merge_selected)
        self.edit_button.clicked.connect(self.edit_person)
        self.delete_button.clicked.connect(self.delete_person)
        self.copy_button.clicked.connect(self.copy_selected_contact)
        self.contacts.itemActivated.connect(lambda item: self.copy_contact(item.data(VALUE_ROLE)))
        self.new_log_button.clicked.connect(self._request_new_log)
        self.new_incident_button.clicked.connect(self._request_new_incident)
        self.incidents.itemActivated.connect(lambda item: self.entry_requested.emit(item.data(VALUE_ROLE)))
        copy = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self.contacts)
        copy.setContext(Qt.ShortcutContext.WidgetShortcut)
        copy.activated.connect(self.copy_selected_contact)

    # --- session -------------------------------------------------------------------------
    def attach(self, session, background=None) -> None:
        """`background`: a reader of its own, for reading the list off the GUI thread."""
        self.session = session
        self._keep = None
        self.model.set_store(session.reader.people, background.people if background is not None else None)

    def detach(self) -> None:
        """Lock: forget every person, log row, incident title and typed search."""
        self._search_timer.stop()
        self.session = None
        self.search.blockSignals(True)
        self.search.setText("")
        self.search.blockSignals(False)
        self.role_filter.blockSignals(True)
        self.role_filter.setCurrentIndex(0)
        self.role_filter.blockSignals(False)
        self._keep = self._after_load = None
        self.model.clear()
        self._show_person(None)
        if self.person_dialog is not None:
            self.person_dialog.reject()
            self.person_dialog.deleteLater()
            self.person_dialog = None

    def reload(self, select_uuid: str | None = None, then=None) -> None:
        """Re-read the list, keeping (or choosing) the shown person; `then()` runs once it is
        shown (the list is read off the GUI thread: see PeopleListModel)."""
        if self.session is None:
            return
        # A reload while one is running keeps what that one was to show and do (latest read wins).
        pending = self.model.loading
        self._keep = select_uuid or (self._keep if pending else None) or (self.person.uuid if self.person else None)
        self._after_load = then or (self._after_load if pending else None)
        try:
            self.model.reload()
        except Exception as exc:  # a search FTS5 cannot parse: say so, keep the page usable
            self._load_failed(exc)

    @property
    def loading(self) -> bool:
        """True while the list is being read off the GUI thread."""
        return self.model.loading

    def _load_failed(self, exc: BaseException) -> None:
        self._keep = self._after_load = None
        self.list_empty.setText(user_message(exc))
        self.list_stack.setCurrentWidget(self.list_empty)

    def apply_filter(self) -> None:
        if self.session is None:
            return
        self.model.role = self.role_filter.currentData()
        self.model.search_text = self.search.text().strip()
        self.reload()

    def select_person(self, uuid: str) -> bool:
        row = self.model.row_of(uuid)
        if row < 0:
            return False
        index = self.model.index(row)
        self.list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.list.scrollTo(index)
        self._show_person(self.model.person_at(row))
        return True

    def show_person_uuid(self, uuid: str) -> None:
        """Open a person from elsewhere (search hit): clear filters that would hide them."""
        if self.session is None:
            return
        if self.model.row_of(uuid) < 0:
            self.search.blockSignals(True)
            self.search.setText("")
            self.search.blockSignals(False)
            self.role_filter.blockSignals(True)
            self.role_filter.setCurrentIndex(0)
            self.role_filter.blockSignals(False)
            self.model.role, self.model.search_text = None, ""
            self.reload(uuid)  # shown once the list is read
            return
        self.select_person(uuid)

    def selected_people(self) -> list[Person]:
        rows = sorted(i.row() for i in self.list.selectionModel().selectedRows())
        return [p for p in (self.model.person_at(r) for r in rows) if p is not None]

    def _after_reset(self) -> None:
        if self.model.rowCount() == 0:
            if self.session is None:
                text = ""
            elif self.model.search_text or self.model.role:
                text = self.tr("Nobody matches.")
            else:
                text = self.tr("No people yet. Add the people you deal with: detainees, relatives, "
                               "lawyers, witnesses.")
            self.list_empty.setText(text)
            self.list_stack.setCurrentWidget(self.list_empty)
        else:
            self.list_stack.setCurrentWidget(self.list)
        keep, then, self._keep, self._after_load = self._keep, self._after_load, None, None
        if keep and not self.select_person(keep):
            self._show_person(None)
        self._update_buttons()
        if then is not None:
            then()

    def _selection_changed(self, *_args) -> None:
        people = self.selected_people()
        if len(people) == 1:
            self._show_person(people[0])
        elif not people:
            self._show_person(None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        unlocked = self.session is not None
        self.new_button.setEnabled(unlocked)
        self.merge_button.setEnabled(unlocked and len(self.selected_people()) == 2)

    # --- detail -----------------------------------------------------------------------------
    def _show_person(self, person: Person | None) -> None:
        self.person = person
        self.contacts.clear()
        self.incidents.clear()
        self.log_model.clear()
        if person is None or self.session is None:
            self.person = None
            self.name_label.clear()
            self.info_label.clear()
            self.detail_stack.setCurrentWidget(self.detail_empty)
            return
        self.name_label.setText(person.display_name)
        lines = []
        if person.roles:
            lines.append(self.tr("Roles: {roles}").format(roles=roles_text(person.roles)))
        if person.aliases:
            lines.append(self.tr("Also known as: {names}").format(names=", ".join(person.aliases)))
        if person.organisation:
            lines.append(self.tr("Organisation: {org}").format(org=person.organisation))
        if person.sensitive:
            lines.append(self.tr("Sensitive: details never leave this laptop."))
        if person.notes.strip():
            lines.append(person.notes.strip())
        self.info_label.setText("\n".join(lines))
        for phone in person.phones:
            self._add_contact(self.tr("Phone: {number}").format(number=phone), phone)
        for handle in person.handles:
            self._add_contact(handle_text(handle), handle_value(handle))
        if not person.phones and not person.handles:
            item = QListWidgetItem(self.tr("No phone numbers or handles."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.contacts.addItem(item)
        reader = self.session.reader
        self.log_model.set_records(reader.contact_log.list(person=person.uuid, limit=500))
        roles = link_role_labels()
        for link in reader.people.entries_for_person(person.uuid):
            when = display_when(link.occurred_at)
            title = link.entry_title or self.tr("(untitled)")
            item = QListWidgetItem(f"{when}  {title} — {roles.get(link.role, link.role)}".strip())
            item.setData(VALUE_ROLE, link.entry_uuid)
            self.incidents.addItem(item)
        if self.incidents.count() == 0:
            item = QListWidgetItem(self.tr("Not linked to any incident yet."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.incidents.addItem(item)
        self.detail_stack.setCurrentWidget(self.detail)

    def _add_contact(self, label: str, value: str) -> None:
        item = QListWidgetItem(label)
        item.setData(VALUE_ROLE, value)
        self.contacts.addItem(item)

    def refresh_person(self) -> None:
        """Re-read the shown person (after a log record or link changed)."""
        if self.person is not None and self.session is not None:
            self.reload(self.person.uuid)

    # --- copy (never open) -----------------------------------------------------------------
    def copy_contact(self, value: str | None) -> None:
        """Copy a number or handle; cleared from the clipboard again after copy_clear_ms."""
        if not value:
            return
        copy_secret(value, self.copy_clear_ms)
        self.status_message.emit(self.tr("Copied. The clipboard is cleared in 30 seconds."), 4000)

    def copy_selected_contact(self) -> None:
        item = self.contacts.currentItem() or (self.contacts.item(0) if self.contacts.count() else None)
        if item is not None:
            self.copy_contact(item.data(VALUE_ROLE))

    # --- writes ------------------------------------------------------------------------------
    def new_person(self) -> None:
        if self.session is None:
            return
        self._open_dialog(None)

    def edit_person(self) -> None:
        if self.session is None or self.person is None:
            return
        self._open_dialog(self.person)

    def _open_dialog(self, person: Person | None) -> None:
        if self.person_dialog is not None:
            self.person_dialog.deleteLater()
        dialog = PersonDialog(person, self)
        uuid = person.uuid if person else None
        dialog.accepted.connect(lambda: self.save_person(dialog.values(), uuid))
        self.person_dialog = dialog
        dialog.open()

    def save_person(self, values: dict, uuid: str | None = None) -> None:
        """Add (uuid None) or update a person through the writer, then show them."""
        if self.session is None:
            return
        op = ops.add_person(self, self.session, values) if uuid is None else \
            ops.update_person(self, self.session, uuid, values)
        op.success(self._saved).failure(self._failed).run()

    def _saved(self, person: Person) -> None:
        def shown() -> None:  # hidden by the search or role filter: clear them
            if self.model.row_of(person.uuid) < 0:
                self.show_person_uuid(person.uuid)

        self.reload(person.uuid, then=shown)
        self.people_changed.emit()

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("People"), user_message(exc))

    def confirm(self, title: str, text: str) -> bool:
        """Ask before something that cannot be undone (tests replace this)."""
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes |
                                      QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def merge_selected(self) -> None:
        people = self.selected_people()
        if self.session is None or len(people) != 2:
            return
        # Keep the older record: its uuid is the one bundles already sent refer to.
        keep, absorb = sorted(people, key=lambda p: (p.created_at, p.id or 0))
        text = self.tr("Merge “{absorb}” into “{keep}”?\n\nTheir incidents, contact log, names, roles, phones "
                       "and handles are combined under “{keep}”. This cannot be undone.").format(
            absorb=absorb.display_name, keep=keep.display_name)
        if not self.confirm(self.tr("Merge people"), text):
            return
        keep_uuid, absorb_uuid = keep.uuid, absorb.uuid
        ops.merge(self, self.session, keep_uuid, absorb_uuid).success(self._saved).failure(self._failed).run()

    def delete_person(self) -> None:
        person = self.person
        if self.session is None or person is None:
            return
        text = self.tr("Delete “{name}” for good, with their history and links to incidents? Contact-log "
                       "records stay and show “deleted person”. This cannot be undone.").format(
            name=person.display_name)
        if not self.confirm(self.tr("Delete person"), text):
            return
        uuid = person.uuid
        ops.delete_person(self, self.session, uuid).success(self._deleted).failure(self._failed).run()

    def _deleted(self, _person) -> None:
        self._show_person(None)
        self.reload()
        self.people_changed.emit()

    def _request_new_log(self) -> None:
        if self.person is not None:
            self.new_log_requested.emit(self.person.uuid)

    def _request_new_incident(self) -> None:
        if self.person is not None:
            self.new_incident_requested.emit(self.person.uuid)
