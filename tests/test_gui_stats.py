"""The Statistics page (counts, chart, copy) and the Export report dialog (CSV, PDF)."""

from __future__ import annotations

import csv
import subprocess

import pytest
from PySide6.QtGui import QGuiApplication, QImage

from conftest import require_tool
from gui_helpers import SAMPLE_ENTRIES, unlocked  # noqa: F401  (fixture)

pytestmark = pytest.mark.gui


def _open_stats(qtbot, window):
    feature = window.forms_feature
    feature.stats_action.trigger()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is feature.stats_page, timeout=20_000)
    qtbot.waitUntil(lambda: not feature.stats_page.counting, timeout=20_000)
    return feature.stats_page


def _counted(qtbot, page):
    """Counting runs off the GUI thread: wait for the latest request's answer."""
    qtbot.waitUntil(lambda: not page.counting, timeout=20_000)


def test_statistics_page_counts_and_copies(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    page = _open_stats(qtbot, window)
    # by category: independent count from the sample data
    labels = dict(window.session.reader.entries.categories())
    expected = {}
    for entry in SAMPLE_ENTRIES:
        expected[labels[entry["category"]]] = expected.get(labels[entry["category"]], 0) + 1
    got = {page.table.item(r, 0).text(): int(page.table.item(r, 1).text()) for r in range(page.table.rowCount())}
    assert got == expected
    assert page.chart.bars == [(k, v) for k, v in page.table_data.rows]
    # place then day
    page.by_combo.setCurrentIndex(page.by_combo.findData("place"))
    page.then_combo.setCurrentIndex(page.then_combo.findData("day"))
    _counted(qtbot, page)
    rows = {tuple(page.table.item(r, c).text() for c in range(3)) for r in range(page.table.rowCount())}
    assert rows == {("Moscow", "2024-03-01", "1"), ("Moscow", "2024-03-04", "1"), ("Казань", "2024-02-27", "1")}
    # by a form field once values exist
    uuid = next(s.uuid for s in window.session.reader.queries.page() if s.title.startswith("Detentions"))
    window.session.write_and_wait(lambda j: j.forms.set_values(uuid, "detention", {"police_unit": "OVD 5"}))
    page.attach(window.session)  # what showing the page again does
    page.then_combo.setCurrentIndex(0)
    page.by_combo.setCurrentIndex(page.by_combo.findData("detention.police_unit"))
    _counted(qtbot, page)
    got = {page.table.item(r, 0).text(): page.table.item(r, 1).text() for r in range(page.table.rowCount())}
    assert got == {"OVD 5": "1", "(none)": "2"}
    # a filter with no matches
    page.origin_combo.setCurrentIndex(page.origin_combo.findData("received"))
    _counted(qtbot, page)
    assert page.table.rowCount() == 0 and "No entries" in page.summary.text()
    page.origin_combo.setCurrentIndex(0)
    _counted(qtbot, page)
    page.copy_table()
    text = QGuiApplication.clipboard().text()
    assert text.splitlines()[0] == "detention.police_unit\tcount" and "OVD 5\t1" in text
    # the chart paints
    page.resize(900, 600)
    image = QImage(page.chart.size(), QImage.Format.Format_ARGB32)
    page.chart.render(image)
    assert not image.isNull()


def test_report_dialog_writes_csv_and_pdf(qtbot, unlocked, tmp_path):
    window = unlocked.main_window
    qtbot.addWidget(window)
    feature = window.forms_feature
    feature.report_action.trigger()
    dialog = feature.report_dialog
    assert "3 entries" in dialog.count_label.text()
    assert dialog.omit_contacts.isChecked()  # the safer choice is the default
    dialog.scope.setCurrentIndex(dialog.scope.findData("all"))
    out = tmp_path / "report.csv"
    dialog.export_to(out)
    qtbot.waitUntil(lambda: dialog.result_path == out, timeout=10_000)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(r["title"] for r in rows) == sorted(e["title"] for e in SAMPLE_ENTRIES)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "not encrypted" in dialog.message.text()

    dialog.set_format("pdf")
    dialog.page_size.setCurrentIndex(dialog.page_size.findData("a4"))
    pdf = tmp_path / "report.pdf"
    dialog.export_to(pdf)
    qtbot.waitUntil(lambda: dialog.result_path == pdf, timeout=30_000)
    assert pdf.read_bytes().startswith(b"%PDF")
    pdftotext = require_tool("pdftotext", "poppler-utils")
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for entry in SAMPLE_ENTRIES:
        assert entry["title"] in text
    assert "Page 1 of" in text  # the core's writer (journal/report_pdf.py), as the CLI uses
    info = subprocess.run([require_tool("pdfinfo", "poppler-utils"), str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    assert "595.28 x 841.89 pts (A4)" in info  # A4 in points
    dialog.close()


def test_statistics_count_off_the_gui_thread_latest_request_wins(qtbot, unlocked, monkeypatch):
    import threading

    import ui.forms.stats_page as stats_page

    window = unlocked.main_window
    qtbot.addWidget(window)
    page = _open_stats(qtbot, window)
    threads, release = [], threading.Event()
    real = stats_page.stats

    def slow_stats(db, flt, dims):
        threads.append(threading.current_thread())
        if dims == ["place"]:
            release.wait(10)  # the first request is still counting when the second is made
        return real(db, flt, dims)

    monkeypatch.setattr(stats_page, "stats", slow_stats)
    page.by_combo.setCurrentIndex(page.by_combo.findData("place"))
    assert page.counting
    page.by_combo.setCurrentIndex(page.by_combo.findData("status"))
    qtbot.waitUntil(lambda: len(threads) == 2, timeout=10_000)
    release.set()
    _counted(qtbot, page)
    qtbot.wait(200)  # the older answer arrives too, and is dropped
    assert threading.main_thread() not in threads
    assert page.table_data.dimensions == ["status"]
