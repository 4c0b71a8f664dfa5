"""Where the core finds the app's own data files (fonts today), Qt-free.

    from journal.resource_files import resource_path
    font = resource_path("fonts", "DejaVuSans.ttf")

Today the files are in resources/ beside the source tree (a checkout or `pip install -e .`).
For installed wheels this becomes importlib.resources: only RESOURCES_DIR changes.
"""

from __future__ import annotations

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """The path of one of the app's own files, e.g. resource_path("fonts", "DejaVuSans.ttf")."""
    return RESOURCES_DIR.joinpath(*parts)
