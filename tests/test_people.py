"""People: validation, revisions, links, delete, merge, search across kinds, schema."""

from __future__ import annotations

import pytest

from journal.errors import InvalidInput, NotFound
from journal.records.people import (
    DELETED_PERSON,
    PeopleStore,
    bundle_person_ref,
    bundle_record,
)
from journal.records.search import EntryFilter
from journal.records.search_all import search_all, search_all_count


@pytest.fixture
def entry(journal):
    return journal.entries.add(title="Задержание у метро", body="Задержаны трое", occurred_at="2024-03-05T14:10+03:00")


def test_add_normalises_fields(journal):
    p = journal.people.add(
        name="  Иван   Петров ", aliases=["Ваня", "ваня", " "], roles=["Detainee", "relative", "detainee"],
        phones=[" +7 (916) 123-45-67 ", "+7 (916) 123-45-67"], handles=["Telegram: @ivan", "email:i@example.org"],
        org=" ОВД-Инфо ", notes="заметка", sensitive=True,
    )
    assert p.display_name == "Иван Петров"
    assert p.aliases == ["Ваня"]
    assert p.roles == ["detainee", "relative"]
    assert p.phones == ["+7 (916) 123-45-67"]
    assert p.handles == ["telegram:@ivan", "email:i@example.org"]
    assert p.organisation == "ОВД-Инфо"
    assert p.sensitive is True
    assert p.pseudonym.startswith("person-") and len(p.pseudonym) == len("person-") + 8
    got = journal.people.get(p.uuid)
    assert got == p
    assert journal.people.get(p.uuid[:8]).uuid == p.uuid
    assert journal.people.get(p.pseudonym).uuid == p.uuid


@pytest.mark.parametrize("fields, message", [
    ({"name": "   "}, "needs a name"),
    ({"name": "X", "roles": ["pilot"]}, "Unknown role"),
    ({"name": "X", "handles": ["icq:123"]}, "Unknown messenger"),
    ({"name": "X", "handles": ["@ivan"]}, "KIND:VALUE"),
    ({"name": "X", "handles": ["telegram:"]}, "empty"),
    ({"name": "X", "handles": ["email:nobody"]}, "not an email"),
    ({"name": "X", "phones": ["call me"]}, "no digits"),
    ({"name": "X", "phones": ["1" * 51]}, "at most"),
    ({"name": "X\x00"}, "NUL"),
    ({"name": "X", "shoe_size": 44}, "Unknown person field"),
])
def test_add_rejects_bad_input(journal, fields, message):
    with pytest.raises(InvalidInput, match=message):
        journal.people.add(**fields)
    assert journal.people.count() == 0


def test_update_keeps_revisions_and_skips_noop(journal):
    p = journal.people.add(name="Мария", roles=["relative"])
    same = journal.people.update(p.uuid, name="Мария", roles=["relative"])
    assert same.revision == 1
    changed = journal.people.update(p.uuid, phones=["+380 44 123 4567"], notes="мать задержанного")
    assert changed.revision == 2
    history = journal.people.history(p.uuid)
    assert [r.number for r in history] == [1, 2]
    assert history[0].content["phones"] == [] and history[1].content["phones"] == ["+380 44 123 4567"]
    assert history[1].prev_hash == history[0].hash
    assert journal.verify() == []


def test_verify_detects_tampering(journal):
    p = journal.people.add(name="Свидетель")
    journal.people.update(p.uuid, notes="видел всё")
    with journal.db.transaction() as db:
        db.execute("UPDATE people SET notes = 'ничего не видел' WHERE uuid = ?", (p.uuid,))
    assert any("differs from its last revision" in msg for msg in journal.verify())
    with journal.db.transaction() as db:
        db.execute("UPDATE person_revisions SET content = replace(content, 'видел всё', 'x') WHERE number = 2")
    assert any("hash mismatch" in msg for msg in journal.verify())


def test_get_unknown_and_ambiguous(journal):
    with pytest.raises(NotFound):
        journal.people.get("00000000-0000-0000-0000-000000000000")
    with pytest.raises(NotFound):
        journal.people.get("abc")  # too short for a prefix


def test_list_by_role_and_search(journal):
    a = journal.people.add(name="Адвокат Смирнова", roles=["lawyer"], org="Мемориал")
    journal.people.add(name="Борис", roles=["witness"])
    journal.people.add(name="Яков", roles=["witness", "journalist"], phones=["+7 999 000-11-22"])
    assert [p.display_name for p in journal.people.list()] == ["Адвокат Смирнова", "Борис", "Яков"]
    assert [p.display_name for p in journal.people.list(role="witness")] == ["Борис", "Яков"]
    assert journal.people.count(role="lawyer") == 1
    assert [p.uuid for p in journal.people.list(search="мемориал")] == [a.uuid]
    assert [p.display_name for p in journal.people.list(search="999")] == ["Яков"]
    assert journal.people.list(search="((") == []
    with pytest.raises(InvalidInput, match="Unknown role"):
        journal.people.list(role="astronaut")


def test_links(journal, entry):
    p = journal.people.add(name="Олег", roles=["detainee"])
    journal.people.link(entry.uuid, p.uuid, "detained")
    journal.people.link(entry.uuid, p.uuid, "detained")  # idempotent
    journal.people.link(entry.uuid[:8], p.uuid[:8], "Victim")
    assert sorted(role for _, role in journal.people.people_for_entry(entry.uuid)) == ["detained", "victim"]
    links = journal.people.entries_for_person(p.uuid)
    assert {link.role for link in links} == {"detained", "victim"}
    assert links[0].entry_title == entry.title
    with pytest.raises(InvalidInput, match="role in the incident"):
        journal.people.link(entry.uuid, p.uuid, "bystander")
    assert journal.people.unlink(entry.uuid, p.uuid, "victim") == 1
    with pytest.raises(NotFound):
        journal.people.unlink(entry.uuid, p.uuid, "victim")
    assert journal.people.unlink(entry.uuid, p.uuid) == 1
    assert journal.people.people_for_entry(entry.uuid) == []
    journal.people.link(entry.uuid, p.uuid, "officer-involved")
    assert journal.people.people_for_entry(entry.uuid)[0][1] == "officer_involved"


def test_links_hidden_for_trashed_entries_and_removed_with_them(journal, entry):
    p = journal.people.add(name="Олег")
    journal.people.link(entry.uuid, p.uuid, "witness")
    journal.entries.move_to_trash(entry.uuid)
    assert journal.people.entries_for_person(p.uuid) == []
    assert len(journal.people.entries_for_person(p.uuid, include_trashed=True)) == 1
    journal.entries.empty_trash()
    assert journal.people.entries_for_person(p.uuid, include_trashed=True) == []


def test_delete_keeps_log_records(journal, entry):
    p = journal.people.add(name="Удаляемый")
    q = journal.people.add(name="Остающийся")
    journal.people.link(entry.uuid, p.uuid, "witness")
    rec = journal.contact_log.add(people=[p.uuid, q.uuid], channel="call", direction="incoming", summary="звонок")
    journal.people.delete(p.uuid)
    with pytest.raises(NotFound):
        journal.people.get(p.uuid)
    assert journal.people.people_for_entry(entry.uuid) == []
    kept = journal.contact_log.get(rec.uuid)
    assert [(x.uuid, x.display_name) for x in kept.people] == [(None, DELETED_PERSON), (q.uuid, "Остающийся")]
    assert journal.db.query_one("SELECT count(*) FROM person_revisions")[0] == 1  # only q's
    assert search_all(journal.db, "Удаляемый") == []
    assert journal.verify() == []


def test_merge_keeps_links_log_and_history(journal, entry):
    other = journal.entries.add(title="Суд")
    keep = journal.people.add(name="Иван Петров", roles=["detainee"], phones=["+7 916 1234567"],
                              handles=["telegram:@ivan"], notes="задержан 5 марта")
    absorb = journal.people.add(name="Ваня П.", aliases=["Ivan Petrov"], roles=["witness"],
                                phones=["+7 916 1234567", "+7 999 7654321"], handles=["signal:+79997654321"],
                                org="Студсовет", notes="свидетель", sensitive=True)
    journal.people.update(absorb.uuid, notes="свидетель на суде")
    journal.people.link(entry.uuid, keep.uuid, "detained")
    journal.people.link(entry.uuid, absorb.uuid, "detained")   # duplicate link collapses
    journal.people.link(other.uuid, absorb.uuid, "witness")
    both = journal.contact_log.add(people=[keep.uuid, absorb.uuid], channel="call", direction="incoming", summary="оба")
    only = journal.contact_log.add(people=[absorb.uuid], channel="signal", direction="outgoing", summary="один")

    kept = journal.people.merge(keep.uuid, absorb.uuid)

    assert kept.uuid == keep.uuid
    assert kept.aliases == ["Ваня П.", "Ivan Petrov"]
    assert kept.roles == ["detainee", "witness"]
    assert kept.phones == ["+7 916 1234567", "+7 999 7654321"]
    assert kept.handles == ["telegram:@ivan", "signal:+79997654321"]
    assert kept.organisation == "Студсовет"
    assert "задержан 5 марта" in kept.notes and "свидетель на суде" in kept.notes
    assert kept.sensitive is True
    assert kept.merged_from == [absorb.uuid]
    # Links moved, duplicates collapsed.
    assert {(link.entry_uuid, link.role) for link in journal.people.entries_for_person(keep.uuid)} == {
        (entry.uuid, "detained"), (other.uuid, "witness")}
    assert [p.uuid for p, _ in journal.people.people_for_entry(entry.uuid)] == [keep.uuid]
    # Log participation moved, no double participant.
    assert [p.uuid for p in journal.contact_log.get(both.uuid).people] == [keep.uuid]
    assert [p.uuid for p in journal.contact_log.get(only.uuid).people] == [keep.uuid]
    assert {r.uuid for r in journal.contact_log.list(person=keep.uuid)} == {both.uuid, only.uuid}
    # History: the kept person's merge is a revision; the absorbed record keeps its own.
    history = journal.people.history(keep.uuid)
    assert [r.number for r in history] == [1, 2]
    assert history[-1].note == f"merged {absorb.uuid}"
    tomb = journal.people.get(absorb.uuid)
    assert tomb.merged_into == keep.uuid
    assert [r.number for r in journal.people.history(absorb.uuid)] == [1, 2]
    assert journal.people.resolve(absorb.uuid).uuid == keep.uuid
    assert journal.people.merged_uuid(absorb.uuid) == keep.uuid
    # The tombstone is out of lists and search, but an old id still works for new links and logs.
    assert [p.uuid for p in journal.people.list()] == [keep.uuid]
    assert journal.people.count() == 1
    assert {h.uuid for h in search_all(journal.db, "Студсовет")} == {keep.uuid}
    journal.contact_log.add(people=[absorb.uuid], channel="sms", direction="incoming", summary="по старому id")
    assert journal.contact_log.list(limit=1)[0].people[0].uuid == keep.uuid
    with pytest.raises(InvalidInput, match="merged into"):
        journal.people.update(absorb.uuid, notes="x")
    with pytest.raises(InvalidInput, match="already merged"):
        journal.people.merge(keep.uuid, absorb.uuid)
    with pytest.raises(InvalidInput, match="themselves"):
        journal.people.merge(keep.uuid, keep.uuid)
    assert journal.verify() == []


def test_merge_chain_maps_to_final_person(journal):
    a = journal.people.add(name="A")
    b = journal.people.add(name="B")
    c = journal.people.add(name="C")
    journal.people.merge(b.uuid, a.uuid)
    journal.people.merge(c.uuid, b.uuid)
    assert journal.people.merged_uuid(a.uuid) == c.uuid
    assert journal.people.resolve(a.uuid).uuid == c.uuid
    assert journal.people.get(c.uuid).merged_from == [b.uuid, a.uuid]
    journal.people.delete(c.uuid)
    assert journal.db.query_one("SELECT count(*) FROM people")[0] == 0
    assert journal.db.query_one("SELECT count(*) FROM person_merges")[0] == 0


def test_bundle_record_hides_sensitive_people(journal):
    open_ = journal.people.add(name="Журналист", roles=["journalist"], phones=["+1 555 0100"])
    secret = journal.people.add(name="Источник", roles=["witness"], phones=["+7 900"], sensitive=True)
    rec = bundle_record(secret)
    assert rec == {"pseudonym": secret.pseudonym, "sensitive": True, "roles": ["witness"]}
    assert "Источник" not in str(rec) and "+7 900" not in str(rec)
    full = bundle_record(open_, include_phones=False)
    assert full["display_name"] == "Журналист" and "phones" not in full and full["uuid"] == open_.uuid
    assert bundle_person_ref(secret) == secret.pseudonym and bundle_person_ref(open_) == open_.uuid


def test_search_all_kinds(journal, entry):
    p = journal.people.add(name="Алексей Навальный", aliases=["Лёша"], roles=["detainee"])
    journal.people.add(name="Пётр", notes="знает про Мемориал")
    rec = journal.contact_log.add(people=[p.uuid], channel="in person", direction="meeting",
                                  summary="Встреча у метро, Алексей в ОВД №5", follow_up_due="2024-03-06",
                                  follow_up_note="позвонить адвокату")
    # Saves within one second would tie; make "newest" unambiguous.
    with journal.db.transaction() as db:
        db.execute("UPDATE entries SET recorded_at = '2024-03-05T11:00:00+00:00'")
        db.execute("UPDATE contact_log SET recorded_at = '2024-03-05T12:00:00+00:00'")
    hits = search_all(journal.db, "метро")
    assert [(h.kind, h.uuid) for h in hits] == [("log", rec.uuid), ("entry", entry.uuid)]
    assert "\x02метро\x03" in hits[0].snippet
    assert hits[0].title == "in person, meeting: Алексей Навальный"
    assert hits[0].status == "follow-up open"
    assert {h.kind for h in search_all(journal.db, "алексей")} == {"person", "log"}
    # Cyrillic case is folded.
    assert [h.kind for h in search_all(journal.db, "ЛЁША")] == ["person"]
    assert [h.kind for h in search_all(journal.db, "адвокату")] == ["log"]
    assert [h.kind for h in search_all(journal.db, "алексей", kinds=["person"])] == ["person"]
    counts = search_all_count(journal.db, "алексей")
    assert (counts["entry"], counts["person"], counts["log"]) == (0, 1, 1)
    # Entry-only filters leave only entries; a date range drops people.
    assert {h.kind for h in search_all(journal.db, "метро", flt=EntryFilter(status="draft"))} == {"entry"}
    dated = search_all(journal.db, "метро алексей OR задержаны", flt=EntryFilter(date_from="2000-01-01"))
    assert {h.kind for h in dated} <= {"entry", "log"}
    assert len(search_all(journal.db, "метро", limit=1)) == 1
    assert [h.uuid for h in search_all(journal.db, "метро", limit=1, offset=1)] == [entry.uuid]
    assert {h.kind for h in search_all(journal.db, "метро", order="rank")} == {"entry", "log"}
    assert search_all(journal.db, "  ") == []
    with pytest.raises(InvalidInput):
        search_all(journal.db, "x", kinds=["photo"])


def test_reader_sees_people(journal):
    p = journal.people.add(name="Читатель")
    reader = journal.open_reader()
    assert isinstance(reader.people, PeopleStore)
    assert reader.people.get(p.uuid).display_name == "Читатель"
    assert reader.contact_log.list() == []


def test_schema_version_and_fts_tables(journal):
    assert journal.db.query_one("PRAGMA user_version")[0] >= 2
    names = {r[0] for r in journal.db.query("SELECT name FROM sqlite_master")}
    assert {"people", "person_revisions", "person_merges", "entry_people", "contact_log", "contact_log_people",
            "contact_log_entries", "people_fts", "contact_log_fts"} <= names


def test_migration_from_schema_1(tmp_path):
    """m002 applies on a database left at schema 1 with entries in it."""
    import os

    from journal.storage import migrations
    from journal.storage.db import Database, apply_pragmas, connect
    from journal.records.entries import EntryStore

    path = tmp_path / "journal.db"
    conn = connect(path, os.urandom(32), create=True)
    apply_pragmas(conn)
    migrations.migrate(conn, target=1)
    EntryStore(Database(conn)).add(title="До обновления")
    assert migrations.migrate(conn, target=2) == 2
    db = Database(conn)
    p = PeopleStore(db).add(name="После")
    migrations.migrate(conn)  # later schemas build on it
    assert search_all(db, "обновления")[0].kind == "entry"
    assert search_all(db, "после")[0].uuid == p.uuid
    conn.close()
