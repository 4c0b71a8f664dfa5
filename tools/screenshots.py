"""Screenshots of the wizard, unlock window and main window for docs/screenshots/.

Creates a throwaway journal (encrypted, in a temporary folder that is erased
afterwards) with sample entries in Russian and English, drives the real
widgets and saves QWidget.grab() images. Run offscreen or under Xvfb:

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py
    xvfb-run -s "-screen 0 1920x1200x24" python tools/screenshots.py --scale 2 --out /tmp/shots

With --tour every page and dialog is grabbed as tour-*.png, and those the documentation shows
are also saved under their names there (people.png, export-wizard-what.png, …; see DOC_NAMES).
Every image README.md and docs/ show comes from this script: the tour also imports a sample
bundle from a second throwaway journal (received.png), fills in a Detention form (forms.png),
fills a decoy journal (safety-decoy-editor.png) and shows the unlock window's one-time update
(unlock-update.png).
The documentation's set: `--tour` and `--tour --lang ru` at the default size (1280×800); other
sizes (`--size 1366x768`) get a -1366x768 suffix, for a look.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# A cheap KDF for a throwaway sample journal only; the app's defaults are untouched.
SAMPLE_KDF_KIB = 16384
PASSPHRASE = "sample passphrase for screenshots"

SAMPLES = [
    dict(title="Задержания у метро «Пушкинская»",
         body="Около 19:40 сотрудники ОМОН задержали 14 человек у выхода из метро. Двоих несли на руках. "
              "Автозаки увезли в ОВД «Тверской». Родственникам не сообщили.\n\nСвидетели: двое, контакты в "
              "журнале звонков.",
         occurred_at="2024-03-01T19:40", occurred_tz="Europe/Moscow", place="Москва, Пушкинская площадь",
         latitude=55.7653, longitude=37.6056, category="detention", tags=["протест", "ОМОН"],
         status="final", source="witnessed"),
    dict(title="Повестка выдана отцу пятерых детей",
         body="Военкомат вручил повестку мужчине 52 лет, отцу пятерых детей. Семья просит юриста. "
              "Копия повестки и свидетельства о рождении детей есть.",
         occurred_at="2024-02-27", occurred_tz="Europe/Moscow", place="Казань",
         category="mobilization", tags=["мобилизация"], status="draft", source="reported"),
    dict(title="Court hearing: administrative case of a protester",
         body="Hearing postponed for the third time. The judge refused to admit video evidence. "
              "Lawyer will appeal; next hearing on 14 March.",
         occurred_at="2024-03-04T10:00", occurred_tz="Europe/Moscow", place="Tverskoy District Court, Moscow",
         category="court_hearing", tags=["appeal", "протест"], status="final", source="witnessed"),
    dict(title="Detentions after the flower-laying",
         body="Police detained 6 people who brought flowers to the memorial. One reports being hit in the van.",
         occurred_at="2024-02-16T21:15", occurred_tz="Europe/Moscow", place="St Petersburg, Solovetsky Stone",
         category="detention", tags=["memorial", "протест"], status="final", source="media"),
    dict(title="Звонок от матери задержанного",
         body="Мать сообщила, что сына не выпускают вторые сутки и не дают встретиться с адвокатом.",
         occurred_at="2024-03-02T09:05", occurred_tz="Europe/Moscow", place="Москва",
         category="detention", tags=["адвокат"], status="draft", source="reported"),
    dict(title="Conscientious objection: alternative service refused",
         body="The commission refused alternative civilian service without hearing the applicant.",
         occurred_at="2024-01-22", occurred_tz="Europe/Moscow", place="Yekaterinburg",
         category="conscientious_objection", tags=["alternative service"], status="final", source="reported"),
]


# Tour steps that the documentation shows, and the file names it uses for them.
DOC_NAMES = {
    "attachments": "attachments-editor", "people": "people", "contact_log": "contact-log", "statistics": "statistics",
    "coordinators": "coordinators", "senders": "senders", "outbox": "transport-outbox",
    "viewer": "attachments-viewer", "export-0": "export-wizard", "export-1": "export-wizard-what",
    "export-2": "export-wizard-leave-out", "export-3": "export-wizard-where", "my-card": "my-card",
    "card-name": "card-name", "contact-log-edit": "contact-log-edit", "settings": "settings",
    "safety": "safety-settings", "network": "transport-network-settings", "erase": "safety-erase",
    "report": "report-dialog", "forms-editor": "forms-editor", "import-result": "import-result",
    "wizard-name": "wizard-name", "evidence": "evidence-dialog", "evidence-verify": "evidence-verify",
    "duress": "safety-duress", "drop-folder": "transport-drop-folder", "received": "received",
    "forms": "forms", "decoy-editor": "safety-decoy-editor",
}


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--scale", type=float, default=1.0, help="QT_SCALE_FACTOR (2 for a 200%% check)")
    parser.add_argument("--dark", action="store_true", help="force a dark palette (to check contrast)")
    parser.add_argument("--lang", default="", help="interface language: en, ru or uk (files get a -ru/-uk suffix)")
    parser.add_argument("--tour", action="store_true",
                        help="also grab every page and dialog as tour-*.png, and the documented ones by name")
    parser.add_argument("--size", default="1280x800", help="main window size, WIDTHxHEIGHT (default 1280x800)")
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="ij-shots-"))
    os.environ["JOURNAL_CONFIG_HOME"] = str(work / "config")
    try:
        return _run(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run(args: argparse.Namespace, work: Path) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPalette, QColor
    from PySide6.QtWidgets import QApplication

    from journal.storage.keyslots import KdfParams
    from journal.storage.vault import Journal
    from ui.app import AppContext, AppController
    from ui.common.resources import app_icon
    from ui.common.settings import Settings
    from ui.wizard import FirstRunWizard

    app = QApplication.instance() or QApplication(["incident-journal"])
    app.setWindowIcon(app_icon())
    from ui.common.i18n import install_translations

    install_translations(app, args.lang or "en")  # as the app does: English has its plural forms too
    if args.dark:
        app.setStyle("Fusion")
        app.styleHints().setColorScheme(Qt.ColorScheme.Dark)
        palette = QPalette()
        for role, color in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.Base, "#1e1e1e"),
                            (QPalette.ColorRole.AlternateBase, "#262626"), (QPalette.ColorRole.Text, "#e6e6e6"),
                            (QPalette.ColorRole.WindowText, "#e6e6e6"), (QPalette.ColorRole.Button, "#353535"),
                            (QPalette.ColorRole.ButtonText, "#e6e6e6"), (QPalette.ColorRole.Highlight, "#3d6fa5"),
                            (QPalette.ColorRole.HighlightedText, "#ffffff")):
            palette.setColor(role, QColor(color))
        # As a real dark theme does: readable placeholders, and disabled items that look disabled.
        palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8c8c8c"))
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
            palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
        app.setPalette(palette)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.scale == 1.0 and not args.dark else \
        ("-dark" if args.dark else "") + (f"-{int(args.scale * 100)}" if args.scale != 1.0 else "")
    suffix += f"-{args.size}" if args.size != "1280x800" else ""
    suffix += f"-{args.lang}" if args.lang and args.lang != "en" else ""
    width, height = (int(v) for v in args.size.lower().split("x"))
    kdf = KdfParams(memory_kib=SAMPLE_KDF_KIB, iterations=1, lanes=1)

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def save(widget, name: str) -> None:
        settle()
        path = out / f"{name}{suffix}.png"
        widget.grab().save(str(path))
        print(path)

    # 1. Wizard, on the passphrase page with a half-typed passphrase.
    wizard = FirstRunWizard(work / "new-journal", kdf)
    wizard.resize(680, 520)
    wizard.show()
    wizard.next()
    wizard.passphrase_page.first.setText("summer2024")
    wizard.passphrase_page.second.setText("summer2024")
    save(wizard, "wizard")
    wizard.passphrase_page.clear()
    if args.tour:
        wizard.passphrase_page.first.setText(PASSPHRASE)
        wizard.passphrase_page.second.setText(PASSPHRASE)
        wizard.next()  # the name page: says the journal name is private
        save(wizard, "tour-wizard-name")
        save(wizard, DOC_NAMES["wizard-name"])
    wizard.hide()

    # 2. A journal with sample entries.
    data_dir = work / "journal"
    created = Journal.create(data_dir, PASSPHRASE, "Moscow monitoring group", kdf=kdf)
    journal = created.journal
    cats = {key for key, _ in journal.entries.categories()}
    for sample in SAMPLES:
        sample = dict(sample)
        if sample.get("category") not in cats:
            sample["category"] = None
        journal.entries.add(**sample)
    first = journal.entries.add(**{**dict(SAMPLES[0]), "category": SAMPLES[0]["category"]
                                   if SAMPLES[0]["category"] in cats else None,
                                   "title": "Задержания у метро «Пушкинская» (дополнение)"})
    journal.entries.update(first.uuid, body=first.body + "\n\nОбновление: 3 человека отпущены без протокола.")
    _add_people_and_files(journal, first.uuid, work)
    # A coordinator (another throwaway journal's card), so the export wizard has someone to send to.
    hq = Journal.create(work / "hq", PASSPHRASE, "HQ", kdf=kdf, card_name="Coordinators HQ").journal
    journal.coordinators.add(hq.identity.card_text(), verified=True)
    hq.close()
    if args.tour:
        _receive_a_bundle(journal, work, kdf)
    journal.close()

    context = AppContext(data_dir, Settings(), kdf, work / "config")
    controller = AppController(context)
    controller.start()
    unlock = controller.unlock_window
    unlock.resize(500, 400)
    save(unlock, "unlock")
    if args.tour:
        # An older journal's one-time update as the unlock window shows it (progress and Stop); the
        # sample journal is current, so the window is given the progress a migration would report.
        unlock._set_working(True)
        unlock._progress(12, 100)
        unlock._show_update()
        save(unlock, "unlock-update")
        unlock._set_working(False)

    # 3. Unlock and show the main window with an entry open.
    from journal.storage.vault import Journal as J

    controller._open_session(J.open(data_dir, PASSPHRASE))
    window = controller.main_window
    window.resize(width, height)
    settle()
    window.select_rowid(window.model.rowid_at(0))
    save(window, "main")

    if args.tour:
        _tour(controller, window, save, settle, work)
        window.resize(width, height)
        window.search.clear()
    window.search.setText("задержали OR detained")
    window._run_search()
    save(window, "search")
    controller.quit()
    return 0


def _add_people_and_files(journal, entry_uuid: str, work: Path) -> None:
    """People, a contact-log record with a follow-up and a photo, so the panels are not empty."""
    from PIL import Image

    mother = journal.people.add(display_name="Ирина Смирнова", roles=["relative"], phones=["+7 900 000-00-00"],
                                notes="Мать задержанного; просит не звонить после 22:00.")
    lawyer = journal.people.add(display_name="Alexei K. (lawyer)", roles=["lawyer"], organisation="OVD-Info")
    journal.people.link(entry_uuid, mother.uuid, "relative")
    journal.people.link(entry_uuid, lawyer.uuid, "lawyer")
    journal.forms.set_values(entry_uuid, "detention", {
        "detained_persons": [mother.uuid], "detained_at": "2024-03-01T19:40", "police_unit": "ОВД «Тверской»",
        "charges": "ст. 20.2 КоАП", "lawyer_admitted": False, "court_date": "2024-03-04"})
    journal.contact_log.add(people=[mother.uuid], channel="call", direction="incoming",
                            summary="Сын всё ещё в ОВД, адвоката не пускают.", entries=[entry_uuid],
                            follow_up_due="2024-03-03", follow_up_note="Перезвонить после суда")
    journal.contact_log.add(people=[lawyer.uuid], channel="signal", direction="outgoing",
                            summary="Asked for the court date.")
    # A generated picture, never user data; written only into the throwaway folder.
    picture = work / "photo.png"
    image = Image.new("RGB", (640, 420), (70, 90, 120))
    for x in range(0, 640, 40):
        for y in range(0, 420, 6):
            image.putpixel((x, y), (230, 200, 80))
    image.save(picture)
    journal.attachments.add_file(entry_uuid, picture)
    picture.unlink()


def _receive_a_bundle(journal, work: Path, kdf) -> None:
    """A documenter's throwaway journal sends one entry in a signed bundle and this journal imports
    it, so the sidebar has a Received filter and the editor its review panel (received.png)."""
    from journal.storage.vault import Journal

    doc = Journal.create(work / "documenter", PASSPHRASE, "Olena K.", kdf=kdf, card_name="Olena K.").journal
    try:
        # Older than the own entries: the main window opens on one of those, not on a read-only one.
        doc.entries.add(title="Задержание у ОВД «Тверской»", body="Трое задержаны; адвоката не пустили.",
                        occurred_at="2024-02-20T14:10", occurred_tz="Europe/Moscow", place="Москва",
                        category="detention", tags=["протест"], status="final", source="witnessed")
        record = doc.coordinators.add(journal.identity.card_text(), verified=True)
        bundle = work / "from-olena.ijbundle"
        doc.exporter.export(bundle, [record.uuid], all_entries=True)
    finally:
        doc.close()
    result = journal.importer.import_bundle(bundle, trust_new=True)
    bundle.unlink()
    if result.status != "accepted":
        raise RuntimeError(f"the sample bundle was not imported: {result.reason}")
    row = journal.db.query_one("SELECT e.uuid FROM entries e JOIN provenance p ON p.local_id = e.id "
                               "AND p.kind = 'entry' LIMIT 1")
    journal.importer.set_review(row[0], status="needs_follow_up", notes="Позвонить адвокату в понедельник.",
                                tags=["срочно"])


def _tour(controller, window, save, settle, work: Path) -> None:
    """Every sidebar page and every dialog, grabbed as tour-<name>.png. A failing step is reported
    and skipped so one broken dialog does not hide the rest."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMenu, QWizard

    from ui.sidebar import FILTER_ROLE as SIDEBAR_FILTER_ROLE


    def step(name: str, fn) -> None:
        try:
            widget = fn()
            if widget is not None:
                save(widget, f"tour-{name}")
                if name in DOC_NAMES:
                    save(widget, DOC_NAMES[name])
                if widget is not window:
                    widget.close()
        except Exception as exc:  # noqa: BLE001 - a tour reports and goes on
            print(f"tour-{name}: {type(exc).__name__}: {exc}")

    def section(key: str):
        if not window.sidebar.select_section(key):
            raise LookupError(key)
        return window

    def dialog(widget, width: int = 0, height: int = 0):
        if width:
            widget.resize(width, height)
        widget.show()
        settle()
        return widget

    session = controller.session

    def wait(condition, seconds: float = 20) -> None:
        import time

        deadline = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("the window did not load in time")
            settle()
            time.sleep(0.02)

    def select_entry_with_files() -> None:
        """The entry with people, files and a form (the list and the editor load off the GUI thread)."""
        from ui.entries.model import COL_ATTACHMENTS

        wait(lambda: not window.model.loading and window.model.rowCount() > 1)
        for row in range(window.model.rowCount()):
            if window.model.index(row, COL_ATTACHMENTS).data():
                window.select_rowid(window.model.rowid_at(row))
                wait(lambda: window.attachments.item_count() > 0)
                return
        raise LookupError("no entry with files in the list")

    select_entry_with_files()
    step("entry", lambda: window)
    from ui.exchange.received_review import BundlePanel
    from ui.forms.panel import FormsPanel

    def editor_scrolled_to(panel_type, from_top: bool = False):
        """The window with the editor's form scrolled so the panel is in view: at the bottom of the
        view (from_top: as little as needed, the text above it), or as far down as it goes."""
        panel = window.editor.findChild(panel_type)
        if panel is None or not panel.isVisibleTo(window):
            raise LookupError(f"no {panel_type.__name__} shown")
        scroll = panel.parentWidget()
        while scroll is not None and not hasattr(scroll, "ensureWidgetVisible"):
            scroll = scroll.parentWidget()
        if scroll is None:
            raise LookupError("the editor has no scroll area")
        settle()
        bar = scroll.verticalScrollBar()
        bar.setValue(bar.minimum() if from_top else bar.maximum())
        scroll.ensureWidgetVisible(panel, 0, 0)
        settle()
        return window

    def received():
        """The entry received in a bundle: the sender's filter in the sidebar and the review panel."""
        from ui.exchange.received_filter import ReceivedFilter

        sidebar = window.sidebar
        items = [sidebar.topLevelItem(i) for i in range(sidebar.topLevelItemCount())]
        items += [top.child(i) for top in items for i in range(top.childCount())]
        item = next((it for it in items
                     if isinstance(it.data(0, SIDEBAR_FILTER_ROLE), ReceivedFilter)
                     and it.data(0, SIDEBAR_FILTER_ROLE).sender_id is not None), None)
        if item is None:
            raise LookupError("no Received filter in the sidebar")
        window.sidebar.setCurrentItem(item)
        wait(lambda: not window.model.loading and window.model.rowCount() == 1)
        window.select_rowid(window.model.rowid_at(0))
        wait(lambda: window.editor.current_uuid is not None)
        return editor_scrolled_to(BundlePanel)
    step("received", received)
    window.sidebar.select_all_entries()
    select_entry_with_files()  # back to the entry with the filled-in Detention form
    step("forms", lambda: editor_scrolled_to(FormsPanel))
    from ui.attachments.panel import AttachmentsPanel
    step("attachments", lambda: editor_scrolled_to(AttachmentsPanel, from_top=True))
    window.editor.pages.currentWidget().verticalScrollBar().setValue(0)
    for key in ("overview", "people", "contact_log", "follow_ups", "statistics", "coordinators", "senders",
                "outbox"):
        if key == "overview":
            step(key, lambda key=key: (window.people_feature.show_section(key), window)[1])
        else:
            step(key, lambda key=key: section(key))
    window.sidebar.select_trash()
    step("trash", lambda: window)
    window.sidebar.select_all_entries()
    select_entry_with_files()

    for bar_action in window.menuBar().actions():
        menu = bar_action.menu()
        if isinstance(menu, QMenu):
            name = menu.title().replace("&", "").lower()
            step(f"menu-{name}", lambda menu=menu: (menu.popup(window.mapToGlobal(window.rect().topLeft())), settle(),
                                          menu)[2])

    from ui.entries.history import HistoryDialog
    step("history", lambda: dialog(HistoryDialog(session.reader.entries.history(window.editor.current_uuid),
                                                 window), 900, 560))

    def viewer():
        shown = window.attachments.open_viewer(0)
        if shown is None:
            raise LookupError(f"no viewer open: {window.attachments.item_count()} items, "
                              f"entry {window.editor.current_uuid}")
        shown.resize(900, 640)
        for _ in range(20):
            settle()
        return shown
    step("viewer", viewer)
    from ui.exchange.export_wizard import ExportWizard

    def export_pages():
        wizard = ExportWizard(session, [window.editor.current_uuid], window)
        wizard.resize(720, 560)
        wizard.show()
        for n in range(6):
            if n == 1:
                wizard.what.all.setChecked(True)  # all entries: the drafts stay home, the list shows the rest
            save(wizard, f"tour-export-{n}")
            if f"export-{n}" in DOC_NAMES:
                save(wizard, DOC_NAMES[f"export-{n}"])
            if n == 0:
                wizard.recipients.list.item(0).setCheckState(Qt.CheckState.Checked)
            if wizard.currentPage().isCommitPage():
                break  # never write a bundle: the tour only looks
            if wizard.button(QWizard.WizardButton.NextButton).isEnabled() and not wizard.currentPage().isFinalPage():
                wizard.next()
            else:
                break
        return wizard
    step("export", export_pages)
    from ui.exchange.importing import ImportResultDialog, ImportRun
    step("import-result", lambda: dialog(ImportResultDialog(ImportRun(), window)))
    # The first card asks for the public name (the journal's own name is private).
    step("card-name", lambda: (window.bundles_feature.show_my_card(), window.bundles_feature.card_dialog)[1])
    session.write_and_wait(lambda j: j.identity.set_display_name("Field team 3"))
    step("my-card", lambda: (window.bundles_feature.show_my_card(), window.bundles_feature.card_dialog)[1])

    def contact_log_edit():
        section("contact_log")
        page = window.people_feature.log_page
        page.table.selectRow(0)
        return dialog(page.edit_selected())
    step("contact-log-edit", contact_log_edit)
    from ui.exchange.coordinators import AddCoordinatorDialog
    step("add-coordinator", lambda: dialog(AddCoordinatorDialog(window)))
    from ui.dialogs import SettingsDialog
    step("settings", lambda: dialog(SettingsDialog(controller.context.settings, "Europe/Moscow", window)))
    from ui.safety.settings_dialog import SafetySettingsDialog
    step("safety", lambda: dialog(SafetySettingsDialog(controller.context.settings, window)))
    from ui.exchange.transport.settings_dialog import NetworkSettingsDialog
    step("network", lambda: dialog(NetworkSettingsDialog(session, window)))
    from ui.exchange.transport.inbox import InboxFoldersDialog
    step("inbox-folders", lambda: dialog(InboxFoldersDialog(session, window)))
    from ui.exchange.common import reader_stores
    from ui.exchange.transport.drop_dialog import DropFolderDialog
    from ui.exchange.transport.inbox import FetchOptionsDialog

    def drop_folder():
        stores = reader_stores(session)
        coordinators = stores.coordinators.list() if stores else []
        if not coordinators:
            raise LookupError("no coordinator")
        return dialog(DropFolderDialog(coordinators[0], session, window))
    step("drop-folder", drop_folder)
    step("fetch-options", lambda: dialog(FetchOptionsDialog(window)))
    from ui.safety.erase import EraseDialog
    step("erase", lambda: dialog(EraseDialog(work / "journal", window)))
    from ui.forms.report_dialog import ReportDialog
    step("report", lambda: dialog(ReportDialog(session, None, window.editor.current_uuid, window)))
    from ui.forms.editor import FormsEditorDialog
    step("forms-editor", lambda: dialog(FormsEditorDialog(session, "", window)))
    from ui.people.dialog import PersonDialog
    step("person", lambda: dialog(PersonDialog(None, window)))

    from ui.evidence.dialog import EvidenceDialog
    step("evidence", lambda: dialog(EvidenceDialog(session, None, window.editor.current_uuid, window)))
    from ui.evidence.verify_dialog import VerifyDialog
    step("evidence-verify", lambda: dialog(VerifyDialog(window)))
    from ui.safety.duress_dialog import DuressDialog
    step("duress", lambda: dialog(DuressDialog(session, window)))

    def decoy_editor():
        """The decoy journal's editor (after the duress step: it sets a duress passphrase), on
        its People tab, with a few ordinary records."""
        from journal.storage import duress
        from ui.safety.duress_dialog import DecoyEditorDialog

        secret = "a sample duress passphrase"

        def open_filled(journal):
            duress.set_duress(journal, secret)
            editor = duress.DecoyEditor(journal, secret)
            decoy = editor.journal
            decoy.entries.add(title="Dentist, Tuesday 10:30", body="Bring the insurance card.", status="final")
            decoy.entries.add(title="Shopping list", body="Bread, milk, batteries.")
            decoy.people.add(display_name="Anna Petrenko", organisation="Dental clinic")
            decoy.people.add(display_name="Oleg")
            return editor
        editor = session.write_and_wait(open_filled, timeout=120)
        shown = DecoyEditorDialog(session, editor, window, host=window.host)
        shown.tabs.setCurrentIndex(1)
        shown = dialog(shown)
        wait(lambda: shown.people.count() == 2 and shown.entries.count() == 2)
        return shown
    step("decoy-editor", decoy_editor)

    def about():
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QMessageBox

        from ui.dialogs import show_about

        def grab_and_close():
            boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
            for box in boxes:
                save(box, "tour-about")
                box.accept()
        QTimer.singleShot(200, grab_and_close)
        show_about(window)
    step("about", about)
    window.sidebar.select_all_entries()
    settle()


if __name__ == "__main__":
    sys.exit(main())
