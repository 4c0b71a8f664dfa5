"""Contact cards: a one-line text (and QR code) carrying a name and two public keys.

Format (see docs/bundle-format.md):
    ijcard1:<base64url, no padding, of compact JSON>
    JSON = {"v":1,"name":…,"age":"age1…","ed25519":"<b64url 32 bytes>","check":"<8 hex>"}
``check`` is the first 8 hex digits of SHA-256 over ``b"incident-journal-card/v1\\n"`` followed by
the canonical JSON of the other four fields (sorted keys, no spaces, UTF-8). It catches typing
and copy errors; it is not a security feature (anyone can recompute it), the fingerprint
compared aloud is.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import unicodedata
from dataclasses import dataclass
from typing import BinaryIO

from journal.exchange.bundle.age_encrypt import RecipientInvalid, parse_recipient

from journal.storage.atomic import atomic_output
from journal.exchange.bundle.errors import CardError
from journal.i18n import _

CARD_PREFIX = "ijcard1:"
CARD_VERSION = 1
CARD_FILE_SUFFIX = ".ijcard"
MAX_NAME_LENGTH = 200
MAX_CARD_LENGTH = 4096
_CHECK_DOMAIN = b"incident-journal-card/v1\n"
_FINGERPRINT_DOMAIN = b"incident-journal-fingerprint/v1\x00"
FINGERPRINT_BITS = 100  # 20 base32 characters, shown as 4 groups of 5


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64url_decode(text: str) -> bytes:
    if not text or any(
        c not in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        for c in text
    ):
        raise ValueError("not base64url")
    if len(text) % 4 == 1:
        raise ValueError("impossible base64 length")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _canonical(obj: dict) -> bytes:
    return json.dumps(
        obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")


def _check_value(name: str, age_recipient: str, ed25519_b64: str) -> str:
    payload = {
        "v": CARD_VERSION,
        "name": name,
        "age": age_recipient,
        "ed25519": ed25519_b64,
    }
    return hashlib.sha256(_CHECK_DOMAIN + _canonical(payload)).hexdigest()[:8]


def validate_age_recipient(age_recipient: str) -> str:
    """Return the recipient if bundles can be encrypted to it (journal.bundle.age_encrypt:
    Bech32, 32 bytes, not a low-order point), else raise CardError."""
    if not isinstance(age_recipient, str) or not age_recipient.startswith("age1"):
        raise CardError(_("The card's age key is not a valid age recipient."))
    try:
        parse_recipient(age_recipient)
    except RecipientInvalid as exc:
        raise CardError(_("The card's age key is not a valid age recipient.")) from exc
    return age_recipient


#: Unicode categories refused in names and labels: controls (ANSI escapes, BEL, newlines),
#: format characters (the bidi overrides and isolates U+202A–U+202E, U+2066–U+2069, the marks
#: U+200E/U+200F/U+061C, zero-width characters) and line/paragraph separators. Such text could
#: drive a terminal or make a name read differently from what it is.
CONTROL_CATEGORIES = ("Cc", "Cf", "Zl", "Zp")


def has_control_characters(text: str) -> bool:
    """True if ``text`` holds a character no name or label may hold (CONTROL_CATEGORIES).
    Used for card names, the sender name of a bundle and received category and tag labels."""
    return any(unicodedata.category(c) in CONTROL_CATEGORIES for c in text)


def _clean_name(name: str) -> str:
    if not isinstance(name, str):
        raise CardError(_("The card's name is missing."))
    name = unicodedata.normalize("NFC", name.strip())
    if not name:
        raise CardError(_("The card's name is empty."))
    if len(name) > MAX_NAME_LENGTH:
        raise CardError(_("The card's name is too long."))
    if has_control_characters(name):
        raise CardError(_("The card's name contains control characters."))
    return name


def fingerprint(age_recipient: str, ed25519_pub: bytes) -> str:
    """Short, speakable fingerprint of both public keys: "abcde fghij klmno pqrst".

    SHA-256 over ``b"incident-journal-fingerprint/v1\\0"`` + the ASCII age recipient +
    ``b"\\0"`` + the raw 32-byte Ed25519 key; the first 100 bits as lower-case base32.
    """
    if len(ed25519_pub) != 32:
        raise CardError(_("The signing key must be 32 bytes."))
    digest = hashlib.sha256(
        _FINGERPRINT_DOMAIN
        + age_recipient.encode("ascii")
        + b"\x00"
        + bytes(ed25519_pub)
    ).digest()
    chars = (
        base64.b32encode(digest[:13]).decode("ascii").lower()[: FINGERPRINT_BITS // 5]
    )
    return " ".join(chars[i : i + 5] for i in range(0, len(chars), 5))


@dataclass(frozen=True)
class Card:
    """A decoded contact card."""

    name: str
    age_recipient: str
    ed25519_public_key: bytes

    @property
    def fingerprint(self) -> str:
        """The grouped fingerprint to compare aloud."""
        return fingerprint(self.age_recipient, self.ed25519_public_key)

    @property
    def text(self) -> str:
        """The card line (``ijcard1:…``)."""
        return encode_card(self.name, self.age_recipient, self.ed25519_public_key)


def encode_card(name: str, age_recipient: str, ed25519_pub: bytes) -> str:
    """Build the one-line card text for a name and two public keys."""
    name = _clean_name(name)
    validate_age_recipient(age_recipient)
    if len(ed25519_pub) != 32:
        raise CardError(_("The signing key must be 32 bytes."))
    ed_b64 = _b64url(bytes(ed25519_pub))
    body = {
        "v": CARD_VERSION,
        "name": name,
        "age": age_recipient,
        "ed25519": ed_b64,
        "check": _check_value(name, age_recipient, ed_b64),
    }
    return CARD_PREFIX + _b64url(_canonical(body))


def decode_card(text: str) -> Card:
    """Parse card text (whitespace and line breaks anywhere are ignored); CardError says why not."""
    if not isinstance(text, str):
        raise CardError(_("This is not a contact card."))
    compact = "".join(text.split())
    if len(compact) > MAX_CARD_LENGTH:
        raise CardError(_("This is not a contact card (it is far too long)."))
    if not compact.lower().startswith(CARD_PREFIX):
        if compact.lower().startswith("ijcard"):
            raise CardError(_("This contact card was made by a newer version of the app."))
        raise CardError(_("This is not a contact card (it should start with “ijcard1:”)."))
    try:
        raw = _b64url_decode(compact[len(CARD_PREFIX) :])
        body = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, binascii.Error) as exc:
        raise CardError(
            _("The contact card is damaged (bad encoding); copy it again.")
        ) from exc
    if not isinstance(body, dict):
        raise CardError(_("The contact card is damaged (bad encoding); copy it again."))
    if body.get("v") != CARD_VERSION:
        raise CardError(_("This contact card was made by a newer version of the app."))
    values = [body.get(k) for k in ("name", "age", "ed25519", "check")]
    if not all(isinstance(v, str) for v in values) or set(
        body
    ) != {"v", "name", "age", "ed25519", "check"}:
        raise CardError(_("The contact card is incomplete."))
    name, age_recipient, ed_b64, check = (str(v) for v in values)
    if _check_value(name, age_recipient, ed_b64) != check:
        raise CardError(
            _("The checksum does not match: the card was altered or mistyped.")
        )
    validate_age_recipient(age_recipient)
    try:
        ed_pub = _b64url_decode(ed_b64)
    except (ValueError, binascii.Error) as exc:
        raise CardError(_("The card's signing key is malformed.")) from exc
    if len(ed_pub) != 32:
        raise CardError(
            _("The card's signing key has an invalid length ({count} bytes, expected 32).").format(count=len(ed_pub))
        )
    return Card(_clean_name(name), age_recipient, ed_pub)


def card_file_text(card_text: str) -> str:
    """Content of a ``.ijcard`` file: the card line and a newline."""
    return card_text.strip() + "\n"


def write_card_file(path: str | os.PathLike[str], card_text: str) -> None:
    """Write a ``.ijcard`` file atomically."""
    with atomic_output(path) as handle:
        handle.write(card_file_text(card_text).encode("ascii"))


def read_card_file(path: str | os.PathLike[str]) -> Card:
    """Read and decode a ``.ijcard`` file (CardError if it is not one)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_CARD_LENGTH + 1)
    except OSError as exc:
        raise CardError(
            _("The card file could not be read: {value}.").format(value=exc.strerror or exc)
        ) from exc
    try:
        return decode_card(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise CardError(_("This is not a contact card.")) from exc


def card_qr_png(
    card_text: str, out: str | os.PathLike[str] | BinaryIO, *, scale: int = 6
) -> None:
    """Render the card as a QR code PNG to a path or a binary stream."""
    import segno  # imported here: only this function needs it

    qr = segno.make(card_text.strip(), error="m", micro=False)
    if isinstance(out, (str, os.PathLike)):
        with atomic_output(out) as handle:
            qr.save(handle, kind="png", scale=scale, border=4)
    else:
        qr.save(out, kind="png", scale=scale, border=4)
