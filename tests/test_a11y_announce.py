"""Errors and status are spoken; focus stays put while unlocking and lands in the list (issue 24, items 3, 7).

An update handler (tests/a11y_events.py) records what Qt hands the platform bridge: the
announcements (QAccessibleAnnouncementEvent: AT-SPI object:announcement, UIA notification), alerts
and focus events a screen reader would act on.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget

import a11y_events
from a11y_events import UpdateHandler, address
from conftest import PASSPHRASE
from gui_helpers import SAMPLE_ENTRIES, make_journal, new_controller, unlock, unlocked  # noqa: F401 (fixture)

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(not a11y_events.available(),
                       reason="QAccessible::installUpdateHandler is reached through the Linux QtGui library"),
]

POLITE = QAccessible.AnnouncementPoliteness.Polite
ASSERTIVE = QAccessible.AnnouncementPoliteness.Assertive


def spoken(recorder) -> list[tuple[str, QAccessible.AnnouncementPoliteness]]:
    return [(event.texts[0], event.politeness) for event in recorder.of_type(QAccessible.Event.Announcement)]


def focus_targets(recorder) -> list[int]:
    return [event.object for event in recorder.of_type(QAccessible.Event.Focus)]


@pytest.fixture
def locked(qtbot, data_dir, tmp_path):
    make_journal(data_dir, SAMPLE_ENTRIES)
    controller = new_controller(qtbot, data_dir, tmp_path)
    window = controller.unlock_window
    qtbot.addWidget(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.field.hasFocus(), timeout=5000)
    yield controller
    controller.quit()
    if controller._main_window is not None:
        controller._main_window.close()
        controller._main_window.deleteLater()


def test_wrong_passphrase_is_named_alerted_and_spoken(qtbot, locked):
    window = locked.unlock_window
    with UpdateHandler() as recorder:
        qtbot.keyClicks(window.field, "not the passphrase")
        qtbot.keyClick(window.field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.error.isVisible() and not window.working, timeout=10_000)
    message = window.error.text()
    assert "Wrong passphrase" in message
    assert ("Unlocking…", POLITE) in spoken(recorder)
    assert (message, ASSERTIVE) in spoken(recorder)
    assert recorder.about(window.error, QAccessible.Event.Alert)
    # The label is named by what it says (it was named just "Error", with no text).
    iface = QAccessible.queryAccessibleInterface(window.error)
    assert iface.text(QAccessible.Text.Name) == message
    assert window.busy.accessibleName() == "Unlocking…"


def test_focus_stays_in_the_field_while_unlocking_then_lands_in_the_list(qtbot, locked):
    window = locked.unlock_window
    buttons = [window.unlock_button, window.mode_link, window.other_button, window.erase_button]
    with UpdateHandler() as recorder:
        qtbot.keyClicks(window.field, "wrong guess")
        qtbot.keyClick(window.field, Qt.Key.Key_Return)
        assert window.working and window.field.hasFocus() and window.field.isReadOnly()
        qtbot.waitUntil(lambda: not window.working, timeout=10_000)
        assert window.field.hasFocus()
        # the mouse route: focus on the Unlock button, then unlocking
        window.field.setText(PASSPHRASE)
        window.unlock_button.setFocus()
        with qtbot.waitSignal(locked.unlocked, timeout=10_000):
            qtbot.keyClick(window.unlock_button, Qt.Key.Key_Space)
        main = locked.main_window
        qtbot.addWidget(main)
        main.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is main.table, timeout=5000)
    hopped = [event for event in recorder.of_type(QAccessible.Event.Focus)
              if event.object in {address(button) for button in buttons[1:]}]
    assert hopped == [], "focus landed on a lock-screen button while unlocking"
    assert recorder.about(main.table, QAccessible.Event.Focus)


def test_locking_sends_no_focus_to_hidden_widgets(qtbot, unlocked):  # noqa: F811
    main = unlocked.main_window
    qtbot.addWidget(main)
    main.activateWindow()
    main.table.setFocus()
    main.table.selectRow(0)
    qtbot.waitUntil(lambda: main.editor.current_uuid is not None, timeout=5000)
    main.editor.title.setFocus()
    main_widgets = {address(widget) for widget in [main, *main.findChildren(QWidget)]}
    with UpdateHandler() as recorder:
        unlocked.lock()
        window = unlocked.unlock_window
        window.activateWindow()
        qtbot.waitUntil(lambda: window.field.hasFocus(), timeout=5000)
    assert not main.isVisible()
    to_main = [event for event in recorder.of_type(QAccessible.Event.Focus) if event.object in main_widgets]
    assert to_main == [], "locking moved focus around the main window's (hidden) widgets"
    assert recorder.about(window.field, QAccessible.Event.Focus)


def test_status_bar_messages_are_spoken(qtbot, unlocked):  # noqa: F811
    main = unlocked.main_window
    with UpdateHandler() as recorder:
        main.statusBar().showMessage("1 file attached.", 5000)
    assert ("1 file attached.", POLITE) in spoken(recorder)


def test_saved_and_person_hints_are_spoken(qtbot, unlocked):  # noqa: F811
    main = unlocked.main_window
    main.table.selectRow(0)
    qtbot.waitUntil(lambda: main.editor.current_uuid is not None, timeout=5000)
    with UpdateHandler() as recorder:
        main.editor.title.setFocus()
        qtbot.keyClicks(main.editor.title, " updated")
        main.editor.save()
        qtbot.waitUntil(lambda: main.editor.indicator.text().startswith("Saved"), timeout=10_000)
        panel = main.people_feature.panel
        panel.link_current()
    texts = [text for text, _ in spoken(recorder)]
    assert any(text.startswith("Saved") for text in texts), texts
    assert "Type a name or choose a person first." in texts
