"""Encrypted backup from the GUI, and the "last backup is old" reminder.

The backup runs on the session's writer thread (the one connection that
writes) from a run_op worker, so it gets a progress dialog and Cancel. The
time of the last backup is stored inside the encrypted journal (meta key
`last_backup_at`), never in the settings file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from journal.storage.backup import BackupReport, restore_backup, write_backup
from journal.timeutil import utc_now_iso

LAST_BACKUP_META = "last_backup_at"
BACKUP_SUFFIX = ".ijbackup"


def _parse(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def last_backup_at(db) -> dt.datetime | None:
    """When the last backup was made (from the journal's own meta table), or None."""
    row = db.query_one("SELECT value FROM meta WHERE key = ?", (LAST_BACKUP_META,))
    return _parse(row[0] if row else None)


def backup_overdue_days(db, reminder_days: int, now: dt.datetime | None = None) -> int | None:
    """Days since the last backup if a reminder is due, else None.

    A journal never backed up counts from its creation, so a new journal is not nagged at once.
    """
    if reminder_days <= 0:
        return None
    now = now or dt.datetime.now(dt.UTC)
    since = last_backup_at(db)
    if since is None:
        row = db.query_one("SELECT value FROM meta WHERE key = 'created_at'")
        since = _parse(row[0] if row else None)
    if since is None:
        return None
    days = (now - since).days
    return days if days >= reminder_days else None


def backup_and_record(journal, out_path: Path, progress=None, cancel=None) -> BackupReport:
    """Write the backup, then remember when (inside the journal). Runs on the writer thread."""
    report = write_backup(journal, Path(out_path), progress=progress, cancel=cancel)
    journal.set_meta(LAST_BACKUP_META, utc_now_iso())
    return report


def run_backup(parent, session, out_path: Path, on_done, on_error=None):
    """Back up on the session's writer thread, with progress and Cancel (run_write_op)."""
    from ui.common.ops import run_write_op

    return run_write_op(parent, session,
                        lambda journal, ctx, cancelled: backup_and_record(journal, out_path, ctx.progress, cancelled),
                        on_done, on_error,
                        label=QCoreApplication.translate("FieldSafety", "Writing the encrypted backup…"))


def run_restore(parent, backup_path: Path, target: Path, on_done, on_error=None):
    """Restore a backup into an empty folder through run_op."""
    from ui.common.ops import run_op

    return run_op(parent, lambda ctx: restore_backup(Path(backup_path), Path(target), cancel=ctx.cancelled),
                  on_done, on_error, label=QCoreApplication.translate("FieldSafety", "Restoring the backup…"), cancellable=True)
