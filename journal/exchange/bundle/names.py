"""Which member names a bundle may contain, and in which order they are written."""

from __future__ import annotations

import re

MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
ATTACHMENTS_DIR = "attachments/"

#: JSONL members and the record kind the reader hands to the sink for each.
JSONL_MEMBERS: dict[str, str] = {
    "entries.jsonl": "entries",
    "contacts.jsonl": "contacts",
    "contact_log.jsonl": "contact_log",
    "forms.jsonl": "forms",
}
_WRITE_ORDER = {name: rank for rank, name in enumerate(JSONL_MEMBERS)}
_ATTACHMENT_RE = re.compile(r"attachments/[0-9a-f]{64}")


def is_attachment(path: str) -> bool:
    """True for ``attachments/<64 lower-case hex>``."""
    return _ATTACHMENT_RE.fullmatch(path) is not None


def is_content_member(path: str) -> bool:
    """True for every name allowed before the manifest."""
    return path in JSONL_MEMBERS or is_attachment(path)


def write_rank(path: str) -> int:
    """Sort key giving the documented member order (JSONL files, then attachments)."""
    return _WRITE_ORDER.get(path, len(_WRITE_ORDER))


def unsafe_path_reason(path: str) -> str | None:
    """Why ``path`` is dangerous to extract (absolute, ``..``, odd characters), or None."""
    if not path:
        return "empty name"
    if path.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", path):
        return "absolute path"
    parts = re.split(r"[/\\]", path)
    if any(part in ("..", ".") for part in parts):
        return "parent or current folder reference"
    if any(ord(c) < 0x20 or c == "\x7f" for c in path):
        return "control character"
    return None
