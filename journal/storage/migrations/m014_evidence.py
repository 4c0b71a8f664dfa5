"""Schema 14: what evidence packages need: bundle signatures kept verbatim, every version of an
imported entry as received, and a log of evidence packages made (docs/evidence.md).

- ``received_signatures``: the Ed25519 signature of each imported bundle's manifest, exactly as
  received (``received_bundles.manifest`` already keeps the manifest bytes), so a package can hand
  both to a lawyer, who checks them with openssl. Bundles imported before this version have none.
- ``received_entry_versions``: one row per version of an imported entry that a bundle delivered
  (new or updated): the documenter's revision number, its hash and the previous revision's hash,
  the record as received, and the coordinator's local revision it became.
- ``evidence_exports`` / ``evidence_export_items``: each evidence package written (when, its
  package id, the SHA-256 of its signed manifest) and the entries in it: "every export since" in a
  later package's chain of custody. No path or file name is stored.
"""

from journal.storage.migrations._script import run_script

VERSION = 14

SCHEMA = """
CREATE TABLE received_signatures (
    bundle_id TEXT PRIMARY KEY REFERENCES received_bundles (bundle_id) ON DELETE CASCADE,
    signature BLOB NOT NULL
) WITHOUT ROWID;

CREATE TABLE received_entry_versions (
    entry_id       INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    bundle_id      TEXT NOT NULL,
    sender_id      INTEGER NOT NULL REFERENCES senders (id),
    revision       INTEGER NOT NULL,
    revision_hash  TEXT NOT NULL,
    prev_hash      TEXT NOT NULL,
    local_revision INTEGER NOT NULL,
    received_at    TEXT NOT NULL,
    record         TEXT NOT NULL,
    PRIMARY KEY (entry_id, bundle_id)
) WITHOUT ROWID;

CREATE TABLE evidence_exports (
    id              INTEGER PRIMARY KEY,
    package_id      TEXT NOT NULL UNIQUE,
    created_at      TEXT NOT NULL,
    manifest_sha256 TEXT NOT NULL,
    entry_count     INTEGER NOT NULL,
    file_count      INTEGER NOT NULL
);

CREATE TABLE evidence_export_items (
    export_id INTEGER NOT NULL REFERENCES evidence_exports (id) ON DELETE CASCADE,
    entry_id  INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    PRIMARY KEY (export_id, entry_id)
) WITHOUT ROWID;
CREATE INDEX evidence_export_items_by_entry ON evidence_export_items (entry_id);
"""


def apply(conn) -> None:
    run_script(conn, SCHEMA)
