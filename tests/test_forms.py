"""Incident forms: seeds, create/edit/versioning, values with their own revision chain,
search, and the forms.jsonl records that carry them in bundles."""

from __future__ import annotations

import json

import pytest

from journal.errors import InvalidInput, NotFound
from journal.records.forms import (
    FIELD_TYPES, FormRecordInvalid, entry_form_values_for_bundle, form_sha256, forms_for_bundle,
    import_forms, validate_form_record,
)
from journal.records.forms_seed import SEED_FORMS
from journal.records.search_all import search_all, search_all_count


def test_seeded_forms_match_practice(journal):
    forms = {f.key: f for f in journal.forms.list()}
    assert set(forms) == {"detention", "mobilization", "court_hearing", "search", "conscientious_objection"}
    detention = forms["detention"]
    assert detention.version == 1 and detention.builtin and detention.category == "detention"
    keys = [f["key"] for f in detention.fields]
    for key in ("detained_persons", "detained_at", "police_unit", "charges", "lawyer_admitted",
                "lawyer_admitted_at", "injuries", "released_at", "court_date"):
        assert key in keys
    assert {f["type"] for seed in SEED_FORMS for f in seed["fields"]} <= set(FIELD_TYPES)
    assert [f.key for f in journal.forms.for_category("court_hearing")] == ["court_hearing"]
    assert journal.verify() == []


def test_values_every_type_and_validation(journal):
    person = journal.people.add(name="Иван Петров")
    entry = journal.entries.add(title="Задержание", category="detention")
    fv = journal.forms.set_values(entry.uuid, "detention", {
        "detained_persons": [person.uuid], "detained_at": "2024-03-05T14:10+03:00",
        "police_unit": "ОВД «Тверской»", "lawyer_admitted": False, "court_date": "2024-03-07",
        "injuries": "",  # empty means no value
    })
    assert fv.revision == 1 and fv.form.version == 1
    assert fv.values == {"detained_persons": [person.uuid], "detained_at": "2024-03-05T14:10+03:00",
                         "police_unit": "ОВД «Тверской»", "lawyer_admitted": False, "court_date": "2024-03-07"}
    for bad in ({"court_date": "07.03.2024"}, {"nope": "x"}, {"lawyer_admitted": "maybe"},
                {"police_unit": "a\x00b"}):
        with pytest.raises(InvalidInput):
            journal.forms.set_values(entry.uuid, "detention", bad)
    mob = journal.entries.add(title="Повестка", category="mobilization")
    fv = journal.forms.set_values(mob.uuid, "mobilization", {"age": "52", "outcome": "deferred"})
    assert fv.values == {"age": 52, "outcome": "deferred"}
    with pytest.raises(InvalidInput):
        journal.forms.set_values(mob.uuid, "mobilization", {"outcome": "shot"})
    co = journal.entries.add(title="АГС", category="conscientious_objection")
    fv = journal.forms.set_values(co.uuid, "conscientious_objection",
                                  {"documents_filed": ["appeal", "application for alternative civilian service"]})
    # multiple choice is kept in the form's order
    assert fv.values["documents_filed"] == ["application for alternative civilian service", "appeal"]
    # an unchanged save keeps no revision
    assert journal.forms.set_values(co.uuid, "conscientious_objection",
                                    {"documents_filed": ["appeal", "application for alternative civilian service"]}
                                    ).revision == 1
    assert journal.verify() == []


def test_create_edit_add_field_old_entries_keep_values(journal):
    form = journal.forms.create("Акция у суда", category="court_hearing", fields=[
        {"label": "Число участников", "type": "number"},
        {"key": "organiser", "label": "Organiser", "type": "text"},
    ])
    assert form.key.startswith("field_") or form.key  # a Cyrillic label gets a generated ASCII key
    assert [f["key"] for f in form.fields][1] == "organiser"
    old = journal.entries.add(title="Пикет 1", category="court_hearing")
    journal.forms.set_values(old.uuid, form.key, {"organiser": "Мемориал", form.fields[0]["key"]: 12})

    v2 = journal.forms.add_field(form.key, "Police present", "bool", key="police_present")
    assert v2.version == 2 and v2.field("police_present")["type"] == "bool"
    assert journal.forms.get(form.key, 1).field("police_present") is None
    v3 = journal.forms.update(form.key, label="Court picket", fields=[
        f for f in v2.fields if f["key"] != "organiser"])  # a field removed
    assert v3.version == 3 and v3.label == "Court picket"
    assert journal.forms.update(form.key, label="Court picket").version == 3  # unchanged: no new version

    # The old entry still points at version 1 with its values.
    kept = journal.forms.values(old.uuid, form.key)
    assert kept.form.version == 1 and kept.values["organiser"] == "Мемориал"
    # A new entry uses the newest version.
    new = journal.entries.add(title="Пикет 2", category="court_hearing")
    fv = journal.forms.set_values(new.uuid, form.key, {"police_present": True})
    assert fv.form.version == 3
    with pytest.raises(InvalidInput):
        journal.forms.set_values(new.uuid, form.key, {"organiser": "x"})  # not in version 3
    # Editing the old entry moves it to version 3 but keeps the removed field's value.
    fv = journal.forms.set_values(old.uuid, form.key, {"police_present": False})
    assert fv.form.version == 3 and fv.values["organiser"] == "Мемориал" and fv.revision == 2
    history = journal.forms.history(old.uuid, form.key)
    assert [h.content["form_version"] for h in history] == [1, 3]
    assert [f.version for f in journal.forms.versions(form.key)] == [1, 2, 3]
    assert journal.verify() == []

    with pytest.raises(InvalidInput):
        journal.forms.create("Дубль", key=form.key)
    with pytest.raises(InvalidInput):
        journal.forms.add_field(form.key, "Bad", "colour")
    with pytest.raises(InvalidInput):
        journal.forms.create("Choices", fields=[{"label": "C", "type": "choice"}])
    with pytest.raises(NotFound):
        journal.forms.get("missing")


def test_tampering_is_detected(journal):
    entry = journal.entries.add(title="x", category="search")
    journal.forms.set_values(entry.uuid, "search", {"agency": "ФСБ"})
    journal.db.execute("UPDATE entry_form_values SET form_values = '{\"agency\":\"МВД\"}'")
    assert any("differ" in p for p in journal.verify())


def test_form_values_are_searchable(journal):
    person = journal.people.add(name="Анна Смирнова")
    entry = journal.entries.add(title="Обыск", category="search", body="утром")
    journal.forms.set_values(entry.uuid, "search", {"agency": "Центр «Э»", "seized": "ноутбук, телефоны"})
    det = journal.entries.add(title="Задержание", category="detention")
    journal.forms.set_values(det.uuid, "detention", {"detained_persons": [person.uuid]})
    hits = search_all(journal.db, "ноутбук")
    assert [(h.kind, h.uuid, h.title) for h in hits] == [("form", entry.uuid, "Обыск")]
    assert "\x02ноутбук\x03" in hits[0].snippet
    assert [h.uuid for h in search_all(journal.db, "Смирнова", kinds=["form"])] == [det.uuid]
    assert search_all_count(journal.db, "ноутбук")["form"] == 1
    # edits replace the indexed text
    journal.forms.set_values(entry.uuid, "search", {"seized": "диски"})
    assert search_all(journal.db, "ноутбук", kinds=["form"]) == []
    journal.forms.rebuild_search_index()
    assert [h.uuid for h in search_all(journal.db, "диски", kinds=["form"])] == [entry.uuid]
    # trashed entries drop out with the usual filter; deleting them removes their values
    journal.entries.move_to_trash(entry.uuid)
    assert search_all(journal.db, "диски", kinds=["form"]) == []
    journal.entries.empty_trash()
    assert journal.db.query_one("SELECT count(*) FROM form_values_fts")[0] == 1
    assert journal.verify() == []


def test_trashed_entries_refuse_edits(journal):
    entry = journal.entries.add(title="x", category="search")
    journal.entries.move_to_trash(entry.uuid)
    with pytest.raises(InvalidInput):
        journal.forms.set_values(entry.uuid, "search", {"agency": "x"})


# --- bundles ----------------------------------------------------------------------------------
def _records_through_jsonl(records):
    """As they travel: one JSON line each, parsed back."""
    return [json.loads(json.dumps(r, ensure_ascii=False)) for r in records]


def test_bundle_round_trip_through_forms_records(tmp_path):
    from tests.test_export import add_coordinator, make_journal

    documenter = make_journal(tmp_path / "doc", "Olena K.")
    coordinator = make_journal(tmp_path / "coord", "HQ")
    try:
        record = add_coordinator(documenter, coordinator)
        person = documenter.people.add(name="Иван Петров", phones=["+7 900 000-00-00"])
        secret = documenter.people.add(name="Тайный свидетель", sensitive=True)
        entry = documenter.entries.add(title="Задержание у ОВД", category="detention",
                                       occurred_at="2024-03-05T14:10+03:00", place="Москва")
        documenter.people.link(entry.uuid, person.uuid, "detained")
        documenter.people.link(entry.uuid, secret.uuid, "witness")
        custom = documenter.forms.create("Protest", key="protest", fields=[
            {"key": "crowd", "label": "Crowd size", "type": "number"},
            {"key": "witnesses", "label": "Witnesses", "type": "person"}])
        documenter.forms.set_values(entry.uuid, "detention", {
            "detained_persons": [person.uuid], "police_unit": "ОВД «Тверской»", "lawyer_admitted": True})
        documenter.forms.set_values(entry.uuid, "protest", {"crowd": 300, "witnesses": [secret.uuid]})

        # The rest of the bundle travels through the real exporter and importer.
        bundle = tmp_path / "b.ijbundle"
        documenter.exporter.export(bundle, [record.uuid], all_entries=True)
        result = coordinator.importer.import_bundle(bundle, trust_new=True)
        assert result.status == "accepted", result.reason

        records = forms_for_bundle(documenter.forms, [entry.uuid]) + entry_form_values_for_bundle(documenter.forms, documenter.people, [entry.uuid])
        assert {r["type"] for r in records} == {"form", "values"}
        text = json.dumps(records, ensure_ascii=False)
        assert "+7 900" not in text and "Тайный свидетель" not in text and secret.uuid not in text
        records = _records_through_jsonl(records)
        for r in records:
            validate_form_record(r)
        provenance = {"sender_id": result.sender.id, "bundle_id": result.bundle_id}
        # The real import already brought the forms and values: applying the same
        # records again changes nothing.
        counts = import_forms(coordinator.forms, records, provenance)
        assert counts == {"forms_new": 0, "values_applied": 0, "values_unchanged": 2, "values_skipped": 0}

        got = {fv.form.key: fv for fv in coordinator.forms.values_for_entry(entry.uuid)}
        # The built-in form is the coordinator's own (identical definition): same fields.
        assert got["detention"].form.sender_id == 0
        assert got["detention"].values["police_unit"] == "ОВД «Тверской»"
        assert got["detention"].values["lawyer_admitted"] is True
        local_person = {p.display_name: p.uuid for p, _ in coordinator.people.people_for_entry(entry.uuid)}
        assert got["detention"].values["detained_persons"] == [local_person["Иван Петров"]]
        assert got["protest"].form.sender_id == result.sender.id
        assert got["protest"].form.fields == custom.fields
        assert got["protest"].values["witnesses"] == [local_person[secret.pseudonym]]

        # Importing the same records again changes nothing.
        again = import_forms(coordinator.forms, records, provenance)
        assert again["values_applied"] == 0 and again["values_unchanged"] == 2 and again["forms_new"] == 0
        # Received values are read-only for the coordinator.
        with pytest.raises(InvalidInput):
            coordinator.forms.set_values(entry.uuid, "detention", {"police_unit": "x"})
        # A newer save on the documenter's side updates; an older one arriving late does not.
        documenter.forms.set_values(entry.uuid, "detention", {"police_unit": "ОВД «Арбат»"})
        newer = _records_through_jsonl(entry_form_values_for_bundle(documenter.forms, documenter.people, [entry.uuid]))
        assert import_forms(coordinator.forms, newer, provenance)["values_applied"] == 1
        assert import_forms(coordinator.forms, records, provenance)["values_applied"] == 0
        assert coordinator.forms.values(entry.uuid, "detention").values["police_unit"] == "ОВД «Арбат»"
        assert [h.uuid for h in search_all(coordinator.db, "Арбат", kinds=["form"])] == [entry.uuid]
        assert coordinator.verify() == []
    finally:
        documenter.close()
        coordinator.close()


def test_hostile_form_records_are_rejected(journal):
    good = {"type": "form", "key": "x", "version": 1, "label": "X", "category": None,
            "fields": [{"key": "a", "label": "A", "type": "text"}]}
    good["sha256"] = form_sha256("x", 1, "X", None, good["fields"])
    validate_form_record(good)
    bad_records = [
        None, [], {"type": "other"}, {**good, "sha256": "0" * 64}, {**good, "version": True},
        {**good, "key": "../x"}, {**good, "fields": [{"key": "a", "label": "A", "type": "script"}]},
        {**good, "fields": "nope"}, {**good, "extra": 1},
        {"type": "values", "entry": "e", "form": "x", "form_version": 1, "form_sha256": "s", "values": [],
         "revision": 1, "revision_hash": ""},
        {"type": "values", "entry": "e" * 100, "form": "x", "form_version": 1, "form_sha256": "s", "values": {},
         "revision": 1, "revision_hash": ""},
    ]
    for bad in bad_records:
        with pytest.raises(FormRecordInvalid):
            validate_form_record(bad)
    # values for a form that is neither in the bundle nor known: a clear error, nothing stored
    values = {"type": "values", "entry": "e", "form": "x", "form_version": 1, "form_sha256": "0" * 64,
              "values": {}, "revision": 1, "revision_hash": ""}
    with pytest.raises(FormRecordInvalid):
        import_forms(journal.forms, [values], {"sender_id": 99, "bundle_id": "b"})
    assert journal.db.query_one("SELECT count(*) FROM forms")[0] == len(SEED_FORMS)


def test_v5_fixture_migrates_with_seeded_forms(tmp_path):
    """Migration 6 against the journal written at schema 5: forms seeded, values usable."""
    import shutil
    from pathlib import Path

    from journal.storage.vault import Journal

    work = tmp_path / "v5"
    shutil.copytree(Path(__file__).parent / "fixtures" / "journal_v5", work)
    with Journal.open(work, "fixture passphrase") as journal:
        assert {f.key for f in journal.forms.list()} == {s["key"] for s in SEED_FORMS}
        uuid = journal.db.query_one("SELECT uuid FROM entries WHERE title = 'Задержание у метро'")[0]
        journal.forms.set_values(uuid, "detention", {"police_unit": "ОВД"})
        assert [h.uuid for h in search_all(journal.db, "ОВД", kinds=["form"])] == [uuid]
        assert journal.verify() == []
