"""Failure modes: unreachable, 507, 5xx retries, cut connections, timeouts.

Back-off sleeps go to a recorder instead of time.sleep, so nothing here waits
on the clock except the single deliberate read timeout.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from webdav_server import (
    FailingPut,
    RawServer,
    RequestLog,
    ThreadedServer,
    cut_after,
    free_port,
    silent_until,
    wait_until,
    webdav_app,
)

from journal.exchange.transport import (
    ConnectionCut,
    InsufficientStorage,
    NetworkSettings,
    ServerError,
    ServerUnreachable,
    TransportError,
    TransportTimeout,
    WebDavClient,
    parse_drop_url,
    random_bundle_name,
)

SETTINGS = NetworkSettings(
    connect_timeout=5, read_timeout=10, write_timeout=10, max_attempts=3, backoff_base=1
)


class SleepRecorder:
    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)

    @property
    def total(self) -> float:
        return round(sum(self.calls), 6)


@pytest.fixture
def failing(
    tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[tuple[ThreadedServer, RequestLog, Path]]:
    root = tmp_path / "dav"
    root.mkdir()
    log = RequestLog(FailingPut(webdav_app({"/dav": root}), status=request.param))
    server = ThreadedServer(log)
    try:
        yield server, log, root
    finally:
        server.stop()


def test_server_down_is_clear_and_retried(tmp_path: Path) -> None:
    sleeps = SleepRecorder()
    target = parse_drop_url(f"http://127.0.0.1:{free_port()}/dav/")
    with WebDavClient(target, SETTINGS, sleep=sleeps) as client:
        with pytest.raises(
            ServerUnreachable, match="Could not connect to 127.0.0.1.*gave up after 3 attempts"
        ):
            client.upload(io.BytesIO(b"abc"), random_bundle_name(), 3)
        with pytest.raises(ServerUnreachable):
            client.test_connection()  # not retried: quick feedback for the settings dialog
    assert sleeps.total == 1 + 2  # exponential back-off between the three attempts


@pytest.mark.parametrize("failing", ["507 Insufficient Storage"], indirect=True)
def test_507_is_not_retried(failing) -> None:
    server, log, root = failing
    sleeps = SleepRecorder()
    with WebDavClient(parse_drop_url(server.url("/dav/")), SETTINGS, sleep=sleeps) as client:
        with pytest.raises(InsufficientStorage, match="no room left"):
            client.upload(io.BytesIO(b"x" * 2048), random_bundle_name(), 2048)
    assert log.methods().count("PUT") == 1 and sleeps.calls == []


@pytest.mark.parametrize("failing", ["503 Service Unavailable"], indirect=True)
def test_5xx_is_retried_then_reported(failing) -> None:
    server, log, _ = failing
    sleeps = SleepRecorder()
    with WebDavClient(parse_drop_url(server.url("/dav/")), SETTINGS, sleep=sleeps) as client:
        with pytest.raises(ServerError, match="503"):
            client.upload(io.BytesIO(b"x" * 2048), random_bundle_name(), 2048)
    assert log.methods().count("PUT") == 3 and sleeps.total == 3


@pytest.mark.parametrize("failing", ["403 Forbidden"], indirect=True)
def test_403_is_not_retried(failing) -> None:
    server, log, _ = failing
    with WebDavClient(parse_drop_url(server.url("/dav/")), SETTINGS, sleep=SleepRecorder()) as client:
        with pytest.raises(TransportError, match="link or password may be wrong"):
            client.upload(io.BytesIO(b"x"), random_bundle_name(), 1)
    assert log.methods().count("PUT") == 1


def test_connection_cut_mid_upload_is_retried_per_policy(tmp_path: Path) -> None:
    server = RawServer(cut_after(256 * 1024))
    sleeps = SleepRecorder()
    src = tmp_path / "b.ijbundle"
    src.write_bytes(b"\x5a" * (4 * 1024 * 1024))
    try:
        with WebDavClient(parse_drop_url(server.url("/dav/")), SETTINGS, sleep=sleeps) as client:
            with pytest.raises(ConnectionCut, match="cut during the transfer.*3 attempts"):
                client.upload(src, random_bundle_name(), src.stat().st_size)
    finally:
        server.stop()
    assert server.connections == 3 and sleeps.total == 3


def test_one_way_stream_is_not_resent(tmp_path: Path) -> None:
    class OneWay(io.RawIOBase):
        def __init__(self) -> None:
            self.left = 2 * 1024 * 1024

        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
            n = min(len(buffer), self.left)
            buffer[:n] = b"\0" * n
            self.left -= n
            return n

    server = RawServer(cut_after(64 * 1024))
    try:
        with WebDavClient(parse_drop_url(server.url("/dav/")), SETTINGS, sleep=SleepRecorder()) as client:
            with pytest.raises(ConnectionCut, match="1 attempt\\)"):
                client.upload(OneWay(), random_bundle_name(), 2 * 1024 * 1024)
    finally:
        server.stop()
    assert server.connections == 1


def test_silent_server_times_out() -> None:
    stop = threading.Event()
    handler = silent_until(stop)
    server = RawServer(handler)
    # A short read timeout is what is tested; the server never answers at all, so how late its
    # thread runs cannot turn this into a pass or a failure.
    settings = NetworkSettings(
        connect_timeout=5, read_timeout=0.5, write_timeout=5, max_attempts=2, backoff_base=0
    )
    try:
        with WebDavClient(parse_drop_url(server.url("/dav/")), settings) as client:
            with pytest.raises(TransportTimeout, match="stopped answering"):
                client.upload(io.BytesIO(b"abc"), random_bundle_name(), 3)
            with pytest.raises(TransportTimeout):
                client.list_bundles()
        # Each of the three requests really reached the silent server (wait for it, then count).
        wait_until(lambda: handler.received == 3)
    finally:
        stop.set()
        server.stop()
    assert server.connections == 3 and handler.received == 3  # two upload attempts, one listing


def test_short_local_file_is_reported(tmp_path: Path) -> None:
    root = tmp_path / "dav"
    root.mkdir()
    server = ThreadedServer(webdav_app({"/dav": root}))
    try:
        with WebDavClient(parse_drop_url(server.url("/dav/")), SETTINGS, sleep=SleepRecorder()) as client:
            with pytest.raises(TransportError, match="became shorter"):
                client.upload(io.BytesIO(b"abc"), "s.ijbundle", 10)
    finally:
        server.stop()
    assert not (root / "s.ijbundle").exists() or (root / "s.ijbundle").stat().st_size < 10
