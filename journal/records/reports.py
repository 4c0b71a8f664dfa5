"""Coordinator reports: statistics and CSV / JSON exports over a filtered selection.

Everything here reads in pages (REPORT_PAGE entries at a time) and writes as it
reads, so a report over 100k entries keeps memory bounded. Files are written
atomically (temp file mode 0600 in the same folder, fsync, rename); the caller
is responsible for warning the user that a report is NOT encrypted.
The PDF report is journal/report_pdf.py (fpdf2, Qt-free).
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from journal.storage.atomic import atomic_output
from journal.progress import Progress, check_cancel
from journal.storage.db import Database
from journal.errors import InvalidInput
from journal.records.forms import display_value
from journal.records.search import EntryFilter
from journal.timeutil import utc_now_iso
from journal.i18n import _

REPORT_PAGE = 200
ORIGINS = ("all", "own", "received")
BUILTIN_DIMENSIONS = ("category", "day", "week", "month", "place", "status", "sender")
NO_VALUE = "(none)"


@dataclass(frozen=True)
class ReportFilter:
    """Which entries a report covers: the list's filters plus where entries came from.

    origin: "own" (written here), "received" (imported from bundles) or "all".
    sender: a sender's id, display name or fingerprint prefix (implies received).
    entry_uuids: an explicit selection (the list's selected rows); None = by filter.
    """

    entries: EntryFilter = field(default_factory=EntryFilter)
    origin: str = "all"
    sender: str | None = None
    entry_uuids: tuple[str, ...] | None = None

    def where(self, db: Database) -> tuple[str, list]:
        if self.origin not in ORIGINS:
            raise InvalidInput(_("Origin must be one of: {origins}.").format(origins=', '.join(ORIGINS)))
        sql, params = self.entries.where()
        clauses = [sql]
        imported = "EXISTS (SELECT 1 FROM provenance p WHERE p.kind = 'entry' AND p.local_id = e.id{extra})"
        if self.sender:
            clauses.append(imported.format(extra=" AND p.sender_id = ?"))
            params.append(resolve_sender(db, self.sender))
        elif self.origin == "own":
            clauses.append("NOT " + imported.format(extra=""))
        elif self.origin == "received":
            clauses.append(imported.format(extra=""))
        if self.entry_uuids is not None:
            uuids = list(self.entry_uuids)
            if not uuids:
                clauses.append("0")
            else:
                # json_each keeps one bound parameter however large the selection is.
                clauses.append("e.uuid IN (SELECT value FROM json_each(?))")
                params.append(json.dumps(uuids))
        return " AND ".join(clauses), params

    def describe(self) -> list[tuple[str, str]]:
        """(name, value) pairs for a report's title page."""
        f = self.entries
        pairs = [("Category", f.category), ("Tag", f.tag), ("Status", f.status), ("From", f.date_from),
                 ("To", f.date_to), ("Sender", self.sender)]
        out = [(k, str(v)) for k, v in pairs if v]
        if self.origin != "all" and not self.sender:
            out.append(("Origin", "own entries" if self.origin == "own" else "received entries"))
        if self.entry_uuids is not None:
            out.append(("Selection", f"{len(self.entry_uuids)} chosen entries"))
        if f.trash:
            out.append(("Trash", "yes"))
        return out

    def as_json(self) -> dict:
        data: dict[str, Any] = {"entries": asdict(self.entries), "origin": self.origin, "sender": self.sender}
        if self.entry_uuids is not None:
            data["entry_count_selected"] = len(self.entry_uuids)
        return data


def resolve_sender(db: Database, ref: str) -> int:
    """A sender's id from its id, display name (case-insensitive) or fingerprint prefix."""
    ref = str(ref).strip()
    rows = db.query("SELECT id FROM senders WHERE CAST(id AS TEXT) = ? OR display_name = ? COLLATE NOCASE "
                    "OR claimed_name = ? COLLATE NOCASE OR replace(fingerprint, ' ', '') LIKE ?",
                    (ref, ref, ref, ref.replace(" ", "").replace("%", "").replace("_", "") + "%"
                     if len(ref.replace(" ", "")) >= 6 else "\x00"))
    ids = sorted({r[0] for r in rows})
    if len(ids) != 1:
        raise InvalidInput(_("No single sender matches {ref!r}.").format(ref=ref) if not ids else
                           _("Several senders match {ref!r}; use the fingerprint.").format(ref=ref))
    return ids[0]


# --- statistics --------------------------------------------------------------------------------
@dataclass(frozen=True)
class StatsTable:
    """Counts of entries grouped by one or more dimensions (rows sorted by the dimensions)."""

    dimensions: list[str]
    rows: list[tuple]          # (value per dimension..., count)
    total: int                 # entries matched by the filter (an entry may count in several rows)

    def as_json(self) -> dict:
        return {"by": self.dimensions, "total": self.total,
                "rows": [dict(zip([*self.dimensions, "count"], row)) for row in self.rows]}

    def to_tsv(self) -> str:
        """Tab-separated with a header line: what 'Copy table' puts on the clipboard."""
        lines = ["\t".join([*self.dimensions, "count"])]
        lines += ["\t".join(_tsv_cell(v) for v in row) for row in self.rows]
        return "\n".join(lines) + "\n"


def _tsv_cell(value: Any) -> str:
    return " ".join(str(value).split())


def _dimension_sql(db: Database, dim: str, index: int) -> tuple[str, str, list]:
    """(column expression, extra FROM clause, params) for one grouping dimension."""
    if dim == "category":
        return "coalesce((SELECT c.label FROM categories c WHERE c.key = e.category), e.category)", "", []
    if dim == "day":
        return "substr(e.occurred_at, 1, 10)", "", []
    if dim == "month":
        return "substr(e.occurred_at, 1, 7)", "", []
    if dim == "week":
        # Monday of the ISO week, from the local date at the place ('weekday 0' is the next Sunday).
        return "date(substr(e.occurred_at, 1, 10), 'weekday 0', '-6 days')", "", []
    if dim == "place":
        return "nullif(trim(e.place), '')", "", []
    if dim == "status":
        return "e.status", "", []
    if dim == "sender":
        return ("(SELECT s.display_name FROM provenance p JOIN senders s ON s.id = p.sender_id "
                "WHERE p.kind = 'entry' AND p.local_id = e.id)"), "", []
    form_key, _dot, field_key = dim.rpartition(".")
    from journal.records.forms import _KEY

    if not _KEY.match(field_key) or (form_key and not _KEY.match(form_key)):
        raise InvalidInput(_("Cannot count by {dim!r}: use one of {builtin_dimensions}, a form field key, or form.field.").format(dim=dim, builtin_dimensions=', '.join(BUILTIN_DIMENSIONS)))
    keys = [r[0] for r in db.query("SELECT DISTINCT key FROM forms WHERE fields LIKE ?", (f'%"key":"{field_key}"%',))]
    if not keys or (form_key and form_key not in keys):
        raise InvalidInput(_("No form has a field {dim!r}.").format(dim=dim))
    alias = f"v{index}"
    form_clause = f" AND {alias}.form_key = ?" if form_key else ""
    # json_each over a scalar yields one row, over a list (multiple choice, people) one per item.
    join = (f"LEFT JOIN entry_form_values {alias} ON {alias}.entry_id = e.id{form_clause} "
            f"AND json_extract({alias}.form_values, '$.{field_key}') IS NOT NULL "
            f"LEFT JOIN json_each({alias}.form_values, '$.{field_key}') j{index}")
    return f"j{index}.value", join, ([form_key] if form_key else [])


def stats(db: Database, flt: ReportFilter | None = None, by: list[str] | str = "category") -> StatsTable:
    """Count entries by each of `by` (e.g. ["place", "day"]: detentions per city per day).

    Dimensions: category, day, week (Monday's date), month, place, status, sender, or a form
    field ('field_key' in any form, or 'form_key.field_key'). Entries with no value count
    under "(none)". Person fields count by person name.
    """
    flt = flt or ReportFilter()
    dims = [d.strip() for d in (by.split(",") if isinstance(by, str) else by) if d.strip()]
    if not dims or len(dims) > 3:
        raise InvalidInput(_("Count by one to three dimensions."))
    where, params = flt.where(db)
    columns, joins, join_params = [], [], []
    for i, dim in enumerate(dims):
        expr, join, jp = _dimension_sql(db, dim, i)
        columns.append(expr)
        if join:
            joins.append(join)
            join_params.extend(jp)
    names = [f"d{i}" for i in range(len(dims))]
    select = ", ".join(f"{c} AS {n}" for c, n in zip(columns, names))
    rows = db.query(
        f"SELECT {select}, count(DISTINCT e.id) FROM entries e {' '.join(joins)} WHERE {where} "
        f"GROUP BY {', '.join(names)} ORDER BY {', '.join(f'{n} IS NULL, {n}' for n in names)}",
        [*join_params, *params])
    total = db.query_one(f"SELECT count(*) FROM entries e WHERE {where}", params)[0]
    person_dims = [i for i, d in enumerate(dims) if _is_person_field(db, d)]
    names_by_uuid = _person_names(db, {r[i] for r in rows for i in person_dims if r[i]}) if person_dims else {}
    out = []
    for row in rows:
        values = list(row)
        for i in range(len(dims)):
            if values[i] is None:
                values[i] = NO_VALUE
            elif i in person_dims:
                values[i] = names_by_uuid.get(values[i], values[i])
            elif isinstance(values[i], int) and _field_type(db, dims[i]) == "bool":
                values[i] = "yes" if values[i] else "no"
        out.append(tuple(values))
    if person_dims:  # two uuids may carry the same name; merge their rows
        merged: dict[tuple, int] = {}
        for row in out:
            merged[row[:-1]] = merged.get(row[:-1], 0) + row[-1]
        out = [(*k, v) for k, v in merged.items()]
    return StatsTable(dims, out, total)


def _field_type(db: Database, dim: str) -> str | None:
    if dim in BUILTIN_DIMENSIONS:
        return None
    form_key, _, field_key = dim.rpartition(".")
    sql = "SELECT fields FROM forms" + (" WHERE key = ?" if form_key else "")
    for (fields_json,) in db.query(sql, [form_key] if form_key else []):
        for spec in json.loads(fields_json):
            if spec["key"] == field_key:
                return spec["type"]
    return None


def _is_person_field(db: Database, dim: str) -> bool:
    return _field_type(db, dim) == "person"


def _person_names(db: Database, uuids) -> dict[str, str]:
    uuids = [u for u in uuids if isinstance(u, str)]
    if not uuids:
        return {}
    return dict(db.query("SELECT uuid, display_name FROM people WHERE uuid IN (SELECT value FROM json_each(?))",
                         (json.dumps(uuids),)))


def dimensions(db: Database) -> list[tuple[str, str]]:
    """(key, label) of everything `stats` can count by: built-ins, then form fields."""
    out = [(d, d.capitalize()) for d in BUILTIN_DIMENSIONS]
    seen = set()
    for key, label, fields_json in db.query(
            "SELECT f.key, f.label, f.fields FROM forms f WHERE f.version = (SELECT max(version) FROM forms g "
            "WHERE g.key = f.key AND g.sender_id = f.sender_id) ORDER BY f.sender_id, f.label"):
        for spec in json.loads(fields_json):
            if spec["type"] in ("long_text",):
                continue
            dim = f"{key}.{spec['key']}"
            if dim not in seen:
                seen.add(dim)
                out.append((dim, f"{label}: {spec['label']}"))
    return out


# --- entries for export ----------------------------------------------------------------------------
@dataclass
class ReportEntry:
    """Everything a report shows about one entry."""

    entry: Any                          # journal.entries.Entry
    category_label: str | None
    people: list[dict]                  # {"id", "name", "role", "phones", "handles", "organisation"}
    attachments: list[dict]             # {"id", "file_name", "media_type", "size", "sha256", "has_thumbnail"}
    forms: list[Any]                    # journal.forms.FormValues
    contact_log: list[dict]
    sender: dict | None                 # provenance, for received entries
    person_names: dict[str, str] = field(default_factory=dict)

    def form_text(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """[(form label, [(field label, value text)])] for display."""
        out = []
        for fv in self.forms:
            rows = []
            for spec in fv.form.fields:
                if spec["key"] in fv.values:
                    rows.append((spec["label"], display_value(spec, fv.values[spec["key"]], self.person_names)))
            out.append((fv.form.label, rows))
        return out


def count_entries(db: Database, flt: ReportFilter) -> int:
    where, params = flt.where(db)
    return db.query_one(f"SELECT count(*) FROM entries e WHERE {where}", params)[0]


def iter_entries(journal, flt: ReportFilter, *, omit_contact_details: bool = False,
                 progress: Progress | None = None, cancel=None) -> Iterator[ReportEntry]:
    """Entries matching `flt`, oldest first, REPORT_PAGE at a time."""
    db = journal.db
    where, params = flt.where(db)
    total = count_entries(db, flt)
    labels = dict(db.query("SELECT key, label FROM categories"))
    done = 0
    last_key, last_id = -9e18, 0
    while True:
        check_cancel(cancel)
        # Keyset paging on (when it happened, id): stable while reading, no OFFSET scans.
        rows = db.query(
            f"SELECT e.id, coalesce(e.occurred_utc, 9e18) AS k FROM entries e WHERE {where} "
            "AND (coalesce(e.occurred_utc, 9e18) > ? OR (coalesce(e.occurred_utc, 9e18) = ? AND e.id > ?)) "
            "ORDER BY k, e.id LIMIT ?", [*params, last_key, last_key, last_id, REPORT_PAGE])
        if not rows:
            break
        last_key, last_id = rows[-1][1], rows[-1][0]
        for entry_id, _row in rows:
            check_cancel(cancel)
            yield _report_entry(journal, entry_id, labels, omit_contact_details)
            done += 1
            if progress:
                progress(done, total)
    if progress:
        progress(total, total)


def _report_entry(journal, entry_id: int, labels: dict, omit_contact_details: bool) -> ReportEntry:
    entry = journal.entries.get_by_rowid(entry_id)
    people = []
    for person, role in journal.people.people_for_entry(entry.uuid):
        item = {"id": person.uuid, "name": person.display_name, "role": role,
                "organisation": person.organisation}
        if not omit_contact_details:
            item["phones"] = list(person.phones)
            item["handles"] = list(person.handles)
        people.append(item)
    attachments = [{"id": a.uuid, "file_name": a.file_name, "media_type": a.media_type, "size": a.size,
                    "sha256": a.sha256, "has_thumbnail": a.has_thumbnail}
                   for a in journal.attachments.list_for_entry(entry.uuid)]
    forms = journal.forms.values_for_entry(entry.uuid)
    person_ids = [u for fv in forms for spec in fv.form.fields if spec["type"] == "person"
                  for u in fv.values.get(spec["key"], [])]
    logs = []
    for record in journal.contact_log.list(entry=entry.uuid, limit=10_000):
        logs.append({"at": record.at, "channel": record.channel, "direction": record.direction,
                     "summary": record.summary, "people": [p.display_name for p in record.people],
                     "follow_up_due": record.follow_up_due, "follow_up_state": record.follow_up_state})
    sender = None
    row = journal.db.query_one(
        "SELECT s.display_name, s.fingerprint, p.received_at FROM provenance p JOIN senders s ON s.id = p.sender_id "
        "WHERE p.kind = 'entry' AND p.local_id = ?", (entry.id,))
    if row:
        sender = {"sender": row[0], "fingerprint": row[1], "received_at": row[2]}
    return ReportEntry(entry, labels.get(entry.category, entry.category), people, attachments, forms, logs,
                       sender, _person_names(journal.db, person_ids))


# --- CSV ------------------------------------------------------------------------------------------
BASE_COLUMNS = ["id", "title", "occurred_at", "occurred_tz", "occurred_end", "place", "latitude", "longitude",
                "category", "tags", "status", "source", "text", "people", "attachments", "contact_log_count",
                "sender", "received_at", "revision_hash"]


def form_columns(db: Database, flt: ReportFilter) -> list[tuple[str, str, str]]:
    """(form_key, field_key, header) for every field of every form version used by the selection."""
    where, params = flt.where(db)
    rows = db.query(
        "SELECT DISTINCT f.key, f.label, f.version, f.fields FROM entry_form_values v JOIN forms f "
        f"ON f.id = v.form_id JOIN entries e ON e.id = v.entry_id WHERE {where} ORDER BY f.label, f.version DESC",
        params)
    columns: dict[tuple[str, str], str] = {}
    for key, label, _version, fields_json in rows:
        for spec in json.loads(fields_json):
            columns.setdefault((key, spec["key"]), f"{label}: {spec['label']}")
    return [(k, f, h) for (k, f), h in columns.items()]


def csv_header(db: Database, flt: ReportFilter, *, omit_contact_details: bool = False) -> list[str]:
    base = list(BASE_COLUMNS)
    if not omit_contact_details:
        base.insert(base.index("people") + 1, "people_contacts")
    return base + [h for _, _, h in form_columns(db, flt)]


def csv_row(item: ReportEntry, form_cols: list[tuple[str, str, str]], *, omit_contact_details: bool) -> list[str]:
    e = item.entry
    people = "; ".join(f"{p['name']} ({p['role']})" if p.get("role") else p["name"] for p in item.people)
    row = [e.uuid, e.title, e.occurred_at or "", e.occurred_tz or "", e.occurred_end or "", e.place,
           "" if e.latitude is None else repr(e.latitude), "" if e.longitude is None else repr(e.longitude),
           item.category_label or "", "; ".join(e.tags), e.status, e.source or "", e.body, people]
    if not omit_contact_details:
        row.append("; ".join(
            f"{p['name']}: {', '.join([*p.get('phones', []), *p.get('handles', [])])}"
            for p in item.people if p.get("phones") or p.get("handles")))
    row += ["; ".join(a["file_name"] for a in item.attachments), str(len(item.contact_log)),
            (item.sender or {}).get("sender", ""), (item.sender or {}).get("received_at", ""),
            e.revision_hash or ""]
    by_form = {fv.form.key: fv for fv in item.forms}
    for form_key, field_key, _header in form_cols:
        fv = by_form.get(form_key)
        if fv is None or field_key not in fv.values:
            row.append("")
            continue
        spec = next((s for s in fv.form.fields if s["key"] == field_key), None)
        row.append(display_value(spec, fv.values[field_key], item.person_names))
    return [_csv_safe(v) for v in row]


def _csv_safe(value: str) -> str:
    """Spreadsheet apps run cells starting with = + - @ as formulas (CSV injection):
    such text cells get a leading apostrophe, which they show as plain text."""
    if value and value[0] in "=+-@\t\r" and not _is_number(value):
        return "'" + value
    return value


def _is_number(value: str) -> bool:
    try:
        float(value)
        return True
    except ValueError:
        return False


def write_csv(journal, flt: ReportFilter, out_path: str | os.PathLike[str], *, bom: bool = False,
              omit_contact_details: bool = False, progress: Progress | None = None, cancel=None) -> int:
    """One row per entry (form fields as columns); returns the number of rows written.

    bom: start with a UTF-8 byte order mark so Excel reads Cyrillic correctly.
    """
    form_cols = form_columns(journal.db, flt)
    header = csv_header(journal.db, flt, omit_contact_details=omit_contact_details)
    count = 0
    with atomic_output(out_path) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8-sig" if bom else "utf-8", newline="")
        writer = csv.writer(text)
        writer.writerow(header)
        for item in iter_entries(journal, flt, omit_contact_details=omit_contact_details, progress=progress,
                                 cancel=cancel):
            writer.writerow(csv_row(item, form_cols, omit_contact_details=omit_contact_details))
            count += 1
        text.flush()
        text.detach()
    return count


# --- JSON -----------------------------------------------------------------------------------------
REPORT_FORMAT = "incident-journal-report"
REPORT_VERSION = 1


def entry_json(item: ReportEntry) -> dict:
    data = item.entry.as_json()
    data["category_label"] = item.category_label
    data["people"] = item.people
    data["attachments"] = item.attachments
    data["forms"] = [fv.as_json() | {"form_label": fv.form.label, "display": dict(rows)}
                     for fv, (_, rows) in zip(item.forms, item.form_text())]
    data["contact_log"] = item.contact_log
    data["received_from"] = item.sender
    return data


def write_json(journal, flt: ReportFilter, out_path: str | os.PathLike[str], *, omit_contact_details: bool = False,
               progress: Progress | None = None, cancel=None) -> int:
    """The full report as one JSON document, streamed entry by entry; returns the entry count."""
    count = 0
    header = {"format": REPORT_FORMAT, "version": REPORT_VERSION, "created_at": utc_now_iso(),
              "filter": flt.as_json(), "omit_contact_details": omit_contact_details,
              "forms": [f.as_json() for f in journal.forms.list(include_received=True)]}
    with atomic_output(out_path) as raw:
        head = json.dumps(header, ensure_ascii=False, indent=1, sort_keys=True)
        raw.write((head[:-1].rstrip() + ',\n "entries": [\n').encode("utf-8"))
        for item in iter_entries(journal, flt, omit_contact_details=omit_contact_details, progress=progress,
                                 cancel=cancel):
            prefix = ",\n" if count else ""
            raw.write((prefix + json.dumps(entry_json(item), ensure_ascii=False, sort_keys=True)).encode("utf-8"))
            count += 1
        raw.write(b"\n ]\n}\n")
    return count
