"""复审与预警 in a customer file: the next review and its cycle, done and put off from the
tab, who may do what, the review history, an own cycle, and handling the file's warnings."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QDate, Qt

from custdesk.core import clock
from custdesk.gui.editor import CustomerEditor
from tests.gui.conftest import call

T = 10_000


def at(day: str) -> None:
    clock.set_fixed(datetime.datetime.fromisoformat(day + "T02:00:00+00:00"))


def new_file(runner, qtbot, opened_on: str = "2026-11-01", today: str = "2026-11-22") -> str:
    """An unrated individual opened on ``opened_on`` (first grading due 30 days later)."""
    at(opened_on)
    code = call(runner, qtbot, lambda d: d.customers.add({"kind": "individual", "name": "张伟"})).code
    at(today)
    return code


def open_tab(qtbot, runner, code):
    editor = CustomerEditor(runner, code)
    qtbot.addWidget(editor)
    tab = editor.reviews
    qtbot.waitUntil(lambda: tab.data.get("code") == code and not runner.pending, timeout=T)
    return editor, tab


def settle(runner, qtbot) -> None:
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=T)


def next_review(runner, qtbot, code) -> str:
    return call(runner, qtbot, lambda d: d.reviews.state(code))["due_date"]


def test_the_tab_sits_beside_grading_and_shows_the_next_review(runner, qtbot):
    code = new_file(runner, qtbot)
    editor, tab = open_tab(qtbot, runner, code)
    titles = [editor.tabs.tabText(i) for i in range(editor.tabs.count())]
    assert titles[titles.index("Credit grading") + 1] == "Reviews and warnings"
    assert tab.values["due"].text() == "2026-12-01 · 首次评级"
    assert tab.overdue_label.isHidden() and tab.hold_label.isHidden()
    assert tab.values["cycle"].text() == ("Not graded yet: first grading within 30 days of "
                                          "opening the file")
    assert tab.values["snoozes"].text() == "0 of 2 times"


def test_review_done_from_the_tab_restarts_the_cycle(runner, qtbot):
    code = new_file(runner, qtbot, opened_on="2026-09-01")         # due 10-01: 52 days late
    _editor, tab = open_tab(qtbot, runner, code)
    assert tab.overdue_label.text() == "52 days overdue" and not tab.overdue_label.isHidden()
    assert not tab.hold_label.isHidden()                              # past 30 days: on hold
    assert tab.done_button.isEnabled()
    qtbot.mouseClick(tab.done_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None and not dialog.ok_button.isEnabled()    # a note is required
    dialog.text_edit.setPlainText("  ")
    assert not dialog.ok_button.isEnabled()
    dialog.text_edit.setPlainText("资料齐全，维持现状")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(runner, qtbot)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert next_review(runner, qtbot, code) == "2026-12-22"           # 30 days from today
    assert tab.values["due"].text() == "2026-12-22 · 首次评级"
    assert tab.overdue_label.isHidden() and tab.hold_label.isHidden()
    assert tab.message.text() == "Review recorded: the next cycle starts today."
    table = tab.events_table
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in range(1, 6)] == [
        "Review done", "2026-10-01", "2026-12-22", "boss", "资料齐全，维持现状"]


def test_putting_off_from_the_tab_moves_the_date(runner, qtbot):
    code = new_file(runner, qtbot)                                    # due 2026-12-01
    _editor, tab = open_tab(qtbot, runner, code)
    dialog = tab.put_off()
    assert dialog is not None
    edit = dialog.date_edit
    assert edit.minimumDate() == QDate(2026, 12, 2) and edit.maximumDate() == QDate(2026, 12, 31)
    assert edit.date() == QDate(2026, 12, 8)
    edit.setDate(QDate(2026, 12, 11))
    dialog.text_edit.setPlainText("客户出差，月中补交资料")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(runner, qtbot)
    assert next_review(runner, qtbot, code) == "2026-12-11"
    assert tab.values["due"].text() == "2026-12-11 · 已推迟"
    assert tab.values["snoozes"].text() == "1 of 2 times (until 2026-12-11)"
    assert tab.events_table.item(0, 1).text() == "Put off"
    assert tab.events_table.item(0, 5).text() == "客户出差，月中补交资料"


def test_a_clerk_may_put_off_twice_but_not_mark_a_review_done(runner, make_runner, qtbot):
    code = new_file(runner, qtbot)
    clerk = make_runner("clerk")
    _editor, tab = open_tab(qtbot, clerk, code)
    assert not tab.done_button.isEnabled()
    assert tab.review_done() is None and clerk.pending == 0
    assert tab.snooze_button.isEnabled()
    assert tab.cycle_button.isHidden()
    assert tab.state_label.text() == ("A reviewer or manager marks a review done; you may put "
                                      "it off with a reason.")
    for until in ("2026-12-05", "2026-12-20"):
        dialog = tab.put_off()
        dialog.date_edit.setDate(QDate.fromString(until, "yyyy-MM-dd"))
        dialog.text_edit.setPlainText("等资料")
        dialog.ok_button.click()
        settle(clerk, qtbot)
        assert tab.values["due"].text().startswith(until)
    assert not tab.snooze_button.isEnabled()
    assert "only a manager" in tab.state_label.text()


def test_an_auditor_only_looks(runner, make_runner, qtbot):
    code = new_file(runner, qtbot)
    _editor, tab = open_tab(qtbot, make_runner("auditor"), code)
    assert not tab.done_button.isEnabled() and not tab.snooze_button.isEnabled()
    assert tab.state_label.text() == "Your role may view reviews but not complete or put them off."


def test_a_manager_sets_the_files_own_cycle(runner, qtbot):
    code = new_file(runner, qtbot)
    _editor, tab = open_tab(qtbot, runner, code)                      # boss: an administrator
    assert not tab.cycle_button.isHidden()
    dialog = tab.set_cycle()
    assert dialog.by_risk.isChecked() and not dialog.months.isEnabled()
    dialog.by_risk.setChecked(False)
    dialog.months.setValue(3)
    dialog.text_edit.setPlainText("重点客户")
    dialog.ok_button.click()
    settle(runner, qtbot)
    state = call(runner, qtbot, lambda d: d.reviews.state(code))
    assert (state["own_cycle"], state["cycle_reason"]) == (3, "重点客户")
    assert tab.events_table.item(0, 1).text() == "Cycle changed"


def warned_file(runner, qtbot) -> str:
    """A file with an invoice 82 days overdue: one open orange warning."""
    code = new_file(runner, qtbot)
    call(runner, qtbot, lambda d: d.records.add(code, "transactions", {
        "kind": "invoice", "ref_no": "F1", "amount": "5000", "occurred_on": "2026-08-01",
        "due_date": "2026-09-01"}))
    return code


def test_closing_a_warning_needs_a_note(runner, qtbot):
    code = warned_file(runner, qtbot)
    _editor, tab = open_tab(qtbot, runner, code)
    rules = [tab.warnings_table.item(r, 1).text() for r in range(tab.warnings_table.rowCount())]
    assert "付款逾期" in rules
    row = rules.index("付款逾期")
    assert tab.warnings_table.item(row, 3).text() == "待处理"
    dialog = tab.handle_warning(row)
    settle(runner, qtbot)
    assert dialog.values["severity"].text() == "橙色"
    assert dialog.close_button.isEnabled() and dialog.note.toPlainText() == ""
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    settle(runner, qtbot)
    assert not dialog.message.isHidden() and "请填写处置说明" in dialog.message.text()
    stored = call(runner, qtbot, lambda d: d.warnings.list(code=code))
    assert {w["rule"]: w["status"] for w in stored}["payment_overdue"] == "open"
    assert dialog.values["status"].text() == "待处理"
    assert dialog.actions_table.rowCount() == 0

    qtbot.mouseClick(dialog.acknowledge_button, Qt.MouseButton.LeftButton)   # no note needed
    settle(runner, qtbot)
    assert dialog.values["status"].text() == "已确认"
    dialog.note.setPlainText("客户已全额付款")
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    settle(runner, qtbot)
    assert dialog.values["status"].text() == "已关闭"
    assert "客户已全额付款" in dialog.values["closed"].text()
    assert [dialog.actions_table.item(r, 1).text() for r in range(2)] == ["Acknowledged", "Closed"]
    assert not any(b.isEnabled() for b in (dialog.acknowledge_button, dialog.action_button,
                                           dialog.close_button))
    # The tab read again: the closed warning is listed last, greyed, with its note.
    last = tab.warnings_table.rowCount() - 1
    assert tab.warnings_table.item(last, 1).text() == "付款逾期"
    assert tab.warnings_table.item(last, 3).text() == "已关闭"
    assert tab.warnings_table.item(last, 5).text() == "客户已全额付款"


def test_an_auditor_sees_warnings_but_cannot_handle_them(runner, make_runner, qtbot):
    code = warned_file(runner, qtbot)
    auditor = make_runner("auditor")
    _editor, tab = open_tab(qtbot, auditor, code)
    dialog = tab.handle_warning(0)
    settle(auditor, qtbot)
    assert not dialog.close_button.isEnabled() and not dialog.acknowledge_button.isEnabled()
    assert dialog.handle("acknowledge") is False and auditor.pending == 0


def test_a_long_overdue_review_can_be_put_off_from_today(runner, qtbot):
    code = new_file(runner, qtbot, opened_on="2026-09-01")         # due 10-01: long overdue
    _editor, tab = open_tab(qtbot, runner, code)
    dialog = tab.put_off()
    today = QDate.fromString(clock.today().isoformat(), "yyyy-MM-dd")
    assert dialog.date_edit.minimumDate() == today.addDays(1)
    assert dialog.date_edit.maximumDate() == today.addDays(30)
    dialog.reject()