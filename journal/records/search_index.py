"""Filling in the word forms of records indexed before schema 11 (resumable, cancellable).

Migration 11 rebuilt the search indexes from the text as written and left, per index,
a mark in ``word_forms_backfill``: records with an id below it still need their
word forms (journal/wordforms.py: the stems of English words; Russian and Ukrainian forms
are expanded in the query and need nothing here). ``fill_word_forms`` adds them newest first, in
batches of BATCH records, each batch in its own transaction together with the lowered
mark: a crash loses at most the batch in flight and the next run resumes there; a
cancel stops between batches; search works all the while (exact words and Russian and
Ukrainian forms at once, English forms as they are filled in). The app runs it in the background after unlocking,
the CLI with ``journal reindex``.

The same job then builds the entries' new search index of schema 15 (prefix indexes,
journal/storage/migrations/m015_prefix_index.py) when the migration left it to the
background: records below the mark in ``search_index_builds`` are added to
``entries_fts_next`` newest first, BUILD_BATCH per transaction, and the last batch swaps
the new index in. It starts only when the entries' word forms are all filled in (the
new index reads them once; filling them in later would leave it stale).
"""

from __future__ import annotations

from dataclasses import dataclass

from journal.errors import Cancelled
from journal.progress import CancelToken, Progress, is_cancelled
from journal.storage.db import Database
from journal.wordforms import text_forms

BATCH = 500
BUILD_BATCH = 500  # a batch is one write of the app (saves wait for it): about as long as a word-forms batch


@dataclass(frozen=True)
class _Index:
    fts: str
    source: str              # the table whose rows are indexed
    columns: tuple[str, ...]  # the indexed text columns, in the FTS table's order
    forms_table: str | None  # the side table holding `forms` (None: the FTS table holds it)


INDEXES = (
    _Index("entries_fts", "entries", ("title", "body", "place", "tags"), "entry_word_forms"),
    _Index("people_fts", "people",
           ("display_name", "aliases", "roles", "phones", "handles", "organisation", "notes"), "person_word_forms"),
    _Index("contact_log_fts", "contact_log", ("summary", "follow_up_note"), "contact_log_word_forms"),
    _Index("form_values_fts", "form_values_fts", ("text",), None),
)


def _marks(db: Database) -> dict[str, int]:
    tables = {r[0] for r in db.query("SELECT name FROM sqlite_master WHERE name = 'word_forms_backfill'")}
    if not tables:
        return {}
    return {fts: below for fts, below in db.query("SELECT fts, below FROM word_forms_backfill")}


def _id_column(index: _Index) -> str:
    return "rowid" if index.forms_table is None else "id"


def _build_mark(db: Database) -> int | None:
    """The id below which records are not yet in entries_fts_next (schema 15), or None."""
    if not db.query("SELECT name FROM sqlite_master WHERE name = 'search_index_builds'"):
        return None
    row = db.query_one("SELECT below FROM search_index_builds WHERE fts = 'entries_fts'")
    return row[0] if row else None


def index_build_pending(db: Database) -> bool:
    """Whether the entries' new search index (schema 15) is still being built beside the old one."""
    return _build_mark(db) is not None


def pending_word_forms(db: Database, include_build: bool = True) -> int:
    """About how many records still wait for their word forms or (`include_build`) for the new
    index of schema 15 (0 exactly when all is done). Ids below the marks, not a count of rows:
    counting would read every entry's pages. Search finds everything during the build (it
    reads the old index), so "nothing found" hints count the word forms only."""
    build = _build_mark(db) if include_build else None
    return sum(max(below - 1, 0) for below in _marks(db).values()) + (max(build - 1, 1) if build else 0)


def _fill_batch(db: Database, index: _Index, below: int) -> tuple[int, int]:
    """Forms for up to BATCH records just below `below`; (records done, new mark)."""
    id_col = _id_column(index)
    cols = ", ".join(index.columns)
    with db.transaction():
        rows = db.query(f"SELECT {id_col}, {cols} FROM {index.source} WHERE {id_col} < ? "
                        f"ORDER BY {id_col} DESC LIMIT ?", (below, BATCH))
        for row in rows:
            rowid, texts = row[0], row[1:]
            forms = text_forms(*texts)
            if index.forms_table is None:
                db.execute(f"UPDATE {index.fts} SET forms = ? WHERE rowid = ?", (forms, rowid))
                continue
            old = db.query_one(f"SELECT forms FROM {index.forms_table} WHERE id = ?", (rowid,))
            old_forms = old[0] if old else ""
            if old is not None and old_forms == forms:
                continue  # written by a save since schema 11
            marks = ", ".join("?" * len(index.columns))
            db.execute(f"INSERT INTO {index.fts} ({index.fts}, rowid, {cols}, forms) "
                       f"VALUES ('delete', ?, {marks}, ?)", (rowid, *texts, old_forms))
            db.execute(f"INSERT OR REPLACE INTO {index.forms_table} (id, forms) VALUES (?, ?)", (rowid, forms))
            db.execute(f"INSERT INTO {index.fts} (rowid, {cols}, forms) VALUES (?, {marks}, ?)",
                       (rowid, *texts, forms))
        new_below = rows[-1][0] if len(rows) == BATCH else 0
        if new_below:
            db.execute("UPDATE word_forms_backfill SET below = ? WHERE fts = ?", (new_below, index.fts))
        else:
            db.execute("DELETE FROM word_forms_backfill WHERE fts = ?", (index.fts,))
    return len(rows), new_below


def _finish_build(db: Database) -> None:
    """Inside the last batch's transaction: the new index replaces the old one."""
    from journal.storage.migrations import m015_prefix_index as m015

    for statement in ("DROP TRIGGER entries_fts_ai", "DROP TRIGGER entries_fts_ad", "DROP TRIGGER entries_fts_au",
                      "DROP TABLE entries_fts", "ALTER TABLE entries_fts_next RENAME TO entries_fts"):
        db.execute(statement)
    for statement in m015.trigger_statements(False):
        db.execute(statement)
    db.execute("DELETE FROM search_index_builds WHERE fts = 'entries_fts'")


def _build_batch(db: Database, below: int) -> int:
    """Up to BUILD_BATCH records just below `below` into entries_fts_next; the swap after the
    last. Returns how many records were added."""
    with db.transaction():
        ids = [r[0] for r in db.query("SELECT id FROM entries WHERE id < ? ORDER BY id DESC LIMIT ?",
                                      (below, BUILD_BATCH))]
        if ids:
            db.execute("INSERT INTO entries_fts_next (rowid, title, body, place, tags, forms) "
                       "SELECT id, title, body, place, tags, forms FROM entries_search WHERE id >= ? AND id < ?",
                       (ids[-1], below))
        if len(ids) == BUILD_BATCH:
            db.execute("UPDATE search_index_builds SET below = ? WHERE fts = 'entries_fts'", (ids[-1],))
        else:
            _finish_build(db)
    return len(ids)


def finish_index_build_now(db: Database) -> None:
    """Inside a transaction (`journal verify --repair`): the new index of schema 15 fully
    built from the entries at once and swapped in; nothing when no build is pending."""
    if _build_mark(db) is None:
        return
    db.execute("INSERT INTO entries_fts_next (entries_fts_next) VALUES ('rebuild')")
    _finish_build(db)


def fill_word_forms(db: Database, progress: Progress | None = None, cancel: CancelToken = None) -> int:
    """Add the word forms of every record that waits for them; returns how many were done.
    Raises Cancelled between batches when asked to (what was done stays done)."""
    total = pending_word_forms(db)
    done = 0
    if progress is not None:
        progress(0, total)
    for index in INDEXES:
        below = _marks(db).get(index.fts)
        while below:
            if is_cancelled(cancel):
                raise Cancelled()
            count, below = _fill_batch(db, index, below)
            done += count
            if progress is not None:
                progress(min(done, total), total)
    below = _build_mark(db)
    while below is not None:
        if is_cancelled(cancel):
            raise Cancelled()
        done += _build_batch(db, below)
        below = _build_mark(db)
        if progress is not None:
            progress(min(done, total), total)
    return done


def fill_word_forms_step(db: Database) -> tuple[int, int]:
    """One batch of fill_word_forms: (records done now, records still waiting). The app calls
    it as one short write at a time, so saves interleave with the backfill."""
    for index in INDEXES:
        below = _marks(db).get(index.fts)
        if below:
            count, _below = _fill_batch(db, index, below)
            return count, pending_word_forms(db)
    build = _build_mark(db)
    if build is not None:
        count = _build_batch(db, build)
        return count, pending_word_forms(db)
    return 0, 0
