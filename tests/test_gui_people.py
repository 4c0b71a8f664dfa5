"""People, contact log, follow-ups and the overview, driven through their widgets."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtCore import Qt

from gui_helpers import unlock, unlocked  # noqa: F401  (fixture)

from ui.people.feature import CONTACT_LOG_SECTION, FOLLOW_UPS_SECTION, PEOPLE_SECTION

pytestmark = pytest.mark.gui


def _feature(controller):
    return controller.main_window.people_feature


def _write(controller, fn):
    return controller.session.write_and_wait(fn)


def _loaded(qtbot, page):
    """The People and Contact log lists are read off the GUI thread: wait for them."""
    qtbot.waitUntil(lambda: not page.loading, timeout=20_000)


def _seed(controller):
    """Three people and two log records, added through the writer."""
    def seed(j):
        anna = j.people.add(display_name="Анна Петрова", roles=["relative"], phones=["+7 912 000-11-22"],
                            handles=["telegram:@anna_p"])
        olena = j.people.add(display_name="Олена Коваль", roles=["lawyer"], organisation="Правозахист")
        john = j.people.add(display_name="John Smith", roles=["witness"], notes="Saw the arrest from the cafe")
        return anna, olena, john
    return _write(controller, seed)


def test_people_page_add_search_role_filter_and_detail(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    feature = _feature(unlocked)
    page = feature.people_page
    assert feature.show_section(PEOPLE_SECTION)
    assert window.pages.currentWidget() is page
    assert page.model.rowCount() == 0 and "No people yet" in page.list_empty.text()

    page.new_button.click()
    dialog = page.person_dialog
    dialog.name.setText("Мария Иванова")
    dialog.role_boxes["detainee"].setChecked(True)
    dialog.phones.setPlainText("+7 900 123-45-67")
    with qtbot.waitSignal(page.people_changed, timeout=20_000):
        dialog._accept()  # the Save button
    _loaded(qtbot, page)
    assert page.person is not None and page.person.display_name == "Мария Иванова"
    assert "Мария Иванова" in page.name_label.text()
    assert page.contacts.item(0).text().endswith("+7 900 123-45-67")

    anna, olena, john = _seed(unlocked)
    page.reload()
    _loaded(qtbot, page)
    assert page.model.rowCount() == 4
    page.search.setText("Правозахист")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=20_000)
    assert page.model.person_at(0).uuid == olena.uuid
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=20_000)
    page.role_filter.setCurrentIndex(page.role_filter.findData("witness"))
    _loaded(qtbot, page)
    assert [page.model.person_at(r).display_name for r in range(page.model.rowCount())] == ["John Smith"]
    page.role_filter.setCurrentIndex(0)
    _loaded(qtbot, page)

    # The detail pane: log and incidents.
    rowid = window.model.rowid_at(0)
    entry_uuid = unlocked.session.reader.entries.get_by_rowid(rowid).uuid
    _write(unlocked, lambda j: (j.people.link(entry_uuid, anna.uuid, "relative"),
                                j.contact_log.add(people=[anna.uuid], channel="call", direction="incoming",
                                                  summary="Сын задержан, отдел полиции №5")))
    assert page.select_person(anna.uuid)
    assert page.log_model.rowCount() == 1
    assert page.incidents.count() == 1 and page.incidents.item(0).data(Qt.ItemDataRole.UserRole + 1) == entry_uuid
    assert [page.contacts.item(i).text() for i in range(page.contacts.count())] == [
        "Phone: +7 912 000-11-22", "Telegram: @anna_p"]


def test_quick_log_bar_shortcut_adds_a_record(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    window.show()
    anna, _olena, _john = _seed(unlocked)
    feature = _feature(unlocked)
    feature.log_page.refresh_people()
    _loaded(qtbot, feature.log_page)
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    if window.pages.currentWidget() is not feature.log_page:  # no focus offscreen: trigger the action itself
        feature.quick_log_action.trigger()
    assert feature.quick_log_action.shortcut().toString() == "Ctrl+Shift+L"
    assert window.pages.currentWidget() is feature.log_page
    quick = feature.log_page.quick
    quick.person.setEditText("Анна Петрова")
    quick.channel.setCurrentIndex(quick.channel.findData("signal"))
    quick.summary.setText("Адвоката не пустили")
    with qtbot.waitSignal(quick.added, timeout=20_000):
        quick.add_button.click()
    records = unlocked.session.reader.contact_log.list()
    assert len(records) == 1 and records[0].channel == "signal"
    assert records[0].people[0].uuid == anna.uuid and records[0].summary == "Адвоката не пустили"
    _loaded(qtbot, feature.log_page)
    assert feature.log_page.model.rowCount() == 1
    assert quick.summary.text() == ""

    # An unknown name is not logged: the bar says what to do.
    quick.person.setEditText("Nobody Known")
    quick.summary.setText("x")
    quick.add_button.click()
    assert "not in your people" in quick.message.text()


def test_link_person_from_editor_panel_with_role(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    anna, _olena, _john = _seed(unlocked)
    panel = _feature(unlocked).panel
    panel.refresh_people()
    _loaded(qtbot, panel)
    window.select_rowid(window.model.rowid_at(0))
    entry_uuid = window.editor.current_uuid
    assert panel.entry_uuid == entry_uuid and not panel.isHidden()
    panel.picker.select_uuid(anna.uuid)
    panel.role.setCurrentIndex(panel.role.findData("relative"))
    with qtbot.waitSignal(panel.links.model().rowsInserted, timeout=20_000):
        panel.link_button.click()
    linked = unlocked.session.reader.people.people_for_entry(entry_uuid)
    assert [(p.uuid, role) for p, role in linked] == [(anna.uuid, "relative")]
    assert panel.links.count() == 1 and "Анна Петрова" in panel.links.item(0).text()

    # A new name creates the person on the spot.
    panel.picker.setEditText("Witness from the bus stop")
    panel.role.setCurrentIndex(panel.role.findData("witness"))
    with qtbot.waitSignal(panel.people_changed, timeout=20_000):
        panel.link_button.click()
    linked = unlocked.session.reader.people.people_for_entry(entry_uuid)
    assert ("Witness from the bus stop", "witness") in [(p.display_name, r) for p, r in linked]

    # Unlink.
    panel.links.setCurrentRow(0)
    before = panel.links.count()
    with qtbot.waitSignal(panel.links.model().rowsRemoved, timeout=20_000):
        panel.unlink_button.click()
    qtbot.waitUntil(lambda: panel.links.count() == before - 1, timeout=20_000)


def test_follow_ups_show_due_and_marking_done_removes(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    anna, olena, _john = _seed(unlocked)
    today = dt.date(2024, 3, 10)
    add = lambda j, who, due, text: j.contact_log.add(  # noqa: E731
        people=[who], channel="call", direction="outgoing", summary=text, at="2024-03-01T10:00",
        tz="Europe/Moscow", follow_up_due=due)
    _write(unlocked, lambda j: [add(j, anna.uuid, "2024-03-05", "overdue"), add(j, olena.uuid, "2024-03-10", "today"),
                                add(j, anna.uuid, "2024-03-20", "later")])
    feature = _feature(unlocked)
    page = feature.follow_ups
    page.today = lambda: today
    feature.overview.today = lambda: today
    feature.show_section(FOLLOW_UPS_SECTION)
    assert window.pages.currentWidget() is page
    _loaded(qtbot, page)
    assert page.model.rowCount() == 2
    assert [page.model.record_at(r).summary for r in range(2)] == ["overdue", "today"]
    assert "(overdue)" in page.model.index(0, 4).data() and "(today)" in page.model.index(1, 4).data()
    assert page.heading.text() == "1 due today, 1 overdue"
    feature.overview.refresh()
    assert feature.overview.due.text().startswith("2")

    page.table.selectRow(0)
    with qtbot.waitSignal(page.changed, timeout=20_000):
        page.done_button.click()
    _loaded(qtbot, page)
    assert [page.model.record_at(r).summary for r in range(page.model.rowCount())] == ["today"]
    assert feature.overview.due.text().startswith("1")


def test_copy_phone_sets_hint_and_clears(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    anna, _olena, _john = _seed(unlocked)
    page = _feature(unlocked).people_page
    page.copy_clear_ms = 50   # shortened for the test; users get 30 s
    page.reload()
    _loaded(qtbot, page)
    assert page.select_person(anna.uuid)
    page.contacts.setCurrentRow(0)
    page.copy_button.click()
    clipboard = QGuiApplication.clipboard()
    mime = clipboard.mimeData()
    assert clipboard.text() == "+7 912 000-11-22"
    assert bytes(mime.data("x-kde-passwordManagerHint")) == b"secret"
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=20_000)
    # Never a link to an external app.
    assert "tel:" not in page.info_label.text() and page.info_label.textFormat() == Qt.TextFormat.PlainText


def test_merge_two_people(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    anna, _olena, _john = _seed(unlocked)
    twin = _write(unlocked, lambda j: j.people.add(display_name="Anna Petrova", phones=["+7 999 111-22-33"]))
    page = _feature(unlocked).people_page
    page.reload()
    _loaded(qtbot, page)
    asked = []
    page.confirm = lambda title, text: asked.append(text) or True
    from PySide6.QtCore import QItemSelectionModel
    selection = page.list.selectionModel()
    selection.clearSelection()
    for uuid in (anna.uuid, twin.uuid):
        selection.select(page.model.index(page.model.row_of(uuid)), QItemSelectionModel.SelectionFlag.Select)
    assert page.merge_button.isEnabled()
    with qtbot.waitSignal(page.people_changed, timeout=20_000):
        page.merge_button.click()
    _loaded(qtbot, page)
    assert asked and "cannot be undone" in asked[0]
    kept = unlocked.session.reader.people.get(anna.uuid)
    assert "Anna Petrova" in kept.aliases and "+7 999 111-22-33" in kept.phones
    assert page.model.row_of(twin.uuid) < 0 and page.person.uuid == anna.uuid


def test_main_search_shows_people_and_log_hits(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    anna, _olena, _john = _seed(unlocked)
    _write(unlocked, lambda j: j.contact_log.add(people=[anna.uuid], channel="call", direction="incoming",
                                                 summary="Петрова сообщила о задержании"))
    hits = _feature(unlocked).search_hits
    window.search.setText("Петрова")
    qtbot.waitUntil(lambda: hits.list.count() == 2, timeout=20_000)
    labels = [hits.list.item(i).text() for i in range(2)]
    assert any(t.startswith("Person: Анна Петрова") for t in labels)
    assert any(t.startswith("Contact log:") for t in labels)
    person_item = next(hits.list.item(i) for i in range(2) if hits.list.item(i).text().startswith("Person"))
    hits.list.itemActivated.emit(person_item)
    assert window.pages.currentWidget() is _feature(unlocked).people_page
    _loaded(qtbot, _feature(unlocked).people_page)
    assert _feature(unlocked).people_page.person.uuid == anna.uuid


def test_lock_clears_people_and_log(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    anna, _olena, _john = _seed(unlocked)
    feature = _feature(unlocked)
    _write(unlocked, lambda j: j.contact_log.add(people=[anna.uuid], channel="call", direction="incoming",
                                                 summary="secret words", follow_up_due="2000-01-01"))
    feature.people_page.reload()
    _loaded(qtbot, feature.people_page)
    feature.people_page.select_person(anna.uuid)
    feature.people_page.search.setText("Ан")
    feature.show_section(CONTACT_LOG_SECTION)
    feature.log_page.refresh_people()
    feature.log_page.quick.summary.setText("typed, not sent")
    feature.follow_ups.reload()
    _loaded(qtbot, feature.follow_ups)
    feature.overview.refresh()
    window.select_rowid(window.model.rowid_at(0))
    feature.panel.refresh_people()
    _loaded(qtbot, feature.panel)
    window.search.setText("secret")
    qtbot.waitUntil(lambda: feature.search_hits.list.count() > 0, timeout=20_000)

    with qtbot.waitSignal(unlocked.locked, timeout=20_000):
        window.lock_action.trigger()

    page = feature.people_page
    assert page.model.rowCount() == 0 and page.person is None and page.search.text() == ""
    assert page.log_model.rowCount() == 0 and page.incidents.count() == 0 and page.contacts.count() == 0
    assert page.name_label.text() == "" and page.info_label.text() == ""
    log = feature.log_page
    assert log.model.rowCount() == 0 and log.quick.person.count() == 0 and log.person_filter.count() == 0
    assert log.quick.summary.text() == "" and not log.quick.summary.isUndoAvailable()
    assert feature.follow_ups.model.rowCount() == 0 and feature.follow_ups.heading.text() == ""
    assert feature.overview.due.text() == "" and feature.overview.entries.text() == ""
    assert feature.panel.links.count() == 0 and feature.panel.picker.count() == 0 and feature.panel.entry_uuid is None
    assert feature.search_hits.list.count() == 0 and feature.search_hits.isHidden()
    assert not feature.quick_log_action.isEnabled()

    unlock(qtbot, unlocked)
    assert feature.people_page.model.rowCount() == 3
