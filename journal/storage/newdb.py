"""A new, empty journal database (used by Journal.create and for a decoy journal, duress.py)."""

from __future__ import annotations

import contextlib
import os
import uuid
from pathlib import Path

from journal.storage import migrations
from journal.storage.db import apply_pragmas, connect
from journal.timeutil import utc_now_iso


def initialize_database(db_path: Path, data_key: bytes, name: str, card_name: str = "") -> None:
    """A new, empty journal database at `db_path` under `data_key` (no key file).

    `card_name`: the public name on the card and bundles (already checked), if chosen now."""
    old_umask = os.umask(0o077)  # the database and its WAL are private
    try:
        conn = connect(db_path, data_key, create=True)
    finally:
        os.umask(old_umask)
    try:
        apply_pragmas(conn)
        migrations.migrate(conn)
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?)",
            [("journal_id", str(uuid.uuid4())), ("name", name or ""), ("created_at", utc_now_iso())],
        )
        if card_name:
            conn.execute("UPDATE identity SET display_name = ? WHERE id = 1", (card_name,))
        conn.execute("COMMIT")
    finally:
        with contextlib.suppress(Exception):
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
