"""Travel mode (journal/travel/): seal the whole journal, prove it, erase, restore it whole."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from journal.errors import Cancelled, InvalidInput, JournalExists, WrongPassphrase
from journal.exchange.exporter import ExportOptions
from journal.storage.keyslots import new_recovery_code
from journal.storage.paths import journal_files
from journal.storage.vault import Journal, journal_exists
from journal.travel import (
    TravelError,
    code_passphrase,
    erase_after_travel,
    prepare_to_file,
    restore_from_file,
)
from journal.travel.package import table_digests
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.test_export import add_coordinator, db_digest, make_journal, populate

#: Tests use a cheap scrypt cost; the default (18) is what people get.
WF = 10


def full_journal(tmp_path: Path):
    """A documenter journal with everything travel must carry, plus its coordinator."""
    documenter = Journal.create(tmp_path / "doc", PASSPHRASE, "Olena K.", kdf=FAST_KDF)
    coordinator = make_journal(tmp_path / "coord", "Coordinators HQ")
    record = add_coordinator(documenter.journal, coordinator)
    sample = populate(documenter.journal)
    documenter.journal.entries.update(sample["entry"].uuid, body="Второй вариант текста")
    big = tmp_path / "video.bin"
    big.write_bytes(os.urandom(3 * 1024 * 1024 + 17))
    documenter.journal.attachments.add_file(sample["entry"].uuid, big)
    return documenter, coordinator, record, sample


def test_code_passphrase_is_the_code_as_shown():
    code = new_recovery_code()
    assert code_passphrase(code.lower().replace("-", " ")) == code.encode()
    with pytest.raises(InvalidInput):
        code_passphrase("short")


def test_prepare_erase_restore_round_trip(tmp_path):
    documenter, coordinator, record, sample = full_journal(tmp_path)
    journal, code = documenter.journal, documenter.recovery_code
    card_before = journal.identity.card_text()
    # The coordinator knows this sender from a bundle sent before the journey.
    before = tmp_path / "before.ijbundle"
    journal.exporter.export(before, [record.uuid], all_entries=True, options=ExportOptions(allow_uncleaned=True))
    assert coordinator.importer.import_bundle(before, trust_new=True).status == "accepted"
    digest_before = db_digest(journal)
    data_dir = journal.data_dir
    progress = []
    stages = []
    (tmp_path / "usb").mkdir()
    report = prepare_to_file(journal, tmp_path / "usb", code, work_factor=WF,
                             progress=lambda d, t: progress.append((d, t)), stage=stages.append)
    assert report.path.parent == tmp_path / "usb" and report.path.suffix == ".ijtravel"
    assert report.entries == 1 and report.attachment_files == 2
    assert stages == ["code", "write", "verify"]
    assert progress and progress[-1][0] <= progress[-1][1]
    assert all(d <= t for d, t in progress)
    assert [p.name for p in (tmp_path / "usb").iterdir()] == [report.path.name]  # no temp file left

    erased = erase_after_travel(journal)
    assert "journal.keys" in erased and not data_dir.exists()

    restored = restore_from_file(report.path, data_dir, code)
    assert restored.entries == 1 and restored.attachment_files == 2
    back = Journal.open(data_dir, PASSPHRASE)  # the same passphrase, the same key file
    try:
        assert db_digest(back) == digest_before
        assert back.verify() == []
        assert back.identity.card_text() == card_before
        entry = back.entries.get(sample["entry"].uuid)
        assert entry.revision == 2 and entry.body == "Второй вариант текста"
        assert len(back.attachments.list_for_entry(entry.uuid)) == 2
        # A coordinator still recognises the sender: a bundle exported after the restore
        # verifies against the card it had before the journey.
        bundle = tmp_path / "after.ijbundle"
        back.exporter.export(bundle, [record.uuid], all_entries=True, options=ExportOptions(allow_uncleaned=True))
        result = coordinator.importer.import_bundle(bundle)  # no trust_new: a known sender
        assert result.status == "accepted", result.reason
        assert result.sender.fingerprint == back.identity.fingerprint
        (sender,) = coordinator.senders.list()
        assert sender.bundle_count == 2
    finally:
        back.close()
        coordinator.close()
    # The recovery code opens the restored journal too.
    Journal.open(data_dir, recovery_code=code).close()


def test_wrong_code_is_refused_before_anything_is_written(tmp_path):
    documenter, coordinator, _record, _sample = full_journal(tmp_path)
    coordinator.close()
    out = tmp_path / "pkg.ijtravel"
    with pytest.raises(WrongPassphrase):
        prepare_to_file(documenter.journal, out, new_recovery_code(), work_factor=WF)
    with pytest.raises(InvalidInput):
        prepare_to_file(documenter.journal, out, PASSPHRASE, work_factor=WF)  # not even a code
    assert not out.exists() and list(tmp_path.glob(".pkg*")) == []
    documenter.journal.close()


def test_passphrase_alone_does_not_open_the_package(tmp_path):
    documenter, coordinator, _record, _sample = full_journal(tmp_path)
    coordinator.close()
    journal = documenter.journal
    report = prepare_to_file(journal, tmp_path / "p.ijtravel", documenter.recovery_code, work_factor=WF)
    erase_after_travel(journal)
    with pytest.raises(InvalidInput):
        restore_from_file(report.path, tmp_path / "doc", PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        restore_from_file(report.path, tmp_path / "doc", new_recovery_code())
    assert not journal_exists(tmp_path / "doc")


@pytest.mark.parametrize("where", ["header", "middle", "end", "truncate"])
def test_damaged_package_is_refused_and_nothing_is_restored(tmp_path, where):
    documenter, coordinator, _record, _sample = full_journal(tmp_path)
    coordinator.close()
    report = prepare_to_file(documenter.journal, tmp_path / "p.ijtravel", documenter.recovery_code, work_factor=WF)
    documenter.journal.close()
    data = bytearray(report.path.read_bytes())
    if where == "truncate":
        data = data[:-70_000]
    else:
        at = {"header": 60, "middle": len(data) // 2, "end": len(data) - 5}[where]
        data[at] ^= 0x01
    bad = tmp_path / "bad.ijtravel"
    bad.write_bytes(bytes(data))
    target = tmp_path / "restored"
    with pytest.raises((TravelError, WrongPassphrase)):
        restore_from_file(bad, target, documenter.recovery_code)
    assert not journal_exists(target)
    assert not target.exists() or [p.name for p in target.iterdir()] in ([], ["journal.lock"])


def test_a_package_that_does_not_verify_is_never_renamed_and_the_journal_stays(tmp_path, monkeypatch):
    """Refuse on any doubt: a package whose records differ from the journal's is deleted."""
    from journal.travel import package

    documenter, coordinator, _record, _sample = full_journal(tmp_path)
    coordinator.close()
    journal = documenter.journal
    real = package.table_digests
    calls = []

    def off_by_one(conn):
        found = real(conn)
        calls.append(1)
        if len(calls) == 2:  # the package's side
            found["entries"] = (found["entries"][0] + 1, found["entries"][1])
        return found

    monkeypatch.setattr(package, "table_digests", off_by_one)
    out = tmp_path / "p.ijtravel"
    with pytest.raises(TravelError, match="same records"):
        prepare_to_file(journal, out, documenter.recovery_code, work_factor=WF)
    assert not out.exists() and list(tmp_path.glob(".p.ijtravel*")) == []
    assert journal.verify() == [] and journal_exists(journal.data_dir)
    assert not list(journal.data_dir.glob(".travel-*")) and not list(journal.data_dir.glob(".backup-*"))
    journal.close()


def test_cancel_leaves_nothing_and_the_journal_whole(tmp_path):
    documenter, coordinator, _record, _sample = full_journal(tmp_path)
    coordinator.close()
    journal = documenter.journal
    stop = threading.Event()

    def progress(done, total):
        if done > 1024 * 1024:
            stop.set()

    out = tmp_path / "p.ijtravel"
    with pytest.raises(Cancelled):
        prepare_to_file(journal, out, documenter.recovery_code, work_factor=WF, progress=progress, cancel=stop)
    assert not out.exists() and list(tmp_path.glob(".p.ijtravel*")) == []
    assert journal.verify() == []
    report = prepare_to_file(journal, out, documenter.recovery_code, work_factor=WF)
    erase_after_travel(journal)
    stop.clear()
    target = tmp_path / "doc"
    with pytest.raises(Cancelled):
        restore_from_file(report.path, target, documenter.recovery_code, progress=progress, cancel=stop)
    assert not journal_exists(target)
    restore_from_file(report.path, target, documenter.recovery_code)
    Journal.open(target, PASSPHRASE).close()


def test_restore_refuses_an_existing_journal(tmp_path):
    documenter, coordinator, _record, _sample = full_journal(tmp_path)
    report = prepare_to_file(documenter.journal, tmp_path / "p.ijtravel", documenter.recovery_code, work_factor=WF)
    documenter.journal.close()
    with pytest.raises(JournalExists):
        restore_from_file(report.path, coordinator.data_dir, documenter.recovery_code)
    coordinator.close()


def test_prepare_refuses_to_overwrite_a_file(tmp_path):
    documenter, coordinator, _record, _sample = full_journal(tmp_path)
    coordinator.close()
    existing = tmp_path / "p.ijtravel"
    existing.write_bytes(b"keep me")
    with pytest.raises(InvalidInput):
        prepare_to_file(documenter.journal, existing, documenter.recovery_code, work_factor=WF)
    assert existing.read_bytes() == b"keep me"
    documenter.journal.close()


def test_table_digests_see_every_record(journal):
    before = table_digests(journal.db.conn)
    journal.entries.add(title="x")
    after = table_digests(journal.db.conn)
    assert before["entries"] != after["entries"] and before["revisions"] != after["revisions"]


def test_an_interrupted_restore_is_cleaned_up_and_runs_again(tmp_path):
    """A restore killed after the database moved in but before the key file: no journal opens,
    the staging folder still has the key file; a second restore clears it and succeeds."""
    documenter, coordinator, _record, _sample = full_journal(tmp_path)
    coordinator.close()
    journal = documenter.journal
    report = prepare_to_file(journal, tmp_path / "p.ijtravel", documenter.recovery_code, work_factor=WF)
    erase_after_travel(journal)
    target = tmp_path / "doc"
    restore_from_file(report.path, target, documenter.recovery_code)
    staging = target / ".restore-abcdef"
    staging.mkdir()
    os.replace(journal_files(target)["keys"], staging / "journal.keys")
    assert journal_exists(target)  # the database is there, without its key file
    restore_from_file(report.path, target, documenter.recovery_code)
    assert not staging.exists()
    Journal.open(target, PASSPHRASE).close()


# --- the coordinator's drop folder, over a real loopback WebDAV server ---------------------------
@pytest.fixture
def dav(tmp_path):
    from webdav_server import ThreadedServer, webdav_app

    root = tmp_path / "dav-root"
    root.mkdir()
    server = ThreadedServer(webdav_app({"/private": root}, users={"/private": {"alice": "s3cret"}}))
    try:
        yield server, root
    finally:
        server.stop()


def test_prepare_to_drop_reads_back_then_restore_fetches_it(tmp_path, dav):
    from journal.exchange.transport import NetworkSettings
    from journal.travel.drop import prepare_to_drop, restore_from_drop

    server, root = dav
    documenter, coordinator, record, _sample = full_journal(tmp_path)
    journal, code = documenter.journal, documenter.recovery_code
    url = server.url("/private/")
    journal.outbox.set_drop(record, url, "alice", "s3cret")
    folder = journal.outbox.drop(record)
    digest = db_digest(journal)
    fast = NetworkSettings(connect_timeout=5, read_timeout=10, write_timeout=10, max_attempts=2, backoff_base=0)
    stages = []
    report = prepare_to_drop(journal, folder, fast, code, work_factor=WF, stage=stages.append)
    assert stages == ["code", "write", "verify", "upload", "read-back"]
    assert report.remote_name.endswith(".ijtravel") and report.folder_url == url
    assert [p.name for p in root.iterdir()] == [report.remote_name]
    assert not list(journal.data_dir.glob("*travel*"))  # the local copy is gone
    data_dir = journal.data_dir
    erase_after_travel(journal)
    # Someone else's package in the same folder (another code) is skipped.
    junk = root / ("0" * 32 + ".ijtravel")
    junk.write_bytes(b"not a package")
    os.utime(junk, (junk.stat().st_mtime + 60, junk.stat().st_mtime + 60))  # the newest: tried first
    restored = restore_from_drop(url, data_dir, code, user="alice", password="s3cret", settings=fast)
    assert restored.entries == 1
    back = Journal.open(data_dir, PASSPHRASE)
    try:
        assert db_digest(back) == digest
    finally:
        back.close()
        coordinator.close()


def test_a_nextcloud_file_drop_is_refused_before_anything_is_made(tmp_path):
    from journal.exchange.transport import NetworkSettings
    from journal.travel.drop import prepare_to_drop

    documenter, coordinator, record, _sample = full_journal(tmp_path)
    journal = documenter.journal
    journal.outbox.set_drop(record, "https://cloud.example.org/s/AbCdEf123456", None, None)
    with pytest.raises(TravelError, match="file drop"):
        prepare_to_drop(journal, journal.outbox.drop(record), NetworkSettings(), documenter.recovery_code)
    assert journal.verify() == []
    journal.close()
    coordinator.close()


def test_drop_that_gives_back_other_bytes_is_doubt(tmp_path, dav):
    from journal.exchange.transport import NetworkSettings, WebDavClient
    from journal.travel.drop import prepare_to_drop

    server, _root = dav
    documenter, coordinator, record, _sample = full_journal(tmp_path)
    journal = documenter.journal
    journal.outbox.set_drop(record, server.url("/private/"), "alice", "s3cret")

    class Lying(WebDavClient):
        def download(self, remote_file, dst, max_size, progress=None, cancel=None):
            dst.write(b"\0" * (remote_file.size or 1))
            return remote_file.size or 1

    with pytest.raises(TravelError, match="not the same"):
        prepare_to_drop(journal, journal.outbox.drop(record), NetworkSettings(max_attempts=1), documenter.recovery_code,
                        work_factor=WF, client_factory=Lying)
    assert journal.verify() == [] and journal_exists(journal.data_dir)
    journal.close()
    coordinator.close()
