"""The forms every new journal starts with (inserted by migration 6).

Fields follow what human-rights documentation systems record for these events
(OpenEvSys's arrest/detention fields, Uwazi's case templates), cut to what a
documenter can fill in from a phone call. Keys are stable identifiers that travel
in bundles; labels are what people read and can be changed (as a new version).
"""

from __future__ import annotations


def _f(key: str, label: str, type_: str, choices: list[str] | None = None) -> dict:
    field = {"key": key, "label": label, "type": type_}
    if choices:
        field["choices"] = choices
    return field


SEED_FORMS: list[dict] = [
    {"key": "detention", "label": "Detention", "category": "detention", "fields": [
        _f("detained_persons", "Detained person(s)", "person"),
        _f("detained_at", "Time of detention", "datetime"),
        _f("detention_place", "Place of detention", "text"),
        _f("police_unit", "Police unit / department taken to", "text"),
        _f("charges", "Charges or article cited", "text"),
        _f("lawyer_admitted", "Lawyer admitted", "bool"),
        _f("lawyer_admitted_at", "Lawyer admitted at", "datetime"),
        _f("injuries", "Injuries", "long_text"),
        _f("released_at", "Release time", "datetime"),
        _f("court_date", "Court date", "date"),
    ]},
    {"key": "mobilization", "label": "Mobilization/draft", "category": "mobilization", "fields": [
        _f("person", "Person", "person"),
        _f("summons_date", "Date of summons", "date"),
        _f("commissariat", "Military commissariat", "text"),
        _f("grounds", "Grounds cited", "long_text"),
        _f("age", "Age", "number"),
        _f("health", "Health circumstances", "long_text"),
        _f("family", "Family circumstances", "long_text"),
        _f("legal_status", "Legal status of the case", "choice",
           ["summons received", "appeal filed", "in court", "closed"]),
        _f("outcome", "Outcome", "choice",
           ["released", "exempted", "deferred", "sent to unit", "unknown"]),
    ]},
    {"key": "court_hearing", "label": "Court hearing", "category": "court_hearing", "fields": [
        _f("court", "Court", "text"),
        _f("judge", "Judge", "text"),
        _f("case_number", "Case number", "text"),
        _f("article", "Article", "text"),
        _f("outcome", "Outcome", "choice",
           ["adjourned", "fine", "administrative arrest", "sentence", "acquitted", "case closed"]),
        _f("sentence", "Sentence / fine", "text"),
    ]},
    {"key": "search", "label": "Search", "category": "search", "fields": [
        _f("address", "Address", "text"),
        _f("agency", "Agency", "text"),
        _f("seized", "What was seized", "long_text"),
    ]},
    {"key": "conscientious_objection", "label": "Conscientious objection",
     "category": "conscientious_objection", "fields": [
        _f("person", "Person", "person"),
        _f("stage", "Stage", "choice",
           ["application", "commission", "court", "alternative service", "refused"]),
        _f("documents_filed", "Documents filed", "multi_choice",
           ["application for alternative civilian service", "appeal", "complaint", "court claim"]),
        _f("filed_on", "Filed on", "date"),
        _f("decision_on", "Decision on", "date"),
        _f("outcome", "Outcome", "text"),
    ]},
]
