"""First run: what the app is, a passphrase, a name, then the recovery code.

Creating the journal (Argon2id, about a second with the defaults) runs on a
worker through run_op; the page shows a busy bar meanwhile. The KDF cost is
the wizard's `kdf` argument: users always get DEFAULT_KDF, tests pass a
cheap profile explicitly.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QProgressBar, QPushButton, QVBoxLayout, QWidget,
    QWizard, QWizardPage,
)

from journal.storage.keyslots import DEFAULT_KDF, KdfParams
from journal.storage.vault import MIN_PASSPHRASE_LENGTH, CreatedJournal, Journal

from ui.common.clipboard import copy_secret
from ui.common.ops import run_op, user_message
from ui.common.secret_field import SecretField
from ui.common.strength import estimate


# Red to green; readable on light and dark palettes.
METER_COLORS = ("#c62828", "#e65100", "#f9a825", "#2e7d32", "#1b5e20")


class IntroPage(QWizardPage):
    # "Restore after travel…": the journal comes back from its travel package instead.
    restore_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to Incident Journal"))
        layout = QVBoxLayout(self)
        text = QLabel(self.tr(
            "<p>Incident Journal keeps your notes on detentions, violence and other incidents "
            "on this computer, encrypted with a passphrase only you know.</p>"
            "<p>If the laptop is seized, stolen or searched, nothing in the journal can be read without "
            "the passphrase: not the entries, not the photos, not even their titles. "
            "Lock it with Ctrl+L; it also locks itself when you are away.</p>"
            "<p>The next steps: choose a passphrase, name the journal, and write down a recovery code.</p>"))
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(text)
        layout.addStretch(1)
        travel = QLabel(self.tr("Back from a journey with a travel package?"))
        travel.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("&Restore after travel…"))
        self.restore_button.setAutoDefault(False)
        self.restore_button.clicked.connect(self.restore_requested)
        row = QHBoxLayout()
        row.addWidget(travel, 1)
        row.addWidget(self.restore_button)
        layout.addLayout(row)


class PassphrasePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Choose a passphrase"))
        self.setSubTitle(self.tr("Several unrelated words are easy to remember and hard to guess. "
                                 "Nobody can recover the journal without it or the recovery code."))
        layout = QFormLayout(self)
        self.first = SecretField()
        self.first.setAccessibleName(self.tr("Passphrase"))
        self.second = SecretField()
        self.second.setAccessibleName(self.tr("Passphrase again"))
        self.show_box = QCheckBox(self.tr("Show passphrase"))
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(True)
        self.meter.setFormat("")
        self.meter.setToolTip(self.tr("Estimated strength against guessing (zxcvbn)"))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.accept_weak = QCheckBox(self.tr("I understand; use this weak passphrase anyway"))
        self.accept_weak.setVisible(False)
        layout.addRow(self.tr("&Passphrase:"), self.first)
        layout.addRow(self.tr("&Again:"), self.second)
        layout.addRow("", self.show_box)
        layout.addRow(self.tr("Strength:"), self.meter)
        layout.addRow("", self.hint)
        layout.addRow("", self.accept_weak)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self.accept_weak.toggled.connect(self.completeChanged)
        self.show_box.toggled.connect(self._toggle_echo)
        self._weak = True

    def _toggle_echo(self, show: bool) -> None:
        self.first.set_revealed(show)  # on screen only: the accessibility bus still gets the count
        self.second.set_revealed(show)

    def _update(self) -> None:
        text = self.first.text()
        strength = estimate(text)
        self._weak = strength.weak or len(text) < MIN_PASSPHRASE_LENGTH
        self.meter.setValue(strength.score if text else 0)
        levels = (self.tr("Very weak"), self.tr("Weak"), self.tr("Fair"), self.tr("Strong"), self.tr("Very strong"))
        self.meter.setFormat(levels[strength.score] if text else "")
        palette = self.meter.palette()
        palette.setColor(QPalette.ColorRole.Highlight, QColor(METER_COLORS[strength.score]))
        self.meter.setPalette(palette)
        hints = []
        if text and len(text) < MIN_PASSPHRASE_LENGTH:
            hints.append(self.tr("Use at least %n characters.", "", MIN_PASSPHRASE_LENGTH))
        elif text and strength.weak:
            hints.append(self.tr("This passphrase is weak: someone with the laptop could guess it."))
            from ui.common.i18n import strength_hint  # zxcvbn speaks English only

            if strength.warning:
                hints.append(strength_hint(strength.warning))
            hints.extend(strength_hint(s) for s in strength.suggestions[:1])
        if self.second.text() and self.second.text() != text:
            hints.append(self.tr("The two passphrases are different."))
        self.hint.setText(" ".join(hints))
        self.accept_weak.setVisible(bool(text) and strength.weak and len(text) >= MIN_PASSPHRASE_LENGTH)
        if not self.accept_weak.isVisible():
            self.accept_weak.setChecked(False)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        text = self.first.text()
        if len(text) < MIN_PASSPHRASE_LENGTH or text != self.second.text():
            return False
        return not self._weak or self.accept_weak.isChecked()

    def passphrase(self) -> str:
        return self.first.text()

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()
        self.accept_weak.setChecked(False)


class NamePage(QWizardPage):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Name the journal"))
        self.setSubTitle(self.tr("This name is private: it is stored inside the encrypted journal and shown "
                                 "only once it is unlocked."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create journal"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit(self.tr("My journal"))
        form.addRow(self.tr("&Name:"), self.name)
        layout.addLayout(form)
        self.not_public = QLabel(self.tr(
            "It is not on your contact card or in bundles. The name coordinators see is chosen separately, "
            "when you first show your card or send a bundle."))
        self.not_public.setWordWrap(True)
        self.name.setAccessibleDescription(self.not_public.text())
        layout.addWidget(self.not_public)
        self.folder = QLabel(self.tr("It will be saved in {folder}").format(folder=str(data_dir)))
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        small = QFont(self.folder.font())
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.folder.setFont(small)
        layout.addWidget(self.folder)
        layout.addStretch(1)
        self.busy_label = QLabel(self.tr("Creating the journal and deriving its key… this takes a few seconds."))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #d32f2f;")
        for widget in (self.busy_label, self.busy, self.error):
            widget.setVisible(False)
            layout.addWidget(widget)
        self.working = False

    def set_working(self, working: bool) -> None:
        self.working = working
        self.busy_label.setVisible(working)
        self.busy.setVisible(working)
        self.name.setEnabled(not working)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.working

    def validatePage(self) -> bool:
        wizard: FirstRunWizard = self.wizard()  # type: ignore[assignment]
        if wizard.result_journal is not None:
            return True
        if not self.working:
            wizard.start_creation()
        return False


class RecoveryPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Write down your recovery code"))
        self.setSubTitle(self.tr("If you forget the passphrase, this code is the only way back into the journal. "
                                 "It is shown only now. Keep it on paper, away from the laptop."))
        layout = QVBoxLayout(self)
        self.code = QLabel()
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(mono.pointSizeF(), 9.0) * 1.5)
        mono.setBold(True)
        self.code.setFont(mono)
        self.code.setWordWrap(True)
        self.code.setAccessibleName(self.tr("Recovery code"))
        layout.addStretch(1)
        layout.addWidget(self.code)
        row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setToolTip(self.tr("Copy to the clipboard (cleared again after a minute)"))
        self.print_button = QPushButton(self.tr("&Print…"))
        row.addStretch(1)
        row.addWidget(self.copy_button)
        row.addWidget(self.print_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.confirm = QCheckBox(self.tr("I have written it down"))
        layout.addWidget(self.confirm)
        self.confirm.toggled.connect(self.completeChanged)
        self.copy_button.clicked.connect(lambda: copy_secret(self.code.text()))
        self.print_button.clicked.connect(self._print)

    def isComplete(self) -> bool:
        return self.confirm.isChecked() and bool(self.code.text())

    def _print(self) -> None:
        """Print on paper only. With no printer set up, Qt offers only "print to file", which
        would leave the recovery code as a plain PDF on disk (once: ~/print.pdf): say so and ask,
        with Cancel as the default."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo

        if not QPrinterInfo.availablePrinterNames() and not self._confirm_unencrypted_file(self.tr(
                "No printer is set up on this computer, so printing can only write the recovery code "
                "into a PDF file. That file is not encrypted: anyone who gets this laptop can read the "
                "code in it and open your journal.\n\nWrite the code down by hand instead, or save "
                "the file only on a stick you keep apart from the laptop.")):
            return
        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat or printer.outputFileName():
            if not self._confirm_unencrypted_file(self.tr(
                    "This writes the recovery code unencrypted into the file {file}. Anyone who can read "
                    "that file can open your journal. Write it anyway?").format(
                        file=printer.outputFileName() or self.tr("(a PDF file)"))):
                return
        doc = QTextDocument()
        doc.setPlainText(self.tr("Incident Journal recovery code:") + "\n\n" + self.code.text())
        doc.print_(printer)

    def _confirm_unencrypted_file(self, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Recovery code in a file"), text,
                          QMessageBox.StandardButton.Cancel, self)
        write = box.addButton(self.tr("Write the file anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is write


class FirstRunWizard(QWizard):
    """Emits `created(CreatedJournal)` when the person confirms the recovery code."""

    created = Signal(object)
    # The person chose "Restore after travel…" on the first page.
    restore_requested = Signal()

    def __init__(self, data_dir: Path, kdf: KdfParams = DEFAULT_KDF, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.kdf = kdf
        self.result_journal: CreatedJournal | None = None
        self.setWindowTitle(self.tr("New journal"))  # Qt adds " — <app name>"
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.intro = IntroPage()
        self.intro.restore_requested.connect(self.restore_requested)
        self.passphrase_page = PassphrasePage()
        self.name_page = NamePage(self.data_dir)
        self.recovery_page = RecoveryPage()
        for page in (self.intro, self.passphrase_page, self.name_page, self.recovery_page):
            self.addPage(page)
        self.setMinimumSize(620, 460)

    def start_creation(self) -> None:
        passphrase = self.passphrase_page.passphrase()
        name = self.name_page.name.text().strip()
        data_dir, kdf = self.data_dir, self.kdf
        self.name_page.error.setVisible(False)
        self.name_page.set_working(True)
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        run_op(self, lambda _ctx: Journal.create(data_dir, passphrase, name, kdf=kdf),
               self._creation_done, self._creation_failed, show_dialog=False)

    def _creation_done(self, created: CreatedJournal) -> None:
        self.result_journal = created
        self.passphrase_page.clear()
        self.name_page.set_working(False)
        self.recovery_page.code.setText(created.recovery_code)
        self.next()

    def _creation_failed(self, exc: BaseException) -> None:
        self.name_page.set_working(False)
        self.button(QWizard.WizardButton.BackButton).setEnabled(True)
        self.name_page.error.setText(user_message(exc))
        self.name_page.error.setVisible(True)

    def accept(self) -> None:
        created = self.result_journal
        if created is None:
            return
        self.recovery_page.code.clear()  # the code is shown once, then gone from the widgets
        self.result_journal = None
        super().accept()
        self.created.emit(created)

    def reject(self) -> None:
        if self.result_journal is not None or self.name_page.working:
            return  # the journal exists: the recovery code must be confirmed first
        self.passphrase_page.clear()
        super().reject()

    def closeEvent(self, event) -> None:
        if self.result_journal is not None or self.name_page.working:
            event.ignore()
            return
        super().closeEvent(event)
