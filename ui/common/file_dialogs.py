"""Every file dialog of the app, built in one place: always Qt's own dialog, never the desktop's.

Native dialogs (GTK, the KDE portal, Windows) record the chosen file or folder
in the desktop's "recent files" list (GTK's ~/.local/share/recently-used.xbel,
Windows' Recent Items): a trace of a journal folder, a backup or a report on a
laptop that may be seized. Qt's own dialog records nothing outside the app.
tests/test_gui_file_dialogs.py checks that no other module creates a QFileDialog.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget


def make_file_dialog(parent: QWidget | None, caption: str, directory: str = "",
                     name_filters: list[str] | None = None) -> QFileDialog:
    """A QFileDialog that is Qt's own (DontUseNativeDialog): nothing lands in recently-used lists."""
    dialog = QFileDialog(parent, caption, directory)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    if name_filters:
        # Accept Qt's "A (*.a);;B (*)" form too, as the static QFileDialog functions do.
        dialog.setNameFilters([part for f in name_filters for part in f.split(";;") if part])
    return dialog


def _run(dialog: QFileDialog) -> list[str]:
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return []
    return dialog.selectedFiles()


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
