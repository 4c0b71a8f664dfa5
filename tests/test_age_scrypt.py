"""age passphrase (scrypt) files: our encryptor and decryptor against the C2SP CCTV vectors and
the real ``age`` tool (travel packages, journal/travel/, use them).

With a passphrase given, every CCTV vector that records one must give exactly the upstream
expectation (success with the payload, or a header/HMAC/payload failure)."""

from __future__ import annotations

import io
import os
import pty
import shutil
import subprocess

import pytest

from journal.exchange.bundle.age_decrypt import AgeDecryptError, DecryptingReader, decrypt_io, parse_identity
from journal.exchange.bundle.age_encrypt import AgeEncryptor
from tests.age_cctv import testkit as tk
from tests.age_cctv.vectors import VECTORS, build

SCRYPT_VECTORS = sorted(name for name in VECTORS if "scrypt" in name)


@pytest.mark.parametrize("name", SCRYPT_VECTORS)
def test_cctv_scrypt_vector_with_passphrase(name):
    f = build(name)
    assert f.passphrases, name
    out = io.BytesIO()
    scalars = [parse_identity(i) for i in f.identities] + [parse_identity(tk.TEST_X25519_IDENTITY_STRING)]
    try:
        decrypt_io(io.BytesIO(f.file_bytes()), out, scalars, passphrase=f.passphrases[0].encode())
        err = None
    except AgeDecryptError as exc:
        err = exc
    if f.expect == tk.SUCCESS:
        assert err is None, f"{name}: {err}"
        assert out.getvalue() == bytes(f.payload)
    elif f.expect == tk.NO_MATCH:
        assert err is not None and err.kind == AgeDecryptError.NO_MATCH
    elif f.expect == tk.HMAC_FAILURE:
        assert err is not None and err.kind == AgeDecryptError.MAC
    elif f.expect == tk.PAYLOAD_FAILURE:
        assert err is not None and err.kind in (AgeDecryptError.PAYLOAD, AgeDecryptError.TRUNCATED)
    else:
        assert err is not None and err.kind in (AgeDecryptError.INVALID_HEADER, AgeDecryptError.TRUNCATED,
                                                AgeDecryptError.NOT_AGE), f"{name}: {err}"
        assert out.getvalue() == b""


@pytest.mark.parametrize("size", [0, 1, 64 * 1024, 64 * 1024 + 1, 300_000])
def test_passphrase_round_trip_and_pull_reader(size):
    plain = os.urandom(size)
    buf = io.BytesIO()
    enc = AgeEncryptor(buf, [], passphrase=b"CODE-CODE", work_factor=10)
    enc.write(plain)
    enc.close()
    assert b"-> scrypt " in buf.getvalue()[:200]
    reader = DecryptingReader(io.BytesIO(buf.getvalue()), passphrase=b"CODE-CODE")
    got = b"".join(iter(lambda: reader.read(7000), b""))
    assert got == plain and reader.at_end()
    with pytest.raises(AgeDecryptError) as exc:
        DecryptingReader(io.BytesIO(buf.getvalue()), passphrase=b"wrong")
    assert exc.value.kind == AgeDecryptError.NO_MATCH
    if size > 70_000:
        truncated = DecryptingReader(io.BytesIO(buf.getvalue()[:-100]), passphrase=b"CODE-CODE")
        with pytest.raises(AgeDecryptError):
            truncated.read()


def age_with_passphrase(args: list[str], passphrase: str, program: str = "age") -> tuple[int, bytes]:
    """Run the real ``age`` CLI (or ``sh -c`` around it), typing ``passphrase`` at its terminal
    prompt (age reads a passphrase from the terminal only)."""
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.execvp(program, [program, *args])
    output = b""
    typed = 0
    while True:
        try:
            data = os.read(fd, 1024)
        except OSError:
            break
        if not data:
            break
        output += data
        if b"assphrase" in output[-200:] and typed < output.count(b"assphrase"):
            typed += 1
            os.write(fd, passphrase.encode() + b"\n")
    _pid, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), output


@pytest.mark.skipif(shutil.which("age") is None, reason="the age tool is not installed")
def test_real_age_opens_our_passphrase_file_and_we_open_its(tmp_path):
    plain = os.urandom(200_000)
    ours = tmp_path / "ours.age"
    with open(ours, "wb") as handle:
        enc = AgeEncryptor(handle, [], passphrase=b"ABCD-EFGH")
        enc.write(plain)
        enc.close()
    out = tmp_path / "out.bin"
    code, output = age_with_passphrase(["-d", "-o", str(out), str(ours)], "ABCD-EFGH")
    assert code == 0, output
    assert out.read_bytes() == plain
    theirs = tmp_path / "theirs.age"
    code, output = age_with_passphrase(["-p", "-o", str(theirs), str(out)], "ABCD-EFGH")
    assert code == 0, output
    with open(theirs, "rb") as handle:
        reader = DecryptingReader(handle, passphrase=b"ABCD-EFGH")
        assert reader.read() == plain
    assert subprocess.run(["age", "--version"], capture_output=True).returncode == 0
