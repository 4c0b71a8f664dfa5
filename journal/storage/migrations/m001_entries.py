"""Schema 1: journal metadata, categories, entries with tags, revisions, FTS5."""

from journal.storage.migrations._script import run_script

VERSION = 1

SEED_CATEGORIES = [
    ("detention", "Detention"),
    ("police_violence", "Police violence"),
    ("search", "Search"),
    ("court_hearing", "Court hearing"),
    ("mobilization", "Mobilization/draft"),
    ("border", "Border"),
    ("threat", "Threat or harassment"),
    ("conscientious_objection", "Conscientious objection"),
    ("other", "Other"),
]

SCHEMA = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE categories (
    key      TEXT PRIMARY KEY,
    label    TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    builtin  INTEGER NOT NULL DEFAULT 0,
    hidden   INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- id is the rowid shared with the FTS index; uuid is the stable identity
-- that travels in bundles.
CREATE TABLE entries (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL DEFAULT '',
    body          TEXT NOT NULL DEFAULT '',
    occurred_at   TEXT,            -- ISO 8601 with offset, or a date alone
    occurred_tz   TEXT,            -- IANA zone name the user chose
    occurred_end  TEXT,
    occurred_utc  INTEGER,         -- seconds since epoch, for sorting and filters
    recorded_at   TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    place         TEXT NOT NULL DEFAULT '',
    latitude      REAL,
    longitude     REAL,
    category      TEXT,
    status        TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
    source        TEXT,
    tags          TEXT NOT NULL DEFAULT '',   -- newline-joined copy for FTS; entry_tags is canonical
    deleted_at    TEXT,
    revision      INTEGER NOT NULL DEFAULT 0,
    revision_hash TEXT
);

CREATE INDEX entries_by_occurred ON entries (deleted_at, occurred_utc, id);
CREATE INDEX entries_by_category ON entries (category, deleted_at, id);
CREATE INDEX entries_by_status ON entries (status, deleted_at, id);

CREATE TABLE entry_tags (
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    PRIMARY KEY (entry_id, tag)
) WITHOUT ROWID;
CREATE INDEX entry_tags_by_tag ON entry_tags (tag, entry_id);

-- One row per save: the full content after that save, hash-chained.
CREATE TABLE revisions (
    id        INTEGER PRIMARY KEY,
    entry_id  INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    number    INTEGER NOT NULL,
    saved_at  TEXT NOT NULL,
    content   TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL,
    UNIQUE (entry_id, number)
);

CREATE VIRTUAL TABLE entries_fts USING fts5 (
    title, body, place, tags,
    content = 'entries', content_rowid = 'id',
    tokenize = "unicode61 remove_diacritics 2"
);

CREATE TRIGGER entries_fts_ai AFTER INSERT ON entries BEGIN
    INSERT INTO entries_fts (rowid, title, body, place, tags)
    VALUES (new.id, new.title, new.body, new.place, new.tags);
END;
CREATE TRIGGER entries_fts_ad AFTER DELETE ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, title, body, place, tags)
    VALUES ('delete', old.id, old.title, old.body, old.place, old.tags);
END;
CREATE TRIGGER entries_fts_au AFTER UPDATE OF title, body, place, tags ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, title, body, place, tags)
    VALUES ('delete', old.id, old.title, old.body, old.place, old.tags);
    INSERT INTO entries_fts (rowid, title, body, place, tags)
    VALUES (new.id, new.title, new.body, new.place, new.tags);
END;
"""


def apply(conn) -> None:
    run_script(conn, SCHEMA)
    conn.executemany(
        "INSERT INTO categories (key, label, position, builtin) VALUES (?, ?, ?, 1)",
        [(key, label, i) for i, (key, label) in enumerate(SEED_CATEGORIES)],
    )
