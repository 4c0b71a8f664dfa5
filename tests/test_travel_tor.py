"""Travel packages "optionally through Tor": the drop-folder upload and fetch go through a real
SOCKS5 proxy on loopback, and no socket of this process connects anywhere else.

What exists (issue 21): the GUI's "Send through Tor" box uses socks5h://127.0.0.1:9050
(ui/safety/travel_dialog.py), the CLI has `--tor` and `--proxy URL`, and otherwise the journal's
own network settings (Exchange settings: proxy) apply; all of them end in NetworkSettings.proxy_url,
which WebDavClient hands to httpx (journal/exchange/transport). Tor's own SOCKS port is such a
proxy; pproxy (a real SOCKS5 server, already a test dependency) stands in for it here, with no
outside network.

Proof, for the core functions and the CLI commands:
- every connect() of this process goes to the proxy's port, none to the WebDAV server's;
- local name lookups are refused (except the proxy's literal address), and the drop folder is
  addressed as "localhost": only the proxy can have resolved it;
- the proxy's log shows it relayed the connection to localhost:<WebDAV port>;
- the package arrived, was read back, and restores.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from test_transport_proxy import _wait_for_log, no_local_dns, socks_proxy  # noqa: F401 - fixtures
from webdav_server import LOOPBACK, ThreadedServer, webdav_app

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.test_export import add_coordinator, db_digest, make_journal, populate

from journal.exchange.outbox import settings_for
from journal.exchange.transport import NetworkSettings
from journal.storage.vault import Journal

pytest.importorskip("pproxy")
pytest.importorskip("socksio")

FAST = NetworkSettings(connect_timeout=5, read_timeout=10, write_timeout=10, max_attempts=1, backoff_base=0)


@pytest.fixture
def dav(tmp_path):
    root = tmp_path / "dav-root"
    root.mkdir()
    server = ThreadedServer(webdav_app({"/private": root}, users={"/private": {"alice": "s3cret"}}))
    try:
        yield server, root
    finally:
        server.stop()


@pytest.fixture
def connects(monkeypatch):
    """Every address a socket of this process connects to (the WebDAV server's own accepted
    sockets connect nowhere, and the proxy is another process)."""
    seen: list[tuple] = []
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def connect(self, address):
        seen.append(address)
        return real_connect(self, address)

    def connect_ex(self, address):
        seen.append(address)
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    return seen


def _proxy_port(proxy_url: str) -> int:
    return int(proxy_url.rsplit(":", 1)[1])


def _documenter(tmp_path: Path, url: str):
    created = Journal.create(tmp_path / "doc", PASSPHRASE, "Olena K.", kdf=FAST_KDF)
    coordinator = make_journal(tmp_path / "coord", "Coordinator")
    record = add_coordinator(created.journal, coordinator)
    coordinator.close()
    populate(created.journal, photo=False)
    created.journal.outbox.set_drop(record, url, "alice", "s3cret")
    return created, record


def test_prepare_and_restore_through_the_socks5_proxy_only(tmp_path, dav, socks_proxy, no_local_dns,  # noqa: F811
                                                           connects):
    from journal.travel import erase_after_travel
    from journal.travel.drop import prepare_to_drop, restore_from_drop

    server, root = dav
    proxy_url, log_path = socks_proxy
    url = server.url("/private/", host="localhost")
    created, record = _documenter(tmp_path, url)
    journal, code = created.journal, created.recovery_code
    digest = db_digest(journal)
    folder = journal.outbox.drop(record)
    connects.clear()
    report = prepare_to_drop(journal, folder, settings_for(FAST, folder.pinned_sha256, proxy_url), code,
                             work_factor=10)
    assert [p.name for p in root.iterdir()] == [report.remote_name]  # sent, and read back (else it raises)
    assert connects and set(connects) == {(LOOPBACK, _proxy_port(proxy_url))}
    assert all(address[1] != server.port for address in connects)
    assert f"-> localhost:{server.port}" in _wait_for_log(log_path, f"-> localhost:{server.port}")

    data_dir = journal.data_dir
    erase_after_travel(journal)
    connects.clear()
    restored = restore_from_drop(url, data_dir, code, user="alice", password="s3cret",
                                 settings=settings_for(FAST, None, proxy_url))
    assert restored.entries == 1
    assert set(connects) == {(LOOPBACK, _proxy_port(proxy_url))}
    with Journal.open(data_dir, PASSPHRASE) as back:
        assert db_digest(back) == digest


def test_the_cli_proxy_option_sends_and_fetches_through_the_proxy(tmp_path, dav, socks_proxy, no_local_dns,  # noqa: F811
                                                                   connects, capsys, monkeypatch):
    import journal.travel.package as package
    from journal.cli import main

    monkeypatch.setattr(package, "SCRYPT_WORK_FACTOR", 10)  # age's real cost is for the bench
    server, root = dav
    proxy_url, _log = socks_proxy
    url = server.url("/private/", host="localhost")
    created, record = _documenter(tmp_path, url)
    created.journal.close()
    (tmp_path / "pass.txt").write_text(PASSPHRASE + "\n")
    (tmp_path / "code.txt").write_text(created.recovery_code + "\n")
    (tmp_path / "dav-pass.txt").write_text("s3cret\n")
    base = ["--passphrase-file", str(tmp_path / "pass.txt")]
    connects.clear()
    code = main(["--data-dir", str(tmp_path / "doc"), *base, "travel", "prepare", "--drop", record.fingerprint,
                 "--proxy", proxy_url, "--recovery-code-file", str(tmp_path / "code.txt"), "--yes", "--json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert [p.name for p in root.iterdir()] == [json.loads(out.out)["remote_name"]]
    code = main(["--data-dir", str(tmp_path / "back"), *base, "travel", "restore", "--drop", url, "--user", "alice",
                 "--password-file", str(tmp_path / "dav-pass.txt"), "--proxy", proxy_url,
                 "--recovery-code-file", str(tmp_path / "code.txt")])
    assert code == 0, capsys.readouterr().err
    assert connects and set(connects) == {(LOOPBACK, _proxy_port(proxy_url))}
