"""`journal travel prepare` and `journal travel restore` (files and a drop folder)."""

from __future__ import annotations

import json

import pytest

from journal.cli import main
from journal.storage.vault import Journal, journal_exists
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.test_export import db_digest, populate


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch):
    """The CLI uses age's default cost (2**18); tests a cheap one."""
    import journal.travel.package as package

    monkeypatch.setattr(package, "SCRYPT_WORK_FACTOR", 10)


def setup(tmp_path):
    created = Journal.create(tmp_path / "doc", PASSPHRASE, "Olena K.", kdf=FAST_KDF)
    populate(created.journal)
    digest = db_digest(created.journal)
    created.journal.close()
    (tmp_path / "pass.txt").write_text(PASSPHRASE + "\n")
    (tmp_path / "code.txt").write_text(created.recovery_code + "\n")
    return digest


def run(tmp_path, capsys, *argv):
    code = main(["--data-dir", str(tmp_path / "doc"), "--passphrase-file", str(tmp_path / "pass.txt"), *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_prepare_needs_yes_then_erases_and_restore_brings_it_back(tmp_path, capsys):
    digest = setup(tmp_path)
    code_file = str(tmp_path / "code.txt")
    code, _out, err = run(tmp_path, capsys, "travel", "prepare", "--to", str(tmp_path / "p.ijtravel"),
                          "--recovery-code-file", code_file)
    assert code != 0 and "--yes" in err and journal_exists(tmp_path / "doc")
    code, out, _err = run(tmp_path, capsys, "travel", "prepare", "--to", str(tmp_path / "r.ijtravel"), "--keep",
                          "--recovery-code-file", code_file)
    assert code == 0 and "Rehearsal" in out and journal_exists(tmp_path / "doc")
    code, out, _err = run(tmp_path, capsys, "travel", "prepare", "--to", str(tmp_path / "p.ijtravel"), "--yes",
                          "--recovery-code-file", code_file, "--json")
    assert code == 0, out
    report = json.loads(out)
    assert report["entries"] == 1 and "journal.keys" in report["erased"]
    assert not journal_exists(tmp_path / "doc")
    code, out, err = run(tmp_path, capsys, "travel", "restore", "--from", str(tmp_path / "p.ijtravel"),
                         "--recovery-code-file", code_file)
    assert code == 0, err
    assert "1 entry" in out and "passphrase" in out
    back = Journal.open(tmp_path / "doc", PASSPHRASE)
    assert db_digest(back) == digest
    back.close()


def test_wrong_code_erases_nothing(tmp_path, capsys):
    setup(tmp_path)
    (tmp_path / "bad.txt").write_text("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH\n")
    code, _out, err = run(tmp_path, capsys, "travel", "prepare", "--to", str(tmp_path / "p.ijtravel"), "--yes",
                          "--recovery-code-file", str(tmp_path / "bad.txt"))
    assert code != 0 and "recovery code" in err
    assert journal_exists(tmp_path / "doc") and not (tmp_path / "p.ijtravel").exists()


def test_drop_round_trip_through_the_cli(tmp_path, capsys):
    from webdav_server import ThreadedServer, webdav_app

    digest = setup(tmp_path)
    root = tmp_path / "dav"
    root.mkdir()
    server = ThreadedServer(webdav_app({"/private": root}, users={"/private": {"alice": "s3cret"}}))
    try:
        coordinator = Journal.create(tmp_path / "coord", PASSPHRASE, "HQ", kdf=FAST_KDF, card_name="HQ").journal
        card = coordinator.identity.card_text()
        coordinator.close()
        doc = Journal.open(tmp_path / "doc", PASSPHRASE)
        record = doc.coordinators.add(card, verified=True)
        doc.outbox.set_drop(record, server.url("/private/"), "alice", "s3cret")
        digest = db_digest(doc)
        doc.close()
        (tmp_path / "pw.txt").write_text("s3cret\n")
        code, out, err = run(tmp_path, capsys, "travel", "prepare", "--drop", "HQ", "--yes",
                             "--recovery-code-file", str(tmp_path / "code.txt"))
        assert code == 0, err
        assert "Write down that address" in out and len(list(root.glob("*.ijtravel"))) == 1
        assert not journal_exists(tmp_path / "doc")
        code, out, err = run(tmp_path, capsys, "travel", "restore", "--drop", server.url("/private/"),
                             "--user", "alice", "--password-file", str(tmp_path / "pw.txt"),
                             "--recovery-code-file", str(tmp_path / "code.txt"))
        assert code == 0, err
        back = Journal.open(tmp_path / "doc", PASSPHRASE)
        assert db_digest(back) == digest
        back.close()
    finally:
        server.stop()
