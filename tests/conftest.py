"""Shared fixtures. Qt runs offscreen; vaults use a cheap, explicit KDF profile.

The cheap profile is only ever passed explicitly by tests; the defaults
users get (256 MiB, 3 iterations, 4 lanes) are never changed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from journal.storage.keyslots import KdfParams  # noqa: E402

FAST_KDF = KdfParams(memory_kib=8192, iterations=1, lanes=1)
PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory, monkeypatch):
    """Never touch the real user's data or config folders."""
    base = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("JOURNAL_CONFIG_HOME", str(base / "config"))
    monkeypatch.setenv("JOURNAL_HOME", str(base / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "cache"))


@pytest.fixture
def fast_kdf(monkeypatch):
    """Make code paths that use the default KDF (CLI init/passwd) cheap in this test."""
    import journal.storage.keyslots as keyslots

    monkeypatch.setattr(keyslots, "DEFAULT_KDF", FAST_KDF)
    return FAST_KDF


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "journal"


@pytest.fixture
def created(data_dir):
    from journal.storage.vault import Journal

    result = Journal.create(data_dir, PASSPHRASE, "Test journal", kdf=FAST_KDF)
    yield result
    result.journal.close()


@pytest.fixture
def journal(created):
    return created.journal
