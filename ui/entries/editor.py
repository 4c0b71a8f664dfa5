"""The right-hand entry editor with autosave.

Fields change -> a short timer -> one `update()` on the session's writer.
The editor also saves, synchronously, when switching entries, locking and
quitting (`flush()`), so the last keystrokes are never lost. Undo/redo is
the fields' own (Ctrl+Z / Ctrl+Shift+Z); loading or clearing an entry
empties those stacks so nothing from a previous entry can be undone into view.

Room for later features: `add_panel(widget)` puts a panel (attachments strip,
people involved) between the body and the footer; `add_part(read, show)` gives the panel
what it shows of an entry, read with the entry itself off the GUI thread (read_entry_view):
the window reads an EntryView on a worker (ui/common/ops.LatestRead, the latest selection
wins) and `load()`s it. Meanwhile the editor is `pending`: it keeps the previous entry (greyed
if the read takes long), takes no typing or clicks and names no current entry.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QEvent, QObject, QTime, QTimer, Qt, Signal
from PySide6.QtGui import QAction, QFont, QFontDatabase, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateTimeEdit, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QFrame, QPushButton, QScrollArea, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget,
)

from collections.abc import Callable
from typing import Any

from journal.records.entries import Entry
from ui.common.a11y import StatusVoice, announce, mark_hint
from ui.common.clipboard import copy_secret
from ui.entries.copy import SecretLineEdit, SecretPlainTextEdit, entry_as_text
from ui.common.fields import TagEdit, TimeZoneBox, all_zones
from ui.common.i18n import date_format, datetime_format, format_datetime, time_format
from ui.common.ops import user_message
from ui.entries import ops

AUTOSAVE_MS = 1200
PENDING_GREY_MS = 150  # an entry read taking longer greys the editor meanwhile (set_pending)


class _NoKeysWhilePending(QObject):
    """While the next entry is read, keys that act (Enter, Space, letters) do nothing anywhere in
    the editor, its panels included: a button of the people or files panel reached with Tab would
    otherwise act on the entry still shown, not the one chosen. Tab and Shift+Tab still move the
    focus; shortcuts (Ctrl+L, Ctrl+S) are matched before keys reach a widget, so they still work.
    Installed on the application only while pending."""

    PASSED = {Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt,
              Qt.Key.Key_Meta}

    def __init__(self, editor: QWidget) -> None:
        super().__init__(editor)
        self._editor = editor

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        if (event.type() in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease) and isinstance(watched, QWidget)
                and event.key() not in self.PASSED and self._editor.isAncestorOf(watched)):
            return True
        return False
# The share of the editor's visible height the text keeps at least (issue 17.16).
BODY_SHARE = 0.4

SOURCES = (None, "witnessed", "reported", "media")


# A panel's part of an entry: `read(reader, entry)` runs on a worker with a JournalReader and
# returns plain data (never widgets); `show(entry, data)` runs on the GUI thread (None, None: no entry).
PartRead = Callable[[Any, Entry], Any]
PartShow = Callable[[Entry | None, Any], None]


@dataclasses.dataclass(frozen=True)
class EntryView:
    """An entry and what each panel shows with it (in the order the parts were added)."""

    entry: Entry
    parts: tuple


def read_entry_view(reader, rowid: int, reads: tuple[PartRead, ...]) -> EntryView:
    """The entry with row id `rowid` and its panels' parts, read through `reader` (a worker's
    JournalReader; NotFound when the entry went meanwhile)."""
    entry = reader.entries.get_by_rowid(rowid)
    return EntryView(entry, tuple(read(reader, entry) for read in reads))


def parse_coordinates(text: str) -> tuple[float, float] | None:
    """'55.75, 37.61' -> (55.75, 37.61); '' -> None; raises ValueError otherwise."""
    text = text.strip()
    if not text:
        return None
    parts = text.replace(";", ",").split(",")
    if len(parts) != 2:
        parts = text.split()
    if len(parts) != 2:
        raise ValueError(text)
    lat, lon = (float(p.strip()) for p in parts)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(text)
    return lat, lon


class EntryEditor(QWidget):
    saved = Signal(object)           # the saved Entry
    history_requested = Signal(str)  # entry uuid
    restore_requested = Signal(str)
    entry_changed = Signal(object)   # the shown Entry after load(), None after clear() (feature panels)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = None
        self._entry: Entry | None = None
        self._read_only = False
        self._dirty = False
        self._loading = False
        self._pending = False  # the next entry is being read off the GUI thread (set_pending)
        self._no_keys = _NoKeysWhilePending(self)  # ... and meanwhile keys that act do nothing
        self._parts: list[tuple[PartRead, PartShow]] = []
        self._occurred_touched = False
        self._zone_chosen = False
        self._default_tz = "UTC"
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save)
        self._grey_timer = QTimer(self)  # set_pending: a read taking this long greys the editor
        self._grey_timer.setSingleShot(True)
        self._grey_timer.setInterval(PENDING_GREY_MS)
        self._grey_timer.timeout.connect(self._grey_while_pending)
        self._saved_voice = StatusVoice()  # "Saved" spoken once a minute at most, or on Ctrl+S
        self._speak_next_save = False
        self._build()
        self._wire()
        self.copy_text_action = QAction(self.tr("&Copy entry as text"), self)
        self.copy_text_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.copy_text_action.setToolTip(self.tr("Copy the shown entry as plain text; the clipboard is "
                                                 "cleared again after 30 seconds"))
        self.copy_text_action.triggered.connect(self.copy_as_text)
        # Ctrl+S: entries save themselves; this saves now and says so (screen readers too).
        self.save_now_action = QAction(self.tr("Save now"), self)
        self.save_now_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_now_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_now_action.triggered.connect(self.save_now)
        self.addAction(self.save_now_action)
        self.clear()

    # --- construction -------------------------------------------------------------
    def _build(self) -> None:
        self.pages = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

        self.empty_label = QLabel(self.tr("Select an entry on the left, or press Ctrl+N for a new one."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        mark_hint(self.empty_label)  # readable grey (>= 4.5:1), not a disabled label
        self.pages.addWidget(self.empty_label)

        form_page = QWidget()
        layout = QVBoxLayout(form_page)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(8)

        self.trash_banner = QWidget()
        banner = QHBoxLayout(self.trash_banner)
        banner.setContentsMargins(0, 0, 0, 0)
        self.trash_label = QLabel(self.tr("This entry is in the trash. Restore it to edit it."))
        self.trash_label.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setToolTip(self.tr("Move this entry back out of the trash"))
        banner.addWidget(self.trash_label, 1)
        banner.addWidget(self.restore_button)
        layout.addWidget(self.trash_banner)

        self.title = SecretLineEdit()  # copies are marked secret and cleared after 30 s
        self.title.setPlaceholderText(self.tr("Title, e.g. “Detentions at the station square”"))
        self.title.setAccessibleName(self.tr("Title"))
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.35)
        title_font.setBold(True)
        self.title.setFont(title_font)
        layout.addWidget(self.title)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(6)

        self.when = QDateTimeEdit()
        self.when.setAccessibleName(self.tr("When"))
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(datetime_format())  # typed and shown in the interface language's format
        self.when.setToolTip(self.tr("When it happened, in the local time of the place"))
        self.time_zone = TimeZoneBox()
        self.time_zone.setAccessibleName(self.tr("Time zone"))
        self.time_zone.setToolTip(self.tr("Time zone of the place (type part of a city name)"))
        self.time_unknown = QCheckBox(self.tr("Time unknown"))
        self.time_unknown.setToolTip(self.tr("Only the date is known"))
        form.addRow(self.tr("&When:"), self.when)
        self._label_for(form, self.when)
        # The zone on a row of its own, with its visible, linked label (screen readers say what the
        # zone is): beside the date, the two made the editor wider than its pane in Russian at 1280 px.
        zone_label = QLabel(self.tr("Time zone:"))
        zone_label.setBuddy(self.time_zone)
        form.addRow(zone_label, self.time_zone)
        # On a row of its own: beside the date it made the editor so wide that the entry list's
        # title column was squeezed to a few words at 1280 px.
        form.addRow("", self.time_unknown)
        # The optional end (Entry.occurred_end), in the same time zone as the start.
        self.has_end = QCheckBox(self.tr("Has an &end"))
        self.has_end.setToolTip(self.tr("It lasted for a while: give the time it ended"))
        self.until = QDateTimeEdit()
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat(datetime_format())
        self.until.setAccessibleName(self.tr("Until"))
        self.until.setToolTip(self.tr("When it ended, in the same time zone as the start"))
        self.until.setEnabled(False)
        until_row = QHBoxLayout()
        until_row.addWidget(self.has_end)
        until_row.addWidget(self.until, 1)
        form.addRow(self.tr("Until:"), until_row)

        self.place = QLineEdit()
        self.place.setAccessibleName(self.tr("Where"))
        self.place.setPlaceholderText(self.tr("Place: city, street, building"))
        form.addRow(self.tr("W&here:"), self.place)
        self.coordinates = QLineEdit()
        self.coordinates.setAccessibleName(self.tr("Coordinates"))
        self.coordinates.setPlaceholderText(self.tr("Optional: latitude, longitude (e.g. 55.7558, 37.6173)"))
        self.coordinates.setToolTip(self.tr("Decimal degrees, latitude first"))
        form.addRow(self.tr("Coordinates:"), self.coordinates)

        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Category"))
        self.category.setToolTip(self.tr("What kind of incident this is"))
        self.status = QComboBox()
        self.status.addItem(self.tr("Draft"), "draft")
        self.status.addItem(self.tr("Final"), "final")
        self.status.setToolTip(self.tr("Drafts are notes still being worked on"))
        self.status.setAccessibleName(self.tr("Status"))
        self.status.setAccessibleDescription(self.status.toolTip())
        self.source = QComboBox()
        for key, label in zip(SOURCES, (self.tr("Source not set"), self.tr("Witnessed"), self.tr("Reported"),
                                        self.tr("Media"))):
            self.source.addItem(label, key)
        self.source.setToolTip(self.tr("How you know: seen yourself, told by someone, or from the media"))
        self.source.setAccessibleName(self.tr("Source"))
        self.source.setAccessibleDescription(self.source.toolTip())
        # The category on its own row, status and source on the next: three combo boxes in one row
        # clipped their words in Russian ("Судебное засе", "Источник н") at 1280 px.
        form.addRow(self.tr("&Category:"), self.category)
        status_row = QHBoxLayout()
        source_label = QLabel(self.tr("Source:"))
        source_label.setBuddy(self.source)
        for combo in (self.status, source_label, self.source):
            if isinstance(combo, QComboBox):
                combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            status_row.addWidget(combo)
        status_row.addStretch(1)
        form.addRow(self.tr("St&atus:"), status_row)
        self._label_for(form, self.status)

        self.tags = TagEdit()
        self.tags.setAccessibleName(self.tr("Tags"))
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas"))
        form.addRow(self.tr("&Tags:"), self.tags)
        layout.addLayout(form)

        self.body = SecretPlainTextEdit()
        self.body.setPlaceholderText(self.tr("What happened? Who, how many, which unit, what was said…"))
        self.body.setAccessibleName(self.tr("Text"))
        body_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        body_font.setPointSizeF(max(body_font.pointSizeF(), 9.0) * 1.15)
        self.body.setFont(body_font)
        self.body.setTabChangesFocus(True)
        # The text is what documenters write: it takes every spare pixel (stretch) and never less
        # than about a dozen lines.
        self.body.setMinimumHeight(self.body.fontMetrics().lineSpacing() * 12)
        layout.addWidget(self.body, 1)

        # Later features insert panels here (attachments strip, people involved, forms), each at its
        # full natural height below the text. When the window is short the whole form scrolls
        # (form_scroll below): no second, 150-pixel scroll area that clipped the panels (issue 17.16).
        panels_box = QWidget()
        self.panels = QVBoxLayout(panels_box)
        self.panels.setContentsMargins(0, 0, 0, 0)
        self.panels.setSpacing(10)
        layout.addWidget(panels_box)

        footer = QHBoxLayout()
        self.indicator = QLabel()
        self.indicator.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.history_button = QPushButton(self.tr("History…"))
        self.history_button.setToolTip(self.tr("Earlier versions of this entry (Ctrl+H)"))
        footer.addWidget(self.indicator)
        footer.addWidget(self.history_button)
        layout.addLayout(footer)
        # The whole form scrolls when the window is short (1366×768, 150 % scale) instead of
        # making the window taller than the screen.
        form_scroll = QScrollArea()
        form_scroll.setWidget(form_page)
        form_scroll.setWidgetResizable(True)
        form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        form_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Never narrower than the fields themselves: the list beside it gives way first.
        form_scroll.setMinimumWidth(min(form_page.minimumSizeHint().width(), 440)
                                    + form_scroll.verticalScrollBar().sizeHint().width())
        self.pages.addWidget(form_scroll)
        # The text stays the largest part of what is on screen (issue 17.16): at least 40 % of the
        # visible height, so photos, people and forms below it never squeeze it to a few lines.
        self._form_scroll = form_scroll
        form_scroll.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Resize and watched is self._form_scroll.viewport():
            lines = self.body.fontMetrics().lineSpacing() * 12
            self.body.setMinimumHeight(max(lines, int(event.size().height() * BODY_SHARE)))
        return super().eventFilter(watched, event)

    @staticmethod
    def _label_for(form: QFormLayout, widget: QWidget) -> None:
        """Point a row's mnemonic at the row's first field (rows built from layouts)."""
        label = form.itemAt(form.rowCount() - 1, QFormLayout.ItemRole.LabelRole)
        if label is not None and isinstance(label.widget(), QLabel):
            label.widget().setBuddy(widget)

    def _wire(self) -> None:
        for signal in (self.title.textEdited, self.place.textEdited, self.coordinates.textEdited,
                       self.tags.textEdited, self.body.textChanged):
            signal.connect(self._changed)
        for combo in (self.category, self.status, self.source):
            combo.currentIndexChanged.connect(self._changed)
        self.when.dateTimeChanged.connect(self._occurred_changed)
        self.time_zone.currentTextChanged.connect(self._zone_changed)
        self.time_unknown.toggled.connect(self._time_unknown_toggled)
        self.has_end.toggled.connect(self._has_end_toggled)
        self.until.dateTimeChanged.connect(self._changed)
        self.history_button.clicked.connect(self._request_history)
        self.restore_button.clicked.connect(self._request_restore)

    def add_panel(self, widget: QWidget) -> None:
        """Extension point for later features: panels stack below the text in the order added."""
        self.panels.addWidget(widget)

    def add_part(self, read: PartRead, show: PartShow) -> None:
        """A panel's part of every entry shown: `read(reader, entry)` on the worker that reads the
        entry, `show(entry, data)` when the editor shows it (`show(None, None)` when it shows none)."""
        self._parts.append((read, show))

    def part_reads(self) -> tuple[PartRead, ...]:
        """The parts' read functions, for read_entry_view on a worker."""
        return tuple(read for read, _ in self._parts)

    @property
    def pending(self) -> bool:
        """True while the entry to show is being read (the previous one stays, taking no edits)."""
        return self._pending

    def set_pending(self, pending: bool) -> None:
        """Waiting for the next entry: the fields shown take no typing or clicks (the text fields
        read-only, which looks the same) and the editor names no entry (current_uuid is None) until
        load() or clear(). A read that takes longer than PENDING_GREY_MS greys the editor, unless
        the focus is in it (disabling would throw the focus out); a quick one changes nothing on
        screen (greying and back for every entry passed with the Down key cost a repaint each)."""
        self._timer.stop()
        self._pending = pending
        if pending:
            app = QCoreApplication.instance()
            if app is not None:
                app.removeEventFilter(self._no_keys)  # never twice
                app.installEventFilter(self._no_keys)
            self._form_scroll.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
            for line in (self.title, self.place, self.coordinates, self.tags):
                line.setReadOnly(True)
            self.body.setReadOnly(True)
            self._grey_timer.start()
        else:
            self._end_pending()
            self._set_read_only(self._read_only)

    def _end_pending(self) -> None:
        self._pending = False
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self._no_keys)
        self._grey_timer.stop()
        self._form_scroll.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, False)
        self._form_scroll.setEnabled(True)

    def _grey_while_pending(self) -> None:
        focused = self.window().focusWidget()  # the window's focus, also while it is inactive
        if self._pending and (focused is None or not self.isAncestorOf(focused)):
            self._form_scroll.setEnabled(False)

    def set_read_only(self, read_only: bool) -> None:
        """Feature panels: lock the shown entry's own fields (received entries), without the trash banner."""
        self._timer.stop()
        self._read_only = read_only
        self._set_read_only(read_only)
        self._tell_panels_read_only(read_only)

    def _tell_panels_read_only(self, read_only: bool) -> None:
        """Panels that change an entry (attachments, people) follow a received entry's lock."""
        for index in range(self.panels.count()):
            widget = self.panels.itemAt(index).widget()
            if widget is not None and hasattr(widget, "set_received_read_only"):
                widget.set_received_read_only(read_only)

    # --- session ---------------------------------------------------------------------
    def attach(self, session, default_tz: str) -> None:
        self._session = session
        self._default_tz = default_tz or "UTC"

    def set_choices(self, categories: list[tuple[str, str]], tags: list[str]) -> None:
        self._loading = True
        try:
            current = self.category.currentData()
            self.category.clear()
            self.category.addItem(self.tr("No category"), None)
            for key, label in categories:
                self.category.addItem(label, key)
            index = self.category.findData(current)
            self.category.setCurrentIndex(max(index, 0))
        finally:
            self._loading = False
        self.tags.set_known_tags(tags)

    @property
    def current_uuid(self) -> str | None:
        return self._entry.uuid if self._entry and not self._pending else None

    @property
    def dirty(self) -> bool:
        return self._dirty

    # --- loading and clearing -----------------------------------------------------------
    def load(self, entry: Entry, read_only: bool = False, parts: tuple | None = None) -> None:
        """Show `entry` and its panels' `parts` (read_entry_view); without them the parts are read
        here, on the GUI thread (a saved or restored entry shown again). The caller has already
        flushed the previous one."""
        if parts is None:
            reader = self._session.reader if self._session is not None else None
            parts = tuple(read(reader, entry) if reader is not None else None for read, _ in self._parts)
        self._timer.stop()
        self._end_pending()
        self._loading = True
        try:
            self._entry = entry
            self._read_only = read_only
            self._dirty = False
            self._occurred_touched = False
            self._zone_chosen = False
            self.title.setText(entry.title)
            self.place.setText(entry.place)
            if entry.latitude is not None and entry.longitude is not None:
                self.coordinates.setText(f"{entry.latitude!r}, {entry.longitude!r}")
            else:
                self.coordinates.setText("")
            self._set_occurred(entry.occurred_at, entry.occurred_tz)
            self._set_end(entry.occurred_end)
            self.category.setCurrentIndex(max(self.category.findData(entry.category), 0))
            self.status.setCurrentIndex(max(self.status.findData(entry.status), 0))
            self.source.setCurrentIndex(max(self.source.findData(entry.source), 0))
            self.tags.set_tags(entry.tags)
            self.body.setPlainText(entry.body)
            self._clear_undo()
            self._set_read_only(read_only)
            self.trash_banner.setVisible(read_only)
            self.indicator.setText(self.tr("Last saved {time}").format(time=_local_time(entry.updated_at))
                                   if entry.updated_at else "")
            self.pages.setCurrentIndex(1)
        finally:
            self._loading = False
        self._tell_panels_read_only(False)  # a received entry's panel locks them again
        for (_read, show), data in zip(self._parts, parts):
            show(entry, data)
        self.entry_changed.emit(entry)

    def focus_first_field(self) -> None:
        """Keyboard focus into the shown entry: its title, or the first control a read-only entry has."""
        from ui.common.a11y import first_focusable

        if self._entry is None or self._pending:
            return
        target = self.title if self.title.isEnabled() and not self.title.isReadOnly() else first_focusable(self)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        """Forget the entry and everything typed (lock, or nothing selected)."""
        self._timer.stop()
        self._end_pending()
        self._loading = True
        try:
            self._entry = None
            self._read_only = False
            self._dirty = False
            for line in (self.title, self.place, self.coordinates, self.tags):
                line.setText("")
            self.body.setPlainText("")
            self.category.setCurrentIndex(0)
            self.status.setCurrentIndex(0)
            self.source.setCurrentIndex(0)
            self.time_unknown.setChecked(False)
            self.when.setDateTime(QDateTime(QDate(2000, 1, 1), QTime(0, 0)))
            self._set_end(None)
            self._clear_undo()
            self.indicator.setText("")
            self.trash_banner.setVisible(False)
            self._set_read_only(False)
            self.pages.setCurrentIndex(0)
        finally:
            self._loading = False
        for _read, show in self._parts:
            show(None, None)
        self.entry_changed.emit(None)

    def forget_journal(self) -> None:
        """Lock: clear the entry, the category choices and the tag completions."""
        self.clear()
        self._loading = True
        try:
            self.category.clear()
        finally:
            self._loading = False
        self.tags.set_known_tags([])
        self._session = None

    def _clear_undo(self) -> None:
        self.body.document().clearUndoRedoStacks()
        for line in (self.title, self.place, self.coordinates, self.tags):
            text = line.text()
            line.setText(text)  # setText() resets a QLineEdit's undo history
            if line.fontMetrics().horizontalAdvance(text) > line.contentsRect().width() - 8:
                line.setCursorPosition(0)  # a long title showed only its end (setText puts the cursor there)

    def undo_available(self) -> bool:
        return (self.body.document().isUndoAvailable()
                or any(w.isUndoAvailable() for w in (self.title, self.place, self.coordinates, self.tags)))

    def _set_read_only(self, read_only: bool) -> None:
        for line in (self.title, self.place, self.coordinates, self.tags):
            line.setReadOnly(read_only)
        self.body.setReadOnly(read_only)
        for widget in (self.when, self.time_zone, self.time_unknown, self.has_end, self.category, self.status,
                       self.source):
            widget.setEnabled(not read_only)
        self.until.setEnabled(not read_only and self.has_end.isChecked())

    def _set_occurred(self, value: str | None, tz_name: str | None) -> None:
        self.time_zone.set_zone(tz_name or self._default_tz)
        unknown = bool(value) and len(value) == 10
        self.time_unknown.setChecked(unknown)
        self.when.setDisplayFormat(date_format() if unknown else datetime_format())
        self.when.setDateTime(_qdatetime(value) or QDateTime.currentDateTime())

    def _set_end(self, value: str | None) -> None:
        self.has_end.setChecked(bool(value))
        self.until.setEnabled(bool(value) and not self._read_only)
        self.until.setDisplayFormat(date_format() if self.time_unknown.isChecked() else datetime_format())
        self.until.setDateTime(_qdatetime(value) or self.when.dateTime())

    def _has_end_toggled(self, on: bool) -> None:
        self.until.setEnabled(on and not self._read_only)
        if on and not self._loading and self.until.dateTime() < self.when.dateTime():
            self.until.setDateTime(self.when.dateTime())  # a sensible start: the beginning
        self._occurred_changed()

    def copy_as_text(self) -> bool:
        """Copy the shown entry (as typed, saved or not) as a secret: hinted, cleared after 30 s."""
        if self._entry is None or self._pending:
            return False
        shown = dataclasses.replace(self._entry, title=self.title.text().strip(), body=self.body.toPlainText(),
                                    place=self.place.text().strip(), tags=self.tags.tags())
        copy_secret(entry_as_text(shown))
        return True

    # --- edits and saving ------------------------------------------------------------------
    def _changed(self, *_args) -> None:
        if self._loading or self._pending or self._entry is None or self._read_only:
            return
        self._dirty = True
        self.indicator.setText(self.tr("Editing…"))
        self._timer.start()

    def _occurred_changed(self, *_args) -> None:
        if not self._loading:
            self._occurred_touched = True
        self._changed()

    def _zone_changed(self, *_args) -> None:
        if not self._loading:
            self._zone_chosen = True  # remembered for the next new entry (fields.LAST_ZONE_META)
        self._occurred_changed()

    def _time_unknown_toggled(self, unknown: bool) -> None:
        self.when.setDisplayFormat(date_format() if unknown else datetime_format())
        self.until.setDisplayFormat(date_format() if unknown else datetime_format())
        self._occurred_changed()

    def collect_changes(self) -> tuple[dict, list[str]]:
        """The fields as plain values (a copy for the writer thread) and warnings for bad input."""
        warnings: list[str] = []
        changes: dict = {
            "title": self.title.text().strip(),
            "body": self.body.toPlainText(),
            "place": self.place.text().strip(),
            "category": self.category.currentData(),
            "status": self.status.currentData() or "draft",
            "source": self.source.currentData(),
            "tags": self.tags.tags(),
        }
        try:
            coords = parse_coordinates(self.coordinates.text())
        except ValueError:
            warnings.append(self.tr("Coordinates not saved: write them as “latitude, longitude”."))
        else:
            changes["latitude"], changes["longitude"] = coords if coords else (None, None)
        if self._entry is not None and (self._entry.occurred_at or self._occurred_touched):
            zone = self.time_zone.zone()
            if zone not in all_zones():
                warnings.append(self.tr("Time not saved: “{zone}” is not a known time zone.").format(zone=zone))
            else:
                changes["occurred_at"] = _iso_text(self.when.dateTime(), self.time_unknown.isChecked())
                changes["occurred_tz"] = zone
                changes["occurred_end"] = self._end_value(warnings)
        return changes, warnings

    def _end_value(self, warnings: list[str]) -> str | None:
        """The end as the same kind of text as the start (date only when the time is unknown), or None."""
        if not self.has_end.isChecked():
            return None
        end = self.until.dateTime()
        date_only = self.time_unknown.isChecked()
        before = end.date() < self.when.date() if date_only else end < self.when.dateTime()
        if before:
            warnings.append(self.tr("End not saved: it is before the start."))
            return self._entry.occurred_end if self._entry is not None else None
        return _iso_text(end, date_only)

    def save(self) -> None:
        """Queue a save of the current entry if anything changed (autosave)."""
        self._timer.stop()
        if not self._dirty or self._entry is None or self._session is None or self._read_only:
            return
        changes, warnings = self.collect_changes()
        entry_uuid = self._entry.uuid
        self._dirty = False
        chosen = self._take_chosen_zone(changes)
        ops.update(self, self._session, entry_uuid, changes, chosen) \
            .success(lambda entry: self._saved(entry, warnings)).failure(self._save_failed).run()

    def save_now(self) -> None:
        """Ctrl+S: save at once and always say "Saved" (also when there was nothing new to save)."""
        self._speak_next_save = True
        if self._dirty:
            self.save()
        elif self._entry is not None and not self._read_only and not self._pending:
            self._speak_next_save = False
            self._speak_saved(force=True)

    def flush(self) -> bool:
        """Save now and wait (switching entries, lock, quit). False if the save failed."""
        self._timer.stop()
        if not self._dirty or self._entry is None or self._session is None or self._read_only:
            return True
        changes, warnings = self.collect_changes()
        entry_uuid = self._entry.uuid
        chosen = self._take_chosen_zone(changes)
        try:
            entry = ops.update(self, self._session, entry_uuid, changes, chosen).run_and_wait()
        except Exception as exc:  # JournalError, or a timeout behind a long write: keep the edit dirty
            self._save_failed(exc)
            return False
        self._dirty = False
        self._saved(entry, warnings)
        return True

    def _take_chosen_zone(self, changes: dict) -> str | None:
        """The zone the person picked for this entry, if this save stores it (once)."""
        if not self._zone_chosen or "occurred_tz" not in changes:
            return None
        self._zone_chosen = False
        return changes["occurred_tz"]

    def _saved(self, entry: Entry, warnings: list[str]) -> None:
        if self._entry is not None and entry.uuid == self._entry.uuid:
            self._entry = entry
            text = self.tr("Saved {time}").format(time=QTime.currentTime().toString(time_format()))
            self.indicator.setText("  ".join([text, *warnings]))
            self._speak_saved(force=self._speak_next_save or bool(warnings))
        self._speak_next_save = False
        self.saved.emit(entry)

    def _speak_saved(self, force: bool) -> None:
        """ "Saved 14:05" for screen readers: on Ctrl+S or a warning always, after an autosave at most
        once a minute (it came after every pause in typing)."""
        if self.indicator.text():
            self._saved_voice.say(self.indicator, self.indicator.text(), force=force)

    def _save_failed(self, exc: BaseException) -> None:
        self._dirty = True
        self._speak_next_save = False
        self.indicator.setText(self.tr("Not saved: {reason}").format(reason=user_message(exc)))
        announce(self.indicator, self.indicator.text(), assertive=True)

    def _request_history(self) -> None:
        if self._entry is not None and not self._pending:
            self.flush()
            self.history_requested.emit(self._entry.uuid)

    def _request_restore(self) -> None:
        if self._entry is not None and not self._pending:
            self.restore_requested.emit(self._entry.uuid)


def _local_time(iso_utc: str) -> str:
    try:
        return format_datetime(dt.datetime.fromisoformat(iso_utc).astimezone())
    except ValueError:
        return ""


def _qdatetime(value: str | None) -> QDateTime | None:
    """A stored time ("YYYY-MM-DD", or a date and time to the minute) for a date-time edit;
    None when there is none or it cannot be read."""
    if not value:
        return None
    try:
        moment = (dt.datetime.combine(dt.date.fromisoformat(value), dt.time()) if len(value) == 10
                  else dt.datetime.fromisoformat(value))
    except ValueError:
        return None
    return QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute))


def _iso_text(moment: QDateTime, date_only: bool) -> str:
    """A date-time edit's value as stored: the day alone when the time is unknown."""
    day = moment.date().toString("yyyy-MM-dd")
    return day if date_only else f"{day}T{moment.time().toString('HH:mm')}"

