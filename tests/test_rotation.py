"""Key rotation (issue 19, item 1): after a passphrase was given up, nothing current opens with it.

`journal passwd` alone rewraps the same data key: a copy of the old journal.keys (carved from
free blocks, or simply kept) still opens the current database with the old passphrase. After
`rotate_keys` neither the old passphrase, nor the old recovery code, nor the old key file, nor
the old data key, nor the old attachment keys open anything current.
"""

from __future__ import annotations

import hashlib
import io
import os

import pytest
from conftest import FAST_KDF, PASSPHRASE

from journal.errors import Cancelled, CorruptDatabase, WrongPassphrase
from journal.storage.blobfiles import BlobFiles
from journal.storage.db import connect
from journal.storage.keyslots import KeyFile
from journal.storage.paths import journal_files
from journal.storage.vault import Journal

NEW = "a brand new passphrase, never given up"


def _fill(journal, n_files=3, size=(3 << 20) + 123):
    entry = journal.entries.add(title="detention at the border", body="what happened " * 50)
    hashes = {}
    for i in range(n_files):
        data = hashlib.sha256(str(i).encode()).digest() * (size // 32) + bytes(i)
        att = journal.attachments.add_stream(entry.uuid, io.BytesIO(data), f"f{i}.bin")
        hashes[att.uuid] = hashlib.sha256(data).hexdigest()
    return entry, hashes


def _content_hashes(journal, uuids):
    out = {}
    for uuid in uuids:
        with journal.attachments.open_stream(uuid) as stream:
            out[uuid] = hashlib.sha256(stream.read()).hexdigest()
    return out


def _file_rows(journal):
    return {r[0]: (r[1], bytes(r[2])) for r in journal.db.query(
        "SELECT id, file_id, file_key FROM blobs WHERE file_id IS NOT NULL")}


def test_rotation_makes_every_old_secret_useless(created, data_dir):
    journal = created.journal
    entry, hashes = _fill(journal)
    old_keys_bytes = journal_files(data_dir)["keys"].read_bytes()  # e.g. carved from free blocks
    old_key = bytes(journal._data_key)
    old_files = _file_rows(journal)

    result = journal.rotate_keys(NEW, kdf=FAST_KDF)
    assert result.files == 3 and result.old_files_removed == 3
    assert result.recovery_code != created.recovery_code
    # The open journal goes on under the new key.
    assert journal.entries.get(entry.uuid).title == "detention at the border"
    assert _content_hashes(journal, hashes) == hashes
    new_files = _file_rows(journal)
    for blob_id, (file_id, key) in new_files.items():
        assert file_id != old_files[blob_id][0] and key != old_files[blob_id][1]
    assert journal.verify() == []
    journal.close()

    files = journal_files(data_dir)
    # The old key file, kept or carved, opens only the old data key, which opens nothing now.
    (data_dir / "old.keys").write_bytes(old_keys_bytes)
    carved_key = KeyFile.load(data_dir / "old.keys").unlock_with_passphrase(PASSPHRASE)
    assert carved_key == old_key
    with pytest.raises(CorruptDatabase):
        connect(files["db"], carved_key)
    # Old attachment keys open no current file.
    blob_files = BlobFiles(data_dir / "attachments")
    assert not any(blob_files.path_of(fid).exists() for fid, _key in old_files.values())
    # Old passphrase and recovery code are refused; the new ones open it.
    with pytest.raises(WrongPassphrase):
        Journal.open(data_dir, PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        Journal.open(data_dir, recovery_code=created.recovery_code)
    with Journal.open(data_dir, recovery_code=result.recovery_code) as reopened:
        assert reopened.rotation_outcome is None
    with Journal.open(data_dir, NEW) as reopened:
        assert _content_hashes(reopened, hashes) == hashes
        assert reopened.verify() == []
        assert reopened.attachments.verify_hashes() == []
    assert "rotation" not in files["keys"].read_text()
    assert not list(data_dir.glob(".journal.keys.*"))


def test_cancel_changes_nothing(created, data_dir):
    journal = created.journal
    _entry, hashes = _fill(journal, n_files=2)
    before = _file_rows(journal)
    keys_before = journal_files(data_dir)["keys"].read_bytes()
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 2  # after the first chunk

    with pytest.raises(Cancelled):
        journal.rotate_keys(NEW, kdf=FAST_KDF, cancel=cancel)
    assert _file_rows(journal) == before
    assert journal_files(data_dir)["keys"].read_bytes() == keys_before
    stored = {fid for fid, _p in journal.blob_files.stored_files()}
    assert stored == {fid for fid, _k in before.values()}  # the new files were removed at once
    assert _content_hashes(journal, hashes) == hashes
    journal.close()
    with Journal.open(data_dir, PASSPHRASE) as reopened:
        assert reopened.verify() == []


def test_rotation_reports_progress_and_works_without_attachments(created, data_dir):
    journal = created.journal
    journal.entries.add(title="only text")
    seen = []
    result = journal.rotate_keys(NEW, kdf=FAST_KDF, progress=lambda d, t: seen.append((d, t)))
    assert result.files == 0 and seen[0] == (0, 0)
    journal.close()
    with Journal.open(data_dir, NEW) as reopened:
        assert reopened.db.query("SELECT title FROM entries") == [("only text",)]


def test_progress_counts_every_byte(created):
    journal = created.journal
    _entry, hashes = _fill(journal, n_files=2, size=5 << 20)
    seen = []
    journal.rotate_keys(NEW, kdf=FAST_KDF, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] == sum(journal.attachments.get(u).size for u in hashes)
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)


def test_passphrase_change_overwrites_the_old_key_file_in_place(created, data_dir):
    """The old journal.keys' blocks are overwritten before the replace: a handle to the old file
    (standing for its blocks on a file system that overwrites in place) no longer reads it."""
    keys_path = journal_files(data_dir)["keys"]
    old = keys_path.read_bytes()
    with open(keys_path, "rb") as handle:
        created.journal.change_passphrase(NEW, kdf=FAST_KDF)
        handle.seek(0)
        leftover = handle.read()
    assert len(leftover) == len(old) and leftover != old
    assert b"wrapped_key" not in leftover


def test_interrupted_key_file_replace_is_finished_at_open(created, data_dir):
    """Killed between the in-place overwrite and the rename: journal.keys is noise, the complete
    new file waits as a temp file; loading reads it and opening renames it into place."""
    journal = created.journal
    keys_path = journal_files(data_dir)["keys"]
    journal.change_passphrase(NEW, kdf=FAST_KDF)
    journal.close()
    good = keys_path.read_bytes()
    (data_dir / ".journal.keys.0123456789ab.tmp").write_bytes(good)
    keys_path.write_bytes(os.urandom(len(good)))
    with Journal.open(data_dir, NEW) as reopened:
        assert reopened.verify() == []
    assert keys_path.read_bytes() == good
    assert not list(data_dir.glob(".journal.keys.*"))


def test_stale_temp_key_files_are_destroyed_at_open(created, data_dir):
    created.journal.close()
    stale = data_dir / ".journal.keys.ffffffffffff.tmp"
    stale.write_bytes(b'{"format": "incident-journal-keys", "slots": []')  # cut short
    with Journal.open(data_dir, PASSPHRASE):
        pass
    assert not stale.exists()
