"""An entry's revisions, with a diff of the body against the revision before, and "Restore this version".

Fields are shown with the editor's labels and values in the person's language and date format
(never raw keys or ISO text). Restoring writes the old content as a NEW revision: nothing in
the hash chain is removed or rewritten, and restoring is itself undone by restoring again.
"""

from __future__ import annotations

import datetime as dt
import difflib
import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QPushButton, QSplitter, QTextBrowser,
    QVBoxLayout, QWidget,
)

from journal.records.entries import Revision

from ui.common.i18n import format_date, format_datetime

FIELD_LABELS = ("title", "occurred_at", "occurred_tz", "occurred_end", "place", "latitude", "longitude",
                "category", "tags", "status", "source")
#: What "Restore this version" writes back (everything a revision holds that the editor edits).
RESTORED_FIELDS = (*FIELD_LABELS, "body")


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
    """A save time (UTC ISO) in the person's time zone and date format."""
    try:
        return format_datetime(dt.datetime.fromisoformat(iso).astimezone())
    except ValueError:
        return iso


def _wall_clock(text: str) -> str:
    """An occurred_at/occurred_end value (the place's wall-clock time, or a date alone) as the editor shows it."""
    try:
        if len(text) == 10:
            return format_date(dt.date.fromisoformat(text))
        return format_datetime(dt.datetime.fromisoformat(text))
    except ValueError:
        return text


class HistoryDialog(QDialog):
    """Emits restore_requested(revision number) when the person restores an earlier version."""

    restore_requested = Signal(int)

    def __init__(self, revisions: list[Revision], parent: QWidget | None = None,
                 category_labels: dict[str, str] | None = None, read_only: bool = False) -> None:
        super().__init__(parent)
        self._category_labels = dict(category_labels or {})
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
        self.view.setAccessibleName(self.tr("The chosen version"))
        self.view.setOpenLinks(False)
        splitter.addWidget(self.list)
        splitter.addWidget(self.view)
        splitter.setSizes([260, 600])
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton(self.tr("&Restore this version"))
        self.restore_button.setToolTip(self.tr(
            "Make this version the current one again. It is saved as a new version; nothing is deleted."))
        self.restore_button.setAutoDefault(False)
        self.restore_button.setVisible(not read_only)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._restore)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show)
        if self.list.count():
            self.list.setCurrentRow(0)

    def revision_count(self) -> int:
        return len(self._revisions)

    def field_label(self, name: str) -> str:
        labels = {
            "title": self.tr("Title"), "occurred_at": self.tr("When"), "occurred_tz": self.tr("Time zone"),
            "occurred_end": self.tr("Until"), "place": self.tr("Where"), "latitude": self.tr("Latitude"),
            "longitude": self.tr("Longitude"), "category": self.tr("Category"), "tags": self.tr("Tags"),
            "status": self.tr("Status"), "source": self.tr("Source"),
        }
        return labels.get(name, name)

    def field_value(self, name: str, value) -> str:
        if value in (None, "", []):
            return "—"
        if name in ("occurred_at", "occurred_end"):
            return _wall_clock(str(value))
        if name == "category":
            return self._category_labels.get(value, str(value))
        if name == "status":
            return {"draft": self.tr("Draft"), "final": self.tr("Final")}.get(value, str(value))
        if name == "source":
            return {"witnessed": self.tr("Witnessed"), "reported": self.tr("Reported"),
                    "media": self.tr("Media")}.get(value, str(value))
        if name == "tags":
            return ", ".join(value) if isinstance(value, list) else str(value)
        return str(value)

    def current_number(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _restore(self) -> None:
        number = self.current_number()
        if number is not None:
            self.restore_requested.emit(number)

    def content_of(self, number: int) -> dict:
        """What restoring version `number` writes (the fields the editor edits)."""
        rev = next(r for r in self._revisions if r.number == number)
        return {name: rev.content.get(name) for name in RESTORED_FIELDS if name in rev.content}

    def _show(self, row: int) -> None:
        if row < 0:
            self.view.clear()
            return
        number = self.list.item(row).data(Qt.ItemDataRole.UserRole)
        index = next((i for i, r in enumerate(self._revisions) if r.number == number), None)
        if index is None:
            return
        rev = self._revisions[index]
        self.restore_button.setEnabled(index != len(self._revisions) - 1)  # the newest is what the editor shows
        prev = self._revisions[index - 1].content if index > 0 else {}
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        added, removed = ("#1f4d2b", "#5c2323") if dark else ("#d7f5dd", "#fadbd8")
        version = self.tr("Version {n}").format(n=rev.number)
        parts = [f"<h3>{html.escape(version)}</h3>"]
        changed = [name for name in FIELD_LABELS if prev.get(name) != rev.content.get(name)]
        if prev and changed:
            parts.append("<p><b>" + html.escape(self.tr("Changed fields:")) + "</b></p><ul>")
            for name in changed:
                parts.append(f"<li>{html.escape(self.field_label(name))}: "
                             f"{html.escape(self.field_value(name, prev.get(name)))} → "
                             f"{html.escape(self.field_value(name, rev.content.get(name)))}</li>")
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
