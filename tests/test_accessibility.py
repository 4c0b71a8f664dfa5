"""Screen readers and keyboards can reach and name every control of the main flows.

Walks every widget of the unlock window, the first-run wizard (each page), the
main window (with an entry open) and the settings dialogs, and requires each
interactive widget to have a name a screen reader can speak: an accessible
name, a QLabel buddy, or its own visible text. Also: every such widget can take
keyboard focus (or is deliberately mouse-only), and status shown in colour has
text too.
"""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QAbstractSpinBox, QCheckBox, QComboBox, QDateTimeEdit, QLabel, QLineEdit,
    QPlainTextEdit, QSpinBox, QTextEdit, QWidget,
)

from gui_helpers import SAMPLE_ENTRIES, make_journal, new_controller, unlock

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QTextEdit, QPlainTextEdit, QCheckBox,
               QSpinBox, QAbstractSpinBox, QDateTimeEdit)


def _internal(widget: QWidget) -> bool:
    """Parts Qt builds inside other widgets (a combo box's line edit, a spin box's editor, scroll bars)."""
    parent = widget.parentWidget()
    if isinstance(parent, QLineEdit):
        return True  # the clear button and action icons Qt puts inside a line edit (mouse only, not focusable)
    while parent is not None:
        if isinstance(parent, (QComboBox, QAbstractSpinBox)):
            return True
        if isinstance(parent, QAbstractItemView) and widget is not parent.viewport():
            return True  # item editors and header views are named through the view
        parent = parent.parentWidget()
    return widget.objectName().startswith("qt_")


class Buddies:
    """The widgets some label under a root points at; `widget in buddies`. Kept by C++ address:
    id() of a temporary Python wrapper can be reused by another widget's, which made a widget
    without a label look labelled."""

    def __init__(self, root: QWidget) -> None:
        self._addresses = {shiboken6.getCppPointer(label.buddy())[0] for label in root.findChildren(QLabel)
                           if label.buddy() is not None}

    def __contains__(self, widget: object) -> bool:
        if not isinstance(widget, QWidget):
            raise TypeError("ask about a widget, not its id()")
        return shiboken6.getCppPointer(widget)[0] in self._addresses


def _buddies(root: QWidget) -> Buddies:
    return Buddies(root)


def spoken_name(widget: QWidget, buddies: Buddies) -> str:
    """What a screen reader announces: accessibleName, the buddy label, or the widget's own text."""
    if widget.accessibleName().strip():
        return widget.accessibleName()
    if widget in buddies:
        return "buddy"
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return widget.text()
    if isinstance(widget, (QComboBox, QAbstractSpinBox, QAbstractItemView)):
        return ""  # Qt would speak the current value or the first item, which does not say what the control is
    iface = QAccessible.queryAccessibleInterface(widget)
    if iface is not None and iface.text(QAccessible.Text.Name).strip():
        return iface.text(QAccessible.Text.Name)
    return ""


def unnamed(root: QWidget) -> list[str]:
    buddies = _buddies(root)
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or _internal(widget):
            continue
        if not spoken_name(widget, buddies):
            problems.append(f"{type(widget).__name__} objectName={widget.objectName()!r} "
                            f"tooltip={widget.toolTip()!r} parent={type(widget.parentWidget()).__name__}")
    return problems


def not_focusable(root: QWidget) -> list[str]:
    problems = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or _internal(widget):
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus and not widget.property("mouseOnly"):
            # Tool-bar buttons mirror actions that have keyboard shortcuts; everything else must take focus.
            if type(widget.parentWidget()).__name__ in ("QToolBar", "QStatusBar", "QMenuBar"):
                continue
            problems.append(f"{type(widget).__name__} {spoken_name(widget, set()) or widget.objectName()!r}")
    return problems


@pytest.fixture
def controller(qtbot, tmp_path):
    data_dir = tmp_path / "journal"
    make_journal(data_dir, SAMPLE_ENTRIES)
    ctl = new_controller(qtbot, data_dir, tmp_path)
    yield ctl
    ctl.quit()


def test_unlock_window_controls_have_names(controller):
    window = controller.unlock_window
    assert not unnamed(window), unnamed(window)
    assert not not_focusable(window), not_focusable(window)


def test_wizard_pages_have_names(qtbot, tmp_path):
    from conftest import FAST_KDF

    from ui.wizard import FirstRunWizard

    wizard = FirstRunWizard(tmp_path / "new", FAST_KDF)
    qtbot.addWidget(wizard)
    wizard.show()
    problems = []
    for page_id in wizard.pageIds():
        problems += [f"page {page_id}: {p}" for p in unnamed(wizard.page(page_id))]
    problems += unnamed(wizard)
    assert not problems, "\n".join(problems)


def _select_first_and_wait(qtbot, controller) -> None:
    """Select the first row and wait until the editor shows that entry (not a fixed wait)."""
    window = controller.main_window
    rowid = window.model.rowid_at(0)
    uuid = controller.session.reader.queries.summaries([rowid])[rowid].uuid
    window.select_rowid(rowid)
    qtbot.waitUntil(lambda: window.editor.current_uuid == uuid, timeout=20_000)


def test_main_window_controls_have_names(qtbot, controller):
    unlock(qtbot, controller)
    window = controller.main_window
    _select_first_and_wait(qtbot, controller)
    problems = unnamed(window)
    assert not problems, "\n".join(problems)
    assert not not_focusable(window), not_focusable(window)


def test_settings_dialogs_have_names(qtbot):
    from ui.dialogs import SettingsDialog
    from ui.safety.settings_dialog import SafetySettingsDialog
    from ui.common.settings import Settings

    dialog = SettingsDialog(Settings(), "UTC")
    qtbot.addWidget(dialog)
    assert not unnamed(dialog), unnamed(dialog)
    # The language choice lists every language in its own name.
    names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert {"English", "Русский", "Українська"} <= set(names)
    safety = SafetySettingsDialog(Settings())
    qtbot.addWidget(safety)
    assert not unnamed(safety), unnamed(safety)


def test_settings_dialog_keeps_the_language_choice(qtbot):
    from ui.dialogs import SettingsDialog
    from ui.common.settings import Settings

    dialog = SettingsDialog(Settings(language="uk"), "UTC")
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "uk"
    dialog.language.setCurrentIndex(dialog.language.findData("ru"))
    assert dialog.settings().language == "ru"


def test_tab_order_reaches_the_editor_from_the_list(qtbot, controller):
    """Keyboard only: Tab moves focus forward through the window and never gets stuck."""
    unlock(qtbot, controller)
    window = controller.main_window
    window.activateWindow()
    window.table.setFocus()
    seen = []
    for _ in range(60):
        window.focusNextChild()
        focused = window.focusWidget()
        if focused is None:
            break
        seen.append(focused)
    assert window.editor.title in seen and window.editor.body in seen, "Tab never reaches the editor"
    assert window.search in seen


def test_status_is_not_only_a_colour(qtbot, controller):
    """Draft/final status in the entry list is text (the colour is only an extra cue)."""
    from ui.entries.model import COL_STATUS

    unlock(qtbot, controller)
    model = controller.main_window.model
    texts = {model.data(model.index(row, COL_STATUS), Qt.ItemDataRole.DisplayRole) for row in range(model.rowCount())}
    assert texts & {"Draft", "Final"}


def test_text_follows_the_system_font_size(qtbot, qapp):
    """No hard-coded pixel sizes: a larger desktop font makes the dialogs' text larger."""
    from ui.dialogs import SettingsDialog
    from ui.common.settings import Settings

    original = qapp.font()
    try:
        big = qapp.font()
        big.setPointSizeF(original.pointSizeF() * 2)
        qapp.setFont(big)
        dialog = SettingsDialog(Settings(), "UTC")
        qtbot.addWidget(dialog)
        labels = dialog.findChildren(QLabel)
        assert labels and all(label.font().pointSizeF() >= big.pointSizeF() - 0.1 for label in labels)
    finally:
        qapp.setFont(original)


def test_tab_order_follows_the_layout_of_the_editor(qtbot, controller, monkeypatch):
    """From the entry's text, Tab goes through the panels below it to History…, not up to the search box."""
    from ui.common import a11y

    chains = []
    real_order = a11y.order_tab_chain
    monkeypatch.setattr(a11y, "order_tab_chain", lambda regions: chains.append(real_order(regions)) or chains[-1])
    unlock(qtbot, controller)
    window = controller.main_window
    _select_first_and_wait(qtbot, controller)
    qtbot.waitUntil(lambda: bool(chains), timeout=20_000)  # the chain is rebuilt once the window is laid out
    window.editor.body.setFocus()
    visited = []
    for _ in range(40):
        window.focusNextChild()
        focused = window.focusWidget()
        visited.append(focused)
        if focused is window.editor.history_button:
            break
    assert window.editor.history_button in visited, "Tab never reaches History… from the text"
    assert window.search not in visited, "Tab jumps from the editor to the tool bar and back"


def test_every_dialog_has_named_inputs(qtbot, controller, tmp_path):
    """Issue 17.20 beyond the main window: every input of every dialog says what it is."""
    from gui_helpers import every_dialog

    unlock(qtbot, controller)
    _select_first_and_wait(qtbot, controller)
    problems = []
    for name, make in every_dialog(controller.session, controller.main_window.editor.current_uuid, tmp_path):
        dialog = make()
        qtbot.addWidget(dialog)
        problems += [f"[{name}] {p}" for p in unnamed(dialog)]
        dialog.close()
    assert not problems, "\n".join(problems)
