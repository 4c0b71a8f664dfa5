"""Fuzzing signed bundles through the importer (issue 19, "Tests the review found missing").

tests/test_bundle_fuzz.py and fuzz/fuzz_bundle_reader.py reach the reader with a sink that keeps
nothing, so they never get past the signature check. Here hypothesis mutates the records and
members of a real bundle, the manifest is rebuilt and SIGNED WITH THE TRUSTED SENDER'S KEY, and
the bundle is imported into a real journal. Every outcome must be one of: accepted with
`journal verify` green, already imported, or rejected with a reason and the journal unchanged.
Anything else (an exception, a half-applied bundle, a verify problem) is a bug.
"""

from __future__ import annotations

import hashlib
import json
import uuid

import pytest

from journal.exchange.exporter import ExportOptions
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from journal.records.entries import canonical_json, chain_hash
from tests.test_export import (
    add_coordinator,
    db_digest,
    decrypt_bundle,
    make_journal,
    populate,
    tar_members,
)
from tests.test_import_hostile import craft, data_files

JSONL = ("entries.jsonl", "contacts.jsonl", "contact_log.jsonl", "forms.jsonl")

# JSON values a hostile sender might put anywhere: odd text (controls, bidi, huge numbers), wrong types.
_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40) | st.sampled_from(
    ["", "\x1b[31m", "\u202eevil", "a\nb", "\x00", "x" * 5000, "2024-13-45T99:99Z", "detention",
     "00000000-0000-0000-0000-000000000000"])
_SCALAR = st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats(allow_nan=False) | _TEXT
_VALUE = st.recursive(_SCALAR, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TEXT, inner, max_size=3),
                      max_leaves=6)


@pytest.fixture(scope="module")
def fuzz_setup(tmp_path_factory):
    base = tmp_path_factory.mktemp("import-fuzz")
    documenter = make_journal(base / "doc", "Fuzzing sender")
    coordinator = make_journal(base / "coord", "Fuzz HQ")
    record = add_coordinator(documenter, coordinator)
    populate(documenter)
    second = documenter.entries.add(title="second", body="тело", tags=["a", "b"], category="other")
    documenter.attachments.add_bytes(second.uuid, bytes(range(256)) * 40, "blob.bin")
    path = base / "valid.ijbundle"
    documenter.exporter.export(path, [record.uuid], all_entries=True,
                               options=ExportOptions(allow_uncleaned=True))
    members = tar_members(decrypt_bundle(path, coordinator))
    assert coordinator.importer.import_bundle(path, trust_new=True).status == "accepted"
    yield documenter, coordinator, members, base
    documenter.close()
    coordinator.close()


def _lines(data: bytes) -> list[dict] | None:
    """The member's records, or None once an earlier mutation made it no JSONL of objects."""
    try:
        records = [json.loads(line) for line in data.decode("utf-8").splitlines() if line]
    except ValueError:  # (UnicodeDecodeError and JSONDecodeError are ValueErrors)
        return None
    return records if all(isinstance(r, dict) for r in records) else None


def _rehash(record: dict) -> None:
    """Keep an entry's revision hash valid, so the mutation reaches the code behind that check."""
    if isinstance(record.get("content"), dict) and isinstance(record.get("prev_hash"), str):
        try:
            record["revision_hash"] = chain_hash(record["prev_hash"], canonical_json(record["content"]))
        except (ValueError, TypeError):
            pass


@st.composite
def mutated_members(draw, members: dict[str, bytes]) -> dict[str, bytes]:
    out = {k: v for k, v in members.items() if k not in ("manifest.json", "manifest.sig")}
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["field", "content field", "drop key", "drop line", "repeat line",
                                     "drop member", "extra member", "raw line", "truncate"]))
        names = sorted(out)
        name = draw(st.sampled_from(names)) if names else None
        if kind in ("field", "content field", "drop key", "drop line", "repeat line") and name in JSONL:
            records = _lines(out[name])
            if not records:
                continue  # (an earlier mutation broke it: that case is covered as it is)
            i = draw(st.integers(0, len(records) - 1))
            record = records[i]
            target = record.get("content") if kind == "content field" and isinstance(
                record.get("content"), dict) else record
            if kind in ("field", "content field"):
                keys = sorted(target) + ["unknown_field"]
                target[draw(st.sampled_from(keys))] = draw(_VALUE)
            elif kind == "drop key" and target:
                target.pop(draw(st.sampled_from(sorted(target))))
            elif kind == "drop line":
                records.pop(i)
            elif kind == "repeat line":
                records.append(record)
            if name == "entries.jsonl" and draw(st.booleans()):
                _rehash(record)
            out[name] = b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in records)
        elif kind == "drop member" and name:
            out.pop(name)
        elif kind == "extra member":
            data = draw(st.binary(max_size=300))
            out[f"attachments/{hashlib.sha256(data).hexdigest()}"] = data
        elif kind == "raw line" and name in JSONL:
            out[name] += draw(st.sampled_from([b"{}\n", b"[]\n", b"null\n", b"{\"v\":1}\n", b"\xff\n", b"\n"]))
        elif kind == "truncate" and name:
            out[name] = out[name][: draw(st.integers(0, max(len(out[name]) - 1, 0)))]
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(data=st.data())
def test_signed_mutated_bundles_import_cleanly_or_are_refused(fuzz_setup, data):
    documenter, coordinator, members, base = fuzz_setup
    content = data.draw(mutated_members(members))
    manifest = json.loads(members["manifest.json"])
    first = data.draw(st.booleans())  # format version 2 (manifest first) or 1 (manifest last)
    bundle = craft({**content, "manifest.json": members["manifest.json"]}, coordinator.identity.age_recipient,
                   documenter.identity.get(), manifest={"bundle_id": str(uuid.uuid4()),
                                                        "sender": manifest["sender"]}, first=first)
    path = base / "mutated.ijbundle"
    path.write_bytes(bundle)
    before, files = db_digest(coordinator), data_files(coordinator)
    result = coordinator.importer.import_bundle(path)  # only Cancelled may escape; it is never asked for
    event(result.status if result.status == "accepted" else result.reason.split(":")[0][:40])
    assert result.status in ("accepted", "rejected"), result
    assert coordinator.db.query_one("SELECT count(*) FROM import_staging")[0] == 0
    if result.status == "rejected":
        assert result.reason and "\n" not in result.reason, result
        assert db_digest(coordinator) == before, result.reason
        assert data_files(coordinator) <= files
    else:
        assert coordinator.verify() == [], result
