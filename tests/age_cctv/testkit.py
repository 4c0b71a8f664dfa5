# Copyright 2022 The age Authors. All rights reserved.
# Use of this source code is governed by a BSD-style
# license that can be found in the LICENSE file.
#
# Python port of age/internal/testkit/testkit.go from https://github.com/C2SP/CCTV
# (itself from https://github.com/FiloSottile/age). A derived work: the notice above is
# the upstream one and applies to this file. See tests/age_cctv/README.md for provenance.
"""Builder of C2SP CCTV age test vectors, byte for byte as testkit.go writes them.

Each Go method has a snake_case twin with the same side effects on the buffer, the
deterministic randomness stream, the STREAM nonce and the expectation. Only ``cryptography``
and the standard library are used (no Go toolchain is available to run the originals).

Two generations of the Go testkit exist upstream and the stored generators use both:

* old (commit 7f15def): ``Nonce(nonce []byte)``, ``PayloadChunk(plaintext []byte)``,
  ``PayloadChunkFinal(plaintext []byte)`` and the ``LargeTest*`` constants;
* new (commits 204314e/e9274a7): ``Nonce()`` draws 16 random bytes, ``PayloadChunk(size int)``
  and ``PayloadChunkFinal(size int)`` encrypt a ChaCha20 keystream of that size, and
  ``ChunkSize``.

The port accepts both call shapes (``nonce()`` vs ``nonce(b"...")``, an ``int`` vs ``bytes``
chunk) and reproduces each generation's nonce bookkeeping, so every generator can be ported
exactly as it is stored. The hybrid (ML-KEM) stanza is not ported: the app has no
post-quantum recipients.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import zlib
from dataclasses import dataclass, field

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import (
    X25519PrivateKey,
    X25519PublicKey,
)
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

# --- bech32 (port of age/internal/bech32: BIP 173 without the 90-character limit) ---------

_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)


def _polymod(values: list[int]) -> int:
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            if (top >> i) & 1:
                chk ^= _GENERATOR[i]
    return chk


def _hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _convert_bits(data: bytes | list[int], frombits: int, tobits: int, pad: bool) -> list[int]:
    acc = bits = 0
    ret: list[int] = []
    maxv = (1 << tobits) - 1
    for value in data:
        acc = (acc << frombits) | value
        bits += frombits
        while bits >= tobits:
            bits -= tobits
            ret.append((acc >> bits) & maxv)
    if pad:
        if bits:
            ret.append((acc << (tobits - bits)) & maxv)
    elif bits >= frombits or ((acc << (tobits - bits)) & maxv):
        raise ValueError("illegal zero padding")
    return ret


def bech32_encode(hrp: str, data: bytes) -> str:
    """Like Go's ``bech32.Encode``: the output is upper case if ``hrp`` is."""
    upper = hrp.upper() == hrp and hrp.lower() != hrp
    hrp_l = hrp.lower()
    values = _convert_bits(data, 8, 5, True)
    poly = _polymod(_hrp_expand(hrp_l) + values + [0] * 6) ^ 1
    checksum = [(poly >> 5 * (5 - i)) & 31 for i in range(6)]
    text = hrp_l + "1" + "".join(_CHARSET[v] for v in values + checksum)
    return text.upper() if upper else text


def bech32_decode(text: str) -> tuple[str, bytes]:
    """Like Go's ``bech32.Decode``: (hrp, data)."""
    if text.lower() != text and text.upper() != text:
        raise ValueError("mixed case")
    lower = text.lower()
    pos = lower.rfind("1")
    if pos < 1 or pos + 7 > len(lower):
        raise ValueError("separator")
    hrp, data = lower[:pos], [_CHARSET.index(c) for c in lower[pos + 1:]]
    if _polymod(_hrp_expand(hrp) + data) != 1:
        raise ValueError("checksum")
    out = bytes(_convert_bits(data[:-6], 5, 8, False))
    return (hrp.upper() if text.upper() == text else hrp), out


# --- fixed test values ----------------------------------------------------------------------

TEST_FILE_KEY = b"YELLOW SUBMARINE"
TEST_X25519_IDENTITY_STRING = "AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0"
TEST_X25519_IDENTITY = bech32_decode(TEST_X25519_IDENTITY_STRING)[1]
CURVE25519_BASEPOINT = bytes([9]) + bytes(31)

# Old-generation constants: the file key and nonce of every multi-chunk vector, reused so
# that the vectors compress well across files and history.
LARGE_TEST_FILE_KEY = bytes.fromhex("7aa5bdac0e6afeed3dd0a7eccb42af44")
LARGE_TEST_NONCE = bytes.fromhex("c82f71eb82029b77136399e485e879f4")
LARGE_TEST_FIRST_CHUNK = bytes([0]) * (64 * 1024)
LARGE_TEST_SECOND_CHUNK = bytes([1]) * (64 * 1024)
LARGE_TEST_THIRD_CHUNK = bytes([2]) * (64 * 1024)

#: New-generation name for the STREAM chunk size.
CHUNK_SIZE = 64 * 1024

_B64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def b64(data: bytes) -> str:
    """Go's ``base64.RawStdEncoding.EncodeToString``: standard alphabet, no padding."""
    return base64.b64encode(bytes(data)).decode("ascii").rstrip("=")


def b64_decode(text: str) -> bytes:
    """Go's ``base64.RawStdEncoding.DecodeString`` for the canonical strings the kit decodes."""
    return base64.b64decode(text + "=" * (-len(text) % 4))


def not_canonical_base64(s: str) -> str:
    """``NotCanonicalBase64``: bump the last character, setting a spare (must-be-zero) bit."""
    idx = _B64_ALPHABET.index(s[-1])
    return s[:-1] + _B64_ALPHABET[idx + 1]


def x25519(scalar: bytes, point: bytes) -> bytes:
    """``curve25519.X25519``, except a low-order point gives 32 zero bytes (as in the kit)."""
    try:
        return X25519PrivateKey.from_private_bytes(bytes(scalar)).exchange(
            X25519PublicKey.from_public_bytes(bytes(point)))
    except ValueError:  # OpenSSL refuses the all-zero shared secret of a low-order point
        return bytes(32)


TEST_X25519_RECIPIENT = x25519(TEST_X25519_IDENTITY, CURVE25519_BASEPOINT)


def _hkdf(secret: bytes, salt: bytes | None, info: bytes) -> bytes:
    # Go's hkdf.New with a nil salt uses a zero-filled salt, as cryptography's salt=None does.
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt or None, info=info).derive(secret)


def _chacha20_keystream(key: bytes, nonce12: bytes, counter: int, size: int) -> bytes:
    """ChaCha20 (IETF, 96-bit nonce) keystream starting at block ``counter``."""
    full_nonce = counter.to_bytes(4, "little") + bytes(nonce12)
    enc = Cipher(algorithms.ChaCha20(key, full_nonce), mode=None).encryptor()
    return enc.update(bytes(size))


_scrypt_cache: dict[tuple[bytes, bytes, int], bytes] = {}


def _scrypt(passphrase: bytes, salt: bytes, work_factor: int) -> bytes:
    """``scrypt.Key(passphrase, salt, 1<<wf, 8, 1, 32)``, cached: wf 18 costs 256 MiB and ~1 s."""
    key = (passphrase, salt, work_factor)
    if key not in _scrypt_cache:
        _scrypt_cache[key] = Scrypt(salt=salt, length=32, n=1 << work_factor, r=8, p=1).derive(passphrase)
    return _scrypt_cache[key]


# --- the builder ----------------------------------------------------------------------------

SUCCESS = "success"
HEADER_FAILURE = "header failure"
PAYLOAD_FAILURE = "payload failure"
HMAC_FAILURE = "HMAC failure"
NO_MATCH = "no match"
ARMOR_FAILURE = "armor failure"


class _Rand:
    """The kit's deterministic randomness: one continuous ChaCha20 keystream under the key
    ``TEST RANDOMNESS TEST RANDOMNESS!`` and an all-zero nonce (Go's XORKeyStream keeps its
    position across calls, and so does a cryptography stream context)."""

    def __init__(self) -> None:
        key = b"TEST RANDOMNESS TEST RANDOMNESS!"
        self._enc = Cipher(algorithms.ChaCha20(key, bytes(16)), mode=None).encryptor()

    def __call__(self, n: int) -> bytes:
        return self._enc.update(bytes(n))


@dataclass
class TestFile:
    """``testkit.TestFile``: ``buf`` is the age file being written."""

    __test__ = False  # not a pytest test class despite the name

    buf: bytearray = field(default_factory=bytearray)
    rand: _Rand = field(default_factory=_Rand)
    file_key: bytes = TEST_FILE_KEY
    stream_key: bytes = b""
    stream_nonce: bytearray = field(default_factory=lambda: bytearray(12))
    payload: bytearray = field(default_factory=bytearray)
    expect: str = SUCCESS
    comment: str = ""
    identities: list[str] = field(default_factory=list)
    passphrases: list[str] = field(default_factory=list)
    armor: bool = False

    # -- raw lines --
    def set_file_key(self, key: bytes) -> None:
        """``FileKey``."""
        self.file_key = bytes(key)

    def text_line(self, s: str | bytes) -> None:
        """``TextLine``: the string and a bare LF."""
        self.buf += s.encode("utf-8") if isinstance(s, str) else s
        self.buf += b"\n"

    def unread_line(self) -> str:
        """``UnreadLine``: drop the last line (and its LF) from the buffer and return it."""
        data = bytes(self.buf)
        if data.endswith(b"\n"):
            data = data[:-1]
        idx = data.rfind(b"\n") + 1
        self.buf = bytearray(data[:idx])
        return data[idx:].decode("utf-8", "surrogateescape")

    def version_line(self, v: str) -> None:
        """``VersionLine``."""
        self.text_line("age-encryption.org/" + v)

    def args_line(self, *args: str) -> None:
        """``ArgsLine``: ``->`` and the arguments joined by single spaces."""
        self.text_line(" ".join(["->", *args]))

    def unread_args_line(self) -> list[str]:
        """``UnreadArgsLine``."""
        line = self.unread_line()
        line = line.removeprefix("-> ")
        return line.split(" ")

    def body(self, body: bytes | None) -> None:
        """``Body``: base64 lines of 48 bytes (64 columns), always ending with a short one."""
        body = bytes(body or b"")
        while True:
            line = body[:48]
            self.text_line(b64(line))
            body = body[len(line):]
            if len(line) < 48:
                break

    def base64_padding(self) -> None:
        """``Base64Padding``: add ``=`` padding to the last line."""
        line = self.unread_line()
        self.text_line(line + "=" * (-len(line) % 4))

    def aead_body(self, key: bytes, body: bytes) -> None:
        """``AEADBody``: ChaCha20-Poly1305 with a zero nonce, as a stanza body."""
        self.body(ChaCha20Poly1305(key).encrypt(bytes(12), bytes(body), None))

    # -- X25519 --
    def x25519(self, identity: bytes) -> None:
        """``X25519``."""
        self.x25519_record_identity(identity)
        self.x25519_no_record_identity(identity)

    def x25519_record_identity(self, identity: bytes) -> None:
        """``X25519RecordIdentity``."""
        self.identities.append(bech32_encode("AGE-SECRET-KEY-", identity))

    def x25519_no_record_identity(self, identity: bytes) -> None:
        """``X25519NoRecordIdentity``: a stanza with a fresh ephemeral share."""
        share = x25519(self.rand(32), CURVE25519_BASEPOINT)
        self.x25519_stanza(share, identity)

    def x25519_stanza(self, share: bytes, identity: bytes) -> None:
        """``X25519Stanza``: the shared secret is [identity]share, so any share works."""
        recipient = x25519(identity, CURVE25519_BASEPOINT)
        self.args_line("X25519", b64(share))
        secret = x25519(identity, share)
        key = _hkdf(secret, bytes(share) + recipient, b"age-encryption.org/v1/X25519")
        self.aead_body(key, self.file_key)

    # -- scrypt --
    def scrypt(self, passphrase: str, work_factor: int) -> None:
        """``Scrypt``."""
        self.scrypt_record_passphrase(passphrase)
        self.scrypt_no_record_passphrase(passphrase, work_factor)

    def scrypt_record_passphrase(self, passphrase: str) -> None:
        """``ScryptRecordPassphrase``."""
        self.passphrases.append(passphrase)

    def scrypt_no_record_passphrase(self, passphrase: str, work_factor: int) -> None:
        """``ScryptNoRecordPassphrase``: a 16-byte random salt."""
        salt = self.rand(16)
        self.scrypt_no_record_passphrase_with_salt(passphrase, work_factor, salt)

    def scrypt_no_record_passphrase_with_salt(self, passphrase: str, work_factor: int,
                                              salt: bytes | None) -> None:
        """``ScryptNoRecordPassphraseWithSalt``."""
        salt = bytes(salt or b"")
        self.args_line("scrypt", b64(salt), str(work_factor))
        key = _scrypt(passphrase.encode("utf-8"), b"age-encryption.org/v1/scrypt" + salt, work_factor)
        self.aead_body(key, self.file_key)

    # -- header MAC --
    def hmac_line(self, h: bytes | None) -> None:
        """``HMACLine``."""
        self.text_line("--- " + b64(h or b""))

    def hmac(self) -> None:
        """``HMAC``: HMAC-SHA256 under HKDF(file key, "header") of the buffer so far + ``---``."""
        key = _hkdf(self.file_key, None, b"header")
        self.hmac_line(hmac.new(key, bytes(self.buf) + b"---", hashlib.sha256).digest())

    # -- payload --
    def nonce(self, nonce: bytes | None = None) -> None:
        """``Nonce``: old kit ``Nonce(nonce)`` or, with no argument, new kit ``Nonce()``
        (16 random bytes). Derives the stream key and writes the nonce."""
        if nonce is None:
            nonce = self.rand(16)
        nonce = bytes(nonce)
        self.stream_key = _hkdf(self.file_key, nonce, b"payload")
        self.buf += nonce

    def _seal_chunk(self, plaintext: bytes) -> None:
        """New kit ``payloadChunk``: seal, then increment the 88-bit counter with carry."""
        self.payload += plaintext
        self.buf += ChaCha20Poly1305(self.stream_key).encrypt(bytes(self.stream_nonce), plaintext, None)
        for i in range(10, -1, -1):
            self.stream_nonce[i] = (self.stream_nonce[i] + 1) & 0xFF
            if self.stream_nonce[i] != 0:
                break

    def payload_chunk(self, chunk: int | bytes) -> None:
        """``PayloadChunk``. New kit (``int``): ``size`` bytes of ChaCha20 keystream under the
        stream key and current nonce, block counter 1. Old kit (``bytes``): that plaintext,
        and only ``nonce[10]++`` afterwards (no carry, wrapping like a Go byte)."""
        if isinstance(chunk, int):
            plaintext = _chacha20_keystream(self.stream_key, bytes(self.stream_nonce), 1, chunk)
            self._seal_chunk(plaintext)
            return
        plaintext = bytes(chunk)
        self.payload += plaintext
        self.buf += ChaCha20Poly1305(self.stream_key).encrypt(bytes(self.stream_nonce), plaintext, None)
        self.stream_nonce[10] = (self.stream_nonce[10] + 1) & 0xFF

    def payload_chunk_final(self, chunk: int | bytes) -> None:
        """``PayloadChunkFinal``: set the last-chunk flag (nonce[11] = 1), then seal. The old
        kit (``bytes``) does not advance the counter afterwards; the new one (``int``) does."""
        self.stream_nonce[11] = 1
        if isinstance(chunk, int):
            self.payload_chunk(chunk)
            return
        plaintext = bytes(chunk)
        self.payload += plaintext
        self.buf += ChaCha20Poly1305(self.stream_key).encrypt(bytes(self.stream_nonce), plaintext, None)

    def payload_text(self, plaintext: str) -> None:
        """``Payload``: a fresh random nonce and a single final chunk holding ``plaintext``.
        (Named ``payload_text`` because ``payload`` is the expected-plaintext field.) Both kit
        generations write the same bytes here."""
        self.nonce()
        self.stream_nonce[11] = 1
        self._seal_chunk(plaintext.encode("utf-8"))

    # -- expectations --
    def expect_header_failure(self) -> None:
        """``ExpectHeaderFailure``."""
        self.expect = HEADER_FAILURE

    def expect_armor_failure(self) -> None:
        """``ExpectArmorFailure``."""
        self.armor = True
        self.expect = ARMOR_FAILURE

    def expect_payload_failure(self) -> None:
        """``ExpectPayloadFailure``: no plaintext may be released."""
        self.expect = PAYLOAD_FAILURE
        self.payload = bytearray()

    def expect_partial_payload(self, good_bytes: int) -> None:
        """``ExpectPartialPayload``: only the first ``good_bytes`` may be released."""
        self.expect = PAYLOAD_FAILURE
        self.payload = self.payload[:good_bytes]

    def expect_hmac_failure(self) -> None:
        """``ExpectHMACFailure``."""
        self.expect = HMAC_FAILURE

    def expect_no_match(self) -> None:
        """``ExpectNoMatch``."""
        self.expect = NO_MATCH

    def set_comment(self, c: str) -> None:
        """``Comment``."""
        self.comment = c

    def begin_armor(self, t: str) -> None:
        """``BeginArmor``."""
        self.armor = True
        self.text_line("-----BEGIN " + t + "-----")

    def end_armor(self, t: str) -> None:
        """``EndArmor``."""
        self.armor = True
        self.text_line("-----END " + t + "-----")

    def file_bytes(self) -> bytes:
        """``Bytes`` (renamed: ``bytes`` would shadow the builtin): a copy of the age file."""
        return bytes(self.buf)

    def generate(self) -> bytes:
        """``Generate``: the CCTV ``testdata`` file (textual header, blank line, age file),
        zlib-compressed past 2048 bytes as the newest kit does."""
        head = [f"expect: {self.expect}"]
        if self.expect in (SUCCESS, PAYLOAD_FAILURE):
            head.append(f"payload: {hashlib.sha256(bytes(self.payload)).hexdigest()}")
        head.append(f"file key: {self.file_key.hex()}")
        head += [f"identity: {i}" for i in self.identities]
        head += [f"passphrase: {p}" for p in self.passphrases]
        if self.armor:
            head.append("armored: yes")
        if self.comment:
            head.append(f"comment: {self.comment}")
        body = bytes(self.buf)
        if len(body) > 2048:
            head.append("compressed: zlib")
            body = zlib.compress(body, 9)
        return ("\n".join(head) + "\n\n").encode("utf-8") + body


def new_test_file() -> TestFile:
    """``NewTestFile``: fresh randomness, expectation ``success``, the test file key."""
    return TestFile()
