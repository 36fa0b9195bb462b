"""How an input was worked out, shown in the reader's language: statement items by their labels,
the formulas' words translated, whatever language the traces were stored in."""

from __future__ import annotations

import datetime
import re

import pytest

from custdesk.core import i18n
from custdesk.core.grading import limits, metrics
from custdesk.core.grading.metrics import Facts, measure
from custdesk.core.grading.scorecard import LimitRule

AS_OF = datetime.date(2026, 6, 30)
STATEMENT = {"period": "2025", "total_assets": 100_000_000, "total_liabilities": 40_000_000,
             "current_assets": 50_000_000, "current_liabilities": 20_000_000,
             "retained_earnings": 10_000_000, "ebit": 8_000_000, "equity": 60_000_000,
             "revenue": 120_000_000, "net_profit": 6_000_000}
PREVIOUS = dict(STATEMENT, period="2024", revenue=100_000_000)
KEY = re.compile(r"\b[a-z]+_[a-z_]+\b")                 # total_assets, monthly_income ...
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# Latin the Chinese formulas keep: the function, the model's and the ratios' names.
KEPT_IN_CHINESE = {"max", "min", "Altman", "X1", "X2", "X3", "X4", "X5"}


def _measured(language: str):
    facts = Facts("enterprise", statements=[STATEMENT, PREVIOUS],
                  transactions=[{"kind": "invoice", "amount": 1_000_000, "occurred_on": "2026-03-01",
                                 "due_date": "2026-04-01", "ref_no": "F1", "invoice_ref": None}],
                  file={"industry": "批发零售", "founding_date": "2010-05-01"})
    with i18n.using(language):            # traces are stored in whichever language graded
        return measure(facts, AS_OF)


@pytest.mark.parametrize("stored_in", ["zh", "en"])
def test_formulas_read_in_chinese_without_keys_or_english_words(stored_in):
    measured = _measured(stored_in)
    with i18n.using("zh"):
        texts = {key: metrics.trace_text(trace) for key, trace in measured.traces.items()}
    assert "负债总额 / 资产总额" in texts["debt_ratio"]
    assert "(营业收入 2025 - 营业收入 2024) / 营业收入 2024" in texts["revenue_growth"]
    assert "X1 = (流动资产 - 流动负债) / 资产总额" in texts["altman_zone"]
    assert "安全区" in texts["altman_zone"] or "灰色区" in texts["altman_zone"]
    for key, text in texts.items():
        assert not KEY.search(text), (key, text)
        words = {w for w in LATIN_WORD.findall(text.replace("Z''", ""))} - KEPT_IN_CHINESE
        assert not words, (key, text)


@pytest.mark.parametrize("stored_in", ["zh", "en"])
def test_formulas_read_in_english_with_words_not_keys(stored_in):
    measured = _measured(stored_in)
    with i18n.using("en"):
        texts = {key: metrics.trace_text(trace) for key, trace in measured.traces.items()}
    assert "total liabilities / total assets" in texts["debt_ratio"]
    assert "X3 = EBIT / total assets" in texts["altman_zone"]
    assert "open cases as defendant" in texts["open_litigation_count"]
    for key, text in texts.items():
        assert not KEY.search(text), (key, text)
        assert not re.search("[\u4e00-\u9fff]", text.replace("批发零售", "")), (key, text)


def test_the_limits_working_reads_in_either_language():
    rule = LimitRule(bases=("monthly_purchases", "equity"), optional=(), round_to=1000,
                     grades={"AA": {"cap": 3_000_000, "monthly_purchases": 3.5, "equity": 0.25}})
    stored = limits.recommend(rule, "AA", {"monthly_purchases": 6_723_658,
                                           "equity": 3_647_031_762}).trace
    with i18n.using("zh"):
        zh = metrics.formula_text(stored)
    with i18n.using("en"):
        en = metrics.formula_text(stored)
    assert "上限 ¥3,000,000.00" in zh and "3.5 × 月均采购额" in zh and "（向下取整至 1,000 元）" in zh
    assert "cap ¥3,000,000.00" in en and "3.5 × average monthly purchases" in en
    assert not KEY.search(zh) and not KEY.search(en)
