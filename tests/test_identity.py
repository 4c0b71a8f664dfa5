"""The journal's identity (created with the journal and by migration 4) and its coordinators."""

from __future__ import annotations

import json
import uuid

import pytest

from journal.storage import migrations
from journal.exchange.bundle import CardError, Identity, decode_card, encode_card
from journal.storage.db import apply_pragmas, connect
from journal.errors import InvalidInput, NotFound
from journal.storage.paths import journal_files
from journal.storage.vault import Journal
from journal.exchange.identity import DEFAULT_DISPLAY_NAME
from tests.conftest import FAST_KDF, PASSPHRASE


def test_identity_is_created_with_the_journal_and_kept(created, data_dir):
    journal = created.journal
    identity = journal.identity.get()
    assert identity.age_recipient.startswith("age1")
    card = decode_card(journal.identity.card_text())
    # The private journal name never reaches the card: a neutral name until one is chosen.
    assert card.name == DEFAULT_DISPLAY_NAME and "Test journal" not in journal.identity.card_text()
    assert not journal.identity.display_name_chosen
    assert card.age_recipient == identity.age_recipient
    assert card.ed25519_public_key == identity.signing_public_key
    assert card.fingerprint == journal.identity.fingerprint
    fingerprint = journal.identity.fingerprint
    journal.close()
    again = Journal.open(data_dir, PASSPHRASE)
    try:
        assert again.identity.fingerprint == fingerprint
        assert again.verify() == []
    finally:
        again.close()


def test_identity_secrets_are_never_in_repr(journal):
    assert "AGE-SECRET-KEY" not in repr(journal.identity.get())


def test_display_name_on_card_can_change_without_changing_keys(journal):
    before = journal.identity.fingerprint
    journal.identity.set_display_name("  Olena   K. ")
    assert decode_card(journal.identity.card_text()).name == "Olena K."
    assert journal.identity.display_name_chosen
    assert journal.identity.fingerprint == before
    with pytest.raises(InvalidInput):
        journal.identity.set_display_name("   ")


def test_migration_gives_an_existing_journal_an_identity(tmp_path):
    """A journal at schema 3 (before identities) gets one when opened by this version."""
    folder = tmp_path / "old"
    folder.mkdir()
    key = bytes(range(32))
    conn = connect(journal_files(folder)["db"], key, create=True)
    apply_pragmas(conn)
    migrations.migrate(conn, target=3)
    conn.execute("INSERT INTO meta (key, value) VALUES ('name', 'Old journal')")
    assert not conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'identity'").fetchone()[0]
    conn.close()
    journal = Journal.open_with_key(folder, key)
    try:
        assert migrations.schema_version(journal.db.conn) == migrations.latest_version()
        row = journal.db.query_one("SELECT secrets FROM identity")
        assert Identity.from_secrets(json.loads(row[0])).fingerprint == journal.identity.fingerprint
        assert decode_card(journal.identity.card_text()).name == DEFAULT_DISPLAY_NAME
    finally:
        journal.close()


def test_card_name_is_chosen_apart_from_the_private_journal_name(tmp_path):
    journal = Journal.create(tmp_path / "j", PASSPHRASE, "Moscow – private notes", kdf=FAST_KDF,
                             card_name="  Field  team 3 ").journal
    try:
        assert journal.name == "Moscow – private notes"
        assert journal.identity.display_name == "Field team 3" and journal.identity.display_name_chosen
        assert "Moscow" not in journal.identity.card_text()
    finally:
        journal.close()
    with pytest.raises(InvalidInput):
        Journal.create(tmp_path / "k", PASSPHRASE, "x", kdf=FAST_KDF, card_name="x" * 500)
    assert not (tmp_path / "k" / "journal.keys").exists()


def test_two_journals_have_different_identities(tmp_path):
    a = Journal.create(tmp_path / "a", PASSPHRASE, "A", kdf=FAST_KDF).journal
    b = Journal.create(tmp_path / "b", PASSPHRASE, "B", kdf=FAST_KDF).journal
    try:
        assert a.identity.fingerprint != b.identity.fingerprint
    finally:
        a.close()
        b.close()


def test_export_age_key_is_private_and_atomic(journal, tmp_path):
    target = tmp_path / "key.txt"
    warning = journal.identity.export_age_key(target)
    assert "secret" in warning
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    text = target.read_text()
    assert text.splitlines()[1] == f"# public key: {journal.identity.age_recipient}"
    assert text.splitlines()[2].startswith("AGE-SECRET-KEY-1")
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]
    with pytest.raises(InvalidInput):
        journal.identity.export_age_key(tmp_path)


def test_card_qr_png(journal, tmp_path):
    journal.identity.write_card_qr(tmp_path / "card.png")
    assert (tmp_path / "card.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# --- coordinators -------------------------------------------------------------------------------
def other_card(name: str = "Coordinator Кира") -> str:
    identity = Identity.generate()
    return encode_card(name, identity.age_recipient, identity.signing_public_key)


def test_add_list_rename_verify_remove_and_readd(journal, tmp_path):
    card = other_card()
    added = journal.coordinators.add(card)
    assert added.display_name == "Coordinator Кира" and not added.verified
    assert added.fingerprint == decode_card(card).fingerprint
    assert [c.uuid for c in journal.coordinators.list()] == [added.uuid]
    with pytest.raises(InvalidInput, match="already"):
        journal.coordinators.add(card)
    assert journal.coordinators.set_verified(added.uuid[:8]).verified
    assert journal.coordinators.rename("Coordinator Кира", "Kira").display_name == "Kira"
    assert journal.coordinators.get(added.fingerprint).uuid == added.uuid
    removed = journal.coordinators.remove("Kira")
    assert removed.removed_at is not None and journal.coordinators.list() == []
    assert len(journal.coordinators.list(include_removed=True)) == 1
    with pytest.raises(InvalidInput, match="removed"):
        journal.coordinators.active(added.uuid)
    back = journal.coordinators.add(card, verified=True)
    assert back.uuid == added.uuid and back.removed_at is None and back.verified
    with pytest.raises(NotFound):
        journal.coordinators.get(str(uuid.uuid4()))


def test_add_from_a_card_file_with_line_breaks(journal, tmp_path):
    card = other_card("File card")
    path = tmp_path / "kira.ijcard"
    path.write_text(card[:40] + "\n  " + card[40:] + "\n")
    assert journal.coordinators.add(str(path)).display_name == "File card"


@pytest.mark.parametrize("text, message", [
    ("hello", "not a contact card"),
    ("ijcard1:!!!", "damaged"),
    ("ijcard2:abc", "newer version"),
])
def test_malformed_cards_give_clear_errors(journal, text, message):
    with pytest.raises(CardError, match=message):
        journal.coordinators.add(text)
    assert journal.coordinators.list(include_removed=True) == []


def test_tampered_card_is_refused(journal):
    import base64

    card = other_card("Honest")
    raw = json.loads(base64.urlsafe_b64decode(card[8:] + "=" * (-len(card[8:]) % 4)))
    raw["name"] = "Impostor"
    forged = "ijcard1:" + base64.urlsafe_b64encode(
        json.dumps(raw, sort_keys=True, separators=(",", ":")).encode()).decode().rstrip("=")
    with pytest.raises(CardError, match="altered or mistyped"):
        journal.coordinators.add(forged)
