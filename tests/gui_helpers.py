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
