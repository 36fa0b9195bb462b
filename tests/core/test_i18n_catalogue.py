"""Every message core, the reports and the command line register reads in both languages: a
Chinese and an English text for each key, the same placeholders in both, no Chinese in the
English text and no English sentence in the Chinese one."""

from __future__ import annotations

import importlib
import pkgutil
import re
import string

import pytest

import custdesk
from custdesk.core import i18n

CJK = re.compile("[\u3400-\u9fff]")
# English words a Chinese message may hold: codes, units, names of things and examples.
CHINESE_MAY_SAY = {
    "ID", "PDF", "CSV", "XLSX", "ICS", "JSON", "SHA", "AES", "GB", "GBK", "UTF", "VIP", "Altman",
    "EBIT", "Excel", "WPS", "SQLCipher", "SQLite", "KDF", "Argon", "custdesk", "max", "min", "Z",
    "cap", "YYYY", "MM", "DD", "Ctrl", "Shift", "Windows", "Linux", "macOS", "xvfb", "run",
    "DISPLAY", "WAYLAND", "Qt", "USCC", "TOML", "TXT", "DOCX", "PNG", "JPG", "ZIP", "iCalendar",
    "slots", "NFKC", "HMAC", "Luhn", "MOD", "of", "at", "OK", "MB", "HTML", "NUL", "Big",
    # what a person types: answers, switches, values of a scorecard file, examples
    "yes", "on", "off", "low", "medium", "high", "individual", "enterprise", "kind", "abc",
    "name", "example", "com", "csv", "xlsx", "xls",
    # an office database's address, as it is typed: postgresql://主机:端口/数据库名
    "postgresql",
    # the figures of a validation, the keys and values of a fitted scorecard, the
    # command that adds the fitting component
    "Gini", "scaling", "pdo", "anchor", "score", "odds", "type", "number", "category", "base",
    "points",
    "pip", "install", "scikit", "learn", "fit",
}
# An English message may show a way of writing a date that a Chinese user types.
ENGLISH_MAY_SHOW_CHINESE = {"valid.date.format"}
# A command to run, as it is typed: custdesk audit verify, --user NAME.
COMMAND = re.compile(r"custdesk(?: [a-z][\w-]*)*|--[\w-]+")


def _import_everything() -> list[str]:
    """Import every module without Qt, so that each registers its messages."""
    names = []
    for package in ("custdesk.core", "custdesk.reports", "custdesk.cli"):
        module = importlib.import_module(package)
        for info in pkgutil.walk_packages(module.__path__, package + "."):
            importlib.import_module(info.name)
            names.append(info.name)
    return names


def _fields(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


@pytest.fixture(scope="module")
def catalogue() -> dict[str, tuple[str, str]]:
    assert len(_import_everything()) > 40
    return {key: i18n.texts(key) for key in i18n.keys()}


def test_every_key_has_chinese_and_english_with_the_same_placeholders(catalogue):
    assert len(catalogue) > 500
    bad = []
    for key, (zh, en) in catalogue.items():
        if not zh.strip() or not en.strip():
            bad.append(f"{key}: empty")
        elif _fields(zh) != _fields(en):
            bad.append(f"{key}: placeholders {sorted(_fields(zh))} / {sorted(_fields(en))}")
    assert not bad, "\n".join(bad)


def test_english_texts_hold_no_chinese(catalogue):
    bad = [f"{key}: {en!r}" for key, (_zh, en) in catalogue.items()
           if CJK.search(re.sub(r"\{[^}]*\}", "", en)) and key not in ENGLISH_MAY_SHOW_CHINESE]
    assert not bad, "\n".join(bad)


def test_chinese_texts_are_chinese(catalogue):
    bad = []
    for key, (zh, en) in catalogue.items():
        if key.endswith("_usage"):
            continue        # a command line's usage: its words are the command's own
        plain = COMMAND.sub("", re.sub(r"\{[^}]*\}", "", zh))
        words = {w for w in re.findall(r"[A-Za-z]{2,}", plain)
                 if not w.isupper()} - CHINESE_MAY_SAY       # CODE, KEY=VALUE: what to type
        # A text with no letters (a number format, a separator) needs no Chinese; one with
        # English words must be Chinese apart from the words a Chinese text may hold.
        if words and zh != en:
            bad.append(f"{key}: {zh!r} has {sorted(words)}")
        elif words and not CJK.search(zh):
            bad.append(f"{key}: {zh!r} is not translated")
    assert not bad, "\n".join(bad)
