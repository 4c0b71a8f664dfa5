"""`journal report`, `journal stats`, `journal forms`: in-process, and the PDF path also as a
real subprocess, as a person runs it (tests/test_architecture.py runs it with Qt unimportable)."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from journal.cli import main
from tests.conftest import PASSPHRASE, needs_tool

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def cli(created, data_dir, tmp_path, capsys):
    journal = created.journal
    person = journal.people.add(name="Ольга Иванова", phones=["+380 44 000 00 00"])
    for i, (city, day) in enumerate([("Минск", "2024-03-05"), ("Минск", "2024-03-05"), ("Гродно", "2024-03-06")]):
        entry = journal.entries.add(title=f"Задержание {i} ✊", category="detention", place=city,
                                    occurred_at=f"{day}T12:0{i}+03:00", body="Подробности")
        journal.people.link(entry.uuid, person.uuid, "detained")
        journal.forms.set_values(entry.uuid, "detention", {"police_unit": "РУВД", "detained_persons": [person.uuid]})
    journal.entries.add(title="Обыск", category="search", place="Минск", occurred_at="2024-03-07T08:00+03:00")
    journal.close()
    pfile = tmp_path / "pass.txt"
    pfile.write_text(PASSPHRASE + "\n")

    def run(*argv):
        code = main(["--data-dir", str(data_dir), "--passphrase-file", str(pfile), *argv])
        out = capsys.readouterr()
        return code, out.out, out.err

    run.pfile = pfile
    run.data_dir = data_dir
    return run


def test_stats_cli(cli):
    code, out, _ = cli("stats", "--json")
    assert code == 0
    data = json.loads(out)
    assert {(r["category"], r["count"]) for r in data["rows"]} == {("Detention", 3), ("Search", 1)}
    code, out, _ = cli("stats", "--by", "place,day", "--category", "detention", "--json")
    rows = {(r["place"], r["day"], r["count"]) for r in json.loads(out)["rows"]}
    assert rows == {("Минск", "2024-03-05", 2), ("Гродно", "2024-03-06", 1)}
    code, out, _ = cli("stats", "--by", "police_unit")
    assert code == 0 and "РУВД" in out and "4 entries" in out
    code, _, err = cli("stats", "--by", "shoe_size")
    assert code == 1 and "shoe_size" in err
    code, out, _ = cli("stats", "--received")
    assert code == 0 and "No entries match." in out


def test_report_csv_and_json_cli(cli, tmp_path):
    out = tmp_path / "r.csv"
    code, stdout, err = cli("report", "--format", "csv", "-o", str(out), "--category", "detention", "--bom",
                            "--omit-contact-details")
    assert code == 0 and "Wrote 3 entries" in stdout and "NOT encrypted" in err
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["title"] for r in rows] == ["Задержание 0 ✊", "Задержание 1 ✊", "Задержание 2 ✊"]
    assert rows[0]["Detention: Detained person(s)"] == "Ольга Иванова"
    assert "+380" not in out.read_text(encoding="utf-8-sig")
    code, _, _ = cli("report", "--format", "json", "-o", str(tmp_path / "r.json"), "--from", "2024-03-06")
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert [e["title"] for e in data["entries"]] == ["Задержание 2 ✊", "Обыск"]
    code, _, err = cli("report", "--format", "csv", "-o", str(tmp_path / "no" / "r.csv"))
    assert code == 1 and "does not exist" in err


def test_reports_leave_out_contact_details_by_default(cli, tmp_path):
    default, included = tmp_path / "default.json", tmp_path / "included.json"
    assert cli("report", "--format", "json", "-o", str(default))[0] == 0
    assert cli("report", "--format", "json", "-o", str(included), "--include-contact-details")[0] == 0
    assert "+380" not in default.read_text(encoding="utf-8")
    assert "+380" in included.read_text(encoding="utf-8")


def test_forms_cli(cli):
    code, out, _ = cli("forms")
    assert code == 0 and "detention" in out and "mobilization" in out
    code, out, _ = cli("form-add-field", "detention", "Protocol number", "--type", "text")
    assert code == 0 and "version 2" in out
    code, out, _ = cli("forms", "detention", "--json")
    form = json.loads(out)
    assert form["version"] == 2 and form["fields"][-1]["key"] == "protocol_number"
    code, out, _ = cli("list", "--json", "--category", "search")
    entry_id = json.loads(out)[0]["id"]
    code, out, _ = cli("form-set", entry_id, "search", "agency=ГУБОПиК", "seized=телефон")
    assert code == 0 and "revision 1" in out
    code, out, _ = cli("search", "ГУБОПиК", "--json")
    assert [(h["kind"], h["id"]) for h in json.loads(out)] == [("form", entry_id)]


@needs_tool("pdftotext", "poppler-utils")
@needs_tool("pdftoppm", "poppler-utils")
def test_report_pdf_cli_subprocess(cli, tmp_path):
    out = tmp_path / "r.pdf"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("DISPLAY", None)
    env.pop("QT_QPA_PLATFORM", None)  # no display and no Qt settings: the CLI needs neither
    proc = subprocess.run(
        [sys.executable, "-m", "journal", "--data-dir", str(cli.data_dir), "--passphrase-file", str(cli.pfile),
         "report", "--format", "pdf", "-o", str(out), "--page-size", "letter", "--title", "Отчёт"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes().startswith(b"%PDF") and oct(out.stat().st_mode & 0o777) == "0o600"
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    for title in ("Отчёт", "Задержание 0", "Задержание 2", "Обыск", "РУВД", "Ольга Иванова"):
        assert title in text
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "612 x 792" in info  # US Letter in points
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "2", str(out), str(tmp_path / "page")],
                   check=True, timeout=120)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 2 and all(p.read_bytes().startswith(b"\x89PNG") and p.stat().st_size > 1000
                                   for p in pages)
    assert int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:"))) >= 5
