"""The export wizard: for whom, what, what to leave out, where; then progress and a summary.

The bundle is written on the session's writer thread (ops.write_bundle: progress dialog with
Cancel). The core writes atomically, so a cancel or an error leaves no file. The default
file name is random: it says nothing about the journal or its entries.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDir, Qt, QUrl, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent, QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QDialog, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QMessageBox, QPushButton, QRadioButton, QSpinBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
    QWidget, QWizard, QWizardPage,
)

from journal.errors import Cancelled, JournalError
from journal.exchange.exporter import ExportOptions, ExportResult
from journal.media.strip import can_clean

from ui.exchange.common import attachment_totals, human_size, random_bundle_name, reader_stores, verified_icon
from ui.common.a11y import announce
from ui.common.file_dialogs import choose_save_path
from ui.common.i18n import format_date, format_datetime
from ui.common.ops import user_message
from ui.exchange import coordinators as coordinators_ui
from ui.exchange import ops
from ui.exchange.transport import ops as transport_ops

COORDINATOR_ROLE = Qt.ItemDataRole.UserRole + 1
SELECTED, SINCE_LAST, ALL = "selected", "since_last", "all"


def _explain(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setIndent(24)
    font = label.font()  # secondary text: smaller, but full contrast (not greyed out)
    font.setPointSizeF(font.pointSizeF() * 0.92)
    label.setFont(font)
    return label


def _local_when(value: str | None) -> str:
    """An entry's time as written at the place, in the interface language's format."""
    if not value:
        return ""
    try:
        return format_date(dt.date.fromisoformat(value)) if len(value) == 10 \
            else format_datetime(dt.datetime.fromisoformat(value))
    except ValueError:
        return value


class RecipientsPage(QWizardPage):
    def __init__(self, wizard: "ExportWizard") -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("For whom"))
        self.setSubTitle(self.tr("The bundle can be opened only by the coordinators you tick."))
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Coordinators to send to"))
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add coordinator…"))
        self.add_button.setToolTip(self.tr("Paste a coordinator's card or open their .ijcard file"))
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        layout.addWidget(self.warning)
        self.list.itemChanged.connect(lambda *_: self._changed())
        self.add_button.clicked.connect(self.add_coordinator)

    def add_coordinator(self) -> None:
        """The Coordinators page's steps, here: paste or open the card, add, compare the fingerprint."""
        dialog = coordinators_ui.AddCoordinatorDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.card is None:
            return
        self.add_card(dialog.card)

    def add_card(self, card) -> None:
        session = self.wiz.session
        if session is None:
            return

        def added(coordinator) -> None:
            if self.wiz.session is None:
                return
            if coordinators_ui.confirm_fingerprint(self, coordinator.display_name, coordinator.fingerprint):
                ops.verify_coordinator(self, session, coordinator.uuid, True) \
                    .success(lambda _c: self.refill(coordinator.uuid)).failure(self._failed).run()
            else:
                self.refill(coordinator.uuid)

        ops.add_coordinator(self, session, card).success(added).failure(self._failed).run()

    def refill(self, tick_uuid: str | None = None) -> None:
        """Re-read the coordinators, keep the ticks, and tick `tick_uuid` (the one just added)."""
        ticked = {c.uuid for c in self.chosen()} | ({tick_uuid} if tick_uuid else set())
        stores = reader_stores(self.wiz.session)
        self.fill(stores.coordinators.list() if stores else [], ticked)
        self.wiz.coordinators_changed = True

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Add coordinator"), user_message(exc))

    def fill(self, coordinators, ticked: set[str] | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for c in coordinators:
            flag = "" if c.verified else self.tr("  (not verified: fingerprint not compared)")
            item = QListWidgetItem(verified_icon(self, c.verified), c.display_name + flag)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            tick = c.uuid in ticked if ticked is not None else len(coordinators) == 1
            item.setCheckState(Qt.CheckState.Checked if tick else Qt.CheckState.Unchecked)
            item.setData(COORDINATOR_ROLE, c)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if not coordinators:
            self.warning.setText(self.tr("No coordinators yet: add one with “Add coordinator…”. You need their "
                                         "card (a line starting with “ijcard1:” or an .ijcard file)."))
        else:
            self.warning.setText("")
        self._changed()

    def chosen(self) -> list:
        return [self.list.item(i).data(COORDINATOR_ROLE) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def _changed(self) -> None:
        chosen = self.chosen()
        unverified = [c.display_name for c in chosen if not c.verified]
        if unverified:
            self.warning.setText(self.tr("⚠ Not verified: {names}. Compare their fingerprint aloud before "
                                         "sending anything sensitive.").format(names=", ".join(unverified)))
        elif self.list.count():
            self.warning.setText("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.chosen())


class WhatPage(QWizardPage):
    def __init__(self, wizard: "ExportWizard") -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("What to send"))
        self.setSubTitle(self.tr("Entries go with the people linked to them and their photos and files."))
        layout = QVBoxLayout(self)
        # A named group: screen readers say "Entries to send" before each choice.
        self.choices = QGroupBox(self.tr("Entries to send"))
        self.choices.setAccessibleName(self.tr("Entries to send"))
        choice_layout = QVBoxLayout(self.choices)
        self.group = QButtonGroup(self)
        self.selected = QRadioButton(self.tr("The &selected entry"))
        self.since_last = QRadioButton(self.tr("&Everything new or changed since the last bundle to them"))
        self.all = QRadioButton(self.tr("&All my entries"))
        for key, button in ((SELECTED, self.selected), (SINCE_LAST, self.since_last), (ALL, self.all)):
            button.setProperty("choice", key)
            self.group.addButton(button)
            choice_layout.addWidget(button)
        layout.addWidget(self.choices)
        self.drafts = QCheckBox(self.tr("Include &drafts"))
        self.drafts.setToolTip(self.tr("Entries still marked as drafts stay on this computer unless you tick this"))
        layout.addWidget(self.drafts)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        layout.addWidget(self.counts)
        self.leaving_label = QLabel(self.tr("What will &leave this computer:"))
        self.leaving = QTreeWidget()
        self.leaving.setColumnCount(2)
        self.leaving.setHeaderLabels([self.tr("Entry or file"), self.tr("What is sent")])
        self.leaving.setAccessibleName(self.tr("Entries and files that will leave this computer"))
        self.leaving.setRootIsDecorated(True)
        self.leaving.setUniformRowHeights(True)
        self.leaving.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.leaving.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.leaving.header().setStretchLastSection(False)
        self.leaving_label.setBuddy(self.leaving)
        layout.addWidget(self.leaving_label)
        layout.addWidget(self.leaving, 1)
        self.group.buttonToggled.connect(lambda *_: self.update_counts())
        self.drafts.toggled.connect(lambda *_: self.update_counts())

    def initializePage(self) -> None:
        self.selected.setEnabled(bool(self.wiz.selected_uuids))
        if self.group.checkedButton() is None or not self.group.checkedButton().isEnabled():
            (self.selected if self.wiz.selected_uuids else self.since_last).setChecked(True)
        self.update_counts()

    def choice(self) -> str:
        button = self.group.checkedButton()
        return button.property("choice") if button is not None else SINCE_LAST

    def include_drafts(self) -> bool:
        """Drafts go only if ticked (a named, selected entry always goes)."""
        return self.drafts.isChecked() or self.choice() == SELECTED

    def update_counts(self) -> None:
        self.wiz.update_selection()
        n, files, size = self.wiz.selection_counts
        text = self.tr("{entries}, {files} ({size}).").format(
            entries=self.tr("%n entries", "", n), files=self.tr("%n photos and files", "", files),
            size=human_size(size)) if n else self.tr("Nothing to send with this choice.")
        if self.wiz.drafts_left_out:
            text += " " + self.tr("%n drafts stay on this computer.", "", self.wiz.drafts_left_out)
        self.counts.setText(text)
        self.drafts.setEnabled(self.choice() != SELECTED)
        self.fill_leaving()
        self.completeChanged.emit()

    def fill_leaving(self) -> None:
        """One row per entry (title, date, draft or final), its files below with what happens to each."""
        self.leaving.clear()
        stores = reader_stores(self.wiz.session)
        if stores is None:
            return
        options = self.wiz.leave_out.options()
        for entry in self.wiz.selected_entries:
            status = self.tr("draft") if entry.status == "draft" else self.tr("final")
            when = _local_when(entry.occurred_at) or self.tr("no date")
            item = QTreeWidgetItem([entry.title or self.tr("(untitled)"), f"{when} · {status}"])
            item.setToolTip(0, entry.title or "")
            files = stores.attachments.list_for_entry(entry.uuid) if options.include_attachments else []
            for att in files:
                child = QTreeWidgetItem([f"{att.file_name} ({human_size(att.size)})", self.file_fate(att, options)])
                child.setToolTip(1, child.text(1))
                item.addChild(child)
            self.leaving.addTopLevelItem(item)
            item.setExpanded(True)

    def file_fate(self, att, options: ExportOptions) -> str:
        """What the bundle does with one file, in the words the person needs."""
        if options.max_attachment_bytes is not None and att.size > options.max_attachment_bytes:
            return self.tr("left out: too large")
        if not options.strip_metadata:
            return self.tr("sent as it is, hidden data kept")
        if can_clean(att.media_type):
            return self.tr("cleaned: hidden data removed")
        if options.allow_uncleaned:
            return self.tr("NOT cleaned: sent as it is")
        return self.tr("cannot be cleaned: stops the bundle")

    def isComplete(self) -> bool:
        return self.wiz.selection_counts[0] > 0


class LeaveOutPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("What to leave out"))
        self.setSubTitle(self.tr("Send only what the coordinator needs."))
        layout = QVBoxLayout(self)
        self.strip = QCheckBox(self.tr("&Remove hidden data from photos"))
        self.strip.setChecked(True)
        layout.addWidget(self.strip)
        layout.addWidget(_explain(self.tr("Photos can carry the GPS position, the phone's model and the time "
                                          "they were taken. Keep this on unless the coordinator needs them "
                                          "as evidence.")))
        self.allow_uncleaned = QCheckBox(self.tr("Also send files &that cannot be cleaned"))
        layout.addWidget(self.allow_uncleaned)
        layout.addWidget(_explain(self.tr("Videos, recordings, PDFs and Office documents are cleaned too. A file "
                                          "of an unknown type or a damaged one cannot be: it may carry names, "
                                          "places or device details. Without this, such a file stops the "
                                          "bundle and is named.")))
        self.strip.toggled.connect(self.allow_uncleaned.setEnabled)
        self.omit_contacts = QCheckBox(self.tr("Leave out &phone numbers and messenger handles"))
        layout.addWidget(self.omit_contacts)
        layout.addWidget(_explain(self.tr("People are sent with names and roles only. Use this if the bundle "
                                          "might be intercepted.")))
        self.no_attachments = QCheckBox(self.tr("No photos or &files at all"))
        layout.addWidget(self.no_attachments)
        layout.addWidget(_explain(self.tr("Only the text of the entries: a much smaller bundle.")))
        row = QHBoxLayout()
        self.limit_on = QCheckBox(self.tr("Skip files &larger than"))
        self.limit = QSpinBox()
        self.limit.setRange(1, 100_000)
        self.limit.setValue(25)
        self.limit.setSuffix(self.tr(" MB", "megabytes, after a number"))
        self.limit.setAccessibleName(self.tr("Largest file to send, in megabytes"))
        self.limit.setEnabled(False)
        row.addWidget(self.limit_on)
        row.addWidget(self.limit)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(_explain(self.tr("Large videos can be sent later, on their own.")))
        self.contact_log = QCheckBox(self.tr("Include the &contact log"))
        self.contact_log.setChecked(True)
        layout.addWidget(self.contact_log)
        layout.addWidget(_explain(self.tr("Your notes of calls and meetings with the people in these entries.")))
        layout.addStretch(1)
        self.limit_on.toggled.connect(self.limit.setEnabled)
        self.no_attachments.toggled.connect(self._attachments_toggled)

    def _attachments_toggled(self, none: bool) -> None:
        for w in (self.strip, self.limit_on):
            w.setEnabled(not none)
        self.allow_uncleaned.setEnabled(not none and self.strip.isChecked())
        self.limit.setEnabled(not none and self.limit_on.isChecked())

    def options(self) -> ExportOptions:
        limit = self.limit.value() * 1024 * 1024 if self.limit_on.isChecked() else None
        return ExportOptions(strip_metadata=self.strip.isChecked(),
                             allow_uncleaned=self.allow_uncleaned.isChecked(),
                             include_attachments=not self.no_attachments.isChecked(),
                             max_attachment_bytes=limit, omit_contact_details=self.omit_contacts.isChecked(),
                             include_contact_log=self.contact_log.isChecked())


class SavePage(QWizardPage):
    """Last choice: save the bundle to a file (default) or send it to the coordinators' drop folders."""

    def __init__(self, wizard: "ExportWizard") -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Where to"))
        self.setSubTitle(self.tr("The bundle is encrypted for the chosen coordinators."))
        layout = QVBoxLayout(self)
        self.mode = QButtonGroup(self)
        self.to_file = QRadioButton(self.tr("Save to a &file"))
        self.to_file.setChecked(True)
        layout.addWidget(self.to_file)
        row = QHBoxLayout()
        row.setContentsMargins(24, 0, 0, 0)
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("Bundle file"))
        self.browse = QPushButton(self.tr("B&rowse…"))
        self.browse.setToolTip(self.tr("Choose the folder and file name"))
        self.browse.setAccessibleName(self.tr("Browse for the bundle file"))
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        layout.addLayout(row)
        layout.addWidget(_explain(self.tr("Copy it to them any way you like. The file name is random on "
                                          "purpose: it says nothing about you or the entries.")))
        layout.addSpacing(8)
        self.to_drop = QRadioButton(self.tr("Send to their &drop folder"))
        layout.addWidget(self.to_drop)
        layout.addWidget(_explain(self.tr("Uploaded now through the outbox. If sending fails, the bundle "
                                          "stays in the outbox with the reason, to send again later.")))
        drop_row = QHBoxLayout()
        drop_row.setContentsMargins(24, 0, 0, 0)
        self.drop_note = QLabel()
        self.drop_note.setWordWrap(True)
        self.set_up_drop = QPushButton(self.tr("Set &up drop folder…"))
        self.set_up_drop.setToolTip(self.tr("Enter the drop folder a coordinator gave you"))
        self.set_up_drop.setAccessibleName(self.tr("Set up drop folder"))
        drop_row.addWidget(self.drop_note, 1)
        drop_row.addWidget(self.set_up_drop)
        layout.addLayout(drop_row)
        layout.addStretch(1)
        for button in (self.to_file, self.to_drop):
            self.mode.addButton(button)
        self.mode.buttonToggled.connect(lambda *_: self._mode_changed())
        self.browse.clicked.connect(self._browse)
        self.set_up_drop.clicked.connect(self._set_up_drop)
        self.path.textChanged.connect(lambda *_: self.completeChanged.emit())
        self.setCommitPage(True)

    def initializePage(self) -> None:
        if not self.path.text():
            self.path.setText(str(Path(QDir.homePath()) / random_bundle_name()))
        self.update_drops()

    def missing_drops(self) -> list:
        """The chosen coordinators that have no drop folder yet."""
        reader = getattr(self.wiz.session, "reader", None) if self.wiz.session is not None else None
        if reader is None:
            return list(self.wiz.recipients.chosen())
        return [c for c in self.wiz.recipients.chosen() if reader.outbox.drop(c.uuid) is None]

    def update_drops(self) -> None:
        missing = self.missing_drops()
        self.to_drop.setEnabled(not missing)
        if missing:
            if self.to_drop.isChecked():
                self.to_file.setChecked(True)
            self.drop_note.setText(self.tr("No drop folder yet for: {names}.").format(
                names=", ".join(c.display_name for c in missing)))
        else:
            self.drop_note.setText("")
        self.set_up_drop.setVisible(bool(missing))
        self._mode_changed()

    def sending(self) -> bool:
        return self.to_drop.isChecked() and self.to_drop.isEnabled()

    def _mode_changed(self) -> None:
        to_file = not self.sending()
        self.path.setEnabled(to_file)
        self.browse.setEnabled(to_file)
        text = self.tr("&Write bundle") if to_file else self.tr("&Send bundle")
        self.setButtonText(QWizard.WizardButton.CommitButton, text)
        self.completeChanged.emit()

    def _set_up_drop(self) -> None:
        from ui.exchange.transport.drop_dialog import DropFolderDialog

        missing = self.missing_drops()
        if missing and self.wiz.session is not None:
            # exec() returns after the dialog's save has landed (it accepts from the write's on_done).
            DropFolderDialog(missing[0], self.wiz.session, self).exec()
            self.update_drops()
            if not self.missing_drops():
                self.to_drop.setChecked(True)

    def _browse(self) -> None:
        path = choose_save_path(self, self.tr("Save bundle"), self.path.text(), self.tr("Bundles (*.ijbundle)"))
        if path:
            self.path.setText(path if path.endswith(".ijbundle") else path + ".ijbundle")

    def isComplete(self) -> bool:
        return self.sending() or bool(self.path.text().strip())

    def validatePage(self) -> bool:
        # The wizard moves on only once the bundle is written (and sent): export_finished calls next().
        if self.wiz.result_ is not None:
            return True
        self.wiz.start_export()
        return False


class SummaryPage(QWizardPage):
    def __init__(self, wizard: "ExportWizard") -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Bundle written"))
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.show_folder = QPushButton(self.tr("Show in &folder"))
        self.show_folder.setToolTip(self.tr("Open the folder that holds the bundle"))
        layout.addWidget(self.show_folder, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.show_folder.clicked.connect(self.open_folder)

    def initializePage(self) -> None:
        r: ExportResult = self.wiz.result_
        outcomes = self.wiz.send_outcomes
        if outcomes is None:
            self.setTitle(self.tr("Bundle written"))
            lines = [self.tr("Written to {path}").format(path=str(r.path))]
        else:
            failed = [o for o in outcomes if not o.ok]
            self.setTitle(self.tr("Bundle sent") if not failed else self.tr("Bundle not sent"))
            lines = [self.tr("Sent to {name}'s drop folder.").format(name=o.item.coordinator_name)
                     for o in outcomes if o.ok]
            lines += [self.tr("Not sent to {name}: {reason}").format(name=o.item.coordinator_name, reason=o.error)
                      for o in failed]
            if failed or not outcomes:
                lines.append(self.tr("The bundle stays in the outbox: send it again from the Outbox page."))
        lines += [self.tr("For: {names}").format(names=", ".join(r.recipients)),
                  self.tr("{entries}, {people}, {notes}, {files}; {size}.").format(
                      entries=self.tr("%n entries", "", r.entry_count), people=self.tr("%n people", "", r.person_count),
                      notes=self.tr("%n contact-log notes", "", r.log_count),
                      files=self.tr("%n photos and files", "", r.attachment_count), size=human_size(r.file_size))]
        lines += [self.tr("Note: {w}").format(w=w) for w in r.warnings]
        self.summary.setText("\n".join(lines))
        announce(self.summary, ". ".join([self.title(), *lines]))  # the export's result, spoken
        self.show_folder.setVisible(outcomes is None)

    def folder_url(self) -> QUrl:
        return QUrl.fromLocalFile(str(Path(self.wiz.result_.path).parent))

    def open_folder(self) -> None:
        # The folder only: no file is handed to another program.
        if not QDesktopServices.openUrl(self.folder_url()):
            # No file manager (a minimal desktop, Tails without Files running…): say where it is.
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Show in folder"), self.tr(
                "No file manager could be opened on this computer. The bundle was saved in:\n{folder}").format(
                    folder=self.folder_url().toLocalFile()), QMessageBox.StandardButton.Ok, self)
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.exec()


class ExportWizard(QWizard):
    """Send entries to coordinators as one encrypted bundle."""

    outbox_changed = Signal()  # bundles were queued, sent or failed: the Outbox page re-reads

    def __init__(self, session, selected_uuids: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.selected_uuids = list(selected_uuids)
        self.selection_counts = (0, 0, 0)
        self.selected_entries: list = []  # what the current choice sends (Exporter.select)
        self.drafts_left_out = 0
        self.coordinators_changed = False  # one was added here: the Coordinators page re-reads
        self.result_: ExportResult | None = None
        self.send_outcomes: list | None = None  # None: saved to a file; else one SendOutcome per coordinator
        self.op = None
        self.setWindowTitle(self.tr("Send to a coordinator"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.recipients = RecipientsPage(self)
        self.what = WhatPage(self)
        self.leave_out = LeaveOutPage()
        self.save_page = SavePage(self)
        self.summary = SummaryPage(self)
        for page in (self.recipients, self.what, self.leave_out, self.save_page, self.summary):
            self.addPage(page)
        stores = reader_stores(session)
        self.recipients.fill(stores.coordinators.list() if stores else [])
        self.leave_out.no_attachments.toggled.connect(lambda *_: self.what.update_counts())
        for box in (self.leave_out.strip, self.leave_out.allow_uncleaned, self.leave_out.limit_on):
            box.toggled.connect(lambda *_: self.what.fill_leaving())
        self.leave_out.limit.valueChanged.connect(lambda *_: self.what.fill_leaving())
        self.currentIdChanged.connect(self._announce_page)
        self.resize(720, 560)

    def _announce_page(self, page_id: int) -> None:
        """Name each page by its title (and describe it by its subtitle) and tell assistive
        technology that a new page is showing, so a screen reader says "What to send" etc."""
        page = self.page(page_id)
        if page is None:
            return
        page.setAccessibleName(page.title())
        page.setAccessibleDescription(page.subTitle())
        QAccessible.updateAccessibility(QAccessibleEvent(page, QAccessible.Event.NameChanged))
        QAccessible.updateAccessibility(QAccessibleEvent(page, QAccessible.Event.Alert))
        if page_id != self.startId():  # the first page is read with the window's title
            # Orca 43 said nothing of the new page (only the focused control): say its title.
            announce(page, ". ".join(text for text in (page.title(), page.subTitle()) if text))

    def update_selection(self) -> None:
        """Counts and sizes for the current choice (Exporter.select over the read-only connection)."""
        stores = reader_stores(self.session)
        coordinators = self.recipients.chosen()
        if stores is None or not coordinators:
            self.selection_counts, self.selected_entries, self.drafts_left_out = (0, 0, 0), [], 0
            return
        choice = self.what.choice()
        include = not self.leave_out.no_attachments.isChecked()
        try:
            entries = stores.exporter.select(
                coordinators, entries=self.selected_uuids if choice == SELECTED else None,
                since_last=choice == SINCE_LAST, all_entries=choice == ALL, include_attachments=include)
        except JournalError:
            entries = []
        keep_drafts = self.what.include_drafts()
        drafts = 0 if keep_drafts else sum(1 for e in entries if e.status == "draft")
        entries = [e for e in entries if keep_drafts or e.status != "draft"]
        files, size = attachment_totals(self.session.reader.db, [e.id for e in entries]) if include else (0, 0)
        self.selection_counts = (len(entries), files, size)
        self.selected_entries, self.drafts_left_out = entries, drafts

    def start_export(self) -> None:
        if self.op is not None and not self.op.done:
            return
        out_path = self.save_page.path.text().strip()
        refs = [c.uuid for c in self.recipients.chosen()]
        choice = self.what.choice()
        entries = list(self.selected_uuids) if choice == SELECTED else None
        options = dataclasses.replace(self.leave_out.options(), include_drafts=self.what.include_drafts())
        sending = self.save_page.sending()

        done = self.export_queued if sending else self.export_finished
        self.op = ops.write_bundle(self, self.session, out_path, refs, entries=entries,
                                   since_last=choice == SINCE_LAST, all_entries=choice == ALL, options=options,
                                   to_outbox=sending, on_done=done, on_error=self.export_failed,
                                   label=self.tr("Writing the bundle…"))

    def export_queued(self, result_items) -> None:
        """The bundle is in the outbox: send it now (the Outbox page's path: progress, Cancel)."""
        if self.session is None:
            return
        result, items = result_items
        self.result_ = result
        session = self.session
        ids = [item.id for item in items]
        self.op = transport_ops.send(self, session, ids, self.send_finished, self.send_failed,
                                     label=self.tr("Sending the bundle…"))

    def send_finished(self, outcomes: list) -> None:
        if self.session is None:
            return
        self.send_outcomes = list(outcomes)
        self._outbox_changed()
        self.next()

    def send_failed(self, exc: BaseException) -> None:
        # Cancelled or a database problem: the bundle stays queued in the outbox with the reason.
        if self.session is None:
            return
        self._outbox_changed()
        reason = self.tr("Sending was cancelled.") if isinstance(exc, Cancelled) else user_message(exc)
        self.send_outcomes = self._queued_outcomes(reason)
        self.next()

    def _queued_outcomes(self, reason: str) -> list:
        from journal.exchange.outbox import SendOutcome

        bundle_id = self.result_.bundle_id if self.result_ is not None else None
        items = [i for i in self.session.reader.outbox.queued() if i.bundle_id == bundle_id]
        return [SendOutcome(i, error=i.last_error or reason) for i in items]

    def _outbox_changed(self) -> None:
        self.outbox_changed.emit()  # the Outbox page (another feature's) hears it through the host

    def forget(self) -> None:
        """Lock: cancel a running export; later callbacks find no session and do nothing."""
        if self.op is not None and not self.op.done:
            self.op.cancel()
        self.session = None
        self.recipients.list.clear()

    def export_finished(self, result: ExportResult) -> None:
        if self.session is None:
            return
        self.result_ = result
        self.next()

    def export_failed(self, exc: BaseException) -> None:
        if self.session is None:
            return
        if isinstance(exc, Cancelled):
            message = self.tr("Cancelled. No bundle was written.")
        else:
            message = user_message(exc)
        QMessageBox.warning(self, self.tr("Send to a coordinator"), message)
