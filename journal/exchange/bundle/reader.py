"""Strict streaming bundle reader.

``src`` -> age decryption (journal/bundle/age_decrypt.py, worker thread) -> a bounded in-memory
hand-off -> strict tar parser (calling thread) -> ``sink``. The sink is called on the calling thread only, so it can stage records in
an uncommitted database transaction; the caller commits only after ``read_bundle`` returns.
Every problem with the input becomes ``BundleRejected`` with one clear reason.

Format version 2 puts manifest.json and manifest.sig first: the signature is checked as soon
as they are read, before any content reaches the sink (which is told with
``sink.manifest_verified(verified)`` if it has that method), and every later member is checked
against its manifest row at its header (listed, same size) and at its end (same SHA-256).
Version 1 (manifest last) is still read; the sink then gets content before the signature could
be checked, which the importer bounds (docs/bundle-format.md).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import os
import queue
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, BinaryIO, Protocol, cast

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from journal.exchange.bundle import age_decrypt, tarstream
from journal.exchange.bundle.age_decrypt import AgeDecryptError
from journal.progress import Progress, check_cancel
from journal.exchange.bundle.errors import BundleRejected
from journal.exchange.bundle.manifest import (
    Manifest,
    MemberDigest,
    Sender,
    parse_manifest,
    strict_json_loads,
)
from journal.exchange.bundle.names import (
    JSONL_MEMBERS,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    is_attachment,
    is_content_member,
    unsafe_path_reason,
)
from journal.i18n import _

CHUNK_SIZE = 1024 * 1024
SIGNATURE_SIZE = 64
_AGE_MAGIC = b"age-encryption.org/"
_AGE_CHUNK = 64 * 1024 + 16  # STREAM chunk: 64 KiB plaintext + 16-byte tag
_MAX_HEAD = 64 * 1024  # how much of the age header we keep to classify failures
_MAX_TRAILER = 1024 * 1024
_HANDOFF_PIECES = 4  # decrypted pieces of CHUNK_SIZE waiting for the parser
_HASH_QUEUE = 4  # attachment chunks waiting to be hashed  # zero padding allowed after the end-of-archive marker
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")



@dataclass(frozen=True)
class Limits:
    """Bounds a bundle must respect; all configurable (tests use small ones)."""

    max_members: int = 100_000
    max_member_size: int = 4 * 1024**3
    max_total_size: int = 32 * 1024**3
    max_jsonl_line: int = 16 * 1024**2
    max_manifest_size: int = 64 * 1024**2


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class VerifiedManifest:
    """Returned only when everything checked out: decryption, signature, sizes, hashes, names."""

    manifest: Manifest
    manifest_bytes: bytes
    signature: bytes

    @property
    def bundle_id(self) -> str:
        return self.manifest.bundle_id

    @property
    def sender(self) -> Sender:
        return self.manifest.sender


class BundleSource(Protocol):
    """What a bundle is read from: a binary file, or a wrapper around one (the importer's
    hashing source). Only ``read`` is needed; ``fileno``/``tell``/``seek``, where present, give
    the size for progress (``_source_size``)."""

    def read(self, size: int = -1, /) -> bytes: ...


class MemberWriter(Protocol):
    def write(self, chunk: bytes) -> Any: ...


class BundleSink(Protocol):
    """Receives the bundle's content while it is read. In format version 2 the signed manifest
    was verified first and each member is checked against it as it arrives, but a member's
    hash only at its end; in version 1 nothing is verified yet. Optionally it also has
    ``manifest_verified(verified)``, called (version 2) before any content."""

    def record(self, kind: str, obj: dict[str, Any]) -> None:
        """One parsed JSONL line; ``kind`` is "entries", "contacts", "contact_log" or "forms"."""

    def begin_member(self, path: str, size: int) -> MemberWriter:
        """An attachment starts; its bytes go to the returned writer in chunks."""

    def end_member(self, path: str, sha256: str) -> None:
        """The attachment ended and its content matches its name."""


class DiscardSink:
    """A sink that keeps nothing (to verify a bundle without importing it)."""

    def record(self, kind: str, obj: dict[str, Any]) -> None:
        pass

    def begin_member(self, path: str, size: int) -> MemberWriter:
        return _NullWriter()

    def end_member(self, path: str, sha256: str) -> None:
        pass


class _NullWriter:
    def write(self, chunk: bytes) -> int:
        return len(chunk)


def _show(path: str) -> str:
    """A member name safe to put in a message (hostile names may hold anything)."""
    shown = (
        path if path.isprintable() else path.encode("unicode_escape").decode("ascii")
    )
    return shown if len(shown) <= 120 else shown[:117] + "..."


class _Source:
    """Wraps ``src`` for the decryptor: counts bytes, keeps the header, remembers read errors."""

    def __init__(self, src: BundleSource) -> None:
        self._src = src
        self.count = 0
        self.at_eof = False
        self.head = bytearray()
        self.error: BaseException | None = None

    def read(self, size: int = -1) -> bytes:
        try:
            data = self._src.read(size if size and size > 0 else CHUNK_SIZE)
        except BaseException as exc:
            self.error = exc
            raise
        if not data:
            self.at_eof = True
            return b""
        if len(self.head) < _MAX_HEAD:
            self.head += data[: _MAX_HEAD - len(self.head)]
        self.count += len(data)
        return bytes(data)

    def header_length(self) -> int | None:
        """Length of the age header (through the ``--- <mac>`` line), if it was seen."""
        mac = self.head.find(b"\n--- ")
        if mac < 0:
            return None
        end = self.head.find(b"\n", mac + 1)
        return end + 1 if end >= 0 else None


class _Handoff:
    """The decrypted stream, handed to the parsing thread in pieces of about CHUNK_SIZE.

    The decryptor writes ~1 MiB pieces, passed on as they are; smaller writes are gathered
    into CHUNK_SIZE pieces. At most _HANDOFF_PIECES wait in the queue, and the parser reads
    them without a system call (a pipe cost one, and a GIL hand-over, every few KiB). ``hang_up()`` is the parser going away early:
    the next write raises BrokenPipeError (``broken`` tells that apart from a decryption error).
    """

    def __init__(self) -> None:
        self._queue: queue.Queue = queue.Queue(maxsize=_HANDOFF_PIECES)
        self._pending = bytearray()
        self._gone = threading.Event()
        self.broken = False
        # reading side
        self._piece = memoryview(b"")
        self._eof = False

    # --- writing side (decrypt_io's thread) ---
    def write(self, data: bytes) -> int:
        if self._gone.is_set():
            self.broken = True
            raise BrokenPipeError("the bundle reader stopped")
        if not self._pending and len(data) >= CHUNK_SIZE and isinstance(data, bytes):
            self._put(data)  # the age decryptor writes ~1 MiB pieces: pass them on uncopied
            return len(data)
        self._pending += data
        if len(self._pending) >= CHUNK_SIZE:
            self._put(bytes(self._pending))
            self._pending.clear()
        return len(data)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        """End of the decrypted stream (after success or failure)."""
        try:
            if self._pending:
                self._put(bytes(self._pending))
                self._pending.clear()
        except BrokenPipeError:
            pass
        try:
            self._put(None)
        except BrokenPipeError:
            pass

    def _put(self, item: bytes | None) -> None:
        while True:
            if self._gone.is_set():
                self.broken = True
                raise BrokenPipeError("the bundle reader stopped")
            try:
                self._queue.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    # --- reading side (the calling thread) ---
    def _next_piece(self) -> bool:
        if self._eof:
            return False
        item = self._queue.get()
        if item is None:
            self._eof = True
            return False
        self._piece = memoryview(item)
        return True

    def read_exact(self, size: int) -> bytes:
        if len(self._piece) >= size:
            data, self._piece = self._piece[:size], self._piece[size:]
            # The whole piece: hand on the bytes object it views, without a copy.
            whole = cast(bytes, data.obj)
            return data.tobytes() if len(data) != len(whole) else whole
        parts = [self._piece.tobytes()]
        have = len(parts[0])
        self._piece = memoryview(b"")
        while have < size:
            if not self._next_piece():
                raise tarstream.ArchiveEnded()
            take = min(size - have, len(self._piece))
            parts.append(self._piece[:take].tobytes())
            self._piece = self._piece[take:]
            have += take
        return b"".join(parts)

    def read_up_to(self, size: int) -> bytes:
        if not self._piece and not self._next_piece():
            return b""
        data, self._piece = self._piece[:size], self._piece[size:]
        return data.tobytes()

    def hang_up(self) -> None:
        """The parser is done (or failed): unblock and stop the writing side."""
        self._gone.set()
        try:
            while True:
                self._queue.get_nowait()
        except queue.Empty:
            pass


def _payload_looks_truncated(source: _Source) -> bool:
    """Tell a cut-off file from a tampered one after the payload failed to authenticate.

    Both fail the same way cryptographically. A tampered file keeps its length, so its
    payload still splits into whole age chunks around a tar stream (a multiple of 512 bytes);
    a file cut at a random point almost never does.
    """
    if not source.at_eof:
        return False  # decryption stopped before the end: a chunk in the middle failed
    header = source.header_length()
    if header is None:
        return True
    payload = source.count - header - 16  # 16-byte STREAM nonce
    if payload < 17:
        return True
    chunks = -(-payload // _AGE_CHUNK)
    last = payload - (chunks - 1) * _AGE_CHUNK
    if last < 17:
        return True
    return (payload - 16 * chunks) % tarstream.BLOCK_SIZE != 0


def _decryption_reason(error: BaseException, source: _Source) -> str:
    if source.error is not None:
        detail = getattr(source.error, "strerror", None) or type(source.error).__name__
        return _("the file could not be read ({detail})").format(detail=detail)
    head = bytes(source.head)
    if not head:
        return _("not an age file (the file is empty)")
    if not head.startswith(_AGE_MAGIC[: len(head)]) or (
        len(head) >= len(_AGE_MAGIC) and not head.startswith(_AGE_MAGIC)
    ):
        return _("not an age file")
    kind = getattr(error, "kind", None)
    if kind == AgeDecryptError.NO_MATCH:
        return _("not addressed to this journal")
    if kind == AgeDecryptError.TRUNCATED or len(head) < len(_AGE_MAGIC):
        return _("truncated")
    if kind == AgeDecryptError.MAC:
        return _("corrupted (authentication failed)")
    if kind in (AgeDecryptError.INVALID_HEADER, AgeDecryptError.NOT_AGE):
        return (
            _("corrupted (invalid age header)")
            if head.startswith(b"age-encryption.org/v1\n")
            else _("not an age file")
        )
    if kind != AgeDecryptError.PAYLOAD:
        return _("corrupted (could not decrypt)")
    if _payload_looks_truncated(source):
        return _("truncated")
    return _("corrupted (authentication failed)")


class _ArchiveWalker:
    """Applies every structural check while streaming members to the sink."""

    def __init__(
        self,
        pipe: _Handoff,
        sink: BundleSink,
        limits: Limits,
        tick: Callable[[], None],
    ) -> None:
        self._pipe = pipe
        self._tar = tarstream.StrictTarReader(pipe.read_exact)
        self._sink = sink
        self._limits = limits
        self._tick = tick
        # path -> SHA-256 (32 raw bytes) + size (8 bytes): one small bytes object per member, so
        # memory stays small at the member limit (a tuple of an int and a hex string was 3 objects)
        self.seen: dict[str, bytes] = {}
        self.manifest_bytes: bytes | None = None
        self.signature: bytes | None = None
        self._total = 0
        self._hasher = _MemberHasher()
        self._count = 0
        # Version 2 (manifest first): the manifest verified before any content, and its rows by
        # path; a row is replaced by None once its member was read.
        self.verified: VerifiedManifest | None = None
        self.listed: dict[str, MemberDigest | None] = {}

    def close(self) -> None:
        self._hasher.close()

    def walk(self) -> None:
        count = 0
        while True:
            self._tick()
            entry = self._tar.next_entry()
            if entry is None:
                break
            count += 1
            self._count = count
            if count > self._limits.max_members:
                raise BundleRejected(_("too many members"))
            self._check_entry(entry)
            self._read_member(entry)
            if entry.path == SIGNATURE_NAME and self._count == 2:
                self._verify_first()
        if self.manifest_bytes is None:
            raise BundleRejected(_("manifest.json is missing"))
        if self.signature is None:
            raise BundleRejected(_("manifest.sig is missing"))
        if self.verified is not None:
            for path, row in self.listed.items():
                if row is not None:
                    raise BundleRejected(_("member missing: {path}").format(path=path))
        self._drain_trailer()

    def _check_entry(self, entry: tarstream.TarEntry) -> None:
        path, shown = entry.path, _show(entry.path)
        if entry.kind in (tarstream.KIND_HARDLINK, tarstream.KIND_SYMLINK):
            raise BundleRejected(_("links are not allowed: {shown}").format(shown=shown))
        if entry.kind == tarstream.KIND_DEVICE:
            raise BundleRejected(_("device files are not allowed: {shown}").format(shown=shown))
        if entry.kind == tarstream.KIND_FIFO:
            raise BundleRejected(_("special files are not allowed: {shown}").format(shown=shown))
        if entry.kind == tarstream.KIND_DIRECTORY:
            raise BundleRejected(_("folders are not allowed: {shown}").format(shown=shown))
        if unsafe_path_reason(path) is not None:
            raise BundleRejected(_("path not allowed: {shown}").format(shown=shown))
        if path in self.seen or (
            path == MANIFEST_NAME and self.manifest_bytes is not None
        ) or (self.verified is not None and path in self.listed and self.listed[path] is None):
            raise BundleRejected(_("duplicate member: {shown}").format(shown=shown))
        if self.verified is not None:  # version 2: the content follows the verified manifest
            if path == SIGNATURE_NAME:
                raise BundleRejected(_("duplicate member: {shown}").format(shown=shown))
            row = self.listed.get(path)
            if row is None:
                raise BundleRejected(_("member not in the manifest: {show}").format(show=shown))
            if row.size != entry.size:
                raise BundleRejected(_("member size mismatch: {path}").format(path=path))
        else:
            if self.signature is not None:
                raise BundleRejected(_("unexpected member after the manifest: {shown}").format(shown=shown))
            if path == SIGNATURE_NAME:
                if self.manifest_bytes is None:
                    raise BundleRejected(_("manifest.sig must come right after manifest.json"))
                if entry.size != SIGNATURE_SIZE:
                    raise BundleRejected(_("signature invalid"))
                return
            if self.manifest_bytes is not None and self._count != 2:
                raise BundleRejected(_("unexpected member after the manifest: {shown}").format(shown=shown))
            if self.manifest_bytes is not None:
                raise BundleRejected(_("manifest.sig must come right after manifest.json"))
        if path == MANIFEST_NAME:
            if entry.size > self._limits.max_manifest_size:
                raise BundleRejected(_("member too large: manifest.json"))
            return
        if not is_content_member(path):
            raise BundleRejected(_("unexpected member: {shown}").format(shown=shown))
        if entry.size > self._limits.max_member_size:
            raise BundleRejected(_("member too large: {shown}").format(shown=shown))
        self._total += entry.size
        if self._total > self._limits.max_total_size:
            raise BundleRejected(_("bundle too large"))

    def _chunks(self, size: int):
        remaining = size
        while remaining:
            self._tick()
            chunk = self._pipe.read_exact(min(CHUNK_SIZE, remaining))
            remaining -= len(chunk)
            yield chunk
        self._tar.skip_padding(size)

    def _read_member(self, entry: tarstream.TarEntry) -> None:
        path = entry.path
        if path in (MANIFEST_NAME, SIGNATURE_NAME):
            data = b"".join(self._chunks(entry.size))
            if path == MANIFEST_NAME:
                self.manifest_bytes = data
            else:
                self.signature = data
            return
        digest = hashlib.sha256()
        if path in JSONL_MEMBERS:
            lines = _JsonlParser(
                path, JSONL_MEMBERS[path], self._sink, self._limits.max_jsonl_line
            )
            for chunk in self._chunks(entry.size):
                digest.update(chunk)
                lines.feed(chunk)
            lines.finish()
            sha = digest.hexdigest()
        else:
            writer = self._sink.begin_member(path, entry.size)
            self._hasher.begin()
            for chunk in self._chunks(entry.size):
                self._hasher.update(chunk)
                writer.write(chunk)
            sha = self._hasher.hexdigest()
        if is_attachment(path) and path != f"attachments/{sha}":
            raise BundleRejected(_("member hash mismatch: {path}").format(path=path))
        if self.verified is not None:
            row = self.listed[path]  # None once seen: a second copy was refused at its header
            if row is None or row.sha256 != sha:
                raise BundleRejected(_("member hash mismatch: {path}").format(path=path))
            self.listed[path] = None
        if is_attachment(path):
            self._sink.end_member(path, sha)
        if self.verified is None:
            self.seen[path] = bytes.fromhex(sha) + entry.size.to_bytes(8, "big")

    def _verify_first(self) -> None:
        """Version 2: manifest.json and manifest.sig are the first members. Check the signature
        now, before any content reaches the sink, and tell the sink who signed."""
        assert self.manifest_bytes is not None and self.signature is not None
        verified = _signed_manifest(self.manifest_bytes, self.signature, self._limits)
        if verified.manifest.version < 2:
            return  # a version 1 bundle with no content: nothing may follow (checked as such)
        self.listed = {row.path: row for row in verified.manifest.members}
        self.verified = verified
        hook = getattr(self._sink, "manifest_verified", None)
        if hook is not None:
            hook(verified)

    def _drain_trailer(self) -> None:
        """Read to the end so decryption can authenticate the final chunk; only zeros may follow."""
        total = 0
        while True:
            self._tick()
            data = self._pipe.read_up_to(64 * 1024)
            if not data:
                return
            total += len(data)
            if total > _MAX_TRAILER or data.count(0) != len(data):
                raise BundleRejected(_("unexpected data after the end of the archive"))


class _MemberHasher:
    """SHA-256 of an attachment computed on a helper thread while the sink stores its chunks.

    hashlib releases the GIL on large updates, so hashing overlaps with the sink's database
    writes on the calling thread instead of adding to them. At most _HASH_QUEUE chunks (already
    held by the caller) wait; the thread starts with the first attachment.
    """

    def __init__(self) -> None:
        self._queue: queue.Queue = queue.Queue(maxsize=_HASH_QUEUE)
        self._thread: threading.Thread | None = None
        self._digest = hashlib.sha256()
        self._result: queue.Queue = queue.Queue(maxsize=1)
        self._error: BaseException | None = None

    def _run(self) -> None:
        try:
            while True:
                item = self._queue.get()
                if item is None:
                    return
                if item is _DIGEST:
                    self._result.put(self._digest.hexdigest())
                    self._digest = hashlib.sha256()
                else:
                    self._digest.update(item)
        except BaseException as exc:  # noqa: BLE001 - handed to the reading thread by hexdigest()
            # A thread that died here would leave hexdigest() waiting forever and update()
            # blocked on a full queue (seen in mutation runs as a 60 s stall): say what went
            # wrong to the next hexdigest() and keep draining until close().
            self._error = exc
            self._result.put(None)
            while self._queue.get() is not None:
                pass

    def begin(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="bundle-hash", daemon=True)
            self._thread.start()

    def update(self, chunk: bytes) -> None:
        self._queue.put(chunk)

    def hexdigest(self) -> str:
        """The digest of everything given since begin(); the next member starts afresh."""
        self._queue.put(_DIGEST)
        digest = self._result.get()
        if digest is None:
            assert self._error is not None
            raise self._error
        return digest

    def close(self) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None


_DIGEST = object()


class _JsonlParser:
    """Splits a JSONL member into lines (bounded) and parses each strictly."""

    def __init__(self, path: str, kind: str, sink: BundleSink, max_line: int) -> None:
        self._path, self._kind, self._sink, self._max = path, kind, sink, max_line
        self._buffer = bytearray()
        self._line_no = 0

    def feed(self, chunk: bytes) -> None:
        start = 0
        while True:
            newline = chunk.find(b"\n", start)
            if newline < 0:
                self._buffer += chunk[start:]
                if len(self._buffer) > self._max:
                    raise BundleRejected(
                        _("line too long in {path} line {line_no}").format(path=self._path, line_no=self._line_no + 1)
                    )
                return
            if len(self._buffer) + newline - start > self._max:
                raise BundleRejected(
                    _("line too long in {path} line {line_no}").format(path=self._path, line_no=self._line_no + 1)
                )
            self._buffer += chunk[start:newline]
            self._emit(bytes(self._buffer))
            self._buffer.clear()
            start = newline + 1

    def finish(self) -> None:
        if self._buffer:
            self._emit(bytes(self._buffer))
            self._buffer.clear()

    def _emit(self, line: bytes) -> None:
        self._line_no += 1
        where = f"{self._path} line {self._line_no}"
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BundleRejected(_("invalid UTF-8 in {where}").format(where=where)) from exc
        try:
            obj = strict_json_loads(text)
        except (ValueError, RecursionError) as exc:
            raise BundleRejected(_("invalid JSON in {where}").format(where=where)) from exc
        if not isinstance(obj, dict):
            raise BundleRejected(_("invalid JSON in {where} (not an object)").format(where=where))
        if _SURROGATE_ESCAPE.search(line) and not _encodable(obj):
            raise BundleRejected(_("invalid UTF-8 in {where} (lone surrogate)").format(where=where))
        self._sink.record(self._kind, obj)


def _encodable(value: Any) -> bool:
    """True if every string inside can be encoded as UTF-8 (no lone surrogates)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return False
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return True


def _check_manifest_shape(data: bytes, max_members: int) -> None:
    """Refuse a manifest that could only be parsed at a cost far beyond its member limit.

    The manifest is parsed before its signature can be checked (the signing key is inside), so
    a forged one must not be able to cost much: JSON of tens of MiB made of tiny objects or
    lists (``[{},{},…]``) would become millions of Python objects. A real manifest has one
    object and three commas per member, plus a few for the sender (whose name may hold up to
    1000 of either); counting bytes bounds what json.loads builds, in one pass over the bytes.
    """
    slack = 1100
    if (data.count(b"{") + data.count(b"[") > max_members + slack
            or data.count(b",") > 4 * max_members + slack):
        raise BundleRejected(_("too many members"))


_SIGNING_KEY = re.compile(rb'"ed25519_public_key":"([A-Za-z0-9+/]{43}=)"')


def _refuse_forgery_early(manifest_bytes: bytes, signature: bytes) -> None:
    """Check the signature with the key the manifest names BEFORE parsing all of it, so a
    forged manifest of 100,000 rows costs no more than its bytes. The key is found in the raw
    bytes: inside a JSON string a quote is always escaped, so this pattern can only be the
    sender's field itself. If it is not there exactly once, the full parse decides (and the
    signature is checked again after it in any case)."""
    found = _SIGNING_KEY.findall(manifest_bytes)
    if len(found) != 1:
        return
    try:
        key = base64.b64decode(found[0], validate=True)
        Ed25519PublicKey.from_public_bytes(key).verify(signature, manifest_bytes)
    except (InvalidSignature, ValueError, binascii.Error) as exc:
        raise BundleRejected(_("signature invalid")) from exc


def _signed_manifest(manifest_bytes: bytes, signature: bytes, limits: Limits) -> VerifiedManifest:
    """Parse the manifest (after a cheap check of its shape) and verify its signature."""
    _refuse_forgery_early(manifest_bytes, signature)
    _check_manifest_shape(manifest_bytes, limits.max_members)
    manifest = parse_manifest(manifest_bytes)
    try:
        Ed25519PublicKey.from_public_bytes(manifest.sender.ed25519_public_key).verify(
            signature, manifest_bytes
        )
    except (InvalidSignature, ValueError) as exc:
        raise BundleRejected(_("signature invalid")) from exc
    return VerifiedManifest(manifest, manifest_bytes, signature)


def _verify(walker: _ArchiveWalker, limits: Limits = DEFAULT_LIMITS) -> VerifiedManifest:
    """Version 1 (manifest last): signature first, then every member against the manifest's
    rows. Version 2 was verified as it was read."""
    if walker.verified is not None:
        return walker.verified
    assert walker.manifest_bytes is not None and walker.signature is not None
    verified = _signed_manifest(walker.manifest_bytes, walker.signature, limits)
    manifest = verified.manifest
    if manifest.version != 1:
        raise BundleRejected(_("manifest is malformed ({what})").format(
            what=f"version {manifest.version} puts the manifest first"))
    listed = {row.path: row for row in manifest.members}
    for path, packed in walker.seen.items():
        sha, size = packed[:32].hex(), int.from_bytes(packed[32:], "big")
        row = listed.get(path)
        if row is None:
            raise BundleRejected(_("member not in the manifest: {show}").format(show=_show(path)))
        if row.size != size:
            raise BundleRejected(_("member size mismatch: {path}").format(path=path))
        if row.sha256 != sha:
            raise BundleRejected(_("member hash mismatch: {path}").format(path=path))
    for path in listed:
        if path not in walker.seen:
            raise BundleRejected(_("member missing: {path}").format(path=path))
    return VerifiedManifest(manifest, walker.manifest_bytes, walker.signature)


def _source_size(src: Any) -> int:  # probes fileno/tell/seek: each may be missing or fail
    try:
        return max(os.fstat(src.fileno()).st_size - src.tell(), 0)
    except (OSError, AttributeError, ValueError, io.UnsupportedOperation):
        pass
    try:
        here = src.tell()
        end = src.seek(0, io.SEEK_END)
        src.seek(here)
        return max(end - here, 0)
    except (OSError, AttributeError, ValueError, io.UnsupportedOperation):
        return 0


def _parse_identities(identities: list[str]) -> list[Any]:
    if not identities:
        raise ValueError("read_bundle needs at least one age identity")
    try:
        return [age_decrypt.parse_identity(text) for text in identities]
    except ValueError as exc:  # the caller's bug, not hostile input
        raise ValueError("invalid age identity") from exc


def read_bundle(
    src: BundleSource,
    identities: list[str],
    sink: BundleSink,
    *,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress | None = None,
    cancel: Any = None,
) -> VerifiedManifest:
    """Decrypt, parse and verify one bundle, streaming its content to ``sink``.

    ``identities`` are ``AGE-SECRET-KEY-1…`` strings. Returns only if every check passed;
    raises BundleRejected (with ``.reason``) or Cancelled otherwise, in which case whatever the
    sink staged must be discarded. Exceptions raised by the sink itself propagate unchanged.
    """
    age_identities = _parse_identities(identities)
    total = _source_size(src)
    source = _Source(src)
    handoff = _Handoff()
    decrypt_error: list[BaseException] = []

    def decrypt() -> None:
        try:
            age_decrypt.decrypt_io(cast(BinaryIO, source), handoff, age_identities)  # it only reads
        except BaseException as exc:  # noqa: BLE001 - classified on the calling thread
            decrypt_error.append(exc)
        finally:
            handoff.close()

    def tick() -> None:
        check_cancel(cancel)
        if progress is not None:
            progress(min(source.count, total) if total else source.count, total)

    walker = _ArchiveWalker(handoff, sink, limits, tick)
    archive_error: BaseException | None = None
    worker = threading.Thread(target=decrypt, name="bundle-decrypt", daemon=True)
    worker.start()
    try:
        walker.walk()
    except tarstream.ArchiveEnded:
        archive_error = BundleRejected(_("truncated"))
    except BundleRejected as exc:
        archive_error = exc
    finally:
        handoff.hang_up()  # a decrypt_io still writing gets BrokenPipeError and returns
        worker.join()
        walker.close()
    # Only reached without Cancelled or a sink exception, which propagate from the finally above.
    if decrypt_error and not handoff.broken:
        raise BundleRejected(
            _decryption_reason(decrypt_error[0], source)
        ) from decrypt_error[0]
    if archive_error is not None:
        raise archive_error
    if (
        decrypt_error
    ):  # we hung up although the archive was fine: cannot happen, but never pass it
        raise BundleRejected(_("corrupted (could not decrypt)")) from decrypt_error[0]
    if progress is not None:
        progress(total or source.count, total or source.count)
    return _verify(walker, limits)
