"""Fetching from inbox folders: no double downloads, untrusted senders, failures, SOCKS5 proxy."""
# ruff: noqa: F811  (pytest fixtures imported from other test modules)

from __future__ import annotations

from webdav_server import RequestLog, ThreadedServer, free_port, webdav_app

from journal.exchange.transport import NetworkSettings
from tests.test_outbox import FAST, PASSWORD, USER, dav, pair, queue_one  # noqa: F401 - fixtures
from tests.test_transport_proxy import _wait_for_log, socks_proxy  # noqa: F401 - fixture


def send_one(documenter, record, url, creds=(None, None), title="Fetch me"):
    documenter.outbox.set_drop(record.uuid, url, *creds)
    result, item = queue_one(documenter, record, title=title)
    assert documenter.outbox.send(item.id, settings=FAST).ok
    return result


def test_already_fetched_files_are_not_downloaded_again(pair, tmp_path):
    documenter, coordinator, record = pair
    root = tmp_path / "inbox"
    root.mkdir()
    log = RequestLog(webdav_app({"/dav": root}))
    server = ThreadedServer(log)
    try:
        first = send_one(documenter, record, server.url("/dav/"))
        coordinator.inbox.add(server.url("/dav/"))
        report = coordinator.inbox.fetch(settings=FAST, trust_new=True)
        assert [f.status for f in report.files] == ["accepted"] and report.files[0].bundle_id == first.bundle_id
        gets = log.methods().count("GET")
        assert gets == 1
        again = coordinator.inbox.fetch(settings=FAST, trust_new=True)
        assert [f.status for f in again.files] == ["skipped"]
        assert log.methods().count("GET") == gets  # not downloaded twice
        # A new bundle on the server is fetched; the old one still is not.
        send_one(documenter, record, server.url("/dav/"), title="Second")
        third = coordinator.inbox.fetch(settings=FAST, trust_new=True)
        assert sorted(f.status for f in third.files) == ["accepted", "skipped"]
        assert log.methods().count("GET") == gets + 1
        # Delete-after-import also cleans up what was fetched before.
        coordinator.inbox.fetch(settings=FAST, delete_after_import=True)
        assert list(root.iterdir()) == []
    finally:
        server.stop()


def test_unknown_sender_is_rejected_then_accepted_with_trust(pair, dav):
    documenter, coordinator, record = pair
    send_one(documenter, record, dav.url("auth"), (USER, PASSWORD))
    coordinator.inbox.add(dav.url("auth"), USER, PASSWORD)
    report = coordinator.inbox.fetch(settings=FAST, delete_after_import=True)
    (item,) = report.files
    assert item.status == "rejected" and item.reason and not item.deleted
    assert len(dav.files()) == 1  # a rejected bundle stays on the server
    assert [f.status for f in coordinator.inbox.fetch(settings=FAST).files] == ["skipped"]
    trusted = coordinator.inbox.fetch(settings=FAST, trust_new=True, delete_after_import=True)
    assert [f.status for f in trusted.files] == ["accepted"] and dav.files() == []


def test_folder_errors_are_reported_not_raised(pair, dav):
    _documenter, coordinator, _record = pair
    coordinator.inbox.add(f"http://127.0.0.1:{free_port()}/dav/")
    coordinator.inbox.add(dav.url("auth"), USER, "wrong password")
    coordinator.inbox.add(dav.url("open"))
    report = coordinator.inbox.fetch(settings=FAST)
    assert report.files == [] and len(report.errors) == 2
    assert "wrong password" not in " ".join(report.errors)
    assert any("password" in e.lower() for e in report.errors)


def test_size_cap_rejects_without_importing(pair, dav):
    documenter, coordinator, record = pair
    send_one(documenter, record, dav.url("open"))
    coordinator.inbox.add(dav.url("open"))
    report = coordinator.inbox.fetch(settings=FAST, trust_new=True, max_size=100)
    (item,) = report.files
    assert item.status == "rejected" and "larger" in item.reason
    assert not any((coordinator.data_dir / "inbox-downloads").iterdir())


def test_send_and_fetch_go_through_the_socks5_proxy(pair, dav, socks_proxy):
    documenter, coordinator, record = pair
    proxy_url, log_path = socks_proxy
    url = dav.server.url("/open/", host="localhost")
    documenter.outbox.set_drop(record.uuid, url)
    documenter.outbox.set_network_settings(NetworkSettings(proxy_url=proxy_url, max_attempts=1))
    _r, item = queue_one(documenter, record)
    outcome = documenter.outbox.send(item.id)  # stored settings: the proxy
    assert outcome.ok, outcome.error
    log = _wait_for_log(log_path, f"-> localhost:{dav.server.port}")
    assert f"-> localhost:{dav.server.port}" in log
    coordinator.inbox.add(url)
    lines_before = log.count("->")
    report = coordinator.inbox.fetch(settings=FAST, proxy_url=proxy_url, trust_new=True)
    assert [f.status for f in report.files] == ["accepted"]
    log = _wait_for_log(log_path, "->")
    assert log_path.read_text(errors="replace").count("->") > lines_before


def test_proxy_not_running_keeps_the_bundle(pair, dav):
    documenter, _c, record = pair
    documenter.outbox.set_drop(record.uuid, dav.url("open"))
    _r, item = queue_one(documenter, record)
    outcome = documenter.outbox.send(item.id, settings=FAST, proxy_url=f"socks5h://127.0.0.1:{free_port()}")
    assert not outcome.ok and "proxy" in outcome.error.lower()
    assert dav.files() == [] and documenter.outbox.queued()[0].id == item.id
