"""Write tests/fixtures/keyfile_v2: a journal whose key file is version 2, with a duress
passphrase and a decoy (tests/test_duress.py opens it with both passphrases).

Run once when the key file format changes: python tools/make_keyfile_fixture.py
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from journal.storage import duress  # noqa: E402
from journal.storage.keyslots import KdfParams  # noqa: E402
from journal.storage.vault import Journal  # noqa: E402

TARGET = ROOT / "tests" / "fixtures" / "keyfile_v2"
CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)


def main() -> None:
    shutil.rmtree(TARGET, ignore_errors=True)
    created = Journal.create(TARGET, "fixture passphrase", "Fixture", kdf=CHEAP)
    with created.journal as journal:
        journal.entries.add(title="Real entry", body="kept only in the real journal")
        duress.set_duress(journal, "fixture duress passphrase", decoy_name="Fixture")
        editor = duress.DecoyEditor(journal, "fixture duress passphrase")
        editor.journal.entries.add(title="Decoy entry", body="what the decoy shows")
        editor.save()
    (TARGET / "journal.lock").unlink(missing_ok=True)
    print("written", sorted(str(p.relative_to(TARGET)) for p in TARGET.rglob("*")))


if __name__ == "__main__":
    main()
