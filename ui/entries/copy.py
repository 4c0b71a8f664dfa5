"""Text fields of the entry editor whose Copy and Cut mark the clipboard as a secret.

Entry text copied out of the app is sensitive: it goes on the clipboard with the
password-manager hints of ui/common/clipboard.py (clipboard managers and Windows' clipboard
history leave it alone) and is cleared again after 30 s unless replaced meanwhile.
Also "Copy entry as text" (Entry menu) builds the whole entry as plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from ui.common import clipboard


class SecretPlainTextEdit(QPlainTextEdit):
    """QPlainTextEdit whose copies (Ctrl+C, Cut, the context menu) are marked secret."""

    def createMimeDataFromSelection(self) -> QMimeData:  # Qt override
        text = self.textCursor().selection().toPlainText()
        return clipboard.secret_copy_mime(text)


class SecretLineEdit(QLineEdit):
    """QLineEdit whose Copy and Cut (keys and context menu) go through clipboard.copy_secret.

    QLineEdit.copy() is not virtual, so the key press and the menu's actions are rerouted.
    """

    def copy_secret(self) -> None:
        if self.hasSelectedText() and self.echoMode() == QLineEdit.EchoMode.Normal:
            clipboard.copy_secret(self.selectedText())

    def cut_secret(self) -> None:
        if self.hasSelectedText() and not self.isReadOnly() and self.echoMode() == QLineEdit.EchoMode.Normal:
            self.copy_secret()
            self.del_()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_secret()
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Cut):
            self.cut_secret()
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # Qt override
        menu = self.build_context_menu()
        menu.exec(event.globalPos())
        menu.deleteLater()

    def build_context_menu(self):
        """Qt's standard menu with Copy and Cut rerouted to the secret copy."""
        menu = self.createStandardContextMenu()
        for action in menu.actions():
            name = action.objectName()
            if name in ("edit-copy", "edit-cut"):
                action.triggered.disconnect()
                action.triggered.connect(self.copy_secret if name == "edit-copy" else self.cut_secret)
        return menu


def entry_as_text(entry) -> str:
    """An entry as plain text (title, when, where, tags, body) for "Copy entry as text"."""
    when = entry.occurred_at or ""
    if when and entry.occurred_end:
        when = f"{when} – {entry.occurred_end}"
    if when and entry.occurred_tz:
        when = f"{when} ({entry.occurred_tz})"
    lines = [entry.title or QCoreApplication.translate("EntryCopy", "(untitled)")]
    for label, value in ((QCoreApplication.translate("EntryCopy", "When"), when),
                         (QCoreApplication.translate("EntryCopy", "Where"), entry.place or ""),
                         (QCoreApplication.translate("EntryCopy", "Tags"), ", ".join(entry.tags or []))):
        if value:
            lines.append(f"{label}: {value}")
    if entry.body:
        lines += ["", entry.body]
    return "\n".join(lines)
