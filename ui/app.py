"""Starting the app and moving between its states: first run, locked, unlocked.

`AppController` owns the windows and the session. `main()` is the
`incident-journal` launcher (and what `python main.py` calls).
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

import journal
from journal.storage.keyslots import DEFAULT_KDF, KdfParams
from journal.storage.paths import resolve_data_dir
from journal.storage.vault import journal_exists

from ui.common.resources import app_icon
from ui.common.i18n import resolve_language
from ui.common.settings import Settings, load_settings, save_settings

APP_NAME = "Incident Journal"


@dataclass
class AppContext:
    """What the app runs with. Tests set `kdf` to a cheap profile; users get DEFAULT_KDF."""

    data_dir: Path
    settings: Settings = field(default_factory=Settings)
    kdf: KdfParams = DEFAULT_KDF
    config_dir: Path | None = None  # None: journal.paths.config_dir()

    @property
    def default_timezone(self) -> str:
        from ui.common.fields import system_zone_name

        return self.settings.default_timezone or system_zone_name()


class AppController(QObject):
    """First run -> wizard; otherwise unlock window; unlocked -> main window; lock -> back."""

    unlocked = Signal()
    locked = Signal()

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.session = None
        self.wizard = None
        self.unlock_window = None
        self._main_window = None
        self._idle = None
        self._quitting = False
        from ui.common.wheel_guard import install_wheel_guard

        install_wheel_guard()  # before any window: no value changes from an unaimed wheel
        from ui.common.keyboard import install_keyboard_rules

        install_keyboard_rules()  # Tab leaves tables, Shift+F10, combo box names (ui/common/keyboard.py)
        from ui.lock_everywhere import LockKeyFilter

        self.lock_key = LockKeyFilter(self)  # Ctrl+L in any window, dialogs included
        self.lock_key.lock_requested.connect(self.lock)
        if QApplication.instance() is not None:
            QApplication.instance().installEventFilter(self.lock_key)
        from ui.safety.controller import FieldSafety

        self.safety = FieldSafety(self)  # lock triggers, tray, failed attempts, erase, backup

    # --- windows (created on first use: cold start only builds what it shows) ---
    @property
    def main_window(self):
        if self._main_window is None:
            from ui.main_window import MainWindow

            self._main_window = MainWindow()
            self._main_window.lock_requested.connect(self.lock)
            self._main_window.close_requested.connect(self.quit)
            self._main_window.settings_requested.connect(self.edit_settings)
            self._main_window.about_requested.connect(self._about)
            self.safety.attach_main(self._main_window.host)
            from ui.menus import arrange_menus  # after every feature has made its actions

            arrange_menus(self._main_window, self.safety)
            settings = self.context.settings
            self._main_window.restore_geometry_state(settings.window_geometry, settings.splitter_sizes)
        return self._main_window

    @property
    def built_main_window(self):
        """The main window if it was built already, else None (never builds one)."""
        return self._main_window

    @property
    def idle_watcher(self):
        if self._idle is None:
            from ui.idle import IdleWatcher

            self._idle = IdleWatcher(self.context.settings.auto_lock_minutes * 60_000, self)
            self._idle.idle.connect(self.lock)
        return self._idle

    def start(self) -> None:
        # What a killed duress unlock left to overwrite (journal/storage/erasing.py): behind.
        from journal.storage.erasing import finish_in_background

        finish_in_background(self.context.data_dir)
        if journal_exists(self.context.data_dir):
            self.show_unlock()
        else:
            self.show_wizard()

    def show_wizard(self, data_dir: Path | None = None) -> None:
        from ui.wizard import FirstRunWizard

        if data_dir is not None:
            self.context.data_dir = Path(data_dir)
        if self.unlock_window is not None:
            self.unlock_window.hide()
        self.wizard = FirstRunWizard(self.context.data_dir, self.context.kdf)
        self.wizard.setWindowIcon(app_icon())
        self.wizard.created.connect(lambda created: self._open_session(created.journal))
        self.wizard.rejected.connect(self._wizard_cancelled)
        self.wizard.restore_requested.connect(self._restore_after_travel)
        self.wizard.show()

    def _restore_after_travel(self) -> None:
        from ui.safety.travel_dialog import restore_after_travel

        restore_after_travel(self.wizard, self.context.data_dir, self._travel_restored)

    def _travel_restored(self, folder) -> None:
        self.context.data_dir = Path(folder)
        if self.wizard is not None:
            self.wizard.reject()  # a journal exists now: _wizard_cancelled shows the unlock window

    def _wizard_cancelled(self) -> None:
        self.wizard = None
        if journal_exists(self.context.data_dir):
            self.show_unlock()
        elif self.unlock_window is not None and journal_exists(self.unlock_window.data_dir):
            self.unlock_window.show()
        else:
            self.quit()

    def show_unlock(self) -> None:
        from ui.unlock import UnlockWindow

        if self.unlock_window is None:
            self.unlock_window = UnlockWindow(self.context.data_dir)
            self.unlock_window.unlocked.connect(self._open_session)
            self.unlock_window.folder_chosen.connect(self._folder_chosen)
            self.unlock_window.unlock_started.connect(self._prebuild_main_window)
            self.unlock_window.destroyed.connect(lambda *_: None)
            self.safety.attach_unlock(self.unlock_window)
        self.unlock_window.set_data_dir(self.context.data_dir)
        self.unlock_window.reset()
        self.safety.show_attempts(self.unlock_window)
        self.unlock_window.show()
        self.unlock_window.raise_()
        self.unlock_window.activateWindow()

    def _prebuild_main_window(self) -> None:
        """Build the (empty) main window while the worker derives the key (about 1 s), so that
        unlocking only has to fill it: with 100k entries that is what keeps it under 0.5 s."""
        from PySide6.QtGui import QAccessible

        if QAccessible.isActive():
            # A screen reader is listening. Building the window sends it about a thousand events
            # (names, parents, states of hidden widgets; Qt does not hold them back): Orca, its queue
            # past 100 ("DELUGE"), dropped everything for seconds, the wrong-passphrase notice among
            # them (heard in a real Orca session). Built after the unlock instead, when it is shown.
            return
        QTimer.singleShot(0, lambda: self.main_window)

    def _folder_chosen(self, folder: Path) -> None:
        if journal_exists(folder):
            self.context.data_dir = Path(folder)
            self.unlock_window.set_data_dir(folder)
            self.unlock_window.reset()
            return
        answer = QMessageBox.question(
            self.unlock_window, APP_NAME,
            self.tr("There is no journal in {folder}. Create a new journal there?").format(folder=str(folder)))
        if answer == QMessageBox.StandardButton.Yes:
            self.show_wizard(folder)

    # --- unlocked -----------------------------------------------------------------
    def _open_session(self, opened_journal) -> None:
        from ui.common.session import JournalSession

        self.wizard = None
        self.session = JournalSession(opened_journal, self)
        window = self.main_window
        self.session.error_parent = window  # writes without an error callback report there
        window.attach(self.session, self.context.default_timezone)
        if self.unlock_window is not None:
            self.unlock_window.hide()
        window.show()
        self.idle_watcher.set_interval(self.context.settings.auto_lock_minutes * 60_000)
        if self.context.settings.auto_lock_enabled:
            self.idle_watcher.start()
        self.lock_key.enabled = True
        self.unlocked.emit()

    def lock(self, show_unlock: bool = True) -> None:
        """Save the editor, close the journal, empty the windows, show the unlock window."""
        if self.session is None:
            return
        if self._idle is not None:
            self._idle.stop()
        self.lock_key.enabled = False
        window = self._main_window
        if window is not None:
            window.flush()  # the editor's text is saved; input in open dialogs is discarded below
        from ui.lock_everywhere import close_windows_for_lock

        close_windows_for_lock(keep=(window, self.unlock_window))
        if window is not None:
            self._remember_geometry(window)
            # Hidden before it is emptied: emptying a visible window moved focus from widget to
            # widget (editor, list...), each a focus event a screen reader spoke (issue 24, item 7).
            window.hide()
            window.detach()
        self.safety.before_lock()  # cancel exports/imports/backups, clear clipboard and caches
        session, self.session = self.session, None
        session.close()
        session.deleteLater()
        self.locked.emit()
        if show_unlock and not self._quitting:
            self.show_unlock()

    def _remember_geometry(self, window) -> None:
        state = window.geometry_state()
        settings = self.context.settings
        if (state["window_geometry"], state["splitter_sizes"]) != (settings.window_geometry, settings.splitter_sizes):
            self.context.settings = replace(settings, **state)
            try:
                save_settings(self.context.settings, self.context.config_dir)
            except OSError:
                pass  # a read-only config folder costs the window size, nothing else

    def quit(self) -> None:
        """Lock (saving what is typed) and leave."""
        self._quitting = True
        self.lock(show_unlock=False)
        for window in (self.unlock_window, self.wizard):
            if window is not None:
                window.hide()
        self.safety.tray.hide()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    # --- settings --------------------------------------------------------------------
    def edit_settings(self) -> None:
        from ui.common.fields import system_zone_name
        from ui.dialogs import SettingsDialog

        dialog = SettingsDialog(self.context.settings, system_zone_name(), self.main_window)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            chosen = dialog.settings()  # knows only its own fields: keep the safety ones
            before = resolve_language(self.context.settings.language)
            self.apply_settings(replace(self.context.settings, auto_lock_minutes=chosen.auto_lock_minutes,
                                        default_timezone=chosen.default_timezone, language=chosen.language))
            if resolve_language(chosen.language) != before:
                self.offer_restart_for_language()

    def offer_restart_for_language(self) -> None:
        """Every window is built in one language; a new one takes a restart, offered now."""
        box = QMessageBox(QMessageBox.Icon.Question, APP_NAME, self.tr(
            "The new language is used after the app restarts. Restart now? The journal is locked first "
            "(everything typed is saved); you unlock it again in the new language."),
            QMessageBox.StandardButton.NoButton, self._main_window)
        restart = box.addButton(self.tr("&Restart now"), QMessageBox.ButtonRole.AcceptRole)
        later = box.addButton(self.tr("&Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(later)
        box.exec()
        if box.clickedButton() is restart:
            self.restart()

    def restart(self) -> None:
        """Lock (saving), start a new copy of the app with the same arguments, and quit."""
        from PySide6.QtCore import QProcess

        # A frozen build is its own executable; otherwise run this module with the same Python
        # (sys.argv[0] may be main.py, a console script or a Windows launcher).
        args = list(sys.argv[1:]) if getattr(sys, "frozen", False) else ["-m", "ui.app", *sys.argv[1:]]
        self.quit()
        QProcess.startDetached(sys.executable, args)

    def apply_settings(self, settings: Settings) -> None:
        self.context.settings = settings
        save_settings(settings, self.context.config_dir)
        if self._idle is not None:
            self._idle.set_interval(settings.auto_lock_minutes * 60_000)
            if not settings.auto_lock_enabled:
                self._idle.stop()
            elif self.session is not None and not self._idle.active:
                self._idle.start()
        self.safety.apply_settings()
        if self._main_window is not None:
            self._main_window.set_default_timezone(self.context.default_timezone)

    def _about(self) -> None:
        from ui.dialogs import show_about

        show_about(self._main_window)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="incident-journal", description="Incident Journal desktop app")
    parser.add_argument("--data-dir", help="journal folder (default: $JOURNAL_HOME or the user data folder)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {journal.__version__}")
    # For tests and bench/: print the time to the first window, then quit cleanly.
    parser.add_argument("--quit-when-ready", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from journal.hardening import harden_process

    harden_process()  # no core dumps of the decrypted journal
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("incident-journal")
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(journal.__version__)
    app.setDesktopFileName("incident-journal")
    app.setWindowIcon(app_icon())
    context = AppContext(resolve_data_dir(args.data_dir), load_settings())
    from ui.common.i18n import install_translations

    install_translations(app, context.settings.language)  # before any window: tr() reads it at creation
    # Qt appends the display name to every window title ("Locked — Журнал инцидентов"): it must be
    # the translated name, or Russian titles read "Журнал инцидентов — Incident Journal".
    app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", APP_NAME))
    controller = AppController(context)

    # Ctrl+C / SIGTERM lock (saving the editor) and quit instead of dying mid-write.
    signal.signal(signal.SIGINT, lambda *_: controller.quit())
    signal.signal(signal.SIGTERM, lambda *_: controller.quit())
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: None)  # lets Python run its signal handlers
    heartbeat.start(250)

    controller.start()
    if args.quit_when_ready:
        def ready() -> None:
            shown = [w for w in app.topLevelWidgets() if w.isVisible()]
            print(f"ready {time.perf_counter() - started:.3f}s {type(shown[0]).__name__ if shown else '-'}",
                  flush=True)
            controller.quit()

        QTimer.singleShot(0, ready)
    code = app.exec()
    controller.lock(show_unlock=False)
    return code


if __name__ == "__main__":
    sys.exit(main())
