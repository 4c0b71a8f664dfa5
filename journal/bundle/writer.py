"""Streaming bundle writer: tar members -> os.pipe() -> age encryption -> ``out``.

The tar stream is produced on the calling thread (so progress and cancel run there) and
encrypted by ``pyrage.encrypt_io`` on a worker thread reading the other end of a pipe.
No plaintext ever touches the disk, and memory stays bounded by CHUNK_SIZE.
"""

from __future__ import annotations

import hashlib
import os
import threading
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, BinaryIO

import pyrage

from journal.bundle import tarstream
from journal.bundle._atomic import atomic_output
from journal.bundle._cancel import check_cancel
from journal.bundle.errors import BundleWriteError
from journal.bundle.identity import Identity
from journal.bundle.manifest import (
    Manifest,
    MemberDigest,
    Sender,
    format_timestamp,
    serialize_manifest,
)
from journal.bundle.names import (
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

MemberSource = bytes | Callable[[], BinaryIO]
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Member:
    """One file to put in the bundle.

    ``source`` is the bytes themselves (small JSONL members) or a callable that opens a binary
    stream (attachments streamed from the database). The stream must yield exactly ``size``
    bytes; it is closed after use.
    """

    path: str
    size: int
    source: MemberSource


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


class _PipeFeed:
    """Read end of the pipe as seen by encrypt_io; an EOF the producer did not mean is an error."""

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self.producer_finished = False

    def read(self, size: int = -1) -> bytes:
        data = os.read(self._fd, size if size and size > 0 else CHUNK_SIZE)
        if not data and not self.producer_finished:
            # Without this, a failed or cancelled producer would still yield a valid age file.
            raise BrokenPipeError(_("bundle producer stopped early"))
        return data


class _CountingOutput:
    """Wraps ``out`` to count bytes and keep the real error (pyrage only keeps its text)."""

    def __init__(self, out: BinaryIO) -> None:
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


def _parse_recipients(recipients: list[str]) -> list[Any]:
    if not recipients:
        raise BundleWriteError(_("A bundle needs at least one recipient."))
    parsed = []
    for text in recipients:
        try:
            parsed.append(pyrage.x25519.Recipient.from_str(text))
        except Exception as exc:  # pyrage.RecipientError
            raise BundleWriteError(
                _("Not a valid age recipient: {text!r}.").format(text=text[:80])
            ) from exc
    return parsed


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


class _TarProducer:
    """Writes the tar stream into the pipe, hashing members as they pass."""

    def __init__(
        self,
        pipe: BinaryIO,
        mtime: int,
        cancel: Any,
        progress: Progress | None,
        total: int,
    ) -> None:
        self._pipe = pipe
        self._mtime = mtime
        self._cancel = cancel
        self._progress = progress
        self._total = total
        self._done = 0
        self.tar_bytes = 0

    def _write(self, data: bytes) -> None:
        self._pipe.write(data)
        self.tar_bytes += len(data)

    def add(self, member: Member) -> MemberDigest:
        check_cancel(self._cancel)
        self._write(tarstream.member_header(member.path, member.size, self._mtime))
        digest = hashlib.sha256()
        for chunk in _chunks(member):
            check_cancel(self._cancel)
            digest.update(chunk)
            self._write(chunk)
            self._done += len(chunk)
            if self._progress is not None:
                self._progress(self._done, self._total)
        self._write(tarstream.padding(member.size))
        sha = digest.hexdigest()
        if is_attachment(member.path) and member.path != f"attachments/{sha}":
            raise BundleWriteError(
                _("Attachment content does not match its name: {path}.").format(path=member.path)
            )
        return MemberDigest(member.path, member.size, sha)

    def add_bytes(self, path: str, data: bytes) -> None:
        self.add(Member(path, len(data), data))

    def finish(self) -> None:
        self._write(tarstream.end_of_archive(self.tar_bytes))


def write_bundle(
    out: BinaryIO,
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

    read_fd, write_fd = os.pipe()
    feed = _PipeFeed(read_fd)
    output = _CountingOutput(out)
    worker_error: list[BaseException] = []

    def encrypt() -> None:
        try:
            pyrage.encrypt_io(feed, output, age_recipients)
        except BaseException as exc:  # noqa: BLE001 - reported to the calling thread below
            worker_error.append(exc)
        finally:
            os.close(read_fd)  # unblocks the producer with EPIPE if we stopped early

    worker = threading.Thread(target=encrypt, name="bundle-encrypt", daemon=True)
    worker.start()
    pipe = open(write_fd, "wb", buffering=CHUNK_SIZE)  # noqa: SIM115 - closed in finally
    producer = _TarProducer(pipe, mtime, cancel, progress, total)
    manifest: Manifest | None = None
    manifest_bytes = signature = b""
    try:
        digests = [producer.add(member) for member in ordered]
        manifest = Manifest(
            bundle_id,
            created_text,
            Sender(sender_name, sender.signing_public_key, sender.age_recipient),
            tuple(digests),
        )
        manifest_bytes = serialize_manifest(manifest)
        signature = sender.sign(manifest_bytes)
        producer.add_bytes(MANIFEST_NAME, manifest_bytes)
        producer.add_bytes(SIGNATURE_NAME, signature)
        producer.finish()
        pipe.flush()
        feed.producer_finished = True
    except BrokenPipeError:
        pass  # the encryption side died first; its error is reported below
    finally:
        try:
            pipe.close()
        except OSError:
            pass
        worker.join()
    if worker_error:
        if output.error is not None:
            err = output.error
            detail = getattr(err, "strerror", None) or str(err)
            raise BundleWriteError(_("Could not write the bundle: {detail}.").format(detail=detail)) from err
        if feed.producer_finished:
            raise BundleWriteError(
                _("Encryption failed: {worker_error}.").format(worker_error=worker_error[0])
            ) from worker_error[0]
        raise BundleWriteError(
            _("Encryption stopped before the bundle was complete.")
        ) from worker_error[0]
    assert manifest is not None
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
