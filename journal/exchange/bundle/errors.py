"""Errors raised by the bundle layer; each str() is a message for the user."""

from journal.errors import JournalError
from journal.i18n import _


class IdentityError(JournalError):
    """Stored identity secrets are missing or malformed."""


class CardError(JournalError):
    """A contact card could not be read: the text says why."""


class BundleWriteError(JournalError):
    """A bundle could not be written (bad recipient, a member's bytes did not match, disk error)."""


class BundleRejected(JournalError):
    """A received bundle failed a check and was rejected whole.

    ``reason`` is the short reason alone (e.g. "signature invalid"); str(error) is
    a complete sentence for the user.
    """

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(_("The bundle was rejected: {reason}.").format(reason=reason))
