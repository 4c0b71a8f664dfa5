"""What a feature may ask of the shell: the `FeatureHost` interface.

The shell (ui/main_window.py and friends) builds the window: sidebar, entry list,
entry editor, menus, status bar. A feature package (ui/people, ui/forms, ui/exchange,
ui/attachments, ...) gets a `FeatureHost` in its constructor and uses only that to put
its pages, panels and actions into the window and to move around in it. It never holds
the main window itself, never reads its widgets (`window.sidebar`, `window.editor`) and
never calls its private methods; tests/test_architecture.py checks that.

Features that need to tell each other something go through the host too: one says
`host.announce(IMPORTED)`, the others listen to `host.changed`. No feature imports another.

The shell's implementation is `ui.window_host.MainWindowHost`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:  # typing only: importing the host costs no Qt widgets
    from PySide6.QtCore import QPoint, SignalInstance
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDialog, QMenu, QWidget

    from journal.records.search import EntryFilter
    from ui.common.session import JournalSession

# `announce()` topics (what changed), heard through `FeatureHost.changed`.
IMPORTED = "imported"  # bundles were imported (from files, a drop or a fetch): new entries, senders
OUTBOX = "outbox"  # something was queued, sent or failed in the outbox

# `offer_record_form()` kinds: the form's `values()` go to PeopleStore.add() / ContactLogStore.add().
PERSON_FORM = "person"
CONTACT_FORM = "contact"  # context: people=[(uuid, name), ...] to choose from

# `drop_targets()` areas.
EDITOR = "editor"  # the entry editor and its fields that take drops
ENTRY_LIST = "entry_list"  # the entry list (drops on a row go to that entry)
WINDOW = "window"  # everywhere on the window: itself, the entry list, the sidebar, the editor
EDITOR_TEXT = "editor_text"  # the entry's text field itself (for paste handling)


@runtime_checkable
class FeatureHost(Protocol):
    """The shell as a feature sees it. Signals are Qt signals of the shell."""

    # (entry or None): the editor shows another entry, or none.
    entry_changed: SignalInstance
    # (section key, EntryFilter or None): the sidebar selection changed.
    section_changed: SignalInstance
    # (topic): a feature announced a change, see `announce()`.
    changed: SignalInstance

    # --- the session ---------------------------------------------------------------------
    @property
    def session(self) -> JournalSession | None:
        """The unlocked journal, or None while locked."""

    @property
    def default_tz(self) -> str:
        """The time zone new entries get."""

    def parent_widget(self) -> QWidget:
        """The parent for a feature's dialogs, message boxes and actions."""

    # --- putting a feature into the window -----------------------------------------------
    def add_page(self, section: str, page: QWidget, label: str | None = None) -> None:
        """A central page for `section`; with a label, also a sidebar item that shows it."""

    def add_filter_group(self, provider: Callable[[], tuple[str, list]]) -> None:
        """A sidebar group of entry filters, refilled on every `refresh_sidebar()`."""

    def add_entry_panel(self, panel: QWidget) -> None:
        """A panel under the entry editor's fields (people, forms, attachments, ...)."""

    def add_entry_part(self, read: Callable, show: Callable) -> None:
        """What a panel shows of each entry: `read(reader, entry)` runs on the worker thread that
        reads the entry for the editor (a JournalReader of its own; plain data back, no widgets),
        `show(entry, data)` on the GUI thread when the editor shows it, `show(None, None)` when
        it shows none. Instead of reading on `entry_changed`, which would freeze the GUI thread."""

    def add_side_widget(self, widget: QWidget) -> None:
        """A widget at the top of the side column, above the sidebar."""

    def add_under_entry_list(self, widget: QWidget) -> None:
        """A widget under the entry list, sharing its column."""

    def add_actions(self, actions: Iterable[QAction]) -> None:
        """Actions whose shortcuts work anywhere in the window (menus place them; see ui/menus.py)."""

    def add_menu(self, menu: QMenu) -> None:
        """A menu of the feature's own in the menu bar."""

    def add_status_widget(self, widget: QWidget) -> None:
        """A permanent widget in the status bar."""

    def offer_record_form(self, kind: str, factory: Callable[..., QDialog]) -> None:
        """A feature offers the dialog that collects one new record of `kind` (PERSON_FORM,
        CONTACT_FORM), for another feature to reuse: `factory(parent, **context)` returns a
        dialog whose `values()` are the keyword arguments of that record store's `add()`."""

    def record_form(self, kind: str, parent: QWidget, **context) -> QDialog | None:
        """A new dialog of the form offered for `kind`, or None if no feature offers one."""

    def drop_targets(self, area: str) -> list[QWidget]:
        """Widgets to install a drop or paste event filter on: EDITOR, ENTRY_LIST, WINDOW, EDITOR_TEXT."""

    def entry_uuid_at(self, pos: QPoint) -> str | None:
        """The entry under a point of the entry list's viewport (a drop), or None."""

    # --- where the person is -----------------------------------------------------------------
    def current_entry_uuid(self) -> str | None:
        """The entry in the editor, or None."""

    def selected_entry_ids(self) -> list[int]:
        """The entries picked in the entry list (row ids, in list order); [] when none."""

    def search_text(self) -> str:
        """The search the entry list shows the results of ("" when it shows current_filter()'s list)."""

    def current_section(self) -> str | None:
        """The section key of the sidebar item chosen, or None."""

    def current_filter(self) -> EntryFilter:
        """The entry filter of the sidebar item chosen (all entries for a page)."""

    def show_section(self, section: str) -> bool:
        """Show the page of `section` (choosing its sidebar item if it has one); False if none."""

    def show_entry(self, rowid: int, *, edit_title: bool = False) -> bool:
        """Show an entry in the list of all entries (the search is cleared) and in the editor."""

    def clear_search(self) -> bool:
        """Empty the main search field without searching again; True if it held text."""

    # --- keeping the window current ---------------------------------------------------------
    def flush(self) -> bool:
        """Save what the editor and the feature panels hold; False if something could not be saved."""

    def refresh_sidebar(self) -> None:
        """Re-read categories, tags and the feature filter groups into the sidebar."""

    def reload_entries(self) -> None:
        """Re-read the entry list (entries were added, imported or removed)."""

    def refresh_entry_row(self, rowid: int) -> None:
        """Re-read one row of the entry list (its attachment count changed)."""

    def show_updated_entry(self, entry) -> None:
        """A feature changed an entry: its list row is re-read, and the editor shows the new
        version unless the person is typing in it."""

    def set_entry_read_only(self, read_only: bool) -> None:
        """Lock the editor's own fields for the entry shown (a received entry)."""

    def show_status(self, text: str, timeout_ms: int = 5000) -> None:
        """A short message in the status bar."""

    def announce(self, topic: str) -> None:
        """Tell every feature (and the shell) that `topic` changed; they hear it on `changed`."""



@runtime_checkable
class AppHost(Protocol):
    """The app as the safety feature sees it (ui/app.py's AppController): the whole app locks,
    quits and erases, not one window. Windows are used only as parents of dialogs; the main
    window's own interface is its FeatureHost, given to `FieldSafety.attach_main()`."""

    unlocked: SignalInstance
    locked: SignalInstance
    # data_dir, config_dir, settings (ui/app.py AppContext); restore changes data_dir.
    context: object
    unlock_window: QWidget | None

    @property
    def session(self) -> JournalSession | None: ...

    @property
    def main_window(self) -> QWidget:
        """The main window, built if it was not yet."""

    @property
    def built_main_window(self) -> QWidget | None:
        """The main window if it was built, else None."""

    def lock(self, show_unlock: bool = True) -> None: ...

    def quit(self) -> None: ...

    def show_unlock(self) -> None: ...

    def apply_settings(self, settings) -> None: ...
