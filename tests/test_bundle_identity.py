"""Journal identities: generation, storage round trip, signing, age key file."""

from __future__ import annotations

import shutil
import subprocess

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from journal.exchange.bundle.errors import IdentityError
from journal.exchange.bundle.identity import Identity


def test_generate_and_restore_from_secrets():
    identity = Identity.generate()
    secrets = identity.to_secrets()
    assert secrets["age_secret_key"].startswith("AGE-SECRET-KEY-1")
    restored = Identity.from_secrets(secrets)
    assert restored.age_recipient == identity.age_recipient
    assert restored.signing_public_key == identity.signing_public_key
    assert restored.fingerprint == identity.fingerprint
    assert restored.created_at == identity.created_at


def test_public_halves():
    identity = Identity.generate()
    assert identity.age_recipient.startswith("age1")
    assert len(identity.signing_public_key) == 32
    signature = identity.sign(b"manifest bytes")
    assert len(signature) == 64
    Ed25519PublicKey.from_public_bytes(identity.signing_public_key).verify(
        signature, b"manifest bytes"
    )


def test_repr_shows_no_secret():
    identity = Identity.generate()
    assert "AGE-SECRET-KEY" not in repr(identity)
    assert identity.to_secrets()["ed25519_private_key"] not in repr(identity)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda s: s.update(version=2),
        lambda s: s.pop("age_secret_key"),
        lambda s: s.update(age_secret_key="AGE-SECRET-KEY-1NOPE"),
        lambda s: s.update(ed25519_private_key="!!!"),
        lambda s: s.update(ed25519_private_key="AAAA"),
    ],
)
def test_malformed_secrets_raise_identity_error(mutate):
    secrets = Identity.generate().to_secrets()
    mutate(secrets)
    with pytest.raises(IdentityError):
        Identity.from_secrets(secrets)


def test_age_identity_file_text_is_what_age_reads(tmp_path):
    identity = Identity.generate()
    text = identity.age_identity_file_text()
    lines = text.splitlines()
    assert lines[0].startswith("# created: ")
    assert lines[1] == f"# public key: {identity.age_recipient}"
    assert lines[2] == identity.age_secret_key
    encrypted = pyrage.encrypt(
        b"hello", [pyrage.x25519.Recipient.from_str(identity.age_recipient)]
    )
    if shutil.which("age") is None:
        pytest.skip("Debian's age is not installed")
    key = tmp_path / "key.txt"
    key.write_text(text)
    key.chmod(0o600)
    result = subprocess.run(
        ["age", "-d", "-i", str(key)], input=encrypted, capture_output=True, check=True
    )
    assert result.stdout == b"hello"
