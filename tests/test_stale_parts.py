"""Issue 19 item 8: a killed export leaves `.<name>.ijbundle.XXXXXXXX.part`; the next run removes it.

Only part files of our own pattern, of this user, and not locked by a run in progress (every
part is locked while it is written) are removed (journal/storage/atomic.py).
"""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from journal.exchange.exporter import ExportOptions

from journal.storage.atomic import atomic_output, remove_stale_parts
from journal.storage.vault import Journal
from tests.conftest import FAST_KDF, PASSPHRASE

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX locks and SIGKILL")
ROOT = Path(__file__).resolve().parent.parent

STUCK_EXPORTER = textwrap.dedent("""
    import os, sys, time
    sys.path.insert(0, sys.argv[1])
    from journal.storage.vault import Journal
    j = Journal.open(sys.argv[2], sys.argv[3])
    out = sys.argv[4]
    def progress(done, total):
        if any(name.endswith(".part") for name in os.listdir(out)):
            print("writing", flush=True)
            time.sleep(600)  # killed here, with the part half written
    from journal.exchange.exporter import ExportOptions
    j.exporter.export(os.path.join(out, "b.ijbundle"), [j.coordinators.list()[0].uuid], all_entries=True,
                      progress=progress, options=ExportOptions(allow_uncleaned=True))
""")


def test_a_killed_export_leaves_a_part_that_the_next_export_removes(tmp_path):
    documenter = Journal.create(tmp_path / "doc", PASSPHRASE, "Doc", kdf=FAST_KDF).journal
    coordinator = Journal.create(tmp_path / "coord", PASSPHRASE, "HQ", kdf=FAST_KDF).journal
    record = documenter.coordinators.add(coordinator.identity.card_text(), verified=True)
    entry = documenter.entries.add(title="with a file")
    documenter.attachments.add_bytes(entry.uuid, os.urandom(3 << 20), "big.bin")
    documenter.close()
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.Popen([sys.executable, "-c", STUCK_EXPORTER, str(ROOT), str(tmp_path / "doc"), PASSPHRASE,
                             str(out)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "writing"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    (stale,) = out.iterdir()
    assert stale.name.startswith(".b.ijbundle.") and stale.name.endswith(".part")
    with Journal.open(tmp_path / "doc", PASSPHRASE) as journal:
        journal.exporter.export(out / "next.ijbundle", [record.uuid], all_entries=True,
                                options=ExportOptions(allow_uncleaned=True))
    assert sorted(p.name for p in out.iterdir()) == ["next.ijbundle"]
    assert coordinator.importer.import_bundle(out / "next.ijbundle", trust_new=True).status == "accepted"
    coordinator.close()


def test_only_our_unlocked_parts_are_removed(tmp_path):
    ours = tmp_path / ".old.ijbundle.k2j_x9a0.part"
    ours.write_bytes(b"ciphertext")
    locked = tmp_path / ".running.ijbundle.a1b2c3d4.part"
    locked.write_bytes(b"being written")
    keep = [tmp_path / name for name in (
        ".notes.txt.abcd1234.part",  # another suffix
        ".x.ijbundle.part",  # not mkstemp's pattern
        ".x.ijbundle.ABCDEFGH.part",  # not mkstemp's alphabet
        "x.ijbundle.abcd1234.part",  # no leading dot
        "b.ijbundle",  # a finished bundle
    )]
    for path in keep:
        path.write_bytes(b"keep")
    link = tmp_path / ".link.ijbundle.zzzz9999.part"
    link.symlink_to(tmp_path / "b.ijbundle")
    holder = os.open(locked, os.O_RDWR)
    try:
        fcntl.flock(holder, fcntl.LOCK_EX | fcntl.LOCK_NB)  # another run still writing it
        assert remove_stale_parts(tmp_path / "new.ijbundle") == 1
    finally:
        os.close(holder)
    assert not ours.exists()
    assert locked.exists() and link.is_symlink() and all(p.exists() for p in keep)


def test_a_part_being_written_is_locked_until_it_has_its_name(tmp_path):
    target = tmp_path / "b.ijbundle"
    with atomic_output(target) as handle:
        handle.write(b"half")
        (part,) = [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
        assert remove_stale_parts(target) == 0  # locked by this run
        assert part.exists()
    assert target.read_bytes() == b"half" and [p.name for p in tmp_path.iterdir()] == ["b.ijbundle"]
