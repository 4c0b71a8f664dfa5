"""`python main.py` starts (offscreen), shows its first window and exits cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from gui_helpers import make_journal

ROOT = Path(__file__).resolve().parent.parent


def _run(data_dir: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "JOURNAL_CONFIG_HOME": str(tmp_path / "config")}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "--quit-when-ready"],
                          env=env, capture_output=True, text=True, timeout=60, cwd=tmp_path)


def test_first_run_starts_the_wizard_and_exits_cleanly(tmp_path):
    data_dir = tmp_path / "fresh"
    result = _run(data_dir, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "ready" in result.stdout and "FirstRunWizard" in result.stdout
    assert not data_dir.exists() or not any(data_dir.iterdir())  # nothing written before the wizard finishes
    assert not (tmp_path / "config").exists()  # settings are only written when changed


def test_existing_journal_opens_the_unlock_window(tmp_path, data_dir):
    make_journal(data_dir)
    result = _run(data_dir, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "UnlockWindow" in result.stdout


def test_version(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--version"], capture_output=True, text=True,
                            timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0 and "incident-journal" in result.stdout
