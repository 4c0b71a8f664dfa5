"""`journal person|link|unlink|log` in-process, on a journal made with the fast KDF."""

from __future__ import annotations

import argparse
import json

import pytest
from conftest import PASSPHRASE

from journal.cli import main
from journal.cli.context import CliContext
from journal.cli.people_commands import add_search_kind_option, cmd_search_all


@pytest.fixture
def run(created, data_dir, tmp_path, capsys):
    """Run the CLI against the test journal; returns (exit code, stdout, stderr)."""
    created.journal.close()  # the CLI takes the journal's lock itself
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    secret.chmod(0o600)

    def _run(*argv: str):
        capsys.readouterr()
        code = main(["--data-dir", str(data_dir), "--passphrase-file", str(secret), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    _run.secret = secret
    return _run


def _ok(run, *argv) -> str:
    code, out, err = run(*argv)
    assert code == 0, err
    return out


def test_person_add_list_show_edit(run):
    pid = _ok(run, "person", "add", "--name", "Иван Петров", "--alias", "Ваня", "--role", "detainee",
              "--phone", "+7 916 123-45-67", "--handle", "telegram:@ivan", "--org", "Студсовет").strip()
    assert len(pid) == 36
    mid = _ok(run, "person", "add", "--name", "Мария", "--role", "relative", "--sensitive").strip()
    listed = json.loads(_ok(run, "person", "list", "--json"))
    assert [p["name"] for p in listed] == ["Иван Петров", "Мария"]
    assert listed[1]["sensitive"] is True
    assert [p["name"] for p in json.loads(_ok(run, "person", "list", "--role", "relative", "--json"))] == ["Мария"]
    assert "Иван Петров" in _ok(run, "person", "list", "--search", "ваня")
    text = _ok(run, "person", "show", pid[:8])
    assert "Иван Петров" in text and "telegram:@ivan" in text and "Студсовет" in text

    out = _ok(run, "person", "edit", pid, "--phone", "+7 999 000-00-00", "--clear", "aliases")
    assert out.strip() == f"{pid} revision 2"
    shown = json.loads(_ok(run, "person", "show", pid, "--json", "--history"))
    assert shown["phones"] == ["+7 999 000-00-00"] and shown["aliases"] == []
    assert [r["number"] for r in shown["history"]] == [1, 2]
    code, _, err = run("person", "edit", pid)
    assert code == 1 and "Nothing to change" in err
    _ok(run, "person", "edit", mid, "--not-sensitive")
    assert json.loads(_ok(run, "person", "show", mid, "--json"))["sensitive"] is False


def test_person_errors(run):
    code, _, err = run("person", "add", "--name", "X", "--handle", "icq:1")
    assert code == 1 and err.startswith("journal: Unknown messenger")
    code, _, err = run("person", "add", "--name", "X", "--role", "pilot")
    assert code == 1 and "Unknown role" in err
    code, _, err = run("person", "show", "0000000000")
    assert code == 1 and "No person" in err
    with pytest.raises(SystemExit) as exc:
        run("person", "add", "--role", "lawyer")  # --name is required
    assert exc.value.code == 2


def test_link_log_and_follow_ups(run):
    pid = _ok(run, "person", "add", "--name", "Мать Олега", "--role", "relative").strip()
    eid = _ok(run, "add", "--title", "Задержание Олега", "--occurred", "2024-03-05T12:00+03:00").strip()
    assert _ok(run, "link", eid, pid, "--role", "relative").strip() == "Linked."
    code, _, err = run("link", eid, pid, "--role", "bystander")
    assert code == 1 and "role in the incident" in err

    lid = _ok(run, "log", "add", "--person", pid, "--channel", "call", "--direction", "incoming",
              "--summary", "Звонила в 14:10: он в ОВД №5, адвоката не пускают", "--at", "2024-03-05T14:10+03:00",
              "--entry", eid, "--follow-up", "2024-03-06", "--follow-up-note", "позвонить в ОВД").strip()
    _ok(run, "log", "add", "--person", pid, "--channel", "in-person", "--direction", "meeting",
        "--summary", "Встреча", "--at", "2024-03-07T10:00+03:00")

    records = json.loads(_ok(run, "log", "list", "--json"))
    assert [r["summary"] for r in records] == ["Встреча", "Звонила в 14:10: он в ОВД №5, адвоката не пускают"]
    assert records[1]["people"] == [{"id": pid, "name": "Мать Олега"}]
    assert records[1]["entries"] == [eid]
    assert records[1]["follow_up_state"] == "open"
    due = json.loads(_ok(run, "log", "list", "--due", "--json"))
    assert [r["id"] for r in due] == [lid]
    assert "[follow-up 2024-03-06: позвонить в ОВД]" in _ok(run, "log", "list", "--person", pid)
    assert _ok(run, "log", "done", lid[:8]).strip() == f"{lid} follow-up done"
    assert json.loads(_ok(run, "log", "list", "--due", "--json")) == []
    assert "No follow-ups due." in _ok(run, "log", "list", "--due")
    shown = _ok(run, "log", "show", lid)
    assert "ОВД №5" in shown and "follow-up done" in shown

    person = json.loads(_ok(run, "person", "show", pid, "--json"))
    assert person["entries"][0]["id"] == eid and person["entries"][0]["role"] == "relative"
    assert len(person["contact_log"]) == 2

    code, _, err = run("log", "add", "--person", pid, "--channel", "fax", "--direction", "incoming", "--summary", "s")
    assert code == 1 and "Unknown channel" in err
    code, _, err = run("log", "add", "--person", pid, "--channel", "call", "--direction", "incoming",
                       "--summary", "s", "--follow-up-note", "x")
    assert code == 1 and "--follow-up" in err

    assert "Removed 1 link" in _ok(run, "unlink", eid, pid)
    assert _ok(run, "log", "delete", lid).startswith("Deleted")
    assert len(json.loads(_ok(run, "log", "list", "--json"))) == 1


def test_merge_and_delete(run):
    keep = _ok(run, "person", "add", "--name", "Иван Петров", "--role", "detainee").strip()
    dup = _ok(run, "person", "add", "--name", "Ivan Petrov", "--phone", "+7 916 1234567").strip()
    eid = _ok(run, "add", "--title", "Суд").strip()
    _ok(run, "link", eid, dup, "--role", "witness")
    _ok(run, "log", "add", "--person", dup, "--channel", "signal", "--direction", "outgoing", "--summary", "s")
    out = _ok(run, "person", "merge", keep, dup)
    assert out.strip() == f"Merged {dup} into {keep} (revision 2)"
    kept = json.loads(_ok(run, "person", "show", keep, "--json"))
    assert kept["aliases"] == ["Ivan Petrov"] and kept["phones"] == ["+7 916 1234567"]
    assert kept["merged_from"] == [dup]
    assert kept["entries"][0]["id"] == eid and len(kept["contact_log"]) == 1
    assert f"merged into: {keep}" in _ok(run, "person", "show", dup)
    assert [p["id"] for p in json.loads(_ok(run, "person", "list", "--json"))] == [keep]

    code, _, err = run("person", "delete", keep)
    assert code == 1 and "--yes" in err
    assert _ok(run, "person", "delete", keep, "--yes").startswith("Deleted")
    records = json.loads(_ok(run, "log", "list", "--json"))
    assert records[0]["people"] == [{"id": None, "name": "deleted person"}]
    _ok(run, "verify")  # revision chains of people still check out


def test_search_all_kinds(run, data_dir, capsys):
    pid = _ok(run, "person", "add", "--name", "Алексей", "--notes", "адвокат в ОВД").strip()
    eid = _ok(run, "add", "--title", "Обыск в ОВД").strip()
    lid = _ok(run, "log", "add", "--person", pid, "--channel", "call", "--direction", "incoming",
              "--summary", "звонок из ОВД").strip()

    parser = argparse.ArgumentParser()
    parser.add_argument("query")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--limit", type=int, default=50)
    add_search_kind_option(parser)
    args = parser.parse_args(["овд", "--json"])
    args.data_dir, args.passphrase_file = str(data_dir), str(run.secret)
    ctx = CliContext(args)
    try:
        capsys.readouterr()
        assert cmd_search_all(args, ctx) == 0
        hits = json.loads(capsys.readouterr().out)
        assert {(h["kind"], h["id"]) for h in hits} == {("entry", eid), ("person", pid), ("log", lid)}
        assert all("[ОВД]" in h["snippet"] for h in hits)
        args = parser.parse_args(["овд", "--kind", "person"])
        assert cmd_search_all(args, ctx) == 0
        out = capsys.readouterr().out
        assert "person" in out and "Алексей" in out and "log " not in out
    finally:
        ctx.close()
