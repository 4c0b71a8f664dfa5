"""GUI: the Outbox page sends to a real WsgiDAV server on 127.0.0.1; network settings; drop folder; fetch."""
# ruff: noqa: F811  (pytest fixtures imported from other test modules)

from __future__ import annotations

import pytest
from conftest import FAST_KDF, PASSPHRASE
from gui_helpers import unlock, unlocked  # noqa: F401  (fixture)

from journal.exchange.transport import TOR_PROXY_URL
from journal.storage.vault import Journal
from tests.test_outbox import CANARY, PASSWORD, USER, dav  # noqa: F401 - fixture
from ui.exchange.transport.feature import OUTBOX_SECTION

pytestmark = pytest.mark.gui


def _write(controller, fn):
    return controller.session.write_and_wait(fn)


@pytest.fixture
def hq(tmp_path):
    journal = Journal.create(tmp_path / "hq", PASSPHRASE, "HQ", kdf=FAST_KDF).journal
    yield journal
    journal.close()


def _queue(controller, hq, url, creds=(None, None)):
    def setup(j):
        record = j.coordinators.add(hq.identity.card_text(), verified=True)
        j.outbox.set_drop(record.uuid, url, *creds)
        j.entries.add(title=CANARY)
        return j.outbox.export_to_outbox([record.uuid], all_entries=True)[1][0]

    return _write(controller, setup)


def test_outbox_page_sends_to_loopback_server(qtbot, unlocked, hq, dav):
    window = unlocked.main_window
    qtbot.addWidget(window)
    feature = window.transport_feature
    item = _queue(unlocked, hq, dav.url("auth"), (USER, PASSWORD))
    page = feature.page
    page.refresh()
    window.pages.setCurrentWidget(page)
    assert page.queued.topLevelItemCount() == 1 and page.sent_tree.topLevelItemCount() == 0
    assert page.send_button.isEnabled() and not page.empty.isVisible()
    with qtbot.waitSignal(page.sent, timeout=20_000) as blocker:
        page.send_button.click()
    (outcome,) = blocker.args[0]
    assert outcome.ok, outcome.error
    assert page.queued.topLevelItemCount() == 0 and page.sent_tree.topLevelItemCount() == 1
    assert "HTTP 201" in page.sent_tree.topLevelItem(0).text(3)
    (stored,) = dav.files()
    assert stored.name == item.remote_name and CANARY.encode() not in stored.read_bytes()

    # The coordinator side: the same server, fetched and imported through the GUI path.
    hq.inbox.add(dav.url("auth"), USER, PASSWORD)
    report = hq.inbox.fetch(trust_new=True)
    assert [f.status for f in report.files] == ["accepted"]


def test_outbox_section_is_in_the_sidebar_and_lock_clears_it(qtbot, unlocked, hq, dav):
    window = unlocked.main_window
    qtbot.addWidget(window)
    _queue(unlocked, hq, dav.url("open"))
    window.transport_feature.page.refresh()
    from ui.sidebar import SECTION_ROLE

    sections = []
    for i in range(window.sidebar.topLevelItemCount()):
        top = window.sidebar.topLevelItem(i)
        sections.append(top.data(0, SECTION_ROLE))
        sections += [top.child(j).data(0, SECTION_ROLE) for j in range(top.childCount())]
    assert OUTBOX_SECTION in sections
    window.detach()
    assert window.transport_feature.page.queued.topLevelItemCount() == 0
    assert not window.transport_feature.fetch_action.isEnabled()


def test_network_settings_dialog_saves_inside_the_journal(qtbot, unlocked):
    from ui.exchange.transport.settings_dialog import (
        TOR_BROWSER_PROXY_URL,
        NetworkSettingsDialog,
    )

    dialog = NetworkSettingsDialog(unlocked.session)
    qtbot.addWidget(dialog)
    assert not dialog.use_proxy.isChecked() and not dialog.proxy.isEnabled()
    dialog.tor_button.setEnabled(True)
    dialog.use_proxy.setChecked(True)
    dialog.tor_browser_button.click()
    assert dialog.proxy.text() == TOR_BROWSER_PROXY_URL
    dialog.tor_button.click()
    assert dialog.proxy.text() == TOR_PROXY_URL
    dialog.attempts.setValue(2)
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.save()
    stored = _write(unlocked, lambda j: j.outbox.network_settings())
    assert stored.proxy_url == TOR_PROXY_URL and stored.max_attempts == 2
    # A bad address is shown, not saved.
    again = NetworkSettingsDialog(unlocked.session)
    qtbot.addWidget(again)
    assert again.use_proxy.isChecked() and again.proxy.text() == TOR_PROXY_URL
    again.proxy.setText("ftp://nope")
    again.save()
    assert "proxy" in again.error.text().lower()
    assert _write(unlocked, lambda j: j.outbox.network_settings()).proxy_url == TOR_PROXY_URL


def test_drop_folder_dialog_tests_and_saves(qtbot, unlocked, hq, dav):
    from ui.exchange.transport.drop_dialog import DropFolderDialog

    record = _write(unlocked, lambda j: j.coordinators.add(hq.identity.card_text(), verified=True))
    dialog = DropFolderDialog(record, unlocked.session)
    qtbot.addWidget(dialog)
    dialog.fields.fill(dav.url("auth"), USER, PASSWORD, None)
    dialog.test_connection()
    qtbot.waitUntil(lambda: "found" in dialog.status.text(), timeout=10_000)
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.save()
    assert dialog.fields.password.text() == ""  # cleared on close
    folder = _write(unlocked, lambda j: j.outbox.drop(record.id))
    assert folder.url == dav.url("auth") and folder.password == PASSWORD


def test_fetch_from_the_menu_imports_and_shows_results(qtbot, unlocked, hq, dav, tmp_path):
    # The unlocked journal acts as coordinator here: hq sends to it.
    card = _write(unlocked, lambda j: j.identity.card_text())
    record = hq.coordinators.add(card, verified=True)
    hq.outbox.set_drop(record.uuid, dav.url("open"))
    hq.entries.add(title=CANARY)
    _r, (item,) = hq.outbox.export_to_outbox([record.uuid], all_entries=True)
    assert hq.outbox.send(item.id).ok
    _write(unlocked, lambda j: j.inbox.add(dav.url("open")))
    window = unlocked.main_window
    qtbot.addWidget(window)
    from ui.exchange.transport.inbox import fetch

    results = []
    op = fetch(window, unlocked.session, results.append, ask=False, trust_new=True)
    qtbot.waitUntil(lambda: op.done, timeout=20_000)
    (report,) = results
    assert [f.status for f in report.files] == ["accepted"]
    titles = _write(unlocked, lambda j: [r[0] for r in j.db.query("SELECT title FROM entries")])
    assert CANARY in titles
