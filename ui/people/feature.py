"""Wires people, the contact log, follow-ups and the overview into the main window.

MainWindow creates one PeopleFeature and calls attach(session) / detach()
(lock) / search(text); everything else (pages, sidebar sections, the
editor's people panel, the People menu, Ctrl+Shift+L) is set up here so the
shared window code only needs those few calls.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QSizePolicy, QSplitter, QToolButton

from ui.people.contact_log.followups import FollowUpsPage
from ui.people.contact_log.page import ContactLogPage
from ui.common.ops import user_message
from ui.people.overview_page import OverviewPage
from ui.people.labels import default_link_role
from ui.people.page import PeoplePage
from ui.people.panel import EntryPeoplePanel
from ui.people.search_hits import SearchHitsPanel

OVERVIEW_SECTION = "overview"
PEOPLE_SECTION = "people"
CONTACT_LOG_SECTION = "contact_log"
FOLLOW_UPS_SECTION = "follow_ups"


class PeopleFeature(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.session = None
        self.overview = OverviewPage()
        self.people_page = PeoplePage()
        self.log_page = ContactLogPage()
        self.follow_ups = FollowUpsPage()
        self.panel = EntryPeoplePanel()
        self.search_hits = SearchHitsPanel()
        for key, page in ((OVERVIEW_SECTION, self.overview), (PEOPLE_SECTION, self.people_page),
                          (CONTACT_LOG_SECTION, self.log_page), (FOLLOW_UPS_SECTION, self.follow_ups)):
            window.add_page(key, page)
        sidebar = window.sidebar
        sidebar.add_section(PEOPLE_SECTION, self.tr("People"))
        sidebar.add_section(CONTACT_LOG_SECTION, self.tr("Contact log"))
        sidebar.add_section(FOLLOW_UPS_SECTION, self.tr("Follow-ups"))
        window.editor.add_panel(self.panel)
        self._put_overview_button_on_top()
        self._put_hits_under_entry_list()
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
        layout = self.window.sidebar.parentWidget().layout()
        layout.insertWidget(layout.indexOf(self.window.sidebar), self.overview_button)

    def _put_hits_under_entry_list(self) -> None:
        """The entry list and, under it, people and log matches of the main search."""
        page = self.window.entries_page
        index = page.indexOf(self.window.list_stack)
        if index < 0:
            return
        column = QSplitter(Qt.Orientation.Vertical)
        page.replaceWidget(index, column)
        column.addWidget(self.window.list_stack)
        column.addWidget(self.search_hits)
        column.setStretchFactor(0, 3)
        column.setStretchFactor(1, 1)
        column.setChildrenCollapsible(False)
        self.entries_column = column

    def _make_actions(self) -> None:
        window = self.window
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
        window.menuBar().insertMenu(window.help_menu.menuAction(), menu)
        self.menu = menu

    def _wire(self) -> None:
        window = self.window
        window.sidebar.selection_changed.connect(self._section_changed)
        window.editor.entry_changed.connect(self._entry_changed)
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
        for part in (self.overview, self.people_page, self.log_page, self.follow_ups, self.panel):
            part.attach(session)
        self._update_overview_button()
        self._update_actions()

    def detach(self) -> None:
        """Lock: every people/log model, picker, panel and search hit is emptied."""
        for part in (self.overview, self.people_page, self.log_page, self.follow_ups, self.panel):
            part.detach()
        self.search_hits.clear()
        self.session = None
        self._update_overview_button()
        self._update_actions()

    def search(self, text: str) -> None:
        """The main search: people and log hits next to the entry hits."""
        self.search_hits.search(self.session.reader if self.session else None, text)

    def _update_actions(self) -> None:
        for act in (self.quick_log_action, self.new_person_action, self.follow_ups_action):
            act.setEnabled(self.session is not None)

    # --- navigation -------------------------------------------------------------------
    def show_section(self, key: str) -> bool:
        sidebar = self.window.sidebar
        if key == OVERVIEW_SECTION:
            sidebar.setCurrentItem(None)
            self.window.pages.setCurrentWidget(self.overview)
            self.overview.refresh()
            return True
        return sidebar.select_section(key)

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
        self.window.flush()
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
        self.window.flush()
        self.show_section(PEOPLE_SECTION)
        self.people_page.show_person_uuid(uuid)

    def open_log_record(self, uuid: str) -> None:
        if self.session is None:
            return
        self.show_section(CONTACT_LOG_SECTION)
        self.log_page.select_record(uuid)

    def open_entry(self, entry_uuid: str) -> None:
        window = self.window
        if self.session is None:
            return
        try:
            rowid = self.session.reader.entries.get(entry_uuid).id
        except Exception as exc:  # deleted meanwhile
            window.statusBar().showMessage(user_message(exc), 5000)
            return
        if window.search.text():
            window.search.blockSignals(True)
            window.search.clear()
            window.search.blockSignals(False)
            window.model.set_search_text("")
            self.search_hits.clear()
        window.sidebar.select_all_entries()
        window.select_rowid(rowid)

    def new_incident_with(self, person_uuid: str) -> None:
        """A new draft entry with this person already linked, shown in the editor."""
        if self.session is None:
            return
        window = self.window
        window.flush()
        try:
            role = default_link_role(self.session.reader.people.get(person_uuid).roles)
        except Exception:  # the person went meanwhile; the write below reports it
            role = "other"
        zone = window.default_tz
        try:
            now = dt.datetime.now(ZoneInfo(zone)).strftime("%Y-%m-%dT%H:%M")
        except (ZoneInfoNotFoundError, ValueError):
            now = dt.datetime.now().strftime("%Y-%m-%dT%H:%M")

        def create(j):
            entry = j.entries.add(occurred_at=now, occurred_tz=zone, status="draft")
            j.people.link(entry.uuid, person_uuid, role)
            return entry

        self.session.write(create, self._incident_created, self._failed)

    def _incident_created(self, entry) -> None:
        self.open_entry(entry.uuid)
        self.window.editor.title.setFocus()
        self._people_changed()

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self.window, self.tr("Incident Journal"), user_message(exc))

    # --- keeping pages current ------------------------------------------------------------
    def _entry_changed(self, entry) -> None:
        if entry is None:
            self.panel.set_entry(None)
        else:
            self.panel.set_entry(entry.uuid, read_only=entry.deleted_at is not None)

    def _people_changed(self) -> None:
        if self.session is None:
            return
        self.log_page.refresh_people()
        self.panel.refresh_people()
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
        self.overview_button.setText(self.tr("Overview — {n} due").format(n=due) if due else self.tr("Overview"))
