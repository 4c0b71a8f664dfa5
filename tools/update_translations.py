#!/usr/bin/env python3
"""Regenerate resources/translations/*.ts from the sources, fill them, compile .qm.

    .venv/bin/python tools/update_translations.py          # extract, fill, compile
    .venv/bin/python tools/update_translations.py --check  # list what lacks a translation

Steps (see docs/translations.md):
1. `pyside6-lupdate` reads every ui/*.py (listed explicitly: lupdate needs the
   files named) and finds self.tr(...) and QCoreApplication.translate("Ctx", ...).
2. A small AST pass adds what lupdate cannot see: module helpers such as
   `def _tr(text): return QCoreApplication.translate("Ctx", text)` and their
   calls, `tr = QCoreApplication.translate` aliases, translate() calls whose
   context is a module constant, and dict literals of labels passed through a
   helper (ui/people/labels.py). lupdate files those under an empty context,
   which would never match at run time, so they are dropped.
3. Translations come from the Python dicts in resources/translations/catalogue_*.py
   (source -> (ru, uk); numerus sources map to tuples of three forms). Sources
   with no entry there stay type="unfinished" and tests/test_translations.py fails.
4. `pyside6-lrelease` compiles incident_journal_<lang>.qm next to the .ts files.
5. The core/CLI catalogue (journal/i18n.py, gettext) is written as journal/locale/<lang>/
   LC_MESSAGES/journal.po and .mo from resources/translations/cli_catalogue*.py; every
   `_("literal")` in journal/ (found with ast, no xgettext needed) must have an entry there.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
TS_DIR = ROOT / "resources" / "translations"
LANGS = {"ru": "ru_RU", "uk": "uk_UA"}
PLURAL_FORMS = 3  # Russian and Ukrainian: one / few / many
CLI_LOCALE_DIR = ROOT / "journal" / "locale"


# --- finding the Qt tools ---------------------------------------------------------------------------
def qt_tool(name: str) -> str | None:
    """Path of pyside6-<name> (lupdate/lrelease): next to this Python, on PATH, or in the PySide6 wheel."""
    candidates = [Path(sys.executable).parent / f"pyside6-{name}", ROOT / ".venv" / "bin" / f"pyside6-{name}"]
    found = shutil.which(f"pyside6-{name}")
    if found:
        candidates.append(Path(found))
    try:
        import PySide6

        candidates.append(Path(PySide6.__file__).parent / name)
        candidates.append(Path(PySide6.__file__).parent / "Qt" / "libexec" / name)
    except ImportError:
        pass
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def source_files() -> list[Path]:
    """Every Python file whose strings users see (new ui/ modules are picked up automatically)."""
    return sorted(p for p in UI_DIR.rglob("*.py") if p.name != "__init__.py")


# --- extraction --------------------------------------------------------------------------------------
Message = tuple[str, str, bool]  # (context, source, numerus)


def run_lupdate(files: list[Path], out: Path) -> None:
    lupdate = qt_tool("lupdate")
    if lupdate is None:
        raise RuntimeError("pyside6-lupdate not found (install PySide6-Essentials into .venv)")
    subprocess.run([lupdate, "-silent", "-locations", "none", "-no-obsolete", *map(str, files), "-ts", str(out)],
                   check=True, cwd=ROOT)


def _is_translate(node: ast.AST, aliases: set[str]) -> bool:
    if isinstance(node, ast.Attribute):
        return node.attr == "translate" and isinstance(node.value, ast.Name) and node.value.id in (
            "QCoreApplication", "QApplication", "QGuiApplication")
    return isinstance(node, ast.Name) and node.id in aliases


def _str(node: ast.AST | None, consts: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return consts.get(node.id)
    return None


def helper_messages(path: Path) -> list[Message]:
    """Strings lupdate misses: see the module docstring, step 2."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    consts = {t.id: n.value.value for n in tree.body if isinstance(n, ast.Assign)
              and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)
              for t in n.targets if isinstance(t, ast.Name)}
    aliases = {t.id for n in ast.walk(tree) if isinstance(n, ast.Assign) and _is_translate(n.value, set())
               for t in n.targets if isinstance(t, ast.Name)}
    helpers: dict[str, str] = {}  # function name -> context
    for fn in ast.walk(tree):
        if isinstance(fn, ast.FunctionDef) and fn.args.args:
            param = fn.args.args[0].arg
            for ret in ast.walk(fn):
                if (isinstance(ret, ast.Return) and isinstance(ret.value, ast.Call)
                        and _is_translate(ret.value.func, aliases) and len(ret.value.args) >= 2
                        and isinstance(ret.value.args[1], ast.Name) and ret.value.args[1].id == param):
                    ctx = _str(ret.value.args[0], consts)
                    if ctx:
                        helpers[fn.name] = ctx
    found: list[Message] = []
    # self.tr("...") where lupdate does not look (inside f-strings): context = the enclosing class.
    for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
        for call in ast.walk(cls):
            if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "tr"
                    and isinstance(call.func.value, ast.Name) and call.func.value.id == "self" and call.args):
                text = _str(call.args[0], {})
                if text:
                    found.append((cls.name, text, len(call.args) >= 3))
    for fn in [tree, *[n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]]:
        local_dicts = {t.id: n.value for n in ast.walk(fn) if isinstance(n, ast.Assign)
                       and isinstance(n.value, ast.Dict) for t in n.targets if isinstance(t, ast.Name)}
        # `for unit in ("bytes", "KB"): ... tr(unit)`: the loop's literals are the messages.
        loop_values = {n.target.id: n.iter.elts for n in ast.walk(fn) if isinstance(n, ast.For)
                       and isinstance(n.target, ast.Name) and isinstance(n.iter, (ast.Tuple, ast.List))}
        for call in ast.walk(fn):
            if not isinstance(call, ast.Call) or not call.args:
                continue
            func = call.func
            if _is_translate(func, aliases) and len(call.args) >= 2:
                ctx, text = _str(call.args[0], consts), _str(call.args[1], {})
                if ctx and text:
                    found.append((ctx, text, len(call.args) >= 4))
            elif isinstance(func, ast.Name) and func.id in helpers:
                arg = call.args[0]
                text = _str(arg, {})
                if text:
                    found.append((helpers[func.id], text, False))
                elif (isinstance(arg, ast.Subscript) and isinstance(arg.value, ast.Name)
                      and arg.value.id in local_dicts):
                    for value in local_dicts[arg.value.id].values:
                        if isinstance(value, ast.Constant) and isinstance(value.value, str):
                            found.append((helpers[func.id], value.value, False))
                elif isinstance(arg, ast.Name) and arg.id in loop_values:
                    for value in loop_values[arg.id]:
                        if isinstance(value, ast.Constant) and isinstance(value.value, str):
                            found.append((helpers[func.id], value.value, False))
    return found


def builtin_form_messages() -> list[Message]:
    """Labels and choices of the built-in forms (journal/records/forms_seed.py), shown via ui/forms/labels.py."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from ui.forms.labels import CONTEXT, seed_texts

    return [(CONTEXT, text, False) for text in seed_texts()]


def extract(work_dir: Path) -> ET.ElementTree:
    """A fresh .ts tree (no translations) with every message of the current sources."""
    files = source_files()
    raw = work_dir / "extracted.ts"
    run_lupdate(files, raw)
    tree = ET.parse(raw)
    root = tree.getroot()
    contexts: dict[str, ET.Element] = {}
    for context in list(root.findall("context")):
        name = context.findtext("name") or ""
        if not name:  # module-level tr() calls: re-found with their real context below
            root.remove(context)
            continue
        contexts[name] = context
    seen = {(c, m.findtext("source")) for c, ctx in contexts.items() for m in ctx.findall("message")}
    for ctx, text, numerus in [m for path in files for m in helper_messages(path)] + builtin_form_messages():
        if (ctx, text) in seen:
            continue
        seen.add((ctx, text))
        if ctx not in contexts:
            contexts[ctx] = ET.SubElement(root, "context")
            ET.SubElement(contexts[ctx], "name").text = ctx
        message = ET.SubElement(contexts[ctx], "message")
        if numerus:
            message.set("numerus", "yes")
        ET.SubElement(message, "source").text = text
        ET.SubElement(message, "translation").set("type", "unfinished")
    # Stable order: contexts and messages sorted, so diffs show only real changes.
    ordered = sorted(root.findall("context"), key=lambda c: c.findtext("name") or "")
    for context in ordered:
        root.remove(context)
        messages = sorted(context.findall("message"), key=lambda m: m.findtext("source") or "")
        for m in messages:
            context.remove(m)
            context.append(m)
        root.append(context)
    return tree


def messages_of(tree: ET.ElementTree) -> set[tuple[str, str]]:
    """(context, source) of every current (not obsolete/vanished) message."""
    out = set()
    for context in tree.getroot().findall("context"):
        for m in context.findall("message"):
            if m.find("translation") is not None and m.find("translation").get("type") in ("obsolete", "vanished"):
                continue
            out.add((context.findtext("name") or "", m.findtext("source") or ""))
    return out


# --- filling -----------------------------------------------------------------------------------------
def load_module(path: Path):
    """Run a catalogue file (plain data, part of this repository) and return it as a module."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_catalogue() -> dict:
    """Merge every resources/translations/catalogue_*.py TRANSLATIONS dict (later files win)."""
    merged: dict = {}
    for path in sorted(TS_DIR.glob("catalogue_*.py")):
        merged.update(load_module(path).TRANSLATIONS)
    return merged


def lookup(catalogue: dict, context: str, source: str):
    return catalogue.get((context, source), catalogue.get(source))


def fill(tree: ET.ElementTree, lang: str, catalogue: dict) -> list[tuple[str, str]]:
    """Put the catalogue's translations into `tree`; return what is missing."""
    index = list(LANGS).index(lang)
    root = tree.getroot()
    root.set("version", "2.1")
    root.set("language", LANGS[lang])
    missing = []
    for context in root.findall("context"):
        name = context.findtext("name") or ""
        for m in context.findall("message"):
            source = m.findtext("source") or ""
            for old in m.findall("translation"):
                m.remove(old)
            translation = ET.SubElement(m, "translation")
            entry = lookup(catalogue, name, source)
            numerus = m.get("numerus") == "yes"
            if entry is None:
                translation.set("type", "unfinished")
                missing.append((name, source))
                if numerus:
                    for _ in range(PLURAL_FORMS):
                        ET.SubElement(translation, "numerusform")
                continue
            text = entry[index]
            if numerus:
                forms = (text,) * PLURAL_FORMS if isinstance(text, str) else tuple(text)
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = text if isinstance(text, str) else text[0]
    return missing


def write_ts(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    data = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n").encode("utf-8")
    atomic_write(path, data)


def atomic_write(path: Path, data: bytes) -> None:
    """Temp file in the same folder, fsync, rename: a half-written catalogue never ships."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        os.fchmod(fd, 0o644)  # catalogues are public program data, not user data
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def compile_qm(ts: Path) -> None:
    lrelease = qt_tool("lrelease")
    if lrelease is None:
        raise RuntimeError("pyside6-lrelease not found")
    subprocess.run([lrelease, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


# --- CLI catalogue (gettext) -------------------------------------------------------------------------
def load_cli_catalogue() -> dict[str, tuple[str, str]]:
    """Merge resources/translations/cli_catalogue*.py (cli_catalogue.py, cli_catalogue_core.py, ...)."""
    merged: dict[str, tuple[str, str]] = {}
    for path in sorted(TS_DIR.glob("cli_catalogue*.py")):
        merged.update(load_module(path).TRANSLATIONS)
    return merged


def core_messages(root: Path = ROOT) -> dict[str, str]:
    """Every `_("literal")` and `N_("literal")` in journal/ (the gettext sources), mapped to the first file."""
    found: dict[str, str] = {}
    for path in sorted((root / "journal").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "N_")
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.setdefault(node.args[0].value, str(path.relative_to(root)))
    return found


def write_cli_catalogues() -> list[str]:
    """Write journal/locale/<lang>/LC_MESSAGES/journal.{po,mo}; return core messages lacking a translation."""
    catalogue = load_cli_catalogue()
    if not catalogue:
        return []
    for index, lang in enumerate(LANGS):
        pairs = {src: tr[index] for src, tr in catalogue.items()}
        folder = CLI_LOCALE_DIR / lang / "LC_MESSAGES"
        atomic_write(folder / "journal.po", po_text(lang, pairs).encode("utf-8"))
        atomic_write(folder / "journal.mo", mo_bytes(pairs))
    return sorted(set(core_messages()) - set(catalogue))


def _po_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def po_text(lang: str, pairs: dict[str, str]) -> str:
    lines = ['msgid ""', 'msgstr ""', f'"Language: {lang}\\n"',
             '"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    for src, dst in sorted(pairs.items()):
        lines += [f"msgid {_po_quote(src)}", f"msgstr {_po_quote(dst)}", ""]
    return "\n".join(lines)


def mo_bytes(pairs: dict[str, str]) -> bytes:
    """A GNU .mo file (the format gettext.GNUTranslations reads), like msgfmt.py writes it."""
    entries = {"": "Content-Type: text/plain; charset=UTF-8\n", **pairs}
    keys = sorted(entries)
    ids = b"".join(k.encode() + b"\0" for k in keys)
    strs = b"".join(entries[k].encode() + b"\0" for k in keys)
    count = len(keys)
    key_start = 7 * 4 + 16 * count
    value_start = key_start + len(ids)
    offsets, pos_id, pos_str = [], 0, 0
    for k in keys:
        kb, vb = k.encode(), entries[k].encode()
        offsets.append((len(kb), key_start + pos_id, len(vb), value_start + pos_str))
        pos_id += len(kb) + 1
        pos_str += len(vb) + 1
    header = struct.pack("Iiiiiii", 0x950412DE, 0, count, 7 * 4, 7 * 4 + count * 8, 0, 0)
    table_ids = b"".join(struct.pack("ii", length, off) for length, off, _, _ in offsets)
    table_strs = b"".join(struct.pack("ii", length, off) for _, _, length, off in offsets)
    return header + table_ids + table_strs + ids + strs


# --- main --------------------------------------------------------------------------------------------
def update(check_only: bool = False) -> dict[str, list[tuple[str, str]]]:
    """Regenerate (or, with check_only, just report) the catalogues; return missing per language."""
    catalogue = load_catalogue()
    missing = {}
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGS:
            tree = extract(Path(tmp))
            missing[lang] = fill(tree, lang, catalogue)
            if not check_only:
                ts = TS_DIR / f"incident_journal_{lang}.ts"
                write_ts(tree, ts)
                compile_qm(ts)
    if check_only:
        core_missing = sorted(set(core_messages()) - set(load_cli_catalogue()))
    else:
        core_missing = write_cli_catalogues()
    for lang in LANGS:  # gettext sources count as missing in every language
        missing[lang] += [("gettext", source) for source in core_missing]
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only list sources without a translation")
    parser.add_argument("--missing-py", action="store_true",
                        help="print missing sources as a Python dict skeleton for a catalogue file")
    args = parser.parse_args(argv)
    missing = update(check_only=args.check)
    all_missing = sorted({m for items in missing.values() for m in items})
    if args.missing_py:
        print("TRANSLATIONS = {")
        for ctx, src in all_missing:
            print(f"    {src!r}: ('', ''),  # {ctx}")
        print("}")
    else:
        for ctx, src in all_missing:
            print(f"missing [{ctx}] {src!r}")
        print(f"{len(all_missing)} source(s) without a translation", file=sys.stderr)
    return 1 if all_missing else 0


if __name__ == "__main__":
    sys.exit(main())
