"""Our age encryptor (journal/bundle/age_encrypt.py) against the real `age` tool and pyrage."""

from __future__ import annotations

import io
import os
import shutil
import subprocess

import pyrage
import pytest

from journal.exchange.bundle.age_encrypt import PAYLOAD_CHUNK, AgeEncryptor, RecipientInvalid, parse_recipient
from tests.conftest import needs_tool

AGE = shutil.which("age")


def _encrypt(data: bytes, recipients: list[str], step: int) -> bytes:
    out = io.BytesIO()
    enc = AgeEncryptor(out, recipients)
    for i in range(0, len(data), step):
        enc.write(data[i:i + step])
    enc.close()
    return out.getvalue()


def test_recipients_decode_to_the_keys_pyrage_uses():
    for _ in range(20):
        identity = pyrage.x25519.Identity.generate()
        recipient = str(identity.to_public())
        key = parse_recipient(recipient)
        assert len(key) == 32
        assert parse_recipient(recipient.upper()) == key  # Bech32 allows all upper case


@pytest.mark.parametrize("text", [
    "", "age1", "AGE1qqqq", "age1" + "q" * 58,
    "agf1gh5k4hz7xmldwcsuwr5rmlsz8n2n6lyqy9xlxks40eanexd6v2xqfjt0tp",
    " age1gh5k4hz7xmldwcsuwr5rmlsz8n2n6lyqy9xlxks40eanexd6v2xqfjt0tp",
])
def test_malformed_recipients_are_refused(text):
    with pytest.raises(RecipientInvalid):
        parse_recipient(text)


def test_a_changed_character_fails_the_checksum():
    recipient = str(pyrage.x25519.Identity.generate().to_public())
    flipped = recipient[:-3] + ("q" if recipient[-3] != "q" else "p") + recipient[-2:]
    with pytest.raises(RecipientInvalid):
        parse_recipient(flipped)
    mixed = recipient[:10] + recipient[10:].upper()
    with pytest.raises(RecipientInvalid):
        parse_recipient(mixed)


SIZES = [0, 1, PAYLOAD_CHUNK - 1, PAYLOAD_CHUNK, PAYLOAD_CHUNK + 1, 3 * PAYLOAD_CHUNK, 3 * PAYLOAD_CHUNK + 7]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("step", [1000, PAYLOAD_CHUNK, 1 << 20])
def test_pyrage_decrypts_every_chunk_boundary(size, step):
    identity = pyrage.x25519.Identity.generate()
    data = os.urandom(size)
    assert pyrage.decrypt(_encrypt(data, [str(identity.to_public())], step), [identity]) == data


@needs_tool("age", "age")
@pytest.mark.parametrize("size", SIZES)
def test_the_age_tool_decrypts_it(tmp_path, size):
    key_file = tmp_path / "key.txt"
    subprocess.run([AGE + "-keygen", "-o", str(key_file)], check=True, capture_output=True)
    recipient = [line.split(": ")[1] for line in key_file.read_text().splitlines() if "public key" in line][0]
    data = os.urandom(size)
    sealed = tmp_path / "x.age"
    sealed.write_bytes(_encrypt(data, [recipient], 4096))
    done = subprocess.run([AGE, "-d", "-i", str(key_file), str(sealed)], check=True, capture_output=True)
    assert done.stdout == data


def test_several_recipients_each_decrypt_and_others_cannot():
    ids = [pyrage.x25519.Identity.generate() for _ in range(3)]
    outsider = pyrage.x25519.Identity.generate()
    sealed = _encrypt(b"for the coordinators", [str(i.to_public()) for i in ids], 7)
    for identity in ids:
        assert pyrage.decrypt(sealed, [identity]) == b"for the coordinators"
    with pytest.raises(pyrage.DecryptError):
        pyrage.decrypt(sealed, [outsider])


def test_header_follows_the_stanza_rules():
    identity = pyrage.x25519.Identity.generate()
    sealed = _encrypt(b"x", [str(identity.to_public())], 1)
    head = sealed[:sealed.index(b"\n---") + 1]
    lines = head.split(b"\n")
    assert lines[0] == b"age-encryption.org/v1"
    assert lines[1].startswith(b"-> X25519 ") and len(lines[1].split(b" ")[2]) == 43
    assert len(lines[2]) == 43 and lines[3] == b""  # wrapped 16-byte key + tag; then "---"
    assert b"=" not in head  # unpadded base64


def test_every_encryption_uses_fresh_keys():
    recipient = str(pyrage.x25519.Identity.generate().to_public())
    a, b = _encrypt(b"same", [recipient], 4), _encrypt(b"same", [recipient], 4)
    assert a != b and a[-30:] != b[-30:]


def test_a_low_order_recipient_is_refused():
    from journal.exchange.bundle.age_encrypt import bech32_decode  # noqa: F401 - the decoder itself accepts it
    from journal.exchange.bundle.card import validate_age_recipient
    from journal.exchange.bundle.errors import CardError

    zero = _bech32_encode("age", bytes(32))
    with pytest.raises(RecipientInvalid):
        parse_recipient(zero)
    with pytest.raises(CardError):
        validate_age_recipient(zero)


def test_writing_after_close_is_an_error():
    enc = AgeEncryptor(io.BytesIO(), [str(pyrage.x25519.Identity.generate().to_public())])
    enc.close()
    with pytest.raises(ValueError):
        enc.write(b"late")


def _bech32_encode(hrp: str, data: bytes) -> str:
    from journal.exchange.bundle.age_encrypt import _CHARSET, _polymod

    acc = bits = 0
    values = []
    for byte in data:
        acc = (acc << 8) | byte
        bits += 8
        while bits >= 5:
            bits -= 5
            values.append((acc >> bits) & 31)
    if bits:
        values.append((acc << (5 - bits)) & 31)
    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    checksum = _polymod(expanded + values + [0] * 6) ^ 1
    values += [(checksum >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(_CHARSET[v] for v in values)
