"""Where a journal lives on disk.

Precedence: an explicit --data-dir, then $JOURNAL_HOME, then the platform's
user data folder. A journal on an encrypted USB stick is just a --data-dir.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "incident-journal"
ENV_DATA_DIR = "JOURNAL_HOME"

DB_FILE = "journal.db"
KEYS_FILE = "journal.keys"
LOCK_FILE = "journal.lock"
OUTBOX_DIR = "outbox"
#: Private staging folders (a journal being created, a decoy being filled): removed at open.
STAGING_PREFIX = ".creating-"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data folder to use, following --data-dir > $JOURNAL_HOME > default."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    return default_data_dir()


def config_dir() -> Path:
    """Settings (never user data) live here; overridable for tests and portable use."""
    env = os.environ.get("JOURNAL_CONFIG_HOME")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def journal_files(data_dir: Path) -> dict[str, Path]:
    data_dir = Path(data_dir)
    db = data_dir / DB_FILE
    return {
        "keys": data_dir / KEYS_FILE,
        "db": db,
        "wal": db.with_name(DB_FILE + "-wal"),
        "shm": db.with_name(DB_FILE + "-shm"),
        "journal": db.with_name(DB_FILE + "-journal"),
        "lock": data_dir / LOCK_FILE,
    }
