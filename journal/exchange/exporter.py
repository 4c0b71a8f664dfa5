"""Export: chosen entries (with their people, contact log and attachments) as one bundle.

Selection is explicit entry ids, "everything new or changed since the last bundle to these
coordinators", or all. Imported entries (rows with provenance, received from documenters) are
never part of "since last" or "all": they are not this journal's own records. Choosing them by
id still sends them (a coordinator forwarding an entry on purpose).

A stripped attachment is cleaned once, while it is written. The signed manifest comes first
and names every member's SHA-256 and size, so those must be known before the bytes: they are
recorded beside the attachment (``stripped_sha256``, ``stripped_size``: at attach time for
photos, else the first time the file is cleaned; cleaning is deterministic). A file without
them is cleaned in a first pass: a video, recording, PDF or document into an encrypted spool
that the write then sends (up to KEEP_SPOOL_BYTES in all; beyond, it is cleaned again at
write time), a photo only to hash it (cheap). What a first pass learns is recorded, so the
next bundle cleans once. Should a recorded value no longer match what the cleaner writes
(another version of a library), the file is discarded, the values forgotten, and the export
runs once more with a first pass. Attachments sent as stored (not stripped) are read once, ahead of the
writer, by journal.bundle_source on worker threads with their own read-only connections, and
their stored SHA-256 (the content's key in the journal) names them without hashing them again.
No pass keeps more than a few chunks in memory, and nothing is written to disk except the
encrypted bundle (atomically: a cancel leaves no file).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import queue
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from journal.exchange.bundle import Member, write_bundle
from journal.storage.atomic import atomic_output
from journal.progress import Progress, check_cancel, is_cancelled
from journal.exchange.bundle.errors import BundleWriteError
from journal.exchange.bundle.writer import MemberStream
from journal.exchange.bundle_source import STORED_BLOB_COLUMNS, BlobPrefetcher, StoredBlob
from journal.exchange.identity import Coordinator, CoordinatorStore, IdentityStore
from journal.records.attachments import AttachmentStore
from journal.records.contact_log import ContactLogStore
from journal.records.entries import Entry, EntryStore
from journal.records.forms import FormStore
from journal.records.people import PeopleStore
from journal.storage.blobfiles import BlobFiles
from journal.storage.db import Database
from journal.records.revisions import GENESIS_HASH
from journal.errors import Cancelled, InvalidInput, JournalError
from journal.media import MediaError
from journal.media.strip import (
    SEEKING_TYPES,
    StripResult,
    can_clean,
    cleaned_media_type,
    strip_metadata,
    strip_to_spool,
    uncleaned_risks,
)
from journal.exchange.records_jsonl import AttachmentRef, contact_log_record, entry_record, person_record
from journal.i18n import _

CHUNK_SIZE = 1024 * 1024
_QUEUE_CHUNKS = 4
#: Attachments cleaned ahead of the one being written (each on its own thread, at most
#: _QUEUE_CHUNKS MiB of it waiting): bench/bench_bundles.py --photos.
_CLEAN_AHEAD = 1
_PREFETCH_CACHE_KIB = 2048
_OUTPUT_QUEUE = 4  # MiB of encrypted bundle waiting to be hashed and written
_WRITEBACK_BYTES = 32 * 1024 * 1024  # start the kernel's writeback of the bundle this often
#: Cleaned copies of videos, recordings and documents kept in encrypted spools between the first
#: pass and the write (disk space on top of the bundle's); bigger ones are cleaned again instead.
KEEP_SPOOL_BYTES = 4 * 1024 * 1024 * 1024


@dataclass(frozen=True)
class _PrefetchSlot:
    index: int
    sha256: str


class _ReaderConnection:
    """The connection of a JournalReader, closed through the reader (so it is marked closed)."""

    def __init__(self, reader) -> None:
        self._reader = reader

    def execute(self, sql: str, params=()):
        return self._reader.db.conn.execute(sql, params)

    def close(self) -> None:
        self._reader.close()


class NothingToSend(InvalidInput):
    """The selection is empty: no bundle was written."""


class ExportError(JournalError):
    """An export could not be completed; no file was left behind."""


@dataclass(frozen=True)
class ExportOptions:
    """What the sender chose to leave out."""

    strip_metadata: bool = True
    #: Send a file that cannot be cleaned (unknown type, damaged) as it is, with a warning,
    #: instead of refusing the bundle. Only meaningful with strip_metadata.
    allow_uncleaned: bool = False
    include_attachments: bool = True
    max_attachment_bytes: int | None = None
    omit_contact_details: bool = False
    include_contact_log: bool = True
    #: Drafts chosen by --since-last or --all go too (False: only final entries; named entries always go).
    include_drafts: bool = True


@dataclass
class ExportResult:
    bundle_id: str
    path: Path
    recipients: list[str]
    entry_count: int
    person_count: int
    log_count: int
    attachment_count: int
    file_sha256: str
    file_size: int
    warnings: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"bundle_id": self.bundle_id, "file": str(self.path), "recipients": self.recipients,
                "entries": self.entry_count, "people": self.person_count, "contact_log": self.log_count,
                "attachments": self.attachment_count, "file_sha256": self.file_sha256,
                "file_size": self.file_size, "warnings": self.warnings}


@dataclass(frozen=True)
class SentBundle:
    bundle_id: str
    created_at: str
    recipients: list[dict[str, Any]]
    entry_count: int
    person_count: int
    log_count: int
    attachment_count: int
    file_sha256: str
    file_size: int
    file_name: str

    def as_json(self) -> dict[str, Any]:
        return {"bundle_id": self.bundle_id, "created_at": self.created_at, "recipients": self.recipients,
                "entries": self.entry_count, "people": self.person_count, "contact_log": self.log_count,
                "attachments": self.attachment_count, "file_sha256": self.file_sha256,
                "file_size": self.file_size, "file_name": self.file_name}


@dataclass
class _PlannedAttachment:
    uuid: str
    entry_uuid: str
    sha256: str
    size: int
    stripped: bool
    media_type: str
    file_name: str
    position: int


@dataclass(frozen=True)
class _StoredContent:
    """An attachment sent exactly as stored: read ahead by a BlobPrefetcher at write time."""

    blob: StoredBlob
    sha256: str


# --- streams ---------------------------------------------------------------------------------
class _HashOnly:
    """A write target that only counts (pass one of stripping)."""

    def write(self, data) -> int:
        return len(data)


class _StrippedStream:
    """Pull-side view of strip_metadata's push output: a worker thread strips into a small
    bounded queue, the bundle writer reads from it. At most _QUEUE_CHUNKS chunks in memory."""

    def __init__(self, open_source: Callable[[], BinaryIO], media_type: str, size: int) -> None:
        self._queue: queue.Queue = queue.Queue(maxsize=_QUEUE_CHUNKS)
        self._stop = threading.Event()
        self._buffer = b""
        self._done = False
        self._error: BaseException | None = None
        #: What strip_metadata reported (its SHA-256 was computed on the stripping thread),
        #: set before the end of the stream is handed over.
        self.result: StripResult | None = None
        self._thread = threading.Thread(target=self._run, args=(open_source, media_type, size),
                                        name="bundle-strip", daemon=True)
        self._thread.start()

    def _put(self, item) -> None:
        while True:
            if self._stop.is_set():
                raise Cancelled()
            try:
                self._queue.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def _run(self, open_source, media_type: str, size: int) -> None:
        stream = self
        writer = _QueueWriter(stream)
        try:
            with open_source() as src:
                self.result = strip_metadata(src, writer, media_type, total=size,
                                             cancel=self._stop.is_set)
            writer.flush()
            self._put(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the reading side
            self._error = exc
            try:
                self._put(None)
            except Cancelled:
                pass

    def read(self, size: int = -1) -> bytes:
        while not self._buffer and not self._done:
            item = self._queue.get()
            if item is None:
                self._done = True
                if self._error is not None and not isinstance(self._error, Cancelled):
                    raise ExportError(_("Could not clean an attachment for the bundle: {error}").format(error=self._error))
            else:
                self._buffer = item
        if size is None or size < 0:
            size = len(self._buffer)
        piece, self._buffer = self._buffer[:size], self._buffer[size:]
        return piece

    def close(self) -> None:
        self._stop.set()
        while self._thread.is_alive():
            try:
                self._queue.get(timeout=0.1)
            except queue.Empty:
                pass
        self._thread.join()


class _CleanAhead:
    """Cleaned copies started before the writer asks for them: when it opens the i-th one, the
    cleaning of the next _CLEAN_AHEAD starts, so one photo's cleaning (decrypting, parsing,
    hashing, on its own thread) overlaps with the encryption of the one before, instead of the
    writer waiting for each to begin. Memory: at most _QUEUE_CHUNKS MiB per started copy."""

    def __init__(self, sources: list[_Verified]) -> None:
        #: The copies cleaned while written, in the writer's order.
        self.sources = sources
        self._started: dict[int, MemberStream] = {}

    def open(self, index: int) -> MemberStream:
        stream = self._started.pop(index, None)
        if stream is None:
            stream = self.sources[index]()
        for ahead in range(index + 1, min(index + 1 + _CLEAN_AHEAD, len(self.sources))):
            if ahead not in self._started:
                self._started[ahead] = self.sources[ahead]()
        return stream

    def close(self) -> None:
        """Stop what was started and never read (a failed or cancelled export)."""
        for stream in self._started.values():
            close = getattr(stream, "close", None)
            if close is not None:
                close()
        self._started.clear()


class _StaleStripped(Exception):
    """A recorded stripped hash or size did not match what cleaning wrote (export() retries)."""

    def __init__(self, attachment_id: int) -> None:
        super().__init__(attachment_id)
        self.attachment_id = attachment_id


class _Verified:
    """A member source that checks its own bytes against the planned SHA-256 and size (a
    cleaned copy: strip_metadata hashes it on the stripping thread; a spool: hashed when it
    was filled), so the bundle writer is given the hash and does not hash the bytes again.
    ``ahead``: a copy cleaned while it is written, which _CleanAhead may start early."""

    def __init__(self, open_stream: Callable[[], MemberStream], ahead: bool = False) -> None:
        self._open = open_stream
        self.ahead = ahead

    def __call__(self) -> MemberStream:
        return self._open()


class _CheckedStream:
    """A cleaned copy being made while it is written, named by a hash and size known before:
    raises _StaleStripped (before the writer completes the member) when the bytes differ, so
    the export can forget a stale record and run again. The hash is the one strip_metadata
    computed on its own thread; this only counts."""

    def __init__(self, inner: "_StrippedStream", sha256: str, size: int, attachment_id: int) -> None:
        self._inner = inner
        self._sha256 = sha256
        self._size = size
        self._id = attachment_id
        self._count = 0

    def read(self, size: int = -1) -> bytes:
        try:
            data = self._inner.read(size)
        except ExportError:
            raise _StaleStripped(self._id) from None
        self._count += len(data)
        if self._count > self._size:
            raise _StaleStripped(self._id)
        if not data:  # the end: the writer asks for one more byte after the declared size
            result = self._inner.result
            if self._count != self._size or result is None or result.sha256 != self._sha256:
                raise _StaleStripped(self._id)
        return data

    def close(self) -> None:
        self._inner.close()


class _SpoolStream:
    """Reads a cleaned copy kept in a spool by the first pass (the spool is closed by export)."""

    def __init__(self, spool) -> None:
        self._spool = spool
        spool.seek(0)

    def read(self, size: int = -1) -> bytes:
        return self._spool.read(CHUNK_SIZE if size is None or size < 0 else size)

    def close(self) -> None:
        pass


class _QueueWriter:
    def __init__(self, stream: _StrippedStream) -> None:
        self._stream = stream
        self._pending = bytearray()

    def write(self, data) -> int:
        n = len(data)
        if not self._pending and n >= CHUNK_SIZE // 2 and isinstance(data, bytes):
            # A JPEG's scan data comes in pieces of about a MiB, already bytes (immutable):
            # handed over as they are instead of copied in and out of the buffer.
            self._stream._put(data)
            return n
        self._pending += data
        if len(self._pending) >= CHUNK_SIZE:
            self._stream._put(bytes(self._pending))
            self._pending.clear()
        return n

    def flush(self) -> None:
        if self._pending:
            self._stream._put(bytes(self._pending))
            self._pending.clear()


class _HashingOutput:
    """Counts and hashes the encrypted bytes and writes them to the file, on a thread of its own.

    The age encryptor hands over 64 KiB pieces on the thread building the bundle; hashing them
    (about 0.6 ms per MiB) and writing them there would add to that thread's work, while
    hashlib and file writes release the GIL and can run on the other core. At most _OUTPUT_QUEUE MiB wait.
    ``close()`` waits for every piece and raises the first write error.
    """

    def __init__(self, out: BinaryIO) -> None:
        self._out = out
        self.digest = hashlib.sha256()
        self.size = 0
        self.error: BaseException | None = None
        #: The encryptor's pieces (fresh bytes each, never reused by it), handed over as lists
        #: of about a MiB, joined on the output thread.
        self._pending: list[bytes] = []
        self._pending_size = 0
        self._queue: queue.Queue = queue.Queue(maxsize=_OUTPUT_QUEUE)
        self._thread = threading.Thread(target=self._run, name="bundle-output", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        unflushed = 0
        while True:
            pieces = self._queue.get()
            if pieces is None:
                return
            if self.error is not None:
                continue  # drain without writing after a failure
            try:
                data = b"".join(pieces)  # one copy (a bytearray grown and copied out made two)
                self._out.write(data)
                self.digest.update(data)
                unflushed += len(data)
                if unflushed >= _WRITEBACK_BYTES:
                    self._start_writeback()
                    unflushed = 0
            except BaseException as exc:  # noqa: BLE001 - raised on the writing side
                self.error = exc

    def _start_writeback(self) -> None:
        """Ask the kernel to start writing what we wrote so far (it does not wait for the disk).

        atomic_output fsyncs the bundle at the end; without this the whole file would still be
        dirty then, and that fsync would wait for every byte. Started early, the disk writes
        overlap with encryption. Only a hint: nothing depends on it succeeding."""
        advise = getattr(os, "posix_fadvise", None)
        fileno = getattr(self._out, "fileno", None)
        if advise is None or fileno is None:
            return
        try:
            self._out.flush()
            advise(fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        except (OSError, ValueError, AttributeError):
            pass

    def write(self, data) -> int:
        if self.error is not None:
            raise self.error
        # Handed over a MiB at a time: each hand-over costs the output thread a wait for the
        # GIL, which the encrypting thread holds (see journal/gil.py).
        self._pending.append(data if isinstance(data, bytes) else bytes(data))
        self._pending_size += len(data)
        if self._pending_size >= CHUNK_SIZE:
            self._queue.put(self._pending)
            self._pending, self._pending_size = [], 0
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        pass  # close() drains; the file itself is flushed and fsynced by atomic_output

    def abandon(self) -> None:
        """Stop the thread after a failure elsewhere (the file is discarded anyway)."""
        if self.error is None:
            self.error = Cancelled()
        self._pending, self._pending_size = [], 0
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def close(self) -> None:
        """Wait until every piece is written; raise the first error."""
        if self._pending and self.error is None:
            self._queue.put(self._pending)
            self._pending, self._pending_size = [], 0
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()
        if self.error is not None:
            raise self.error


# --- the exporter ------------------------------------------------------------------------------
class Exporter:
    """Writes bundles from a journal and keeps the sent history."""

    def __init__(self, db: Database, *, blob_files: BlobFiles, entries: EntryStore, people: PeopleStore,
                 contact_log: ContactLogStore, attachments: AttachmentStore, forms: FormStore,
                 identity: IdentityStore, coordinators: CoordinatorStore,
                 open_reader: Callable[[], Any] | None = None) -> None:
        """The stores it reads are handed in (journal/storage/vault.py builds them).
        ``open_reader`` opens a read-only connection of its own for the attachment
        prefetch workers; a view without one (a GUI reader) can select and list, not export."""
        self.db = db
        self.blob_files = blob_files
        self.entries = entries
        self.people = people
        self.contact_log = contact_log
        self.attachments = attachments
        self.forms = forms
        self.identity = identity
        self.coordinators = coordinators
        self._open_reader = open_reader

    # --- selection ---------------------------------------------------------------------------
    def select(self, coordinators: list[Coordinator], *, entries: list[str] | None = None,
               since_last: bool = False, all_entries: bool = False,
               include_attachments: bool = True, include_drafts: bool = True) -> list[Entry]:
        """The entries a bundle would carry (exactly one of the three ways must be chosen).

        Without `include_drafts`, drafts are left out of --since-last and --all (entries named
        in `entries` always go: the person picked them)."""
        chosen = sum([entries is not None, since_last, all_entries])
        if chosen != 1:
            raise InvalidInput(_("Choose the entries to send: give entry ids, --since-last or --all."))
        store = self.entries
        if entries is not None:
            picked: dict[str, Entry] = {}
            for ref in entries:
                entry = store.get(ref)
                if entry.deleted_at:
                    raise InvalidInput(_("Entry {uuid} is in the trash; restore it to send it.").format(uuid=entry.uuid))
                picked.setdefault(entry.uuid, entry)
            return list(picked.values())
        own = ("e.deleted_at IS NULL AND NOT EXISTS "
               "(SELECT 1 FROM provenance p WHERE p.kind = 'entry' AND p.local_id = e.id)")
        if all_entries:
            rows = self.db.query(f"SELECT e.id FROM entries e WHERE {own} ORDER BY e.id")
        else:
            ids: set[int] = set()
            attachment_clause = (
                " OR EXISTS (SELECT 1 FROM attachments a WHERE a.entry_id = e.id AND a.deleted_at IS NULL "
                "AND NOT EXISTS (SELECT 1 FROM sent_bundle_items i JOIN sent_bundle_recipients r "
                "ON r.bundle_id = i.bundle_id WHERE r.coordinator_id = ? AND i.kind = 'attachment' "
                "AND i.record_uuid = a.uuid))"
            ) if include_attachments else ""
            for coordinator in coordinators:
                params = [coordinator.id] * (2 if include_attachments else 1)
                rows = self.db.query(
                    f"SELECT e.id FROM entries e WHERE {own} AND (NOT EXISTS (SELECT 1 FROM sent_bundle_items i "
                    "JOIN sent_bundle_recipients r ON r.bundle_id = i.bundle_id WHERE r.coordinator_id = ? "
                    "AND i.kind = 'entry' AND i.record_uuid = e.uuid AND i.version = e.revision_hash)"
                    f"{attachment_clause})", params)
                ids.update(r[0] for r in rows)
            rows = [(i,) for i in sorted(ids)]
        found = [store.get_by_rowid(r[0]) for r in rows]
        return found if include_drafts else [e for e in found if e.status != "draft"]

    # --- export -----------------------------------------------------------------------------
    def export(self, out_path: str | os.PathLike[str], coordinators: list[str], *,
               entries: list[str] | None = None, since_last: bool = False, all_entries: bool = False,
               options: ExportOptions = ExportOptions(), progress: Progress | None = None,
               cancel: Any = None) -> ExportResult:
        """Write one bundle for one or more coordinators and record it in the sent history.

        Raises NothingToSend for an empty selection, Cancelled, or another JournalError; in
        every failure case no file is left at ``out_path``. ``progress(done, total)`` counts
        bytes; while stripped attachments are first hashed, ``total`` is 0 (not known yet).
        ``cancel`` is a callable, an Event-like object or an object with ``.cancelled``.
        """
        try:
            return self._export(out_path, coordinators, entries, since_last, all_entries, options, progress,
                                cancel, trust_recorded=True)
        except _StaleStripped as stale:
            # Recorded before a change of the cleaner: forget it, clean in a first pass this time.
            with self.db.transaction() as db:
                db.execute("UPDATE attachments SET stripped_sha256 = NULL, stripped_size = NULL WHERE id = ?",
                           (stale.attachment_id,))
            try:
                return self._export(out_path, coordinators, entries, since_last, all_entries, options, progress,
                                    cancel, trust_recorded=False)
            except _StaleStripped as again:  # cleaning gave other bytes twice in a row
                name = self.db.query_one("SELECT file_name FROM attachments WHERE id = ?", (again.attachment_id,))
                raise ExportError(_("member changed while the bundle was written: {path}").format(
                    path=name[0] if name else "")) from None

    def _export(self, out_path, coordinators: list[str], entries, since_last: bool, all_entries: bool,
                options: ExportOptions, progress: Progress | None, cancel: Any, *,
                trust_recorded: bool) -> ExportResult:
        if not coordinators:
            raise InvalidInput(_("Name at least one coordinator to send to (--to)."))
        targets: list[Coordinator] = []
        for ref in coordinators:
            coordinator = self.coordinators.active(ref)
            if all(c.id != coordinator.id for c in targets):
                targets.append(coordinator)
        selected = self.select(targets, entries=entries, since_last=since_last, all_entries=all_entries,
                               include_attachments=options.include_attachments,
                               include_drafts=options.include_drafts)
        if not selected:
            raise NothingToSend(
                _("Nothing to send: no entries match the selection (nothing new or changed since the last bundle).")
                if since_last else _("Nothing to send: no entries match the selection."))
        out_path = Path(out_path)
        if out_path.is_dir():
            raise InvalidInput(_("{out_path} is a folder; give a file name for the bundle.").format(out_path=out_path))
        warnings: list[str] = []
        plan = _Plan()
        plan.trust_recorded = trust_recorded
        try:
            return self._write(out_path, targets, selected, since_last, options, plan, warnings, progress, cancel)
        finally:
            for spool in plan.spools:
                spool.close()

    def _write(self, out_path: Path, targets: list[Coordinator], selected: list[Entry], since_last: bool,
               options: ExportOptions, plan: "_Plan", warnings: list[str], progress: Progress | None,
               cancel: Any) -> ExportResult:
        self._plan_records(selected, options, plan, warnings, cancel)
        attachments = self._plan_attachments(selected, options, plan, warnings, progress, cancel,
                                             since_last=since_last, targets=targets)
        members = self._members(plan, attachments, options)
        identity = self.identity.get()
        sender_name = self.identity.display_name
        pass_one = plan.pass_one_bytes
        member_total = sum(m.size for m in members)

        grand_total = pass_one + member_total

        def write_progress(done: int, total: int) -> None:
            # write_bundle also counts the manifest and signature: clamp so done never passes total.
            if progress is not None:
                progress(min(pass_one + done, grand_total), grand_total)

        members, stored = self._resolve_stored(members)
        members = [
            Member(m.path, m.size, lambda i=m.source.index: prefetcher.open(i), m.source.sha256)
            if isinstance(m.source, _PrefetchSlot) else m
            for m in members
        ]
        # Copies cleaned while written, numbered in the writer's order (as _resolve_stored does).
        ahead = _CleanAhead([])
        for index, m in enumerate(members):
            if isinstance(m.source, _Verified) and m.source.ahead:
                members[index] = Member(m.path, m.size, functools.partial(ahead.open, len(ahead.sources)),
                                        m.sha256)
                ahead.sources.append(m.source)
        prefetcher = BlobPrefetcher(self._reader_connection, stored,  # starts reading now
                                    blob_files=self.blob_files)
        try:
            with atomic_output(out_path) as handle:
                hashed = _HashingOutput(handle)
                try:
                    info = write_bundle(hashed, [c.age_recipient for c in targets], identity, sender_name,
                                        members, progress=write_progress, cancel=cancel)
                except BaseException:
                    hashed.abandon()
                    raise
                hashed.close()
        except JournalError:
            raise
        except OSError as exc:
            raise BundleWriteError(_("Could not write the bundle file: {value}.").format(value=exc.strerror or exc)) from exc
        finally:
            ahead.close()
            prefetcher.close()
        if progress is not None:
            progress(grand_total, grand_total)
        result = ExportResult(
            info.bundle_id, out_path, [c.display_name for c in targets], len(plan.entry_lines),
            len(plan.person_lines), len(plan.log_lines), len(attachments), hashed.digest.hexdigest(),
            hashed.size, warnings)
        self._record_sent(info.manifest.created_at, sender_name, targets, plan, attachments, result)
        return result

    def _plan_records(self, selected: list[Entry], options: ExportOptions, plan: "_Plan",
                      warnings: list[str], cancel) -> None:
        people_store = self.people
        labels = dict(self.db.query("SELECT key, label FROM categories"))
        people: dict[str, Any] = {}
        for entry in selected:
            check_cancel(cancel)
            links = people_store.people_for_entry(entry.uuid)
            for person, _role in links:
                people.setdefault(person.uuid, person)
            plan.entries.append((entry, links, labels.get(entry.category)))
        logs: dict[str, Any] = {}
        if options.include_contact_log:
            chosen = {e.uuid for e in selected}
            for entry in selected:
                for record in self.contact_log.list(entry=entry.uuid, limit=100_000):
                    logs.setdefault(record.uuid, record)
            for record in logs.values():
                for participant in record.people:
                    if participant.uuid is not None and participant.uuid not in people:
                        people[participant.uuid] = people_store.get(participant.uuid)
            plan.logs = [(r, [u for u in r.entries if u in chosen]) for r in logs.values()]
        plan.people = list(people.values())
        if options.omit_contact_details:
            warnings.append(_("Phone numbers and messenger handles were left out."))

    def _plan_attachments(self, selected: list[Entry], options: ExportOptions, plan: "_Plan",
                          warnings: list[str], progress: Progress | None, cancel, *,
                          since_last: bool = False, targets: Sequence[Coordinator] = (),
                          ) -> dict[str, tuple[_PlannedAttachment, Callable[[], MemberStream]]]:
        """Decide what each attachment sends; pass one of stripping computes hashes and sizes."""
        store = self.attachments
        by_sha: dict[str, tuple[_PlannedAttachment, Callable[[], MemberStream]]] = {}
        for entry, _rev, _hash in plan.entries:
            refs: list[AttachmentRef] = []
            omitted = 0
            for att in store.list_for_entry(entry.uuid) if options.include_attachments else []:
                if options.max_attachment_bytes is not None and att.size > options.max_attachment_bytes:
                    omitted += 1
                    continue
                if since_last and self._already_sent(att.uuid, targets):
                    # The bytes reached every recipient before: list the file, do not send it again.
                    sent_sha = self._sent_sha(att.uuid)
                    plan.sent_attachments.append((att.uuid, sent_sha))
                    refs.append(AttachmentRef(sent_sha, att.size, att.file_name, att.media_type,
                                              options.strip_metadata, att.position))
                    continue
                planned, source = self._plan_one(att, options, plan, warnings, progress, cancel)
                by_sha.setdefault(planned.sha256, (planned, source))
                plan.sent_attachments.append((att.uuid, planned.sha256))
                refs.append(AttachmentRef(planned.sha256, planned.size, att.file_name, planned.media_type,
                                          planned.stripped, att.position))
            if not options.include_attachments:
                omitted = len(store.list_for_entry(entry.uuid))
            if omitted:
                warnings.append(_("Attachments of entry {uuid} left out: {omitted}.").format(omitted=omitted, uuid=entry.uuid[:8]))
            plan.attachment_refs[entry.uuid] = (refs, omitted)
        return by_sha

    def _already_sent(self, attachment_uuid: str, targets: Sequence[Coordinator]) -> bool:
        for coordinator in targets:
            if self.db.query_one(
                    "SELECT 1 FROM sent_bundle_items i JOIN sent_bundle_recipients r ON r.bundle_id = i.bundle_id "
                    "WHERE r.coordinator_id = ? AND i.kind = 'attachment' AND i.record_uuid = ?",
                    (coordinator.id, attachment_uuid)) is None:
                return False
        return bool(targets)

    def _sent_sha(self, attachment_uuid: str) -> str:
        row = self.db.query_one(
            "SELECT i.version FROM sent_bundle_items i JOIN sent_bundles b ON b.bundle_id = i.bundle_id "
            "WHERE i.kind = 'attachment' AND i.record_uuid = ? ORDER BY b.created_at DESC LIMIT 1",
            (attachment_uuid,))
        return row[0]

    def _plan_one(self, att, options: ExportOptions, plan: "_Plan", warnings: list[str],
                  progress: Progress | None, cancel):
        store = self.attachments
        as_stored = (_PlannedAttachment(att.uuid, att.entry_uuid, att.sha256, att.size, False, att.media_type,
                                        att.file_name, att.position), None)
        if not options.strip_metadata:
            return as_stored[0], self._stored_content(att)
        if not can_clean(att.media_type):
            self._uncleaned(att, options, warnings, None)
            return as_stored[0], self._stored_content(att)
        check_cancel(cancel)

        def send_stream(uuid=att.uuid, mt=att.media_type, n=att.size) -> _StrippedStream:
            return _StrippedStream(lambda: store.open_stream(uuid), mt, n)

        recorded_type = cleaned_media_type(att.media_type)
        if (plan.trust_recorded and recorded_type is not None and att.stripped_sha256
                and att.stripped_size is not None):
            # Known from an earlier cleaning: named now, cleaned once while it is written.
            sha, size = att.stripped_sha256, att.stripped_size
            return (_PlannedAttachment(att.uuid, att.entry_uuid, sha, size, True, recorded_type,
                                       att.file_name, att.position),
                    _Verified(lambda: _CheckedStream(send_stream(), sha, size, att.id), ahead=True))
        base = plan.pass_one_bytes

        def step(done: int, total: int) -> None:
            if progress is not None:
                progress(base + done, 0)

        keep = (att.media_type in SEEKING_TYPES
                and plan.kept_spool_bytes + att.size <= KEEP_SPOOL_BYTES)
        spool = None
        try:
            with store.open_stream(att.uuid) as src:
                if keep:  # cleaned once, into a spool the write sends from
                    result, spool = strip_to_spool(src, att.media_type, total=att.size, progress=step,
                                                   cancel=lambda: is_cancelled(cancel))
                else:
                    result = strip_metadata(src, _HashOnly(), att.media_type, total=att.size, progress=step,
                                            cancel=lambda: is_cancelled(cancel))
        except MediaError as exc:
            self._uncleaned(att, options, warnings, exc)
            return as_stored[0], self._stored_content(att)
        plan.pass_one_bytes += att.size
        if result.warning:
            warnings.append(f"{att.file_name}: {result.warning}")
        if recorded_type is not None and result.cleaned and (
                att.stripped_sha256 != result.sha256 or att.stripped_size != result.size):
            store.record_stripped(att.id, result.sha256, result.size)  # the next bundle cleans once
        size, media_type = result.size, result.output_media_type
        planned = _PlannedAttachment(att.uuid, att.entry_uuid, result.sha256, size, True, media_type,
                                     att.file_name, att.position)
        if spool is not None:
            plan.spools.append(spool)
            plan.kept_spool_bytes += result.size
            kept = spool
            return planned, _Verified(lambda: _SpoolStream(kept))
        sha, size = result.sha256, result.size
        return planned, _Verified(lambda: _CheckedStream(send_stream(), sha, size, att.id), ahead=True)

    @staticmethod
    def _uncleaned(att, options: ExportOptions, warnings: list[str], error: MediaError | None) -> None:
        """A file whose metadata cannot be removed: refuse the bundle, or warn when allowed."""
        reason = str(error).rstrip(".") if error is not None else _(
            "files of this type ({media_type}) cannot be cleaned").format(media_type=att.media_type)
        risks = uncleaned_risks(att.media_type)
        if not options.allow_uncleaned:
            raise ExportError(_(
                "{file_name}: its hidden data cannot be removed ({reason}); it may carry {risks}. Leave the "
                "file out, or allow files that cannot be cleaned (--allow-uncleaned) to send it as it is."
            ).format(file_name=att.file_name, reason=reason, risks=risks)) from None
        warnings.append(_("{file_name}: sent as it is, not cleaned ({reason}); it may carry {risks}.").format(
            file_name=att.file_name, reason=reason, risks=risks))

    def _stored_content(self, att) -> "_StoredContent | Callable[[], MemberStream]":
        """How to read an attachment sent as stored: ahead of the writer when its blob row is
        as expected, else (never in a consistent journal) through the store, hashed as it goes."""
        row = self.db.query_one(
            f"SELECT b.sha256, {', '.join('b.' + c for c in STORED_BLOB_COLUMNS.split(', '))} FROM attachments a "
            "JOIN blobs b ON b.id = a.blob_id WHERE a.id = ?", (att.id,))
        if row is None or row[0] != att.sha256 or row[2] != att.size or row[3] <= 0:
            uuid = att.uuid
            return lambda: self.attachments.open_stream(uuid)
        return _StoredContent(StoredBlob(*row[1:]), row[0])

    @staticmethod
    def _resolve_stored(members: list[Member]) -> tuple[list[Member], list[StoredBlob]]:
        """Number the members read from stored blobs in the order the writer will open them.

        write_bundle keeps the given order among attachments (a stable sort puts the JSONL
        members first), so the prefetcher reads blobs in exactly the writer's order."""
        stored: list[StoredBlob] = []
        out: list[Member] = []
        for member in members:
            if isinstance(member.source, _StoredContent):
                out.append(Member(member.path, member.size, _PrefetchSlot(len(stored), member.source.sha256)))
                stored.append(member.source.blob)
            else:
                out.append(member)
        return out, stored

    def _reader_connection(self):
        """A read-only connection of its own for a prefetch worker, with a small page cache
        (the blob pages are read once; a big cache would only grow memory)."""
        if self._open_reader is None:
            raise InvalidInput(_("Exporting needs the open journal."))
        reader = self._open_reader()
        reader.db.execute(f"PRAGMA cache_size = -{_PREFETCH_CACHE_KIB}")
        return _ReaderConnection(reader)

    def _members(self, plan: "_Plan", attachments, options: ExportOptions) -> list[Member]:
        person_refs: dict[str | None, str] = {}
        for person in plan.people:
            plan.person_lines.append(_line(person_record(person, omit_contact_details=options.omit_contact_details)))
            person_refs[person.uuid] = person.pseudonym if person.sensitive else person.uuid
        for entry, links, label in plan.entries:
            refs, omitted = plan.attachment_refs.get(entry.uuid, ([], 0))
            prev = self._prev_hash(entry)
            plan.entry_lines.append(_line(entry_record(entry, prev, category_label=label, people=links,
                                                       attachments=refs, attachments_omitted=omitted)))
        for record, entry_uuids in plan.logs:
            plan.log_lines.append(_line(contact_log_record(record, person_refs, entry_uuids)))
        # Forms travel with the entries that use them, so the coordinator sees the
        # same fields (definitions first, then values; see docs/forms-and-reports.md).
        from journal.records.forms import entry_form_values_for_bundle, forms_for_bundle

        uuids = [e.uuid for e, _, _ in plan.entries]
        form_lines = [_line(r) for r in forms_for_bundle(self.forms, uuids)
                      + entry_form_values_for_bundle(self.forms, self.people, uuids)]
        members = []
        for name, lines in (("entries.jsonl", plan.entry_lines), ("contacts.jsonl", plan.person_lines),
                            ("contact_log.jsonl", plan.log_lines), ("forms.jsonl", form_lines)):
            if lines:
                data = b"".join(lines)
                members.append(Member(name, len(data), data))
        for sha, (planned, source) in attachments.items():
            members.append(Member(f"attachments/{sha}", planned.size, source,
                                  sha if isinstance(source, _Verified) else None))
        return members

    def _prev_hash(self, entry: Entry) -> str:
        row = self.db.query_one("SELECT prev_hash FROM revisions WHERE entry_id = ? AND number = ?",
                                (entry.id, entry.revision))
        return row[0] if row else GENESIS_HASH

    def _record_sent(self, created_at: str, sender_name: str, targets: list[Coordinator], plan: "_Plan",
                     attachments, result: ExportResult) -> None:
        recipients = [{"id": c.uuid, "name": c.display_name, "fingerprint": c.fingerprint} for c in targets]
        items = [("entry", e.uuid, e.revision_hash or "") for e, _, _ in plan.entries]
        items += [("attachment", uuid, sha) for uuid, sha in plan.sent_attachments]
        items += [("person", p.uuid, p.revision_hash or "") for p in plan.people]
        items += [("contact_log", r.uuid, r.updated_at) for r, _ in plan.logs]
        with self.db.transaction() as db:
            db.execute(
                "INSERT INTO sent_bundles (bundle_id, created_at, sender_name, recipients, entry_count, "
                "person_count, log_count, attachment_count, file_sha256, file_size, file_name) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (result.bundle_id, created_at, sender_name, json.dumps(recipients, ensure_ascii=False),
                 result.entry_count, result.person_count, result.log_count, result.attachment_count,
                 result.file_sha256, result.file_size, result.path.name))
            db.conn.executemany("INSERT INTO sent_bundle_recipients (bundle_id, coordinator_id) VALUES (?, ?)",
                                [(result.bundle_id, c.id) for c in targets])
            db.conn.executemany("INSERT OR IGNORE INTO sent_bundle_items (bundle_id, kind, record_uuid, version) "
                                "VALUES (?,?,?,?)", [(result.bundle_id, *item) for item in items])

    # --- history -------------------------------------------------------------------------------
    def sent(self, limit: int = 500) -> list[SentBundle]:
        """Bundles written by this journal, newest first."""
        rows = self.db.query(
            "SELECT bundle_id, created_at, recipients, entry_count, person_count, log_count, attachment_count, "
            "file_sha256, file_size, file_name FROM sent_bundles ORDER BY created_at DESC LIMIT ?", (limit,))
        return [SentBundle(r[0], r[1], json.loads(r[2]), *r[3:]) for r in rows]

    def last_sent(self, entry_uuid: str) -> list[dict[str, Any]]:
        """When and to whom an entry was last sent, one row per coordinator (newest first)."""
        rows = self.db.query(
            "SELECT c.uuid, c.display_name, max(b.created_at), max(i.version = e.revision_hash) "
            "FROM sent_bundle_items i JOIN sent_bundles b ON b.bundle_id = i.bundle_id "
            "JOIN sent_bundle_recipients r ON r.bundle_id = i.bundle_id JOIN coordinators c ON c.id = r.coordinator_id "
            "JOIN entries e ON e.uuid = i.record_uuid WHERE i.kind = 'entry' AND i.record_uuid = ? "
            "GROUP BY c.id ORDER BY max(b.created_at) DESC", (self.entries.get(entry_uuid).uuid,))
        return [{"coordinator_id": r[0], "coordinator": r[1], "sent_at": r[2], "current": bool(r[3])}
                for r in rows]


class _Plan:
    def __init__(self) -> None:
        self.entries: list[tuple[Entry, list, str | None]] = []
        self.people: list[Any] = []
        self.logs: list[tuple[Any, list[str]]] = []
        self.attachment_refs: dict[str, tuple[list[AttachmentRef], int]] = {}
        self.sent_attachments: list[tuple[str, str]] = []
        self.entry_lines: list[bytes] = []
        self.person_lines: list[bytes] = []
        self.log_lines: list[bytes] = []
        self.pass_one_bytes = 0
        #: Whether recorded stripped hashes and sizes name cleaned copies without a first pass.
        self.trust_recorded = True
        #: Cleaned copies kept from the first pass (closed when the export ends).
        self.spools: list[Any] = []
        self.kept_spool_bytes = 0


def _line(record: dict[str, Any]) -> bytes:
    return (json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
            + "\n").encode("utf-8")
