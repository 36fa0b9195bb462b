"""Validation figures against reference implementations, and fitted scorecards on
histories with a known truth: out of sample, explained point by point, four eyes."""

from __future__ import annotations

import math
import random

import pytest
from hypothesis import given, settings, strategies as st

from custdesk.core.errors import Conflict
from custdesk.core import i18n
from custdesk.core.grading import backtest, fitting, history as histories
from custdesk.core.grading.scale import GRADES
from custdesk.core.grading.scorecard import parse, score
from tests import histories as synthetic

sklearn_metrics = pytest.importorskip("sklearn.metrics")
scipy_stats = pytest.importorskip("scipy.stats")

OUTCOME = "违约"


# -- the figures, against scikit-learn and SciPy ------------------------------------------------
@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.booleans()), min_size=2, max_size=300))
def test_auc_and_ks_agree_with_the_references_ties_included(pairs):
    scores = [float(s) for s, _b in pairs]
    bad = [int(b) for _s, b in pairs]
    if len(set(bad)) < 2:
        with pytest.raises(backtest.BacktestError):
            backtest.auc(scores, bad)
        return
    # A good scores high: the reference ranks "bad" by the negated score.
    expected = sklearn_metrics.roc_auc_score(bad, [-s for s in scores])
    assert backtest.auc(scores, bad) == pytest.approx(expected, abs=1e-12)
    goods = [s for s, b in zip(scores, bad) if not b]
    bads = [s for s, b in zip(scores, bad) if b]
    assert backtest.ks(scores, bad) == pytest.approx(scipy_stats.ks_2samp(goods, bads).statistic,
                                                     abs=1e-12)


def test_wilson_interval_and_psi_by_hand():
    low, high = backtest.wilson(0, 10)
    assert low == 0 and high == pytest.approx(0.2775, abs=1e-4)
    low, high = backtest.wilson(5, 10)
    assert (low, high) == (pytest.approx(0.2366, abs=1e-4), pytest.approx(0.7634, abs=1e-4))
    same = {"A": 10, "BB": 30, "C": 60}
    assert backtest.psi(same, dict(same)) == 0
    # 50/50 against 25/75: (0.25-0.5) ln(0.5) + (0.75-0.5) ln(1.5)
    value = backtest.psi({"A": 50, "B": 50}, {"A": 25, "B": 75})
    assert value == pytest.approx(-0.25 * math.log(0.5) + 0.25 * math.log(1.5))
    assert backtest.psi_label(0.05) != backtest.psi_label(0.3)


def test_out_of_order_grades_are_flagged_only_with_enough_rows():
    grades = {"A": {"n": 40, "rate": 0.10}, "BBB": {"n": 40, "rate": 0.05},
              "BB": {"n": 5, "rate": 0.0}, "B": {"n": 40, "rate": 0.2}}
    assert backtest.out_of_order(grades) == ["BBB"]


# -- reading a history ----------------------------------------------------------------------------
def test_history_reads_outcomes_types_dates_and_leaves_out_what_cannot_describe(tmp_path):
    data = histories.read(synthetic.write(tmp_path / "h.csv", 600), OUTCOME)
    assert data.rows == 600 and 0 < data.bads < 600
    types = {c.key: c.type for c in data.columns}
    assert types["monthly_income"] == "number" and types["渠道"] == "category"
    assert set(data.skipped) == {"申请编号", "constant", "申请日期"}   # id, constant, the date
    assert data.dates and data.dates[0].isoformat() == "2022-01-01"
    income = data.column("monthly_income").values
    assert any(v is None for v in income) and max(v for v in income if v) > 1000  # "12,194"


def test_the_bad_value_must_be_said_when_it_cannot_be_read_off():
    rows = [["1", "x"], ["2", "y"]] * 20
    with pytest.raises(histories.HistoryError, match="--bad"):
        histories.from_table(["v", "status"], rows, "status")
    with pytest.raises(histories.HistoryError, match="z"):
        histories.from_table(["v", "status"], rows, "status", "z")
    data = histories.from_table(["v", "status"], rows, "status", "y")
    assert data.bads == 20
    with pytest.raises(histories.HistoryError, match="status2"):
        histories.from_table(["v", "status"], rows, "status2", "y")


def test_an_xlsx_history_reads_like_its_csv(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(synthetic.HEADERS)
    for row in synthetic.rows(300):
        sheet.append(row)
    book.save(tmp_path / "h.xlsx")
    from_xlsx = histories.read(tmp_path / "h.xlsx", OUTCOME)
    from_csv = histories.read(synthetic.write(tmp_path / "h.csv", 300), OUTCOME)
    assert from_xlsx.bad == from_csv.bad
    assert [c.key for c in from_xlsx.columns] == [c.key for c in from_csv.columns]


# -- fitting ----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def fitted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fit")
    train = histories.read(synthetic.write(folder / "train.csv", 6000, seed=1), OUTCOME)
    held = histories.read(synthetic.write(folder / "held.csv", 3000, seed=2), OUTCOME)
    source = (folder / "limits.toml")
    from custdesk.core.grading.scorecards import shipped
    limits = fitting.limits_table(next(c for c in shipped() if c.kind == "individual").source)
    built = fitting.build(train, name="fit-test", version=1, kind="individual",
                          limits_source=limits)
    source.write_text(built.source, encoding="utf-8")
    return built, parse(built.source), train, held


def _reference_auc(train, held) -> float:
    """scikit-learn's logistic regression on the same characteristics: numbers as they are
    (a missing one at the median, with a flag), categories one-hot."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    def matrix(data, reference):
        out = []
        for c in reference.columns:
            values = data.column(c.key).values
            if c.type == "number":
                present = sorted(v for v in c.values if v is not None)
                median = present[len(present) // 2]
                out.append([median if v is None else v for v in values])
                out.append([1.0 if v is None else 0.0 for v in values])
            else:
                for level in sorted({v for v in c.values if v is not None}):
                    out.append([1.0 if v == level else 0.0 for v in values])
        return np.array(out).T

    scaler = StandardScaler().fit(matrix(train, train))
    model = LogisticRegression(max_iter=2000).fit(scaler.transform(matrix(train, train)), train.bad)
    risk = model.predict_proba(scaler.transform(matrix(held, train)))[:, 1]
    return sklearn_metrics.roc_auc_score(held.bad, risk)


def test_a_fitted_card_ranks_held_out_rows_as_well_as_a_regression(fitted):
    built, card, train, held = fitted
    result = backtest.validate_history(card, held)
    assert result["n"] == 3000 and result["inputs_missing"] == []
    assert abs(result["auc"] - _reference_auc(train, held)) < 0.02
    assert abs(built.cv["auc"] - result["auc"]) < 0.03          # cross-validation told the truth
    # Grades with enough rows order risk, and say about what they bore out.
    grades = result["bad_rate_by_grade"]
    assert result["out_of_order"] == [] and len([g for g in grades if grades[g]["n"] >= 20]) >= 3
    for item in grades.values():
        if item["n"] >= 200:
            assert item["ci_low"] - 0.03 <= item["expected"] <= item["ci_high"] + 0.03
    assert built.later and built.later["rows"] == 1200        # the latest fifth, by date


def test_what_cannot_help_is_left_out_with_its_reason(fitted):
    built, card, _train, _held = fitted
    inputs = {f.input for f in card.factors}
    assert {"monthly_income", "debt_ratio", "渠道", "housing", "age"} <= inputs
    assert "loan_purpose" not in inputs                         # pure noise in the truth
    assert "loan_purpose" in built.model.skipped


def test_every_point_is_explained_and_bins_are_monotone(fitted):
    _built, card, _train, held = fitted
    assert card.fitted and card.scaling == fitting.SCALE
    rows, _lacking = backtest.history_inputs(card, held)
    for inputs in rows[:300]:
        result = score(card, inputs)
        total = card.base_points + sum(f.points for f in result.factors)
        assert result.score == pytest.approx(min(100.0, max(0.0, round(total, 1))), abs=0.051)
        assert result.grade == next(g for g in GRADES if g in card.grades
                                    and result.score >= card.grades[g])
    for factor in card.factors:
        points = [p for _op, _b, p in factor.bins] + [factor.else_points]
        if not factor.is_category:
            assert points == sorted(points, reverse=True)      # best bin first
        worst = factor.worst_points
        assert worst == 0
        # A gap scores the worst bin unless the card says otherwise, with its evidence.
        assert factor.missing in ("worst", "points")
        if factor.missing == "points":
            assert f"{factor.input}" in card.source and "rows missing" in card.source
            assert "行缺失" in card.source
    # A value of one of custdesk's own choices reads as the window names it; a file's own
    # category (渠道) by its own name.
    housing = next(f for f in card.factors if f.input == "housing")
    with i18n.using("zh"):
        assert housing.choice("mortgage").label == "按揭购房"
    with i18n.using("en"):
        assert housing.choice("mortgage").label == "Mortgaged home"
    channel = next(f for f in card.factors if f.input == "渠道")
    assert {c.label for c in channel.choices} == {"门店", "网上", "转介绍"}
    # The card's text explains itself to a reader of either language.
    comments = [line for line in card.source.splitlines() if line.startswith("# ")]
    assert "# 分值：好坏比为 20 比 1 时为 50 分；每多 10 分，好坏比翻一倍。" in comments
    assert "# Points: 50 at odds of 20 good to 1 bad; every 10 points double the odds." in comments
    assert any(c.startswith("# 由 custdesk 依据") for c in comments)


def test_scores_mean_the_same_odds_in_every_fitted_card():
    thresholds = fitting.grade_thresholds()
    assert list(thresholds) == list(GRADES) and thresholds["C"] == 0
    assert fitting.score_at(1 / 21) == pytest.approx(50)                 # odds 20:1
    assert fitting.score_at(1 / 41) - fitting.score_at(1 / 21) == pytest.approx(10, abs=0.01)


def test_grades_the_history_cannot_tell_apart_are_joined():
    rng = random.Random(3)
    scores = [rng.uniform(0, 100) for _ in range(400)]
    bad = [int(rng.random() < 0.2) for _ in scores]           # scores say nothing
    grades = fitting.grade_groups(scores, bad, lambda s: 0.15)
    assert list(grades) == ["CCC"] and grades["CCC"] == 0     # one group, named by its risk


# -- on a database: saved for approval, graded only after it -------------------------------------
def test_a_built_version_waits_for_a_second_manager(open_as, fitted, tmp_path):
    from custdesk.core.grading import evidence
    boss = open_as("boss")
    _built, _card, train, _held = fitted
    out = evidence.build(boss, train, name="fit-test", kind="individual")
    assert (out["version"], out["status"]) == (1, "pending")
    assert out["champion"]["scorecard"] == "individual-standard@2"
    assert out["cross_validation"]["folds"] == 5 and out["characteristics"][0]["iv"] > 0.02
    with pytest.raises(Conflict):
        boss.grading.library.decide("fit-test@1", True)        # its author
    open_as("manager").grading.library.decide("fit-test@1", True)
    # It reads columns custdesk does not hold: it is validated, never grades a customer.
    with pytest.raises(Conflict, match="渠道"):
        boss.grading.library.for_grading("fit-test@1")
    listed = {c["name"]: c for c in boss.grading.library.list()}
    assert listed["fit-test"]["status"] == "approved" and listed["fit-test"]["in_use"] is None


def test_outcome_values_match_as_numbers_and_row_numbers_are_not_characteristics():
    rows = [[str(i), f"{i % 7}", "1.0" if i % 4 == 0 else "0.0"] for i in range(1, 201)]
    data = histories.from_table(["", "编号", "default"], [[str(i)] + r[1:] for i, r in
                                                         enumerate(rows, 1)], "default", "1")
    assert data.bads == 50
    ids = histories.from_table(["row", "x", "default"], rows, "default", "1")
    assert "row" in ids.skipped and ids.column("x") is not None


def test_the_quick_score_of_a_validation_is_the_scores_own(fitted):
    from custdesk.core.grading.scorecard import score_only
    from custdesk.core.grading.scorecards import shipped
    _built, card, _train, held = fitted
    rows, _lacking = backtest.history_inputs(card, held)
    for inputs in rows:
        full = score(card, inputs)
        assert score_only(card, inputs) == (full.score, full.grade)
    rng = random.Random(5)
    for expert in shipped():
        for _ in range(300):
            inputs = {f.input: (rng.choice([c.value for c in f.choices] + [None, "?"])
                                if f.is_category else rng.choice([None, rng.uniform(-1, 3),
                                                                  rng.uniform(0, 400)]))
                      for f in expert.factors}
            try:
                full = score(expert, inputs)
            except Exception as exc:
                with pytest.raises(type(exc)):
                    score_only(expert, inputs)
                continue
            assert score_only(expert, inputs) == (full.score, full.grade)


def test_the_curve_has_a_point_at_each_run_of_tied_scores():
    scores = [float(s) for s in range(10) for _ in range(30)]            # 10 scores, tied
    bad = [int(i % 3 == 0 and i < 150) for i in range(300)]
    points = backtest.curve(scores, bad, points=50)
    assert len(points) == 11 and points[-1]["bad"] == 1.0 and points[-1]["good"] == 1.0
    assert all(a["bad"] <= b["bad"] and a["good"] <= b["good"] for a, b in zip(points, points[1:]))


def test_a_fitted_card_may_weigh_answered_factors_as_its_outcomes_did():
    """The 15-point cap on answered factors is for an expert's weights; a fitted card's
    guarantor weighs what the firm's outcomes gave it."""
    from custdesk.core.grading.scorecards import shipped
    limits = fitting.limits_table(next(c for c in shipped() if c.kind == "individual").source)
    text = "\n".join([
        'name = "fit"', "version = 1", 'kind = "individual"', 'method = "fitted"',
        "valid_months = 12", "base_points = 10",
        "[scaling]", "pdo = 10", "anchor_score = 50", "anchor_odds = 20",
        "[grades]", "B = 40", "C = 0",
        "[risk_levels]", *(f'{g} = "high"' for g in GRADES),
        "[[factors]]", 'key = "guarantor"', "max_points = 30",
        'choices = [{ value = "strong", points = 30 }, { value = "none", points = 0 }]',
        "", limits])
    card = parse(text)
    assert card.factor("guarantor").asked and score(card, {"guarantor": "strong"}).score == 40
