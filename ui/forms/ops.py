"""The forms feature's writes: an entry's form values, and the forms themselves
(see ui/common/ops.py for WriteOp: `.success(cb).failure(cb).run()`)."""

from __future__ import annotations

from ui.common.ops import WriteOp

def set_values(parent, session, entry_uuid: str, form_key: str, values: dict) -> WriteOp:
    """Save one form's values on an entry; the result is the new form values (with their revision)."""
    return WriteOp(parent, session, lambda j: j.forms.set_values(entry_uuid, form_key, values))


def remove_values(parent, session, entry_uuid: str, form_key: str) -> WriteOp:
    return WriteOp(parent, session, lambda j: j.forms.remove_values(entry_uuid, form_key))


def save_form(parent, session, form_key: str | None, label: str, category, fields: list[dict]) -> WriteOp:
    """Create a form (`form_key` None) or save a new version of one; the result is the form."""
    def work(j):
        if form_key is None:
            return j.forms.create(label, category=category, fields=fields)
        return j.forms.update(form_key, label=label, category=category, fields=fields)

    return WriteOp(parent, session, work)
