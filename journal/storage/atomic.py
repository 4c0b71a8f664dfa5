"""Atomic, private file writes.

A write either fully happens or not at all: the data goes to a temporary file
in the same folder (same file system, so rename is atomic), created with mode
0600 before any byte is written, fsynced, then renamed over the target, and
the folder is fsynced so the rename itself survives a power cut.
"""

from __future__ import annotations

import contextlib
import os
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


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str], mode: int = 0o600, *, suffix: str = ".part") -> Iterator[BinaryIO]:
    """Yield a binary file that replaces `path` only if the block completes (streamed writes:
    bundles, cards, reports, saved attachments).

    The bytes go to ``.<name>.<8 random characters><suffix>`` beside the target, created with
    mode 0600 (then `mode`) before any byte is written, fsynced, renamed over the target, and
    the folder fsynced; the temp file is removed if anything (including cancellation) raises
    inside the block."""
    target = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with contextlib.suppress(AttributeError, OSError):
            os.fchmod(fd, mode)
        handle = os.fdopen(fd, "wb")
    except BaseException:
        os.close(fd)
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
