"""Hint text reaches 4.5:1 in the palette actually used, light and dark (issue 24, item 9).

Hints used to be disabled labels: Fusion draws those #BEBEBE on #EFEFEF (1.6:1), including
the forensic-recovery warning of the attach dialog. The contrast here is computed (WCAG 2.1
formula) from the colours each visible label is really painted with: its palette's
WindowText in the group Qt uses for it (Disabled when the label is disabled), against the
window and view backgrounds.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from gui_helpers import unlocked  # noqa: F401  (fixture)

from ui.common.a11y import MIN_CONTRAST, contrast_ratio

pytestmark = pytest.mark.gui


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, color in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#e8e8e8"),
                        (QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.Text, "#e8e8e8"),
                        (QPalette.ColorRole.Button, "#353535"), (QPalette.ColorRole.ButtonText, "#e8e8e8"),
                        (QPalette.ColorRole.Highlight, "#3d7bd9"), (QPalette.ColorRole.HighlightedText, "#ffffff")):
        palette.setColor(role, QColor(color))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#6e6e6e"))
    return palette


def painted_color(label: QLabel) -> QColor:
    group = QPalette.ColorGroup.Active if label.isEnabled() else QPalette.ColorGroup.Disabled
    return label.palette().color(group, label.foregroundRole())


def low_contrast_labels(root: QWidget) -> list[str]:
    problems = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or not label.text().strip() or label.styleSheet():
            continue  # coloured status labels (errors) set their colour explicitly
        parent = label.parentWidget() or label
        color = painted_color(label)
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
            ratio = contrast_ratio(color, parent.palette().color(QPalette.ColorGroup.Active, role))
            if ratio < MIN_CONTRAST:
                problems.append(f"{label.text()[:50]!r}: {color.name()} on {role.name} {ratio:.2f}:1")
    return problems


@pytest.fixture(params=["system", "dark"])
def palette_kind(request, qapp):
    before = qapp.palette()
    if request.param == "dark":
        qapp.setPalette(dark_palette())
    yield request.param
    qapp.setPalette(before)


def test_the_attach_dialog_warning_is_readable(qtbot, tmp_path, palette_kind):
    from ui.attachments.dialogs import ImportOptionsDialog

    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"\0" * 100)
    dialog = ImportOptionsDialog([str(photo)])
    qtbot.addWidget(dialog)
    dialog.show()
    hints = [label for label in dialog.findChildren(QLabel) if label.property("hint")]
    assert hints, "the forensic-recovery note is no longer a hint label"
    assert any("recover" in label.text() for label in hints)
    assert low_contrast_labels(dialog) == []


def test_main_window_hints_are_readable_and_follow_a_palette_change(qtbot, unlocked):  # noqa: F811
    main = unlocked.main_window
    qtbot.addWidget(main)
    hints = [label for label in main.findChildren(QLabel) if label.property("hint")]
    assert len(hints) >= 3  # empty list, empty editor, empty attachments panel (at least)
    for label in hints:
        assert label.isEnabled()  # a screen reader says "unavailable" for a disabled label
    for palette in (QApplication.palette(), dark_palette()):
        QApplication.setPalette(palette)
        for label in hints:
            background = label.parentWidget().palette().color(QPalette.ColorRole.Window)
            assert contrast_ratio(painted_color(label), background) >= MIN_CONTRAST, label.text()
            # lighter than body text: still reads as a hint
            text = palette.color(QPalette.ColorRole.WindowText)
            assert painted_color(label) != text or contrast_ratio(text, background) < 5
    assert low_contrast_labels(main) == []


def blended(color: QColor, background: QColor) -> QColor:
    """What is painted: `color` at its alpha over `background`."""
    alpha = color.alphaF()
    return QColor.fromRgbF(*(getattr(color, c)() * alpha + getattr(background, c)() * (1 - alpha)
                             for c in ("redF", "greenF", "blueF")))


def placeholder_ratio(palette: QPalette) -> float:
    group = QPalette.ColorGroup.Active
    base = palette.color(group, QPalette.ColorRole.Base)
    return contrast_ratio(blended(palette.color(group, QPalette.ColorRole.PlaceholderText), base), base)


def test_placeholder_text_is_readable_in_light_and_dark_palettes(qtbot, unlocked, palette_kind):  # noqa: F811
    """Item 4: Fusion's placeholder (text at half opacity) was about 4:1; the app's palette rule
    (ui/common/keyboard.py) makes it >= 4.5:1 on the view background, also after a theme change."""
    from PySide6.QtWidgets import QLineEdit

    main = unlocked.main_window
    qtbot.addWidget(main)
    QApplication.processEvents()
    fields = [f for f in main.findChildren(QLineEdit) if f.placeholderText()]
    assert len(fields) >= 3  # search, title, place, the contact log's summary…
    for field in fields:
        ratio = placeholder_ratio(field.palette())
        assert ratio >= MIN_CONTRAST, f"{field.placeholderText()[:40]!r}: {ratio:.2f}:1 ({palette_kind})"
    # Still lighter than the typed text, so a placeholder does not look like a value.
    palette = QApplication.palette()
    assert palette.color(QPalette.ColorRole.PlaceholderText) != palette.color(QPalette.ColorRole.Text)


def test_the_platforms_own_placeholder_colour_was_below_the_minimum():
    """The check above can fail: Fusion's own palette gives about 4:1 (text at half opacity), light or dark."""
    from PySide6.QtWidgets import QStyleFactory

    fusion = QStyleFactory.create("Fusion").standardPalette()
    assert placeholder_ratio(fusion) < MIN_CONTRAST
    dark = dark_palette()
    half = QColor(dark.color(QPalette.ColorRole.Text))
    half.setAlpha(128)
    dark.setColor(QPalette.ColorRole.PlaceholderText, half)
    assert placeholder_ratio(dark) < MIN_CONTRAST


def test_dialog_notes_are_readable_hints_not_disabled_labels(qtbot, unlocked, palette_kind):  # noqa: F811
    """The settings note and the forms editor's note were disabled labels (1.6:1, "unavailable")."""
    from ui.common.settings import Settings
    from ui.dialogs import SettingsDialog
    from ui.forms.editor import FormsEditorDialog

    for dialog in (SettingsDialog(Settings(), "Europe/Moscow"), FormsEditorDialog(unlocked.session)):
        qtbot.addWidget(dialog)
        dialog.show()
        labels = [label for label in dialog.findChildren(QLabel) if label.text().strip() and label.isVisible()]
        assert all(label.isEnabled() for label in labels), [lb.text() for lb in labels if not lb.isEnabled()]
        assert low_contrast_labels(dialog) == []
