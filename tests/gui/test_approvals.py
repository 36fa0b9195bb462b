"""The approval queue (审批): what waits, four eyes, approving and rejecting from the page,
limit changes, opening the file, and the count in the window's navigation."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from custdesk.core.errors import AccessDenied
from custdesk.gui.grading.approval_detail import ReasonDialog
from custdesk.gui.grading.approvals_page import (CODE, GRADE, LIMIT, NAME, OWN_COLOUR, TYPE,
                                                 ApprovalsPage)
from tests.gui.conftest import call


def submitted_assessment(desk, name: str = "张伟") -> tuple[str, int]:
    """A new individual with one statement, assessed and submitted by ``desk``'s user."""
    code = desk.customers.add({"kind": "individual", "name": name}).code
    desk.records.add(code, "financials", {"period": "2025", "income": "240000",
                                          "expenses": "100000", "assets": "500000",
                                          "liabilities": "100000"})
    assessment = desk.grading.assess(code).id
    desk.grading.submit(assessment, missing_reason="资料待补")
    return code, assessment


@pytest.fixture
def reviewer(make_runner):
    return make_runner("reviewer")


@pytest.fixture
def queued(runner, qtbot):
    """(code, assessment id, recommended limit in fen), submitted by the boss."""
    code, assessment = call(runner, qtbot, lambda d: submitted_assessment(d))
    recommended = call(runner, qtbot, lambda d: d.grading.get(assessment)["recommended_limit"])
    return code, assessment, recommended


def settle(runner, qtbot) -> None:
    """Every job (the queue, then the item's detail) has come back."""
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)


def open_page(runner, qtbot) -> ApprovalsPage:
    page = ApprovalsPage(runner)
    qtbot.addWidget(page)
    settle(runner, qtbot)
    return page


def row_texts(page, row: int) -> list[str]:
    return [page.table.item(row, c).text() for c in range(page.table.columnCount())]


def test_a_reviewer_sees_the_submitted_assessment_and_approves_it(queued, reviewer, qtbot,
                                                                   monkeypatch):
    code, assessment, recommended = queued
    page = open_page(reviewer, qtbot)
    counts = []
    page.count_changed.connect(counts.append)
    assert [(i["type"], i["id"]) for i in page.items] == [("assessment", assessment)]
    texts = row_texts(page, 0)
    assert texts[TYPE] == "Assessment" and texts[CODE] == code and texts[NAME] == "张伟"
    grade = page.items[0]["grade"]
    assert texts[GRADE].startswith(f"{grade} · ")
    assert texts[LIMIT] == f"¥{recommended // 100:,}.00"
    assert page.table.item(0, NAME).foreground().color() != OWN_COLOUR
    assert page.summary.text() == "Waiting for your decision: 1"
    # The first item is on view: its breakdown and the recommended limit to approve.
    assert page.current_item()["id"] == assessment
    assert page.current_view() is page.assessment_view
    assert page.assessment_view.grade_label.text() == grade
    assert page.assessment_view.table.rowCount() > 0
    flags = page.assessment_view.flags_label.text()    # what is missing, and why it was sent
    assert "担保人（定性）: 评估人未填写" in flags and "资料待补" in flags
    assert page.limit_edit.text() == f"{recommended // 100:,}.00"
    assert page.approve_button.isEnabled() and page.reject_button.isEnabled()
    assert page.own_note.isHidden()

    asked = []
    monkeypatch.setattr(page, "confirm", lambda title, text: asked.append(text) or True)
    page.limit_edit.setText("12,000")
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    settle(reviewer, qtbot)
    assert asked and "12,000" in asked[0] and grade in asked[0]
    credit = call(reviewer, qtbot, lambda d: d.grading.credit(code))
    assert credit["grade"] == grade and credit["credit_limit"] == 1_200_000
    assert page.items == [] and page.table.rowCount() == 0
    assert counts[-1] == 0
    assert page.message.text().startswith("Approved") and not page.message.isHidden()
    assert page.current_view() is page.empty


def test_the_question_writes_the_typed_limit_as_money(queued, reviewer, qtbot, monkeypatch):
    _code, _assessment, _recommended = queued
    page = open_page(reviewer, qtbot)
    asked = []
    monkeypatch.setattr(page, "confirm", lambda title, text: asked.append(text) or False)
    page.limit_edit.setText("12000")
    page.approve_current()
    assert asked and "12,000.00" in asked[0] and "12000 " not in asked[0]


def test_a_refused_amount_is_shown_next_to_it_and_kept_for_correcting(queued, reviewer, qtbot,
                                                                     monkeypatch):
    code, assessment, _recommended = queued
    page = open_page(reviewer, qtbot)
    monkeypatch.setattr(page, "confirm", lambda title, text: True)
    page.limit_edit.setText("十二千")
    page.approve_current()
    settle(reviewer, qtbot)
    assert page.limit_note.text() and page.message.isHidden()   # core's words, by the field
    assert page.limit_edit.property("invalid")
    assert page.limit_edit.text() == "十二千"
    assert [i["id"] for i in page.items] == [assessment]
    assert call(reviewer, qtbot, lambda d: d.grading.credit(code))["grade"] is None
    page.limit_edit.setText("12,000")          # corrected: the refusal goes
    assert page.limit_note.text() == "" and not page.limit_edit.property("invalid")


def audit_summaries(runner, qtbot, code: str, action: str) -> list[dict]:
    entries = call(runner, qtbot, lambda d: d.audit.entries(customer=code))
    return [e["summary"] for e in entries if e["action"] == action]


def test_approving_above_the_recommendation_takes_its_reason_from_the_bar(queued, reviewer, qtbot,
                                                                         monkeypatch):
    code, assessment, recommended = queued
    page = open_page(reviewer, qtbot)
    asked = []
    monkeypatch.setattr(page, "confirm", lambda title, text: asked.append(text) or True)
    # At the recommendation a reason is optional: the note says when it is needed.
    assert not page.reason_edit.isHidden() and page.reason_edit.isEnabled()
    assert not page.reason_required() and not page.reason_edit.property("invalid")
    assert f"¥{recommended // 100:,}.00" in page.reason_note.text()
    above = recommended // 100 + 5_000
    page.limit_edit.setText(f"{above:,}")
    assert page.reason_required() and page.reason_edit.property("invalid")
    assert "reason is required" in page.reason_note.text()
    # Without a reason: refused next to the field in core's words, nothing asked or stored.
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    settle(reviewer, qtbot)
    assert asked == [] and page.reason_note.text() == "请填写理由"
    assert call(reviewer, qtbot, lambda d: d.grading.get(assessment))["status"] == "submitted"
    # With a reason: approved at the typed limit, and the reason is in the audit log.
    page.reason_edit.setText("  有足额银行保函 ")
    assert page.reason_note.text() != "请填写理由" and not page.reason_edit.property("invalid")
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    settle(reviewer, qtbot)
    assert len(asked) == 1 and "有足额银行保函" in asked[0] and f"{above:,}" in asked[0]
    decided = call(reviewer, qtbot, lambda d: d.grading.get(assessment))
    assert decided["status"] == "approved" and decided["approved_limit"] == above * 100
    assert decided["decision_reason"] == "有足额银行保函"
    [summary] = audit_summaries(reviewer, qtbot, code, "assessment.approve")
    assert summary["reason"] == "有足额银行保函" and summary["approved_limit"] == above * 100
    assert page.items == [] and page.message.text().startswith("Approved")
    assert page.reason_edit.text() == ""             # nothing left over for the next item


def test_a_reason_typed_in_the_bar_starts_the_rejection(queued, reviewer, qtbot, monkeypatch):
    code, assessment, _recommended = queued
    page = open_page(reviewer, qtbot)
    page.reason_edit.setText("收入证明过期")
    shown = []

    def answer(dialog):
        shown.append(dialog.reason())
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(ReasonDialog, "exec", answer)
    page.reject_current()
    settle(reviewer, qtbot)
    assert shown == ["收入证明过期"]
    assert call(reviewer, qtbot, lambda d: d.grading.get(assessment))["decision_reason"] \
        == "收入证明过期"
    [summary] = audit_summaries(reviewer, qtbot, code, "assessment.reject")
    assert summary["reason"] == "收入证明过期"


def test_the_approver_sees_exposure_utilisation_and_open_warnings(queued, runner, reviewer, qtbot):
    code, first, _recommended = queued
    call(reviewer, qtbot, lambda d: d.grading.approve(first, "10000"))
    call(runner, qtbot, lambda d: d.records.add(code, "transactions", {
        "kind": "invoice", "occurred_on": "2026-01-05", "amount": "9500"}))
    call(runner, qtbot, lambda d: d.records.add(code, "litigation", {
        "case_no": "(2025)京0105民初1234号", "role": "defendant", "amount": "30000",
        "filed_on": "2025-06-01"}))
    second = call(runner, qtbot, lambda d: d.grading.assess(code).id)
    call(runner, qtbot, lambda d: d.grading.submit(second, missing_reason="资料待补"))
    page = open_page(reviewer, qtbot)
    assert page.current_item()["id"] == second and page.current_view() is page.assessment_view
    values = page.facts.values
    assert values["current"].text() == "¥10,000.00"
    assert values["exposure"].text() == "¥9,500.00"
    assert values["used_now"].text() == "95%"
    proposed = page.proposed_limit()
    assert values["used_proposed"].text() == \
        f"{9_500_00 / proposed:.0%} of ¥{proposed // 100:,}.00"
    page.limit_edit.setText("5,000")                 # typed: the share follows, red above 100%
    assert values["used_proposed"].text() == "190% of ¥5,000.00"
    assert "d32f2f" in values["used_proposed"].styleSheet()
    page.limit_edit.setText("20,000")
    assert values["used_proposed"].text() == "48% of ¥20,000.00"
    assert "d32f2f" not in values["used_proposed"].styleSheet()
    rows = {row[1]: row for row in page.facts.warning_rows()}
    # severity in words, in core's language (Chinese by default)
    assert rows["额度使用率高"][0] == "橙色" and "¥9,500.00" in rows["额度使用率高"][2]
    litigation = rows["新增涉诉"]
    assert litigation[0] == "红色"   # a claim above a fifth of the limit
    # The case number is quoted masked, as everywhere outside the file's own record.
    assert "1234" not in litigation[2] and "***" in litigation[2]
    assert page.facts.warnings_title.text() == f"Open warnings: {len(rows)}"
    # Missing inputs and the assessor's reason for them are still shown.
    flags = page.assessment_view.flags_label.text()
    assert "资料待补" in flags and not page.assessment_view.flags_label.isHidden()


def test_an_approver_not_cleared_for_what_an_assessment_reads_is_not_shown_it(
        queued, runner, make_runner, qtbot):
    code, assessment, _recommended = queued
    # An individual's income levelled 机密: the reviewer (秘密) may not read what the
    # assessment read, so core does not queue it for them and none of its figures reach
    # their page; the manager (机密) sees it with its facts.
    call(runner, qtbot, lambda d: d.settings.set_field_level("income", "secret"))
    reviewer = make_runner("reviewer")
    page = open_page(reviewer, qtbot)
    assert page.items == [] and page.current_view() is page.empty
    assert page.facts.isHidden() and page.summary.text() == "Waiting for your decision: 0"
    manager = make_runner("manager")
    page = open_page(manager, qtbot)
    assert [i["id"] for i in page.items] == [assessment]
    assert not page.facts.isHidden() and page.facts.values["exposure"].text() == "¥0.00"


def test_the_assessor_sees_their_own_item_but_cannot_decide_it(queued, runner, qtbot, monkeypatch):
    code, assessment, _recommended = queued
    page = open_page(runner, qtbot)   # the boss assessed it (and may approve others' items)
    counts = []
    page.count_changed.connect(counts.append)
    assert [i["id"] for i in page.items] == [assessment] and page.items[0]["own"]
    assert page.table.item(0, NAME).foreground().color() == OWN_COLOUR
    assert "four-eyes" in page.table.item(0, NAME).toolTip()
    assert not page.own_note.isHidden()
    assert not page.approve_button.isEnabled() and not page.reject_button.isEnabled()
    assert page.summary.text() == ("Waiting for your decision: 0; your own, waiting for "
                                   "someone else: 1")
    monkeypatch.setattr(page, "confirm", lambda title, text: pytest.fail("asked to approve"))
    page.approve_current()
    page.reject_current()
    assert runner.pending == 0
    # Core says no as well, whatever the page does.
    with pytest.raises(AccessDenied):
        call(runner, qtbot, lambda d: d.grading.approve(assessment))
    page.refresh()
    settle(runner, qtbot)
    assert counts == [0]


def test_rejecting_needs_a_reason(queued, reviewer, qtbot, monkeypatch):
    code, assessment, _recommended = queued
    page = open_page(reviewer, qtbot)
    monkeypatch.setattr(page, "ask_reason", lambda what: "  ")
    page.reject_current()
    settle(reviewer, qtbot)
    # core's refusal, in the user's language, under the reason field
    assert page.reason_note.text() == "请填写理由" and page.message.isHidden()
    assert [i["id"] for i in page.items] == [assessment]
    assert call(reviewer, qtbot, lambda d: d.grading.list(code))[0]["status"] == "submitted"

    monkeypatch.setattr(page, "ask_reason", lambda what: None)   # cancelled: nothing happens
    page.reject_current()
    assert reviewer.pending == 0

    monkeypatch.setattr(page, "ask_reason", lambda what: "收入证明过期")
    page.reject_current()
    settle(reviewer, qtbot)
    decided = call(reviewer, qtbot, lambda d: d.grading.list(code))[0]
    assert decided["status"] == "rejected" and decided["decision_reason"] == "收入证明过期"
    assert page.items == [] and page.message.text().startswith("Rejected")


def test_the_reason_dialog_accepts_only_a_written_reason(qtbot):
    dialog = ReasonDialog("assessment #1")
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.edit.setPlainText("   \n ")
    assert not dialog.ok_button.isEnabled()
    dialog.edit.setPlainText("  资料不全 ")
    assert dialog.ok_button.isEnabled() and dialog.reason() == "资料不全"


def test_a_limit_change_shows_both_limits_and_is_decided(queued, runner, reviewer, qtbot,
                                                         monkeypatch):
    code, assessment, _recommended = queued
    call(reviewer, qtbot, lambda d: d.grading.approve(assessment, "10000"))
    call(runner, qtbot, lambda d: d.records.add(code, "transactions", {
        "kind": "invoice", "occurred_on": "2026-01-05", "amount": "5000"}))
    change = call(runner, qtbot, lambda d: d.grading.request_limit(code, "20000", "旺季备货")).id
    page = open_page(reviewer, qtbot)
    assert [(i["type"], i["id"]) for i in page.items] == [("limit_change", change)]
    assert row_texts(page, 0)[TYPE] == "Limit change"
    assert row_texts(page, 0)[LIMIT] == "¥10,000.00 → ¥20,000.00"
    assert page.current_view() is page.change_view
    assert page.limit_edit.isHidden()
    values = page.change_view.values
    assert values["requested"].text() == "¥20,000.00  (+¥10,000.00)"
    assert values["reason"].text() == "旺季备货"
    facts = page.facts.values      # the limit now, what is owed, as a share of each limit
    assert facts["current"].text() == "¥10,000.00"
    assert facts["exposure"].text() == "¥5,000.00"
    assert facts["used_now"].text() == "50%"
    assert facts["used_proposed"].text() == "25% of ¥20,000.00"
    monkeypatch.setattr(page, "confirm", lambda title, text: True)
    page.approve_current()
    settle(reviewer, qtbot)
    assert call(reviewer, qtbot, lambda d: d.grading.credit(code))["credit_limit"] == 2_000_000
    assert page.items == []


def test_double_click_opens_the_customer(queued, reviewer, qtbot):
    code = queued[0]
    page = open_page(reviewer, qtbot)
    page.resize(1100, 600)
    page.show()
    qtbot.waitExposed(page)
    rect = page.table.visualItemRect(page.table.item(0, NAME))
    with qtbot.waitSignal(page.open_customer, timeout=5_000) as opened:
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [code]


def test_the_window_lists_approvals_with_a_count_for_deciders_only(queued, reviewer, make_runner,
                                                                   db_path, runner, qtbot):
    from custdesk.gui.main_window import MainWindow
    user = call(reviewer, qtbot, lambda d: d.user)
    window = MainWindow(reviewer, user, db_path)
    qtbot.addWidget(window)
    assert "approvals" in window.area_keys()
    item = window.navigation.item(window.area_keys().index("approvals"))
    qtbot.waitUntil(lambda: item.text() == "Approvals (1)", timeout=10_000)
    # Another submission, made by the boss in another window, shows on the next read.
    call(runner, qtbot, lambda d: submitted_assessment(d, "王芳"))
    window.approvals_page.refresh()
    qtbot.waitUntil(lambda: item.text() == "Approvals (2)", timeout=10_000)
    # Opening from the queue opens the file in the customer area.
    window.approvals_page.open_customer.emit(queued[0])
    assert window.pages.currentWidget() is window.customer_tabs
    assert [e.code for e in window.editors()] == [queued[0]]
    editor = window.editors()[0]                      # on the grading, where the assessment is
    assert editor.tabs.currentWidget().isAncestorOf(editor.grading)

    clerk = make_runner("clerk")
    clerk_window = MainWindow(clerk, call(clerk, qtbot, lambda d: d.user), db_path)
    qtbot.addWidget(clerk_window)
    assert "approvals" not in clerk_window.area_keys()
    settle(reviewer, qtbot)
    settle(clerk, qtbot)


@pytest.mark.parametrize("width, height", [(1366, 768), (1280, 720)])
def test_the_page_fits_a_laptop_screen_with_its_decision_bar_in_sight(queued, reviewer, db_path,
                                                                      qtbot, width, height):
    from custdesk.gui.main_window import MainWindow
    window = MainWindow(reviewer, call(reviewer, qtbot, lambda d: d.user), db_path)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    window.show_area("approvals")
    page = window.approvals_page
    page.refresh()
    settle(reviewer, qtbot)
    qtbot.waitUntil(lambda: page.assessment_view.table.rowCount() > 0, timeout=10_000)
    factors = page.assessment_view.table
    # the factor table takes the height of all its rows once they are laid out
    qtbot.waitUntil(lambda: factors.height() >= factors.horizontalHeader().height()
                    + factors.verticalHeader().length(), timeout=5_000)
    assert window.height() <= height

    def bottom(widget) -> int:
        return widget.mapTo(window, widget.rect().bottomLeft()).y()
    # The decision bar (limit, reason, buttons) on screen, above the status bar.
    for widget in (page.limit_edit, page.reason_edit, page.reason_note, page.approve_button,
                   page.reject_button):
        assert widget.isVisible() and bottom(widget) < window.statusBar().y(), widget.objectName()
    # The queue keeps about three rows in sight; the item scrolls as one page below it.
    rows = page.table.viewport().height() // page.table.verticalHeader().defaultSectionSize()
    assert rows >= 3
    assert page.scroll.viewport().height() >= 200
    assert factors.verticalScrollBar().maximum() == 0       # all its rows: the page scrolls
    assert page.scroll.verticalScrollBar().maximum() > 0
