"""The one clock that every date rule reads, so tests can stand on any day."""

from __future__ import annotations

import datetime as _dt

_fixed: _dt.datetime | None = None


def now() -> _dt.datetime:
    """The current time, timezone-aware UTC."""
    return _fixed if _fixed is not None else _dt.datetime.now(_dt.timezone.utc)


def today() -> _dt.date:
    """Today's date in local time (a clerk's 'today')."""
    return now().astimezone().date()


def timestamp() -> str:
    """UTC time as ISO 8601 with a Z, to the microsecond (audit entries, created_at)."""
    return now().strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def set_fixed(moment: _dt.datetime | None) -> None:
    """Freeze the clock at ``moment`` (tests, ``--as-of``); ``None`` unfreezes it."""
    global _fixed
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=_dt.timezone.utc)
    _fixed = moment


def datetime_of(stamp: str) -> _dt.datetime:
    """A stored UTC timestamp (``timestamp()``'s form) as an aware datetime."""
    moment = _dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=_dt.timezone.utc)


def local_text(stamp: str | None, seconds: bool = False) -> str:
    """A stored timestamp as a clerk reads it: local time, to the minute (or second)."""
    if not stamp:
        return ""
    try:
        moment = datetime_of(stamp).astimezone()
    except ValueError:
        return stamp
    return moment.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def local_day(stamp: str | None) -> str:
    """The local calendar day (ISO) of a stored timestamp."""
    if not stamp:
        return ""
    try:
        return datetime_of(stamp).astimezone().date().isoformat()
    except ValueError:
        return stamp[:10]
