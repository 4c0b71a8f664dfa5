"""Sending and fetching bundles over the network (WebDAV drop folders).

The only package in the app that opens sockets, and only when a method of
WebDavClient is called. Importing it, parsing addresses and building settings
or clients touches no network.
"""

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
from journal.exchange.transport.settings import TOR_PROXY_URL, NetworkSettings
from journal.exchange.transport.targets import DropTarget, TargetKind, parse_drop_url
from journal.exchange.transport.webdav import (
    ConnectionCheck,
    UploadReceipt,
    WebDavClient,
    random_bundle_name,
    upload_file,
)
from journal.exchange.transport.webdav_xml import RemoteFile

__all__ = [
    "AccessDenied",
    "AuthenticationFailed",
    "CertificatePinMismatch",
    "ConnectionCheck",
    "ConnectionCut",
    "DownloadTooLarge",
    "DropTarget",
    "FolderNotFound",
    "InsufficientStorage",
    "InvalidTarget",
    "LocalFileChanged",
    "NetworkSettings",
    "ProxyUnreachable",
    "RemoteFile",
    "RemoteSizeMismatch",
    "ServerError",
    "ServerUnreachable",
    "TOR_PROXY_URL",
    "TargetKind",
    "TlsVerificationFailed",
    "TransportError",
    "TransportTimeout",
    "UnexpectedResponse",
    "UploadReceipt",
    "WebDavClient",
    "parse_drop_url",
    "random_bundle_name",
    "upload_file",
]
