"""Round trips against a real WebDAV server (WsgiDAV) on 127.0.0.1."""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from webdav_server import SHARE_TOKEN, FakeNextcloudDrop, RequestLog, ThreadedServer, webdav_app

from journal.errors import Cancelled
from journal.exchange.transport import (
    AuthenticationFailed,
    DownloadTooLarge,
    FolderNotFound,
    InvalidTarget,
    NetworkSettings,
    RemoteFile,
    WebDavClient,
    parse_drop_url,
    random_bundle_name,
)

FAST = NetworkSettings(connect_timeout=5, read_timeout=10, write_timeout=10, max_attempts=3, backoff_base=0)


def _payload(size: int) -> bytes:
    # Incompressible-looking, deterministic bytes (stand-in for ciphertext).
    return (os.urandom(64) * (size // 64 + 1))[:size]


@pytest.fixture
def dav(tmp_path: Path) -> Iterator[tuple[ThreadedServer, Path, RequestLog]]:
    """Anonymous WebDAV at /dav/ and one with basic auth at /private/."""
    open_root = tmp_path / "open"
    private_root = tmp_path / "private"
    open_root.mkdir()
    private_root.mkdir()
    log = RequestLog(
        webdav_app({"/dav": open_root, "/private": private_root}, users={"/private": {"alice": "s3cret"}})
    )
    server = ThreadedServer(log)
    try:
        yield server, tmp_path, log
    finally:
        server.stop()


@pytest.fixture
def nextcloud(tmp_path: Path) -> Iterator[tuple[ThreadedServer, Path, RequestLog]]:
    """A fake Nextcloud with a password-protected file drop on the old endpoint."""
    drop = tmp_path / "drop"
    drop.mkdir()
    log = RequestLog(
        FakeNextcloudDrop(
            webdav_app({"/public.php/webdav": drop}, users={"/public.php/webdav": {SHARE_TOKEN: "sharepw"}})
        )
    )
    server = ThreadedServer(log)
    try:
        yield server, drop, log
    finally:
        server.stop()


def test_round_trip_upload_list_download(dav, tmp_path: Path) -> None:
    server, root, _ = dav
    data = _payload(3 * 1024 * 1024 + 123)
    src = tmp_path / "out.ijbundle"
    src.write_bytes(data)
    name = random_bundle_name()
    progress: list[tuple[int, int]] = []
    with WebDavClient(parse_drop_url(server.url("/private/"), "alice", "s3cret"), FAST) as client:
        receipt = client.upload(src, name, len(data), progress=lambda d, t: progress.append((d, t)))
        assert receipt.verified and receipt.size == len(data) and receipt.attempts == 1
        listing = client.list_bundles()
        assert [f.name for f in listing] == [name]
        assert listing[0].size == len(data) and listing[0].etag and listing[0].modified is not None
        out = io.BytesIO()
        assert client.download(listing[0], out, max_size=len(data)) == len(data)
    assert out.getvalue() == data
    # The server holds exactly what we sent, under the random name, and nothing else.
    assert sorted(p.name for p in (root / "private").iterdir()) == [name]
    assert (root / "private" / name).read_bytes() == data
    assert progress[0] == (0, len(data)) and progress[-1] == (len(data), len(data))
    assert all(b[0] >= a[0] for a, b in zip(progress, progress[1:], strict=False))


def test_upload_from_stream_and_delete(dav) -> None:
    server, root, _ = dav
    data = _payload(1000)
    with WebDavClient(parse_drop_url(server.url("/dav")), FAST) as client:
        name = random_bundle_name()
        client.upload(io.BytesIO(data), name, len(data))
        (root / "open" / "notes.txt").write_bytes(b"not a bundle")
        (root / "open" / "sub.ijbundle").mkdir()
        files = client.list_bundles()
        assert [f.name for f in files] == [name]
        client.delete(files[0])
        client.delete(files[0])  # already gone: no error
        assert client.list_bundles() == []
    assert sorted(p.name for p in (root / "open").iterdir()) == ["notes.txt", "sub.ijbundle"]


def test_empty_bundle_uploads(dav) -> None:
    server, root, _ = dav
    with WebDavClient(parse_drop_url(server.url("/dav/")), FAST) as client:
        receipt = client.upload(io.BytesIO(b""), "e.ijbundle", 0)
    assert receipt.size == 0 and (root / "open" / "e.ijbundle").read_bytes() == b""


def test_test_connection_on_plain_webdav(dav) -> None:
    server, _, _ = dav
    with WebDavClient(parse_drop_url(server.url("/private/"), "alice", "s3cret"), FAST) as client:
        check = client.test_connection()
    assert check.confirmed and check.can_list


def test_wrong_password_is_a_clear_auth_error(dav, tmp_path: Path) -> None:
    server, root, log = dav
    with WebDavClient(parse_drop_url(server.url("/private/"), "alice", "wrong"), FAST) as client:
        with pytest.raises(AuthenticationFailed, match="password or the link"):
            client.upload(io.BytesIO(b"x" * 10), random_bundle_name(), 10)
        with pytest.raises(AuthenticationFailed):
            client.test_connection()
        with pytest.raises(AuthenticationFailed):
            client.list_bundles()
    assert log.methods().count("PUT") == 1  # 401 is never retried
    assert list((root / "private").iterdir()) == []


def test_missing_folder_is_folder_not_found(dav) -> None:
    server, _, _ = dav
    with WebDavClient(parse_drop_url(server.url("/nowhere/")), FAST) as client:
        with pytest.raises(FolderNotFound, match="not found"):
            client.list_bundles()


def test_download_size_cap_aborts(dav) -> None:
    server, root, _ = dav
    data = _payload(2 * 1024 * 1024)
    (root / "open" / "big.ijbundle").write_bytes(data)
    with WebDavClient(parse_drop_url(server.url("/dav/")), FAST) as client:
        (remote,) = client.list_bundles()
        out = io.BytesIO()
        with pytest.raises(DownloadTooLarge, match="larger than the limit"):
            client.download(remote, out, max_size=1024 * 1024)
        assert len(out.getvalue()) <= 1024 * 1024
        # A listing that lies about the size does not help: the cap counts real bytes.
        liar = RemoteFile(name="big.ijbundle", size=10, etag=None, modified=None)
        with pytest.raises(DownloadTooLarge):
            client.download(liar, io.BytesIO(), max_size=100)


def test_cancel_mid_upload_aborts_and_leaves_no_file(dav, tmp_path: Path) -> None:
    server, root, log = dav
    data = _payload(5 * 1024 * 1024)
    stop = threading.Event()

    def progress(done: int, total: int) -> None:
        if done >= 2 * 1024 * 1024:
            stop.set()

    name = random_bundle_name()
    with WebDavClient(parse_drop_url(server.url("/dav/")), FAST) as client:
        with pytest.raises(Cancelled):
            client.upload(io.BytesIO(data), name, len(data), progress=progress, cancel=stop)
    assert log.methods().count("PUT") <= 1
    stored = root / "open" / name
    # The request was cut before completion: a complete file must never appear.
    assert not stored.exists() or stored.stat().st_size < len(data)


def test_cancel_before_start_sends_nothing(dav) -> None:
    server, _, log = dav
    with WebDavClient(parse_drop_url(server.url("/dav/")), FAST) as client:
        with pytest.raises(Cancelled):
            client.upload(io.BytesIO(b"abc"), random_bundle_name(), 3, cancel=lambda: True)
    assert "PUT" not in log.methods()


def test_invalid_remote_names_are_refused(dav) -> None:
    server, _, log = dav
    with WebDavClient(parse_drop_url(server.url("/dav/")), FAST) as client:
        for bad in ("../x.ijbundle", "a/b.ijbundle", ".hidden", "", "x y.ijbundle"):
            with pytest.raises(InvalidTarget):
                client.upload(io.BytesIO(b""), bad, 0)
    assert log.entries == []


def test_random_bundle_names_are_unique_and_plain() -> None:
    names = {random_bundle_name() for _ in range(100)}
    assert len(names) == 100
    for name in names:
        stem, ext = name.split(".")
        assert ext == "ijbundle" and len(stem) == 32 and int(stem, 16) >= 0


# -- Nextcloud file drop -------------------------------------------------------


def test_nextcloud_share_link_upload(nextcloud) -> None:
    server, drop, log = nextcloud
    data = _payload(1500 * 1024)
    target = parse_drop_url(server.url(f"/s/{SHARE_TOKEN}"), password="sharepw")
    with WebDavClient(target, FAST) as client:
        check = client.test_connection()
        assert check.confirmed and not check.can_list
        receipt = client.upload(io.BytesIO(data), "n.ijbundle", len(data))
    assert receipt.status_code in (201, 204) and not receipt.verified
    assert "file drop" in receipt.note
    assert (drop / "n.ijbundle").read_bytes() == data
    assert ("PUT", "/public.php/webdav/n.ijbundle") in log.entries
    assert not any(method in ("GET", "HEAD") for method in log.methods())


def test_nextcloud_wrong_share_password(nextcloud) -> None:
    server, drop, _ = nextcloud
    target = parse_drop_url(server.url(f"/index.php/s/{SHARE_TOKEN}"), password="nope")
    with WebDavClient(target, FAST) as client:
        with pytest.raises(AuthenticationFailed):
            client.upload(io.BytesIO(b"abc"), "n.ijbundle", 3)
    assert list(drop.iterdir()) == []


def test_nextcloud_new_endpoint_fallback(tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    mount = f"/public.php/dav/files/{SHARE_TOKEN}"
    log = RequestLog(FakeNextcloudDrop(webdav_app({mount: drop}, users={mount: {SHARE_TOKEN: ""}})))
    server = ThreadedServer(log)
    try:
        target = parse_drop_url(server.url(f"/s/{SHARE_TOKEN}"))
        with WebDavClient(target, FAST) as client:
            client.upload(io.BytesIO(b"ciphertext"), "f.ijbundle", 10)
            client.upload(io.BytesIO(b"ciphertext2"), "g.ijbundle", 11)
    finally:
        server.stop()
    assert (drop / "f.ijbundle").read_bytes() == b"ciphertext"
    puts = [path for method, path in log.entries if method == "PUT"]
    # The old endpoint was probed once (no bundle bytes wasted), then only the new one is used.
    assert puts == [f"{mount}/f.ijbundle", f"{mount}/g.ijbundle"]
