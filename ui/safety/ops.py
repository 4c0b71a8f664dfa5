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
