"""A shorter GIL switch interval while two threads hand work to each other.

Used while a bundle is encrypted or decrypted (journal/bundle/) and while
EntryStore.add_many writes batches on its worker thread (journal/bulk.py).

``pyrage.encrypt_io`` and ``decrypt_io`` hold the GIL while they en/decrypt and let it go only
when they call back into Python (every 8 KiB). Another thread that wants the GIL (a worker
with a chunk read from the database, the thread writing the encrypted file, the parser) then
waits for the interpreter's switch interval, 5 ms by default, at every hand-over: with a
hand-over per MiB that alone capped a bundle at a few hundred MiB/s, leaving the second core
idle. Measured on 200 MiB exports: 1.6 s -> 1.2 s wall for the same CPU time.

The interval is process-wide; it is lowered only while at least one such job runs, to the
smallest interval any running job asked for, and restored when the last one ends (nested and
concurrent uses, from any thread, are counted).
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Iterator

BUNDLE_SWITCH_INTERVAL = 0.0005  # seconds

_lock = threading.Lock()
_requested: list[float] = []  # one interval per running block
_saved = 0.0


@contextlib.contextmanager
def quick_gil_handoff(interval: float = BUNDLE_SWITCH_INTERVAL) -> Iterator[None]:
    """Run the block with a switch interval of at most ``interval`` seconds."""
    global _saved
    with _lock:
        if not _requested:
            _saved = sys.getswitchinterval()
        _requested.append(interval)
        sys.setswitchinterval(min(_saved, *_requested))
    try:
        yield
    finally:
        with _lock:
            _requested.remove(interval)
            sys.setswitchinterval(min(_saved, *_requested) if _requested else _saved)
