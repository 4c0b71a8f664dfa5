"""Checking an evidence package (a folder or a ZIP) without the journal that made it.

Says, check by check, what holds and what does not:
- the coordinator's signature on SHA256SUMS (with the key in the package, whose SHA-256 is shown
  so it can be compared with the one the coordinator gives by another channel);
- every listed file: present, and its SHA-256 as listed; no file added that the list does not name;
- each entry's revision chain (numbers one by one, each chained to the previous, each hash right),
  its current text being its last revision, entry.txt and custody.txt being renderings of it;
- each received version: the documenter's record hashes to the revision hash it carries, and the
  coordinator's copy of it is unchanged;
- each bundle's manifest signed by the documenter's key; each received file listed in the signed
  manifest of a bundle of that documenter.
Files are hashed as streams (a 1 GB video keeps memory flat).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from journal.errors import InvalidInput
from journal.evidence import layout
from journal.i18n import _, ngettext
from journal.progress import Progress, check_cancel
from journal.records.revisions import GENESIS_HASH, canonical_json, chain_hash

CHUNK = 1024 * 1024
#: Small files (JSON, text, keys, signatures) are read whole; a bigger one is refused.
MAX_SMALL = 64 * 1024 * 1024
_SUM_LINE = re.compile(r"^([0-9a-f]{64}) [ *](.+)$")


@dataclass(frozen=True)
class Check:
    ok: bool
    text: str


@dataclass
class Verdict:
    checks: list[Check] = field(default_factory=list)
    key_sha256: str = ""
    package_id: str = ""

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(c.ok for c in self.checks)

    @property
    def problems(self) -> list[str]:
        return [c.text for c in self.checks if not c.ok]

    def holds(self, text: str) -> None:
        self.checks.append(Check(True, text))

    def fails(self, text: str) -> None:
        self.checks.append(Check(False, text))

    def as_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "package_id": self.package_id, "coordinator_key_sha256": self.key_sha256,
                "checks": [{"ok": c.ok, "text": c.text} for c in self.checks]}


# --- reading a folder or a ZIP --------------------------------------------------------------------
class _Source:
    def names(self) -> list[str]:  # pragma: no cover - abstract
        raise NotImplementedError

    def open(self, name: str) -> BinaryIO:  # pragma: no cover - abstract
        raise NotImplementedError

    def close(self) -> None:
        pass

    def read(self, name: str) -> bytes | None:
        if name not in self.names():
            return None
        with self.open(name) as handle:
            data = handle.read(MAX_SMALL + 1)
        if len(data) > MAX_SMALL:
            raise InvalidInput(_("{name} is too large for what it should hold.").format(name=name))
        return data


class _Folder(_Source):
    def __init__(self, root: Path) -> None:
        self.root = root
        found = []
        for folder, dirs, files in os.walk(root):
            dirs.sort()
            for file in sorted(files):
                path = Path(folder) / file
                if path.is_symlink():
                    continue
                found.append(path.relative_to(root).as_posix())
        self._names = found

    def names(self) -> list[str]:
        return self._names

    def open(self, name: str) -> BinaryIO:
        return open(self.root / name, "rb")  # noqa: SIM115 - the caller closes it


class _Zip(_Source):
    def __init__(self, path: Path) -> None:
        try:
            self.zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise InvalidInput(_("{path} is not a readable ZIP file ({error}).").format(path=path, error=exc)) from None
        self._names = [i.filename for i in self.zip.infolist() if not i.is_dir()]

    def names(self) -> list[str]:
        return self._names

    def open(self, name: str) -> BinaryIO:
        return self.zip.open(name)  # type: ignore[return-value]

    def close(self) -> None:
        self.zip.close()


def _open_source(path: Path) -> _Source:
    if path.is_dir():
        return _Folder(path)
    if path.is_file():
        return _Zip(path)
    raise InvalidInput(_("{path} does not exist.").format(path=path))


def _sha256(source: _Source, name: str, cancel) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with source.open(name) as handle:
        while piece := handle.read(CHUNK):
            check_cancel(cancel)
            digest.update(piece)
            size += len(piece)
    return digest.hexdigest(), size


def _load_key(pem: bytes | None) -> Ed25519PublicKey | None:
    if not pem:
        return None
    try:
        key = serialization.load_pem_public_key(pem)
    except (ValueError, TypeError):
        return None
    return key if isinstance(key, Ed25519PublicKey) else None


def _raw(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _der_sha256(key: Ed25519PublicKey) -> str:
    return hashlib.sha256(key.public_bytes(serialization.Encoding.DER,
                                           serialization.PublicFormat.SubjectPublicKeyInfo)).hexdigest()


def _signed(key: Ed25519PublicKey | None, signature: bytes | None, data: bytes | None) -> bool:
    if key is None or signature is None or data is None:
        return False
    try:
        key.verify(signature, data)
        return True
    except InvalidSignature:
        return False


# --- the checks -----------------------------------------------------------------------------------
def verify_package(path: str | os.PathLike[str], *, progress: Progress | None = None, cancel=None) -> Verdict:
    """Check the package at ``path``; never raises for what the package holds (only for a path that
    is not a package at all, InvalidInput)."""
    source = _open_source(Path(path))
    try:
        return _verify(source, progress, cancel)
    finally:
        source.close()


def _verify(source: _Source, progress: Progress | None, cancel) -> Verdict:
    verdict = Verdict()
    names = set(source.names())
    sums = source.read(layout.SUMS)
    if sums is None:
        verdict.fails(_("{sums} is missing: nothing can be checked.").format(sums=layout.SUMS))
        return verdict
    key = _load_key(source.read(layout.COORDINATOR_KEY))
    if key is not None:
        verdict.key_sha256 = _der_sha256(key)
    signature = source.read(layout.SUMS_SIG)
    if key is None:
        verdict.fails(_("The coordinator's public key ({path}) is missing or not an Ed25519 key.").format(
            path=layout.COORDINATOR_KEY))
    elif signature is None:
        verdict.fails(_("The signature {sig} is missing.").format(sig=layout.SUMS_SIG))
    elif _signed(key, signature, sums):
        verdict.holds(_("The coordinator's signature on {sums} is valid (key SHA-256 {key}).").format(
            sums=layout.SUMS, key=verdict.key_sha256))
    else:
        verdict.fails(_("The signature on {sums} is WRONG: the list of files was changed, or signed with "
                        "another key.").format(sums=layout.SUMS))

    listed: dict[str, str] = {}
    for number, line in enumerate(sums.decode("utf-8", "replace").splitlines(), start=1):
        match = _SUM_LINE.match(line)
        if not match or PurePosixPath(match.group(2)).is_absolute() or ".." in PurePosixPath(match.group(2)).parts:
            verdict.fails(_("{sums} line {line} is not a valid line.").format(sums=layout.SUMS, line=number))
            continue
        listed[match.group(2)] = match.group(1)
    total = len(listed)
    bad_files = 0
    actual: dict[str, str] = {}
    for done, (name, digest) in enumerate(sorted(listed.items()), start=1):
        check_cancel(cancel)
        if name not in names:
            verdict.fails(_("File removed: {name}").format(name=name))
            bad_files += 1
        else:
            actual[name], _size = _sha256(source, name, cancel)
            if actual[name] != digest:
                verdict.fails(_("File changed: {name} (its SHA-256 is not the listed one)").format(name=name))
                bad_files += 1
        if progress:
            progress(done, total)
    for name in sorted(names - set(listed) - set(layout.UNLISTED)):
        verdict.fails(_("File added after the package was made (not in {sums}): {name}").format(
            sums=layout.SUMS, name=name))
        bad_files += 1
    if not bad_files:
        verdict.holds(ngettext("The {count} listed file is present and unchanged.",
                               "All {count} listed files are present and unchanged.", len(listed)).format(
            count=len(listed)))

    package = _json(source, layout.PACKAGE_JSON, verdict)
    if package is None:
        return verdict
    verdict.package_id = str(package.get("package_id", ""))
    try:
        bundle_keys = _check_bundles(source, package, verdict)
    except (AttributeError, TypeError, ValueError, KeyError):  # hostile or damaged JSON
        verdict.fails(_("{name} is not in the form an evidence package has.").format(name=layout.PACKAGE_JSON))
        bundle_keys = {}
    entries = package.get("entries")
    for item in entries if isinstance(entries, list) else []:
        check_cancel(cancel)
        folder = str(item.get("folder", "")) if isinstance(item, dict) else ""
        try:
            _check_entry(source, folder, bundle_keys, actual, verdict)
        except (AttributeError, TypeError, ValueError, KeyError):  # hostile or damaged JSON
            verdict.fails(_("{name} is not in the form an evidence package has.").format(
                name=f"{folder}/entry.json"))
    return verdict


def _json(source: _Source, name: str, verdict: Verdict) -> dict[str, Any] | None:
    data = source.read(name) if name in source.names() else None
    if data is None:
        verdict.fails(_("{name} is missing.").format(name=name))
        return None
    try:
        value = json.loads(data)
    except ValueError:
        verdict.fails(_("{name} is not valid JSON.").format(name=name))
        return None
    if not isinstance(value, dict):
        verdict.fails(_("{name} is not valid JSON.").format(name=name))
        return None
    return value


def _check_bundles(source: _Source, package: dict[str, Any], verdict: Verdict) -> dict[str, tuple[bytes, set[str]]]:
    """Each bundle's manifest and signature; returns bundle id -> (signing key, attachment hashes)
    for the bundles whose signature holds."""
    good: dict[str, tuple[bytes, set[str]]] = {}
    unsigned = set(package.get("unsigned_bundles") or [])
    for bundle_id in package.get("bundles") or []:
        base = f"{layout.BUNDLES}/{bundle_id}"
        manifest = source.read(f"{base}/manifest.json") if f"{base}/manifest.json" in source.names() else None
        if manifest is None:
            verdict.fails(_("Bundle {bundle}: its manifest is missing.").format(bundle=bundle_id))
            continue
        try:
            parsed = json.loads(manifest)
            raw_key = base64.b64decode(parsed["sender"]["ed25519_public_key"], validate=True)
            members = {str(m["sha256"]) for m in parsed.get("members", [])
                       if str(m.get("path", "")).startswith("attachments/")}
            key = Ed25519PublicKey.from_public_bytes(raw_key)
        except (ValueError, KeyError, TypeError, AttributeError):
            verdict.fails(_("Bundle {bundle}: its manifest cannot be read.").format(bundle=bundle_id))
            continue
        pem_key = _load_key(source.read(str(package.get("bundle_keys", {}).get(bundle_id, ""))))
        if pem_key is None or _raw(pem_key) != raw_key:
            verdict.fails(_("Bundle {bundle}: the documenter's key file is missing or is not the key the "
                            "manifest names.").format(bundle=bundle_id))
        if bundle_id in unsigned:
            verdict.fails(_("Bundle {bundle}: its signature was not kept (imported before this app kept "
                            "signatures); who signed it cannot be checked here.").format(bundle=bundle_id))
            continue
        signature = source.read(f"{base}/manifest.sig") if f"{base}/manifest.sig" in source.names() else None
        if _signed(key, signature, manifest):
            verdict.holds(_("Bundle {bundle}: the documenter's signature is valid.").format(bundle=bundle_id))
            good[bundle_id] = (raw_key, members)
        else:
            verdict.fails(_("Bundle {bundle}: the documenter's signature is WRONG or missing.").format(
                bundle=bundle_id))
    return good


def _check_entry(source: _Source, folder: str, bundles: dict[str, tuple[bytes, set[str]]],
                 actual: dict[str, str], verdict: Verdict) -> None:
    data = _json(source, f"{folder}/entry.json", verdict)
    if data is None:
        return
    uuid = str(data.get("uuid", folder))[:8]
    problems_before = len(verdict.problems)
    revisions = data.get("revisions") or []
    prev, expected = GENESIS_HASH, 1
    last_content = None
    for rev in revisions:
        number = rev.get("number")
        if number != expected:
            verdict.fails(_("Entry {entry}: revision {number} is missing from the chain.").format(
                entry=uuid, number=expected))
        if rev.get("prev_hash") != prev:
            verdict.fails(_("Entry {entry}: revision {number} is not chained to the one before it.").format(
                entry=uuid, number=number))
        try:
            digest = chain_hash(str(rev.get("prev_hash")), canonical_json(rev.get("content")))
        except (TypeError, ValueError):
            digest = ""
        if digest != rev.get("hash"):
            verdict.fails(_("Entry {entry}: revision {number} was changed (its hash does not match).").format(
                entry=uuid, number=number))
        prev = str(rev.get("hash"))
        expected = (number if isinstance(number, int) else expected) + 1
        last_content = rev.get("content")
    if not revisions:
        verdict.fails(_("Entry {entry}: it has no revisions.").format(entry=uuid))
    elif last_content != data.get("current") or data.get("revision_hash") != prev \
            or data.get("revision") != revisions[-1].get("number"):
        verdict.fails(_("Entry {entry}: its current text is not its last revision.").format(entry=uuid))
    by_number = {r.get("number"): r for r in revisions}
    for version in data.get("received_versions") or []:
        record = version.get("record") or {}
        received: Any = record.get("content")
        try:
            digest = chain_hash(str(record.get("prev_hash")), canonical_json(received))
        except (TypeError, ValueError):
            digest = ""
        if digest != version.get("revision_hash") or record.get("revision_hash") != version.get("revision_hash"):
            verdict.fails(_("Entry {entry}: the documenter's revision {number} does not match its hash.").format(
                entry=uuid, number=version.get("revision")))
        local = by_number.get(version.get("local_revision"))
        if local is None or local.get("content") != record.get("content"):
            verdict.fails(_("Entry {entry}: the text received in bundle {bundle} differs from the copy kept "
                            "here.").format(entry=uuid, bundle=version.get("bundle_id")))
        if version.get("bundle_id") not in bundles:
            verdict.fails(_("Entry {entry}: bundle {bundle} it came in cannot be checked.").format(
                entry=uuid, bundle=version.get("bundle_id")))
    documenter = data.get("documenter")
    for item in data.get("files") or []:
        name = str(item.get("original"))
        stripped = item.get("stripped")
        copies = [(name, item.get("sha256"))]
        if isinstance(stripped, dict):
            copies.append((str(stripped.get("path")), stripped.get("sha256")))
        for path, digest in copies:
            if path not in actual:  # removed, or never in SHA256SUMS: the entry's file cannot be checked
                verdict.fails(_("Entry {entry}: its file {name} is missing or not in {sums}.").format(
                    entry=uuid, name=path, sums=layout.SUMS))
            elif actual[path] != digest:
                verdict.fails(_("Entry {entry}: {name} is not the file recorded (SHA-256 differs).").format(
                    entry=uuid, name=path))
        if documenter:
            carried = [b for b in item.get("bundles") or [] if b in bundles and item.get("sha256") in bundles[b][1]]
            if not carried:
                verdict.fails(_("Entry {entry}: no signed bundle checked here lists {name}.").format(
                    entry=uuid, name=name))
    for name, render in (("entry.txt", layout.render_entry_text), ("custody.txt", layout.render_custody_text)):
        text = source.read(f"{folder}/{name}") if f"{folder}/{name}" in source.names() else None
        if text is None:
            verdict.fails(_("Entry {entry}: {name} is missing.").format(entry=uuid, name=name))
        elif text != render(data).encode("utf-8") and not (
                render is layout.render_entry_text
                and text == layout.render_entry_text(data, bracketed_plural=True).encode("utf-8")):
            verdict.fails(_("Entry {entry}: {name} was edited (it is not what entry.json says).").format(
                entry=uuid, name=name))
    if len(verdict.problems) == problems_before:
        verdict.holds(_("Entry {entry}: its revision chain, texts and files hold.").format(entry=uuid))


def iter_lines(verdict: Verdict) -> Iterator[str]:
    for check in verdict.checks:
        yield ("OK    " if check.ok else "FAIL  ") + check.text
