"""The entries' writes: new entry, save edits, trash, restore, empty the trash
(see ui/common/ops.py for WriteOp: `.success(cb).failure(cb).run()`)."""

from __future__ import annotations

from journal.records.search_index import fill_word_forms_step, pending_word_forms

from ui.common.fields import LAST_ZONE_META
from ui.common.ops import WriteOp


def add_draft(parent, session, occurred_at: str, occurred_tz: str) -> WriteOp:
    """A new draft entry at this time; the result is the Entry."""
    return WriteOp(parent, session, lambda j: j.entries.add(occurred_at=occurred_at, occurred_tz=occurred_tz,
                                                            status="draft"))


def update(parent, session, entry_uuid: str, changes: dict, chosen_zone: str | None = None) -> WriteOp:
    """Save the editor's changes (a new revision) and the zone the person chose (for their next
    new entry), in one write; the result is the Entry."""
    def work(j):
        entry = j.entries.update(entry_uuid, **changes)
        if chosen_zone:
            j.set_meta(LAST_ZONE_META, chosen_zone)
        return entry

    return WriteOp(parent, session, work)


def move_to_trash(parent, session, entry_uuid: str) -> WriteOp:
    return WriteOp(parent, session, lambda j: j.entries.move_to_trash(entry_uuid))


def move_several_to_trash(parent, session, rowids: list[int]) -> WriteOp:
    """The list's selection; the result is the row ids moved (for Undo)."""
    return WriteOp(parent, session, lambda j: j.entries.move_many_to_trash(rowids))


def restore_several(parent, session, rowids: list[int]) -> WriteOp:
    """Out of the trash; the result is the row ids restored."""
    return WriteOp(parent, session, lambda j: j.entries.restore_many(rowids))


def restore(parent, session, entry_uuid: str) -> WriteOp:
    """Out of the trash; the result is the entry's row id (to select it)."""
    def work(j):
        j.entries.restore(entry_uuid)
        return j.entries.get(entry_uuid).id

    return WriteOp(parent, session, work)


def empty_trash(parent, session) -> WriteOp:
    """Delete every entry in the trash for good; the result is how many."""
    return WriteOp(parent, session, lambda j: j.entries.empty_trash())


def fill_word_forms(parent, session, on_step) -> None:
    """Add the word forms of records saved before schema 11 to the search index, one short
    write per batch (journal/records/search_index.py), so saves go between them; a lock drops
    the queued rest and the next unlock resumes. `on_step(done, remaining)` after each batch.
    (Imported with the module: a first import during unlock froze the window for tens of ms.)"""
    if session.reader is None or not pending_word_forms(session.reader.db):
        return
    state = {"done": 0}

    def step_done(result) -> None:
        count, remaining = result
        state["done"] += count
        on_step(state["done"], remaining)
        if remaining and count:
            WriteOp(parent, session, lambda j: fill_word_forms_step(j.db)).success(step_done).failure(
                lambda _exc: None).run()

    WriteOp(parent, session, lambda j: fill_word_forms_step(j.db)).success(step_done).failure(
        lambda _exc: None).run()
