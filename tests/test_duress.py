"""The duress passphrase (journal/storage/duress.py) and the version-2 key file layout.

A duress unlock erases the real journal and opens the decoy; filling the decoy erases nothing;
key files with and without a duress slot look alike; every unlock does the same key-derivation
and slot work; a kill at every step of a duress unlock still ends with the real journal gone.
"""

from __future__ import annotations

import base64
import json
import math
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from conftest import FAST_KDF, PASSPHRASE
from journal.errors import InvalidInput, WrongPassphrase
from journal.storage import duress, erasing, keyslots
from journal.storage.keyslots import KeyFile
from journal.storage.vault import Journal, derive_data_key

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
DURESS = "pink elephant umbrella"
REAL_SECRET = "Задержание у метро: 12 человек"


def _fill_real(journal) -> None:
    entry = journal.entries.add(title=REAL_SECRET, body="Список задержанных")
    journal.people.add(display_name="Мария Иванова")
    journal.attachments.add_bytes(entry.uuid, b"protocol scan " * 2000, "protocol.txt")


def _set_with_decoy(journal, titles=("Shopping list", "Dentist on Tuesday")) -> None:
    duress.set_duress(journal, DURESS, decoy_name="Notes")
    editor = duress.DecoyEditor(journal, DURESS)
    for title in titles:
        editor.journal.entries.add(title=title, body="…")
    editor.save()


def _titles(journal) -> set[str]:
    return {e.title for e in journal.queries.page()}


def _tree(folder: Path) -> list[str]:
    """The files in `folder` (empty folders are ordinary: deleting attachments leaves them)."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if not p.is_dir())


def test_duress_unlock_erases_the_real_journal_and_opens_the_decoy(created, data_dir):
    journal = created.journal
    _fill_real(journal)
    _set_with_decoy(journal)
    journal.close()
    real_db = (data_dir / "journal.db").read_bytes()

    key = derive_data_key(data_dir, DURESS)
    with Journal.open_with_key(data_dir, key) as decoy:
        assert _titles(decoy) == {"Shopping list", "Dentist on Tuesday"}
        assert decoy.name == "Notes"
        assert not duress.is_set(decoy)  # the decoy knows nothing of a duress passphrase
    # The real journal is gone for good: neither its passphrase nor its recovery code opens it.
    with pytest.raises(WrongPassphrase):
        derive_data_key(data_dir, PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        derive_data_key(data_dir, recovery_code=created.recovery_code)
    assert (data_dir / "journal.db").read_bytes() != real_db
    # The same passphrase opens the same decoy again, as a normal journal would.
    with Journal.open(data_dir, DURESS) as again:
        assert _titles(again) == {"Shopping list", "Dentist on Tuesday"}
    # Nothing but an ordinary journal is left in the folder, once the overwrite behind is done.
    erasing.wait()
    assert _tree(data_dir) == ["journal.db", "journal.keys", "journal.lock"]


def test_the_real_passphrase_still_opens_the_real_journal(created, data_dir):
    _fill_real(created.journal)
    _set_with_decoy(created.journal)
    created.journal.close()
    with Journal.open(data_dir, PASSPHRASE) as journal:
        assert REAL_SECRET in _titles(journal)
        assert duress.is_set(journal)
    # The open's sweep kept the package (it is no attachment of the real journal).
    with Journal.open_with_key(data_dir, derive_data_key(data_dir, DURESS)) as decoy:
        assert _titles(decoy) == {"Shopping list", "Dentist on Tuesday"}


def test_filling_the_decoy_never_erases(created, data_dir):
    journal = created.journal
    _fill_real(journal)
    duress.set_duress(journal, DURESS)
    for round_ in range(2):
        editor = duress.DecoyEditor(journal, DURESS)
        editor.journal.entries.add(title=f"Decoy {round_}")
        editor.save()
        assert REAL_SECRET in _titles(journal)
    editor = duress.DecoyEditor(journal, DURESS)
    assert _titles(editor.journal) == {"Decoy 0", "Decoy 1"}
    editor.journal.entries.add(title="thrown away")
    editor.discard()
    with pytest.raises(WrongPassphrase):
        duress.DecoyEditor(journal, "not the duress passphrase")
    with pytest.raises(WrongPassphrase):
        duress.DecoyEditor(journal, PASSPHRASE)  # the real passphrase is not the duress one
    # Exactly one package left, no staging folder.
    assert len(duress.package_ids(journal)) == 1
    assert not list(data_dir.glob(".creating-*"))
    journal.close()
    with Journal.open(data_dir, DURESS) as decoy:
        assert _titles(decoy) == {"Decoy 0", "Decoy 1"}


def test_decoy_attachments_survive_the_duress_unlock(created, data_dir, tmp_path):
    journal = created.journal
    duress.set_duress(journal, DURESS)
    editor = duress.DecoyEditor(journal, DURESS)
    entry = editor.journal.entries.add(title="Holiday")
    editor.journal.attachments.add_bytes(entry.uuid, b"sand " * 5000, "beach.txt")
    editor.save()
    _fill_real(journal)
    journal.close()
    with Journal.open(data_dir, DURESS) as decoy:
        (att,) = decoy.attachments.list_for_entry(entry.uuid)
        out = tmp_path / "copy.txt"
        decoy.attachments.save_copy(att.uuid, out, strip=False)
        assert out.read_bytes() == b"sand " * 5000
        assert decoy.verify() == []
        # Only the decoy's own file is left in the attachment folder.
        assert len(list(decoy.blob_files.stored_files())) == 1


def test_set_refuses_the_real_passphrase_and_a_second_duress(journal):
    with pytest.raises(InvalidInput, match="different"):
        duress.set_duress(journal, PASSPHRASE)
    duress.set_duress(journal, DURESS)
    with pytest.raises(InvalidInput, match="already"):
        duress.set_duress(journal, "another duress one")


def test_the_passphrase_cannot_become_the_duress_passphrase(created, data_dir):
    journal = created.journal
    duress.set_duress(journal, DURESS)
    with pytest.raises(InvalidInput, match="different"):
        journal.change_passphrase(DURESS, kdf=FAST_KDF)
    journal.close()
    with Journal.open(data_dir, PASSPHRASE) as again:  # nothing was changed
        assert duress.is_set(again)


def test_remove_makes_the_slot_random_and_the_passphrase_wrong(created, data_dir):
    journal = created.journal
    _set_with_decoy(journal)
    package = duress.package_ids(journal)[0]
    duress.remove_duress(journal)
    assert not duress.is_set(journal)
    assert not journal.blob_files.path_of(package).exists()
    journal.close()
    with pytest.raises(WrongPassphrase):
        derive_data_key(data_dir, DURESS)
    with Journal.open(data_dir, PASSPHRASE) as again:
        assert again.name == "Test journal"


def test_a_missing_package_still_erases_and_opens_an_empty_decoy(created, data_dir):
    journal = created.journal
    _fill_real(journal)
    _set_with_decoy(journal)
    shutil.rmtree(data_dir / "attachments")
    journal.close()
    with Journal.open(data_dir, DURESS) as decoy:
        assert _titles(decoy) == set()
    with pytest.raises(WrongPassphrase):
        derive_data_key(data_dir, PASSPHRASE)


def test_a_key_change_keeps_the_duress_passphrase(created, data_dir):
    journal = created.journal
    _set_with_decoy(journal)
    journal.change_passphrase("a new passphrase!", kdf=FAST_KDF)
    result = journal.rotate_keys("a newer passphrase", kdf=FAST_KDF)
    journal.new_recovery_code(kdf=FAST_KDF)
    journal.close()
    assert result.recovery_code
    with Journal.open(data_dir, DURESS) as decoy:
        assert _titles(decoy) == {"Shopping list", "Dentist on Tuesday"}


# --- the same work whichever slot opens ---------------------------------------------------------
def _count_work(monkeypatch):
    counts = Counter()
    real_derive, real_open = keyslots._derive_kek, keyslots.open_slot

    def derive(secret, salt, params):
        counts["derive"] += 1
        return real_derive(secret, salt, params)

    def open_slot(kek, slot):
        counts["open"] += 1
        return real_open(kek, slot)

    monkeypatch.setattr(keyslots, "_derive_kek", derive)
    monkeypatch.setattr(keyslots, "open_slot", open_slot)
    return counts


def test_real_duress_and_wrong_passphrases_cost_the_same(created, data_dir, monkeypatch):
    _set_with_decoy(created.journal)
    created.journal.close()
    seen = {}
    for label, secret in (("wrong", "not it at all"), ("real", PASSPHRASE), ("duress", DURESS)):
        keys = KeyFile.load(data_dir / "journal.keys")
        counts = _count_work(monkeypatch)
        try:
            keys.match_passphrase(secret)
        except WrongPassphrase:
            pass
        seen[label] = dict(counts)
        monkeypatch.undo()
    assert seen["real"] == seen["duress"] == seen["wrong"] == {"derive": 1, "open": keyslots.SLOT_COUNT}


# --- key files with and without a duress passphrase look alike -------------------------------------
def _layout(doc: dict) -> dict:
    """Everything about a key file but the random bytes: keys, types, lengths."""
    def shape(value):
        if isinstance(value, dict):
            return {k: shape(v) for k, v in sorted(value.items())}
        if isinstance(value, list):
            return [shape(v) for v in value]
        if isinstance(value, str):
            return ("str", len(value))
        return (type(value).__name__, value if isinstance(value, int) else None)

    return shape(doc)


def _entropy(data: bytes) -> float:
    counts = Counter(data)
    return -sum(c / len(data) * math.log2(c / len(data)) for c in counts.values())


def test_key_files_with_and_without_duress_cannot_be_told_apart(tmp_path):
    with_duress, without = [], []
    for n in range(6):
        for target, set_it in ((with_duress, True), (without, False)):
            folder = tmp_path / f"{set_it}{n}"
            created = Journal.create(folder, PASSPHRASE, "J", kdf=FAST_KDF)
            if set_it:
                duress.set_duress(created.journal, DURESS)
            created.journal.close()
            target.append((folder / "journal.keys").read_bytes())
    sizes = {len(raw) for raw in with_duress + without}
    assert len(sizes) == 1  # the same size, byte for byte
    layouts = {json.dumps(_layout(json.loads(raw))) for raw in with_duress + without}
    assert len(layouts) == 1  # the same structure: keys, lengths, numbers
    # The duress slot's bytes are as random as an unused slot's: compare the pooled bytes of
    # slot 2 (set in one group, unused in the other) with each other and with a spare slot.
    def pooled(files, index):
        return b"".join(base64.b64decode(json.loads(raw)["slots"][index]) for raw in files)

    used, unused, spare = pooled(with_duress, 2), pooled(without, 2), pooled(without, 6)
    for sample in (used, unused, spare):
        assert _entropy(sample) > 7.2  # 552 bytes: the most a sample this size shows is ~7.5
    assert abs(_entropy(used) - _entropy(unused)) < 0.2


def test_version_1_key_file_converts_at_first_unlock(tmp_path):
    work = tmp_path / "v9"
    shutil.copytree(FIXTURES / "journal_v9", work)
    assert json.loads((work / "journal.keys").read_text())["version"] == 1
    with Journal.open(work, "fixture passphrase") as journal:
        assert journal.name is not None
    doc = json.loads((work / "journal.keys").read_text())
    assert doc["version"] == 2 and len(doc["slots"]) == keyslots.SLOT_COUNT
    # The passphrase moved into a version-2 slot; the recovery code's v1 slot stays as legacy
    # (its code is not at hand) until a new recovery code is made.
    assert [s["kind"] for s in doc["legacy_slots"]] == ["recovery"]
    assert not list(work.glob(".journal.keys.*.tmp"))
    with Journal.open(work, "fixture passphrase") as journal:
        duress.set_duress(journal, DURESS)
        journal.new_recovery_code(kdf=FAST_KDF)
    doc = json.loads((work / "journal.keys").read_text())
    assert "legacy_slots" not in doc
    with Journal.open(work, DURESS) as decoy:
        assert decoy.queries.page() == []


def test_version_2_key_file_fixture_opens(tmp_path):
    """A key file of version 2 written by this version (tests/fixtures/keyfile_v2, made by
    tools/make_keyfile_fixture.py), with a duress passphrase and a decoy: both still work."""
    work = tmp_path / "v2"
    shutil.copytree(FIXTURES / "keyfile_v2", work)
    assert json.loads((work / "journal.keys").read_text())["version"] == 2
    with Journal.open(work, "fixture passphrase") as journal:
        assert "Real entry" in _titles(journal) and duress.is_set(journal)
    with Journal.open(work, "fixture duress passphrase") as decoy:
        assert _titles(decoy) == {"Decoy entry"}


# --- a kill at any step of a duress unlock ----------------------------------------------------------
STEPS = ["keys-replaced", "erased", "unpacked", "decoy-keys-saved"]


@pytest.mark.parametrize("step", STEPS)
def test_killed_duress_unlock_still_ends_with_the_decoy(created, data_dir, step):
    _fill_real(created.journal)
    _set_with_decoy(created.journal)
    created.journal.close()
    script = textwrap.dedent("""
        import os, signal, sys
        sys.path.insert(0, sys.argv[1])
        from journal.storage import duress
        from journal.storage.vault import derive_data_key
        def hook(name):
            if name == sys.argv[3]:
                os.kill(os.getpid(), signal.SIGKILL)
        duress.test_hook = hook
        derive_data_key(sys.argv[2], sys.argv[4])
    """)
    proc = subprocess.run([sys.executable, "-c", script, str(ROOT), str(data_dir), step, DURESS], timeout=120)
    assert proc.returncode == -signal.SIGKILL
    # From the first step on the real journal is gone, whatever happens next.
    with pytest.raises(WrongPassphrase):
        derive_data_key(data_dir, PASSPHRASE)
    with Journal.open(data_dir, DURESS) as decoy:
        assert _titles(decoy) == {"Shopping list", "Dentist on Tuesday"}
        assert decoy.verify() == []
    erasing.wait()
    assert _tree(data_dir) == ["journal.db", "journal.keys", "journal.lock"]


def test_killed_before_the_key_file_changes_leaves_the_real_journal(created, data_dir, monkeypatch):
    """The one step before the real key is destroyed: the key file replace. A kill inside it
    (keys_io's own hook) leaves a key file that is either the old or the new one."""
    _fill_real(created.journal)
    _set_with_decoy(created.journal)
    created.journal.close()
    script = textwrap.dedent("""
        import os, signal, sys
        sys.path.insert(0, sys.argv[1])
        from journal.storage import keys_io
        from journal.storage.vault import derive_data_key
        keys_io.test_hook = lambda name: os.kill(os.getpid(), signal.SIGKILL)
        derive_data_key(sys.argv[2], sys.argv[3])
    """)
    proc = subprocess.run([sys.executable, "-c", script, str(ROOT), str(data_dir), DURESS], timeout=120)
    assert proc.returncode == -signal.SIGKILL
    # The old file was overwritten in place, the new one complete in the temp file: the new one
    # counts, so the erase goes on at the next duress unlock and the real passphrase is wrong.
    with pytest.raises(WrongPassphrase):
        derive_data_key(data_dir, PASSPHRASE)
    with Journal.open(data_dir, DURESS) as decoy:
        assert _titles(decoy) == {"Shopping list", "Dentist on Tuesday"}
    assert os.listdir(data_dir)


# --- the deferred overwrite (erasing.py) ------------------------------------------------------------
def test_the_overwrite_starts_only_after_the_decoy_is_in_place(created, data_dir, monkeypatch):
    """The slow part of the erase (overwriting the real database) waits until the decoy's key
    file is saved; the real key was destroyed before anything else."""
    _fill_real(created.journal)
    _set_with_decoy(created.journal)
    created.journal.close()
    events: list[str] = []
    monkeypatch.setattr(duress, "test_hook", events.append)
    monkeypatch.setattr(erasing, "test_hook", events.append)
    key = derive_data_key(data_dir, DURESS)
    erasing.wait()
    assert events[:4] == STEPS
    assert "overwriting" in events and events.index("overwriting") > events.index("decoy-keys-saved")
    with Journal.open_with_key(data_dir, key) as decoy:
        assert _titles(decoy) == {"Shopping list", "Dentist on Tuesday"}
    assert erasing.pending(data_dir) == []


def test_a_kill_during_the_deferred_overwrite_is_finished_at_the_next_unlock(created, data_dir):
    _fill_real(created.journal)
    _set_with_decoy(created.journal)
    created.journal.close()
    real_db = (data_dir / "journal.db").read_bytes()
    script = textwrap.dedent("""
        import os, signal, sys
        sys.path.insert(0, sys.argv[1])
        from journal.storage import erasing
        from journal.storage.vault import derive_data_key
        erasing.START_DELAY = 0
        erasing.test_hook = lambda name: os.kill(os.getpid(), signal.SIGKILL)
        derive_data_key(sys.argv[2], sys.argv[3])
        erasing.wait()
    """)
    proc = subprocess.run([sys.executable, "-c", script, str(ROOT), str(data_dir), DURESS], timeout=120)
    assert proc.returncode == -signal.SIGKILL
    # Killed before the first file was overwritten: the real database is still there, aside,
    # but its key is gone, so nothing of it can be read.
    (left,) = [folder for folder in erasing.pending(data_dir) if (folder / "journal.db").exists()]
    assert (left / "journal.db").read_bytes()[:4096] == real_db[:4096]
    with pytest.raises(WrongPassphrase):
        derive_data_key(data_dir, PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        derive_data_key(data_dir, recovery_code=created.recovery_code)
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert REAL_SECRET.encode() not in path.read_bytes()
    # The next unlock (of the decoy: the only journal left) finishes the overwrite.
    with Journal.open(data_dir, DURESS) as decoy:
        assert _titles(decoy) == {"Shopping list", "Dentist on Tuesday"}
    erasing.wait()
    assert erasing.pending(data_dir) == []
    assert _tree(data_dir) == ["journal.db", "journal.keys", "journal.lock"]


def test_an_emergency_erase_also_finishes_a_deferred_overwrite(tmp_path):
    from journal.storage.vault import erase_journal

    folder = erasing.new_folder(tmp_path)
    (folder / "journal.db").write_bytes(b"x" * 5000)
    (folder / "attachments" / "ab").mkdir(parents=True)
    (folder / "attachments" / "ab" / ("ab" + "0" * 30)).write_bytes(b"y" * 100)
    erase_journal(tmp_path)
    assert erasing.pending(tmp_path) == []


# --- backups and travel packages carry the decoy ----------------------------------------------------
def test_a_backup_carries_the_decoy_and_a_restore_keeps_the_duress_passphrase(created, data_dir, tmp_path):
    from journal.storage.backup import restore_backup, write_backup

    journal = created.journal
    _fill_real(journal)
    _set_with_decoy(journal)
    report = write_backup(journal, tmp_path / "b.ijbackup")
    assert report.attachment_files == 2  # the real attachment and the decoy's package
    journal.close()
    target = tmp_path / "restored"
    restore_backup(tmp_path / "b.ijbackup", target)
    with Journal.open(target, PASSPHRASE) as real:
        assert REAL_SECRET in _titles(real) and duress.is_set(real)
        assert real.verify() == []
    with Journal.open(target, DURESS) as decoy:  # erases the restored real journal, as designed
        assert _titles(decoy) == {"Shopping list", "Dentist on Tuesday"}
    with pytest.raises(WrongPassphrase):
        derive_data_key(target, PASSPHRASE)


def test_a_travel_package_carries_the_decoy(created, data_dir, tmp_path):
    from journal.travel import prepare_to_file, restore_from_file

    journal = created.journal
    _fill_real(journal)
    _set_with_decoy(journal)
    prepare_to_file(journal, tmp_path / "p.ijtravel", created.recovery_code, work_factor=10)
    journal.close()
    restore_from_file(tmp_path / "p.ijtravel", tmp_path / "back", created.recovery_code)
    with Journal.open(tmp_path / "back", PASSPHRASE) as real:
        assert duress.is_set(real)
    with Journal.open(tmp_path / "back", DURESS) as decoy:
        assert _titles(decoy) == {"Shopping list", "Dentist on Tuesday"}
