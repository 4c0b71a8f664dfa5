"""SIGKILL at every step of a key rotation (issue 19, item 1): the journal always opens with
the new or the old passphrase, never neither, verifies, and holds every attachment intact.

The worker process kills itself at a named step (journal/storage/rotation.py and keys_io.py
call a test hook there) or is killed from outside after a random delay; then the journal is
opened the way a person would, with one passphrase and then the other.
"""

from __future__ import annotations

import hashlib
import os
import io
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import FAST_KDF, PASSPHRASE

from journal.errors import WrongPassphrase
from journal.storage.vault import Journal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
ROOT = Path(__file__).resolve().parent.parent
NEW = "the new passphrase after the border"

WORKER = textwrap.dedent("""
    import os, signal, sys
    sys.path.insert(0, sys.argv[1])
    from journal.storage import keys_io, rotation
    from journal.storage.keyslots import KdfParams
    from journal.storage.vault import Journal
    target, nth = sys.argv[4], int(sys.argv[5])
    seen = {}
    def hook(name):
        seen[name] = seen.get(name, 0) + 1
        if name == target and seen[name] == nth:
            os.kill(os.getpid(), signal.SIGKILL)
    rotation.test_hook = keys_io.test_hook = hook
    j = Journal.open(sys.argv[2], sys.argv[3])
    print("open", flush=True)
    j.rotate_keys(sys.argv[6], kdf=KdfParams(memory_kib=8192, iterations=1, lanes=1))
    print("rotated", flush=True)
""")

# (step, occurrence): every point of the protocol, including both key-file replaces
# (kill between the in-place overwrite of journal.keys and the rename).
STEPS = [("file-written", 1), ("file-written", 3), ("files-synced", 1), ("keys-overwritten", 1),
         ("transition-saved", 1), ("before-rekey", 1), ("after-rekey", 1), ("switched", 1),
         ("keys-overwritten", 2), ("final-saved", 1), ("done", 1)]


def _make(data_dir: Path, n_files: int = 4) -> dict[str, str]:
    journal = Journal.create(data_dir, PASSPHRASE, "J", kdf=FAST_KDF).journal
    entry = journal.entries.add(title="kept through every kill", body="b" * 3000)
    for i in range(40):
        journal.entries.add(title=f"entry {i}", body="x" * 2000)
    hashes = {}
    for i in range(n_files):
        data = hashlib.sha256(bytes([i])).digest() * ((2 << 20) // 32) + bytes(i)
        hashes[journal.attachments.add_stream(entry.uuid, io.BytesIO(data), f"{i}.bin").uuid] = \
            hashlib.sha256(data).hexdigest()
    journal.close()
    return hashes


def _open_either(data_dir: Path) -> tuple[Journal, str]:
    for which, secret in (("new", NEW), ("old", PASSPHRASE)):
        try:
            return Journal.open(data_dir, secret), which
        except WrongPassphrase:
            continue
    raise AssertionError("neither the new nor the old passphrase opens the journal")


def _check(data_dir: Path, hashes: dict[str, str]) -> str:
    journal, which = _open_either(data_dir)
    # Opening settled an interrupted rotation: forward if the database had the new key already.
    which = {"finished": "new", "rolled-back": "old"}.get(journal.rotation_outcome, which)
    with journal:
        assert journal.verify() == []
        assert journal.attachments.check_consistency() == []
        assert journal.db.query_one("SELECT count(*) FROM entries")[0] == 41
        for uuid, digest in hashes.items():
            with journal.attachments.open_stream(uuid) as stream:
                assert hashlib.sha256(stream.read()).hexdigest() == digest
        named = {r[0] for r in journal.db.query("SELECT file_id FROM blobs WHERE file_id IS NOT NULL")}
        assert {fid for fid, _p in journal.blob_files.stored_files()} == named  # nothing left over
    # Settled at that open: from now on exactly one passphrase works, and it keeps working.
    other = PASSPHRASE if which == "new" else NEW
    with pytest.raises(WrongPassphrase):
        Journal.open(data_dir, other)
    with Journal.open(data_dir, NEW if which == "new" else PASSPHRASE) as again:
        assert again.verify() == []
    assert "rotation" not in (data_dir / "journal.keys").read_text()
    assert not list(data_dir.glob(".journal.keys.*"))
    return which


def _run(data_dir: Path, step: str, nth: int, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", WORKER, str(ROOT), str(data_dir), PASSPHRASE, step, str(nth), NEW],
                          capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize("step,nth", STEPS, ids=[f"{s}-{n}" for s, n in STEPS])
def test_kill_at_each_step(tmp_path, step, nth):
    data_dir = tmp_path / "j"
    hashes = _make(data_dir)
    proc = _run(data_dir, step, nth)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    which = _check(data_dir, hashes)
    # Before the rekey committed the old key is in force; from the rekey on, the new one.
    expected = "old" if STEPS.index((step, nth)) <= STEPS.index(("before-rekey", 1)) else "new"
    assert which == expected


def test_kill_at_random_moments(tmp_path):
    """Kills from outside, at random moments over the whole rotation (including inside the
    SQLCipher rekey itself, which no hook can reach)."""
    rng = random.Random(19)
    template = tmp_path / "template"
    hashes = _make(template, n_files=6)
    # How long an uninterrupted rotation takes here, to spread the kills over it.
    probe = tmp_path / "probe"
    import shutil

    shutil.copytree(template, probe)
    start = time.monotonic()
    assert _run(probe, "never", 1).returncode == 0
    duration = time.monotonic() - start
    outcomes = set()
    for i in range(8):
        data_dir = tmp_path / f"k{i}"
        shutil.copytree(template, data_dir)
        proc = subprocess.Popen([sys.executable, "-c", WORKER, str(ROOT), str(data_dir), PASSPHRASE, "never", "1",
                                 NEW], stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "open"
        time.sleep(rng.uniform(0, duration * 0.9))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        outcomes.add(_check(data_dir, hashes))
    assert outcomes <= {"old", "new"}


REKEY_WATCHER = WORKER.replace('''def hook(name):
    seen[name] = seen.get(name, 0) + 1''', '''def hook(name):
    seen[name] = seen.get(name, 0) + 1
    if name in ("before-rekey", "after-rekey"):
        print(name, flush=True)''')
assert REKEY_WATCHER != WORKER


def test_kill_inside_the_rekey(tmp_path):
    """SQLCipher rewrites every page of the database inside PRAGMA rekey: killed while it does
    (a database of ~13 MB, kills spread over the rewrite), the journal opens with the old key or
    the new one, whole."""
    import shutil

    template = tmp_path / "template"
    hashes = _make(template, n_files=2)
    with Journal.open(template, PASSPHRASE) as journal:
        with journal.db.transaction():
            for i in range(1500):
                journal.entries.add(title=f"filler {i}", body=os.urandom(4000).hex())
    # How long the rekey takes here, to spread the kills over it.
    probe = tmp_path / "probe"
    shutil.copytree(template, probe)
    proc = subprocess.Popen([sys.executable, "-c", REKEY_WATCHER, str(ROOT), str(probe), PASSPHRASE, "never", "1",
                             NEW], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "open"
    assert proc.stdout.readline().strip() == "before-rekey"
    started = time.monotonic()
    assert proc.stdout.readline().strip() == "after-rekey"
    duration = time.monotonic() - started
    proc.wait(timeout=60)
    outcomes = []
    for i, fraction in enumerate((0.0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.3)):
        delay = duration * fraction
        data_dir = tmp_path / f"r{i}"
        shutil.copytree(template, data_dir)
        proc = subprocess.Popen([sys.executable, "-c", REKEY_WATCHER, str(ROOT), str(data_dir), PASSPHRASE, "never",
                                 "1", NEW], stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "open"
        assert proc.stdout.readline().strip() == "before-rekey"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        journal, which = _open_either(data_dir)
        which = {"finished": "new", "rolled-back": "old"}.get(journal.rotation_outcome, which)
        with journal:
            assert journal.verify() == []
            assert journal.db.query_one("SELECT count(*) FROM entries")[0] == 1541
            for uuid, digest in hashes.items():
                with journal.attachments.open_stream(uuid) as stream:
                    assert hashlib.sha256(stream.read()).hexdigest() == digest
        outcomes.append(which)
    print(f"rekey {duration:.2f} s; outcomes by delay:", outcomes)
    assert set(outcomes) <= {"old", "new"}
