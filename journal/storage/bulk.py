"""Tools for writing many rows in one transaction fast (EntryStore.add_many).

Two things measured in bench/bench_vault.py make most of the difference at 100k entries:

- **Room in memory for the transaction.** A bulk insert dirties far more pages than the
  normal 64 MiB page cache holds; SQLite then spills pages to the WAL mid-transaction and
  reads (decrypts) them back when FTS5 merges its segments. FTS5 likewise flushes its
  pending-terms hash as a new index segment every 1 MiB of tokens by default, and every
  segment is merged again later. `roomy_page_cache` and `roomy_fts_hash` raise both for the
  duration of the transaction and put them back afterwards (the FTS5 setting is restored inside the
  same transaction, so nothing about it is ever committed).
- **Two cores.** Validating, hashing and JSON-encoding an entry costs about 50 µs of Python;
  SQLite's work (B-trees, FTS5, encryption) runs with the GIL released. `BatchPipeline`
  hands each prepared batch to one worker thread, so the next batch is prepared while the
  previous one is written. The worker runs on the same connection inside the caller's
  transaction, never two statements at once: the caller waits for batch k before handing
  over batch k+1, and before leaving the transaction (commit or rollback).
  An executemany takes the GIL back after every row; while the other thread runs Python,
  that wait lasts up to the interpreter's switch interval (5 ms), which serialised the two
  threads. `journal.gil.quick_gil_handoff` shortens it for the duration, and `insert_rows`
  binds many rows per statement (one multi-row VALUES), so the writer takes the GIL back once
  per 50 to 250 rows instead of once per row: at 100k entries the writer thread waited for the
  GIL 4.7 s of its 22.4 s (bench/README.md). (Feeding the rows as one JSON array per statement
  avoids the GIL too, but SQLite's JSON extraction cost three times an executemany's binding:
  measured, dropped.)
"""

from __future__ import annotations

import contextlib
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Callable, Generic, Literal, TypeVar

_Batch = TypeVar("_Batch")

# 256 MiB of page cache and a 64 MiB FTS5 pending-terms hash while a bulk insert runs:
# bench/bench_vault.py at 100k entries, 2 cores: 1.0k/s with (64 MiB, 1 MiB), 2.7k/s with these.
# SQLite allocates cache pages only as they are used, and both limits go back afterwards.
BULK_CACHE_KIB = 262144
BULK_FTS_HASH_BYTES = 64 * 1024 * 1024
FTS5_DEFAULT_HASH_BYTES = 1024 * 1024
# 0.1 ms instead of 5 ms (journal.gil): see the module docstring.
BULK_SWITCH_INTERVAL_S = 0.0001


# Bound parameters per multi-row INSERT: under SQLite's oldest default limit (999), so any
# build of SQLCipher takes it.
MAX_BOUND_PER_STATEMENT = 990


def insert_rows(conn, sql: str, rows: list[tuple]) -> None:
    """executemany(sql, rows) for an `INSERT ... VALUES (?, ...)` of one row, as few
    multi-row statements (VALUES (...), (...), ...): see the module docstring. Rows are
    inserted in order, exactly as executemany would."""
    if not rows:
        return
    head, _, group = sql.rpartition(" VALUES ")
    width = len(rows[0])
    per_statement = max(1, MAX_BOUND_PER_STATEMENT // width)
    full = f"{head} VALUES {', '.join([group.strip()] * per_statement)}"
    for start in range(0, len(rows), per_statement):
        chunk = rows[start:start + per_statement]
        statement = full if len(chunk) == per_statement else f"{head} VALUES {', '.join([group.strip()] * len(chunk))}"
        conn.execute(statement, [value for row in chunk for value in row])


@contextlib.contextmanager
def roomy_page_cache(conn):
    """Around the bulk transaction (enter before BEGIN, leave after COMMIT or ROLLBACK): a page
    cache of BULK_CACHE_KIB, then exactly the cache_size there was (SQLite reports it negative
    for KiB, positive for pages; written back as reported). Dirty pages cannot be released
    before the transaction ends, hence outside it."""
    normal = int(conn.execute("PRAGMA cache_size").fetchone()[0])
    if not (normal < 0 and -normal >= BULK_CACHE_KIB):  # never shrink a cache that is already larger
        conn.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {normal}")


@contextlib.contextmanager
def roomy_fts_hash(conn, fts_table: str):
    """Inside an open transaction: a larger FTS5 hash until the block ends. The 'hashsize' is
    written to the FTS table's config inside the transaction and written back before the
    block ends, so the committed config never changes."""
    previous = conn.execute(f"SELECT v FROM {fts_table}_config WHERE k = 'hashsize'").fetchone()
    conn.execute(f"INSERT INTO {fts_table} ({fts_table}, rank) VALUES ('hashsize', ?)", (BULK_FTS_HASH_BYTES,))
    yield  # on an error the caller's rollback undoes the config write as well
    if previous is not None:
        conn.execute(f"INSERT INTO {fts_table} ({fts_table}, rank) VALUES ('hashsize', ?)", (previous[0],))
        return
    # Setting the default value updates FTS5's in-memory config; deleting the row then
    # leaves the committed config exactly as it was (no 'hashsize' row).
    conn.execute(f"INSERT INTO {fts_table} ({fts_table}, rank) VALUES ('hashsize', ?)", (FTS5_DEFAULT_HASH_BYTES,))
    conn.execute(f"DELETE FROM {fts_table}_config WHERE k = 'hashsize'")

class BatchPipeline(Generic[_Batch]):
    """Run `write(batch)` on one worker thread while the caller prepares the next batch.

    At most one batch is being written at any time. `submit` waits for the previous write
    (re-raising its error in the caller's thread), `finish` waits for the last one. Use as
    a context manager: leaving it, by error or cancel too, waits for a write in progress so
    the caller's rollback never races a statement.
    """

    def __init__(self, write: Callable[[_Batch], None]) -> None:
        self._write = write
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="journal-bulk-write")
        self._pending: Future[None] | None = None

    def submit(self, batch: _Batch) -> None:
        self._wait()
        self._pending = self._executor.submit(self._write, batch)

    def finish(self) -> None:
        self._wait()

    def _wait(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()

    def __enter__(self) -> BatchPipeline[_Batch]:
        return self

    def __exit__(self, exc_type, exc, tb) -> Literal[False]:
        try:
            if exc_type is None:
                self._wait()
            elif self._pending is not None:
                # Already failing: wait for the write but keep the original error.
                with contextlib.suppress(Exception):
                    self._pending.result()
                self._pending = None
        finally:
            self._executor.shutdown(wait=True)
        return False
