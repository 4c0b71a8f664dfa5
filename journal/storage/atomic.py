"""Atomic, private file writes.

A write either fully happens or not at all: the data goes to a temporary file
in the same folder (same file system, so rename is atomic), created with mode
0600 before any byte is written, fsynced, then renamed over the target, and
the folder is fsynced so the rename itself survives a power cut.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


def fsync_dir(folder: Path) -> None:
    """Make a rename or unlink in `folder` durable (no-op where unsupported)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


try:
    import fcntl
except ImportError:  # Windows: no advisory locks; stale parts are left alone there
    fcntl = None  # type: ignore[assignment]

#: tempfile.mkstemp's random part: 8 characters of this alphabet.
_RANDOM = "[a-z0-9_]{8}"


def _lock(fd: int) -> bool:
    """Hold an exclusive advisory lock on a part file while it is written (so a concurrent run
    never mistakes it for a stale one). True if it was taken."""
    if fcntl is None:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def remove_stale_parts(target: str | os.PathLike[str], suffix: str = ".part") -> int:
    """Remove temp files a killed run left beside ``target`` (issue 19 item 8): only names of
    our own pattern (``.<name><same extension>.XXXXXXXX<suffix>``), only regular files of this
    user, and only those no running process holds locked (a run in progress keeps its part
    locked). Returns how many were removed; never raises (a leftover must not stop a new write)."""
    target = Path(target)
    if fcntl is None or not target.suffix:
        return 0
    pattern = re.compile(rf"\..+{re.escape(target.suffix)}\.{_RANDOM}{re.escape(suffix)}")
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
            if os.lstat(path).st_ino != info.st_ino:
                continue  # replaced since it was opened
            os.unlink(path)
            removed += 1
        except OSError:
            continue
        finally:
            os.close(fd)
    return removed


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str], mode: int = 0o600, *, suffix: str = ".part") -> Iterator[BinaryIO]:
    """Yield a binary file that replaces `path` only if the block completes (streamed writes:
    bundles, cards, reports, saved attachments).

    The bytes go to ``.<name>.<8 random characters><suffix>`` beside the target, created with
    mode 0600 (then `mode`) before any byte is written, fsynced, renamed over the target, and
    the folder fsynced; the temp file is removed if anything (including cancellation) raises
    inside the block. The temp file is locked while written; ``.part`` files of earlier runs
    killed before they could remove theirs are removed first (remove_stale_parts)."""
    target = Path(path)
    if suffix == ".part":
        remove_stale_parts(target, suffix)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    tmp = Path(tmp_name)
    held = -1  # a second descriptor keeps the lock until the part has its final name
    try:
        with contextlib.suppress(AttributeError, OSError):
            os.fchmod(fd, mode)
        if _lock(fd):
            held = os.dup(fd)
        handle = os.fdopen(fd, "wb")
    except BaseException:
        os.close(fd)
        if held >= 0:
            os.close(held)
        tmp.unlink(missing_ok=True)
        raise
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        if held >= 0:
            os.close(held)
    fsync_dir(target.parent)


def atomic_write_bytes(target: Path, data: bytes, mode: int = 0o600) -> None:
    """Replace `target` with `data` atomically; the file never exists half-written. The temp
    name ends in .tmp (an emergency erase looks for `.journal.keys.*.tmp`)."""
    with atomic_output(target, mode, suffix=".tmp") as handle:
        handle.write(data)


def overwrite_and_unlink(path: Path, passes: int = 1) -> bool:
    """Overwrite a file's bytes in place with random data, fsync, then delete it.

    Returns True if the file existed. On SSDs and flash the old blocks may
    survive in spare areas; docs/security.md says so.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return False
    try:
        with open(path, "r+b", buffering=0) as handle:
            for _ in range(passes):
                handle.seek(0)
                remaining = size
                block = 1 << 20
                while remaining > 0:
                    n = min(block, remaining)
                    handle.write(os.urandom(n))
                    remaining -= n
                os.fsync(handle.fileno())
    except OSError:
        pass  # still delete below: unreadable-by-deletion is better than nothing
    path.unlink(missing_ok=True)
    return True
