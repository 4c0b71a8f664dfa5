"""Copying secrets: marked for password managers, cleared again after a short time.

A phone number, a recovery code or an entry copied from the app is put on
the clipboard with the hints clipboard managers and history features honour:
    x-kde-passwordManagerHint = "secret"                (Klipper and other KDE/Linux managers)
    org.nspasteboard.ConcealedType                      (macOS clipboard managers)
    ExcludeClipboardContentFromMonitorProcessing,
    CanIncludeInClipboardHistory = 0 (4 zero bytes)     (Windows clipboard history / cloud sync)
and a private marker so we only ever clear what is still ours. Lock clears it at once.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtGui import QGuiApplication

CLEAR_AFTER_MS = 30_000
OUR_MARKER = "application/x-incident-journal-copy"
SECRET_HINTS: dict[str, bytes] = {
    "x-kde-passwordManagerHint": b"secret",
    "org.nspasteboard.ConcealedType": b"",
    "ExcludeClipboardContentFromMonitorProcessing": b"",
    "CanIncludeInClipboardHistory": b"\x00\x00\x00\x00",
    "CanUploadToCloudClipboard": b"\x00\x00\x00\x00",
}

_current_token: bytes | None = None


def secret_mime_data(text: str, token: bytes) -> QMimeData:
    """The clipboard payload: the text, the password-manager hints and our marker."""
    mime = QMimeData()
    mime.setText(text)
    for kind, value in SECRET_HINTS.items():
        mime.setData(kind, value)
    mime.setData(OUR_MARKER, token)
    return mime


def clipboard_is_ours() -> bool:
    """True while the clipboard still holds the last thing this app copied."""
    clipboard = QGuiApplication.clipboard()
    mime = clipboard.mimeData()
    return (_current_token is not None and mime is not None and mime.hasFormat(OUR_MARKER)
            and bytes(mime.data(OUR_MARKER)) == _current_token)


def clear_if_ours() -> bool:
    """Empty the clipboard if what is on it came from us (on timeout and on lock)."""
    global _current_token
    if not clipboard_is_ours():
        return False
    QGuiApplication.clipboard().clear()
    _current_token = None
    return True


def secret_copy_mime(text: str, clear_after_ms: int = CLEAR_AFTER_MS) -> QMimeData:
    """The payload for a copy of `text` that the caller puts on the clipboard itself
    (QPlainTextEdit.createMimeDataFromSelection): marked, and cleared after `clear_after_ms`."""
    global _current_token
    token = os.urandom(16).hex().encode()
    _current_token = token

    def clear() -> None:
        if _current_token == token:
            clear_if_ours()

    QTimer.singleShot(clear_after_ms, clear)
    return secret_mime_data(text, token)


def copy_secret(text: str, clear_after_ms: int = CLEAR_AFTER_MS) -> None:
    """Put `text` on the clipboard and remove it later, unless something else replaced it."""
    QGuiApplication.clipboard().setMimeData(secret_copy_mime(text, clear_after_ms))
