"""The assessment section of the customer report: the Altman model that applied with its
formula and cut-offs, each missing input by name with the assessor's reason, rules in the
unit of their values."""

from __future__ import annotations

import datetime
import os
import re
import shutil

import pytest

from custdesk.core import clock, i18n
from custdesk.reports import export

from .conftest import pdf_text

STATEMENT = {"period": "2025", "revenue": "855000", "net_profit": "30000", "ebit": "50000",
             "total_assets": "1000000", "current_assets": "400000", "current_liabilities": "300000",
             "total_liabilities": "387168", "equity": "612832", "retained_earnings": "100000"}


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def approved(open_as):
    """A listed manufacturer assessed without its revenue of a year before and without an
    industry outlook, submitted with a reason and approved by a second person."""
    clock.set_fixed(datetime.datetime(2026, 8, 31, 10, 0, tzinfo=datetime.timezone.utc))
    boss, reviewer = open_as("boss"), open_as("reviewer")
    code = boss.customers.add({"name": "苏州精工机械制造有限公司", "kind": "enterprise",
                               "founding_date": "2009-03-01", "industry": "C3311 金属结构制造"}).code
    boss.records.add(code, "financials", STATEMENT)
    boss.records.add(code, "transactions", {"kind": "invoice", "ref_no": "F1",
                                            "occurred_on": "2026-07-01", "due_date": "2026-09-30",
                                            "amount": "1500000"})
    answers = {"management": "sound", "collateral": "partial", "listed": "yes",
               "market_equity": "116150.40"}
    made = boss.grading.assess(code, answers=answers).id
    boss.grading.submit(made, missing_reason="上年报表尚未提交，下季度补评")
    reviewer.grading.approve(made)
    return reviewer, code


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_report_names_the_model_each_missing_input_and_the_reason(approved, tmp_path,
                                                                      language):
    desk, code = approved
    i18n.set_language(language)
    made = export.customer(desk, code)
    path = export.write(made, tmp_path / made.file_name)
    if os.environ.get("CUSTDESK_KEEP_REPORT"):          # for looking at the page by eye
        shutil.copy(path, os.environ["CUSTDESK_KEEP_REPORT"] + f".{language}.pdf")
    text = _flat(pdf_text(path))
    if language == "zh":
        for words in ("Altman模型：AltmanZ（上市制造业）", "Z=1.2×X1+1.4×X2+3.3×X3+0.6×X4+1×X5",
                      "Z=1.46→困境区（困境区<1.81，灰色区1.81–2.99，安全区>2.99）",
                      "缺失数据：营业收入增长率", "行业前景（定性）（评估人未填写；缺失，按最低档计分）",
                      "评估人说明：上年报表尚未提交，下季度补评", "≤40.0%"):
            assert _flat(words) in text, words
    else:
        for words in ("Altman model: Altman Z (public manufacturer)", "Z = 1.46 → Distress zone",
                      "distress < 1.81, grey 1.81–2.99, safe > 2.99", "Missing inputs",
                      "Revenue growth", "Assessor's reason"):
            assert _flat(words) in text, words
    assert "e+" not in text                                  # no 1e+06 anywhere
    assert not re.search(r"[≤≥<>]0\.\d", text)               # no fraction beside a percent
