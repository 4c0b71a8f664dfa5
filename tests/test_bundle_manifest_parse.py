"""parse_manifest field by field (journal/exchange/bundle/manifest.py): each malformed field is
refused with its own reason, the boundaries hold exactly, and a valid manifest comes back whole.
Written for the mutation run of the manifest parser (docs/testing.md); the manifest is parsed
before its signature can be checked, so every branch here faces forged input."""

from __future__ import annotations

import base64
import hashlib
import json

import pytest

from journal.exchange.bundle import BundleRejected, Identity
from journal.exchange.bundle.manifest import MemberDigest, parse_manifest

SENDER = Identity.generate()
ENTRIES = b'{"uuid":"e1"}\n'
SHA = hashlib.sha256(ENTRIES).hexdigest()


def body(**override):
    data = {
        "format": "incident-journal-bundle",
        "version": 2,
        "bundle_id": "6F1C2B7E-2A3D-4C5E-8F90-1A2B3C4D5E6F",
        "created_at": "2026-03-08T12:30:00Z",
        "sender": {"display_name": "Группа мониторинга",
                   "ed25519_public_key": base64.b64encode(SENDER.signing_public_key).decode(),
                   "age_recipient": SENDER.age_recipient},
        "members": [{"path": "entries.jsonl", "size": len(ENTRIES), "sha256": SHA}],
    }
    for key, value in override.items():
        if key.startswith("sender_"):
            field = key[len("sender_"):]
            if value is ...:
                del data["sender"][field]
            else:
                data["sender"][field] = value
        elif value is ...:
            del data[key]
        else:
            data[key] = value
    return json.dumps(data, ensure_ascii=False).encode()


def reason(data: bytes) -> str:
    with pytest.raises(BundleRejected) as info:
        parse_manifest(data)
    return info.value.reason


def test_a_valid_manifest_comes_back_whole():
    manifest = parse_manifest(body())
    assert manifest.bundle_id == "6f1c2b7e-2a3d-4c5e-8f90-1a2b3c4d5e6f"  # normalised
    assert manifest.created_at == "2026-03-08T12:30:00Z" and manifest.version == 2
    assert manifest.sender.display_name == "Группа мониторинга"
    assert manifest.sender.ed25519_public_key == SENDER.signing_public_key
    assert manifest.sender.age_recipient == SENDER.age_recipient
    assert manifest.members == (MemberDigest("entries.jsonl", len(ENTRIES), SHA),)
    assert parse_manifest(body(version=1, members=[])).version == 1
    assert parse_manifest(body(sender_display_name="x" * 1000)).sender.display_name == "x" * 1000
    assert parse_manifest(body(created_at="2026-03-08T15:30:00+03:00")).created_at.endswith("+03:00")


MALFORMED = [
    (b"\xff\xfe{}", "invalid UTF-8 in manifest.json"),
    (b"{not json", "invalid JSON in manifest.json"),
    (b'{"format":"incident-journal-bundle","format":"x"}', "invalid JSON in manifest.json"),
    (b'{"version":NaN}', "invalid JSON in manifest.json"),
    (b"[" * 100_000 + b"]" * 100_000, "invalid JSON in manifest.json"),
    (b"[]", "manifest is malformed (not an object)"),
    (body(format="zip"), "not an incident journal bundle"),
    (body(format=...), "not an incident journal bundle"),
    (body(version=3), "unsupported format version 3"),
    (body(version="2"), "unsupported format version 2"),
    (body(version=True), "unsupported format version True"),
    (body(version="9" * 30), "unsupported format version ?"),
    (body(version="9" * 20), "unsupported format version ?"),  # a shown version is under 20 characters
    (body(version="9" * 19), "unsupported format version " + "9" * 19),
    (body(version=[2]), "unsupported format version ?"),
    (body(bundle_id=5), "manifest is malformed (bundle_id)"),
    (body(bundle_id="nope"), "manifest is malformed (bundle_id)"),
    (body(created_at=...), "manifest is malformed (created_at)"),
    (body(created_at="yesterday"), "manifest is malformed (created_at)"),
    (body(created_at="2026-03-08T12:30:00"), "manifest is malformed (created_at has no time zone)"),
    (body(sender="Alice"), "manifest is malformed (sender)"),
    (body(sender_display_name=""), "manifest is malformed (sender display_name)"),
    (body(sender_display_name="x" * 1001), "manifest is malformed (sender display_name)"),
    (body(sender_display_name=7), "manifest is malformed (sender display_name)"),
    (body(sender_display_name="Alice\u202eevil"), "the sender's name contains control or text-direction characters"),
    (body(sender_ed25519_public_key=...), "manifest is malformed (sender keys)"),
    (body(sender_age_recipient=5), "manifest is malformed (sender keys)"),
    (body(sender_ed25519_public_key="!!!!"), "manifest is malformed (sender ed25519_public_key)"),
    (body(sender_ed25519_public_key=base64.b64encode(bytes(31)).decode()),
     "manifest is malformed (sender ed25519_public_key length)"),
    (body(sender_ed25519_public_key=base64.b64encode(bytes(33)).decode()),
     "manifest is malformed (sender ed25519_public_key length)"),
    (body(sender_age_recipient="age1notakey"), "manifest is malformed (sender age_recipient)"),
    (body(members="all"), "manifest is malformed (members)"),
    (body(members=[1]), "manifest is malformed (member row)"),
    (body(members=[{"path": "entries.jsonl", "size": 1, "sha256": SHA, "extra": 1}]), "manifest is malformed (member row)"),
    (body(members=[{"path": "../x", "size": 1, "sha256": SHA}]), "manifest is malformed (member path)"),
    (body(members=[{"path": 5, "size": 1, "sha256": SHA}]), "manifest is malformed (member path)"),
    (body(members=[{"path": "entries.jsonl", "size": -1, "sha256": SHA}]), "manifest is malformed (member size)"),
    (body(members=[{"path": "entries.jsonl", "size": True, "sha256": SHA}]), "manifest is malformed (member size)"),
    (body(members=[{"path": "entries.jsonl", "size": "5", "sha256": SHA}]), "manifest is malformed (member size)"),
    (body(members=[{"path": "entries.jsonl", "size": 1, "sha256": SHA.upper()}]), "manifest is malformed (member sha256)"),
    (body(members=[{"path": "entries.jsonl", "size": 1, "sha256": SHA[:-1]}]), "manifest is malformed (member sha256)"),
    (body(members=[{"path": "entries.jsonl", "size": 1, "sha256": 5}]), "manifest is malformed (member sha256)"),
    (body(members=[{"path": "entries.jsonl", "size": 1, "sha256": SHA}] * 2),
     "manifest is malformed (member listed twice: entries.jsonl)"),
]


@pytest.mark.parametrize("data, expected", MALFORMED, ids=[str(i) for i in range(len(MALFORMED))])
def test_each_malformed_field_has_its_reason(data, expected):
    assert reason(data) == expected


def test_a_zero_size_member_is_fine():
    empty = hashlib.sha256(b"").hexdigest()
    manifest = parse_manifest(body(members=[{"path": "entries.jsonl", "size": 0, "sha256": empty}]))
    assert manifest.members[0].size == 0
