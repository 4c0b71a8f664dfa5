"""Background work with progress, cancel and an error path that always runs.

    run_op(parent, fn, on_done, on_error=None, label="…", cancellable=True)

`fn(ctx)` runs on a worker thread; it may call `ctx.progress(done, total)`
(the core's plain-callback convention) and `ctx.check_cancelled()` or pass
`ctx.cancelled` as the core's cancel callable. Exactly one of `on_done(result)`
or `on_error(exc)` is then called on the GUI thread; with no `on_error`, a
message box shows what went wrong (`show_error`), so no progress dialog is ever
left open (TagStudio's runnables without an error path are the counter-example).

Writes go to the session's single writer thread, in one of two shapes:

    run_write_op(parent, session, work, on_done, on_error, label="…")   long, with progress + cancel
    WriteOp(parent, session, fn).success(cb).failure(cb).run()          short, no dialog

Reads too slow for the GUI thread (a list's ids, counts, the sidebar's tags) go through
run_op without a dialog, on a reader connection of their own; where each new choice asks
again, a LatestRead drops every answer but the latest request's:

    self.reads = LatestRead()
    self.reads.run(lambda: reader.people.list(...), self._show, self._failed)

A feature keeps its writes in its own op module (ui/people/ops.py, ui/forms/ops.py, ...),
each a small function returning a WriteOp or starting a run_write_op (Anki's CollectionOp
style), so widgets say what to write, never how.

Give the worker copies of what it needs, never live widgets or models.
"""

from __future__ import annotations

import queue
import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from journal.errors import Cancelled, JournalError

# Progress is reported in thousandths: byte counts of a big import do not fit a Qt int.
PROGRESS_STEPS = 1000


class OpContext:
    """Handed to the worker function: progress reporting and cancellation."""

    def __init__(self, op: "Op") -> None:
        self._op = op
        self._cancel = threading.Event()

    def progress(self, done: int, total: int) -> None:
        self._op._progressed.emit(int(done), int(total))

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


def user_message(exc: BaseException) -> str:
    """What a person may read about an error: our own messages, nothing else.

    Foreign exceptions can carry file contents or SQL; they are reduced to their type.
    """
    if isinstance(exc, JournalError):
        return str(exc)
    return QCoreApplication.translate(
        "Ops", "Something went wrong ({kind}). Nothing was changed by the failed step."
    ).format(kind=type(exc).__name__)


class _Workers:
    """Daemon threads that run ops, kept for the next op: `threading.Thread.start()` waits until the
    new thread runs, which on a busy machine cost the GUI thread a few ms per op (unlock starts
    several reads at once). A new thread is started only when every thread is busy; the first
    op also starts a few spare ones from a thread of its own, so they are ready when needed."""

    SPARE = 6

    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._idle = 0
        self._warmed = False

    def submit(self, job: Callable[[], None]) -> None:
        with self._lock:
            start = self._idle == 0
            if not start:
                self._idle -= 1
            warm, self._warmed = not self._warmed, True
        self._jobs.put(job)
        if start:
            self._start()
        if warm:
            threading.Thread(target=self._warm, name="journal-op-spares", daemon=True).start()

    def _start(self) -> None:
        threading.Thread(target=self._work, name="journal-op", daemon=True).start()

    def _warm(self) -> None:
        for _ in range(self.SPARE):
            with self._lock:
                self._idle += 1  # counted before it waits: a job put now is taken by this thread
            self._start()

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            try:
                job()
            except BaseException:  # noqa: BLE001 - Op._run delivers every error itself
                pass
            with self._lock:
                self._idle += 1


_WORKERS = _Workers()


class Op(QObject):
    """One background call; created by run_op()."""

    _progressed = Signal(int, int)
    _finished = Signal(object, object)  # (result, exception)
    # Running ops stay referenced here until they deliver, so a fire-and-forget
    # call cannot be garbage-collected while its thread is still working.
    _running: set["Op"] = set()

    def __init__(self, parent: QObject | None, fn: Callable[[OpContext], Any],
                 on_done: Callable[[Any], None] | None, on_error: Callable[[BaseException], None] | None,
                 dialog: QProgressDialog | None, on_progress: Callable[[int, int], None] | None = None) -> None:
        super().__init__(None)
        self._fn = fn
        self._on_progress = on_progress
        self._on_done = on_done
        self._on_error = on_error
        self._dialog = dialog
        self._parent_widget = parent if isinstance(parent, QWidget) else None
        self.context = OpContext(self)
        self.done = False
        self._progressed.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        if dialog is not None:
            dialog.canceled.connect(self.cancel)

    def start(self) -> "Op":
        Op._running.add(self)
        _WORKERS.submit(self._run)
        return self

    def cancel(self) -> None:
        self.context._cancel.set()

    def _run(self) -> None:
        try:
            result = self._fn(self.context)
        except BaseException as exc:  # every failure reaches the GUI's error path
            self._finished.emit(None, exc)
        else:
            self._finished.emit(result, None)

    def _show_progress(self, done: int, total: int) -> None:
        if self._on_progress is not None and not self.done:
            self._on_progress(done, total)
        if self._dialog is not None and not self.done:
            self._dialog.setMaximum(max(total, 0))
            self._dialog.setValue(min(done, total) if total > 0 else 0)

    def _deliver(self, result: Any, exc: BaseException | None) -> None:
        self.done = True
        Op._running.discard(self)
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.hide()
            self._dialog.deleteLater()
            self._dialog = None
        if exc is None:
            if self._on_done is not None:
                self._on_done(result)
            return
        if self._on_error is not None:
            self._on_error(exc)
        else:
            show_error(self._parent_widget, exc)


def run_op(parent: QObject | None, fn: Callable[[OpContext], Any], on_done: Callable[[Any], None] | None = None,
           on_error: Callable[[BaseException], None] | None = None, *, label: str | None = None,
           cancellable: bool = False, show_dialog: bool = True,
           on_progress: Callable[[int, int], None] | None = None) -> Op:
    """Run `fn(ctx)` on a worker thread; see the module docstring. `on_progress(done, total)` gets
    ctx.progress on the GUI thread, for a window showing progress its own way (no dialog)."""
    dialog = None
    if show_dialog and isinstance(parent, QWidget):
        dialog = QProgressDialog(
            label or QCoreApplication.translate("Ops", "Working…"),
            QCoreApplication.translate("Ops", "Cancel") if cancellable else None,
            0, 0, parent,
        )
        dialog.setWindowTitle(QCoreApplication.translate("Ops", "Incident Journal"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)  # quick work never flashes a dialog
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
    return Op(parent, fn, on_done, on_error, dialog, on_progress).start()


class LatestRead:
    """Reads off the GUI thread of which only the latest request's answer is shown.

    `run(fn, on_done, on_error)` runs `fn()` through run_op (no dialog); `on_done(result)` or
    `on_error(exc)` is called on the GUI thread only if no later `run` or `forget` came in
    between: an older answer arriving late is dropped. `pending` is true until the latest
    request has answered (the loading state, and what tests and the bench wait on).
    `forget()` (lock, or a read done on the GUI thread instead) drops whatever is running.
    """

    def __init__(self) -> None:
        self._request = 0
        self._pending: int | None = None

    @property
    def pending(self) -> bool:
        return self._pending is not None

    def forget(self) -> None:
        self._request += 1
        self._pending = None

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None] | None = None) -> Op:
        self._request += 1
        request = self._pending = self._request

        def done(result: Any) -> None:
            if request == self._request:
                self._pending = None
                on_done(result)

        def failed(exc: BaseException) -> None:
            if request == self._request:
                self._pending = None
                if on_error is not None:
                    on_error(exc)
                elif not isinstance(exc, Cancelled):
                    traceback.print_exception(type(exc), exc, None)  # type and location only

        return run_op(None, lambda _ctx: fn(), done, failed, show_dialog=False)


def cancel_running_ops() -> None:
    """Lock: ask every running op to stop (each still delivers to its error path)."""
    for op in list(Op._running):
        op.cancel()


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """The default error path: a message box saying what went wrong; nothing for a cancel.

    Foreign exceptions also print their type and location (no values) to stderr; nothing is logged to a file.
    """
    if isinstance(exc, Cancelled):
        return
    if not isinstance(exc, JournalError):
        traceback.print_exception(type(exc), exc, None)  # type and location only, no values
    QMessageBox.warning(parent, QCoreApplication.translate("Ops", "Incident Journal"), user_message(exc))


def run_write_op(parent, session, work: Callable[[Any, OpContext, Callable[[], bool]], Any],
                 on_done: Callable[[Any], None] | None = None,
                 on_error: Callable[[BaseException], None] | None = None, *,
                 label: str | None = None, cancellable: bool = True) -> Op:
    """run_op whose `work(journal, ctx, cancelled)` runs on the session's writer thread.

    A progress dialog with Cancel (run_op's), the session's single writer for the database:
    the run_op worker only waits for the writer, the writer does the work and reports progress
    through `ctx`, so the GUI thread never blocks. `cancelled()` is true when the person pressed
    Cancel or the journal is locking.
    """

    def wait_for_writer(ctx: OpContext) -> Any:
        def cancelled() -> bool:
            return ctx.cancelled() or session.cancel_requested()

        return session.write_and_wait(lambda journal: work(journal, ctx, cancelled), timeout=None)

    return run_op(parent, wait_for_writer, on_done, on_error, label=label, cancellable=cancellable)


def scaled_progress(ctx: OpContext) -> Callable[[int, int], None]:
    """The core's progress(done, total) in bytes -> the op's progress in thousandths."""

    def progress(done: int, total: int) -> None:
        ctx.progress(min(PROGRESS_STEPS, done * PROGRESS_STEPS // total) if total > 0 else 0, PROGRESS_STEPS)

    return progress


class WriteOp:
    """One short write on the session's writer thread, built by a feature's op module.

        ops.merge(parent, session, keep, absorb).success(self._saved).failure(self._failed).run()

    `fn(journal)` runs on the writer; `success(result)` or `failure(exc)` then runs on the GUI
    thread. Without `failure`, the error goes to `show_error(parent, ...)`: never dropped.
    After a lock neither runs (the session discards them).
    """

    def __init__(self, parent: QWidget | None, session, fn: Callable[[Any], Any]) -> None:
        self.parent = parent
        self.session = session
        self.fn = fn
        self._on_done: Callable[[Any], None] | None = None
        self._on_error: Callable[[BaseException], None] | None = None

    def success(self, on_done: Callable[[Any], None] | None) -> "WriteOp":
        self._on_done = on_done
        return self

    def failure(self, on_error: Callable[[BaseException], None] | None) -> "WriteOp":
        self._on_error = on_error
        return self

    def run(self) -> None:
        parent = self.parent
        on_error = self._on_error or (lambda exc: show_error(parent, exc))
        self.session.write(self.fn, self._on_done, on_error)

    def run_and_wait(self, timeout: float = 10.0) -> Any:
        """Only for small saves that must land before a lock or quit; errors are raised."""
        return self.session.write_and_wait(self.fn, timeout)
