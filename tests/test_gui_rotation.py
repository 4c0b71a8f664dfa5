"""Journal → Change passphrase…, plain and with "Change the key too" (issue 19, item 1)."""
# ruff: noqa: F811  (pytest fixtures imported from other test modules)

from __future__ import annotations

import io

import pytest
from conftest import PASSPHRASE

from journal.errors import WrongPassphrase
from journal.storage.vault import Journal
from tests.gui_helpers import SAMPLE_ENTRIES, make_journal, new_controller, unlock, unlocked  # noqa: F401
from ui.safety import controller as safety_controller

pytestmark = pytest.mark.gui
NEW = "a new passphrase after the border"


@pytest.fixture
def answers(monkeypatch):
    """The dialog filled in as a person would; what was shown is recorded."""
    shown = {"codes": [], "messages": [], "dialogs": []}

    def fill(rotate):
        def ask(dialog):
            shown["dialogs"].append(dialog)
            dialog.first.setText(NEW)
            dialog.second.setText(NEW)
            dialog.rotate.setChecked(rotate)
            return True
        monkeypatch.setattr(safety_controller, "ask", ask)

    monkeypatch.setattr(safety_controller, "show_recovery_code", lambda parent, code: shown["codes"].append(code))
    monkeypatch.setattr(safety_controller, "inform", lambda parent, text, warning=False: shown["messages"].append(text))
    shown["fill"] = fill
    return shown


def test_menu_has_change_passphrase(qtbot, unlocked):
    assert unlocked.safety.passphrase_action in unlocked.main_window.journal_menu.actions()


def test_plain_change_keeps_the_key(qtbot, unlocked, data_dir, answers):
    answers["fill"](False)
    old_key = bytes(unlocked.session.journal._data_key)
    unlocked.safety.passphrase_action.trigger()
    qtbot.waitUntil(lambda: "Passphrase changed" in unlocked.main_window.statusBar().currentMessage(), timeout=20_000)
    assert bytes(unlocked.session.journal._data_key) == old_key
    assert answers["dialogs"][0].first.text() == ""  # emptied once taken
    unlocked.lock()
    with pytest.raises(WrongPassphrase):
        Journal.open(data_dir, PASSPHRASE)


def test_change_the_key_too(qtbot, unlocked, data_dir, answers):
    journal = unlocked.session.journal
    entry_uuid = unlocked.session.reader.db.query("SELECT uuid FROM entries LIMIT 1")[0][0]
    unlocked.session.write_and_wait(lambda j: j.attachments.add_stream(entry_uuid, io.BytesIO(b"p" * 300_000), "p.bin"))
    old_key = bytes(journal._data_key)
    answers["fill"](True)
    unlocked.safety.passphrase_action.trigger()
    qtbot.waitUntil(lambda: unlocked.session is None, timeout=60_000)  # locked after the change
    assert len(answers["codes"]) == 1 and not answers["messages"]
    with pytest.raises(WrongPassphrase):
        Journal.open(data_dir, PASSPHRASE)
    unlock(qtbot, unlocked, NEW)
    assert bytes(unlocked.session.journal._data_key) != old_key
    assert unlocked.session.journal.verify() == []
    unlocked.lock()
    with Journal.open(data_dir, recovery_code=answers["codes"][0]) as reopened:
        assert reopened.db.query_one("SELECT count(*) FROM entries")[0] == len(SAMPLE_ENTRIES)


def test_dialog_refuses_short_or_different(qtbot):
    from ui.safety.passphrase_dialog import ChangePassphraseDialog, NewRecoveryCodeDialog

    dialog = ChangePassphraseDialog()
    qtbot.addWidget(dialog)
    dialog.first.setText("short")
    dialog.second.setText("short")
    dialog.accept()
    assert not dialog.error.isHidden() and dialog.result() != dialog.DialogCode.Accepted
    dialog.first.setText(NEW)
    dialog.second.setText(NEW + "x")
    dialog.accept()
    assert "differ" in dialog.error.text()
    shown = NewRecoveryCodeDialog("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567")
    qtbot.addWidget(shown)
    assert "old passphrase" in " ".join(label.text() for label in shown.findChildren(type(shown.code)))


def test_cancelled_key_change_changes_nothing(qtbot, unlocked, data_dir, answers):
    entry_uuid = unlocked.session.reader.db.query("SELECT uuid FROM entries LIMIT 1")[0][0]
    big = io.BytesIO(bytes(range(256)) * (40 * 4096))  # 40 MiB: the re-encryption takes a while
    unlocked.session.write_and_wait(lambda j: j.attachments.add_stream(entry_uuid, big, "v.bin"), timeout=120)
    old_key = bytes(unlocked.session.journal._data_key)
    op = unlocked.safety.start_rotation(NEW)
    op.cancel()
    qtbot.waitUntil(lambda: bool(answers["messages"]), timeout=60_000)
    assert "Nothing was changed" in answers["messages"][-1]
    assert not answers["codes"] and unlocked.session is not None
    assert bytes(unlocked.session.journal._data_key) == old_key
    unlocked.lock()
    with Journal.open(data_dir, PASSPHRASE) as journal:
        assert journal.verify() == []
