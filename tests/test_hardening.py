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


def test_cli_and_app_harden_at_start():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    assert "harden_process()" in (root / "journal" / "cli" / "__init__.py").read_text(encoding="utf-8")
    assert "harden_process()" in (root / "ui" / "app.py").read_text(encoding="utf-8")
