"""manifest.json: building it deterministically and parsing it strictly."""

from __future__ import annotations

import base64
import binascii
import json
import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from journal.exchange.bundle.card import fingerprint, has_control_characters, validate_age_recipient
from journal.exchange.bundle.errors import BundleRejected, CardError
from journal.exchange.bundle.names import is_content_member
from journal.i18n import _

FORMAT_NAME = "incident-journal-bundle"
#: Version 2 puts the signed manifest FIRST, so a reader checks the signature before any
#: content; version 1 (manifest last) is still read (docs/bundle-format.md).
FORMAT_VERSION = 2
SUPPORTED_VERSIONS = (1, 2)
_HEX64 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True, slots=True)
class MemberDigest:
    """One manifest row."""

    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Sender:
    """Who signed the bundle, as claimed by the manifest (verified by the signature)."""

    display_name: str
    ed25519_public_key: bytes
    age_recipient: str

    @property
    def fingerprint(self) -> str:
        """Fingerprint to compare with the sender's card."""
        return fingerprint(self.age_recipient, self.ed25519_public_key)


@dataclass(frozen=True)
class Manifest:
    """A bundle's manifest (the parsed form of manifest.json)."""

    bundle_id: str
    created_at: str
    sender: Sender
    members: tuple[MemberDigest, ...] = field(default_factory=tuple)
    version: int = FORMAT_VERSION


def format_timestamp(moment: datetime) -> str:
    """ISO 8601 UTC with a Z, second precision: the form used in manifests."""
    if moment.tzinfo is None:
        raise ValueError("created_at must be timezone-aware")
    return (
        moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    )


def serialize_manifest(manifest: Manifest) -> bytes:
    """Deterministic bytes: sorted keys, compact separators, UTF-8 without ASCII escaping."""
    body = {
        "format": FORMAT_NAME,
        "version": manifest.version,
        "bundle_id": manifest.bundle_id,
        "created_at": manifest.created_at,
        "sender": {
            "display_name": manifest.sender.display_name,
            "ed25519_public_key": base64.b64encode(
                manifest.sender.ed25519_public_key
            ).decode("ascii"),
            "age_recipient": manifest.sender.age_recipient,
        },
        "members": [
            {"path": m.path, "size": m.size, "sha256": m.sha256}
            for m in manifest.members
        ],
    }
    return json.dumps(
        body, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def strict_json_loads(text: str) -> Any:
    """json.loads that refuses duplicate keys and NaN/Infinity."""
    return json.loads(
        text, object_pairs_hook=_reject_duplicate_keys, parse_constant=_reject_constant
    )


_ROW_KEYS = ["path", "sha256", "size"]


def _manifest_object(pairs: list[tuple[str, Any]]) -> Any:
    """object_pairs_hook of the manifest: a member row becomes a MemberDigest right away
    (validated afterwards), so 100,000 rows are not also 100,000 dicts while parsing."""
    if len(pairs) == 3 and sorted(key for key, _value in pairs) == _ROW_KEYS:
        row = dict(pairs)
        return MemberDigest(row["path"], row["size"], row["sha256"])
    return _reject_duplicate_keys(pairs)


def _require(condition: bool, what: str) -> None:
    if not condition:
        raise BundleRejected(_("manifest is malformed ({what})").format(what=what))


def parse_manifest(data: bytes) -> Manifest:
    """Parse manifest.json strictly; BundleRejected with the first problem found.

    Checks format name and version first, so a newer bundle says "unsupported format version N".
    """
    try:
        body = json.loads(data.decode("utf-8"), object_pairs_hook=_manifest_object,
                          parse_constant=_reject_constant)
    except UnicodeDecodeError as exc:
        raise BundleRejected(_("invalid UTF-8 in manifest.json")) from exc
    except (ValueError, RecursionError) as exc:
        raise BundleRejected(_("invalid JSON in manifest.json")) from exc
    _require(isinstance(body, dict), "not an object")
    if body.get("format") != FORMAT_NAME:
        raise BundleRejected(_("not an incident journal bundle"))
    version = body.get("version")
    if version not in SUPPORTED_VERSIONS or isinstance(version, bool):
        shown = (
            version
            if isinstance(version, (int, str)) and len(str(version)) < 20
            else "?"
        )
        raise BundleRejected(_("unsupported format version {shown}").format(shown=shown))
    _require(isinstance(body.get("bundle_id"), str), "bundle_id")
    try:
        bundle_id = str(uuid.UUID(body["bundle_id"]))
    except ValueError as exc:
        raise BundleRejected(_("manifest is malformed (bundle_id)")) from exc
    created_at = body.get("created_at")
    _require(isinstance(created_at, str), "created_at")
    try:
        parsed_time = datetime.fromisoformat(created_at)
    except ValueError as exc:
        raise BundleRejected(_("manifest is malformed (created_at)")) from exc
    _require(parsed_time.tzinfo is not None, "created_at has no time zone")

    sender = body.get("sender")
    _require(isinstance(sender, dict), "sender")
    name, key_b64, recipient = (
        sender.get(k) for k in ("display_name", "ed25519_public_key", "age_recipient")
    )
    _require(isinstance(name, str) and 0 < len(name) <= 1000, "sender display_name")
    if has_control_characters(name):
        raise BundleRejected(_("the sender's name contains control or text-direction characters"))
    _require(isinstance(key_b64, str) and isinstance(recipient, str), "sender keys")
    try:
        key = base64.b64decode(key_b64, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise BundleRejected(
            _("manifest is malformed (sender ed25519_public_key)")
        ) from exc
    _require(len(key) == 32, "sender ed25519_public_key length")
    try:
        validate_age_recipient(recipient)
    except CardError as exc:
        raise BundleRejected(_("manifest is malformed (sender age_recipient)")) from exc

    rows = body.get("members")
    _require(isinstance(rows, list), "members")
    members: list[MemberDigest] = []
    seen: set[str] = set()
    for row in rows:
        _require(isinstance(row, MemberDigest), "member row")
        path, size, digest = row.path, row.size, row.sha256
        _require(isinstance(path, str) and is_content_member(path), "member path")
        _require(
            isinstance(size, int) and not isinstance(size, bool) and size >= 0,
            "member size",
        )
        _require(
            isinstance(digest, str) and _HEX64.fullmatch(digest) is not None,
            "member sha256",
        )
        _require(path not in seen, f"member listed twice: {path}")
        seen.add(path)
        members.append(row)
    return Manifest(bundle_id, created_at, Sender(name, key, recipient), tuple(members), version)
