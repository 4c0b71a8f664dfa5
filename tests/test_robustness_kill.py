"""SIGKILL in the middle of attachment import, export and bundle import.

Each worker loops over one operation through the core API and prints a line
only after the operation returned (committed). We kill it mid-way; the
journal must open, verify, and hold everything that was reported committed.
(Autosave of entries is covered by tests/test_durability.py.)
"""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import FAST_KDF, PASSPHRASE

from journal.storage.vault import Journal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
ROOT = Path(__file__).resolve().parent.parent

PRELUDE = """
import itertools, os, sys
sys.path.insert(0, sys.argv[1])
from journal.storage.vault import Journal
j = Journal.open(sys.argv[2], sys.argv[3])
"""

ATTACHER = PRELUDE + textwrap.dedent("""
    entry = j.entries.add(title="photos")
    def chunks(seed, n):
        # 4 MiB of distinct bytes per attachment, streamed (never whole in memory)
        for k in range(n):
            yield (seed.to_bytes(4, "big") + k.to_bytes(4, "big")) * 131072
    class Stream:
        def __init__(self, seed): self.it = chunks(seed, 4); self.buf = b""
        def read(self, size=-1):
            while not self.buf:
                try: self.buf = next(self.it)
                except StopIteration: return b""
            out, self.buf = self.buf[:size if size and size > 0 else len(self.buf)], self.buf[size if size and size > 0 else len(self.buf):]
            return out
    for i in itertools.count():
        a = j.attachments.add_stream(entry.uuid, Stream(i), f"f{i}.bin", size_hint=4 << 20)
        print(a.uuid, flush=True)
""")

EXPORTER = PRELUDE + textwrap.dedent("""
    out = sys.argv[4]
    coordinator = j.coordinators.list()[0]
    for i in itertools.count():
        j.entries.add(title=f"entry {i}", body="x" * 2000)
        j.exporter.export(os.path.join(out, f"b{i}.ijbundle"), [coordinator.uuid], all_entries=True)
        print(f"b{i}.ijbundle", flush=True)
""")

IMPORTER = PRELUDE + textwrap.dedent("""
    for name in sorted(os.listdir(sys.argv[4])):
        result = j.importer.import_bundle(os.path.join(sys.argv[4], name), trust_new=True)
        print(name, result.status, flush=True)
""")


def _run_and_kill(script: str, args: list[str], kill_after: int) -> list[str]:
    proc = subprocess.Popen([sys.executable, "-c", script, str(ROOT), *args], stdout=subprocess.PIPE, text=True)
    lines: list[str] = []
    deadline = time.monotonic() + 120
    while len(lines) < kill_after and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line.strip())
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    return lines


def _pair(tmp_path):
    documenter = Journal.create(tmp_path / "doc", PASSPHRASE, "Doc", kdf=FAST_KDF).journal
    coordinator = Journal.create(tmp_path / "coord", PASSPHRASE, "HQ", kdf=FAST_KDF).journal
    documenter.coordinators.add(coordinator.identity.card_text(), verified=True)
    return documenter, coordinator


def test_kill_during_attachment_import(created, data_dir):
    created.journal.close()
    committed = _run_and_kill(ATTACHER, [str(data_dir), PASSPHRASE], kill_after=5)
    assert len(committed) == 5, "the worker did not get going"
    with Journal.open(data_dir, PASSPHRASE) as journal:
        for uuid in committed:
            assert journal.attachments.get(uuid).size == 4 << 20
        assert journal.attachments.check_consistency() == []
        assert journal.verify() == []


def test_kill_during_export(tmp_path):
    documenter, coordinator = _pair(tmp_path)
    documenter.close()
    out = tmp_path / "out"
    out.mkdir()
    written = _run_and_kill(EXPORTER, [str(tmp_path / "doc"), PASSPHRASE, str(out)], kill_after=4)
    assert len(written) == 4
    with Journal.open(tmp_path / "doc", PASSPHRASE) as journal:
        assert journal.verify() == []
        assert len(journal.exporter.sent()) >= len(written)
    # Every file that has a bundle's final name is complete: it imports.
    finished = sorted(p for p in out.iterdir() if p.suffix == ".ijbundle")
    assert {p.name for p in finished} >= set(written)
    for path in finished:
        assert coordinator.importer.import_bundle(path, trust_new=True).status in ("accepted", "duplicate")
    assert coordinator.verify() == []
    coordinator.close()


def test_kill_during_bundle_import(tmp_path):
    documenter, coordinator = _pair(tmp_path)
    record = documenter.coordinators.list()[0]
    bundles = tmp_path / "bundles"
    bundles.mkdir()
    for i in range(12):
        documenter.entries.add(title=f"entry {i}", body="y" * 4000)
        documenter.exporter.export(bundles / f"b{i:02d}.ijbundle", [record.uuid], since_last=True)
    documenter.close()
    coordinator.close()
    imported = _run_and_kill(IMPORTER, [str(tmp_path / "coord"), PASSPHRASE, str(bundles)], kill_after=5)
    assert len(imported) == 5
    with Journal.open(tmp_path / "coord", PASSPHRASE) as journal:
        assert journal.verify() == []
        titles = {r[0] for r in journal.db.query("SELECT title FROM entries")}
        assert {f"entry {i}" for i in range(5)} <= titles
        # Importing everything again completes the set without duplicates.
        for path in sorted(bundles.iterdir()):
            assert journal.importer.import_bundle(path, trust_new=True).status in ("accepted", "duplicate")
        assert journal.db.query_one("SELECT count(*) FROM entries")[0] == 12
