"""The left sidebar: sections (pages) and the filters that narrow the entry list.

Each item carries a section key (which central page to show) and, for the
entries page, an EntryFilter. Later features add their own sections
(people, contact log) with `add_section`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from journal.records.search import EntryFilter

SECTION_ROLE = Qt.ItemDataRole.UserRole + 1
FILTER_ROLE = Qt.ItemDataRole.UserRole + 2
ENTRIES_SECTION = "entries"


class Sidebar(QTreeWidget):
    selection_changed = Signal(str, object)  # (section key, EntryFilter | None)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(14)
        self.setUniformRowHeights(True)
        self.setMinimumWidth(170)
        self.setAccessibleName(self.tr("Sections and filters"))
        self.setToolTip(self.tr("Choose what the entry list shows"))
        self.currentItemChanged.connect(self._on_current_changed)
        self._extra_sections: list[tuple[str, str]] = []
        # Later features' filter groups: provider() -> (heading, [(label, EntryFilter, icon or None)]).
        self._filter_groups: list = []
        self.all_item: QTreeWidgetItem | None = None
        self.trash_item: QTreeWidgetItem | None = None

    def add_section(self, key: str, label: str) -> None:
        """A page from a later feature (people, contact log); shown after the filters."""
        self._extra_sections.append((key, label))

    def add_filter_group(self, provider) -> None:
        """A heading with entry filters of a later feature (received entries by sender)."""
        self._filter_groups.append(provider)

    def populate(self, categories: list[tuple[str, str]], tags: list[tuple[str, int]]) -> None:
        """Rebuild the items, keeping the current choice where it still exists."""
        current = self.current_choice()
        self.blockSignals(True)
        self.clear()
        self.all_item = self._item(None, self.tr("All entries"), ENTRIES_SECTION, EntryFilter())
        self._item(None, self.tr("Drafts"), ENTRIES_SECTION, EntryFilter(status="draft"))
        self.trash_item = self._item(None, self.tr("Trash"), ENTRIES_SECTION, EntryFilter(trash=True))
        if categories:
            head = self._heading(self.tr("Categories"))
            for key, label in categories:
                self._item(head, label, ENTRIES_SECTION, EntryFilter(category=key))
        if tags:
            head = self._heading(self.tr("Tags"))
            for tag, count in tags:
                self._item(head, f"{tag} ({count})", ENTRIES_SECTION, EntryFilter(tag=tag))
        for provider in self._filter_groups:
            heading, items = provider()
            if items:
                head = self._heading(heading)
                for label, flt, icon in items:
                    item = self._item(head, label, ENTRIES_SECTION, flt)
                    if icon is not None:
                        item.setIcon(0, icon)
        for key, label in self._extra_sections:
            self._item(None, label, key, None)
        self.expandAll()
        restored = self._find(current) if current else None
        self.setCurrentItem(restored or self.all_item)
        self.blockSignals(False)

    def current_choice(self) -> tuple[str, EntryFilter | None] | None:
        item = self.currentItem()
        if item is None or item.data(0, SECTION_ROLE) is None:
            return None
        return item.data(0, SECTION_ROLE), item.data(0, FILTER_ROLE)

    def current_filter(self) -> EntryFilter:
        choice = self.current_choice()
        return choice[1] if choice and choice[1] is not None else EntryFilter()

    def select_all_entries(self) -> None:
        if self.all_item is not None:
            self.setCurrentItem(self.all_item)

    def select_trash(self) -> None:
        if self.trash_item is not None:
            self.setCurrentItem(self.trash_item)

    def has_section(self, key: str) -> bool:
        """Whether a feature added the page `key` (add_section)."""
        return any(key == section for section, _label in self._extra_sections)

    def section_item(self, key: str) -> QTreeWidgetItem | None:
        """The top-level item of the page `key` (sections are top-level items), or None."""
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            if item.data(0, SECTION_ROLE) == key:
                return item
        return None

    def select_section(self, key: str) -> bool:
        """Show the page `key` (as a click on its item would); False if there is none."""
        item = self.section_item(key)
        if item is None:
            return False
        self.setCurrentItem(item)
        self.scrollToItem(item)
        return True

    def _find(self, choice) -> QTreeWidgetItem | None:
        for item in self._all_items():
            if (item.data(0, SECTION_ROLE), item.data(0, FILTER_ROLE)) == choice:
                return item
        return None

    def _all_items(self):
        stack = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            yield item
            stack.extend(item.child(i) for i in range(item.childCount()))

    def _heading(self, label: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self, [label])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # not selectable; the arrow keys skip it (moveCursor)
        # Qt gives tree items no "heading" role: screen readers hear it as the item's description.
        item.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, self.tr("heading"))
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        return item

    def _item(self, parent, label: str, section: str, flt: EntryFilter | None) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent if parent is not None else self, [label])
        item.setData(0, SECTION_ROLE, section)
        item.setData(0, FILTER_ROLE, flt)
        item.setToolTip(0, label)
        return item

    def moveCursor(self, action, modifiers):  # noqa: N802 (Qt name)
        """Arrow keys, Home/End and Page Up/Down step over the headings ("Categories", "Tags")."""
        index = super().moveCursor(action, modifiers)
        forward = action in (self.CursorAction.MoveDown, self.CursorAction.MoveNext, self.CursorAction.MoveHome,
                             self.CursorAction.MovePageDown, self.CursorAction.MoveRight)
        seen = 0
        while index.isValid() and index.data(SECTION_ROLE) is None and seen < 1000:
            following = self.indexBelow(index) if forward else self.indexAbove(index)
            if not following.isValid():
                return self.currentIndex()  # nothing but a heading that way: stay
            index, seen = following, seen + 1
        return index

    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous) -> None:
        if current is None or current.data(0, SECTION_ROLE) is None:
            return
        self.selection_changed.emit(current.data(0, SECTION_ROLE), current.data(0, FILTER_ROLE))
