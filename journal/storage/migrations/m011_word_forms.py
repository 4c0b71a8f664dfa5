"""Schema 11: the search indexes get a `forms` column for the normal forms of words.

A search for "задержание" must find "Задержания", "detain" must find "detained"
(journal/wordforms.py says how forms are made). Each FTS5 index over entries,
people and contact-log records gains a fifth, sixth... column `forms`; its text
lives in a side table (entry_word_forms, person_word_forms, contact_log_word_forms:
id, forms) and the index reads its content through a view joining the record with
its forms, so FTS5's own rebuild and integrity-check keep working. Form values
(form_values_fts, a table with its own content) get the column directly.

The triggers call the SQL function journal_word_forms(text, ...), which every
connection registers (journal/storage/db.py); new and changed records are indexed
with their forms at once.

This migration only rebuilds the indexes from the text as written (search keeps
finding exact words at once); the forms of existing records are filled in
afterwards in small committed batches, newest first, with progress and cancel
(journal/records/search_index.py, started by the app and `journal reindex`):
`word_forms_backfill` remembers, per index, the id below which records still
need their forms, so a crash or a cancel resumes where it stopped.

The rebuild itself reads every record's text (minutes for 100k entries on a slow
laptop), so the indexes are filled in batches of ids with progress and cancel
(journal/progress.py): the same rows FTS5's 'rebuild' would insert, all inside the
migration's one transaction, so a cancel or a crash leaves schema 10 as it was.
"""

from journal.storage.migrations._script import run_script

VERSION = 11

_TOKENIZE = "tokenize = \"unicode61 remove_diacritics 2\""


def _indexed(table: str, fts: str, forms_table: str, view: str, columns: list[str], update_of: str) -> str:
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    stored_old = f"coalesce((SELECT forms FROM {forms_table} WHERE id = old.id), '')"
    return f"""
DROP TRIGGER {fts}_ai;
DROP TRIGGER {fts}_ad;
DROP TRIGGER {fts}_au;
DROP TABLE {fts};
CREATE TABLE {forms_table} (
    id    INTEGER PRIMARY KEY,
    forms TEXT NOT NULL
);
CREATE VIEW {view} AS
    SELECT r.id AS id, {", ".join("r." + c + " AS " + c for c in columns)}, coalesce(w.forms, '') AS forms
    FROM {table} r LEFT JOIN {forms_table} w ON w.id = r.id;
CREATE VIRTUAL TABLE {fts} USING fts5 (
    {cols}, forms,
    content = '{view}', content_rowid = 'id',
    {_TOKENIZE}
);
CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN
    INSERT OR REPLACE INTO {forms_table} (id, forms) VALUES (new.id, journal_word_forms({new}));
    INSERT INTO {fts} (rowid, {cols}, forms)
    VALUES (new.id, {new}, (SELECT forms FROM {forms_table} WHERE id = new.id));
END;
CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN
    INSERT INTO {fts} ({fts}, rowid, {cols}, forms) VALUES ('delete', old.id, {old}, {stored_old});
    DELETE FROM {forms_table} WHERE id = old.id;
END;
CREATE TRIGGER {fts}_au AFTER UPDATE OF {update_of} ON {table} BEGIN
    INSERT INTO {fts} ({fts}, rowid, {cols}, forms) VALUES ('delete', old.id, {old}, {stored_old});
    INSERT OR REPLACE INTO {forms_table} (id, forms) VALUES (new.id, journal_word_forms({new}));
    INSERT INTO {fts} (rowid, {cols}, forms)
    VALUES (new.id, {new}, (SELECT forms FROM {forms_table} WHERE id = new.id));
END;
INSERT INTO word_forms_backfill (fts, below) SELECT '{fts}', coalesce(max(id), 0) + 1 FROM {table};
"""


PEOPLE_COLUMNS = ["display_name", "aliases", "roles", "phones", "handles", "organisation", "notes"]

SCHEMA = (
    """
-- Per index: records with id < below still need their word forms (journal/records/search_index.py).
CREATE TABLE word_forms_backfill (
    fts   TEXT PRIMARY KEY,
    below INTEGER NOT NULL
) WITHOUT ROWID;
"""
    + _indexed("entries", "entries_fts", "entry_word_forms", "entries_search",
               ["title", "body", "place", "tags"], "title, body, place, tags")
    + _indexed("people", "people_fts", "person_word_forms", "people_search",
               PEOPLE_COLUMNS, ", ".join(PEOPLE_COLUMNS))
    + _indexed("contact_log", "contact_log_fts", "contact_log_word_forms", "contact_log_search",
               ["summary", "follow_up_note"], "summary, follow_up_note")
    + """
DROP TRIGGER form_values_fts_gone;
CREATE TEMP TABLE form_values_text_v11 AS SELECT rowid AS id, text FROM form_values_fts;
DROP TABLE form_values_fts;
CREATE VIRTUAL TABLE form_values_fts USING fts5 (text, forms, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO form_values_fts (rowid, text, forms) SELECT id, text, '' FROM temp.form_values_text_v11;
DROP TABLE temp.form_values_text_v11;
CREATE TRIGGER form_values_fts_gone AFTER DELETE ON entry_form_values BEGIN
    DELETE FROM form_values_fts WHERE rowid = old.id;
END;
INSERT INTO word_forms_backfill (fts, below) SELECT 'form_values_fts', coalesce(max(rowid), 0) + 1 FROM form_values_fts;
"""
)


# (index, the view it reads, its columns): filled after SCHEMA created them empty.
INDEXES = [
    ("entries_fts", "entries_search", "entries", ["title", "body", "place", "tags"]),
    ("people_fts", "people_search", "people", PEOPLE_COLUMNS),
    ("contact_log_fts", "contact_log_search", "contact_log", ["summary", "follow_up_note"]),
]
BATCH = 2000  # ids per INSERT: progress and a cancel check about every second on a slow laptop


def apply(conn, progress=None, cancel=None) -> None:
    """`progress(done, total)` counts ids; `cancel()` (a plain callable here) stops with Cancelled."""
    from journal.errors import Cancelled

    run_script(conn, SCHEMA)
    spans = [conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0] for _f, _v, table, _c in INDEXES]
    total, done = sum(spans), 0
    for (fts, view, _table, columns), span in zip(INDEXES, spans):
        cols = ", ".join([*columns, "forms"])
        for low in range(0, span, BATCH):
            if cancel is not None and cancel():
                raise Cancelled()
            conn.execute(f"INSERT INTO {fts} (rowid, {cols}) SELECT id, {cols} FROM {view} WHERE id > ? AND id <= ?",
                         (low, low + BATCH))
            done += min(BATCH, span - low)
            if progress:
                progress(done, total)
