"""GUI: the export wizard sends a bundle through the outbox to a real WebDAV server on 127.0.0.1;
the Coordinators page opens the drop-folder dialog."""
# ruff: noqa: F811  (pytest fixtures imported from other test modules)

from __future__ import annotations

import pytest
from conftest import FAST_KDF, PASSPHRASE
from gui_helpers import choose_card_name, unlocked  # noqa: F401  (fixture)

from journal.storage.vault import Journal
from tests.test_outbox import CANARY, PASSWORD, USER, dav  # noqa: F401 - fixture
from ui.exchange import export_wizard as bundles_export
from ui.exchange.transport import drop_dialog as transport_drop_dialog

pytestmark = pytest.mark.gui


@pytest.fixture
def hq(tmp_path):
    journal = Journal.create(tmp_path / "hq", PASSPHRASE, "HQ", kdf=FAST_KDF).journal
    yield journal
    journal.close()


def _write(controller, fn):
    return controller.session.write_and_wait(fn)


def _wizard_at_last_page(qtbot, controller, hq):
    record = _write(controller, lambda j: j.coordinators.add(hq.identity.card_text(), verified=True))
    _write(controller, lambda j: j.entries.add(title=CANARY, body="body"))
    feature = controller.main_window.bundles_feature
    choose_card_name(controller)
    wizard = feature.show_export()
    qtbot.addWidget(wizard)
    wizard.recipients.list.item(0).setCheckState(bundles_export.Qt.CheckState.Checked)
    wizard.next()
    wizard.what.all.setChecked(True)
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.save_page
    return wizard, record


def test_send_to_drop_folder_uploads_and_lands_in_sent(qtbot, unlocked, hq, dav, monkeypatch):
    wizard, record = _wizard_at_last_page(qtbot, unlocked, hq)
    page = wizard.save_page
    # No drop folder yet: "Send" is offered but disabled, with a button to set one up.
    assert page.to_file.isChecked() and not page.to_drop.isEnabled()
    assert record.display_name in page.drop_note.text() and not page.set_up_drop.isHidden()

    def fake_exec(dialog):  # the user types the folder and presses Save
        dialog.fields.fill(dav.url("auth"), USER, PASSWORD, None)
        dialog.save()
        qtbot.waitUntil(lambda: dialog.result() == 1, timeout=20_000)
        return 1

    monkeypatch.setattr(transport_drop_dialog.DropFolderDialog, "exec", fake_exec)
    page.set_up_drop.click()
    assert page.to_drop.isEnabled() and page.to_drop.isChecked() and page.set_up_drop.isHidden()
    assert not page.path.isEnabled()
    assert page.buttonText(bundles_export.QWizard.WizardButton.CommitButton) == "&Send bundle"

    wizard.next()  # export into the outbox, then send with progress
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary, timeout=30_000)
    assert wizard.send_outcomes and all(o.ok for o in wizard.send_outcomes)
    assert "drop folder" in wizard.summary.summary.text() and wizard.summary.show_folder.isHidden()
    (stored,) = dav.files()
    assert CANARY.encode() not in stored.read_bytes()
    outbox = unlocked.main_window.transport_feature.page
    assert outbox.queued.topLevelItemCount() == 0 and outbox.sent_tree.topLevelItemCount() == 1
    wizard.accept()
    # The coordinator fetches and imports it.
    hq.inbox.add(dav.url("auth"), USER, PASSWORD)
    assert [f.status for f in hq.inbox.fetch(trust_new=True).files] == ["accepted"]


def test_failed_send_stays_in_the_outbox_with_the_reason(qtbot, unlocked, hq, dav):
    wizard, record = _wizard_at_last_page(qtbot, unlocked, hq)
    _write(unlocked, lambda j: j.outbox.set_drop(record.uuid, dav.url("auth"), USER, "wrong password"))
    wizard.save_page.update_drops()
    wizard.save_page.to_drop.setChecked(True)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary, timeout=30_000)
    (outcome,) = wizard.send_outcomes
    assert not outcome.ok and outcome.error
    text = wizard.summary.summary.text()
    assert "Not sent" in text and "stays in the outbox" in text and outcome.error in text
    assert dav.files() == []
    (queued,) = _write(unlocked, lambda j: j.outbox.queued())
    assert queued.last_error == outcome.error
    outbox = unlocked.main_window.transport_feature.page
    assert outbox.queued.topLevelItemCount() == 1
    assert outbox.queued.topLevelItem(0).text(4) == outcome.error
    wizard.accept()


def test_save_to_file_is_still_the_default(qtbot, unlocked, hq, tmp_path):
    wizard, _record = _wizard_at_last_page(qtbot, unlocked, hq)
    path = tmp_path / "b.ijbundle"
    wizard.save_page.path.setText(str(path))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary, timeout=30_000)
    assert path.is_file() and wizard.send_outcomes is None
    assert not wizard.summary.show_folder.isHidden()
    assert _write(unlocked, lambda j: j.outbox.queued()) == []
    wizard.accept()


def test_coordinators_page_opens_the_drop_folder_dialog(qtbot, unlocked, hq, monkeypatch):
    _write(unlocked, lambda j: j.coordinators.add(hq.identity.card_text(), verified=True))
    page = unlocked.main_window.bundles_feature.coordinators_page
    page.refresh()
    page.list.setCurrentRow(0)
    assert page.drop_button.isEnabled() and page.drop_button.accessibleName() == "Drop folder"
    opened = []
    monkeypatch.setattr(transport_drop_dialog.DropFolderDialog, "exec",
                        lambda dialog: opened.append(dialog.coordinator_id) or 0)
    page.drop_button.click()
    assert opened == [page.current().id]
