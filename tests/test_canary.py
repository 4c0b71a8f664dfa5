"""The canary test: every feature end to end, then no canary anywhere on disk.

One scenario (also run with sockets disabled by tests/test_offline.py) walks
through create, notes, photos (a real camera JPEG and one with canaries in its
EXIF), people, the contact log, export, import into a second journal, backup,
lock and settings, putting a unique canary string in every field it fills.
Afterwards every file under the data, config, cache and temp folders — and
the bundle and backup files — is read raw and searched for every canary as
UTF-8, UTF-16-LE and UTF-16-BE, URL (percent) encoded and base64 (at any offset). None may be
found. A second scenario tours every kind of file dialog (Qt's own dialog history, issue 19,
item 10) with HOME and the XDG folders pointed at scanned folders.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import FAST_KDF, PASSPHRASE
from write_watch import WriteWatch

PHOTO = Path(__file__).parent / "data" / "photos" / "DSCN0010.jpg"


def _canaries() -> dict[str, str]:
    tag = os.urandom(4).hex()
    names = ["journal_name", "identity", "title", "body", "place", "category", "tag", "person", "phone",
             "handle", "person_notes", "witness", "log_summary", "follow_up", "exif_description", "exif_artist",
             "photo_name", "meta", "coordinator_name", "review_notes"]
    # Mixed scripts on purpose: Cyrillic canaries catch encoders that only trip on non-ASCII.
    return {n: (f"КАНАРЕЙКА{n}{tag}" if i % 2 else f"CANARY{n}{tag}") for i, n in enumerate(names)} | {
        "phone": f"+7900{int(tag, 16) % 10_000_000:07d}"}


def _canary_jpeg(description: str, artist: str) -> bytes:
    """A small JPEG, made in memory, with canaries in EXIF ImageDescription and Artist."""
    from PIL import Image

    image = Image.new("RGB", (64, 48), (120, 30, 30))
    exif = Image.Exif()
    exif[0x010E] = description  # ImageDescription
    exif[0x013B] = artist       # Artist
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def run_scenario(base: Path, canaries: dict[str, str] | None = None) -> tuple[dict[str, str], list[Path]]:
    """Run every feature through the core APIs; returns (canaries, folders to scan)."""
    from journal.storage.backup import write_backup
    from journal.storage.vault import Journal
    from journal.storage.attempts import UnlockAttempts
    from ui.common.settings import Settings, save_settings

    c = canaries or _canaries()
    config = Path(os.environ["JOURNAL_CONFIG_HOME"])
    cache = Path(os.environ["XDG_CACHE_HOME"])
    data = base / "data"
    out = base / "out"
    out.mkdir(parents=True)
    for folder in (config, cache):
        folder.mkdir(parents=True, exist_ok=True)

    documenter = Journal.create(data / "documenter", PASSPHRASE, c["journal_name"], kdf=FAST_KDF).journal
    coordinator = Journal.create(data / "coordinator", PASSPHRASE, "HQ", kdf=FAST_KDF).journal
    try:
        documenter.identity.set_display_name(c["identity"])
        documenter.set_meta("note", c["meta"])
        documenter.entries.add_category(c["category"].lower(), c["category"])
        entry = documenter.entries.add(title=c["title"], body=f"{c['body']} long " * 200, place=c["place"],
                                       category=c["category"].lower(), tags=[c["tag"]],
                                       occurred_at="2024-03-05T14:10", occurred_tz="Europe/Moscow")
        for i in range(30):  # enough pages to fill the WAL
            documenter.entries.add(title=f"{c['title']} {i}", body=c["body"])
        documenter.attachments.add_file(entry.uuid, PHOTO)
        # A file with canaries attached from its path (add_file, as the GUI does), from a folder
        # outside the scanned ones: the person's own copy, not the journal's.
        source = base.parent / f"{base.name}-source"
        source.mkdir()
        (source / "evidence.jpg").write_bytes(_canary_jpeg(c["exif_artist"], c["exif_description"]))
        documenter.attachments.add_file(entry.uuid, source / "evidence.jpg")
        documenter.attachments.add_stream(entry.uuid, io.BytesIO(_canary_jpeg(c["exif_description"],
                                                                              c["exif_artist"])),
                                          f"{c['photo_name']}.jpg")
        person = documenter.people.add(name=c["person"], phones=[c["phone"]], handles=[f"signal:{c['handle']}"],
                                       roles=["detainee"], notes=c["person_notes"])
        witness = documenter.people.add(name=c["witness"], roles=["witness"], sensitive=True)
        documenter.people.link(entry.uuid, person.uuid, "detained")
        documenter.people.link(entry.uuid, witness.uuid, "witness")
        documenter.contact_log.add(people=[person.uuid], channel="call", direction="incoming",
                                   summary=c["log_summary"], entries=[entry.uuid], follow_up_due="2024-03-06",
                                   follow_up_note=c["follow_up"])

        # Export and import are part of the scenario: if they are missing, the test fails (no skip).
        record = documenter.coordinators.add(coordinator.identity.card_text(), verified=True,
                                             name=c["coordinator_name"])
        bundle = out / "bundle.ijbundle"
        documenter.exporter.export(bundle, [record.uuid], all_entries=True)
        result = coordinator.importer.import_bundle(bundle, trust_new=True)
        assert result.status == "accepted", result.reason
        coordinator.importer.set_review(entry.uuid, notes=c["review_notes"])
        assert coordinator.entries.get(entry.uuid).title == c["title"]  # the data really went through

        write_backup(documenter, out / "documenter.ijbackup")
        assert any(c["title"] == hit.title for hit in documenter.queries.search(c["title"]))
    finally:
        documenter.close()  # lock
        coordinator.close()
    save_settings(Settings(auto_lock_minutes=9, default_timezone="Europe/Kyiv", erase_after_failed=10), config)
    UnlockAttempts(data / "documenter").record_failure()
    return c, [base, config, cache, Path(tempfile.gettempdir())]


def _base64_forms(data: bytes) -> list[bytes]:
    """What `data` looks like somewhere inside a longer base64 text: it may start at any of
    three offsets within a 3-byte group, so the aligned middle of each is searched for (a
    canary of 10+ bytes always keeps 8+ characters of it)."""
    import base64

    forms = []
    for skip in range(3):
        piece = data[skip:]
        piece = piece[:len(piece) - len(piece) % 3]
        if len(piece) >= 6:
            forms.append(base64.b64encode(piece))
            forms.append(base64.urlsafe_b64encode(piece))
    return forms


def encoded_forms(canary: str) -> dict[str, list[bytes]]:
    """Every way a canary is searched for: raw text, URL (percent) encoding, base64."""
    from urllib.parse import quote, quote_plus

    forms: dict[str, list[bytes]] = {}
    for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
        forms[encoding] = [canary.encode(encoding)]
    percent = quote(canary, safe="")
    forms["percent-encoded"] = sorted({percent.encode(), percent.lower().encode(), quote_plus(canary).encode(),
                                       # Qt's QUrl/QSettings style: %XX with the ASCII left as it is
                                       quote(canary, safe="/:@").encode()})
    forms["base64"] = _base64_forms(canary.encode("utf-8")) + _base64_forms(canary.encode("utf-16-le"))
    return forms


def find_canaries(folders: list[Path], canaries: dict[str, str]) -> list[str]:
    """Every (canary, encoding, file) found in any file under `folders`."""
    found = []
    seen: set[Path] = set()
    forms = {label: encoded_forms(canary) for label, canary in canaries.items()}
    for folder in folders:
        for root, _dirs, files in os.walk(folder):
            for name in files:
                path = Path(root) / name
                if path in seen or path.is_symlink():
                    continue
                seen.add(path)
                try:
                    raw = path.read_bytes()
                except OSError:
                    continue
                for label, by_encoding in forms.items():
                    for encoding, needles in by_encoding.items():
                        if any(needle in raw for needle in needles):
                            found.append(f"{label} ({encoding}) in {path}")
    return found


@pytest.fixture
def private_temp(tmp_path, monkeypatch):
    """tempfile writes into a test-owned folder, so the scan covers "temp" too."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setenv("TMPDIR", str(folder))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def watched_roots(base: Path, temp: Path) -> list[Path]:
    """Every folder the scenario may write to: its own, config, cache and temp."""
    return [base, Path(os.environ["JOURNAL_CONFIG_HOME"]), Path(os.environ["XDG_CACHE_HOME"]), temp]


def run_watched(base: Path, temp: Path) -> tuple[dict[str, str], list[Path], WriteWatch]:
    """The scenario with every write watched (plaintext written then deleted is caught too)."""
    canaries = _canaries()
    with WriteWatch(watched_roots(base, temp), canaries) as watch:
        _c, folders = run_scenario(base, canaries)
    assert watch.errors == []
    # The watch really looked: the scenario writes many files (keys, bundle, backup, settings...).
    assert len(watch.written) >= 6 and watch.reads >= 6, (watch.written, watch.reads)
    return canaries, folders, watch


def test_no_canary_anywhere_on_disk(tmp_path, private_temp):
    canaries, folders, watch = run_watched(tmp_path / "run", private_temp)
    assert watch.found == [], "plaintext reached a file while the scenario ran"
    assert private_temp in folders or Path(tempfile.gettempdir()) == private_temp
    scanned = sum(len(files) for folder in folders for _r, _d, files in os.walk(folder))
    assert scanned >= 6, "the scenario wrote too few files for the scan to mean anything"
    assert find_canaries(folders, canaries) == []


@pytest.mark.parametrize("how", ["unlink", "os.open+fsync+remove", "overwrite_and_unlink", "TemporaryFile",
                                 "NamedTemporaryFile", "replace", "truncate", "rmtree"])
def test_the_watch_catches_plaintext_written_then_removed(tmp_path, private_temp, how):
    """The detector: each way of writing plaintext and making it vanish is seen."""
    from journal.storage.atomic import overwrite_and_unlink

    canary = "КАНАРЕЙКАwatch" + os.urandom(3).hex()
    data = canary.encode("utf-8")
    with WriteWatch([tmp_path], {"t": canary}) as watch:
        target = tmp_path / "plain.tmp"
        if how == "unlink":
            target.write_bytes(data)
            target.unlink()
        elif how == "os.open+fsync+remove":
            fd = os.open(target, os.O_WRONLY | os.O_CREAT, 0o600)
            os.write(fd, data)
            os.fsync(fd)
            os.remove(target)
            os.close(fd)
        elif how == "overwrite_and_unlink":
            target.write_bytes(data)
            overwrite_and_unlink(target)
        elif how == "TemporaryFile":
            with tempfile.TemporaryFile(dir=private_temp) as handle:
                handle.write(data)
                handle.flush()
        elif how == "NamedTemporaryFile":
            with tempfile.NamedTemporaryFile(dir=private_temp) as handle:
                handle.write(data)
                handle.flush()
        elif how == "replace":
            target.write_bytes(data)
            (tmp_path / "other").write_bytes(b"x")
            os.replace(tmp_path / "other", target)
            target.unlink()
        elif how == "truncate":
            target.write_bytes(data)
            os.truncate(target, 0)
            target.write_bytes(b"")
        else:
            (tmp_path / "d").mkdir()
            (tmp_path / "d" / "f").write_bytes(data)
            shutil.rmtree(tmp_path / "d")
    assert watch.found, f"{how}: plaintext written then removed was not seen"
    assert find_canaries([tmp_path], {"t": canary}) == []  # the end-of-run scan alone would miss it


def test_the_scan_finds_a_planted_canary(tmp_path):
    # The detector itself works: a canary written as UTF-16 is found.
    (tmp_path / "x.bin").write_bytes(b"\0junk" + "КАНАРЕЙКАtest".encode("utf-16-le"))
    assert find_canaries([tmp_path], {"t": "КАНАРЕЙКАtest"}) == [f"t (utf-16-le) in {tmp_path / 'x.bin'}"]


@pytest.mark.parametrize("prefix", [b"", b"a", b"ab", b"abc"])
def test_the_scan_finds_percent_encoded_and_base64_canaries(tmp_path, prefix):
    """Qt's QtProject.conf keeps folders as percent-encoded URLs (issue 19, item 10); other
    stores use base64. A canary at any offset of a base64 text is found."""
    import base64
    from urllib.parse import quote

    canary = "КАНАРЕЙКАevidence1234"
    (tmp_path / "QtProject.conf").write_bytes(b"history=file:///home/u/" + quote(canary).encode() + b"\n")
    (tmp_path / "blob.txt").write_bytes(b"x=" + base64.b64encode(prefix + canary.encode() + b"tail") + b"\n")
    (tmp_path / "blob16.txt").write_bytes(base64.b64encode(prefix + canary.encode("utf-16-le")))
    assert sorted(find_canaries([tmp_path], {"t": canary})) == sorted([
        f"t (percent-encoded) in {tmp_path / 'QtProject.conf'}", f"t (base64) in {tmp_path / 'blob.txt'}",
        f"t (base64) in {tmp_path / 'blob16.txt'}"])


def test_no_canary_after_a_tour_of_every_file_dialog(tmp_path):
    """Every kind of file dialog the app has (all are built by ui/common/file_dialogs.py), opened
    on a folder named by a canary, in a process whose HOME and XDG folders are scanned after."""
    canaries = {"evidence_folder": f"КАНАРЕЙКАevidence{os.urandom(4).hex()}",
                "ascii_folder": f"CANARYevidence{os.urandom(4).hex()}"}
    home = tmp_path / "home"
    evidence = home / canaries["evidence_folder"] / canaries["ascii_folder"]
    evidence.mkdir(parents=True)
    (evidence / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    env = _tour_env(home)
    proc = subprocess.run([sys.executable, str(Path(__file__).parent / "file_dialog_tour.py"), str(evidence)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert str(evidence) in proc.stdout  # the dialogs really went to the evidence folder
    (evidence / "photo.jpg").unlink()
    shutil.rmtree(home / canaries["evidence_folder"])  # the folder itself is not a leak
    assert find_canaries([home, tmp_path / "tmp"], canaries) == []


def _tour_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local/share"),
               XDG_CACHE_HOME=str(home / ".cache"), XDG_STATE_HOME=str(home / ".local/state"),
               JOURNAL_CONFIG_HOME=str(home / ".config/incident-journal"), TMPDIR=str(home.parent / "tmp"),
               QT_QPA_PLATFORM="offscreen")
    (home.parent / "tmp").mkdir(exist_ok=True)
    return env


@pytest.mark.parametrize("mode,leaks", [("--unprotected", True), ("--fallback", False)])
def test_file_dialog_tour_detects_qt_history_and_the_fallback_keeps_none(tmp_path, mode, leaks):
    """Without ui/common/file_dialogs.keep_qt_settings_off_disk (the app before issue 19) Qt's
    QtProject.conf names the evidence folder, percent-encoded, and the scan sees it; the
    restore-afterwards way used on Windows and macOS leaves nothing either."""
    canary = f"КАНАРЕЙКАevidence{os.urandom(4).hex()}"
    home = tmp_path / "home"
    evidence = home / canary
    evidence.mkdir(parents=True)
    (evidence / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    proc = subprocess.run([sys.executable, str(Path(__file__).parent / "file_dialog_tour.py"), str(evidence), mode],
                          env=_tour_env(home), capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    shutil.rmtree(evidence)
    found = find_canaries([home], {"folder": canary})
    if leaks:
        assert f"folder (percent-encoded) in {home / '.config' / 'QtProject.conf'}" in found
    else:
        assert found == []


def test_no_canary_after_a_gui_tour_of_every_file_dialog(tmp_path):
    """The real app, unlocked, every action that opens a file dialog triggered (backup, restore,
    attach, save a copy, import bundles and folders, send, card, coordinator card, report, another
    journal folder): the dialogs go to a folder named by canaries, and afterwards nothing under
    HOME (~/.config/QtProject.conf and the rest) or the temp folder names it, in any encoding."""
    from conftest import FAST_KDF, PASSPHRASE

    from journal.storage.vault import Journal

    canaries = {"evidence_folder": f"КАНАРЕЙКАevidence{os.urandom(4).hex()}",
                "ascii_folder": f"CANARYevidence{os.urandom(4).hex()}"}
    home = tmp_path / "home"
    evidence = home / canaries["evidence_folder"] / canaries["ascii_folder"]
    evidence.mkdir(parents=True)
    shutil.copy(PHOTO, evidence / "photo.jpg")
    data = tmp_path / "data" / "journal"
    journal = Journal.create(data, PASSPHRASE, "Tour", kdf=FAST_KDF, card_name="Tour team").journal  # a public name chosen: the card and send dialogs open at once
    entry = journal.entries.add(title="tour", body="b")
    journal.attachments.add_stream(entry.uuid, io.BytesIO(b"x" * 1000), "a.bin")
    journal.close()
    env = _tour_env(home)
    proc = subprocess.run([sys.executable, str(Path(__file__).parent / "gui_file_dialog_tour.py"), str(data),
                           env["JOURNAL_CONFIG_HOME"], str(evidence)],
                          env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-2000:]
    dialogs = [line for line in proc.stdout.splitlines() if line.startswith("dialog ")]
    assert len(dialogs) >= 10, proc.stdout  # the tour really opened the app's file dialogs
    shutil.rmtree(home / canaries["evidence_folder"])  # the folder itself (and what was saved there)
    assert find_canaries([home, tmp_path / "tmp", data], canaries) == []
