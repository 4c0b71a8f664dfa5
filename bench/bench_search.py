"""Search, filters, sorts and counts at coordinator scale (issue 20), against plain SQLite.

    python bench/bench_search.py [--entries 100000] [--repeats 30] [--keep DIR]

Makes two journals with the same generated entries (bench/gen_journal.py: Russian and
English bodies of ~200 words with inflected forms): one encrypted as the app keeps it
(SQLCipher), one unkeyed (plain SQLite through the same code, bench/common.py engine()).
Then, alternating the two in one run, times what issue 20's table lists: a search within a
date range and within a category (p95), the sidebar's Drafts and a category (the ids the
list needs), the Statistics page's counts, the CLI's `search --from --to` query
(search_all), prefixes `задерж*` and `за*`, a word in its dictionary form (word forms) and
a phrase. Prints medians, p95 and the SQLCipher / plain ratio of each, and the bulk insert
rate with word forms (entries/s; `add_many`, the path imports and the generator use).
1M entries: `--entries 1000000` (slow: hours on a laptop, several GB).

`--by-export` inserts the entries once, into a plain journal ("grown"), and makes the two
measured journals from it with SQLCipher's own `sqlcipher_export` (rows, indexes, FTS5
shadow tables, views, triggers; the same function SQLCipher documents for encrypting a plain
database): one encrypted under a journal's data key, one plain. Minutes instead of a second
hour of inserting at 1M, and both engines are measured on copies written the same way, so
their page layouts match (a journal grown by inserts and a fresh copy differ).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import FAST_KDF, PASSPHRASE, engine, median, p95  # noqa: E402
from bench.gen_journal import fill_journal, generate_entries  # noqa: E402
from journal.records.reports import ReportFilter, stats  # noqa: E402
from journal.records.search import EntryFilter  # noqa: E402
from journal.records.search_all import search_all  # noqa: E402
from journal.storage.vault import Journal  # noqa: E402


BUILD_CHUNK = 100_000  # entries per add_many transaction (gen_journal.fill_journal)


def build(folder: Path, name: str, count: int, *, folder_name: str | None = None) -> tuple[Path, float]:
    """A journal with `count` generated entries under engine `name`; returns (folder, entries
    per second). The entries are generated as they are inserted (a 1M list would not fit)."""
    path = folder / (folder_name or name)
    with engine(name):
        journal = Journal.create(path, PASSPHRASE, name, kdf=FAST_KDF).journal
        start = time.perf_counter()
        fill_journal(journal, generate_entries(count), batch=BUILD_CHUNK,
                     progress=lambda done, _: print(f"\r{name}: {done}/{count}", end="", file=sys.stderr, flush=True))
        rate = count / (time.perf_counter() - start)
        print(file=sys.stderr)
        journal.close()
    return path, rate


def copy_by_export(grown: Path, folder: Path, name: str) -> Path:
    """The journal at `grown` (plain) copied as engine `name` by sqlcipher_export: a journal
    folder made by Journal.create (its key file), whose database is replaced by the copy."""
    import sqlcipher3

    from journal.storage.vault import derive_data_key

    path = folder / name
    if path.exists():
        return path
    staging = folder / (name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    with engine(name):
        Journal.create(staging, PASSPHRASE, name, kdf=FAST_KDF).journal.close()
    key = derive_data_key(staging, PASSPHRASE) if name == "sqlcipher" else None
    for suffix in ("", "-wal", "-shm"):
        (staging / f"journal.db{suffix}").unlink(missing_ok=True)
    start = time.perf_counter()
    conn = sqlcipher3.connect(str(grown / "journal.db"), isolation_level=None)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("ATTACH DATABASE ? AS target KEY ?",
                     (str(staging / "journal.db"), f"x'{key.hex()}'" if key else ""))
        conn.execute("SELECT sqlcipher_export('target')")
        conn.execute(f"PRAGMA target.user_version = {int(version)}")
        conn.execute("DETACH DATABASE target")
    finally:
        conn.close()
    staging.rename(path)
    print(f"{name}: copied from the grown journal by sqlcipher_export in {time.perf_counter() - start:.0f} s",
          file=sys.stderr)
    return path


_OLD_CHUNK_FORMS: dict[str, tuple[str, ...]] = {}


def _all_normal_forms(*texts) -> str:
    """The `forms` text as indexed until 2026-12-07: the normal forms of every word, Russian and
    Ukrainian too (journal/wordforms.py says why that changed); for comparison only."""
    from itertools import chain

    from journal.wordforms import _WORD, normal_forms

    def chunk_forms(chunk: str) -> tuple[str, ...]:
        found = _OLD_CHUNK_FORMS.get(chunk)
        if found is None:
            found = _OLD_CHUNK_FORMS[chunk] = tuple(dict.fromkeys(
                form for word in _WORD.findall(chunk) for form in normal_forms(word) if form != word))
        return found

    chunks = set(" ".join(t for t in texts if t).lower().split())
    return " ".join(set(chain.from_iterable(map(chunk_forms, chunks))))


def insert_rates(folder: Path, count: int, rounds: int) -> None:
    """Bulk insert of `count` generated entries into fresh journals, alternating in one run:
    SQLCipher with word forms, SQLCipher without (the baseline: the forms column left empty),
    SQLCipher with the Cyrillic normal forms indexed as well (the layout until 2026-12-07),
    plain SQLite with word forms. Wall entries/s (median) and CPU microseconds per entry (both
    threads of add_many; less sensitive to other load on the machine than wall time)."""
    import journal.records.entries as entries_mod

    from journal.wordforms import text_forms

    items = list(generate_entries(count))
    for item in items:  # every word analysed before timing (once per process, like the builds)
        text_forms(item.get("title"), item.get("body"), item.get("place"), "\n".join(item.get("tags") or []))
    real = entries_mod.sql_text_forms
    configs = {"SQLCipher, word forms": ("sqlcipher", real),
               "SQLCipher, no word forms (baseline)": ("sqlcipher", lambda *texts: ""),
               "SQLCipher, Cyrillic forms indexed too (before 2026-12-07)": ("sqlcipher", _all_normal_forms),
               "plain SQLite, word forms": ("plain", real)}
    for item in items:  # the old layout's forms, analysed before timing too
        _all_normal_forms(item.get("title"), item.get("body"), item.get("place"), "\n".join(item.get("tags") or []))
    results: dict[str, list[tuple[float, float]]] = {}
    try:
        for n in range(rounds):
            for label, (name, forms) in configs.items():
                path = folder / f"insert-{n}-{name}-{len(results.get(label, []))}-{abs(hash(label))}"
                entries_mod.sql_text_forms = forms
                with engine(name):
                    journal = Journal.create(path, PASSPHRASE, name, kdf=FAST_KDF).journal
                    batch = [dict(item) for item in items]
                    wall, cpu = time.perf_counter(), time.process_time()
                    journal.entries.add_many(batch)
                    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
                    journal.close()
                shutil.rmtree(path, ignore_errors=True)
                results.setdefault(label, []).append((count / wall, cpu / count * 1e6))
    finally:
        entries_mod.sql_text_forms = real
    base = median([r for r, _cpu in results["SQLCipher, no word forms (baseline)"]])
    print(f"bulk insert of {count} entries into a new journal, {rounds} alternating rounds:")
    for label, values in results.items():
        rate = median([r for r, _cpu in values])
        cpu = median([c for _r, c in values])
        print(f"  {label:58} {rate:7.0f} entries/s  {cpu:6.0f} CPU us/entry  {rate / base:5.2f}x baseline")


def cases(year: int) -> dict:
    month = EntryFilter(date_from=f"{year}-03-01", date_to=f"{year}-03-31")
    detention = EntryFilter(category="detention")
    return {
        "search 'суд' within a month (p95 target <= 25 ms)": lambda j: j.queries.search("суд", month),
        "search 'суд' in a category": lambda j: j.queries.search("суд", detention),
        "sidebar Drafts: all ids in list order": lambda j: j.queries.ids(EntryFilter(status="draft")),
        "sidebar category: all ids in list order": lambda j: j.queries.ids(detention),
        "sidebar Drafts: first 1,000 ids + count (shown first)":
            lambda j: (j.queries.ids(EntryFilter(status="draft"), limit=1001), j.queries.count(EntryFilter(status="draft"))),
        "sidebar category: first 1,000 ids + count (shown first)":
            lambda j: (j.queries.ids(detention, limit=1001), j.queries.count(detention)),
        "first list page (200 rows)": lambda j: j.queries.page(limit=200),
        "Statistics: by category (target <= 200 ms)": lambda j: stats(j.db, ReportFilter(), ["category"]),
        "CLI search --from --to: query part (target <= 50 ms)":
            lambda j: search_all(j.db, "суд", flt=month),
        "prefix 'задерж*'": lambda j: j.queries.search("задерж*"),
        "prefix 'за*'": lambda j: j.queries.search("за*"),
        "word forms: 'задержание' (finds задержания, задержанию...)": lambda j: j.queries.search("задержание"),
        "phrase '\"задержали сотрудники\"'": lambda j: j.queries.search('"задержали сотрудники"'),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--keep", type=Path, help="make the journals in DIR and keep them (reused when there)")
    parser.add_argument("--engines", default="plain,sqlcipher", help="comma-separated: plain,sqlcipher")
    parser.add_argument("--insert-sample", type=int, default=10_000,
                        help="entries per bulk-insert comparison (0: skip it)")
    parser.add_argument("--insert-rounds", type=int, default=2)
    parser.add_argument("--by-export", action="store_true",
                        help="insert once (plain, 'grown'), then copy both engines' journals from it (see above)")
    args = parser.parse_args(argv)
    names = [n for n in ("plain", "sqlcipher") if n in args.engines.split(",")]

    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-search-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        # Each distinct word is analysed once per process (journal/wordforms.py caches it):
        # timed apart, so the builds below compare like with like. 50k entries hold almost
        # every word of the generated vocabulary.
        from journal.wordforms import normal_forms, text_forms

        start = time.perf_counter()
        for item in generate_entries(min(args.entries, 50_000)):
            text_forms(item.get("title"), item.get("body"), item.get("place"), "\n".join(item.get("tags") or []))
        print(f"word forms of {normal_forms.cache_info().currsize} distinct words: "
              f"{time.perf_counter() - start:.1f} s (once per process)")
        if args.insert_sample:
            insert_rates(folder, args.insert_sample, args.insert_rounds)
        paths, rates = {}, {}
        if args.by_export:
            if (folder / "grown").exists():
                rates["plain, grown"] = 0.0
            else:
                _grown, rates["plain, grown"] = build(folder, "plain", args.entries, folder_name="grown")
            for name in names:
                paths[name] = copy_by_export(folder / "grown", folder, name)
        else:
            for name in names:
                if (folder / name).exists():
                    paths[name], rates[name] = folder / name, 0.0
                else:
                    paths[name], rates[name] = build(folder, name, args.entries)
        print(f"{args.entries} entries; bulk insert with word forms: "
              + ", ".join(f"{name} {rate:.0f} entries/s" for name, rate in rates.items())
              + " (0 = journals reused from --keep)")
        journals = {}
        for name in names:
            with engine(name):
                start = time.perf_counter()
                journals[name] = Journal.open(paths[name], PASSPHRASE)
                opened = time.perf_counter() - start
                # A journal kept from an older schema: migrations, then the background job
                # (word forms, schema 15's prefix index build), timed.
                from journal.records.search_index import fill_word_forms, pending_word_forms

                pending = pending_word_forms(journals[name].db)
                if pending:
                    start = time.perf_counter()
                    done = fill_word_forms(journals[name].db)
                    print(f"{name}: open (with migrations) {opened:.1f} s; background index job "
                          f"{done} records in {time.perf_counter() - start:.1f} s")
        year = 2023  # the middle of gen_journal's five years (2021-2025)
        times: dict[str, dict[str, list[float]]] = {}
        for _ in range(args.repeats):
            for label, fn in cases(year).items():
                for name in names:  # alternating, in one run
                    start = time.perf_counter()
                    fn(journals[name])
                    times.setdefault(label, {}).setdefault(name, []).append(time.perf_counter() - start)
        print(f"{'case':62} {'SQLCipher med/p95 ms':>22} {'plain med/p95 ms':>18} {'ratio':>6}")
        for label, by in times.items():
            s, p = by.get("sqlcipher", [0.0]), by.get("plain", [0.0])
            ratio = median(s) / median(p) if median(p) else float("inf")
            print(f"{label:62} {median(s) * 1e3:9.2f} /{p95(s) * 1e3:9.2f} "
                  f"{median(p) * 1e3:8.2f} /{p95(p) * 1e3:8.2f} {ratio:6.2f}")
        for journal in journals.values():
            journal.close()
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
