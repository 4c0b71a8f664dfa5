"""One way to ask "was this cancelled?" of whatever the caller passed."""

from __future__ import annotations

from typing import Any

from journal.errors import Cancelled


def check_cancel(cancel: Any) -> None:
    """Raise Cancelled if ``cancel`` says so.

    Accepts None, a callable returning a bool, a ``threading.Event``-like object
    (``is_set()``) or an object with a boolean ``cancelled`` attribute.
    """
    if cancel is None:
        return
    if hasattr(cancel, "is_set"):
        stop = cancel.is_set()
    elif callable(cancel):
        stop = cancel()
    else:
        stop = getattr(cancel, "cancelled", False)
    if stop:
        raise Cancelled()
