"""Issue 20: unlocking reads nothing slow on the GUI thread. The first list, the sidebar's tags and
the People and Contact log lists arrive from readers of their own (ui/common/ops.LatestRead); the
window shows a loading line (not "no entries") until the list is there, and the focus lands on it.
Real widgets and a real journal; reads are held back with events, never timed."""

from __future__ import annotations

import threading

import pytest

from conftest import PASSPHRASE
from gui_helpers import SAMPLE_ENTRIES, close_controller, create_entry, make_journal, new_controller, unlock, wait_loaded

from journal.records.contact_log import ContactLogStore
from journal.records.entries import EntryStore
from journal.records.people import PeopleStore
from journal.records.search import EntryFilter, EntryQueries

from ui.entries.model import UUID_ROLE

pytestmark = pytest.mark.gui

# The reads that cost at 100k entries/people/records and must never run on the GUI thread.
SLOW_READS = [(EntryQueries, "ids"), (EntryStore, "tags"), (PeopleStore, "list"), (ContactLogStore, "list"),
              (ContactLogStore, "due")]


@pytest.fixture
def controller(qtbot, data_dir, tmp_path):
    make_journal(data_dir, SAMPLE_ENTRIES)
    controller = new_controller(qtbot, data_dir, tmp_path)
    yield controller
    close_controller(controller)


class Reads:
    """Records which thread runs each slow read; `hold` makes the background list read wait."""

    def __init__(self, monkeypatch) -> None:
        self.calls: list[tuple[str, threading.Thread]] = []
        self.hold = threading.Event()
        self.hold.set()
        self.held = threading.Event()  # a held read has started
        for cls, name in SLOW_READS:
            self._wrap(monkeypatch, cls, name)

    def _wrap(self, monkeypatch, cls, name: str) -> None:
        real = getattr(cls, name)
        reads = self

        def recorded(store, *args, **kwargs):
            reads.calls.append((f"{cls.__name__}.{name}", threading.current_thread()))
            if name == "ids" and threading.current_thread() is not threading.main_thread():
                if not reads.hold.is_set():
                    reads.held.set()
                    reads.hold.wait(20)
            return real(store, *args, **kwargs)

        monkeypatch.setattr(cls, name, recorded)

    def on_gui_thread(self) -> list[str]:
        return [name for name, thread in self.calls if thread is threading.main_thread()]


def _unlock_without_waiting(qtbot, controller) -> None:
    """Unlock; unlike gui_helpers.unlock, not waiting for the background reads."""
    window = controller.unlock_window
    window.field.setText(PASSPHRASE)
    with qtbot.waitSignal(controller.unlocked, timeout=20_000):
        window.unlock_button.click()


def test_unlock_reads_the_lists_off_the_gui_thread(qtbot, controller, monkeypatch):
    reads = Reads(monkeypatch)
    _unlock_without_waiting(qtbot, controller)
    window = controller.main_window
    wait_loaded(qtbot, window)
    assert window.model.rowCount() == len(SAMPLE_ENTRIES)
    called = {name for name, _thread in reads.calls}
    assert {"EntryQueries.ids", "EntryStore.tags", "PeopleStore.list"} <= called
    assert reads.on_gui_thread() == []
    # The sidebar got its tags and categories, the editor its choices.
    labels = {window.sidebar.topLevelItem(i).child(j).text(0) for i in range(window.sidebar.topLevelItemCount())
              for j in range(window.sidebar.topLevelItem(i).childCount())}
    assert "protest (2)" in labels and "Detention" in labels
    assert window.editor.category.findData("detention") >= 0

    # Opening the People and Contact log pages reads their lists off the GUI thread too.
    from ui.people.feature import CONTACT_LOG_SECTION, PEOPLE_SECTION

    feature = window.people_feature
    assert feature.show_section(PEOPLE_SECTION)
    feature.people_page.search.setText("Анна")
    qtbot.waitUntil(lambda: not feature.people_page._search_timer.isActive() and not feature.people_page.loading,
                    timeout=20_000)
    assert feature.show_section(CONTACT_LOG_SECTION)
    qtbot.waitUntil(lambda: not feature.log_page.loading, timeout=20_000)
    assert "No contacts logged yet" in feature.log_page.empty.text()
    assert reads.on_gui_thread() == []


def test_first_list_arrives_later_with_a_loading_line_and_the_focus_lands_on_it(qtbot, controller, monkeypatch):
    reads = Reads(monkeypatch)
    reads.hold.clear()
    _unlock_without_waiting(qtbot, controller)
    window = controller.main_window
    qtbot.waitUntil(reads.held.is_set, timeout=20_000)
    # While the list is read: a calm loading line that holds the focus, no "no entries", no count.
    assert window.model.loading and window.model.rowCount() == 0
    assert window.list_stack.currentWidget() is window.list_loading
    assert window.list_loading.text() and "No entries" not in window.list_loading.text()
    assert window.list_empty.text() == "" and window.count_label.text() == ""
    assert window.focusWidget() is window.list_loading

    reads.hold.set()
    qtbot.waitUntil(lambda: window.list_stack.currentWidget() is window.table, timeout=20_000)
    assert window.model.rowCount() == len(SAMPLE_ENTRIES)
    assert window.focusWidget() is window.table
    assert window.count_label.text() == f"{len(SAMPLE_ENTRIES)} entries"
    assert reads.on_gui_thread() == []


def test_the_latest_request_wins_over_the_first_list(qtbot, controller, monkeypatch):
    reads = Reads(monkeypatch)
    reads.hold.clear()
    _unlock_without_waiting(qtbot, controller)
    window = controller.main_window
    qtbot.waitUntil(reads.held.is_set, timeout=20_000)
    wait_for_sidebar = lambda: not window.sidebar_loading  # noqa: E731
    qtbot.waitUntil(wait_for_sidebar, timeout=20_000)
    reads.hold.set()  # later reads go through; the first one is still held until it wakes
    window.sidebar.select_trash()  # asked after the first list: this answer is the one shown
    qtbot.waitUntil(lambda: not window.model.loading, timeout=20_000)
    qtbot.wait(100)  # the first list's answer, if late, is dropped
    assert window.model.entry_filter == EntryFilter(trash=True)
    assert window.model.rowCount() == 0 and "trash is empty" in window.list_empty.text()


def test_people_search_latest_request_wins(qtbot, controller, monkeypatch):
    _unlock_without_waiting(qtbot, controller)
    window = controller.main_window
    wait_loaded(qtbot, window)
    controller.session.write_and_wait(lambda j: [j.people.add(display_name=name)
                                                 for name in ("Анна Петрова", "Олена Коваль", "John Smith")])
    page = window.people_feature.people_page
    page.reload()
    qtbot.waitUntil(lambda: not page.loading and page.model.rowCount() == 3, timeout=20_000)
    release = threading.Event()
    real = PeopleStore.list

    def slow_list(store, *args, search=None, **kwargs):
        if search == "Анна":
            release.wait(20)  # the first search is still running when the second is asked
        return real(store, *args, search=search, **kwargs)

    monkeypatch.setattr(PeopleStore, "list", slow_list)
    page.model.set_query(None, "Анна")
    page.model.set_query(None, "John")
    qtbot.waitUntil(lambda: not page.loading, timeout=20_000)
    release.set()
    qtbot.wait(200)
    assert [page.model.person_at(r).display_name for r in range(page.model.rowCount())] == ["John Smith"]


def test_lock_while_the_first_list_is_read_is_safe(qtbot, controller, monkeypatch):
    reads = Reads(monkeypatch)
    reads.hold.clear()
    _unlock_without_waiting(qtbot, controller)
    window = controller.main_window
    qtbot.waitUntil(reads.held.is_set, timeout=20_000)
    with qtbot.waitSignal(controller.locked, timeout=20_000):
        controller.lock()
    reads.hold.set()  # the held read wakes on a closed reader: its answer or error is dropped
    qtbot.wait(300)
    assert window.session is None and window.model.rowCount() == 0 and not window.model.loading
    assert window.sidebar.topLevelItemCount() == 0 and window.count_label.text() == ""
    assert window.list_empty.text() == ""

    reads.held.clear()
    unlock(qtbot, controller)
    assert window.model.rowCount() == len(SAMPLE_ENTRIES)
    assert reads.on_gui_thread() == []


def test_entry_count_shows_only_on_the_entry_list(qtbot, controller):
    _unlock_without_waiting(qtbot, controller)
    window = controller.main_window
    wait_loaded(qtbot, window)
    window.show()
    assert window.count_label.isVisibleTo(window) and window.count_label.text() == "3 entries"
    from ui.people.feature import CONTACT_LOG_SECTION, PEOPLE_SECTION

    for section in (PEOPLE_SECTION, CONTACT_LOG_SECTION):
        assert window.show_section(section)
        assert not window.count_label.isVisibleTo(window)
    window.sidebar.select_all_entries()
    assert window.count_label.isVisibleTo(window)


def test_new_entry_and_trash_reread_the_list_off_the_gui_thread(qtbot, controller, monkeypatch):
    _unlock_without_waiting(qtbot, controller)
    window = controller.main_window
    wait_loaded(qtbot, window)
    reads = Reads(monkeypatch)
    with qtbot.waitSignal(window.model.modelReset, timeout=20_000):
        window.new_action.trigger()
    qtbot.waitUntil(lambda: window.editor.current_uuid is not None, timeout=20_000)
    uuid = window.editor.current_uuid
    assert window.model.rowCount() == len(SAMPLE_ENTRIES) + 1
    assert window.model.row_of(window.model.rowid_at(window.table.currentIndex().row())) >= 0
    with qtbot.waitSignal(window.model.modelReset, timeout=20_000):
        window.delete_action.trigger()
    qtbot.waitUntil(lambda: window.model.rowCount() == len(SAMPLE_ENTRIES), timeout=20_000)
    assert window.editor.current_uuid != uuid  # the next entry is shown, the trashed one is not
    assert "EntryQueries.ids" in {name for name, _thread in reads.calls}
    assert reads.on_gui_thread() == []


def test_unlock_leaves_the_pickers_labels_and_the_writer_thread_to_workers(qtbot, controller, monkeypatch):
    """The pickers' labels of every person and the start of the session's writer thread (Thread.start()
    waits for the thread to run) happen off the GUI thread; the first write finds the writer running."""
    import ui.people.picker as picker

    labelled, started = [], []
    real_rows, real_start = picker.choice_rows, threading.Thread.start

    def rows(people):
        labelled.append(threading.current_thread())
        return real_rows(people)

    def start(thread):
        started.append((thread.name, threading.current_thread()))
        return real_start(thread)

    monkeypatch.setattr(picker, "choice_rows", rows)
    monkeypatch.setattr(threading.Thread, "start", start)
    controller.session = None
    make_people = lambda j: [j.people.add(display_name=f"Person {i}") for i in range(3)]  # noqa: E731
    _unlock_without_waiting(qtbot, controller)
    window = controller.main_window
    wait_loaded(qtbot, window)
    controller.session.write_and_wait(make_people)
    window.people_feature.refresh_people()
    qtbot.waitUntil(lambda: not window.people_feature.people_loading, timeout=20_000)
    assert window.people_feature.panel.picker.count() == 3
    assert labelled and threading.main_thread() not in labelled
    create_entry(qtbot, window)  # a write from the GUI thread
    writers = [caller for name, caller in started if name.startswith("journal-writer")]
    assert writers and threading.main_thread() not in writers


def test_the_first_entry_loads_into_the_editor_after_the_list_is_shown(qtbot, controller, monkeypatch):
    """The first list takes the loading line's place in one event, and its first entry fills the
    editor in the next (not both in one freeze)."""
    _unlock_without_waiting(qtbot, controller)
    window = controller.main_window
    real, editor_then = window._land_on_list, []

    def land() -> None:
        real()
        editor_then.append((window.list_stack.currentWidget() is window.table, window.editor.current_uuid))

    monkeypatch.setattr(window, "_land_on_list", land)
    wait_loaded(qtbot, window)
    qtbot.waitUntil(lambda: window.editor.current_uuid is not None, timeout=20_000)
    assert (True, None) in editor_then  # the list was shown with the editor still empty
    assert window.focusWidget() is window.table
    assert window.editor.current_uuid == window.model.data(window.table.currentIndex(), UUID_ROLE)


def test_lock_gives_the_held_objects_back_to_the_collector(qtbot, controller):
    """Unlock keeps what lives as long as the session out of garbage collections (gc.freeze, short
    pauses); lock gives it back, so nothing of the session stays in memory for good."""
    import gc

    _unlock_without_waiting(qtbot, controller)
    window = controller.main_window
    wait_loaded(qtbot, window)
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=20_000)
    with qtbot.waitSignal(controller.locked, timeout=20_000):
        controller.lock()
    assert gc.get_freeze_count() == 0


def test_statistics_choices_are_read_when_the_page_is_shown_not_at_unlock(qtbot, controller, monkeypatch):
    import ui.forms.stats_page as stats_page
    from ui.forms.feature import STATISTICS_SECTION

    read = []
    real = stats_page.dimensions
    monkeypatch.setattr(stats_page, "dimensions", lambda db: read.append(db) or real(db))
    _unlock_without_waiting(qtbot, controller)
    window = controller.main_window
    wait_loaded(qtbot, window)
    assert read == []  # the GUI thread reads the forms' fields only for the page on screen
    assert window.sidebar.select_section(STATISTICS_SECTION)
    page = window.forms_feature.stats_page
    assert len(read) == 1 and page.category_combo.findData("detention") >= 0
    qtbot.waitUntil(lambda: page.table_data is not None and not page.counting, timeout=20_000)
