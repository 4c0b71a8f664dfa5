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


# --- dynamic imports of the GUI from the core ------------------------------------------------------

def _dynamic_imports(tree: ast.AST) -> list[tuple[int, str]]:
    """`importlib.import_module("x")` / `import_module("x")` / `__import__("x")` with a literal name."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        first = node.args[0]
        if name in ("import_module", "__import__") and isinstance(first, ast.Constant) \
                and isinstance(first.value, str):
            found.append((node.lineno, first.value))
    return found


def test_core_loads_no_gui_module_by_name():
    offenders = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for lineno, name in _dynamic_imports(tree):
            if name.split(".")[0] in FORBIDDEN:
                offenders.append(f"{path.relative_to(CORE.parent)}:{lineno} loads {name}")
    assert offenders == []


# --- ui/: the shell, ui/common, and feature packages -----------------------------------------------
#
# The shell is every module directly in ui/ (app, main_window, menus, sidebar, ...). ui/common is
# shared code. Every other package under ui/ is a feature (entries, attachments, people, forms,
# exchange, safety, and any added later). Directions allowed:
#     shell -> common, features        feature -> common, core (journal.*), itself
#     common -> core                   nothing -> the shell except the shell itself

UI = CORE.parent / "ui"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(UI.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _area(module: str) -> str:
    """'shell', 'common' or the feature's name for a ui module name."""
    parts = module.split(".")
    if len(parts) == 1:
        return "shell"  # ui/__init__
    if (UI / parts[1]).is_dir():
        return parts[1]
    return "shell"


def _imported_modules(path: Path) -> list[tuple[int, str]]:
    """Every module a file imports, anywhere in it (functions too), relative imports resolved."""
    module = _module_name(path)
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            found.append((node.lineno, name))
            # `from ui import people` imports the package ui.people
            found += [(node.lineno, f"{name}.{alias.name}") for alias in node.names
                      if name in ("ui",) and (UI / alias.name).is_dir()]
    found += _dynamic_imports(tree)
    return found


def _ui_files():
    return sorted(p for p in UI.rglob("*.py") if ".venv" not in p.parts)


def _ui_import_offenders(allowed) -> list[str]:
    offenders = []
    for path in _ui_files():
        here = _area(_module_name(path))
        for lineno, name in _imported_modules(path):
            if name != "ui" and not name.startswith("ui."):
                continue
            there = _area(name)
            if not allowed(here, there):
                offenders.append(f"{path.relative_to(UI.parent)}:{lineno} ({here}) imports {name} ({there})")
    return offenders


def test_ui_has_feature_packages():
    features = {p.name for p in UI.iterdir() if p.is_dir() and (p / "__init__.py").exists()} - {"common"}
    assert {"entries", "attachments", "people", "forms", "exchange", "safety"} <= features


def test_features_import_only_common_and_themselves():
    def allowed(here, there):
        return here in ("shell", "common") or there in ("common", here)

    assert _ui_import_offenders(allowed) == []


def test_common_imports_no_feature_and_not_the_shell():
    def allowed(here, there):
        return here != "common" or there == "common"

    assert _ui_import_offenders(allowed) == []


def test_nothing_outside_the_shell_imports_the_shell():
    def allowed(here, there):
        return there != "shell" or here == "shell"

    assert _ui_import_offenders(allowed) == []


def _private_names_defined(tree: ast.AST) -> set[str]:
    """Private names a file defines itself: its functions, classes, and attributes it assigns."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return {n for n in names if n.startswith("_")}


# What a feature may not reach for on the main window: its widgets and private methods. A feature
# asks its FeatureHost (ui/common/host.py) instead.
SHELL_INTERNALS = {"sidebar", "editor", "table", "list_stack", "entries_page", "pages", "journal_menu",
                   "entry_menu", "help_menu", "quit_action", "settings_action",
                   "statusBar", "menuBar", "bundles_feature", "transport_feature", "people_feature",
                   "forms_feature"}


def test_features_use_no_private_member_of_another_object():
    """`window._refresh_sidebar()`, `controller._main_window`, `bundles._after_import()`: a feature
    uses its own private members and the public ones of others (the host interface)."""
    offenders = []
    for path in _ui_files():
        if _area(_module_name(path)) == "shell":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        own = _private_names_defined(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Attribute) or not node.attr.startswith("_") or node.attr.startswith("__"):
                continue
            if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
                continue
            if node.attr in own:
                continue
            offenders.append(f"{path.relative_to(UI.parent)}:{node.lineno} {ast.unparse(node)}")
    assert offenders == []


def test_features_do_not_reach_into_the_main_window():
    """No `window.sidebar`, `self.window.editor.title`, `getattr(self.parent(), "transport_feature")`,
    `self.parentWidget()`, `self.window().statusBar()`: the shell's widget tree is the shell's."""
    offenders = []
    for path in _ui_files():
        area = _area(_module_name(path))
        if area in ("shell", "common"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in SHELL_INTERNALS \
                    and not (isinstance(node.value, ast.Name) and node.value.id == "self"):
                offenders.append(f"{path.relative_to(UI.parent)}:{node.lineno} {ast.unparse(node)}")
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr in ("parent", "parentWidget"):  # up the widget tree to the window
                offenders.append(f"{path.relative_to(UI.parent)}:{node.lineno} {ast.unparse(node)}")
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "getattr" \
                    and len(node.args) > 1 and isinstance(node.args[1], ast.Constant) \
                    and node.args[1].value in SHELL_INTERNALS:
                offenders.append(f"{path.relative_to(UI.parent)}:{node.lineno} {ast.unparse(node)}")
    assert offenders == []


def test_writes_live_in_op_modules():
    """Widgets say what to write through their feature's ops.py (WriteOp, run_write_op); none
    calls the session's writer itself (`session.write(lambda j: ...)`)."""
    offenders = []
    for path in _ui_files():
        if path.name == "ops.py" or _area(_module_name(path)) == "common":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr in ("write", "write_and_wait") and "session" in ast.unparse(node.func.value):
                offenders.append(f"{path.relative_to(UI.parent)}:{node.lineno} {ast.unparse(node.func)}")
    assert offenders == []
