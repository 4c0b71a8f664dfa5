"""Build the Linux desktop package: a self-contained folder made by PyInstaller, as a .tar.gz.

    .venv/bin/pip install -e '.[desktop]'
    .venv/bin/python packaging/build.py            # -> dist/incident-journal-<version>-linux-x86_64.tar.gz

What it does, offline (nothing is downloaded once the project's venv is set up):
1. builds the wheel from this checkout (`python -m build --wheel --no-isolation`) and installs it,
   without dependencies, into a private staging folder: the frozen app is made from exactly what
   the wheel ships (journal, ui, and resources/ as the package incident_journal_resources), never
   from the checkout's loose files;
2. runs PyInstaller (one-folder mode) on packaging/incident-journal.spec, which makes two
   executables sharing one folder: `incident-journal` (the GUI, no console) and `journal` (the CLI),
   with Python, Qt (PySide6), SQLCipher (sqlcipher3's bundled library) and the data files inside;
3. packs dist/incident-journal/ as dist/incident-journal-<version>-linux-x86_64.tar.gz (owner
   and timestamps normalised) and writes dist/SHA256SUMS.

The build is too slow for CI (about 3 minutes on 2 cores); tests/test_wheel.py covers the wheel it
starts from. Check a build by hand as the README's "Building the desktop packages" says
(`env -i PATH=/usr/bin:/bin`, in Russian and Ukrainian); bench/bench_frozen_start.py gives sizes
and start times.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = Path(__file__).resolve().parent / "incident-journal.spec"
APP = "incident-journal"


def version() -> str:
    sys.path.insert(0, str(ROOT))
    try:
        from journal import __version__
    finally:
        sys.path.pop(0)
    return __version__


def run(cmd: list, **kwargs) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kwargs)


def build_wheel(out: Path) -> Path:
    """The wheel of this checkout, built from a copy (building writes build/ and egg-info)."""
    source = out / "src"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build", "dist", ".venv", ".git")
    source.mkdir(parents=True)
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "journal", "ui", "resources"):
        item = ROOT / name
        (shutil.copytree(item, source / name, ignore=ignore) if item.is_dir() else shutil.copy2(item, source / name))
    run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", out / "wheel", source])
    (wheel,) = (out / "wheel").glob("*.whl")
    return wheel


def stage(wheel: Path, out: Path) -> Path:
    """Install the wheel alone into a staging folder that PyInstaller analyses first."""
    staging = out / "staging"
    run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--no-cache-dir",
         "--disable-pip-version-check", "--target", staging, wheel])
    return staging


def freeze(staging: Path, work: Path, dist: Path) -> Path:
    env = dict(os.environ, INCIDENT_JOURNAL_STAGING=str(staging))
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--workpath", work, "--distpath", dist, SPEC], env=env, cwd=ROOT)
    folder = dist / APP
    for name in (APP, "journal"):
        if not (folder / name).is_file():
            raise SystemExit(f"PyInstaller made no {folder / name}")
    return folder


def _normalised(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.mtime = int(os.environ.get("SOURCE_DATE_EPOCH", "0")) or info.mtime
    return info


def pack(folder: Path, dist: Path, ver: str) -> Path:
    machine = {"amd64": "x86_64"}.get(platform.machine().lower(), platform.machine().lower())
    archive = dist / f"{APP}-{ver}-linux-{machine}.tar.gz"
    tmp = archive.with_suffix(".tmp")
    with tarfile.open(tmp, "w:gz", compresslevel=9) as tar:
        for path in sorted(folder.rglob("*")):
            tar.add(path, arcname=str(Path(APP) / path.relative_to(folder)), recursive=False, filter=_normalised)
        tar.add(folder, arcname=APP, recursive=False, filter=_normalised)
    tmp.replace(archive)
    return archive


def write_sums(dist: Path, files: list[Path]) -> Path:
    sums = dist / "SHA256SUMS"
    lines = []
    for path in files:
        digest = hashlib.sha256()
        with path.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
        lines.append(f"{digest.hexdigest()}  {path.name}\n")
    sums.write_text("".join(lines), encoding="utf-8")
    return sums


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", default=str(ROOT / "dist"), help="output folder (default: dist/)")
    args = parser.parse_args(argv)
    if sys.platform != "linux":
        raise SystemExit("packaging/build.py builds the Linux package only (Windows and macOS: not yet)")
    dist = Path(args.dist).resolve()
    dist.mkdir(parents=True, exist_ok=True)
    ver = version()
    with tempfile.TemporaryDirectory(prefix="ij-build-") as tmp:
        out = Path(tmp)
        wheel = build_wheel(out)
        staging = stage(wheel, out)
        folder = freeze(staging, out / "pyinstaller", dist)
    archive = pack(folder, dist, ver)
    sums = write_sums(dist, [archive])
    size = sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"{archive} ({archive.stat().st_size / 1e6:.1f} MB; unpacked {size / 1e6:.1f} MB)\n{sums}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
