"""PROPFIND requests and the parsing of their (untrusted) multistatus answers.

The server's XML is hostile input: it is parsed with defusedxml, which refuses
DTDs, entity expansion and external references, after the caller has capped
its size. Names are accepted only if they look like our own random bundle
names, so a listing can never smuggle a path ('../x', 'a/b') to the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from journal.exchange.transport.errors import UnexpectedResponse
from journal.i18n import _

BUNDLE_SUFFIX = ".ijbundle"
#: A safe remote file name: no separators, no leading dot, bounded length.
SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$")

_DAV = "{DAV:}"

PROPFIND_BODY = (
    b'<?xml version="1.0" encoding="utf-8"?>\n'
    b'<d:propfind xmlns:d="DAV:"><d:prop>'
    b"<d:resourcetype/><d:getcontentlength/><d:getetag/><d:getlastmodified/>"
    b"</d:prop></d:propfind>"
)


@dataclass(frozen=True)
class RemoteFile:
    """A bundle in the remote folder, as the server describes it."""

    name: str
    size: int | None
    etag: str | None
    modified: datetime | None


@dataclass(frozen=True)
class _Entry:
    path: str
    is_collection: bool
    size: int | None
    etag: str | None
    modified: datetime | None


def is_bundle_name(name: str, suffix: str = BUNDLE_SUFFIX) -> bool:
    """True for a safe file name ending in .ijbundle (or `suffix`: .ijtravel for travel packages)."""
    return bool(SAFE_NAME.match(name)) and name.endswith(suffix) and len(name) > len(suffix)


def _text(element: Element | None) -> str | None:
    if element is None or element.text is None:
        return None
    return element.text.strip()


def _parse_size(text: str | None) -> int | None:
    if text is None or not text.isdigit() or len(text) > 18:
        return None
    return int(text)


def _parse_date(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _entries(xml_bytes: bytes) -> list[_Entry]:
    try:
        root = SafeET.fromstring(xml_bytes, forbid_dtd=True)
    except (ParseError, DefusedXmlException, ValueError):
        raise UnexpectedResponse(_("The server's folder listing could not be read (malformed XML).")) from None
    if root.tag != f"{_DAV}multistatus":
        raise UnexpectedResponse(_("The server did not answer with a WebDAV folder listing."))
    entries: list[_Entry] = []
    for response in root.findall(f"{_DAV}response"):
        href = _text(response.find(f"{_DAV}href"))
        if not href:
            continue
        props: dict[str, Element] = {}
        for propstat in response.findall(f"{_DAV}propstat"):
            status = _text(propstat.find(f"{_DAV}status")) or ""
            if " 200 " not in f"{status} ":
                continue
            prop = propstat.find(f"{_DAV}prop")
            if prop is None:
                continue
            for child in prop:
                props[child.tag] = child
        rtype = props.get(f"{_DAV}resourcetype")
        is_collection = rtype is not None and rtype.find(f"{_DAV}collection") is not None
        entries.append(
            _Entry(
                path=unquote(urlsplit(href).path),
                is_collection=is_collection,
                size=_parse_size(_text(props.get(f"{_DAV}getcontentlength"))),
                etag=_text(props.get(f"{_DAV}getetag")),
                modified=_parse_date(_text(props.get(f"{_DAV}getlastmodified"))),
            )
        )
    return entries


def parse_listing(xml_bytes: bytes, folder_url: str, suffix: str = BUNDLE_SUFFIX) -> list[RemoteFile]:
    """The bundles directly inside `folder_url`, from a Depth 1 PROPFIND answer.

    Sub-folders, the folder itself, entries elsewhere and names that are not
    safe ``*.ijbundle`` names are left out. Sorted by modification time, then name.
    """
    folder_path = unquote(urlsplit(folder_url).path).rstrip("/") + "/"
    files: list[RemoteFile] = []
    seen: set[str] = set()
    for entry in _entries(xml_bytes):
        if entry.is_collection:
            continue
        path = entry.path
        if not path.startswith(folder_path):
            continue
        name = path[len(folder_path) :]
        if not is_bundle_name(name, suffix) or name in seen:
            continue
        seen.add(name)
        files.append(RemoteFile(name=name, size=entry.size, etag=entry.etag, modified=entry.modified))
    files.sort(key=lambda f: (f.modified is None, f.modified.timestamp() if f.modified else 0.0, f.name))
    return files


def parse_single_size(xml_bytes: bytes) -> int | None:
    """The content length from a Depth 0 PROPFIND answer about one file, if given."""
    for entry in _entries(xml_bytes):
        if not entry.is_collection:
            return entry.size
    return None
