"""Prefix indexes of schema 15 (issue 20): `за*` and `зад*` are answered from FTS5 prefix
indexes; an existing journal gets the new index at once when small, else built beside the
old one in the background (resumable, cancellable, crash-safe) and swapped in at the end."""

import shutil
from pathlib import Path

import pytest

from journal.errors import Cancelled
from journal.records.search import EntryFilter, expand_prefixes
from journal.records.search_all import search_all
from journal.records.search_index import (fill_word_forms, fill_word_forms_step, index_build_pending,
                                          pending_word_forms)
from journal.storage import migrations
from journal.storage.migrations import m015_prefix_index as m015
from journal.storage.vault import Journal

FIXTURES = Path(__file__).parent / "fixtures"
PASSPHRASE = "fixture passphrase"

WORDS = ["задержание", "задержали", "заявление", "зал", "за", "зубы", "Закон", "загс", "Зёрна", "залог"]


def _fts_sql(journal, name="entries_fts"):
    row = journal.db.query_one("SELECT sql FROM sqlite_master WHERE name = ?", (name,))
    return row[0] if row else None


def _found(journal, text):
    return sorted(h.title for h in journal.queries.search(text, EntryFilter(), limit=500))


def _expected(journal, prefix):
    """Titles of live entries with a word starting with `prefix` (case-folded), by Python."""
    import re

    out = []
    for title, body in journal.db.query("SELECT title, body FROM entries WHERE deleted_at IS NULL"):
        words = re.findall(r"[^\W_]+", f"{title} {body}".lower().replace("ё", "е"))
        if any(w.startswith(prefix) for w in words):
            out.append(title)
    return sorted(out)


def _fill(journal, n=0):
    journal.entries.add_many([{"title": f"{w} {i}", "body": f"текст {w} номер {i}"}
                              for i in range(n, n + 3) for w in WORDS])


def test_new_journal_index_has_prefix_indexes_and_short_prefixes_match(journal):
    assert "prefix = '2 3'" in _fts_sql(journal)
    _fill(journal)
    journal.entries.add(title="Заря", body="одно слово")
    for prefix in ("за", "зад", "зал", "зу", "задерж"):
        assert _found(journal, prefix + "*") == _expected(journal, prefix), prefix
    # Two and three letters stay FTS5 prefix queries (the prefix index); longer ones are expanded.
    assert expand_prefixes(journal.db, "entries_fts", "за*") == '"за"*'
    assert expand_prefixes(journal.db, "entries_fts", "зал*") == '"зал"*'
    assert expand_prefixes(journal.db, "entries_fts", "залог*").startswith('("залог"')
    assert journal.verify() == []


def _old_journal(tmp_path, monkeypatch, big=True):
    work = tmp_path / "v14"
    shutil.copytree(FIXTURES / "journal_v14", work)
    if big:  # the fixture is small: make the migration take the background path
        monkeypatch.setattr(m015, "REBUILD_AT_ONCE", 0)
    return work


def test_small_journal_gets_the_new_index_in_the_migration(tmp_path, monkeypatch):
    work = _old_journal(tmp_path, monkeypatch, big=False)
    with Journal.open(work, PASSPHRASE) as journal:
        assert migrations.schema_version(journal.db.conn) == 15
        assert not index_build_pending(journal.db)
        assert "prefix = '2 3'" in _fts_sql(journal)
        assert _found(journal, "задерж*") == ["Задержание у метро"]
        assert journal.verify() == []


def test_large_journal_builds_the_index_in_the_background_while_saves_go_on(tmp_path, monkeypatch):
    import journal.records.search_index as search_index

    work = _old_journal(tmp_path, monkeypatch)
    monkeypatch.setattr(search_index, "BUILD_BATCH", 2)
    with Journal.open(work, PASSPHRASE) as journal:
        assert index_build_pending(journal.db)
        assert _fts_sql(journal, "entries_fts_next") and "prefix" not in _fts_sql(journal)
        assert pending_word_forms(journal.db) > 0
        # Search uses the old, complete index meanwhile.
        assert _found(journal, "задерж*") == ["Задержание у метро"]
        _fill(journal)                                               # add_many during the build
        fresh = journal.entries.add(title="Зарево", body="после миграции")  # a save (trigger)
        old = journal.db.query_one("SELECT uuid FROM entries WHERE title = 'Задержание у метро'")[0]
        fill_word_forms_step(journal.db)                             # one batch: newest records
        assert index_build_pending(journal.db)
        # Edits above and below the mark, a delete, an emptied trash: both indexes follow.
        journal.entries.update(fresh.uuid, body="заново переписано")
        journal.entries.update(old, body="Пятеро задержаны, залог назначен")
        gone = journal.db.query_one("SELECT uuid FROM entries WHERE title = 'зал 0'")[0]
        journal.entries.move_to_trash(gone)
        journal.entries.empty_trash()
        assert journal.verify() == []
        fill_word_forms(journal.db)
        assert not index_build_pending(journal.db) and pending_word_forms(journal.db) == 0
        assert _fts_sql(journal, "entries_fts_next") is None and "prefix = '2 3'" in _fts_sql(journal)
        assert journal.db.query("SELECT * FROM search_index_builds") == []
        for prefix in ("за", "зал", "залог", "пят", "зан"):
            assert _found(journal, prefix + "*") == _expected(journal, prefix), prefix
        assert _found(journal, "залог") == _expected(journal, "залог")
        assert "Задержание у метро" in [h.title for h in search_all(journal.db, "задержание", limit=100)]
        assert journal.verify() == []
        journal.entries.add(title="Заплыв", body="после замены индекса")
        assert "Заплыв" in _found(journal, "зап*")
        assert journal.verify() == []


def test_index_build_is_cancellable_resumes_and_survives_a_crash(tmp_path, monkeypatch):
    import journal.records.search_index as search_index

    work = _old_journal(tmp_path, monkeypatch)
    monkeypatch.setattr(search_index, "BUILD_BATCH", 1)
    with Journal.open(work, PASSPHRASE) as journal:
        calls = []

        def cancel():
            calls.append(1)
            return len(calls) > 4

        with pytest.raises(Cancelled):
            fill_word_forms(journal.db, cancel=cancel)
        assert index_build_pending(journal.db)
        middle = pending_word_forms(journal.db)
        assert journal.verify() == []

        # A crash inside a batch (here: the swap at the very end) rolls back that batch only.
        real = search_index._finish_build

        def dying(db):
            real(db)
            raise RuntimeError("power cut")

        monkeypatch.setattr(search_index, "_finish_build", dying)
        with pytest.raises(RuntimeError):
            fill_word_forms(journal.db)
        assert index_build_pending(journal.db)
        assert 0 < pending_word_forms(journal.db) <= middle
        assert _fts_sql(journal, "entries_fts_next") is not None
        assert journal.verify() == []
        monkeypatch.setattr(search_index, "_finish_build", real)
    with Journal.open(work, PASSPHRASE) as journal:  # the next open resumes
        assert index_build_pending(journal.db)
        fill_word_forms(journal.db)
        assert not index_build_pending(journal.db)
        assert _found(journal, "задерж*") == ["Задержание у метро"]
        assert journal.verify() == []


def test_repair_during_the_build_finishes_it(tmp_path, monkeypatch):
    work = _old_journal(tmp_path, monkeypatch)
    with Journal.open(work, PASSPHRASE) as journal:
        assert index_build_pending(journal.db)
        journal.entries.rebuild_search_index()
        assert not index_build_pending(journal.db)
        assert "prefix = '2 3'" in _fts_sql(journal)
        assert _found(journal, "задерж*") == ["Задержание у метро"]
        assert journal.verify() == []


def test_journal_from_before_word_forms_fills_forms_first_then_builds(tmp_path, monkeypatch):
    work = tmp_path / "v10"
    shutil.copytree(FIXTURES / "journal_v10", work)
    monkeypatch.setattr(m015, "REBUILD_AT_ONCE", 0)
    with Journal.open(work, PASSPHRASE) as journal:
        assert index_build_pending(journal.db)
        assert fill_word_forms(journal.db) > 0
        assert not index_build_pending(journal.db) and pending_word_forms(journal.db) == 0
        assert [h.title for h in journal.queries.search("задержать")] == ["Задержание у метро"]
        assert _found(journal, "зад*") == ["Задержание у метро"]
        assert journal.verify() == []
