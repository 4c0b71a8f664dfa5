"""Settings → Network: the optional proxy (Tor) and timeouts, stored inside the encrypted journal.

Not in the plaintext settings file on purpose: a proxy choice reveals Tor use.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journal.errors import JournalError
from journal.exchange.outbox import load_network_settings
from journal.exchange.transport import TOR_PROXY_URL, NetworkSettings

from ui.common.ops import user_message
from ui.exchange.transport import ops

TOR_BROWSER_PROXY_URL = "socks5h://127.0.0.1:9150"


class NetworkSettingsDialog(QDialog):
    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Network settings"))
        layout = QVBoxLayout(self)
        offline = QLabel(self.tr("This app never connects to the internet unless you send a bundle, test a "
                                 "folder or fetch bundles. Certificates are always checked."))
        offline.setWordWrap(True)
        layout.addWidget(offline)
        self.use_proxy = QCheckBox(self.tr("Connect through a &SOCKS5 proxy (e.g. Tor)"))
        layout.addWidget(self.use_proxy)
        row = QHBoxLayout()
        self.proxy = QLineEdit()
        self.proxy.setPlaceholderText(TOR_PROXY_URL)
        self.proxy.setAccessibleName(self.tr("Proxy address"))
        self.proxy.setToolTip(self.tr("socks5h://host:port: the proxy also resolves server names (no DNS leak)"))
        row.addWidget(self.proxy, 1)
        self.tor_button = QPushButton(self.tr("T&or"))
        self.tor_button.setToolTip(self.tr("Tor running as a service: {url}").format(url=TOR_PROXY_URL))
        self.tor_button.setAccessibleName(self.tr("Use Tor service"))
        self.tor_button.clicked.connect(lambda: self._preset(TOR_PROXY_URL))
        row.addWidget(self.tor_button)
        self.tor_browser_button = QPushButton(self.tr("Tor &Browser"))
        self.tor_browser_button.setToolTip(self.tr("Tor Browser while it is open: {url}").format(
            url=TOR_BROWSER_PROXY_URL))
        self.tor_browser_button.setAccessibleName(self.tr("Use Tor Browser"))
        self.tor_browser_button.clicked.connect(lambda: self._preset(TOR_BROWSER_PROXY_URL))
        row.addWidget(self.tor_browser_button)
        layout.addLayout(row)
        tor = QLabel(self.tr("Tor hides from the network and the server where you are; everything, including "
                             "name lookups, goes through it. Expect it to be slow."))
        tor.setWordWrap(True)
        layout.addWidget(tor)
        form = QFormLayout()
        self.connect_timeout = QSpinBox()
        self.connect_timeout.setRange(1, 3600)
        self.connect_timeout.setSuffix(self.tr(" s"))
        self.connect_timeout.setAccessibleName(self.tr("Connection timeout"))
        self.read_timeout = QSpinBox()
        self.read_timeout.setRange(1, 3600)
        self.read_timeout.setSuffix(self.tr(" s"))
        self.read_timeout.setAccessibleName(self.tr("Timeout without progress"))
        self.attempts = QSpinBox()
        self.attempts.setRange(1, 20)
        self.attempts.setAccessibleName(self.tr("Attempts per bundle"))
        form.addRow(self.tr("Give up connecting after:"), self.connect_timeout)
        form.addRow(self.tr("Give up without progress after:"), self.read_timeout)
        form.addRow(self.tr("Attempts per bundle:"), self.attempts)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.use_proxy.toggled.connect(self._update)
        self._load(load_network_settings(session.reader.db))
        self.setMinimumWidth(520)

    def _load(self, settings: NetworkSettings) -> None:
        self.settings = settings
        self.use_proxy.setChecked(settings.proxy_url is not None)
        self.proxy.setText(settings.proxy_url or "")
        self.connect_timeout.setValue(int(settings.connect_timeout))
        self.read_timeout.setValue(int(settings.read_timeout))
        self.attempts.setValue(settings.max_attempts)
        self._update()

    def _preset(self, url: str) -> None:
        self.use_proxy.setChecked(True)
        self.proxy.setText(url)

    def _update(self) -> None:
        on = self.use_proxy.isChecked()
        for widget in (self.proxy, self.tor_button, self.tor_browser_button):
            widget.setEnabled(on)

    def chosen(self) -> NetworkSettings:
        """The settings as shown (InvalidTarget for a bad proxy address)."""
        proxy = (self.proxy.text().strip() or TOR_PROXY_URL) if self.use_proxy.isChecked() else None
        return replace(self.settings, proxy_url=proxy, connect_timeout=float(self.connect_timeout.value()),
                       read_timeout=float(self.read_timeout.value()), write_timeout=float(self.read_timeout.value()),
                       max_attempts=self.attempts.value())

    def save(self) -> None:
        try:
            settings = self.chosen()
        except JournalError as exc:
            self.error.setText(user_message(exc))
            return
        ops.set_network_settings(self, self.session, settings).success(lambda _s: self.accept()) \
            .failure(lambda exc: QMessageBox.warning(self, self.windowTitle(), user_message(exc))).run()
