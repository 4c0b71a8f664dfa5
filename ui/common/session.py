"""An unlocked journal as the GUI holds it: one writer thread, one reader.

`JournalSession` owns the `Journal`, a read-only `JournalReader` for the GUI
thread (list model, search, editor loads) and a single-thread executor that
performs every write, so the database is written from exactly one thread
(Anki's collection executor, Picard's save pool). Writes are queued with
`write(fn, on_done, on_error)`; `fn(journal)` runs on the writer and its
result comes back on the GUI thread. Without `on_error` a failure goes to the
default error path (`ui.common.ops.show_error`: a message box over
`error_parent`), never dropped. Features build their writes with
`ui.common.ops.WriteOp` in their op modules rather than calling `write` directly. `close()` is lock: queued writes are
cancelled, the running one finishes, the journal closes (zeroing its key)
and `locked` is emitted.
"""

from __future__ import annotations

import itertools
import threading
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, Signal

from journal.errors import Cancelled, JournalClosed
from journal.storage.vault import Journal, JournalReader

from ui.common.ops import run_op, show_error

WriteFn = Callable[[Journal], Any]


class JournalSession(QObject):
    locked = Signal()
    _delivered = Signal(int, object, object)  # (token, result, exception)

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal: Journal | None = journal
        self.error_parent = None  # the window the default error path's message box belongs to
        self.reader: JournalReader | None = journal.open_reader()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="journal-writer")
        self._cancel = threading.Event()
        self._tokens = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable | None, Callable | None]] = {}
        self._delivered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        # The writer thread starts now, from a worker: `Thread.start()` waits until the new thread
        # runs, which on a busy machine held the GUI thread for tens of ms at unlock's first write.
        executor = self._executor
        run_op(None, lambda _ctx: executor.submit(lambda: None), on_error=lambda _exc: None, show_dialog=False)

    # --- state ----------------------------------------------------------------
    @property
    def closed(self) -> bool:
        return self.journal is None

    def cancel_requested(self) -> bool:
        """Long writes pass this as their `cancel` callable; true once locking starts."""
        return self._cancel.is_set()

    def pending_writes(self) -> int:
        return len(self._callbacks)

    # --- writes -----------------------------------------------------------------
    def write(self, fn: WriteFn, on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[BaseException], None] | None = None) -> None:
        """Queue `fn(journal)` on the writer thread; callbacks run on the GUI thread.

        Callbacks never run after the session is closed: a lock discards them. Without
        `on_error`, an error goes to `show_error` (a message box), never nowhere.
        """
        on_error = on_error or self._default_error
        if self.journal is None:
            on_error(JournalClosed("The journal is locked."))
            return
        token = next(self._tokens)
        self._callbacks[token] = (on_done, on_error)
        journal = self.journal
        future = self._executor.submit(self._call, fn, journal)
        future.add_done_callback(lambda f, t=token: self._finished(t, f))

    def _default_error(self, exc: BaseException) -> None:
        show_error(self.error_parent, exc)

    def write_and_wait(self, fn: WriteFn, timeout: float = 10.0) -> Any:
        """Run `fn(journal)` on the writer and wait for it: only for small saves
        that must land before a lock or quit (the editor's last keystrokes)."""
        if self.journal is None:
            raise JournalClosed("The journal is locked.")
        return self._executor.submit(self._call, fn, self.journal).result(timeout)

    def _call(self, fn: WriteFn, journal: Journal) -> Any:
        if self._cancel.is_set():
            raise Cancelled()
        return fn(journal)

    def _finished(self, token: int, future: Future) -> None:
        # On the writer thread: hand the outcome to the GUI thread.
        try:
            result, exc = future.result(), None
        except CancelledError:
            result, exc = None, Cancelled()
        except BaseException as error:  # delivered to on_error, never swallowed
            result, exc = None, error
        try:
            self._delivered.emit(token, result, exc)
        except RuntimeError:  # the session object is already gone (app quitting)
            pass

    def _deliver(self, token: int, result: Any, exc: BaseException | None) -> None:
        on_done, on_error = self._callbacks.pop(token, (None, None))
        if self.journal is None:
            return
        if exc is None:
            if on_done is not None:
                on_done(result)
        elif on_error is not None:
            on_error(exc)

    # --- lock ---------------------------------------------------------------------
    def close(self) -> None:
        """Lock: cancel queued writes, wait for the running one, close the journal."""
        if self.journal is None:
            return
        self._cancel.set()
        self._executor.shutdown(wait=True, cancel_futures=True)
        journal, self.journal, self.reader = self.journal, None, None
        self._callbacks.clear()
        try:
            journal.close()
        finally:
            self.locked.emit()
