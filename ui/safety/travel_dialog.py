"""Travel mode in the desktop app: "Prepare for travel…" and "Restore after travel…".

The work is the core's (journal/travel/): the package is written, read back and proven on the
session's writer (run_write_op: progress and Cancel); only when that returned does the app lock
and erase the journal with the emergency erase's own code (ui/safety/erase.py), remove the
emptied journal folder and the settings file, and quit, so the next start looks like a fresh
install (the first-run screen, which offers "Restore after travel…").

Safe defaults: Cancel is the default button; sealing needs the recovery code (checked against
the journal before anything is written) and a box ticked by hand; the package never opens
with the passphrase.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from journal.storage.paths import config_dir as default_config_dir
from journal.travel.package import TRAVEL_SUFFIX

from ui.common import clipboard
from ui.common.file_dialogs import choose_file, choose_folder, choose_save_path
from ui.common.ops import run_op, run_write_op, scaled_progress, user_message
from ui.common.secret_field import SecretField

TOR_PROXY = "socks5h://127.0.0.1:9050"


def _secret_field(name: str) -> SecretField:
    """The recovery code and the drop folder's password: the app's one secret field (it never
    hands the typed text to Qt's control or the accessibility bus)."""
    field = SecretField()
    field.setAccessibleName(name)
    clipboard.mark_secret(field)
    return field


def _text(html: str) -> QLabel:
    label = QLabel(html)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class PathRow(QWidget):
    """A path field with a Browse… button."""

    def __init__(self, name: str, browse, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.field = QLineEdit()
        self.field.setAccessibleName(name)
        self.button = QPushButton(self.tr("&Browse…"))
        self.button.setAccessibleName(self.tr("Browse for {what}").format(what=name))
        self.button.clicked.connect(lambda: self._browse(browse))
        row.addWidget(self.field, 1)
        row.addWidget(self.button)

    def _browse(self, browse) -> None:
        chosen = browse(self)
        if chosen:
            self.field.setText(str(chosen))


class PrepareTravelDialog(QDialog):
    """Where the package goes, the recovery code, and a box that says the journal will be erased."""

    def __init__(self, coordinators: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        """``coordinators``: (id, display name) of the coordinators that have a drop folder."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Prepare for travel"))
        layout = QVBoxLayout(self)
        layout.addWidget(_text(self.tr(
            "<p><b>Before a border or a search:</b> the whole journal (entries, people, contact log, photos "
            "and files, forms, your identity and coordinators) is sealed into one encrypted travel package. "
            "It is read back and checked; only then is the journal <b>erased from this computer</b>, as an "
            "emergency erase does.</p>"
            "<p>Only the <b>recovery code</b> opens the package, never the passphrase. Keep the code apart "
            "from the laptop and the package: without it the journal cannot come back.</p>")))
        self.to_file = QRadioButton(self.tr("Save the package to a &file (a USB stick or a folder)"))
        self.to_drop = QRadioButton(self.tr("Send it to a coordinator's &drop folder"))
        group = QButtonGroup(self)
        group.addButton(self.to_file)
        group.addButton(self.to_drop)
        self.to_file.setChecked(True)
        self.path = PathRow(self.tr("Travel package file"), self._choose_path)
        self.coordinator = QComboBox()
        self.coordinator.setAccessibleName(self.tr("Coordinator"))
        for coordinator_id, name in coordinators:
            self.coordinator.addItem(name, coordinator_id)
        self.to_drop.setEnabled(bool(coordinators))
        if not coordinators:
            self.to_drop.setToolTip(self.tr("No coordinator has a drop folder."))
        self.tor = QCheckBox(self.tr("Send through &Tor (running on this computer)"))
        self.code = _secret_field(self.tr("Recovery code"))
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.rehearsal = QCheckBox(self.tr("Re&hearsal: make and check the package, but keep the journal"))
        self.understood = QCheckBox(self.tr("I understand: the journal will be &erased from this computer"))
        form = QFormLayout()
        form.addRow(self.to_file)
        form.addRow(self.tr("File:"), self.path)
        form.addRow(self.to_drop)
        form.addRow(self.tr("Coordinator:"), self.coordinator)
        form.addRow("", self.tor)
        form.addRow(self.tr("&Recovery code:"), self.code)
        layout.addLayout(form)
        layout.addWidget(self.rehearsal)
        layout.addWidget(self.understood)
        layout.addStretch(1)  # spare height goes below the choices, not around the text
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.seal_button = QPushButton(self.tr("&Seal and erase"))
        self.seal_button.setStyleSheet("QPushButton:enabled { color: #b71c1c; font-weight: bold; }")
        self.seal_button.setAutoDefault(False)
        self.buttons.addButton(self.seal_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for signal in (self.to_file.toggled, self.to_drop.toggled, self.rehearsal.toggled, self.understood.toggled):
            signal.connect(self._update)
        self.path.field.textChanged.connect(self._update)
        self.code.textChanged.connect(self._update)
        self._update()
        self.resize(620, self.sizeHint().height())

    def _choose_path(self, parent) -> str | None:
        suggested = str(Path.home() / (secrets.token_hex(4) + TRAVEL_SUFFIX))
        return choose_save_path(parent, self.tr("Save the travel package"), suggested,
                                self.tr("Travel packages (*{suffix})").format(suffix=TRAVEL_SUFFIX))

    def _update(self, *_args) -> None:
        to_file = self.to_file.isChecked()
        self.path.setEnabled(to_file)
        self.coordinator.setEnabled(not to_file)
        self.tor.setEnabled(not to_file)
        rehearsal = self.rehearsal.isChecked()
        self.understood.setEnabled(not rehearsal)
        self.seal_button.setText(self.tr("&Make and check") if rehearsal else self.tr("&Seal and erase"))
        where = bool(self.path.field.text().strip()) if to_file else self.coordinator.count() > 0
        self.seal_button.setEnabled(where and bool(self.code.text().strip())
                                    and (rehearsal or self.understood.isChecked()))

    def take_code(self) -> str:
        code = self.code.text()
        self.code.clear()
        return code

    def destination(self) -> tuple[str, object]:
        """("file", Path) or ("drop", coordinator id)."""
        if self.to_file.isChecked():
            return "file", Path(self.path.field.text().strip()).expanduser()
        return "drop", self.coordinator.currentData()


class RestoreTravelDialog(QDialog):
    """Where the package is (a file, or a drop folder), the recovery code, and the folder to restore into."""

    def __init__(self, folder: Path | None, parent: QWidget | None = None) -> None:
        """``folder``: the journal folder to restore into; None lets the person choose one."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore after travel"))
        layout = QVBoxLayout(self)
        layout.addWidget(_text(self.tr(
            "<p><b>After the border:</b> bring the journal back from its travel package, whole, with its "
            "history and your identity (coordinators still recognise you). You need the recovery code. "
            "Afterwards, unlock it with your passphrase as before.</p>")))
        self.from_file = QRadioButton(self.tr("From a &file"))
        self.from_drop = QRadioButton(self.tr("From a &drop folder"))
        group = QButtonGroup(self)
        group.addButton(self.from_file)
        group.addButton(self.from_drop)
        self.from_file.setChecked(True)
        self.path = PathRow(self.tr("Travel package file"), self._choose_package)
        self.url = QLineEdit()
        self.url.setAccessibleName(self.tr("Drop folder address"))
        self.url.setPlaceholderText("https://…")
        self.user = QLineEdit()
        self.user.setAccessibleName(self.tr("User name"))
        self.password = _secret_field(self.tr("Password"))
        self.tor = QCheckBox(self.tr("Fetch through &Tor (running on this computer)"))
        self.code = _secret_field(self.tr("Recovery code"))
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.folder = PathRow(self.tr("Journal folder"), lambda parent: choose_folder(
            parent, self.tr("Choose an empty folder for the journal"), str(Path.home())))
        if folder is not None:
            self.folder.field.setText(str(folder))
        form = QFormLayout()
        form.addRow(self.from_file)
        form.addRow(self.tr("File:"), self.path)
        form.addRow(self.from_drop)
        form.addRow(self.tr("Address:"), self.url)
        form.addRow(self.tr("User name:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow("", self.tor)
        form.addRow(self.tr("&Recovery code:"), self.code)
        form.addRow(self.tr("Restore into:"), self.folder)
        layout.addLayout(form)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = QPushButton(self.tr("&Restore"))
        self.restore_button.setAutoDefault(False)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for signal in (self.from_file.toggled, self.path.field.textChanged, self.url.textChanged,
                       self.code.textChanged, self.folder.field.textChanged):
            signal.connect(self._update)
        self._update()
        self.resize(600, self.sizeHint().height())

    def _choose_package(self, parent) -> str | None:
        return choose_file(parent, self.tr("Open a travel package"), str(Path.home()),
                           self.tr("Travel packages (*{suffix});;All files (*)").format(suffix=TRAVEL_SUFFIX))

    def _update(self, *_args) -> None:
        from_file = self.from_file.isChecked()
        self.path.setEnabled(from_file)
        for widget in (self.url, self.user, self.password, self.tor):
            widget.setEnabled(not from_file)
        source = self.path.field.text().strip() if from_file else self.url.text().strip()
        self.restore_button.setEnabled(bool(source and self.code.text().strip() and self.folder.field.text().strip()))

    def take_code(self) -> str:
        code = self.code.text()
        self.code.clear()
        return code

    def request(self) -> dict:
        """What to restore, as keyword arguments for restore_work (the password is taken)."""
        request = {"folder": Path(self.folder.field.text().strip()).expanduser(), "code": self.take_code()}
        if self.from_file.isChecked():
            request["path"] = Path(self.path.field.text().strip()).expanduser()
        else:
            request.update(url=self.url.text().strip(), user=self.user.text().strip() or None,
                           password=self.password.text() or None, proxy=TOR_PROXY if self.tor.isChecked() else None)
            self.password.clear()
        return request


# --- the work ------------------------------------------------------------------------------------
def restore_work(request: dict):
    """run_op's worker for a restore (no session: the journal does not exist yet)."""
    from journal.travel import restore_from_file
    from journal.travel.drop import restore_from_drop

    def work(ctx):
        progress = scaled_progress(ctx)
        if "path" in request:
            return restore_from_file(request["path"], request["folder"], request["code"], progress=progress,
                                     cancel=ctx.cancelled)
        return restore_from_drop(request["url"], request["folder"], request["code"], user=request["user"],
                                 password=request["password"], proxy_url=request["proxy"], progress=progress,
                                 cancel=ctx.cancelled)

    return work


def prepare_work(kind: str, where, code: str, tor: bool):
    """run_write_op's work(journal, ctx, cancelled): write, read back and prove the package."""
    from journal.exchange.outbox import settings_for
    from journal.travel import prepare_to_file
    from journal.travel.drop import prepare_to_drop

    def work(journal, ctx, cancelled):
        progress = scaled_progress(ctx)
        if kind == "file":
            return prepare_to_file(journal, where, code, progress=progress, cancel=cancelled)
        folder = journal.outbox.drop(where)
        settings = settings_for(journal.outbox.network_settings(), folder.pinned_sha256,
                                TOR_PROXY if tor else None)
        return prepare_to_drop(journal, folder, settings, code, progress=progress, cancel=cancelled)

    return work


def forget_this_computer(data_dir: Path, config_folder: Path | None) -> None:
    """After the erase: the emptied journal folder and the settings file go too, so the app
    starts like a fresh install (settings hold no path, but they do say the app was used)."""
    try:
        Path(data_dir).rmdir()  # only when empty
    except OSError:
        pass
    from ui.common.settings import settings_path

    settings_path(config_folder or default_config_dir()).unlink(missing_ok=True)


class TravelActions(QObject):
    """The two menu actions and the flows behind them; made by the safety feature (controller.py)."""

    # Emitted after a restore from the main window, with the folder it went into.
    restored = Signal(object)

    def __init__(self, safety, window: QWidget) -> None:
        super().__init__(window)
        self.safety = safety
        self.window = window
        self.prepare_action = QAction(self.tr("Prepare for &travel…"), window)
        self.prepare_action.setToolTip(self.tr("Seal the whole journal into one package that only the recovery "
                                               "code opens, then erase it from this computer"))
        self.prepare_action.triggered.connect(self.prepare)
        self.restore_action = QAction(self.tr("Restore after tra&vel…"), window)
        self.restore_action.setToolTip(self.tr("Bring a journal back from its travel package"))
        self.restore_action.triggered.connect(lambda: restore_after_travel(self.window, None, self._restored))

    def _coordinators(self) -> list[tuple[int, str]]:
        session = self.safety.controller.session
        if session is None or session.reader is None:
            return []
        reader = session.reader
        found = []
        for coordinator in reader.coordinators.list():
            if reader.outbox.drop(coordinator.id) is not None:
                found.append((coordinator.id, coordinator.display_name))
        return found

    def prepare(self) -> None:
        from ui.safety.controller import ask, inform

        controller = self.safety.controller
        if controller.session is None:
            return
        dialog = PrepareTravelDialog(self._coordinators(), self.window)
        if not ask(dialog):
            return
        kind, where = dialog.destination()
        code, tor, rehearsal = dialog.take_code(), dialog.tor.isChecked(), dialog.rehearsal.isChecked()
        window = self.window

        def done(report) -> None:
            place = (str(report.path) if report.path is not None
                     else self.tr("{name} in {url}").format(name=report.remote_name, url=report.folder_url))
            if rehearsal:
                inform(window, self.tr("Rehearsal: the travel package {place} was made and checked. "
                                       "The journal was kept.").format(place=place))
                return
            data_dir, config = controller.context.data_dir, controller.context.config_dir
            controller.lock(show_unlock=False)  # closes the database first
            from ui.safety.erase import erase_everything

            self.safety.erased_report = erase_everything(data_dir, config)
            forget_this_computer(data_dir, config)
            inform(window, self.tr(
                "The journal was sealed into {place}, checked, and erased from this computer. "
                "Only the recovery code opens the package. The app will now close.").format(place=place))
            controller.quit()

        def failed(exc) -> None:
            from journal.errors import Cancelled

            if isinstance(exc, Cancelled):
                inform(window, self.tr("Cancelled. The journal was not erased."))
            else:
                inform(window, user_message(exc) + "\n\n" + self.tr("The journal was not erased."), warning=True)

        run_write_op(window, controller.session, prepare_work(kind, where, code, tor), done, failed,
                     label=self.tr("Sealing the journal into a travel package and checking it…"))

    def _restored(self, folder: Path) -> None:
        self.restored.emit(folder)


def restore_after_travel(parent: QWidget | None, folder: Path | None, on_restored) -> None:
    """Ask for the package and the code, restore, then call ``on_restored(folder)``."""
    from ui.safety.controller import ask, inform

    dialog = RestoreTravelDialog(folder, parent)
    if not ask(dialog):
        return
    request = dialog.request()

    def done(report) -> None:
        inform(parent, QCoreApplication.translate(
            "RestoreTravelDialog", "The journal is back in {folder}. Unlock it with your passphrase, "
            "as before the journey.").format(folder=str(report.data_dir)))
        on_restored(report.data_dir)

    def failed(exc) -> None:
        from journal.errors import Cancelled

        if not isinstance(exc, Cancelled):
            inform(parent, user_message(exc), warning=True)

    run_op(parent, restore_work(request), done, failed,
           label=QCoreApplication.translate("RestoreTravelDialog", "Restoring the journal from its travel package…"),
           cancellable=True)
