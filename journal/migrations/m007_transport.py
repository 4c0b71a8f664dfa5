"""Schema 7: drop folders for coordinators, the outbox and sent log, inbox folders."""

from ._script import run_script

VERSION = 7

SCHEMA = """
"""


def apply(conn) -> None:
    if SCHEMA.strip():
        run_script(conn, SCHEMA)
