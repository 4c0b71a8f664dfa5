"""One process per journal.

An OS advisory lock (flock / msvcrt) on journal.lock: the kernel releases it
when the holder dies, so a crashed app never leaves a stale lock behind.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

from journal.errors import JournalInUse, StorageError
from journal.i18n import _

if sys.platform == "win32":
    import msvcrt
else:
    import fcntl


class JournalLock:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                raise StorageError(
                    _("The journal folder {parent} is read-only or not yours, so the journal cannot be opened for writing. Nothing was changed.").format(parent=self.path.parent)
                ) from None
            if exc.errno == errno.ENOSPC:
                raise StorageError(_("The disk is full; free some space to open the journal.")) from None
            raise StorageError(_("The journal folder cannot be used: {strerror}.").format(strerror=exc.strerror)) from None
        try:
            if sys.platform == "win32":
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise JournalInUse(
                _("This journal is already open in another window or program. Close it there first.")
            ) from None
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            if sys.platform != "win32":  # on Windows closing the descriptor releases it
                fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None
