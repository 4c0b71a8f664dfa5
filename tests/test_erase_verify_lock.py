"""Erase, verify and the journal lock: every part of each, so that a change to any of them
shows (these are the mutation-checked modules, docs/testing.md)."""

from __future__ import annotations

import io
import json
import os

import pytest

from journal.cli import main
from journal.errors import JournalInUse
from journal.storage.lockfile import JournalLock
from journal.storage.paths import journal_files
from journal.storage.vault import Journal, erase_journal
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.inode_watch import InodeWatch


def _full_journal(data_dir):
    """A journal with an attachment file, an outbox bundle and a downloaded one."""
    journal = Journal.create(data_dir, PASSPHRASE, "erase me", kdf=FAST_KDF).journal
    entry = journal.entries.add(title="secret")
    journal.attachments.add_stream(entry.uuid, io.BytesIO(os.urandom(5000)), "photo.jpg")
    for folder, name in (("outbox", "a.ijbundle"), ("inbox-downloads", "sub/b.ijbundle")):
        path = data_dir / folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(os.urandom(3000))
    return journal


def test_erase_reaches_every_part_and_reports_it(tmp_path):
    data_dir = tmp_path / "j"
    journal = _full_journal(data_dir)
    journal.close()
    extra = tmp_path / "settings.json"
    extra.write_bytes(b'{"last_folder": "' + b"x" * 200 + b'"}')
    missing_extra = tmp_path / "never-written.json"
    watched = [data_dir / "journal.keys", data_dir / "journal.db", data_dir / "outbox" / "a.ijbundle",
               data_dir / "inbox-downloads" / "sub" / "b.ijbundle", extra]
    with InodeWatch(watched) as watch:
        report = erase_journal(data_dir, extra_paths=[extra, missing_extra])
        assert watch.not_overwritten() == []
    assert report.erased[0] == "journal.keys"
    for name in ("journal.db", "outbox/", "inbox-downloads/", "attachments/", str(extra)):
        assert name in report.erased, name
    assert str(missing_extra) not in report.erased
    assert sorted(p.name for p in data_dir.iterdir()) == []  # lock file included
    assert not extra.exists()
    assert 0 <= report.unreadable_after_s <= report.total_s < 60


def test_erase_of_a_locked_open_journal(tmp_path):
    data_dir = tmp_path / "j"
    journal = _full_journal(data_dir)
    try:
        report = erase_journal(data_dir)
    finally:
        journal.close()
    assert report.erased[0] == "journal.keys" and "journal.db" in report.erased
    assert not journal_files(data_dir)["lock"].exists()


def test_erase_twice_is_harmless(tmp_path):
    data_dir = tmp_path / "j"
    _full_journal(data_dir).close()
    erase_journal(data_dir)
    assert erase_journal(data_dir).erased == []


def test_cli_erase_output(created, data_dir, tmp_path, capsys):
    created.journal.close()
    pfile = tmp_path / "p"
    pfile.write_text(PASSPHRASE)
    assert main(["--data-dir", str(data_dir), "--passphrase-file", str(pfile), "erase", "--yes", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"erased", "unreadable_after_s", "total_s"}  # docs/cli.md
    assert out["erased"][0] == "journal.keys" and "journal.db" in out["erased"]
    assert 0 <= out["unreadable_after_s"] <= out["total_s"]
    Journal.create(data_dir, PASSPHRASE, kdf=FAST_KDF).journal.close()
    assert main(["--data-dir", str(data_dir), "--passphrase-file", str(pfile), "erase", "--yes"]) == 0
    captured = capsys.readouterr()
    assert "journal.keys, journal.db" in captured.out
    assert "docs/security.md" in captured.err


# --- verify: the database's own check and checks that cannot read -------------------------------
def test_verify_reports_each_integrity_check_line(journal, monkeypatch):
    real_query = journal.db.query

    def query(sql, *args):
        if sql.strip().upper().startswith("PRAGMA INTEGRITY_CHECK"):
            return [("row 3 missing from index idx_x",), ("wrong # of entries in index idx_y",)]
        return real_query(sql, *args)

    monkeypatch.setattr(journal.db, "query", query)
    problems = journal.verify()
    assert problems[:2] == ["database: row 3 missing from index idx_x", "database: wrong # of entries in index idx_y"]


def test_verify_reports_a_check_that_cannot_read(journal, monkeypatch):
    import sqlcipher3

    def unreadable():
        raise sqlcipher3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(journal.entries, "verify_revisions", unreadable)
    assert journal.verify() == ["database: a check could not read its data (database disk image is malformed)"]


def test_verify_when_the_integrity_check_itself_fails(journal, monkeypatch):
    import sqlcipher3

    def broken(sql, *args):
        raise sqlcipher3.DatabaseError("file is not a database")

    monkeypatch.setattr(journal.db, "query", broken)
    (problem,) = journal.verify()
    assert problem.startswith("database: damaged (file is not a database); restore from a backup")


# --- the lock ---------------------------------------------------------------------------------------
def test_lock_is_exclusive_and_released(tmp_path):
    path = tmp_path / "journal.lock"
    first, second = JournalLock(path), JournalLock(path)
    first.release()  # never acquired: nothing to do
    first.acquire()
    with pytest.raises(JournalInUse):
        second.acquire()
    first.release()
    first.release()  # twice: harmless
    second.acquire()  # free again
    second.release()
    assert path.exists()


def test_lock_file_is_private(tmp_path):
    import stat

    old = os.umask(0)
    try:
        lock = JournalLock(tmp_path / "journal.lock")
        lock.acquire()
        lock.release()
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "journal.lock").stat().st_mode) == 0o600


@pytest.mark.parametrize("code, words", [
    ("EROFS", "read-only or not yours"), ("EACCES", "read-only or not yours"), ("EPERM", "read-only or not yours"),
    ("ENOSPC", "disk is full"), ("EIO", "cannot be used"),
])
def test_lock_file_errors_are_clear(tmp_path, monkeypatch, code, words):
    import errno

    from journal.errors import StorageError
    from journal.storage import lockfile

    def refuse(*args, **kwargs):
        raise OSError(getattr(errno, code), os.strerror(getattr(errno, code)))

    monkeypatch.setattr(lockfile.os, "open", refuse)
    with pytest.raises(StorageError, match=words):
        JournalLock(tmp_path / "journal.lock").acquire()


def test_staged_copies_lose_their_keys_first_and_links_are_not_followed(tmp_path, monkeypatch):
    import shutil

    from journal.storage import vault

    data_dir = tmp_path / "j"
    Journal.create(data_dir, PASSPHRASE, kdf=FAST_KDF).journal.close()
    staged = data_dir / ".restore-abc123"
    staged.mkdir()
    shutil.copy(data_dir / "journal.db", staged / "a-journal.db")  # sorts before journal.keys
    shutil.copy(data_dir / "journal.keys", staged / "journal.keys")
    outside = tmp_path / "not-ours.txt"
    outside.write_bytes(b"a file of the user's, elsewhere")
    (staged / "link").symlink_to(outside)
    order = []
    real = vault.overwrite_and_unlink
    monkeypatch.setattr(vault, "overwrite_and_unlink", lambda p: order.append(p.name) or real(p))
    erase_journal(data_dir)
    # The journal's keys, then the staged copy of the keys, before any database copy.
    assert order[:3] == ["journal.keys", "journal.keys", "a-journal.db"]
    assert "link" not in order
    assert outside.read_bytes() == b"a file of the user's, elsewhere"
    assert not staged.exists()


def test_leftovers_are_reported_and_top_level_links_not_followed(tmp_path):
    data_dir = tmp_path / "j"
    Journal.create(data_dir, PASSPHRASE, kdf=FAST_KDF).journal.close()
    (data_dir / ".restore-abc123").mkdir()
    (data_dir / ".restore-abc123" / "journal.keys").write_bytes(b"k" * 100)
    (data_dir / ".journal.keys.deadbeef.tmp").write_bytes(b"k" * 100)
    outside = tmp_path / "elsewhere.txt"
    outside.write_bytes(b"the user's own file")
    (data_dir / ".journal.keys.linked.tmp").symlink_to(outside)  # a leftover name, but a link
    report = erase_journal(data_dir)
    assert ".restore-abc123/" in report.erased and ".journal.keys.deadbeef.tmp" in report.erased
    assert ".journal.keys.linked.tmp" not in report.erased
    assert outside.read_bytes() == b"the user's own file"


def test_erase_goes_on_when_a_folder_cannot_be_removed(tmp_path, monkeypatch):
    """A folder that refuses to go (busy, odd permissions) must not stop the rest of the erase."""
    data_dir = tmp_path / "j"
    _full_journal(data_dir).close()
    (data_dir / ".restore-abc123").mkdir()
    (data_dir / ".restore-abc123" / "journal.keys").write_bytes(b"k" * 100)
    real_rmdir = os.rmdir

    def stubborn(path, *args, **kwargs):
        if os.fspath(path).rstrip("/").endswith(("outbox", "attachments", ".restore-abc123")):
            raise OSError(16, "Device or resource busy")
        return real_rmdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "rmdir", stubborn)
    report = erase_journal(data_dir)
    monkeypatch.undo()
    assert report.erased[0] == "journal.keys"
    for name in ("journal.db", "outbox/", "inbox-downloads/", "attachments/", ".restore-abc123/"):
        assert name in report.erased, name
    assert not (data_dir / "journal.db").exists() and not (data_dir / "journal.lock").exists()
    assert not (data_dir / ".restore-abc123" / "journal.keys").exists()
