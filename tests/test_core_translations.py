"""The core's and the CLI's messages (journal/, gettext `_()`): complete, consistent, used right.

Qt-free. In the test run the language is English (LANG=C), so other tests that match
English messages keep working; here a language is chosen with journal.i18n.set_language().
"""

from __future__ import annotations

import ast
import gettext
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import update_translations  # noqa: E402

LANGS = ("ru", "uk")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def _modules():
    for path in sorted((ROOT / "journal").rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"))


def _marker(node: ast.AST) -> str | None:
    """'_' or 'N_' when node is a call of the gettext marker, else None."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "N_"):
        return node.func.id
    return None


def core_messages() -> dict[str, str]:
    """Every `_("literal")`, `N_("literal")` and ngettext singular in journal/, mapped to the first file."""
    found: dict[str, str] = {}
    for path, tree in _modules():
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("_", "N_", "ngettext") and node.args
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.setdefault(node.args[0].value, str(path.relative_to(ROOT)))
    return found


def test_every_core_message_has_ru_and_uk_with_the_same_placeholders():
    catalogue = update_translations.po_translations(LANGS)
    messages = core_messages()
    assert len(messages) > 400  # the whole of journal/, not only vault and key slots
    missing = sorted(set(messages) - set(catalogue))
    assert not missing, f"run tools/update_translations.py and translate in journal/locale/*/LC_MESSAGES/journal.po: {missing}"
    problems = []
    for source in messages:
        translations = catalogue[source]
        assert len(translations) == len(LANGS), source
        for lang, forms in zip(LANGS, translations):
            for text in (forms if isinstance(forms, tuple) else (forms,)):
                if not text.strip():
                    problems.append(f"{lang}: empty translation for {source!r}")
                elif placeholders(text) != placeholders(source):
                    problems.append(f"{lang}: {source!r} -> {text!r}")
                elif lang in ("ru", "uk") and re.search(r"[A-Za-z]{3,}", PLACEHOLDER.sub("", source)) \
                        and not re.search(r"[А-Яа-яІіЇїЄєҐґ]", text) and text != source:
                    problems.append(f"{lang}: looks untranslated: {text!r}")
    assert not problems, "\n".join(problems)


def test_messages_are_literals_and_format_arguments_match_placeholders():
    """`_()` takes a literal (never an f-string), and `.format(...)` fills exactly its placeholders."""
    problems = []
    for path, tree in _modules():
        rel = path.relative_to(ROOT)
        for node in ast.walk(tree):
            kind = _marker(node)
            if kind and (not node.args or not isinstance(node.args[0], ast.Constant)):
                if not (kind == "_" and path.name != "i18n.py" and node.args
                        and isinstance(node.args[0], ast.Name)):  # _(name) of an N_() word is fine
                    problems.append(f"{rel}:{node.lineno}: {kind}() needs a string literal")
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"
                    and _marker(node.func.value) == "_" and isinstance(node.func.value.args[0], ast.Constant)):
                source = node.func.value.args[0].value
                wanted = {re.split(r"[!:.\[]", p[1:-1])[0] for p in PLACEHOLDER.findall(source)}
                given = {k.arg for k in node.keywords}
                if node.args or wanted != given:
                    problems.append(f"{rel}:{node.lineno}: {source!r} placeholders {sorted(wanted)} "
                                    f"but .format() gets {sorted(given)} (positional: {len(node.args)})")
    assert not problems, "\n".join(problems)


def test_no_function_shadows_the_gettext_function():
    """`for x, _ in ...` in a function that also calls `_()` makes `_` local: the call would fail."""
    problems = []
    scopes = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef,
              ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
    for path, tree in _modules():
        if path.name == "i18n.py":
            continue
        for fn in [tree, *(n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)))]:
            stores, calls = [], []

            def visit(node, fn=fn, stores=stores, calls=calls):
                for child in ast.iter_child_nodes(node):
                    if isinstance(child, ast.Name) and child.id == "_":
                        (stores if isinstance(child.ctx, ast.Store) else calls).append(child.lineno)
                    if isinstance(child, scopes):
                        # a nested scope reads the enclosing `_`: count its calls, not its stores
                        calls.extend(n.lineno for n in ast.walk(child) if isinstance(n, ast.Name) and n.id == "_"
                                     and isinstance(n.ctx, ast.Load))
                        continue
                    visit(child)

            visit(fn)
            if stores and calls:
                problems.append(f"{path.relative_to(ROOT)}: {getattr(fn, 'name', '<module>')} assigns _ "
                                f"(lines {stores}) and calls _() (lines {calls})")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_compiled_mo_files_translate_every_message(lang):
    catalogue = update_translations.po_translations(LANGS)
    mo = ROOT / "journal" / "locale" / lang / "LC_MESSAGES" / "journal.mo"
    with mo.open("rb") as fh:
        translations = gettext.GNUTranslations(fh)
    index = LANGS.index(lang)
    stale = [s for s in core_messages()
             if not isinstance(catalogue[s][index], tuple) and translations.gettext(s) != catalogue[s][index]]
    assert not stale, f"run .venv/bin/python tools/update_translations.py ({len(stale)} stale, e.g. {stale[:3]})"


@pytest.fixture
def language():
    from journal import i18n

    yield i18n.set_language
    i18n.reset()


def test_bundle_rejection_is_translated_and_still_english_by_default(language):
    from journal.exchange.bundle.errors import BundleRejected
    from journal.i18n import _

    language("en")
    english = BundleRejected(_("member hash mismatch: {path}").format(path="entries.jsonl"))
    assert english.reason == "member hash mismatch: entries.jsonl"
    assert str(english) == "The bundle was rejected: member hash mismatch: entries.jsonl."
    language("ru")
    russian = BundleRejected(_("not addressed to this journal"))
    assert str(russian) == "Пакет отклонён: адресован не этому журналу."
    language("uk")
    assert str(BundleRejected(_("signature invalid"))) == "Пакет відхилено: підпис недійсний."


def test_validation_messages_translate_the_field_name_too(language):
    from journal.errors import InvalidInput
    from journal.records.people_validation import clean_text
    from journal.timeutil import day_bound

    language("ru")
    with pytest.raises(InvalidInput, match="Поле «заметки» содержит символ NUL"):
        clean_text("a\x00b", "notes")
    language("uk")
    with pytest.raises(InvalidInput, match="Це не дата"):
        day_bound("yesterday")
    language("en")
    with pytest.raises(InvalidInput, match="Not a date"):
        day_bound("yesterday")


def test_storage_and_network_errors_are_translated(language):
    """Messages built from a caught exception (disk full, HTTP status) follow the language too."""
    import sqlcipher3

    from journal.storage.db import storage_error
    from journal.exchange.transport.settings import NetworkSettings
    from journal.exchange.transport.targets import parse_drop_url
    from journal.exchange.transport.webdav import WebDavClient

    language("ru")
    assert str(storage_error(sqlcipher3.OperationalError("database or disk is full"))).startswith("Диск заполнен")
    client = WebDavClient(parse_drop_url("https://drop.example/folder/"), NetworkSettings())
    answer = type("Answer", (), {"status_code": 503})()
    assert str(client._status_error(answer, "store the bundle")) == (
        "На сервере произошла ошибка (503) при попытке сохранить пакет на сервере. Попробуйте позже.")
    language("uk")
    assert "отримати список файлів теки" in str(client._status_error(answer, "list the folder"))


def test_cancelled_follows_the_language_at_raise_time(language):
    from journal.errors import Cancelled

    language("uk")
    assert str(Cancelled()) == "Скасовано."
    language("en")
    assert str(Cancelled()) == "Cancelled."
    assert str(Cancelled("Sending was cancelled.")) == "Sending was cancelled."


def test_cli_output_is_translated(tmp_path, monkeypatch, capsys):
    """A CLI command's output line follows JOURNAL_LANG."""
    from journal import i18n
    from journal.cli import main

    monkeypatch.setenv("JOURNAL_LANG", "ru")
    i18n.reset()
    try:
        code = main(["--data-dir", str(tmp_path), "erase"])
    finally:
        i18n.reset()
    err = capsys.readouterr().err
    assert code != 0 and "Стирание уничтожает журнал навсегда. Добавьте --yes" in err, err
