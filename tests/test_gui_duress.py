"""Duress passphrase in the GUI: set it and fill the decoy from Safety settings (nothing is
erased), then type it at the unlock screen: the decoy opens like any journal and the real one is
gone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from conftest import PASSPHRASE
from gui_helpers import SAMPLE_ENTRIES, make_journal, new_controller, unlock, unlocked  # noqa: F401
from journal.errors import WrongPassphrase
from journal.storage import duress
from journal.storage.vault import Journal, derive_data_key

pytestmark = pytest.mark.gui
DURESS = "pink elephant umbrella"


def _open_duress_dialog(qtbot, controller):
    from ui.safety.duress_dialog import DuressDialog

    dialog = DuressDialog(controller.session, controller.main_window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.is_set is not None, timeout=10_000)
    return dialog


def test_safety_settings_has_the_duress_entry_only_when_unlocked(qtbot):
    from ui.common.settings import Settings
    from ui.safety.settings_dialog import SafetySettingsDialog

    calls = []
    dialog = SafetySettingsDialog(Settings(), None, on_duress=lambda: calls.append(1))
    qtbot.addWidget(dialog)
    assert not dialog.duress_button.isHidden()
    dialog.duress_button.click()
    assert calls == [1]
    locked = SafetySettingsDialog(Settings(), None)
    qtbot.addWidget(locked)
    assert locked.duress_button.isHidden()


def test_set_and_fill_the_decoy_from_the_dialog_erases_nothing(qtbot, unlocked, data_dir, monkeypatch):
    controller = unlocked
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    dialog = _open_duress_dialog(qtbot, controller)
    assert dialog.is_set is False and dialog.set_box.isVisibleTo(dialog)
    # Different repeats are refused before anything runs.
    dialog.first.setText(DURESS)
    dialog.second.setText(DURESS + "x")
    dialog.set_button.click()
    assert dialog.error.isVisibleTo(dialog) and dialog.is_set is False
    dialog.second.setText(DURESS)
    dialog.decoy_name.setText("Notes")
    dialog.set_button.click()
    qtbot.waitUntil(lambda: dialog.is_set is True, timeout=20_000)
    assert dialog.first.text() == "" and dialog.fill_button.isVisibleTo(dialog)

    # Fill the decoy: the passphrase dialog, then the decoy editor (both modal).
    def answer_passphrase():
        ask = QApplication.activeModalWidget()
        ask.field.setText(DURESS)
        ask.accept()

    def fill_editor():
        editor = QApplication.activeModalWidget()
        if editor is None or not hasattr(editor, "add_button"):
            QTimer.singleShot(50, fill_editor)
            return
        editor.title.setText("Dentist on Tuesday")
        editor.body.setPlainText("Bring the insurance card")
        editor.add_button.click()
        qtbot.waitUntil(lambda: editor.entries.count() == 1, timeout=10_000)
        editor.save_button.click()
        saved.append(editor)

    saved = []
    QTimer.singleShot(0, answer_passphrase)
    QTimer.singleShot(100, fill_editor)
    dialog.fill_button.click()
    qtbot.waitUntil(lambda: bool(saved) and not saved[0].isVisible(), timeout=30_000)
    # The real journal is untouched and still open.
    assert controller.main_window.model.rowCount() == len(SAMPLE_ENTRIES)
    dialog.close()
    controller.lock()
    with Journal.open(data_dir, PASSPHRASE) as real:
        assert duress.is_set(real)
    with Journal.open_with_key(data_dir, derive_data_key(data_dir, DURESS)) as decoy:
        assert [e.title for e in decoy.queries.page()] == ["Dentist on Tuesday"]
        assert decoy.name == "Notes"


def test_duress_passphrase_at_the_unlock_screen_opens_the_decoy(qtbot, data_dir, tmp_path):
    make_journal(data_dir, SAMPLE_ENTRIES, name="Group journal")
    with Journal.open(data_dir, PASSPHRASE) as real:
        duress.set_duress(real, DURESS)  # the decoy takes the real journal's name
        editor = duress.DecoyEditor(real, DURESS)
        editor.journal.entries.add(title="Shopping list", body="milk, bread")
        editor.save()
    controller = new_controller(qtbot, data_dir, tmp_path)
    window = controller.unlock_window
    qtbot.addWidget(window)
    unlock(qtbot, controller, DURESS)
    main = controller.main_window
    qtbot.addWidget(main)
    # The same screens as any unlock: the main window, the same journal name, no message.
    assert main.isVisible() and not window.isVisible()
    assert main.journal_name.text() == "Group journal"
    assert main.model.rowCount() == 1
    assert QApplication.activeModalWidget() is None
    controller.quit()
    with pytest.raises(WrongPassphrase):
        derive_data_key(data_dir, PASSPHRASE)



def _decoy_editor_dialog(qtbot, data_dir, tmp_path, **journal_options):
    """A journal with a duress passphrase, unlocked for real, and its decoy editor dialog."""
    from ui.safety.duress_dialog import DecoyEditorDialog

    make_journal(data_dir, SAMPLE_ENTRIES, **journal_options)
    with Journal.open(data_dir, PASSPHRASE) as real:
        duress.set_duress(real, DURESS)
    controller = new_controller(qtbot, data_dir, tmp_path)
    qtbot.addWidget(controller.unlock_window)
    unlock(qtbot, controller, PASSPHRASE)
    main = controller.main_window
    qtbot.addWidget(main)
    editor = controller.session.write_and_wait(lambda journal: duress.DecoyEditor(journal, DURESS), timeout=60)
    dialog = DecoyEditorDialog(controller.session, editor, main, host=main.host)
    qtbot.addWidget(dialog)
    return controller, editor, dialog

def test_the_decoy_editor_adds_people_and_contacts_with_the_people_features_forms(qtbot, data_dir, tmp_path):
    """People and contact-log records in the decoy, through the forms the people feature offers
    on the host (PersonDialog, the contact-log form), all by keyboard-reachable widgets."""
    controller, editor, dialog = _decoy_editor_dialog(qtbot, data_dir, tmp_path, name="Group journal")
    assert [dialog.tabs.tabText(i) for i in range(3)] == ["&Entries", "&People", "&Contact log"]
    assert dialog.add_person_button.isEnabled() and dialog.add_contact_button.isEnabled()

    def fill(check):
        def run():
            form = QApplication.activeModalWidget()
            if form is None or form is dialog:
                QTimer.singleShot(50, run)
                return
            check(form)
        QTimer.singleShot(0, run)

    def person(form):
        form.name.setText("Anna Petrenko")
        form.organisation.setText("Dental clinic")
        form._accept()

    fill(person)
    dialog.tabs.setCurrentIndex(1)
    dialog.add_person_button.click()
    qtbot.waitUntil(lambda: dialog.people.count() == 1, timeout=10_000)
    assert dialog.people.item(0).text() == "Anna Petrenko  (Dental clinic)"

    seen = []

    def contact(form):
        seen.append(form.windowTitle())
        form.save_button.click()  # nobody ticked: refused, the form stays
        seen.append(form.message.isVisibleTo(form))
        form.choices.item(0).setCheckState(Qt.CheckState.Checked)
        form.summary.setPlainText("Moved the appointment to Friday")
        form.save_button.click()

    fill(contact)
    dialog.tabs.setCurrentIndex(2)
    dialog.add_contact_button.click()
    qtbot.waitUntil(lambda: dialog.contacts.count() == 1, timeout=10_000)
    assert seen == ["New contact", True]
    assert "Anna Petrenko" in dialog.contacts.item(0).text()
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
    controller.lock()
    with Journal.open(data_dir, PASSPHRASE) as real:  # untouched
        assert real.people.list() == []
    with Journal.open_with_key(data_dir, derive_data_key(data_dir, DURESS)) as decoy:
        assert [p.display_name for p in decoy.people.list()] == ["Anna Petrenko"]
        (record,) = decoy.contact_log.list()
        assert record.summary == "Moved the appointment to Friday"
        assert [p.display_name for p in record.people] == ["Anna Petrenko"]


def test_without_a_host_the_decoy_editor_says_where_to_add_people(qtbot, unlocked):
    from ui.safety.duress_dialog import DecoyEditorDialog

    controller = unlocked
    controller.session.write_and_wait(lambda journal: duress.set_duress(journal, DURESS), timeout=60)
    editor = controller.session.write_and_wait(lambda journal: duress.DecoyEditor(journal, DURESS), timeout=60)
    dialog = DecoyEditorDialog(controller.session, editor, None)
    qtbot.addWidget(dialog)
    assert not dialog.add_person_button.isEnabled() and not dialog.add_contact_button.isEnabled()
    dialog.reject()


def test_the_decoy_editor_and_the_new_contact_form_are_walked_with_tab_alone(qtbot, data_dir, tmp_path):
    from test_gui_keyboard_walk import activate, check_window, reachable, reading_order

    controller, editor, dialog = _decoy_editor_dialog(qtbot, data_dir, tmp_path)
    main = controller.main_window
    activate(qtbot, dialog)
    problems = []
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        problems += check_window(qtbot, dialog, reading_order(reachable(dialog), dialog)[0], f"decoy tab {index}")
    form = main.host.record_form("contact", main, people=[("u1", "Anna"), ("u2", "Oleg")])
    qtbot.addWidget(form)
    activate(qtbot, form)
    problems += check_window(qtbot, form, reading_order(reachable(form), form)[0], "new contact")
    form.reject()
    dialog.reject()
    assert problems == [], "\n".join(problems)


def test_the_app_start_finishes_an_overwrite_a_kill_left(qtbot, data_dir, tmp_path):
    """A duress unlock killed during its overwrite behind the decoy leaves an .erasing-* folder
    (ciphertext whose key is gone): the next start of the app overwrites and removes it."""
    from journal.storage import erasing

    make_journal(data_dir, SAMPLE_ENTRIES)
    left = erasing.new_folder(data_dir)
    (left / "journal.db").write_bytes(b"\x01" * 10_000)
    controller = new_controller(qtbot, data_dir, tmp_path)
    qtbot.addWidget(controller.unlock_window)
    erasing.wait()
    assert erasing.pending(data_dir) == []
    controller.quit()


def test_the_dialog_grows_to_the_rows_its_status_check_adds(qtbot, unlocked):
    """The fields appear after the dialog is shown (the check runs on the writer): the dialog
    grows to them, so they never overlap the explanation above (seen in the screenshot tour)."""
    from PySide6.QtWidgets import QLabel

    from ui.safety.duress_dialog import DuressDialog

    dialog = DuressDialog(unlocked.session, unlocked.main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.is_set is not None, timeout=10_000)
    QApplication.processEvents()
    explain = dialog.findChildren(QLabel)[0]
    assert explain.height() >= explain.heightForWidth(explain.width())
    assert explain.geometry().bottom() < dialog.status.geometry().top()
