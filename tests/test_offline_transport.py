"""Nothing connects unless the user sends, tests a folder or fetches.

Setting a drop folder, network settings, exporting into the outbox, listing and
removing outbox items and managing inbox folders all run with sockets refused.
"""
# ruff: noqa: F811  (pytest fixtures imported from other test modules)

from __future__ import annotations

import json

from journal.cli import main
from journal.exchange.transport import NetworkSettings
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.test_export import add_coordinator, make_journal
from tests.test_offline import NetworkUsed, no_network  # noqa: F401 - fixture


def test_outbox_and_settings_work_offline(tmp_path, no_network):
    documenter = make_journal(tmp_path / "doc", "Olena")
    coordinator = make_journal(tmp_path / "coord", "HQ")
    try:
        record = add_coordinator(documenter, coordinator)
        documenter.outbox.set_drop(record.uuid, "https://cloud.example.org/s/AbCdEf1234567", password="pw")
        documenter.outbox.set_network_settings(NetworkSettings(proxy_url="socks5h://127.0.0.1:9050"))
        assert documenter.outbox.network_settings().proxy_url
        documenter.entries.add(title="offline")
        _result, (item,) = documenter.outbox.export_to_outbox([record.uuid], all_entries=True)
        assert [i.id for i in documenter.outbox.queued()] == [item.id] and documenter.outbox.sent() == []
        documenter.outbox.remove(item.id)
        folder = coordinator.inbox.add("https://dav.example.org/remote.php/dav/files/hq/in/", "hq", "pw")
        assert [f.id for f in coordinator.inbox.list()] == [folder.id]
        coordinator.inbox.remove(folder.id)
        reader = documenter.open_reader()
        assert reader.outbox.queued() == [] and reader.outbox.drop(record.id) is not None
    finally:
        documenter.close()
        coordinator.close()
    assert no_network == []


def test_cli_outbox_listing_and_settings_work_offline(tmp_path, capsys, no_network):
    folder = tmp_path / "doc"
    from journal.storage.vault import Journal

    Journal.create(folder, PASSPHRASE, "Olena", kdf=FAST_KDF).journal.close()
    pfile = tmp_path / "pass.txt"
    pfile.write_text(PASSPHRASE)
    base = ["--data-dir", str(folder), "--passphrase-file", str(pfile)]
    assert main([*base, "outbox", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"queued": [], "sent": []}
    assert main([*base, "network", "--proxy", "socks5h://127.0.0.1:9150"]) == 0
    assert main([*base, "inbox", "list"]) == 0
    assert main([*base, "send", "--outbox"]) == 0  # empty outbox: nothing to connect for
    assert no_network == []
