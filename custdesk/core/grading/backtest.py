"""How well a scorecard version ranked what happened (回测): pure Python, no extra packages.

- **AUC** (the chance that a good scores above a bad, ties counting half) and **Gini**
  (2·AUC − 1); **KS**, the widest gap between the score distributions of goods and bads.
- **Bad rate by grade** with its count and a 95 % Wilson interval; a grade with at least
  ``MIN_GRADE_ROWS`` rows whose bad rate is below that of a better such grade is flagged
  (the grades do not order risk there).
- **Expected against observed**: a fitted card's scores stand for bad rates
  (``Scorecard.bad_probability``); an expert card's do not, so it has none.
- **PSI** (population stability) between two populations, by grade:
  Σ (a − e) · ln(a / e) over the grades' shares (an empty grade counts as 0.01 %).
  Below 0.10 stable, to 0.25 shifting, above that a different population.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .. import i18n
from ..errors import CustdeskError
from .scale import GRADES
from .scorecard import MissingInputs, Scorecard, score

i18n.register({
    "backtest.no_rows": ("没有可评分的行", "no row could be scored"),
    "backtest.one_class": ("样本中只有{what}，无法计算区分度",
                           "the rows hold only {what}; nothing to rank"),
    "backtest.goods": ("好客户", "goods"),
    "backtest.bads": ("不良客户", "bads"),
    "backtest.psi.stable": ("稳定", "stable"),
    "backtest.psi.shift": ("有所变化", "shifting"),
    "backtest.psi.changed": ("显著变化", "a different population"),
})

MIN_GRADE_ROWS = 20
Z95 = 1.959964


class BacktestError(CustdeskError):
    pass


def auc(scores: list[float], bad: list[int]) -> float:
    """P(a good scores higher than a bad), ties half (Mann–Whitney), O(n log n)."""
    pairs = sorted(zip(scores, bad))
    n_bad = sum(bad)
    n_good = len(bad) - n_bad
    if not n_bad or not n_good:
        what = i18n.tr("backtest.goods") if not n_bad else i18n.tr("backtest.bads")
        raise BacktestError(i18n.tr("backtest.one_class", what=what))
    # Sum of the goods' mid-ranks.
    rank_sum, i = 0.0, 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        mid = (i + 1 + j) / 2
        rank_sum += mid * sum(1 for k in range(i, j) if not pairs[k][1])
        i = j
    return (rank_sum - n_good * (n_good + 1) / 2) / (n_good * n_bad)


def ks(scores: list[float], bad: list[int]) -> float:
    """max |F_bad(s) − F_good(s)| over score thresholds."""
    n_bad = sum(bad)
    n_good = len(bad) - n_bad
    if not n_bad or not n_good:
        return 0.0
    pairs = sorted(zip(scores, bad))
    best = cum_bad = cum_good = 0
    i = 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            cum_bad += pairs[j][1]
            cum_good += 1 - pairs[j][1]
            j += 1
        best = max(best, abs(cum_bad / n_bad - cum_good / n_good))
        i = j
    return best


def wilson(bad: int, n: int) -> tuple[float, float]:
    if not n:
        return 0.0, 1.0
    p = bad / n
    denominator = 1 + Z95 ** 2 / n
    centre = (p + Z95 ** 2 / (2 * n)) / denominator
    half = Z95 * math.sqrt(p * (1 - p) / n + Z95 ** 2 / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def psi(expected: dict[str, int], actual: dict[str, int]) -> float:
    """Population stability between two counts by grade (or any bucket)."""
    keys = [g for g in GRADES if g in expected or g in actual] + \
        [k for k in {**expected, **actual} if k not in GRADES]
    e_total = sum(expected.values()) or 1
    a_total = sum(actual.values()) or 1
    out = 0.0
    for k in keys:
        e = max(expected.get(k, 0) / e_total, 0.0001)
        a = max(actual.get(k, 0) / a_total, 0.0001)
        out += (a - e) * math.log(a / e)
    return out


def psi_label(value: float) -> str:
    key = "stable" if value < 0.10 else "shift" if value <= 0.25 else "changed"
    return i18n.tr(f"backtest.psi.{key}")


@dataclass
class Scored:
    """One row scored by a card: score, grade, bad (1/0)."""
    score: float
    grade: str
    bad: int
    expected: float | None = None


def score_rows(card: Scorecard, rows: list[dict], bad: list[int]) -> tuple[list[Scored], int]:
    """Score each row's inputs; a row a "refuse" factor cannot score is counted apart."""
    out, refused = [], 0
    for inputs, flag in zip(rows, bad):
        try:
            result = score(card, inputs)
        except MissingInputs:
            refused += 1
            continue
        out.append(Scored(result.score, result.grade, flag, card.bad_probability(result.score)))
    return out, refused


def by_grade(rows: list[Scored]) -> dict:
    """grade -> n, bad, rate, interval, expected (fitted cards), in scale order."""
    out = {}
    for grade in GRADES:
        mine = [r for r in rows if r.grade == grade]
        if not mine:
            continue
        bad = sum(r.bad for r in mine)
        low, high = wilson(bad, len(mine))
        expected = [r.expected for r in mine if r.expected is not None]
        out[grade] = {"n": len(mine), "count": len(mine), "bad": bad,
                      "rate": round(bad / len(mine), 4),
                      "ci_low": round(low, 4), "ci_high": round(high, 4),
                      "expected": round(sum(expected) / len(expected), 4) if expected else None}
    return out


def out_of_order(grades: dict, minimum: int = MIN_GRADE_ROWS) -> list[str]:
    """Grades (with at least ``minimum`` rows) whose bad rate is below that of a better
    grade with at least as many: where the scale does not order risk."""
    flagged, worst_so_far = [], -1.0
    for grade in GRADES:
        item = grades.get(grade)
        if item is None or item["n"] < minimum:
            continue
        if item["rate"] < worst_so_far:
            flagged.append(grade)
        worst_so_far = max(worst_so_far, item["rate"])
    return flagged


def curve(scores: list[float], bad: list[int], points: int = 50) -> list[dict]:
    """The cumulative shares of bads and goods from the lowest score up (the ROC and KS
    curves), at most ``points`` + 1 steps: [{"score", "bad", "good"}, ...] from (0, 0)."""
    n_bad = sum(bad) or 1
    n_good = (len(bad) - sum(bad)) or 1
    pairs = sorted(zip(scores, bad))
    step = max(1, len(pairs) // points)
    out = [{"score": None, "bad": 0.0, "good": 0.0}]
    cum_bad = cum_good = since = 0
    for i, (s, b) in enumerate(pairs):
        cum_bad += b
        cum_good += 1 - b
        since += 1
        last = i == len(pairs) - 1
        # A point at the end of each run of equal scores once ``step`` rows have passed:
        # tied scores (every row of a grade alike) still give a curve, not a diagonal.
        if last or (since >= step and pairs[i + 1][0] != s):
            out.append({"score": s, "bad": round(cum_bad / n_bad, 4),
                        "good": round(cum_good / n_good, 4)})
            since = 0
    return out


def summary(rows: list[Scored], refused: int = 0) -> dict:
    """Every figure of a validation over scored rows."""
    if not rows:
        raise BacktestError(i18n.tr("backtest.no_rows"))
    scores = [r.score for r in rows]
    bad = [r.bad for r in rows]
    a = auc(scores, bad)
    grades = by_grade(rows)
    expected = [r.expected for r in rows if r.expected is not None]
    return {"n": len(rows), "bad": sum(bad), "bad_rate": round(sum(bad) / len(rows), 4),
            "auc": round(a, 4), "gini": round(2 * a - 1, 4), "ks": round(ks(scores, bad), 4),
            "bad_rate_by_grade": grades, "out_of_order": out_of_order(grades),
            "expected_bad_rate": round(sum(expected) / len(expected), 4) if expected else None,
            "refused": refused, "curve": curve(scores, bad)}


def grade_counts(rows: list[Scored]) -> dict[str, int]:
    out: dict[str, int] = {}
    for r in rows:
        out[r.grade] = out.get(r.grade, 0) + 1
    return out


def history_inputs(card: Scorecard, history) -> tuple[list[dict], list[str]]:
    """Each row of a history as the card's inputs, and the inputs the file lacks.

    A factor reads the column named as its input, or as the input's label in either
    language (an expert card's ``debt_ratio`` from a column "资产负债率")."""
    from .history import number
    from .metrics import METRICS
    by_name = {c.key.strip().lower(): c for c in history.columns}
    found, lacking = {}, []
    for factor in card.factors:
        metric = METRICS.get(factor.input)
        names = [factor.input] + ([metric.zh, metric.en] if metric else [])
        column = next((by_name[n.strip().lower()] for n in names if n.strip().lower() in by_name),
                      None)
        if column is None:
            lacking.append(factor.input)
        else:
            found[factor.input] = (column, factor.is_category)
    rows = []
    for i in range(history.rows):
        inputs = {}
        for key, (column, category) in found.items():
            value = column.values[i]
            if category and isinstance(value, float):
                value = str(int(value)) if value.is_integer() else str(value)
            elif not category and isinstance(value, str):
                value = number(value)
            inputs[key] = value
        rows.append(inputs)
    return rows, sorted(set(lacking))


def validate_history(card: Scorecard, history, compare=None) -> dict:
    """Score every row of ``history`` with ``card``; with ``compare`` (another history of
    the same shape), the population stability between the two."""
    rows, lacking = history_inputs(card, history)
    scored, refused = score_rows(card, rows, history.bad)
    out = summary(scored, refused)
    out["scorecard"] = f"{card.name}@{card.version}"
    out["inputs_missing"] = lacking
    if compare is not None:
        other_rows, _ = history_inputs(card, compare)
        other, _ = score_rows(card, other_rows, compare.bad)
        value = psi(grade_counts(scored), grade_counts(other))
        out["psi"] = round(value, 4)
        out["psi_meaning"] = psi_label(value)
        out["compare_n"] = len(other)
    return out
