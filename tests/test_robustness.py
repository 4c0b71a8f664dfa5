"""Full disk, read-only folder, a lock left by a crashed process.

No test here needs root, and none skips for an ordinary user on Linux:
- full disk: the scenario runs in a child process inside its own mount namespace
  (`unshare -m` as root, `unshare -Urm` — a user namespace — otherwise) holding a 2 MiB
  tmpfs: a real ENOSPC from the kernel, and nothing mounted outside the child;
- read-only: a real read-only remount of that tmpfs (EROFS), and a folder without write
  permission (chmod) opened by an unprivileged process (as root, a child that dropped to
  `nobody`, since root ignores permissions);
- attachment files, written by Python, also get an injected ENOSPC mid-file.
Each fills or blocks the disk through the core API and checks that what was committed
before the failure is all still there and the journal verifies.
"""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import FAST_KDF, PASSPHRASE, tool_skip_reason

from journal.errors import JournalError
from journal.storage.vault import Journal

ROOT = Path(__file__).resolve().parent.parent
NOBODY = 65534

# Run inside the namespace: mount the small disk, then the Python scenario with (disk, ROOT).
_MOUNT_AND_RUN = 'mount -t tmpfs -o size=2m,mode=0700 tmpfs "$1" || exit 97; exec "$2" -c "$3" "$1" "$4"'

_PRELUDE = textwrap.dedent("""
    import json, os, subprocess, sys
    from pathlib import Path
    sys.path.insert(0, sys.argv[2])
    from tests.conftest import FAST_KDF, PASSPHRASE
    from journal.errors import JournalError
    from journal.storage.vault import Journal
    DISK = Path(sys.argv[1])

    def fill(journal):
        committed = []
        while True:
            try:
                entry = journal.entries.add(title=f"entry {len(committed)}", body=os.urandom(2000).hex())
            except Exception as exc:
                return committed, exc
            committed.append(entry.uuid)
            if len(committed) > 10_000:
                raise AssertionError("the small disk never filled up")

    def describe(exc):
        return {"type": type(exc).__name__, "message": str(exc), "journal_error": isinstance(exc, JournalError)}
""")


def on_small_disk(tmp_path: Path, scenario: str) -> dict:
    """Run `scenario` (after _PRELUDE) on a fresh 2 MiB tmpfs in a private mount namespace."""
    if not sys.platform.startswith("linux"):
        pytest.skip("mount namespaces are Linux only")
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip(tool_skip_reason("unshare", "util-linux"))
    flags = ["--mount"] if os.geteuid() == 0 else ["--user", "--map-root-user", "--mount"]
    disk = tmp_path / "disk"
    disk.mkdir()
    proc = subprocess.run([unshare, *flags, "sh", "-c", _MOUNT_AND_RUN, "sh", str(disk), sys.executable,
                           _PRELUDE + textwrap.dedent(scenario), str(ROOT)],
                          capture_output=True, text=True, timeout=600, cwd=tmp_path)
    if proc.returncode == 97 or "unshare failed" in proc.stderr:
        # CI runs as root, where this always works; tests/conftest.py fails such a skip under CI=true.
        pytest.skip(f"mount namespaces are not permitted here (unshare {' '.join(flags)}): {proc.stderr.strip()}")
    assert proc.returncode == 0, proc.stderr
    assert not any(disk.iterdir()), "the small disk was mounted outside the child"
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_full_disk_keeps_every_committed_entry(tmp_path):
    out = on_small_disk(tmp_path, """
        data_dir = DISK / "journal"
        journal = Journal.create(data_dir, PASSPHRASE, "full", kdf=FAST_KDF).journal
        committed, error = fill(journal)
        try:
            journal.close()
        except Exception:  # closing on a full disk may fail; the data must not
            pass
        with Journal.open(data_dir, PASSPHRASE) as reopened:
            stored = [r[0] for r in reopened.db.query("SELECT uuid FROM entries")]
            problems = reopened.verify()
        print(json.dumps({"committed": committed, "error": describe(error), "stored": stored,
                          "problems": problems}))
    """)
    assert out["committed"], "nothing could be saved before the disk was full"
    assert "full" in out["error"]["message"].lower()
    assert set(out["committed"]) <= set(out["stored"])
    assert out["problems"] == []


def test_full_disk_error_is_a_clear_journal_error(tmp_path):
    out = on_small_disk(tmp_path, """
        journal = Journal.create(DISK / "journal", PASSPHRASE, "full", kdf=FAST_KDF).journal
        _committed, error = fill(journal)
        print(json.dumps(describe(error)))
    """)
    assert out["journal_error"] and "disk" in out["message"].lower(), out


def test_read_only_folder_opens_nothing_and_loses_nothing(tmp_path):
    out = on_small_disk(tmp_path, """
        data_dir = DISK / "journal"
        with Journal.create(data_dir, PASSPHRASE, "ro", kdf=FAST_KDF).journal as journal:
            kept = journal.entries.add(title="kept").uuid
        subprocess.run(["mount", "-o", "remount,bind,ro", str(DISK)], check=True)  # works in a user namespace too
        try:
            Journal.open(data_dir, PASSPHRASE).close()
            error = None
        except Exception as exc:
            error = describe(exc)
        subprocess.run(["mount", "-o", "remount,bind,rw", str(DISK)], check=True)
        with Journal.open(data_dir, PASSPHRASE) as journal:
            title = journal.entries.get(kept).title
        print(json.dumps({"error": error, "title": title}))
    """)
    assert out["error"] is not None, "a journal on a read-only disk opened as if it were writable"
    assert out["error"]["journal_error"] and "read-only" in out["error"]["message"].lower(), out
    assert out["title"] == "kept"


# --- a folder without write permission, opened by an unprivileged process ------------------------------
_OPEN_READ_ONLY = textwrap.dedent("""
    import json, os, sys, tempfile
    sys.path.insert(0, sys.argv[2])
    from tests.conftest import FAST_KDF, PASSPHRASE
    from journal.errors import JournalError
    from journal.storage.vault import Journal
    if os.geteuid() == 0:  # root ignores permissions: drop to nobody first
        # A throwaway journal first, so every module the app loads lazily is loaded while the
        # interpreter's own files (often under /root) can still be read.
        with tempfile.TemporaryDirectory() as scratch:
            Journal.create(os.path.join(scratch, "j"), PASSPHRASE, kdf=FAST_KDF).journal.close()
            Journal.open(os.path.join(scratch, "j"), PASSPHRASE).close()
        os.setgroups([])
        os.setgid(int(sys.argv[3]))
        os.setuid(int(sys.argv[3]))
    try:
        Journal.open(sys.argv[1], PASSPHRASE).close()
        print(json.dumps(None))
    except Exception as exc:
        print(json.dumps({"type": type(exc).__name__, "message": str(exc),
                          "journal_error": isinstance(exc, JournalError)}))
""")


def test_folder_without_write_permission_is_a_clear_error_and_loses_nothing(tmp_path):
    if not hasattr(os, "geteuid"):
        pytest.skip("POSIX permissions")
    import tempfile

    # As root the child runs as nobody, who cannot walk into pytest's private (0700) temp
    # folders: the journal then lives in a fresh folder in the system temp folder.
    base = Path(tempfile.mkdtemp(prefix="ij-readonly-")) if os.geteuid() == 0 else tmp_path
    data_dir = base / "journal"
    try:
        with Journal.create(data_dir, PASSPHRASE, "ro", kdf=FAST_KDF).journal as journal:
            kept = journal.entries.add(title="kept").uuid
        before = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
        if os.geteuid() == 0:
            for path in [base, data_dir, *data_dir.rglob("*")]:
                os.chown(path, NOBODY, NOBODY)
        for path in data_dir.rglob("*"):
            path.chmod(0o400 if path.is_file() else 0o500)
        data_dir.chmod(0o500)
        try:
            proc = subprocess.run([sys.executable, "-c", _OPEN_READ_ONLY, str(data_dir), str(ROOT), str(NOBODY)],
                                  capture_output=True, text=True, timeout=300)
        finally:
            for path in [data_dir, *data_dir.rglob("*")]:
                path.chmod(0o700 if path.is_dir() else 0o600)
        assert proc.returncode == 0, proc.stderr
        error = json.loads(proc.stdout.strip().splitlines()[-1])
        assert error is not None, "a journal in a folder without write permission opened as if it were writable"
        assert error["journal_error"], error
        assert "read-only" in error["message"].lower(), error
        after = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
        assert after == before  # nothing changed, nothing half-written, nothing left behind
        with Journal.open(data_dir, PASSPHRASE) as journal:
            assert journal.entries.get(kept).title == "kept"
    finally:
        if base != tmp_path:
            shutil.rmtree(base, ignore_errors=True)


# --- attachment files: written by Python, so ENOSPC can be injected mid-file ------------------------------
def test_full_disk_while_writing_an_attachment_file_attaches_nothing(journal, monkeypatch):
    from journal.storage import blobfiles

    entry = journal.entries.add(title="kept")
    journal.attachments.add_stream(entry.uuid, io.BytesIO(os.urandom(10_000)), "first.bin")
    files_before = sorted(p.name for _id, p in journal.blob_files.stored_files())
    written = [0]

    class FillingFileIO(io.FileIO):
        """The attachment file's writes: the disk fills up after 1.5 MB."""

        def write(self, data):
            if written[0] + len(data) > 1_500_000:  # the second 1 MiB chunk does not fit
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            written[0] += len(data)
            return super().write(data)

    monkeypatch.setattr(blobfiles.io, "FileIO", FillingFileIO)
    with pytest.raises(JournalError) as info:
        journal.attachments.add_stream(entry.uuid, io.BytesIO(os.urandom(3_000_000)), "video.mp4")
    monkeypatch.undo()
    assert written[0] > 1_000_000, "the injected failure was never reached"
    assert "full" in str(info.value).lower()
    assert [a.file_name for a in journal.attachments.list_for_entry(entry.uuid)] == ["first.bin"]
    assert sorted(p.name for _id, p in journal.blob_files.stored_files()) == files_before  # no partial file
    assert journal.verify() == []


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
