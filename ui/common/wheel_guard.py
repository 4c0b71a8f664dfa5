"""The mouse wheel never changes a value it was not aimed at.

Qt lets the wheel change any combo box, spin box or date-time edit under the
pointer, even without focus. Scrolling a long editor page then silently edits
saved fields: Category, Status, the date, and autosave keeps each notch as a
new revision (issue 17: 15 revisions in a minute, Mobilization became Border).
KeePassXC and Signal Desktop do what people expect: a value widget reacts to
the wheel only while it has keyboard focus; otherwise the wheel scrolls the
page the widget sits in.

One application-wide event filter does it for every window and dialog, so a
new widget cannot forget it. Value widgets also lose Qt::WheelFocus (the wheel
would otherwise give them focus first and then change them).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSlider, QAbstractSpinBox, QComboBox, QScrollBar, QWidget

# Widgets whose value the wheel changes. Scroll bars are sliders too but scrolling is their job.
_VALUE_WIDGETS = (QComboBox, QAbstractSpinBox, QAbstractSlider)


def _is_value_widget(obj: QObject) -> bool:
    return isinstance(obj, _VALUE_WIDGETS) and not isinstance(obj, QScrollBar)


def _owner_value_widget(obj: QObject) -> QWidget | None:
    """The value widget an event is really for (a spin box's line edit belongs to the spin box)."""
    widget = obj if isinstance(obj, QWidget) else None
    while widget is not None:
        if _is_value_widget(widget):
            return widget
        if isinstance(widget, QAbstractScrollArea):
            return None
        widget = widget.parentWidget()
    return None


class WheelGuard(QObject):
    """Application event filter: an unfocused value widget passes the wheel to its page."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        kind = event.type()
        if kind == QEvent.Type.Polish and _is_value_widget(watched):
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        if kind != QEvent.Type.Wheel:
            return False
        target = _owner_value_widget(watched)
        if target is None or target.hasFocus() or _has_focus_inside(target):
            return False
        area = _scroll_area_around(target)
        if area is not None:
            QCoreApplication.sendEvent(area.viewport(), event)
        return True  # the value widget never sees it


def _has_focus_inside(widget: QWidget) -> bool:
    focused = QCoreApplication.instance().focusWidget() if QCoreApplication.instance() else None
    return focused is not None and widget.isAncestorOf(focused)


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not _is_value_widget(parent):
            return parent
        parent = parent.parentWidget()
    return None


_guard: WheelGuard | None = None


def install_wheel_guard() -> None:
    """Install the filter once on the running QApplication (idempotent)."""
    global _guard
    app = QCoreApplication.instance()
    if app is None:
        return
    if _guard is None or _guard.parent() is not app:
        _guard = WheelGuard(app)
        app.installEventFilter(_guard)
