"""A shorter GIL switch interval while two threads hand work to each other.

Used while EntryStore.add_many writes batches on its worker thread (journal/storage/bulk.py).

A thread that wants the GIL while another runs Python waits for the interpreter's switch
interval, 5 ms by default, at every hand-over: executemany on the worker waited after every row
while the preparing thread ran Python. (Bundles used it too while pyrage did the age work and
held the GIL; the app's own age code releases it, and the bundle reader measured the same with
and without, 1.9 s for 1 GiB, so it no longer does.)

The interval is process-wide; it is lowered only while at least one such job runs, to the
smallest interval any running job asked for, and restored when the last one ends (nested and
concurrent uses, from any thread, are counted).
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_requested: list[float] = []  # one interval per running block
_saved = 0.0


@contextlib.contextmanager
def quick_gil_handoff(interval: float) -> Iterator[None]:
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
