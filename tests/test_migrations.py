"""Every migration runs against a fixture journal written at the previous version."""

import hashlib
import shutil
from pathlib import Path

import pytest

from journal.storage import migrations
from journal.storage.vault import Journal

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_PASSPHRASE = "fixture passphrase"


def fixture_versions():
    return sorted(int(p.name.split("_v")[1]) for p in FIXTURES.glob("journal_v*"))


def test_there_is_a_fixture_for_every_migration_source():
    # A journal made at version N-1 must exist for each migration N >= 2.
    assert set(range(1, migrations.latest_version())) <= set(fixture_versions())


@pytest.mark.parametrize("version", fixture_versions())
def test_fixture_migrates_to_latest_keeping_records(tmp_path, version):
    work = tmp_path / f"v{version}"
    shutil.copytree(FIXTURES / f"journal_v{version}", work)
    with Journal.open(work, FIXTURE_PASSPHRASE) as journal:
        assert migrations.schema_version(journal.db.conn) == migrations.latest_version()
        titles = {r[0] for r in journal.db.query("SELECT title FROM entries")}
        assert {"Задержание у метро", "Повістка", "In the trash"} <= titles
        hit = journal.queries.search("задержаны")
        assert [h.title for h in hit] == ["Задержание у метро"]
        moscow = journal.entries.get(hit[0].uuid)
        assert moscow.revision == 2 and moscow.tags == ["ОВД", "протест"] and moscow.status == "final"
        if version >= 2:
            mother = journal.people.list(search="Мария")
            assert [p.display_name for p in mother] == ["Мария Иванова"]
            assert len(journal.contact_log.list(person=mother[0].uuid)) == 1
            assert [p.display_name for p, _role in journal.people.people_for_entry(moscow.uuid)] == ["Мария Иванова"]
        if version >= 3:
            by_name = {a.file_name: a for a in journal.attachments.list_for_entry(moscow.uuid)}
            assert journal.attachments.open_stream(by_name["protocol.pdf"].uuid).read().startswith(b"%PDF")
        if version >= 9:
            # Content stored as chunk rows (schemas 3-9) stays readable, byte for byte.
            multi = by_name["protocol-multi.txt"]
            expected = "".join(f"line {n}: протокол задержания\n" for n in range(40)).encode()
            assert journal.attachments.open_stream(multi.uuid).read() == expected
            assert multi.sha256 == hashlib.sha256(expected).hexdigest()
        if version >= 13:
            photo = by_name["photo-gps.jpg"]  # the cleaned copy's hash and size were recorded
            assert photo.stripped_sha256 and photo.stripped_size and photo.stripped_size < photo.size
        if version >= 4:
            assert [c.display_name for c in journal.coordinators.list()] == ["Fixture HQ"]
            assert journal.identity.age_recipient.startswith("age1")
        if version >= 6:
            (values,) = journal.forms.values_for_entry(moscow.uuid)
            assert values.values["police_unit"] == "ОВД «Тверской»"
        assert journal.verify() == []
        # And the migrated journal is usable for new work.
        journal.entries.add(title="after migration")


def test_migrations_are_numbered_one_by_one():
    mods = migrations.migrations()
    assert [m.VERSION for m in mods] == list(range(1, len(mods) + 1))


def test_failed_migration_leaves_previous_version(tmp_path, monkeypatch):
    work = tmp_path / "v1"
    shutil.copytree(FIXTURES / "journal_v1", work)
    mods = migrations.migrations()
    if len(mods) < 2:
        pytest.skip("needs a second migration")

    def broken(conn):
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("power cut")

    monkeypatch.setattr(mods[1], "apply", broken)
    with pytest.raises(RuntimeError):
        Journal.open(work, FIXTURE_PASSPHRASE)
    monkeypatch.undo()
    import sqlcipher3

    from journal.storage.vault import derive_data_key

    key = derive_data_key(work, FIXTURE_PASSPHRASE)
    conn = sqlcipher3.connect(str(work / "journal.db"))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'half_done'").fetchall()
    conn.close()


# --- migrations are frozen: what upgrading an old journal produces never follows later code ----
ALLOWED_IN_MIGRATIONS = {"journal.storage.migrations._script", "journal.storage.db", "journal.errors",
                         "journal.i18n"}


def test_migrations_import_no_live_journal_code():
    """A migration imports from journal/ only its SQL runner and the database basics: data and
    code it needs (seed forms, identity format) are copied into it as they were at its version."""
    import ast

    folder = Path(migrations.__file__).parent
    offenders = []
    for path in sorted(folder.glob("m[0-9][0-9][0-9]_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = ["journal.storage.migrations." + (node.module or "") if node.level else node.module or ""]
            else:
                continue
            offenders += [f"{path.name}:{node.lineno} imports {name}" for name in names
                          if name.split(".")[0] == "journal" and name not in ALLOWED_IN_MIGRATIONS]
    assert offenders == []


def test_migration_4_identity_is_what_the_identity_code_reads():
    from journal.exchange.bundle.identity import Identity
    from journal.storage.migrations import m004_identity

    secrets = m004_identity.new_identity_secrets()
    identity = Identity.from_secrets(secrets)
    assert identity.to_secrets() == secrets
    assert identity.age_recipient.startswith("age1") and len(identity.signing_public_key) == 32


def test_migration_6_seeds_the_built_in_forms_as_they_were_at_schema_6(tmp_path):
    """The frozen copy gives the forms a journal made at schema 6 (the v6 fixture) holds."""
    from journal.storage.migrations import m006_forms

    work = tmp_path / "v6"
    shutil.copytree(FIXTURES / "journal_v6", work)
    with Journal.open(work, FIXTURE_PASSPHRASE) as journal:
        stored = dict(journal.db.query("SELECT key, fields_sha256 FROM forms WHERE builtin = 1 AND version = 1"))
        fields = dict(journal.db.query("SELECT key, fields FROM forms WHERE builtin = 1 AND version = 1"))
    frozen = {f["key"]: m006_forms._form_sha256(f["key"], 1, f["label"], f["category"], f["fields"])
              for f in m006_forms._FORMS_V1}
    assert frozen == stored
    assert {f["key"]: m006_forms._json(f["fields"]) for f in m006_forms._FORMS_V1} == fields
