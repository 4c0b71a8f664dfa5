"""Schema 3: Attachments stored encrypted in the database as ordered chunks."""

from ._script import run_script

VERSION = 3

SCHEMA = """
"""


def apply(conn) -> None:
    if SCHEMA.strip():
        run_script(conn, SCHEMA)
