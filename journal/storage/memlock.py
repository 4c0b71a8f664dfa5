"""Key buffers that are kept out of swap where the OS allows it, and zeroed when done.

A ``SecretBuffer`` is a fixed-size ``bytearray`` whose memory is locked into RAM with
``mlock`` (Linux, macOS, the BSDs) or ``VirtualLock`` (Windows), so the kernel never writes
it to swap. It is best effort, with a clear fallback: when the OS refuses (a container
without the right, an ``RLIMIT_MEMLOCK`` of 0) or there is no such call, the buffer still
works, ``locked`` is False and ``lock_status()`` says why. ``wipe()`` zeroes it in place
and unlocks it.

What this cannot do (docs/security.md, "Memory"): Python copies a key when it is passed
around as ``bytes`` (to SQLCipher as a hex PRAGMA, to ``cryptography``'s AEAD objects);
those copies live on the ordinary heap until the allocator reuses them. A hibernation image
holds all of RAM, locked pages included. Only the long-lived copy, the one held while the
journal is open, is locked here.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

_status = {"checked": False, "available": False, "reason": ""}
_lib = None


def _load():
    """The platform's lock/unlock functions, or None (with the reason recorded)."""
    global _lib
    if _status["checked"]:
        return _lib
    _status["checked"] = True
    try:
        if sys.platform == "win32":
            kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
            kernel32.VirtualLock.argtypes = (ctypes.c_void_p, ctypes.c_size_t)
            kernel32.VirtualUnlock.argtypes = (ctypes.c_void_p, ctypes.c_size_t)
            _lib = ("win", kernel32)
        else:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
            libc.mlock.argtypes = (ctypes.c_void_p, ctypes.c_size_t)
            libc.munlock.argtypes = (ctypes.c_void_p, ctypes.c_size_t)
            _lib = ("posix", libc)
        _status["available"] = True
    except (OSError, AttributeError) as exc:
        _status["reason"] = f"no memory-locking call on this system ({exc})"
        _lib = None
    return _lib


def _lock(address: int, size: int) -> tuple[bool, str]:
    lib = _load()
    if lib is None:
        return False, str(_status["reason"])
    kind, handle = lib
    if kind == "win":
        if handle.VirtualLock(address, size):
            return True, ""
        return False, f"VirtualLock failed (error {ctypes.get_last_error()})"  # type: ignore[attr-defined]
    if handle.mlock(address, size) == 0:
        return True, ""
    import os

    err = ctypes.get_errno()
    return False, f"mlock failed ({os.strerror(err)}; raise RLIMIT_MEMLOCK, e.g. `ulimit -l`)"


def _unlock(address: int, size: int) -> None:
    lib = _load()
    if lib is None:
        return
    kind, handle = lib
    if kind == "win":
        handle.VirtualUnlock(address, size)
    else:
        handle.munlock(address, size)


class SecretBuffer:
    """``size`` bytes of key material, locked in RAM when possible, zeroed by ``wipe()``.

    The bytearray never grows or shrinks (a ctypes view exports its buffer, which also makes
    Python refuse to resize it), so the locked memory is the memory that holds the key.
    """

    def __init__(self, data: bytes | bytearray | memoryview) -> None:
        self._data = bytearray(len(data))
        self._view = (ctypes.c_char * max(1, len(self._data))).from_buffer(self._data) if self._data else None
        self.locked = False
        self.reason = ""
        if self._view is not None:
            self.locked, self.reason = _lock(ctypes.addressof(self._view), len(self._data))
        self._data[:] = data
        self._wiped = False

    def __len__(self) -> int:
        return len(self._data)

    def __bytes__(self) -> bytes:
        if self._wiped:
            raise ValueError("the key was wiped")
        return bytes(self._data)

    @property
    def wiped(self) -> bool:
        return self._wiped

    def is_zero(self) -> bool:
        return not any(self._data)

    def wipe(self) -> None:
        """Zero the bytes in place and unlock them. Safe to call more than once."""
        if self._wiped:
            return
        if self._view is not None:
            ctypes.memset(ctypes.addressof(self._view), 0, len(self._data))
        for i in range(len(self._data)):  # belt and braces: the Python view sees zeros too
            self._data[i] = 0
        if self.locked and self._view is not None:
            _unlock(ctypes.addressof(self._view), len(self._data))
            self.locked = False
        self._wiped = True

    def __del__(self) -> None:  # the last safety net; close()/wipe() is the normal path
        try:
            self.wipe()
        except Exception:  # noqa: BLE001 - never raise from a finalizer
            pass


def lock_status() -> tuple[bool, str]:
    """(True, "") if a small buffer can be locked here, else (False, why not)."""
    probe = SecretBuffer(b"\0" * 32)
    ok, why = probe.locked, probe.reason
    probe.wipe()
    return ok, why
