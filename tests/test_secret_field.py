"""No typed character of a secret reaches the accessibility bus (issue 24, item 1).

A plain QLineEdit in Password echo mode sends QAccessibleTextInsertEvent('X'), ('y')… and a
TextUpdateEvent with the whole old and new text, which the AT-SPI bridge forwards as
object:text-changed. These tests record every event Qt hands to the platform bridge (an update
handler, tests/a11y_events.py), type into every secret field of the app, and require that no
typed character (nor the secret as a whole) appears in any event nor in what the field's
accessible interface reports; only mask characters, one per typed character.
"""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QGuiApplication, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit

import a11y_events
from a11y_events import UpdateHandler

from ui.common.secret_field import MASK, SecretField

pytestmark = pytest.mark.skipif(not a11y_events.available(),
                                reason="QAccessible::installUpdateHandler is reached through the Linux QtGui library")

SECRET = "Xy9 Zq-Jo"
CYRILLIC = "Жё"  # QTest can't synthesise non-ASCII key clicks: sent as key events with text


def type_text(field, text: str) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(field, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def typed_leaks(recorder, secret: str = SECRET) -> list[str]:
    """Event texts holding anything but masks (a typed character, or the secret)."""
    return [text for text in recorder.texts() if text.strip(MASK)]


def accessible_texts(field: QLineEdit) -> list[str]:
    iface = QAccessible.queryAccessibleInterface(field)
    texts = [iface.text(QAccessible.Text.Value), iface.text(QAccessible.Text.Name),
             iface.text(QAccessible.Text.Description)]
    text_iface = iface.textInterface()
    if text_iface is not None:
        texts.append(text_iface.text(0, text_iface.characterCount()))
        shiboken6.invalidate(text_iface)  # Qt owns it; a stale wrapper would outlive the widget
    return texts


def test_a_plain_password_line_edit_leaks(qtbot):
    """The reason for SecretField: shows the recorder sees what Qt leaks (guards the test itself)."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    qtbot.addWidget(field)
    field.show()
    with UpdateHandler() as recorder:
        qtbot.keyClicks(field, "Xy9")
    assert ["X", "y", "9"] == [t for t in recorder.texts() if t]


def test_typing_editing_and_pasting_send_only_masks(qtbot):
    field = SecretField()
    field.setAccessibleName("Passphrase")
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    with UpdateHandler() as recorder:
        qtbot.keyClicks(field, SECRET)
        type_text(field, CYRILLIC)
        assert field.text() == SECRET + CYRILLIC
        qtbot.keyClick(field, Qt.Key.Key_Backspace)                       # "Xy9 Zq-JoЖ"
        qtbot.keyClick(field, Qt.Key.Key_Home)
        qtbot.keyClick(field, Qt.Key.Key_Delete)                          # "y9 Zq-JoЖ"
        qtbot.keyClick(field, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
        qtbot.keyClicks(field, "W")                                       # selection replaced: "W9 Zq-JoЖ"
        assert field.text() == "W9 Zq-JoЖ"
        qtbot.keyClick(field, Qt.Key.Key_End)
        qtbot.keyClick(field, Qt.Key.Key_Left)
        qtbot.keyClick(field, Qt.Key.Key_Backspace, Qt.KeyboardModifier.ControlModifier)  # "word" back: all masks
        assert field.text() == "Ж" and field.cursorPosition() == 0
        qtbot.keyClick(field, Qt.Key.Key_End)
        remaining = field.text()
        QGuiApplication.clipboard().setText("Pasted!")
        qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        assert field.text() == remaining + "Pasted!"
        QApplication.sendEvent(field, QInputMethodEvent("ü", []))         # a dead key being composed
        commit = QInputMethodEvent()
        commit.setCommitString("ü")
        QApplication.sendEvent(field, commit)
        assert field.text() == remaining + "Pasted!ü"
        qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # no undo history of a secret
        assert field.text() == remaining + "Pasted!ü"
        qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(field, "Q")
        assert field.text() == "Q"
        field.setText("hunter2")
        field.clear()
    assert recorder.about(field, QAccessible.Event.TextInserted), "the recorder saw no text event of the field"
    assert typed_leaks(recorder) == []
    assert all(set(text) <= {MASK} for text in recorder.texts())


def test_a_read_only_field_takes_no_input(qtbot):
    field = SecretField()
    qtbot.addWidget(field)
    field.show()
    qtbot.keyClicks(field, "ab")
    field.setReadOnly(True)  # the unlock window while the key is derived
    qtbot.keyClicks(field, "cd")
    QGuiApplication.clipboard().setText("pasted")
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    commit = QInputMethodEvent()
    commit.setCommitString("e")
    QApplication.sendEvent(field, commit)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert field.text() == "ab" and QLineEdit.text(field) == MASK * 2


def test_reading_the_field_gives_only_the_count(qtbot):
    field = SecretField()
    field.setAccessibleName("Passphrase")
    qtbot.addWidget(field)
    field.show()
    with UpdateHandler():
        qtbot.keyClicks(field, "QZXqzx")
        for revealed in (False, True):
            field.set_revealed(revealed)
            texts = accessible_texts(field)
            assert texts == [MASK * 6, "Passphrase", "", MASK * 6]
            assert QAccessible.queryAccessibleInterface(field).state().passwordEdit
            assert QLineEdit.text(field) == MASK * 6      # what Qt (and so every bridge) holds
            assert field.text() == "QZXqzx"


def test_a_revealed_field_shows_the_text_but_sends_masks(qtbot):
    field = SecretField()
    qtbot.addWidget(field)
    field.resize(300, 30)
    field.show()
    field.set_revealed(True)
    with UpdateHandler() as recorder:
        qtbot.keyClicks(field, "ABCD-EFGH")
        field.grab()  # paints the characters themselves
    assert typed_leaks(recorder) == []
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=QPoint(4, 15))
    assert field.cursorPosition() == 0


def _secret_fields_typed(qtbot, root, recorder) -> list[SecretField]:
    fields = root.findChildren(SecretField)
    for field in fields:
        field.setFocus()
        qtbot.keyClicks(field, SECRET)
    return fields


def test_every_secret_field_in_the_app_is_a_secret_field(qtbot, data_dir, tmp_path):
    """Unlock (passphrase and recovery code), first-run wizard, change passphrase, drop folder password."""
    from gui_helpers import make_journal, new_controller

    from ui.exchange.transport.drop_dialog import FolderFields
    from ui.safety.passphrase_dialog import ChangePassphraseDialog
    from ui.wizard import PassphrasePage

    make_journal(data_dir)
    controller = new_controller(qtbot, data_dir, tmp_path)
    window = controller.unlock_window
    page = PassphrasePage()
    dialog = ChangePassphraseDialog()
    folder = FolderFields()
    roots = [window, page, dialog, folder]
    for root in roots[1:]:
        qtbot.addWidget(root)
        root.show()
    with UpdateHandler() as recorder:
        counts = [len(_secret_fields_typed(qtbot, root, recorder)) for root in roots]
        window._toggle_mode()  # the recovery code: shown on screen, masks on the bus
        qtbot.keyClicks(window.field, "ABCD-EFGH")
        page.show_box.setChecked(True)
        qtbot.keyClicks(page.first, "more")
    assert counts == [1, 2, 2, 1]
    assert recorder.of_type(QAccessible.Event.TextInserted)
    assert typed_leaks(recorder) == []
    # No other password-mode line edit anywhere in these windows.
    for root in roots:
        for edit in root.findChildren(QLineEdit):
            if edit.echoMode() != QLineEdit.EchoMode.Normal:
                assert isinstance(edit, SecretField), edit


def test_no_password_echo_mode_outside_the_secret_field():
    """Every secret field goes through SecretField: nobody sets Password echo mode by hand."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "ui"
    offenders = [str(path) for path in root.rglob("*.py")
                 if path.name != "secret_field.py" and "EchoMode.Password" in path.read_text(encoding="utf-8")]
    assert offenders == []
