"""The unlock window: passphrase (or recovery code), errors, the folder in use.

The slow key derivation runs on a worker (run_op); the window shows a busy
bar and stays responsive. The field is cleared as soon as its text has been
handed to the worker, whatever the outcome.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QMainWindow, QProgressBar, QPushButton, QVBoxLayout, QWidget,
)

from journal.errors import Cancelled, WrongPassphrase
from journal.storage.vault import Journal, derive_data_key

from ui.common.a11y import announce
from ui.common.ops import run_op, user_message
from ui.common.file_dialogs import choose_folder
from ui.common.resources import app_icon
from ui.common.secret_field import SecretField


# Focus must be visible on every control (issue 24, item 6): the secondary buttons are drawn
# as links, with a frame in the highlight colour when they have the keyboard focus.
FOCUS_STYLE = """
QPushButton#modeLink, QPushButton#otherButton, QPushButton#eraseButton {
    border: 2px solid transparent; border-radius: 3px; padding: 2px 4px; background: transparent;
    color: palette(link); text-decoration: underline; }
QPushButton#modeLink:focus, QPushButton#otherButton:focus, QPushButton#eraseButton:focus {
    border-color: palette(highlight); }
QPushButton#modeLink:disabled, QPushButton#otherButton:disabled, QPushButton#eraseButton:disabled {
    color: palette(mid); }
QPushButton#unlockButton {
    border: 1px solid palette(dark); border-radius: 3px; padding: 4px 14px; background: palette(button);
    color: palette(button-text); }
QPushButton#unlockButton:focus { border: 2px solid palette(highlight); padding: 3px 13px; }
QPushButton#unlockButton:pressed { background: palette(mid); }
QPushButton#unlockButton:disabled { color: palette(mid); }
"""


def unlock_journal(data_dir: Path, secret: str, recovery: bool, progress=None, cancel=None) -> Journal:
    """Worker side of unlocking: derive the key (slow), then open (fast, except when an older
    journal's schema is updated: `progress` and `cancel` reach the migrations)."""
    key = derive_data_key(data_dir, recovery_code=secret) if recovery else derive_data_key(data_dir, secret)
    return Journal.open_with_key(data_dir, key, progress=progress, cancel=cancel)


UPDATE_NOTICE_MS = 400  # a schema update that takes longer shows its progress and a Stop button


class UnlockWindow(QMainWindow):
    """A main window (a "frame"/"window" to screen readers, not a "filler" panel)."""

    unlocked = Signal(object)          # Journal
    folder_chosen = Signal(object)     # Path picked with "Open another journal folder…"
    attempt_failed = Signal()          # a wrong passphrase/recovery code (ui/safety_controller counts)
    erase_requested = Signal()         # "Erase this journal…"
    unlock_started = Signal()          # the key is being derived on a worker (the GUI thread is free)

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.recovery_mode = False
        self.working = False
        self.setWindowTitle(self.tr("Locked"))  # Qt adds " — <app name>" (the translated one: ui/app.py)
        self.setWindowIcon(app_icon())
        self._build()
        self.set_data_dir(self.data_dir)
        self.resize(480, 380)

    def _build(self) -> None:
        central = QWidget()
        self.setCentralWidget(central)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(36, 28, 36, 20)
        layout.setSpacing(10)
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(72, 72))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(logo)
        heading = QLabel(self.tr("Incident Journal is locked"))
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(heading)
        layout.addSpacing(6)

        self.prompt = QLabel()
        layout.addWidget(self.prompt)
        row = QHBoxLayout()
        self.field = SecretField()
        self.prompt.setBuddy(self.field)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.setObjectName("unlockButton")
        row.addWidget(self.field, 1)
        row.addWidget(self.unlock_button)
        layout.addLayout(row)

        # The error's accessible name is its text (a QLabel's default): a screen reader reads the
        # message itself, and hears it when it appears (announce, assertive).
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #d32f2f;")
        self.error.setVisible(False)
        layout.addWidget(self.error)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Unlocking…"))
        self.busy.setMaximumHeight(8)
        self.busy.setVisible(False)
        layout.addWidget(self.busy)
        # An older journal's one-time update (schema migrations, e.g. the word-forms index): progress
        # and Stop, shown only when it takes a while.
        update_row = QHBoxLayout()
        self.update_label = QLabel()
        self.update_label.setWordWrap(True)
        self.stop_button = QPushButton(self.tr("&Stop"))
        self.stop_button.setToolTip(self.tr("Stop the update: the journal stays as it was, and the update "
                                            "starts again at the next unlock"))
        self.stop_button.clicked.connect(self._stop_update)
        update_row.addWidget(self.update_label, 1)
        update_row.addWidget(self.stop_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(update_row)
        self._op = None
        self._update_progress: tuple[int, int] | None = None
        self._update_timer = QTimer(self)
        self._update_timer.setSingleShot(True)
        self._update_timer.setInterval(UPDATE_NOTICE_MS)
        self._update_timer.timeout.connect(self._show_update)
        self._hide_update()
        self.attempts_label = QLabel()
        self.attempts_label.setWordWrap(True)
        self.attempts_label.setVisible(False)
        layout.addWidget(self.attempts_label)

        # A real button (Tab stop, Space/Return, a visible focus frame), styled as a link.
        self.mode_link = QPushButton()
        self.mode_link.setObjectName("modeLink")
        self.mode_link.setCursor(Qt.CursorShape.PointingHandCursor)
        self.mode_link.clicked.connect(self._toggle_mode)
        layout.addWidget(self.mode_link, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

        self.folder_label = QLabel()
        small = QFont(self.folder_label.font())
        small.setPointSizeF(small.pointSizeF() * 0.85)
        self.folder_label.setFont(small)
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.folder_label)
        self.other_button = QPushButton(self.tr("Open another journal folder…"))
        self.other_button.setObjectName("otherButton")
        self.other_button.setToolTip(self.tr("A journal kept elsewhere, e.g. on an encrypted USB stick"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.other_button)
        bottom.addStretch(1)
        self.erase_button = QPushButton(self.tr("Erase this journal…"))
        self.erase_button.setObjectName("eraseButton")
        self.erase_button.setToolTip(self.tr("Emergency: destroy this journal for good, without the passphrase"))
        self.erase_button.clicked.connect(self.erase_requested)
        bottom.addWidget(self.erase_button)
        layout.addLayout(bottom)

        self.unlock_button.clicked.connect(self.submit)
        self.field.returnPressed.connect(self.submit)
        self.other_button.clicked.connect(self._choose_folder)
        self.setStyleSheet(FOCUS_STYLE)
        self._apply_mode()

    # --- state --------------------------------------------------------------------
    def set_data_dir(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.folder_label.setText(self.tr("Journal folder: {folder}").format(folder=str(self.data_dir)))

    def reset(self) -> None:
        """Back to a clean, empty prompt (after a lock)."""
        self.field.clear()
        self.error.setVisible(False)
        self.error.clear()
        self.recovery_mode = False
        self._apply_mode()
        self._set_working(False)

    def _apply_mode(self) -> None:
        self.field.clear()
        if self.recovery_mode:
            self.prompt.setText(self.tr("&Recovery code:"))
            self.field.set_revealed(True)  # shown on screen; the accessibility bus gets only the count
            self.field.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
            self.mode_link.setText(self.tr("Use the passphrase instead"))
        else:
            self.prompt.setText(self.tr("&Passphrase:"))
            self.field.set_revealed(False)
            self.field.setPlaceholderText("")
            self.mode_link.setText(self.tr("Forgot it? Use the recovery code"))
        self.field.setAccessibleName(self.prompt.text().replace("&", "").rstrip(":"))

    def _toggle_mode(self) -> None:
        self.recovery_mode = not self.recovery_mode
        self.error.setVisible(False)
        self._apply_mode()
        self.field.setFocus()

    def _set_working(self, working: bool) -> None:
        """Busy while the key is derived. Focus stays in the field (read-only meanwhile): disabling
        the focused widget would make Qt hop focus along the buttons, onto "Erase this journal…"."""
        self.working = working
        self.busy.setVisible(working)
        if working and self.isActiveWindow() and not self.field.hasFocus():
            self.field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.field.setReadOnly(working)
        for widget in (self.unlock_button, self.mode_link, self.other_button, self.erase_button):
            widget.setEnabled(not working)
        if not working:
            self._hide_update()

    # --- an older journal's one-time update ------------------------------------------------
    def _progress(self, done: int, total: int) -> None:
        if total <= 0 or not self.working:
            return
        self._update_progress = (done, total)
        if self.update_label.isVisible():
            self._show_update()
        elif not self._update_timer.isActive():
            self._update_timer.start()

    def _show_update(self) -> None:
        if not self.working or self._update_progress is None:
            return
        done, total = self._update_progress
        first = not self.update_label.isVisible()
        self.busy.setRange(0, total)
        self.busy.setValue(min(done, total))
        self.update_label.setText(self.tr("Updating the journal for this version of the app: {percent}%. "
                                          "This happens once and can take a few minutes.").format(
            percent=done * 100 // total))
        self.update_label.setVisible(True)
        self.stop_button.setVisible(True)
        self.stop_button.setEnabled(True)
        if first:
            announce(self.update_label, self.update_label.text())

    def _hide_update(self) -> None:
        self._update_timer.stop()
        self._update_progress = None
        self.update_label.setVisible(False)
        self.update_label.clear()
        self.stop_button.setVisible(False)
        self.busy.setRange(0, 0)

    def _stop_update(self) -> None:
        if self._op is not None and self.working:
            self._op.cancel()
            self.stop_button.setEnabled(False)

    # --- unlocking ----------------------------------------------------------------------
    def submit(self) -> None:
        secret = self.field.text()
        if self.working or not secret:
            return
        self.field.clear()
        self.error.setVisible(False)
        self._set_working(True)
        announce(self.busy, self.tr("Unlocking…"))
        data_dir, recovery = self.data_dir, self.recovery_mode
        self._op = run_op(self, lambda ctx: unlock_journal(data_dir, secret, recovery, ctx.progress, ctx.cancelled),
                          self._done, self._failed, show_dialog=False, on_progress=self._progress)
        self.unlock_started.emit()

    def _done(self, journal: Journal) -> None:
        self._op = None
        self._set_working(False)
        self.reset()
        self.unlocked.emit(journal)

    def _failed(self, exc: BaseException) -> None:
        self._op = None
        self._set_working(False)
        self.field.clear()
        if isinstance(exc, Cancelled):
            message = self.tr("The update was stopped and undone: the journal is as it was. It starts again "
                              "the next time you unlock.")
        elif isinstance(exc, WrongPassphrase):
            message = (self.tr("That recovery code does not open this journal.") if self.recovery_mode
                       else self.tr("Wrong passphrase. Check the keyboard layout and Caps Lock, then try again."))
            self.attempt_failed.emit()
        else:
            message = user_message(exc)
        self.error.setText(message)
        self.error.setVisible(True)
        self.field.setFocus()
        announce(self.error, message, assertive=True)

    def _choose_folder(self) -> None:
        folder = choose_folder(self, self.tr("Choose a journal folder"), str(self.data_dir.parent))
        if folder:
            self.folder_chosen.emit(Path(folder))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.field.setFocus()
