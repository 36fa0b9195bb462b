"""The 资信评级 tab: assessing from the file, the factor breakdown, submitting and
discarding, permissions, the credit hold badge, limit requests and the grade chart."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from custdesk.core import clock
from custdesk.core.grading.scale import DIMENSIONS, notch
from custdesk.core.validation import format_money
from custdesk.gui.editor import CustomerEditor
from custdesk.gui.grading import AssessmentView, GradeHistoryChart
from custdesk.gui.grading.breakdown import RISK_COLOURS
from tests.gui.conftest import call

T = 10_000
STATEMENT = {"net_profit": "800,000", "ebit": "1,000,000", "total_assets": "6,000,000",
             "current_assets": "3,000,000", "total_liabilities": "2,400,000",
             "current_liabilities": "1,500,000", "equity": "3,600,000",
             "retained_earnings": "1,200,000"}


def add_firm(runner, qtbot) -> str:
    """An enterprise with two years of statements (growth needs the year before)."""
    code = call(runner, qtbot, lambda d: d.customers.add(
        {"kind": "enterprise", "name": "义乌市晨光贸易有限公司", "founding_date": "2010-01-01"})).code
    for period, revenue in (("2023", "8,000,000"), ("2024", "10,000,000")):
        values = {"period": period, "revenue": revenue, **STATEMENT}
        call(runner, qtbot, lambda d, v=values: d.records.add(code, "financials", v))
    return code


def open_tab(qtbot, runner, code):
    editor = CustomerEditor(runner, code)
    qtbot.addWidget(editor)
    # shown, on this tab and laid out, as a person clicking its buttons sees it
    editor.show()
    editor.show_part("grading")
    tab = editor.grading
    qtbot.waitUntil(lambda: tab.data.get("code") == code and not runner.pending, timeout=T)
    return editor, tab


def press(qtbot, tab, button):
    """Click a tab button and wait until its change has landed and the tab reloaded."""
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab._busy and not tab.runner.pending, timeout=T)


def assess_and_submit(qtbot, tab):
    press(qtbot, tab, tab.assess_button)
    tab.missing_reason_edit.setText("定性项待尽调后补充")
    press(qtbot, tab, tab.submit_button)
    return tab.data["items"][0]["id"]


# -- assessing -----------------------------------------------------------------------------
def test_assessing_from_the_tab_fills_the_factor_table_and_shows_the_grade(runner, qtbot):
    code = add_firm(runner, qtbot)
    _editor, tab = open_tab(qtbot, runner, code)
    combo = tab.controls.card_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["enterprise-standard@2"]
    assert set(tab.controls.answer_combos) == {"management", "industry_outlook", "collateral"}
    management = tab.controls.answer_combos["management"]
    assert management.itemData(0) == "" and management.itemText(1) == "优秀"
    assert tab.view.item is None and tab.table.rowCount() == 0
    assert not tab.submit_button.isEnabled() and not tab.discard_button.isEnabled()

    tab.controls.set_answer("management", "strong")
    press(qtbot, tab, tab.assess_button)

    stored = call(runner, qtbot, lambda d: d.grading.get(d.grading.list(code)[0]["id"]))
    assert stored["status"] == "draft" and stored["answers"] == {"management": "strong"}
    view = tab.view
    assert view.item["id"] == stored["id"]
    assert view.grade_label.text() == stored["grade"]
    assert f"{stored['score']:.1f}" in view.summary_label.text()
    assert format_money(stored["recommended_limit"]) in view.summary_label.text()
    factors = stored["detail"]["factors"]
    assert view.table.rowCount() == len(factors) > 5
    assert view.factor_row("management")[1:4] == ["管理水平（定性）", "优秀", "4/4"]
    debt = next(f for f in factors if f["key"] == "debt_ratio")
    row = view.factor_row("debt_ratio")
    assert row[2] == debt["shown"] == "40.0%"
    assert row[3] == f"{debt['points']:g}/{debt['max_points']:g}"
    cell = next(view.table.item(r, 2) for r in range(view.table.rowCount())
                if view.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == "debt_ratio")
    # The trace, as a tooltip, naming the statement items by their labels.
    assert "负债总额 / 资产总额" in cell.toolTip() and "total_liabilities" not in cell.toolTip()
    bars = view.bars.rows
    assert len(bars) == len(DIMENSIONS) and sum(w for _l, _p, w in bars) == 100
    assert sum(p for _l, p, _w in bars) == pytest.approx(stored["score"])
    # the list shows the draft, selected; submitting is now possible
    assert tab.table.rowCount() == 1 and tab.table.item(0, 2).text() == "草稿"
    assert tab.table.item(0, 3).text() == stored["grade"]
    # inputs are missing (no sales with us yet, two answers): a reason first
    assert [m["key"] for m in stored["missing"]] == ["dso_days", "industry_outlook", "collateral"]
    assert not tab.missing_reason_edit.isHidden()
    assert not tab.submit_button.isEnabled() and tab.discard_button.isEnabled()
    assert "#%d" % stored["id"] in tab.state_label.text()
    assert "行业前景（定性）" in tab.state_label.text()
    flags = view.flags_label.text()
    assert "行业前景（定性）: 评估人未填写 (缺失，按最低档计分)" in flags and "Altman" not in flags
    assert "Altman model: Altman Z'" in view.summary_label.text()    # a fact, in plain colour
    tab.missing_reason_edit.setText("尽调进行中")
    assert tab.submit_button.isEnabled()


def test_an_adjustment_needs_a_reason_and_assessing_again_revises_the_draft(runner, qtbot):
    code = add_firm(runner, qtbot)
    _editor, tab = open_tab(qtbot, runner, code)
    press(qtbot, tab, tab.assess_button)
    first = tab.data["items"][0]
    tab.controls.adjust_spin.setValue(-1)
    assert not tab.assess_button.isEnabled() and tab.controls.reason_edit.property("invalid")
    tab.controls.reason_edit.setText("主要客户流失")
    assert tab.assess_button.isEnabled()
    tab.controls.set_answer("collateral", "secured")
    press(qtbot, tab, tab.assess_button)

    items = call(runner, qtbot, lambda d: d.grading.list(code))
    assert [a["id"] for a in items] == [first["id"]]          # revised, not a second one
    stored = call(runner, qtbot, lambda d: d.grading.get(first["id"]))
    assert stored["adjustment"] == -1 and stored["adjustment_reason"] == "主要客户流失"
    assert stored["answers"] == {"collateral": "secured"}
    assert stored["grade"] == notch(stored["computed_grade"], -1)
    summary = tab.view.summary_label.text()
    assert f"{stored['computed_grade']} → final grade {stored['grade']}" in summary
    assert "主要客户流失" in summary
    # a later refresh keeps what the assessor has chosen
    tab.controls.set_answer("management", "weak")
    tab.refresh()
    qtbot.waitUntil(lambda: not runner.pending, timeout=T)
    assert tab.controls.answers() == {"collateral": "secured", "management": "weak"}


def test_submitting_locks_the_draft_and_a_new_assessment_waits(runner, qtbot):
    code = add_firm(runner, qtbot)
    _editor, tab = open_tab(qtbot, runner, code)
    assessment_id = assess_and_submit(qtbot, tab)
    assert call(runner, qtbot, lambda d: d.grading.get(assessment_id))["status"] == "submitted"
    assert tab.table.item(0, 2).text() == "待审批"
    for button in (tab.assess_button, tab.submit_button, tab.discard_button):
        assert not button.isEnabled()
    assert not tab.controls.isEnabled() and not tab.assess_action.isEnabled()
    assert f"#{assessment_id}" in tab.state_label.text() and "submitted" in tab.message.text()


def test_the_assess_shortcut_and_discarding_after_a_yes(runner, qtbot, monkeypatch):
    code = add_firm(runner, qtbot)
    _editor, tab = open_tab(qtbot, runner, code)
    tab.assess_action.trigger()                              # Ctrl+Return
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1 and not runner.pending, timeout=T)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No))
    assert tab.discard() is False and tab.table.rowCount() == 1
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    press(qtbot, tab, tab.discard_button)
    assert asked and call(runner, qtbot, lambda d: d.grading.list(code)) == []
    assert tab.table.rowCount() == 0 and tab.view.item is None
    assert tab.assess_button.isEnabled() and not tab.submit_button.isEnabled()


@pytest.mark.parametrize("user, allowed", [("reviewer", False), ("auditor", False),
                                           ("clerk", True)])
def test_buttons_follow_the_role(runner, make_runner, qtbot, user, allowed):
    code = add_firm(runner, qtbot)
    other = make_runner(user)
    _editor, tab = open_tab(qtbot, other, code)
    assert tab.can_create is allowed
    assert tab.assess_button.isEnabled() is allowed and tab.controls.isEnabled() is allowed
    assert not tab.submit_button.isEnabled() and not tab.discard_button.isEnabled()
    assert not tab.strip.request_button.isEnabled()          # not graded yet, and not allowed
    assert ("may view assessments but not make them" in tab.state_label.text()) is not allowed


def test_someone_elses_draft_cannot_be_submitted_from_here(runner, make_runner, qtbot):
    code = add_firm(runner, qtbot)
    call(runner, qtbot, lambda d: d.grading.assess(code, answers={}, adjust=0, reason=""))
    _editor, tab = open_tab(qtbot, make_runner("clerk"), code)
    assert tab.view.item["assessor"] == "boss"               # the open one is on view
    for button in (tab.assess_button, tab.submit_button, tab.discard_button):
        assert not button.isEnabled()
    assert "boss" in tab.state_label.text()


# -- standing, hold, limits ----------------------------------------------------------------
def test_the_hold_badge_shows_when_exposure_exceeds_the_approved_limit(runner, make_runner, qtbot):
    code = add_firm(runner, qtbot)
    editor, tab = open_tab(qtbot, runner, code)
    assert tab.strip.values["grade"].text() == "Not graded" and not tab.strip.is_on_hold()
    assessment_id = assess_and_submit(qtbot, tab)
    reviewer = make_runner("reviewer")
    call(reviewer, qtbot, lambda d: d.grading.approve(assessment_id, "1,000"))
    tab.refresh()                   # another user's runner: this one heard of no change
    qtbot.waitUntil(lambda: tab.strip.values["limit"].text() == format_money(100_000), timeout=T)
    assert not tab.strip.is_on_hold() and editor.hold_marker.isHidden()
    assert tab.chart.points and tab.chart.points[0][1] == tab.strip.values["grade"].text()

    today = clock.today().isoformat()
    call(runner, qtbot, lambda d: d.records.add(code, "transactions", {
        "kind": "invoice", "ref_no": "INV-1", "occurred_on": today, "amount": "5,000",
        "due_date": (clock.today() + datetime.timedelta(days=30)).isoformat()}))
    qtbot.waitUntil(tab.strip.is_on_hold, timeout=T)       # refreshed by the change itself
    assert tab.strip.hold_badge.text() == "授信冻结"
    assert tab.strip.hold_reasons.text() == "超出授信额度"
    assert tab.strip.values["utilisation"].text() == "500.0%"
    assert tab.strip.values["exposure"].text() == format_money(500_000)
    assert not editor.hold_marker.isHidden() and editor.hold_marker.text() == "授信冻结"


def test_requesting_a_limit_change(runner, make_runner, qtbot):
    code = add_firm(runner, qtbot)
    _editor, tab = open_tab(qtbot, runner, code)
    assessment_id = assess_and_submit(qtbot, tab)
    call(make_runner("reviewer"), qtbot, lambda d: d.grading.approve(assessment_id, "1,000"))
    tab.refresh()
    qtbot.waitUntil(lambda: tab.strip.request_button.isEnabled(), timeout=T)
    dialog = tab.request_limit()
    assert not dialog.ok_button.isEnabled()
    dialog.limit_edit.setText("1,000")                        # the same as now: refused
    dialog.reason_edit.setText("年度采购量增加")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.error.isHidden(), timeout=T)
    assert "新额度与当前额度相同" in dialog.error.text() and dialog.isVisible()
    assert "limit" not in dialog.error.text()                 # core's field key is not shown
    dialog.limit_edit.setText("2,500")
    with qtbot.waitSignal(dialog.finished, timeout=T):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    changes = call(runner, qtbot, lambda d: d.grading.limit_changes(code))
    assert [(c["new_limit"], c["reason"], c["status"]) for c in changes] == [
        (250_000, "年度采购量增加", "submitted")]
    assert "requested" in tab.message.text()


def test_picking_an_assessment_in_the_list_shows_it(runner, make_runner, qtbot):
    code = add_firm(runner, qtbot)
    _editor, tab = open_tab(qtbot, runner, code)
    approved = assess_and_submit(qtbot, tab)
    call(make_runner("reviewer"), qtbot, lambda d: d.grading.approve(approved))
    tab.refresh()
    qtbot.waitUntil(lambda: tab.assess_button.isEnabled(), timeout=T)
    press(qtbot, tab, tab.assess_button)                     # a new draft, shown first
    draft = tab.data["open"]["id"]
    assert tab.table.rowCount() == 2 and tab.view.item["id"] == draft
    assert [tab.table.item(r, 2).text() for r in range(2)] == ["草稿", "已批准"]
    tab.table.selectRow(1)
    qtbot.waitUntil(lambda: tab.view.item["id"] == approved, timeout=T)
    assert "reviewer" in tab.view.summary_label.text()
    tab.refresh()                                            # the pick survives a refresh
    qtbot.waitUntil(lambda: not runner.pending, timeout=T)
    assert tab.view.item["id"] == approved and tab.table.currentRow() == 1


def test_an_individual_file_offers_the_individual_scorecard(runner, qtbot):
    code = call(runner, qtbot, lambda d: d.customers.add(
        {"kind": "individual", "name": "王芳", "monthly_income": "12,000"})).code
    _editor, tab = open_tab(qtbot, runner, code)
    combo = tab.controls.card_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["individual-standard@2"]
    card = tab.controls.cards["individual-standard@2"]
    assert set(tab.controls.answer_combos) == {f.input for f in card.asked_factors()}
    press(qtbot, tab, tab.assess_button)
    assert tab.view.item["scorecard_name"] == "individual-standard"
    assert tab.view.item["incomplete"] and not tab.view.flags_label.isHidden()


# -- the widgets on their own --------------------------------------------------------------
def test_the_assessment_view_clears_and_shows_masked_inputs(qtbot):
    view = AssessmentView()
    qtbot.addWidget(view)
    assert view.grade_label.text() == "—" and view.bars.rows == []
    item = {"id": 7, "code": "C000001", "status": "approved", "score": 61.5, "computed_grade": "BB",
            "adjustment": 1, "adjustment_reason": "担保充足", "grade": "BBB", "risk_level": "medium",
            "incomplete": False, "recommended_limit": 5_000_000, "approved_limit": 4_000_000,
            "valid_until": "2027-01-31", "assessor": "clerk", "decided_by": "reviewer",
            "decided_at": "2026-01-31T02:00:00.000000Z", "decision_reason": None,
            "scorecard_name": "enterprise-standard", "scorecard_version": 1,
            "scorecard_title": "企业客户标准评分卡", "as_of": "2026-01-31", "period": "2025",
            "answers": {}, "masked": True,
            "detail": {"factors": [{"key": "debt_ratio", "input_key": "debt_ratio",
                                    "dimension": "solvency", "input": "***", "points": 6.5,
                                    "max_points": 8.0, "rule": "≤ 0.6", "label": "资产负债率",
                                    "shown": "***", "rule_shown": "≤ 0.6", "trace": "***"}],
                       "dimensions": {"solvency": {"points": 6.5, "weight": 25}},
                       "problems": ["2025 资产负债表不平"], "bases": {}, "limit_trace": "***"}}
    view.show_assessment(item)
    assert view.factor_row("debt_ratio") == ["偿债能力", "资产负债率", "***", "6.5/8", "≤ 0.6"]
    assert view.grade_label.text() == "BBB" and RISK_COLOURS["medium"] in view.grade_label.styleSheet()
    text = view.summary_label.text()
    assert "BB → final grade BBB (adjusted +1 notches: 担保充足)" in text
    assert format_money(4_000_000) in text and "reviewer" in text and "2027-01-31" in text
    assert "masked" in view.flags_label.text() and "资产负债表不平" in view.flags_label.text()
    view.show_assessment(None)
    assert view.item is None and view.table.rowCount() == 0


def test_the_history_chart_plots_approved_grades_at_their_dates(qtbot):
    chart = GradeHistoryChart()
    qtbot.addWidget(chart)
    chart.resize(500, 260)
    chart.set_history([])
    assert chart.points == [] and chart.empty_text() == "No approved grade yet."
    chart.grab()                                             # paints the empty state
    events = [
        {"type": "assessment", "status": "approved", "grade": "BBB", "risk_level": "medium",
         "decided_at": "2024-03-01T04:00:00.000000Z"},
        {"type": "assessment", "status": "rejected", "grade": "C", "risk_level": "high",
         "decided_at": "2024-09-01T04:00:00.000000Z"},
        {"type": "limit_change", "status": "approved", "decided_at": "2024-10-01T04:00:00Z"},
        {"type": "assessment", "status": "approved", "grade": "AA", "risk_level": "low",
         "decided_at": "2025-03-01T04:00:00.000000Z"},
    ]
    chart.set_history(events)
    assert [(d.isoformat(), g) for d, g, _r in chart.points] == [("2024-03-01", "BBB"),
                                                                 ("2025-03-01", "AA")]
    first, second = chart.point_positions()
    assert second.x() > first.x() and second.y() < first.y()   # later, and higher up the scale
    image = chart.grab().toImage()
    for point, risk in zip((first, second), ("medium", "low")):
        colour = image.pixelColor(int(point.x() * image.devicePixelRatio()),
                                  int(point.y() * image.devicePixelRatio()))
        assert colour.name() == RISK_COLOURS[risk]


def test_a_narrow_rule_column_shows_its_text_whole(qtbot):
    """Long English factor names leave the rule column narrow: its rows grow to hold the
    wrapped rule rather than cutting it off."""
    from PySide6.QtCore import QRect, Qt
    view = AssessmentView()
    qtbot.addWidget(view)
    rule = "missing: scored as the worst bin"
    item = {"id": 7, "code": "C000001", "status": "draft", "score": 50.0, "computed_grade": "B",
            "adjustment": 0, "grade": "B", "risk_level": "medium", "incomplete": True,
            "recommended_limit": 0, "approved_limit": None, "assessor": "clerk",
            "scorecard_name": "enterprise-standard", "scorecard_version": 2,
            "scorecard_title": "Enterprise standard scorecard", "as_of": "2026-01-31",
            "period": "2025", "answers": {},
            "detail": {"factors": [{"key": "dso_days", "dimension": "operating",
                                    "points": 0, "max_points": 7,
                                    "label": "Days sales outstanding with us, a long name in English",
                                    "shown": None, "rule_shown": rule}],
                       "dimensions": {}, "problems": [], "bases": {}}}
    view.resize(520, 500)
    view.show()
    view.show_assessment(item)
    qtbot.waitExposed(view)
    table = view.table
    width = table.columnWidth(4)
    needed = table.fontMetrics().boundingRect(QRect(0, 0, width - 8, 10_000),
                                              Qt.TextFlag.TextWordWrap, rule).height()
    assert needed >= 3 * table.fontMetrics().height()     # the rule takes three lines here
    assert table.rowHeight(0) >= needed
