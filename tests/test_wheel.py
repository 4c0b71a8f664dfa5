"""The wheel is complete: built like a release (`python -m build`: an sdist, then the wheel from it)
and installed (not editable) into a fresh environment outside the checkout, the app finds its icon,
its Qt catalogues (Russian, Ukrainian), the CLI's gettext catalogues and the PDF report's font.

Offline: the build runs with `--no-isolation` (the venv's own setuptools and build, from the
test extra), the install with `--no-index --no-deps`. The new environment is a venv without pip
whose only link to the project's venv is a .pth line naming that venv's site-packages, for the
dependencies (PySide6, sqlcipher3, fpdf2, ...): a plain path line, so the project's own editable
install hook (a .pth import line there) is not run and the checkout cannot be imported. Every check
runs with the temporary folder as the working directory and asserts that journal, ui and the
resources were imported from the installed wheel.
"""

from __future__ import annotations

import gettext
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

import journal

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "journal", "ui", "resources")
# What the running app reads from resources/ and journal/locale (pyproject's package-data).
DATA_PATTERNS = ("resources/*.svg", "resources/*.desktop", "resources/icons/*.png",
                 "resources/translations/*.qm", "resources/fonts/*.ttf", "resources/fonts/LICENSE",
                 "journal/locale/*/LC_MESSAGES/*.mo")
INSTALLED_NAME = {"resources": "incident_journal_resources"}

# Run by the installed interpreter: the GUI's catalogues and icon, and a real PDF report with
# Cyrillic text in the installed font. Prints one JSON object.
CHECK_SCRIPT = r"""
import json, sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

import journal, ui
import journal.resource_files as resource_files
from ui.common.i18n import install_translations
from ui.common.resources import app_icon

app = QApplication([])
found = {"journal": journal.__file__, "ui": ui.__file__, "resources": str(resource_files.resources_dir()),
         "locale": str(resource_files.locale_dir())}
icon = app_icon()
found["icon_null"] = icon.isNull()
found["icon_sizes"] = sorted(size.width() for size in icon.availableSizes())
for language in ("ru", "uk"):
    found["language_" + language] = install_translations(app, language)
    found["title_" + language] = QCoreApplication.translate("MainWindow", "Incident Journal")
    found["lock_" + language] = QCoreApplication.translate("UnlockWindow", "&Unlock")

from journal.records.reports import ReportFilter
from journal.report_pdf import write_pdf
from journal.storage.keyslots import KdfParams
from journal.storage.vault import Journal

created = Journal.create(Path(sys.argv[1]) / "journal", "correct horse battery staple", "Wheel",
                         kdf=KdfParams(memory_kib=8192, iterations=1, lanes=1))
created.journal.entries.add(title="Задержание у здания суда", occurred_at="2024-03-05T12:00+03:00",
                            body="Затримано трьох людей.")
out = Path(sys.argv[1]) / "report.pdf"
write_pdf(created.journal, ReportFilter(), out)
created.journal.close()
data = out.read_bytes()
found["pdf_font_embedded"] = b"/FontFile2" in data and b"DejaVu" in data
print(json.dumps(found))
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict:
    """Build the wheel from a copy of the sources, install it in a fresh venv; its paths."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    source.mkdir()
    for name in SOURCES:  # a copy: building writes build/ and *.egg-info beside the sources
        item = ROOT / name
        if item.is_dir():
            shutil.copytree(item, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(item, source / name)
    dist = work / "dist"
    _run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), str(source)], cwd=work)
    wheels, sdists = list(dist.glob("*.whl")), list(dist.glob("*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, (wheels, sdists)

    env = work / "env"
    _run([sys.executable, "-m", "venv", "--without-pip", str(env)], cwd=work)
    python = env / "bin" / "python"
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
          "--no-cache-dir", "--disable-pip-version-check", str(wheels[0])], cwd=work)
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True, cwd=work).stdout.strip())
    deps = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    (site / "_project_dependencies.pth").write_text("".join(f"{path}\n" for path in deps), encoding="utf-8")
    return {"work": work, "wheel": wheels[0], "sdist": sdists[0], "env": env, "python": python, "site": site}


def _run(cmd: list, cwd: Path, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, f"{cmd}\n{result.stdout}\n{result.stderr}"
    return result


def _clean_env(installed: dict, **extra: str) -> dict:
    """The user's environment without anything pointing at the checkout or the project's venv."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["PATH"] = f"{installed['env'] / 'bin'}{os.pathsep}{env.get('PATH', '/usr/bin:/bin')}"
    home = installed["work"] / "home"
    env.update(HOME=str(home), JOURNAL_HOME=str(home / "data"), JOURNAL_CONFIG_HOME=str(home / "config"),
               XDG_CACHE_HOME=str(home / "cache"), QT_QPA_PLATFORM="offscreen", **extra)
    return env


def test_the_wheel_holds_every_module_and_data_file(installed):
    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    expected = {str(path.relative_to(ROOT)) for package in ("journal", "ui") for path in (ROOT / package).rglob("*.py")
                if "__pycache__" not in path.parts}
    expected |= {"incident_journal_resources/__init__.py"}
    for pattern in DATA_PATTERNS:
        for path in ROOT.glob(pattern):
            parts = path.relative_to(ROOT).parts
            expected.add("/".join((INSTALLED_NAME.get(parts[0], parts[0]), *parts[1:])))
    assert any(name.endswith(".qm") for name in expected) and any(name.endswith(".mo") for name in expected)
    assert sorted(expected - names) == []
    # The translators' sources are in the sdist, only the compiled catalogues in the wheel.
    sources = {str(path.relative_to(ROOT)) for pattern in ("resources/translations/*.ts", "journal/locale/*/LC_MESSAGES/*.po")
               for path in ROOT.glob(pattern)}
    assert sources and not [name for name in names if name.endswith((".ts", ".po", ".pot"))]
    with tarfile.open(installed["sdist"]) as sdist:
        in_sdist = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert sorted(sources - in_sdist) == []
    # Nothing else at the top level: no tests, tools or a bare "resources" package.
    tops = {name.split("/")[0] for name in names}
    assert {top for top in tops if not top.endswith(".dist-info")} == {"journal", "ui", "incident_journal_resources"}


def test_both_commands_print_the_version(installed):
    env = _clean_env(installed)
    work = installed["work"]
    assert _run([installed["env"] / "bin" / "journal", "--version"], work, env).stdout.strip() == \
        f"journal {journal.__version__}"
    assert _run([installed["env"] / "bin" / "incident-journal", "--version"], work, env).stdout.strip() == \
        f"incident-journal {journal.__version__}"
    assert f"Version: {journal.__version__}\n" in _run(
        [installed["python"], "-c", "import importlib.metadata as m; print(m.metadata('incident-journal'))"],
        work, env).stdout


def test_the_cli_speaks_russian_from_the_installed_catalogue(installed):
    source = "Incident Journal: an encrypted journal for documenting incidents."
    catalogue = gettext.translation("journal", str(ROOT / "journal" / "locale"), languages=["ru"])
    russian = catalogue.gettext(source)
    assert russian != source
    out = _run([installed["env"] / "bin" / "journal", "--help"], installed["work"],
               _clean_env(installed, JOURNAL_LANG="ru")).stdout
    assert russian in out and source not in out


def test_the_gui_finds_its_icon_translations_and_the_pdf_font(installed):
    work = installed["work"]
    run = _run([installed["python"], "-c", CHECK_SCRIPT, str(work)], work, _clean_env(installed), timeout=120)
    found = json.loads(run.stdout.strip().splitlines()[-1])
    site = installed["site"]
    for key in ("journal", "ui", "resources", "locale"):
        assert Path(found[key]).is_relative_to(site), (key, found[key])  # the wheel's files, not the checkout's
    assert Path(found["resources"]) == site / "incident_journal_resources"
    assert found["icon_null"] is False and 16 in found["icon_sizes"] and 256 in found["icon_sizes"]
    assert found["language_ru"] == "ru" and found["language_uk"] == "uk"
    cyrillic = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ")
    for key in ("title", "lock"):
        ru, uk = found[f"{key}_ru"], found[f"{key}_uk"]
        assert set(ru.lower()) & cyrillic and set(uk.lower()) & cyrillic, (ru, uk)
    assert found["title_ru"] != found["title_uk"]
    assert found["pdf_font_embedded"] is True
