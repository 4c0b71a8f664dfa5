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
