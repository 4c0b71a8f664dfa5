"""Stored attachment content read ahead for a bundle, on background threads.

Reading stored content costs decryption: ChaCha20-Poly1305 for attachment files (schema 10
on), SQLCipher's page decryption (HMAC-SHA512 + AES per 4 KiB page, a few ms per MiB) for chunk
rows written before. Both release the GIL, so worker threads do it on the other core while the
bundle writer builds the tar and encrypts it on this one. Chunk rows are read through a
read-only connection per worker (WAL lets them read while the journal's own connection stays
usable).

Blobs are handed out in the order they were planned. With ``threads`` workers, worker ``w``
reads the blobs whose position ``i`` has ``i % threads == w``, each into its own small queue,
so at most ``threads * depth`` chunks (1 MiB each as stored) are held at any time and the
reader side still gets the blobs strictly in order.

Content stored as attachment files (schema 10 on, journal/storage/blobfiles.py) is decrypted by the
workers too: ChaCha20-Poly1305 runs outside the GIL, so it costs the writer's core nothing.
Content written by schemas 3 to 9 is read from the chunk tables directly (schema:
journal/migrations/m003_attachments.py), checking every chunk's length against the blob row,
so a missing or short chunk is an error, never silently wrong content.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from journal.errors import JournalError
from journal.i18n import _

DEFAULT_THREADS = 2
DEFAULT_DEPTH = 3  # chunks per worker queue: 2 workers x 3 x 1 MiB = 6 MiB read ahead
_POLL_SECONDS = 0.1
_END = object()


class StoredContentUnreadable(JournalError):
    """A blob's chunk rows are missing or do not match the blob's recorded size."""


@dataclass(frozen=True)
class StoredBlob:
    """One blob to read: its row id and what the blobs table says about it."""

    blob_id: int
    size: int
    chunk_size: int
    chunk_count: int
    file_id: str | None = None  # set: the content is an attachment file (journal/storage/blobfiles.py)
    file_key: bytes | None = None


#: The blobs columns StoredBlob is made of, in order.
STORED_BLOB_COLUMNS = "id, size, chunk_size, chunk_count, file_id, file_key"


def stored_blob(db: Any, blob_id: int) -> StoredBlob:
    """The blobs row for ``blob_id`` (``db`` is a journal.db.Database)."""
    row = db.query_one(f"SELECT {STORED_BLOB_COLUMNS} FROM blobs WHERE id = ?", (blob_id,))
    if row is None:
        raise _missing()
    return StoredBlob(*row)


class _Failure:
    def __init__(self, error: BaseException) -> None:
        self.error = error


class BlobPrefetcher:
    """Reads ``blobs`` ahead on worker threads; ``open(i)`` gives blob ``i``'s stream, in order.

    ``open_connection()`` returns a fresh read-only sqlcipher3 connection (one per worker that
    reads chunk rows; it is closed by the worker). ``blob_files`` (journal.blobfiles.BlobFiles)
    opens the blobs stored as files. ``close()`` stops the workers and waits for them; always call it
    (or use the object as a context manager), also when the export fails or is cancelled.
    """

    def __init__(self, open_connection: Callable[[], Any], blobs: Sequence[StoredBlob], *,
                 threads: int = DEFAULT_THREADS, depth: int = DEFAULT_DEPTH, blob_files: Any = None) -> None:
        self._blobs = list(blobs)
        self._blob_files = blob_files
        self._stop = threading.Event()
        self._next = 0
        self._broken = False
        count = max(1, min(threads, len(self._blobs)))
        self._queues: list[queue.Queue] = [queue.Queue(maxsize=max(1, depth)) for _ in range(count)]
        self._threads = [
            threading.Thread(target=self._run, args=(w, open_connection), name=f"bundle-read-{w}", daemon=True)
            for w in range(count)
        ] if self._blobs else []
        for thread in self._threads:
            thread.start()

    def __enter__(self) -> "BlobPrefetcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- worker side ----------------------------------------------------------------------
    def _put(self, q: queue.Queue, item: object) -> bool:
        """Hand ``item`` over; False once the reading side has gone away (close())."""
        while not self._stop.is_set():
            try:
                q.put(item, timeout=_POLL_SECONDS)
                return True
            except queue.Full:
                continue
        return False

    def _run(self, worker: int, open_connection: Callable[[], Any]) -> None:
        q = self._queues[worker]
        conn = None
        try:
            for index in range(worker, len(self._blobs), len(self._queues)):
                blob = self._blobs[index]
                if blob.file_id is not None:
                    if not self._read_file(blob, q):
                        return
                    continue
                if conn is None:
                    conn = open_connection()
                if not self._read_blob(conn, blob, q):
                    return
        except BaseException as exc:  # noqa: BLE001 - handed to the reading side, in order
            self._put(q, _Failure(exc))
        finally:
            if conn is not None:
                try:
                    conn.close()
                except Exception:  # noqa: BLE001 - nothing useful to do with a close error
                    pass

    def _read_file(self, blob: StoredBlob, q: queue.Queue) -> bool:
        if self._blob_files is None:
            raise RuntimeError("BlobPrefetcher needs blob_files to read attachment files")
        with self._blob_files.open(blob.file_id, blob.file_key, blob.size) as reader:
            for chunk in reader.chunks():
                if chunk and not self._put(q, chunk):
                    return False
        return self._put(q, _END)

    def _read_blob(self, conn: Any, blob: StoredBlob, q: queue.Queue) -> bool:
        seq = 0
        cursor = conn.execute("SELECT seq, data FROM blob_chunks WHERE blob_id = ? ORDER BY seq", (blob.blob_id,))
        try:
            for row_seq, data in cursor:
                expected = blob.chunk_size if seq < blob.chunk_count - 1 else blob.size - seq * blob.chunk_size
                if row_seq != seq or len(data) != expected:
                    raise _missing()
                if not self._put(q, data):
                    return False
                seq += 1
        finally:
            cursor.close()
        if seq != blob.chunk_count:
            raise _missing()
        return self._put(q, _END)

    # --- reading side ---------------------------------------------------------------------
    def open(self, index: int) -> "PrefetchedStream":
        """The stream of blob ``index``; blobs must be opened in order, each once."""
        if self._broken:
            raise RuntimeError("a stream was closed before its end; the prefetcher cannot go on")
        if index != self._next or index >= len(self._blobs):
            raise RuntimeError(f"blob {index} opened out of order (expected {self._next})")
        self._next += 1
        return PrefetchedStream(self, self._queues[index % len(self._queues)], self._blobs[index].size)

    def _get(self, q: queue.Queue) -> object:
        while True:
            try:
                item = q.get(timeout=_POLL_SECONDS)
            except queue.Empty:
                if self._stop.is_set():
                    raise RuntimeError("read from a closed prefetcher") from None
                continue
            if isinstance(item, _Failure):
                error = item.error
                if isinstance(error, JournalError):
                    raise error
                raise StoredContentUnreadable(
                    _("Could not read {path}: {value}.").format(path="journal.db", value=error)) from error
            return item

    def close(self) -> None:
        """Stop the workers (they close their connections) and wait for them."""
        self._stop.set()
        for q in self._queues:  # unblock workers waiting to put
            try:
                while True:
                    q.get_nowait()
            except queue.Empty:
                pass
        for thread in self._threads:
            thread.join()
        for q in self._queues:  # drop what a worker put after the drain above
            try:
                while True:
                    q.get_nowait()
            except queue.Empty:
                pass


class PrefetchedStream:
    """A read-only binary stream over one prefetched blob; whole chunks pass through uncopied."""

    def __init__(self, owner: BlobPrefetcher, q: queue.Queue, size: int) -> None:
        self._owner = owner
        self._queue = q
        self._remaining = size
        self._buffer = memoryview(b"")
        self._ended = False

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes (a whole stored chunk when ``size`` allows); b"" at the end."""
        if not self._buffer:
            if self._ended:
                return b""
            got = self._owner._get(self._queue)
            if got is _END:
                self._ended = True
                return b""
            item = cast(bytes, got)  # the queue holds the stored chunks' bytes, then _END
            if size is None or size < 0 or size >= len(item):
                return item  # the common case: no copy
            self._buffer = memoryview(item)
        if size is None or size < 0:
            size = len(self._buffer)
        piece = bytes(self._buffer[:size])
        self._buffer = self._buffer[size:]
        return piece

    def close(self) -> None:
        """Forget this stream. Closed before its end (the writer failed or was cancelled), it
        leaves its worker's queue mid-blob, so the prefetcher refuses to open anything more."""
        self._buffer = memoryview(b"")
        if not self._ended:
            self._ended = True
            self._owner._broken = True

    def __enter__(self) -> "PrefetchedStream":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _missing() -> StoredContentUnreadable:
    return StoredContentUnreadable(
        _("Part of this attachment's data is missing from the database. Run `journal verify` and restore the journal from a backup.")  # noqa: E501 - one literal for the catalogue
    )
