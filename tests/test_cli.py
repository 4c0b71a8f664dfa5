"""The `journal` command line, in-process (fast) and as a real subprocess."""

import json
import os
import subprocess
import sys

import pytest

from journal.cli import main
from tests.conftest import PASSPHRASE
from tests.inode_watch import InodeWatch


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
    with InodeWatch([data_dir / "journal.keys", data_dir / "journal.db"]) as watch:
        code, out, _ = cli("erase", "--yes", "--json")
        assert watch.not_overwritten() == []  # overwritten on disk, not only unlinked
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


def _damage(journal):
    """Three independent kinds of damage `journal verify` must each report."""
    import io

    from journal.records.entries import pack_revision_content, unpack_revision_content

    tampered = journal.entries.add(title="honest", body="what happened")
    journal.entries.update(tampered.uuid, body="what really happened")
    (stored,) = journal.db.query_one("SELECT content FROM revisions WHERE entry_id = ? AND number = 1",
                                     (tampered.id,))
    forged = pack_revision_content(unpack_revision_content(stored).replace("what happened", "nothing"))
    journal.db.execute("UPDATE revisions SET content = ? WHERE entry_id = ? AND number = 1", (forged, tampered.id))
    broken = journal.entries.add(title="chained", body="one")
    journal.entries.update(broken.uuid, body="two")
    journal.db.execute("UPDATE revisions SET prev_hash = ? WHERE entry_id = ? AND number = 2", ("1" * 64, broken.id))
    holder = journal.entries.add(title="with a photo")
    journal.attachments.add_stream(holder.uuid, io.BytesIO(b"\xff\xd8" + os.urandom(5000)), "photo.jpg")
    (file_id,) = journal.db.query_one("SELECT file_id FROM blobs WHERE file_id IS NOT NULL")
    journal.blob_files.path_of(file_id).unlink()
    return tampered, broken, file_id


def _expect_each_problem(problems, tampered, broken, file_id):
    assert any(f"entry #{tampered.id}: revision 1 was altered" in p for p in problems), problems
    assert any(f"entry #{broken.id}: revision 2 is not chained" in p for p in problems), problems
    assert any(file_id in p and "missing" in p for p in problems), problems


def test_verify_reports_tampering_broken_chain_and_missing_file(created, data_dir, tmp_path, capsys):
    """verify's answer comes from what it found: opening works, the checks fail."""
    tampered, broken, file_id = _damage(created.journal)
    created.journal.close()
    pfile = tmp_path / "p"
    pfile.write_text(PASSPHRASE)
    base = ["--data-dir", str(data_dir), "--passphrase-file", str(pfile)]
    assert main([*base, "list"]) == 0  # the journal opens fine: only verify can tell
    capsys.readouterr()
    assert main([*base, "verify", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    _expect_each_problem(report["problems"], tampered, broken, file_id)
    assert main([*base, "verify"]) == 1
    out = capsys.readouterr().out
    assert "OK" not in out
    _expect_each_problem(out.splitlines(), tampered, broken, file_id)


@pytest.mark.parametrize("damage", ["revision", "chain", "file"])
def test_verify_fails_on_each_damage_alone(created, data_dir, tmp_path, capsys, damage):
    from journal.records.entries import pack_revision_content, unpack_revision_content

    journal = created.journal
    e = journal.entries.add(title="t", body="one")
    journal.entries.update(e.uuid, body="two")
    if damage == "revision":
        (stored,) = journal.db.query_one("SELECT content FROM revisions WHERE number = 2")
        journal.db.execute("UPDATE revisions SET content = ? WHERE number = 2",
                           (pack_revision_content(unpack_revision_content(stored).replace("two", "six")),))
        # the entry row too, so only the revision's hash can tell
        journal.db.execute("UPDATE entries SET body = 'six'")
    elif damage == "chain":
        journal.db.execute("UPDATE revisions SET prev_hash = ? WHERE number = 2", ("2" * 64,))
    else:
        import io

        journal.attachments.add_stream(e.uuid, io.BytesIO(os.urandom(3000)), "a.bin")
        (file_id,) = journal.db.query_one("SELECT file_id FROM blobs")
        journal.blob_files.path_of(file_id).unlink()
    journal.close()
    pfile = tmp_path / "p"
    pfile.write_text(PASSPHRASE)
    assert main(["--data-dir", str(data_dir), "--passphrase-file", str(pfile), "verify", "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["ok"] is False
