"""Full-text search across entries, people and contact-log records.

Each kind has its own FTS5 table; each is queried newest first (rowid DESC
with a LIMIT, so FTS5 stops early) and the pages are merged by the time
the record was first saved. Hits are journal.search.SearchHit objects whose
`kind` says what they are: "entry", "person" or "log".

Filters narrow the search to the kinds that have that attribute: category,
tag, status and trash exist only on entries; a date range applies to
entries and log records (people have no date).
"""

from __future__ import annotations

from dataclasses import dataclass

from .db import Database
from .errors import InvalidInput
from .people import split_list
from .search import HIGHLIGHT_END, HIGHLIGHT_START, EntryFilter, SearchHit, fts_query
from .timeutil import day_bound

KINDS = ("entry", "person", "log")


@dataclass(frozen=True)
class KindHit(SearchHit):
    """A SearchHit plus what the cross-kind merge sorts by."""

    recorded_at: str = ""
    score: float = 0.0


def _snippet(table: str, tokens: int = 16) -> str:
    return f"snippet({table}, -1, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '…', {tokens})"


def _run(db: Database, sql: str, params: list) -> list:
    try:
        return db.query(sql, params)
    except Exception as exc:  # sqlcipher3.OperationalError on a query FTS5 rejects
        if "fts5" in str(exc).lower() or "syntax" in str(exc).lower():
            raise InvalidInput("The search text could not be understood.") from None
        raise


def _kinds_for(flt: EntryFilter, kinds) -> tuple[str, ...]:
    chosen = tuple(kinds) if kinds else KINDS
    unknown = set(chosen) - set(KINDS)
    if unknown:
        raise InvalidInput(f"Unknown kind(s): {', '.join(sorted(unknown))}. Choose from: {', '.join(KINDS)}.")
    if flt.category or flt.tag or flt.status or flt.trash:
        return tuple(k for k in chosen if k == "entry")
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
    raise InvalidInput("Order must be 'newest' or 'rank'.")


def _entries(db: Database, query: str, flt: EntryFilter, order: str, n: int) -> list[KindHit]:
    where, params = flt.where()
    order_by, score = _order(order)
    rows = _run(db, (
        "SELECT e.id, e.uuid, e.title, e.occurred_at, e.category, e.status, "
        f"{_snippet('entries_fts')}, e.recorded_at, {score} FROM entries_fts f JOIN entries e ON e.id = f.rowid "
        f"WHERE entries_fts MATCH ? AND {where} ORDER BY {order_by} LIMIT ?"
    ), [query, *params, n])
    return [KindHit("entry", *row) for row in rows]


def _people(db: Database, query: str, order: str, n: int) -> list[KindHit]:
    order_by, score = _order(order)
    rows = _run(db, (
        "SELECT p.id, p.uuid, p.display_name, p.roles, p.sensitive, "
        f"{_snippet('people_fts')}, p.created_at, {score} FROM people_fts f JOIN people p ON p.id = f.rowid "
        f"WHERE people_fts MATCH ? AND p.merged_into IS NULL ORDER BY {order_by} LIMIT ?"
    ), [query, n])
    return [
        KindHit("person", id_, uuid, name, None, ", ".join(split_list(roles)) or None,
                "sensitive" if sensitive else "", snippet, created, rank)
        for id_, uuid, name, roles, sensitive, snippet, created, rank in rows
    ]


def _logs(db: Database, query: str, flt: EntryFilter, order: str, n: int) -> list[KindHit]:
    clauses, params = [], []
    start, end = day_bound(flt.date_from), day_bound(flt.date_to, end=True)
    if start:
        clauses.append("AND c.at >= ?")
        params.append(start)
    if end:
        clauses.append("AND c.at < ?")
        params.append(end)
    order_by, score = _order(order)
    rows = _run(db, (
        "SELECT c.id, c.uuid, c.channel, c.direction, c.at, c.follow_up_due, c.follow_up_done_at, "
        f"{_snippet('contact_log_fts')}, c.recorded_at, {score}, "
        "(SELECT group_concat(coalesce(p.display_name, 'deleted person'), ', ') FROM contact_log_people l "
        "  LEFT JOIN people p ON p.id = l.person_id WHERE l.log_id = c.id) "
        "FROM contact_log_fts f JOIN contact_log c ON c.id = f.rowid "
        f"WHERE contact_log_fts MATCH ? {' '.join(clauses)} ORDER BY {order_by} LIMIT ?"
    ), [query, *params, n])
    hits = []
    for id_, uuid, channel, direction, at, due, done, snippet, recorded, rank, names in rows:
        state = ("follow-up done" if done else "follow-up open") if due else ""
        title = f"{channel.replace('_', ' ')}, {direction}: {names or ''}".rstrip(": ")
        hits.append(KindHit("log", id_, uuid, title, at, channel, state, snippet, recorded, rank))
    return hits


def search_all(db: Database, text: str, limit: int = 50, offset: int = 0, flt: EntryFilter | None = None,
               kinds=None, order: str = "newest") -> list[KindHit]:
    """Entries, people and log records matching `text`, newest first (or by relevance).

    `kinds` restricts to some of KINDS; `flt` filters entries (see module doc).
    """
    query = fts_query(text)
    if not query:
        return []
    flt = flt or EntryFilter()
    chosen = _kinds_for(flt, kinds)
    n = int(limit) + int(offset)
    hits: list[KindHit] = []
    if "entry" in chosen:
        hits += _entries(db, query, flt, order, n)
    if "person" in chosen:
        hits += _people(db, query, order, n)
    if "log" in chosen:
        hits += _logs(db, query, flt, order, n)
    if order == "rank":
        # bm25 scores from different tables are on roughly the same scale (lower is better).
        hits.sort(key=lambda h: (h.score, h.kind, -h.id))
    else:
        # Ties (saves within one second) fall back to a fixed kind order, then rowid.
        hits.sort(key=lambda h: (h.recorded_at, KINDS.index(h.kind), h.id), reverse=True)
    return hits[int(offset):n]


def search_all_count(db: Database, text: str, flt: EntryFilter | None = None, kinds=None) -> dict[str, int]:
    """How many matches of each kind (for 'N entries, M people, K log records')."""
    query = fts_query(text)
    counts = {k: 0 for k in KINDS}
    if not query:
        return counts
    flt = flt or EntryFilter()
    chosen = _kinds_for(flt, kinds)
    if "entry" in chosen:
        where, params = flt.where()
        counts["entry"] = _run(db, "SELECT count(*) FROM entries_fts f JOIN entries e ON e.id = f.rowid "
                                   f"WHERE entries_fts MATCH ? AND {where}", [query, *params])[0][0]
    if "person" in chosen:
        counts["person"] = _run(db, "SELECT count(*) FROM people_fts f JOIN people p ON p.id = f.rowid "
                                    "WHERE people_fts MATCH ? AND p.merged_into IS NULL", [query])[0][0]
    if "log" in chosen:
        clauses, params = [], []
        start, end = day_bound(flt.date_from), day_bound(flt.date_to, end=True)
        if start:
            clauses.append("AND c.at >= ?")
            params.append(start)
        if end:
            clauses.append("AND c.at < ?")
            params.append(end)
        counts["log"] = _run(db, "SELECT count(*) FROM contact_log_fts f JOIN contact_log c ON c.id = f.rowid "
                                 f"WHERE contact_log_fts MATCH ? {' '.join(clauses)}", [query, *params])[0][0]
    return counts
