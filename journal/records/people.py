"""People: revisioned records of detainees, relatives, lawyers, witnesses…

A person's hashed content is CONTENT_FIELDS; each save appends a revision
with the canonical JSON of that content, chained exactly like entry
revisions (journal/records/revisions.py). Merging two records keeps the older
one's uuid: links and log participation move to it, lists are unioned, the
absorbed uuid goes into its `merged_from` (so the merge is itself a
revision) and into `person_merges`, and the absorbed row stays as a
tombstone (`merged_into` set) so its own history remains readable.

Deleting a person removes them and their links for good; contact-log
records they took part in stay, showing a "deleted person".
"""

from __future__ import annotations

import builtins  # PeopleStore.list shadows the builtin inside the class: its annotations say builtins.list
import json
import secrets
import uuid as uuidlib
from dataclasses import asdict, dataclass, field

from journal.records import people_validation as v
from journal.storage.db import Database
from journal.records.revisions import canonical_json, check_chains, next_revision
from journal.errors import InvalidInput, NotFound
from journal.timeutil import utc_now_iso
from journal.i18n import N_, _
from journal.records.ids import unique_prefix_rows

CONTENT_FIELDS = (
    "uuid", "display_name", "aliases", "roles", "phones", "handles", "organisation", "notes",
    "sensitive", "merged_from",
)
EDITABLE_FIELDS = ("display_name", "aliases", "roles", "phones", "handles", "organisation", "notes", "sensitive")
# Short forms accepted by add()/update() for convenience (CLI, GUI forms).
FIELD_ALIASES = {"name": "display_name", "org": "organisation", "other_names": "aliases"}
DELETED_PERSON = "deleted person"

_LIST_FIELDS = ("aliases", "roles", "phones", "handles", "merged_from")
_ROW_COLUMNS = (
    "id, uuid, pseudonym, display_name, aliases, roles, phones, handles, organisation, notes, "
    "sensitive, merged_from, merged_into, created_at, updated_at, revision, revision_hash"
)


@dataclass
class Person:
    uuid: str
    display_name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    handles: list[str] = field(default_factory=list)   # "kind:value"
    organisation: str = ""
    notes: str = ""
    sensitive: bool = False
    merged_from: list[str] = field(default_factory=list)
    pseudonym: str = ""
    merged_into: str | None = None
    created_at: str = ""
    updated_at: str = ""
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
class PersonRevision:
    number: int
    saved_at: str
    content: dict
    prev_hash: str
    hash: str
    note: str


@dataclass(frozen=True)
class EntryLink:
    """One link between an entry and a person, with the person's role in that incident."""

    entry_uuid: str
    entry_title: str
    occurred_at: str | None
    role: str


def join_list(items: list[str]) -> str:
    """List columns are newline-joined: values are single-line (validation collapses
    whitespace), and FTS snippets then show plain words rather than JSON."""
    return "\n".join(items)


def split_list(text: str) -> list[str]:
    return [item for item in text.split("\n") if item]


def new_pseudonym() -> str:
    """Random, meaningless, short enough to read aloud: 'person-7f3a9c01'."""
    return "person-" + secrets.token_hex(4)


def bundle_record(person: Person, *, include_phones: bool = True, include_handles: bool = True) -> dict:
    """What a bundle may carry about a person (contacts.jsonl).

    A sensitive person's details never leave the laptop: only the pseudonym
    and roles travel. The sender may also leave out phones and handles.
    """
    if person.sensitive:
        return {"pseudonym": person.pseudonym, "sensitive": True, "roles": list(person.roles)}
    record = {**person.content(), "revision_hash": person.revision_hash}
    if not include_phones:
        record.pop("phones")
    if not include_handles:
        record.pop("handles")
    return record


def bundle_person_ref(person: Person) -> str:
    """How other bundle records (links, contact log) refer to a person: the
    pseudonym for a sensitive person, so the uuid cannot tie bundles to them."""
    return person.pseudonym if person.sensitive else person.uuid


def _validated(changes: dict) -> dict:
    """Normalise the given fields (only those present)."""
    out: dict = {}
    for key, value in changes.items():
        key = FIELD_ALIASES.get(key, key)
        if key == "display_name":
            out[key] = v.display_name(value)
        elif key == "aliases":
            out[key] = v.aliases(value)
        elif key == "roles":
            out[key] = v.person_roles(value)
        elif key == "phones":
            out[key] = v.phones(value)
        elif key == "handles":
            out[key] = v.handles(value)
        elif key == "organisation":
            out[key] = v.organisation(value)
        elif key == "notes":
            out[key] = v.clean_text(value, N_("notes"))
        elif key == "sensitive":
            out[key] = bool(value)
        else:
            raise InvalidInput(_("Unknown person field: {key}.").format(key=key))
    return out


class PeopleStore:
    """People, their revisions, merges and their links to entries."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # --- writes -----------------------------------------------------------------
    def add(self, **fields) -> Person:
        """A new person; `name`/`display_name` is required. Returns it with its uuid."""
        values = _validated(fields)
        if "display_name" not in values:
            raise InvalidInput(_("A person needs a name (any name you use for them)."))
        person = Person(uuid=str(uuidlib.uuid4()), **values)
        now = utc_now_iso()
        person.created_at = person.updated_at = now
        with self.db.transaction() as db:
            person.pseudonym = self._unused_pseudonym()
            cur = db.execute(
                "INSERT INTO people (uuid, pseudonym, display_name, aliases, roles, phones, handles, "
                "organisation, notes, sensitive, merged_from, created_at, updated_at) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (person.uuid, person.pseudonym, person.display_name, *self._list_columns(person),
                 person.organisation, person.notes, int(person.sensitive), join_list(person.merged_from),
                 now, now),
            )
            person.id = cur.lastrowid
            self._append_revision(person, now)
        return person

    def _unused_pseudonym(self) -> str:
        while True:
            candidate = new_pseudonym()
            if self.db.query_one("SELECT 1 FROM people WHERE pseudonym = ?", (candidate,)) is None:
                return candidate

    @staticmethod
    def _list_columns(person: Person) -> tuple[str, str, str, str]:
        return tuple(join_list(getattr(person, name))
                     for name in ("aliases", "roles", "phones", "handles"))  # type: ignore[return-value]

    def update(self, person_uuid: str, *, _note: str = "", **changes) -> Person:
        """Apply changes (any of EDITABLE_FIELDS); a save that changes nothing keeps no revision."""
        values = _validated(changes)
        with self.db.transaction():
            current = self.get(person_uuid)
            if current.merged_into:
                raise InvalidInput(_("This person was merged into {merged_into}. Edit that record instead.").format(merged_into=current.merged_into))
            return self._save(current, values, _note)

    def _save(self, current: Person, values: dict, note: str = "") -> Person:
        updated = Person(**{**asdict(current), **values})
        if canonical_json(updated.content()) == canonical_json(current.content()):
            return current
        now = utc_now_iso()
        updated.updated_at = now
        self.db.execute(
            "UPDATE people SET display_name=?, aliases=?, roles=?, phones=?, handles=?, organisation=?, "
            "notes=?, sensitive=?, merged_from=?, updated_at=? WHERE id=?",
            (updated.display_name, *self._list_columns(updated), updated.organisation, updated.notes,
             int(updated.sensitive), join_list(updated.merged_from), now, updated.id),
        )
        self._append_revision(updated, now, note)
        return updated

    def _append_revision(self, person: Person, now: str, note: str = "") -> None:
        canonical, prev, digest = next_revision(person.revision_hash, person.content())
        person.revision += 1
        person.revision_hash = digest
        self.db.execute(
            "INSERT INTO person_revisions (person_id, number, saved_at, content, prev_hash, hash, note) "
            "VALUES (?,?,?,?,?,?,?)",
            (person.id, person.revision, now, canonical, prev, digest, note),
        )
        self.db.execute("UPDATE people SET revision = ?, revision_hash = ? WHERE id = ?",
                        (person.revision, digest, person.id))

    def delete(self, person_uuid: str) -> Person:
        """Delete a person for good with their history, links and merged-away records.

        Contact-log records stay; the person shows there as "deleted person".
        """
        with self.db.transaction() as db:
            person = self.get(person_uuid)
            absorbed = [r[0] for r in db.query("SELECT absorbed_uuid FROM person_merges WHERE kept_uuid = ?",
                                               (person.uuid,))]
            db.execute("DELETE FROM person_merges WHERE kept_uuid = ? OR absorbed_uuid = ?",
                       (person.uuid, person.uuid))
            for old in absorbed:
                db.execute("DELETE FROM people WHERE uuid = ?", (old,))
            db.execute("DELETE FROM people WHERE id = ?", (person.id,))
        return person

    def merge(self, keep_uuid: str, absorb_uuid: str) -> Person:
        """Fold `absorb` into `keep` (same human, two records). Returns the kept person.

        Links and log participation move over; names, roles, phones and handles
        are unioned; the absorbed record remains, read-only, with its history.
        """
        with self.db.transaction() as db:
            keep, absorb = self.get(keep_uuid), self.get(absorb_uuid)
            if keep.id == absorb.id:
                raise InvalidInput(_("Cannot merge a person with themselves."))
            for p in (keep, absorb):
                if p.merged_into:
                    raise InvalidInput(_("{uuid} was already merged into {merged_into}.").format(uuid=p.uuid, merged_into=p.merged_into))
            now = utc_now_iso()
            # Links: one row per (entry, role); duplicates collapse onto the kept person.
            db.execute(
                "INSERT OR IGNORE INTO entry_people (entry_id, person_id, role, linked_at) "
                "SELECT entry_id, ?, role, linked_at FROM entry_people WHERE person_id = ?",
                (keep.id, absorb.id),
            )
            db.execute("DELETE FROM entry_people WHERE person_id = ?", (absorb.id,))
            # Log participation: drop the absorbed row where both took part, move the rest.
            db.execute(
                "DELETE FROM contact_log_people WHERE person_id = ? AND log_id IN "
                "(SELECT log_id FROM contact_log_people WHERE person_id = ?)",
                (absorb.id, keep.id),
            )
            db.execute("UPDATE contact_log_people SET person_id = ? WHERE person_id = ?", (keep.id, absorb.id))
            names = [absorb.display_name] if absorb.display_name.casefold() != keep.display_name.casefold() else []
            notes = keep.notes
            if absorb.notes.strip() and absorb.notes.strip() not in keep.notes:
                notes = (keep.notes.rstrip() + "\n\n" + absorb.notes.strip()).strip()
            merged = {
                "aliases": [a for a in v.union(keep.aliases, names, absorb.aliases)
                            if a.casefold() != keep.display_name.casefold()],
                "roles": [r for r in v.PERSON_ROLES if r in set(keep.roles) | set(absorb.roles)],
                "phones": v.union(keep.phones, absorb.phones),
                "handles": v.union(keep.handles, absorb.handles),
                "organisation": keep.organisation or absorb.organisation,
                "notes": notes,
                # Either record being sensitive makes the person sensitive: err on the safe side.
                "sensitive": keep.sensitive or absorb.sensitive,
                "merged_from": v.union(keep.merged_from, [absorb.uuid], absorb.merged_from),
            }
            kept = self._save(keep, merged, note=f"merged {absorb.uuid}")
            db.execute("UPDATE people SET merged_into = ? WHERE id = ? OR merged_into = ?",
                       (kept.uuid, absorb.id, absorb.uuid))
            db.execute("UPDATE person_merges SET kept_uuid = ? WHERE kept_uuid = ?", (kept.uuid, absorb.uuid))
            db.execute("INSERT OR REPLACE INTO person_merges (absorbed_uuid, kept_uuid, merged_at) VALUES (?,?,?)",
                       (absorb.uuid, kept.uuid, now))
        return kept

    # --- links ----------------------------------------------------------------------
    def link(self, entry_uuid: str, person_uuid: str, role: str) -> None:
        """Link a person to an entry with their role in that incident (idempotent)."""
        role = v.vocabulary_word(role, v.LINK_ROLES, N_("role in the incident"))
        with self.db.transaction() as db:
            entry_id = self._entry_id(entry_uuid)
            person = self.resolve(person_uuid)
            db.execute("INSERT OR IGNORE INTO entry_people (entry_id, person_id, role, linked_at) VALUES (?,?,?,?)",
                       (entry_id, person.id, role, utc_now_iso()))

    def unlink(self, entry_uuid: str, person_uuid: str, role: str | None = None) -> int:
        """Remove the link (one role, or all of them). Returns how many links went."""
        if role is not None:
            role = v.vocabulary_word(role, v.LINK_ROLES, N_("role in the incident"))
        with self.db.transaction() as db:
            entry_id = self._entry_id(entry_uuid)
            person = self.resolve(person_uuid)
            sql = "DELETE FROM entry_people WHERE entry_id = ? AND person_id = ?"
            params: list = [entry_id, person.id]
            if role is not None:
                sql += " AND role = ?"
                params.append(role)
            removed = db.execute(sql, params).rowcount
        if removed == 0:
            raise NotFound(_("That person is not linked to that entry as {role}.").format(role=role) if role
                           else _("That person is not linked to that entry."))
        return removed

    def _entry_id(self, entry_uuid: str) -> int:
        from journal.records.entries import EntryStore

        entry_id = EntryStore(self.db).get(entry_uuid).id
        assert entry_id is not None  # read from the journal
        return entry_id

    def people_for_entry(self, entry_uuid: str) -> list[tuple[Person, str]]:
        entry_id = self._entry_id(entry_uuid)
        rows = self.db.query(
            f"SELECT {', '.join('p.' + c.strip() for c in _ROW_COLUMNS.split(','))}, l.role "
            "FROM entry_people l JOIN people p ON p.id = l.person_id WHERE l.entry_id = ? "
            "ORDER BY p.display_name COLLATE NOCASE, l.role",
            (entry_id,),
        )
        return [(self._from_row(row[:-1]), row[-1]) for row in rows]

    def entries_for_person(self, person_uuid: str, include_trashed: bool = False) -> list[EntryLink]:
        person = self.resolve(person_uuid)
        trash = "" if include_trashed else "AND e.deleted_at IS NULL"
        rows = self.db.query(
            "SELECT e.uuid, e.title, e.occurred_at, l.role FROM entry_people l JOIN entries e ON e.id = l.entry_id "
            f"WHERE l.person_id = ? {trash} ORDER BY e.occurred_utc IS NULL, e.occurred_utc DESC, e.id DESC",
            (person.id,),
        )
        return [EntryLink(*row) for row in rows]

    # --- reads ----------------------------------------------------------------------
    def _from_row(self, row) -> Person:
        (id_, uuid, pseudonym, name, aliases, roles, phones, handles, org, notes, sensitive, merged_from,
         merged_into, created, updated, revision, rhash) = row
        return Person(
            uuid=uuid, display_name=name, aliases=split_list(aliases), roles=split_list(roles),
            phones=split_list(phones), handles=split_list(handles), organisation=org, notes=notes,
            sensitive=bool(sensitive), merged_from=split_list(merged_from), pseudonym=pseudonym,
            merged_into=merged_into, created_at=created, updated_at=updated, revision=revision,
            revision_hash=rhash, id=id_,
        )

    def get(self, person_uuid: str) -> Person:
        """By uuid, unique uuid prefix (journal/records/ids.py) or pseudonym; merged records included."""
        key = str(person_uuid).strip()
        row = self.db.query_one(f"SELECT {_ROW_COLUMNS} FROM people WHERE uuid = ? OR pseudonym = ?", (key, key))
        if row is None:
            rows = unique_prefix_rows(self.db, f"SELECT {_ROW_COLUMNS} FROM people WHERE uuid LIKE ?", key)
            if len(rows) != 1:
                raise NotFound(_("No person with id {person_uuid}.").format(person_uuid=person_uuid))
            row = rows[0]
        return self._from_row(row)

    def get_by_rowid(self, rowid: int) -> Person:
        row = self.db.query_one(f"SELECT {_ROW_COLUMNS} FROM people WHERE id = ?", (rowid,))
        if row is None:
            raise NotFound(_("No such person."))
        return self._from_row(row)

    def resolve(self, person_uuid: str) -> Person:
        """The live record for an id, following merges (what links and logs should point to)."""
        person = self.get(person_uuid)
        if person.merged_into:
            row = self.db.query_one("SELECT kept_uuid FROM person_merges WHERE absorbed_uuid = ?", (person.uuid,))
            person = self.get(row[0] if row else person.merged_into)
        return person

    def merged_uuid(self, person_uuid: str) -> str | None:
        """The uuid an absorbed person now lives under, or None (for bundle import mapping)."""
        row = self.db.query_one("SELECT kept_uuid FROM person_merges WHERE absorbed_uuid = ?", (str(person_uuid),))
        return row[0] if row else None

    def _list_where(self, role: str | None, include_merged: bool) -> tuple[str, list]:
        clauses = [] if include_merged else ["p.merged_into IS NULL"]
        params: list = []
        if role:
            clauses.append("instr(char(10) || p.roles || char(10), char(10) || ? || char(10)) > 0")
            params.append(v.vocabulary_word(role, v.PERSON_ROLES, N_("role")))
        return (" AND ".join(clauses) or "1"), params

    def list(self, role: str | None = None, search: str | None = None, limit: int = 200, offset: int = 0,
             include_merged: bool = False) -> list[Person]:
        """People by name (or newest first when `search` is given, matched by FTS)."""
        where, params = self._list_where(role, include_merged)
        if search and search.strip():
            from journal.records.search import fts_query

            query = fts_query(search)
            if not query:
                return []
            rows = self._fts_rows(
                f"SELECT {', '.join('p.' + c.strip() for c in _ROW_COLUMNS.split(','))} FROM people_fts f "
                f"JOIN people p ON p.id = f.rowid WHERE people_fts MATCH ? AND {where} "
                "ORDER BY f.rowid DESC LIMIT ? OFFSET ?",
                [query, *params, int(limit), int(offset)],
            )
        else:
            rows = self.db.query(
                f"SELECT {_ROW_COLUMNS} FROM people p WHERE {where} "
                "ORDER BY p.display_name COLLATE NOCASE, p.id LIMIT ? OFFSET ?",
                [*params, int(limit), int(offset)],
            )
        return [self._from_row(r) for r in rows]

    def _fts_rows(self, sql: str, params: builtins.list) -> builtins.list:
        try:
            return self.db.query(sql, params)
        except Exception as exc:  # sqlcipher3.OperationalError on a query FTS5 rejects
            if "fts5" in str(exc).lower() or "syntax" in str(exc).lower():
                raise InvalidInput(_("The search text could not be understood.")) from None
            raise

    def count(self, role: str | None = None, include_merged: bool = False) -> int:
        where, params = self._list_where(role, include_merged)
        return self.db.query_one(f"SELECT count(*) FROM people p WHERE {where}", params)[0]

    def history(self, person_uuid: str) -> builtins.list[PersonRevision]:
        person = self.get(person_uuid)
        rows = self.db.query(
            "SELECT number, saved_at, content, prev_hash, hash, note FROM person_revisions "
            "WHERE person_id = ? ORDER BY number",
            (person.id,),
        )
        return [PersonRevision(n, saved, json.loads(c), prev, h, note) for n, saved, c, prev, h, note in rows]

    # --- integrity --------------------------------------------------------------------
    def verify_revisions(self) -> builtins.list[str]:
        """Problems in the people's revision chains (empty when everything checks out)."""
        problems, last = check_chains(self.db.query(
            "SELECT person_id, number, content, prev_hash, hash FROM person_revisions ORDER BY person_id, number"),
            lambda person_id: f"person #{person_id}")
        for row in self.db.query(f"SELECT {_ROW_COLUMNS} FROM people"):
            person = self._from_row(row)
            if person.id not in last:
                problems.append(f"person {person.uuid}: has no revisions")
                continue
            number, digest, content = last[person.id]
            if person.revision != number or person.revision_hash != digest:
                problems.append(f"person {person.uuid}: current revision does not match its history")
            if canonical_json(person.content()) != content:
                problems.append(f"person {person.uuid}: current content differs from its last revision")
        return problems
