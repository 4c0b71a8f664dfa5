"""Catch plaintext that is written and then removed, not only what is left at the end.

A scan of the disk after a scenario misses a temp file that held plaintext, was fsynced and
then deleted (or overwritten, truncated, renamed over): the bytes reached the disk, the
name is gone. `WriteWatch` looks at a file's content at the moments it could disappear:

- a process-wide audit hook (sys.addaudithook, PEP 578) sees every `open` for writing,
  `os.remove`/`os.unlink`, `os.rename`/`os.replace`, `os.truncate` and `shutil.rmtree`
  made from Python (builtins.open, io, os, tempfile, shutil, pathlib all raise these);
  before the operation runs it reads the file's current bytes;
- `os.fsync` and `os.close` are wrapped while the watch runs, so a descriptor's file is
  read (through /proc/self/fd) when it is synced or closed, which also covers unnamed
  files (O_TMPFILE, tempfile.TemporaryFile) and files unlinked while still open;
- tempfile.TemporaryFile (an unnamed O_TMPFILE file, closed by C code) is read when it is
  closed;
- each of those moments also sweeps the process's open descriptors for deleted files.

Only files under the watched folders are read. Writes made by C code (SQLCipher pages) are
not seen here: those are encrypted, and the final disk scan still covers them.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
import threading
from pathlib import Path

_ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC
_active: "WriteWatch | None" = None
_installed = False
_busy = threading.local()


def _hook(event: str, args: tuple) -> None:
    watch = _active
    if watch is None or getattr(_busy, "on", False):
        return
    if event not in ("open", "os.remove", "os.rename", "os.truncate", "shutil.rmtree"):
        return
    _busy.on = True
    try:
        watch._event(event, args)
    except Exception as exc:  # noqa: BLE001 - a watcher bug must show, not break the code under test
        watch.errors.append(f"{event}: {exc!r}")
    finally:
        _busy.on = False


def _install() -> None:
    global _installed
    if not _installed:
        sys.addaudithook(_hook)  # cannot be removed again: it does nothing while no watch is active
        _installed = True


class WriteWatch:
    """Record every canary that reached a file under `roots` at any time while active."""

    def __init__(self, roots, canaries: dict[str, str]) -> None:
        self.roots = [Path(r).resolve() for r in roots]
        self.needles = [(label, enc, text.encode(enc)) for label, text in canaries.items() for enc in _ENCODINGS]
        self.found: list[str] = []
        self.errors: list[str] = []
        self.written: set[str] = set()
        self.reads = 0
        self._real_fsync = os.fsync
        self._real_close = os.close

    # --- lifecycle ----------------------------------------------------------------
    def __enter__(self) -> "WriteWatch":
        global _active
        _install()
        watch = self

        def fsync(fd):
            watch._guarded(watch._check_fd, fd, "fsync")
            return watch._real_fsync(fd)

        def close(fd):
            watch._guarded(watch._check_fd, fd, "close")
            return watch._real_close(fd)

        real_temporary_file = self._real_temporary_file = tempfile.TemporaryFile

        def temporary_file(*args, **kwargs):
            return _ClosingChecked(real_temporary_file(*args, **kwargs), watch)

        os.fsync, os.close = fsync, close
        tempfile.TemporaryFile = temporary_file
        _active = self
        return self

    def __exit__(self, *exc) -> None:
        global _active
        _active = None
        os.fsync, os.close = self._real_fsync, self._real_close
        tempfile.TemporaryFile = self._real_temporary_file
        for path in sorted(self.written):
            self._check_path(path, "end")

    # --- checks -------------------------------------------------------------------
    def _guarded(self, func, *args) -> None:
        if getattr(_busy, "on", False):
            return
        _busy.on = True
        try:
            func(*args)
        except Exception as exc:  # noqa: BLE001
            self.errors.append(f"{func.__name__}: {exc!r}")
        finally:
            _busy.on = False

    def _inside(self, path: str) -> bool:
        try:
            resolved = Path(path).resolve()
        except (OSError, RuntimeError, ValueError):
            return False
        return any(resolved == root or root in resolved.parents for root in self.roots)

    def _scan(self, data: bytes, where: str, moment: str) -> None:
        self.reads += 1
        for label, enc, needle in self.needles:
            if needle in data:
                entry = f"{label} ({enc}) written to {where} (seen at {moment})"
                if entry not in self.found:
                    self.found.append(entry)

    def _check_path(self, path: str, moment: str) -> None:
        if not self._inside(path):
            return
        try:
            if not stat.S_ISREG(os.stat(path, follow_symlinks=False).st_mode):
                return
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            return
        self._scan(data, path, moment)

    def _check_fd(self, fd: int, moment: str) -> None:
        link = f"/proc/self/fd/{fd}"
        try:
            target = os.readlink(link)
        except OSError:
            return
        self._check_link(link, target, moment)
        self._sweep_deleted(moment)

    def _check_link(self, link: str, target: str, moment: str) -> None:
        # An unlinked or unnamed file reads as "/dir/name (deleted)" or "/dir/#123 (deleted)".
        name = target[: -len(" (deleted)")] if target.endswith(" (deleted)") else target
        if not self._inside(name) and not self._inside(os.path.dirname(name)):
            return
        try:
            fd = os.open(link, os.O_RDONLY)
        except OSError:
            return
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return
            chunks = []
            offset = 0
            while True:
                chunk = os.pread(fd, 1 << 20, offset)
                if not chunk:
                    break
                chunks.append(chunk)
                offset += len(chunk)
        finally:
            self._real_close(fd)
        self._scan(b"".join(chunks), target, moment)

    def _sweep_deleted(self, moment: str) -> None:
        try:
            fds = os.listdir("/proc/self/fd")
        except OSError:
            return
        for name in fds:
            link = f"/proc/self/fd/{name}"
            try:
                target = os.readlink(link)
            except OSError:
                continue
            if target.endswith(" (deleted)"):
                self._check_link(link, target, moment)

    def _resolve(self, path, dir_fd) -> str | None:
        if isinstance(path, int):
            try:
                return os.readlink(f"/proc/self/fd/{path}")
            except OSError:
                return None
        path = os.fsdecode(path)
        if dir_fd not in (None, -1) and not os.path.isabs(path):
            try:
                return os.path.join(os.readlink(f"/proc/self/fd/{dir_fd}"), path)
            except OSError:
                return None
        return os.path.abspath(path)

    def _event(self, event: str, args: tuple) -> None:
        if event == "open":
            path, _mode, flags = args
            if path is None or isinstance(path, int) or not flags & _WRITE_FLAGS:
                return
            resolved = self._resolve(path, None)
            if resolved and self._inside(resolved):
                self._check_path(resolved, "reopen for writing")  # before a truncate or overwrite
                self.written.add(resolved)
                self._sweep_deleted("open")
        elif event == "os.remove":
            resolved = self._resolve(args[0], args[1] if len(args) > 1 else None)
            if resolved:
                self._check_path(resolved, "unlink")
                self._sweep_deleted("unlink")
        elif event == "os.rename":
            src, dst = args[0], args[1]
            src_fd = args[2] if len(args) > 2 else None
            dst_fd = args[3] if len(args) > 3 else None
            for path, dir_fd in ((src, src_fd), (dst, dst_fd)):
                resolved = self._resolve(path, dir_fd)
                if resolved:
                    self._check_path(resolved, "rename")
            resolved = self._resolve(dst, dst_fd)
            if resolved and self._inside(resolved):
                self.written.add(resolved)
        elif event == "os.truncate":
            resolved = self._resolve(args[0], None)
            if resolved:
                self._check_path(resolved, "truncate")
        elif event == "shutil.rmtree":
            resolved = self._resolve(args[0], args[1] if len(args) > 1 else None)
            if resolved and self._inside(resolved):
                for root, _dirs, files in os.walk(resolved):
                    for name in files:
                        self._check_path(os.path.join(root, name), "rmtree")


class _ClosingChecked:
    """A tempfile.TemporaryFile whose content is read just before it is closed."""

    def __init__(self, handle, watch: WriteWatch) -> None:
        self._handle, self._watch = handle, watch

    def __getattr__(self, name):
        return getattr(self._handle, name)

    def __iter__(self):
        return iter(self._handle)

    def __enter__(self):
        self._handle.__enter__()
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def close(self) -> None:
        if not self._handle.closed:
            try:
                self._handle.flush()
            except (OSError, ValueError):
                pass
            self._watch._guarded(self._watch._check_fd, self._handle.fileno(), "close")
        self._handle.close()
