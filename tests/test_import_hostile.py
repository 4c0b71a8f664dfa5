"""Hostile bundles through the importer: rejected whole, the coordinator's journal unchanged.

The bundle layer's own tests cover the parser exhaustively; here each case goes through
Importer.import_bundle with a sender the coordinator already trusts, and the test compares a
digest of every table before and after.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import tarfile

import pyrage
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tests.test_bundle_hostile as hb
from journal.exchange.bundle import Identity, Limits
from journal.exchange.exporter import ExportOptions
from journal.errors import Cancelled
from tests.test_export import (
    PHOTOS,
    add_coordinator,
    db_digest,
    decrypt_bundle,
    make_journal,
    pair,  # noqa: F401 - fixture
    populate,
    tar_members,
)

# Random bytes cannot be cleaned of metadata: these tests send them as they are, on purpose.
UNCLEANED = ExportOptions(allow_uncleaned=True)


@pytest.fixture
def trusted(pair, tmp_path):
    """A coordinator that already trusts the documenter, plus a fresh valid bundle's members."""
    documenter, coordinator, record = pair
    populate(documenter)
    first = tmp_path / "first.ijbundle"
    documenter.exporter.export(first, [record.uuid], all_entries=True, options=UNCLEANED)
    assert coordinator.importer.import_bundle(first, trust_new=True).status == "accepted"
    assert coordinator.verify() == []
    documenter.entries.add(title="second entry", body="новое")
    documenter.entries.update(documenter.queries.page()[0].uuid, body="изменено")
    second = tmp_path / "second.ijbundle"
    documenter.exporter.export(second, [record.uuid], all_entries=True, options=UNCLEANED)
    members = tar_members(decrypt_bundle(second, coordinator))
    return documenter, coordinator, record, second, members


def craft(members: dict[str, bytes], recipient: str, signer: Identity, *, manifest: dict | None = None,
          signature: bytes | None = None, extra: list[tarfile.TarInfo] = (), first: bool = False) -> bytes:
    """A tar of ``members`` (+ ``extra`` special entries) with a fresh signed manifest, encrypted.
    Format version 1 (manifest last), or with ``first`` version 2 (manifest first)."""
    body = json.loads(members["manifest.json"])
    content = {k: v for k, v in members.items() if k not in ("manifest.json", "manifest.sig")}
    body["members"] = [{"path": p, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
                       for p, d in content.items()]
    body["bundle_id"] = "0b6a3c86-4d7e-4f0a-9c1b-6e1f7f1a2b3c"
    body["version"] = 2 if first else 1
    if manifest:
        body.update(manifest)
    manifest_bytes = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        for info in extra:
            archive.addfile(info)
        signed = [("manifest.json", manifest_bytes),
                  ("manifest.sig", signature if signature is not None else signer.sign(manifest_bytes))]
        for name, data in [*signed, *content.items()] if first else [*content.items(), *signed]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return pyrage.encrypt(buffer.getvalue(), [pyrage.x25519.Recipient.from_str(recipient)])


def rejected(coordinator, data: bytes, tmp_path, name: str = "hostile.ijbundle", trust_new=True) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    before, files = db_digest(coordinator), data_files(coordinator)
    result = coordinator.importer.import_bundle(path, trust_new=trust_new)
    assert result.status == "rejected", result
    assert db_digest(coordinator) == before
    assert coordinator.db.query_one("SELECT count(*) FROM import_staging")[0] == 0
    assert data_files(coordinator) <= files
    return result.reason


def data_files(journal) -> set[str]:
    """Every file in the journal's data folder (an import may not leave one behind)."""
    return {str(p.relative_to(journal.data_dir)) for p in journal.data_dir.rglob("*")}


def test_crafted_baseline_is_accepted(trusted, tmp_path):
    documenter, coordinator, _, _, members = trusted
    data = craft(members, coordinator.identity.age_recipient, documenter.identity.get())
    path = tmp_path / "baseline.ijbundle"
    path.write_bytes(data)
    result = coordinator.importer.import_bundle(path)
    assert result.status == "accepted", result.reason
    assert result.counts["entries_new"] == 1 and result.counts["entries_updated"] == 1
    assert coordinator.verify() == []


def test_wrong_recipient(trusted, tmp_path):
    documenter, coordinator, _, _, members = trusted
    other = Identity.generate()
    data = craft(members, other.age_recipient, documenter.identity.get())
    assert rejected(coordinator, data, tmp_path) == "not addressed to this journal"


def test_truncated(trusted, tmp_path):
    _, coordinator, _, second, _ = trusted
    data = second.read_bytes()
    assert rejected(coordinator, data[: len(data) // 2], tmp_path) == "truncated"


def test_bad_signature(trusted, tmp_path):
    documenter, coordinator, _, _, members = trusted
    data = craft(members, coordinator.identity.age_recipient, documenter.identity.get(), signature=bytes(64))
    assert rejected(coordinator, data, tmp_path) == "signature invalid"


def test_signed_by_someone_else_claiming_the_known_key(trusted, tmp_path):
    _, coordinator, _, _, members = trusted
    data = craft(members, coordinator.identity.age_recipient, Identity.generate())
    assert rejected(coordinator, data, tmp_path) == "signature invalid"


def test_replayed_old_bundle_is_a_duplicate_and_changes_nothing(trusted, tmp_path):
    _, coordinator, _, second, _ = trusted
    assert coordinator.importer.import_bundle(second).status == "accepted"
    assert coordinator.verify() == []
    before = db_digest(coordinator)
    first = tmp_path / "first.ijbundle"
    for path in (first, second):
        assert coordinator.importer.import_bundle(path).status == "duplicate"
    assert db_digest(coordinator) == before


def test_symlink_member(trusted, tmp_path):
    documenter, coordinator, _, _, members = trusted
    link = tarfile.TarInfo("entries2.jsonl")
    link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
    data = craft(members, coordinator.identity.age_recipient, documenter.identity.get(), extra=[link])
    assert rejected(coordinator, data, tmp_path).startswith("links are not allowed")


def test_parent_path_member(trusted, tmp_path):
    documenter, coordinator, _, _, members = trusted
    data = craft({"../evil.jsonl": b"{}\n", **members}, coordinator.identity.age_recipient,
                 documenter.identity.get())
    assert rejected(coordinator, data, tmp_path) == "path not allowed: ../evil.jsonl"


def test_member_hash_mismatch_after_records_were_staged(trusted, tmp_path):
    documenter, coordinator, _, _, members = trusted
    data = craft(members, coordinator.identity.age_recipient, documenter.identity.get())
    # Re-sign a manifest that lists a different hash for entries.jsonl.
    body_members = [{"path": p, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
                    for p, d in members.items() if p not in ("manifest.json", "manifest.sig")]
    body_members[0]["sha256"] = "0" * 64
    data = craft(members, coordinator.identity.age_recipient, documenter.identity.get(),
                 manifest={"members": body_members})
    assert rejected(coordinator, data, tmp_path) == "member hash mismatch: entries.jsonl"


@pytest.mark.parametrize("mutate, expected", [
    (lambda r: r.pop("content"), "missing field(s) content"),
    (lambda r: r.update(revision_hash="0" * 64), "revision_hash does not match the content"),
    (lambda r: r.update(extra=1), "unknown field(s) extra"),
    (lambda r: r["content"].update(status="bogus") or r.update(
        revision_hash=__import__("journal.records.entries", fromlist=["x"]).chain_hash(
            r["prev_hash"], __import__("journal.records.entries", fromlist=["x"]).canonical_json(r["content"]))),
     "Status must be one of: draft, final"),
])
def test_invalid_records_signed_by_a_trusted_sender(trusted, tmp_path, mutate, expected):
    documenter, coordinator, _, _, members = trusted
    lines = members["entries.jsonl"].decode().splitlines()
    record = json.loads(lines[-1])
    mutate(record)
    lines[-1] = json.dumps(record, ensure_ascii=False)
    changed = {**members, "entries.jsonl": ("\n".join(lines) + "\n").encode()}
    data = craft(changed, coordinator.identity.age_recipient, documenter.identity.get())
    reason = rejected(coordinator, data, tmp_path)
    assert reason.startswith(f"invalid record in entries.jsonl line {len(lines)}") and expected in reason


def test_blob_staged_before_a_late_failure_is_rolled_back(pair, tmp_path):
    documenter, coordinator, record = pair
    populate(documenter)
    path = tmp_path / "b.ijbundle"
    documenter.exporter.export(path, [record.uuid], all_entries=True, options=UNCLEANED)
    data = path.read_bytes()
    # Cut inside the manifest: the attachment was already staged when the bundle turns out truncated.
    assert rejected(coordinator, data[:-200], tmp_path, "cut.ijbundle") == "truncated"
    assert coordinator.db.query_one("SELECT count(*) FROM blobs")[0] == 0


def test_cancel_during_import_rolls_back(trusted, tmp_path):
    _, coordinator, _, second, _ = trusted
    before = db_digest(coordinator)
    calls = []
    with pytest.raises(Cancelled):
        coordinator.importer.import_bundle(second, cancel=lambda: calls.append(1) or len(calls) > 2)
    assert db_digest(coordinator) == before


def test_unreadable_file_is_rejected(pair, tmp_path):
    _, coordinator, _ = pair
    result = coordinator.importer.import_bundle(tmp_path / "missing.ijbundle")
    assert result.status == "rejected" and result.reason.startswith("cannot read the file")


# --- property: any change to a valid bundle is rejected and never committed --------------------------------
@pytest.fixture(scope="module")
def mutation_setup(tmp_path_factory):
    base = tmp_path_factory.mktemp("mutation")
    documenter = make_journal(base / "doc", "Mutant sender")
    coordinator = make_journal(base / "coord", "Mutation HQ")
    record = add_coordinator(documenter, coordinator)
    populate(documenter, photo=False)
    documenter.attachments.add_bytes(documenter.queries.page()[0].uuid, bytes(range(256)) * 300, "blob.bin")
    path = base / "valid.ijbundle"
    documenter.exporter.export(path, [record.uuid], all_entries=True, options=UNCLEANED)
    yield coordinator, path.read_bytes(), base
    documenter.close()
    coordinator.close()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_bundles_are_only_ever_rejected(mutation_setup, data):
    coordinator, valid, base = mutation_setup
    kind = data.draw(st.sampled_from(["flip", "truncate", "insert", "delete"]))
    position = data.draw(st.integers(0, len(valid) - 1))
    if kind == "flip":
        bit = data.draw(st.integers(0, 7))
        mutated = bytearray(valid)
        mutated[position] ^= 1 << bit
    elif kind == "truncate":
        mutated = valid[:position]
    elif kind == "insert":
        mutated = valid[:position] + data.draw(st.binary(min_size=1, max_size=64)) + valid[position:]
    else:
        mutated = valid[:position] + valid[position + data.draw(st.integers(1, 64)):]
    path = base / "mutated.ijbundle"
    path.write_bytes(bytes(mutated))
    before = db_digest(coordinator)
    result = coordinator.importer.import_bundle(path, trust_new=True)
    assert result.status == "rejected"
    assert result.reason
    assert db_digest(coordinator) == before


# --- every hostile case of the bundle layer, through the importer ------------------------------------------
# The crafted-bundle builders of tests/test_bundle_hostile.py sign as hb.SENDER and encrypt to
# hb.COORDINATOR; `to_journal` re-encrypts their tar to the coordinator journal. The members are
# real ones exported by a documenter journal, so the records and a new photo are staged (and must
# be rolled back) before the hostile part is reached. hb.SENDER is already a trusted sender.
BASELINE_ID = "3d0f6a52-8c1e-4b7a-9f2d-5e6a7b8c9d01"
TEN_GB = 10 * 1024**3


@pytest.fixture
def signed_by_sender(pair, tmp_path):
    """(coordinator, baseline bundle bytes already accepted, members of a newer valid bundle)."""
    documenter, coordinator, record = pair
    sample = populate(documenter)
    first = tmp_path / "first.ijbundle"
    documenter.exporter.export(first, [record.uuid], all_entries=True, options=UNCLEANED)
    old = tar_members(decrypt_bundle(first, coordinator))
    baseline = to_journal(hb.crafted(items_of(old), manifest=hb.manifest_for(content_of(old), bundle_id=BASELINE_ID)),
                          coordinator)
    path = tmp_path / "baseline.ijbundle"
    path.write_bytes(baseline)
    assert coordinator.importer.import_bundle(path, trust_new=True).status == "accepted"
    assert coordinator.verify() == []
    second = documenter.entries.add(title="second entry", body="новое")
    documenter.attachments.add_file(second.uuid, PHOTOS / "Nikon_D70.jpg")
    documenter.entries.update(sample["entry"].uuid, body="изменено")
    newer = tmp_path / "second.ijbundle"
    documenter.exporter.export(newer, [record.uuid], all_entries=True, options=UNCLEANED)
    return coordinator, baseline, tar_members(decrypt_bundle(newer, coordinator))


def content_of(members: dict[str, bytes]) -> dict[str, bytes]:
    return {k: v for k, v in members.items() if k not in ("manifest.json", "manifest.sig")}


def items_of(members: dict[str, bytes]) -> list:
    return [hb.regular(name, data) for name, data in content_of(members).items()]


def to_journal(data: bytes, journal) -> bytes:
    """A bundle crafted for hb.COORDINATOR, encrypted to `journal` instead."""
    plain = pyrage.decrypt(data, [pyrage.x25519.Identity.from_str(hb.COORDINATOR.age_secret_key)])
    return pyrage.encrypt(plain, [pyrage.x25519.Recipient.from_str(journal.identity.age_recipient)])


def _flip_header_mac(data: bytes) -> bytes:
    out = bytearray(data)
    mac = out.index(b"\n--- ") + 10
    out[mac] = ord("A") if out[mac] != ord("A") else ord("B")  # stays valid base64
    return bytes(out)


def _flip_payload(data: bytes, where: float) -> bytes:
    out = bytearray(data)
    out[int(len(out) * where) if where > 0 else len(out) - 1] ^= 0x80
    return bytes(out)


def _appended(members: dict[str, bytes], name: str, extra: bytes) -> list:
    return [hb.regular(n, d + extra if n == name else d) for n, d in content_of(members).items()]


_SPARE = [bytes([i]) * 10 for i in range(5)]
_HUGE = tarfile.TarInfo("attachments/" + "a" * 64)
_HUGE.size = TEN_GB  # only the header is written: refused before any content is read
_MISSING = f"attachments/{hashlib.sha256(b'never sent').hexdigest()}"


# name -> (make(members, journal) -> bundle bytes, expected reason (prefix), max_members or None)
HOSTILE = {
    "wrong recipient": (lambda m, j: hb.crafted(items_of(m)), "not addressed to this journal", None),
    "truncated in half": (lambda m, j: (lambda d: d[: len(d) // 2])(to_journal(hb.crafted(items_of(m)), j)),
                          "truncated", None),
    "truncated by 16 bytes": (lambda m, j: to_journal(hb.crafted(items_of(m)), j)[:-16], "truncated", None),
    "truncated in the age header": (lambda m, j: to_journal(hb.crafted(items_of(m)), j)[:60], "truncated", None),
    "flipped byte in the header": (lambda m, j: _flip_header_mac(to_journal(hb.crafted(items_of(m)), j)),
                                   "corrupted (authentication failed)", None),
    "flipped byte in the payload": (lambda m, j: _flip_payload(to_journal(hb.crafted(items_of(m)), j), 0.6),
                                    "corrupted (authentication failed)", None),
    "flipped last byte": (lambda m, j: _flip_payload(to_journal(hb.crafted(items_of(m)), j), -1),
                          "corrupted (authentication failed)", None),
    "../evil": (lambda m, j: to_journal(hb.crafted([*items_of(m), hb.regular("../evil", b"x")]), j),
                "path not allowed: ../evil", None),
    "nested ../": (lambda m, j: to_journal(hb.crafted([*items_of(m), hb.regular("attachments/../../evil", b"x")]),
                                           j), "path not allowed: attachments/../../evil", None),
    "absolute path": (lambda m, j: to_journal(hb.crafted([*items_of(m), hb.regular("/etc/cron.d/evil", b"x")]), j),
                      "path not allowed: /etc/cron.d/evil", None),
    "symlink": (lambda m, j: to_journal(hb.crafted([*items_of(m), hb.special("forms.jsonl", tarfile.SYMTYPE,
                                                                             "/etc/passwd")]), j),
                "links are not allowed: forms.jsonl", None),
    "hardlink": (lambda m, j: to_journal(hb.crafted([*items_of(m), hb.special("forms.jsonl", tarfile.LNKTYPE,
                                                                              "entries.jsonl")]), j),
                 "links are not allowed: forms.jsonl", None),
    "character device": (lambda m, j: to_journal(hb.crafted([*items_of(m), hb.special("forms.jsonl",
                                                                                      tarfile.CHRTYPE)]), j),
                         "device files are not allowed: forms.jsonl", None),
    "block device": (lambda m, j: to_journal(hb.crafted([*items_of(m), hb.special("forms.jsonl",
                                                                                  tarfile.BLKTYPE)]), j),
                     "device files are not allowed: forms.jsonl", None),
    "duplicate member": (lambda m, j: to_journal(hb.crafted([*items_of(m), hb.regular("entries.jsonl", b"{}\n")],
                                                            listed=content_of(m)), j),
                         "duplicate member: entries.jsonl", None),
    "10 GB declared size": (lambda m, j: to_journal(hb.crafted([*items_of(m), (_HUGE, None)]), j),
                            "member too large: attachments/" + "a" * 64, None),
    "too many members": (lambda m, j: to_journal(hb.crafted(
        [*items_of(m), *(hb.regular(f"attachments/{hashlib.sha256(p).hexdigest()}", p) for p in _SPARE)]), j),
        "too many members", 2),  # the limit is this many members more than the valid bundle's content
    "manifest omits a member": (lambda m, j: to_journal(hb.crafted(
        items_of(m), listed={k: v for k, v in content_of(m).items() if k != "entries.jsonl"}), j),
        "member not in the manifest: entries.jsonl", None),
    "manifest lists a member not sent": (lambda m, j: to_journal(hb.crafted(
        items_of(m), listed={**content_of(m), _MISSING: b"never sent"}), j), f"member missing: {_MISSING}", None),
    "member of an unknown kind": (lambda m, j: to_journal(hb.crafted([*items_of(m), hb.regular("notes.txt", b"hi")]),
                                                          j), "unexpected member: notes.txt", None),
    "member size mismatch": (lambda m, j: to_journal(hb.crafted(
        items_of(m), listed={**content_of(m), "contacts.jsonl": b"{}\n"}), j),
        "member size mismatch: contacts.jsonl", None),
    "member hash mismatch": (lambda m, j: to_journal(hb.crafted(
        items_of(m), listed={**content_of(m), "contacts.jsonl": m["contacts.jsonl"][:-2] + b" \n"}), j),
        "member hash mismatch: contacts.jsonl", None),
    "bad signature": (lambda m, j: to_journal(hb.crafted(items_of(m), signature=bytes(64)), j),
                      "signature invalid", None),
    "signed by another key than the manifest's sender": (
        lambda m, j: to_journal(hb.crafted(items_of(m), signer=hb.OTHER), j), "signature invalid", None),
    "manifest names another sender": (lambda m, j: to_journal(hb.crafted(items_of(m), manifest=hb.manifest_for(
        content_of(m), sender={"display_name": "Sender", "age_recipient": hb.OTHER.age_recipient,
                               "ed25519_public_key": base64.b64encode(hb.OTHER.signing_public_key).decode()})), j),
        "signature invalid", None),
    "unknown format version": (lambda m, j: to_journal(hb.crafted(items_of(m), manifest=hb.manifest_for(
        content_of(m), version=3)), j), "unsupported format version 3", None),
    "invalid UTF-8 in entries.jsonl": (lambda m, j: to_journal(hb.crafted(_appended(
        m, "entries.jsonl", b'{"title":"\xff\xfe"}\n')), j), "invalid UTF-8 in entries.jsonl line ", None),
    "invalid JSON in entries.jsonl": (lambda m, j: to_journal(hb.crafted(_appended(
        m, "entries.jsonl", b'{"title": oops}\n')), j), "invalid JSON in entries.jsonl line ", None),
    "invalid JSON in contacts.jsonl": (lambda m, j: to_journal(hb.crafted(_appended(
        m, "contacts.jsonl", b"{]\n")), j), "invalid JSON in contacts.jsonl line ", None),
    "invalid UTF-8 in contact_log.jsonl": (lambda m, j: to_journal(hb.crafted(_appended(
        m, "contact_log.jsonl", b'{"summary":"\xc3"}\n')), j), "invalid UTF-8 in contact_log.jsonl line ", None),
    "lone surrogate in contact_log.jsonl": (lambda m, j: to_journal(hb.crafted(_appended(
        m, "contact_log.jsonl", b'{"summary":"\\ud800"}\n')), j), "invalid UTF-8 in contact_log.jsonl line ", None),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_every_hostile_bundle_leaves_the_journal_unchanged(signed_by_sender, tmp_path, case, monkeypatch):
    coordinator, _, members = signed_by_sender
    make, expected, spare_members = HOSTILE[case]
    if spare_members is not None:  # a small member limit stands in for 100 000 members
        limit = len(content_of(members)) + spare_members
        monkeypatch.setattr(coordinator.importer, "limits", Limits(max_members=limit))
    reason = rejected(coordinator, make(members, coordinator), tmp_path)
    assert reason.startswith(expected), reason


def test_the_valid_bundle_the_cases_start_from_is_accepted(signed_by_sender, tmp_path):
    coordinator, _, members = signed_by_sender
    path = tmp_path / "valid.ijbundle"
    path.write_bytes(to_journal(hb.crafted(items_of(members)), coordinator))
    result = coordinator.importer.import_bundle(path)
    assert result.status == "accepted", result.reason
    assert result.counts["entries_new"] == 1 and result.counts["entries_updated"] == 1
    assert result.counts["attachments_stored"] == 1
    assert result.sender.claimed_name == "Sender"
    assert coordinator.verify() == []


def test_a_replayed_bundle_is_already_imported_and_changes_nothing(signed_by_sender, tmp_path):
    coordinator, baseline, _ = signed_by_sender
    path = tmp_path / "replayed.ijbundle"
    path.write_bytes(baseline)
    before, files = db_digest(coordinator), data_files(coordinator)
    result = coordinator.importer.import_bundle(path, trust_new=True)
    assert result.status == "duplicate" and result.message == "already imported"
    assert db_digest(coordinator) == before
    assert coordinator.db.query_one("SELECT count(*) FROM import_staging")[0] == 0
    assert data_files(coordinator) <= files


# --- issue 19: what a signed bundle may leave in the journal ----------------------------------------------
def accepted(journal, data: bytes, tmp_path, name: str = "accepted.ijbundle", **options):
    """Import ``data``; it must be accepted and `journal verify` must stay green afterwards."""
    path = tmp_path / name
    path.write_bytes(data)
    result = journal.importer.import_bundle(path, **options)
    assert result.status == "accepted", result.reason
    assert journal.verify() == []
    assert journal.db.query_one("SELECT count(*) FROM blob_files_released")[0] == 0  # files removed
    return result


def stored_files(journal) -> set[str]:
    return {p.name for p in (journal.data_dir / "attachments").rglob("*") if p.is_file()}


def _blob_count(journal) -> int:
    return journal.db.query_one("SELECT count(*) FROM blobs")[0]


def test_one_extra_member_is_not_kept(trusted, tmp_path):
    documenter, coordinator, _, _, members = trusted
    extra = b"no entry names this file"
    blobs, files = _blob_count(coordinator), stored_files(coordinator)
    data = craft({**members, f"attachments/{hashlib.sha256(extra).hexdigest()}": extra},
                 coordinator.identity.age_recipient, documenter.identity.get())
    result = accepted(coordinator, data, tmp_path)
    assert result.counts["attachments_stored"] == 0
    assert _blob_count(coordinator) == blobs and stored_files(coordinator) == files
    assert any("not kept: 1" in w for w in result.warnings), result.warnings


def test_an_extra_member_sent_before_the_entries_is_written_then_dropped(trusted, tmp_path):
    documenter, coordinator, _, _, members = trusted
    extra = b"comes first, named by nobody"
    blobs, files = _blob_count(coordinator), stored_files(coordinator)
    data = craft({f"attachments/{hashlib.sha256(extra).hexdigest()}": extra, **members},
                 coordinator.identity.age_recipient, documenter.identity.get())
    result = accepted(coordinator, data, tmp_path)
    assert _blob_count(coordinator) == blobs and stored_files(coordinator) == files
    assert any("not kept: 1" in w for w in result.warnings), result.warnings


def test_twenty_thousand_extra_members_are_not_kept(trusted, tmp_path):
    documenter, coordinator, _, _, members = trusted
    extras = {f"attachments/{hashlib.sha256(d).hexdigest()}": d
              for d in (i.to_bytes(4, "big") for i in range(20_000))}
    blobs, files = _blob_count(coordinator), stored_files(coordinator)
    data = craft({**members, **extras}, coordinator.identity.age_recipient, documenter.identity.get())
    result = accepted(coordinator, data, tmp_path)
    assert result.counts["entries_new"] == 1
    assert _blob_count(coordinator) == blobs and stored_files(coordinator) == files
    assert any("not kept: 20000" in w for w in result.warnings), result.warnings


def test_the_attachment_of_an_entry_skipped_for_an_id_collision_is_not_kept(pair, tmp_path):
    documenter, coordinator, record = pair
    entry = documenter.entries.add(title="collides")
    documenter.attachments.add_bytes(entry.uuid, b"evidence of the colliding entry" * 10, "c.bin")
    from journal.records.entries import Entry

    coordinator.entries.add(Entry(uuid=entry.uuid, title="the coordinator's own entry"))
    path = tmp_path / "collide.ijbundle"
    documenter.exporter.export(path, [record.uuid], all_entries=True, options=UNCLEANED)
    result = accepted(coordinator, path.read_bytes(), tmp_path, trust_new=True)
    assert result.counts["skipped"] == 1 and result.counts["attachments_stored"] == 0
    assert _blob_count(coordinator) == 0 and stored_files(coordinator) == set()


def test_a_hash_named_without_the_bytes_does_not_link_another_senders_content(pair, tmp_path):
    documenter, coordinator, record = pair
    evidence = b"the first sender's photo" * 100
    first = documenter.entries.add(title="photo of the first sender")
    documenter.attachments.add_bytes(first.uuid, evidence, "photo.bin")
    path = tmp_path / "first.ijbundle"
    documenter.exporter.export(path, [record.uuid], all_entries=True, options=UNCLEANED)
    accepted(coordinator, path.read_bytes(), tmp_path, trust_new=True)
    # A second sender's entry names the same content, without sending the bytes.
    other = make_journal(tmp_path / "other", "Second sender")
    try:
        other_record = add_coordinator(other, coordinator)
        claim = other.entries.add(title="claims the photo")
        other.attachments.add_bytes(claim.uuid, evidence, "mine.bin")
        own = tmp_path / "other.ijbundle"
        other.exporter.export(own, [other_record.uuid], all_entries=True, options=UNCLEANED)
        members = tar_members(decrypt_bundle(own, coordinator))
        sha = hashlib.sha256(evidence).hexdigest()
        without_bytes = {k: v for k, v in members.items() if k != f"attachments/{sha}"}
        data = craft(without_bytes, coordinator.identity.age_recipient, other.identity.get())
        result = accepted(coordinator, data, tmp_path, "claim.ijbundle", trust_new=True)
    finally:
        other.close()
    assert result.counts["attachments_linked"] == 0
    assert any("not stored here" in w for w in result.warnings), result.warnings
    local = coordinator.entries.get(claim.uuid)
    assert coordinator.attachments.list_for_entry(local.uuid) == []
    notes = [r[0] for r in coordinator.db.query("SELECT note FROM attachments")]
    assert notes and all("Second sender" not in n for n in notes)


def test_a_hash_named_without_the_bytes_links_the_same_senders_earlier_content(pair, tmp_path):
    documenter, coordinator, record = pair
    evidence = b"sent once, named again later" * 100
    first = documenter.entries.add(title="first")
    documenter.attachments.add_bytes(first.uuid, evidence, "photo.bin")
    path = tmp_path / "first.ijbundle"
    documenter.exporter.export(path, [record.uuid], all_entries=True, options=UNCLEANED)
    accepted(coordinator, path.read_bytes(), tmp_path, trust_new=True)
    second = documenter.entries.add(title="second, same photo")
    documenter.attachments.add_bytes(second.uuid, evidence, "again.bin")
    newer = tmp_path / "second.ijbundle"
    documenter.exporter.export(newer, [record.uuid], entries=[second.uuid], options=UNCLEANED)
    members = tar_members(decrypt_bundle(newer, coordinator))
    sha = hashlib.sha256(evidence).hexdigest()
    data = craft({k: v for k, v in members.items() if k != f"attachments/{sha}"},
                 coordinator.identity.age_recipient, documenter.identity.get())
    result = accepted(coordinator, data, tmp_path, "second.ijbundle")
    assert result.counts["attachments_linked"] == 1


# --- issue 19 item 6: a bundle whose signature is not checked yet may make the journal write little --------
def _many_members(count: int, size: int = 1000) -> dict[str, bytes]:
    out = {}
    for i in range(count):
        data = i.to_bytes(4, "big") * (size // 4)
        out[f"attachments/{hashlib.sha256(data).hexdigest()}"] = data
    return out


@pytest.fixture
def counted_files(monkeypatch):
    """How many attachment files the journal starts to write (each one is a disk write)."""
    from journal.storage.blobfiles import BlobFiles

    created = []
    original = BlobFiles.create

    def create(self, *args, **kwargs):
        created.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(BlobFiles, "create", create)
    return created


QUOTA = 64 * 1024


@pytest.mark.parametrize("first", [False, True], ids=["version 1", "version 2"])
@pytest.mark.parametrize("signer", ["forged", "stranger"])
def test_a_forged_or_strangers_bundle_writes_at_most_the_staging_quota(trusted, tmp_path, counted_files, signer,
                                                                       first, monkeypatch):
    documenter, coordinator, _, _, members = trusted
    monkeypatch.setattr(coordinator.importer, "staging_quota", QUOTA)
    extras = _many_members(300)  # 300 KB of content no entry names: before any entries.jsonl
    stranger = Identity.generate()
    body = json.loads(members["manifest.json"])
    body["sender"] = {"display_name": "Olena K.", "age_recipient": stranger.age_recipient,
                      "ed25519_public_key": base64.b64encode(stranger.signing_public_key).decode()}
    members = {**members, "manifest.json": json.dumps(body).encode()}
    signer_key = stranger if signer == "stranger" else Identity.generate()
    data = craft({**extras, **members}, coordinator.identity.age_recipient, signer_key, first=first)
    reason = rejected(coordinator, data, tmp_path, trust_new=False)
    assert reason.startswith("signature invalid" if signer == "forged" else "unknown key for a known name"), reason
    # Version 1 (manifest last): at most the quota. Version 2 (manifest first): nothing at all.
    assert len(counted_files) <= (0 if first else QUOTA // 4096 + 1), len(counted_files)


def _as_layout(path, coordinator, signer, first: bool) -> bytes:
    """The exported bundle (version 2), or the same content as a version 1 bundle."""
    if first:
        return path.read_bytes()
    return craft(tar_members(decrypt_bundle(path, coordinator)), coordinator.identity.age_recipient, signer)


@pytest.mark.parametrize("first", [False, True], ids=["version 1", "version 2"])
def test_a_trusted_senders_bundle_bigger_than_the_quota_is_imported(trusted, tmp_path, counted_files, first,
                                                                     monkeypatch):
    documenter, coordinator, _, _, members = trusted
    monkeypatch.setattr(coordinator.importer, "staging_quota", QUOTA)
    photo = os.urandom(200_000)
    entry = documenter.entries.add(title="big photo")
    documenter.attachments.add_bytes(entry.uuid, photo, "big.bin")
    path = tmp_path / "big.ijbundle"
    documenter.exporter.export(path, [documenter.coordinators.list()[0].uuid], entries=[entry.uuid], options=UNCLEANED)
    data = _as_layout(path, coordinator, documenter.identity.get(), first)
    counted_files.clear()
    result = accepted(coordinator, data, tmp_path)
    assert result.counts["attachments_stored"] == 1 and result.counts["entries_new"] == 1
    assert len(counted_files) == 1  # version 1: the first attempt stopped before writing it
    with coordinator.attachments.open_stream(coordinator.attachments.list_for_entry(entry.uuid)[0].uuid) as f:
        assert f.read() == photo


@pytest.mark.parametrize("first", [False, True], ids=["version 1", "version 2"])
def test_a_new_sender_of_a_big_bundle_is_asked_once_before_anything_is_written(pair, tmp_path, counted_files,
                                                                                first, monkeypatch):
    documenter, coordinator, record = pair
    monkeypatch.setattr(coordinator.importer, "staging_quota", QUOTA)
    entry = documenter.entries.add(title="big photo")
    documenter.attachments.add_bytes(entry.uuid, os.urandom(200_000), "big.bin")
    path = tmp_path / "big.ijbundle"
    documenter.exporter.export(path, [record.uuid], all_entries=True, options=UNCLEANED)
    path.write_bytes(_as_layout(path, coordinator, documenter.identity.get(), first))
    counted_files.clear()
    asked = []

    def refuse(question):
        asked.append((question.display_name, len(counted_files)))
        return False

    assert coordinator.importer.import_bundle(path, trust_new=refuse).status == "rejected"
    assert asked == [("Olena K.", 0)] and counted_files == []
    asked.clear()
    result = coordinator.importer.import_bundle(path, trust_new=lambda q: asked.append(q) or True)
    assert result.status == "accepted" and len(asked) == 1
    assert coordinator.verify() == []
