"""Readable, translatable labels for the people and contact-log vocabularies.

The core keeps fixed English words (journal.people_validation); the GUI shows
these labels instead and stores the words.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from journal.records.people_validation import CHANNELS, DIRECTIONS, LINK_ROLES, PERSON_ROLES


def _t(text: str) -> str:
    return QCoreApplication.translate("People", text)


def person_role_labels() -> dict[str, str]:
    """Roles a person has in the documenter's work."""
    texts = {"detainee": "Detainee", "relative": "Relative", "lawyer": "Lawyer", "witness": "Witness",
             "journalist": "Journalist", "official": "Official", "officer": "Police/military officer",
             "organisation": "Organisation", "other": "Other"}
    return {key: _t(texts[key]) for key in PERSON_ROLES}


def link_role_labels() -> dict[str, str]:
    """Roles a person has in one incident."""
    texts = {"detained": "Detained", "witness": "Witness", "lawyer": "Lawyer", "relative": "Relative",
             "officer_involved": "Officer involved", "victim": "Victim", "other": "Other"}
    return {key: _t(texts[key]) for key in LINK_ROLES}


def channel_labels() -> dict[str, str]:
    texts = {"call": "Call", "sms": "SMS", "signal": "Signal", "telegram": "Telegram", "whatsapp": "WhatsApp",
             "email": "Email", "in_person": "In person", "other": "Other"}
    return {key: _t(texts[key]) for key in CHANNELS}


def direction_labels() -> dict[str, str]:
    texts = {"incoming": "Incoming", "outgoing": "Outgoing", "meeting": "Meeting"}
    return {key: _t(texts[key]) for key in DIRECTIONS}


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
    """'2024-03-05T14:10+03:00' -> '2024-03-05 14:10' (time as at the place)."""
    if not value:
        return ""
    if len(value) == 10:
        return value
    try:
        return dt.datetime.fromisoformat(value).strftime("%Y-%m-%d %H:%M")
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
    labels = {"signal": "Signal", "telegram": "Telegram", "whatsapp": "WhatsApp", "email": _t("Email")}
    return f"{labels.get(kind, kind)}: {value}"
