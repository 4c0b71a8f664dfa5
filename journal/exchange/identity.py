"""The journal's own identity (keys for bundles) and the coordinators it sends to.

The identity row is created by migration 4 (for new and for existing journals), so
every unlocked journal has exactly one. Coordinators come from their contact cards;
"verified" records that the fingerprint was compared aloud or in person.
"""

from __future__ import annotations

import json
import os
import uuid as uuidlib
from dataclasses import dataclass
from pathlib import Path

from journal.exchange.bundle import Card, Identity, card_qr_png, decode_card, encode_card
from journal.storage.atomic import atomic_output
from journal.exchange.bundle.card import MAX_CARD_LENGTH, MAX_NAME_LENGTH
from journal.storage.db import Database
from journal.errors import InvalidInput, NotFound
from journal.timeutil import utc_now_iso
from journal.i18n import _
from journal.records.ids import unique_prefix_rows

DEFAULT_DISPLAY_NAME = "Incident Journal"
AGE_KEY_WARNING = (
    "This file holds the journal's secret age key in plain text: anyone who has it can read "
    "every bundle sent to this journal. Keep it on encrypted storage and delete it when done."
)


def checked_display_name(name: str) -> str:
    """The public card name with runs of white space collapsed (InvalidInput if empty or too long)."""
    name = " ".join(str(name).split())
    if not name or len(name) > MAX_NAME_LENGTH:
        raise InvalidInput(_("A display name needs 1 to {max_name_length} characters.").format(max_name_length=MAX_NAME_LENGTH))
    return name


class IdentityStore:
    """Read the journal's identity and the public name it shows on cards and bundles.

    The public name is separate from the journal's private name (which stays inside the
    encryption): until the person chooses one, cards and bundles say DEFAULT_DISPLAY_NAME.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self._cached: Identity | None = None

    def get(self) -> Identity:
        """The journal's Identity (secret keys included: keep it in memory only)."""
        if self._cached is None:
            row = self.db.query_one("SELECT secrets FROM identity WHERE id = 1")
            if row is None:
                raise NotFound(_("This journal has no identity yet; unlock it once with this version."))
            self._cached = Identity.from_secrets(json.loads(row[0]))
        return self._cached

    def check(self) -> list[str]:
        """For `journal verify`: the identity can be read (reported, not raised)."""
        try:
            self.get()
        except Exception as exc:  # noqa: BLE001 - reported, not raised, by `journal verify`
            return [f"identity: {exc}"]
        return []

    @property
    def display_name(self) -> str:
        """The public name on this journal's card and bundles (never the private journal name)."""
        row = self.db.query_one("SELECT display_name FROM identity WHERE id = 1")
        return (row[0] if row else "") or DEFAULT_DISPLAY_NAME

    @property
    def display_name_chosen(self) -> bool:
        """Whether the person has chosen the public name (else the card says DEFAULT_DISPLAY_NAME)."""
        row = self.db.query_one("SELECT display_name FROM identity WHERE id = 1")
        return bool(row and row[0])

    def set_display_name(self, name: str) -> None:
        """Change the public name on cards and bundles (the keys, and so the fingerprint, stay)."""
        name = checked_display_name(name)
        with self.db.transaction() as db:
            db.execute("UPDATE identity SET display_name = ? WHERE id = 1", (name,))

    @property
    def age_recipient(self) -> str:
        return self.get().age_recipient

    @property
    def fingerprint(self) -> str:
        return self.get().fingerprint

    def card_text(self) -> str:
        """This journal's contact card line (``ijcard1:…``)."""
        identity = self.get()
        return encode_card(self.display_name, identity.age_recipient, identity.signing_public_key)

    def write_card_qr(self, path: str | os.PathLike[str]) -> None:
        """The card as a QR code PNG (written atomically)."""
        card_qr_png(self.card_text(), path)

    def export_age_key(self, path: str | os.PathLike[str]) -> str:
        """Write the age identity in `age -d -i FILE` format (0600, atomic). Returns the warning."""
        target = Path(path)
        if target.is_dir():
            raise InvalidInput(_("{target} is a folder; give a file name.").format(target=target))
        try:
            with atomic_output(target) as handle:
                handle.write(self.get().age_identity_file_text().encode("ascii"))
        except OSError as exc:
            raise InvalidInput(_("Could not write {target}: {value}.").format(target=target, value=exc.strerror or exc)) from None
        return AGE_KEY_WARNING


@dataclass(frozen=True)
class Coordinator:
    """Someone this journal sends bundles to."""

    id: int
    uuid: str
    display_name: str
    age_recipient: str
    ed25519_public_key: bytes
    fingerprint: str
    verified: bool
    added_at: str
    card: str
    removed_at: str | None

    def as_json(self) -> dict:
        return {
            "id": self.uuid, "name": self.display_name, "age_recipient": self.age_recipient,
            "fingerprint": self.fingerprint, "verified": self.verified, "added_at": self.added_at,
            "removed": self.removed_at is not None,
        }


_COLUMNS = ("id, uuid, display_name, age_recipient, ed25519_public_key, fingerprint, verified, "
            "added_at, card, removed_at")


def read_card_argument(text_or_path: str) -> Card:
    """A card given as its text or as the path of a `.ijcard` file (CardError if neither)."""
    candidate = str(text_or_path).strip()
    if not candidate.lower().startswith("ijcard") and len(candidate) < 4096:
        path = Path(candidate)
        try:
            if path.is_file():
                with open(path, "rb") as handle:
                    data = handle.read(MAX_CARD_LENGTH + 1)
                candidate = data.decode("utf-8", errors="replace")
        except OSError:
            pass
    return decode_card(candidate)


class CoordinatorStore:
    """Coordinators added from contact cards."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def _from_row(self, row) -> Coordinator:
        (id_, uuid, name, age, ed, fp, verified, added, card, removed) = row
        return Coordinator(id_, uuid, name, age, bytes(ed), fp, bool(verified), added, card, removed)

    def add(self, card: Card | str, *, verified: bool = False, name: str | None = None) -> Coordinator:
        """Add a coordinator from a card (object, text or .ijcard path). Re-adding a removed
        one brings it back; adding one that is already there raises InvalidInput."""
        if not isinstance(card, Card):
            card = read_card_argument(card)
        display = " ".join((name or card.name).split())
        if not display or len(display) > MAX_NAME_LENGTH:
            raise InvalidInput(_("A coordinator's name needs 1 to {max_name_length} characters.").format(max_name_length=MAX_NAME_LENGTH))
        fp = card.fingerprint
        with self.db.transaction() as db:
            active = db.query_one(f"SELECT {_COLUMNS} FROM coordinators WHERE fingerprint = ? "
                                  "AND removed_at IS NULL", (fp,))
            if active is not None:
                raise InvalidInput(_("This coordinator is already in the list as “{active}”.").format(active=active[2]))
            removed = db.query_one(f"SELECT {_COLUMNS} FROM coordinators WHERE fingerprint = ? "
                                   "ORDER BY id DESC LIMIT 1", (fp,))
            if removed is not None:
                db.execute("UPDATE coordinators SET removed_at = NULL, display_name = ?, verified = ?, "
                           "card = ? WHERE id = ?", (display, int(verified), card.text, removed[0]))
                return self.get(removed[1])
            coordinator_uuid = str(uuidlib.uuid4())
            db.execute(
                "INSERT INTO coordinators (uuid, display_name, age_recipient, ed25519_public_key, "
                "fingerprint, verified, added_at, card) VALUES (?,?,?,?,?,?,?,?)",
                (coordinator_uuid, display, card.age_recipient, card.ed25519_public_key, fp,
                 int(verified), utc_now_iso(), card.text),
            )
        return self.get(coordinator_uuid)

    def list(self, include_removed: bool = False) -> list[Coordinator]:
        where = "" if include_removed else "WHERE removed_at IS NULL"
        rows = self.db.query(f"SELECT {_COLUMNS} FROM coordinators {where} "
                             "ORDER BY display_name COLLATE NOCASE, id")
        return [self._from_row(r) for r in rows]

    def get(self, ref: str, *, include_removed: bool = True) -> Coordinator:
        """By uuid, unique uuid prefix (journal/records/ids.py), fingerprint, or exact name (if unique)."""
        key = " ".join(str(ref).split())
        removed = "" if include_removed else " AND removed_at IS NULL"
        rows = self.db.query(f"SELECT {_COLUMNS} FROM coordinators WHERE uuid = ?{removed}", (key,))
        if not rows:
            rows = unique_prefix_rows(self.db, f"SELECT {_COLUMNS} FROM coordinators WHERE uuid LIKE ?{removed}", key)
        if not rows:
            rows = self.db.query(f"SELECT {_COLUMNS} FROM coordinators WHERE fingerprint = ? "
                                 f"AND removed_at IS NULL", (key.lower(),))
        if not rows:
            rows = self.db.query(f"SELECT {_COLUMNS} FROM coordinators WHERE display_name = ? "
                                 "COLLATE NOCASE AND removed_at IS NULL LIMIT 2", (key,))
        if len(rows) > 1:
            raise InvalidInput(_("More than one coordinator matches “{ref}”; use the id.").format(ref=ref))
        if not rows:
            raise NotFound(_("No coordinator “{ref}”. See `journal coordinator list`.").format(ref=ref))
        return self._from_row(rows[0])

    def active(self, ref: str) -> Coordinator:
        """Like get(), but a removed coordinator is an error (nothing is sent to them)."""
        coordinator = self.get(ref)
        if coordinator.removed_at is not None:
            raise InvalidInput(_("{display_name} was removed; add their card again first.").format(display_name=coordinator.display_name))
        return coordinator

    def remove(self, ref: str) -> Coordinator:
        coordinator = self.active(ref)
        with self.db.transaction() as db:
            db.execute("UPDATE coordinators SET removed_at = ? WHERE id = ?", (utc_now_iso(), coordinator.id))
        return self.get(coordinator.uuid)

    def set_verified(self, ref: str, verified: bool = True) -> Coordinator:
        coordinator = self.active(ref)
        with self.db.transaction() as db:
            db.execute("UPDATE coordinators SET verified = ? WHERE id = ?", (int(verified), coordinator.id))
        return self.get(coordinator.uuid)

    def rename(self, ref: str, name: str) -> Coordinator:
        coordinator = self.active(ref)
        name = " ".join(str(name).split())
        if not name or len(name) > MAX_NAME_LENGTH:
            raise InvalidInput(_("A coordinator's name needs 1 to {max_name_length} characters.").format(max_name_length=MAX_NAME_LENGTH))
        with self.db.transaction() as db:
            db.execute("UPDATE coordinators SET display_name = ? WHERE id = ?", (name, coordinator.id))
        return self.get(coordinator.uuid)
