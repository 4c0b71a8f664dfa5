"""Write a journal folder at schema version N, as the app at that version made it.

    python tools/make_schema_fixture.py N

creates tests/fixtures/journal_vN/ (journal.keys + journal.db, passphrase
FIXTURE_PASSPHRASE, cheap KDF) with sample records for every table that
exists at N. Run it once when a migration N+1 is added and commit the
folder: tests/test_migrations.py then opens it with the current code, which
must migrate it and keep every record. Never regenerate an old fixture
after its version has shipped.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from journal.storage import migrations  # noqa: E402
from journal.storage.keyslots import KdfParams  # noqa: E402

FIXTURE_PASSPHRASE = "fixture passphrase"
FIXTURE_KDF = KdfParams(memory_kib=8192, iterations=1, lanes=1)


def populate_v1(journal) -> None:
    e = journal.entries.add(title="Задержание у метро", body="Трое задержаны", occurred_at="2024-03-05T14:10+03:00",
                            occurred_tz="Europe/Moscow", place="Москва", latitude=55.75, longitude=37.61,
                            category="detention", tags=["протест", "ОВД"], source="witnessed")
    journal.entries.update(e.uuid, body="Четверо задержаны", status="final")
    journal.entries.add(title="Повістка", body="Вручили повістку біля метро", occurred_at="2024-04-01",
                        category="mobilization", tags=["ТЦК"])
    gone = journal.entries.add(title="In the trash", body="deleted")
    journal.entries.move_to_trash(gone.uuid)


def populate_v2(journal) -> None:
    """People, a link and a contact-log record (schema 2)."""
    mother = journal.people.add(name="Мария Иванова", aliases=["мама Ивана"], roles=["relative"],
                                phones=["+7 900 000-00-00"])
    journal.people.add(name="Secret Witness", roles=["witness"], sensitive=True)
    entry = journal.queries.search("задержаны")[0]
    journal.people.link(entry.uuid, mother.uuid, "relative")
    journal.contact_log.add(people=[mother.uuid], channel="call", direction="incoming",
                            summary="Сын в ОВД №5, адвоката не пускают", at="2024-03-05T16:00+03:00",
                            entries=[entry.uuid], follow_up_due="2024-03-06", follow_up_note="позвонить адвокату")


def populate_v3(journal) -> None:
    """An attachment (schema 3)."""
    entry = journal.queries.search("задержаны")[0]
    journal.attachments.add_bytes(entry.uuid, b"%PDF-1.4\nfixture protocol\n%%EOF\n", "protocol.pdf")


def populate_v4(journal) -> None:
    """A coordinator (schema 4; the identity is made by the migration itself)."""
    from journal.exchange.bundle.card import encode_card
    from journal.exchange.bundle.identity import Identity

    other = Identity.generate()
    journal.coordinators.add(encode_card("Fixture HQ", other.age_recipient, other.signing_public_key), verified=True)


def populate_v6(journal) -> None:
    """Detention form values on the Moscow entry (schema 6)."""
    entry = journal.queries.search("задержаны")[0]
    journal.forms.set_values(entry.uuid, "detention", {"police_unit": "ОВД «Тверской»", "lawyer_admitted": False})


def populate_v9(journal) -> None:
    """An attachment whose content spans several stored chunks (small chunks keep the fixture
    small): the last schema to store attachment content as chunk rows inside the database."""
    from journal.records.attachments import AttachmentStore

    entry = journal.queries.search("задержаны")[0]
    content = "".join(f"line {n}: протокол задержания\n" for n in range(40)).encode()
    AttachmentStore(journal.db, journal.blob_files, chunk_size=256).add_bytes(entry.uuid, content, "protocol-multi.txt")


def populate_v13(journal) -> None:
    """A small photo with GPS: its cleaned copy's hash and size are recorded (schema 13)."""
    import io

    from PIL import Image

    exif = Image.Exif()
    exif[0x0110] = "Fixture Camera"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (55.0, 45.0, 0.0), "E", (37.0, 36.0, 0.0)
    out = io.BytesIO()
    Image.new("RGB", (32, 24), "gray").save(out, "JPEG", quality=80, exif=exif.tobytes())
    entry = journal.queries.search("задержаны")[0]
    journal.attachments.add_bytes(entry.uuid, out.getvalue(), "photo-gps.jpg")


POPULATE = {1: populate_v1, 2: populate_v2, 3: populate_v3, 4: populate_v4, 6: populate_v6, 9: populate_v9,
            13: populate_v13}


def make(version: int, out_dir: Path) -> None:
    import journal.storage.migrations as mig
    from journal.storage.vault import Journal

    original = mig.latest_version
    mig.latest_version = lambda: version  # create the journal exactly at `version`
    try:
        if out_dir.exists():
            shutil.rmtree(out_dir)
        created = Journal.create(out_dir, FIXTURE_PASSPHRASE, f"fixture v{version}", kdf=FIXTURE_KDF)
    finally:
        mig.latest_version = original
    journal = created.journal
    assert migrations.schema_version(journal.db.conn) == version
    for step in sorted(POPULATE):
        if step <= version:
            POPULATE[step](journal)
    journal.close()
    (out_dir / "journal.lock").unlink(missing_ok=True)


if __name__ == "__main__":
    for n in map(int, sys.argv[1:]):
        make(n, ROOT / "tests" / "fixtures" / f"journal_v{n}")
        print(f"wrote tests/fixtures/journal_v{n}")
