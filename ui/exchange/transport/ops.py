"""The transport's writes: send queued bundles, fetch, the outbox, drop and inbox folders,
network settings (see ui/common/ops.py for run_op, run_write_op and WriteOp).

Sending is a run_op (its worker uploads; it uses the writer only for the short reads and
writes around each upload); fetching imports, so it runs on the writer like an import.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from journal.errors import Cancelled, JournalError
from journal.exchange.outbox import Outbox, SendOutcome
from journal.exchange.transport import TransportError

from ui.common.ops import Op, WriteOp, run_op, run_write_op, scaled_progress


def send_items(session: Any, item_ids: list[int], ctx) -> list[SendOutcome]:
    """Worker: send each item; the writer is used only for the short reads and writes."""
    outcomes = []
    progress = scaled_progress(ctx)
    for index, item_id in enumerate(item_ids):
        if ctx.cancelled():
            break
        try:
            job = session.write_and_wait(lambda j, i=item_id: j.outbox.prepare(i), timeout=None)
        except Cancelled:
            raise
        except JournalError as exc:  # no drop folder, file missing, unusable address
            item = session.write_and_wait(lambda j, i=item_id, m=str(exc): j.outbox.record_failure(i, m, 0))
            outcomes.append(SendOutcome(item, error=str(exc)))
            continue

        def step(done: int, total: int, index=index) -> None:
            progress(index * 1000 + (done * 1000 // total if total else 0), len(item_ids) * 1000)

        try:
            receipt = Outbox.upload(job, step, ctx.cancelled)
        except TransportError as exc:
            item = session.write_and_wait(lambda j, i=item_id, m=str(exc): j.outbox.record_failure(i, m))
            outcomes.append(SendOutcome(item, error=str(exc)))
            continue
        except BaseException:
            session.write_and_wait(lambda j, i=item_id: j.outbox.record_failure(i, "Sending was cancelled.", 0))
            raise
        item = session.write_and_wait(lambda j, i=item_id, r=receipt: j.outbox.record_sent(i, r))
        outcomes.append(SendOutcome(item, receipt))
    return outcomes


def send(parent, session, item_ids: list[int], on_done: Callable[[list[SendOutcome]], None],
         on_error: Callable[[BaseException], None], label: str) -> Op:
    """Send outbox items now, with progress and Cancel; the result is one SendOutcome per item."""
    ids = list(item_ids)
    return run_op(parent, lambda ctx: send_items(session, ids, ctx), on_done, on_error, label=label,
                  cancellable=True)


def fetch(parent, session, *, trust_new: bool, delete_after_import: bool, on_done: Callable[[Any], None],
          label: str) -> Op:
    """Fetch and import bundles from the inbox folders, with progress and Cancel (a FetchReport)."""

    def work(journal, ctx, cancelled):
        return journal.inbox.fetch(trust_new=trust_new, delete_after_import=delete_after_import,
                                   progress=ctx.progress, cancel=cancelled)

    return run_write_op(parent, session, work, on_done, None, label=label)


def remove_from_outbox(parent, session, item_ids: list[int]) -> WriteOp:
    ids = list(item_ids)

    def remove(journal) -> None:
        for item_id in ids:
            journal.outbox.remove(item_id)

    return WriteOp(parent, session, remove)


def set_network_settings(parent, session, settings) -> WriteOp:
    return WriteOp(parent, session, lambda j: j.outbox.set_network_settings(settings))


def set_drop_folder(parent, session, coordinator_id, url: str, user: str, password: str, pin) -> WriteOp:
    return WriteOp(parent, session, lambda j: j.outbox.set_drop(coordinator_id, url, user, password, pin))


def clear_drop_folder(parent, session, coordinator_id) -> WriteOp:
    return WriteOp(parent, session, lambda j: j.outbox.clear_drop(coordinator_id))


def add_inbox_folder(parent, session, url: str, user: str, password: str, pin) -> WriteOp:
    return WriteOp(parent, session, lambda j: j.inbox.add(url, user, password, pin))


def remove_inbox_folders(parent, session, folder_ids: list[int]) -> WriteOp:
    ids = list(folder_ids)
    return WriteOp(parent, session, lambda j: [j.inbox.remove(i) for i in ids])
