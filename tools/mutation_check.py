"""A scoped mutation check (docs/testing.md): mutmut's mutants of some functions, each run
against a few named test files, one at a time, with a wall-clock limit per mutant.

    .venv/bin/python tools/mutation_check.py --tests tests/test_import_staging.py \\
        "journal.exchange.importer.xǁ_BlobWriterǁ*"

mutmut (the `mutation` extra, configured in pyproject.toml's [tool.mutmut]) makes the mutants
in ./mutants; this script only runs them, because `mutmut run` first runs its whole test
selection once (stats) and then measures its timeout in CPU time, which on a busy machine calls
slow mutants "timeout" and does not stop one that deadlocks the bundle reader's threads. Here a
mutant is run as mutmut runs it (pytest in ./mutants with MUTANT_UNDER_TEST set, which mutmut's
trampoline reads), stopping at the first failing test; a mutant still running after --timeout
seconds is killed and counted as detected (a hang fails CI too).

Prints one line per mutant and a summary; exits 1 if any mutant survived. `mutmut show NAME`
prints a survivor's change.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"


def generate() -> None:
    """mutmut's own generation step (what `mutmut run` does before its stats), nothing more."""
    os.chdir(ROOT)
    from mutmut.__main__ import create_mutants
    from mutmut.mutation.trampoline import set_mutant_under_test
    from mutmut.utils.file_utils import copy_also_copy_files, copy_src_dir, setup_source_paths

    set_mutant_under_test("mutant_generation")
    MUTANTS.mkdir(exist_ok=True)
    copy_src_dir()
    copy_also_copy_files()
    setup_source_paths()
    create_mutants(1)
    os.environ.pop("MUTANT_UNDER_TEST", None)


def mutant_names(patterns: list[str]) -> list[str]:
    """Every generated mutant (module.name) matching one of `patterns`, in source order."""
    names: list[str] = []
    modules = {pattern.split(".x", 1)[0] for pattern in patterns}
    for module in sorted(modules):
        path = MUTANTS / (module.replace(".", "/") + ".py")
        if not path.is_file():
            sys.exit(f"{path} not found: is {module} in [tool.mutmut] only_mutate?")
        # Each mutant is registered in its function's table: mutants_<function>['<mutant>'] = ...
        found = re.findall(r"^mutants_\S+\['(x\S*?__mutmut_\d+)'\] = ", path.read_text(encoding="utf-8"), re.M)
        for name in dict.fromkeys(found):
            full = f"{module}.{name}"
            if any(fnmatch.fnmatchcase(full, pattern) for pattern in patterns):
                names.append(full)
    return names


def run_one(name: str, tests: list[str], keyword: str | None, timeout: float) -> tuple[str, float, str]:
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "-o", "addopts=",
               "-p", "no:randomly", *tests]
    if keyword:
        command += ["-k", keyword]
    start = time.monotonic()
    process = subprocess.Popen(command, cwd=MUTANTS, env={**os.environ, "MUTANT_UNDER_TEST": name},
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True)
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # its own session: the test's threads and children too
        process.communicate()
        return "timeout", time.monotonic() - start, ""
    first = next((line for line in output.splitlines() if line.startswith(("FAILED ", "ERROR "))), "")
    if process.returncode == 0:
        status = "survived"
    elif process.returncode == 5:
        status = "no tests"  # nothing selected: a wrong -k or test path, not a result
    else:
        status = "killed"
    return status, time.monotonic() - start, first


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("patterns", nargs="*", help="mutant names (module.function), * wildcards allowed")
    parser.add_argument("--tests", nargs="+", required=True, help="test files or node ids to run against")
    parser.add_argument("-k", dest="keyword", help="pytest -k expression to narrow the tests")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per mutant (default 120)")
    parser.add_argument("--no-generate", action="store_true", help="use ./mutants as it is")
    args = parser.parse_args(argv)
    # "--tests a.py b.py 'journal.x.y*'" puts the patterns into --tests (it takes any number):
    # what is not a test path there is a pattern, so both orders work.
    args.patterns += [t for t in args.tests if t.startswith("journal.")]
    args.tests = [t for t in args.tests if not t.startswith("journal.")]
    if not args.patterns or not args.tests:
        parser.error("give mutant name patterns (journal.…) and --tests")
    if not args.no_generate or not MUTANTS.is_dir():
        generate()
    names = mutant_names(args.patterns)
    if not names:
        sys.exit("no mutant matches")
    counts: dict[str, int] = {}
    survivors = []
    for i, name in enumerate(names, 1):
        status, seconds, first = run_one(name, args.tests, args.keyword, args.timeout)
        counts[status] = counts.get(status, 0) + 1
        if status in ("survived", "no tests"):
            survivors.append(name)
        print(f"[{i}/{len(names)}] {status:8} {seconds:5.1f}s {name} {first}", flush=True)
    print(f"{len(names)} mutants: " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())))
    for name in survivors:
        print(f"left: {name}")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
