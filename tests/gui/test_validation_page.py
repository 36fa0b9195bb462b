"""模型验证: a scorecard version validated on a history file (the figures, the grade out of
order highlighted and explained, a file that cannot be used said why), the owner's PDF,
re-fitting a version that then waits for a second manager, and who sees the page."""

from __future__ import annotations

import pytest

from custdesk.core import i18n
from custdesk.core.grading import evidence, history
from custdesk.gui.grading.validation_page import ValidationPage
from custdesk.gui.grading.validation_results import FLAG_BACKGROUND, ValidationView
from tests import histories
from tests.reports.conftest import pdf_text

from .conftest import call
from .validation_data import PROBE, save_probe, write_history

T = 20_000


@pytest.fixture
def page(runner, qtbot):
    call(runner, qtbot, save_probe)
    page = ValidationPage(runner, can_refit=True)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: runner.pending == 0 and page.version.count() > 0, timeout=T)
    page.resize(1200, 640)
    page.show()
    return page


def use_file(page, qtbot, path, compare=None) -> None:
    page.file.setChecked(True)
    page.history.load(str(path))
    qtbot.waitUntil(lambda: not page.history.loading, timeout=T)
    page.set_compare(str(compare) if compare else "")


def validate(page, qtbot) -> None:
    with qtbot.waitSignal(page.validated, timeout=T):
        page.validate()
    qtbot.waitUntil(lambda: page._busy_jobs == 0, timeout=T)


def test_a_history_file_shows_the_figures_and_the_grade_out_of_order(page, runner, qtbot,
                                                                     tmp_path, speaking):
    speaking("zh_CN")
    path = write_history(tmp_path / "历史.csv")
    later = write_history(tmp_path / "later.csv", shift=60)
    use_file(page, qtbot, path, later)
    assert page.history.outcome_column() == "违约"         # the outcome column is found
    assert [page.history.bad.itemData(i) for i in range(page.history.bad.count())] == \
        [None, "否", "是"]                                   # bad: read by itself, or a value
    page.select_version(PROBE)
    assert "待审批" in page.version.currentText()            # a draft may be validated
    assert not page.export_button.isEnabled()
    validate(page, qtbot)
    assert not page.message.isVisible(), page.message.text()

    expected = call(runner, qtbot, lambda desk: evidence.validate_file(
        desk, PROBE, history.read(path, "违约"), history.read(later, "违约")))
    tiles = page.view.figures
    assert tiles["n"].value.text() == "500" and tiles["bad"].value.text() == "97"
    assert tiles["auc"].value.text() == f"{expected['auc']:.3f}"
    assert tiles["ks"].value.text() == f"{expected['ks']:.3f}"
    assert tiles["gini"].value.text() == f"{expected['gini']:.3f}"
    assert tiles["psi"].value.text() == f"{expected['psi']:.3f}"
    assert tiles["psi"].note.text() == "有所变化"
    assert "排序异常" not in tiles["auc"].note.text()

    table = page.view.grades
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    assert list(rows) == ["A", "BBB", "BB", "B", "C"]
    b = rows["B"]
    assert table.item(b, 1).text() == "100" and table.item(b, 3).text() == "10.0%"
    assert table.item(b, 0).background().color() == FLAG_BACKGROUND
    assert table.item(rows["BB"], 0).background().color() != FLAG_BACKGROUND
    assert "排序异常" in table.item(b, 6).text() and "BB" in table.item(b, 6).text()
    assert page.view.flag_note.isVisible() and "20" in page.view.flag_note.text()
    assert [bar[6] for bar in page.view.chart.bars] == [False, False, False, True, False]
    assert "等级 B 的不良率低于比它更好的等级" in page.view.reading.text()
    assert page.view.curve.points == expected["curve"]
    assert not page.view.migration_box.isVisible()         # a file has no migration
    assert page.export_button.isEnabled()


def test_a_file_it_cannot_use_says_why(page, qtbot, tmp_path, speaking):
    speaking("zh_CN")
    path = write_history(tmp_path / "历史.csv")
    no_outcome = tmp_path / "无结果.csv"
    no_outcome.write_text("编号,x,渠道\n" + "".join(
        f"R{i},{70 if i % 2 else 5},{'门店' if i % 2 else '网上'}\n" for i in range(40)),
        encoding="utf-8")
    # A comparison file without the outcome column: core's reason, on the page.
    use_file(page, qtbot, path, no_outcome)
    page.select_version(PROBE)
    validate(page, qtbot)
    assert page.message.isVisible()
    assert i18n.tr("history.no_outcome", column="违约", columns="编号, x, 渠道") in \
        page.message.text()
    assert page.view.result is None and not page.export_button.isEnabled()
    # A history file with no column like an outcome: one must be chosen before validating.
    use_file(page, qtbot, no_outcome)
    assert page.history.outcome_column() is None and not page.run_button.isEnabled()
    page.history.outcome.setCurrentIndex(page.history.outcome.findData("渠道"))
    assert page.run_button.isEnabled()
    validate(page, qtbot)
    assert page.message.text() == "结果列 渠道 中哪个取值表示不良？请在“不良取值”中选择。"
    assert "--bad" not in page.message.text()      # the command line's way is not the window's
    page.history.bad.setCurrentIndex(page.history.bad.findData("网上"))
    validate(page, qtbot)
    assert not page.message.isVisible() and page.view.result["n"] == 40
    # A file that is no table at all.
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a workbook")
    page.history.load(str(junk))
    qtbot.waitUntil(lambda: not page.history.loading, timeout=T)
    assert page.message.isVisible() and page.message.text()
    assert not page.run_button.isEnabled()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_pdf_says_what_the_page_says(page, qtbot, tmp_path, speaking, language):
    speaking(language)
    use_file(page, qtbot, write_history(tmp_path / "h.csv"))
    page.select_version(PROBE)
    validate(page, qtbot)
    for code in ("zh", "en"):
        page.language.setCurrentIndex(page.language.findData(code))
        target = tmp_path / f"report-{code}.pdf"
        with qtbot.waitSignal(page.exported, timeout=T):
            page.export_pdf(str(target))
        text = " ".join(pdf_text(target).split())
        if code == "zh":
            assert "评分卡验证报告" in text and "排序异常" in text and "probe@1" in text
        else:
            assert "Scorecard Validation Report" in text and "Out of order" in text
        assert f"{page.view.result['auc']:.3f}" in text
    assert page.message.isVisible() and str(target) in page.message.text()


def test_refit_saves_a_version_that_waits_for_a_second_manager(page, runner, qtbot, tmp_path,
                                                               speaking):
    pytest.importorskip("sklearn")
    speaking("zh_CN")
    path = histories.write(tmp_path / "train.csv", 1500, seed=1)
    dialog = page.open_refit()
    qtbot.waitUntil(dialog.isVisible)
    dialog.file.setChecked(True)
    dialog.history.load(str(path))
    qtbot.waitUntil(lambda: dialog.history.ready(), timeout=T)
    assert not dialog.fit_button.isEnabled()                  # a name first
    dialog.name.setText("retail")
    dialog.kind.setCurrentIndex(dialog.kind.findData("individual"))
    with qtbot.waitSignal(dialog.finished_fit, timeout=60_000):
        dialog.fit()
    assert not dialog.message.isVisible(), dialog.message.text()
    out = dialog.result
    assert (out["name"], out["version"], out["status"]) == ("retail", 1, "pending")
    assert dialog.saved.isVisible() and "另一位经理" in dialog.saved.text()
    assert "retail@1" in dialog.compare.horizontalHeaderItem(1).text()
    assert dialog.compare.item(0, 1).text().startswith(f"{out['cross_validation']['auc']:.3f}")
    assert out["champion"]["scorecard"] in dialog.compare.horizontalHeaderItem(3).text()
    tree = dialog.characteristics
    names = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert names[0] == out["characteristics"][0]["key"] and "monthly_income" in names
    first = tree.topLevelItem(0)
    assert first.text(1) == f"{out['characteristics'][0]['iv']:.3f}"
    assert first.childCount() == len(out["characteristics"][0]["bins"])
    assert "（缺失）" in [first.child(i).text(0) for i in range(first.childCount())]
    # Every bin in view: the tree does not scroll inside the dialog's scrolling results.
    qtbot.waitUntil(lambda: tree.viewport().height() > 0, timeout=T)
    last = tree.topLevelItem(tree.topLevelItemCount() - 1)
    bottom = tree.visualItemRect(last.child(last.childCount() - 1)).bottom()
    assert tree.verticalScrollBar().maximum() == 0 and bottom <= tree.viewport().height()
    left = {dialog.left_out.item(r, 0).text() for r in range(dialog.left_out.rowCount())}
    assert {"申请编号", "constant"} <= left
    # The page lists the new version (awaiting approval) and shows it.
    qtbot.waitUntil(lambda: page.version.currentData() == "retail@1", timeout=T)
    assert "待审批" in page.version.currentText()
    assert call(runner, qtbot, lambda d: d.grading.library.status("retail", 1)) == "pending"


def test_refit_without_the_fitting_extra_says_how_to_add_it(page, qtbot, monkeypatch, tmp_path,
                                                            speaking):
    speaking("zh_CN")
    from custdesk.core.grading import fitting

    def missing():
        raise fitting.FitError(i18n.tr("fit.needs_extra"))
    monkeypatch.setattr(fitting, "_sklearn", missing)
    dialog = page.open_refit()
    dialog.file.setChecked(True)
    dialog.history.load(str(histories.write(tmp_path / "h.csv", 300, seed=2)))
    qtbot.waitUntil(lambda: dialog.history.ready(), timeout=T)
    dialog.name.setText("retail")
    with qtbot.waitSignal(dialog.finished_fit, timeout=T):
        dialog.fit()
    assert dialog.message.isVisible()
    assert dialog.message.text() == i18n.tr("fit.needs_extra")
    assert dialog.result is None and not dialog.saved.isVisible()


def test_the_firm_view_shows_the_window_and_the_migration_matrix(qtbot, speaking):
    speaking("en")
    view = ValidationView()
    qtbot.addWidget(view)
    view.resize(1100, 900)
    view.show()
    grades = {"AA": {"n": 30, "bad": 0, "rate": 0.0, "ci_low": 0.0, "ci_high": 0.11,
                     "expected": None},
              "BB": {"n": 25, "bad": 5, "rate": 0.2, "ci_low": 0.09, "ci_high": 0.39,
                     "expected": None}}
    migration = {"start": "2025-11-22", "end": "2026-11-22", "months": 12,
                 "grades": ["AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C"],
                 "columns": ["AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C", "bad",
                             "none"],
                 "rows": {"AA": {"AA": 20, "A": 5, "bad": 1}, "BB": {"BB": 3, "none": 1}},
                 "total": 30, "left_out": {"already_bad": 2, "closed_before": 1}}
    view.show_result({"n": 55, "bad": 5, "bad_rate": 0.0909, "auc": 0.81, "gini": 0.62,
                      "ks": 0.5, "bad_rate_by_grade": grades, "out_of_order": [],
                      "expected_bad_rate": None, "refused": 0,
                      "curve": [{"score": None, "bad": 0, "good": 0},
                                {"score": 40, "bad": 0.8, "good": 0.2},
                                {"score": 90, "bad": 1, "good": 1}],
                      "scorecard": "enterprise-standard@2", "window_months": 12,
                      "graded_with_this_version": 40, "psi": 0.31,
                      "left_out": {"window": 7, "already_bad": 1}, "not_scored": 3,
                      "psi_meaning": "a different population",
                      "psi_periods": {"before": 20, "recent": 35}, "migration": migration})
    assert view.migration_box.isVisible()
    table = view.migration
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers[-3:] == ["Went bad", "No grade (file closed)", "Total"]
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["AA", "BB"]
    assert table.item(0, headers.index("A")).text() == "5"
    assert table.item(0, headers.index("Went bad")).text() == "1"
    assert table.item(0, headers.index("Total")).text() == "26"
    assert "30 customers" in view.migration_note.text()
    assert view.figures["psi"].note.text() == "a different population"
    reading = view.reading.text()
    assert "12 months" in reading and "35 graded" in reading and "Of 55 assessments, 40" in reading
    assert "7 assessments whose outcome window is not over, 1 already bad" in reading
    assert "3 assessments lack inputs" in reading
    assert not view.flag_note.isVisible()


@pytest.mark.parametrize("user, sees, refits", [("auditor", True, False), ("manager", True, True),
                                                ("clerk", False, False)])
def test_who_sees_the_page_and_who_may_refit(make_runner, qtbot, db_path, user, sees, refits):
    from custdesk.gui.main_window import MainWindow
    runner = make_runner(user)
    window = MainWindow(runner, call(runner, qtbot, lambda desk: desk.user), db_path)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=T)
    assert ("validation" in window.area_keys()) is sees
    if sees:
        window.show_area("validation")
        page = window.validation_page
        qtbot.waitUntil(lambda: page.version.count() > 0, timeout=T)
        assert page.refit_button.isVisibleTo(page) is refits
