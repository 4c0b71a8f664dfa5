"""Small pieces shared by the bundle pages: read-only stores, badges, QR pixmaps, names.

The GUI thread reads through the session's read-only JournalReader, whose Stores the core
builds (journal/storage/vault.py): identity, coordinators, senders, exporter, importer.
"""

from __future__ import annotations

import io
import secrets

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import QApplication, QStyle, QWidget

from journal.exchange.bundle.card import card_qr_png
from journal.exchange.importer import BUNDLE_SUFFIX
from journal.storage.vault import Stores

from ui.common.i18n import format_datetime

# Translated where it is used: QCoreApplication.translate("Bundles", CARD_FILE_FILTER).
CARD_FILE_FILTER = QT_TRANSLATE_NOOP("Bundles", "Contact cards (*.ijcard);;All files (*)")


def reader_stores(session) -> Stores | None:
    """The read-only reader's stores for GUI-thread reads, or None when the journal is locked."""
    if session is None or session.reader is None or session.journal is None:
        return None
    return session.reader.stores


def qr_pixmap(card_text: str, scale: int = 5) -> QPixmap:
    """The card as a QR code, rendered to PNG bytes in memory (never a file)."""
    buffer = io.BytesIO()
    card_qr_png(card_text, buffer, scale=scale)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


def fingerprint_font(base: QFont, factor: float = 1.8) -> QFont:
    """Large monospaced type for fingerprints that are read aloud."""
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSizeF(max(base.pointSizeF(), 9.0) * factor)
    font.setBold(True)
    return font


def verified_text(verified: bool) -> str:
    """The badge's words (never colour only)."""
    if verified:
        return QCoreApplication.translate("Bundles", "✔ Verified")
    return QCoreApplication.translate("Bundles", "⚠ Not verified")


def verified_icon(widget: QWidget | None, verified: bool):
    style = widget.style() if widget is not None else QApplication.style()
    kind = QStyle.StandardPixmap.SP_DialogApplyButton if verified else QStyle.StandardPixmap.SP_MessageBoxWarning
    return style.standardIcon(kind)


def random_bundle_name() -> str:
    """A default file name that says nothing about the journal, its owner or its entries."""
    return f"bundle-{secrets.token_hex(5)}{BUNDLE_SUFFIX}"


def human_size(size: int) -> str:
    units = (QCoreApplication.translate("Bundles", "bytes"), QCoreApplication.translate("Bundles", "KB"),
             QCoreApplication.translate("Bundles", "MB"), QCoreApplication.translate("Bundles", "GB"))
    value = float(size)
    for index, unit in enumerate(units):
        if value < 1024 or index == len(units) - 1:
            return f"{int(value)} {unit}" if index == 0 else f"{value:.1f} {unit}"
        value /= 1024
    return str(size)


def short_time(iso: str | None) -> str:
    """'2024-05-01T10:20:30Z' -> local time in the interface's format, as the editor shows dates
    ('2024-05-01 13:20' in English, '01.05.2024 13:20' in Russian; '' for None)."""
    import datetime as dt

    if not iso:
        return ""
    try:
        return format_datetime(dt.datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone())
    except ValueError:
        return iso


def attachment_totals(reader_db, entry_ids: list[int]) -> tuple[int, int]:
    """(count, total bytes) of the live attachments of these entries."""
    count = size = 0
    for start in range(0, len(entry_ids), 500):
        chunk = entry_ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        row = reader_db.query_one(
            f"SELECT count(*), coalesce(sum(size), 0) FROM attachments WHERE deleted_at IS NULL "
            f"AND entry_id IN ({marks})", chunk)
        count, size = count + row[0], size + row[1]
    return count, size


def fingerprint_groups(fp: str) -> str:
    """The fingerprint as spoken groups on one line (it is already grouped by the core)."""
    return "  ".join(fp.split())
