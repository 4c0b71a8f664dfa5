"""The main window as its features see it: the shell's `FeatureHost` (ui/common/host.py).

A small adapter object rather than the window itself, so a feature holds exactly this
interface and cannot wander into the window's widgets. Only the shell creates it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from journal.records.search import EntryFilter

from ui.common.host import EDITOR, EDITOR_TEXT, ENTRY_LIST, WINDOW
from ui.entries.model import UUID_ROLE
from ui.entries.selection import selected_rowids


class MainWindowHost(QObject):
    """Implements `FeatureHost` for `MainWindow`; see there for what each member does."""

    changed = Signal(str)

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self.entry_changed = window.editor.entry_changed
        self.entry_saved = window.editor.saved
        self.section_changed = window.sidebar.selection_changed
        self._record_forms: dict[str, Callable[..., QDialog]] = {}  # offer_record_form()

    # --- the session ---------------------------------------------------------------------
    @property
    def session(self):
        return self._window.session

    @property
    def default_tz(self) -> str:
        return self._window.default_tz

    def parent_widget(self) -> QWidget:
        return self._window

    # --- putting a feature into the window -----------------------------------------------
    def add_page(self, section: str, page: QWidget, label: str | None = None) -> None:
        self._window.add_page(section, page)
        if label is not None:
            self._window.sidebar.add_section(section, label)

    def add_filter_group(self, provider: Callable[[], tuple[str, list]]) -> None:
        self._window.sidebar.add_filter_group(provider)

    def add_entry_panel(self, panel: QWidget) -> None:
        self._window.editor.add_panel(panel)

    def add_entry_part(self, read: Callable, show: Callable) -> None:
        self._window.editor.add_part(read, show)

    def add_side_widget(self, widget: QWidget) -> None:
        sidebar = self._window.sidebar
        layout = sidebar.parentWidget().layout()
        layout.insertWidget(layout.indexOf(sidebar), widget)

    def add_under_entry_list(self, widget: QWidget) -> None:
        self._window.add_under_entry_list(widget)

    def add_actions(self, actions: Iterable[QAction]) -> None:
        for action in actions:
            self._window.addAction(action)

    def add_menu(self, menu: QMenu) -> None:
        window = self._window
        window.menuBar().insertMenu(window.help_menu.menuAction(), menu)

    def add_status_widget(self, widget: QWidget) -> None:
        self._window.statusBar().addPermanentWidget(widget)

    def offer_record_form(self, kind: str, factory: Callable[..., QDialog]) -> None:
        self._record_forms[kind] = factory

    def record_form(self, kind: str, parent: QWidget, **context) -> QDialog | None:
        factory = self._record_forms.get(kind)
        return factory(parent, **context) if factory is not None else None

    def drop_targets(self, area: str) -> list[QWidget]:
        window = self._window
        editor = window.editor
        if area == EDITOR:
            editor.setAcceptDrops(True)
            targets = [editor, *(w for w in editor.findChildren(QWidget) if w.acceptDrops()),
                       editor.body.viewport()]
        elif area == ENTRY_LIST:
            window.table.setAcceptDrops(True)
            window.table.viewport().setAcceptDrops(True)
            targets = [window.table.viewport()]
        elif area == WINDOW:
            window.setAcceptDrops(True)
            targets = [window, window.table.viewport(), window.sidebar.viewport(), editor, editor.body.viewport(),
                       *(w for w in editor.findChildren(QWidget) if w.acceptDrops())]
        elif area == EDITOR_TEXT:
            targets = [editor.body]
        else:
            raise ValueError(area)
        return list(dict.fromkeys(targets))

    def entry_uuid_at(self, pos: QPoint) -> str | None:
        index = self._window.table.indexAt(pos)
        if not index.isValid():
            return None
        return self._window.model.data(index, UUID_ROLE)

    # --- where the person is -----------------------------------------------------------------
    def current_entry_uuid(self) -> str | None:
        return self._window.current_uuid()

    def selected_entry_ids(self) -> list[int]:
        if not self._window.entry_page_showing():
            return []
        return selected_rowids(self._window.table)

    def search_text(self) -> str:
        return self._window.search.text() if self._window.model.searching else ""

    def current_section(self) -> str | None:
        choice = self._window.sidebar.current_choice()
        return choice[0] if choice is not None else None

    def current_filter(self) -> EntryFilter:
        return self._window.sidebar.current_filter()

    def show_section(self, section: str) -> bool:
        return self._window.show_section(section)

    def show_entry(self, rowid: int, *, edit_title: bool = False) -> bool:
        return self._window.show_entry(rowid, edit_title=edit_title)

    def clear_search(self) -> bool:
        return self._window.clear_search()

    # --- keeping the window current ---------------------------------------------------------
    def flush(self) -> bool:
        return self._window.flush()

    def refresh_sidebar(self) -> None:
        self._window.refresh_sidebar()

    def reload_entries(self) -> None:
        self._window.model.reload()

    def refresh_entry_row(self, rowid: int) -> None:
        self._window.model.refresh_row(rowid)

    def show_updated_entry(self, entry) -> None:
        editor = self._window.editor
        if editor.current_uuid == entry.uuid and not editor.dirty:
            editor.load(entry)
        self._window.model.refresh_row(entry.id)

    def set_entry_read_only(self, read_only: bool) -> None:
        self._window.editor.set_read_only(read_only)

    def show_status(self, text: str, timeout_ms: int = 5000) -> None:
        self._window.statusBar().showMessage(text, timeout_ms)

    def announce(self, topic: str) -> None:
        self.changed.emit(topic)
