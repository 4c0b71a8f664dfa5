"""Accessibility helpers: spoken status (`announce`) and a keyboard order that follows the eye.

`announce(widget, text, assertive=False)` is the ONE way to tell a screen reader about a status
change or an error that appears without focus moving ("Saved", "1 file attached", "Wrong
passphrase"): a QAccessibleAnnouncementEvent (Qt 6.8+), which Qt turns into an AT-SPI
`object:announcement`, a UI Automation notification or an NSAccessibility announcement: the
desktop equivalent of an ARIA live region. Polite waits for the current speech; assertive
interrupts it (errors the person must act on). Focus is not moved.

Keyboard order:

Qt's default Tab order is the order widgets were created. Features add their
panels to the editor after the main window built its tool bar, so Tab jumped
from the entry's text to the search box and back into the attachments panel.
`order_tab_chain` rebuilds the chain region by region (tool bar, sidebar, list,
editor), top to bottom and left to right inside each region.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QWidget

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
