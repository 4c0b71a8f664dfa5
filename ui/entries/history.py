"""An entry's revisions, with a diff of the body against the revision before."""

from __future__ import annotations

import datetime as dt
import difflib
import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QSplitter, QTextBrowser, QVBoxLayout, QWidget,
)

from journal.records.entries import Revision

FIELD_LABELS = ("title", "occurred_at", "occurred_tz", "occurred_end", "place", "latitude", "longitude",
                "category", "tags", "status", "source")


def body_diff_html(old: str, new: str, added_bg: str, removed_bg: str) -> str:
    """Line diff of two texts as HTML; colours come from the caller (light or dark palette)."""
    rows = []
    for line in difflib.ndiff(old.splitlines(), new.splitlines()):
        tag, text = line[:2], html.escape(line[2:]) or "&nbsp;"
        if tag == "+ ":
            rows.append(f'<div style="background:{added_bg}">+ {text}</div>')
        elif tag == "- ":
            rows.append(f'<div style="background:{removed_bg}">− {text}</div>')
        elif tag == "  ":
            rows.append(f"<div>&nbsp;&nbsp;{text}</div>")
    return "".join(rows)


def _local(iso: str) -> str:
    try:
        return dt.datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return iso


class HistoryDialog(QDialog):
    def __init__(self, revisions: list[Revision], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History"))
        self.resize(860, 560)
        self._revisions = list(revisions)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Every save is kept. Choose a version to see what changed in it.")))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Versions"))
        for rev in reversed(self._revisions):
            item = QListWidgetItem(self.tr("Version {n} — {time}").format(n=rev.number, time=_local(rev.saved_at)))
            item.setData(Qt.ItemDataRole.UserRole, rev.number)
            item.setToolTip(self.tr("Hash {hash}").format(hash=rev.hash[:16]))
            self.list.addItem(item)
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        splitter.addWidget(self.list)
        splitter.addWidget(self.view)
        splitter.setSizes([260, 600])
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show)
        if self.list.count():
            self.list.setCurrentRow(0)

    def revision_count(self) -> int:
        return len(self._revisions)

    def _show(self, row: int) -> None:
        if row < 0:
            self.view.clear()
            return
        number = self.list.item(row).data(Qt.ItemDataRole.UserRole)
        index = next((i for i, r in enumerate(self._revisions) if r.number == number), None)
        if index is None:
            return
        rev = self._revisions[index]
        prev = self._revisions[index - 1].content if index > 0 else {}
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        added, removed = ("#1f4d2b", "#5c2323") if dark else ("#d7f5dd", "#fadbd8")
        parts = [f"<h3>{html.escape(self.tr('Version {n}').format(n=rev.number))}</h3>"]
        changed = [name for name in FIELD_LABELS if prev.get(name) != rev.content.get(name)]
        if prev and changed:
            parts.append("<p><b>" + html.escape(self.tr("Changed fields:")) + "</b></p><ul>")
            for name in changed:
                parts.append(f"<li>{html.escape(name)}: {html.escape(str(prev.get(name) or '—'))} → "
                             f"{html.escape(str(rev.content.get(name) or '—'))}</li>")
            parts.append("</ul>")
        elif not prev:
            parts.append("<p>" + html.escape(self.tr("First version.")) + "</p>")
        parts.append("<p><b>" + html.escape(self.tr("Text:")) + "</b></p>")
        parts.append(f'<div style="font-family:monospace; white-space:pre-wrap">'
                     f'{body_diff_html(prev.get("body", ""), rev.content.get("body", ""), added, removed)}</div>')
        self.view.setHtml("".join(parts))

    def forget(self) -> None:
        """Lock: drop every revision and the rendered text."""
        self.list.blockSignals(True)
        self.list.clear()
        self.list.blockSignals(False)
        self._revisions.clear()
        self.view.clear()
