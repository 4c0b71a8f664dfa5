"""The people list: one page of people, read off the GUI thread on a reader of its own
(ui/common/ops.LatestRead: the latest request wins), or through the session's reader
where no background reader is given (tests building a page alone)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt, Signal

from journal.records.people import Person

from ui.common.ops import LatestRead
from ui.people.labels import roles_text

UUID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE_SIZE = 500


class PeopleListModel(QAbstractListModel):
    """Names with roles; filtered by role and a full-text search of the people index."""

    load_failed = Signal(object)  # the exception of a background read (a search FTS5 cannot parse)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = None
        self._background = None  # the people store on a reader connection of its own
        self._reads = LatestRead()
        self._people: list[Person] = []
        self.role: str | None = None
        self.search_text = ""

    def set_store(self, store, background=None) -> None:
        self._store = store
        self._background = background
        self.reload()

    def set_query(self, role: str | None, search: str) -> None:
        self.role, self.search_text = role, search.strip()
        self.reload()

    @property
    def loading(self) -> bool:
        """True while the list is being read off the GUI thread."""
        return self._reads.pending

    def reload(self) -> None:
        """Re-read the list: off the GUI thread with a background store (errors go to
        `load_failed`), else here (the core raises InvalidInput on a search FTS5 cannot parse)."""
        role, search = self.role, self.search_text or None
        if self._background is not None:
            store = self._background
            self._reads.run(lambda: store.list(role=role, search=search, limit=PAGE_SIZE),
                            self._show, self.load_failed.emit)
            return
        self._reads.forget()
        self.beginResetModel()
        try:
            self._people = [] if self._store is None else self._store.list(role=role, search=search, limit=PAGE_SIZE)
        finally:
            self.endResetModel()

    def _show(self, people: list[Person]) -> None:
        self.beginResetModel()
        self._people = people
        self.endResetModel()

    def clear(self) -> None:
        """Lock: forget every person read."""
        self._reads.forget()
        self.beginResetModel()
        self._store = None
        self._background = None
        self._people = []
        self.role, self.search_text = None, ""
        self.endResetModel()

    def person_at(self, row: int) -> Person | None:
        return self._people[row] if 0 <= row < len(self._people) else None

    def row_of(self, uuid: str) -> int:
        for row, person in enumerate(self._people):
            if person.uuid == uuid:
                return row
        return -1

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._people)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        person = self.person_at(index.row()) if index.isValid() else None
        if person is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            roles = roles_text(person.roles)
            return f"{person.display_name} — {roles}" if roles else person.display_name
        if role == Qt.ItemDataRole.ToolTipRole:
            return ", ".join([person.display_name, *person.aliases])
        if role == UUID_ROLE:
            return person.uuid
        return None
