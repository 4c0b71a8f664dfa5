"""Streaming bundle writer: tar members -> age encryption -> ``out``.

The tar stream is produced piece by piece by a generator on the calling thread (so progress
and cancel run there too) and each piece goes straight into the age encryptor
(journal/bundle/age_encrypt.py), which writes ciphertext to ``out`` as it goes. No plaintext
ever touches the disk, and memory stays bounded by CHUNK_SIZE (plus whatever a member's
stream reads ahead).
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, BinaryIO, Protocol, cast

from journal.exchange.bundle import tarstream
from journal.storage.atomic import atomic_output
from journal.progress import Progress, check_cancel
from journal.exchange.bundle.age_encrypt import AgeEncryptor, RecipientInvalid, parse_recipient
from journal.exchange.bundle.errors import BundleWriteError
from journal.exchange.bundle.identity import Identity
from journal.exchange.bundle.manifest import (
    Manifest,
    MemberDigest,
    Sender,
    format_timestamp,
    serialize_manifest,
)
from journal.exchange.bundle.names import (
    MANIFEST_NAME,
    SIGNATURE_NAME,
    is_attachment,
    is_content_member,
    write_rank,
)
from journal.errors import JournalError
from journal.i18n import _

CHUNK_SIZE = 1024 * 1024
BUNDLE_SUFFIX = ".ijbundle"

class MemberStream(Protocol):
    """An attachment's bytes as the writer reads them: a binary file, or a wrapper that cleans
    or checks them on the way (journal/exchange/exporter.py). Closed after use if it has ``close``."""

    def read(self, size: int = -1, /) -> bytes: ...


class BundleOutput(Protocol):
    """Where the encrypted bundle goes: a binary file, or a wrapper that hashes it on the way.
    Flushed at the end if it has ``flush``."""

    def write(self, data: bytes, /) -> object: ...


MemberSource = bytes | Callable[[], MemberStream]


@dataclass(frozen=True)
class Member:
    """One file to put in the bundle.

    ``source`` is the bytes themselves (small JSONL members) or a callable that opens a binary
    stream (attachments streamed from the database). The stream must yield exactly ``size``
    bytes; it is closed after use. ``sha256`` is the content's digest when the caller knows it
    for certain (content stored in the journal under that digest): the writer then trusts it
    instead of hashing the bytes a second time.
    """

    path: str
    size: int
    source: MemberSource
    sha256: str | None = None


@dataclass(frozen=True)
class BundleInfo:
    """What was written: the signed manifest and how many encrypted bytes went to ``out``."""

    manifest: Manifest
    manifest_bytes: bytes
    signature: bytes
    encrypted_size: int

    @property
    def bundle_id(self) -> str:
        return self.manifest.bundle_id


class _CountingOutput:
    """Wraps ``out`` to count bytes and tell a write error from a member's read error."""

    def __init__(self, out: BundleOutput) -> None:
        self._out = out
        self.count = 0
        self.error: BaseException | None = None

    def write(self, data: bytes) -> int:
        try:
            self._out.write(data)
        except BaseException as exc:
            self.error = exc
            raise
        self.count += len(data)
        return len(data)

    def flush(self) -> None:
        flush = getattr(self._out, "flush", None)
        if flush is not None:
            flush()


def _parse_recipients(recipients: list[str]) -> list[bytes]:
    """The recipients' X25519 keys, checked before anything is written."""
    if not recipients:
        raise BundleWriteError(_("A bundle needs at least one recipient."))
    keys = []
    for text in recipients:
        try:
            keys.append(parse_recipient(text))
        except RecipientInvalid as exc:
            raise BundleWriteError(
                _("Not a valid age recipient: {text!r}.").format(text=str(text)[:80])
            ) from exc
    return keys


def _ordered_members(members: Iterable[Member]) -> list[Member]:
    ordered = sorted(
        members, key=lambda m: write_rank(m.path)
    )  # stable: caller's order inside a rank
    seen: set[str] = set()
    for member in ordered:
        if not is_content_member(member.path):
            raise BundleWriteError(
                _("Not an allowed bundle member name: {path!r}.").format(path=member.path)
            )
        if member.path in seen:
            raise BundleWriteError(_("Bundle member given twice: {path}.").format(path=member.path))
        if member.size < 0:
            raise BundleWriteError(_("Negative size for bundle member {path}.").format(path=member.path))
        seen.add(member.path)
    return ordered


def _chunks(member: Member) -> Iterable[bytes]:
    """Yield the member's bytes in chunks, enforcing the declared size exactly."""
    if isinstance(member.source, (bytes, bytearray, memoryview)):
        data = memoryview(member.source)
        if len(data) != member.size:
            raise BundleWriteError(
                _("member size mismatch: {path} (declared {size} bytes, got {count})").format(path=member.path, size=member.size, count=len(data))
            )
        for start in range(0, len(data), CHUNK_SIZE):
            yield bytes(data[start : start + CHUNK_SIZE])
        return
    try:
        stream = member.source()
    except OSError as exc:
        raise BundleWriteError(
            _("Could not read {path}: {value}.").format(path=member.path, value=exc.strerror or exc)
        ) from exc
    try:
        remaining = member.size
        while remaining:
            chunk = stream.read(min(CHUNK_SIZE, remaining))
            if not chunk:
                raise BundleWriteError(
                    _("member size mismatch: {path} (declared {size} bytes, got {size2})").format(path=member.path, size=member.size, size2=member.size - remaining)
                )
            if len(chunk) > remaining:
                raise BundleWriteError(
                    _("member size mismatch: {path} (stream gave more bytes)").format(path=member.path)
                )
            remaining -= len(chunk)
            yield bytes(chunk)
        if stream.read(1):
            raise BundleWriteError(
                _("member size mismatch: {path} (declared {size} bytes, got more)").format(path=member.path, size=member.size)
            )
    except OSError as exc:
        raise BundleWriteError(
            _("Could not read {path}: {value}.").format(path=member.path, value=exc.strerror or exc)
        ) from exc
    finally:
        close = getattr(stream, "close", None)
        if close is not None:
            close()


def _digest_first(member: Member, cancel: Any) -> str:
    """The member's SHA-256 before it is written (for the manifest that comes first)."""
    if member.sha256 is not None:
        return member.sha256
    if is_attachment(member.path):
        return member.path.rsplit("/", 1)[-1]  # its name; checked against the bytes as written
    digest = hashlib.sha256()
    for chunk in _chunks(member):  # bytes in memory, or (rarely) a stream read an extra time
        check_cancel(cancel)
        digest.update(chunk)
    return digest.hexdigest()


class _TarProducer:
    """Produces the tar stream as pieces (headers, content chunks, padding), hashing members."""

    def __init__(self, mtime: int, cancel: Any, progress: Progress | None, total: int) -> None:
        self._mtime = mtime
        self._cancel = cancel
        self._progress = progress
        self._total = total
        self._done = 0
        self.tar_bytes = 0

    def member(self, member: Member, digests: list[MemberDigest]) -> Iterator[bytes]:
        """Yield one member's pieces; its digest is appended to ``digests`` once it is complete."""
        check_cancel(self._cancel)
        yield self._count(tarstream.member_header(member.path, member.size, self._mtime))
        digest = hashlib.sha256() if member.sha256 is None else None
        for chunk in _chunks(member):
            check_cancel(self._cancel)
            if digest is not None:
                digest.update(chunk)
            yield self._count(chunk)
            self._done += len(chunk)
            if self._progress is not None:
                self._progress(self._done, self._total)
        yield self._count(tarstream.padding(member.size))
        # No digest was made exactly when the member came with its SHA-256.
        sha = digest.hexdigest() if digest is not None else cast(str, member.sha256)
        if is_attachment(member.path) and member.path != f"attachments/{sha}":
            raise BundleWriteError(
                _("Attachment content does not match its name: {path}.").format(path=member.path)
            )
        digests.append(MemberDigest(member.path, member.size, sha))

    def end(self) -> bytes:
        return self._count(tarstream.end_of_archive(self.tar_bytes))

    def _count(self, data: bytes) -> bytes:
        self.tar_bytes += len(data)
        return data


def write_bundle(
    out: BundleOutput,
    recipients: list[str],
    sender: Identity,
    sender_name: str,
    members: Iterable[Member],
    *,
    bundle_id: str | None = None,
    created_at: datetime | None = None,
    progress: Progress | None = None,
    cancel: Any = None,
) -> BundleInfo:
    """Write one encrypted, signed bundle to ``out`` in a single streaming pass.

    Raises BundleWriteError (bad recipient or member, write failure), Cancelled, or any
    JournalError raised by a member's stream. On error ``out`` holds garbage: the caller
    discards it (``write_bundle_file`` does this for you).
    """
    age_recipients = _parse_recipients(recipients)
    sender_name = sender_name.strip()
    if not sender_name:
        raise BundleWriteError(_("The sender's display name is empty."))
    ordered = _ordered_members(members)
    moment = created_at or datetime.now(UTC)
    created_text = format_timestamp(moment)
    mtime = int(datetime.fromisoformat(created_text).timestamp())
    bundle_id = str(uuid.UUID(bundle_id)) if bundle_id else str(uuid.uuid4())
    total = sum(m.size for m in ordered)
    check_cancel(cancel)

    producer = _TarProducer(mtime, cancel, progress, total)
    signed: list[tuple[Manifest, bytes, bytes]] = []

    def pieces() -> Generator[bytes, None, None]:
        # Format version 2: the signed manifest comes FIRST, so a reader checks the signature
        # before any content. Every member's digest is known before its bytes are written: an
        # attachment is named by its SHA-256, JSONL members are bytes in memory (hashed here),
        # and anything else is read once to hash it. The bytes are checked against the
        # manifest as they are written (a mismatch fails the write; the file is discarded).
        digests = tuple(MemberDigest(m.path, m.size, _digest_first(m, cancel)) for m in ordered)
        manifest = Manifest(
            bundle_id,
            created_text,
            Sender(sender_name, sender.signing_public_key, sender.age_recipient),
            digests,
        )
        manifest_bytes = serialize_manifest(manifest)
        signature = sender.sign(manifest_bytes)
        signed.append((manifest, manifest_bytes, signature))
        yield from producer.member(Member(MANIFEST_NAME, len(manifest_bytes), manifest_bytes), [])
        yield from producer.member(Member(SIGNATURE_NAME, len(signature), signature), [])
        for member, listed in zip(ordered, digests):
            written: list[MemberDigest] = []
            yield from producer.member(member, written)
            if written[0].sha256 != listed.sha256:
                raise BundleWriteError(
                    _("member changed while the bundle was written: {path}").format(path=member.path))
        yield producer.end()

    output = _CountingOutput(out)
    produced = pieces()
    try:
        encryptor = AgeEncryptor(cast(BinaryIO, output), age_recipients)  # it only writes and flushes
        for piece in produced:
            encryptor.write(piece)
        encryptor.close()
    except OSError as err:
        if output.error is None:
            raise
        detail = getattr(err, "strerror", None) or str(err)
        raise BundleWriteError(_("Could not write the bundle: {detail}.").format(detail=detail)) from err
    finally:
        produced.close()  # closes a member stream left open by an error or cancel
    manifest, manifest_bytes, signature = signed[0]  # the generator ran to its end
    return BundleInfo(manifest, manifest_bytes, signature, output.count)


def write_bundle_file(
    path: str | os.PathLike[str],
    recipients: list[str],
    sender: Identity,
    sender_name: str,
    members: Iterable[Member],
    **options: Any,
) -> BundleInfo:
    """Write a bundle to ``path`` atomically: nothing is left behind on error or cancel."""
    try:
        with atomic_output(path) as handle:
            return write_bundle(
                handle, recipients, sender, sender_name, members, **options
            )
    except JournalError:
        raise
    except OSError as exc:
        raise BundleWriteError(
            _("Could not write the bundle file: {value}.").format(value=exc.strerror or exc)
        ) from exc
