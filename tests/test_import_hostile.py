"""Hostile bundles through the importer: rejected whole, the coordinator's journal unchanged.

The bundle layer's own tests cover the parser exhaustively; here each case goes through
Importer.import_bundle with a sender the coordinator already trusts, and the test compares a
digest of every table before and after.
"""

from __future__ import annotations

import hashlib
import io
import json
import tarfile

import pyrage
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.bundle import Identity
from journal.errors import Cancelled
from tests.test_export import (
    add_coordinator,
    db_digest,
    decrypt_bundle,
    make_journal,
    pair,  # noqa: F401 - fixture
    populate,
    tar_members,
)


@pytest.fixture
def trusted(pair, tmp_path):
    """A coordinator that already trusts the documenter, plus a fresh valid bundle's members."""
    documenter, coordinator, record = pair
    populate(documenter)
    first = tmp_path / "first.ijbundle"
    documenter.exporter.export(first, [record.uuid], all_entries=True)
    assert coordinator.importer.import_bundle(first, trust_new=True).status == "accepted"
    documenter.entries.add(title="second entry", body="новое")
    documenter.entries.update(documenter.queries.page()[0].uuid, body="изменено")
    second = tmp_path / "second.ijbundle"
    documenter.exporter.export(second, [record.uuid], all_entries=True)
    members = tar_members(decrypt_bundle(second, coordinator))
    return documenter, coordinator, record, second, members


def craft(members: dict[str, bytes], recipient: str, signer: Identity, *, manifest: dict | None = None,
          signature: bytes | None = None, extra: list[tarfile.TarInfo] = ()) -> bytes:
    """A tar of ``members`` (+ ``extra`` special entries) with a fresh signed manifest, encrypted."""
    body = json.loads(members["manifest.json"])
    content = {k: v for k, v in members.items() if k not in ("manifest.json", "manifest.sig")}
    body["members"] = [{"path": p, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
                       for p, d in content.items()]
    body["bundle_id"] = "0b6a3c86-4d7e-4f0a-9c1b-6e1f7f1a2b3c"
    if manifest:
        body.update(manifest)
    manifest_bytes = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        for info in extra:
            archive.addfile(info)
        for name, data in [*content.items(), ("manifest.json", manifest_bytes),
                           ("manifest.sig", signature if signature is not None else signer.sign(manifest_bytes))]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return pyrage.encrypt(buffer.getvalue(), [pyrage.x25519.Recipient.from_str(recipient)])


def rejected(coordinator, data: bytes, tmp_path, name: str = "hostile.ijbundle") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    before = db_digest(coordinator)
    result = coordinator.importer.import_bundle(path, trust_new=True)
    assert result.status == "rejected", result
    assert db_digest(coordinator) == before
    assert coordinator.db.query_one("SELECT count(*) FROM import_staging")[0] == 0
    return result.reason


def test_crafted_baseline_is_accepted(trusted, tmp_path):
    documenter, coordinator, _, _, members = trusted
    data = craft(members, coordinator.identity.age_recipient, documenter.identity.get())
    path = tmp_path / "baseline.ijbundle"
    path.write_bytes(data)
    result = coordinator.importer.import_bundle(path)
    assert result.status == "accepted", result.reason
    assert result.counts["entries_new"] == 1 and result.counts["entries_updated"] == 1


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
        revision_hash=__import__("journal.entries", fromlist=["x"]).chain_hash(
            r["prev_hash"], __import__("journal.entries", fromlist=["x"]).canonical_json(r["content"]))),
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
    documenter.exporter.export(path, [record.uuid], all_entries=True)
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
    documenter.exporter.export(path, [record.uuid], all_entries=True)
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
