"""Fixed vocabularies and validators for people, links and the contact log.

Every check raises InvalidInput with a sentence a documenter can act on.
Values are normalised here once, so the stores and the canonical JSON of a
revision never see two spellings of the same thing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from journal.errors import InvalidInput
from journal.i18n import N_, _

PERSON_ROLES = ("detainee", "relative", "lawyer", "witness", "journalist", "official", "officer",
                "organisation", "other")
LINK_ROLES = ("detained", "witness", "lawyer", "relative", "officer_involved", "victim", "other")
HANDLE_KINDS = ("signal", "telegram", "whatsapp", "email")
CHANNELS = ("call", "sms", "signal", "telegram", "whatsapp", "email", "in_person", "other")
DIRECTIONS = ("incoming", "outgoing", "meeting")

MAX_NAME = 300
MAX_SHORT = 300
MAX_PHONE = 50
MAX_HANDLE = 320


def clean_text(value, what: str, max_len: int | None = None) -> str:
    """A text field: NUL-free, bounded; None becomes ''."""
    text = "" if value is None else str(value)
    if "\x00" in text:
        raise InvalidInput(_("The {what} contains a NUL character.").format(what=_(what)))
    if max_len is not None and len(text) > max_len:
        raise InvalidInput(_("The {what} may be at most {max_len} characters long.").format(what=_(what), max_len=max_len))
    return text


def _one_line(value, what: str, max_len: int) -> str:
    """Whitespace collapsed to single spaces (names and numbers are one line)."""
    text = " ".join(clean_text(value, what).split())
    if len(text) > max_len:
        raise InvalidInput(_("The {what} may be at most {max_len} characters long.").format(what=_(what), max_len=max_len))
    return text


def display_name(value) -> str:
    name = _one_line(value, "name", MAX_NAME)
    if not name:
        raise InvalidInput(_("A person needs a name (any name you use for them)."))
    return name


def _as_list(values, what: str) -> list:
    if values is None:
        return []
    if isinstance(values, str):
        return [values]
    if not isinstance(values, Iterable):
        raise InvalidInput(_("The {what} must be a list.").format(what=_(what)))
    return list(values)


def vocabulary_word(value, allowed: tuple[str, ...], what: str) -> str:
    """'In person', 'in-person' and 'in_person' are the same word."""
    word = "_".join(str(value or "").strip().lower().replace("-", " ").split())
    if word not in allowed:
        shown = ", ".join(a.replace("_", "-") for a in allowed)
        raise InvalidInput(_("Unknown {what} {value!r}. Choose one of: {shown}.").format(what=_(what), value=str(value), shown=shown))
    return word


def aliases(values) -> list[str]:
    seen: dict[str, str] = {}
    for raw in _as_list(values, N_("other names")):
        alias = _one_line(raw, "other name", MAX_NAME)
        if alias:
            seen.setdefault(alias.casefold(), alias)
    return list(seen.values())


def person_roles(values) -> list[str]:
    chosen = {vocabulary_word(v, PERSON_ROLES, N_("role")) for v in _as_list(values, N_("roles")) if str(v).strip()}
    return [r for r in PERSON_ROLES if r in chosen]


def phones(values) -> list[str]:
    """Kept as typed (people write numbers many ways), trimmed, duplicates dropped."""
    out: list[str] = []
    for raw in _as_list(values, N_("phone numbers")):
        phone = _one_line(raw, "phone number", MAX_PHONE)
        if not phone:
            continue
        if not any(ch.isdigit() for ch in phone):
            raise InvalidInput(_("{phone!r} does not look like a phone number (it has no digits).").format(phone=phone))
        if phone not in out:
            out.append(phone)
    return out


def handle(raw) -> str:
    """'KIND:VALUE' (or a (kind, value) pair / {'kind','value'} dict) -> 'kind:value'."""
    if isinstance(raw, dict):
        kind, value = raw.get("kind"), raw.get("value")
    elif isinstance(raw, (tuple, list)) and len(raw) == 2:
        kind, value = raw
    else:
        text = clean_text(raw, N_("messenger handle"), MAX_HANDLE + 20)
        if ":" not in text:
            raise InvalidInput(
                _("Write a messenger handle as KIND:VALUE, e.g. telegram:@name (kinds: {handle_kinds}); got {text!r}.").format(handle_kinds=', '.join(HANDLE_KINDS), text=text)
            )
        kind, value = text.split(":", 1)
    kind = vocabulary_word(kind, HANDLE_KINDS, N_("messenger"))
    value = _one_line(value, "messenger handle", MAX_HANDLE)
    if not value:
        raise InvalidInput(_("The {kind} handle is empty.").format(kind=kind))
    if kind == "email" and "@" not in value:
        raise InvalidInput(_("{value!r} is not an email address.").format(value=value))
    return f"{kind}:{value}"


def handles(values) -> list[str]:
    out: list[str] = []
    for raw in _as_list(values, N_("messenger handles")) if not isinstance(values, dict) else [values]:
        if isinstance(raw, str) and not raw.strip():
            continue
        h = handle(raw)
        if h.casefold() not in (x.casefold() for x in out):
            out.append(h)
    return out


def organisation(value) -> str:
    org = _one_line(value, "organisation", MAX_SHORT)
    return org


def follow_up_date(value) -> str | None:
    if value is None or not str(value).strip():
        return None
    try:
        return dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise InvalidInput(_("Not a follow-up date: {value!r}. Use YYYY-MM-DD.").format(value=value)) from None


def union(*lists: Iterable[str]) -> list[str]:
    """Items in first-seen order, without case-insensitive duplicates."""
    seen: dict[str, str] = {}
    for items in lists:
        for item in items:
            seen.setdefault(item.casefold(), item)
    return list(seen.values())
