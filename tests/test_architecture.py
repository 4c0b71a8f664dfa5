"""journal/ is the Qt-free core: no module in it may import PySide6 (or Qt at all), and the CLI,
PDF reports included, runs where PySide6 cannot be imported."""

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE

CORE = Path(__file__).resolve().parent.parent / "journal"
FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "ui")


def test_no_qt_import_statements_in_core():
    offenders = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                if name.split(".")[0] in FORBIDDEN:
                    offenders.append(f"{path.relative_to(CORE.parent)}:{node.lineno} imports {name}")
    assert offenders == []


def test_importing_every_core_module_loads_no_qt():
    code = (
        "import pkgutil, importlib, sys, journal\n"
        "for m in pkgutil.walk_packages(journal.__path__, 'journal.'):\n"
        "    if m.name != 'journal.__main__': importlib.import_module(m.name)\n"
        "bad = [n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=CORE.parent)


# Run as `python -c` before the CLI: PySide6 (and Qt's other bindings, and the GUI package)
# cannot be imported at all, as on a machine with only the core installed.
NO_QT = r"""
import importlib.abc, runpy, sys

class NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6", "ui"):
            raise ImportError(f"{name} is blocked in this test", name=name)
        return None

sys.meta_path.insert(0, NoQt())
sys.argv = ["journal", *sys.argv[1:]]
try:
    runpy.run_module("journal", run_name="__main__", alter_sys=True)
finally:
    loaded = [n for n in sys.modules if n.split(".")[0] in ("PySide6", "shiboken6", "ui")]
    assert not loaded, loaded
"""


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_cli_pdf_report_runs_with_qt_unimportable(created, data_dir, tmp_path):
    journal = created.journal
    titles = ["Задержание у суда", "Search of an office", "Обшук у Львові"]
    for i, title in enumerate(titles):
        journal.entries.add(title=title, place="Минск", occurred_at=f"2024-03-0{i + 1}T12:00+03:00",
                            body="Подробности")
    journal.close()
    pfile = tmp_path / "pass.txt"
    pfile.write_text(PASSPHRASE + "\n")
    out = tmp_path / "report.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(CORE.parent)
    proc = subprocess.run(
        [sys.executable, "-c", NO_QT, "--data-dir", str(data_dir), "--passphrase-file", str(pfile),
         "report", "--format", "pdf", "-o", str(out)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "Wrote 3 entries" in proc.stdout
    assert out.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    for title in titles:
        assert title in text


def test_blocking_qt_in_the_cli_wrapper_really_blocks(tmp_path):
    """The wrapper above is what makes the PDF test meaningful: importing PySide6 under it fails."""
    env = {**os.environ, "PYTHONPATH": str(CORE.parent)}
    code = NO_QT.replace('runpy.run_module("journal", run_name="__main__", alter_sys=True)', "import PySide6")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode != 0 and "PySide6 is blocked in this test" in proc.stderr


def _core_modules() -> dict[str, Path]:
    modules = {}
    for path in CORE.rglob("*.py"):
        parts = path.relative_to(CORE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


def _imported_core_modules(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The journal modules `name` imports anywhere in its file: at module level, inside
    functions, under TYPE_CHECKING. `from pkg import sub` counts as importing pkg.sub."""

    def owner(dotted: str) -> str | None:
        while dotted and dotted not in modules:
            dotted = dotted.rpartition(".")[0]
        return dotted or None

    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str | None] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(owner(alias.name) for alias in node.names if alias.name.split(".")[0] == "journal")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if module.split(".")[0] != "journal":
                continue
            for alias in node.names:
                sub = f"{module}.{alias.name}"
                found.add(sub if sub in modules else owner(module))
    found.discard(None)
    found.discard(name)
    return found  # type: ignore[return-value]


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles_in_core():
    """journal/ reads top down: no two modules import each other, directly or through others,
    not even from inside a function (the hand-offs that used to hide cycles that way)."""
    modules = _core_modules()
    graph = {name: _imported_core_modules(name, path, modules) for name, path in modules.items()}
    assert _cycles(graph) == []


def test_cycle_check_sees_function_level_imports():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]


def test_private_modules_stay_inside_their_package():
    """`journal.pkg._private` is imported only from inside journal/pkg/ (not across packages)."""
    modules = _core_modules()
    offenders = []
    for name, path in modules.items():
        for imported in _imported_core_modules(name, path, modules):
            parts = imported.split(".")
            private = [i for i, part in enumerate(parts) if part.startswith("_") and part != "__init__"]
            if private and not name.startswith(".".join(parts[: private[0]]) + "."):
                offenders.append(f"{name} imports {imported}")
    assert offenders == []


def test_one_progress_type_and_one_cancel_check_in_core():
    """Progress and cancel tokens are declared once, in journal/progress.py."""
    offenders = []
    for path in CORE.rglob("*.py"):
        if path == CORE / "progress.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign):
                if isinstance(node.value, ast.Name) and node.value.id in ("Progress", "CancelToken"):
                    continue  # another name for the core's own type (journal.media.streams)
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            elif isinstance(node, (ast.FunctionDef, ast.AnnAssign)):
                names = [node.name] if isinstance(node, ast.FunctionDef) else (
                    [node.target.id] if isinstance(node.target, ast.Name) else [])
            else:
                continue
            for declared in names:
                if declared.lstrip("_") in ("Progress", "ProgressCallback", "CancelToken", "CancelCheck",
                                            "is_cancelled", "check_cancel", "cancelled", "cancel_requested"):
                    offenders.append(f"{path.relative_to(CORE.parent)}:{node.lineno} declares {declared}")
    assert offenders == []
