"""Every user-visible string ships translated into Russian and Ukrainian.

Fails when a source string lacks a finished translation, when a translation's
placeholders differ from the source, when the .ts/.po files miss strings of the code
or the committed .qm/.mo files are not what the sources compile to (run
tools/update_translations.py), or when the compiled catalogues do not load. See
docs/translations.md; tests/test_translations_shown.py checks every string the code
marks through the installed catalogues.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
LANGS = ("ru", "uk")
PLACEHOLDER = re.compile(r"%(?:\d+|n)|\{[^{}]*\}")

sys.path.insert(0, str(ROOT / "tools"))
import update_translations  # noqa: E402


def ts_path(lang: str) -> Path:
    return TS_DIR / f"incident_journal_{lang}.ts"


def current_messages(lang: str):
    """(context, message element) for every message that is not obsolete."""
    root = ET.parse(ts_path(lang)).getroot()
    for context in root.findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                continue
            yield name, message


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text or ""))


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_has_a_finished_translation(lang):
    problems = []
    for context, message in current_messages(lang):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        where = f"[{context}] {source!r}"
        if translation is None or translation.get("type") == "unfinished":
            problems.append(f"unfinished: {where}")
            continue
        if message.get("numerus") == "yes":
            forms = [f.text or "" for f in translation.findall("numerusform")]
            if len(forms) != 3 or not all(f.strip() for f in forms):  # ru, uk: one / few / many
                problems.append(f"numerus forms missing: {where}")
        elif not (translation.text or "").strip():
            problems.append(f"empty: {where}")
    assert not problems, f"{len(problems)} untranslated in {lang} (translate them in {ts_path(lang).name} " \
        "with Qt Linguist and run tools/update_translations.py):\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_match_the_source(lang):
    problems = []
    for context, message in current_messages(lang):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            continue
        texts = ([f.text or "" for f in translation.findall("numerusform")] if message.get("numerus") == "yes"
                 else [translation.text or ""])
        expected = placeholders(source)
        if message.get("numerus") == "yes" and "%n" not in expected:
            problems.append(f"[{context}] {source!r}: a numerus source needs %n")
        for text in texts:
            if text and placeholders(text) != expected:
                problems.append(f"[{context}] {source!r} -> {text!r}: {placeholders(text)} != {expected}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_contexts_are_class_or_catalogue_names(lang):
    """A context like 'parent' comes from `parent.tr(...)` and never matches at run time."""
    bad = sorted({c for c, _ in current_messages(lang) if not re.fullmatch(r"[A-Z][A-Za-z0-9_]*", c)})
    assert not bad, f"use QCoreApplication.translate('ClassName', ...) instead of obj.tr() for: {bad}"


def test_sources_hold_exactly_the_strings_of_the_code(tmp_path):
    """lupdate and pybabel extract into a temp folder: the .ts/.po/.pot hold the same messages."""
    if update_translations.qt_tool("lupdate") is None:
        pytest.skip("pyside6-lupdate is not installed, cannot compare the .ts files with the code")
    problems = update_translations.stale_sources(tmp_path)
    assert not problems, "run .venv/bin/python tools/update_translations.py\n" + "\n".join(problems[:40])


def test_committed_compiled_catalogues_match_their_sources(tmp_path):
    """.qm and .mo compiled into a temp folder translate exactly like the committed ones."""
    if update_translations.qt_tool("lrelease") is None:
        pytest.skip("pyside6-lrelease is not installed")
    problems = update_translations.stale_compiled(tmp_path)
    assert not problems, "run .venv/bin/python tools/update_translations.py\n" + "\n".join(problems[:40])


def test_update_script_check_mode_agrees():
    """`tools/update_translations.py --check` is what a translator runs: it passes on this tree."""
    import subprocess

    done = subprocess.run([sys.executable, str(ROOT / "tools" / "update_translations.py"), "--check"],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


def test_qt_translations_ship_with_pyside6():
    from PySide6.QtCore import QLibraryInfo

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for lang in LANGS:
        assert (folder / f"qtbase_{lang}.qm").exists()


@pytest.mark.parametrize("lang,expected_entry,expected_cancel", [
    ("ru", "&Новая запись", "Отмена"), ("uk", "&Новий запис", "Скасувати")])
def test_install_translations_loads_app_and_qt_catalogues(qapp, lang, expected_entry, expected_cancel):
    from PySide6.QtCore import QCoreApplication, QLocale

    from journal import i18n as core_i18n
    from ui.common.i18n import install_translations

    try:
        assert install_translations(qapp, lang) == lang
        assert QCoreApplication.translate("MainWindow", "&New entry") == expected_entry
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == expected_cancel
        assert QCoreApplication.translate("MainWindow", "%n entries", "", 3) in ("3 записи", "3 записи")
        assert QCoreApplication.translate("MainWindow", "%n entries", "", 5).startswith("5 запис")
        assert QLocale().language() == {"ru": QLocale.Language.Russian, "uk": QLocale.Language.Ukrainian}[lang]
        assert core_i18n.current_language() == lang
    finally:
        install_translations(qapp, "en")
        core_i18n.reset()
    assert QCoreApplication.translate("MainWindow", "&New entry") == "&New entry"


def test_language_resolution(monkeypatch):
    from ui.common.i18n import normalise, resolve_language

    assert normalise("ru_RU.UTF-8") == "ru" and normalise("uk-UA") == "uk" and normalise("de_DE") == ""
    assert resolve_language("uk") == "uk"
    monkeypatch.setenv("JOURNAL_LANG", "ru")
    assert resolve_language("") == "ru"


# --- core/CLI messages (gettext) -------------------------------------------------------------------
def test_po_files_have_the_russian_and_ukrainian_plural_rules():
    import gettext

    for lang in LANGS:
        with (ROOT / "journal" / "locale" / lang / "LC_MESSAGES" / "journal.mo").open("rb") as fh:
            plural = gettext.GNUTranslations(fh).plural
        assert [plural(n) for n in (1, 2, 5, 11, 21, 22, 25, 111, 0)] == [0, 1, 2, 2, 0, 1, 2, 2, 2], lang


def test_core_plurals_have_three_forms():
    from journal import i18n

    try:
        for lang, expected in (("ru", ["1 запись", "2 записи", "5 записей"]), ("uk", ["1 запис", "2 записи", "5 записів"])):
            i18n.set_language(lang)
            shown = [i18n.ngettext("Deleted {n} entry for good.", "Deleted {n} entries for good.", n).format(n=n)
                     for n in (1, 2, 5)]
            assert all(e in s for e, s in zip(expected, shown)), shown
        i18n.set_language("en")
        assert i18n.ngettext("Deleted {n} entry for good.", "Deleted {n} entries for good.", 1) == \
            "Deleted {n} entry for good."
    finally:
        i18n.reset()


def test_core_gettext_identity_and_translation(monkeypatch):
    from journal import i18n

    try:
        monkeypatch.setenv("LANG", "C.UTF-8")
        monkeypatch.delenv("JOURNAL_LANG", raising=False)
        monkeypatch.delenv("LANGUAGE", raising=False)
        monkeypatch.delenv("LC_ALL", raising=False)
        monkeypatch.delenv("LC_MESSAGES", raising=False)
        i18n.reset()
        assert i18n._("Passphrase changed.") == "Passphrase changed."
        assert i18n._("a text nobody translated") == "a text nobody translated"
        monkeypatch.setenv("JOURNAL_LANG", "uk")
        i18n.reset()
        assert i18n._("Passphrase changed.") == "Парольну фразу змінено."
        monkeypatch.delenv("JOURNAL_LANG")
        monkeypatch.setenv("LANG", "ru_RU.UTF-8")
        i18n.reset()
        assert i18n._("Passphrase changed.") == "Парольная фраза изменена."
        i18n.set_language("en")
        assert i18n._("Passphrase changed.") == "Passphrase changed."
    finally:
        i18n.reset()


def test_core_language_detection():
    from journal.i18n import detect_language

    assert detect_language({}) == "en"
    assert detect_language({"LANG": "uk_UA.UTF-8"}) == "uk"
    assert detect_language({"LANGUAGE": "de:ru", "LANG": "de_DE.UTF-8"}) == "ru"
    assert detect_language({"LC_ALL": "C", "LANG": "ru_RU.UTF-8"}) == "en"
    assert detect_language({"JOURNAL_LANG": "ru", "LANG": "uk_UA.UTF-8"}) == "ru"


def test_wrong_passphrase_error_is_translated(tmp_path, monkeypatch):
    from conftest import FAST_KDF, PASSPHRASE

    from journal import i18n
    from journal.errors import WrongPassphrase
    from journal.storage.vault import Journal, derive_data_key

    Journal.create(tmp_path / "j", PASSPHRASE, "x", kdf=FAST_KDF).journal.close()
    try:
        i18n.set_language("ru")
        with pytest.raises(WrongPassphrase, match="Неверная парольная фраза"):
            derive_data_key(tmp_path / "j", passphrase="not the passphrase at all")
    finally:
        i18n.reset()
