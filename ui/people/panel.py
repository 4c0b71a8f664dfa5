"""The editor's "People involved" panel: link people to the entry with their role."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from journal.records.people import Person

from ui.common.a11y import announce
from ui.common.ops import LatestRead, user_message
from ui.people.labels import default_link_role, link_role_labels
from ui.people.picker import PeopleChoices, PersonPicker
from ui.common.read_only_panel import FollowsReadOnly
from ui.people import ops

LINK_ROLE = Qt.ItemDataRole.UserRole + 1   # (person uuid, role)


class EntryPeoplePanel(FollowsReadOnly, QGroupBox):
    """Shows who is linked to the current entry; links an existing person or creates one on the spot."""

    people_changed = Signal()   # a person was created here
    person_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("People involved"), parent)
        self.session = None
        self.entry_uuid: str | None = None
        self._people: dict[str, Person] = {}
        self._background = None      # a reader connection of its own (attach)
        self._reads = LatestRead()   # the picker's people, read off the GUI thread
        self.shared_people = None    # the feature's one read for every picker (PeopleFeature.refresh_people)
        self.shared_people_loading = lambda: False  # ... and whether it is running
        self._read_only = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.links = QListWidget()
        self.links.setAccessibleName(self.tr("People linked to this entry"))
        self.links.setToolTip(self.tr("Double-click to open the person"))
        self.links.setMaximumHeight(84)
        # Unlink acts on the list, so it sits beside it; one long row of picker, role, Link and
        # Unlink made the panel wider than the editor and the panels scrolled sideways.
        list_row = QHBoxLayout()
        list_row.addWidget(self.links, 1)
        layout.addLayout(list_row)
        row = QGridLayout()
        self.picker = PersonPicker()
        self.picker.setAccessibleName(self.tr("Person to link"))
        self.picker.setToolTip(self.tr("Type part of a name; a new name creates the person"))
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Role in this incident"))
        for key, label in link_role_labels().items():
            self.role.addItem(label, key)
        self.link_button = QPushButton(self.tr("Link"))
        self.link_button.setToolTip(self.tr("Link this person with this role (a new name is added to People)"))
        self.unlink_button = QPushButton(self.tr("Unlink"))
        self.unlink_button.setToolTip(self.tr("Remove the selected link (the person stays)"))
        picker_label = QLabel(self.tr("Person:"))
        picker_label.setBuddy(self.picker)
        role_label = QLabel(self.tr("Role:"))
        role_label.setBuddy(self.role)
        # Person on one row, role and Link on the next: the four side by side (with their labels)
        # made the editor wider than its pane in Russian at 1280 px.
        row.addWidget(picker_label, 0, 0)
        row.addWidget(self.picker, 0, 1, 1, 2)
        row.addWidget(role_label, 1, 0)
        row.addWidget(self.role, 1, 1)
        row.addWidget(self.link_button, 1, 2)
        row.setColumnStretch(1, 1)
        self.picker.setMinimumContentsLength(10)
        self.role.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # whole words in Russian
        layout.addLayout(row)
        list_row.addWidget(self.unlink_button, 0, Qt.AlignmentFlag.AlignTop)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout.addWidget(self.message)

        self.link_button.clicked.connect(self.link_current)
        # Enter in the picker only chooses the person (a completion, or the typed name); linking is
        # the Link button (Enter used to link at once with whatever role was showing).
        self.picker.currentIndexChanged.connect(self._picked)
        self.unlink_button.clicked.connect(self.unlink_selected)
        self.links.itemActivated.connect(lambda item: self.person_requested.emit(item.data(LINK_ROLE)[0]))
        self.links.currentRowChanged.connect(lambda _r: self._update_buttons())
        self.setVisible(False)

    # --- session ------------------------------------------------------------------
    def attach(self, session, background=None) -> None:
        """`background`: a reader of its own, for reading the picker's people off the GUI thread.
        With `shared_people` set, the feature reads them (once for every picker) and calls set_people."""
        self.session = session
        self._background = background
        if self.shared_people is None:
            self.refresh_people()

    @property
    def loading(self) -> bool:
        """True while the picker's people are being read off the GUI thread."""
        return self._reads.pending or (self.shared_people is not None and self.shared_people_loading())

    def refresh_people(self) -> None:
        if self.session is None:
            return
        if self.shared_people is not None:
            self.shared_people()
        elif self._background is None:
            self.set_people(PeopleChoices.read(self.session.reader.people))
        else:
            store = self._background.people
            self._reads.run(lambda: PeopleChoices.read(store), self.set_people, self._failed)

    def set_people(self, people: list[Person]) -> None:
        if self.session is None:
            return
        self._people = {p.uuid: p for p in people}
        self.picker.set_people(people)

    def detach(self) -> None:
        """Lock: forget the entry, its links and every name."""
        self._reads.forget()
        self._background = None
        self.session = None
        self._people.clear()
        self.set_entry(None)
        self.picker.forget()

    @staticmethod
    def read_part(reader, entry) -> list | BaseException:
        """The people linked to `entry` with their roles, read through `reader` (on the worker that
        reads the entry); the error instead when the entry went meanwhile."""
        try:
            return reader.people.people_for_entry(entry.uuid)
        except Exception as exc:  # noqa: BLE001 - shown in the panel (set_entry)
            return exc

    def set_entry(self, entry_uuid: str | None, read_only: bool = False, links=None) -> None:
        """Show the people linked to `entry_uuid`: `links` as read_part read them, or read here."""
        self.entry_uuid = entry_uuid
        self.links.clear()
        self._say("")
        self.setVisible(entry_uuid is not None and self.session is not None)
        self._read_only = read_only
        for widget in (self.picker, self.role, self.link_button):
            widget.setEnabled(not self._read_only)
        if entry_uuid is None or self.session is None:
            self._update_buttons()
            return
        labels = link_role_labels()
        if links is None:
            try:
                links = self.session.reader.people.people_for_entry(entry_uuid)
            except Exception as exc:  # the entry went meanwhile
                links = exc
        if isinstance(links, BaseException):
            self._say(user_message(links))
            links = []
        for person, role in links:
            item = QListWidgetItem(f"{person.display_name} — {labels.get(role, role)}")
            item.setData(LINK_ROLE, (person.uuid, role))
            self.links.addItem(item)
        self._update_buttons()


    def _refresh_read_only(self) -> None:
        for widget in (self.picker, self.role, self.link_button):
            widget.setEnabled(not self._read_only)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.unlink_button.setEnabled(self.links.currentItem() is not None and not self._read_only)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        announce(self.message, text)

    def _picked(self, _index: int) -> None:
        person = self._people.get(self.picker.current_uuid() or "")
        if person is not None:
            self.role.setCurrentIndex(max(self.role.findData(default_link_role(person.roles)), 0))

    # --- writes ---------------------------------------------------------------------------
    def link_current(self) -> None:
        """Link the chosen person, or create a person with the typed name and link them."""
        if self.session is None or self.entry_uuid is None:
            return
        entry_uuid, role = self.entry_uuid, self.role.currentData()
        person_uuid = self.picker.current_uuid()
        name = self.picker.typed_name()
        if person_uuid is None and not name:
            self._say(self.tr("Type a name or choose a person first."))  # _say announces it
            self.picker.setFocus(Qt.FocusReason.OtherFocusReason)  # where the person must act
            return
        person = self._people.get(person_uuid or "")
        linked = self.tr("Linked “{name}” as {role}.").format(
            name=person.display_name if person is not None else name, role=self.role.currentText())
        ops.link(self, self.session, entry_uuid, role, person_uuid=person_uuid, new_name=name) \
            .success(lambda created: self._linked(entry_uuid, created, linked)).failure(self._failed).run()

    def _linked(self, entry_uuid: str, created: Person | None, said: str = "") -> None:
        self.picker.select_uuid(None)
        if created is not None:
            self.refresh_people()
            self.people_changed.emit()
        if entry_uuid == self.entry_uuid:
            self.set_entry(entry_uuid, self._trashed)
        if created is not None:
            said = " ".join(filter(None, (said, self.tr("“{name}” was added to People.").format(
                name=created.display_name))))
        if said:
            self._say(said)  # shown under the row and announced

    def unlink_selected(self) -> None:
        item = self.links.currentItem()
        if self.session is None or self.entry_uuid is None or item is None:
            return
        person_uuid, role = item.data(LINK_ROLE)
        entry_uuid = self.entry_uuid
        ops.unlink(self, self.session, entry_uuid, person_uuid, role) \
            .success(lambda _n: self._linked(entry_uuid, None)).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self._say(user_message(exc))
