"""Replacing journal.keys so the old wrapped keys do not stay behind in the file's blocks.

A plain atomic replace (temp file, fsync, rename) frees the old file's blocks without
touching them: on ext4 the old ``journal.keys`` could be carved from the disk after a
passphrase change and opened the journal with the old passphrase (issue 19). So the new
content is written to a temp file and fsynced, the old file is then **overwritten in place**
with random bytes and fsynced, and only then is the temp file renamed over it.

A crash between the overwrite and the rename leaves ``journal.keys`` as noise and the new
content complete in ``.journal.keys.<random>.tmp`` (fsynced before the overwrite started):
``read_key_bytes`` reads that temp file when journal.keys does not parse, and
``finish_interrupted_replace`` (run at open, under the journal lock) renames it into place.

What the overwrite cannot do is said in docs/security.md ("Changing the key"): SSDs, flash
and copy-on-write file systems (btrfs, ZFS, APFS) write the new bytes elsewhere, so the old
blocks may survive there until reused.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

from journal.storage.atomic import fsync_dir

TMP_GLOB = ".{name}.*.tmp"
#: Tests set this to a callable called with "keys-overwritten" between the in-place overwrite
#: and the rename (tests/test_rotation_kill.py kills the process there). Never set in the app.
test_hook = None


def _write_new(path: Path, data: bytes, mode: int) -> Path:
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    try:
        try:
            os.fchmod(fd, mode)
        except (AttributeError, OSError):
            pass
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    os.close(fd)
    fsync_dir(path.parent)  # the temp file's entry is durable before the old file is destroyed
    return tmp


def overwrite_in_place(path: Path) -> bool:
    """Random bytes over the whole file, fsynced; the file stays. False if there was none."""
    try:
        with open(path, "r+b", buffering=0) as handle:
            size = os.fstat(handle.fileno()).st_size
            handle.write(os.urandom(size))
            os.fsync(handle.fileno())
        return True
    except FileNotFoundError:
        return False


def replace_keys_file(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Make ``path`` hold ``data``: temp file + fsync, old file overwritten in place, rename."""
    path = Path(path)
    tmp = _write_new(path, data, mode)
    try:
        overwrite_in_place(path)
    except OSError:
        pass  # a read-only old file (Windows attributes): the rename below still replaces it
    if test_hook is not None:
        test_hook("keys-overwritten")
    try:
        os.replace(tmp, path)
    except BaseException:
        # The old content may already be noise: the temp file is the only good copy, so it
        # stays for finish_interrupted_replace rather than being removed here.
        raise
    fsync_dir(path.parent)


def _parses(raw: bytes, expected_format: str) -> bool:
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return False
    return isinstance(doc, dict) and doc.get("format") == expected_format and isinstance(doc.get("slots"), list)


def interrupted_copy(path: Path, expected_format: str) -> Path | None:
    """The complete temp file of an interrupted replace, if ``path`` itself does not parse."""
    path = Path(path)
    try:
        if _parses(path.read_bytes(), expected_format):
            return None
    except FileNotFoundError:
        pass
    except OSError:
        return None
    candidates = []
    for tmp in path.parent.glob(TMP_GLOB.format(name=path.name)):
        try:
            raw = tmp.read_bytes()
            if _parses(raw, expected_format):
                candidates.append((tmp.stat().st_mtime_ns, tmp))
        except OSError:
            continue
    if not candidates:
        return None
    return max(candidates)[1]  # the newest complete one


def read_key_bytes(path: Path, expected_format: str) -> bytes:
    """journal.keys' bytes, or those of the complete temp file an interrupted replace left.
    Raises FileNotFoundError / OSError as ``Path.read_bytes`` does when neither exists."""
    tmp = interrupted_copy(path, expected_format)
    if tmp is not None:
        return tmp.read_bytes()
    return Path(path).read_bytes()


def finish_interrupted_replace(path: Path, expected_format: str) -> bool:
    """Rename the surviving temp file into place, and destroy other temp files a killed
    write left (they hold wrapped keys). Call with the journal lock held: every writer of
    journal.keys holds it, so no temp file found here is still being written."""
    from journal.storage.atomic import overwrite_and_unlink

    path = Path(path)
    tmp = interrupted_copy(path, expected_format)
    if tmp is not None:
        os.replace(tmp, path)
        fsync_dir(path.parent)
    stale = list(path.parent.glob(TMP_GLOB.format(name=path.name)))
    for leftover in stale:
        overwrite_and_unlink(leftover)
    if stale:
        fsync_dir(path.parent)
    return tmp is not None
