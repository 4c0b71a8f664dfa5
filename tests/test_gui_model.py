"""The entry list model reads lazily: scrolling never loads every row."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTableView

from conftest import FAST_KDF, PASSPHRASE

from journal.storage.vault import Journal
from ui.entries.model import BLOCK_SIZE, SEARCH_PAGE, EntryListModel

pytestmark = pytest.mark.gui

ROWS = 2_000


@pytest.fixture(scope="module")
def big_journal(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("big") / "journal"
    created = Journal.create(data_dir, PASSPHRASE, "big", kdf=FAST_KDF)
    with created.journal.db.transaction():
        for i in range(ROWS):
            created.journal.entries.add(title=f"Entry {i:05d}", body=f"common word number {i}",
                                        occurred_at=f"2024-01-01T00:{i % 60:02d}", occurred_tz="UTC")
    created.journal.close()
    return data_dir


@pytest.fixture
def reader(big_journal):
    journal = Journal.open(big_journal, PASSPHRASE)
    yield journal.open_reader()
    journal.close()


def test_rows_load_in_blocks(qtbot, reader):
    model = EntryListModel()
    model.set_queries(reader.queries, {})
    assert model.rowCount() == ROWS
    assert model.fetch_count == 0 and model.cached_row_count() == 0  # ids only
    model.index(0, 0).data()
    model.index(ROWS - 1, 0).data()
    assert model.fetch_count == 2
    assert model.cached_row_count() == 2 * BLOCK_SIZE


def _visible_blocks_loaded(view, model) -> bool:
    """True once every block holding a row now visible in `view` has been read."""
    top = view.rowAt(0)
    bottom = view.rowAt(view.viewport().height() - 1)
    if top < 0:
        return False
    bottom = model.rowCount() - 1 if bottom < 0 else bottom
    return all(block in model._loaded_blocks for block in range(top // BLOCK_SIZE, bottom // BLOCK_SIZE + 1))


def test_scrolling_the_whole_list_never_loads_everything_at_once(qtbot, reader):
    model = EntryListModel()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(800, 400)
    view.show()
    model.set_queries(reader.queries, {})
    # Wait for the view to have painted (and so asked for) the rows it shows, then count.
    qtbot.waitUntil(lambda: _visible_blocks_loaded(view, model), timeout=20_000)
    first = model.fetch_count
    assert 1 <= first <= 2
    view.scrollToBottom()
    qtbot.waitUntil(lambda: (ROWS - 1) // BLOCK_SIZE in model._loaded_blocks and _visible_blocks_loaded(view, model),
                    timeout=20_000)
    # Jumping to the end loads the last block, not the ones in between.
    total_blocks = -(-ROWS // BLOCK_SIZE)
    assert model.fetch_count <= first + 2 < total_blocks
    assert model.cached_row_count() < ROWS
    # Walking page by page fetches each block once, as it comes into view.
    bar = view.verticalScrollBar()
    fetched = []
    for value in range(0, bar.maximum() + 1, max(1, bar.pageStep())):
        bar.setValue(value)
        qtbot.waitUntil(lambda: _visible_blocks_loaded(view, model), timeout=20_000)
        fetched.append(model.cached_row_count())
    assert fetched == sorted(fetched)
    assert model.fetch_count <= total_blocks


def test_search_pages_with_fetch_more(qtbot, reader):
    model = EntryListModel()
    model.set_queries(reader.queries, {})
    model.set_search_text("common")
    assert model.rowCount() == SEARCH_PAGE
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * SEARCH_PAGE
    assert "\x02common\x03" in model.index(0, 6).data()
    model.clear()
    assert model.rowCount() == 0 and model.cached_row_count() == 0 and not model.canFetchMore()


def test_none_refcount_is_stable(qtbot):
    """PySide6 6.12.0 decremented None on every data() -> None; enough scrolling aborted Python."""
    import sys

    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

    class Probe(QAbstractTableModel):
        def rowCount(self, parent=QModelIndex()):
            return 3

        def columnCount(self, parent=QModelIndex()):
            return 3

        def data(self, index, role=Qt.DisplayRole):
            return None

    model = Probe()
    index = model.index(1, 1)
    before = sys.getrefcount(None)
    for _ in range(2000):
        index.data(Qt.DecorationRole)
    assert sys.getrefcount(None) >= before - 10
