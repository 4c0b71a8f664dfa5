"""Field notes: fields, validation, revisions and their hash chain, trash."""

import json
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.records.entries import (GENESIS_HASH, pack_revision_content,
                             unpack_revision_content)
from journal.errors import InvalidInput, NotFound
from journal.records.search import EntryFilter


def test_all_fields_round_trip(journal):
    e = journal.entries.add(
        title="Задержание у станции метро", body="Трое задержаны.\nОВД «Тверской».",
        occurred_at="2024-03-05T14:10", occurred_tz="Europe/Moscow", occurred_end="2024-03-05T18:00",
        place="Пушкинская площадь", latitude=55.765, longitude=37.606, category="detention",
        tags=["протест", "Москва", "протест"], status="final", source="witnessed",
    )
    got = journal.entries.get(e.uuid)
    assert got.occurred_at == "2024-03-05T14:10+03:00"
    assert got.occurred_end == "2024-03-05T18:00+03:00"
    assert got.tags == ["Москва", "протест"]
    assert (got.latitude, got.longitude) == (55.765, 37.606)
    assert got.status == "final" and got.source == "witnessed" and got.category == "detention"
    assert got.recorded_at and got.updated_at and got.revision == 1


def test_date_only_when_time_unknown(journal):
    e = journal.entries.add(title="x", occurred_at="2023-11-02")
    assert journal.entries.get(e.uuid).occurred_at == "2023-11-02"


@pytest.mark.parametrize("bad", [
    {"status": "done"}, {"source": "rumour"}, {"category": "nope"}, {"latitude": 91, "longitude": 0},
    {"latitude": 10}, {"occurred_at": "yesterday"}, {"occurred_tz": "Mars/Olympus"}, {"title": "a\x00b"},
])
def test_invalid_values_rejected(journal, bad):
    with pytest.raises(InvalidInput):
        journal.entries.add(title="t", **{k: v for k, v in bad.items() if k != "title"}) if "title" not in bad \
            else journal.entries.add(**bad)
    assert journal.queries.count() == 0


def test_revisions_chain_and_noop_save(journal):
    e = journal.entries.add(title="v1", body="first")
    journal.entries.update(e.uuid, body="second")
    same = journal.entries.update(e.uuid, body="second")  # autosave with no change
    assert same.revision == 2
    journal.entries.update(e.uuid, title="v3")
    history = journal.entries.history(e.uuid)
    assert [r.number for r in history] == [1, 2, 3]
    assert history[0].prev_hash == GENESIS_HASH
    assert history[1].content["body"] == "second" and history[0].content["body"] == "first"
    assert journal.verify() == []


def _documented_hash(prev: str, content: str) -> str:
    """docs/formats.md: hash_n = hex(SHA-256(hash_{n-1} + "\\n" + content_n)), hash_0 = "0" x 64."""
    import hashlib

    return hashlib.sha256(prev.encode("utf-8") + b"\n" + content.encode("utf-8")).hexdigest()


def _documented_canonical(obj: dict) -> str:
    """docs/formats.md: sorted keys, no whitespace, UTF-8 without escaping non-ASCII."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def test_revision_chain_matches_the_documented_formula(journal):
    """Recomputed from docs/formats.md alone (not with the app's own chain_hash/canonical_json)."""
    e = journal.entries.add(title="v1 Задержание", body="first", tags=["b", "a"])
    journal.entries.update(e.uuid, body="second «ОВД»")
    journal.entries.update(e.uuid, title="v3", status="final")
    base = {"uuid": e.uuid, "title": "v1 Задержание", "body": "first", "occurred_at": None, "occurred_tz": None,
            "occurred_end": None, "place": "", "latitude": None, "longitude": None, "category": None,
            "tags": ["a", "b"], "status": "draft", "source": None}
    expected = [base, base | {"body": "second «ОВД»"}, base | {"body": "second «ОВД»", "title": "v3",
                                                                 "status": "final"}]
    rows = journal.db.query("SELECT number, content, prev_hash, hash FROM revisions WHERE entry_id = ? "
                            "ORDER BY number", (e.id,))
    assert [r[0] for r in rows] == [1, 2, 3]
    prev = "0" * 64
    for (number, stored, prev_hash, digest), content in zip(rows, expected, strict=True):
        text = zlib.decompress(stored).decode("utf-8") if isinstance(stored, bytes) else stored
        assert text == _documented_canonical(content), f"revision {number} is not the documented canonical JSON"
        assert prev_hash == prev
        assert digest == _documented_hash(prev, text), f"revision {number}: hash is not the documented formula"
        prev = digest
    (current,) = journal.db.query_one("SELECT revision_hash FROM entries WHERE id = ?", (e.id,))
    assert current == prev
    # A known answer (computed once with sha256sum), so the helper itself cannot drift.
    assert _documented_hash("0" * 64, '{"a":"б"}') == "127cd1ba5a3d662c84748663f3bf775485d9021dc8bae784aca20251658da0a7"


def test_tampering_is_detected(journal):
    e = journal.entries.add(title="honest", body="what happened")
    journal.entries.update(e.uuid, body="what really happened")
    journal.db.execute("UPDATE entries SET body = 'rewritten' WHERE uuid = ?", (e.uuid,))
    assert any("differs from its last revision" in p for p in journal.verify())
    (stored,) = journal.db.query_one("SELECT content FROM revisions WHERE number = 1")
    forged = pack_revision_content(unpack_revision_content(stored).replace("what happened", "nothing"))
    journal.db.execute("UPDATE revisions SET content = ? WHERE number = 1", (forged,))
    assert any("revision 1 was altered" in p for p in journal.verify())


def test_revision_content_is_stored_compressed_and_old_text_rows_still_read(journal):
    e = journal.entries.add(title="Задержание", body="Трое задержаны " * 50)
    (stored,) = journal.db.query_one("SELECT content FROM revisions WHERE entry_id = ?", (e.id,))
    assert isinstance(stored, bytes) and len(stored) < 300
    assert json.loads(zlib.decompress(stored).decode("utf-8")) == e.content()
    # A row saved before schema 9 holds the canonical JSON as TEXT: read and verified alike.
    journal.db.execute("UPDATE revisions SET content = ? WHERE entry_id = ?", (unpack_revision_content(stored), e.id))
    journal.entries.update(e.uuid, body="Четверо")
    kinds = journal.db.query("SELECT typeof(content) FROM revisions WHERE entry_id = ? ORDER BY number", (e.id,))
    assert kinds == [("text",), ("blob",)]
    assert [r.content["body"] for r in journal.entries.history(e.uuid)] == ["Трое задержаны " * 50, "Четверо"]
    assert journal.verify() == []


def test_damaged_revision_content_is_a_clear_error(journal):
    from journal.errors import CorruptDatabase

    e = journal.entries.add(title="x", body="y")
    journal.db.execute("UPDATE revisions SET content = X'00112233' WHERE entry_id = ?", (e.id,))
    assert any("revision 1 was altered" in p for p in journal.verify())
    with pytest.raises(CorruptDatabase, match="journal verify"):
        journal.entries.history(e.uuid)


def test_deleting_a_revision_is_detected(journal):
    e = journal.entries.add(title="a")
    journal.entries.update(e.uuid, title="b")
    journal.entries.update(e.uuid, title="c")
    journal.db.execute("DELETE FROM revisions WHERE number = 2")
    problems = journal.verify()
    assert any("missing" in p for p in problems)


def test_trash_restore_empty(journal):
    keep = journal.entries.add(title="keep")
    gone = journal.entries.add(title="gone")
    journal.entries.move_to_trash(gone.uuid)
    assert journal.queries.count() == 1
    assert journal.queries.count(EntryFilter(trash=True)) == 1
    with pytest.raises(InvalidInput):
        journal.entries.update(gone.uuid, title="edit in trash")
    journal.entries.restore(gone.uuid)
    assert journal.queries.count() == 2
    journal.entries.move_to_trash(gone.uuid)
    assert journal.entries.empty_trash() == 1
    with pytest.raises(NotFound):
        journal.entries.get(gone.uuid)
    assert journal.entries.get(keep.uuid).title == "keep"
    assert journal.db.query_one("SELECT count(*) FROM revisions")[0] == 1


def test_unknown_id(journal):
    with pytest.raises(NotFound):
        journal.entries.get("00000000-0000-0000-0000-000000000000")


def test_short_id_prefix(journal):
    e = journal.entries.add(title="prefix")
    assert journal.entries.get(e.uuid[:8]).uuid == e.uuid


def test_categories_seeded_and_editable(journal):
    keys = [k for k, _ in journal.entries.categories()]
    assert keys[:3] == ["detention", "police_violence", "search"]
    assert {"court_hearing", "mobilization", "border", "threat", "conscientious_objection", "other"} <= set(keys)
    journal.entries.add_category("Hospital visit", "Hospital visit")
    assert "hospital_visit" in [k for k, _ in journal.entries.categories()]


text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=300)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=text.map(lambda t: t[:500]), body=text, place=text.map(lambda t: t[:1000]),
       tags=st.lists(text.map(lambda t: t[:100]), max_size=5))
def test_arbitrary_unicode_round_trips(journal, title, body, place, tags):
    import unicodedata

    e = journal.entries.add(title=title, body=body, place=place, tags=tags)
    got = journal.entries.get(e.uuid)
    # Text is stored in Unicode NFC (canonically equivalent: the same characters for
    # every reader and for search), so that is what comes back.
    nfc = [unicodedata.normalize("NFC", t) for t in (title, body, place)]
    assert (got.title, got.body, got.place) == tuple(nfc)
    assert got.tags == e.tags
    assert journal.entries.history(e.uuid)[-1].content == got.content()


def test_add_many_matches_add(journal):
    from journal.errors import Cancelled

    items = [{"title": f"Задержание {i}", "body": "ОВД протокол", "tags": ["протест", f"t{i % 3}"],
              "occurred_at": f"2024-03-{1 + i % 28:02d}"} for i in range(300)]
    assert journal.entries.add_many(items) == 300
    assert journal.queries.count() == 300
    assert journal.queries.search_count("задерж*") == 300
    assert journal.verify() == []
    single = journal.entries.add(title="one more", body="протокол")
    assert journal.queries.search_count("протокол") == 301 and single.revision == 1
    # Cancel rolls back everything, and the insert trigger is back in place.
    with pytest.raises(Cancelled):
        journal.entries.add_many(iter(items), cancel=lambda: True)
    assert journal.queries.count() == 301
    journal.entries.add(title="indexed by trigger")
    assert journal.queries.search_count("trigger") == 1
    with pytest.raises(InvalidInput):
        journal.entries.add_many([{"title": "ok"}, {"title": "bad", "status": "nope"}])
    assert journal.queries.count() == 302 and journal.verify() == []


def test_add_many_batches_match_add_exactly(journal):
    """The bulk path (JSON batches on a worker thread) stores what `add` stores, value for value."""
    values = [
        {"title": "Задержание\x01 «Тверской»", "body": "тело\nс переводом строки\t и ё", "place": "Кафе \"Ёлка\"",
         "latitude": -0.0, "longitude": 37.606, "occurred_at": "2024-03-05T14:10", "occurred_tz": "Europe/Moscow",
         "occurred_end": "2024-03-05T18:00", "category": "detention", "tags": ["протест", "b\\c"], "status": "final",
         "source": "witnessed"},
        {"title": "no date", "body": "", "latitude": 1e-7, "longitude": -179.99999999999997},
        {"title": "date only", "occurred_at": "2023-11-02", "tags": []},
    ] * 5
    assert journal.entries.add_many(values, batch=4) == len(values)
    bulk_uuids = [row[0] for row in journal.db.query("SELECT uuid FROM entries ORDER BY id")]
    singles = [journal.entries.add(**v) for v in values]
    for bulk_uuid, single in zip(bulk_uuids, singles, strict=True):
        bulk, stored = journal.entries.get(bulk_uuid), journal.entries.get(single.uuid)
        assert {**bulk.content(), "uuid": None} == {**stored.content(), "uuid": None}
        assert bulk.id < stored.id and bulk.revision == stored.revision == 1
        assert journal.entries.history(bulk_uuid)[0].content == bulk.content()
    assert journal.verify() == []
    assert journal.queries.search_count("переводом") == 10
    assert journal.queries.search_count("Тверской") == 10


def test_add_many_leaves_no_bulk_settings_behind(journal):
    db = journal.db
    cache_before = db.query_one("PRAGMA cache_size")[0]
    config_before = db.query("SELECT k, v FROM entries_fts_config ORDER BY k")
    journal.entries.add_many([{"title": f"t{i}", "body": "слово"} for i in range(50)], batch=7)
    assert db.query_one("PRAGMA cache_size")[0] == cache_before
    assert db.query("SELECT k, v FROM entries_fts_config ORDER BY k") == config_before
    assert db.query("SELECT count(*) FROM sqlite_master WHERE name = 'entries_fts_ai'") == [(1,)]
    with pytest.raises(InvalidInput):  # fails in a later batch, after earlier ones were written
        journal.entries.add_many([{"title": f"t{i}"} for i in range(30)] + [{"title": "bad", "status": "nope"}],
                                 batch=7)
    assert db.query_one("PRAGMA cache_size")[0] == cache_before
    assert db.query("SELECT k, v FROM entries_fts_config ORDER BY k") == config_before
    assert journal.queries.count() == 50 and journal.verify() == []
    # A cancel after several batches were handed to the writer thread rolls them all back.
    from journal.errors import Cancelled

    seen = []
    with pytest.raises(Cancelled):
        journal.entries.add_many(({"title": f"c{i}", "body": "отмена"} for i in range(100)), batch=5,
                                 progress=lambda done, _total: seen.append(done),
                                 cancel=lambda: len(seen) >= 4)
    assert seen[:4] == [5, 10, 15, 20]
    assert journal.queries.count() == 50 and journal.queries.search_count("отмена") == 0
    assert journal.verify() == []


def test_add_many_write_error_on_the_worker_rolls_back_every_batch(journal):
    """A failure inside the writer thread (here a duplicate uuid) reaches the caller; nothing stays."""
    import sqlcipher3

    from journal.records.entries import Entry

    first = journal.entries.add(title="already here")
    items = [{"title": f"b{i}", "body": "пакет"} for i in range(12)] + [Entry(uuid=first.uuid, title="dup")]
    with pytest.raises(sqlcipher3.IntegrityError):
        journal.entries.add_many(items, batch=5)
    assert journal.queries.count() == 1 and journal.queries.search_count("пакет") == 0
    assert journal.verify() == []
    assert journal.entries.add_many([{"title": "after", "body": "пакет"}]) == 1
    assert journal.queries.search_count("пакет") == 1


def test_gil_handoff_nests_and_restores_the_interval():
    import sys

    from journal.gil import quick_gil_handoff

    before = sys.getswitchinterval()
    with quick_gil_handoff(0.0005):
        assert sys.getswitchinterval() == pytest.approx(min(before, 0.0005))
        with quick_gil_handoff(0.0001):
            assert sys.getswitchinterval() == pytest.approx(min(before, 0.0001))
        assert sys.getswitchinterval() == pytest.approx(min(before, 0.0005))  # the outer's again
    assert sys.getswitchinterval() == pytest.approx(before)


def test_add_many_restores_a_cache_size_given_in_pages(journal):
    journal.db.execute("PRAGMA cache_size = 500")  # positive: pages, not KiB
    journal.entries.add_many([{"title": "one"}])
    assert journal.db.query_one("PRAGMA cache_size")[0] == 500


def test_insert_rows_is_executemany_in_fewer_statements():
    """journal/storage/bulk.insert_rows: the same rows, in the same order, as executemany, for
    any count (a full statement, a remainder, one row, none) and for INSERT OR REPLACE."""
    import sqlite3

    from journal.storage.bulk import MAX_BOUND_PER_STATEMENT, insert_rows

    per_statement = MAX_BOUND_PER_STATEMENT // 3
    for count in (0, 1, per_statement, per_statement + 1, 3 * per_statement + 7):
        rows = [(i, f"t{i}", None if i % 5 else b"\x00blob") for i in range(count)]
        expected, got = sqlite3.connect(":memory:"), sqlite3.connect(":memory:")
        for conn in (expected, got):
            conn.execute("CREATE TABLE t (seq INTEGER PRIMARY KEY AUTOINCREMENT, id, text, data)")
        expected.executemany("INSERT INTO t (id, text, data) VALUES (?, ?, ?)", rows)
        insert_rows(got, "INSERT INTO t (id, text, data) VALUES (?, ?, ?)", rows)
        assert got.execute("SELECT * FROM t").fetchall() == expected.execute("SELECT * FROM t").fetchall()
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE f (id INTEGER PRIMARY KEY, forms TEXT)")
    insert_rows(conn, "INSERT OR REPLACE INTO f (id, forms) VALUES (?, ?)", [(1, "a"), (2, "b"), (1, "c")])
    assert conn.execute("SELECT * FROM f ORDER BY id").fetchall() == [(1, "c"), (2, "b")]


def test_add_many_keeps_english_stems_only_and_finds_every_form(journal):
    """Word forms (journal/wordforms.py): the index keeps English stems; a text without Latin
    letters gets no forms row at all; Russian forms are found through the query."""
    items = [{"title": f"Задержания {i}", "body": "Повестки вручали"} for i in range(120)]
    items += [{"title": f"Protesters {i}", "body": "were detained"} for i in range(80)]
    assert journal.entries.add_many(items, batch=60) == 200
    stored = dict(journal.db.query("SELECT e.title, w.forms FROM entries e JOIN entry_word_forms w ON w.id = e.id"))
    assert len(stored) == 80 and all(set(forms.split()) == {"protest", "detain"} for forms in stored.values())
    assert journal.queries.search_count("задержание") == 120
    assert journal.queries.search_count("повестка") == 120
    assert journal.queries.search_count("detain") == 80
    assert journal.queries.search_count("protester") == 80
    assert journal.verify() == []


def test_move_many_to_trash_and_restore_many(journal):
    """The list's selection moved at once (Del on several rows) and brought back (Undo): one
    transaction each, row ids in and out; entries already there (or gone) are passed over."""
    made = [journal.entries.add(title=f"Задержание {i}") for i in range(1203)]  # over two statements' ids
    ids = [e.id for e in made]
    journal.entries.move_to_trash(made[0].uuid)
    moved = journal.entries.move_many_to_trash([*ids, 999_999])
    assert moved == ids[1:]
    assert journal.queries.count(EntryFilter(trash=True)) == 1203 and journal.queries.count() == 0
    revisions_before = journal.db.query("SELECT count(*) FROM revisions")[0][0]
    assert journal.entries.restore_many(moved[:600] + [999_999]) == moved[:600]
    assert journal.queries.count() == 600 and journal.queries.search_count("задержание") == 600
    assert journal.entries.restore_many(moved[:600]) == []  # not in the trash any more
    assert journal.db.query("SELECT count(*) FROM revisions")[0][0] == revisions_before  # no new versions
    assert journal.verify() == []
