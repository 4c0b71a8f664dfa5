"""Accessibility helpers: spoken status (`announce`) and a keyboard order that follows the eye.

`announce(widget, text, assertive=False)` is the ONE way to tell a screen reader about a status
change or an error that appears without focus moving ("Saved", "1 file attached", "Wrong
passphrase"): the desktop equivalent of an ARIA live region. Polite waits for the current speech;
assertive interrupts it (errors the person must act on). Focus is not moved.

- Windows and macOS: a QAccessibleAnnouncementEvent (Qt 6.8+), which Qt turns into a UI Automation
  notification (NVDA, Narrator, JAWS) or an NSAccessibility announcement (VoiceOver).
- Linux: Qt would send an AT-SPI `object:announcement`, but Orca 43 (Debian 12) ignores that signal
  (it was heard in a real Orca session: nothing was spoken; docs/accessibility.md). Every Orca speaks
  a *notification* that appears (`object:state-changed:showing` on role notification), so each
  window gets one invisible `Notice` of that role, named by the text and shown anew for each
  announcement. Only one of the two is sent, so a newer Orca that knows both does not speak twice.

`StatusVoice` speaks a repeated status ("Saved 14:05") at most once a minute, unless the person
asked for it (Ctrl+S): an autosave every pause in typing was read out every time.

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

import sys
import time
from collections.abc import Callable

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
    if USE_NOTICES:
        notice_for(widget).say(text, assertive)
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if assertive
                        else QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)


USE_NOTICES = sys.platform.startswith("linux")  # see the module's docstring: Orca and object:announcement
NOTICE_OBJECT_NAME = "a11y_notice"


class Notice(QWidget):
    """A window's spoken-status carrier on Linux: role notification, named by what it says, 1×1 px,
    drawn as nothing, never focused; `say` shows it anew, which is what Orca speaks."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName(NOTICE_OBJECT_NAME)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setGeometry(0, 0, 1, 1)
        self.said: list[tuple[str, bool]] = []  # the last few (text, assertive), for tests; memory only
        _install_notice_factory()
        self.hide()

    def say(self, text: str, assertive: bool) -> None:
        self.said = [*self.said[-9:], (text, assertive)]
        self.hide()
        self.setAccessibleName(text)
        self.show()  # QAccessible::ObjectShow: AT-SPI object:state-changed:showing, detail 1
        self.lower()


def notice_for(widget: QWidget) -> Notice:
    """The window's Notice, made on first use."""
    window = widget.window()
    notice = window.findChild(Notice, NOTICE_OBJECT_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    return notice if notice is not None else Notice(window)


_notice_factory_installed = False
_notice_interfaces: list = []  # kept from Python's collector; Qt deletes each with its widget


def _install_notice_factory() -> None:
    global _notice_factory_installed
    if _notice_factory_installed:
        return
    import shiboken6
    from PySide6.QtWidgets import QAccessibleWidget

    def factory(_class_name: str, obj):  # noqa: ANN001
        if not isinstance(obj, Notice):
            return None
        _notice_interfaces[:] = [i for i in _notice_interfaces if shiboken6.isValid(i)]
        interface = QAccessibleWidget(obj, QAccessible.Role.Notification)
        _notice_interfaces.append(interface)
        return interface

    QAccessible.installFactory(factory)
    _notice_factory_installed = True


STATUS_REPEAT_S = 60.0  # a repeated status is spoken at most this often, unless asked for


class StatusVoice:
    """Speaks a status that recurs ("Saved 14:05" after each autosave) politely and at most once per
    `every_s` seconds; `force=True` (the person asked: Ctrl+S) always speaks. `clock` for tests."""

    def __init__(self, every_s: float = STATUS_REPEAT_S, clock: Callable[[], float] = time.monotonic) -> None:
        self.every_s = every_s
        self.clock = clock
        self._last: float | None = None

    def say(self, widget: QWidget, text: str, force: bool = False) -> bool:
        """Announce `text` if forced or if the last one was long enough ago; True if it was spoken."""
        now = self.clock()
        if not force and self._last is not None and now - self._last < self.every_s:
            return False
        self._last = now
        announce(widget, text)
        return True

    def reset(self) -> None:
        """A new subject (another entry opened): its first status is spoken."""
        self._last = None


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


PLACEHOLDER_TARGET = HINT_TARGET


def placeholder_color(palette: QPalette, group: QPalette.ColorGroup = QPalette.ColorGroup.Active) -> QColor:
    """Placeholder text: the lightest mix of Text toward Base that keeps PLACEHOLDER_TARGET on Base
    (Fusion's half-transparent text colour gave about 4:1); opaque."""
    text = palette.color(group, QPalette.ColorRole.Text)
    base = palette.color(group, QPalette.ColorRole.Base)
    text = QColor.fromRgbF(text.redF(), text.greenF(), text.blueF())
    best = text
    for step in range(1, 20):
        candidate = _mix(text, base, step / 20)
        if contrast_ratio(candidate, base) < PLACEHOLDER_TARGET:
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
