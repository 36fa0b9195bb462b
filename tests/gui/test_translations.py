"""The window's translations: complete, current with the code, faithful to placeholders, and used.

``resources/i18n/custdesk_zh_CN.ts`` and ``custdesk_en.ts`` are kept up to date by
``tools/update_translations.sh`` (pyside6-lupdate); these tests fail when a string in
``custdesk/gui`` is missing from them, when an entry is unfinished, empty or stale, or
when a translation lost a %1 / {name} placeholder, an HTML tag or its accelerator.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from custdesk.core import i18n
from custdesk.core.fields import choice_label
from custdesk.gui import translation

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "custdesk" / "gui"
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN", "en")
# Chinese entries that are rightly the same as the English source.
SAME_IN_CHINESE = {"{kb:,.1f} KB"}

PLACEHOLDER = re.compile(r"%L?\d+|%L?n|\{[^{}]*\}")
TAG = re.compile(r"</?[A-Za-z][^<>]*>")
ACCELERATOR = re.compile(r"&(?!&)(\w)")


def ts_path(language: str) -> Path:
    return I18N / f"custdesk_{language}.ts"


def messages(path: Path) -> list[dict]:
    """Every message of a .ts file: context, source, numerus, translation type and texts."""
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation_ = message.find("translation")
            forms = translation_.findall("numerusform")
            found.append({
                "context": name,
                "source": message.findtext("source"),
                "numerus": message.get("numerus") == "yes",
                "type": translation_.get("type"),
                "texts": [f.text or "" for f in forms] if forms else [translation_.text or ""],
            })
    return found


def keys(path: Path) -> set[tuple[str, str]]:
    return {(m["context"], m["source"]) for m in messages(path)}


def lupdate() -> str | None:
    beside = Path(sys.executable).with_name("pyside6-lupdate")
    return str(beside) if beside.exists() else shutil.which("pyside6-lupdate")


def tr_calls_in_code() -> set[tuple[str, str]]:
    """(context, text) of every tr("…") / translate("ctx", "…") with literal text in custdesk/gui.

    A ``self.tr`` call's context is the class it is written in, as lupdate reads it.
    """
    found: set[tuple[str, str]] = set()

    def visit(node: ast.AST, cls: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.ClassDef) else cls
            if isinstance(child, ast.Call):
                func = child.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
                args = child.args
                if name == "tr" and args and isinstance(args[0], ast.Constant):
                    found.add((cls, args[0].value))
                elif (name == "translate" and len(args) >= 2 and isinstance(args[0], ast.Constant)
                      and isinstance(args[1], ast.Constant)):
                    found.add((args[0].value, args[1].value))
            visit(child, inner)

    for path in sorted(GUI.rglob("*.py")):
        visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)), None)
    return found


# -- complete ----------------------------------------------------------------------------------
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_finished_and_not_empty(language):
    bad = []
    for m in messages(ts_path(language)):
        where = f"[{m['context']}] {m['source']!r}"
        if m["type"] in ("unfinished", "vanished", "obsolete"):
            bad.append(f"{where}: type={m['type']}")
        elif not all(text.strip() for text in m["texts"]):
            bad.append(f"{where}: empty translation")
    assert not bad, (f"{ts_path(language).name}: fix these (bash tools/update_translations.sh, "
                     "then translate):\n" + "\n".join(bad))


def test_chinese_entries_are_translated_not_copied():
    copied = [f"[{m['context']}] {m['source']!r}" for m in messages(ts_path("zh_CN"))
              if m["source"] not in SAME_IN_CHINESE and m["source"] in m["texts"]]
    assert not copied, "Chinese entries still in English:\n" + "\n".join(copied)


def test_english_entries_are_the_source_text():
    for m in messages(ts_path("en")):
        if not m["numerus"]:
            assert m["texts"] == [m["source"]], m


# -- current -----------------------------------------------------------------------------------
@pytest.mark.parametrize("language", LANGUAGES)
def test_ts_files_hold_exactly_what_lupdate_finds(language, tmp_path):
    tool = lupdate()
    if tool is None:
        pytest.skip("pyside6-lupdate not installed")
    fresh = tmp_path / f"custdesk_{language}.ts"
    result = subprocess.run(
        [tool, "-silent", "-extensions", "py", "-no-obsolete", "-source-language", "en",
         "-target-language", language, str(GUI), "-ts", str(fresh)],
        capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    expected, have = keys(fresh), keys(ts_path(language))
    missing, stale = sorted(expected - have), sorted(have - expected)
    assert not missing and not stale, (
        "run bash tools/update_translations.sh and translate the new entries\n"
        f"missing: {missing}\nno longer in the code: {stale}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_tr_call_in_the_code_has_an_entry(language):
    """Also catches tr() calls lupdate cannot see (inside an f-string) in a context of their own."""
    calls = tr_calls_in_code()
    assert ("MainWindow", "Customer files") in calls   # the scan works
    missing = sorted(calls - keys(ts_path(language)), key=str)
    assert not missing, (f"{ts_path(language).name} lacks these (context, text); a tr() inside "
                         "an f-string is invisible to lupdate:\n" + "\n".join(map(str, missing)))


# -- faithful --------------------------------------------------------------------------------
@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_placeholders_tags_and_accelerators(language):
    bad = []
    for m in messages(ts_path(language)):
        source = m["source"]
        for text in m["texts"]:
            where = f"[{m['context']}] {source!r} -> {text!r}"
            if Counter(PLACEHOLDER.findall(source)) != Counter(PLACEHOLDER.findall(text)):
                bad.append(f"{where}: placeholders differ")
            if Counter(TAG.findall(source)) != Counter(TAG.findall(text)):
                bad.append(f"{where}: HTML tags differ")
            if ACCELERATOR.search(source) and not ACCELERATOR.search(text):
                bad.append(f"{where}: the keyboard accelerator (&X) is lost")
            if source.count("\n") != text.count("\n"):
                bad.append(f"{where}: line breaks differ")
            if source[:1].isspace() != text[:1].isspace():
                bad.append(f"{where}: leading space differs")
    assert not bad, "\n".join(bad)


def test_chinese_accelerators_follow_the_text():
    for m in messages(ts_path("zh_CN")):
        letter = ACCELERATOR.search(m["source"])
        if letter:
            # A label's colon follows the accelerator, as in Qt's own Chinese: 文件名称(&N)：
            mark = f"(&{letter.group(1).upper()})" + ("：" if m["source"].endswith(":") else "")
            assert m["texts"][0].endswith(mark), m


# -- used ----------------------------------------------------------------------------------------
@pytest.fixture
def translated(qapp, tmp_path, monkeypatch):
    """Install a language for one test (compiling into a temporary cache); English after."""
    monkeypatch.setattr(translation.platformdirs, "user_cache_dir",
                        lambda *args, **kwargs: str(tmp_path / "cache"))
    locale = QLocale()
    yield translation.install
    translation.install("en")         # removes the translators again
    QLocale.setDefault(locale)
    i18n.set_language("zh")


def test_chinese_is_shown_with_the_zh_CN_translator(translated):
    if translation.lrelease() is None and not ts_path("zh_CN").with_suffix(".qm").exists():
        pytest.skip("pyside6-lrelease not installed")
    assert translated("zh_CN") == "zh_CN"
    assert QCoreApplication.translate("MainWindow", "Customer files") == "客户档案"
    assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
    assert QCoreApplication.translate("LockOverlay", "User: %1") == "用户：%1"
    assert QCoreApplication.translate("CustomerListPage", "%Ln customers", "", 3) == "3 位客户"
    from custdesk.gui.customers.model import CustomerTableModel
    from PySide6.QtCore import Qt
    model = CustomerTableModel()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "编号"
    # Core speaks the same language: field labels and choice values.
    assert i18n.language() == "zh" and choice_label("active") == "正常"


def test_english_stays_english(translated):
    translated("zh_CN")
    assert translated("en") == "en"
    assert QCoreApplication.translate("MainWindow", "Customer files") == "Customer files"
    assert QCoreApplication.translate("CustomerListPage", "%Ln customers", "", 3) == "3 customers"
    assert i18n.language() == "en" and choice_label("active") == "Active"
