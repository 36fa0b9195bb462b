"""The audit page: entries told by label, filters applied in core, pages on scrolling, export
of the filtered list with the same labels (logged)."""

from __future__ import annotations

import datetime
import re

from PySide6.QtCore import QDate

from custdesk.core import audit_view, clock
from custdesk.gui import audit_page
from custdesk.gui.audit_page import AuditPage
from tests.gui.conftest import call

T = 10_000
# an action code (assessment.approve) or an object key (assessment#255)
RAW = re.compile(r"\b(?:%s)\.[a-z_]+|\b[a-z_]+#\d+\b" % "|".join(
    sorted({code.split(".")[0] for code in audit_view.ACTIONS})))


def _files(runner, qtbot):
    def make(desk):
        codes = [desk.customers.add({"kind": "enterprise", "name": name}).code
                 for name in ("杭州审计示例有限公司", "宁波往来贸易有限公司")]
        for code in codes:
            desk.records.add(code, "transactions", {"kind": "invoice", "occurred_on": "2026-07-01",
                                                    "amount": "197000"})
        desk.customers.edit(codes[0], {"notes": "回访"})
        return codes
    return call(runner, qtbot, make)


def _open(runner, qtbot) -> AuditPage:
    page = AuditPage(runner)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=T):
        page.show()
    return page


def _cells(page, row):
    model = page.model
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def test_entries_read_as_people_speak_and_filters_narrow_them(runner, qtbot):
    first, second = _files(runner, qtbot)
    page = _open(runner, qtbot)
    head = call(runner, qtbot, lambda d: d.audit.head()[0])
    assert page.model.total == head and page.model.rowCount() == head
    rows = [_cells(page, r) for r in range(page.model.rowCount())]
    assert [int(r[0]) for r in rows] == list(range(head, 0, -1))
    raw = [r for r in rows if RAW.search(" ".join(r[3:6]))]
    assert not raw, raw
    invoice = next(r for r in rows if r[3] == "新增记录")
    assert invoice[4] == f"{second} 宁波往来贸易有限公司" and invoice[5].startswith("交易记录 #")
    assert "¥197,000.00" in invoice[6] and "19700000" not in invoice[6]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", invoice[1])

    with qtbot.waitSignal(page.loaded, timeout=T):
        page.action_filter.setCurrentIndex(page.action_filter.findData("record.add"))
    assert page.model.total == 2
    assert {page.model.data(page.model.index(r, 0), 256) for r in range(2)} == {"record.add"}
    with qtbot.waitSignal(page.loaded, timeout=T):
        page.customer_filter.setText("杭州审计")          # a name: core's customer search
    assert page.model.total == 1 and _cells(page, 0)[4].startswith(first)
    with qtbot.waitSignal(page.loaded, timeout=T):
        page.action_filter.setCurrentIndex(0)
    logged = call(runner, qtbot, lambda d: d.db.execute(
        "SELECT count(*) FROM audit_log WHERE customer = ?", [first]).fetchone()[0])
    assert page.model.total == logged
    with qtbot.waitSignal(page.loaded, timeout=T):
        page.customer_filter.setText(second.lower())      # a code
    assert {_cells(page, r)[4] for r in range(page.model.rowCount())} == \
        {f"{second} 宁波往来贸易有限公司"}
    tomorrow = clock.today() + datetime.timedelta(days=1)
    with qtbot.waitSignal(page.loaded, timeout=T):
        page.start_filter.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    assert page.model.total == 0 and page.model.rowCount() == 0
    with qtbot.waitSignal(page.loaded, timeout=T):
        page.clear_filters()
    assert page.model.total == head
    users = [page.user_filter.itemData(i) for i in range(page.user_filter.count())]
    assert "" in users and "boss" in users
    with qtbot.waitSignal(page.loaded, timeout=T):
        page.user_filter.setCurrentIndex(page.user_filter.findData("boss"))
    assert {_cells(page, r)[2] for r in range(page.model.rowCount())} == {"boss"}


def test_the_table_fetches_the_next_page_at_its_end(runner, qtbot, monkeypatch):
    monkeypatch.setattr(audit_page, "PAGE_SIZE", 4)
    _files(runner, qtbot)
    page = AuditPage(runner)
    qtbot.addWidget(page)
    page.resize(1000, 320)                       # a few rows on screen: the first pages fill it
    with qtbot.waitSignal(page.loaded, timeout=T):
        page.show()
    head = call(runner, qtbot, lambda d: d.audit.head()[0])
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=T)
    loaded = page.model.rowCount()
    assert loaded % 4 == 0 and loaded < page.model.total == head
    assert f"{loaded}" in page.count_label.text() and f"{head}" in page.count_label.text()
    for _ in range(head):
        if page.model.rowCount() == head:
            break
        page.table.scrollToBottom()
        qtbot.waitUntil(lambda: runner.pending == 0, timeout=T)
    seqs = [int(_cells(page, r)[0]) for r in range(page.model.rowCount())]
    assert seqs == list(range(head, 0, -1))
    assert page.count_label.text() == f"{head} entries" or "条" in page.count_label.text()


def test_export_writes_the_filtered_list_with_the_same_labels(runner, qtbot, tmp_path):
    from openpyxl import load_workbook
    first, _second = _files(runner, qtbot)
    page = _open(runner, qtbot)
    with qtbot.waitSignal(page.loaded, timeout=T):
        page.customer_filter.setText("杭州审计")
    shown = [_cells(page, r) for r in range(page.model.rowCount())]
    with qtbot.waitSignal(page.exported, timeout=T) as done:
        page.export_to(tmp_path / "审计.xlsx")
    assert done.args[0]["entries"] == len(shown) == page.model.total
    values = list(load_workbook(tmp_path / "审计.xlsx").active.values)
    assert list(values[0]) == call(runner, qtbot, lambda d: audit_view.column_labels())
    assert [v[0] for v in values[1:]] == [int(r[0]) for r in shown]
    assert [v[3] for v in values[1:]] == [r[3] for r in shown]
    assert {v[4] for v in values[1:]} == {first}
    assert "审计.xlsx" in page.status.text()
    last = call(runner, qtbot, lambda d: d.audit.entries(limit=1)[0])
    assert last["action"] == "audit.export" and last["summary"]["entries"] == len(shown)
    with qtbot.waitSignal(page.loaded, timeout=T):
        page.clear_filters()
    assert _cells(page, 0)[3] == "导出审计日志" and _cells(page, 0)[5] == "审计.xlsx"
