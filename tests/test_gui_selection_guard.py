"""What the PRIMARY-selection guard calls secret, and what lock clears (issue 19, item 9).
The real X11 behaviour is tested on Xvfb in tests/test_x11_selection.py; offscreen Qt has no
selection, so these check the rules and the clipboard part."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit

from ui.common import clipboard

pytestmark = pytest.mark.gui


def test_recovery_codes_and_marked_fields_are_secret(qtbot):
    assert clipboard.is_secret_text("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567")
    assert clipboard.is_secret_text("code: abcd efgh ijkl mnop qrst uvwx yz23 4567 ")
    assert not clipboard.is_secret_text("Detentions at the station square")
    field = QLineEdit("my passphrase typed in the clear")
    qtbot.addWidget(field)
    clipboard.mark_secret(field)
    field.selectAll()
    assert clipboard.is_secret_text("my passphrase typed in the clear")
    field.deselect()
    assert not clipboard.is_secret_text("my passphrase typed in the clear")


def test_clear_owned_clears_our_copies(qtbot):
    clipboard.copy_secret("+7 900 000-00-00")
    result = clipboard.clear_owned()
    assert result["ours"] and QGuiApplication.clipboard().text() == ""
