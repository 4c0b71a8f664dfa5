"""The background helper and the session's single writer thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from journal.errors import Cancelled, InvalidInput, JournalClosed
from ui.common.ops import WriteOp, run_op, run_write_op, scaled_progress, user_message
from ui.common.session import JournalSession

pytestmark = pytest.mark.gui


def test_run_op_delivers_result_and_progress(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    results = []

    def work(ctx):
        for i in range(3):
            ctx.progress(i + 1, 3)
        return threading.current_thread().name

    op = run_op(parent, work, results.append, label="Working")
    qtbot.waitUntil(lambda: op.done, timeout=20_000)
    assert results == ["journal-op"]
    assert op._dialog is None  # the progress dialog is gone


def test_run_op_error_path_always_runs(qtbot, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    errors = []
    op = run_op(parent, lambda ctx: (_ for _ in ()).throw(InvalidInput("Bad value.")), None, errors.append)
    qtbot.waitUntil(lambda: op.done, timeout=20_000)
    assert [str(e) for e in errors] == ["Bad value."]

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: shown.append(a[2])))
    op = run_op(parent, lambda ctx: 1 / 0)
    qtbot.waitUntil(lambda: op.done, timeout=20_000)
    assert shown and "ZeroDivisionError" in shown[0]  # foreign errors show their type, not their text


def test_run_op_cancel(qtbot):
    started, errors = threading.Event(), []

    def work(ctx):
        started.set()
        while not ctx.cancelled():
            threading.Event().wait(0.001)
        ctx.check_cancelled()

    op = run_op(None, work, None, errors.append)
    started.wait(5)
    op.cancel()
    qtbot.waitUntil(lambda: op.done, timeout=20_000)
    assert isinstance(errors[0], Cancelled)
    assert user_message(errors[0]) == "Cancelled."


def test_session_writes_on_one_thread_and_lock_discards_pending(qtbot, journal):
    session = JournalSession(journal)
    delivered = []  # every outcome the writer handed back, seen after the session's own handler ran
    session._delivered.connect(lambda token, *_: delivered.append(token))
    names, done = [], []
    for i in range(5):
        session.write(lambda j, i=i: (names.append(threading.current_thread().name), j.entries.add(title=f"{i}"))[1],
                      done.append)
    qtbot.waitUntil(lambda: len(done) == 5, timeout=20_000)
    assert len(set(names)) == 1 and names[0].startswith("journal-writer")
    assert session.reader.queries.count() == 5  # the GUI's reader sees the writer's commits

    gate = threading.Event()
    late = []
    session.write(lambda j: gate.wait(5))
    session.write(lambda j: j.entries.add(title="never"), late.append)
    gate.set()
    with qtbot.waitSignal(session.locked, timeout=20_000):
        session.close()
    assert journal.closed and session.closed and session.reader is None
    # Both discarded writes (the gate and "never") still come back through the queue: wait for
    # them to be handled, then check that their callbacks did not run.
    qtbot.waitUntil(lambda: len(delivered) == 7, timeout=20_000)
    assert late == []  # callbacks never run after a lock
    errors = []
    session.write(lambda j: None, None, errors.append)
    assert isinstance(errors[0], JournalClosed)


# --- writes: the default error path, WriteOp, run_write_op ---------------------------------------------

@pytest.fixture
def shown(monkeypatch):
    """Message boxes of the default error path, recorded instead of shown."""
    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: texts.append(a[2])))
    return texts


def _fail(_journal):
    raise InvalidInput("Bad value.")


def test_session_write_without_on_error_shows_the_error(qtbot, journal, shown):
    session = JournalSession(journal)
    parent = QWidget()
    qtbot.addWidget(parent)
    session.error_parent = parent
    session.write(_fail)  # no on_error: the error is shown, not dropped
    qtbot.waitUntil(lambda: shown == ["Bad value."], timeout=20_000)
    session.write(lambda j: (_ for _ in ()).throw(Cancelled()))  # a cancel is not an error to show
    with qtbot.waitSignal(session.locked, timeout=20_000):
        session.close()
    assert shown == ["Bad value."]
    session.write(lambda j: None)  # refused after the lock: said, not dropped
    assert len(shown) == 2 and shown[1] == user_message(JournalClosed("The journal is locked."))


def test_write_op_success_failure_and_default_error(qtbot, journal, shown):
    session = JournalSession(journal)
    done, failed = [], []
    WriteOp(None, session, lambda j: j.entries.add(title="one").title).success(done.append).run()
    WriteOp(None, session, _fail).failure(failed.append).run()
    WriteOp(None, session, _fail).run()  # no failure callback: the message box
    qtbot.waitUntil(lambda: bool(done and failed and shown), timeout=20_000)
    assert done == ["one"] and [str(e) for e in failed] == ["Bad value."] and shown == ["Bad value."]
    assert WriteOp(None, session, lambda j: j.entries.add(title="two").title).run_and_wait() == "two"
    session.close()


def test_run_write_op_runs_on_the_writer_with_progress_and_cancel(qtbot, journal):
    session = JournalSession(journal)
    parent = QWidget()
    qtbot.addWidget(parent)
    results, errors = [], []

    def work(j, ctx, cancelled):
        scaled_progress(ctx)(5, 10)
        return threading.current_thread().name, cancelled(), j.entries.add(title="written").title

    op = run_write_op(parent, session, work, results.append, errors.append, label="Writing")
    qtbot.waitUntil(lambda: op.done, timeout=20_000)
    assert errors == [] and results[0][0].startswith("journal-writer") and results[0][1:] == (False, "written")

    started = threading.Event()

    def long_work(j, ctx, cancelled):
        started.set()
        while not cancelled():
            threading.Event().wait(0.001)
        raise Cancelled()

    op = run_write_op(parent, session, long_work, results.append, errors.append, label="Writing")
    started.wait(5)
    op.cancel()
    qtbot.waitUntil(lambda: op.done, timeout=20_000)
    assert isinstance(errors[0], Cancelled) and len(results) == 1
    session.close()
