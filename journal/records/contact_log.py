"""The contact log: dated calls, messages and meetings with people, with follow-ups.

"The mother of X called at 14:10, he is held at police department no. 5,
lawyer not admitted" is one record: when (with its zone), who (one or more
people), channel, direction, summary, the entries it concerns, and an
optional follow-up (due date, note, done).
"""

from __future__ import annotations

import builtins  # ContactLogStore.list shadows the builtin inside the class: its annotations say builtins.list
import datetime as dt
import uuid as uuidlib
from dataclasses import asdict, dataclass, field

from journal.records import people_validation as v
from journal.storage.db import Database
from journal.errors import InvalidInput, NotFound
from journal.records.people import DELETED_PERSON, PeopleStore
from journal.timeutil import day_bound, local_zone_name, normalize_occurred, utc_now_iso, zone
from journal.i18n import N_, _, ngettext
from journal.records.ids import unique_prefix_rows

EDITABLE_FIELDS = ("at", "tz", "people", "channel", "direction", "summary", "entries",
                   "follow_up_due", "follow_up_note")

_ROW_COLUMNS = (
    "c.id, c.uuid, c.at, c.at_tz, c.channel, c.direction, c.summary, c.follow_up_due, c.follow_up_note, "
    "c.follow_up_done_at, c.recorded_at, c.updated_at"
)


@dataclass(frozen=True)
class LogPerson:
    """A participant as a log row shows them; uuid None once the person was deleted."""

    uuid: str | None
    display_name: str
    sensitive: bool = False


@dataclass
class LogRecord:
    uuid: str
    at: str
    tz: str | None
    channel: str
    direction: str
    summary: str = ""
    people: list[LogPerson] = field(default_factory=list)
    entries: list[str] = field(default_factory=list)   # entry uuids
    follow_up_due: str | None = None
    follow_up_note: str = ""
    follow_up_done_at: str | None = None
    recorded_at: str = ""
    updated_at: str = ""
    id: int | None = None

    @property
    def follow_up_state(self) -> str | None:
        """None (no follow-up), 'open' or 'done'."""
        if not self.follow_up_due:
            return None
        return "done" if self.follow_up_done_at else "open"

    def is_due(self, today: dt.date | None = None) -> bool:
        """An open follow-up due today or earlier."""
        today = today or dt.date.today()
        return (self.follow_up_due is not None and self.follow_up_state == "open"
                and self.follow_up_due <= today.isoformat())

    def as_json(self) -> dict:
        data = asdict(self)
        data.pop("id")
        data["people"] = [{"id": p.uuid, "name": p.display_name} for p in self.people]
        data["follow_up_state"] = self.follow_up_state
        return data


def now_local_iso() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="minutes")


class ContactLogStore:
    def __init__(self, db: Database, people: PeopleStore) -> None:
        self.db = db
        self._people = people

    # --- validation ------------------------------------------------------------------
    def _person_ids(self, people) -> list[int]:
        ids: list[int] = []
        for ref in [people] if isinstance(people, str) else list(people or []):
            person = self._people.resolve(getattr(ref, "uuid", ref))
            assert person.id is not None  # read from the journal
            if person.id not in ids:
                ids.append(person.id)
        if not ids:
            raise InvalidInput(_("A contact-log record needs at least one person."))
        return ids

    def _entry_ids(self, entries) -> list[int]:
        from journal.records.entries import EntryStore

        store = EntryStore(self.db)
        ids: list[int] = []
        for ref in [entries] if isinstance(entries, str) else list(entries or []):
            entry_id = store.get(getattr(ref, "uuid", ref)).id
            assert entry_id is not None  # read from the journal
            if entry_id not in ids:
                ids.append(entry_id)
        return ids

    @staticmethod
    def _when(at, tz) -> tuple[str, str | None, int]:
        zone(tz)  # unknown zone -> InvalidInput
        if at is None or not str(at).strip():
            at = now_local_iso()
            tz = tz or local_zone_name()
        canonical, at_utc = normalize_occurred(at, tz)
        assert canonical is not None and at_utc is not None  # `at` is not blank here
        return canonical, tz or None, at_utc

    @staticmethod
    def _follow_up(due, note) -> tuple[str | None, str]:
        due = v.follow_up_date(due)
        note = v.clean_text(note, N_("follow-up note"), 5000).strip()
        if note and not due:
            raise InvalidInput(_("A follow-up note needs a due date (--follow-up YYYY-MM-DD)."))
        return due, note

    # --- writes -------------------------------------------------------------------------
    def add(self, *, people, channel: str, direction: str, summary: str = "", at: str | None = None,
            tz: str | None = None, entries=(), follow_up_due: str | None = None,
            follow_up_note: str | None = None) -> LogRecord:
        """Record a call, message or meeting. `at` defaults to now in the local zone."""
        channel = v.vocabulary_word(channel, v.CHANNELS, N_("channel"))
        direction = v.vocabulary_word(direction, v.DIRECTIONS, N_("direction"))
        summary = v.clean_text(summary, N_("summary"), 100_000)
        at_text, tz, at_utc = self._when(at, tz)
        due, note = self._follow_up(follow_up_due, follow_up_note)
        now = utc_now_iso()
        record_uuid = str(uuidlib.uuid4())
        with self.db.transaction() as db:
            person_ids = self._person_ids(people)
            entry_ids = self._entry_ids(entries)
            cur = db.execute(
                "INSERT INTO contact_log (uuid, at, at_tz, at_utc, channel, direction, summary, follow_up_due, "
                "follow_up_note, recorded_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (record_uuid, at_text, tz, at_utc, channel, direction, summary, due, note, now, now),
            )
            self._set_links(cur.lastrowid, person_ids, entry_ids)
            return self.get(record_uuid)

    def _set_links(self, log_id: int, person_ids: list[int] | None, entry_ids: list[int] | None) -> None:
        if person_ids is not None:
            self.db.execute("DELETE FROM contact_log_people WHERE log_id = ?", (log_id,))
            self.db.conn.executemany(
                "INSERT INTO contact_log_people (log_id, position, person_id) VALUES (?,?,?)",
                [(log_id, i, pid) for i, pid in enumerate(person_ids)],
            )
        if entry_ids is not None:
            self.db.execute("DELETE FROM contact_log_entries WHERE log_id = ?", (log_id,))
            self.db.conn.executemany(
                "INSERT INTO contact_log_entries (log_id, entry_id) VALUES (?,?)",
                [(log_id, eid) for eid in entry_ids],
            )

    def update(self, log_uuid: str, **changes) -> LogRecord:
        """Change any of EDITABLE_FIELDS. Changing the due date reopens the follow-up."""
        unknown = set(changes) - set(EDITABLE_FIELDS)
        if unknown:
            raise InvalidInput(ngettext("Unknown field: {unknown}", "Unknown fields: {unknown}", len(unknown))
                               .format(unknown=', '.join(sorted(unknown))))
        with self.db.transaction() as db:
            current = self.get(log_uuid)
            channel = v.vocabulary_word(changes.get("channel", current.channel), v.CHANNELS, N_("channel"))
            direction = v.vocabulary_word(changes.get("direction", current.direction), v.DIRECTIONS, N_("direction"))
            summary = v.clean_text(changes.get("summary", current.summary), N_("summary"), 100_000)
            at_text, tz, at_utc = self._when(changes.get("at") or current.at, changes.get("tz", current.tz))
            due, note = self._follow_up(changes.get("follow_up_due", current.follow_up_due),
                                        changes.get("follow_up_note", current.follow_up_note))
            done_at = current.follow_up_done_at if due == current.follow_up_due else None
            person_ids = self._person_ids(changes["people"]) if "people" in changes else None
            entry_ids = self._entry_ids(changes["entries"]) if "entries" in changes else None
            db.execute(
                "UPDATE contact_log SET at=?, at_tz=?, at_utc=?, channel=?, direction=?, summary=?, "
                "follow_up_due=?, follow_up_note=?, follow_up_done_at=?, updated_at=? WHERE id=?",
                (at_text, tz, at_utc, channel, direction, summary, due, note, done_at, utc_now_iso(), current.id),
            )
            assert current.id is not None  # read from the journal
            self._set_links(current.id, person_ids, entry_ids)
            return self.get(current.uuid)

    def mark_done(self, log_uuid: str, done: bool = True) -> LogRecord:
        """Close (or reopen) the record's follow-up."""
        with self.db.transaction() as db:
            record = self.get(log_uuid)
            if not record.follow_up_due:
                raise InvalidInput(_("This contact-log record has no follow-up to mark."))
            if done and record.follow_up_done_at:
                return record
            db.execute("UPDATE contact_log SET follow_up_done_at = ?, updated_at = ? WHERE id = ?",
                       (utc_now_iso() if done else None, utc_now_iso(), record.id))
            return self.get(record.uuid)

    def delete(self, log_uuid: str) -> LogRecord:
        with self.db.transaction() as db:
            record = self.get(log_uuid)
            db.execute("DELETE FROM contact_log WHERE id = ?", (record.id,))
        return record

    # --- reads ----------------------------------------------------------------------------
    def _records(self, rows) -> list[LogRecord]:
        records = [
            LogRecord(uuid=r[1], at=r[2], tz=r[3], channel=r[4], direction=r[5], summary=r[6],
                      follow_up_due=r[7], follow_up_note=r[8], follow_up_done_at=r[9], recorded_at=r[10],
                      updated_at=r[11], id=r[0])
            for r in rows
        ]
        by_id = {r.id: r for r in records}
        ids = list(by_id)
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for log_id, person_uuid, name, sensitive in self.db.query(
                "SELECT l.log_id, p.uuid, p.display_name, p.sensitive FROM contact_log_people l "
                f"LEFT JOIN people p ON p.id = l.person_id WHERE l.log_id IN ({marks}) ORDER BY l.log_id, l.position",
                chunk,
            ):
                by_id[log_id].people.append(LogPerson(person_uuid, name if person_uuid else DELETED_PERSON,
                                                      bool(sensitive)))
            for log_id, entry_uuid in self.db.query(
                "SELECT l.log_id, e.uuid FROM contact_log_entries l JOIN entries e ON e.id = l.entry_id "
                f"WHERE l.log_id IN ({marks}) ORDER BY e.occurred_utc, e.id",
                chunk,
            ):
                by_id[log_id].entries.append(entry_uuid)
        return records

    def get(self, log_uuid: str) -> LogRecord:
        """By uuid or a unique prefix (journal/records/ids.py)."""
        key = str(log_uuid).strip()
        rows = self.db.query(f"SELECT {_ROW_COLUMNS} FROM contact_log c WHERE c.uuid = ?", (key,))
        if not rows:
            rows = unique_prefix_rows(self.db, f"SELECT {_ROW_COLUMNS} FROM contact_log c WHERE c.uuid LIKE ?", key)
        if len(rows) != 1:
            raise NotFound(_("No contact-log record with id {log_uuid}.").format(log_uuid=log_uuid))
        return self._records(rows)[0]

    def get_by_rowid(self, rowid: int) -> LogRecord:
        rows = self.db.query(f"SELECT {_ROW_COLUMNS} FROM contact_log c WHERE c.id = ?", (rowid,))
        if not rows:
            raise NotFound(_("No such contact-log record."))
        return self._records(rows)[0]

    def _where(self, person, entry, due_only, channel, date_from, date_to, today) -> tuple[str, list]:
        clauses: list[str] = []
        params: list = []
        if person:
            clauses.append("c.id IN (SELECT log_id FROM contact_log_people WHERE person_id = ?)")
            params.append(self._people.resolve(person).id)
        if entry:
            clauses.append("c.id IN (SELECT log_id FROM contact_log_entries WHERE entry_id = ?)")
            params.append(self._entry_ids([entry])[0])
        if due_only:
            clauses.append("c.follow_up_due IS NOT NULL AND c.follow_up_done_at IS NULL AND c.follow_up_due <= ?")
            params.append((today or dt.date.today()).isoformat())
        if channel:
            clauses.append("c.channel = ?")
            params.append(v.vocabulary_word(channel, v.CHANNELS, N_("channel")))
        start, end = day_bound(date_from), day_bound(date_to, end=True)
        # Dates as written at the place, as for entries (journal.timeutil.day_bound).
        if start:
            clauses.append("c.at >= ?")
            params.append(start)
        if end:
            clauses.append("c.at < ?")
            params.append(end)
        return (" AND ".join(clauses) or "1"), params

    def list(self, person: str | None = None, due_only: bool = False, channel: str | None = None,
             date_from: str | None = None, date_to: str | None = None, entry: str | None = None,
             limit: int = 200, offset: int = 0, today: dt.date | None = None) -> list[LogRecord]:
        """Newest first; with `due_only`, open follow-ups due by `today`, earliest due first."""
        where, params = self._where(person, entry, due_only, channel, date_from, date_to, today)
        order = "c.follow_up_due, c.at_utc, c.id" if due_only else "c.at_utc DESC, c.id DESC"
        rows = self.db.query(f"SELECT {_ROW_COLUMNS} FROM contact_log c WHERE {where} ORDER BY {order} "
                             "LIMIT ? OFFSET ?", [*params, int(limit), int(offset)])
        return self._records(rows)

    def count(self, person: str | None = None, due_only: bool = False, channel: str | None = None,
              date_from: str | None = None, date_to: str | None = None, entry: str | None = None,
              today: dt.date | None = None) -> int:
        where, params = self._where(person, entry, due_only, channel, date_from, date_to, today)
        return self.db.query_one(f"SELECT count(*) FROM contact_log c WHERE {where}", params)[0]

    def due(self, today: dt.date | None = None, limit: int = 500) -> builtins.list[LogRecord]:
        """Open follow-ups that are overdue or due today, earliest first."""
        return self.list(due_only=True, today=today, limit=limit)
