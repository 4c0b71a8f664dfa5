"""The built-in incident forms, shown in the interface language.

The forms every journal starts with (journal/records/forms_seed.py) are stored, and sent in
bundles, with English labels; their choice values are stored as those English words.
What is stored never changes here: this module only translates what is *displayed*,
and only for a form whose definition is exactly the seed's (same key, version 1,
same content hash — journal.forms.form_sha256). A form the user edited (a new version)
or one received with a different definition is their own text and is shown as is.

The texts are the core's: journal/records/forms_seed.py marks every label and choice
with N_(), so they are translated by the gettext catalogue (journal/locale/<lang>/
LC_MESSAGES/journal.po) the CLI uses too — one translation for both faces, following
the language the GUI sets (ui.common.i18n.install_translations → journal.i18n).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from PySide6.QtCore import QCoreApplication

from journal.i18n import _
from journal.records import display_labels
from journal.records.display_labels import SEED_VERSION, is_unchanged_builtin  # noqa: F401 - one definition, shared with the CLI
from journal.records.forms import display_value
from journal.records.forms_seed import SEED_FORMS
from journal.records.reports import BUILTIN_DIMENSIONS

VALUE_WORDS = tuple(display_labels.VALUE_WORDS)  # the stored words, defined once in the core


def seed_texts() -> list[str]:
    """Every English text of the built-in forms (tests check each is translated)."""
    return list(dict.fromkeys([*display_labels.seed_texts(), *VALUE_WORDS]))


@lru_cache(maxsize=1)
def _seed_by_key() -> dict[str, dict]:
    return {f["key"]: f for f in SEED_FORMS}


def form_label(form: Any) -> str:
    """The form's name as shown."""
    return _(form.label) if is_unchanged_builtin(form) else form.label


def field_label(form: Any, spec: dict) -> str:
    """A field's label as shown."""
    return _(spec["label"]) if is_unchanged_builtin(form) else spec["label"]


def text_for(form: Any):
    """A function mapping a stored text of `form` (label or choice) to what is shown."""
    return _ if is_unchanged_builtin(form) else (lambda text: text)


def value_text(form: Any, spec: dict | None, value: Any, person_names: dict[str, str] | None = None) -> str:
    """journal.records.forms.display_value, with built-in choices and yes/no in the interface language."""
    if value is None:
        return ""
    type_ = (spec or {}).get("type")
    if type_ == "bool" or isinstance(value, bool):
        return _("yes") if value else _("no")
    if type_ in ("choice", "multi_choice") and is_unchanged_builtin(form):
        return ", ".join(_(str(v)) for v in (value if isinstance(value, list) else [value]))
    return display_value(spec, value, person_names)


def form_text(item: Any) -> list[tuple[str, list[tuple[str, str]]]]:
    """journal.records.reports.ReportEntry.form_text, translated: [(form label, [(field label, value)])]."""
    out = []
    for fv in item.forms:
        rows = [(field_label(fv.form, spec), value_text(fv.form, spec, fv.values[spec["key"]], item.person_names))
                for spec in fv.form.fields if spec["key"] in fv.values]
        out.append((form_label(fv.form), rows))
    return out


# --- statistics: dimensions are "form_key.field_key" and values are stored texts --------------------
def _seed_field(dimension: str) -> tuple[dict, dict] | None:
    form_key, _dot, field_key = dimension.rpartition(".")
    candidates = [_seed_by_key()[form_key]] if form_key in _seed_by_key() else (
        [] if form_key else list(SEED_FORMS))
    for form in candidates:
        for spec in form["fields"]:
            if spec["key"] == field_key:
                return form, spec
    return None


def dimension_label(dimension: str, label: str) -> str:
    """journal.records.reports.dimensions() label ("Form: Field") translated when it is the seed's text."""
    found = _seed_field(dimension)
    if found and label == f"{found[0]['label']}: {found[1]['label']}":
        return QCoreApplication.translate("BuiltinForms", "{form}: {field}").format(
            form=_(found[0]["label"]), field=_(found[1]["label"]))
    return label


def stats_value(dimension: str, value: Any) -> Any:
    """A statistics cell: a built-in field's choice, yes/no or (none) in the interface language.

    Only texts that are exactly a seed choice of that field are translated, so a user's own
    choice (in an edited form) that happens to differ is shown as stored.
    """
    if not isinstance(value, str):
        return value
    if value == "(none)" or (value in VALUE_WORDS and dimension not in BUILTIN_DIMENSIONS):
        return _(value)
    found = _seed_field(dimension)
    if found and value in found[1].get("choices", []):
        return _(value)
    return value
