"""The contact log: add, validation, update, list filters, follow-ups, delete."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.errors import InvalidInput, NotFound


@pytest.fixture
def mother(journal):
    return journal.people.add(name="Мать Олега", roles=["relative"], phones=["+7 900 111-22-33"])


@pytest.fixture
def lawyer(journal):
    return journal.people.add(name="Адвокат Соколова", roles=["lawyer"])


@pytest.fixture
def entry(journal):
    return journal.entries.add(title="Задержание Олега", occurred_at="2024-03-05T12:00+03:00")


def test_add_full_record(journal, mother, lawyer, entry):
    rec = journal.contact_log.add(
        people=[mother.uuid, lawyer.uuid[:8], mother.uuid], channel="Call", direction="incoming",
        summary="Мать Олега позвонила в 14:10: он в ОВД №5, адвоката не пускают",
        at="2024-03-05T14:10", tz="Europe/Moscow", entries=[entry.uuid],
        follow_up_due="2024-03-06", follow_up_note="позвонить в ОВД",
    )
    assert rec.at == "2024-03-05T14:10+03:00"
    assert rec.tz == "Europe/Moscow"
    assert rec.channel == "call" and rec.direction == "incoming"
    assert [p.uuid for p in rec.people] == [mother.uuid, lawyer.uuid]
    assert [p.display_name for p in rec.people] == ["Мать Олега", "Адвокат Соколова"]
    assert rec.entries == [entry.uuid]
    assert rec.follow_up_state == "open"
    assert journal.contact_log.get(rec.uuid) == rec
    assert journal.contact_log.get(rec.uuid[:8]).uuid == rec.uuid
    assert rec.as_json()["people"][0] == {"id": mother.uuid, "name": "Мать Олега"}


def test_add_defaults_to_now(journal, mother):
    rec = journal.contact_log.add(people=[mother.uuid], channel="sms", direction="outgoing", summary="")
    at = dt.datetime.fromisoformat(rec.at)
    assert at.tzinfo is not None
    assert abs((dt.datetime.now(dt.UTC) - at).total_seconds()) < 3600
    assert rec.follow_up_state is None


@pytest.mark.parametrize("changes, message", [
    ({"people": []}, "at least one person"),
    ({"channel": "pigeon"}, "Unknown channel"),
    ({"direction": "sideways"}, "Unknown direction"),
    ({"at": "yesterday"}, "Not a date"),
    ({"tz": "Mars/Olympus"}, "Unknown time zone"),
    ({"follow_up_due": "06.03.2024"}, "follow-up date"),
    ({"follow_up_note": "без даты"}, "needs a due date"),
    ({"summary": "a\x00b"}, "NUL"),
])
def test_add_rejects_bad_input(journal, mother, changes, message):
    fields = {"people": [mother.uuid], "channel": "call", "direction": "incoming", "summary": "s", **changes}
    with pytest.raises(InvalidInput, match=message):
        journal.contact_log.add(**fields)
    assert journal.contact_log.count() == 0


def test_add_unknown_person_or_entry(journal, mother):
    with pytest.raises(NotFound):
        journal.contact_log.add(people=["00000000-0000-0000-0000-000000000000"], channel="call",
                                direction="incoming")
    with pytest.raises(NotFound):
        journal.contact_log.add(people=[mother.uuid], channel="call", direction="incoming",
                                entries=["00000000-0000-0000-0000-000000000000"])
    assert journal.contact_log.count() == 0


def test_channels_and_directions_accept_spellings(journal, mother):
    for channel in ("call", "SMS", "signal", "telegram", "whatsapp", "email", "in-person", "In person", "other"):
        journal.contact_log.add(people=[mother.uuid], channel=channel, direction="meeting")
    assert {r.channel for r in journal.contact_log.list()} == {
        "call", "sms", "signal", "telegram", "whatsapp", "email", "in_person", "other"}


def test_update(journal, mother, lawyer, entry):
    rec = journal.contact_log.add(people=[mother.uuid], channel="call", direction="incoming", summary="первый",
                                  at="2024-03-05T14:10+03:00", follow_up_due="2024-03-06")
    journal.contact_log.mark_done(rec.uuid)
    up = journal.contact_log.update(rec.uuid, summary="исправлено", people=[lawyer.uuid], entries=[entry.uuid])
    assert up.summary == "исправлено"
    assert [p.uuid for p in up.people] == [lawyer.uuid]
    assert up.entries == [entry.uuid]
    assert up.at == "2024-03-05T14:10+03:00"
    assert up.follow_up_state == "done"  # same due date: stays done
    up = journal.contact_log.update(rec.uuid, follow_up_due="2024-03-10")
    assert up.follow_up_state == "open"  # a new due date reopens it
    up = journal.contact_log.update(rec.uuid, at="2024-03-05T09:00", tz="Europe/Kyiv")
    assert up.at == "2024-03-05T09:00+02:00" and up.tz == "Europe/Kyiv"
    with pytest.raises(InvalidInput, match="Unknown field"):
        journal.contact_log.update(rec.uuid, mood="sad")
    with pytest.raises(InvalidInput):
        journal.contact_log.update(rec.uuid, people=[])


def test_list_filters_and_order(journal, mother, lawyer, entry):
    a = journal.contact_log.add(people=[mother.uuid], channel="call", direction="incoming",
                                at="2024-03-05T14:10+03:00", summary="a")
    b = journal.contact_log.add(people=[lawyer.uuid], channel="telegram", direction="outgoing",
                                at="2024-03-06T10:00+03:00", summary="b", entries=[entry.uuid])
    c = journal.contact_log.add(people=[mother.uuid, lawyer.uuid], channel="in_person", direction="meeting",
                                at="2024-03-04T18:00+03:00", summary="c")
    assert [r.uuid for r in journal.contact_log.list()] == [b.uuid, a.uuid, c.uuid]
    assert [r.uuid for r in journal.contact_log.list(person=mother.uuid)] == [a.uuid, c.uuid]
    assert [r.uuid for r in journal.contact_log.list(channel="telegram")] == [b.uuid]
    assert [r.uuid for r in journal.contact_log.list(entry=entry.uuid)] == [b.uuid]
    assert [r.uuid for r in journal.contact_log.list(date_from="2024-03-05", date_to="2024-03-05")] == [a.uuid]
    assert [r.uuid for r in journal.contact_log.list(limit=1, offset=1)] == [a.uuid]
    assert journal.contact_log.count(person=lawyer.uuid) == 2


def test_follow_ups_due(journal, mother):
    today = dt.date(2024, 3, 6)
    overdue = journal.contact_log.add(people=[mother.uuid], channel="call", direction="incoming",
                                      follow_up_due="2024-03-01", follow_up_note="передать вещи")
    due_today = journal.contact_log.add(people=[mother.uuid], channel="call", direction="incoming",
                                        follow_up_due="2024-03-06")
    journal.contact_log.add(people=[mother.uuid], channel="call", direction="incoming", follow_up_due="2024-03-07")
    journal.contact_log.add(people=[mother.uuid], channel="call", direction="incoming")
    done = journal.contact_log.add(people=[mother.uuid], channel="call", direction="incoming",
                                   follow_up_due="2024-02-01")
    journal.contact_log.mark_done(done.uuid)

    assert [r.uuid for r in journal.contact_log.due(today=today)] == [overdue.uuid, due_today.uuid]
    assert [r.uuid for r in journal.contact_log.list(due_only=True, today=today)] == [overdue.uuid, due_today.uuid]
    assert journal.contact_log.count(due_only=True, today=today) == 2
    assert overdue.is_due(today) and not journal.contact_log.get(done.uuid).is_due(today)

    closed = journal.contact_log.mark_done(overdue.uuid)
    assert closed.follow_up_state == "done" and closed.follow_up_done_at
    assert journal.contact_log.mark_done(overdue.uuid).follow_up_done_at == closed.follow_up_done_at
    assert [r.uuid for r in journal.contact_log.due(today=today)] == [due_today.uuid]
    reopened = journal.contact_log.mark_done(overdue.uuid, done=False)
    assert reopened.follow_up_state == "open"
    no_follow_up = next(r for r in journal.contact_log.list() if r.follow_up_due is None)
    with pytest.raises(InvalidInput, match="no follow-up"):
        journal.contact_log.mark_done(no_follow_up.uuid)


def test_delete(journal, mother, entry):
    rec = journal.contact_log.add(people=[mother.uuid], channel="call", direction="incoming", summary="удалить",
                                  entries=[entry.uuid])
    journal.contact_log.delete(rec.uuid)
    with pytest.raises(NotFound):
        journal.contact_log.get(rec.uuid)
    assert journal.db.query_one("SELECT count(*) FROM contact_log_people")[0] == 0
    assert journal.db.query_one("SELECT count(*) FROM contact_log_entries")[0] == 0
    from journal.records.search_all import search_all

    assert search_all(journal.db, "удалить") == []


def test_trashed_entry_link_survives_until_emptied(journal, mother, entry):
    rec = journal.contact_log.add(people=[mother.uuid], channel="call", direction="incoming", entries=[entry.uuid])
    journal.entries.move_to_trash(entry.uuid)
    assert journal.contact_log.get(rec.uuid).entries == [entry.uuid]
    journal.entries.empty_trash()
    assert journal.contact_log.get(rec.uuid).entries == []
