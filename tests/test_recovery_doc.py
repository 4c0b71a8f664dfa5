"""docs/recovery.md's script really reads a journal, with only cryptography + sqlcipher3."""

import re
import subprocess
import sys
from pathlib import Path

from journal.entries import canonical_json

DOC = Path(__file__).resolve().parent.parent / "docs" / "recovery.md"


def recovery_script() -> str:
    text = DOC.read_text(encoding="utf-8")
    after = text.split("<!-- recovery-script", 1)[1]
    return re.search(r"```python\n(.*?)```", after, re.S).group(1)


def test_recovery_recipe_reads_the_journal(created, data_dir, tmp_path):
    journal = created.journal
    journal.entries.add(title="Обыск в квартире", body="Изъяли ноутбук и телефон", occurred_at="2024-02-01")
    journal.entries.add(title="Court hearing", body="Fine of 10,000 roubles", occurred_at="2024-03-01")
    journal.close()
    script = tmp_path / "read_journal.py"
    script.write_text(recovery_script(), encoding="utf-8")
    from tests.conftest import PASSPHRASE

    out = subprocess.run([sys.executable, str(script), str(data_dir), PASSPHRASE], capture_output=True,
                         text=True, encoding="utf-8", timeout=120, check=True).stdout
    assert "Обыск в квартире" in out and "Изъяли ноутбук" in out and "Court hearing" in out
    out = subprocess.run([sys.executable, str(script), str(data_dir), "--recovery", created.recovery_code.lower()],
                         capture_output=True, text=True, encoding="utf-8", timeout=120, check=True).stdout
    assert "Обыск в квартире" in out
    bad = subprocess.run([sys.executable, str(script), str(data_dir), "wrong passphrase"], capture_output=True,
                         text=True, timeout=120)
    assert bad.returncode != 0 and "wrong passphrase" in bad.stderr


def test_recovery_hash_chain_recipe_checks_text_and_compressed_revisions(journal):
    """Section 3's snippet, run as written against revisions stored both ways."""
    text = DOC.read_text(encoding="utf-8").split("## 3. Check that nothing was altered", 1)[1]
    snippet = re.search(r"```python\n(.*?)```", text, re.S).group(1)
    e = journal.entries.add(title="Обыск", body="Изъяли ноутбук")
    assert e.id == 1
    # Revision 1 as an app before schema 9 stored it (TEXT), revision 2 compressed (BLOB).
    journal.db.execute("UPDATE revisions SET content = ? WHERE entry_id = 1", (canonical_json(e.content()),))
    journal.entries.update(e.uuid, body="Изъяли ноутбук и телефон")
    kinds = journal.db.query("SELECT typeof(content) FROM revisions WHERE entry_id = 1 ORDER BY number")
    assert kinds == [("text",), ("blob",)]
    exec(snippet, {"db": journal.db.conn})  # noqa: S102 - the documented recipe itself
    journal.db.execute("UPDATE revisions SET hash = ? WHERE entry_id = 1 AND number = 2", ("0" * 64,))
    try:
        exec(snippet, {"db": journal.db.conn})  # noqa: S102
    except AssertionError:
        pass
    else:
        raise AssertionError("the recipe did not notice a changed hash")
