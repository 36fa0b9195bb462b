"""The credit audit report lists a file's guarantees and collateral with their cover, and the
secured and unsecured parts of the limit: read back from the PDF as a reader finds them."""

from __future__ import annotations

import datetime
import re

import pytest

from custdesk.core import clock, i18n
from custdesk.reports import export

from .conftest import pdf_text
from .tables import read_tables

STATEMENT = {"period": "2025", "revenue": "5000000", "net_profit": "400000", "ebit": "600000",
             "total_assets": "8000000", "current_assets": "3000000", "total_liabilities": "4000000",
             "current_liabilities": "2000000", "equity": "4000000", "retained_earnings": "1500000"}


@pytest.fixture(autouse=True)
def _today():
    clock.set_fixed(datetime.datetime(2026, 8, 31, 10, tzinfo=datetime.timezone.utc))


@pytest.fixture
def firm(open_as) -> str:
    boss, reviewer = open_as("boss"), open_as("reviewer")
    code = boss.customers.add({"name": "杭州恒远机械有限公司", "kind": "enterprise",
                               "founding_date": "2010-05-01"}).code
    boss.records.add(code, "financials", STATEMENT)
    for values in ({"kind": "real_estate", "provider": "萧山区厂房一处", "value": "300000",
                    "haircut": "40", "valued_on": "2026-01-10", "expires_on": "2028-07-27"},
                   {"kind": "guarantee", "provider": "王建国（法定代表人）", "value": "100000",
                    "haircut": "50", "expires_on": "2026-09-20"},
                   {"kind": "deposit", "provider": "保证金账户", "value": "50000",
                    "expires_on": "2026-08-21"}):
        boss.records.add(code, "collateral", values)
    new_id = boss.grading.assess(code).id
    boss.grading.submit(new_id, missing_reason="资料待补")
    reviewer.grading.approve(new_id, "400000", "按交易规模核定")
    return code


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_report_lists_each_item_with_its_cover(open_as, firm):
    desk = open_as("boss")
    made = export.customer(desk, firm)
    (table,) = [t for t in read_tables(made.data) if "有效担保" in t.headers]
    assert table.headers == ["类别", "担保人或抵押物", "价值", "折扣率（%）", "到期日", "有效担保"]
    rows = sorted(table.rows)
    assert rows == sorted([
        ["不动产抵押", "萧山区厂房一处", "¥300,000.00", "40", "2028-07-27", "¥180,000.00"],
        ["保证担保", "王建国（法定代表人）", "¥100,000.00", "50", "2026-09-20", "¥50,000.00"],
        ["保证金", "保证金账户", "¥50,000.00", "—", "2026-08-21", "已到期"]])
    flat = _flat(pdf_text(made.data))
    assert "已担保部分¥230,000.00" in flat and "未担保部分¥170,000.00" in flat
    assert "在押有效担保合计¥230,000.00；担保债权¥400,000.00（未约定，按授信额度）；" \
           "缺口¥170,000.00" in flat
    # The scorecard's answer, with how the collateral records gave it at the assessment.
    assert "评分卡：部分担保；按担保与抵押记录得出：在押2项，有效担保¥230,000.00" in flat
    printed = [e["summary"]["printed"] for e in desk.audit.entries()
               if e["action"] == "report.export"]
    assert "collateral" in printed[-1]


def test_the_report_in_english(open_as, firm):
    made = export.customer(open_as("boss"), firm, lang="en")
    (table,) = [t for t in read_tables(made.data) if "Cover" in t.headers]
    assert table.headers == ["Kind", "Guarantor or asset", "Value", "Haircut (%)", "Expires",
                             "Cover"]
    assert ["Cash deposit", "保证金账户", "¥50,000.00", "—", "2026-08-21", "expired"] in table.rows
    flat = _flat(pdf_text(made.data))
    assert "Securedpart¥230,000.00" in flat and "Unsecuredpart¥170,000.00" in flat


def test_a_reader_not_cleared_to_the_records_gets_them_masked(open_as, firm):
    boss = open_as("boss")
    boss.settings.set_field_level("financials", "confidential")
    clerk = open_as("clerk")
    made = export.customer(clerk, firm)
    (table,) = [t for t in read_tables(made.data) if "有效担保" in t.headers]
    assert len(table.rows) == 3
    assert all(row[2] == "***" and row[5] == "***" for row in table.rows), table.rows
    flat = _flat(pdf_text(made.data))
    assert "300,000" not in flat and "已担保部分***" in flat
    assert i18n.tr("cr.masked_note").replace(" ", "") in flat
