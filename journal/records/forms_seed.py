"""The forms every new journal starts with (inserted by migration 6).

Fields follow what human-rights documentation systems record for these events
(OpenEvSys's arrest/detention fields, Uwazi's case templates), cut to what a
documenter can fill in from a phone call. Keys are stable identifiers that travel
in bundles; labels are what people read and can be changed (as a new version).
"""

from __future__ import annotations

from journal.i18n import N_  # labels and choices are shown translated (journal.records.display_labels)


def _f(key: str, label: str, type_: str, choices: list[str] | None = None) -> dict:
    field: dict[str, str | list[str]] = {"key": key, "label": label, "type": type_}
    if choices:
        field["choices"] = choices
    return field


SEED_FORMS: list[dict] = [
    {"key": "detention", "label": N_("Detention"), "category": "detention", "fields": [
        _f("detained_persons", N_("Detained person(s)"), "person"),
        _f("detained_at", N_("Time of detention"), "datetime"),
        _f("detention_place", N_("Place of detention"), "text"),
        _f("police_unit", N_("Police unit / department taken to"), "text"),
        _f("charges", N_("Charges or article cited"), "text"),
        _f("lawyer_admitted", N_("Lawyer admitted"), "bool"),
        _f("lawyer_admitted_at", N_("Lawyer admitted at"), "datetime"),
        _f("injuries", N_("Injuries"), "long_text"),
        _f("released_at", N_("Release time"), "datetime"),
        _f("court_date", N_("Court date"), "date"),
    ]},
    {"key": "mobilization", "label": N_("Mobilization/draft"), "category": "mobilization", "fields": [
        _f("person", N_("Person"), "person"),
        _f("summons_date", N_("Date of summons"), "date"),
        _f("commissariat", N_("Military commissariat"), "text"),
        _f("grounds", N_("Grounds cited"), "long_text"),
        _f("age", N_("Age"), "number"),
        _f("health", N_("Health circumstances"), "long_text"),
        _f("family", N_("Family circumstances"), "long_text"),
        _f("legal_status", N_("Legal status of the case"), "choice",
           [N_("summons received"), N_("appeal filed"), N_("in court"), N_("closed")]),
        _f("outcome", N_("Outcome"), "choice",
           [N_("released"), N_("exempted"), N_("deferred"), N_("sent to unit"), N_("unknown")]),
    ]},
    {"key": "court_hearing", "label": N_("Court hearing"), "category": "court_hearing", "fields": [
        _f("court", N_("Court"), "text"),
        _f("judge", N_("Judge"), "text"),
        _f("case_number", N_("Case number"), "text"),
        _f("article", N_("Article"), "text"),
        _f("outcome", N_("Outcome"), "choice",
           [N_("adjourned"), N_("fine"), N_("administrative arrest"), N_("sentence"), N_("acquitted"), N_("case closed")]),
        _f("sentence", N_("Sentence / fine"), "text"),
    ]},
    {"key": "search", "label": N_("Search"), "category": "search", "fields": [
        _f("address", N_("Address"), "text"),
        _f("agency", N_("Agency"), "text"),
        _f("seized", N_("What was seized"), "long_text"),
    ]},
    {"key": "conscientious_objection", "label": N_("Conscientious objection"),
     "category": "conscientious_objection", "fields": [
        _f("person", N_("Person"), "person"),
        _f("stage", N_("Stage"), "choice",
           [N_("application"), N_("commission"), N_("court"), N_("alternative service"), N_("refused")]),
        _f("documents_filed", N_("Documents filed"), "multi_choice",
           [N_("application for alternative civilian service"), N_("appeal"), N_("complaint"), N_("court claim")]),
        _f("filed_on", N_("Filed on"), "date"),
        _f("decision_on", N_("Decision on"), "date"),
        _f("outcome", N_("Outcome"), "text"),
    ]},
]
