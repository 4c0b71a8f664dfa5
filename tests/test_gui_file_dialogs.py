"""Every file dialog is Qt's own (DontUseNativeDialog), built by ui/common/file_dialogs.py:
native dialogs add the chosen file to the desktop's recent-files list (GTK's recently-used.xbel)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

from ui.common import file_dialogs

pytestmark = pytest.mark.gui
UI = Path(__file__).resolve().parent.parent / "ui"


def test_no_module_but_the_helper_uses_qfiledialog():
    offenders = [p.name for p in sorted(UI.rglob("*.py"))
                 if p.name != "file_dialogs.py" and re.search(r"\bQFileDialog\b", p.read_text(encoding="utf-8"))]
    assert offenders == [], f"use ui/common/file_dialogs.py instead of QFileDialog in {offenders}"


def test_helper_dialogs_are_never_native(qtbot, monkeypatch, tmp_path):
    seen: list[QFileDialog] = []

    def fake_exec(dialog):
        seen.append(dialog)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QFileDialog, "exec", fake_exec)
    assert file_dialogs.choose_files(None, "Open", str(tmp_path), ["A (*.a);;All files (*)"]) == []
    assert file_dialogs.choose_file(None, "Open", str(tmp_path), "A (*.a)") is None
    assert file_dialogs.choose_save_path(None, "Save", str(tmp_path / "x.a"), "A (*.a)") is None
    assert file_dialogs.choose_folder(None, "Folder", str(tmp_path)) is None
    assert len(seen) == 4
    for dialog in seen:
        assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    assert seen[0].nameFilters() == ["A (*.a)", "All files (*)"]
    assert seen[2].acceptMode() == QFileDialog.AcceptMode.AcceptSave
    assert seen[3].fileMode() == QFileDialog.FileMode.Directory


def test_helper_returns_the_chosen_path(qtbot, monkeypatch, tmp_path):
    target = tmp_path / "backup.ijbackup"

    def fake_exec(dialog):
        dialog.selectFile(str(target))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QFileDialog, "exec", fake_exec)
    assert file_dialogs.choose_save_path(None, "Save", "ignored") == str(target)
