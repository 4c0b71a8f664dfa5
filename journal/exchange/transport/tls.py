"""TLS for the transport: verification always on, optional certificate pinning.

Python's ssl module has no verify callback, but it lets an SSLContext choose
the class of the sockets it wraps (``SSLContext.sslsocket_class``, documented
for exactly this). Our socket class checks the pin right after the handshake,
before a single byte of the request (and so of the bundle) is sent, and on
every new connection, not only the first. httpcore wraps sockets with
``ssl_context.wrap_socket``, so this works for direct connections and through
a SOCKS5 proxy alike.
"""

from __future__ import annotations

import hashlib
import hmac
import ssl
from pathlib import Path

from journal.exchange.transport.errors import InvalidTarget
from journal.i18n import _


class PinMismatchError(ssl.SSLError):
    """The peer's certificate is valid but is not the pinned one."""


def certificate_sha256(der: bytes) -> str:
    """Lower-case hex SHA-256 of a DER-encoded certificate (what `pinned_sha256` holds)."""
    return hashlib.sha256(der).hexdigest()


class _PinCheckingSSLSocket(ssl.SSLSocket):
    """An SSLSocket that refuses, right after the handshake, a certificate other than the pin."""

    def do_handshake(self, block: bool = False) -> None:  # noqa: FBT001,FBT002 - ssl's signature
        super().do_handshake(block)
        pin = getattr(self.context, "pinned_sha256", None)
        if pin is None:
            return
        der = self.getpeercert(binary_form=True)
        seen = certificate_sha256(der) if der else ""
        if not hmac.compare_digest(seen, pin):
            # _create() closes the socket when the handshake raises.
            raise PinMismatchError(_("certificate pin mismatch (server presented sha256 {value})").format(value=seen or 'nothing'))


class _PinCheckingSSLObject(ssl.SSLObject):
    """The memory-BIO variant (TLS inside TLS); same check after the handshake."""

    def do_handshake(self) -> None:
        super().do_handshake()
        pin = getattr(self.context, "pinned_sha256", None)
        if pin is None:
            return
        der = self.getpeercert(binary_form=True)
        seen = certificate_sha256(der) if der else ""
        if not hmac.compare_digest(seen, pin):
            raise PinMismatchError(_("certificate pin mismatch (server presented sha256 {value})").format(value=seen or 'nothing'))


class PinningSSLContext(ssl.SSLContext):
    """A client context whose sockets enforce `pinned_sha256` when it is set."""

    sslsocket_class = _PinCheckingSSLSocket
    sslobject_class = _PinCheckingSSLObject
    pinned_sha256: str | None = None


def create_ssl_context(pinned_sha256: str | None = None, ca_file: Path | None = None) -> PinningSSLContext:
    """A TLS client context: certificate and host name verification on, TLS 1.2 or newer.

    Trust comes from `ca_file` when given (a self-hosted server's own CA),
    otherwise from certifi's bundle (what httpx uses by default) or the system store.
    Reads certificate files only; opens no connection.
    """
    context = PinningSSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.verify_mode = ssl.CERT_REQUIRED
    context.check_hostname = True
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.pinned_sha256 = pinned_sha256
    try:
        if ca_file is not None:
            context.load_verify_locations(cafile=str(ca_file))
        else:
            try:
                import certifi  # httpx's own dependency

                context.load_verify_locations(cafile=certifi.where())
            except ImportError:  # pragma: no cover - certifi ships with httpx
                context.load_default_certs(ssl.Purpose.SERVER_AUTH)
    except (OSError, ssl.SSLError):
        raise InvalidTarget(_("The certificate authority file could not be read.")) from None
    context.set_alpn_protocols(["http/1.1"])
    return context
