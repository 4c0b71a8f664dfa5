"""Issue 20: the entry for the editor (with its panels' parts) and a search's later pages are read
off the GUI thread; the latest selection wins, the editor takes no typing while it waits, a lock
while a read is in flight leaves nothing shown, and later pages complete the hits."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from gui_helpers import close_controller, make_journal, new_controller, unlock, unlocked, wait_entry  # noqa: F401

from journal.records.attachments import AttachmentStore
from journal.records.entries import EntryStore
from journal.records.forms import FormStore
from journal.records.people import PeopleStore
from journal.records.search import EntryQueries


class EntryReads:
    """Records the thread of every read the editor and its panels make of an entry; off the GUI
    thread, the read of an entry whose title is in `hold` waits for `release`."""

    def __init__(self, monkeypatch, hold: set[str] | None = None) -> None:
        self.threads: list[tuple[str, threading.Thread]] = []
        self.release, self.held = threading.Event(), threading.Event()
        self.hold = hold or set()
        real_get = EntryStore.get_by_rowid

        self.titles: list[str] = []  # of the entries read

        def get_by_rowid(store, rowid):
            entry = real_get(store, rowid)
            self.threads.append(("entry", threading.current_thread()))
            self.titles.append(entry.title)
            if entry.title in self.hold and threading.current_thread() is not threading.main_thread():
                self.held.set()
                self.release.wait(10)
            return entry

        monkeypatch.setattr(EntryStore, "get_by_rowid", get_by_rowid)
        for cls, name in ((PeopleStore, "people_for_entry"), (AttachmentStore, "list_for_entry"),
                          (FormStore, "values_for_entry")):
            monkeypatch.setattr(cls, name, self._spy(name, getattr(cls, name)))

    def _spy(self, name, real):
        def spy(store, *args, **kwargs):
            self.threads.append((name, threading.current_thread()))
            return real(store, *args, **kwargs)
        return spy

    def on_gui_thread(self) -> list[str]:
        return [name for name, thread in self.threads if thread is threading.main_thread()]


def _row_titled(window, title: str) -> int:
    model = window.model
    return next(r for r in range(model.rowCount()) if model.index(r, 0).data() == title)


def test_unlock_and_selection_read_the_entry_and_its_panels_off_the_gui_thread(qtbot, data_dir, tmp_path,
                                                                                monkeypatch):
    from gui_helpers import SAMPLE_ENTRIES

    make_journal(data_dir, SAMPLE_ENTRIES)
    reads = EntryReads(monkeypatch)
    controller = new_controller(qtbot, data_dir, tmp_path)
    try:
        unlock(qtbot, controller)  # waits for the first entry in the editor
        window = controller.main_window
        assert window.editor.current_uuid is not None
        kinds = {name for name, _ in reads.threads}
        assert {"entry", "people_for_entry", "list_for_entry", "values_for_entry"} <= kinds
        row = _row_titled(window, "Detentions at the station square")
        window.table.setFocus()
        window.select_rowid(window.model.rowid_at(row))
        wait_entry(qtbot, window)
        assert window.editor.title.text() == "Detentions at the station square"
        assert reads.on_gui_thread() == []
    finally:
        close_controller(controller)


def test_fast_selection_changes_read_and_show_only_the_latest_entry(qtbot, unlocked, monkeypatch):
    window = unlocked.main_window
    qtbot.addWidget(window)
    reads = EntryReads(monkeypatch, hold={"Повестка отцу пятерых детей"})
    loaded = []
    real_load = window.editor.load
    monkeypatch.setattr(window.editor, "load", lambda entry, *a, **k: (loaded.append(entry.title),
                                                                      real_load(entry, *a, **k)))
    window.table.setFocus()
    window.select_rowid(window.model.rowid_at(_row_titled(window, "Повестка отцу пятерых детей")))
    qtbot.waitUntil(reads.held.is_set, timeout=10_000)  # its read is running, held back
    window.select_rowid(window.model.rowid_at(_row_titled(window, "Court hearing postponed")))
    window.select_rowid(window.model.rowid_at(_row_titled(window, "Detentions at the station square")))
    assert window.editor_pending
    reads.release.set()  # the first read answers: the last row chosen is read next, not the one passed
    wait_entry(qtbot, window)
    qtbot.wait(200)
    assert window.editor.title.text() == "Detentions at the station square"
    assert loaded == ["Detentions at the station square"]
    assert reads.titles == ["Повестка отцу пятерых детей", "Detentions at the station square"]
    assert reads.on_gui_thread() == []


def test_no_edit_lands_in_an_entry_still_being_read(qtbot, unlocked, monkeypatch):
    window = unlocked.main_window
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    reads = EntryReads(monkeypatch, hold={"Повестка отцу пятерых детей"})
    editor = window.editor
    window.table.setFocus()
    window.select_rowid(window.model.rowid_at(_row_titled(window, "Повестка отцу пятерых детей")))
    qtbot.waitUntil(reads.held.is_set, timeout=10_000)
    assert window.editor_pending and editor.pending
    assert editor.current_uuid is None  # no action acts on the entry shown before
    assert not window.delete_action.isEnabled() and not window.history_action.isEnabled()
    previous = editor.title.text()
    qtbot.keyClicks(editor.title, "typed too early")
    qtbot.keyClicks(editor.body, "typed too early")
    assert editor.title.text() == previous and "typed too early" not in editor.body.toPlainText()
    assert not editor.dirty
    reads.release.set()
    wait_entry(qtbot, window)
    assert editor.title.text() == "Повестка отцу пятерых детей" and not editor.dirty
    assert editor.title.isEnabled() and not editor.title.isReadOnly()
    assert not editor.undo_available()
    assert window.delete_action.isEnabled()

    # With the focus in the editor (a new selection made from there), the fields only turn read-only:
    # the focus stays where it was instead of being thrown out of a disabled editor.
    reads.held.clear()
    reads.release.clear()
    editor.body.setFocus()
    qtbot.waitUntil(lambda: window.focusWidget() is editor.body, timeout=5_000)
    window.select_rowid(window.model.rowid_at(_row_titled(window, "Detentions at the station square")))
    window.select_rowid(window.model.rowid_at(_row_titled(window, "Повестка отцу пятерых детей")))
    qtbot.waitUntil(reads.held.is_set, timeout=10_000)
    assert editor.pending and editor.body.isReadOnly() and window.focusWidget() is editor.body
    qtbot.keyClicks(editor.body, "typed too early")
    assert "typed too early" not in editor.body.toPlainText() and not editor.dirty
    reads.release.set()
    wait_entry(qtbot, window)
    assert editor.title.text() == "Повестка отцу пятерых детей" and not editor.body.isReadOnly()
    assert window.focusWidget() is editor.body


def test_lock_while_an_entry_is_read_leaves_nothing_shown(qtbot, data_dir, tmp_path, monkeypatch):
    from gui_helpers import SAMPLE_ENTRIES

    make_journal(data_dir, SAMPLE_ENTRIES)
    controller = new_controller(qtbot, data_dir, tmp_path)
    try:
        unlock(qtbot, controller)
        window = controller.main_window
        reads = EntryReads(monkeypatch, hold={"Повестка отцу пятерых детей"})
        window.table.setFocus()
        window.select_rowid(window.model.rowid_at(_row_titled(window, "Повестка отцу пятерых детей")))
        qtbot.waitUntil(reads.held.is_set, timeout=10_000)
        assert window.editor_pending
        controller.lock()
        reads.release.set()  # the read answers after the lock and is dropped
        qtbot.wait(300)
        editor = window.editor
        assert not window.editor_pending and editor.current_uuid is None
        assert editor.title.text() == "" and editor.body.toPlainText() == ""
        assert window.attachments.current_entry_uuid is None
        assert window.people_feature.panel.entry_uuid is None and window.forms_feature.panel.entry is None
        assert window.model.rowCount() == 0
    finally:
        close_controller(controller)


MANY = [dict(title=f"Night raid {i}", body=f"Officers searched flat {i}.", occurred_at=f"2024-01-01T{i % 24:02d}:00",
             occurred_tz="UTC") for i in range(230)]


@pytest.fixture
def many_hits(qtbot, data_dir, tmp_path):
    """The main window, shown, on a journal whose search "officers" has more than one page of hits."""
    make_journal(data_dir, MANY)
    controller = new_controller(qtbot, data_dir, tmp_path)
    try:
        unlock(qtbot, controller)
        window = controller.main_window
        window.show()
        qtbot.waitExposed(window)
        yield window
    finally:
        close_controller(controller)


class SearchPages:
    """Records the thread and offset of every entry search; off the GUI thread, a search with an
    offset waits for `release` when `hold` is set."""

    def __init__(self, monkeypatch, hold: bool = False) -> None:
        self.calls: list[tuple[str, int, threading.Thread]] = []
        self.release, self.held = threading.Event(), threading.Event()
        real = EntryQueries.search

        def search(queries, text, *args, offset=0, **kwargs):
            self.calls.append((text, offset, threading.current_thread()))
            if hold and offset and threading.current_thread() is not threading.main_thread():
                self.held.set()
                self.release.wait(10)
            return real(queries, text, *args, offset=offset, **kwargs)

        monkeypatch.setattr(EntryQueries, "search", search)


def test_later_search_pages_arrive_off_the_gui_thread_and_complete_the_hits(qtbot, many_hits, monkeypatch):
    window = many_hits
    pages = SearchPages(monkeypatch)
    window.search.setText("officers")
    qtbot.waitUntil(lambda: window.model.searching and not window.model.loading, timeout=20_000)
    model = window.model
    assert model.rowCount() == 200 and window.count_label.text() == "200 found+"
    window.select_rowid(model.rowid_at(3))
    wait_entry(qtbot, window)
    selected = window.editor.current_uuid
    window.table.scrollToBottom()  # the view asks for the next page
    qtbot.waitUntil(lambda: model.rowCount() == 230 and not getattr(model, "fetching", False), timeout=20_000)
    assert all(thread is not threading.main_thread() for _t, offset, thread in pages.calls if offset)
    assert any(offset == 200 for _t, offset, _thread in pages.calls)
    ids = [model.rowid_at(r) for r in range(model.rowCount())]
    assert len(set(ids)) == 230  # none twice, none missing
    assert window.count_label.text() == "230 found"
    assert window.editor.current_uuid == selected and window.table.currentIndex().row() == 3


def test_a_new_search_drops_a_later_page_still_being_read(qtbot, many_hits, monkeypatch):
    window = many_hits
    pages = SearchPages(monkeypatch, hold=True)
    window.search.setText("officers")
    model = window.model
    qtbot.waitUntil(lambda: model.searching and not model.loading, timeout=20_000)
    model.fetchMore()
    qtbot.waitUntil(pages.held.is_set, timeout=10_000)
    assert model.fetching and not model.canFetchMore()  # one page at a time
    window.search.setText("flat 7.")
    qtbot.waitUntil(lambda: model.search_text == "flat 7." and not model.loading, timeout=20_000)
    shown = model.rowCount()
    pages.release.set()  # the old search's page answers now and is dropped
    qtbot.wait(300)
    assert model.rowCount() == shown and model.search_text == "flat 7."
    assert all(model.index(r, 0).data().startswith("Night raid 7") for r in range(shown))


def test_a_later_page_that_cannot_be_read_is_reported_and_the_hits_stay(qtbot, many_hits, monkeypatch):
    from journal.errors import InvalidInput

    window = many_hits
    real = EntryQueries.search

    def search(queries, text, *args, offset=0, **kwargs):
        if offset:
            raise InvalidInput("The search index is being rebuilt.")
        return real(queries, text, *args, offset=offset, **kwargs)

    monkeypatch.setattr(EntryQueries, "search", search)
    window.search.setText("officers")
    model = window.model
    qtbot.waitUntil(lambda: model.searching and not model.loading, timeout=20_000)
    assert model.rowCount() == 200
    with qtbot.waitSignal(model.later_page_failed, timeout=20_000):
        model.fetchMore()
    qtbot.waitUntil(lambda: not model.fetching, timeout=10_000)
    message = window.statusBar().currentMessage()
    assert "More results could not be read" in message and "being rebuilt" in message
    assert model.rowCount() == 200 and not model.canFetchMore()  # the hits stay; no retry loop


def test_a_panel_button_reached_by_keyboard_does_nothing_while_the_next_entry_is_read(qtbot, unlocked, monkeypatch):
    """Tab into the people panel and Enter on "Link" while the next entry is read: the entry still
    shown must not get the link (it is not the one the person chose); after the read, Enter links."""
    window = unlocked.main_window
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    first = "Detentions at the station square"
    window.select_rowid(window.model.rowid_at(_row_titled(window, first)))
    wait_entry(qtbot, window)
    shown_uuid = window.editor.current_uuid
    reads = EntryReads(monkeypatch, hold={"Повестка отцу пятерых детей"})
    panel = window.people_feature.panel
    window.select_rowid(window.model.rowid_at(_row_titled(window, "Повестка отцу пятерых детей")))
    qtbot.waitUntil(reads.held.is_set, timeout=10_000)
    assert window.editor.pending
    panel.picker.setEditText("Anna Petrova")
    panel.link_button.setFocus()
    qtbot.keyClick(panel.link_button, Qt.Key.Key_Return)
    qtbot.keyClick(panel.link_button, Qt.Key.Key_Space)
    qtbot.wait(300)
    reader = unlocked.session.reader
    assert reader.people.people_for_entry(shown_uuid) == []
    reads.release.set()
    wait_entry(qtbot, window)
    chosen_uuid = window.editor.current_uuid
    panel.picker.setEditText("Anna Petrova")
    with qtbot.waitSignal(panel.people_changed, timeout=10_000):
        qtbot.keyClick(panel.link_button, Qt.Key.Key_Space)
    assert [p.display_name for p, _role in reader.people.people_for_entry(chosen_uuid)] == ["Anna Petrova"]
    assert reader.people.people_for_entry(shown_uuid) == []
