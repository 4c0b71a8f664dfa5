"""Emergency erase: a typed confirmation, then keys first, then everything else.

`erase_everything()` is the one place that decides what "erase" removes:
journal.keys (which alone makes the journal unreadable, see
journal.vault.erase_journal), the database and its logs, the outbox, leftovers
of interrupted operations, and the failed-attempts count for this folder.
Settings name no journal, so they stay.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.storage.vault import EraseReport, erase_journal

from ui.safety.attempts import FailedAttempts


def erase_everything(data_dir: Path, config_folder: Path | None = None) -> EraseReport:
    """Erase the journal in `data_dir` and what the app keeps about it elsewhere."""
    report = erase_journal(Path(data_dir))
    FailedAttempts(data_dir, config_folder).reset()
    return report


ENGLISH_WORD = "ERASE"

# The same keys on the Latin (US) and Cyrillic (Russian and Ukrainian ЙЦУКЕН) layouts, so a word
# typed with the "wrong" layout active is still recognised: ERASE typed on a Russian layout is УКФЫУ.
_LATIN = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`"
_RUSSIAN = "йцукенгшщзхъфывапролджэячсмитьбюё"
_UKRAINIAN = "йцукенгшщзхїфівапролджєячсмитьбю'"


def _retype(word: str, source: str, target: str) -> str:
    table = {a: b for a, b in zip(source, target)}
    return "".join(table.get(ch, ch) for ch in word)


def accepted_words(local_word: str) -> set[str]:
    """Lower-cased words that confirm an erase: the interface language's word and the English
    one, each also as typed with the other keyboard layouts."""
    words = {local_word.strip().casefold(), ENGLISH_WORD.casefold()}
    layouts = [(_LATIN, _RUSSIAN), (_LATIN, _UKRAINIAN), (_RUSSIAN, _LATIN), (_UKRAINIAN, _LATIN)]
    for word in list(words):
        for source, target in layouts:
            words.add(_retype(word, source, target))
    words.discard("")
    return words


class EraseDialog(QDialog):
    """Asks the user to type a word (translatable, shown in the dialog) before erasing."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Erase this journal"))
        self.word = self.tr("ERASE")
        layout = QVBoxLayout(self)
        text = QLabel(self.tr(
            "<p><b>This destroys the journal in {folder} for good.</b></p>"
            "<p>The key file goes first: from that moment nobody can read the journal, "
            "not even with the passphrase or the recovery code. Backups you made elsewhere are not touched."
            "</p><p>Type <b>{word}</b> to confirm.</p>").format(folder=str(data_dir), word=self.word)
            + (self.tr("<p>The English word <b>ERASE</b> works too, in any keyboard layout.</p>")
               if self.word.casefold() != ENGLISH_WORD.casefold() else ""))
        text.setWordWrap(True)
        layout.addWidget(text)
        self.field = QLineEdit()
        self.field.setAccessibleName(self.tr("Confirmation word"))
        self.field.setPlaceholderText(self.word)
        layout.addWidget(self.field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = QPushButton(self.tr("&Erase now"))
        self.erase_button.setAccessibleName(self.tr("Erase now"))
        self.erase_button.setStyleSheet("QPushButton:enabled { color: #b71c1c; font-weight: bold; }")
        self.erase_button.setEnabled(False)
        buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.field.textChanged.connect(self._check)
        self.field.setFocus()
        self.resize(460, 240)

    def _check(self, text: str) -> None:
        self.erase_button.setEnabled(self.confirmed())

    def confirmed(self) -> bool:
        return self.field.text().strip().casefold() in accepted_words(self.word)

    def accept(self) -> None:
        if self.confirmed():
            super().accept()
