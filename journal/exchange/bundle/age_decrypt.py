"""age v1 decryption with an X25519 identity, streaming, with ``cryptography``'s primitives.

Why not ``pyrage.decrypt_io``: it holds the GIL for the whole decryption and ran at about
1.7 ms per MiB, so importing a 1 GiB bundle spent most of its time waiting for that one thread
(bench/bench_bundles.py). OpenSSL's ChaCha20-Poly1305 through ``cryptography`` takes 0.3 ms per
MiB and releases the GIL, so hashing and storing the attachments run beside it.

This is the receiving side of untrusted input, so the header is parsed strictly by the age
spec (https://age-encryption.org/v1, C2SP): the version line; stanzas ``-> type args`` with
canonical unpadded base64 bodies in lines of 64 characters, the last one shorter; ``--- mac``.
Unknown stanza types are skipped (the spec's "grease"); an X25519 stanza must have exactly one
32-byte share and a 32-byte body; the header MAC is checked before any payload is used. The
payload is 64 KiB ChaCha20-Poly1305 chunks with a counter nonce whose last byte marks the final
chunk; a final chunk must be non-empty unless it is the only one, and nothing may follow it.
Armored (PEM-style) files are not accepted: bundles are binary.

tests/test_age_decrypt.py checks it against files made by the real ``age`` tool and pyrage,
and against damaged and hand-crafted headers; tests/test_import_hostile.py and the fuzz test
run every hostile bundle through it.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import re
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from journal.exchange.bundle.age_encrypt import (
    INTRO,
    MAX_SCRYPT_WORK_FACTOR,
    PAYLOAD_CHUNK,
    X25519_LABEL,
    bech32_decode,
    scrypt_key,
    stream_nonce,
)

_SEALED = PAYLOAD_CHUNK + 16
#: Chunks decrypted per write to ``out``: 1 MiB pieces keep the hand-off cheap.
_BATCH = 16
MAX_HEADER = 64 * 1024
_ARG = re.compile(rb"^[\x21-\x7e]+$")
_WORK_FACTOR = re.compile(rb"^[1-9][0-9]?$")


class AgeDecryptError(Exception):
    """Why decryption failed, as one of the ``kind`` values below (the message is technical)."""

    NOT_AGE = "not age"
    TRUNCATED = "truncated"
    INVALID_HEADER = "invalid header"
    NO_MATCH = "no match"
    MAC = "mac"
    PAYLOAD = "payload"

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind


def parse_identity(text: str) -> bytes:
    """The 32-byte X25519 scalar of an ``AGE-SECRET-KEY-1…`` string (upper case, as age writes it)."""
    text = text.strip()
    if text.upper() != text:
        raise ValueError("age identities are upper case")
    return bech32_decode(text, "age-secret-key-")


def _b64decode(text: bytes, size: int | None = None) -> bytes:
    """Canonical, unpadded standard base64 (the spec rejects padding and stray bits)."""
    if b"=" in text or b"\r" in text or not re.fullmatch(rb"[A-Za-z0-9+/]*", text):
        raise AgeDecryptError(AgeDecryptError.INVALID_HEADER, "base64")
    try:
        data = base64.b64decode(text + b"=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise AgeDecryptError(AgeDecryptError.INVALID_HEADER, "base64") from None
    if base64.b64encode(data).rstrip(b"=") != text or (size is not None and len(data) != size):
        raise AgeDecryptError(AgeDecryptError.INVALID_HEADER, "base64 not canonical")
    return data


def _hkdf(ikm: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(ikm)


class _Reader:
    """Reads from ``src`` with as few copies as possible: when a block is consumed exactly,
    the next one is read whole and handed out as a memoryview (the steady state of the
    payload), and only a block boundary inside a request costs one join."""

    def __init__(self, src: BinaryIO) -> None:
        self._src = src
        self._data: bytes = b""
        self._pos = 0
        self._eof = False

    def _available(self) -> int:
        return len(self._data) - self._pos

    def _ensure(self, size: int) -> None:
        """Make at least ``size`` bytes available unless the input ends first."""
        have = self._available()
        if have >= size or self._eof:
            return
        parts = [self._data[self._pos:]] if have else []
        while have < size:
            data = self._src.read(max(size - have, 1))
            if not data:
                self._eof = True
                break
            parts.append(data)
            have += len(data)
        self._data = parts[0] if len(parts) == 1 else b"".join(parts)
        self._pos = 0

    def line(self) -> bytes:
        """One header line without its newline."""
        while True:
            end = self._data.find(b"\n", self._pos)
            if end >= 0:
                line = self._data[self._pos:end]
                self._pos = end + 1
                return line
            if self._eof or self._available() > MAX_HEADER:
                raise AgeDecryptError(AgeDecryptError.TRUNCATED if self._eof else AgeDecryptError.INVALID_HEADER,
                                      "header line")
            self._ensure(self._available() + 4096)

    def take(self, size: int) -> memoryview:
        """Up to ``size`` bytes (fewer only at the end of the input), valid until the next call."""
        self._ensure(size)
        start = self._pos
        self._pos = min(start + size, len(self._data))
        return memoryview(self._data)[start:self._pos]

    def at_end(self) -> bool:
        if self._available():
            return False
        self._ensure(_SEALED * _BATCH)  # the next batch, read whole
        return not self._available()


def _scrypt_file_key(args: list[bytes], body: bytes, passphrase: bytes) -> bytes | None:
    """The file key of a passphrase stanza (``-> scrypt <salt> <work factor>``), or None when
    the passphrase is not this file's. Work factors above age's own limit are refused before
    any memory is spent on them."""
    if len(args) != 3 or not _WORK_FACTOR.match(args[2]) or int(args[2]) > MAX_SCRYPT_WORK_FACTOR:
        raise AgeDecryptError(AgeDecryptError.INVALID_HEADER, "scrypt arguments")
    salt = _b64decode(args[1], 16)
    if len(body) != 32:
        raise AgeDecryptError(AgeDecryptError.INVALID_HEADER, "scrypt body")
    try:
        return ChaCha20Poly1305(scrypt_key(passphrase, salt, int(args[2]))).decrypt(bytes(12), body, None)
    except InvalidTag:
        return None


def _header(reader: _Reader, scalars: list[bytes], passphrase: bytes | None = None) -> tuple[bytes, bytes]:
    """Parse the header; returns (file key, the header bytes the MAC covers).

    With ``passphrase`` a scrypt stanza is parsed strictly and opened; without one it is
    skipped like any stanza addressed to someone else."""
    first = reader.line()
    if first + b"\n" != INTRO:
        raise AgeDecryptError(AgeDecryptError.NOT_AGE if not INTRO.startswith(first[:5])
                              else AgeDecryptError.INVALID_HEADER, "version line")
    covered = bytearray(INTRO)
    identities = [X25519PrivateKey.from_private_bytes(s) for s in scalars]
    file_key = None
    stanza_types: list[bytes] = []
    size = len(INTRO)
    line = reader.line()
    while True:
        size += len(line) + 1
        if size > MAX_HEADER:
            raise AgeDecryptError(AgeDecryptError.INVALID_HEADER, "header too long")
        if line.startswith(b"--- "):
            mac_text = line[4:]
            covered += b"---"
            break
        if not line.startswith(b"-> "):
            raise AgeDecryptError(AgeDecryptError.INVALID_HEADER, "stanza line")
        args = line[3:].split(b" ")
        if not args or not all(_ARG.match(a) for a in args):
            raise AgeDecryptError(AgeDecryptError.INVALID_HEADER, "stanza arguments")
        covered += line + b"\n"
        body_lines = []
        while True:
            body = reader.line()
            size += len(body) + 1
            if len(body) > 64 or size > MAX_HEADER:
                raise AgeDecryptError(AgeDecryptError.INVALID_HEADER, "stanza body")
            covered += body + b"\n"
            body_lines.append(body)
            if len(body) < 64:
                break
        body = _b64decode(b"".join(body_lines))
        stanza_types.append(args[0])
        if args[0] == b"scrypt" and passphrase is not None:
            if stanza_types.count(b"scrypt") > 1 or len(stanza_types) > 1:
                raise AgeDecryptError(AgeDecryptError.INVALID_HEADER, "scrypt stanza with others")
            file_key = _scrypt_file_key(args, body, passphrase)
        elif args[0] == b"X25519":
            if len(args) != 2:
                raise AgeDecryptError(AgeDecryptError.INVALID_HEADER, "X25519 arguments")
            share = _b64decode(args[1], 32)
            if len(body) != 32:
                raise AgeDecryptError(AgeDecryptError.INVALID_HEADER, "X25519 body")
            for identity in identities if file_key is None else ():
                try:
                    shared = identity.exchange(X25519PublicKey.from_public_bytes(share))
                except ValueError:  # all-zero shared secret: a low-order share
                    raise AgeDecryptError(AgeDecryptError.INVALID_HEADER, "X25519 share") from None
                ours = identity.public_key().public_bytes_raw()
                wrap_key = _hkdf(shared, share + ours, X25519_LABEL)
                try:
                    file_key = ChaCha20Poly1305(wrap_key).decrypt(bytes(12), body, None)
                    break
                except InvalidTag:
                    continue  # addressed to someone else
        line = reader.line()
    if not stanza_types:
        raise AgeDecryptError(AgeDecryptError.INVALID_HEADER, "no recipient stanza")
    if b"scrypt" in stanza_types and len(stanza_types) > 1:
        # The spec: a passphrase (scrypt) stanza must be the only one in its header.
        raise AgeDecryptError(AgeDecryptError.INVALID_HEADER, "scrypt stanza with others")
    mac = _b64decode(mac_text, 32)
    if file_key is None:
        raise AgeDecryptError(AgeDecryptError.NO_MATCH, "no identity matched")
    expected = hmac.new(_hkdf(file_key, b"", b"header"), bytes(covered), "sha256").digest()
    if not hmac.compare_digest(mac, expected):
        raise AgeDecryptError(AgeDecryptError.MAC, "header MAC")
    return file_key, bytes(covered)


def decrypt_io(src: BinaryIO, out, scalars: list[bytes], *, passphrase: bytes | None = None) -> None:
    """Decrypt the age file read from ``src`` into ``out.write`` (about 1 MiB at a time).

    Raises AgeDecryptError; ``out`` may have received the plaintext of chunks that
    authenticated before the failure (the caller discards everything on an error)."""
    reader = _Reader(src)
    file_key, _covered = _header(reader, scalars, passphrase)
    nonce = bytes(reader.take(16))
    if len(nonce) != 16:
        raise AgeDecryptError(AgeDecryptError.TRUNCATED, "payload nonce")
    aead = ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))
    counter = 0
    while True:
        batch = reader.take(_SEALED * _BATCH)
        if not batch:
            raise AgeDecryptError(AgeDecryptError.TRUNCATED, "no payload")
        pieces = []
        final = reader.at_end()  # reads ahead: batch stays valid (its block is kept alive by it)
        for start in range(0, len(batch), _SEALED):
            sealed = batch[start:start + _SEALED]
            last = final and start + _SEALED >= len(batch)
            if len(sealed) < 16:
                raise AgeDecryptError(AgeDecryptError.TRUNCATED, "short chunk")
            try:
                plain = aead.decrypt(stream_nonce(counter, last), sealed, None)
            except InvalidTag:
                raise AgeDecryptError(AgeDecryptError.PAYLOAD, f"chunk {counter}") from None
            if last and not plain and counter:
                raise AgeDecryptError(AgeDecryptError.PAYLOAD, "empty last chunk")
            counter += 1
            pieces.append(plain)
        out.write(pieces[0] if len(pieces) == 1 else b"".join(pieces))
        if final:
            return


class DecryptingReader:
    """A readable file object over the plaintext of the age file in ``src``, decrypted a
    64 KiB chunk at a time as it is read (for ``tarfile`` in ``'r|'`` mode: no thread, no pipe,
    nothing held but one chunk). The header is parsed and checked when it is made.

    ``read`` raises AgeDecryptError on a damaged or truncated payload; what it returned before
    authenticated, but only reaching the end proves the file whole."""

    def __init__(self, src: BinaryIO, scalars: list[bytes] | None = None, *, passphrase: bytes | None = None) -> None:
        self._reader = _Reader(src)
        file_key, _covered = _header(self._reader, scalars or [], passphrase)
        nonce = bytes(self._reader.take(16))
        if len(nonce) != 16:
            raise AgeDecryptError(AgeDecryptError.TRUNCATED, "payload nonce")
        self._aead = ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))
        self._counter = 0
        self._buffer = b""
        self._pos = 0
        self._done = False

    def _next_chunk(self) -> None:
        sealed = bytes(self._reader.take(_SEALED))
        if not sealed:
            raise AgeDecryptError(AgeDecryptError.TRUNCATED, "no payload" if not self._counter else "missing last chunk")
        if len(sealed) < 16:
            raise AgeDecryptError(AgeDecryptError.TRUNCATED, "short chunk")
        last = self._reader.at_end()
        try:
            plain = self._aead.decrypt(stream_nonce(self._counter, last), sealed, None)
        except InvalidTag:
            raise AgeDecryptError(AgeDecryptError.PAYLOAD, f"chunk {self._counter}") from None
        if last and not plain and self._counter:
            raise AgeDecryptError(AgeDecryptError.PAYLOAD, "empty last chunk")
        self._counter += 1
        self._buffer, self._pos, self._done = plain, 0, last

    def read(self, size: int = -1) -> bytes:
        parts = []
        want = size if size is not None and size >= 0 else None
        while want is None or want > 0:
            if self._pos >= len(self._buffer):
                if self._done:
                    break
                self._next_chunk()
                continue
            end = len(self._buffer) if want is None else min(len(self._buffer), self._pos + want)
            piece = self._buffer[self._pos:end]
            self._pos = end
            parts.append(piece)
            if want is not None:
                want -= len(piece)
        return b"".join(parts)

    def at_end(self) -> bool:
        """True once the last chunk was read and handed out (the whole file authenticated)."""
        return self._done and self._pos >= len(self._buffer)
