"""End to end: a file of every type issue 23 names (MP4, MOV, 3GP, M4V, WebM, Matroska; MP3,
AAC, Ogg, Opus, FLAC, M4A, WAV; PDF; docx, xlsx, pptx, odt, ods; TIFF, GIF) attached to an
entry, exported in one bundle and imported at a coordinator, arrives without identifying
metadata; saved copies are cleaned the same way; a file that cannot be cleaned stops the
bundle unless the person allows it."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from journal.cli import main
from journal.exchange.exporter import ExportError, ExportOptions
from tests.media_samples import (
    IDENTIFYING,
    MODEL,
    NAME,
    SECRETS,
    STATEMENT_TEXT,
    assert_nothing_identifying,
    make_audio,
    make_docx,
    make_pdf,
    make_video,
    need,
    run,
)
from tests.test_export import pair  # noqa: F401 - fixture

pytestmark = need("ffmpeg", "ffprobe")

DOCUMENTS = Path(__file__).parent / "data" / "documents"
VIDEOS = ("mp4", "mov", "3gp", "m4v", "webm", "mkv")
AUDIO = ("mp3", "aac", "ogg", "opus", "flac", "m4a", "wav")
OFFICE = ("statement.docx", "detainees.xlsx", "briefing.pptx", "statement.odt", "detainees.ods")


def _tiff(folder: Path) -> Path:
    path = folder / "scan.tif"
    Image.new("L", (32, 24), 128).save(path, "TIFF", compression="tiff_lzw")
    run("exiftool", "-q", "-overwrite_original", f"-Artist={NAME}", f"-Copyright={NAME}", f"-Model={MODEL}",
        f"-XMP:Creator={NAME}", "-GPSLatitude=48.8577", "-GPSLatitudeRef=N", "-GPSLongitude=2.2950",
        "-GPSLongitudeRef=E", str(path))
    return path


def _gif(folder: Path) -> Path:
    path = folder / "anim.gif"
    frames = [Image.new("RGB", (16, 16), (i * 80, 10, 10)) for i in range(2)]
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0,
                   comment=f"made by {NAME} with {MODEL} at 48.8577,2.2950".encode())
    return path


def _samples(folder: Path) -> list[Path]:
    folder.mkdir()
    files = []
    for extension in VIDEOS:
        sub = folder / extension
        sub.mkdir()
        # (the M4V turned the other way: the same streams as the MP4 would clean to the same file)
        files.append(make_video(sub, extension, rotate=180 if extension == "m4v" else 90))
    files += [make_audio(folder, extension) for extension in AUDIO]
    files += [make_pdf(folder), _tiff(folder), _gif(folder)]
    for name in OFFICE:  # written by LibreOffice (tests/data/documents/README.md)
        shutil.copy(DOCUMENTS / name, folder / name)
        files.append(folder / name)
    (folder / "word").mkdir()
    files.append(make_docx(folder / "word").rename(folder / "word" / "handmade.docx"))  # template path, thumbnail
    for path in files:  # each sample carries what it must lose
        data = path.read_bytes()
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                data = b"".join(archive.read(name) for name in archive.namelist())
        assert any(secret in data for secret in SECRETS), path.name
    return files


def _check_all(paths: list[Path]) -> None:
    """What assert_nothing_identifying checks, with one exiftool and one mat2 run for all."""
    for path in paths:
        data = path.read_bytes()
        for secret in SECRETS:
            assert secret not in data, (path.name, secret)
    found = json.loads(subprocess.run(["exiftool", "-j", "-a", "-G1", "-ee", *map(str, paths)],
                                      capture_output=True, text=True, timeout=120).stdout)
    assert len(found) == len(paths)
    for tags in found:
        shown = {k: v for k, v in tags.items() if not k.startswith(("System:", "File:", "ExifTool:"))
                 and k != "SourceFile"}
        bad = {k: v for k, v in shown.items() if any(w.lower() in k.split(":")[-1].lower() for w in IDENTIFYING)
               and str(v).strip() not in ("", "0", "False")}
        assert not bad, (tags["SourceFile"], bad)
        text = json.dumps(shown)
        assert "Secretname" not in text and MODEL not in text and "48.85" not in text, tags["SourceFile"]
    report = subprocess.run(["mat2", "--show", *map(str, paths)], capture_output=True, text=True, timeout=300)
    output = report.stdout + report.stderr
    assert "Secretname" not in output and MODEL not in output and "48.85" not in output, output


@need("exiftool", "mat2")
def test_every_type_arrives_clean_and_saves_clean(pair, tmp_path):
    documenter, coordinator, record = pair
    files = _samples(tmp_path / "samples")
    entry = documenter.entries.add(title="Every kind of file", body="see the files")
    attachments = [documenter.attachments.add_file(entry.uuid, path) for path in files]
    for path, att in zip(files, attachments):  # recognised by content at attach: each is cleanable
        assert att.media_type not in ("application/octet-stream", "application/zip", "text/plain"), \
            (path.name, att.media_type)
    result = documenter.exporter.export(tmp_path / "b.ijbundle", [record.uuid], all_entries=True)
    assert not result.warnings, result.warnings
    imported = coordinator.importer.import_bundle(tmp_path / "b.ijbundle", trust_new=True)
    assert imported.status == "accepted", imported.reason
    received = {a.file_name: a for a in coordinator.attachments.list_for_entry(entry.uuid)}
    assert set(received) == {p.name for p in files}
    assert result.attachment_count == len(files)
    out = tmp_path / "received"
    out.mkdir()
    arrived, saved = [], []
    for path, att in zip(files, attachments):
        target = out / path.name
        with coordinator.attachments.open_stream(received[path.name].uuid) as src:
            target.write_bytes(src.read())
        assert hashlib.sha256(target.read_bytes()).hexdigest() == received[path.name].sha256
        arrived.append(target)
        copy = tmp_path / f"copy-{path.name}"
        report = documenter.attachments.save_copy(att.uuid, copy, strip=True)
        assert report.cleaned and report.stripped, path.name
        # The saved copy is the same cleaned file the bundle carried (cleaning is deterministic).
        assert copy.read_bytes() == target.read_bytes(), path.name
        saved.append(copy)
    _check_all(arrived)  # the saved copies are the same bytes
    with Image.open(io.BytesIO((out / "scan.tif").read_bytes())) as scan:
        assert scan.size == (32, 24)
    streams = json.loads(run("ffprobe", "-v", "error", "-print_format", "json", "-show_streams", "-show_format",
                             str(out / "phone.mp4")))
    assert [s["codec_type"] for s in streams["streams"]] == ["video", "audio"]
    assert float(streams["format"]["duration"]) > 0.5
    # The originals stay in the sender's journal, untouched, with their SHA-256.
    for path, att in zip(files, attachments):
        with documenter.attachments.open_stream(att.uuid) as src:
            assert hashlib.sha256(src.read()).hexdigest() == att.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_file_that_cannot_be_cleaned_stops_the_bundle_unless_allowed(pair, tmp_path):
    documenter, coordinator, record = pair
    entry = documenter.entries.add(title="With an unknown file")
    documenter.attachments.add_bytes(entry.uuid, b"\x00\x01MYSTERY" * 100, "device.dump")
    with pytest.raises(ExportError) as refused:
        documenter.exporter.export(tmp_path / "no.ijbundle", [record.uuid], all_entries=True)
    assert "device.dump" in str(refused.value) and "--allow-uncleaned" in str(refused.value)
    assert not (tmp_path / "no.ijbundle").exists()
    result = documenter.exporter.export(tmp_path / "yes.ijbundle", [record.uuid], all_entries=True,
                                        options=ExportOptions(allow_uncleaned=True))
    assert result.attachment_count == 1
    (warning,) = result.warnings
    assert "device.dump" in warning and "not cleaned" in warning and "may carry" in warning


def test_a_damaged_video_is_refused_and_named(pair, tmp_path):
    documenter, coordinator, record = pair
    entry = documenter.entries.add(title="Broken video")
    data = make_video(tmp_path, "mp4").read_bytes()
    documenter.attachments.add_bytes(entry.uuid, data[: len(data) // 3], "cut.mp4")
    with pytest.raises(ExportError, match="cut.mp4"):
        documenter.exporter.export(tmp_path / "b.ijbundle", [record.uuid], all_entries=True)


@need("pdftotext")
def test_cli_flags(tmp_path, capsys, monkeypatch):
    from tests.conftest import FAST_KDF, PASSPHRASE
    from journal.storage.vault import Journal

    data_dir = tmp_path / "j"
    journal = Journal.create(data_dir, PASSPHRASE, "CLI", kdf=FAST_KDF).journal
    coordinator = Journal.create(tmp_path / "c", PASSPHRASE, "HQ", kdf=FAST_KDF).journal
    record = journal.coordinators.add(coordinator.identity.card_text(), verified=True)
    entry = journal.entries.add(title="Files")
    pdf = make_pdf(tmp_path)
    att = journal.attachments.add_file(entry.uuid, pdf)
    journal.attachments.add_bytes(entry.uuid, b"\x00\x02UNKNOWN" * 50, "raw.bin")
    journal.close()
    coordinator.close()
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASSPHRASE)

    def cli(*argv):
        code = main(["--data-dir", str(data_dir), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    code, _out, err = cli("export", "--to", record.uuid[:8], "--all", "-o", str(tmp_path / "a.ijbundle"))
    assert code != 0 and "raw.bin" in err and "--allow-uncleaned" in err
    code, _out, err = cli("export", "--to", record.uuid[:8], "--all", "-o", str(tmp_path / "a.ijbundle"),
                          "--allow-uncleaned")
    assert code == 0 and "raw.bin" in err and "may carry" in err
    code, _out, err = cli("save-attachment", att.uuid, str(tmp_path / "clean.pdf"), "--strip-metadata")
    assert code == 0, err
    assert_nothing_identifying(tmp_path / "clean.pdf")
    assert STATEMENT_TEXT in run("pdftotext", str(tmp_path / "clean.pdf"), "-")
