"""Full-text search across entries, people and contact-log records.

Each kind has its own FTS5 table. Search runs in two phases: first each
kind's newest matches (rowid DESC with a LIMIT, so FTS5 stops early; entry
filters checked in the narrow index entries_by_id_listed, schema 12) give
only (rowid, first-save time), and are merged across kinds; then the rows of
the returned page only are read by rowid, and snippets made for them: the
matches are walked once (bench/bench_search.py). A prefix (`задерж*`) is rewritten per index into the
OR of its completions (journal.search.expand_prefixes), as EntryQueries.search
does, so FTS5 can stop early there too. Hits are journal.search.SearchHit objects whose `kind`
says what they are: "entry", "person" or "log", or "form" for an entry whose
form values (journal.forms) match (its id and uuid are the entry's).

Filters narrow the search to the kinds that have that attribute: category,
tag, status and trash exist only on entries; a date range applies to
entries and log records (people have no date).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from journal.storage.db import Database
from journal.errors import InvalidInput
from journal.records.people import split_list
from journal.records.search import (EntryFilter, SearchHit, entry_id_range, expand_prefixes, form_words, fts_query,
                                    listed_index, page_snippets)
from journal.timeutil import day_bound
from journal.i18n import _, ngettext

KINDS = ("entry", "form", "person", "log")


@dataclass(frozen=True)
class KindHit(SearchHit):
    """A SearchHit plus what the cross-kind merge sorts by."""

    recorded_at: str = ""
    score: float = 0.0


def _run(db: Database, sql: str, params: list) -> list:
    try:
        return db.query(sql, params)
    except Exception as exc:  # sqlcipher3.OperationalError on a query FTS5 rejects
        if "fts5" in str(exc).lower() or "syntax" in str(exc).lower():
            raise InvalidInput(_("The search text could not be understood.")) from None
        raise


def _available(db: Database, kinds: tuple[str, ...]) -> tuple[str, ...]:
    """Kinds whose index exists: a journal opened read-only before a migration,
    or a feature not present in this build, simply has fewer kinds."""
    tables = {r[0] for r in db.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return tuple(k for k in kinds if _KIND_TABLE.get(k, "") in tables)


_KIND_TABLE = {"entry": "entries_fts", "form": "form_values_fts", "person": "people_fts", "log": "contact_log_fts"}


def _kinds_for(flt: EntryFilter, kinds) -> tuple[str, ...]:
    chosen = tuple(kinds) if kinds else KINDS
    unknown = set(chosen) - set(KINDS)
    if unknown:
        raise InvalidInput(ngettext("Unknown kind: {unknown}. Choose from: {kinds}.",
                                    "Unknown kinds: {unknown}. Choose from: {kinds}.", len(unknown))
                           .format(unknown=', '.join(sorted(unknown)), kinds=', '.join(KINDS)))
    if flt.category or flt.tag or flt.status or flt.trash:
        return tuple(k for k in chosen if k in ("entry", "form"))
    if flt.date_from or flt.date_to:
        return tuple(k for k in chosen if k != "person")
    return chosen


def _order(order: str) -> tuple[str, str]:
    """(ORDER BY clause, score column). The score is only computed when ranking:
    bm25 needs every matching document list, which would cancel the early stop
    that makes newest-first fast."""
    if order == "newest":
        return "f.rowid DESC", "0"
    if order == "rank":
        return "f.rank", "f.rank"
    raise InvalidInput(_("Order must be 'newest' or 'rank'."))


def _date_clauses(flt: EntryFilter, column: str) -> tuple[list[str], list]:
    clauses, params = [], []
    start, end = day_bound(flt.date_from), day_bound(flt.date_to, end=True)
    if start:
        clauses.append(f"{column} >= ?")
        params.append(start)
    if end:
        clauses.append(f"{column} < ?")
        params.append(end)
    return clauses, params


def _entry_hit(row, snippet: str, recorded: str, score: float) -> KindHit:
    id_, uuid, title, occurred, category, status = row
    return KindHit("entry", id_, uuid, title, occurred, category, status, snippet, recorded, score)


def _form_hit(row, snippet: str, recorded: str, score: float) -> KindHit:
    """An entry whose form values (journal.forms) match: id and uuid are the entry's."""
    _values_id, id_, uuid, title, occurred, category, status = row
    return KindHit("form", id_, uuid, title, occurred, category, status, snippet, recorded, score)


def _person_hit(row, snippet: str, recorded: str, score: float) -> KindHit:
    id_, uuid, name, roles, sensitive = row
    return KindHit("person", id_, uuid, name, None, ", ".join(split_list(roles)) or None,
                   "sensitive" if sensitive else "", snippet, recorded, score)


def _log_hit(row, snippet: str, recorded: str, score: float) -> KindHit:
    id_, uuid, channel, direction, at, due, done, names = row
    state = ("follow-up done" if done else "follow-up open") if due else ""
    title = f"{channel.replace('_', ' ')}, {direction}: {names or ''}".rstrip(": ")
    return KindHit("log", id_, uuid, title, at, channel, state, snippet, recorded, score)


@dataclass(frozen=True)
class _Kind:
    """How one kind of record is searched: its FTS table, row table and hit columns."""

    name: str
    fts: str
    source: str      # "<table> <alias> ON <alias>.id = f.rowid"
    recorded: str    # first-save time, for merging kinds newest first
    columns: str     # what the hit shows (rowid first)
    make: Callable[[Any, str, str, float], KindHit]  # (row, snippet, recorded, score)
    texts: str       # the FTS table's columns, in order, for the snippet
    matches: str = ""  # the source for phase 1 when it differs (a narrow covering index)

    def where(self, flt: EntryFilter) -> tuple[str, list]:
        if self.name in ("entry", "form"):
            return flt.where()
        if self.name == "person":
            return "p.merged_into IS NULL", []
        clauses, params = _date_clauses(flt, "c.at")
        return " AND ".join(clauses) or "1", params


_KINDS = {
    "entry": _Kind("entry", "entries_fts", "entries e ON e.id = f.rowid", "e.recorded_at",
                   "e.id, e.uuid, e.title, e.occurred_at, e.category, e.status", _entry_hit,
                   "f.title, f.body, f.place, f.tags",
                   "entries e INDEXED BY entries_by_id_listed ON e.id = f.rowid"),
    "form": _Kind("form", "form_values_fts",
                  "entry_form_values v ON v.id = f.rowid JOIN entries e ON e.id = v.entry_id", "v.updated_at",
                  "v.id, e.id, e.uuid, e.title, e.occurred_at, e.category, e.status", _form_hit, "f.text"),
    "person": _Kind("person", "people_fts", "people p ON p.id = f.rowid", "p.created_at",
                    "p.id, p.uuid, p.display_name, p.roles, p.sensitive", _person_hit,
                    "f.display_name, f.aliases, f.roles, f.phones, f.handles, f.organisation, f.notes"),
    "log": _Kind("log", "contact_log_fts", "contact_log c ON c.id = f.rowid", "c.recorded_at",
                 "c.id, c.uuid, c.channel, c.direction, c.at, c.follow_up_due, c.follow_up_done_at, "
                 "(SELECT group_concat(coalesce(p.display_name, 'deleted person'), ', ') "
                 " FROM contact_log_people l LEFT JOIN people p ON p.id = l.person_id WHERE l.log_id = c.id)",
                 _log_hit, "f.summary, f.follow_up_note"),
}


def _matches(db: Database, kind: _Kind) -> str:
    return kind.matches if kind.matches and listed_index(db) else kind.source


def _candidates(db: Database, kind: _Kind, query: str, flt: EntryFilter, order: str, n: int) -> list[tuple]:
    """Phase 1: (kind, rowid, recorded_at, score) of up to n matches; no snippets yet."""
    where, params = kind.where(flt)
    id_range = entry_id_range(db, flt) if kind.name == "entry" else None
    if id_range is not None:  # search.entry_id_range says why
        where += " AND f.rowid BETWEEN ? AND ?"
        params = [*params, *id_range]
    order_by, score = _order(order)
    rows = _run(db, (
        f"SELECT f.rowid, {kind.recorded}, {score} FROM {kind.fts} f JOIN {_matches(db, kind)} "
        f"WHERE {kind.fts} MATCH ? AND {where} ORDER BY {order_by} LIMIT ?"
    ), [query, *params, n])
    return [(kind.name, rowid, recorded, sc) for rowid, recorded, sc in rows]


def _details(db: Database, kind: _Kind, query: str, chosen: list[tuple], words) -> dict[int, KindHit]:
    """Phase 2: hits with snippets for the chosen rowids of one kind only."""
    by_rowid = {rowid: (recorded, sc) for _, rowid, recorded, sc in chosen}
    # The matches were walked once, in phase 1: here the chosen rows are read by rowid only.
    rows = _run(db, (
        f"SELECT {kind.texts}, {kind.columns} FROM {kind.fts} f JOIN {kind.source} "
        f"WHERE f.rowid IN ({','.join('?' * len(by_rowid))})"
    ), list(by_rowid))
    n_texts = kind.texts.count(",") + 1
    # Snippets as EntryQueries.search makes them (journal.search.Snippets; FTS5 where that finds nothing).
    snippets = page_snippets(db, kind.fts, query, {row[n_texts]: row[:n_texts] for row in rows}, words)
    hits = {}
    for row in rows:
        shown = row[n_texts:]
        recorded, sc = by_rowid[shown[0]]
        hits[shown[0]] = kind.make(shown, snippets[shown[0]], recorded, sc)
    return hits


def search_all(db: Database, text: str, limit: int = 50, offset: int = 0, flt: EntryFilter | None = None,
               kinds=None, order: str = "newest") -> list[KindHit]:
    """Entries, people and log records matching `text`, newest first (or by relevance).

    `kinds` restricts to some of KINDS; `flt` filters entries (see module doc).
    Snippets, the costly part, are made only for the page that is returned.
    """
    query = fts_query(text)
    if not query:
        return []
    flt = flt or EntryFilter()
    _order(order)
    n = int(limit) + int(offset)
    candidates: list[tuple] = []
    queries: dict[str, str] = {}
    for name in _available(db, _kinds_for(flt, kinds)):
        # Prefixes become ORs of the terms of that kind's own index (see
        # journal.search.expand_prefixes): the same rows, without FTS5's full prefix merge.
        queries[name] = expand_prefixes(db, _KINDS[name].fts, text)
        candidates += _candidates(db, _KINDS[name], queries[name], flt, order, n)
    if order == "rank":
        # bm25 scores from different tables are on roughly the same scale (lower is better).
        candidates.sort(key=lambda c: (c[3], KINDS.index(c[0]), -c[1]))
    else:
        # Ties (saves within one second) fall back to a fixed kind order, then rowid.
        candidates.sort(key=lambda c: (c[2], KINDS.index(c[0]), c[1]), reverse=True)
    page = candidates[int(offset):n]
    details: dict[tuple[str, int], KindHit] = {}
    for name in KINDS:
        mine = [c for c in page if c[0] == name]
        if mine:
            for rowid, hit in _details(db, _KINDS[name], queries[name], mine, form_words(text)).items():
                details[(name, rowid)] = hit
    # A row deleted between the two phases simply drops out.
    return [details[(c[0], c[1])] for c in page if (c[0], c[1]) in details]


def search_all_count(db: Database, text: str, flt: EntryFilter | None = None, kinds=None) -> dict[str, int]:
    """How many matches of each kind (for 'N entries, M people, K log records')."""
    query = fts_query(text)
    counts = {k: 0 for k in KINDS}
    if not query:
        return counts
    flt = flt or EntryFilter()
    chosen = _available(db, _kinds_for(flt, kinds))
    for name in chosen:
        kind = _KINDS[name]
        where, params = kind.where(flt)
        id_range = entry_id_range(db, flt) if name == "entry" else None
        if id_range is not None:
            where += " AND f.rowid BETWEEN ? AND ?"
            params = [*params, *id_range]
        counts[name] = _run(db, f"SELECT count(*) FROM {kind.fts} f JOIN {_matches(db, kind)} "
                                f"WHERE {kind.fts} MATCH ? AND {where}", [query, *params])[0][0]
    return counts
