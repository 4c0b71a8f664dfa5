"""The Contact log page: a timeline filtered by person, channel and dates, with the quick-add bar.

The timeline and the people of the pickers are read off the GUI thread on a reader of their
own when the feature gives one (ui/common/ops.LatestRead: each change of a filter asks again,
only the latest answer is shown); without one (a page built alone in a test) on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
    QPushButton, QStackedWidget, QTableView, QVBoxLayout, QWidget,
)

from journal.records.people import Person

from ui.people.contact_log.edit_dialog import ContactLogEditDialog
from ui.people.contact_log.model import COL_SUMMARY, RESIZE_PRECISION, UUID_ROLE, ContactLogModel
from ui.people.contact_log.quick import QuickLogBar
from ui.common.ops import LatestRead, user_message
from ui.people.labels import channel_labels, display_when
from ui.people.picker import PeopleChoices, PersonPicker
from ui.common.i18n import date_format
from ui.people import ops

PAGE_LIMIT = 1000


class ContactLogPage(QWidget):
    log_changed = Signal()   # a record was added, marked done or deleted

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = None
        self._background = None  # a reader connection of its own (attach), for reads off the GUI thread
        self._reads = LatestRead()         # the timeline
        self._people_reads = LatestRead()  # the people of the pickers
        self._then = None                  # what the running timeline read does once shown
        self._read_person: str | None = None  # the person filter of the last timeline read
        self.shared_people = None          # the feature's one read for every picker (PeopleFeature.refresh_people)
        self.shared_people_loading = lambda: False  # ... and whether it is running
        self._build()
        self._wire()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.quick = QuickLogBar()
        layout.addWidget(self.quick)

        filters = QHBoxLayout()
        self.person_filter = PersonPicker()
        self.person_filter.lineEdit().setPlaceholderText(self.tr("Everyone"))
        self.person_filter.setAccessibleName(self.tr("Filter by person"))
        self.person_filter.setToolTip(self.tr("Show only contacts with this person (empty: everyone)"))
        self.channel_filter = QComboBox()
        self.channel_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.channel_filter.setAccessibleName(self.tr("Filter by channel"))
        self.channel_filter.addItem(self.tr("All channels"), None)
        for key, label in channel_labels().items():
            self.channel_filter.addItem(label, key)
        self.dates = QCheckBox(self.tr("From"))
        self.dates.setToolTip(self.tr("Only contacts between these dates (as at the place)"))
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit, name in ((self.date_from, self.tr("From date")), (self.date_to, self.tr("To date"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_format())
            edit.setAccessibleName(name)
            edit.setEnabled(False)
        self.date_from.setDate(QDate.currentDate().addMonths(-1))
        self.date_to.setDate(QDate.currentDate())
        show_label = QLabel(self.tr("Show:"))
        show_label.setBuddy(self.person_filter)
        filters.addWidget(show_label)
        filters.addWidget(self.person_filter, 2)
        filters.addWidget(self.channel_filter, 1)
        filters.addWidget(self.dates)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.date_to)
        filters.addStretch(1)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setToolTip(self.tr("Change the selected record: its time, channel, summary, follow-up "
                                            "(or double-click it)"))
        self.done_button = QPushButton(self.tr("Mark follow-up done"))
        self.done_button.setToolTip(self.tr("Close the selected record's follow-up"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setToolTip(self.tr("Delete the selected record for good"))
        layout.addLayout(filters)

        self.model = ContactLogModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Contact log"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Fitted to the first rows only: measuring all (Qt measures 1,000) froze the window ~1 s.
        header.setResizeContentsPrecision(RESIZE_PRECISION)
        header.setSectionResizeMode(COL_SUMMARY, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        # The buttons act on the selected record: under the table and after it in the Tab order
        # (before it, Tab could not reach them from the table).
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.done_button)
        actions.addWidget(self.delete_button)
        layout.addLayout(actions)
        QWidget.setTabOrder(self.date_to, self.table)
        QWidget.setTabOrder(self.table, self.edit_button)
        QWidget.setTabOrder(self.edit_button, self.done_button)
        QWidget.setTabOrder(self.done_button, self.delete_button)

        # After an edit: what changed, and Undo (the record's previous values are kept in memory
        # only until the bar goes: on lock, on the next edit, or after a while).
        self.undo_bar = QWidget()
        undo_row = QHBoxLayout(self.undo_bar)
        undo_row.setContentsMargins(0, 0, 0, 0)
        self.undo_label = QLabel()
        self.undo_button = QPushButton(self.tr("&Undo"))
        self.undo_button.setToolTip(self.tr("Put back the record as it was before this edit"))
        undo_row.addWidget(self.undo_label, 1)
        undo_row.addWidget(self.undo_button)
        self.undo_bar.setVisible(False)
        layout.addWidget(self.undo_bar)
        self._undo_record = None
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(30_000)
        self._undo_timer.timeout.connect(self._forget_undo)
        self.edit_dialog: ContactLogEditDialog | None = None

    def _wire(self) -> None:
        self.quick.added.connect(self._added)
        self.person_filter.activated.connect(lambda _i: self.reload())
        # Leaving the field (Tab) ends editing too: read again only when the person changed,
        # else every Tab through the filters would clear the timeline's selection.
        self.person_filter.lineEdit().editingFinished.connect(self._person_typed)
        self.channel_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.dates.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(lambda _d: self.reload())
        self.date_to.dateChanged.connect(lambda _d: self.reload())
        self.edit_button.clicked.connect(self.edit_selected)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.undo_button.clicked.connect(self.undo_edit)
        self.done_button.clicked.connect(self.mark_selected_done)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)

    def _person_typed(self) -> None:
        if self.person_filter.current_uuid() != self._read_person:
            self.reload()

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.reload()

    # --- session -------------------------------------------------------------------
    def attach(self, session, background=None) -> None:
        """`background`: a reader of its own, for reading the lists off the GUI thread."""
        self.session = session
        self._background = background
        self.quick.attach(session)
        if self.shared_people is None:  # else the feature reads them once for every picker
            self.refresh_people()  # the quick bar (Ctrl+Shift+L) needs them from anywhere
        if self.isVisible():  # else when the page is shown (PeopleFeature._section_changed)
            self.reload()

    def detach(self) -> None:
        """Lock: empty the timeline, the pickers and the quick bar."""
        self.session = None
        self._background = None
        self._reads.forget()
        self._people_reads.forget()
        self._then = None
        self._read_person = None
        if self.edit_dialog is not None:
            self.edit_dialog.reject()
            self.edit_dialog = None
        self._forget_undo()
        self.quick.detach()
        self.person_filter.forget()
        self.channel_filter.blockSignals(True)
        self.channel_filter.setCurrentIndex(0)
        self.channel_filter.blockSignals(False)
        self.model.clear()
        self.empty.clear()

    @property
    def loading(self) -> bool:
        """True while the timeline or the pickers' people are being read off the GUI thread."""
        return self._reads.pending or self._people_reads.pending or (
            self.shared_people is not None and self.shared_people_loading())

    def refresh_people(self) -> None:
        if self.session is None:
            return
        if self.shared_people is not None:
            self.shared_people()
        elif self._background is None:
            self.set_people(PeopleChoices.read(self.session.reader.people))
        else:
            store = self._background.people
            self._people_reads.run(lambda: PeopleChoices.read(store), self.set_people,
                                   lambda exc: self.empty.setText(user_message(exc)))

    def set_people(self, people: list[Person]) -> None:
        if self.session is None:
            return
        self.quick.set_people(people)
        self.person_filter.set_people(people)

    def set_person_filter(self, uuid: str | None) -> None:
        self.person_filter.select_uuid(uuid)
        self.reload()

    def reload(self, then=None) -> None:
        """Re-read the timeline for the chosen filters; `then()` runs once it is shown."""
        if self.session is None:
            return
        # A reload while one is running keeps what that one was to do once shown (latest read wins).
        then = then or (self._then if self._reads.pending else None)
        self._then = then
        person = self._read_person = self.person_filter.current_uuid()
        date_from = self.date_from.date().toString("yyyy-MM-dd") if self.dates.isChecked() else None
        date_to = self.date_to.date().toString("yyyy-MM-dd") if self.dates.isChecked() else None
        channel = self.channel_filter.currentData()
        filtered = bool(person or channel or self.dates.isChecked())

        def read(log) -> list:
            return log.list(person=person, channel=channel, date_from=date_from, date_to=date_to, limit=PAGE_LIMIT)

        def failed(exc: BaseException) -> None:  # a person deleted meanwhile, bad dates: say why
            self._show_records([], user_message(exc), None)

        if self._background is None:
            self._reads.forget()
            try:
                records = read(self.session.reader.contact_log)
            except Exception as exc:
                failed(exc)
            else:
                self._show_records(records, self._empty_text(filtered), then)
            return
        log = self._background.contact_log
        self._reads.run(lambda: read(log), lambda records: self._show_records(records, self._empty_text(filtered), then),
                        failed)

    def _empty_text(self, filtered: bool) -> str:
        return self.tr("No contacts match.") if filtered else self.tr(
            "No contacts logged yet. Press Ctrl+Shift+L to log a call, message or meeting.")

    def _show_records(self, records: list, empty_text: str, then) -> None:
        if self.session is None:
            return
        self._then = None
        selected = self.selected_uuid()
        self.empty.setText(empty_text)
        self.model.set_records(records)
        self.stack.setCurrentWidget(self.table if records else self.empty)
        if then is not None:
            then()
        elif selected is not None:  # a record edited or added elsewhere keeps the one being looked at
            row = self.model.row_of(selected)
            if row >= 0:
                self.table.setCurrentIndex(self.model.index(row, 0))
                self.table.selectRow(row)

    def select_record(self, uuid: str) -> bool:
        """Select a record; if the filters hide it, clear them and select it once the timeline is
        read again (True: shown or on its way)."""
        if self._select_row(uuid):
            return True
        if self.session is None:
            return False
        for widget in (self.person_filter, self.channel_filter, self.dates):
            widget.blockSignals(True)
        self.person_filter.select_uuid(None)
        self.channel_filter.setCurrentIndex(0)
        self.dates.setChecked(False)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        for widget in (self.person_filter, self.channel_filter, self.dates):
            widget.blockSignals(False)
        self.reload(then=lambda: self._select_row(uuid))
        return self._select_row(uuid) or self.loading

    def _select_row(self, uuid: str) -> bool:
        row = self.model.row_of(uuid)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def selected_uuid(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.data(index, UUID_ROLE) if index.isValid() else None

    def _update_buttons(self) -> None:
        record = self.model.record_at(self.table.currentIndex().row())
        self.edit_button.setEnabled(record is not None)
        self.done_button.setEnabled(record is not None and record.follow_up_state == "open")
        self.delete_button.setEnabled(record is not None)

    # --- writes -----------------------------------------------------------------------
    def _added(self, record) -> None:
        self.reload(then=lambda: self.select_record(record.uuid))
        self.log_changed.emit()

    def edit_selected(self) -> ContactLogEditDialog | None:
        """Open the selected record for editing (time, channel, direction, summary, follow-up)."""
        record = self.model.record_at(self.table.currentIndex().row())
        if self.session is None or record is None:
            return None
        if self.edit_dialog is not None:
            self.edit_dialog.reject()
        dialog = ContactLogEditDialog(record, self)
        dialog.accepted.connect(lambda: self._save_edit(dialog))
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        self.edit_dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: ContactLogEditDialog) -> None:
        """Forget a closed dialog before Qt deletes it: lock must never reach a deleted one."""
        if self.edit_dialog is dialog:
            self.edit_dialog = None
        dialog.deleteLater()

    def _save_edit(self, dialog: ContactLogEditDialog) -> None:
        if self.edit_dialog is dialog:
            self.edit_dialog = None
        changes = dialog.changes()
        if self.session is None or not changes:
            return
        ops.update_log_record(self, self.session, dialog.record.uuid, changes) \
            .success(self._edited).failure(self._failed).run()

    def _edited(self, result) -> None:
        before, after = result
        self._undo_record = before
        self.undo_label.setText(self.tr("Contact of {when} changed.").format(when=display_when(after.at)))
        self.undo_bar.setVisible(True)
        self._undo_timer.start()
        self.reload(then=lambda: self.select_record(after.uuid))
        self.log_changed.emit()

    def undo_edit(self) -> None:
        before = self._undo_record
        self._forget_undo()
        if self.session is None or before is None:
            return
        ops.restore_log_record(self, self.session, before).success(self._restored).failure(self._failed).run()

    def _restored(self, record) -> None:
        self.reload(then=lambda: self.select_record(record.uuid))
        self.log_changed.emit()

    def _forget_undo(self) -> None:
        self._undo_record = None
        self._undo_timer.stop()
        self.undo_bar.setVisible(False)
        self.undo_label.clear()

    def mark_selected_done(self) -> None:
        uuid = self.selected_uuid()
        if self.session is None or uuid is None:
            return
        ops.mark_done(self, self.session, uuid).success(self._changed).failure(self._failed).run()

    def delete_selected(self) -> None:
        uuid = self.selected_uuid()
        if self.session is None or uuid is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete contact"),
                                      self.tr("Delete this contact-log record for good?"),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            ops.delete_log_record(self, self.session, uuid).success(self._changed).failure(self._failed).run()

    def _changed(self, _record) -> None:
        self.reload()
        self.log_changed.emit()

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Contact log"), user_message(exc))
