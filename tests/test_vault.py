"""Creating, opening, locking, passphrases, erase and every failure's message."""

import hashlib
import os
import stat

import pytest
import sqlcipher3

from journal.storage import migrations
from journal.errors import (
    CorruptDatabase, CorruptKeyFile, InvalidInput, JournalExists, JournalInUse, NotAJournal,
    SchemaTooNew, WrongPassphrase,
)
from journal.storage.paths import journal_files, resolve_data_dir
from journal.storage.vault import Journal, erase_journal
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.inode_watch import InodeWatch


def folder_digest(folder):
    """Name -> sha256 of every file: proves a failed open modified nothing."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()
            and p.name != "journal.lock"}


def test_create_and_reopen(created, data_dir):
    journal = created.journal
    assert journal.name == "Test journal"
    entry = journal.entries.add(title="one")
    journal.close()
    files = journal_files(data_dir)
    assert stat.S_IMODE(files["keys"].stat().st_mode) == 0o600
    assert stat.S_IMODE(files["db"].stat().st_mode) & 0o077 == 0
    with Journal.open(data_dir, PASSPHRASE) as again:
        assert again.entries.get(entry.uuid).title == "one"
        assert migrations.schema_version(again.db.conn) == migrations.latest_version()


def test_database_is_sqlcipher_with_raw_key(created, data_dir):
    created.journal.close()
    raw = journal_files(data_dir)["db"].read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    import sqlcipher3

    from journal.storage.vault import derive_data_key

    data_key = derive_data_key(data_dir, PASSPHRASE)
    conn = sqlcipher3.connect(str(journal_files(data_dir)["db"]))
    conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
    assert conn.execute("PRAGMA cipher_page_size").fetchone()[0] in (4096, "4096")
    assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 0
    conn.close()


def test_refuses_to_create_over_existing(created, data_dir):
    with pytest.raises(JournalExists):
        Journal.create(data_dir, PASSPHRASE, kdf=FAST_KDF)


def test_short_passphrase_refused(tmp_path):
    with pytest.raises(InvalidInput):
        Journal.create(tmp_path / "j", "short", kdf=FAST_KDF)
    assert not (tmp_path / "j" / "journal.keys").exists()


def test_wrong_passphrase_changes_nothing(created, data_dir):
    created.journal.entries.add(title="x")
    created.journal.close()
    before = folder_digest(data_dir)
    with pytest.raises(WrongPassphrase):
        Journal.open(data_dir, "not the passphrase")
    after = folder_digest(data_dir)
    # Only the failed-unlock count is written (one byte, in journal.attempts: issue 19, item 2).
    assert after.pop("journal.attempts") and after == before


def test_second_process_is_refused(created, data_dir):
    with pytest.raises(JournalInUse, match="already open"):
        Journal.open(data_dir, PASSPHRASE)


def test_lock_is_released_on_close(created, data_dir):
    created.journal.close()
    Journal.open(data_dir, PASSPHRASE).close()


def test_not_a_journal(tmp_path):
    with pytest.raises(NotAJournal):
        Journal.open(tmp_path, PASSPHRASE)
    with pytest.raises(NotAJournal):
        Journal.open(tmp_path / "missing", PASSPHRASE)
    assert list(tmp_path.iterdir()) == []


def test_missing_key_file(created, data_dir):
    created.journal.close()
    journal_files(data_dir)["keys"].unlink()
    with pytest.raises(CorruptKeyFile, match="missing"):
        Journal.open(data_dir, PASSPHRASE)


def test_missing_database(created, data_dir):
    created.journal.close()
    journal_files(data_dir)["db"].unlink()
    with pytest.raises(NotAJournal, match="no database"):
        Journal.open(data_dir, PASSPHRASE)
    assert not journal_files(data_dir)["db"].exists()


def test_corrupt_database_changes_nothing(created, data_dir):
    for i in range(50):
        created.journal.entries.add(title=f"entry {i}", body="x" * 1000)
    created.journal.close()
    db = journal_files(data_dir)["db"]
    data = bytearray(db.read_bytes())
    data[0:4096] = os.urandom(4096)  # first page: header and schema
    db.write_bytes(bytes(data))
    before = folder_digest(data_dir)
    with pytest.raises(CorruptDatabase, match="damaged"):
        Journal.open(data_dir, PASSPHRASE)
    assert folder_digest(data_dir) == before


def test_newer_schema_refused_without_changes(created, data_dir):
    created.journal.db.execute(f"PRAGMA user_version = {migrations.latest_version() + 5}")
    created.journal.close()
    before = folder_digest(data_dir)
    with pytest.raises(SchemaTooNew, match="newer version"):
        Journal.open(data_dir, PASSPHRASE)
    assert folder_digest(data_dir) == before


def test_change_passphrase_and_recovery(created, data_dir):
    journal = created.journal
    entry = journal.entries.add(title="kept")
    journal.change_passphrase("a brand new passphrase", kdf=FAST_KDF)
    journal.close()
    with pytest.raises(WrongPassphrase):
        Journal.open(data_dir, PASSPHRASE)
    with Journal.open(data_dir, "a brand new passphrase") as j:
        assert j.entries.get(entry.uuid).title == "kept"
    with Journal.open(data_dir, recovery_code=created.recovery_code) as j:
        j.change_passphrase("set after recovery", kdf=FAST_KDF)
    Journal.open(data_dir, "set after recovery").close()


def test_new_recovery_code_replaces_old(created, data_dir):
    new_code = created.journal.new_recovery_code(kdf=FAST_KDF)
    created.journal.close()
    with pytest.raises(WrongPassphrase):
        Journal.open(data_dir, recovery_code=created.recovery_code)
    Journal.open(data_dir, recovery_code=new_code).close()


def test_erase_removes_everything_keys_first(created, data_dir):
    for i in range(20):
        created.journal.entries.add(title=f"secret {i}")
    # Erase works while the journal is open (the panic case).
    files = [data_dir / n for n in ("journal.keys", "journal.db", "journal.db-wal") if (data_dir / n).exists()]
    with InodeWatch(files) as watch:
        report = erase_journal(data_dir)
        # The bytes were replaced on disk, not just the names removed.
        assert watch.not_overwritten() == []
    assert report.erased[0] == "journal.keys"
    assert "journal.db" in report.erased
    assert report.unreadable_after_s < 1.0
    leftovers = [p.name for p in data_dir.iterdir()]
    assert not [n for n in leftovers if n.startswith("journal.")]
    created.journal.close()


def test_data_dir_precedence(monkeypatch, tmp_path):
    monkeypatch.setenv("JOURNAL_HOME", str(tmp_path / "env"))
    assert resolve_data_dir(None) == tmp_path / "env"
    assert resolve_data_dir(str(tmp_path / "cli")) == tmp_path / "cli"
    monkeypatch.delenv("JOURNAL_HOME")
    assert "incident-journal" in str(resolve_data_dir(None))


def test_verify_clean_journal(journal):
    journal.entries.add(title="a")
    assert journal.verify() == []


def test_reader_connection_sees_commits_and_is_read_only(journal):
    reader = journal.open_reader()
    journal.entries.add(title="visible")
    assert reader.queries.count() == 1
    with pytest.raises(sqlcipher3.DatabaseError, match="readonly"):
        reader.db.execute("DELETE FROM entries")
    journal.close()
    assert reader.closed


@pytest.mark.parametrize("folder_name", ["Case #2", "50% done?", "папка с пробелами"])
def test_awkward_folder_names(tmp_path, folder_name):
    folder = tmp_path / folder_name
    created = Journal.create(folder, PASSPHRASE, kdf=FAST_KDF)
    created.journal.entries.add(title="x")
    created.journal.close()
    assert (folder / "journal.db").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder_name]
    with Journal.open(folder, PASSPHRASE) as j:
        assert j.queries.count() == 1


def test_interrupted_create_leaves_no_half_journal(tmp_path, monkeypatch):
    import journal.storage.vault as vault_mod

    folder = tmp_path / "j"

    def boom(keyfile, path):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(vault_mod.KeyFile, "save", boom)
    with pytest.raises(OSError):
        Journal.create(folder, PASSPHRASE, kdf=FAST_KDF)
    monkeypatch.undo()
    assert sorted(p.name for p in folder.iterdir()) == ["journal.lock"]
    Journal.create(folder, PASSPHRASE, kdf=FAST_KDF).journal.close()  # and a retry works


def test_erase_also_destroys_leftover_copies(created, data_dir):
    created.journal.close()
    import shutil

    staged = data_dir / ".restore-abc123"
    staged.mkdir()
    shutil.copy(data_dir / "journal.keys", staged / "journal.keys")
    shutil.copy(data_dir / "journal.db", staged / "journal.db")
    (data_dir / ".journal.keys.deadbeef.tmp").write_bytes((data_dir / "journal.keys").read_bytes())
    (data_dir / ".backup-0011.db").write_bytes(b"x" * 100)
    copies = [staged / "journal.keys", staged / "journal.db", data_dir / ".journal.keys.deadbeef.tmp"]
    with InodeWatch(copies) as watch:
        report = erase_journal(data_dir)
        assert watch.not_overwritten() == []
    assert report.erased[0] == "journal.keys"
    assert sorted(p.name for p in data_dir.iterdir()) == []


def test_dst_gap_time_refused(journal):
    with pytest.raises(InvalidInput, match="did not exist"):
        journal.entries.add(title="x", occurred_at="2024-03-31T02:30", occurred_tz="Europe/Berlin")
    e = journal.entries.add(title="x", occurred_at="2024-10-27T02:30", occurred_tz="Europe/Berlin")
    assert e.occurred_at.startswith("2024-10-27T02:30+")


def test_date_before_year_one_in_utc_is_a_clear_error(journal):
    # 00:30 on 1 January of year 1 in Tokyo is still year 0 in UTC: not representable.
    with pytest.raises(InvalidInput, match="out of range"):
        journal.entries.add(title="x", occurred_at="0001-01-01T00:30", occurred_tz="Asia/Tokyo")
    assert journal.queries.count() == 0


def test_last_representable_date_is_stored_and_sorted(journal):
    import datetime as dt

    e = journal.entries.add(title="x", occurred_at="9999-12-31T23:59", occurred_tz="Asia/Tokyo")
    assert e.occurred_at == "9999-12-31T23:59+09:00"
    stored = journal.db.query_one("SELECT occurred_at, occurred_tz, occurred_utc FROM entries WHERE uuid = ?",
                                  (e.uuid,))
    utc = dt.datetime(9999, 12, 31, 14, 59, tzinfo=dt.timezone.utc).timestamp()
    assert stored == ("9999-12-31T23:59+09:00", "Asia/Tokyo", int(utc))
    assert journal.entries.get(e.uuid).occurred_at == "9999-12-31T23:59+09:00"


def test_compact_date_is_a_date(journal):
    assert journal.entries.add(title="x", occurred_at="20240305").occurred_at == "2024-03-05"


def test_verify_catches_index_drift(journal):
    e = journal.entries.add(title="findable", tags=["one"])
    journal.db.execute("DELETE FROM entry_tags WHERE entry_id = ?", (e.id,))
    assert any("tag index" in p for p in journal.verify())


def test_verify_catches_search_index_drift(journal):
    e = journal.entries.add(title="findable")
    journal.db.execute("INSERT INTO entries_fts (entries_fts, rowid, title, body, place, tags) "
                       "VALUES ('delete', ?, 'findable', '', '', '')", (e.id,))
    assert any("search index" in p for p in journal.verify())
    journal.entries.rebuild_search_index()
    assert journal.verify() == []


def test_failed_commit_does_not_wedge_later_saves(journal):
    import sqlcipher3

    journal.db.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
    journal.db.execute("CREATE TABLE child (p INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)")
    with pytest.raises(sqlcipher3.IntegrityError):
        with journal.db.transaction() as db:
            db.execute("INSERT INTO child VALUES (42)")
    assert not journal.db.conn.in_transaction
    journal.entries.add(title="still works")


def test_verify_reports_a_damaged_page_instead_of_crashing(created, data_dir):
    journal = created.journal
    for i in range(300):
        journal.entries.add(title=f"entry {i}", body="текст " * 200)
    journal.close()
    db = journal_files(data_dir)["db"]
    data = bytearray(db.read_bytes())
    page = 4096
    middle = (len(data) // page // 2) * page
    data[middle + 100: middle + 200] = os.urandom(100)  # inside one encrypted page: HMAC fails
    db.write_bytes(bytes(data))
    with Journal.open(data_dir, PASSPHRASE) as damaged:
        problems = damaged.verify()
    assert problems and all(isinstance(p, str) for p in problems)
    assert any("database" in p for p in problems)


def test_closed_readers_are_forgotten(journal):
    first = journal.open_reader()
    first.close()
    second = journal.open_reader()
    assert first not in journal._readers and second in journal._readers
    journal.close()
    assert second.closed
