"""The tar layer: writing POSIX (pax/ustar) headers, and a strict streaming header parser.

We write headers with the standard library (``TarInfo.tobuf``) but parse them ourselves:
``tarfile`` in ``'r|'`` mode reads pax and GNU long-name headers of any declared size into
memory and follows no limits, which a hostile bundle could exploit. The parser below accepts
only what a bundle needs: regular files with short names, optionally preceded by a bounded pax
header (written by tarfile for members of 8 GiB or more).
"""

from __future__ import annotations

import tarfile
from collections.abc import Callable
from dataclasses import dataclass

from journal.exchange.bundle.errors import BundleRejected
from journal.i18n import _

BLOCK_SIZE = 512
RECORD_SIZE = 20 * BLOCK_SIZE  # what tar(1) and tarfile pad the archive to
MAX_PAX_HEADER = 64 * 1024

_ZERO_BLOCK = bytes(BLOCK_SIZE)


def member_header(path: str, size: int, mtime: int) -> bytes:
    """Header block(s) for a regular file that reveal nothing about the sender's machine."""
    info = tarfile.TarInfo(path)
    info.size = size
    info.mode = 0o644
    info.mtime = mtime
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.type = tarfile.REGTYPE
    return info.tobuf(tarfile.PAX_FORMAT, "utf-8", "strict")


def padding(size: int) -> bytes:
    """NUL bytes that round a member's content up to a whole block."""
    return bytes(-size % BLOCK_SIZE)


def end_of_archive(bytes_so_far: int) -> bytes:
    """Two zero blocks, then zeros up to a whole record (as tar(1) does)."""
    total = bytes_so_far + 2 * BLOCK_SIZE
    return bytes(2 * BLOCK_SIZE + (-total % RECORD_SIZE))


# --- reading -----------------------------------------------------------------------

KIND_FILE = "file"
KIND_HARDLINK = "hardlink"
KIND_SYMLINK = "symlink"
KIND_DEVICE = "device"
KIND_DIRECTORY = "directory"
KIND_FIFO = "fifo"

_TYPEFLAGS = {
    b"0": KIND_FILE,
    b"\x00": KIND_FILE,
    b"1": KIND_HARDLINK,
    b"2": KIND_SYMLINK,
    b"3": KIND_DEVICE,
    b"4": KIND_DEVICE,
    b"5": KIND_DIRECTORY,
    b"6": KIND_FIFO,
}


class ArchiveEnded(Exception):
    """Internal: the decrypted stream ended in the middle of the archive."""


@dataclass(frozen=True)
class TarEntry:
    """One parsed header: the content (``size`` bytes, padded to a block) follows it."""

    path: str
    size: int
    kind: str


def _malformed(what: str) -> BundleRejected:
    return BundleRejected(f"malformed archive ({what})")


def _parse_number(field: bytes) -> int:
    if field[:1] and field[0] & 0x80:  # GNU base-256 for large values
        if field[0] & 0x40:
            raise _malformed(_("negative number in a header"))
        return int.from_bytes(bytes([field[0] & 0x3F]) + field[1:], "big")
    text = field.split(b"\x00", 1)[0].strip(b" ")
    if not text:
        return 0
    if any(c not in b"01234567" for c in text):
        raise _malformed(_("bad number in a header"))
    return int(text, 8)


def _parse_pax(data: bytes) -> dict[str, str]:
    records: dict[str, str] = {}
    pos = 0
    while pos < len(data):
        space = data.find(b" ", pos)
        if space < 0 or space - pos > 10:
            raise _malformed(_("bad pax header"))
        try:
            length = int(data[pos:space])
        except ValueError as exc:
            raise _malformed(_("bad pax header")) from exc
        end = pos + length
        if length <= space - pos + 1 or end > len(data) or data[end - 1 : end] != b"\n":
            raise _malformed(_("bad pax header"))
        key, sep, value = data[space + 1 : end - 1].partition(b"=")
        if not sep:
            raise _malformed(_("bad pax header"))
        try:
            records[key.decode("utf-8")] = value.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BundleRejected(_("invalid UTF-8 in a member name")) from exc
        pos = end
    return records


class StrictTarReader:
    """Pulls headers and content from ``read_exact(n)`` (which raises ArchiveEnded on EOF)."""

    def __init__(self, read_exact: Callable[[int], bytes]) -> None:
        self._read_exact = read_exact

    def next_entry(self) -> TarEntry | None:
        """The next member's header, or None at the end-of-archive marker."""
        pax: dict[str, str] | None = None
        while True:
            block = self._read_exact(BLOCK_SIZE)
            if block == _ZERO_BLOCK:
                if pax is not None:
                    raise _malformed(_("pax header without a member"))
                return None
            entry_path, size, typeflag = self._parse_header(block)
            if typeflag == b"x":
                if pax is not None:
                    raise _malformed(_("two pax headers in a row"))
                if size > MAX_PAX_HEADER:
                    raise _malformed(_("pax header too large"))
                pax = _parse_pax(self._read_exact(size)[:size] if size else b"")
                self.skip_padding(size)
                continue
            if typeflag == b"g":
                raise _malformed(_("global pax headers are not allowed"))
            if typeflag in (b"L", b"K"):
                raise _malformed(_("GNU long names are not allowed"))
            kind = _TYPEFLAGS.get(typeflag)
            if kind is None:
                raise _malformed(_("unsupported entry type {typeflag!r}").format(typeflag=typeflag))
            if pax is not None:
                if "path" in pax:
                    entry_path = pax["path"]
                if "size" in pax:
                    if not pax["size"].isdigit() or len(pax["size"]) > 20:
                        raise _malformed(_("bad size in pax header"))
                    size = int(pax["size"])
            return TarEntry(entry_path, size, kind)

    @staticmethod
    def _parse_header(block: bytes) -> tuple[str, int, bytes]:
        stored = _parse_number(block[148:156])
        unsigned = sum(block[:148]) + 8 * 0x20 + sum(block[156:])
        signed = unsigned - 2 * sum(b for b in block[:148] + block[156:] if b > 127)
        if stored not in (unsigned, signed):
            raise _malformed(_("bad header checksum"))
        magic = block[257:265]
        if magic == b"ustar\x0000":
            prefix = block[345:500].split(b"\x00", 1)[0]
        elif magic == b"ustar  \x00":  # GNU tar: no prefix field
            prefix = b""
        else:
            raise _malformed(_("not a POSIX tar"))
        name = block[0:100].split(b"\x00", 1)[0]
        raw_path = prefix + b"/" + name if prefix else name
        try:
            entry_path = raw_path.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BundleRejected(_("invalid UTF-8 in a member name")) from exc
        return entry_path, _parse_number(block[124:136]), block[156:157]

    def skip_padding(self, size: int) -> None:
        """Consume the NULs after a member's content (anything else would be hidden data)."""
        pad = -size % BLOCK_SIZE
        if pad and self._read_exact(pad).count(0) != pad:
            raise _malformed(_("non-zero padding"))
