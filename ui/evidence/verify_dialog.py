"""Reports ▸ Verify evidence package…: open a package (a ZIP file or a folder), check it in the
background (journal/evidence/verify.py, the same check as `journal evidence verify`) and list
what holds and what does not, failures first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from journal.evidence import Verdict, verify_package
from ui.common import file_dialogs
from ui.common.ops import run_op, scaled_progress, user_message


class VerifyDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.op = None
        self.verdict: Verdict | None = None
        self.setWindowTitle(self.tr("Verify evidence package"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Checks every file's SHA-256, the coordinator's and the documenters' signatures, "
                               "and each entry's revision chain. It proves the package is unchanged since it "
                               "was made, not that what it shows is true."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.summary = QLabel(self.tr("Open a package to check it."))
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Result"))
        layout.addWidget(self.summary)
        self.checks = QListWidget()
        self.checks.setAccessibleName(self.tr("Checks"))
        self.checks.setWordWrap(True)
        self.checks.setMinimumSize(560, 220)
        layout.addWidget(self.checks, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.zip_button = QPushButton(self.tr("Open a &ZIP file…"))
        self.folder_button = QPushButton(self.tr("Open a &folder…"))
        self.buttons.addButton(self.zip_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.zip_button.setDefault(True)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)
        self.zip_button.clicked.connect(self.choose_zip)
        self.folder_button.clicked.connect(self.choose_folder)
        self.resize(self.sizeHint().expandedTo(QSize(760, 520)))

    def choose_zip(self) -> None:
        path = file_dialogs.choose_file(self, self.tr("Verify evidence package"), "", self.tr("ZIP files (*.zip)"))
        if path:
            self.check(Path(path))

    def choose_folder(self) -> None:
        path = file_dialogs.choose_folder(self, self.tr("Verify evidence package"))
        if path:
            self.check(Path(path))

    def check(self, path: Path) -> None:
        """Check the package at `path` in the background (tests call this directly)."""
        self.checks.clear()
        self.summary.setText(self.tr("Checking {name}…").format(name=path.name))
        self.op = run_op(self, lambda ctx: verify_package(path, progress=scaled_progress(ctx), cancel=ctx.cancelled),
                         self._done, self._failed, label=self.tr("Checking the evidence package…"),
                         cancellable=True)

    def _done(self, verdict: Verdict) -> None:
        self.verdict = verdict
        for check in sorted(verdict.checks, key=lambda c: c.ok):
            mark = "✓" if check.ok else "✗"
            item = QListWidgetItem(f"{mark} {check.text}")
            item.setToolTip(check.text)
            self.checks.addItem(item)
        if verdict.ok:
            self.summary.setText(self.tr("<b>The package holds.</b> Compare the coordinator's key SHA-256 "
                                         "{key} with the one the coordinator gives you.").format(
                key=verdict.key_sha256))
        else:
            count = len(verdict.problems)
            self.summary.setText(self.tr("<b>The package does NOT hold.</b> Checks failed: %n", "", count))
        self.summary.setStyleSheet("" if verdict.ok else "color: #a01818;")
        self.checks.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(self.tr("Not checked: {reason}").format(reason=user_message(exc)))
