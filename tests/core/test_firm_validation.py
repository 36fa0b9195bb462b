"""A scorecard measured on the firm's own outcomes, re-fitted on them, approved by a second
manager, and then grading a file with every point explained."""

from __future__ import annotations

import datetime

import pytest

from custdesk.core.errors import Conflict
from custdesk.core.grading import evidence
from custdesk.core.grading.scorecards import copy_source
from tests.firm_outcomes import TODAY, at, graded_firm

pytest.importorskip("sklearn")

@pytest.fixture
def firm(open_as):
    """48 enterprises graded in February 2025, more indebted ones more often gone bad
    within the year (``tests.firm_outcomes``); a second grade for ten in 2026."""
    boss, reviewer = open_as("boss"), open_as("reviewer")
    codes = graded_firm(boss, reviewer)
    at(datetime.date(2026, 2, 2))
    for code in codes[:10]:
        made = boss.grading.assess(code).id
        boss.grading.submit(made, missing_reason="资料待补")
        reviewer.grading.approve(made)
    at(TODAY)
    # The same sessions go on in the tests: one session per person, as on a PC.
    return {"codes": codes, "boss": boss, "reviewer": reviewer}


def test_the_firms_outcomes_validate_the_card_in_use(open_as, firm):
    boss = firm["boss"]
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
    boss, manager = firm["boss"], open_as("manager")
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
        boss.grading.assess(firm["codes"][0], scorecard="firm-strict@1")   # not approved
    manager.grading.library.decide("firm-strict@1", True)


def test_refitted_on_the_firms_history_approved_then_grading(open_as, firm):
    boss, manager = firm["boss"], open_as("manager")
    history = evidence.firm_history(boss, "enterprise")
    assert history.rows == 48 and history.bads == 20
    out = evidence.build(boss, history, name="firm-fit", kind="enterprise",
                         labels=evidence.metric_labels())
    assert out["status"] == "pending" and out["champion"]["scorecard"] == "enterprise-standard@2"
    assert out["champion"]["inputs_missing"] == []          # the firm's own measures
    card = boss.grading.library.get("firm-fit@1")
    assert card.fitted and not any(f.custom for f in card.factors)
    with pytest.raises(Conflict):
        boss.grading.assess(firm["codes"][0], scorecard="firm-fit")   # before a second manager
    with pytest.raises(Conflict):
        boss.grading.library.decide("firm-fit@1", True)      # its author
    manager.grading.library.decide("firm-fit@1", True, "回测通过")
    made = boss.grading.assess(firm["codes"][-1], scorecard="firm-fit").id
    item = boss.grading.get(made)
    assert (item["scorecard_name"], item["scorecard_version"]) == ("firm-fit", 1)
    factors = item["detail"]["factors"]
    assert factors[0]["key"] == "base" and factors[0]["points"] == card.base_points
    total = sum(f["points"] for f in factors)
    assert item["score"] == pytest.approx(min(100, max(0, round(total, 1))), abs=0.051)
    # Old assessments keep pointing at the version they used.
    assert boss.grading.get(made - 1)["scorecard_name"] == "enterprise-standard"


def test_a_card_that_reads_what_the_files_do_not_record_says_so(open_as, firm, tmp_path):
    """A card fitted on a file's own columns, validated on the firm's outcomes: what no
    assessment recorded is named (it scores as missing throughout); a card that reads
    nothing the firm records is refused with the reason."""
    import csv

    from custdesk.core.grading import history as histories
    from custdesk.core.grading.history import HistoryError
    from tests import histories as synthetic
    boss = firm["boss"]
    path = synthetic.write(tmp_path / "h.csv", 600)
    evidence.build(boss, histories.read(path, "违约"), name="file-fit", kind="enterprise")
    card = boss.grading.library.get("file-fit@1")
    assert "debt_ratio" in {f.input for f in card.factors}     # one of the firm's measures
    result = evidence.validate_firm(boss, "file-fit@1")
    assert result["inputs_missing"] == sorted({f.input for f in card.factors} - {"debt_ratio"})
    # Without the debt ratio, the file's card reads nothing the firm records.
    with open(path, encoding="utf-8") as handle:
        rows = [row[:4] + row[5:] for row in csv.reader(handle)]
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    evidence.build(boss, histories.read(path, "违约"), name="own-only", kind="enterprise")
    with pytest.raises(HistoryError, match="own-only@1"):
        evidence.validate_firm(boss, "own-only@1")
    # The firm's own card reads what its assessments recorded.
    assert evidence.validate_firm(boss, "enterprise-standard@2")["inputs_missing"] == []
