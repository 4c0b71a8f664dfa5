"""PDF report: time, file size and peak memory of journal/report_pdf.py (fpdf2).

    .venv/bin/python bench/bench_report_pdf.py                      # 1000 entries, 100 with photos
    .venv/bin/python bench/bench_report_pdf.py --entries 200 --photo-every 5
    .venv/bin/python bench/bench_report_pdf.py --compare-qt c725027  # also the old Qt writer

A synthetic journal (bench/gen_journal.py: 150-250 word bodies, 70 % Russian) gets three
640x480 JPEG photos on every --photo-every-th entry, then each writer runs in its own fresh
process, one after the other (never in parallel), --runs times: wall time of write_pdf
(journal already open, fonts not yet loaded), the PDF's size and pages, and the process's
peak RSS minus its RSS before the report. --compare-qt REV loads ui/report_pdf.py as it was
at git revision REV (the QTextDocument/QPdfWriter writer this replaced) for the same figures.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import FAST_KDF, PASSPHRASE, ROOT  # noqa: F401 - puts ROOT on sys.path

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from journal.reports import ReportFilter
from journal.vault import Journal
writer, data_dir, out, passphrase, qt_source = sys.argv[1:6]
journal = Journal.open(Path(data_dir), passphrase)
if writer == "qt":
    import importlib.util, ui
    spec = importlib.util.spec_from_file_location("ui.report_pdf_old", qt_source)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.ensure_gui_application()
    write_pdf = module.write_pdf
else:
    from journal.report_pdf import write_pdf
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
count = write_pdf(journal, ReportFilter(), out, page_size="a4", photos=True, omit_contact_details=True)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"seconds": seconds, "count": count, "rss_mib": (peak - before) / 1024}}))
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
    from journal.vault import Journal

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
    parser.add_argument("--compare-qt", metavar="REV", help="also time ui/report_pdf.py as of git revision REV")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        tmp_path = Path(tmp)
        data_dir = tmp_path / "journal"
        start = time.perf_counter()
        build(data_dir, args.entries, args.photo_every)
        print(f"journal: {args.entries} entries, photos on every {args.photo_every}th "
              f"({time.perf_counter() - start:.0f} s to build)")
        writers = ["fpdf2"]
        qt_source = tmp_path / "old_report_pdf.py"
        if args.compare_qt:
            source = subprocess.run(["git", "show", f"{args.compare_qt}:ui/report_pdf.py"], cwd=ROOT,
                                    capture_output=True, text=True, check=True).stdout
            qt_source.write_text(source.replace("from . import forms_labels", "from ui import forms_labels"))
            writers.append("qt")
        child = CHILD.format(root=str(ROOT))
        results: dict[str, list[dict]] = {w: [] for w in writers}
        for _run in range(args.runs):
            for writer in writers:  # alternate, so background load hits both alike
                out = tmp_path / f"{writer}.pdf"
                env_qt = {"QT_QPA_PLATFORM": "offscreen"}
                proc = subprocess.run([sys.executable, "-c", child, writer, str(data_dir), str(out), PASSPHRASE,
                                       str(qt_source)], capture_output=True, text=True,
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
