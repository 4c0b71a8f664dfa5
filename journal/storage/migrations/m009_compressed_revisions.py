"""Schema 9: revisions.content may hold the canonical JSON zlib-compressed (a BLOB).

Nothing in the tables changes and no row is rewritten: rows saved before stay TEXT, and
readers accept both (journal.entries.unpack_revision_content). The version goes up so that
an older app, which would read a compressed revision as garbage, refuses the journal with
its "written by a newer version" message instead.

Why: every save keeps the entry's full content as a revision, so the revisions table was as
large as the entries themselves, one row per 4 KiB page. Compressed, three or four fit a
page; a 100k-entry bulk insert writes about a fifth fewer pages (bench/bench_vault.py).
"""

VERSION = 9


def apply(conn) -> None:
    """No schema change (see the module docstring)."""
