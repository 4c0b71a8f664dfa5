"""Issue 19 item 7 in the GUI: a name from a card or a bundle is shown as plain text, never HTML."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from journal.exchange.bundle import Identity
from journal.exchange.importer import NewSender
from ui.exchange.coordinators import FingerprintCheckDialog
from ui.exchange.importing import ask_trust

pytestmark = pytest.mark.gui

NAME = "<img src='file:///etc/passwd'><b>HQ</b><a href='https://example.org'>click</a>"
FINGERPRINT = "abcde fghij klmno pqrst"


def test_the_trust_question_shows_the_senders_name_as_plain_text(qtbot, monkeypatch):
    seen = []

    def fake_exec(box):
        seen.append((box.textFormat(), box.text()))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    question = NewSender(NAME, FINGERPRINT.replace(" ", ""), Identity.generate().age_recipient, [])
    assert ask_trust(None, question) is False
    (text_format, text), = seen
    assert text_format == Qt.TextFormat.PlainText and NAME in text


def test_the_fingerprint_dialog_shows_the_name_as_plain_text(qtbot):
    dialog = FingerprintCheckDialog(NAME, FINGERPRINT.replace(" ", ""))
    qtbot.addWidget(dialog)
    (label,) = [w for w in dialog.findChildren(QLabel) if NAME in w.text()]
    assert label.textFormat() == Qt.TextFormat.PlainText


def test_the_received_entry_panel_shows_the_sender_as_plain_text(qtbot):
    from PySide6.QtWidgets import QWidget

    from ui.exchange.received_review import BundlePanel

    editor = QWidget()
    qtbot.addWidget(editor)
    panel = BundlePanel(editor)
    qtbot.addWidget(panel)
    assert panel.provenance.textFormat() == Qt.TextFormat.PlainText
    assert panel.sent_line.textFormat() == Qt.TextFormat.PlainText
