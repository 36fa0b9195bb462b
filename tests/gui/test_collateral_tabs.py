"""The file's collateral tab (beside the grading tab) and its bad outcomes (on the credit
records and litigation page): shown, a record saved through each, a wrong one refused in
the dialog, and the standing's secured part following the collateral."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from custdesk.core import clock
from custdesk.gui.editor import CustomerEditor
from tests.gui.conftest import call

T = 10_000


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    clock.set_fixed(datetime.datetime(2026, 8, 31, 10, tzinfo=datetime.timezone.utc))
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard))


def firm(runner, qtbot) -> str:
    return call(runner, qtbot, lambda d: d.customers.add(
        {"kind": "enterprise", "name": "杭州恒远机械有限公司"})).code


def open_editor(qtbot, runner, code) -> CustomerEditor:
    editor = CustomerEditor(runner, code, "enterprise")
    qtbot.addWidget(editor)
    editor.resize(1200, 650)
    editor.show()
    qtbot.waitUntil(lambda: bool(editor.data), timeout=T)
    return editor


def titles(editor) -> list[str]:
    return [editor.tabs.tabText(i) for i in range(editor.tabs.count())]


def test_the_collateral_tab_sits_before_grading_and_saves_a_record(runner, qtbot):
    code = firm(runner, qtbot)
    editor = open_editor(qtbot, runner, code)
    names = titles(editor)
    assert names[names.index("Credit grading") - 1] == "Collateral"
    tab = editor.collateral
    editor.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.add_button.isEnabled(), timeout=T)
    assert tab.isVisible()
    dialog = tab.add_record()
    dialog.set_value("kind", "real_estate")
    dialog.set_value("provider", "萧山区厂房一处")
    dialog.set_value("value", "300000")
    dialog.set_value("haircut", "140")                        # not a percentage
    dialog.set_value("valued_on", "2026-01-10")
    dialog.set_value("expires_on", "2028-07-27")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.editors["haircut"].has_error(), timeout=T)
    assert call(runner, qtbot, lambda d: d.records.raw(code, "collateral")) == []
    dialog.set_value("haircut", "40")
    with qtbot.waitSignal(tab.loaded, timeout=T):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=T)
    header = [tab.table.horizontalHeaderItem(c).text() for c in range(tab.table.columnCount())]
    row = dict(zip(header, (tab.table.item(0, c).text()
                            for c in range(tab.table.columnCount()))))
    # Levelled with the statements: its kind and dates show, its amounts until revealed.
    assert row["类别"] == "不动产抵押" and row["到期日"] == "2028-07-27"
    assert row["价值"] == "***" and not tab.reveal_button.isHidden()
    (stored,) = call(runner, qtbot, lambda d: d.records.raw(code, "collateral"))
    assert (stored["value"], stored["haircut"], stored["provider"]) == (30_000_000, 40,
                                                                         "萧山区厂房一处")


def test_the_standing_shows_the_secured_part_as_collateral_changes(make_runner, qtbot):
    runner = make_runner("boss")
    code = firm(runner, qtbot)
    call(runner, qtbot, lambda d: d.records.add(code, "financials", {
        "period": "2025", "revenue": "5000000", "net_profit": "400000", "ebit": "600000",
        "total_assets": "8000000", "current_assets": "3000000",
        "total_liabilities": "4000000", "current_liabilities": "2000000", "equity": "4000000",
        "retained_earnings": "1500000"}))
    new_id = call(runner, qtbot, lambda d: d.grading.assess(code).id)
    call(runner, qtbot, lambda d: d.grading.submit(new_id, missing_reason="资料待补"))
    reviewer = make_runner("reviewer")
    call(reviewer, qtbot, lambda d: d.grading.approve(new_id, "400000", "按交易规模核定"))
    editor = open_editor(qtbot, runner, code)
    strip = editor.grading.strip
    qtbot.waitUntil(lambda: strip.values["limit"].text() == "¥400,000.00", timeout=T)
    assert strip.values["secured"].text() == "¥0.00"
    assert strip.values["unsecured"].text() == "¥400,000.00"
    call(runner, qtbot, lambda d: d.records.add(code, "collateral", {
        "kind": "deposit", "provider": "保证金账户", "value": "50000"}))
    qtbot.waitUntil(lambda: strip.values["secured"].text() == "¥50,000.00", timeout=T)
    assert strip.values["unsecured"].text() == "¥350,000.00"
    assert "haircut" in strip.values["secured"].toolTip()


def test_outcomes_share_the_credit_records_page_and_save(runner, qtbot):
    code = firm(runner, qtbot)
    editor = open_editor(qtbot, runner, code)
    tab = editor.outcomes
    page = next(editor.tabs.widget(i) for i in range(editor.tabs.count())
                if editor.tabs.widget(i).isAncestorOf(tab))
    assert page.isAncestorOf(editor.credit_records) and page.isAncestorOf(editor.litigation)
    assert editor.tabs.tabText(editor.tabs.indexOf(page)) == "Credit, litigation, outcomes"
    editor.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: tab.add_button.isEnabled(), timeout=T)
    assert tab.isVisible() and tab.caption.isVisible() and tab.caption.text() == "不良结果"
    assert editor.credit_records.caption.text() == "信用记录"
    dialog = tab.add_record()
    dialog.set_value("kind", "write_off")
    dialog.set_value("occurred_on", "2026-06-30")
    dialog.set_value("amount", "12000")
    dialog.set_value("reason", "和解后核销部分货款")
    with qtbot.waitSignal(tab.loaded, timeout=T):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=T)
    assert tab.table.item(0, 1).text() == "2026-06-30"
    (stored,) = call(runner, qtbot, lambda d: d.records.raw(code, "outcomes"))
    assert (stored["kind"], stored["amount"]) == ("write_off", 1_200_000)
