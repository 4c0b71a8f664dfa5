"""Evidence package of a big video: wall time and peak memory (issue 22), against a baseline in
the same run.

    .venv/bin/python bench/bench_evidence.py                # one 1024 MiB attachment, 3 runs
    .venv/bin/python bench/bench_evidence.py --mb 256 --runs 5

A journal (cheap KDF) gets one attachment of --mb MiB of random bytes (an MP4 header in front, so
it is typed as a video; incompressible, like a real video), added with add_file (streamed). Then,
alternating, --runs times each:
- baseline: AttachmentStore.write_original into a null sink (decrypt, read and hash every byte:
  the least a package must do);
- folder: build_package to a new folder (the original streamed, hashed, fsynced; entry files, PDF);
- zip: build_package to a new .zip (stored member, ZIP64);
- checking what was just written: `sha256sum -c SHA256SUMS` (the standard tool, in a child process,
  so its memory is not counted) on the folder, and verify_package (`journal evidence verify`) on
  the folder and on the ZIP, whose ratio to `sha256sum -c` is the one that matters.
For each, the median wall time, the ratio to the baseline's median, and the peak of the process's
RSS while it ran (sampled every 10 ms from /proc/self/status) minus its RSS before. Outputs are
removed between runs. Prints figures; asserts nothing.
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

from journal.evidence import build_package, verify_package  # noqa: E402
from journal.storage.keyslots import KdfParams  # noqa: E402
from journal.storage.vault import Journal  # noqa: E402

MIB = 1024 * 1024


def rss_kib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class PeakRss:
    def __enter__(self):
        self.before = rss_kib()
        self.peak = self.before
        self.running = True
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()
        return self

    def _sample(self) -> None:
        while self.running:
            self.peak = max(self.peak, rss_kib())
            time.sleep(0.01)

    def __exit__(self, *exc):
        self.running = False
        self.thread.join()
        self.peak = max(self.peak, rss_kib())

    @property
    def grew_mib(self) -> float:
        return (self.peak - self.before) / 1024


class _Null:
    def write(self, data) -> int:
        return len(data)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=1024)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-evidence-"))
    try:
        source = work / "video.mp4"
        with open(source, "wb") as out:
            out.write(b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41")
            for _ in range(args.mb):
                out.write(os.urandom(MIB))
        journal = Journal.create(work / "journal", "bench passphrase", "bench",
                                 kdf=KdfParams(memory_kib=8192, iterations=1, lanes=1)).journal
        entry = journal.entries.add(title="Задержание: видео", body="Видео задержания у ОВД")
        started = time.perf_counter()
        att = journal.attachments.add_file(entry.uuid, source)
        print(f"attached {att.size / MIB:.0f} MiB ({att.media_type}) in {time.perf_counter() - started:.1f} s")
        source.unlink()
        kinds = ("baseline", "folder", "zip", "sha256sum -c", "verify folder", "verify zip")
        times: dict[str, list[float]] = {kind: [] for kind in kinds}
        peaks: dict[str, list[float]] = {kind: [] for kind in kinds}
        for run in range(args.runs):
            for kind in ("baseline", "folder", "zip"):
                out = work / (f"pkg-{run}.zip" if kind == "zip" else f"pkg-{run}")
                with PeakRss() as peak:
                    started = time.perf_counter()
                    if kind == "baseline":
                        journal.attachments.write_original(att.uuid, _Null())
                    else:
                        build_package(journal, [entry.uuid], out)
                    times[kind].append(time.perf_counter() - started)
                peaks[kind].append(peak.grew_mib)
                # Checking the package just written: the standard tool's `sha256sum -c` on the folder,
                # then `journal evidence verify` (verify_package) on the folder and on the ZIP.
                checks = {"folder": ("sha256sum -c", "verify folder"), "zip": ("verify zip",)}.get(kind, ())
                for check in checks:
                    with PeakRss() as peak:
                        started = time.perf_counter()
                        if check == "sha256sum -c":
                            subprocess.run(["sha256sum", "--quiet", "-c", "SHA256SUMS"], cwd=out, check=True)
                        else:
                            assert verify_package(out).ok
                        times[check].append(time.perf_counter() - started)
                    peaks[check].append(peak.grew_mib)
                if out.is_dir():
                    shutil.rmtree(out)
                elif out.exists():
                    out.unlink()
        base = statistics.median(times["baseline"])
        print(f"{'':14} {'median s':>9} {'MiB/s':>7} {'ratio':>6} {'peak RSS +MiB (max)':>20}")
        for kind in times:
            med = statistics.median(times[kind])
            print(f"{kind:14} {med:9.2f} {args.mb / med:7.0f} {med / base:6.2f} {max(peaks[kind]):20.1f}")
        journal.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
