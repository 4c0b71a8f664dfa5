"""`journal --help`, argparse's messages and the stored words the CLI prints, in Russian and Ukrainian.

Qt-free. Subprocess tests run `python -m journal` with JOURNAL_LANG (or LANG=C for English);
in-process tests choose the language with journal.i18n.set_language() and build the parser
inside journal.cli.argparse_i18n.argparse_in_our_language(), exactly as main() does.
"""

from __future__ import annotations

import argparse
import gettext
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import update_translations

LANGS = ("ru", "uk")
CYRILLIC = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]")
PERCENT = re.compile(r"%(?:\([a-z_]+\))?[srd]")
BRACES = re.compile(r"\{[^{}]*\}")
WORDS = {  # per language: words that must appear in the output
    "ru": {"usage": "использование:", "options": "параметры:", "help": "показать эту справку и выйти",
           "positional": "позиционные аргументы:", "error": "ошибка:",
           "required": "не указаны обязательные аргументы: id", "choice": "недопустимое значение: 'foo'",
           "description": "Журнал инцидентов: зашифрованный журнал", "title": "--title ЗАГОЛОВОК",
           "final": "отметить как готовую (по умолчанию: черновик)", "data_dir": "--data-dir ПАПКА"},
    "uk": {"usage": "використання:", "options": "параметри:", "help": "показати цю довідку й вийти",
           "positional": "позиційні аргументи:", "error": "помилка:",
           "required": "не вказано обов'язкові аргументи: id", "choice": "неприпустиме значення: 'foo'",
           "description": "Журнал інцидентів: зашифрований журнал", "title": "--title ЗАГОЛОВОК",
           "final": "позначити як готовий (типово: чернетка)", "data_dir": "--data-dir ТЕКА"},
}
# Help texts that are lists of the stored words a user types (they stay as typed).
STORED_WORD_LISTS = re.compile(r"^[a-z-]+(, [a-z-]+)+$")
# Metavars that are codes, not words: kept in every language.
CODE_METAVARS = {"ID", "URL", "ISO8601", "SHA256", "ENTRY_ID", "PERSON_ID", "KEEP_ID", "ABSORB_ID"}
METAVAR = re.compile(r"[A-Z][A-Z_.|:=a-z]*")


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("JOURNAL_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    env.update(PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8", **extra)
    return env


def _run(*argv: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "journal", *argv], check=False, capture_output=True, text=True,
                          encoding="utf-8", env=_env(**env), timeout=120, cwd=ROOT)


# --- subprocess: what a user sees -----------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_main_help_is_translated(lang):
    result = _run("--help", JOURNAL_LANG=lang)
    words = WORDS[lang]
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for key in ("usage", "options", "help", "positional", "description", "data_dir"):
        assert words[key] in out, (key, out)
    assert "usage:" not in out and "show this help message" not in out and "options:" not in out
    assert "Incident Journal: an encrypted journal" not in out
    assert "create a new journal and print its recovery code once" not in out


@pytest.mark.parametrize("lang", LANGS)
def test_subcommand_help_is_translated(lang):
    result = _run("add", "--help", JOURNAL_LANG=lang)
    assert result.returncode == 0, result.stderr
    for key in ("usage", "options", "help", "title", "final"):
        assert WORDS[lang][key] in result.stdout, (key, result.stdout)
    assert "mark as final" not in result.stdout and "IANA time zone" not in result.stdout


@pytest.mark.parametrize("lang", LANGS)
def test_missing_argument_is_a_translated_usage_error_with_exit_code_2(lang):
    result = _run("show", JOURNAL_LANG=lang)
    assert result.returncode == 2
    assert WORDS[lang]["usage"] in result.stderr
    assert f"journal show: {WORDS[lang]['error']} {WORDS[lang]['required']}" in result.stderr, result.stderr
    assert "the following arguments are required" not in result.stderr


@pytest.mark.parametrize("lang", LANGS)
def test_invalid_choice_is_a_translated_usage_error_with_exit_code_2(lang):
    result = _run("list", "--status", "foo", JOURNAL_LANG=lang)
    assert result.returncode == 2
    # The choices are stored words, shown as typed.
    assert WORDS[lang]["choice"] in result.stderr and "'draft', 'final'" in result.stderr, result.stderr
    assert "invalid choice" not in result.stderr and "argument --status" not in result.stderr


def test_english_is_unchanged_under_lang_c():
    result = _run("--help", LANG="C")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: journal [-h] [--data-dir DIR] [--passphrase-file FILE]")
    assert "Incident Journal: an encrypted journal for documenting incidents." in result.stdout
    assert "\noptions:\n  -h, --help            show this help message and exit" in result.stdout
    assert "    init                create a new journal and print its recovery code once" in result.stdout
    add = _run("add", "--help", LANG="C")
    assert "--title TITLE" in add.stdout and "--final               mark as final (default: draft)" in add.stdout
    error = _run("show", LANG="C")
    assert error.returncode == 2
    assert "journal show: error: the following arguments are required: id" in error.stderr
    choice = _run("list", "--status", "foo", LANG="C")
    assert choice.returncode == 2
    assert "argument --status: invalid choice: 'foo' (choose from 'draft', 'final')" in choice.stderr


# --- in process: every help text of every parser ---------------------------------------------------------
@pytest.fixture
def language():
    from journal import i18n

    yield i18n.set_language
    i18n.reset()


def _parsers(parser: argparse.ArgumentParser, path: str = "journal"):
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, f"{path} {name}")


def _texts(parser: argparse.ArgumentParser):
    """(what, text) of everything our code hands argparse for people to read."""
    if parser.description:
        yield "description", parser.description
    for group in parser._action_groups:
        yield "group title", group.title
    for action in parser._actions:
        if action.help and action.help != argparse.SUPPRESS:
            yield f"help of {action.dest}", action.help
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                yield f"help of command {choice.dest}", choice.help
        metavars = action.metavar if isinstance(action.metavar, tuple) else (action.metavar,)
        for metavar in metavars:
            if metavar:
                yield f"metavar of {action.dest}", metavar


def _build(lang: str, set_language) -> argparse.ArgumentParser:
    from journal.cli import build_parser
    from journal.cli.argparse_i18n import argparse_in_our_language

    set_language(lang)
    with argparse_in_our_language():
        return build_parser()


@pytest.mark.parametrize("lang", LANGS)
def test_every_help_text_of_every_parser_is_translated(lang, language):
    parser = _build(lang, language)
    english = dict(_parsers(_build("en", language)))
    untranslated = []
    count = 0
    for path, sub in _parsers(parser):
        for (what, text), (_what, source) in zip(_texts(sub), _texts(english[path]), strict=True):
            count += 1
            if STORED_WORD_LISTS.match(source) or source in CODE_METAVARS or len(source) <= 2:
                continue
            if not CYRILLIC.search(text) or text == source:
                untranslated.append(f"{path}: {what}: {text!r}")
    assert count > 250  # every command, not only the top level
    assert not untranslated, "\n".join(untranslated)


@pytest.mark.parametrize("lang", LANGS)
def test_every_translated_help_page_formats(lang, language):
    """argparse %-formats help texts and wraps usage on metavars: a bad translation would raise."""
    parser = _build(lang, language)
    from journal.cli.argparse_i18n import argparse_in_our_language

    with argparse_in_our_language():
        pages = [sub.format_help() for _path, sub in _parsers(parser)]
    assert all(WORDS[lang]["usage"] in page for page in pages)


def test_the_adapter_leaves_argparse_as_it_found_it(language):
    from journal.cli import main

    before = (argparse._, argparse.ngettext)
    language("ru")
    with pytest.raises(SystemExit) as exc:
        main(["list", "--status", "foo"])
    assert exc.value.code == 2
    assert (argparse._, argparse.ngettext) == before == (gettext.gettext, gettext.ngettext)


def test_plural_message_uses_a_count_free_wording(language):
    from journal.cli.argparse_i18n import translate_plural

    language("uk")
    assert translate_plural("expected %s argument", "expected %s arguments", 3) % 3 == "очікується аргументів: 3"
    language("en")
    assert translate_plural("expected %s argument", "expected %s arguments", 1) == "expected %s argument"
    assert translate_plural("expected %s argument", "expected %s arguments", 2) == "expected %s arguments"


# --- the catalogue ---------------------------------------------------------------------------------
def test_help_texts_keep_their_percent_and_brace_placeholders():
    """Every .po message (help texts are %-formatted by argparse): same placeholders, no bare %."""
    from babel.messages.pofile import read_po

    with update_translations.po_path(LANGS[0]).open("rb") as fh:  # metavars are words of journal/cli/
        cli_only = {m.id for m in read_po(fh) if m.id and all(f.startswith("journal/cli/") for f, _l in m.locations)}
    problems = []
    for source, translations in update_translations.po_translations(LANGS).items():
        assert len(translations) == len(LANGS), source
        for lang, forms in zip(LANGS, translations):
            if isinstance(forms, tuple):  # ngettext: placeholders are checked in test_core_translations
                continue
            text = forms
            if sorted(PERCENT.findall(text)) != sorted(PERCENT.findall(source)):
                problems.append(f"{lang}: % placeholders differ: {source!r} -> {text!r}")
            if sorted(BRACES.findall(text)) != sorted(BRACES.findall(source)):
                problems.append(f"{lang}: {{}} placeholders differ: {source!r} -> {text!r}")
            if text.count("%") != source.count("%"):
                problems.append(f"{lang}: a bare % breaks argparse's help formatting: {text!r}")
            if source in cli_only and METAVAR.fullmatch(source) and re.search(r"[\s()\[\]]", text):
                problems.append(f"{lang}: a metavar needs one word without brackets: {text!r}")
    assert not problems, "\n".join(problems)


def test_argparse_messages_we_translate_exist_in_this_python():
    """The msgids are copied from Lib/argparse.py: a Python upgrade that rewords one shows up here."""
    from journal.cli.argparse_i18n import ARGPARSE_MESSAGES, NGETTEXT_MESSAGES

    source = Path(argparse.__file__).read_text(encoding="utf-8")
    missing = [m for m in ARGPARSE_MESSAGES if repr(m) not in source and f'"{m}"' not in source]
    missing += [s for s, _p in NGETTEXT_MESSAGES if repr(s) not in source]
    assert not missing, missing


def test_stored_words_and_builtin_forms_have_translations():
    from journal.records import display_labels as shown

    catalogue = update_translations.po_translations(LANGS)
    vocabularies = (shown.STATUS, shown.SOURCE, shown.PERSON_ROLES, shown.LINK_ROLES, shown.CHANNELS,
                    shown.DIRECTIONS, shown.FOLLOW_UP_STATES, shown.REVIEW_STATUSES, shown.FETCH_STATUSES,
                    shown.RECORD_KINDS, shown.BUILTIN_CATEGORY_LABELS, shown.VALUE_WORDS)
    texts = {label for vocabulary in vocabularies for label in vocabulary.values()} | set(shown.seed_texts())
    missing = sorted(t for t in texts if t not in catalogue or not all(catalogue[t]))
    assert not missing, missing
    from journal.storage.migrations.m001_entries import SEED_CATEGORIES

    assert dict(SEED_CATEGORIES) == shown.BUILTIN_CATEGORY_LABELS


# --- stored words in listings: translated for people, JSON unchanged -------------------------------------
@pytest.fixture
def cli(created, data_dir, tmp_path, capsys, language):
    created.journal.close()
    pfile = tmp_path / "pass.txt"
    pfile.write_text(PASSPHRASE + "\n")
    from journal.cli import main

    def run(lang, *argv):
        language(lang)
        code = main(["--data-dir", str(data_dir), "--passphrase-file", str(pfile), *argv])
        out = capsys.readouterr()
        assert code == 0, out.err
        return out.out

    return run


def test_listings_show_translated_stored_words_and_json_stays_english(cli):
    entry = cli("en", "add", "--title", "У метро", "--category", "detention", "--source", "witnessed").strip()
    person = cli("en", "person", "add", "--name", "Иван", "--role", "detainee").strip()
    cli("en", "link", entry, person, "--role", "officer_involved")
    cli("en", "log", "add", "--person", person, "--channel", "in-person", "--direction", "incoming",
        "--summary", "встреча у суда")

    listing = cli("ru", "list")
    assert "Задержание" in listing and "черновик" in listing
    shown = cli("uk", "show", entry)
    assert "категорія: Затримання" in shown and "статус: чернетка" in shown and "джерело: бачив(ла) сам(а)" in shown
    people = cli("ru", "person", "show", person)
    assert "задержанный" in people and "причастный сотрудник: У метро" in people and "лично/входящий" in people
    assert "Обыск" in cli("ru", "categories")
    stats = cli("uk", "stats", "--by", "category,status")
    assert "Затримання" in stats and "чернетка" in stats and "кількість" in stats.splitlines()[0]
    forms = cli("ru", "forms")
    assert "Задержание" in forms and "detention" in forms  # keys stay: they are typed
    assert "Время задержания" in cli("ru", "forms", "detention")

    assert json.loads(cli("ru", "list", "--json"))[0]["category"] == "detention"
    assert json.loads(cli("ru", "list", "--json"))[0]["status"] == "draft"
    rows = json.loads(cli("uk", "stats", "--by", "category,status", "--json"))["rows"]
    assert rows == [{"category": "Detention", "status": "draft", "count": 1}]
    data = json.loads(cli("ru", "person", "show", person, "--json"))
    assert data["roles"] == ["detainee"] and data["entries"][0]["role"] == "officer_involved"
    assert data["contact_log"][0]["channel"] == "in_person"
    english = cli("en", "list")
    assert "Detention" in english and "draft" in english
