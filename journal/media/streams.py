"""Small helpers for streaming parsers: exact reads, hashing output, cancel."""

from __future__ import annotations

import hashlib
import io
import mmap
import os
from typing import BinaryIO, Protocol

from journal.errors import Cancelled
from journal.media import MediaError
from journal.i18n import _
from journal.progress import CancelToken, Progress, is_cancelled

#: Size of the pieces big data is copied in.
CHUNK_SIZE = 1024 * 1024
#: Pieces a written file is hashed in (between two polls of cancel; the memory map's window).
_DIGEST_PIECE = 8 * CHUNK_SIZE
#: A written file's pages are handed to the disk every this many bytes (start_writeback).
_WRITEBACK_EVERY = 32 * CHUNK_SIZE


def _load_sync_file_range():
    """Linux's sync_file_range(2) through the C library, or None elsewhere."""
    import ctypes
    import sys

    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        function = libc.sync_file_range
    except (OSError, AttributeError):
        return None
    function.argtypes = (ctypes.c_int, ctypes.c_int64, ctypes.c_int64, ctypes.c_uint)
    function.restype = ctypes.c_int
    return function


_SYNC_FILE_RANGE = _load_sync_file_range()
_SYNC_FILE_RANGE_WRITE = 2


def start_writeback(fd: int, offset: int, length: int) -> None:
    """Ask the kernel to start writing a range of a file to the disk now, without waiting
    (Linux; a no-op elsewhere or when it fails: the later fsync does the work then)."""
    if _SYNC_FILE_RANGE is not None:
        _SYNC_FILE_RANGE(fd, offset, length, _SYNC_FILE_RANGE_WRITE)

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


class ByteSink(Protocol):
    """Where cleaned bytes go: a binary file, or any object with ``write`` (a queue to the
    bundle writer, a hash, a null sink that only counts)."""

    def write(self, data: bytes, /) -> object: ...


class HashingWriter:
    """Writes to a destination stream while computing SHA-256 and length."""

    def __init__(self, dst: ByteSink) -> None:
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


class TrackedSource(io.RawIOBase):
    """A seekable source for libraries that read and seek themselves (FFmpeg, qpdf, zipfile).

    Each read polls cancel (raising Cancelled) and reports progress as the furthest
    position reached, never more than total. Seeking is passed through to the source.
    """

    def __init__(
        self,
        src: BinaryIO,
        *,
        total: int = 0,
        progress: ProgressCallback | None = None,
        cancel: CancelCheck | None = None,
    ) -> None:
        super().__init__()
        if not (hasattr(src, "seek") and getattr(src, "seekable", lambda: True)()):
            raise MediaError(_("This file can only be cleaned from a seekable source."))
        self._src = src
        self._total = total
        self._progress = progress
        self._cancel = cancel
        self.furthest = 0
        if not total:
            here = src.tell()
            self._total = src.seek(0, io.SEEK_END)
            src.seek(here)

    @property
    def total(self) -> int:
        return self._total

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._src.tell()

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self._src.seek(offset, whence)

    def check_cancel(self) -> None:
        if self._cancel is not None and self._cancel():
            raise Cancelled()

    def read(self, size: int | None = -1) -> bytes:
        """The source's own bytes, without a copy through a buffer (PyAV reads this way)."""
        self.check_cancel()
        data = self._src.read(-1 if size is None else size)
        self._advanced()
        return data

    def readinto(self, buffer) -> int:
        self.check_cancel()
        view = memoryview(buffer).cast("B")
        data = self._src.read(len(view))
        view[: len(data)] = data
        self._advanced()
        return len(data)

    def _advanced(self) -> None:
        position = self._src.tell()
        if position > self.furthest:
            self.furthest = position
            if self._progress is not None:
                self._progress(min(position, self._total) if self._total else position, self._total)


class FileOutput(io.RawIOBase):
    """A readable, writable, seekable view of an open file descriptor, by position (pread and
    pwrite), for cleaners writing straight into the destination file.

    The file object that owns the descriptor must have nothing buffered (it is flushed before);
    it is left at its position and closes the descriptor itself."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._fd = fd
        self._pos = 0
        self._size = os.fstat(fd).st_size
        self._flushed_to = 0

    @property
    def size(self) -> int:
        """Bytes in the file (as journal.media.spool.Spool.size)."""
        return self._size

    def readable(self) -> bool:
        return True

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}[whence]
        if base + offset < 0:
            raise OSError("negative seek position")
        self._pos = base + offset
        return self._pos

    def readinto(self, buffer) -> int:
        view = memoryview(buffer).cast("B")
        data = os.pread(self._fd, len(view), self._pos)
        view[: len(data)] = data
        self._pos += len(data)
        return len(data)

    def write(self, data) -> int:
        view = memoryview(data).cast("B")
        written = 0
        while written < len(view):
            written += os.pwrite(self._fd, view[written:], self._pos + written)
        self._pos += written
        self._size = max(self._size, self._pos)
        if self._pos - self._flushed_to >= _WRITEBACK_EVERY:
            # Have the disk write what was just written while the remux goes on, so the
            # copy's final fsync finds little left: cleaning and writing then overlap.
            start_writeback(self._fd, self._flushed_to, self._pos - self._flushed_to)
            self._flushed_to = self._pos
        return written

    def truncate(self, size: int | None = None) -> int:
        size = self._pos if size is None else size
        os.ftruncate(self._fd, size)
        self._size = size
        return size

    def close(self) -> None:  # the descriptor belongs to the destination's file object
        super().close()

    def digest(self, check_cancel=None) -> tuple[str, int]:
        """SHA-256 and size of the whole file as written (read back from the page cache).

        Hashed straight from the page cache through a moving memory map (no copy; hashlib
        releases the GIL), a window at a time so the process's resident memory stays flat."""
        digest = hashlib.sha256()
        size = os.fstat(self._fd).st_size
        offset = 0
        while offset < size:
            if check_cancel is not None:
                check_cancel()
            length = min(_DIGEST_PIECE, size - offset)
            try:
                window = mmap.mmap(self._fd, length, access=mmap.ACCESS_READ, offset=offset)
            except (OSError, ValueError):  # no mmap here (a file system without it): pread
                piece = os.pread(self._fd, min(CHUNK_SIZE, size - offset), offset)
                if not piece:
                    break
                digest.update(piece)
                offset += len(piece)
                continue
            with window, memoryview(window) as view:
                digest.update(view)
            offset += length
        return digest.hexdigest(), offset
