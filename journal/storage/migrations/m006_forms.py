"""Schema 6: incident forms (typed templates, versioned) and their values per entry.

A form is identified by (key, version, sender_id): sender_id 0 is this journal's own
forms; a form received in a bundle whose definition differs from the local one of the
same key and version is kept under the sender's id so neither overwrites the other.
An entry holds at most one set of values per form key (entry_form_values); every save
of those values appends a hash-chained row to entry_form_revisions, with the same
chain rule as the entries' revisions. form_values_fts indexes the values as text.
The built-in forms, as they were when this schema was written (journal/records/forms_seed.py
then), are inserted as version 1.
"""

import datetime as dt
import hashlib
import json

from journal.storage.migrations._script import run_script

VERSION = 6

SCHEMA = """
CREATE TABLE forms (
    id            INTEGER PRIMARY KEY,
    key           TEXT NOT NULL,
    version       INTEGER NOT NULL CHECK (version >= 1),
    sender_id     INTEGER NOT NULL DEFAULT 0,   -- 0: this journal's own; else senders.id
    label         TEXT NOT NULL,
    category      TEXT,                         -- category key the form belongs to (NULL: any)
    fields        TEXT NOT NULL,                -- JSON list of field definitions
    fields_sha256 TEXT NOT NULL,                -- of the canonical JSON of {label, category, fields}
    builtin       INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    created_at    TEXT NOT NULL,
    UNIQUE (key, version, sender_id)
);

CREATE TABLE entry_form_values (
    id            INTEGER PRIMARY KEY,
    entry_id      INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    form_id       INTEGER NOT NULL REFERENCES forms (id),
    form_key      TEXT NOT NULL,
    form_values   TEXT NOT NULL,               -- JSON object: field key -> value
    updated_at    TEXT NOT NULL,
    revision      INTEGER NOT NULL DEFAULT 0,
    revision_hash TEXT,
    UNIQUE (entry_id, form_key)
);
CREATE INDEX entry_form_values_by_form ON entry_form_values (form_key);

CREATE TABLE entry_form_revisions (
    entry_id  INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    form_key  TEXT NOT NULL,
    number    INTEGER NOT NULL,
    saved_at  TEXT NOT NULL,
    content   TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL,
    PRIMARY KEY (entry_id, form_key, number)
) WITHOUT ROWID;

-- rowid = entry_form_values.id; text = labels and values as the search sees them.
CREATE VIRTUAL TABLE form_values_fts USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER form_values_fts_gone AFTER DELETE ON entry_form_values BEGIN
    DELETE FROM form_values_fts WHERE rowid = old.id;
END;
"""


def apply(conn) -> None:
    run_script(conn, SCHEMA)
    _seed(conn)


def _seed(conn) -> None:
    """Version 1 of the built-in forms, with their content hashes."""
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    for form in _FORMS_V1:
        conn.execute(
            "INSERT INTO forms (key, version, sender_id, label, category, fields, fields_sha256, builtin, "
            "created_at) VALUES (?, 1, 0, ?, ?, ?, ?, 1, ?)",
            (form["key"], form["label"], form["category"], _json(form["fields"]),
             _form_sha256(form["key"], 1, form["label"], form["category"], form["fields"]), now))


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _form_sha256(key: str, version: int, label: str, category: str | None, fields: list[dict]) -> str:
    """A form definition's hash as schema 6 defined it (journal.records.forms.form_sha256)."""
    text = json.dumps({"key": key, "version": version, "label": label, "category": category, "fields": fields},
                      ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- the built-in forms as schema 6 inserts them ------------------------------------------------
# Frozen here: a later edit of journal/records/forms_seed.py (a new label, a new field) is a new
# form version added by a new migration, never a different result of upgrading an old journal.
def _f(key: str, label: str, type_: str, choices: list[str] | None = None) -> dict:
    field: dict[str, str | list[str]] = {"key": key, "label": label, "type": type_}
    if choices:
        field["choices"] = choices
    return field


_FORMS_V1: list[dict] = [
    {"key": "detention", "label": "Detention", "category": "detention", "fields": [
        _f("detained_persons", "Detained person(s)", "person"),
        _f("detained_at", "Time of detention", "datetime"),
        _f("detention_place", "Place of detention", "text"),
        _f("police_unit", "Police unit / department taken to", "text"),
        _f("charges", "Charges or article cited", "text"),
        _f("lawyer_admitted", "Lawyer admitted", "bool"),
        _f("lawyer_admitted_at", "Lawyer admitted at", "datetime"),
        _f("injuries", "Injuries", "long_text"),
        _f("released_at", "Release time", "datetime"),
        _f("court_date", "Court date", "date"),
    ]},
    {"key": "mobilization", "label": "Mobilization/draft", "category": "mobilization", "fields": [
        _f("person", "Person", "person"),
        _f("summons_date", "Date of summons", "date"),
        _f("commissariat", "Military commissariat", "text"),
        _f("grounds", "Grounds cited", "long_text"),
        _f("age", "Age", "number"),
        _f("health", "Health circumstances", "long_text"),
        _f("family", "Family circumstances", "long_text"),
        _f("legal_status", "Legal status of the case", "choice",
           ["summons received", "appeal filed", "in court", "closed"]),
        _f("outcome", "Outcome", "choice",
           ["released", "exempted", "deferred", "sent to unit", "unknown"]),
    ]},
    {"key": "court_hearing", "label": "Court hearing", "category": "court_hearing", "fields": [
        _f("court", "Court", "text"),
        _f("judge", "Judge", "text"),
        _f("case_number", "Case number", "text"),
        _f("article", "Article", "text"),
        _f("outcome", "Outcome", "choice",
           ["adjourned", "fine", "administrative arrest", "sentence", "acquitted", "case closed"]),
        _f("sentence", "Sentence / fine", "text"),
    ]},
    {"key": "search", "label": "Search", "category": "search", "fields": [
        _f("address", "Address", "text"),
        _f("agency", "Agency", "text"),
        _f("seized", "What was seized", "long_text"),
    ]},
    {"key": "conscientious_objection", "label": "Conscientious objection",
     "category": "conscientious_objection", "fields": [
        _f("person", "Person", "person"),
        _f("stage", "Stage", "choice",
           ["application", "commission", "court", "alternative service", "refused"]),
        _f("documents_filed", "Documents filed", "multi_choice",
           ["application for alternative civilian service", "appeal", "complaint", "court claim"]),
        _f("filed_on", "Filed on", "date"),
        _f("decision_on", "Decision on", "date"),
        _f("outcome", "Outcome", "text"),
    ]},
]
