"""Writing an evidence package (docs/evidence.md): originals, entries with their hash chains,
chain of custody, the signed bundle manifests, SHA256SUMS signed by the coordinator, VERIFY.txt
and a PDF summary.

Reads through a Journal or a JournalReader (a worker thread's own connection) and writes
nothing to the journal: ``record_export`` logs the finished package afterwards (a write).
Attachments stream from their encrypted store to the package one chunk at a time; a stripped
copy goes through an encrypted spool (journal.media.spool) so that a file that cannot be cleaned
leaves no partial copy. Memory stays flat whatever the size of the files.
"""

from __future__ import annotations

import json
import os
import uuid as uuidlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, cast

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from journal import __version__
from journal.errors import InvalidInput
from journal.evidence import layout
from journal.evidence.target import Target, open_target
from journal.i18n import _, current_language
from journal.progress import Progress, check_cancel
from journal.timeutil import utc_now_iso

CHUNK = 1024 * 1024
#: Bytes counted for each small file (text, JSON, keys) in the progress total.
_SMALL = 4096
_EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp", "image/gif": ".gif",
               "image/tiff": ".tif", "application/pdf": ".pdf", "video/mp4": ".mp4", "audio/mpeg": ".mp3"}


@dataclass(frozen=True)
class EvidenceOptions:
    """include_stripped: a metadata-stripped copy beside each original (where it can be made).
    include_sensitive: people marked sensitive are named (by default they are left out)."""

    include_stripped: bool = False
    include_sensitive: bool = False


@dataclass
class PackageResult:
    path: Path
    package_id: str
    created_at: str
    entry_uuids: list[str]
    file_count: int
    sums_sha256: str
    people_left_out: int = 0
    warnings: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"path": str(self.path), "package_id": self.package_id, "created_at": self.created_at,
                "entries": len(self.entry_uuids), "files": self.file_count, "sha256sums_sha256": self.sums_sha256,
                "people_left_out": self.people_left_out, "warnings": self.warnings}


# --- choosing entries ------------------------------------------------------------------------------
def select_entries(journal, *, refs: list[str] | None = None, flt=None, ids: list[int] | None = None) -> list[str]:
    """Entry uuids, oldest first: the entries named (ids or unique prefixes) and/or those a
    journal.records.reports.ReportFilter selects, or the entries with these row `ids` (the rows
    picked in the GUI's entry list, any number, trashed ones too). Nothing selected is an error."""
    from journal.records.reports import ReportFilter

    uuids: list[str] = []
    if ids:
        # json_each keeps one bound parameter however many rows were picked (Ctrl+A on the list).
        rows = journal.db.query("SELECT e.uuid FROM entries e WHERE e.id IN (SELECT value FROM json_each(?)) "
                                "ORDER BY coalesce(e.occurred_utc, 9e18), e.id", [json.dumps(list(ids))])
        uuids = [r[0] for r in rows]
    if refs:
        uuids = [journal.entries.get(ref).uuid for ref in refs]
    if flt is not None:
        if uuids:
            flt = ReportFilter(flt.entries, origin=flt.origin, sender=flt.sender, entry_uuids=tuple(uuids))
        where, params = flt.where(journal.db)
        rows = journal.db.query(f"SELECT e.uuid FROM entries e WHERE {where} "
                                "ORDER BY coalesce(e.occurred_utc, 9e18), e.id", params)
        uuids = [r[0] for r in rows]
    uuids = list(dict.fromkeys(uuids))
    if not uuids:
        raise InvalidInput(_("No entries selected for the evidence package."))
    return uuids


# --- keys ------------------------------------------------------------------------------------------
def public_key_pem(raw: bytes) -> bytes:
    return Ed25519PublicKey.from_public_bytes(bytes(raw)).public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def key_sha256(raw: bytes) -> str:
    """SHA-256 of the key's DER form: what `openssl pkey -pubin -in KEY.pem -outform DER | sha256sum` prints."""
    import hashlib

    der = Ed25519PublicKey.from_public_bytes(bytes(raw)).public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(der).hexdigest()


# --- collecting -----------------------------------------------------------------------------------
@dataclass
class _Bundle:
    bundle_id: str
    sender_id: int
    sender_name: str
    fingerprint: str
    public_key: bytes
    created_at: str
    received_at: str
    file_sha256: str
    manifest: str
    signature: bytes | None
    members: set[str]


class _Collector:
    def __init__(self, journal, options: EvidenceOptions, coordinator: dict[str, Any]) -> None:
        self.journal = journal
        self.db = journal.db
        self.options = options
        self.coordinator = coordinator
        self.bundles: dict[str, _Bundle] = {}
        self.sender_bundles: dict[int, list[str]] = {}
        self.people_left_out = 0

    def bundle(self, bundle_id: str) -> _Bundle | None:
        if bundle_id in self.bundles:
            return self.bundles[bundle_id]
        row = self.db.query_one(
            "SELECT r.bundle_id, r.sender_id, s.display_name, s.fingerprint, s.ed25519_public_key, r.created_at, "
            "r.received_at, r.file_sha256, r.manifest, g.signature FROM received_bundles r "
            "JOIN senders s ON s.id = r.sender_id LEFT JOIN received_signatures g ON g.bundle_id = r.bundle_id "
            "WHERE r.bundle_id = ?", (bundle_id,))
        if row is None:
            return None
        members = {m.get("sha256", "") for m in json.loads(row[8]).get("members", [])
                   if str(m.get("path", "")).startswith("attachments/")}
        found = _Bundle(row[0], row[1], row[2], row[3], bytes(row[4]), row[5], row[6], row[7], row[8],
                        bytes(row[9]) if row[9] is not None else None, members)
        self.bundles[bundle_id] = found
        return found

    def bundles_of_sender(self, sender_id: int) -> list[str]:
        if sender_id not in self.sender_bundles:
            self.sender_bundles[sender_id] = [r[0] for r in self.db.query(
                "SELECT bundle_id FROM received_bundles WHERE sender_id = ? ORDER BY received_at, bundle_id",
                (sender_id,))]
        return self.sender_bundles[sender_id]

    def entry(self, entry_uuid: str) -> dict[str, Any]:
        journal, db = self.journal, self.db
        entry = journal.entries.get(entry_uuid)
        history = journal.entries.history(entry_uuid)
        prov = db.query_one(
            "SELECT p.sender_id, s.display_name, s.fingerprint, s.ed25519_public_key, p.first_bundle_id, "
            "p.last_bundle_id, p.received_at, p.revision, p.revision_hash FROM provenance p "
            "JOIN senders s ON s.id = p.sender_id WHERE p.kind = 'entry' AND p.local_id = ?", (entry.id,))
        data: dict[str, Any] = {
            "format": layout.ENTRY_FORMAT, "version": layout.FORMAT_VERSION, "uuid": entry.uuid,
            "recorded_at": entry.recorded_at, "revision": entry.revision, "revision_hash": entry.revision_hash,
            "current": entry.content(),
            "revisions": [{"number": r.number, "saved_at": r.saved_at, "content": r.content,
                           "prev_hash": r.prev_hash, "hash": r.hash} for r in history],
            "documenter": None, "received_versions": [],
        }
        sender_id = None
        if prov is not None:
            sender_id = prov[0]
            data["documenter"] = {"name": prov[1], "fingerprint": prov[2],
                                  "public_key": layout.documenter_key_path(prov[2]),
                                  "public_key_sha256": key_sha256(bytes(prov[3]))}
            rows = db.query(
                "SELECT bundle_id, revision, revision_hash, prev_hash, local_revision, received_at, record "
                "FROM received_entry_versions WHERE entry_id = ? ORDER BY local_revision", (entry.id,))
            for bundle_id, revision, revision_hash, prev_hash, local_revision, received_at, record in rows:
                data["received_versions"].append({
                    "bundle_id": bundle_id, "revision": revision, "revision_hash": revision_hash,
                    "prev_hash": prev_hash, "local_revision": local_revision, "received_at": received_at,
                    # As received, but without its list of people refs (a sensitive person's pseudonym);
                    # the people are listed apart, under the package's rule for sensitive people.
                    "record": {k: v for k, v in json.loads(record).items() if k != "people"}})
                self.bundle(bundle_id)
            for bundle_id in {prov[4], prov[5]}:
                self.bundle(bundle_id)
        data["people"], data["people_left_out"] = self._people(entry.uuid)
        data["_attachments"] = journal.attachments.list_for_entry(entry.uuid)
        data["_sender_id"] = sender_id
        data["_entry_id"] = entry.id
        data["_provenance"] = prov
        return data

    def _people(self, entry_uuid: str) -> tuple[list[dict[str, Any]], int]:
        """The entry's people (name, role, organisation; never contact details) and how many
        sensitive ones were left out."""
        people: list[dict[str, Any]] = []
        left_out = 0
        for person, role in self.journal.people.people_for_entry(entry_uuid):
            if person.sensitive and not self.options.include_sensitive:
                left_out += 1
                continue
            people.append({"name": person.display_name, "role": role, "organisation": person.organisation,
                           "sensitive": bool(person.sensitive)})
        self.people_left_out += left_out
        return people, left_out

    def file_bundles(self, sender_id: int | None, sha256: str) -> list[str]:
        """The received bundles of this sender whose signed manifest lists this content."""
        if sender_id is None:
            return []
        found = []
        for bundle_id in self.bundles_of_sender(sender_id):
            bundle = self.bundle(bundle_id)
            if bundle is not None and sha256 in bundle.members:
                found.append(bundle_id)
        return found

    def custody(self, data: dict[str, Any], files: list[dict[str, Any]], package: dict[str, Any]) -> list[dict]:
        """Events, oldest first: recorded, signed in a bundle, carried, received and imported, revised,
        sent on, earlier evidence packages, this package (layout.CUSTODY_TEXTS)."""
        events: list[dict[str, Any]] = []

        def add(at: str | None, kind: str, **params: Any) -> None:
            event = {"at": at, "kind": kind, "params": params}
            event["text"] = layout.event_text(event)
            events.append(event)

        coordinator = self.coordinator
        coord = f"{coordinator['name']} ({coordinator['fingerprint']})"
        documenter = data["documenter"]
        if documenter is None:
            add(data["recorded_at"], "recorded_own", coordinator=coord)
            for rev in data["revisions"][1:]:
                add(rev["saved_at"], "revised", number=rev["number"], hash=rev["hash"])
            for item in files:
                add(item["attached_at"], "file", file=item["original"], sha256=item["sha256"])
        else:
            who = f"{documenter['name']} ({documenter['fingerprint']})"
            first = data["received_versions"][0]["record"] if data["received_versions"] else None
            add((first or {}).get("recorded_at") or data["recorded_at"], "recorded", documenter=who)
            bundle_ids = [v["bundle_id"] for v in data["received_versions"]]
            prov = data["_provenance"]
            for bundle_id in [prov[4], prov[5], *(b for item in files for b in item["bundles"])]:
                if bundle_id not in bundle_ids:
                    bundle_ids.append(bundle_id)
            for bundle_id in bundle_ids:
                bundle = self.bundle(bundle_id)
                if bundle is None:
                    continue
                if bundle.signature is not None:
                    add(bundle.created_at, "signed", bundle=bundle_id, documenter=who,
                        signature=f"{layout.BUNDLES}/{bundle_id}/manifest.sig")
                else:
                    add(bundle.created_at, "signed_unkept", bundle=bundle_id, documenter=who)
                for version in data["received_versions"]:
                    if version["bundle_id"] == bundle_id:
                        add(bundle.created_at, "carried_entry", bundle=bundle_id, revision=version["revision"],
                            hash=version["revision_hash"])
                for item in files:
                    if bundle_id in item["bundles"]:
                        add(bundle.created_at, "carried_file", bundle=bundle_id, file=item["original"],
                            sha256=item["sha256"])
                add(bundle.received_at, "received", bundle=bundle_id, coordinator=coord, sha256=bundle.file_sha256)
        for bundle_id, created_at, recipients in self.db.query(
                "SELECT b.bundle_id, b.created_at, b.recipients FROM sent_bundle_items i JOIN sent_bundles b "
                "ON b.bundle_id = i.bundle_id WHERE i.kind = 'entry' AND i.record_uuid = ? ORDER BY b.created_at",
                (data["uuid"],)):
            try:
                names = ", ".join(f"{r.get('name')} ({r.get('fingerprint')})" for r in json.loads(recipients))
            except (ValueError, AttributeError):
                names = "?"
            add(created_at, "sent", coordinator=coord, bundle=bundle_id, recipients=names)
        for package_id, created_at, sums in self.db.query(
                "SELECT x.package_id, x.created_at, x.manifest_sha256 FROM evidence_export_items i "
                "JOIN evidence_exports x ON x.id = i.export_id WHERE i.entry_id = ? ORDER BY x.created_at",
                (data["_entry_id"],)):
            add(created_at, "evidence", package=package_id, coordinator=coord, sha256=sums)
        add(package["created_at"], "this_package", package=package["package_id"], coordinator=coord)
        events.sort(key=lambda e: (_moment(e["at"]), _ORDER.get(e["kind"], 9)))
        return events


_ORDER = {"recorded_own": 0, "recorded": 0, "file": 1, "revised": 2, "signed": 3, "signed_unkept": 3,
          "carried_entry": 4, "carried_file": 4, "received": 5, "sent": 6, "evidence": 7, "this_package": 8}


def _moment(at: str | None) -> str:
    """A sortable UTC form of an ISO time ("…Z" and "…+00:00" alike); unknown times sort first."""
    from datetime import datetime, timezone

    if not at:
        return ""
    try:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat()


# --- writing --------------------------------------------------------------------------------------
class _Meter:
    def __init__(self, total: int, progress: Progress | None) -> None:
        self.total = max(total, 1)
        self.done = 0
        self.progress = progress

    def add(self, amount: int) -> None:
        self.done = min(self.total, self.done + amount)
        if self.progress:
            self.progress(self.done, self.total)


def _copy(src, out, meter: _Meter, cancel) -> None:
    while piece := src.read(CHUNK):
        check_cancel(cancel)
        out.write(piece)
        meter.add(len(piece))


def build_package(journal, entry_uuids: list[str], out: str | os.PathLike[str], *,
                  options: EvidenceOptions = EvidenceOptions(), progress: Progress | None = None,
                  cancel=None) -> PackageResult:
    """Write the evidence package for these entries to ``out`` (a new folder, or a .zip file).

    ``progress(done, total)`` counts bytes; ``cancel`` stops it (journal.errors.Cancelled) and
    nothing is left at ``out``. Returns what was written; log it with ``record_export``."""
    if not entry_uuids:
        raise InvalidInput(_("No entries selected for the evidence package."))
    identity = journal.identity.get()
    coordinator = {"name": journal.identity.display_name, "fingerprint": identity.fingerprint,
                   "public_key": layout.COORDINATOR_KEY,
                   "public_key_sha256": key_sha256(identity.signing_public_key)}
    package = {"package_id": str(uuidlib.uuid4()), "created_at": utc_now_iso()}
    collector = _Collector(journal, options, coordinator)
    entries = []
    for entry_uuid in entry_uuids:
        check_cancel(cancel)
        entries.append(collector.entry(entry_uuid))
    total = sum(a.size * (2 if options.include_stripped else 1) for e in entries for a in e["_attachments"])
    meter = _Meter(total + _SMALL * (4 * len(entries) + 8), progress)
    warnings: list[str] = []
    file_count = 0
    out_path = Path(out)
    with open_target(out_path) as target:
        summaries = []
        for index, data in enumerate(entries, start=1):
            folder = f"{layout.ENTRIES}/{index:03d}-{data['uuid'][:8]}"
            files = []
            for number, att in enumerate(data["_attachments"], start=1):
                check_cancel(cancel)
                item = _write_original(journal, target, folder, number, att, meter, cancel)
                item["bundles"] = collector.file_bundles(data["_sender_id"], att.sha256)
                item["attached_at"] = att.imported_at
                file_count += 1
                if options.include_stripped:
                    stripped, warning = _write_stripped(journal, target, folder, number, att, meter, cancel)
                    item["stripped"] = stripped
                    if warning:
                        warnings.append(warning)
                files.append(item)
            data["files"] = files
            data["custody"] = collector.custody(data, files, package)
            public = {k: v for k, v in data.items() if not k.startswith("_")}
            target.write_bytes(f"{folder}/entry.json", _json(public))
            target.write_bytes(f"{folder}/entry.txt", layout.render_entry_text(public).encode("utf-8"))
            target.write_bytes(f"{folder}/custody.txt", layout.render_custody_text(public).encode("utf-8"))
            meter.add(3 * _SMALL)
            summaries.append({"folder": folder, "data": public, "attachments": data["_attachments"]})
        # The signed bundles these entries came in, verbatim, and their senders' keys.
        keys_written = set()
        for bundle in collector.bundles.values():
            base = f"{layout.BUNDLES}/{bundle.bundle_id}"
            target.write_bytes(f"{base}/manifest.json", bundle.manifest.encode("utf-8"))
            if bundle.signature is not None:
                target.write_bytes(f"{base}/manifest.sig", bundle.signature)
            key_path = layout.documenter_key_path(bundle.fingerprint)
            if key_path not in keys_written:
                target.write_bytes(key_path, public_key_pem(bundle.public_key))
                keys_written.add(key_path)
            if bundle.signature is None:
                warnings.append(_("Bundle {bundle_id} was imported before signatures were kept: its manifest is "
                                  "in the package, its signature is not.").format(bundle_id=bundle.bundle_id))
        target.write_bytes(layout.COORDINATOR_KEY, public_key_pem(identity.signing_public_key))
        manifest = {
            "format": layout.FORMAT, "version": layout.FORMAT_VERSION, **package,
            "app": f"Incident Journal {__version__}", "language": current_language(),
            "coordinator": coordinator,
            "entries": [{"uuid": s["data"]["uuid"], "folder": s["folder"],
                         "title": s["data"]["current"].get("title", "")} for s in summaries],
            "bundles": sorted(collector.bundles),
            "bundle_keys": {b.bundle_id: layout.documenter_key_path(b.fingerprint) for b in collector.bundles.values()},
            "unsigned_bundles": sorted(b.bundle_id for b in collector.bundles.values() if b.signature is None),
            "included": {"originals": True, "stripped_copies": options.include_stripped,
                         "sensitive_people": options.include_sensitive,
                         "people_left_out": collector.people_left_out,
                         "contact_details": False},
        }
        target.write_bytes(layout.PACKAGE_JSON, _json(manifest))
        from journal.evidence.texts import english, verify_text

        # Each received original with the first signed bundle that carried it (VERIFY.txt's grep lines).
        carried = [(f["original"], f["sha256"], signed[0]) for s in summaries for f in s["data"]["files"]
                   if (signed := [b for b in f.get("bundles") or []
                                  if b in collector.bundles and collector.bundles[b].signature is not None])]
        target.write_bytes(layout.VERIFY_TXT, verify_text(manifest, sorted(keys_written),
                                                          carried=carried).encode("utf-8"))
        if manifest["language"] != "en":
            target.write_bytes(layout.VERIFY_EN_TXT,
                               verify_text(manifest, sorted(keys_written), english, carried).encode("utf-8"))
        check_cancel(cancel)
        from journal.evidence.pdf import summary_pdf

        target.write_bytes(layout.SUMMARY_PDF, summary_pdf(journal, manifest, summaries, cancel=cancel))
        meter.add(4 * _SMALL)
        sums = sums_text(target.hashes).encode("utf-8")
        target.write_bytes(layout.SUMS, sums)
        target.write_bytes(layout.SUMS_SIG, identity.sign(sums))
        check_cancel(cancel)
    meter.add(meter.total)
    return PackageResult(out_path, package["package_id"], package["created_at"], list(entry_uuids), file_count,
                         target.hashes[layout.SUMS], collector.people_left_out, warnings)


def sums_text(hashes: dict[str, str]) -> str:
    """`sha256sum` output for every file but the list itself and its signature, sorted by name."""
    return "".join(f"{digest}  {name}\n" for name, digest in sorted(hashes.items())
                   if name not in layout.UNLISTED)


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _write_original(journal, target: Target, folder: str, number: int, att, meter: _Meter, cancel) -> dict:
    from journal.records.attachments import AttachmentUnreadable

    name = f"{folder}/files/{number:02d}-original-{layout.safe_name(att.file_name)}"
    with journal.attachments.open_stream(att.uuid) as src, target.open(name) as dst:
        _copy(src, dst, meter, cancel)
    if target.hashes[name] != att.sha256 or target.sizes[name] != att.size:
        raise AttachmentUnreadable(_("The stored data of {file_name} does not match its SHA-256; it was damaged. "
                                     "Restore the journal from a backup.").format(file_name=att.file_name))
    return {"file_name": att.file_name, "media_type": att.media_type, "size": att.size, "sha256": att.sha256,
            "original": name, "stripped": None, "attachment_id": att.uuid}


def _write_stripped(journal, target: Target, folder: str, number: int, att, meter: _Meter,
                    cancel) -> tuple[dict | None, str | None]:
    """The metadata-stripped copy through an encrypted spool, or (None, why not)."""
    from journal.media import MediaError
    from journal.media.spool import Spool
    from journal.media.strip import strip_metadata
    from journal.progress import is_cancelled

    with Spool() as spool:
        try:
            with journal.attachments.open_stream(att.uuid) as src:
                result = strip_metadata(src, cast(BinaryIO, spool), att.media_type, total=att.size,
                                        cancel=(lambda: is_cancelled(cancel)))
        except MediaError as exc:
            meter.add(att.size)
            return None, _("{file_name}: no stripped copy ({reason})").format(file_name=att.file_name, reason=exc)
        check_cancel(cancel)
        if not result.cleaned:
            meter.add(att.size)
            return None, _("{file_name}: no stripped copy, its metadata could not be removed.").format(
                file_name=att.file_name)
        stem = Path(layout.safe_name(att.file_name)).stem
        suffix = _EXTENSIONS.get(result.output_media_type) or Path(layout.safe_name(att.file_name)).suffix
        name = f"{folder}/files/{number:02d}-stripped-{stem}{suffix}"
        spool.seek(0)
        with target.open(name) as dst:
            while piece := spool.read(CHUNK):
                check_cancel(cancel)
                dst.write(piece)
        meter.add(att.size)
    return {"path": name, "sha256": target.hashes[name], "size": target.sizes[name],
            "media_type": result.output_media_type,
            "removed": list(result.removed)}, None


# --- the log of packages made ---------------------------------------------------------------------
def record_export(db, result: PackageResult) -> None:
    """Remember the package (no path, no name) so later packages list it in the chain of custody."""
    with db.transaction() as tx:
        export_id = tx.execute(
            "INSERT INTO evidence_exports (package_id, created_at, manifest_sha256, entry_count, file_count) "
            "VALUES (?, ?, ?, ?, ?)", (result.package_id, result.created_at, result.sums_sha256,
                                       len(result.entry_uuids), result.file_count)).lastrowid
        tx.conn.executemany(
            "INSERT OR IGNORE INTO evidence_export_items (export_id, entry_id) "
            "SELECT ?, id FROM entries WHERE uuid = ?", [(export_id, u) for u in result.entry_uuids])


def exports(db, limit: int = 100) -> list[dict[str, Any]]:
    rows = db.query("SELECT package_id, created_at, manifest_sha256, entry_count, file_count FROM evidence_exports "
                    "ORDER BY created_at DESC LIMIT ?", (limit,))
    return [dict(zip(("package_id", "created_at", "sha256sums_sha256", "entries", "files"), r)) for r in rows]


