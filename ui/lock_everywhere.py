"""Locking reaches every window: the lock key works in dialogs, and a lock closes them all.

Ctrl+L is a main-window shortcut, and Qt does not deliver a window's shortcuts while a dialog
or a message box is in front of it; lock by idle, screen lock or sleep used to leave open
dialogs (with journal content) on screen over the unlock window. Two pieces, used by the app
controller (the shell):

- LockKeyFilter: an application event filter that turns the lock key pressed in any window of
  the app into a lock request (the main window's own shortcut still handles it there first,
  so it never fires twice);
- close_windows_for_lock(): rejects every open dialog (a dialog's exec() then returns
  Rejected, so nothing typed into it is written, and nothing is half-written), closes menus
  and other top-level windows, keeping only the ones the caller names.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QWidget

LOCK_KEY = QKeySequence("Ctrl+L")


class LockKeyFilter(QObject):
    """Emits lock_requested when the lock key is pressed anywhere in the app."""

    lock_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = False  # only while a journal is open

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if not self.enabled or event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        if QKeySequence(event.keyCombination()) != LOCK_KEY:
            return False
        self.lock_requested.emit()
        return True


def close_windows_for_lock(keep: tuple[QWidget | None, ...] = ()) -> int:
    """Close every visible top-level window but those in `keep`; return how many were closed."""
    kept = {id(w) for w in keep if w is not None}
    closed = 0
    while (popup := QApplication.activePopupWidget()) is not None:  # open menus, combo lists
        popup.close()
        closed += 1
        if popup.isVisible():
            break
    # Dialogs opened from dialogs: close the innermost first, so each exec() unwinds in order.
    for widget in reversed(QApplication.topLevelWidgets()):
        if id(widget) in kept or not widget.isVisible():
            continue
        if isinstance(widget, QDialog):
            widget.reject()
        widget.hide()
        closed += 1
    return closed
