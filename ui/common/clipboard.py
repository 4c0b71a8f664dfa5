"""Copying secrets: marked for password managers, cleared again after a short time.

A phone number, a recovery code or an entry copied from the app is put on
the clipboard with the hints clipboard managers and history features honour:
    x-kde-passwordManagerHint = "secret"                (Klipper and other KDE/Linux managers)
    org.nspasteboard.ConcealedType                      (macOS clipboard managers)
    ExcludeClipboardContentFromMonitorProcessing,
    CanIncludeInClipboardHistory = 0 (4 zero bytes)     (Windows clipboard history / cloud sync)
and a private marker so we only ever clear what is still ours. Lock clears it at once.

The X11 PRIMARY selection (issue 19, item 9): on X11 merely *selecting* text in any field
makes it readable by every X client (middle-click paste, `xclip -o`), with no copy at all, and
it stayed there after Ctrl+L. So on lock and on quit ``clear_owned()`` empties the PRIMARY
selection and the clipboard when this app owns them (``ownsSelection``/``ownsClipboard``:
what another app put there is never touched). And text selected in a secret field (the unlock
field, a shown recovery code: ``mark_secret``, and anything shaped like a recovery code) never
stays exported: the selection guard withdraws it within the same call that set it, before the
event loop could answer another client's request for it.
"""

from __future__ import annotations

import os
import re
import weakref

from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

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


# --- the PRIMARY selection and secret fields -------------------------------------------------------
#: A recovery code (8 groups of 4 base32 characters), wherever it is shown or typed.
RECOVERY_CODE_LIKE = re.compile(r"[A-Za-z2-7]{4}(?:[- ]?[A-Za-z2-7]{4}){7}")
_secret_widgets: "weakref.WeakSet" = weakref.WeakSet()
_guard = {"installed": False}


def _selected_text(widget) -> str:
    try:
        return widget.selectedText() if widget.hasSelectedText() else ""
    except (RuntimeError, AttributeError):  # deleted, or a widget without a selection
        return ""


def is_secret_text(text: str) -> bool:
    """True for the selected text of a field marked secret, or anything shaped like a recovery code."""
    if not text:
        return False
    if RECOVERY_CODE_LIKE.search(text):
        return True
    return any(_selected_text(widget) == text for widget in list(_secret_widgets))


def _selection_changed() -> None:
    board = QGuiApplication.clipboard()
    if not board.supportsSelection() or not board.ownsSelection():
        return
    if is_secret_text(board.text(QClipboard.Mode.Selection)):
        board.clear(QClipboard.Mode.Selection)


def install_selection_guard() -> None:
    """Once per app: text selected in a secret field is withdrawn from PRIMARY at once."""
    if _guard["installed"] or QGuiApplication.instance() is None:
        return
    _guard["installed"] = True
    QGuiApplication.clipboard().selectionChanged.connect(_selection_changed)


def mark_secret(widget) -> None:
    """Selecting text in `widget` (a QLineEdit or a selectable QLabel) never exports it."""
    _secret_widgets.add(widget)
    install_selection_guard()


def clear_owned() -> dict[str, bool]:
    """On lock and quit: empty our marked copies, and the PRIMARY selection and the clipboard
    wherever this app still owns them (text selected or copied in any of its windows)."""
    board = QGuiApplication.clipboard()
    cleared = {"ours": clear_if_ours(), "selection": False, "clipboard": False}
    if board.supportsSelection() and board.ownsSelection():
        board.clear(QClipboard.Mode.Selection)
        cleared["selection"] = True
    if board.ownsClipboard():
        board.clear(QClipboard.Mode.Clipboard)
        cleared["clipboard"] = True
    return cleared
