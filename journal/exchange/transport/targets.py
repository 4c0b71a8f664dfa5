"""Where bundles are sent: a drop folder parsed from the address a coordinator gives.

Two kinds are understood:

* a Nextcloud public share link ``https://host[/subpath]/s/TOKEN`` (also written
  ``/index.php/s/TOKEN``), typically a "File drop (upload only)" share. Its WebDAV
  side is ``<base>/public.php/webdav/`` with HTTP basic auth user=TOKEN and
  password=share password (empty when the share has none). Newer Nextcloud also
  offers ``<base>/public.php/dav/files/TOKEN/``; it is tried when the first
  answers 404/405.
* any WebDAV folder URL, with an optional user name and password.

Parsing never touches the network.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field
from enum import Enum
from urllib.parse import quote, urlsplit, urlunsplit

from journal.exchange.transport.errors import InvalidTarget
from journal.i18n import _

#: Share tokens are letters and digits (15 by default); newer Nextcloud lets
#: people choose custom tokens, which may also contain '-' and '_'.
_SHARE_PATH = re.compile(
    r"^(?P<prefix>.*?)/(?:index\.php/)?s/(?P<token>[A-Za-z0-9_-]{1,128})(?:/download)?/?$"
)


class TargetKind(Enum):
    """How the drop folder is addressed."""

    NEXTCLOUD_SHARE = "nextcloud-share"
    WEBDAV = "webdav"


@dataclass(frozen=True)
class DropTarget:
    """A WebDAV drop folder and the credentials to use there.

    The password is kept out of repr() so it never lands in a log or traceback.
    """

    kind: TargetKind
    #: What the user typed, minus query and fragment: shown back to them.
    display_url: str
    #: Folder URLs to try, best first; each ends with '/'.
    folder_urls: tuple[str, ...]
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    #: Host name, for messages ("could not reach cloud.example.org").
    host: str = ""

    def __repr__(self) -> str:
        # The share token is as good as a key to the drop folder: keep it out of logs.
        return f"DropTarget(kind={self.kind.value}, host={self.host!r})"

    @property
    def is_nextcloud_share(self) -> bool:
        """True for a Nextcloud public share (listing and HEAD are usually not allowed)."""
        return self.kind is TargetKind.NEXTCLOUD_SHARE

    @property
    def auth(self) -> tuple[str, str] | None:
        """HTTP basic credentials, or None for an open folder."""
        if self.user is None:
            return None
        return (self.user, self.password or "")

    @property
    def extra_headers(self) -> dict[str, str]:
        """Headers the server expects besides auth."""
        if self.is_nextcloud_share:
            # Nextcloud refuses some public WebDAV requests without it (CSRF guard).
            return {"X-Requested-With": "XMLHttpRequest"}
        return {}


def file_url(folder_url: str, name: str) -> str:
    """The URL of `name` inside `folder_url` (which ends with '/')."""
    return folder_url + quote(name, safe="")


def is_loopback_host(host: str) -> bool:
    """True for 'localhost' and addresses in 127.0.0.0/8 or ::1."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def parse_drop_url(url: str, user: str | None = None, password: str | None = None) -> DropTarget:
    """Parse a drop-folder address into a DropTarget.

    `user`/`password` are used for plain WebDAV folders; for a Nextcloud share
    link the user is the share token and `password` the share password.
    Raises InvalidTarget with a readable reason for anything unusable.
    """
    text = (url or "").strip()
    if not text:
        raise InvalidTarget(_("Enter the address of the drop folder."))
    if any(ch.isspace() for ch in text) or any(ord(ch) < 32 for ch in text):
        raise InvalidTarget(_("The drop-folder address must not contain spaces or control characters."))
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError for a malformed port
    except ValueError:
        raise InvalidTarget(_("The drop-folder address is not a valid web address.")) from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise InvalidTarget(_("The drop-folder address must start with https://."))
    if "@" in parts.netloc or parts.username is not None or parts.password is not None:
        raise InvalidTarget(
            _("The drop-folder address must not contain a user name or password; enter them in the separate fields instead.")
        )
    host = parts.hostname or ""
    if not host:
        raise InvalidTarget(_("The drop-folder address has no server name."))
    if scheme == "http" and not is_loopback_host(host):
        raise InvalidTarget(
            _("The drop-folder address must use https:// so the connection is encrypted; plain http:// is only allowed for this computer (localhost).")
        )
    netloc = parts.netloc.lower()  # host names are case-insensitive; no credentials here
    path = parts.path or "/"

    share = _SHARE_PATH.match(path)
    if share is not None:
        token = share.group("token")
        prefix = share.group("prefix").rstrip("/")
        if prefix.endswith("/index.php"):
            prefix = prefix[: -len("/index.php")]
        base = urlunsplit((scheme, netloc, prefix, "", ""))
        folders = (
            f"{base}/public.php/webdav/",
            f"{base}/public.php/dav/files/{quote(token, safe='')}/",
        )
        return DropTarget(
            kind=TargetKind.NEXTCLOUD_SHARE,
            display_url=urlunsplit((scheme, netloc, path, "", "")),
            folder_urls=folders,
            user=token,
            password=password or "",
            host=host,
        )

    if parts.query:
        raise InvalidTarget(_("A WebDAV folder address has no '?' part; copy the folder's WebDAV address."))
    if not path.endswith("/"):
        path += "/"
    folder = urlunsplit((scheme, netloc, path, "", ""))
    if user is not None and user == "":
        user = None
    if user is None and password:
        raise InvalidTarget(_("Enter the user name that goes with the password."))
    if user is not None and (":" in user or any(ord(ch) < 32 for ch in user)):
        raise InvalidTarget(_("The user name must not contain ':' or control characters."))
    return DropTarget(
        kind=TargetKind.WEBDAV,
        display_url=folder,
        folder_urls=(folder,),
        user=user,
        password=password if user is not None else None,
        host=host,
    )
