"""End to end: a video, a voice memo, a PDF and a Word statement attached to an entry,
exported in a bundle and imported at a coordinator, arrive without identifying metadata;
saved copies are cleaned the same way; a file that cannot be cleaned stops the bundle
unless the person allows it."""

from __future__ import annotations

import hashlib
import json

import pytest

from journal.cli import main
from journal.exchange.exporter import ExportError, ExportOptions
from tests.media_samples import (
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


def _attach_samples(journal, tmp_path):
    entry = journal.entries.add(title="Detention filmed at the station", body="see the files")
    folder = tmp_path / "samples"
    folder.mkdir()
    files = [make_video(folder, "mp4"), make_audio(folder, "mp3"), make_pdf(folder), make_docx(folder)]
    attachments = [journal.attachments.add_file(entry.uuid, path) for path in files]
    return entry, files, attachments


def test_bundle_carries_cleaned_video_audio_pdf_and_docx(pair, tmp_path):
    documenter, coordinator, record = pair
    entry, files, originals = _attach_samples(documenter, tmp_path)
    result = documenter.exporter.export(tmp_path / "b.ijbundle", [record.uuid], all_entries=True)
    assert result.attachment_count == 4 and not result.warnings
    imported = coordinator.importer.import_bundle(tmp_path / "b.ijbundle", trust_new=True)
    assert imported.status == "accepted", imported.reason
    received = {a.file_name: a for a in coordinator.attachments.list_for_entry(entry.uuid)}
    assert set(received) == {p.name for p in files}
    out = tmp_path / "received"
    out.mkdir()
    for path in files:
        att = received[path.name]
        target = out / path.name
        with coordinator.attachments.open_stream(att.uuid) as src:
            target.write_bytes(src.read())
        assert hashlib.sha256(target.read_bytes()).hexdigest() == att.sha256
        assert_nothing_identifying(target)
    streams = json.loads(run("ffprobe", "-v", "error", "-print_format", "json", "-show_streams", "-show_format",
                             str(out / "phone.mp4")))
    assert [s["codec_type"] for s in streams["streams"]] == ["video", "audio"]
    assert float(streams["format"]["duration"]) > 0.5
    # The originals stay in the sender's journal, untouched, with their SHA-256.
    for path, att in zip(files, originals):
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


def test_saved_copies_are_cleaned_the_same_way(pair, tmp_path):
    documenter, coordinator, record = pair
    entry, files, attachments = _attach_samples(documenter, tmp_path)
    # Saved copies with metadata stripped: the same cleaning as bundles.
    for path, att in zip(files, attachments):
        report = documenter.attachments.save_copy(att.uuid, tmp_path / f"copy-{path.name}", strip=True)
        assert report.cleaned and report.stripped
        assert_nothing_identifying(tmp_path / f"copy-{path.name}")


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
