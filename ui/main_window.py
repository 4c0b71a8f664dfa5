"""The main window: sidebar, entry list, editor, search; lock clears it all.

The window outlives a lock: `attach(session)` fills it, `detach()` empties
every model, view, editor and undo stack, so the same widgets can be
checked empty in tests and refilled on the next unlock. Signal wiring lives
in `_wire()`. Central pages sit in a QStackedWidget keyed by sidebar
section. Features never see this class: each gets `self.host`, a FeatureHost
(ui/common/host.py, implemented in ui/window_host.py), and adds its pages,
panels and actions through it.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QByteArray, QCoreApplication, QItemSelectionModel, QTimer, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMainWindow, QMessageBox, QPushButton, QSizePolicy,
    QSplitter, QStackedWidget, QTableView, QVBoxLayout, QWidget,
)

from journal.records.search import EntryFilter

from ui.entries import ops as entry_ops
from ui.entries.delegates import SnippetDelegate
from ui.entries.editor import EntryEditor, read_entry_view
from ui.entries.model import COL_ATTACHMENTS, COL_CATEGORY, COL_MATCH, COL_OCCURRED, COL_PLACE, COL_STATUS, COL_TITLE, \
    ROWID_ROLE, UUID_ROLE, EntryListModel, display_occurred
from ui.common import collector
from ui.common.a11y import announce, mark_hint
from ui.common.i18n import translated_categories
from ui.entries.history import HistoryDialog
from ui.entries.selection import allow_picking_several, selected_rowids
from ui.common.wheel_guard import install_wheel_guard
from ui.common.keyboard import install_keyboard_rules
from ui.common.fields import ScrollingPageStack, last_chosen_zone, system_zone_name
from ui.common.ops import LatestRead, user_message
from ui.common.resources import app_icon
from ui.sidebar import ENTRIES_SECTION, Sidebar
from ui.window_host import MainWindowHost

SEARCH_DEBOUNCE_MS = 250
UNDO_VISIBLE_MS = 10_000
TOOLBAR_SPACER = "toolbar-spacer"  # menus.py puts the exchange actions before it


class MainWindow(QMainWindow):
    lock_requested = Signal()
    close_requested = Signal()
    settings_requested = Signal()
    about_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        install_wheel_guard()  # idempotent; also when a test builds the window alone
        install_keyboard_rules()  # idem: Tab leaves tables, Shift+F10, combo box names
        self.session = None
        self._list_reader = None
        self._sidebar_reads = LatestRead()  # categories and tags, read off the GUI thread
        # The entry for the editor with its panels' parts, read off the GUI thread; the latest
        # selection wins (fast arrow keys never pile reads up), and what to do once it is shown.
        self._entry_reads = LatestRead()
        self._after_entry_read = None
        # A row chosen while an entry is still being read: read next, once that read is back (the
        # Down key held reads one entry at a time, the last one chosen, never one per row passed).
        self._next_entry_rowid: int | None = None
        self._when_loaded = None  # what to do once the list being read has arrived (select an entry)
        # A search was asked for: when its hits arrive, the entry in the editor stays selected if it
        # is among them (the rowid the list's current row had just before), else the editor empties.
        self._search_asked = False
        self._rowid_before_reset: int | None = None
        self._keeping_selection = False
        self._landing = False  # the focus is moving onto the first list (_land_on_list)
        self._row_pending = False  # ... and its first row is to load into the editor in the next event
        self._sized_for_search = False  # the columns are sized for a search's hits
        self._hold_after_list = False  # the first list after unlock is held from the collector once shown
        self.default_tz = system_zone_name()
        self.history_dialog: HistoryDialog | None = None
        self._pages: dict[str, QWidget] = {}
        self._known_tags: set[str] = set()
        self._undo_uuid: str | None = None  # the entry the Undo bar brings back...
        self._undo_rowids: list[int] = []  # ... or the entries (several moved at once)
        self.setWindowTitle(self.tr("Incident Journal"))  # never the journal's name or an entry's title
        self.setWindowIcon(app_icon())
        self._build()
        self._make_actions()
        self._wire()
        # Features get the host, never the window: see ui/common/host.py.
        self.host = MainWindowHost(self)
        from ui.attachments.panel import install_attachments

        self.attachments = install_attachments(self.host)
        from ui.people.feature import PeopleFeature

        self.people_feature = PeopleFeature(self.host)  # people, contact log, follow-ups, overview
        from ui.forms.feature import FormsFeature

        self.forms_feature = FormsFeature(self.host)  # incident forms, statistics, report export
        from ui.exchange.feature import BundlesFeature

        self.bundles_feature = BundlesFeature(self.host)  # my card, coordinators, export, import, received, senders
        from ui.exchange.transport.feature import TransportFeature

        self.transport_feature = TransportFeature(self.host)  # outbox, network settings, inbox folders, fetch
        from ui.evidence.feature import EvidenceFeature

        self.evidence_feature = EvidenceFeature(self.host)  # evidence packages for lawyers, and their check
        self._update_actions()
        self.fit_to_screen()

    # --- geometry (sizes only, never content) ---------------------------------------------------
    def fit_to_screen(self) -> None:
        """The default size: 1280×800 where it fits, else the screen's free area less a margin, so on a
        1366×768 laptop the title bar, status bar and buttons are all on screen."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1280, 800)
            return
        free = screen.availableGeometry()
        width, height = min(1280, free.width() - 32), min(800, free.height() - 32)
        # No floor larger than the screen: at 150 % a 1280×720 screen is 853×480, and a 480-pixel
        # floor put the status bar below its edge.
        self.resize(max(width, 320), max(height, 240))
        frame = self.frameGeometry()
        frame.moveCenter(free.center())
        self.move(frame.topLeft())

    def geometry_state(self) -> dict[str, str]:
        """Window size, maximized state and splitter positions, for the settings file."""
        return {"window_geometry": bytes(self.saveGeometry().toBase64()).decode("ascii"),
                "splitter_sizes": ",".join(str(s) for s in (*self.splitter.sizes(), *self.entries_page.sizes()))}

    def restore_geometry_state(self, geometry: str, splitter_sizes: str) -> None:
        """Undo geometry_state(); anything unreadable or off-screen falls back to fit_to_screen()."""
        restored = False
        if geometry:
            restored = self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        screen = self.screen() or QGuiApplication.primaryScreen()
        if restored and screen is not None and not screen.availableGeometry().intersects(self.frameGeometry()):
            restored = False
        if not restored:
            self.fit_to_screen()
        try:
            sizes = [int(s) for s in splitter_sizes.split(",")] if splitter_sizes else []
        except ValueError:
            sizes = []
        if len(sizes) == 4 and all(s >= 0 for s in sizes):
            self.splitter.setSizes(sizes[:2])
            self.entries_page.setSizes(sizes[2:])

    # --- construction -----------------------------------------------------------------
    def _build(self) -> None:
        self.sidebar = Sidebar()
        self.journal_name = QLabel()
        self.journal_name.setContentsMargins(8, 6, 8, 2)
        font = self.journal_name.font()
        font.setBold(True)
        self.journal_name.setFont(font)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        side_layout.addWidget(self.journal_name)
        side_layout.addWidget(self.sidebar, 1)

        self.model = EntryListModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        allow_picking_several(self.table)  # Shift/Ctrl+click, Shift+arrows, Ctrl+A (ui/entries/selection.py)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(COL_OCCURRED, Qt.SortOrder.DescendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("Entries"))
        self.table.setItemDelegateForColumn(COL_MATCH, SnippetDelegate(self.table))
        self._size_columns()

        self.list_empty = QLabel()
        self.list_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.list_empty.setWordWrap(True)
        mark_hint(self.list_empty)  # readable grey (>= 4.5:1), not a disabled label
        # Shown while the first list is read off the GUI thread (unlock): it holds the focus meant
        # for the list until the list arrives, and a screen reader hears what is happening.
        self.list_loading = QLabel(self.tr("Loading entries…"))
        self.list_loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.list_loading.setWordWrap(True)
        self.list_loading.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.list_loading.setAccessibleName(self.list_loading.text())
        mark_hint(self.list_loading)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.list_empty)
        self.list_stack.addWidget(self.list_loading)

        self.editor = EntryEditor()
        self.entries_page = QSplitter(Qt.Orientation.Horizontal)
        self.entries_page.addWidget(self.list_stack)
        self.entries_page.addWidget(self.editor)
        self.entries_page.setStretchFactor(0, 3)
        self.entries_page.setStretchFactor(1, 2)
        # The editor gets room for its widest row in Russian (about 430 px at 100 %); the list takes
        # the rest of any extra width (stretch 3:2).
        self.entries_page.setSizes([640, 450])
        self.entries_page.setChildrenCollapsible(False)

        self.pages = ScrollingPageStack()  # a page scrolls rather than widen the window
        self.add_page(ENTRIES_SECTION, self.entries_page)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(side)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([190, 1090])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(self.tr("Words in titles, text, places and tags. "
                                       "Use \"quotes\" for a phrase, word* for a prefix, OR for either."))
        self.search.setMaximumWidth(340)
        self.search.setMinimumWidth(200)
        self.search.setAccessibleName(self.tr("Search"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)

        self.count_label = QLabel()
        # "“Title” moved to the trash. [Undo]" as one status-bar widget: a temporary status message
        # would be drawn over (or under) the button.
        self.undo_bar = QWidget()
        undo_layout = QHBoxLayout(self.undo_bar)
        undo_layout.setContentsMargins(0, 0, 0, 0)
        self.undo_label = QLabel()
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setFlat(True)
        undo_layout.addWidget(self.undo_label)
        undo_layout.addWidget(self.undo_button)
        self.undo_bar.setVisible(False)
        self.statusBar().addWidget(self.undo_bar)
        self.statusBar().addPermanentWidget(self.count_label)
        # Every status-bar message ("1 file attached.", "Entry restored.") is spoken too (issue 24, item 3).
        self.statusBar().messageChanged.connect(lambda text: announce(self.statusBar(), text))
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(UNDO_VISIBLE_MS)

    def _size_columns(self) -> None:
        """Fixed, content-based widths for the short columns; the title takes the rest."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        width = self.fontMetrics().horizontalAdvance
        header.setMinimumSectionSize(width("999") + 12)
        # Widths from the translated headers and typical values, so no language gets "Чернов…".
        def fit(column: int, *samples: str) -> int:
            head = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            return max(width(text) for text in (head, *samples))

        header.resizeSection(COL_OCCURRED, fit(COL_OCCURRED, display_occurred("2024-12-25T22:10")) + 28)
        header.resizeSection(COL_PLACE, width("Moscow, Tverskaya") + 16)
        header.resizeSection(COL_CATEGORY,
                             fit(COL_CATEGORY, QCoreApplication.translate("Categories", "Detention")) + 16)
        header.resizeSection(COL_STATUS, fit(COL_STATUS, QCoreApplication.translate("EntryListModel", "Draft"),
                                             QCoreApplication.translate("EntryListModel", "Final")) + 28)
        header.resizeSection(COL_ATTACHMENTS, fit(COL_ATTACHMENTS) + 16)
        searching = self._sized_for_search = self.model.searching
        # Searching: the title and the matching words need the room more than place and category.
        for column in (COL_PLACE, COL_CATEGORY, COL_ATTACHMENTS):
            self.table.setColumnHidden(column, searching)
        header.setSortIndicatorShown(not searching)
        if searching:
            header.resizeSection(COL_MATCH, width("m" * 22))

    def _make_actions(self) -> None:
        def action(text: str, shortcut=None, tip: str = "", slot=None) -> QAction:
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            if tip:
                act.setToolTip(tip)
                act.setStatusTip(tip)
            if slot is not None:
                act.triggered.connect(slot)
            return act

        self.new_action = action(self.tr("&New entry"), QKeySequence.StandardKey.New,
                                 self.tr("Write a new entry (Ctrl+N)"), self.new_entry)
        self.delete_action = action(self.tr("&Move to trash"), QKeySequence.StandardKey.Delete,
                                    self.tr("Move the selected entries to the trash (Del)"), self.delete_current)
        # Del only when the list has focus: in a text field it deletes characters.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(self.delete_action)
        self.restore_action = action(self.tr("&Restore"), "Ctrl+R",
                                     self.tr("Move the selected entries out of the trash"), self.restore_current)
        self.empty_trash_action = action(self.tr("&Empty trash…"), None,
                                         self.tr("Delete everything in the trash for good"), self.empty_trash)
        self.history_action = action(self.tr("&History…"), "Ctrl+H",
                                     self.tr("Earlier versions of the selected entry"), self.show_history)
        self.find_action = action(self.tr("&Find"), QKeySequence.StandardKey.Find,
                                  self.tr("Search the journal (Ctrl+F)"), self.focus_search)
        self.lock_action = action(self.tr("&Lock"), "Ctrl+L",
                                  self.tr("Lock now: close the journal and forget the key (Ctrl+L)"),
                                  self.lock_requested.emit)
        self.settings_action = action(self.tr("&Settings…"), QKeySequence.StandardKey.Preferences,
                                      self.tr("Auto-lock time, time zone, language"), self.settings_requested.emit)
        self.about_action = action(self.tr("&About Incident Journal"), None, "", self.about_requested.emit)
        self.quit_action = action(self.tr("&Quit"), QKeySequence.StandardKey.Quit,
                                  self.tr("Lock and quit"), self.close)
        self.lock_action.setIcon(app_icon())  # the padlock; the standard "close" cross read as "quit"
        # F6 / Shift+F6 move between the window's regions as in mail clients (sidebar, list, editor,
        # search); Ctrl+Tab / Ctrl+Shift+Tab too: no page of this window has tabs of its own.
        self.next_region_action = action(self.tr("Next &region"), None,
                                         self.tr("Move to the next part of the window (F6)"),
                                         lambda: self.cycle_region(1))
        self.next_region_action.setShortcuts([QKeySequence("F6"), QKeySequence("Ctrl+Tab")])
        self.previous_region_action = action(self.tr("Previous re&gion"), None,
                                             self.tr("Move to the previous part of the window (Shift+F6)"),
                                             lambda: self.cycle_region(-1))
        self.previous_region_action.setShortcuts([QKeySequence("Shift+F6"), QKeySequence("Ctrl+Shift+Tab"),
                                                  QKeySequence("Ctrl+Backtab")])

        menu = self.menuBar().addMenu(self.tr("&Journal"))
        for act in (self.new_action, None, self.lock_action, self.settings_action, None, self.quit_action):
            menu.addSeparator() if act is None else menu.addAction(act)
        self.journal_menu = menu
        self.entry_menu = self.menuBar().addMenu(self.tr("&Entry"))
        for act in (self.history_action, None, self.delete_action, self.restore_action, self.empty_trash_action):
            self.entry_menu.addSeparator() if act is None else self.entry_menu.addAction(act)
        self.edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.edit_menu.addAction(self.find_action)
        self.edit_menu.addSeparator()
        for act in (self.next_region_action, self.previous_region_action):
            self.edit_menu.addAction(act)
            self.addAction(act)  # the keys work whatever the menus hold (menus.py rebuilds them)
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.about_action)

        self.toolbar = self.addToolBar(self.tr("Main"))
        self.toolbar.setObjectName("main-toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # Search comes first: a tool bar that is too narrow (1366×768 at 150 %, long Russian labels)
        # moves its LAST items into the overflow menu, and search must stay on screen and in the Tab
        # order; every action below also has a menu item and a shortcut.
        self.toolbar.addWidget(self.search)
        self.toolbar.addSeparator()
        for act in (self.new_action, self.delete_action, self.restore_action, self.history_action):
            self.toolbar.addAction(act)
        spacer = QWidget()
        spacer.setObjectName(TOOLBAR_SPACER)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addAction(self.lock_action)

    def _wire(self) -> None:
        self.sidebar.selection_changed.connect(self._section_changed)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.activated.connect(self._open_in_editor)  # Return (or a double click) on an entry
        self.model.modelAboutToBeReset.connect(self._before_list_reset)
        self.model.modelReset.connect(self._list_reset)
        self.model.rowsInserted.connect(self._after_list_change)
        self.model.later_page_failed.connect(lambda why: self.statusBar().showMessage(
            self.tr("More results could not be read: {why}").format(why=why), 10000))
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self._search_timer.timeout.connect(self._run_search)
        self.editor.saved.connect(self._entry_saved)
        self.editor.history_requested.connect(lambda _uuid: self.show_history())
        self.editor.restore_requested.connect(lambda _uuid: self.restore_current())
        self.undo_button.clicked.connect(self._undo_delete)
        self._undo_timer.timeout.connect(self._hide_undo)

    def add_page(self, section: str, widget: QWidget) -> None:
        """A central page shown when the sidebar item with this section key is chosen."""
        self._pages[section] = widget
        self.pages.addWidget(widget)

    def add_under_entry_list(self, widget: QWidget) -> None:
        """A widget under the entry list, in one column with it (the people search hits)."""
        column = self.list_stack.parentWidget()
        if not isinstance(column, QSplitter) or column is self.entries_page:
            column = QSplitter(Qt.Orientation.Vertical)
            self.entries_page.replaceWidget(self.entries_page.indexOf(self.list_stack), column)
            column.addWidget(self.list_stack)
            column.setChildrenCollapsible(False)
            self.entries_column = column
        column.addWidget(widget)
        column.setStretchFactor(0, 3)
        column.setStretchFactor(column.count() - 1, 1)

    # --- session ---------------------------------------------------------------------------
    def attach(self, session, default_tz: str | None = None) -> None:
        """Fill the window from a freshly unlocked session.

        Nothing slow is read here on the GUI thread: the first list (every id in list order and
        the first block of rows) and the sidebar's categories and tags are read off it on a
        reader of their own (ui/common/ops.LatestRead), the features' lists likewise. Until the
        list arrives the list area says it is loading (never "no entries"), and the focus waits
        there to move onto the list.
        """
        self.session = session
        if default_tz:
            self.default_tz = default_tz
        # The app's modules and this window stay as long as the session: out of the collector's way,
        # and what the first list brings too once it has arrived (_list_reset; ui/common/collector.py).
        collector.hold_long_lived()
        self._hold_after_list = True
        reader = session.reader
        self.journal_name.setText(session.journal.name)
        self.editor.attach(session, self.default_tz)
        self.attachments.attach(session)
        self.bundles_feature.attach(session)
        self.transport_feature.attach(session)
        # A reader connection of its own for reads off the GUI thread (the list, the sidebar).
        self._list_reader = session.journal.open_reader()
        self.sidebar.populate([], [])  # sections now; categories and tags when they are read
        self.model.set_queries(reader.queries, {}, background=self._list_reader.queries)
        self._show_loading()
        self.refresh_sidebar()
        self.people_feature.attach(session)
        self.forms_feature.attach(session)
        self.evidence_feature.attach(session)
        self.pages.setCurrentWidget(self.entries_page)
        self._update_actions()
        self.list_loading.setFocus()  # moves onto the list when it arrives (_after_list_change)
        from ui.common.a11y import order_tab_chain  # Tab follows the layout, including panels features added

        QTimer.singleShot(0, lambda: order_tab_chain(
            [self.toolbar, self.sidebar.parentWidget(), self.table, self.editor]))
        # Records saved before word forms (schema 11) get theirs in the background.
        entry_ops.fill_word_forms(self, session, self._word_forms_progress)
        # Previews a bundle import left for after its commit, if the app closed before they were made.
        from ui.exchange import ops as exchange_ops

        exchange_ops.fill_previews(self, session)

    def _show_loading(self) -> None:
        """The list area while the first list is read: a calm line, no count, no "no entries"."""
        if self.model.loading and self.model.rowCount() == 0:
            self.list_stack.setCurrentWidget(self.list_loading)
            self.count_label.clear()

    def _word_forms_progress(self, done: int, remaining: int) -> None:
        if not done:
            return
        if remaining:
            percent = done * 100 // (done + remaining)
            self.statusBar().showMessage(
                self.tr("Updating the search index: {percent}%").format(percent=percent))
        else:
            self.statusBar().showMessage(self.tr("Search now finds every form of a word."), 8000)

    def _fit_sidebar(self) -> None:
        """Widen the sidebar to its longest label (translated category names are longer than English)."""
        wanted = self.sidebar.sizeHintForColumn(0) + 2 * self.sidebar.frameWidth() + 8
        sizes = self.splitter.sizes()
        if len(sizes) == 2 and sum(sizes) > 0 and sizes[0] < wanted:
            self.splitter.setSizes([wanted, max(sum(sizes) - wanted, 0)])

    def set_default_timezone(self, zone: str) -> None:
        self.default_tz = zone
        if self.session is not None:
            self.editor.attach(self.session, zone)

    def flush(self) -> bool:
        """Save what the editor holds (before lock or quit)."""
        forms_saved = self.forms_feature.flush()
        return self.editor.flush() and forms_saved

    def detach(self) -> None:
        """Lock: empty every model, view, editor and undo stack; drop the session."""
        self._search_timer.stop()
        self._search_asked = False
        self._hold_after_list = False
        self._undo_timer.stop()
        self.forms_feature.detach()
        self.evidence_feature.detach()
        self.bundles_feature.detach()
        self.transport_feature.detach()
        self._entry_reads.forget()  # an entry being read is never shown
        self._after_entry_read = self._next_entry_rowid = None
        self.editor.forget_journal()
        self.attachments.forget()
        self.people_feature.detach()
        self.model.clear()
        self._sidebar_reads.forget()
        if self._list_reader is not None:
            self._list_reader.close()
            self._list_reader = None
        self.sidebar.clear()
        self.search.blockSignals(True)
        self.search.setText("")  # also empties the search field's undo history
        self.search.blockSignals(False)
        self.journal_name.clear()
        if self.history_dialog is not None:
            self.history_dialog.forget()
            self.history_dialog.close()
            self.history_dialog.deleteLater()
            self.history_dialog = None
        self._known_tags.clear()
        self._when_loaded = None
        self._hide_undo()
        self.undo_label.clear()  # it names the entry moved to the trash
        self.statusBar().clearMessage()
        self.count_label.clear()
        self.list_empty.clear()
        self.session = None
        collector.release_long_lived()  # whatever the session left is collected as usual
        self._update_actions()

    # --- list and sections ---------------------------------------------------------------------
    def _section_changed(self, section: str, flt: EntryFilter | None) -> None:
        page = self._pages.get(section)
        if page is not None:
            self.pages.setCurrentWidget(page)
        if section == ENTRIES_SECTION and flt is not None and self.session is not None:
            self.editor.flush()
            self._clear_editor()
            self.model.set_filter(flt)
        self._update_actions()

    def _run_search(self) -> None:
        """The search field's text, searched off the GUI thread (the latest text wins); the list and
        the editor keep what they show until the hits arrive (_list_reset)."""
        if self.session is None:
            return
        self.editor.flush()
        self._search_asked = True
        self.model.set_search_text(self.search.text())
        self.people_feature.search(self.search.text())

    def show_section(self, section: str) -> bool:
        """Show a section's page: through its sidebar item, or (a page without one) directly."""
        if self.sidebar.select_section(section):
            return True
        page = self._pages.get(section)
        if page is None:
            return False
        self.sidebar.setCurrentItem(None)
        self.pages.setCurrentWidget(page)
        self._update_actions()
        return True

    def clear_search(self) -> bool:
        """Empty the search field without searching again; True if it held text."""
        if not self.search.text():
            return False
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._search_timer.stop()
        self._search_asked = False
        self.model.set_search_text("")
        return True

    def show_entry(self, rowid: int, *, edit_title: bool = False) -> bool:
        """Show an entry among all entries (no search) and in the editor; while the list is
        still loading (off the GUI thread), as soon as it has arrived."""
        self.clear_search()
        self.sidebar.select_all_entries()
        if self.model.loading or not self.model.complete:  # (a long list's rest may hold it)
            self._when_listed(lambda: self._select_and_edit(rowid, edit_title))
            return True
        return self._select_and_edit(rowid, edit_title)

    def _select_and_edit(self, rowid: int, edit_title: bool) -> bool:
        shown = self.select_rowid(rowid)
        if shown and edit_title:
            self._when_entry_shown(lambda: self.editor.title.setFocus())
        return shown

    def _when_listed(self, then) -> None:
        """Run `then()` once the list being read off the GUI thread has arrived, all of it (now if
        none is): an entry to select may be below a long list's first rows."""
        if self.model.loading or not self.model.complete:
            self._when_loaded = then
        else:
            then()

    def _reload_list(self, then=None) -> None:
        """Read the list again (after a write) off the GUI thread; `then()` once it is shown."""
        self.model.reload_in_background()
        if then is not None:
            self._when_listed(then)

    def _open_in_editor(self, index) -> None:
        """Return on an entry: the editor shows it already (row change); focus goes to its title."""
        if not index.isValid() or self.session is None:
            return
        rowid = self.model.data(index, ROWID_ROLE)
        if rowid is not None and self.table.currentIndex().row() != index.row():
            self.select_rowid(rowid)
        self._when_entry_shown(self.editor.focus_first_field)

    def regions(self) -> list[QWidget]:
        """The parts F6 moves between, in order: sidebar, list (or the section's page), editor, search."""
        regions: list[QWidget] = [self.sidebar]
        if self.entry_page_showing():
            regions.append(self.list_stack.currentWidget())
            regions.append(self.editor)
        elif self.pages.currentWidget() is not None:
            regions.append(self.pages.currentWidget())
        regions.append(self.search)
        return regions

    def cycle_region(self, step: int) -> None:
        """Focus the first control of the next (step 1) or previous (-1) region that has one."""
        from PySide6.QtWidgets import QApplication

        from ui.common.a11y import first_focusable

        regions = self.regions()
        focused = QApplication.focusWidget()
        here = next((i for i, region in enumerate(regions)
                     if focused is not None and (focused is region or region.isAncestorOf(focused))), -1)
        if here < 0:
            here = 0 if step < 0 else len(regions) - 1
        for offset in range(1, len(regions) + 1):
            region = regions[(here + step * offset) % len(regions)]
            target = first_focusable(region)
            if target is not None:
                target.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _row_changed(self, current, _previous) -> None:
        if self.session is None:
            return
        if self._keeping_selection:  # the editor shows this entry already (_keep_selection)
            self._update_actions()
            return
        if self._landing:
            # The first list just took the loading line's place (_land_on_list): its first entry loads
            # into the editor in an event of its own, after the list is painted, not in the same freeze.
            self._landing = False
            self._row_pending = True
            QTimer.singleShot(0, self._show_current_row)
            return
        self._show_row(current)

    @property
    def editor_pending(self) -> bool:
        """True while an entry waits to load into the editor: the first list's first row, or any
        selected row whose entry is being read (tests and the bench wait on it)."""
        return self._row_pending or self._entry_reads.pending

    def _show_current_row(self) -> None:
        self._row_pending = False
        current = self.table.currentIndex()
        if self.session is None or (current.isValid()
                                    and self.model.data(current, UUID_ROLE) == self.editor.current_uuid):
            return
        self._show_row(current)

    def _show_row(self, current) -> None:
        """The editor shows the list's current row (or nothing): the entry and its panels' parts
        are read off the GUI thread (read_entry_view on the list's reader); meanwhile the editor
        is pending (keeps the previous entry, takes no typing). One read at a time: a row chosen
        meanwhile is read when it is back, and only the latest row's entry is shown."""
        rowid = self.model.data(current, ROWID_ROLE) if current.isValid() else None
        self.editor.flush()
        if rowid is None or self._list_reader is None:
            self._clear_editor()
        else:
            self._after_entry_read = None
            self.editor.set_pending(True)
            if self._entry_reads.pending:
                self._next_entry_rowid = rowid  # read when the running read is back
            else:
                self._read_entry(rowid)
        self._update_actions()

    def _read_entry(self, rowid: int) -> None:
        reader, reads = self._list_reader, self.editor.part_reads()
        self._next_entry_rowid = None
        self._entry_reads.run(lambda: read_entry_view(reader, rowid, reads), self._entry_read,
                              self._entry_read_failed)

    def _read_next_entry(self) -> bool:
        """A row was chosen while the last read ran: read it now instead of showing that one."""
        if self._next_entry_rowid is None or self.session is None or self._list_reader is None:
            return False
        self._read_entry(self._next_entry_rowid)
        return True

    def _entry_read(self, view) -> None:
        if self.session is None or self._read_next_entry():
            return
        self.editor.load(view.entry, read_only=view.entry.deleted_at is not None, parts=view.parts)
        self._update_actions()
        then, self._after_entry_read = self._after_entry_read, None
        if then is not None:
            then()

    def _entry_read_failed(self, exc: BaseException) -> None:
        if self.session is None or self._read_next_entry():
            return
        self.statusBar().showMessage(user_message(exc), 5000)  # a row deleted meanwhile: say why, keep going
        self._clear_editor()

    def _when_entry_shown(self, then) -> None:
        """Run `then()` once the entry being read for the editor is shown (now if none is read)."""
        if self._entry_reads.pending:
            self._after_entry_read = then
        else:
            then()

    def _clear_editor(self) -> None:
        """The editor shows nothing; an entry still being read for it is dropped."""
        self._entry_reads.forget()
        self._after_entry_read = self._next_entry_rowid = None
        self.editor.clear()

    def _before_list_reset(self) -> None:
        # An entry being read for a row of the list going away is dropped: the editor keeps the entry
        # it shows, kept selected or emptied with the new list (_keep_selection).
        if self._entry_reads.pending:
            self._entry_reads.forget()
            self._after_entry_read = self._next_entry_rowid = None
            self.editor.set_pending(False)
        current = self.table.currentIndex()
        self._rowid_before_reset = self.model.rowid_at(current.row()) if current.isValid() else None

    def _list_reset(self) -> None:
        """A new list arrived (the model was reset): columns for browsing or searching, then the rest."""
        if self.model.loading:  # a list read here while another is read: that one decides
            self._after_list_change()
            return
        if self.model.searching != self._sized_for_search:
            self._size_columns()  # the search's match column in, place and category out (or back)
        if self._hold_after_list and self.session is not None:
            self._hold_after_list = False
            QTimer.singleShot(0, lambda: self.session is not None and collector.hold_long_lived())  # once shown
        if self._search_asked:
            self._search_asked = False
            self._keep_selection(self._rowid_before_reset)
        self._after_list_change()

    def _keep_selection(self, rowid: int | None) -> None:
        """After a search's hits arrived: the entry in the editor stays selected (and loaded, not
        read again) when it is among them; otherwise the editor empties, as the list no longer shows it."""
        shown = self.editor.current_uuid
        if rowid is not None and shown is not None and self.model.row_of(rowid) >= 0 \
                and self.model.data(self.model.index(self.model.row_of(rowid), COL_TITLE), UUID_ROLE) == shown:
            self._keeping_selection = True
            try:
                self.select_rowid(rowid)
            finally:
                self._keeping_selection = False
            return
        if shown is not None:
            self.editor.flush()
            self._clear_editor()

    def _after_list_change(self, *_args) -> None:
        rows = self.model.rowCount()
        in_trash = self.sidebar.current_filter().trash
        waiting = self.focusWidget() is self.list_loading  # the window's focus, also while it is inactive
        if rows == 0 and self.model.loading and self.session is not None:
            self._show_loading()
            self._update_actions()
            return
        if rows == 0:
            if self.model.searching:
                from journal.records.search import nothing_found_hints

                query = self.model.search_text  # what the hits answer: the field may hold more by now
                hints = nothing_found_hints(query, self.sidebar.current_filter())
                if self.model.load_failed is not None:
                    hints.insert(0, user_message(self.model.load_failed))
                text = "\n".join([self.tr("Nothing found for “{text}”.").format(text=query), *hints])
            elif in_trash:
                text = self.tr("The trash is empty.")
            elif self.model.entry_filter != EntryFilter():
                text = self.tr("No entries here.")
            else:
                text = self.tr("No entries yet — press Ctrl+N to write the first one.")
            self.list_empty.setText(text)
        shown = self.table if rows else self.list_empty
        if waiting:
            # The focus waited on the loading line: the list takes its place (and the focus, and its first
            # row loads into the editor) in an event of its own, not in the same freeze as the list's arrival.
            QTimer.singleShot(0, self._land_on_list)
        else:
            self.list_stack.setCurrentWidget(shown)
        if self._when_loaded is not None and not self.model.loading and self.model.complete:
            then, self._when_loaded = self._when_loaded, None
            then()
        if self.session is None:
            self.count_label.clear()
        elif self.model.searching:
            more = "+" if self.model.canFetchMore() else ""
            self.count_label.setText(self.tr("%n found{more}", "", rows).format(more=more))
        else:
            self.count_label.setText(self.tr("%n entries", "", self.model.total_rows))
        self._update_actions()

    def _land_on_list(self) -> None:
        """After the first list arrived: show it in place of the loading line; the focus moves with it."""
        if self.session is None or self.list_stack.currentWidget() is not self.list_loading or self.model.loading:
            return
        focused = self.focusWidget() is self.list_loading
        self._landing = True  # the focus (moving on its own, or set here) makes the first row current
        try:
            self.list_stack.setCurrentWidget(self.table if self.model.rowCount() else self.list_empty)
            if focused and self.model.rowCount():
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        finally:
            self._landing = False

    def select_rowid(self, rowid: int) -> bool:
        row = self.model.row_of(rowid)
        if row < 0:
            return False
        index = self.model.index(row, COL_TITLE)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def current_uuid(self) -> str | None:
        return self.editor.current_uuid

    def entry_page_showing(self) -> bool:
        """True while the entry list and editor are on screen (not Statistics, People, …)."""
        return self.pages.currentWidget() is self.entries_page

    def _update_actions(self) -> None:
        unlocked = self.session is not None
        # Actions on "the current entry" act only on an entry the person can see.
        has_entry = unlocked and self.entry_page_showing() and self.editor.current_uuid is not None
        in_trash = unlocked and self.sidebar.current_filter().trash
        for act in (self.new_action, self.find_action, self.lock_action, self.settings_action):
            act.setEnabled(unlocked)
        self.delete_action.setEnabled(has_entry and not in_trash)
        self.restore_action.setEnabled(has_entry and in_trash)
        self.history_action.setEnabled(has_entry)
        self.empty_trash_action.setEnabled(in_trash and self.model.rowCount() > 0)
        self.search.setEnabled(unlocked)
        # "N entries" counts the entry list: on other pages (People, Statistics...) it would be wrong.
        self.count_label.setVisible(self.entry_page_showing())

    # --- entry actions ---------------------------------------------------------------------------
    def new_entry(self) -> None:
        if self.session is None:
            return
        self.editor.flush()
        zone = last_chosen_zone(self.session.reader.db) or self.default_tz
        try:
            now = dt.datetime.now(ZoneInfo(zone)).strftime("%Y-%m-%dT%H:%M")
        except (ZoneInfoNotFoundError, ValueError):
            now = dt.datetime.now().strftime("%Y-%m-%dT%H:%M")
        entry_ops.add_draft(self, self.session, now, zone) \
            .success(self._entry_created).failure(self._write_failed).run()

    def _entry_created(self, entry) -> None:
        self.clear_search()
        flt = self.sidebar.current_filter()
        if flt.trash or flt.category or flt.tag or flt.status not in (None, "draft"):
            self.sidebar.select_all_entries()  # show the list the new entry is in
            if not self.model.loading:  # All entries was shown already
                self._reload_list()
        else:
            self._reload_list()
        self._when_listed(lambda: self._select_and_edit(entry.id, True))
        self.statusBar().showMessage(self.tr("New entry created."), 3000)

    def delete_current(self) -> None:
        """Del: the entry shown, or every entry picked in the list (ui/entries/selection.py) after
        asking; Undo brings them back either way."""
        uuid = self.editor.current_uuid
        if (self.session is None or uuid is None or self.sidebar.current_filter().trash
                or not self.entry_page_showing()):
            return
        picked = selected_rowids(self.table)
        if len(picked) > 1:
            self._delete_several(picked)
            return
        self.editor.flush()
        title = self.editor.title.text().strip() or self.tr("(untitled)")
        row = self.table.currentIndex().row()
        entry_ops.move_to_trash(self, self.session, uuid).success(lambda _r: self._deleted(uuid, row, title)) \
            .failure(self._write_failed).run()

    def _deleted(self, uuid: str, row: int, title: str = "") -> None:
        self._clear_editor()

        def select_next() -> None:
            if self.model.rowCount():
                rowid = self.model.rowid_at(min(row, self.model.rowCount() - 1))
                if rowid is not None:
                    self.select_rowid(rowid)

        self._reload_list(select_next)
        self.refresh_sidebar()
        self._undo_uuid, self._undo_rowids = uuid, []
        self.statusBar().clearMessage()
        self.undo_label.setText(self.tr("“{title}” moved to the trash.").format(title=title))
        self.undo_bar.setVisible(True)
        self._undo_timer.start()
        self.table.setFocus()

    def _delete_several(self, rowids: list[int]) -> None:
        # The harmless button is the default: a stray Ctrl+A, Del must not empty the list.
        answer = QMessageBox.question(
            self, self.tr("Move to trash"),
            self.tr("Move %n selected entries to the trash? Undo brings them back.", "", len(rowids)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes or self.session is None:
            return
        self.editor.flush()
        row = self.table.currentIndex().row()
        entry_ops.move_several_to_trash(self, self.session, rowids) \
            .success(lambda moved: self._deleted_several(moved, row)).failure(self._write_failed).run()

    def _deleted_several(self, moved: list[int], row: int) -> None:
        self._deleted("", row)
        self._undo_uuid, self._undo_rowids = None, moved
        self.undo_label.setText(self.tr("%n entries moved to the trash.", "", len(moved)))

    def _undo_delete(self) -> None:
        uuid, self._undo_uuid = self._undo_uuid, None
        rowids, self._undo_rowids = self._undo_rowids, []
        self._hide_undo()
        if self.session is None:
            return
        if uuid:
            entry_ops.restore(self, self.session, uuid).success(self._restored).failure(self._write_failed).run()
        elif rowids:
            entry_ops.restore_several(self, self.session, rowids) \
                .success(self._restored_several).failure(self._write_failed).run()

    def _hide_undo(self) -> None:
        self.undo_bar.setVisible(False)
        self._undo_uuid = None
        self._undo_rowids = []

    def restore_current(self) -> None:
        """Ctrl+R in the trash: the entry shown, or every entry picked in the list."""
        uuid = self.editor.current_uuid
        if self.session is None or uuid is None or not self.entry_page_showing():
            return
        picked = selected_rowids(self.table)
        if len(picked) > 1 and self.sidebar.current_filter().trash:
            entry_ops.restore_several(self, self.session, picked) \
                .success(self._restored_several).failure(self._write_failed).run()
            return
        entry_ops.restore(self, self.session, uuid).success(self._restored).failure(self._write_failed).run()

    def _restored_several(self, rowids: list[int]) -> None:
        self._clear_editor()
        first = rowids[0] if rowids else None
        self._reload_list((lambda: self.select_rowid(first)) if first is not None and not
                          self.sidebar.current_filter().trash else None)
        self.refresh_sidebar()
        self.statusBar().showMessage(self.tr("%n entries restored.", "", len(rowids)), 4000)

    def _restored(self, rowid: int) -> None:
        self._clear_editor()
        self._reload_list(lambda: self.select_rowid(rowid))
        self.refresh_sidebar()
        self.statusBar().showMessage(self.tr("Entry restored."), 4000)

    def empty_trash(self) -> None:
        if self.session is None:
            return
        count = self.session.reader.queries.count(EntryFilter(trash=True))
        if count == 0:
            return
        answer = QMessageBox.warning(
            self, self.tr("Empty trash"),
            self.tr("Delete %n entries in the trash for good? Their history goes too. "
                    "This cannot be undone.", "", count),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._clear_editor()
        entry_ops.empty_trash(self, self.session).success(self._trash_emptied).failure(self._write_failed).run()

    def _trash_emptied(self, count: int) -> None:
        self._reload_list()
        self.refresh_sidebar()
        self.statusBar().showMessage(self.tr("%n entries deleted for good.", "", count), 5000)

    def show_history(self) -> None:
        uuid = self.editor.current_uuid
        if self.session is None or uuid is None or not self.entry_page_showing():
            return
        self.editor.flush()
        revisions = self.session.reader.entries.history(uuid)
        if self.history_dialog is not None:
            self.history_dialog.forget()
            self.history_dialog.close()
            self.history_dialog.deleteLater()
        entry = self.session.reader.entries.get(uuid)
        labels = dict(translated_categories(self.session.reader.entries.categories()))
        self.history_dialog = HistoryDialog(revisions, self, category_labels=labels,
                                            read_only=entry.deleted_at is not None)
        self.history_dialog.restore_requested.connect(lambda number: self._restore_version(uuid, number))
        self.history_dialog.open()

    def _restore_version(self, uuid: str, number: int) -> None:
        """Write version `number` back as a new revision (the chain stays intact), then show it."""
        if self.session is None or self.history_dialog is None:
            return
        content = self.history_dialog.content_of(number)
        self.editor.flush()
        entry_ops.update(self, self.session, uuid, content) \
            .success(lambda entry: self._version_restored(entry, number)).failure(self._write_failed).run()

    def _version_restored(self, entry, number: int) -> None:
        self.model.refresh_row(entry.id)
        if self.editor.current_uuid == entry.uuid:
            self.editor.load(entry)
        self.statusBar().showMessage(self.tr("Version {n} restored as version {m}.").format(
            n=number, m=entry.revision), 5000)
        self.show_history()

    def _entry_saved(self, entry) -> None:
        self.model.refresh_row(entry.id)
        if set(entry.tags) - self._known_tags:
            self.refresh_sidebar()

    def refresh_sidebar(self) -> None:
        """Re-read the categories and tags (with counts) off the GUI thread; the latest request wins."""
        if self.session is None or self._list_reader is None:
            return
        entries = self._list_reader.entries
        self._sidebar_reads.run(lambda: (entries.categories(), entries.tags()), self._sidebar_read,
                                lambda exc: self.statusBar().showMessage(user_message(exc), 5000))

    @property
    def sidebar_loading(self) -> bool:
        """True while the sidebar's categories and tags are being read (tests and the bench wait)."""
        return self._sidebar_reads.pending

    def _sidebar_read(self, result) -> None:
        if self.session is None:
            return
        stored, tags = result
        categories = translated_categories(stored)
        self._known_tags = {t for t, _ in tags}
        self.sidebar.populate(categories, tags)
        self._fit_sidebar()
        self.model.set_category_labels(dict(categories))
        self.editor.set_choices(categories, sorted(self._known_tags, key=str.casefold))

    def _write_failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Incident Journal"), user_message(exc))

    # --- window ------------------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        # Closing the window locks the journal (and quits the app).
        self.close_requested.emit()
        event.accept()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.search.hasFocus() and self.search.text():
            self.search.clear()
            return
        super().keyPressEvent(event)
