"""The CLI's start (issue 20): building the parser imports no network, bundle or media code."""

import subprocess
import sys


def test_building_the_parser_imports_no_heavy_modules():
    code = ("import sys; from journal.cli import build_parser; build_parser(); "
            "print(','.join(m for m in ('httpx', 'journal.exchange.exporter', 'journal.exchange.transport', "
            "'PIL', 'pymorphy3') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""
