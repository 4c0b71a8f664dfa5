"""Correct plural forms in English, Russian and Ukrainian (issue 17, item 17).

The GUI's counted strings are Qt numerus messages (`self.tr("%n entries", "", n)`): the
English forms come from resources/translations/incident_journal_en.qm (loaded for English
too), the Russian and Ukrainian ones from their catalogues. The CLI uses gettext `ngettext`.
Checked through the compiled catalogues the app loads, for 1, 2, 5 and 21.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"

EXPECTED = {
    "en": {1: "1 entry", 2: "2 entries", 5: "5 entries", 21: "21 entries"},
    "ru": {1: "1 запись", 2: "2 записи", 5: "5 записей", 21: "21 запись"},
    "uk": {1: "1 запис", 2: "2 записи", 5: "5 записів", 21: "21 запис"},
}
# English messages whose two forms read the same ("%n updated").
SAME_IN_ENGLISH = {"%n updated", "%n found{more}", "%n ({overdue} overdue)", "Overview — %n due",
                   "…and %n more (journal verify on the command line lists every one).",
                   # count after a colon: one form in English
                   "Entries in the package: %n", "Sensitive people left out: %n.",
                   "<b>The package does NOT hold.</b> Checks failed: %n",
                   "Package written to {name}. Entries: %n. It is not encrypted; check it with Reports ▸ Verify "
                   "evidence package… or VERIFY.txt."}


def _numerus_messages(lang: str) -> list[tuple[str, str, str | None]]:
    root = ET.parse(TS_DIR / f"incident_journal_{lang}.ts").getroot()
    return [(c.findtext("name") or "", m.findtext("source") or "", m.findtext("comment"))
            for c in root.findall("context") for m in c.findall("message") if m.get("numerus") == "yes"]


@pytest.fixture
def language(qapp, request):
    from ui.common.i18n import install_translations

    assert install_translations(qapp, request.param) == request.param
    yield request.param
    install_translations(qapp, "en")


@pytest.mark.parametrize("language", ["en", "ru", "uk"], indirect=True)
def test_gui_plurals_for_1_2_5_21(language):
    from PySide6.QtCore import QCoreApplication

    for n, text in EXPECTED[language].items():
        assert QCoreApplication.translate("MainWindow", "%n entries", "", n) == text
        assert QCoreApplication.translate("WhatPage", "%n entries", "", n) == text
    # Every counted message has its forms: the number shows, no "(s)", English singular differs.
    for context, source, comment in _numerus_messages(language):
        texts = {n: QCoreApplication.translate(context, source, comment, n) for n in (1, 2, 5, 21)}
        for n, text in texts.items():
            assert str(n) in text and "%n" not in text and "(s)" not in text, (context, source, n, text)
        forms = {n: text.replace(str(n), "#", 1) for n, text in texts.items()}
        if language == "en" and source not in SAME_IN_ENGLISH:
            assert forms[1] != forms[2] and forms[2] == forms[5] == forms[21], (context, source, forms)
        if language in ("ru", "uk") and re.search(r"entries|files|notes|rows", source):
            assert forms[1] == forms[21] != forms[5], (context, source, forms)


def test_english_catalogue_has_every_counted_message():
    """lupdate -pluralonly puts every `%n` message in the English catalogue (tools/update_translations.py)."""
    english = set(_numerus_messages("en"))
    for lang in ("ru", "uk"):
        assert set(_numerus_messages(lang)) <= english


@pytest.mark.parametrize("language", ["en", "ru", "uk"], indirect=True)
def test_gui_widget_shows_the_plural(language, qtbot):
    """A real widget: the import results dialog's details for one new entry and 21 files."""
    from types import SimpleNamespace

    from ui.exchange.importing import ImportResultDialog, ImportRun

    result = SimpleNamespace(status="accepted", path="/x/a.ijbundle", sender=None, warnings=[],
                             counts={"entries_new": 1, "entries_updated": 2, "attachments_linked": 21})
    dialog = ImportResultDialog(ImportRun(results=[result]))
    qtbot.addWidget(dialog)
    text = dialog.tree.topLevelItem(0).text(3)
    first = {"en": "1 new entry", "ru": "1 новая запись", "uk": "1 новий запис"}[language]
    files = {"en": "21 files", "ru": "21 файл", "uk": "21 файл"}[language]
    assert text.startswith(first + ", ") and text.endswith(files)


@pytest.mark.parametrize("lang,expected", [
    ("en", ["1 entry", "2 entries", "5 entries", "21 entries"]),
    ("ru", ["1 запись", "2 записи", "5 записей", "21 запись"]),
    ("uk", ["1 запис", "2 записи", "5 записів", "21 запис"]),
])
def test_cli_plurals_for_1_2_5_21(lang, expected):
    from journal import i18n

    i18n.set_language(lang)
    try:
        got = [i18n.ngettext("{n} entry", "{n} entries", n).format(n=n) for n in (1, 2, 5, 21)]
        wrote = i18n.ngettext("Wrote {count} entry to {out}.", "Wrote {count} entries to {out}.", 21)
    finally:
        i18n.reset()
    assert got == expected
    assert "21" not in wrote and "{count}" in wrote


def test_cli_report_says_1_entry(tmp_path, capsys):
    from journal.cli import main
    from journal.storage.vault import Journal
    from tests.conftest import FAST_KDF, PASSPHRASE

    folder = tmp_path / "j"
    journal = Journal.create(folder, PASSPHRASE, "x", kdf=FAST_KDF).journal
    journal.entries.add(title="One", body="b", occurred_at="2024-03-05T14:10", occurred_tz="UTC")
    journal.close()
    pfile = tmp_path / "p"
    pfile.write_text(PASSPHRASE)
    out = tmp_path / "r.csv"
    assert main(["--data-dir", str(folder), "--passphrase-file", str(pfile), "report", "--format", "csv",
                 "-o", str(out)]) == 0
    assert "Wrote 1 entry to" in capsys.readouterr().out


def test_no_english_cli_or_gui_message_counts_with_a_bracketed_plural():
    """Item 17: "1 file(s)" is never printed: counted messages use ngettext / %n forms, and a
    message whose number is not its subject says it count-free ("original files: {files}")."""
    pot = (ROOT / "journal" / "locale" / "journal.pot").read_text(encoding="utf-8")
    bracketed = re.findall(r'msgid(?:_plural)? "([^"]*\{\w+\}[^"]*\w\(s\)[^"]*)"', pot.replace('"\n"', ""))
    assert bracketed == []
