"""A tour of the real app that opens every file dialog it has, in its own process (tests only).

    python tests/gui_file_dialog_tour.py DATA_DIR CONFIG_DIR EVIDENCE_FOLDER

The app is started and unlocked, then every menu action that leads to a file dialog is
triggered as a person would: Open another journal folder (unlock window), Back up journal,
Restore from backup, Attach files, Save a copy, Import bundles, Import a folder of bundles,
Send to coordinator (Browse…), My card (Save card file…), Add coordinator (Open card file…),
Export report (Export…). A responder answers whatever modal window appears: a file dialog is
taken to the evidence folder and answered (a file chosen, saved there, or, for folder choices
that would move the journal, cancelled: Qt records its history either way); a dialog that
leads to a file dialog has that button pressed first, then is closed; message boxes are
dismissed. Prints one line per file dialog seen ("dialog <title>") and "done".
Used by tests/test_canary.py::test_no_canary_after_a_gui_tour_of_every_file_dialog.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: Methods of a dialog (or of a widget inside it) that open a file dialog, in the app's code.
OPENERS = ("save_file", "_browse", "choose_file", "_open_file")
ACTIONS = ("Back up journal…", "Restore from backup…", "Attach files…", "Import bundles…",
           "Import a folder of bundles…", "Send to coordinator…", "My card…",
           "Export report…")


def main() -> int:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

    from conftest import FAST_KDF, PASSPHRASE
    from ui.app import AppContext, AppController
    from ui.common.settings import Settings

    data_dir, config_dir, evidence = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    app = QApplication([])
    seen: list[str] = []
    # Ids of windows already handled. The windows themselves are kept too: a closed dialog's
    # Python wrapper would otherwise be freed and its id() reused by the next dialog, which the
    # responder then took for one it had handled and left open (the tour hung on CI).
    opened: set[int] = set()
    answered: set[int] = set()
    handled: list[object] = []

    def answer_file_dialog(dialog: QFileDialog) -> None:
        if id(dialog) in answered:
            # Shown again: the file the tour chose is not of the dialog's type ("photo.jpg" as a
            # backup); the app said so and asks again. A person would now choose another file.
            dialog.done(QDialog.DialogCode.Rejected)
            return
        answered.add(id(dialog))
        handled.append(dialog)
        seen.append(dialog.windowTitle())
        print("dialog", dialog.windowTitle(), flush=True)
        dialog.setDirectory(str(evidence))
        if dialog.fileMode() == QFileDialog.FileMode.Directory:
            dialog.done(QDialog.DialogCode.Rejected)  # choosing it would move the journal
            return
        if dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave:
            name = Path(dialog.selectedFiles()[0]).name if dialog.selectedFiles() else "out.bin"
            dialog.selectFile(str(evidence / (name or "out.bin")))
        else:
            dialog.selectFile(str(evidence / "photo.jpg"))
        dialog.accept()
        if dialog.isVisible():
            dialog.done(QDialog.DialogCode.Rejected)

    def respond() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            # A dialog shown without exec (the report dialog) is answered the same way.
            widget = next((w for w in QApplication.topLevelWidgets()
                           if isinstance(w, QDialog) and w.isVisible() and id(w) not in opened), None)
        if widget is None:
            return
        if isinstance(widget, QFileDialog):
            answer_file_dialog(widget)
        elif isinstance(widget, QMessageBox):
            widget.done(QMessageBox.StandardButton.Cancel)
        elif isinstance(widget, QDialog):
            if id(widget) in opened:
                return
            opened.add(id(widget))
            handled.append(widget)
            if type(widget).__name__ == "SaveCopyDialog":  # its OK leads to the file dialog
                widget.accept()
                return
            for holder in [widget, *widget.findChildren(object)]:
                for name in OPENERS:
                    method = getattr(holder, name, None)
                    if callable(method):
                        def run(method=method, widget=widget) -> None:
                            try:
                                method()
                            finally:
                                QTimer.singleShot(0, lambda: widget.done(QDialog.DialogCode.Rejected))
                        QTimer.singleShot(0, run)
                        return
            widget.done(QDialog.DialogCode.Rejected)

    def give_up() -> None:  # a window nobody answers: say which, rather than hang the test run
        modal = QApplication.activeModalWidget()
        print("stuck", type(modal).__name__, modal.windowTitle() if modal else "", flush=True)
        os._exit(3)

    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(give_up)
    watchdog.start(240_000)

    responder = QTimer()
    responder.timeout.connect(respond)
    responder.start(100)

    def settle(seconds: float = 1.5) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end or QApplication.activeModalWidget() is not None:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            if time.monotonic() > end + 20:
                break

    controller = AppController(AppContext(data_dir, Settings(), FAST_KDF, config_dir))
    controller.start()
    controller.unlock_window._choose_folder()  # "Open another journal folder…"
    settle(0.5)
    controller.unlock_window.field.setText(PASSPHRASE)
    controller.unlock_window.unlock_button.click()
    end = time.monotonic() + 30
    while controller.session is None and time.monotonic() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    window = controller.main_window
    window.show()
    window.table.selectRow(0)
    settle(1)
    actions = {a.text().replace("&", ""): a for a in window.findChildren(QAction)}
    for text in ACTIONS:
        action = actions.get(text)
        if action is None or not action.isEnabled():
            print("missing", text, flush=True)
            continue
        action.trigger()
        settle()
    # Buttons and panel actions that are not in the menus.
    from PySide6.QtWidgets import QPushButton

    from ui.attachments.panel import AttachmentsPanel

    for panel in window.findChildren(AttachmentsPanel):
        if panel.strip.count():
            panel.strip.setCurrentRow(0)
            panel.save_action.trigger()  # "Save a copy…"
            settle()
    for button in [w for w in QApplication.allWidgets() if isinstance(w, QPushButton)]:
        if button.text().replace("&", "") == "Add coordinator…":
            button.click()
            settle()
            break
    controller.lock()
    settle(0.5)
    controller.quit()
    print("done", len(seen), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
