"""The real app on a real X server, driven through stdin (tests/test_x11_selection.py only).

    DISPLAY=:N python tests/x11_selection_app.py DATA_DIR CONFIG_DIR

Commands, one per line; each answers one line on stdout when done:
    select-title    open the first entry, double-click its title (X11 exports the selection)
    lock            Ctrl+L, as a person would
    select-secret   in the unlock window, recovery mode: type a code and double-click it
    quit            leave the app (Journal → Quit)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ["QT_QPA_PLATFORM"] = "xcb"

CODE = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567"


def main() -> int:
    from PySide6.QtCore import QEventLoop, QSocketNotifier, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from conftest import FAST_KDF, PASSPHRASE
    from ui.app import AppContext, AppController
    from ui.common.settings import Settings

    app = QApplication([])
    context = AppContext(Path(sys.argv[1]), Settings(), FAST_KDF, Path(sys.argv[2]))
    controller = AppController(context)
    controller.start()

    def wait_until(check, ms=15_000) -> bool:
        loop_timer = QTimer()
        loop_timer.setSingleShot(True)
        loop_timer.start(ms)
        while not check() and loop_timer.isActive():
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        return check()

    window = controller.unlock_window
    window.field.setText(PASSPHRASE)
    window.unlock_button.click()
    assert wait_until(lambda: controller.session is not None), "unlock failed"
    print("unlocked", flush=True)

    def drag(widget) -> None:
        """Select by dragging the mouse across the text, as a person does (X11 exports on release)."""
        from PySide6.QtCore import QPoint

        y = widget.rect().center().y()
        QTest.mousePress(widget, Qt.MouseButton.LeftButton, pos=QPoint(2, y))
        QTest.mouseMove(widget, QPoint(widget.rect().width() - 2, y))
        widget.selectAll()  # the move above may not reach the end of the text on every style
        QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=QPoint(widget.rect().width() - 2, y))
        app.processEvents()

    def say(text: str) -> None:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()

    def command() -> None:
        line = sys.stdin.readline().strip()
        if line == "select-title":
            main_window = controller.main_window
            main_window.show()
            main_window.table.selectRow(0)
            wait_until(lambda: main_window.editor.title.text() != "")
            title = main_window.editor.title
            QTest.qWaitForWindowExposed(main_window)
            title.setFocus()
            drag(title)
            say("selected " + title.selectedText())
        elif line == "lock":
            # What Ctrl+L triggers (a key event needs an active window, which Xvfb without a
            # window manager does not give).
            controller.main_window.lock_action.trigger()
            wait_until(lambda: controller.session is None)
            app.processEvents()
            say("locked" if controller.session is None else "still-open")
        elif line == "select-secret":
            unlock_window = controller.unlock_window
            unlock_window.show()
            if not unlock_window.recovery_mode:
                unlock_window._toggle_mode()
            field = unlock_window.field
            field.setText(CODE)
            QTest.qWaitForWindowExposed(unlock_window)
            field.setFocus()
            drag(field)
            say("secret-selected " + field.selectedText())
        elif line == "quit" or not line:
            say("quitting")
            controller.quit()
            app.quit()

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(command)
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
