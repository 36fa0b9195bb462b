"""The window speaks one language at a time, all of it: every page, tab and dialog that can be
opened on a demo database is read in Chinese and in English, and each text a person sees is
checked — no Chinese in the English window (customer data apart), no English word in the
Chinese one beyond units and codes, and nothing shaped like a program's key.
"""

from __future__ import annotations

import html
import json
import re
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
                               QGroupBox, QLabel, QLineEdit, QListWidget, QMainWindow, QMenu, QPlainTextEdit,
                               QTableWidget, QTabBar, QTabWidget, QTextEdit, QTreeView,
                               QTreeWidget, QWidget, QWizard)

from custdesk.core import demo
from custdesk.core.desk import Desk

from ..conftest import copy_database
from .conftest import call

CJK = re.compile("[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z']+")
# Latin a Chinese window may show: units, codes, file types, key names and names of things
# that have no Chinese name in the trade (the Altman model, SHA-256).
CHINESE_MAY_SAY = {
    "AAA", "AA", "BBB", "BB", "CCC", "CC", "VIP", "ID", "PDF", "CSV", "XLSX", "ICS", "SHA",
    "Ctrl", "Shift", "Alt", "Esc", "Enter", "Del", "Tab", "PgUp", "PgDown", "Altman", "Excel",
    "WPS", "GB", "GBK", "UTF", "KiB", "MiB", "custdesk", "AES", "Argon", "SQLCipher", "QtPdf",
    "max", "min", "EBIT", "Zoom", "yyyy", "MM", "dd", "YYYY", "DD", "Qt", "PySide", "ReportLab",
    "SQLite", "Python", "Linux", "Windows", "macOS", "iCalendar",
    "zhaolei",          # the example of a login name (login names are Latin)
    "zw",               # the example of pinyin initials to search by
}
# The language setting names each language in itself, so that anyone finds their own.
ENDONYMS = {"中文", "English"}
# Shapes of a program's insides shown raw: a dotted key (at.a.x, assessment.approve), a
# snake_case name, an object by id (assessment#255), a placeholder left unfilled.
DOTTED_KEY = re.compile(r"(?<![\w@./\\-])[a-z]+(?:\.[a-z_]+)+(?![\w@/\\-])")
ABBREVIATIONS = ("e.g", "i.e")
FILE_ENDINGS = (".db", ".pdf", ".csv", ".xlsx", ".ics", ".qm", ".ts", ".conf", ".toml", ".txt",
                ".json", ".png", ".sh", ".py", ".keys", ".zip", ".com", ".cn", ".net", ".org")
SNAKE = re.compile(r"(?<![\w@./\\-])[a-z]+_[a-z0-9_]+(?![\w@/\\-])")
OBJECT_ID = re.compile(r"[A-Za-z]#\d+")
PLACEHOLDER = re.compile(r"%L?\d|%n\b|\{[a-z_]+(?::[^}]*)?\}")
ROWS_READ = 40


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("language-demo") / "demo.db"
    demo.ensure_demo(path, count=24)
    return path


@pytest.fixture
def demo_runner(demo_template, tmp_path, qtbot):
    from custdesk.gui.operations import DeskRunner
    path = tmp_path / "demo.db"
    copy_database(demo_template, path)
    runner = DeskRunner()
    runner.run(lambda _desk: runner.set_desk(
        Desk.open(path, "admin", demo.DEMO_PASSWORDS["admin"], daily_check=False)))
    qtbot.waitUntil(lambda: runner.pending == 0 and runner.desk is not None, timeout=60_000)
    yield runner, path
    runner.close()


# -- what a person sees -----------------------------------------------------------------
def _plain(text: str) -> str:
    """Text as read: tags and entities of rich text resolved, accelerators (&) gone."""
    if "<" in text and ">" in text:
        text = re.sub(r"<[^>]+>", " ", text)
    return html.unescape(text).replace("&&", "\0").replace("&", "").replace("\0", "&")


def _view_texts(view: QAbstractItemView) -> list[tuple[str, str]]:
    if isinstance(view, QListWidget):
        return [("item", view.item(i).text()) for i in range(view.count())] + \
            [("tooltip", view.item(i).toolTip()) for i in range(view.count())]
    if isinstance(view, QTableWidget):
        out = []
        for column in range(view.columnCount()):
            header = view.horizontalHeaderItem(column)
            if header is not None:
                out += [("header", header.text()), ("tooltip", header.toolTip())]
        for row in range(min(view.rowCount(), ROWS_READ)):
            for column in range(view.columnCount()):
                item = view.item(row, column)
                if item is not None:
                    out += [("cell", item.text()), ("tooltip", item.toolTip())]
                widget = view.cellWidget(row, column)
                if widget is not None:
                    out += texts_of(widget)
        return out
    if isinstance(view, QTreeWidget):
        out = [("header", view.headerItem().text(c)) for c in range(view.columnCount())]
        items = [view.topLevelItem(i) for i in range(min(view.topLevelItemCount(), ROWS_READ))]
        while items:
            item = items.pop()
            out += [("cell", item.text(c)) for c in range(view.columnCount())]
            out += [("tooltip", item.toolTip(c)) for c in range(view.columnCount())]
            items += [item.child(i) for i in range(min(item.childCount(), ROWS_READ))]
        return out
    model = view.model()
    if model is None:
        return []
    out = []
    for column in range(model.columnCount()):
        for where, role in (("header", Qt.ItemDataRole.DisplayRole),
                            ("tooltip", Qt.ItemDataRole.ToolTipRole)):
            header = model.headerData(column, Qt.Orientation.Horizontal, role)
            if isinstance(header, str):
                out.append((where, header))

    def walk(parent: QModelIndex, depth: int) -> None:
        for row in range(min(model.rowCount(parent), ROWS_READ)):
            for column in range(model.columnCount(parent)):
                index = model.index(row, column, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.data(index, role)
                    if isinstance(value, str):
                        out.append(("cell", value))
            if depth < 2 and isinstance(view, QTreeView):
                walk(model.index(row, 0, parent), depth + 1)
    walk(QModelIndex(), 0)
    return out


def _menu_texts(menu: QMenu) -> list[tuple[str, str]]:
    out = []
    for action in menu.actions():
        if action.text():
            out.append(("menu", action.text()))
        if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
            out.append(("tooltip", action.toolTip()))
        if action.menu():
            out += _menu_texts(action.menu())
    return out


def texts_of(top: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything ``top`` shows: titles, labels, buttons, tabs, list items,
    table headings and cells, placeholders, tooltips, menus."""
    out = [("title", top.windowTitle())]
    if isinstance(top, QMainWindow):
        for action in top.menuBar().actions():
            out.append(("menu", action.text()))
            if action.menu():
                out += _menu_texts(action.menu())
    if isinstance(top, QWizard):
        for button in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                       QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton):
            out.append(("button", top.buttonText(button)))
        page = top.currentPage()
        if page is not None:
            out += [("title", page.title()), ("label", page.subTitle())]
    for widget in [top] + top.findChildren(QWidget):
        if widget is not top and not widget.isVisibleTo(top):
            continue
        if widget.toolTip():
            out.append(("tooltip", widget.toolTip()))
        if isinstance(widget, QLabel):
            out.append(("label", widget.text()))
        elif isinstance(widget, QAbstractButton):
            out.append(("button", widget.text()))
        elif isinstance(widget, QGroupBox):
            out.append(("group", widget.title()))
        elif isinstance(widget, QLineEdit):
            out.append(("placeholder", widget.placeholderText()))
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            out.append(("placeholder", widget.placeholderText()))
        elif isinstance(widget, QComboBox):
            out += [("choice", widget.itemText(i)) for i in range(widget.count())]
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                out += [("tab", widget.tabText(i)), ("tooltip", widget.tabToolTip(i))]
        elif isinstance(widget, QAbstractItemView):
            out += _view_texts(widget)
    return [(where, _plain(text).strip()) for where, text in out if text and _plain(text).strip()]


# -- what is wrong with a text ----------------------------------------------------------
# Where people's own words are kept (typed in, imported, or made up by the demo): shown as
# they are, in whatever language they were written.
DATA_COLUMNS = {
    "customers": ("code", "name", "address", "tags", "notes", "email", "phone"),
    "individuals": ("hometown", "employer", "position", "emergency_contact", "wechat",
                    "id_number"),
    "enterprises": ("legal_rep", "industry", "business_scope", "credit_code"),
    "contacts": ("name", "position", "email", "notes"),
    "credit_records": ("source", "notes"),
    "litigation": ("case_no", "court", "cause", "notes"),
    "transactions": ("ref_no", "invoice_ref", "notes"),
    "communications": ("summary",),
    "complaints": ("subject", "details", "handled_by", "resolution"),
    "licences": ("name", "number", "issuer"),
    "documents": ("filename", "notes"),
    "assessments": ("adjustment_reason", "decision_reason", "detail"),
    "limit_changes": ("reason", "decision_reason"),
    "review_events": ("note",),
    "warning_actions": ("note",),
    "warnings": ("close_note",),
    "users": ("name", "full_name"),
    "scorecards": ("name",),
    "report_exports": ("number",),
}


def data_values(desk) -> list[str]:
    """Every text of ``DATA_COLUMNS`` in the demo and the names people are shown by, longest
    first (an assessment's detail gives only the assessor's reason for missing inputs)."""
    values: set[str] = set(desk.users.display_names().values())
    for table, columns in DATA_COLUMNS.items():
        for row in desk.db.execute(f'SELECT {", ".join(columns)} FROM "{table}"'):
            for column, value in zip(columns, row):
                if column == "detail":
                    value = json.loads(value).get("missing_reason") if value else None
                for text in _strings(value):
                    values.add(text)
                    values.update(part for part in re.split(r"[\s,，;；、]+", text) if len(part) > 1)
    return sorted((v for v in values if len(v) > 1), key=len, reverse=True)


def _strings(value) -> list[str]:
    """The texts in a stored value (those inside a JSON document too: an assessment's
    reasons)."""
    if isinstance(value, str) and value[:1] in "{[":
        try:
            value = json.loads(value)
        except ValueError:
            return [value]
    if isinstance(value, str):
        return [value] if 1 < len(value) < 400 else []
    if isinstance(value, dict):
        return [t for v in value.values() for t in _strings(v)]
    if isinstance(value, list):
        return [t for v in value for t in _strings(v)]
    return []


# Not words: a checksum's hex digits, a file's extension.
HEX = re.compile(r"\b[0-9a-f]{8,}\b…?")
EXTENSION = re.compile(r"\.[a-z]{2,4}\b")


def _without_data(text: str, data: list[str]) -> str:
    if not CJK.search(text) and not LATIN_WORD.search(text):
        return text
    for value in data:
        if value in text:
            text = text.replace(value, " ")
    return EXTENSION.sub(" ", HEX.sub(" ", text))


def _lower_case_heading(where: str, text: str) -> bool:
    """An English tab, heading, title or form label starts with a capital ("Contacts", not
    "contacts"); so does each part of a window title ("New record: Contacts")."""
    text = re.sub(r"\bcustdesk\b", "", text).strip(" —")      # the program's name
    if where == "title":
        return any(part[:1].islower() for part in re.split(r":\s+|\s—\s", text) if part)
    if where in ("tab", "header", "group") or (
            where == "label" and len(text) < 40 and text.endswith((":", "*"))):
        return text[:1].islower()
    return False


def problems(seen: list[tuple[str, str, str]], language: str, data: list[str]) -> list[str]:
    found = []
    for place, where, text in seen:
        if text in ENDONYMS and where == "choice":
            continue
        rest = _without_data(text, data)
        why = []
        if language == "en" and CJK.search(rest):
            why.append("Chinese in the English window")
        if language == "en" and _lower_case_heading(where, rest):
            why.append("a heading or label in lower case")
        if language == "zh_CN":
            words = {w for w in LATIN_WORD.findall(rest) if w not in CHINESE_MAY_SAY
                     and not re.fullmatch(r"[A-Z]{1,3}\d*'*", w)}     # X1, Z''"
            if words:
                why.append(f"English in the Chinese window: {sorted(words)}")
        dotted = [k for k in DOTTED_KEY.findall(rest)
                  if not k.endswith(FILE_ENDINGS) and k not in ABBREVIATIONS]
        if dotted:
            why.append(f"key {dotted}")
        if SNAKE.search(rest):
            why.append(f"key {SNAKE.findall(rest)}")
        if OBJECT_ID.search(rest):
            why.append(f"object id {OBJECT_ID.findall(rest)}")
        if PLACEHOLDER.search(rest):
            why.append(f"placeholder {PLACEHOLDER.findall(rest)}")
        if why:
            found.append(f"{'; '.join(why)} — {place} / {where}: {text[:300]!r}")
    return sorted(set(found))


# -- walking the window -----------------------------------------------------------------
def settle(runner, qtbot, seconds: float = 0.3) -> None:
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=60_000)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=60_000)


def walk(runner, qtbot, db_path) -> list[tuple[str, str, str]]:
    from custdesk.gui.main_window import MainWindow
    seen: list[tuple[str, str, str]] = []

    def read(place: str, widget: QWidget) -> None:
        seen.extend((place, where, text) for where, text in texts_of(widget))

    window = MainWindow(runner, runner.desk.user, db_path)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    settle(runner, qtbot)
    for key in window.area_keys():
        window.show_area(key)
        settle(runner, qtbot)
        read(f"page {key}", window)
    codes = call(runner, qtbot, lambda desk: [row[0] for row in desk.db.execute(
        "SELECT code FROM customers WHERE assessment_id IS NOT NULL GROUP BY kind")])
    for code in codes:
        window.open_customer(code)
        settle(runner, qtbot)
        editor = window.customer_tabs.currentWidget()
        for i in range(editor.tabs.count()):
            editor.tabs.setCurrentIndex(i)
            settle(runner, qtbot)
            read(f"file {code} tab {i}", window)
        for kind in ("contacts", "credit_records", "litigation", "communications",
                     "complaints"):
            dialog = getattr(editor, kind).add_record()
            settle(runner, qtbot)
            read(f"new record {kind}", dialog)
            dialog.close()
        dialog = editor.reviews.handle_warning(0)
        if dialog is not None:
            settle(runner, qtbot)
            read("warning", dialog)
            dialog.close()
    for make in _dialogs(window, runner, db_path):
        dialog = make()
        dialog.show()
        settle(runner, qtbot)
        read(type(dialog).__name__, dialog)
        dialog.close()
    window.close()
    return seen


def _dialogs(window, runner, db_path):
    from custdesk.gui.about_dialog import AboutDialog
    from custdesk.gui.export_dialog import ExportDialog
    from custdesk.gui.importing.wizard import ImportWizard
    from custdesk.gui.reports.options import ReportOptionsDialog
    from custdesk.gui.users_settings import UserDialog
    from custdesk.gui.editor.review_dialogs import CycleDialog, DoneDialog, SnoozeDialog
    from custdesk.gui.grading.scorecard_dialog import ScorecardDialog
    return [lambda: AboutDialog(runner, db_path, window),
            lambda: DoneDialog("2026-12-01", window),
            lambda: SnoozeDialog("2026-12-01", "2026-12-31", 1, 2, window),
            lambda: CycleDialog(None, 12, window),
            lambda: ScorecardDialog(runner, "", "", True, window),
            lambda: ExportDialog(runner, window),
            lambda: ImportWizard(runner, window),
            lambda: UserDialog(runner, window),
            lambda: ReportOptionsDialog("", True, window)]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_text_speaks_the_windows_language(demo_runner, qtbot, speaking, language):
    runner, path = demo_runner
    speaking(language)
    seen = walk(runner, qtbot, path)
    data = call(runner, qtbot, data_values) + [str(path), path.name]
    assert len(seen) > 500          # the walk saw the window, not an empty shell
    found = problems(seen, language, data)
    assert not found, f"{len(found)} texts:\n" + "\n".join(found)
