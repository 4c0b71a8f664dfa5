"""Attachment content as files, each encrypted with its own key kept in the database (schema 10).

Why files: stored as SQLCipher pages, every attachment byte cost HMAC-SHA512 + AES per 4 KiB
page and was written twice with fsync (WAL, then checkpoint). A file is written once, and
ChaCha20-Poly1305 from ``cryptography`` runs outside the GIL at about 0.3 ms per MiB, so
attaching, importing and exporting big files are no longer bound by the database
(docs/formats.md, bench/README.md).

Layout: ``<journal>/attachments/<first 2 hex>/<32 hex>``. Names are random (never a content
hash: a hash would tell whoever holds the laptop that a known photo is in the journal). The
name and the 32-byte key live in the encrypted database (``blobs.file_id``, ``blobs.file_key``);
without the database a file is noise of a known size.

File format (docs/formats.md "Attachment files"), readable with a few lines of Python:

    header   16 bytes: b"IJATTACH", version 0x01, 3 zero bytes, chunk size (uint32 big-endian)
    chunks   ChaCha20-Poly1305(key, nonce, plaintext chunk, associated data = header)
             nonce = chunk index (11 bytes big-endian) + 0x01 for the last chunk, else 0x00

    padding  random bytes up to the Padmé length of header + chunks (``stored_file_size``)

Every chunk holds exactly ``chunk size`` plaintext bytes except the last, which holds the
remaining 0 to ``chunk size - 1`` (so there are ``size // chunk size + 1`` chunks). As in age's
STREAM construction, a reordered, dropped or truncated chunk fails authentication. The padding
(at most 12 %, indistinguishable from ciphertext) keeps the file's length from telling the
attachment's exact size: with exact sizes, whoever holds the laptop and a copy of a known video
could show that the journal holds it. Readers take the size from the database and never read
the padding; a file of any other length is refused as damaged.

Writes are crash-safe by order, not by rename: a file is written and fsynced (with its
folder) before the transaction that records its key commits (``Database.before_commit``); a
rolled-back transaction removes the files it wrote (``Database.on_rollback``). A crash in
between leaves a file no row names; ``sweep`` removes such files when the journal is next
opened. Deleting a blob row queues its file in ``blob_files_released`` (a trigger, migration
10); the file is unlinked after the deleting transaction commits (``release_files``).
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import secrets
import stat
import struct
import threading
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from journal.storage.atomic import fsync_dir
from journal.errors import JournalError
from journal.i18n import _

FOLDER = "attachments"
#: The schema version from which attachment content lives in these files (migration 10).
FILES_SCHEMA = 10
MAGIC = b"IJATTACH"
VERSION = 1
HEADER_SIZE = 16
TAG_SIZE = 16
KEY_SIZE = 32
#: Plaintext bytes per chunk: big enough that the per-call cost of the AEAD vanishes, small
#: enough that a reader holds one chunk (the viewer seeks by chunk).
CHUNK_SIZE = 1024 * 1024

#: A big file's written data is flushed to the disk in the background every this many bytes,
#: so the fsync before COMMIT waits for the last stretch only, not for a whole video: without
#: it the kernel keeps gigabytes dirty in memory and the commit of a 1 GiB import waited ~2 s
#: for one serial flush (bench/bench_bundles.py).
FLUSH_EVERY = 16 * 1024 * 1024

_NAME = re.compile(r"[0-9a-f]{32}")  # used with fullmatch: "$" would also allow a final newline
_flusher: "ThreadPoolExecutor | None" = None
_flusher_guard = threading.Lock()


_datasync = getattr(os, "fdatasync", os.fsync)  # macOS and Windows have only fsync
#: Finished files from this size on are flushed in the background at once (see finish()).
EARLY_FLUSH_FROM = 1024 * 1024


def _datasync_and_close(fd: int) -> None:
    """Runs on the flusher thread. An error is raised to whoever waits on the future: the
    kernel reports a write-back error once per descriptor, so the fsync before COMMIT on a
    fresh descriptor might not see it again (BlobFiles.sync waits on these futures)."""
    try:
        _datasync(fd)
        # Written and durable: its pages need not stay in memory (an import of gigabytes
        # would otherwise push everything else out of the page cache, and the kernel then
        # spends its time reclaiming instead of writing). Only a hint.
        advise = getattr(os, "posix_fadvise", None)
        if advise is not None:
            with contextlib.suppress(OSError):
                advise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def _background_flusher() -> "ThreadPoolExecutor":
    global _flusher
    with _flusher_guard:
        if _flusher is None:
            _flusher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="attachment-flush")
        return _flusher


class StoredFileUnreadable(JournalError):
    """An attachment file is missing, truncated, or does not decrypt with its key."""


def _unreadable(file_id: str) -> StoredFileUnreadable:
    return StoredFileUnreadable(_(
        "The encrypted file of this attachment ({path}) is missing or damaged. Run `journal verify` "
        "and restore the journal from a backup.").format(path=f"{FOLDER}/{file_id[:2]}/{file_id}"))


def header(chunk_size: int) -> bytes:
    return MAGIC + bytes([VERSION, 0, 0, 0]) + struct.pack(">I", chunk_size)


def nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def chunk_count(size: int, chunk_size: int) -> int:
    """How many chunks hold ``size`` plaintext bytes: full ones, then one short last chunk."""
    return size // chunk_size + 1


def encrypted_size(size: int, chunk_size: int = CHUNK_SIZE) -> int:
    """Header plus sealed chunks, before padding."""
    return HEADER_SIZE + size + TAG_SIZE * chunk_count(size, chunk_size)


def padme(length: int) -> int:
    """The Padmé length for ``length`` (Nikitin et al., "Reducing Metadata Leakage from
    Encrypted Files and Communication with PURBs", 2019): at most 12 % larger, and the padded
    length reveals O(log log n) bits of the real one instead of all of them."""
    if length < 2:
        return length
    exponent = length.bit_length() - 1  # floor(log2 length)
    size_bits = exponent.bit_length()  # floor(log2 exponent) + 1
    mask = (1 << (exponent - size_bits)) - 1
    return (length + mask) & ~mask


def stored_file_size(size: int, chunk_size: int = CHUNK_SIZE) -> int:
    """The length of the file holding ``size`` plaintext bytes, padding included."""
    return padme(encrypted_size(size, chunk_size))


class BlobFiles:
    """The attachment-file folder of one journal."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._unsynced: set[Path] = set()
        self._unsynced_dirs: set[Path] = set()
        self._guard = threading.Lock()
        self._holds = 0
        self._early: dict[Path, Future] = {}  # background flushes started by finish()

    # --- names ----------------------------------------------------------------------------
    def path_of(self, file_id: str) -> Path:
        if not isinstance(file_id, str) or not _NAME.fullmatch(file_id):
            raise _unreadable(str(file_id))
        return self.root / file_id[:2] / file_id

    def stored_files(self) -> Iterable[tuple[str, Path]]:
        """(file id, path) of every file in the folder that looks like ours."""
        if not self.root.is_dir():
            return
        for shard in sorted(self.root.iterdir()):
            if shard.is_dir() and len(shard.name) == 2:
                for path in sorted(shard.iterdir()):
                    if _NAME.fullmatch(path.name) and path.name.startswith(shard.name):
                        yield path.name, path

    # --- writing --------------------------------------------------------------------------
    def create(self, chunk_size: int = CHUNK_SIZE) -> "BlobFileWriter":
        """A new file under a fresh random name. The caller records (file_id, key) in the same
        transaction it registers with ``track(db)`` (or removes it with ``abort``)."""
        file_id = secrets.token_hex(16)
        shard = self.root / file_id[:2]
        if not shard.is_dir():
            made_root = not self.root.is_dir()
            if made_root:
                self.root.mkdir(mode=0o700, exist_ok=True)
            shard.mkdir(exist_ok=True, mode=0o700)
            with self._guard:
                self._unsynced_dirs.add(self.root)  # the new shard's entry in it
                if made_root:
                    self._unsynced_dirs.add(self.root.parent)
        return BlobFileWriter(self, file_id, shard / file_id, chunk_size)

    def _written(self, path: Path, early: Future | None = None) -> None:
        with self._guard:
            self._unsynced.add(path)
            self._unsynced_dirs.add(path.parent)
            if early is not None:
                self._early[path] = early

    def sync(self) -> None:
        """Make every file written since the last call durable (data, then folder entries).
        Registered as a before-commit hook, so no committed row names a file a power cut lost."""
        with self._guard:
            files, self._unsynced = self._unsynced, set()
            dirs, self._unsynced_dirs = self._unsynced_dirs, set()
            early = {path: self._early.pop(path) for path in files if path in self._early}
        for path in files:
            flushing = early.get(path)
            if flushing is not None and path.exists():
                flushing.result()  # its write-back error, if any, fails this commit
            try:
                fd = os.open(path, os.O_RDONLY)
            except FileNotFoundError:
                continue  # removed meanwhile (a rolled-back savepoint)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        for folder in sorted(dirs, key=lambda p: len(p.parts), reverse=True):
            if folder.is_dir():
                fsync_dir(folder)

    def track(self, db, writer: "BlobFileWriter") -> None:
        """Tie ``writer``'s file to ``db``'s open transaction: synced before it commits,
        removed if it (or the savepoint it was written in) rolls back."""
        db.before_commit(self, self.sync)
        db.on_rollback(writer.remove)

    # --- reading --------------------------------------------------------------------------
    def open(self, file_id: str, key: bytes, size: int) -> "BlobFileReader":
        return BlobFileReader(self.path_of(file_id), file_id, key, size)

    # --- removing -------------------------------------------------------------------------
    @contextlib.contextmanager
    def hold_removals(self):
        """While held (a backup copying files), released files are kept; they go afterwards."""
        with self._guard:
            self._holds += 1
        try:
            yield
        finally:
            with self._guard:
                self._holds -= 1

    def release_files(self, db) -> int:
        """Unlink the files whose rows were deleted and committed (queued by the trigger of
        migration 10), then forget them. Safe to repeat: a file already gone is skipped."""
        with self._guard:
            if self._holds:
                return 0
        rows = db.query("SELECT file_id FROM blob_files_released")
        if not rows:
            return 0
        gone = []
        for (file_id,) in rows:
            try:
                self.path_of(file_id).unlink()
            except (StoredFileUnreadable, FileNotFoundError):
                pass  # already gone, or a name that was never ours
            except OSError:
                continue  # in use or not permitted now (Windows, antivirus): retried later
            gone.append((file_id,))
        with db.transaction():
            for row in gone:
                db.execute("DELETE FROM blob_files_released WHERE file_id = ?", row)
        return len(gone)

    def sweep(self, db, keep: Iterable[str] = ()) -> int:
        """At open, before any write: remove files no committed row names (a crash between
        writing a file and committing its row), and files whose rows were deleted. Files named
        in `keep` (a decoy package, journal/storage/duress.py) stay."""
        released = self.release_files(db)
        known = {r[0] for r in db.query("SELECT file_id FROM blobs WHERE file_id IS NOT NULL")}
        known.update(keep)
        removed = 0
        for file_id, path in list(self.stored_files()):
            if file_id in known:
                continue
            try:
                if not stat.S_ISREG(path.lstat().st_mode):
                    continue  # not something the app wrote: left alone
                path.unlink()
                removed += 1
            except OSError:
                continue  # best effort: a leftover must never keep the journal from opening
        return released + removed


class BlobFileWriter:
    """Encrypts what is written into one new attachment file, a chunk at a time."""

    def __init__(self, files: BlobFiles, file_id: str, path: Path, chunk_size: int) -> None:
        self.files = files
        self.file_id = file_id
        self.path = path
        self.chunk_size = chunk_size
        self.key = ChaCha20Poly1305.generate_key()
        self._aead = ChaCha20Poly1305(self.key)
        self._header = header(chunk_size)
        self._pending = bytearray()
        self._index = 0
        self.size = 0
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        self._file = io.FileIO(fd, "wb")
        self._unflushed = 0
        self._flushing: Future | None = None
        try:
            self._write_all(self._header)
        except BaseException:
            self.remove()
            raise

    def write(self, data) -> int:
        n = len(data)
        if not self._pending and n == self.chunk_size:
            self._seal(data, last=False)  # whole chunks (the usual case) pass through uncopied
            return n
        self._pending += data
        while len(self._pending) >= self.chunk_size:
            self._seal(bytes(self._pending[:self.chunk_size]), last=False)
            del self._pending[:self.chunk_size]
        return n

    def _write_all(self, data) -> None:
        """A raw write may store only part of the data (a disk filling up mid-write returns a
        short count, not an error): go on until all is written, or fail."""
        view = memoryview(data)
        while view:
            n = self._file.write(view)
            if not n:
                raise OSError(errno.ENOSPC, "No space left on device")
            view = view[n:]

    def _seal(self, piece, last: bool) -> None:
        sealed = self._aead.encrypt(nonce(self._index, last), piece, self._header)
        self._write_all(sealed)
        self._index += 1
        self.size += len(piece)
        self._unflushed += len(sealed)
        if self._unflushed >= FLUSH_EVERY and (self._flushing is None or self._flushing.done()):
            self._check_flush()
            self._unflushed = 0
            self._flushing = _background_flusher().submit(_datasync, self._file.fileno())

    def _check_flush(self) -> None:
        """Wait for the background flush in flight; its error (a full disk) is this write's."""
        if self._flushing is not None:
            flushing, self._flushing = self._flushing, None
            flushing.result()

    def _pad(self) -> None:
        unpadded = encrypted_size(self.size, self.chunk_size)
        remaining = padme(unpadded) - unpadded
        if remaining:
            # A ChaCha20 keystream under a throwaway key: as random as os.urandom to an
            # observer, and fast enough for the ~100 MiB a multi-GiB video may need.
            stream = Cipher(algorithms.ChaCha20(os.urandom(32), os.urandom(16)), mode=None).encryptor()
            while remaining:
                piece = min(remaining, self.chunk_size)
                self._write_all(stream.update(bytes(piece)))
                remaining -= piece

    def finish(self) -> None:
        """Write the last (short, possibly empty) chunk and close the file. Durable once
        ``BlobFiles.sync`` ran, which the transaction recording the file does before COMMIT."""
        self._seal(bytes(self._pending), last=True)
        self._pending = bytearray()
        self._pad()
        self._check_flush()
        written = os.fstat(self._file.fileno()).st_size
        if written != stored_file_size(self.size, self.chunk_size):
            raise OSError(errno.EIO, f"attachment file has {written} bytes, "
                                     f"{stored_file_size(self.size, self.chunk_size)} expected")
        early = None
        if self.size >= EARLY_FLUSH_FROM:
            # Start writing this file out now, while the caller goes on (an import parses the
            # next attachment): the fsync before COMMIT then finds it mostly clean, and waits
            # for this flush first, so its error is not lost.
            early = _background_flusher().submit(_datasync_and_close, os.dup(self._file.fileno()))
        self._file.close()
        self.files._written(self.path, early)

    def remove(self) -> None:
        """Discard the file (a failed or rolled-back write), and the folders made for it if
        they are now empty, so a refused import leaves the journal folder as it was. Safe to
        call more than once. (Only the thread inside the transaction writes files, so no
        other writer can be about to use a folder removed here.)"""
        with contextlib.suppress(Exception):
            self._check_flush()  # never close the descriptor under a running fdatasync
        with contextlib.suppress(Exception):
            self._file.close()
        self.path.unlink(missing_ok=True)
        for folder in (self.path.parent, self.files.root):
            try:
                folder.rmdir()
            except OSError:
                break  # not empty (or already gone): leave it and its parents


class ChunkedReader(io.RawIOBase):
    """A seekable, read-only file over content stored in fixed-size chunks, holding one chunk
    in memory. Subclasses say how to get chunk ``index`` (``_load``)."""

    def __init__(self, size: int, chunk_size: int) -> None:
        super().__init__()
        self._size = size
        self._chunk_size = chunk_size
        self._pos = 0
        self._index = -1
        self._chunk = b""

    def _load(self, index: int) -> bytes:
        raise NotImplementedError

    def chunk(self, index: int) -> bytes:
        """The content of chunk ``index`` (checked by ``_load``), cached until another is read."""
        if index != self._index:
            self._chunk = self._load(index)
            self._index = index
        return self._chunk

    @property
    def chunk_size(self) -> int:
        return self._chunk_size

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}.get(whence)
        if base is None:
            raise ValueError(f"invalid whence {whence}")
        if base + offset < 0:
            raise ValueError("negative seek position")
        self._pos = base + offset
        return self._pos

    def readinto(self, buffer) -> int:
        if self.closed:
            raise ValueError("read from a closed attachment stream")
        if self._pos >= self._size:
            return 0
        index, offset = divmod(self._pos, self._chunk_size)
        chunk = self.chunk(index)
        n = min(len(buffer), len(chunk) - offset)
        buffer[:n] = chunk[offset:offset + n]
        self._pos += n
        return n

    def close(self) -> None:
        self._chunk = b""
        super().close()


class BlobFileReader(ChunkedReader):
    """An attachment file's plaintext: each chunk is authenticated as it is read."""

    def __init__(self, path: Path, file_id: str, key: bytes, size: int) -> None:
        self._file_id = file_id
        try:
            self._file = io.FileIO(path, "rb")
        except OSError:
            raise _unreadable(file_id) from None
        try:
            head = self._file.read(HEADER_SIZE)
            if len(head) != HEADER_SIZE or head[:9] != MAGIC + bytes([VERSION]) or len(key) != KEY_SIZE:
                raise _unreadable(file_id)
            chunk_size = struct.unpack(">I", head[12:16])[0]
            if chunk_size == 0 or os.fstat(self._file.fileno()).st_size != stored_file_size(size, chunk_size):
                raise _unreadable(file_id)
        except BaseException:
            self._file.close()
            raise
        super().__init__(size, chunk_size)
        self._header = head
        self._aead = ChaCha20Poly1305(bytes(key))
        self._count = chunk_count(size, chunk_size)

    def _load(self, index: int) -> bytes:
        last = index == self._count - 1
        length = (self._size % self._chunk_size if last else self._chunk_size) + TAG_SIZE
        self._file.seek(HEADER_SIZE + index * (self._chunk_size + TAG_SIZE))
        sealed = self._file.read(length)
        try:
            if len(sealed) != length:
                raise InvalidTag()
            return self._aead.decrypt(nonce(index, last), sealed, self._header)
        except InvalidTag:
            raise _unreadable(self._file_id) from None

    def chunks(self):
        """Every chunk's plaintext in order (the last may be empty)."""
        for index in range(self._count):
            yield self.chunk(index)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._file.close()
        super().close()
