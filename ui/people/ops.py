"""The people feature's writes: people, their links to incidents, and the contact log
(see ui/common/ops.py for WriteOp: `.success(cb).failure(cb).run()`)."""

from __future__ import annotations

from ui.common.ops import WriteOp


# --- people --------------------------------------------------------------------------------------

def add_person(parent, session, values: dict) -> WriteOp:
    """A new person; the result is the Person."""
    return WriteOp(parent, session, lambda j: j.people.add(**values))


def update_person(parent, session, uuid: str, values: dict) -> WriteOp:
    return WriteOp(parent, session, lambda j: j.people.update(uuid, **values))


def merge(parent, session, keep_uuid: str, absorb_uuid: str) -> WriteOp:
    """Merge `absorb` into `keep` (links, log, names, contacts); the result is the kept Person."""
    return WriteOp(parent, session, lambda j: j.people.merge(keep_uuid, absorb_uuid))


def delete_person(parent, session, uuid: str) -> WriteOp:
    return WriteOp(parent, session, lambda j: j.people.delete(uuid))


# --- links to incidents --------------------------------------------------------------------------

def link(parent, session, entry_uuid: str, role: str, *, person_uuid: str | None = None,
         new_name: str | None = None) -> WriteOp:
    """Link a person to an entry, adding them first (by `new_name`) if `person_uuid` is None.

    The result is the Person created, or None when an existing person was linked.
    """
    def work(j):
        created = None
        uuid = person_uuid
        if uuid is None:
            created = j.people.add(display_name=new_name)
            uuid = created.uuid
        j.people.link(entry_uuid, uuid, role)
        return created

    return WriteOp(parent, session, work)


def unlink(parent, session, entry_uuid: str, person_uuid: str, role: str) -> WriteOp:
    return WriteOp(parent, session, lambda j: j.people.unlink(entry_uuid, person_uuid, role))


def new_incident_with(parent, session, person_uuid: str, role: str, occurred_at: str, occurred_tz: str) -> WriteOp:
    """A new draft entry with this person already linked; the result is the Entry."""
    def work(j):
        entry = j.entries.add(occurred_at=occurred_at, occurred_tz=occurred_tz, status="draft")
        j.people.link(entry.uuid, person_uuid, role)
        return entry

    return WriteOp(parent, session, work)


# --- contact log ----------------------------------------------------------------------------------

def log_contact(parent, session, values: dict) -> WriteOp:
    """A contact-log record (call, message, meeting, maybe a follow-up); the result is the record."""
    return WriteOp(parent, session, lambda j: j.contact_log.add(**values))


def update_log_record(parent, session, record_uuid: str, changes: dict) -> WriteOp:
    """Change a contact-log record (ContactLogStore.update); the result is (before, after) for Undo."""
    def work(j):
        before = j.contact_log.get(record_uuid)
        return before, j.contact_log.update(record_uuid, **changes)

    return WriteOp(parent, session, work)


def restore_log_record(parent, session, before) -> WriteOp:
    """Undo an edit: put back every field of `before` (a LogRecord read before the change)."""
    def work(j):
        values = {"at": before.at, "tz": before.tz, "channel": before.channel, "direction": before.direction,
                  "summary": before.summary, "follow_up_due": before.follow_up_due,
                  "follow_up_note": before.follow_up_note, "entries": list(before.entries)}
        if all(p.uuid for p in before.people):
            values["people"] = [p.uuid for p in before.people]
        restored = j.contact_log.update(before.uuid, **values)
        if before.follow_up_done_at and not restored.follow_up_done_at:
            restored = j.contact_log.mark_done(before.uuid)
        return restored

    return WriteOp(parent, session, work)


def mark_done(parent, session, record_uuid: str) -> WriteOp:
    """A follow-up is done."""
    return WriteOp(parent, session, lambda j: j.contact_log.mark_done(record_uuid))


def delete_log_record(parent, session, record_uuid: str) -> WriteOp:
    return WriteOp(parent, session, lambda j: j.contact_log.delete(record_uuid))
