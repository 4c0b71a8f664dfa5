"""Key slots: the random data key, wrapped by passphrase- and recovery-derived keys.

Format (binding, see docs/formats.md): journal.keys is JSON
  {"format": "incident-journal-keys", "version": 1, "slots": [...]}
each slot wrapping the same 32-byte data key with ChaCha20-Poly1305 under
KEK = Argon2id(secret, salt, params), associated data
b"incident-journal-keys/v1/<slot id>". The data key never depends on the
passphrase, so changing the passphrase only rewraps it.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from journal.storage.keys_io import read_key_bytes, replace_keys_file
from journal.errors import CorruptKeyFile, InvalidInput, WrongPassphrase
from journal.i18n import _

KEYS_FORMAT = "incident-journal-keys"
KEYS_VERSION = 1
DATA_KEY_BYTES = 32


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. Defaults take about a second on a modest laptop."""

    memory_kib: int = 262144
    iterations: int = 3
    lanes: int = 4

    def as_json(self, salt: bytes) -> dict:
        return {
            "name": "argon2id",
            "salt": _b64(salt),
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
        }


DEFAULT_KDF = KdfParams()
# Refuse to open slots whose cost was tampered down to near nothing: an
# attacker who can write journal.keys must not make guessing cheap for later
# rewraps. Tests use a cheap, explicit profile above this floor.
MIN_MEMORY_KIB = 1024


def normalize_passphrase(passphrase: str) -> bytes:
    """NFC so the same passphrase typed on different keyboards/OSes matches."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


# --- recovery codes ---------------------------------------------------------
_RECOVERY_BITS = 160  # 32 base32 characters, 8 groups of 4


def new_recovery_code() -> str:
    raw = base64.b32encode(secrets.token_bytes(_RECOVERY_BITS // 8)).decode("ascii")
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def normalize_recovery_code(code: str) -> bytes:
    """Accept any case, spaces or dashes, and the usual O/0, I/L/1 confusions."""
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    cleaned = cleaned.replace("0", "O").replace("1", "I").replace("8", "B")
    if len(cleaned) != _RECOVERY_BITS // 5:
        raise InvalidInput(_(
            "A recovery code has 32 letters and digits (8 groups of 4). "
            "Check that you typed all of it."
        ))
    try:
        base64.b32decode(cleaned)
    except ValueError:
        raise InvalidInput(_("That is not a valid recovery code.")) from None
    return cleaned.encode("ascii")


# --- slots --------------------------------------------------------------------
def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _derive_kek(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    return Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(secret)


def _aad(slot_id: str) -> bytes:
    return f"incident-journal-keys/v1/{slot_id}".encode("ascii")


@dataclass
class KeySlot:
    id: str
    kind: str  # "passphrase" | "recovery"
    kdf: dict
    aead: str
    nonce: str
    wrapped_key: str

    @classmethod
    def wrap(cls, kind: str, secret: bytes, data_key: bytes, params: KdfParams) -> "KeySlot":
        slot_id = str(uuid.uuid4())
        salt = os.urandom(16)
        nonce = os.urandom(12)
        kek = _derive_kek(secret, salt, params)
        wrapped = ChaCha20Poly1305(kek).encrypt(nonce, data_key, _aad(slot_id))
        return cls(slot_id, kind, params.as_json(salt), "chacha20poly1305", _b64(nonce), _b64(wrapped))

    def params(self) -> KdfParams:
        return KdfParams(
            memory_kib=int(self.kdf["memory_kib"]),
            iterations=int(self.kdf["iterations"]),
            lanes=int(self.kdf["lanes"]),
        )

    def unwrap(self, secret: bytes) -> bytes | None:
        """The data key, or None if `secret` is not this slot's."""
        kek = _derive_kek(secret, _unb64(self.kdf["salt"]), self.params())
        try:
            key = ChaCha20Poly1305(kek).decrypt(_unb64(self.nonce), _unb64(self.wrapped_key), _aad(self.id))
        except InvalidTag:
            return None
        if len(key) != DATA_KEY_BYTES:
            return None
        return key

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "kdf": self.kdf,
            "aead": self.aead,
            "nonce": self.nonce,
            "wrapped_key": self.wrapped_key,
        }


def _parse_slot(obj: object) -> KeySlot:
    if not isinstance(obj, dict):
        raise ValueError("slot is not an object")
    kdf = obj["kdf"]
    uuid.UUID(str(obj["id"]))  # ids are UUIDs; anything else is a damaged file
    if obj["kind"] not in ("passphrase", "recovery"):
        raise ValueError("unknown slot kind")
    if obj["aead"] != "chacha20poly1305" or kdf["name"] != "argon2id":
        raise ValueError("unsupported algorithm")
    slot = KeySlot(str(obj["id"]), obj["kind"], dict(kdf), obj["aead"], obj["nonce"], obj["wrapped_key"])
    params = slot.params()
    if params.memory_kib < MIN_MEMORY_KIB or params.iterations < 1 or not 1 <= params.lanes <= 64:
        raise ValueError("key derivation parameters out of range")
    if params.memory_kib > 4 * 1024 * 1024 or params.iterations > 64:
        raise ValueError("key derivation parameters out of range")
    if len(_unb64(kdf["salt"])) < 16 or len(_unb64(slot.nonce)) != 12:
        raise ValueError("bad salt or nonce")
    _unb64(slot.wrapped_key)
    return slot


class KeyFile:
    """The parsed journal.keys file."""

    def __init__(self, slots: list[KeySlot], rotation: dict | None = None) -> None:
        self.slots = slots
        #: Set only while a key change is in progress (journal/storage/rotation.py): which
        #: slots are new, and the old and new data keys each wrapped under the other.
        self.rotation = rotation

    @classmethod
    def create(cls, data_key: bytes, passphrase: str, recovery_code: str, params: KdfParams) -> "KeyFile":
        return cls(
            [
                KeySlot.wrap("passphrase", normalize_passphrase(passphrase), data_key, params),
                KeySlot.wrap("recovery", normalize_recovery_code(recovery_code), data_key, params),
            ]
        )

    @classmethod
    def load(cls, path: Path) -> "KeyFile":
        try:
            raw = read_key_bytes(Path(path), KEYS_FORMAT)
        except FileNotFoundError:
            raise CorruptKeyFile(_(
                "The key file journal.keys is missing. Without it the journal cannot be "
                "opened; restore it from a backup."
            )) from None
        except OSError as exc:
            raise CorruptKeyFile(_("The key file journal.keys cannot be read ({reason}).").format(reason=exc.strerror)) from None
        try:
            doc = json.loads(raw.decode("utf-8"))
            if doc.get("format") != KEYS_FORMAT:
                raise ValueError("format")
            if doc.get("version") != KEYS_VERSION:
                raise CorruptKeyFile(_(
                    "The key file has version {version}, which this version of "
                    "the app does not know. Update the app.").format(version=repr(doc.get('version'))))
            slots = [_parse_slot(s) for s in doc["slots"]]
            if not slots:
                raise ValueError("no slots")
            rotation = doc.get("rotation")
            if rotation is not None and not isinstance(rotation, dict):
                raise ValueError("rotation")
        except CorruptKeyFile:
            raise
        except (ValueError, KeyError, TypeError, UnicodeDecodeError, AttributeError):
            raise CorruptKeyFile(_(
                "The key file journal.keys is damaged. Restore it from a backup; "
                "the journal cannot be opened without it."
            )) from None
        return cls(slots, rotation)

    def to_bytes(self) -> bytes:
        doc = {"format": KEYS_FORMAT, "version": KEYS_VERSION, "slots": [s.as_json() for s in self.slots]}
        if self.rotation is not None:
            doc["rotation"] = self.rotation
        return (json.dumps(doc, indent=2) + "\n").encode("ascii")

    def save(self, path: Path) -> None:
        # The old file is overwritten in place before the new one is renamed over it, so its
        # wrapped keys do not stay in free blocks (journal/storage/keys_io.py).
        replace_keys_file(Path(path), self.to_bytes(), mode=0o600)

    def unlock_with_passphrase(self, passphrase: str) -> bytes:
        secret = normalize_passphrase(passphrase)
        for slot in self.slots:
            if slot.kind == "passphrase":
                key = slot.unwrap(secret)
                if key is not None:
                    return key
        raise WrongPassphrase(_("Wrong passphrase. Check the keyboard layout and Caps Lock."))

    def unlock_with_recovery_code(self, code: str) -> bytes:
        secret = normalize_recovery_code(code)
        for slot in self.slots:
            if slot.kind == "recovery":
                key = slot.unwrap(secret)
                if key is not None:
                    return key
        raise WrongPassphrase(_("That recovery code does not open this journal."))

    def with_new_passphrase(self, data_key: bytes, passphrase: str, params: KdfParams) -> "KeyFile":
        """A copy whose passphrase slots are replaced by one for `passphrase`."""
        kept = [s for s in self.slots if s.kind != "passphrase"]
        return KeyFile([KeySlot.wrap("passphrase", normalize_passphrase(passphrase), data_key, params)] + kept)

    def with_new_recovery_code(self, data_key: bytes, code: str, params: KdfParams) -> "KeyFile":
        kept = [s for s in self.slots if s.kind != "recovery"]
        return KeyFile(kept + [KeySlot.wrap("recovery", normalize_recovery_code(code), data_key, params)])


#: The shortest passphrase a journal accepts (vault.create, passwd, key rotation).
MIN_PASSPHRASE_LENGTH = 8


def check_passphrase_acceptable(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise InvalidInput(_("Choose a passphrase of at least {n} characters.").format(n=MIN_PASSPHRASE_LENGTH))
