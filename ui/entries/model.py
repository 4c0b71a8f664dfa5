"""The entry list: a QAbstractTableModel that reads rows lazily.

Browsing loads only the ordered row ids (cheap even for 100k entries) and
fetches row data in blocks of BLOCK_SIZE as the view asks for them, like
Anki's browser. Searching asks FTS5 for one page of hits at a time through
canFetchMore/fetchMore, newest first, so a term that matches everything
still costs one page. Nothing here writes; it reads through the session's
read-only connection on the GUI thread, except the whole list's ids (the first list
after unlock, a change of filter such as the sidebar's Drafts, a category or a tag, and
a change of sort) and a search's first page of hits (typing a search, a filter changed
while searching), which are read off the GUI thread with their first rows on a reader of
its own (set_background_queries, ui/common/ops.LatestRead: the latest request wins).
Meanwhile `loading` is true and the list keeps what it showed (nothing, right after
unlock: the window shows a loading state, not "no entries"); `searching` and the columns
change with the rows, when the answer arrives. The later pages of a search (scrolling
past the first 200 hits, fetchMore) are read off the GUI thread too, on the same reader
(`fetching` while one is read; a new search or list drops it); blocks of 200 rows of the
whole list scrolled into view are read here.

A long list arrives in two steps: its first FIRST_IDS ids with their count (at 1M entries a
few ms; all of Drafts' 500k ids take 200-300 ms), shown at once, then the rest, added below
them when read (`complete` is false meanwhile; `total_rows` is the count all along).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal

from journal.records.entries import EntrySummary
from journal.records.search import EntryFilter, SearchHit

from ui.common.ops import LatestRead, user_message

BLOCK_SIZE = 200
SEARCH_PAGE = 200
FIRST_IDS = 1000  # ids of a long list shown before the rest is read

COL_TITLE, COL_OCCURRED, COL_PLACE, COL_CATEGORY, COL_STATUS, COL_ATTACHMENTS, COL_MATCH = range(7)
BROWSE_COLUMNS = 6
SEARCH_COLUMNS = 7
# Column -> the core's sort key; None = not sortable.
SORT_KEYS = {COL_TITLE: "title", COL_OCCURRED: "occurred", COL_PLACE: "place",
             COL_CATEGORY: "category", COL_STATUS: "status"}

ROWID_ROLE = Qt.ItemDataRole.UserRole + 1
UUID_ROLE = Qt.ItemDataRole.UserRole + 2
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 3


def display_occurred(value: str | None) -> str:
    """Wall-clock time as written at the place, in the locale's format: '05.03.2024 14:10' (or just the date)."""
    if not value:
        return ""
    from ui.common.i18n import format_date, format_datetime  # the interface language's date format

    try:
        if len(value) == 10:
            return format_date(dt.date.fromisoformat(value))
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    return format_datetime(moment)


class EntryListModel(QAbstractTableModel):
    # A search's later page could not be read (why, for people): the hits shown stay; the window
    # says so instead of the list silently ending.
    later_page_failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queries = None
        self._filter = EntryFilter()
        self._sort_column = COL_OCCURRED
        self._descending = True
        self._search_text = ""  # the search the rows shown answer ("" = browsing)
        self._asked_text = ""  # the search last asked for: the rows once `loading` is over
        self._ids: list[int] = []
        self._rows: dict[int, EntrySummary] = {}
        self._snippets: dict[int, str] = {}
        self._loaded_blocks: set[int] = set()
        self._search_exhausted = True
        self._category_labels: dict[str, str] = {}
        self.fetch_count = 0  # blocks/pages read from the database (tests and bench check this)
        self._background = None  # queries on a connection of their own, for reads off the GUI thread
        self._reads = LatestRead()  # the latest list load asked for; older answers are dropped
        self._pages = LatestRead()  # a search's next page of hits, read off the GUI thread (fetchMore)
        self._rest = LatestRead()  # the rest of a long list's ids, after its first FIRST_IDS
        self._total = 0  # the whole list's count while its rest is read
        self.load_failed: BaseException | None = None  # the last background load's error, if any

    # --- configuration ----------------------------------------------------------
    def set_queries(self, queries, category_labels: dict[str, str], background=None) -> None:
        """Read through `queries` (GUI thread); with `background` queries (a reader connection of
        their own) the first list loads off the GUI thread, and `loading` is true until it has."""
        self._queries = queries
        self._category_labels = dict(category_labels)
        self._background = background
        if background is None:
            self.reload()
        else:
            self._load_in_background()

    def set_category_labels(self, labels: dict[str, str]) -> None:
        self._category_labels = dict(labels)
        if self._ids:
            self.dataChanged.emit(self.index(0, COL_CATEGORY), self.index(len(self._ids) - 1, COL_CATEGORY))

    def set_background_queries(self, queries) -> None:
        """Queries on a reader connection of their own, used off the GUI thread (None: none)."""
        self._background = queries

    @property
    def loading(self) -> bool:
        """True while the list's ids are being read off the GUI thread."""
        return self._reads.pending

    def set_filter(self, flt: EntryFilter) -> None:
        """Show entries matching `flt`. Browsing reads the ids off the GUI thread when a
        background reader is set; the list keeps its rows until the answer arrives."""
        self._filter = flt
        self.reload_in_background()

    def reload_in_background(self) -> None:
        """reload(), read off the GUI thread when a background reader is set: the whole list's
        ids (browsing) or the search's first page of hits, with their first rows."""
        if self._background is None or self._queries is None:
            self.reload()
        else:
            self._load_in_background()

    def _load_in_background(self) -> None:
        """Browsing: the whole list's ids and the first block's rows; searching: the first page
        of hits and their rows; read on the background reader, shown in one model reset."""
        background, flt, text = self._background, self._filter, self._asked_text
        sort, descending = SORT_KEYS.get(self._sort_column, "occurred"), self._descending
        self.load_failed = None
        self._pages.forget()  # a page of the search being replaced is never added
        self._rest.forget()  # the rest of a list being replaced is never added

        def read() -> tuple[list[int], dict[int, EntrySummary], list[SearchHit] | None, int]:
            if text:
                hits = background.search(text, flt, order="newest", limit=SEARCH_PAGE, offset=0)
                return [], background.summaries(list(dict.fromkeys(h.id for h in hits))), hits, 0
            ids = background.ids(flt, sort, descending, limit=FIRST_IDS + 1)
            total = background.count(flt) if len(ids) > FIRST_IDS else len(ids)
            return ids[:FIRST_IDS], background.summaries(ids[:BLOCK_SIZE]), None, total

        def done(result: tuple[list[int], dict[int, EntrySummary], list[SearchHit] | None, int]) -> None:
            if self._queries is None:
                return
            ids, first, hits, total = result
            self.beginResetModel()
            self._reset_rows()
            self._search_text = text
            if hits is None:
                self._ids = ids
                self._total = total
                if first:
                    self._loaded_blocks.add(0)
            else:
                self._show_hits(hits, first)
            self._rows.update(first)
            self.fetch_count += 1 if first or hits is not None else 0
            if hits is None and total > len(ids):  # asked before the reset ends: `complete` is false by then
                self._rest.run(lambda: background.ids(flt, sort, descending), self._add_rest, failed)
            self.endResetModel()

        def failed(exc: BaseException) -> None:
            if self._queries is None:
                return
            self.load_failed = exc
            if not text:
                self.reload()  # read here instead; an error shows as usual
                return
            # A search the index rejects finds nothing; the window says why (load_failed).
            self.beginResetModel()
            self._reset_rows()
            self._search_text = text
            self.endResetModel()

        self._reads.run(read, done, failed)

    def _add_rest(self, ids: list[int]) -> None:
        """The whole list's ids, after its first FIRST_IDS were shown: added below them (the
        selection and scroll position stay); a list changed meanwhile is shown anew."""
        if self._queries is None:
            return
        known = len(self._ids)
        if ids[:known] == self._ids and len(ids) > known:
            self.beginInsertRows(QModelIndex(), known, len(ids) - 1)
            self._ids = ids
            self._total = 0
            self.endInsertRows()
        elif ids != self._ids:
            self.beginResetModel()
            self._reset_rows()
            self._ids = ids
            self.endResetModel()
        else:
            self._total = 0

    @property
    def complete(self) -> bool:
        """False while a long list's rest is read (its first FIRST_IDS rows are shown)."""
        return not self._rest.pending

    @property
    def total_rows(self) -> int:
        """How many rows the list has: its count while the rest of a long list is read."""
        return max(self._total, len(self._ids))

    def set_search_text(self, text: str) -> None:
        """Search for `text` ("" = browse again); off the GUI thread when a background reader is set."""
        self._asked_text = text.strip()
        self.reload_in_background()

    @property
    def searching(self) -> bool:
        """True while the rows shown are a search's hits (not the search asked for, while loading)."""
        return bool(self._search_text)

    @property
    def search_text(self) -> str:
        """The search the rows shown answer ("" when browsing)."""
        return self._search_text

    @property
    def entry_filter(self) -> EntryFilter:
        return self._filter

    def clear(self) -> None:
        """Forget everything read from the journal (lock)."""
        self._reads.forget()
        self._pages.forget()
        self._rest.forget()
        self._background = None
        self.beginResetModel()
        self._queries = None
        self._ids = []
        self._rows.clear()
        self._snippets.clear()
        self._loaded_blocks.clear()
        self._category_labels.clear()
        self._search_text = self._asked_text = ""
        self._filter = EntryFilter()
        self._search_exhausted = True
        self.fetch_count = 0
        self.endResetModel()

    def cached_row_count(self) -> int:
        return len(self._rows)

    # --- loading -------------------------------------------------------------------
    def _reset_rows(self) -> None:
        self._ids = []
        self._total = 0
        self._rows.clear()
        self._snippets.clear()
        self._loaded_blocks.clear()
        self._search_exhausted = True

    def reload(self) -> None:
        """Re-read the ids (browse) or the first page of hits (search), on the GUI thread."""
        self._reads.forget()  # a background load still running is forgotten
        self._pages.forget()
        self._rest.forget()
        self.beginResetModel()
        self._reset_rows()
        self._search_text = self._asked_text
        if self._queries is not None:
            if self._search_text:
                self._search_exhausted = False
                self._fetch_search_page()
            else:
                self._ids = self._queries.ids(self._filter, SORT_KEYS.get(self._sort_column, "occurred"),
                                              self._descending)
        self.endResetModel()

    def _fetch_search_page(self) -> None:
        hits: list[SearchHit] = self._queries.search(
            self._search_text, self._filter, order="newest", limit=SEARCH_PAGE, offset=len(self._ids))
        self.fetch_count += 1
        self._show_hits(hits, self._queries.summaries([h.id for h in hits if h.id not in self._snippets]))

    def _show_hits(self, hits: list[SearchHit], rows: dict[int, EntrySummary]) -> None:
        """The first page of a search's hits (in a model reset), in the index's order."""
        self._search_exhausted = len(hits) < SEARCH_PAGE
        new_ids = [h.id for h in hits if h.id not in self._snippets]
        for hit in hits:
            self._snippets[hit.id] = hit.snippet
        self._rows.update(rows)
        self._ids.extend(new_ids)

    def _ensure_row(self, row: int) -> EntrySummary | None:
        rowid = self._ids[row]
        summary = self._rows.get(rowid)
        if summary is None and not self.searching and self._queries is not None:
            block = row // BLOCK_SIZE
            if block not in self._loaded_blocks:
                self._loaded_blocks.add(block)
                self.fetch_count += 1
                chunk = self._ids[block * BLOCK_SIZE:(block + 1) * BLOCK_SIZE]
                self._rows.update(self._queries.summaries(chunk))
                summary = self._rows.get(rowid)
        return summary

    def refresh_row(self, rowid: int) -> None:
        """Re-read one row after a save, keeping scroll position and selection."""
        if self._queries is None or rowid not in self._rows:
            return
        self._rows.update(self._queries.summaries([rowid]))
        row = self.row_of(rowid)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def row_of(self, rowid: int) -> int:
        try:
            return self._ids.index(rowid)
        except ValueError:
            return -1

    def rowid_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    @property
    def fetching(self) -> bool:
        """True while a search's next page of hits is read off the GUI thread (fetchMore)."""
        return self._pages.pending

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:
        # Not while another list is read: the next page would be of the search being replaced;
        # nor while the next page is read already.
        return (not parent.isValid() and self.searching and not self._search_exhausted and not self.loading
                and not self._pages.pending)

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:
        """The search's next page of hits and their rows: read off the GUI thread when a background
        reader is set (the rows are added when they arrive; a new search or list drops them)."""
        if not self.canFetchMore(parent) or self._queries is None:
            return
        text, flt, offset = self._search_text, self._filter, len(self._ids)
        if self._background is None:
            self._add_page(self._read_page(self._queries, text, flt, offset))
            return
        background = self._background
        self._pages.run(lambda: self._read_page(background, text, flt, offset), self._add_page,
                        self._page_failed)

    @staticmethod
    def _read_page(queries, text: str, flt: EntryFilter, offset: int) -> tuple[list[SearchHit], dict]:
        hits = queries.search(text, flt, order="newest", limit=SEARCH_PAGE, offset=offset)
        return hits, queries.summaries(list(dict.fromkeys(h.id for h in hits)))

    def _add_page(self, page: tuple[list[SearchHit], dict]) -> None:
        if self._queries is None:
            return
        hits, rows = page
        self.fetch_count += 1
        if len(hits) < SEARCH_PAGE:
            self._search_exhausted = True
        new = list({h.id: h for h in hits if h.id not in self._snippets}.values())
        if not new:
            return
        before = len(self._ids)
        self.beginInsertRows(QModelIndex(), before, before + len(new) - 1)
        for hit in new:
            self._snippets[hit.id] = hit.snippet
            if hit.id in rows:
                self._rows[hit.id] = rows[hit.id]
        self._ids.extend(h.id for h in new)
        self.endInsertRows()

    def _page_failed(self, exc: BaseException) -> None:
        """A later page the index could not give: the hits shown so far stay, no more are asked for,
        and the window says why (later_page_failed)."""
        self._search_exhausted = True
        self.load_failed = exc
        self.later_page_failed.emit(user_message(exc))

    # --- Qt model API -----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        if parent.isValid():
            return 0
        return SEARCH_COLUMNS if self.searching else BROWSE_COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Title"), self.tr("Occurred"), self.tr("Place"), self.tr("Category"),
                    self.tr("Status"), self.tr("Files"), self.tr("Match")][section]
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == COL_ATTACHMENTS:
                return self.tr("Number of attachments")
            if section in SORT_KEYS and not self.searching:
                return self.tr("Click to sort by this column")
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        rowid = self._ids[index.row()]
        if role == ROWID_ROLE:
            return rowid
        if role == SNIPPET_ROLE:
            return self._snippets.get(rowid, "")
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, UUID_ROLE,
                        Qt.ItemDataRole.TextAlignmentRole):
            return None
        summary = self._ensure_row(index.row())
        if summary is None:
            return None
        if role == UUID_ROLE:
            return summary.uuid
        col = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col == COL_ATTACHMENTS:
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        if col == COL_TITLE:
            return summary.title or self.tr("(untitled)")
        if col == COL_OCCURRED:
            return summary.occurred_at if role == Qt.ItemDataRole.ToolTipRole else display_occurred(summary.occurred_at)
        if col == COL_PLACE:
            return summary.place
        if col == COL_CATEGORY:
            return self._category_labels.get(summary.category or "", summary.category or "")
        if col == COL_STATUS:
            return self.tr("Final") if summary.status == "final" else self.tr("Draft")
        if col == COL_ATTACHMENTS:
            return str(summary.attachment_count) if summary.attachment_count else ""
        if col == COL_MATCH:
            return self._snippets.get(rowid, "")
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in SORT_KEYS or self.searching:
            return  # search results stay newest first; the attachment count is not sortable
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        if self._background is not None and self._queries is not None:
            self._load_in_background()  # a sort reads every id: off the GUI thread
        else:
            self.reload()
