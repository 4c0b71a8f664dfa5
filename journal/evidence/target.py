"""Where a package is written: a new folder or a ZIP file, each streamed, hashed on the way,
and made visible only once complete.

A folder is built as a hidden sibling (``.<name>.part-XXXX``) and renamed into place at the end;
a ZIP goes through journal.storage.atomic.atomic_output (a 0600 temp file renamed over the
target). Either way a cancelled or failed package leaves nothing behind. ZIP members are
written with zipfile's streaming writer (ZIP64 for big files): media stored as they are,
text deflated.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from journal.errors import InvalidInput
from journal.i18n import _
from journal.storage.atomic import atomic_output, fsync_dir



class _Hashing:
    """A writer that hashes and counts what passes through."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, data) -> int:
        self.raw.write(data)
        self.digest.update(data)
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        self.raw.flush()


class Target:
    """Receives the package's files by relative POSIX path; remembers each one's SHA-256."""

    def __init__(self) -> None:
        self.hashes: dict[str, str] = {}
        self.sizes: dict[str, int] = {}

    @contextlib.contextmanager
    def open(self, name: str, *, compress: bool = False) -> Iterator[_Hashing]:
        with self._raw(name, compress) as raw:
            writer = _Hashing(raw)
            yield writer
        self.hashes[name] = writer.digest.hexdigest()
        self.sizes[name] = writer.size

    def write_bytes(self, name: str, data: bytes) -> str:
        with self.open(name, compress=True) as out:
            out.write(data)
        return self.hashes[name]

    def _raw(self, name: str, compress: bool):  # pragma: no cover - abstract
        raise NotImplementedError


class FolderTarget(Target):
    def __init__(self, final: Path) -> None:
        super().__init__()
        self.final = final
        self.root = Path(tempfile.mkdtemp(prefix=f".{final.name}.part-", dir=final.parent))
        os.chmod(self.root, 0o700)

    @contextlib.contextmanager
    def _raw(self, name: str, compress: bool):
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())

    def commit(self) -> None:
        for folder, _dirs, _files in os.walk(self.root):
            fsync_dir(Path(folder))
        os.rename(self.root, self.final)
        fsync_dir(self.final.parent)

    def abort(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


class ZipTarget(Target):
    def __init__(self, handle: BinaryIO) -> None:
        super().__init__()
        self.zip = zipfile.ZipFile(handle, "w", allowZip64=True)

    @contextlib.contextmanager
    def _raw(self, name: str, compress: bool):
        info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        info.external_attr = 0o600 << 16
        with self.zip.open(info, "w", force_zip64=True) as member:
            yield member

    def close(self) -> None:
        self.zip.close()


@contextlib.contextmanager
def open_target(out: str | os.PathLike[str]) -> Iterator[Target]:
    """A folder target, or a ZIP when ``out`` ends in .zip. The path must not exist yet (a
    package is never written over something)."""
    path = Path(out)
    if path.exists() or path.is_symlink():
        raise InvalidInput(_("{path} already exists; choose a new name for the package.").format(path=path))
    if not path.parent.is_dir():
        raise InvalidInput(_("The folder {parent} does not exist.").format(parent=path.parent))
    if path.suffix.lower() == ".zip":
        with atomic_output(path) as handle:
            target = ZipTarget(handle)
            try:
                yield target
            finally:
                target.close()
        return
    folder = FolderTarget(path)
    try:
        yield folder
    except BaseException:
        folder.abort()
        raise
    folder.commit()
