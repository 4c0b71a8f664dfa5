"""A journal on disk: create, unlock, open, change passphrase, erase.

Unlocking is split in two so the GUI can run the slow part on a worker:
`derive_data_key()` (Argon2id, about a second) then `Journal.open_with_key()`
(fast). Nothing here writes to the files until the key has been verified.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from pathlib import Path

from journal.storage import migrations
from journal.storage.atomic import fsync_dir, overwrite_and_unlink
from journal.storage.blobfiles import FILES_SCHEMA, FOLDER as BLOB_FOLDER, BlobFiles
from journal.i18n import _
from journal.storage.db import CACHE_SIZE_KIB, Database, apply_pragmas, connect
from journal.records.entries import EntryStore
from journal.errors import (
    CorruptDatabase, InvalidInput, JournalClosed, JournalExists, NotAJournal,
)
from journal.storage import keyslots
from journal.storage.keyslots import (  # noqa: F401 - MIN_PASSPHRASE_LENGTH: the GUI reads it here
    MIN_PASSPHRASE_LENGTH, DuressMatched, KdfParams, KeyFile, check_passphrase_acceptable, new_recovery_code,
)
from journal.storage.lockfile import JournalLock
from journal.storage.memlock import SecretBuffer
from journal.storage.rotation import settle_on_open
from journal.storage.paths import KEYS_FILE as KEYS_FILE_NAME
from journal.storage.paths import STAGING_PREFIX, journal_files
from journal.storage.newdb import initialize_database
from journal.records.search import EntryQueries

if TYPE_CHECKING:
    from journal.exchange.exporter import Exporter
    from journal.exchange.identity import CoordinatorStore, IdentityStore
    from journal.exchange.importer import Importer, SenderStore
    from journal.exchange.inbox import Inbox
    from journal.exchange.outbox import Outbox
    from journal.records.attachments import AttachmentStore
    from journal.records.contact_log import ContactLogStore
    from journal.records.forms import FormStore
    from journal.records.people import PeopleStore

# Files an interrupted operation may leave in the data folder. Key-bearing
# ones are destroyed right after journal.keys during an emergency erase.
KEY_BEARING_LEFTOVERS = (".journal.keys.*.tmp", f"{STAGING_PREFIX}*", ".restore-*", ".replaced-*",
                         ".travel-*", "..travel-*")  # travel packages being made, checked or fetched (journal/travel/)
DATA_LEFTOVERS = (".backup-*.db", ".backup-*.db-*", "*.db-journal")


def _remove_leftovers(data_dir: Path, patterns) -> list[str]:
    """Overwrite and delete files (and folders of files) matching `patterns`."""
    import shutil

    removed: list[str] = []
    for pattern in patterns:
        for path in sorted(Path(data_dir).glob(pattern)):
            if path.is_dir() and not path.is_symlink():
                # key files first inside staging folders too
                for item in sorted(path.rglob("*"), key=lambda p: p.name != KEYS_FILE_NAME):
                    if item.is_file() and not item.is_symlink():
                        overwrite_and_unlink(item)
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path.name + "/")
            elif path.is_file() and not path.is_symlink():
                overwrite_and_unlink(path)
                removed.append(path.name)
    return removed


def journal_exists(data_dir: Path) -> bool:
    files = journal_files(Path(data_dir))
    return files["keys"].exists() or files["db"].exists()


def _check_is_journal(data_dir: Path) -> None:
    data_dir = Path(data_dir)
    files = journal_files(data_dir)
    if not data_dir.is_dir():
        raise NotAJournal(_("The folder {folder} does not exist.").format(folder=data_dir))
    if not files["keys"].exists() and not files["db"].exists():
        raise NotAJournal(_("There is no journal in {folder}.").format(folder=data_dir))
    if not files["db"].exists():
        raise NotAJournal(
            _("{folder} has a key file but no database (journal.db). "
              "If you moved the journal, copy both files.").format(folder=data_dir)
        )


def load_keys(data_dir: Path) -> KeyFile:
    _check_is_journal(data_dir)
    return KeyFile.load(journal_files(Path(data_dir))["keys"])


def derive_data_key(data_dir: Path, passphrase: str | None = None, recovery_code: str | None = None, *,
                    erase_after: int | None = None) -> bytes:
    """The slow step of unlocking (Argon2id). Raises WrongPassphrase.

    Every call is a counted unlock attempt of this journal (journal/storage/attempts.py): at the
    erase-after-N limit (``erase_after``, default the app-wide setting) the journal is erased
    and JournalErased is raised."""
    from journal.storage.attempts import counted_unlock

    missing_db: NotAJournal | None = None
    try:
        keys = load_keys(data_dir)
    except NotAJournal as exc:
        # A key file without a database is also what a duress unlock killed after its erase
        # leaves (duress.py): only the duress passphrase goes on from there.
        if recovery_code is not None or not journal_files(Path(data_dir))["keys"].exists():
            raise
        missing_db = exc
        keys = KeyFile.load(journal_files(Path(data_dir))["keys"])
    if recovery_code is not None:
        return counted_unlock(data_dir, lambda: keys.unlock_with_recovery_code(recovery_code), erase=erase_journal,
                              erase_after=erase_after)
    if passphrase is None:
        raise InvalidInput(_("A passphrase or a recovery code is needed."))

    def attempt():
        try:
            return keys.unlock_with_passphrase(passphrase)
        except DuressMatched as duress:  # a right passphrase as far as counting goes
            return duress

    result = counted_unlock(data_dir, attempt, erase=erase_journal, erase_after=erase_after)
    if isinstance(result, DuressMatched):
        from journal.storage.duress import trigger

        return trigger(Path(data_dir), keys, result.match, erase=erase_journal)
    if missing_db is not None:
        raise missing_db
    _convert_key_file(Path(data_dir), keys, result, passphrase)
    return result


def _convert_key_file(data_dir: Path, keys: KeyFile, data_key: bytes, passphrase: str) -> None:
    """A key file still holding a version-1 passphrase slot gets its version-2 slot now, the one
    time the passphrase is at hand (atomically, the old file overwritten in place: keys_io.py).
    Skipped while another process holds the journal; tried again at the next unlock."""
    if keys.rotation is not None or not any(s.kind == "passphrase" for s in keys.legacy):
        return
    from journal.errors import JournalInUse

    lock = JournalLock(journal_files(data_dir)["lock"])
    try:
        lock.acquire()
    except JournalInUse:
        return
    try:
        current = load_keys(data_dir)  # as it is now, under the lock
        if current.rotation is None and any(s.kind == "passphrase" for s in current.legacy):
            current.converted(data_key, passphrase).save(journal_files(data_dir)["keys"])
    finally:
        lock.release()


@dataclass
class CreatedJournal:
    journal: "Journal"
    recovery_code: str


@dataclass
class EraseReport:
    erased: list[str]
    unreadable_after_s: float
    total_s: float


@dataclass(frozen=True)
class Stores:
    """Every store of one open journal database, built in one place (build_stores).

    The writing Journal and each read-only JournalReader get the same set over their own
    connection; a reader's outbox, inbox and exporter list but cannot write files."""

    entries: EntryStore
    queries: EntryQueries
    people: PeopleStore
    contact_log: ContactLogStore
    attachments: AttachmentStore
    forms: FormStore
    identity: IdentityStore
    coordinators: CoordinatorStore
    senders: SenderStore
    exporter: Exporter
    importer: Importer
    outbox: Outbox
    inbox: Inbox

    def checks(self) -> list[Callable[[], list[str]]]:
        """Every store's own consistency check for `journal verify`, in the order they run."""
        return [self.entries.verify_revisions, self.people.verify_revisions,
                self.attachments.check_consistency, self.identity.check, self.importer.check,
                self.forms.verify, self.outbox.check]


def build_stores(db: Database, blob_files: BlobFiles, *, data_dir: Path | None = None,
                 open_reader: Callable[[], "JournalReader"] | None = None) -> Stores:
    """The stores over `db`, each handed what it uses. Without `data_dir` and `open_reader`
    (a JournalReader) nothing that needs the journal folder or a second connection works."""
    # Imported here, not at the top: opening the unlock window imports this module, and the
    # exchange stores pull in the crypto, image and HTTP libraries (about a second cold).
    from journal.exchange.exporter import Exporter
    from journal.exchange.identity import CoordinatorStore, IdentityStore
    from journal.exchange.importer import Importer, SenderStore
    from journal.exchange.inbox import Inbox
    from journal.exchange.outbox import Outbox
    from journal.records.attachments import AttachmentStore
    from journal.records.contact_log import ContactLogStore
    from journal.records.forms import FormStore
    from journal.records.people import PeopleStore

    entries = EntryStore(db)
    people = PeopleStore(db)
    contact_log = ContactLogStore(db, people)
    attachments = AttachmentStore(db, blob_files)
    forms = FormStore(db)
    identity = IdentityStore(db)
    coordinators = CoordinatorStore(db)
    exporter = Exporter(db, blob_files=blob_files, entries=entries, people=people, contact_log=contact_log,
                        attachments=attachments, forms=forms, identity=identity, coordinators=coordinators,
                        open_reader=open_reader)
    importer = Importer(db, blob_files=blob_files, entries=entries, people=people, contact_log=contact_log,
                        attachments=attachments, forms=forms, identity=identity)
    return Stores(
        entries=entries, queries=EntryQueries(db), people=people, contact_log=contact_log,
        attachments=attachments, forms=forms, identity=identity, coordinators=coordinators,
        senders=SenderStore(db), exporter=exporter, importer=importer,
        outbox=Outbox(db, data_dir, exporter), inbox=Inbox(db, data_dir, importer),
    )


class _StoreAccess:
    """journal.people, reader.attachments, …: the stores under their usual names."""

    stores: Stores
    db: Database

    @property
    def entries(self) -> EntryStore:
        return self.stores.entries

    @property
    def queries(self) -> EntryQueries:
        return self.stores.queries

    @property
    def people(self) -> PeopleStore:
        return self.stores.people

    @property
    def contact_log(self) -> ContactLogStore:
        return self.stores.contact_log

    @property
    def attachments(self) -> AttachmentStore:
        return self.stores.attachments

    @property
    def forms(self) -> FormStore:
        return self.stores.forms

    @property
    def identity(self) -> IdentityStore:
        return self.stores.identity

    @property
    def coordinators(self) -> CoordinatorStore:
        return self.stores.coordinators

    @property
    def senders(self) -> SenderStore:
        return self.stores.senders

    @property
    def exporter(self) -> Exporter:
        return self.stores.exporter

    @property
    def importer(self) -> Importer:
        return self.stores.importer

    @property
    def outbox(self) -> Outbox:
        return self.stores.outbox

    @property
    def inbox(self) -> Inbox:
        return self.stores.inbox

    @property
    def blob_files(self) -> BlobFiles:
        files = self.stores.attachments.blob_files
        assert files is not None  # build_stores is always given the journal's attachment folder here
        return files

    # --- metadata -------------------------------------------------------------------
    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.db.query_one("SELECT value FROM meta WHERE key = ?", (key,))
        return row[0] if row else default

    @property
    def name(self) -> str:
        return self.meta("name", "") or ""

    @property
    def journal_id(self) -> str:
        return self.meta("journal_id", "") or ""


class JournalReader(_StoreAccess):
    """Read-only views over a second connection (see Journal.open_reader)."""

    def __init__(self, db: Database, blob_files: BlobFiles) -> None:
        self.db = db
        self.closed = False
        # The same stores over this read-only connection (GUI lists, thumbnails, reports).
        self.stores = build_stores(db, blob_files)

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            with self.db.lock:
                self.db.conn.close()


class Journal(_StoreAccess):
    """An unlocked journal: its stores (journal.stores, also journal.people …); close() (lock)
    forgets the key."""

    def __init__(self, data_dir: Path, db: Database, lock: JournalLock, data_key: bytes) -> None:
        self.data_dir = Path(data_dir)
        self.db = db
        blob_files = BlobFiles(self.data_dir / BLOB_FOLDER)
        # Files released by committed deletions are unlinked right after the commit.
        db.after_commit(blob_files.release_files)
        self._lock = lock
        # Locked in RAM where the OS allows (kept out of swap), zeroed on close (memlock.py).
        self._data_key = SecretBuffer(data_key)
        #: "finished" or "rolled-back" when opening settled an interrupted key change (rotation.py).
        self.rotation_outcome: str | None = None
        self._closed = False
        self._readers: list[JournalReader] = []
        self.stores = build_stores(db, blob_files, data_dir=self.data_dir, open_reader=self.open_reader)

    # --- lifecycle ----------------------------------------------------------------
    @classmethod
    def create(cls, data_dir: Path, passphrase: str, name: str = "", *, kdf: KdfParams | None = None,
               progress=None, card_name: str = "") -> CreatedJournal:
        """A new journal in `data_dir` (created if needed). Returns it with its recovery code.

        `name` is the private journal name (inside the encryption only); `card_name`, if
        given, is the public name on the contact card and bundles (else chosen later).

        Built in a private staging folder and moved in database first, key
        file last: an interruption leaves no half-journal, only a staging
        folder that the next create (or erase) removes.
        """
        import shutil

        data_dir = Path(data_dir)
        kdf = kdf or keyslots.DEFAULT_KDF
        check_passphrase_acceptable(passphrase)
        if card_name:
            from journal.exchange.identity import checked_display_name
            card_name = checked_display_name(card_name)
        if journal_exists(data_dir):
            raise JournalExists(_("There is already a journal in {folder}.").format(folder=data_dir))
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        files = journal_files(data_dir)
        lock = JournalLock(files["lock"])
        lock.acquire()
        staging = data_dir / f"{STAGING_PREFIX}{os.urandom(6).hex()}"
        try:
            _remove_leftovers(data_dir, patterns=(f"{STAGING_PREFIX}*",))
            staging.mkdir(mode=0o700)
            staged = journal_files(staging)
            data_key = os.urandom(32)
            recovery = new_recovery_code()
            keyfile = KeyFile.create(data_key, passphrase, recovery, kdf)
            initialize_database(staged["db"], data_key, name, card_name)
            keyfile.save(staged["keys"])
            os.replace(staged["db"], files["db"])
            fsync_dir(data_dir)
            os.replace(staged["keys"], files["keys"])  # the journal exists from this rename on
            fsync_dir(data_dir)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            lock.release()
            raise
        shutil.rmtree(staging, ignore_errors=True)
        try:
            conn = connect(files["db"], data_key)
            apply_pragmas(conn)
            journal = cls(data_dir, Database(conn), lock, data_key)
        except BaseException:
            lock.release()
            raise
        return CreatedJournal(journal, recovery)

    @classmethod
    def open(cls, data_dir: Path, passphrase: str | None = None, *, recovery_code: str | None = None) -> "Journal":
        key = derive_data_key(data_dir, passphrase, recovery_code)
        return cls.open_with_key(data_dir, key)

    @classmethod
    def open_with_key(cls, data_dir: Path, data_key: bytes, *, migrate: bool = True, progress=None,
                      cancel=None) -> "Journal":
        """Open with an already derived data key (the fast part of unlocking).

        `progress` and `cancel` (journal/progress.py) reach the schema migrations of an older
        journal, which can take minutes once (migrations.migrate); a cancel raises Cancelled."""
        data_dir = Path(data_dir)
        _check_is_journal(data_dir)
        files = journal_files(data_dir)
        lock = JournalLock(files["lock"])
        lock.acquire()
        try:
            # An interrupted key-file replace or key change is settled first (rotation.py).
            data_key, outcome = settle_on_open(data_dir, data_key)
            # Staging folders a crash left (a create, a decoy being filled: duress.py). Nothing
            # else uses them while the lock is held.
            _remove_leftovers(data_dir, patterns=(f"{STAGING_PREFIX}*",))
            conn = connect(files["db"], data_key)
            try:
                migrations.check_supported(conn)
                if migrations.schema_version(conn) == 0:
                    raise CorruptDatabase(_("The database is empty: it was never set up as a journal."))
                apply_pragmas(conn)
                if migrate:
                    migrations.migrate(conn, progress=progress, cancel=cancel)
            except BaseException:
                conn.close()
                raise
            journal = cls(data_dir, Database(conn), lock, data_key)
            journal.rotation_outcome = outcome
        except BaseException:
            lock.release()
            raise
        if migrations.schema_version(journal.db.conn) >= FILES_SCHEMA:
            try:
                # Files a crash left behind: written but never committed, or released but not
                # yet unlinked. Nothing else writes while the lock is held.
                from journal.storage.duress import package_ids

                journal.blob_files.sweep(journal.db, keep=package_ids(journal))
            except BaseException:
                journal.close()
                raise
        # What a duress unlock left to overwrite (a kill cut it short): finished now, behind.
        from journal.storage.erasing import finish_in_background

        finish_in_background(data_dir)
        return journal

    def open_reader(self) -> "JournalReader":
        """A second, read-only connection for a GUI thread.

        WAL lets it read committed data while the writer thread is inside a
        long transaction (an import), so the list never freezes.
        """
        self._require_open()
        conn = connect(journal_files(self.data_dir)["db"], bytes(self._data_key), readonly=True)
        conn.execute(f"PRAGMA cache_size = -{CACHE_SIZE_KIB}")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA query_only = ON")
        reader = JournalReader(Database(conn), self.blob_files)
        # Readers closed by their users (exports, report dialogs) are forgotten here, so a
        # long session that opens many does not keep them all.
        self._readers = [r for r in self._readers if not r.closed]
        self._readers.append(reader)
        return reader

    def close(self) -> None:
        """Lock: close the database, release the file lock, forget the key."""
        if self._closed:
            return
        self._closed = True
        try:
            for reader in self._readers:
                reader.close()
            self._readers.clear()
            self.db.close()
        finally:
            self._data_key.wipe()
            self._lock.release()

    lock = close

    @property
    def closed(self) -> bool:
        return self._closed

    def _require_open(self) -> None:
        if self._closed:
            raise JournalClosed(_("The journal is locked."))

    def __enter__(self) -> "Journal":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- metadata -------------------------------------------------------------------
    def set_meta(self, key: str, value: str) -> None:
        with self.db.transaction() as db:
            db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                       (key, value))

    # --- keys -----------------------------------------------------------------------
    def change_passphrase(self, new_passphrase: str, *, kdf: KdfParams | None = None) -> None:
        """Rewrap the data key under a new passphrase; the recovery slot stays."""
        self._require_open()
        check_passphrase_acceptable(new_passphrase)
        path = journal_files(self.data_dir)["keys"]
        keys = KeyFile.load(path)
        keys.with_new_passphrase(bytes(self._data_key), new_passphrase, kdf or keyslots.DEFAULT_KDF).save(path)

    def rotate_keys(self, new_passphrase: str, *, kdf: KdfParams | None = None, progress=None, cancel=None):
        """New data key, attachment keys, passphrase and recovery code (journal/storage/rotation.py)."""
        from journal.storage.rotation import rotate_keys

        return rotate_keys(self, new_passphrase, kdf=kdf, progress=progress, cancel=cancel)

    def new_recovery_code(self, *, kdf: KdfParams | None = None) -> str:
        """Replace the recovery slot; the old code stops working."""
        self._require_open()
        path = journal_files(self.data_dir)["keys"]
        code = new_recovery_code()
        KeyFile.load(path).with_new_recovery_code(bytes(self._data_key), code, kdf or keyslots.DEFAULT_KDF).save(path)
        return code

    # --- integrity --------------------------------------------------------------------
    def verify(self) -> list[str]:
        """Database integrity plus every revision chain; empty list means all good."""
        import sqlcipher3

        self._require_open()
        problems: list[str] = []
        try:
            result = self.db.query("PRAGMA integrity_check")
        except sqlcipher3.DatabaseError as exc:
            # A damaged page can make even the check fail; that is the finding.
            return [f"database: damaged ({exc}); restore from a backup, and copy the journal "
                    "folder before trying anything else"]
        if [r[0] for r in result] != ["ok"]:
            problems.extend(f"database: {r[0]}" for r in result)
            # Later checks read the damaged pages and may fail; report what can be read.
        for check in self.stores.checks():
            try:
                problems.extend(check())
            except sqlcipher3.DatabaseError as exc:
                problems.append(f"database: a check could not read its data ({exc})")
        return problems


def erase_journal(data_dir: Path, extra_paths: list[Path] | None = None, *, keys_already_destroyed: bool = False,
                  keep: Path | None = None, defer: bool = False) -> EraseReport:
    """Emergency erase: journal.keys first (that alone makes the journal unreadable),
    then the database and its WAL/SHM, the outbox and anything else given.

    Works without the passphrase and while another process holds the lock. A duress unlock
    (duress.py) has already replaced journal.keys (``keys_already_destroyed``) and keeps the
    decoy package (``keep``, a file in the attachment folder).

    ``defer`` (a duress unlock): once the keys are gone, everything else is only renamed into an
    ``.erasing-*`` folder, overwritten later by erasing.finish (erasing.py), so that the time
    an unlock takes does not depend on the size of the journal. ``keep`` is not used then.
    """
    import shutil
    import time

    start = time.perf_counter()
    data_dir = Path(data_dir)
    files = journal_files(data_dir)
    erased: list[str] = []
    if not keys_already_destroyed and overwrite_and_unlink(files["keys"]):
        erased.append(files["keys"].name)
    # Interrupted writes can leave other copies of the keys (a killed
    # passphrase change, a staged create or restore): those go next.
    leftovers = _remove_leftovers(data_dir, patterns=KEY_BEARING_LEFTOVERS)
    erased.extend(leftovers)
    if leftovers or not keys_already_destroyed:  # (a duress unlock synced its key file itself)
        fsync_dir(data_dir)
    unreadable = time.perf_counter() - start
    if defer:
        from journal.storage import erasing

        aside = erasing.new_folder(data_dir)
        moved = [files[name] for name in ("db", "wal", "shm", "journal")]
        moved += [data_dir / name for name in ("outbox", "inbox-downloads", BLOB_FOLDER)]
        moved += [path for pattern in DATA_LEFTOVERS for path in sorted(data_dir.glob(pattern))]
        erased.extend(path.name for path in moved if erasing.move_aside(aside, path))
        fsync_dir(data_dir)
    for name in ("db", "wal", "shm", "journal"):
        if overwrite_and_unlink(files[name]):
            erased.append(files[name].name)
    # Already-encrypted bundles, but their existence and sizes say something.
    for folder_name in ("outbox", "inbox-downloads"):
        folder = data_dir / folder_name
        if folder.is_dir():
            for item in sorted(folder.rglob("*")):
                if item.is_file():
                    overwrite_and_unlink(item)
            shutil.rmtree(folder, ignore_errors=True)
            erased.append(f"{folder_name}/")
    # Attachment files: their keys were in the database just overwritten, so what is left is
    # ciphertext nobody can open. They are unlinked, not overwritten: overwriting gigabytes of
    # video would keep the erase from finishing in seconds (docs/security.md).
    blob_folder = data_dir / BLOB_FOLDER
    if blob_folder.is_dir() and keep is None:
        shutil.rmtree(blob_folder, ignore_errors=True)
        erased.append(f"{BLOB_FOLDER}/")
    elif keep is not None and blob_folder.is_dir():
        for item in sorted(blob_folder.rglob("*"), reverse=True):
            if item.is_dir() and not item.is_symlink():
                with contextlib.suppress(OSError):
                    item.rmdir()  # emptied shard folders; the one holding `keep` stays
            elif item != Path(keep):
                item.unlink(missing_ok=True)
        erased.append(f"{BLOB_FOLDER}/")
    erased.extend(_remove_leftovers(data_dir, patterns=DATA_LEFTOVERS))
    if not defer:
        from journal.storage import erasing

        if erasing.finish(data_dir):  # what an interrupted duress unlock left to overwrite
            erased.append(f"{erasing.ERASING_PREFIX}*/")
    for path in extra_paths or []:
        if Path(path).is_file() and overwrite_and_unlink(Path(path)):
            erased.append(str(path))
    from journal.storage.attempts import ATTEMPTS_FILE

    if overwrite_and_unlink(data_dir / ATTEMPTS_FILE):  # the failed-unlock count
        erased.append(ATTEMPTS_FILE)
    files["lock"].unlink(missing_ok=True)
    if not defer:  # deferred: the duress unlock syncs the folder once its decoy is in place
        fsync_dir(data_dir)
    return EraseReport(erased, unreadable, time.perf_counter() - start)
