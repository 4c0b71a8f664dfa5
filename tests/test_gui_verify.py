"""Journal → Check the journal…: the GUI runs the same checks as `journal verify` and says what
it found (issue 25: a verify action that always said OK would pass every other test)."""
# ruff: noqa: F811  (pytest fixtures imported from other test modules)

from __future__ import annotations

import pytest

from tests.gui_helpers import unlocked  # noqa: F401
from tests.test_cli import _damage
from ui.safety import controller as safety_controller


@pytest.fixture
def messages(monkeypatch):
    shown: list[tuple[str, bool]] = []
    monkeypatch.setattr(safety_controller, "inform",
                        lambda parent, text, warning=False: shown.append((text, warning)))
    return shown


def _check(qtbot, controller, messages) -> tuple[str, bool]:
    action = controller.safety.verify_action
    assert action in controller.main_window.journal_menu.actions()
    action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=30_000)
    return messages[-1]


def test_check_says_intact_on_a_sound_journal(qtbot, unlocked, messages):
    text, warning = _check(qtbot, unlocked, messages)
    assert not warning
    assert "intact" in text


def test_check_reports_tampering_broken_chain_and_missing_file(qtbot, unlocked, messages):
    tampered, broken, file_id = unlocked.session.write_and_wait(_damage, timeout=30)
    text, warning = _check(qtbot, unlocked, messages)
    assert warning
    assert "intact" not in text
    assert "3 problems" in text or "problems" in text
    assert f"entry #{tampered.id}: revision 1 was altered" in text
    assert f"entry #{broken.id}: revision 2 is not chained" in text
    assert file_id in text and "missing" in text


def test_check_lists_the_first_problems_and_counts_the_rest(qtbot, unlocked, messages):
    unlocked.safety._show_verify_result([f"entry #{n}: revision 1 was altered" for n in range(20)])
    text, warning = messages[-1]
    assert warning
    assert "entry #11:" in text and "entry #12:" not in text
    assert "8" in text  # …and 8 more


def test_check_rehashes_every_attached_file(qtbot, unlocked, messages):
    """A file whose encrypted bytes were altered (same size) is found by decrypting it."""
    import io
    import os

    def damage(journal):
        holder = journal.entries.add(title="with a recording")
        journal.attachments.add_stream(holder.uuid, io.BytesIO(os.urandom(300_000)), "call.ogg")
        (file_id,) = journal.db.query_one("SELECT file_id FROM blobs WHERE file_id IS NOT NULL")
        path = journal.blob_files.path_of(file_id)
        with path.open("r+b") as f:
            f.seek(100_000)
            byte = f.read(1)
            f.seek(100_000)
            f.write(bytes([byte[0] ^ 1]))

    unlocked.session.write_and_wait(damage, timeout=30)
    text, warning = _check(qtbot, unlocked, messages)
    assert warning
    assert "damaged" in text
