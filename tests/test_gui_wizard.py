"""First run: the wizard creates a journal, shows the recovery code once, opens the main window."""

from __future__ import annotations

import pytest

from conftest import PASSPHRASE
from gui_helpers import new_controller

from journal.storage.vault import derive_data_key, journal_exists

pytestmark = pytest.mark.gui


def test_wizard_creates_journal(qtbot, data_dir, tmp_path):
    controller = new_controller(qtbot, data_dir, tmp_path)
    wizard = controller.wizard
    assert wizard is not None and controller.unlock_window is None
    qtbot.addWidget(wizard)
    wizard.next()
    page = wizard.passphrase_page
    assert wizard.currentPage() is page

    page.first.setText("password1")
    page.second.setText("password1")
    assert not page.isComplete()  # weak: needs the explicit "use it anyway"
    assert page.accept_weak.isVisible() or not page.isVisible()
    assert "weak" in page.hint.text()

    page.second.setText("different passphrase entirely")
    page.first.setText(PASSPHRASE)
    assert not page.isComplete()
    assert "different" in page.hint.text()
    page.second.setText(PASSPHRASE)
    assert page.isComplete()
    wizard.next()
    assert wizard.currentPage() is wizard.name_page
    wizard.name_page.name.setText("Field notes")

    wizard.next()  # the commit page: starts creation on a worker
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=10_000)
    assert journal_exists(data_dir)
    assert page.first.text() == "" and page.second.text() == ""  # passphrase fields cleared
    code = wizard.recovery_page.code.text()
    assert len(code.replace("-", "")) == 32
    assert not wizard.recovery_page.isComplete()
    wizard.reject()  # cannot walk away before confirming the code
    assert wizard.isVisible()

    wizard.recovery_page.confirm.setChecked(True)
    with qtbot.waitSignal(controller.unlocked, timeout=20_000):
        wizard.accept()
    main = controller.main_window
    qtbot.addWidget(main)
    assert main.isVisible()
    assert main.journal_name.text() == "Field notes"
    assert wizard.recovery_page.code.text() == ""
    assert "Field notes" not in main.windowTitle()
    qtbot.waitUntil(main.list_empty.isVisible, timeout=20_000)  # the first list is read off the GUI thread
    assert "Ctrl+N" in main.list_empty.text()
    controller.quit()

    # The code shown is a working recovery code.
    assert len(derive_data_key(data_dir, recovery_code=code)) == 32


def test_wizard_uses_the_kdf_it_is_given(qtbot, data_dir, tmp_path):
    """Users get DEFAULT_KDF; tests pass a cheap profile explicitly."""
    import json

    from conftest import FAST_KDF
    from journal.storage.keyslots import DEFAULT_KDF
    from ui.app import AppContext

    assert AppContext(data_dir).kdf == DEFAULT_KDF
    controller = new_controller(qtbot, data_dir, tmp_path)
    wizard = controller.wizard
    qtbot.addWidget(wizard)
    wizard.next()
    wizard.passphrase_page.first.setText(PASSPHRASE)
    wizard.passphrase_page.second.setText(PASSPHRASE)
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=10_000)
    assert json.loads((data_dir / "journal.keys").read_text())["kdf"]["memory_kib"] == FAST_KDF.memory_kib
    wizard.recovery_page.confirm.setChecked(True)
    wizard.accept()
    qtbot.addWidget(controller.main_window)
    controller.quit()
