"""Schema 5: senders, received bundles, provenance of imported records, coordinator review.

Imported entries, people and contact-log records are ordinary rows of their
tables (so lists and search show them); `provenance` says where each came from.
Imported entries are read-only for the coordinator (a trigger refuses content
changes unless the importer holds `import_lock`); the coordinator's own notes,
tags and review status live apart in `entry_review`.
"""

from journal.storage.migrations._script import run_script

VERSION = 5

SCHEMA = """
CREATE TABLE senders (
    id                 INTEGER PRIMARY KEY,
    ed25519_public_key BLOB NOT NULL UNIQUE,
    age_recipient      TEXT NOT NULL,
    display_name       TEXT NOT NULL,     -- what the coordinator calls them (renameable)
    claimed_name       TEXT NOT NULL,     -- the name in their latest bundle
    fingerprint        TEXT NOT NULL,
    status             TEXT NOT NULL DEFAULT 'trusted' CHECK (status IN ('trusted', 'blocked')),
    verified           INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1)),
    added_at           TEXT NOT NULL,
    first_bundle_at    TEXT,
    last_bundle_at     TEXT,
    bundle_count       INTEGER NOT NULL DEFAULT 0,
    entry_count        INTEGER NOT NULL DEFAULT 0
);

-- One row per imported bundle: importing the same bundle id again changes nothing.
CREATE TABLE received_bundles (
    bundle_id        TEXT PRIMARY KEY,
    sender_id        INTEGER NOT NULL REFERENCES senders (id),
    created_at       TEXT NOT NULL,      -- as the manifest says
    received_at      TEXT NOT NULL,
    file_sha256      TEXT NOT NULL,
    file_size        INTEGER NOT NULL,
    entry_count      INTEGER NOT NULL DEFAULT 0,
    person_count     INTEGER NOT NULL DEFAULT 0,
    log_count        INTEGER NOT NULL DEFAULT 0,
    attachment_count INTEGER NOT NULL DEFAULT 0,
    manifest         TEXT NOT NULL
) WITHOUT ROWID;

-- Where each imported record came from. kind: 'entry', 'person', 'contact_log';
-- local_id: rowid in entries / people / contact_log; original_ref: the uuid (or, for a
-- sensitive person, the pseudonym) in the sender's journal; revision/revision_hash: the
-- sender's version last applied (contact log: revision 0, revision_hash = its updated_at).
CREATE TABLE provenance (
    kind            TEXT NOT NULL CHECK (kind IN ('entry', 'person', 'contact_log')),
    local_id        INTEGER NOT NULL,
    sender_id       INTEGER NOT NULL REFERENCES senders (id),
    original_ref    TEXT NOT NULL,
    first_bundle_id TEXT NOT NULL,
    last_bundle_id  TEXT NOT NULL,
    received_at     TEXT NOT NULL,
    revision        INTEGER NOT NULL DEFAULT 0,
    revision_hash   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (kind, local_id),
    UNIQUE (sender_id, kind, original_ref)
) WITHOUT ROWID;

CREATE TRIGGER provenance_entry_gone AFTER DELETE ON entries BEGIN
    DELETE FROM provenance WHERE kind = 'entry' AND local_id = old.id;
END;
CREATE TRIGGER provenance_person_gone AFTER DELETE ON people BEGIN
    DELETE FROM provenance WHERE kind = 'person' AND local_id = old.id;
END;
CREATE TRIGGER provenance_log_gone AFTER DELETE ON contact_log BEGIN
    DELETE FROM provenance WHERE kind = 'contact_log' AND local_id = old.id;
END;

-- The coordinator's own review of an imported entry: never part of its content.
CREATE TABLE entry_review (
    entry_id          INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    review_status     TEXT NOT NULL DEFAULT 'new'
        CHECK (review_status IN ('new', 'reviewed', 'needs_follow_up', 'verified', 'disputed')),
    coordinator_notes TEXT NOT NULL DEFAULT '',
    coordinator_tags  TEXT NOT NULL DEFAULT '',   -- newline-joined
    updated_at        TEXT NOT NULL
);

-- Records of a bundle being imported, staged inside the import transaction until the
-- bundle is verified. Always empty outside an import.
CREATE TABLE import_staging (
    id     INTEGER PRIMARY KEY,
    kind   TEXT NOT NULL,
    line   INTEGER NOT NULL,
    record TEXT NOT NULL
);

-- Holds a row only inside an import transaction: lets the importer update imported entries.
CREATE TABLE import_lock (
    id INTEGER PRIMARY KEY CHECK (id = 1)
);

CREATE TRIGGER imported_entries_read_only BEFORE UPDATE OF title, body, occurred_at, occurred_tz,
    occurred_end, place, latitude, longitude, category, status, source, tags ON entries
WHEN EXISTS (SELECT 1 FROM provenance WHERE kind = 'entry' AND local_id = old.id)
     AND NOT EXISTS (SELECT 1 FROM import_lock)
BEGIN
    SELECT RAISE(ABORT, 'imported entries are read-only');
END;
"""


def apply(conn) -> None:
    run_script(conn, SCHEMA)
