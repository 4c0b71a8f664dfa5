"""GUI start-up figures: cold start to the unlock window, unlock to a ready main window.

    QT_QPA_PLATFORM=offscreen python bench/bench_gui_startup.py [--entries 100000]

Targets (issue 3): cold start <= 1.0 s; main window with 100k entries ready
<= 0.5 s after the key is derived (the KDF is reported separately); scrolling
the whole list loads rows in blocks, never all at once. An event-loop probe (a 1 ms
timer; issue 20) reports the longest the GUI thread did not answer during unlock
(from the opened journal to the first list, the sidebar, People and Contact log read and the
first entry in the editor),
sidebar clicks (Drafts, a category), the Statistics, People and Contact log pages, selecting
another entry, the Down key held through 20 entries, typing a search and scrolling its hits
past the first page (target <= 100 ms at 100k). Prints figures; asserts nothing.
The generated journal lives in a temporary folder and is deleted afterwards.

The probe alone, on a journal made by gen_journal.py (and bench_people for people and
contact-log records), against a baseline source tree in the same run (alternating, one
fresh process per run):

    python bench/gen_journal.py /tmp/j --entries 100000 --fast-kdf
    git archive main | tar -x -C /tmp/base
    python bench/bench_gui_startup.py --journal /tmp/j --baseline-tree /tmp/base --runs 5
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

ROOT = Path(__file__).resolve().parent.parent
# --tree DIR: run the probe on another source tree (the baseline); it must come first on the path.
TREE = Path(sys.argv[sys.argv.index("--tree") + 1]) if "--tree" in sys.argv else ROOT
sys.path.insert(0, str(TREE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from journal.storage.keyslots import DEFAULT_KDF, KdfParams  # noqa: E402
from journal.storage.vault import Journal, derive_data_key  # noqa: E402

BENCH_KDF = KdfParams(memory_kib=8192, iterations=1, lanes=1)  # data generation only
PASSPHRASE = "benchmark passphrase, not a secret"
PLACES = ["Москва", "Санкт-Петербург", "Казань", "Kyiv", "Minsk", "Tbilisi", "Yerevan", "Almaty"]
CATEGORIES = ["detention", "police_violence", "search", "court_hearing", "mobilization", None]


def cold_start(data_dir: Path, runs: int) -> list[float]:
    """Wall-clock from spawning `python main.py` to its first window being shown."""
    times = []
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir),
                                 "--quit-when-ready"], stdout=subprocess.PIPE, text=True, env=env)
        line = proc.stdout.readline()
        elapsed = time.perf_counter() - start
        proc.wait(timeout=30)
        if not line.startswith("ready"):
            raise SystemExit(f"main.py did not report ready: {line!r}")
        times.append(elapsed)
    return times


def build_journal(data_dir: Path, count: int) -> None:
    created = Journal.create(data_dir, PASSPHRASE, "bench", kdf=BENCH_KDF)
    journal = created.journal
    journal.entries.add_many(dict(
        title=f"Incident {i}: detentions near the square",
        body=f"Police detained {i % 17 + 1} people. Witness statement number {i}. " * 3,
        occurred_at=f"20{20 + i % 5}-{i % 12 + 1:02d}-{i % 28 + 1:02d}T{i % 24:02d}:{i % 60:02d}",
        occurred_tz="Europe/Moscow", place=PLACES[i % len(PLACES)], category=CATEGORIES[i % 6],
        tags=["protest"] if i % 3 == 0 else [], status="final" if i % 4 else "draft") for i in range(count))
    journal.close()


def longest_freeze(app, action, done, timeout: float = 60.0) -> float:
    """Seconds of the longest gap between ticks of a 1 ms timer while `action` runs inside
    the event loop and until `done()`: how long the GUI thread did not answer."""
    from PySide6.QtCore import QEventLoop, QTimer

    last = [time.perf_counter()]
    longest = [0.0]

    def tick() -> None:
        now = time.perf_counter()
        longest[0] = max(longest[0], now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(tick)
    timer.start()
    last[0] = time.perf_counter()
    QTimer.singleShot(0, action)
    deadline = time.perf_counter() + timeout
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    while not done() and time.perf_counter() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    settle = time.perf_counter() + 0.05
    while time.perf_counter() < settle:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    timer.stop()
    return longest[0]


def _settled(window) -> bool:
    """Everything unlock reads has arrived (attributes a baseline tree lacks count as arrived)."""
    people = window.people_feature
    return (window.model.rowCount() > 0 and not window.model.loading
            and not getattr(window, "sidebar_loading", False)
            and not getattr(people.people_page, "loading", False)
            and not getattr(people.log_page, "loading", False)
            and not getattr(people.panel, "loading", False)
            and not getattr(window, "editor_pending", False))  # the first entry is in the editor


def freezes(data_dir: Path, key: bytes) -> dict[str, float]:
    """The event-loop probe: the longest GUI freeze of each step (seconds).

    Unlock starts from an opened journal, as in the app (the key is derived and the journal
    opened on a worker thread, through run_op): the session, the main window filled, until the first list,
    the sidebar's tags and the People and Contact log lists have all arrived."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from ui.common.session import JournalSession
    from ui.entries.model import UUID_ROLE
    from ui.main_window import MainWindow
    from ui.forms.feature import STATISTICS_SECTION
    from ui.people.feature import CONTACT_LOG_SECTION, PEOPLE_SECTION

    from ui.common.ops import run_op

    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.show()
    state: dict = {}
    # Opened on a worker through run_op, as the unlock window does (its threads are then running).
    run_op(None, lambda _ctx: Journal.open_with_key(data_dir, key), lambda journal: state.update(journal=journal),
           show_dialog=False)
    while "journal" not in state:
        app.processEvents()

    def unlock() -> None:
        state["session"] = JournalSession(state["journal"])
        window.attach(state["session"])

    out = {"unlock (main window filled)": longest_freeze(app, unlock, lambda: _settled(window))}
    out["sidebar Drafts"] = longest_freeze(
        app, lambda: window.sidebar.setCurrentItem(window.sidebar.topLevelItem(1)), lambda: not window.model.loading)
    tops = [window.sidebar.topLevelItem(i) for i in range(window.sidebar.topLevelItemCount())]
    item = next(t for t in tops if t.childCount()).child(0)  # the first category
    out["sidebar category"] = longest_freeze(
        app, lambda: window.sidebar.setCurrentItem(item), lambda: not window.model.loading)
    stats_page = window.forms_feature.stats_page
    out["Statistics page"] = longest_freeze(
        app, lambda: window.sidebar.select_section(STATISTICS_SECTION),
        lambda: stats_page.table_data is not None and not stats_page.counting)
    people = window.people_feature
    out["People page"] = longest_freeze(
        app, lambda: window.sidebar.select_section(PEOPLE_SECTION),
        lambda: not getattr(people.people_page, "loading", False))
    out["Contact log page"] = longest_freeze(
        app, lambda: window.sidebar.select_section(CONTACT_LOG_SECTION),
        lambda: not getattr(people.log_page, "loading", False))
    window.sidebar.select_all_entries()
    longest_freeze(app, lambda: None, lambda: not window.model.loading)
    longest_freeze(app, lambda: None, lambda: not getattr(window, "editor_pending", False))
    model = window.model

    def editor_shows(row: int) -> bool:
        return (not getattr(window, "editor_pending", False)
                and window.editor.current_uuid == model.data(model.index(row, 0), UUID_ROLE))

    out["select another entry"] = longest_freeze(
        app, lambda: window.select_rowid(model.rowid_at(5)), lambda: editor_shows(5))
    window.table.setFocus()
    pressed: list[int] = []

    def arrow_down() -> None:  # Down held: a key every 33 ms (auto-repeat), 20 entries
        for i in range(20):
            QTimer.singleShot(33 * i, lambda: (QTest.keyClick(window.table, Qt.Key.Key_Down), pressed.append(1)))

    out["arrow keys through 20 entries"] = longest_freeze(
        app, arrow_down, lambda: len(pressed) == 20 and editor_shows(window.table.currentIndex().row()))
    window.search.setFocus()
    word, typed = "задержание", []

    def type_word() -> None:  # a key every 60 ms, as a person types (QTest.keyClicks is ASCII only)
        for i, ch in enumerate(word):
            QTimer.singleShot(60 * i, lambda ch=ch: (window.search.insert(ch), typed.append(ch)))

    out[f"typing a search ('{word}')"] = longest_freeze(
        app, type_word, lambda: len(typed) == len(word) and window.model.searching
        and not window._search_timer.isActive() and not window.model.loading)
    first_page = model.rowCount()
    out["scroll the search hits past the first page"] = longest_freeze(
        app, lambda: window.table.scrollToBottom(),
        lambda: model.rowCount() > first_page and not getattr(model, "fetching", False))
    window.detach()
    state["session"].close()
    window.deleteLater()
    return out


def probe_runs(journal_dir: Path, passphrase: str, trees: dict[str, Path], runs: int) -> None:
    """The probe in a fresh process per run, the trees alternating; medians and worst runs."""
    import json

    results: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    for run in range(runs):
        for name, tree in trees.items():
            out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--probe-child", "--tree", str(tree),
                                  "--journal", str(journal_dir), "--passphrase", passphrase],
                                 capture_output=True, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
            lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
            if out.returncode or not lines:
                raise SystemExit(f"probe on {name} failed:\n{out.stderr[-2000:]}")
            results[name].append(json.loads(lines[-1]))
            print(f"  run {run + 1} {name}: " + ", ".join(f"{k.split(' (')[0]} {v * 1000:.0f}"
                                                        for k, v in results[name][-1].items()), flush=True)
    steps = list(results[next(iter(trees))][0])
    print(f"event-loop probe, longest GUI freeze in ms, median (max) of {runs} runs (target <= 100 ms):")
    print(f"  {'step':40} " + " ".join(f"{name:>18}" for name in trees))
    for step in steps:
        cells = []
        for name in trees:
            values = [r[step] * 1000 for r in results[name] if step in r]
            cells.append(f"{statistics.median(values):8.1f} ({max(values):6.1f})" if values else f"{'—':>18}")
        print(f"  {step:40} " + " ".join(f"{c:>18}" for c in cells))


def unlock_to_ready(data_dir: Path, key: bytes, scroll: bool) -> tuple[float, dict]:
    """Seconds from a derived key to a painted main window with the first rows shown."""
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow
    from ui.common.session import JournalSession

    app = QApplication.instance() or QApplication([])
    # The app builds the empty main window while the worker derives the key (ui/app.py
    # _prebuild_main_window), so that cost is not on the unlock path; it is reported apart.
    built = time.perf_counter()
    window = MainWindow()
    build_s = time.perf_counter() - built
    start = time.perf_counter()
    journal = Journal.open_with_key(data_dir, key)
    session = JournalSession(journal)
    window.attach(session)
    window.show()
    app.processEvents()
    window.table.viewport().repaint()
    elapsed = time.perf_counter() - start
    model = window.model
    info = {"rows": model.rowCount(), "blocks_after_open": model.fetch_count, "cached": model.cached_row_count()}
    print(f"  unlock to ready: {elapsed:.3f} s ({info['rows']} rows, {info['cached']} in memory; "
          f"main window built during the KDF in {build_s:.3f} s)", flush=True)

    # Scroll the whole list a page at a time; blocks load as they come into view.
    bar = window.table.verticalScrollBar()
    max_cached_step = 0
    scroll_start = time.perf_counter()
    steps = 0
    for value in range(0, bar.maximum() + 1 if scroll else 0, max(1, bar.pageStep())):
        before = model.cached_row_count()
        bar.setValue(value)
        window.table.viewport().repaint()
        max_cached_step = max(max_cached_step, model.cached_row_count() - before)
        steps += 1
    info.update(scroll_pages=steps, scroll_s=time.perf_counter() - scroll_start, blocks_after_scroll=model.fetch_count,
                largest_single_load=max_cached_step)
    window.detach()
    session.close()
    window.deleteLater()
    return elapsed, info


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--journal", type=Path, help="probe only, on this journal (made by gen_journal.py)")
    parser.add_argument("--passphrase", default="benchmark passphrase", help="the --journal's passphrase")
    parser.add_argument("--baseline-tree", type=Path, help="with --journal: also probe this source tree, alternating")
    parser.add_argument("--tree", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--probe-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.probe_child:
        import json

        key = derive_data_key(args.journal, args.passphrase)
        print(json.dumps(freezes(args.journal, key)), flush=True)
        return 0
    if args.journal:
        trees = {"this tree": ROOT}
        if args.baseline_tree:
            trees = {"baseline": args.baseline_tree, "this tree": ROOT}
        probe_runs(args.journal, args.passphrase, trees, args.runs)
        return 0
    work = Path(tempfile.mkdtemp(prefix="ij-bench-"))
    os.environ["JOURNAL_CONFIG_HOME"] = str(work / "config")
    try:
        small = work / "small"
        Journal.create(small, PASSPHRASE, "small", kdf=BENCH_KDF).journal.close()
        times = cold_start(small, args.runs)
        print(f"cold start to unlock window: median {statistics.median(times):.3f} s, "
              f"min {min(times):.3f} s over {args.runs} runs (target <= 1.0 s)")

        real = work / "default-kdf"
        Journal.create(real, PASSPHRASE, "kdf", kdf=DEFAULT_KDF).journal.close()
        start = time.perf_counter()
        derive_data_key(real, PASSPHRASE)
        print(f"key derivation with the default KDF (Argon2id {DEFAULT_KDF.memory_kib // 1024} MiB, "
              f"{DEFAULT_KDF.iterations} it, {DEFAULT_KDF.lanes} lanes): {time.perf_counter() - start:.3f} s "
              "(on a worker thread)")

        big = work / "big"
        start = time.perf_counter()
        build_journal(big, args.entries)
        print(f"generated {args.entries} entries in {time.perf_counter() - start:.1f} s")
        key = derive_data_key(big, PASSPHRASE)
        results = [unlock_to_ready(big, key, scroll=(i == 2)) for i in range(3)]
        elapsed = [r[0] for r in results]
        info = results[-1][1]
        print(f"unlock (key derived) to main window ready with {info['rows']} entries: "
              f"median {statistics.median(elapsed):.3f} s, runs {', '.join(f'{e:.3f}' for e in elapsed)} "
              "(target <= 0.5 s)")
        print(f"  after opening: {info['blocks_after_open']} block(s) fetched, {info['cached']} rows in memory")
        print(f"  scrolled all {info['scroll_pages']} pages in {info['scroll_s']:.2f} s; "
              f"{info['blocks_after_scroll']} blocks fetched in total, largest single load "
              f"{info['largest_single_load']} rows (never all {info['rows']})")
        print("event-loop probe: longest GUI freeze (target <= 100 ms):")
        for label, seconds in freezes(big, key).items():
            print(f"  {label:40} {seconds * 1000:7.1f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
