"""Tag counts for the sidebar, computed cheaply enough for the unlock path.

journal.entries.EntryStore.tags() joins every tag row with its entry to leave out
the trash; with 100k entries that walks a whole index of `entries` (150 ms of the
0.5 s unlock budget on a loaded laptop, most of it decrypting pages). Counting
over the covering index of `entry_tags` and subtracting the (few) entries in the
trash gives the same answer reading a fraction of the pages.
"""

from __future__ import annotations

from typing import Any

TAG_COUNTS_SQL = (
    "SELECT tag, count(*) FROM entry_tags "
    "WHERE entry_id NOT IN (SELECT id FROM entries WHERE deleted_at IS NOT NULL) "
    "GROUP BY tag ORDER BY tag COLLATE NOCASE"
)


def tag_counts(db: Any) -> list[tuple[str, int]]:
    """(tag, number of entries not in the trash) for every tag in use, sorted case-insensitively.

    Same result as EntryStore.tags(), over the read connection `db`.
    """
    return [(tag, count) for tag, count in db.query(TAG_COUNTS_SQL)]
