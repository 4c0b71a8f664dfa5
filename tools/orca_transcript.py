"""What Orca said at each step of tools/orca_session.sh: OUTDIR/steps.txt + OUTDIR/orca-debug.txt.

    python3 tools/orca_transcript.py OUTDIR

Prints each step, then every utterance Orca sent to speech during it ("SPEECH OUTPUT" lines of
its debug log, in order).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

SPEECH = re.compile(r"^(\d\d:\d\d:\d\d\.\d+) - SPEECH OUTPUT: '(.*?)(?:'\s*\{.*)?$")


def main() -> int:
    out = Path(sys.argv[1])
    lines = (out / "orca-debug.txt").read_text(errors="replace").splitlines()
    said = [(m.group(1)[:15], m.group(2)) for m in map(SPEECH.search, lines) if m]
    steps = []
    for row in (out / "steps.txt").read_text().splitlines():
        stamp, _, label = row.partition(" ")
        steps.append((stamp[:15], label))
    steps.append(("99", ""))
    for (start, label), (end, _) in zip(steps, steps[1:]):
        print(f"## {label}")
        for stamp, text in said:
            if start <= stamp < end:
                print(f"    {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
