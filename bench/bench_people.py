"""People and contact-log benchmark: do search and the entry list stay within the
vault targets once a journal also holds many people and contact-log records?

    python bench/bench_people.py                 # 100k entries + 20k people + 100k log records
    python bench/bench_people.py --quick         # 10k + 2k + 10k
    python bench/bench_people.py --entries 50000 --people 10000 --logs 50000 --runs 7

Figures (SQLCipher only; median, and p95 over every sample of the query mix):
  - "before": entry search and the entry list page on the journal with entries only
  - "after": the same once people and log records were added, plus search across
    all kinds (journal.search_all, newest first and by rank), and the people and
    contact-log list pages, by person and the follow-ups-due view
Entries come from gen_journal (EntryStore.add); people through PeopleStore.add;
log records are inserted in bulk with the schema's own triggers maintaining
the FTS index (the store's per-record read-back would only slow the set-up).
The journal lives in a temporary folder deleted at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
import tempfile
import uuid as uuidlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common
import gen_journal
from bench_vault import (
    TARGET_LIST_PAGE_S,
    TARGET_SEARCH_MEDIAN_S,
    TARGET_SEARCH_P95_S,
    query_mix,
    round_robin,
)
from common import median, p95, timed

from journal.records.search_all import search_all

FIRST_NAMES = """
    Алексей Андрей Анна Дмитрий Елена Екатерина Иван Ирина Максим Мария Михаил Наталья Ольга
    Олег Павел Сергей Светлана Татьяна Юлия Яна Alex Anna Daniel Maria Olga Pavel
""".split()  # noqa: SIM905 - a word list reads better as text
LAST_NAMES = """
    Иванов Петров Смирнов Кузнецов Попов Соколов Лебедев Козлов Новиков Морозов Волков Соловьёв
    Васильев Зайцев Павлов Семёнов Голубев Виноградов Богданов Воробьёв Kovalenko Bondarenko
    Shevchenko Tkachenko Melnyk
""".split()  # noqa: SIM905 - a word list reads better as text
ORGS = ("", "", "", "ОВД-Инфо", "Мемориал", "Коллегия адвокатов", "ОВД №5", "Военкомат", "Novaya Gazeta",
        "Студсовет", "Правозащитный центр")
PERSON_ROLES = ("detainee", "relative", "lawyer", "witness", "journalist", "official", "officer", "other")
CHANNELS = ("call", "sms", "signal", "telegram", "whatsapp", "email", "in_person", "other")
DIRECTIONS = ("incoming", "outgoing", "meeting")
TODAY = dt.date(2026, 1, 15)


def fill_entries(journal, entries, batch: int = 1000) -> None:
    """gen_journal.fill_journal, tolerating generated times that fall in a DST gap
    (the entry keeps its date alone, as a documenter would have to)."""
    from journal.errors import InvalidInput

    chunk: list[dict] = []
    for values in [*entries, None]:
        if values is not None:
            chunk.append(values)
        if len(chunk) >= batch or (values is None and chunk):
            with journal.db.transaction():
                for v in chunk:
                    try:
                        journal.entries.add(**v)
                    except InvalidInput:
                        journal.entries.add(**{**v, "occurred_at": (v["occurred_at"] or "")[:10] or None})
            chunk = []


def add_people(journal, count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    uuids: list[str] = []
    for start in range(0, count, 1000):
        with journal.db.transaction():
            for _ in range(min(1000, count - start)):
                first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
                p = journal.people.add(
                    name=f"{first} {last}",
                    aliases=[first[:3] + "я"] if rng.random() < 0.3 else [],
                    roles=rng.sample(PERSON_ROLES, rng.choice((1, 1, 2))),
                    phones=[(f"+7 9{rng.randint(10, 99)} {rng.randint(100, 999)}-{rng.randint(10, 99)}-"
                             f"{rng.randint(10, 99)}")] if rng.random() < 0.7 else [],
                    handles=[f"telegram:@{last.lower()}{rng.randint(1, 9999)}"] if rng.random() < 0.4 else [],
                    org=rng.choice(ORGS),
                    notes=gen_journal._text(rng, rng.choice((journal_vocab.ru, journal_vocab.en)), rng.randint(0, 30)),
                    sensitive=rng.random() < 0.1,
                )
                uuids.append(p.uuid)
    return uuids


def add_logs(journal, count: int, seed: int, person_ids: list[int], entry_ids: list[int]) -> None:
    """Bulk insert: same rows and triggers as ContactLogStore.add, without the per-record read-back."""
    rng = random.Random(seed + 1)
    base = dt.datetime(2021, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    span = 5 * 365 * 86400
    now = "2026-01-15T12:00:00+00:00"
    for start in range(0, count, 5000):
        rows, people_rows, entry_rows = [], [], []
        n = min(5000, count - start)
        first_id = start + 1
        for i in range(n):
            log_id = first_id + i
            moment = base + dt.timedelta(seconds=(start + i) / count * span + rng.uniform(0, 3600))
            lang = journal_vocab.ru if rng.random() < gen_journal.RU_SHARE else journal_vocab.en
            due = note = None
            if rng.random() < 0.2:
                due = (moment.date() + dt.timedelta(days=rng.randint(0, 14))).isoformat()
                note = gen_journal._text(rng, lang, rng.randint(3, 10))
            done = now if due and rng.random() < 0.9 else None
            rows.append((log_id, str(uuidlib.uuid4()), moment.isoformat(timespec="minutes"), "Europe/Moscow",
                         int(moment.timestamp()), rng.choice(CHANNELS), rng.choice(DIRECTIONS),
                         gen_journal._text(rng, lang, rng.randint(20, 60)), due, note or "", done, now, now))
            for pos, pid in enumerate(rng.sample(person_ids, rng.choice((1, 1, 1, 2)))):
                people_rows.append((log_id, pos, pid))
            if rng.random() < 0.3:
                entry_rows.append((log_id, rng.choice(entry_ids)))
        with journal.db.transaction() as db:
            db.conn.executemany(
                "INSERT INTO contact_log (id, uuid, at, at_tz, at_utc, channel, direction, summary, follow_up_due, "
                "follow_up_note, follow_up_done_at, recorded_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
            db.conn.executemany("INSERT INTO contact_log_people (log_id, position, person_id) VALUES (?,?,?)",
                                people_rows)
            db.conn.executemany("INSERT OR IGNORE INTO contact_log_entries (log_id, entry_id) VALUES (?,?)",
                                entry_rows)


journal_vocab: gen_journal.Vocabulary


def entry_figures(journal, mix, runs: int) -> dict:
    q = journal.queries
    return {
        "search": round_robin([lambda t=text: q.search(t, limit=50) for _, text in mix], runs),
        "list": round_robin([lambda: q.page(limit=200)], runs)[0],
        "list_offset": round_robin([lambda: q.page(limit=200, offset=20_000)], runs)[0],
    }


def flat(samples) -> list[float]:
    return [t for per in samples for t in per]


def row(name: str, before: float | None, after: float, target: float | None) -> tuple:
    verdict = "info" if target is None else ("PASS" if after <= target else "FAIL")
    return (name, "—" if before is None else f"{before * 1e3:.2f} ms", f"{after * 1e3:.2f} ms",
            "—" if target is None else f"<= {target * 1e3:.0f} ms", verdict)


def main(argv: list[str] | None = None) -> int:
    global journal_vocab
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="10k entries, 2k people, 10k log records")
    parser.add_argument("--entries", type=int, default=None)
    parser.add_argument("--people", type=int, default=None)
    parser.add_argument("--logs", type=int, default=None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=gen_journal.DEFAULT_SEED)
    parser.add_argument("--keep", type=Path, metavar="DIR", help="build the journal in DIR and keep it")
    parser.add_argument("--reuse", type=Path, metavar="DIR",
                        help="measure a journal kept by --keep (no build, no 'before' figures)")
    args = parser.parse_args(argv)
    n_entries = args.entries or (10_000 if args.quick else 100_000)
    n_people = args.people or (2_000 if args.quick else 20_000)
    n_logs = args.logs or (10_000 if args.quick else 100_000)

    journal_vocab = gen_journal.build_vocabulary(args.seed)
    mix = query_mix(journal_vocab)
    mix_all = mix + [("person", "Иванов"), ("person", "ОВД-Инфо"), ("person", "+7 916*"), ("person", "Соловьёв Анна")]
    workdir = args.reuse or args.keep or Path(tempfile.mkdtemp(prefix="journal-bench-people-"))
    before = None
    try:
        if args.reuse:
            journal = common.open_journal(workdir / "j", common.derive_data_key(workdir / "j", common.PASSPHRASE),
                                          "sqlcipher")
            n_entries, n_people, n_logs = (journal.db.query_one(f"SELECT count(*) FROM {t}")[0]
                                           for t in ("entries", "people", "contact_log"))
        else:
            journal, _ = common.create_journal(workdir / "j", "sqlcipher")
            t, _ = timed(fill_entries, journal, gen_journal.generate_entries(n_entries, args.seed, journal_vocab))
            print(f"{n_entries:,} entries added in {t:.1f} s", flush=True)
            before = entry_figures(journal, mix, args.runs)
            t, _ = timed(add_people, journal, n_people, args.seed)
            print(f"{n_people:,} people added in {t:.1f} s ({n_people / t:,.0f}/s, PeopleStore.add)", flush=True)
            person_ids = [r[0] for r in journal.db.query("SELECT id FROM people")]
            entry_ids = [r[0] for r in journal.db.query("SELECT id FROM entries")]
            t, _ = timed(add_logs, journal, n_logs, args.seed, person_ids, entry_ids)
            print(f"{n_logs:,} log records added in {t:.1f} s (bulk)", flush=True)
        person_ids = [r[0] for r in journal.db.query("SELECT id FROM people")]
        db_mib = (workdir / "j" / "journal.db").stat().st_size / 2**20

        after = entry_figures(journal, mix, args.runs)
        db = journal.db
        some_person = journal.people.get_by_rowid(person_ids[len(person_ids) // 2]).uuid
        all_newest = round_robin([lambda t=text: search_all(db, t, limit=50) for _, text in mix_all], args.runs)
        all_rank = round_robin([lambda t=text: search_all(db, t, limit=50, order="rank") for _, text in mix_all],
                               args.runs)
        people_page = round_robin([lambda: journal.people.list(limit=200)], args.runs)[0]
        people_search = round_robin([lambda: journal.people.list(search="Иванов", limit=200)], args.runs)[0]
        log_page = round_robin([lambda: journal.contact_log.list(limit=200)], args.runs)[0]
        log_person = round_robin([lambda: journal.contact_log.list(person=some_person, limit=200)], args.runs)[0]
        log_due = round_robin([lambda: journal.contact_log.due(today=TODAY)], args.runs)[0]
        n_due = journal.contact_log.count(due_only=True, today=TODAY)
        journal.close()
    finally:
        if not (args.keep or args.reuse):
            shutil.rmtree(workdir, ignore_errors=True)

    rows = [
        row("entry search newest, 50 + snippets: median", before and median(flat(before["search"])),
            median(flat(after["search"])), TARGET_SEARCH_MEDIAN_S),
        row("entry search newest, 50 + snippets: p95", before and p95(flat(before["search"])),
            p95(flat(after["search"])), TARGET_SEARCH_P95_S),
        row("entry list page, 200 rows, newest first", before and median(before["list"]), median(after["list"]),
            TARGET_LIST_PAGE_S),
        row("entry list page, 200 rows, offset 20,000", before and median(before["list_offset"]),
            median(after["list_offset"]), None),
        row("search all kinds, newest, 50: median", None, median(flat(all_newest)), TARGET_SEARCH_MEDIAN_S),
        row("search all kinds, newest, 50: p95", None, p95(flat(all_newest)), TARGET_SEARCH_P95_S),
        row("search all kinds, by rank: median", None, median(flat(all_rank)), None),
        row("search all kinds, by rank: p95", None, p95(flat(all_rank)), None),
        row("people list page, 200 by name", None, median(people_page), TARGET_LIST_PAGE_S),
        row("people search 'Иванов', 200", None, median(people_search), None),
        row("contact log page, 200 newest", None, median(log_page), None),
        row("contact log of one person", None, median(log_person), None),
        row(f"follow-ups due ({n_due:,} open)", None, median(log_due), None),
    ]
    header = ("figure", "before", "after", "target", "result")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    print(f"\n{n_entries:,} entries, then + {n_people:,} people + {n_logs:,} log records "
          f"({db_mib:.0f} MiB database); runs {args.runs}")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    print("-" * (sum(widths) + 8))
    for r in rows:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
    print("\n  search all kinds, per query (newest; ms, median)")
    for i, (kind, text) in enumerate(mix_all):
        print(f"  {kind:7} {text[:38]:38} {median(all_newest[i]) * 1e3:8.2f}   rank {median(all_rank[i]) * 1e3:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
