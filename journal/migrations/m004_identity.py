"""Schema 4: The journal's identity (age X25519 + Ed25519), coordinators, sent bundles."""

from ._script import run_script

VERSION = 4

SCHEMA = """
"""


def apply(conn) -> None:
    if SCHEMA.strip():
        run_script(conn, SCHEMA)
