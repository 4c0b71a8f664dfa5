"""A coordinator's drop folder: Nextcloud file-drop link or WebDAV folder, with "Test connection".

Open with DropFolderDialog(coordinator, session, parent).exec(). The password is
saved inside the encrypted journal (drop_folders table) and the field is
cleared when the dialog closes. Nothing connects unless "Test connection" is pressed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.errors import JournalError
from journal.exchange.transport import parse_drop_url

from ui.common.ops import run_op, user_message
from ui.common.secret_field import SecretField
from ui.exchange.transport import ops


class FolderFields(QWidget):
    """URL, user, password and certificate pin fields, shared by drop and inbox folders."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://cloud.example.org/s/AbCdEf1234567")
        self.url.setAccessibleName(self.tr("Folder address"))
        self.url.setToolTip(self.tr("A Nextcloud file-drop share link, or the WebDAV address of a folder"))
        self.user = QLineEdit()
        self.user.setAccessibleName(self.tr("User name"))
        self.user.setPlaceholderText(self.tr("not needed for a share link"))
        self.password = SecretField()
        self.password.setAccessibleName(self.tr("Password"))
        self.pin = QLineEdit()
        self.pin.setAccessibleName(self.tr("Certificate fingerprint (optional)"))
        self.pin.setPlaceholderText(self.tr("optional: SHA-256 of the server certificate"))
        form.addRow(self.tr("&Address:"), self.url)
        form.addRow(self.tr("&User name:"), self.user)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("Certificate &pin:"), self.pin)

    def values(self) -> tuple[str, str | None, str | None, str | None]:
        return (self.url.text().strip(), self.user.text().strip() or None, self.password.text() or None,
                self.pin.text().strip() or None)

    def fill(self, url: str, user: str | None, password: str | None, pin: str | None) -> None:
        self.url.setText(url)
        self.user.setText(user or "")
        self.password.setText(password or "")
        self.pin.setText(pin or "")

    def clear_secret(self) -> None:
        self.password.clear()


def test_folder(parent: QWidget, session: Any, url: str, user: str | None, password: str | None,
                pin: str | None, on_done) -> None:
    """Check a folder on a worker (one PROPFIND, nothing written); on_done(ConnectionCheck)."""
    from journal.exchange.outbox import load_network_settings, settings_for
    from journal.exchange.transport import WebDavClient

    target = parse_drop_url(url, user, password)  # InvalidTarget before any connection
    settings = settings_for(load_network_settings(session.reader.db), pin)

    def work(_ctx):
        with WebDavClient(target, settings) as client:
            return client.test_connection()

    run_op(parent, work, on_done, label=QCoreApplication.translate("DropFolderDialog", "Connecting…"))


class DropFolderDialog(QDialog):
    """Edit one coordinator's drop folder (a Coordinator object or its id)."""

    def __init__(self, coordinator: Any, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.coordinator_ref = getattr(coordinator, "uuid", coordinator)
        reader_store = session.reader.outbox
        record = session.reader.coordinators.get(self.coordinator_ref)
        self.coordinator_id = record.id
        self.setWindowTitle(self.tr("Drop folder"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Where bundles for {name} are uploaded: the Nextcloud file-drop link they gave "
                               "you (with its password), or any WebDAV folder. Bundles are encrypted before "
                               "they leave this computer.").format(name=record.display_name))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.fields = FolderFields()
        layout.addWidget(self.fields)
        existing = reader_store.drop(self.coordinator_id)
        if existing is not None:
            self.fields.fill(existing.url, existing.user_name, existing.password, existing.pinned_sha256)
        row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.setAccessibleName(self.tr("Test connection"))
        self.test_button.setToolTip(self.tr("Connect once to check the address and password; nothing is uploaded"))
        self.test_button.clicked.connect(self.test_connection)
        row.addWidget(self.test_button)
        self.remove_button = QPushButton(self.tr("&Remove drop folder"))
        self.remove_button.setAccessibleName(self.tr("Remove drop folder"))
        self.remove_button.setEnabled(existing is not None)
        self.remove_button.clicked.connect(self.remove)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Connection status"))
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def test_connection(self) -> None:
        self.status.setText(self.tr("Connecting…"))
        try:
            test_folder(self, self.session, *self.fields.values(), on_done=lambda check: self.status.setText(check.note))
        except JournalError as exc:
            self.status.setText(user_message(exc))

    def save(self) -> None:
        url, user, password, pin = self.fields.values()
        cid = self.coordinator_id
        ops.set_drop_folder(self, self.session, cid, url, user, password, pin).success(lambda _f: self.accept()) \
            .failure(self._failed).run()

    def remove(self) -> None:
        cid = self.coordinator_id
        ops.clear_drop_folder(self, self.session, cid).success(lambda _r: self.accept()).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Drop folder"), user_message(exc))

    def done(self, result: int) -> None:
        self.fields.clear_secret()
        super().done(result)
