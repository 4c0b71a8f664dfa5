"""Audio files lose every tag and embedded picture; the audio frames stay byte for byte."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess

import pytest

from journal.media import MediaError
from journal.media.strip import strip_metadata
from tests.media_samples import assert_nothing_identifying, clean_file, make_audio, need, run

pytestmark = need("ffmpeg", "ffprobe")


def audio_md5(path) -> str:
    """MD5 of the audio packets as the demuxer reads them (tags are not packets)."""
    return run("ffmpeg", "-v", "error", "-i", str(path), "-map", "0:a", "-c", "copy", "-f", "md5", "-")


@pytest.mark.parametrize("extension, media_type", [
    ("mp3", "audio/mpeg"), ("ogg", "audio/ogg"), ("opus", "audio/ogg"), ("flac", "audio/flac"),
    ("m4a", "audio/mp4"), ("wav", "audio/wav"),
    ("aac", "audio/mpeg")])  # raw AAC (ADTS) with an ID3v2 tag in front: sniffed by its tag
def test_tags_and_pictures_are_removed_audio_untouched(tmp_path, extension, media_type):
    original = make_audio(tmp_path, extension)
    assert b"Secretname" in original.read_bytes()
    cleaned = tmp_path / f"clean.{extension}"
    result, data = clean_file(original, cleaned)
    assert result.cleaned and result.output_media_type == media_type and result.removed
    assert_nothing_identifying(cleaned, data)
    assert audio_md5(cleaned) == audio_md5(original)
    streams = run("ffprobe", "-v", "error", "-show_entries", "stream=codec_type", "-of", "csv=p=0", str(cleaned))
    assert streams.split() == ["audio"]  # the cover picture went too
    if shutil.which("mat2") and extension in ("mp3", "ogg", "opus", "flac", "wav"):
        shown = subprocess.run(["mat2", "--show", str(cleaned)], capture_output=True, text=True, timeout=120)
        assert "No metadata found" in shown.stdout, shown.stdout  # mat2 finds nothing at all


def test_mp3_without_tags_comes_out_identical(tmp_path):
    plain = tmp_path / "plain.mp3"
    run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=duration=1", "-c:a", "libmp3lame",
        "-write_xing", "0", "-id3v2_version", "0", "-fflags", "+bitexact", str(plain))
    _result, data = clean_file(plain)
    assert hashlib.sha256(data).digest() == hashlib.sha256(plain.read_bytes()).digest()


@pytest.mark.parametrize("media_type, payload", [
    ("audio/flac", b"fLaC" + b"\x00" * 3),
    ("audio/ogg", b"OggS" + b"\x01" * 60),
    ("audio/flac", b"fLaC\x80\xff\xff\xff" + b"\x00" * 100),
])
def test_damaged_audio_is_refused(media_type, payload):
    with pytest.raises(MediaError):
        strip_metadata(io.BytesIO(payload), io.BytesIO(), media_type, total=len(payload))


@pytest.mark.parametrize("extension, media_type, cut", [
    ("flac", "audio/flac", 50), ("flac", "audio/flac", 2000), ("mp3", "audio/mpeg", 50),
    ("mp3", "audio/mpeg", 200)])
def test_files_cut_inside_their_tags_are_refused(tmp_path, extension, media_type, cut):
    data = make_audio(tmp_path, extension).read_bytes()[:cut]
    with pytest.raises(MediaError, match="damaged"):
        strip_metadata(io.BytesIO(data), io.BytesIO(), media_type, total=len(data))
