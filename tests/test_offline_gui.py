"""Nothing connects from the desktop app: the main window is driven through create, edit,
search, attach, lock, unlock, export to a file and settings with every socket refused.
(Sending and fetching are the only features that connect; they are not driven here.)"""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pytest
from conftest import FAST_KDF, PASSPHRASE
from gui_helpers import SAMPLE_ENTRIES, make_journal, new_controller, unlock

from journal.storage.vault import Journal

pytestmark = pytest.mark.gui
PHOTO = Path(__file__).parent / "data" / "photos" / "DSCN0010.jpg"


@pytest.fixture
def no_network(monkeypatch):
    attempts: list[tuple] = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError(f"network access attempted: {args!r}")

    for name in ("socket", "create_connection", "getaddrinfo"):
        monkeypatch.setattr(socket, name, refuse)
    return attempts


def test_main_window_works_with_sockets_refused(qtbot, no_network, data_dir, tmp_path, monkeypatch):
    coordinator = Journal.create(tmp_path / "hq", PASSPHRASE, "HQ", kdf=FAST_KDF).journal
    card = coordinator.identity.card_text()
    coordinator.close()
    make_journal(data_dir, SAMPLE_ENTRIES)
    controller = new_controller(qtbot, data_dir, tmp_path)
    try:
        unlock(qtbot, controller)
        window = controller.main_window
        qtbot.addWidget(window)

        # Create and edit.
        with qtbot.waitSignal(window.model.modelReset, timeout=20_000):
            window.new_action.trigger()
        qtbot.waitUntil(lambda: window.editor.current_uuid is not None, timeout=20_000)
        uuid = window.editor.current_uuid
        window.editor.title.setText("Offline canary entry")
        window.editor.body.setPlainText("Written with the network refused.")
        assert window.editor.flush()
        assert controller.session.reader.entries.get(uuid).title == "Offline canary entry"

        # Search.
        with qtbot.waitSignal(window.model.modelReset, timeout=20_000):
            qtbot.keyClicks(window.search, "Offline")
        qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=20_000)
        assert window.model.index(0, 0).data() == "Offline canary entry"
        window.search.clear()
        qtbot.waitUntil(lambda: not window.model.searching, timeout=20_000)

        # Attach a photo.
        window.select_rowid(window.model.rowid_at(0))
        incoming = tmp_path / "incoming"
        incoming.mkdir()
        shutil.copy(PHOTO, incoming / PHOTO.name)
        op = window.attachments.add_paths([str(incoming / PHOTO.name)])
        qtbot.waitUntil(lambda: op.done, timeout=20_000)
        assert window.attachments.item_count() >= 1

        # Lock and unlock.
        controller.lock()
        assert controller.session is None
        unlock(qtbot, controller)
        window = controller.main_window

        # Export to a file through the wizard.
        feature = window.bundles_feature
        controller.session.write_and_wait(lambda j: j.coordinators.add(card, verified=True))
        controller.session.write_and_wait(lambda j: j.identity.set_display_name("Field team"))
        wizard = feature.show_export()
        qtbot.addWidget(wizard)
        from PySide6.QtCore import Qt

        wizard.recipients.list.item(0).setCheckState(Qt.CheckState.Checked)
        wizard.next()
        wizard.what.all.setChecked(True)
        wizard.next()
        wizard.next()
        out = tmp_path / "out.ijbundle"
        assert wizard.save_page.to_file.isChecked()
        wizard.save_page.path.setText(str(out))
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary, timeout=30_000)
        assert out.is_file()
        wizard.accept()

        # Settings.
        from ui import dialogs

        monkeypatch.setattr(dialogs.SettingsDialog, "exec", lambda self: dialogs.SettingsDialog.DialogCode.Accepted)
        window.settings_action.trigger()
        assert no_network == []
    finally:
        controller.quit()
        for w in (controller.unlock_window, controller._main_window):
            if w is not None:
                w.close()
                w.deleteLater()
    assert no_network == []
