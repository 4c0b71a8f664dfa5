"""Parsing drop-folder addresses and network settings (no network involved)."""

from __future__ import annotations

import pytest

from journal.errors import JournalError
from journal.exchange.transport import InvalidTarget, NetworkSettings, TargetKind, TransportError, parse_drop_url
from journal.exchange.transport.settings import normalize_pin


@pytest.mark.parametrize(
    ("url", "base"),
    [
        ("https://cloud.example.org/s/AbCdEf123456789", "https://cloud.example.org"),
        ("https://cloud.example.org/index.php/s/AbCdEf123456789", "https://cloud.example.org"),
        ("https://example.org/nextcloud/index.php/s/AbCdEf123456789/", "https://example.org/nextcloud"),
        ("https://Example.org:8443/nc/s/AbCdEf123456789?dir=/", "https://example.org:8443/nc"),
        ("https://cloud.example.org/s/AbCdEf123456789/download", "https://cloud.example.org"),
    ],
)
def test_nextcloud_share_links(url: str, base: str) -> None:
    target = parse_drop_url(url, password="pw")
    assert target.kind is TargetKind.NEXTCLOUD_SHARE and target.is_nextcloud_share
    assert target.folder_urls == (
        f"{base}/public.php/webdav/",
        f"{base}/public.php/dav/files/AbCdEf123456789/",
    )
    assert target.auth == ("AbCdEf123456789", "pw")
    assert target.extra_headers == {"X-Requested-With": "XMLHttpRequest"}


def test_share_without_password_uses_empty_password() -> None:
    assert parse_drop_url("https://c.example/s/Tok").auth == ("Tok", "")


def test_plain_webdav_folder() -> None:
    target = parse_drop_url("https://dav.example.org/remote.php/dav/files/coord/inbox", "coord", "pw")
    assert target.kind is TargetKind.WEBDAV
    assert target.folder_urls == ("https://dav.example.org/remote.php/dav/files/coord/inbox/",)
    assert target.auth == ("coord", "pw") and target.extra_headers == {}
    assert parse_drop_url("https://dav.example.org/inbox/").auth is None


def test_secrets_stay_out_of_repr() -> None:
    target = parse_drop_url("https://c.example/s/SecretToken1", password="hunter2")
    assert "hunter2" not in repr(target) and "SecretToken1" not in repr(target)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("", "Enter the address"),
        ("ftp://example.org/x", "https://"),
        ("example.org/s/abc", "https://"),
        ("https://user:pw@example.org/dav/", "must not contain a user name or password"),
        ("https://user@example.org/dav/", "must not contain a user name or password"),
        ("http://example.org/dav/", "must use https://"),
        ("http://10.0.0.5/dav/", "must use https://"),
        ("https:///dav/", "no server name"),
        ("https://example.org:99999/dav/", "not a valid web address"),
        ("https://exa mple.org/dav/", "spaces"),
        ("https://example.org/dav/?x=1", "no '\\?' part"),
    ],
)
def test_malformed_urls_are_refused_clearly(url: str, message: str) -> None:
    with pytest.raises(InvalidTarget, match=message) as info:
        parse_drop_url(url)
    assert isinstance(info.value, TransportError) and isinstance(info.value, JournalError)


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:8080/dav/", "http://localhost/dav/", "http://[::1]:81/dav/", "http://127.5.6.7/"],
)
def test_plain_http_only_on_loopback(url: str) -> None:
    assert parse_drop_url(url).kind is TargetKind.WEBDAV


def test_password_without_user_is_refused() -> None:
    with pytest.raises(InvalidTarget, match="user name"):
        parse_drop_url("https://dav.example.org/x/", None, "pw")


@pytest.mark.parametrize(
    "proxy", ["socks5h://127.0.0.1:9050", "socks5://127.0.0.1:9150", "http://proxy.example:3128"]
)
def test_valid_proxies(proxy: str) -> None:
    assert NetworkSettings(proxy_url=proxy).proxy_url == proxy


@pytest.mark.parametrize(
    "proxy",
    [
        "socks4://127.0.0.1:9050",
        "https://p.example:443",
        "127.0.0.1:9050",
        "socks5h://127.0.0.1",
        "socks5h://:9050",
        "socks5h://127.0.0.1:9050/x",
    ],
)
def test_invalid_proxies(proxy: str) -> None:
    with pytest.raises(InvalidTarget):
        NetworkSettings(proxy_url=proxy)


def test_blank_proxy_and_pin_mean_none() -> None:
    settings = NetworkSettings(proxy_url="  ", pinned_sha256="")
    assert settings.proxy_url is None and settings.pinned_sha256 is None


def test_pin_normalisation() -> None:
    pin = "AB:" * 31 + "AB"
    assert normalize_pin(pin) == "ab" * 32
    for bad in ("ab" * 31, "zz" * 32, "ab" * 33):
        with pytest.raises(InvalidTarget, match="64 hexadecimal"):
            normalize_pin(bad)


def test_settings_bounds_and_backoff() -> None:
    for kwargs in (
        {"connect_timeout": 0},
        {"read_timeout": -1},
        {"max_attempts": 0},
        {"backoff_base": 10, "backoff_max": 5},
    ):
        with pytest.raises(InvalidTarget):
            NetworkSettings(**kwargs)  # type: ignore[arg-type]
    s = NetworkSettings(backoff_base=2, backoff_max=10)
    assert [s.backoff_delay(n) for n in (1, 2, 3, 4)] == [2, 4, 8, 10]
