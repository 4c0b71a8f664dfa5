"""Failed unlock attempts, as the GUI shows them: the core counts them (issue 19, item 2).

The count used to live here, in the config folder keyed by a hash of the folder path: a
symlink started a fresh count and the CLI did not count at all. It now lives in the journal
folder and every unlock, GUI or CLI, is counted by the core (journal/storage/attempts.py),
which also erases at the limit. This module keeps the GUI's names for it.
"""

from __future__ import annotations

from pathlib import Path

from journal.storage.attempts import ATTEMPTS_FILE, UnlockAttempts, should_erase

__all__ = ["ATTEMPTS_FILE", "FailedAttempts", "should_erase"]


def FailedAttempts(data_dir: Path, folder: Path | None = None) -> UnlockAttempts:  # noqa: N802 - the old class name
    """The failed-unlock count of the journal in `data_dir` (`folder` is no longer used)."""
    return UnlockAttempts(Path(data_dir))
