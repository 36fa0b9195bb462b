"""The grading commands: financials add, assess, submit/approve/reject, grade history."""

from __future__ import annotations

import json

from tests.cli.test_cli import cli  # noqa: F401  (the fixture)


def _firm(cli) -> str:
    status, out, err = cli("customer", "add", "--kind", "enterprise", "--name", "杭州测试机械有限公司",
                           "--field", "founding_date=2010-05-01")
    assert status == 0, err
    code = out.strip()
    status, out, err = cli("financials", "add", code, "--period", "2025", "--revenue", "5,000,000",
                           "--net-profit", "400000", "--ebit", "600000", "--total-assets", "8000000",
                           "--current-assets", "3000000", "--total-liabilities", "4000000",
                           "--current-liabilities", "2000000", "--equity", "4000000",
                           "--retained-earnings", "1500000.50")
    assert status == 0, err
    assert out.strip().isdigit()
    return code


def test_financials_add_validates_amounts_and_statements(cli):
    code = _firm(cli)
    status, _, err = cli("financials", "add", code, "--period", "2024", "--revenue", "12.345")
    assert status == 1 and "分" in err                 # a fraction of a fen
    status, _, err = cli("financials", "add", code, "--period", "2024", "--total-assets", "100",
                         "--current-assets", "200")
    assert status == 1 and "不能大于" in err
    status, _, err = cli("financials", "add", code, "--period", "2024")
    assert status == 2
    status, _, err = cli("financials", "add", code, "--period", "2025", "--revenue", "1")
    assert status == 1 and "已存在" in err


def test_assess_json_submit_approve_and_history(cli):
    code = _firm(cli)
    status, out, err = cli("assess", code, "--answer", "management=sound", "--adjust", "-1",
                           "--reason", "行业下行", "--json")
    assert status == 0, err
    result = json.loads(out)
    for key in ("id", "score", "grade", "risk_level", "recommended_limit", "factors", "altman",
                "missing", "money_unit"):
        assert key in result
    assert result["money_unit"] == "fen" and isinstance(result["recommended_limit"], int)
    # No industry on file: the worse of Z' (grey, 1.5252) and Z'' (safe, 2.99) counts.
    assert result["altman"]["model"] == "z_prime" and result["altman"]["zone"] == "grey"
    assert abs(result["altman"]["z"] - 1.525206) < 1e-5 and result["altman"]["cutoffs"] == [1.23, 2.9]
    assert result["status"] == "draft" and result["adjustment"] == -1
    assert {f["key"] for f in result["factors"]} >= {"debt_ratio", "current_ratio", "altman"}
    assert {m["key"] for m in result["missing"]} == {"industry_outlook", "collateral",
                                                     "revenue_growth", "dso_days"}
    assessment = str(result["id"])
    status, _, err = cli("assess", "submit", assessment)
    assert status == 1 and "行业前景" in err and "担保与抵押" in err      # a reason is needed
    assert "缺失说明：" in err and "missing_reason" not in err         # named in words
    assert cli("assess", "submit", assessment, "--missing-reason", "上年报表未提供")[0] == 0
    status, out, err = cli("assess", "show", assessment, "--json", user="reviewer")
    assert json.loads(out)["missing_reason"] == "上年报表未提供"
    status, _, err = cli("assess", "show", assessment, user="reviewer")
    assert "上年报表未提供" in err and "营业收入增长率" in err
    status, out, _ = cli("assess", "show", assessment, user="reviewer")
    assert "Altman 模型：Altman Z'（非上市制造业）" in out and "灰色区 1.23–2.90" in out
    status, _, err = cli("assess", "approve", assessment)
    assert status == 1 and "四眼" in err
    status, _, err = cli("assess", "reject", assessment, user="reviewer")
    assert status == 2                                   # --reason missing
    status, out, err = cli("assess", "approve", assessment, "--limit", "300000", "--reason",
                           "往来五年无逾期", user="reviewer")
    assert status == 0, err
    status, _, err = cli("assess", "approve", assessment, user="reviewer")
    assert status == 1 and "已批准" in err
    status, out, _ = cli("grade", "history", code, "--json")
    history = json.loads(out)
    assert [(h["id"], h["grade"], h["approved_limit"]) for h in history] == \
        [(result["id"], result["grade"], 300000_00)]
    status, out, _ = cli("grade", "history", code)
    assert "boss → reviewer" in out and "¥300,000.00" in out


def test_individual_statement_and_assessment(cli):
    status, out, _ = cli("customer", "add", "--kind", "individual", "--name", "张伟",
                         "--id-number", "11010519491231002X", "--field", "housing=own")
    code = out.strip()
    status, _, err = cli("financials", "add", code, "--period", "2025", "--income", "240000",
                         "--expenses", "150000", "--assets", "1500000", "--liabilities", "200000")
    assert status == 0, err
    status, out, err = cli("--lang", "en", "assess", code, "--answer", "guarantor=none")
    assert status == 0, err
    assert "Assessment #" in out and "Age band" in out and "65 and over" in out


def test_assess_usage_errors(cli):
    assert cli("assess", "approve")[0] == 2
    assert cli("assess", "approve", "x")[0] == 2
    assert cli("assess", "C1", "C2")[0] == 2
    status, _, err = cli("assess", "NOPE")
    assert status == 1 and "NOPE" in err
