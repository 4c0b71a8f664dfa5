"""Errors of the network layer.

Every failure of sending or fetching maps to one of these, and str(error) is a
sentence a documenter can act on. Messages never contain passwords or share
tokens: they may be shown on screen while someone looks over a shoulder.
"""

from __future__ import annotations

from journal.errors import JournalError


class TransportError(JournalError):
    """Base class of every network failure; str() is a message for the user."""

    #: True when trying again later may help (a cut connection, a busy server).
    transient: bool = False


class InvalidTarget(TransportError):
    """The drop-folder address or the network settings are not usable."""


class ServerUnreachable(TransportError):
    """No connection could be made to the server."""

    transient = True


class ProxyUnreachable(TransportError):
    """The configured proxy (e.g. Tor) did not accept a connection."""

    transient = True


class TransportTimeout(TransportError):
    """The server or proxy stopped answering within the configured time."""

    transient = True


class ConnectionCut(TransportError):
    """The connection was closed in the middle of a transfer."""

    transient = True


class AuthenticationFailed(TransportError):
    """401: the server refused the password or the share link."""


class AccessDenied(TransportError):
    """403: the server knows us but does not allow this operation."""


class FolderNotFound(TransportError):
    """404: the folder (or share link) does not exist on the server."""


class InsufficientStorage(TransportError):
    """507: the server has no room left; retrying will not help."""


class ServerError(TransportError):
    """A 5xx answer other than 507."""

    transient = True


class UnexpectedResponse(TransportError):
    """An answer we cannot use (unexpected status, malformed listing)."""


class TlsVerificationFailed(TransportError):
    """The server's certificate could not be verified."""


class CertificatePinMismatch(TransportError):
    """The server's certificate is not the pinned one: possibly interception."""


class RemoteSizeMismatch(TransportError):
    """After an upload the server reported a different size than was sent."""


class DownloadTooLarge(TransportError):
    """A remote file is larger than the caller's limit; the download was stopped."""


class LocalFileChanged(TransportError):
    """The local file ended before the announced size while it was being sent."""
