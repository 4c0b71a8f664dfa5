"""Bundle export/import throughput and memory, against `tar | age` on the same data (prints figures).

    .venv/bin/python bench/bench_bundles.py              # full size: 1 GiB in 200 entries, 1,000 bundles
    .venv/bin/python bench/bench_bundles.py --scale 0.1  # a tenth of everything, about a minute
    .venv/bin/python bench/bench_bundles.py --photos --skip-many   # 200 camera photos (issue 20.3)

Figures (all in the same run, on the same machine):
- export: one bundle holding N MiB of attachments spread over 200 entries (random bytes, a type
  the stripper copies unchanged, so both sides move the same bytes) vs
  `tar -c -C DIR . | age -r RECIPIENT > FILE` on the same files;
- import of that bundle into a coordinator journal vs `age -d -i KEY FILE | tar -x -C DIR`;
- import of B bundles of 10 entries each (from 10 documenters), bundles per second;
- peak RSS growth above the unlocked, idle process during export and during the big import,
  sampled every 5 ms by a thread (the largest over all runs).

Export and import are run --runs times (default 3), each alternating with its baseline so
background load on a shared machine hits both alike; the figures are medians, and the ratio
is the median of the per-run ratios. Each import run goes into a fresh copy of the
coordinator journal (importing a bundle twice would only find a duplicate).

With --photos the attachments are 200 (× --scale) generated camera photos instead of random
bytes: 12-megapixel JPEGs (4000 × 3000, about 5 MB each, made with Pillow from a sample photo
with noise, so each has its own scan data) carrying real EXIF: make, model, serial number,
capture time and a GPS position. They take the photo paths the .bin files skip: at attach,
metadata, thumbnail and the stripped hash and size (add_files); at export, cleaning (the
bundle carries the stripped copies); at import, the metadata of the received photos. Their
previews are made after the import committed (AttachmentStore.fill_previews: the GUI in the
background, the CLI right after): the import figure is the time until the commit, and the
time the previews took after it is printed beside it. The baselines then end with an fsync of what they wrote (`sync FILE`, `sync -f DIR`),
as the journal makes its writes durable. The photos are generated once into --photo-dir
(default: the work folder) and reused.

The baseline needs plaintext files on disk: the bench writes random bytes or generated photos to
a temporary folder (no user data), and removes everything at the end unless --keep.
"""

from __future__ import annotations

import argparse
import os
import statistics
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from journal.exchange.exporter import ExportOptions  # noqa: E402
from journal.storage.keyslots import KdfParams  # noqa: E402
from journal.storage.vault import Journal  # noqa: E402

FAST_KDF = KdfParams(memory_kib=8192, iterations=1, lanes=1)
PASSPHRASE = "benchmark passphrase"
MIB = 1024 * 1024


def rss_bytes() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class PeakRss:
    """Samples RSS every 5 ms on a thread; .growth is the peak above the value at start."""

    def __init__(self) -> None:
        self._stop = threading.Event()
        self.base = self.peak = 0

    def __enter__(self) -> "PeakRss":
        self.base = self.peak = rss_bytes()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(0.005):
            self.peak = max(self.peak, rss_bytes())

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_bytes())

    @property
    def growth_mib(self) -> float:
        return (self.peak - self.base) / MIB


class RandomStream:
    """`size` pseudo-random bytes, generated chunk by chunk (never all in memory)."""

    def __init__(self, size: int, seed: int) -> None:
        self.remaining = size
        self.block = os.urandom(MIB)
        self.seed = seed

    def read(self, n: int = -1) -> bytes:
        if self.remaining <= 0:
            return b""
        n = self.remaining if n is None or n < 0 else min(n, self.remaining)
        out = bytearray()
        while len(out) < n:
            piece = self.block[: n - len(out)]
            out += piece
            self.block = self.block[1:] + self.block[:1]  # different chunks, so nothing deduplicates
        self.remaining -= n
        return bytes(out)


def make_photos(folder: Path, count: int) -> list[Path]:
    """`count` camera-like JPEGs in `folder` (kept if already there): 12 MP, quality 95, EXIF
    with make, model, serial number, time and GPS. Each has a random patch, so no two share
    their scan data (their stripped copies must not deduplicate)."""
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"IMG_{i:04}.JPG" for i in range(count)]
    if all(p.exists() for p in paths):
        return paths
    base = Image.open(ROOT / "tests" / "data" / "photos" / "DSCN0010.jpg").convert("RGB")
    base = base.resize((4000, 3000), Image.Resampling.BICUBIC)
    frames = [Image.blend(base, Image.effect_noise((4000, 3000), 20 + 4 * k).convert("RGB"), 0.18)
              for k in range(4)]
    for i, path in enumerate(paths):
        if path.exists():
            continue
        img = frames[i % len(frames)].copy()
        img.paste(Image.frombytes("RGB", (64, 64), os.urandom(64 * 64 * 3)), (64 * (i % 60), 64 * (i // 60 % 45)))
        exif = Image.Exif()
        exif[0x010F] = "NIKON"
        exif[0x0110] = "COOLPIX P6000"
        exif[0x0132] = f"2024:03:05 14:{i // 60 % 60:02}:{i % 60:02}"
        extra = exif.get_ifd(0x8769)
        extra[0x9003] = exif[0x0132]
        extra[0xA431] = f"SN{40000000 + i}"
        gps = exif.get_ifd(0x8825)
        gps[1], gps[2] = "N", (55.0, 45.0, 21.6 + i / 100)
        gps[3], gps[4] = "E", (37.0, 36.0, 57.6)
        img.save(path, "JPEG", quality=95, exif=exif.tobytes())
    return paths


def rate(mib: float, seconds: float) -> str:
    return f"{seconds:7.2f} s  {mib / seconds:7.1f} MiB/s" if seconds > 0 else "-"


def run(cmd: str) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, shell=True, check=True)
    return time.perf_counter() - start


def import_in_child(journal_dir: Path, bundle: Path) -> tuple[float, float, float]:
    """Unlock ``journal_dir`` and import ``bundle`` in a fresh Python process; returns the
    import's seconds (until it committed), its peak RSS growth (MiB) above the unlocked
    process, and the seconds the previews took after the commit (fill_previews, as the CLI
    does; the GUI makes them in the background)."""
    done = subprocess.run([sys.executable, __file__, "--import-child", str(journal_dir), str(bundle)],
                          check=True, capture_output=True, text=True)
    seconds, growth, previews = done.stdout.split()
    return float(seconds), float(growth), float(previews)


def _import_child(journal_dir: str, bundle: str) -> None:
    coordinator = Journal.open(Path(journal_dir), PASSPHRASE)
    with PeakRss() as mem:
        start = time.perf_counter()
        imported = coordinator.importer.import_bundle(Path(bundle), trust_new=True)
        seconds = time.perf_counter() - start
    assert imported.status == "accepted", imported.reason
    start = time.perf_counter()
    fill = getattr(coordinator.attachments, "fill_previews", None)  # absent before issue 20.3's deferral
    if fill is not None:
        fill()
    previews = time.perf_counter() - start
    coordinator.close()
    print(f"{seconds} {mem.growth_mib} {previews}")


def warm(*paths: Path) -> None:
    """Read the inputs of the next timed step once, so that it and its baseline both start
    from the page cache. Without this the comparison depended on what earlier steps evicted:
    the exporter drops the bundle's pages as it writes it (posix_fadvise, to start the
    writeback early), so the import read 1 GiB from disk (`inblock` in getrusage) while the
    baseline read its just-written file from memory."""
    for path in paths:
        for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if file.is_file():
                with open(file, "rb") as handle:
                    while handle.read(MIB * 8):
                        pass


def settle() -> None:
    """Write out what earlier steps left dirty in the page cache before timing the next one.

    The baselines do not fsync, so they leave a gigabyte of dirty pages behind; without this
    the journal's durable import (which fsyncs its files before committing) would also pay
    for flushing the baseline's output, and the baseline would be timed against a disk
    still busy with ours."""
    os.sync()


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--import-child":
        _import_child(sys.argv[2], sys.argv[3])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full sizes (e.g. 0.1)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--dir", help="work folder (default: a temporary one)")
    parser.add_argument("--runs", type=int, default=3, help="export/import runs, each against its baseline")
    parser.add_argument("--skip-many", action="store_true", help="skip the many-small-bundles figure")
    parser.add_argument("--photos", action="store_true",
                        help="camera photos (12 MP JPEGs with GPS EXIF) instead of random .bin files")
    parser.add_argument("--photo-dir", help="where the generated photos are kept (default: in the work folder)")
    args = parser.parse_args()
    if shutil.which("age") is None:
        sys.exit("the `age` command is needed for the baseline (apt-get install age)")

    work = Path(args.dir or tempfile.mkdtemp(prefix="bench-bundles-"))
    work.mkdir(parents=True, exist_ok=True)
    total_mib = max(1, int(1024 * args.scale))
    entries = 200
    per_file = max(1, total_mib * MIB // entries)
    bundles = max(10, int(1000 * args.scale))
    photos: list[Path] = []
    if args.photos:
        start = time.perf_counter()
        photos = make_photos(Path(args.photo_dir) if args.photo_dir else work / "photos",
                             max(2, int(entries * args.scale)))
        entries = len(photos)
        total_mib = round(sum(p.stat().st_size for p in photos) / MIB)
        print(f"photos: {entries} in {time.perf_counter() - start:.1f} s")
    sync = " && sync" if args.photos else ""  # the journal's writes are durable; so are these
    print(f"scale {args.scale}: {total_mib} MiB of attachments in {entries} entries; {bundles} small bundles")
    print(f"work folder {work}")
    try:
        documenter = Journal.create(work / "doc", PASSPHRASE, "Bench documenter", kdf=FAST_KDF).journal
        coordinator = Journal.create(work / "coord", PASSPHRASE, "Bench HQ", kdf=FAST_KDF).journal
        record = documenter.coordinators.add(coordinator.identity.card_text(), verified=True)

        # --- the same files in the journal and on disk (for the baseline) ---
        files = work / "files"
        files.mkdir()
        start = time.perf_counter()
        for i in range(entries):
            entry = documenter.entries.add(title=f"Entry {i}", body="Текст записи " * 30)
            if photos:
                os.link(photos[i], files / photos[i].name)
                documenter.attachments.add_files(entry.uuid, [photos[i]])
                continue
            stream = RandomStream(per_file, i)
            with open(files / f"file{i:03}.bin", "wb") as out:
                while chunk := stream.read(MIB):
                    out.write(chunk)
            with open(files / f"file{i:03}.bin", "rb") as src:
                documenter.attachments.add_stream(entry.uuid, src, f"file{i:03}.bin")
        print(f"setup: {time.perf_counter() - start:.1f} s")
        mib = entries * per_file / MIB if not photos else sum(p.stat().st_size for p in photos) / MIB

        coordinator.close()
        key = work / "key.txt"
        recipient = None
        # Random bytes cannot be cleaned: the exporter refuses them unless told to send them as
        # they are (what the .bin figures always measured).
        options = ExportOptions(allow_uncleaned=not photos)
        export_s: list[float] = []
        tar_age_s: list[float] = []
        import_s: list[float] = []
        previews_s: list[float] = []
        age_tar_s: list[float] = []
        export_mem = import_mem = 0.0
        bundle = work / "big.ijbundle"
        baseline = work / "baseline.age"
        for run_no in range(args.runs):
            # --- export vs tar | age ---
            bundle.unlink(missing_ok=True)
            settle()
            warm(work / "doc")
            with PeakRss() as mem_export:
                start = time.perf_counter()
                result = documenter.exporter.export(bundle, [record.uuid], all_entries=True, options=options)
                export_s.append(time.perf_counter() - start)
            export_mem = max(export_mem, mem_export.growth_mib)
            coord_dir = work / f"coord-run{run_no}"
            shutil.copytree(work / "coord", coord_dir)
            if recipient is None:
                coordinator = Journal.open(coord_dir, PASSPHRASE)
                recipient = coordinator.identity.age_recipient
                coordinator.identity.export_age_key(key)
                coordinator.close()
            baseline.unlink(missing_ok=True)
            settle()
            warm(files)
            tar_age_s.append(run(f"tar -c -C {files} . | age -r {recipient} > {baseline}"
                                 + (f"{sync} {baseline}" if sync else "")))

            # --- import of the big bundle vs age -d | tar -x ---
            # In a process of its own, as on a coordinator's machine: the process that just
            # wrote 1 GiB of attachments and the bundle is not the one that imports it (in the
            # same process the kernel's copies were several times slower, see bench/README.md).
            settle()
            warm(bundle, coord_dir)
            seconds, growth, previews = import_in_child(coord_dir, bundle)
            import_s.append(seconds)
            previews_s.append(previews)
            import_mem = max(import_mem, growth)
            shutil.rmtree(coord_dir)
            out_dir = work / "extracted"
            shutil.rmtree(out_dir, ignore_errors=True)
            out_dir.mkdir()
            settle()
            warm(baseline)
            age_tar_s.append(run(f"age -d -i {key} {baseline} | tar -x -C {out_dir}"
                                 + (f"{sync} -f {out_dir}" if sync else "")))
            shutil.rmtree(out_dir)
            print(f"run {run_no + 1}: export {export_s[-1]:.2f} s vs {tar_age_s[-1]:.2f} s; "
                  f"import {import_s[-1]:.2f} s vs {age_tar_s[-1]:.2f} s (then previews {previews_s[-1]:.2f} s)")

        # --- many small bundles ---
        results: list = []
        many_s = make_s = 0.0
        senders = []
        many = None
        if not args.skip_many:
            inbox = work / "inbox"
            inbox.mkdir()
            many = Journal.create(work / "many", PASSPHRASE, "Bench HQ 2", kdf=FAST_KDF).journal
            start = time.perf_counter()
            for s in range(10):
                sender = Journal.create(work / f"sender{s}", PASSPHRASE, f"Sender {s}", kdf=FAST_KDF).journal
                senders.append(sender)
                to = sender.coordinators.add(many.identity.card_text(), verified=True)
                for b in range(bundles // 10):
                    for e in range(10):
                        sender.entries.add(title=f"s{s} b{b} e{e}", body="Задержание у ОВД " * 20)
                    sender.exporter.export(inbox / f"s{s}-{b:04}.ijbundle", [to.uuid], since_last=True)
            make_s = time.perf_counter() - start
            start = time.perf_counter()
            results = many.importer.import_paths([inbox], trust_new=True)
            many_s = time.perf_counter() - start
            assert {r.status for r in results} == {"accepted"}

        med = statistics.median
        export_ratio = med(b / o for b, o in zip(tar_age_s, export_s))
        import_ratio = med(b / o for b, o in zip(age_tar_s, import_s))
        print()
        print(f"medians of {args.runs} runs")
        print(f"export   {mib:7.0f} MiB, {result.entry_count} entries   journal  {rate(mib, med(export_s))}")
        print(f"         tar -c | age -r{' + fsync' if sync else '        '}        baseline {rate(mib, med(tar_age_s))}")
        print(f"         ratio (median of per-run ratios) {export_ratio:.2f}x")
        print(f"import   one bundle of {mib:.0f} MiB             journal  {rate(mib, med(import_s))}")
        print(f"         age -d | tar -x{' + fsync' if sync else '        '}        baseline {rate(mib, med(age_tar_s))}")
        print(f"         ratio (median of per-run ratios) {import_ratio:.2f}x")
        if photos:
            print(f"         previews, made after the import committed   {med(previews_s):7.2f} s  "
                  f"(import + previews: ratio {med(b / (o + v) for b, o, v in zip(age_tar_s, import_s, previews_s)):.2f}x)")
        if results:
            print(f"import   {len(results)} bundles of 10 entries       {many_s:7.2f} s  "
                  f"{len(results) / many_s:7.1f} bundles/s  ({make_s:.1f} s to make them)")
        print(f"peak RSS growth above the unlocked process: export {export_mem:.1f} MiB, "
              f"import {import_mem:.1f} MiB")
        for journal in (documenter, *( [many] if many else []), *senders):
            journal.close()
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
