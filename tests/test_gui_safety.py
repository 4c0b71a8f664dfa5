"""Field safety in the GUI: lock triggers, clipboard, failed attempts, erase, backup, folder gone."""
# ruff: noqa: F811  (pytest fixtures imported from other test modules)

from __future__ import annotations

import datetime as dt

import pytest
from conftest import PASSPHRASE

from journal.storage.paths import journal_files
from tests.gui_helpers import (  # noqa: F401
    SAMPLE_ENTRIES,
    make_journal,
    new_controller,
    unlock,
    unlocked,
)
from tests.inode_watch import InodeWatch
from ui.safety import controller as safety_controller
from ui.common.settings import Settings


@pytest.fixture
def messages(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(safety_controller, "inform", lambda parent, text, warning=False: shown.append(text))
    return shown


def _fail_once(qtbot, controller, secret="wrong passphrase!") -> None:
    window = controller.unlock_window
    window.field.setText(secret)
    with qtbot.waitSignal(window.attempt_failed, timeout=10_000):
        window.unlock_button.click()
    qtbot.waitUntil(lambda: not window.working)


# --- locking -------------------------------------------------------------------------------------------
def test_screen_lock_sleep_and_minimize_lock(qtbot, unlocked):
    triggers = unlocked.safety.triggers
    triggers.screen_locked(True)
    assert unlocked.session is None
    unlock(qtbot, unlocked)
    triggers.going_to_sleep(False)  # waking up is no reason to lock
    assert unlocked.session is not None
    triggers.going_to_sleep(True)
    assert unlocked.session is None
    unlock(qtbot, unlocked)
    window = unlocked.main_window
    window.showMinimized()
    assert unlocked.session is not None  # off by default
    window.showNormal()
    unlocked.apply_settings(Settings(lock_on_minimize=True))
    window.showMinimized()
    qtbot.waitUntil(lambda: unlocked.session is None, timeout=20_000)


def _fake_qtdbus(session, system):
    """A stand-in PySide6.QtDBus whose buses are `session` and `system` (callables)."""
    import types

    module = types.ModuleType("PySide6.QtDBus")

    class QDBusConnection:
        sessionBus = staticmethod(session)
        systemBus = staticmethod(system)

    module.QDBusConnection = QDBusConnection
    return module


class _Bus:
    def __init__(self, up: bool, accepts: bool = True) -> None:
        self.up, self.accepts, self.calls = up, accepts, []

    def isConnected(self):  # noqa: N802 - Qt's name
        return self.up

    def connect(self, *args):
        self.calls.append(args)
        return self.accepts


def test_no_dbus_is_no_failure(qtbot, unlocked):
    import sys

    from ui.safety.lock import LockTriggers

    with pytest.MonkeyPatch.context() as mp:
        # No bus running: nothing is connected, nothing raises, and the idle timer stays the fallback.
        down = _Bus(up=False)
        mp.setitem(sys.modules, "PySide6.QtDBus", _fake_qtdbus(lambda: down, lambda: down))
        triggers = LockTriggers()
        assert triggers.connect_desktop() == [] and down.calls == []

        # A broken session bus (raises) does not stop the system bus from being connected.
        def broken():
            raise RuntimeError("bus gone")

        system = _Bus(up=True)
        mp.setitem(sys.modules, "PySide6.QtDBus", _fake_qtdbus(broken, lambda: system))
        triggers = LockTriggers()
        assert triggers.connect_desktop() == ["PrepareForSleep"]
        assert system.calls[0][:4] == ("org.freedesktop.login1", "/org/freedesktop/login1",
                                       "org.freedesktop.login1.Manager", "PrepareForSleep")

        # Both buses up: both signals; a bus that refuses the connection is not listed.
        session, system = _Bus(up=True), _Bus(up=True, accepts=False)
        mp.setitem(sys.modules, "PySide6.QtDBus", _fake_qtdbus(lambda: session, lambda: system))
        assert LockTriggers().connect_desktop() == ["ActiveChanged"]

        # Without QtDBus at all (Windows/macOS builds): an empty list.
        mp.setitem(sys.modules, "PySide6.QtDBus", None)
        assert LockTriggers().connect_desktop() == []

    # The real call in this environment only ever reports the two known signals.
    assert set(unlocked.safety.triggers.connect_desktop()) <= {"ActiveChanged", "PrepareForSleep"}


def test_auto_lock_never(qtbot, unlocked):
    unlocked.apply_settings(Settings(auto_lock_enabled=False))
    assert not unlocked.idle_watcher.active
    unlocked.lock()
    unlock(qtbot, unlocked)
    assert not unlocked.idle_watcher.active


def test_idle_timer_ignores_wall_clock_and_locks_after_suspend(qtbot, unlocked, monkeypatch):
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    from ui import idle

    watcher = unlocked.idle_watcher
    clock = [1000.0]
    monkeypatch.setattr(idle, "_now", lambda: clock[0])
    watcher.start()
    key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier)
    watcher.eventFilter(watcher, key)  # input: restarts the timer
    assert watcher.active
    clock[0] += 10 * 60  # the machine slept for ten minutes; QTimer did not notice
    watcher.eventFilter(watcher, key)
    with qtbot.waitSignal(unlocked.locked, timeout=20_000):
        pass


def test_lock_clears_our_clipboard_and_cancels_ops(qtbot, unlocked):
    import threading

    from PySide6.QtGui import QGuiApplication

    from ui.common.clipboard import copy_secret
    from ui.common.ops import run_op

    copy_secret("+7 900 000-00-00")
    release = threading.Event()
    outcome = []

    def work(ctx):
        while not ctx.cancelled():
            release.wait(0.01)
        ctx.check_cancelled()

    run_op(None, work, lambda r: outcome.append("done"), lambda e: outcome.append(type(e).__name__))
    unlocked.lock()
    assert QGuiApplication.clipboard().text() == ""
    qtbot.waitUntil(lambda: outcome == ["Cancelled"], timeout=20_000)


def test_tray_has_lock_action(qtbot, unlocked):
    tray = unlocked.safety.tray
    assert tray.lock_action.isEnabled()
    tray.lock_action.trigger()
    assert unlocked.session is None and not tray.lock_action.isEnabled()


# --- clipboard ------------------------------------------------------------------------------------------
def test_clipboard_marks_secret_and_clears_only_ours(qtbot):
    from PySide6.QtGui import QGuiApplication

    from ui.common import clipboard

    board = QGuiApplication.clipboard()
    clipboard.copy_secret("RECOVERY-CODE-1234", clear_after_ms=50)
    mime = board.mimeData()
    assert mime.text() == "RECOVERY-CODE-1234"
    assert bytes(mime.data("x-kde-passwordManagerHint")) == b"secret"
    assert mime.hasFormat("org.nspasteboard.ConcealedType")
    assert bytes(mime.data("CanIncludeInClipboardHistory")) == b"\0\0\0\0"
    assert mime.hasFormat("ExcludeClipboardContentFromMonitorProcessing")
    qtbot.waitUntil(lambda: board.text() == "", timeout=20_000)

    clipboard.copy_secret("+380 44 000 0000", clear_after_ms=50)
    token = clipboard._token_on_clipboard()
    assert token in clipboard._live_tokens
    board.setText("something the user copied elsewhere")
    # Wait for the clear timer itself to have run (it forgets its marker), then look.
    qtbot.waitUntil(lambda: token not in clipboard._live_tokens, timeout=20_000)
    assert board.text() == "something the user copied elsewhere"
    assert clipboard.CLEAR_AFTER_MS == 30_000


# --- failed attempts and erase ------------------------------------------------------------------------------
def test_failed_attempts_persist_and_reset(qtbot, data_dir, tmp_path, messages):
    from ui.safety.attempts import ATTEMPTS_FILE, FailedAttempts

    make_journal(data_dir)
    controller = new_controller(qtbot, data_dir, tmp_path)
    _fail_once(qtbot, controller)
    _fail_once(qtbot, controller)
    assert FailedAttempts(data_dir, tmp_path / "config").count == 2
    assert "2 wrong attempts" in controller.unlock_window.attempts_label.text()
    # Counted in the journal folder (issue 19, item 2), holding nothing but the count.
    assert (data_dir / ATTEMPTS_FILE).read_bytes() == b".."
    assert not (tmp_path / "config" / "unlock-attempts.json").exists()
    controller.quit()
    again = new_controller(qtbot, data_dir, tmp_path)  # a restart
    assert "2 wrong attempts" in again.unlock_window.attempts_label.text()
    unlock(qtbot, again)
    assert FailedAttempts(data_dir, tmp_path / "config").count == 0
    again.quit()


def test_erase_after_n_failed_attempts(qtbot, data_dir, tmp_path, messages):
    make_journal(data_dir)
    controller = new_controller(qtbot, data_dir, tmp_path)
    controller.context.settings = Settings(erase_after_failed=5)
    for _ in range(4):
        _fail_once(qtbot, controller)
    assert journal_files(data_dir)["keys"].exists()
    files = journal_files(data_dir)
    with InodeWatch([files["keys"], files["db"]]) as watch:
        _fail_once(qtbot, controller)
        assert watch.not_overwritten() == []
    assert not journal_files(data_dir)["keys"].exists() and not journal_files(data_dir)["db"].exists()
    assert messages and "erased" in messages[-1]


def test_erase_dialog_needs_the_typed_word(qtbot, data_dir):
    from ui.safety.erase import EraseDialog

    dialog = EraseDialog(data_dir)
    qtbot.addWidget(dialog)
    assert not dialog.erase_button.isEnabled()
    dialog.field.setText("erase it")
    assert not dialog.erase_button.isEnabled()
    dialog.field.setText(dialog.word)
    assert dialog.erase_button.isEnabled()
    dialog.erase_button.click()
    assert dialog.result() == EraseDialog.DialogCode.Accepted


def test_erase_from_unlock_window(qtbot, data_dir, tmp_path, messages, monkeypatch):
    make_journal(data_dir)
    controller = new_controller(qtbot, data_dir, tmp_path)
    monkeypatch.setattr(safety_controller, "confirm_erase", lambda parent, folder: False)
    controller.unlock_window.erase_button.click()
    assert journal_files(data_dir)["keys"].exists()
    monkeypatch.setattr(safety_controller, "confirm_erase", lambda parent, folder: True)
    files = journal_files(data_dir)
    with InodeWatch([files["keys"], files["db"]]) as watch:
        controller.unlock_window.erase_button.click()
        assert watch.not_overwritten() == []  # the bytes, not only the names
    assert not any(p.exists() for p in journal_files(data_dir).values())
    assert controller.safety.erased_report.erased[0] == "journal.keys"


def test_erase_from_main_window_menu(qtbot, unlocked, data_dir, messages, monkeypatch):
    monkeypatch.setattr(safety_controller, "confirm_erase", lambda parent, folder: True)
    files = journal_files(data_dir)
    with InodeWatch([files["keys"], files["db"]]) as watch:
        unlocked.safety.erase_action.trigger()
        assert watch.not_overwritten() == []
    assert unlocked.session is None
    assert not journal_files(data_dir)["keys"].exists() and not journal_files(data_dir)["db"].exists()
    assert unlocked.main_window.model.rowCount() == 0


# --- backup -----------------------------------------------------------------------------------------------------
def test_backup_from_menu_records_time_in_journal(qtbot, unlocked, tmp_path):
    from journal.storage.backup import verify_backup
    from ui.safety.backup import last_backup_at

    reader = unlocked.session.reader
    assert last_backup_at(reader.db) is None
    out = tmp_path / "b.ijbackup"
    op = unlocked.safety.start_backup(out)
    qtbot.waitUntil(lambda: op.done, timeout=20_000)
    assert out.exists()
    assert last_backup_at(reader.db) is not None
    assert verify_backup(out, bytes(unlocked.session.journal._data_key)) == len(SAMPLE_ENTRIES)
    settings_text = "".join(p.read_text() for p in (tmp_path / "config").glob("*.json"))
    assert "backup" not in settings_text


def test_backup_reminder(qtbot, unlocked):
    safety = unlocked.safety
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=20)
    safety.update_reminder(later)
    assert "20 days" in safety.reminder.text()
    safety.update_reminder()
    assert safety.reminder.text() == ""
    unlocked.session.write_and_wait(lambda j: j.set_meta("last_backup_at", later.isoformat()))
    safety.update_reminder(later + dt.timedelta(days=3))
    assert safety.reminder.text() == ""


def test_restore_menu_into_empty_folder(qtbot, unlocked, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    out = tmp_path / "b.ijbackup"
    op = unlocked.safety.start_backup(out)
    qtbot.waitUntil(lambda: op.done, timeout=20_000)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    target = tmp_path / "restored"
    op = unlocked.safety.start_restore(out, target)
    qtbot.waitUntil(lambda: op.done, timeout=20_000)
    assert journal_files(target)["keys"].exists()
    assert unlocked.session is None and unlocked.context.data_dir == target
    unlock(qtbot, unlocked)
    assert unlocked.main_window.model.rowCount() == len(SAMPLE_ENTRIES)


# --- robustness -----------------------------------------------------------------------------------------------------
def test_journal_folder_removed_while_running(qtbot, unlocked, data_dir, messages):
    import shutil

    window = unlocked.main_window
    window.select_rowid(window.model.rowid_at(0))
    shutil.rmtree(data_dir)
    assert unlocked.safety.check_folder() is False
    assert unlocked.session is None
    assert messages and "is gone" in messages[-1]


def test_passphrase_field_cleared_after_use(qtbot, data_dir, tmp_path, messages):
    make_journal(data_dir)
    controller = new_controller(qtbot, data_dir, tmp_path)
    window = controller.unlock_window
    window.field.setText(PASSPHRASE)
    window.unlock_button.click()
    assert window.field.text() == ""  # handed to the worker, then gone from the widget
    qtbot.waitUntil(lambda: controller.session is not None, timeout=10_000)
    assert window.field.text() == ""
    controller.lock()
    _fail_once(qtbot, controller)
    assert window.field.text() == ""
    controller.quit()


def test_cli_failures_show_in_the_gui_and_a_symlink_shares_the_count(qtbot, data_dir, tmp_path, messages):
    """One count per journal (issue 19, item 2): wrong passphrases at the command line and
    through a symlink to the folder count with the GUI's."""
    from journal.cli import main

    make_journal(data_dir)
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase at all\n")
    link = tmp_path / "link"
    link.symlink_to(data_dir, target_is_directory=True)
    assert main(["--data-dir", str(data_dir), "--passphrase-file", str(wrong), "list"]) == 1
    assert main(["--data-dir", str(link), "--passphrase-file", str(wrong), "list"]) == 1
    controller = new_controller(qtbot, link, tmp_path)
    assert "2 wrong attempts" in controller.unlock_window.attempts_label.text()
    _fail_once(qtbot, controller)
    assert "3 wrong attempts" in controller.unlock_window.attempts_label.text()
    controller.quit()
