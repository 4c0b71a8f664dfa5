"""Auto-lock: a timer restarted by any keyboard or mouse input in the app.

Time is measured on a clock that wall-clock changes cannot move: QTimer runs
on the monotonic clock, and each input also compares against `_now()`
(CLOCK_BOOTTIME on Linux, which keeps counting while the laptop sleeps;
time.monotonic elsewhere). So setting the clock back never postpones a lock,
and input arriving after a long suspend locks instead of restarting the timer.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
             QEvent.Type.TouchBegin, QEvent.Type.InputMethod}


def _now() -> float:
    """Seconds on a clock immune to wall-clock jumps (and counting suspend where possible)."""
    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    if boottime is not None:
        try:
            return time.clock_gettime(boottime)
        except OSError:
            pass
    return time.monotonic()


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self.set_interval(interval_ms)
        self._installed = False
        self._last_input = _now()

    def set_interval(self, interval_ms: int) -> None:
        self._timer.setInterval(max(1, int(interval_ms)))
        if self._timer.isActive():
            self._timer.start()

    def interval(self) -> int:
        return self._timer.interval()

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        self._last_input = _now()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._timer.isActive():
            now = _now()
            if (now - self._last_input) * 1000 >= self._timer.interval():
                # The timer missed its moment (suspend): lock rather than restart.
                self._timer.stop()
                QTimer.singleShot(0, self.idle.emit)
                return False
            self._last_input = now
            self._timer.start()
        return False
