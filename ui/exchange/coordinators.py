"""The Coordinators page: people this journal sends bundles to.

Add from a pasted card line or a .ijcard file, compare the fingerprint aloud (the only
protection against a swapped card), rename, remove. The verified badge is words plus an
icon, never colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QInputDialog, QLabel, QListWidget, QListWidgetItem,
    QMessageBox, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from journal.exchange.bundle.card import Card
from journal.errors import JournalError
from journal.exchange.identity import read_card_argument

from ui.exchange.common import (
    CARD_FILE_FILTER, fingerprint_font, fingerprint_groups, reader_stores, short_time, verified_icon,
    verified_text,
)
from ui.common.a11y import mark_hint
from ui.common.file_dialogs import choose_file
from ui.common.ops import user_message
from ui.exchange import ops

COORDINATOR_ROLE = Qt.ItemDataRole.UserRole + 1


def confirm_fingerprint(parent: QWidget | None, name: str, fingerprint: str) -> bool:
    """The comparison step: True when the person says the groups matched (tests replace this)."""
    dialog = FingerprintCheckDialog(name, fingerprint, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


class FingerprintCheckDialog(QDialog):
    """Read the groups aloud with the other person; they match or they do not."""

    def __init__(self, name: str, fingerprint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare fingerprints"))
        layout = QVBoxLayout(self)
        text = QLabel(self.tr(
            "Call {name} or meet in person. Read these groups aloud together; they must read the same "
            "groups from their own “My card” window. Do not compare over the channel the card came "
            "through.").format(name=name))
        text.setTextFormat(Qt.TextFormat.PlainText)  # a name from a card: never rendered as HTML
        text.setWordWrap(True)
        layout.addWidget(text)
        self.groups = QLabel(fingerprint_groups(fingerprint))
        self.groups.setFont(fingerprint_font(self.font(), 2.0))
        self.groups.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.groups.setAccessibleName(self.tr("Fingerprint"))
        self.groups.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.groups)
        buttons = QDialogButtonBox()
        self.match_button = buttons.addButton(self.tr("They &match"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.differ_button = buttons.addButton(self.tr("They &differ"), QDialogButtonBox.ButtonRole.ActionRole)
        self.later_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.match_button.setToolTip(self.tr("Every group was the same: mark as verified"))
        self.differ_button.setToolTip(self.tr("Something was different: do not trust this card"))
        # The harmless choice is the default: Enter (or a stray key press) never marks a card verified.
        # Space still presses whichever button has focus.
        for button in (self.match_button, self.differ_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.later_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.differ_button.clicked.connect(self._differ)
        layout.addWidget(buttons)
        self.later_button.setFocus()

    def _differ(self) -> None:
        QMessageBox.warning(self, self.tr("Fingerprints differ"), self.tr(
            "The fingerprints differ: the card may have been swapped or damaged. Ask for the card again "
            "through another channel and do not send anything until they match."))
        self.reject()


class AddCoordinatorDialog(QDialog):
    """Paste a card line or open a .ijcard file; shows whose card it is before adding."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add coordinator"))
        self.card: Card | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Paste the coordinator's card (a line starting with “ijcard1:”) or open "
                               "the .ijcard file they gave you."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText("ijcard1:…")
        self.text.setAccessibleName(self.tr("Card text"))
        self.text.setMaximumHeight(self.fontMetrics().height() * 6)
        layout.addWidget(self.text)
        self.open_button = QPushButton(self.tr("&Open card file…"))
        self.open_button.setToolTip(self.tr("Read a .ijcard file"))
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.details = QLabel()
        self.details.setWordWrap(True)
        layout.addWidget(self.details)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton(self.tr("&Add"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.text.textChanged.connect(self._parse)
        self.open_button.clicked.connect(self._open_file)
        self.resize(520, 300)

    def _open_file(self) -> None:
        path = choose_file(self, self.tr("Open card file"), "", QCoreApplication.translate("Bundles", CARD_FILE_FILTER))
        if path:
            self.load_path(path)

    def load_path(self, path: str) -> None:
        try:
            card = read_card_argument(path)
        except JournalError as exc:
            self.details.setText(user_message(exc))
            return
        self.text.setPlainText(card.text)

    def _parse(self) -> None:
        text = self.text.toPlainText().strip()
        self.card = None
        if not text:
            self.details.setText("")
        else:
            try:
                self.card = read_card_argument(text)
            except JournalError as exc:
                self.details.setText(self.tr("Not a valid card: {reason}").format(reason=user_message(exc)))
            else:
                self.details.setText(self.tr("Card of “{name}”\nFingerprint: {fp}").format(
                    name=self.card.name, fp=self.card.fingerprint))
        self.add_button.setEnabled(self.card is not None)


class CoordinatorsPage(QWidget):
    """List and details of coordinators; `changed` after any edit (the export wizard re-reads)."""

    changed = Signal()
    my_card_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = None
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Coordinators"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        intro = QLabel(self.tr("People you send bundles to. Only a coordinator whose fingerprint you compared "
                               "aloud is marked verified."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        body = QHBoxLayout()
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Coordinators"))
        self.list.setMinimumWidth(260)
        body.addWidget(self.list, 1)
        details = QVBoxLayout()
        self.name_label = QLabel()
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.name_label.setFont(title.font())
        self.badge = QLabel()
        self.fp_caption = QLabel(self.tr("Fingerprint:"))
        self.fingerprint = QLabel()
        self.fingerprint.setFont(fingerprint_font(self.font(), 1.5))
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setAccessibleName(self.tr("Fingerprint"))
        self.added = QLabel()
        for w in (self.name_label, self.badge, self.fp_caption, self.fingerprint, self.added):
            details.addWidget(w)
        buttons = QHBoxLayout()
        self.verify_button = QPushButton(self.tr("&Compare fingerprint…"))
        self.verify_button.setToolTip(self.tr("Read the fingerprint aloud with the coordinator and mark them verified"))
        self.rename_button = QPushButton(self.tr("Re&name…"))
        self.rename_button.setToolTip(self.tr("Change the name shown for this coordinator"))
        self.remove_button = QPushButton(self.tr("Re&move"))
        self.remove_button.setToolTip(self.tr("Stop sending to this coordinator"))
        self.drop_button = QPushButton(self.tr("&Drop folder…"))
        self.drop_button.setToolTip(self.tr("Set where bundles for this coordinator are uploaded"))
        for b in (self.verify_button, self.rename_button, self.drop_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        details.addLayout(buttons)
        details.addStretch(1)
        body.addLayout(details, 2)
        layout.addLayout(body, 1)
        self.empty = QLabel(self.tr("No coordinators yet. Press “Add coordinator…” and paste their card."))
        mark_hint(self.empty)  # readable grey (>= 4.5:1), not a disabled label
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        bottom = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add coordinator…"))
        self.add_button.setToolTip(self.tr("Add a coordinator from their card"))
        self.my_card_button = QPushButton(self.tr("My &card…"))
        self.my_card_button.setToolTip(self.tr("Show this journal's own card to give to a coordinator"))
        bottom.addWidget(self.add_button)
        bottom.addWidget(self.my_card_button)
        bottom.addStretch(1)
        layout.addLayout(bottom)
        for b in (self.add_button, self.my_card_button, self.verify_button, self.rename_button,
                  self.drop_button, self.remove_button):
            b.setAccessibleName(b.text().replace("&", "").rstrip("…"))
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.add_button.clicked.connect(self.add_coordinator)
        self.my_card_button.clicked.connect(self.my_card_requested.emit)
        self.verify_button.clicked.connect(self.verify_current)
        self.rename_button.clicked.connect(self.rename_current)
        self.remove_button.clicked.connect(self.remove_current)
        self.drop_button.clicked.connect(self.edit_drop_folder)
        self.clear()

    # --- session ------------------------------------------------------------------
    def attach(self, session) -> None:
        self.session = session
        self.refresh()

    def clear(self) -> None:
        """Lock: forget every name and fingerprint shown."""
        self.session = None
        self.list.clear()
        self._show_current()
        self.empty.setVisible(True)

    def refresh(self, select_uuid: str | None = None) -> None:
        stores = reader_stores(self.session)
        if stores is None:
            return
        current = select_uuid or self.current_uuid()
        self.list.blockSignals(True)
        self.list.clear()
        for c in stores.coordinators.list():
            item = QListWidgetItem(verified_icon(self, c.verified), f"{c.display_name}  —  {verified_text(c.verified)}")
            item.setData(COORDINATOR_ROLE, c)
            self.list.addItem(item)
            if c.uuid == current:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.list.blockSignals(False)
        self.empty.setVisible(self.list.count() == 0)
        self._show_current()

    def current(self):
        item = self.list.currentItem()
        return item.data(COORDINATOR_ROLE) if item is not None else None

    def current_uuid(self) -> str | None:
        c = self.current()
        return c.uuid if c is not None else None

    def _show_current(self) -> None:
        c = self.current()
        for w in (self.verify_button, self.rename_button, self.drop_button, self.remove_button):
            w.setEnabled(c is not None)
        for w in (self.name_label, self.badge, self.fp_caption, self.fingerprint, self.added):
            w.setVisible(c is not None)
        if c is None:
            for w in (self.name_label, self.badge, self.fingerprint, self.added):
                w.clear()
            return
        self.name_label.setText(c.display_name)
        self.badge.setText(verified_text(c.verified))
        self.fingerprint.setText(fingerprint_groups(c.fingerprint))
        self.added.setText(self.tr("Added {time}").format(time=short_time(c.added_at)))
        self.verify_button.setText(self.tr("&Compare fingerprint…") if not c.verified
                                   else self.tr("Mark &not verified"))

    # --- actions --------------------------------------------------------------------
    def add_coordinator(self) -> None:
        if self.session is None:
            return
        dialog = AddCoordinatorDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.card is None:
            return
        self.add_card(dialog.card)

    def add_card(self, card: Card, ask_to_verify: bool = True) -> None:
        """Add the coordinator (unverified), then offer the comparison step at once."""
        def added(coordinator) -> None:
            self.refresh(coordinator.uuid)
            self.changed.emit()
            if ask_to_verify:
                self.verify_current()

        ops.add_coordinator(self, self.session, card).success(added).failure(self._failed).run()

    def verify_current(self) -> None:
        c = self.current()
        if c is None or self.session is None:
            return
        if c.verified:
            verified = False
        elif confirm_fingerprint(self, c.display_name, c.fingerprint):
            verified = True
        else:
            return
        uuid = c.uuid
        ops.verify_coordinator(self, self.session, uuid, verified).success(self._done).failure(self._failed).run()

    def edit_drop_folder(self) -> None:
        """Open the drop-folder dialog (Nextcloud link or WebDAV folder) for the current coordinator."""
        c = self.current()
        if c is None or self.session is None:
            return
        from ui.exchange.transport.drop_dialog import DropFolderDialog

        DropFolderDialog(c, self.session, self).exec()

    def rename_current(self) -> None:
        c = self.current()
        if c is None or self.session is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename coordinator"), self.tr("Name:"), text=c.display_name)
        if ok and name.strip():
            uuid = c.uuid
            ops.rename_coordinator(self, self.session, uuid, name).success(self._done).failure(self._failed).run()

    def remove_current(self) -> None:
        c = self.current()
        if c is None or self.session is None:
            return
        answer = QMessageBox.question(self, self.tr("Remove coordinator"), self.tr(
            "Stop sending to {name}? The record of bundles already sent stays.").format(name=c.display_name))
        if answer == QMessageBox.StandardButton.Yes:
            uuid = c.uuid
            ops.remove_coordinator(self, self.session, uuid) \
                .success(lambda _c: (self.refresh(), self.changed.emit())).failure(self._failed).run()

    def _done(self, coordinator) -> None:
        self.refresh(coordinator.uuid)
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Coordinators"), user_message(exc))
