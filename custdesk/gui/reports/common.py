"""What the report widgets share: the language choice, the busy bar, folders, making a report."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QDir, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QProgressBar, QWidget
from shiboken6 import isValid

from ...core import i18n
from ...core.errors import CustdeskError
from .. import translation

#: report languages as core names them
LANGUAGES = ("zh", "en")
#: QSettings keys of the folders last used
SAVE_FOLDER = "reports/save_folder"
BATCH_FOLDER = "reports/batch_folder"
VERIFY_FOLDER = "reports/verify_folder"


def language_name(code: str) -> str:
    """A report language named in the window's language (Chinese / 中文, English / 英文).

    Unlike the language setting, which names each language in itself so that anyone can
    find their own, a report's language is a property of the report, read in the UI's words.
    """
    names = {"zh": QApplication.translate("reports", "Chinese"),
             "en": QApplication.translate("reports", "English")}
    return names.get(code, code)


def language_combo(parent: QWidget | None = None) -> QComboBox:
    """Chinese / English, set to the language the window runs in."""
    combo = QComboBox(parent)
    for code in LANGUAGES:
        combo.addItem(language_name(code), code)
    combo.setCurrentIndex(max(0, combo.findData(i18n.language())))
    return combo


def last_folder(*keys: str) -> Path:
    """The folder last used for the first of ``keys`` that has one still there (else home)."""
    for key in keys:
        value = translation.settings().value(key, "")
        if value and Path(value).is_dir():
            return Path(value)
    return Path(QDir.homePath())


def remember_folder(key: str, folder: Path) -> None:
    translation.settings().setValue(key, str(folder))


def split_codes(text: str) -> list[str]:
    """Customer codes typed as "C1, C2" (commas, semicolons, spaces, Chinese commas), in order."""
    seen: list[str] = []
    for code in re.split(r"[\s,;，；、]+", text.upper()):
        if code and code not in seen:
            seen.append(code)
    return seen


class BusyBar(QProgressBar):
    """A thin bar that moves while a report is being made (hidden otherwise), with a busy cursor."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("report_busy")
        self.setRange(0, 0)
        self.setTextVisible(False)
        self.setFixedHeight(8)
        self.setMaximumWidth(160)
        self.hide()


def make_report(owner: QWidget, runner, job: Callable[[Any], Any], busy: BusyBar,
                on_done: Callable[[Any], None], on_error: Callable[[Exception], None],
                on_end: Callable[[], None] | None = None) -> None:
    """Run the export ``job(desk)`` with ``busy`` moving; the callbacks get the Export or error.

    The bar stops and ``on_end()`` runs however the job ends — an unexpected error
    (reported by the window's crash handler) included; the callbacks are dropped when
    ``owner`` is gone by then.
    """
    state = {"running": True, "crashed": False}

    def guarded(desk):
        try:
            return job(desk)
        except CustdeskError:
            raise
        except BaseException:
            state["crashed"] = True     # set on the database thread before the answer is sent
            raise

    def stop() -> None:
        if not state["running"]:
            return
        state["running"] = False
        runner.finished.disconnect(after_any_job)
        QApplication.restoreOverrideCursor()
        if isValid(busy):
            busy.hide()
        if on_end is not None and isValid(owner):
            on_end()

    def after_any_job() -> None:
        if state["crashed"]:
            stop()

    def done(result) -> None:
        stop()
        if isValid(owner):
            on_done(result)

    def failed(error) -> None:
        stop()
        if isValid(owner):
            on_error(error)

    busy.show()
    QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    runner.finished.connect(after_any_job)
    runner.run(guarded, done, failed)
