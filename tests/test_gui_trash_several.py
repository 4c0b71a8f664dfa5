"""Del on several picked rows moves them all to the trash after asking (Cancel is the default),
Undo brings them all back, and Ctrl+R in the trash restores every picked row."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QMessageBox

from gui_helpers import unlocked, wait_entry  # noqa: F401  (fixture)

from journal.records.search import EntryFilter

pytestmark = pytest.mark.gui


def _listed(qtbot, window):
    qtbot.waitUntil(lambda: not window.model.loading, timeout=20_000)


def _shown(qtbot, controller):
    """The main window on screen with its list read."""
    window = controller.main_window
    qtbot.addWidget(window)
    window.show()
    _listed(qtbot, window)
    return window


def _pick_rows(window, rows):
    window.select_rowid(window.model.rowid_at(rows[0]))
    selection = QItemSelection()
    for row in rows:
        selection.select(window.model.index(row, 0), window.model.index(row, window.model.columnCount() - 1))
    window.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.Select
                                         | QItemSelectionModel.SelectionFlag.Rows)


def test_del_on_several_rows_asks_then_moves_them_all_and_undo_brings_them_back(qtbot, unlocked, monkeypatch):
    window = _shown(qtbot, unlocked)
    count = window.model.rowCount()
    assert count >= 3
    asked = []

    def answer(button):
        def question(parent, title, text, buttons, default):
            asked.append((text, default))
            return button
        return staticmethod(question)

    _pick_rows(window, [0, 1])
    wait_entry(qtbot, window)
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    window.table.setFocus()
    window.delete_action.trigger()
    qtbot.wait(200)
    assert asked and "2 selected entries" in asked[-1][0] and asked[-1][1] == QMessageBox.StandardButton.Cancel
    assert window.model.rowCount() == count  # Cancel: nothing moved

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(window.model.modelReset, timeout=20_000):
        window.delete_action.trigger()
    _listed(qtbot, window)
    assert window.model.rowCount() == count - 2
    assert unlocked.session.reader.queries.count(EntryFilter(trash=True)) == 2
    assert window.undo_bar.isVisibleTo(window) and window.undo_label.text() == "2 entries moved to the trash."

    with qtbot.waitSignal(window.model.modelReset, timeout=20_000):
        window.undo_button.click()
    _listed(qtbot, window)
    assert window.model.rowCount() == count and not window.undo_bar.isVisibleTo(window)
    assert unlocked.session.reader.queries.count(EntryFilter(trash=True)) == 0


def test_ctrl_r_in_the_trash_restores_every_picked_row(qtbot, unlocked, monkeypatch):
    window = _shown(qtbot, unlocked)
    count = window.model.rowCount()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.Yes))
    _pick_rows(window, list(range(count)))
    wait_entry(qtbot, window)
    with qtbot.waitSignal(window.model.modelReset, timeout=20_000):
        window.delete_action.trigger()
    window.sidebar.select_trash()
    _listed(qtbot, window)
    assert window.model.rowCount() == count
    _pick_rows(window, list(range(count)))
    wait_entry(qtbot, window)
    assert window.restore_action.isEnabled()
    with qtbot.waitSignal(window.model.modelReset, timeout=20_000):
        window.restore_action.trigger()
    _listed(qtbot, window)
    assert window.model.rowCount() == 0
    assert unlocked.session.reader.queries.count() == count
    assert window.statusBar().currentMessage() == f"{count} entries restored."


def test_lock_forgets_what_the_undo_bar_named(qtbot, unlocked):
    window = _shown(qtbot, unlocked)
    window.select_rowid(window.model.rowid_at(0))
    wait_entry(qtbot, window)
    with qtbot.waitSignal(window.model.modelReset, timeout=20_000):
        window.delete_action.trigger()
    assert window.undo_label.text()
    unlocked.lock()
    assert window.undo_label.text() == "" and not window.undo_bar.isVisibleTo(window)
