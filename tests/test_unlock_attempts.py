"""Failed unlocks are counted against the journal, by every face of the app (issue 19, item 2).

Before: only the GUI counted, in the config folder keyed by the folder's absolute path, so 7
wrong passphrases through the CLI erased nothing and a symlink started a fresh count.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import PASSPHRASE

from journal.cli import main
from journal.errors import InvalidInput, WrongPassphrase
from journal.storage.attempts import ATTEMPTS_FILE, JournalErased, UnlockAttempts, configured_erase_after
from journal.storage.paths import journal_files
from journal.storage.vault import Journal, derive_data_key, journal_exists

ROOT = Path(__file__).resolve().parent.parent


def _save_limit(limit: int) -> None:
    """The app-wide setting, as the GUI's Safety settings save it (ui/common/settings.py)."""
    from ui.common.settings import Settings, save_settings

    save_settings(Settings(erase_after_failed=limit))


@pytest.fixture
def cli_wrong(created, data_dir, tmp_path, capsys):
    created.journal.close()
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase at all\n")

    def run(*argv, data=None):
        code = main(["--data-dir", str(data or data_dir), "--passphrase-file", str(wrong), *argv])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def test_core_reads_the_gui_setting():
    assert configured_erase_after() == 0
    _save_limit(7)
    assert configured_erase_after() == 7
    settings = Path(os.environ["JOURNAL_CONFIG_HOME"]) / "settings.json"
    assert str(Path.home()) not in settings.read_text()  # no path in app-wide settings


def test_cli_failures_count_and_erase_at_the_limit(cli_wrong, data_dir):
    _save_limit(5)
    for n in range(1, 5):
        code, _out, err = cli_wrong("list")
        assert code == 1 and "Wrong passphrase" in err
        assert UnlockAttempts(data_dir).count == n
    assert journal_exists(data_dir)
    code, _out, err = cli_wrong("list")
    assert code == 1 and "erased" in err
    assert not journal_exists(data_dir)
    assert not any(p.exists() for p in journal_files(data_dir).values())
    assert not (data_dir / ATTEMPTS_FILE).exists()


def test_a_symlink_does_not_start_a_fresh_count(cli_wrong, data_dir, tmp_path):
    link = tmp_path / "link"
    link.symlink_to(data_dir, target_is_directory=True)
    cli_wrong("list")
    cli_wrong("list", data=link)
    cli_wrong("verify", data=link)
    assert UnlockAttempts(data_dir).count == 3 == UnlockAttempts(link).count
    # A moved (renamed) journal keeps its count too.
    moved = tmp_path / "moved"
    data_dir.rename(moved)
    assert UnlockAttempts(moved).count == 3


def test_right_passphrase_resets_and_malformed_code_does_not_count(created, data_dir):
    created.journal.close()
    with pytest.raises(WrongPassphrase):
        derive_data_key(data_dir, "wrong wrong wrong")
    with pytest.raises(WrongPassphrase):
        derive_data_key(data_dir, recovery_code="AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")
    assert UnlockAttempts(data_dir).count == 2
    with pytest.raises(InvalidInput):
        derive_data_key(data_dir, recovery_code="too short")
    assert UnlockAttempts(data_dir).count == 2
    derive_data_key(data_dir, PASSPHRASE)
    assert UnlockAttempts(data_dir).count == 0
    assert not (data_dir / ATTEMPTS_FILE).exists()


def test_recovery_code_attempts_reach_the_limit_too(created, data_dir):
    created.journal.close()
    for _ in range(4):
        with pytest.raises(WrongPassphrase):
            derive_data_key(data_dir, recovery_code="AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA", erase_after=5)
    with pytest.raises(JournalErased):
        derive_data_key(data_dir, recovery_code="AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA", erase_after=5)
    assert not journal_exists(data_dir)


def test_killing_the_process_while_the_passphrase_is_checked_still_counts(created, data_dir):
    """The attempt is counted before the (slow) key derivation, so killing the process the
    moment it would report "wrong" does not escape the count."""
    created.journal.close()
    script = textwrap.dedent("""
        import sys, time
        sys.path.insert(0, sys.argv[1])
        from journal.storage import keyslots
        from journal.storage.vault import derive_data_key
        def slow(self, passphrase):
            print("deriving", flush=True)
            time.sleep(60)
        keyslots.KeyFile.unlock_with_passphrase = slow
        derive_data_key(sys.argv[2], "a guess")
    """)
    proc = subprocess.Popen([sys.executable, "-c", script, str(ROOT), str(data_dir)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "deriving"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert UnlockAttempts(data_dir).count == 1


def test_count_file_holds_nothing_but_the_count(created, data_dir):
    created.journal.close()
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            derive_data_key(data_dir, "wrong wrong wrong")
    raw = (data_dir / ATTEMPTS_FILE).read_bytes()
    assert raw == b"..."
    assert oct((data_dir / ATTEMPTS_FILE).stat().st_mode & 0o777) == "0o600"


def test_legacy_count_from_the_config_folder_is_adopted(created, data_dir):
    import hashlib

    created.journal.close()
    legacy = Path(os.environ["JOURNAL_CONFIG_HOME"]) / "unlock-attempts.json"
    legacy.parent.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(os.fsencode(os.path.abspath(data_dir))).hexdigest()
    legacy.write_text(json.dumps({"format": "incident-journal-unlock-attempts", "version": 1,
                                  "folders": {key: 3, "other": 1}}))
    with pytest.raises(WrongPassphrase):
        derive_data_key(data_dir, "wrong wrong wrong")
    assert UnlockAttempts(data_dir).count == 4
    assert json.loads(legacy.read_text())["folders"] == {"other": 1}


def test_cli_rotate(created, data_dir, tmp_path, capsys, fast_kdf):
    import io

    entry = created.journal.entries.add(title="t")
    created.journal.attachments.add_stream(entry.uuid, io.BytesIO(b"x" * 100_000), "a.bin")
    created.journal.close()
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(PASSPHRASE + "\n")
    new.write_text("the new passphrase after the border\n")
    code = main(["--data-dir", str(data_dir), "--passphrase-file", str(old), "passwd", "--rotate",
                 "--new-passphrase-file", str(new)])
    out = capsys.readouterr().out
    assert code == 0
    code_line = [line.strip() for line in out.splitlines() if line.startswith("    ")][0]
    assert "old passphrase" in out and "Backups made before now" in out
    with pytest.raises(WrongPassphrase):
        Journal.open(data_dir, PASSPHRASE)
    with Journal.open(data_dir, recovery_code=code_line) as journal:
        assert journal.verify() == []


def test_cli_rotate_interrupted_with_ctrl_c_changes_nothing(created, data_dir, tmp_path):
    """Ctrl+C is the CLI's Cancel: during the re-encryption it removes the new files and leaves
    the old passphrase and keys in force."""
    import io
    import signal
    import subprocess
    import sys
    import time

    journal = created.journal
    entry = journal.entries.add(title="t")
    for i in range(3):
        journal.attachments.add_stream(entry.uuid, io.BytesIO(bytes([i]) * (40 << 20)), f"{i}.bin")
    before = {fid for fid, _p in journal.blob_files.stored_files()}
    journal.close()
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(PASSPHRASE + "\n")
    new.write_text("the new passphrase after the border\n")
    # After each new file the rotation pauses (rotation.test_hook), so Ctrl+C lands while it runs:
    # on a quiet machine the three files were re-encrypted before the signal arrived (CI, 2026-12-07).
    # Ctrl+C as a terminal delivers it: Python turns SIGINT into KeyboardInterrupt only if the parent
    # process left it at its default, and in a full test run something before this test leaves it
    # ignored or blocked (the CLI then finished the rotation: exit 0). The child says what it found.
    script = ("import sys, time, signal; "
              "sys.stderr.write(f'SIGINT was {signal.getsignal(signal.SIGINT)!r}, blocked: '"
              "f'{signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, [])}\\n'); "
              "signal.signal(signal.SIGINT, signal.default_int_handler); "
              "signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGINT]); "
              "sys.path.insert(0, sys.argv[1]); import journal.storage.keyslots as k; "
              "import journal.storage.rotation as r; "
              "r.test_hook = lambda name: time.sleep(2) if name == 'file-written' else None; "
              "from conftest import FAST_KDF; k.DEFAULT_KDF = FAST_KDF; from journal.cli import main; "
              "sys.exit(main(sys.argv[2:]))")
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.Popen([sys.executable, "-c", script, str(root), "--data-dir", str(data_dir), "--passphrase-file",
                             str(old), "passwd", "--rotate", "--new-passphrase-file", str(new)],
                            env={**os.environ, "PYTHONPATH": str(root / "tests")}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        files = list((data_dir / "attachments").rglob("*"))
        if len([p for p in files if p.is_file()]) > len(before):
            break
        time.sleep(0.005)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    with Journal.open(data_dir, PASSPHRASE) as reopened:
        assert {fid for fid, _p in reopened.blob_files.stored_files()} == before
        assert reopened.verify() == []
