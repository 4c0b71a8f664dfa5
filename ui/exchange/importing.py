"""Importing bundles from files, folders or drops: progress per bundle, trust question, results.

Unknown senders are asked about in TWO PASSES, never from inside the import transaction:
pass one imports every file with a trust callback that only *records* the unknown sender
and answers no (that bundle is rolled back and reported "unknown sender"); the GUI then
asks about each new fingerprint once; pass two re-imports only the bundles whose sender
was accepted, trusting exactly those fingerprints. The writer thread never waits for a
person, and a lock in between simply cancels pass two.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QMessageBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
    QWidget,
)

from journal.errors import Cancelled
from journal.exchange.importer import BUNDLE_SUFFIX, ImportResult, Importer, NewSender

from ui.exchange.common import fingerprint_groups
from ui.common.file_dialogs import choose_files, choose_folder
from ui.common.host import FeatureHost
from ui.exchange import ops


@dataclass
class ImportRun:
    """Results of one import (in file order) and the senders asked about."""

    results: list[ImportResult] = field(default_factory=list)
    unknown: dict[str, NewSender] = field(default_factory=dict)  # path -> sender that was not trusted yet
    cancelled: bool = False


def ask_trust(parent: QWidget | None, sender: NewSender) -> bool:
    """Ask whether to accept bundles from a sender never seen before (tests replace this)."""
    text = QCoreApplication.translate(
        "Bundles", "A bundle comes from “{name}”, a sender this journal does not know yet.\n\n"
        "Fingerprint:\n{fp}\n\nCompare it with the documenter by phone or in person before you trust it. "
        "Trust this sender?").format(name=sender.display_name, fp=fingerprint_groups(sender.fingerprint))
    icon = QMessageBox.Icon.Question
    if sender.same_name_other_keys:
        icon = QMessageBox.Icon.Warning
        text = QCoreApplication.translate(
            "Bundles", "WARNING: a sender called “{name}” is already known with a DIFFERENT key. This bundle may "
            "come from someone else.\n\n").format(name=sender.display_name) + text
    box = QMessageBox(icon, QCoreApplication.translate("Bundles", "Trust this sender?"), text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the name is the sender's: never rendered as HTML
    return box.exec() == QMessageBox.StandardButton.Yes


def bundle_paths(paths: list[str]) -> list[Path]:
    """Dropped or chosen items that are bundles: *.ijbundle files, and folders holding some."""
    found: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            found.extend(Importer.bundle_files([path]))
        elif path.suffix == BUNDLE_SUFFIX:
            found.append(path)
    return found


def _trust_decision(run: ImportRun, trusted: set[str] | None, path: Path) -> Callable[[NewSender], bool]:
    """The importer's trust callback for one file (see import_pass)."""

    def decide(sender: NewSender) -> bool:
        if trusted is None:
            run.unknown[str(path)] = sender
            return False
        return sender.fingerprint in trusted

    return decide


def import_pass(journal, files: list[Path], run: ImportRun, trusted: set[str] | None, ctx, cancelled) -> ImportRun:
    """Import `files` (on the writer). trusted None: record unknown senders and refuse them."""
    for done, path in enumerate(files):
        ctx.progress(done, len(files))
        if cancelled():
            run.cancelled = True
            break

        try:
            result = journal.importer.import_bundle(path, trust_new=_trust_decision(run, trusted, path),
                                                    cancel=cancelled)
        except Cancelled:
            run.cancelled = True
            break
        run.results.append(result)
    ctx.progress(len(files), len(files))
    return run


class ImportController(QObject):
    """Runs an import for the window: files -> pass one -> questions -> pass two -> result dialog."""

    def __init__(self, host: FeatureHost, on_imported: Callable[[], None]) -> None:
        super().__init__(host.parent_widget())
        self.host = host
        self.window = host.parent_widget()  # the parent of its dialogs
        self.on_imported = on_imported
        self.op = None
        self.last_run: ImportRun | None = None
        self.dialog: ImportResultDialog | None = None

    def choose_and_import(self, folder: bool = False) -> None:
        if folder:
            chosen = choose_folder(self.window, self.tr("Import a folder of bundles"))
            paths = [chosen] if chosen else []
        else:
            paths = choose_files(self.window, self.tr("Import bundles"), "",
                                 [self.tr("Bundles (*.ijbundle);;All files (*)")])
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: list[str]) -> None:
        session = self.host.session
        if session is None or (self.op is not None and not self.op.done):
            return
        files = Importer.bundle_files(paths)
        if not files:
            QMessageBox.information(self.window, self.tr("Import bundles"),
                                    self.tr("No bundle files (*.ijbundle) there."))
            return
        run = ImportRun()
        self.op = ops.import_bundles(self.window, session, lambda j, ctx, c: import_pass(j, files, run, None, ctx, c),
                                     self._first_pass_done, self._failed, label=self.tr("Importing bundles…"))

    def _first_pass_done(self, run: ImportRun) -> None:
        asked: dict[str, bool] = {}
        for sender in run.unknown.values():
            if self.host.session is None:
                return  # locked meanwhile: ask nothing more, show nothing
            if sender.fingerprint not in asked:
                asked[sender.fingerprint] = ask_trust(self.window, sender)
        session = self.host.session  # read after the questions: a lock may have come in between
        trusted = {fp for fp, yes in asked.items() if yes}
        again = [Path(p) for p, s in run.unknown.items() if s.fingerprint in trusted]
        if not again or session is None or run.cancelled:
            self._finish(run)
            return
        second = ImportRun()

        def merge(done: ImportRun) -> None:
            by_path = {r.path: r for r in done.results}
            run.results = [by_path.get(r.path, r) for r in run.results]
            run.cancelled = run.cancelled or done.cancelled
            self._finish(run)

        self.op = ops.import_bundles(self.window, session,
                                     lambda j, ctx, c: import_pass(j, again, second, trusted, ctx, c),
                                     merge, self._failed, label=self.tr("Importing bundles…"))

    def _finish(self, run: ImportRun) -> None:
        if self.host.session is None:
            return  # locked meanwhile: the result names senders, so it is not shown
        self.last_run = run
        if any(r.status == "accepted" for r in run.results):
            self.on_imported()
            ops.fill_previews(self.window, self.host.session)  # received photos' previews, after the commit
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = ImportResultDialog(run, self.window)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(lambda *_: setattr(self, "dialog", None))
        self.dialog.open()

    def _failed(self, exc: BaseException) -> None:
        from ui.common.ops import user_message

        if not isinstance(exc, Cancelled):
            QMessageBox.warning(self.window, self.tr("Import bundles"), user_message(exc))

    def forget(self) -> None:
        """Lock: close the result dialog (it names senders)."""
        self.last_run = None
        if self.dialog is not None:
            self.dialog.close()
            self.dialog = None


class ImportResultDialog(QDialog):
    """Accepted, already imported and rejected bundles, with reasons."""

    def __init__(self, run: ImportRun, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import results"))
        layout = QVBoxLayout(self)
        counts = {s: sum(1 for r in run.results if r.status == s) for s in ("accepted", "duplicate", "rejected")}
        summary = self.tr("{a} accepted, {d} already imported, {r} rejected.").format(
            a=counts["accepted"], d=counts["duplicate"], r=counts["rejected"])
        if run.cancelled:
            summary += " " + self.tr("Cancelled: the remaining bundles were not imported.")
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Bundle"), self.tr("Result"), self.tr("Sender"), self.tr("Details")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName(self.tr("Import results"))
        style = self.style()
        icons = {"accepted": style.standardIcon(style.StandardPixmap.SP_DialogApplyButton),
                 "duplicate": style.standardIcon(style.StandardPixmap.SP_MessageBoxInformation),
                 "rejected": style.standardIcon(style.StandardPixmap.SP_MessageBoxCritical)}
        for r in run.results:
            item = QTreeWidgetItem([Path(r.path).name, self.status_text(r), r.sender.display_name if r.sender else "",
                                    self.details(r)])
            item.setIcon(1, icons[r.status])
            item.setToolTip(3, self.details(r))
            self.tree.addTopLevelItem(item)
        for column, width in ((0, 200), (1, 140), (2, 150)):
            self.tree.setColumnWidth(column, width)
        layout.addWidget(self.tree, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 360)

    def status_text(self, r: ImportResult) -> str:
        return {"accepted": self.tr("Accepted"), "duplicate": self.tr("Already imported"),
                "rejected": self.tr("Rejected")}[r.status]

    def details(self, r: ImportResult) -> str:
        if r.status == "rejected":
            return r.reason
        if r.status == "duplicate":
            return self.tr("This bundle was imported before; nothing changed.")
        c = r.counts
        parts = [self.tr("%n new entries", "", c.get("entries_new", 0)),
                 self.tr("%n updated", "entries", c.get("entries_updated", 0)),
                 self.tr("%n files", "", c.get("attachments_linked", 0))]
        return ", ".join(parts) + "".join(f"; {w}" for w in r.warnings)


class BundleDropFilter(QObject):
    """Bundle files and folders dropped anywhere on the window go to import.

    Installed after the attachments' drop filter on the same widgets, so it sees drops
    first (Qt calls the newest filter first); anything that is not a bundle is left to the
    attachments feature.
    """

    def __init__(self, controller: ImportController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller

    @staticmethod
    def dropped_bundles(mime) -> list[str]:
        if mime is None or not mime.hasUrls():
            return []
        paths = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        return [p for p in paths if bundle_paths([p])] if paths and all(bundle_paths([p]) for p in paths) else []

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            paths = self.dropped_bundles(event.mimeData())
            if not paths or self.controller.host.session is None:
                return False
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            if kind == QEvent.Type.Drop:
                self.controller.import_paths(paths)
            return True
        return False
