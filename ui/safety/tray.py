"""The tray icon (where the desktop has a tray): lock in one click, quit."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from ui.common.resources import app_icon


class LockTray(QObject):
    """A tray icon with "Lock now" and "Quit"; nothing at all when no tray exists."""

    lock_requested = Signal()
    quit_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.icon: QSystemTrayIcon | None = None
        self.menu = QMenu()
        self.lock_action = QAction(self.tr("&Lock now"), self)
        self.lock_action.setToolTip(self.tr("Close the journal and forget the key"))
        self.lock_action.triggered.connect(self.lock_requested)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.triggered.connect(self.quit_requested)
        self.menu.addAction(self.lock_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.set_unlocked(False)
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon = QSystemTrayIcon(app_icon(), self)
            self.icon.setToolTip(self.tr("Incident Journal"))  # never the journal's name
            self.icon.setContextMenu(self.menu)
            self.icon.show()

    @property
    def available(self) -> bool:
        return self.icon is not None

    def set_unlocked(self, unlocked: bool) -> None:
        self.lock_action.setEnabled(unlocked)

    def hide(self) -> None:
        if self.icon is not None:
            self.icon.hide()
