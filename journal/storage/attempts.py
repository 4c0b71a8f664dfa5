"""Failed unlocks, counted against the journal itself, and the optional erase after N of them.

Every unlock of a journal (GUI, CLI, the recovery code) goes through ``counted_unlock`` (called
by ``vault.derive_data_key``). The count lives **inside the journal folder**, in
``journal.attempts``: one byte is appended *before* the key derivation starts, and the file is
emptied after a right passphrase. So the count follows the journal, not a path (a symlink, a
moved folder or another user's config folder starts no fresh count); killing the process while
the passphrase is checked does not escape it; and two processes trying at once (O_APPEND) never
lose one another's attempts. The file holds nothing but that many dots: no path, no name, no
content.

The limit (erase after N wrong attempts in a row, 0 = off) is the app-wide setting
``erase_after_failed`` in settings.json in the config folder, which the GUI's Safety settings
write; it names no journal, and it can be read before any unlock, so the CLI obeys the same
setting. When the count reaches the limit the journal is erased (``vault.erase_journal``) and
``JournalErased`` is raised.

What this cannot stop (docs/security.md): anyone with a copy of the folder (a disk image, a
backup) guesses offline, where no counter exists; Argon2id is what slows that down. A folder
that cannot be written (a write-protected USB stick) cannot count at all.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from journal.errors import JournalError, WrongPassphrase
from journal.i18n import _
from journal.storage.paths import config_dir

ATTEMPTS_FILE = "journal.attempts"
#: The app-wide settings file and key the GUI writes (ui/common/settings.py) and the core reads.
SETTINGS_FILE = "settings.json"
SETTINGS_FORMAT = "incident-journal-settings"
SETTINGS_KEY = "erase_after_failed"
MIN_ERASE_AFTER, MAX_ERASE_AFTER = 5, 50
#: The count kept by earlier versions in the config folder, keyed by a hash of the path.
LEGACY_FILE = "unlock-attempts.json"


class JournalErased(WrongPassphrase):
    """The wrong passphrase that reached the erase-after limit: the journal is gone."""


def configured_erase_after(folder: Path | None = None) -> int:
    """The erase-after-N setting (0 = off), clamped as the GUI clamps it; 0 if unreadable."""
    try:
        data = json.loads((Path(folder or config_dir()) / SETTINGS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0
    if not isinstance(data, dict) or data.get("format") != SETTINGS_FORMAT:
        return 0
    value = data.get(SETTINGS_KEY, 0)
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        return 0
    return max(MIN_ERASE_AFTER, min(MAX_ERASE_AFTER, value))


def should_erase(count: int, erase_after: int) -> bool:
    """True when the optional erase-after-N-failures threshold is reached (0 = off)."""
    return erase_after > 0 and count >= erase_after


class UnlockAttempts:
    """The failed-unlock count of the journal in ``data_dir``."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / ATTEMPTS_FILE

    @property
    def count(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0

    def begin(self) -> bool:
        """Count one attempt before the passphrase is checked. False if the folder refuses."""
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0), 0o600)
        except OSError:
            return False
        try:
            os.write(fd, b".")
            os.fsync(fd)
        except OSError:
            return False
        finally:
            os.close(fd)
        return True

    def withdraw(self) -> None:
        """Take back the attempt just begun (it never reached a key slot: a malformed code)."""
        try:
            size = self.path.stat().st_size
            if size:
                os.truncate(self.path, size - 1)
        except OSError:
            pass

    record_failure = begin  # for callers that count after the fact

    def reset(self) -> None:
        """A right passphrase (or an erase) forgets the count."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            try:
                os.truncate(self.path, 0)
            except OSError:
                pass

    def adopt_legacy(self, folder: Path | None = None) -> None:
        """Move the count an earlier version kept in the config folder (keyed by the path's
        hash) into the journal, and forget it there."""
        import hashlib

        from journal.storage.atomic import atomic_write_bytes

        path = Path(folder or config_dir()) / LEGACY_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            counts = data["folders"]
        except (OSError, ValueError, KeyError, TypeError):
            return
        if not isinstance(counts, dict):
            return
        key = hashlib.sha256(os.fsencode(os.path.abspath(self.data_dir))).hexdigest()
        legacy = counts.pop(key, None)
        if not isinstance(legacy, int) or legacy <= 0:
            return
        for _i in range(min(legacy, MAX_ERASE_AFTER)):
            self.begin()
        try:
            data["folders"] = counts
            atomic_write_bytes(path, (json.dumps(data, sort_keys=True) + "\n").encode("utf-8"))
        except OSError:
            pass


def counted_unlock(data_dir: Path, derive, *, erase, erase_after: int | None = None):
    """Run ``derive()`` (the key derivation) as one counted unlock attempt of ``data_dir``.

    The attempt is counted before ``derive`` runs; a right secret resets the count. A wrong one
    (WrongPassphrase) that brings the count to ``erase_after`` (default: the app-wide setting)
    erases the journal and raises JournalErased. Other errors (no journal, a malformed recovery
    code) do not count.
    """
    attempts = UnlockAttempts(data_dir)
    attempts.adopt_legacy()
    attempts.begin()
    try:
        key = derive()
    except WrongPassphrase as wrong:
        limit = configured_erase_after() if erase_after is None else erase_after
        if should_erase(attempts.count, limit):
            erase(Path(data_dir))  # vault.erase_journal, handed in (vault imports this module)
            attempts.reset()
            raise JournalErased(_(
                "Too many wrong passphrases in a row: the journal has been erased, as set in the "
                "safety settings.")) from wrong
        raise
    except JournalError:
        attempts.withdraw()
        raise
    attempts.reset()
    return key
