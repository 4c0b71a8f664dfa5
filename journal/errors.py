"""The core's error hierarchy.

Every error a person may see derives from JournalError, and its str() is a
complete sentence meant for them: no traceback, no user content.
"""


class JournalError(Exception):
    """Base class: str(error) is a message for the user."""


class Cancelled(JournalError):
    """The user cancelled a long operation; nothing was committed."""

    def __init__(self, message: str | None = None) -> None:
        # The default is looked up when raised, so it follows the language chosen at run time.
        from journal.i18n import _

        super().__init__(message if message is not None else _("Cancelled."))


class NotAJournal(JournalError):
    """The folder holds no journal (or only part of one)."""


class JournalExists(JournalError):
    """Refused to create a journal over an existing one."""


class WrongPassphrase(JournalError):
    """No key slot opened with what was typed."""


class CorruptKeyFile(JournalError):
    """journal.keys is missing, unreadable or malformed."""


class CorruptDatabase(JournalError):
    """journal.db could not be read although the key is right."""


class SchemaTooNew(JournalError):
    """The journal was written by a newer version of the app."""


class JournalInUse(JournalError):
    """Another process has the journal open."""


class NotFound(JournalError):
    """A record with that id does not exist."""


class InvalidInput(JournalError):
    """A value given by the user is not acceptable."""


class JournalClosed(JournalError):
    """An operation was attempted on a locked or closed journal."""


class StorageError(JournalError):
    """The disk refused a write (full, read-only, failing); what was saved before is intact."""


class DiskFull(StorageError):
    """The disk holding the journal is full (told apart by type: the message is translated)."""
