"""Scorecards, ratios and grades as pure functions: no database."""

from __future__ import annotations

import datetime
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from custdesk.core.grading import limits, metrics
from custdesk.core.grading.metrics import Facts, altman_zone, measure
from custdesk.core.grading.scale import GRADES, grade_for_score, notch
from custdesk.core.grading.scorecard import (MissingInputs, ScorecardError, parse, score)
from custdesk.core.grading.scorecards import copy_source, shipped
from custdesk.resources import resource

AS_OF = datetime.date(2026, 6, 30)
ENT_SOURCE = resource("scorecards", "enterprise-standard.toml").read_text(encoding="utf-8")
IND_SOURCE = resource("scorecards", "individual-standard.toml").read_text(encoding="utf-8")
ENT, IND = parse(ENT_SOURCE), parse(IND_SOURCE)


def statement(**amounts_yuan) -> dict:
    return {"period": amounts_yuan.pop("period", "2025"),
            **{k: v * 100 for k, v in amounts_yuan.items()}}


# -- Altman Z'' on every enterprise (the input of scorecards that read altman_z) -------
def test_altman_z_on_worked_numbers():
    # X1 = (400k - 200k) / 1M = 0.2; X2 = 150k / 1M = 0.15; X3 = 100k / 1M = 0.1;
    # X4 = 500k / 500k = 1.0; Z'' = 1.312 + 0.489 + 0.672 + 1.05 = 3.523.
    facts = Facts("enterprise", statements=[statement(
        total_assets=1_000_000, current_assets=400_000, current_liabilities=200_000,
        retained_earnings=150_000, ebit=100_000, equity=500_000, total_liabilities=500_000,
        revenue=2_000_000, net_profit=80_000)])
    measured = measure(facts, AS_OF)
    assert measured.inputs["altman_z"] == pytest.approx(3.523, abs=1e-12)
    assert "Z'' = 6.56×0.2000 + 3.26×0.1500 + 6.72×0.1000 + 1.05×1.0000 = 3.52" \
        in measured.traces["altman_z"]["formula"]
    assert measured.inputs["debt_ratio"] == 0.5
    assert measured.inputs["current_ratio"] == 2.0
    assert measured.inputs["net_margin"] == 0.04
    assert measured.inputs["roa"] == 0.08


def test_altman_z_distress_with_negative_retained_earnings():
    # X1 = -0.1, X2 = -0.3, X3 = -0.05, X4 = 0.25 -> -0.656 - 0.978 - 0.336 + 0.2625 = -1.7075
    facts = Facts("enterprise", statements=[statement(
        total_assets=1_000_000, current_assets=300_000, current_liabilities=400_000,
        retained_earnings=-300_000, ebit=-50_000, equity=200_000, total_liabilities=800_000)])
    z = measure(facts, AS_OF).inputs["altman_z"]
    assert z == pytest.approx(-1.7075, abs=1e-12)
    assert altman_zone(z) == "distress"


@pytest.mark.parametrize("z, zone", [(2.61, "safe"), (2.6, "grey"), (1.85, "grey"),
                                     (1.1, "grey"), (1.09, "distress"), (-5, "distress"),
                                     (2.6033, "safe"), (1.0964, "distress")])
def test_altman_zone_edges(z, zone):
    assert altman_zone(z) == zone


@pytest.mark.parametrize("zone, points", [("safe", 10), ("grey", 5), ("distress", 0)])
def test_altman_points_follow_the_zones(zone, points):
    assert ENT.factor("altman").points_for(zone)[0] == points


@pytest.mark.parametrize("amounts, problem, item", [
    ({"total_assets": 0, "current_assets": 0, "current_liabilities": 0, "retained_earnings": 0,
      "ebit": 0, "equity": 0, "total_liabilities": 0}, "metric.zero", "total_assets"),
    ({"total_assets": 1000, "current_assets": 100, "current_liabilities": 0, "retained_earnings": 0,
      "ebit": 0, "equity": 1000, "total_liabilities": 0}, "metric.zero", "total_liabilities"),
    ({"total_assets": 1000, "current_assets": 100, "current_liabilities": 50,
      "ebit": 0, "equity": 500, "total_liabilities": 500}, "metric.no_item", "retained_earnings"),
])
def test_altman_not_computable_rather_than_infinite(amounts, problem, item):
    measured = measure(Facts("enterprise", statements=[statement(**amounts)]), AS_OF)
    assert measured.inputs["altman_z"] is None
    assert measured.traces["altman_z"] == {"problem": problem, "params": {"item": item}}
    assert "无法计算" in metrics.trace_text(measured.traces["altman_z"])


def test_statement_that_does_not_add_up_is_reported_and_its_ratios_not_computed():
    facts = Facts("enterprise", statements=[statement(
        total_assets=100_000, current_assets=150_000, current_liabilities=10_000,
        total_liabilities=40_000, equity=60_000, retained_earnings=0, ebit=0)])
    measured = measure(facts, AS_OF)
    assert measured.problems[0]["problem"] == "metric.inconsistent"
    assert measured.inputs["current_ratio"] is None
    assert measured.inputs["debt_ratio"] is None      # total assets are suspect too
    assert measured.inputs["altman_z"] is None


def test_unbalanced_statement_is_reported_but_scored():
    facts = Facts("enterprise", statements=[statement(
        total_assets=100_000, total_liabilities=40_000, equity=50_000)])
    measured = measure(facts, AS_OF)
    assert [p["problem"] for p in measured.problems] == ["metric.unbalanced"]
    assert measured.inputs["debt_ratio"] == 0.4


def test_growth_needs_the_same_period_a_year_before():
    facts = Facts("enterprise", statements=[statement(period="2025", revenue=1_100_000),
                                            statement(period="2024", revenue=1_000_000),
                                            statement(period="2026-Q1", revenue=300_000)])
    measured = measure(facts, AS_OF)
    assert measured.period == "2025"           # an annual statement is preferred
    assert measured.inputs["revenue_growth"] == 0.1
    only_quarter = measure(Facts("enterprise", statements=[statement(period="2026-Q1")]), AS_OF)
    assert only_quarter.inputs["revenue_growth"] is None
    assert only_quarter.traces["revenue_growth"]["problem"] == "metric.no_previous"


def test_credit_history_counts_the_last_twelve_months_and_our_late_invoices():
    facts = Facts("enterprise", credit_records=[
        {"kind": "overdue", "occurred_on": "2025-07-01", "overdue_days": 95},   # first day of 12 months
        {"kind": "overdue", "occurred_on": "2025-06-30", "overdue_days": 200},  # a year ago: out
        {"kind": "loan", "occurred_on": "2026-01-01", "overdue_days": None}],
        transactions=[
            {"id": 1, "kind": "invoice", "ref_no": "A", "occurred_on": "2026-04-01",
             "due_date": "2026-05-01", "amount": 10_000},                      # 60 days late
            {"id": 2, "kind": "invoice", "ref_no": "B", "occurred_on": "2026-06-01",
             "due_date": "2026-07-01", "amount": 5_000}],                      # not yet due
        litigation=[{"role": "defendant", "status": "open", "amount": 30_000_00},
                    {"role": "plaintiff", "status": "open", "amount": 1},
                    {"role": "defendant", "status": "closed", "closed_on": "2026-01-01", "amount": 5}],
        complaints=[{"received_on": "2026-01-05"}, {"received_on": "2024-01-05"}])
    m = measure(facts, AS_OF)
    assert m.inputs["worst_overdue_days"] == 95
    assert m.inputs["overdue_events"] == 2
    assert m.inputs["open_litigation_count"] == 1
    assert m.inputs["open_litigation_amount"] == 30_000
    assert m.inputs["complaints_12m"] == 1
    # DSO: owed 150.00 of 150.00 sold in a year -> 365 days
    assert m.inputs["dso_days"] == 365


def test_individual_inputs():
    facts = Facts("individual", statements=[statement(period="2025", income=240_000,
                                                      expenses=180_000, assets=900_000,
                                                      liabilities=300_000)],
                  file={"id_type": "resident_id", "id_number": "11010519491231002X",
                        "employment_start": "2020-06-30", "housing": "mortgage"})
    m = measure(facts, AS_OF)
    assert m.inputs["debt_to_income"] == 1.25
    assert m.inputs["net_assets"] == 600_000
    assert m.inputs["savings_rate"] == 0.25
    assert m.inputs["employment_years"] == 6.0
    assert m.inputs["age_band"] == "65_plus"          # born 1949-12-31: 76 on 2026-06-30
    assert m.inputs["housing"] == "mortgage"
    assert m.inputs["guarantor"] is None
    assert m.bases == {"monthly_purchases": None, "equity": None,
                       "monthly_income": 2_000_000, "net_assets": 60_000_000}


@pytest.mark.parametrize("born, band", [("2001-07-01", "under_25"), ("2001-06-30", "25_34"),
                                        ("1991-07-01", "25_34"), ("1991-06-30", "35_44"),
                                        ("1961-06-30", "65_plus"), ("1961-07-01", "55_64")])
def test_age_band_edges(born, band):
    m = measure(Facts("individual", file={"birth_date": born}), AS_OF)
    assert m.inputs["age_band"] == band


def test_income_falls_back_to_twelve_monthly_incomes_only_without_a_statement():
    # A statement without its income line: no income (the monthly figure could be better).
    m = measure(Facts("individual", statements=[statement(liabilities=120_000)],
                      file={"monthly_income": 1_000_000}), AS_OF)
    assert m.inputs["debt_to_income"] is None
    # No statement: 12 × the monthly income; liabilities of the statement are unknown then.
    m = measure(Facts("individual", file={"monthly_income": 1_000_000}), AS_OF)
    assert m.bases["monthly_income"] == 1_000_000             # fen, as filed
    zero = measure(Facts("individual", statements=[statement(liabilities=1, income=0)]), AS_OF)
    assert zero.inputs["debt_to_income"] is None
    assert zero.traces["debt_to_income"]["problem"] == "metric.zero"


# -- grades -----------------------------------------------------------------------------
@pytest.mark.parametrize("grade", GRADES)
def test_every_grade_threshold_edge(grade):
    threshold = ENT.grades[grade]
    assert grade_for_score(threshold, ENT.grades) == grade
    if grade != "C":
        below = GRADES[GRADES.index(grade) + 1]
        assert grade_for_score(round(threshold - 0.1, 1), ENT.grades) == below


def test_notches_are_bounded_by_the_scale():
    assert notch("BB", 2) == "A"
    assert notch("BB", -2) == "CCC"
    assert notch("AA", 2) == "AAA"
    assert notch("CC", -2) == "C"


@pytest.mark.parametrize("card", [ENT, IND], ids=["enterprise", "individual"])
def test_every_bin_edge_of_the_default_scorecards(card):
    """An inclusive bound earns its bin's points; a strict one only just past it; and
    just on the worse side of any bound the points come from a later bin."""
    for factor in card.factors:
        bins = factor.bins
        for i, (op, bound, points) in enumerate(bins):
            towards_better = 1e-6 if op in (">=", ">") else -1e-6
            if op in (">=", "<="):
                bound_text = str(int(bound)) if bound == int(bound) else repr(bound)
                assert factor.points_for(bound) == (points, f"{'≥' if op == '>=' else '≤'} {bound_text}")
            else:
                assert factor.points_for(bound)[0] != points or i + 1 == len(bins) \
                    and factor.else_points == points
                assert factor.points_for(bound + towards_better)[0] == points
            later = [p for _o, _b, p in bins[i + 1:]] + [factor.else_points]
            assert factor.points_for(bound - towards_better)[0] in later
        for choice in factor.choices:
            assert factor.points_for(choice.value) == (choice.points, choice.value)


def test_default_scorecards_add_up_and_are_bounded():
    for card in shipped():
        assert sum(card.dimensions.values()) == 100
        assert sum(f.max_points for f in card.factors) == 100
        assert sum(f.max_points for f in card.asked_factors()) <= 15
        assert card.limits.grades["C"]["cap"] == 0


def test_missing_inputs_score_the_worst_bin_or_are_refused():
    scored = score(ENT, {"debt_ratio": 0.3})
    assert scored.incomplete
    current = next(f for f in scored.factors if f.key == "current_ratio")
    assert (current.points, current.rule) == (0, "missing")          # its "else" bin
    collateral = next(f for f in scored.factors if f.key == "collateral")
    assert collateral.points == 2                                     # its worst answer
    assert "current_ratio" in scored.missing_required
    with pytest.raises(MissingInputs) as refused:
        score(ENT, {})
    assert "资产负债率" in str(refused.value)


def test_a_perfect_file_scores_100_and_the_worst_0():
    best = {f.input: (f.choices[0].value if f.choices else
                      (1e9 if f.better == "higher" else -1e9)) for f in ENT.factors}
    assert score(ENT, best).score == 100
    assert score(ENT, best).grade == "AAA"
    worst = {f.input: (min(f.choices, key=lambda c: c.points).value if f.choices else
                       (-1e9 if f.better == "higher" else 1e9)) for f in ENT.factors}
    lowest_answers = sum(min(c.points for c in f.choices) for f in ENT.factors if f.choices)
    assert score(ENT, worst).score == lowest_answers == 2      # "unsecured" still earns 2
    assert score(ENT, worst).grade == "C"


def _inputs(card):
    """Hypothesis strategy: every input of ``card``, numbers anywhere, some missing."""
    fields = {}
    for f in card.factors:
        if f.choices:
            fields[f.input] = st.sampled_from([c.value for c in f.choices])
        elif f.missing == "refuse":
            fields[f.input] = st.floats(-10, 1e7, allow_nan=False)
        else:
            fields[f.input] = st.one_of(st.none(), st.floats(-10, 1e7, allow_nan=False))
    return st.fixed_dictionaries(fields)


@pytest.mark.parametrize("card", [ENT, IND], ids=["enterprise", "individual"])
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_score_never_falls_when_a_factor_improves(card, data):
    inputs = data.draw(_inputs(card))
    factor = data.draw(st.sampled_from([f for f in card.factors if not f.choices]))
    if inputs[factor.input] is None:
        return
    delta = data.draw(st.floats(0, 1e6, allow_nan=False))
    better = dict(inputs)
    better[factor.input] += delta if factor.better == "higher" else -delta
    before, after = score(card, inputs), score(card, better)
    assert after.score >= before.score
    assert GRADES.index(after.grade) <= GRADES.index(before.grade)


# -- scorecard checking -----------------------------------------------------------------
def test_copy_source_renames_and_parses():
    copy = parse(copy_source(ENT_SOURCE, "firm-enterprise", 3))
    assert (copy.name, copy.version) == ("firm-enterprise", 3)
    assert copy.factors == ENT.factors


@pytest.mark.parametrize("edit, message", [
    (lambda s: s.replace("solvency = 25", "solvency = 20"), "权重之和应为 100"),
    (lambda s: s.replace("{ to = 0.70, points = 4 }", "{ to = 0.70, points = 7 }"), "不单调"),
    (lambda s: s.replace("{ to = 0.55, points = 6 }", "{ to = 0.35, points = 6 }"), "不单调"),
    (lambda s: s.replace('key = "roa"', 'key = "roa"\ninput = "nonsense"'), "不是企业评分卡可用的指标"),
    (lambda s: s.replace('key = "roa"', 'key = "roa"\ninput = "housing"'), "不是企业评分卡可用的指标"),
    (lambda s: s.replace("BB = 58", "BB = 70"), "等级分数线"),
    (lambda s: s.replace('CCC = "high"', 'CCC = "severe"'), "风险"),
    (lambda s: s.replace("C = { cap = 0,", "C = { cap = 100,"), "C 级"),
    (lambda s: s.replace("max_points = 4\nchoices", "max_points = 9\nchoices", 1), "定性因子"),
    (lambda s: s + "\n[[[", "TOML"),
])
def test_broken_scorecards_are_refused_with_a_reason(edit, message):
    from custdesk.core import i18n
    i18n.set_language("zh")
    with pytest.raises(ScorecardError) as err:
        parse(edit(ENT_SOURCE))
    assert message in str(err.value)


def test_every_problem_is_listed_at_once():
    broken = ENT_SOURCE.replace("solvency = 25", "solvency = 20").replace('kind = "enterprise"',
                                                                           'kind = "robot"')
    with pytest.raises(ScorecardError) as err:
        parse(broken)
    assert len(err.value.problems) >= 2


# -- limits -----------------------------------------------------------------------------
def test_recommended_limit_is_the_lesser_rounded_down():
    rec = limits.recommend(ENT.limits, "A", {"monthly_purchases": 10_000_000, "equity": 100_000_000})
    # A: cap 2,000,000; 3 × 100,000.00 = 300,000.00; 0.2 × 1,000,000.00 = 200,000.00
    assert rec.amount == 20_000_000
    rec = limits.recommend(ENT.limits, "A", {"monthly_purchases": 12_345_678, "equity": 10**12})
    assert rec.amount == 37_000_000          # 370,370.34 rounded down to 1,000 yuan
    assert "¥370,370.34" in rec.trace
    # Equity unknown counts as ¥0: leaving the statement out never raises the limit.
    rec = limits.recommend(ENT.limits, "A", {"monthly_purchases": 12_345_678, "equity": None})
    assert rec.amount == 0 and "equity" in rec.trace
    # Purchases are optional in the shipped card: a new customer's limit rests on its equity.
    assert ENT.limits.optional == ("monthly_purchases",)
    assert limits.recommend(ENT.limits, "A", {"monthly_purchases": None,
                                              "equity": 100_000_000}).amount == 20_000_000
    assert limits.recommend(ENT.limits, "AAA", {"monthly_purchases": 10**12, "equity": 10**12}).amount \
        == 500_000_000                       # the cap
    assert limits.recommend(ENT.limits, "C", {"monthly_purchases": 10**9}).amount == 0
    assert limits.recommend(ENT.limits, "A", {}).amount == 0
    assert limits.recommend(ENT.limits, "A", {"equity": -500}).amount == 0


def test_hold_and_utilisation():
    today = datetime.date(2026, 11, 22)
    assert limits.hold_reasons(100, 101, "2027-01-01", today) == ["hold.over_limit"]
    assert limits.hold_reasons(100, 100, "2026-11-22", today) == []      # valid through today
    assert limits.hold_reasons(100, 0, "2026-10-23", today) == []      # 30 days past: grace
    assert limits.hold_reasons(100, 0, "2026-10-22", today) == ["hold.expired"]
    assert limits.hold_reasons(None, 500, None, today) == []             # unrated: no credit to hold
    assert limits.utilisation(50, 200) == 0.25
    assert limits.utilisation(5, 0) is None
    assert limits.utilisation(0, 0) == 0.0
    assert limits.utilisation(5, None) is None


def test_format_input_reads_like_a_clerk_would():
    assert metrics.format_input("debt_ratio", 0.4523) == "45.2%"
    assert metrics.format_input("open_litigation_amount", 1234.5) == "¥1,234.50"
    assert re.fullmatch(r"45 天", metrics.format_input("dso_days", 45))
    assert metrics.format_input("altman_z", None) == "—"


@pytest.mark.parametrize("key, rule, shown", [
    ("debt_ratio", "≤ 0.4", "≤ 40.0%"), ("open_litigation_amount", "≤ 1e+06", "≤ ¥1,000,000.00"),
    ("open_litigation_amount", "≤ 1000000", "≤ ¥1,000,000.00"), ("dso_days", "≤ 30", "≤ 30 天"),
    ("overdue_events", "≤ 1", "≤ 1"), ("current_ratio", "≥ 1.5", "≥ 1.50"), ("roa", "else", "else"),
])
def test_a_rule_is_shown_in_the_unit_of_its_value(key, rule, shown):
    assert metrics.format_rule(key, rule) == shown


def test_bins_are_written_without_exponents():
    points, rule = ENT.factor("open_litigation_amount").points_for(500_000)
    assert rule == "≤ 1000000" and "e+" not in rule


@settings(max_examples=300, deadline=None)
@given(grade=st.sampled_from(GRADES[:-1]),
       values=st.fixed_dictionaries({b: st.one_of(st.none(), st.integers(-10**12, 10**12))
                                     for b in ("monthly_purchases", "equity",
                                               "monthly_income", "net_assets")}),
       drop=st.sampled_from(("monthly_purchases", "equity", "monthly_income", "net_assets")))
def test_an_unknown_basis_never_raises_the_recommended_limit(grade, values, drop):
    for card in (ENT, IND):
        if drop not in card.limits.bases or drop in card.limits.optional:
            continue
        known = limits.recommend(card.limits, grade, values).amount
        left_out = limits.recommend(card.limits, grade, {**values, drop: None}).amount
        assert left_out <= known
