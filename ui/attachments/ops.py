"""The attachments feature's writes: attach files or a pasted picture, save a copy, apply a
photo's time and place, remove (see ui/common/ops.py for run_write_op and WriteOp).

Long work (attach, save a copy) runs through `run_write_op`: a progress dialog with
Cancel, the work on the session's writer thread.

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
from journal.errors import Cancelled, JournalError

from ui.common.ops import Op, WriteOp, run_op, run_write_op, scaled_progress


@dataclass
class ImportOutcome:
    """What an import attached, and sentences for the user (notes, deletions)."""

    entry_uuid: str
    attachments: list[Attachment]
    notices: list[str] = field(default_factory=list)


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


def _on_own_reader(journal, read: Callable[[Any], Any]) -> Any:
    """read(reader) on a read-only connection of its own (a worker thread must not share the
    GUI's), closed afterwards."""
    reader = journal.open_reader()
    try:
        return read(reader)
    finally:
        reader.close()


def read_findings(parent, session, attachment_uuid: str, on_done: Callable[[list[str]], None],
                  on_error: Callable[[BaseException], None]) -> Op | None:
    """What a video, recording, PDF, document, TIFF or GIF reveals, read on a worker thread with a
    read-only connection of its own (an Office file or a TIFF is run through its cleaner, which
    takes a while for a big one): the GUI never waits. No progress dialog (the viewer says it is
    reading); cancel() the returned Op when its answer is no longer wanted. None when locked."""
    journal = session.journal if session is not None else None
    if journal is None:
        return None

    def work(ctx):
        return _on_own_reader(journal, lambda reader: reader.attachments.reveals(attachment_uuid,
                                                                                 cancel=ctx.cancelled))

    return run_op(parent, work, on_done, on_error, show_dialog=False)


def make_previews(parent, session, attachment_uuids: Sequence[str],
                  on_done: Callable[[dict[str, bytes | None]], None]) -> Op | None:
    """Previews still pending after an import (see AttachmentStore.fill_previews_step), made on a
    worker thread with a read-only connection of its own: {uuid: JPEG or None}. No dialog; cancel()
    the returned Op when the panel moves on. Errors give no preview (the file icon stays).
    None when locked."""
    journal = session.journal if session is not None else None
    if journal is None:
        return None

    def work(ctx):
        def make(reader) -> dict[str, bytes | None]:
            made: dict[str, bytes | None] = {}
            for uuid in attachment_uuids:
                if ctx.cancelled():
                    break
                try:
                    made[uuid] = reader.attachments.thumbnail(uuid)
                except JournalError:
                    made[uuid] = None
            return made
        return _on_own_reader(journal, make)

    return run_op(parent, work, on_done, lambda exc: None, show_dialog=False)


def save_copy(journal, attachment_uuid: str, target: str | os.PathLike, *, strip: bool, allow_uncleaned: bool,
              progress=None, cancel=None) -> SaveReport:
    """Write a copy the user asked for (the one plaintext file the app ever writes)."""
    return journal.attachments.save_copy(attachment_uuid, target, strip=strip, allow_uncleaned=allow_uncleaned,
                                         progress=progress, cancel=cancel)


# --- ops: what the panel asks for ------------------------------------------------------------

def attach_files(parent, session, entry_uuid: str, paths: Sequence[str], *, delete_original: bool,
                 on_done: Callable[[ImportOutcome], None], on_error: Callable[[BaseException], None],
                 label: str) -> Op:
    """Attach files to an entry on the writer, with progress and Cancel (one transaction)."""

    def work(journal, ctx, cancelled):
        return import_files(journal, entry_uuid, paths, progress=scaled_progress(ctx), cancel=cancelled,
                            delete_original=delete_original)

    return run_write_op(parent, session, work, on_done, on_error, label=label)


def attach_pasted_image(parent, session, entry_uuid: str, png: bytes, file_name: str, *,
                        on_done: Callable[[ImportOutcome], None], on_error: Callable[[BaseException], None],
                        label: str) -> Op:
    """Attach a picture from the clipboard (short: no Cancel)."""
    return run_write_op(parent, session, lambda journal, _ctx, _c: paste_image(journal, entry_uuid, png, file_name),
                        on_done, on_error, label=label, cancellable=False)


def write_copy(parent, session, attachment_uuid: str, target: str | os.PathLike, *, strip: bool,
               allow_uncleaned: bool, on_done: Callable[[SaveReport], None],
               on_error: Callable[[BaseException], None], label: str) -> Op:
    """Save a copy of an attachment to a file the person chose, with progress and Cancel."""

    def work(journal, ctx, cancelled):
        return save_copy(journal, attachment_uuid, target, strip=strip, allow_uncleaned=allow_uncleaned,
                         progress=scaled_progress(ctx), cancel=cancelled)

    return run_write_op(parent, session, work, on_done, on_error, label=label)


def apply_suggestion(parent, session, entry_uuid: str, suggestion) -> WriteOp:
    """Put a photo's time and place into its entry; the result is the updated Entry."""
    return WriteOp(parent, session, lambda j: j.attachments.apply_suggestion(entry_uuid, suggestion))


def remove(parent, session, attachment_uuid: str) -> WriteOp:
    """Remove an attachment from its entry (its encrypted file goes after the commit)."""
    return WriteOp(parent, session, lambda j: j.attachments.remove(attachment_uuid))


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
