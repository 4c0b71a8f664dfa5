"""People and contact-log hits of the main search (Ctrl+F), labelled by kind.

The entry list keeps showing entry hits; this list under it shows the
people and log records that match, from journal.search_all, searched off the
GUI thread on the People feature's reader (ui/common/ops.LatestRead: the latest
search wins; with 20k people and 100k log records it froze typing ~0.3 s).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from journal.records.search import HIGHLIGHT_END, HIGHLIGHT_START
from journal.records.search_all import search_all

from ui.common.ops import LatestRead
from ui.people.labels import channel_labels, display_when, roles_text

HIT_ROLE = Qt.ItemDataRole.UserRole + 1   # (kind, uuid)
HIT_LIMIT = 50


def plain_snippet(snippet: str) -> str:
    return " ".join(snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "").split())


class SearchHitsPanel(QWidget):
    person_activated = Signal(str)
    log_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.heading = QLabel()
        layout.addWidget(self.heading)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("People and contact-log matches"))
        self.list.setToolTip(self.tr("Double-click or press Enter to open"))
        layout.addWidget(self.list)
        self.list.itemActivated.connect(self._activated)
        self._reads = LatestRead()
        self.setVisible(False)

    @property
    def loading(self) -> bool:
        return self._reads.pending

    def search(self, reader, text: str) -> None:
        """Show people and log hits for `text` ('' hides the panel), searched off the GUI thread
        on `reader` (a reader connection that is not the GUI thread's)."""
        if reader is None or not text.strip():
            self._reads.forget()
            self.list.clear()
            self.heading.clear()
            self.setVisible(False)
            return
        db = reader.db

        def read() -> list:
            try:
                # Held for the whole search: it makes temp tables on the connection, which the
                # feature's other reads share (the lock is the connection's, re-entrant).
                with db.lock:
                    return search_all(db, text, limit=HIT_LIMIT, kinds=("person", "log"))
            except Exception:  # the entry list already says when the query cannot be understood
                return []

        self._reads.run(read, self._show, lambda _exc: self._show([]))

    def _show(self, hits: list) -> None:
        self.list.clear()
        channels = channel_labels()
        for hit in hits:
            snippet = plain_snippet(hit.snippet)
            if hit.kind == "person":
                roles = roles_text((hit.category or "").split(", ")) if hit.category else ""
                label = self.tr("Person") + f": {hit.title}" + (f" — {roles}" if roles else "")
            else:
                label = self.tr("Contact log") + f": {display_when(hit.occurred_at)} " \
                    f"{channels.get(hit.category or '', hit.category or '')}"
            item = QListWidgetItem(f"{label}  ·  {snippet}" if snippet else label)
            item.setData(HIT_ROLE, (hit.kind, hit.uuid))
            item.setToolTip(snippet)
            self.list.addItem(item)
        people = sum(1 for h in hits if h.kind == "person")
        self.heading.setText(self.tr("People: {people}, contact log: {log}").format(
            people=people, log=len(hits) - people))
        self.setVisible(bool(hits))

    def clear(self) -> None:
        self.search(None, "")

    def _activated(self, item: QListWidgetItem) -> None:
        kind, uuid = item.data(HIT_ROLE)
        (self.person_activated if kind == "person" else self.log_activated).emit(uuid)
