"""Issue 17 (the command line): no tracebacks at a prompt, options where people type them,
short ids everywhere, and errors that say what to do next."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from journal.cli import main
from journal.exchange.bundle.card import Card  # noqa: F401  (the card module must import cleanly)
from journal.storage.vault import Journal
from tests.conftest import FAST_KDF, PASSPHRASE

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def folder(tmp_path):
    data = tmp_path / "journal"
    Journal.create(data, PASSPHRASE, "Field notes", kdf=FAST_KDF).journal.close()
    return data


@pytest.fixture
def run(folder, tmp_path, capsys):
    pfile = tmp_path / "pass.txt"
    pfile.write_text(PASSPHRASE + "\n")

    def go(*argv, before=True):
        options = ["--data-dir", str(folder), "--passphrase-file", str(pfile)]
        code = main([*options, *argv] if before else [*argv, *options])
        out = capsys.readouterr()
        return code, out.out, out.err

    return go


def test_ctrl_d_at_the_passphrase_prompt_is_a_message_not_a_traceback(folder):
    """A real terminal (pty): the person presses Ctrl+D at 'Passphrase:'."""
    env = {k: v for k, v in os.environ.items() if k not in ("JOURNAL_PASSPHRASE", "JOURNAL_LANG")}
    env["PYTHONPATH"] = str(ROOT)
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "journal", "--data-dir", str(folder), "list"],
                               stdin=follower, stdout=follower, stderr=follower, env=env, cwd=ROOT,
                               start_new_session=True)
    os.close(follower)
    output = b""
    deadline = time.monotonic() + 60
    sent = False
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        if not sent and b"Passphrase" in output:
            os.write(leader, b"\x04")  # Ctrl+D: end of input
            sent = True
        if process.poll() is not None and not ready:
            break
    code = process.wait(timeout=60)
    os.close(leader)
    text = output.decode("utf-8", "replace")
    assert sent, text
    assert code == 1, text
    assert "Traceback" not in text and "EOFError" not in text
    assert "No passphrase was typed" in text


def test_global_options_work_after_the_command(run):
    code, out, err = run("add", "--title", "After the command", before=False)
    assert code == 0, err
    code, out, err = run("list", "--json", before=False)
    assert code == 0, err
    assert [row["title"] for row in json.loads(out)] == ["After the command"]


def test_a_global_option_after_the_command_wins_over_the_one_before(run, tmp_path, capsys):
    other = tmp_path / "other"
    Journal.create(other, PASSPHRASE, "Other", kdf=FAST_KDF).journal.close()
    pfile = tmp_path / "pass.txt"
    assert main(["--data-dir", str(other), "--passphrase-file", str(pfile), "add", "--title", "in other"]) == 0
    capsys.readouterr()
    # --data-dir before the command names the first journal, after it the other one: the later wins.
    code = main(["--data-dir", str(tmp_path / "journal"), "list", "--json", "--data-dir", str(other),
                 "--passphrase-file", str(pfile)])
    out = capsys.readouterr().out
    assert code == 0 and [row["title"] for row in json.loads(out)] == ["in other"]


def test_a_four_character_id_prefix_works_everywhere(run):
    code, out, _ = run("add", "--title", "Short ids")
    entry = out.strip()
    code, out, err = run("show", entry[:4], "--json")
    assert code == 0, err
    assert json.loads(out)["uuid"] == entry
    code, out, err = run("edit", entry[:4], "--title", "Short ids work")
    assert code == 0, err
    code, out, _ = run("person", "add", "--name", "Иван")
    person = out.strip()
    code, out, err = run("person", "show", person[:4], "--json")
    assert code == 0, err
    assert json.loads(out)["id"] == person
    code, out, err = run("link", entry[:4], person[:4], "--role", "witness")
    assert code == 0, err


def test_three_characters_are_not_an_id_and_an_ambiguous_prefix_says_so(run, folder):
    code, out, _ = run("add", "--title", "one")
    entry = out.strip()
    code, _, err = run("show", entry[:3])
    assert code == 1 and "No entry with id" in err
    # Force two entries whose ids share a prefix, as can happen in a big journal.
    journal = Journal.open(folder, PASSPHRASE)
    try:
        other = journal.entries.add(title="two")
        with journal.db.transaction() as db:
            db.execute("UPDATE entries SET uuid = ? WHERE uuid = ?", (entry[:6] + other.uuid[6:], other.uuid))
    finally:
        journal.close()
    code, _, err = run("show", entry[:5])
    assert code == 1
    assert "More than one record has an id starting with" in err


def test_a_missing_folder_suggests_journal_init(tmp_path, capsys):
    missing = tmp_path / "no such folder"
    code = main(["--data-dir", str(missing), "list"])
    err = capsys.readouterr().err
    assert code == 1
    assert "does not exist" in err
    assert "journal init --data-dir" in err and "no such folder" in err


def test_rejecting_an_unknown_sender_names_trust_new(tmp_path, capsys):
    doc, coord = tmp_path / "doc", tmp_path / "coord"
    Journal.create(doc, PASSPHRASE, "Olena", kdf=FAST_KDF, card_name="Olena").journal.close()
    Journal.create(coord, PASSPHRASE, "HQ", kdf=FAST_KDF, card_name="HQ").journal.close()
    pfile = tmp_path / "pass.txt"
    pfile.write_text(PASSPHRASE + "\n")

    def run(where, *argv):
        code = main(["--data-dir", str(where), "--passphrase-file", str(pfile), *argv])
        out = capsys.readouterr()
        return code, out.out, out.err

    _, out, _ = run(coord, "card")
    card = out.strip().splitlines()[0]
    assert run(doc, "coordinator", "add", card)[0] == 0
    run(doc, "add", "--title", "for HQ")
    bundle = tmp_path / "b.ijbundle"
    assert run(doc, "export", "--to", "HQ", "--all", "-o", str(bundle))[0] == 0
    code, out, err = run(coord, "import", str(bundle))
    assert code == 1 and "unknown sender" in out
    assert "--trust-new" in err


def test_a_four_character_id_prefix_works_for_every_command_that_takes_an_id(tmp_path, capsys):
    """Item 23, command by command: entries, people, contact-log records, attachments and
    coordinators by the first 4 characters of their id, as `journal list` shows them (senders
    and outbox items have short numbers of their own)."""
    doc, coord = tmp_path / "doc", tmp_path / "coord"
    Journal.create(doc, PASSPHRASE, "Field notes", kdf=FAST_KDF, card_name="Olena").journal.close()
    Journal.create(coord, PASSPHRASE, "HQ", kdf=FAST_KDF, card_name="HQ").journal.close()
    pfile = tmp_path / "pass.txt"
    pfile.write_text(PASSPHRASE + "\n")
    failed = []

    def run(where, *argv, label=None):
        code = main(["--data-dir", str(where), "--passphrase-file", str(pfile), *argv])
        out = capsys.readouterr()
        if label and code != 0:
            failed.append(f"{label}: {out.err.strip()}")
        return out.out.strip()

    card = run(coord, "card").splitlines()[0]
    run(doc, "coordinator", "add", card)
    coordinator = json.loads(run(doc, "coordinator", "list", "--json"))[0]["id"]
    entry = run(doc, "add", "--title", "first")
    other = run(doc, "add", "--title", "second")
    person = run(doc, "person", "add", "--name", "Ivan")
    twin = run(doc, "person", "add", "--name", "Ivan P.")
    note = tmp_path / "note.txt"
    note.write_text("a note")
    attachment = run(doc, "attach", entry, str(note)).split()[0]
    e, p, a, c = entry[:4], person[:4], attachment[:4], coordinator[:4]
    for argv in (["attachments", e], ["photo-details", e], ["save-attachment", a, str(tmp_path / "copy.txt")],
                 ["link", e, p, "--role", "witness"], ["unlink", e, p], ["person", "edit", p, "--name", "Ivan S."],
                 ["form-set", e, "detention"], ["report", "--entry", e, "--format", "json", "-o",
                                                 str(tmp_path / "r.json")],
                 ["export", "--to", c, "--entries", e, "-o", str(tmp_path / "b.ijbundle")],
                 ["evidence", "--entries", e, "-o", str(tmp_path / "package")],
                 ["coordinator", "verify", c], ["coordinator", "rename", c, "HQ 2"],
                 ["coordinator", "set-drop", c, "https://drop.example.org/s/abcd"], ["coordinator", "clear-drop", c],
                 ["log", "list", "--person", p], ["log", "list", "--entry", e]):
        run(doc, *argv, label=" ".join(argv[:2]))
    record = run(doc, "log", "add", "--person", p, "--entry", e, "--channel", "call", "--direction", "incoming",
                 "--summary", "called", "--follow-up", "2030-01-01", label="log add")
    for argv in (["log", "show", record[:4]], ["log", "edit", record[:4], "--at", "2024-03-05T14:10", "--person", p,
                                               "--entry", e], ["log", "done", record[:4]],
                 ["log", "delete", record[:4]], ["remove-attachment", a], ["person", "merge", p, twin[:4]],
                 ["person", "delete", p, "--yes"], ["delete", other[:4]], ["restore", other[:4]],
                 ["coordinator", "remove", c]):
        run(doc, *argv, label=" ".join(argv[:2]))
    assert failed == [], "\n".join(failed)
    run(coord, "import", "--trust-new", str(tmp_path / "b.ijbundle"))
    received = json.loads(run(coord, "list", "--json"))[0]["id"]
    run(coord, "review", received[:4], "--status", "reviewed", label="review")
    assert failed == []
