"""Every string the code shows is translated in Russian and Ukrainian — checked at run time.

This test does not trust the extraction (lupdate, pybabel): it reads ui/ and journal/ with
`ast`, finds every string literal handed to a translation call, resolves the context the
way Qt does at run time, and translates it through the real compiled catalogues the app
loads (`ui.common.i18n.install_translations` → resources/translations/*.qm, and
`journal.i18n` → journal/locale/<lang>/LC_MESSAGES/journal.mo). A text that comes back
unchanged is shown in English to a Russian or Ukrainian user: the test lists it.

Marks found (see docs/translations.md, "Rules for code that shows text"):
* `self.tr("…"[, disambiguation[, n]])` in a class: context = the class name. PySide6
  looks the text up under the instance's class and then each base class in turn
  (checked below), so the class that contains the call is the context that matches;
* `QCoreApplication.translate("Context", "…"[, disambiguation[, n]])`;
* `QT_TRANSLATE_NOOP("Context", "…")`: a label translated later with
  `QCoreApplication.translate("Context", variable)`;
* `_("…")`, `N_("…")` and `ngettext("…", "…", n)` (gettext, journal/i18n.py).

For safety the resolution also follows what the rules forbid (a module helper
`def tr(text): return QCoreApplication.translate("Ctx", text)`, also when imported from
another module, `tr = QCoreApplication.translate` aliases, module constants and label
dicts passed to tr): such strings are translated at run time under the helper's context,
and test_one_way_to_mark_a_gui_string fails on the helper itself.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("ru", "uk")
QT_APPS = ("QCoreApplication", "QApplication", "QGuiApplication")

# Texts that are legitimately the same in Russian/Ukrainian as in English: (catalogue, text).
# Texts without letters ("100%", "{a} — {b}", "%1") are never reported.
IDENTICAL = {
    ("gettext", "XMP"), ("gettext", "SMS"), ("gettext", "Signal"), ("gettext", "Telegram"), ("gettext", "WhatsApp"),
    ("People", "SMS"), ("People", "Signal"), ("People", "Telegram"), ("People", "WhatsApp"),
    ("gettext", "journal: {exc}"), ("gettext", "journal: {error}"), ("gettext", "          sha256 {sha256}"),
    ("ReportDialog", "&CSV"), ("ReportDialog", "&JSON"), ("ReportDialog", "&PDF"), ("ReportDialog", "A4"),
    ("ReportDialog", "US Letter"), ("NetworkSettingsDialog", "T&or"), ("NetworkSettingsDialog", "Tor &Browser"),
}


@dataclass(frozen=True)
class Mark:
    path: str
    line: int
    context: str  # Qt context, or "gettext"
    text: str
    plural: str | None = None  # gettext plural msgid
    disambiguation: str | None = None
    numerus: bool = False

    def where(self) -> str:
        return f"{self.path}:{self.line} [{self.context}] {self.text!r}"


@dataclass
class Problem:
    path: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what}"


# --- reading the code ----------------------------------------------------------------------------
def _files() -> list[Path]:
    return sorted(p for d in ("ui", "journal") for p in (ROOT / d).rglob("*.py"))


def _module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _literal(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _is_qt_translate(func: ast.AST) -> bool:
    return (isinstance(func, ast.Attribute) and func.attr == "translate"
            and isinstance(func.value, ast.Name) and func.value.id in QT_APPS)


class ModuleInfo:
    """What a module defines that a translation call may refer to."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rel = str(path.relative_to(ROOT))
        self.tree = ast.parse(path.read_text(encoding="utf-8"))
        self.constants: dict[str, str] = {}
        self.dicts: dict[str, list[ast.AST]] = {}
        self.aliases: set[str] = set()  # tr = QCoreApplication.translate
        self.helpers: dict[str, str | None] = {}  # def tr(text): return translate("Ctx", text) -> "Ctx"
        self.imports: dict[str, tuple[str, str]] = {}  # local name -> (module, name)
        for node in self.tree.body:
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if not isinstance(target, ast.Name):
                        continue
                    if _literal(node.value) is not None:
                        self.constants[target.id] = _literal(node.value)
                    elif isinstance(node.value, ast.Dict):
                        self.dicts[target.id] = node.value.values
            elif isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    self.imports[alias.asname or alias.name] = (node.module, alias.name)
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Assign) and _is_qt_translate(node.value):
                self.aliases.update(t.id for t in node.targets if isinstance(t, ast.Name))
            if isinstance(node, ast.ImportFrom):  # imports inside functions count too
                for alias in node.names:
                    self.imports.setdefault(alias.asname or alias.name, (node.module or "", alias.name))
        for fn in self.tree.body:
            if isinstance(fn, ast.FunctionDef) and fn.args.args:
                param = fn.args.args[0].arg
                for node in ast.walk(fn):
                    if (isinstance(node, ast.Call) and _is_qt_translate(node.func) and len(node.args) >= 2
                            and isinstance(node.args[1], ast.Name) and node.args[1].id == param):
                        self.helpers[fn.name] = self.string(node.args[0])

    def string(self, node: ast.AST) -> str | None:
        """A literal, or a module constant's value."""
        text = _literal(node)
        if text is None and isinstance(node, ast.Name):
            text = self.constants.get(node.id)
        return text


class Scanner:
    def __init__(self) -> None:
        self.modules = {_module_name(p): ModuleInfo(p) for p in _files()}
        self.marks: list[Mark] = []
        self.problems: list[Problem] = []

    # following `from ui.x import name` to the module that defines it
    def _origin(self, info: ModuleInfo, name: str) -> tuple[ModuleInfo, str]:
        seen = 0
        while name in info.imports and seen < 5:
            module, original = info.imports[name]
            if module not in self.modules:
                break
            info, name = self.modules[module], original
            seen += 1
        return info, name

    def helper_context(self, info: ModuleInfo, name: str) -> tuple[bool, str | None]:
        owner, original = self._origin(info, name)
        if original in owner.helpers:
            return True, owner.helpers[original]
        return False, None

    def texts(self, info: ModuleInfo, node: ast.AST, loops: dict[str, list[ast.AST]]) -> list[str] | None:
        """The literal texts `node` can stand for at run time, or None if they cannot be known."""
        text = _literal(node)
        if text is not None:
            return [text]
        if isinstance(node, ast.Name):
            if node.id in loops:
                values = [_literal(v) for v in loops[node.id]]
                return values if all(v is not None for v in values) else None
            owner, name = self._origin(info, node.id)
            if name in owner.constants:
                return [owner.constants[name]]
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
            owner, name = self._origin(info, node.value.id)
            values = owner.dicts.get(name)
            if values is None:
                return None
            texts = [_literal(v) for v in values]
            return texts if all(t is not None for t in texts) else None
        return None

    def scan(self) -> None:
        for info in self.modules.values():
            self._scan_module(info)

    def _scan_module(self, info: ModuleInfo) -> None:
        scanner = self

        class Visitor(ast.NodeVisitor):
            def __init__(self) -> None:
                self.classes: list[str] = []
                self.loops: dict[str, list[ast.AST]] = {}

            def visit_ClassDef(self, node: ast.ClassDef) -> None:
                self.classes.append(node.name)
                self.generic_visit(node)
                self.classes.pop()

            def visit_For(self, node: ast.For) -> None:
                if isinstance(node.target, ast.Name) and isinstance(node.iter, (ast.Tuple, ast.List)):
                    self.loops[node.target.id] = node.iter.elts
                self.generic_visit(node)

            def visit_Call(self, node: ast.Call) -> None:
                scanner._call(info, node, self.classes[-1] if self.classes else None, self.loops)
                self.generic_visit(node)

        Visitor().visit(info.tree)

    def _add(self, info, node, context, text_node, loops, **extra) -> None:
        if isinstance(text_node, ast.JoinedStr):
            self.problems.append(Problem(info.rel, node.lineno, "an f-string is never in a catalogue: "
                                         "use a literal with {placeholders} and .format()"))
            return
        texts = self.texts(info, text_node, loops)
        if texts is None:
            return  # a variable: the literal it holds is marked elsewhere (QT_TRANSLATE_NOOP, N_)
        for text in texts:
            self.marks.append(Mark(info.rel, node.lineno, context, text, **extra))

    def _call(self, info: ModuleInfo, node: ast.Call, cls: str | None, loops) -> None:
        func, args = node.func, node.args
        if not args:
            return
        name = func.id if isinstance(func, ast.Name) else None
        if isinstance(func, ast.Attribute) and func.attr == "tr" and isinstance(func.value, ast.Name) \
                and func.value.id == "self" and cls is not None:
            numerus = len(args) >= 3 or any(k.arg == "n" for k in node.keywords)
            self._add(info, node, cls, args[0], loops, numerus=numerus,
                      disambiguation=_literal(args[1]) if len(args) >= 2 else None)
        elif _is_qt_translate(func) or (name in info.aliases) or name == "QT_TRANSLATE_NOOP":
            if len(args) < 2:
                return
            context = info.string(args[0])
            if context is None:
                self.problems.append(Problem(info.rel, node.lineno, "translate() needs a literal context"))
                return
            self._add(info, node, context, args[1], loops, numerus=len(args) >= 4,
                      disambiguation=_literal(args[2]) if len(args) >= 3 else None)
        elif name in ("_", "N_") and not info.rel.endswith("journal/i18n.py"):
            self._add(info, node, "gettext", args[0], loops)
        elif name == "ngettext" and len(args) >= 2 and _literal(args[1]) is not None:
            self._add(info, node, "gettext", args[0], loops, plural=_literal(args[1]))
        elif name is not None:
            is_helper, context = self.helper_context(info, name)
            if is_helper and context is not None:
                self._add(info, node, context, args[0], loops)
                if self.texts(info, args[0], loops) is not None:
                    self.problems.append(Problem(info.rel, node.lineno, (
                        f"{name}() hides the context {context!r} from lupdate: write "
                        f"QCoreApplication.translate({context!r}, \"…\") here")))


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    s = Scanner()
    s.scan()
    return s


def _english(text: str, n: int | None) -> str:
    return text.replace("%n", str(n)) if n is not None else text


def _needs_translation(mark: Mark) -> bool:
    if (mark.context, mark.text) in IDENTICAL:
        return False
    stripped = re.sub(r"%\d+|%n|\{[^{}]*\}|<[^<>]*>|&\w+;", "", mark.text)
    return bool(re.search(r"[A-Za-z]", stripped))


@pytest.mark.parametrize("lang", LANGS)
def test_every_marked_string_is_translated_at_run_time(qapp, scanner, lang):
    from PySide6.QtCore import QCoreApplication

    from journal import i18n
    from ui.common.i18n import install_translations

    qt_marks = [m for m in scanner.marks if m.context != "gettext" and _needs_translation(m)]
    core_marks = [m for m in scanner.marks if m.context == "gettext" and _needs_translation(m)]
    assert len(qt_marks) > 1000 and len(core_marks) > 500  # the whole of ui/ and journal/ was read
    untranslated: dict[tuple[str, str], Mark] = {}
    try:
        assert install_translations(qapp, lang) == lang  # the .qm files and the .mo, as the app loads them
        for mark in qt_marks:
            for n in ((1, 2, 5) if mark.numerus else (None,)):
                shown = QCoreApplication.translate(mark.context, mark.text, mark.disambiguation,
                                                   -1 if n is None else n)
                if shown == _english(mark.text, n):
                    untranslated.setdefault((mark.context, mark.text), mark)
        i18n.set_language(lang)
        for mark in core_marks:
            if mark.plural is not None:
                shown = [i18n.ngettext(mark.text, mark.plural, n) for n in (1, 2, 5)]
                english = [mark.text, mark.plural, mark.plural]
                if any(s == e for s, e in zip(shown, english)):
                    untranslated.setdefault(("gettext", mark.text), mark)
            elif i18n._(mark.text) == mark.text:
                untranslated.setdefault(("gettext", mark.text), mark)
    finally:
        install_translations(qapp, "en")
        i18n.reset()
    listing = "\n".join(m.where() for m in sorted(untranslated.values(), key=lambda m: (m.path, m.line)))
    assert not untranslated, (
        f"{len(untranslated)} string(s) show in English in the {lang} interface. Add their translations "
        f"(resources/translations/incident_journal_{lang}.ts in Qt Linguist, or journal/locale/{lang}/"
        f"LC_MESSAGES/journal.po), then run tools/update_translations.py — see docs/translations.md:\n"
        + listing)


def test_one_way_to_mark_a_gui_string(scanner):
    """No helper hides the context from lupdate: self.tr() or translate() with a literal context."""
    problems = list(scanner.problems)
    for info in scanner.modules.values():
        for fstring in (n for n in ast.walk(info.tree) if isinstance(n, ast.JoinedStr)):
            for node in ast.walk(fstring):
                if isinstance(node, ast.Call) and any(_literal(a) is not None for a in node.args) and (
                        _is_qt_translate(node.func) or (isinstance(node.func, ast.Attribute) and node.func.attr == "tr")
                        or (isinstance(node.func, ast.Name) and node.func.id in ("_", "N_", "ngettext"))):
                    problems.append(Problem(info.rel, node.lineno, "a translation inside an f-string: lupdate and "
                                            "pybabel do not look there; translate first, then format"))
        for alias in info.aliases:
            problems.append(Problem(info.rel, 1, f"{alias} = QCoreApplication.translate: lupdate does not "
                                    "follow aliases"))
        for node in ast.walk(info.tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if (isinstance(func, ast.Attribute) and func.attr == "tr" and not (
                    isinstance(func.value, ast.Name) and func.value.id == "self")):
                problems.append(Problem(info.rel, node.lineno, f"{ast.unparse(func)}(): the context would be "
                                        "another class's; use self.tr() or translate(\"Context\", …)"))
            if _is_qt_translate(func) and node.args and _literal(node.args[0]) is None:
                problems.append(Problem(info.rel, node.lineno, "translate() with a context lupdate cannot read"))
            if (isinstance(func, ast.Attribute) and func.attr == "tr" and node.args
                    and _literal(node.args[0]) is None and not isinstance(node.args[0], ast.JoinedStr)):
                problems.append(Problem(info.rel, node.lineno, f"{ast.unparse(node)[:80]}: lupdate cannot "
                                        "read this text; mark the literal with QT_TRANSLATE_NOOP(\"Context\", …) "
                                        "and translate it with QCoreApplication.translate(\"Context\", variable)"))
    assert not problems, "\n".join(sorted(map(str, problems), key=str))


def test_pyside6_self_tr_uses_the_class_that_holds_the_call(qapp, tmp_path):
    """The rule above: PySide6 looks up self.tr() under the instance's class, then its bases."""
    import subprocess

    from PySide6.QtCore import QCoreApplication, QObject, QTranslator

    ts = tmp_path / "t.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="ru_RU">'
                  "<context><name>Base</name><message><source>hello</source><translation>привет</translation>"
                  "</message></context></TS>", encoding="utf-8")
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not installed next to this Python")
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(tmp_path / "t.qm")], check=True)

    class Base(QObject):
        def hello(self) -> str:
            return self.tr("hello")

    class Sub(Base):
        pass

    translator = QTranslator()
    assert translator.load(str(tmp_path / "t.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        assert Base().hello() == "привет" and Sub().hello() == "привет"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_counted_gui_strings_are_plural_messages(scanner):
    """A tr(…, n) must reach the .ts as numerus (three forms in ru/uk): lupdate misses some forms of call."""
    import xml.etree.ElementTree as ET

    numerus: set[tuple[str, str]] = set()
    for lang in LANGS:
        root = ET.parse(ROOT / "resources" / "translations" / f"incident_journal_{lang}.ts").getroot()
        numerus |= {(c.findtext("name"), m.findtext("source")) for c in root.findall("context")
                    for m in c.findall("message") if m.get("numerus") == "yes"}
    counted = {(m.context, m.text): m for m in scanner.marks if m.numerus and m.context != "gettext"}
    assert len(counted) > 10
    wrong = sorted(m.where() for key, m in counted.items() if key not in numerus)
    assert not wrong, ("not a plural message in the .ts (write self.tr(text, \"\", n) in a class; lupdate reads "
                       "QCoreApplication.translate(…, n) as plural only with a literal n):\n" + "\n".join(wrong))


@pytest.mark.parametrize("lang,trust,received,review", [
    ("ru", "Доверять этому отправителю?", "Полученные", "Нужно уточнить"),
    ("uk", "Довіряти цьому відправникові?", "Отримані", "Треба уточнити")])
def test_the_import_flow_speaks_the_interface_language(qapp, monkeypatch, lang, trust, received, review):
    """The strings issue 16 found in English: the trust question, the Received filter, review states."""
    from PySide6.QtWidgets import QMessageBox

    from journal.exchange.importer import NewSender
    from ui.common.i18n import install_translations
    from ui.exchange import importing, received_filter, received_review

    shown = {}

    def fake_exec(box):
        shown.update(title=box.windowTitle(), text=box.text())
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    sender = NewSender("Anna", "ab" * 32, "age1xyz", same_name_other_keys=[object()])
    try:
        install_translations(qapp, lang)
        assert importing.ask_trust(None, sender) is False
        assert shown["title"] == trust and trust in shown["text"] and "Anna" in shown["text"]
        assert shown["text"].startswith({"ru": "ВНИМАНИЕ", "uk": "УВАГА"}[lang])
        window = type("Window", (), {"session": None})()
        assert received_filter.received_group(window)() == (received, [])
        assert received_review.review_labels()["needs_follow_up"] == review
    finally:
        install_translations(qapp, "en")
    assert received_review.review_labels()["needs_follow_up"] == "Needs follow-up"
