"""Schema 10: new attachment content is stored as files encrypted with per-file keys.

``blobs.file_id`` names the file (``attachments/<2 hex>/<32 hex>`` in the journal folder) and
``blobs.file_key`` holds its 32-byte ChaCha20-Poly1305 key (format: journal/storage/blobfiles.py,
docs/formats.md). A blob with ``file_id`` NULL keeps its content as ``blob_chunks`` rows, as
schemas 3 to 9 wrote it: nothing is rewritten, readers accept both.

A deleted blob row queues its file in ``blob_files_released``; the app unlinks the file after
the deleting transaction commits (journal/blobfiles.BlobFiles.release_files), so a rollback
never loses a file a committed row still names.
"""

from journal.storage.migrations._script import run_script

VERSION = 10

SCHEMA = """
ALTER TABLE blobs ADD COLUMN file_id TEXT;
ALTER TABLE blobs ADD COLUMN file_key BLOB;
CREATE UNIQUE INDEX blobs_by_file ON blobs (file_id) WHERE file_id IS NOT NULL;

CREATE TABLE blob_files_released (
    file_id TEXT PRIMARY KEY
) WITHOUT ROWID;

CREATE TRIGGER blobs_release_file AFTER DELETE ON blobs
WHEN old.file_id IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO blob_files_released (file_id) VALUES (old.file_id);
END;
"""


def apply(conn) -> None:
    run_script(conn, SCHEMA)
