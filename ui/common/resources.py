"""Where the app's own files (icons, .desktop) live, and the app icon."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

RESOURCES_DIR = Path(__file__).resolve().parents[2] / "resources"
ICON_SVG = RESOURCES_DIR / "incident-journal.svg"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def icon_png(size: int) -> Path:
    return RESOURCES_DIR / "icons" / f"incident-journal-{size}.png"


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
