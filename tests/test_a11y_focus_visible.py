"""Focus is visible on the lock screen and no invisible widget takes a Tab stop (issue 24, item 6; minor items).

Rendering is compared, not styles read: each lock-screen button is grabbed with and without the
keyboard focus, and the two images must differ (before, the flat "Open another journal folder…"
and "Erase this journal…" looked the same focused or not, and "Forgot it?" was a link in a label).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QAbstractScrollArea, QLabel, QPlainTextEdit, QTextEdit, QWidget,
)

from gui_helpers import SAMPLE_ENTRIES, make_journal, new_controller, unlocked  # noqa: F401  (fixture)

pytestmark = pytest.mark.gui


@pytest.fixture
def lock_window(qtbot, data_dir, tmp_path):
    make_journal(data_dir, SAMPLE_ENTRIES)
    controller = new_controller(qtbot, data_dir, tmp_path)
    window = controller.unlock_window
    qtbot.addWidget(window)
    window.activateWindow()
    qtbot.waitUntil(window.field.hasFocus, timeout=5000)
    yield window
    controller.quit()


def test_every_lock_screen_button_shows_its_focus(qtbot, lock_window):
    window = lock_window
    for button in (window.unlock_button, window.mode_link, window.other_button, window.erase_button):
        assert isinstance(button, QAbstractButton) and button.focusPolicy() & Qt.FocusPolicy.TabFocus
        window.field.setFocus()
        qtbot.waitUntil(window.field.hasFocus, timeout=5000)
        unfocused = button.grab().toImage()
        button.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(button.hasFocus, timeout=5000)
        focused = button.grab().toImage()
        assert focused != unfocused, f"{button.text()!r} looks the same with and without focus"


def test_forgot_it_is_a_button_that_switches_to_the_recovery_code(qtbot, lock_window):
    window = lock_window
    assert "Forgot it?" in window.mode_link.text()
    window.mode_link.setFocus()
    qtbot.keyClick(window.mode_link, Qt.Key.Key_Space)
    assert window.recovery_mode and window.field.hasFocus()
    assert QAccessible.queryAccessibleInterface(window.mode_link).role() == QAccessible.Role.Button


def test_the_lock_window_is_a_window_with_one_title(lock_window):
    iface = QAccessible.queryAccessibleInterface(lock_window)
    assert iface.role() == QAccessible.Role.Window  # not Client ("filler" on AT-SPI)
    name = iface.text(QAccessible.Text.Name)
    assert name == "Locked"
    words = name.split()
    assert len(words) == len(set(words))


def invisible_tab_stops(root: QWidget) -> list[str]:
    """Widgets Tab can land on that show nothing focused: labels, bare scroll areas, plain containers."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel) or (isinstance(widget, QAbstractScrollArea)
                                          and not isinstance(widget, (QAbstractItemView, QTextEdit, QPlainTextEdit))):
            problems.append(f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.parentWidget()).__name__}")
        elif type(widget) in (QWidget,):
            problems.append(f"plain QWidget {widget.objectName()!r} in {type(widget.parentWidget()).__name__}")
    return problems


def test_no_invisible_tab_stops(qtbot, lock_window):
    assert invisible_tab_stops(lock_window) == []


def test_no_invisible_tab_stops_in_the_main_window(qtbot, unlocked):  # noqa: F811
    main = unlocked.main_window
    main.table.selectRow(0)
    qtbot.waitUntil(lambda: main.editor.current_uuid is not None, timeout=5000)
    assert invisible_tab_stops(main) == []
    assert main.editor.body.frameShape() != main.editor.body.Shape.NoFrame  # the text field has a frame
