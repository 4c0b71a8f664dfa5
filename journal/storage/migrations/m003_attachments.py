"""Schema 3: attachments stored encrypted in the database as ordered chunks.

sqlcipher3 has no incremental blob API, so file content lives in
`blob_chunks` rows of CHUNK_SIZE bytes (the last one shorter), numbered from 0.
A blob is content, shared by every attachment with the same SHA-256 (an
identical file imported twice is stored once); an attachment is one file
attached to one entry, with its name and what was read from it.
docs/formats-attachments.md describes the tables for recovery without the app.
"""

from journal.storage.migrations._script import run_script

VERSION = 3

SCHEMA = """
-- sha256 is NULL only inside the import transaction that is writing the
-- chunks (the hash is known after the last byte); committed rows always have it.
CREATE TABLE blobs (
    id          INTEGER PRIMARY KEY,
    sha256      TEXT UNIQUE,
    size        INTEGER NOT NULL,
    chunk_size  INTEGER NOT NULL,
    chunk_count INTEGER NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE TABLE blob_chunks (
    blob_id INTEGER NOT NULL REFERENCES blobs (id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    data    BLOB NOT NULL,
    PRIMARY KEY (blob_id, seq)
);

CREATE TABLE attachments (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    entry_id        INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    blob_id         INTEGER NOT NULL REFERENCES blobs (id),
    file_name       TEXT NOT NULL,
    media_type      TEXT NOT NULL,           -- sniffed from the content, never the name
    size            INTEGER NOT NULL,
    sha256          TEXT NOT NULL,           -- of the original bytes, as imported
    stripped_sha256 TEXT,                    -- of the metadata-stripped copy, once made
    imported_at     TEXT NOT NULL,
    metadata        TEXT NOT NULL DEFAULT '{}',  -- JSON: what the image says about itself
    note            TEXT,                    -- e.g. why it could not be read as an image
    thumbnail       BLOB,                    -- small JPEG, no metadata
    deleted_at      TEXT,
    position        INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX attachments_by_entry ON attachments (entry_id, deleted_at, position);
CREATE INDEX attachments_by_blob ON attachments (blob_id);

-- Content no attachment refers to any more is deleted with the last one
-- (also when an entry's deletion cascades). Chunks are deleted explicitly so
-- this holds even on a connection without foreign_keys.
CREATE TRIGGER attachments_gc_blob AFTER DELETE ON attachments
WHEN NOT EXISTS (SELECT 1 FROM attachments WHERE blob_id = old.blob_id)
BEGIN
    DELETE FROM blob_chunks WHERE blob_id = old.blob_id;
    DELETE FROM blobs WHERE id = old.blob_id;
END;
"""


def apply(conn) -> None:
    run_script(conn, SCHEMA)
