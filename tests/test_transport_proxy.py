"""SOCKS5 (Tor-style) proxy: traffic goes through it, and host names are resolved by the proxy.

A real SOCKS5 proxy (pproxy) runs as a subprocess on 127.0.0.1. While the
client talks to it, local name lookups are disabled in this process for
everything but the literal address 127.0.0.1, so the upload can only succeed
if the proxy, not we, resolves "localhost". pproxy's verbose log then shows
the connection it relayed, with the unresolved name.
"""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from webdav_server import LOOPBACK, ThreadedServer, free_port, webdav_app

from journal.exchange.transport import (
    NetworkSettings,
    ProxyUnreachable,
    ServerUnreachable,
    WebDavClient,
    parse_drop_url,
    random_bundle_name,
)

pytest.importorskip("pproxy")
pytest.importorskip("socksio")


def _wait_listening(port: int, process: subprocess.Popen[bytes], limit: float = 15.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("pproxy exited early")
        try:
            with socket.create_connection((LOOPBACK, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("pproxy did not start listening")


def _wait_for_log(path: Path, needle: str, limit: float = 15.0) -> str:
    deadline = time.monotonic() + limit
    text = ""
    while time.monotonic() < deadline:
        text = path.read_text(errors="replace")
        if needle in text:
            return text
        time.sleep(0.05)
    return text


@pytest.fixture
def socks_proxy(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    port = free_port()
    log_path = tmp_path / "pproxy.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "pproxy", "-l", f"socks5://{LOOPBACK}:{port}", "-v"],
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    try:
        _wait_listening(port, process)
        yield f"socks5h://{LOOPBACK}:{port}", log_path
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture
def dav(tmp_path: Path) -> Iterator[tuple[ThreadedServer, Path]]:
    root = tmp_path / "dav"
    root.mkdir()
    server = ThreadedServer(webdav_app({"/dav": root}))
    try:
        yield server, root
    finally:
        server.stop()


@pytest.fixture
def no_local_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refuse local name lookups except for the literal proxy address."""
    real = socket.getaddrinfo

    def guarded(host, *args, **kwargs):  # type: ignore[no-untyped-def]
        if host not in (LOOPBACK, LOOPBACK.encode()):
            raise socket.gaierror(socket.EAI_NONAME, f"local lookup of {host!r} refused by test")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", guarded)


@pytest.mark.parametrize("scheme", ["socks5h", "socks5"])
def test_upload_goes_through_proxy_with_remote_dns(socks_proxy, dav, no_local_dns, scheme: str) -> None:
    # httpx sends host names to a SOCKS5 proxy for both schemes (see settings.py).
    proxy_url = socks_proxy[0].replace("socks5h://", f"{scheme}://")
    log_path = socks_proxy[1]
    server, root = dav
    settings = NetworkSettings(proxy_url=proxy_url, connect_timeout=5, read_timeout=10, max_attempts=1)
    name = random_bundle_name()
    with WebDavClient(parse_drop_url(server.url("/dav/", host="localhost")), settings) as client:
        receipt = client.upload(io.BytesIO(b"ciphertext"), name, 10)
        assert [f.name for f in client.list_bundles()] == [name]
    assert receipt.verified and (root / name).read_bytes() == b"ciphertext"
    # The proxy relayed our connection and received the *name*, not an address.
    log = _wait_for_log(log_path, f"-> localhost:{server.port}")
    assert f"-> localhost:{server.port}" in log


def test_without_proxy_the_same_lookup_is_local_and_fails(dav, no_local_dns) -> None:
    # Control experiment: proves the guard above really blocks local lookups.
    server, _ = dav
    settings = NetworkSettings(connect_timeout=5, max_attempts=1)
    with WebDavClient(parse_drop_url(server.url("/dav/", host="localhost")), settings) as client:
        with pytest.raises(ServerUnreachable):
            client.test_connection()


def test_proxy_not_running_is_clear(dav) -> None:
    server, root = dav
    settings = NetworkSettings(
        proxy_url=f"socks5h://{LOOPBACK}:{free_port()}", connect_timeout=5, max_attempts=2, backoff_base=0
    )
    with WebDavClient(parse_drop_url(server.url("/dav/")), settings) as client:
        with pytest.raises(ProxyUnreachable, match="Tor"):
            client.upload(io.BytesIO(b"abc"), random_bundle_name(), 3)
        with pytest.raises(ProxyUnreachable):
            client.test_connection()
    assert list(root.iterdir()) == []
