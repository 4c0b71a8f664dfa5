"""Unlock window: wrong then right passphrase, recovery code, nothing secret in titles."""

from __future__ import annotations

import pytest

from conftest import PASSPHRASE
from gui_helpers import SAMPLE_ENTRIES, make_journal, new_controller, unlock

pytestmark = pytest.mark.gui


def test_wrong_then_right_passphrase(qtbot, data_dir, tmp_path):
    make_journal(data_dir, SAMPLE_ENTRIES, name="Secret group name")
    controller = new_controller(qtbot, data_dir, tmp_path)
    window = controller.unlock_window
    qtbot.addWidget(window)
    assert window.isVisible()
    assert str(data_dir) in window.folder_label.text()

    window.field.setText("not the passphrase")
    window.unlock_button.click()
    assert window.field.text() == ""  # cleared as soon as it was handed to the worker
    qtbot.waitUntil(lambda: window.error.isVisible() and not window.working, timeout=10_000)
    assert "Wrong passphrase" in window.error.text()
    assert window.field.text() == ""
    assert controller.session is None

    unlock(qtbot, controller)
    main = controller.main_window
    qtbot.addWidget(main)
    assert main.isVisible() and not window.isVisible()
    assert main.model.rowCount() == len(SAMPLE_ENTRIES)
    assert main.journal_name.text() == "Secret group name"
    for title in (main.windowTitle(), window.windowTitle()):
        assert "Secret" not in title and PASSPHRASE not in title
    controller.quit()


def test_unlock_with_recovery_code(qtbot, data_dir, tmp_path):
    code = make_journal(data_dir, SAMPLE_ENTRIES)
    controller = new_controller(qtbot, data_dir, tmp_path)
    window = controller.unlock_window
    qtbot.addWidget(window)
    window._toggle_mode()
    assert window.recovery_mode
    unlock(qtbot, controller, code.lower())
    qtbot.addWidget(controller.main_window)
    assert controller.main_window.model.rowCount() == len(SAMPLE_ENTRIES)
    controller.quit()


def test_unlock_does_not_block_the_gui_thread(qtbot, data_dir, tmp_path):
    """Key derivation runs on a worker: the window stays responsive and shows it is busy."""
    make_journal(data_dir)
    controller = new_controller(qtbot, data_dir, tmp_path)
    window = controller.unlock_window
    qtbot.addWidget(window)
    window.field.setText(PASSPHRASE)
    with qtbot.waitSignal(controller.unlocked, timeout=10_000):
        window.submit()
        # submit() returned before the key was derived: the GUI thread was not blocked.
        assert window.working or controller.session is not None
    qtbot.addWidget(controller.main_window)
    controller.quit()
