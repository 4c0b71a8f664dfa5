"""Attachment import/export throughput and memory (prints figures; asserts nothing).

    .venv/bin/python bench/bench_attachments.py [--big-mib 1024] [--chunk-sizes]

Figures:
- import of 100 photos (the sample photos from tests/data/photos, each made
  unique by bytes appended after the JPEG end marker), MB/s;
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
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from journal.keyslots import DEFAULT_KDF
from journal.vault import Journal

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
    parser.add_argument("--big-mib", type=int, default=1024)
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
        entry = journal.entries.add(title="bench").uuid
        photos = base / "photos"
        photos.mkdir()
        total = make_photo_folder(photos)
        paths = sorted(photos.iterdir())
        start = time.perf_counter()
        for path in paths:
            journal.attachments.add_file(entry, path)
        elapsed = time.perf_counter() - start
        print(f"100 photos one by one with add_file ({total / MIB:.1f} MiB; metadata, thumbnail and stripped "
              f"hash each): {elapsed:.2f} s, {total / MIB / elapsed:.1f} MiB/s, {100 / elapsed:.0f} photos/s")
        journal.attachments.empty_trash()
        entry = journal.entries.add(title="bench 2").uuid
        for path in paths:  # new content, so nothing is deduplicated against the first run
            path.write_bytes(path.read_bytes() + b"2")
        start = time.perf_counter()
        journal.attachments.add_files(entry, paths)
        elapsed = time.perf_counter() - start
        print(f"100 photos with add_files (previews on a worker thread): {elapsed:.2f} s, "
              f"{total / MIB / elapsed:.1f} MiB/s, {100 / elapsed:.0f} photos/s")
        camera = base / "camera"
        camera.mkdir()
        big_photo = (PHOTOS / "corrupted.jpg").read_bytes()  # a real 10-megapixel camera JPEG
        for i in range(100):
            (camera / f"{i:03d}.jpg").write_bytes(big_photo + f"bench-{i}".encode())
        camera_total = 100 * len(big_photo)
        start = time.perf_counter()
        journal.attachments.add_files(entry, sorted(camera.iterdir()))
        elapsed = time.perf_counter() - start
        print(f"100 camera-sized photos (10 MP, {camera_total / MIB:.0f} MiB) with add_files: {elapsed:.2f} s, "
              f"{camera_total / MIB / elapsed:.1f} MiB/s, {100 / elapsed:.0f} photos/s")
        journal.close()
        # Each big import runs in a fresh process so that memory freed by an
        # earlier phase (kept by the allocator) cannot hide this one's growth.
        for mib in (100, args.big_mib):
            subprocess.run([sys.executable, __file__, "--one-big", str(mib), "--dir", str(base)], check=True)
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
