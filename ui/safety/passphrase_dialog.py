"""Journal → Change passphrase…, with "Change the key too (after a passphrase was given up)".

A plain change rewraps the same data key (instant). With the key change (issue 19, item 1) the
core gives the journal a new data key, new keys for every attachment file and a new recovery
code (journal/storage/rotation.py): long work, so it runs on the session's writer thread with a
progress dialog and Cancel (honoured until the switch; nothing is changed by a cancel). The new
recovery code is then shown once, and the journal is locked: the open read connection held the
old key, and unlocking with the new passphrase at once confirms it is remembered.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget,
)

from journal.storage.vault import MIN_PASSPHRASE_LENGTH

from ui.common import clipboard
from ui.common.secret_field import SecretField


class ChangePassphraseDialog(QDialog):
    """The new passphrase (twice) and whether to change the key too."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change passphrase"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.first = SecretField()
        self.first.setAccessibleName(self.tr("New passphrase"))
        self.second = SecretField()
        self.second.setAccessibleName(self.tr("Repeat the new passphrase"))
        for field in (self.first, self.second):
            clipboard.mark_secret(field)
        form.addRow(self.tr("&New passphrase:"), self.first)
        form.addRow(self.tr("&Repeat it:"), self.second)
        layout.addLayout(form)
        self.rotate = QCheckBox(self.tr("Change the &key too (after a passphrase was given up)"))
        self.rotate.setAccessibleName(self.tr("Change the key too"))
        layout.addWidget(self.rotate)
        explain = QLabel(self.tr(
            "<p>Without this, only the passphrase changes: an old copy of the key file (a backup, or one "
            "recovered from the disk) still opens the journal with the old passphrase.</p>"
            "<p>With it, the journal gets a new key, every attached file is encrypted again under a new "
            "key, and you get a new recovery code: the old passphrase, the old recovery code and old "
            "copies of the key file open nothing current. It takes a while with many attachments. "
            "Backups made before are not changed: they still open with the old passphrase.</p>"))
        explain.setWordWrap(True)
        layout.addWidget(explain)
        self.error = QLabel()
        self.error.setStyleSheet("color: #d32f2f;")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.first.setFocus()
        self.resize(480, 320)

    def problem(self) -> str:
        if len(self.first.text()) < MIN_PASSPHRASE_LENGTH:
            return self.tr("Choose a passphrase of at least %n characters.", "", MIN_PASSPHRASE_LENGTH)
        if self.first.text() != self.second.text():
            return self.tr("The two passphrases differ.")
        return ""

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            self.error.setVisible(True)
            return
        super().accept()

    def take_passphrase(self) -> str:
        """The new passphrase; the fields are emptied."""
        text = self.first.text()
        self.first.clear()
        self.second.clear()
        return text


class NewRecoveryCodeDialog(QDialog):
    """The new recovery code, shown once (as at creation), and what happens to old backups."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Write down your new recovery code"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "The passphrase and every key were changed. Your old recovery code no longer works; "
            "this is the new one. It is shown only this once: write it on paper and keep it apart "
            "from the laptop."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.code = QLabel(code)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(self.code.font().pointSizeF() * 1.3)
        self.code.setFont(font)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setAccessibleName(self.tr("New recovery code"))
        clipboard.mark_secret(self.code)
        layout.addWidget(self.code)
        backups = QLabel(self.tr(
            "Backups made before now are not changed: they still open with the old passphrase and the "
            "old recovery code. Destroy them if they could be found, and make a new backup. The journal "
            "is locked now: unlock it with the new passphrase."))
        backups.setWordWrap(True)
        layout.addWidget(backups)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("I have written it down"))
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)


def rotation_label() -> str:
    return QCoreApplication.translate("FieldSafety", "Encrypting every attachment again under new keys…")
