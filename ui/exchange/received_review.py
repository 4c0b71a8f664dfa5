"""Editor panels for bundles: provenance and review of received entries; "last sent" of own ones.

A received entry's own fields are read-only (the core refuses edits with a trigger), so
the editor is switched to read-only for it; the coordinator's review status, notes and
tags live beside it in this panel and are saved with an explicit button.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from journal.errors import JournalError
from journal.exchange.importer import REVIEW_STATUSES

from ui.exchange.common import reader_stores, short_time
from ui.common.a11y import mark_hint
from ui.common.fields import TagEdit
from ui.common.host import FeatureHost
from ui.common.ops import user_message
from ui.exchange import ops


def review_labels() -> dict[str, str]:
    return {"new": QCoreApplication.translate("Bundles", "New"),
            "reviewed": QCoreApplication.translate("Bundles", "Reviewed"),
            "needs_follow_up": QCoreApplication.translate("Bundles", "Needs follow-up"),
            "verified": QCoreApplication.translate("Bundles", "Verified"),
            "disputed": QCoreApplication.translate("Bundles", "Disputed")}


class BundlePanel(QWidget):
    """Under the entry text: "Last sent …" for own entries, provenance + review for received ones."""

    review_saved = Signal(str)  # entry uuid

    def __init__(self, host: FeatureHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.session = None
        self.entry_uuid: str | None = None
        self.imported = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.sent_line = QLabel()
        self.sent_line.setTextFormat(Qt.TextFormat.PlainText)  # coordinator names: never HTML
        self.sent_line.setWordWrap(True)
        mark_hint(self.sent_line)  # readable grey (>= 4.5:1), not a disabled label
        self.sent_line.setAccessibleName(self.tr("When this entry was sent"))
        layout.addWidget(self.sent_line)

        self.review = QFrame()
        self.review.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(self.review)
        box.setContentsMargins(8, 6, 8, 6)
        self.provenance = QLabel()
        self.provenance.setTextFormat(Qt.TextFormat.PlainText)  # the sender's name: never HTML
        self.provenance.setWordWrap(True)
        self.provenance.setAccessibleName(self.tr("Where this entry came from"))
        box.addWidget(self.provenance)
        form = QFormLayout()
        self.status = QComboBox()
        for key in REVIEW_STATUSES:
            self.status.addItem(review_labels()[key], key)
        self.status.setAccessibleName(self.tr("Review status"))
        self.status.setToolTip(self.tr("Your review of this received entry"))
        self.tags = TagEdit()
        self.tags.setPlaceholderText(self.tr("Your tags, separated by commas"))
        self.tags.setAccessibleName(self.tr("Review tags"))
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Your notes (not sent back to the documenter)"))
        self.notes.setAccessibleName(self.tr("Review notes"))
        self.notes.setMaximumHeight(self.fontMetrics().height() * 4)
        self.notes.setTabChangesFocus(True)
        form.addRow(self.tr("Review:"), self.status)
        form.addRow(self.tr("Tags:"), self.tags)
        form.addRow(self.tr("Notes:"), self.notes)
        box.addLayout(form)
        row = QHBoxLayout()
        self.review_state = QLabel()
        self.save_button = QPushButton(self.tr("Save &review"))
        self.save_button.setToolTip(self.tr("Save the review status, tags and notes"))
        self.save_button.setAccessibleName(self.tr("Save review"))
        row.addWidget(self.review_state, 1)
        row.addWidget(self.save_button)
        box.addLayout(row)
        layout.addWidget(self.review)
        self.save_button.clicked.connect(self.save_review)
        self.status.currentIndexChanged.connect(self._dirty)
        self.tags.textEdited.connect(self._dirty)
        self.notes.textChanged.connect(self._dirty)
        self._loading = False
        self._unsaved = False
        self.clear()

    def attach(self, session) -> None:
        self.session = session

    def forget(self) -> None:
        self.clear()
        self.session = None

    def clear(self) -> None:
        self._loading = True
        self.entry_uuid = None
        self.imported = False
        self.sent_line.clear()
        self.provenance.clear()
        self.notes.setPlainText("")
        self.notes.document().clearUndoRedoStacks()
        self.tags.setText("")
        self.status.setCurrentIndex(0)
        self.review_state.clear()
        self._unsaved = False
        self.sent_line.setVisible(False)
        self.review.setVisible(False)
        self._loading = False

    @staticmethod
    def read_part(reader, entry) -> dict | None:
        """Where `entry` came from and its review (received), or when it was last sent (own),
        read through `reader` (on the worker that reads the entry, or here); None if unreadable."""
        stores = reader.stores
        try:
            provenance = stores.importer.provenance(entry.uuid)
            if provenance is None:
                return {"provenance": None, "sent": stores.exporter.last_sent(entry.uuid)}
            return {"provenance": provenance, "review": stores.importer.review(entry.uuid)}
        except JournalError:
            return None

    def show_entry(self, entry, part=None) -> None:
        """Called when the editor shows `entry` (with its `part`, read_part): fill the panel, lock a
        received entry's fields."""
        if self._unsaved:
            self.save_review()  # switching entries keeps what was typed, like the editor's autosave
        self.clear()
        stores = reader_stores(self.session)
        if entry is None or stores is None:
            return
        self.entry_uuid = entry.uuid
        if part is None:
            part = self.read_part(self.session.reader, entry)
        if part is None:
            return
        provenance = part["provenance"]
        if provenance is None:
            self._show_sent(part["sent"])
            return
        self.imported = True
        self.host.set_entry_read_only(True)
        self.provenance.setText(self.tr("Received from {sender} in bundle {bundle}, {time}.").format(
            sender=provenance["sender"], bundle=str(provenance["last_bundle_id"])[:8],
            time=short_time(provenance["received_at"])) + " " +
            self.tr("The documenter's text is read-only here."))
        review = part["review"]
        self._loading = True
        self.status.setCurrentIndex(max(self.status.findData(review["review_status"]), 0))
        self.tags.set_tags(review["coordinator_tags"])
        self.notes.setPlainText(review["coordinator_notes"] or "")
        self.notes.document().clearUndoRedoStacks()
        self._loading = False
        self.review.setVisible(True)

    def _show_sent(self, rows) -> None:
        if not rows:
            text = self.tr("Not sent to a coordinator yet.")
        else:
            latest = rows[0]["sent_at"]
            names = ", ".join(r["coordinator"] for r in rows if r["sent_at"] == latest)
            text = self.tr("Last sent {time} to {names}.").format(time=short_time(latest), names=names)
            if not all(r["current"] for r in rows):
                text += " " + self.tr("Changed since.")
        self.sent_line.setText(text)
        self.sent_line.setVisible(True)

    def _dirty(self, *_args) -> None:
        if not self._loading and self.entry_uuid:
            self._unsaved = True
            self.review_state.setText(self.tr("Not saved yet"))

    def save_review(self) -> None:
        if not self.imported or self.entry_uuid is None or self.session is None:
            return
        uuid, status = self.entry_uuid, self.status.currentData()
        notes, tags = self.notes.toPlainText(), self.tags.tags()
        self._unsaved = False

        def saved(_review) -> None:
            if self.entry_uuid == uuid:
                self.review_state.setText(self.tr("Review saved"))
            self.review_saved.emit(uuid)

        ops.set_review(self, self.session, uuid, status=status, notes=notes, tags=tags).success(saved) \
            .failure(lambda exc: self.review_state.setText(user_message(exc))).run()
