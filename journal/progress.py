"""Progress and cancellation of long work: one shape for both, everywhere in the core.

Long work (attachments, bundles, backups, reports, transfers) takes ``progress`` and
``cancel`` keyword arguments:

- ``progress(done, total)`` counts units of work (usually bytes); ``total`` is 0 while not
  known yet. It is called from the thread doing the work.
- ``cancel`` is a CancelToken: None, a callable returning True to stop, an object with
  ``is_set()`` (``threading.Event``), or an object with a ``cancelled`` attribute (a bool or
  a method). The work checks it between pieces and raises ``journal.errors.Cancelled``,
  leaving nothing half-written behind.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from journal.errors import Cancelled

Progress = Callable[[int, int], None]
#: None, a callable returning True, an Event-like object (is_set()) or an object with `cancelled`.
CancelToken = Any


def is_cancelled(cancel: CancelToken) -> bool:
    """True when the caller asked to stop."""
    if cancel is None:
        return False
    if hasattr(cancel, "is_set"):
        return bool(cancel.is_set())
    if hasattr(cancel, "cancelled"):
        value = cancel.cancelled
        return bool(value() if callable(value) else value)
    if callable(cancel):
        return bool(cancel())
    return False


def check_cancel(cancel: CancelToken, message: str | None = None) -> None:
    """Raise Cancelled (with ``message``, if given) when the caller asked to stop."""
    if is_cancelled(cancel):
        raise Cancelled(message)
