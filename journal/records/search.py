"""Listing and full-text search over entries.

Search defaults to newest first (ORDER BY rowid DESC with a LIMIT lets FTS5
stop after the first page instead of ranking every match); relevance
ranking (bm25) is an option. User text is turned into a safe FTS5 query,
so a stray quote or bracket never becomes a syntax error. Prefixes become
ORs of whole terms (expand_prefixes) and snippets are made in Python
(Snippets): both for speed, measured in bench/bench_vault.py (README there).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from contextlib import contextmanager
from dataclasses import dataclass

from journal.records import entries as entries_mod
from journal.storage.db import Database
from journal.records.entries import SUMMARY_COLUMNS, EntrySummary
from journal.errors import InvalidInput
from journal.timeutil import day_bound
from journal.i18n import _

SORT_COLUMNS = {
    "occurred": "e.occurred_utc",
    "recorded": "e.id",
    "title": "e.title COLLATE NOCASE",
    "place": "e.place COLLATE NOCASE",
    "category": "e.category",
    "status": "e.status",
    "updated": "e.updated_at",
}

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"


@dataclass(frozen=True)
class EntryFilter:
    category: str | None = None
    tag: str | None = None
    status: str | None = None
    date_from: str | None = None  # YYYY-MM-DD, inclusive, local date at the place
    date_to: str | None = None    # YYYY-MM-DD, inclusive
    trash: bool = False           # True: only trashed entries

    def where(self, *, by_utc: bool = False) -> tuple[str, list]:
        """SQL conditions on `entries e`. `by_utc` adds, for a date range, conditions on the
        indexed UTC time that every entry in the range meets (the local date at the place is
        within a day of the UTC date), so a query walking entries_list (schema 12) reads only
        that stretch of the index instead of all of it; the local-date conditions still decide."""
        clauses = ["e.deleted_at IS NOT NULL" if self.trash else "e.deleted_at IS NULL"]
        params: list = []
        if self.category:
            clauses.append("e.category = ?")
            params.append(self.category)
        if self.status:
            clauses.append("e.status = ?")
            params.append(self.status)
        if self.tag:
            clauses.append("e.id IN (SELECT entry_id FROM entry_tags WHERE tag = ?)")
            params.append(self.tag)
        start, end = day_bound(self.date_from), day_bound(self.date_to, end=True)
        if start:
            clauses.append("e.occurred_at >= ?")
            params.append(start)
        if end:
            clauses.append("e.occurred_at < ?")
            params.append(end)
        if by_utc and start:
            clauses.append("e.occurred_utc >= ?")
            params.append(_utc_midnight(start) - _DAY_S)
        if by_utc and end:
            clauses.append("e.occurred_utc < ?")
            params.append(_utc_midnight(end) + _DAY_S)
        return " AND ".join(clauses), params


_DAY_S = 86_400


def _utc_midnight(day: str) -> int:
    """00:00 UTC of a YYYY-MM-DD day, in seconds (occurred_utc's unit)."""
    return calendar.timegm(dt.date.fromisoformat(day).timetuple())


def entry_id_range(db: Database, flt: EntryFilter) -> tuple[int, int] | None:
    """For a filter with a date range: the lowest and highest id among the entries it keeps
    ((1, 0) when there are none), None otherwise. A search adds `rowid BETWEEN` these to its
    FTS5 query, which then reads only that stretch of each doclist instead of walking the
    matches newest first until the range's turn (1M entries, a month's search: 159 -> N ms).
    Entries are mostly added in the order they happen, so a month is a narrow id range; when it
    is not, the range is wide and nothing is lost (the filter still decides)."""
    if not (flt.date_from or flt.date_to):
        return None
    where, params = flt.where(by_utc=True)
    low, high = db.query_one(f"SELECT min(e.id), max(e.id) FROM entries e WHERE {where}", params)
    return (low, high) if low is not None else (1, 0)


@dataclass(frozen=True)
class SearchHit:
    kind: str            # "entry" (people and contact log add their own kinds)
    id: int
    uuid: str
    title: str
    occurred_at: str | None
    category: str | None
    status: str
    snippet: str         # highlighted with HIGHLIGHT_START/END around matches


_TOKEN = re.compile(r'"([^"]*)"|(\S+)')


_YO = {"е": "ё", "ё": "е", "Е": "Ё", "Ё": "Е"}
_MAX_YO_POSITIONS = 4


def _yo_spellings(text: str) -> list[str]:
    """`text` with е and ё either way, up to 2**4 spellings (the first is `text`)."""
    from itertools import product

    positions = [i for i, ch in enumerate(text) if ch in _YO][:_MAX_YO_POSITIONS]
    spellings = []
    for choice in product((False, True), repeat=len(positions)):
        chars = list(text)
        for flip, pos in zip(choice, positions):
            if flip:
                chars[pos] = _YO[chars[pos]]
        spellings.append("".join(chars))
    return spellings


def _yo_variants(core_terms: list[str], suffix: str) -> str:
    """One query term, matching е and ё either way ("Семенов" finds "Семёнов").

    Russian is usually typed without ё; unicode61 does not fold it, and the
    index must keep the text as written (FTS5 rebuild and integrity-check read
    the content table), so the query carries the variants instead, up to
    2**4 spellings of a term.
    """
    variants = [f'"{v}"{suffix}' for v in _yo_spellings(" ".join(core_terms))]
    return variants[0] if len(variants) == 1 else "(" + " OR ".join(variants) + ")"


def _parts(text: str) -> list[tuple[str, list[str], bool]]:
    """What a person typed, as ("phrase" | "term" | "OR", words, prefix) in order."""
    import unicodedata

    parts: list[tuple[str, list[str], bool]] = []
    for match in _TOKEN.finditer(unicodedata.normalize("NFC", text or "")):
        phrase, word = match.groups()
        if phrase is not None:
            words = phrase.split()
            if words:
                parts.append(("phrase", words, False))
            continue
        if word == "OR" and parts and parts[-1][0] != "OR":
            parts.append(("OR", [], False))
            continue
        prefix = word.endswith("*")
        core = word.rstrip("*")
        # Only letters and digits make tokens for unicode61; drop the rest so
        # "C++" or "(5)" do not produce empty phrases.
        core_terms = [t for t in re.split(r"[^\w]+", core) if t]
        if not core_terms:
            continue
        parts.append(("term", core_terms, prefix))
    while parts and parts[-1][0] == "OR":
        parts.pop()
    return parts


def _text_only(expr: str, forms: bool) -> str:
    """Phrases match the text as written, never the normal forms (the `forms` column, schema 11)."""
    return f"(- {{forms}} : {expr})" if forms else expr


def _with_forms(word: str) -> str:
    """One query word: its own spellings (е/ё), every inflected form of a Russian or
    Ukrainian word (looked up in the text as written), or any of its normal forms, which
    the index holds in each record's `forms` column (English stems; the Cyrillic normal
    forms of records indexed before 2026-12-07): journal/wordforms.py says why.
    "задержание" finds "Задержания", "detain" finds "detained"."""
    from journal.wordforms import normal_forms, surface_forms

    variants = [f'"{v}"' for v in _yo_spellings(word)]
    low = word.lower()
    for form in (*surface_forms(word), *(f for f in normal_forms(word) if f != low)):
        quoted = f'"{form}"'
        if quoted not in variants:
            variants.append(quoted)
    return variants[0] if len(variants) == 1 else "(" + " OR ".join(variants) + ")"


def _render(parts, expand=None, forms: bool = True) -> str:
    """The FTS5 query for _parts(); `expand(word)` may replace a one-word prefix by a group.
    With `forms`, a plain word also matches its normal forms and phrases skip the forms column
    (an index made before schema 11 has no such column: forms=False)."""
    rendered: list[str] = []
    for kind, words, prefix in parts:
        if kind == "OR":
            rendered.append("OR")
        elif kind == "phrase":
            rendered.append(_text_only('"' + " ".join(w.replace('"', '""') for w in words) + '"', forms))
        elif forms and not prefix and len(words) == 1:
            rendered.append(_with_forms(words[0]))
        elif forms and not prefix:
            rendered.append(_text_only(_yo_variants(words, ""), forms))
        else:
            group = expand(words[0]) if expand and prefix and len(words) == 1 else None
            rendered.append(group or _yo_variants(words, "*" if prefix else ""))
    # Explicit AND: FTS5's implicit AND does not accept a (group) as an operand.
    joined: list[str] = []
    for part in rendered:
        if joined and part != "OR" and joined[-1] != "OR":
            joined.append("AND")
        joined.append(part)
    return " ".join(joined)


def fts_query(text: str) -> str:
    """Turn what a person typed into an FTS5 query: terms ANDed (each in any of its forms),
    `word*` prefix, "phrases" (exact), OR."""
    return _render(_parts(text))


def form_words(text: str) -> list[str]:
    """The words of a query that match in any of their forms (not phrases, not prefixes):
    what snippets highlight the forms of."""
    return [words[0] for kind, words, prefix in _parts(text) if kind == "term" and not prefix and len(words) == 1]


# Prefix expansion (expand_prefixes): shorter prefixes stay FTS5 prefix queries,
# as do prefixes with more completions than MAX_PREFIX_TERMS. An index with FTS5 prefix
# indexes (entries_fts from schema 15: prefix = '2 3') answers prefixes of those lengths
# from them, lazily: expanding starts one letter longer there.
MIN_EXPANDED_PREFIX = 3
MAX_PREFIX_TERMS = 40
_PREFIX_OPTION = re.compile(r"prefix\s*=\s*'([\d\s]+)'", re.IGNORECASE)


def _longest_prefix_index(db: Database, fts_table: str) -> int:
    """The longest prefix length `fts_table` has an FTS5 prefix index for (0: none)."""
    row = db.query_one("SELECT sql FROM sqlite_master WHERE name = ?", (fts_table,))
    found = _PREFIX_OPTION.search(row[0] or "") if row else None
    return max((int(n) for n in found.group(1).split()), default=0) if found else 0


def expand_prefixes(db: Database, fts_table: str, text: str) -> str:
    """fts_query(text), with each one-word prefix `word*` replaced by its completions
    in this index: `("word" OR "words" OR "wordy")`. Same rows, found much faster.

    Why: FTS5 answers a prefix query by merging the whole doclist of every
    matching term before it returns one row; ORDER BY rowid DESC LIMIT 50 and
    rowid ranges do not help (its prefix iterator ignores both), so at 100k
    entries `задерж*` took 70-140 ms where `задержание` alone takes under 1 ms.
    An OR of whole terms is merged lazily and stops after the first page. The
    completions come from an fts5vocab table over the same index, so they are
    exactly the index's own terms; reading them still walks those terms'
    doclists, but without building the merged list (several times cheaper,
    bench/bench_vault.py -v). Short prefixes, prefixes with very many
    completions and anything unexpected stay FTS5 prefix queries.
    """
    parts = _parts(text)
    if not any(kind == "term" and prefix and len(words) == 1 for kind, words, prefix in parts):
        return _render(parts)
    try:
        shortest = max(MIN_EXPANDED_PREFIX, _longest_prefix_index(db, fts_table) + 1)
        vocab = _vocab_table(db, fts_table)
        return _render(parts, lambda word: _completion_group(db, vocab, word, shortest))
    except Exception:  # noqa: BLE001 - a build without fts5vocab or temp tables: plain prefix queries work
        return _render(parts)


_FOLD_TABLE = "journal_fold"


def _vocab_table(db: Database, fts_table: str) -> str:
    """A temp fts5vocab table over `fts_table` (per connection, in memory, nothing on
    disk), plus a temp FTS5 table with the index's tokenizer to fold prefixes."""
    name = f"temp.{fts_table}_terms"
    if name in db.temp_tables:
        return name  # made by an earlier search on this connection
    with _temp_writes(db):
        db.conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {name} USING fts5vocab(main, {fts_table}, row)")
        db.conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{_FOLD_TABLE} USING fts5("
                        "t, tokenize = 'unicode61 remove_diacritics 2')")
        db.conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{_FOLD_TABLE}_terms "
                        f"USING fts5vocab(temp, {_FOLD_TABLE}, row)")
    db.keep_temp_table(name)
    return name


@contextmanager
def _temp_writes(db: Database):
    """Hold the connection's lock; on a GUI reader (PRAGMA query_only, opened mode=ro so
    the journal itself stays unwritable) allow writes to the in-memory temp schema for
    the duration, then restore query_only."""
    with db.lock:
        query_only = db.conn.execute("PRAGMA query_only").fetchone()[0]
        if query_only:
            db.conn.execute("PRAGMA query_only = OFF")
        try:
            yield
        finally:
            if query_only:
                db.conn.execute("PRAGMA query_only = ON")


def _fold(db: Database, word: str) -> str | None:
    """`word` as the tokenizer stores it (case and diacritics folded), or None when it is
    not exactly one token. FTS5 does the folding, so it cannot disagree with the index."""
    with _temp_writes(db):
        db.conn.execute(f"INSERT INTO temp.{_FOLD_TABLE} (rowid, t) VALUES (1, ?)", (word,))
        try:
            terms = [r[0] for r in db.conn.execute(f"SELECT term FROM temp.{_FOLD_TABLE}_terms")]
        finally:
            db.conn.execute(f"DELETE FROM temp.{_FOLD_TABLE}")
    return terms[0] if len(terms) == 1 else None


def _completion_group(db: Database, vocab: str, word: str, shortest: int = MIN_EXPANDED_PREFIX) -> str | None:
    """`("t1" OR "t2" ...)`: the index's terms starting with `word` in any е/ё spelling,
    or None to keep the FTS5 prefix query (too short, too many, none at all)."""
    terms: set[str] = set()
    for spelling in _yo_spellings(word):
        folded = _fold(db, spelling)
        if folded is None or len(folded) < shortest:
            return None
        rows = db.query(f"SELECT term FROM {vocab} WHERE term >= ? AND term < ? LIMIT ?",
                        (folded, folded + "\U0010ffff", MAX_PREFIX_TERMS + 1))
        terms.update(r[0] for r in rows)
        if len(terms) > MAX_PREFIX_TERMS:
            return None
    if not terms:
        return None
    return "(" + " OR ".join('"' + t.replace('"', '""') + '"' for t in sorted(terms)) + ")"


# Prefix search by verification (EntryQueries.search, newest first): a prefix longer than the
# prefix indexes, `задерж*`, is first looked up by its indexed 3-letter prefix, `зад*`, whose
# doclist is read lazily newest first; each batch of those candidate rows is copied into a
# small in-memory FTS5 table with the same columns and tokenizer, and the query as typed is run
# there. What it finds is exactly what the query finds in the journal (the candidate query
# only shortens prefixes, so it finds a superset: queries have no NOT). Expanding the prefix
# instead reads every completion's whole doclist from fts5vocab (1M entries: 75-200 ms for
# `задерж*`). When the candidates are mostly other words (`задача` for `задерж*`), after
# VERIFY_BATCHES batches the search falls back to the expansion.
VERIFY_BATCH = 256
VERIFY_BATCHES = 4
_CHECK_TABLE = "journal_prefix_check"


def _shortened(parts, length: int):
    """`parts` with each one-word prefix longer than `length` cut to `length` letters, or None
    when there is none."""
    out, cut = [], False
    for kind, words, prefix in parts:
        if kind == "term" and prefix and len(words) == 1 and len(words[0]) > length:
            out.append((kind, [words[0][:length]], True))
            cut = True
        else:
            out.append((kind, words, prefix))
    return out if cut else None


def _check_table(db: Database) -> str:
    """A temp FTS5 table like entries_fts (same columns and tokenizer), in memory, over a temp
    table of the rows being checked (external content: emptied by 'delete-all' without
    tokenizing the rows again, and FTS5's snippets still read their text)."""
    name = f"temp.{_CHECK_TABLE}"
    if name not in db.temp_tables:
        with _temp_writes(db):
            db.conn.execute(f"CREATE TABLE IF NOT EXISTS temp.{_CHECK_TABLE}_rows ("
                            "id INTEGER PRIMARY KEY, title, body, place, tags, forms)")
            db.conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {name} USING fts5("
                            f"title, body, place, tags, forms, content = '{_CHECK_TABLE}_rows', content_rowid = 'id', "
                            "tokenize = 'unicode61 remove_diacritics 2')")
        db.keep_temp_table(name)
    return name


@contextmanager
def _checked_rows(db: Database, ids: list[int]):
    """Within the block, the entries `ids` (as entries_fts holds them) are in the check table."""
    table = _check_table(db)
    with _temp_writes(db):
        try:
            db.conn.execute(
                f"INSERT INTO temp.{_CHECK_TABLE}_rows (id, title, body, place, tags, forms) SELECT id, title, "
                f"body, place, tags, forms FROM entries_search WHERE id IN ({','.join('?' * len(ids))})", ids)
            db.conn.execute(f"INSERT INTO {table} ({_CHECK_TABLE}) VALUES ('rebuild')")
            yield table
        finally:
            db.conn.execute(f"INSERT INTO {table} ({_CHECK_TABLE}) VALUES ('delete-all')")
            db.conn.execute(f"DELETE FROM temp.{_CHECK_TABLE}_rows")


def _verified_prefix_ids(db: Database, text: str, where: str, params: list, limit: int, offset: int,
                         matches: str) -> list[int] | None:
    """The ids of a newest-first search page for a query with a long prefix, found by
    verification (see VERIFY_BATCH above), or None when this way does not apply or gave up."""
    length = _longest_prefix_index(db, "entries_fts")
    parts = _parts(text)
    short = _shortened(parts, length) if length >= 3 else None
    if short is None or any(kind == "term" and prefix and len(words) > 1 for kind, words, prefix in parts):
        return None
    candidates_query, exact_query = _render(short), _render(parts)
    wanted = offset + limit
    found: list[int] = []
    below, looked = None, 0
    for _batch in range(VERIFY_BATCHES):
        # As many candidates as the hits still wanted need at the share found so far (all of
        # them at first, plus a little), between 16 and VERIFY_BATCH: tokenizing is the cost.
        share = len(found) / looked if looked else 1.0
        size = max(16, min(VERIFY_BATCH, int((wanted - len(found)) / max(share, 0.05) * 1.2) + 8))
        bound = "" if below is None else " AND f.rowid < ?"
        candidates = [r[0] for r in db.query(
            f"SELECT f.rowid FROM entries_fts f JOIN entries e {matches} ON e.id = f.rowid "
            f"WHERE entries_fts MATCH ? AND {where}{bound} ORDER BY f.rowid DESC LIMIT ?",
            [candidates_query, *params, *([] if below is None else [below]), size])]
        if candidates:
            below, looked = candidates[-1], looked + len(candidates)
            with _checked_rows(db, candidates) as table:
                kept = {r[0] for r in db.conn.execute(
                    f"SELECT rowid FROM {table} WHERE {_CHECK_TABLE} MATCH ?", (exact_query,))}
            found += [rowid for rowid in candidates if rowid in kept]
        if len(found) >= wanted or len(candidates) < size:
            return found[offset:wanted]  # enough, or every candidate was looked at
    return None


SNIPPET_TOKENS = 16
_WORD = re.compile(r"[^\W_]+")  # a unicode61 token: letters and digits
_QUOTED = re.compile(r'"((?:[^"]|"")*)"(\*?)')
ENTRY_SNIPPET_COLUMNS = "e.title, e.body, e.place, e.tags"  # the columns of entries_fts, in order


def _trie_pattern(words) -> str:
    """One regular expression matching any of `words`, shaped as a trie: at each position of
    the text only the branches that share its first letter are tried (a verb has ~75 forms)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            body = body + "?" if len(branches) == 1 and len(body) == 1 else "(?:" + body + ")?"
        return body

    return render(trie)


class Snippets:
    """Snippets for a page of hits, made in Python from the hits' text.

    Why not FTS5's snippet(): it tokenizes every column of every hit twice,
    and unicode61 is slow on non-ASCII text; for a page of 50 Russian entries
    that was 6-12 ms, most of a search (bench/bench_vault.py -v, where a
    common term's first page costs well under 1 ms without snippets). Here a
    regular expression finds the first matching word (C speed) and only a
    window of SNIPPET_TOKENS words around it is split into tokens. The output
    has FTS5's shape: words in HIGHLIGHT_START/END, '…' where text was cut.
    Words FTS5 matched only through folding that a case-insensitive regex does
    not do (diacritics: "cafe" in "café") find no hit here; `make` returns None
    and the caller asks FTS5 for that row's snippet.
    """

    def __init__(self, query: str, words=()) -> None:
        alternatives: set[str] = set()
        phrases: set[str] = set()
        # Every form of the query's plain words (journal/wordforms.py), so the words that
        # matched through their normal form are highlighted too; English by its stem.
        from journal.wordforms import english_stem, surface_forms

        forms: set[str] = set()
        for word in words:
            forms.update(surface_forms(word))
            stem = english_stem(word)
            if stem:
                alternatives.add(re.escape(stem) + r"[^\W_]*")
        for text, star in _QUOTED.findall(query):
            tokens = _WORD.findall(text.replace('""', '"').lower())
            if not tokens:
                continue
            if len(tokens) == 1 and not star:
                # One trie for all single words (a prefix's completions share their first
                # letters): measured about 20 % faster than an alternation of them.
                forms.add(tokens[0])
                continue
            # A phrase matches its words with only separators between them.
            words = [re.escape(t) for t in tokens]
            if star:
                words[-1] += r"[^\W_]*"
            phrases.add(r"[\W_]+".join(words))
        if forms:
            alternatives.add(_trie_pattern(forms))
        # Phrases first (longest first), so "задержание, полиция" is one match, not two words.
        ordered = sorted(phrases, key=len, reverse=True) + sorted(alternatives, key=len, reverse=True)
        # Matched against lower-cased text, with the word-start check done in
        # `_matches`: a leading look-behind or IGNORECASE makes re try every
        # position slowly (measured 7x slower on a 200-word body).
        self.pattern = re.compile("(?:" + "|".join(ordered) + r")(?![^\W_])") if ordered else None

    def _matches(self, low: str, start: int = 0, end: int | None = None):
        """Matches of the query's words in lower-cased text that start at a word start."""
        if self.pattern is None:
            return
        end = len(low) if end is None else end
        pos = start
        while True:
            match = self.pattern.search(low, pos, end)
            if match is None:
                return
            at = match.start()
            if at == 0 or not low[at - 1].isalnum():
                yield match
                pos = match.end()
            else:
                pos = at + 1

    def make(self, columns) -> str | None:
        """The snippet for one hit's column texts (best column: most distinct matched words nearby)."""
        if self.pattern is None:
            return None
        best, best_score = None, 0
        for text in columns:
            if not text:
                continue
            low = text.lower()
            if len(low) != len(text):  # rare letters whose lower case is longer: offsets would shift
                return None
            first = next(self._matches(low), None)
            if first is None:
                continue
            score = len({m.group() for m in self._matches(low, first.start(), first.start() + 300)})
            if score > best_score:
                best, best_score = (text, low, first), score
        if best is None:
            return None
        return self._window(*best)

    def _window(self, text: str, low: str, first) -> str:
        # A few words of context before the first match, like FTS5's snippet.
        before = list(_WORD.finditer(text, max(0, first.start() - 60), first.start()))
        if before and before[0].start() > 0 and text[before[0].start() - 1].isalnum():
            before = before[1:]  # cut in the middle of a word
        tokens = before[-(SNIPPET_TOKENS // 4):]
        for match in _WORD.finditer(text, first.start()):
            tokens.append(match)
            if len(tokens) >= SNIPPET_TOKENS:
                break
        start, end = tokens[0].start(), tokens[-1].end()
        spans = [m.span() for m in self._matches(low, start, end)]
        out = ["…"] if _WORD.search(text, 0, start) else []
        pos = start
        for token in tokens:
            out.append(text[pos:token.start()])
            hit = any(a <= token.start() and token.end() <= b for a, b in spans)
            out.append(f"{HIGHLIGHT_START}{token.group()}{HIGHLIGHT_END}" if hit else token.group())
            pos = token.end()
        if _WORD.search(text, pos):
            out.append("…")
        return "".join(out)


def fts_snippets(db: Database, fts_table: str, query: str, rowids, n_columns: int = 1) -> dict[int, str]:
    """FTS5's own snippets for a few rows (the fallback of Snippets.make), from the text
    columns only (the first `n_columns`; never the `forms` column of normal forms)."""
    rowids = list(rowids)
    if not rowids:
        return {}
    columns = ", ".join(
        f"snippet({fts_table}, {i}, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '…', {SNIPPET_TOKENS})"
        for i in range(max(1, n_columns)))
    rows = db.query(
        f"SELECT rowid, {columns} "
        f"FROM {fts_table} WHERE {fts_table} MATCH ? AND rowid IN ({','.join('?' * len(rowids))})",
        [query, *rowids])
    out = {}
    for rowid, *snippets in rows:
        marked = [s for s in snippets if s and HIGHLIGHT_START in s]
        out[rowid] = marked[0] if marked else next((s for s in snippets if s), "")
    return out


def page_snippets(db: Database, fts_table: str, query: str, texts: dict[int, tuple], words=()) -> dict[int, str]:
    """Snippets for rowid -> column texts: Snippets where it finds the words, FTS5 otherwise.
    `words`: the query's plain words (form_words), whose every form is highlighted."""
    maker = Snippets(query, words)
    out = {rowid: maker.make(columns) for rowid, columns in texts.items()}
    missing = [rowid for rowid, snippet in out.items() if snippet is None]
    n_columns = len(next(iter(texts.values()))) if texts else 1
    out.update(fts_snippets(db, fts_table, query, missing, n_columns))
    return {rowid: out.get(rowid) or "" for rowid in texts}


# A search's matches are filtered in this narrow index keyed by id (schema 12) instead of
# their rows: SQLite's planner, without statistics, would look each row up in the table.
LISTED_INDEX = "INDEXED BY entries_by_id_listed"
LISTED_SCHEMA = 12


def listed_index(db: Database) -> str:
    """LISTED_INDEX, or nothing on a journal written before schema 12 (tools writing fixtures)."""
    return LISTED_INDEX if db.query_one("PRAGMA user_version")[0] >= LISTED_SCHEMA else ""


def _order_by(sort: str, direction: str) -> str:
    """ORDER BY for the list. Undated entries go last either way; NULLS LAST (not a
    leading `occurred_utc IS NULL` term) lets SQLite walk entries_by_occurred in
    either direction instead of sorting every row (bench: 3.4 -> 1.5 ms newest
    first, 16 -> 4.5 ms oldest first, at 100k entries)."""
    if sort == "occurred":
        return f"e.occurred_utc {direction} NULLS LAST, e.id {direction}"
    return f"{SORT_COLUMNS[sort]} {direction}, e.id {direction}"


def _summary_select() -> str:
    return SUMMARY_COLUMNS.format(attachment_count=entries_mod.ATTACHMENT_COUNT_SQL)


class EntryQueries:
    def __init__(self, db: Database) -> None:
        self.db = db

    def count(self, flt: EntryFilter = EntryFilter()) -> int:
        where, params = flt.where(by_utc=True)
        return self.db.query_one(f"SELECT count(*) FROM entries e WHERE {where}", params)[0]

    def ids(self, flt: EntryFilter = EntryFilter(), sort: str = "occurred", descending: bool = True,
            limit: int | None = None) -> list[int]:
        """Row ids in display order (the first `limit`): cheap even for 100k rows (rows load
        lazily by id); at 1M the list shows its first ids first (ui/entries/model.py)."""
        if sort not in SORT_COLUMNS:
            raise InvalidInput(_("Cannot sort by {sort}.").format(sort=sort))
        where, params = flt.where(by_utc=True)
        direction = "DESC" if descending else "ASC"
        order = _order_by(sort, direction)
        bounded = "" if limit is None else f" LIMIT {int(limit)}"
        return [r[0] for r in self.db.query(f"SELECT e.id FROM entries e WHERE {where} ORDER BY {order}{bounded}", params)]

    def summaries(self, ids: list[int]) -> dict[int, EntrySummary]:
        if not ids:
            return {}
        out: dict[int, EntrySummary] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.db.query(f"SELECT {_summary_select()} FROM entries e WHERE e.id IN ({marks})", chunk):
                out[row[0]] = EntrySummary(*row)
        return out

    def page(self, flt: EntryFilter = EntryFilter(), sort: str = "occurred", descending: bool = True,
             limit: int = 200, offset: int = 0) -> list[EntrySummary]:
        if sort not in SORT_COLUMNS:
            raise InvalidInput(_("Cannot sort by {sort}.").format(sort=sort))
        where, params = flt.where(by_utc=True)
        direction = "DESC" if descending else "ASC"
        order = _order_by(sort, direction)
        # Two phases: the page's ids through the list indexes, then only those rows.
        ids = [r[0] for r in self.db.query(
            f"SELECT e.id FROM entries e WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
            [*params, int(limit), int(offset)])]
        summaries = self.summaries(ids)
        return [summaries[i] for i in ids if i in summaries]

    def search(self, text: str, flt: EntryFilter = EntryFilter(), order: str = "newest",
               limit: int = 50, offset: int = 0) -> list[SearchHit]:
        if order not in ("newest", "rank"):
            raise InvalidInput(_("Order must be 'newest' or 'rank'."))
        where, params = flt.where()
        id_range = entry_id_range(self.db, flt)
        if id_range is not None:
            where += " AND f.rowid BETWEEN ? AND ?"
            params += list(id_range)
        try:
            ids = None
            if order == "newest":  # a long prefix: verified candidates (VERIFY_BATCH above says why)
                ids = _verified_prefix_ids(self.db, text, where, params, int(limit), int(offset),
                                           listed_index(self.db))
            if ids is not None:
                query, snippet_table = _render(_parts(text)), _CHECK_TABLE
            else:
                query, snippet_table = expand_prefixes(self.db, "entries_fts", text), "entries_fts"
                if not query:
                    return []
                # Two phases (issue 20): the page's ids from the index alone (filters checked in the
                # narrow covering index entries_by_id_listed, schema 12), then only those rows.
                order_sql = "f.rowid DESC" if order == "newest" else "f.rank"
                ids = [r[0] for r in self.db.query(
                    f"SELECT f.rowid FROM entries_fts f JOIN entries e {listed_index(self.db)} ON e.id = f.rowid "
                    f"WHERE entries_fts MATCH ? AND {where} ORDER BY {order_sql} LIMIT ? OFFSET ?",
                    [query, *params, int(limit), int(offset)])]
        except Exception as exc:  # sqlcipher3.OperationalError on a query FTS5 rejects
            if "fts5" in str(exc).lower() or "syntax" in str(exc).lower():
                raise InvalidInput(_("The search text could not be understood.")) from None
            raise
        by_id = {} if not ids else {row[0]: row for row in self.db.query(
            f"SELECT e.id, e.uuid, e.title, e.occurred_at, e.category, e.status, {ENTRY_SNIPPET_COLUMNS} "
            f"FROM entries e WHERE e.id IN ({','.join('?' * len(ids))})", ids)}
        rows = [by_id[i] for i in ids if i in by_id]
        texts = {row[0]: row[6:] for row in rows}
        if snippet_table == "entries_fts":
            snippets = page_snippets(self.db, "entries_fts", query, texts, form_words(text))
        else:  # FTS5's snippets (the fallback) from the small table: the prefix query stays cheap there
            with _checked_rows(self.db, list(texts)):
                snippets = page_snippets(self.db, _CHECK_TABLE, query, texts, form_words(text))
        return [SearchHit("entry", row[0], row[1], row[2], row[3], row[4], row[5], snippets[row[0]]) for row in rows]

    def search_count(self, text: str, flt: EntryFilter = EntryFilter()) -> int:
        query = fts_query(text)
        if not query:
            return 0
        where, params = flt.where()
        id_range = entry_id_range(self.db, flt)
        if id_range is not None:
            where += " AND f.rowid BETWEEN ? AND ?"
            params += list(id_range)
        return self.db.query_one(
            f"SELECT count(*) FROM entries_fts f JOIN entries e {listed_index(self.db)} ON e.id = f.rowid "
            f"WHERE entries_fts MATCH ? AND {where}", [query, *params])[0]


def plain_snippet(snippet: str, start: str = "[", end: str = "]") -> str:
    return snippet.replace(HIGHLIGHT_START, start).replace(HIGHLIGHT_END, end).replace("\n", " ")


def nothing_found_hints(text: str, flt: EntryFilter | None = None) -> list[str]:
    """What to try when a search finds nothing: a prefix, fewer words, other filters
    (shown by the GUI's empty list and by `journal search`)."""
    parts = _parts(text)
    hints: list[str] = []
    plain = [words[0] for kind, words, prefix in parts if kind == "term" and not prefix and len(words) == 1]
    stems = [w[: max(4, len(w) - 3)] for w in plain if len(w) >= 6]
    if stems:
        hints.append(_("Try the beginning of a word with a star: {example}").format(example=stems[0] + "*"))
    if any(kind == "phrase" for kind, _words, _prefix in parts):
        hints.append(_("Try the words without quotes: quotes find only that exact wording."))
    if sum(1 for kind, _words, _prefix in parts if kind != "OR") > 1:
        hints.append(_("Try fewer words: every word must be in the same record."))
    if flt is not None and (flt.category or flt.status or flt.tag or flt.date_from or flt.date_to or flt.trash):
        hints.append(_("Try other filters: the category, status, tag, dates or trash chosen leave these records out."))
    return hints
