"""Editor: the optional end time ("Until"), and copying text out of an entry as a secret
(password-manager hints, cleared after 30 s)."""
# ruff: noqa: F811  (pytest fixtures imported from other test modules)

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime

from gui_helpers import create_entry, unlocked  # noqa: F401  (fixture)

pytestmark = pytest.mark.gui


def test_until_is_saved_in_the_same_zone_and_reloaded(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    editor = window.editor
    uuid = create_entry(qtbot, window)
    assert not editor.has_end.isChecked() and not editor.until.isEnabled()
    editor.time_zone.set_zone("Europe/Kyiv")
    editor.when.setDateTime(QDateTime(QDate(2024, 3, 5), QTime(14, 10)))
    editor.has_end.setChecked(True)
    assert editor.until.isEnabled() and editor.dirty
    editor.until.setDateTime(QDateTime(QDate(2024, 3, 5), QTime(18, 30)))
    with qtbot.waitSignal(editor.saved, timeout=10_000):  # autosaved by the timer
        pass
    saved = unlocked.session.reader.entries.get(uuid)
    assert saved.occurred_tz == "Europe/Kyiv"
    assert saved.occurred_at.startswith("2024-03-05T14:10") and saved.occurred_end.startswith("2024-03-05T18:30")

    # Shown again when the entry is loaded.
    editor.clear()
    assert not editor.has_end.isChecked()
    editor.load(unlocked.session.reader.entries.get(uuid))
    assert editor.has_end.isChecked() and editor.until.isEnabled()
    assert editor.until.dateTime().time() == QTime(18, 30)

    # An end before the start is reported, not saved; unticking removes the end.
    editor.until.setDateTime(QDateTime(QDate(2024, 3, 4), QTime(9, 0)))
    assert editor.flush()
    assert "End not saved" in editor.indicator.text()
    assert unlocked.session.reader.entries.get(uuid).occurred_end.startswith("2024-03-05T18:30")
    editor.has_end.setChecked(False)
    assert editor.flush()
    assert unlocked.session.reader.entries.get(uuid).occurred_end is None


def test_until_is_a_date_when_the_time_is_unknown(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    editor = window.editor
    uuid = create_entry(qtbot, window)
    editor.time_unknown.setChecked(True)
    editor.has_end.setChecked(True)
    editor.until.setDateTime(editor.when.dateTime().addDays(2))
    assert editor.flush()
    saved = unlocked.session.reader.entries.get(uuid)
    assert len(saved.occurred_at) == 10 and len(saved.occurred_end) == 10


# --- copying is marked secret and cleared -----------------------------------------------------------
def _is_secret(mime) -> bool:
    return (bytes(mime.data("x-kde-passwordManagerHint")) == b"secret"
            and bytes(mime.data("CanIncludeInClipboardHistory")) == b"\0\0\0\0"
            and mime.hasFormat("org.nspasteboard.ConcealedType"))


def test_body_and_title_copies_are_secret_and_cleared(qtbot, unlocked, monkeypatch):
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QPlainTextEdit

    from ui.common import clipboard

    monkeypatch.setattr(clipboard, "CLEAR_AFTER_MS", 50)
    monkeypatch.setattr(clipboard.secret_copy_mime, "__defaults__", (50,))
    monkeypatch.setattr(clipboard.copy_secret, "__defaults__", (50,))
    window = unlocked.main_window
    qtbot.addWidget(window)
    editor = window.editor
    create_entry(qtbot, window)
    board = QGuiApplication.clipboard()

    editor.body.setPlainText("Taken from the press area at 14:10.")
    editor.body.selectAll()
    editor.body.copy()  # what Ctrl+C and the context menu's Copy call
    assert board.text() == "Taken from the press area at 14:10." and _is_secret(board.mimeData())
    qtbot.waitUntil(lambda: board.text() == "", timeout=10_000)
    assert isinstance(editor.body, QPlainTextEdit)

    editor.title.setText("Detention of a journalist")
    editor.title.selectAll()
    editor.title.setFocus()
    qtbot.keySequence(editor.title, "Ctrl+C")
    assert board.text() == "Detention of a journalist" and _is_secret(board.mimeData())
    qtbot.waitUntil(lambda: board.text() == "", timeout=10_000)

    # The context menu's Copy and Cut go the same way.
    editor.title.selectAll()
    menu = editor.title.build_context_menu()
    (copy,) = [a for a in menu.actions() if a.objectName() == "edit-copy"]
    copy.trigger()
    assert board.text() == "Detention of a journalist" and _is_secret(board.mimeData())
    (cut,) = [a for a in menu.actions() if a.objectName() == "edit-cut"]
    editor.title.selectAll()
    cut.trigger()
    assert editor.title.text() == "" and _is_secret(board.mimeData())
    menu.deleteLater()


def test_copy_entry_as_text_from_the_entry_menu(qtbot, unlocked):
    from PySide6.QtGui import QGuiApplication

    window = unlocked.main_window
    qtbot.addWidget(window)
    editor = window.editor
    create_entry(qtbot, window)
    editor.title.setText("Searches at the border")
    editor.body.setPlainText("Phones were checked.")
    editor.place.setText("Checkpoint 3")
    assert editor.copy_text_action in window.entry_menu.actions()
    editor.copy_text_action.trigger()
    mime = QGuiApplication.clipboard().mimeData()
    text = mime.text()
    assert text.startswith("Searches at the border") and "Where: Checkpoint 3" in text
    assert text.endswith("Phones were checked.") and _is_secret(mime)
    editor.clear()
    assert not editor.copy_as_text()


def test_a_drag_after_a_copy_does_not_keep_the_copy_on_the_clipboard(qtbot, unlocked):
    """Qt builds a payload for a text drag too; that must not make the earlier copy look
    foreign, or neither the timer nor Lock would clear it."""
    from PySide6.QtGui import QGuiApplication

    from ui.common import clipboard

    window = unlocked.main_window
    qtbot.addWidget(window)
    editor = window.editor
    create_entry(qtbot, window)
    editor.body.setPlainText("Witness: phone +7 900 000-00-00")
    editor.body.selectAll()
    editor.body.copy()
    assert clipboard.clipboard_is_ours()
    editor.body.createMimeDataFromSelection()  # what starting a drag of the selection does
    assert clipboard.clipboard_is_ours()
    assert clipboard.clear_if_ours()  # what Lock does
    assert QGuiApplication.clipboard().text() == ""
