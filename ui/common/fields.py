"""Small input widgets used by the editor: tags with completion, time zones."""

from __future__ import annotations

import zoneinfo

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QFrame, QLineEdit, QScrollArea, QStackedWidget, QWidget


class TagEdit(QLineEdit):
    """Comma-separated tags; completion applies to the tag being typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        self._completer.setWidget(self)
        self._completer.activated.connect(self._insert_completion)
        self.textEdited.connect(self._update_completion)

    def set_known_tags(self, tags: list[str]) -> None:
        self._model.setStringList(list(tags))

    def known_tag_count(self) -> int:
        return self._model.rowCount()

    def tags(self) -> list[str]:
        return [t.strip() for t in self.text().split(",") if t.strip()]

    def set_tags(self, tags: list[str]) -> None:
        self.setText(", ".join(tags))

    def _current_prefix(self) -> str:
        return self.text()[: self.cursorPosition()].split(",")[-1].lstrip()

    def _update_completion(self, _text: str) -> None:
        prefix = self._current_prefix()
        if not prefix:
            self._completer.popup().hide()
            return
        self._completer.setCompletionPrefix(prefix)
        if self._completer.completionCount():
            self._completer.complete()
        else:
            self._completer.popup().hide()

    def _insert_completion(self, completion: str) -> None:
        text, pos = self.text(), self.cursorPosition()
        head, tail = text[:pos], text[pos:]
        start = head.rfind(",") + 1
        new_head = head[:start] + (" " if start else "") + completion + ", "
        self.setText(new_head + tail.lstrip(", "))
        self.setCursorPosition(len(new_head))
        self.textEdited.emit(self.text())


_ZONES: list[str] | None = None


#: Journal meta key (inside the encrypted journal, never in the plain settings file: a zone
#: says where the person works) for the time zone the person last chose for an entry.
LAST_ZONE_META = "ui.last_time_zone"


def system_zone_name() -> str:
    """The system's IANA time zone: Qt's view first (it maps Windows zone names to IANA ones,
    where /etc/localtime does not exist), then the core's (TZ, /etc/localtime), then UTC."""
    from PySide6.QtCore import QTimeZone

    from journal.timeutil import local_zone_name

    try:
        name = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    except (AttributeError, TypeError):
        name = ""
    if name in all_zones() and name not in ("UTC", "Etc/UTC"):
        return name
    core = local_zone_name()
    if core and core in all_zones():
        return core
    return name if name in all_zones() else "UTC"


def last_chosen_zone(db) -> str | None:
    """The zone the person last chose for an entry in this journal, if it is still a known zone."""
    row = db.query_one("SELECT value FROM meta WHERE key = ?", (LAST_ZONE_META,))
    return row[0] if row and row[0] in all_zones() else None


def all_zones() -> list[str]:
    global _ZONES  # a cache of a static system list, not app state
    if _ZONES is None:
        _ZONES = sorted(z for z in zoneinfo.available_timezones() if "/" in z or z == "UTC")
    return _ZONES


class ScrollingPageStack(QStackedWidget):
    """A stack of pages where each page scrolls instead of forcing its minimum size on the window.

    Without it the widest page (Statistics, the contact log) set the main window's minimum size,
    larger than a 1366×768 screen at 100 % and than most screens at 150 %. Callers add, show and
    compare the pages themselves; the scroll areas around them are an implementation detail.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._frames: dict[int, QScrollArea] = {}

    def addWidget(self, page: QWidget) -> int:  # noqa: N802 (Qt name)
        frame = QScrollArea()
        frame.setWidget(page)
        frame.setWidgetResizable(True)
        frame.setFrameShape(QFrame.Shape.NoFrame)
        frame.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no empty Tab stop: focus goes to the page's controls
        self._frames[id(page)] = frame
        return super().addWidget(frame)

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802 (Qt name)
        super().setCurrentWidget(self._frames.get(id(page), page))

    def currentWidget(self) -> QWidget | None:  # noqa: N802 (Qt name)
        frame = super().currentWidget()
        return frame.widget() if isinstance(frame, QScrollArea) else frame


class TimeZoneBox(QComboBox):
    """Editable IANA zone picker with completion by any part ('kyiv' finds Europe/Kyiv)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItems(all_zones())
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        self.setMinimumContentsLength(14)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

    def zone(self) -> str:
        return self.currentText().strip()

    def set_zone(self, name: str) -> None:
        index = self.findText(name)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(name)
