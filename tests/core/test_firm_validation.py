"""A scorecard measured on the firm's own outcomes, re-fitted on them, approved by a second
manager, and then grading a file with every point explained."""

from __future__ import annotations

import datetime

import pytest

from custdesk.core import clock
from custdesk.core.errors import Conflict
from custdesk.core.grading import evidence
from custdesk.core.grading.scorecards import copy_source

pytest.importorskip("sklearn")

GRADED_ON = datetime.date(2025, 2, 3)
TODAY = datetime.date(2026, 8, 31)


def at(day: datetime.date) -> None:
    clock.set_fixed(datetime.datetime.combine(day, datetime.time(10),
                                              tzinfo=datetime.timezone.utc))


@pytest.fixture
def firm(open_as):
    """48 enterprises graded in February 2025, more indebted ones more often gone bad
    within the year; a second grade for some in 2026."""
    at(GRADED_ON)
    boss, reviewer = open_as("boss"), open_as("reviewer")
    codes = []
    for i in range(48):
        debt = 1_000_000 + i * 140_000                       # debt ratio 12.5 % .. 95 %
        code = boss.customers.add({"name": f"杭州测试{i:02d}有限公司", "kind": "enterprise",
                                   "founding_date": "2010-05-01"}).code
        boss.records.add(code, "financials", {
            "period": "2024", "revenue": str(5_000_000 + i * 37_000),
            "net_profit": str(600_000 - i * 15_000), "ebit": str(700_000 - i * 12_000),
            "total_assets": "8000000", "current_assets": "3000000",
            "total_liabilities": str(debt), "current_liabilities": str(debt // 2),
            "equity": str(8_000_000 - debt), "retained_earnings": "1500000"})
        made = boss.grading.assess(code).id
        boss.grading.submit(made, missing_reason="资料待补")
        reviewer.grading.approve(made)
        codes.append(code)
    for i, code in enumerate(codes):
        # The truth: the more indebted half goes bad more often (not always).
        if (i >= 24 and i % 4 != 0) or i in (3, 11):
            at(GRADED_ON + datetime.timedelta(days=210 + 3 * i))     # within the year after
            boss.records.add(code, "outcomes", {"kind": "write_off",
                                                "occurred_on": clock.today().isoformat()})
    at(datetime.date(2026, 2, 2))
    for code in codes[:10]:
        made = boss.grading.assess(code).id
        boss.grading.submit(made, missing_reason="资料待补")
        reviewer.grading.approve(made)
    at(TODAY)
    return codes


def test_the_firms_outcomes_validate_the_card_in_use(open_as, firm):
    boss = open_as("boss")
    result = evidence.validate_firm(boss, kind="enterprise")
    assert result["scorecard"] == "enterprise-standard@2"
    assert result["n"] == 48 and result["bad"] == 20 and result["window_months"] == 12
    assert result["auc"] > 0.7                              # debt ratio is on the card
    assert result["graded_with_this_version"] == 48 and result["not_scored"] == 0
    assert sum(v["count"] for v in result["bad_rate_by_grade"].values()) == 48
    assert result["psi"] is not None and result["psi_periods"] == {"before": 48, "recent": 10}
    migration = result["migration"]
    assert migration["total"] == 48 - migration["left_out"]["already_bad"]
    assert sum(row["bad"] for row in migration["rows"].values()) > 0
    # A clerk cleared to 内部 counts the same files (all are 内部 here).
    assert evidence.validate_firm(open_as("clerk"), kind="enterprise")["n"] == 48


def test_another_version_is_scored_from_the_recorded_inputs(open_as, firm):
    boss, manager = open_as("boss"), open_as("manager")
    source = boss.grading.library.get("enterprise-standard").source
    strict = copy_source(source, "firm-strict").replace("AAA = 90\n", "AAA = 99\n") \
        .replace("AA = 82\n", "AA = 98\n")
    boss.grading.library.save(strict)
    result = evidence.validate_firm(boss, "firm-strict@1")   # a draft may be measured
    assert result["n"] == 48 and result["graded_with_this_version"] == 0
    standard = evidence.validate_firm(boss, "enterprise-standard@2")
    assert result["auc"] == standard["auc"]                 # same points, other thresholds
    assert "AA" not in result["bad_rate_by_grade"] or \
        result["bad_rate_by_grade"]["AA"]["count"] <= standard["bad_rate_by_grade"].get(
            "AA", {"count": 0})["count"]
    with pytest.raises(Conflict):
        boss.grading.assess(firm[0], scorecard="firm-strict@1")   # not approved
    manager.grading.library.decide("firm-strict@1", True)


def test_refitted_on_the_firms_history_approved_then_grading(open_as, firm):
    boss, manager = open_as("boss"), open_as("manager")
    history = evidence.firm_history(boss, "enterprise")
    assert history.rows == 48 and history.bads == 20
    out = evidence.build(boss, history, name="firm-fit", kind="enterprise",
                         labels=evidence.metric_labels())
    assert out["status"] == "pending" and out["champion"]["scorecard"] == "enterprise-standard@2"
    assert out["champion"]["inputs_missing"] == []          # the firm's own measures
    card = boss.grading.library.get("firm-fit@1")
    assert card.fitted and not any(f.custom for f in card.factors)
    with pytest.raises(Conflict):
        boss.grading.assess(firm[0], scorecard="firm-fit")   # before a second manager
    with pytest.raises(Conflict):
        boss.grading.library.decide("firm-fit@1", True)      # its author
    manager.grading.library.decide("firm-fit@1", True, "回测通过")
    made = boss.grading.assess(firm[-1], scorecard="firm-fit").id
    item = boss.grading.get(made)
    assert (item["scorecard_name"], item["scorecard_version"]) == ("firm-fit", 1)
    factors = item["detail"]["factors"]
    assert factors[0]["key"] == "base" and factors[0]["points"] == card.base_points
    total = sum(f["points"] for f in factors)
    assert item["score"] == pytest.approx(min(100, max(0, round(total, 1))), abs=0.051)
    # Old assessments keep pointing at the version they used.
    assert boss.grading.get(made - 1)["scorecard_name"] == "enterprise-standard"
