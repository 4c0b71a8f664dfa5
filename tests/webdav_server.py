"""Real WebDAV (and deliberately broken) servers on 127.0.0.1 for transport tests.

Everything binds to 127.0.0.1 with an ephemeral port and runs in a daemon
thread; every server has a stop() that the fixtures call in teardown, and
every loop here is bounded.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cheroot import wsgi
from cheroot.ssl.builtin import BuiltinSSLAdapter
from wsgidav.wsgidav_app import WsgiDAVApp

LOOPBACK = "127.0.0.1"
# Lower case: WsgiDAV 4.4 matches mount paths case-insensitively but looks them up
# with their original case, so a mixed-case mount is never found.
SHARE_TOKEN = "tok3nabcdef123"

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def _drain_body(environ: dict[str, Any], limit: int = 64 * 1024 * 1024) -> int:
    """Read and discard a request body (bounded), like a real server would before answering."""
    length = environ.get("CONTENT_LENGTH") or "0"
    remaining = min(int(length) if length.isdigit() else 0, limit)
    stream = environ["wsgi.input"]
    total = 0
    while remaining > 0:
        chunk = stream.read(min(65536, remaining))
        if not chunk:
            break
        total += len(chunk)
        remaining -= len(chunk)
    return total


@dataclass
class RequestLog:
    """WSGI middleware that records (method, path) of every request."""

    app: WsgiApp
    entries: list[tuple[str, str]] = field(default_factory=list)

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        self.entries.append((environ["REQUEST_METHOD"], environ.get("PATH_INFO", "")))
        return self.app(environ, start_response)

    def methods(self) -> list[str]:
        return [method for method, _ in self.entries]


@dataclass
class FailingPut:
    """Middleware answering every PUT with a fixed status (after reading the body)."""

    app: WsgiApp
    status: str = "507 Insufficient Storage"

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ["REQUEST_METHOD"] == "PUT":
            _drain_body(environ)
            start_response(self.status, [("Content-Type", "text/plain"), ("Content-Length", "4")])
            return [b"fail"]
        return self.app(environ, start_response)


@dataclass
class FakeNextcloudDrop:
    """Middleware imitating a Nextcloud "file drop" share in front of WsgiDAV.

    Requires the X-Requested-With header on /public.php, and refuses what an
    upload-only share refuses: reading files and listing the folder.
    """

    app: WsgiApp

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        method = environ["REQUEST_METHOD"]
        if path.startswith("/public.php"):
            if environ.get("HTTP_X_REQUESTED_WITH") != "XMLHttpRequest":
                _drain_body(environ)
                start_response("412 Precondition Failed", [("Content-Length", "0")])
                return [b""]
            listing = method == "PROPFIND" and environ.get("HTTP_DEPTH", "infinity") != "0"
            if method in ("GET", "HEAD") or listing:
                start_response("403 Forbidden", [("Content-Length", "0")])
                return [b""]
        return self.app(environ, start_response)


class ThreadedServer:
    """A cheroot WSGI server on 127.0.0.1:<ephemeral> in a daemon thread."""

    def __init__(self, app: WsgiApp, ssl_files: tuple[Path, Path] | None = None) -> None:
        self.server = wsgi.Server((LOOPBACK, 0), app, numthreads=4, timeout=10)
        self.scheme = "http"
        if ssl_files is not None:
            self.server.ssl_adapter = BuiltinSSLAdapter(str(ssl_files[0]), str(ssl_files[1]))
            self.scheme = "https"
        self.server.prepare()
        self.port: int = self.server.bind_addr[1]
        self._thread = threading.Thread(target=self.server.serve, name="test-webdav", daemon=True)
        self._thread.start()

    def url(self, path: str = "/", host: str = LOOPBACK) -> str:
        return f"{self.scheme}://{host}:{self.port}{path}"

    def stop(self) -> None:
        self.server.stop()
        self._thread.join(timeout=10)


def webdav_app(mounts: dict[str, Path], users: dict[str, dict[str, str] | bool] | None = None) -> WsgiApp:
    """A WsgiDAV app serving each `mounts` path from a folder.

    `users` maps a mount path to {user: password} (basic auth) or True (anonymous);
    mounts not listed are anonymous.
    """
    user_mapping: dict[str, Any] = {}
    for mount in mounts:
        spec = (users or {}).get(mount, True)
        if spec is True:
            user_mapping[mount] = True
        else:
            user_mapping[mount] = {name: {"password": pw} for name, pw in spec.items()}  # type: ignore[union-attr]
    user_mapping.setdefault("*", True)  # unmapped paths: plain 404, not an auth error
    config = {
        "host": LOOPBACK,
        "port": 0,
        "provider_mapping": {mount: str(folder) for mount, folder in mounts.items()},
        "simple_dc": {"user_mapping": user_mapping},
        "http_authenticator": {
            "accept_basic": True,
            "accept_digest": False,
            "default_to_digest": False,
            "domain_controller": None,
        },
        "dir_browser": {"enable": False},
        "verbose": 0,
        "logging": {"enable": False, "enable_loggers": []},
    }
    return WsgiDAVApp(config)


# -- raw socket servers for failure modes -------------------------------------


class RawServer:
    """A TCP server on 127.0.0.1 that runs `handler(conn)` per connection, in a thread.

    Accepts at most `max_connections`, then stops by itself.
    """

    def __init__(self, handler: Callable[[socket.socket], None], max_connections: int = 20) -> None:
        self.handler = handler
        self.max_connections = max_connections
        self.connections = 0
        self._stop = threading.Event()
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((LOOPBACK, 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port: int = self.sock.getsockname()[1]
        self._workers: list[threading.Thread] = []
        self._thread = threading.Thread(target=self._accept_loop, name="test-raw", daemon=True)
        self._thread.start()

    @property
    def stopping(self) -> threading.Event:
        return self._stop

    def url(self, path: str = "/") -> str:
        return f"http://{LOOPBACK}:{self.port}{path}"

    def _accept_loop(self) -> None:
        while not self._stop.is_set() and self.connections < self.max_connections:
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            worker = threading.Thread(target=self._run, args=(conn,), daemon=True)
            self._workers.append(worker)
            worker.start()

    def _run(self, conn: socket.socket) -> None:
        try:
            conn.settimeout(10)
            self.handler(conn)
        except OSError:
            pass
        finally:
            conn.close()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)
        self.sock.close()
        for worker in self._workers:
            worker.join(timeout=10)


def cut_after(n_bytes: int) -> Callable[[socket.socket], None]:
    """Handler: read about `n_bytes` of the request, then reset the connection."""

    def handler(conn: socket.socket) -> None:
        received = 0
        while received < n_bytes:
            data = conn.recv(65536)
            if not data:
                break
            received += len(data)
        # SO_LINGER 0: close with RST, as a crashing proxy or a dropped link would.
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")

    return handler


def silent_until(stop: threading.Event) -> Callable[[socket.socket], None]:
    """Handler: read the request and never answer, until `stop` is set (bounded by 30 s).

    `handler.received` counts the connections whose request arrived (tests wait for it
    instead of guessing how long the server needs under load)."""

    lock = threading.Lock()

    def handler(conn: socket.socket) -> None:
        conn.settimeout(0.1)
        counted = False
        for _ in range(300):
            if stop.is_set():
                return
            try:
                data = conn.recv(65536)
            except TimeoutError:
                continue
            if data == b"":
                return
            if not counted:
                counted = True
                with lock:
                    handler.received += 1

    handler.received = 0
    return handler


def wait_until(predicate: Callable[[], bool], timeout: float = 30.0, what: str = "the server") -> None:
    """Poll `predicate` until true (an event the test waits for, not a fixed sleep)."""
    import time

    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: condition not reached in {timeout} s")
        time.sleep(0.01)


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound and released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


def make_tls_files(
    folder: Path, hostname: str = "localhost", include_loopback_ip: bool = True
) -> tuple[Path, Path, Path, bytes]:
    """A test CA and a server certificate for `hostname` (and 127.0.0.1 unless told not to).

    Returns (ca_cert_path, server_cert_path, server_key_path, server_cert_der).
    """
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Incident Journal test CA")])
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hostname)]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName(hostname)]
                + ([x509.IPAddress(ipaddress.ip_address(LOOPBACK))] if include_loopback_ip else [])
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    ca_path = folder / "ca.pem"
    cert_path = folder / "server.pem"
    key_path = folder / "server.key"
    ca_path.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return ca_path, cert_path, key_path, cert.public_bytes(serialization.Encoding.DER)


__all__ = [
    "FailingPut",
    "FakeNextcloudDrop",
    "LOOPBACK",
    "RawServer",
    "RequestLog",
    "SHARE_TOKEN",
    "ThreadedServer",
    "cut_after",
    "free_port",
    "make_tls_files",
    "silent_until",
    "webdav_app",
]
