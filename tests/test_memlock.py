"""Key buffers locked in RAM where the OS allows, and zeroed (issue 19, item 3)."""

from __future__ import annotations

import sys

import pytest

from journal.storage import memlock
from journal.storage.memlock import SecretBuffer


def _locked_kib() -> int | None:
    """VmLck of this process (Linux), in KiB."""
    try:
        for line in open("/proc/self/status", encoding="ascii"):
            if line.startswith("VmLck:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def test_buffer_holds_the_key_and_wipes_it():
    key = bytes(range(32))
    buffer = SecretBuffer(key)
    assert bytes(buffer) == key and len(buffer) == 32
    buffer.wipe()
    assert buffer.is_zero() and buffer.wiped and not buffer.locked
    with pytest.raises(ValueError):
        bytes(buffer)
    buffer.wipe()  # twice is fine


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="VmLck is Linux's")
def test_buffer_is_locked_in_ram_on_linux():
    ok, why = memlock.lock_status()
    if not ok:
        pytest.skip(f"this system refuses mlock: {why}")
    before = _locked_kib()
    buffer = SecretBuffer(b"k" * 32)
    assert buffer.locked and buffer.reason == ""
    assert _locked_kib() > before  # a page is pinned
    buffer.wipe()
    assert _locked_kib() == before


def test_refusal_is_a_clear_fallback(monkeypatch):
    monkeypatch.setattr(memlock, "_lock", lambda address, size: (False, "mlock failed (test)"))
    buffer = SecretBuffer(b"k" * 32)
    assert not buffer.locked and buffer.reason == "mlock failed (test)"
    assert bytes(buffer) == b"k" * 32  # still works
    buffer.wipe()
    assert buffer.is_zero()


def test_open_journal_holds_its_key_in_a_locked_buffer_and_lock_zeroes_it(journal):
    buffer = journal._data_key
    assert isinstance(buffer, SecretBuffer)
    if memlock.lock_status()[0]:
        assert buffer.locked
    journal.close()
    assert buffer.is_zero()
