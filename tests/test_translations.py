"""Every user-visible string ships translated into Russian and Ukrainian.

Fails when a source string lacks a finished translation, when a translation's
placeholders differ from the source, when the .ts files are older than the
sources (run tools/update_translations.py), or when the compiled catalogues do
not load. See docs/translations.md.
"""

from __future__ import annotations

import ast
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
            if len(forms) != update_translations.PLURAL_FORMS or not all(f.strip() for f in forms):
                problems.append(f"numerus forms missing: {where}")
        elif not (translation.text or "").strip():
            problems.append(f"empty: {where}")
    assert not problems, f"{len(problems)} untranslated in {lang} (add them to " \
        "resources/translations/catalogue_*.py and run tools/update_translations.py):\n" + "\n".join(problems)


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


def test_ts_files_are_up_to_date_with_the_sources(tmp_path):
    if update_translations.qt_tool("lupdate") is None:
        pytest.skip("pyside6-lupdate is not installed, cannot compare the .ts files with the sources")
    fresh = update_translations.messages_of(update_translations.extract(tmp_path))
    for lang in LANGS:
        stored = update_translations.messages_of(ET.parse(ts_path(lang)))
        missing, stale = sorted(fresh - stored), sorted(stored - fresh)
        assert not missing and not stale, (
            f"{lang}: run .venv/bin/python tools/update_translations.py\n"
            f"new in the sources: {missing[:20]}\nno longer in the sources: {stale[:20]}")


def test_compiled_catalogues_exist_and_are_newer_than_the_ts_files():
    for lang in LANGS:
        qm = ts_path(lang).with_suffix(".qm")
        assert qm.exists(), f"{qm.name} missing: run tools/update_translations.py"
        assert qm.stat().st_mtime >= ts_path(lang).stat().st_mtime - 1


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
def _core_literals() -> set[str]:
    """Every _("literal") and N_("literal") in journal/."""
    found = set()
    for path in (ROOT / "journal").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "N_")
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.add(node.args[0].value)
    return found


def test_core_messages_are_all_in_the_cli_catalogue():
    catalogue = update_translations.load_cli_catalogue()
    missing = sorted(_core_literals() - set(catalogue))
    assert not missing, f"add to resources/translations/cli_catalogue_core.py: {missing}"
    for source, forms in catalogue.items():
        for text in forms:
            assert text.strip() and placeholders(text) == placeholders(source), (source, text)


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
