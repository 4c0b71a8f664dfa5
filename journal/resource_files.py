"""Where the app finds its own data files (icons, fonts, Qt and gettext catalogues), Qt-free.

    from journal.resource_files import resource_path, locale_dir
    font = resource_path("fonts", "DejaVuSans.ttf")
    qm_folder = resource_path("translations")
    mo_root = locale_dir()            # journal/locale/<lang>/LC_MESSAGES/journal.mo

The one place both the core and the GUI ask (ui/common/resources.py and ui/common/i18n.py
call it), so a wheel, an editable install and a frozen build all find the same files.

- resources/ in the repository (icons, the .svg and .desktop, translations/*.qm, fonts/) is
  installed as the package `incident_journal_resources` (pyproject.toml and setup.py map the
  folder to that name; its __init__.py is empty). It is located with importlib.resources, which
  answers for a wheel installed anywhere, for `pip install -e .` (setuptools' editable finder
  points the name at the checkout's resources/) and for PyInstaller (collected data files).
- The CLI's gettext catalogues stay inside the `journal` package (journal/locale), found the same
  way.

Qt's QTranslator, gettext and fpdf2 need real file paths, so an install must keep these as files
(pip never imports a wheel from a zip). One exception to "only importlib.resources": a checkout
whose editable install predates the package (the name is not importable) falls back to
resources/ beside the source tree, so an old `pip install -e .` keeps working until re-run.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

RESOURCE_PACKAGE = "incident_journal_resources"
CORE_PACKAGE = "journal"

# Found on first use; tests may point it elsewhere (monkeypatch) to simulate a broken install.
RESOURCES_DIR: Path | None = None


def _package_dir(package: str) -> Path:
    """The folder of an installed package as a real path (see the module docstring)."""
    root = resources.files(package)
    if not isinstance(root, Path):  # e.g. a zip import: the catalogues and fonts need files
        raise RuntimeError(f"{package} is not installed as plain files ({root!r})")
    return root


def resources_dir() -> Path:
    """The installed resources/ folder (the package incident_journal_resources)."""
    global RESOURCES_DIR
    if RESOURCES_DIR is None:
        try:
            RESOURCES_DIR = _package_dir(RESOURCE_PACKAGE)
        except ModuleNotFoundError:
            RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"  # see the docstring
    return RESOURCES_DIR


def resource_path(*parts: str) -> Path:
    """The path of one of the app's own files, e.g. resource_path("fonts", "DejaVuSans.ttf")."""
    return resources_dir().joinpath(*parts)


def locale_dir() -> Path:
    """The gettext catalogue root of the core and the CLI: <lang>/LC_MESSAGES/journal.mo."""
    return _package_dir(CORE_PACKAGE) / "locale"
