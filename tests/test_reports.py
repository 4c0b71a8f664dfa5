"""Statistics and CSV/JSON reports (core, no Qt). Counts are checked against counts
computed independently in the test from the data it created."""

from __future__ import annotations

import collections
import csv
import datetime as dt
import json
import random

import pytest

from journal.errors import Cancelled, InvalidInput
from journal.records.reports import NO_VALUE, ReportFilter, dimensions, stats, write_csv, write_json
from journal.records.search import EntryFilter

CITIES = ["Москва", "Санкт-Петербург", "Екатеринбург", "Київ"]
UNITS = ["ОВД «Тверской»", "ОВД «Арбат»", "ЦПЭ"]


@pytest.fixture
def dataset(journal):
    """60 entries over 10 days in 4 cities; detentions with form values; a few trashed."""
    rng = random.Random(7)
    person = journal.people.add(name="Иван Петров", phones=["+7 900 111-22-33"])
    made = []
    for i in range(60):
        category = rng.choice(["detention", "detention", "search", "court_hearing", None])
        day = dt.date(2024, 3, 1) + dt.timedelta(days=rng.randrange(10))
        city = rng.choice(CITIES + [""])
        entry = journal.entries.add(title=f"Случай №{i} «{city}»", category=category, place=city,
                                    occurred_at=f"{day.isoformat()}T{10 + i % 8:02d}:00+03:00", body="текст\nстрока 2")
        unit = None
        if category == "detention" and rng.random() < 0.8:
            unit = rng.choice(UNITS)
            journal.forms.set_values(entry.uuid, "detention", {"police_unit": unit, "lawyer_admitted": i % 2 == 0,
                                                                "detained_persons": [person.uuid]})
            journal.people.link(entry.uuid, person.uuid, "detained")
        trashed = i % 13 == 0
        if trashed:
            journal.entries.move_to_trash(entry.uuid)
        made.append({"uuid": entry.uuid, "category": category, "day": day, "city": city or None, "unit": unit,
                     "lawyer": (i % 2 == 0) if unit else None, "trashed": trashed, "title": entry.title})
    return [m for m in made if not m["trashed"]]


def _expected(rows, *keys):
    return collections.Counter(tuple(r[k] for k in keys) for r in rows)


def _as_counter(table, none_to=None):
    return collections.Counter({tuple(none_to if v == NO_VALUE else v for v in row[:-1]): row[-1]
                                for row in table.rows})


def test_stats_match_independent_counts(journal, dataset):
    labels = dict(journal.entries.categories())
    by_cat = stats(journal.db, by="category")
    expected = collections.Counter(labels.get(r["category"]) for r in dataset)
    assert _as_counter(by_cat) == collections.Counter({(k,): v for k, v in expected.items()})
    assert by_cat.total == len(dataset)

    by_day = stats(journal.db, by="day")
    assert _as_counter(by_day) == collections.Counter(
        {(d.isoformat(),): n for (d,), n in _expected(dataset, "day").items()})

    by_week = stats(journal.db, by=["week"])
    weeks = collections.Counter((r["day"] - dt.timedelta(days=r["day"].weekday())).isoformat() for r in dataset)
    assert _as_counter(by_week) == collections.Counter({(k,): v for k, v in weeks.items()})

    # detentions per city per day
    detentions = [r for r in dataset if r["category"] == "detention"]
    table = stats(journal.db, ReportFilter(EntryFilter(category="detention")), by="place,day")
    assert table.dimensions == ["place", "day"]
    assert _as_counter(table) == collections.Counter(
        {(c, d.isoformat()): n for (c, d), n in _expected(detentions, "city", "day").items()})

    # by a form field (plain key and form.field)
    for dim in ("police_unit", "detention.police_unit"):
        table = stats(journal.db, by=dim)
        assert _as_counter(table) == _expected(dataset, "unit")
    lawyer = stats(journal.db, by="lawyer_admitted")
    expected = collections.Counter(({True: "yes", False: "no"}.get(r["lawyer"]),) for r in dataset)
    assert _as_counter(lawyer) == expected
    people = stats(journal.db, by="detained_persons")
    assert _as_counter(people)[("Иван Петров",)] == sum(1 for r in dataset if r["unit"])

    # filters: date range
    window = stats(journal.db, ReportFilter(EntryFilter(date_from="2024-03-03", date_to="2024-03-05")), by="day")
    assert sum(r[-1] for r in window.rows) == sum(
        1 for r in dataset if dt.date(2024, 3, 3) <= r["day"] <= dt.date(2024, 3, 5))
    # all entries are this journal's own
    assert stats(journal.db, ReportFilter(origin="received")).total == 0
    assert stats(journal.db, ReportFilter(origin="own")).total == len(dataset)
    # an explicit selection
    chosen = tuple(r["uuid"] for r in dataset[:5])
    assert stats(journal.db, ReportFilter(entry_uuids=chosen)).total == 5

    tsv = by_cat.to_tsv().splitlines()
    assert tsv[0] == "category\tcount" and len(tsv) == len(by_cat.rows) + 1
    assert ("detention.police_unit", "Detention: Police unit / department taken to") in dimensions(journal.db)


def test_stats_reject_unknown_dimensions(journal):
    for bad in ("nothing_here", "x; DROP TABLE entries", "a.b.c", ""):
        with pytest.raises(InvalidInput):
            stats(journal.db, by=bad)
    with pytest.raises(InvalidInput):
        stats(journal.db, ReportFilter(origin="mine"))
    with pytest.raises(InvalidInput):
        stats(journal.db, ReportFilter(sender="nobody"))


def test_csv_opens_with_the_csv_module(journal, dataset, tmp_path):
    out = tmp_path / "report.csv"
    count = write_csv(journal, ReportFilter(), out)
    assert count == len(dataset)
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(dataset)
    header = list(rows[0])
    assert header[:3] == ["id", "title", "occurred_at"]
    assert "people_contacts" in header and "Detention: Police unit / department taken to" in header
    by_id = {r["id"]: r for r in rows}
    for made in dataset:
        row = by_id[made["uuid"]]
        assert row["title"] == made["title"]
        assert row["place"] == (made["city"] or "")
        assert row["text"] == "текст\nстрока 2"  # newlines survive quoting
        assert row["Detention: Police unit / department taken to"] == (made["unit"] or "")
        if made["unit"]:
            assert row["Detention: Detained person(s)"] == "Иван Петров"
            assert row["people"] == "Иван Петров (detained)"
            assert "+7 900 111-22-33" in row["people_contacts"]
            assert row["Detention: Lawyer admitted"] == ("yes" if made["lawyer"] else "no")
    # oldest first
    assert [r["occurred_at"] for r in rows] == sorted(r["occurred_at"] for r in rows)

    # BOM option and contact details stripped
    out2 = tmp_path / "excel.csv"
    write_csv(journal, ReportFilter(EntryFilter(category="detention")), out2, bom=True, omit_contact_details=True)
    raw = out2.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"+7 900" not in raw
    with out2.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert "people_contacts" not in rows[0] and {r["category"] for r in rows} == {"Detention"}


def test_csv_neutralises_formulas(journal, tmp_path):
    journal.entries.add(title="=HYPERLINK(\"http://evil\")", place="-5", body="+cmd")
    out = tmp_path / "r.csv"
    write_csv(journal, ReportFilter(), out)
    with out.open(encoding="utf-8", newline="") as handle:
        row = next(csv.DictReader(handle))
    assert row["title"].startswith("'=") and row["text"] == "'+cmd" and row["place"] == "-5"


def test_json_report_full_fidelity(journal, dataset, tmp_path):
    out = tmp_path / "report.json"
    assert write_json(journal, ReportFilter(EntryFilter(category="detention")), out) == sum(
        1 for r in dataset if r["category"] == "detention")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "incident-journal-report" and data["version"] == 1
    assert data["filter"]["entries"]["category"] == "detention"
    assert {f["key"] for f in data["forms"]} >= {"detention", "search"}
    with_forms = [e for e in data["entries"] if e["forms"]]
    assert with_forms and with_forms[0]["forms"][0]["form"] == "detention"
    assert with_forms[0]["people"][0]["phones"] == ["+7 900 111-22-33"]
    out2 = tmp_path / "stripped.json"
    write_json(journal, ReportFilter(), out2, omit_contact_details=True)
    assert "+7 900" not in out2.read_text(encoding="utf-8")


def test_cancel_leaves_no_file(journal, dataset, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(Cancelled):
        write_csv(journal, ReportFilter(), folder / "r.csv", cancel=lambda: True)
    assert list(folder.iterdir()) == []


def test_received_entries_and_sender_filter(tmp_path):
    from tests.test_export import add_coordinator, make_journal

    documenter = make_journal(tmp_path / "doc", "Olena K.")
    coordinator = make_journal(tmp_path / "coord", "HQ")
    try:
        record = add_coordinator(documenter, coordinator)
        for i in range(3):
            documenter.entries.add(title=f"Received {i}", category="detention", place="Минск",
                                   occurred_at="2024-03-05T10:00+03:00")
        coordinator.entries.add(title="Own", category="detention", place="Минск", occurred_at="2024-03-05")
        bundle = tmp_path / "b.ijbundle"
        documenter.exporter.export(bundle, [record.uuid], all_entries=True)
        result = coordinator.importer.import_bundle(bundle, trust_new=True)
        assert result.status == "accepted", result.reason
        db = coordinator.db
        assert stats(db, ReportFilter(origin="received")).total == 3
        assert stats(db, ReportFilter(origin="own")).total == 1
        assert stats(db, ReportFilter(sender="Olena K.")).total == 3
        assert stats(db, ReportFilter(sender=documenter.identity.fingerprint)).total == 3
        by_sender = stats(db, by="sender")
        assert _as_counter(by_sender) == collections.Counter({("Olena K.",): 3, (None,): 1})
        out = tmp_path / "r.csv"
        write_csv(coordinator, ReportFilter(origin="received"), out)
        with out.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert {r["sender"] for r in rows} == {"Olena K."} and len(rows) == 3
    finally:
        documenter.close()
        coordinator.close()
