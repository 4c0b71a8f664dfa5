"""PDF report: time, file size and peak memory of journal/report_pdf.py (fpdf2).

    .venv/bin/python bench/bench_report_pdf.py                      # 1000 entries, 100 with photos
    .venv/bin/python bench/bench_report_pdf.py --entries 200 --photo-every 5
    .venv/bin/python bench/bench_report_pdf.py --compare-qt c725027  # also the old Qt writer

A synthetic journal (bench/gen_journal.py: 150-250 word bodies, 70 % Russian) gets three
640x480 JPEG photos on every --photo-every-th entry, then each writer runs in its own fresh
process, one after the other (never in parallel), --runs times: wall time of write_pdf
(journal already open, fonts not yet loaded), the PDF's size and pages, and the peak of the
process's RSS while writing (sampled every 10 ms from /proc) minus its RSS before.
--compare-qt REV runs ui/report_pdf.py from a copy of the tree at git revision REV
(`git archive`; the QTextDocument/QPdfWriter writer this replaced, e.g. c725027) on the
same journal, for the same figures; REV's code must open the journal's schema.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import FAST_KDF, PASSPHRASE, ROOT  # noqa: F401 - puts ROOT on sys.path

CHILD = r"""
import json, sys, time
writer, data_dir, out, passphrase, root = sys.argv[1:6]
sys.path.insert(0, root)
from pathlib import Path
if writer == "qt":  # the tree as it was at --compare-qt REV
    from journal.reports import ReportFilter
    from journal.vault import Journal
    from ui import report_pdf
    report_pdf.ensure_gui_application()
    write_pdf = report_pdf.write_pdf
else:
    from journal.records.reports import ReportFilter
    from journal.storage.vault import Journal
    from journal.report_pdf import write_pdf
journal = Journal.open(Path(data_dir), passphrase)
import os, threading
PAGE = os.sysconf("SC_PAGE_SIZE")
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE
before = rss()
peak = [before]
done = threading.Event()
def sample():  # the peak of the current RSS while the report is written (Qt's memory included)
    while not done.wait(0.01):
        peak[0] = max(peak[0], rss())
sampler = threading.Thread(target=sample)
sampler.start()
start = time.perf_counter()
count = write_pdf(journal, ReportFilter(), out, page_size="a4", photos=True, omit_contact_details=True)
seconds = time.perf_counter() - start
done.set()
sampler.join()
peak[0] = max(peak[0], rss())
print(json.dumps({"seconds": seconds, "count": count, "rss_mib": (peak[0] - before) / 2**20}))
"""


def _photo(rng: random.Random) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (640, 480), tuple(rng.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y = rng.randrange(640), rng.randrange(480)
        draw.ellipse((x, y, x + rng.randrange(10, 120), y + rng.randrange(10, 120)),
                     fill=tuple(rng.randrange(256) for _ in range(3)))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def build(data_dir: Path, entries: int, photo_every: int) -> None:
    from gen_journal import fill_journal, generate_entries
    from journal.storage.vault import Journal

    rng = random.Random(16)
    journal = Journal.create(data_dir, PASSPHRASE, "Synthetic journal", kdf=FAST_KDF).journal
    try:
        fill_journal(journal, generate_entries(entries))
        if photo_every:
            uuids = [r[0] for r in journal.db.query("SELECT uuid FROM entries ORDER BY id")]
            for uuid in uuids[::photo_every]:
                for i in range(3):
                    journal.attachments.add_bytes(uuid, _photo(rng), f"photo_{i}.jpg")
    finally:
        journal.close()


def pages(path: Path) -> str:
    if not shutil.which("pdfinfo"):
        return "?"
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--photo-every", type=int, default=10, help="three photos on every Nth entry (0: none)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--compare-qt", metavar="REV", help="also time ui/report_pdf.py from the tree at git revision REV")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        tmp_path = Path(tmp)
        data_dir = tmp_path / "journal"
        start = time.perf_counter()
        build(data_dir, args.entries, args.photo_every)
        print(f"journal: {args.entries} entries, photos on every {args.photo_every}th "
              f"({time.perf_counter() - start:.0f} s to build)")
        roots = {"fpdf2": ROOT}
        if args.compare_qt:
            old = tmp_path / "old-tree"
            old.mkdir()
            archive = subprocess.run(["git", "archive", args.compare_qt], cwd=ROOT, capture_output=True, check=True)
            subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
            roots["qt"] = old
        writers = list(roots)
        results: dict[str, list[dict]] = {w: [] for w in writers}
        for _run in range(args.runs):
            for writer in writers:  # alternate, so background load hits both alike
                out = tmp_path / f"{writer}.pdf"
                env_qt = {"QT_QPA_PLATFORM": "offscreen"}
                proc = subprocess.run([sys.executable, "-c", CHILD, writer, str(data_dir), str(out), PASSPHRASE,
                                       str(roots[writer])], capture_output=True, text=True, cwd=tmp_path,
                                      env={**__import__("os").environ, **env_qt})
                if proc.returncode:
                    print(proc.stderr, file=sys.stderr)
                    return 1
                result = json.loads(proc.stdout.strip().splitlines()[-1])
                result["size_mib"] = out.stat().st_size / 2**20
                result["pages"] = pages(out)
                results[writer].append(result)
        print(f"{'writer':<8} {'time s (median)':>16} {'size MiB':>9} {'pages':>6} {'peak RSS +MiB':>14}")
        for writer, runs in results.items():
            print(f"{writer:<8} {statistics.median(r['seconds'] for r in runs):>16.2f} "
                  f"{runs[-1]['size_mib']:>9.2f} {runs[-1]['pages']:>6} "
                  f"{statistics.median(r['rss_mib'] for r in runs):>14.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
