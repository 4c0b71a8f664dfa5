"""The deferred part of a duress unlock's erase: overwriting files whose key is already gone.

A duress unlock (duress.py) must look like any unlock, also in how long it takes. Overwriting
the real database with random bytes takes time in proportion to its size (about 0.8 s for a
20,000-entry journal on a slow disk), so a duress unlock does only the instant part before the
decoy is shown:

1. journal.keys is replaced first (overwritten in place, keys_io.py): from that moment the real
   journal's key exists nowhere and every other file of it is ciphertext nobody can open.
2. The real journal's database (and WAL/SHM), its outbox and downloaded bundles, its attachment
   folder and crash leftovers are *renamed* into one folder ``.erasing-<random>`` in the data
   folder (``move_aside``): a handful of renames, milliseconds whatever the size.

Then, after the decoy is shown, ``finish_in_background`` overwrites those files with random
bytes and deletes them, as the emergency erase does (the database and bundles overwritten,
attachment files only unlinked: docs/security.md "Emergency erase").

Crash safety: the folder name says what it is, so whatever a kill leaves is finished by
``finish`` at the next unlock of the journal in that folder (vault.derive_data_key and
Journal.open_with_key call ``finish_in_background``) and by the GUI at start. Nothing in it is
readable in the meantime: the key went first. The decoy package is never inside it (duress.py
keeps the package in the attachment folder it builds for the decoy).
"""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

from journal.storage.atomic import fsync_dir, overwrite_and_unlink
from journal.storage.blobfiles import FOLDER as BLOB_FOLDER

#: Folders of files waiting to be overwritten (their key is already destroyed).
ERASING_PREFIX = ".erasing-"
#: Seconds between the decoy being shown and the overwrite starting: the first screen of the
#: decoy is not slowed by the disk being busy.
START_DELAY = 2.0

#: Tests set this to a callable receiving "overwriting" (before each file) to kill the process.
test_hook = None

_running: dict[str, threading.Thread] = {}
_guard = threading.Lock()


def new_folder(data_dir: Path) -> Path:
    folder = Path(data_dir) / f"{ERASING_PREFIX}{os.urandom(6).hex()}"
    folder.mkdir(mode=0o700)
    return folder


def move_aside(folder: Path, path: Path) -> bool:
    """Rename `path` (a file or folder in the data folder) into `folder`. True if it existed."""
    if not os.path.lexists(path):
        return False
    try:
        os.replace(path, folder / path.name)
    except FileNotFoundError:
        # A background ``finish`` of an earlier folder may have just removed this empty one.
        folder.mkdir(mode=0o700, exist_ok=True)
        os.replace(path, folder / path.name)
    return True


def pending(data_dir: Path) -> list[Path]:
    return sorted(p for p in Path(data_dir).glob(f"{ERASING_PREFIX}*") if p.is_dir() and not p.is_symlink())


def _shred(folder: Path) -> None:
    """Overwrite and delete every file in `folder`, attachment files only unlinked (their keys
    were in the database overwritten here), then remove the folder. Safe to repeat."""
    while True:
        files = [p for p in folder.rglob("*") if p.is_symlink() or not p.is_dir()]
        if not files:
            break
        # The database and bundles first (overwritten), attachment files last (only unlinked).
        for item in sorted(files, key=lambda p: (p.relative_to(folder).parts[0] == BLOB_FOLDER, str(p))):
            if test_hook is not None:
                test_hook("overwriting")
            if item.is_symlink() or item.relative_to(folder).parts[0] == BLOB_FOLDER or not item.is_file():
                item.unlink(missing_ok=True)
            else:
                overwrite_and_unlink(item)
    # Folders only once empty (rmdir, not rmtree): a file renamed in meanwhile is never
    # unlinked unseen; the folder then stays for the next ``finish``.
    for item in sorted((p for p in folder.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True):
        with contextlib.suppress(OSError):
            item.rmdir()
    with contextlib.suppress(OSError):
        folder.rmdir()


def finish(data_dir: Path) -> int:
    """Overwrite and remove every ``.erasing-*`` folder in `data_dir` now. Returns how many."""
    folders = pending(data_dir)
    for folder in folders:
        _shred(folder)
    if folders:
        with contextlib.suppress(OSError):
            fsync_dir(Path(data_dir))
    return len(folders)


def finish_in_background(data_dir: Path, delay: float | None = None) -> threading.Thread | None:
    """``finish`` on a thread, after `delay` seconds (default START_DELAY); None if there is nothing to do or a thread
    already does it. The thread is not a daemon: a command-line run or the app waits for it
    before exiting, so an unlock's erase is never cut short by a normal exit."""
    data_dir = Path(data_dir)
    delay = START_DELAY if delay is None else delay
    if not pending(data_dir):
        return None
    key = str(data_dir.resolve())
    with _guard:
        running = _running.get(key)
        if running is not None and running.is_alive():
            return None

        def work() -> None:
            try:
                if delay:
                    threading.Event().wait(delay)
                finish(data_dir)
            except Exception:  # noqa: BLE001 - retried at the next unlock or start
                pass
            finally:
                with _guard:
                    if _running.get(key) is threading.current_thread():
                        del _running[key]

        thread = threading.Thread(target=work, name="journal-erasing", daemon=False)
        _running[key] = thread
        thread.start()
        return thread


def wait(timeout: float | None = None) -> None:
    """Wait for every background overwrite of this process (tests, benchmarks, exit)."""
    with _guard:
        threads = list(_running.values())
    for thread in threads:
        thread.join(timeout)
