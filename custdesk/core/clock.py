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
