"""Keyboard order that follows what the eye sees.

Qt's default Tab order is the order widgets were created. Features add their
panels to the editor after the main window built its tool bar, so Tab jumped
from the entry's text to the search box and back into the attachments panel.
`order_tab_chain` rebuilds the chain region by region (tool bar, sidebar, list,
editor), top to bottom and left to right inside each region.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

ROW_TOLERANCE_PX = 8  # widgets whose tops differ by less than this sit on the same row


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
