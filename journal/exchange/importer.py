"""Import of bundles received from documenters (the coordinator's side).

One bundle is imported in ONE database transaction, in this order:
1. ``read_bundle`` decrypts with this journal's age identity and streams the members into a
   sink that *stages* them inside the open transaction: JSONL records (strictly validated)
   into ``import_staging``, attachment bytes into new attachment files whose rows are written
   in the same transaction (journal/storage/blobfiles.py; content already stored is not stored again);
2. ``read_bundle`` verifies the signature, every member's size and hash, and returns. In format
   version 2 the signed manifest comes first: it is verified, and the sender checked (step 3),
   before any content is staged. In version 1 (manifest last) at most STAGING_QUOTA is staged
   before the signature is checked; a bigger bundle is verified first writing nothing, then
   read again (docs/bundle-format.md);
3. only then is the sender looked at (known, new, blocked, same name with another key) and the
   staged records applied to entries, people and the contact log, with provenance; images
   linked to entries get their metadata (headers only), so untrusted image parsing starts only
   after the signature verified. Their previews are left pending (PENDING_PREVIEW): decoding
   the pixels of a camera photo was most of its import's time, so the previews are made
   after the commit (AttachmentStore.fill_previews_step: the GUI in the background, the CLI
   right after the import; one is made on demand if it is viewed before). In version 2 (manifest first, each member's hash checked
   at its end) an image is handed to worker threads (records.attachments.ImageDescriber) from
   the bytes passing through, as soon as its hash checked out; otherwise (version 1) the
   stored images are read back once and described on the same workers. Content the sender
   sent stripped is its own cleaned copy and is not cleaned again;
4. attachment content no accepted record links is dropped (it was not even written if no entry
   named it); an entry links only content this bundle or the same sender's earlier ones carried;
5. commit. Any failure before that rolls everything back: one clear reason, nothing changed.

Imported records are ordinary rows (lists and search show them) with a `provenance` row.
Their content is read-only for the coordinator (a trigger in migration 5); the coordinator's
review status, notes and tags live in `entry_review`. A later bundle with a higher revision of
an entry updates it (the coordinator keeps every version as a local revision); an equal or
older revision changes nothing. A record whose uuid already belongs to another source (the
coordinator's own, or another sender's) is never merged into it: it is skipped and reported.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import mimetypes
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Literal, overload

from journal.storage import blobfiles
from journal.exchange.bundle import BundleRejected, Limits, read_bundle
from journal.exchange.bundle.reader import DiscardSink
from journal.exchange.bundle.card import fingerprint as card_fingerprint
from journal.exchange.bundle.card import has_control_characters
from journal.exchange.bundle.reader import DEFAULT_LIMITS, VerifiedManifest
from journal.exchange.identity import IdentityStore
from journal.records.attachments import (
    IMAGE_IN_MEMORY_LIMIT,
    AttachmentStore,
    ImageDescriber,
    describe_received,
)
from journal.records.contact_log import ContactLogStore
from journal.records.entries import Entry, EntryStore
from journal.records.forms import FormStore
from journal.records.people import PeopleStore
from journal.storage.blobfiles import BlobFiles
from journal.storage.db import Database, storage_error_from_os
from journal.errors import Cancelled, InvalidInput, JournalError, NotFound
from journal.media.sniff import SNIFF_BYTES, ZIP, sniff_media_type, sniff_zip_document
from journal.records.people import join_list, split_list
from journal.exchange.records_jsonl import (
    EntryIn,
    RecordInvalid,
    validate_contact_log,
    validate_entry,
    validate_person,
)
from journal.timeutil import utc_now_iso
from journal.i18n import N_, _
from journal.progress import Progress, check_cancel

CHUNK_SIZE = 1024 * 1024
BUNDLE_SUFFIX = ".ijbundle"
REVIEW_STATUSES = ("new", "reviewed", "needs_follow_up", "verified", "disputed")
_APPLY_ORDER = ("contacts", "entries", "contact_log", "forms")
_PAGE = 200



# --- senders -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class SenderInfo:
    """A documenter whose bundles this journal received (or is being asked to accept)."""

    id: int | None
    display_name: str
    claimed_name: str
    fingerprint: str
    ed25519_public_key: str  # standard base64, as in the manifest
    age_recipient: str
    status: str = "trusted"
    verified: bool = False
    first_bundle_at: str | None = None
    last_bundle_at: str | None = None
    bundle_count: int = 0
    entry_count: int = 0

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.display_name, "claimed_name": self.claimed_name,
                "fingerprint": self.fingerprint, "ed25519_public_key": self.ed25519_public_key,
                "age_recipient": self.age_recipient, "status": self.status, "verified": self.verified,
                "first_bundle_at": self.first_bundle_at, "last_bundle_at": self.last_bundle_at,
                "bundles": self.bundle_count, "entries": self.entry_count}


@dataclass(frozen=True)
class NewSender:
    """What a trust callback is shown for a signing key never seen before."""

    display_name: str
    fingerprint: str
    age_recipient: str
    same_name_other_keys: list[SenderInfo]  # non-empty: "same name, different key" — say so loudly


_SENDER_COLUMNS = ("id, display_name, claimed_name, fingerprint, ed25519_public_key, age_recipient, status, "
                   "verified, first_bundle_at, last_bundle_at, bundle_count, entry_count")


def _sender_from_row(row) -> SenderInfo:
    (id_, name, claimed, fp, key, age, status, verified, first, last, bundles, entries) = row
    return SenderInfo(id_, name, claimed, fp, base64.b64encode(bytes(key)).decode("ascii"), age, status,
                      bool(verified), first, last, bundles, entries)


class SenderStore:
    """Documenters known to this journal: verify, rename, block or trust again."""

    def __init__(self, db) -> None:
        self.db = db

    def list(self) -> list[SenderInfo]:
        rows = self.db.query(f"SELECT {_SENDER_COLUMNS} FROM senders ORDER BY display_name COLLATE NOCASE, id")
        return [_sender_from_row(r) for r in rows]

    def get(self, ref: str | int) -> SenderInfo:
        """By id (number), fingerprint, or exact name (if unique)."""
        key = " ".join(str(ref).split())
        rows: list = []
        if key.isdigit():
            rows = self.db.query(f"SELECT {_SENDER_COLUMNS} FROM senders WHERE id = ?", (int(key),))
        if not rows:
            rows = self.db.query(f"SELECT {_SENDER_COLUMNS} FROM senders WHERE fingerprint = ?", (key.lower(),))
        if not rows:
            rows = self.db.query(f"SELECT {_SENDER_COLUMNS} FROM senders WHERE display_name = ? COLLATE NOCASE "
                                 "LIMIT 2", (key,))
        if len(rows) > 1:
            raise InvalidInput(_("More than one sender is called “{ref}”; use the id.").format(ref=ref))
        if not rows:
            raise NotFound(_("No sender “{ref}”. See `journal senders`.").format(ref=ref))
        return _sender_from_row(rows[0])

    def _set(self, ref, column: str, value) -> SenderInfo:
        sender = self.get(ref)
        assert sender.id is not None  # read from the journal
        with self.db.transaction() as db:
            db.execute(f"UPDATE senders SET {column} = ? WHERE id = ?", (value, sender.id))
        return self.get(sender.id)

    def verify(self, ref, verified: bool = True) -> SenderInfo:
        """Record that the fingerprint was compared with the documenter aloud or in person."""
        return self._set(ref, "verified", int(verified))

    def block(self, ref) -> SenderInfo:
        """Refuse this sender's bundles from now on (what was imported stays)."""
        return self._set(ref, "status", "blocked")

    def trust(self, ref) -> SenderInfo:
        """Accept a blocked sender's bundles again."""
        return self._set(ref, "status", "trusted")

    def rename(self, ref, name: str) -> SenderInfo:
        name = " ".join(str(name).split())
        if not name or len(name) > 200:
            raise InvalidInput(_("A sender's name needs 1 to 200 characters."))
        if has_control_characters(name):
            raise InvalidInput(_("A sender's name may not contain control or text-direction characters."))
        return self._set(ref, "display_name", name)


# --- results -----------------------------------------------------------------------------------
@dataclass
class ImportResult:
    """What happened to one bundle file. status: accepted, duplicate or rejected."""

    path: str
    status: str
    reason: str = ""
    sender: SenderInfo | None = None
    bundle_id: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    key_changed: bool = False
    #: Rejected only because the sender is new here: `--trust-new` (after comparing fingerprints) imports it.
    untrusted_sender: bool = False

    @property
    def message(self) -> str:
        """One line: accepted / already imported / rejected: reason (English, for --json)."""
        return self._message(lambda text: text)

    @property
    def shown_message(self) -> str:
        """The same line in the user's language."""
        return self._message(_)

    def _message(self, translate: Callable[[str], str]) -> str:
        if self.status == "accepted":
            return translate(N_("accepted"))
        if self.status == "duplicate":
            return translate(N_("already imported"))
        return translate(N_("rejected: {reason}")).format(reason=self.reason)

    def as_json(self) -> dict[str, Any]:
        return {"path": self.path, "status": self.status, "message": self.message, "reason": self.reason,
                "bundle_id": self.bundle_id, "sender": self.sender.as_json() if self.sender else None,
                "counts": self.counts, "warnings": self.warnings, "key_changed": self.key_changed}


class _Duplicate(Exception):
    def __init__(self, sender: SenderInfo | None) -> None:
        self.sender = sender


# --- staging sink --------------------------------------------------------------------------------
class _NullWriter:
    def write(self, chunk: bytes) -> int:
        return len(chunk)


class _BlobWriter:
    """Writes an attachment's bytes into a new attachment file (journal/storage/blobfiles.py), tied to
    the import transaction: fsynced before it commits, removed if it rolls back. A failed
    write (a full disk) is a StorageError with the clear message, not a "cannot read"."""

    def __init__(self, db, blob_files, chunk_size: int, keep_images: bool = False) -> None:
        files = blob_files
        try:
            self.file = files.create(chunk_size)
        except OSError as exc:
            raise storage_error_from_os(exc) from None
        files.track(db, self.file)
        self.head = b""
        self._keep_images = keep_images
        #: The bytes of an image small enough to describe from memory (as add_file keeps them).
        self.kept: list[bytes] | None = None
        self._kept_size = 0

    def write(self, chunk: bytes) -> int:
        if not self.head:
            self.head = bytes(chunk[:SNIFF_BYTES])
            if self._keep_images and sniff_media_type(self.head).startswith("image/"):
                self.kept = []
        if self.kept is not None:
            self._kept_size += len(chunk)
            if self._kept_size <= IMAGE_IN_MEMORY_LIMIT:
                self.kept.append(bytes(chunk))
            else:
                self.kept = None
        try:
            return self.file.write(chunk)
        except OSError as exc:
            raise storage_error_from_os(exc) from None

    def finish(self, db, sha256: str) -> None:
        try:
            self.file.finish()
        except OSError as exc:
            raise storage_error_from_os(exc) from None
        size = self.file.size
        chunk_size = self.file.chunk_size
        db.execute(
            "INSERT INTO blobs (sha256, size, chunk_size, chunk_count, created_at, file_id, file_key) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (sha256, size, chunk_size, blobfiles.chunk_count(size, chunk_size), utc_now_iso(),
             self.file.file_id, self.file.key))


class _StagingQuotaExceeded(Exception):
    """The bundle holds more than may be staged before its signature is checked."""


#: What an import may stage (records and new attachment files) before the bundle's signature and
#: sender were checked. The manifest and its signature are the LAST members of a bundle (it is
#: written in one streaming pass), so a forged bundle would otherwise make the coordinator write
#: up to the whole size limit before it is refused. A bigger bundle is verified first, writing
#: nothing, and then read again to be imported (docs/bundle-format.md).
STAGING_QUOTA = 16 * 1024 * 1024
#: Bytes of received images waiting for the describing workers (on top of the one being read):
#: about four 12-megapixel photos, enough to keep two workers busy, and the import's memory
#: growth under 100 MB (bench/bench_bundles.py --photos).
_DESCRIBE_BYTES = 24 * 1024 * 1024
#: Each new attachment file is charged at least this much (a file system block and its entry).
_FILE_CHARGE = 4096


class _StagingSink:
    """read_bundle's sink: validates and stages records, stores new attachment content.

    With a ``quota`` (bytes), it refuses to stage more than that (_StagingQuotaExceeded): the
    bundle is not verified yet. Without one, the bundle was verified by an earlier pass."""

    def __init__(self, db, blob_files, chunk_size: int, quota: int | None = None) -> None:
        self.db = db
        self.blob_files = blob_files
        self.chunk_size = chunk_size
        self.quota = quota
        self.staged = 0
        self.lines: dict[str, int] = {}
        self.new_blobs = 0
        #: sha256 -> media type sniffed from the first bytes of content this bundle stored (so
        #: linking need not read and decrypt its first chunk again). A short string per file,
        #: not the bytes themselves: memory stays small with many members.
        self.media_types: dict[str, str] = {}
        self._writers: dict[str, _BlobWriter] = {}
        #: SHA-256 of the attachments the staged entries name. entries.jsonl comes before the
        #: attachments, so content no entry names is not even written (what is written and then
        #: not linked, e.g. for an entry skipped for an id collision, is dropped before commit).
        self.referenced: set[str] = set()
        self.unused = 0
        #: Called with the verified manifest of a version 2 bundle, before any of its content;
        #: returns the sender (or raises to refuse the bundle before anything is written).
        self.on_verified: Callable[[VerifiedManifest], SenderInfo] | None = None
        self.sender: SenderInfo | None = None
        #: SHA-256 of the attachments the staged entries say were sent stripped (cleaned).
        self.stripped: set[str] = set()
        #: Describes images from the bytes passing through (version 2 only: the manifest was
        #: verified and the sender accepted before any content, and end_member is called only
        #: once the member's hash checked out). Made by manifest_verified; closed by the importer.
        self.describer: ImageDescriber | None = None

    def manifest_verified(self, verified: VerifiedManifest) -> None:
        """read_bundle: the manifest came first and its signature checked out (version 2).
        From here on every member is checked against it as it arrives: no quota needed."""
        self.quota = None
        if self.on_verified is not None:
            self.sender = self.on_verified(verified)
        if any(m.path.startswith("attachments/") for m in verified.manifest.members):
            self.describer = ImageDescriber(max_bytes=_DESCRIBE_BYTES, previews=False)

    def _charge(self, amount: int) -> None:
        self.staged += amount
        if self.quota is not None and self.staged > self.quota:
            raise _StagingQuotaExceeded()

    def record(self, kind: str, obj: dict[str, Any]) -> None:
        line = self.lines[kind] = self.lines.get(kind, 0) + 1
        from journal.records.forms import FormRecordInvalid, validate_form_record

        validator = {"entries": validate_entry, "contacts": validate_person,
                     "contact_log": validate_contact_log, "forms": validate_form_record}[kind]
        try:
            valid = validator(obj)
        except (RecordInvalid, FormRecordInvalid) as exc:
            raise BundleRejected(_("invalid record in {kind}.jsonl line {line}: {exc}").format(kind=kind, line=line, exc=exc)) from None
        if isinstance(valid, EntryIn):
            self.referenced.update(att.sha256 for att in valid.attachments)
            self.stripped.update(att.sha256 for att in valid.attachments if att.stripped)
        text = json.dumps(obj, ensure_ascii=False)
        self._charge(len(text) + 64)
        self.db.execute("INSERT INTO import_staging (kind, line, record) VALUES (?, ?, ?)",
                        (kind, line, text))

    def begin_member(self, path: str, size: int):
        sha = path.rsplit("/", 1)[-1]
        if self.db.query_one("SELECT 1 FROM blobs WHERE sha256 = ?", (sha,)) is not None:
            return _NullWriter()  # stored once per SHA-256; read_bundle still checks the bytes
        if "entries" in self.lines and sha not in self.referenced:
            self.unused += 1
            return _NullWriter()  # no entry of this bundle names it (read_bundle still checks it)
        self._charge(max(size, 0) + _FILE_CHARGE)
        writer = self._writers[path] = _BlobWriter(self.db, self.blob_files, self.chunk_size,
                                                   keep_images=self.describer is not None)
        return writer

    def end_member(self, path: str, sha256: str) -> None:
        writer = self._writers.pop(path, None)
        if writer is not None:
            writer.finish(self.db, sha256)
            self.new_blobs += 1
            media_type = self.media_types[sha256] = sniff_media_type(writer.head)
            if writer.kept is not None and self.describer is not None:
                # Verified (signed manifest, hash just checked): decoded on a worker meanwhile.
                pieces, writer.kept = writer.kept, None  # joined on the worker, if needed at all
                self.describer.submit(sha256, pieces, media_type, strip=sha256 not in self.stripped)

    def close(self) -> None:
        if self.describer is not None:
            self.describer.close()


class _HashingSource:
    """The bundle file as read_bundle sees it, hashed and counted on the way."""

    def __init__(self, handle: BinaryIO) -> None:
        self._handle = handle
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        data = self._handle.read(size)
        self.digest.update(data)
        self.size += len(data)
        return data

    def fileno(self) -> int:
        return self._handle.fileno()

    def tell(self) -> int:
        return self._handle.tell()

    def rewind(self) -> None:
        """Back to the start, to read the file again (the second pass of a big bundle)."""
        self._handle.seek(0)
        self.digest = hashlib.sha256()
        self.size = 0


# --- the importer -------------------------------------------------------------------------------
TrustDecision = bool | Callable[[NewSender], bool]


class Importer:
    """Imports bundles into a journal; also the coordinator's review of imported entries."""

    def __init__(self, db: Database, *, blob_files: BlobFiles, entries: EntryStore, people: PeopleStore,
                 contact_log: ContactLogStore, attachments: AttachmentStore, forms: FormStore,
                 identity: IdentityStore, limits: Limits = DEFAULT_LIMITS, chunk_size: int = CHUNK_SIZE,
                 staging_quota: int = STAGING_QUOTA) -> None:
        """The stores it writes through are handed in (journal/storage/vault.py builds them)."""
        self.db = db
        self.blob_files = blob_files
        self.entries = entries
        self.people = people
        self.contact_log = contact_log
        self.attachments = attachments
        self.forms = forms
        self.identity = identity
        self.limits = limits
        self.chunk_size = chunk_size
        self.staging_quota = staging_quota

    # --- many files -------------------------------------------------------------------------
    @staticmethod
    def bundle_files(paths: Iterable[str | Path]) -> list[Path]:
        """The files to import: given files as they are, folders' *.ijbundle files sorted by name."""
        found: list[Path] = []
        for item in paths:
            path = Path(item)
            if path.is_dir():
                found.extend(sorted(p for p in path.iterdir() if p.suffix == BUNDLE_SUFFIX and p.is_file()))
            else:
                found.append(path)
        return found

    def import_paths(self, paths: Iterable[str | Path], *, trust_new: TrustDecision = False,
                     progress: Progress | None = None, cancel: Any = None) -> list[ImportResult]:
        """Import every bundle given (files, or folders of *.ijbundle). One result per file;
        progress(done, total) counts files. Cancelled stops between or inside bundles (the
        bundle being read is rolled back)."""
        files = self.bundle_files(paths)
        results = []
        for done, path in enumerate(files):
            if progress is not None:
                progress(done, len(files))
            results.append(self.import_bundle(path, trust_new=trust_new, cancel=cancel))
        if progress is not None:
            progress(len(files), len(files))
        return results

    # --- one file ---------------------------------------------------------------------------
    def import_bundle(self, path: str | Path, *, trust_new: TrustDecision = False,
                      progress: Progress | None = None, cancel: Any = None) -> ImportResult:
        """Import one bundle file. Returns accepted / duplicate / rejected; raises only Cancelled."""
        path = Path(path)
        result = ImportResult(str(path), "rejected")
        try:
            handle = open(path, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            result.reason = _("cannot read the file ({error})").format(error=exc.strerror or exc)
            return result
        try:
            with handle:
                self._import(handle, result, trust_new, progress, cancel)
        except _Duplicate as dup:
            result.status, result.sender, result.counts = "duplicate", dup.sender, {}
            result.warnings.clear()
        except BundleRejected as exc:
            result.status, result.reason, result.counts = "rejected", exc.reason, {}
            result.warnings.clear()
        except Cancelled:
            raise
        except JournalError as exc:  # a record the stores refused, a damaged database, …
            result.status, result.reason, result.counts = "rejected", str(exc).rstrip("."), {}
            result.warnings.clear()
        except OSError as exc:
            result.status, result.reason = "rejected", _("cannot read the file ({error})").format(error=exc.strerror or exc)
        return result

    def _import(self, handle: BinaryIO, result: ImportResult, trust_new: TrustDecision,
                progress: Progress | None, cancel: Any) -> None:
        source = _HashingSource(handle)
        identity = self.identity.get()
        try:  # small bundles: one pass, staging at most staging_quota before the signature is checked
            self._import_pass(source, identity, result, trust_new, progress, cancel, self.staging_quota)
            return
        except _StagingQuotaExceeded:
            pass  # rolled back: nothing it staged is left
        # A bigger bundle is verified first, writing nothing: a forged bundle, or a stranger's,
        # is refused before anything of it reaches the disk. Then it is read again and imported.
        result.warnings.clear()
        result.sender, result.key_changed = None, False

        def half(offset: int):
            if progress is None:
                return None
            return lambda done, total: progress(offset * total + done, 2 * total)

        source.rewind()
        checked = read_bundle(source, [identity.age_secret_key], DiscardSink(), limits=self.limits,
                              progress=half(0), cancel=cancel)
        result.bundle_id = checked.bundle_id
        self._check_not_received(checked)
        asked = self._sender(checked, trust_new, result, decide_only=True)
        result.warnings.clear()
        source.rewind()
        self._import_pass(source, identity, result, True if asked else trust_new, half(1), cancel, None,
                          expected=checked)

    def _check_not_received(self, verified: VerifiedManifest) -> None:
        existing = self.db.query_one("SELECT sender_id FROM received_bundles WHERE bundle_id = ?",
                                     (verified.bundle_id,))
        if existing is not None:
            raise _Duplicate(SenderStore(self.db).get(existing[0]))

    def _import_pass(self, source: _HashingSource, identity, result: ImportResult, trust_new: TrustDecision,
                     progress: Progress | None, cancel: Any, quota: int | None,
                     expected: VerifiedManifest | None = None) -> None:
        with self.db.transaction() as db:
            first_new_blob = db.query_one("SELECT coalesce(max(id), 0) FROM blobs")[0]
            sink = _StagingSink(db, self.blob_files, self.chunk_size, quota)

            def signed_first(verified: VerifiedManifest) -> SenderInfo:
                # Version 2: the sender is known before any content, so a stranger's bundle (or a
                # blocked sender's, or one already imported) is refused before anything is written.
                result.bundle_id = verified.bundle_id
                self._check_not_received(verified)
                return self._sender(verified, trust_new, result)

            sink.on_verified = signed_first
            try:
                self._read_and_apply(source, identity, result, trust_new, progress, cancel, expected, db, sink,
                                     first_new_blob)
            finally:
                sink.close()

    def _read_and_apply(self, source: _HashingSource, identity, result: ImportResult, trust_new: TrustDecision,
                        progress: Progress | None, cancel: Any, expected: VerifiedManifest | None, db,
                        sink: _StagingSink, first_new_blob: int) -> None:
        verified = read_bundle(source, [identity.age_secret_key], sink, limits=self.limits,
                               progress=progress, cancel=cancel)
        if expected is not None and verified.manifest_bytes != expected.manifest_bytes:
            raise BundleRejected(_("the file changed while it was being imported"))
        result.bundle_id = verified.bundle_id
        sender = sink.sender
        if sender is None:  # version 1: the manifest came last
            self._check_not_received(verified)
            sender = self._sender(verified, trust_new, result)
        result.sender = sender
        assert sender.id is not None  # a known or just-added sender: a row of `senders`
        db.execute("INSERT INTO import_lock (id) VALUES (1)")
        applier = _Applier(self, sender, verified, result.warnings, cancel)
        applier.media_types = sink.media_types
        applier.describer = sink.describer
        counts = applier.apply()
        counts["attachments_stored"] = sink.new_blobs - self._drop_unused(db, first_new_blob, result,
                                                                          sink.unused)
        now = utc_now_iso()
        db.execute(
            "INSERT INTO received_bundles (bundle_id, sender_id, created_at, received_at, file_sha256, "
            "file_size, entry_count, person_count, log_count, attachment_count, manifest) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (verified.bundle_id, sender.id, verified.manifest.created_at, now, source.digest.hexdigest(),
             source.size, sink.lines.get("entries", 0), sink.lines.get("contacts", 0),
             sink.lines.get("contact_log", 0),
             sum(1 for m in verified.manifest.members if m.path.startswith("attachments/")),
             verified.manifest_bytes.decode("utf-8")))
        # Kept verbatim for evidence packages (journal/evidence): manifest + signature.
        db.execute("INSERT INTO received_signatures (bundle_id, signature) VALUES (?, ?)",
                   (verified.bundle_id, bytes(verified.signature)))
        db.execute(
            "UPDATE senders SET first_bundle_at = coalesce(first_bundle_at, ?), last_bundle_at = ?, "
            "bundle_count = bundle_count + 1, entry_count = entry_count + ?, claimed_name = ?, "
            "age_recipient = ? WHERE id = ?",
            (now, now, counts.get("entries_new", 0), verified.sender.display_name,
             verified.sender.age_recipient, sender.id))
        db.execute("DELETE FROM import_staging")
        db.execute("DELETE FROM import_lock")
        result.sender = SenderStore(db).get(sender.id)
        result.counts = counts
        result.status = "accepted"

    @staticmethod
    def _drop_unused(db, first_new_blob: int, result: ImportResult, not_written: int) -> int:
        """Content this bundle stored that no accepted record links (an extra member, or the
        attachment of an entry skipped for an id collision) is not kept: in the same
        transaction, its row goes and its file is removed after the commit. Returns how many
        were dropped; the warning also counts those never written (``not_written``)."""
        dropped = db.execute(
            "DELETE FROM blobs WHERE id > ? AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.blob_id = blobs.id)",
            (first_new_blob,)).rowcount
        if dropped + not_written:
            result.warnings.append(_("Files in the bundle that no entry received uses were not kept: {count}.")
                                   .format(count=dropped + not_written))
        return dropped

    @overload
    def _sender(self, verified: VerifiedManifest, trust_new: TrustDecision, result: ImportResult,
                *, decide_only: Literal[False] = ...) -> SenderInfo: ...
    @overload
    def _sender(self, verified: VerifiedManifest, trust_new: TrustDecision, result: ImportResult,
                *, decide_only: Literal[True]) -> bool: ...
    def _sender(self, verified: VerifiedManifest, trust_new: TrustDecision, result: ImportResult,
                *, decide_only: bool = False) -> SenderInfo | bool:
        """The known sender of a verified bundle, or a new one once ``trust_new`` accepts it;
        BundleRejected otherwise. With ``decide_only`` nothing is written: returns False for a
        known sender and the NewSender question's answer (True) for a new one."""
        claimed = verified.sender
        key = bytes(claimed.ed25519_public_key)
        fp = card_fingerprint(claimed.age_recipient, key)
        row = self.db.query_one(f"SELECT {_SENDER_COLUMNS} FROM senders WHERE ed25519_public_key = ?", (key,))
        shown = SenderInfo(None, claimed.display_name, claimed.display_name, fp,
                           base64.b64encode(key).decode("ascii"), claimed.age_recipient)
        if row is not None:
            sender = _sender_from_row(row)
            result.sender = sender
            if sender.status == "blocked":
                raise BundleRejected(_("sender blocked: {display_name} (fingerprint {fingerprint})").format(display_name=sender.display_name, fingerprint=sender.fingerprint))
            if sender.age_recipient != claimed.age_recipient:
                result.warnings.append(_("{display_name} now gives a different age recipient (used only to reply to them); the signing key is the known one.").format(display_name=sender.display_name))
            return False if decide_only else sender
        result.sender = shown
        lowered = claimed.display_name.casefold()
        same_name = [s for s in SenderStore(self.db).list()
                     if lowered in (s.display_name.casefold(), s.claimed_name.casefold())]
        asking = NewSender(claimed.display_name, fp, claimed.age_recipient, same_name)
        accepted = trust_new(asking) if callable(trust_new) else bool(trust_new)
        if not accepted:
            result.untrusted_sender = True
            if same_name:
                raise BundleRejected(
                    _("unknown key for a known name: “{display_name}” signed with a different key (fingerprint {fp}); compare fingerprints before accepting it").format(display_name=claimed.display_name, fp=fp))
            raise BundleRejected(_("unknown sender “{display_name}” (fingerprint {fp})").format(display_name=claimed.display_name, fp=fp))
        if decide_only:
            return True  # asked, and accepted
        display = claimed.display_name
        if same_name:
            result.key_changed = True
            display = f"{claimed.display_name} (new key {fp[:5]})"
            result.warnings.append(
                _("WARNING: a sender named “{display_name}” is already known with a different key. These records are kept apart under “{display}”. Compare the fingerprint {fp} with them before trusting it.").format(display_name=claimed.display_name, display=display, fp=fp))
        sender_id = self.db.execute(
            "INSERT INTO senders (ed25519_public_key, age_recipient, display_name, claimed_name, fingerprint, "
            "status, verified, added_at) VALUES (?,?,?,?,?, 'trusted', 0, ?)",
            (key, claimed.age_recipient, display, claimed.display_name, fp, utc_now_iso())).lastrowid
        return SenderStore(self.db).get(sender_id)

    def check(self) -> list[str]:
        """For `journal verify`: what an interrupted import may have left behind."""
        problems = []
        if self.db.query_one("SELECT count(*) FROM import_staging")[0]:
            problems.append("import: staged records left behind by an interrupted import")
        if self.db.query_one("SELECT count(*) FROM import_lock")[0]:
            problems.append("import: the import lock is still held")
        return problems

    # --- provenance and review ----------------------------------------------------------------
    def provenance(self, entry_uuid: str) -> dict[str, Any] | None:
        """Where an imported entry came from, or None for the journal's own entries."""
        entry = self.entries.get(entry_uuid)
        row = self.db.query_one(
            "SELECT p.sender_id, s.display_name, s.fingerprint, p.first_bundle_id, p.last_bundle_id, "
            "p.received_at, p.original_ref, p.revision, p.revision_hash FROM provenance p "
            "JOIN senders s ON s.id = p.sender_id WHERE p.kind = 'entry' AND p.local_id = ?", (entry.id,))
        if row is None:
            return None
        keys = ("sender_id", "sender", "fingerprint", "first_bundle_id", "last_bundle_id", "received_at",
                "original_uuid", "revision", "revision_hash")
        return dict(zip(keys, row))

    def is_imported(self, entry_uuid: str) -> bool:
        return self.provenance(entry_uuid) is not None

    def review(self, entry_uuid: str) -> dict[str, Any]:
        """The coordinator's review of an imported entry: status, notes, tags."""
        entry = self._imported_entry(entry_uuid)
        row = self.db.query_one("SELECT review_status, coordinator_notes, coordinator_tags, updated_at "
                                "FROM entry_review WHERE entry_id = ?", (entry.id,))
        if row is None:
            return {"review_status": "new", "coordinator_notes": "", "coordinator_tags": [], "updated_at": None}
        return {"review_status": row[0], "coordinator_notes": row[1], "coordinator_tags": split_list(row[2]),
                "updated_at": row[3]}

    def set_review(self, entry_uuid: str, *, status: str | None = None, notes: str | None = None,
                   tags: list[str] | None = None) -> dict[str, Any]:
        """Change the coordinator's own fields of an imported entry (its content stays read-only)."""
        from journal.records.entries import normalize_tags

        entry = self._imported_entry(entry_uuid)
        current = self.review(entry.uuid)
        if status is not None and status not in REVIEW_STATUSES:
            raise InvalidInput(_("Review status must be one of: {review_statuses}.").format(review_statuses=', '.join(REVIEW_STATUSES)))
        if notes is not None and "\x00" in notes:
            raise InvalidInput(_("The notes contain a NUL character."))
        new_status = status if status is not None else current["review_status"]
        new_notes = notes if notes is not None else current["coordinator_notes"]
        new_tags = normalize_tags(tags) if tags is not None else current["coordinator_tags"]
        with self.db.transaction() as db:
            db.execute(
                "INSERT INTO entry_review (entry_id, review_status, coordinator_notes, coordinator_tags, updated_at) "
                "VALUES (?,?,?,?,?) ON CONFLICT (entry_id) DO UPDATE SET review_status = excluded.review_status, "
                "coordinator_notes = excluded.coordinator_notes, coordinator_tags = excluded.coordinator_tags, "
                "updated_at = excluded.updated_at",
                (entry.id, new_status, new_notes, join_list(new_tags), utc_now_iso()))
        return self.review(entry.uuid)

    def _imported_entry(self, entry_uuid: str) -> Entry:
        entry = self.entries.get(entry_uuid)
        if self.db.query_one("SELECT 1 FROM provenance WHERE kind = 'entry' AND local_id = ?", (entry.id,)) is None:
            raise InvalidInput(_("Review fields exist only for entries received from documenters."))
        return entry

    def received(self, limit: int = 500) -> list[dict[str, Any]]:
        """Imported bundles, newest first."""
        rows = self.db.query(
            "SELECT r.bundle_id, r.sender_id, s.display_name, r.created_at, r.received_at, r.entry_count, "
            "r.person_count, r.log_count, r.attachment_count, r.file_sha256, r.file_size FROM received_bundles r "
            "JOIN senders s ON s.id = r.sender_id ORDER BY r.received_at DESC LIMIT ?", (limit,))
        keys = ("bundle_id", "sender_id", "sender", "created_at", "received_at", "entries", "people",
                "contact_log", "attachments", "file_sha256", "file_size")
        return [dict(zip(keys, r)) for r in rows]


# --- applying staged records ---------------------------------------------------------------------
class _Applier:
    """Turns the staged, verified records into rows with provenance (inside the transaction)."""

    def __init__(self, importer: "Importer", sender: SenderInfo, verified: VerifiedManifest, warnings: list[str],
                 cancel: Any) -> None:
        self.stores = importer  # the importer's stores: entries, people, contact_log, attachments, forms
        self.db = importer.db
        self.sender = sender
        self.bundle_id = verified.bundle_id
        self.warnings = warnings
        self.cancel = cancel
        self.now = utc_now_iso()
        self.person_refs: dict[str, str] = {}   # bundle ref -> local person uuid
        self.media_types: dict[str, str] = {}  # sha256 -> sniffed type of content stored by this bundle
        # Content an entry of this sender may link: what this bundle delivers, and (read when
        # first needed) what this sender delivered before. Never another sender's content.
        self.delivered = {m.sha256 for m in verified.manifest.members if m.path.startswith("attachments/")}
        self._delivered_before: set[str] | None = None
        # (attachment id, sha256, blob id, file name, sniffed media type, sent stripped) linked now
        self.linked: list[tuple[int, str, int, str, str, bool]] = []
        self.links_in_entry: dict[tuple[int, str], int] = {}  # (entry id, sha256) -> links met so far
        #: Images of this bundle described from the bytes as they passed (version 2), or None.
        self.describer: ImageDescriber | None = None
        self.counts: dict[str, int] = {k: 0 for k in (
            "entries_new", "entries_updated", "entries_unchanged", "people_new", "people_updated",
            "contact_log_new", "contact_log_updated", "attachments_linked", "skipped")}

    def apply(self) -> dict[str, int]:
        for kind in _APPLY_ORDER:
            last_id = 0
            while True:
                check_cancel(self.cancel)
                rows = self.db.query("SELECT id, line, record FROM import_staging WHERE kind = ? AND id > ? "
                                     "ORDER BY id LIMIT ?", (kind, last_id, _PAGE))
                if not rows:
                    break
                for row_id, line, text in rows:
                    last_id = row_id
                    try:
                        getattr(self, f"_apply_{kind}")(json.loads(text))
                    except (InvalidInput, RecordInvalid) as exc:
                        raise BundleRejected(_("invalid record in {kind}.jsonl line {line}: {exc}").format(kind=kind, line=line, exc=str(exc).rstrip('.'))) from None
        self._describe_linked()
        return self.counts

    def _describe_linked(self) -> None:
        """Image metadata and notes for the attachments this bundle linked, as add_file records
        them, and their previews marked pending (made after the commit, fill_previews_step).
        Runs after the bundle verified (hostile images are parsed only once signed) and in the
        same transaction. An unreadable image gets a note; it never rejects the bundle."""
        store = self.stores.attachments
        describer = self.describer
        own = describer is None
        if own and any(_may_describe(f, m) for _e, _s, _b, f, m, _st in self.linked):
            describer = ImageDescriber(previews=False)  # version 1: stored images read back, in parallel
        try:
            # First hand every image to the workers (reading back only what did not pass through
            # them), then collect the answers in order: decoding runs while this thread reads.
            # One content linked by several entries is described once: the describer hands each
            # description over once (the later links used to get "larger than 64 MiB").
            waiting: list[tuple[int, Callable[[], Any]]] = []
            taken: dict[str, Any] = {}
            first: dict[str, Callable[[], Any]] = {}
            for att_id, sha256, blob_id, file_name, media_type, stripped in self.linked:
                check_cancel(self.cancel)
                if not _may_describe(file_name, media_type):
                    continue  # describe_blob would only re-read (and decrypt) the first chunk
                answer: Callable[[], Any]
                if describer is not None and (sha256 in describer or sha256 in taken):
                    taken.setdefault(sha256, None)
                    answer = functools.partial(_take_described, describer, taken, sha256, file_name, media_type)
                elif sha256 in first:
                    answer = first[sha256]
                else:
                    answer = first[sha256] = functools.cache(
                        store.describe_blob_later(blob_id, file_name, describer, strip=not stripped))
                waiting.append((att_id, answer))
            for att_id, answer in waiting:
                check_cancel(self.cancel)
                self._record_description(att_id, answer())
        finally:
            if own and describer is not None:
                describer.close()

    def _record_description(self, att_id: int, described) -> None:
        if not described.metadata and described.thumbnail is None and described.note is None:
            return
        (note,) = self.db.query_one("SELECT note FROM attachments WHERE id = ?", (att_id,))
        if described.note:
            note = f"{note} {described.note}" if note else described.note
        self.db.execute(
            "UPDATE attachments SET metadata = ?, thumbnail = ?, note = ?, "
            "stripped_size = CASE WHEN stripped_sha256 IS NULL THEN ? ELSE stripped_size END, "
            "stripped_sha256 = coalesce(stripped_sha256, ?) WHERE id = ?",
            (json.dumps(described.metadata, ensure_ascii=False, sort_keys=True), described.thumbnail, note,
             described.stripped_size, described.stripped_sha256, att_id))

    # provenance helpers
    def _provenance(self, kind: str, ref: str):
        return self.db.query_one("SELECT local_id, revision, revision_hash FROM provenance WHERE sender_id = ? "
                                 "AND kind = ? AND original_ref = ?", (self.sender.id, kind, ref))

    def _set_provenance(self, kind: str, local_id: int, ref: str, revision: int, revision_hash: str) -> None:
        self.db.execute(
            "INSERT INTO provenance (kind, local_id, sender_id, original_ref, first_bundle_id, last_bundle_id, "
            "received_at, revision, revision_hash) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (kind, local_id) "
            "DO UPDATE SET last_bundle_id = excluded.last_bundle_id, received_at = excluded.received_at, "
            "revision = excluded.revision, revision_hash = excluded.revision_hash",
            (kind, local_id, self.sender.id, ref, self.bundle_id, self.bundle_id, self.now, revision, revision_hash))

    def _local_person(self, ref: str) -> str | None:
        if ref in self.person_refs:
            return self.person_refs[ref]
        known = self._provenance("person", ref)
        if known is None:
            return None
        uuid = self.db.query_one("SELECT uuid FROM people WHERE id = ?", (known[0],))[0]
        self.person_refs[ref] = uuid
        return uuid

    # --- kinds ----------------------------------------------------------------------------
    def _apply_contacts(self, obj: dict[str, Any]) -> None:
        person = validate_person(obj)
        people = self.stores.people
        known = self._provenance("person", person.ref)
        if known is not None:
            local = people.get_by_rowid(known[0])
            if local.merged_into:  # the coordinator merged it: follow the merge
                local = people.resolve(local.uuid)
            if person.revision > known[1] or (person.sensitive and person.fields.get("roles") != local.roles):
                fields = dict(person.fields)
                people.update(local.uuid, **fields)
                self._set_provenance("person", known[0], person.ref, person.revision, person.revision_hash)
                self.counts["people_updated"] += 1
            self.person_refs[person.ref] = local.uuid
            return
        created = people.add(**person.fields)
        assert created.id is not None  # saved
        self._set_provenance("person", created.id, person.ref, person.revision, person.revision_hash)
        self.person_refs[person.ref] = created.uuid
        self.counts["people_new"] += 1

    def _apply_entries(self, obj: dict[str, Any]) -> None:
        record = validate_entry(obj)
        store = self.stores.entries
        content = {k: v for k, v in record.content.items() if k != "uuid"}
        known = self._provenance("entry", record.uuid)
        if known is not None:
            local = store.get_by_rowid(known[0])
            if record.revision > known[1]:
                self._ensure_category(content.get("category"), record.category_label)
                if local.deleted_at:
                    store.restore(local.uuid)
                local = store.update(local.uuid, **content)
                assert local.id is not None  # saved
                self._set_provenance("entry", local.id, record.uuid, record.revision, record.revision_hash)
                self._keep_version(local, obj, record)
                self.counts["entries_updated"] += 1
            else:
                if record.revision == known[1] and record.revision_hash != known[2]:
                    self.warnings.append(_("Entry {uuid}: revision {revision} differs from the one received before; the earlier one is kept.").format(uuid=record.uuid[:8], revision=record.revision))
                self.counts["entries_unchanged"] += 1
        else:
            if self.db.query_one("SELECT 1 FROM entries WHERE uuid = ?", (record.uuid,)) is not None:
                self.warnings.append(_("Entry {uuid} already exists in this journal from another source; it was not merged and was skipped.").format(uuid=record.uuid[:8]))
                self.counts["skipped"] += 1
                return
            self._ensure_category(content.get("category"), record.category_label)
            local = store.add(Entry(uuid=record.uuid, recorded_at=record.recorded_at, **content))
            assert local.id is not None  # saved
            self._set_provenance("entry", local.id, record.uuid, record.revision, record.revision_hash)
            self._keep_version(local, obj, record)
            self.db.execute("INSERT OR IGNORE INTO entry_review (entry_id, review_status, updated_at) "
                            "VALUES (?, 'new', ?)", (local.id, self.now))
            self.counts["entries_new"] += 1
        for ref, role in record.people:
            person_uuid = self._local_person(ref)
            if person_uuid is not None:
                self.stores.people.link(local.uuid, person_uuid, role)
        for att in record.attachments:
            self._link_attachment(local, att)

    def _keep_version(self, local: Entry, obj: dict[str, Any], record) -> None:
        """The entry version this bundle delivered, as received (for evidence packages)."""
        self.db.execute(
            "INSERT OR REPLACE INTO received_entry_versions (entry_id, bundle_id, sender_id, revision, "
            "revision_hash, prev_hash, local_revision, received_at, record) VALUES (?,?,?,?,?,?,?,?,?)",
            (local.id, self.bundle_id, self.sender.id, record.revision, record.revision_hash,
             str(obj.get("prev_hash", "")), local.revision, self.now,
             json.dumps(obj, ensure_ascii=False, sort_keys=True)))

    def _ensure_category(self, key: str | None, label: str | None) -> None:
        if key and self.db.query_one("SELECT 1 FROM categories WHERE key = ?", (key,)) is None:
            self.db.execute("INSERT INTO categories (key, label, position) VALUES "
                            "(?, ?, (SELECT coalesce(max(position), 0) + 1 FROM categories))",
                            (key, (label or key).strip()[:200] or key))

    def _link_attachment(self, entry: Entry, att) -> None:
        from journal.records.attachments import clean_file_name

        assert entry.id is not None  # saved

        blob = self.db.query_one("SELECT id, size FROM blobs WHERE sha256 = ?", (att.sha256,))
        if blob is not None and not self._delivered_by_sender(att.sha256):
            # Stored here, but sent by someone else (or added by the coordinator): naming its
            # hash must not credit it to this sender. Treated as not received.
            blob = None
        if blob is None:
            # Sent in an earlier bundle that this journal never received (or deleted since).
            self.warnings.append(_("{file_name}: the file was sent in an earlier bundle and is not stored here; ask the sender to send it again.").format(file_name=att.file_name))
            return
        # Linked already (the entry came before, in this bundle's version or an older one)? The
        # same content can be two attachments of one entry under two names (a recording saved
        # twice, two containers that clean to the same bytes): the n-th link of a content is made
        # while the entry holds fewer than n.
        nth = self.links_in_entry[(entry.id, att.sha256)] = self.links_in_entry.get((entry.id, att.sha256), 0) + 1
        if self.db.query_one("SELECT count(*) FROM attachments WHERE entry_id = ? AND sha256 = ?",
                             (entry.id, att.sha256))[0] >= nth:
            return
        media_type = self.media_types.get(att.sha256)
        if media_type is None or media_type == ZIP:
            from journal.records.attachments import open_blob

            with open_blob(self.db, self.stores.blob_files, blob[0]) as stored:
                if media_type is None:  # stored before this bundle: read its first bytes only
                    media_type = sniff_media_type(stored.read(SNIFF_BYTES))
                if media_type == ZIP:  # a Word or OpenDocument file? (its central directory says)
                    media_type = sniff_zip_document(stored)
            if att.sha256 in self.media_types:
                self.media_types[att.sha256] = media_type
        import uuid as uuidlib

        att_id = self.db.execute(
            "INSERT INTO attachments (uuid, entry_id, blob_id, file_name, media_type, size, sha256, stripped_sha256, "
            "stripped_size, imported_at, metadata, note, position) VALUES (?,?,?,?,?,?,?,?,?,?,'{}',?,?)",
            (str(uuidlib.uuid4()), entry.id, blob[0], clean_file_name(att.file_name), media_type, blob[1],
             att.sha256, att.sha256 if att.stripped else None, blob[1] if att.stripped else None, self.now,
             _("Received from {sender} in bundle {bundle_id}.").format(
                 sender=self.sender.display_name, bundle_id=self.bundle_id), att.position)).lastrowid
        self.counts["attachments_linked"] += 1
        self.linked.append((att_id, att.sha256, blob[0], att.file_name, media_type, bool(att.stripped)))

    def _delivered_by_sender(self, sha256: str) -> bool:
        """Whether this bundle, or an earlier bundle of the same sender, carried this content."""
        if sha256 in self.delivered:
            return True
        if self._delivered_before is None:
            self._delivered_before = {row[0] for row in self.db.query(
                "SELECT DISTINCT json_extract(m.value, '$.sha256') FROM received_bundles r, "
                "json_each(r.manifest, '$.members') m WHERE r.sender_id = ? "
                "AND json_extract(m.value, '$.path') LIKE 'attachments/%'", (self.sender.id,))}
        return sha256 in self._delivered_before

    def _apply_forms(self, obj: dict[str, Any]) -> None:
        from journal.records.forms import import_forms

        import_forms(self.stores.forms, [obj], {"sender_id": self.sender.id, "bundle_id": self.bundle_id})

    def _apply_contact_log(self, obj: dict[str, Any]) -> None:
        record = validate_contact_log(obj)
        people = [u for u in (self._local_person(ref) for ref in record.people) if u is not None]
        entries = []
        for entry_uuid in record.entries:
            known = self._provenance("entry", entry_uuid)
            if known is not None:
                entries.append(self.db.query_one("SELECT uuid FROM entries WHERE id = ?", (known[0],))[0])
        if not people:
            self.warnings.append(_("Contact-log record {uuid} names nobody known here; skipped.").format(uuid=record.uuid[:8]))
            self.counts["skipped"] += 1
            return
        log = self.stores.contact_log
        known = self._provenance("contact_log", record.uuid)
        # The log has no revisions: its version is "updated_at|digest of the record" (updated_at has
        # second precision, so two saves in one second are told apart by the digest).
        digest = hashlib.sha256(json.dumps(obj, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]
        version = f"{record.updated_at}|{digest}"
        if known is not None:
            stored_at, _bar, stored_digest = known[2].partition("|")
            if record.updated_at > stored_at or (record.updated_at == stored_at and digest != stored_digest):
                local_uuid = self.db.query_one("SELECT uuid FROM contact_log WHERE id = ?", (known[0],))[0]
                log.update(local_uuid, people=people, entries=entries, **record.fields)
                self._set_done(local_uuid, record.follow_up_done)
                self._set_provenance("contact_log", known[0], record.uuid, 0, version)
                self.counts["contact_log_updated"] += 1
            return
        created = log.add(people=people, entries=entries, **record.fields)
        assert created.id is not None  # saved
        self._set_done(created.uuid, record.follow_up_done)
        self._set_provenance("contact_log", created.id, record.uuid, 0, version)
        self.counts["contact_log_new"] += 1

    def _set_done(self, local_uuid: str, done: bool) -> None:
        record = self.stores.contact_log.get(local_uuid)
        if record.follow_up_due and bool(record.follow_up_done_at) != done:
            self.stores.contact_log.mark_done(local_uuid, done)


def _take_described(describer: ImageDescriber, taken: dict[str, Any], sha256: str, file_name: str,
                    media_type: str):
    """The description of an image handed to the describer as it passed through the import
    (taken from it once, then kept in ``taken`` for the content's other links)."""
    if taken.get(sha256) is None:
        taken[sha256] = describer.take(sha256)
    return describe_received(file_name, media_type, taken[sha256])


def _may_describe(file_name: str, media_type: str) -> bool:
    """Whether AttachmentStore.describe_blob can find anything to record for this attachment.

    It records image metadata, a preview, and a note when the name and the content disagree
    about being an image. Content that sniffs as no image, under a name that suggests none
    either, gives nothing: skipping it saves reading its first chunk again. Deliberately
    generous: any name whose extension could be an image is described."""
    from journal.records.attachments import clean_file_name

    if media_type.startswith("image/"):
        return True
    suffix = Path(clean_file_name(file_name)).suffix.lower()
    if not suffix:
        return False
    if suffix in _IMAGE_SUFFIXES:
        return True
    guessed, _encoding = mimetypes.guess_type("x" + suffix, strict=False)
    return guessed is None or guessed.startswith("image/")


_IMAGE_SUFFIXES = {".heic", ".heif", ".webp", ".avif", ".jxl"}

