"""The customer list: model, search as you type, filters, clearance, sorting, stale answers,
and the credit columns (grade, risk, limit, utilisation, credit hold)."""

from __future__ import annotations

import datetime
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from custdesk.core import clock, i18n
from custdesk.core.customers.archive import LIST_COLUMNS, UNGRADED
from custdesk.core.grading.scale import risk_label
from custdesk.gui.customers import list_page
from custdesk.gui.customers.list_page import CustomerListPage
from custdesk.gui.customers.model import (CODE, GRADE, HOLD, HOLD_COLOUR, KIND, LEVEL, LIMIT, NAME,
                                          PHONE, RISK, STATUS, TIER, USED, CustomerTableModel)
from tests.gui.conftest import call

PEOPLE = [
    {"kind": "individual", "name": "张伟", "phone": "13812345678", "status": "active"},
    {"kind": "individual", "name": "张伟明", "phone": "13900001111", "status": "suspended"},
    {"kind": "individual", "name": "王芳", "phone": "13700009999", "status": "active"},
    {"kind": "individual", "name": "蔡明", "tier": "vip"},
    {"kind": "individual", "name": "曾伟", "status": "closed"},      # 曾 as a surname: zeng
    {"kind": "enterprise", "name": "上海恒泰贸易有限公司", "phone": "021-52345678",
     "status": "active", "tier": "key"},
]
# Pinyin order: caiming, shanghai..., wangfang, zengwei, zhangwei, zhangweiming.
PINYIN_ORDER = ["蔡明", "上海恒泰贸易有限公司", "王芳", "曾伟", "张伟", "张伟明"]


def add_all(desk, specs):
    return {spec["name"]: desk.customers.add(spec).code for spec in specs}


@pytest.fixture
def people(runner, qtbot):
    return call(runner, qtbot, lambda desk: add_all(desk, PEOPLE))


@pytest.fixture
def page(runner, people, qtbot):
    return open_page(runner, qtbot)


def open_page(runner, qtbot) -> CustomerListPage:
    page = CustomerListPage(runner)
    qtbot.addWidget(page)
    settle(page, qtbot)
    return page


def settle(page, qtbot):
    qtbot.waitUntil(page.is_settled, timeout=10_000)


def search(page, qtbot, text):
    page.search_box.setText(text)
    settle(page, qtbot)


def type_text(widget, text):
    """Type Chinese as an input method does: each character committed into the widget."""
    for char in text:
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(widget, event)


def names(page):
    return [page.model.display(row, NAME) for row in range(page.model.rowCount())]


def column(page, col):
    return [page.model.display(row, col) for row in range(page.model.rowCount())]


def summary(code, name, *, kind="individual", status="active", tier="normal", level=1,
            owner="boss", phone=None, grade=None, risk=None, limit=None, exposure=0, until=None,
            hold=""):
    """A list_rows tuple (LIST_COLUMNS order; ``hold``: core's reasons as one line)."""
    return (code, kind, name, status, tier, level, owner, phone, grade, risk, limit, exposure,
            until, hold)


# -- the model ------------------------------------------------------------------------------
# The credit standings cover: within the limit; over it; ungraded; owing against a limit
# of 0 with an expired grade; an expired grade with nothing owed.
ROWS = [summary("C000004", "蔡明", tier="vip", grade="AA", risk="low", limit=10_000_00,
                exposure=2_500_00, until="2999-12-31"),
        summary("C000006", "上海恒泰贸易有限公司", kind="enterprise", phone="021*****5678",
                grade="BB", risk="medium", limit=50_000_00, exposure=60_000_00,
                until="2999-12-31", hold="超出授信额度"),
        summary("C000003", "王芳", phone="137****9999", status="prospect", owner=None),
        summary("C000005", "曾伟", status="closed", level=2, grade="CCC", risk="high", limit=0,
                exposure=1_00, until="2000-01-01", hold="超出授信额度、评级已过期"),
        summary("C000001", "张伟", phone="138****5678", level=0, grade="A", risk="low",
                limit=20_000_00, exposure=0, until="2001-06-30", hold="评级已过期")]


@pytest.mark.qt_log_level_fail("WARNING")
@pytest.mark.parametrize("force_py", [False, True])
def test_model_passes_the_model_tester(qtmodeltester, force_py):
    model = CustomerTableModel()
    model.set_rows(ROWS)
    qtmodeltester.check(model, force_py=force_py)
    # The tester watches the model's signals from here on: reset, sort and empty it.
    for col in range(model.columnCount()):
        model.sort(col, Qt.SortOrder.DescendingOrder)
        model.sort(col, Qt.SortOrder.AscendingOrder)
    model.set_rows(ROWS[:2])
    model.set_rows([])
    model.set_rows(ROWS)


def test_model_shows_labels_masked_phones_and_gives_codes():
    # Phones arrive masked from core (its disclosure policy); the window shows them as given.
    model = CustomerTableModel()
    model.set_rows(ROWS)
    assert model.columnCount() == 13
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(13)] == \
        ["Code", "Name", "Kind", "Status", "Tier", "Level", "Owner", "Phone", "Grade", "Risk",
         "Credit limit", "Used", "Credit hold"]
    row = 4  # 张伟
    assert [model.display(row, c) for c in range(8)] == \
        ["C000001", "张伟", "个人", "正常", "普通", "公开", "boss", "138****5678"]
    assert model.display(1, KIND) == "企业"
    assert model.display(1, PHONE) == "021*****5678"
    assert model.display(2, STATUS) == "潜在客户" and model.display(0, TIER) == "VIP"
    assert model.display(3, LEVEL) == "秘密"
    # The words follow the core language (one source: core.fields), after a retranslate.
    i18n.set_language("en")
    model.retranslate()
    assert [model.display(row, c) for c in (KIND, STATUS, TIER, LEVEL)] == \
        ["Individual", "Active", "Normal", "Public"]
    i18n.set_language("zh")
    model.retranslate()
    for c in range(13):
        assert model.data(model.index(row, c), Qt.ItemDataRole.UserRole) == "C000001"
    shown = {model.data(model.index(r, c)) for r in range(5) for c in range(13)}
    assert not {"13812345678", "13700009999", "021-52345678"} & shown


def test_model_sorts_name_by_pinyin_rank_and_others_by_value_then_name():
    model = CustomerTableModel()
    model.set_rows(ROWS)
    shown = lambda: [model.display(r, NAME) for r in range(model.rowCount())]  # noqa: E731
    model.sort(CODE, Qt.SortOrder.AscendingOrder)
    assert [model.code_at(r) for r in range(5)] == \
        ["C000001", "C000003", "C000004", "C000005", "C000006"]
    model.sort(NAME, Qt.SortOrder.DescendingOrder)
    assert shown() == ["张伟", "曾伟", "王芳", "上海恒泰贸易有限公司", "蔡明"]
    # Status in its defined order (prospect, active, ..., closed); ties by pinyin.
    model.sort(STATUS, Qt.SortOrder.AscendingOrder)
    assert shown() == ["王芳", "蔡明", "上海恒泰贸易有限公司", "张伟", "曾伟"]
    # A new load keeps the chosen sort.
    model.set_rows(list(reversed(ROWS)))
    assert [model.display(r, STATUS) for r in range(5)] == \
        ["潜在客户", "正常", "正常", "正常", "已关闭"]


def test_model_shows_the_credit_columns_and_the_hold_marker():
    model = CustomerTableModel()
    model.set_rows(ROWS)   # as delivered: 蔡明, 上海恒泰…, 王芳, 曾伟, 张伟

    def credit(row):
        return [model.display(row, c) for c in (GRADE, RISK, LIMIT, USED, HOLD)]

    def role(row, column, which):
        return model.data(model.index(row, column), which)

    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in (GRADE, USED, HOLD)] == \
        ["Grade", "Used", "Credit hold"]
    assert credit(0) == ["AA", "低", "¥10,000.00", "25%", ""]
    assert credit(1) == ["BB", "中", "¥50,000.00", "120%", "授信冻结"]
    assert credit(2) == ["", "", "", "", ""]
    assert credit(3) == ["CCC", "高", "¥0.00", "—", "授信冻结"]
    assert credit(4) == ["A", "低", "¥20,000.00", "0%", "授信冻结"]
    tip = Qt.ItemDataRole.ToolTipRole
    assert [role(r, HOLD, tip) for r in range(5)] == \
        [None, "超出授信额度", None, "超出授信额度、评级已过期", "评级已过期"]
    red = Qt.ItemDataRole.ForegroundRole
    assert role(1, HOLD, red) == HOLD_COLOUR and role(1, USED, red) == HOLD_COLOUR
    assert role(3, USED, red) == HOLD_COLOUR                       # owing against a limit of 0
    assert role(4, HOLD, red) == HOLD_COLOUR and role(4, USED, red) is None   # expired, not over
    assert role(0, HOLD, red) is None and role(0, USED, red) is None
    assert role(0, LIMIT, Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert role(0, USED, Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    # Risk words and the marker are core's, in the core language (the reasons come
    # from core already worded).
    i18n.set_language("en")
    model.retranslate()
    assert credit(3)[1::3] == ["High", "Credit on hold"]


def test_model_sorts_the_credit_columns():
    model = CustomerTableModel()
    model.set_rows(ROWS)

    def sorted_by(column):
        model.sort(column, Qt.SortOrder.AscendingOrder)
        return [model.display(r, NAME) for r in range(model.rowCount())]

    firm = "上海恒泰贸易有限公司"
    assert sorted_by(GRADE) == ["蔡明", "张伟", firm, "曾伟", "王芳"]   # best first, ungraded last
    assert sorted_by(RISK) == ["蔡明", "张伟", firm, "曾伟", "王芳"]
    assert sorted_by(LIMIT) == ["曾伟", "蔡明", "张伟", firm, "王芳"]
    assert sorted_by(USED) == ["张伟", "蔡明", firm, "王芳", "曾伟"]    # no share last
    assert sorted_by(HOLD) == [firm, "曾伟", "张伟", "蔡明", "王芳"]    # held files first


# -- the page --------------------------------------------------------------------------------
def test_list_shows_customers_as_the_admin_adds_them(runner, qtbot):
    page = open_page(runner, qtbot)
    assert page.model.rowCount() == 0 and page.count_label.text() == "0 customers"
    code = call(runner, qtbot, lambda d: d.customers.add(
        {"kind": "individual", "name": "王芳", "phone": "13700009999"})).code
    # runner.changed ("customers") refreshes the list without being asked.
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert names(page) == ["王芳"] and page.model.code_at(0) == code
    assert page.count_label.text() == "1 customer"
    call(runner, qtbot, lambda d: d.customers.add({"kind": "enterprise", "name": "上海恒泰贸易有限公司"}))
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
    settle(page, qtbot)
    assert names(page) == ["上海恒泰贸易有限公司", "王芳"]
    assert page.count_label.text() == "2 customers"


def test_typing_a_two_character_name_filters_with_one_query(page, qtbot):
    assert names(page) == PINYIN_ORDER
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        type_text(page.search_box, "张伟")   # two characters committed, one pause
    settle(page, qtbot)
    assert names(page) == ["张伟", "张伟明"]
    assert page.dropped == 0
    assert page.count_label.text() == "2 customers"
    search(page, qtbot, "伟明")
    assert names(page) == ["张伟明"]
    search(page, qtbot, "李")
    assert names(page) == [] and page.count_label.text() == "0 customers"
    search(page, qtbot, "")
    assert names(page) == PINYIN_ORDER


def test_pinyin_initials_code_and_phone_tail(page, people, qtbot):
    search(page, qtbot, "zw")   # 曾伟 is zeng wei as a surname
    assert names(page) == ["曾伟", "张伟", "张伟明"]
    search(page, qtbot, "ZWM")
    assert names(page) == ["张伟明"]
    search(page, qtbot, people["王芳"].lower())
    assert names(page) == ["王芳"]
    search(page, qtbot, "5678")
    assert names(page) == ["上海恒泰贸易有限公司", "张伟"]


def test_phone_column_is_masked(page, qtbot):
    search(page, qtbot, "张伟")
    assert column(page, PHONE) == ["138****5678", "139****1111"]
    everything = {page.model.data(page.model.index(r, c))
                  for r in range(page.model.rowCount()) for c in range(page.model.columnCount())}
    assert "13812345678" not in everything


def test_sorting_by_name_is_pinyin_order_and_descending_reverses(page, qtbot):
    page.table.sortByColumn(CODE, Qt.SortOrder.AscendingOrder)
    assert column(page, CODE) == sorted(column(page, CODE))   # codes are random: in code order
    page.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
    assert names(page) == PINYIN_ORDER
    page.table.sortByColumn(NAME, Qt.SortOrder.DescendingOrder)
    assert names(page) == list(reversed(PINYIN_ORDER))
    # The chosen order survives a new search.
    search(page, qtbot, "zw")
    assert names(page) == ["张伟明", "张伟", "曾伟"]
    page.table.sortByColumn(STATUS, Qt.SortOrder.AscendingOrder)
    assert column(page, STATUS) == ["正常", "暂停", "已关闭"]


def test_a_clerk_does_not_see_files_above_their_clearance(runner, make_runner, qtbot, monkeypatch):
    secret_code = call(runner, qtbot, lambda d: d.customers.add(
        {"kind": "individual", "name": "刘洋", "level": "confidential"})).code
    call(runner, qtbot, lambda d: add_all(d, [{"kind": "individual", "name": "刘强"},
                                              {"kind": "individual", "name": "刘明", "level": "public"}]))
    admin_page = open_page(runner, qtbot)
    assert names(admin_page) == ["刘明", "刘强", "刘洋"]
    clerk_page = open_page(make_runner("clerk"), qtbot)
    assert names(clerk_page) == ["刘明", "刘强"]
    assert secret_code not in clerk_page.model.codes()
    assert clerk_page.count_label.text() == "2 customers"
    for text in ("刘洋", "liuyang", "ly", secret_code):
        search(clerk_page, qtbot, text)
        assert names(clerk_page) == []
    # A list cut short counts only what the clerk may see (the hidden file is not hinted at).
    monkeypatch.setattr(list_page, "ROW_LIMIT", 1)
    for page in (clerk_page, admin_page):
        search(page, qtbot, "刘")
        assert names(page) == ["刘明"]
    assert clerk_page.count_label.text() == "First 1 of 2 customers: type more to narrow the list"
    assert admin_page.count_label.text() == "First 1 of 3 customers: type more to narrow the list"


def test_filters_narrow_the_list(page, qtbot):
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("enterprise"))
    settle(page, qtbot)
    assert names(page) == ["上海恒泰贸易有限公司"]
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("individual"))
    page.status_filter.setCurrentIndex(page.status_filter.findData("active"))
    settle(page, qtbot)
    assert names(page) == ["王芳", "张伟"]
    search(page, qtbot, "zw")
    assert names(page) == ["张伟"]
    page.level_filter.setCurrentIndex(page.level_filter.findData("secret"))
    settle(page, qtbot)
    assert names(page) == []
    for combo in (page.kind_filter, page.status_filter, page.level_filter):
        assert combo.itemData(0) is None and combo.itemText(0).startswith("All")
    # Filters offer the labels and keep the values as item data.
    assert page.status_filter.itemText(page.status_filter.findData("blacklisted")) == "黑名单"
    assert page.tier_filter.itemText(page.tier_filter.findData("key")) == "重点"
    assert page.level_filter.itemText(page.level_filter.findData("secret")) == "机密"
    for combo in (page.kind_filter, page.status_filter, page.level_filter):
        combo.setCurrentIndex(0)
    settle(page, qtbot)
    assert names(page) == ["曾伟", "张伟", "张伟明"]


def test_a_stale_answer_is_dropped(page, runner, qtbot):
    entered, release = threading.Event(), threading.Event()
    threads = []

    def install(desk):
        original = desk.customers.list_rows

        def slow_first(text, **kw):
            threads.append(threading.get_ident())
            if text == "张伟":           # the older query: answer only after a newer one started
                entered.set()
                release.wait(10)
            return original(text, **kw)
        desk.customers.list_rows = slow_first
    call(runner, qtbot, install)
    shown = []
    page.model.modelReset.connect(lambda: shown.append(names(page)))

    page.search_box.setText("张伟")
    page.refresh()
    qtbot.waitUntil(entered.is_set, timeout=10_000)
    page.search_box.setText("王芳")
    page.refresh()
    release.set()
    settle(page, qtbot)
    assert names(page) == ["王芳"]
    assert shown == [["王芳"]]           # the 张伟 answer never reached the table
    assert page.dropped == 1
    assert threading.get_ident() not in threads   # queries ran on the database thread only

    # Quick typing without a pause: only the last text is shown.
    shown.clear()
    for text in ("张", "张伟", "张伟明"):
        page.search_box.setText(text)
        page.refresh()
    settle(page, qtbot)
    assert names(page) == ["张伟明"] and shown == [["张伟明"]]


def test_double_click_and_enter_open_the_customer(page, people, qtbot):
    page.resize(900, 500)
    page.show()
    qtbot.waitExposed(page)
    row = names(page).index("王芳")
    rect = page.table.visualRect(page.model.index(row, NAME))
    with qtbot.waitSignal(page.open_customer, timeout=5_000) as opened:
        # What a window system sends for a double-click: a click, then the double-click.
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [people["王芳"]]
    page.table.setCurrentIndex(page.model.index(names(page).index("蔡明"), CODE))
    with qtbot.waitSignal(page.open_customer, timeout=5_000) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [people["蔡明"]]


def test_focus_search_selects_the_text(page, qtbot):
    page.show()
    qtbot.waitExposed(page)
    search(page, qtbot, "王")
    page.table.setFocus()
    page.focus_search()
    qtbot.waitUntil(page.search_box.hasFocus, timeout=5_000)
    assert page.search_box.selectedText() == "王"
    assert "Ctrl+F" in page.search_box.placeholderText() and page.search_box.isClearButtonEnabled()


def test_a_refresh_keeps_the_selected_customer(page, people, runner, qtbot):
    page.select_code(people["王芳"])
    call(runner, qtbot, lambda d: d.customers.add({"kind": "individual", "name": "安娜"}))
    qtbot.waitUntil(lambda: page.model.rowCount() == len(PEOPLE) + 1, timeout=10_000)
    settle(page, qtbot)
    assert names(page)[0] == "安娜"
    assert page.current_code() == people["王芳"]


def test_long_results_are_cut_and_the_count_says_so(page, qtbot, monkeypatch):
    monkeypatch.setattr(list_page, "ROW_LIMIT", 2)
    page.refresh()
    settle(page, qtbot)
    assert names(page) == PINYIN_ORDER[:2]
    assert page.count_label.text() == "First 2 of 6 customers: type more to narrow the list"
    search(page, qtbot, "伟")
    assert names(page) == ["曾伟", "张伟"] and "of 3 customers" in page.count_label.text()
    # Far more matches than rows shown (core then walks the pinyin index): same answer.
    monkeypatch.setattr(list_page, "ROW_LIMIT", 1)
    search(page, qtbot, "")
    search(page, qtbot, "伟")
    assert names(page) == ["曾伟"] and "First 1 of 3 customers" in page.count_label.text()
    page.status_filter.setCurrentIndex(page.status_filter.findData("active"))
    settle(page, qtbot)
    assert names(page) == ["张伟"] and page.count_label.text() == "1 customer"
    search(page, qtbot, "")
    assert names(page) == ["上海恒泰贸易有限公司"]
    assert "First 1 of 3 customers" in page.count_label.text()


def test_list_rows_agree_with_summary_rows_on_every_path(runner, make_runner, qtbot):
    """Whichever way core reaches the rows (ids, pinyin index, table pass), the list shows
    the first rows of the full pinyin-ordered answer and counts all of it."""
    surnames, given = "王李张刘陈曾", "伟芳明强娜"
    specs = [{"kind": "individual", "name": s + g + ("华" if i % 3 else ""),
              "status": ("active", "prospect", "closed")[i % 3],
              "level": ("public", "internal", "confidential")[i % 4 % 3]}
             for i, (s, g) in enumerate((s, g) for s in surnames for g in given)]
    specs += [{"kind": "enterprise", "name": f"{city}{word}贸易有限公司", "status": "active"}
              for city in ("上海", "杭州") for word in ("恒泰", "华信", "鼎盛")]
    call(runner, qtbot, lambda d: add_all(d, specs))
    cases = [("", {}), ("王", {}), ("伟", {}), ("华", {"status": "active"}), ("z", {}),
             ("贸易", {}), ("有限公司", {}), ("", {"kind": "enterprise"}), ("l", {"level": "public"})]
    for user_runner in (runner, make_runner("clerk")):
        for text, filters in cases:
            full = call(user_runner, qtbot, lambda d: d.customers.summary_rows(text, **filters))
            for limit in (1, 2, 5, None):
                rows, total = call(user_runner, qtbot,
                                   lambda d: d.customers.list_rows(text, limit=limit, **filters))
                assert total == len(full), (text, filters, limit)
                assert [r[:8] for r in rows] == [r[:8] for r in full[:limit]], \
                    (text, filters, limit)
                assert all(len(r) == len(LIST_COLUMNS) for r in rows)


# -- credit standing on the page ----------------------------------------------------------------
STATEMENT = {"period": "2025", "income": "240000", "expenses": "100000", "assets": "500000",
             "liabilities": "100000"}


@pytest.fixture
def submitted(runner, qtbot):
    """张伟 (owes ¥50,000) and 王芳 (owes ¥5,000) assessed and submitted by the boss; 蔡明
    never graded. {name: (code, assessment id or None)}."""
    def prepare(desk):
        files = {}
        for name, owed in (("张伟", "50000"), ("王芳", "5000"), ("蔡明", None)):
            code = desk.customers.add({"kind": "individual", "name": name}).code
            assessment = None
            if owed:
                desk.records.add(code, "transactions", {"kind": "invoice",
                                                        "occurred_on": "2026-01-05",
                                                        "amount": owed})
                desk.records.add(code, "financials", STATEMENT)
                assessment = desk.grading.assess(code).id
                desk.grading.submit(assessment, missing_reason="资料待补")
            files[name] = (code, assessment)
        return files
    return call(runner, qtbot, prepare)


def approve(reviewer, qtbot, submitted, limits=(("张伟", "10000"), ("王芳", "20000"))):
    for name, limit in limits:
        call(reviewer, qtbot, lambda d, i=submitted[name][1], amount=limit:
             d.grading.approve(i, amount, "熟客，额度按往来核定"))


def test_the_list_shows_grades_limits_use_and_holds_as_approved(submitted, make_runner, qtbot):
    reviewer = make_runner("reviewer")
    page = open_page(reviewer, qtbot)
    assert names(page) == ["蔡明", "王芳", "张伟"]
    assert {page.model.display(r, c) for r in range(3) for c in (GRADE, LIMIT, HOLD)} == {""}
    approve(reviewer, qtbot, submitted)
    # The approvals' "customers" change refreshes the list by itself.
    qtbot.waitUntil(lambda: page.model.display(names(page).index("张伟"), LIMIT) != "",
                    timeout=10_000)
    settle(page, qtbot)
    credit = {name: call(reviewer, qtbot, lambda d, c=submitted[name][0]: d.grading.credit(c))
              for name in ("张伟", "王芳")}
    shown = {name: [page.model.display(row, c) for c in (GRADE, RISK, LIMIT, USED, HOLD)]
             for row, name in enumerate(names(page))}
    assert shown["张伟"] == [credit["张伟"]["grade"], risk_label(credit["张伟"]["risk_level"]),
                            "¥10,000.00", "500%", "授信冻结"]
    assert shown["王芳"] == [credit["王芳"]["grade"], risk_label(credit["王芳"]["risk_level"]),
                            "¥20,000.00", "25%", ""]
    assert shown["蔡明"] == ["", "", "", "", ""]
    row = names(page).index("张伟")
    assert page.model.data(page.model.index(row, HOLD), Qt.ItemDataRole.ToolTipRole) == \
        credit["张伟"]["hold_text"] == "超出授信额度"               # as the file says it
    assert credit["张伟"]["hold"] and not credit["王芳"]["hold"]


def test_filters_by_credit_hold_and_grade(submitted, runner, make_runner, qtbot):
    reviewer = make_runner("reviewer")
    approve(reviewer, qtbot, submitted)
    page = open_page(runner, qtbot)
    assert page.hold_filter.itemData(0) is None and page.hold_filter.itemText(0).startswith("Any")
    assert page.hold_filter.itemText(1) == "授信冻结"
    page.hold_filter.setCurrentIndex(1)
    settle(page, qtbot)
    assert names(page) == ["张伟"] and page.count_label.text() == "1 customer"
    # Two years on, 王芳's grade has expired: her credit is on hold as well.
    clock.set_fixed(datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=800))
    page.refresh()
    settle(page, qtbot)
    held = [n for n in ("蔡明", "王芳", "张伟")
            if call(runner, qtbot, lambda d, c=submitted[n][0]: d.grading.credit(c))["hold"]]
    assert "王芳" in held and names(page) == held
    row = names(page).index("王芳")
    assert page.model.display(row, HOLD) == "授信冻结"
    assert "评级已过期" in page.model.data(page.model.index(row, HOLD), Qt.ItemDataRole.ToolTipRole)
    clock.set_fixed(None)
    page.hold_filter.setCurrentIndex(0)
    settle(page, qtbot)
    assert names(page) == ["蔡明", "王芳", "张伟"]

    grades = {name: call(runner, qtbot, lambda d, c=submitted[name][0]: d.grading.credit(c))["grade"]
              for name in ("王芳", "张伟")}
    assert [page.grade_filter.itemData(i) for i in range(page.grade_filter.count())] == \
        [None, "AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C", UNGRADED]
    page.grade_filter.setCurrentIndex(page.grade_filter.findData(grades["王芳"]))
    settle(page, qtbot)
    assert names(page) == [n for n in ("王芳", "张伟") if grades[n] == grades["王芳"]]
    page.grade_filter.setCurrentIndex(page.grade_filter.findData(UNGRADED))
    settle(page, qtbot)
    assert names(page) == ["蔡明"]
    assert page.grade_filter.currentText() == "Not graded"
    # Filters combine: nobody ungraded is on hold.
    page.hold_filter.setCurrentIndex(1)
    settle(page, qtbot)
    assert names(page) == [] and page.count_label.text() == "0 customers"
