"""Clean videos (MP4, MOV, 3GP, M4V, WebM, Matroska, AVI) and container audio (M4A, WAV) by remuxing.

PyAV (FFmpeg's libraries, shipped in its wheels) reads the packets of each video and audio
stream and writes them, byte for byte, into a new container of the same kind. Nothing else
is carried over: no container or stream tags (QuickTime ``udta``, ``meta``/``Keys``,
``©xyz`` location, make, model, author, XMP, Matroska tags, AVI ``INFO`` lists), no chapters, no data tracks
(GPS telemetry such as GoPro's ``gpmd``, timecode), no attached cover pictures, no
subtitles. Motion JPEG frames (cameras' AVI and MOV: each packet is a JPEG, which can carry
Exif) lose their metadata segments (``jpegclean.clean_frame``). FFmpeg's own "encoder" tag and creation times are suppressed with the
``bitexact`` flag, which also makes the output identical from one run to the next (the
bundle exporter cleans twice: once to learn the hash, once to send).

The display matrix (rotation) is coded side data of the stream parameters, which the copy
keeps, so a portrait phone video stays upright.

The muxers need to seek back in their output, so it goes to an encrypted Spool.
"""

from __future__ import annotations

import logging

import av
import av.error
import av.stream

from journal.media import MediaError
from journal.media.jpegclean import clean_frame
from journal.media.spool import Spool
from journal.media.streams import TrackedSource
from journal.i18n import _

#: Output muxer per media type (the input must be the same kind).
MUXERS = {
    "video/mp4": "mp4",
    "video/quicktime": "mov",
    "video/3gpp": "3gp",
    "video/3gpp2": "3g2",
    "video/webm": "webm",
    "video/x-matroska": "matroska",
    "video/x-msvideo": "avi",
    "audio/mp4": "ipod",
    "audio/wav": "wav",
}
#: Demuxer per media type: FFmpeg never probes other formats on a hostile file.
DEMUXERS = {
    "video/mp4": "mov",
    "video/quicktime": "mov",
    "video/3gpp": "mov",
    "video/3gpp2": "mov",
    "audio/mp4": "mov",
    "video/webm": "matroska",
    "video/x-matroska": "matroska",
    "video/x-msvideo": "avi",
    "audio/wav": "wav",
}
VIDEO_TYPES = {t for t in MUXERS if t.startswith("video/")}
#: A phone video has two or three streams; thousands mean a hostile file.
MAX_STREAMS = 64
_CANCEL_EVERY = 64  # packets
#: PyAV's buffers for Python file objects (its default is 32 KiB): each fill or flush is one
#: call into Python, so bigger buffers cut the calls a 1 GB remux makes from 65,000 to a
#: few thousand. The input's stays moderate because the demuxer seeks between interleaved
#: chunks (each seek outside the buffer refills it); the output is written in order but
#: for the index at the end and a few patched sizes.
_INPUT_BUFFER = 256 * 1024
_OUTPUT_BUFFER = 1024 * 1024

# Tag names, by what they reveal (lower case; QuickTime keys are matched by their ending).
_LOCATION_KEYS = ("location", "iso6709", "xyz", "gps")
_DEVICE_KEYS = ("make", "model", "software", "encoder", "com.android.version")
_PERSON_KEYS = ("author", "artist", "album_artist", "composer", "copyright", "comment",
                "description", "title", "performer", "publisher", "encoded_by", "owner")
_DATE_KEYS = ("creation_time", "date", "creationdate")


def clean_av(source: TrackedSource, spool: Spool, media_type: str) -> list[str]:
    """Remux source into spool without metadata; return what was removed (translated).

    Raises MediaError for a damaged, truncated or hostile file.
    """
    logging.getLogger("libav").setLevel(logging.CRITICAL)
    try:
        return _remux(source, spool, media_type)
    except av.error.FFmpegError as exc:
        raise MediaError(_damaged(media_type)) from exc
    except (EOFError, ValueError, OverflowError, MemoryError) as exc:
        raise MediaError(_damaged(media_type)) from exc


def describe_tags(tags: dict[str, str]) -> list[str]:
    """Human names (translated) of what a set of container tags reveals."""
    found: list[str] = []
    # A bare "Lavf" is what FFmpeg's Matroska muxer writes as its name in bitexact mode.
    keys = [k.lower() for k, v in tags.items() if str(v).strip() not in ("", "Lavf")]
    if any(any(w in k for w in _LOCATION_KEYS) for k in keys):
        found.append(_("location (GPS position)"))
    if any(any(k.endswith(w) for w in _DEVICE_KEYS) for k in keys):
        found.append(_("device or software (make, model, encoder)"))
    if any(any(k.endswith(w) for w in _PERSON_KEYS) for k in keys):
        found.append(_("names and descriptions (author, artist, title, comment)"))
    if any(any(k.endswith(w) for w in _DATE_KEYS) for k in keys):
        found.append(_("dates"))
    others = [k for k in keys if not any(any(w in k for w in group) for group in
                                         (_LOCATION_KEYS, _DEVICE_KEYS, _PERSON_KEYS, _DATE_KEYS))
              and k not in ("major_brand", "minor_version", "compatible_brands", "language",
                            "vendor_id", "duration", "encoder", "handler_name")]
    if others:
        found.append(_("other tags: {names}").format(names=", ".join(sorted(set(others))[:8])))
    return found


def read_av_tags(source, media_type: str) -> dict[str, str]:
    """All container, stream and chapter tags of a file (for the viewer's findings)."""
    try:
        with av.open(source, "r", format=DEMUXERS.get(media_type)) as container:
            tags = dict(container.metadata)
            for stream in container.streams:
                for key, value in stream.metadata.items():
                    tags.setdefault(key, value)
                if stream.type not in ("video", "audio"):
                    tags.setdefault(f"{stream.type} track", stream.type)
            return tags
    except (av.error.FFmpegError, EOFError, ValueError) as exc:
        raise MediaError(_damaged(media_type)) from exc


def _remux(source: TrackedSource, spool: Spool, media_type: str) -> list[str]:
    removed: list[str] = []
    muxer = MUXERS[media_type]
    demuxer = DEMUXERS[media_type]
    options = {"enable_drefs": "0"} if demuxer == "mov" else {}  # a MOV option (no external files)
    with av.open(source, "r", format=demuxer, options=options, buffer_size=_INPUT_BUFFER) as inp:
        if len(inp.streams) > MAX_STREAMS:
            raise MediaError(_("The file has {count} streams; it is not a recording this app can clean.").format(
                count=len(inp.streams)))
        tags = dict(inp.metadata)
        keep = []
        dropped_tracks = 0
        for stream in inp.streams:
            for key, value in stream.metadata.items():
                tags.setdefault(key, value)
            attached = bool(stream.disposition & av.stream.Disposition.attached_pic)
            if stream.type in ("video", "audio") and not attached:
                keep.append(stream)
            else:
                dropped_tracks += 1
        if not keep:
            raise MediaError(_damaged(media_type))
        if muxer == "avi" and any(_camera_exif(s) for s in keep):
            # Some cameras put an Exif block in the stream header ("strd"); FFmpeg keeps it as
            # codec data, which the copy would carry on.
            raise MediaError(_("The video carries its camera's Exif data inside a stream header; it cannot be cleaned."))
        if muxer == "ipod" and any(s.codec_context.name not in ("aac", "alac") for s in keep):
            muxer = "mp4"
        if getattr(inp, "chapters", None) and inp.chapters():
            removed.append(_("chapters"))
        removed[:0] = describe_tags(tags)
        if dropped_tracks:
            removed.append(_("data, subtitle and picture tracks: {count}").format(count=dropped_tracks))
        with av.open(spool, "w", format=muxer, options={"fflags": "+bitexact"},
                     container_options={"fflags": "+bitexact", "flush_packets": "0"},
                     buffer_size=_OUTPUT_BUFFER) as out:
            mapping = {}
            for stream in keep:
                copy = out.add_stream_from_template(stream)
                for key in list(copy.metadata):
                    del copy.metadata[key]
                mapping[stream.index] = copy
            if _copy_packets(inp, keep, mapping, source):
                removed.append(_("camera data (Exif, XMP, comments) inside the video frames"))
    return removed


def _camera_exif(stream) -> bool:
    extra = bytes(stream.codec_context.extradata or b"")
    return extra[:4] == b"AVIF" or b"Exif\x00" in extra


def _copy_packets(inp, keep, mapping, source: TrackedSource) -> bool:
    """Copy every packet of the kept streams; True when Motion JPEG frames lost metadata."""
    count = 0
    frames_cleaned = False
    # Motion JPEG (cameras' AVI and MOV): each packet is a JPEG that can carry Exif.
    motion_jpeg = {s.index for s in keep if s.codec_context.name == "mjpeg"}
    out_container = next(iter(mapping.values())).container
    last_dts: dict[int, int] = {}
    # Matroska allows equal timestamps in a row (laced audio); the other muxers refuse them.
    strict = out_container.format.name not in ("matroska", "webm")
    for packet in inp.demux(keep):
        count += 1
        if count % _CANCEL_EVERY == 0:
            source.check_cancel()
        if packet.dts is None and packet.size == 0:
            continue  # the demuxer's end-of-stream marker
        if packet.is_corrupt:
            raise MediaError(_("The recording is damaged (a corrupt packet); it cannot be cleaned."))
        target = mapping[packet.stream.index]
        if packet.stream.index in motion_jpeg:
            frame, changed = clean_frame(bytes(packet))
            if changed:
                packet = _repacked(packet, frame)
                frames_cleaned = True
        dts = packet.dts
        if dts is not None:
            # Timestamps that go back (or repeat, where the muxer forbids it: AAC in AVI, some
            # cut files) are moved one tick on, as ffmpeg's command line does, instead of
            # failing the whole file.
            last = last_dts.get(target.index)
            if last is not None and (dts < last or (dts == last and strict)):
                dts = last + 1
                if packet.pts is not None and packet.pts < dts:
                    packet.pts = dts
                packet.dts = dts
            last_dts[target.index] = dts
        packet.stream = target
        out_container.mux(packet)
    if count == 0:
        raise MediaError(_("The recording holds no audio or video data; it cannot be cleaned."))
    return frames_cleaned


def _repacked(packet: av.Packet, data: bytes) -> av.Packet:
    """A packet with new data and the old one's timing, key-frame flag and stream."""
    new = av.Packet(data)
    new.pts, new.dts, new.duration = packet.pts, packet.dts, packet.duration
    new.time_base = packet.time_base
    new.is_keyframe = packet.is_keyframe
    new.stream = packet.stream
    return new


def frame_metadata(source, media_type: str) -> bool:
    """Whether the first frame of a Motion JPEG video carries metadata (for the viewer's
    findings; the cleaning removes it from every frame)."""
    try:
        with av.open(source, "r", format=DEMUXERS.get(media_type)) as container:
            streams = [s for s in container.streams.video if s.codec_context.name == "mjpeg"]
            if not streams:
                return False
            for packet in container.demux(streams[0]):
                if packet.size:
                    return clean_frame(bytes(packet))[1]
            return False
    except (av.error.FFmpegError, EOFError, ValueError) as exc:
        raise MediaError(_damaged(media_type)) from exc


def _damaged(media_type: str) -> str:
    kind = _("video") if media_type in VIDEO_TYPES else _("recording")
    return _("The {kind} is damaged, truncated or not in a form this app can clean.").format(kind=kind)
