"""Dialogs of the attachment feature: import options, save a copy, file pickers.

File pickers are Qt's own (DontUseNativeDialog): native ones may record the
chosen files in the desktop's "recently used" list, which would reveal what
was attached to a journal on a seized laptop.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget,
)

from journal.records.attachments import Attachment
from journal.media.strip import can_clean

from ui.common.a11y import mark_hint
from ui.common import file_dialogs





def human_size(size: int) -> str:
    units = (QCoreApplication.translate("Attachments", "bytes"), QCoreApplication.translate("Attachments", "KB"),
             QCoreApplication.translate("Attachments", "MB"), QCoreApplication.translate("Attachments", "GB"))
    value = float(size)
    for index, unit in enumerate(units):
        if value < 1024 or index == len(units) - 1:
            return f"{int(value)} {unit}" if index == 0 else f"{value:.1f} {unit}"
        value /= 1024
    return str(size)


def choose_files(parent: QWidget | None) -> list[str]:
    """Files to attach; [] when cancelled."""
    return file_dialogs.choose_files(parent, QCoreApplication.translate("Attachments", "Attach files"), "", [
        QCoreApplication.translate(
            "Attachments", "Photos and images (*.jpg *.jpeg *.png *.heic *.heif *.webp *.gif *.tif *.tiff)"),
        QCoreApplication.translate("Attachments", "All files (*)")])


def choose_save_path(parent: QWidget | None, suggested_name: str) -> str | None:
    """Where to save a decrypted copy of an attachment; None when cancelled."""
    return file_dialogs.choose_save_path(
        parent, QCoreApplication.translate("Attachments", "Save a copy"), suggested_name)


class ImportOptionsDialog(QDialog):
    """Confirms an import from the Add button and offers to delete the originals."""

    def __init__(self, paths: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Attach files"))
        total = 0
        for path in paths:
            try:
                total += Path(path).stat().st_size
            except OSError:
                pass
        layout = QVBoxLayout(self)
        # self.tr, not translate(): lupdate marks translate(…, n) as numerus only for a literal n.
        summary = QLabel(self.tr("Attach %n file(s), {size} in all, to this entry. They are stored encrypted "
                                 "inside the journal.", "", len(paths)).format(size=human_size(total)))
        summary.setWordWrap(True)
        layout.addWidget(summary)
        self.delete_original = QCheckBox(self.tr("&Delete the originals after they are attached"))
        self.delete_original.setToolTip(self.tr("Overwrite each original file with random data, then delete it"))
        layout.addWidget(self.delete_original)
        note = QLabel(self.tr("The originals are overwritten once with random data and then deleted, only after "
                              "everything was stored. On SSDs, USB sticks and memory cards the drive may keep "
                              "copies of the old data in places the system cannot reach, so a forensic "
                              "examination may still recover them. Only full-disk encryption protects against "
                              "that."))
        note.setWordWrap(True)
        mark_hint(note)  # readable grey (>= 4.5:1), not a disabled label
        layout.addWidget(note)
        self.delete_original.setAccessibleDescription(note.text())  # the explanation is read with the box
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Attach"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())


class SaveCopyDialog(QDialog):
    """Before "save a copy": strip metadata (on by default), and say plainly what that does."""

    def __init__(self, attachment: Attachment, parent: QWidget | None = None,
                 findings: list[str] | None = None) -> None:
        super().__init__(parent)
        self.attachment = attachment
        self.findings = findings  # what a video, recording or document reveals (None: not read)
        # True while the panel reads the findings in the background (set_findings ends it).
        self.reading = False
        self.setWindowTitle(self.tr("Save a copy"))
        layout = QVBoxLayout(self)
        name = QLabel(self.tr("Save a copy of “{name}” ({size}) outside the journal.").format(
            name=attachment.file_name, size=human_size(attachment.size)))
        name.setWordWrap(True)
        layout.addWidget(name)
        self.strip = QCheckBox(self.tr("&Remove identifying metadata (location, camera, author, dates)"))
        self.strip.setChecked(True)
        layout.addWidget(self.strip)
        self.details = QLabel()
        self.details.setWordWrap(True)
        layout.addWidget(self.details)
        warning = QLabel(self.tr("The copy is NOT encrypted: anyone who can open the folder can read it. "
                                 "The original stays encrypted in the journal."))
        warning.setWordWrap(True)
        layout.addWidget(warning)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Choose where to save…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.strip.toggled.connect(self._update_details)
        self._update_details()
        self.resize(480, self.sizeHint().height())

    def start_reading(self) -> None:
        """The findings are being read in the background: say so instead of "nothing found"."""
        self.reading = True
        self._update_details()

    def set_findings(self, findings: list[str] | None) -> None:
        """What the file reveals, once read in the background (the dialog opens without it)."""
        self.findings = findings
        self.reading = False
        self._update_details()

    @property
    def cleanable(self) -> bool:
        return can_clean(self.attachment.media_type)

    def _update_details(self) -> None:
        if self.reading and self.findings is None and self.cleanable:
            self.details.setText(self.tr("Checking what this file reveals…"))
            self.details.setStyleSheet("")
            return
        self.details.setText(strip_explanation(self.attachment, self.strip.isChecked(), self.findings))
        self.strip.setAccessibleDescription(self.details.text())  # read with the box, kept current
        self.details.setStyleSheet("" if self.cleanable and self.strip.isChecked() else "color: #b3261e;")


def strip_explanation(attachment: Attachment, strip: bool, findings: list[str] | None = None) -> str:
    """One paragraph: what stripping would remove from this attachment, or why it cannot.
    findings: what a video, recording or document reveals (journal.media.findings), if read."""
    sensitive = findings or attachment.metadata.get("sensitive_fields") or []
    if not strip:
        if sensitive:
            return QCoreApplication.translate(
                "Attachments", "The copy will carry everything in the original, including: {fields}.").format(
                fields=", ".join(sensitive))
        return QCoreApplication.translate(
            "Attachments", "The copy will be identical to the original, with any metadata it carries.")
    if not can_clean(attachment.media_type):
        return QCoreApplication.translate(
            "Attachments", "Metadata in this type of file ({type}) cannot be removed: the copy keeps its author, "
            "dates, device and possibly location, exactly as in the original. A screenshot or photo "
            "of the document is safer to share.").format(type=attachment.media_type)
    if sensitive:
        return QCoreApplication.translate("Attachments", "Removed from the copy: {fields}.").format(
            fields=", ".join(sensitive))
    return QCoreApplication.translate("Attachments", "Nothing identifying was found; the copy is cleaned anyway.")
