"""The frozen Linux build against the venv: download sizes (.tar.gz, .deb), installed size, start to first window.

    .venv/bin/python packaging/build.py        # first: dist/incident-journal/ and the .tar.gz
    .venv/bin/python bench/bench_frozen_start.py [--runs 7]

Start: wall-clock from spawning `incident-journal --quit-when-ready` (no journal: the first-run
wizard) to its exit, offscreen, alternating the frozen executable and the venv's entry point in
the same run, plus the CLI (`journal --version`) both ways. The first run of each is printed
separately (the closest to a cold start without dropping the machine's page cache, which would
disturb other work on it). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FROZEN = ROOT / "dist" / "incident-journal"
VENV_BIN = Path(sys.executable).parent


def folder_size(folder: Path) -> int:
    """Bytes on disk as unpacked (symlinks counted once, as links)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def timed(cmd: list[str], env: dict) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not (FROZEN / "incident-journal").exists():
        raise SystemExit("run packaging/build.py first")
    archives = sorted((ROOT / "dist").glob("incident-journal-*-linux-*.tar.gz"))
    if archives:
        print(f"download (.tar.gz): {archives[-1].stat().st_size / 2**20:.1f} MiB")
    debs = sorted((ROOT / "dist").glob("incident-journal_*_amd64.deb"))
    if debs:
        print(f"download (.deb):    {debs[-1].stat().st_size / 2**20:.1f} MiB")
    print(f"installed folder:   {folder_size(FROZEN) / 2**20:.1f} MiB")
    with tempfile.TemporaryDirectory() as home:
        env = {"PATH": "/usr/bin:/bin", "HOME": home, "QT_QPA_PLATFORM": "offscreen",
               "JOURNAL_HOME": str(Path(home) / "data"), "JOURNAL_CONFIG_HOME": str(Path(home) / "config"),
               "XDG_CACHE_HOME": str(Path(home) / "cache"), "LANG": "C.UTF-8"}
        cases = {
            "GUI frozen": [str(FROZEN / "incident-journal"), "--quit-when-ready"],
            "GUI venv":   [str(VENV_BIN / "incident-journal"), "--quit-when-ready"],
            "CLI frozen": [str(FROZEN / "journal"), "--version"],
            "CLI venv":   [str(VENV_BIN / "journal"), "--version"],
        }
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.runs):
            for name, cmd in cases.items():
                times[name].append(timed(cmd, env))
    for name, values in times.items():
        rest = values[1:] or values
        print(f"{name:<11} first {values[0]:.2f} s; then median {statistics.median(rest):.2f} s "
              f"(min {min(rest):.2f}, max {max(rest):.2f}, {len(rest)} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
