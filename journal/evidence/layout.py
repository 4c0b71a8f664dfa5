"""What an evidence package holds and how its plain-text files are written (docs/evidence.md).

Shared by the writer (journal.evidence.builder) and the checker (journal.evidence.verify), so a
check re-renders each entry's text exactly as it was written. Plain-text renderings use fixed
English labels: anyone, and any version of this app, reproduces them byte for byte; the PDF
summary is the translated part.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

from journal.i18n import N_

FORMAT = "incident-journal-evidence"
FORMAT_VERSION = 1
ENTRY_FORMAT = "incident-journal-evidence-entry"

SUMS = "SHA256SUMS"
SUMS_SIG = "SHA256SUMS.sig"
VERIFY_TXT = "VERIFY.txt"
VERIFY_EN_TXT = "VERIFY.en.txt"
PACKAGE_JSON = "package.json"
SUMMARY_PDF = "summary.pdf"
KEYS = "keys"
COORDINATOR_KEY = "keys/coordinator-ed25519.pem"
ENTRIES = "entries"
BUNDLES = "bundles"
#: Written last, outside SHA256SUMS (they sign and list everything else).
UNLISTED = (SUMS, SUMS_SIG)

_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)


def safe_name(name: str, limit: int = 80) -> str:
    """A file name every system (and `sha256sum -c`) takes as it is: letters, digits, ``._-``;
    anything else becomes ``_``. The extension is kept when the name is shortened."""
    text = unicodedata.normalize("NFC", name or "")
    text = _UNSAFE.sub("_", text).strip("._") or "file"
    if len(text) > limit:
        stem, dot, ext = text.rpartition(".")
        if dot and 0 < len(ext) <= 10:
            text = stem[: limit - len(ext) - 1] + "." + ext
        else:
            text = text[:limit]
    return text


def documenter_key_path(fingerprint: str) -> str:
    return f"{KEYS}/documenter-{fingerprint.replace(' ', '')[:20]}.pem"


def _value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def render_entry_text(data: dict[str, Any], *, bracketed_plural: bool = False) -> str:
    """entry.txt from entry.json: the current text, who recorded it, files and revisions.

    bracketed_plural: the wording of packages written before 2026-12-07 ("1 sensitive person(s)
    left out"), which `evidence verify` still accepts for them."""
    content = data.get("current") or {}
    out = [f"Entry {data.get('uuid', '')}", "=" * 72, ""]
    rows = [
        ("Title", content.get("title")), ("When", content.get("occurred_at")),
        ("Until", content.get("occurred_end")), ("Time zone", content.get("occurred_tz")),
        ("Place", content.get("place")),
        ("Coordinates", f"{content.get('latitude')}, {content.get('longitude')}"
         if content.get("latitude") is not None and content.get("longitude") is not None else ""),
        ("Category", content.get("category")), ("Tags", content.get("tags")),
        ("Status", content.get("status")), ("Source", content.get("source")),
        ("Recorded at", data.get("recorded_at")),
        ("Revision", f"{data.get('revision')} (SHA-256 chain hash {data.get('revision_hash')})"),
    ]
    documenter = data.get("documenter")
    if documenter:
        rows.append(("Recorded by", f"{documenter.get('name')} (fingerprint {documenter.get('fingerprint')})"))
    else:
        rows.append(("Recorded by", "the coordinator's own journal"))
    for label, value in rows:
        text = _value(value)
        if text:
            out.append(f"{label + ':':<14}{text}")
    out += ["", "What happened:", "", content.get("body") or "(no text)", ""]
    people = data.get("people") or []
    if people or data.get("people_left_out"):
        out.append("People:")
        for person in people:
            extra = "; ".join(x for x in (person.get("role"), person.get("organisation")) if x)
            out.append(f"  - {person.get('name')}" + (f" ({extra})" if extra else ""))
        if data.get("people_left_out"):
            count = data["people_left_out"]
            who = "person(s)" if bracketed_plural else "person" if count == 1 else "people"
            out.append(f"  ({count} sensitive {who} left out of this package)")
        out.append("")
    files = data.get("files") or []
    if files:
        out.append("Files:")
        for item in files:
            out.append(f"  - {item.get('original')}")
            out.append(f"    original name {item.get('file_name')}, {item.get('media_type')}, "
                       f"{item.get('size')} bytes")
            out.append(f"    SHA-256 {item.get('sha256')}")
            stripped = item.get("stripped")
            if stripped:
                out.append(f"    metadata-stripped copy: {stripped.get('path')} (SHA-256 {stripped.get('sha256')})")
        out.append("")
    out.append("Revisions (hash_n = SHA-256(hash_n-1 + \"\\n\" + canonical JSON of revision n)):")
    for rev in data.get("revisions") or []:
        out.append(f"  {rev.get('number')}  saved {rev.get('saved_at')}  hash {rev.get('hash')}")
    received = data.get("received_versions") or []
    if received:
        out += ["", "Versions received from the documenter:"]
        for version in received:
            out.append(f"  documenter revision {version.get('revision')} (hash {version.get('revision_hash')}) "
                       f"in bundle {version.get('bundle_id')}, received {version.get('received_at')}, "
                       f"kept here as revision {version.get('local_revision')}")
    return "\n".join(out).rstrip("\n") + "\n"


#: One sentence per kind of chain-of-custody event; the parameters are names, ids and hashes.
CUSTODY_TEXTS = {
    "recorded_own": N_("Recorded in the coordinator's journal of {coordinator}."),
    "revised": N_("Revision {number} saved (hash {hash})."),
    "file": N_("File {file} attached (SHA-256 {sha256})."),
    "recorded": N_("Recorded by documenter {documenter}."),
    "signed": N_("Bundle {bundle} signed by {documenter}; the signature is kept in {signature}."),
    "signed_unkept": N_("Bundle {bundle} signed by {documenter}; its signature was not kept (imported before "
                        "this app kept signatures)."),
    "carried_entry": N_("Bundle {bundle} carried revision {revision} of the entry (hash {hash})."),
    "carried_file": N_("Bundle {bundle} carried the file {file} (SHA-256 {sha256})."),
    "received": N_("Bundle {bundle} received and imported by coordinator {coordinator}; bundle file SHA-256 "
                   "{sha256}."),
    "sent": N_("Sent by {coordinator} in bundle {bundle} to {recipients}."),
    "evidence": N_("Included in evidence package {package} by {coordinator} (its SHA256SUMS had SHA-256 "
                   "{sha256})."),
    "this_package": N_("Included in this evidence package {package} by {coordinator}."),
}


def event_text(event: dict[str, Any], translate: Callable[[str], str] = lambda text: text) -> str:
    template = CUSTODY_TEXTS.get(str(event.get("kind")))
    if template is None:
        return str(event.get("kind"))
    params = {k: str(v) for k, v in (event.get("params") or {}).items()}
    try:
        return translate(template).format(**params)
    except (KeyError, IndexError, ValueError):
        return template.format_map(_Missing(params))


class _Missing(dict):
    def __missing__(self, key: str) -> str:
        return "?"


def render_custody_text(data: dict[str, Any]) -> str:
    """custody.txt from the chain-of-custody events in entry.json, oldest first."""
    out = [f"Chain of custody of entry {data.get('uuid', '')}", "=" * 72, ""]
    for event in data.get("custody") or []:
        out.append(f"{event.get('at') or '(time unknown)'}  {event_text(event)}")
    return "\n".join(out).rstrip("\n") + "\n"
