"""The approval queue (审批): what waits, four eyes, approving and rejecting from the page,
limit changes, opening the file, and the count in the window's navigation."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

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
    assert page.stack.currentWidget() is page.assessment_view
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
    assert page.stack.currentWidget() is page.empty


def test_a_refused_amount_is_shown_and_kept_for_correcting(queued, reviewer, qtbot, monkeypatch):
    code, assessment, _recommended = queued
    page = open_page(reviewer, qtbot)
    monkeypatch.setattr(page, "confirm", lambda title, text: True)
    page.limit_edit.setText("十二千")
    page.approve_current()
    settle(reviewer, qtbot)
    assert not page.message.isHidden() and page.message.text()   # core's words
    assert page.limit_edit.text() == "十二千"
    assert [i["id"] for i in page.items] == [assessment]
    assert call(reviewer, qtbot, lambda d: d.grading.credit(code))["grade"] is None


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
    assert "请填写理由" in page.message.text()           # core's refusal, in the user's language
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
    assert page.stack.currentWidget() is page.change_view
    assert page.limit_edit.isHidden()
    values = page.change_view.values
    assert values["current"].text() == "¥10,000.00"
    assert values["requested"].text().startswith("¥20,000.00")
    assert values["reason"].text() == "旺季备货"
    assert "¥5,000.00" in values["exposure"].text() and "50%" in values["exposure"].text() \
        and "25%" in values["exposure"].text()
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

    clerk = make_runner("clerk")
    clerk_window = MainWindow(clerk, call(clerk, qtbot, lambda d: d.user), db_path)
    qtbot.addWidget(clerk_window)
    assert "approvals" not in clerk_window.area_keys()
    settle(reviewer, qtbot)
    settle(clerk, qtbot)
