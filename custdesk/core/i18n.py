"""Messages that core shows to people, in Chinese (default) and English.

Core cannot use Qt's translation system, so each module registers its own
catalogue of ``key -> (zh, en)`` templates here and looks them up with ``tr``.
The language is process-wide: a desktop program or a command has one user.
"""

from __future__ import annotations

import contextlib
import os
import threading
from typing import Iterator

LANGUAGES = ("zh", "en")
_catalogue: dict[str, tuple[str, str]] = {}
_language = "en" if os.environ.get("CUSTDESK_LANG", "").lower().startswith("en") else "zh"


def register(messages: dict[str, tuple[str, str]]) -> None:
    """Add a module's messages; a key registered twice with other text is a bug."""
    for key, texts in messages.items():
        if key in _catalogue and _catalogue[key] != texts:
            raise ValueError(f"message {key!r} registered twice with different text")
        _catalogue[key] = texts


# A report may be written in another language than the user's; the override is
# per thread, so a report rendered in the background leaves the window's language alone.
_local = threading.local()


def _checked(language: str) -> str:
    language = language.lower()[:2]
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    return language


def set_language(language: str) -> None:
    global _language
    _language = _checked(language)


def language() -> str:
    return getattr(_local, "language", None) or _language


@contextlib.contextmanager
def using(language: str | None) -> Iterator[None]:
    """Speak ``language`` in this thread for the duration (None: the current one)."""
    before = getattr(_local, "language", None)
    _local.language = _checked(language) if language else before
    try:
        yield
    finally:
        _local.language = before


def keys() -> list[str]:
    """Every registered key (the modules registered so far)."""
    return list(_catalogue)


def texts(key: str) -> tuple[str, str] | None:
    """The (zh, en) templates of ``key``, or None when it is not registered."""
    return _catalogue.get(key)


def tr(key: str, /, **params: object) -> str:
    """The message for ``key`` in the current language, with ``params`` filled in."""
    texts = _catalogue.get(key)
    if texts is None:
        # An unregistered key is a programming error, but a clerk must still get
        # something readable rather than a crash while showing an error.
        return key if not params else f"{key} {params}"
    template = texts[0] if language() == "zh" else texts[1]
    return template.format(**params) if params else template
