"""Picking several entries in the entry list by hand (issue 22: an evidence package "from a
selection of entries").

The list allows an extended selection, the usual keys of a list: Shift+click or Shift+arrows
extend it, Ctrl+click toggles one row, Ctrl+Space toggles the current row, Ctrl+A selects the
whole list. The editor still shows the current row (the one with the focus frame). Features read
the rows picked through FeatureHost.selected_entry_ids(): row ids only, so a selection of the
whole list costs no row reads.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QTableView


def allow_picking_several(view: QTableView) -> None:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)


def selected_rowids(view: QTableView) -> list[int]:
    """The selected rows' entry row ids, in list order (ranges: Ctrl+A on 100k rows reads nothing)."""
    model = view.model()
    selection = view.selectionModel()
    if model is None or selection is None:
        return []
    rows: set[int] = set()
    for span in selection.selection():
        rows.update(range(span.top(), span.bottom() + 1))
    found = (model.rowid_at(row) for row in sorted(rows))  # type: ignore[attr-defined]
    return [rowid for rowid in found if rowid is not None]
