"""Background work with progress, cancel and an error path that always runs.

    run_op(parent, fn, on_done, on_error=None, label="…", cancellable=True)

`fn(ctx)` runs on a worker thread; it may call `ctx.progress(done, total)`
(the core's plain-callback convention) and `ctx.check_cancelled()` or pass
`ctx.cancelled` as the core's cancel callable. Exactly one of `on_done(result)`
or `on_error(exc)` is then called on the GUI thread; with no `on_error`, a
message box shows what went wrong, so no progress dialog is ever left open
(TagStudio's runnables without an error path are the counter-example).

Give the worker copies of what it needs, never live widgets or models.
"""

from __future__ import annotations

import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from journal.errors import Cancelled, JournalError


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


class Op(QObject):
    """One background call; created by run_op()."""

    _progressed = Signal(int, int)
    _finished = Signal(object, object)  # (result, exception)
    # Running ops stay referenced here until they deliver, so a fire-and-forget
    # call cannot be garbage-collected while its thread is still working.
    _running: set["Op"] = set()

    def __init__(self, parent: QObject | None, fn: Callable[[OpContext], Any],
                 on_done: Callable[[Any], None] | None, on_error: Callable[[BaseException], None] | None,
                 dialog: QProgressDialog | None) -> None:
        super().__init__(None)
        self._fn = fn
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
        threading.Thread(target=self._run, name="journal-op", daemon=True).start()
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
        elif not isinstance(exc, Cancelled):
            if not isinstance(exc, JournalError):
                traceback.print_exception(type(exc), exc, None)  # type and location only, no values
            QMessageBox.warning(self._parent_widget, QCoreApplication.translate("Ops", "Incident Journal"),
                                user_message(exc))


def run_op(parent: QObject | None, fn: Callable[[OpContext], Any], on_done: Callable[[Any], None] | None = None,
           on_error: Callable[[BaseException], None] | None = None, *, label: str | None = None,
           cancellable: bool = False, show_dialog: bool = True) -> Op:
    """Run `fn(ctx)` on a worker thread; see the module docstring."""
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
    return Op(parent, fn, on_done, on_error, dialog).start()
