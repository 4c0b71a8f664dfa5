"""TLS verification (always on) and certificate pinning, against an HTTPS WebDAV on 127.0.0.1."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from webdav_server import RequestLog, ThreadedServer, make_tls_files, webdav_app

from journal.exchange.transport import (
    CertificatePinMismatch,
    NetworkSettings,
    TlsVerificationFailed,
    WebDavClient,
    parse_drop_url,
)
from journal.exchange.transport.tls import create_ssl_context


@pytest.fixture
def https_dav(tmp_path: Path) -> Iterator[tuple[ThreadedServer, RequestLog, Path, str, Path]]:
    root = tmp_path / "dav"
    root.mkdir()
    certs = tmp_path / "certs"
    certs.mkdir()
    ca, cert, key, der = make_tls_files(certs)
    log = RequestLog(webdav_app({"/dav": root}))
    server = ThreadedServer(log, ssl_files=(cert, key))
    try:
        yield server, log, root, hashlib.sha256(der).hexdigest(), ca
    finally:
        server.stop()


def _settings(**kwargs) -> NetworkSettings:  # type: ignore[no-untyped-def]
    return NetworkSettings(
        connect_timeout=5, read_timeout=10, write_timeout=10, max_attempts=2, backoff_base=0, **kwargs
    )


def test_untrusted_certificate_is_refused(https_dav) -> None:
    server, log, root, _, _ = https_dav
    with WebDavClient(parse_drop_url(server.url("/dav/")), _settings()) as client:
        with pytest.raises(TlsVerificationFailed, match="could not be verified.*Nothing was sent"):
            client.upload(io.BytesIO(b"secret"), "a.ijbundle", 6)
    assert log.entries == [] and list(root.iterdir()) == []


def test_trusted_ca_works(https_dav) -> None:
    server, _, root, _, ca = https_dav
    with WebDavClient(parse_drop_url(server.url("/dav/")), _settings(ca_file=ca)) as client:
        receipt = client.upload(io.BytesIO(b"cipher"), "a.ijbundle", 6)
    assert receipt.verified and (root / "a.ijbundle").read_bytes() == b"cipher"


def test_hostname_mismatch_is_refused(tmp_path: Path) -> None:
    # A certificate from a trusted CA, but for another name than the one we dialled.
    root = tmp_path / "dav"
    root.mkdir()
    ca, cert, key, _ = make_tls_files(tmp_path, hostname="other.example", include_loopback_ip=False)
    log = RequestLog(webdav_app({"/dav": root}))
    server = ThreadedServer(log, ssl_files=(cert, key))
    try:
        with WebDavClient(parse_drop_url(server.url("/dav/")), _settings(ca_file=ca)) as client:
            with pytest.raises(TlsVerificationFailed):
                client.test_connection()
    finally:
        server.stop()
    assert log.entries == []


def test_matching_pin_works(https_dav) -> None:
    server, _, root, pin, ca = https_dav
    spaced = ":".join(pin[i : i + 2] for i in range(0, 64, 2)).upper()
    with WebDavClient(
        parse_drop_url(server.url("/dav/")), _settings(ca_file=ca, pinned_sha256=spaced)
    ) as client:
        client.upload(io.BytesIO(b"cipher"), "p.ijbundle", 6)
        assert [f.name for f in client.list_bundles()] == ["p.ijbundle"]


def test_pin_mismatch_is_refused_before_any_request(https_dav) -> None:
    server, log, root, pin, ca = https_dav
    wrong = ("0" if pin[0] != "0" else "1") + pin[1:]
    with WebDavClient(
        parse_drop_url(server.url("/dav/")), _settings(ca_file=ca, pinned_sha256=wrong)
    ) as client:
        with pytest.raises(CertificatePinMismatch, match="not the one you pinned"):
            client.upload(io.BytesIO(b"secret"), "a.ijbundle", 6)
        with pytest.raises(CertificatePinMismatch):
            client.list_bundles()
    # The handshake was refused before any HTTP request, so the server saw none.
    assert log.entries == [] and list(root.iterdir()) == []


def test_context_always_verifies() -> None:
    import ssl

    context = create_ssl_context()
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert context.minimum_version >= ssl.TLSVersion.TLSv1_2
