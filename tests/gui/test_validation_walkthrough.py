"""A manager re-fits a scorecard on a history file and another approves it, as a new user
would: what the window says approving means must be true. A version reading a history
file's own columns (monthly_income, 渠道, ...) never grades a customer, approved or not; a
file whose columns are named as custdesk's own measures gives a version that grades, and
names its factors as the window does (住房情况, not housing)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from custdesk.gui.grading.approvals_page import ApprovalsPage
from custdesk.gui.grading.refit_dialog import RefitDialog
from tests import histories
from tests.gui.conftest import call, settings_page
from tests.gui.test_scorecard_dialog import IN_USE, STATUS, settle, table_rows

T = 60_000


@pytest.fixture
def manager(make_runner):
    return make_runner("manager")


@pytest.fixture
def boss(make_runner):
    return make_runner("boss")


def measures_file(path: Path) -> Path:
    """The synthetic history with its columns named as custdesk's own measures of an
    individual (and nothing else): a card fitted on it reads only what custdesk holds."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["申请编号", "employment_years", "debt_to_income", "housing", "违约"])
        for row in histories.rows(800, seed=1):
            writer.writerow([row[0], max(0, int(row[3]) - 22), row[4], row[5], row[9]])
    return path


def fit(runner, qtbot, path: Path, name: str) -> RefitDialog:
    pytest.importorskip("sklearn")
    dialog = RefitDialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.file.setChecked(True)
    dialog.history.load(str(path))
    qtbot.waitUntil(lambda: dialog.history.ready(), timeout=T)
    dialog.history.bad.setCurrentIndex(dialog.history.bad.findData("是"))
    dialog.kind.setCurrentIndex(dialog.kind.findData("individual"))
    dialog.name.setText(name)
    with qtbot.waitSignal(dialog.finished_fit, timeout=T):
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)          # Enter fits
    assert not dialog.message.isVisible(), dialog.message.text()
    return dialog


def test_a_version_reading_a_files_own_columns_is_never_said_to_grade(manager, boss, qtbot,
                                                                       tmp_path, monkeypatch,
                                                                       speaking):
    speaking("zh_CN")
    dialog = fit(manager, qtbot, histories.write(tmp_path / "h.csv", 800), "retail")
    saved = dialog.saved.text()
    assert "retail@1" in saved and "monthly_income" in saved and "不能为客户评级" in saved
    assert "之前，不用于任何评级" not in saved          # not "until approved": never

    # Settings › Scorecards, as another manager: the question and the answer say so.
    page = settings_page(boss, qtbot)
    page.select_scorecard("retail")
    assert "不能为客户评级" in page.scorecard_note.text()
    qtbot.mouseClick(page.scorecard_buttons["approve"], Qt.MouseButton.LeftButton)
    decision = page.decision_dialog
    note = decision.findChild(type(page.scorecard_note), "decision_note").text()
    assert "不能为客户评级" in note and "将用于" not in note
    qtbot.mouseClick(decision.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: table_rows(page)["retail"][STATUS] == "已批准", timeout=10_000)
    assert "不能为客户评级" in page.message.text() and "起用于评级" not in page.message.text()
    assert table_rows(page)["retail"][IN_USE] == "无"
    assert not page.scorecard_buttons["default"].isEnabled()
    page.select_scorecard("retail")
    assert "不能为客户评级" in page.scorecard_note.text()      # why it is not the default


def test_the_approval_page_asks_truly(manager, boss, qtbot, tmp_path, monkeypatch, speaking):
    speaking("en")
    fit(manager, qtbot, histories.write(tmp_path / "h.csv", 800), "retail")
    page = ApprovalsPage(boss)
    qtbot.addWidget(page)
    settle(boss, qtbot)
    row = next(i for i, item in enumerate(page.items) if item["type"] == "scorecard")
    page.table.setCurrentCell(row, 0)
    asked = []
    monkeypatch.setattr(page, "confirm", lambda title, text: asked.append(text) or True)
    page.approve_button.click()
    qtbot.waitUntil(lambda: all(i["type"] != "scorecard" for i in page.items), timeout=10_000)
    assert "cannot grade customers" in asked[0] and "From then on it grades" not in asked[0]


def test_a_file_of_custdesks_own_measures_gives_a_version_that_grades(manager, boss, qtbot,
                                                                     tmp_path, speaking):
    speaking("zh_CN")
    dialog = fit(manager, qtbot, measures_file(tmp_path / "m.csv"), "retail")
    assert "不能为客户评级" not in dialog.saved.text() and "另一位经理" in dialog.saved.text()
    tree = dialog.characteristics
    names = {tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())}
    assert "住房情况" in names and "housing" not in names
    card = call(manager, qtbot, lambda desk: desk.grading.library.get("retail@1"))
    assert {f.input: f.zh for f in card.factors}["housing"] == "住房情况"
    assert not any(f.custom for f in card.factors)
    page = settings_page(boss, qtbot)
    page.select_scorecard("retail")
    qtbot.mouseClick(page.scorecard_buttons["approve"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.decision_dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: table_rows(page)["retail"][IN_USE] == "1", timeout=10_000)
    assert "起用于评级" in page.message.text()


def test_the_version_is_read_whole_on_a_laptop(runner, qtbot, speaking):
    """At 1366×768 the page is about 1,100 pixels wide: the version's text in English
    (name · title · kind · status) is shown whole, "(in use)" included."""
    from custdesk.gui.grading.validation_page import ValidationPage
    speaking("en")
    page = ValidationPage(runner, can_refit=True)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: runner.pending == 0 and page.version.count() > 0, timeout=T)
    page.resize(1100, 640)
    page.show()
    page.file.setChecked(True)
    qtbot.waitUntil(lambda: page.version.width() > 0)
    # No gap left beside the choices: the room goes to the version's text.
    row_end = page.file.mapTo(page, page.file.rect().topRight()).x()
    assert page.run_button.mapTo(page, page.run_button.rect().topLeft()).x() - row_end <= 40
    text = page.version.itemText(0)
    assert "(in use)" in text and page.version.width() > 500


def test_too_few_firm_outcomes_say_what_to_do(manager, qtbot, speaking):
    """A new database knows no outcomes yet: re-fitting on them is refused with core's
    count, and the dialog says to fit on a history file instead."""
    speaking("zh_CN")
    dialog = RefitDialog(manager)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.firm.isChecked()
    dialog.name.setText("firm-fit")
    with qtbot.waitSignal(dialog.finished_fit, timeout=T):
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    text = dialog.message.text()
    assert dialog.message.isVisible() and "行太少" in text and "“历史文件”" in text
    assert dialog.result is None and not dialog.saved.isVisible()
