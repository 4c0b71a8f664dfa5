"""Failed unlock attempts, counted across restarts without naming the journal.

The count lives in `unlock-attempts.json` in the config folder, keyed by the
SHA-256 of the journal folder's absolute path: the file says "some folder has
had 3 wrong passphrases", never which journal or what is in it. (Someone who
already knows the path can recompute the hash; the count is all they learn.)
Qt-free so the core tests and the CLI could use it too.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from journal.storage.atomic import atomic_write_bytes
from journal.storage.paths import config_dir

ATTEMPTS_FILE = "unlock-attempts.json"
ATTEMPTS_FORMAT = "incident-journal-unlock-attempts"


def folder_key(data_dir: Path) -> str:
    """The hash that stands for a journal folder in the attempts file."""
    return hashlib.sha256(os.fsencode(os.path.abspath(Path(data_dir)))).hexdigest()


class FailedAttempts:
    """Counter of wrong passphrases in a row for one journal folder."""

    def __init__(self, data_dir: Path, folder: Path | None = None) -> None:
        self.key = folder_key(data_dir)
        self.path = Path(folder or config_dir()) / ATTEMPTS_FILE

    def _load(self) -> dict[str, int]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("format") != ATTEMPTS_FORMAT:
            return {}
        counts = data.get("folders", {})
        if not isinstance(counts, dict):
            return {}
        return {k: v for k, v in counts.items() if isinstance(k, str) and isinstance(v, int) and v > 0}

    def _save(self, counts: dict[str, int]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        data = {"format": ATTEMPTS_FORMAT, "version": 1, "folders": counts}
        atomic_write_bytes(self.path, (json.dumps(data, sort_keys=True) + "\n").encode("utf-8"))

    @property
    def count(self) -> int:
        return self._load().get(self.key, 0)

    def record_failure(self) -> int:
        """One more wrong passphrase; returns the new count (saved before returning)."""
        counts = self._load()
        counts[self.key] = counts.get(self.key, 0) + 1
        self._save(counts)
        return counts[self.key]

    def reset(self) -> None:
        """A successful unlock (or an erase) forgets the count for this folder."""
        counts = self._load()
        if counts.pop(self.key, None) is not None:
            self._save(counts)


def should_erase(count: int, erase_after: int) -> bool:
    """True when the optional erase-after-N-failures threshold is reached (0 = off)."""
    return erase_after > 0 and count >= erase_after
