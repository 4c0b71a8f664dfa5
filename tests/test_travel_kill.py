"""SIGKILL at several points of "prepare for travel" and "restore after travel": nothing is lost.

A worker process runs the real core functions and kills itself (SIGKILL: no cleanup, no
finally) at a chosen point. Afterwards either the journal is whole, or the package at its final
name is, and a second run succeeds; the restored journal is the journal before the journey.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from journal.storage.vault import Journal, journal_exists
from journal.travel import prepare_to_file, restore_from_file
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.test_export import db_digest, populate

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
ROOT = Path(__file__).resolve().parent.parent
WF = 10

WORKER = textwrap.dedent("""
    import os, signal, sys
    sys.path.insert(0, sys.argv[1])
    import journal.storage.backup as backup
    import journal.storage.vault as vault
    import journal.travel.package as package
    from journal.storage.vault import Journal
    from journal.travel import erase_after_travel, prepare_to_file, restore_from_file

    mode, point, data_dir, out, code, passphrase = sys.argv[2:8]

    def die(*_args, **_kwargs):
        os.kill(os.getpid(), signal.SIGKILL)

    def at_fraction(low):
        def progress(done, total):
            if total and done >= low * total:
                die()
        return progress

    progress = None
    if point == "write":
        progress = at_fraction(0.2)          # while the package is being written
    elif point == "verify":
        progress = at_fraction(0.7)          # while it is read back
    elif point == "renamed":
        package.fsync_dir = die              # renamed into place, journal not yet erased
    elif point == "erasing":
        vault.fsync_dir = die                # the key file erased, the database not yet
    elif point == "extract":
        progress = at_fraction(0.5)          # restore: while unpacking
    elif point == "staged":
        real_check = package._check_staged
        def check(*args, **kwargs):
            real_check(*args, **kwargs)
            die()
        package._check_staged = check
    elif point == "commit":
        real_replace = os.replace
        def replace(src, dst, *a, **k):
            if str(dst).endswith("journal.keys") and ".restore-" in str(src):
                die()                        # the database is in, the key file not yet
            return real_replace(src, dst, *a, **k)
        backup.os.replace = replace

    if mode == "prepare":
        j = Journal.open(data_dir, passphrase)
        prepare_to_file(j, out, code, work_factor=10, progress=progress)
        erase_after_travel(j)
    else:
        restore_from_file(out, data_dir, code, progress=progress)
    print("done", flush=True)
""")


def run_worker(mode, point, data_dir, out, code) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", WORKER, str(ROOT), mode, point, str(data_dir), str(out), code,
                           PASSPHRASE], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def make(tmp_path):
    created = Journal.create(tmp_path / "doc", PASSPHRASE, "Olena K.", kdf=FAST_KDF)
    journal = created.journal
    populate(journal)
    big = tmp_path / "video.bin"
    big.write_bytes(os.urandom(4 * 1024 * 1024))
    entry = journal.entries.add(title="with a big file")
    journal.attachments.add_file(entry.uuid, big)
    digest = db_digest(journal)
    journal.close()
    return created.recovery_code, digest


def digest_of(data_dir) -> str:
    j = Journal.open(data_dir, PASSPHRASE)
    try:
        assert j.verify() == []
        return db_digest(j)
    finally:
        j.close()


@pytest.mark.parametrize("point", ["write", "verify", "renamed", "erasing"])
def test_sigkill_during_prepare_loses_nothing(tmp_path, point):
    code, digest = make(tmp_path)
    data_dir, out = tmp_path / "doc", tmp_path / "usb" / "p.ijtravel"
    out.parent.mkdir()
    result = run_worker("prepare", point, data_dir, out, code)
    assert result.returncode == -signal.SIGKILL, result.stderr
    if point in ("write", "verify"):
        assert not out.exists()  # never a half-proven package under the final name
    if point in ("renamed", "erasing"):
        assert out.exists()
    if point != "erasing":
        assert digest_of(data_dir) == digest  # the journal is whole
        j = Journal.open(data_dir, PASSPHRASE)
        report = prepare_to_file(j, tmp_path / "usb" / "again.ijtravel", code, work_factor=WF)  # runs again
        j.close()
        out = report.path
    else:
        # The journal is unreadable now (its key file went first) and the package is proven: finish
        # the erase, then the package restores whole.
        from journal.storage.vault import erase_journal

        assert not (data_dir / "journal.keys").exists()
        erase_journal(data_dir)
    target = tmp_path / "restored"
    restore_from_file(out, target, code)
    assert digest_of(target) == digest


@pytest.mark.parametrize("point", ["extract", "staged", "commit"])
def test_sigkill_during_restore_loses_nothing(tmp_path, point):
    code, digest = make(tmp_path)
    data_dir, out = tmp_path / "doc", tmp_path / "p.ijtravel"
    j = Journal.open(data_dir, PASSPHRASE)
    prepare_to_file(j, out, code, work_factor=WF)
    j.close()
    package_bytes = out.read_bytes()
    target = tmp_path / "restored"
    result = run_worker("restore", point, target, out, code)
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert out.read_bytes() == package_bytes  # the package is never touched
    assert not (target / "journal.keys").exists()  # nothing half-restored opens
    restore_from_file(out, target, code)  # and a second run succeeds
    assert journal_exists(target) and digest_of(target) == digest
    assert not list(target.glob(".restore-*")) and not list(target.glob(".travel-*"))
