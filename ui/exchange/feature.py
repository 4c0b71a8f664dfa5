"""Wires bundles into the main window: my card, coordinators, export, import, received, senders.

MainWindow creates one BundlesFeature with its FeatureHost (ui/common/host.py) and calls
attach(session) / detach() (lock); the pages, sidebar entries, actions, editor panel and
the bundle drop handler are all set up here through the host, so the shared window code
only needs those few lines. After an import (from files, a drop, or a fetch announced by
the transport feature as IMPORTED) the senders, the Received sidebar group and the entry
list are refreshed; an export that queued or sent bundles announces OUTBOX.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from ui.common.host import IMPORTED, OUTBOX, WINDOW, FeatureHost
from ui.exchange import ops
from ui.exchange.card import CardNameDialog, ask_card_name, show_my_card
from ui.exchange.common import reader_stores
from ui.exchange.coordinators import CoordinatorsPage
from ui.exchange.export_wizard import ExportWizard
from ui.exchange.importing import BundleDropFilter, ImportController
from ui.exchange.received_filter import received_group
from ui.exchange.received_review import BundlePanel
from ui.exchange.senders_page import SendersPage

COORDINATORS_SECTION = "coordinators"
SENDERS_SECTION = "senders"


class BundlesFeature(QObject):
    def __init__(self, host: FeatureHost) -> None:
        super().__init__(host.parent_widget())
        self.host = host
        self.session = None
        self.wizard: ExportWizard | None = None
        self.card_dialog = None
        self.coordinators_page = CoordinatorsPage()
        self.senders_page = SendersPage()
        host.add_page(COORDINATORS_SECTION, self.coordinators_page, self.tr("Coordinators"))
        host.add_page(SENDERS_SECTION, self.senders_page, self.tr("Senders"))
        host.add_filter_group(received_group(host))
        self.panel = BundlePanel(host)
        host.add_entry_panel(self.panel)
        host.add_entry_part(BundlePanel.read_part, self.panel.show_entry)
        host.changed.connect(self._changed)
        self.importer = ImportController(host, lambda: host.announce(IMPORTED))
        self._install_drops()
        self._make_actions()
        self.coordinators_page.my_card_requested.connect(self.show_my_card)
        self.senders_page.changed.connect(self._refresh_received)
        self._update_actions()

    def _install_drops(self) -> None:
        """After the attachments' filters, so bundle drops are seen first (newest filter runs first)."""
        self.drops = BundleDropFilter(self.importer, self)
        for target in self.host.drop_targets(WINDOW):
            target.installEventFilter(self.drops)

    def _make_actions(self) -> None:
        w = self.host.parent_widget()

        def action(text: str, shortcut, tip: str, slot) -> QAction:
            act = QAction(text, w)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.setToolTip(tip)
            act.setStatusTip(tip)
            act.triggered.connect(slot)
            return act

        self.export_action = action(self.tr("&Send to coordinator…"), "Ctrl+Shift+E",
                                    self.tr("Write an encrypted bundle for coordinators (Ctrl+Shift+E)"),
                                    self.show_export)
        self.import_action = action(self.tr("&Import bundles…"), "Ctrl+Shift+I",
                                    self.tr("Import bundles received from documenters (Ctrl+Shift+I)"),
                                    lambda: self.importer.choose_and_import(False))
        self.import_folder_action = action(self.tr("Import a &folder of bundles…"), None,
                                           self.tr("Import every .ijbundle file in a folder"),
                                           lambda: self.importer.choose_and_import(True))
        self.card_action = action(self.tr("My &card…"), None,
                                  self.tr("This journal's card and fingerprint, to give to a coordinator"),
                                  self.show_my_card)
        # Shortcuts anywhere in the window; ui/menus.py puts them in the Exchange menu.
        self.host.add_actions([self.export_action, self.import_action, self.import_folder_action, self.card_action])

    def _update_actions(self) -> None:
        unlocked = self.session is not None
        for act in (self.export_action, self.import_action, self.import_folder_action, self.card_action):
            act.setEnabled(unlocked)

    # --- session -----------------------------------------------------------------------
    def attach(self, session) -> None:
        self.session = session
        self.panel.attach(session)
        self.coordinators_page.attach(session)
        self.senders_page.attach(session)
        self._update_actions()

    def detach(self) -> None:
        """Lock: close the wizard and dialogs, empty every page and panel."""
        if self.wizard is not None:
            wizard, self.wizard = self.wizard, None
            wizard.forget()
            wizard.close()
            wizard.deleteLater()
        if self.card_dialog is not None:
            self.card_dialog.close()
            self.card_dialog = None
        self.importer.forget()
        self.panel.forget()
        self.coordinators_page.clear()
        self.senders_page.clear()
        self.session = None
        self._update_actions()

    # --- actions -------------------------------------------------------------------------
    def _with_card_name(self, then) -> bool:
        """Run `then()` now if the public card name was chosen, else ask for it first.

        Returns False when the question is showing (then runs after OK, never after Cancel).
        """
        stores = reader_stores(self.session)
        if stores is None or stores.identity.display_name_chosen:
            return True
        if isinstance(self.card_dialog, CardNameDialog) and self.card_dialog.isVisible():
            self.card_dialog.raise_()  # already asking (the key pressed twice): one question
            self.card_dialog.activateWindow()
            return False
        self._track(ask_card_name(self.host.parent_widget(), "", lambda name: self._save_card_name(name, then)))
        return False

    def _track(self, dialog) -> None:
        """Remember the open card dialog (closed on lock); forget it when it goes, unless replaced."""
        self.card_dialog = dialog
        dialog.destroyed.connect(lambda *_: self.card_dialog is dialog and setattr(self, "card_dialog", None))

    def _save_card_name(self, name: str, then) -> None:
        if self.session is None:
            return
        ops.set_card_name(self.host.parent_widget(), self.session, name).success(lambda _r: then()).run()

    def rename_card(self) -> None:
        stores = reader_stores(self.session)
        if stores is None:
            return
        current = stores.identity.display_name if stores.identity.display_name_chosen else ""
        if self.card_dialog is not None:
            self.card_dialog.close()
        self._track(ask_card_name(self.host.parent_widget(), current,
                                  lambda name: self._save_card_name(name, self.show_my_card)))

    def show_my_card(self) -> None:
        stores = reader_stores(self.session)
        if stores is None or not self._with_card_name(self.show_my_card):
            return
        if self.card_dialog is not None:
            self.card_dialog.close()
        dialog = show_my_card(self.host.parent_widget(), stores)
        dialog.rename_button.clicked.connect(self.rename_card)
        self._track(dialog)

    def show_export(self) -> ExportWizard | None:
        if self.session is None:
            return None
        if not self._with_card_name(self.show_export):
            return None
        self.host.flush()
        if self.wizard is not None:
            self.wizard.close()
            self.wizard.deleteLater()
        uuid = self.host.current_entry_uuid()
        selected = [uuid] if uuid and not self.panel.imported else []
        self.wizard = ExportWizard(self.session, selected, self.host.parent_widget())
        self.wizard.finished.connect(lambda *_: self._export_closed())
        self.wizard.outbox_changed.connect(lambda: self.host.announce(OUTBOX))
        self.wizard.open()
        return self.wizard

    def _export_closed(self) -> None:
        if self.wizard is not None and self.wizard.result_ is not None:
            self.panel.show_entry(self._current_entry())  # the "Last sent" line
        self.coordinators_page.refresh()  # also shows a coordinator added in the wizard

    def _current_entry(self):
        uuid = self.host.current_entry_uuid()
        if uuid is None or self.session is None or self.session.reader is None:
            return None
        return self.session.reader.entries.get(uuid)

    def _changed(self, topic: str) -> None:
        if topic == IMPORTED:
            self._after_import()

    def _after_import(self) -> None:
        self.senders_page.refresh()
        self._refresh_received()
        self.host.reload_entries()

    def _refresh_received(self) -> None:
        self.host.refresh_sidebar()
