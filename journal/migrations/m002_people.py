"""Schema 2: People, roles, contact log, links between entries and people."""

from ._script import run_script

VERSION = 2

SCHEMA = """
"""


def apply(conn) -> None:
    if SCHEMA.strip():
        run_script(conn, SCHEMA)
