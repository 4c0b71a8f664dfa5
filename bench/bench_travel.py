"""Travel mode: time and peak memory of "prepare for travel" and "restore after travel".

    .venv/bin/python bench/bench_travel.py [--entries 2000] [--attachments-mb 64] [--files 40]
                                           [--runs 3] [--dir FOLDER]
    # the issue's size (takes long; needs about 4 GB free):
    .venv/bin/python bench/bench_travel.py --entries 100000 --attachments-mb 1024 --files 200

Builds a journal of --entries realistic entries (bench/gen_journal.py) and --attachments-mb of
attachment content in --files files (streamed from a generator), then, each in a fresh process
(so its peak resident memory, read with os.wait4, is its own):
  open       open the journal and exit: the memory floor every operation starts from
  backup     `journal backup` (journal/storage/backup.py): write + verify, the baseline, since a
             travel package is a backup inside age
  prepare    journal/travel prepare_to_file (rehearsal: the journal is kept): code check, write
             through age (scrypt 2**18), read back, every table compared, rename
  restore    restore_from_file into an empty folder
Medians of --runs runs; prepare/backup is the ratio in the same run. Key derivation uses the
cheap test profile for the key slots (the real Argon2id adds about 1 s to prepare, for the code
check); the age scrypt cost is the real one.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench_erase import GeneratedStream  # noqa: E402
from common import FAST_KDF, PASSPHRASE  # noqa: E402
from gen_journal import fill_journal, generate_entries  # noqa: E402

from journal.storage.vault import Journal  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import sys, time
sys.path.insert(0, sys.argv[1])
from journal.storage.vault import Journal
op, folder, code, out = sys.argv[2:6]
start = time.perf_counter()
if op == "restore":
    from journal.travel import restore_from_file
    restore_from_file(out, folder, code)
else:
    j = Journal.open(folder, sys.argv[6])
    start = time.perf_counter()
    if op == "backup":
        from journal.storage.backup import write_backup
        write_backup(j, out)
    elif op == "prepare":
        from journal.travel import prepare_to_file
        prepare_to_file(j, out, code)
    j.close()
print(time.perf_counter() - start)
"""


def build(folder: Path, entries: int, attachments_mb: int, files: int) -> str:
    created = Journal.create(folder, PASSPHRASE, "bench", kdf=FAST_KDF)
    journal = created.journal
    try:
        fill_journal(journal, generate_entries(entries))
        holder = journal.entries.add(title="attachments")
        total = attachments_mb << 20
        videos = max(1, files // 50)
        sizes = [total // 2 // videos] * videos
        photos = files - videos
        sizes += [(total - sum(sizes)) // photos] * photos if photos > 0 else []
        for i, size in enumerate(sizes):
            journal.attachments.add_stream(holder.uuid, GeneratedStream(size), f"f{i}.bin", size_hint=size)
    finally:
        journal.close()
    return created.recovery_code


def run(op: str, folder: Path, code: str, out: Path) -> tuple[float, float]:
    """(seconds, peak RSS in MiB) of one operation in its own process."""
    process = subprocess.Popen([sys.executable, "-c", CHILD, str(ROOT), op, str(folder), code, str(out), PASSPHRASE],
                               stdout=subprocess.PIPE, text=True)
    output = process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{op} failed")
    return float(output.strip().splitlines()[-1]), usage.ru_maxrss / 1024  # KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--attachments-mb", type=int, default=64)
    parser.add_argument("--files", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", help="where to build the journal (default: a temp folder on this disk)")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="bench-travel-", dir=args.dir))
    folder = base / "j"
    results: dict[str, list[tuple[float, float]]] = {op: [] for op in ("open", "backup", "prepare", "restore")}
    try:
        started = time.perf_counter()
        code = build(folder, args.entries, args.attachments_mb, args.files)
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        print(f"journal: {args.entries} entries, {args.attachments_mb} MiB of attachments in {args.files} files, "
              f"{size / 2**20:.0f} MiB on disk (built in {time.perf_counter() - started:.0f} s)", flush=True)
        for number in range(args.runs):
            results["open"].append(run("open", folder, code, base / "none"))
            results["backup"].append(run("backup", folder, code, base / "b.ijbackup"))
            (base / "b.ijbackup").unlink()
            package = base / "p.ijtravel"
            results["prepare"].append(run("prepare", folder, code, package))
            target = base / "restored"
            results["restore"].append(run("restore", target, code, package))
            shutil.rmtree(target)
            package_mb = package.stat().st_size / 2**20
            package.unlink()
            print(f"run {number + 1}: " + ", ".join(
                f"{op} {results[op][-1][0]:.2f} s / {results[op][-1][1]:.0f} MiB" for op in results), flush=True)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print(f"package: {package_mb:.0f} MiB")
    print(f"medians of {args.runs} (time, peak resident memory of the process):")
    for op, values in results.items():
        print(f"  {op:8s} {statistics.median(v[0] for v in values):7.2f} s  "
              f"{statistics.median(v[1] for v in values):6.0f} MiB")
    ratio = statistics.median(p[0] / b[0] for p, b in zip(results["prepare"], results["backup"]))
    print(f"  prepare / backup (same run): {ratio:.2f}x")


if __name__ == "__main__":
    main()
