"""The app's age decryptor against the real C2SP CCTV age test files, byte for byte.

tests/age_cctv/testdata/ holds every file of C2SP/CCTV `age/testdata/` as published in the
`cctv-age` npm package 0.2.0 (extracted by tools/extract_cctv_age.py; SHA256SUMS lists them).
Each file is a small header (``expect:``, ``payload:`` SHA-256 of the plaintext, ``identity:``,
``passphrase:``, ``armored:``, ``compressed:``, ``comment:``), a blank line, then the age file.

How the expectations map onto this decryptor, which reads binary files for X25519 identities
only (bundles are never armored, and a journal has no passphrase-encrypted files):

* success: the plaintext, whose SHA-256 is ``payload``. A file only a passphrase or a
  post-quantum (ML-KEM hybrid) identity opens must be "no match" for us; an armored one is
  "not age" (we refuse armor).
* header failure, HMAC failure, no match, payload failure: refused with a fitting kind; before
  a payload failure, only authenticated plaintext may have been written (a prefix of the file's
  plaintext; when the vector gives the hash of what may be released, it is that or less).
* armor failure: refused (we refuse all armored input).
"""

from __future__ import annotations

import hashlib
import io
import zlib
from pathlib import Path

import pytest

from journal.exchange.bundle.age_decrypt import AgeDecryptError, decrypt_io, parse_identity

TESTDATA = Path(__file__).parent / "age_cctv" / "testdata"
HEADER_KINDS = {AgeDecryptError.NOT_AGE, AgeDecryptError.TRUNCATED, AgeDecryptError.INVALID_HEADER,
                AgeDecryptError.MAC, AgeDecryptError.NO_MATCH}
STAND_IN = parse_identity("AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX")
NAMES = sorted(p.name for p in TESTDATA.iterdir() if p.name != "SHA256SUMS")


def parse(path: Path) -> tuple[dict[str, list[str]], bytes]:
    raw = path.read_bytes()
    head, _blank, body = raw.partition(b"\n\n")
    fields: dict[str, list[str]] = {}
    for line in head.decode("utf-8").split("\n"):
        key, _colon, value = line.partition(": ")
        fields.setdefault(key, []).append(value)
    if fields.get("compressed") == ["zlib"]:
        body = zlib.decompress(body)
    return fields, body


def _identities(fields: dict[str, list[str]]) -> list[bytes]:
    usable = []
    for text in fields.get("identity", []):
        try:
            usable.append(parse_identity(text))
        except ValueError:
            pass  # a post-quantum hybrid identity (AGE-SECRET-KEY-PQ-1…): not supported here
    return usable


def test_the_files_are_the_published_ones():
    sums = dict(line.split()[::-1] for line in (TESTDATA / "SHA256SUMS").read_text().splitlines())
    assert sorted(sums) == NAMES and len(NAMES) == 143
    for name in NAMES:
        assert hashlib.sha256((TESTDATA / name).read_bytes()).hexdigest() == sums[name], name


@pytest.mark.parametrize("name", NAMES)
def test_cctv_file(name):
    fields, body = parse(TESTDATA / name)
    (expect,) = fields["expect"]
    identities = _identities(fields)
    # Files only a passphrase or a post-quantum identity opens: the header is still parsed, with
    # an X25519 identity that matches nothing (so "no match" is what a correct reader says).
    stand_in = not identities
    out = io.BytesIO()
    kind = "success"
    try:
        decrypt_io(io.BytesIO(body), out, identities or [STAND_IN])
    except AgeDecryptError as exc:
        kind = exc.kind
    except Exception as exc:  # noqa: BLE001 - hostile input may only ever raise AgeDecryptError
        pytest.fail(f"{type(exc).__name__} escaped decrypt_io: {exc}")
    got = out.getvalue()
    armored = fields.get("armored") == ["yes"]
    payload = fields.get("payload", [None])[0]
    if armored:
        assert kind != "success", f"{name}: armored input was accepted"
        assert got == b""
    elif expect == "success" and not stand_in:
        assert kind == "success", f"{name}: expected success, got {kind}"
        assert hashlib.sha256(got).hexdigest() == payload
    elif expect == "success":  # only a passphrase or a post-quantum identity opens it
        assert kind == AgeDecryptError.NO_MATCH, f"{name}: got {kind}"
        assert got == b""
    elif expect in ("header failure", "HMAC failure", "no match"):
        allowed = {"header failure": HEADER_KINDS, "HMAC failure": {AgeDecryptError.MAC},
                   "no match": {AgeDecryptError.NO_MATCH}}[expect]
        if stand_in:
            allowed = allowed | {AgeDecryptError.NO_MATCH}
        assert kind in allowed, f"{name}: expected {expect}, got {kind}"
        assert got == b""
    elif expect == "payload failure":
        allowed = {AgeDecryptError.PAYLOAD, AgeDecryptError.TRUNCATED}
        assert kind in allowed | ({AgeDecryptError.NO_MATCH} if stand_in else set()), f"{name}: got {kind}"
        if got and payload:
            assert hashlib.sha256(got).hexdigest() == payload, f"{name}: released more than allowed"
    else:
        pytest.fail(f"{name}: unknown expectation {expect!r}")
