"""The people list: one page of people read through the session's reader."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt

from journal.records.people import Person

from ui.people.labels import roles_text

UUID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE_SIZE = 500


class PeopleListModel(QAbstractListModel):
    """Names with roles; filtered by role and a full-text search of the people index."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = None
        self._people: list[Person] = []
        self.role: str | None = None
        self.search_text = ""

    def set_store(self, store) -> None:
        self._store = store
        self.reload()

    def set_query(self, role: str | None, search: str) -> None:
        self.role, self.search_text = role, search.strip()
        self.reload()

    def reload(self) -> None:
        """Re-read the list (the core raises InvalidInput on a search FTS5 cannot parse)."""
        self.beginResetModel()
        try:
            self._people = [] if self._store is None else self._store.list(
                role=self.role, search=self.search_text or None, limit=PAGE_SIZE)
        finally:
            self.endResetModel()

    def clear(self) -> None:
        """Lock: forget every person read."""
        self.beginResetModel()
        self._store = None
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
