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

#: Markers of payloads made and not yet cleared. A set, not the last one only: Qt also makes a
#: payload when a text drag starts (createMimeDataFromSelection), and that must not make an
#: earlier copy still on the clipboard look foreign to the timer and to Lock.
_live_tokens: set[bytes] = set()


def secret_mime_data(text: str, token: bytes) -> QMimeData:
    """The clipboard payload: the text, the password-manager hints and our marker."""
    mime = QMimeData()
    mime.setText(text)
    for kind, value in SECRET_HINTS.items():
        mime.setData(kind, value)
    mime.setData(OUR_MARKER, token)
    return mime


def _token_on_clipboard() -> bytes | None:
    mime = QGuiApplication.clipboard().mimeData()
    if mime is None or not mime.hasFormat(OUR_MARKER):
        return None
    return bytes(mime.data(OUR_MARKER))


def clipboard_is_ours() -> bool:
    """True while the clipboard still holds something this app copied."""
    return _token_on_clipboard() in _live_tokens


def clear_if_ours() -> bool:
    """Empty the clipboard if what is on it came from us (on timeout and on lock)."""
    token = _token_on_clipboard()
    if token not in _live_tokens:
        return False
    QGuiApplication.clipboard().clear()
    _live_tokens.discard(token)
    return True


def secret_copy_mime(text: str, clear_after_ms: int = CLEAR_AFTER_MS) -> QMimeData:
    """The payload for a copy of `text` that the caller puts on the clipboard itself
    (QPlainTextEdit.createMimeDataFromSelection): marked, and cleared after `clear_after_ms`."""
    token = os.urandom(16).hex().encode()
    _live_tokens.add(token)

    def clear() -> None:
        if _token_on_clipboard() == token:
            clear_if_ours()
        _live_tokens.discard(token)

    QTimer.singleShot(clear_after_ms, clear)
    return secret_mime_data(text, token)


def copy_secret(text: str, clear_after_ms: int = CLEAR_AFTER_MS) -> None:
    """Put `text` on the clipboard and remove it later, unless something else replaced it."""
    QGuiApplication.clipboard().setMimeData(secret_copy_mime(text, clear_after_ms))
