"""A tour of every kind of file dialog the app has, run in its own process (tests only).

    python tests/file_dialog_tour.py EVIDENCE_FOLDER [--unprotected | --fallback]

Every file dialog of the app is built by ui/common/file_dialogs.py (tests/test_gui_file_dialogs.py
enforces it): open one file, open several, save, choose a folder. Each is opened on the evidence
folder, a file or the folder in it is chosen and accepted, as a person would. Then the caller
scans HOME and the XDG folders for the folder's name (tests/test_gui_file_dialog_history.py,
tests/test_canary.py). A process of its own because where Qt keeps its settings is decided once
per process, and because HOME and XDG_CONFIG_HOME must point at the scanned folders.

--unprotected skips ui/common/file_dialogs.keep_qt_settings_off_disk (what the app did before),
so the test can show that the scan would see the leak; --fallback uses the restore-afterwards
way that Windows and macOS need, on this platform.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog

    from ui.common import file_dialogs

    evidence = Path(sys.argv[1])
    if "--unprotected" in sys.argv:
        file_dialogs._state["done"] = True
    elif "--fallback" in sys.argv:
        file_dialogs.keep_qt_settings_off_disk(redirect=False)
    app = QApplication([])
    photo = evidence / "photo.jpg"

    def answer(choose: Path | None) -> None:
        def run() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, QFileDialog):
                QTimer.singleShot(50, run)
                return
            if choose is not None:
                dialog.selectFile(str(choose))
            dialog.accept()
            if dialog.isVisible():
                dialog.done(QFileDialog.DialogCode.Accepted)
        QTimer.singleShot(300, run)

    results = []
    answer(photo)
    results.append(file_dialogs.choose_file(None, "Attach a file", str(evidence), "All files (*)"))
    answer(photo)
    results.append(file_dialogs.choose_files(None, "Attach files", str(evidence)))
    answer(evidence / "report.pdf")
    results.append(file_dialogs.choose_save_path(None, "Save report", str(evidence / "report.pdf"), "PDF (*.pdf)"))
    answer(None)
    results.append(file_dialogs.choose_folder(None, "Choose a folder", str(evidence)))
    app.processEvents()
    print(repr(results), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
