"""The transport opens no socket when imported, or when targets, settings and clients are built."""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Runs in a fresh interpreter so that "import" really is the first import of
# httpx, socksio and our modules.
_IMPORT_AND_BUILD = textwrap.dedent(
    """
    import socket

    def refuse(*args, **kwargs):
        raise SystemExit("socket opened: " + repr(args)[:80])

    class RefusingSocket(socket.socket):  # a class, since ssl subclasses socket.socket on import
        def __init__(self, *args, **kwargs):
            refuse(*args)

    socket.socket = RefusingSocket
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    socket.socketpair = refuse

    import journal.exchange.transport as transport

    settings = transport.NetworkSettings(proxy_url=transport.TOR_PROXY_URL, pinned_sha256="ab" * 32)
    for url in ("https://cloud.example.org/s/AbC123", "https://dav.example.org/inbox/"):
        client = transport.WebDavClient(transport.parse_drop_url(url), settings)
        with client:
            pass
        client.close()
    transport.random_bundle_name()
    print("no socket")
    """
)


def test_import_and_construction_open_no_socket() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_AND_BUILD],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert result.stdout.strip() == "no socket"


class SocketOpened(AssertionError):
    pass


def test_using_the_client_is_what_opens_sockets(monkeypatch: pytest.MonkeyPatch) -> None:
    # The guard works in process too, and a real call does try to connect.
    from journal.exchange.transport import NetworkSettings, WebDavClient, parse_drop_url

    client = WebDavClient(parse_drop_url("https://dav.example.org/inbox/"), NetworkSettings(max_attempts=1))

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise SocketOpened("a socket was opened")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    with pytest.raises(SocketOpened):
        client.test_connection()
