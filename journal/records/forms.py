"""Incident forms: typed fields per category, versioned, with values per entry.

A form (`Form`) is a key, a version, a label, an optional category and a list of
field definitions (dicts: key, label, type, optional choices). Changing a form
(adding a field, renaming a label) stores a new version; entries keep pointing at
the version their values were saved with, so old entries keep their values.

Why form values are not part of the entry's revisioned content: the entry's hash
chain covers exactly entries.CONTENT_FIELDS, and bundles, imports and the
read-only trigger for received entries all compare that chain. Form values have
their own chain instead (entry_form_revisions, one per entry and form key, same
rule: hash_n = SHA-256(hash_{n-1} "\\n" canonical_json_n)); `verify` checks it.

Forms travel in bundles as `forms.jsonl` (see docs/forms-and-reports.md): one
"form" record per form version used by the exported entries and one "values"
record per entry and form. `forms_for_bundle`, `entry_form_values_for_bundle`,
`validate_form_record` and `import_forms` are the functions the exporter and the
importer call.
"""

from __future__ import annotations

import builtins  # FormStore.list shadows the builtin inside the class: its annotations say builtins.list
import datetime as dt
import hashlib
import json
import math
import re
from dataclasses import dataclass
from typing import Any

from journal.storage.db import Database
from journal.records.entries import nfc
from journal.records.revisions import canonical_json, check_chains, next_revision
from journal.errors import InvalidInput, NotFound
from journal.timeutil import utc_now_iso
from journal.i18n import N_, _

FIELD_TYPES = ("text", "long_text", "number", "date", "datetime", "choice", "multi_choice", "person", "bool")
FIELD_TYPE_LABELS = {
    "text": "Text", "long_text": "Long text", "number": "Number", "date": "Date", "datetime": "Date and time",
    "choice": "Choice", "multi_choice": "Multiple choice", "person": "Person", "bool": "Yes/no",
}
OWN = 0  # sender_id of this journal's own forms
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,49}$")
MAX_FIELDS = 100
MAX_CHOICES = 200
MAX_LABEL = 200
MAX_TEXT = 2000
MAX_LONG_TEXT = 100_000
MAX_PERSONS = 100


class FormRecordInvalid(InvalidInput):
    """A forms.jsonl record (or a form definition) does not follow the format."""


@dataclass(frozen=True)
class Form:
    id: int
    key: str
    version: int
    label: str
    category: str | None
    fields: list[dict]
    sha256: str
    sender_id: int = OWN
    builtin: bool = False
    created_at: str = ""

    def field(self, key: str) -> dict | None:
        return next((f for f in self.fields if f["key"] == key), None)

    def as_json(self) -> dict:
        return {"key": self.key, "version": self.version, "label": self.label, "category": self.category,
                "fields": self.fields, "sha256": self.sha256, "builtin": self.builtin,
                "received": self.sender_id != OWN}


@dataclass(frozen=True)
class FormValues:
    """One entry's values for one form (the version they were saved with)."""

    entry_id: int
    form: Form
    values: dict[str, Any]
    revision: int
    revision_hash: str | None
    updated_at: str
    id: int = 0

    def as_json(self) -> dict:
        return {"form": self.form.key, "form_version": self.form.version, "values": self.values,
                "revision": self.revision, "revision_hash": self.revision_hash, "updated_at": self.updated_at}


@dataclass(frozen=True)
class FormRevision:
    number: int
    saved_at: str
    content: dict
    prev_hash: str
    hash: str


# --- definitions ------------------------------------------------------------------------------
def form_sha256(key: str, version: int, label: str, category: str | None, fields: list[dict]) -> str:
    """Identity of a form definition: equal hashes mean the same fields everywhere."""
    text = canonical_json({"key": key, "version": version, "label": label, "category": category,
                           "fields": fields})
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _label(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise FormRecordInvalid(_("The {what} must be text.").format(what=_(what)))
    text = " ".join(nfc(value).split())
    if not text:
        raise FormRecordInvalid(_("The {what} is empty.").format(what=_(what)))
    if len(text) > MAX_LABEL or "\x00" in text:
        raise FormRecordInvalid(_("The {what} may be at most {max_label} characters long.").format(what=_(what), max_label=MAX_LABEL))
    return text


def check_key(key: Any, what: str = N_("key")) -> str:
    if not isinstance(key, str) or not _KEY.match(key):
        raise FormRecordInvalid(_("A {what} must be lowercase letters, digits and _ (starting with a letter).").format(what=_(what)))
    return key


def key_from_label(label: str) -> str:
    """A field or form key made from a label ('Police unit' -> 'police_unit'); ASCII only."""
    slug = re.sub(r"[^a-z0-9]+", "_", nfc(label).lower()).strip("_")[:40]
    if not slug or not slug[0].isalpha():
        slug = "field_" + hashlib.sha256(label.encode("utf-8")).hexdigest()[:8]
    return slug


def validate_field(raw: Any) -> dict:
    """A clean field definition, or FormRecordInvalid."""
    if not isinstance(raw, dict):
        raise FormRecordInvalid(_("A field definition must be an object."))
    unknown = set(raw) - {"key", "label", "type", "choices"}
    if unknown:
        raise FormRecordInvalid(_("Unknown field property: {unknown}.").format(unknown=sorted(unknown)[0][:40]))
    key = check_key(raw.get("key"), N_("field key"))
    type_ = raw.get("type")
    if type_ not in FIELD_TYPES:
        raise FormRecordInvalid(_("Field type must be one of: {field_types}.").format(field_types=', '.join(FIELD_TYPES)))
    out = {"key": key, "label": _label(raw.get("label"), N_("field label")), "type": type_}
    if type_ in ("choice", "multi_choice"):
        choices = raw.get("choices")
        if not isinstance(choices, list) or not choices or len(choices) > MAX_CHOICES:
            raise FormRecordInvalid(_("A choice field needs between 1 and {max_choices} choices.").format(max_choices=MAX_CHOICES))
        cleaned = [_label(c, N_("choice")) for c in choices]
        if len(set(cleaned)) != len(cleaned):
            raise FormRecordInvalid(_("A choice field lists the same choice twice."))
        out["choices"] = cleaned
    elif "choices" in raw:
        raise FormRecordInvalid(_("Only choice fields have choices."))
    return out


def validate_fields(raw: Any) -> list[dict]:
    if not isinstance(raw, list) or len(raw) > MAX_FIELDS:
        raise FormRecordInvalid(_("A form has a list of at most {max_fields} fields.").format(max_fields=MAX_FIELDS))
    fields_ = [validate_field(f) for f in raw]
    keys = [f["key"] for f in fields_]
    if len(set(keys)) != len(keys):
        raise FormRecordInvalid(_("Two fields of a form have the same key."))
    return fields_


# --- values -----------------------------------------------------------------------------------
def _text_value(value: Any, limit: int) -> str:
    if not isinstance(value, str):
        raise InvalidInput(_("must be text"))
    text = nfc(value)
    if "\x00" in text or len(text) > limit:
        raise InvalidInput(_("must be text of at most {limit} characters").format(limit=limit))
    return text


def clean_value(spec: dict, value: Any) -> Any:
    """The stored form of `value` for field `spec`; None means 'no value'. Raises InvalidInput."""
    type_ = spec["type"]
    if value is None or value == "" or value == []:
        return None
    try:
        if type_ in ("text", "long_text"):
            text = _text_value(value, MAX_TEXT if type_ == "text" else MAX_LONG_TEXT)
            return text if text.strip() else None
        if type_ == "number":
            if isinstance(value, bool):
                raise InvalidInput(_("must be a number"))
            if isinstance(value, str):
                try:
                    value = float(value.strip().replace(",", ".")) if not value.strip().lstrip("-").isdigit() \
                        else int(value.strip())
                except ValueError:
                    raise InvalidInput(_("must be a number")) from None
            if not isinstance(value, (int, float)) or not math.isfinite(value) or abs(value) > 1e15:
                raise InvalidInput(_("must be a number"))
            return int(value) if float(value).is_integer() else float(value)
        if type_ == "date":
            text = _text_value(value, 10)
            try:
                return dt.date.fromisoformat(text).isoformat()
            except ValueError:
                raise InvalidInput(_("must be a date (YYYY-MM-DD)")) from None
        if type_ == "datetime":
            text = _text_value(value, 40)
            try:
                parsed = dt.datetime.fromisoformat(text)
            except ValueError:
                raise InvalidInput(_("must be a date and time (YYYY-MM-DDTHH:MM)")) from None
            return parsed.isoformat(timespec="minutes")
        if type_ == "choice":
            text = _text_value(value, MAX_LABEL)
            if text not in spec["choices"]:
                raise InvalidInput(_("is not one of the choices"))
            return text
        if type_ == "multi_choice":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise InvalidInput(_("must be a list of choices"))
            chosen = {nfc(v) for v in value}
            if chosen - set(spec["choices"]):
                raise InvalidInput(_("is not one of the choices"))
            return [c for c in spec["choices"] if c in chosen]
        if type_ == "person":
            items = [value] if isinstance(value, str) else value
            if not isinstance(items, list) or len(items) > MAX_PERSONS or \
                    not all(isinstance(v, str) and 0 < len(v) <= 64 for v in items):
                raise InvalidInput(_("must be a list of people"))
            return list(dict.fromkeys(items)) or None
        if type_ == "bool":
            if isinstance(value, bool):
                return value
            if isinstance(value, str) and value.strip().lower() in ("yes", "true", "1", "no", "false", "0"):
                return value.strip().lower() in ("yes", "true", "1")
            raise InvalidInput(_("must be yes or no"))
    except InvalidInput as exc:
        raise InvalidInput(_("The field “{spec}” {exc}.").format(spec=spec['label'], exc=exc)) from None
    raise InvalidInput(_("Unknown field type {type_!r}.").format(type_=type_))


def clean_values(form: Form, values: dict) -> dict:
    if not isinstance(values, dict):
        raise InvalidInput(_("Form values must be an object."))
    unknown = [k for k in values if form.field(k) is None]
    if unknown:
        raise InvalidInput(_("The form “{label}” has no field {unknown!r}.").format(label=form.label, unknown=str(unknown[0])[:50]))
    out = {}
    for spec in form.fields:
        if spec["key"] in values:
            cleaned = clean_value(spec, values[spec["key"]])
            if cleaned is not None:
                out[spec["key"]] = cleaned
    return out


def display_value(spec: dict | None, value: Any, person_names: dict[str, str] | None = None) -> str:
    """A value as one line of text for lists, CSV and PDF (people by name)."""
    if value is None:
        return ""
    type_ = (spec or {}).get("type")
    if type_ == "bool" or isinstance(value, bool):
        return "yes" if value else "no"
    if type_ == "person":
        names = person_names or {}
        return ", ".join(names.get(v, v) or "" for v in (value if isinstance(value, list) else [value]))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


# --- the store --------------------------------------------------------------------------------
_FORM_COLUMNS = "id, key, version, label, category, fields, fields_sha256, sender_id, builtin, created_at"


def _form_from_row(row) -> Form:
    id_, key, version, label, category, fields_json, sha, sender_id, builtin, created = row
    return Form(id_, key, version, label, category, json.loads(fields_json), sha, sender_id, bool(builtin), created)


class FormStore:
    """Forms and their values inside one journal database (journal.forms)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # --- forms ---------------------------------------------------------------------------
    def list(self, *, category: str | None = None, include_received: bool = False) -> list[Form]:
        """The newest version of each form, own forms first, by label."""
        where = "" if include_received else "WHERE f.sender_id = 0"
        rows = self.db.query(
            f"SELECT {', '.join('f.' + c.strip() for c in _FORM_COLUMNS.split(','))} FROM forms f "
            "JOIN (SELECT key, sender_id, max(version) AS v FROM forms GROUP BY key, sender_id) m "
            f"ON m.key = f.key AND m.sender_id = f.sender_id AND m.v = f.version {where} "
            "ORDER BY f.sender_id, f.label COLLATE NOCASE")
        forms = [_form_from_row(r) for r in rows]
        if category is not None:
            forms = [f for f in forms if f.category == category]
        return forms

    def get(self, key: str, version: int | None = None, sender_id: int = OWN) -> Form:
        if version is None:
            row = self.db.query_one(f"SELECT {_FORM_COLUMNS} FROM forms WHERE key = ? AND sender_id = ? "
                                    "ORDER BY version DESC LIMIT 1", (key, sender_id))
        else:
            row = self.db.query_one(f"SELECT {_FORM_COLUMNS} FROM forms WHERE key = ? AND sender_id = ? "
                                    "AND version = ?", (key, sender_id, int(version)))
        if row is None:
            raise NotFound(_("No form {key!r} version {version}.").format(key=key, version=version) if version
                           else _("No form {key!r}.").format(key=key))
        return _form_from_row(row)

    def get_by_id(self, form_id: int) -> Form:
        row = self.db.query_one(f"SELECT {_FORM_COLUMNS} FROM forms WHERE id = ?", (form_id,))
        if row is None:
            raise NotFound(_("No such form."))
        return _form_from_row(row)

    def versions(self, key: str, sender_id: int = OWN) -> builtins.list[Form]:
        return [_form_from_row(r) for r in self.db.query(
            f"SELECT {_FORM_COLUMNS} FROM forms WHERE key = ? AND sender_id = ? ORDER BY version", (key, sender_id))]

    def for_category(self, category: str | None) -> builtins.list[Form]:
        """Own forms suggested for an entry of this category (forms with no category fit any)."""
        return [f for f in self.list() if f.category is None or f.category == category]

    def _check_category(self, category: str | None) -> str | None:
        if category in (None, ""):
            return None
        if self.db.query_one("SELECT 1 FROM categories WHERE key = ?", (category,)) is None:
            raise InvalidInput(_("Unknown category: {category}").format(category=category))
        return category

    def _insert(self, key: str, version: int, label: str, category: str | None, fields_: builtins.list[dict],
                sender_id: int = OWN) -> Form:
        sha = form_sha256(key, version, label, category, fields_)
        now = utc_now_iso()
        with self.db.transaction() as db:
            cur = db.execute(
                "INSERT INTO forms (key, version, sender_id, label, category, fields, fields_sha256, created_at) "
                "VALUES (?,?,?,?,?,?,?,?)",
                (key, version, sender_id, label, category, canonical_json(fields_), sha, now))
        return Form(cur.lastrowid, key, version, label, category, fields_, sha, sender_id, False, now)

    def create(self, label: str, *, key: str | None = None, category: str | None = None,
               fields: builtins.list[dict] | None = None) -> Form:
        """A new form (version 1). The key is made from the label unless given."""
        label = _label(label, N_("form label"))
        key = check_key(key or key_from_label(label), N_("form key"))
        fields_ = validate_fields([_with_key(f) for f in (fields or [])])
        with self.db.transaction():
            if self.db.query_one("SELECT 1 FROM forms WHERE key = ? AND sender_id = 0", (key,)):
                raise InvalidInput(_("There is already a form with the key {key!r}.").format(key=key))
            return self._insert(key, 1, label, self._check_category(category), fields_)

    def update(self, key: str, *, label: str | None = None, category: str | None = "",
               fields: builtins.list[dict] | None = None) -> Form:
        """Save a changed form as a new version (an unchanged save returns the current one).

        category "" means unchanged; None means 'any category'.
        """
        with self.db.transaction():
            current = self.get(key)
            new_label = _label(label, N_("form label")) if label is not None else current.label
            new_category = current.category if category == "" else self._check_category(category)
            new_fields = validate_fields([_with_key(f) for f in fields]) if fields is not None else current.fields
            if (new_label, new_category, new_fields) == (current.label, current.category, current.fields):
                return current
            return self._insert(key, current.version + 1, new_label, new_category, new_fields)

    def add_field(self, form_key: str, label: str, type_: str, *, key: str | None = None,
                  choices: builtins.list[str] | None = None) -> Form:
        """Append a field to a form: a new version; entries saved earlier keep theirs."""
        spec: dict[str, Any] = {"key": key or key_from_label(label), "label": label, "type": type_}
        if choices is not None:
            spec["choices"] = choices
        current = self.get(form_key)
        return self.update(form_key, fields=[*current.fields, spec])

    # --- values ----------------------------------------------------------------------------
    def _entry_id(self, entry_uuid: str) -> int:
        row = self.db.query_one("SELECT id FROM entries WHERE uuid = ?", (str(entry_uuid),))
        if row is None:
            raise NotFound(_("No entry with id {entry_uuid}.").format(entry_uuid=entry_uuid))
        return row[0]

    def values_for_entry(self, entry_uuid: str) -> builtins.list[FormValues]:
        return self._values_by_id(self._entry_id(entry_uuid))

    def _values_by_id(self, entry_id: int) -> builtins.list[FormValues]:
        rows = self.db.query(
            "SELECT v.id, v.entry_id, v.form_values, v.revision, v.revision_hash, v.updated_at, "
            + ", ".join("f." + c.strip() for c in _FORM_COLUMNS.split(","))
            + " FROM entry_form_values v JOIN forms f ON f.id = v.form_id WHERE v.entry_id = ? "
            "ORDER BY f.label COLLATE NOCASE", (entry_id,))
        return [FormValues(r[1], _form_from_row(r[6:]), json.loads(r[2]), r[3], r[4], r[5], r[0]) for r in rows]

    def values(self, entry_uuid: str, form_key: str) -> FormValues | None:
        return next((v for v in self.values_for_entry(entry_uuid) if v.form.key == form_key), None)

    def set_values(self, entry_uuid: str, form_key: str, values: dict, *, version: int | None = None,
                   sender_id: int = OWN, _sender_revision: int | None = None) -> FormValues:
        """Save an entry's values for a form (the newest version unless `version` is given).

        Values of fields the chosen version no longer has are kept as they were
        (a field removed from a form does not erase what old entries recorded).
        A save that changes nothing keeps no revision.
        """
        with self.db.transaction() as db:
            entry_id = self._entry_id(entry_uuid)
            if _sender_revision is None:  # a local edit (imports pass the sender's revision)
                row = db.query_one("SELECT deleted_at, EXISTS (SELECT 1 FROM provenance p WHERE p.kind = 'entry' "
                                   "AND p.local_id = e.id) FROM entries e WHERE e.id = ?", (entry_id,))
                if row[0]:
                    raise InvalidInput(_("This entry is in the trash. Restore it before editing."))
                if row[1]:
                    raise InvalidInput(_("Received entries are read-only; their form values come from the sender."))
            form = self.get(form_key, version, sender_id)
            cleaned = clean_values(form, values)
            current = db.query_one("SELECT id, form_id, form_values, revision, revision_hash FROM entry_form_values "
                                   "WHERE entry_id = ? AND form_key = ?", (entry_id, form_key))
            if current is not None:
                kept = {k: v for k, v in json.loads(current[2]).items() if form.field(k) is None}
                cleaned = {**kept, **cleaned}
                if current[1] == form.id and canonical_json(cleaned) == current[2] and _sender_revision is None:
                    return self._one(current[0])
            now = utc_now_iso()
            number = (current[3] if current else 0) + 1
            content_obj = {"entry": self._uuid(entry_id), "form": form.key, "form_sha256": form.sha256,
                           "form_version": form.version, "values": cleaned}
            if _sender_revision is not None:
                content_obj["sender_revision"] = int(_sender_revision)
            content, prev, digest = next_revision(current[4] if current else None, content_obj)
            db.execute("INSERT INTO entry_form_revisions (entry_id, form_key, number, saved_at, content, prev_hash, "
                       "hash) VALUES (?,?,?,?,?,?,?)", (entry_id, form.key, number, now, content, prev, digest))
            if current is None:
                row_id = db.execute(
                    "INSERT INTO entry_form_values (entry_id, form_id, form_key, form_values, updated_at, revision, "
                    "revision_hash) VALUES (?,?,?,?,?,?,?)",
                    (entry_id, form.id, form.key, canonical_json(cleaned), now, number, digest)).lastrowid
            else:
                row_id = current[0]
                db.execute("UPDATE entry_form_values SET form_id = ?, form_values = ?, updated_at = ?, revision = ?, "
                           "revision_hash = ? WHERE id = ?",
                           (form.id, canonical_json(cleaned), now, number, digest, row_id))
            self._index(row_id, form, cleaned)
        return self._one(row_id)

    def _uuid(self, entry_id: int) -> str:
        return self.db.query_one("SELECT uuid FROM entries WHERE id = ?", (entry_id,))[0]

    def _one(self, row_id: int) -> FormValues:
        row = self.db.query_one("SELECT entry_id FROM entry_form_values WHERE id = ?", (row_id,))
        return next(v for v in self._values_by_id(row[0]) if v.id == row_id)

    def remove_values(self, entry_uuid: str, form_key: str) -> bool:
        """Detach a form from an entry (its revision history stays for verification)."""
        with self.db.transaction() as db:
            entry_id = self._entry_id(entry_uuid)
            removed = db.execute("DELETE FROM entry_form_values WHERE entry_id = ? AND form_key = ?",
                                 (entry_id, form_key)).rowcount
        return bool(removed)

    def history(self, entry_uuid: str, form_key: str) -> builtins.list[FormRevision]:
        rows = self.db.query("SELECT number, saved_at, content, prev_hash, hash FROM entry_form_revisions "
                             "WHERE entry_id = ? AND form_key = ? ORDER BY number",
                             (self._entry_id(entry_uuid), form_key))
        return [FormRevision(n, s, json.loads(c), p, h) for n, s, c, p, h in rows]

    # --- search index ----------------------------------------------------------------------
    def _person_names(self, uuids) -> dict[str, str]:
        uuids = list(dict.fromkeys(uuids))
        names: dict[str, str] = {}
        for start in range(0, len(uuids), 500):
            chunk = uuids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            names.update(dict(self.db.query(f"SELECT uuid, display_name FROM people WHERE uuid IN ({marks})", chunk)))
        return names

    def _index(self, row_id: int, form: Form, values: dict) -> None:
        people = [u for spec in form.fields if spec["type"] == "person" for u in values.get(spec["key"], [])]
        names = self._person_names(people)
        parts = [form.label]
        for spec in form.fields:
            if spec["key"] in values:
                parts.append(f"{spec['label']}: {display_value(spec, values[spec['key']], names)}")
        self.db.execute("DELETE FROM form_values_fts WHERE rowid = ?", (row_id,))
        text = "\n".join(parts)
        if self.db.query_one("PRAGMA user_version")[0] >= 11:  # schema 11: normal forms beside the text
            self.db.execute("INSERT INTO form_values_fts (rowid, text, forms) VALUES (?, ?, journal_word_forms(?))",
                            (row_id, text, text))
        else:  # tools/make_schema_fixture.py writing an older schema
            self.db.execute("INSERT INTO form_values_fts (rowid, text) VALUES (?, ?)", (row_id, text))

    def rebuild_search_index(self) -> None:
        with self.db.transaction() as db:
            db.execute("DELETE FROM form_values_fts")
            for row_id, form_id, values in db.query("SELECT id, form_id, form_values FROM entry_form_values"):
                self._index(row_id, self.get_by_id(form_id), json.loads(values))

    # --- integrity -------------------------------------------------------------------------
    def verify(self) -> builtins.list[str]:
        rows = self.db.query(
            "SELECT entry_id, form_key, number, content, prev_hash, hash FROM entry_form_revisions "
            "ORDER BY entry_id, form_key, number")
        problems, last = check_chains((((e, k), n, c, p, h) for e, k, n, c, p, h in rows),
                                      lambda key: f"entry #{key[0]} form {key[1]}")  # type: ignore[index]  # keys are (entry_id, form_key)
        for entry_id, form_key, values, revision, rhash in self.db.query(
                "SELECT entry_id, form_key, form_values, revision, revision_hash FROM entry_form_values"):
            latest = last.get((entry_id, form_key))
            if latest is None or latest[0] != revision or latest[1] != rhash:
                problems.append(f"entry #{entry_id} form {form_key}: values do not match their history")
            elif canonical_json(json.loads(latest[2])["values"]) != values:
                problems.append(f"entry #{entry_id} form {form_key}: values differ from their last revision")
        for key, version, _sender_id, label, category, fields_json, sha in self.db.query(
                "SELECT key, version, sender_id, label, category, fields, fields_sha256 FROM forms"):
            if form_sha256(key, version, label, category, json.loads(fields_json)) != sha:
                problems.append(f"form {key} version {version}: definition does not match its hash")
        return problems


def _with_key(spec: Any) -> Any:
    """Fill in a missing field key from its label (what the forms editor sends)."""
    if isinstance(spec, dict) and not spec.get("key") and isinstance(spec.get("label"), str):
        return {**spec, "key": key_from_label(spec["label"])}
    return spec


# --- bundles ----------------------------------------------------------------------------------
def _values_rows(store: "FormStore", entry_uuids: list[str]):
    for uuid in entry_uuids:
        for values in store.values_for_entry(uuid):
            yield uuid, values


def forms_for_bundle(forms: "FormStore", entry_uuids: list[str]) -> list[dict]:
    """"form" records (forms.jsonl) for every form version the given entries' values use."""
    seen: dict[int, dict] = {}
    for _entry, fv in _values_rows(forms, entry_uuids):
        form = fv.form
        if form.id not in seen:
            seen[form.id] = {"type": "form", "key": form.key, "version": form.version, "label": form.label,
                             "category": form.category, "fields": form.fields, "sha256": form.sha256}
    return list(seen.values())


def entry_form_values_for_bundle(forms: "FormStore", people, entry_uuids: list[str]) -> list[dict]:
    """"values" records (forms.jsonl): one per entry and form. People are referred to as in
    the other bundle records (the pseudonym for a sensitive person); a person not in the
    bundle's contacts cannot be resolved by the receiver and is left out."""
    records = []
    for uuid, fv in _values_rows(forms, entry_uuids):
        linked = {p.uuid for p, _ in people.people_for_entry(uuid)}
        values = dict(fv.values)
        for spec in fv.form.fields:
            if spec["type"] == "person" and spec["key"] in values:
                refs = []
                for person_uuid in values[spec["key"]]:
                    if person_uuid in linked:
                        from journal.records.people import bundle_person_ref

                        refs.append(bundle_person_ref(people.get(person_uuid)))
                if refs:
                    values[spec["key"]] = refs
                else:
                    values.pop(spec["key"])
        records.append({"type": "values", "entry": uuid, "form": fv.form.key, "form_version": fv.form.version,
                        "form_sha256": fv.form.sha256, "values": values, "revision": fv.revision,
                        "revision_hash": fv.revision_hash or ""})
    return records


def validate_form_record(obj: Any) -> dict:
    """Check one forms.jsonl record's shape (FormRecordInvalid otherwise); returns it cleaned."""
    if not isinstance(obj, dict):
        raise FormRecordInvalid(_("a record must be an object"))
    kind = obj.get("type")
    if kind == "form":
        if set(obj) - {"type", "key", "version", "label", "category", "fields", "sha256"}:
            raise FormRecordInvalid(_("unknown property in a form record"))
        version = obj.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= 1_000_000:
            raise FormRecordInvalid(_("a form version must be a positive integer"))
        category = obj.get("category")
        if category is not None:
            check_key(category, N_("category key"))
        key, label, fields = (check_key(obj.get("key"), N_("form key")), _label(obj.get("label"), N_("form label")),
                              validate_fields(obj.get("fields")))
        record = {"type": "form", "key": key, "version": version, "label": label, "category": category,
                  "fields": fields}
        sha = form_sha256(key, version, label, category, fields)
        if obj.get("sha256") != sha:
            raise FormRecordInvalid(_("a form record does not match its sha256"))
        record["sha256"] = sha
        return record
    if kind == "values":
        if set(obj) - {"type", "entry", "form", "form_version", "form_sha256", "values", "revision",
                       "revision_hash"}:
            raise FormRecordInvalid(_("unknown property in a values record"))
        entry = obj.get("entry")
        if not isinstance(entry, str) or not 1 <= len(entry) <= 64:
            raise FormRecordInvalid(_("a values record needs an entry id"))
        revision = obj.get("revision")
        if not isinstance(revision, int) or isinstance(revision, bool) or revision < 1:
            raise FormRecordInvalid(_("a values record needs a revision number"))
        if not isinstance(obj.get("values"), dict) or not isinstance(obj.get("form_sha256"), str) \
                or not isinstance(obj.get("revision_hash"), str) or not isinstance(obj.get("form_version"), int):
            raise FormRecordInvalid(_("a values record is incomplete"))
        check_key(obj.get("form"), N_("form key"))
        return dict(obj)
    raise FormRecordInvalid(_("a forms record has type 'form' or 'values'"))


def import_forms(store: "FormStore", records: list[dict], provenance: dict) -> dict[str, int]:
    """Apply forms.jsonl records from a verified bundle (inside the importer's transaction).

    provenance: {"sender_id": senders.id, "bundle_id": str}. Form definitions identical to
    a local one (same key, version and hash: the built-in forms) use the local row;
    a different definition is stored under the sender. Values are applied only to
    entries this sender's bundles created (provenance kind 'entry'), only when newer
    than what was applied before; person references are resolved through the
    sender's person provenance. Raises FormRecordInvalid on a bad record.
    """
    db = store.db
    sender_id = int(provenance["sender_id"])
    counts = {"forms_new": 0, "values_applied": 0, "values_unchanged": 0, "values_skipped": 0}
    cleaned = [validate_form_record(r) for r in records]
    forms_by_sha: dict[str, Form] = {}
    with db.transaction():
        for rec in (r for r in cleaned if r["type"] == "form"):
            forms_by_sha[rec["sha256"]] = _receive_form(store, rec, sender_id, counts)
        for rec in (r for r in cleaned if r["type"] == "values"):
            form = forms_by_sha.get(rec["form_sha256"]) or _known_form(store, rec["form_sha256"], sender_id)
            if form is None or form.key != rec["form"] or form.version != rec["form_version"]:
                raise FormRecordInvalid(_("values for entry {rec} refer to a form not in the bundle").format(rec=rec['entry'][:8]))
            local = db.query_one("SELECT e.uuid FROM provenance p JOIN entries e ON e.id = p.local_id "
                                 "WHERE p.kind = 'entry' AND p.sender_id = ? AND p.original_ref = ?",
                                 (sender_id, rec["entry"]))
            if local is None:
                counts["values_skipped"] += 1
                continue
            history = store.history(local[0], form.key)
            if history and history[-1].content.get("sender_revision", 0) >= rec["revision"]:
                counts["values_unchanged"] += 1  # the same or an older save than what was applied
                continue
            values = _resolve_people(db, form, rec["values"], sender_id)
            store.set_values(local[0], form.key, values, version=form.version, sender_id=form.sender_id,
                             _sender_revision=rec["revision"])
            counts["values_applied"] += 1
    return counts


def _known_form(store: FormStore, sha: str, sender_id: int) -> Form | None:
    row = store.db.query_one(f"SELECT {_FORM_COLUMNS} FROM forms WHERE fields_sha256 = ? AND sender_id IN (0, ?) "
                             "ORDER BY sender_id LIMIT 1", (sha, sender_id))
    return _form_from_row(row) if row else None


def _receive_form(store: FormStore, rec: dict, sender_id: int, counts: dict) -> Form:
    known = _known_form(store, rec["sha256"], sender_id)
    if known is not None:
        return known
    row = store.db.query_one("SELECT fields_sha256 FROM forms WHERE key = ? AND version = ? AND sender_id = ?",
                             (rec["key"], rec["version"], sender_id))
    if row is not None:
        raise FormRecordInvalid(_("form {rec} version {rec2} differs from the one this sender sent before").format(rec=rec['key'], rec2=rec['version']))
    counts["forms_new"] += 1
    # The category is kept as sent (part of the hashed definition) even when this
    # journal has no such category: the form then simply fits no local category.
    return store._insert(rec["key"], rec["version"], rec["label"], rec["category"], rec["fields"], sender_id)


def _resolve_people(db, form: Form, values: dict, sender_id: int) -> dict:
    out = dict(values)
    for spec in form.fields:
        if spec["type"] == "person" and isinstance(out.get(spec["key"]), list):
            local = []
            for ref in out[spec["key"]]:
                row = db.query_one("SELECT p.uuid FROM provenance v JOIN people p ON p.id = v.local_id "
                                   "WHERE v.kind = 'person' AND v.sender_id = ? AND v.original_ref = ?",
                                   (sender_id, ref)) if isinstance(ref, str) else None
                if row:
                    local.append(row[0])
            if local:
                out[spec["key"]] = local
            else:
                out.pop(spec["key"])
    return out
