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
from bench.gen_journal import generate_entries  # noqa: E402
from journal.records.reports import ReportFilter, stats  # noqa: E402
from journal.records.search import EntryFilter  # noqa: E402
from journal.records.search_all import search_all  # noqa: E402
from journal.storage.vault import Journal  # noqa: E402


def build(folder: Path, name: str, items: list[dict]) -> tuple[Path, float]:
    """A journal with `items` under engine `name`; returns (folder, entries per second)."""
    path = folder / name
    with engine(name):
        journal = Journal.create(path, PASSPHRASE, name, kdf=FAST_KDF).journal
        start = time.perf_counter()
        journal.entries.add_many(items)
        rate = len(items) / (time.perf_counter() - start)
        journal.close()
    return path, rate


def cases(year: int) -> dict:
    month = EntryFilter(date_from=f"{year}-03-01", date_to=f"{year}-03-31")
    detention = EntryFilter(category="detention")
    return {
        "search 'суд' within a month (p95 target <= 25 ms)": lambda j: j.queries.search("суд", month),
        "search 'суд' in a category": lambda j: j.queries.search("суд", detention),
        "sidebar Drafts: ids in list order (target <= 100 ms)": lambda j: j.queries.ids(EntryFilter(status="draft")),
        "sidebar category: ids in list order": lambda j: j.queries.ids(detention),
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
    parser.add_argument("--keep", type=Path, help="make the journals in DIR and keep them")
    args = parser.parse_args(argv)

    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-search-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        items = list(generate_entries(args.entries))
        # Each distinct word is analysed once per process (journal/wordforms.py caches it):
        # timed apart, so the two builds below compare like with like.
        from journal.wordforms import normal_forms, text_forms

        start = time.perf_counter()
        for item in items:
            text_forms(item.get("title"), item.get("body"), item.get("place"), "\n".join(item.get("tags") or []))
        print(f"word forms of {normal_forms.cache_info().currsize} distinct words: "
              f"{time.perf_counter() - start:.1f} s (once per process)")
        paths, rates = {}, {}
        for name in ("plain", "sqlcipher"):
            if (folder / name).exists():
                paths[name], rates[name] = folder / name, 0.0
            else:
                paths[name], rates[name] = build(folder, name, items)
        print(f"{args.entries} entries; bulk insert with word forms: "
              f"SQLCipher {rates['sqlcipher']:.0f} entries/s, plain {rates['plain']:.0f} entries/s "
              "(0 = journals reused from --keep)")
        journals = {}
        for name in ("plain", "sqlcipher"):
            with engine(name):
                journals[name] = Journal.open(paths[name], PASSPHRASE)
        year = int((items[len(items) // 2].get("occurred_at") or "2022")[:4])
        times: dict[str, dict[str, list[float]]] = {}
        for _ in range(args.repeats):
            for label, fn in cases(year).items():
                for name in ("plain", "sqlcipher"):  # alternating, in one run
                    start = time.perf_counter()
                    fn(journals[name])
                    times.setdefault(label, {}).setdefault(name, []).append(time.perf_counter() - start)
        print(f"{'case':62} {'SQLCipher med/p95 ms':>22} {'plain med/p95 ms':>18} {'ratio':>6}")
        for label, by in times.items():
            s, p = by["sqlcipher"], by["plain"]
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
