"""Bundles in the GUI: my card, coordinators, export wizard, import, received entries, senders, lock."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from conftest import FAST_KDF, PASSPHRASE
from gui_helpers import choose_card_name, unlocked, wait_entry  # noqa: F401  (fixture)

from journal.exchange.bundle.card import decode_card
from journal.storage.vault import Journal
from ui.exchange import card as bundles_card
from ui.exchange import coordinators as bundles_coordinators
from ui.exchange import export_wizard as bundles_export
from ui.exchange import importing as bundles_import
from ui.exchange import senders_page
from ui.exchange.common import reader_stores
from ui.exchange.export_wizard import ALL
from ui.exchange.received_filter import ReceivedFilter
from ui.sidebar import FILTER_ROLE

pytestmark = pytest.mark.gui


def _feature(controller):
    return controller.main_window.bundles_feature


@pytest.fixture
def other(tmp_path):
    """A second journal (a documenter or a coordinator), opened through the core."""
    journal = Journal.create(tmp_path / "other", PASSPHRASE, "Olena K.", kdf=FAST_KDF, card_name="Olena K.").journal
    yield journal
    journal.close()


def _card_of_gui(controller) -> str:
    return reader_stores(controller.session).identity.card_text()


def _add_coordinator(qtbot, controller, card_text: str, monkeypatch, verify: bool = True):
    monkeypatch.setattr(bundles_coordinators, "confirm_fingerprint", lambda *_: verify)
    page = _feature(controller).coordinators_page
    page.add_card(decode_card(card_text))
    qtbot.waitUntil(lambda: page.list.count() == 1 and page.current() is not None
                    and page.current().verified == verify, timeout=20000)
    return page.current()


def _bundle_for_gui(other, controller, path: Path, title: str = "Задержание у ОВД") -> Path:
    """`other` (a documenter) writes one entry and a bundle for the GUI's journal."""
    other.entries.add(title=title, body="Трое задержаны.", occurred_at="2024-03-05T14:10",
                      occurred_tz="Europe/Moscow", status="final")
    record = other.coordinators.add(_card_of_gui(controller), verified=True)
    other.exporter.export(path, [record.uuid], since_last=True)
    return path


# --- my card and coordinators --------------------------------------------------------------------
def test_first_card_asks_for_the_public_name_apart_from_the_journal_name(qtbot, unlocked):
    feature = _feature(unlocked)
    identity = reader_stores(unlocked.session).identity
    assert not identity.display_name_chosen
    feature.show_my_card()
    asked = feature.card_dialog
    assert isinstance(asked, bundles_card.CardNameDialog)
    # Empty (never the private journal name), and it says who sees it.
    assert asked.name.text() == "" and "Test journal" not in asked.name.placeholderText()
    assert "Coordinators" in asked.explanation.text() and "private" in asked.explanation.text()
    asked.reject()
    qtbot.waitUntil(lambda: feature.card_dialog is None, timeout=5000)
    assert not identity.display_name_chosen  # Cancel writes nothing and shows no card

    assert feature.show_export() is None and isinstance(feature.card_dialog, bundles_card.CardNameDialog)
    feature.card_dialog.name.setText("  Field   team 3 ")
    feature.card_dialog.accept()
    qtbot.waitUntil(lambda: feature.wizard is not None, timeout=20000)  # then the wizard opens
    assert identity.display_name == "Field team 3" and identity.display_name_chosen
    feature.wizard.close()

    feature.show_my_card()
    dialog = feature.card_dialog
    assert isinstance(dialog, bundles_card.MyCardDialog)
    assert decode_card(dialog.text.toPlainText()).name == "Field team 3"
    dialog.rename_button.click()
    qtbot.waitUntil(lambda: isinstance(feature.card_dialog, bundles_card.CardNameDialog), timeout=5000)
    assert feature.card_dialog.name.text() == "Field team 3"
    feature.card_dialog.name.clear()  # empty: the neutral default, never the journal name
    feature.card_dialog.accept()
    qtbot.waitUntil(lambda: isinstance(feature.card_dialog, bundles_card.MyCardDialog), timeout=20000)
    assert decode_card(feature.card_dialog.text.toPlainText()).name == "Incident Journal"
    feature.card_dialog.close()


def test_my_card_dialog_shows_card_fingerprint_and_qr(qtbot, unlocked):
    feature = _feature(unlocked)
    choose_card_name(unlocked)
    feature.show_my_card()
    dialog = feature.card_dialog
    identity = reader_stores(unlocked.session).identity
    assert dialog.text.toPlainText() == identity.card_text()
    assert dialog.fingerprint.text().split() == identity.fingerprint.split()
    assert not dialog.qr.pixmap().isNull() and dialog.qr.pixmap().width() > 100
    dialog.copy()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == identity.card_text()
    dialog.close()


def test_add_coordinator_from_pasted_card_and_verify(qtbot, unlocked, other, monkeypatch):
    page = _feature(unlocked).coordinators_page
    dialog = bundles_coordinators.AddCoordinatorDialog(page)
    dialog.text.setPlainText("ijcard1:garbage")
    assert not dialog.add_button.isEnabled() and "Not a valid card" in dialog.details.text()
    dialog.text.setPlainText(other.identity.card_text())
    assert dialog.add_button.isEnabled() and other.identity.fingerprint in dialog.details.text()

    asked = []
    monkeypatch.setattr(bundles_coordinators, "confirm_fingerprint",
                        lambda _parent, name, fp: asked.append((name, fp)) or False)
    page.add_card(dialog.card)
    qtbot.waitUntil(lambda: page.list.count() == 1, timeout=20000)
    assert asked == [("Olena K.", other.identity.fingerprint)]
    assert not page.current().verified and "Not verified" in page.badge.text()
    monkeypatch.setattr(bundles_coordinators, "confirm_fingerprint", lambda *_: True)
    page.verify_button.click()
    qtbot.waitUntil(lambda: page.current().verified, timeout=20000)
    assert "Verified" in page.badge.text() and "Verified" in page.list.item(0).text()
    assert unlocked.session.write_and_wait(lambda j: j.coordinators.list()[0].verified)


# --- export ---------------------------------------------------------------------------------------
def _wizard_to_save_page(qtbot, unlocked, path: Path):
    choose_card_name(unlocked)
    wizard = _feature(unlocked).show_export()
    wizard.recipients.list.item(0).setCheckState(bundles_export.Qt.CheckState.Checked)
    wizard.next()
    wizard.what.all.setChecked(True)
    assert wizard.what.choice() == ALL
    # Drafts stay on this computer unless ticked; the page lists what leaves.
    assert not wizard.what.drafts.isChecked()
    assert wizard.selection_counts[0] == 2 and "2 entries" in wizard.what.counts.text()
    assert "1 draft" in wizard.what.counts.text() and "on this computer" in wizard.what.counts.text()
    leaving = [wizard.what.leaving.topLevelItem(i).text(0) for i in range(wizard.what.leaving.topLevelItemCount())]
    assert sorted(leaving) == ["Court hearing postponed", "Detentions at the station square"]
    wizard.what.drafts.setChecked(True)
    assert wizard.selection_counts[0] == 3 and "3 entries" in wizard.what.counts.text()
    assert wizard.what.leaving.topLevelItemCount() == 3
    draft_rows = [wizard.what.leaving.topLevelItem(i) for i in range(3)
                  if wizard.what.leaving.topLevelItem(i).text(1).endswith("draft")]
    assert [r.text(0) for r in draft_rows] == ["Повестка отцу пятерых детей"]
    wizard.next()
    assert wizard.leave_out.strip.isChecked()
    # Files that cannot be cleaned are refused unless the person ticks this (off by default).
    assert not wizard.leave_out.allow_uncleaned.isChecked() and not wizard.leave_out.options().allow_uncleaned
    wizard.leave_out.allow_uncleaned.setChecked(True)
    assert wizard.leave_out.options().allow_uncleaned
    wizard.leave_out.strip.setChecked(False)
    assert not wizard.leave_out.allow_uncleaned.isEnabled()
    wizard.leave_out.strip.setChecked(True)
    wizard.leave_out.allow_uncleaned.setChecked(False)
    wizard.next()
    assert wizard.save_page.path.text().endswith(".ijbundle")
    assert Path(wizard.save_page.path.text()).name.startswith("bundle-")
    wizard.save_page.path.setText(str(path))
    return wizard


def test_export_wizard_end_to_end_then_the_coordinator_imports_it(qtbot, unlocked, other, monkeypatch, tmp_path):
    coordinator = _add_coordinator(qtbot, unlocked, other.identity.card_text(), monkeypatch)
    path = tmp_path / "out" / "b.ijbundle"
    path.parent.mkdir()
    wizard = _wizard_to_save_page(qtbot, unlocked, path)
    wizard.next()  # "Write bundle": runs the export, then moves on by itself
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary, timeout=20_000)
    assert path.is_file() and "3 entries" in wizard.summary.summary.text()
    assert wizard.summary.folder_url().toLocalFile() == str(path.parent)
    wizard.accept()

    result = other.importer.import_bundle(path, trust_new=True)
    assert result.status == "accepted", result.reason
    assert result.counts["entries_new"] == 3

    # The editor shows when and to whom the entry was last sent.
    window = unlocked.main_window
    window.select_rowid(window.model.rowid_at(0))
    panel = _feature(unlocked).panel
    qtbot.waitUntil(lambda: "Last sent" in panel.sent_line.text(), timeout=20000)
    assert coordinator.display_name in panel.sent_line.text()


def test_a_file_that_cannot_be_cleaned_is_named_then_sent_when_allowed(qtbot, unlocked, other, monkeypatch,
                                                                       tmp_path):
    _add_coordinator(qtbot, unlocked, other.identity.card_text(), monkeypatch)
    entry = unlocked.session.write_and_wait(lambda j: j.queries.page()[0].uuid)
    unlocked.session.write_and_wait(
        lambda j: j.attachments.add_bytes(entry, b"\x00\x01MYSTERY" * 100, "phone.dump"))
    shown = []
    monkeypatch.setattr(bundles_export.QMessageBox, "warning", lambda *a: shown.append(a[2]))
    path = tmp_path / "b.ijbundle"
    wizard = _wizard_to_save_page(qtbot, unlocked, path)
    files = {}
    for i in range(wizard.what.leaving.topLevelItemCount()):
        item = wizard.what.leaving.topLevelItem(i)
        files.update({item.child(j).text(0): item.child(j).text(1) for j in range(item.childCount())})
    assert [fate for name, fate in files.items() if name.startswith("phone.dump")] == [
        "cannot be cleaned: stops the bundle"]
    wizard.next()
    qtbot.waitUntil(lambda: wizard.op is not None and wizard.op.done, timeout=20_000)
    assert shown and "phone.dump" in shown[0] and "may carry" in shown[0]
    assert not path.exists() and wizard.currentPage() is wizard.save_page
    wizard.back()
    wizard.leave_out.allow_uncleaned.setChecked(True)
    assert any(wizard.what.leaving.topLevelItem(i).child(j).text(1) == "NOT cleaned: sent as it is"
               for i in range(wizard.what.leaving.topLevelItemCount())
               for j in range(wizard.what.leaving.topLevelItem(i).childCount()))
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary, timeout=20_000)
    assert path.is_file() and "phone.dump" in wizard.summary.summary.text()
    wizard.accept()


def test_wizard_adds_a_coordinator_and_names_its_pages(qtbot, unlocked, other, monkeypatch):
    """Without a coordinator the wizard is not a dead end: "Add coordinator…" is right there."""
    choose_card_name(unlocked)
    wizard = _feature(unlocked).show_export()
    assert wizard.recipients.list.count() == 0 and not wizard.recipients.isComplete()
    assert "Add coordinator" in wizard.recipients.warning.text()
    # Screen readers: each page is named by its title when it shows, the choices are a named group.
    assert wizard.currentPage().accessibleName() == "For whom"
    monkeypatch.setattr(bundles_coordinators, "confirm_fingerprint", lambda *_: True)
    wizard.recipients.add_card(decode_card(other.identity.card_text()))
    qtbot.waitUntil(lambda: wizard.recipients.list.count() == 1 and wizard.recipients.chosen()
                    and wizard.recipients.chosen()[0].verified, timeout=20000)
    assert wizard.recipients.isComplete() and wizard.recipients.warning.text() == ""
    wizard.next()
    assert wizard.currentPage() is wizard.what and wizard.what.accessibleName() == "What to send"
    assert wizard.what.choices.accessibleName() == "Entries to send"
    assert wizard.what.selected.parentWidget() is wizard.what.choices
    wizard.reject()
    qtbot.waitUntil(lambda: _feature(unlocked).coordinators_page.list.count() == 1, timeout=20000)


def test_cancelled_export_leaves_no_file(qtbot, unlocked, other, monkeypatch, tmp_path):
    _add_coordinator(qtbot, unlocked, other.identity.card_text(), monkeypatch, verify=False)
    shown = []
    monkeypatch.setattr(bundles_export.QMessageBox, "warning", lambda *a: shown.append(a[2]))
    path = tmp_path / "cancelled.ijbundle"
    wizard = _wizard_to_save_page(qtbot, unlocked, path)
    assert "Not verified" in wizard.recipients.warning.text()
    gate = threading.Event()
    unlocked.session.write(lambda j: gate.wait(10))  # hold the writer so Cancel lands first
    wizard.next()
    wizard.op.cancel()
    gate.set()
    qtbot.waitUntil(lambda: wizard.op.done, timeout=10_000)
    assert shown and "No bundle was written" in shown[0]
    assert not path.exists() and list(tmp_path.glob("cancelled*")) == []
    assert wizard.currentPage() is wizard.save_page
    wizard.reject()


# --- import ---------------------------------------------------------------------------------------
def test_import_shows_accepted_duplicate_and_rejected(qtbot, unlocked, other, monkeypatch, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    good = _bundle_for_gui(other, unlocked, folder / "a.ijbundle")
    shutil.copy(good, folder / "b.ijbundle")  # the same bundle again: already imported
    data = bytearray(good.read_bytes())
    data[len(data) // 2] ^= 0x55
    (folder / "c.ijbundle").write_bytes(bytes(data))  # tampered
    asked = []
    monkeypatch.setattr(bundles_import, "ask_trust", lambda _p, sender: asked.append(sender) or True)

    controller = _feature(unlocked).importer
    controller.import_paths([str(folder)])
    qtbot.waitUntil(lambda: controller.dialog is not None, timeout=20_000)
    assert [s.fingerprint for s in asked] == [other.identity.fingerprint]  # asked once per sender
    statuses = {Path(r.path).name: r.status for r in controller.last_run.results}
    assert statuses == {"a.ijbundle": "accepted", "b.ijbundle": "duplicate", "c.ijbundle": "rejected"}
    tree = controller.dialog.tree
    rows = {tree.topLevelItem(i).text(0): (tree.topLevelItem(i).text(1), tree.topLevelItem(i).text(3))
            for i in range(tree.topLevelItemCount())}
    assert rows["a.ijbundle"][0] == "Accepted" and rows["b.ijbundle"][0] == "Already imported"
    assert rows["c.ijbundle"][0] == "Rejected" and rows["c.ijbundle"][1]
    assert "1 accepted, 1 already imported, 1 rejected" in controller.dialog.summary.text()
    controller.dialog.close()


def test_received_photo_previews_are_made_in_the_background_after_the_import(qtbot, unlocked, other,
                                                                            monkeypatch, tmp_path):
    """The import commits without decoding the photos; the previews follow (issue 20.3)."""
    photo = Path(__file__).parent / "data" / "photos" / "DSCN0010.jpg"
    entry = other.entries.add(title="Photo")
    other.attachments.add_file(entry.uuid, photo)
    sent = other.attachments.thumbnail(other.attachments.list_for_entry(entry.uuid)[0].uuid)
    path = _bundle_for_gui(other, unlocked, tmp_path / "p.ijbundle")
    monkeypatch.setattr(bundles_import, "ask_trust", lambda *_: True)
    controller = _feature(unlocked).importer
    controller.import_paths([str(path)])
    qtbot.waitUntil(lambda: controller.dialog is not None, timeout=20_000)
    stores = reader_stores(unlocked.session)
    qtbot.waitUntil(lambda: stores.attachments.pending_previews() == 0, timeout=20_000)
    (att,) = stores.attachments.list_for_entry(entry.uuid)
    assert att.has_thumbnail and stores.attachments.thumbnail(att.uuid) == sent
    controller.dialog.close()


def test_unknown_sender_answered_no_is_rejected(qtbot, unlocked, other, monkeypatch, tmp_path):
    path = _bundle_for_gui(other, unlocked, tmp_path / "x.ijbundle")
    monkeypatch.setattr(bundles_import, "ask_trust", lambda *_: False)
    controller = _feature(unlocked).importer
    controller.import_paths([str(path)])
    qtbot.waitUntil(lambda: controller.dialog is not None, timeout=20_000)
    (result,) = controller.last_run.results
    assert result.status == "rejected" and "unknown sender" in result.reason
    assert _feature(unlocked).senders_page.table.rowCount() == 0
    assert unlocked.session.write_and_wait(lambda j: j.senders.list()) == []


def test_bundle_drop_filter_takes_bundles_and_leaves_other_files(tmp_path):
    from PySide6.QtCore import QMimeData, QUrl

    bundle = tmp_path / "a.ijbundle"
    bundle.write_bytes(b"x")
    photo = tmp_path / "p.jpg"
    photo.write_bytes(b"x")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(bundle))])
    assert bundles_import.BundleDropFilter.dropped_bundles(mime) == [str(bundle)]
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    assert bundles_import.BundleDropFilter.dropped_bundles(mime) == []
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path))])  # a folder holding bundles
    assert bundles_import.BundleDropFilter.dropped_bundles(mime) == [str(tmp_path)]


# --- received entries, review, senders, lock --------------------------------------------------------
def _import_one(qtbot, unlocked, other, monkeypatch, tmp_path):
    path = _bundle_for_gui(other, unlocked, tmp_path / "r.ijbundle", title="Received detention")
    monkeypatch.setattr(bundles_import, "ask_trust", lambda *_: True)
    controller = _feature(unlocked).importer
    controller.import_paths([str(path)])
    qtbot.waitUntil(lambda: controller.dialog is not None, timeout=20_000)
    controller.dialog.close()
    _sidebar_read(qtbot, unlocked.main_window)


def _sidebar_read(qtbot, window):
    """The sidebar (received entries by sender among it) is read again off the GUI thread."""
    qtbot.waitUntil(lambda: not window.sidebar_loading, timeout=20_000)


def _sender_items(window):
    return [item for item in window.sidebar._all_items() if isinstance(item.data(0, FILTER_ROLE), ReceivedFilter)]


def test_received_area_shows_imported_entry_with_provenance_and_review(qtbot, unlocked, other, monkeypatch,
                                                                        tmp_path):
    _import_one(qtbot, unlocked, other, monkeypatch, tmp_path)
    window = unlocked.main_window
    items = _sender_items(window)
    labels = [i.text(0) for i in items]
    assert labels[0] == "All received" and any("Olena K." in t and "unverified" in t for t in labels)
    window.sidebar.setCurrentItem(items[1])
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=20000)
    window.select_rowid(window.model.rowid_at(0))
    wait_entry(qtbot, window)
    editor, panel = window.editor, _feature(unlocked).panel
    assert editor.title.text() == "Received detention"
    assert editor.title.isReadOnly() and editor.body.isReadOnly() and not editor.category.isEnabled()
    assert not editor.trash_banner.isVisible()
    assert panel.review.isVisibleTo(window) and "Olena K." in panel.provenance.text()
    # Files and people of a received entry are the sender's too.
    assert not window.attachments.add_button.isEnabled() and not window.attachments.can_accept()
    assert not window.people_feature.panel.link_button.isEnabled()
    # The entry's own fields cannot be saved, the review can.
    editor.title.setText("changed")
    editor._changed()
    assert not editor.dirty
    panel.status.setCurrentIndex(panel.status.findData("needs_follow_up"))
    panel.notes.setPlainText("Call the lawyer")
    panel.tags.setText("urgent")
    panel.save_button.click()
    qtbot.waitUntil(lambda: panel.review_state.text() == "Review saved", timeout=20000)
    uuid = editor.current_uuid
    review = unlocked.session.write_and_wait(lambda j: j.importer.review(uuid))
    assert review["review_status"] == "needs_follow_up" and review["coordinator_notes"] == "Call the lawyer"
    assert review["coordinator_tags"] == ["urgent"]
    # The journal's own entries stay editable and are not in the received list.
    window.sidebar.select_all_entries()
    qtbot.waitUntil(lambda: window.model.rowCount() == 4, timeout=20000)
    for row in range(4):
        window.select_rowid(window.model.rowid_at(row))
        wait_entry(qtbot, window)
        if editor.current_uuid != uuid:
            assert not editor.title.isReadOnly() and not panel.review.isVisibleTo(window)
            assert window.attachments.add_button.isEnabled()
            break


def test_senders_page_verify_and_block(qtbot, unlocked, other, monkeypatch, tmp_path):
    _import_one(qtbot, unlocked, other, monkeypatch, tmp_path)
    page = _feature(unlocked).senders_page
    assert page.table.rowCount() == 1
    assert page.table.item(0, 3).text().split() == other.identity.fingerprint.split()
    assert page.table.item(0, 6).text() == "1 / 1"
    monkeypatch.setattr(senders_page, "confirm_fingerprint", lambda *_: True)
    page.verify_button.click()
    qtbot.waitUntil(lambda: page.current().verified, timeout=20000)
    assert "Verified" in page.table.item(0, 1).text()
    _sidebar_read(qtbot, unlocked.main_window)
    assert any(i.text(0).endswith(", verified") for i in _sender_items(unlocked.main_window))
    monkeypatch.setattr(senders_page.QMessageBox, "question", lambda *_: QMessageBox.StandardButton.Yes)
    page.block_button.click()
    qtbot.waitUntil(lambda: page.current().status == "blocked", timeout=20000)
    assert page.table.item(0, 2).text() == "Blocked" and page.block_button.text() == "&Trust again"
    assert unlocked.session.write_and_wait(lambda j: j.senders.list()[0].status) == "blocked"


def test_lock_clears_the_bundle_pages(qtbot, unlocked, other, monkeypatch, tmp_path):
    _add_coordinator(qtbot, unlocked, other.identity.card_text(), monkeypatch)
    _import_one(qtbot, unlocked, other, monkeypatch, tmp_path)
    feature = _feature(unlocked)
    window = unlocked.main_window
    window.sidebar.setCurrentItem(_sender_items(window)[0])
    qtbot.waitUntil(lambda: not window.model.loading, timeout=20_000)  # the list is read off the GUI thread
    window.select_rowid(window.model.rowid_at(0))
    wait_entry(qtbot, window)
    assert feature.panel.review.isVisibleTo(window)
    choose_card_name(unlocked)
    feature.show_my_card()
    feature.show_export()
    unlocked.lock()
    assert feature.coordinators_page.list.count() == 0 and feature.coordinators_page.fingerprint.text() == ""
    assert feature.senders_page.table.rowCount() == 0
    assert feature.panel.provenance.text() == "" and feature.panel.notes.toPlainText() == ""
    assert feature.wizard is None and feature.card_dialog is None
    assert _sender_items(window) == []
    assert not feature.export_action.isEnabled() and not feature.import_action.isEnabled()
