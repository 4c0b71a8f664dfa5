"""Schema 13: ``attachments.stripped_size``, the size of the metadata-stripped copy.

``stripped_sha256`` already names the cleaned copy a bundle sends. A bundle's signed manifest
comes first (format 2) and must list each member's size and SHA-256 before its bytes, so
without the size the exporter cleaned every photo once just to learn it, then again to send it.
Recorded beside the hash (at attach time for photos, at the first export or saved copy for
everything else), an export cleans each file once, streaming.

Rows written before stay NULL: the exporter fills them the first time it cleans the file
(journal/exchange/exporter.py), so nothing has to be decrypted here.
"""

from journal.storage.migrations._script import run_script

VERSION = 13

SCHEMA = """
ALTER TABLE attachments ADD COLUMN stripped_size INTEGER;
"""


def apply(conn) -> None:
    run_script(conn, SCHEMA)
