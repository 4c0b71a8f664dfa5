"""Network failures while sending: the bundle stays queued with the reason, nothing lost or duplicated."""
# ruff: noqa: F811  (pytest fixtures imported from other test modules)

from __future__ import annotations

import threading
from dataclasses import replace

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

from journal.errors import Cancelled
from journal.exchange.transport import NetworkSettings
from tests.test_outbox import FAST, PASSWORD, USER, dav, pair, queue_one  # noqa: F401 - fixtures


def assert_still_queued(documenter, item, reason_part: str):
    (queued,) = documenter.outbox.queued()
    assert queued.id == item.id and queued.state == "queued"
    assert reason_part.lower() in (queued.last_error or "").lower()
    assert queued.attempts >= 1 and queued.last_attempt_at
    assert documenter.outbox.path_of(queued).is_file()  # nothing lost
    assert documenter.outbox.sent() == []
    return queued


def test_server_down(pair):
    documenter, _c, record = pair
    documenter.outbox.set_drop(record.uuid, f"http://127.0.0.1:{free_port()}/dav/")
    _r, item = queue_one(documenter, record)
    outcome = documenter.outbox.send(item.id, settings=FAST)
    assert not outcome.ok
    assert_still_queued(documenter, item, "could not")


def test_wrong_password_then_right_one_sends_once(pair, dav):
    documenter, _c, record = pair
    documenter.outbox.set_drop(record.uuid, dav.url("auth"), USER, "wrong")
    _r, item = queue_one(documenter, record)
    assert not documenter.outbox.send(item.id, settings=FAST).ok
    assert_still_queued(documenter, item, "password")
    assert dav.files() == []
    documenter.outbox.set_drop(record.uuid, dav.url("auth"), USER, PASSWORD)
    assert documenter.outbox.send(item.id, settings=FAST).ok
    assert len(dav.files()) == 1 and documenter.outbox.get(item.id).attempts == 2


def test_server_full_507(pair, tmp_path):
    documenter, _c, record = pair
    root = tmp_path / "full"
    root.mkdir()
    log = RequestLog(FailingPut(webdav_app({"/dav": root})))
    server = ThreadedServer(log)
    try:
        documenter.outbox.set_drop(record.uuid, server.url("/dav/"))
        _r, item = queue_one(documenter, record)
        assert not documenter.outbox.send(item.id, settings=replace(FAST, max_attempts=4)).ok
        assert_still_queued(documenter, item, "no room")
        assert log.methods().count("PUT") == 1  # 507 is not retried
    finally:
        server.stop()


def test_connection_cut_mid_upload_is_retried_then_kept(pair):
    documenter, _c, record = pair
    server = RawServer(cut_after(200))
    try:
        documenter.outbox.set_drop(record.uuid, server.url("/dav/"))
        _r, item = queue_one(documenter, record)
        outcome = documenter.outbox.send(item.id, settings=FAST)
        assert not outcome.ok
        queued = assert_still_queued(documenter, item, "attempt")
        assert "2 attempts" in queued.last_error
        assert server.connections >= 2
    finally:
        server.stop()


def test_slow_server_times_out(pair):
    documenter, _c, record = pair
    stop = threading.Event()
    handler = silent_until(stop)
    server = RawServer(handler)
    try:
        documenter.outbox.set_drop(record.uuid, server.url("/dav/"))
        _r, item = queue_one(documenter, record)
        settings = NetworkSettings(connect_timeout=5, read_timeout=0.5, write_timeout=5, max_attempts=1,
                                   backoff_base=0, backoff_max=0)
        assert not documenter.outbox.send(item.id, settings=settings).ok
        wait_until(lambda: handler.received >= 1)  # the request reached the server, which stayed silent
        assert_still_queued(documenter, item, "stopped answering")
    finally:
        stop.set()
        server.stop()


def test_cancel_keeps_the_bundle_queued(pair, dav):
    documenter, _c, record = pair
    documenter.outbox.set_drop(record.uuid, dav.url("open"))
    _r, item = queue_one(documenter, record)
    with pytest.raises(Cancelled):
        documenter.outbox.send(item.id, settings=FAST, cancel=lambda: True)
    (queued,) = documenter.outbox.queued()
    assert queued.last_error == "Sending was cancelled." and documenter.outbox.path_of(queued).is_file()
    # Sending again afterwards works and leaves exactly one file on the server.
    assert documenter.outbox.send(item.id, settings=FAST).ok
    assert len(dav.files()) == 1


def test_retry_after_failure_reuses_the_remote_name(pair, dav, tmp_path):
    documenter, _c, record = pair
    documenter.outbox.set_drop(record.uuid, f"http://127.0.0.1:{free_port()}/dav/")
    _r, item = queue_one(documenter, record)
    assert not documenter.outbox.send(item.id, settings=FAST).ok
    documenter.outbox.set_drop(record.uuid, dav.url("open"))
    assert documenter.outbox.send(item.id, settings=FAST).ok
    assert [p.name for p in dav.files()] == [item.remote_name]
    # A sent item cannot be sent twice.
    assert documenter.outbox.send_all(settings=FAST) == []
