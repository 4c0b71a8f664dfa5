"""Issue 20: opening an older journal reports the schema update's progress (m011 rebuilds every
search index: minutes at 100k entries) and can be stopped; a stop rolls the long migration back
like a crash would, and the next open finishes it. In the app the unlock window shows it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from journal.errors import Cancelled
from journal.storage import migrations
from journal.storage.migrations import m011_word_forms
from journal.storage.vault import Journal, derive_data_key

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_PASSPHRASE = "fixture passphrase"


def _v10(tmp_path: Path) -> Path:
    work = tmp_path / "v10"
    shutil.copytree(FIXTURES / "journal_v10", work)
    return work


def _version(work: Path, key: bytes) -> int:
    with Journal.open_with_key(work, key, migrate=False) as journal:
        return migrations.schema_version(journal.db.conn)


def test_opening_an_old_journal_reports_the_update_in_order(tmp_path, monkeypatch):
    monkeypatch.setattr(m011_word_forms, "BATCH", 1)  # one id per batch: progress inside m011 too
    work = _v10(tmp_path)
    key = derive_data_key(work, FIXTURE_PASSPHRASE)
    seen: list[tuple[int, int]] = []
    with Journal.open_with_key(work, key, progress=lambda d, t: seen.append((d, t))) as journal:
        assert migrations.schema_version(journal.db.conn) == migrations.latest_version()
        assert [h.title for h in journal.queries.search("задержаны")] == ["Задержание у метро"]
        assert [p.display_name for p in journal.people.list(search="Мария")] == ["Мария Иванова"]
        assert journal.verify() == []
    total = migrations.STEP * (migrations.latest_version() - 10)
    assert {t for _d, t in seen} == {total}
    assert [d for d, _t in seen] == sorted(d for d, _t in seen) and seen[-1][0] == total
    inside_m011 = [d for d, _t in seen if 0 < d < migrations.STEP]
    assert len(inside_m011) > 2  # the index rebuild reports as it goes


def test_stopping_the_update_leaves_the_journal_as_it_was(tmp_path, monkeypatch):
    monkeypatch.setattr(m011_word_forms, "BATCH", 1)
    work = _v10(tmp_path)
    key = derive_data_key(work, FIXTURE_PASSPHRASE)
    calls: list[int] = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 3  # inside m011's rebuild

    with pytest.raises(Cancelled):
        Journal.open_with_key(work, key, cancel=cancel)
    assert _version(work, key) == 10  # m011 rolled back as one transaction
    with Journal.open_with_key(work, key) as journal:  # and the lock was released
        assert migrations.schema_version(journal.db.conn) == migrations.latest_version()
        assert [h.title for h in journal.queries.search("задержаны")] == ["Задержание у метро"]
        assert journal.verify() == []


@pytest.mark.gui
def test_unlock_window_shows_the_update_and_stop_undoes_it(qtbot, tmp_path, monkeypatch):
    import ui.unlock as unlock_module
    from ui.unlock import UnlockWindow

    monkeypatch.setattr(m011_word_forms, "BATCH", 1)
    monkeypatch.setattr(unlock_module, "UPDATE_NOTICE_MS", 0)
    work = _v10(tmp_path)
    real_apply = m011_word_forms.apply

    def slow_apply(conn, progress=None, cancel=None):  # each batch waits until Stop is pressed
        import time

        def waiting() -> bool:
            for _ in range(200):
                if cancel():
                    return True
                time.sleep(0.05)
            return False

        return real_apply(conn, progress=progress, cancel=waiting)

    monkeypatch.setattr(m011_word_forms, "apply", slow_apply)
    window = UnlockWindow(work)
    qtbot.addWidget(window)
    window.show()
    opened = []
    window.unlocked.connect(opened.append)
    window.field.setText(FIXTURE_PASSPHRASE)
    window.unlock_button.click()
    qtbot.waitUntil(lambda: window.update_label.isVisible(), timeout=20_000)
    assert "%" in window.update_label.text() and window.stop_button.isEnabled()
    assert window.busy.maximum() > 0  # a real bar now, not the busy animation
    window.stop_button.click()
    qtbot.waitUntil(lambda: not window.working, timeout=20_000)
    assert not opened and "stopped" in window.error.text() and not window.update_label.isVisible()
    assert _version(work, derive_data_key(work, FIXTURE_PASSPHRASE)) == 10
