"""docs/recovery.md's script really reads a journal, with only cryptography + sqlcipher3."""

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from journal.records.entries import canonical_json

DOC = Path(__file__).resolve().parent.parent / "docs" / "recovery.md"


def recovery_script() -> str:
    text = DOC.read_text(encoding="utf-8")
    after = text.split("<!-- recovery-script", 1)[1]
    return re.search(r"```python\n(.*?)```", after, re.S).group(1)


def attachment_file_script() -> str:
    text = DOC.read_text(encoding="utf-8")
    after = text.split("<!-- attachment-file-script", 1)[1]
    return re.search(r"```python\n(.*?)```", after, re.S).group(1)


def attachment_file_query() -> str:
    """The SELECT typed at the sqlcipher prompt in section 4 (without the prompt)."""
    text = DOC.read_text(encoding="utf-8")
    after = text.split("<!-- attachment-file-query", 1)[1]
    block = re.search(r"```\n(.*?)```", after, re.S).group(1)
    return re.search(r"sqlite> (SELECT .*?;)", block, re.S).group(1)


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


def test_attachment_file_recipe_decrypts_schema_10_files(created, data_dir, tmp_path):
    """Section 4: the documented query finds each file and its key, and the documented script
    (cryptography + stdlib only) gives back the original bytes, chunk by chunk."""
    script = tmp_path / "read_attachment.py"
    script.write_text(attachment_file_script(), encoding="utf-8")
    assert "sqlcipher3" not in script.read_text(encoding="utf-8")
    journal = created.journal
    journal.attachments.chunk_size = 1000  # several chunks from small data
    entry = journal.entries.add(title="Обыск в квартире", body="Изъяли ноутбук")
    originals = {
        "протокол обыска.pdf": os.urandom(3500),  # 3 full chunks, a short last one
        "exact.bin": os.urandom(2000),  # 2 full chunks, an empty last one
        "empty.txt": b"",  # one empty chunk
    }
    for name, data in originals.items():
        journal.attachments.add_bytes(entry.uuid, data, name)
    cursor = journal.db.conn.execute(attachment_file_query())
    columns = [d[0] for d in cursor.description]
    rows = [dict(zip(columns, row)) for row in cursor.fetchall()]
    journal.close()

    assert sorted(r["file_name"] for r in rows) == sorted(originals)
    for row in rows:
        data = originals[row["file_name"]]
        assert row["size"] == len(data) and row["path"] == f"attachments/{row['file_id'][:2]}/{row['file_id']}"
        args = [sys.executable, str(script), row["path"], row["file_key"], str(row["size"]), row["sha256"]]
        done = subprocess.run(args, cwd=data_dir, capture_output=True, timeout=120, check=True)
        assert done.stdout == data and b"SHA-256 checked" in done.stderr
        out = tmp_path / "out.bin"
        subprocess.run(args + [str(out)], cwd=data_dir, capture_output=True, timeout=120, check=True)
        assert out.read_bytes() == data

    pdf = next(r for r in rows if r["file_name"] == "протокол обыска.pdf")
    args = [sys.executable, str(script), pdf["path"], pdf["file_key"], str(pdf["size"]), pdf["sha256"]]
    wrong_sha = args[:-1] + [hashlib.sha256(b"something else").hexdigest()]
    bad = subprocess.run(wrong_sha, cwd=data_dir, capture_output=True, timeout=120)
    assert bad.returncode != 0 and b"SHA-256 mismatch" in bad.stderr
    stored = data_dir / pdf["path"]
    damaged = bytearray(stored.read_bytes())
    damaged[16 + 1016 + 5] ^= 1  # a byte of chunk 1
    stored.write_bytes(bytes(damaged))
    bad = subprocess.run(args, cwd=data_dir, capture_output=True, timeout=120)
    assert bad.returncode != 0 and b"chunk 1 is damaged" in bad.stderr


def test_chunk_rows_recipe_reads_content_stored_before_schema_10(tmp_path, monkeypatch):
    """Section 4's recipe for chunk rows, run as written against the schema-9 fixture."""
    from journal.storage.vault import Journal

    text = DOC.read_text(encoding="utf-8").split("### Attachments stored before schema 10", 1)[1]
    snippet = re.search(r"```python\n(.*?)```", text, re.S).group(1)
    work = tmp_path / "v9"
    shutil.copytree(Path(__file__).parent / "fixtures" / "journal_v9", work)
    with Journal.open(work, "fixture passphrase") as journal:
        uuid, chunks = journal.db.query_one(
            "SELECT a.uuid, b.chunk_count FROM attachments a JOIN blobs b ON b.id = a.blob_id "
            "WHERE b.file_id IS NULL AND b.chunk_count > 2")
        with journal.attachments.open_stream(uuid) as src:
            original = src.read()
        monkeypatch.chdir(tmp_path)
        exec(snippet, {"db": journal.db.conn, "uuid": uuid})  # noqa: S102 - the documented recipe itself
        assert (tmp_path / "out.bin").read_bytes() == original
        with journal.db.transaction() as db:
            db.execute("UPDATE blob_chunks SET data = zeroblob(length(data)) WHERE seq = 1 AND blob_id = "
                       "(SELECT blob_id FROM attachments WHERE uuid = ?)", (uuid,))
        try:
            exec(snippet, {"db": journal.db.conn, "uuid": uuid})  # noqa: S102
        except AssertionError:
            pass
        else:
            raise AssertionError("the recipe did not notice damaged content")


def travel_recipe() -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    after = text.split("<!-- travel-recipe", 1)[1]
    block = re.search(r"```sh\n(.*?)```", after, re.S).group(1)
    return [line for line in block.splitlines() if line.strip() and not line.startswith("#")]


def test_travel_package_recipe_with_age_and_tar(created, tmp_path):
    """Section 6, run as written with the real `age` (typing the code at its prompt) and `tar`;
    then section 1's script reads the unpacked journal with the same recovery code."""
    if shutil.which("age") is None or shutil.which("tar") is None:
        import pytest

        pytest.skip("the age and tar tools are not installed")
    from journal.travel import prepare_to_file
    from tests.test_age_scrypt import age_with_passphrase

    journal = created.journal
    journal.entries.add(title="Задержание на вокзале", body="Двенадцать человек", occurred_at="2024-03-01")
    work = tmp_path / "recipe"
    work.mkdir()
    prepare_to_file(journal, work / "trip.ijtravel", created.recovery_code, work_factor=10)
    journal.close()
    for line in travel_recipe():
        if line.startswith("age "):
            code, output = age_with_passphrase(["-c", f"cd {work} && {line}"], created.recovery_code,
                                               program="sh")
        else:
            code = subprocess.run(line, shell=True, cwd=work, timeout=60).returncode  # noqa: S602
            output = b""
        assert code == 0, (line, output)
    folder = work / "journal-back"
    assert {p.name for p in folder.iterdir()} >= {"journal.keys", "journal.db", "backup.json"}
    script = tmp_path / "read_journal.py"
    script.write_text(recovery_script(), encoding="utf-8")
    out = subprocess.run([sys.executable, str(script), str(folder), "--recovery", created.recovery_code],
                         capture_output=True, text=True, encoding="utf-8", timeout=120, check=True).stdout
    assert "Задержание на вокзале" in out
