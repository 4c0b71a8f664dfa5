"""Wires people, the contact log, follow-ups and the overview into the main window.

MainWindow creates one PeopleFeature with its FeatureHost (ui/common/host.py) and calls
attach(session) / detach() (lock) / search(text); everything else (pages, sidebar
sections, the editor's people panel, the People menu, Ctrl+Shift+L) is set up here
through the host, so the shared window code only needs those few calls.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QSizePolicy, QToolButton

from ui.people.contact_log.followups import FollowUpsPage
from ui.people.contact_log.page import ContactLogPage
from ui.common.host import CONTACT_FORM, PERSON_FORM, FeatureHost
from ui.people.contact_log.edit_dialog import ContactLogEditDialog
from ui.people.dialog import PersonDialog
from ui.common.ops import LatestRead, user_message
from ui.people import ops
from ui.people.overview_page import OverviewPage
from ui.people.labels import default_link_role
from ui.people.page import PeoplePage
from ui.people.picker import PeopleChoices
from ui.people.panel import EntryPeoplePanel
from ui.people.search_hits import SearchHitsPanel

OVERVIEW_SECTION = "overview"
PEOPLE_SECTION = "people"
CONTACT_LOG_SECTION = "contact_log"
FOLLOW_UPS_SECTION = "follow_ups"


class PeopleFeature(QObject):
    def __init__(self, host: FeatureHost) -> None:
        super().__init__(host.parent_widget())
        self.host = host
        self.session = None
        self._reader = None  # a reader connection of its own, for the lists read off the GUI thread
        self._people_reads = LatestRead()  # the pickers' people
        self.overview = OverviewPage()
        self.people_page = PeoplePage()
        self.log_page = ContactLogPage()
        self.follow_ups = FollowUpsPage()
        self.panel = EntryPeoplePanel()
        self.search_hits = SearchHitsPanel()
        for part in (self.panel, self.log_page):  # one read of the people for every picker
            part.shared_people = self.refresh_people
            part.shared_people_loading = lambda: self.people_loading
        host.add_page(OVERVIEW_SECTION, self.overview)  # no sidebar item: the button above the sidebar
        host.add_page(PEOPLE_SECTION, self.people_page, self.tr("People"))
        host.add_page(CONTACT_LOG_SECTION, self.log_page, self.tr("Contact log"))
        host.add_page(FOLLOW_UPS_SECTION, self.follow_ups, self.tr("Follow-ups"))
        host.add_entry_panel(self.panel)
        self._put_overview_button_on_top()
        host.add_under_entry_list(self.search_hits)  # people and log matches of the main search
        # The person and contact forms, for other features (the duress decoy editor, ui/safety).
        host.offer_record_form(PERSON_FORM, lambda parent, **_context: PersonDialog(parent=parent))
        host.offer_record_form(CONTACT_FORM, lambda parent, people=(), **_context:
                               ContactLogEditDialog.new(parent, people=list(people), tz=host.default_tz))
        self._make_actions()
        self._wire()
        self._update_actions()

    def _put_overview_button_on_top(self) -> None:
        """The overview sits at the top of the side column, above the sections tree
        (a button rather than a tree item, so the tree's own items keep their places)."""
        self.overview_button = QToolButton()
        self.overview_button.setText(self.tr("Overview"))
        self.overview_button.setAutoRaise(True)
        self.overview_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.overview_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.overview_button.setToolTip(self.tr("Counts, follow-ups due and the last backup"))
        self.overview_button.setAccessibleName(self.tr("Overview"))
        self.overview_button.clicked.connect(lambda: self.show_section(OVERVIEW_SECTION))
        self.host.add_side_widget(self.overview_button)

    def _make_actions(self) -> None:
        window = self.host.parent_widget()
        self.quick_log_action = QAction(self.tr("&Log a contact…"), window)
        self.quick_log_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.quick_log_action.setToolTip(self.tr("Record a call, message or meeting (Ctrl+Shift+L)"))
        self.quick_log_action.triggered.connect(lambda: self.start_log(None))
        self.new_person_action = QAction(self.tr("&New person…"), window)
        self.new_person_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.new_person_action.setToolTip(self.tr("Add a person (Ctrl+Shift+P)"))
        self.new_person_action.triggered.connect(self.new_person)
        self.follow_ups_action = QAction(self.tr("&Follow-ups"), window)
        self.follow_ups_action.setToolTip(self.tr("What is due today and overdue"))
        self.follow_ups_action.triggered.connect(lambda: self.show_section(FOLLOW_UPS_SECTION))
        menu = QMenu(self.tr("&People"), window)
        for act in (self.new_person_action, self.quick_log_action, self.follow_ups_action):
            menu.addAction(act)
        self.host.add_menu(menu)
        self.menu = menu

    def _wire(self) -> None:
        self.host.section_changed.connect(self._section_changed)
        self.host.add_entry_part(EntryPeoplePanel.read_part, self._entry_changed)
        self.people_page.status_message.connect(self.host.show_status)
        self.overview.follow_ups_requested.connect(lambda: self.show_section(FOLLOW_UPS_SECTION))
        self.people_page.new_log_requested.connect(self.start_log)
        self.people_page.new_incident_requested.connect(self.new_incident_with)
        self.people_page.entry_requested.connect(self.open_entry)
        self.people_page.people_changed.connect(self._people_changed)
        self.panel.people_changed.connect(self._people_changed)
        self.panel.person_requested.connect(self.open_person)
        self.log_page.log_changed.connect(self._log_changed)
        self.follow_ups.changed.connect(self._log_changed)
        self.search_hits.person_activated.connect(self.open_person)
        self.search_hits.log_activated.connect(self.open_log_record)

    # --- session ---------------------------------------------------------------------
    def attach(self, session) -> None:
        self.session = session
        # The People and Contact log lists are read off the GUI thread on a reader of their own.
        self._reader = session.journal.open_reader() if session.journal is not None else None
        self.overview.attach(session)
        for part in (self.follow_ups, self.panel, self.people_page, self.log_page):
            part.attach(session, self._reader)
        self.refresh_people()
        self._update_overview_button()
        self._update_actions()

    def detach(self) -> None:
        """Lock: every people/log model, picker, panel and search hit is emptied."""
        for part in (self.overview, self.people_page, self.log_page, self.follow_ups, self.panel):
            part.detach()
        self.search_hits.clear()
        self._people_reads.forget()
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        self.session = None
        self._update_overview_button()
        self._update_actions()

    def refresh_people(self) -> None:
        """The people of every picker (the editor's panel, the contact log's filter and quick bar),
        read once off the GUI thread; the latest request wins."""
        if self.session is None or self._reader is None:
            return
        store = self._reader.people
        self._people_reads.run(lambda: PeopleChoices.read(store), self._people_read,
                               lambda exc: self.host.show_status(user_message(exc), 5000))

    @property
    def people_loading(self) -> bool:
        """True while the pickers' people are being read (tests and the bench wait on it)."""
        return self._people_reads.pending

    def _people_read(self, people) -> None:
        if self.session is None:
            return
        self.panel.set_people(people)
        self.log_page.set_people(people)

    def search(self, text: str) -> None:
        """The main search: people and log hits next to the entry hits."""
        self.search_hits.search(self._reader if self.session else None, text)

    def _update_actions(self) -> None:
        for act in (self.quick_log_action, self.new_person_action, self.follow_ups_action):
            act.setEnabled(self.session is not None)

    # --- navigation -------------------------------------------------------------------
    def show_section(self, key: str) -> bool:
        shown = self.host.show_section(key)
        if shown and key == OVERVIEW_SECTION:
            self.overview.refresh()  # no sidebar item, so no section_changed
        return shown

    def _section_changed(self, section: str, _flt) -> None:
        if self.session is None:
            return
        if section == OVERVIEW_SECTION:
            self.overview.refresh()
        elif section == FOLLOW_UPS_SECTION:
            self.follow_ups.reload()
        elif section == CONTACT_LOG_SECTION:
            self.log_page.reload()

    def start_log(self, person_uuid: str | None) -> None:
        """Ctrl+Shift+L / "New log entry": the contact log page with the quick bar ready."""
        if self.session is None:
            return
        self.host.flush()
        self.show_section(CONTACT_LOG_SECTION)
        self.log_page.quick.start(person_uuid)

    def new_person(self) -> None:
        if self.session is None:
            return
        self.show_section(PEOPLE_SECTION)
        self.people_page.new_person()

    def open_person(self, uuid: str) -> None:
        if self.session is None:
            return
        self.host.flush()
        self.show_section(PEOPLE_SECTION)
        self.people_page.show_person_uuid(uuid)

    def open_log_record(self, uuid: str) -> None:
        if self.session is None:
            return
        self.show_section(CONTACT_LOG_SECTION)
        self.log_page.select_record(uuid)

    def open_entry(self, entry_uuid: str) -> None:
        self._open_entry(entry_uuid)

    def _open_entry(self, entry_uuid: str, *, edit_title: bool = False) -> None:
        if self.session is None:
            return
        try:
            rowid = self.session.reader.entries.get(entry_uuid).id
        except Exception as exc:  # deleted meanwhile
            self.host.show_status(user_message(exc), 5000)
            return
        if self.host.clear_search():
            self.search_hits.clear()
        self.host.show_entry(rowid, edit_title=edit_title)

    def new_incident_with(self, person_uuid: str) -> None:
        """A new draft entry with this person already linked, shown in the editor."""
        if self.session is None:
            return
        self.host.flush()
        try:
            role = default_link_role(self.session.reader.people.get(person_uuid).roles)
        except Exception:  # the person went meanwhile; the write below reports it
            role = "other"
        zone = self.host.default_tz
        try:
            now = dt.datetime.now(ZoneInfo(zone)).strftime("%Y-%m-%dT%H:%M")
        except (ZoneInfoNotFoundError, ValueError):
            now = dt.datetime.now().strftime("%Y-%m-%dT%H:%M")
        ops.new_incident_with(self.host.parent_widget(), self.session, person_uuid, role, now, zone) \
            .success(self._incident_created).run()

    def _incident_created(self, entry) -> None:
        self._open_entry(entry.uuid, edit_title=True)
        self._people_changed()

    # --- keeping pages current ------------------------------------------------------------
    def _entry_changed(self, entry, links=None) -> None:
        """The editor shows `entry` (None: none), with its links read alongside (PeoplePanel.read_part)."""
        if entry is None:
            self.panel.set_entry(None)
        else:
            self.panel.set_entry(entry.uuid, read_only=entry.deleted_at is not None, links=links)

    def _people_changed(self) -> None:
        if self.session is None:
            return
        self.refresh_people()
        self.people_page.refresh_person()
        self.overview.refresh()

    def _log_changed(self) -> None:
        if self.session is None:
            return
        self.people_page.refresh_person()
        self.follow_ups.reload()
        self.log_page.reload()
        self.overview.refresh()
        self._update_overview_button()

    def _update_overview_button(self) -> None:
        due = self.session.reader.contact_log.count(due_only=True) if self.session else 0
        self.overview_button.setText(self.tr("Overview — %n due", "", due) if due else self.tr("Overview"))
