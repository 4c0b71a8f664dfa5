"""Attachment import/export throughput and memory (prints figures; asserts nothing).

    .venv/bin/python bench/bench_attachments.py [--big-mib 1024] [--runs 5] [--chunk-sizes]

Figures (medians and ranges of --runs runs; the machine is shared, so each run also
prints the process's CPU time: wall time far above CPU/2 means the host was busy):
- import of 100 photos (the sample photos from tests/data/photos, each made
  unique by bytes appended after the JPEG end marker; every run appends new
  bytes, so nothing is deduplicated), MiB/s and MB/s over the bytes of the files
  imported: one add_file per photo (for comparison) and add_files (what the GUI and
  `journal attach` use);
- the same with 100 copies of a 10-megapixel camera JPEG (187 MiB);
- import of one generated file of --big-mib MiB, streamed from a generator, MB/s;
- export (open_stream read back), MB/s;
- peak RSS growth above the unlocked, idle process while importing 100 MiB and
  the big file, each into a fresh journal: the KDF's transient 256 MiB happens
  before the baseline. The peak is the kernel's VmHWM, reset through
  /proc/self/clear_refs before each import (falls back to sampling VmRSS every
  5 ms where that is not allowed).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from journal.storage.keyslots import DEFAULT_KDF
from journal.storage.vault import Journal

PASSPHRASE = "benchmark passphrase"
MIB = 1024 * 1024
PHOTOS = ROOT / "tests" / "data" / "photos"


class GeneratedStream:
    """`size` bytes of incompressible-looking data, produced on demand (never held whole)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.pos = 0
        self.block = bytearray(os.urandom(MIB))

    def readinto(self, buffer) -> int:
        n = min(len(buffer), self.size - self.pos, MIB)
        if n <= 0:
            return 0
        self.block[:8] = self.pos.to_bytes(8, "little")
        buffer[:n] = self.block[:n]
        self.pos += n
        return n

    def read(self, size: int = -1) -> bytes:
        buf = bytearray(min(size if size >= 0 else MIB, MIB))
        n = self.readinto(buf)
        return bytes(buf[:n])


def rss_bytes() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _hwm_bytes() -> int:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


def _reset_hwm() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
        return True
    except OSError:
        return False


class PeakRss:
    """Peak RSS during the block: the kernel's counter, or a sampling thread."""

    def __enter__(self):
        self._kernel = _reset_hwm()
        self.peak = rss_bytes()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(0.005):
            self.peak = max(self.peak, rss_bytes())

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_bytes(), _hwm_bytes() if self._kernel else 0)


def make_photo_folder(folder: Path, count: int = 100) -> int:
    sources = sorted(p for p in PHOTOS.iterdir() if p.suffix.lower() in (".jpg", ".jpeg", ".heif", ".heic"))
    total = 0
    for i in range(count):
        src = sources[i % len(sources)]
        data = src.read_bytes() + f"bench-{i}".encode()  # trailing bytes keep each file unique
        (folder / f"{i:03d}_{src.name}").write_bytes(data)
        total += len(data)
    return total


def _loadavg() -> str:
    try:
        with open("/proc/loadavg") as handle:
            return " ".join(handle.read().split()[:3])
    except OSError:
        return "unknown"


def bench_photos(journal: Journal, label: str, paths: list[Path], runs: int, attach, memory: bool = False) -> None:
    """Import `paths` `runs` times into new entries; each run first appends a byte to every
    file so that its content is new (no deduplication). MB/s over the bytes imported."""
    speeds, cpus, walls, growths = [], [], [], []
    for run in range(runs):
        for path in paths:
            with open(path, "ab") as handle:
                handle.write(b"%d" % (run % 10))
        total = sum(path.stat().st_size for path in paths)
        entry = journal.entries.add(title=f"{label} {run}").uuid
        baseline = rss_bytes()
        with PeakRss() as peak:
            cpu = time.process_time()
            start = time.perf_counter()
            attach(entry, paths)
            elapsed = time.perf_counter() - start
            cpus.append(time.process_time() - cpu)
        walls.append(elapsed)
        growths.append(peak.peak - baseline)
        speeds.append(total / elapsed)
    print(f"{label} ({total / MIB:.1f} MiB; metadata, thumbnail and stripped hash each), {runs} runs: "
          f"median {statistics.median(speeds) / MIB:.1f} MiB/s = {statistics.median(speeds) / 1e6:.1f} MB/s "
          f"(range {min(speeds) / MIB:.1f}-{max(speeds) / MIB:.1f} MiB/s), "
          f"{len(paths) / statistics.median(walls):.0f} files/s; "
          f"CPU {statistics.median(cpus):.2f} s per run for {statistics.median(walls):.2f} s wall"
          + (f"; peak RSS growth {max(growths) / MIB:.0f} MiB" if memory else ""), flush=True)


def open_journal(folder: Path, chunk_size: int | None = None) -> Journal:
    created = Journal.create(folder, PASSPHRASE, kdf=DEFAULT_KDF)
    journal = created.journal
    if chunk_size:
        journal.attachments.chunk_size = chunk_size
    return journal


def bench_big(journal: Journal, entry: str, size: int) -> tuple[float, int, float]:
    """(import MB/s, peak RSS growth bytes, export MB/s)."""
    baseline = rss_bytes()
    with PeakRss() as peak:
        start = time.perf_counter()
        att = journal.attachments.add_stream(entry, GeneratedStream(size), "big.bin", size_hint=size)
        elapsed = time.perf_counter() - start
    growth = peak.peak - baseline
    start = time.perf_counter()
    with journal.attachments.open_stream(att.uuid) as stream:
        while stream.read(MIB):
            pass
    export = size / MIB / (time.perf_counter() - start)
    journal.attachments.remove(att.uuid)
    journal.attachments.empty_trash()
    return size / MIB / elapsed, growth, export


def one_big(mib: int, base: Path) -> None:
    folder = base / f"big{mib}"
    journal = open_journal(folder)
    entry = journal.entries.add(title="bench").uuid
    mbs, growth, export = bench_big(journal, entry, mib * MIB)
    print(f"{mib} MiB file: import {mbs:.1f} MiB/s, export {export:.1f} MiB/s, "
          f"peak RSS growth above the unlocked journal {growth / MIB:.1f} MiB", flush=True)
    journal.close()
    shutil.rmtree(folder)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--big-mib", type=int, default=1024, help="size of the big file (0: skip the big files)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each photo import (medians are printed)")
    parser.add_argument("--chunk-sizes", action="store_true", help="compare chunk sizes on a 256 MiB file")
    parser.add_argument("--dir", help="where to create the journal (default: a temp folder)")
    parser.add_argument("--one-big", type=int, metavar="MIB", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_big:
        one_big(args.one_big, Path(args.dir))
        return
    base = Path(tempfile.mkdtemp(prefix="bench-att-", dir=args.dir))
    try:
        if args.chunk_sizes:
            for kib in (256, 512, 1024, 2048, 4096):
                journal = open_journal(base / f"c{kib}", kib * 1024)
                entry = journal.entries.add(title="bench").uuid
                mbs, growth, export = bench_big(journal, entry, 256 * MIB)
                print(f"chunk {kib:5d} KiB: import {mbs:6.1f} MiB/s  export {export:6.1f} MiB/s  "
                      f"peak growth {growth / MIB:6.1f} MiB")
                journal.close()
                shutil.rmtree(base / f"c{kib}")
            return
        journal = open_journal(base / "journal")
        photos = base / "photos"
        photos.mkdir()
        make_photo_folder(photos)
        paths = sorted(photos.iterdir())
        print(f"load average before the photos: {_loadavg()}", flush=True)
        bench_photos(journal, "100 photos, one add_file each (comparison)", paths, args.runs,
                     lambda entry, files: [journal.attachments.add_file(entry, f) for f in files])
        bench_photos(journal, "100 photos, add_files (GUI and CLI: previews on worker threads)", paths, args.runs,
                     lambda entry, files: journal.attachments.add_files(entry, files), memory=True)
        camera = base / "camera"
        camera.mkdir()
        big_photo = (PHOTOS / "corrupted.jpg").read_bytes()  # a real 10-megapixel camera JPEG
        for i in range(100):
            (camera / f"{i:03d}.jpg").write_bytes(big_photo + f"bench-{i}".encode())
        bench_photos(journal, "100 camera-sized photos (10 MP), add_files", sorted(camera.iterdir()), args.runs,
                     lambda entry, files: journal.attachments.add_files(entry, files))
        journal.close()
        # Each big import runs in a fresh process so that memory freed by an
        # earlier phase (kept by the allocator) cannot hide this one's growth.
        for mib in (100, args.big_mib) if args.big_mib else ():
            subprocess.run([sys.executable, __file__, "--one-big", str(mib), "--dir", str(base)], check=True)
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
