"""The contact log keeps the record being looked at: leaving the person filter with Tab does not
read the timeline again (it used to, clearing the selection and disabling Edit… and Delete…),
and a timeline read again after a change elsewhere keeps the same record selected."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from gui_helpers import unlocked  # noqa: F401  (fixture)

pytestmark = pytest.mark.gui


def _page_with_records(qtbot, controller, summaries):
    window = controller.main_window
    qtbot.addWidget(window)
    window.show()
    anna = controller.session.write_and_wait(lambda j: j.people.add(display_name="Anna Petrova"))
    for summary in summaries:
        controller.session.write_and_wait(
            lambda j, s=summary: j.contact_log.add(people=[anna.uuid], channel="call", direction="outgoing", summary=s))
    feature = window.people_feature
    feature.show_section("contact_log")
    page = feature.log_page
    qtbot.waitUntil(lambda: not page.loading and page.model.rowCount() == len(summaries), timeout=20_000)
    return page


def _select(page, summary):
    row = next(r for r in range(page.model.rowCount()) if page.model.record_at(r).summary == summary)
    page.table.setCurrentIndex(page.model.index(row, 0))
    page.table.selectRow(row)
    return page.model.record_at(row).uuid


def test_tab_through_the_person_filter_keeps_the_selection(qtbot, unlocked):
    page = _page_with_records(qtbot, unlocked, ["First call", "Second call"])
    uuid = _select(page, "First call")
    assert page.edit_button.isEnabled() and page.delete_button.isEnabled()
    reads = []
    page.model.modelReset.connect(lambda: reads.append(1))
    field = page.person_filter.lineEdit()
    field.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(field, Qt.Key.Key_Tab)
    qtbot.wait(300)
    assert reads == [] and not page.loading
    assert page.selected_uuid() == uuid and page.edit_button.isEnabled() and page.delete_button.isEnabled()


def test_a_typed_person_still_filters_when_the_field_is_left(qtbot, unlocked):
    page = _page_with_records(qtbot, unlocked, ["First call"])
    unlocked.session.write_and_wait(lambda j: j.people.add(display_name="Boris Ivanov"))
    page.refresh_people()
    qtbot.waitUntil(lambda: not page.loading, timeout=20_000)
    field = page.person_filter.lineEdit()
    field.setFocus(Qt.FocusReason.TabFocusReason)
    page.person_filter.setEditText("Boris Ivanov")
    QTest.keyClick(field, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not page.loading and page.model.rowCount() == 0, timeout=20_000)


def test_a_read_again_keeps_the_record_being_looked_at(qtbot, unlocked):
    page = _page_with_records(qtbot, unlocked, ["First call", "Second call", "Third call"])
    uuid = _select(page, "Second call")
    page.reload()
    qtbot.waitUntil(lambda: not page.loading, timeout=20_000)
    assert page.selected_uuid() == uuid
    assert page.table.selectionModel().isRowSelected(page.table.currentIndex().row())
    assert page.edit_button.isEnabled() and page.delete_button.isEnabled()
