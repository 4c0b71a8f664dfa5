"""Full-text search: Cyrillic, prefixes, filters, order, snippets, hostile query text."""

import pytest
import sqlcipher3

from journal.records.search import HIGHLIGHT_END, HIGHLIGHT_START, EntryFilter, fts_query


@pytest.fixture
def sample(journal):
    add = journal.entries.add
    ids = {
        "moscow": add(title="Задержание у метро", body="Задержаны трое, доставлены в ОВД", place="Москва",
                      occurred_at="2024-03-05T14:10+03:00", category="detention", tags=["протест"]).uuid,
        "kyiv": add(title="Повістка в ТЦК", body="Затримання чоловіка на вулиці, вручили повістку",
                    place="Київ", occurred_at="2024-04-01", category="mobilization", tags=["ТЦК"]).uuid,
        "court": add(title="Court hearing", body="The judge fined the detained protester", place="Tbilisi",
                     occurred_at="2024-05-10T10:00+04:00", category="court_hearing", status="final").uuid,
        "cafe": add(title="Café raid", body="Police searched the café", occurred_at="2023-01-01").uuid,
    }
    return ids


def uuids(hits):
    return {h.uuid for h in hits}


def test_case_insensitive_cyrillic(journal, sample):
    assert uuids(journal.queries.search("ЗАДЕРЖАНЫ")) == {sample["moscow"]}
    assert uuids(journal.queries.search("затримання")) == {sample["kyiv"]}


def test_prefix(journal, sample):
    assert uuids(journal.queries.search("задерж*")) == {sample["moscow"]}
    assert uuids(journal.queries.search("detain*")) == {sample["court"]}


def test_diacritics_folded(journal, sample):
    assert uuids(journal.queries.search("cafe")) == {sample["cafe"]}


def test_and_or_phrase(journal, sample):
    assert uuids(journal.queries.search("judge protester")) == {sample["court"]}
    assert uuids(journal.queries.search("judge OR повістку")) == {sample["court"], sample["kyiv"]}
    assert uuids(journal.queries.search('"fined the detained"')) == {sample["court"]}


def test_tags_and_place_are_searched(journal, sample):
    assert uuids(journal.queries.search("тцк")) == {sample["kyiv"]}
    assert uuids(journal.queries.search("Tbilisi")) == {sample["court"]}


def test_filters(journal, sample):
    q = journal.queries
    assert uuids(q.search("задерж* OR затримання", EntryFilter(category="mobilization"))) == {sample["kyiv"]}
    assert uuids(q.search("judge", EntryFilter(status="draft"))) == set()
    assert uuids(q.search("задерж*", EntryFilter(tag="протест"))) == {sample["moscow"]}
    assert {s.uuid for s in q.page(EntryFilter(date_from="2024-03-05", date_to="2024-04-01"))} == {
        sample["moscow"], sample["kyiv"]}
    assert {s.uuid for s in q.page(EntryFilter(date_to="2023-12-31"))} == {sample["cafe"]}


def test_newest_first_by_default_and_rank_option(journal, sample):
    hits = journal.queries.search("police OR judge OR задерж*")
    assert [h.uuid for h in hits] == [sample["cafe"], sample["court"], sample["moscow"]]
    ranked = journal.queries.search("police OR judge OR задерж*", order="rank")
    assert uuids(ranked) == uuids(hits)


def test_snippets_highlight(journal, sample):
    hit = journal.queries.search("ОВД")[0]
    assert f"{HIGHLIGHT_START}ОВД{HIGHLIGHT_END}" in hit.snippet


def test_trash_excluded_from_search(journal, sample):
    journal.entries.move_to_trash(sample["court"])
    assert journal.queries.search("judge") == []
    assert uuids(journal.queries.search("judge", EntryFilter(trash=True))) == {sample["court"]}


def test_edit_updates_index(journal, sample):
    journal.entries.update(sample["cafe"], body="Nothing was taken")
    assert journal.queries.search("searched") == []
    assert uuids(journal.queries.search("taken")) == {sample["cafe"]}


@pytest.mark.parametrize("hostile, fts, hits", [
    # FTS5 syntax typed by a person is taken as words (quoted), never as operators or errors.
    ('"', "", set()),
    ("(", "", set()),
    ("AND", '"AND"', set()),
    ("NOT", '"NOT"', set()),
    ("*", "", set()),
    ("a:b", '(- {forms} : "a b")', set()),
    ("NEAR(", '"NEAR"', set()),
    ('"unterminated', '("unterminated" OR "untermin")', set()),
    ("-x", '"x"', set()),
    ("^", "", set()),
    ("OR OR", '"OR"', set()),
    # ... and the words around such syntax still find what they should.
    ('"Police', '("Police" OR "polic")', {"cafe"}),
    ("Café:raid", '(- {forms} : "Café raid")', {"cafe"}),
    ("^police", '("police" OR "polic")', {"cafe"}),
    ("judge)", '("judge" OR "judg")', {"court"}),
    ("-judge", '("judge" OR "judg")', {"court"}),
    ("NOT judge", '"NOT" AND ("judge" OR "judg")', set()),  # NOT is a word here, not "everything but judge"
    ("OR judge OR", '"OR" AND ("judge" OR "judg")', set()),
])
def test_hostile_query_text_is_words_not_syntax(journal, sample, hostile, fts, hits):
    assert fts_query(hostile) == fts
    assert uuids(journal.queries.search(hostile)) == {sample[k] for k in hits}


def test_fts_query_builder():
    # A Russian or Ukrainian word becomes the OR of its paradigm (journal/wordforms.py); москва is
    # a word of both languages, so both paradigms.
    query = fts_query("задерж* москва")
    assert query.startswith('("задерж"* OR "задёрж"*) AND ("москва" OR ') and query.endswith(")")
    assert {'"москвы"', '"москве"', '"москвой"', '"москві"'} <= set(query.split(" AND ")[1].strip("()").split(" OR "))
    assert fts_query('"a b" OR c') == '(- {forms} : "a b") OR "c"'
    assert fts_query("C++ (5)") == '"C" AND "5"'
    assert fts_query("") == ""


def test_list_sorting_and_ids(journal, sample):
    q = journal.queries
    ids = q.ids(sort="occurred", descending=True)
    summaries = q.summaries(ids)
    assert [summaries[i].uuid for i in ids] == [sample["court"], sample["kyiv"], sample["moscow"], sample["cafe"]]
    titles = [s.title for s in q.page(sort="title", descending=False)]
    assert titles == sorted(titles, key=str.casefold)


def test_decomposed_unicode_is_found(journal):
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Йосип з Київа, café")
    e = journal.entries.add(title=nfd)
    assert uuids(journal.queries.search("Йосип")) == {e.uuid}
    assert uuids(journal.queries.search(unicodedata.normalize("NFD", "Київа"))) == {e.uuid}


def test_emptied_trash_leaves_no_words_in_index(journal):
    e = journal.entries.add(title="safehouse petrovsky", body="unique-word-zyxw")
    journal.entries.move_to_trash(e.uuid)
    journal.entries.empty_trash()
    rows = journal.db.query("SELECT count(*) FROM entries_fts_data")
    blob = b"".join(r[0] or b"" for r in journal.db.query("SELECT block FROM entries_fts_data"))
    assert b"safehouse" not in blob and b"zyxw" not in blob and rows


def test_yo_and_ye_match_either_way(journal):
    with_yo = journal.entries.add(title="Семёнов задержан", body="ещё один").uuid
    without = journal.entries.add(title="Семенов отпущен").uuid
    assert uuids(journal.queries.search("Семенов")) == {with_yo, without}
    assert uuids(journal.queries.search("семёнов")) == {with_yo, without}
    assert uuids(journal.queries.search("семен*")) == {with_yo, without}
    assert uuids(journal.queries.search("еще")) == {with_yo}
    assert uuids(journal.queries.search("Семенов OR нет")) == {with_yo, without}


def _native_uuids(journal, text):
    """What FTS5's own prefix query finds (no expansion), newest first."""
    rows = journal.db.query(
        "SELECT e.uuid FROM entries_fts f JOIN entries e ON e.id = f.rowid "
        "WHERE entries_fts MATCH ? AND e.deleted_at IS NULL ORDER BY f.rowid DESC", (fts_query(text),))
    return [r[0] for r in rows]


@pytest.mark.parametrize("text", ["задерж*", "ЗАДЕРЖ*", "прот*", "caf*", "CAFÉ*", "семен*", "юзз*",
                                  "задерж* OR polic*", "задерж* протест*", '"задержаны трое" ОВД*',
                                  "ка*", "затрим*", "Київ*"])
def test_expanded_prefix_finds_exactly_what_fts5_prefix_finds(journal, text):
    from journal.records.search import expand_prefixes

    add = journal.entries.add
    add(title="Задержание у метро", body="Задержаны трое, задержанного доставили в ОВД", tags=["протест"])
    add(title="Café raid", body="Police searched the cafe and the café; policemen", place="Київ")
    add(title="Семёнов", body="протестующие, протестовал, затримання, Кафе")
    add(title="other", body="задерживать каталог")
    expanded = expand_prefixes(journal.db, "entries_fts", text)
    got = [h.uuid for h in journal.queries.search(text, limit=100)]
    assert got == _native_uuids(journal, text)
    if text in ("задерж*", "ЗАДЕРЖ*", "прот*"):
        assert "*" not in expanded  # whole terms, merged lazily
    if text == "ка*":
        assert expanded == fts_query(text)  # too short to expand


def test_prefix_with_too_many_completions_stays_a_prefix_query(journal, monkeypatch):
    import journal.records.search as search

    for i in range(6):
        journal.entries.add(title=f"word{i}x")
    monkeypatch.setattr(search, "MAX_PREFIX_TERMS", 5)
    assert search.expand_prefixes(journal.db, "entries_fts", "word*") == fts_query("word*")
    assert len(journal.queries.search("word*")) == 6
    monkeypatch.setattr(search, "MAX_PREFIX_TERMS", 6)
    assert "*" not in search.expand_prefixes(journal.db, "entries_fts", "word*")
    assert len(journal.queries.search("word*")) == 6


def test_expansion_follows_new_and_removed_terms(journal):
    first = journal.entries.add(title="zebrafish").uuid
    assert uuids(journal.queries.search("zebr*")) == {first}
    second = journal.entries.add(title="zebras").uuid
    assert uuids(journal.queries.search("zebr*")) == {first, second}
    journal.entries.update(first, title="nothing")
    assert uuids(journal.queries.search("zebr*")) == {second}


def test_search_all_expands_prefixes_per_index(journal):
    from journal.records.search_all import search_all

    e = journal.entries.add(title="Задержание", body="задержанный").uuid
    hits = search_all(journal.db, "задерж*")
    assert {h.uuid for h in hits if h.kind == "entry"} == {e}
    assert search_all(journal.db, "задерж*", order="rank")


def test_snippet_shape_window_and_ellipses(journal):
    words = [f"w{i}" for i in range(60)]
    words[30] = "Задержание"
    e = journal.entries.add(title="Title", body=" ".join(words) + ".")
    snippet = journal.queries.search("задержание")[0].snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    assert f"{HIGHLIGHT_START}Задержание{HIGHLIGHT_END}" in snippet
    assert len(snippet.replace("…", "").split()) == 16
    short = journal.entries.add(title="Полиция", body="").uuid
    hit = [h for h in journal.queries.search("полиция") if h.uuid == short][0]
    assert hit.snippet == f"{HIGHLIGHT_START}Полиция{HIGHLIGHT_END}"
    assert e.uuid


def test_snippet_phrase_prefix_and_word_boundaries(journal):
    journal.entries.add(body="незадержанные ушли; задержание, полиция приехала; задержанный")
    snippet = journal.queries.search('"задержание полиция" задерж*')[0].snippet
    assert f"{HIGHLIGHT_START}задержание{HIGHLIGHT_END}, {HIGHLIGHT_START}полиция{HIGHLIGHT_END}" in snippet
    assert f"{HIGHLIGHT_START}задержанный{HIGHLIGHT_END}" in snippet
    assert f"{HIGHLIGHT_START}незадержанные" not in snippet  # inside a word is no match


def test_snippet_falls_back_to_fts5_for_folded_diacritics(journal):
    journal.entries.add(title="Café raid", body="nothing else")
    [hit] = journal.queries.search("cafe")
    assert f"{HIGHLIGHT_START}Café{HIGHLIGHT_END}" in hit.snippet


def test_prefix_expansion_works_on_a_read_only_reader(journal):
    from journal.records.search import expand_prefixes

    e = journal.entries.add(title="Задержание", body="задержанный").uuid
    reader = journal.open_reader()
    assert "*" not in expand_prefixes(reader.db, "entries_fts", "задерж*")
    assert uuids(reader.queries.search("задерж*")) == {e}
    assert reader.db.query_one("PRAGMA query_only")[0] == 1
    with pytest.raises(sqlcipher3.DatabaseError, match="readonly"):
        reader.db.execute("DELETE FROM entries")


def _statements_during(db, work):
    seen: list[str] = []
    db.conn.set_trace_callback(seen.append)
    try:
        result = work()
    finally:
        db.conn.set_trace_callback(None)
    return seen, result


@pytest.mark.parametrize("side", ["writer", "reader"])
def test_vocabulary_tables_are_made_once_and_follow_later_saves(journal, side):
    """The temp vocabulary tables are fts5vocab tables: they read the index live, so they are
    made once per connection and still see words committed afterwards (not rebuilt per commit)."""
    from journal.records.search import expand_prefixes

    first = journal.entries.add(title="zebrafish").uuid
    view = journal if side == "writer" else journal.open_reader()
    assert uuids(view.queries.search("zebr*")) == {first}  # (found by verification: no vocabulary)
    expand_prefixes(view.db, "entries_fts", "zebr*")  # the vocabulary tables, made once here
    second = journal.entries.add(title="zebras").uuid
    journal.entries.update(first, title="zebroid")
    statements, expanded = _statements_during(view.db, lambda: expand_prefixes(view.db, "entries_fts", "zebr*"))
    assert not [s for s in statements if "CREATE" in s.upper()]
    assert '"zebras"' in expanded and '"zebroid"' in expanded and '"zebrafish"' not in expanded
    assert uuids(view.queries.search("zebr*")) == {first, second}


def test_vocabulary_tables_dropped_by_a_rollback_are_made_again(journal):
    from journal.records.search import expand_prefixes

    journal.entries.add(title="zebrafish")
    with pytest.raises(RuntimeError):
        with journal.db.transaction() as db:
            assert "*" not in expand_prefixes(db, "entries_fts", "zebr*")  # made inside the transaction
            raise RuntimeError("rolled back: so are the temp tables made inside it")
    assert journal.db.temp_tables == set()
    assert "*" not in expand_prefixes(journal.db, "entries_fts", "zebr*")  # made again, still expands
    assert journal.db.temp_tables == {"temp.entries_fts_terms"}


def test_date_ranges_keep_entries_at_the_far_ends_of_the_world_and_added_out_of_order(journal):
    """Date filters compare the local date at the place; the UTC bounds (entries_list) and the
    id range a search adds (search.entry_id_range) only narrow what is read, never what is found:
    a March entry at 00:30 in Kiribati (UTC+14, still February in UTC) and at 23:30 in Baker
    Island (UTC-12, already April in UTC), a date-only one, and one added after April's."""
    from journal.records.search_all import search_all, search_all_count

    store = journal.entries
    before = store.add(title="протокол февраль", occurred_at="2024-02-29T20:00", occurred_tz="Europe/Moscow")
    kiribati = store.add(title="протокол Кирибати", occurred_at="2024-03-01T00:30", occurred_tz="Pacific/Kiritimati")
    store.add(title="протокол апрель", occurred_at="2024-04-02T12:00", occurred_tz="Europe/Moscow")
    baker = store.add(title="протокол Бейкер", occurred_at="2024-03-31T23:30", occurred_tz="Etc/GMT+12")
    date_only = store.add(title="протокол без времени", occurred_at="2024-03-15")
    late = store.add(title="протокол добавлен позже", occurred_at="2024-03-10T10:00+03:00")
    undated = store.add(title="протокол без даты")
    march = EntryFilter(date_from="2024-03-01", date_to="2024-03-31")
    expected = {kiribati.uuid, baker.uuid, date_only.uuid, late.uuid}
    q = journal.queries
    assert {s.uuid for s in q.page(march)} == expected
    assert q.count(march) == 4 and len(q.ids(march)) == 4
    assert {h.uuid for h in q.search("протокол", march)} == expected
    assert q.search_count("протокол", march) == 4
    assert {h.uuid for h in search_all(journal.db, "протокол", flt=march)} == expected
    assert search_all_count(journal.db, "протокол", flt=march)["entry"] == 4
    # One-sided ranges, and a range holding nothing.
    assert {h.uuid for h in q.search("протокол", EntryFilter(date_to="2024-02-29"))} == {before.uuid}
    assert undated.uuid not in {h.uuid for h in q.search("протокол", EntryFilter(date_from="2024-01-01"))}
    assert q.search("протокол", EntryFilter(date_from="2030-01-01")) == []
    assert q.search_count("протокол", EntryFilter(date_from="2030-01-01")) == 0


def test_a_date_range_reads_only_its_stretch_of_the_list_index(journal):
    """The ids, count and page of a date range seek entries_list by UTC time instead of
    scanning it (1M entries: bench/bench_search.py)."""
    where, params = EntryFilter(date_from="2024-03-01", date_to="2024-03-31").where(by_utc=True)
    plan = " ".join(str(row[-1]) for row in journal.db.query(
        f"EXPLAIN QUERY PLAN SELECT e.id FROM entries e WHERE {where} ORDER BY e.occurred_utc DESC NULLS LAST, e.id DESC",
        params))
    assert "entries_list" in plan and "occurred_utc>? AND occurred_utc<?" in plan, plan


def _prefix_corpus(journal):
    """Entries whose words share 3-letter beginnings, so a long prefix's candidates (its first 3
    letters) are partly other words: задача, задний, заданием beside задержали, задёржка, ЗАДЕРЖАН."""
    words = ["задержали", "задача", "задний", "заданием", "задёржка", "ЗАДЕРЖАН", "суд", "протест", "судья"]
    made = []
    for i in range(60):
        chosen = [words[(i * k + k) % len(words)] for k in (1, 2, 3)]
        made.append(journal.entries.add(
            title=f"запись {i}", body=" ".join(chosen) + (" detained" if i % 7 == 0 else ""),
            category="detention" if i % 3 else "court_hearing",
            occurred_at=f"2024-0{1 + i % 6}-1{i % 10}", status="draft" if i % 2 else "final"))
    return made


@pytest.mark.parametrize("text", ["задерж*", "задёрж*", "ЗАДЕРЖА*", "суд задерж*", "задерж* OR протест",
                                  "задерж* судь*", '"задний" задерж*', "detai*", "задача*"])
@pytest.mark.parametrize("flt", [EntryFilter(), EntryFilter(category="detention"),
                                 EntryFilter(date_from="2024-02-01", date_to="2024-04-30", status="draft")])
def test_long_prefixes_found_by_verification_are_what_the_expansion_finds(journal, monkeypatch, text, flt):
    """Search newest first with a prefix longer than the prefix indexes checks candidate rows in a
    small FTS5 table (search.VERIFY_BATCH); every page is what expanding the prefix gives."""
    import journal.records.search as search_mod

    _prefix_corpus(journal)
    monkeypatch.setattr(search_mod, "VERIFY_BATCH", 4)  # many batches over 60 entries
    monkeypatch.setattr(search_mod, "VERIFY_BATCHES", 100)
    calls = []
    real = search_mod._verified_prefix_ids
    monkeypatch.setattr(search_mod, "_verified_prefix_ids", lambda *a: calls.append(r := real(*a)) or r)
    pages = [[(h.id, h.snippet) for h in journal.queries.search(text, flt, limit=7, offset=o)] for o in (0, 7, 14, 70)]
    assert calls and all(c is not None for c in calls)  # the verified way answered every page
    monkeypatch.setattr(search_mod, "_verified_prefix_ids", lambda *a: None)
    expected = [[(h.id, h.snippet) for h in journal.queries.search(text, flt, limit=7, offset=o)] for o in (0, 7, 14, 70)]
    assert pages == expected
    assert pages[0] or flt != EntryFilter()  # every query finds something without a filter


def test_a_long_prefix_gives_up_verifying_when_candidates_are_other_words(journal, monkeypatch):
    """Few candidates that match (задача, задний... for задерж*): after VERIFY_BATCHES batches
    the search expands the prefix instead, and finds the same."""
    import journal.records.search as search_mod

    made = _prefix_corpus(journal)
    monkeypatch.setattr(search_mod, "VERIFY_BATCH", 2)
    monkeypatch.setattr(search_mod, "VERIFY_BATCHES", 1)
    results = []
    real = search_mod._verified_prefix_ids
    monkeypatch.setattr(search_mod, "_verified_prefix_ids", lambda *a: results.append(r := real(*a)) or r)
    hits = journal.queries.search("задерж*", limit=50)
    assert results == [None]  # gave up: the expansion answered
    expected = {e.id for e in made if "задерж" in e.body.lower().replace("ё", "е")}
    assert {h.id for h in hits} == expected and expected
    assert all(search_mod.HIGHLIGHT_START in h.snippet for h in hits)
    assert journal.db.query("SELECT count(*) FROM temp.journal_prefix_check_rows")[0][0] == 0  # nothing left in memory
