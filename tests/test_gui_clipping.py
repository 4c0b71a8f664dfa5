"""Issue 17.18: in Russian at 1280×800, no label, button or check box shows its text cut off.

Russian words are a third longer than English ones; a label or button narrower than its text is
clipped by Qt without an ellipsis ("Источник н…", "Добавить файлы" cut at 1280 px). The test
renders the main window's pages and the main dialogs with the real Russian catalogue at
1280×800 and compares each visible text widget's width with what its text needs.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QComboBox, QLabel, QRadioButton, QWidget

from gui_helpers import unlocked  # noqa: F401  (fixture)

pytestmark = pytest.mark.gui

SLACK_PX = 2


@pytest.fixture
def russian(qapp):
    from ui.common.i18n import install_translations

    install_translations(qapp, "ru")
    yield
    install_translations(qapp, "en")


def clipped_texts(root: QWidget) -> list[str]:
    """Visible text widgets under `root` narrower than their text."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel):
            if widget.wordWrap() or not widget.text() or widget.textFormat() == 1 or "<" in widget.text():
                continue  # wrapped or rich text lays itself out
            need = widget.fontMetrics().horizontalAdvance(widget.text().replace("&", "", 1))
            have = widget.contentsRect().width() - 2 * widget.margin() - widget.indent() if widget.indent() > 0 \
                else widget.contentsRect().width() - 2 * widget.margin()
            if need > have + SLACK_PX and widget.pixmap().isNull():
                problems.append(f"label “{widget.text()}” needs {need}px, has {have}px")
        elif isinstance(widget, (QAbstractButton,)) and widget.text():
            hint = widget.sizeHint().width()
            if widget.width() + SLACK_PX < hint and not isinstance(widget, (QCheckBox, QRadioButton)) \
                    or isinstance(widget, (QCheckBox, QRadioButton)) and widget.width() + SLACK_PX < hint:
                problems.append(f"{type(widget).__name__} “{widget.text()}” is {widget.width()}px, needs {hint}px")
        elif isinstance(widget, QComboBox) and not widget.isEditable() and widget.currentText():
            need = widget.fontMetrics().horizontalAdvance(widget.currentText())
            room = widget.width() - 40  # the arrow and frame (a generous estimate)
            # Qt's own size hint (longest item, arrow, frame) decides when the estimate is in doubt.
            if need > room + SLACK_PX and widget.width() + SLACK_PX < widget.sizeHint().width():
                problems.append(f"combo box showing “{widget.currentText()}” ({need}px) has {room}px")
    return problems


def test_main_window_pages_in_russian_at_1280x800_show_whole_texts(qtbot, russian, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.select_rowid(window.model.rowid_at(0))
    problems = []
    sections = [window.sidebar.topLevelItem(i).data(0, __import__("ui.sidebar", fromlist=["SECTION_ROLE"]).SECTION_ROLE)
                for i in range(window.sidebar.topLevelItemCount())]
    for section in dict.fromkeys(s for s in sections if s):
        window.sidebar.select_section(section)
        QApplication.processEvents()
        page = window.pages.currentWidget()
        problems += [f"[{section}] {p}" for p in clipped_texts(page) if f"[{section}] {p}" not in problems]
    window.sidebar.select_section(sections[0])
    problems += [f"[toolbar/status] {p}" for p in clipped_texts(window.statusBar())]
    assert problems == [], "\n".join(problems)


def test_settings_safety_and_report_dialogs_in_russian_show_whole_texts(qtbot, russian, unlocked):
    from ui.common.settings import Settings
    from ui.dialogs import SettingsDialog
    from ui.forms.report_dialog import ReportDialog
    from ui.safety.settings_dialog import SafetySettingsDialog

    problems = []
    for dialog in (SettingsDialog(Settings(), "Europe/Moscow"), SafetySettingsDialog(Settings()),
                   ReportDialog(unlocked.session)):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        problems += [f"[{type(dialog).__name__}] {p}" for p in clipped_texts(dialog)]
        dialog.reject()
    assert problems == [], "\n".join(problems)
