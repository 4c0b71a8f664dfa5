"""Stored English words as the CLI shows them to people, in the user's language (Qt-free).

The journal stores fixed English words — status (`draft`/`final`), built-in category
labels, people's roles, contact-log channel and direction, review states, the built-in
forms' labels and choices — and sends them in bundles. They never change in storage or
in `--json` output; this module only translates what the CLI *prints for people*.
The English msgids are the words as the CLI printed them before, so English output keeps
them (status `draft`, role `detainee`); categories show their label (`Detention`), which
is what a person reads, while `--category` still takes the key.

The desktop app has its own Qt maps (ui/people/labels.py, ui/i18n.translated_categories,
ui/forms/labels.py); the core cannot import them (it never imports Qt), so the CLI's
words are here, with their translations in the gettext catalogue
(journal/locale/<lang>/LC_MESSAGES/journal.po). The built-in forms' texts are translated
only while a form is exactly the seed (same content hash), as in ui/forms/labels.py.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from journal.i18n import N_, _

# Every value is marked with N_() so `pybabel extract` (tools/update_translations.py) finds it and
# tests/test_core_translations.py insists on a ru/uk translation.
STATUS = {"draft": N_("draft"), "final": N_("final")}
SOURCE = {"witnessed": N_("witnessed"), "reported": N_("reported"), "media": N_("media")}
PERSON_ROLES = {
    "detainee": N_("detainee"), "relative": N_("relative"), "lawyer": N_("lawyer"), "witness": N_("witness"),
    "journalist": N_("journalist"), "official": N_("official"), "officer": N_("officer"),
    "organisation": N_("organisation"), "other": N_("other"),
}
LINK_ROLES = {
    "detained": N_("detained"), "witness": N_("witness"), "lawyer": N_("lawyer"), "relative": N_("relative"),
    "officer_involved": N_("officer involved"), "victim": N_("victim"), "other": N_("other"),
}
CHANNELS = {
    "call": N_("call"), "sms": N_("SMS"), "signal": N_("Signal"), "telegram": N_("Telegram"),
    "whatsapp": N_("WhatsApp"), "email": N_("email"), "in_person": N_("in person"), "other": N_("other"),
}
DIRECTIONS = {"incoming": N_("incoming"), "outgoing": N_("outgoing"), "meeting": N_("meeting")}
FOLLOW_UP_STATES = {"open": N_("open"), "done": N_("done"), "none": N_("none")}
REVIEW_STATUSES = {
    "new": N_("new"), "reviewed": N_("reviewed"), "needs_follow_up": N_("needs follow-up"),
    "verified": N_("verified"), "disputed": N_("disputed"),
}
# journal.inbox.FetchedFile.status
FETCH_STATUSES = {"accepted": N_("accepted"), "duplicate": N_("duplicate"), "rejected": N_("rejected"),
                  "skipped": N_("skipped"), "failed": N_("failed")}
RECORD_KINDS = {"entry": N_("entry"), "form": N_("form"), "person": N_("person"), "log": N_("log")}
# The labels migration 1 stores for the built-in categories (journal/migrations/m001_entries.py).
BUILTIN_CATEGORY_LABELS = {
    "detention": N_("Detention"), "police_violence": N_("Police violence"), "search": N_("Search"),
    "court_hearing": N_("Court hearing"), "mobilization": N_("Mobilization/draft"), "border": N_("Border"),
    "threat": N_("Threat or harassment"), "conscientious_objection": N_("Conscientious objection"),
    "other": N_("Other"),
}
# journal.forms.display_value and journal.reports.NO_VALUE
VALUE_WORDS = {"yes": N_("yes"), "no": N_("no"), "(none)": N_("(none)")}


def word(vocabulary: dict[str, str], stored: str | None) -> str:
    """`stored` (a key of `vocabulary`) shown in the user's language; unknown words as stored."""
    if not stored:
        return ""
    label = vocabulary.get(stored)
    return _(label) if label is not None else stored


def words(vocabulary: dict[str, str], stored: list[str]) -> str:
    """Several stored words, comma-separated, each shown as by word()."""
    return ", ".join(word(vocabulary, w) for w in stored)


def category(key: str | None, stored_label: str | None = None) -> str:
    """A category for people: a built-in one's label translated, a renamed or own one as stored.

    With only the key (entry listings), a built-in key shows its translated label and any
    other key is shown as is. A label the user renamed is their own text and is kept.
    """
    if not key:
        return ""
    builtin = BUILTIN_CATEGORY_LABELS.get(key)
    if builtin is not None and stored_label in (None, builtin):
        return _(builtin)
    return stored_label or key


def category_label(stored_label: str | None) -> str:
    """A stored category *label* (statistics group by label): built-in labels translated."""
    if stored_label is not None and stored_label in BUILTIN_CATEGORY_LABELS.values():
        return _(stored_label)
    return stored_label or ""


# --- the built-in forms (journal/records/forms_seed.py) -------------------------------------------------------
SEED_VERSION = 1  # migration 6 inserts the seed forms as version 1


@lru_cache(maxsize=1)
def _seed_hashes() -> frozenset[str]:
    from journal.records.forms import form_sha256
    from journal.records.forms_seed import SEED_FORMS

    return frozenset(form_sha256(f["key"], SEED_VERSION, f["label"], f["category"], f["fields"]) for f in SEED_FORMS)


def seed_texts() -> list[str]:
    """Every English label and choice of the built-in forms (tests check each has a translation)."""
    from journal.records.forms_seed import SEED_FORMS

    texts: list[str] = []
    for form in SEED_FORMS:
        texts.append(form["label"])
        for spec in form["fields"]:
            texts.append(spec["label"])
            texts.extend(spec.get("choices", []))
    return list(dict.fromkeys(texts))


def is_unchanged_builtin(form: Any) -> bool:
    """True if `form` (journal.forms.Form) is a built-in form exactly as shipped."""
    return getattr(form, "sha256", None) in _seed_hashes()


def form_text(form: Any, text: str) -> str:
    """A stored text of `form` (its label, a field label, a choice) as shown.

    Translated only for an unchanged built-in form: a form the user edited, or a
    received one with another definition, is their own text.
    """
    return _(text) if is_unchanged_builtin(form) and text else text


@lru_cache(maxsize=1)
def _seed_choices() -> frozenset[str]:
    from journal.records.forms_seed import SEED_FORMS

    return frozenset(c for f in SEED_FORMS for spec in f["fields"] for c in spec.get("choices", []))


def stats_value(dimension: str, value: Any) -> str:
    """One cell of `journal stats`: stored words of a known vocabulary translated, data as is.

    Category cells are labels, status cells the status words, "yes"/"no"/"(none)" the words
    journal.reports writes, and a choice of a built-in form field is its seed text. Places,
    days, senders, people's names and free text are data and stay as they are.
    """
    text = str(value)
    if text in VALUE_WORDS:
        return word(VALUE_WORDS, text)
    if dimension == "category":
        return category_label(text)
    if dimension == "status":
        return word(STATUS, text)
    if dimension not in ("day", "week", "month", "place", "sender") and text in _seed_choices():
        return _(text)
    return text
