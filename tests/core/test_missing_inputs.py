"""Leaving an input out never helps: for random files, removing any single statement line,
file field or answer (or a person's whole statement) never raises the score, the grade or
the recommended limit with the shipped scorecards."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from custdesk.core.grading import limits
from custdesk.core.grading.metrics import Facts, measure
from custdesk.core.grading.scale import GRADES
from custdesk.core.grading.scorecard import MissingInputs, parse, score
from custdesk.resources import resource

AS_OF = datetime.date(2026, 6, 30)
ENT = parse(resource("scorecards", "enterprise-standard.toml").read_text(encoding="utf-8"))
IND = parse(resource("scorecards", "individual-standard.toml").read_text(encoding="utf-8"))
INDUSTRIES = ("制造业", "C3311 金属结构制造", "批发零售", "软件和信息技术服务", "农副产品加工", "")

money = st.integers(0, 10**11)                       # fen
signed = st.integers(-10**10, 10**10)


@st.composite
def enterprise(draw) -> tuple[Facts, dict]:
    """A statement that passes entry checks (parts within their totals), a year before,
    some invoices, a founding date, an industry, answers and perhaps a listing."""
    ta = draw(st.integers(1, 10**11))
    tl = draw(st.integers(0, 10**11))
    latest = {"period": "2025", "total_assets": ta, "total_liabilities": tl,
              "current_assets": draw(st.integers(0, ta)), "current_liabilities": draw(
                  st.integers(0, tl)), "equity": draw(signed), "retained_earnings": draw(signed),
              "ebit": draw(signed), "net_profit": draw(signed), "revenue": draw(money)}
    statements = [latest, {"period": "2024", "revenue": draw(money)}]
    invoices = [{"kind": "invoice", "occurred_on": f"2026-0{m}-10", "due_date": f"2026-0{m + 1}-10",
                 "amount": draw(st.integers(1, 10**9))} for m in range(1, draw(st.integers(0, 5)))]
    file = {"industry": draw(st.sampled_from(INDUSTRIES)),
            "founding_date": draw(st.sampled_from(["2001-03-01", "2019-08-15", "2025-12-01"]))}
    answers = {f.input: draw(st.sampled_from([c.value for c in f.choices]))
               for f in ENT.asked_factors() if draw(st.booleans())}
    if draw(st.booleans()):
        answers.update(listed="yes", market_equity=draw(st.integers(1, 10**11)))
    return Facts("enterprise", statements=statements, transactions=invoices, file=file), answers


@st.composite
def individual(draw) -> tuple[Facts, dict]:
    statement = {"period": "2025", "income": draw(money), "expenses": draw(money),
                 "assets": draw(money), "liabilities": draw(money)}
    file = {"employment_start": draw(st.sampled_from(["2008-01-01", "2023-05-01"])),
            "housing": draw(st.sampled_from(["own", "mortgage", "rent", "family", "other"])),
            "monthly_income": draw(st.integers(0, 10**8)),
            "birth_date": draw(st.sampled_from(["1960-01-01", "1985-07-01", "2003-02-01"]))}
    answers = {"guarantor": draw(st.sampled_from([c.value for c in IND.factor("guarantor").choices]))}
    return Facts("individual", statements=[statement], file=file), answers


def graded(card, facts: Facts, answers: dict) -> tuple[float, int, int]:
    """(score, grade index from the best, recommended limit in fen) — no grade at all
    (refused) is the worst outcome."""
    measured = measure(facts, AS_OF, answers)
    try:
        scored = score(card, measured.inputs)
    except MissingInputs:
        return -1.0, len(GRADES), 0
    limit = limits.recommend(card.limits, scored.grade, measured.bases).amount
    return scored.score, GRADES.index(scored.grade), limit


def omissions(facts: Facts, answers: dict):
    """Every way to leave out one input: a statement line, a file field, an answer. Whether
    the firm is listed is a stated fact with a default (not listed), not an input."""
    for i, statement in enumerate(facts.statements):
        for key in statement:
            if key != "period":
                statements = [dict(s) for s in facts.statements]
                del statements[i][key]
                yield f"{statement['period']}.{key}", Facts(
                    facts.kind, statements=statements, transactions=facts.transactions,
                    file=facts.file), answers
    if facts.kind == "individual" and facts.statements:
        yield "statement", Facts(facts.kind, statements=[], transactions=facts.transactions,
                                 file=facts.file), answers
    for key in facts.file:
        yield f"file.{key}", Facts(facts.kind, statements=facts.statements,
                                   transactions=facts.transactions,
                                   file={k: v for k, v in facts.file.items() if k != key}), answers
    for key in answers:
        if key != "listed":
            yield f"answer.{key}", facts, {k: v for k, v in answers.items() if k != key}


@pytest.mark.parametrize("card, files", [(ENT, enterprise()), (IND, individual())],
                         ids=["enterprise", "individual"])
@settings(max_examples=250, deadline=None)
@given(data=st.data())
def test_leaving_out_one_input_never_improves_the_grade(card, files, data):
    facts, answers = data.draw(files)
    full_score, full_grade, full_limit = graded(card, facts, answers)
    for what, fewer, fewer_answers in omissions(facts, answers):
        less_score, less_grade, less_limit = graded(card, fewer, fewer_answers)
        assert less_score <= full_score, what
        assert less_grade >= full_grade, what
        assert less_limit <= full_limit, what


def test_a_missing_input_scores_no_better_than_its_worst_bin():
    for card in (ENT, IND):
        for factor in card.factors:
            if factor.missing == "refuse":
                continue
            bins = [p for _op, _b, p in factor.bins] + [factor.else_points] if factor.bins \
                else [c.points for c in factor.choices]
            assert factor.missing_score <= min(bins), factor.key


def test_a_factor_may_declare_points_for_a_missing_input():
    source = resource("scorecards", "enterprise-standard.toml").read_text(encoding="utf-8")
    lenient = parse(source.replace('key = "current_ratio"',
                                   'key = "current_ratio"\nmissing = "points"\nmissing_points = 3'))
    factor = lenient.factor("current_ratio")
    assert factor.missing_score == 3 and not factor.required
    scored = score(lenient, {"debt_ratio": 0.3})
    assert "current_ratio" in scored.missing and "current_ratio" not in scored.missing_required
    line = next(f for f in scored.factors if f.key == "current_ratio")
    assert line.points == 3
    with pytest.raises(Exception, match="missing_points"):
        parse(source.replace('key = "current_ratio"', 'key = "current_ratio"\nmissing = "points"'))


def test_older_neutral_scorecards_now_score_the_worst_bin():
    source = resource("scorecards", "enterprise-standard.toml").read_text(encoding="utf-8")
    older = parse(source.replace('key = "current_ratio"',
                                 'key = "current_ratio"\nmissing = "neutral"\nneutral_points = 3'))
    line = next(f for f in score(older, {"debt_ratio": 0.3}).factors if f.key == "current_ratio")
    assert line.points == 0 and line.required
