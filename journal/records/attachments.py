"""Files attached to entries, stored encrypted: records in the database, content in files.

From schema 10 content is written as an attachment file encrypted with a key of its own that
only the database holds (journal/storage/blobfiles.py: why, format, crash rules). Content stored by
schemas 3 to 9 stays as ordered chunk rows (`blob_chunks`) inside SQLCipher and is still read
(BlobReader). Nothing readable ever reaches the disk. Both directions stream: import reads,
hashes and encrypts one chunk at a time, and `open_stream` decrypts one chunk at a time, so a
2 GB video costs about one chunk of memory.

One file is imported in ONE transaction: a killed process or a cancel leaves
no half attachment. Identical content is stored once (blobs are keyed by
SHA-256); the last attachment referring to a blob takes it with it when
deleted (a trigger, see migrations/m003_attachments.py).

Images (sniffed from the content, never the name) that are small enough to
hold in memory (IMAGE_IN_MEMORY_LIMIT) get their metadata read, a thumbnail
made and the SHA-256 of their metadata-stripped form recorded at import, all
from the bytes already in memory: no temporary file. A file that cannot be
read as an image is kept as an opaque attachment with a note saying why.
"""

from __future__ import annotations

import hashlib
import io
import json
import mimetypes
import os
import unicodedata
import uuid as uuidlib
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import sqlcipher3

from journal.storage.atomic import atomic_output, fsync_dir, overwrite_and_unlink
from journal.storage import blobfiles
from journal.storage.db import Database, storage_error_from_os
from journal.records.entries import Entry
from journal.errors import DiskFull, StorageError, Cancelled, InvalidInput, JournalError, NotFound
from journal.media import MediaError
from journal.media.sniff import SNIFF_BYTES, ZIP, sniff_media_type, sniff_zip_document
from journal.timeutil import utc_now_iso
from journal.i18n import _
from journal.records.ids import unique_prefix_rows
from journal.progress import Progress, is_cancelled

#: Bytes per chunk row. Measured with bench/bench_attachments.py --chunk-sizes
#: (256 MiB file): 256 KiB..4 MiB all import at 50-110 MiB/s on the 2-core dev
#: machine, differences within run-to-run noise (SQLCipher encrypts 4 KiB pages whatever
#: the row size; the cost is per page, not per row). 1 MiB keeps the buffers
#: small and the row count of a 2 GB video at 2048.
CHUNK_SIZE = 1024 * 1024

#: Images up to this size are held in memory once, at import, to read their
#: metadata and make a thumbnail. Bigger ones are stored without a thumbnail.
IMAGE_IN_MEMORY_LIMIT = 64 * 1024 * 1024

THUMBNAIL_SIDE = 256
#: The thumbnail column's value for an image whose preview is still to be made (bundle import
#: leaves previews out of its transaction: decoding a 12-megapixel JPEG, even at 1/8 scale,
#: costs about 50 ms of CPU, most of a received photo's import). fill_previews_step makes them
#: after the commit; AttachmentStore.thumbnail makes one on demand meanwhile. NULL stays "no
#: preview" (not an image, or it could not be decoded: the note says why).
PENDING_PREVIEW = b""
#: Previews made per fill_previews_step (one short write each, so saves go between them).
PREVIEW_STEP = 8
MAX_FILE_NAME = 255

DELETE_ORIGINAL_WARNING = (
    "The original file was overwritten and deleted. On SSDs, USB sticks and memory cards "
    "the drive may keep copies of the old data in blocks the system cannot reach; only "
    "full-disk encryption protects against that."
)


# Types that name the same thing when comparing a file name's claim with the content.
_EQUIVALENT_TYPES = [{"image/heic", "image/heif"}, {"image/jpeg", "image/pjpeg", "image/jpg"}]


# --- records ----------------------------------------------------------------------------
@dataclass
class Attachment:
    """One file attached to one entry.

    metadata: what the image says about itself (see ImageMetadata in
    journal.media.imagemeta; empty for other files). note: a sentence for the
    user when something could not be read. notices: messages about this import
    only (not stored), e.g. that the original was deleted.
    """

    uuid: str
    entry_uuid: str
    file_name: str
    media_type: str
    size: int
    sha256: str
    stripped_sha256: str | None
    imported_at: str
    metadata: dict[str, Any]
    note: str | None
    has_thumbnail: bool
    deleted_at: str | None
    position: int
    id: int  # the row's id: an Attachment is always read from the journal
    notices: list[str] = field(default_factory=list)
    #: Size of the stripped copy named by stripped_sha256 (None: not known yet; schema 13).
    stripped_size: int | None = None

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")

    def as_json(self) -> dict:
        data = asdict(self)
        data.pop("id")
        data.pop("notices")
        data.pop("stripped_size")
        data["id"] = data.pop("uuid")
        return data


@dataclass(frozen=True)
class EntrySuggestion:
    """What a photo offers for an entry's empty fields (None: nothing to offer).

    capture_time_has_zone is False for the usual camera clock without a time
    zone; applying it then interprets the time in the entry's zone (or the
    system's), which the GUI should say.
    """

    attachment_uuid: str | None = None
    occurred_at: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    capture_time_has_zone: bool = False

    def changes(self) -> dict[str, Any]:
        """The entry fields this suggestion would set."""
        out: dict[str, Any] = {}
        if self.occurred_at is not None:
            out["occurred_at"] = self.occurred_at
        if self.latitude is not None and self.longitude is not None:
            out["latitude"] = self.latitude
            out["longitude"] = self.longitude
        return out

    def __bool__(self) -> bool:
        return bool(self.changes())


@dataclass
class SaveReport:
    """What save_copy wrote. warning: a sentence for the user, or None."""

    path: Path
    size: int
    sha256: str
    media_type: str
    stripped: bool
    cleaned: bool
    removed: list[str]
    warning: str | None


class AttachmentUnreadable(JournalError):
    """Stored attachment data is missing or inconsistent."""


class AttachmentStorageError(StorageError):
    """The database refused to store a file (disk full, I/O error); nothing was attached."""


# --- reading stored content -------------------------------------------------------------------
class BlobReader(blobfiles.ChunkedReader):
    """Content stored as chunk rows (schemas 3-9), read one row at a time."""

    def __init__(self, db: Database, blob_id: int, size: int, chunk_size: int, chunk_count: int) -> None:
        super().__init__(size, chunk_size)
        self._db = db
        self._blob_id = blob_id
        self._chunk_count = chunk_count

    def _load(self, seq: int) -> bytes:
        row = self._db.query_one("SELECT data FROM blob_chunks WHERE blob_id = ? AND seq = ?", (self._blob_id, seq))
        expected = self._chunk_size if seq < self._chunk_count - 1 else self._size - seq * self._chunk_size
        if row is None or len(row[0]) != expected:
            raise AttachmentUnreadable(
                _("Part of this attachment's data is missing from the database. Run `journal verify` and restore the journal from a backup.")
            )
        return row[0]


class _BlobStream(io.BufferedReader):
    """open_blob's answer: a buffered reader that also knows the content's size and chunk size."""

    raw_size: int = 0
    raw_chunk_size: int = 0


def open_blob(db: Database, blob_files: "blobfiles.BlobFiles | None", blob_id: int) -> _BlobStream:
    """A seekable stream over one stored content, wherever it lives: an attachment file
    (schema 10 on) or chunk rows (written by schemas 3 to 9)."""
    row = db.query_one("SELECT size, chunk_size, chunk_count, file_id, file_key FROM blobs WHERE id = ?",
                       (blob_id,))
    if row is None:
        raise NotFound(_("No such attachment."))
    size, chunk_size, chunk_count, file_id, file_key = row
    if file_id is None:
        raw: blobfiles.ChunkedReader = BlobReader(db, blob_id, size, chunk_size, chunk_count)
    else:
        if blob_files is None:
            raise RuntimeError("this database was opened without its journal folder (no blob_files)")
        try:
            raw = blob_files.open(file_id, file_key, size)
        except blobfiles.StoredFileUnreadable:
            # Deleted meanwhile (a reader saw the row just before the writer emptied the
            # trash and unlinked the file): not damage, so no "restore from a backup".
            if db.query_one("SELECT 1 FROM blobs WHERE id = ?", (blob_id,)) is None:
                raise NotFound(_("No such attachment.")) from None
            raise
    stream = _BlobStream(raw, buffer_size=chunk_size)
    stream.raw_size = size
    stream.raw_chunk_size = raw.chunk_size
    return stream


# --- the store ------------------------------------------------------------------------------------
_COLUMNS = (
    "a.id, a.uuid, e.uuid, a.file_name, a.media_type, a.size, a.sha256, a.stripped_sha256, "
    "a.imported_at, a.metadata, a.note, a.thumbnail IS NOT NULL, a.deleted_at, a.position, a.stripped_size"
)


@dataclass
class _Written:
    blob_id: int
    sha256: str
    size: int
    head: bytes
    kept: bytes | None  # the whole content when it is a small image, else None
    deduplicated: bool


class AttachmentStore:
    """Attachments of entries. All writes are one transaction per file."""

    def __init__(self, db: Database, blob_files: "blobfiles.BlobFiles | None", chunk_size: int = CHUNK_SIZE) -> None:
        self.db = db
        #: The journal's attachment files (journal/storage/blobfiles.py); None for a bare database.
        self.blob_files = blob_files
        self.chunk_size = chunk_size

    # --- import ---------------------------------------------------------------------------------
    def add_file(self, entry_uuid: str, path: str | os.PathLike, *, progress: Progress | None = None,
                 cancel=None, delete_original: bool = False, file_name: str | None = None) -> Attachment:
        """Attach the file at `path` to an entry, streaming it into the database.

        With delete_original, the source is overwritten and deleted after the
        attachment is committed (see DELETE_ORIGINAL_WARNING, added to notices).
        """
        path = Path(path)
        if not path.is_file():
            raise InvalidInput(_("{path} is not a file that can be attached.").format(path=path))
        try:
            handle = open(path, "rb", buffering=0)  # noqa: SIM115 - closed by the with below
        except OSError as exc:
            raise InvalidInput(_("Cannot read {path}: {strerror}.").format(path=path, strerror=exc.strerror)) from None
        with handle:
            total = os.fstat(handle.fileno()).st_size
            attachment = self._add(entry_uuid, handle, file_name or path.name, total, progress, cancel)
        if delete_original:
            overwrite_and_unlink(path)
            fsync_dir(path.parent)
            attachment.notices.append(DELETE_ORIGINAL_WARNING)
        return attachment

    def add_stream(self, entry_uuid: str, stream: BinaryIO, file_name: str, *, size_hint: int = 0,
                   progress: Progress | None = None, cancel=None) -> Attachment:
        """Attach what `stream` yields until its end (read in chunks, never whole)."""
        return self._add(entry_uuid, stream, file_name, size_hint, progress, cancel)

    def add_bytes(self, entry_uuid: str, data: bytes, file_name: str, *, cancel=None) -> Attachment:
        """Attach bytes already in memory (a pasted image, a screenshot)."""
        return self._add(entry_uuid, io.BytesIO(data), file_name, len(data), None, cancel)

    def add_files(self, entry_uuid: str, paths, *, progress: Progress | None = None, cancel=None,
                  delete_original: bool = False) -> list[Attachment]:
        """Attach several files in order, committed in small batches (each file atomic).

        Small files (up to PREFETCH_LIMIT) are read ahead and described on
        worker threads (SHA-256, metadata, thumbnail, stripped hash: Pillow,
        libheif and hashlib work outside the GIL) while this thread writes the
        chunk rows of earlier ones, within a bounded read-ahead (_Prefetcher).
        On the 2-core dev machine a folder of photos imports about 1.5 times as
        fast as one add_file after another (see docs/media.md). Bigger files are
        streamed by add_file, one chunk in memory.
        progress(done, total) counts bytes over all files. On an error or a
        cancel, the files attached before it stay attached (their batch is
        committed before the error is raised); the failing file leaves nothing.
        A crash loses at most the uncommitted batch, whose files were not yet
        reported as attached (the list is returned after the last commit).
        """
        paths = [Path(p) for p in paths]
        for path in paths:
            if not path.is_file():
                raise InvalidInput(_("{path} is not a file that can be attached. Nothing was attached.").format(path=path))
        sizes = [path.stat().st_size for path in paths]
        total = sum(sizes)
        done = 0
        results: list[Attachment] = []
        prefetch = _Prefetcher(paths, sizes)
        index = 0
        try:
            while index < len(paths):
                # Small files share one commit (each still in its own savepoint), which saves
                # an fsync per file. The originals are deleted only after their batch is committed.
                error: BaseException | None = None
                batch: list[tuple[Attachment, Path, Any]] = []
                batch_bytes = 0
                with self.db.transaction():
                    entry_id: int | None = None
                    while index < len(paths) and (not batch or (
                            len(batch) < BATCH_FILES and batch_bytes + sizes[index] <= BATCH_BYTES)):
                        path = paths[index]
                        try:
                            if is_cancelled(cancel):
                                raise Cancelled()
                            prepared = prefetch.take(index)

                            def file_progress(d: int, t: int, before: int = done) -> None:
                                if progress:
                                    progress(before + d, max(total, before + d))

                            if prepared.data is None:
                                attachment = self.add_file(entry_uuid, path, progress=file_progress,
                                                           cancel=cancel)
                            else:
                                if entry_id is None:  # once per batch: the entry cannot change inside it
                                    entry_id = self._live_entry(entry_uuid)
                                attachment = self._add(entry_uuid, io.BytesIO(prepared.data), path.name,
                                                       len(prepared.data), file_progress, cancel,
                                                       details=prepared.details, sha256=prepared.sha256,
                                                       entry_id=entry_id)
                            del prepared  # let the prefetched bytes go once written
                            prefetch.release(index)
                        except BaseException as exc:  # noqa: BLE001 - raised after the batch commits
                            error = exc
                            break
                        batch.append((attachment, path, prefetch.stat_of(index)))
                        batch_bytes += sizes[index]
                        done += sizes[index]
                        index += 1
                        if prefetch.streamed(index - 1):
                            break  # a big file streamed: commit it on its own
                for attachment, path, stat in batch:
                    if delete_original:
                        attachment.notices.append(_delete_if_unchanged(path, stat))
                    results.append(attachment)
                if error is not None:
                    raise error
        finally:
            prefetch.close()
        return results

    def _add(self, entry_uuid: str, stream: BinaryIO, file_name: str, total: int,
             progress: Progress | None, cancel, details: _Details | None = None,
             sha256: str | None = None, entry_id: int | None = None) -> Attachment:
        """Import one file in one transaction. details, sha256: what a worker already learnt
        from the same bytes (add_files); entry_id: the entry, already checked to be live."""
        try:
            return self._add_in_transaction(entry_uuid, stream, file_name, total, progress, cancel, details,
                                            sha256, entry_id)
        except (sqlcipher3.DatabaseError, StorageError) as exc:
            if isinstance(exc, DiskFull) or "full" in str(exc).lower():
                raise AttachmentStorageError(
                    _("The file could not be stored: the disk holding the journal is full. Nothing was attached.")
                ) from None
            raise AttachmentStorageError(
                _("The database could not store the file ({exc}). Nothing was attached.").format(exc=exc)) from None

    def _add_in_transaction(self, entry_uuid: str, stream: BinaryIO, file_name: str, total: int,
                            progress: Progress | None, cancel, details: _Details | None,
                            sha256: str | None = None, entry_id: int | None = None) -> Attachment:
        name = clean_file_name(file_name)
        with self.db.transaction() as db:
            if entry_id is None:
                entry_id = self._live_entry(entry_uuid)
            written = self._write_content(stream, total, progress, cancel, keep_image=details is None,
                                          sha256=sha256)
            media_type = sniff_media_type(written.head)
            if media_type == ZIP:  # a Word or OpenDocument file? (its central directory says)
                with open_blob(db, self.blob_files, written.blob_id) as stored:
                    media_type = sniff_zip_document(stored)
            if details is None:
                details = _describe(name, media_type, written.kept)
            if is_cancelled(cancel):
                raise Cancelled()
            position = db.query_one(
                "SELECT coalesce(max(position), -1) + 1 FROM attachments WHERE entry_id = ?", (entry_id,))[0]
            att_uuid = str(uuidlib.uuid4())
            now = utc_now_iso()
            db.execute(
                "INSERT INTO attachments (uuid, entry_id, blob_id, file_name, media_type, size, sha256, "
                "stripped_sha256, stripped_size, imported_at, metadata, note, thumbnail, position) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (att_uuid, entry_id, written.blob_id, name, media_type, written.size, written.sha256,
                 details.stripped_sha256, details.stripped_size, now,
                 json.dumps(details.metadata, ensure_ascii=False, sort_keys=True),
                 details.note, details.thumbnail, position),
            )
        attachment = self.get(att_uuid)
        if written.deduplicated:
            attachment.notices.append("The same file was already stored in this journal; it is kept once.")
        if details.note:
            attachment.notices.append(details.note)
        return attachment

    def _live_entry(self, entry_uuid: str) -> int:
        from journal.records.entries import EntryStore

        entry = EntryStore(self.db).get(entry_uuid)  # accepts a short id; raises NotFound
        if entry.deleted_at:
            raise InvalidInput(_("This entry is in the trash. Restore it before attaching files."))
        assert entry.id is not None  # read from the journal
        return entry.id

    def _write_content(self, stream: BinaryIO, total: int, progress, cancel, keep_image: bool = True,
                       sha256: str | None = None) -> _Written:
        """Stream into a new attachment file under a new blob, or reuse an identical stored blob.

        sha256: the SHA-256 of exactly what `stream` yields, when a caller already hashed those
        bytes (add_files hashes on its worker): a duplicate is then found before anything is
        written, and the content is not hashed a second time."""
        if sha256 is not None:
            existing = self.db.query_one("SELECT id FROM blobs WHERE sha256 = ?", (sha256,))
            if existing is not None:
                head = stream.read(SNIFF_BYTES)
                size = stream.seek(0, io.SEEK_END)  # given with in-memory content only (BytesIO)
                if progress:
                    progress(size, max(total, size))
                return _Written(existing[0], sha256, size, head, None, True)
        files = self._files()
        try:
            with self.db.transaction() as db:
                writer = files.create(self.chunk_size)
                files.track(db, writer)  # fsynced before COMMIT; removed if this rolls back
                digest = hashlib.sha256() if sha256 is None else None
                buffer = bytearray(self.chunk_size)
                view = memoryview(buffer)
                head = b""
                kept: list[bytes] | None = [] if keep_image else None
                size = 0
                first = True
                while True:
                    if is_cancelled(cancel):
                        raise Cancelled()
                    try:
                        n = _read_full(stream, view)
                    except OSError as exc:
                        raise InvalidInput(_("Reading the file failed: {value}. Nothing was attached.").format(
                            value=exc.strerror or exc)) from None
                    if n == 0:
                        break
                    piece = view[:n]
                    if digest is not None:
                        digest.update(piece)
                    writer.write(piece)
                    if first:
                        first = False
                        head = bytes(piece[:SNIFF_BYTES])
                        if not sniff_media_type(head).startswith("image/"):
                            kept = None
                    if kept is not None:
                        if size + n <= IMAGE_IN_MEMORY_LIMIT:
                            kept.append(bytes(piece))
                        else:
                            kept = None
                    size += n
                    if progress:
                        progress(size, max(total, size))
                    if n < self.chunk_size:
                        break
                writer.finish()
                sha = digest.hexdigest() if digest is not None else sha256
                assert sha is not None  # given by the caller, or hashed here
                existing = db.query_one("SELECT id FROM blobs WHERE sha256 = ?", (sha,))
                if existing is not None:
                    writer.remove()  # the same content is already stored: keep it once
                    blob_id, deduplicated = existing[0], True
                else:
                    blob_id = db.execute(
                        "INSERT INTO blobs (sha256, size, chunk_size, chunk_count, created_at, file_id, file_key) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (sha, size, self.chunk_size, blobfiles.chunk_count(size, self.chunk_size), utc_now_iso(),
                         writer.file_id, writer.key)).lastrowid
                    deduplicated = False
        except OSError as exc:  # writing the attachment file (reading the source is handled above)
            raise storage_error_from_os(exc) from None
        return _Written(blob_id, sha, size, head, b"".join(kept) if kept is not None else None, deduplicated)

    def _files(self) -> blobfiles.BlobFiles:
        if self.blob_files is None:
            raise RuntimeError("this database was opened without its journal folder (no blob_files)")
        return self.blob_files

    # --- reads ------------------------------------------------------------------------------------
    def _from_row(self, row) -> Attachment:
        (id_, uuid, entry_uuid, name, media_type, size, sha, stripped, imported, metadata, note, has_thumb,
         deleted, position, stripped_size) = row
        return Attachment(uuid=uuid, entry_uuid=entry_uuid, file_name=name, media_type=media_type, size=size,
                          sha256=sha, stripped_sha256=stripped, imported_at=imported,
                          metadata=json.loads(metadata or "{}"), note=note, has_thumbnail=bool(has_thumb),
                          deleted_at=deleted, position=position, id=id_,
                          stripped_size=stripped_size if stripped is not None else None)

    def get(self, attachment_uuid: str) -> Attachment:
        """One attachment by id or a unique prefix (journal/records/ids.py)."""
        base = f"SELECT {_COLUMNS} FROM attachments a JOIN entries e ON e.id = a.entry_id"
        key = str(attachment_uuid)
        row = self.db.query_one(f"{base} WHERE a.uuid = ?", (key,))
        if row is None:
            rows = unique_prefix_rows(self.db, f"{base} WHERE a.uuid LIKE ?", key)
            row = rows[0] if rows else None
        if row is None:
            raise NotFound(_("No attachment with id {attachment_uuid}.").format(attachment_uuid=attachment_uuid))
        return self._from_row(row)

    def list_for_entry(self, entry_uuid: str, *, include_deleted: bool = False) -> list[Attachment]:
        """The entry's attachments in their order (trashed ones only if asked)."""
        entry_id, _ = self._entry_ids(entry_uuid)
        where = "" if include_deleted else " AND a.deleted_at IS NULL"
        rows = self.db.query(
            f"SELECT {_COLUMNS} FROM attachments a JOIN entries e ON e.id = a.entry_id "
            f"WHERE a.entry_id = ?{where} ORDER BY a.position, a.id", (entry_id,))
        return [self._from_row(r) for r in rows]

    def _entry_ids(self, entry_uuid: str) -> tuple[int, str]:
        row = self.db.query_one("SELECT id, uuid FROM entries WHERE uuid = ?", (str(entry_uuid),))
        if row is None:
            from journal.records.entries import EntryStore

            entry = EntryStore(self.db).get(entry_uuid)
            assert entry.id is not None  # read from the journal
            return entry.id, entry.uuid
        return row[0], row[1]

    def thumbnail(self, attachment_uuid: str, *, make_if_pending: bool = True) -> bytes | None:
        """The small JPEG preview made at import, or None. A received image whose preview is
        still pending (fill_previews_step) gets one made now from its content, not stored
        (this may be a read-only connection); None if it cannot be decoded. With
        make_if_pending=False a pending preview gives PREVIEW_PENDING (b"") at once instead:
        decoding a camera photo takes 50-200 ms, which the GUI thread must not spend."""
        att = self.get(attachment_uuid)
        row = self.db.query_one("SELECT thumbnail, blob_id FROM attachments WHERE id = ?", (att.id,))
        if row is None or row[0] is None:
            return None
        if len(row[0]):
            return bytes(row[0])
        if not make_if_pending:
            return PREVIEW_PENDING
        data = _read_whole_image(self.db, self.blob_files, row[1])
        return _make_preview(data)[0] if data is not None else None

    def open_stream(self, attachment_uuid: str) -> BinaryIO:
        """A seekable binary file over the original bytes, read one chunk at a time."""
        att = self.get(attachment_uuid)
        return self._open_blob_of(att.id)

    def _open_blob_of(self, attachment_id: int) -> BinaryIO:
        row = self.db.query_one("SELECT blob_id FROM attachments WHERE id = ?", (attachment_id,))
        if row is None:
            raise NotFound(_("No such attachment."))
        return open_blob(self.db, self.blob_files, row[0])

    def describe_blob(self, blob_id: int, file_name: str = "", *, strip: bool = True) -> BlobDescription:
        """What stored content says about itself, as add_file would record it: the sniffed type,
        image metadata, a thumbnail, the SHA-256 of its stripped form, and a note for what failed.

        For content written as chunk rows by someone else (bundle import). Only images up to
        IMAGE_IN_MEMORY_LIMIT are read whole (as at add_file); anything else reads one chunk.
        A damaged or hostile image gives a note, never an exception (MediaError is caught).

        strip=False: the content is known to be cleaned already (a bundle sent it stripped), so
        it is not cleaned again to hash it (no stripped hash is given)."""
        return self.describe_blob_later(blob_id, file_name, None, strip=strip)()

    def describe_blob_later(self, blob_id: int, file_name: str, describer: "ImageDescriber | None", *,
                            strip: bool = True) -> Callable[[], BlobDescription]:
        """describe_blob, with the image decoded on the describer's worker threads: the content is
        read now (on this thread: the database is), the answer waits for the worker."""
        with open_blob(self.db, self.blob_files, blob_id) as src:
            size, chunk_size = src.raw_size, src.raw_chunk_size
            head = src.read(SNIFF_BYTES)
            media_type = sniff_media_type(head)
            kept = None
            if media_type.startswith("image/") and size <= IMAGE_IN_MEMORY_LIMIT:
                pieces = [head]
                while piece := src.read(chunk_size):
                    pieces.append(piece)
                kept = b"".join(pieces)
        name = clean_file_name(file_name)
        if describer is not None and kept is not None:
            key = ("blob", blob_id)
            describer.submit(key, kept, media_type, strip=strip)
            del kept
            return lambda: describe_received(name, media_type, describer.take(key))
        details = _describe(name, media_type, kept, strip=strip)
        return lambda: _description(details)

    # --- previews left for after a bundle import ---------------------------------------------------
    def pending_previews(self) -> int:
        """How many images still wait for their preview (PENDING_PREVIEW)."""
        return self.db.query_one(f"SELECT count(*) FROM attachments WHERE {_PENDING}")[0]

    def fill_previews_step(self, limit: int = PREVIEW_STEP, *, cancel=None) -> tuple[int, int]:
        """Make the previews of up to ``limit`` images a bundle import left pending: each is read
        (decrypted) here and decoded on PREVIEW_WORKERS threads (Pillow decodes JPEGs at 1/8
        scale, outside the GIL), then all are stored in one short write. Returns (made,
        still pending). An image that cannot be decoded gets no preview and a note saying why,
        as at add_file. Safe to run again after a crash or a lock: what is stored is done."""
        rows = self.db.query(f"SELECT id, blob_id FROM attachments WHERE {_PENDING} ORDER BY id LIMIT ?",
                             (max(1, limit),))
        if not rows:
            return 0, 0
        results: list[tuple[int, bytes | None, str | None]] = []
        with ThreadPoolExecutor(max_workers=min(PREVIEW_WORKERS, len(rows)),
                                thread_name_prefix="fill-preview") as pool:
            futures: list[tuple[int, Future | None, str | None]] = []
            held = 0  # bytes read for this step: at most PREFETCH_BYTES (and one image) in memory
            for att_id, blob_id in rows:
                if is_cancelled(cancel) or held >= PREFETCH_BYTES:
                    break
                try:
                    data = _read_whole_image(self.db, self.blob_files, blob_id)
                except (NotFound, blobfiles.StoredFileUnreadable, OSError) as exc:
                    futures.append((att_id, None, f"No preview could be made: {exc}"))
                    continue
                if data is None:
                    futures.append((att_id, None, None))
                    continue
                held += len(data)
                futures.append((att_id, pool.submit(_make_preview, data), None))
                del data
            for att_id, future, error in futures:
                if future is None:
                    results.append((att_id, None, error))
                else:
                    thumb, failure = future.result()
                    results.append((att_id, thumb, None if failure is None else f"No preview could be made: {failure}"))
        with self.db.transaction():
            for att_id, thumb, error in results:
                if error is not None:
                    self.db.execute(
                        "UPDATE attachments SET thumbnail = NULL, note = CASE WHEN note IS NULL OR note = '' "
                        f"THEN ?1 ELSE note || ' ' || ?1 END WHERE id = ?2 AND {_PENDING}", (error, att_id))
                else:
                    self.db.execute(f"UPDATE attachments SET thumbnail = ? WHERE id = ? AND {_PENDING}",
                                    (thumb, att_id))
        remaining = self.pending_previews()
        return len(results), remaining

    def fill_previews(self, *, progress: Progress | None = None, cancel=None) -> int:
        """fill_previews_step until none is pending (the CLI after an import); returns how many."""
        total = self.pending_previews()
        done = 0
        while not is_cancelled(cancel):
            made, remaining = self.fill_previews_step(cancel=cancel)
            done += made
            if progress is not None:
                progress(done, max(total, done + remaining))
            if not made or not remaining:
                break
        return done

    def reveals(self, attachment_uuid: str, *, cancel=None) -> list[str]:
        """What a video, recording, PDF, document, TIFF or GIF reveals (translated names, see
        journal.media.findings); [] for photos (their metadata is read at import) and for types
        with nothing hidden. Raises MediaError for a file that cannot be read as its type."""
        from journal.media.findings import reveals

        att = self.get(attachment_uuid)
        if att.media_type in _IMAGE_METADATA_TYPES:
            return []
        with self._open_blob_of(att.id) as src:
            return reveals(src, att.media_type, att.size,
                           cancel=(lambda: is_cancelled(cancel)) if cancel is not None else None)

    # --- leaving the journal ---------------------------------------------------------------------
    def write_stripped(self, attachment_uuid: str, dst: BinaryIO, *, progress: Progress | None = None,
                       cancel=None):
        """Stream a metadata-stripped copy into `dst` (bundles use this) and record its SHA-256.

        Returns journal.media.strip.StripResult. Raises MediaError for an image
        too damaged to clean; dst then holds partial output to discard.
        """
        from journal.media.strip import strip_metadata

        att = self.get(attachment_uuid)
        with self._open_blob_of(att.id) as src:
            result = strip_metadata(src, dst, att.media_type, total=att.size, progress=progress,
                                    cancel=(lambda: is_cancelled(cancel)) if cancel is not None else None)
        # The most recent stripped copy is what a bundle manifest will name.
        self.record_stripped(att.id, result.sha256, result.size)
        return result

    def record_stripped(self, attachment_id: int, sha256: str, size: int) -> None:
        """Remember the SHA-256 and size of an attachment's cleaned copy (cleaning is
        deterministic): a bundle's manifest can then name it without cleaning it first."""
        with self.db.transaction() as db:
            db.execute("UPDATE attachments SET stripped_sha256 = ?, stripped_size = ? WHERE id = ?",
                       (sha256, size, attachment_id))

    def write_original(self, attachment_uuid: str, dst: BinaryIO, *, progress: Progress | None = None,
                       cancel=None) -> tuple[int, str]:
        """Stream the original bytes into `dst`; returns (size, sha256) as read back and checked."""
        att = self.get(attachment_uuid)
        digest = hashlib.sha256()
        size = 0
        with self._open_blob_of(att.id) as src:
            while piece := src.read(self.chunk_size):
                if is_cancelled(cancel):
                    raise Cancelled()
                dst.write(piece)
                digest.update(piece)
                size += len(piece)
                if progress:
                    progress(size, att.size)
        if size != att.size or digest.hexdigest() != att.sha256:
            raise AttachmentUnreadable(
                _("The stored data of {file_name} does not match its SHA-256; it was damaged. Restore the journal from a backup.").format(file_name=att.file_name))
        return size, att.sha256

    def save_copy(self, attachment_uuid: str, out_path: str | os.PathLike, strip: bool = True, *,
                  allow_uncleaned: bool = False, progress: Progress | None = None, cancel=None) -> SaveReport:
        """Write the attachment to `out_path` (a file, or an existing folder to put it in).

        This is the user's explicit export, so plaintext on disk here is
        intended. The write is atomic (temp file in the same folder, 0600,
        fsync, rename). With strip, identifying metadata is removed; an image
        too damaged to clean raises MediaError unless allow_uncleaned, which
        saves it unchanged with a warning.
        """
        att = self.get(attachment_uuid)
        target = Path(out_path)
        if target.is_dir():
            name = att.file_name
            if strip and att.media_type in _REENCODED_TYPES:
                name = str(Path(name).with_suffix(".jpg"))
            target = target / name
        if not target.parent.is_dir():
            raise InvalidInput(_("The folder {parent} does not exist.").format(parent=target.parent))
        if strip:
            try:
                return self._atomic_save(target, lambda dst: self._stripped_report(att, dst, progress, cancel))
            except MediaError as exc:
                if not allow_uncleaned:
                    raise MediaError(_("{exc} Its metadata could not be removed, so it was not saved.").format(exc=exc)) from None
                report = self._atomic_save(target, lambda dst: self._original_report(att, dst, progress, cancel))
                report.warning = f"{exc} It was saved unchanged, with any metadata it carries."
                return report
        return self._atomic_save(target, lambda dst: self._original_report(att, dst, progress, cancel))

    def _stripped_report(self, att: Attachment, dst: BinaryIO, progress, cancel) -> SaveReport:
        result = self.write_stripped(att.uuid, dst, progress=progress, cancel=cancel)
        return SaveReport(Path(), result.size, result.sha256, result.output_media_type, True, result.cleaned,
                          list(result.removed), result.warning)

    def _original_report(self, att: Attachment, dst: BinaryIO, progress, cancel) -> SaveReport:
        size, sha = self.write_original(att.uuid, dst, progress=progress, cancel=cancel)
        return SaveReport(Path(), size, sha, att.media_type, False, False, [], None)

    @staticmethod
    def _atomic_save(target: Path, write: Callable[[BinaryIO], SaveReport]) -> SaveReport:
        opened = False
        try:
            with atomic_output(target, suffix=".tmp") as handle:
                opened = True
                report = write(handle)
        except OSError as exc:
            if opened:
                raise
            raise InvalidInput(_("Cannot write to {parent}: {strerror}.").format(parent=target.parent, strerror=exc.strerror)) from None
        report.path = target
        return report

    # --- trash ------------------------------------------------------------------------------------
    def remove(self, attachment_uuid: str) -> None:
        """Move an attachment to the trash (its content stays until the trash is emptied)."""
        att = self.get(attachment_uuid)
        with self.db.transaction() as db:
            db.execute("UPDATE attachments SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                       (utc_now_iso(), att.id))

    def restore(self, attachment_uuid: str) -> None:
        att = self.get(attachment_uuid)
        if not att.deleted_at:
            raise InvalidInput(_("That attachment is not in the trash."))
        with self.db.transaction() as db:
            db.execute("UPDATE attachments SET deleted_at = NULL WHERE id = ?", (att.id,))

    def empty_trash(self) -> int:
        """Delete trashed attachments for good; content nothing else uses goes with them."""
        with self.db.transaction() as db:
            return db.execute("DELETE FROM attachments WHERE deleted_at IS NOT NULL").rowcount

    # --- entry fields from photos -----------------------------------------------------------------
    def suggest_entry_fields(self, entry_uuid: str) -> EntrySuggestion:
        """Capture time and GPS position from the entry's first photo that has them,
        for the entry's fields that are still empty. Falsy when there is nothing to offer."""
        from journal.records.entries import EntryStore

        entry = EntryStore(self.db).get(entry_uuid)
        want_time = not entry.occurred_at
        want_place = entry.latitude is None and entry.longitude is None
        if not (want_time or want_place):
            return EntrySuggestion()
        timed, placed = [], []
        for att in self.list_for_entry(entry.uuid):
            meta = att.metadata
            if meta.get("capture_time"):
                timed.append(att)
            if meta.get("gps_latitude") is not None and meta.get("gps_longitude") is not None:
                placed.append(att)
        # Prefer one photo that gives both, so time and place describe the same moment.
        both = [a for a in placed if a in timed]
        time_source = both[0] if both and want_place else (timed[0] if timed else None)
        place_source = both[0] if both and want_time else (placed[0] if placed else None)
        found: dict[str, Any] = {}
        if want_time and time_source is not None:
            found["occurred_at"] = time_source.metadata["capture_time"]
            found["capture_time_has_zone"] = _has_zone(found["occurred_at"])
        if want_place and place_source is not None:
            found["latitude"] = float(place_source.metadata["gps_latitude"])
            found["longitude"] = float(place_source.metadata["gps_longitude"])
        chosen = place_source if "latitude" in found else time_source
        source = chosen.uuid if found and chosen is not None else None
        return EntrySuggestion(attachment_uuid=source, **found) if found else EntrySuggestion()

    def apply_suggestion(self, entry_uuid: str, suggestion: EntrySuggestion | None = None) -> Entry:
        """Fill the entry's empty time/position from a suggestion (computed now if None).

        Fields the user filled meanwhile are left alone. Returns the entry."""
        from journal.records.entries import EntryStore

        entries = EntryStore(self.db)
        with self.db.transaction():
            entry = entries.get(entry_uuid)
            suggestion = suggestion if suggestion is not None else self.suggest_entry_fields(entry.uuid)
            changes = suggestion.changes()
            if entry.occurred_at:
                changes.pop("occurred_at", None)
            if entry.latitude is not None or entry.longitude is not None:
                changes.pop("latitude", None)
                changes.pop("longitude", None)
            if not changes:
                return entry
            return entries.update(entry.uuid, **changes)

    # --- integrity ----------------------------------------------------------------------------------
    def check_consistency(self) -> list[str]:
        """Each blob's chunk rows or file against its record (fast: nothing is decrypted)."""
        problems: list[str] = []
        rows = self.db.query(
            "SELECT b.id, b.sha256, b.size, b.chunk_size, b.chunk_count, count(c.seq), "
            "coalesce(sum(length(c.data)), 0), coalesce(min(c.seq), 0), coalesce(max(c.seq), -1), "
            "coalesce(sum(c.seq < b.chunk_count - 1 AND length(c.data) != b.chunk_size), 0) "
            "FROM blobs b LEFT JOIN blob_chunks c ON c.blob_id = b.id WHERE b.file_id IS NULL GROUP BY b.id")
        for blob_id, sha, size, _chunk_size, chunk_count, count, total, low, high, short in rows:
            label = f"attachment content {sha[:12] if sha else '#' + str(blob_id)}"
            if sha is None:
                problems.append(f"{label}: unfinished import left behind")
            if count != chunk_count or low != 0 or high != chunk_count - 1:
                problems.append(f"{label}: {count} of {chunk_count} chunks present")
            if total != size:
                problems.append(f"{label}: {total} bytes stored, {size} expected")
            if short:
                problems.append(f"{label}: {short} chunks have the wrong size")
        files = self.blob_files
        for sha, size, chunk_size, file_id in self.db.query(
                "SELECT sha256, size, chunk_size, file_id FROM blobs WHERE file_id IS NOT NULL"):
            label = f"attachment content {str(sha)[:12]}"
            if files is None:
                break
            try:
                actual = files.path_of(file_id).stat().st_size
            except (OSError, JournalError):
                problems.append(f"{label}: its file {blobfiles.FOLDER}/{file_id[:2]}/{file_id} is missing")
                continue
            if actual != blobfiles.stored_file_size(size, chunk_size):
                problems.append(f"{label}: its file has {actual} bytes, "
                                f"{blobfiles.stored_file_size(size, chunk_size)} expected")
        for (sha,) in self.db.query(
                "SELECT b.sha256 FROM blobs b WHERE NOT EXISTS (SELECT 1 FROM attachments a WHERE a.blob_id = b.id)"):
            problems.append(f"attachment content {str(sha)[:12]}: no attachment refers to it")
        for uuid, name in self.db.query(
                "SELECT a.uuid, a.file_name FROM attachments a JOIN blobs b ON b.id = a.blob_id "
                "WHERE a.sha256 != b.sha256 OR a.size != b.size"):
            problems.append(f"attachment {uuid} ({name}): its record does not match its content")
        return problems

    def verify_hashes(self, *, progress: Progress | None = None, cancel=None) -> list[str]:
        """Re-read (decrypt) and re-hash every stored blob (slow for big files; progress in bytes)."""
        problems: list[str] = []
        blobs = self.db.query("SELECT id, sha256, size FROM blobs ORDER BY id")
        total = sum(r[2] for r in blobs)
        done = 0
        for blob_id, sha, _size in blobs:
            digest = hashlib.sha256()
            try:
                with open_blob(self.db, self.blob_files, blob_id) as src:
                    while piece := src.read(CHUNK_SIZE):
                        if is_cancelled(cancel):
                            raise Cancelled()
                        digest.update(piece)
                        done += len(piece)
                        if progress:
                            progress(done, total)
            except JournalError:
                problems.append(f"attachment content {str(sha)[:12]}: stored data missing or damaged")
                continue
            if digest.hexdigest() != sha:
                problems.append(f"attachment content {str(sha)[:12]}: SHA-256 does not match (data damaged)")
        return problems


# --- import helpers ----------------------------------------------------------------------------------
_REENCODED_TYPES = {"image/heic", "image/heif", "image/avif", "image/webp"}
#: Photos whose metadata imagemeta reads at import (shown by the viewer from Attachment.metadata).
_IMAGE_METADATA_TYPES = {"image/jpeg", "image/png", "image/webp", "image/heic", "image/heif", "image/avif"}


#: add_files reads files up to this size whole on a worker thread and describes them there
#: (metadata, thumbnail, stripped hash); bigger ones are streamed by add_file.
PREFETCH_LIMIT = 16 * 1024 * 1024
#: At most this many files, holding at most PREFETCH_BYTES, are read ahead of the one being
#: written (bounded memory: PREFETCH_BYTES plus the file being written). Deep enough that the
#: workers keep decoding while the writer commits.
PREFETCH_FILES = 8
PREFETCH_BYTES = 48 * 1024 * 1024
#: Worker threads making previews. Pillow and libheif decode outside the GIL, so on a 2-core
#: machine two workers plus the writing thread keep both cores busy.
PREVIEW_WORKERS = max(1, min(4, os.cpu_count() or 1))

#: add_files commits at most this many files, or this many bytes, at once.
BATCH_FILES = 16
BATCH_BYTES = 32 * 1024 * 1024


@dataclass
class _Details:
    media_type: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    note: str | None = None
    thumbnail: bytes | None = None
    stripped_sha256: str | None = None
    stripped_size: int | None = None


@dataclass(frozen=True)
class BlobDescription:
    """AttachmentStore.describe_blob's answer (metadata is {} for anything but a readable image)."""

    media_type: str
    metadata: dict[str, Any]
    thumbnail: bytes | None
    stripped_sha256: str | None
    note: str | None
    stripped_size: int | None = None


class _Prefetcher:
    """add_files' read-ahead: small files are read and described on worker threads, in a
    window of PREFETCH_FILES files and PREFETCH_BYTES bytes after the one being written.

    take(i) hands over file i's result (waiting for it if needed); release(i) frees its
    share of the byte budget once it is written. Files above PREFETCH_LIMIT are not read
    ahead (take gives _Prepared(None, None): stream them).
    """

    def __init__(self, paths: list[Path], sizes: list[int]) -> None:
        # Pillow's plugin registry and the HEIF opener are set up once here, not raced by workers.
        from PIL import Image

        from journal.media.decode import ensure_heif_support

        Image.init()
        ensure_heif_support()
        self._paths = paths
        self._sizes = sizes
        self._pool = ThreadPoolExecutor(max_workers=PREVIEW_WORKERS, thread_name_prefix="attachment-preview")
        self._futures: dict[int, Future] = {}
        self._charged: dict[int, int] = {}  # index -> bytes counted against the budget
        self._stats: dict[int, tuple[int, int] | None] = {}
        self._streamed: set[int] = set()
        self._next = 0
        self._bytes = 0

    def _fill(self) -> None:
        while self._next < len(self._paths) and len(self._futures) < PREFETCH_FILES:
            index = self._next
            if self._sizes[index] > PREFETCH_LIMIT:
                self._next += 1  # streamed when its turn comes; keep reading ahead past it
                continue
            cost = self._sizes[index]
            if self._charged and self._bytes + cost > PREFETCH_BYTES:
                return
            self._futures[index] = self._pool.submit(_prepare, self._paths[index])
            self._charged[index] = cost
            self._bytes += cost
            self._next += 1

    def take(self, index: int) -> _Prepared:
        """File `index`'s prepared content; call in order of index."""
        self._fill()
        future = self._futures.pop(index, None)
        prepared = future.result() if future is not None else _Prepared(None, None)
        self._fill()
        self._stats[index] = prepared.stat if prepared.data is not None else None
        if prepared.data is None:
            self._streamed.add(index)
        return prepared

    def release(self, index: int) -> None:
        """File `index` is written: its bytes no longer count against the budget."""
        self._bytes -= self._charged.pop(index, 0)
        self._fill()

    def stat_of(self, index: int) -> tuple[int, int] | None:
        """(size, mtime_ns) of file `index` when it was read ahead, None when it was streamed."""
        return self._stats.get(index)

    def streamed(self, index: int) -> bool:
        return index in self._streamed

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._futures.clear()


def _prepare(path: Path) -> _Prepared:
    """Worker side of add_files: read a small file and describe it, or leave it to streaming."""
    try:
        with open(path, "rb") as handle:
            stat = os.fstat(handle.fileno())
            if stat.st_size > PREFETCH_LIMIT:
                return _Prepared(None, None)
            # Exactly the size (+1 to notice growth): read(PREFETCH_LIMIT) would allocate
            # 16 MiB per worker for every small file before shrinking it.
            data = handle.read(stat.st_size + 1)
    except OSError:
        return _Prepared(None, None)  # add_file reports it clearly
    if len(data) != stat.st_size:
        return _Prepared(None, None)  # changing while read: add_file streams what is there
    media_type = sniff_media_type(data[:SNIFF_BYTES])
    kept = data if media_type.startswith("image/") else None
    details = _describe(clean_file_name(path.name), media_type, kept)
    return _Prepared(data, details, (stat.st_size, stat.st_mtime_ns), hashlib.sha256(data).hexdigest())


def _delete_if_unchanged(path: Path, stat: tuple[int, int] | None) -> str:
    """Overwrite and delete a source file read earlier, unless it changed since."""
    try:
        now = path.stat()
    except OSError:
        return _("The original file was already gone; nothing was deleted.")
    if stat is not None and (now.st_size, now.st_mtime_ns) != stat:
        return _("The original file changed while it was being attached, so it was not deleted.")
    overwrite_and_unlink(path)
    fsync_dir(path.parent)
    return DELETE_ORIGINAL_WARNING


def describe_received(file_name: str, media_type: str, image: "_Details | None") -> BlobDescription:
    """describe_blob's answer from what ImageDescriber gave for the content's bytes (None: it
    was not described, e.g. an image over IMAGE_IN_MEMORY_LIMIT)."""
    return _description(_describe(clean_file_name(file_name), media_type, None, image=image))


def _description(details: "_Details") -> BlobDescription:
    return BlobDescription(details.media_type, details.metadata, details.thumbnail, details.stripped_sha256,
                           details.note, details.stripped_size)


def _describe(file_name: str, media_type: str, kept: bytes | None, *, image: "_Details | None" = None,
              strip: bool = True) -> _Details:
    """What we learn about a file at import: image metadata, thumbnail, notes.

    kept is the whole content of an image small enough to hold, else None; image is what
    describe_image gave for it already (then kept is not needed)."""
    details = _Details(media_type=media_type)
    notes: list[str] = []
    claimed = _type_from_name(file_name)
    if claimed and not _same_type(claimed, media_type) and (
            claimed.startswith("image/") or media_type.startswith("image/")):
        notes.append(f"The file name suggests {claimed}, but the content is {media_type}; "
                     f"it is stored as {media_type}.")
    if media_type.startswith("image/"):
        if image is not None:
            details.metadata, details.thumbnail = image.metadata, image.thumbnail
            details.stripped_sha256, details.stripped_size = image.stripped_sha256, image.stripped_size
            if image.note:
                notes.append(image.note)
        elif kept is None:
            notes.append(f"This image is larger than {IMAGE_IN_MEMORY_LIMIT // (1024 * 1024)} MiB; "
                         "its metadata was not read and it has no preview.")
        else:
            notes.extend(_read_image(kept, media_type, details, strip=strip))
    details.note = " ".join(notes) or None
    return details


#: An attachment whose preview is pending. length() of a BLOB reads the record header only,
#: never the thumbnail itself (a comparison with x'' would load every stored preview).
_PENDING = "length(thumbnail) = 0"
#: What thumbnail(make_if_pending=False) gives for a preview still to be made (falsy, not None).
PREVIEW_PENDING = b""


def _read_whole_image(db: Database, blob_files, blob_id: int) -> bytes | None:
    """The whole content of a stored image up to IMAGE_IN_MEMORY_LIMIT, else None."""
    with open_blob(db, blob_files, blob_id) as src:
        if src.raw_size > IMAGE_IN_MEMORY_LIMIT:
            return None
        pieces = []
        while piece := src.read(src.raw_chunk_size):
            pieces.append(piece)
    return b"".join(pieces)


def _make_preview(data: bytes) -> tuple[bytes | None, MediaError | None]:
    """A preview of an image in memory (thread-safe), or (None, why not)."""
    from journal.media.imagemeta import make_thumbnail

    try:
        return make_thumbnail(data, THUMBNAIL_SIDE), None
    except MediaError as exc:
        return None, exc


def describe_image(data: bytes, media_type: str, *, strip: bool = True, preview: bool = True) -> "_Details":
    """Metadata, thumbnail and stripped hash and size of an image in memory (thread-safe: Pillow
    decodes outside the GIL); notes for what failed, joined in .note. preview=False: the
    pixels are not decoded, the thumbnail is PENDING_PREVIEW (made later)."""
    details = _Details(media_type=media_type)
    details.note = " ".join(_read_image(data, media_type, details, strip=strip, preview=preview)) or None
    return details


class ImageDescriber:
    """Describes images on worker threads (describe_image), at most max_bytes of them waiting.

    submit(key, data, …) hands over an image's bytes (blocking while too many bytes wait);
    take(key) waits for its description (None if nothing was submitted under key). Used by the
    bundle importer: images are described from the bytes passing through, in parallel, instead
    of being read, decrypted and decoded one after another once everything is written."""

    def __init__(self, workers: int = 0, max_bytes: int = 0, *, previews: bool = True) -> None:
        """previews=False: metadata and stripped hash only, the preview left PENDING_PREVIEW
        (bundle import: fill_previews_step makes them after the commit)."""
        from PIL import Image

        from journal.media.decode import ensure_heif_support

        Image.init()  # plugins registered once here, not raced by the workers
        ensure_heif_support()
        self._pool = ThreadPoolExecutor(max_workers=workers or PREVIEW_WORKERS,
                                        thread_name_prefix="image-describe")
        self._max_bytes = max_bytes or PREFETCH_BYTES
        self._futures: dict[Any, Future] = {}
        self._pending: list[tuple[Future, int]] = []  # oldest first, with their sizes
        self._bytes = 0
        self._previews = previews

    def submit(self, key: Any, data: bytes | list[bytes], media_type: str, *, strip: bool = True) -> None:
        """``data``: the image's bytes, or its pieces in order (joined on the worker, if at all)."""
        if key in self._futures:
            return
        size = len(data) if isinstance(data, bytes) else sum(len(piece) for piece in data)
        while self._pending and self._bytes + size > self._max_bytes:
            waited, waited_size = self._pending.pop(0)
            waited.exception()  # wait; the error (if any) is raised by take()
            self._bytes -= waited_size
        future = self._pool.submit(_describe_pieces, data, media_type, strip, self._previews)
        self._futures[key] = future
        self._pending.append((future, size))
        self._bytes += size

    def __contains__(self, key: Any) -> bool:
        return key in self._futures

    def take(self, key: Any) -> "_Details | None":
        future = self._futures.pop(key, None)
        if future is None:
            return None
        details = future.result()
        for index, (pending, size) in enumerate(self._pending):
            if pending is future:
                del self._pending[index]
                self._bytes -= size
                break
        return details

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._futures.clear()
        self._pending.clear()
        self._bytes = 0


def _describe_pieces(data: bytes | list[bytes], media_type: str, strip: bool, preview: bool) -> "_Details":
    """describe_image on an image given whole or in pieces. When only the header of a JPEG is
    needed (no preview, no cleaning: everything Pillow reads before the scan data), the
    first piece is tried alone: the pieces of a 5 MB photo are not copied together for the
    few kilobytes its metadata takes. Other formats may keep metadata at the end (HEIF)."""
    if isinstance(data, list):
        if not preview and not strip and len(data) > 1 and media_type == "image/jpeg":
            head = describe_image(data[0], media_type, strip=False, preview=False)
            if head.metadata:  # else (a header longer than the first piece?) read it all
                return head
        data = b"".join(data)
    return describe_image(data, media_type, strip=strip, preview=preview)


def _read_image(data: bytes, media_type: str, details: "_Details", *, strip: bool = True,
                preview: bool = True) -> list[str]:
    """Metadata, thumbnail and stripped hash from an image in memory; notes for what failed.
    preview=False: the header only (no pixels decoded); the thumbnail is PENDING_PREVIEW."""
    from journal.media.imagemeta import read_image_metadata, read_metadata_and_thumbnail
    from journal.media.strip import can_clean, strip_metadata

    thumbnail_error: MediaError | None = None
    try:
        if preview:
            meta, details.thumbnail, thumbnail_error = read_metadata_and_thumbnail(data, THUMBNAIL_SIDE)
        else:
            meta, details.thumbnail = read_image_metadata(data), PENDING_PREVIEW
    except MediaError as exc:
        return [f"It could not be read as an image: {exc} It is kept as an ordinary file."]
    meta_json = asdict(meta)
    meta_json["detected_media_type"] = meta_json.pop("media_type")
    details.metadata = meta_json
    notes = []
    if thumbnail_error is not None:
        notes.append(f"No preview could be made: {thumbnail_error}")
    # Lossless cleaning (JPEG, PNG) is cheap enough to hash now; re-encoded
    # types (HEIC, WebP) get theirs at their first stripped export.
    if strip and can_clean(media_type) and media_type not in _REENCODED_TYPES:
        sink = _NullSink()  # strip_metadata hashes what it writes itself
        try:
            result = strip_metadata(io.BytesIO(data), sink, media_type, total=len(data))
            details.stripped_sha256 = result.sha256
            details.stripped_size = result.size
        except MediaError as exc:
            notes.append(f"Its metadata cannot be removed: {exc}")
    return notes


@dataclass
class _Prepared:
    data: bytes | None  # None: stream it from the file instead
    details: _Details | None
    stat: tuple[int, int] | None = None  # (size, mtime_ns) when read
    sha256: str | None = None  # of data


class _NullSink:
    """A write-only stream that keeps nothing (strip_metadata reports the SHA-256 of what it wrote)."""

    def write(self, data) -> int:
        return len(data)


def _read_full(stream: BinaryIO, view: memoryview) -> int:
    """Fill `view` from the stream, short only at its end."""
    filled = 0
    size = len(view)
    readinto = getattr(stream, "readinto", None)
    while filled < size:
        if readinto is not None:
            n = readinto(view[filled:])
        else:
            data = stream.read(size - filled)
            n = len(data) if data else 0
            view[filled:filled + n] = data or b""
        if not n:
            break
        filled += n
    return filled


def _type_from_name(file_name: str) -> str | None:
    suffix = Path(file_name).suffix.lower()
    if suffix in (".heic", ".heif"):
        return "image/heic" if suffix == ".heic" else "image/heif"
    if suffix == ".webp":
        return "image/webp"
    guessed, _ = mimetypes.guess_type("x" + suffix, strict=False) if suffix else (None, None)
    return guessed


def _same_type(a: str, b: str) -> bool:
    if a == b:
        return True
    return any(a in group and b in group for group in _EQUIVALENT_TYPES)


def _has_zone(iso: str) -> bool:
    tail = iso[10:]
    return tail.endswith("Z") or "+" in tail or "-" in tail


def clean_file_name(name: str) -> str:
    """A file name safe to show and to save under: no folders, controls or NULs."""
    name = unicodedata.normalize("NFC", str(name))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip().lstrip(".")
    if len(name) > MAX_FILE_NAME:
        stem, dot, ext = name.rpartition(".")
        ext = ext[:16] if dot else ""
        name = (stem if dot else name)[:MAX_FILE_NAME - len(ext) - 1] + ("." + ext if ext else "")
    return name or "attachment"
