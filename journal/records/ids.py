"""Ids typed by people: a whole uuid or a unique prefix of at least MIN_ID_PREFIX characters.

`journal list` shows short ids; people copy the first few characters. Every command that takes
an id (entries, people, contact-log records, attachments, coordinators) resolves it here, so the
rule and its messages are the same everywhere: too short or unknown is "no such id", a prefix
that fits several records says so and asks for more characters instead of picking one.
"""

from __future__ import annotations

from journal.errors import InvalidInput
from journal.i18n import _

MIN_ID_PREFIX = 4


def prefix_pattern(key: str) -> str | None:
    """The LIKE pattern for an id prefix, or None when it is too short to be one.

    LIKE's wildcards are removed from what was typed: a prefix matches literally."""
    cleaned = str(key).strip().replace("%", "").replace("_", "").replace("\\", "")
    if len(cleaned) < MIN_ID_PREFIX:
        return None
    return cleaned.lower() + "%"


def unique_prefix_rows(db, sql: str, key: str, params: tuple = ()) -> list:
    """Rows of `sql` (which ends with `... LIKE ?`, parameters `params` before it) for `key` as a
    prefix: [] for none or too short, one row, or AmbiguousId when several records start so."""
    pattern = prefix_pattern(key)
    if pattern is None:
        return []
    rows = db.query(f"{sql} LIMIT 2", (*params, pattern))
    if len(rows) > 1:
        raise AmbiguousId(key)
    return rows


class AmbiguousId(InvalidInput):
    def __init__(self, key: str) -> None:
        super().__init__(_("More than one record has an id starting with “{prefix}”. Type more of the id.")
                         .format(prefix=key))
