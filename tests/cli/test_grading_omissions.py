"""Through the command line: filing a statement without one of its lines never earns a better
score or grade than filing it whole, and the assessment names what is missing."""

from __future__ import annotations

import json

import pytest

from custdesk.core.grading.scale import GRADES
from tests.cli.test_cli import cli  # noqa: F401  (the fixture)

# A weak manufacturer (yuan): thin working capital, little profit, heavy short-term debt.
WEAK = {"revenue": "3000000", "net-profit": "20000", "ebit": "90000", "total-assets": "5000000",
        "current-assets": "1500000", "total-liabilities": "4100000",
        "current-liabilities": "3200000", "equity": "900000", "retained-earnings": "-200000"}


def _assess(cli, lines: dict, industry: str, name: str) -> dict:
    status, out, err = cli("customer", "add", "--kind", "enterprise", "--name", name,
                           "--field", "founding_date=2012-04-01", "--field", f"industry={industry}")
    assert status == 0, err
    code = out.strip()
    args = [item for key, value in lines.items() for item in (f"--{key}", value)]
    status, _, err = cli("financials", "add", code, "--period", "2025", *args)
    assert status == 0, err
    status, out, err = cli("assess", code, "--answer", "management=average", "--json")
    assert status == 0, err
    return json.loads(out)


@pytest.mark.parametrize("left_out", ["current-liabilities", "retained-earnings", "ebit",
                                      "current-assets", "revenue", "equity"])
def test_leaving_a_line_out_never_improves_the_grade(cli, left_out):
    whole = _assess(cli, WEAK, "制造业", "完整报表机械有限公司")
    fewer = _assess(cli, {k: v for k, v in WEAK.items() if k != left_out}, "制造业",
                    "缺项报表机械有限公司")
    assert fewer["score"] <= whole["score"]
    assert GRADES.index(fewer["grade"]) >= GRADES.index(whole["grade"])
    assert fewer["recommended_limit"] <= whole["recommended_limit"]
    missing = {m["key"] for m in fewer["missing"]}
    assert missing - {m["key"] for m in whole["missing"]}, "the omission is named"


def test_the_issue_example_no_longer_pays_off(cli):
    """The weak firm graded worse without its current liabilities than with them once."""
    whole = _assess(cli, WEAK, "制造业", "甲机械有限公司")
    fewer = _assess(cli, {k: v for k, v in WEAK.items() if k != "current-liabilities"}, "制造业",
                    "乙机械有限公司")
    assert whole["altman"]["model"] == "z_prime" and whole["altman"]["zone"] == "distress"
    assert fewer["altman"] is None                      # not computable: the worst answer
    factors = {f["key"]: f for f in fewer["factors"]}
    assert factors["current_ratio"]["points"] == 0 and factors["altman"]["points"] == 0
    assert fewer["score"] <= whole["score"]
