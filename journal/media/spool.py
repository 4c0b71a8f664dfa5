"""An encrypted, seekable scratch file for cleaners whose libraries need to seek back.

FFmpeg's MP4/MOV/Matroska muxers write the index (``moov``, cues, durations) after the
media data and patch sizes near the start; mutagen edits tags in place; zipfile patches
local headers. None of them can write to a plain forward-only stream. Their output goes
to a ``Spool`` first and is then copied, in order, to the real destination.

Nothing readable may rest on disk (the cleaned copy of a video is still the video), so the
spool is an unlinked temporary file (in the user's cache folder, on disk: /tmp is memory on
many systems, and a 2 GB video must not fill it) encrypted with AES-256 in counter mode under a random
key that only lives in this object. CTR mode lets any byte range be read or rewritten in
place. A range written twice reuses its key stream; what that reveals (the XOR of the old
and new bytes of a patched size field) is nothing a reader of the cleaned copy would not
learn anyway, and the key dies with the process.
"""

from __future__ import annotations

import io
import os
import secrets
import tempfile

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from journal.media.streams import CHUNK_SIZE

_BLOCK = 16


def default_directory() -> str | None:
    """The user's cache folder for spools (made 0700), or None for the system's temp folder
    when it cannot be made."""
    import platformdirs

    from journal.storage.paths import APP_NAME

    folder = os.path.join(platformdirs.user_cache_dir(APP_NAME, appauthor=False), "spool")
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
    except OSError:
        return None
    return folder


class Spool(io.RawIOBase):
    """A read/write/seek/truncate file whose bytes on disk are AES-CTR ciphertext."""

    def __init__(self, directory: str | os.PathLike | None = None) -> None:
        super().__init__()
        directory = directory if directory is not None else default_directory()
        self._file = tempfile.TemporaryFile(dir=str(directory))  # unlinked on POSIX at once
        self._key = secrets.token_bytes(32)
        self._nonce = int.from_bytes(secrets.token_bytes(8), "big") << 64
        self._pos = 0
        self._size = 0
        # Write-behind: the muxers write in small pieces (FFmpeg: 32 KiB), mostly one after the
        # other; they are gathered here and encrypted and written a MiB at a time.
        self._pending = bytearray()
        self._pending_at = 0

    # --- io.RawIOBase -------------------------------------------------------------------------
    def readable(self) -> bool:
        return True

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if whence == io.SEEK_SET:
            pos = offset
        elif whence == io.SEEK_CUR:
            pos = self._pos + offset
        elif whence == io.SEEK_END:
            pos = self._size + offset
        else:
            raise ValueError("invalid whence")
        if pos < 0:
            raise OSError("negative seek position")
        self._pos = pos
        return pos

    def _flush_pending(self) -> None:
        if self._pending:
            at, data = self._pending_at, bytes(self._pending)
            self._pending.clear()
            self._write_at(at, data)

    def readinto(self, buffer) -> int:
        self._flush_pending()
        view = memoryview(buffer).cast("B")
        wanted = min(len(view), max(0, self._size - self._pos))
        if wanted <= 0:
            return 0
        self._file.seek(self._pos)
        data = self._file.read(wanted)
        plain = self._crypt(self._pos, data)
        view[: len(plain)] = plain
        self._pos += len(plain)
        return len(plain)

    def write(self, data) -> int:
        data = bytes(data)
        if not data:
            return 0
        if self._pending and self._pos != self._pending_at + len(self._pending):
            self._flush_pending()  # not contiguous (a seek back to patch a size): in order
        if not self._pending:
            self._pending_at = self._pos
        self._pending += data
        self._pos += len(data)
        self._size = max(self._size, self._pos)
        if len(self._pending) >= CHUNK_SIZE:
            self._flush_pending()
        return len(data)

    def _write_at(self, position: int, data: bytes) -> None:
        if position > self._written_size():
            # A gap (seek past the end, then write): fill it with encrypted zeros.
            gap_at, gap = self._written_size(), position - self._written_size()
            while gap:
                step = min(gap, CHUNK_SIZE)
                self._file.seek(gap_at)
                self._file.write(self._crypt(gap_at, bytes(step)))
                gap_at += step
                gap -= step
        self._file.seek(position)
        self._file.write(self._crypt(position, data))

    def _written_size(self) -> int:
        return self._file.seek(0, io.SEEK_END)

    def truncate(self, size: int | None = None) -> int:
        self._flush_pending()
        size = self._pos if size is None else size
        if size < self._size:
            self._file.truncate(size)
            self._size = size
        elif size > self._size:
            keep = self._pos
            self._pos = size - 1 if size else 0
            self.write(b"\x00")
            self._pos = keep
        return size

    def close(self) -> None:
        self._pending.clear()
        if not self.closed:
            self._file.close()
            self._key = b""
        super().close()

    @property
    def size(self) -> int:
        return self._size

    # --- helpers ------------------------------------------------------------------------------
    def copy_to(self, write, cancel=None) -> None:
        """Write the whole plaintext, in order, through write(bytes)."""
        self.seek(0)
        while True:
            if cancel is not None:
                cancel()
            piece = self.read(CHUNK_SIZE)
            if not piece:
                return
            write(piece)

    def _crypt(self, offset: int, data: bytes) -> bytes:
        block, skip = divmod(offset, _BLOCK)
        counter = ((self._nonce + block) % (1 << 128)).to_bytes(16, "big")
        cipher = Cipher(algorithms.AES(self._key), modes.CTR(counter)).encryptor()
        if skip:
            cipher.update(bytes(skip))
        return cipher.update(data) + cipher.finalize()
