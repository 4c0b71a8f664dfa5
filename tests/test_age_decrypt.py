"""Our age decryptor (journal/bundle/age_decrypt.py): files from the real `age` tool and pyrage
decrypt; damaged, truncated, extended and hand-crafted files are refused with the right kind."""

from __future__ import annotations

import base64
import hmac
import io
import os
import shutil
import subprocess

import pyrage
import pytest
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from journal.exchange.bundle import age_encrypt
from journal.exchange.bundle.age_decrypt import AgeDecryptError, decrypt_io, parse_identity
from journal.exchange.bundle.age_encrypt import PAYLOAD_CHUNK
from tests.conftest import needs_tool

AGE = shutil.which("age")
SIZES = [0, 1, PAYLOAD_CHUNK - 1, PAYLOAD_CHUNK, PAYLOAD_CHUNK + 1, 17 * PAYLOAD_CHUNK, 17 * PAYLOAD_CHUNK + 3]


def _decrypt(data: bytes, identities) -> bytes:
    out = io.BytesIO()
    decrypt_io(io.BytesIO(data), out, [parse_identity(str(i)) for i in identities])
    return out.getvalue()


@pytest.fixture
def me():
    return pyrage.x25519.Identity.generate()


@pytest.mark.parametrize("size", SIZES)
def test_pyrage_files_decrypt(me, size):
    data = os.urandom(size)
    assert _decrypt(pyrage.encrypt(data, [me.to_public()]), [me]) == data


@needs_tool("age", "age")
@pytest.mark.parametrize("size", SIZES)
def test_age_tool_files_decrypt(me, tmp_path, size):
    data = os.urandom(size)
    (tmp_path / "plain").write_bytes(data)
    done = subprocess.run([AGE, "-r", str(me.to_public()), str(tmp_path / "plain")], check=True,
                          capture_output=True)
    assert _decrypt(done.stdout, [me]) == data


def test_one_of_several_recipients_and_several_identities(me):
    others = [pyrage.x25519.Identity.generate() for _ in range(3)]
    sealed = pyrage.encrypt(b"payload", [o.to_public() for o in others] + [me.to_public()])
    assert _decrypt(sealed, [pyrage.x25519.Identity.generate(), me]) == b"payload"
    with pytest.raises(AgeDecryptError) as refused:
        _decrypt(sealed, [pyrage.x25519.Identity.generate()])
    assert refused.value.kind == AgeDecryptError.NO_MATCH


def _kind(data: bytes, identity) -> str:
    with pytest.raises(AgeDecryptError) as refused:
        _decrypt(data, [identity])
    return refused.value.kind


def test_damage_anywhere_is_refused_with_its_kind(me):
    sealed = pyrage.encrypt(os.urandom(3 * PAYLOAD_CHUNK + 5), [me.to_public()])
    header_end = sealed.index(b"\n---") + 1
    mac_line_end = sealed.index(b"\n", header_end) + 1
    flipped = bytearray(sealed)
    flipped[header_end - 5] ^= 1  # inside the last stanza's body (pyrage may add a grease stanza)
    assert _kind(bytes(flipped), me) in (AgeDecryptError.NO_MATCH, AgeDecryptError.INVALID_HEADER,
                                         AgeDecryptError.MAC)
    flipped = bytearray(sealed)
    flipped[mac_line_end - 3] ^= 1  # inside the MAC
    assert _kind(bytes(flipped), me) in (AgeDecryptError.MAC, AgeDecryptError.INVALID_HEADER)
    flipped = bytearray(sealed)
    flipped[mac_line_end + 16 + PAYLOAD_CHUNK] ^= 1  # inside the first chunk's tag
    assert _kind(bytes(flipped), me) == AgeDecryptError.PAYLOAD
    assert _kind(sealed + b"\x00", me) == AgeDecryptError.PAYLOAD  # appended byte
    assert _kind(sealed + os.urandom(PAYLOAD_CHUNK + 16), me) == AgeDecryptError.PAYLOAD  # appended chunk
    assert _kind(sealed[:mac_line_end + 10], me) == AgeDecryptError.TRUNCATED  # cut inside the nonce
    assert _kind(sealed[:mac_line_end + 16], me) == AgeDecryptError.TRUNCATED  # no payload at all
    assert _kind(sealed[:header_end - 10], me) == AgeDecryptError.TRUNCATED  # cut inside the header
    # Cut at a chunk boundary: the last chunk present was not sealed as the last one.
    boundary = mac_line_end + 16 + 2 * (PAYLOAD_CHUNK + 16)
    assert _kind(sealed[:boundary], me) == AgeDecryptError.PAYLOAD
    assert _kind(sealed[:boundary + 100], me) == AgeDecryptError.PAYLOAD
    assert _kind(b"not an age file at all\n" * 10, me) == AgeDecryptError.NOT_AGE


def _crafted(identity, *, stanza_body_b64=None, share_b64=None, extra=b"", payload_chunks=None,
             mac_override=None):
    """An age file built by hand from the spec, with one part replaced."""
    file_key = os.urandom(16)
    recipient = age_encrypt.parse_recipient(str(identity.to_public()))
    stanza = age_encrypt._x25519_stanza(file_key, recipient)
    arg_line, body_line = stanza.split(b"\n")[:2]
    if share_b64 is not None:
        arg_line = b"-> X25519 " + share_b64
    if stanza_body_b64 is not None:
        body_line = stanza_body_b64
    head = age_encrypt.INTRO + extra + arg_line + b"\n" + body_line + b"\n---"
    mac = hmac.new(age_encrypt._hkdf(file_key, b"", b"header"), head, "sha256").digest()
    head += b" " + (mac_override or base64.b64encode(mac).rstrip(b"=")) + b"\n"
    nonce = os.urandom(16)
    aead = ChaCha20Poly1305(age_encrypt._hkdf(file_key, nonce, b"payload"))
    chunks = payload_chunks if payload_chunks is not None else [(b"hello", True)]
    body = b"".join(aead.encrypt(i.to_bytes(11, "big") + (b"\x01" if last else b"\x00"), plain, None)
                    for i, (plain, last) in enumerate(chunks))
    return head + nonce + body


def test_hand_built_file_decrypts_and_unknown_stanzas_are_skipped(me):
    assert _decrypt(_crafted(me), [me]) == b"hello"
    grease = b"-> grease-type arg1 arg2\n" + base64.b64encode(os.urandom(70)).rstrip(b"=")[:64] + b"\n\n"
    assert _decrypt(_crafted(me, extra=grease), [me]) == b"hello"


@pytest.mark.parametrize("case", [
    "padded base64 body", "non-canonical share", "short share", "uppercase stanza type",
    "empty last chunk after a full one", "full chunk marked last then more", "no stanza line",
    "long body line", "padded mac",
])
def test_spec_violations_are_refused(me, case):
    kwargs = {}
    if case == "padded base64 body":
        body = base64.b64encode(os.urandom(32))  # 44 chars with "="
        kwargs = {"stanza_body_b64": body}
    elif case == "non-canonical share":
        share = base64.b64encode(os.urandom(32)).rstrip(b"=")
        share = share[:-1] + (b"B" if share[-1:] == b"A" else b"A")[:1]
        kwargs = {"share_b64": share[:-1] + b"F"}  # stray low bits in the last character
    elif case == "short share":
        kwargs = {"share_b64": base64.b64encode(os.urandom(31)).rstrip(b"=")}
    elif case == "uppercase stanza type":
        kwargs = {"extra": b"-> x25519 " + base64.b64encode(os.urandom(32)).rstrip(b"=") + b"\n\n"}
        data = _crafted(me, **kwargs)
        data = data.replace(b"-> X25519 ", b"-> x25519 ", 2)  # our real stanza becomes unknown too
        assert _kind(data, me) in (AgeDecryptError.NO_MATCH, AgeDecryptError.MAC)
        return
    elif case == "empty last chunk after a full one":
        kwargs = {"payload_chunks": [(os.urandom(PAYLOAD_CHUNK), False), (b"", True)]}
    elif case == "full chunk marked last then more":
        kwargs = {"payload_chunks": [(os.urandom(PAYLOAD_CHUNK), True), (b"x", True)]}
    elif case == "no stanza line":
        data = age_encrypt.INTRO + b"--- " + base64.b64encode(os.urandom(32)).rstrip(b"=") + b"\n" + os.urandom(40)
        assert _kind(data, me) == AgeDecryptError.INVALID_HEADER
        return
    elif case == "long body line":
        kwargs = {"stanza_body_b64": base64.b64encode(os.urandom(60)).rstrip(b"=")}
    elif case == "padded mac":
        kwargs = {"mac_override": base64.b64encode(os.urandom(32))}
    assert _kind(_crafted(me, **kwargs), me) in (AgeDecryptError.INVALID_HEADER, AgeDecryptError.PAYLOAD,
                                                  AgeDecryptError.NO_MATCH, AgeDecryptError.MAC)


def test_identity_strings_are_checked():
    good = str(pyrage.x25519.Identity.generate())
    assert len(parse_identity(good)) == 32
    for bad in ("", good.lower(), good[:-1] + ("Q" if good[-1] != "Q" else "P"), "AGE-SECRET-KEY-1"):
        with pytest.raises(ValueError):
            parse_identity(bad)
