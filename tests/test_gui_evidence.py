"""Reports ▸ Evidence package… and Verify evidence package…, driven through real widgets."""

from __future__ import annotations

import pytest

from gui_helpers import unlocked  # noqa: F401  (fixture)

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
