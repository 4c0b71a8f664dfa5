"""Shared fixtures. Qt runs offscreen; vaults use a cheap, explicit KDF profile.

The cheap profile is only ever passed explicitly by tests; the defaults
users get (256 MiB, 3 iterations, 4 lanes) are never changed.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from journal.storage.keyslots import KdfParams  # noqa: E402

FAST_KDF = KdfParams(memory_kib=8192, iterations=1, lanes=1)
PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory, monkeypatch):
    """Never touch the real user's data or config folders."""
    base = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("JOURNAL_CONFIG_HOME", str(base / "config"))
    monkeypatch.setenv("JOURNAL_HOME", str(base / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "cache"))
    # A duress unlock's deferred overwrite starts at once in tests, and is over when one ends.
    from journal.storage import erasing

    monkeypatch.setattr(erasing, "START_DELAY", 0.0)
    yield
    erasing.wait()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    """Remember the windows that exist before a test (see pytest_runtest_teardown)."""
    widgets = sys.modules.get("PySide6.QtWidgets")
    app = widgets.QApplication.instance() if widgets else None
    # The wrappers are held, so no id() can be reused for another window during the test.
    item.stash[_WINDOWS_BEFORE] = list(app.topLevelWidgets()) if app else []
    yield


@pytest.hookimpl(hookwrapper=True, trylast=True)
def pytest_runtest_teardown(item, nextitem):
    """Close and delete the windows a GUI test leaves behind, after its own fixtures are torn down.

    Windows nobody closed stay alive for the whole run: each later language switch (the tests of
    plurals and translations) then sends a LanguageChange to thousands of widgets, which took
    several seconds per test late in a full run."""
    yield
    widgets = sys.modules.get("PySide6.QtWidgets")
    app = widgets.QApplication.instance() if widgets else None
    if app is None:
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    before = {id(w) for w in item.stash.get(_WINDOWS_BEFORE, [])}
    for window in app.topLevelWidgets():
        if id(window) in before:
            continue
        try:  # deleted, not closed: a close could run a window's own close handling (a question)
            window.deleteLater()
        except RuntimeError:  # its C++ side is already gone
            pass
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    item.stash[_WINDOWS_BEFORE] = []


_WINDOWS_BEFORE = pytest.StashKey[list]()


@pytest.fixture
def fast_kdf(monkeypatch):
    """Make code paths that use the default KDF (CLI init/passwd) cheap in this test."""
    import journal.storage.keyslots as keyslots

    monkeypatch.setattr(keyslots, "DEFAULT_KDF", FAST_KDF)
    return FAST_KDF


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "journal"


@pytest.fixture
def created(data_dir):
    from journal.storage.vault import Journal

    result = Journal.create(data_dir, PASSPHRASE, "Test journal", kdf=FAST_KDF)
    yield result
    result.journal.close()


@pytest.fixture
def journal(created):
    return created.journal


# --- tests that need an outside tool -------------------------------------------------------------
# A test that needs a program (exiftool, pdftotext, age...) skips with a reason starting with
# TOOL_MISSING when the program is absent, so a developer without it still runs the rest.
# In CI (CI=true, set by .ci/run) such a skip is a failure: those checks must really run there.
TOOL_MISSING = "tool missing:"
# Skips written by hand that say the same thing are caught too.
# "mount namespaces are not permitted": the full-disk and read-only tests (tests/test_robustness.py).
_TOOL_SKIP = re.compile(r"^tool missing:|not installed|is missing|needs Debian's|could not import"
                        r"|mount namespaces are not permitted", re.IGNORECASE)


def tool_path(name: str) -> str | None:
    return shutil.which(name)


def tool_skip_reason(name: str, package: str) -> str:
    return f"{TOOL_MISSING} {name} is not installed (Debian package {package})"


def needs_tool(name: str, package: str):
    """Decorator: skip (locally) / fail (CI) when `name` is not on PATH."""
    return pytest.mark.skipif(shutil.which(name) is None, reason=tool_skip_reason(name, package))


def require_tool(name: str, package: str) -> str:
    """Inside a test: the tool's path, or a skip (locally) / failure (CI) when it is missing."""
    path = shutil.which(name)
    if path is None:
        pytest.skip(tool_skip_reason(name, package))
    return path


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def _skip_reason(report) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        reason = str(longrepr[2])
    else:
        reason = str(longrepr)
    return reason.removeprefix("Skipped: ")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and in_ci() and not hasattr(report, "wasxfail"):
        reason = _skip_reason(report)
        if _TOOL_SKIP.search(reason):
            report.outcome = "failed"
            report.longrepr = (f"CI=true and this test would be skipped: {reason}. The CI image must have the "
                               "tool (.ci/run installs it); a skipped check is no check.")


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):
    """The same for a whole module skipped while it is collected (``pytest.importorskip`` or
    ``pytest.skip(..., allow_module_level=True)`` at module level): pytest_runtest_makereport never
    sees those, so without this a missing library would silently drop a file's tests in CI."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and in_ci():
        reason = _skip_reason(report)
        if _TOOL_SKIP.search(reason):
            report.outcome = "failed"
            report.longrepr = (f"CI=true and this test module would be skipped: {reason}. The CI image must "
                               "have it (.ci/run installs it); a skipped check is no check.")
