"""The JSONL records inside a bundle: one builder per kind (export) and strict validators (import).

See docs/formats-records.md for every field with an example. Choices worth knowing:

- An entry travels as its **current** revision only (content, revision number, its hash and
  the previous revision's hash), never its older revisions: wording a documenter removed
  from an entry (a name, an address) must not leave the laptop in the history.
  ``revision_hash == chain_hash(prev_hash, canonical_json(content))`` lets the coordinator
  check the record, and the revision number orders versions: a higher number updates, an
  equal or lower one is ignored.
- People and the contact log refer to a person by ``ref``: the uuid, or for a sensitive
  person the pseudonym alone (journal.people.bundle_person_ref), so nothing ties the
  pseudonym to a name, phone or handle.
"""

from __future__ import annotations

import re
import uuid as uuidlib
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any, Literal, overload

from journal.records.entries import CONTENT_FIELDS as ENTRY_CONTENT_FIELDS
from journal.records.entries import Entry
from journal.records.revisions import canonical_json, chain_hash
from journal.errors import JournalError
from journal.records.people import Person, bundle_person_ref, bundle_record
from journal.records.people_validation import CHANNELS, DIRECTIONS, LINK_ROLES, PERSON_ROLES
from journal.i18n import _
from journal.exchange.bundle.card import has_control_characters

RECORD_VERSION = 1
_HEX64 = re.compile(r"[0-9a-f]{64}")
_PSEUDONYM = re.compile(r"person-[0-9a-f]{8}")
MAX_LIST = 10_000


class RecordInvalid(JournalError):
    """A JSONL record in a bundle does not follow the format; str() says what is wrong."""


# --- export: building records ------------------------------------------------------------------
@dataclass(frozen=True)
class AttachmentRef:
    """An attachment as an entry record lists it (the bytes travel as attachments/<sha256>)."""

    sha256: str
    size: int
    file_name: str
    media_type: str
    stripped: bool
    position: int

    def as_json(self) -> dict[str, Any]:
        return {"sha256": self.sha256, "size": self.size, "file_name": self.file_name,
                "media_type": self.media_type, "stripped": self.stripped, "position": self.position}


def entry_record(entry: Entry, prev_hash: str, *, category_label: str | None,
                 people: list[tuple[Person, str]], attachments: list[AttachmentRef],
                 attachments_omitted: int = 0) -> dict[str, Any]:
    """entries.jsonl line for one entry at its current revision."""
    return {
        "v": RECORD_VERSION,
        "uuid": entry.uuid,
        "revision": entry.revision,
        "revision_hash": entry.revision_hash,
        "prev_hash": prev_hash,
        "recorded_at": entry.recorded_at,
        "updated_at": entry.updated_at,
        "content": entry.content(),
        "category_label": category_label,
        "people": [{"ref": bundle_person_ref(person), "role": role} for person, role in people],
        "attachments": [a.as_json() for a in attachments],
        "attachments_omitted": attachments_omitted,
    }


def person_record(person: Person, *, omit_contact_details: bool = False) -> dict[str, Any]:
    """contacts.jsonl line. A sensitive person is only {ref, pseudonym, sensitive, roles}."""
    base = bundle_record(person, include_phones=not omit_contact_details,
                         include_handles=not omit_contact_details)
    if person.sensitive:
        return {"v": RECORD_VERSION, "ref": person.pseudonym, "pseudonym": person.pseudonym,
                "sensitive": True, "roles": list(base.get("roles", []))}
    base.pop("merged_from", None)  # the sender's own bookkeeping: other uuids of this person
    return {"v": RECORD_VERSION, "ref": person.uuid, "revision": person.revision, **base}


def contact_log_record(log, refs: dict[str | None, str], entry_uuids: list[str]) -> dict[str, Any]:
    """contact_log.jsonl line. ``refs`` maps a participant's uuid to its bundle ref; deleted
    participants (uuid None) and people not in ``refs`` are left out."""
    people = [refs[p.uuid] for p in log.people if p.uuid in refs]
    return {
        "v": RECORD_VERSION, "uuid": log.uuid, "at": log.at, "tz": log.tz, "channel": log.channel,
        "direction": log.direction, "summary": log.summary, "people": people, "entries": entry_uuids,
        "follow_up_due": log.follow_up_due, "follow_up_note": log.follow_up_note,
        "follow_up_done_at": log.follow_up_done_at, "recorded_at": log.recorded_at,
        "updated_at": log.updated_at,
    }


# --- import: strict validation ---------------------------------------------------------------
def _keys(obj: dict, required: AbstractSet[str], optional: AbstractSet[str] = frozenset()) -> None:
    missing = required - set(obj)
    if missing:
        raise RecordInvalid(_("missing field(s) {missing}").format(missing=', '.join(sorted(missing))))
    unknown = set(obj) - required - set(optional)
    if unknown:
        raise RecordInvalid(_("unknown field(s) {unknown}").format(unknown=', '.join(sorted(unknown)[:5])))


@overload
def _str(value: Any, what: str, *, max_len: int = ..., nullable: Literal[False] = ...) -> str: ...
@overload
def _str(value: Any, what: str, *, max_len: int = ..., nullable: bool) -> str | None: ...
def _str(value: Any, what: str, *, max_len: int = 1_000_000, nullable: bool = False) -> str | None:
    if value is None and nullable:
        return None
    if not isinstance(value, str):
        raise RecordInvalid(_("{what} must be text").format(what=what))
    if len(value) > max_len or "\x00" in value:
        raise RecordInvalid(_("{what} is too long or holds a NUL character").format(what=what))
    return value


@overload
def _label(value: Any, what: str, *, max_len: int, nullable: Literal[False] = ...) -> str: ...
@overload
def _label(value: Any, what: str, *, max_len: int, nullable: bool) -> str | None: ...
def _label(value: Any, what: str, *, max_len: int, nullable: bool = False) -> str | None:
    """A name-like text (a category, a tag): no control or text-direction characters, which
    would otherwise reach terminals and lists (the rule of card names, bundle/card.py)."""
    text = _str(value, what, max_len=max_len, nullable=nullable)
    if text is not None and has_control_characters(text):
        raise RecordInvalid(_("{what} contains control or text-direction characters").format(what=what))
    return text


def _int(value: Any, what: str, low: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise RecordInvalid(_("{what} must be a whole number ≥ {low}").format(what=what, low=low))
    return value


def _uuid(value: Any, what: str) -> str:
    text = _str(value, what, max_len=64)
    try:
        if str(uuidlib.UUID(text)) != text:
            raise ValueError
    except ValueError:
        raise RecordInvalid(_("{what} is not a uuid").format(what=what)) from None
    return text


def _hex64(value: Any, what: str) -> str:
    if not isinstance(value, str) or not _HEX64.fullmatch(value):
        raise RecordInvalid(_("{what} must be 64 lower-case hex digits").format(what=what))
    return value


def _list(value: Any, what: str) -> list:
    if not isinstance(value, list) or len(value) > MAX_LIST:
        raise RecordInvalid(_("{what} must be a list").format(what=what))
    return value


def _ref(value: Any, what: str) -> str:
    """A person reference: a uuid, or a pseudonym person-xxxxxxxx."""
    if isinstance(value, str) and _PSEUDONYM.fullmatch(value):
        return value
    return _uuid(value, what)


@dataclass(frozen=True)
class EntryIn:
    uuid: str
    revision: int
    revision_hash: str
    prev_hash: str
    recorded_at: str
    content: dict[str, Any]
    category_label: str | None
    people: list[tuple[str, str]]
    attachments: list[AttachmentRef]


def validate_entry(obj: dict[str, Any]) -> EntryIn:
    """Check an entries.jsonl object strictly; RecordInvalid says what is wrong."""
    _keys(obj, {"v", "uuid", "revision", "revision_hash", "prev_hash", "recorded_at", "content"},
          {"updated_at", "category_label", "people", "attachments", "attachments_omitted"})
    if obj["v"] != RECORD_VERSION:
        raise RecordInvalid(_("unsupported record version {obj!r}").format(obj=obj['v']))
    entry_uuid = _uuid(obj["uuid"], "uuid")
    revision = _int(obj["revision"], "revision", 1)
    revision_hash = _hex64(obj["revision_hash"], "revision_hash")
    prev_hash = _hex64(obj["prev_hash"], "prev_hash")
    recorded_at = _str(obj["recorded_at"], "recorded_at", max_len=64)
    _str(obj.get("updated_at", ""), "updated_at", max_len=64)
    content = obj["content"]
    if not isinstance(content, dict):
        raise RecordInvalid(_("content must be an object"))
    _keys(content, set(ENTRY_CONTENT_FIELDS))
    if content["uuid"] != entry_uuid:
        raise RecordInvalid(_("content.uuid differs from uuid"))
    for name in ("title", "body", "place"):
        _str(content[name], f"content.{name}")
    for name in ("occurred_at", "occurred_tz", "occurred_end", "category", "source"):
        _str(content[name], f"content.{name}", max_len=1000, nullable=True)
    _str(content["status"], "content.status", max_len=20)
    for name in ("latitude", "longitude"):
        value = content[name]
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
            raise RecordInvalid(_("content.{name} must be a number").format(name=name))
    for tag in _list(content["tags"], "content.tags"):
        _label(tag, "a tag", max_len=1000)
    _label(content["category"], "content.category", max_len=1000, nullable=True)
    try:
        canonical = canonical_json(content)
    except ValueError:
        raise RecordInvalid(_("content cannot be serialized")) from None
    if chain_hash(prev_hash, canonical) != revision_hash:
        raise RecordInvalid(_("revision_hash does not match the content"))
    label = _label(obj.get("category_label"), "category_label", max_len=200, nullable=True)
    people = []
    for link in _list(obj.get("people", []), "people"):
        if not isinstance(link, dict):
            raise RecordInvalid(_("people must hold objects"))
        _keys(link, {"ref", "role"})
        role = _str(link["role"], "people.role", max_len=50)
        if role not in LINK_ROLES:
            raise RecordInvalid(_("unknown role {role!r}").format(role=role[:50]))
        people.append((_ref(link["ref"], "people.ref"), role))
    attachments = []
    for item in _list(obj.get("attachments", []), "attachments"):
        if not isinstance(item, dict):
            raise RecordInvalid(_("attachments must hold objects"))
        _keys(item, {"sha256", "size", "file_name"}, {"media_type", "stripped", "position"})
        stripped = item.get("stripped", False)
        if not isinstance(stripped, bool):
            raise RecordInvalid(_("attachments.stripped must be true or false"))
        attachments.append(AttachmentRef(
            _hex64(item["sha256"], "attachments.sha256"), _int(item["size"], "attachments.size"),
            _str(item["file_name"], "attachments.file_name", max_len=1000),
            _str(item.get("media_type", ""), "attachments.media_type", max_len=200), stripped,
            _int(item.get("position", 0), "attachments.position")))
    _int(obj.get("attachments_omitted", 0), "attachments_omitted")
    return EntryIn(entry_uuid, revision, revision_hash, prev_hash, recorded_at, content, label, people,
                   attachments)


@dataclass(frozen=True)
class PersonIn:
    ref: str
    sensitive: bool
    revision: int
    revision_hash: str
    fields: dict[str, Any]  # keyword arguments for PeopleStore.add / update


def validate_person(obj: dict[str, Any]) -> PersonIn:
    """Check a contacts.jsonl object strictly."""
    if obj.get("sensitive") is True:
        _keys(obj, {"v", "ref", "pseudonym", "sensitive", "roles"})
        if obj["v"] != RECORD_VERSION:
            raise RecordInvalid(_("unsupported record version {obj!r}").format(obj=obj['v']))
        pseudonym = obj["pseudonym"]
        if not isinstance(pseudonym, str) or not _PSEUDONYM.fullmatch(pseudonym) or obj["ref"] != pseudonym:
            raise RecordInvalid(_("a sensitive person needs a pseudonym person-xxxxxxxx as ref"))
        roles = [r for r in _list(obj["roles"], "roles") if isinstance(r, str) and r in PERSON_ROLES]
        # The pseudonym stands in as the name on the coordinator's side.
        return PersonIn(pseudonym, True, 0, "", {"display_name": pseudonym, "roles": roles,
                                                 "sensitive": True})
    _keys(obj, {"v", "ref", "uuid", "display_name", "sensitive", "revision", "revision_hash"},
          {"aliases", "roles", "phones", "handles", "organisation", "notes"})
    if obj["v"] != RECORD_VERSION:
        raise RecordInvalid(_("unsupported record version {obj!r}").format(obj=obj['v']))
    ref = _uuid(obj["ref"], "ref")
    if obj["uuid"] != ref or obj["sensitive"] is not False:
        raise RecordInvalid(_("uuid differs from ref, or sensitive is not false"))
    fields: dict[str, Any] = {"display_name": _str(obj["display_name"], "display_name", max_len=1000)}
    for name in ("aliases", "roles", "phones", "handles"):
        if name in obj:
            fields[name] = [_str(v, name, max_len=1000) for v in _list(obj[name], name)]
    for name in ("organisation", "notes"):
        if name in obj:
            fields[name] = _str(obj[name], name)
    return PersonIn(ref, False, _int(obj["revision"], "revision"),
                    _str(obj["revision_hash"], "revision_hash", max_len=64, nullable=True) or "", fields)


@dataclass(frozen=True)
class ContactLogIn:
    uuid: str
    updated_at: str
    people: list[str]
    entries: list[str]
    fields: dict[str, Any]  # keyword arguments for ContactLogStore.add (minus people/entries)
    follow_up_done: bool


def validate_contact_log(obj: dict[str, Any]) -> ContactLogIn:
    """Check a contact_log.jsonl object strictly."""
    _keys(obj, {"v", "uuid", "at", "channel", "direction", "people", "updated_at"},
          {"tz", "summary", "entries", "follow_up_due", "follow_up_note", "follow_up_done_at", "recorded_at"})
    if obj["v"] != RECORD_VERSION:
        raise RecordInvalid(_("unsupported record version {obj!r}").format(obj=obj['v']))
    channel = _str(obj["channel"], "channel", max_len=50)
    direction = _str(obj["direction"], "direction", max_len=50)
    if channel not in CHANNELS or direction not in DIRECTIONS:
        raise RecordInvalid(_("unknown channel or direction"))
    fields = {
        "at": _str(obj["at"], "at", max_len=64), "tz": _str(obj.get("tz"), "tz", max_len=100, nullable=True),
        "channel": channel, "direction": direction, "summary": _str(obj.get("summary", ""), "summary"),
        "follow_up_due": _str(obj.get("follow_up_due"), "follow_up_due", max_len=20, nullable=True),
        "follow_up_note": _str(obj.get("follow_up_note", ""), "follow_up_note") or "",
    }
    done = _str(obj.get("follow_up_done_at"), "follow_up_done_at", max_len=64, nullable=True)
    _str(obj.get("recorded_at", ""), "recorded_at", max_len=64)
    return ContactLogIn(
        _uuid(obj["uuid"], "uuid"), _str(obj["updated_at"], "updated_at", max_len=64),
        [_ref(r, "people") for r in _list(obj["people"], "people")],
        [_uuid(e, "entries") for e in _list(obj.get("entries", []), "entries")],
        fields, done is not None)
