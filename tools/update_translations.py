#!/usr/bin/env python3
"""Update the translation sources from the code and compile them, with the standard tools.

    .venv/bin/python tools/update_translations.py          # extract, merge, compile, list what is untranslated
    .venv/bin/python tools/update_translations.py --check  # change nothing: are sources and compiled files current?

The translators' files are the sources (see docs/translations.md):
* GUI: resources/translations/incident_journal_<lang>.ts (Qt Linguist), compiled to .qm;
  incident_journal_en.ts holds only the English plural forms of the `%n` messages
  ("%n entries" -> "1 entry" / "%n entries"), extracted with lupdate -pluralonly;
* core and CLI: journal/locale/<lang>/LC_MESSAGES/journal.po (Poedit or any .po editor),
  compiled to journal.mo; journal/locale/journal.pot is the template for a new language.

This script only runs, in order, the commands a translator could type by hand:
1. pyside6-lupdate -locations none -no-obsolete ui/**/*.py -ts resources/translations/*.ts
   (new strings are added as unfinished, translations of unchanged strings are kept);
2. pyside6-lrelease on each .ts;
3. pybabel extract -F babel.cfg ... -o journal/locale/journal.pot journal
   (the template keeps its old header date when no message changed, so it is not rewritten);
4. pybabel update -i journal/locale/journal.pot -d journal/locale -D journal;
5. pybabel compile -d journal/locale -D journal;
and then lists every message without a finished translation (exit status 1 if any).
"""

from __future__ import annotations

import argparse
import gettext
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
TS_DIR = ROOT / "resources" / "translations"
TS_PREFIX = "incident_journal_"
LOCALE_DIR = ROOT / "journal" / "locale"
DOMAIN = "journal"
POT = LOCALE_DIR / f"{DOMAIN}.pot"
BABEL_CFG = ROOT / "babel.cfg"
sys.path.insert(0, str(ROOT))
from journal import __version__  # noqa: E402  (the one place the version is written)

EXTRACT_OPTIONS = ["--add-location=file", "--sort-by-file", "--project=Incident Journal", f"--version={__version__}",
                   "--copyright-holder=Incident Journal contributors"]


# --- finding the tools -------------------------------------------------------------------------------
def qt_tool(name: str) -> str | None:
    """Path of pyside6-<name> (lupdate/lrelease): next to this Python, on PATH, or in the PySide6 wheel."""
    candidates = [Path(sys.executable).parent / f"pyside6-{name}", ROOT / ".venv" / "bin" / f"pyside6-{name}"]
    found = shutil.which(f"pyside6-{name}")
    if found:
        candidates.append(Path(found))
    try:
        import PySide6

        candidates.append(Path(PySide6.__file__).parent / name)
    except ImportError:
        pass
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def pybabel() -> list[str]:
    """The pybabel command (Babel is a test/dev dependency, see pyproject.toml)."""
    beside = Path(sys.executable).parent / "pybabel"
    if beside.exists():
        return [str(beside)]
    if shutil.which("pybabel"):
        return ["pybabel"]
    return [sys.executable, "-m", "babel.messages.frontend"]


def run(command: list[str], quiet: bool = False) -> None:
    if not quiet:
        print("$", " ".join(str(c) if " " not in str(c) else repr(str(c)) for c in command), file=sys.stderr)
    subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL if quiet else None)


# --- the files ---------------------------------------------------------------------------------------
# The source language: its catalogue has only the plural forms of `%n` messages (no .po: the
# CLI's English plurals come from ngettext's msgid/msgid_plural).
PLURAL_ONLY = ("en",)


def languages() -> list[str]:
    """Every translation with a .ts file (adding a language = adding its .ts and .po, docs/translations.md)."""
    return sorted(lang for lang in catalogues() if lang not in PLURAL_ONLY)


def catalogues() -> list[str]:
    """Every GUI catalogue: the translations and the English plural forms."""
    return sorted(p.stem[len(TS_PREFIX):] for p in TS_DIR.glob(f"{TS_PREFIX}*.ts"))


def ts_path(lang: str) -> Path:
    return TS_DIR / f"{TS_PREFIX}{lang}.ts"


def po_path(lang: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def source_files() -> list[Path]:
    """Every ui/ module (lupdate needs the files named; new modules are picked up automatically)."""
    return sorted(p for p in UI_DIR.rglob("*.py") if p.name != "__init__.py")


# --- steps -------------------------------------------------------------------------------------------
def lupdate(ts_files: list[Path], quiet: bool = False, plural_only: bool = False) -> None:
    tool = qt_tool("lupdate")
    if tool is None:
        raise RuntimeError("pyside6-lupdate not found (install PySide6-Essentials into .venv)")
    run([tool, *(["-silent"] if quiet else []), *(["-pluralonly"] if plural_only else []),
         "-locations", "none", "-no-obsolete",
         *(str(p.relative_to(ROOT)) for p in source_files()), "-ts", *map(str, ts_files)], quiet)


def lrelease(ts: Path, qm: Path, quiet: bool = False) -> None:
    tool = qt_tool("lrelease")
    if tool is None:
        raise RuntimeError("pyside6-lrelease not found")
    run([tool, "-silent", str(ts), "-qm", str(qm)], quiet)


def extract_pot(out: Path, quiet: bool = False) -> None:
    run([*pybabel(), "-q", "extract", "-F", str(BABEL_CFG), *EXTRACT_OPTIONS,
         "-o", str(out), "journal"], quiet)


def messages_of_catalog(path: Path) -> dict:
    """msgid -> msgstr (a tuple for plurals) of a .po/.pot, without the header and obsolete entries."""
    from babel.messages.pofile import read_po

    with path.open("rb") as fh:
        catalog = read_po(fh)
    return {m.id: m.string for m in catalog if m.id}


def update_pot(quiet: bool = False) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / POT.name
        extract_pot(fresh, quiet)
        if POT.exists() and set(messages_of_catalog(fresh)) == set(messages_of_catalog(POT)) \
                and _locations(fresh) == _locations(POT):
            return  # nothing changed but the header date: keep the file as it is
        shutil.copyfile(fresh, POT)


def _locations(path: Path) -> dict:
    from babel.messages.pofile import read_po

    with path.open("rb") as fh:
        return {m.id: sorted(m.locations) for m in read_po(fh) if m.id}


def update_po(quiet: bool = False) -> None:
    run([*pybabel(), *(["-q"] if quiet else []), "update", "-i", str(POT), "-d", str(LOCALE_DIR),
         "-D", DOMAIN], quiet)


def compile_mo(locale_dir: Path = LOCALE_DIR, quiet: bool = False) -> None:
    run([*pybabel(), *(["-q"] if quiet else []), "compile", *([] if quiet else ["--statistics"]), "-d", str(locale_dir), "-D", DOMAIN], quiet)


def po_translations(langs: tuple[str, ...] = ("ru", "uk")) -> dict[str, tuple]:
    """msgid -> (its translation in each of `langs`) from the .po sources; a plural's msgid is its singular
    and its translation the tuple of forms. Only messages present in every language (tests)."""
    per_lang = []
    for lang in langs:
        found = {}
        for msgid, string in messages_of_catalog(po_path(lang)).items():
            found[msgid[0] if isinstance(msgid, tuple) else msgid] = string
        per_lang.append(found)
    return {k: tuple(found[k] for found in per_lang) for k in per_lang[0] if all(k in f for f in per_lang)}


# --- what is untranslated ----------------------------------------------------------------------------
def ts_messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> <message> of every current (not obsolete/vanished) message of a .ts file."""
    out = {}
    for context in ET.parse(path).getroot().findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                continue
            out[(name, message.findtext("source") or "")] = message
    return out


def untranslated(lang: str) -> list[str]:
    """Messages of `lang` without a finished translation, as lines for people."""
    from babel.messages.pofile import read_po

    problems = []
    for (context, source), message in ts_messages(ts_path(lang)).items():
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.findall("numerusform")] if message.get("numerus") == "yes" \
            else [translation.text or ""]
        if not context:
            problems.append(f"{ts_path(lang).name}: no context for {source!r} (lupdate lost the class: "
                            "see docs/translations.md, 'lupdate's blind spots')")
        elif translation.get("type") == "unfinished" or not all(f.strip() for f in forms):
            problems.append(f"{ts_path(lang).name}: [{context}] {source!r}")
    if lang in PLURAL_ONLY:
        return problems
    with po_path(lang).open("rb") as fh:
        for m in read_po(fh):
            if not m.id:
                continue
            strings = m.string if isinstance(m.string, tuple) else (m.string,)
            if m.fuzzy or not all(s.strip() for s in strings):
                problems.append(f"{DOMAIN}.po ({lang}): {m.id!r}" + (" (fuzzy)" if m.fuzzy else ""))
    return problems


# --- checks (also used by tests/test_translations.py) ---------------------------------------------
def stale_sources(work: Path) -> list[str]:
    """What the code has and the sources lack (or the other way round): lupdate and pybabel into `work`."""
    problems = []
    copies = []
    for lang in catalogues():
        copy = work / ts_path(lang).name
        shutil.copyfile(ts_path(lang), copy)
        copies.append(copy)
    lupdate([c for lang, c in zip(catalogues(), copies) if lang not in PLURAL_ONLY], quiet=True)
    lupdate([c for lang, c in zip(catalogues(), copies) if lang in PLURAL_ONLY], quiet=True, plural_only=True)
    for lang, copy in zip(catalogues(), copies):
        fresh, stored = set(ts_messages(copy)), set(ts_messages(ts_path(lang)))
        problems += [f"{ts_path(lang).name}: new in the code {m}" for m in sorted(fresh - stored)]
        problems += [f"{ts_path(lang).name}: no longer in the code {m}" for m in sorted(stored - fresh)]
    pot = work / POT.name
    extract_pot(pot, quiet=True)
    code = set(messages_of_catalog(pot))
    for path in [POT, *(po_path(lang) for lang in languages())]:
        stored = set(messages_of_catalog(path))
        problems += [f"{path.relative_to(ROOT)}: new in the code {m!r}" for m in sorted(code - stored, key=str)]
        problems += [f"{path.relative_to(ROOT)}: no longer in the code {m!r}" for m in sorted(stored - code, key=str)]
    return problems


def stale_compiled(work: Path) -> list[str]:
    """Committed .qm/.mo files that do not translate like a fresh compile of the sources."""
    from PySide6.QtCore import QTranslator

    problems = []
    for lang in catalogues():
        qm = work / f"{TS_PREFIX}{lang}.qm"
        lrelease(ts_path(lang), qm, quiet=True)
        fresh, committed = QTranslator(), QTranslator()
        if not committed.load(str(ts_path(lang).with_suffix(".qm"))):
            problems.append(f"{ts_path(lang).with_suffix('.qm').name} is missing or unreadable")
            continue
        assert fresh.load(str(qm))
        for (context, source), message in ts_messages(ts_path(lang)).items():
            numbers = (1, 2, 5) if message.get("numerus") == "yes" else (-1,)
            comment = message.findtext("comment")
            for n in numbers:
                if fresh.translate(context, source, comment, n) != committed.translate(context, source, comment, n):
                    problems.append(f"{ts_path(lang).with_suffix('.qm').name}: [{context}] {source!r}")
                    break
    locale = work / "locale"
    for lang in languages():
        po_path(lang, locale).parent.mkdir(parents=True)
        shutil.copyfile(po_path(lang), po_path(lang, locale))
    compile_mo(locale, quiet=True)
    for lang in languages():
        mo = po_path(lang).with_suffix(".mo")
        if not mo.exists():
            problems.append(f"{mo.relative_to(ROOT)} is missing")
            continue
        with po_path(lang, locale).with_suffix(".mo").open("rb") as a, mo.open("rb") as b:
            fresh, committed = gettext.GNUTranslations(a), gettext.GNUTranslations(b)
        if fresh._catalog != committed._catalog or fresh.plural(5) != committed.plural(5):  # noqa: SLF001
            changed = sorted({k for k in set(fresh._catalog) ^ set(committed._catalog)}  # noqa: SLF001
                             | {k for k in fresh._catalog if committed._catalog.get(k) != fresh._catalog[k]},  # noqa: SLF001
                             key=str)
            problems.append(f"{mo.relative_to(ROOT)} differs from its .po: {changed[:5]}")
    return problems


# --- main --------------------------------------------------------------------------------------------
def update() -> None:
    ts_files = [ts_path(lang) for lang in languages()]
    lupdate(ts_files)
    plural_files = [ts_path(lang) for lang in catalogues() if lang in PLURAL_ONLY]
    lupdate(plural_files, plural_only=True)
    for ts in ts_files + plural_files:
        lrelease(ts, ts.with_suffix(".qm"))
    update_pot()
    update_po()
    compile_mo()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="change nothing; fail if the sources or the compiled files are out of date")
    args = parser.parse_args(argv)
    problems: list[str] = []
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            problems += stale_sources(Path(tmp))
        with tempfile.TemporaryDirectory() as tmp:
            problems += stale_compiled(Path(tmp))
    else:
        update()
    for lang in catalogues():
        problems += untranslated(lang)
    for line in problems:
        print(line)
    print(f"{len(problems)} problem(s)" if problems else "All messages translated; sources and compiled files current.",
          file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
