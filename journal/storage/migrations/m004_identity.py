"""Schema 4: the journal's identity (age X25519 + Ed25519), coordinators, sent bundles.

The migration itself generates the identity, so a journal created before this
version gets one on first unlock, exactly like a new journal does at creation
(creation runs every migration). The secrets are JSON in the format
``journal.exchange.bundle.identity.Identity.from_secrets`` reads (secrets version 1), written
by this module itself, and live only inside the encrypted database.
"""

import base64
import datetime as dt
import json

from journal.storage.migrations._script import run_script

VERSION = 4

SCHEMA = """
-- Exactly one row: this journal's key pair set. display_name is the name put on
-- contact cards and bundles ('' = use the journal's name).
CREATE TABLE identity (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    secrets      TEXT NOT NULL,
    display_name TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL
);

-- Coordinators this journal sends bundles to, from their contact cards.
-- A removed coordinator keeps its row (sent history refers to it).
CREATE TABLE coordinators (
    id                 INTEGER PRIMARY KEY,
    uuid               TEXT NOT NULL UNIQUE,
    display_name       TEXT NOT NULL,
    age_recipient      TEXT NOT NULL,
    ed25519_public_key BLOB NOT NULL,
    fingerprint        TEXT NOT NULL,
    verified           INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1)),
    added_at           TEXT NOT NULL,
    card               TEXT NOT NULL,
    removed_at         TEXT
);
CREATE UNIQUE INDEX coordinators_active_by_fingerprint ON coordinators (fingerprint)
    WHERE removed_at IS NULL;

-- One row per bundle written. recipients: JSON list of {"id", "name", "fingerprint"};
-- file_sha256/file_size are of the encrypted file as written.
CREATE TABLE sent_bundles (
    bundle_id        TEXT PRIMARY KEY,
    created_at       TEXT NOT NULL,
    sender_name      TEXT NOT NULL,
    recipients       TEXT NOT NULL,
    entry_count      INTEGER NOT NULL DEFAULT 0,
    person_count     INTEGER NOT NULL DEFAULT 0,
    log_count        INTEGER NOT NULL DEFAULT 0,
    attachment_count INTEGER NOT NULL DEFAULT 0,
    file_sha256      TEXT NOT NULL,
    file_size        INTEGER NOT NULL,
    file_name        TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE sent_bundle_recipients (
    bundle_id      TEXT NOT NULL REFERENCES sent_bundles (bundle_id) ON DELETE CASCADE,
    coordinator_id INTEGER NOT NULL REFERENCES coordinators (id),
    PRIMARY KEY (bundle_id, coordinator_id)
) WITHOUT ROWID;
CREATE INDEX sent_bundle_recipients_by_coordinator ON sent_bundle_recipients (coordinator_id, bundle_id);

-- What went in each bundle. kind: 'entry' (version = revision hash), 'attachment'
-- (record_uuid = attachment uuid, version = SHA-256 of the bytes sent),
-- 'person' (version = revision hash), 'contact_log' (version = updated_at).
CREATE TABLE sent_bundle_items (
    bundle_id   TEXT NOT NULL REFERENCES sent_bundles (bundle_id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    record_uuid TEXT NOT NULL,
    version     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (bundle_id, kind, record_uuid)
) WITHOUT ROWID;
CREATE INDEX sent_bundle_items_by_record ON sent_bundle_items (kind, record_uuid, version);
"""


def apply(conn) -> None:
    run_script(conn, SCHEMA)
    secrets = new_identity_secrets()
    conn.execute(
        "INSERT INTO identity (id, secrets, display_name, created_at) VALUES (1, ?, '', ?)",
        (json.dumps(secrets, sort_keys=True), secrets["created_at"]),
    )


def new_identity_secrets() -> dict:
    """A fresh identity in the stored format of schema 4 (secrets version 1), written here
    rather than by journal.exchange.bundle.identity so that later changes there cannot change
    what this migration stores; that module reads this format (Identity.from_secrets)."""
    import pyrage  # here: the migration list stays importable without the crypto libraries
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    signing_key = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    created_at = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return {
        "version": 1,
        "age_secret_key": str(pyrage.x25519.Identity.generate()),
        "ed25519_private_key": base64.b64encode(signing_key).decode("ascii"),
        "created_at": created_at,
    }
