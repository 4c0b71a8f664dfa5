"""Streaming atomic writes (journal.atomic writes whole byte strings; bundles are streamed)."""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from journal.storage.atomic import fsync_dir

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; stale parts are left alone there
    fcntl = None  # type: ignore[assignment]

#: tempfile.mkstemp's random part: 8 characters of this alphabet.
_RANDOM = "[a-z0-9_]{8}"


def _lock(fd: int) -> bool:
    """Hold an exclusive advisory lock on a part file while it is written (so a concurrent run
    never mistakes it for a stale one). True if it was taken (always, where locks exist)."""
    if fcntl is None:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def remove_stale_parts(target: str | os.PathLike[str]) -> int:
    """Remove part files that a killed run left beside ``target``'s folder: only names of our
    own pattern (``.<name><same suffix>.XXXXXXXX.part``), only regular files of this user, and
    only those no running process holds locked (a run in progress keeps its part locked).
    Returns how many were removed; never raises (a leftover must not stop a new export)."""
    target = Path(target)
    if fcntl is None or not target.suffix:
        return 0
    pattern = re.compile(rf"\..+{re.escape(target.suffix)}\.{_RANDOM}\.part")
    removed = 0
    try:
        names = [n for n in os.listdir(target.parent) if pattern.fullmatch(n)]
    except OSError:
        return 0
    for name in names:
        path = target.parent / name
        try:
            fd = os.open(path, os.O_RDWR | os.O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            continue
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid() or not _lock(fd):
                continue  # not ours, or being written right now
            # Still the same file under that name (not replaced since it was opened)?
            if os.lstat(path).st_ino != info.st_ino:
                continue
            os.unlink(path)
            removed += 1
        except OSError:
            continue
        finally:
            os.close(fd)
    return removed


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces ``path`` only if the block completes.

    The temp file is created with mode 0600 before any byte is written and is
    removed if anything (including cancellation) raises inside the block. It is locked while
    written; parts of earlier runs killed before they could remove theirs are removed first.
    """
    target = Path(path)
    remove_stale_parts(target)
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".part", dir=target.parent
    )
    held = -1  # a second descriptor keeps the lock until the part has its final name
    try:
        os.fchmod(fd, 0o600)
        if _lock(fd):
            held = os.dup(fd)
        with os.fdopen(fd, "wb") as handle:
            fd = -1  # now owned by handle
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
        tmp_name = ""
        fsync_dir(target.parent)
    finally:
        if fd >= 0:
            os.close(fd)
        if held >= 0:
            os.close(held)
        if tmp_name:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp_name)
