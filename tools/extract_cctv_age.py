#!/usr/bin/env python3
"""Write the C2SP CCTV age test files, byte for byte, from the `cctv-age` npm package.

The package (https://www.npmjs.com/package/cctv-age, published by the CCTV authors from
C2SP/CCTV `age/`) embeds every file of `age/testdata/` as base64 in its index.js, one
`// ../testdata/<name>` comment and `var <name>_default = __toBinary("<base64>")` per file.
This decodes them into tests/age_cctv/testdata/ (nothing else is written).

    npm pack cctv-age@0.2.0 && tar xzf cctv-age-0.2.0.tgz
    python tools/extract_cctv_age.py package/index.js

The files committed were extracted from cctv-age 0.2.0 (npm shasum
9fc9490395bde049d60ceb549f41a39adc2d080a); tests/age_cctv/testdata/SHA256SUMS lists them.
"""

from __future__ import annotations

import base64
import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "age_cctv" / "testdata"
_FILE = re.compile(r'^// \.\./testdata/([A-Za-z0-9_.-]+)\nvar (\w+)_default = __toBinary\("([A-Za-z0-9+/=]*)"\);$',
                   re.M)


def main(index_js: str) -> int:
    text = Path(index_js).read_text(encoding="utf-8")
    found = _FILE.findall(text)
    if not found or len(found) != text.count("// ../testdata/"):
        print("unexpected index.js layout", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    sums = []
    for name, var, data in found:
        if var != name.replace("-", "_"):
            print(f"name mismatch: {name} / {var}", file=sys.stderr)
            return 1
        raw = base64.b64decode(data, validate=True)
        (OUT / name).write_bytes(raw)
        sums.append(f"{hashlib.sha256(raw).hexdigest()}  {name}\n")
    (OUT / "SHA256SUMS").write_text("".join(sorted(sums, key=lambda line: line.split()[1])))
    print(f"{len(found)} files written to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
