"""Small helpers for streaming parsers: exact reads, hashing output, cancel."""

from __future__ import annotations

import hashlib
from typing import BinaryIO

from journal.errors import Cancelled
from journal.media import MediaError
from journal.i18n import _
from journal.progress import CancelToken, Progress, is_cancelled

#: Size of the pieces big data is copied in.
CHUNK_SIZE = 1024 * 1024

# The core's one progress and cancel protocol (journal/progress.py), under this package's names.
ProgressCallback = Progress
CancelCheck = CancelToken


class CountingReader:
    """Reads a source stream, counts bytes and polls cancel/progress per chunk."""

    def __init__(
        self,
        src: BinaryIO,
        *,
        total: int = 0,
        progress: ProgressCallback | None = None,
        cancel: CancelCheck | None = None,
    ) -> None:
        self._src = src
        self.done = 0
        self._total = total
        self._progress = progress
        self._cancel = cancel

    def read(self, size: int) -> bytes:
        """Read up to size bytes (fewer only at end of stream)."""
        if is_cancelled(self._cancel):
            raise Cancelled()
        parts = []
        wanted = size
        while wanted > 0:
            part = self._src.read(wanted)
            if not part:
                break
            parts.append(part)
            wanted -= len(part)
        data = b"".join(parts)
        self.done += len(data)
        if self._progress is not None and data:
            self._progress(self.done, self._total)
        return data

    def read_exact(self, size: int, what: str) -> bytes:
        """Read exactly size bytes or raise MediaError naming what was cut off."""
        data = self.read(size)
        if len(data) != size:
            raise MediaError(_("The {what} is truncated.").format(what=what))
        return data


class HashingWriter:
    """Writes to a destination stream while computing SHA-256 and length."""

    def __init__(self, dst: BinaryIO) -> None:
        self._dst = dst
        self._hash = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> None:
        if not data:
            return
        self._dst.write(data)
        self._hash.update(data)
        self.size += len(data)

    def hexdigest(self) -> str:
        return self._hash.hexdigest()
