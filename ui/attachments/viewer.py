"""The in-app viewer: one attachment at a time, next/previous, zoom, metadata.

Pictures are decoded from the encrypted database into memory (see
attachments_image); no file is written and no external program is started,
whatever the type. Files that are not pictures show their details and can be
saved as a copy. The metadata panel lists what the photo reveals and what a
cleaned copy would lose.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QLabel, QScrollArea, QSplitter, QTextBrowser, QToolBar, QVBoxLayout, QWidget,
)

from journal.records.attachments import Attachment
from journal.errors import JournalError

from ui.attachments.dialogs import human_size, strip_explanation

ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.05, 8.0

ImageLoader = Callable[[Attachment], QImage]
#: What a video, recording, PDF or document reveals (journal.media.findings), read on demand.
# load_findings(att, deliver): starts reading in the background; deliver(findings) is called
# later on the GUI thread (a list of human names; a one-item list with the error if unreadable).
FindingsLoader = Callable[[Attachment, Callable[[list[str]], None]], None]

# Exif orientation -> words, translated where shown (QCoreApplication.translate("AttachmentViewer", …)).
_ORIENTATIONS = {
    1: QT_TRANSLATE_NOOP("AttachmentViewer", "upright"), 2: QT_TRANSLATE_NOOP("AttachmentViewer", "mirrored"),
    3: QT_TRANSLATE_NOOP("AttachmentViewer", "upside down"),
    4: QT_TRANSLATE_NOOP("AttachmentViewer", "upside down, mirrored"),
    5: QT_TRANSLATE_NOOP("AttachmentViewer", "turned, mirrored"),
    6: QT_TRANSLATE_NOOP("AttachmentViewer", "turned right (shown upright)"),
    7: QT_TRANSLATE_NOOP("AttachmentViewer", "turned, mirrored"),
    8: QT_TRANSLATE_NOOP("AttachmentViewer", "turned left (shown upright)"),
}
_UNKNOWN_ORIENTATION = QT_TRANSLATE_NOOP("AttachmentViewer", "unknown")


class AttachmentViewer(QDialog):
    save_requested = Signal(str)  # attachment uuid

    def __init__(self, load_image: ImageLoader, parent: QWidget | None = None,
                 load_findings: FindingsLoader | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Attachment"))  # never the file name: it may say too much
        self._load_image = load_image
        self._load_findings = load_findings
        self._findings_wanted: str | None = None  # the attachment whose findings are awaited
        self._items: list[Attachment] = []
        self._index = -1
        self._image: QImage | None = None
        self._zoom = 1.0
        self._fit = True
        self._build()
        self.resize(1100, 720)

    # --- construction -----------------------------------------------------------------
    def _build(self) -> None:
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        def action(text: str, shortcuts, tip: str, slot) -> QAction:
            act = QAction(text, self)
            act.setShortcuts([QKeySequence(s) for s in shortcuts])
            act.setToolTip(tip)
            act.triggered.connect(slot)
            self.toolbar.addAction(act)
            self.addAction(act)
            return act

        self.previous_action = action(self.tr("‹ Previous"), ["Left", "PgUp"],
                                      self.tr("Previous attachment (Left arrow)"), self.show_previous)
        self.next_action = action(self.tr("Next ›"), ["Right", "PgDown", "Space"],
                                  self.tr("Next attachment (Right arrow)"), self.show_next)
        self.toolbar.addSeparator()
        self.fit_action = action(self.tr("Fit"), ["F"], self.tr("Fit the picture to the window (F)"), self.fit)
        self.zoom_in_action = action(self.tr("Zoom in"), [QKeySequence.StandardKey.ZoomIn, "+"],
                                     self.tr("Zoom in (Ctrl++)"), self.zoom_in)
        self.zoom_out_action = action(self.tr("Zoom out"), [QKeySequence.StandardKey.ZoomOut, "-"],
                                      self.tr("Zoom out (Ctrl+-)"), self.zoom_out)
        self.actual_size_action = action(self.tr("100%"), ["Ctrl+0", "1"],
                                         self.tr("Show at the decoded size (Ctrl+0)"), self.actual_size)
        self.toolbar.addSeparator()
        self.save_action = action(self.tr("Save a copy…"), [QKeySequence.StandardKey.Save],
                                  self.tr("Save a copy outside the journal, metadata removed by default (Ctrl+S)"),
                                  self._request_save)
        self.position_label = QLabel()
        self.position_label.setContentsMargins(12, 0, 0, 0)
        self.toolbar.addWidget(self.position_label)

        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setAccessibleName(self.tr("Picture"))
        self.picture.setWordWrap(True)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.picture)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.metadata = QTextBrowser()
        self.metadata.setOpenLinks(False)
        self.metadata.setOpenExternalLinks(False)
        self.metadata.setAccessibleName(self.tr("What this file reveals"))
        self.metadata.setMinimumWidth(260)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.scroll)
        splitter.addWidget(self.metadata)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([780, 320])
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        body = QHBoxLayout()
        body.setContentsMargins(6, 6, 6, 6)
        body.addWidget(splitter)
        layout.addLayout(body, 1)

    # --- content ------------------------------------------------------------------------
    @property
    def current(self) -> Attachment | None:
        return self._items[self._index] if 0 <= self._index < len(self._items) else None

    @property
    def has_picture(self) -> bool:
        return self._image is not None

    def set_items(self, items: list[Attachment], index: int) -> None:
        self._items = list(items)
        self.show_index(index)

    def show_index(self, index: int) -> None:
        if not self._items:
            self.forget()
            return
        self._index = index % len(self._items)
        att = self._items[self._index]
        self._image = None
        self.picture.clear()
        error = None
        if att.is_image and att.metadata:
            try:
                self._image = self._load_image(att)
            except JournalError as exc:  # MediaError and friends: a message, never a crash
                error = str(exc)
        if self._image is None:
            self.picture.setText(error or self.tr("No preview for this kind of file ({type}).\n"
                                                  "Use “Save a copy…” to open it with another program.")
                                 .format(type=att.media_type))
        self._fit = True
        self._render()
        self._findings_wanted = None
        self.metadata.setHtml(metadata_html(att, None))
        if not att.is_image and self._load_findings is not None:
            # Read on a worker thread (an Office file or a TIFF is run through its cleaner);
            # the panel says so meanwhile, and a late answer for another file is dropped.
            self._findings_wanted = att.uuid
            self.metadata.setHtml(metadata_html(att, None, reading=True))
            self._load_findings(att, lambda findings, a=att: self._show_findings(a, findings))
        self.position_label.setText(self.tr("{n} of {total}").format(n=self._index + 1, total=len(self._items)))
        many = len(self._items) > 1
        self.previous_action.setEnabled(many)
        self.next_action.setEnabled(many)
        for act in (self.fit_action, self.zoom_in_action, self.zoom_out_action, self.actual_size_action):
            act.setEnabled(self._image is not None)

    def _show_findings(self, att: Attachment, findings: list[str]) -> None:
        if self._findings_wanted != att.uuid or self.current is None or self.current.uuid != att.uuid:
            return
        self._findings_wanted = None
        self.metadata.setHtml(metadata_html(att, findings))

    @property
    def reading_findings(self) -> bool:
        """True while what the shown file reveals is still being read."""
        return self._findings_wanted is not None

    def show_next(self) -> None:
        if self._items:
            self.show_index(self._index + 1)

    def show_previous(self) -> None:
        if self._items:
            self.show_index(self._index - 1)

    def forget(self) -> None:
        """Lock: drop the picture, the list and the metadata shown."""
        self._items = []
        self._index = -1
        self._image = None
        self.picture.clear()
        self.metadata.clear()
        self.position_label.clear()

    # --- zoom -----------------------------------------------------------------------------
    def fit(self) -> None:
        self._fit = True
        self._render()

    def zoom_in(self) -> None:
        self._set_zoom(self._current_scale() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self._current_scale() / ZOOM_STEP)

    def actual_size(self) -> None:
        self._set_zoom(1.0)

    def zoom(self) -> float:
        return self._current_scale()

    def _set_zoom(self, zoom: float) -> None:
        if self._image is None:
            return
        self._fit = False
        self._zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self._render()

    def _current_scale(self) -> float:
        if self._image is None or self._image.width() == 0:
            return 1.0
        if not self._fit:
            return self._zoom
        area = self.scroll.viewport().size()
        return min(1.0, area.width() / self._image.width(), area.height() / self._image.height())

    def _render(self) -> None:
        if self._image is None:
            return
        scale = self._current_scale()
        size = self._image.size() * scale
        pixmap = QPixmap.fromImage(self._image).scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        self.picture.setPixmap(pixmap)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._fit:
            self._render()

    def _request_save(self) -> None:
        if self.current is not None:
            self.save_requested.emit(self.current.uuid)

    def closeEvent(self, event) -> None:
        self.forget()  # a closed viewer keeps no decoded picture in memory
        super().closeEvent(event)


def metadata_rows(att: Attachment, findings: list[str] | None = None, *,
                  reading: bool = False) -> list[tuple[str, str]]:
    """(label, value) pairs for the metadata panel, in reading order (reading: the findings are
    being read in the background)."""
    meta = att.metadata or {}
    rows = [(QCoreApplication.translate("AttachmentViewer", "File"), att.file_name),
            (QCoreApplication.translate("AttachmentViewer", "Type"), att.media_type),
            (QCoreApplication.translate("AttachmentViewer", "Size"), human_size(att.size))]
    if reading:
        rows.append((QCoreApplication.translate("AttachmentViewer", "Hidden data"),
                     QCoreApplication.translate("AttachmentViewer", "reading the file…")))
    elif findings is not None:
        rows.append((QCoreApplication.translate("AttachmentViewer", "Hidden data"),
                     "; ".join(findings) if findings
                     else QCoreApplication.translate("AttachmentViewer", "nothing identifying found")))
    if meta.get("width") and meta.get("height"):
        rows.append((QCoreApplication.translate("AttachmentViewer", "Pixels"), f"{meta['width']} × {meta['height']}"))
    if meta.get("capture_time"):
        rows.append((QCoreApplication.translate("AttachmentViewer", "Taken"),
                     str(meta["capture_time"]).replace("T", " ")))
    camera = " ".join(str(meta[k]) for k in ("camera_make", "camera_model") if meta.get(k))
    if camera:
        rows.append((QCoreApplication.translate("AttachmentViewer", "Camera"), camera))
    for key, label in (
            ("body_serial_number", QCoreApplication.translate("AttachmentViewer", "Camera serial number")),
            ("lens_model", QCoreApplication.translate("AttachmentViewer", "Lens")),
            ("lens_serial_number", QCoreApplication.translate("AttachmentViewer", "Lens serial number")),
            ("owner_name", QCoreApplication.translate("AttachmentViewer", "Camera owner")),
            ("artist", QCoreApplication.translate("AttachmentViewer", "Artist")),
            ("copyright", QCoreApplication.translate("AttachmentViewer", "Copyright")),
            ("software", QCoreApplication.translate("AttachmentViewer", "Software"))):
        if meta.get(key):
            rows.append((label, str(meta[key])))
    if meta.get("gps_latitude") is not None and meta.get("gps_longitude") is not None:
        rows.append((QCoreApplication.translate("AttachmentViewer", "GPS position"),
                     f"{float(meta['gps_latitude']):.6f}, {float(meta['gps_longitude']):.6f}"))
    if meta.get("gps_altitude") is not None:
        rows.append((QCoreApplication.translate("AttachmentViewer", "GPS altitude"),
                     f"{float(meta['gps_altitude']):.1f} m"))
    if meta.get("orientation") not in (None, 1):
        words = _ORIENTATIONS.get(int(meta["orientation"]), _UNKNOWN_ORIENTATION)
        rows.append((QCoreApplication.translate("AttachmentViewer", "Orientation"),
                     QCoreApplication.translate("AttachmentViewer", words)))
    rows.append((QCoreApplication.translate("AttachmentViewer", "Imported"),
                 att.imported_at.replace("T", " ")[:19] + " UTC"))
    rows.append((QCoreApplication.translate("AttachmentViewer", "SHA-256 of the original"), att.sha256))
    return rows


def metadata_html(att: Attachment, findings: list[str] | None = None, *, reading: bool = False) -> str:
    """The metadata panel's content; every value escaped (file names and Exif are untrusted).
    findings: what a non-photo file reveals (None: not read; reading: being read)."""
    esc = html.escape
    parts = ["<table cellspacing='2'>"]
    for label, value in metadata_rows(att, findings, reading=reading):
        parts.append(f"<tr><td valign='top'><b>{esc(label)}</b></td><td>{esc(value)}</td></tr>")
    parts.append("</table>")
    if not reading:  # while reading, "nothing identifying found" would not be true yet
        heading = QCoreApplication.translate("AttachmentViewer", "When saved as a cleaned copy or sent")
        parts.append(f"<p><b>{esc(heading)}</b><br>"
                     f"{esc(strip_explanation(att, True, findings))}</p>")
    if att.note:
        parts.append(f"<p><i>{esc(att.note)}</i></p>")
    return "".join(parts)
