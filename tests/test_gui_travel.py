"""Travel mode in the GUI: the dialogs' safe defaults, seal-and-erase from the menu, and the
first-run screen's "Restore after travel…" bringing the journal back."""
# ruff: noqa: F811  (pytest fixtures imported from other test modules)

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PASSPHRASE

from journal.storage.paths import journal_files
from tests.gui_helpers import SAMPLE_ENTRIES, make_journal, new_controller, unlock
from ui.safety import controller as safety_controller
from ui.safety.travel_dialog import PrepareTravelDialog, RestoreTravelDialog


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch):
    import journal.travel.package as package

    monkeypatch.setattr(package, "SCRYPT_WORK_FACTOR", 10)


@pytest.fixture
def messages(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(safety_controller, "inform", lambda parent, text, warning=False: shown.append(text))
    return shown


def test_prepare_dialog_defaults_to_cancel_and_needs_code_place_and_consent(qtbot):
    dialog = PrepareTravelDialog([(1, "HQ")])
    qtbot.addWidget(dialog)
    from PySide6.QtWidgets import QDialogButtonBox

    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).isDefault()
    assert not dialog.seal_button.isEnabled() and not dialog.seal_button.isDefault()
    dialog.path.field.setText("/tmp/x.ijtravel")
    dialog.code.setText("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
    assert not dialog.seal_button.isEnabled()  # the box is not ticked
    dialog.understood.setChecked(True)
    assert dialog.seal_button.isEnabled()
    dialog.rehearsal.setChecked(True)
    assert dialog.seal_button.isEnabled() and not dialog.understood.isEnabled()
    dialog.to_drop.setChecked(True)
    assert dialog.destination() == ("drop", 1) and dialog.coordinator.isEnabled()
    assert dialog.code.echoMode() == dialog.code.EchoMode.Password
    assert dialog.take_code().startswith("AAAA") and dialog.code.text() == ""
    empty = PrepareTravelDialog([])
    qtbot.addWidget(empty)
    assert not empty.to_drop.isEnabled()
    for widget in (dialog.path.field, dialog.code, dialog.coordinator):
        assert widget.accessibleName()


def test_restore_dialog_needs_a_source_a_code_and_a_folder(qtbot, tmp_path):
    dialog = RestoreTravelDialog(tmp_path / "journal")
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled()
    dialog.path.field.setText(str(tmp_path / "p.ijtravel"))
    dialog.code.setText("AAAA")
    assert dialog.restore_button.isEnabled()
    dialog.from_drop.setChecked(True)
    assert not dialog.restore_button.isEnabled()
    dialog.url.setText("https://dav.example.org/drop/")
    dialog.password.setText("pw")
    request = dialog.request()
    assert request["url"].startswith("https://") and request["password"] == "pw" and request["code"] == "AAAA"
    assert dialog.password.text() == "" and dialog.code.text() == ""


def test_seal_and_erase_from_the_menu_then_restore_from_the_first_run_screen(qtbot, data_dir, tmp_path,
                                                                             messages, monkeypatch):
    code = make_journal(data_dir, SAMPLE_ENTRIES)
    controller = new_controller(qtbot, data_dir, tmp_path)
    unlock(qtbot, controller)
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    (config / "settings.json").write_text("{}")
    package = tmp_path / "usb" / "trip.ijtravel"
    package.parent.mkdir()
    seen: list[str] = []

    def fill(dialog):
        seen.append(type(dialog).__name__)
        if isinstance(dialog, PrepareTravelDialog):
            dialog.path.field.setText(str(package))
            dialog.code.setText(code.lower())
            dialog.understood.setChecked(True)
            assert dialog.seal_button.isEnabled()
        elif isinstance(dialog, RestoreTravelDialog):
            assert dialog.folder.field.text() == str(data_dir)
            dialog.path.field.setText(str(package))
            dialog.code.setText(code)
        return True

    monkeypatch.setattr(safety_controller, "ask", fill)
    safety_menu = controller.main_window.safety_menu  # the Safety menu
    assert safety_menu.menuAction() in controller.main_window.menuBar().actions()
    assert controller.safety.travel_action in safety_menu.actions()
    assert controller.safety.travel_restore_action in safety_menu.actions()
    controller.safety.travel_action.trigger()
    qtbot.waitUntil(lambda: any("erased from this computer" in m for m in messages), timeout=60_000)
    assert package.is_file()
    assert controller.session is None
    assert not data_dir.exists()  # the emptied folder went too
    assert not (config / "settings.json").exists()
    controller.quit()

    # The next start: nothing says a journal existed; the first-run screen offers the restore.
    again = new_controller(qtbot, data_dir, tmp_path)
    assert again.wizard is not None and again.unlock_window is None
    again.wizard.intro.restore_button.click()
    qtbot.waitUntil(lambda: journal_files(data_dir)["keys"].exists() and again.unlock_window is not None
                    and again.unlock_window.isVisible(), timeout=60_000)
    assert seen == ["PrepareTravelDialog", "RestoreTravelDialog"]
    assert any("back in" in m for m in messages)
    unlock(qtbot, again, PASSPHRASE)
    qtbot.waitUntil(lambda: again.main_window.model.rowCount() == len(SAMPLE_ENTRIES), timeout=20_000)
    again.quit()


def test_a_wrong_code_erases_nothing(qtbot, data_dir, tmp_path, messages, monkeypatch):
    make_journal(data_dir, SAMPLE_ENTRIES)
    controller = new_controller(qtbot, data_dir, tmp_path)
    unlock(qtbot, controller)

    def fill(dialog):
        dialog.path.field.setText(str(tmp_path / "trip.ijtravel"))
        dialog.code.setText("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
        dialog.understood.setChecked(True)
        return True

    monkeypatch.setattr(safety_controller, "ask", fill)
    controller.safety.travel_action.trigger()
    qtbot.waitUntil(lambda: any("not erased" in m for m in messages), timeout=30_000)
    assert journal_files(data_dir)["keys"].exists() and controller.session is not None
    assert not Path(tmp_path / "trip.ijtravel").exists()
    controller.quit()
