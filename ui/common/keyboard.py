"""Keyboard and screen-reader rules for every window at once (issue 24).

`install_keyboard_rules()` (called by the app before its first window, and by the main window,
idempotent) installs one application event filter and one accessibility factory, so a new table,
date field or dialog cannot forget them:

- Tab and Shift+Tab leave every table and list, and text fields give Tab back (WCAG 2.1.2);
- a date-time field, and a label with a link, is one Tab stop;
- Shift+F10 opens the focused widget's context menu, as the Menu key does;
- combo boxes are named by their label, not their current value, on the accessibility bus;
- a window or dialog is shrunk and moved onto the screen's free area when shown, and a dialog's
  buttons are tabbed left to right as shown.

docs/accessibility.md lists the keys; tests/test_gui_keyboard_walk.py walks every window.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from ui.common.a11y import ROW_TOLERANCE_PX


# --- names that say what a control is, not its value ----------------------------------------------
# On Linux Qt's own accessible combo box reports its CURRENT TEXT as its name (qaccessiblewidgets:
# "on Linux we use relations for this"), so Orca read "Europe/Moscow, combo box" instead of
# "Time zone", and an editable combo box renamed itself to whatever was typed. This interface keeps
# everything a combo box exposes (role, the list as its child, the typed text's line edit, the
# "show menu" action) but names it like every other widget: its accessible name, else its buddy
# label's text; the current text is its Value.
_combo_interfaces: list = []  # Qt deletes an interface with its widget; we only keep Python from freeing it first
_factory_installed = False


def _combo_interface_class():
    from PySide6.QtGui import QAccessible, QAccessibleActionInterface
    from PySide6.QtWidgets import QAccessibleWidget, QComboBox

    show_menu, press = QAccessibleActionInterface.showMenuAction(), QAccessibleActionInterface.pressAction()

    class ComboBoxAccessible(QAccessibleWidget):
        def __init__(self, combo: QComboBox) -> None:
            super().__init__(combo, QAccessible.Role.ComboBox)
            self._combo = combo

        def text(self, kind):  # noqa: ANN001 (Qt override)
            if kind == QAccessible.Text.Value:
                return self._combo.currentText()
            return super().text(kind)  # Name: accessibleName, else the buddy label (QAccessibleWidget)

        def _parts(self) -> list:
            parts = [self._combo.view()]
            if self._combo.isEditable() and self._combo.lineEdit() is not None:
                parts.append(self._combo.lineEdit())
            return parts

        def childCount(self) -> int:  # noqa: N802 (Qt name)
            return len(self._parts())

        def child(self, index: int):
            parts = self._parts()
            return QAccessible.queryAccessibleInterface(parts[index]) if 0 <= index < len(parts) else None

        def indexOfChild(self, child) -> int:  # noqa: N802 (Qt name)
            target = child.object() if child is not None else None
            for i, part in enumerate(self._parts()):
                if part is target:
                    return i
            return -1

        def actionNames(self) -> list[str]:  # noqa: N802 (Qt name)
            return [show_menu, *super().actionNames()]

        def doAction(self, name: str) -> None:  # noqa: N802 (Qt name)
            if name in (show_menu, press):
                self._combo.showPopup()
            else:
                super().doAction(name)

    return ComboBoxAccessible


def install_accessible_names() -> None:
    """Once per application: combo boxes are named by what they are (see above). Idempotent."""
    global _factory_installed
    if _factory_installed or sys.platform == "win32":  # Windows' bridge already uses the accessible name
        return
    import shiboken6
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QComboBox

    interface_class = _combo_interface_class()

    def factory(_class_name: str, obj):  # noqa: ANN001
        if not isinstance(obj, QComboBox):
            return None
        _combo_interfaces[:] = [i for i in _combo_interfaces if shiboken6.isValid(i)]
        interface = interface_class(obj)
        _combo_interfaces.append(interface)
        return interface

    QAccessible.installFactory(factory)
    _factory_installed = True


# --- keyboard rules for every window ---------------------------------------------------------------
# One application-wide filter, like the wheel guard, so a new table or date field cannot forget them:
# - Tab and Shift+Tab leave every table and list (WCAG 2.1.2: Qt's tables moved from cell to cell
#   forever); the arrow keys move inside.
# - A date-time field, and a label with a link, is one Tab stop; Left/Right move between its parts, Up/Down change them
#   (QDateTimeEdit spent one Tab per part: five for "25.12.2024 22:10").
# - Shift+F10 opens the focused widget's context menu, as the Menu key does (Windows raises it itself).


def _context_menu_point(widget: QWidget) -> QPoint:
    """Where a keyboard-opened menu appears: at the current item or the text cursor, else the middle."""
    from PySide6.QtWidgets import QAbstractItemView

    if isinstance(widget, QAbstractItemView) and widget.currentIndex().isValid():
        rect = widget.visualRect(widget.currentIndex())
        if not rect.isEmpty():
            return widget.viewport().mapTo(widget, rect.center())
    if widget.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled):
        cursor = widget.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
        center = getattr(cursor, "center", None)
        if center is not None and widget.rect().contains(center().toPoint() if hasattr(center(), "toPoint")
                                                         else center()):
            point = center()
            return point.toPoint() if hasattr(point, "toPoint") else point
    return widget.rect().center()


def open_context_menu(widget: QWidget) -> None:
    """Send `widget` the context-menu event the Menu key sends (it goes up to parents if ignored)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QContextMenuEvent

    point = _context_menu_point(widget)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, point, widget.mapToGlobal(point))
    QCoreApplication.sendEvent(widget, event)


def _keyboard_filter_class():
    from PySide6.QtCore import QCoreApplication, QEvent, QObject
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QAbstractItemView, QApplication, QDateTimeEdit, QLabel, QPlainTextEdit, QTextEdit

    class KeyboardRules(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
            kind = event.type()
            if kind == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
                fit_window_on_screen(watched)
                order_button_boxes(watched)
                return False
            if kind == QEvent.Type.Polish:
                if isinstance(watched, QAbstractItemView):
                    watched.setTabKeyNavigation(False)
                elif isinstance(watched, (QPlainTextEdit, QTextEdit)):
                    watched.setTabChangesFocus(True)  # notes and card texts never swallow Tab either
                return False
            if kind != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
                return False
            key, mods = event.key(), event.modifiers()
            if (key == Qt.Key.Key_F10 and mods == Qt.KeyboardModifier.ShiftModifier
                    and sys.platform != "win32"):
                focused = QApplication.focusWidget() or watched
                open_context_menu(focused)
                return True
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not mods & ~Qt.KeyboardModifier.ShiftModifier:
                edit = _date_time_edit_of(watched) or _link_label(watched)
                if edit is not None and not edit.isWindow():
                    # The window moves focus along its chain (QWidget::event's own Tab handling).
                    forward = key == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ShiftModifier
                    QCoreApplication.sendEvent(edit.window(), QKeyEvent(
                        QEvent.Type.KeyPress, Qt.Key.Key_Tab if forward else Qt.Key.Key_Backtab,
                        Qt.KeyboardModifier.NoModifier if forward else Qt.KeyboardModifier.ShiftModifier))
                    return True
            return False

    def _date_time_edit_of(widget: QWidget):
        while widget is not None and not widget.isWindow():
            if isinstance(widget, QDateTimeEdit):
                return widget
            widget = widget.parentWidget()
        return None

    def _link_label(widget: QWidget):
        """A label whose link takes focus: Qt's QLabel kept Tab on its only link forever."""
        if isinstance(widget, QLabel) and widget.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByKeyboard:
            return widget
        return None

    return KeyboardRules


# Room left for the window manager's title bar and frame, which Qt's geometry does not include.
TITLE_BAR_ROOM_PX = 40
FRAME_ROOM_PX = 16


def fit_window_on_screen(window: QWidget) -> bool:
    """Shrink and move a window or dialog that would reach past the screen's free area (issue 24.4:
    the History dialog's Close button was off-screen at 150 % scale); True if it changed.

    Contents that then need more room scroll (the pages and the editor sit in scroll areas);
    a window whose minimum size is larger than the screen keeps that size, at the top-left."""
    from PySide6.QtCore import QRect

    if window.windowType() not in (Qt.WindowType.Window, Qt.WindowType.Dialog) or window.isMaximized() \
            or window.isFullScreen():
        return False
    screen = window.screen()
    if screen is None:
        return False
    free = screen.availableGeometry()
    width = max(min(window.width(), free.width() - FRAME_ROOM_PX), window.minimumWidth())
    height = max(min(window.height(), free.height() - TITLE_BAR_ROOM_PX), window.minimumHeight())
    pos = window.pos()
    x = min(max(pos.x(), free.left()), max(free.right() - width - FRAME_ROOM_PX // 2, free.left()))
    y = min(max(pos.y(), free.top()), max(free.bottom() - height - TITLE_BAR_ROOM_PX, free.top()))
    if QRect(x, y, width, height) == QRect(pos.x(), pos.y(), window.width(), window.height()):
        return False
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    if window.isVisible() or window.testAttribute(Qt.WidgetAttribute.WA_Moved) or (x, y) != (pos.x(), pos.y()):
        window.move(x, y)
    return True


def order_button_boxes(window: QWidget) -> None:
    """Tab through a dialog's buttons left to right, as they are shown: QDialogButtonBox places them
    by the platform's convention (Cancel before or after OK), while Tab followed their creation."""
    from PySide6.QtWidgets import QDialogButtonBox

    for box in window.findChildren(QDialogButtonBox):
        buttons = sorted((b for b in box.buttons() if b.isVisibleTo(window)),
                         key=lambda b: (b.mapTo(box, QPoint(0, 0)).y() // ROW_TOLERANCE_PX, b.mapTo(box, QPoint(0, 0)).x()))
        for first, second in zip(buttons, buttons[1:]):
            QWidget.setTabOrder(first, second)


_keyboard_rules = None


def install_keyboard_rules() -> None:
    """Install the keyboard rules and the combo box names once on the running application (idempotent)."""
    global _keyboard_rules
    from PySide6.QtCore import QCoreApplication

    install_accessible_names()
    app = QCoreApplication.instance()
    if app is None:
        return
    if _keyboard_rules is None or _keyboard_rules.parent() is not app:
        _keyboard_rules = _keyboard_filter_class()(app)
        app.installEventFilter(_keyboard_rules)
