"""Property tests: damaged or hostile bundles only ever raise BundleRejected."""

from __future__ import annotations

import hashlib
import io
import os
import tarfile

import pyrage
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.exchange.bundle import (
    BundleRejected,
    DiscardSink,
    Identity,
    Limits,
    Member,
    read_bundle,
    write_bundle,
)

SENDER = Identity.generate()
COORDINATOR = Identity.generate()
ENTRIES = '{"title":"Задержание"}\n{"title":"Затримання"}\n'.encode()
PHOTO = os.urandom(1500)
LIMITS = Limits(
    max_jsonl_line=4096,
    max_member_size=1 << 20,
    max_total_size=1 << 21,
    max_manifest_size=1 << 16,
)


def _bundle() -> bytes:
    out = io.BytesIO()
    members = [
        Member("entries.jsonl", len(ENTRIES), ENTRIES),
        Member(f"attachments/{hashlib.sha256(PHOTO).hexdigest()}", len(PHOTO), PHOTO),
    ]
    write_bundle(out, [COORDINATOR.age_recipient], SENDER, "Sender", members)
    return out.getvalue()


BUNDLE = _bundle()
PLAINTEXT = pyrage.decrypt(
    BUNDLE, [pyrage.x25519.Identity.from_str(COORDINATOR.age_secret_key)]
)


def _read(data: bytes):
    return read_bundle(
        io.BytesIO(data), [COORDINATOR.age_secret_key], DiscardSink(), limits=LIMITS
    )


def mutate(data: bytes, edits: list[tuple[str, int, int]]) -> bytes:
    """Apply flips, deletions, insertions, truncations and overwrites at relative positions."""
    buf = bytearray(data)
    for op, where, value in edits:
        position = where % (len(buf) + 1)
        if op == "flip" and buf:
            position %= len(buf)
            buf[position] ^= value or 1
        elif op == "delete":
            del buf[position : position + value % 64 + 1]
        elif op == "insert":
            buf[position:position] = bytes([value]) * (value % 16 + 1)
        elif op == "truncate":
            del buf[position:]
        elif op == "zero":
            buf[position : position + 512] = bytes(len(buf[position : position + 512]))
    return bytes(buf)


EDITS = st.lists(
    st.tuples(
        st.sampled_from(["flip", "delete", "insert", "truncate", "zero"]),
        st.integers(min_value=0, max_value=1 << 20),
        st.integers(min_value=0, max_value=255),
    ),
    min_size=1,
    max_size=4,
)


def test_unmutated_bundles_pass():
    assert _read(BUNDLE).sender.ed25519_public_key == SENDER.signing_public_key


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EDITS)
def test_mutated_ciphertext_is_always_rejected(edits):
    data = mutate(BUNDLE, edits)
    if data == BUNDLE:
        return
    with pytest.raises(BundleRejected):
        _read(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EDITS)
def test_mutated_plaintext_reencrypted_never_crashes(edits):
    """Past the age layer (a sender crafting hostile tar/JSON): BundleRejected or a clean accept."""
    data = mutate(PLAINTEXT, edits)
    encrypted = pyrage.encrypt(
        data, [pyrage.x25519.Recipient.from_str(COORDINATOR.age_recipient)]
    )
    try:
        verified = _read(encrypted)
    except BundleRejected:
        return
    # Accepted only if everything a signature covers is intact (e.g. an edit in a header's
    # unused bytes that keeps the checksum): the tar members must still be the original ones.
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as archive:
        names = archive.getnames()
    assert names[:2] == ["manifest.json", "manifest.sig"]
    assert verified.manifest_bytes in PLAINTEXT


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2048))
def test_random_bytes_are_rejected(data):
    with pytest.raises(BundleRejected):
        _read(data)
    with pytest.raises(BundleRejected):
        _read(
            pyrage.encrypt(
                data, [pyrage.x25519.Recipient.from_str(COORDINATOR.age_recipient)]
            )
        )
