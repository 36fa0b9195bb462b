"""Scorecards in Settings: the list, copy and edit in the TOML dialog, problems shown with the
text kept, saving a copy or a new version, the default (once a second manager approved the
copy), viewing read-only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from custdesk.core.grading.scorecards import copy_source
from custdesk.gui.grading.scorecard_dialog import ScorecardDialog
from custdesk.gui.settings_page import SettingsPage
from tests.gui.conftest import call

NAME, TITLE, VERSION, STATUS, IN_USE, KIND, DEFAULT = range(7)


@pytest.fixture
def manager(make_runner):
    return make_runner("manager")


@pytest.fixture
def enterprise_source(manager, qtbot) -> str:
    return call(manager, qtbot, lambda d: d.grading.library.get("enterprise-standard").source)


def settle(runner, qtbot) -> None:
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)


def listed(runner, qtbot) -> dict[str, dict]:
    return {c["name"]: c for c in call(runner, qtbot, lambda d: d.grading.library.list())}


def open_settings(runner, qtbot) -> SettingsPage:
    user = call(runner, qtbot, lambda d: d.user)
    page = SettingsPage(runner, user)
    qtbot.addWidget(page)
    settle(runner, qtbot)
    return page


def table_rows(page) -> dict[str, list[str]]:
    table = page.scorecards
    return {table.item(r, NAME).text(): [table.item(r, c).text()
                                         for c in range(table.columnCount())]
            for r in range(table.rowCount())}


def test_a_broken_scorecard_lists_every_problem_and_keeps_the_text(manager, enterprise_source,
                                                                   qtbot):
    text = copy_source(enterprise_source, "firm-enterprise").replace(
        "solvency = 25", "solvency = 30").replace("AAA = 90", "AAA = 10")
    dialog = ScorecardDialog(manager, text, "copy")
    qtbot.addWidget(dialog)
    dialog.editor.document().setModified(True)       # as if typed
    assert not dialog.check()
    problems = dialog.problem_texts()
    assert any("100" in p and "105" in p for p in problems)          # weights add up to 105
    assert any("AAA" in p for p in problems)                         # thresholds out of order
    assert len(problems) >= 2 and not dialog.problems.isHidden()
    assert dialog.text() == text
    # Save is refused by core with the same problems; nothing is stored, nothing typed is lost.
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(manager, qtbot)
    assert dialog.problem_texts() == problems and dialog.text() == text
    assert not dialog.is_saved and dialog.save_button.isEnabled()
    assert "firm-enterprise" not in listed(manager, qtbot)
    assert dialog.status.text()   # says it was not saved
    # Not TOML at all: the parser's complaint, in the user's language.
    dialog.editor.setPlainText('name = "firm-enterprise\nversion = 1\n')
    assert not dialog.check()
    assert dialog.problem_texts()[0].startswith("TOML 格式错误")
    # Fixed in place, it checks clean.
    dialog.editor.setPlainText(copy_source(enterprise_source, "firm-enterprise"))
    assert dialog.check() and dialog.problem_texts() == [] and dialog.problems.isHidden()


def test_names_and_versions_are_the_library_s_to_refuse(manager, enterprise_source, qtbot):
    dialog = ScorecardDialog(manager, enterprise_source, "same name")
    qtbot.addWidget(dialog)
    assert dialog.check()            # a valid card, but its name is built-in
    dialog.save()
    settle(manager, qtbot)
    assert dialog.problem_texts() == [
        "enterprise-standard 是内置评分卡的名称，请以新名称保存副本"]   # core's Conflict
    assert not dialog.is_saved
    dialog.editor.setPlainText(copy_source(enterprise_source, "firm-enterprise", 3))
    dialog.save()
    settle(manager, qtbot)
    assert any("firm-enterprise 的下一个版本号应为 1" in p for p in dialog.problem_texts())
    assert not dialog.is_saved and "firm-enterprise" not in listed(manager, qtbot)


def test_copy_and_edit_saves_a_copy_that_appears_in_the_list(manager, make_runner, qtbot):
    page = open_settings(manager, qtbot)
    rows = table_rows(page)
    assert rows["enterprise-standard"][VERSION:] == ["2", "内置", "2", "企业", "Yes"]
    assert rows["individual-standard"][TITLE] == "个人客户标准评分卡"
    assert not page.scorecard_buttons["version"].isEnabled()   # nothing selected yet
    assert page.select_scorecard("enterprise-standard")
    assert not page.scorecard_buttons["version"].isEnabled()   # built-in: copy it instead
    page.copy_scorecard()
    settle(manager, qtbot)
    dialog = page.scorecard_dialog
    assert dialog is not None and dialog.isVisible()
    metrics = QFontMetrics(dialog.editor.font())                     # a monospace font
    assert metrics.horizontalAdvance("i" * 10) == metrics.horizontalAdvance("M" * 10)
    text = dialog.text()
    assert 'name = "enterprise-standard-copy"' in text and "\nversion = 1\n" in text
    assert "# Default scorecard for enterprise customers" in text     # comments kept
    dialog.editor.setPlainText(text.replace("valid_months = 12", "valid_months = 6"))
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == ["enterprise-standard-copy", 1]
    assert dialog.is_saved and not dialog.isVisible()
    qtbot.waitUntil(lambda: "enterprise-standard-copy" in table_rows(page), timeout=10_000)
    # A manager's copy waits for a second manager: it grades no one yet.
    assert table_rows(page)["enterprise-standard-copy"][VERSION:IN_USE + 1] == \
        ["1", "待审批", "none"]
    stored = call(manager, qtbot, lambda d: d.grading.library.get("enterprise-standard-copy"))
    assert stored.valid_months == 6 and stored.kind == "enterprise"

    # Its own scorecard takes a new version; a second copy gets a free name.
    assert page.select_scorecard("enterprise-standard-copy")
    assert page.scorecard_buttons["version"].isEnabled()
    page.new_scorecard_version()
    settle(manager, qtbot)
    assert "\nversion = 2\n" in page.scorecard_dialog.text()
    with qtbot.waitSignal(page.scorecard_dialog.saved, timeout=10_000):
        page.scorecard_dialog.save()
    qtbot.waitUntil(lambda: table_rows(page)["enterprise-standard-copy"][VERSION] == "2",
                    timeout=10_000)
    page.select_scorecard("enterprise-standard")
    page.copy_scorecard()
    settle(manager, qtbot)
    assert 'name = "enterprise-standard-copy-2"' in page.scorecard_dialog.text()
    page.scorecard_dialog.reject()    # nothing typed: closes without asking

    # Set as default: refused while no version of the copy is approved; once a second
    # manager (here the administrator, in a session of their own) approved version 1, the
    # copy becomes the enterprise default, graded by version 1 while version 2 waits.
    page.select_scorecard("enterprise-standard-copy")
    assert not page.scorecard_buttons["default"].isEnabled()
    page.set_default_scorecard()
    qtbot.waitUntil(lambda: "没有已批准的版本" in page.message.text(), timeout=10_000)
    boss = make_runner("boss")
    call(boss, qtbot, lambda d: d.grading.library.decide("enterprise-standard-copy@1", True))
    page.refresh_scorecards()
    qtbot.waitUntil(lambda: table_rows(page)["enterprise-standard-copy"][IN_USE] == "1",
                    timeout=10_000)
    assert table_rows(page)["enterprise-standard-copy"][STATUS] == "待审批"   # version 2
    assert page.scorecard_buttons["default"].isEnabled()
    page.set_default_scorecard()
    qtbot.waitUntil(lambda: table_rows(page)["enterprise-standard-copy"][DEFAULT] == "Yes",
                    timeout=10_000)
    assert table_rows(page)["enterprise-standard"][DEFAULT] == "No"
    assert listed(manager, qtbot)["enterprise-standard-copy"]["default"]


def test_closing_with_unsaved_text_asks_first(manager, enterprise_source, qtbot, monkeypatch):
    dialog = ScorecardDialog(manager, copy_source(enterprise_source, "x"), "copy")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.editor.insertPlainText("# a note\n")
    monkeypatch.setattr(dialog, "confirm_discard", lambda: False)
    dialog.reject()
    assert dialog.isVisible() and "# a note" in dialog.text()
    monkeypatch.setattr(dialog, "confirm_discard", lambda: True)
    dialog.reject()
    assert not dialog.isVisible()


def test_view_is_read_only(manager, qtbot):
    page = open_settings(manager, qtbot)
    page.select_scorecard("individual-standard")
    page.view_scorecard()
    settle(manager, qtbot)
    dialog = page.scorecard_dialog
    assert dialog.editor.isReadOnly() and 'name = "individual-standard"' in dialog.text()
    assert not hasattr(dialog, "save_button")
    dialog.reject()
    QApplication.processEvents()
    assert not dialog.isVisible()


def test_only_managers_and_admins_see_scorecards(make_runner, qtbot):
    for name, shown in (("reviewer", False), ("clerk", False), ("manager", True), ("boss", True)):
        page = open_settings(make_runner(name), qtbot)
        assert hasattr(page, "scorecards") == shown, name
