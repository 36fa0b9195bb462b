"""Qt translations: English source strings, Chinese (zh_CN) by default.

``.ts`` files in ``resources/i18n`` are compiled to ``.qm`` by pyside6-lrelease
(at set-up and bundle time); a checkout without a compiled ``.qm`` compiles one
into the user cache folder on first start.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from ..core import i18n
from ..resources import resource

LANGUAGES = {"zh_CN": "中文", "en": "English"}
DEFAULT = "zh_CN"
_installed: list[QTranslator] = []


def settings() -> QSettings:
    return QSettings("custdesk", "custdesk")


def chosen_language() -> str:
    value = settings().value("language", DEFAULT)
    return value if value in LANGUAGES else DEFAULT


def remember_language(language: str) -> None:
    settings().setValue("language", language)


def lrelease() -> str | None:
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found:
        return found
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    return str(beside) if beside.exists() else None


def compiled(language: str) -> Path | None:
    """The .qm file for ``language``, compiling the .ts source when no current .qm exists."""
    source = resource("i18n", f"custdesk_{language}.ts")
    shipped = source.with_suffix(".qm")
    if shipped.exists() and (not source.exists() or shipped.stat().st_mtime >= source.stat().st_mtime):
        return shipped
    if not source.exists():
        return None
    cache = Path(platformdirs.user_cache_dir("custdesk", appauthor=False)) / "i18n" / shipped.name
    if cache.exists() and cache.stat().st_mtime >= source.stat().st_mtime:
        return cache
    tool = lrelease()
    if tool is None:
        return None
    cache.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([tool, "-silent", str(source), "-qm", str(cache)], capture_output=True)
    return cache if result.returncode == 0 and cache.exists() else None


def install(language: str | None = None) -> str:
    """Install translators for ``language`` (default: the remembered one); return it."""
    app = QCoreApplication.instance()
    language = language or chosen_language()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    i18n.set_language("zh" if language.startswith("zh") else "en")
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedStates))
        return language
    QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.China))
    ours = compiled(language)
    qt_base = QTranslator(app)
    if qt_base.load(QLocale(language), "qtbase", "_",
                    QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    if ours is not None:
        translator = QTranslator(app)
        if translator.load(str(ours)):
            app.installTranslator(translator)
            _installed.append(translator)
    return language
