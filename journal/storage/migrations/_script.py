"""Run a multi-statement SQL script inside the caller's transaction.

Python's executescript() commits first, which would break the one
transaction per migration rule, so statements are run one by one.
"""

import sqlcipher3


def run_script(conn, script: str) -> None:
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlcipher3.complete_statement(buffer):
            statement = buffer.strip()
            if statement and statement != ";":
                conn.execute(statement)
            buffer = ""
    if buffer.strip():
        raise ValueError("incomplete SQL statement at end of script")
