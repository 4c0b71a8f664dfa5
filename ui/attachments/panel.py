"""The editor's "Photos and files" panel: thumbnail strip, add/paste/drop, viewer, suggestion bar.

`install_attachments(host)` wires the feature into the main window through its
FeatureHost (ui/common/host.py): the panel goes under the editor, file drops are
accepted on the editor and on the entry list, "Attach files…" and "Paste image"
become window actions (ui/menus.py puts them in the Entry menu), and the list's
Files column is refreshed after every change. Reads (the strip, the viewer) go
through the session's read-only connection on the GUI thread; imports, pastes,
removals and saved copies are the writes of ui/attachments/ops.py (progress,
cancel, error path). Lock (`forget`) empties the strip and closes the viewer.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QIcon, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMenu, QMessageBox,
    QPushButton, QStackedWidget, QStyle, QVBoxLayout, QWidget,
)

from journal.records.attachments import PREVIEW_PENDING, Attachment, AttachmentStore, EntrySuggestion
from journal.records.entries import Entry
from journal.errors import Cancelled, JournalError
from journal.media import MediaError

from ui.attachments.dialogs import ImportOptionsDialog, SaveCopyDialog, choose_files, choose_save_path, human_size
from ui.attachments.image import decode_for_display, thumbnail_pixmap
from ui.attachments import ops
from ui.attachments.ops import ImportOutcome
from ui.attachments.viewer import AttachmentViewer
from ui.common.a11y import mark_hint
from ui.common.host import EDITOR, EDITOR_TEXT, ENTRY_LIST, FeatureHost
from ui.common.ops import user_message
from ui.common.read_only_panel import FollowsReadOnly

THUMB_SIDE = 88
FILE_ROLE = Qt.ItemDataRole.UserRole + 1  # attachment uuid


def local_files(mime) -> list[str]:
    """Local file paths from dropped or pasted data (folders and remote URLs are left out)."""
    if mime is None or not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and Path(u.toLocalFile()).is_file()]


class AttachmentsPanel(FollowsReadOnly, QWidget):
    """The strip under the entry text. Emits `changed(entry_uuid)` after attachments change."""

    changed = Signal(str)
    entry_updated = Signal(object)      # Entry, after the photo's time/place were applied
    status_message = Signal(str, int)   # text, milliseconds

    def __init__(self, host: FeatureHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.session = None
        self._entry: Entry | None = None
        self._read_only = False
        self._items: list[Attachment] = []
        self._suggestion: EntrySuggestion | None = None
        self.viewer: AttachmentViewer | None = None
        self._findings_op = None  # the running read of what a file reveals (ops.read_findings)
        self._previews_op = None  # pending previews being made for the strip (ops.make_previews)
        self.last_op = None  # the running import/save (tests wait on it)
        self._build()
        self._wire()
        self.forget()

    # --- construction -----------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)

        header = QHBoxLayout()
        self.title = QLabel(self.tr("Photos and files"))
        self.title.setWordWrap(True)  # "Фотографии и файлы (1)" beside two buttons overflowed the editor
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.add_button = QPushButton(self.tr("Add files…"))
        self.add_button.setToolTip(self.tr("Attach photos or other files to this entry (Ctrl+Shift+A)"))
        self.add_button.setAccessibleName(self.tr("Add files"))
        self.paste_button = QPushButton(self.tr("Paste image"))
        self.paste_button.setToolTip(self.tr("Attach the picture on the clipboard, e.g. a screenshot "
                                             "(Ctrl+Shift+V, or Ctrl+V in the text)"))
        self.paste_button.setAccessibleName(self.tr("Paste image"))
        # The title on its own line and the buttons under it, right-aligned: side by side the three
        # made the editor wider than its pane in Russian at 1280 px.
        layout.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.paste_button)
        header.addWidget(self.add_button)
        layout.addLayout(header)

        self.strip = QListWidget()
        self.strip.setViewMode(QListWidget.ViewMode.IconMode)
        self.strip.setFlow(QListWidget.Flow.LeftToRight)
        self.strip.setWrapping(False)
        self.strip.setMovement(QListWidget.Movement.Static)
        self.strip.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.strip.setIconSize(QSize(THUMB_SIDE, THUMB_SIDE))
        self.strip.setGridSize(QSize(THUMB_SIDE + 24, THUMB_SIDE + 30))
        self.strip.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.strip.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.strip.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.strip.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.strip.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.strip.setFixedHeight(THUMB_SIDE + 52)
        self.strip.setAccessibleName(self.tr("Attachments"))
        self.strip.setToolTip(self.tr("Double-click or press Enter to view; right-click for more"))

        self.empty = QLabel(self.tr("No photos or files yet. Drop them here or on the entry list, "
                                    "paste a screenshot, or click “Add files…”."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mark_hint(self.empty)  # readable grey (>= 4.5:1), not a disabled label
        self.empty.setFrameShape(QFrame.Shape.StyledPanel)
        self.empty.setMinimumHeight(48)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.strip)
        layout.addWidget(self.stack)

        # Non-modal: the photo's time and place are offered, never forced.
        self.suggestion_bar = QFrame()
        self.suggestion_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.suggestion_bar.setAutoFillBackground(True)
        bar = QHBoxLayout(self.suggestion_bar)
        bar.setContentsMargins(8, 4, 8, 4)
        self.suggestion_label = QLabel()
        self.suggestion_label.setWordWrap(True)
        self.use_suggestion_button = QPushButton(self.tr("Use them"))
        self.use_suggestion_button.setToolTip(self.tr("Fill the entry's empty time and coordinates from the photo"))
        self.dismiss_suggestion_button = QPushButton(self.tr("Not now"))
        bar.addWidget(self.suggestion_label, 1)
        bar.addWidget(self.use_suggestion_button)
        bar.addWidget(self.dismiss_suggestion_button)
        layout.addWidget(self.suggestion_bar)

        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.notice)

        # Actions, also put in the Entry menu by install_attachments.
        self.add_action = QAction(self.tr("&Attach files…"), self)
        self.add_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.add_action.setStatusTip(self.tr("Attach photos or other files to the entry"))
        self.paste_action = QAction(self.tr("&Paste image"), self)
        self.paste_action.setShortcut(QKeySequence("Ctrl+Shift+V"))
        self.paste_action.setStatusTip(self.tr("Attach the picture on the clipboard to the entry"))
        self.open_action = QAction(self.tr("&View"), self)
        self.save_action = QAction(self.tr("&Save a copy…"), self)
        self.remove_action = QAction(self.tr("&Remove from entry"), self)
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.strip.addAction(self.remove_action)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), self.strip, self.paste_from_clipboard,
                  context=Qt.ShortcutContext.WidgetShortcut)

    def _wire(self) -> None:
        self.add_button.clicked.connect(self.choose_and_add)
        self.paste_button.clicked.connect(self.paste_from_clipboard)
        self.add_action.triggered.connect(self.choose_and_add)
        self.paste_action.triggered.connect(self.paste_from_clipboard)
        self.strip.itemActivated.connect(lambda item: self.open_viewer(self.strip.row(item)))
        self.strip.customContextMenuRequested.connect(self._context_menu)
        self.open_action.triggered.connect(lambda: self.open_viewer(self.strip.currentRow()))
        self.save_action.triggered.connect(lambda: self._save_current())
        self.remove_action.triggered.connect(self.remove_current)
        self.use_suggestion_button.clicked.connect(self.apply_suggestion)
        self.dismiss_suggestion_button.clicked.connect(self._hide_suggestion)
        self.host.add_entry_part(self.read_part, self.show_entry)

    # --- session and entry ----------------------------------------------------------------------
    def attach(self, session) -> None:
        self.session = session
        self._update_enabled()

    def forget(self) -> None:
        """Lock: no thumbnails, no viewer, no suggestion, no session."""
        self._close_viewer()
        self.session = None
        self._entry = None
        self._clear_view()
        self._update_enabled()

    def _clear_view(self) -> None:
        self._items = []
        self.strip.clear()
        self.stack.setCurrentWidget(self.empty)
        self._hide_suggestion()
        self.notice.clear()

    def _reader_store(self) -> AttachmentStore | None:
        if self.session is None or self.session.reader is None:
            return None
        return self.session.reader.attachments

    @staticmethod
    def read_part(reader, entry: Entry) -> tuple[list[Attachment], dict[str, object], BaseException | None]:
        """The entry's attachments and their stored thumbnails, read through `reader` (on the worker
        that reads the entry, or here for a reload); thumbnails still to be made are PREVIEW_PENDING."""
        store = reader.attachments
        try:
            items = store.list_for_entry(entry.uuid)
        except JournalError as exc:
            return [], {}, exc
        thumbs: dict[str, object] = {}
        for att in items:
            if att.has_thumbnail:
                try:
                    thumbs[att.uuid] = store.thumbnail(att.uuid, make_if_pending=False)
                except JournalError:
                    thumbs[att.uuid] = None
        return items, thumbs, None

    def show_entry(self, entry: Entry | None, part=None) -> None:
        """Follow the editor: show this entry's attachments (None: nothing selected or lock), from
        its `part` (read_part, read with the entry) or read here."""
        switched = entry is None or self._entry is None or entry.uuid != self._entry.uuid
        self._entry = entry
        self._read_only = entry is not None and entry.deleted_at is not None
        if switched:
            self._close_viewer()
            self._clear_view()
        self._show_part(part if part is not None else self._read_here())
        self._update_enabled()

    def reload(self) -> None:
        self._show_part(self._read_here())

    def _read_here(self):
        if self.session is None or self.session.reader is None or self._entry is None:
            return None
        return self.read_part(self.session.reader, self._entry)

    def _show_part(self, part) -> None:
        self.strip.clear()
        self._items = []
        if part is None or self._entry is None or self.session is None:
            self.stack.setCurrentWidget(self.empty)
            return
        self._items, thumbs, failed = part
        if failed is not None:
            self.notice.setText(user_message(failed))
        style = self.style()
        if self._previews_op is not None and not self._previews_op.done:
            self._previews_op.cancel()
        pending: list[str] = []
        for att in self._items:
            item = QListWidgetItem(att.file_name)
            item.setData(FILE_ROLE, att.uuid)
            pixmap = None
            if att.has_thumbnail:
                stored = thumbs.get(att.uuid)
                if stored == PREVIEW_PENDING:
                    pending.append(att.uuid)  # made off the GUI thread, below
                pixmap = thumbnail_pixmap(stored)
            icon = QIcon(pixmap) if pixmap is not None else style.standardIcon(
                QStyle.StandardPixmap.SP_MessageBoxWarning if att.note else QStyle.StandardPixmap.SP_FileIcon)
            item.setIcon(icon)
            tip = f"{att.file_name}\n{att.media_type}, {human_size(att.size)}"
            if att.note:
                tip += "\n" + att.note
            item.setToolTip(tip)
            item.setSizeHint(QSize(THUMB_SIDE + 20, THUMB_SIDE + 26))
            self.strip.addItem(item)
        self.stack.setCurrentWidget(self.strip if self._items else self.empty)
        if pending:
            self._previews_op = ops.make_previews(self, self.session, pending, self._show_previews)
        self.title.setText(self.tr("Photos and files ({n})").format(n=len(self._items)) if self._items
                           else self.tr("Photos and files"))
        if self.viewer is not None and self.viewer.isVisible():
            current = self.viewer.current.uuid if self.viewer.current else None
            uuids = [a.uuid for a in self._items]
            self.viewer.set_items(self._items, uuids.index(current) if current in uuids else 0)

    def _show_previews(self, made: dict[str, bytes | None]) -> None:
        """Previews made on a worker thread for items still in the strip (the entry may have
        changed or the journal locked meanwhile: items no longer shown are skipped)."""
        for row in range(self.strip.count()):
            item = self.strip.item(row)
            pixmap = thumbnail_pixmap(made.get(item.data(FILE_ROLE)))
            if pixmap is not None:
                item.setIcon(QIcon(pixmap))

    def _refresh_read_only(self) -> None:
        self._update_enabled()

    def _update_enabled(self) -> None:
        can_add = self.session is not None and self._entry is not None and not self._read_only
        for widget in (self.add_button, self.paste_button):
            widget.setEnabled(can_add)
        self.add_action.setEnabled(can_add)
        self.paste_action.setEnabled(can_add)
        self.remove_action.setEnabled(can_add)

    @property
    def current_entry_uuid(self) -> str | None:
        return self._entry.uuid if self._entry is not None else None

    def item_count(self) -> int:
        return self.strip.count()

    # --- adding ---------------------------------------------------------------------------------
    def can_accept(self, entry_uuid: str | None = None) -> bool:
        if self.session is None:
            return False
        if entry_uuid is None:
            return self._entry is not None and not self._read_only
        return True

    def choose_and_add(self) -> None:
        """The Add button: pick files, confirm (with the delete-originals option), import."""
        if not self.can_accept():
            return
        paths = choose_files(self.host.parent_widget())
        if not paths:
            return
        options = ImportOptionsDialog(paths, self.host.parent_widget())
        if options.exec() != ImportOptionsDialog.DialogCode.Accepted:
            return
        self.add_paths(paths, delete_original=options.delete_original.isChecked())

    def add_paths(self, paths: list[str], *, delete_original: bool = False, entry_uuid: str | None = None):
        """Import files into an entry (the current one by default) on the writer, with progress and cancel."""
        entry_uuid = entry_uuid or self.current_entry_uuid
        if not paths or entry_uuid is None or self.session is None:
            return None
        if entry_uuid == self.current_entry_uuid and self._read_only:
            return None
        self.host.flush()  # the suggestion looks at the saved entry
        paths = [str(p) for p in paths]
        label = self.tr("Attaching %n file(s)…", "", len(paths))
        session = self.session
        self.last_op = ops.attach_files(self.host.parent_widget(), session, entry_uuid, paths,
                                        delete_original=delete_original,
                                        on_done=lambda out: self._imported(session, out),
                                        on_error=lambda exc: self._failed(session, exc), label=label)
        return self.last_op

    def paste_from_clipboard(self) -> object | None:
        """Attach the clipboard's picture (or its copied files) to the current entry."""
        if not self.can_accept():
            return None
        mime = QGuiApplication.clipboard().mimeData()
        files = local_files(mime)
        if files:
            return self.add_paths(files)
        image = QGuiApplication.clipboard().image()
        if image.isNull():
            self.status_message.emit(self.tr("There is no picture on the clipboard to attach."), 4000)
            return None
        png = image_to_png(image)
        name = dt.datetime.now().strftime("pasted image %Y-%m-%d %H-%M-%S.png")
        entry_uuid = self.current_entry_uuid
        session = self.session
        self.last_op = ops.attach_pasted_image(self.host.parent_widget(), session, entry_uuid, png, name,
                                               on_done=lambda out: self._imported(session, out),
                                               on_error=lambda exc: self._failed(session, exc),
                                               label=self.tr("Attaching the pasted picture…"))
        return self.last_op

    def _imported(self, session, outcome: ImportOutcome) -> None:
        if session is not self.session:
            return  # locked meanwhile
        self.changed.emit(outcome.entry_uuid)
        n = len(outcome.attachments)
        self.status_message.emit(self.tr("%n file(s) attached.", "", n), 5000)
        if outcome.entry_uuid != self.current_entry_uuid:
            return
        self.reload()
        self.notice.setText("\n".join(outcome.notices))
        self._offer_suggestion()

    def _failed(self, session, exc: BaseException) -> None:
        if session is not self.session:
            return
        if isinstance(exc, Cancelled):
            self.status_message.emit(self.tr("Import cancelled. Nothing was attached."), 6000)
            return
        QMessageBox.warning(self.host.parent_widget(), self.tr("Incident Journal"), user_message(exc))

    # --- suggestion bar ---------------------------------------------------------------------------
    def _offer_suggestion(self) -> None:
        store = self._reader_store()
        if store is None or self._entry is None or self._read_only:
            return
        try:
            suggestion = store.suggest_entry_fields(self._entry.uuid)
        except JournalError:
            return
        if not suggestion:
            self._hide_suggestion()
            return
        self._suggestion = suggestion
        parts = []
        if suggestion.occurred_at:
            parts.append(self.tr("taken {time}").format(time=suggestion.occurred_at.replace("T", " ")))
        if suggestion.latitude is not None:
            parts.append(self.tr("at {lat:.5f}, {lon:.5f}").format(lat=suggestion.latitude, lon=suggestion.longitude))
        text = self.tr("Use the photo's time and place? ({details})").format(details=", ".join(parts))
        if suggestion.occurred_at and not suggestion.capture_time_has_zone:
            text += " " + self.tr("The camera recorded no time zone; the entry's zone is used.")
        self.suggestion_label.setText(text)
        self.suggestion_bar.setVisible(True)

    def _hide_suggestion(self) -> None:
        self._suggestion = None
        self.suggestion_bar.setVisible(False)
        self.suggestion_label.clear()

    @property
    def suggestion_visible(self) -> bool:
        return not self.suggestion_bar.isHidden()

    def apply_suggestion(self) -> None:
        suggestion, entry = self._suggestion, self._entry
        if suggestion is None or entry is None or self.session is None:
            return
        self.host.flush()
        self._hide_suggestion()
        session, uuid = self.session, entry.uuid
        ops.apply_suggestion(self.host.parent_widget(), session, uuid, suggestion) \
            .success(lambda updated: self._suggestion_applied(session, updated)) \
            .failure(lambda exc: self._failed(session, exc)).run()

    def _suggestion_applied(self, session, entry: Entry) -> None:
        if session is not self.session:
            return
        self.entry_updated.emit(entry)  # the host shows it in the editor unless the person is typing
        self.status_message.emit(self.tr("The photo's time and place were added to the entry."), 5000)

    # --- per attachment ---------------------------------------------------------------------------
    def _context_menu(self, pos) -> None:
        item = self.strip.itemAt(pos)
        if item is None:
            return
        self.strip.setCurrentItem(item)
        menu = QMenu(self)
        for act in (self.open_action, self.save_action, None, self.remove_action):
            menu.addSeparator() if act is None else menu.addAction(act)
        menu.exec(self.strip.viewport().mapToGlobal(pos))

    def _current_attachment(self) -> Attachment | None:
        row = self.strip.currentRow()
        return self._items[row] if 0 <= row < len(self._items) else None

    def remove_current(self) -> None:
        att = self._current_attachment()
        if att is None or self.session is None or self._read_only:
            return
        session = self.session
        ops.remove(self.host.parent_widget(), session, att.uuid) \
            .success(lambda _r: self._removed(session, att)).failure(lambda exc: self._failed(session, exc)).run()

    def _removed(self, session, att: Attachment) -> None:
        if session is not self.session:
            return
        self.reload()
        self.changed.emit(att.entry_uuid)
        self.status_message.emit(self.tr("Removed “{name}” from the entry.").format(name=att.file_name), 5000)

    def open_viewer(self, row: int) -> AttachmentViewer | None:
        if not 0 <= row < len(self._items) or self.session is None:
            return None
        if self.viewer is None:
            self.viewer = AttachmentViewer(self._load_picture, self.host.parent_widget(), self._load_findings)
            self.viewer.save_requested.connect(self.save_copy_interactive)
        self.viewer.set_items(self._items, row)
        self.viewer.show()
        self.viewer.raise_()
        return self.viewer

    def _load_picture(self, att: Attachment) -> QImage:
        store = self._reader_store()
        if store is None:
            raise MediaError(self.tr("The journal is locked."))
        with store.open_stream(att.uuid) as stream:
            return decode_for_display(stream)

    def _load_findings(self, att: Attachment, deliver, *, errors: bool = True) -> None:
        """Read what a non-photo file reveals on a worker thread; deliver(findings) on the GUI
        thread (an unreadable file gives its error as the one finding; a cancel or lock, nothing).
        Only the latest request is kept: an earlier one still running is cancelled."""
        if self._findings_op is not None and not self._findings_op.done:
            self._findings_op.cancel()

        def failed(exc: BaseException) -> None:
            if errors and isinstance(exc, JournalError) and not isinstance(exc, Cancelled):
                deliver([str(exc)])

        self._findings_op = ops.read_findings(self, self.session, att.uuid, deliver, failed)

    def _close_viewer(self) -> None:
        if self.viewer is not None:
            self.viewer.forget()
            self.viewer.close()
            self.viewer.deleteLater()
            self.viewer = None

    # --- save a copy ---------------------------------------------------------------------------------
    def _save_current(self) -> None:
        att = self._current_attachment()
        if att is not None:
            self.save_copy_interactive(att.uuid)

    def save_copy_interactive(self, attachment_uuid: str) -> None:
        att = next((a for a in self._items if a.uuid == attachment_uuid), None)
        if att is None or self.session is None:
            return
        dialog = SaveCopyDialog(att, self.host.parent_widget(), None)
        if not att.is_image:  # read in the background; the dialog shows it when it is known
            dialog.start_reading()

            def show(findings: list[str], shown=dialog) -> None:
                if shown.isVisible():
                    shown.set_findings(findings)

            self._load_findings(att, show, errors=False)  # damaged: the save itself says so
        if dialog.exec() != SaveCopyDialog.DialogCode.Accepted:
            return
        name = att.file_name
        if dialog.strip.isChecked() and att.media_type in ("image/heic", "image/heif", "image/avif", "image/webp"):
            name = str(Path(name).with_suffix(".jpg"))
        target = choose_save_path(self.host.parent_widget(), name)
        if target:
            self.save_copy_to(att.uuid, target, strip=dialog.strip.isChecked())

    def save_copy_to(self, attachment_uuid: str, target: str, *, strip: bool = True,
                     allow_uncleaned: bool = False):
        """Write the copy on the writer thread (it records the cleaned copy's hash)."""
        if self.session is None:
            return None
        session = self.session

        def failed(exc: BaseException) -> None:
            if session is not self.session:
                return
            if isinstance(exc, MediaError) and strip and not allow_uncleaned:
                answer = QMessageBox.warning(
                    self.host.parent_widget(), self.tr("Save a copy"),
                    self.tr("{reason}\n\nSave it unchanged, with all the metadata it carries?").format(
                        reason=user_message(exc)),
                    QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
                    QMessageBox.StandardButton.Cancel)
                if answer == QMessageBox.StandardButton.Save:
                    self.save_copy_to(attachment_uuid, target, strip=True, allow_uncleaned=True)
                return
            self._failed(session, exc)

        self.last_op = ops.write_copy(self.host.parent_widget(), session, attachment_uuid, target, strip=strip,
                                      allow_uncleaned=allow_uncleaned,
                                      on_done=lambda report: self._saved(session, report),
                                      on_error=failed, label=self.tr("Saving a copy…"))
        return self.last_op

    def _saved(self, session, report) -> None:
        if session is not self.session:
            return
        if report.warning:
            QMessageBox.warning(self.host.parent_widget(), self.tr("Save a copy"),
                                self.tr("Saved to {path}.\n\n{warning}").format(path=str(report.path),
                                                                              warning=report.warning))
        elif report.stripped:
            self.status_message.emit(self.tr("Saved a cleaned copy to {path}.").format(path=str(report.path)), 8000)
        else:
            self.status_message.emit(self.tr("Saved an unchanged copy to {path}.").format(path=str(report.path)),
                                     8000)


def image_to_png(image: QImage) -> bytes:
    """Encode a clipboard picture as PNG in memory (no metadata survives this)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


class FileDropFilter(QObject):
    """Accepts local files dropped on a widget and hands them to the panel.

    `target(event)` returns the entry uuid to attach to, or None to refuse.
    Text fields would otherwise insert the file's path as text.
    """

    def __init__(self, panel: AttachmentsPanel, target, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._panel = panel
        self._target = target

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            if not local_files(event.mimeData()):
                return False
            entry_uuid = self._target(event)
            if entry_uuid is None or not self._panel.can_accept(entry_uuid):
                event.ignore()
                return True
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            if kind == QEvent.Type.Drop:
                self._panel.add_paths(local_files(event.mimeData()), entry_uuid=entry_uuid)
            return True
        return False


class PasteImageFilter(QObject):
    """Ctrl+V in the entry's text with a picture (and no text) on the clipboard attaches the picture."""

    def __init__(self, panel: AttachmentsPanel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._panel = panel

    def eventFilter(self, obj, event) -> bool:
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and \
                event.matches(QKeySequence.StandardKey.Paste):
            mime = QGuiApplication.clipboard().mimeData()
            if mime is not None and mime.hasImage() and not mime.hasText() and self._panel.can_accept():
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    self._panel.paste_from_clipboard()
                return True
        return False


def install_attachments(host: FeatureHost) -> AttachmentsPanel:
    """Wire the attachment feature into the main window (called once from its constructor)."""
    panel = AttachmentsPanel(host)
    host.add_entry_panel(panel)

    def current_entry(_event) -> str | None:
        return panel.current_entry_uuid if panel.can_accept() else None

    editor_drops = panel.editor_drops = FileDropFilter(panel, current_entry, panel)
    for target in host.drop_targets(EDITOR):
        target.installEventFilter(editor_drops)
    for target in host.drop_targets(EDITOR_TEXT):
        target.installEventFilter(PasteImageFilter(panel, panel))

    def row_entry(event) -> str | None:
        return host.entry_uuid_at(event.position().toPoint())

    list_drops = panel.list_drops = FileDropFilter(panel, row_entry, panel)
    for target in host.drop_targets(ENTRY_LIST):
        target.installEventFilter(list_drops)
    host.add_actions([panel.add_action, panel.paste_action])

    def refresh_count(entry_uuid: str) -> None:
        session = host.session
        if session is None or session.reader is None:
            return
        try:
            rowid = session.reader.entries.get(entry_uuid).id
        except JournalError:
            return
        host.refresh_entry_row(rowid)

    panel.changed.connect(refresh_count)
    panel.entry_updated.connect(host.show_updated_entry)
    panel.status_message.connect(host.show_status)
    return panel
