"""Schema 2: people (revisioned), links between entries and people, the contact log.

List-valued person fields (aliases, roles, phones, handles, merged_from) are
newline-joined text in one column each (like entries.tags): they are always
read and written with the whole record, every value is a single line, and
the FTS index and its snippets can take them as they are.
"""

from journal.storage.migrations._script import run_script

VERSION = 2

SCHEMA = """
-- id is the rowid shared with people_fts; uuid is the identity that travels
-- in bundles; pseudonym replaces everything else when the person is sensitive.
-- Not about people, but the first migration after schema 1 shipped: the entry
-- list's default order (newest first, undated last: EntryQueries.page) matches
-- this index exactly, so a page is read from it instead of sorting every
-- entry (27 ms -> 0.7 ms at 10k entries; seconds at 100k, see bench_people.py).
CREATE INDEX entries_by_occurred_newest ON entries
    (deleted_at, (occurred_utc IS NULL), occurred_utc DESC, id DESC);

CREATE TABLE people (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    pseudonym     TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    aliases       TEXT NOT NULL DEFAULT '',
    roles         TEXT NOT NULL DEFAULT '',
    phones        TEXT NOT NULL DEFAULT '',
    handles       TEXT NOT NULL DEFAULT '',   -- "kind:value" lines
    organisation  TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    sensitive     INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1)),
    merged_from   TEXT NOT NULL DEFAULT '',   -- uuids absorbed into this person
    merged_into   TEXT,                         -- set on an absorbed person: the kept uuid
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    revision      INTEGER NOT NULL DEFAULT 0,
    revision_hash TEXT
);
CREATE INDEX people_by_name ON people (merged_into, display_name COLLATE NOCASE, id);

-- Same chain rule as entry revisions: hash_n = SHA-256(hash_{n-1} "\\n" canonical_json_n).
CREATE TABLE person_revisions (
    id        INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    number    INTEGER NOT NULL,
    saved_at  TEXT NOT NULL,
    content   TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL,
    note      TEXT NOT NULL DEFAULT '',          -- e.g. "merged <uuid>"; not hashed
    UNIQUE (person_id, number)
);

-- Which uuid a merged-away person now lives under (bundles and imports map through it).
CREATE TABLE person_merges (
    absorbed_uuid TEXT PRIMARY KEY,
    kept_uuid     TEXT NOT NULL,
    merged_at     TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX person_merges_by_kept ON person_merges (kept_uuid);

CREATE TABLE entry_people (
    entry_id  INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    role      TEXT NOT NULL CHECK (role IN ('detained', 'witness', 'lawyer', 'relative',
                                            'officer_involved', 'victim', 'other')),
    linked_at TEXT NOT NULL,
    PRIMARY KEY (entry_id, person_id, role)
) WITHOUT ROWID;
CREATE INDEX entry_people_by_person ON entry_people (person_id, entry_id);

CREATE TABLE contact_log (
    id                INTEGER PRIMARY KEY,
    uuid              TEXT NOT NULL UNIQUE,
    at                TEXT NOT NULL,      -- ISO 8601 with offset (or a date alone)
    at_tz             TEXT,               -- IANA zone name, when known
    at_utc            INTEGER NOT NULL,   -- seconds since epoch, for sorting
    channel           TEXT NOT NULL CHECK (channel IN ('call', 'sms', 'signal', 'telegram',
                                                       'whatsapp', 'email', 'in_person', 'other')),
    direction         TEXT NOT NULL CHECK (direction IN ('incoming', 'outgoing', 'meeting')),
    summary           TEXT NOT NULL DEFAULT '',
    follow_up_due     TEXT,               -- YYYY-MM-DD
    follow_up_note    TEXT NOT NULL DEFAULT '',
    follow_up_done_at TEXT,
    recorded_at       TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX contact_log_by_at ON contact_log (at_utc, id);
CREATE INDEX contact_log_open_follow_ups ON contact_log (follow_up_due, id)
    WHERE follow_up_due IS NOT NULL AND follow_up_done_at IS NULL;

-- person_id becomes NULL when the person is deleted: the record stays
-- ("deleted person"), their details go.
CREATE TABLE contact_log_people (
    log_id    INTEGER NOT NULL REFERENCES contact_log (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
    PRIMARY KEY (log_id, position)
) WITHOUT ROWID;
CREATE INDEX contact_log_people_by_person ON contact_log_people (person_id, log_id);

CREATE TABLE contact_log_entries (
    log_id   INTEGER NOT NULL REFERENCES contact_log (id) ON DELETE CASCADE,
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    PRIMARY KEY (log_id, entry_id)
) WITHOUT ROWID;
CREATE INDEX contact_log_entries_by_entry ON contact_log_entries (entry_id, log_id);

CREATE VIRTUAL TABLE people_fts USING fts5 (
    display_name, aliases, roles, phones, handles, organisation, notes,
    content = 'people', content_rowid = 'id',
    tokenize = "unicode61 remove_diacritics 2"
);

CREATE TRIGGER people_fts_ai AFTER INSERT ON people BEGIN
    INSERT INTO people_fts (rowid, display_name, aliases, roles, phones, handles, organisation, notes)
    VALUES (new.id, new.display_name, new.aliases, new.roles, new.phones, new.handles,
            new.organisation, new.notes);
END;
CREATE TRIGGER people_fts_ad AFTER DELETE ON people BEGIN
    INSERT INTO people_fts (people_fts, rowid, display_name, aliases, roles, phones, handles,
                            organisation, notes)
    VALUES ('delete', old.id, old.display_name, old.aliases, old.roles, old.phones, old.handles,
            old.organisation, old.notes);
END;
CREATE TRIGGER people_fts_au AFTER UPDATE OF display_name, aliases, roles, phones, handles,
                                             organisation, notes ON people BEGIN
    INSERT INTO people_fts (people_fts, rowid, display_name, aliases, roles, phones, handles,
                            organisation, notes)
    VALUES ('delete', old.id, old.display_name, old.aliases, old.roles, old.phones, old.handles,
            old.organisation, old.notes);
    INSERT INTO people_fts (rowid, display_name, aliases, roles, phones, handles, organisation, notes)
    VALUES (new.id, new.display_name, new.aliases, new.roles, new.phones, new.handles,
            new.organisation, new.notes);
END;

CREATE VIRTUAL TABLE contact_log_fts USING fts5 (
    summary, follow_up_note,
    content = 'contact_log', content_rowid = 'id',
    tokenize = "unicode61 remove_diacritics 2"
);

CREATE TRIGGER contact_log_fts_ai AFTER INSERT ON contact_log BEGIN
    INSERT INTO contact_log_fts (rowid, summary, follow_up_note)
    VALUES (new.id, new.summary, new.follow_up_note);
END;
CREATE TRIGGER contact_log_fts_ad AFTER DELETE ON contact_log BEGIN
    INSERT INTO contact_log_fts (contact_log_fts, rowid, summary, follow_up_note)
    VALUES ('delete', old.id, old.summary, old.follow_up_note);
END;
CREATE TRIGGER contact_log_fts_au AFTER UPDATE OF summary, follow_up_note ON contact_log BEGIN
    INSERT INTO contact_log_fts (contact_log_fts, rowid, summary, follow_up_note)
    VALUES ('delete', old.id, old.summary, old.follow_up_note);
    INSERT INTO contact_log_fts (rowid, summary, follow_up_note)
    VALUES (new.id, new.summary, new.follow_up_note);
END;
"""


def apply(conn) -> None:
    run_script(conn, SCHEMA)
