"""The app's own files (icons, .desktop) and the app icon.

They live in resources/ in the repository and are found through the core's one lookup,
journal.resource_files (importlib.resources: a wheel, an editable install or a frozen build).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

from journal.resource_files import resource_path

ICON_SVG = resource_path("incident-journal.svg")
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def icon_png(size: int) -> Path:
    return resource_path("icons", f"incident-journal-{size}.png")


def app_icon() -> QIcon:
    """PNG sizes where generated (tools/make_icons.py), else the SVG source."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = icon_png(size)
        if path.exists():
            icon.addFile(str(path))
    if icon.isNull() and ICON_SVG.exists():
        icon = QIcon(str(ICON_SVG))
    return icon
