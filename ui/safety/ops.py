"""The safety feature's writes: changing the passphrase, and changing the key too
(see ui/common/ops.py for WriteOp and run_op)."""

from __future__ import annotations

from ui.common.ops import WriteOp


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
