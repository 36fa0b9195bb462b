"""Qt translations: English source strings, Chinese (zh_CN) by default.

``.ts`` files in ``resources/i18n`` are compiled to ``.qm`` by pyside6-lrelease
(at set-up and bundle time); a checkout without a compiled ``.qm`` compiles one
into the user cache folder on first start.
"""

from __future__ import annotations

import configparser
import os
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


def qt_own_strings() -> tuple[str, ...]:
    """Words of Qt's own file dialog (used where the desktop offers none) that Qt's shipped
    Chinese does not cover: two labels gained accelerators in Qt 6, and a folder's type.
    Our translator, installed after Qt's and so asked first, gives them (custdesk_zh_CN.ts,
    contexts QFileDialog and QAbstractFileIconProvider); written here so that lupdate
    keeps them, and returned in the current language."""
    return (QCoreApplication.translate("QFileDialog", "&Look in:"),
            QCoreApplication.translate("QFileDialog", "Files of &type:"),
            QCoreApplication.translate("QAbstractFileIconProvider", "Folder",
                                       "All other platforms"))


def settings() -> QSettings:
    return QSettings("custdesk", "custdesk")


def chosen_language() -> str:
    value = settings().value("language", DEFAULT)
    return value if value in LANGUAGES else DEFAULT


def remember_language(language: str) -> None:
    settings().setValue("language", language)


def settle_system_locale(language: str | None = None) -> None:
    """Give Qt a system time format in the chosen language, on a system that has none.

    Qt's own file dialog dates files by the *system* locale, not the default one that
    ``install`` sets, and Qt reads it from the environment once, at its first use (even a
    QSettings reads it). On a machine whose locale is C or POSIX (a bare Linux install, a
    container) the dates read "4 12 2026". Called before any Qt object exists, this names
    the chosen language's locale in LC_TIME; a locale the user set is left alone.
    """
    if not sys.platform.startswith("linux") or QCoreApplication.instance() is not None:
        return
    current = os.environ.get("LC_ALL") or os.environ.get("LC_TIME") or os.environ.get("LANG")
    if os.environ.get("LC_ALL") or (current or "C").split(".")[0] not in ("C", "POSIX"):
        return
    language = language or _remembered_language_from_file()
    os.environ["LC_TIME"] = "en_US.UTF-8" if language == "en" else "zh_CN.UTF-8"


def _remembered_language_from_file() -> str:
    """``chosen_language`` without Qt: read from the file QSettings keeps on Linux
    ($XDG_CONFIG_HOME/custdesk/custdesk.conf, section General), as QSettings would."""
    home = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    parser = configparser.RawConfigParser(strict=False)
    try:
        parser.read(Path(home) / "custdesk" / "custdesk.conf", encoding="utf-8")
        value = parser.get("General", "language", fallback=DEFAULT)
    except (configparser.Error, OSError, UnicodeError):
        return DEFAULT
    return value if value in LANGUAGES else DEFAULT


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


def uninstall() -> None:
    """Remove the translators ``install`` put in (the window then shows its source English)."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()


def install(language: str | None = None) -> str:
    """Install translators for ``language`` (default: the remembered one); return it."""
    app = QCoreApplication.instance()
    language = language or chosen_language()
    uninstall()
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
