"""The real trust-new-sender question and the real fingerprint comparison dialog, driven as a
person would: the modal window opens, the test reads it and presses one of its buttons.

Other GUI tests replace ask_trust/confirm_fingerprint with lambdas to keep their focus; here
nothing is replaced, so the texts, icons, default buttons and the "DIFFERENT key" warning branch
really run.
"""
# ruff: noqa: F811  (pytest fixtures imported from other test modules)

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from conftest import FAST_KDF, PASSPHRASE
from gui_helpers import unlocked  # noqa: F401  (fixture)
from journal.exchange.bundle.card import decode_card
from journal.storage.vault import Journal
from tests.test_gui_bundles import _bundle_for_gui, _card_of_gui, _feature, other  # noqa: F401
from ui.exchange.common import fingerprint_groups
from ui.exchange.coordinators import FingerprintCheckDialog

pytestmark = pytest.mark.gui


class ModalAnswers:
    """Answers the next modal windows in order: each handler gets the window and clicks."""

    def __init__(self, *handlers) -> None:
        self.handlers = list(handlers)
        self.seen: list = []
        self.errors: list[BaseException] = []
        self.deadline = time.monotonic() + 120  # never poll on into later tests
        QTimer.singleShot(0, self._poll)

    def _poll(self) -> None:
        if not self.handlers or time.monotonic() > self.deadline:
            return
        widget = QApplication.activeModalWidget()
        if widget is None or widget in self.seen or not widget.isVisible():
            QTimer.singleShot(10, self._poll)
            return
        self.seen.append(widget)
        handler = self.handlers.pop(0)
        # Keep polling first: a click may open the next modal window from inside this call.
        QTimer.singleShot(10, self._poll)
        try:
            handler(widget)
        except BaseException as exc:  # noqa: BLE001 - reported by done(); the dialog must still close
            self.errors.append(exc)
            widget.reject() if hasattr(widget, "reject") else widget.close()

    def done(self) -> bool:
        if self.errors:
            raise self.errors[0]
        return not self.handlers


def _trust_answer(answer: QMessageBox.StandardButton, record: dict):
    def handle(box):
        assert isinstance(box, QMessageBox)
        record.update(text=box.text(), icon=box.icon(), default=box.defaultButton(), title=box.windowTitle())
        box.button(answer).click()
    return handle


def _import(qtbot, controller, path):
    controller.dialog = None
    controller.import_paths([str(path)])
    qtbot.waitUntil(lambda: controller.dialog is not None, timeout=30_000)
    (result,) = controller.last_run.results
    controller.dialog.close()
    return result


def test_real_trust_question_for_a_new_sender(qtbot, unlocked, other, tmp_path):
    path = _bundle_for_gui(other, unlocked, tmp_path / "a.ijbundle")
    asked: dict = {}
    answers = ModalAnswers(_trust_answer(QMessageBox.StandardButton.Yes, asked))
    result = _import(qtbot, _feature(unlocked).importer, path)
    assert answers.done()
    assert asked["icon"] == QMessageBox.Icon.Question
    assert asked["title"] == "Trust this sender?"
    assert "Olena K." in asked["text"] and fingerprint_groups(other.identity.fingerprint) in asked["text"]
    assert "DIFFERENT" not in asked["text"]
    assert result.status == "accepted"
    senders = unlocked.session.write_and_wait(lambda j: j.senders.list())
    assert [s.fingerprint for s in senders] == [other.identity.fingerprint]


def test_trust_question_defaults_to_no(qtbot, unlocked, other, tmp_path):
    path = _bundle_for_gui(other, unlocked, tmp_path / "a.ijbundle")
    asked: dict = {}

    def press_enter(box):
        asked["default"] = box.defaultButton()
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
        box.defaultButton().click()  # what Enter does

    answers = ModalAnswers(press_enter)
    result = _import(qtbot, _feature(unlocked).importer, path)
    assert answers.done()
    assert result.status == "rejected" and "unknown sender" in result.reason
    assert unlocked.session.write_and_wait(lambda j: j.senders.list()) == []


def test_same_name_with_a_different_key_is_a_loud_warning(qtbot, unlocked, other, tmp_path):
    controller = _feature(unlocked).importer
    first: dict = {}
    answers = ModalAnswers(_trust_answer(QMessageBox.StandardButton.Yes, first))
    assert _import(qtbot, controller, _bundle_for_gui(other, unlocked, tmp_path / "a.ijbundle")).status == "accepted"
    assert answers.done() and "DIFFERENT" not in first["text"]

    # Someone else, with the same display name and their own keys, sends a bundle.
    impostor = Journal.create(tmp_path / "impostor", PASSPHRASE, "Olena K.", kdf=FAST_KDF, card_name="Olena K.").journal
    try:
        impostor.identity.set_display_name(other.identity.display_name)
        assert impostor.identity.fingerprint != other.identity.fingerprint
        second: dict = {}
        answers = ModalAnswers(_trust_answer(QMessageBox.StandardButton.No, second))
        result = _import(qtbot, controller, _bundle_for_gui(impostor, unlocked, tmp_path / "b.ijbundle", "Fake"))
        assert answers.done()
    finally:
        impostor.close()
    assert second["icon"] == QMessageBox.Icon.Warning
    assert second["text"].startswith("WARNING: a sender called “Olena K.” is already known with a DIFFERENT key")
    assert fingerprint_groups(impostor.identity.fingerprint) in second["text"]
    assert second["default"] is not None
    assert result.status == "rejected"
    senders = unlocked.session.write_and_wait(lambda j: j.senders.list())
    assert [s.fingerprint for s in senders] == [other.identity.fingerprint]


def _press(role: QDialogButtonBox.ButtonRole, record: dict | None = None):
    def handle(dialog):
        assert isinstance(dialog, FingerprintCheckDialog)
        if record is not None:
            record["groups"] = dialog.groups.text()
        box = dialog.findChild(QDialogButtonBox)
        (button,) = [b for b in box.buttons() if box.buttonRole(b) == role]
        button.click()
    return handle


def _ok_warning(record: dict):
    def handle(box):
        assert isinstance(box, QMessageBox)
        record.update(title=box.windowTitle(), text=box.text(), icon=box.icon())
        box.button(QMessageBox.StandardButton.Ok).click()
    return handle


def test_real_fingerprint_dialog_match_marks_the_coordinator_verified(qtbot, unlocked, other):
    page = _feature(unlocked).coordinators_page
    shown: dict = {}
    answers = ModalAnswers(_press(QDialogButtonBox.ButtonRole.AcceptRole, shown))
    page.add_card(decode_card(other.identity.card_text()))
    qtbot.waitUntil(lambda: answers.done() and page.current() is not None and page.current().verified,
                    timeout=30_000)
    assert shown["groups"] == fingerprint_groups(other.identity.fingerprint)


def test_real_fingerprint_dialog_differ_warns_and_leaves_it_unverified(qtbot, unlocked, other):
    page = _feature(unlocked).coordinators_page
    warning: dict = {}
    answers = ModalAnswers(_press(QDialogButtonBox.ButtonRole.ActionRole), _ok_warning(warning))  # "They differ"
    page.add_card(decode_card(other.identity.card_text()))
    qtbot.waitUntil(lambda: answers.done(), timeout=30_000)
    qtbot.waitUntil(lambda: page.current() is not None, timeout=30_000)
    assert warning["icon"] == QMessageBox.Icon.Warning and "differ" in warning["text"]
    assert page.current().verified is False
    stored = unlocked.session.write_and_wait(lambda j: j.coordinators.list())
    assert [c.verified for c in stored] == [False]


def test_real_fingerprint_dialog_on_the_senders_page(qtbot, unlocked, other, tmp_path):
    answers = ModalAnswers(_trust_answer(QMessageBox.StandardButton.Yes, {}))
    _import(qtbot, _feature(unlocked).importer, _bundle_for_gui(other, unlocked, tmp_path / "a.ijbundle"))
    assert answers.done()
    page = _feature(unlocked).senders_page
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=30_000)
    page.table.selectRow(0)
    shown: dict = {}
    answers = ModalAnswers(_press(QDialogButtonBox.ButtonRole.AcceptRole, shown))
    page.verify_current()
    qtbot.waitUntil(lambda: answers.done(), timeout=30_000)
    qtbot.waitUntil(lambda: unlocked.session.write_and_wait(lambda j: j.senders.list())[0].verified,
                    timeout=30_000)
    assert shown["groups"] == fingerprint_groups(other.identity.fingerprint)
