"""Render resources/incident-journal.svg to PNGs (resources/icons/incident-journal-<size>.png).

Run after changing the SVG: QT_QPA_PLATFORM=offscreen python tools/make_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

from ui.common.resources import ICON_SIZES, ICON_SVG, icon_png  # noqa: E402


def render(size: int, renderer: QSvgRenderer) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (QImage needs it)
    renderer = QSvgRenderer(str(ICON_SVG))
    if not renderer.isValid():
        print(f"cannot read {ICON_SVG}", file=sys.stderr)
        return 1
    for size in ICON_SIZES:
        path = icon_png(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not render(size, renderer).save(str(path), "PNG"):
            print(f"cannot write {path}", file=sys.stderr)
            return 1
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
