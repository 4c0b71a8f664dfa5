"""Filling in the word forms of records indexed before schema 11 (resumable, cancellable).

Migration 11 rebuilt the search indexes from the text as written and left, per index,
a mark in ``word_forms_backfill``: records with an id below it still need their
normal forms (journal/wordforms.py). ``fill_word_forms`` adds them newest first, in
batches of BATCH records, each batch in its own transaction together with the lowered
mark: a crash loses at most the batch in flight and the next run resumes there; a
cancel stops between batches; search works all the while (exact words at once, word
forms as they are filled in). The app runs it in the background after unlocking,
the CLI with ``journal reindex``.
"""

from __future__ import annotations

from dataclasses import dataclass

from journal.errors import Cancelled
from journal.progress import CancelToken, Progress, is_cancelled
from journal.storage.db import Database
from journal.wordforms import text_forms

BATCH = 500


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


def pending_word_forms(db: Database) -> int:
    """About how many records still wait for their word forms (0 exactly when all are done).
    Ids below the marks, not a count of rows: counting would read every entry's pages."""
    return sum(max(below - 1, 0) for below in _marks(db).values())


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
    return done


def fill_word_forms_step(db: Database) -> tuple[int, int]:
    """One batch of fill_word_forms: (records done now, records still waiting). The app calls
    it as one short write at a time, so saves interleave with the backfill."""
    for index in INDEXES:
        below = _marks(db).get(index.fts)
        if below:
            count, _below = _fill_batch(db, index, below)
            return count, pending_word_forms(db)
    return 0, 0
