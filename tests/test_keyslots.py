"""Key slots: format, wrapping, recovery codes, hostile key files."""

import base64
import json
import os
import stat

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from journal.errors import CorruptKeyFile, InvalidInput, WrongPassphrase
from journal.storage.keyslots import DEFAULT_KDF, KdfParams, KeyFile, new_recovery_code, normalize_recovery_code
from tests.conftest import FAST_KDF


def test_defaults_users_get_are_strong():
    assert DEFAULT_KDF == KdfParams(memory_kib=262144, iterations=3, lanes=4)


def test_key_file_matches_binding_format(tmp_path):
    key = os.urandom(32)
    code = new_recovery_code()
    kf = KeyFile.create(key, "pass phrase ü", code, FAST_KDF)
    path = tmp_path / "journal.keys"
    kf.save(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    doc = json.loads(path.read_text())
    assert doc["format"] == "incident-journal-keys" and doc["version"] == 2
    assert set(doc) == {"format", "version", "kdf", "aead", "slots"}
    assert doc["aead"] == "chacha20poly1305"
    assert set(doc["kdf"]) == {"name", "salt", "memory_kib", "iterations", "lanes"}
    assert len(doc["slots"]) == 8 and {len(base64.b64decode(s)) for s in doc["slots"]} == {92}
    # Unwrap by hand, exactly as docs/recovery.md describes: one derivation, every slot tried.
    import unicodedata

    kdf = doc["kdf"]
    kek = Argon2id(salt=base64.b64decode(kdf["salt"]), length=32, iterations=kdf["iterations"], lanes=kdf["lanes"],
                   memory_cost=kdf["memory_kib"]).derive(unicodedata.normalize("NFC", "pass phrase ü").encode())
    opened = []
    for index, raw in enumerate(map(base64.b64decode, doc["slots"])):
        try:
            opened.append((index, ChaCha20Poly1305(kek).decrypt(raw[:12], raw[12:], b"incident-journal-keys/v2/slot")))
        except InvalidTag:
            pass
    assert [(i, p[0], p[1:33], p[33:]) for i, p in opened] == [(0, 1, key, bytes(31))]


def test_passphrase_is_nfc_normalized(tmp_path):
    key = os.urandom(32)
    kf = KeyFile.create(key, "e\u0301t\u00e9", new_recovery_code(), FAST_KDF)  # decomposed é, composed é
    assert kf.unlock_with_passphrase("\u00e9t\u00e9") == key


def test_wrong_passphrase():
    kf = KeyFile.create(os.urandom(32), "right one!", new_recovery_code(), FAST_KDF)
    with pytest.raises(WrongPassphrase):
        kf.unlock_with_passphrase("wrong one!")


def test_recovery_code_shape_and_tolerant_input():
    code = new_recovery_code()
    groups = code.split("-")
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)  # 160 bits
    key = os.urandom(32)
    kf = KeyFile.create(key, "passphrase1", code, FAST_KDF)
    assert kf.unlock_with_recovery_code(code.lower().replace("-", " ")) == key
    with pytest.raises(InvalidInput):
        normalize_recovery_code("ABCD-EFGH")


def test_rewrap_keeps_recovery_slot():
    key = os.urandom(32)
    code = new_recovery_code()
    kf = KeyFile.create(key, "old passphrase", code, FAST_KDF).with_new_passphrase(key, "new passphrase", FAST_KDF)
    assert kf.unlock_with_passphrase("new passphrase") == key
    assert kf.unlock_with_recovery_code(code) == key
    with pytest.raises(WrongPassphrase):
        kf.unlock_with_passphrase("old passphrase")


@pytest.mark.parametrize("content", [
    b"", b"not json", b"[]", b'{"format": "other"}',
    b'{"format": "incident-journal-keys", "version": 1, "slots": []}',
    b'{"format": "incident-journal-keys", "version": 1, "slots": [{"id": 1}]}',
    b"\xff\xfe garbage",
])
def test_corrupt_key_file_gives_clear_error(tmp_path, content):
    path = tmp_path / "journal.keys"
    path.write_bytes(content)
    with pytest.raises(CorruptKeyFile) as err:
        KeyFile.load(path)
    assert "journal.keys" in str(err.value) or "version" in str(err.value)


def test_newer_key_file_version(tmp_path):
    path = tmp_path / "journal.keys"
    path.write_text('{"format": "incident-journal-keys", "version": 3, "slots": []}')
    with pytest.raises(CorruptKeyFile, match="Update the app"):
        KeyFile.load(path)


def test_tampered_down_kdf_is_refused(tmp_path):
    kf = KeyFile.create(os.urandom(32), "passphrase1", new_recovery_code(), FAST_KDF)
    doc = json.loads(kf.to_bytes())
    doc["kdf"]["memory_kib"] = 8
    path = tmp_path / "journal.keys"
    path.write_text(json.dumps(doc))
    with pytest.raises(CorruptKeyFile):
        KeyFile.load(path)


# --- the associated data binds each wrapped key to its slot -------------------------------------
def _hand_made_slot(passphrase: str, data_key: bytes, aad: bytes | None, kind: str = "passphrase"):
    """A slot built by hand (not by KeySlot.wrap) whose wrapped key carries `aad`."""
    import unicodedata
    import uuid

    from journal.storage.keyslots import KeySlot

    slot_id = str(uuid.uuid4())
    salt, nonce = os.urandom(16), os.urandom(12)
    kek = Argon2id(salt=salt, length=32, iterations=FAST_KDF.iterations, lanes=FAST_KDF.lanes,
                   memory_cost=FAST_KDF.memory_kib).derive(unicodedata.normalize("NFC", passphrase).encode())
    if aad == b"<own>":
        aad = f"incident-journal-keys/v1/{slot_id}".encode()
    wrapped = ChaCha20Poly1305(kek).encrypt(nonce, data_key, aad)
    return KeySlot(slot_id, kind, FAST_KDF.as_json(salt), "chacha20poly1305",
                   base64.b64encode(nonce).decode(), base64.b64encode(wrapped).decode())


def test_hand_made_slot_with_its_own_aad_opens():
    # The control for the refusals below: the construction itself is right.
    key = os.urandom(32)
    slot = _hand_made_slot("passphrase1", key, b"<own>")
    assert slot.unwrap("passphrase1".encode()) == key
    assert KeyFile.from_v1_slots([slot]).unlock_with_passphrase("passphrase1") == key


@pytest.mark.parametrize("aad", [None, b"", b"incident-journal-keys/v1/", "other-slot"])
def test_unwrap_refuses_a_key_wrapped_without_or_with_another_slots_aad(tmp_path, aad):
    key = os.urandom(32)
    if aad == "other-slot":
        # Wrapped under the id of a real slot of the same file (a slot moved or copied).
        other = _v1_slot("recovery", normalize_recovery_code(new_recovery_code()), key)
        aad = f"incident-journal-keys/v1/{other.id}".encode()
    slot = _hand_made_slot("passphrase1", key, aad)
    assert slot.unwrap("passphrase1".encode()) is None
    with pytest.raises(WrongPassphrase):
        KeyFile.from_v1_slots([slot]).unlock_with_passphrase("passphrase1")
    # The same through the file on disk, as an attacker who can write journal.keys would try.
    path = tmp_path / "journal.keys"
    path.write_text(json.dumps(_v1_doc([slot])))
    with pytest.raises(WrongPassphrase):
        KeyFile.load(path).unlock_with_passphrase("passphrase1")


@pytest.mark.parametrize("aad", [None, b"", b"incident-journal-keys/v1/slot", "right"])
def test_a_version_2_slot_sealed_without_or_with_another_aad_is_refused(tmp_path, aad):
    # The same for the version-2 slots every new journal has (one fixed AAD for all slots): a
    # slot sealed by hand with the right key and plaintext layout, under no or another AAD.
    from journal.storage.keyslots import (NO_REF, PASSPHRASE_SLOT, ROLE_PASSPHRASE, SLOT_AAD,
                                          open_slot)

    key = os.urandom(32)
    kf = KeyFile.create(key, "passphrase1", new_recovery_code(), FAST_KDF)
    kek = kf.derive(b"passphrase1")
    nonce = os.urandom(12)
    sealed = nonce + ChaCha20Poly1305(kek).encrypt(nonce, bytes([ROLE_PASSPHRASE]) + key + NO_REF,
                                                    SLOT_AAD if aad == "right" else aad)
    kf.slots[PASSPHRASE_SLOT] = sealed
    path = tmp_path / "journal.keys"
    kf.save(path)
    if aad == "right":  # the control: the hand-made construction itself is right
        assert open_slot(kek, sealed) == (ROLE_PASSPHRASE, key, NO_REF)
        assert KeyFile.load(path).unlock_with_passphrase("passphrase1") == key
        return
    assert open_slot(kek, sealed) is None
    with pytest.raises(WrongPassphrase):
        KeyFile.load(path).unlock_with_passphrase("passphrase1")


def test_slot_id_swapped_between_slots_is_refused():
    # Two slots for the same passphrase: exchanging their ids breaks both.
    key = os.urandom(32)
    a = _hand_made_slot("passphrase1", key, b"<own>")
    b = _hand_made_slot("passphrase1", key, b"<own>")
    a.id, b.id = b.id, a.id
    assert a.unwrap(b"passphrase1") is None and b.unwrap(b"passphrase1") is None
    with pytest.raises(WrongPassphrase):
        KeyFile.from_v1_slots([a, b]).unlock_with_passphrase("passphrase1")


def test_recovery_slot_refuses_foreign_aad():
    key = os.urandom(32)
    code = new_recovery_code()
    secret = normalize_recovery_code(code).decode()
    slot = _hand_made_slot(secret, key, None, kind="recovery")
    with pytest.raises(WrongPassphrase):
        KeyFile.from_v1_slots([slot]).unlock_with_recovery_code(code)
    good = _hand_made_slot(secret, key, b"<own>", kind="recovery")
    assert KeyFile.from_v1_slots([slot, good]).unlock_with_recovery_code(code) == key


# --- the parser's limits, each alone (mutation checks: docs/testing.md) ---------------------------
def _v1_slot(kind, secret, key):
    from journal.storage.keyslots import KeySlot

    return KeySlot.wrap(kind, secret, key, FAST_KDF)


def _v1_doc(slots):
    """A version-1 key file document (as apps before key file version 2 wrote it)."""
    return {"format": "incident-journal-keys", "version": 1, "slots": [s.as_json() for s in slots]}


def _slot_doc(**changes):
    """A valid version-1 key file document whose first slot gets `changes` (kdf.* keys go into kdf)."""
    key = os.urandom(32)
    doc = _v1_doc([_v1_slot("passphrase", b"passphrase1", key),
                   _v1_slot("recovery", normalize_recovery_code(new_recovery_code()), key)])
    slot = doc["slots"][0]
    for key, value in changes.items():
        if key.startswith("kdf_"):
            slot["kdf"][key[4:]] = value
        else:
            slot[key] = value
    return doc


def _load_doc(tmp_path, doc):
    path = tmp_path / "journal.keys"
    path.write_text(json.dumps(doc))
    return KeyFile.load(path)


@pytest.mark.parametrize("changes", [
    {"kdf_memory_kib": 1024},            # the floor itself
    {"kdf_memory_kib": 4 * 1024 * 1024},  # the ceiling itself
    {"kdf_iterations": 1}, {"kdf_iterations": 64},
    {"kdf_lanes": 1}, {"kdf_lanes": 64},
])
def test_kdf_limits_are_inclusive(tmp_path, changes):
    assert len(_load_doc(tmp_path, _slot_doc(**changes)).legacy) == 2


@pytest.mark.parametrize("changes", [
    {"kdf_memory_kib": 1023}, {"kdf_memory_kib": 4 * 1024 * 1024 + 1},
    {"kdf_iterations": 0}, {"kdf_iterations": 65},
    {"kdf_lanes": 0}, {"kdf_lanes": 65},
    {"aead": "aes-256-gcm"},              # the cipher alone wrong
    {"kdf_name": "scrypt"},               # the KDF alone wrong
    {"kind": "fingerprint"},
    {"id": "not-a-uuid"},
    {"kdf_salt": base64.b64encode(os.urandom(15)).decode()},  # salt alone too short
    {"nonce": base64.b64encode(os.urandom(11)).decode()},     # nonce alone wrong size
    {"nonce": base64.b64encode(os.urandom(13)).decode()},
    {"nonce": "AAAAAAAAAAAAAAAA!"},        # not base64: refused, not silently cleaned up
    {"wrapped_key": "AAAA AAAA"},
])
def test_each_out_of_range_or_malformed_slot_field_is_refused(tmp_path, changes):
    with pytest.raises(CorruptKeyFile, match="journal.keys is damaged"):
        _load_doc(tmp_path, _slot_doc(**changes))


def test_new_slot_salt_and_nonce_sizes():
    kf = KeyFile.create(os.urandom(32), "passphrase1", new_recovery_code(), FAST_KDF)
    assert len(kf.salt) == 16
    assert all(len(slot) == 12 + 1 + 32 + 31 + 16 for slot in kf.slots)


def test_key_file_is_indented_json_ending_in_newline():
    raw = KeyFile.create(os.urandom(32), "passphrase1", new_recovery_code(), FAST_KDF).to_bytes()
    assert raw.startswith(b'{\n  "format": "incident-journal-keys",\n  "version": 2,') and raw.endswith(b"}\n")


@pytest.mark.parametrize("change", [
    {"kdf": {"memory_kib": 1023}}, {"kdf": {"iterations": 0}}, {"kdf": {"lanes": 65}}, {"kdf": {"name": "scrypt"}},
    {"kdf": {"salt": base64.b64encode(os.urandom(15)).decode()}}, {"aead": "aes-256-gcm"},
    {"slots": "drop-one"}, {"slots": "short-one"}, {"slots": "not-base64"},
])
def test_each_malformed_v2_field_is_refused(tmp_path, change):
    doc = json.loads(KeyFile.create(os.urandom(32), "passphrase1", new_recovery_code(), FAST_KDF).to_bytes())
    for key, value in change.items():
        if key == "kdf":
            doc["kdf"].update(value)
        elif value == "drop-one":
            doc["slots"].pop()
        elif value == "short-one":
            doc["slots"][3] = base64.b64encode(os.urandom(91)).decode()
        elif value == "not-base64":
            doc["slots"][3] = "AAAA AAAA"
        else:
            doc[key] = value
    with pytest.raises(CorruptKeyFile, match="journal.keys is damaged"):
        _load_doc(tmp_path, doc)


def test_newer_version_is_named_in_the_message(tmp_path):
    path = tmp_path / "journal.keys"
    path.write_text('{"format": "incident-journal-keys", "version": 7, "slots": []}')
    with pytest.raises(CorruptKeyFile, match="version 7,"):
        KeyFile.load(path)


def test_recovery_code_look_alikes_are_accepted():
    # 0/O, 1/I and 8/B are read alike: a code holding O, I and B opens when typed with digits.
    key = os.urandom(32)
    code = "OIBA-" + "-".join(["ABCD"] * 7)
    kf = KeyFile.create(key, "passphrase1", code, FAST_KDF)
    assert kf.unlock_with_recovery_code("01ba " + " ".join(["abcd"] * 7)) == key
    assert normalize_recovery_code("0 1 8" + "A" * 29) == b"OIB" + b"A" * 29
    with pytest.raises(InvalidInput, match="not a valid recovery code"):
        normalize_recovery_code("A" * 31 + "9")  # the right length, but 9 is not base32
