"""Encrypted backups: written while open, verified, restored, hostile files refused."""

import hashlib
import io
import json
import random
import shutil
import tarfile
from pathlib import Path

import pytest

from journal.storage.backup import (
    BACKUP_VERSION,
    BackupError,
    restore_backup,
    verify_backup,
    write_backup,
)
from journal.cli import main
from journal.errors import Cancelled, JournalError, JournalExists, WrongPassphrase
from journal.storage.vault import Journal
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
    assert manifest["format"] == "incident-journal-backup" and manifest["version"] == 2


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
    assert "verified: 1 entry," in capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path / "new"), "restore", str(out)]) == 0
    assert main(["--data-dir", str(tmp_path / "new"), "restore", str(out)]) == 1
    with pytest.raises(WrongPassphrase):
        Journal.open(tmp_path / "new", "wrong passphrase")


def test_failed_replace_keeps_the_old_journal(journal, tmp_path, data_dir, monkeypatch):
    journal.entries.add(title="the only copy")
    out = tmp_path / "b.ijbackup"
    write_backup(journal, out)
    journal.close()
    _restore_failing_at_the_keys(out, data_dir, monkeypatch)
    with Journal.open(data_dir, PASSPHRASE) as j:
        assert [s.title for s in j.queries.page()] == ["the only copy"]


def test_restore_refused_while_journal_open(journal, tmp_path, data_dir):
    out = tmp_path / "b.ijbackup"
    write_backup(journal, out)
    from journal.errors import JournalInUse

    with pytest.raises(JournalInUse):
        restore_backup(out, data_dir, replace=True)
    assert journal.queries.count() == 0  # still usable


# --- attachment files (schema 10, backup version 2) ---------------------------------------------

ATTACHMENT_CANARY = "ATTACHMENT-CANARY Задержан у метро"
FIXTURES = Path(__file__).parent / "fixtures"


def _contents() -> dict[str, bytes]:
    rnd = random.Random(10)
    return {
        "empty.bin": b"",
        "note.txt": (ATTACHMENT_CANARY + "\n").encode() * 40,
        "chunk.bin": rnd.randbytes(1024 * 1024),  # exactly one full chunk, then an empty last one
        "big.bin": rnd.randbytes(2 * 1024 * 1024 + 12345),  # three chunks
    }


def _attach(journal, contents=None) -> dict[str, bytes]:
    """Attachments added through the public API (stored as files); uuid -> original bytes."""
    entry = journal.entries.add(title="with attachments")
    added = {}
    for name, data in (contents or _contents()).items():
        added[journal.attachments.add_bytes(entry.uuid, data, name).uuid] = data
    return added


def _file_ids(journal) -> list[str]:
    return sorted(r[0] for r in journal.db.query("SELECT file_id FROM blobs WHERE file_id IS NOT NULL"))


def _state(folder: Path) -> dict[str, str]:
    """Every file under `folder` (but the lock) with the SHA-256 of its bytes."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != "journal.lock"}


def _members(backup: Path) -> list[tuple[tarfile.TarInfo, bytes]]:
    with tarfile.open(backup) as tar:
        return [(m, tar.extractfile(m).read() if m.isreg() else b"") for m in tar.getmembers()]


def _write_tar(path: Path, members, rows=None, version=None) -> None:
    """Write `members` (TarInfo, data) as a tar; backup.json is rebuilt last from `rows`
    (default: every other member, correctly hashed) unless a member named backup.json is given."""
    members = list(members)
    if rows is None:
        rows = [{"path": m.name, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
                for m, d in members if m.isreg() and m.name != "backup.json"]
    if not any(m.name == "backup.json" for m, _d in members):
        manifest = json.dumps({"format": "incident-journal-backup", "version": version or BACKUP_VERSION,
                               "created_at": "2024-01-01T00:00:00Z", "schema_version": 10,
                               "members": rows}).encode()
        members.append((tarfile.TarInfo("backup.json"), manifest))
    with tarfile.open(path, "w", format=tarfile.PAX_FORMAT) as tar:
        for info, data in members:
            if info.isreg():
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
            else:
                tar.addfile(info)


def _info(name: str, kind=tarfile.REGTYPE, linkname="") -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type, info.linkname = kind, linkname
    return info


@pytest.fixture
def backed_up(journal, tmp_path):
    """A journal with attachment files, its backup, and the attachments' bytes."""
    added = _attach(journal)
    out = tmp_path / "out" / "journal.ijbackup"
    out.parent.mkdir()
    report = write_backup(journal, out)
    return journal, out, added, report


def test_attachment_files_back_up_and_restore_byte_identical(journal, tmp_path):
    added = _attach(journal)
    out = tmp_path / "out" / "journal.ijbackup"
    out.parent.mkdir()
    seen = []
    report = write_backup(journal, out, progress=lambda d, t: seen.append((d, t)))
    assert report.attachment_files == len(added) and report.entries == 1
    members = _members(out)
    names = [m.name for m, _d in members]
    expected_files = [f"attachments/{f[:2]}/{f}" for f in _file_ids(journal)]
    assert names == ["journal.keys", "journal.db", *expected_files, "backup.json"]
    for info, _data in members:
        assert info.isreg() and info.mode == 0o600 and info.mtime == 0
    manifest = json.loads(members[-1][1])
    assert manifest["version"] == 2 and [r["path"] for r in manifest["members"]] == names[:-1]
    for (info, data), row in zip(members, manifest["members"]):
        assert row == {"path": info.name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    # Progress counts every member's bytes, never goes back, and ends at the total.
    total = sum(len(d) for _m, d in members[:-1])
    assert all(t == total for _d, t in seen) and seen[-1][0] == total
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)
    assert [p.name for p in out.parent.iterdir()] == ["journal.ijbackup"]  # no verify folder left
    assert not [p for p in journal.data_dir.iterdir() if p.name.startswith(".backup")]

    journal.attachments.add_bytes(journal.entries.add(title="later").uuid, b"after the backup", "later.txt")
    target = tmp_path / "restored"
    restore_backup(out, target)
    assert sorted(str(p.relative_to(target)) for p in (target / "attachments").rglob("*") if p.is_file()) \
        == expected_files
    for path in (target / "attachments").rglob("*"):
        assert path.stat().st_mode & 0o777 == (0o700 if path.is_dir() else 0o600)
    with Journal.open(target, PASSPHRASE) as restored:
        for uuid, data in added.items():
            assert restored.attachments.open_stream(uuid).read() == data
        assert restored.queries.count() == 1
        assert restored.verify() == []
        assert restored.attachments.verify_hashes() == []


def test_no_attachment_plaintext_in_the_backup(backed_up):
    _journal, out, added, _report = backed_up
    assert_no_plaintext([out.parent], [ATTACHMENT_CANARY, "note.txt", "big.bin"])
    raw = out.read_bytes()
    for data in added.values():
        for start in range(0, len(data) - 64, max(64, len(data) // 7)):
            assert data[start:start + 64] not in raw


def test_replace_restores_attachment_files_and_drops_newer_ones(backed_up, data_dir):
    journal, out, added, _report = backed_up
    later = journal.attachments.add_bytes(journal.entries.add(title="later").uuid, b"newer content", "n.txt")
    all_files = [f"attachments/{f[:2]}/{f}" for f in _file_ids(journal)]
    journal.close()
    restore_backup(out, data_dir, replace=True)
    assert not [p for p in data_dir.iterdir() if p.name.startswith((".replaced-", ".restore-"))]
    with Journal.open(data_dir, PASSPHRASE) as restored:
        for uuid, data in added.items():
            assert restored.attachments.open_stream(uuid).read() == data
        with pytest.raises(JournalError):
            restored.attachments.get(later.uuid)
        assert restored.verify() == []
    on_disk = sorted(str(p.relative_to(data_dir)) for p in (data_dir / "attachments").rglob("*") if p.is_file())
    assert len(on_disk) == len(added) and set(on_disk) < set(all_files)


def test_files_released_during_the_backup_are_kept_until_it_is_done(journal, tmp_path):
    added = _attach(journal)
    uuid = next(iter(added))
    path = journal.data_dir / "attachments"
    before = sorted(p.name for p in path.rglob("*") if p.is_file())
    calls = []

    def delete_while_copying(done, total):
        if not calls:  # after the snapshot, before the files are copied
            journal.attachments.remove(uuid)
            journal.attachments.empty_trash()  # commits: the released file must stay
        calls.append(done)

    out = tmp_path / "b.ijbackup"
    report = write_backup(journal, out, progress=delete_while_copying)
    assert report.attachment_files == len(added)
    journal.entries.add(title="a later commit releases the file")
    after = sorted(p.name for p in path.rglob("*") if p.is_file())
    assert len(after) == len(before) - 1
    target = tmp_path / "restored"
    restore_backup(out, target)
    with Journal.open(target, PASSPHRASE) as restored:
        assert restored.attachments.open_stream(uuid).read() == added[uuid]  # as at the snapshot


def _add_unlisted_attachment(members):
    members.insert(-1, (_info("attachments/ab/ab" + "0" * 30), b"x" * 64))
    return members, "manifest"


def _unlist_one_attachment(members):
    return members, "unlist"


def _tamper_attachment(members):
    index = max(range(2, len(members)), key=lambda i: len(members[i][1]))  # the biggest file
    info, data = members[index]
    members[index] = (info, data[:5000] + bytes([data[5000] ^ 1]) + data[5001:])
    return members, "keep"


def _drop_attachment_member(members):
    del members[3]
    return members, "keep"


def _duplicate_attachment(members):
    members.insert(4, members[3])
    return members, "manifest"


@pytest.mark.parametrize("change", [_add_unlisted_attachment, _unlist_one_attachment, _tamper_attachment,
                                    _drop_attachment_member, _duplicate_attachment])
def test_altered_attachment_members_refused_and_target_untouched(backed_up, data_dir, change):
    journal, out, added, _report = backed_up
    journal.close()
    before = _state(data_dir)
    members = _members(out)
    manifest_member = members.pop()
    members, how = change(members)
    bad = out.with_name("bad.ijbackup")
    if how == "keep":  # the original backup.json, now out of step with the members
        _write_tar(bad, members + [manifest_member])
    elif how == "unlist":  # backup.json without the row of one attachment file
        rows = json.loads(manifest_member[1])["members"]
        _write_tar(bad, members, rows=[r for r in rows if r["path"] != members[2][0].name])
    else:  # backup.json rebuilt from the altered members, no row for the added one
        rows = json.loads(manifest_member[1])["members"]
        _write_tar(bad, members, rows=rows)
    with pytest.raises(BackupError):
        restore_backup(bad, data_dir, replace=True)
    assert _state(data_dir) == before
    assert not [p for p in data_dir.iterdir() if p.name.startswith((".replaced-", ".restore-"))]
    with Journal.open(data_dir, PASSPHRASE) as j:
        for uuid, data in added.items():
            assert j.attachments.open_stream(uuid).read() == data


@pytest.mark.parametrize("member", [
    _info("attachments/cd/ab" + "0" * 30),  # folder is not the name's first two characters
    _info("attachments/AB/AB" + "0" * 30),  # upper case
    _info("attachments/ab/ab" + "0" * 29),  # too short
    _info("attachments/ab/ab" + "0" * 30 + ".jpg"),
    _info("attachments/ab/../../journal.keys"),
    _info("attachments/ab/ab" + "0" * 30 + "/x"),
    _info("/attachments/ab/ab" + "0" * 30),
    _info("attachments/notes.txt"),
    _info("attachments/ab", tarfile.DIRTYPE),
    _info("attachments/ab/ab" + "0" * 30, tarfile.SYMTYPE, "/etc/passwd"),
    _info("attachments/ab/ab" + "0" * 30, tarfile.LNKTYPE, "journal.db"),
])
def test_bad_attachment_member_names_and_types_refused(backed_up, data_dir, member):
    journal, out, _added, _report = backed_up
    journal.close()
    before = _state(data_dir)
    members = _members(out)[:-1]
    members.insert(2, (member, b"x" * 64))
    bad = out.with_name("bad.ijbackup")
    _write_tar(bad, members)  # listed in backup.json with the right hash: only the name is wrong
    with pytest.raises(BackupError):
        restore_backup(bad, data_dir, replace=True)
    assert _state(data_dir) == before


def test_attachment_file_missing_from_both_tar_and_description_fails_verify(backed_up, tmp_path):
    """restore has no key to read the database; verify (run by write_backup) compares the
    files against the blobs rows and refuses a backup without one of them."""
    journal, out, _added, _report = backed_up
    members = _members(out)[:-1]
    del members[3]
    bad = out.with_name("bad.ijbackup")
    _write_tar(bad, members)
    with pytest.raises(BackupError, match="attachment file"):
        verify_backup(bad, bytes(journal._data_key))
    # The same file present but with a different size is just as incomplete.
    members = _members(out)[:-1]
    info, data = members[3]
    members[3] = (info, data[:-1])
    _write_tar(bad, members)
    with pytest.raises(BackupError, match="attachment file"):
        verify_backup(bad, bytes(journal._data_key))
    assert sorted(p.name for p in out.parent.iterdir()) == ["bad.ijbackup", "journal.ijbackup"]


def test_backup_refused_when_an_attachment_file_is_missing(journal, tmp_path):
    _attach(journal)
    file_id = _file_ids(journal)[0]
    journal.blob_files.path_of(file_id).unlink()
    out = tmp_path / "b.ijbackup"
    with pytest.raises(BackupError, match=file_id):
        write_backup(journal, out)
    assert list(tmp_path.glob("*.ijbackup*")) == list(tmp_path.glob(".b.ijbackup*")) == []
    assert not [p for p in journal.data_dir.iterdir() if p.name.startswith(".backup")]


def test_cancel_inside_an_attachment_member_leaves_nothing(journal, tmp_path):
    _attach(journal)
    out = tmp_path / "out" / "b.ijbackup"
    out.parent.mkdir()
    progress = []  # (done, total); the attachments are most of the total, so half-way is inside one
    with pytest.raises(Cancelled):
        write_backup(journal, out, progress=lambda d, t: progress.append((d, t)),
                     cancel=lambda: bool(progress) and progress[-1][0] > progress[-1][1] // 2)
    assert 0 < progress[-1][0] < progress[-1][1]
    assert list(out.parent.iterdir()) == []
    assert not [p for p in journal.data_dir.iterdir() if p.name.startswith(".backup")]
    assert journal.verify() == []


def test_cancelled_restore_leaves_the_target_untouched(backed_up, data_dir):
    journal, out, _added, _report = backed_up
    journal.close()
    before = _state(data_dir)
    calls = []
    with pytest.raises(Cancelled):
        restore_backup(out, data_dir, replace=True, cancel=lambda: calls.append(1) or len(calls) > 4)
    assert _state(data_dir) == before


def test_failed_replace_puts_the_old_attachment_files_back(backed_up, data_dir, monkeypatch):
    journal, out, added, _report = backed_up
    journal.close()
    before = _state(data_dir)
    _restore_failing_at_the_keys(out, data_dir, monkeypatch)
    assert _state(data_dir) == before
    assert not [p for p in data_dir.iterdir() if p.name.startswith((".replaced-", ".restore-"))]
    with Journal.open(data_dir, PASSPHRASE) as j:
        for uuid, data in added.items():
            assert j.attachments.open_stream(uuid).read() == data


def test_stale_attachment_folder_without_a_journal_is_replaced(backed_up, tmp_path):
    journal, out, added, _report = backed_up
    restored_ids = _file_ids(journal)
    # File ids are random: the stale shard is one no restored file uses, so the check below
    # cannot mistake a legitimately restored attachments/<xx>/ for the stale one (it did, 1.6 %).
    shard = next(f"{n:02x}" for n in range(256) if f"{n:02x}" not in {f[:2] for f in restored_ids})
    target = tmp_path / "target"
    (target / "attachments" / shard).mkdir(parents=True)
    (target / "attachments" / shard / (shard + "1" * 30)).write_bytes(b"noise nobody can open")
    restore_backup(out, target)
    with Journal.open(target, PASSPHRASE) as restored:
        for uuid, data in added.items():
            assert restored.attachments.open_stream(uuid).read() == data
    assert not (target / "attachments" / shard).exists()
    # Exactly the restored files remain: nothing stale, nothing missing.
    left = sorted(str(p.relative_to(target / "attachments")) for p in (target / "attachments").rglob("*")
                  if p.is_file())
    assert left == sorted(f"{f[:2]}/{f}" for f in restored_ids)


def _version_1_backup(source: Path, out: Path, schema_version: int) -> None:
    """A backup as the version-1 code wrote it: keys, database, backup.json."""
    members = [(_info(name), (source / name).read_bytes()) for name in ("journal.keys", "journal.db")]
    rows = [{"path": m.name, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()} for m, d in members]
    manifest = json.dumps({"format": "incident-journal-backup", "version": 1,
                           "created_at": "2024-05-01T10:00:00Z", "schema_version": schema_version,
                           "members": rows}, indent=1, sort_keys=True).encode()
    _write_tar(out, members + [(_info("backup.json"), manifest)])


def test_version_1_backup_still_restores(tmp_path):
    """Fixture journal_v9 (schema 9, a multi-chunk attachment in chunk rows) in a version-1 backup."""
    out = tmp_path / "v1.ijbackup"
    _version_1_backup(FIXTURES / "journal_v9", out, 9)
    reference = tmp_path / "reference"
    shutil.copytree(FIXTURES / "journal_v9", reference)
    with Journal.open(reference, "fixture passphrase") as j:
        expected = {uuid: j.attachments.open_stream(uuid).read()
                    for (uuid,) in j.db.query("SELECT uuid FROM attachments")}
        entries = j.queries.count()
    assert expected
    target = tmp_path / "restored"
    manifest = restore_backup(out, target)
    assert manifest["version"] == 1
    with Journal.open(target, "fixture passphrase") as restored:
        assert restored.queries.count() == entries
        assert restored.db.query_one("SELECT count(*) FROM blobs WHERE file_id IS NULL AND chunk_count > 2")[0]
        for uuid, data in expected.items():
            assert restored.attachments.open_stream(uuid).read() == data
        assert restored.verify() == []


def test_version_1_backup_with_attachment_members_refused(backed_up, tmp_path):
    _journal, out, _added, _report = backed_up
    bad = tmp_path / "bad.ijbackup"
    _write_tar(bad, _members(out)[:-1], version=1)
    with pytest.raises(BackupError, match="unexpected member"):
        restore_backup(bad, tmp_path / "t")
    assert [p.name for p in (tmp_path / "t").iterdir() if p.name != "journal.lock"] == []


def _restore_failing_at_the_keys(backup, data_dir, monkeypatch) -> None:
    """Restore with the disk filling up as journal.keys (the last, committing step) is moved."""
    import journal.storage.backup as backup_mod

    real_replace = backup_mod.os.replace

    def failing_replace(src, dst):
        if str(src).endswith("journal.keys") and ".restore-" in str(src):
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(backup_mod.os, "replace", failing_replace)
    with pytest.raises(OSError):
        restore_backup(backup, data_dir, replace=True)
    monkeypatch.undo()
