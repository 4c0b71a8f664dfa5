"""The main window driven through its widgets: create, edit, autosave, search, trash, history, lock."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from conftest import PASSPHRASE
from gui_helpers import SAMPLE_ENTRIES, create_entry, unlock, unlocked, wait_entry  # noqa: F401  (fixture)

from journal.records.search import EntryFilter

pytestmark = pytest.mark.gui


def _type(qtbot, widget, text):
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def test_new_entry_edit_and_autosave(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    before = window.model.rowCount()
    uuid = create_entry(qtbot, window)
    assert window.model.rowCount() == before + 1
    editor = window.editor
    # The new entry's title gets the keyboard focus. Offscreen the window may not be the
    # active one, so ask the window which child holds its focus (what hasFocus needs plus activation).
    window.activateWindow()
    qtbot.waitUntil(lambda: window.focusWidget() is editor.title, timeout=10_000)
    _type(qtbot, editor.title, "Detention of a journalist")
    _type(qtbot, editor.body, "Taken from the press area at 14:10.")
    editor.tags.setText("press, protest")
    editor.tags.textEdited.emit(editor.tags.text())
    editor.coordinates.setText("55.75, 37.61")
    editor.coordinates.textEdited.emit(editor.coordinates.text())
    assert editor.dirty
    assert editor.undo_available()
    with qtbot.waitSignal(editor.saved, timeout=10_000):  # the autosave timer fires by itself
        pass
    assert not editor.dirty
    assert editor.indicator.text().startswith("Saved ")
    saved = unlocked.session.reader.entries.get(uuid)
    assert saved.title == "Detention of a journalist"
    assert saved.body == "Taken from the press area at 14:10."
    assert saved.tags == ["press", "protest"]
    assert (saved.latitude, saved.longitude) == (55.75, 37.61)
    assert saved.occurred_tz == window.default_tz
    row = window.model.row_of(saved.id)
    assert window.model.index(row, 0).data() == "Detention of a journalist"
    qtbot.waitUntil(lambda: not window.sidebar_loading, timeout=20_000)  # tags are read off the GUI thread
    assert "press" in {window.sidebar.topLevelItem(i).child(j).text(0).split(" (")[0]
                       for i in range(window.sidebar.topLevelItemCount())
                       for j in range(window.sidebar.topLevelItem(i).childCount())}


def test_switching_entries_saves_without_waiting(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    window.select_rowid(window.model.rowid_at(0))
    uuid = window.editor.current_uuid
    window.editor.body.setPlainText("Rewritten right before switching.")
    assert window.editor.dirty
    window.select_rowid(window.model.rowid_at(1))  # flushes synchronously
    assert window.editor.current_uuid != uuid
    assert unlocked.session.reader.entries.get(uuid).body == "Rewritten right before switching."


def test_time_unknown_saves_a_date(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    uuid = create_entry(qtbot, window)
    window.editor.time_unknown.setChecked(True)
    assert window.editor.flush()
    saved = unlocked.session.reader.entries.get(uuid)
    assert len(saved.occurred_at) == 10


def test_bad_coordinates_are_reported_not_saved(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    uuid = create_entry(qtbot, window)
    window.editor.title.setText("With a typo")
    window.editor.coordinates.setText("north of the river")
    window.editor.coordinates.textEdited.emit("x")
    assert window.editor.flush()
    assert "Coordinates not saved" in window.editor.indicator.text()
    saved = unlocked.session.reader.entries.get(uuid)
    assert saved.title == "With a typo" and saved.latitude is None


def test_search_as_you_type_with_snippets_and_sidebar_filter(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.model.modelReset, timeout=20_000):
        qtbot.keyClicks(window.search, "detained")  # debounced: one query after typing stops
    assert window.model.searching
    assert window.model.rowCount() == 1
    snippet = window.model.index(0, 6).data()
    assert "\x02detained\x03" in snippet
    assert "found" in window.count_label.text()

    window.search.setText("повестку")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1 and "Повестка" in window.model.index(0, 0).data(),
                    timeout=20_000)
    # The sidebar filter combines with search: drafts only still finds it; final only does not.
    window.sidebar.setCurrentItem(window.sidebar.topLevelItem(1))  # Drafts
    assert window.model.entry_filter == EntryFilter(status="draft")
    _listed(qtbot, window)  # a filter's hits, like its list, are read off the GUI thread
    assert window.model.rowCount() == 1
    window.sidebar.select_trash()
    _listed(qtbot, window)
    assert window.model.rowCount() == 0
    assert "Nothing found" in window.list_empty.text()

    window.sidebar.select_all_entries()
    window.search.clear()
    qtbot.waitUntil(lambda: not window.model.searching, timeout=20_000)
    assert window.model.rowCount() == len(SAMPLE_ENTRIES)


def _listed(qtbot, window):
    """A sidebar filter's ids are read off the GUI thread: wait for them."""
    qtbot.waitUntil(lambda: not window.model.loading, timeout=20_000)


def test_sidebar_category_and_sorting(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    categories = next(window.sidebar.topLevelItem(i) for i in range(window.sidebar.topLevelItemCount())
                      if window.sidebar.topLevelItem(i).text(0) == "Categories")
    detention = next(categories.child(i) for i in range(categories.childCount())
                     if categories.child(i).text(0) == "Detention")
    window.sidebar.setCurrentItem(detention)
    assert window.model.loading  # off the GUI thread
    _listed(qtbot, window)
    assert window.model.rowCount() == 1
    window.sidebar.select_all_entries()
    _listed(qtbot, window)
    window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    titles = [window.model.index(r, 0).data() for r in range(window.model.rowCount())]
    assert titles == sorted(titles, key=str.casefold)


def test_delete_undo_restore_and_empty_trash(qtbot, unlocked, monkeypatch):
    window = unlocked.main_window
    qtbot.addWidget(window)
    count = window.model.rowCount()
    window.select_rowid(window.model.rowid_at(0))
    uuid = window.editor.current_uuid
    window.table.setFocus()
    with qtbot.waitSignal(window.model.modelReset, timeout=20_000):
        window.delete_action.trigger()
    assert window.model.rowCount() == count - 1
    assert window.undo_bar.isVisibleTo(window) and window.undo_button.isVisibleTo(window)
    assert window._undo_uuid == uuid

    with qtbot.waitSignal(window.model.modelReset, timeout=20_000):
        window.undo_button.click()
    assert window.model.rowCount() == count
    wait_entry(qtbot, window)
    assert window.editor.current_uuid == uuid

    with qtbot.waitSignal(window.model.modelReset, timeout=20_000):
        window.delete_action.trigger()
    window.sidebar.select_trash()
    _listed(qtbot, window)
    assert window.model.rowCount() == 1
    window.select_rowid(window.model.rowid_at(0))
    wait_entry(qtbot, window)
    assert window.editor.current_uuid == uuid
    assert window.editor.trash_banner.isVisibleTo(window.editor) and window.editor.body.isReadOnly()
    assert window.restore_action.isEnabled() and not window.delete_action.isEnabled()
    with qtbot.waitSignal(window.model.modelReset, timeout=20_000):
        window.restore_action.trigger()
    assert window.model.rowCount() == 0
    assert "trash is empty" in window.list_empty.text()

    window.sidebar.select_all_entries()
    _listed(qtbot, window)
    window.select_rowid(window.model.rowid_at(0))
    with qtbot.waitSignal(window.model.modelReset, timeout=20_000):
        window.delete_action.trigger()
    window.sidebar.select_trash()
    _listed(qtbot, window)
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(window.model.modelReset, timeout=20_000):
        window.empty_trash_action.trigger()
    assert window.model.rowCount() == 0
    assert unlocked.session.reader.queries.count(EntryFilter(trash=True)) == 0


def test_history_shows_revisions_with_body_diff(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    window.select_rowid(window.model.rowid_at(0))
    window.editor.body.setPlainText("First line\nSecond line")
    assert window.editor.flush()
    window.editor.body.setPlainText("First line\nSecond line, corrected")
    window.editor.flush()
    window.history_action.trigger()
    dialog = window.history_dialog
    assert dialog is not None
    assert dialog.revision_count() == 3
    assert dialog.list.count() == 3
    html = dialog.view.toHtml()
    assert "Second line, corrected" in html and "Version 3" in dialog.list.item(0).text()


def test_lock_clears_everything(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    window.select_rowid(window.model.rowid_at(0))
    window.editor.body.setPlainText("typed just before locking")
    window.editor.body.textChanged.emit()
    qtbot.keyClicks(window.editor.title, " (edited)")
    window.search.setText("detained")
    window.history_action.trigger()
    session = unlocked.session
    uuid = window.editor.current_uuid

    with qtbot.waitSignal(unlocked.locked, timeout=20_000):
        window.lock_action.trigger()

    assert session.closed and unlocked.session is None
    assert session.journal is None and session.reader is None
    assert window.model.rowCount() == 0 and window.model.cached_row_count() == 0
    assert window.sidebar.topLevelItemCount() == 0
    assert window.editor.current_uuid is None
    for line in (window.editor.title, window.editor.place, window.editor.tags, window.editor.coordinates,
                 window.search):
        assert line.text() == "" and not line.isUndoAvailable()
    assert window.editor.body.toPlainText() == ""
    assert not window.editor.undo_available()
    assert window.editor.category.count() == 0 and window.editor.tags.known_tag_count() == 0
    assert window.journal_name.text() == "" and window.history_dialog is None
    assert not window.isVisible()
    assert unlocked.unlock_window.isVisible() and unlocked.unlock_window.field.text() == ""

    # What was typed before the lock was saved.
    unlock(qtbot, unlocked)
    entry = unlocked.session.reader.entries.get(uuid)
    assert entry.body == "typed just before locking" and entry.title.endswith("(edited)")
    assert window.model.rowCount() == len(SAMPLE_ENTRIES)


def test_auto_lock_fires_when_idle(qtbot, unlocked):
    watcher = unlocked.idle_watcher
    assert watcher.active and watcher.interval() == 5 * 60_000  # the default setting
    watcher.set_interval(50)
    with qtbot.waitSignal(unlocked.locked, timeout=20_000):
        pass
    assert unlocked.session is None and not watcher.active
    assert unlocked.main_window.model.rowCount() == 0


def test_closing_the_window_locks(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    session = unlocked.session
    window.close()
    assert session.closed and window.model.rowCount() == 0


def test_settings_saved_as_json_without_user_data(qtbot, unlocked, tmp_path):
    from ui.common.settings import Settings, load_settings

    unlocked.apply_settings(Settings(auto_lock_minutes=7, default_timezone="Europe/Kyiv"))
    assert unlocked.idle_watcher.interval() == 7 * 60_000
    assert unlocked.main_window.default_tz == "Europe/Kyiv"
    path = tmp_path / "config" / "settings.json"
    data = json.loads(path.read_text())
    assert data["format"] == "incident-journal-settings" and data["auto_lock_minutes"] == 7
    text = path.read_text()
    for secret in (PASSPHRASE, "Test journal", "Detentions", "Moscow", str(unlocked.context.data_dir)):
        assert secret not in text
    assert (path.stat().st_mode & 0o777) == 0o600
    assert load_settings(tmp_path / "config").auto_lock_minutes == 7
