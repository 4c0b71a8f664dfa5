"""WebDAV client that moves already-encrypted bundles to and from a drop folder.

This is the only code in the app that opens sockets, and it does so only when
one of the methods below is called: constructing a client opens nothing.

Memory stays bounded: uploads stream from the file in 1 MiB chunks with an
explicit Content-Length; downloads stream into the caller's file object.
"""

from __future__ import annotations

import os
import ssl
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, cast

import httpx

from journal.exchange.transport.errors import (
    AccessDenied,
    AuthenticationFailed,
    CertificatePinMismatch,
    ConnectionCut,
    DownloadTooLarge,
    FolderNotFound,
    InsufficientStorage,
    InvalidTarget,
    LocalFileChanged,
    ProxyUnreachable,
    RemoteSizeMismatch,
    ServerError,
    ServerUnreachable,
    TlsVerificationFailed,
    TransportError,
    TransportTimeout,
    UnexpectedResponse,
)
from journal.exchange.transport.settings import NetworkSettings
from journal.exchange.transport.targets import DropTarget, file_url
from journal.exchange.transport.tls import PinMismatchError, create_ssl_context
from journal.exchange.transport.webdav_xml import (
    BUNDLE_SUFFIX,
    PROPFIND_BODY,
    SAFE_NAME,
    RemoteFile,
    parse_listing,
    parse_single_size,
)
from journal.i18n import N_, _
from journal.progress import CancelToken, Progress, check_cancel

CHUNK_SIZE = 1024 * 1024
#: A folder listing larger than this is refused (hostile or absurd server).
MAX_LISTING_BYTES = 16 * 1024 * 1024



def random_bundle_name() -> str:
    """A remote file name that says nothing about sender, content or time: '<uuid4 hex>.ijbundle'."""
    return uuid.uuid4().hex + BUNDLE_SUFFIX


@dataclass(frozen=True)
class UploadReceipt:
    """What we know after an upload the server accepted."""

    remote_name: str
    size: int
    status_code: int
    #: True when the server confirmed the stored size afterwards.
    verified: bool
    #: A sentence for the user about how sure we are.
    note: str
    attempts: int


@dataclass(frozen=True)
class ConnectionCheck:
    """Result of test_connection()."""

    #: True when the server confirmed the folder exists and accepted our credentials.
    confirmed: bool
    #: True when the folder can be listed (coordinators need this to fetch).
    can_list: bool
    note: str


@dataclass(frozen=True)
class _Answer:
    """A fully read, size-capped server answer to a control request."""

    status_code: int
    headers: httpx.Headers
    content: bytes


def _cause_chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen and len(seen) < 20:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


class WebDavClient:
    """Upload, list, download and delete bundles in one drop folder.

    Use as a context manager (or call close()) to release connections.
    `sleep` is the function used between retries; tests pass a fake one.
    """

    def __init__(
        self,
        target: DropTarget,
        settings: NetworkSettings | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.target = target
        self.settings = settings or NetworkSettings()
        self._sleep = sleep
        self._client: httpx.Client | None = None
        self._folder_index: int | None = None if len(target.folder_urls) > 1 else 0

    # -- lifecycle ---------------------------------------------------------

    def __enter__(self) -> WebDavClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close pooled connections; the client can be used again afterwards."""
        if self._client is not None:
            self._client.close()
            self._client = None

    def _http(self) -> httpx.Client:
        # Created on first use so that constructing a WebDavClient opens nothing.
        if self._client is None:
            s = self.settings
            self._client = httpx.Client(
                verify=create_ssl_context(s.pinned_sha256, s.ca_file),
                proxy=s.proxy_url,
                trust_env=False,  # no proxy or CA from the environment behind the user's back
                follow_redirects=False,
                timeout=httpx.Timeout(
                    connect=s.connect_timeout,
                    read=s.read_timeout,
                    write=s.write_timeout,
                    pool=s.connect_timeout,
                ),
                # identity: answers are read raw and size-capped, so no compressed
                # bodies (and no decompression bombs); bundles are incompressible anyway.
                headers={
                    "User-Agent": "IncidentJournal",
                    "Accept-Encoding": "identity",
                    **self.target.extra_headers,
                },
                auth=self.target.auth,
            )
        return self._client

    # -- error mapping -----------------------------------------------------

    def _map_error(self, exc: httpx.HTTPError) -> TransportError:
        host = self.target.host
        for cause in _cause_chain(exc):
            if isinstance(cause, PinMismatchError):
                return CertificatePinMismatch(
                    _("The certificate of {host} is not the one you pinned. Someone may be intercepting "
                      "the connection, or the server changed its certificate; nothing was sent.").format(host=host)
                )
            if isinstance(cause, ssl.SSLCertVerificationError):
                return TlsVerificationFailed(
                    _("The identity of {host} could not be verified (its certificate is not trusted "
                      "or does not match the name). Nothing was sent.").format(host=host)
                )
        for cause in _cause_chain(exc):
            if isinstance(cause, ssl.SSLError):
                return TlsVerificationFailed(
                    _("A secure connection to {host} could not be established. Nothing was sent.").format(host=host)
                )
        if isinstance(exc, httpx.ProxyError):
            return ServerUnreachable(
                _("The proxy is running but could not reach {host}. Check the address, or try again later.").format(
                    host=host)
            )
        if isinstance(exc, httpx.TimeoutException):
            if isinstance(exc, httpx.ConnectTimeout):
                if self.settings.proxy_url:
                    return TransportTimeout(
                        _("Connecting to {host} through the proxy took too long. Try again later.").format(host=host))
                return TransportTimeout(_("Connecting to {host} took too long. Try again later.").format(host=host))
            return TransportTimeout(_("{host} stopped answering. Try again later.").format(host=host))
        if isinstance(exc, httpx.ConnectError):
            if any(isinstance(c, ConnectionResetError) for c in _cause_chain(exc)):
                return ConnectionCut(_("The connection to {host} was cut while it was being set up.").format(host=host))
            if self.settings.proxy_url:
                return ProxyUnreachable(
                    _("The proxy could not be reached. If you use Tor, make sure Tor (or Tor Browser) "
                      "is running and the proxy address is right.")
                )
            return ServerUnreachable(
                _("Could not connect to {host}. Check the address and your internet connection.").format(host=host)
            )
        if isinstance(exc, (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError)):
            return ConnectionCut(_("The connection to {host} was cut during the transfer.").format(host=host))
        return TransportError(_("The network transfer with {host} failed.").format(host=host))

    def _status_error(self, response: _Answer, action: str) -> TransportError:
        """`action` is an N_()-marked phrase ("store the bundle"), translated here."""
        code = response.status_code
        if code == 401:
            return AuthenticationFailed(
                _("The server refused the password or the link. Check the drop-folder link and its password.")
            )
        if code == 403:
            return AccessDenied(
                _("The server refused to let us {action} (403). The link or password may be wrong, "
                  "or this folder does not allow it.").format(action=_(action))
            )
        if code == 404:
            return FolderNotFound(_("The folder was not found on the server (404). Check the drop-folder link."))
        if code == 507:
            return InsufficientStorage(
                _("The server has no room left for the bundle (507 Insufficient Storage). "
                  "Ask the coordinator to free space; trying again will not help until then.")
            )
        if 500 <= code <= 599:
            return ServerError(
                _("The server had a problem ({code}) while trying to {action}. Try again later.").format(
                    code=code, action=_(action))
            )
        if 300 <= code <= 399:
            return UnexpectedResponse(
                _("The server redirected the request ({code}). Use the final address of the drop folder.").format(
                    code=code)
            )
        return UnexpectedResponse(_("The server answered {code} when asked to {action}.").format(
            code=code, action=_(action)))

    def _send(self, request: httpx.Request, *, stream: bool = False) -> httpx.Response:
        try:
            return self._http().send(request, stream=stream)
        except httpx.HTTPError as exc:
            raise self._map_error(exc) from None

    def _request(
        self, method: str, url: str, *, headers: dict[str, str] | None = None, content: Any = None
    ) -> _Answer:
        request = self._http().build_request(method, url, headers=headers, content=content)
        return self._answer(request)

    def _answer(self, request: httpx.Request) -> _Answer:
        """Send and read the whole (size-capped) answer, then release the connection."""
        response = self._send(request, stream=True)
        try:
            body = self._read_capped(response, MAX_LISTING_BYTES)
        finally:
            response.close()
        return _Answer(response.status_code, response.headers, body)

    def _read_capped(self, response: httpx.Response, cap: int) -> bytes:
        parts: list[bytes] = []
        total = 0
        try:
            for chunk in response.iter_raw(CHUNK_SIZE):
                total += len(chunk)
                if total > cap:
                    raise UnexpectedResponse(_("The server's answer was unreasonably large."))
                parts.append(chunk)
        except httpx.HTTPError as exc:
            raise self._map_error(exc) from None
        return b"".join(parts)

    # -- folder choice (Nextcloud has two public WebDAV endpoints) -----------

    def _folder(self) -> str:
        if self._folder_index is None:
            self._folder_index = self._probe_folders()
        return self.target.folder_urls[self._folder_index]

    def _probe_folders(self) -> int:
        """Index of the first folder URL that is not answered with 404/405."""
        urls = self.target.folder_urls
        for index, url in enumerate(urls):
            response = self._request("PROPFIND", url, headers={"Depth": "0"}, content=PROPFIND_BODY)
            if response.status_code not in (404, 405) or index == len(urls) - 1:
                return index
        return 0  # pragma: no cover - loop always returns

    # -- public operations ---------------------------------------------------

    def test_connection(self) -> ConnectionCheck:
        """Check address, proxy, TLS and credentials without writing anything.

        Uses PROPFIND Depth 0 on the folder. A Nextcloud file drop may refuse
        it (403/405) even when the link is right: then we only know the server
        is reachable, and the first real upload is the proof. A zero-byte test
        upload is deliberately not made: it would leave a file in the
        coordinator's folder.
        """
        folder = self._folder()
        response = self._request("PROPFIND", folder, headers={"Depth": "0"}, content=PROPFIND_BODY)
        code = response.status_code
        if code == 207 or 200 <= code <= 299:
            if self.target.is_nextcloud_share:
                return ConnectionCheck(
                    confirmed=True,
                    can_list=False,
                    note="The share link and password were accepted. Whether it accepts uploads "
                    "is only known after the first bundle is sent.",
                )
            return ConnectionCheck(
                confirmed=True, can_list=True, note="The folder was found and can be used."
            )
        if self.target.is_nextcloud_share and code in (403, 405):
            return ConnectionCheck(
                confirmed=False,
                can_list=False,
                note="The server was reached, but this share does not let us check the link. "
                "The first bundle sent will show whether it works.",
            )
        raise self._status_error(response, N_("open the folder"))

    def upload(
        self,
        source: str | os.PathLike[str] | BinaryIO,
        remote_name: str,
        size: int,
        progress: Progress | None = None,
        cancel: CancelToken = None,
    ) -> UploadReceipt:
        """Send `size` bytes from a file path or binary stream as `remote_name`.

        Streams 1 MiB chunks with Content-Length set. Connection failures,
        timeouts and 5xx answers (except 507) are retried with exponential
        backoff up to settings.max_attempts; a stream source is retried only if
        it is seekable. `cancel` aborts the connection and raises Cancelled.
        """
        if not SAFE_NAME.match(remote_name or ""):
            raise InvalidTarget(_("The remote file name may only contain letters, digits, '.', '-' and '_'."))
        if size < 0:
            raise InvalidTarget(_("The bundle size cannot be negative."))
        is_path = isinstance(source, (str, os.PathLike))
        start = None
        if not is_path:
            try:
                start = source.tell() if source.seekable() else None  # type: ignore[union-attr]
            except (OSError, AttributeError):
                start = None

        attempts = 0
        last_error: TransportError | None = None
        while attempts < self.settings.max_attempts:
            check_cancel(cancel, _("Sending was cancelled."))
            if attempts > 0:
                if not is_path and start is None:
                    break  # a one-way stream cannot be sent again
                self._wait_before_retry(attempts, cancel)
            attempts += 1
            try:
                if is_path:
                    with open(source, "rb") as handle:  # type: ignore[arg-type]
                        response = self._put_once(cast(BinaryIO, handle), remote_name, size, progress, cancel)
                else:
                    if start is not None:
                        source.seek(start)  # type: ignore[union-attr]
                    response = self._put_once(source, remote_name, size, progress, cancel)  # type: ignore[arg-type]
            except TransportError as exc:
                if not exc.transient:
                    raise
                last_error = exc
                continue
            if response.status_code in (200, 201, 204):
                return self._receipt(remote_name, size, response.status_code, attempts)
            error = self._status_error(response, N_("store the bundle"))
            if not error.transient:
                raise error
            last_error = error
        assert last_error is not None
        raise type(last_error)(
            (_("{last_error} (gave up after 1 attempt)") if attempts == 1
             else _("{last_error} (gave up after {attempts} attempts)")).format(last_error=last_error, attempts=attempts)
        )

    def _wait_before_retry(self, retry_number: int, cancel: CancelToken) -> None:
        # Sleep in short slices so a cancel during the back-off is honoured quickly.
        remaining = self.settings.backoff_delay(retry_number)
        while remaining > 0:
            check_cancel(cancel, _("Sending was cancelled."))
            step = min(0.25, remaining)
            self._sleep(step)
            remaining -= step
        check_cancel(cancel, _("Sending was cancelled."))

    def _put_once(
        self, handle: BinaryIO, remote_name: str, size: int, progress: Progress | None, cancel: CancelToken
    ) -> _Answer:
        folders = self.target.folder_urls
        self._folder()  # picks the live endpoint once, before any bundle byte is sent
        first = self._folder_index or 0
        order = [first] + [i for i in range(len(folders)) if i != first]
        body_start = handle.tell() if handle.seekable() else None
        response: _Answer | None = None
        for position, index in enumerate(order):
            if position > 0:
                if body_start is None:
                    break
                handle.seek(body_start)
            url = file_url(folders[index], remote_name)
            request = self._http().build_request(
                "PUT",
                url,
                headers={"Content-Length": str(size), "Content-Type": "application/octet-stream"},
                content=self._chunks(handle, size, progress, cancel),
            )
            response = self._answer(request)
            if response.status_code in (404, 405) and position + 1 < len(order):
                continue  # the other Nextcloud endpoint may be the live one
            self._folder_index = index
            return response
        assert response is not None
        return response

    @staticmethod
    def _chunks(
        handle: BinaryIO, size: int, progress: Progress | None, cancel: CancelToken
    ) -> Iterator[bytes]:
        # Raising here (Cancelled, LocalFileChanged) makes httpcore drop the
        # half-sent connection, so the server never sees a complete request.
        sent = 0
        if progress is not None:
            progress(0, size)
        while sent < size:
            check_cancel(cancel, _("Sending was cancelled."))
            chunk = handle.read(min(CHUNK_SIZE, size - sent))
            if not chunk:
                raise LocalFileChanged(_("The bundle file became shorter while it was being sent."))
            sent += len(chunk)
            yield chunk
            if progress is not None:
                progress(sent, size)

    def _receipt(self, remote_name: str, size: int, status: int, attempts: int) -> UploadReceipt:
        if self.target.is_nextcloud_share:
            return UploadReceipt(
                remote_name,
                size,
                status,
                verified=False,
                attempts=attempts,
                note=f"The server accepted the bundle (HTTP {status}). A Nextcloud file drop does not "
                "let senders read files back, so the stored size could not be checked.",
            )
        try:
            stored = self._remote_size(remote_name)
        except TransportError:
            # The PUT itself succeeded; a failed check must not make the caller send again.
            stored = None
        if stored is None:
            return UploadReceipt(
                remote_name,
                size,
                status,
                verified=False,
                attempts=attempts,
                note=f"The server accepted the bundle (HTTP {status}); its stored size could not be checked.",
            )
        if stored != size:
            raise RemoteSizeMismatch(
                _("The server stored {stored} bytes instead of {size}. The bundle should be sent again.").format(stored=stored, size=size)
            )
        return UploadReceipt(
            remote_name,
            size,
            status,
            verified=True,
            attempts=attempts,
            note="The server confirmed it stored the whole bundle.",
        )

    def _remote_size(self, remote_name: str) -> int | None:
        url = file_url(self._folder(), remote_name)
        response = self._request("PROPFIND", url, headers={"Depth": "0"}, content=PROPFIND_BODY)
        if response.status_code == 207:
            try:
                return parse_single_size(response.content)
            except UnexpectedResponse:
                return None
        response = self._request("HEAD", url)
        if 200 <= response.status_code <= 299 and response.headers.get("Content-Length", "").isdigit():
            return int(response.headers["Content-Length"])
        return None

    def list_bundles(self, suffix: str = BUNDLE_SUFFIX) -> list[RemoteFile]:
        """The *.ijbundle files (or *`suffix`: travel packages) in the folder (PROPFIND Depth 1),
        oldest first."""
        folder = self._folder()
        response = self._request("PROPFIND", folder, headers={"Depth": "1"}, content=PROPFIND_BODY)
        if response.status_code != 207:
            raise self._status_error(response, N_("list the folder"))
        return parse_listing(response.content, folder, suffix)

    def download(
        self,
        remote_file: RemoteFile,
        dst: BinaryIO,
        max_size: int,
        progress: Progress | None = None,
        cancel: CancelToken = None,
    ) -> int:
        """Stream `remote_file` into `dst`; return the number of bytes written.

        Stops with DownloadTooLarge as soon as more than `max_size` bytes are
        announced or received (dst then holds a partial file the caller must
        discard). Not retried: the caller decides, since dst was written to.
        """
        if not SAFE_NAME.match(remote_file.name):
            raise InvalidTarget(_("The remote file name is not a safe bundle name."))
        url = file_url(self._folder(), remote_file.name)
        request = self._http().build_request("GET", url)
        too_large = DownloadTooLarge(
            _("The file on the server is larger than the limit of {max_size} bytes; it was not downloaded.").format(
                max_size=max_size)
        )
        response = self._send(request, stream=True)
        try:
            if response.status_code != 200:
                answer = _Answer(
                    response.status_code, response.headers, self._read_capped(response, MAX_LISTING_BYTES)
                )
                raise self._status_error(answer, N_("download the bundle"))
            announced = response.headers.get("Content-Length", "")
            total = int(announced) if announced.isdigit() else (remote_file.size or 0)
            if announced.isdigit() and int(announced) > max_size:
                raise too_large
            received = 0
            if progress is not None:
                progress(0, total)
            try:
                for chunk in response.iter_raw(CHUNK_SIZE):
                    check_cancel(cancel, _("Sending was cancelled."))
                    received += len(chunk)
                    if received > max_size:
                        raise too_large
                    dst.write(chunk)
                    if progress is not None:
                        progress(received, max(total, received))
            except httpx.HTTPError as exc:
                raise self._map_error(exc) from None
            return received
        finally:
            response.close()

    def delete(self, remote_file: RemoteFile) -> None:
        """Delete a bundle from the folder; a file already gone counts as deleted."""
        if not SAFE_NAME.match(remote_file.name):
            raise InvalidTarget(_("The remote file name is not a safe bundle name."))
        response = self._request("DELETE", file_url(self._folder(), remote_file.name))
        if 200 <= response.status_code <= 299 or response.status_code == 404:
            return
        raise self._status_error(response, N_("delete the bundle"))


def upload_file(
    target: DropTarget,
    path: str | os.PathLike[str],
    settings: NetworkSettings | None = None,
    progress: Progress | None = None,
    cancel: CancelToken = None,
) -> UploadReceipt:
    """Convenience: send one bundle file under a fresh random name."""
    size = Path(path).stat().st_size
    with WebDavClient(target, settings) as client:
        return client.upload(path, random_bundle_name(), size, progress=progress, cancel=cancel)
