"""Encrypted backups: written while open, verified, restored, hostile files refused."""

import io
import json
import tarfile

import pytest

from journal.backup import BackupError, restore_backup, write_backup
from journal.cli import main
from journal.errors import JournalExists, WrongPassphrase
from journal.vault import Journal
from tests.conftest import PASSPHRASE
from tests.test_durability import assert_no_plaintext


def test_backup_and_restore_round_trip(journal, tmp_path, created):
    for i in range(30):
        journal.entries.add(title=f"BACKUP-CANARY {i}", body="Задержание " * 30)
    out = tmp_path / "out" / "journal.ijbackup"
    out.parent.mkdir()
    seen = []
    report = write_backup(journal, out, progress=lambda d, t: seen.append((d, t)))
    assert report.entries == 30 and seen and seen[-1][0] == seen[-1][1]
    assert_no_plaintext([out.parent], ["BACKUP-CANARY", "Задержание"])
    assert [p.name for p in out.parent.iterdir()] == ["journal.ijbackup"]  # no leftovers
    assert not [p for p in journal.data_dir.iterdir() if p.name.startswith(".backup")]
    journal.entries.add(title="after the backup")
    target = tmp_path / "restored"
    restore_backup(out, target)
    with Journal.open(target, PASSPHRASE) as restored:
        assert restored.queries.count() == 30
        assert restored.verify() == []
    with Journal.open(target, recovery_code=created.recovery_code) as restored:
        assert restored.queries.count() == 30


def test_backup_members_are_standard_tar(journal, tmp_path):
    journal.entries.add(title="x")
    out = tmp_path / "b.ijbackup"
    write_backup(journal, out)
    with tarfile.open(out) as tar:
        assert tar.getnames() == ["journal.keys", "journal.db", "backup.json"]
        manifest = json.load(tar.extractfile("backup.json"))
    assert manifest["format"] == "incident-journal-backup" and manifest["version"] == 1


def test_restore_refuses_existing_journal(journal, tmp_path, data_dir):
    out = tmp_path / "b.ijbackup"
    write_backup(journal, out)
    journal.close()
    with pytest.raises(JournalExists):
        restore_backup(out, data_dir)


def test_restore_replace(journal, tmp_path, data_dir):
    journal.entries.add(title="in backup")
    out = tmp_path / "b.ijbackup"
    write_backup(journal, out)
    journal.entries.add(title="lost by replacing")
    journal.close()
    restore_backup(out, data_dir, replace=True)
    with Journal.open(data_dir, PASSPHRASE) as j:
        assert [s.title for s in j.queries.page()] == ["in backup"]


def _tar(members):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


@pytest.mark.parametrize("content", [
    b"not a tar at all",
    _tar([("../evil", b"x")]),
    _tar([("journal.keys", b"{}"), ("journal.db", b"x"), ("backup.json", b"{}")]),
    _tar([("journal.keys", b"{}"), ("journal.db", b"x"),
          ("backup.json", json.dumps({"format": "incident-journal-backup", "version": 1, "members": [
              {"path": "journal.keys", "size": 2, "sha256": "0" * 64}]}).encode())]),
])
def test_hostile_backups_refused_cleanly(tmp_path, content):
    bad = tmp_path / "bad.ijbackup"
    bad.write_bytes(content)
    target = tmp_path / "target"
    with pytest.raises(BackupError):
        restore_backup(bad, target)
    leftovers = [p.name for p in target.iterdir() if p.name != "journal.lock"] if target.exists() else []
    assert leftovers == []


def test_truncated_backup_refused(journal, tmp_path):
    out = tmp_path / "b.ijbackup"
    write_backup(journal, out)
    data = out.read_bytes()
    out.write_bytes(data[: len(data) // 2])
    with pytest.raises(BackupError):
        restore_backup(out, tmp_path / "t")


def test_cli_backup_restore(created, data_dir, tmp_path, capsys):
    created.journal.entries.add(title="via cli")
    created.journal.close()
    pfile = tmp_path / "p"
    pfile.write_text(PASSPHRASE)
    out = tmp_path / "cli.ijbackup"
    assert main(["--data-dir", str(data_dir), "--passphrase-file", str(pfile), "backup", str(out)]) == 0
    assert "verified: 1 entries" in capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path / "new"), "restore", str(out)]) == 0
    assert main(["--data-dir", str(tmp_path / "new"), "restore", str(out)]) == 1
    with pytest.raises(WrongPassphrase):
        Journal.open(tmp_path / "new", "wrong passphrase")


def test_failed_replace_keeps_the_old_journal(journal, tmp_path, data_dir, monkeypatch):
    journal.entries.add(title="the only copy")
    out = tmp_path / "b.ijbackup"
    write_backup(journal, out)
    journal.close()
    import journal.backup as backup_mod

    real_replace = backup_mod.os.replace
    calls = []

    def failing_replace(src, dst):
        calls.append(src)
        if str(src).endswith("journal.keys") and ".restore-" in str(src):
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(backup_mod.os, "replace", failing_replace)
    with pytest.raises(OSError):
        restore_backup(out, data_dir, replace=True)
    monkeypatch.undo()
    with Journal.open(data_dir, PASSPHRASE) as j:
        assert [s.title for s in j.queries.page()] == ["the only copy"]


def test_restore_refused_while_journal_open(journal, tmp_path, data_dir):
    out = tmp_path / "b.ijbackup"
    write_backup(journal, out)
    from journal.errors import JournalInUse

    with pytest.raises(JournalInUse):
        restore_backup(out, data_dir, replace=True)
    assert journal.queries.count() == 0  # still usable
