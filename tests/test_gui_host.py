"""Features see the main window only through its FeatureHost (ui/common/host.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject

from ui.common.host import IMPORTED, FeatureHost
from gui_helpers import SAMPLE_ENTRIES, unlocked  # noqa: F401  (fixture)

pytestmark = pytest.mark.gui


def _protocol_members() -> set[str]:
    return {name for name in vars(FeatureHost) if not name.startswith("_")} | set(FeatureHost.__annotations__)


def test_the_window_host_is_a_feature_host(unlocked):
    host = unlocked.main_window.host
    assert isinstance(host, FeatureHost)
    missing = [name for name in _protocol_members() if not hasattr(host, name)]
    assert missing == []
    assert host.session is unlocked.session and host.parent_widget() is unlocked.main_window


def test_features_hold_the_host_not_the_window(unlocked):
    window = unlocked.main_window
    features = [window.people_feature, window.forms_feature, window.bundles_feature, window.transport_feature,
                window.attachments, unlocked.safety]
    for feature in features:
        assert feature.host is window.host
        held = [name for name, value in vars(feature).items() if value is window]
        assert held == [], f"{type(feature).__name__} holds the window in {held}"
        assert isinstance(feature, QObject)


def test_an_announced_import_refreshes_the_entry_list(qtbot, unlocked):
    window = unlocked.main_window
    before = window.model.rowCount()
    unlocked.session.write_and_wait(lambda j: j.entries.add(title="Arrived with a fetch"))
    assert window.model.rowCount() == before  # nobody told the list yet
    window.host.announce(IMPORTED)  # what the transport feature says after a fetch
    qtbot.waitUntil(lambda: window.model.rowCount() == before + 1, timeout=20_000)
    assert before == len(SAMPLE_ENTRIES)


def test_show_section_for_a_page_without_a_sidebar_item(qtbot, unlocked):
    window = unlocked.main_window
    people = window.people_feature
    assert window.host.show_section("overview")
    assert window.pages.currentWidget() is people.overview and window.host.current_section() is None
    assert window.host.show_section("people")
    assert window.pages.currentWidget() is people.people_page and window.host.current_section() == "people"
    assert not window.host.show_section("no such page")


def test_the_app_controller_is_the_safety_features_app_host(unlocked):
    from ui.common.host import AppHost

    assert isinstance(unlocked, AppHost)
    assert unlocked.safety.controller is unlocked and unlocked.built_main_window is unlocked.main_window
