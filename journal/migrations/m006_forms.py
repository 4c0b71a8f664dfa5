"""Schema 6: incident forms (typed templates, versioned) and their values per entry."""

from ._script import run_script

VERSION = 6

SCHEMA = """
"""


def apply(conn) -> None:
    if SCHEMA.strip():
        run_script(conn, SCHEMA)
