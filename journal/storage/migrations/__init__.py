"""Numbered schema migrations, one version at a time (PRAGMA user_version).

Each module mNNN_*.py has `VERSION = N` and `apply(conn)`; it moves a database
from N-1 to N and is tested against a fixture database written at N-1
(tests/fixtures/schema_vN-1.db, made by tools/make_schema_fixture.py).
Every migration runs inside one transaction with the version bump, so a
crash mid-migration leaves the previous version intact.
"""

from __future__ import annotations

import inspect
from importlib import import_module

from journal.errors import SchemaTooNew
from journal.i18n import _

_MODULES = [
    "m001_entries",
    "m002_people",
    "m003_attachments",
    "m004_identity",
    "m005_received",
    "m006_forms",
    "m007_transport",
    "m008_list_indexes",
    "m009_compressed_revisions",
    "m010_attachment_files",
    "m011_word_forms",
    "m012_covering_list_indexes",
    "m013_stripped_size",
    "m014_evidence",
    "m015_prefix_index",
]


def migrations() -> list:
    mods = [import_module(f"{__name__}.{name}") for name in _MODULES]
    for expected, mod in enumerate(mods, start=1):
        assert mod.VERSION == expected, f"{mod.__name__} has VERSION {mod.VERSION}, expected {expected}"
    return mods


def latest_version() -> int:
    return len(_MODULES)


def schema_version(conn) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def check_supported(conn) -> int:
    version = schema_version(conn)
    if version > latest_version():
        raise SchemaTooNew(
            _("This journal was written by a newer version of Incident Journal "
              "(schema {version}; this app knows up to {latest}). "
              "Update the app to open it; nothing was changed.").format(version=version, latest=latest_version())
        )
    return version


# Progress of the pending migrations together, in thousandths per migration.
STEP = 1000


def pending(conn, target: int | None = None) -> list:
    """The migrations `migrate` would apply."""
    current = check_supported(conn)
    target = latest_version() if target is None else target
    return [mod for mod in migrations() if current < mod.VERSION <= target]


def migrate(conn, target: int | None = None, progress=None, cancel=None) -> int:
    """Apply pending migrations up to `target` (default: latest). Returns the new version.

    `progress(done, total)` and `cancel` follow journal/progress.py: `total` is STEP per
    pending migration; a long one (m011's index rebuild) reports within its step. A cancel
    stops before the next migration or inside a long one, whose transaction rolls back: the
    journal stays at the last version applied, as after a crash."""
    from journal.progress import check_cancel, is_cancelled

    current = check_supported(conn)
    todo = pending(conn, target)
    total = STEP * len(todo)
    for step, mod in enumerate(todo):
        check_cancel(cancel)
        base = step * STEP

        def within(done: int, of: int, base: int = base) -> None:
            if progress and of > 0:
                progress(base + min(STEP, done * STEP // of), total)

        conn.execute("BEGIN IMMEDIATE")
        try:
            if "progress" in inspect.signature(mod.apply).parameters:
                mod.apply(conn, progress=within, cancel=lambda: is_cancelled(cancel))
            else:
                mod.apply(conn)
            conn.execute(f"PRAGMA user_version = {int(mod.VERSION)}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                try:
                    conn.execute("ROLLBACK")
                except Exception:  # noqa: BLE001 - keep the migration's own error
                    pass
            raise
        current = mod.VERSION
        if progress:
            progress(base + STEP, total)
    return current
