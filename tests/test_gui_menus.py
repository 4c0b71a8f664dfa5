"""The menu bar as arranged by ui/menus.py once every feature has made its actions."""

from __future__ import annotations

from gui_helpers import unlocked  # noqa: F401  (fixture)


def _menu_titles(window) -> list[str]:
    return [a.menu().title().replace("&", "") for a in window.menuBar().actions() if a.menu() is not None]


def _texts(menu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def test_menus_are_grouped_by_task(unlocked):  # noqa: F811
    window = unlocked.main_window
    assert _menu_titles(window) == ["Journal", "Entry", "Edit", "People", "Exchange", "Reports", "Safety", "Help"]
    assert _texts(window.safety_menu) == ["Prepare for travel…", "Restore after travel…"]
    journal = _texts(window.journal_menu)
    assert journal[0] == "Lock" and journal[-1] == "Quit"
    assert "Back up journal…" in journal and "Erase this journal…" in journal
    assert "Send to coordinator…" in _texts(window.exchange_menu)
    assert "Send to coordinator…" not in journal  # moved, not duplicated
    assert _texts(window.reports_menu)[:2] == ["Statistics", "Export report…"]
    assert _texts(window.entry_menu)[0] == "New entry"
    assert _texts(window.edit_menu) == ["Find", "Next region", "Previous region"]  # F6 / Shift+F6


def test_every_menu_is_short_and_separated(unlocked):  # noqa: F811
    window = unlocked.main_window
    for bar_action in window.menuBar().actions():
        menu = bar_action.menu()
        items = menu.actions()
        assert len([a for a in items if not a.isSeparator()]) <= 10, menu.title()
        assert items and not items[0].isSeparator() and not items[-1].isSeparator(), menu.title()


def test_go_to_outbox_shows_the_outbox_page(unlocked):  # noqa: F811
    window = unlocked.main_window
    window.go_outbox_action.trigger()
    assert window.pages.currentWidget() is window.transport_feature.page
    assert not window.settings_action.shortcut().isEmpty()
