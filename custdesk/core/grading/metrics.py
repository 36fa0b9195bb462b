"""The inputs a scorecard reads, computed from a customer's file with a trace of each.

Pure functions over plain rows (money in fen): ``measure(facts, as_of, answers)``
returns every input, the formula that produced it, and the bases of the limit
rule. A ratio whose denominator is zero or missing, or that rests on a statement
that does not add up, is *not computable*: its value is None and its trace says
why. It is never infinite.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta

from .. import i18n
from ..cleaning import identity_facts
from ..customers import exposure as receivables
from ..validation import format_money
from . import altman

i18n.register({
    "metric.zero": ("无法计算：{item}为零", "not computable: {item} is zero"),
    "metric.negative": ("无法计算：{item}为负数", "not computable: {item} is negative"),
    "metric.no_item": ("无法计算：缺少{item}", "not computable: no {item} given"),
    "metric.no_statement": ("无法计算：没有财务报表", "not computable: no financial statement"),
    "metric.no_previous": ("无法计算：没有上年同期报表", "not computable: no statement for the "
                           "same period a year earlier"),
    "metric.no_sales": ("无法计算：近 12 个月没有销售", "not computable: no sales in the last 12 months"),
    "metric.spoiled": ("无法计算：报表中{item}与总额不符", "not computable: the statement's {item} "
                       "does not fit its total"),
    "metric.stale": ("最新报表 {period} 已超过 18 个月", "the latest statement ({period}) is more "
                     "than 18 months old"),
    "metric.not_answered": ("评估人未填写", "not answered by the assessor"),
    "metric.inconsistent": ("报表不平：{part}大于{total}", "statement does not add up: {part} "
                            "exceeds {total}"),
    "metric.unbalanced": ("报表不平：资产总额与负债加权益相差 {diff}",
                          "statement does not balance: total assets differ from liabilities "
                          "plus equity by {diff}"),
    "metric.days": ("{value} 天", "{value} days"),
    "metric.years": ("{value} 年", "{value} years"),
    # The words of the formulas measure() stores with an assessment (always in English, as
    # stored); trace_text shows them in the reader's language.
    "metric.f.dso": ("未收应收账款 / 近 12 个月销售额 × 365",
                     "open receivables / sales in 12 months × 365"),
    "metric.f.age": ("{born} 出生 → {day} 时 {age} 岁", "born {born} → age {age} on {day}"),
    "metric.f.worst": ("max（{since} 以来的逾期记录：{recorded}，本公司逾期未收的发票：{late}）",
                       "max(overdue records since {since}: {recorded}, our open invoices past "
                       "due: {late})"),
    "metric.f.events": ("{since} 以来的逾期记录 {recorded} 次 + 本公司逾期未收的发票 {late} 张",
                        "{recorded} overdue records since {since} + {late} open invoices past due"),
    "metric.f.cases": ("作为被告的未结案件 {count} 件", "{count} open cases as defendant"),
    "metric.f.claims": ("其涉案金额合计", "sum of their claims"),
    "metric.f.complaints": ("{since} 以来受理投诉 {count} 次",
                            "{count} complaints received since {since}"),
    # Bases of a recommended limit that are no file field.
    "metric.basis.monthly_purchases": ("月均采购额", "average monthly purchases"),
    "metric.basis.net_assets": ("净资产", "net assets"),
})

ENT, IND, BOTH = ("enterprise",), ("individual",), ("individual", "enterprise")


@dataclass(frozen=True)
class Metric:
    key: str
    zh: str
    en: str
    kinds: tuple
    type: str            # ratio, percent, days, years, count, yuan, score, category
    asked: bool = False  # answered by the assessor, not read from the file

    @property
    def label(self) -> str:
        return self.zh if i18n.language() == "zh" else self.en


METRICS: dict[str, Metric] = {m.key: m for m in (
    Metric("debt_ratio", "资产负债率", "debt ratio", ENT, "percent"),
    Metric("current_ratio", "流动比率", "current ratio", ENT, "ratio"),
    Metric("altman_z", "Altman Z''", "Altman Z''", ENT, "score"),
    Metric("altman_zone", "Altman Z 区间（按企业类型选模型）", "Altman zone (model by firm type)",
           ENT, "category"),
    Metric("dso_days", "应收账款周转天数（本公司）", "days sales outstanding (with us)", ENT, "days"),
    Metric("net_margin", "销售净利率", "net margin", ENT, "percent"),
    Metric("roa", "总资产收益率", "return on assets", ENT, "percent"),
    Metric("revenue_growth", "营业收入增长率", "revenue growth", ENT, "percent"),
    Metric("years_in_business", "经营年限", "years in business", ENT, "years"),
    Metric("worst_overdue_days", "近 12 个月最长逾期天数", "worst overdue days (12 months)", BOTH, "days"),
    Metric("overdue_events", "近 12 个月逾期次数", "overdue events (12 months)", BOTH, "count"),
    Metric("open_litigation_count", "未结诉讼（被告）件数", "open litigation as defendant", BOTH, "count"),
    Metric("open_litigation_amount", "未结诉讼（被告）金额", "open litigation amount", BOTH, "yuan"),
    Metric("complaints_12m", "近 12 个月投诉次数", "complaints (12 months)", BOTH, "count"),
    Metric("management", "管理水平", "management quality", ENT, "category", asked=True),
    Metric("industry_outlook", "行业前景", "industry outlook", ENT, "category", asked=True),
    Metric("collateral", "担保与抵押", "collateral and guarantees", ENT, "category", asked=True),
    Metric("employment_years", "现单位工作年限", "years in current employment", IND, "years"),
    Metric("debt_to_income", "负债收入比", "debt to income", IND, "ratio"),
    Metric("net_assets", "净资产", "net assets", IND, "yuan"),
    Metric("savings_rate", "收入结余率", "savings rate", IND, "percent"),
    Metric("age_band", "年龄段", "age band", IND, "category"),
    Metric("housing", "住房情况", "housing", IND, "category"),
    Metric("guarantor", "担保人", "guarantor", IND, "category", asked=True),
)}

AGE_BANDS = ((25, "under_25"), (35, "25_34"), (45, "35_44"), (55, "45_54"), (65, "55_64"))
ALTMAN = (6.56, 3.26, 6.72, 1.05)
ZONE_SAFE, ZONE_DISTRESS = 2.6, 1.1


def altman_zone(z: float, distress: float = ZONE_DISTRESS, safe: float = ZONE_SAFE) -> str:
    """safe above ``safe``, distress below ``distress``, grey between (both edges grey).
    Zoned on the exact value: rounding first would move 2.6033 into grey."""
    if z > safe:
        return "safe"
    if z < distress:
        return "distress"
    return "grey"


@dataclass
class Facts:
    """What grading reads from one file (raw, unmasked rows; money in fen)."""
    kind: str
    statements: list = field(default_factory=list)
    transactions: list = field(default_factory=list)
    credit_records: list = field(default_factory=list)
    litigation: list = field(default_factory=list)
    complaints: list = field(default_factory=list)
    file: dict = field(default_factory=dict)      # founding_date, employment_start, id_number...


@dataclass
class Measured:
    inputs: dict                  # metric key -> value or None
    traces: dict                  # metric key -> {"formula": str} or {"problem": key, "params": {}}
    bases: dict                   # limit basis -> fen (or None)
    period: str | None            # the statement used
    problems: list                # statement problems: [{"problem": key, "params": {}}]


def _label(key: str) -> str:
    from ..fields import label
    if key == "market_equity":
        return i18n.tr("altman.market_equity")
    if key in ("monthly_purchases", "net_assets"):
        return i18n.tr(f"metric.basis.{key}")
    return label(key)


class _Trace:
    def __init__(self):
        self.inputs: dict = {}
        self.traces: dict = {}

    def ok(self, key: str, value, formula: str) -> None:
        self.inputs[key] = value
        self.traces[key] = {"formula": formula}

    def fail(self, key: str, problem: str, **params) -> None:
        self.inputs[key] = None
        self.traces[key] = {"problem": problem, "params": params}


def _yuan(fen: int) -> str:
    return format_money(fen)


def _ratio(t: _Trace, key: str, st: dict, num: str, den: str, scale: float = 1.0,
           digits: int = 4) -> None:
    """``st[num] / st[den]``, or a trace saying why it cannot be computed."""
    for item in (num, den):
        if item in st.get(SPOILED, ()):
            return t.fail(key, "metric.spoiled", item=item)
        if st.get(item) is None:
            return t.fail(key, "metric.no_item", item=item)
    if st[den] == 0:
        return t.fail(key, "metric.zero", item=den)
    if st[den] < 0:
        return t.fail(key, "metric.negative", item=den)
    value = round(st[num] / st[den] * scale, digits)
    t.ok(key, value, f"{num} / {den} = {_yuan(st[num])} / {_yuan(st[den])} = "
                     f"{format_input(key, value)}")


SPOILED = "__spoiled__"      # key in a statement dict: items that do not fit their totals
STALE_MONTHS = 18


def _period_year(period: str) -> tuple[int, str]:
    return int(period[:4]), period[4:]


def period_end(period: str) -> datetime.date:
    """The last day of a period: ``2025`` → 2025-12-31, ``2025-Q2`` → 06-30, ``2025-02`` → 02-28."""
    year, suffix = _period_year(period)
    month = 12 if not suffix else 3 * int(suffix[-1]) if "Q" in suffix else int(suffix[1:])
    return datetime.date(year, month, 1) + relativedelta(months=1, days=-1)


def choose_statements(statements: list[dict]) -> tuple[dict | None, dict | None]:
    """The latest statement (an annual one when there is any) and the same period a year before."""
    if not statements:
        return None, None
    annual = [s for s in statements if len(s["period"]) == 4]
    latest = max(annual or statements, key=lambda s: (period_end(s["period"]), s["period"]))
    year, suffix = _period_year(latest["period"])
    previous = next((s for s in statements if s["period"] == f"{year - 1}{suffix}"), None)
    return latest, previous


def statement_problems(st: dict) -> tuple[list[dict], set[str]]:
    """What does not add up in a statement, and the items that make unreliable."""
    problems, spoiled = [], set()
    for part, total in (("current_assets", "total_assets"),
                        ("current_liabilities", "total_liabilities")):
        if st.get(part) is not None and st.get(total) is not None and st[part] > st[total]:
            problems.append({"problem": "metric.inconsistent", "params": {"part": part, "total": total}})
            spoiled |= {part, total}
    ta, tl, eq = st.get("total_assets"), st.get("total_liabilities"), st.get("equity")
    if None not in (ta, tl, eq) and ta > 0 and abs(ta - tl - eq) > max(100, ta // 100):
        # More than 1% off: reported, but the ratios still use the items as filed.
        problems.append({"problem": "metric.unbalanced", "params": {"diff": _yuan(abs(ta - tl - eq))}})
    return problems, spoiled


def _years_between(start: str | None, as_of: datetime.date) -> float | None:
    if not start:
        return None
    delta = relativedelta(as_of, datetime.date.fromisoformat(start))
    return round(max(0.0, delta.years + delta.months / 12 + delta.days / 365.25), 1)


def measure(facts: Facts, as_of: datetime.date, answers: dict | None = None, *,
            emerging: bool = False) -> Measured:
    """Every input of ``facts.kind``'s scorecards, each with its trace. ``answers`` may
    hold the firm facts ``listed`` ("yes"/"no") and ``market_equity`` (fen), which pick
    the Altman model; ``emerging`` adds the emerging-market constant to Z''."""
    t = _Trace()
    latest, previous = choose_statements(facts.statements)
    problems, spoiled = statement_problems(latest) if latest else ([], set())
    st = {k: (None if k in spoiled else v) for k, v in (latest or {}).items()}
    st[SPOILED] = spoiled
    if latest and period_end(latest["period"]) < as_of - relativedelta(months=STALE_MONTHS):
        problems.append({"problem": "metric.stale", "params": {"period": latest["period"]}})
    if facts.kind == "enterprise":
        _enterprise(t, st, latest, previous, facts, as_of)
        _altman_family(t, st, latest, facts, answers or {}, emerging)
    else:
        _individual(t, st, latest, facts, as_of)
    _credit_history(t, facts, as_of)
    for key, metric in METRICS.items():
        if metric.asked and facts.kind in metric.kinds:
            value = (answers or {}).get(key)
            if value in (None, ""):
                t.fail(key, "metric.not_answered")
            else:
                t.ok(key, str(value), "")
    return Measured(t.inputs, t.traces, _bases(facts, st, as_of), latest and latest["period"],
                    problems)


def _enterprise(t: _Trace, st: dict, latest, previous, facts: Facts, as_of) -> None:
    statement_keys = ("debt_ratio", "current_ratio", "altman_z", "net_margin", "roa",
                      "revenue_growth")
    if latest is None:
        for key in statement_keys:
            t.fail(key, "metric.no_statement")
    else:
        _ratio(t, "debt_ratio", st, "total_liabilities", "total_assets")
        _ratio(t, "current_ratio", st, "current_assets", "current_liabilities", digits=2)
        _altman(t, st)
        _ratio(t, "net_margin", st, "net_profit", "revenue")
        _ratio(t, "roa", st, "net_profit", "total_assets")
        if previous is None:
            t.fail("revenue_growth", "metric.no_previous")
        else:
            grow = {"revenue": (st.get("revenue") or 0) - (previous.get("revenue") or 0)
                    if st.get("revenue") is not None and previous.get("revenue") is not None else None,
                    "previous_revenue": previous.get("revenue")}
            _ratio(t, "revenue_growth", grow, "revenue", "previous_revenue")
            if t.inputs["revenue_growth"] is not None:
                t.traces["revenue_growth"]["formula"] = (
                    f"(revenue {latest['period']} - revenue {previous['period']}) / revenue "
                    f"{previous['period']} = ({_yuan(st['revenue'])} - {_yuan(previous['revenue'])})"
                    f" / {_yuan(previous['revenue'])} = "
                    f"{format_input('revenue_growth', t.inputs['revenue_growth'])}")
    # Days sales outstanding with us: what they owe us against what we sold them in a year.
    sold = sales_12m(facts.transactions, as_of)
    owed = receivables.exposure(facts.transactions)
    if sold <= 0:
        t.fail("dso_days", "metric.no_sales")
    else:
        days = round(owed / sold * 365)
        t.ok("dso_days", days, f"{_stored('metric.f.dso')} = {_yuan(owed)} / "
                               f"{_yuan(sold)} × 365 = {days}")
    years = _years_between(facts.file.get("founding_date"), as_of)
    if years is None:
        t.fail("years_in_business", "metric.no_item", item="founding_date")
    else:
        t.ok("years_in_business", years, f"{facts.file['founding_date']} → {as_of} = {years:g}")


def _altman(t: _Trace, st: dict) -> None:
    """Altman Z'' on every enterprise: the input of scorecards written before the model
    was chosen by firm type (their bins are Z'' cut-offs). Exact; rounded only in text."""
    model = altman.Z_DOUBLE_PRIME
    problem = _altman_gap(st, model)
    if problem:
        return t.fail("altman_z", problem[0], item=problem[1])
    x = altman.ratios(model, st, None)
    z = altman.score(model, x)
    t.ok("altman_z", z, altman.explain(model, x, z))
    t.traces["altman_z"]["z"] = z


def _altman_gap(st: dict, model: altman.Model, market_equity: int | None = None):
    """(problem, item) when ``model`` cannot be computed from the statement, else None."""
    for item in altman.needed(model):
        if item in st[SPOILED]:
            return "metric.spoiled", item
        if st.get(item) is None:
            return "metric.no_item", item
    if model.market_equity and market_equity is None:
        return "metric.no_item", "market_equity"
    if st["total_assets"] <= 0:
        return ("metric.zero" if st["total_assets"] == 0 else "metric.negative"), "total_assets"
    if st["total_liabilities"] == 0:
        return "metric.zero", "total_liabilities"
    return None


def _altman_family(t: _Trace, st: dict, latest, facts: Facts, answers: dict,
                   emerging: bool) -> None:
    """``altman_zone``: the zone of the Altman model that fits the firm (see altman.py); when
    the industry is not stated, the worse zone of the models that could apply."""
    if latest is None:
        return t.fail("altman_zone", "metric.no_statement")
    listed = answers.get("listed") == "yes"
    market_equity = answers.get("market_equity") if listed else None
    models, why = altman.candidates(facts.file.get("industry"), listed, emerging)
    results = []
    for model in models:
        problem = _altman_gap(st, model, market_equity)
        if problem:
            return t.fail("altman_zone", problem[0], item=problem[1])
        x = altman.ratios(model, st, market_equity)
        z = altman.score(model, x)
        results.append((altman.ZONES.index(model.zone(z)), model, x, z))
    _rank, model, x, z = max(results, key=lambda r: r[0])
    zone = model.zone(z)
    t.ok("altman_zone", zone, f"{why}. " + " | ".join(altman.explain(m, xs, v)
                                                       for _r, m, xs, v in results))
    t.traces["altman_zone"].update({"model": model.key, "z": z, "formula_only": model.formula,
                                    "cutoffs": [model.distress, model.safe]})


def annual_income(st: dict, period: str | None, file: dict) -> tuple[int | None, str]:
    """Yearly income: the statement's (scaled from a quarter or month) when there is a
    statement, else 12 × the file's monthly income. A statement without its income line
    gives no income: falling back to the monthly figure would let leaving the line out help."""
    if period:
        if st.get("income") is None:
            return None, ""
        scale = 1 if len(period) == 4 else 4 if "Q" in period else 12
        return st["income"] * scale, f"income {period} × {scale}"
    if file.get("monthly_income") is not None:
        return file["monthly_income"] * 12, "monthly_income × 12"
    return None, ""


def _individual(t: _Trace, st: dict, latest, facts: Facts, as_of) -> None:
    years = _years_between(facts.file.get("employment_start"), as_of)
    if years is None:
        t.fail("employment_years", "metric.no_item", item="employment_start")
    else:
        t.ok("employment_years", years, f"{facts.file['employment_start']} → {as_of} = {years:g}")
    income, how = annual_income(st, latest and latest["period"], facts.file)
    if st.get("liabilities") is None:
        t.fail("debt_to_income", "metric.no_item", item="liabilities")
    elif income is None:
        t.fail("debt_to_income", "metric.no_item", item="income")
    elif income == 0 and st["liabilities"] > 0:
        t.fail("debt_to_income", "metric.zero", item="income")
    elif income == 0:           # no debt: nothing to serve, whatever the income
        t.ok("debt_to_income", 0.0, f"liabilities = {_yuan(0)}")
    else:
        value = round(st["liabilities"] / income, 2)
        t.ok("debt_to_income", value, f"liabilities / ({how}) = {_yuan(st['liabilities'])} / "
                                      f"{_yuan(income)} = {value:g}")
    if st.get("assets") is None or st.get("liabilities") is None:
        t.fail("net_assets", "metric.no_item", item="assets" if st.get("assets") is None else "liabilities")
    else:
        net = st["assets"] - st["liabilities"]
        t.ok("net_assets", net / 100, f"assets - liabilities = {_yuan(st['assets'])} - "
                                      f"{_yuan(st['liabilities'])} = {_yuan(net)}")
    if st.get("expenses") is None or st.get("income") is None:
        t.fail("savings_rate", "metric.no_item", item="income" if st.get("income") is None else "expenses")
    elif st["income"] == 0:
        t.fail("savings_rate", "metric.zero", item="income")
    else:
        value = round((st["income"] - st["expenses"]) / st["income"], 4)
        t.ok("savings_rate", value, f"(income - expenses) / income = ({_yuan(st['income'])} - "
                                    f"{_yuan(st['expenses'])}) / {_yuan(st['income'])} = "
                                    f"{format_input('savings_rate', value)}")
    born = (identity_facts(facts.file.get("id_type") or "resident_id", facts.file.get("id_number"))
            .get("birth_date") or facts.file.get("birth_date"))
    if not born:
        t.fail("age_band", "metric.no_item", item="birth_date")
    else:
        age = relativedelta(as_of, datetime.date.fromisoformat(born)).years
        band = next((name for limit, name in AGE_BANDS if age < limit), "65_plus")
        t.ok("age_band", band, _stored("metric.f.age", born=born, age=age, day=as_of))
    if facts.file.get("housing"):
        t.ok("housing", facts.file["housing"], "")
    else:
        t.fail("housing", "metric.no_item", item="housing")


def year_before(as_of: datetime.date) -> str:
    """The first day of the twelve months up to ``as_of`` (inclusive on both ends)."""
    return (as_of - relativedelta(years=1) + datetime.timedelta(days=1)).isoformat()


def sales_12m(transactions: list[dict], as_of: datetime.date) -> int:
    """What we invoiced in the twelve months up to ``as_of``, in fen."""
    start, end = year_before(as_of), as_of.isoformat()
    return sum(int(r["amount"]) for r in transactions
               if r["kind"] == "invoice" and start <= r["occurred_on"] <= end)


def _credit_history(t: _Trace, facts: Facts, as_of: datetime.date) -> None:
    """Overdue, litigation and complaints: an empty history is a fact (0), not a gap."""
    year_ago = year_before(as_of)
    today = as_of.isoformat()
    recorded = [int(r.get("overdue_days") or 0) for r in facts.credit_records
                if r["kind"] == "overdue" and year_ago <= r["occurred_on"] <= today]
    late = [(as_of - datetime.date.fromisoformat(inv.due_date)).days
            for inv in receivables.open_invoices(facts.transactions)]
    late = [d for d in late if d > 0]
    worst = max(recorded + late, default=0)
    t.ok("worst_overdue_days", worst,
         _stored("metric.f.worst", since=year_ago, recorded=max(recorded, default=0),
                 late=max(late, default=0)) + f" = {worst}")
    t.ok("overdue_events", len(recorded) + len(late),
         _stored("metric.f.events", since=year_ago, recorded=len(recorded), late=len(late)))
    cases = [r for r in facts.litigation if r.get("role") == "defendant"
             and (r.get("status") or "open") == "open" and not r.get("closed_on")]
    amount = sum(int(r.get("amount") or 0) for r in cases)
    t.ok("open_litigation_count", len(cases), _stored("metric.f.cases", count=len(cases)))
    t.ok("open_litigation_amount", amount / 100, f"{_stored('metric.f.claims')} = {_yuan(amount)}")
    complaints = [c for c in facts.complaints if year_ago <= c["received_on"] <= today]
    t.ok("complaints_12m", len(complaints),
         _stored("metric.f.complaints", count=len(complaints), since=year_ago))


def _bases(facts: Facts, st: dict, as_of: datetime.date) -> dict:
    """The amounts a limit rule may multiply, in fen (None when unknown)."""
    sold = sales_12m(facts.transactions, as_of)
    income, _how = annual_income(st, None if not st else st.get("period"), facts.file)
    net = (st["assets"] - st["liabilities"]) if st.get("assets") is not None \
        and st.get("liabilities") is not None else None
    return {"monthly_purchases": sold // 12 if sold else None,
            "equity": st.get("equity"),
            "monthly_income": income // 12 if income is not None else None,
            "net_assets": net}


def format_input(key: str, value) -> str:
    """An input as a clerk reads it: 45.2%, 1.85, 120 天, ¥1,000.00, 良好.

    The one unit convention for every path (window, PDF, command line): percentages as
    percent, money in yuan with separators, days and years with their unit; a bin's
    bound is written by the same function as the value it is compared with."""
    if value is None:
        return "—"
    kind = METRICS[key].type if key in METRICS else ""
    if kind == "percent":
        return f"{value * 100:.1f}%"
    if kind == "count":
        return _plain(value)
    if kind == "days":
        return i18n.tr("metric.days", value=_plain(value))
    if kind == "years":
        return i18n.tr("metric.years", value=_plain(value))
    if kind == "yuan":
        return format_money(round(value * 100))
    if kind in ("ratio", "score"):
        return f"{value:.2f}"
    return str(value)


def _plain(value) -> str:
    """A number as written by hand: 45, 1234567, 16.9 (never 1.23457e+06)."""
    if float(value) == int(value):
        return f"{int(value)}"
    return f"{value:.4f}".rstrip("0").rstrip(".")


_RULE = re.compile(r"^(≥|>|≤|<) (-?[0-9.]+(?:e[+-]?[0-9]+)?)$")


def format_rule(key: str, rule: str) -> str:
    """A stored bin ("≤ 0.4", "≤ 1e+06") in the unit of its input ("≤ 40.0%",
    "≤ ¥1,000,000.00"), so a rule is never read beside a value in another unit."""
    found = _RULE.match(rule or "")
    if not found:
        return rule
    return f"{found.group(1)} {format_input(key, float(found.group(2)))}"


def _stored(key: str, **params) -> str:
    """A formula's words as stored: in English whatever the user's language."""
    with i18n.using("en"):
        return i18n.tr(key, **params)


# Statement items as a stored formula names them (by key: "total_liabilities / total_assets").
FORMULA_ITEMS = ("total_liabilities", "total_assets", "current_assets", "current_liabilities",
                 "net_profit", "retained_earnings", "market_equity", "monthly_income",
                 "monthly_purchases", "net_assets", "revenue", "ebit", "equity", "liabilities",
                 "assets", "income", "expenses")
_ITEM = re.compile(r"\b(" + "|".join(FORMULA_ITEMS) + r")\b")
# Words of a stored formula that are catalogue texts: the formulas' own, and the Altman
# models, zones and reasons (stored in the language of whoever graded).
_WORDED = ("metric.f.", "altman.", "limit.f.")


@functools.lru_cache(maxsize=None)
def _pattern(template: str) -> re.Pattern:
    """A regular expression matching ``template`` with any values in its {fields}."""
    parts = re.split(r"\{(\w+)\}", template)
    out, seen = [], set()
    for i, part in enumerate(parts):
        if i % 2 == 0:
            out.append(re.escape(part))
        elif part in seen:
            out.append(f"(?P={part})")
        else:
            seen.add(part)
            out.append(f"(?P<{part}>[^\\s;|]+?)" if i + 1 < len(parts) and parts[i + 1]
                       else f"(?P<{part}>[^\\s;|]+)")
    return re.compile("".join(out), re.IGNORECASE)


def _item_label(key: str) -> str:
    """A statement item named in a formula: its label, lower-cased inside an English one
    ("total liabilities", but "EBIT")."""
    text = _label(key)
    if i18n.language() == "en" and not text[:2].isupper():
        text = text[:1].lower() + text[1:]
    return text


def formula_text(formula: str) -> str:
    """A stored formula in the user's language: its words translated, its statement items
    named by their labels ("负债总额 / 资产总额 = ¥… / ¥… = 30.4%", not total_liabilities)."""
    if not formula:
        return ""
    now = 0 if i18n.language() == "zh" else 1
    templates = [(key, i18n.texts(key)) for key in i18n.keys() if key.startswith(_WORDED)]
    # Longest first: a model's label before the shorter label it begins with.
    for key, both in sorted(templates, key=lambda kt: -len(kt[1][1 - now])):
        other, mine = both[1 - now], both[now]
        if other == mine:
            continue
        formula = _pattern(other).sub(lambda found, mine=mine: mine.format(**found.groupdict()),
                                      formula)
    formula = _ITEM.sub(lambda found: _item_label(found.group(1)), formula)
    if now == 0:   # the stored joints are English punctuation
        formula = re.sub(r"\. (?=Altman)", "。", formula)
        formula = re.sub(r"(\)|】|）): (?=X1 = )", r"\1：", formula).replace("; ", "；")
        formula = re.sub(r" \((困境区[^()]*)\)", r"（\1）", formula)
    else:          # reasons joined in Chinese when graded in Chinese
        formula = formula.replace("；", "; ")
    return formula


def trace_text(trace: dict) -> str:
    """A stored trace in the user's language."""
    if not trace:
        return ""
    if trace.get("problem"):
        params = dict(trace.get("params") or {})
        for name in ("item", "part", "total"):
            if name in params:
                params[name] = _item_label(params[name])
        return i18n.tr(trace["problem"], **params)
    return formula_text(trace.get("formula", ""))
