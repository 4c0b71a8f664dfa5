"""In CI (CI=true, set by .ci/run) a check that would be skipped for a missing tool or library
fails instead (tests/conftest.py): per test, and for a whole module skipped while collected."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CONFTEST = Path(__file__).with_name("conftest.py")

FILES = {
    # pytest.importorskip at module level: skipped while collecting, before any test runs.
    "test_module_skip.py": "import pytest\npytest.importorskip('no_such_module_for_ci_check')\n\n"
                           "def test_never_runs():\n    pass\n",
    # A tool missing inside a test (what require_tool does).
    "test_tool_skip.py": "import pytest\n\ndef test_needs_a_tool():\n"
                         "    pytest.skip('tool missing: frobnicate (Debian package frob)')\n",
    # Not about a missing tool: stays a skip in CI too.
    "test_platform_skip.py": "import pytest\n\n@pytest.mark.skipif(True, reason='SIGKILL is POSIX')\n"
                             "def test_posix_only():\n    pass\n",
}


def _run(tmp_path: Path, ci: bool) -> subprocess.CompletedProcess:
    for name, text in FILES.items():
        (tmp_path / name).write_text(text)
    # The project's hooks, loaded from its conftest under another module name.
    (tmp_path / "conftest.py").write_text(
        "import importlib.util\n"
        f"spec = importlib.util.spec_from_file_location('project_conftest', {str(CONFTEST)!r})\n"
        "module = importlib.util.module_from_spec(spec)\nspec.loader.exec_module(module)\n"
        "pytest_runtest_makereport = module.pytest_runtest_makereport\n"
        "pytest_make_collect_report = module.pytest_make_collect_report\n")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci:
        env["CI"] = "true"
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rA", "-p", "no:cacheprovider",
                           "--continue-on-collection-errors",
                           "-c", os.devnull, "--rootdir", str(tmp_path), str(tmp_path)],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)


def test_in_ci_a_missing_tool_or_library_fails_the_run(tmp_path):
    proc = _run(tmp_path, ci=True)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0, out
    assert "ERROR test_module_skip.py" in out, out
    assert "this test module would be skipped: could not import 'no_such_module_for_ci_check'" in out, out
    assert "FAILED test_tool_skip.py::test_needs_a_tool" in out, out
    assert "SKIPPED [1] test_platform_skip.py" in out, out


def test_outside_ci_the_same_checks_are_skips(tmp_path):
    proc = _run(tmp_path, ci=False)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert "3 skipped" in out, out
    assert "ERROR" not in out and "FAILED" not in out, out
