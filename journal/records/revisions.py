"""Hash-chained revisions, one rule for entries, people and form values.

Each save stores the canonical JSON of the record's content and
    hash_n = SHA-256(hash_{n-1} || "\\n" || canonical_json_n)
with revision 1 chained to GENESIS_HASH (64 zeros). The same rule lets a coordinator check
the revision hash a bundle carries (docs/formats.md); `check_chains` walks stored chains for
`journal verify`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Hashable, Iterable
from typing import Callable

GENESIS_HASH = "0" * 64


def canonical_json(content: dict | list) -> str:
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)


def chain_hash(prev_hash: str, canonical: str) -> str:
    return hashlib.sha256((prev_hash + "\n" + canonical).encode("utf-8")).hexdigest()


def next_revision(prev_hash: str | None, content: dict) -> tuple[str, str, str]:
    """(canonical JSON, previous hash, new hash) of the revision that saves `content` after the
    revision hashed `prev_hash` (None or empty: this is the first revision)."""
    canonical = canonical_json(content)
    prev = prev_hash or GENESIS_HASH
    return canonical, prev, chain_hash(prev, canonical)


def check_chains(rows: Iterable[tuple[Hashable, int, str, str, str]], where: Callable[[Hashable], str],
                 ) -> tuple[list[str], dict[Hashable, tuple[int, str, str]]]:
    """Walk revision rows (record key, number, canonical content, prev_hash, hash), ordered by
    key then number. Returns the problems found, each starting with ``where(key)``, and each
    record's last revision as (number, hash, content)."""
    problems: list[str] = []
    last: dict[Hashable, tuple[int, str, str]] = {}
    current: Hashable = object()
    prev, expected = GENESIS_HASH, 1
    for key, number, content, prev_hash, digest in rows:
        if key != current:
            current, prev, expected = key, GENESIS_HASH, 1
        if number != expected:
            problems.append(f"{where(key)}: revision {expected} is missing")
        if prev_hash != prev:
            problems.append(f"{where(key)}: revision {number} is not chained to the previous one")
        if chain_hash(prev_hash, content) != digest:
            problems.append(f"{where(key)}: revision {number} was altered (hash mismatch)")
        prev, expected = digest, number + 1
        last[key] = (number, digest, content)
    return problems, last
