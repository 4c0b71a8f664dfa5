"""The one place later features hook into a Journal.

Each feature module may define `attach(journal)` (hang a store on it),
`attach_reader(reader)` (the same stores over the GUI's read-only connection),
`on_created(journal)` (first-run setup such as creating the identity) and
`verify(journal) -> list[str]`. Keeping the list here avoids every feature
editing vault.py.
"""

from __future__ import annotations

from importlib import import_module

FEATURE_MODULES: list[str] = [
    "journal.records.people",
    "journal.records.attachments",
    "journal.exchange.identity",
    "journal.exchange.importer",
    "journal.records.forms",
    "journal.exchange.outbox",
]


def _modules():
    return [import_module(name) for name in FEATURE_MODULES]


def attach_all(journal) -> None:
    for mod in _modules():
        if hasattr(mod, "attach"):
            mod.attach(journal)


def attach_reader_all(reader) -> None:
    """Read-only stores on a JournalReader: modules define attach_reader(reader)."""
    for mod in _modules():
        if hasattr(mod, "attach_reader"):
            mod.attach_reader(reader)


def on_created(journal) -> None:
    for mod in _modules():
        if hasattr(mod, "on_created"):
            mod.on_created(journal)


def verify_all(journal) -> list[str]:
    problems: list[str] = []
    for mod in _modules():
        if hasattr(mod, "verify"):
            problems.extend(mod.verify(journal))
    return problems
