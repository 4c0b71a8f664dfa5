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
3. runs the frozen executables as a machine without Python would (check(): env -i, ru/uk, a
   journal created and a PDF report written; --no-check skips it);
4. packs dist/incident-journal/ as dist/incident-journal-<version>-linux-x86_64.tar.gz (owner
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


def check(folder: Path, ver: str) -> None:
    """Run the frozen executables as a machine without Python would: env -i, a throwaway HOME.

    Both print the version; the CLI speaks Russian and Ukrainian (gettext catalogues), creates a
    journal, adds an entry and writes a PDF report with the bundled font; the GUI starts offscreen
    in Russian and Ukrainian; the Qt catalogues, icons and fonts are in the folder; nothing was
    written inside the folder."""
    internal = folder / "_internal"
    for relative in ("incident_journal_resources/translations/incident_journal_ru.qm",
                     "incident_journal_resources/translations/incident_journal_uk.qm",
                     "incident_journal_resources/icons/incident-journal-256.png",
                     "incident_journal_resources/fonts/DejaVuSans.ttf",
                     "journal/locale/ru/LC_MESSAGES/journal.mo", "journal/locale/uk/LC_MESSAGES/journal.mo"):
        if not (internal / relative).is_file():
            raise SystemExit(f"check: {relative} is missing from the build")
    before = {p: p.lstat().st_mtime_ns for p in folder.rglob("*")}
    with tempfile.TemporaryDirectory(prefix="ij-check-") as tmp:
        home = Path(tmp)
        base = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
                "JOURNAL_HOME": str(home / "data"), "JOURNAL_CONFIG_HOME": str(home / "config"),
                "XDG_CACHE_HOME": str(home / "cache")}

        def frozen(name: str, *args: str, **env: str) -> str:
            result = subprocess.run([str(folder / name), *args], env={**base, **env}, capture_output=True,
                                    text=True, timeout=120)
            if result.returncode != 0:
                raise SystemExit(f"check: {name} {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
            return result.stdout

        for name in (APP, "journal"):
            if frozen(name, "--version").strip() != f"{name} {ver}":
                raise SystemExit(f"check: {name} --version does not print {ver}")
        for lang, word in (("ru", "использование"), ("uk", "використання")):
            if word not in frozen("journal", "--help", JOURNAL_LANG=lang):
                raise SystemExit(f"check: journal --help is not in {lang}")
            frozen(APP, "--quit-when-ready", JOURNAL_LANG=lang)
        passphrase = home / "passphrase"
        passphrase.write_text("a passphrase only for checking the build\n", encoding="utf-8")
        opts = ["--data-dir", str(home / "journal"), "--passphrase-file", str(passphrase)]
        frozen("journal", "init", *opts)
        frozen("journal", "add", *opts, "--title", "Задержание у здания суда", "--body", "Затримано трьох людей.")
        frozen("journal", "report", *opts, "--format", "pdf", "-o", str(home / "report.pdf"))
        if b"/FontFile2" not in (home / "report.pdf").read_bytes():
            raise SystemExit("check: the PDF report has no embedded font")
    after = {p: p.lstat().st_mtime_ns for p in folder.rglob("*")}
    if after != before:
        raise SystemExit(f"check: the frozen app wrote inside its folder: {sorted(set(after) ^ set(before))[:5]}")
    print("check: versions, ru/uk CLI and GUI start, journal init/add/PDF report, nothing written in the folder: ok")


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
    parser.add_argument("--no-check", action="store_true", help="skip running the frozen executables")
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
    if not args.no_check:
        check(folder, ver)
    archive = pack(folder, dist, ver)
    sums = write_sums(dist, [archive])
    size = sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"{archive} ({archive.stat().st_size / 1e6:.1f} MB; unpacked {size / 1e6:.1f} MB)\n{sums}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
