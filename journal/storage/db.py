"""Opening the SQLCipher database with the raw data key.

SQLCipher 4 defaults (4096-byte pages, HMAC-SHA512, PBKDF2 bypassed because
the key is raw). The pragmas below were chosen by measurement (bench/):
a large page cache closes most of the gap to plain SQLite.
"""

from __future__ import annotations

import errno
import threading
from collections.abc import Callable
from pathlib import Path

import sqlcipher3

from journal.errors import CorruptDatabase, DiskFull, StorageError
from journal.i18n import _


def _disk_full() -> StorageError:
    return DiskFull(_(
        "The disk is full, so the last change could not be saved. Everything saved before "
        "is intact. Free some space and try again."
    ))


def _read_only() -> StorageError:
    return StorageError(_(
        "The journal folder is read-only, so nothing can be saved. Everything saved before "
        "is intact. Check the drive (a USB stick may have a write-protect switch)."
    ))


def _disk_error() -> StorageError:
    return StorageError(_(
        "The disk reported an error while saving. Everything saved before is intact; "
        "the drive may be failing or was removed. Copy the journal elsewhere."
    ))


def storage_error(exc: BaseException) -> StorageError | None:
    """A clear message for the database write failures a person can act on, else None."""
    text = str(exc).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return _disk_full()
    if "readonly" in text or "read-only" in text:
        return _read_only()
    if "disk i/o error" in text:
        return _disk_error()
    return None


def storage_error_from_os(exc: OSError) -> StorageError:
    """The same clear messages for a failed file write (attachment files)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return _disk_full()
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return _read_only()
    return _disk_error()


# 64 MiB of decrypted pages: SQLCipher's per-page decryption makes uncached
# reads several times slower than plain SQLite, so caching is where speed is.
CACHE_SIZE_KIB = 65536


def key_pragma(data_key: bytes) -> str:
    if len(data_key) != 32:
        raise ValueError("data key must be 32 bytes")
    return f"PRAGMA key = \"x'{data_key.hex()}'\""


def apply_pragmas(conn, *, encrypted: bool = True) -> None:
    conn.execute(f"PRAGMA cache_size = -{CACHE_SIZE_KIB}")
    # Sort and temp b-trees stay in RAM: nothing spills to a temp file.
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a committed save survives a power cut, not only a killed process.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA busy_timeout = 5000")
    # Deleted rows are zeroed in the file, not just unlinked (emptied trash).
    conn.execute("PRAGMA secure_delete = ON")


def register_functions(conn) -> None:
    """SQL functions the schema's triggers call: journal_word_forms(text, ...) gives the normal
    forms of the words (journal/wordforms.py) for the search indexes' `forms` column (schema 11).
    Dictionaries load on first use only."""
    from journal.wordforms import sql_text_forms

    conn.create_function("journal_word_forms", -1, sql_text_forms, deterministic=True)


def connect(path: Path, data_key: bytes, *, create: bool = False, readonly: bool = False):
    """An open, keyed connection. Never creates the file unless `create`."""
    # Escaped: a folder named "Case #2" or "50%" must not become another path.
    from urllib.request import pathname2url  # here, not at the top: it pulls in http.client and email (~40 ms at start)

    base = "file:" + pathname2url(str(Path(path).resolve()))
    mode = "rwc" if create else "ro" if readonly else "rw"
    uri = f"{base}?mode={mode}"
    try:
        conn = sqlcipher3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
    except sqlcipher3.DatabaseError as exc:
        raise CorruptDatabase(_("The database file cannot be opened ({exc}).").format(exc=exc)) from None
    try:
        # SQLCipher logs HMAC failures to stderr by default; a desktop session may
        # persist stderr, so keep it quiet (errors still raise).
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(key_pragma(data_key))
        # The first real read is where a damaged file shows itself.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        register_functions(conn)
    except sqlcipher3.DatabaseError:
        conn.close()
        raise CorruptDatabase(
            _("The database journal.db is damaged or is not this journal's database (the passphrase was right). Restore it from a backup.")
        ) from None
    return conn


class Database:
    """One keyed connection shared by the journal's stores, guarded by a lock.

    The GUI writes from a single worker thread; the lock only makes sure a
    stray read from another thread cannot interleave inside a transaction.
    """

    def __init__(self, conn) -> None:
        self.conn = conn
        self.lock = threading.RLock()
        self._depth = 0
        self._before_commit: dict[object, Callable[[], None]] = {}
        self._after_commit: list[Callable[["Database"], object]] = []
        self._undo: list[tuple[int, Callable[[], None]]] = []
        self._in_after_commit = False
        #: Temp (in-memory) tables this connection made once and keeps (journal/records/search.py);
        #: see keep_temp_table.
        self.temp_tables: set[str] = set()

    # --- work outside the database that must follow a transaction's fate --------------------
    def before_commit(self, key: object, hook: Callable[[], None]) -> None:
        """Run ``hook`` once just before the open transaction commits (one hook per key).
        If it raises, the transaction rolls back instead. Attachment files use it to be
        fsynced before the rows naming them are committed."""
        if self._depth == 0:
            raise RuntimeError("before_commit outside a transaction")
        self._before_commit[key] = hook

    def after_commit(self, hook: Callable[["Database"], object]) -> None:
        """Run ``hook(db)`` after every commit of this connection, outside any transaction.
        The commit stands whatever the hook does (its errors are swallowed), and a commit made
        by a hook does not run the hooks again. The journal uses it to unlink the attachment
        files that committed deletions released (journal/storage/blobfiles.py)."""
        self._after_commit.append(hook)

    def keep_temp_table(self, name: str) -> None:
        """Remember that the temp table ``name`` exists on this connection, so it is made once.

        Commits change nothing here: temp tables outlive them, and the search vocabulary
        tables are fts5vocab tables that read the index live, so words saved later show at
        once. A rollback does drop a temp table made inside the transaction, so one made
        inside a transaction (or savepoint) is forgotten again if that rolls back."""
        self.temp_tables.add(name)
        if self._depth > 0:
            self.on_rollback(lambda: self.temp_tables.discard(name))

    def on_rollback(self, undo: Callable[[], None]) -> None:
        """Run ``undo`` if the innermost open transaction or savepoint rolls back (also when an
        enclosing one does later). Attachment files written inside it are removed this way."""
        if self._depth == 0:
            raise RuntimeError("on_rollback outside a transaction")
        self._undo.append((self._depth, undo))

    def _undo_above(self, depth: int) -> None:
        keep: list[tuple[int, Callable[[], None]]] = []
        run: list[tuple[int, Callable[[], None]]] = []
        for level, undo in self._undo:
            (run if level > depth else keep).append((level, undo))
        self._undo = keep
        for _level, undo in reversed(run):
            try:
                undo()
            except Exception:  # noqa: BLE001 - what is left is swept at the next open
                pass
        if depth == 0:
            self._before_commit.clear()

    def _released(self, depth: int) -> None:
        """A savepoint was released: its undo work now belongs to the enclosing level."""
        self._undo = [(min(level, depth), undo) for level, undo in self._undo]

    def _committed(self) -> None:
        self._undo.clear()
        if self._in_after_commit:
            return
        self._in_after_commit = True
        try:
            for hook in list(self._after_commit):
                try:
                    hook(self)
                except Exception:  # noqa: BLE001 - the commit stands; e.g. the next open sweeps the files
                    pass
        finally:
            self._in_after_commit = False

    def execute(self, sql: str, params=()):
        with self.lock:
            return self.conn.execute(sql, params)

    def query(self, sql: str, params=()) -> list:
        with self.lock:
            return self.conn.execute(sql, params).fetchall()

    def query_one(self, sql: str, params=()):
        with self.lock:
            return self.conn.execute(sql, params).fetchone()

    def transaction(self) -> "_Transaction":
        return _Transaction(self)

    def close(self) -> None:
        with self.lock:
            try:
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlcipher3.DatabaseError:
                pass
            self.conn.close()


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, nested via savepoints; rollback on any error.

    Whatever fails (BEGIN, COMMIT, the body), the connection is left outside
    any transaction and the lock is released, so one failed save cannot wedge
    every later one or freeze the GUI waiting on the lock.
    """

    def __init__(self, db: Database) -> None:
        self.db = db

    def __enter__(self):
        self.db.lock.acquire()
        try:
            if self.db._depth == 0:
                self.db.conn.execute("BEGIN IMMEDIATE")
            else:
                self.db.conn.execute(f"SAVEPOINT sp{self.db._depth}")
        except BaseException:
            self.db.lock.release()
            raise
        self.db._depth += 1
        return self.db

    def _rollback_all(self) -> None:
        if self.db.conn.in_transaction:
            try:
                self.db.conn.execute("ROLLBACK")
            except Exception:  # noqa: BLE001 - the original error matters more
                pass
        self.db._undo_above(0)

    def __exit__(self, exc_type, exc, tb):
        try:
            self.db._depth -= 1
            depth = self.db._depth
            if exc_type is None:
                try:
                    if depth == 0:
                        hooks = list(self.db._before_commit.values())
                        self.db._before_commit.clear()
                        for hook in hooks:
                            hook()
                    self.db.conn.execute("COMMIT" if depth == 0 else f"RELEASE sp{depth}")
                except sqlcipher3.DatabaseError as commit_error:
                    if depth == 0:
                        self._rollback_all()
                    clear = storage_error(commit_error)
                    if clear is not None:
                        raise clear from commit_error
                    raise
                except OSError as hook_error:
                    self._rollback_all()
                    raise storage_error_from_os(hook_error) from hook_error
                except BaseException:
                    if depth == 0:
                        self._rollback_all()
                    raise
                if depth == 0:
                    self.db._committed()
                else:
                    self.db._released(depth)
            elif depth == 0:
                self._rollback_all()
                if isinstance(exc, sqlcipher3.DatabaseError):
                    clear = storage_error(exc)
                    if clear is not None:
                        raise clear from exc
            else:
                try:
                    self.db.conn.execute(f"ROLLBACK TO sp{depth}")
                    self.db.conn.execute(f"RELEASE sp{depth}")
                except Exception:  # noqa: BLE001
                    pass
                self.db._undo_above(depth)
        finally:
            self.db.lock.release()
        return False
