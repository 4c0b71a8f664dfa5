"""Vault benchmark: SQLCipher against plain SQLite, same code, same run.

    python bench/bench_vault.py            # 10k and 100k entries (~15 min on 2 busy cores)
    python bench/bench_vault.py --quick    # 10k only
    python bench/bench_vault.py --sizes 50000 --cache-kib 16384 --verbose

Figures (median of several runs; per-query figures are median and p95 over
every sample of the query mix):
  - bulk insert: N entries through EntryStore.add_many (one transaction, COMMIT included);
    `add` in a loop inside one transaction is shown for information
  - search: first page of 50 hits with snippets, newest first (the default),
    and relevance-ranked (an option, shown for information)
  - list: a 200-row page sorted by date, newest first (plus other sorts for information)
  - open: Journal.open_with_key + the first list page, in a fresh process
    (Argon2id excluded; the default KDF is timed once, separately)
Journals live in a temporary folder that is deleted at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402
from common import ENGINES, Figure, median, p95, timed  # noqa: E402
import gen_journal  # noqa: E402

from journal.records.search import EntryFilter  # noqa: E402

TARGET_INSERT_PER_S = 4000
TARGET_SEARCH_MEDIAN_S = 0.010
TARGET_SEARCH_P95_S = 0.025
TARGET_LIST_PAGE_S = 0.005
MAX_RATIO = 1.3
TARGET_SIZE = 100_000  # the targets are stated at this size


def query_mix(vocab: gen_journal.Vocabulary) -> list[tuple[str, str]]:
    """(kind, text) pairs: terms matching most entries, rare terms, prefixes, AND queries."""
    ru, en = vocab.ru.words, vocab.en.words
    rare_ru, rare_en = ru[15_000], en[11_000]
    return [
        ("common", "задержание"),
        ("common", "police"),
        ("common", "полиции"),
        ("medium", ru[99]),
        ("medium", "повестка"),
        ("rare", rare_ru),
        ("rare", rare_en),
        ("rare", ru[17_500]),
        ("none", "щщзщщ"),
        ("prefix", "задерж*"),
        ("prefix", "полиц*"),
        ("prefix", "prot*"),
        ("prefix", ru[12_000][:4] + "*"),
        ("and", "полиция суд"),
        ("and", "police court"),
        ("and", "повестка военкомат"),
        ("and", f"задержание {ru[3000]}"),
        ("and", f"{rare_ru} задержание"),
        ("phrase", '"задержание полиция"'),
    ]


LIST_VARIANTS = [
    ("date, newest first", dict(sort="occurred", descending=True)),
    ("date, oldest first", dict(sort="occurred", descending=False)),
    ("title A-Z", dict(sort="title", descending=False)),
    ("category filter", dict(flt=EntryFilter(category="court_hearing"))),
    ("date, offset 20,000", dict(sort="occurred", descending=True, offset=20_000)),
]


# --- measurements -----------------------------------------------------------------------------


def add_loop(journal, entries: list[dict]) -> float:
    """Seconds to add every entry with EntryStore.add inside one transaction (COMMIT included)."""
    start = time.perf_counter()
    with journal.db.transaction():
        add = journal.entries.add
        for values in entries:
            add(**values)
    return time.perf_counter() - start


def round_robin(calls: list, runs: int) -> list[list[float]]:
    """Times of each call, `runs` times, interleaved (call 1..n, then again) so caches behave as in use."""
    samples: list[list[float]] = [[] for _ in calls]
    for _ in range(runs):
        for i, call in enumerate(calls):
            samples[i].append(timed(call)[0])
    return samples


def probe_open(data_dir: Path, engine_name: str) -> None:
    """Child process: open the journal with the key from stdin, show the first page, print times."""
    key = bytes.fromhex(sys.stdin.readline().strip())
    if os.environ.get("BENCH_CACHE_KIB"):
        common.set_cache_size_kib(int(os.environ["BENCH_CACHE_KIB"]))
    # migrate=False: the tree may gain a migration while the bench runs; the parent
    # process, which opened this journal first, must still be able to open it afterwards.
    open_s, journal = timed(common.open_journal, data_dir, key, engine_name, migrate=False)
    page_s, rows = timed(journal.queries.page, limit=200)
    assert len(rows) == 200
    journal.close()
    print(json.dumps({"open": open_s, "first_page": page_s}))


def probe(data_dir: Path, key: bytes, engine_name: str, cache_kib: int | None) -> dict:
    """Seconds to open + show the first page, measured inside a fresh process (imports excluded)."""
    env = dict(os.environ)
    if cache_kib:
        env["BENCH_CACHE_KIB"] = str(cache_kib)
    argv = [sys.executable, __file__, "--probe-open", str(data_dir), engine_name]
    out = subprocess.run(argv, input=key.hex() + "\n", capture_output=True, text=True, check=True,
                         env=env).stdout
    return json.loads(out.strip().splitlines()[-1])


def measure_default_kdf() -> float:
    """One Argon2id derivation with the parameters users get."""
    from journal.storage.keyslots import DEFAULT_KDF, KeyFile, new_recovery_code

    keys = KeyFile.create(os.urandom(32), common.PASSPHRASE, new_recovery_code(), DEFAULT_KDF)
    return timed(keys.unlock_with_passphrase, common.PASSPHRASE)[0]


def build(engine_name: str, entries: list[dict], data_dir: Path, args,
          loop: bool = False) -> tuple[float, bytes]:
    """A fresh journal filled with `entries`; the seconds the bulk insert took, and the data key."""
    shutil.rmtree(data_dir, ignore_errors=True)
    journal, key = common.create_journal(data_dir, engine_name)
    if loop:
        seconds = add_loop(journal, entries)
    else:
        # Fresh dicts: add_many must not get a head start from objects a previous run validated.
        seconds, _ = timed(journal.entries.add_many, [dict(e) for e in entries])
    close_s, _ = timed(journal.close)
    if args.verbose:
        how = "add loop" if loop else "add_many"
        print(f"  {engine_name}: {how} {seconds:.2f} s ({len(entries) / seconds:,.0f}/s), "
              f"close+checkpoint {close_s:.2f} s", flush=True)
    return seconds, key


def measure_queries(dirs: dict, keys: dict, args, mix) -> dict:
    """Search, list and model-load samples on freshly opened journals, engines interleaved."""
    out: dict = {name: {} for name in ENGINES}
    journals = {name: common.open_journal(dirs[name], keys[name], name) for name in ENGINES}
    try:
        # Relevance ranking is timed in its own pass: a ranked query over a term that
        # matches most entries reads the whole posting list and evicts the page cache,
        # which would make every newest-first query after it start cold.
        calls: dict[str, list] = {}
        ranked: dict[str, list] = {}
        for name, journal in journals.items():
            q = journal.queries
            ids = q.ids()[:200]
            calls[name] = (
                [lambda t=text, q=q: q.search(t, order="newest", limit=50) for _, text in mix]
                + [lambda kw=kw, q=q: q.page(limit=200, **kw) for _, kw in LIST_VARIANTS]
                + [lambda q=q: q.ids(), lambda q=q, ids=ids: q.summaries(ids)]
            )
            ranked[name] = [lambda t=text, q=q: q.search(t, order="rank", limit=50) for _, text in mix]
            out[name]["matches"] = [q.search_count(text) for _, text in mix]
        names = list(ENGINES)
        samples = round_robin([call for name in names for call in calls[name]], args.runs)
        rank_samples = round_robin([call for name in names for call in ranked[name]], args.runs)
        k, m, lv = len(calls[names[0]]), len(mix), len(LIST_VARIANTS)
        for i, name in enumerate(names):
            mine = samples[i * k : (i + 1) * k]
            out[name]["search_newest"] = mine[:m]
            out[name]["list"] = mine[m : m + lv]
            out[name]["ids_all"], out[name]["summaries_200"] = mine[m + lv :]
            out[name]["search_rank"] = rank_samples[i * m : (i + 1) * m]
    finally:
        for journal in journals.values():
            journal.close()
    return out


def bench_size(entries: list[dict], workdir: Path, args, mix) -> dict:
    """Every figure for both engines at one size; runs alternate between engines so that
    background load on the machine hits both alike."""
    n = len(entries)
    out: dict = {name: {"insert_s": [], "add_loop_s": [], "open_s": [], "open_parts": []} for name in ENGINES}
    dirs = {name: workdir / f"{name}-{n}" for name in ENGINES}
    keys: dict[str, bytes] = {}
    for _ in range(args.add_loop_runs):
        for name in ENGINES:
            seconds, _ = build(name, entries, dirs[name], args, loop=True)
            out[name]["add_loop_s"].append(seconds)
    for _ in range(args.bulk_runs):
        for name in ENGINES:
            seconds, keys[name] = build(name, entries, dirs[name], args)
            out[name]["insert_s"].append(seconds)
    for name in ENGINES:
        out[name]["db_mib"] = (dirs[name] / "journal.db").stat().st_size / 2**20

    for _ in range(args.open_runs):
        for name in ENGINES:
            parts = probe(dirs[name], keys[name], name, args.cache_kib)
            out[name]["open_parts"].append(parts)
            out[name]["open_s"].append(parts["open"] + parts["first_page"])

    queried = measure_queries(dirs, keys, args, mix)
    for name in ENGINES:
        out[name].update(queried[name])
    if args.cache_sweep:
        out["cache_sweep"] = {}
        default_kib = common.journal_db.CACHE_SIZE_KIB
        for kib in args.cache_sweep:
            common.set_cache_size_kib(kib)
            out["cache_sweep"][kib] = measure_queries(dirs, keys, args, mix)
        common.set_cache_size_kib(default_kib)
    if not args.keep:
        for d in dirs.values():
            shutil.rmtree(d, ignore_errors=True)
    return out


def figures_for(n: int, res: dict) -> list[Figure]:
    c, p = res["sqlcipher"], res["plain"]
    at_target = n >= TARGET_SIZE

    def flat(samples):
        return [t for per_query in samples for t in per_query]

    return [
        Figure(f"bulk insert ({n:,} entries, add_many)", n / median(c["insert_s"]), n / median(p["insert_s"]),
               unit="entries/s", higher_is_better=True, target=TARGET_INSERT_PER_S if at_target else None),
        *([Figure("add() in a loop, 1 txn (info)", n / median(c["add_loop_s"]),
                  n / median(p["add_loop_s"]), unit="entries/s", higher_is_better=True)]
          if c["add_loop_s"] else []),
        Figure("search newest, 50 + snippets: median", median(flat(c["search_newest"])),
               median(flat(p["search_newest"])), target=TARGET_SEARCH_MEDIAN_S if at_target else None),
        Figure("search newest, 50 + snippets: p95", p95(flat(c["search_newest"])),
               p95(flat(p["search_newest"])), target=TARGET_SEARCH_P95_S if at_target else None),
        Figure("search by rank (option): median", median(flat(c["search_rank"])), median(flat(p["search_rank"]))),
        Figure("search by rank (option): p95", p95(flat(c["search_rank"])), p95(flat(p["search_rank"]))),
        Figure("list page, 200 rows, newest first", median(c["list"][0]), median(p["list"][0]),
               target=TARGET_LIST_PAGE_S if at_target else None),
        *[Figure(f"list page, 200 rows, {name}", median(c["list"][i]), median(p["list"][i]))
          for i, (name, _) in enumerate(LIST_VARIANTS) if i > 0],
        Figure("ids() of all entries (model load)", median(c["ids_all"]), median(p["ids_all"])),
        Figure("summaries() of 200 ids", median(c["summaries_200"]), median(p["summaries_200"])),
        Figure("open_with_key + first page (new process)", median(c["open_s"]), median(p["open_s"])),
    ]


def print_cache_sweep(sweep: dict) -> None:
    """One line per cache size: the search and list figures and their ratios."""
    print("\n  cache_size sweep (ms; cipher / plain = ratio)")
    for kib, res in sweep.items():
        c, p = res["sqlcipher"], res["plain"]
        cells = []
        for label, fn, key in (("search median", median, "search_newest"), ("search p95", p95, "search_newest"),
                               ("rank p95", p95, "search_rank")):
            cv = fn([t for q in c[key] for t in q])
            pv = fn([t for q in p[key] for t in q])
            cells.append(f"{label} {cv * 1e3:.1f} / {pv * 1e3:.1f} = {cv / pv:.2f}")
        for label, key, i in (("list newest", "list", 0), ("list title", "list", 2)):
            cv, pv = median(c[key][i]), median(p[key][i])
            cells.append(f"{label} {cv * 1e3:.2f} / {pv * 1e3:.2f} = {cv / pv:.2f}")
        print(f"  {kib:>7} KiB: " + "; ".join(cells))


def print_query_detail(mix, res: dict) -> None:
    c, p = res["sqlcipher"], res["plain"]
    print("\n  open (ms, median): " + "; ".join(
        f"{name} open_with_key {median([x['open'] for x in res[name]['open_parts']]) * 1e3:.1f} + first page "
        f"{median([x['first_page'] for x in res[name]['open_parts']]) * 1e3:.1f}" for name in ENGINES))
    print("\n  per query (newest first; ms, median of runs)      matches  cipher   plain | rank: cipher  plain")
    for i, (kind, text) in enumerate(mix):
        print(f"  {kind:7} {text[:38]:38} {c['matches'][i]:>9,} {median(c['search_newest'][i]) * 1e3:7.2f} "
              f"{median(p['search_newest'][i]) * 1e3:7.2f} | {median(c['search_rank'][i]) * 1e3:12.2f} "
              f"{median(p['search_rank'][i]) * 1e3:6.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="10k entries only")
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=None,
                        help="comma-separated entry counts (default 10000,100000)")
    parser.add_argument("--runs", type=int, default=5, help="runs per query (default 5)")
    parser.add_argument("--bulk-runs", type=int, default=3, help="runs of the add_many bulk insert (default 3)")
    parser.add_argument("--open-runs", type=int, default=5)
    parser.add_argument("--add-loop-runs", type=int, default=1,
                        help="bulk inserts through add() in a loop, for information (default 1; 0 skips)")
    parser.add_argument("--cache-kib", type=int, default=None, help="override CACHE_SIZE_KIB (experiments)")
    parser.add_argument("--cache-sweep", type=lambda s: [int(x) for x in s.split(",")], default=None,
                        help="also measure queries with each of these cache sizes (KiB), e.g. 2000,16384,262144")
    parser.add_argument("--seed", type=int, default=gen_journal.DEFAULT_SEED)
    parser.add_argument("--no-kdf", action="store_true", help="skip the one default-KDF measurement")
    parser.add_argument("--keep", action="store_true", help="keep the journals (prints where)")
    parser.add_argument("--json", type=Path, help="also write raw samples here")
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--probe-open", nargs=2, metavar=("DIR", "ENGINE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.probe_open:
        probe_open(Path(args.probe_open[0]), args.probe_open[1])
        return 0
    if args.cache_kib:
        common.set_cache_size_kib(args.cache_kib)
    sizes = args.sizes or ([10_000] if args.quick else [10_000, 100_000])

    started = time.perf_counter()
    vocab = gen_journal.build_vocabulary(args.seed)
    mix = query_mix(vocab)
    print(f"Vault benchmark: sizes {sizes}, cache_size {common.journal_db.CACHE_SIZE_KIB} KiB, "
          f"{os.cpu_count()} CPUs, runs {args.runs} (queries) / {args.bulk_runs} (insert) / "
          f"{args.open_runs} (open)")
    all_results: dict = {}
    workdir = Path(tempfile.mkdtemp(prefix="journal-bench-"))
    try:
        for n in sizes:
            gen_s, entries = timed(lambda n=n: list(gen_journal.generate_entries(n, args.seed, vocab)))
            print(f"\n{n:,} entries generated in {gen_s:.1f} s", flush=True)
            res = bench_size(entries, workdir, args, mix)
            print("  database size: " + ", ".join(f"{name} {res[name]['db_mib']:.0f} MiB" for name in ENGINES))
            del entries
            all_results[n] = res
            common.print_table(f"{n:,} entries", figures_for(n, res), MAX_RATIO)
            if args.verbose:
                print_query_detail(mix, res)
            if args.cache_sweep:
                print_cache_sweep(res["cache_sweep"])
        if not args.no_kdf:
            print(f"\nDefault KDF (Argon2id 256 MiB, t=3, p=4), excluded above: "
                  f"{measure_default_kdf() * 1000:.0f} ms (one derivation)")
    finally:
        if args.keep:
            print(f"Journals kept in {workdir} (passphrase {common.PASSPHRASE!r})")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"mix": mix, "results": all_results}, ensure_ascii=False))
    print(f"\nTotal {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
