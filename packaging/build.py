"""Build the desktop packages: a self-contained folder made by PyInstaller, packed per platform.

    .venv/bin/pip install -e '.[desktop]'
    .venv/bin/python packaging/build.py

Makes in dist/, by the platform it runs on (PyInstaller cannot cross-build):
- Linux: incident-journal-<version>-linux-x86_64.tar.gz (the folder) and
  incident-journal_<version>_amd64.deb (the folder under /opt/incident-journal, both commands on
  PATH, a .desktop entry, hicolor icons, AppStream metainfo, and as dependencies the Debian
  packages of every system library the folder links to, found with ldd and dpkg -S);
- Windows: incident-journal-<version>-windows-x86_64-setup.exe (Inno Setup 6, per-user install,
  Start-menu entry; ISCC.exe must be on PATH) and a .zip of the folder;
- macOS: incident-journal-<version>-macos-<arch>.dmg holding "Incident Journal.app" (hdiutil),
  for the architecture of the Python that runs the build (arm64 or x86_64);
- SHA256SUMS for all of them (`sha256sum -c SHA256SUMS`; docs/install.md).

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
4. packs the folder for the platform (owner and timestamps normalised) and writes SHA256SUMS.

The build is too slow for CI (a few minutes on 2 cores); tests/test_wheel.py covers the wheel it
starts from and tests/test_packaging.py the .deb's layout from a small fake folder.
.github/workflows/release.yml runs it on Linux, Windows and macOS runners. Check a Linux build on
a machine with only Debian's libraries as docs/install.md says (packaging/check_clean_debian.sh);
bench/bench_frozen_start.py gives sizes and start times.
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
import time
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


# The PATH of a machine without Python: nothing of the build's venv or the developer's tools.
CLEAN_PATH = [r"C:\Windows\System32", r"C:\Windows"] if sys.platform == "win32" else ["/usr/bin", "/bin"]
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""


def make_icon(out: Path) -> Path | None:
    """The platform's icon file from the PNG sizes in resources/icons (Pillow writes .ico and .icns
    on any platform); Linux needs none (the .desktop entry names the hicolor icon)."""
    if sys.platform not in ("win32", "darwin"):
        return None
    from PIL import Image

    sizes = [16, 24, 32, 48, 64, 128, 256] if sys.platform == "win32" else [16, 32, 64, 128, 256, 512]
    images = [Image.open(ROOT / "resources" / "icons" / f"incident-journal-{n}.png").convert("RGBA") for n in sizes]
    icon = out / ("incident-journal.ico" if sys.platform == "win32" else "incident-journal.icns")
    largest = images[-1]
    largest.save(icon, sizes=[(n, n) for n in sizes]) if sys.platform == "win32" else largest.save(
        icon, append_images=images[:-1])
    return icon


def freeze(staging: Path, work: Path, dist: Path, ver: str, icon: Path | None) -> Path:
    env = dict(os.environ, INCIDENT_JOURNAL_STAGING=str(staging), INCIDENT_JOURNAL_VERSION=ver,
               INCIDENT_JOURNAL_ICON=str(icon or ""))
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--workpath", work, "--distpath", dist, SPEC], env=env, cwd=ROOT)
    folder = dist / APP
    for name in (APP, "journal"):
        if not (folder / (name + EXE_SUFFIX)).is_file():
            raise SystemExit(f"PyInstaller made no {folder / (name + EXE_SUFFIX)}")
    return folder


def check(folder: Path, ver: str) -> None:
    """Run the frozen executables as a machine without Python would: env -i, a throwaway HOME.

    Both print the version; the CLI speaks Russian and Ukrainian (gettext catalogues), creates a
    journal, adds an entry and writes a PDF report with the bundled font; the GUI starts offscreen
    in Russian and Ukrainian; the Qt catalogues, icons and fonts are in the folder; nothing was
    written inside the folder."""
    internal = folder / "_internal"
    for relative in ("incident_journal_resources/translations/incident_journal_en.qm",
                     "incident_journal_resources/translations/incident_journal_ru.qm",
                     "incident_journal_resources/translations/incident_journal_uk.qm",
                     "incident_journal_resources/icons/incident-journal-256.png",
                     "incident_journal_resources/fonts/DejaVuSans.ttf",
                     "journal/locale/ru/LC_MESSAGES/journal.mo", "journal/locale/uk/LC_MESSAGES/journal.mo"):
        if not (internal / relative).is_file():
            raise SystemExit(f"check: {relative} is missing from the build")
    carried = [p.name for pattern in ("*qgtk3*", "*qxdgdesktopportal*") for p in folder.rglob(pattern)]
    if carried:
        raise SystemExit(f"check: the build carries Qt platform themes it must not (GTK file dialogs): {carried}")
    before = {p: p.lstat().st_mtime_ns for p in folder.rglob("*")}
    with tempfile.TemporaryDirectory(prefix="ij-check-") as tmp:
        home = Path(tmp)
        base = {"PATH": os.pathsep.join(CLEAN_PATH), "HOME": str(home), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
                "JOURNAL_HOME": str(home / "data"), "JOURNAL_CONFIG_HOME": str(home / "config"),
                "XDG_CACHE_HOME": str(home / "cache")}
        if sys.platform == "win32":  # Windows programs do not start without it
            base["SYSTEMROOT"] = os.environ.get("SYSTEMROOT", r"C:\Windows")

        # On Linux every run is traced for sockets when strace is there: the frozen app must open
        # no network socket unless the person sends or fetches (a Unix socket to D-Bus is local).
        strace = shutil.which("strace") if sys.platform.startswith("linux") else None
        traces = Path(tempfile.mkdtemp(prefix="ij-sockets-"))

        def frozen(name: str, *args: str, **env: str) -> str:
            command = [str(folder / (name + EXE_SUFFIX)), *args]
            if strace:
                log = traces / f"{len(list(traces.iterdir()))}.txt"
                command = [strace, "-f", "-qq", "-e", "trace=socket", "-o", str(log), *command]
            result = subprocess.run(command, env={**base, **env}, capture_output=True, text=True, timeout=120)
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
        # Word forms (pymorphy3's dictionaries inside the build): another case finds the entry.
        if "Задержание" not in frozen("journal", "search", *opts, "задержанию"):
            raise SystemExit("check: search by word form finds nothing (pymorphy3 dictionaries missing?)")
        frozen("journal", "report", *opts, "--format", "pdf", "-o", str(home / "report.pdf"))
        if b"/FontFile2" not in (home / "report.pdf").read_bytes():
            raise SystemExit("check: the PDF report has no embedded font")
        network = [line for log in traces.glob("*.txt") for line in log.read_text().splitlines()
                   if "AF_INET" in line or "AF_PACKET" in line]
        shutil.rmtree(traces)
        if network:
            raise SystemExit(f"check: the frozen app opened a network socket without sending: {network[:3]}")
        # Nothing cached or unpacked at run time: one-folder mode reads its modules from the
        # bundled archive, so the throwaway home holds only what the runs were asked to write.
        written = sorted(str(p.relative_to(home)) for p in home.rglob("*") if p.is_file())
        expected = {"passphrase", "report.pdf"}
        unexpected = [p for p in written if p not in expected and not p.startswith(("journal/", "data/", "config/"))]
        if unexpected:
            raise SystemExit(f"check: the frozen app wrote outside its journal and settings: {unexpected[:5]}")
    after = {p: p.lstat().st_mtime_ns for p in folder.rglob("*")}
    if after != before:
        raise SystemExit(f"check: the frozen app wrote inside its folder: {sorted(set(after) ^ set(before))[:5]}")
    print("check: versions, ru/uk CLI and GUI start, journal init/add/search/PDF report, no network socket"
          + ("" if strace else " (not traced: no strace)") + ", no cache, nothing written in the folder: ok")


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



# --- Linux: .deb ---------------------------------------------------------------------------

DEB_PACKAGE = "incident-journal"
DEB_PREFIX = Path("opt") / APP
APPSTREAM_ID = "org.incidentjournal.IncidentJournal"  # packaging/linux/incident-journal.metainfo.xml
DEB_DESCRIPTION = """Encrypted offline journal for human-rights documenters
 Incident Journal keeps field notes, photos and contact logs in an encrypted
 SQLCipher database on your own laptop, and can send an encrypted, signed
 bundle (age + tar + Ed25519) to a coordinator. It never connects to the
 network unless you send or fetch. Self-contained: Python, Qt and SQLCipher
 are inside /opt/incident-journal."""


def _is_elf(path: Path) -> bool:
    if not path.is_file() or path.is_symlink():
        return False
    with path.open("rb") as f:
        return f.read(4) == b"\x7fELF"


def system_libraries(folder: Path) -> dict[str, Path]:
    """Every shared library the folder's programs and plugins load from the system (not from the
    folder itself), by soname. A library ldd cannot find on the build machine stops the build:
    the .deb would not know which package provides it."""
    found: dict[str, Path] = {}
    missing: set[str] = set()
    inside = str(folder.resolve())
    for path in sorted(folder.rglob("*")):
        if not _is_elf(path):
            continue
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True,
                                env={"PATH": "/usr/bin:/bin", "LD_LIBRARY_PATH": str(folder / "_internal")})
        for line in result.stdout.splitlines():
            name, arrow, rest = line.strip().partition(" => ")
            if not arrow:
                continue
            target = rest.split(" (", 1)[0].strip()
            if target == "not found":
                missing.add(name)
            elif target and not str(Path(target).resolve()).startswith(inside):
                found.setdefault(name, Path(target))
    missing -= set(p.name for p in folder.rglob("*.so*"))  # loaded from the folder at run time
    if missing:
        raise SystemExit(f"build: the build machine lacks these libraries the app loads: {sorted(missing)}")
    return found


def _owning_package(path: Path) -> str:
    """The Debian package that installed a library file (dpkg -S, trying the /usr-merged names)."""
    candidates = [str(path), str(path.resolve())]
    for name in list(candidates):
        if name.startswith("/usr/"):
            candidates.append(name[len("/usr"):])
        else:
            candidates.append("/usr" + name)
    for name in candidates:
        result = subprocess.run(["dpkg", "-S", name], capture_output=True, text=True)
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0].strip()
    raise SystemExit(f"build: no Debian package owns {path}; install it from a package first")


def deb_depends(folder: Path) -> list[str]:
    """The Depends line: the packages of every system library, libc6 at least the build's glibc."""
    packages = {_owning_package(path) for path in system_libraries(folder).values()}
    glibc = platform.libc_ver()[1] or "2.36"
    # The bundled libfontconfig reads the system's /etc/fonts/fonts.conf, and Qt needs at least
    # one font: fontconfig-config brings both (a desktop has them; a minimal system may not).
    depends = sorted({p for p in packages if p != "libc6"} | {"fontconfig-config"})
    return [f"libc6 (>= {glibc})", *depends]


def _deb_tree(folder: Path, root: Path, ver: str, depends: list[str]) -> None:
    """The file tree of the .deb under root (DEBIAN/ included)."""
    shutil.copytree(folder, root / DEB_PREFIX, symlinks=True)
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    for name in (APP, "journal"):  # PyInstaller's loader finds its folder through the resolved link
        (bin_dir / name).symlink_to(Path("/") / DEB_PREFIX / name)
    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy2(ROOT / "resources" / "incident-journal.desktop", share / "applications" / "incident-journal.desktop")
    for png in sorted((ROOT / "resources" / "icons").glob("incident-journal-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(png, target / "incident-journal.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(ROOT / "resources" / "incident-journal.svg", scalable / "incident-journal.svg")
    (share / "metainfo").mkdir(parents=True)
    date = time.strftime("%Y-%m-%d", time.gmtime(int(os.environ.get("SOURCE_DATE_EPOCH", "0")) or None))
    metainfo = (Path(__file__).parent / "linux" / "incident-journal.metainfo.xml").read_text(encoding="utf-8")
    (share / "metainfo" / f"{APPSTREAM_ID}.metainfo.xml").write_text(
        metainfo.replace("@VERSION@", ver).replace("@DATE@", date), encoding="utf-8")
    doc = share / "doc" / DEB_PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: Incident Journal\n\nFiles: *\nLicense: GPL-3.0-or-later\n"
        " On Debian systems the full text is in /usr/share/common-licenses/GPL-3.\n\n"
        "Files: opt/incident-journal/_internal/*\nLicense: various\n"
        " Python (PSF), Qt and PySide6 (LGPL-3.0), SQLCipher (BSD-3-Clause) and the other\n"
        " libraries the app is frozen with, each under its own licence.\n", encoding="utf-8")
    installed_kib = sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir()) // 1024 + 1
    control = root / "DEBIAN"
    control.mkdir()
    (control / "control").write_text(
        f"Package: {DEB_PACKAGE}\nVersion: {ver}\nArchitecture: amd64\nSection: utils\nPriority: optional\n"
        f"Maintainer: Incident Journal <security@incident-journal.invalid>\n"
        f"Installed-Size: {installed_kib}\nDepends: {', '.join(depends)}\n"
        f"Homepage: https://github.com/incident-journal/incident-journal\n"
        f"Description: {DEB_DESCRIPTION}\n", encoding="utf-8")


def build_deb(folder: Path, dist: Path, ver: str, depends: list[str] | None = None) -> Path:
    """incident-journal_<version>_amd64.deb with dpkg-deb (root-owned files, no maintainer scripts:
    nothing runs as root at install time)."""
    deb = dist / f"{DEB_PACKAGE}_{ver}_amd64.deb"
    with tempfile.TemporaryDirectory(prefix="ij-deb-") as tmp:
        root = Path(tmp) / "root"
        _deb_tree(folder, root, ver, depends if depends is not None else deb_depends(folder))
        run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", root, deb])
    return deb


# --- Windows and macOS ---------------------------------------------------------------------

def build_windows_installer(folder: Path, dist: Path, ver: str, icon: Path | None) -> list[Path]:
    """The Inno Setup installer (ISCC.exe on PATH) and a .zip of the folder for those who can't run it."""
    script = Path(__file__).parent / "windows" / "incident-journal.iss"
    iscc = shutil.which("ISCC") or shutil.which("iscc")
    if iscc is None:
        raise SystemExit("build: Inno Setup 6's ISCC.exe is not on PATH (choco install innosetup)")
    run([iscc, f"/DAppVersion={ver}", f"/DSourceDir={folder}", f"/DOutputDir={dist}",
         *([f"/DIconFile={icon}"] if icon else []), script])
    setup = dist / f"{APP}-{ver}-windows-x86_64-setup.exe"
    archive = Path(shutil.make_archive(str(dist / f"{APP}-{ver}-windows-x86_64"), "zip", folder.parent, folder.name))
    return [setup, archive]


def build_dmg(dist: Path, ver: str) -> Path:
    """A compressed disk image holding "Incident Journal.app" and a link to /Applications."""
    app = dist / "Incident Journal.app"
    if not app.is_dir():
        raise SystemExit(f"PyInstaller made no {app}")
    arch = platform.machine().lower()
    dmg = dist / f"{APP}-{ver}-macos-{arch}.dmg"
    with tempfile.TemporaryDirectory(prefix="ij-dmg-") as tmp:
        content = Path(tmp) / "Incident Journal"
        content.mkdir()
        shutil.copytree(app, content / app.name, symlinks=True)
        (content / "Applications").symlink_to("/Applications")
        dmg.unlink(missing_ok=True)
        run(["hdiutil", "create", "-volname", "Incident Journal", "-srcfolder", content, "-format", "UDZO",
             "-ov", dmg])
    return dmg


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", default=str(ROOT / "dist"), help="output folder (default: dist/)")
    parser.add_argument("--no-check", action="store_true", help="skip running the frozen executables")
    parser.add_argument("--no-deb", action="store_true", help="Linux: make only the .tar.gz")
    args = parser.parse_args(argv)
    dist = Path(args.dist).resolve()
    dist.mkdir(parents=True, exist_ok=True)
    ver = version()
    with tempfile.TemporaryDirectory(prefix="ij-build-") as tmp:
        out = Path(tmp)
        wheel = build_wheel(out)
        staging = stage(wheel, out)
        icon = make_icon(out)
        folder = freeze(staging, out / "pyinstaller", dist, ver, icon)
        if not args.no_check:
            check(folder, ver)
        if sys.platform == "win32":
            made = build_windows_installer(folder, dist, ver, icon)
        elif sys.platform == "darwin":
            made = [build_dmg(dist, ver)]
        else:
            made = [pack(folder, dist, ver)]
            if not args.no_deb:
                made.append(build_deb(folder, dist, ver))
    sums = write_sums(dist, made)
    size = sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    for path in made:
        print(f"{path} ({path.stat().st_size / 1e6:.1f} MB)")
    print(f"unpacked folder {size / 1e6:.1f} MB\n{sums}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
