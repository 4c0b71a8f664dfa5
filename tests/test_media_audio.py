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


# --- what the report names, exactly (the audio cleaners' mutation run, docs/testing.md) -----------
def _flac(tmp_path, name="plain.flac"):
    path = tmp_path / name
    run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=duration=1", "-map_metadata", "-1",
        "-fflags", "+bitexact", "-c:a", "flac", str(path))
    return path


def _clean(path, media_type):
    data = path.read_bytes()
    out = io.BytesIO()
    result = strip_metadata(io.BytesIO(data), out, media_type, total=len(data))
    return result, out.getvalue()


THIRTEEN = [f"key{letter}" for letter in "mlkjihgfedcba"]  # lower case, unsorted, one over the 12 shown


def test_flac_report_names_each_kind_once_and_nothing_is_left(tmp_path):
    import mutagen.flac
    import mutagen.id3

    path = _flac(tmp_path)
    flac = mutagen.flac.FLAC(path)
    for key in THIRTEEN:
        flac[key] = "Ivan Secretname"
    for _ in range(2):
        picture = mutagen.flac.Picture()
        picture.data, picture.mime = b"\xff\xd8Secretname\xff\xd9", "image/jpeg"
        flac.add_picture(picture)
    application = mutagen.flac.MetadataBlock(b"SECRSecretname application data")
    application.code = 2  # APPLICATION
    flac.metadata_blocks.append(application)
    flac.save()
    tag = mutagen.id3.ID3()
    tag.add(mutagen.id3.TPE1(encoding=3, text="Ivan Secretname"))
    tag.save(path, v1=mutagen.id3.ID3v1SaveOptions.CREATE)  # ID3v2 in front and ID3v1 at the end
    data = path.read_bytes()
    assert data.startswith(b"ID3") and data[-128:-125] == b"TAG"
    result, cleaned = _clean(path, "audio/flac")
    names = ", ".join(sorted(key.upper() for key in THIRTEEN)[:12])
    assert result.removed == [f"Vorbis comments ({names})", "embedded pictures: 2", "application data blocks",
                              "ID3 tags"]
    assert b"Secretname" not in cleaned and cleaned.startswith(b"fLaC") and b"TAG" not in cleaned[-128:]
    # Only the stream's own blocks are left (STREAMINFO, SEEKTABLE, CUESHEET), and empty padding.
    blocks = mutagen.flac.FLAC(io.BytesIO(cleaned)).metadata_blocks
    assert {block.code for block in blocks} <= {0, 1, 3, 5}
    assert sum(block.length for block in blocks if block.code == 1) == 0


def test_flac_with_an_id3v2_tag_in_front_says_so(tmp_path):
    import mutagen.id3

    path = _flac(tmp_path)
    tag = mutagen.id3.ID3()
    tag.add(mutagen.id3.TPE1(encoding=3, text="Ivan Secretname"))
    tag.save(path)
    assert path.read_bytes().startswith(b"ID3") and path.read_bytes()[-128:-125] != b"TAG"
    result, cleaned = _clean(path, "audio/flac")
    assert result.removed == ["ID3 tags"] and cleaned.startswith(b"fLaC") and b"Secretname" not in cleaned


def test_flac_with_only_an_id3v1_tag_at_the_end_loses_it(tmp_path):
    import mutagen.id3

    path = _flac(tmp_path)
    tag = mutagen.id3.ID3()
    tag.add(mutagen.id3.TPE1(encoding=3, text="Ivan Secretname"))
    tag.save(path, v1=mutagen.id3.ID3v1SaveOptions.CREATE, v2_version=4)
    mutagen.id3.delete(path, delete_v1=False, delete_v2=True)
    assert path.read_bytes()[-128:-125] == b"TAG"
    result, cleaned = _clean(path, "audio/flac")
    assert result.removed == ["ID3 tags"] and b"Secretname" not in cleaned and cleaned[-128:-125] != b"TAG"


def test_flac_without_tags_reports_nothing(tmp_path):
    result, cleaned = _clean(_flac(tmp_path), "audio/flac")
    assert result.removed == [] and cleaned.startswith(b"fLaC")


def test_ogg_report_names_the_comments_in_capitals_sorted_at_most_12(tmp_path):
    import mutagen.oggvorbis

    path = tmp_path / "plain.ogg"
    run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=duration=1", "-map_metadata", "-1",
        "-fflags", "+bitexact", "-c:a", "libvorbis", str(path))
    ogg = mutagen.oggvorbis.OggVorbis(path)
    ogg.tags.clear()  # the encoder's own tag
    for key in THIRTEEN:
        ogg[key] = "Ivan Secretname"
    ogg.save()
    result, cleaned = _clean(path, "audio/ogg")
    assert result.removed == ["Vorbis comments ({})".format(", ".join(sorted(k.upper() for k in THIRTEEN)[:12]))]
    assert b"Secretname" not in cleaned


def test_raw_aac_is_cleaned_as_aac(tmp_path):
    path = tmp_path / "plain.aac"
    run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=duration=1", "-map_metadata", "-1",
        "-fflags", "+bitexact", "-c:a", "aac", "-f", "adts", str(path))
    result, cleaned = _clean(path, "audio/aac")
    assert result.removed == [] and cleaned == path.read_bytes()


def test_a_file_that_is_not_ogg_is_refused_as_ogg_and_a_damaged_one_says_so(tmp_path):
    damaged = r"^The recording is damaged or not in a form this app can clean\.$"
    with pytest.raises(MediaError, match=damaged):
        _clean(_flac(tmp_path), "audio/ogg")
    (tmp_path / "damaged.flac").write_bytes(b"fLaC\x80\xff\xff\xff" + b"\x00" * 100)
    with pytest.raises(MediaError, match=damaged):
        _clean(tmp_path / "damaged.flac", "audio/flac")
