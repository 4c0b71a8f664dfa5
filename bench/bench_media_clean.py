"""Cleaning speed and memory for a big video (prints figures; asserts nothing).

    .venv/bin/python bench/bench_media_clean.py [--mib 1024] [--runs 3] [--keep DIR]

Makes one MP4 of about --mib MiB with ffmpeg (noise encoded with MPEG-4 part 2, so the
bitstream does not compress: a phone video's size for its length), tagged like a phone
video (location, make, model, author), then for each run, in a fresh process each:
- "copy": reading the file and writing it to a new file (the disk's speed here, the
  ceiling of any cleaning that writes its output);
- "clean": journal.media.strip.strip_metadata from the file to a new file (fsynced), as
  `save-attachment --strip-metadata` does: PyAV remuxes straight into the output file,
  which is then read back from the page cache to hash it (written once);
- "ffmpeg remux": the standard tool's own remux of the same file, `ffmpeg -i in -map 0 -c copy
  -map_metadata -1 -fflags +bitexact out` plus an fsync (what a remux can do at all: FFmpeg's
  own reading, muxing and writing, no Python, no hash); its CPU time and peak RSS are the
  ffmpeg process's (getrusage of the children);
- "clean for a bundle": strip_to_spool, then the spool read out into a sink, as an export
  does: the exporter's one cleaning pass fills an encrypted spool (which gives the hash and
  size the manifest needs first), and the bundle is written from it. Before issue 23's
  follow-up the exporter remuxed twice, once into a spool only to hash it.
Each prints wall time, MB/s over the input's size, CPU time and the process's peak RSS
(VmHWM). The spool goes to the user's cache folder, the outputs next to the input; both
are deleted.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import hashlib, json, os, resource, shutil, sys, time
sys.path.insert(0, sys.argv[1])
mode, src, dst = sys.argv[2], sys.argv[3], sys.argv[4]
from journal.media.strip import strip_metadata

class HashOnly:  # like the exporter's first pass: strip_metadata hashes, the sink only counts
    def write(self, data):
        return len(data)

start, cpu = time.perf_counter(), time.process_time()
if mode == "copy":
    with open(src, "rb") as i, open(dst, "wb") as o:
        shutil.copyfileobj(i, o, 1024 * 1024)
        o.flush(); os.fsync(o.fileno())
elif mode == "ffmpeg":
    import subprocess
    subprocess.run(["ffmpeg", "-v", "error", "-nostdin", "-y", "-i", src, "-map", "0", "-c", "copy",
                    "-map_metadata", "-1", "-fflags", "+bitexact", dst], check=True)
    fd = os.open(dst, os.O_RDONLY)
    os.fsync(fd)
    os.close(fd)
elif mode == "clean":
    with open(src, "rb") as i, open(dst, "w+b") as o:  # read-write, as atomic_output's temp file
        strip_metadata(i, o, "video/mp4", total=os.path.getsize(src))
        o.flush(); os.fsync(o.fileno())
else:
    from journal.media.strip import strip_to_spool
    with open(src, "rb") as i:
        result, spool = strip_to_spool(i, "video/mp4", total=os.path.getsize(src))
    with spool:
        sink = HashOnly()
        spool.copy_to(sink.write)
wall, cpu = time.perf_counter() - start, time.process_time() - cpu
peak = 0
with open("/proc/self/status") as status:
    for line in status:
        if line.startswith("VmHWM:"):
            peak = int(line.split()[1]) * 1024
if mode == "ffmpeg":  # the figures of the ffmpeg process, not of this Python one
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu, peak = children.ru_utime + children.ru_stime, children.ru_maxrss * 1024
print(json.dumps({"wall": wall, "cpu": cpu, "peak": peak}))
"""

BASELINE = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
import journal.media.strip, journal.media.video, av  # noqa: F401 - the imports' own memory
with open("/proc/self/status") as status:
    peak = [int(l.split()[1]) * 1024 for l in status if l.startswith("VmHWM:")][0]
print(json.dumps({"peak": peak}))
"""


def make_video(path: Path, mib: int) -> None:
    seconds = max(2, round(mib / 8))  # about 8 MiB per second of 640x480 noise at q 2
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "gray", "-s", "640x480", "-r", "25",
         "-t", str(seconds), "-i", "/dev/urandom", "-f", "lavfi", "-i", f"sine=duration={seconds}",
         "-c:v", "mpeg4", "-q:v", "2", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
         "-metadata", "location=+48.8577+002.2950/", "-metadata", "com.apple.quicktime.model=iPhone 15",
         "-metadata", "author=Bench Author", "-movflags", "use_metadata_tags", str(path)],
        check=True)


def run_child(mode: str, src: Path, dst: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), mode, str(src), str(dst)],
                         check=True, capture_output=True, text=True)
    if dst.exists():
        dst.unlink()
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=int, default=1024)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="folder for the video (kept); default: a temporary folder")
    args = parser.parse_args()
    if shutil.which("ffmpeg") is None:
        sys.exit("ffmpeg is needed to make the sample video (apt-get install ffmpeg)")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-media-"))
    folder.mkdir(parents=True, exist_ok=True)
    video = folder / "big.mp4"
    try:
        if not video.exists():
            start = time.perf_counter()
            make_video(video, args.mib)
            print(f"made {video.stat().st_size / 1e6:.0f} MB in {time.perf_counter() - start:.0f} s")
        size = video.stat().st_size
        base = json.loads(subprocess.run([sys.executable, "-c", BASELINE, str(ROOT)], check=True,
                                         capture_output=True, text=True).stdout)["peak"]
        print(f"input: {size / 1e6:.0f} MB; peak RSS of a process that only imports the cleaners: "
              f"{base / 2**20:.0f} MiB")
        results: dict[str, list[dict]] = {"copy": [], "ffmpeg": [], "clean": [], "hash": []}
        for _ in range(args.runs):
            for mode in results:  # alternate, so a busy host hits all alike
                results[mode].append(run_child(mode, video, folder / "out.mp4"))
        names = {"copy": "copy (disk speed)", "ffmpeg": "ffmpeg remux", "clean": "clean to a file",
                 "hash": "clean for a bundle"}
        print(f"{'':22} {'MB/s median (range)':>26} {'wall s':>8} {'CPU s':>7} {'peak RSS MiB':>13} {'vs copy':>8} {'vs ffmpeg':>9}")
        for mode, samples in results.items():
            speeds = [size / 1e6 / s["wall"] for s in samples]
            print(f"{names[mode]:22} {statistics.median(speeds):10.0f} ({min(speeds):.0f}–{max(speeds):.0f})"
                  f"{'':8} {statistics.median(s['wall'] for s in samples):8.1f}"
                  f" {statistics.median(s['cpu'] for s in samples):7.1f}"
                  f" {max(s['peak'] for s in samples) / 2**20:13.0f}"
                  f" {statistics.median(c['wall'] / s['wall'] for c, s in zip(results['copy'], samples)):7.2f}x"
                  f" {statistics.median(f['wall'] / s['wall'] for f, s in zip(results['ffmpeg'], samples)):7.2f}x")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
