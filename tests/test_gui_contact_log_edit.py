"""Issue 17, item 10: contact-log records are editable and can be backdated (core, CLI, GUI with
Undo), and Enter in the quick bar adds the record, also after "Follow up by" has focus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime, Qt
from PySide6.QtTest import QTest

from gui_helpers import unlocked  # noqa: F401  (fixture)

from journal.cli import main
from journal.storage.vault import Journal
from tests.conftest import FAST_KDF, PASSPHRASE

pytestmark = pytest.mark.gui


def _write(controller, fn):
    return controller.session.write_and_wait(fn)


def _log_page(qtbot, controller):
    feature = controller.main_window.people_feature
    feature.log_page.refresh_people()
    feature.quick_log_action.trigger()
    _loaded(qtbot, feature.log_page)
    return feature.log_page


def _loaded(qtbot, page):
    """The timeline and the pickers' people are read off the GUI thread: wait for them."""
    qtbot.waitUntil(lambda: not page.loading, timeout=20_000)


def test_enter_adds_the_record_also_after_follow_up_has_focus(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    window.show()
    anna = _write(unlocked, lambda j: j.people.add(display_name="Анна Петрова"))
    page = _log_page(qtbot, unlocked)
    quick = page.quick
    quick.person.setEditText("Анна Петрова")
    quick.summary.setText("Адвоката не пустили")
    quick.follow_up.setFocus()
    QTest.keyClick(quick.follow_up, Qt.Key.Key_Space)  # tick "Follow up by" with the keyboard
    assert quick.follow_up.isChecked()
    with qtbot.waitSignal(quick.added, timeout=20_000):
        QTest.keyClick(quick.follow_up, Qt.Key.Key_Return)
    records = unlocked.session.reader.contact_log.list()
    assert len(records) == 1 and records[0].follow_up_due and records[0].people[0].uuid == anna.uuid

    # Enter in the summary adds once (not twice), and in the due date too.
    quick.person.setEditText("Анна Петрова")
    quick.summary.setText("Второй звонок")
    with qtbot.waitSignal(quick.added, timeout=20_000):
        QTest.keyClick(quick.summary, Qt.Key.Key_Return)
    qtbot.wait(200)
    assert len(unlocked.session.reader.contact_log.list()) == 2
    quick.person.setEditText("Анна Петрова")
    quick.summary.setText("Третий")
    quick.follow_up.setChecked(True)
    with qtbot.waitSignal(quick.added, timeout=20_000):
        QTest.keyClick(quick.due, Qt.Key.Key_Enter)
    assert len(unlocked.session.reader.contact_log.list()) == 3


def test_edit_and_backdate_a_record_then_undo(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    anna = _write(unlocked, lambda j: j.people.add(display_name="Анна Петрова"))
    record = _write(unlocked, lambda j: j.contact_log.add(people=[anna.uuid], channel="call", direction="incoming",
                                                          summary="Сын задержан"))
    page = _log_page(qtbot, unlocked)
    page.reload()
    _loaded(qtbot, page)
    assert page.select_record(record.uuid) and page.edit_button.isEnabled()
    page.table.doubleClicked.emit(page.table.currentIndex())  # double-click opens the editor
    dialog = page.edit_dialog
    assert dialog is not None and "Анна Петрова" in dialog.people.text()
    assert dialog.changes() == {}  # nothing touched, nothing saved
    dialog.when.setDateTime(QDateTime(QDate(2024, 3, 5), QTime(14, 10)))
    dialog.time_zone.set_zone("Europe/Moscow")
    dialog.channel.setCurrentIndex(dialog.channel.findData("signal"))
    dialog.summary.setPlainText("Сын задержан, ОВД №5")
    dialog.follow_up.setChecked(True)
    dialog.due.setDate(QDate(2024, 3, 7))
    dialog.note.setText("Позвонить адвокату")
    with qtbot.waitSignal(page.log_changed, timeout=20_000):
        dialog.save_button.click()
    _loaded(qtbot, page)
    edited = unlocked.session.reader.contact_log.get(record.uuid)
    assert edited.at == "2024-03-05T14:10+03:00" and edited.tz == "Europe/Moscow"
    assert edited.channel == "signal" and edited.summary == "Сын задержан, ОВД №5"
    assert edited.follow_up_due == "2024-03-07" and edited.follow_up_note == "Позвонить адвокату"
    assert edited.people[0].uuid == anna.uuid and edited.recorded_at == record.recorded_at
    assert page.undo_bar.isVisibleTo(page) and "changed" in page.undo_label.text()

    with qtbot.waitSignal(page.log_changed, timeout=20_000):
        page.undo_button.click()
    _loaded(qtbot, page)
    restored = unlocked.session.reader.contact_log.get(record.uuid)
    assert (restored.at, restored.tz, restored.channel, restored.summary, restored.follow_up_due) == (
        record.at, record.tz, record.channel, record.summary, record.follow_up_due)
    assert not page.undo_bar.isVisibleTo(page)

    # A bad time (skipped by a DST change) is refused with the core's message; nothing changes.
    page.select_record(record.uuid)
    dialog = page.edit_selected()
    dialog.time_zone.set_zone("Europe/Berlin")
    dialog.when.setDateTime(QDateTime(QDate(2024, 3, 31), QTime(2, 30)))
    failures = []
    page._failed = failures.append  # the warning box, without blocking the test
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(failures), timeout=20_000)
    assert unlocked.session.reader.contact_log.get(record.uuid).at == record.at

    # Lock: the editor and the undo bar go.
    page.select_record(record.uuid)
    page.edit_selected()
    unlocked.lock()
    assert page.edit_dialog is None and not page.undo_bar.isVisibleTo(page)


def test_cli_log_edit_backdates(tmp_path, capsys):
    folder = tmp_path / "j"
    journal = Journal.create(folder, PASSPHRASE, "x", kdf=FAST_KDF).journal
    anna = journal.people.add(display_name="Anna")
    record = journal.contact_log.add(people=[anna.uuid], channel="call", direction="incoming", summary="s",
                                     follow_up_due="2030-01-01")
    journal.close()
    pfile = tmp_path / "p"
    pfile.write_text(PASSPHRASE)

    def run(*argv):
        code = main(["--data-dir", str(folder), "--passphrase-file", str(pfile), *argv])
        return code, capsys.readouterr()

    code, out = run("log", "edit", record.uuid[:6], "--at", "2024-03-05T14:10", "--tz", "Europe/Kyiv",
                    "--summary", "backdated", "--no-follow-up")
    assert code == 0 and "backdated" in out.out
    code, out = run("log", "show", record.uuid[:8], "--json")
    import json

    shown = json.loads(out.out)
    assert shown["at"] == "2024-03-05T14:10+02:00" and shown["summary"] == "backdated"
    assert not shown.get("follow_up_due")
    code, out = run("log", "edit", record.uuid[:8])
    assert code != 0 and "Nothing to change" in out.err


def test_lock_after_a_cancelled_edit_dialog(qtbot, unlocked):
    """Cancel closes and deletes the dialog; a later lock must not reach it (it raised
    'Internal C++ object already deleted' and left the journal unlocked)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    anna = _write(unlocked, lambda j: j.people.add(display_name="Анна"))
    record = _write(unlocked, lambda j: j.contact_log.add(people=[anna.uuid], channel="call", direction="incoming", summary="x"))
    page = _log_page(qtbot, unlocked)
    page.reload()
    _loaded(qtbot, page)
    page.select_record(record.uuid)
    dialog = page.edit_selected()
    dialog.reject()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # deleteLater happens
    assert page.edit_dialog is None
    unlocked.lock()
    assert unlocked.session is None
