"""Videos are remuxed without metadata: samples made with ffmpeg, checked with ffprobe,
exiftool, mat2 and the raw bytes; hostile and truncated files are refused."""

from __future__ import annotations

import functools
import io
import json
import shutil
import subprocess
import resource
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.errors import Cancelled
from journal.media import MediaError
from journal.media.strip import strip_metadata
from tests.media_samples import (
    assert_nothing_identifying,
    clean_file,
    make_audio,
    MODEL,
    NAME,
    make_video,
    need,
    run,
)

pytestmark = need("ffmpeg", "ffprobe")


def probe(path) -> dict:
    return json.loads(run("ffprobe", "-v", "error", "-print_format", "json", "-show_format",
                          "-show_streams", str(path)))


def packets(path, stream: str) -> list[tuple[str, str, str]]:
    """(pts, size, flags) of every packet of one stream, as ffprobe reads them."""
    out = run("ffprobe", "-v", "error", "-select_streams", stream, "-show_entries",
              "packet=pts,size,flags", "-of", "csv=p=0", str(path))
    return [tuple(line.split(",")) for line in out.splitlines() if line]


@pytest.mark.parametrize("extension, media_type", [
    ("mp4", "video/mp4"), ("mov", "video/quicktime"), ("m4v", "video/mp4"), ("3gp", "video/3gpp"),
    ("mkv", "video/x-matroska"), ("webm", "video/webm"), ("avi", "video/x-msvideo")])
def test_video_loses_location_device_and_author_but_keeps_streams(tmp_path, extension, media_type):
    original = make_video(tmp_path, extension)
    raw = original.read_bytes()
    assert b"Secretname" in raw  # the sample really carries what must go
    if shutil.which("mat2") and extension in ("mp4", "avi"):  # mat2 sees it before (not MOV, MKV)
        shown = subprocess.run(["mat2", "--show", str(original)], capture_output=True, text=True, timeout=120)
        assert "Secretname" in shown.stdout
    cleaned = tmp_path / f"clean.{extension}"
    result, data = clean_file(original, cleaned)
    assert result.cleaned and result.output_media_type == media_type and result.warning is None
    # AVI's INFO list has no location field (FFmpeg writes only INFO's own tags there).
    assert any(("names" if extension == "avi" else "location") in r for r in result.removed)
    assert_nothing_identifying(cleaned, data)
    before, after = probe(original), probe(cleaned)
    assert [s["codec_name"] for s in after["streams"]] == [s["codec_name"] for s in before["streams"]]
    assert abs(float(after["format"]["duration"]) - float(before["format"]["duration"])) < 0.1
    assert not after["format"].get("tags", {}).keys() - {"major_brand", "minor_version", "compatible_brands",
                                                         "encoder"}
    # FFmpeg's own "Lavf59.27.100" tag is suppressed (Matroska keeps a bare "Lavf" muxing app).
    assert after["format"].get("tags", {}).get("encoder", "Lavf") == "Lavf"
    # Streams are copied, never re-encoded: the same packets, sizes and key frames.
    assert packets(cleaned, "v:0") == packets(original, "v:0")
    assert packets(cleaned, "a:0") == packets(original, "a:0")


@pytest.mark.parametrize("extension", ["mp4", "mov"])
def test_rotation_is_kept_so_the_video_stays_upright(tmp_path, extension):
    original = make_video(tmp_path, extension, rotate=90)

    def rotation(path):
        (video,) = [s for s in probe(path)["streams"] if s["codec_type"] == "video"]
        matrices = [d for d in video.get("side_data_list", []) if "rotation" in d]
        return matrices[0]["rotation"] if matrices else int(video.get("tags", {}).get("rotate", 0))

    assert rotation(original) in (90, -90, 270, -270)
    cleaned = tmp_path / f"clean.{extension}"
    clean_file(original, cleaned)
    assert rotation(cleaned) == rotation(original)


@pytest.mark.parametrize("extension", ["mp4", "mkv", "webm", "avi"])
def test_cleaning_twice_gives_the_same_bytes(tmp_path, extension):
    # The bundle exporter cleans once for the hash and again to send: both must agree.
    original = make_video(tmp_path, extension)
    _r1, first = clean_file(original)
    _r2, second = clean_file(original)
    assert first == second


def test_data_tracks_and_cover_pictures_are_dropped(tmp_path):
    original = make_video(tmp_path, "mkv")
    with_extra = tmp_path / "extra.mkv"
    cover = tmp_path / "cover.png"
    run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=blue:s=16x16:d=1", "-frames:v", "1",
        str(cover))
    subtitles = tmp_path / "s.srt"
    subtitles.write_text("1\n00:00:00,000 --> 00:00:00,500\nSecretname was here\n", encoding="utf-8")
    run("ffmpeg", "-v", "error", "-y", "-i", str(original), "-i", str(subtitles), "-map", "0", "-map", "1",
        "-c", "copy", "-attach", str(cover), "-metadata:s:t", "mimetype=image/png", str(with_extra))
    result, data = clean_file(with_extra, tmp_path / "clean.mkv")
    assert any("tracks" in r for r in result.removed)
    assert [s["codec_type"] for s in probe(tmp_path / "clean.mkv")["streams"]] == ["video", "audio"]
    assert b"Secretname" not in data


def test_audio_in_containers_is_remuxed_too(tmp_path):
    for extension in ("m4a", "wav"):
        original = make_audio(tmp_path, extension)
        cleaned = tmp_path / f"clean.{extension}"
        result, data = clean_file(original, cleaned)
        assert result.cleaned
        assert_nothing_identifying(cleaned, data)
        assert abs(float(probe(cleaned)["format"]["duration"]) - 1.0) < 0.1


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.95])
def test_truncated_videos_are_refused_with_a_clear_error(tmp_path, cut):
    original = make_video(tmp_path, "mp4")
    data = original.read_bytes()
    truncated = data[: int(len(data) * cut)]
    with pytest.raises(MediaError) as error:
        strip_metadata(io.BytesIO(truncated), io.BytesIO(), "video/mp4", total=len(truncated))
    assert "damaged" in str(error.value) or "truncated" in str(error.value)


def test_a_truncated_avi_is_refused_or_cleaned_shorter(tmp_path):
    # AVI has its index at the end; FFmpeg reads a cut file by scanning, as players do.
    original = make_video(tmp_path, "avi")
    data = original.read_bytes()
    for cut in (0.2, 0.7):
        truncated = data[: int(len(data) * cut)]
        out = io.BytesIO()
        try:
            result = strip_metadata(io.BytesIO(truncated), out, "video/x-msvideo", total=len(truncated))
        except MediaError as error:
            assert "damaged" in str(error) or "truncated" in str(error)
        else:
            assert result.cleaned and b"Secretname" not in out.getvalue()


@pytest.mark.parametrize("codec", ["mjpeg", "mpeg4"])
def test_avi_with_camera_exif_in_its_stream_header_does_not_carry_it(tmp_path, codec):
    # A camera's AVI: an "strd" chunk holding "AVIF" + Exif after the video's strf. FFmpeg's
    # demuxer keeps it as codec data when the stream has none: refused then;
    # otherwise it is skipped and the copy is clean.
    original = tmp_path / "camera.avi"
    run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=96x64:rate=10:duration=1",
        "-c:v", codec, str(original))
    data = bytearray(original.read_bytes())
    at = data.index(b"strf")
    size = int.from_bytes(data[at + 4:at + 8], "little")
    end = at + 8 + size + (size & 1)
    exif = b"AVIF" + b"\x00" * 4 + b"Exif\x00\x00II*\x00" + f"Model {MODEL}".encode() + b"\x00" * 4
    chunk = b"strd" + len(exif).to_bytes(4, "little") + exif
    data[end:end] = chunk
    # The enclosing LIST sizes (strl, hdrl) and RIFF grow by the chunk's size.
    for name in (b"strl", b"hdrl"):
        list_at = data.index(name) - 8
        old = int.from_bytes(data[list_at + 4:list_at + 8], "little")
        data[list_at + 4:list_at + 8] = (old + len(chunk)).to_bytes(4, "little")
    data[4:8] = (int.from_bytes(data[4:8], "little") + len(chunk)).to_bytes(4, "little")
    out = io.BytesIO()
    try:
        strip_metadata(io.BytesIO(bytes(data)), out, "video/x-msvideo", total=len(data))
    except MediaError as error:
        assert "Exif" in str(error)
    else:
        assert MODEL.encode() not in out.getvalue()


def _motion_jpeg(folder, extension: str):
    """A camera's Motion JPEG video: 5 JPEG frames, each with Exif (model, serial number,
    artist, GPS) written by exiftool, put into the container as they are (-c:v copy)."""
    frames = folder / "frames"
    frames.mkdir()
    run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=64x48:rate=5:duration=1", "-q:v", "3",
        str(frames / "f%d.jpg"))
    run("exiftool", "-q", "-overwrite_original", f"-Model={MODEL}", "-SerialNumber=SN123SECRET",
        f"-Artist={NAME}", "-GPSLatitude=48.8577", "-GPSLatitudeRef=N", "-GPSLongitude=2.2950",
        "-GPSLongitudeRef=E", *[str(p) for p in sorted(frames.iterdir())])
    path = folder / f"camera.{extension}"
    run("ffmpeg", "-v", "error", "-y", "-framerate", "5", "-i", str(frames / "f%d.jpg"), "-c:v", "copy", str(path))
    return path


@need("exiftool")
@pytest.mark.parametrize("extension", ["avi", "mov", "mkv"])
def test_motion_jpeg_frames_lose_their_exif_and_decode_the_same(tmp_path, extension):
    from journal.media.findings import reveals

    original = _motion_jpeg(tmp_path, extension)
    assert original.read_bytes().count(MODEL.encode()) == 5  # in every frame
    with original.open("rb") as src:
        assert any("frames" in r for r in reveals(src, clean_file(original)[0].output_media_type))
    cleaned = tmp_path / f"clean.{extension}"
    result, data = clean_file(original, cleaned)
    assert any("frames" in r for r in result.removed)
    assert b"SN123SECRET" not in data and b"Exif" not in data
    assert_nothing_identifying(cleaned, data)
    # The pictures are the same: every decoded frame, and the packets' times and key flags.
    decoded = [run("ffmpeg", "-v", "error", "-i", str(p), "-f", "framemd5", "-").splitlines()[-5:]
               for p in (original, cleaned)]
    assert decoded[0] == decoded[1] and len(decoded[1]) == 5
    before, after = packets(original, "v:0"), packets(cleaned, "v:0")
    assert [(pts, flags) for pts, _size, flags in after] == [(pts, flags) for pts, _size, flags in before]
    assert all(int(a[1]) < int(b[1]) for a, b in zip(after, before))  # each frame lost its Exif
    with cleaned.open("rb") as src:
        assert not any("frames" in r for r in reveals(src, result.output_media_type))


def test_a_motion_jpeg_frame_keeps_its_fields_avi1_and_picture():
    from journal.media.jpegclean import clean_frame

    def segment(marker: int, payload: bytes) -> bytes:
        return bytes((0xFF, marker)) + (len(payload) + 2).to_bytes(2, "big") + payload

    avi1 = segment(0xE0, b"AVI1\x01\x00" + bytes(8))
    exif = segment(0xE1, b"Exif\x00\x00MM\x00*" + MODEL.encode())
    scan = segment(0xDA, b"\x01\x01\x00\x00\x3f\x00") + b"\x12\xff\x00\x34\xff\xd0\x56"  # stuffed byte, RST0
    tables = segment(0xDB, bytes(65)) + segment(0xC0, b"\x08\x00\x10\x00\x10\x01\x01\x11\x00")
    field = b"\xff\xd8" + avi1 + exif + tables + scan + b"\xff\xd9"
    frame, changed = clean_frame(field + field + bytes(6))  # interlaced: two fields, then padding
    clean_field = b"\xff\xd8" + avi1 + tables + scan + b"\xff\xd9"
    assert changed and frame == clean_field + clean_field
    plain = clean_field + bytes(6)
    same, changed = clean_frame(plain)
    assert same is plain and not changed  # nothing to remove: the packet is not copied
    for broken in (field[:-40], b"\xff\xd8\x12\x34", b"\xff\xd8" + exif[:6]):
        with pytest.raises(MediaError, match="frame"):
            clean_frame(broken)

    @settings(max_examples=150, deadline=None)
    @given(st.binary(max_size=64), st.integers(0, len(field) + 20))
    def fuzz(noise, at):  # any damage: a clean frame or a MediaError, nothing else
        try:
            clean_frame(field[:at] + noise + field[at:])
        except MediaError:
            pass

    fuzz()


@pytest.mark.parametrize("payload", [b"\x00\x00\x00\x18ftypmp42" + b"\xff" * 5000,
                                     b"\x1a\x45\xdf\xa3" + b"\x42\x82\x84webm" + bytes(4000),
                                     b"\x00\x00\x00\x18ftypisom" + b"\x00\x00\x00\x08moov" * 20000])
def test_garbage_with_a_video_signature_is_refused(payload):
    media_type = "video/webm" if payload.startswith(b"\x1a") else "video/mp4"
    with pytest.raises(MediaError):
        strip_metadata(io.BytesIO(payload), io.BytesIO(), media_type, total=len(payload))


def test_cancel_stops_a_video_clean(tmp_path):
    original = make_video(tmp_path, "mp4")
    with pytest.raises(Cancelled), original.open("rb") as src:
        strip_metadata(src, io.BytesIO(), "video/mp4", cancel=lambda: True)


def test_progress_is_reported_while_reading(tmp_path):
    original = make_video(tmp_path, "mp4")
    seen = []
    with original.open("rb") as src:
        strip_metadata(src, io.BytesIO(), "video/mp4", total=original.stat().st_size,
                       progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] <= seen[-1][1] == original.stat().st_size


@pytest.mark.slow
def test_memory_stays_flat_for_a_big_video(tmp_path):
    """A 60 MB video is cleaned with a few MB of memory: the output goes through the
    encrypted spool and on to a sink that keeps nothing."""
    big = tmp_path / "big.mp4"
    run("ffmpeg", "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "gray", "-s", "640x480", "-r", "25",
        "-t", "8", "-i", "/dev/urandom", "-c:v", "mpeg4", "-q:v", "2", "-pix_fmt", "yuv420p", str(big))
    assert big.stat().st_size > 40 * 1024 * 1024

    class Sink:
        size = 0

        def write(self, data):
            Sink.size += len(data)
            return len(data)

    peak = {}

    def measure():
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        with big.open("rb") as src:
            strip_metadata(src, Sink(), "video/mp4", total=big.stat().st_size)
        peak["grew_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before

    thread = threading.Thread(target=measure)
    thread.start()
    thread.join()
    assert Sink.size > 40 * 1024 * 1024
    # ru_maxrss is the process's peak; other tests may have raised it already, so this
    # only catches holding the video in memory (it would grow by its size).
    assert peak["grew_kib"] < big.stat().st_size // 1024 // 2


# --- fuzzing: a damaged video or recording raises MediaError and nothing else --------------------
@functools.lru_cache(maxsize=1)
def _samples() -> dict[str, bytes]:
    """Made once, on first use (never at import: collecting the tests runs no tool)."""
    import shutil
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp(prefix="fuzz-av-"))
    try:
        return {"video/mp4": make_video(folder, "mp4").read_bytes(),
                "video/x-matroska": make_video(folder, "mkv").read_bytes(),
                "audio/flac": make_audio(folder, "flac").read_bytes(),
                "audio/mpeg": make_audio(folder, "mp3").read_bytes()}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


from hypothesis import HealthCheck, given, settings  # noqa: E402

from tests.test_media_strip import _mutated  # noqa: E402


@pytest.mark.parametrize("media_type", ["video/mp4", "video/x-matroska", "audio/flac", "audio/mpeg"])
def test_fuzzed_recordings_raise_only_media_error(media_type):
    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_mutated(_samples()[media_type]))
    def check(data):
        try:
            strip_metadata(io.BytesIO(data), io.BytesIO(), media_type, total=len(data))
        except MediaError as error:
            assert str(error)

    check()


def test_an_index_declaring_billions_of_samples_costs_nothing(tmp_path):
    """A hostile MP4 whose sample table claims 2 000 000 000 fixed-size samples: FFmpeg bounds
    the index by what the chunk tables can hold, so it is cleaned or refused at once."""
    import struct

    data = bytearray(make_video(tmp_path, "mp4").read_bytes())
    at = data.find(b"stsz")
    struct.pack_into(">II", data, at + 8, 1000, 2_000_000_000)  # sample size, sample count
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        strip_metadata(io.BytesIO(bytes(data)), io.BytesIO(), "video/mp4", total=len(data))
    except MediaError:
        pass
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200 * 1024  # KiB
