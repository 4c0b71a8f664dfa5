"""Schema 6: incident forms (typed templates, versioned) and their values per entry.

A form is identified by (key, version, sender_id): sender_id 0 is this journal's own
forms; a form received in a bundle whose definition differs from the local one of the
same key and version is kept under the sender's id so neither overwrites the other.
An entry holds at most one set of values per form key (entry_form_values); every save
of those values appends a hash-chained row to entry_form_revisions, with the same
chain rule as the entries' revisions. form_values_fts indexes the values as text.
The built-in forms (journal.forms_seed) are inserted as version 1.
"""

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
    """Version 1 of the built-in forms (journal.forms_seed), with their content hashes."""
    from journal.records.forms import form_sha256
    from journal.records.forms_seed import SEED_FORMS
    from journal.timeutil import utc_now_iso

    now = utc_now_iso()
    for form in SEED_FORMS:
        conn.execute(
            "INSERT INTO forms (key, version, sender_id, label, category, fields, fields_sha256, builtin, "
            "created_at) VALUES (?, 1, 0, ?, ?, ?, ?, 1, ?)",
            (form["key"], form["label"], form["category"], _json(form["fields"]),
             form_sha256(form["key"], 1, form["label"], form["category"], form["fields"]), now))


def _json(value) -> str:
    import json

    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
