"""Field safety wired into the app: lock triggers, tray, failed attempts, erase, backup.

`FieldSafety(controller)` is created by AppController; the controller calls
`attach_unlock(window)` and `attach_main(host)` (the main window's FeatureHost,
ui/common/host.py) when it builds those windows and `before_lock()` right before
the session closes. Everything else hangs off
the controller's `unlocked`/`locked` signals.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QAction, QPixmapCache
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from journal.storage.paths import journal_files

from ui.common import clipboard
from ui.common.file_dialogs import choose_file, choose_folder, choose_save_path
from ui.common.host import AppHost, FeatureHost
from ui.safety.attempts import FailedAttempts, should_erase
from ui.safety.backup import BACKUP_SUFFIX, backup_overdue_days, run_backup, run_restore
from ui.safety.erase import EraseDialog, erase_everything
from ui.safety.lock import LockTriggers
from ui.safety.tray import LockTray

FOLDER_CHECK_MS = 3_000
APP_TITLE = "Incident Journal"


def inform(parent: QWidget | None, text: str, warning: bool = False) -> None:
    """A message box; tests replace this to avoid blocking."""
    box = QMessageBox.warning if warning else QMessageBox.information
    box(parent, APP_TITLE, text)


def ask(dialog) -> bool:
    """Run a dialog to its answer; tests replace this."""
    return dialog.exec() == dialog.DialogCode.Accepted


def show_recovery_code(parent: QWidget | None, code: str) -> None:
    """The new recovery code after a key change, shown once; tests replace this."""
    from ui.safety.passphrase_dialog import NewRecoveryCodeDialog

    NewRecoveryCodeDialog(code, parent).exec()


def confirm_erase(parent: QWidget | None, data_dir: Path) -> bool:
    """The typed confirmation; tests replace this."""
    return EraseDialog(data_dir, parent).exec() == EraseDialog.DialogCode.Accepted


class FieldSafety(QObject):
    def __init__(self, controller: AppHost) -> None:
        super().__init__(controller)
        self.controller = controller
        self.triggers = LockTriggers(self)
        self.triggers.lock_requested.connect(lambda _reason: self.controller.lock())
        self.triggers.connect_desktop()
        self.tray = LockTray(self)
        self.tray.lock_requested.connect(lambda: self.controller.lock())
        self.tray.quit_requested.connect(lambda: self.controller.quit())
        self.host: FeatureHost | None = None  # the main window's, from attach_main()
        self.reminder = QLabel()
        self.reminder.setVisible(False)
        self.erased_report = None
        self._folder_timer = QTimer(self)
        self._folder_timer.setInterval(FOLDER_CHECK_MS)
        self._folder_timer.timeout.connect(self.check_folder)
        controller.unlocked.connect(self._on_unlocked)
        controller.locked.connect(self._on_locked)
        # X11 PRIMARY and the clipboard (issue 19, item 9): secret fields never export what is
        # selected in them, and whatever the app still owns is cleared on quit (and on lock).
        clipboard.install_selection_guard()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(clipboard.clear_owned)
        self.apply_settings()

    # --- settings -------------------------------------------------------------------
    @property
    def settings(self):
        return self.controller.context.settings

    def attempts(self) -> FailedAttempts:
        return FailedAttempts(self.controller.context.data_dir, self.controller.context.config_dir)

    def apply_settings(self) -> None:
        self.triggers.lock_on_minimize = self.settings.lock_on_minimize
        self.triggers.lock_on_screen_lock = self.settings.lock_on_screen_lock

    def edit_settings(self) -> None:
        from ui.safety.settings_dialog import SafetySettingsDialog

        on_duress = None
        if self.controller.session is not None:
            def on_duress() -> None:
                self.edit_duress(dialog)
        dialog = SafetySettingsDialog(self.settings, self.controller.main_window, on_duress=on_duress)
        if dialog.exec() == SafetySettingsDialog.DialogCode.Accepted:
            self.controller.apply_settings(dialog.settings())

    def edit_duress(self, parent=None) -> None:
        """Safety settings → Duress passphrase… (ui/safety/duress_dialog.py)."""
        from ui.safety.duress_dialog import DuressDialog

        session = self.controller.session
        if session is None:
            return
        DuressDialog(session, parent or self.controller.main_window, host=self.host).exec()

    # --- windows ---------------------------------------------------------------------
    def attach_unlock(self, window) -> None:
        clipboard.mark_secret(window.field)  # the passphrase or recovery code being typed
        window.attempt_failed.connect(self._attempt_failed)
        window.unlocked.connect(lambda _journal: self.attempts().reset())
        window.unlocked.connect(self._note_rotation_outcome)
        window.erase_requested.connect(lambda: self.emergency_erase(window))
        self.show_attempts(window)

    def show_attempts(self, window) -> None:
        count = self.attempts().count
        limit = self.settings.erase_after_failed
        if count and limit:
            text = self.tr("%n wrong attempts. The journal is erased after {limit}.", "", count).format(limit=limit)
        elif count:
            text = self.tr("%n wrong attempts since the last unlock.", "", count)
        else:
            text = ""
        window.attempts_label.setText(text)
        window.attempts_label.setVisible(bool(text))

    def attach_main(self, host: FeatureHost) -> None:
        self.host = host
        window = host.parent_widget()
        self.triggers.watch_window(window)
        self.backup_action = QAction(self.tr("&Back up journal…"), window)
        self.backup_action.setToolTip(self.tr("Write an encrypted backup file (same passphrase)"))
        self.backup_action.triggered.connect(self.back_up)
        self.restore_action = QAction(self.tr("Restore from &backup…"), window)
        self.restore_action.setToolTip(self.tr("Unpack a backup into an empty folder"))
        self.restore_action.triggered.connect(self.restore)
        self.passphrase_action = QAction(self.tr("Change &passphrase…"), window)
        self.passphrase_action.setToolTip(self.tr("A new passphrase; optionally new keys too, after a passphrase was given up"))
        self.passphrase_action.triggered.connect(self.change_passphrase)
        self.safety_action = QAction(self.tr("Sa&fety settings…"), window)
        self.safety_action.setToolTip(self.tr("Auto-lock, erase after failed attempts, backup reminder"))
        self.safety_action.triggered.connect(self.edit_settings)
        self.verify_action = QAction(self.tr("&Check the journal…"), window)
        self.verify_action.setToolTip(self.tr("Check the database, every revision's hash chain, and decrypt and re-hash every attached file"))
        self.verify_action.triggered.connect(self.verify)
        self.erase_action = QAction(self.tr("&Erase this journal…"), window)
        self.erase_action.setToolTip(self.tr("Emergency: destroy the journal on this computer for good"))
        self.erase_action.triggered.connect(lambda: self.emergency_erase(window))
        from ui.safety.travel_dialog import TravelActions  # travel mode (issue 21)

        self.travel = TravelActions(self, window)
        self.travel_action, self.travel_restore_action = self.travel.prepare_action, self.travel.restore_action
        self.travel.restored.connect(self._travel_restored)
        # ui/menus.py puts them in the Journal menu: backup/restore, passphrase, settings, and erase set apart.
        host.add_actions([self.backup_action, self.restore_action, self.verify_action, self.passphrase_action,
                          self.safety_action, self.travel_action, self.travel_restore_action, self.erase_action])
        self.reminder.setParent(window)
        host.add_status_widget(self.reminder)

    # --- verify -------------------------------------------------------------------------------
    # How many problems the message lists; the rest are counted (the CLI's `journal verify` lists all).
    SHOWN_PROBLEMS = 12

    def verify(self) -> None:
        """Journal → Check the journal…: the same checks as `journal verify`, with the answer shown."""
        session = self.host.session if self.host is not None else None
        if session is None:
            return
        from ui.safety.ops import verify_journal

        verify_journal(self.controller.main_window, session, self._show_verify_result,
                       label=self.tr("Checking the journal…"))

    def _show_verify_result(self, problems: list[str]) -> None:
        parent = self.controller.main_window
        if not problems:
            inform(parent, self.tr("The journal is intact: the database, every revision's hash chain and "
                                   "every attached file check out."))
            return
        shown = problems[: self.SHOWN_PROBLEMS]
        text = self.tr("The check found %n problems. Make a copy of the journal folder before changing "
                       "anything, and compare with your latest backup:", "", len(problems))
        lines = "\n".join(f"• {line}" for line in shown)
        more = len(problems) - len(shown)
        rest = ("\n" + self.tr("…and %n more (journal verify on the command line lists every one).", "", more)
                if more else "")
        inform(parent, f"{text}\n\n{lines}{rest}", warning=True)

    def _travel_restored(self, folder: Path) -> None:
        answer = QMessageBox.question(self.controller.main_window, APP_TITLE, self.tr(
            "The journal was restored into {folder}. Lock this journal and open the restored one?").format(
            folder=str(folder)))
        if answer == QMessageBox.StandardButton.Yes:
            self.controller.lock(show_unlock=False)
            self.controller.context.data_dir = Path(folder)
            self.controller.show_unlock()

    # --- lock / unlock ----------------------------------------------------------------------
    def before_lock(self) -> None:
        """Cancel background work and clear what lives outside the models."""
        from ui.common.ops import cancel_running_ops

        cancel_running_ops()
        self._folder_timer.stop()
        clipboard.clear_owned()  # our copies, and PRIMARY / the clipboard where the app owns them
        QPixmapCache.clear()
        self.reminder.clear()
        self.reminder.setVisible(False)

    def _on_unlocked(self) -> None:
        self.tray.set_unlocked(True)
        self._folder_timer.start()
        self.update_reminder()

    def _on_locked(self) -> None:
        self.tray.set_unlocked(False)
        self._folder_timer.stop()

    def update_reminder(self, now: dt.datetime | None = None) -> None:
        session = self.controller.session
        days = None
        if session is not None and session.reader is not None:
            days = backup_overdue_days(session.reader.db, self.settings.backup_reminder_days, now)
        if days is None:
            self.reminder.clear()
            self.reminder.setVisible(False)
        else:
            self.reminder.setText(self.tr("No backup for %n days (Journal → Back up journal…)", "", days))
            self.reminder.setVisible(True)

    # --- failed attempts and erase -----------------------------------------------------------------
    def _attempt_failed(self) -> None:
        # The core counted the attempt (journal/storage/attempts.py) and erased the journal if
        # the saved setting's limit was reached; the limit in effect here is checked as well.
        count = self.attempts().count
        limit = self.settings.erase_after_failed
        window = self.controller.unlock_window
        erased_by_core = not journal_files(self.controller.context.data_dir)["keys"].exists()
        if should_erase(count, limit) or erased_by_core:
            self._erase_and_close(window, self.tr(
                "%n wrong passphrases in a row: the journal has been erased, as set in the safety settings.",
                "", max(count, limit)))
            return
        if window is not None:
            self.show_attempts(window)

    def emergency_erase(self, parent: QWidget | None = None) -> None:
        data_dir = self.controller.context.data_dir
        if not confirm_erase(parent, data_dir):
            return
        self._erase_and_close(parent, self.tr("The journal has been erased. The app will now close."))

    def _erase_and_close(self, parent, message: str) -> None:
        data_dir = self.controller.context.data_dir
        self.controller.lock(show_unlock=False)  # closes the database first
        self.erased_report = erase_everything(data_dir, self.controller.context.config_dir)
        inform(parent, message)
        self.controller.quit()

    # --- passphrase and key change (issue 19, item 1) -------------------------------------------------
    def change_passphrase(self) -> None:
        from ui.safety.passphrase_dialog import ChangePassphraseDialog

        session, window = self.controller.session, self.controller.main_window
        if session is None:
            return
        dialog = ChangePassphraseDialog(window)
        if not ask(dialog):
            return
        passphrase, rotate = dialog.take_passphrase(), dialog.rotate.isChecked()
        if rotate:
            self.start_rotation(passphrase)
        else:
            self.start_passphrase_change(passphrase)

    def start_passphrase_change(self, passphrase: str) -> None:
        window, kdf = self.controller.main_window, self.controller.context.kdf

        def done(_result) -> None:
            if self.host is not None:
                self.host.show_status(self.tr("Passphrase changed."), 8000)

        def failed(exc) -> None:
            from ui.common.ops import user_message

            inform(window, user_message(exc), warning=True)

        from ui.safety import ops

        ops.change_passphrase(window, self.controller.session, passphrase, kdf).success(done).failure(failed).run()

    def start_rotation(self, passphrase: str):
        from journal.errors import Cancelled

        from ui.common.ops import run_op, user_message
        from ui.safety.passphrase_dialog import rotation_label

        session, window, kdf = self.controller.session, self.controller.main_window, self.controller.context.kdf

        from ui.safety import ops

        work = ops.rotate_keys_work(session, passphrase, kdf)

        def done(result) -> None:
            show_recovery_code(window, result.recovery_code)
            self.controller.lock()

        def failed(exc) -> None:
            if isinstance(exc, Cancelled):
                inform(window, self.tr("The key change was cancelled. Nothing was changed."))
            else:
                inform(window, user_message(exc), warning=True)

        return run_op(window, work, done, failed, label=rotation_label(), cancellable=True)

    def _note_rotation_outcome(self, journal) -> None:
        outcome = getattr(journal, "rotation_outcome", None)
        if outcome == "finished":
            inform(self.controller.unlock_window, self.tr(
                "A key change was interrupted and has now been completed: the new passphrase is in force. "
                "Its recovery code may never have been shown: change the key again (Journal → Change "
                "passphrase…) to get one."))
        elif outcome == "rolled-back":
            inform(self.controller.unlock_window, self.tr(
                "A key change was interrupted before it took effect and has been undone: the old passphrase "
                "is still in force. Change the key again (Journal → Change passphrase…)."))

    # --- journal folder gone ------------------------------------------------------------------------
    def check_folder(self) -> bool:
        """True if the open journal's files are still there; otherwise say so clearly and lock."""
        session = self.controller.session
        if session is None:
            return True
        if journal_files(self.controller.context.data_dir)["keys"].exists():
            return True
        window = self.controller.built_main_window  # never build one just to say this
        self.controller.lock()
        inform(window, self.tr(
            "The journal folder {folder} is gone (removed, or the USB stick was pulled out). "
            "Nothing more can be saved there, so the journal has been locked. "
            "Put the folder back, or restore a backup.").format(folder=str(self.controller.context.data_dir)),
            warning=True)
        return False

    # --- backup ---------------------------------------------------------------------------------
    def back_up(self) -> None:
        session, window = self.controller.session, self.controller.main_window
        if session is None:
            return
        default = str(Path.home() / f"journal-backup-{dt.date.today().isoformat()}{BACKUP_SUFFIX}")
        path = choose_save_path(window, self.tr("Back up journal"), default,
                                self.tr("Journal backups (*{suffix})").format(suffix=BACKUP_SUFFIX))
        if path:
            self.start_backup(Path(path))

    def start_backup(self, path: Path):
        window = self.controller.main_window

        def done(report) -> None:
            self.host.show_status(self.tr("Backup written and checked (%n entries).", "", report.entries), 8000)
            self.update_reminder()

        return run_backup(window, self.controller.session, path, done)

    def restore(self) -> None:
        window = self.controller.main_window
        path = choose_file(window, self.tr("Restore from backup"), str(Path.home()),
                           self.tr("Journal backups (*{suffix});;All files (*)").format(suffix=BACKUP_SUFFIX))
        if not path:
            return
        folder = choose_folder(window, self.tr("Choose an empty folder for the restored journal"), str(Path.home()))
        if folder:
            self.start_restore(Path(path), Path(folder))

    def start_restore(self, backup: Path, folder: Path):
        window = self.controller.main_window

        def done(_manifest) -> None:
            answer = QMessageBox.question(window, APP_TITLE, self.tr(
                "The backup was restored into {folder}. Lock this journal and open the restored one?").format(
                folder=str(folder)))
            if answer == QMessageBox.StandardButton.Yes:
                self.controller.lock(show_unlock=False)
                self.controller.context.data_dir = folder
                self.controller.show_unlock()

        return run_restore(window, backup, folder, done)
