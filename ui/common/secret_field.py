"""The ONE field for secrets: passphrases, recovery codes, duress codes, passwords.

Why not a QLineEdit in Password echo mode: Qt's line control sends accessibility events
(QAccessibleTextInsertEvent, TextRemoveEvent, TextUpdateEvent) carrying the *real* text it
holds, whatever the echo mode. The Linux AT-SPI bridge puts that text in `object:text-changed`
signals, so any program on the session's accessibility bus could record a passphrase key by
key while reading the field only gave "●●●●" (issue 24, item 1).

So the Qt control behind a SecretField never holds the secret: it holds one mask character
per typed character, and the secret lives in this Python object. Every way text gets in
(keys, input methods, paste) is intercepted before Qt sees it and becomes masks in the
control; deletions (Backspace, Delete, word and selection deletes) are done by Qt on the
masks and mirrored here. Whatever Qt then reports to a screen reader (events, the text
interface, the value, the caret and selection) is the count only, as native password fields
do, on every platform (AT-SPI, UI Automation, NSAccessibility).

`set_revealed(True)` ("Show passphrase", the recovery code) paints the real characters on
screen while the control still holds masks, so showing a secret does not expose it either.
Undo/redo, copy, cut, drag and X11 middle-click paste are off (there is nothing to copy).

Use it like a QLineEdit: `text()`, `setText()`, `clear()`, `textChanged`, `returnPressed`.
`textChanged`/`textEdited` carry the masks; call `text()` for the secret.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import (
    QGuiApplication, QInputMethodEvent, QKeyEvent, QKeySequence, QMouseEvent, QPainter, QPaintEvent, QPalette,
)
from PySide6.QtWidgets import QLineEdit, QMenu, QStyle, QStyleOptionFrame, QWidget

MASK = "\u25cf"  # what the Qt control (and so the accessibility tree) holds per character
HORIZONTAL_MARGIN = 2  # QLineEditPrivate::horizontalMargin: the gap Qt leaves inside the frame

_BLOCKED_KEYS = (
    QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.Copy, QKeySequence.StandardKey.Cut,
)


class SecretField(QLineEdit):
    """A line edit whose typed characters never reach Qt's text control nor accessibility."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._secret = ""
        self._revealed = False
        self._scroll = 0  # horizontal offset of the revealed text, in pixels
        self._anchor = -1  # mouse selection anchor while revealed
        super().setEchoMode(QLineEdit.EchoMode.Password)
        self.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText | Qt.InputMethodHint.ImhNoAutoUppercase)
        self.setAcceptDrops(False)
        self.setDragEnabled(False)
        self.setProperty("secretField", True)

    # --- the secret ---------------------------------------------------------------------------
    def text(self) -> str:  # type: ignore[override]
        """The secret (Qt's own text() would give the masks)."""
        return self._secret

    def setText(self, text: str) -> None:  # type: ignore[override]
        self._secret = text or ""
        QLineEdit.setText(self, MASK * len(self._secret))

    def clear(self) -> None:  # type: ignore[override]
        self.setText("")

    def insert(self, text: str) -> None:  # type: ignore[override]
        """Replace the selection (or insert at the cursor) with `text`; Qt sees masks only."""
        text = "".join(text.replace("\r", "").split("\n")[:1])
        start, end = self._selection_range()
        room = self.maxLength() - (len(self._secret) - (end - start))
        text = text[:max(0, room)]
        if not text and start == end:
            return
        self._secret = self._secret[:start] + text + self._secret[end:]
        QLineEdit.insert(self, MASK * len(text))
        self._check()

    def paste(self) -> None:  # type: ignore[override]
        if not self.isReadOnly():
            self.insert(QGuiApplication.clipboard().text())

    def setEchoMode(self, mode: QLineEdit.EchoMode) -> None:  # type: ignore[override]
        """Kept Password: call set_revealed() to show the characters on screen."""
        self.set_revealed(mode == QLineEdit.EchoMode.Normal)

    def set_revealed(self, revealed: bool) -> None:
        self._revealed = bool(revealed)
        self.update()

    def is_revealed(self) -> bool:
        return self._revealed

    def selectedText(self) -> str:  # type: ignore[override]
        start, end = self._selection_range()
        return self._secret[start:end]

    def _selection_range(self) -> tuple[int, int]:
        if self.hasSelectedText():
            start = self.selectionStart()
            return start, start + len(QLineEdit.selectedText(self))
        position = self.cursorPosition()
        return position, position

    def _check(self) -> None:
        """The control must hold exactly one mask per character; anything else is reset."""
        shown = QLineEdit.text(self)
        if len(shown) != len(self._secret) or shown.strip(MASK):
            position = self.cursorPosition()
            QLineEdit.setText(self, MASK * len(self._secret))
            self.setCursorPosition(min(position, len(self._secret)))

    # --- input ------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            event.accept()
            return
        if any(event.matches(key) for key in _BLOCKED_KEYS):
            event.accept()
            return
        text = event.text()
        modifiers = event.modifiers()
        shortcut = bool(modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier)) \
            and not modifiers & Qt.KeyboardModifier.AltModifier  # Ctrl+Alt is AltGr on Windows: it types
        if text and text.isprintable() and not shortcut:
            if not self.isReadOnly():
                self.insert(text)
            event.accept()
            return
        before = QLineEdit.text(self)
        super().keyPressEvent(event)  # movement, selection, deletion, Return, Tab: on the masks
        after = QLineEdit.text(self)
        if len(after) < len(before):
            removed = len(before) - len(after)
            position = self.cursorPosition()  # Qt leaves the cursor where the removed run started
            self._secret = self._secret[:position] + self._secret[position + removed:]
        self._check()

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        commit = event.commitString()
        preedit = event.preeditString()
        if commit and not self.isReadOnly():
            self.insert(commit)
        super().inputMethodEvent(QInputMethodEvent(MASK * len(preedit), []))
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            event.accept()  # X11 middle-click paste would hand Qt the text itself
            return
        self._anchor = -1
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event) -> None:
        menu = QMenu(self)
        paste = menu.addAction(self.tr("&Paste"))
        paste.setEnabled(not self.isReadOnly() and bool(QGuiApplication.clipboard().text()))
        paste.triggered.connect(self.paste)
        select_all = menu.addAction(self.tr("Select &All"))
        select_all.triggered.connect(self.selectAll)
        menu.exec(event.globalPos())

    # --- showing the secret on screen (never to the control) --------------------------------------
    def _text_rect(self):
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        rect = self.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, self)
        margins = self.textMargins()
        return rect.adjusted(margins.left() + HORIZONTAL_MARGIN, margins.top(),
                             -margins.right() - HORIZONTAL_MARGIN, -margins.bottom())

    def _index_at(self, x: int) -> int:
        metrics = self.fontMetrics()
        offset = x - self._text_rect().left() + self._scroll
        best, best_distance = 0, abs(offset)
        for index in range(1, len(self._secret) + 1):
            distance = abs(metrics.horizontalAdvance(self._secret[:index]) - offset)
            if distance < best_distance:
                best, best_distance = index, distance
        return best

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self._revealed or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        index = self._index_at(int(event.position().x()))
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            anchor = self.selectionStart() if self.hasSelectedText() else self.cursorPosition()
            if self.hasSelectedText() and self.cursorPosition() == anchor:
                anchor = anchor + len(self.selectedText())
            self.setSelection(anchor, index - anchor)
            self._anchor = anchor
        else:
            self.deselect()
            self.setCursorPosition(index)
            self._anchor = index
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not self._revealed or self._anchor < 0:
            super().mouseMoveEvent(event)
            return
        index = self._index_at(int(event.position().x()))
        self.setSelection(self._anchor, index - self._anchor)
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self._revealed:
            self.selectAll()
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._revealed:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelLineEdit, option, painter, self)
        rect = self._text_rect()
        metrics = self.fontMetrics()
        palette = self.palette()
        text = self._secret
        painter.setClipRect(rect)
        baseline = rect.top() + (rect.height() - metrics.height() + 1) // 2 + metrics.ascent()
        if not text:
            if self.placeholderText():
                painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
                painter.drawText(QPoint(rect.left(), baseline), self.placeholderText())
            self._draw_cursor(painter, rect, rect.left(), metrics)
            return
        cursor_x = metrics.horizontalAdvance(text[:self.cursorPosition()])
        if cursor_x - self._scroll > rect.width():
            self._scroll = cursor_x - rect.width()
        elif cursor_x < self._scroll:
            self._scroll = cursor_x
        self._scroll = max(0, min(self._scroll, max(0, metrics.horizontalAdvance(text) - rect.width() + 1)))
        left = rect.left() - self._scroll
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(QPoint(left, baseline), text)
        if self.hasSelectedText():
            start = self.selectionStart()
            end = start + len(self.selectedText())
            x0 = left + metrics.horizontalAdvance(text[:start])
            x1 = left + metrics.horizontalAdvance(text[:end])
            painter.fillRect(x0, rect.top(), x1 - x0, rect.height(), palette.color(QPalette.ColorRole.Highlight))
            painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
            painter.drawText(QPoint(x0, baseline), text[start:end])
        else:
            self._draw_cursor(painter, rect, left + cursor_x, metrics)

    def _draw_cursor(self, painter: QPainter, rect, x: int, metrics) -> None:
        if self.hasFocus() and not self.isReadOnly():
            top = rect.top() + (rect.height() - metrics.height() + 1) // 2
            painter.fillRect(x, top, 1, metrics.height(), self.palette().color(QPalette.ColorRole.Text))
