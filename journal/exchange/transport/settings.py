"""How the app reaches the network: proxy, timeouts, certificate pin.

Settings are plain values; nothing here opens a connection.

About SOCKS5 and DNS: httpx (through httpcore and socksio) sends the server's
*host name* to a SOCKS5 proxy and lets the proxy resolve it; it never looks the
name up locally (checked in socksio's ``encode_address``: only literal IP
addresses are sent as addresses, everything else as a domain name, and
tests/test_transport_proxy.py proves it with local name lookups disabled).
So ``socks5://`` already behaves like ``socks5h://`` there. We accept both,
recommend ``socks5h://`` because it says what we mean, and hand the URL to httpx
unchanged (httpx 0.28 accepts the ``socks5h`` scheme).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from journal.exchange.transport.errors import InvalidTarget
from journal.i18n import N_, _

#: Tor's SOCKS port on a typical system install (Tor Browser uses 9150).
TOR_PROXY_URL = "socks5h://127.0.0.1:9050"

_PROXY_SCHEMES = ("socks5", "socks5h", "http")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def normalize_pin(pin: str) -> str:
    """Lower-case hex SHA-256 from text that may contain ':' or spaces.

    Raises InvalidTarget unless exactly 64 hex digits remain.
    """
    cleaned = re.sub(r"[\s:]", "", pin or "").lower()
    if not _HEX64.match(cleaned):
        raise InvalidTarget(_("The certificate fingerprint must be a SHA-256 value: 64 hexadecimal characters."))
    return cleaned


def validate_proxy_url(url: str) -> str:
    """Check a proxy URL (socks5h://, socks5:// or http://host:port) and return it trimmed."""
    text = (url or "").strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise InvalidTarget(_("The proxy address is not valid; for Tor use socks5h://127.0.0.1:9050.")) from None
    if parts.scheme.lower() not in _PROXY_SCHEMES:
        raise InvalidTarget(
            _("The proxy must be a SOCKS5 proxy (socks5h://host:port, e.g. Tor at socks5h://127.0.0.1:9050) or an HTTP proxy (http://host:port).")
        )
    if not parts.hostname or port is None:
        raise InvalidTarget(_("The proxy address needs a host and a port, e.g. socks5h://127.0.0.1:9050."))
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise InvalidTarget(_("The proxy address must be only scheme, host and port."))
    return text


@dataclass(frozen=True)
class NetworkSettings:
    """Everything about *how* to connect, independent of *where* to.

    TLS verification is always on; there is deliberately no switch to turn it
    off. `ca_file` adds trust for a self-hosted server's own certificate
    authority (verification still happens against it); `pinned_sha256`
    additionally requires the server's certificate to be exactly that one.
    """

    proxy_url: str | None = None
    connect_timeout: float = 30.0
    #: Seconds without any byte moving before a read or write is given up.
    read_timeout: float = 120.0
    write_timeout: float = 120.0
    pinned_sha256: str | None = None
    ca_file: Path | None = None
    #: Attempts for one upload, including the first.
    max_attempts: int = 4
    #: Seconds before the first retry; doubled each time up to backoff_max.
    backoff_base: float = 2.0
    backoff_max: float = 60.0

    def __post_init__(self) -> None:
        if self.proxy_url is not None:
            if not self.proxy_url.strip():
                object.__setattr__(self, "proxy_url", None)
            else:
                object.__setattr__(self, "proxy_url", validate_proxy_url(self.proxy_url))
        if self.pinned_sha256 is not None:
            if not self.pinned_sha256.strip():
                object.__setattr__(self, "pinned_sha256", None)
            else:
                object.__setattr__(self, "pinned_sha256", normalize_pin(self.pinned_sha256))
        for name, shown in (("connect_timeout", N_("connect timeout")), ("read_timeout", N_("read timeout")),
                            ("write_timeout", N_("write timeout"))):
            value = getattr(self, name)
            if not (0 < value <= 3600):
                raise InvalidTarget(_("The {name} must be between 0 and 3600 seconds.").format(name=_(shown)))
        if not (1 <= self.max_attempts <= 20):
            raise InvalidTarget(_("The number of attempts must be between 1 and 20."))
        if not (0 <= self.backoff_base <= self.backoff_max <= 3600):
            raise InvalidTarget(_("The retry delays must satisfy 0 <= first delay <= longest delay <= 3600 s."))
        if self.ca_file is not None:
            object.__setattr__(self, "ca_file", Path(self.ca_file))

    def backoff_delay(self, retry_number: int) -> float:
        """Seconds to wait before retry number `retry_number` (1 = first retry)."""
        return min(self.backoff_max, self.backoff_base * (2 ** max(0, retry_number - 1)))
