"""A shorter GIL switch interval while two threads hand work to each other.

Used while a received bundle is read (journal/bundle/reader.py: decryption, parsing and
hashing threads hand pieces to each other) and while EntryStore.add_many writes batches on its
worker thread (journal/bulk.py).

A thread that wants the GIL while another runs Python waits for the interpreter's switch
interval, 5 ms by default, at every hand-over. When pyrage did the age work (it held the GIL
while en/decrypting) that capped a bundle at a few hundred MiB/s (200 MiB exports: 1.6 s ->
1.2 s wall with a short interval). Since the app's own age code releases the GIL
(journal/bundle/age_encrypt.py, age_decrypt.py) it matters less for bundles: the import
measured the same with and without it; it stays for the parser's many small hand-overs.

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
