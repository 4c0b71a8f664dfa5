"""Readable, translatable labels for the people and contact-log vocabularies.

The core keeps fixed English words (journal.people_validation); the GUI shows
these labels instead and stores the words.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from journal.records.people_validation import CHANNELS, DIRECTIONS, LINK_ROLES, PERSON_ROLES


# The labels are marked for lupdate here and translated when asked for, so they follow the
# interface language installed at run time.
_PERSON_ROLES = {
    "detainee": QT_TRANSLATE_NOOP("People", "Detainee"),
    "relative": QT_TRANSLATE_NOOP("People", "Relative"),
    "lawyer": QT_TRANSLATE_NOOP("People", "Lawyer"),
    "witness": QT_TRANSLATE_NOOP("People", "Witness"),
    "journalist": QT_TRANSLATE_NOOP("People", "Journalist"),
    "official": QT_TRANSLATE_NOOP("People", "Official"),
    "officer": QT_TRANSLATE_NOOP("People", "Police/military officer"),
    "organisation": QT_TRANSLATE_NOOP("People", "Organisation"),
    "other": QT_TRANSLATE_NOOP("People", "Other"),
}
_LINK_ROLES = {
    "detained": QT_TRANSLATE_NOOP("People", "Detained"),
    "witness": QT_TRANSLATE_NOOP("People", "Witness"),
    "lawyer": QT_TRANSLATE_NOOP("People", "Lawyer"),
    "relative": QT_TRANSLATE_NOOP("People", "Relative"),
    "officer_involved": QT_TRANSLATE_NOOP("People", "Officer involved"),
    "victim": QT_TRANSLATE_NOOP("People", "Victim"),
    "other": QT_TRANSLATE_NOOP("People", "Other"),
}
_CHANNELS = {
    "call": QT_TRANSLATE_NOOP("People", "Call"),
    "sms": QT_TRANSLATE_NOOP("People", "SMS"),
    "signal": QT_TRANSLATE_NOOP("People", "Signal"),
    "telegram": QT_TRANSLATE_NOOP("People", "Telegram"),
    "whatsapp": QT_TRANSLATE_NOOP("People", "WhatsApp"),
    "email": QT_TRANSLATE_NOOP("People", "Email"),
    "in_person": QT_TRANSLATE_NOOP("People", "In person"),
    "other": QT_TRANSLATE_NOOP("People", "Other"),
}
_DIRECTIONS = {
    "incoming": QT_TRANSLATE_NOOP("People", "Incoming"),
    "outgoing": QT_TRANSLATE_NOOP("People", "Outgoing"),
    "meeting": QT_TRANSLATE_NOOP("People", "Meeting"),
}


def person_role_labels() -> dict[str, str]:
    """Roles a person has in the documenter's work."""
    return {key: QCoreApplication.translate("People", _PERSON_ROLES[key]) for key in PERSON_ROLES}


def link_role_labels() -> dict[str, str]:
    """Roles a person has in one incident."""
    return {key: QCoreApplication.translate("People", _LINK_ROLES[key]) for key in LINK_ROLES}


def channel_labels() -> dict[str, str]:
    return {key: QCoreApplication.translate("People", _CHANNELS[key]) for key in CHANNELS}


def direction_labels() -> dict[str, str]:
    return {key: QCoreApplication.translate("People", _DIRECTIONS[key]) for key in DIRECTIONS}


def roles_text(roles: list[str]) -> str:
    labels = person_role_labels()
    return ", ".join(labels.get(r, r) for r in roles)


def default_link_role(person_roles: list[str]) -> str:
    """The role a person most likely has in a new incident, from their general roles."""
    mapping = {"detainee": "detained", "relative": "relative", "lawyer": "lawyer", "witness": "witness",
               "officer": "officer_involved"}
    for role in person_roles:
        if role in mapping:
            return mapping[role]
    return "other"


def display_when(value: str | None) -> str:
    """'2024-03-05T14:10+03:00' -> the time as at the place, in the interface's date format
    ('2024-03-05 14:10' in English, '05.03.2024 14:10' in Russian), as the editor shows dates."""
    from ui.common.i18n import format_date, format_datetime

    if not value:
        return ""
    try:
        if len(value) == 10:
            return format_date(dt.date.fromisoformat(value))
        return format_datetime(dt.datetime.fromisoformat(value))
    except ValueError:
        return value


def handle_value(handle: str) -> str:
    """'telegram:@name' -> '@name' (what is copied)."""
    return handle.split(":", 1)[1] if ":" in handle else handle


def handle_text(handle: str) -> str:
    """'telegram:@name' -> 'Telegram: @name'."""
    if ":" not in handle:
        return handle
    kind, value = handle.split(":", 1)
    labels = {"signal": "Signal", "telegram": "Telegram", "whatsapp": "WhatsApp",
              "email": QCoreApplication.translate("People", "Email")}
    return f"{labels.get(kind, kind)}: {value}"
