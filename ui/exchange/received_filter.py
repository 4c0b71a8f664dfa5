"""Received entries in the sidebar: one filter per sender, under a "Received" heading.

`ReceivedFilter` is an EntryFilter with one more condition (the entry has provenance,
optionally from one sender), so the entry list, search, sort and editor treat received
entries exactly like the journal's own.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from journal.records.search import EntryFilter

from ui.exchange.common import reader_stores, verified_icon


@dataclass(frozen=True)
class ReceivedFilter(EntryFilter):
    """Entries received from documenters; sender_id None means from any sender."""

    sender_id: int | None = None

    def where(self, *, by_utc: bool = False) -> tuple[str, list]:
        clause, params = super().where(by_utc=by_utc)
        if self.sender_id is None:
            extra = "e.id IN (SELECT local_id FROM provenance WHERE kind = 'entry')"
            return f"{clause} AND {extra}", params
        extra = "e.id IN (SELECT local_id FROM provenance WHERE kind = 'entry' AND sender_id = ?)"
        return f"{clause} AND {extra}", [*params, self.sender_id]


def received_group(host):
    """Sidebar provider: ("Received", items) with one item per sender that sent entries."""

    def provider():
        stores = reader_stores(host.session)
        if stores is None:
            return QCoreApplication.translate("Bundles", "Received"), []
        senders = stores.senders.list()
        if not senders:
            return QCoreApplication.translate("Bundles", "Received"), []
        items = [(QCoreApplication.translate("Bundles", "All received"), ReceivedFilter(), None)]
        for s in senders:
            # Short enough for the sidebar; the icon repeats the badge's word, never colour alone.
            label = f"{s.display_name} ({s.entry_count}), " + (
                QCoreApplication.translate("Bundles", "verified") if s.verified
                else QCoreApplication.translate("Bundles", "unverified"))
            if s.status == "blocked":
                label += ", " + QCoreApplication.translate("Bundles", "blocked")
            items.append((label, ReceivedFilter(sender_id=s.id), verified_icon(host.parent_widget(), s.verified)))
        return QCoreApplication.translate("Bundles", "Received"), items

    return provider
