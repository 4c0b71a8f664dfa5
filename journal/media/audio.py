"""Clean audio files (MP3, raw AAC, Ogg Vorbis/Opus/Speex, FLAC) with mutagen.

The file is copied to an encrypted Spool and mutagen removes the tags there, in place: ID3v1
and ID3v2 (artist, comment, album art, the encoder's settings), APEv2, Vorbis comments
(including METADATA_BLOCK_PICTURE cover art), FLAC PICTURE and APPLICATION blocks. The audio
frames are never touched. M4A and WAV are remuxed by journal.media.video instead: mutagen
leaves their ``udta``/``LIST INFO`` parts in place.
"""

from __future__ import annotations

import io

import mutagen
import mutagen.apev2
import mutagen.flac
import mutagen.id3
import mutagen.ogg

from journal.media import MediaError
from journal.media.spool import Spool
from journal.i18n import _

MUTAGEN_TYPES = {"audio/mpeg", "audio/aac", "audio/ogg", "audio/flac"}


def clean_audio(spool: Spool, media_type: str) -> list[str]:
    """Remove every tag from the audio file held in spool (edited in place).

    Returns what was removed (translated). Raises MediaError for a damaged file.
    """
    try:
        if media_type in ("audio/mpeg", "audio/aac"):
            return _clean_id3(spool)
        if media_type == "audio/flac":
            return _clean_flac(spool)
        return _clean_ogg(spool)
    except MediaError:
        raise
    except (mutagen.MutagenError, EOFError, ValueError, IndexError, KeyError, OverflowError,
            MemoryError) as exc:
        raise MediaError(_("The recording is damaged or not in a form this app can clean.")) from exc


def read_audio_tags(source) -> dict[str, str]:
    """Tag names and values of an audio file (for the viewer's findings)."""
    try:
        found = mutagen.File(source)
    except (mutagen.MutagenError, EOFError, ValueError, IndexError, KeyError) as exc:
        raise MediaError(_("The recording is damaged or not in a form this app can clean.")) from exc
    if found is None or found.tags is None:
        return {}
    tags = {}
    for key, value in found.tags.items():
        tags[str(key)] = str(value)[:200]
    if getattr(found, "pictures", None):
        tags["picture"] = "embedded picture"
    return tags


def _clean_id3(spool: Spool) -> list[str]:
    removed = []
    spool.seek(0)
    try:
        tags = mutagen.id3.ID3(spool)
    except mutagen.id3.ID3NoHeaderError:
        tags = None
    if tags is not None and len(tags):
        removed.append(_describe_id3(tags))
    spool.seek(0)
    head = spool.read(3)
    spool.seek(-128, 2) if spool.size >= 128 else spool.seek(0)
    tail = spool.read(3)
    if head == b"ID3" or tail == b"TAG":
        mutagen.id3.delete(spool, delete_v1=True, delete_v2=True)
        if not removed:
            removed.append(_("ID3 tags"))
    spool.seek(0)
    try:
        mutagen.apev2.APEv2(spool)
        spool.seek(0)
        mutagen.apev2.delete(spool)
        removed.append(_("APEv2 tags"))
    except mutagen.apev2.APENoHeaderError:
        pass
    return removed


def _describe_id3(tags) -> str:
    names = sorted({frame.FrameID for frame in tags.values()})
    if "APIC" in names:
        return _("ID3 tags with an embedded picture ({names})").format(names=", ".join(names[:12]))
    return _("ID3 tags ({names})").format(names=", ".join(names[:12]))


def _clean_flac(spool: Spool) -> list[str]:
    # An ID3 tag before the stream or at its end goes in flac.save(deleteid3=True): noted first,
    # so the report names it.
    spool.seek(0)
    had_id3 = spool.read(3) == b"ID3"
    if spool.seek(0, io.SEEK_END) >= 128:
        spool.seek(-128, io.SEEK_END)
        had_id3 = had_id3 or spool.read(3) == b"TAG"
    spool.seek(0)
    flac = mutagen.flac.FLAC(spool)
    removed = []
    if flac.tags is not None and len(flac.tags):
        removed.append(_("Vorbis comments ({names})").format(
            names=", ".join(sorted({k.upper() for k, _v in flac.tags})[:12])))
    if flac.pictures:
        removed.append(_("embedded pictures: {count}").format(count=len(flac.pictures)))
    kept = []
    for block in flac.metadata_blocks:
        if block.code in (mutagen.flac.StreamInfo.code, mutagen.flac.SeekTable.code, mutagen.flac.CueSheet.code):
            kept.append(block)
        elif block.code not in (mutagen.flac.VCFLACDict.code, mutagen.flac.Picture.code,
                                mutagen.flac.Padding.code):
            removed.append(_("application data blocks"))
    flac.metadata_blocks[:] = kept
    flac.tags = None
    spool.seek(0)
    flac.save(spool, deleteid3=True, padding=lambda info: 0)
    if had_id3:
        removed.append(_("ID3 tags"))
    return removed


def _clean_ogg(spool: Spool) -> list[str]:
    spool.seek(0)
    found = mutagen.File(spool)
    if found is None or not isinstance(found, mutagen.ogg.OggFileType):
        raise MediaError(_("The recording is damaged or not in a form this app can clean."))
    removed: list[str] = []
    if found.tags is not None and len(found.tags):
        names = sorted({k.upper() for k, _v in found.tags})
        removed.append(_("Vorbis comments ({names})").format(names=", ".join(names[:12])))
    spool.seek(0)
    found.delete(spool)
    return removed
