"""Issue 17.18: in Russian at 1280×800, no label, button or check box shows its text cut off, in the
main window and in every dialog and wizard page (evidence, duress and decoy, travel, card, transport…).

Russian words are a third longer than English ones; a label or button narrower than its text is
clipped by Qt without an ellipsis ("Источник н…", "Добавить файлы" cut at 1280 px). The test
renders the main window's pages and the main dialogs with the real Russian catalogue at
1280×800 and compares each visible text widget's width with what its text needs.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QComboBox, QLabel, QRadioButton, QWidget

from gui_helpers import every_dialog, unlocked  # noqa: F401  (fixture)

pytestmark = pytest.mark.gui

SLACK_PX = 2


@pytest.fixture
def russian(qapp):
    from ui.common.i18n import install_translations

    install_translations(qapp, "ru")
    yield
    install_translations(qapp, "en")


def clipped_texts(root: QWidget) -> list[str]:
    """Visible text widgets under `root` narrower than their text."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel):
            if widget.wordWrap() or not widget.text() or widget.textFormat() == 1 or "<" in widget.text():
                continue  # wrapped or rich text lays itself out
            need = widget.fontMetrics().horizontalAdvance(widget.text().replace("&", "", 1))
            have = widget.contentsRect().width() - 2 * widget.margin() - widget.indent() if widget.indent() > 0 \
                else widget.contentsRect().width() - 2 * widget.margin()
            if need > have + SLACK_PX and widget.pixmap().isNull():
                problems.append(f"label “{widget.text()}” needs {need}px, has {have}px")
        elif isinstance(widget, (QAbstractButton,)) and widget.text():
            hint = widget.sizeHint().width()
            if widget.width() + SLACK_PX < hint and not isinstance(widget, (QCheckBox, QRadioButton)) \
                    or isinstance(widget, (QCheckBox, QRadioButton)) and widget.width() + SLACK_PX < hint:
                problems.append(f"{type(widget).__name__} “{widget.text()}” is {widget.width()}px, needs {hint}px")
        elif isinstance(widget, QComboBox) and not widget.isEditable() and widget.currentText():
            need = widget.fontMetrics().horizontalAdvance(widget.currentText())
            room = widget.width() - 40  # the arrow and frame (a generous estimate)
            # Qt's own size hint (longest item, arrow, frame) decides when the estimate is in doubt.
            if need > room + SLACK_PX and widget.width() + SLACK_PX < widget.sizeHint().width():
                problems.append(f"combo box showing “{widget.currentText()}” ({need}px) has {room}px")
    return problems


def test_main_window_pages_in_russian_at_1280x800_show_whole_texts(qtbot, russian, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.select_rowid(window.model.rowid_at(0))
    problems = []
    sections = [window.sidebar.topLevelItem(i).data(0, __import__("ui.sidebar", fromlist=["SECTION_ROLE"]).SECTION_ROLE)
                for i in range(window.sidebar.topLevelItemCount())]
    for section in dict.fromkeys(s for s in sections if s):
        window.sidebar.select_section(section)
        QApplication.processEvents()
        page = window.pages.currentWidget()
        problems += [f"[{section}] {p}" for p in clipped_texts(page) if f"[{section}] {p}" not in problems]
    window.sidebar.select_section(sections[0])
    problems += [f"[toolbar/status] {p}" for p in clipped_texts(window.statusBar())]
    assert problems == [], "\n".join(problems)


def test_settings_safety_and_report_dialogs_in_russian_show_whole_texts(qtbot, russian, unlocked):
    from ui.common.settings import Settings
    from ui.dialogs import SettingsDialog
    from ui.forms.report_dialog import ReportDialog
    from ui.safety.settings_dialog import SafetySettingsDialog

    problems = []
    for dialog in (SettingsDialog(Settings(), "Europe/Moscow"), SafetySettingsDialog(Settings()),
                   ReportDialog(unlocked.session)):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        problems += [f"[{type(dialog).__name__}] {p}" for p in clipped_texts(dialog)]
        dialog.reject()
    assert problems == [], "\n".join(problems)


def test_every_dialog_in_russian_shows_whole_texts(qtbot, russian, unlocked, tmp_path):
    """Issue 17.18, every window but the main one (tests above): each dialog at the size it opens
    with, wizards page by page."""
    from ui.exchange.export_wizard import ExportWizard
    from ui.wizard import FirstRunWizard

    problems = []

    def check(name, widget):
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
        qtbot.wait(20)  # a dialog that reads in the background lays out its answer
        problems.extend(f"[{name}] {p}" for p in clipped_texts(widget))

    window = unlocked.main_window
    qtbot.addWidget(window)
    window.select_rowid(window.model.rowid_at(0))
    for name, make in every_dialog(unlocked.session, window.editor.current_uuid, tmp_path):
        widget = make()
        check(name, widget)
        widget.close()

    from journal.storage import duress
    from ui.safety.duress_dialog import DecoyEditorDialog

    def open_decoy(journal):
        duress.set_duress(journal, "a duress passphrase for the test")
        return duress.DecoyEditor(journal, "a duress passphrase for the test")

    decoy = DecoyEditorDialog(unlocked.session, unlocked.session.write_and_wait(open_decoy), host=window.host)
    for tab in range(decoy.tabs.count()):
        decoy.tabs.setCurrentIndex(tab)
        check(f"decoy-editor-{tab}", decoy)
    decoy.close()  # discards the decoy's staging folder

    wizard = FirstRunWizard(tmp_path / "new")
    check("wizard-intro", wizard)
    wizard.next()
    check("wizard-passphrase", wizard)
    for field in (wizard.passphrase_page.first, wizard.passphrase_page.second):
        field.setText("a long enough passphrase for the test")
    wizard.next()
    assert wizard.currentPage() is wizard.name_page
    check("wizard-name", wizard)
    wizard.close()

    export = ExportWizard(unlocked.session, [window.editor.current_uuid])
    check("export-recipients", export)
    export.recipients.list.item(0).setCheckState(__import__("PySide6.QtCore", fromlist=["Qt"]).Qt.CheckState.Checked)
    seen_pages = {export.currentId()}
    for page in ("what", "leave-out", "where"):
        export.next()
        seen_pages.add(export.currentId())
        check(f"export-{page}", export)
    assert len(seen_pages) == 4  # every page was shown
    export.close()
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("size", [(1280, 800), (1366, 768)])
def test_the_editors_panels_get_their_room_below_the_text(qtbot, russian, unlocked, tmp_path, size):
    """Issue 17.16: photos, people and forms sit at their full height below the text, in the one
    scroll area of the editor (no nested 150-pixel scroll area that clipped them), the text keeps
    the most room, and nothing scrolls sideways (Russian, both screen sizes)."""
    from PIL import Image
    from PySide6.QtWidgets import QAbstractScrollArea

    from ui.attachments.panel import AttachmentsPanel
    from ui.forms.panel import FormsPanel
    from ui.people.panel import EntryPeoplePanel

    window = unlocked.main_window
    qtbot.addWidget(window)
    session = unlocked.session
    window.select_rowid(window.model.rowid_at(0))
    uuid = window.editor.current_uuid
    picture = tmp_path / "photo.png"
    Image.new("RGB", (64, 48), (70, 90, 120)).save(picture)

    def fill(journal):
        journal.attachments.add_file(uuid, picture)
        person = journal.people.add(display_name="Ирина Смирнова")
        journal.people.link(uuid, person.uuid, "relative")
        journal.forms.set_values(uuid, "detention", {"detained_persons": [person.uuid], "charges": "ст. 20.2 КоАП"})
    session.write_and_wait(fill)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.select_rowid(window.model.rowid_at(1))
    window.select_rowid(window.model.rowid_at(0))
    editor = window.editor
    qtbot.waitUntil(lambda: editor.current_uuid == uuid and window.attachments.item_count() == 1, timeout=10_000)
    panels = [editor.findChild(kind) for kind in (AttachmentsPanel, EntryPeoplePanel, FormsPanel)]
    qtbot.waitUntil(lambda: all(p is not None and p.isVisibleTo(window) for p in panels), timeout=10_000)
    qtbot.wait(200)  # the layout takes the panels' new contents
    form_scroll = editor.pages.currentWidget()
    assert isinstance(form_scroll, QAbstractScrollArea)
    for panel in panels:
        area = panel.parentWidget()
        while not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        assert area is form_scroll, f"{type(panel).__name__} is in a scroll area of its own"
        assert panel.height() >= panel.minimumSizeHint().height(), f"{type(panel).__name__} is squeezed"
    body = editor.body
    assert body.height() >= body.fontMetrics().lineSpacing() * 12
    assert body.height() >= max(panels[0].height(), panels[1].height())
    assert not form_scroll.horizontalScrollBar().isVisible()  # nothing wider than the pane
