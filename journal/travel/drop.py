"""A coordinator's drop folder as the travel package's destination (WebDAV, optionally over Tor).

Prepare: the package is made and proven in a private temporary file in the journal folder
(journal/travel/package.py), sent under a random name ``<32 hex>.ijtravel`` (a coordinator's
bundle fetch lists only ``*.ijbundle``, so it never tries to import it), then **read back** from
the server and compared byte for byte (SHA-256) with the proven file. Only a package the
server gives back whole counts: a Nextcloud *file drop* lets nobody read files back, so it is
refused before anything is made (the person could not fetch the package after the journey
either). The local file is deleted whatever happens; the journal is erased by the caller only
after this returned.

Restore: the person types the folder's address (and its user name and password, if any): the
journal that knew them is gone. The newest ``*.ijtravel`` that the recovery code opens is
downloaded into a private temporary file in the new journal folder and restored from there.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from pathlib import Path
from typing import Any, Callable

from journal.errors import Cancelled, WrongPassphrase
from journal.exchange.transport import NetworkSettings, RemoteFile, WebDavClient, parse_drop_url
from journal.i18n import _
from journal.progress import CancelToken, Progress, check_cancel
from journal.travel.package import (
    STAGE_DOWNLOAD,
    STAGE_READ_BACK,
    STAGE_UPLOAD,
    TRAVEL_SUFFIX,
    PrepareReport,
    RestoreReport,
    Stage,
    TravelError,
    code_passphrase,
    prepare_to_file,
    restore_from_file,
)

ClientFactory = Callable[..., Any]
#: A travel package larger than this is not downloaded (a hostile server could send forever).
MAX_PACKAGE_BYTES = 1 << 40


class _HashSink:
    def __init__(self, cancel: CancelToken) -> None:
        self.sha = hashlib.sha256()
        self.size = 0
        self.cancel = cancel

    def write(self, data: bytes) -> int:
        check_cancel(self.cancel)
        self.sha.update(data)
        self.size += len(data)
        return len(data)


def _second_half(progress: Progress | None, size: int) -> Progress | None:
    """Progress of the restore that follows a download of `size` bytes (the first half)."""
    if progress is None:
        return None
    return lambda done, _total: progress(size + done, 2 * size)


def prepare_to_drop(journal, folder, settings: NetworkSettings, code: str, *, work_factor: int | None = None,
                    client_factory: ClientFactory | None = None, progress: Progress | None = None,
                    cancel: CancelToken = None, stage: Stage | None = None) -> PrepareReport:
    """Make, prove, send and read back the package; ``folder`` is the coordinator's DropFolder
    (journal.exchange.outbox), ``settings`` the network settings to use (proxy, pin)."""
    target = folder.target()
    if target.is_nextcloud_share:
        raise TravelError(_("This drop folder is a Nextcloud file drop, which does not let anyone read files "
                            "back: the app could not prove the package arrived whole, and you could not "
                            "fetch it after the journey. Save the package to a file instead, or ask the "
                            "coordinator for a folder you can read."))
    code_passphrase(code)  # a malformed code is told before anything is made
    local = Path(journal.data_dir) / f".travel-{secrets.token_hex(6)}{TRAVEL_SUFFIX}"
    factory = client_factory or WebDavClient
    kwargs = {} if work_factor is None else {"work_factor": work_factor}

    def part(base: int):
        return (lambda d, t: progress(base * max(t, 1) + d, 4 * max(t, 1))) if progress else None

    try:
        made = prepare_to_file(journal, local, code, cancel=cancel, stage=stage,
                               progress=(lambda d, t: progress(d, 2 * max(t, 1))) if progress else None, **kwargs)
        name = uuid.uuid4().hex + TRAVEL_SUFFIX
        with factory(target, settings) as client:
            if stage:
                stage(STAGE_UPLOAD)
            client.upload(local, name, made.size, progress=part(2), cancel=cancel)
            if stage:
                stage(STAGE_READ_BACK)
            sink = _HashSink(cancel)
            try:
                client.download(RemoteFile(name, made.size, None, None), sink, made.size,  # type: ignore[arg-type]
                                progress=part(3),
                                cancel=cancel)
            except Cancelled:
                raise
            except Exception as exc:  # noqa: BLE001 - any failure to read back is a doubt
                raise TravelError(_("The package was sent but could not be read back from the drop folder "
                                    "({reason}). Nothing was erased.").format(reason=exc)) from None
            if sink.size != made.size or sink.sha.hexdigest() != made.sha256:
                raise TravelError(_("The copy in the drop folder is not the same as the package that was "
                                    "sent. Nothing was erased; try again."))
    finally:
        local.unlink(missing_ok=True)
    return PrepareReport(None, made.size, made.sha256, made.entries, made.attachment_files,
                         remote_name=name, folder_url=folder.url)


def restore_from_drop(url: str, data_dir: str | Path, code: str, *, user: str | None = None,
                      password: str | None = None, name: str | None = None, proxy_url: str | None = None,
                      settings: NetworkSettings | None = None, client_factory: ClientFactory | None = None,
                      progress: Progress | None = None, cancel: CancelToken = None,
                      stage: Stage | None = None) -> RestoreReport:
    """Fetch the travel package from the drop folder at ``url`` and restore it into ``data_dir``.

    Without ``name`` the folder's ``*.ijtravel`` files are tried newest first; the first one
    the code opens is restored (WrongPassphrase when none does)."""
    code_passphrase(code)
    target = parse_drop_url(url, user or None, password or None)
    settings = settings or NetworkSettings(proxy_url=proxy_url or None)
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    factory = client_factory or WebDavClient
    with factory(target, settings) as client:
        if name:
            candidates = [RemoteFile(name, None, None, None)]
        else:
            candidates = list(reversed(client.list_bundles(TRAVEL_SUFFIX)))
            if not candidates:
                raise TravelError(_("There is no travel package (*.ijtravel) in that folder."))
        failure: Exception | None = None
        for remote in candidates:
            local = data_dir / f".travel-{secrets.token_hex(6)}{TRAVEL_SUFFIX}"
            try:
                if stage:
                    stage(STAGE_DOWNLOAD)
                with open(local, "xb") as out:
                    client.download(remote, out, MAX_PACKAGE_BYTES,
                                    progress=(lambda d, t: progress(d, 2 * max(t, 1))) if progress else None,
                                    cancel=cancel)
                try:
                    return restore_from_file(local, data_dir, code, stage=stage, cancel=cancel,
                                             progress=_second_half(progress, local.stat().st_size))
                except (WrongPassphrase, TravelError) as exc:
                    # Another person's package, an older code's, or a damaged one: try the next.
                    if failure is None or isinstance(exc, TravelError):
                        failure = exc
                    continue
            finally:
                local.unlink(missing_ok=True)
    if isinstance(failure, TravelError):
        raise failure
    raise WrongPassphrase(_("That recovery code opens no travel package in that folder."))
