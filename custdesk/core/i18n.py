"""Messages that core shows to people, in Chinese (default) and English.

Core cannot use Qt's translation system, so each module registers its own
catalogue of ``key -> (zh, en)`` templates here and looks them up with ``tr``.
The language is process-wide: a desktop program or a command has one user.
"""

from __future__ import annotations

import os

LANGUAGES = ("zh", "en")
_catalogue: dict[str, tuple[str, str]] = {}
_language = "en" if os.environ.get("CUSTDESK_LANG", "").lower().startswith("en") else "zh"


def register(messages: dict[str, tuple[str, str]]) -> None:
    """Add a module's messages; a key registered twice with other text is a bug."""
    for key, texts in messages.items():
        if key in _catalogue and _catalogue[key] != texts:
            raise ValueError(f"message {key!r} registered twice with different text")
        _catalogue[key] = texts


def set_language(language: str) -> None:
    global _language
    language = language.lower()[:2]
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    _language = language


def language() -> str:
    return _language


def tr(key: str, /, **params: object) -> str:
    """The message for ``key`` in the current language, with ``params`` filled in."""
    texts = _catalogue.get(key)
    if texts is None:
        # An unregistered key is a programming error, but a clerk must still get
        # something readable rather than a crash while showing an error.
        return key if not params else f"{key} {params}"
    template = texts[0] if _language == "zh" else texts[1]
    return template.format(**params) if params else template
