"""Parsing PROPFIND answers: hostile XML and hostile names never get through."""

from __future__ import annotations

import pytest

from journal.exchange.transport import UnexpectedResponse
from journal.exchange.transport.webdav_xml import is_bundle_name, parse_listing, parse_single_size

FOLDER = "https://dav.example.org/inbox/"


def _multistatus(*responses: str) -> bytes:
    return (
        '<?xml version="1.0"?><d:multistatus xmlns:d="DAV:">' + "".join(responses) + "</d:multistatus>"
    ).encode()


def _file(href: str, size: str = "10", collection: bool = False, status: str = "HTTP/1.1 200 OK") -> str:
    rtype = "<d:collection/>" if collection else ""
    return (
        f"<d:response><d:href>{href}</d:href><d:propstat><d:prop>"
        f"<d:resourcetype>{rtype}</d:resourcetype><d:getcontentlength>{size}</d:getcontentlength>"
        f'<d:getetag>"e1"</d:getetag><d:getlastmodified>Sat, 21 Nov 2026 10:00:00 GMT</d:getlastmodified>'
        f"</d:prop><d:status>{status}</d:status></d:propstat></d:response>"
    )


def test_listing_keeps_only_direct_safe_bundles() -> None:
    xml = _multistatus(
        _file("/inbox/", collection=True),
        _file("/inbox/a.ijbundle", "12"),
        _file("/inbox/b%2Ec.ijbundle", "5"),
        _file("/inbox/notes.txt"),
        _file("/inbox/sub/x.ijbundle"),
        _file("/inbox/../etc.ijbundle"),
        _file("/inbox/.hidden.ijbundle"),
        _file("/other/y.ijbundle"),
        _file("https://dav.example.org/inbox/full.ijbundle", "7"),
        _file("/inbox/dir.ijbundle", collection=True),
        _file("/inbox/a.ijbundle", "12"),
    )
    files = parse_listing(xml, FOLDER)
    assert sorted(f.name for f in files) == ["a.ijbundle", "b.c.ijbundle", "full.ijbundle"]
    a = next(f for f in files if f.name == "a.ijbundle")
    assert a.size == 12 and a.etag == '"e1"' and a.modified is not None and a.modified.year == 2026


def test_missing_or_bad_properties_are_none() -> None:
    xml = _multistatus(_file("/inbox/a.ijbundle", "-5"), _file("/inbox/b.ijbundle", "9" * 30))
    assert [f.size for f in parse_listing(xml, FOLDER)] == [None, None]
    not_found = _multistatus(_file("/inbox/c.ijbundle", status="HTTP/1.1 404 Not Found"))
    (c,) = parse_listing(not_found, FOLDER)
    assert c.size is None and c.modified is None


@pytest.mark.parametrize(
    "payload",
    [
        b"not xml at all",
        b"<d:multistatus xmlns:d='DAV:'>",
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><x>&b;</x>',
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b'<d:multistatus xmlns:d="DAV:">&e;</d:multistatus>',
        b"<html><body>login</body></html>",
    ],
)
def test_hostile_or_wrong_xml_is_a_clear_error(payload: bytes) -> None:
    with pytest.raises(UnexpectedResponse):
        parse_listing(payload, FOLDER)


def test_single_size() -> None:
    assert parse_single_size(_multistatus(_file("/inbox/a.ijbundle", "42"))) == 42


def test_bundle_names() -> None:
    assert is_bundle_name("0123abcd.ijbundle")
    for bad in (".ijbundle", "a/b.ijbundle", "a.ijbundle.txt", "-a.ijbundle", "a b.ijbundle", "é.ijbundle"):
        assert not is_bundle_name(bad)
