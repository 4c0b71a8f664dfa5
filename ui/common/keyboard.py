"""Keyboard and screen-reader rules for every window at once (issue 24).

`install_keyboard_rules()` (called by the app before its first window, and by the main window,
idempotent) installs one application event filter and one accessibility factory, so a new table,
date field or dialog cannot forget them:

- Tab and Shift+Tab leave every table and list, and text fields give Tab back (WCAG 2.1.2);
- a date-time field, and a label with a link, is one Tab stop;
- Shift+F10 opens the focused widget's context menu, as the Menu key does;
- Alt+Down, Alt+Up and F4 open a date field's calendar, as they open a combo box; arrows move in it,
  Return takes the day, Escape closes it and puts the date back;
- placeholder text is drawn at >= 4.5:1 on the palette's view background (dark themes included);
- combo boxes are named by their label, not their current value, on the accessibility bus;
- a window or dialog is shrunk and moved onto the screen's free area when shown, and a dialog's
  buttons are tabbed left to right as shown.

docs/accessibility.md lists the keys; tests/test_gui_keyboard_walk.py walks every window.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from ui.common.a11y import ROW_TOLERANCE_PX, USE_NOTICES, announce, notice_for


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
    from PySide6.QtWidgets import QAccessibleWidget, QComboBox, QStackedWidget

    interface_class = _combo_interface_class()

    def factory(_class_name: str, obj):  # noqa: ANN001
        if isinstance(obj, QStackedWidget) and not obj.accessibleName():
            # An unnamed page stack is layout, not a place: Qt calls it a "layered pane", which Orca
            # read out ("layered pane, layered pane") on every move between the list and the editor
            # (heard in a real Orca session). Role Client is AT-SPI's "filler", which Orca skips.
            _combo_interfaces[:] = [i for i in _combo_interfaces if shiboken6.isValid(i)]
            interface = QAccessibleWidget(obj, QAccessible.Role.Client)
            _combo_interfaces.append(interface)
            return interface
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
                grow_to_contents(watched)
                fit_window_on_screen(watched)
                order_button_boxes(watched)
                if USE_NOTICES and watched.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog):
                    notice_for(watched)  # made with the window, so it is on the bus before it first speaks
                return False
            if kind == QEvent.Type.Polish:
                if isinstance(watched, QAbstractItemView):
                    watched.setTabKeyNavigation(False)
                elif isinstance(watched, (QPlainTextEdit, QTextEdit)):
                    watched.setTabChangesFocus(True)  # notes and card texts never swallow Tab either
                return False
            if kind == QEvent.Type.ApplicationPaletteChange and watched is QCoreApplication.instance():
                apply_placeholder_contrast()
                return False
            if kind != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
                return False
            key, mods = event.key(), event.modifiers()
            if _is_calendar_key(key, mods):
                edit = _date_time_edit_of(watched)
                if edit is not None and edit.calendarPopup() and not edit.isReadOnly() and edit.isEnabled():
                    open_calendar(edit)
                    return True
            if key == Qt.Key.Key_Escape and mods == Qt.KeyboardModifier.NoModifier:
                _cancel_calendar(watched)
                return False  # the popup closes itself on Escape
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


def _is_calendar_key(key: int, mods) -> bool:
    alt = Qt.KeyboardModifier.AltModifier
    return (key == Qt.Key.Key_F4 and mods == Qt.KeyboardModifier.NoModifier) or \
        (key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and mods in (alt, alt | Qt.KeyboardModifier.KeypadModifier))


# --- a date field's calendar from the keyboard ------------------------------------------------------
# QDateTimeEdit opens its calendar popup only on a mouse press on its arrow (there is no public call),
# so the keyboard rule presses there: the same code path, the same popup, placed as for the mouse.
CALENDAR_OBJECT_NAME = "qt_datetimedit_calendar"  # QDateTimeEdit's popup window (Qt's own name)
_BEFORE_CALENDAR = "_a11y_date_before_calendar"


def open_calendar(edit) -> QWidget | None:  # noqa: ANN001 (a QDateTimeEdit with a calendar popup)
    """Open `edit`'s calendar popup as a click on its arrow does; focus goes to the month's days
    (arrows move, Return takes the day, Escape closes and keeps the date it had). The popup, or None."""
    from PySide6.QtCore import QCoreApplication, QEvent, QPointF
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication, QCalendarWidget, QStyle, QStyleOptionComboBox

    option = QStyleOptionComboBox()
    option.initFrom(edit)
    option.editable = True
    option.subControls = QStyle.SubControl.SC_All
    arrow = edit.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                        QStyle.SubControl.SC_ComboBoxArrow, edit)
    if arrow.isEmpty():
        return None
    edit.setProperty(_BEFORE_CALENDAR, edit.dateTime())
    point = QPointF(arrow.center())
    left = Qt.MouseButton.LeftButton
    for kind, buttons in ((QEvent.Type.MouseButtonPress, left), (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton)):
        QCoreApplication.sendEvent(edit, QMouseEvent(kind, point, edit.mapToGlobal(point), left, buttons,
                                                     Qt.KeyboardModifier.NoModifier))
    popup = next((w for w in edit.findChildren(QWidget, CALENDAR_OBJECT_NAME) if w.isVisible()), None)
    calendar = popup.findChild(QCalendarWidget) if popup is not None else None
    if calendar is None:
        return None
    label = edit.accessibleName() or QCoreApplication.translate("Keyboard", "Date")
    name = QCoreApplication.translate("Keyboard", "Calendar: {field}").format(field=label)
    calendar.setAccessibleName(name)
    view = calendar.focusProxy() or calendar
    view.setFocus(Qt.FocusReason.PopupFocusReason)
    if QApplication.focusWidget() is None:
        calendar.setFocus(Qt.FocusReason.PopupFocusReason)
    # Orca read the calendar as "table with 7 rows 7 columns" and a row of day numbers, never the
    # day the cursor is on: say the field and the day on opening, and each day the arrows move to.
    if not calendar.property("_a11y_speaks_days"):
        calendar.setProperty("_a11y_speaks_days", True)
        calendar.selectionChanged.connect(lambda: announce(calendar, _spoken_day(calendar)))
    announce(calendar, f"{name}. {_spoken_day(calendar)}")
    return popup


def _spoken_day(calendar) -> str:  # noqa: ANN001 (QCalendarWidget)
    from PySide6.QtCore import QLocale

    return QLocale().toString(calendar.selectedDate(), QLocale.FormatType.LongFormat)


def _cancel_calendar(widget: QWidget) -> None:
    """Escape in a date field's calendar: the field gets back the date it had when it opened."""
    window = widget.window()
    if window.objectName() != CALENDAR_OBJECT_NAME:
        return
    edit = window.parentWidget()
    before = edit.property(_BEFORE_CALENDAR) if edit is not None else None
    if before is not None and hasattr(edit, "setDateTime"):
        edit.setDateTime(before)
        edit.setProperty(_BEFORE_CALENDAR, None)


# --- placeholder text at 4.5:1 ----------------------------------------------------------------------
# Fusion draws placeholders in the text colour at half opacity: about 4:1 on white, less on dark
# themes. The palette's PlaceholderText becomes the lightest mix of Text toward Base that keeps
# HINT_TARGET on Base (ui/common/a11y.py: hint_color), recomputed when the palette changes.

def apply_placeholder_contrast() -> bool:
    """Set the application palette's placeholder colour to >= 4.5:1 on its view background; True if changed."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from ui.common.a11y import placeholder_color

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return False
    palette = app.palette()
    changed = False
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        color = placeholder_color(palette, group)
        if palette.color(group, QPalette.ColorRole.PlaceholderText) != color:
            palette.setColor(group, QPalette.ColorRole.PlaceholderText, color)
            changed = True
    if changed:
        app.setPalette(palette)
    return changed


def grow_to_contents(window: QWidget) -> bool:
    """Make a window wide enough for its layout and tall enough for its word-wrapped labels (True if it grew).

    Qt sizes a new dialog by its layout's size hint, which ignores height-for-width: at 150 % in
    Russian the card-name dialog cut its explanation at the top and the bottom. The screen limit
    (fit_window_on_screen) still applies afterwards."""
    layout = window.layout()
    if layout is None or window.isMaximized() or window.isFullScreen():
        return False
    if window.windowType() not in (Qt.WindowType.Window, Qt.WindowType.Dialog):
        return False
    # A fixed minimum width (setMinimumWidth) hides the layout's own minimum from Qt: at 150 % in
    # Russian the person dialog cut its "Sensitive: …" check box at the right.
    width = max(window.width(), layout.totalMinimumSize().width())
    height = max(window.height(), layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else 0)
    if (width, height) == (window.width(), window.height()):
        return False
    window.resize(width, height)
    return True


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
    apply_placeholder_contrast()
    if _keyboard_rules is None or _keyboard_rules.parent() is not app:
        _keyboard_rules = _keyboard_filter_class()(app)
        app.installEventFilter(_keyboard_rules)
