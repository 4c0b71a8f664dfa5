"""What an image says about itself (and its author), and small previews.

``read_image_metadata`` shows the documenter what a photo reveals before it
leaves the laptop: where it was taken, with which camera (serial numbers
identify a person's device across photos), by whom.  ``make_thumbnail`` makes
the preview stored (encrypted) next to the original.

Both parse untrusted files through ``journal.media.decode``: bounded in size
and pixels, and any failure is a MediaError.
"""

from __future__ import annotations

import hashlib
import io
import math
import threading
import re
from typing import Any, cast
from dataclasses import dataclass, field
from datetime import datetime

from PIL import ExifTags, Image, ImageFile

from journal.media import MediaError
from journal.media.decode import ImageSource, open_image, pillow_errors

# Exif tag numbers (IFD0, Exif IFD, GPS IFD) that we read by name.
_MAKE, _MODEL, _ORIENTATION, _SOFTWARE = 0x010F, 0x0110, 0x0112, 0x0131
_ARTIST, _COPYRIGHT, _DESCRIPTION, _HOST = 0x013B, 0x8298, 0x010E, 0x013C
_DATETIME_ORIGINAL, _DATETIME_DIGITIZED = 0x9003, 0x9004
_OFFSET_ORIGINAL, _OFFSET_DIGITIZED = 0x9011, 0x9012
_OWNER, _BODY_SERIAL, _LENS_MAKE, _LENS_MODEL, _LENS_SERIAL = (
    0xA430,
    0xA431,
    0xA433,
    0xA434,
    0xA435,
)
_USER_COMMENT, _UNIQUE_ID, _MAKER_NOTE = 0x9286, 0xA420, 0x927C
_GPS_LAT_REF, _GPS_LAT, _GPS_LON_REF, _GPS_LON, _GPS_ALT_REF, _GPS_ALT = (
    1,
    2,
    3,
    4,
    5,
    6,
)
_GPS_TIME, _GPS_DATE = 7, 29

# Exif IFD tags with a human name when present (beyond the ones parsed above).
_EXIF_IFD_NAMES = {
    _OWNER: "camera owner name",
    _BODY_SERIAL: "camera serial number",
    _LENS_SERIAL: "lens serial number",
    _LENS_MAKE: "lens make and model",
    _LENS_MODEL: "lens make and model",
    _USER_COMMENT: "user comment",
    _UNIQUE_ID: "unique image ID",
    _MAKER_NOTE: "maker notes (may include serial numbers)",
}
_IFD0_NAMES = {
    _MAKE: "camera make",
    _MODEL: "camera model",
    _SOFTWARE: "software",
    _ARTIST: "artist",
    _COPYRIGHT: "copyright",
    _DESCRIPTION: "image description",
    _HOST: "computer name",
    0x0132: "modification date and time",
}
_XMP_DATE = re.compile(
    rb"(?:exif:DateTimeOriginal|photoshop:DateCreated|xmp:CreateDate)"
    rb"(?:=\"|>)(\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?)"
)


@dataclass
class ImageMetadata:
    """What a photo reveals.  width/height are the stored pixel dimensions;
    ``display_size`` swaps them for photos rotated by their orientation."""

    media_type: str
    width: int
    height: int
    capture_time: str | None = None
    camera_make: str | None = None
    camera_model: str | None = None
    body_serial_number: str | None = None
    lens_serial_number: str | None = None
    lens_model: str | None = None
    owner_name: str | None = None
    artist: str | None = None
    copyright: str | None = None
    gps_latitude: float | None = None
    gps_longitude: float | None = None
    gps_altitude: float | None = None
    orientation: int | None = None
    software: str | None = None
    sensitive_fields: list[str] = field(default_factory=list)

    @property
    def display_size(self) -> tuple[int, int]:
        """(width, height) as the picture is shown, after orientation."""
        if self.orientation in (5, 6, 7, 8):
            return self.height, self.width
        return self.width, self.height

    @property
    def has_location(self) -> bool:
        return self.gps_latitude is not None and self.gps_longitude is not None


def read_image_metadata(source: ImageSource) -> ImageMetadata:
    """Read dimensions and identifying metadata from an image without decoding it.

    source is a path, bytes, or a seekable binary stream.  Raises MediaError
    for anything that is not a readable image within the safety limits.
    """
    with open_image(source) as image, pillow_errors():
        return _metadata_of(image)


def read_metadata_and_thumbnail(
    source: ImageSource, max_side: int = 256
) -> tuple[ImageMetadata, bytes | None, MediaError | None]:
    """``read_image_metadata`` and ``make_thumbnail`` from one opening of the image
    (attachment import: the headers and Exif are parsed once, not twice).

    Returns (metadata, thumbnail, None), or (metadata, None, error) when the image's
    header is readable but its pixels are not. Raises MediaError when the image cannot
    be opened at all.
    """
    if max_side < 1:
        raise ValueError("max_side must be positive")
    with open_image(source) as image:
        with pillow_errors():
            meta = _metadata_of(image)
        try:
            with pillow_errors():
                return meta, _thumbnail_of(image, max_side), None
        except MediaError as error:
            return meta, None, error


def _metadata_of(image: Image.Image) -> ImageMetadata:
    """Metadata of an opened image, from its header only (no pixels are decoded)."""
    meta = ImageMetadata(
        # Image.open gives an ImageFile, which knows the format's MIME type; a bare Image does not.
        media_type=(image.get_format_mimetype() if isinstance(image, ImageFile.ImageFile) else None)
        or "application/octet-stream",
        width=image.size[0],
        height=image.size[1],
    )
    exif = image.getexif()
    sensitive: list[str] = []
    _read_ifd0(exif, meta, sensitive)
    _read_exif_ifd(exif.get_ifd(ExifTags.IFD.Exif), meta, sensitive)
    _read_gps(exif.get_ifd(ExifTags.IFD.GPSInfo), meta, sensitive)
    if exif.get_ifd(ExifTags.IFD.IFD1):
        _add(sensitive, "embedded thumbnail")
    _read_containers(image, meta, sensitive)
    meta.sensitive_fields = sensitive
    return meta


def make_thumbnail(source: ImageSource, max_side: int = 256) -> bytes:
    """Return a small JPEG preview (in memory), upright and without metadata.

    JPEGs are decoded at reduced scale (``Image.draft``) so a 50-megapixel
    photo costs a few megabytes, not hundreds.  Raises MediaError for anything
    that is not a readable image within the safety limits.
    """
    if max_side < 1:
        raise ValueError("max_side must be positive")
    with open_image(source) as image, pillow_errors():
        return _thumbnail_of(image, max_side)


def _thumbnail_of(image: Image.Image, max_side: int) -> bytes:
    """make_thumbnail on an opened, not yet decoded image (decodes it, reduced where possible)."""
    if image.format in ("JPEG", "MPO"):
        # draft() keeps both sides at least as big as asked, so ask for the fitted size:
        # (256, 256) would leave a 4:3 photo at full scale.
        width, height = image.size
        fit = max_side / max(width, height, 1)
        image.draft("RGB", (max(1, math.ceil(width * fit)), max(1, math.ceil(height * fit))))
    image.load()
    # Turned upright after shrinking (the box is square, so the result is the same):
    # rotating the decoded full-size image cost more than the rest of the preview.
    orientation = image.getexif().get(ExifTags.Base.Orientation, 1)
    info = dict(image.info)
    small = image if image.mode not in ("P", "1") else image.convert("RGBA")
    # After draft() the image is at most twice the preview: bicubic is as sharp there as
    # Lanczos, at half the cost.
    small.thumbnail((max_side, max_side), Image.Resampling.BICUBIC, reducing_gap=3.0)
    method = _TRANSPOSE.get(orientation)
    if method is not None:
        small = small.transpose(method)
    if "icc_profile" in info:
        small.info["icc_profile"] = info["icc_profile"]
    preview = to_srgb_rgb(small)
    buffer = io.BytesIO()
    preview.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def to_srgb_rgb(image: Image.Image) -> Image.Image:
    """A plain RGB copy with no metadata: transparency flattened onto white,
    colours converted to sRGB when the image carries an ICC profile."""
    icc = image.info.get("icc_profile")
    if image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    ):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        result = flat
    else:
        result = image.convert("RGB")
    if icc:
        result = _convert_to_srgb(result, icc)
    # A fresh info dict: Pillow's JPEG writer falls back to info["comment"].
    result.info = {}
    return result


#: Colour transforms by the SHA-256 of their source profile: building one took most of the
#: time of a small preview, and a folder of photos from one phone shares one profile.
#: One cache per thread: add_files makes previews on several worker threads, and a
#: LittleCMS transform keeps a one-pixel cache that is not meant to be shared between
#: threads running it at the same time.
_TRANSFORMS = threading.local()
_TRANSFORMS_MAX = 16


def _srgb_transform(icc: bytes):
    from PIL import ImageCms

    cache: dict[bytes, object] | None = getattr(_TRANSFORMS, "by_profile", None)
    if cache is None:
        cache = _TRANSFORMS.by_profile = {}
    key = hashlib.sha256(icc).digest()
    cached = cache.get(key)
    if cached is not None:
        return cached
    transform = ImageCms.buildTransform(
        ImageCms.ImageCmsProfile(io.BytesIO(icc)), ImageCms.createProfile("sRGB"), "RGB", "RGB"
    )
    if len(cache) >= _TRANSFORMS_MAX:
        cache.pop(next(iter(cache)))
    cache[key] = transform
    return transform


def _convert_to_srgb(image: Image.Image, icc: bytes) -> Image.Image:
    try:
        from PIL import ImageCms

        return ImageCms.applyTransform(image, _srgb_transform(icc)) or image  # None only in place
    except Exception:  # noqa: BLE001 - a broken profile only costs colour accuracy
        return image


def _text(value: object) -> str | None:
    """Exif strings come as str or bytes, padded with NULs and spaces."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        return None
    value = value.replace("\x00", "").strip()
    return value or None


def _add(sensitive: list[str], name: str) -> None:
    if name not in sensitive:
        sensitive.append(name)


def _read_ifd0(exif: Image.Exif, meta: ImageMetadata, sensitive: list[str]) -> None:
    meta.camera_make = _text(exif.get(_MAKE))
    meta.camera_model = _text(exif.get(_MODEL))
    meta.software = _text(exif.get(_SOFTWARE))
    meta.artist = _text(exif.get(_ARTIST))
    meta.copyright = _text(exif.get(_COPYRIGHT))
    orientation = exif.get(_ORIENTATION)
    if isinstance(orientation, int) and 1 <= orientation <= 8:
        meta.orientation = orientation
    for tag, name in _IFD0_NAMES.items():
        if _text(exif.get(tag)):
            _add(sensitive, name)


def _read_exif_ifd(ifd: dict, meta: ImageMetadata, sensitive: list[str]) -> None:
    meta.owner_name = _text(ifd.get(_OWNER))
    meta.body_serial_number = _text(ifd.get(_BODY_SERIAL))
    meta.lens_serial_number = _text(ifd.get(_LENS_SERIAL))
    meta.lens_model = _text(ifd.get(_LENS_MODEL))
    meta.capture_time = _capture_time(
        ifd.get(_DATETIME_ORIGINAL), ifd.get(_OFFSET_ORIGINAL)
    ) or _capture_time(ifd.get(_DATETIME_DIGITIZED), ifd.get(_OFFSET_DIGITIZED))
    if meta.capture_time:
        _add(sensitive, "capture date and time")
    for tag, name in _EXIF_IFD_NAMES.items():
        value = ifd.get(tag)
        if (
            value is not None
            and value != b""
            and (not isinstance(value, (str, bytes)) or _text(value))
        ):
            _add(sensitive, name)
    if any(tag not in _EXIF_IFD_NAMES for tag in ifd):
        _add(sensitive, "camera settings")


def _capture_time(value: object, offset: object) -> str | None:
    """'2008:10:22 16:28:39' (+ '+02:00') -> ISO 8601, or None if malformed."""
    text = _text(value)
    if not text:
        return None
    try:
        moment = datetime.strptime(text[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    iso = moment.isoformat()
    offset_text = _text(offset)
    if offset_text and re.fullmatch(r"[+-](0\d|1[0-4]):[0-5]\d", offset_text):
        iso += offset_text
    return iso


def _rational(value: object) -> float | None:
    try:
        number = float(cast(Any, value))  # IFDRational, int or float; anything else raises
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    return number if math.isfinite(number) else None


def _degrees(
    value: object, ref: object, negative_ref: str, limit: float
) -> float | None:
    if not isinstance(value, tuple) or len(value) != 3:
        return None
    parts = [_rational(part) for part in value]
    numbers = [part for part in parts if part is not None and part >= 0]
    if len(numbers) != 3:
        return None
    degrees = numbers[0] + numbers[1] / 60 + numbers[2] / 3600
    if _text(ref) == negative_ref:
        degrees = -degrees
    return degrees if abs(degrees) <= limit else None


def _read_gps(gps: dict, meta: ImageMetadata, sensitive: list[str]) -> None:
    if not gps:
        return
    meta.gps_latitude = _degrees(gps.get(_GPS_LAT), gps.get(_GPS_LAT_REF), "S", 90.0)
    meta.gps_longitude = _degrees(gps.get(_GPS_LON), gps.get(_GPS_LON_REF), "W", 180.0)
    if meta.gps_latitude is None or meta.gps_longitude is None:
        meta.gps_latitude = meta.gps_longitude = None
    else:
        _add(sensitive, "GPS location")
    altitude = _rational(gps.get(_GPS_ALT)) if _GPS_ALT in gps else None
    if altitude is not None:
        ref = gps.get(_GPS_ALT_REF)
        if ref in (1, b"\x01"):
            altitude = -altitude
        meta.gps_altitude = altitude
        _add(sensitive, "GPS altitude")
    if _GPS_TIME in gps or _GPS_DATE in gps:
        _add(sensitive, "GPS date and time")
    _add(sensitive, "GPS data")


def _read_containers(
    image: Image.Image, meta: ImageMetadata, sensitive: list[str]
) -> None:
    """Metadata outside Exif: XMP, IPTC/Photoshop, comments, PNG text."""
    info = image.info
    xmp = info.get("xmp") or info.get("XML:com.adobe.xmp")
    if xmp:
        _add(sensitive, "XMP metadata")
        if meta.capture_time is None:
            raw = xmp.encode("utf-8", "replace") if isinstance(xmp, str) else bytes(xmp)
            found = _XMP_DATE.search(raw)
            if found:
                meta.capture_time = (
                    found.group(1).decode("ascii").replace("Z", "+00:00")
                )
                _add(sensitive, "capture date and time")
    applist = getattr(image, "applist", [])
    if "photoshop" in info or any(name == "APP13" for name, _ in applist):
        _add(sensitive, "IPTC / Photoshop metadata")
    if info.get("comment"):
        _add(sensitive, "comment")
    if image.format == "PNG":
        text_keys = [
            key
            for key in info
            if isinstance(info[key], str) and key not in ("XML:com.adobe.xmp",)
        ]
        if text_keys:
            _add(sensitive, "PNG text (author, software, comments)")
