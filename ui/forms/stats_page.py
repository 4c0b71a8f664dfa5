"""The Statistics page: counts by category, day, week, place or a form field, over own and
received entries with the usual filters; a bar chart drawn with QPainter (QtCharts is not
part of PySide6-Essentials) and the table behind it, which can be copied.

Counting runs off the GUI thread (ui/common/ops.run_op) on a reader connection of its own:
one grouped SQL query (journal.reports.stats) over the narrow covering indexes of schema 12.
Each change of a choice asks again; only the latest request's answer is shown.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QDate, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeySequence, QPainter, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from journal.records.reports import ReportFilter, dimensions, stats
from journal.records.search import EntryFilter

from ui.forms import labels as forms_labels
from ui.common.clipboard import copy_secret
from ui.common.ops import run_op, user_message
from ui.common.i18n import date_format

MAX_BARS = 60


class BarChart(QWidget):
    """Horizontal bars, one per row of a one-dimension table (labels left, counts right)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[tuple[str, int]] = []
        self.setMinimumHeight(120)
        self.setAccessibleName(self.tr("Bar chart"))

    def set_bars(self, bars: list[tuple[str, int]]) -> None:
        self.bars = bars[:MAX_BARS]
        self.setMinimumHeight(max(120, 22 * len(self.bars) + 16))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, max(120, 22 * len(self.bars) + 16))

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        if not self.bars:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Nothing to count"))
            return
        metrics = QFontMetrics(self.font())
        label_width = min(max(metrics.horizontalAdvance(label) for label, _ in self.bars) + 12, self.width() // 3)
        count_width = metrics.horizontalAdvance(str(max(c for _, c in self.bars))) + 12
        top = 8
        row_h = 22
        bar_h = 14
        span = max(1, self.width() - label_width - count_width - 16)
        biggest = max(c for _, c in self.bars) or 1
        bar_color = palette.color(QPalette.ColorRole.Highlight)
        text_color = palette.color(QPalette.ColorRole.Text)
        for i, (label, count) in enumerate(self.bars):
            y = top + i * row_h
            painter.setPen(text_color)
            elided = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 8)
            painter.drawText(QRectF(4, y, label_width - 8, row_h), Qt.AlignmentFlag.AlignVCenter |
                             Qt.AlignmentFlag.AlignRight, elided)
            width = span * count / biggest
            painter.fillRect(QRectF(label_width, y + (row_h - bar_h) / 2, max(width, 1), bar_h), bar_color)
            painter.drawText(QRectF(label_width + width + 4, y, count_width, row_h),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, str(count))
        painter.end()


class StatsPage(QWidget):
    entries_requested = Signal(object)  # ReportFilter (reserved for drill-down)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = None
        self.table_data = None
        self.on_screen: Callable[[], bool] = lambda: True  # the feature tells whether the page is shown
        self.shown_rows: list[tuple] = []
        self._request = 0  # the latest count asked for; older answers are dropped
        self._running_request: int | None = None
        self._reader = None
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("<h2>Statistics</h2>"))
        layout.addWidget(title)
        controls = QHBoxLayout()
        self.by_combo = QComboBox()
        self.by_combo.setAccessibleName(self.tr("Count by"))
        self.by_combo.setToolTip(self.tr("What to count entries by"))
        self.then_combo = QComboBox()
        self.then_combo.setAccessibleName(self.tr("Then by"))
        self.then_combo.setToolTip(self.tr("A second dimension, e.g. place then day"))
        self.category_combo = QComboBox()
        self.category_combo.setAccessibleName(self.tr("Category"))
        self.origin_combo = QComboBox()
        self.origin_combo.setAccessibleName(self.tr("Entries"))
        for label, value in ((self.tr("Own and received"), "all"), (self.tr("Own entries"), "own"),
                             (self.tr("Received entries"), "received")):
            self.origin_combo.addItem(label, value)
        self.use_dates = QCheckBox(self.tr("&Dates"))
        self.use_dates.setToolTip(self.tr("Only entries that happened between these dates"))
        self.date_from = QDateEdit(QDate.currentDate().addDays(-30))
        self.date_to = QDateEdit(QDate.currentDate())
        for edit, name in ((self.date_from, self.tr("From date")), (self.date_to, self.tr("To date"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_format())
            edit.setAccessibleName(name)
            edit.setEnabled(False)
        self.copy_button = QPushButton(self.tr("&Copy table"))
        self.copy_button.setToolTip(self.tr("Copy the table as tab-separated text (Ctrl+Shift+C); "
                                            "the clipboard is cleared after a short time"))
        self.copy_button.setAccessibleName(self.tr("Copy table"))
        # Each combo box has a visible label, its buddy, saying the same as its accessible name.
        # What to count on the first row, which entries on the second (with the dates): one long row
        # made the page wider than 1366 px in Russian once every combo box had its visible label.
        dates = QHBoxLayout()
        for row, label, widget in ((controls, self.tr("Count by"), self.by_combo),
                                   (controls, self.tr("Then by"), self.then_combo),
                                   (dates, self.tr("Category"), self.category_combo),
                                   (dates, self.tr("Entries"), self.origin_combo)):
            buddy = QLabel(label)
            buddy.setBuddy(widget)
            row.addWidget(buddy)
            # Form-field names can be long: let the combo shrink and elide instead of widening the page.
            widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            widget.setMinimumContentsLength(14)
            row.addWidget(widget)
        controls.addStretch(1)
        controls.addWidget(self.copy_button)
        layout.addLayout(controls)
        dates.addWidget(self.use_dates)
        dates.addWidget(self.date_from)
        dash = QLabel("–")
        dash.setBuddy(self.date_to)
        dates.addWidget(dash)
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        layout.addLayout(dates)
        QWidget.setTabOrder(self.then_combo, self.copy_button)  # Tab reads row by row, as shown
        QWidget.setTabOrder(self.copy_button, self.category_combo)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Vertical)
        self.chart = BarChart()
        self.table = QTableWidget(0, 2)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("Counts"))
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        split.addWidget(self.chart)
        split.addWidget(self.table)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)

        for combo in (self.by_combo, self.then_combo, self.category_combo, self.origin_combo):
            combo.currentIndexChanged.connect(self.refresh)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.refresh)
        self.use_dates.toggled.connect(self._dates_toggled)
        self.copy_button.clicked.connect(self.copy_table)
        QShortcut(QKeySequence("Ctrl+Shift+C"), self, self.copy_table)

    # --- session -----------------------------------------------------------------------------
    def attach(self, session) -> None:
        self.session = session
        # Counting scans every entry (~1.5 s with 100k): only when the page is what the user sees.
        # Choosing Statistics in the sidebar attaches again, and then it fills its choices (the
        # forms' fields and the categories: read on the GUI thread, so not at unlock) and counts.
        if self.on_screen():
            self._fill_choices()
            self.refresh()

    def detach(self) -> None:
        self.session = None
        self.table_data = None
        self._request += 1  # a count still running is forgotten
        self._running_request = None
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        for combo in (self.by_combo, self.then_combo, self.category_combo):
            combo.blockSignals(True)
            combo.clear()
            combo.blockSignals(False)
        self.table.setRowCount(0)
        self.chart.set_bars([])
        self.summary.clear()

    def _fill_choices(self) -> None:
        reader = self.session.reader
        names = {"category": self.tr("Category"), "day": self.tr("Day"), "week": self.tr("Week"),
                 "month": self.tr("Month"), "place": self.tr("Place"), "status": self.tr("Status"),
                 "sender": self.tr("Sender")}
        dims = dimensions(reader.db)
        for combo, with_none in ((self.by_combo, False), (self.then_combo, True)):
            combo.blockSignals(True)
            current = combo.currentData()
            combo.clear()
            if with_none:
                combo.addItem(self.tr("(nothing)"), None)
            for key, label in dims:
                combo.addItem(names.get(key) or forms_labels.dimension_label(key, label), key)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)
        self.category_combo.blockSignals(True)
        current = self.category_combo.currentData()
        self.category_combo.clear()
        self.category_combo.addItem(self.tr("All categories"), None)
        from ui.common.i18n import translated_categories

        for key, label in translated_categories(reader.entries.categories()):
            self.category_combo.addItem(label, key)
        self.category_combo.setCurrentIndex(max(self.category_combo.findData(current), 0))
        self.category_combo.blockSignals(False)

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.refresh()

    def current_filter(self) -> ReportFilter:
        dates = {}
        if self.use_dates.isChecked():
            dates = {"date_from": self.date_from.date().toString("yyyy-MM-dd"),
                     "date_to": self.date_to.date().toString("yyyy-MM-dd")}
        return ReportFilter(EntryFilter(category=self.category_combo.currentData(), **dates),
                            origin=self.origin_combo.currentData() or "all")

    def current_dimensions(self) -> list[str]:
        dims = [self.by_combo.currentData() or "category"]
        if self.then_combo.currentData() and self.then_combo.currentData() != dims[0]:
            dims.append(self.then_combo.currentData())
        return dims

    @property
    def counting(self) -> bool:
        """True while a count is running (tests and the busy cursor wait on it)."""
        return self._running_request is not None

    def _count_reader(self):
        """A reader connection for counting on a worker thread, so the GUI's own reader (list,
        editor) never waits behind a count; made once per unlock."""
        if self._reader is None and self.session is not None and self.session.journal is not None:
            self._reader = self.session.journal.open_reader()
        return self._reader

    def refresh(self, *_args) -> None:
        if self.session is None or self.session.reader is None:
            return
        reader = self._count_reader()
        if reader is None:
            return
        self._request += 1
        request = self._request
        self._running_request = request
        flt, dims = self.current_filter(), self.current_dimensions()

        def done(table) -> None:
            if request == self._request and self.session is not None:  # the latest request wins
                self._running_request = None
                self._show(table)

        def failed(exc) -> None:
            if request == self._request and self.session is not None:
                self._running_request = None
                self.summary.setText(user_message(exc))

        run_op(self, lambda _ctx: stats(reader.db, flt, dims), done, failed, show_dialog=False)

    def _show(self, table) -> None:
        self.table_data = table
        headers = [self.by_combo.currentText()]
        if len(table.dimensions) > 1:
            headers.append(self.then_combo.currentText())
        headers.append(self.tr("Entries"))
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(table.rows))
        # The journal keeps English labels for the built-in categories; show them in the UI language.
        from ui.common.i18n import translated_categories

        pairs = self.session.reader.entries.categories()
        shown = {label: text for (_key, label), (_k, text) in zip(pairs, translated_categories(pairs))}
        category_columns = {i for i, dim in enumerate(table.dimensions) if dim == "category"}
        # Built-in forms' choices, yes/no and "(none)" likewise (only what is shown; stored values stay).
        rows = [tuple(shown.get(v, v) if i in category_columns
                      else forms_labels.stats_value(table.dimensions[i], v) if i < len(table.dimensions) else v
                      for i, v in enumerate(row))
                for row in table.rows]
        self.shown_rows = rows  # "Copy table" copies what is on screen
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(str(value))
                if c == len(row) - 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.chart.set_bars([(" · ".join(str(v) for v in row[:-1]), row[-1]) for row in rows])
        if table.total == 0:
            self.summary.setText(self.tr("No entries match these filters."))
        else:
            more = self.tr(" (chart shows the first %n rows)", "", MAX_BARS) if len(table.rows) > MAX_BARS else ""
            self.summary.setText(self.tr("%n entries counted.", "", table.total) + more)
        self.copy_button.setEnabled(bool(table.rows))

    def copy_table(self) -> None:
        if self.table_data is not None and self.table_data.rows:
            # The header line keeps the dimension keys (stable for spreadsheets); the cells are the
            # translated texts shown in the table.
            copy_secret(dataclasses.replace(self.table_data, rows=self.shown_rows).to_tsv())
            self.summary.setText(self.tr("Table copied; the clipboard is cleared after a short time."))
