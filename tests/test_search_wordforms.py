"""Word forms (issue 20): a query word finds every form of it in Russian, Ukrainian and English;
phrases stay exact; prefixes still work; snippets highlight the forms; old journals are filled in."""

import shutil
from pathlib import Path

import pytest

from journal.errors import Cancelled
from journal.records.search import EntryFilter, nothing_found_hints, plain_snippet
from journal.records.search_all import search_all
from journal.records.search_index import fill_word_forms, pending_word_forms
from journal.storage import migrations
from journal.storage.vault import Journal
from journal.wordforms import normal_forms, surface_forms, text_forms

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def texts(journal):
    add = journal.entries.add
    return {
        "ru": add(title="Задержания продолжались", body="Задержанными оказались студенты; Повестки вручали у метро").uuid,
        "uk": add(title="Затримання біля ТЦК", body="Чоловікам вручили повістки на вулиці").uuid,
        "en": add(title="Protesters detained", body="Police were detaining people near the station").uuid,
        "other": add(title="Погода", body="Дождь и ветер весь день").uuid,
    }


def found(journal, text, **flt):
    return {h.uuid for h in journal.queries.search(text, EntryFilter(**flt))}


def test_dictionary_form_finds_every_form_in_three_languages(journal, texts):
    assert found(journal, "задержание") == {texts["ru"]}      # "Задержания"
    assert found(journal, "задержанный") == {texts["ru"]}     # "Задержанными"
    assert found(journal, "повестка") == {texts["ru"]}        # "Повестки"
    assert found(journal, "повістка") == {texts["uk"]}        # "повістки"
    assert found(journal, "чоловік") == {texts["uk"]}         # "Чоловікам"
    assert found(journal, "detain") == {texts["en"]}          # "detained", "detaining"
    assert found(journal, "protester") == {texts["en"]}       # "Protesters"
    # Every word of the query must match, each in any of its forms.
    assert found(journal, "повестка студент") == {texts["ru"]}
    assert found(journal, "повестка чоловік") == set()


def test_the_exact_form_still_matches(journal, texts):
    assert found(journal, "Задержания") == {texts["ru"]}
    assert found(journal, "detained") == {texts["en"]}


def test_phrases_stay_exact(journal, texts):
    assert found(journal, '"Задержания продолжались"') == {texts["ru"]}
    assert found(journal, '"задержание продолжаться"') == set()   # normal forms are not phrases
    assert found(journal, '"повестка"') == set()


def test_prefixes_still_work(journal, texts):
    assert found(journal, "задерж*") == {texts["ru"]}
    assert found(journal, "затрим*") == {texts["uk"]}
    assert found(journal, "detain*") == {texts["en"]}


def test_snippets_highlight_the_forms_that_matched(journal, texts):
    (hit,) = journal.queries.search("повестка")
    assert "[Повестки]" in plain_snippet(hit.snippet)
    (hit,) = journal.queries.search("detain")
    assert "[detaining]" in plain_snippet(hit.snippet) or "[detained]" in plain_snippet(hit.snippet)
    (hit,) = journal.queries.search("повістка")
    assert "[повістки]" in plain_snippet(hit.snippet)


def test_language_is_chosen_per_word():
    assert normal_forms("повістки") == ("повістка",)   # і: Ukrainian only
    assert "задержание" in normal_forms("задержания")
    assert normal_forms("detained") == ("detain",)
    assert normal_forms("2024") == ()
    # "стали" is known to both dictionaries: both languages' normal forms.
    both = set(normal_forms("стали"))
    assert {"стать", "сталь"} <= both and both & {"стати", "станути"}
    # The index keeps English stems only; Russian and Ukrainian words are expanded in the
    # query into their whole paradigm (journal/wordforms.py says why).
    assert text_forms("Задержания", None, "") == ""
    assert set(text_forms("Protesters detained", None, "").split()) == {"protest", "detain"}
    assert {"задержания", "задержанием", "задержанию"} <= set(surface_forms("задержание"))
    assert "повістки" in surface_forms("повістка") and "повестки" not in surface_forms("повістка")
    assert surface_forms("detained") == ()


def test_people_contact_log_and_search_all_find_word_forms(journal):
    person = journal.people.add(name="Свидетель", notes="Видел задержания у метро")
    journal.contact_log.add(people=[person.uuid], channel="call", direction="incoming",
                            summary="Звонили насчёт повесток", at="2024-03-05T16:00+03:00")
    assert [p.display_name for p in journal.people.list(search="задержание")] == ["Свидетель"]
    kinds = {h.kind for h in search_all(journal.db, "повестка")}
    assert kinds == {"log"}
    kinds = {h.kind for h in search_all(journal.db, "задержание")}
    assert "person" in kinds


def test_nothing_found_suggests_what_to_try():
    hints = nothing_found_hints("задержанием студентов", EntryFilter(category="detention"))
    assert any("задерж" in h and "*" in h for h in hints)
    assert any("fewer" in h for h in hints)
    assert any("filters" in h for h in hints)
    assert any("quotes" in h for h in nothing_found_hints('"точная фраза"'))


def _old_journal(tmp_path):
    work = tmp_path / "v10"
    shutil.copytree(FIXTURES / "journal_v10", work)
    return work


def test_migration_11_keeps_exact_search_and_the_backfill_adds_forms(tmp_path):
    work = _old_journal(tmp_path)
    with Journal.open(work, "fixture passphrase") as journal:
        assert migrations.schema_version(journal.db.conn) >= 11
        assert pending_word_forms(journal.db) > 0
        assert [h.title for h in journal.queries.search("задержаны")] == ["Задержание у метро"]
        # Russian and Ukrainian forms are expanded in the query: found at once.
        assert [h.title for h in journal.queries.search("задержать")] == ["Задержание у метро"]
        # English stems are indexed: "witnesses" finds "Witness" once the backfill has run.
        assert journal.people.list(search="witnesses") == []
        seen = []
        assert fill_word_forms(journal.db, progress=lambda d, t: seen.append((d, t))) > 0
        assert pending_word_forms(journal.db) == 0
        assert seen[-1][0] == seen[-1][1]
        assert [p.display_name for p in journal.people.list(search="witnesses")] == ["Secret Witness"]
        assert [h.title for h in journal.queries.search("задержать")] == ["Задержание у метро"]
        assert [h.title for h in journal.queries.search("повістка")] == ["Повістка"]
        assert [p.display_name for p in journal.people.list(search="мама")] == ["Мария Иванова"]  # "мама Ивана"
        assert journal.verify() == []


def test_backfill_is_cancellable_and_resumes(tmp_path, monkeypatch):
    import journal.records.search_index as search_index

    work = _old_journal(tmp_path)
    with Journal.open(work, "fixture passphrase") as journal:
        monkeypatch.setattr(search_index, "BATCH", 1)
        before = pending_word_forms(journal.db)
        calls = []

        def cancel():
            calls.append(1)
            return len(calls) > 2  # two batches, then stop

        with pytest.raises(Cancelled):
            fill_word_forms(journal.db, cancel=cancel)
        middle = pending_word_forms(journal.db)
        assert 0 < middle < before
        assert journal.verify() == []
    # A crash or cancel between batches: the next open resumes where it stopped.
    with Journal.open(work, "fixture passphrase") as journal:
        assert pending_word_forms(journal.db) == middle
        fill_word_forms(journal.db)
        assert pending_word_forms(journal.db) == 0
        assert [h.title for h in journal.queries.search("задержать")] == ["Задержание у метро"]
        assert journal.verify() == []


def test_backfill_batch_crash_rolls_back_that_batch_only(tmp_path, monkeypatch):
    import journal.records.search_index as search_index

    work = _old_journal(tmp_path)
    with Journal.open(work, "fixture passphrase") as journal:
        monkeypatch.setattr(search_index, "BATCH", 1)
        before = pending_word_forms(journal.db)
        real = search_index.text_forms
        count = {"n": 0}

        def dying(*texts):
            count["n"] += 1
            if count["n"] == 2:
                raise RuntimeError("power cut")
            return real(*texts)

        monkeypatch.setattr(search_index, "text_forms", dying)
        with pytest.raises(RuntimeError):
            fill_word_forms(journal.db)
        assert pending_word_forms(journal.db) < before
        assert journal.verify() == []
        monkeypatch.setattr(search_index, "text_forms", real)
        fill_word_forms(journal.db)
        assert pending_word_forms(journal.db) == 0
        assert journal.verify() == []


def test_bulk_insert_indexes_word_forms(journal):
    journal.entries.add_many([{"title": f"Повестки {i}", "body": "Задержанными оказались"} for i in range(30)])
    assert len(journal.queries.search("повестка", limit=100)) == 30
    assert len(journal.queries.search("задержать", limit=100)) == 30
    assert journal.verify() == []


def test_a_save_never_fails_because_of_word_forms(journal, monkeypatch):
    import journal.wordforms as wordforms

    def broken(*_texts):
        raise OSError("dictionaries missing")

    monkeypatch.setattr(wordforms, "text_forms", broken)
    entry = journal.entries.add(title="Задержания", body="saved anyway")
    assert {h.uuid for h in journal.queries.search("Задержания")} == {entry.uuid}
    assert journal.verify() == []
