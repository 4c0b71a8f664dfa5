"""Wires sending and fetching into the main window: the Outbox page, and the Journal menu's
"Network settings…", "Inbox folders…" and "Fetch bundles" (Ctrl+Shift+F).

MainWindow creates one TransportFeature with its FeatureHost (ui/common/host.py) and calls
attach(session) / detach(). A fetch announces IMPORTED (the bundles feature refreshes
senders, the Received group and the entry list); an OUTBOX announcement (an export that
queued or sent bundles) refreshes the Outbox page.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from ui.common.host import IMPORTED, OUTBOX, FeatureHost
from ui.exchange.transport.outbox_page import OutboxPage

OUTBOX_SECTION = "outbox"


class TransportFeature(QObject):
    def __init__(self, host: FeatureHost) -> None:
        super().__init__(host.parent_widget())
        self.host = host
        window = host.parent_widget()
        self.session = None
        self.page = OutboxPage()
        host.add_page(OUTBOX_SECTION, self.page, self.tr("Outbox"))
        host.changed.connect(self._changed)
        self.network_action = QAction(self.tr("&Network settings…"), window)
        self.network_action.setToolTip(self.tr("Proxy (Tor) and timeouts for sending and fetching"))
        self.network_action.triggered.connect(self.show_network_settings)
        self.inbox_action = QAction(self.tr("&Inbox folders…"), window)
        self.inbox_action.setToolTip(self.tr("Folders to fetch bundles from (coordinators)"))
        self.inbox_action.triggered.connect(self.show_inbox_folders)
        self.fetch_action = QAction(self.tr("&Fetch bundles"), window)
        self.fetch_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.fetch_action.setToolTip(self.tr("Download and import new bundles from your inbox folders"))
        self.fetch_action.triggered.connect(self.fetch)
        host.add_actions([self.network_action, self.inbox_action, self.fetch_action])  # ui/menus.py places them
        self._update_actions()

    def attach(self, session) -> None:
        self.session = session
        self.page.attach(session)
        self._update_actions()

    def detach(self) -> None:
        self.session = None
        self.page.detach()
        self._update_actions()

    def _update_actions(self) -> None:
        for act in (self.network_action, self.inbox_action, self.fetch_action):
            act.setEnabled(self.session is not None)

    def show_network_settings(self) -> None:
        if self.session is not None:
            from ui.exchange.transport.settings_dialog import NetworkSettingsDialog

            NetworkSettingsDialog(self.session, self.host.parent_widget()).exec()

    def show_inbox_folders(self) -> None:
        if self.session is not None:
            from ui.exchange.transport.inbox import InboxFoldersDialog

            InboxFoldersDialog(self.session, self.host.parent_widget()).exec()

    def fetch(self):
        from ui.exchange.transport.inbox import fetch

        return fetch(self.host.parent_widget(), self.session, self._fetched)

    def _fetched(self, _report) -> None:
        # New entries may have arrived: refresh lists the way an import from files does.
        self.host.announce(IMPORTED)

    def _changed(self, topic: str) -> None:
        if topic == OUTBOX and self.session is not None:
            self.page.refresh()
