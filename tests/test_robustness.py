"""Full disk, read-only folder, a lock left by a crashed process.

The disk tests mount a 2 MiB tmpfs (root on Linux; skipped elsewhere with the
reason), fill it through the core API and check that what was committed
before the failure is all still there and the journal verifies.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import FAST_KDF, PASSPHRASE

from journal.errors import JournalError
from journal.storage.vault import Journal

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def small_disk(tmp_path):
    """A 2 MiB tmpfs: real ENOSPC and a real read-only remount (root ignores chmod)."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("needs root on Linux to mount a small tmpfs")
    folder = tmp_path / "disk"
    folder.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(folder)],
                      capture_output=True, check=False).returncode != 0:
        pytest.skip("mount -t tmpfs is not allowed here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def _fill(journal: Journal) -> tuple[list[str], BaseException]:
    committed = []
    while True:
        try:
            entry = journal.entries.add(title=f"entry {len(committed)}", body=os.urandom(2000).hex())
        except Exception as exc:  # noqa: BLE001 - the failure is what we are looking at
            return committed, exc
        committed.append(entry.uuid)
        if len(committed) > 10_000:
            raise AssertionError("the small disk never filled up")


def test_full_disk_keeps_every_committed_entry(small_disk):
    data_dir = small_disk / "journal"
    journal = Journal.create(data_dir, PASSPHRASE, "full", kdf=FAST_KDF).journal
    committed, error = _fill(journal)
    assert committed and "full" in str(error).lower()
    try:
        journal.close()
    except Exception:  # noqa: BLE001, S110 - closing on a full disk may fail; the data must not
        pass
    with Journal.open(data_dir, PASSPHRASE) as reopened:
        stored = {r[0] for r in reopened.db.query("SELECT uuid FROM entries")}
        assert set(committed) <= stored
        assert reopened.verify() == []


def test_full_disk_error_is_a_clear_journal_error(small_disk):
    journal = Journal.create(small_disk / "journal", PASSPHRASE, "full", kdf=FAST_KDF).journal
    _committed, error = _fill(journal)
    assert isinstance(error, JournalError) and "disk" in str(error).lower()


def test_read_only_folder_opens_nothing_and_loses_nothing(small_disk):
    data_dir = small_disk / "journal"
    with Journal.create(data_dir, PASSPHRASE, "ro", kdf=FAST_KDF).journal as journal:
        kept = journal.entries.add(title="kept").uuid
    assert subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], capture_output=True, check=False).returncode == 0
    with pytest.raises(Exception) as info:
        Journal.open(data_dir, PASSPHRASE)
    assert "read-only" in str(info.value).lower()
    subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
    with Journal.open(data_dir, PASSPHRASE) as journal:
        assert journal.entries.get(kept).title == "kept"


def test_read_only_folder_error_is_a_journal_error(small_disk):
    data_dir = small_disk / "journal"
    Journal.create(data_dir, PASSPHRASE, "ro", kdf=FAST_KDF).journal.close()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    with pytest.raises(JournalError):
        Journal.open(data_dir, PASSPHRASE)


HOLDER = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[3])
    from journal.storage.vault import Journal
    j = Journal.open(sys.argv[1], sys.argv[2])
    with j.db.transaction():
        j.entries.add(title="half-done")
        print("holding", flush=True)
        sys.stdin.readline()   # never returns: we are killed inside the transaction
""")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_journal_opens_after_a_crashed_process_held_it(created, data_dir):
    with created.journal as journal:
        journal.entries.add(title="before the crash")
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(data_dir), PASSPHRASE, str(ROOT)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "holding"
    with pytest.raises(JournalError, match="already open"):
        Journal.open(data_dir, PASSPHRASE)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    with Journal.open(data_dir, PASSPHRASE) as journal:  # the OS released the lock
        titles = {r[0] for r in journal.db.query("SELECT title FROM entries")}
        assert titles == {"before the crash"}  # the uncommitted one is gone, cleanly
        assert journal.verify() == []
