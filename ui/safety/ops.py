"""The safety feature's writes: changing the passphrase, and changing the key too
(see ui/common/ops.py for WriteOp and run_op)."""

from __future__ import annotations

from ui.common.ops import WriteOp, run_write_op, scaled_progress


def change_passphrase(parent, session, passphrase: str, kdf) -> WriteOp:
    """Re-wrap the data key under a new passphrase (instant; the old key file is overwritten first)."""
    return WriteOp(parent, session, lambda journal: journal.change_passphrase(passphrase, kdf=kdf))


def rotate_keys_work(session, passphrase: str, kdf):
    """The worker of a key change (new data key, every attachment file re-encrypted): run it
    with run_op(..., cancellable=True); it waits on the writer for as long as it takes."""
    def work(ctx):
        return session.write_and_wait(lambda journal: journal.rotate_keys(
            passphrase, kdf=kdf, progress=ctx.progress, cancel=ctx.cancelled), timeout=None)

    return work


def verify_journal(parent, session, on_done, label: str) -> None:
    """Check the database, every revision chain and every attachment's file (Journal.verify),
    then decrypt and re-hash every attached file (slow for big files: progress and Cancel), on
    the writer thread, so no write runs in the middle of the check; `on_done(problems)`, an empty
    list when all is well."""

    def work(journal, ctx, cancelled):
        problems = journal.verify()
        return problems + journal.attachments.verify_hashes(progress=scaled_progress(ctx), cancel=cancelled)

    run_write_op(parent, session, work, on_done, label=label, cancellable=True)


# --- the duress passphrase (journal/storage/duress.py) ------------------------------------------------
def duress_is_set(parent, session) -> WriteOp:
    from journal.storage import duress

    return WriteOp(parent, session, duress.is_set)


def set_duress_work(session, passphrase: str, decoy_name: str | None):
    """Worker for run_op: one key derivation and a small decoy written (about a second)."""
    from journal.storage import duress

    def work(_ctx):
        return session.write_and_wait(lambda journal: duress.set_duress(journal, passphrase, decoy_name),
                                      timeout=None)

    return work


def remove_duress(parent, session) -> WriteOp:
    from journal.storage import duress

    return WriteOp(parent, session, duress.remove_duress)


def open_decoy_work(session, passphrase: str):
    """Worker for run_op: checks the duress passphrase (one key derivation) and unpacks the
    decoy into a private staging folder. Returns the DecoyEditor; nothing is erased."""
    from journal.storage import duress

    def work(_ctx):
        return session.write_and_wait(lambda journal: duress.DecoyEditor(journal, passphrase), timeout=None)

    return work


def decoy_titles(parent, session, editor) -> WriteOp:
    return WriteOp(parent, session, lambda _journal: [(e.uuid, e.occurred_at or "", e.title)
                                                       for e in editor.journal.queries.page(sort="occurred")])


def decoy_add_entry(parent, session, editor, title: str, body: str, occurred_at: str | None) -> WriteOp:
    return WriteOp(parent, session, lambda _journal: editor.journal.entries.add(
        title=title, body=body, occurred_at=occurred_at))


def decoy_delete_entry(parent, session, editor, entry_uuid: str) -> WriteOp:
    return WriteOp(parent, session, lambda _journal: editor.journal.entries.move_to_trash(entry_uuid))


def decoy_finish(parent, session, editor, keep: bool) -> WriteOp:
    """Pack the decoy again (keep) or forget the changes; either removes the staging folder."""
    return WriteOp(parent, session, lambda _journal: editor.save() if keep else editor.discard())


def decoy_people(parent, session, editor) -> WriteOp:
    """(uuid, name, organisation) of the decoy's people, by name."""
    return WriteOp(parent, session, lambda _journal: [(p.uuid, p.display_name, p.organisation)
                                                       for p in editor.journal.people.list(limit=1000)])


def decoy_add_person(parent, session, editor, values: dict) -> WriteOp:
    return WriteOp(parent, session, lambda _journal: editor.journal.people.add(**values))


def decoy_remove_person(parent, session, editor, person_uuid: str) -> WriteOp:
    return WriteOp(parent, session, lambda _journal: editor.journal.people.delete(person_uuid))


def decoy_contacts(parent, session, editor) -> WriteOp:
    """(uuid, one line: when, with whom, what) of the decoy's contact log, newest first."""
    def rows(_journal):
        return [(r.uuid, "  ".join(part for part in (r.at.replace("T", " ")[:16],
                                                      ", ".join(p.display_name for p in r.people),
                                                      r.summary.splitlines()[0] if r.summary else "") if part))
                for r in editor.journal.contact_log.list(limit=1000)]

    return WriteOp(parent, session, rows)


def decoy_add_contact(parent, session, editor, values: dict) -> WriteOp:
    return WriteOp(parent, session, lambda _journal: editor.journal.contact_log.add(**values))


def decoy_remove_contact(parent, session, editor, log_uuid: str) -> WriteOp:
    return WriteOp(parent, session, lambda _journal: editor.journal.contact_log.delete(log_uuid))
