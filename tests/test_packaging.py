"""The Linux .deb's layout, made by packaging/build.py from a small stand-in folder.

The real build (PyInstaller, minutes) is not part of the test suite; what can go wrong in the
.deb step is checked here from a folder whose two "executables" are copies of /bin/true: where
the files go, the links on PATH, the menu entry, the icons, the AppStream metadata, root
ownership, and dependencies computed from the libraries the programs link to.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("dpkg-deb") is None or sys.platform != "linux",
                                reason="tool missing: dpkg-deb (Debian)")


def load_build():
    # Not "import packaging.build": "packaging" is also the name of a PyPI library.
    spec = importlib.util.spec_from_file_location("ij_packaging_build", ROOT / "packaging" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def deb(tmp_path_factory):
    build = load_build()
    base = tmp_path_factory.mktemp("deb")
    folder = base / "incident-journal"
    (folder / "_internal").mkdir(parents=True)
    for name in ("incident-journal", "journal"):
        shutil.copy2("/bin/true", folder / name)
    (folder / "_internal" / "base_library.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    depends = build.deb_depends(folder)
    path = build.build_deb(folder, base, "9.8.7", depends)
    return path, depends, base


def dpkg_deb(*args: str) -> str:
    return subprocess.run(["dpkg-deb", *args], check=True, capture_output=True, text=True).stdout


def test_deb_name_and_control(deb):
    path, depends, _ = deb
    assert path.name == "incident-journal_9.8.7_amd64.deb"
    control = dpkg_deb("-f", str(path))
    fields = dict(line.split(": ", 1) for line in control.splitlines() if ": " in line and not line.startswith(" "))
    assert fields["Package"] == "incident-journal"
    assert fields["Version"] == "9.8.7"
    assert fields["Architecture"] == "amd64"
    assert int(fields["Installed-Size"]) > 0
    # /bin/true links only glibc: the computed dependencies are libc6, at least the build's version.
    assert fields["Depends"].startswith("libc6 (>= 2.")
    assert "fontconfig-config" in fields["Depends"]  # the bundled libfontconfig reads fonts.conf
    assert depends[0] == fields["Depends"].split(",")[0].strip()


def test_deb_files_land_in_opt_with_commands_menu_icons_and_metainfo(deb):
    path, _, _ = deb
    listing = dpkg_deb("-c", str(path)).splitlines()
    names = {line.split()[5]: line for line in listing}
    assert "./opt/incident-journal/incident-journal" in names
    assert "./opt/incident-journal/journal" in names
    assert "./opt/incident-journal/_internal/base_library.zip" in names
    for command in ("incident-journal", "journal"):
        link = next(line for line in listing if f"./usr/bin/{command} ->" in line)
        assert link.endswith(f"-> /opt/incident-journal/{command}")
    for wanted in ("./usr/share/applications/incident-journal.desktop",
                   "./usr/share/icons/hicolor/256x256/apps/incident-journal.png",
                   "./usr/share/icons/hicolor/48x48/apps/incident-journal.png",
                   "./usr/share/icons/hicolor/scalable/apps/incident-journal.svg",
                   "./usr/share/metainfo/org.incidentjournal.IncidentJournal.metainfo.xml",
                   "./usr/share/doc/incident-journal/copyright"):
        assert wanted in names, wanted
    # Installed as root, whoever built it (dpkg-deb --root-owner-group).
    assert all(" root/root " in line for line in listing)
    # No maintainer scripts: nothing runs as root at install time.
    assert "postinst" not in dpkg_deb("-I", str(path))


def test_deb_metainfo_and_desktop_entry_are_valid(deb, tmp_path):
    path, _, _ = deb
    subprocess.run(["dpkg-deb", "-x", str(path), str(tmp_path)], check=True)
    metainfo = tmp_path / "usr/share/metainfo/org.incidentjournal.IncidentJournal.metainfo.xml"
    component = ET.parse(metainfo).getroot()
    assert component.findtext("id") == "org.incidentjournal.IncidentJournal"
    assert component.find("releases/release").get("version") == "9.8.7"
    assert component.find("launchable").text == "incident-journal.desktop"
    desktop = tmp_path / "usr/share/applications/incident-journal.desktop"
    assert "Exec=incident-journal" in desktop.read_text(encoding="utf-8")
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
    if shutil.which("appstreamcli"):
        result = subprocess.run(["appstreamcli", "validate", "--no-net", "--pedantic", str(metainfo)],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_missing_system_library_stops_the_build(tmp_path, monkeypatch):
    build = load_build()
    folder = tmp_path / "incident-journal"
    folder.mkdir()
    shutil.copy2("/bin/true", folder / "incident-journal")

    class Fake:
        returncode = 0
        stdout = "\tlibnothere.so.9 => not found\n\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x0)\n"

    monkeypatch.setattr(build.subprocess, "run", lambda *a, **k: Fake())
    with pytest.raises(SystemExit, match="libnothere"):
        build.system_libraries(folder)


def test_release_workflow_builds_three_platforms_and_publishes_sums():
    text = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    for runner in ("windows-latest", "macos-14", "macos-13", "debian:12"):
        assert runner in text
    assert text.count("packaging/build.py") + text.count("packaging\\build.py") >= 3
    assert "sha256sum" in text and "SHA256SUMS" in text
    try:
        import yaml
    except ImportError:
        return
    workflow = yaml.safe_load(text)
    assert set(workflow["jobs"]) == {"test", "linux", "windows", "macos", "publish"}
