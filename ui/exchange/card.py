"""The "My card" dialog: this journal's public contact card as text, QR code and fingerprint.

The card holds only public keys and the display name, so copying it uses the normal
clipboard. The QR code is rendered in memory; nothing is written to disk unless the
person saves the card file themselves.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton,
    QVBoxLayout, QWidget,
)

from journal.exchange.bundle.card import CARD_FILE_SUFFIX, MAX_NAME_LENGTH, write_card_file
from journal.exchange.identity import DEFAULT_DISPLAY_NAME
from journal.errors import JournalError

from ui.exchange.common import CARD_FILE_FILTER, fingerprint_font, fingerprint_groups, qr_pixmap
from ui.common.file_dialogs import choose_save_path
from ui.common.ops import user_message


class CardNameDialog(QDialog):
    """Asks for the public name on the card and bundles, saying who sees it.

    Empty (the default) means the neutral DEFAULT_DISPLAY_NAME, so pressing Enter never puts
    anything identifying on the card; the private journal name is never offered.
    """

    def __init__(self, current: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Name on your card"))
        layout = QVBoxLayout(self)
        self.explanation = QLabel(self.tr(
            "Coordinators, and anyone who gets your card or a bundle from you, see this name. "
            "It is not your journal's name, which stays private inside the encryption.\n\n"
            "Choose something that does not identify you or where you are, in case the card "
            "falls into the wrong hands. Leave it empty to use “{default}”. You can change it later "
            "in My card.").format(default=DEFAULT_DISPLAY_NAME))
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        label = QLabel(self.tr("&Public name:"))
        self.name = QLineEdit(current)
        self.name.setMaxLength(MAX_NAME_LENGTH)
        self.name.setPlaceholderText(DEFAULT_DISPLAY_NAME)
        self.name.setAccessibleName(self.tr("Public name on your card"))
        self.name.setAccessibleDescription(self.explanation.text())
        label.setBuddy(self.name)
        layout.addWidget(label)
        layout.addWidget(self.name)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.name.setFocus()

    def chosen_name(self) -> str:
        return " ".join(self.name.text().split()) or DEFAULT_DISPLAY_NAME


class MyCardDialog(QDialog):
    """Shows `card_text`, its QR code and the fingerprint to read aloud."""

    def __init__(self, name: str, card_text: str, fingerprint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("My card"))
        self.card_text = card_text
        self.name = name
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Give this card to a coordinator so they can receive your bundles and check they come from you. "
            "It holds only public keys and the name “{name}”: it is safe to share, but compare the "
            "fingerprint with the coordinator by phone or in person.").format(name=name))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        row = QHBoxLayout()
        self.qr = QLabel()
        self.qr.setPixmap(qr_pixmap(card_text))
        self.qr.setAccessibleName(self.tr("QR code of my card"))
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.qr)
        right = QVBoxLayout()
        caption = QLabel(self.tr("Fingerprint (read these groups aloud):"))
        self.fingerprint = QLabel(fingerprint_groups(fingerprint))
        self.fingerprint.setFont(fingerprint_font(self.font()))
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setAccessibleName(self.tr("Fingerprint"))
        right.addWidget(caption)
        right.addWidget(self.fingerprint)
        right.addStretch(1)
        row.addLayout(right, 1)
        layout.addLayout(row)

        self.text = QPlainTextEdit(card_text)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Card text"))
        self.text.setMaximumHeight(self.fontMetrics().height() * 5)
        layout.addWidget(self.text)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("&Copy card text"))
        self.copy_button.setToolTip(self.tr("Copy the card line to paste into a message"))
        self.save_button = QPushButton(self.tr("&Save card file…"))
        self.save_button.setToolTip(self.tr("Save the card as a .ijcard file to send or carry"))
        self.rename_button = QPushButton(self.tr("Change &name…"))
        self.rename_button.setToolTip(self.tr("Change the public name coordinators see on your card and bundles"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.rename_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self.save_file)
        layout.addWidget(buttons)

    def copy(self) -> None:
        # Public data: a normal copy, not the self-clearing secret copy.
        QGuiApplication.clipboard().setText(self.card_text)
        self.copy_button.setText(self.tr("Copied"))

    def save_file(self) -> None:
        path = choose_save_path(self, self.tr("Save card file"), "my-card" + CARD_FILE_SUFFIX,
                                QCoreApplication.translate("Bundles", CARD_FILE_FILTER))
        if not path:
            return
        try:
            write_card_file(path, self.card_text)
        except (JournalError, OSError) as exc:
            QMessageBox.warning(self, self.tr("My card"), user_message(exc))


def show_my_card(parent: QWidget, stores) -> MyCardDialog:
    """Open the dialog for the unlocked journal (stores: the reader's Stores)."""
    identity = stores.identity
    dialog = MyCardDialog(identity.display_name, identity.card_text(), identity.fingerprint, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def ask_card_name(parent: QWidget, current: str, on_chosen) -> CardNameDialog:
    """Open the name question (window-modal); `on_chosen(name)` runs only after OK."""
    dialog = CardNameDialog(current, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: on_chosen(dialog.chosen_name()))
    dialog.open()
    return dialog
