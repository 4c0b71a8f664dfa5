"""The exchange feature's writes: write a bundle, import bundles, review a received entry,
coordinators and senders (see ui/common/ops.py for run_write_op and WriteOp).

Sending, fetching, the outbox and inbox folders are in ui/exchange/transport/ops.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ui.common.ops import Op, OpContext, WriteOp, run_write_op, scaled_progress


# --- bundles -----------------------------------------------------------------------------------

def write_bundle(parent, session, out_path: str, coordinator_uuids: list[str], *, entries: list[str] | None,
                 since_last: bool, all_entries: bool, options, to_outbox: bool,
                 on_done: Callable[[Any], None], on_error: Callable[[BaseException], None], label: str) -> Op:
    """Write an encrypted bundle for coordinators, with progress and Cancel.

    To a file (`out_path`; the result is an ExportResult) or into the outbox (`to_outbox`; the
    result is (ExportResult, queued items)). The core writes atomically: a cancel leaves no file.
    """

    def work(journal, ctx: OpContext, cancelled):
        args = {"entries": entries, "since_last": since_last, "all_entries": all_entries,
                "options": options, "progress": scaled_progress(ctx), "cancel": cancelled}
        if to_outbox:
            return journal.outbox.export_to_outbox(coordinator_uuids, **args)
        return journal.exporter.export(out_path, coordinator_uuids, **args)

    return run_write_op(parent, session, work, on_done, on_error, label=label)


def import_bundles(parent, session, work: Callable[[Any, OpContext, Callable[[], bool]], Any],
                   on_done: Callable[[Any], None], on_error: Callable[[BaseException], None], label: str) -> Op:
    """One pass of a bundle import (`work(journal, ctx, cancelled)`, see ui/exchange/importing.py)."""
    return run_write_op(parent, session, work, on_done, on_error, label=label)


def fill_previews(parent, session) -> None:
    """Make the previews a bundle import left for after its commit (journal/records/attachments.py
    fill_previews_step), a couple at a time, one short write each, so saves go between them.
    After an import and after unlocking; a lock drops the rest and the next unlock resumes.
    Until then an entry's panel makes a pending preview on demand."""
    from journal.records.attachments import PREVIEW_WORKERS

    def step(journal):
        return journal.attachments.fill_previews_step(PREVIEW_WORKERS, cancel=session.cancel_requested)

    def step_done(result) -> None:
        made, remaining = result
        if made and remaining and session.journal is not None:
            WriteOp(parent, session, step).success(step_done).failure(lambda _exc: None).run()

    if session is not None and session.journal is not None:
        WriteOp(parent, session, step).success(step_done).failure(lambda _exc: None).run()


def set_review(parent, session, entry_uuid: str, *, status: str, notes: str, tags: list[str]) -> WriteOp:
    """The coordinator's review of a received entry: status, notes, tags."""
    return WriteOp(parent, session, lambda j: j.importer.set_review(entry_uuid, status=status, notes=notes, tags=tags))


# --- this journal's card ---------------------------------------------------------------------

def set_card_name(parent, session, name: str) -> WriteOp:
    """The public name on this journal's card and bundles (not the private journal name)."""
    return WriteOp(parent, session, lambda j: j.identity.set_display_name(name))


# --- coordinators ----------------------------------------------------------------------------

def add_coordinator(parent, session, card) -> WriteOp:
    return WriteOp(parent, session, lambda j: j.coordinators.add(card))


def verify_coordinator(parent, session, uuid: str, verified: bool) -> WriteOp:
    return WriteOp(parent, session, lambda j: j.coordinators.set_verified(uuid, verified))


def rename_coordinator(parent, session, uuid: str, name: str) -> WriteOp:
    return WriteOp(parent, session, lambda j: j.coordinators.rename(uuid, name))


def remove_coordinator(parent, session, uuid: str) -> WriteOp:
    return WriteOp(parent, session, lambda j: j.coordinators.remove(uuid))


# --- senders -----------------------------------------------------------------------------------

def verify_sender(parent, session, sender_id: int, verified: bool) -> WriteOp:
    return WriteOp(parent, session, lambda j: j.senders.verify(sender_id, verified))


def trust_sender(parent, session, sender_id: int) -> WriteOp:
    return WriteOp(parent, session, lambda j: j.senders.trust(sender_id))


def block_sender(parent, session, sender_id: int) -> WriteOp:
    return WriteOp(parent, session, lambda j: j.senders.block(sender_id))


def rename_sender(parent, session, sender_id: int, name: str) -> WriteOp:
    return WriteOp(parent, session, lambda j: j.senders.rename(sender_id, name))
