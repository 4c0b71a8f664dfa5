"""Schema 7: drop folders for coordinators, the outbox and sent log, inbox folders.

Passwords of drop and inbox folders are ordinary columns: the whole database is
SQLCipher, so they are encrypted at rest like everything else and never touch
the plaintext settings file. Network settings (proxy) live in `meta` under
`network_settings` for the same reason: a proxy choice reveals Tor use.
"""

from journal.storage.migrations._script import run_script

VERSION = 7

SCHEMA = """
-- Where bundles for a coordinator are uploaded (one drop folder per coordinator).
CREATE TABLE drop_folders (
    coordinator_id INTEGER PRIMARY KEY REFERENCES coordinators (id),
    url            TEXT NOT NULL,
    user_name      TEXT,
    password       TEXT,
    pinned_sha256  TEXT,
    updated_at     TEXT NOT NULL
);

-- Encrypted bundle files waiting in <data dir>/outbox/ (state queued) and the sent log (state sent).
-- One row per (file, coordinator): a bundle for two coordinators with drop folders is sent twice.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    file_name       TEXT NOT NULL,
    coordinator_id  INTEGER NOT NULL REFERENCES coordinators (id),
    bundle_id       TEXT,
    file_size       INTEGER NOT NULL,
    remote_name     TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_attempt_at TEXT,
    last_error      TEXT,
    state           TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent')),
    sent_at         TEXT,
    server_reply    TEXT,
    UNIQUE (file_name, coordinator_id)
);
CREATE INDEX outbox_state ON outbox (state, created_at);

-- Folders a coordinator fetches bundles from.
CREATE TABLE inbox_folders (
    id             INTEGER PRIMARY KEY,
    url            TEXT NOT NULL,
    user_name      TEXT,
    password       TEXT,
    pinned_sha256  TEXT,
    added_at       TEXT NOT NULL,
    last_fetch_at  TEXT
);

-- Remote files already fetched, so a bundle is never downloaded twice.
CREATE TABLE fetched_remote (
    folder_id   INTEGER NOT NULL REFERENCES inbox_folders (id) ON DELETE CASCADE,
    remote_name TEXT NOT NULL,
    etag        TEXT,
    size        INTEGER,
    fetched_at  TEXT NOT NULL,
    bundle_id   TEXT,
    status      TEXT NOT NULL,       -- accepted / duplicate / rejected (import result)
    reason      TEXT NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    PRIMARY KEY (folder_id, remote_name)
) WITHOUT ROWID;
"""


def apply(conn) -> None:
    run_script(conn, SCHEMA)
