"""Killed processes and plaintext at rest.

A writer killed with SIGKILL in the middle of many saves loses nothing it
had committed, and the data folder never holds the plaintext of an entry.
"""

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from journal.storage.vault import Journal
from tests.conftest import PASSPHRASE

WRITER = textwrap.dedent("""
    import sys
    from journal.storage.vault import Journal
    j = Journal.open(sys.argv[1], sys.argv[2])
    i = 0
    while True:
        e = j.entries.add(title=f"entry {i}", body="x" * (i % 5000), tags=[f"t{i % 7}"])
        if i % 3 == 0:
            j.entries.update(e.uuid, body="edited " * 50)
        print(e.uuid, flush=True)  # printed only after COMMIT returned
        i += 1
""")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("kill_after", [50, 333])
def test_sigkill_mid_writes_keeps_every_committed_entry(created, data_dir, kill_after):
    created.journal.close()
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir), PASSPHRASE],
                            stdout=subprocess.PIPE, text=True, cwd=os.path.dirname(os.path.dirname(__file__)))
    committed = []
    deadline = time.monotonic() + 120
    while len(committed) < kill_after and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        committed.append(line.strip())
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert len(committed) >= kill_after, "writer did not get going"
    with Journal.open(data_dir, PASSPHRASE) as journal:
        stored = {r[0] for r in journal.db.query("SELECT uuid FROM entries")}
        assert set(committed) <= stored
        assert journal.verify() == []


CANARIES = ["CANARY-TITLE-7f3a", "КАНАРЕЙКА-ТЕКСТ-91b2", "CANARY-PLACE-c0de", "КАНАРЕЙКА-ТЕГ-5e5e",
            "canary-category-label-aa11"]


def _files_under(*folders):
    for folder in folders:
        for root, _dirs, files in os.walk(folder):
            for name in files:
                yield os.path.join(root, name)


def assert_no_plaintext(folders, canaries=CANARIES):
    for path in _files_under(*folders):
        with open(path, "rb") as handle:
            raw = handle.read()
        for canary in canaries:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                assert canary.encode(encoding) not in raw, f"{canary!r} found as {encoding} in {path}"
        assert b"SQLite format 3" not in raw[:16], f"{path} is an unencrypted SQLite file"


def test_data_folder_holds_no_plaintext(created, data_dir, tmp_path):
    journal = created.journal
    journal.entries.add_category(CANARIES[4], CANARIES[4])
    for i in range(200):  # enough to spill pages to the WAL and grow the database
        journal.entries.add(title=f"{CANARIES[0]} {i}", body=(CANARIES[1] + " ") * 20, place=CANARIES[2],
                            tags=[CANARIES[3]], category=CANARIES[4])
    assert journal.queries.search(CANARIES[1])  # the FTS index holds it, encrypted
    assert_no_plaintext([data_dir])  # while open: db, WAL and SHM
    journal.close()
    assert_no_plaintext([data_dir])  # after checkpoint and close
