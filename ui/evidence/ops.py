"""The evidence feature's one write: log a finished package in the journal (no path kept), so
later packages list it in their chain of custody (journal/evidence/builder.record_export)."""

from __future__ import annotations

from journal.evidence import PackageResult, record_export
from ui.common.ops import WriteOp


def log_package(parent, session, result: PackageResult) -> WriteOp:
    return WriteOp(parent, session, lambda journal: record_export(journal.db, result))
