"""journal.storage.atomic: private atomic writes and the erase primitive, checked at the byte level.

overwrite_and_unlink's promise is that the bytes are replaced on disk *before* the name goes.
A file only unlinked (or "overwritten" with nothing) passes any test that only looks at
which names are left, so these tests keep a descriptor on the file's inode and read what
is really there after the call, and record the order of fsync and unlink.
"""

from __future__ import annotations

import os
import stat

import pytest

from journal.storage import atomic
from journal.storage.atomic import atomic_write_bytes, overwrite_and_unlink

BLOCK = 1 << 20


def _pattern(size: int) -> bytes:
    """Recognisable, non-random content: any surviving 16-byte window of it is found."""
    unit = b"SECRET-KEY-BYTES"  # 16 bytes
    return (unit * (size // len(unit) + 1))[:size]


def _surviving_windows(original: bytes, now: bytes, window: int = 16) -> int:
    return sum(1 for i in range(0, len(original) - window + 1, window)
               if now[i:i + window] == original[i:i + window])


@pytest.mark.parametrize("size", [1, 100, BLOCK, BLOCK * 2 + 12345])
def test_overwrite_and_unlink_replaces_every_byte_before_unlinking(tmp_path, monkeypatch, size):
    path = tmp_path / "journal.keys"
    original = _pattern(size)
    path.write_bytes(original)
    keeper = os.open(path, os.O_RDONLY)  # keeps the inode alive after the unlink
    events: list[tuple] = []
    real_fsync, real_unlink = os.fsync, os.unlink

    def fsync(fd):
        # What the disk is told to keep: read through our own descriptor at that moment.
        if os.fstat(fd).st_ino == os.fstat(keeper).st_ino:
            events.append(("fsync", os.pread(keeper, size + 1, 0)))
        return real_fsync(fd)

    def unlink(p, *args, **kwargs):
        events.append(("unlink", os.fspath(p)))
        return real_unlink(p, *args, **kwargs)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "unlink", unlink)
    try:
        assert overwrite_and_unlink(path) is True
        monkeypatch.undo()
        assert not path.exists()
        after = os.pread(keeper, size + 1, 0)
        assert os.fstat(keeper).st_nlink == 0  # the very inode we hold was unlinked
    finally:
        os.close(keeper)
    assert len(after) == size, "the overwrite changed the file's length"
    assert after != original
    assert _surviving_windows(original, after) == 0, "parts of the old content are still on disk"
    kinds = [e[0] for e in events]
    assert "fsync" in kinds and "unlink" in kinds
    assert kinds.index("fsync") < kinds.index("unlink"), "unlinked before the overwrite reached the disk"
    synced = [e[1] for e in events if e[0] == "fsync"]
    assert synced[-1] == after and _surviving_windows(original, synced[-1]) == 0


def test_overwrite_uses_fresh_random_bytes_each_pass(tmp_path):
    # Two passes over the same file must not write the same bytes (or zeros) twice.
    path = tmp_path / "f"
    path.write_bytes(_pattern(4096))
    keeper = os.open(path, os.O_RDONLY)
    seen: list[bytes] = []
    real_fsync = os.fsync

    def fsync(fd):
        seen.append(os.pread(keeper, 4096, 0))
        return real_fsync(fd)

    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(os, "fsync", fsync)
            assert overwrite_and_unlink(path, passes=2) is True
    finally:
        os.close(keeper)
    assert len(seen) == 2 and seen[0] != seen[1]
    assert all(block != bytes(4096) for block in seen)


def test_overwrite_and_unlink_missing_file_is_false(tmp_path):
    assert overwrite_and_unlink(tmp_path / "nothing") is False


def test_overwrite_and_unlink_still_deletes_an_unwritable_file(tmp_path, monkeypatch):
    path = tmp_path / "f"
    path.write_bytes(b"x" * 10)
    real_open = open

    def failing_open(p, mode="r", *args, **kwargs):
        if os.fspath(p) == os.fspath(path) and "+" in mode:
            raise PermissionError(13, "Permission denied")
        return real_open(p, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", failing_open)
    assert overwrite_and_unlink(path) is True
    assert not path.exists()


def test_atomic_write_is_private_complete_and_leaves_no_temp(tmp_path):
    target = tmp_path / "journal.keys"
    target.write_bytes(b"old")
    atomic_write_bytes(target, b"new content" * 1000)
    assert target.read_bytes() == b"new content" * 1000
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.keys"]


def test_atomic_write_failure_keeps_old_file_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "journal.keys"
    target.write_bytes(b"old")

    def no_space(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", no_space)
    with pytest.raises(OSError):
        atomic_write_bytes(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.keys"]


def test_overwrite_is_one_pass_by_default(tmp_path, monkeypatch):
    path = tmp_path / "f"
    path.write_bytes(b"x" * 5000)
    syncs = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: syncs.append(fd) or real_fsync(fd))
    overwrite_and_unlink(path)
    assert len(syncs) == 1


def test_file_removed_meanwhile_is_no_error(tmp_path, monkeypatch):
    # Another process (or a second erase) deletes the file during the overwrite: still done.
    path = tmp_path / "f"
    path.write_bytes(b"x" * 5000)
    real_fsync = os.fsync

    def fsync_then_vanish(fd):
        real_fsync(fd)
        os.unlink(path)

    monkeypatch.setattr(os, "fsync", fsync_then_vanish)
    assert overwrite_and_unlink(path) is True
    assert not path.exists()


def test_atomic_write_file_is_private_from_its_creation(tmp_path, monkeypatch):
    """0600 from the open() that creates it: another user must never get a descriptor on it."""
    modes = []
    real_open = os.open

    def spying_open(path, flags, mode=0o777, *args, **kwargs):
        fd = real_open(path, flags, mode, *args, **kwargs)
        if flags & os.O_CREAT:
            modes.append(stat.S_IMODE(os.fstat(fd).st_mode))
        return fd

    monkeypatch.setattr(atomic.os, "open", spying_open)
    old_umask = os.umask(0)  # so that only the mode given to open() counts
    try:
        atomic_write_bytes(tmp_path / "journal.keys", b"secret")
    finally:
        os.umask(old_umask)
    assert modes == [0o600]
