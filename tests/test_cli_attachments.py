"""`journal attach`, `attachments`, `save-attachment` and friends, end to end."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from conftest import FAST_KDF, PASSPHRASE

from journal.cli import main
from journal.storage.vault import Journal

PHOTOS = Path(__file__).parent / "data" / "photos"


@pytest.fixture
def cli(data_dir, monkeypatch, capsys):
    """Run the CLI against a fresh journal; returns (exit code, stdout, stderr)."""
    Journal.create(data_dir, PASSPHRASE, "CLI", kdf=FAST_KDF).journal.close()
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASSPHRASE)

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--data-dir", str(data_dir), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def entry_id(cli) -> str:
    code, out, _ = cli("add", "--title", "Detention near the station")
    assert code == 0
    return out.strip()


def test_attach_list_and_save(cli, entry_id, tmp_path):
    code, out, err = cli("attach", entry_id[:8], str(PHOTOS / "DSCN0010.jpg"), str(PHOTOS / "samplefilehub.heif"))
    assert code == 0
    ids = out.split()
    assert len(ids) == 2 and all(len(i) == 36 for i in ids)
    assert "photo-details" in err  # offers the photo's time and place

    code, out, _ = cli("attachments", entry_id, "--json")
    listed = json.loads(out)
    assert [a["id"] for a in listed] == ids
    first = listed[0]
    assert first["sha256"] == hashlib.sha256((PHOTOS / "DSCN0010.jpg").read_bytes()).hexdigest()
    assert first["metadata"]["gps_latitude"] == pytest.approx(43.467448, abs=1e-5)
    assert first["media_type"] == "image/jpeg"

    code, out, _ = cli("attachments", entry_id)
    assert "DSCN0010.jpg" in out and "GPS 43.46" in out and "sha256" in out

    target = tmp_path / "copy.jpg"
    code, out, err = cli("save-attachment", ids[0][:8], str(target))
    assert code == 0 and target.read_bytes() == (PHOTOS / "DSCN0010.jpg").read_bytes()
    assert "with all its metadata" in err

    clean = tmp_path / "clean.jpg"
    code, out, err = cli("save-attachment", ids[0], str(clean), "--strip-metadata")
    assert code == 0 and b"NIKON" not in clean.read_bytes()
    assert "Removed:" in err


def test_attach_delete_original_warns_about_flash(cli, entry_id, tmp_path):
    source = tmp_path / "scan.pdf"
    source.write_bytes(b"%PDF-1.4\nscan of the summons\n")
    code, _, err = cli("attach", entry_id, str(source), "--delete-original")
    assert code == 0 and not source.exists()
    assert "SSD" in err


def test_attach_missing_file_attaches_nothing(cli, entry_id, tmp_path):
    code, out, err = cli("attach", entry_id, str(PHOTOS / "DSCN0010.jpg"), str(tmp_path / "nope.jpg"))
    assert code == 1 and "Nothing was attached" in err
    code, out, _ = cli("attachments", entry_id, "--json")
    assert json.loads(out) == []


def test_hostile_files_give_clear_notes(cli, entry_id, tmp_path):
    cut = tmp_path / "cut.jpg"
    cut.write_bytes((PHOTOS / "DSCN0010.jpg").read_bytes()[:3000])
    code, out, err = cli("attach", entry_id, str(cut), str(PHOTOS / "corrupted.jpg"), str(PHOTOS / "image00971.jpg"))
    assert code == 0 and len(out.split()) == 3
    assert "cut.jpg: It could not be read as an image" in err
    code, out, _ = cli("attachments", entry_id)
    assert "note:" in out


def test_photo_details_and_remove(cli, entry_id):
    code, out, _ = cli("attach", entry_id, str(PHOTOS / "DSCN0010.jpg"))
    att_id = out.strip()
    code, out, _ = cli("photo-details", entry_id)
    assert "Suggested" in out and "43.46" in out
    code, out, _ = cli("photo-details", entry_id, "--apply")
    assert "Entry updated" in out
    code, out, _ = cli("show", entry_id, "--json")
    shown = json.loads(out)
    assert shown["occurred_at"].startswith("2008-10-22T16:28:39")
    assert shown["latitude"] == pytest.approx(43.467448, abs=1e-5)

    code, out, _ = cli("list", "--json")
    assert json.loads(out)[0]["attachments"] == 1
    code, out, _ = cli("remove-attachment", att_id[:8])
    assert code == 0 and "trash" in out
    code, out, _ = cli("attachments", entry_id)
    assert "No attachments." in out


def test_verify_attachments(cli, entry_id):
    cli("attach", entry_id, str(PHOTOS / "Nikon_D70.jpg"))
    code, out, _ = cli("verify-attachments")
    assert code == 0 and "check out" in out
    code, out, _ = cli("verify")
    assert code == 0


def test_unknown_ids(cli, entry_id, tmp_path):
    code, _, err = cli("attachments", "deadbeef-0000")
    assert code == 1 and "No entry" in err
    code, _, err = cli("save-attachment", "deadbeef-0000", str(tmp_path / "x"))
    assert code == 1 and "No attachment" in err
