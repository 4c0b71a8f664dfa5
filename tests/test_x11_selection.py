"""The X11 PRIMARY selection (issue 19, item 9), on a real X server (Xvfb) with a real reader.

On X11 selecting text is enough to export it: any X client reads it with `xclip -o` or a
middle click. The app runs in its own process on Xvfb; another process reads PRIMARY. Before
the fix a selected entry title could be read after Ctrl+L. Skipped when Xvfb or xclip is missing
(.ci/run installs xvfb, xclip and libxcb-cursor0).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gui_helpers import make_journal

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 PRIMARY is a Linux/BSD desktop matter"),
    pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed (Debian: xvfb)"),
    pytest.mark.skipif(shutil.which("xclip") is None, reason="xclip is not installed (Debian: xclip)"),
]
HERE = Path(__file__).resolve().parent
TITLE_WORD = "Kolomenskaya"


@pytest.fixture
def display():
    """A private Xvfb; yields its DISPLAY."""
    read, write = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        proc.kill()
        pytest.skip("Xvfb did not start")
    yield f":{number}"
    proc.terminate()
    proc.wait(timeout=10)


def primary(display: str) -> str:
    """What another X client gets for PRIMARY ("" when nobody owns it)."""
    result = subprocess.run(["xclip", "-o", "-selection", "primary"], env={**os.environ, "DISPLAY": display},
                            capture_output=True, text=True, timeout=10)
    return result.stdout if result.returncode == 0 else ""


class App:
    def __init__(self, display: str, data_dir: Path, config: Path) -> None:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        self.proc = subprocess.Popen([sys.executable, str(HERE / "x11_selection_app.py"), str(data_dir), str(config)],
                                     env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        first = self.proc.stdout.readline().strip()
        if first != "unlocked":
            self.proc.kill()
            pytest.skip(f"the app could not start on Xvfb (missing xcb libraries?): {first!r}")

    def do(self, command: str) -> str:
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return self.proc.stdout.readline().strip()

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                self.do("quit")
                self.proc.wait(timeout=20)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()


@pytest.fixture
def app(display, data_dir, tmp_path):
    make_journal(data_dir, [dict(title=TITLE_WORD, body="twelve people")])
    running = App(display, data_dir, tmp_path / "config")
    yield running
    running.close()


def test_selected_entry_text_is_gone_from_primary_after_lock(app, display):
    answer = app.do("select-title")
    assert answer.startswith("selected ") and TITLE_WORD in answer
    assert TITLE_WORD in primary(display), "selecting did not export it: the test proves nothing"
    assert app.do("lock") == "locked"
    assert TITLE_WORD not in primary(display)


def test_selected_text_is_gone_from_primary_after_quit(app, display):
    app.do("select-title")
    assert TITLE_WORD in primary(display)
    assert app.do("quit") == "quitting"
    app.proc.wait(timeout=20)
    assert TITLE_WORD not in primary(display)


def test_text_selected_in_a_secret_field_is_never_exported(app, display):
    from tests.x11_selection_app import CODE

    assert app.do("lock") == "locked"
    answer = app.do("select-secret")
    assert answer.startswith("secret-selected ") and answer.split(" ", 1)[1] in CODE
    selected = answer.split(" ", 1)[1]
    assert selected and selected not in primary(display)
