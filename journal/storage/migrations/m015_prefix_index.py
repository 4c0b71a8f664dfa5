"""Schema 15: the entries' search index gets FTS5 prefix indexes for 2 and 3 letters.

Why (issue 20): FTS5 answers `за*` by merging the full doclist of every term that starts
with "за" before it returns one row (at 100k entries 200+ ms, at 1M seconds); ORDER BY
rowid DESC LIMIT does not help. With `prefix = '2 3'` FTS5 also indexes each token's first
two and three letters, so a two- or three-letter prefix reads one doclist lazily, like a
plain word, and stops after the first page. Longer prefixes are still turned into the OR
of their completions (journal/records/search.py, expand_prefixes). The cost, measured on
10k generated entries: about 20 % more database and about 13 % more CPU per bulk insert.

An FTS5 table's options cannot change, so the index is built anew, beside the old one:

- a small journal (up to REBUILD_AT_ONCE entries) gets the new index at once, here;
- a larger one gets an empty `entries_fts_next` now, and `search_index_builds` notes
  that records with an id below `below` are not in it yet. The triggers keep both
  indexes current (the new one only for records at or above the mark). The records
  below the mark are added newest first, in small committed batches, with progress and
  cancel, by journal/records/search_index.py (the same background job as the word forms
  of schema 11: the app after unlocking, `journal reindex`); the last batch swaps the
  indexes in its transaction. Search uses the old, complete index until then.
  A crash loses at most the batch in flight; the next run resumes at the mark.
"""

from journal.storage.migrations._script import run_script

VERSION = 15

REBUILD_AT_ONCE = 2000

COLUMNS = ["title", "body", "place", "tags"]
_TOKENIZE = "tokenize = \"unicode61 remove_diacritics 2\""
PREFIX = "prefix = '2 3'"


def create_index_sql(name: str) -> str:
    cols = ", ".join(COLUMNS)
    return f"""CREATE VIRTUAL TABLE {name} USING fts5 (
    {cols}, forms,
    content = 'entries_search', content_rowid = 'id', {PREFIX},
    {_TOKENIZE}
);
"""


def triggers_sql(building: bool) -> str:
    return "".join(statement + "\n" for statement in trigger_statements(building))


def trigger_statements(building: bool) -> list[str]:
    """The triggers keeping entries_fts (and, while `building`, entries_fts_next for the
    records at or above the build mark) in step with the entries table."""
    cols = ", ".join(COLUMNS)
    new = ", ".join(f"new.{c}" for c in COLUMNS)
    old = ", ".join(f"old.{c}" for c in COLUMNS)
    stored_old = "coalesce((SELECT forms FROM entry_word_forms WHERE id = old.id), '')"
    stored_new = "(SELECT forms FROM entry_word_forms WHERE id = new.id)"
    mark = "(SELECT below FROM search_index_builds WHERE fts = 'entries_fts')"
    add_next = (f"INSERT INTO entries_fts_next (rowid, {cols}, forms) "
                f"SELECT new.id, {new}, {stored_new} WHERE new.id >= {mark};\n") if building else ""
    drop_next = (f"INSERT INTO entries_fts_next (entries_fts_next, rowid, {cols}, forms) "
                 f"SELECT 'delete', old.id, {old}, {stored_old} WHERE old.id >= {mark};\n") if building else ""
    return [f"""CREATE TRIGGER entries_fts_ai AFTER INSERT ON entries BEGIN
    INSERT OR REPLACE INTO entry_word_forms (id, forms) VALUES (new.id, journal_word_forms({new}));
    INSERT INTO entries_fts (rowid, {cols}, forms) VALUES (new.id, {new}, {stored_new});
    {add_next}END;""", f"""CREATE TRIGGER entries_fts_ad AFTER DELETE ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, {cols}, forms) VALUES ('delete', old.id, {old}, {stored_old});
    {drop_next}DELETE FROM entry_word_forms WHERE id = old.id;
END;""", f"""CREATE TRIGGER entries_fts_au AFTER UPDATE OF {cols} ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, {cols}, forms) VALUES ('delete', old.id, {old}, {stored_old});
    {drop_next}INSERT OR REPLACE INTO entry_word_forms (id, forms) VALUES (new.id, journal_word_forms({new}));
    INSERT INTO entries_fts (rowid, {cols}, forms) VALUES (new.id, {new}, {stored_new});
    {add_next}END;"""]


DROP_TRIGGERS = """
DROP TRIGGER entries_fts_ai;
DROP TRIGGER entries_fts_ad;
DROP TRIGGER entries_fts_au;
"""

# Which FTS index is being replaced, and the id below which records are not in the new one yet.
BUILDS_TABLE = """
CREATE TABLE search_index_builds (
    fts   TEXT PRIMARY KEY,
    below INTEGER NOT NULL
) WITHOUT ROWID;
"""


def apply(conn) -> None:
    run_script(conn, BUILDS_TABLE + DROP_TRIGGERS)
    small = conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM entries LIMIT {REBUILD_AT_ONCE + 1})").fetchone()[0]
    if small <= REBUILD_AT_ONCE:
        run_script(conn, "DROP TABLE entries_fts;\n" + create_index_sql("entries_fts") + triggers_sql(False)
                   + "INSERT INTO entries_fts (entries_fts) VALUES ('rebuild');\n")
        return
    run_script(conn, create_index_sql("entries_fts_next")
               + "INSERT INTO search_index_builds (fts, below) SELECT 'entries_fts', coalesce(max(id), 0) + 1 FROM entries;\n"
               + triggers_sql(True))
