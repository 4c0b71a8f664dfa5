"""Issue 20 in the window: a sidebar filter's list loads off the GUI thread (latest request wins),
and "nothing found" says what to try."""

from __future__ import annotations

import threading

from gui_helpers import unlocked  # noqa: F401  (fixture)

from journal.records.search import EntryFilter


def test_sidebar_filter_loads_off_the_gui_thread_latest_wins(qtbot, unlocked, monkeypatch):
    window = unlocked.main_window
    qtbot.addWidget(window)
    background = window.model._background
    real = background.ids
    threads, release = [], threading.Event()

    def slow_ids(flt, *args):
        threads.append(threading.current_thread())
        if flt.status == "draft":
            release.wait(10)  # Drafts is still loading when the trash is chosen
        return real(flt, *args)

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


def test_nothing_found_suggests_what_to_try(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    window.search.setText("задержанием невозможного")
    qtbot.waitUntil(lambda: "Nothing found" in window.list_empty.text(), timeout=20_000)
    text = window.list_empty.text()
    assert "задерж" in text and "*" in text
    assert "fewer words" in text
