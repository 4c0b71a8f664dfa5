"""The safety feature's writes: changing the passphrase, and changing the key too
(see ui/common/ops.py for WriteOp and run_op)."""

from __future__ import annotations

from ui.common.ops import WriteOp, run_write_op


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
    """Check the database and every revision chain and attachment file (Journal.verify) on the
    writer thread, so no write runs in the middle of the check; `on_done(problems)`, an empty
    list when all is well."""
    run_write_op(parent, session, lambda journal, _ctx, _cancelled: journal.verify(), on_done,
                 label=label, cancellable=False)
