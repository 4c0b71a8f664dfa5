"""Fixtures and helpers for the GUI tests (pytest-qt, offscreen).

Journals use the cheap FAST_KDF from conftest, passed explicitly through
AppContext.kdf; the defaults users get are untouched.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FAST_KDF, PASSPHRASE

from journal.storage.vault import Journal


def make_journal(data_dir: Path, entries: list[dict] | None = None, name: str = "Test journal") -> str:
    """A closed journal on disk with `entries`; returns its recovery code."""
    created = Journal.create(data_dir, PASSPHRASE, name, kdf=FAST_KDF)
    try:
        with created.journal.db.transaction():
            for values in entries or []:
                created.journal.entries.add(**values)
    finally:
        created.journal.close()
    return created.recovery_code


def new_controller(qtbot, data_dir: Path, tmp_path: Path):
    from ui.app import AppContext, AppController
    from ui.common.settings import Settings

    context = AppContext(Path(data_dir), Settings(), FAST_KDF, tmp_path / "config")
    controller = AppController(context)
    controller.start()
    return controller


def unlock(qtbot, controller, passphrase: str = PASSPHRASE) -> None:
    """Unlock and wait for what the main window reads off the GUI thread (list, sidebar, people)."""
    window = controller.unlock_window
    window.field.setText(passphrase)
    with qtbot.waitSignal(controller.unlocked, timeout=10_000):
        window.unlock_button.click()
    wait_loaded(qtbot, controller.main_window)


def wait_loaded(qtbot, window, timeout: int = 20_000) -> None:
    """Wait until the window's background reads have answered: the entry list, the sidebar's
    categories and tags, the People and Contact log lists; and the first entry is in the editor."""
    feature = window.people_feature

    def loaded() -> bool:
        return window.list_stack.currentWidget() is not window.list_loading and not (
            window.model.loading or window.editor_pending or window.sidebar_loading or feature.people_page.model.loading
                    or feature.log_page.loading or feature.people_loading or feature.follow_ups.loading)

    qtbot.waitUntil(loaded, timeout=timeout)


SAMPLE_ENTRIES = [
    dict(title="Detentions at the station square", body="Police detained twelve people near the station.",
         occurred_at="2024-03-01T19:40", occurred_tz="Europe/Moscow", place="Moscow", category="detention",
         tags=["protest"], status="final"),
    dict(title="Повестка отцу пятерых детей", body="Военкомат вручил повестку мужчине 52 лет.",
         occurred_at="2024-02-27", occurred_tz="Europe/Moscow", place="Казань", category="mobilization",
         tags=["мобилизация"], status="draft"),
    dict(title="Court hearing postponed", body="The judge refused to admit the video.",
         occurred_at="2024-03-04T10:00", occurred_tz="Europe/Moscow", place="Moscow", category="court_hearing",
         tags=["protest", "appeal"], status="final"),
]


@pytest.fixture
def unlocked(qtbot, data_dir, tmp_path):
    """A controller whose main window shows a journal with SAMPLE_ENTRIES."""
    make_journal(data_dir, SAMPLE_ENTRIES)
    controller = new_controller(qtbot, data_dir, tmp_path)
    unlock(qtbot, controller)
    yield controller
    close_controller(controller)


def close_controller(controller) -> None:
    """Quit a controller made by new_controller and close its windows."""
    controller.quit()
    for window in (controller.unlock_window, controller._main_window):
        if window is not None:
            window.close()
            window.deleteLater()


def create_entry(qtbot, window) -> str:
    """New entry through the toolbar action; returns its uuid once the editor shows it."""
    with qtbot.waitSignal(window.model.modelReset, timeout=20_000):
        window.new_action.trigger()
    qtbot.waitUntil(lambda: window.editor.current_uuid is not None, timeout=20_000)
    return window.editor.current_uuid


def choose_card_name(controller, name: str = "Field team") -> None:
    """The public card name, chosen (else My card and export ask for it first)."""
    controller.session.write_and_wait(lambda j: j.identity.set_display_name(name))


def every_dialog(session, entry_uuid, tmp_path):
    """(name, factory) for every dialog and window of the app but the main window, each made as
    the app makes it (the tour in tools/screenshots.py shows the same ones to a person)."""
    from journal.exchange.inbox import FetchReport
    from ui.attachments.dialogs import ImportOptionsDialog
    from ui.common.settings import Settings
    from ui.dialogs import SettingsDialog
    from ui.entries.history import HistoryDialog
    from ui.evidence.dialog import EvidenceDialog
    from ui.evidence.verify_dialog import VerifyDialog
    from ui.exchange.card import CardNameDialog, MyCardDialog
    from ui.exchange.coordinators import AddCoordinatorDialog, FingerprintCheckDialog
    from ui.exchange.importing import ImportResultDialog, ImportRun
    from ui.exchange.transport.drop_dialog import DropFolderDialog
    from ui.exchange.transport.inbox import FetchOptionsDialog, FetchResultDialog, InboxFoldersDialog
    from ui.exchange.transport.settings_dialog import NetworkSettingsDialog
    from ui.forms.editor import FormsEditorDialog
    from ui.forms.report_dialog import ReportDialog
    from ui.people.contact_log.edit_dialog import ContactLogEditDialog
    from ui.people.dialog import PersonDialog
    from ui.safety.duress_dialog import DecoyPassphraseDialog, DuressDialog
    from ui.safety.erase import EraseDialog
    from ui.safety.passphrase_dialog import ChangePassphraseDialog, NewRecoveryCodeDialog
    from ui.safety.settings_dialog import SafetySettingsDialog
    from ui.safety.travel_dialog import PrepareTravelDialog, RestoreTravelDialog
    from ui.unlock import UnlockWindow

    reader = session.reader
    entry = reader.entries.get(entry_uuid)
    hq = Journal.create(tmp_path / "hq", PASSPHRASE, "HQ", kdf=FAST_KDF, card_name="Координаторы").journal
    card = hq.identity.card_text()
    hq.close()
    coordinator = session.write_and_wait(lambda j: j.coordinators.add(card))
    person = session.write_and_wait(lambda j: j.people.add(display_name="Ирина Смирнова"))
    record = session.write_and_wait(lambda j: j.contact_log.add(
        people=[person.uuid], channel="call", direction="incoming", summary="Звонок", entries=[entry.uuid],
        follow_up_due="2024-03-03", follow_up_note="Перезвонить"))
    fingerprint = reader.identity.fingerprint
    return [
        ("settings", lambda: SettingsDialog(Settings(), "Europe/Moscow")),
        ("safety", lambda: SafetySettingsDialog(Settings())),
        ("report", lambda: ReportDialog(session)),
        ("unlock", lambda: UnlockWindow(tmp_path)),
        ("history", lambda: HistoryDialog(reader.entries.history(entry.uuid))),
        ("import-options", lambda: ImportOptionsDialog([str(tmp_path / "photo.jpg")])),
        ("evidence", lambda: EvidenceDialog(session, None, entry.uuid)),
        ("evidence-verify", lambda: VerifyDialog()),
        ("card-name", lambda: CardNameDialog("")),
        ("my-card", lambda: MyCardDialog("Полевая группа", reader.identity.card_text(), fingerprint)),
        ("add-coordinator", lambda: AddCoordinatorDialog()),
        ("fingerprint", lambda: FingerprintCheckDialog("Координаторы", fingerprint)),
        ("import-result", lambda: ImportResultDialog(ImportRun())),
        ("drop-folder", lambda: DropFolderDialog(coordinator, session)),
        ("inbox-folders", lambda: InboxFoldersDialog(session)),
        ("fetch-options", lambda: FetchOptionsDialog()),
        ("fetch-result", lambda: FetchResultDialog(FetchReport())),
        ("network", lambda: NetworkSettingsDialog(session)),
        ("forms-editor", lambda: FormsEditorDialog(session, "")),
        ("person", lambda: PersonDialog(None)),
        ("contact-log-edit", lambda: ContactLogEditDialog(record)),
        ("duress", lambda: DuressDialog(session)),
        ("decoy-passphrase", lambda: DecoyPassphraseDialog()),
        ("erase", lambda: EraseDialog(tmp_path)),
        ("change-passphrase", lambda: ChangePassphraseDialog()),
        ("new-recovery-code", lambda: NewRecoveryCodeDialog("ABCD-EFGH-JKMN-PQRS-TVWX-YZ23-4567-89AB")),
        ("travel-prepare", lambda: PrepareTravelDialog([(1, "Координаторы")])),
        ("travel-restore", lambda: RestoreTravelDialog(None)),
    ]


def wait_entry(qtbot, window, timeout: int = 20_000) -> None:
    """Wait until the entry selected in the list is in the editor (it is read off the GUI thread)."""
    qtbot.waitUntil(lambda: not window.editor_pending, timeout=timeout)

