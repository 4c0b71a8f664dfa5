"""Settings and About dialogs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QMessageBox, QSpinBox, QVBoxLayout, QWidget,
)

import journal

from ui.common.a11y import mark_hint
from ui.common.fields import TimeZoneBox, all_zones
from ui.common.settings import MAX_AUTO_LOCK_MINUTES, MIN_AUTO_LOCK_MINUTES, Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, system_zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(440)  # "System (Europe/Moscow)" was cut at the left in a 280 px dialog
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(MIN_AUTO_LOCK_MINUTES, MAX_AUTO_LOCK_MINUTES)
        self.auto_lock.setSuffix(self.tr(" min"))
        self.auto_lock.setValue(settings.auto_lock_minutes)
        self.auto_lock.setToolTip(self.tr("Lock the journal after this long without keyboard or mouse use"))
        form.addRow(self.tr("&Lock when idle for:"), self.auto_lock)
        self.time_zone = TimeZoneBox()
        self.time_zone.insertItem(0, self.tr("System ({zone})").format(zone=system_zone), "")
        if settings.default_timezone:
            self.time_zone.set_zone(settings.default_timezone)
        else:
            self.time_zone.setCurrentIndex(0)
        self.time_zone.setMinimumContentsLength(len(self.time_zone.itemText(0)))  # "Системный (…)" was cut
        self.time_zone.setToolTip(self.tr("Used for new entries"))
        form.addRow(self.tr("Default &time zone:"), self.time_zone)
        self.language = QComboBox()
        self.language.addItem(self.tr("System language"), "")
        from ui.common.i18n import LANGUAGES

        for code, native_name in LANGUAGES.items():  # each in its own language, so anyone finds theirs
            self.language.addItem(native_name, code)
        self.language.setToolTip(self.tr("The interface language. The app offers to restart when it changes."))
        self.language.setAccessibleDescription(self.language.toolTip())
        index = self.language.findData(settings.language)
        self.language.setCurrentIndex(max(index, 0))
        form.addRow(self.tr("L&anguage:"), self.language)
        layout.addLayout(form)
        note = QLabel(self.tr("Settings hold no journal data; they are stored unencrypted."))
        note.setWordWrap(True)
        mark_hint(note)  # readable grey (>= 4.5:1); a disabled label was 1.6:1 and "unavailable" to screen readers
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def settings(self) -> Settings:
        zone = "" if self.time_zone.currentIndex() == 0 else self.time_zone.zone()
        if zone and zone not in all_zones():
            zone = ""
        return Settings(self.auto_lock.value(), zone, self.language.currentData() or "").clamped()


def show_about(parent: QWidget | None) -> None:
    QMessageBox.about(
        parent, QCoreApplication.translate("About", "About Incident Journal"),
        QCoreApplication.translate("About", "<h3>Incident Journal {version}</h3>"
                    "<p>An encrypted, offline journal for human-rights documenters.</p>"
                    "<p>Entries are stored in an SQLCipher 4 database; the key is protected by your passphrase "
                    "(Argon2id). The app makes no network connection unless you send a bundle.</p>"
                    "<p>License: GPL-3.0-or-later.</p>").format(version=journal.__version__),
    )
