"""Shared pieces of the benchmarks: timing, statistics, the two engines, the result table.

"plain" runs the very same journal code (Journal.create/open_with_key,
EntryStore, EntryQueries, migrations, pragmas) on an unkeyed connection of
the same sqlcipher3 build: SQLCipher without a key is the plain SQLite
pager, so the ratio isolates the cost of encryption and nothing else.
"""

from __future__ import annotations

import contextlib
import math
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import journal.storage.db as journal_db  # noqa: E402
from journal.storage.keyslots import KdfParams  # noqa: E402
from journal.storage.vault import Journal, derive_data_key  # noqa: E402

# The KDF is excluded from every figure but one, so journals use a cheap profile.
FAST_KDF = KdfParams(memory_kib=8192, iterations=1, lanes=1)
PASSPHRASE = "benchmark passphrase"
ENGINES = ("sqlcipher", "plain")


def median(values) -> float:
    return statistics.median(values)


def p95(values) -> float:
    """Nearest-rank 95th percentile (no interpolation: it is a value that was measured)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


@contextlib.contextmanager
def engine(name: str):
    """Within the block, journals are opened encrypted ("sqlcipher") or unkeyed ("plain")."""
    if name not in ENGINES:
        raise ValueError(name)
    original = journal_db.key_pragma
    if name == "plain":
        # connect() runs whatever key_pragma returns; a no-op leaves the file unencrypted.
        journal_db.key_pragma = lambda data_key: "SELECT 1"
    try:
        yield
    finally:
        journal_db.key_pragma = original


def create_journal(data_dir: Path, engine_name: str) -> tuple[Journal, bytes]:
    """A new empty journal and its data key (derived with the cheap KDF, outside any timing)."""
    with engine(engine_name):
        journal = Journal.create(data_dir, PASSPHRASE, "bench", kdf=FAST_KDF).journal
    return journal, derive_data_key(data_dir, PASSPHRASE)


def open_journal(data_dir: Path, data_key: bytes, engine_name: str, *, migrate: bool = True) -> Journal:
    with engine(engine_name):
        return Journal.open_with_key(data_dir, data_key, migrate=migrate)


def set_cache_size_kib(kib: int) -> None:
    """Change the page cache every new connection gets (for experiments)."""
    journal_db.CACHE_SIZE_KIB = kib
    import journal.storage.vault as vault

    vault.CACHE_SIZE_KIB = kib


@dataclass
class Figure:
    """One row of the result table; times in seconds unless `unit` says otherwise."""

    name: str
    cipher: float
    plain: float
    unit: str = "ms"          # "ms" (from seconds) or "/s" (a rate)
    target: float | None = None
    higher_is_better: bool = False

    @property
    def ratio(self) -> float:
        if self.higher_is_better:
            return self.plain / self.cipher if self.cipher else math.inf
        return self.cipher / self.plain if self.plain else math.inf

    def shown(self, value: float) -> str:
        if self.unit == "ms":
            return f"{value * 1000:.2f} ms"
        return f"{value:,.0f} {self.unit}"

    def target_text(self) -> str:
        if self.target is None:
            return "—"
        sign = ">=" if self.higher_is_better else "<="
        return f"{sign} {self.shown(self.target)}"

    def verdict(self, max_ratio: float | None) -> str:
        ok = True
        checked = False
        if self.target is not None:
            checked = True
            ok &= self.cipher >= self.target if self.higher_is_better else self.cipher <= self.target
        if max_ratio is not None:
            checked = True
            ok &= self.ratio <= max_ratio
        if not checked:
            return "info"
        return "PASS" if ok else "FAIL"


def print_table(title: str, figures: list[Figure], max_ratio: float | None = 1.3, file=None) -> None:
    header = ("figure", "SQLCipher", "plain", "ratio", "target", "result")
    rows = [
        (f.name, f.shown(f.cipher), f.shown(f.plain), f"{f.ratio:.2f}", f.target_text(),
         f.verdict(max_ratio))
        for f in figures
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    out = file or sys.stdout
    print(f"\n{title}  (ratio target <= {max_ratio})", file=out)
    line = "  ".join(h.ljust(w) for h, w in zip(header, widths))
    print(line, file=out)
    print("-" * len(line), file=out)
    for row in rows:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))),
              file=out)
