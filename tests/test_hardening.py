"""Start-up hardening: a crash must not write the decrypted journal to a core file."""

import subprocess
import sys

import pytest

CHECK = """
import ctypes, resource, sys
from journal.hardening import harden_process
harden_process()
soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
dumpable = ctypes.CDLL(None).prctl(3, 0, 0, 0, 0)  # PR_GET_DUMPABLE
print(soft, hard, dumpable)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_CORE and prctl are checked on Linux")
def test_core_dumps_are_disabled_after_harden_process():
    out = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, check=True,
                         timeout=60).stdout.split()
    assert out == ["0", "0", "0"]


# Runs the real entry point in a child process, then reports the child's own state at exit.
# Before starting the app the child allows core dumps (soft = hard limit) and is dumpable,
# so a missing or commented-out harden_process() call shows as a non-zero limit or dumpable=1.
ENTRY = """
import atexit, ctypes, resource, runpy, sys
soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))
libc = ctypes.CDLL(None)
libc.prctl(4, 1, 0, 0, 0)  # PR_SET_DUMPABLE 1: the state a normal process starts in
before = (resource.getrlimit(resource.RLIMIT_CORE), libc.prctl(3, 0, 0, 0, 0))

def report():
    after = (resource.getrlimit(resource.RLIMIT_CORE), libc.prctl(3, 0, 0, 0, 0))  # PR_GET_DUMPABLE
    with open(out_file, "w") as out:
        out.write(repr((before, after)))

atexit.register(report)
out_file, what, args = sys.argv[1], sys.argv[2], sys.argv[3:]
if what == "cli":
    from journal.cli import main
    sys.exit(main(args))
sys.argv = [what, *args]
runpy.run_path(what, run_name="__main__")
"""


def _state_after(tmp_path, what: str, *args: str):
    import ast
    import os
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    out = tmp_path / "state.txt"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "JOURNAL_CONFIG_HOME": str(tmp_path / "config"),
           "PYTHONPATH": str(root)}
    target = what if what == "cli" else str(root / what)
    subprocess.run([sys.executable, "-c", ENTRY, str(out), target, *args], capture_output=True, text=True,
                   timeout=120, cwd=tmp_path, env=env)
    return ast.literal_eval(out.read_text())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_CORE and prctl are checked on Linux")
@pytest.mark.parametrize("what", ["cli", "main.py"])
def test_cli_and_app_harden_at_start(tmp_path, what):
    args = ["--data-dir", str(tmp_path / "none"), "list"] if what == "cli" else \
        ["--data-dir", str(tmp_path / "none"), "--quit-when-ready"]
    (before_limit, before_dumpable), (after_limit, after_dumpable) = _state_after(tmp_path, what, *args)
    assert before_dumpable == 1  # the check is meaningful: the child was dumpable before the app ran
    assert after_limit == (0, 0), "core files are still allowed after the app started"
    assert after_dumpable == 0, "the process is still dumpable (ptrace/systemd-coredump can read it)"
