"""The editor's forms panel and the forms editor, driven through their widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from gui_helpers import unlocked  # noqa: F401  (fixture)

pytestmark = pytest.mark.gui


def _select(qtbot, window, title):
    reader = window.session.reader
    rowid = next(s.id for s in reader.queries.page() if s.title == title)
    assert window.select_rowid(rowid)
    qtbot.waitUntil(lambda: window.editor.current_uuid is not None
                    and reader.entries.get_by_rowid(rowid).uuid == window.editor.current_uuid, timeout=20_000)
    return window.editor.current_uuid


def _writes_done(qtbot, window):
    qtbot.waitUntil(lambda: window.session.pending_writes() == 0, timeout=20_000)


def test_add_form_type_values_autosave_and_reload(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    feature = window.forms_feature
    panel = feature.panel
    uuid = _select(qtbot, window, "Detentions at the station square")
    assert panel.isVisible() or not window.isVisible()
    assert panel.empty.isVisibleTo(panel)
    # the form of the entry's category is offered first
    assert panel.add_combo.currentData() == "detention"
    panel.add_button.click()
    _writes_done(qtbot, window)
    assert "detention" in panel._inputs
    inputs = panel._inputs["detention"]
    unit = inputs["police_unit"].widget
    unit.setFocus()
    qtbot.keyClicks(unit, "OVD Tverskoy")
    inputs["lawyer_admitted"].widget.setCurrentIndex(inputs["lawyer_admitted"].widget.findData(False))
    qtbot.keyClicks(inputs["court_date"].widget, "2024-03-07")
    # autosave after a pause
    qtbot.waitUntil(lambda: (window.session.reader.forms.values(uuid, "detention") or None) is not None
                    and window.session.reader.forms.values(uuid, "detention").values.get("court_date")
                    == "2024-03-07", timeout=20_000)
    saved = window.session.reader.forms.values(uuid, "detention").values
    assert saved == {"police_unit": "OVD Tverskoy", "lawyer_admitted": False, "court_date": "2024-03-07"}
    # The label changes when the write's result reaches the GUI thread, just after the commit.
    qtbot.waitUntil(lambda: "saved" in panel.status.text().lower(), timeout=20_000)

    # a bad date is refused with a message, nothing else lost
    date = inputs["court_date"].widget
    date.selectAll()
    qtbot.keyClicks(date, "07.03.2024")
    qtbot.waitUntil(lambda: "not saved" in panel.status.text().lower(), timeout=20_000)
    assert window.session.reader.forms.values(uuid, "detention").values["court_date"] == "2024-03-07"

    # switching entries and back shows the stored values
    _select(qtbot, window, "Court hearing postponed")
    assert "detention" not in panel._inputs
    _select(qtbot, window, "Detentions at the station square")
    assert panel._inputs["detention"]["police_unit"].widget.text() == "OVD Tverskoy"
    assert panel._inputs["detention"]["lawyer_admitted"].widget.currentData() is False


def test_forms_editor_adds_field_and_creates_form(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    feature = window.forms_feature
    uuid = _select(qtbot, window, "Повестка отцу пятерых детей")
    feature.panel.add_button.click()  # mobilization form
    _writes_done(qtbot, window)
    feature.edit_forms("mobilization")
    dialog = feature.editor_dialog
    assert dialog.form_combo.currentData() == "mobilization" and dialog.version_label.text() == "1"
    row = dialog.add_field_row()
    dialog.table.item(row, 0).setText("Number of children")
    dialog.table.cellWidget(row, 1).setCurrentIndex(dialog.table.cellWidget(row, 1).findData("number"))
    with qtbot.waitSignal(dialog.forms_changed, timeout=20_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    form = window.session.reader.forms.get("mobilization")
    assert form.version == 2 and form.field("number_of_children")["type"] == "number"
    # the panel now shows the new field
    qtbot.waitUntil(lambda: "number_of_children" in feature.panel._inputs.get("mobilization", {}), timeout=20_000)
    feature.panel._inputs["mobilization"]["number_of_children"].widget.setText("5")
    feature.panel._changed("mobilization")
    feature.panel.save()
    _writes_done(qtbot, window)
    assert window.session.reader.forms.values(uuid, "mobilization").values == {"number_of_children": 5}

    # a new form of one's own
    dialog.form_combo.setCurrentIndex(dialog.form_combo.findData("__new__"))
    dialog.label_edit.setText("Picket")
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("detention"))
    dialog.table.item(0, 0).setText("Poster text")
    row = dialog.add_field_row()
    dialog.table.item(row, 0).setText("Outcome")
    dialog.table.cellWidget(row, 1).setCurrentIndex(dialog.table.cellWidget(row, 1).findData("choice"))
    dialog.table.item(row, 2).setText("detained; warned; nothing")
    with qtbot.waitSignal(dialog.forms_changed, timeout=20_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    picket = window.session.reader.forms.get("picket")
    assert [f["key"] for f in picket.fields] == ["poster_text", "outcome"]
    assert picket.field("outcome")["choices"] == ["detained", "warned", "nothing"]
    assert picket.category == "detention"
    # a bad definition is refused with a message
    dialog.form_combo.setCurrentIndex(dialog.form_combo.findData("__new__"))
    dialog.label_edit.setText("Broken")
    dialog.table.item(0, 0).setText("Choose")
    dialog.table.cellWidget(0, 1).setCurrentIndex(dialog.table.cellWidget(0, 1).findData("choice"))
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: "not saved" in dialog.message.text().lower(), timeout=20_000)
    dialog.close()


def test_lock_clears_the_panel(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    panel = window.forms_feature.panel
    _select(qtbot, window, "Detentions at the station square")
    panel.add_button.click()
    _writes_done(qtbot, window)
    qtbot.keyClicks(panel._inputs["detention"]["police_unit"].widget, "unit 5")
    window.flush()
    window.detach()
    assert panel._inputs == {} and panel.entry is None and panel.session is None
    assert window.forms_feature.stats_page.table.rowCount() == 0
    assert not window.forms_feature.report_action.isEnabled()


def test_form_hits_in_search(qtbot, unlocked):
    window = unlocked.main_window
    qtbot.addWidget(window)
    uuid = _select(qtbot, window, "Court hearing postponed")
    window.session.write_and_wait(lambda j: j.forms.set_values(uuid, "court_hearing", {"judge": "Сидорова"}))
    from journal.records.search_all import search_all

    hits = search_all(window.session.reader.db, "Сидорова")
    assert [(h.kind, h.uuid) for h in hits] == [("form", uuid)]
    assert window.findChild(type(window.forms_feature.panel)) is not None
    assert Qt  # keep import used


def test_russian_interface_shows_the_builtin_detention_form_in_russian(qtbot, unlocked):
    """Built-in forms are stored in English but shown in the interface language; values stay stored."""
    from PySide6.QtWidgets import QApplication

    from journal.i18n import reset
    from ui.forms import labels as forms_labels
    from ui.common.i18n import install_translations

    window = unlocked.main_window
    qtbot.addWidget(window)
    panel = window.forms_feature.panel
    try:
        install_translations(QApplication.instance(), "ru")
        uuid = _select(qtbot, window, "Detentions at the station square")
        panel._fill_add_combo(window.session.reader.entries.get(uuid))
        assert panel.add_combo.itemText(panel.add_combo.findData("detention")) == "Задержание"
        panel.add_combo.setCurrentIndex(panel.add_combo.findData("detention"))
        panel.add_button.click()
        _writes_done(qtbot, window)
        group = panel._groups["detention"]
        assert group.title() == "Задержание"
        inputs = panel._inputs["detention"]
        layout = group.layout()
        labels = {key: layout.labelForField(inputs[key].widget).text() for key in inputs}
        assert labels["police_unit"] == "Куда доставлены (отдел полиции)"
        assert labels["detained_at"] == "Время задержания"
        assert labels["lawyer_admitted"] == "Адвоката допустили"
        assert inputs["injuries"].widget.accessibleName() == "Травмы"
        # statistics: dimension names and choice values translated, stored values unchanged
        assert forms_labels.dimension_label("detention.police_unit", "Detention: Police unit / department taken to") \
            == "Задержание: Куда доставлены (отдел полиции)"
        assert forms_labels.stats_value("court_hearing.outcome", "adjourned") == "отложено"
        assert forms_labels.stats_value("court_hearing.outcome", "my own outcome") == "my own outcome"
        assert forms_labels.stats_value("place", "no") == "no"
        # a form the user changed is their own text: shown as stored
        form = window.session.reader.forms.get("detention")
        assert forms_labels.is_unchanged_builtin(form)
        edited = window.session.write_and_wait(lambda j: j.forms.update("detention", label="Detention (ours)"))
        assert not forms_labels.is_unchanged_builtin(edited)
        assert forms_labels.form_label(edited) == "Detention (ours)"
        assert forms_labels.field_label(edited, edited.fields[0]) == edited.fields[0]["label"]
    finally:
        install_translations(QApplication.instance(), "en")
        reset()
    assert forms_labels.form_label(window.session.reader.forms.get("mobilization")) == "Mobilization/draft"


def test_choice_widgets_show_translated_labels_but_keep_stored_values(qtbot, qapp):
    from ui.forms.widgets import FieldInput

    spec = {"key": "outcome", "label": "Outcome", "type": "choice", "choices": ["released", "unknown"]}
    shown = {"Outcome": "Итог", "released": "отпущен(а)"}
    field = FieldInput(spec, [], lambda text: shown.get(text, text))
    combo = field.widget
    assert combo.accessibleName() == "Итог"
    assert [combo.itemText(i) for i in range(1, combo.count())] == ["отпущен(а)", "unknown"]
    field.set_value("released")
    assert combo.currentText() == "отпущен(а)" and field.value() == "released"
