"""App settings: declared once with types and defaults, saved as JSON atomically.

Settings hold preferences only, never user data (no journal names, folders,
entry ids or search text). QSettings is deliberately not used: it writes
wherever the platform likes (registry, plist) and is easy to fill with
recent-file lists.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from journal.storage.atomic import atomic_write_bytes
from journal.storage.paths import config_dir

SETTINGS_FILE = "settings.json"
SETTINGS_FORMAT = "incident-journal-settings"
SETTINGS_VERSION = 1

MIN_AUTO_LOCK_MINUTES = 1
MAX_AUTO_LOCK_MINUTES = 240
# Field safety (ui/safety_*.py): erase after N failed unlocks (0 = off), backup reminder.
MIN_ERASE_AFTER_FAILED, MAX_ERASE_AFTER_FAILED = 5, 50
MIN_BACKUP_REMINDER_DAYS, MAX_BACKUP_REMINDER_DAYS = 0, 365  # 0 = no reminder


@dataclass
class Settings:
    """Every preference the app has, with its default."""

    auto_lock_minutes: int = 5
    default_timezone: str = ""   # "" = the system's zone
    language: str = ""           # "" = the system's language (translations come later)
    auto_lock_enabled: bool = True      # False = "never" lock when idle (sleep/screen lock still lock)
    lock_on_minimize: bool = False
    lock_on_screen_lock: bool = True    # screen locked or system going to sleep (D-Bus, Linux)
    erase_after_failed: int = 0         # 0 = off; otherwise 5..50 wrong passphrases in a row
    backup_reminder_days: int = 14      # 0 = no reminder
    # Where the main window was (sizes and positions only: no content, no folder, no name).
    window_geometry: str = ""           # QWidget.saveGeometry(), base64; includes the maximized state
    splitter_sizes: str = ""            # "sidebar,pages,list,editor" in pixels

    def clamped(self) -> "Settings":
        minutes = max(MIN_AUTO_LOCK_MINUTES, min(MAX_AUTO_LOCK_MINUTES, int(self.auto_lock_minutes)))
        erase = int(self.erase_after_failed)
        erase = 0 if erase <= 0 else max(MIN_ERASE_AFTER_FAILED, min(MAX_ERASE_AFTER_FAILED, erase))
        days = max(MIN_BACKUP_REMINDER_DAYS, min(MAX_BACKUP_REMINDER_DAYS, int(self.backup_reminder_days)))
        return replace(self, auto_lock_minutes=minutes, default_timezone=str(self.default_timezone or ""),
                       language=str(self.language or ""), erase_after_failed=erase, backup_reminder_days=days)


def settings_path(folder: Path | None = None) -> Path:
    return Path(folder or config_dir()) / SETTINGS_FILE


def load_settings(folder: Path | None = None) -> Settings:
    """The saved settings, or defaults when the file is missing or unreadable.

    A damaged settings file must never stop someone from unlocking their
    journal, so every problem falls back to defaults field by field.
    """
    path = settings_path(folder)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(data, dict) or data.get("format") != SETTINGS_FORMAT:
        return Settings()
    values = {}
    defaults = Settings()
    for f in fields(Settings):
        value = data.get(f.name, getattr(defaults, f.name))
        expected = type(getattr(defaults, f.name))
        if isinstance(value, bool) != (expected is bool) or not isinstance(value, expected):
            value = getattr(defaults, f.name)
        values[f.name] = value
    try:
        return Settings(**values).clamped()
    except (TypeError, ValueError):
        return Settings()


def save_settings(settings: Settings, folder: Path | None = None) -> None:
    """Write settings atomically (temp file, 0600, fsync, rename)."""
    path = settings_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    data = {"format": SETTINGS_FORMAT, "version": SETTINGS_VERSION, **asdict(settings.clamped())}
    atomic_write_bytes(path, (json.dumps(data, indent=2, sort_keys=True) + "\n").encode("utf-8"))
