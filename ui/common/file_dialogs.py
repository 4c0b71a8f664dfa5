"""Every file dialog of the app, built in one place: always Qt's own dialog, never the desktop's.

Native dialogs (GTK, the KDE portal, Windows) record the chosen file or folder
in the desktop's "recent files" list (GTK's ~/.local/share/recently-used.xbel,
Windows' Recent Items): a trace of a journal folder, a backup or a report on a
laptop that may be seized. Qt's own dialog records nothing outside the app, once its own history is kept from disk:

Qt's dialog saves its state with QSettings(UserScope, "QtProject") when it closes: on Linux
~/.config/QtProject.conf gets `history=` and `lastVisited=` (the evidence folder, as a
percent-encoded file URL), `shortcuts=` and more (issue 19, item 10). So before the first dialog
the user-scope location of native-format settings is pointed into a path that can never be
created (under the null device, a file): every save fails quietly and nothing is written or
read. The app keeps its own settings in JSON (ui/common/settings.py) and uses no QSettings, so
nothing else is affected. On Windows and macOS native settings are the registry and
CFPreferences, which Qt cannot redirect: there the dialog's keys are put back as they were
before the app's first dialog each time a dialog closes (docs/security.md says what remains).
tests/test_gui_file_dialogs.py checks that no other module creates a QFileDialog, and
tests/test_gui_file_dialog_history.py that nothing is written.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

QT_ORGANISATION = "QtProject"
QT_GROUP = "FileDialog"
#: Where Qt's user-scope settings are sent on Linux and other Unix desktops: a folder inside
#: the null device (a file), which nobody, root included, can create.
NOWHERE = os.path.join(os.devnull, "incident-journal-keeps-no-qt-settings")
_state: dict = {"done": False, "redirected": False, "snapshot": None}


def can_redirect() -> bool:
    """True where Qt's native settings format is a file whose folder can be chosen."""
    return not (sys.platform == "win32" or sys.platform == "darwin")


def keep_qt_settings_off_disk(*, redirect: bool | None = None) -> None:
    """Once per process, before any file dialog: Qt's own history goes nowhere."""
    if _state["done"]:
        return
    _state["done"] = True
    if can_redirect() if redirect is None else redirect:
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, NOWHERE)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, NOWHERE)
        _state["redirected"] = True
    else:
        settings = QSettings(QSettings.Scope.UserScope, QT_ORGANISATION)
        settings.beginGroup(QT_GROUP)
        _state["snapshot"] = {key: settings.value(key) for key in settings.childKeys()}


def _restore_qt_settings() -> None:
    """Where Qt could not be redirected: the dialog's keys back to what they were before."""
    if _state["redirected"] or _state["snapshot"] is None:
        return
    settings = QSettings(QSettings.Scope.UserScope, QT_ORGANISATION)
    settings.beginGroup(QT_GROUP)
    for key in settings.childKeys():
        if key not in _state["snapshot"]:
            settings.remove(key)
    for key, value in _state["snapshot"].items():
        settings.setValue(key, value)
    settings.endGroup()
    settings.sync()


def make_file_dialog(parent: QWidget | None, caption: str, directory: str = "",
                     name_filters: list[str] | None = None) -> QFileDialog:
    """A QFileDialog that is Qt's own (DontUseNativeDialog): nothing lands in recently-used lists."""
    keep_qt_settings_off_disk()
    dialog = QFileDialog(parent, caption, directory)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    if not _state["redirected"]:
        # Its destructor saves the history once more; `destroyed` is emitted after that.
        dialog.destroyed.connect(lambda *_args: _restore_qt_settings())
    if name_filters:
        # Accept Qt's "A (*.a);;B (*)" form too, as the static QFileDialog functions do.
        dialog.setNameFilters([part for f in name_filters for part in f.split(";;") if part])
    return dialog


def patterns_of(name_filter: str) -> list[str]:
    """'Images (*.jpg *.png)' -> ['*.jpg', '*.png']; a filter without parentheses is its own patterns."""
    inside = name_filter[name_filter.rfind("(") + 1:name_filter.rfind(")")] if "(" in name_filter else name_filter
    return [p for p in inside.split() if p]


def excluded_by_filter(paths: list[str], name_filter: str) -> list[str]:
    """The chosen files the dialog's current filter does not show (a name typed by hand)."""
    import fnmatch

    patterns = patterns_of(name_filter)
    if not patterns:
        return []
    return [p for p in paths if os.path.isfile(p)
            and not any(fnmatch.fnmatch(os.path.basename(p).lower(), pat.lower()) for pat in patterns)]


def _run(dialog: QFileDialog) -> list[str]:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    try:
        while True:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            files = dialog.selectedFiles() if accepted else []
            opening = dialog.fileMode() in (QFileDialog.FileMode.ExistingFile, QFileDialog.FileMode.ExistingFiles)
            excluded = excluded_by_filter(files, dialog.selectedNameFilter()) if opening and files else []
            if not excluded:
                break
            # A name typed by hand that the filter excludes used to close the dialog and do nothing.
            QMessageBox.information(
                dialog.parentWidget() or dialog, dialog.windowTitle(),
                QCoreApplication.translate(
                    "FileDialogs", "“{name}” is not a kind of file this can open ({kinds}). Choose another "
                    "file, or a different choice under “Files of type”.").format(
                    name=os.path.basename(excluded[0]), kinds=dialog.selectedNameFilter()))
    finally:
        # Qt saved the dialog's history when it closed; where that could not be redirected, it is
        # put back now (and again when the dialog is destroyed, which saves it once more).
        _restore_qt_settings()
    return files


def choose_files(parent: QWidget | None, caption: str, directory: str = "",
                 name_filters: list[str] | None = None) -> list[str]:
    """Existing files to open; [] when cancelled."""
    dialog = make_file_dialog(parent, caption, directory, name_filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _run(dialog)


def choose_file(parent: QWidget | None, caption: str, directory: str = "",
                name_filter: str | None = None) -> str | None:
    """One existing file to open; None when cancelled."""
    dialog = make_file_dialog(parent, caption, directory, [name_filter] if name_filter else None)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    files = _run(dialog)
    return files[0] if files else None


def choose_save_path(parent: QWidget | None, caption: str, suggested: str = "",
                     name_filter: str | None = None) -> str | None:
    """Where to write a new file (`suggested` is a name or a full path); None when cancelled."""
    dialog = make_file_dialog(parent, caption, "", [name_filter] if name_filter else None)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    if suggested:
        dialog.selectFile(suggested)
    files = _run(dialog)
    return files[0] if files else None


def choose_folder(parent: QWidget | None, caption: str, directory: str = "") -> str | None:
    """An existing folder; None when cancelled."""
    dialog = make_file_dialog(parent, caption, directory)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    files = _run(dialog)
    return files[0] if files else None
