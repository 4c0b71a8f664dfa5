"""Issue 17: the desktop app is calm under stress: nothing changes or leaks without the person acting.

Each test drives real widgets (pytest-qt, offscreen) and fails on the code before the fix.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDateTimeEdit, QScrollArea, QSpinBox, QVBoxLayout, QWidget

from gui_helpers import create_entry, unlocked, wait_entry  # noqa: F401  (fixture)

pytestmark = pytest.mark.gui


def _wheel(widget, notches: int = -1) -> None:
    """One real wheel event at the widget's centre, as the window system delivers it."""
    centre = QPointF(widget.rect().center())
    global_pos = QPointF(widget.mapToGlobal(centre.toPoint()))
    event = QWheelEvent(centre, global_pos, QPoint(0, 0), QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_wheel_over_unfocused_editor_fields_changes_nothing(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    create_entry(qtbot, window)
    editor = window.editor
    editor.title.setFocus()
    before = (editor.category.currentIndex(), editor.status.currentIndex(), editor.source.currentIndex(),
              editor.when.dateTime())
    for widget in (editor.category, editor.status, editor.source, editor.when):
        assert not widget.hasFocus()
        for _ in range(5):
            _wheel(widget, -1)
            _wheel(widget, 1 if widget is editor.when else -1)
    after = (editor.category.currentIndex(), editor.status.currentIndex(), editor.source.currentIndex(),
             editor.when.dateTime())
    assert after == before
    assert not editor.dirty  # nothing for autosave to keep


def test_wheel_changes_a_value_only_with_keyboard_focus(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    window.show()
    create_entry(qtbot, window)
    combo = window.editor.category
    assert combo.focusPolicy() != Qt.FocusPolicy.WheelFocus  # the wheel cannot take focus first
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    start = combo.currentIndex()
    _wheel(combo, -1)
    assert combo.currentIndex() != start  # aimed at (focused): the wheel works as usual


def test_wheel_over_a_spin_box_scrolls_the_page_instead(qtbot, unlocked):
    del unlocked  # the guard is installed by the app controller
    page = QScrollArea()
    qtbot.addWidget(page)
    content = QWidget()
    layout = QVBoxLayout(content)
    spin = QSpinBox()
    spin.setRange(0, 100)
    spin.setValue(50)
    date = QDateTimeEdit()
    combo = QComboBox()
    combo.addItems(["one", "two", "three"])
    layout.addWidget(spin)
    layout.addWidget(date)
    layout.addWidget(combo)
    for _ in range(40):
        layout.addWidget(QComboBox())
    page.setWidget(content)
    page.resize(300, 200)
    page.show()
    qtbot.waitExposed(page)
    bar = page.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    stamp = date.dateTime()
    _wheel(spin, -1)
    _wheel(date, -1)
    _wheel(combo, -1)
    assert (spin.value(), date.dateTime(), combo.currentIndex()) == (50, stamp, 0)
    assert bar.value() > 0  # the page scrolled instead


# --- 7. the erase word: the interface language's and the English one, in any layout -------------
@pytest.mark.parametrize("typed", ["ERASE", "erase", "УКФЫУ", "укфыу", "УКФІУ"])
def test_erase_accepts_the_english_word_in_any_layout(qtbot, tmp_path, typed):
    from ui.safety.erase import EraseDialog

    dialog = EraseDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.word = "СТЕРЕТЬ"  # as in the Russian interface
    dialog.field.setText(typed)
    assert dialog.erase_button.isEnabled()


def test_erase_accepts_the_local_word_typed_in_the_latin_layout(qtbot, tmp_path):
    from ui.safety.erase import EraseDialog, accepted_words

    assert "cnthtnm" in accepted_words("СТЕРЕТЬ")  # СТЕРЕТЬ typed with the US layout active
    dialog = EraseDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.word = "СТЕРЕТЬ"
    for wrong in ("", "ERAS", "СТЕРЕТ", "delete"):
        dialog.field.setText(wrong)
        assert not dialog.erase_button.isEnabled()
    dialog.field.setText("CNTHTNM")
    assert dialog.erase_button.isEnabled()


# --- 8. comparing fingerprints: Enter never marks a coordinator verified ----------------------------
def test_enter_in_the_fingerprint_check_does_not_verify(qtbot):
    from PySide6.QtWidgets import QDialog

    from ui.exchange.coordinators import FingerprintCheckDialog

    dialog = FingerprintCheckDialog("Coordinator", "ab" * 16)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.later_button.isDefault()
    assert not dialog.match_button.isDefault() and not dialog.match_button.autoDefault()
    with qtbot.waitSignal(dialog.finished, timeout=5_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_they_match_still_verifies_when_chosen(qtbot):
    from PySide6.QtWidgets import QDialog

    from ui.exchange.coordinators import FingerprintCheckDialog

    dialog = FingerprintCheckDialog("Coordinator", "ab" * 16)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.finished, timeout=5_000):
        dialog.match_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted


# --- 2. lock works from everywhere and closes every window --------------------------------------
def _open_modal_then(qtbot, opener, inside):
    """Run `opener()` (which blocks in a dialog's exec()) with `inside()` called once it is up."""
    from PySide6.QtCore import QTimer

    outcome = {}

    def step():
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, step)
            return
        outcome["dialog"] = dialog
        inside(dialog)
        # If the lock did not close it, close it after a while so the test fails instead of hanging.
        def still_open():
            if dialog.isVisible():
                outcome["left_open"] = True
                dialog.reject()

        QTimer.singleShot(5_000, dialog, still_open)  # dies with the dialog

    QTimer.singleShot(0, step)
    outcome["result"] = opener()
    return outcome


def test_ctrl_l_in_a_modal_dialog_locks_and_closes_it(qtbot, unlocked):
    controller = unlocked
    window = controller.main_window
    qtbot.addWidget(window)

    def press_lock_key(dialog):
        target = dialog.focusWidget() or dialog
        qtbot.keyClick(target, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    outcome = _open_modal_then(qtbot, controller.edit_settings, press_lock_key)
    assert outcome["dialog"] is not None
    assert "left_open" not in outcome
    assert not outcome["dialog"].isVisible()
    assert controller.session is None
    assert not window.isVisible()
    assert controller.unlock_window.isVisible()
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert visible == [controller.unlock_window]


def test_idle_lock_closes_a_message_box_and_a_non_modal_window(qtbot, unlocked):
    from PySide6.QtWidgets import QMessageBox

    controller = unlocked
    window = controller.main_window
    qtbot.addWidget(window)
    window.select_rowid(window.model.rowid_at(0))
    window.show_history()  # a non-modal window with the entry's text
    qtbot.waitUntil(lambda: window.history_dialog is not None and window.history_dialog.isVisible())

    def idle_lock(_box):
        controller.idle_watcher.idle.emit()  # what the idle timer, screen lock and sleep do

    outcome = _open_modal_then(
        qtbot, lambda: QMessageBox.question(window, "Question", "Move to the trash?"), idle_lock)
    assert "left_open" not in outcome
    assert outcome["result"] != QMessageBox.StandardButton.Yes  # nothing was agreed to
    assert controller.session is None
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert visible == [controller.unlock_window]


def test_emergency_erase_closes_every_window(qtbot, unlocked, monkeypatch):
    """Erase from the menu while other windows of the app are open (History, a person's): the journal is
    closed first, then erased, and no window with its content stays on screen."""
    from ui.safety import controller as safety_controller

    monkeypatch.setattr(safety_controller, "confirm_erase", lambda parent, folder: True)
    monkeypatch.setattr(safety_controller, "inform", lambda *args, **kwargs: None)
    controller = unlocked
    window = controller.main_window
    qtbot.addWidget(window)
    window.select_rowid(window.model.rowid_at(0))
    window.show_history()
    qtbot.waitUntil(lambda: window.history_dialog is not None and window.history_dialog.isVisible())
    from ui.people.dialog import PersonDialog

    other = PersonDialog(None, window)  # a feature's window the main window does not know about
    other.name.setText("typed, never saved")
    other.show()
    qtbot.waitExposed(other)
    controller.safety.erase_action.trigger()
    assert controller.session is None
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == []


def test_ctrl_l_does_nothing_while_locked(qtbot, unlocked):
    controller = unlocked
    controller.lock()
    unlock_window = controller.unlock_window
    qtbot.keyClick(unlock_window.field, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert unlock_window.isVisible()


# --- 6. actions act on what is showing ------------------------------------------------------------
def test_trash_does_nothing_on_the_statistics_page(qtbot, unlocked):
    from ui.forms.feature import STATISTICS_SECTION

    window = unlocked.main_window
    qtbot.addWidget(window)
    window.select_rowid(window.model.rowid_at(0))
    hidden_uuid = window.editor.current_uuid
    assert hidden_uuid is not None and window.delete_action.isEnabled()
    assert window.sidebar.select_section(STATISTICS_SECTION)
    qtbot.waitUntil(lambda: not window.entry_page_showing())
    assert not window.delete_action.isEnabled()
    assert not window.history_action.isEnabled()
    window.delete_action.trigger()  # e.g. through a shortcut: nothing may happen
    window.delete_current()
    qtbot.wait(50)
    assert unlocked.session.reader.entries.get(hidden_uuid).deleted_at is None


def test_the_undo_bar_names_the_entry_and_is_one_widget(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    window.select_rowid(window.model.rowid_at(0))
    title = window.editor.title.text()
    with qtbot.waitSignal(window.model.modelReset, timeout=20_000):
        window.delete_action.trigger()
    assert window.undo_bar.isVisibleTo(window)
    assert title in window.undo_label.text()
    assert window.statusBar().currentMessage() == ""  # no temporary message drawn over the button


# --- 12. new entries: the system's zone, then the zone the person last chose ----------------------
def test_new_entries_use_the_zone_last_chosen(qtbot, unlocked, tmp_path):
    from ui.common.fields import system_zone_name

    window = unlocked.main_window
    qtbot.addWidget(window)
    first = create_entry(qtbot, window)
    assert unlocked.session.reader.entries.get(first).occurred_tz == system_zone_name()
    window.editor.time_zone.setCurrentText("Asia/Tbilisi")  # the person picks a zone
    assert window.editor.flush()
    second = create_entry(qtbot, window)
    assert unlocked.session.reader.entries.get(second).occurred_tz == "Asia/Tbilisi"
    # It lives inside the encrypted journal, not in the plain settings file.
    unlocked.lock()
    from gui_helpers import unlock

    unlock(qtbot, unlocked)
    window = unlocked.main_window
    third = create_entry(qtbot, window)
    assert unlocked.session.reader.entries.get(third).occurred_tz == "Asia/Tbilisi"
    config = tmp_path / "config"
    for path in (config.rglob("*") if config.exists() else []):
        if path.is_file():
            assert b"Tbilisi" not in path.read_bytes()


@pytest.mark.parametrize("qt_says, core_says, expected", [
    ("Europe/Kyiv", None, "Europe/Kyiv"),        # Windows and macOS: no /etc/localtime, Qt knows
    ("UTC", "Europe/Moscow", "Europe/Moscow"),   # Qt falls back to UTC, the system file knows better
    ("", None, "UTC"),                           # nobody knows: UTC, said plainly in the editor
])
def test_the_system_zone_comes_from_qt_then_the_core(monkeypatch, qt_says, core_says, expected):
    from PySide6.QtCore import QByteArray, QTimeZone

    from ui.common import fields

    monkeypatch.setattr(QTimeZone, "systemTimeZoneId", staticmethod(lambda: QByteArray(qt_says.encode())))
    monkeypatch.setattr("journal.timeutil.local_zone_name", lambda: core_says)
    assert fields.system_zone_name() == expected


# --- 4. printing the recovery code never silently writes it to disk -------------------------------
def test_printing_the_code_without_a_printer_warns_and_cancel_writes_nothing(qtbot, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinterInfo

    from ui.wizard import RecoveryPage

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(lambda: []))
    print_dialogs = []
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: print_dialogs.append(self) or 0)
    page = RecoveryPage()
    qtbot.addWidget(page)
    page.code.setText("ABCD-EFGH-JKMN-PQRS-TVWX-YZ23-4567-89AB")
    seen = {}

    def answer(box):
        seen["text"] = box.text()
        seen["default"] = box.defaultButton()
        box.defaultButton().click()  # Enter: the default choice

    _open_modal_then(qtbot, page._print, answer)
    assert "not encrypted" in seen["text"]
    assert seen["default"] is not None and seen["default"].text() in ("Cancel", "&Cancel")
    assert print_dialogs == []  # cancelled before Qt's print-to-file dialog
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_print_to_file_chosen_in_the_print_dialog_warns_and_cancel_writes_nothing(qtbot, tmp_path, monkeypatch):
    """A printer is set up, but the person picks "Print to file" in Qt's dialog: asked again."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinterInfo

    from ui.wizard import RecoveryPage

    target = tmp_path / "code.pdf"
    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(lambda: ["Office"]))

    def choose_file(dialog):
        dialog.printer().setOutputFileName(str(target))
        return QPrintDialog.DialogCode.Accepted
    monkeypatch.setattr(QPrintDialog, "exec", choose_file)
    page = RecoveryPage()
    qtbot.addWidget(page)
    page.code.setText("ABCD-EFGH-JKMN-PQRS-TVWX-YZ23-4567-89AB")
    seen = {}

    def answer(box):
        seen["text"] = box.text()
        box.defaultButton().click()  # Enter: Cancel

    _open_modal_then(qtbot, page._print, answer)
    assert "unencrypted" in seen["text"] and str(target) in seen["text"]
    assert not target.exists()


# --- 19. "Show in folder" without a file manager says where the file is ------------------------------
def test_show_in_folder_without_a_file_manager_says_where_the_bundle_is(qtbot, tmp_path, monkeypatch):
    from types import SimpleNamespace

    from PySide6.QtGui import QDesktopServices

    from ui.exchange.export_wizard import SummaryPage

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda _url: False))  # nothing to open it
    wizard = SimpleNamespace(result_=SimpleNamespace(path=str(tmp_path / "bundle-1.ijbundle")))
    page = SummaryPage(wizard)
    qtbot.addWidget(page)
    seen = {}

    def read(box):
        seen["text"] = box.text()
        box.accept()

    _open_modal_then(qtbot, page.open_folder, read)
    assert "No file manager" in seen["text"] and str(tmp_path) in seen["text"]


# --- 20. every input says what it is ------------------------------------------------------------------
def test_every_input_of_the_main_window_has_a_name_that_is_not_its_value(qtbot, unlocked):
    from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QTextEdit

    window = unlocked.main_window
    qtbot.addWidget(window)
    window.select_rowid(window.model.rowid_at(0))
    unnamed = []
    for cls in (QComboBox, QLineEdit, QAbstractSpinBox, QPlainTextEdit, QTextEdit):
        for widget in window.findChildren(cls):
            if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
                continue  # the inner editor of a combo or spin box: named through its owner
            name = widget.accessibleName().strip()
            value = widget.currentText() if isinstance(widget, QComboBox) else ""
            if not name or (value and name == value):
                unnamed.append(f"{type(widget).__name__} ({widget.toolTip()[:40]!r})")
    assert unnamed == []
    editor = window.editor
    assert [editor.category.accessibleName(), editor.status.accessibleName(), editor.source.accessibleName()] == [
        "Category", "Status", "Source"]


# --- 11. history in words and local dates; restoring a version adds one ----------------------------
def test_history_shows_labels_and_local_dates_and_restores_as_a_new_version(qtbot, unlocked):
    import re

    window = unlocked.main_window
    qtbot.addWidget(window)
    uuid = create_entry(qtbot, window)
    session = unlocked.session
    session.write_and_wait(lambda j: j.entries.update(uuid, title="First title", occurred_at="2027-12-06T15:58",
                                                      occurred_tz="Europe/Moscow", category="detention"))
    session.write_and_wait(lambda j: j.entries.update(uuid, title="Second title", occurred_at="2027-12-07T09:05",
                                                      category="search"))
    window.model.reload()
    window.select_rowid(session.reader.entries.get(uuid).id)
    wait_entry(qtbot, window)
    window.show_history()
    dialog = window.history_dialog
    qtbot.waitUntil(lambda: dialog.isVisible())
    newest = dialog.list.item(0).text()
    assert not re.search(r"\d{4}-\d\d-\d\dT", newest)
    shown = dialog.view.toPlainText()
    assert "Title: First title → Second title" in shown
    assert "occurred_at" not in shown and "2027-12-07T09:05" not in shown and "category" not in shown
    assert "When:" in shown and "Category:" in shown and "Detention" in shown
    versions = session.reader.entries.history(uuid)
    wanted = next(r for r in versions if r.content["title"] == "First title")
    dialog.list.setCurrentRow([dialog.list.item(i).data(Qt.ItemDataRole.UserRole)
                               for i in range(dialog.list.count())].index(wanted.number))
    assert dialog.restore_button.isEnabled()
    with qtbot.waitSignal(window.editor.entry_changed, timeout=10_000):
        dialog.restore_button.click()
    entry = session.reader.entries.get(uuid)
    assert entry.title == "First title" and entry.category == "detention"
    assert entry.occurred_at.startswith("2027-12-06T15:58")
    assert entry.revision == len(versions) + 1  # a new version, nothing rewritten
    assert session.reader.entries.history(uuid)[: len(versions)] == versions
    assert session.journal.entries.verify_revisions() == []


# --- 13. the forms picker suggests the form that fits, or none ------------------------------------
def _forms_panel(window):
    from ui.forms.panel import FormsPanel

    return window.findChild(FormsPanel)


def test_the_forms_picker_suggests_the_fitting_form_or_none(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    uuid = create_entry(qtbot, window)
    panel = _forms_panel(window)
    editor = window.editor
    editor.category.setCurrentIndex(editor.category.findData("mobilization"))
    assert editor.flush()
    qtbot.waitUntil(lambda: panel.add_combo.currentData() == "mobilization")
    assert panel.add_button.isEnabled()
    editor.category.setCurrentIndex(editor.category.findData("border"))  # no form for border crossings
    assert editor.flush()
    qtbot.waitUntil(lambda: panel.add_combo.currentData() is None)
    assert panel.add_combo.currentText() == "Choose a form…"
    assert not panel.add_button.isEnabled()  # Enter or a click adds nothing unrelated
    panel.add_chosen_form()
    assert unlocked.session.reader.forms.values_for_entry(uuid) == []


# --- 15. the window fits the screen and comes back as it was left -----------------------------------
def test_the_default_window_fits_the_screen(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    free = window.screen().availableGeometry()
    assert free.contains(window.frameGeometry()), (free, window.frameGeometry())


def test_window_size_and_splitters_are_restored_after_lock(qtbot, unlocked, tmp_path, data_dir):
    import json

    from gui_helpers import new_controller, unlock
    from ui.common.settings import load_settings

    window = unlocked.main_window
    qtbot.addWidget(window)
    window.resize(700, 520)
    window.splitter.setSizes([240, 660])
    window.entries_page.setSizes([350, 310])
    sizes = window.splitter.sizes() + window.entries_page.sizes()
    unlocked.lock()
    saved = load_settings(tmp_path / "config")
    assert saved.window_geometry and saved.splitter_sizes == ",".join(map(str, sizes))
    text = (tmp_path / "config" / "settings.json").read_text()
    assert str(data_dir) not in text and "Detentions" not in text  # sizes only
    assert set(json.loads(text)) >= {"window_geometry", "splitter_sizes"}
    # A new start of the app (new controller, settings from the file) shows the same window.
    again = new_controller(qtbot, data_dir, tmp_path)
    again.context.settings = saved
    unlock(qtbot, again)
    restored = again.main_window
    qtbot.addWidget(restored)
    assert (restored.width(), restored.height()) == (700, 520)
    assert restored.splitter.sizes()[0] == sizes[0]
    again.quit()


# --- 14. a language change offers a restart now -------------------------------------------------------
def test_changing_the_language_offers_a_restart_that_locks_and_relaunches(qtbot, unlocked, monkeypatch):
    from PySide6.QtCore import QProcess

    started = []
    monkeypatch.setattr(QProcess, "startDetached", staticmethod(lambda program, args: started.append((program, args))
                                                                or True))
    monkeypatch.setattr("PySide6.QtWidgets.QApplication.quit", staticmethod(lambda: None))
    controller = unlocked
    window = controller.main_window
    qtbot.addWidget(window)
    seen = {}

    def choose_russian(dialog):
        dialog.language.setCurrentIndex(dialog.language.findData("ru"))
        dialog.accept()

    def restart_now(box):
        seen["text"] = box.text()
        seen["default"] = box.defaultButton().text()
        next(b for b in box.buttons() if "Restart" in b.text()).click()

    from PySide6.QtCore import QTimer

    def when_asked():
        box = QApplication.activeModalWidget()
        if box is None or not hasattr(box, "buttons") or not box.isVisible():
            QTimer.singleShot(20, when_asked)
            return
        restart_now(box)

    def after_settings(dialog):
        choose_russian(dialog)
        QTimer.singleShot(0, when_asked)

    _open_modal_then(qtbot, controller.edit_settings, after_settings)
    assert "restart" in seen["text"].lower()
    assert "Later" in seen["default"]  # the harmless choice is the default
    assert controller.session is None  # locked (and saved) before the restart
    assert len(started) == 1 and started[0][1][:2] == ["-m", "ui.app"]
    assert controller.context.settings.language == "ru"


# --- 18. window titles: one language, the app's name once --------------------------------------------
@pytest.mark.parametrize("language, app_name", [("en", "Incident Journal"), ("ru", "Журнал инцидентов")])
def test_window_titles_name_the_app_once_in_the_interface_language(qtbot, qapp, tmp_path, language, app_name):
    from PySide6.QtCore import QCoreApplication

    from ui.common.i18n import install_translations
    from ui.unlock import UnlockWindow
    from ui.wizard import FirstRunWizard

    install_translations(qapp, language)
    try:
        assert QCoreApplication.translate("MainWindow", "Incident Journal") == app_name
        for window in (UnlockWindow(tmp_path), FirstRunWizard(tmp_path)):
            qtbot.addWidget(window)
            title = window.windowTitle()
            assert "Incident Journal" not in title or language == "en"
            assert app_name not in title  # Qt appends the (translated) display name itself
    finally:
        install_translations(qapp, "en")


@pytest.mark.parametrize("language, shown", [("en", "2024-05-01"), ("ru", "01.05.2024")])
def test_received_and_sent_times_use_the_interface_date_format(qapp, language, shown):
    """As item 11 for History: the received banner, senders and coordinators show local dates in
    the interface's format, not ISO in a Russian window."""
    from ui.common.i18n import install_translations
    from ui.exchange.common import short_time

    install_translations(qapp, language)
    try:
        assert short_time("2024-05-01T10:20:30+00:00").startswith(shown)
    finally:
        install_translations(qapp, "en")


# --- 5. the wizard says the journal's name is private and not what coordinators see ----------------
def test_the_wizard_says_the_journal_name_is_not_on_the_card(qtbot, tmp_path):
    from ui.wizard import FirstRunWizard

    wizard = FirstRunWizard(tmp_path / "new")
    qtbot.addWidget(wizard)
    page = wizard.name_page
    assert "private" in page.subTitle()
    assert "not on your contact card or in bundles" in page.not_public.text()
    assert page.name.accessibleDescription() == page.not_public.text()  # heard with the field


@pytest.mark.parametrize(("language", "when", "due"), [("en", "2024-03-05 14:10", "2024-03-07 (done)"),
                                                       ("ru", "05.03.2024 14:10", "07.03.2024 (выполнено)")])
def test_contact_log_dates_use_the_interface_date_format(qapp, language, when, due):
    """As item 11 for History: the contact log's "When" and "Follow-up" columns show dates in the
    interface's format (the time as at the place), not ISO in a Russian window."""
    from journal.records.contact_log import LogRecord
    from ui.common.i18n import install_translations
    from ui.people.contact_log.model import ContactLogModel
    from ui.people.labels import display_when

    install_translations(qapp, language)
    try:
        assert display_when("2024-03-05T14:10+03:00") == when
        assert display_when("2024-03-05") == when.split()[0]
        model = ContactLogModel()
        record = LogRecord(uuid="x", at="2024-03-05T14:10+03:00", tz=None, channel="call", direction="out",
                           follow_up_due="2024-03-07",
                           follow_up_done_at="2024-03-06T10:00Z")
        assert model.follow_up_text(record) == due
    finally:
        install_translations(qapp, "en")
