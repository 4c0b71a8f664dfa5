"""Emergency erase of a 1 GB journal: time until unreadable, time until every file is gone.

    .venv/bin/python bench/bench_erase.py [--size-mb 1024] [--runs 3] [--dir FOLDER]

Each run builds a journal of about --size-mb (one large attachment streamed
from a generator through journal.attachments.add_stream, so memory stays
small), closes it, then calls journal.vault.erase_journal, which reports
  unreadable_after_s  journal.keys (and any key-bearing leftovers) overwritten,
                      deleted and the folder fsynced: from here on nobody can decrypt
  total_s             the database, WAL/SHM, outbox and leftovers overwritten and deleted too
The medians of --runs runs are printed. Build time is excluded.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import FAST_KDF, PASSPHRASE

from journal.storage.vault import Journal, erase_journal

CHUNK = 1 << 20


class GeneratedStream:
    """A readable stream of `size` pseudo-random bytes, produced chunk by chunk."""

    def __init__(self, size: int) -> None:
        self.remaining = size
        self.block = os.urandom(CHUNK)
        self.counter = 0
        self.pending = b""

    def read(self, n: int = -1) -> bytes:
        if not self.pending:
            if self.remaining <= 0:
                return b""
            take = min(CHUNK, self.remaining)
            self.counter += 1
            # distinct chunks (no dedupe or compression can shortcut the write)
            self.pending = self.counter.to_bytes(8, "big") + self.block[8:take]
            self.pending = self.pending[:take]
            self.remaining -= take
        n = len(self.pending) if n is None or n < 0 else n
        out, self.pending = self.pending[:n], self.pending[n:]
        return out


def build(folder: Path, size: int) -> int:
    journal = Journal.create(folder, PASSPHRASE, "bench", kdf=FAST_KDF).journal
    try:
        entry = journal.entries.add(title="large attachment")
        journal.attachments.add_stream(entry.uuid, GeneratedStream(size), "large.bin", size_hint=size)
    finally:
        journal.close()
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", help="where to build the journals (default: a temp folder on this disk)")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="bench-erase-", dir=args.dir))
    unreadable, total = [], []
    try:
        for run in range(args.runs):
            folder = base / f"j{run}"
            started = time.perf_counter()
            on_disk = build(folder, args.size_mb << 20)
            built = time.perf_counter() - started
            report = erase_journal(folder)
            left = [p for p in folder.rglob("*") if p.is_file()]
            assert not left, f"files left after erase: {left}"
            unreadable.append(report.unreadable_after_s)
            total.append(report.total_s)
            print(f"run {run + 1}: journal {on_disk / 2**20:.0f} MiB (built in {built:.1f} s); "
                  f"unreadable after {report.unreadable_after_s * 1000:.1f} ms; "
                  f"all files gone after {report.total_s:.2f} s", flush=True)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print(f"median of {args.runs}: unreadable after {statistics.median(unreadable) * 1000:.1f} ms, "
          f"all files gone after {statistics.median(total):.2f} s")


if __name__ == "__main__":
    main()
