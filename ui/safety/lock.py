"""Reasons to lock that come from outside the app: screen lock, sleep, minimize.

On Linux the desktop announces them on D-Bus:
    session bus  org.freedesktop.ScreenSaver  ActiveChanged(bool)   screen locked / saver on
    system bus   org.freedesktop.login1       PrepareForSleep(bool) suspend or hibernate starts
Both are connected through QtDBus when it is installed and a bus is running;
when not (Windows, macOS, a bare X session, tests) nothing fails and the idle
timer is the fallback. Minimize locks only when the user asked for it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

SCREENSAVER = ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver",
               "ActiveChanged")
LOGIN1 = ("org.freedesktop.login1", "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
          "PrepareForSleep")


class LockTriggers(QObject):
    """Emits `lock_requested(reason)` on screen lock, sleep and (optionally) minimize."""

    lock_requested = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lock_on_minimize = False
        self.lock_on_screen_lock = True
        self.connected: list[str] = []
        self._windows: list[QWidget] = []

    def connect_desktop(self) -> list[str]:
        """Subscribe to the D-Bus signals that exist here; returns the names connected."""
        try:
            from PySide6.QtCore import SLOT
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return self.connected
        for bus, spec, slot in ((QDBusConnection.sessionBus, SCREENSAVER, "screen_locked(bool)"),
                                (QDBusConnection.systemBus, LOGIN1, "going_to_sleep(bool)")):
            try:
                connection = bus()
                if connection.isConnected() and connection.connect(*spec, self, SLOT(slot)):
                    self.connected.append(spec[3])
            except Exception:  # noqa: BLE001, S112 - a broken bus must never stop the app from starting
                continue
        return self.connected

    @Slot(bool)
    def screen_locked(self, active: bool) -> None:
        if active and self.lock_on_screen_lock:
            self.lock_requested.emit("screen")

    @Slot(bool)
    def going_to_sleep(self, sleeping: bool) -> None:
        if sleeping and self.lock_on_screen_lock:
            self.lock_requested.emit("sleep")

    def watch_window(self, window: QWidget) -> None:
        """Lock when this window is minimized (if the setting is on)."""
        if window not in self._windows:
            self._windows.append(window)
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.WindowStateChange and self.lock_on_minimize
                and isinstance(watched, QWidget) and watched.isMinimized()):
            self.lock_requested.emit("minimize")
        return False
