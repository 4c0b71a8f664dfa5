"""The `journal` command line, in-process (fast) and as a real subprocess."""

import json
import os
import subprocess
import sys

import pytest

from journal.cli import main
from tests.conftest import PASSPHRASE


@pytest.fixture
def cli(created, data_dir, tmp_path, capsys):
    created.journal.close()
    pfile = tmp_path / "pass.txt"
    pfile.write_text(PASSPHRASE + "\n")

    def run(*argv):
        code = main(["--data-dir", str(data_dir), "--passphrase-file", str(pfile), *argv])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def test_add_list_show_edit_search(cli):
    code, out, _ = cli("add", "--title", "Задержание", "--body", "У ОВД задержаны трое", "--occurred",
                       "2024-03-05T14:10+03:00", "--place", "Москва", "--lat", "55.7", "--lon", "37.6",
                       "--category", "detention", "--tag", "протест", "--tag", "ОВД", "--final")
    assert code == 0
    entry_id = out.strip()
    code, out, _ = cli("list", "--json")
    rows = json.loads(out)
    assert rows == [{"id": entry_id, "title": "Задержание", "occurred_at": "2024-03-05T14:10+03:00",
                     "place": "Москва", "category": "detention", "status": "final", "attachments": 0}]
    code, out, _ = cli("edit", entry_id[:8], "--body", "Задержаны четверо")
    assert code == 0 and "revision 2" in out
    code, out, _ = cli("show", entry_id, "--json", "--history")
    data = json.loads(out)
    assert data["body"] == "Задержаны четверо" and len(data["history"]) == 2
    assert data["latitude"] == 55.7 and data["tags"] == ["ОВД", "протест"]
    code, out, _ = cli("search", "задерж*", "--json")
    hits = json.loads(out)
    assert [h["id"] for h in hits] == [entry_id] and hits[0]["kind"] == "entry"
    code, out, _ = cli("search", "задерж*", "--category", "court_hearing", "--json")
    assert json.loads(out) == []


def test_body_file_and_stdin(cli, tmp_path):
    body = tmp_path / "body.txt"
    body.write_text("Текст из файла\n", encoding="utf-8")
    code, out, _ = cli("add", "--title", "t", "--body-file", str(body))
    code, out, _ = cli("show", out.strip(), "--json")
    assert json.loads(out)["body"] == "Текст из файла\n"


def test_delete_trash_restore(cli):
    _, out, _ = cli("add", "--title", "to trash")
    entry_id = out.strip()
    assert cli("delete", entry_id)[0] == 0
    _, out, _ = cli("trash", "--json")
    assert [r["id"] for r in json.loads(out)] == [entry_id]
    _, out, _ = cli("list", "--json")
    assert json.loads(out) == []
    assert cli("restore", entry_id)[0] == 0
    _, out, _ = cli("list", "--json")
    assert len(json.loads(out)) == 1


def test_errors_are_messages_with_exit_1(cli):
    code, out, err = cli("show", "does-not-exist")
    assert code == 1 and err.startswith("journal: No entry") and "Traceback" not in err
    code, _, err = cli("add", "--title", "x", "--category", "nope")
    assert code == 1 and "Unknown category" in err
    code, _, err = cli("add", "--title", "x", "--occurred", "tomorrow-ish")
    assert code == 1 and "ISO 8601" in err


def test_usage_error_exit_2(cli):
    with pytest.raises(SystemExit) as exc:
        cli("add")  # --title missing
    assert exc.value.code == 2


def test_wrong_passphrase_file(data_dir, created, tmp_path, capsys):
    created.journal.close()
    bad = tmp_path / "bad.txt"
    bad.write_text("nope nope nope")
    code = main(["--data-dir", str(data_dir), "--passphrase-file", str(bad), "list"])
    assert code == 1 and "Wrong passphrase" in capsys.readouterr().err


def test_env_passphrase(data_dir, created, monkeypatch, capsys):
    created.journal.close()
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASSPHRASE)
    assert main(["--data-dir", str(data_dir), "list"]) == 0


def test_verify_and_erase(cli, data_dir):
    cli("add", "--title", "x")
    code, out, _ = cli("verify", "--json")
    assert code == 0 and json.loads(out) == {"ok": True, "problems": []}
    code, _, err = cli("erase")
    assert code == 1 and "--yes" in err
    code, out, _ = cli("erase", "--yes", "--json")
    assert code == 0 and json.loads(out)["erased"][0] == "journal.keys"
    code, _, err = cli("list")
    assert code == 1 and "no journal" in err.lower()


def test_init_passwd_recover(tmp_path, fast_kdf, capsys):
    d = tmp_path / "j"
    p1, p2, p3 = tmp_path / "p1", tmp_path / "p2", tmp_path / "p3"
    p1.write_text("first passphrase")
    p2.write_text("second passphrase")
    p3.write_text("third passphrase")
    assert main(["--data-dir", str(d), "--passphrase-file", str(p1), "init", "--name", "Field"]) == 0
    out = capsys.readouterr().out
    code_line = [line.strip() for line in out.splitlines() if line.count("-") == 7][0]
    assert main(["--data-dir", str(d), "--passphrase-file", str(p1), "passwd", "--new-passphrase-file", str(p2)]) == 0
    assert main(["--data-dir", str(d), "--passphrase-file", str(p1), "list"]) == 1
    rc = tmp_path / "rc"
    rc.write_text(code_line)
    assert main(["--data-dir", str(d), "recover", "--recovery-code-file", str(rc),
                 "--new-passphrase-file", str(p3)]) == 0
    assert main(["--data-dir", str(d), "--passphrase-file", str(p3), "list"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(d), "--passphrase-file", str(p3), "init"]) == 1
    assert "already a journal" in capsys.readouterr().err


def test_python_dash_m_journal_subprocess(created, data_dir, tmp_path):
    created.journal.close()
    env = {**os.environ, "JOURNAL_PASSPHRASE": PASSPHRASE}
    result = subprocess.run([sys.executable, "-m", "journal", "--data-dir", str(data_dir), "add", "--title", "Ёлка"],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    result = subprocess.run([sys.executable, "-m", "journal", "--data-dir", str(data_dir), "list", "--json"],
                            capture_output=True, text=True, env=env, timeout=60, encoding="utf-8")
    assert json.loads(result.stdout)[0]["title"] == "Ёлка"
    result = subprocess.run([sys.executable, "-m", "journal", "--data-dir", str(tmp_path / "none"), "list"],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_search_covers_people_and_log(cli):
    _, out, _ = cli("add", "--title", "Задержание у метро", "--body", "Петров задержан")
    code, out, err = cli("person", "add", "--name", "Иван Петров", "--role", "detainee")
    assert code == 0, err
    code, out, _ = cli("search", "петров", "--json")
    kinds = sorted(h["kind"] for h in json.loads(out))
    assert kinds == ["entry", "person"]
    code, out, _ = cli("search", "петров", "--kind", "person", "--json")
    assert [h["kind"] for h in json.loads(out)] == ["person"]


def test_init_uses_journal_passphrase_env(tmp_path, fast_kdf, monkeypatch, capsys):
    monkeypatch.setenv("JOURNAL_PASSPHRASE", "scripted passphrase")
    assert main(["--data-dir", str(tmp_path / "j"), "init"]) == 0
    assert main(["--data-dir", str(tmp_path / "j"), "list"]) == 0


def test_damaged_database_is_a_message_not_a_traceback(created, data_dir, tmp_path, capsys):
    import os as _os

    for i in range(300):
        created.journal.entries.add(title=f"entry {i}", body="текст " * 200)
    created.journal.close()
    db = data_dir / "journal.db"
    data = bytearray(db.read_bytes())
    for page in range(2, len(data) // 4096):
        data[page * 4096 + 64: page * 4096 + 96] = _os.urandom(32)
    db.write_bytes(bytes(data))
    pfile = tmp_path / "p"
    pfile.write_text(PASSPHRASE)
    code = main(["--data-dir", str(data_dir), "--passphrase-file", str(pfile), "search", "текст"])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err and "journal:" in err
    code = main(["--data-dir", str(data_dir), "--passphrase-file", str(pfile), "verify"])
    assert code == 1
