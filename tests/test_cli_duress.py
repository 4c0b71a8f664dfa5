"""`journal duress …` and the duress passphrase typed at the CLI's passphrase prompt."""

from __future__ import annotations

import json
import os
import pty
import sys
from pathlib import Path

import pytest

from journal.cli import main
from journal.errors import WrongPassphrase
from journal.storage.vault import Journal, derive_data_key
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parent.parent
DURESS = "pink elephant umbrella"


@pytest.fixture
def cli(created, data_dir, tmp_path, capsys, monkeypatch):
    created.journal.entries.add(title="Обыск в квартире", body="real")
    created.journal.close()
    pfile = tmp_path / "pass"
    pfile.write_text(PASSPHRASE)
    dfile = tmp_path / "duress"
    dfile.write_text(DURESS)

    def run(*argv, duress_file=True):
        extra = ["--duress-passphrase-file", str(dfile)] if duress_file else []
        code = main(["--data-dir", str(data_dir), "--passphrase-file", str(pfile), *argv, *extra])
        return code, capsys.readouterr().out

    return run


def _in_pty(argv: list[str], answers: list[str]) -> tuple[int, str]:
    """Run the CLI in a pseudo-terminal (getpass needs one), typing each answer at a prompt."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("JOURNAL_PASSPHRASE", None)
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.execve(sys.executable, [sys.executable, "-m", "journal", *argv], env)
    out = b""
    for answer in answers:
        while b": " not in out.rsplit(b"\n", 1)[-1]:
            chunk = os.read(fd, 1024)
            if not chunk:
                break
            out += chunk
        os.write(fd, answer.encode() + b"\n")
        out += b"\n"
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    _pid, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), out.decode("utf-8", "replace")


def test_set_fill_list_remove(cli, data_dir):
    code, out = cli("duress", "set", "--decoy-name", "Notes")
    assert code == 0 and "decoy" in out
    assert json.loads(cli("duress", "status", "--json", duress_file=False)[1]) == {"duress_passphrase": True}
    assert cli("duress", "add-entry", "--title", "Dentist", "--occurred", "2024-05-01")[0] == 0
    code, out = cli("duress", "entries", "--json")
    assert [e["title"] for e in json.loads(out)] == ["Dentist"]
    code, out = cli("list", duress_file=False)
    assert "Обыск в квартире" in out and "Dentist" not in out  # the real journal is untouched
    assert cli("duress", "remove", duress_file=False)[0] == 0
    with pytest.raises(WrongPassphrase):
        derive_data_key(data_dir, DURESS)


def test_duress_passphrase_at_the_cli_prompt_erases_and_shows_the_decoy(cli, data_dir):
    cli("duress", "set")
    cli("duress", "add-entry", "--title", "Dentist on Tuesday")
    code, out = _in_pty(["--data-dir", str(data_dir), "list"], [DURESS])
    assert code == 0, out
    assert "Passphrase:" in out and "Dentist on Tuesday" in out
    assert "Обыск" not in out and DURESS not in out
    with pytest.raises(WrongPassphrase):
        derive_data_key(data_dir, PASSPHRASE)
    # The prompt looks the same for the real passphrase (nothing says which one was typed).
    code, out = _in_pty(["--data-dir", str(data_dir), "list"], [PASSPHRASE])
    assert code != 0 and "Wrong passphrase" in out
    with Journal.open(data_dir, DURESS) as decoy:
        assert [e.title for e in decoy.queries.page()] == ["Dentist on Tuesday"]


def test_duress_set_refuses_different_repeats_and_the_real_passphrase(cli, tmp_path):
    same = tmp_path / "same"
    same.write_text(PASSPHRASE)
    from journal.cli import main as run_main

    assert run_main(["--data-dir", str(tmp_path / "journal"), "--passphrase-file", str(tmp_path / "pass"),
                     "duress", "set", "--duress-passphrase-file", str(same)]) != 0
