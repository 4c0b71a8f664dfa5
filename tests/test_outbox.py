"""Outbox: export into it, send to a real WsgiDAV server on 127.0.0.1, then fetch and import.

The helpers at the top (a documenter/coordinator pair with a drop folder, the DAV server)
are shared with tests/test_fetch*.py, tests/test_outbox_*.py and tests/test_cli_transport.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from webdav_server import ThreadedServer, webdav_app

from journal.errors import InvalidInput
from journal.exchange.transport import NetworkSettings
from journal.storage.vault import Journal
from tests.test_export import populate
from tests.test_export import pair  # noqa: F401 - fixture

CANARY = "Canary-Outbox-Задержание-7f3a"
USER, PASSWORD = "drop-user", "drop пароль"
#: No waiting between retries in tests; few attempts keep failure tests quick.
FAST = NetworkSettings(connect_timeout=5, read_timeout=5, write_timeout=5, max_attempts=2,
                       backoff_base=0, backoff_max=0)


class Dav:
    """A WsgiDAV server with an open folder /open and a password-protected folder /auth."""

    def __init__(self, root: Path) -> None:
        self.open_root = root / "open"
        self.auth_root = root / "auth"
        self.open_root.mkdir(parents=True)
        self.auth_root.mkdir(parents=True)
        self.server = ThreadedServer(webdav_app({"/open": self.open_root, "/auth": self.auth_root},
                                                users={"/auth": {USER: PASSWORD}}))

    def url(self, mount: str) -> str:
        return self.server.url(f"/{mount}/")

    def files(self) -> list[Path]:
        return sorted(p for root in (self.open_root, self.auth_root) for p in root.iterdir() if p.is_file())


@pytest.fixture
def dav(tmp_path) -> Iterator[Dav]:
    server = Dav(tmp_path / "dav")
    try:
        yield server
    finally:
        server.server.stop()




def queue_one(documenter: Journal, record, title: str = CANARY):
    documenter.entries.add(title=title, body=f"{CANARY} body")
    result, items = documenter.outbox.export_to_outbox([record.uuid], all_entries=True)
    return result, items[0]


# --- tests ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("mount", ["open", "auth"])
def test_send_fetch_import_end_to_end(pair, dav, mount):
    documenter, coordinator, record = pair
    populate(documenter, title=f"{CANARY} с фото")
    creds = (USER, PASSWORD) if mount == "auth" else (None, None)
    documenter.outbox.set_drop(record.uuid, dav.url(mount), *creds)
    result, item = queue_one(documenter, record)
    assert item.state == "queued" and item.remote_name != item.file_name
    assert documenter.outbox.path_of(item).is_file()

    seen: list[tuple[int, int]] = []
    outcome = documenter.outbox.send(item.id, settings=FAST, progress=lambda d, t: seen.append((d, t)))
    assert outcome.ok, outcome.error
    sent = documenter.outbox.get(item.id)
    assert sent.state == "sent" and sent.sent_at and "HTTP 201" in sent.server_reply and sent.attempts == 1
    assert documenter.outbox.queued() == [] and [i.id for i in documenter.outbox.sent()] == [item.id]
    assert not documenter.outbox.path_of(item).exists()  # sent: the local copy is gone
    assert seen[-1] == (result.file_size, result.file_size)

    # The server holds exactly one file: random name, ciphertext only.
    (stored,) = dav.files()
    assert stored.name == item.remote_name and stored.read_bytes().startswith(b"age-encryption.org/v1")
    data = stored.read_bytes()
    for needle in (CANARY, "Olena", "Иван Петров", "+79001234567"):
        assert needle.encode() not in data

    folder = coordinator.inbox.add(dav.url(mount), *creds)
    report = coordinator.inbox.fetch(settings=FAST, trust_new=True, delete_after_import=True)
    assert report.errors == []
    (fetched,) = report.files
    assert fetched.status == "accepted" and fetched.bundle_id == result.bundle_id and fetched.deleted
    titles = {r[0] for r in coordinator.db.query("SELECT title FROM entries")}
    assert {CANARY, f"{CANARY} с фото"} <= titles
    assert dav.files() == []  # deleted after a successful import
    assert not any((coordinator.data_dir / "inbox-downloads").iterdir())
    assert folder.id == coordinator.inbox.list()[0].id


def test_password_is_stored_inside_the_encrypted_journal_only(pair, dav):
    documenter, _coordinator, record = pair
    documenter.outbox.set_drop(record.uuid, dav.url("auth"), USER, PASSWORD)
    documenter.outbox.set_network_settings(NetworkSettings(proxy_url="socks5h://127.0.0.1:9050"))
    folder = documenter.outbox.drop(record.uuid)
    assert folder.password == PASSWORD and PASSWORD not in repr(folder)
    assert documenter.outbox.network_settings().proxy_url == "socks5h://127.0.0.1:9050"
    for path in documenter.data_dir.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert PASSWORD.encode() not in data and b"9050" not in data and b"drop-user" not in data


def test_export_to_outbox_needs_a_drop_folder_and_writes_nothing_without(pair):
    documenter, _coordinator, record = pair
    documenter.entries.add(title="x")
    with pytest.raises(InvalidInput, match="drop folder"):
        documenter.outbox.export_to_outbox([record.uuid], all_entries=True)
    assert not (documenter.data_dir / "outbox").exists() or not any((documenter.data_dir / "outbox").iterdir())
    assert documenter.exporter.sent() == []


def test_add_file_copies_a_bundle_into_the_outbox(pair, dav, tmp_path):
    documenter, _coordinator, record = pair
    documenter.outbox.set_drop(record.uuid, dav.url("open"))
    documenter.entries.add(title="x")
    result = documenter.exporter.export(tmp_path / "b.ijbundle", [record.uuid], all_entries=True)
    (item,) = documenter.outbox.add_file(result.path, [record.display_name])
    assert documenter.outbox.path_of(item).read_bytes() == result.path.read_bytes()
    assert item.file_name != "b.ijbundle"
    outcomes = documenter.outbox.send_all(settings=FAST)
    assert [o.ok for o in outcomes] == [True]


def test_remove_takes_the_item_and_its_file(pair, dav):
    documenter, _coordinator, record = pair
    documenter.outbox.set_drop(record.uuid, dav.url("open"))
    _result, item = queue_one(documenter, record)
    path = documenter.outbox.path_of(item)
    documenter.outbox.remove(item.id)
    assert not path.exists() and documenter.outbox.queued() == []


def test_drop_folder_address_is_checked_without_connecting(pair):
    documenter, _coordinator, record = pair
    from journal.exchange.transport import InvalidTarget

    with pytest.raises(InvalidTarget):
        documenter.outbox.set_drop(record.uuid, "http://example.org/dav/")  # plain http off loopback
    with pytest.raises(InvalidTarget):
        documenter.outbox.set_drop(record.uuid, "https://u:p@example.org/dav/")
    folder = documenter.outbox.set_drop(record.uuid, "https://cloud.example.org/s/AbCdEf1234567",
                                        password="pw", pinned_sha256="AB:" * 31 + "AB")
    assert folder.pinned_sha256 == "ab" * 32
    assert documenter.outbox.drop(record.uuid).target().is_nextcloud_share
