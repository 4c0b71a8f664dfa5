"""Schema 8: indexes for the sortable list columns.

Sorting 100k entries by title scanned and sorted the whole table (1.5 s
with SQLCipher, bench/bench_vault.py); these let the list walk an index.
"""

from journal.storage.migrations._script import run_script

VERSION = 8

SCHEMA = """
CREATE INDEX entries_by_title ON entries (deleted_at, title COLLATE NOCASE, id);
CREATE INDEX entries_by_place ON entries (deleted_at, place COLLATE NOCASE, id);
CREATE INDEX entries_by_updated ON entries (deleted_at, updated_at, id);
"""


def apply(conn) -> None:
    run_script(conn, SCHEMA)
