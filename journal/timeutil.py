"""Times as documenters record them: with their zone, or a bare date when the hour is unknown."""

from __future__ import annotations

import datetime as dt
import functools
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from journal.errors import InvalidInput
from journal.i18n import _


def utc_now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def local_zone_name() -> str | None:
    """The IANA name of the system zone where the platform reveals it."""
    try:
        import os

        tz = os.environ.get("TZ")
        if tz and "/" in tz:
            ZoneInfo(tz)
            return tz
        link = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in link:
            name = link.split("zoneinfo/", 1)[1]
            ZoneInfo(name)
            return name
    except (OSError, ZoneInfoNotFoundError, ValueError):
        pass
    return None


def zone(name: str | None) -> dt.tzinfo | None:
    if not name:
        return None
    try:
        return _zone_info(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(_("Unknown time zone: {name}").format(name=name)) from None


@functools.lru_cache(maxsize=1024)
def _zone_info(name: str) -> ZoneInfo:
    """ZoneInfo(name), held: ZoneInfo keeps only 8 zones strongly, and a bulk import cycling
    through more re-read tzdata files for most entries (profiled: ~8 % of add_many). There
    are about 600 zone names, so every one fits; failures are not cached (they raise)."""
    return ZoneInfo(name)


def normalize_occurred(value: str | None, tz_name: str | None = None) -> tuple[str | None, int | None]:
    """Canonical ISO text and UTC epoch seconds for a user-given occurrence time.

    Accepts a date ("2024-03-05"), a date-time with offset, or a naive
    date-time interpreted in `tz_name` (or the system zone).
    """
    if value is None or not str(value).strip():
        return None, None
    text = str(value).strip()
    if len(text) > 10 and text[10] == " ":
        text = text[:10] + "T" + text[11:]
    if len(text) == 8 and text.isdigit():  # 20240305: a date, not a time
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    try:
        return _normalize_occurred(text, value, tz_name)
    except (OverflowError, OSError):
        raise InvalidInput(_("The date {value!r} is out of range.").format(value=value)) from None


def _normalize_occurred(text: str, value, tz_name: str | None) -> tuple[str, int]:
    if len(text) == 10:
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            raise InvalidInput(_("Not a date: {value!r}. Use YYYY-MM-DD.").format(value=value)) from None
        day_zone = zone(tz_name) or dt.timezone.utc
        midnight = dt.datetime.combine(day, dt.time(0, 0), tzinfo=day_zone)
        return day.isoformat(), int(midnight.timestamp())
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidInput(
            _("Not a date and time: {value!r}. Use ISO 8601, e.g. 2024-03-05T14:10+03:00.").format(value=value)
        ) from None
    if moment.tzinfo is None:
        tz = zone(tz_name)
        local = moment.replace(tzinfo=tz) if tz else moment.astimezone()
        # A wall time skipped by a DST change (02:30 on the spring-forward night)
        # never existed there; refuse rather than store an invented offset.
        if tz is not None:
            round_trip = local.astimezone(dt.timezone.utc).astimezone(tz)
            if round_trip.replace(tzinfo=None) != moment:
                raise InvalidInput(
                    _("{text} did not exist in {tz_name}: the clocks were changed that night. Check the time.").format(text=text, tz_name=tz_name)
                )
        moment = local
    canonical = moment.isoformat(timespec="minutes" if moment.second == 0 else "seconds")
    return canonical, int(moment.timestamp())


def day_bound(value: str | None, end: bool = False) -> str | None:
    """A filter bound (YYYY-MM-DD) compared against occurred_at's local date.

    Filtering on the date as written at the place (the ISO text's first ten
    characters) means "what happened on 5 March" is answered in local time,
    wherever the coordinator sits. `end` gives the exclusive next day.
    """
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise InvalidInput(_("Not a date: {value!r}. Use YYYY-MM-DD.").format(value=value)) from None
    if end:
        day = day + dt.timedelta(days=1)
    return day.isoformat()
