"""Key slots: the random data key, wrapped by passphrase- and recovery-derived keys.

Format (binding, see docs/formats.md "Key slots"): journal.keys is JSON
  {"format": "incident-journal-keys", "version": 2, "kdf": {...}, "aead": "chacha20poly1305",
   "slots": [8 x base64 of 92 bytes]}
One Argon2id salt and cost for the file: KEK = Argon2id(secret, salt, params), derived once per
unlock and tried against every slot, always all eight in the same order, so the work does not
depend on which slot opens. A slot is nonce (12) + ChaCha20-Poly1305(KEK, role (1) + key (32) +
reference (31), associated data b"incident-journal-keys/v2/slot"). Unused slots are random bytes
of the same length: the file does not say whether a duress passphrase (slot 2,
journal/storage/duress.py) is set. The data key never depends on the passphrase, so changing
the passphrase only rewraps it.

Version-1 files (one JSON object per slot, each with its own salt, "kind" in clear; associated
data b"incident-journal-keys/v1/<slot id>") are read; the first unlock with the passphrase
converts them (vault.derive_data_key), keeping the recovery code's v1 slot in "legacy_slots"
until a new recovery code is made.
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
KEYS_VERSION = 2
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
    _check_params(slot.params())
    if len(_unb64(kdf["salt"])) < 16 or len(_unb64(slot.nonce)) != 12:
        raise ValueError("bad salt or nonce")
    _unb64(slot.wrapped_key)
    return slot


# --- the key file, version 2 ---------------------------------------------------------------
#: Every key file has exactly this many slots of exactly SLOT_BYTES each. A slot nobody uses
#: holds random bytes, which cannot be told from a used one without its secret, so the file
#: does not say whether a duress passphrase is set (docs/formats.md "Key file").
SLOT_COUNT = 8
#: Where each role's slot lives. The position is a convention, not a secret: what is hidden is
#: whether a slot holds anything. 3 and 4 hold the new passphrase and recovery code while a key
#: change is in progress (rotation.py); 5 to 7 are spare, always random.
PASSPHRASE_SLOT, RECOVERY_SLOT, DURESS_SLOT = 0, 1, 2
ROTATION_SLOTS = (3, 4)
ROLE_PASSPHRASE, ROLE_RECOVERY, ROLE_DURESS = 1, 2, 3
REF_BYTES = 31
#: role (1) + data key (32) + reference (31): what a slot wraps.
SLOT_PLAINTEXT = 1 + DATA_KEY_BYTES + REF_BYTES
NONCE_BYTES = 12
SLOT_BYTES = NONCE_BYTES + SLOT_PLAINTEXT + 16
SLOT_AAD = b"incident-journal-keys/v2/slot"
NO_REF = bytes(REF_BYTES)


def random_slot() -> bytes:
    """An unused slot: random bytes of a used slot's length."""
    return os.urandom(SLOT_BYTES)


def seal_slot(kek: bytes, role: int, key: bytes, ref: bytes = NO_REF) -> bytes:
    if len(key) != DATA_KEY_BYTES or len(ref) != REF_BYTES:
        raise ValueError("slot content has the wrong size")
    nonce = os.urandom(NONCE_BYTES)
    return nonce + ChaCha20Poly1305(kek).encrypt(nonce, bytes([role]) + key + ref, SLOT_AAD)


def open_slot(kek: bytes, slot: bytes) -> tuple[int, bytes, bytes] | None:
    """(role, key, reference), or None if `kek` is not this slot's (or the slot is unused)."""
    try:
        plain = ChaCha20Poly1305(kek).decrypt(slot[:NONCE_BYTES], slot[NONCE_BYTES:], SLOT_AAD)
    except InvalidTag:
        return None
    if len(plain) != SLOT_PLAINTEXT:
        return None
    return plain[0], plain[1 : 1 + DATA_KEY_BYTES], plain[1 + DATA_KEY_BYTES :]


@dataclass
class SlotMatch:
    """What a secret opened: the slot's index and role, its key and reference, and the KEK
    (kept so a duress unlock can rewrite the key file without a second key derivation)."""

    index: int
    role: int
    key: bytes
    ref: bytes
    kek: bytes


class DuressMatched(WrongPassphrase):
    """The passphrase typed was the duress passphrase. Only vault.derive_data_key acts on it;
    any other caller sees a wrong passphrase, and nothing is erased."""

    def __init__(self, match: SlotMatch) -> None:
        super().__init__(_("Wrong passphrase. Check the keyboard layout and Caps Lock."))
        self.match = match


class KeyFile:
    """The parsed journal.keys file (version 2; version 1 files are read and converted).

    ``salt`` and ``params`` are the file's one Argon2id salt and cost: a secret is derived
    once and tried against every slot, so an unlock costs the same whichever slot (if any)
    it opens. ``legacy`` holds the version-1 slots a converted file still carries (each with
    its own salt), until the passphrase or recovery code they wrap is next set."""

    def __init__(self, salt: bytes, params: KdfParams, slots: list[bytes] | None = None,
                 legacy: list[KeySlot] | None = None, rotation: dict | None = None,
                 from_v1: bool = False) -> None:
        self.salt = salt
        self.kdf_params = params
        self.slots = list(slots) if slots is not None else [random_slot() for _i in range(SLOT_COUNT)]
        if len(self.slots) != SLOT_COUNT or any(len(s) != SLOT_BYTES for s in self.slots):
            raise ValueError("wrong slot layout")
        self.legacy = list(legacy or [])
        #: Set only while a key change is in progress (journal/storage/rotation.py): which
        #: slots are new, and the old and new data keys each wrapped under the other.
        self.rotation = rotation
        #: Read from a version-1 file: no version-2 slot holds anything yet.
        self.from_v1 = from_v1

    @classmethod
    def create(cls, data_key: bytes, passphrase: str, recovery_code: str, params: KdfParams) -> "KeyFile":
        kf = cls(os.urandom(16), params)
        kf.slots[PASSPHRASE_SLOT] = seal_slot(kf.derive(normalize_passphrase(passphrase)), ROLE_PASSPHRASE, data_key)
        kf.slots[RECOVERY_SLOT] = seal_slot(kf.derive(normalize_recovery_code(recovery_code)), ROLE_RECOVERY, data_key)
        return kf

    @classmethod
    def from_v1_slots(cls, slots: list[KeySlot], rotation: dict | None = None) -> "KeyFile":
        """A version-1 file in memory: every v1 slot kept as legacy, the v2 slots random."""
        params = slots[0].params() if slots else DEFAULT_KDF
        return cls(os.urandom(16), params, legacy=slots, rotation=rotation, from_v1=True)

    def copy(self) -> "KeyFile":
        return KeyFile(self.salt, self.kdf_params, list(self.slots), list(self.legacy),
                       dict(self.rotation) if self.rotation is not None else None, self.from_v1)

    def derive(self, secret: bytes) -> bytes:
        """The key-encryption key of `secret` under this file's salt and cost."""
        return _derive_kek(secret, self.salt, self.kdf_params)

    # --- loading and saving ---------------------------------------------------------
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
        return cls.from_bytes(raw)

    @classmethod
    def from_bytes(cls, raw: bytes) -> "KeyFile":
        try:
            doc = json.loads(raw.decode("utf-8"))
            if not isinstance(doc, dict) or doc.get("format") != KEYS_FORMAT:
                raise ValueError("format")
            version = doc.get("version")
            if version not in (1, KEYS_VERSION):
                raise CorruptKeyFile(_(
                    "The key file has version {version}, which this version of "
                    "the app does not know. Update the app.").format(version=repr(doc.get('version'))))
            rotation = doc.get("rotation")
            if rotation is not None and not isinstance(rotation, dict):
                raise ValueError("rotation")
            if version == 1:
                v1_slots = [_parse_slot(s) for s in doc["slots"]]
                if not v1_slots:
                    raise ValueError("no slots")
                return cls.from_v1_slots(v1_slots, rotation)
            kdf = doc["kdf"]
            if doc.get("aead") != "chacha20poly1305" or kdf["name"] != "argon2id":
                raise ValueError("unsupported algorithm")
            params = KdfParams(int(kdf["memory_kib"]), int(kdf["iterations"]), int(kdf["lanes"]))
            _check_params(params)
            salt = _unb64(kdf["salt"])
            if len(salt) < 16:
                raise ValueError("bad salt")
            slots = [_unb64(s) for s in doc["slots"]]
            legacy = [_parse_slot(s) for s in doc.get("legacy_slots", [])]
            return cls(salt, params, slots, legacy, rotation)
        except CorruptKeyFile:
            raise
        except (ValueError, KeyError, TypeError, UnicodeDecodeError, AttributeError):
            raise CorruptKeyFile(_(
                "The key file journal.keys is damaged. Restore it from a backup; "
                "the journal cannot be opened without it."
            )) from None

    def to_bytes(self) -> bytes:
        doc: dict = {"format": KEYS_FORMAT, "version": KEYS_VERSION, "kdf": self.kdf_params.as_json(self.salt),
                     "aead": "chacha20poly1305", "slots": [_b64(s) for s in self.slots]}
        if self.legacy:
            doc["legacy_slots"] = [s.as_json() for s in self.legacy]
        if self.rotation is not None:
            doc["rotation"] = self.rotation
        return (json.dumps(doc, indent=2) + "\n").encode("ascii")

    def save(self, path: Path) -> None:
        # The old file is overwritten in place before the new one is renamed over it, so its
        # wrapped keys do not stay in free blocks (journal/storage/keys_io.py).
        replace_keys_file(Path(path), self.to_bytes(), mode=0o600)

    # --- unlocking ------------------------------------------------------------------
    def match(self, secret: bytes, legacy_kind: str) -> SlotMatch | None:
        """Try `secret` against every slot, always all of them and in the same order (one key
        derivation, SLOT_COUNT decryptions), so the work does not depend on which slot opens.
        Then the legacy slots of `legacy_kind`, if the file still has any."""
        found: SlotMatch | None = None
        if not self.from_v1:
            kek = self.derive(secret)
            for index, slot in enumerate(self.slots):
                opened = open_slot(kek, slot)
                if opened is not None and found is None:
                    found = SlotMatch(index, opened[0], opened[1], opened[2], kek)
        for legacy in self.legacy:
            if legacy.kind == legacy_kind:
                key = legacy.unwrap(secret)
                if key is not None and found is None:
                    role = ROLE_PASSPHRASE if legacy_kind == "passphrase" else ROLE_RECOVERY
                    found = SlotMatch(-1, role, key, NO_REF, b"")
        return found

    def match_passphrase(self, passphrase: str) -> SlotMatch:
        """The slot `passphrase` opens. Raises DuressMatched for the duress passphrase (or a
        decoy still being unpacked after one), WrongPassphrase for anything else that fails."""
        found = self.match(normalize_passphrase(passphrase), "passphrase")
        if found is None or found.role == ROLE_RECOVERY:
            raise WrongPassphrase(_("Wrong passphrase. Check the keyboard layout and Caps Lock."))
        if found.role == ROLE_DURESS or found.ref != NO_REF:
            raise DuressMatched(found)
        return found

    def unlock_with_passphrase(self, passphrase: str) -> bytes:
        return self.match_passphrase(passphrase).key

    def unlock_with_recovery_code(self, code: str) -> bytes:
        found = self.match(normalize_recovery_code(code), "recovery")
        if found is None or found.role != ROLE_RECOVERY:
            raise WrongPassphrase(_("That recovery code does not open this journal."))
        return found.key

    # --- changing slots (each returns a new KeyFile) --------------------------------
    def _fresh(self, params: KdfParams) -> "KeyFile":
        """A copy to change: a file read from version 1 starts its version-2 part here."""
        kf = self.copy()
        if kf.from_v1:
            kf.kdf_params = params
            kf.from_v1 = False
        return kf

    def with_slot(self, index: int, kek: bytes, role: int, key: bytes, ref: bytes = NO_REF) -> "KeyFile":
        kf = self._fresh(self.kdf_params)
        kf.slots[index] = seal_slot(kek, role, key, ref)
        return kf

    def with_new_passphrase(self, data_key: bytes, passphrase: str, params: KdfParams) -> "KeyFile":
        """A copy whose passphrase slot holds `passphrase` (and no legacy passphrase slot).
        `params` applies only to a file still in version 1: slots of one file share one cost."""
        kf = self._fresh(params)
        kek = kf.derive(normalize_passphrase(passphrase))
        if open_slot(kek, kf.slots[DURESS_SLOT]) is not None:
            # The same passphrase in both slots would open the real journal and never erase.
            raise InvalidInput(_("The duress passphrase must be different from the passphrase of the journal."))
        kf.slots[PASSPHRASE_SLOT] = seal_slot(kek, ROLE_PASSPHRASE, data_key)
        kf.legacy = [s for s in kf.legacy if s.kind != "passphrase"]
        return kf

    def with_new_recovery_code(self, data_key: bytes, code: str, params: KdfParams) -> "KeyFile":
        kf = self._fresh(params)
        kf.slots[RECOVERY_SLOT] = seal_slot(kf.derive(normalize_recovery_code(code)), ROLE_RECOVERY, data_key)
        kf.legacy = [s for s in kf.legacy if s.kind != "recovery"]
        return kf

    def without_slot(self, index: int) -> "KeyFile":
        kf = self._fresh(self.kdf_params)
        kf.slots[index] = random_slot()
        return kf

    def converted(self, data_key: bytes, passphrase: str) -> "KeyFile":
        """Version 1 → 2 at the first unlock with the passphrase: the passphrase gets its
        version-2 slot; the recovery code's v1 slot stays (as legacy) until a new code is made."""
        return self.with_new_passphrase(data_key, passphrase, self.kdf_params)


def _check_params(params: KdfParams) -> None:
    if params.memory_kib < MIN_MEMORY_KIB or params.iterations < 1 or not 1 <= params.lanes <= 64:
        raise ValueError("key derivation parameters out of range")
    if params.memory_kib > 4 * 1024 * 1024 or params.iterations > 64:
        raise ValueError("key derivation parameters out of range")


#: The shortest passphrase a journal accepts (vault.create, passwd, key rotation).
MIN_PASSPHRASE_LENGTH = 8


def check_passphrase_acceptable(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise InvalidInput(_("Choose a passphrase of at least {n} characters.").format(n=MIN_PASSPHRASE_LENGTH))
