"""Reports ▸ Evidence package… and Verify evidence package…, driven through real widgets."""

from __future__ import annotations

import pytest

from gui_helpers import unlocked, wait_entry  # noqa: F401  (fixture)

pytestmark = pytest.mark.gui


def test_evidence_package_by_tag_then_verified_and_logged(qtbot, unlocked, tmp_path):
    window = unlocked.main_window
    qtbot.addWidget(window)
    feature = window.evidence_feature
    assert feature.package_action in window.reports_menu.actions()
    assert feature.verify_action in window.reports_menu.actions()
    assert feature.package_action.shortcut().toString() == "Ctrl+Shift+K"
    feature.package_action.trigger()
    dialog = feature.dialog
    assert dialog.zip_button.isChecked() and not dialog.sensitive.isChecked() and not dialog.stripped.isChecked()
    dialog.scope.setCurrentIndex(dialog.scope.findData("tag"))
    assert dialog.tag.isEnabled()
    dialog.tag.setCurrentIndex(dialog.tag.findData("protest"))
    assert dialog.count_label.text().endswith(": 2")
    out = tmp_path / "case.zip"
    dialog.write_to(out)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30_000)
    assert out.is_file() and "not encrypted" in dialog.message.text()
    session = unlocked.session
    qtbot.waitUntil(lambda: session.reader.db.query_one("SELECT count(*) FROM evidence_exports")[0] == 1,
                    timeout=10_000)
    dialog.close()

    feature.verify_action.trigger()
    checker = feature.verify_dialog
    checker.check(out)
    qtbot.waitUntil(lambda: checker.verdict is not None, timeout=30_000)
    assert checker.verdict.ok, checker.verdict.problems
    assert "holds" in checker.summary.text()
    assert checker.checks.count() >= 3

    # A changed file: the dialog says so, failures first.
    import zipfile

    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.endswith("entry.txt"):
                data = data.replace(b"Police", b"Nobody")
            target.writestr(info, data)
    checker.check(broken)
    qtbot.waitUntil(lambda: checker.verdict is not None and not checker.verdict.ok, timeout=30_000)
    assert "does NOT hold" in checker.summary.text()
    assert checker.checks.item(0).text().startswith("✗")
    checker.close()


def test_evidence_dialog_offers_the_entry_shown_and_locks_away(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    host = window.host
    reader = unlocked.session.reader
    first = reader.db.query_one("SELECT id, uuid FROM entries ORDER BY id LIMIT 1")
    assert host.show_entry(first[0])
    qtbot.waitUntil(lambda: host.current_entry_uuid() == first[1], timeout=10_000)
    feature = window.evidence_feature
    feature.package_action.trigger()
    dialog = feature.dialog
    assert dialog.scope.currentData() == "current"  # the entry shown comes first
    assert dialog.count_label.text().endswith(": 1")
    assert not dialog.tag.isEnabled()
    dialog.scope.setCurrentIndex(dialog.scope.findData("list"))
    assert dialog.count_label.text().endswith(": 3")
    unlocked.lock()
    assert feature.dialog is None and not feature.package_action.isEnabled()


def test_evidence_dialogs_in_russian_show_whole_texts(qtbot, unlocked):
    from test_gui_clipping import clipped_texts

    from ui.common.i18n import install_translations
    from ui.evidence.dialog import EvidenceDialog
    from ui.evidence.verify_dialog import VerifyDialog

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    install_translations(app, "ru")
    try:
        problems = []
        for dialog in (EvidenceDialog(unlocked.session), VerifyDialog()):
            qtbot.addWidget(dialog)
            dialog.show()
            qtbot.waitExposed(dialog)
            assert dialog.windowTitle() in ("Пакет доказательств", "Проверка пакета доказательств")
            problems += [f"[{type(dialog).__name__}] {p}" for p in clipped_texts(dialog)]
            dialog.reject()
        assert problems == [], "\n".join(problems)
    finally:
        install_translations(app, "en")


def test_rows_picked_in_the_entry_list_make_the_package(qtbot, unlocked, tmp_path):
    """Shift+Down picks a second row, Ctrl+A the whole list: the dialog offers "the N selected
    entries" first, and the package holds exactly those (issue 22: "from a selection of entries")."""
    from PySide6.QtCore import Qt

    from journal.evidence import verify_package

    window = unlocked.main_window
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    table = window.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home)
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(table.selectionModel().selectedRows()) == 2
    picked = {table.model().index(r.row(), 0).data(Qt.ItemDataRole.UserRole + 2)
              for r in table.selectionModel().selectedRows()}
    feature = window.evidence_feature
    feature.package_action.trigger()
    dialog = feature.dialog
    assert dialog.scope.currentData() == "selected"
    assert dialog.scope.currentText() == "The 2 selected entries"
    assert dialog.count_label.text().endswith(": 2") and set(dialog.entry_uuids()) == picked
    out = tmp_path / "picked"
    dialog.write_to(out)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30_000)
    assert set(dialog.result.entry_uuids) == picked and verify_package(out).ok
    dialog.close()

    # The shown entry's row stays the editor's; Ctrl+A picks all, and a single row offers no "selected".
    qtbot.keyClick(table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(table.selectionModel().selectedRows()) == 3
    feature.package_action.trigger()
    assert feature.dialog.scope.currentText() == "The 3 selected entries"
    assert feature.dialog.count_label.text().endswith(": 3")
    feature.dialog.close()
    qtbot.keyClick(table, Qt.Key.Key_Up)  # a plain arrow: one row again
    assert len(table.selectionModel().selectedRows()) == 1
    wait_entry(qtbot, window)
    feature.package_action.trigger()
    assert feature.dialog.scope.findData("selected") == -1 and feature.dialog.scope.currentData() == "current"
    feature.dialog.close()


@pytest.mark.parametrize(("language", "two", "five"), [
    ("ru", "2 выбранные записи", "5 выбранных записей"),
    ("uk", "2 вибрані записи", "5 вибраних записів"),
])
def test_the_selected_entries_choice_has_correct_plurals(qtbot, unlocked, language, two, five):
    from PySide6.QtWidgets import QApplication

    from ui.common.i18n import install_translations
    from ui.evidence.dialog import EvidenceDialog

    app = QApplication.instance()
    install_translations(app, language)
    try:
        for ids, text in (([1, 2], two), ([1, 2, 3, 4, 5], five)):
            dialog = EvidenceDialog(unlocked.session, selected_ids=ids)
            qtbot.addWidget(dialog)
            assert dialog.scope.itemText(0) == text
            dialog.reject()
    finally:
        install_translations(app, "en")


def test_cancelling_the_package_in_the_gui_leaves_nothing(qtbot, unlocked, tmp_path, monkeypatch):
    """Cancel on the progress dialog while the package is half written: no package, no hidden
    temporary folder, nothing logged."""
    import threading

    from PySide6.QtWidgets import QProgressDialog, QPushButton

    import ui.evidence.dialog as dialog_module

    started, go_on = threading.Event(), threading.Event()
    real_build = dialog_module.build_package

    def slow_build(reader, uuids, path, *, options, progress, cancel):
        def held(done, total):
            if not started.is_set():
                started.set()
                go_on.wait(10)
            progress(done, total)
        return real_build(reader, uuids, path, options=options, progress=held, cancel=cancel)

    monkeypatch.setattr(dialog_module, "build_package", slow_build)
    window = unlocked.main_window
    qtbot.addWidget(window)
    feature = window.evidence_feature
    feature.package_action.trigger()
    dialog = feature.dialog
    dialog.scope.setCurrentIndex(dialog.scope.findData("list"))
    out = tmp_path / "out" / "case.zip"
    out.parent.mkdir()
    dialog.write_to(out)
    qtbot.waitUntil(started.is_set, timeout=30_000)
    assert list(out.parent.iterdir()), "the package is being written beside its destination"
    progress = dialog.findChild(QProgressDialog)
    progress.findChild(QPushButton).click()  # the real Cancel button
    go_on.set()
    qtbot.waitUntil(lambda: dialog.op.done, timeout=30_000)
    assert dialog.result is None and dialog.message.text().startswith("Not written")
    assert list(out.parent.iterdir()) == []
    assert unlocked.session.reader.db.query_one("SELECT count(*) FROM evidence_exports")[0] == 0
    dialog.close()


def test_the_dialog_grows_to_the_result_it_shows(qtbot, unlocked, tmp_path):
    """The result adds lines after the dialog is shown: it grows to them instead of squeezing the
    form (Russian, 1280x800: the combo boxes were cut in half)."""
    from PySide6.QtWidgets import QApplication

    from ui.common.i18n import install_translations
    from ui.evidence.dialog import EvidenceDialog

    app = QApplication.instance()
    install_translations(app, "ru")
    try:
        dialog = EvidenceDialog(unlocked.session, selected_ids=[1, 2], parent=unlocked.main_window)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.write_to(tmp_path / "case.zip")
        qtbot.waitUntil(lambda: dialog.result is not None, timeout=30_000)
        QApplication.processEvents()
        message = dialog.message
        assert message.text().startswith("Пакет записан")
        assert message.height() >= message.heightForWidth(message.width())
        for combo in (dialog.scope, dialog.tag):
            assert combo.height() >= combo.sizeHint().height(), combo.accessibleName()
        dialog.reject()
    finally:
        install_translations(app, "en")


def test_while_searching_the_list_choice_says_the_search_is_not_applied(qtbot, unlocked):
    """The package's "current list" is the sidebar's list: with a search typed, the dialog says the
    search is not applied and how to take only what was found (select it: Ctrl+A)."""
    from PySide6.QtCore import Qt

    window = unlocked.main_window
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.search.setText("Moscow")
    qtbot.waitUntil(lambda: window.model.searching and window.model.rowCount() == 2, timeout=10_000)
    feature = window.evidence_feature
    feature.package_action.trigger()
    dialog = feature.dialog
    listed = dialog.scope.itemText(dialog.scope.findData("list"))
    assert listed == "Entries in the list, without the search “Moscow”"
    assert dialog.search_hint.isVisible()
    dialog.close()
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    feature.package_action.trigger()
    dialog = feature.dialog
    assert dialog.scope.currentData() == "selected" and dialog.count_label.text().endswith(": 2")
    assert not dialog.search_hint.isVisible()
    dialog.close()
