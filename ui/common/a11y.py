"""Accessibility helpers: spoken status (`announce`) and a keyboard order that follows the eye.

`announce(widget, text, assertive=False)` is the ONE way to tell a screen reader about a status
change or an error that appears without focus moving ("Saved", "1 file attached", "Wrong
passphrase"): a QAccessibleAnnouncementEvent (Qt 6.8+), which Qt turns into an AT-SPI
`object:announcement`, a UI Automation notification or an NSAccessibility announcement: the
desktop equivalent of an ARIA live region. Polite waits for the current speech; assertive
interrupts it (errors the person must act on). Focus is not moved.

Hints ("No entries yet", the forensic-recovery warning): `mark_hint(label)` instead of a
disabled label. A disabled label is drawn in the palette's Disabled text colour (#BEBEBE on
#EFEFEF in Fusion, 1.6:1) and screen readers call it "unavailable". A hint is an enabled label
in a colour mixed from the palette's own text and background colours, as light as possible
while it keeps a contrast of at least 4.5:1 (WCAG 1.4.3 AA) on both the window and the view
background; it is recomputed when the palette changes (dark themes included).

Keyboard order:

Qt's default Tab order is the order widgets were created. Features add their
panels to the editor after the main window built its tool bar, so Tab jumped
from the entry's text to the search box and back into the attachments panel.
`order_tab_chain` rebuilds the chain region by region (tool bar, sidebar, list,
editor), top to bottom and left to right inside each region.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent, QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

ROW_TOLERANCE_PX = 8  # widgets whose tops differ by less than this sit on the same row


def announce(widget: QWidget, text: str, assertive: bool = False) -> None:
    """Have screen readers speak `text` (from `widget`'s window), without moving focus.

    assertive=True for errors (interrupts; the widget also gets an Alert event, which older
    bridges that know no announcements speak); polite for status. Empty text says nothing.
    """
    text = " ".join(text.split())
    if not text or not QAccessible.isActive():
        return
    if assertive:
        alert = QAccessibleEvent(widget, QAccessible.Event.Alert)
        QAccessible.updateAccessibility(alert)
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if assertive
                        else QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)


MIN_CONTRAST = 4.5  # WCAG 2.1 AA for normal text
HINT_TARGET = 4.8  # a little above: rounding in the platform's colour handling stays clear of 4.5


def relative_luminance(color: QColor) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour."""
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio, 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _mix(text: QColor, background: QColor, amount: float) -> QColor:
    return QColor.fromRgbF(text.redF() + (background.redF() - text.redF()) * amount,
                           text.greenF() + (background.greenF() - text.greenF()) * amount,
                           text.blueF() + (background.blueF() - text.blueF()) * amount)


def hint_color(palette: QPalette) -> QColor:
    """The lightest mix of the palette's text toward its background that keeps HINT_TARGET contrast
    on both Window and Base (the palette's text colour itself if even that falls short)."""
    group = QPalette.ColorGroup.Active
    text = palette.color(group, QPalette.ColorRole.WindowText)
    backgrounds = (palette.color(group, QPalette.ColorRole.Window), palette.color(group, QPalette.ColorRole.Base))
    window = backgrounds[0]
    best = text
    for step in range(1, 20):
        candidate = _mix(text, window, step / 20)
        if min(contrast_ratio(candidate, background) for background in backgrounds) < HINT_TARGET:
            break
        best = candidate
    return best


class _HintPalette(QObject):
    """Re-colours a hint label when the palette (theme) changes."""

    def __init__(self, label: QWidget) -> None:
        super().__init__(label)
        self._busy = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange, QEvent.Type.ParentChange) \
                and not self._busy and isinstance(watched, QWidget):
            self._busy = True
            try:
                _apply_hint_color(watched)
            finally:
                self._busy = False
        return False


def _apply_hint_color(label: QWidget) -> None:
    parent = label.parentWidget()
    base = parent.palette() if parent is not None else QApplication.palette()
    palette = label.palette()
    color = hint_color(base)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.WindowText, color)
        palette.setColor(group, QPalette.ColorRole.Text, color)
    label.setPalette(palette)


def mark_hint(label: QWidget) -> None:
    """Show `label` as secondary text: lighter than body text, still readable (>= 4.5:1), enabled."""
    label.setEnabled(True)
    label.setProperty("hint", True)
    _apply_hint_color(label)
    label.installEventFilter(_HintPalette(label))


def focusable_in(region: QWidget) -> list[QWidget]:
    """The widgets Tab can reach inside `region`, in reading order (rows, then left to right)."""
    # Hidden and disabled widgets stay in the chain (Tab skips them; they may show up later).
    widgets = [w for w in region.findChildren(QWidget)
               if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None
               and not _inside_compound(w, region)]
    if region.focusPolicy() & Qt.FocusPolicy.TabFocus:
        widgets.insert(0, region)

    def key(widget: QWidget) -> tuple[int, int]:
        top_left = widget.mapTo(region, QPoint(0, 0)) if widget is not region else QPoint(0, 0)
        return top_left.y() // ROW_TOLERANCE_PX, top_left.x()

    return sorted(widgets, key=key)


def first_focusable(region: QWidget) -> QWidget | None:
    """The first widget in `region` (in reading order) that Tab could stop at now, or None."""
    for widget in focusable_in(region):
        if widget.isVisible() and widget.isEnabled():
            return widget
    return None


def _inside_compound(widget: QWidget, region: QWidget) -> bool:
    """Editors inside combo boxes, spin boxes and views: their owner takes the focus."""
    from PySide6.QtWidgets import QAbstractItemView, QAbstractSpinBox, QComboBox

    parent = widget.parentWidget()
    while parent is not None and parent is not region:
        if isinstance(parent, (QComboBox, QAbstractSpinBox, QAbstractItemView)):
            return True
        parent = parent.parentWidget()
    return False


def order_tab_chain(regions: list[QWidget]) -> list[QWidget]:
    """Chain Tab through `regions` in the given order; return the chain (for tests)."""
    chain: list[QWidget] = []
    for region in regions:
        for widget in focusable_in(region):
            if widget not in chain:
                chain.append(widget)
    for first, second in zip(chain, chain[1:]):
        QWidget.setTabOrder(first, second)
    return chain


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
    if _factory_installed:
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
    import sys

    from PySide6.QtCore import QCoreApplication, QEvent, QObject
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QAbstractItemView, QApplication, QDateTimeEdit, QLabel, QPlainTextEdit, QTextEdit

    class KeyboardRules(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
            kind = event.type()
            if kind == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
                fit_window_on_screen(watched)
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


def announce(widget: QWidget, text: str) -> None:
    """Have screen readers speak `text` (a status change such as "Linked"), without moving focus.

    Qt 6.8+ sends an AT-SPI announcement (a polite live-region message on Windows/macOS); older Qt
    gets a name change on `widget`, which Orca reads for the focused widget's parents too.
    """
    from PySide6.QtGui import QAccessible, QAccessibleEvent

    if not text:
        return
    try:
        from PySide6.QtGui import QAccessibleAnnouncementEvent
    except ImportError:  # Qt older than 6.8
        QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.NameChanged))
        return
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))
