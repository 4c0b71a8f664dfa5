"""The "Safety" settings: when to lock, erase after failed unlocks, backup reminder."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.common.a11y import mark_hint
from ui.common.settings import (
    MAX_AUTO_LOCK_MINUTES,
    MAX_BACKUP_REMINDER_DAYS,
    MAX_ERASE_AFTER_FAILED,
    MIN_AUTO_LOCK_MINUTES,
    MIN_ERASE_AFTER_FAILED,
    Settings,
)

SAFETY_MAX_AUTO_LOCK = min(60, MAX_AUTO_LOCK_MINUTES)


class SafetySettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None, on_duress=None) -> None:
        super().__init__(parent)
        self._base = settings
        self.setWindowTitle(self.tr("Safety settings"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.auto_lock_enabled = QCheckBox(self.tr("Lock when &idle for"))
        self.auto_lock_enabled.setChecked(settings.auto_lock_enabled)
        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(MIN_AUTO_LOCK_MINUTES, max(SAFETY_MAX_AUTO_LOCK, settings.auto_lock_minutes))
        self.auto_lock.setSuffix(self.tr(" min"))
        self.auto_lock.setValue(settings.auto_lock_minutes)
        self.auto_lock.setAccessibleName(self.tr("Minutes before the idle lock"))
        self.auto_lock.setEnabled(settings.auto_lock_enabled)
        self.auto_lock_enabled.toggled.connect(self.auto_lock.setEnabled)
        form.addRow(self.auto_lock_enabled, self.auto_lock)
        self.lock_on_screen = QCheckBox(self.tr("Lock when the &screen locks or the laptop goes to sleep"))
        self.lock_on_screen.setChecked(settings.lock_on_screen_lock)
        form.addRow(self.lock_on_screen)
        self.lock_on_minimize = QCheckBox(self.tr("Lock when the window is &minimized"))
        self.lock_on_minimize.setChecked(settings.lock_on_minimize)
        form.addRow(self.lock_on_minimize)

        self.erase_enabled = QCheckBox(self.tr("&Erase the journal after"))
        self.erase_enabled.setChecked(settings.erase_after_failed > 0)
        self.erase_after = QSpinBox()
        self.erase_after.setRange(MIN_ERASE_AFTER_FAILED, MAX_ERASE_AFTER_FAILED)
        self.erase_after.setValue(settings.erase_after_failed or 10)
        self.erase_after.setSuffix(self.tr(" wrong passphrases in a row"))
        self.erase_after.setAccessibleName(self.tr("Failed attempts before erase"))
        self.erase_after.setEnabled(self.erase_enabled.isChecked())
        self.erase_enabled.toggled.connect(self.erase_after.setEnabled)
        form.addRow(self.erase_enabled, self.erase_after)
        erase_note = QLabel(self.tr(
            "Honestly: this only stops guessing through this app. Someone who copies the disk guesses "
            "offline where no counter exists (Argon2id is what slows them). It also erases after your own "
            "typos or a child playing with the keyboard, and there is no undo — keep a backup."))
        erase_note.setWordWrap(True)
        mark_hint(erase_note)  # readable grey (>= 4.5:1), not a disabled label
        form.addRow(erase_note)
        self.erase_enabled.setAccessibleDescription(erase_note.text())  # read with the box it explains

        self.reminder = QSpinBox()
        self.reminder.setRange(0, MAX_BACKUP_REMINDER_DAYS)
        self.reminder.setSpecialValueText(self.tr("never"))
        self.reminder.setSuffix(self.tr(" days"))
        self.reminder.setValue(settings.backup_reminder_days)
        self.reminder.setAccessibleName(self.tr("Backup reminder after days"))
        form.addRow(self.tr("&Remind me to back up after:"), self.reminder)
        # The duress passphrase lives in the journal (its key file), not in these settings:
        # only while a journal is unlocked (ui/safety/duress_dialog.py).
        self.duress_button = QPushButton(self.tr("D&uress passphrase…"))
        self.duress_button.setVisible(on_duress is not None)
        if on_duress is not None:
            self.duress_button.clicked.connect(on_duress)
        form.addRow(self.duress_button)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def settings(self) -> Settings:
        return replace(
            self._base, auto_lock_enabled=self.auto_lock_enabled.isChecked(), auto_lock_minutes=self.auto_lock.value(),
            lock_on_screen_lock=self.lock_on_screen.isChecked(), lock_on_minimize=self.lock_on_minimize.isChecked(),
            erase_after_failed=self.erase_after.value() if self.erase_enabled.isChecked() else 0,
            backup_reminder_days=self.reminder.value(),
        ).clamped()
