"""Schema 12: narrow covering indexes for filtering, sorting and counting entries.

Every entries row holds its body, so a filter on category, status or dates that had to
look at the row read (and decrypted) the whole table: 1 s for the sidebar's Drafts at
100k entries, 0.9 s for a search within a month (issue 20). With these the list walks
an index that already holds what the filters test, and a search checks its matches'
filters in a narrow index keyed by id; rows are read only for the page shown
(journal/records/search.py, two phases). Figures: bench/bench_search.py.
"""

from journal.storage.migrations._script import run_script

VERSION = 12

SCHEMA = """
-- The list in date order, filtered by status, category or dates, and the counts by category.
CREATE INDEX entries_list ON entries (deleted_at, occurred_utc, id, status, category, occurred_at);
-- A search's matches (FTS rowids) filtered without reading their rows.
CREATE INDEX entries_by_id_listed ON entries (id, deleted_at, occurred_at, category, status);
"""


def apply(conn) -> None:
    run_script(conn, SCHEMA)
