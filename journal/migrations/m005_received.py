"""Schema 5: Senders, imported bundles and provenance of received records."""

from ._script import run_script

VERSION = 5

SCHEMA = """
"""


def apply(conn) -> None:
    if SCHEMA.strip():
        run_script(conn, SCHEMA)
