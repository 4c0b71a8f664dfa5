"""Issue 20 in the window: a sidebar filter's list loads off the GUI thread (latest request wins),
and "nothing found" says what to try."""

from __future__ import annotations

import threading

from gui_helpers import unlocked, wait_entry  # noqa: F401  (fixture)

from journal.records.search import EntryFilter


def test_sidebar_filter_loads_off_the_gui_thread_latest_wins(qtbot, unlocked, monkeypatch):
    window = unlocked.main_window
    qtbot.addWidget(window)
    background = window.model._background
    real = background.ids
    threads, release = [], threading.Event()

    def slow_ids(flt, *args, **kwargs):
        threads.append(threading.current_thread())
        if flt.status == "draft":
            release.wait(10)  # Drafts is still loading when the trash is chosen
        return real(flt, *args, **kwargs)

    monkeypatch.setattr(background, "ids", slow_ids)
    window.sidebar.setCurrentItem(window.sidebar.topLevelItem(1))  # Drafts
    assert window.model.loading
    window.sidebar.select_trash()
    qtbot.waitUntil(lambda: len(threads) == 2, timeout=10_000)
    qtbot.waitUntil(lambda: not window.model.loading, timeout=10_000)
    release.set()
    qtbot.wait(300)  # Drafts' answer arrives late and is dropped
    assert threading.main_thread() not in threads
    assert window.model.entry_filter == EntryFilter(trash=True)
    assert window.model.rowCount() == 0


def test_a_long_list_shows_its_first_rows_then_the_rest_below_them(qtbot, data_dir, tmp_path, monkeypatch):
    """At 1M entries all of Drafts' ids take 200-300 ms to read: the list shows its first
    FIRST_IDS rows and the whole count at once, then the rest below them (read off the GUI
    thread); the selection stays, and an entry below the first rows is shown once they are in."""
    import ui.entries.model as model_mod
    from gui_helpers import close_controller, make_journal, new_controller, unlock
    from journal.records.search import EntryQueries

    monkeypatch.setattr(model_mod, "FIRST_IDS", 3)
    make_journal(data_dir, [dict(title=f"Entry {i}", occurred_at=f"2024-03-{10 + i:02d}T10:00",
                                 occurred_tz="Europe/Moscow") for i in range(12)])
    real, calls, release = EntryQueries.ids, [], threading.Event()

    def ids(queries, flt, *args, limit=None, **kwargs):
        calls.append((limit, threading.current_thread()))
        if limit is None and threading.current_thread() is not threading.main_thread():
            release.wait(10)  # the rest is still being read
        return real(queries, flt, *args, limit=limit, **kwargs)

    monkeypatch.setattr(EntryQueries, "ids", ids)
    controller = new_controller(qtbot, data_dir, tmp_path)
    try:
        unlock(qtbot, controller)
        window = controller.main_window
        model = window.model
        qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=20_000)
        assert not model.complete and model.total_rows == 12
        assert window.count_label.text() == "12 entries"
        window.select_rowid(model.rowid_at(1))
        chosen = model.rowid_at(1)
        (oldest, oldest_uuid), = controller.session.reader.db.query(
            "SELECT id, uuid FROM entries WHERE title = 'Entry 0'")
        assert model.row_of(oldest) < 0 and window.show_entry(oldest)  # shown once the rest is in
        release.set()
        qtbot.waitUntil(lambda: model.complete and model.rowCount() == 12, timeout=20_000)
        assert window.count_label.text() == "12 entries"
        qtbot.waitUntil(lambda: window.editor.current_uuid == oldest_uuid, timeout=20_000)
        assert model.rowid_at(window.table.currentIndex().row()) == oldest
        assert chosen in [model.rowid_at(r) for r in range(12)]
        assert [limit for limit, _thread in calls] == [4, None]  # FIRST_IDS + 1, then all
        assert all(thread is not threading.main_thread() for _limit, thread in calls)
    finally:
        release.set()
        close_controller(controller)


def test_nothing_found_suggests_what_to_try(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    window.search.setText("задержанием невозможного")
    qtbot.waitUntil(lambda: "Nothing found" in window.list_empty.text(), timeout=20_000)
    text = window.list_empty.text()
    assert "задерж" in text and "*" in text
    assert "fewer words" in text


class SearchThreads:
    """Records the thread of every entry search; a search for `hold_text` off the GUI thread waits
    for `release` (a late answer), never one on the GUI thread (that would only freeze the test)."""

    def __init__(self, monkeypatch, hold_text: str | None = None) -> None:
        from journal.records.search import EntryQueries

        self.calls: list[tuple[str, threading.Thread]] = []
        self.release, self.held, self.answered = threading.Event(), threading.Event(), threading.Event()
        real = EntryQueries.search

        def search(queries, text, *args, **kwargs):
            self.calls.append((text, threading.current_thread()))
            if text == hold_text and threading.current_thread() is not threading.main_thread():
                self.held.set()
                self.release.wait(10)
                try:
                    return real(queries, text, *args, **kwargs)
                finally:
                    self.answered.set()
            return real(queries, text, *args, **kwargs)

        monkeypatch.setattr(EntryQueries, "search", search)

    def on_gui_thread(self) -> list[str]:
        return [text for text, thread in self.calls if thread is threading.main_thread()]


def _settled(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window._search_timer.isActive() and not window.model.loading, timeout=20_000)


def test_typing_a_search_reads_off_the_gui_thread_and_keeps_the_list_behaviour(qtbot, unlocked, monkeypatch):
    window = unlocked.main_window
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    unlocked.session.write_and_wait(lambda j: j.entries.add(
        title="Second detention", body="Two more were detained at night.", occurred_at="2024-03-02T01:00",
        occurred_tz="Europe/Moscow", category="detention", status="final"))
    expected = [hit.id for hit in unlocked.session.reader.queries.search("detained", order="newest", limit=200)]
    assert len(expected) == 2
    window.sidebar.select_all_entries()
    window._reload_list()
    _settled(qtbot, window)
    station = next(window.model.rowid_at(r) for r in range(window.model.rowCount())
                   if window.model.index(r, 0).data().startswith("Detentions at the station"))
    assert window.select_rowid(station)
    wait_entry(qtbot, window)
    shown_uuid = window.editor.current_uuid
    threads = SearchThreads(monkeypatch)
    loads = []
    monkeypatch.setattr(window.editor, "load", lambda *a, **k: loads.append(a))  # the editor is not re-read

    window.focus_search()
    qtbot.keyClicks(window.search, "detained")
    _settled(qtbot, window)
    assert [text for text, _thread in threads.calls] == ["detained"] and threads.on_gui_thread() == []
    # The hits in the index's order (newest first), with the words that matched highlighted.
    assert window.model.searching
    assert [window.model.rowid_at(r) for r in range(window.model.rowCount())] == expected
    assert all("\x02detained\x03" in window.model.index(r, 6).data() for r in range(2))
    assert not window.table.isColumnHidden(6) and window.table.isColumnHidden(2)  # match column in, place out
    assert window.count_label.text() == "2 found"
    assert window.focusWidget() is window.search  # typing goes on in the field
    # The entry being read is among the hits: it stays selected and in the editor, not read again.
    assert window.model.rowid_at(window.table.currentIndex().row()) == station
    assert window.editor.current_uuid == shown_uuid and loads == []

    qtbot.keyClicks(window.search, "zzqx")  # "detainedzzqx": nothing
    _settled(qtbot, window)
    assert window.model.rowCount() == 0 and "Nothing found for “detainedzzqx”" in window.list_empty.text()
    assert window.list_stack.currentWidget() is window.list_empty
    assert window.editor.current_uuid is None  # the entry is no longer listed: the editor empties
    assert window.focusWidget() is window.search
    assert threads.on_gui_thread() == []


def test_a_late_answer_for_an_older_search_never_replaces_a_newer_one(qtbot, unlocked, monkeypatch):
    window = unlocked.main_window
    qtbot.addWidget(window)
    threads = SearchThreads(monkeypatch, hold_text="detained")
    window.search.setText("detained")
    qtbot.waitUntil(threads.held.is_set, timeout=20_000)  # its search is running, held back
    assert window.model.loading and not window.model.searching  # the list keeps what it showed
    assert window.model.rowCount() == 3
    window.search.setText("повестку")
    _settled(qtbot, window)
    assert window.model.search_text == "повестку" and window.model.rowCount() == 1
    threads.release.set()  # the older answer arrives now and is dropped
    qtbot.waitUntil(threads.answered.is_set, timeout=20_000)
    qtbot.wait(300)  # its answer reaches the GUI thread (and is dropped)
    assert window.model.search_text == "повестку"
    assert [window.model.index(r, 0).data() for r in range(window.model.rowCount())] == [
        "Повестка отцу пятерых детей"]
    assert window.count_label.text() == "1 found"
    assert threads.on_gui_thread() == []
