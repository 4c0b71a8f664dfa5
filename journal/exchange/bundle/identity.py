"""A journal's identity: an age X25519 key to receive bundles, an Ed25519 key to sign them.

The secrets live only inside the encrypted database (``to_secrets`` / ``from_secrets``);
``age_identity_file_text`` exists so a person can export the key for `age -d -i`.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pyrage
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from journal.exchange.bundle.errors import IdentityError
from journal.i18n import _

SECRETS_VERSION = 1


def _utc_now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True, eq=False)
class Identity:
    """One journal's key pair set. repr() never shows a secret."""

    age_identity: pyrage.x25519.Identity = field(repr=False)
    signing_key: Ed25519PrivateKey = field(repr=False)
    created_at: str = field(default_factory=_utc_now_iso)

    @classmethod
    def generate(cls) -> Identity:
        """Create a fresh identity (done once, when a journal is created)."""
        return cls(pyrage.x25519.Identity.generate(), Ed25519PrivateKey.generate())

    # --- public halves -------------------------------------------------------------
    @property
    def age_recipient(self) -> str:
        """The ``age1…`` recipient others encrypt bundles to."""
        return str(self.age_identity.to_public())

    @property
    def signing_public_key(self) -> bytes:
        """The raw 32-byte Ed25519 public key."""
        return self.signing_key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )

    @property
    def fingerprint(self) -> str:
        """The grouped fingerprint shown for reading aloud (see card.fingerprint)."""
        from journal.exchange.bundle.card import fingerprint

        return fingerprint(self.age_recipient, self.signing_public_key)

    def sign(self, message: bytes) -> bytes:
        """Return the raw 64-byte Ed25519 signature over ``message``."""
        return self.signing_key.sign(message)

    # --- secrets -------------------------------------------------------------------
    @property
    def age_secret_key(self) -> str:
        """The ``AGE-SECRET-KEY-1…`` string (secret)."""
        return str(self.age_identity)

    def to_secrets(self) -> dict[str, Any]:
        """Everything needed to rebuild this identity, as JSON-able values (secret!).

        Meant to be stored only inside the encrypted database.
        """
        raw = self.signing_key.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        return {
            "version": SECRETS_VERSION,
            "age_secret_key": self.age_secret_key,
            "ed25519_private_key": base64.b64encode(raw).decode("ascii"),
            "created_at": self.created_at,
        }

    @classmethod
    def from_secrets(cls, secrets: dict[str, Any]) -> Identity:
        """Rebuild an identity from ``to_secrets()`` output; IdentityError if malformed."""
        if not isinstance(secrets, dict) or secrets.get("version") != SECRETS_VERSION:
            raise IdentityError(_("The stored identity has an unknown format."))
        age_secret = secrets.get("age_secret_key")
        ed_secret = secrets.get("ed25519_private_key")
        created_at = secrets.get("created_at") or _utc_now_iso()
        if (
            not isinstance(age_secret, str)
            or not isinstance(ed_secret, str)
            or not isinstance(created_at, str)
        ):
            raise IdentityError(_("The stored identity is incomplete."))
        try:
            age_identity = pyrage.x25519.Identity.from_str(age_secret)
        except Exception as exc:  # pyrage raises its own IdentityError (not ours)
            raise IdentityError(_("The stored age key is malformed.")) from exc
        try:
            raw = base64.b64decode(ed_secret, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise IdentityError(_("The stored signing key is malformed.")) from exc
        if len(raw) != 32:
            raise IdentityError(_("The stored signing key is malformed."))
        return cls(age_identity, Ed25519PrivateKey.from_private_bytes(raw), created_at)

    def age_identity_file_text(self) -> str:
        """The key file format `age -d -i FILE` reads (same layout as age-keygen's)."""
        return (
            f"# created: {self.created_at}\n"
            f"# public key: {self.age_recipient}\n"
            f"{self.age_secret_key}\n"
        )

    def __repr__(self) -> str:
        return f"Identity(age_recipient={self.age_recipient!r}, created_at={self.created_at!r})"
