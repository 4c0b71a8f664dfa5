"""What CLI handlers share: the data folder, passphrase input, the open journal."""

from __future__ import annotations

import getpass
import json
import os
import sys
from pathlib import Path

from journal.errors import InvalidInput, JournalError
from journal.i18n import _
from journal.storage.paths import resolve_data_dir

ENV_PASSPHRASE = "JOURNAL_PASSPHRASE"


class CliContext:
    def __init__(self, args) -> None:
        self.args = args
        self.data_dir: Path = resolve_data_dir(getattr(args, "data_dir", None))
        self._journal = None

    # --- secrets ------------------------------------------------------------------
    def passphrase(self, prompt: str | None = None) -> str:
        """From --passphrase-file, $JOURNAL_PASSPHRASE, or the terminal (in that order)."""
        path = getattr(self.args, "passphrase_file", None)
        if path:
            return read_secret_file(path)
        env = os.environ.get(ENV_PASSPHRASE)
        if env:
            return env
        return self.prompt_secret(prompt or _("Passphrase: "))

    def prompt_secret(self, prompt: str) -> str:
        if not sys.stdin.isatty():
            raise InvalidInput(_(
                "No terminal to ask for the passphrase. Use --passphrase-file FILE or "
                "set {variable} (less safe).").format(variable=ENV_PASSPHRASE))
        try:
            return getpass.getpass(prompt)
        except EOFError:  # Ctrl+D (Ctrl+Z on Windows) at the prompt: the person gave up
            print(file=sys.stderr)
            raise InvalidInput(_("No passphrase was typed (end of input). Nothing was changed.")) from None

    def new_passphrase(self, source_file: str | None = None) -> str:
        """A new passphrase: from a file, $JOURNAL_NEW_PASSPHRASE, or typed twice."""
        if source_file:
            return read_secret_file(source_file)
        env = os.environ.get("JOURNAL_NEW_PASSPHRASE")
        if env:
            return env
        if getattr(self.args, "command", None) == "init" and os.environ.get(ENV_PASSPHRASE):
            # For a new journal there is no "current" passphrase: scripts set one variable.
            return os.environ[ENV_PASSPHRASE]
        first = self.prompt_secret(_("New passphrase: "))
        second = self.prompt_secret(_("Repeat the new passphrase: "))
        if first != second:
            raise InvalidInput(_("The two passphrases differ. Nothing was changed."))
        return first

    # --- the journal -------------------------------------------------------------------
    def open_journal(self):
        if self._journal is None:
            from journal.storage.vault import Journal, derive_data_key, load_keys

            load_keys(self.data_dir)  # clear message for "no journal here" before prompting
            key = derive_data_key(self.data_dir, self.passphrase())
            self._journal = Journal.open_with_key(self.data_dir, key)
            note_rotation_outcome(self._journal)
        return self._journal

    def adopt(self, journal) -> None:
        self._journal = journal

    def close(self) -> None:
        if self._journal is not None:
            try:
                self._journal.close()
            except JournalError:
                pass
            self._journal = None


def note_rotation_outcome(journal) -> None:
    """Say on stderr that opening settled a key change a crash had interrupted."""
    if journal.rotation_outcome == "finished":
        print(_("Note: a key change was interrupted and has now been completed: the new passphrase is in "
                "force. Its recovery code may never have been shown; make a new one "
                "(`journal passwd --rotate` again)."), file=sys.stderr)
    elif journal.rotation_outcome == "rolled-back":
        print(_("Note: a key change was interrupted before it took effect and has been undone: the old "
                "passphrase is still in force. Run `journal passwd --rotate` again."), file=sys.stderr)


def read_secret_file(path: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidInput(_("Cannot read {path}: {strerror}.").format(path=path, strerror=exc.strerror)) from None
    # One trailing newline is how editors save files; it is not part of the secret.
    if text.endswith("\r\n"):
        text = text[:-2]
    elif text.endswith("\n"):
        text = text[:-1]
    return text


def print_json(value) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
