"""CLI: card, coordinator, identity export-age-key, export, sent, import, senders, sender, review."""

from __future__ import annotations

import json
import os

import pytest

from journal.cli import main
from journal.storage.vault import Journal
from tests.conftest import FAST_KDF, PASSPHRASE

PHONE = "+79001234567"


@pytest.fixture
def two(tmp_path, capsys):
    """run(journal_name, *argv) against a documenter ("doc") and a coordinator ("coord")."""
    dirs = {"doc": tmp_path / "doc", "coord": tmp_path / "coord"}
    for name, folder in dirs.items():
        public = "Olena" if name == "doc" else "HQ"
        Journal.create(folder, PASSPHRASE, f"{public} (private)", kdf=FAST_KDF, card_name=public).journal.close()
    pfile = tmp_path / "pass.txt"
    pfile.write_text(PASSPHRASE + "\n")

    def run(which, *argv):
        code = main(["--data-dir", str(dirs[which]), "--passphrase-file", str(pfile), *argv])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def test_full_round_trip_through_the_cli(two, tmp_path):
    code, out, _ = two("coord", "card", "--qr", str(tmp_path / "card.png"))
    assert code == 0
    card, fingerprint_line = out.strip().splitlines()
    assert card.startswith("ijcard1:") and fingerprint_line.startswith("fingerprint: ")
    assert (tmp_path / "card.png").stat().st_size > 0
    (tmp_path / "hq.ijcard").write_text(card + "\n")

    code, out, err = two("doc", "coordinator", "add", str(tmp_path / "hq.ijcard"))
    assert code == 0 and "NOT verified" in out and "verify" in err
    code, out, _ = two("doc", "coordinator", "add", card)
    assert code == 1
    code, out, _ = two("doc", "coordinator", "list", "--json")
    (coordinator,) = json.loads(out)
    assert coordinator["name"] == "HQ" and coordinator["fingerprint"] == fingerprint_line.split(": ")[1]
    assert two("doc", "coordinator", "verify", "HQ")[0] == 0
    code, out, _ = two("doc", "coordinator", "rename", coordinator["id"][:8], "Kyiv HQ")
    assert code == 0 and "Kyiv HQ" in out and "verified" in out

    code, out, _ = two("doc", "add", "--title", "Задержание", "--body", "У ОВД", "--category", "detention")
    entry_id = out.strip()
    code, out, _ = two("doc", "person", "add", "--name", "Иван", "--phone", PHONE)
    two("doc", "link", entry_id, out.strip(), "--role", "detained")

    bundle = tmp_path / "out.ijbundle"
    code, out, err = two("doc", "export", "--to", "Kyiv HQ", "--all", "--omit-contact-details", "-o", str(bundle),
                         "--json")
    assert code == 0, err
    exported = json.loads(out)
    assert exported["entries"] == 1 and exported["people"] == 1 and bundle.is_file()
    code, _, err = two("doc", "export", "--to", "Kyiv HQ", "--since-last", "-o", str(tmp_path / "none.ijbundle"))
    assert code == 1 and "Nothing to send" in err and not (tmp_path / "none.ijbundle").exists()
    code, out, _ = two("doc", "sent", "--json")
    (sent,) = json.loads(out)
    assert sent["bundle_id"] == exported["bundle_id"] and sent["recipients"][0]["name"] == "Kyiv HQ"

    code, out, _ = two("coord", "import", str(bundle))
    assert code == 1 and "rejected: unknown sender “Olena”" in out
    code, out, _ = two("coord", "import", str(bundle), "--trust-new", "--json")
    assert code == 0 and json.loads(out)[0]["status"] == "accepted"
    code, out, _ = two("coord", "import", str(tmp_path))
    assert code == 0 and "already imported" in out
    code, out, _ = two("coord", "show", entry_id, "--json")
    assert json.loads(out)["title"] == "Задержание"
    code, out, _ = two("coord", "person", "list", "--json")
    assert PHONE not in out

    code, out, _ = two("coord", "review", entry_id, "--status", "verified", "--notes", "ok", "--tag", "суд", "--json")
    assert code == 0 and json.loads(out)["review_status"] == "verified"

    code, out, _ = two("coord", "senders", "--json")
    (sender,) = json.loads(out)
    assert sender["name"] == "Olena" and sender["bundles"] == 1 and sender["status"] == "trusted"
    assert two("coord", "sender", "verify", str(sender["id"]))[0] == 0
    code, out, _ = two("coord", "sender", "rename", str(sender["id"]), "Olena K.")
    assert code == 0 and "Olena K." in out and "verified" in out
    assert two("coord", "sender", "block", "Olena K.")[0] == 0
    two("doc", "add", "--title", "Second")
    second = tmp_path / "second.ijbundle"
    assert two("doc", "export", "--to", "Kyiv HQ", "--since-last", "-o", str(second))[0] == 0
    code, out, _ = two("coord", "import", str(second))
    assert code == 1 and "sender blocked" in out


def test_export_age_key_cli(two, tmp_path):
    key = tmp_path / "key.txt"
    code, out, err = two("coord", "identity", "export-age-key", str(key))
    assert code == 0 and "warning" in err
    assert oct(os.stat(key).st_mode & 0o777) == "0o600"
    assert "AGE-SECRET-KEY-1" in key.read_text()


def test_bad_card_is_a_clear_error(two):
    code, _, err = two("doc", "coordinator", "add", "ijcard1:AAAA")
    assert code == 1 and err.startswith("journal: ")
    assert "Traceback" not in err


def test_export_needs_a_selection(two, tmp_path):
    with pytest.raises(SystemExit):
        two("doc", "export", "--to", "x", "-o", str(tmp_path / "x.ijbundle"))


def test_card_name_is_public_and_chosen_apart_from_the_journal_name(tmp_path, capsys):
    folder = tmp_path / "j"
    Journal.create(folder, PASSPHRASE, "Moscow private notes", kdf=FAST_KDF).journal.close()
    pfile = tmp_path / "pass.txt"
    pfile.write_text(PASSPHRASE + "\n")

    def run(*argv):
        code = main(["--data-dir", str(folder), "--passphrase-file", str(pfile), *argv])
        out = capsys.readouterr()
        return code, out.out, out.err

    code, out, err = run("card", "--json")
    assert code == 0
    # Not chosen yet: the neutral name, never the private journal name, and a note how to choose.
    assert json.loads(out)["name"] == "Incident Journal" and "Moscow" not in out
    assert "journal card --name" in err
    code, out, err = run("card", "--name", "Field team 3", "--json")
    assert code == 0 and json.loads(out)["name"] == "Field team 3" and err == ""
    code, out, err = run("card", "--json")
    assert json.loads(out)["name"] == "Field team 3" and err == ""
    code, out, err = run("identity", "name", "Team 4")
    assert code == 0 and out.strip() == "Team 4"
