"""Copying secrets: the clipboard is cleared again after a short time."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

CLEAR_AFTER_MS = 60_000


def copy_secret(text: str, clear_after_ms: int = CLEAR_AFTER_MS) -> None:
    """Put `text` on the clipboard and remove it later, unless something else replaced it."""
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(text)

    def clear() -> None:
        if clipboard.text() == text:
            clipboard.clear()

    QTimer.singleShot(clear_after_ms, clear)
