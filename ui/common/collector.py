"""Short garbage-collection pauses while a journal is open (issue 20).

A full collection walks every object Python tracks and holds the GIL while it does, whichever
thread set it off: a worker reading 100,000 list ids froze the window for 60 ms (on a busy
2-core host) as surely as the GUI thread would have. Most of what it walks lives as long as the
session does (the app's modules and widgets, the list's ids, the people), so once the main
window is filled that is moved out of the collector's way with `gc.freeze()`; later collections
walk only what is new. Lock gives it back (`gc.unfreeze()`): whatever the session left behind
is collected as usual, nothing stays in memory for good.

    hold_long_lived()     after unlock's reads have arrived (and again after later big reads)
    release_long_lived()  at lock
"""

from __future__ import annotations

import gc


def hold_long_lived() -> None:
    """Keep the objects alive now out of later collections (the young generations are collected first,
    so garbage made by the reads just done is not kept)."""
    gc.collect(1)
    gc.freeze()


def release_long_lived() -> None:
    """Give every held object back to the collector (lock)."""
    gc.unfreeze()
