"""Field notes: the content model, saves with hash-chained revisions, trash.

The hashed content of an entry is CONTENT_FIELDS; a revision stores the
canonical JSON of that content after each save, chained as journal/records/revisions.py
describes. `verify_revisions` recomputes the chains.
"""

from __future__ import annotations

import json
import math
import unicodedata
import zlib
import uuid as uuidlib
from dataclasses import asdict, dataclass, field, fields

from journal.storage.bulk import BULK_SWITCH_INTERVAL_S, BatchPipeline, insert_rows, roomy_fts_hash, roomy_page_cache
from journal.storage.db import Database
from journal.records.revisions import GENESIS_HASH, canonical_json, chain_hash, check_chains, next_revision
from journal.errors import Cancelled, CorruptDatabase, InvalidInput, NotFound
from journal.gil import quick_gil_handoff
from journal.timeutil import normalize_occurred, utc_now_iso, zone
from journal.i18n import N_, _, ngettext
from journal.records.ids import unique_prefix_rows
from journal.wordforms import sql_text_forms

STATUSES = ("draft", "final")
SOURCES = ("witnessed", "reported", "media")
MAX_TITLE = 500
MAX_TAG = 100

CONTENT_FIELDS = (
    "uuid", "title", "body", "occurred_at", "occurred_tz", "occurred_end", "place",
    "latitude", "longitude", "category", "tags", "status", "source",
)
EDITABLE_FIELDS = tuple(f for f in CONTENT_FIELDS if f != "uuid")


@dataclass
class Entry:
    uuid: str
    title: str = ""
    body: str = ""
    occurred_at: str | None = None
    occurred_tz: str | None = None
    occurred_end: str | None = None
    place: str = ""
    latitude: float | None = None
    longitude: float | None = None
    category: str | None = None
    tags: list[str] = field(default_factory=list)
    status: str = "draft"
    source: str | None = None
    recorded_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None
    revision: int = 0
    revision_hash: str | None = None
    id: int | None = None

    def content(self) -> dict:
        return {name: getattr(self, name) for name in CONTENT_FIELDS}

    def as_json(self) -> dict:
        data = asdict(self)
        data.pop("id")
        return data


@dataclass(frozen=True)
class EntrySummary:
    """What a list row shows; cheap to load in pages of a few hundred."""

    id: int
    uuid: str
    title: str
    occurred_at: str | None
    place: str
    category: str | None
    status: str
    attachment_count: int
    deleted_at: str | None


@dataclass(frozen=True)
class Revision:
    number: int
    saved_at: str
    content: dict
    prev_hash: str
    hash: str


def pack_revision_content(canonical: str) -> bytes:
    """What revisions.content stores from schema 9: the canonical JSON, UTF-8, zlib (RFC 1950).

    Level 1: within 7 % of level 6's size on journal text at a third less CPU (measured).
    """
    return zlib.compress(canonical.encode("utf-8"), 1)


def unpack_revision_content(stored: str | bytes) -> str:
    """The canonical JSON of a revision row: TEXT as saved before schema 9, else a zlib BLOB."""
    if isinstance(stored, str):
        return stored
    return zlib.decompress(stored).decode("utf-8")


def nfc(text: str) -> str:
    """One spelling per word: text pasted from PDFs or macOS file names arrives decomposed (NFD)."""
    return unicodedata.normalize("NFC", text)


def normalize_tags(tags) -> list[str]:
    seen: dict[str, str] = {}
    for raw in tags or []:
        tag = " ".join(nfc(str(raw)).split())
        if not tag:
            continue
        if len(tag) > MAX_TAG:
            raise InvalidInput(_("A tag may be at most {max_tag} characters long.").format(max_tag=MAX_TAG))
        seen.setdefault(tag.casefold(), tag)
    return sorted(seen.values(), key=str.casefold)


def _clean_text(value, name: str, max_len: int | None = None) -> str:
    text = "" if value is None else nfc(str(value))
    if "\x00" in text:
        raise InvalidInput(_("The {name} contains a NUL character.").format(name=_(name)))
    if max_len and len(text) > max_len:
        raise InvalidInput(_("The {name} may be at most {max_len} characters long.").format(name=_(name), max_len=max_len))
    return text


def _coordinate(value, low: float, high: float, name: str) -> float | None:
    if value is None or value == "":
        return None
    try:
        # + 0.0: -0.0 would be stored as 0.0 and then differ from its hashed content.
        number = float(value) + 0.0
    except (TypeError, ValueError):
        raise InvalidInput(_("The {name} must be a number.").format(name=_(name))) from None
    if not math.isfinite(number) or not low <= number <= high:
        raise InvalidInput(_("The {name} must be between {low:g} and {high:g}.").format(name=_(name), low=low, high=high))
    return number


SUMMARY_COLUMNS = (
    "e.id, e.uuid, e.title, e.occurred_at, e.place, e.category, e.status, "
    "{attachment_count} AS attachment_count, e.deleted_at"
)
# Replaced by the attachments feature with a correlated count.
ATTACHMENT_COUNT_SQL = "(SELECT count(*) FROM attachments a WHERE a.entry_id = e.id AND a.deleted_at IS NULL)"

_ROW_COLUMNS = (
    "id, uuid, title, body, occurred_at, occurred_tz, occurred_end, place, latitude, longitude, "
    "category, tags, status, source, recorded_at, updated_at, deleted_at, revision, revision_hash"
)


_INSERT_ENTRY_WITH_ID = (
    "INSERT INTO entries (id, uuid, title, body, occurred_at, occurred_tz, occurred_end, "
    "occurred_utc, recorded_at, updated_at, place, latitude, longitude, category, status, "
    "source, tags, revision, revision_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)

_INSERT_TAG = "INSERT INTO entry_tags (entry_id, tag) VALUES (?, ?)"
_INSERT_REVISION = (
    "INSERT INTO revisions (entry_id, number, saved_at, content, prev_hash, hash) VALUES (?,?,?,?,?,?)"
)


_IDS_PER_STATEMENT = 500  # row ids bound per statement (under SQLite's oldest limit of 999)


class EntryStore:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._building_index = False  # set by add_many for its batches (schema 15 build)

    # --- validation -------------------------------------------------------------
    def category_keys(self) -> set[str]:
        return {row[0] for row in self.db.query("SELECT key FROM categories")}

    def _validated(self, entry: Entry, categories: set[str] | None = None) -> tuple[Entry, int | None]:
        entry.title = _clean_text(entry.title, N_("title"), MAX_TITLE)
        entry.body = _clean_text(entry.body, N_("text"))
        entry.place = _clean_text(entry.place, N_("place"), 1000)
        if entry.status not in STATUSES:
            raise InvalidInput(_("Status must be one of: {statuses}.").format(statuses=', '.join(STATUSES)))
        if entry.source is not None and entry.source not in SOURCES:
            raise InvalidInput(_("Source must be one of: {sources}.").format(sources=', '.join(SOURCES)))
        if entry.category is not None and entry.category not in (
                self.category_keys() if categories is None else categories):
            raise InvalidInput(_("Unknown category: {category}").format(category=entry.category))
        entry.latitude = _coordinate(entry.latitude, -90, 90, N_("latitude"))
        entry.longitude = _coordinate(entry.longitude, -180, 180, N_("longitude"))
        if (entry.latitude is None) != (entry.longitude is None):
            raise InvalidInput(_("Give both latitude and longitude, or neither."))
        zone(entry.occurred_tz)  # an unknown zone is refused here (InvalidInput)
        entry.occurred_at, occurred_utc = normalize_occurred(entry.occurred_at, entry.occurred_tz)
        entry.occurred_end, _end_utc = normalize_occurred(entry.occurred_end, entry.occurred_tz)
        entry.tags = normalize_tags(entry.tags)
        return entry, occurred_utc

    # --- writes -------------------------------------------------------------------
    def add(self, entry: Entry | None = None, **values) -> Entry:
        entry = entry or Entry(uuid=str(uuidlib.uuid4()), **values)
        if not entry.uuid:
            entry.uuid = str(uuidlib.uuid4())
        entry, occurred_utc = self._validated(entry)
        now = utc_now_iso()
        entry.recorded_at = entry.recorded_at or now
        entry.updated_at = now
        with self.db.transaction():
            self._insert(entry, occurred_utc, now)
        return entry

    def add_many(self, items, *, progress=None, cancel=None, batch: int = 1000) -> int:
        """Add many entries in one transaction (imports, tests, benchmarks).

        Each entry is validated and hashed exactly as by `add`. What makes it
        faster than `add` in a loop (figures in bench/README.md):
        - FTS5 indexing row by row (the insert trigger) is the largest cost of
          a save; here the trigger is dropped and re-created inside the same
          transaction and each batch is indexed by one INSERT ... SELECT while
          its pages are in the cache;
        - a larger page cache and FTS5 hash for the transaction, and a worker
          thread writing batch k while batch k+1 is prepared (journal/storage/bulk.py);
        - ids are assigned here (max(id) + 1 onwards, what SQLite would pick;
          the write lock is held); the category list is read once.
        An error, a cancel or a crash rolls back everything, trigger included.
        """
        conn = self.db.conn
        count = 0
        with roomy_page_cache(conn):
            with self.db.transaction() as db, roomy_fts_hash(conn, "entries_fts"), \
                    quick_gil_handoff(BULK_SWITCH_INTERVAL_S), BatchPipeline(self._write_batch) as pipeline:
                categories = self.category_keys()
                trigger_sql = db.query_one(
                    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'entries_fts_ai'")[0]
                first_id = db.query_one("SELECT coalesce(max(id), 0) + 1 FROM entries")[0]
                self._building_index = bool(db.query(
                    "SELECT 1 FROM sqlite_master WHERE name = 'entries_fts_next'"))  # schema 15, search_index.py
                db.execute("DROP TRIGGER entries_fts_ai")
                rows: list[tuple] = []
                revisions: list[tuple] = []
                tags: list[tuple] = []
                forms: list[tuple] = []
                for item in items:
                    if cancel is not None and cancel():
                        raise Cancelled()
                    entry = item if isinstance(item, Entry) else Entry(uuid=str(uuidlib.uuid4()), **item)
                    entry.uuid = entry.uuid or str(uuidlib.uuid4())
                    entry, occurred_utc = self._validated(entry, categories)
                    now = utc_now_iso()
                    entry.recorded_at = entry.recorded_at or now
                    entry.updated_at = now
                    entry.id = first_id + count
                    row, revision = self._first_revision_rows(entry, occurred_utc, now)
                    rows.append(row)
                    revisions.append(revision)
                    tags.extend((entry.id, t) for t in entry.tags)
                    # Word forms (journal/wordforms.py) here, on this thread: the cache of
                    # each word's forms makes it one look-up per word. No row for a text
                    # without any (the index reads a missing row as ''; entries_search).
                    entry_forms = sql_text_forms(row[2], row[3], row[10], row[16])
                    if entry_forms:
                        forms.append((entry.id, entry_forms))
                    count += 1
                    if len(rows) >= batch:
                        pipeline.submit((rows, revisions, tags, forms))
                        rows, revisions, tags, forms = [], [], [], []
                        if progress is not None:
                            progress(count, 0)
                pipeline.submit((rows, revisions, tags, forms))
                pipeline.finish()
                db.execute(trigger_sql)
        return count

    def _write_batch(self, batch: tuple[list[tuple], list[tuple], list[tuple], list[tuple]]) -> None:
        """Rows, revisions, tags, word forms and the FTS index entries of one add_many batch
        (bulk worker thread)."""
        rows, revisions, tags, forms = batch
        if not rows:
            return
        self._write_rows(rows, revisions, tags)
        insert_rows(self.db.conn, "INSERT OR REPLACE INTO entry_word_forms (id, forms) VALUES (?, ?)", forms)
        # One statement, indexed from the rows just written (their pages are in the cache).
        self.db.conn.execute("INSERT INTO entries_fts (rowid, title, body, place, tags, forms) "
                             "SELECT id, title, body, place, tags, forms FROM entries_search "
                             "WHERE id BETWEEN ? AND ?", (rows[0][0], rows[-1][0]))
        if self._building_index:  # the new index of schema 15 holds the records at or above its mark
            self.db.conn.execute(
                "INSERT INTO entries_fts_next (rowid, title, body, place, tags, forms) "
                "SELECT id, title, body, place, tags, forms FROM entries_search WHERE id BETWEEN ? AND ? "
                "AND id >= (SELECT below FROM search_index_builds WHERE fts = 'entries_fts')",
                (rows[0][0], rows[-1][0]))

    def _write_rows(self, rows: list[tuple], revisions: list[tuple], tags: list[tuple]) -> None:
        """Prepared entries, revisions and entry_tags rows (any may be empty), many rows per
        statement (journal/storage/bulk.py, insert_rows)."""
        conn = self.db.conn
        for sql, values in ((_INSERT_ENTRY_WITH_ID, rows), (_INSERT_REVISION, revisions), (_INSERT_TAG, tags)):
            insert_rows(conn, sql, values)

    def _first_revision_rows(self, entry: Entry, occurred_utc: int | None, now: str) -> tuple[tuple, tuple]:
        """The entries row (with entry.id) and its revision 1 row, hashed; sets entry.revision*."""
        entry.revision = 1
        canonical = canonical_json(entry.content())
        entry.revision_hash = chain_hash(GENESIS_HASH, canonical)
        row = (entry.id, entry.uuid, entry.title, entry.body, entry.occurred_at, entry.occurred_tz,
               entry.occurred_end, occurred_utc, entry.recorded_at, entry.updated_at, entry.place,
               entry.latitude, entry.longitude, entry.category, entry.status, entry.source,
               "\n".join(entry.tags), entry.revision, entry.revision_hash)
        return row, (entry.id, 1, now, pack_revision_content(canonical), GENESIS_HASH, entry.revision_hash)

    def _insert(self, entry: Entry, occurred_utc: int | None, now: str) -> None:
        """INSERT the row with its first revision already hashed (no UPDATE afterwards)."""
        entry.id = None  # a NULL id: SQLite picks the next one
        row, revision = self._first_revision_rows(entry, occurred_utc, now)
        entry.id = self.db.conn.execute(_INSERT_ENTRY_WITH_ID, row).lastrowid
        self._write_rows([], [(entry.id, *revision[1:])], [(entry.id, t) for t in entry.tags])

    def update(self, entry_uuid: str, **changes) -> Entry:
        """Apply `changes` (any of EDITABLE_FIELDS); a save that changes nothing keeps no revision."""
        unknown = set(changes) - set(EDITABLE_FIELDS)
        if unknown:
            raise InvalidInput(ngettext("Unknown field: {unknown}", "Unknown fields: {unknown}", len(unknown))
                               .format(unknown=', '.join(sorted(unknown))))
        with self.db.transaction():
            current = self.get(entry_uuid)
            if current.deleted_at:
                raise InvalidInput(_("This entry is in the trash. Restore it before editing."))
            updated = Entry(**{**asdict(current), **changes})
            updated, occurred_utc = self._validated(updated)
            if canonical_json(updated.content()) == canonical_json(current.content()):
                return current
            now = utc_now_iso()
            updated.updated_at = now
            assert current.id is not None  # read from the journal
            self._guard_imported(current.id)
            self.db.execute(
                "UPDATE entries SET title=?, body=?, occurred_at=?, occurred_tz=?, occurred_end=?, "
                "occurred_utc=?, updated_at=?, place=?, latitude=?, longitude=?, category=?, status=?, "
                "source=?, tags=? WHERE id=?",
                (updated.title, updated.body, updated.occurred_at, updated.occurred_tz,
                 updated.occurred_end, occurred_utc, now, updated.place, updated.latitude,
                 updated.longitude, updated.category, updated.status, updated.source,
                 "\n".join(updated.tags), updated.id),
            )
            if updated.tags != current.tags:
                self.db.execute("DELETE FROM entry_tags WHERE entry_id = ?", (updated.id,))
                self.db.conn.executemany(
                    "INSERT INTO entry_tags (entry_id, tag) VALUES (?, ?)", [(updated.id, t) for t in updated.tags]
                )
            self._append_revision(updated, now)
        return updated

    def _guard_imported(self, entry_id: int) -> None:
        """Received entries belong to their sender; the coordinator annotates them instead.

        (Schema 5 also enforces this with a trigger; this gives the readable message.)
        """
        try:
            row = self.db.query_one("SELECT 1 FROM provenance WHERE kind = 'entry' AND local_id = ? "
                "AND NOT EXISTS (SELECT 1 FROM import_lock)", (entry_id,))
        except Exception:  # noqa: BLE001 - before schema 5 there is no provenance table
            return
        if row:
            raise InvalidInput(
                _("This entry was received from a documenter and is read-only. Use the review notes, tags and status instead.")
            )

    def _append_revision(self, entry: Entry, now: str) -> None:
        canonical, prev, digest = next_revision(entry.revision_hash, entry.content())
        entry.revision += 1
        entry.revision_hash = digest
        self.db.execute(
            "INSERT INTO revisions (entry_id, number, saved_at, content, prev_hash, hash) VALUES (?,?,?,?,?,?)",
            (entry.id, entry.revision, now, pack_revision_content(canonical), prev, digest),
        )
        self.db.execute(
            "UPDATE entries SET revision = ?, revision_hash = ? WHERE id = ?", (entry.revision, digest, entry.id)
        )

    def move_to_trash(self, entry_uuid: str) -> None:
        with self.db.transaction() as db:
            cur = db.execute(
                "UPDATE entries SET deleted_at = ? WHERE uuid = ? AND deleted_at IS NULL", (utc_now_iso(), entry_uuid)
            )
            if cur.rowcount == 0:
                self.get(entry_uuid)  # raises NotFound for an unknown id

    def move_many_to_trash(self, rowids: list[int]) -> list[int]:
        """Several entries at once (the list's selection), in one transaction; the row ids moved.
        Entries already in the trash or gone meanwhile are passed over. Only `deleted_at`
        changes: no revision, no index update, so 100k ids take seconds, not minutes."""
        return self._set_deleted(rowids, utc_now_iso())

    def restore_many(self, rowids: list[int]) -> list[int]:
        """Several entries out of the trash at once (Undo after move_many_to_trash, or the trash's
        selection); the row ids restored. Entries not in the trash are passed over."""
        return self._set_deleted(rowids, None)

    def _set_deleted(self, rowids: list[int], deleted_at: str | None) -> list[int]:
        now_in = "deleted_at IS NULL" if deleted_at is not None else "deleted_at IS NOT NULL"
        changed: list[int] = []
        with self.db.transaction() as db:
            for start in range(0, len(rowids), _IDS_PER_STATEMENT):
                chunk = [int(rowid) for rowid in rowids[start:start + _IDS_PER_STATEMENT]]
                marks = ",".join("?" * len(chunk))
                changed += [row[0] for row in db.query(
                    f"SELECT id FROM entries WHERE id IN ({marks}) AND {now_in} ORDER BY id", chunk)]
                db.execute(f"UPDATE entries SET deleted_at = ? WHERE id IN ({marks}) AND {now_in}",
                           [deleted_at, *chunk])
        return changed

    def restore(self, entry_uuid: str) -> None:
        with self.db.transaction() as db:
            cur = db.execute("UPDATE entries SET deleted_at = NULL WHERE uuid = ? AND deleted_at IS NOT NULL", (entry_uuid,))
            if cur.rowcount == 0:
                self.get(entry_uuid)
                raise InvalidInput(_("That entry is not in the trash."))

    def empty_trash(self) -> int:
        """Delete trashed entries for good (revisions and tags go with them)."""
        with self.db.transaction() as db:
            count = db.execute("DELETE FROM entries WHERE deleted_at IS NOT NULL").rowcount
            if count:
                # FTS5 only records deletions as markers; merging the index
                # drops the deleted words from the file (secure_delete zeroes
                # the freed pages).
                db.execute("INSERT INTO entries_fts (entries_fts) VALUES ('optimize')")
                if db.query("SELECT 1 FROM sqlite_master WHERE name = 'entries_fts_next'"):
                    db.execute("INSERT INTO entries_fts_next (entries_fts_next) VALUES ('optimize')")
        if count:
            with self.db.lock:
                self.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return count

    # --- reads --------------------------------------------------------------------
    def _from_row(self, row) -> Entry:
        (id_, uuid, title, body, occ, tz, end, place, lat, lon, cat, tags, status, source, rec, upd,
         deleted, revision, rhash) = row
        return Entry(
            uuid=uuid, title=title, body=body, occurred_at=occ, occurred_tz=tz, occurred_end=end,
            place=place, latitude=lat, longitude=lon, category=cat,
            tags=[t for t in tags.split("\n") if t], status=status, source=source, recorded_at=rec,
            updated_at=upd, deleted_at=deleted, revision=revision, revision_hash=rhash, id=id_,
        )

    def get(self, entry_uuid: str) -> Entry:
        row = self.db.query_one(f"SELECT {_ROW_COLUMNS} FROM entries WHERE uuid = ?", (str(entry_uuid),))
        if row is None:
            # Accept a unique prefix, as people copy short ids from `list` (journal/records/ids.py).
            rows = unique_prefix_rows(self.db, f"SELECT {_ROW_COLUMNS} FROM entries WHERE uuid LIKE ?", entry_uuid)
            if len(rows) != 1:
                raise NotFound(_("No entry with id {entry_uuid}.").format(entry_uuid=entry_uuid))
            row = rows[0]
        return self._from_row(row)

    def get_by_rowid(self, rowid: int) -> Entry:
        row = self.db.query_one(f"SELECT {_ROW_COLUMNS} FROM entries WHERE id = ?", (rowid,))
        if row is None:
            raise NotFound(_("No such entry."))
        return self._from_row(row)

    def history(self, entry_uuid: str) -> list[Revision]:
        entry = self.get(entry_uuid)
        rows = self.db.query(
            "SELECT number, saved_at, content, prev_hash, hash FROM revisions WHERE entry_id = ? ORDER BY number",
            (entry.id,),
        )
        try:
            return [Revision(n, saved, json.loads(unpack_revision_content(content)), prev, h)
                    for n, saved, content, prev, h in rows]
        except (zlib.error, UnicodeDecodeError, ValueError):
            raise CorruptDatabase(_("A saved version of this entry is damaged. Run “journal verify” "
                                    "to see what else is affected.")) from None

    def tags(self) -> list[tuple[str, int]]:
        """(tag, number of entries not in the trash), sorted case-insensitively.

        Counts over entry_tags' own index and leaves out the (few) trashed
        entries, instead of joining every tag row with its entry: with 100k
        entries that join decrypted a whole index of `entries` (150 ms of the
        unlock budget).
        """
        return [
            (tag, count)
            for tag, count in self.db.query(
                "SELECT tag, count(*) FROM entry_tags "
                "WHERE entry_id NOT IN (SELECT id FROM entries WHERE deleted_at IS NOT NULL) "
                "GROUP BY tag ORDER BY tag COLLATE NOCASE"
            )
        ]

    def categories(self) -> list[tuple[str, str]]:
        return [(k, label) for k, label in self.db.query(
            "SELECT key, label FROM categories WHERE hidden = 0 ORDER BY position, label")]

    def add_category(self, key: str, label: str) -> None:
        key = "_".join(key.strip().lower().split())
        if not key or not label.strip():
            raise InvalidInput(_("A category needs a key and a label."))
        with self.db.transaction() as db:
            pos = db.query_one("SELECT coalesce(max(position), 0) + 1 FROM categories")[0]
            db.execute(
                "INSERT INTO categories (key, label, position) VALUES (?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET label = excluded.label, hidden = 0",
                (key, label.strip(), pos),
            )

    # --- integrity ------------------------------------------------------------------
    def verify_revisions(self) -> list[str]:
        """Problems found in the revision chains (empty when everything checks out)."""
        def unpacked(rows):
            for entry_id, number, stored, prev_hash, digest in rows:
                try:
                    content = unpack_revision_content(stored)
                except (zlib.error, UnicodeDecodeError):
                    content = ""  # reported as altered: its hash cannot match
                yield entry_id, number, content, prev_hash, digest

        problems, last_by_entry = check_chains(unpacked(self.db.query(
            "SELECT entry_id, number, content, prev_hash, hash FROM revisions ORDER BY entry_id, number")),
            lambda entry_id: f"entry #{entry_id}")
        for row in self.db.query(f"SELECT {_ROW_COLUMNS} FROM entries"):
            entry = self._from_row(row)
            last = last_by_entry.get(entry.id)
            if last is None:
                problems.append(f"entry {entry.uuid}: has no revisions")
                continue
            number, digest, content = last
            if entry.revision != number or entry.revision_hash != digest:
                problems.append(f"entry {entry.uuid}: current revision does not match its history")
            if canonical_json(entry.content()) != content:
                problems.append(f"entry {entry.uuid}: current content differs from its last revision")
        tag_rows: dict[int, list[str]] = {}
        for entry_id, tag in self.db.query("SELECT entry_id, tag FROM entry_tags ORDER BY entry_id"):
            tag_rows.setdefault(entry_id, []).append(tag)
        for entry_id, uuid, tags in self.db.query("SELECT id, uuid, tags FROM entries"):
            if sorted(t for t in tags.split("\n") if t) != sorted(tag_rows.get(entry_id, [])):
                problems.append(f"entry {uuid}: tag index does not match the entry's tags")
        try:
            self.db.execute("INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)")
        except Exception:  # noqa: BLE001 - sqlcipher3.DatabaseError; reported, not raised
            problems.append("search index does not match the entries (run: journal verify --repair)")
        return problems

    def rebuild_search_index(self) -> None:
        from journal.records.search_index import finish_index_build_now

        with self.db.transaction() as db:
            db.execute("INSERT INTO entries_fts (entries_fts) VALUES ('rebuild')")
            finish_index_build_now(db)


def editable_field_names() -> tuple[str, ...]:
    return EDITABLE_FIELDS


def entry_field_names() -> tuple[str, ...]:
    return tuple(f.name for f in fields(Entry))
