"""Attachment work that runs on the session's writer thread, with progress and cancel.

`run_on_writer` combines the two GUI conventions: run_op's progress dialog,
cancel button and error path, and the session's single writer thread for
everything that touches the database. The run_op worker only waits for the
writer; the writer does the work and reports progress through the op's
context, so the GUI thread never blocks.

A multi-file import is ONE transaction here (the core commits each file on
its own; nested inside ours they become savepoints): cancelling rolls back
every file of the import. Originals are deleted only after that commit, so a
cancel can never delete a file that was not kept.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from journal.storage.atomic import fsync_dir, overwrite_and_unlink
from journal.records.attachments import DELETE_ORIGINAL_WARNING, Attachment, SaveReport
from journal.errors import Cancelled

from ui.common.ops import Op, OpContext, run_op

#: Progress is reported in thousandths: byte counts of a big import do not fit a Qt int.
PROGRESS_STEPS = 1000


@dataclass
class ImportOutcome:
    """What an import attached, and sentences for the user (notes, deletions)."""

    entry_uuid: str
    attachments: list[Attachment]
    notices: list[str] = field(default_factory=list)


def run_on_writer(parent, session, work: Callable[[Any, OpContext, Callable[[], bool]], Any],
                  on_done: Callable[[Any], None] | None, on_error: Callable[[BaseException], None] | None, *,
                  label: str, cancellable: bool = True) -> Op:
    """run_op whose `work(journal, ctx, cancelled)` runs on the session's writer thread.

    `cancelled()` is true when the user pressed Cancel or the journal is locking.
    """

    def wait_for_writer(ctx: OpContext) -> Any:
        def cancelled() -> bool:
            return ctx.cancelled() or session.cancel_requested()

        return session.write_and_wait(lambda journal: work(journal, ctx, cancelled), timeout=None)

    return run_op(parent, wait_for_writer, on_done, on_error, label=label, cancellable=cancellable)


def scaled_progress(ctx: OpContext) -> Callable[[int, int], None]:
    """The core's progress(done, total) in bytes -> the op's progress in thousandths."""

    def progress(done: int, total: int) -> None:
        ctx.progress(min(PROGRESS_STEPS, done * PROGRESS_STEPS // total) if total > 0 else 0, PROGRESS_STEPS)

    return progress


def import_files(journal, entry_uuid: str, paths: Sequence[str | os.PathLike], *, progress=None, cancel=None,
                 delete_original: bool = False) -> ImportOutcome:
    """Attach `paths` to an entry in one transaction; on cancel or error nothing is attached.

    With delete_original, each source is overwritten and deleted after the
    commit, unless it changed since it was read.
    """
    paths = [Path(p) for p in paths]
    before = {p: _stat(p) for p in paths}
    store = journal.attachments
    with journal.db.transaction():
        attachments = store.add_files(entry_uuid, paths, progress=progress, cancel=cancel)
        if cancel is not None and cancel():
            raise Cancelled(QCoreApplication.translate("Attachments", "Import cancelled. Nothing was attached."))
    notices = [n for a in attachments for n in a.notices]
    if delete_original:
        notices.extend(_delete_originals(paths, before))
    return ImportOutcome(entry_uuid, attachments, _unique(notices))


def paste_image(journal, entry_uuid: str, png: bytes, file_name: str) -> ImportOutcome:
    """Attach an image taken from the clipboard (already PNG bytes in memory)."""
    attachment = journal.attachments.add_bytes(entry_uuid, png, file_name)
    return ImportOutcome(entry_uuid, [attachment], list(attachment.notices))


def save_copy(journal, attachment_uuid: str, target: str | os.PathLike, *, strip: bool, allow_uncleaned: bool,
              progress=None, cancel=None) -> SaveReport:
    """Write a copy the user asked for (the one plaintext file the app ever writes)."""
    return journal.attachments.save_copy(attachment_uuid, target, strip=strip, allow_uncleaned=allow_uncleaned,
                                         progress=progress, cancel=cancel)


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def _delete_originals(paths: list[Path], before: dict[Path, tuple[int, int] | None]) -> list[str]:
    notices: list[str] = []
    for path in paths:
        now = _stat(path)
        if now is None:
            continue
        if now != before.get(path):
            notices.append(QCoreApplication.translate(
                "Attachments", "{name} changed while it was being attached, so it was not deleted.").format(
                name=path.name))
            continue
        overwrite_and_unlink(path)
        fsync_dir(path.parent)
        notices.append(DELETE_ORIGINAL_WARNING)
    return notices


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
