"""Export of bundles: read back with the real `age` and `tar`, redaction, selection, history.

The helpers at the top (two journals, sample content, decrypting in memory, a digest of every
table) are shared with tests/test_import*.py and tests/test_cli_bundles.py.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import subprocess
import tarfile
from pathlib import Path

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from journal.errors import Cancelled, InvalidInput
from journal.exchange.exporter import ExportOptions, NothingToSend
from journal.storage.vault import Journal
from tests.conftest import FAST_KDF, PASSPHRASE, needs_tool

PHOTOS = Path(__file__).parent / "data" / "photos"
PHONE_CANARY = "+79001234567"
HANDLE_CANARY = "signal:+79007654321"
SENSITIVE_NAME = "Тайный Свидетель Canary"
SENSITIVE_PHONE = "+79990000001"
GPS_CANARIES = (b"Exif\x00\x00", b"NIKON")


# --- shared helpers -------------------------------------------------------------------------------
def make_journal(path: Path, name: str) -> Journal:
    return Journal.create(path, PASSPHRASE, name, kdf=FAST_KDF, card_name=name).journal


def add_coordinator(documenter: Journal, coordinator: Journal):
    return documenter.coordinators.add(coordinator.identity.card_text(), verified=True)


def populate(journal: Journal, *, photo: bool = True, title: str = "Задержание у ОВД №5 🚓") -> dict:
    """One entry with a person (phone, handle), a sensitive witness, a contact-log call and a photo."""
    entry = journal.entries.add(title=title, body="Трое задержаны; адвоката не пустили. «Кавычки» — ✓",
                                category="detention", tags=["протест", "ОВД"], place="Москва",
                                occurred_at="2024-03-05T14:10+03:00", latitude=55.75, longitude=37.62)
    person = journal.people.add(name="Иван Петров", phones=[PHONE_CANARY], handles=[HANDLE_CANARY],
                                roles=["detainee"], notes="брат работает в ОВД")
    secret = journal.people.add(name=SENSITIVE_NAME, phones=[SENSITIVE_PHONE], roles=["witness"],
                                sensitive=True)
    journal.people.link(entry.uuid, person.uuid, "detained")
    journal.people.link(entry.uuid, secret.uuid, "witness")
    log = journal.contact_log.add(people=[person.uuid, secret.uuid], channel="call", direction="incoming",
                                  summary="Мать позвонила в 14:10", entries=[entry.uuid],
                                  follow_up_due="2024-03-06", follow_up_note="позвонить адвокату")
    attachment = journal.attachments.add_file(entry.uuid, PHOTOS / "DSCN0010.jpg") if photo else None
    return {"entry": entry, "person": person, "secret": secret, "log": log, "attachment": attachment}


def decrypt_bundle(path: Path, journal: Journal) -> bytes:
    """The plaintext tar of a bundle, in memory (tests only)."""
    identity = pyrage.x25519.Identity.from_str(journal.identity.get().age_secret_key)
    return pyrage.decrypt(Path(path).read_bytes(), [identity])


def tar_members(plain: bytes) -> dict[str, bytes]:
    with tarfile.open(fileobj=io.BytesIO(plain), mode="r:") as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers()}


def jsonl(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines() if line]


def db_digest(journal: Journal) -> str:
    """A digest of every row of every table: equal before/after means nothing changed."""
    digest = hashlib.sha256()
    tables = [r[0] for r in journal.db.query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    for table in tables:
        rows = journal.db.query(f'SELECT * FROM "{table}"')
        digest.update(table.encode())
        for row in sorted(repr(r).encode() for r in rows):
            digest.update(row)
    return digest.hexdigest()


@pytest.fixture
def pair(tmp_path):
    """(documenter, coordinator, coordinator-record-in-documenter)."""
    documenter = make_journal(tmp_path / "doc", "Olena K.")
    coordinator = make_journal(tmp_path / "coord", "Coordinators HQ")
    record = add_coordinator(documenter, coordinator)
    yield documenter, coordinator, record
    documenter.close()
    coordinator.close()


# --- the bundle as standard tools see it ----------------------------------------------------------
@needs_tool("age", "age")
def test_bundle_opens_with_age_and_tar_and_verifies(pair, tmp_path):
    documenter, coordinator, record = pair
    sample = populate(documenter)
    out = tmp_path / "out.ijbundle"
    result = documenter.exporter.export(out, [record.uuid], all_entries=True)
    assert result.entry_count == 1 and result.attachment_count == 1 and result.person_count == 2
    assert result.file_sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    assert oct(out.stat().st_mode & 0o777) == "0o600"

    key = tmp_path / "coordinator-key.txt"
    coordinator.identity.export_age_key(key)
    assert oct(key.stat().st_mode & 0o777) == "0o600"
    folder = tmp_path / "bundle"
    folder.mkdir()
    age = subprocess.run(["age", "-d", "-i", str(key), str(out)], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=age.stdout, check=True)

    manifest_bytes = (folder / "manifest.json").read_bytes()
    manifest = json.loads(manifest_bytes)
    public = base64.b64decode(manifest["sender"]["ed25519_public_key"])
    Ed25519PublicKey.from_public_bytes(public).verify((folder / "manifest.sig").read_bytes(), manifest_bytes)
    assert public == documenter.identity.get().signing_public_key
    assert manifest["sender"]["display_name"] == "Olena K."
    assert manifest["bundle_id"] == result.bundle_id
    for row in manifest["members"]:
        data = (folder / row["path"]).read_bytes()
        assert len(data) == row["size"] and hashlib.sha256(data).hexdigest() == row["sha256"]
    paths = [row["path"] for row in manifest["members"]]
    assert paths[:3] == ["entries.jsonl", "contacts.jsonl", "contact_log.jsonl"]

    entries = jsonl((folder / "entries.jsonl").read_bytes())
    assert entries[0]["content"]["title"] == "Задержание у ОВД №5 🚓"
    assert entries[0]["content"]["body"] == sample["entry"].body
    assert entries[0]["uuid"] == sample["entry"].uuid
    assert entries[0]["revision"] == 1 and entries[0]["revision_hash"] == sample["entry"].revision_hash
    (att,) = entries[0]["attachments"]
    assert (folder / "attachments" / att["sha256"]).is_file()
    assert att["stripped"] is True


def test_unicode_round_trip_through_import(pair, tmp_path):
    documenter, coordinator, record = pair
    sample = populate(documenter, photo=False, title="Затримання 👮 — «Ґ» ‘ї’ 中文 \u200d")
    out = tmp_path / "u.ijbundle"
    documenter.exporter.export(out, [record.uuid], all_entries=True)
    result = coordinator.importer.import_bundle(out, trust_new=True)
    assert result.status == "accepted", result.reason
    copy = coordinator.entries.get(sample["entry"].uuid)
    assert copy.content() == documenter.entries.get(sample["entry"].uuid).content()


# --- selection ---------------------------------------------------------------------------------------
def test_empty_selection_is_a_clear_error_and_writes_nothing(pair, tmp_path):
    documenter, _, record = pair
    out = tmp_path / "empty.ijbundle"
    with pytest.raises(NothingToSend, match="Nothing to send"):
        documenter.exporter.export(out, [record.uuid], all_entries=True)
    with pytest.raises(NothingToSend):
        documenter.exporter.export(out, [record.uuid], since_last=True)
    assert not out.exists()
    assert list(tmp_path.glob("*.part")) == []


def test_selection_must_be_chosen_and_recipients_given(pair, tmp_path):
    documenter, _, record = pair
    populate(documenter, photo=False)
    with pytest.raises(InvalidInput):
        documenter.exporter.export(tmp_path / "x", [record.uuid])
    with pytest.raises(InvalidInput):
        documenter.exporter.export(tmp_path / "x", [], all_entries=True)


def test_chosen_entries_only(pair, tmp_path):
    documenter, _, record = pair
    first = populate(documenter, photo=False)["entry"]
    second = documenter.entries.add(title="Second")
    out = tmp_path / "one.ijbundle"
    result = documenter.exporter.export(out, [record.uuid], entries=[second.uuid[:8]])
    assert result.entry_count == 1
    members = tar_members(decrypt_bundle(out, pair[1]))
    assert [e["uuid"] for e in jsonl(members["entries.jsonl"])] == [second.uuid]
    assert first.uuid.encode() not in decrypt_bundle(out, pair[1])


def test_since_last_sends_only_new_or_changed_and_history_is_kept(pair, tmp_path):
    documenter, coordinator, record = pair
    sample = populate(documenter)
    documenter.exporter.export(tmp_path / "1.ijbundle", [record.uuid], since_last=True)
    with pytest.raises(NothingToSend):
        documenter.exporter.export(tmp_path / "2.ijbundle", [record.uuid], since_last=True)
    documenter.entries.update(sample["entry"].uuid, body="Четверо задержаны")
    new = documenter.entries.add(title="New one")
    result = documenter.exporter.export(tmp_path / "3.ijbundle", [record.uuid], since_last=True)
    assert result.entry_count == 2
    # The photo reached this coordinator before: listed again, its bytes not sent again.
    assert result.attachment_count == 0
    members = tar_members(decrypt_bundle(tmp_path / "3.ijbundle", coordinator))
    assert {e["uuid"] for e in jsonl(members["entries.jsonl"])} == {sample["entry"].uuid, new.uuid}
    sent = documenter.exporter.sent()
    assert len(sent) == 2 and all(s.recipients[0]["name"] == "Coordinators HQ" for s in sent)
    last = documenter.exporter.last_sent(sample["entry"].uuid)
    assert last[0]["coordinator"] == "Coordinators HQ" and last[0]["current"] is True
    # A new attachment on an unchanged entry counts as a change.
    documenter.attachments.add_bytes(new.uuid, b"plain text note\n", "note.txt")
    result = documenter.exporter.export(tmp_path / "4.ijbundle", [record.uuid], since_last=True)
    assert result.entry_count == 1 and result.attachment_count == 1


# --- redaction --------------------------------------------------------------------------------------
def test_sensitive_person_never_travels_and_contact_details_can_be_left_out(pair, tmp_path):
    documenter, coordinator, record = pair
    sample = populate(documenter)
    full = tmp_path / "full.ijbundle"
    documenter.exporter.export(full, [record.uuid], all_entries=True)
    plain = decrypt_bundle(full, coordinator)
    assert PHONE_CANARY.encode() in plain and HANDLE_CANARY.encode() in plain
    for canary in (SENSITIVE_NAME, SENSITIVE_PHONE, sample["secret"].uuid):
        assert canary.encode("utf-8") not in plain
    assert sample["secret"].pseudonym.encode() in plain
    contacts = jsonl(tar_members(plain)["contacts.jsonl"])
    secret = [c for c in contacts if c.get("sensitive")]
    assert secret == [{"v": 1, "ref": sample["secret"].pseudonym, "pseudonym": sample["secret"].pseudonym,
                       "sensitive": True, "roles": ["witness"]}]

    lean = tmp_path / "lean.ijbundle"
    documenter.exporter.export(lean, [record.uuid], all_entries=True,
                               options=ExportOptions(omit_contact_details=True))
    plain = decrypt_bundle(lean, coordinator)
    for canary in (PHONE_CANARY, HANDLE_CANARY, SENSITIVE_NAME, SENSITIVE_PHONE):
        assert canary.encode("utf-8") not in plain
    assert "Иван Петров".encode() in plain


def test_photo_metadata_is_stripped_by_default_and_kept_on_request(pair, tmp_path):
    documenter, coordinator, record = pair
    populate(documenter)
    stripped = tmp_path / "s.ijbundle"
    documenter.exporter.export(stripped, [record.uuid], all_entries=True)
    plain = decrypt_bundle(stripped, coordinator)
    for canary in GPS_CANARIES:
        assert canary not in plain
    members = tar_members(plain)
    (name,) = [n for n in members if n.startswith("attachments/")]
    assert hashlib.sha256(members[name]).hexdigest() == name.split("/")[1]

    kept = tmp_path / "k.ijbundle"
    documenter.exporter.export(kept, [record.uuid], all_entries=True,
                               options=ExportOptions(strip_metadata=False))
    plain = decrypt_bundle(kept, coordinator)
    original = (PHOTOS / "DSCN0010.jpg").read_bytes()
    assert original in plain
    for canary in GPS_CANARIES:
        assert canary in plain


def test_attachments_can_be_left_out_by_size_or_altogether(pair, tmp_path):
    documenter, coordinator, record = pair
    sample = populate(documenter)
    documenter.attachments.add_bytes(sample["entry"].uuid, b"small\n", "small.txt")
    capped = tmp_path / "cap.ijbundle"
    result = documenter.exporter.export(capped, [record.uuid], all_entries=True,
                                        options=ExportOptions(max_attachment_bytes=100_000))
    assert result.attachment_count == 1
    members = tar_members(decrypt_bundle(capped, coordinator))
    assert hashlib.sha256(b"small\n").hexdigest() in "".join(members)
    entry = jsonl(members["entries.jsonl"])[0]
    assert entry["attachments_omitted"] == 1 and len(entry["attachments"]) == 1
    assert any("left out" in w for w in result.warnings)

    none = tmp_path / "none.ijbundle"
    result = documenter.exporter.export(none, [record.uuid], all_entries=True,
                                        options=ExportOptions(include_attachments=False))
    plain = decrypt_bundle(none, coordinator)
    assert result.attachment_count == 0
    assert not [n for n in tar_members(plain) if n.startswith("attachments/")]
    assert b"small\n" not in plain and (PHOTOS / "DSCN0010.jpg").read_bytes()[-4096:] not in plain


# --- recipients, cancel -----------------------------------------------------------------------------------
def test_several_recipients_each_can_import_and_others_cannot(pair, tmp_path):
    documenter, coordinator, record = pair
    second = make_journal(tmp_path / "coord2", "Second coordinator")
    outsider = make_journal(tmp_path / "outsider", "Outsider")
    try:
        other = add_coordinator(documenter, second)
        populate(documenter)
        out = tmp_path / "multi.ijbundle"
        result = documenter.exporter.export(out, [record.uuid, other.uuid, record.display_name],
                                            all_entries=True)
        assert sorted(result.recipients) == ["Coordinators HQ", "Second coordinator"]
        for receiver in (coordinator, second):
            assert receiver.importer.import_bundle(out, trust_new=True).status == "accepted"
        before = db_digest(outsider)
        refused = outsider.importer.import_bundle(out, trust_new=True)
        assert refused.status == "rejected" and refused.reason == "not addressed to this journal"
        assert db_digest(outsider) == before
    finally:
        second.close()
        outsider.close()


def test_cancel_leaves_no_file_and_no_history(pair, tmp_path):
    documenter, _, record = pair
    populate(documenter)
    out = tmp_path / "cancelled.ijbundle"
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        documenter.exporter.export(out, [record.uuid], all_entries=True, cancel=cancel)
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert documenter.exporter.sent() == []


def test_progress_reaches_the_end(pair, tmp_path):
    documenter, _, record = pair
    populate(documenter)
    seen = []
    documenter.exporter.export(tmp_path / "p.ijbundle", [record.uuid], all_entries=True,
                               progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1] > 0


def test_removed_coordinator_cannot_be_sent_to(pair, tmp_path):
    documenter, _, record = pair
    populate(documenter, photo=False)
    documenter.coordinators.remove(record.uuid)
    with pytest.raises(InvalidInput, match="removed"):
        documenter.exporter.export(tmp_path / "r.ijbundle", [record.uuid], all_entries=True)


def test_nothing_plain_is_written_next_to_the_bundle(pair, tmp_path):
    documenter, _, record = pair
    populate(documenter)
    before = set(os.listdir(tmp_path))
    documenter.exporter.export(tmp_path / "only.ijbundle", [record.uuid], all_entries=True)
    assert set(os.listdir(tmp_path)) - before == {"only.ijbundle"}


def test_since_last_to_several_coordinators_sends_what_any_of_them_lacks(pair, tmp_path):
    documenter, coordinator, record = pair
    second = make_journal(tmp_path / "coord2", "Second coordinator")
    try:
        other = add_coordinator(documenter, second)
        populate(documenter)
        documenter.exporter.export(tmp_path / "a.ijbundle", [record.uuid], since_last=True)
        result = documenter.exporter.export(tmp_path / "ab.ijbundle", [record.uuid, other.uuid], since_last=True)
        assert result.entry_count == 1 and result.attachment_count == 1  # the second one has nothing yet
        assert second.importer.import_bundle(tmp_path / "ab.ijbundle", trust_new=True).status == "accepted"
        with pytest.raises(NothingToSend):
            documenter.exporter.export(tmp_path / "none.ijbundle", [record.uuid, other.uuid], since_last=True)
    finally:
        second.close()


def test_drafts_can_be_left_out_but_a_named_entry_always_goes(pair, tmp_path, capsys):
    from journal.exchange.exporter import ExportOptions

    documenter, _coordinator, record = pair
    final = documenter.entries.add(title="Final one", status="final")
    draft = documenter.entries.add(title="Still a draft", status="draft")
    no_drafts = ExportOptions(include_drafts=False)
    chosen = documenter.exporter.select([record], all_entries=True, include_drafts=False)
    assert [e.uuid for e in chosen] == [final.uuid]
    assert {e.uuid for e in documenter.exporter.select([record], all_entries=True)} == {final.uuid, draft.uuid}
    result = documenter.exporter.export(tmp_path / "1.ijbundle", [record.uuid], all_entries=True, options=no_drafts)
    assert result.entry_count == 1
    # Named: the person picked it, so it goes even without drafts.
    result = documenter.exporter.export(tmp_path / "2.ijbundle", [record.uuid], entries=[draft.uuid],
                                        options=no_drafts)
    assert result.entry_count == 1
    # And since-last skips the draft until it is final.
    with pytest.raises(NothingToSend):
        documenter.exporter.export(tmp_path / "3.ijbundle", [record.uuid], since_last=True, options=no_drafts)
    documenter.entries.update(draft.uuid, status="final")
    assert documenter.exporter.export(tmp_path / "4.ijbundle", [record.uuid], since_last=True,
                                      options=no_drafts).entry_count == 1
