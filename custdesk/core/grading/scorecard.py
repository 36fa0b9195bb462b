"""Scorecards as data: read and check a TOML scorecard, and score inputs with it.

A scorecard gives each factor at most ``max_points``; the factors of one
dimension add up to that dimension's weight and the weights to 100, so the
score is simply the sum of the factors' points (0–100) and every point can be
traced to one input and one rule. Numeric factors use ordered bins that are
checked to be monotone, so a better input never earns fewer points; category
factors give points per answer. The file format is documented in
``resources/scorecards/README.md``.

A *fitted* scorecard (``method = "fitted"``, built from outcomes by ``fitting``) has
no dimensions: its points come from a logistic regression on weights of evidence,
scaled so that a score means the same odds in every fitted card (``[scaling]``), and
a ``base_points`` every applicant starts from (the model's intercept). Its factors
may read characteristics a firm invents (``type = "number"`` or ``"category"``):
such a card scores rows of a history file with those columns.
"""

from __future__ import annotations

import functools
import hashlib
import math
import tomllib
from dataclasses import dataclass, field

from .. import i18n
from ..errors import CustdeskError
from ..fields import choice_label
from .metrics import METRICS
from .scale import DIMENSIONS, GRADES, RISK_LEVELS, grade_for_score

i18n.register({
    "scorecard.invalid": ("评分卡有误：{problems}", "The scorecard is not valid: {problems}"),
    "scorecard.toml": ("TOML 格式错误：{error}", "not valid TOML: {error}"),
    "scorecard.missing_key": ("缺少 {key}", "{key} is missing"),
    "scorecard.bad_value": ("{key} 的值不正确：{value}", "{key} has a wrong value: {value}"),
    "scorecard.kind": ("kind 应为 individual 或 enterprise", "kind must be individual or enterprise"),
    "scorecard.weights": ("各维度权重之和应为 100（现为 {total}）",
                          "the dimension weights must add up to 100 (they add up to {total})"),
    "scorecard.dimension_sum": ("维度 {dimension} 的因子满分之和应为 {weight}（现为 {total}）",
                                "the factors of {dimension} must add up to {weight} points "
                                "(they add up to {total})"),
    "scorecard.unknown_input": ("因子 {factor} 的输入 {input} 不是{kind}评分卡可用的指标",
                                "factor {factor}: {input} is not an input for {kind} scorecards"),
    "scorecard.unknown_dimension": ("因子 {factor} 的维度 {dimension} 未定义",
                                    "factor {factor}: dimension {dimension} is not defined"),
    "scorecard.points_range": ("因子 {factor} 的分值须在 0 到 {max} 之间",
                               "factor {factor}: points must lie between 0 and {max}"),
    "scorecard.not_monotone": ("因子 {factor} 的分档不单调：更好的输入不能得更少的分",
                               "factor {factor}: bins are not monotone (a better input may not "
                               "earn fewer points)"),
    "scorecard.duplicate_factor": ("因子 {factor} 重复", "factor {factor} appears twice"),
    "scorecard.grades": ("等级分数线须按 AAA 到 C 递减，且 C 为 0",
                         "grade thresholds must fall from AAA to C, with C at 0"),
    "scorecard.risk": ("每个等级须对应 low/medium/high 风险", "every grade needs a risk level "
                       "(low, medium or high)"),
    "scorecard.limit": ("额度规则：{grade} 须有非负的 cap 与各基数倍数",
                        "limit rule: {grade} needs a non-negative cap and a multiple per basis"),
    "scorecard.limit_c": ("额度规则：C 级的建议额度必须为 0", "limit rule: grade C must recommend 0"),
    "scorecard.qualitative": ("定性因子满分合计不得超过 {max}（现为 {total}）",
                              "qualitative factors may give at most {max} points (they give {total})"),
    "scorecard.scaling": ("拟合评分卡须有 [scaling]：pdo、anchor_score、anchor_odds 均为正数",
                          "a fitted scorecard needs [scaling] with positive pdo, anchor_score "
                          "and anchor_odds"),
    "scorecard.custom_type": ("因子 {factor} 的 type 应为 number 或 category",
                              "factor {factor}: type must be number or category"),
    "scorecard.missing_refused": ("缺少评分所需的数据：{factors}",
                                  "data the scorecard requires are missing: {factors}"),
})

MAX_QUALITATIVE = 15.0          # at most this share of 100 points may come from opinion
LIMIT_BASES = ("monthly_purchases", "equity", "monthly_income", "net_assets")


class ScorecardError(CustdeskError):
    """A scorecard file that cannot be used; the message lists every problem."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        sep = "；" if i18n.language() == "zh" else "; "
        super().__init__(i18n.tr("scorecard.invalid", problems=sep.join(problems)))


class MissingInputs(CustdeskError):
    """Factors whose policy is to refuse an assessment lack their input."""

    def __init__(self, factors: list[str]):
        self.factors = factors
        super().__init__(i18n.tr("scorecard.missing_refused", factors="、".join(factors)))


_COMPARE = {">=": lambda v, b: v >= b, ">": lambda v, b: v > b,
            "<=": lambda v, b: v <= b, "<": lambda v, b: v < b}
_SYMBOL = {">=": "≥", ">": ">", "<=": "≤", "<": "<"}


@dataclass(frozen=True)
class Choice:
    value: str
    points: float
    zh: str
    en: str

    @property
    def label(self) -> str:
        return self.zh if i18n.language() == "zh" else self.en


@dataclass(frozen=True)
class Factor:
    key: str
    input: str
    dimension: str
    max_points: float
    zh: str
    en: str
    better: str = "higher"                    # numeric: "higher" or "lower"
    bins: tuple = ()                          # numeric: ((op, bound, points), ...) best first
    else_points: float = 0.0
    choices: tuple = ()                       # category: (Choice, ...)
    missing: str = "worst"                    # "worst", "refuse" or "points"
    missing_points: float = 0.0               # only with missing = "points"
    characteristic: str = ""                  # fitted: "number"/"category" of a column of its own

    @property
    def label(self) -> str:
        return self.zh if i18n.language() == "zh" else self.en

    @property
    def is_category(self) -> bool:
        return bool(self.choices)

    @property
    def asked(self) -> bool:
        """Answered by the assessor (qualitative) rather than read from the file."""
        metric = METRICS.get(self.input)
        return not self.custom and metric is not None and metric.asked

    @property
    def custom(self) -> bool:
        """Reads a characteristic custdesk does not hold (a column of a history file)."""
        return bool(self.characteristic) or self.input not in METRICS

    @property
    def worst_points(self) -> float:
        """The fewest points a present input can earn (the worst bin or answer)."""
        if self.is_category:
            return min(c.points for c in self.choices)
        return min([self.else_points] + [p for _op, _b, p in self.bins])

    @property
    def missing_score(self) -> float:
        """What a missing input scores: never more than the worst bin, unless the
        scorecard says so for this factor (``missing = "points"``)."""
        return self.missing_points if self.missing == "points" else self.worst_points

    @property
    def required(self) -> bool:
        """A missing input needs the assessor's reason before the assessment is submitted."""
        return self.missing != "points"

    def choice(self, value) -> Choice | None:
        return next((c for c in self.choices if c.value == value), None)

    @functools.cached_property
    def _choice_points(self) -> dict:
        return {c.value: c.points for c in self.choices}

    def points_of(self, value) -> float:
        """``points_for`` without the rule's text (a validation scores every grade)."""
        if self.is_category:
            return self._choice_points.get(value, self.else_points)
        for op, bound, points in self.bins:
            if _COMPARE[op](value, bound):
                return points
        return self.else_points

    def points_for(self, value) -> tuple[float, str]:
        """Points for a present input, and the rule that gave them ("≥ 2", "else", "own")."""
        if self.is_category:
            found = self.choice(value)
            return (found.points, found.value) if found else (self.else_points, "else")
        for op, bound, points in self.bins:
            if _COMPARE[op](value, bound):
                return points, f"{_SYMBOL[op]} {_number(bound)}"
        return self.else_points, "else"


@dataclass(frozen=True)
class LimitRule:
    bases: tuple[str, ...]
    round_to: int                             # yuan; recommendations are rounded down to it
    grades: dict                              # grade -> {"cap": yuan, basis: multiple, ...}
    # Bases left out of the minimum when unknown (a new customer has no purchases with us
    # yet); any other basis that is unknown counts as ¥0, so leaving a figure out never
    # raises a limit.
    optional: tuple[str, ...] = ()


@dataclass(frozen=True)
class Scorecard:
    name: str
    version: int
    kind: str
    zh: str
    en: str
    valid_months: int
    dimensions: dict                          # key -> weight, in DIMENSIONS order
    factors: tuple
    grades: dict                              # grade -> lowest score
    risk_levels: dict                         # grade -> risk level
    limits: LimitRule
    source: str = field(repr=False, default="")
    altman_emerging: bool = False             # Z'' with the emerging-market constant 3.25
    method: str = "expert"                    # "expert" or "fitted"
    base_points: float = 0.0                  # fitted: what every applicant starts from
    scaling: dict | None = None               # fitted: pdo, anchor_score, anchor_odds

    @property
    def title(self) -> str:
        return self.zh if i18n.language() == "zh" else self.en

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.source.encode("utf-8")).hexdigest()

    def factor(self, key: str) -> Factor:
        return next(f for f in self.factors if f.key == key)

    def asked_factors(self) -> list[Factor]:
        return [f for f in self.factors if f.asked]

    @property
    def fitted(self) -> bool:
        return self.method == "fitted"

    def bad_probability(self, score: float) -> float | None:
        """The bad rate a fitted card's score stands for (None for an expert card):
        score = anchor_score + pdo / ln 2 × ln(odds / anchor_odds), odds = good : bad."""
        if not self.scaling:
            return None
        sc = self.scaling
        log_odds = math.log(sc["anchor_odds"]) + (score - sc["anchor_score"]) * math.log(2) / sc["pdo"]
        return 1.0 / (1.0 + math.exp(min(700.0, log_odds)))


def _number(value: float) -> str:
    """1000000 -> "1000000", 0.4 -> "0.4" (never 1e+06: the text is read back by
    metrics.format_rule and shown to people)."""
    return format(value, "f").rstrip("0").rstrip(".") if value != int(value) else f"{int(value)}"


# -- reading ----------------------------------------------------------------------------
def parse(source: str) -> Scorecard:
    """Read and check a scorecard; every problem is reported at once.

    :raises ScorecardError: the text is not TOML or the scorecard is inconsistent.
    """
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise ScorecardError([i18n.tr("scorecard.toml", error=exc)]) from None
    problems: list[str] = []
    reader = _Reader(data, problems)
    name = reader.text("name")
    version = reader.integer("version", 1)
    kind = reader.text("kind")
    if kind not in ("individual", "enterprise"):
        problems.append(i18n.tr("scorecard.kind"))
    title = data.get("title", {}) if isinstance(data.get("title"), dict) else {}
    valid_months = reader.integer("valid_months", 1)
    method = data.get("method", "expert")
    if method not in ("expert", "fitted"):
        problems.append(i18n.tr("scorecard.bad_value", key="method", value=method))
    fitted = method == "fitted"
    dimensions = {} if fitted and "dimensions" not in data else _dimensions(data, problems)
    factors = _factors(data, kind, dimensions, problems, fitted)
    base, scaling = 0.0, None
    if fitted:
        base = data.get("base_points", 0)
        if not _is_number(base):
            problems.append(i18n.tr("scorecard.bad_value", key="base_points", value=base))
            base = 0.0
        scaling = data.get("scaling")
        if not isinstance(scaling, dict) or not all(
                _is_number(scaling.get(k)) and scaling[k] > 0
                for k in ("pdo", "anchor_score", "anchor_odds")):
            problems.append(i18n.tr("scorecard.scaling"))
            scaling = None
        else:
            scaling = {k: float(scaling[k]) for k in ("pdo", "anchor_score", "anchor_odds")}
    grades = _grades(data, problems, method == "fitted")
    risk = _risk(data, problems)
    limits = _limits(data, problems)
    emerging = data.get("altman_emerging", False)
    if not isinstance(emerging, bool):
        problems.append(i18n.tr("scorecard.bad_value", key="altman_emerging", value=emerging))
    if problems:
        raise ScorecardError(problems)
    return Scorecard(name, version, kind, str(title.get("zh", name)), str(title.get("en", name)),
                     valid_months, dimensions, tuple(factors), grades, risk, limits, source,
                     emerging is True, method, float(base), scaling)


class _Reader:
    def __init__(self, data: dict, problems: list[str]):
        self.data, self.problems = data, problems

    def text(self, key: str) -> str:
        value = self.data.get(key)
        if not isinstance(value, str) or not value.strip():
            self.problems.append(i18n.tr("scorecard.missing_key", key=key))
            return ""
        return value.strip()

    def integer(self, key: str, minimum: int) -> int:
        value = self.data.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            self.problems.append(i18n.tr("scorecard.bad_value", key=key, value=value))
            return minimum
        return value


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _dimensions(data: dict, problems: list[str]) -> dict:
    raw = data.get("dimensions")
    if not isinstance(raw, dict) or not raw:
        problems.append(i18n.tr("scorecard.missing_key", key="dimensions"))
        return {}
    out = {}
    for key in DIMENSIONS:              # kept in the fixed order of the five dimensions
        if key in raw:
            if not _is_number(raw[key]) or raw[key] <= 0:
                problems.append(i18n.tr("scorecard.bad_value", key=f"dimensions.{key}", value=raw[key]))
            else:
                out[key] = float(raw[key])
    for key in raw:
        if key not in DIMENSIONS:
            problems.append(i18n.tr("scorecard.bad_value", key="dimensions", value=key))
    total = sum(out.values())
    if out and abs(total - 100) > 1e-9:
        problems.append(i18n.tr("scorecard.weights", total=_number(total)))
    return out


def _factors(data: dict, kind: str, dimensions: dict, problems: list[str],
             fitted: bool = False) -> list[Factor]:
    raw = data.get("factors")
    if not isinstance(raw, list) or not raw:
        problems.append(i18n.tr("scorecard.missing_key", key="factors"))
        return []
    factors: list[Factor] = []
    for item in raw:
        factor = _factor(item, kind, dimensions, problems, fitted)
        if factor is None:
            continue
        if any(f.key == factor.key for f in factors):
            problems.append(i18n.tr("scorecard.duplicate_factor", factor=factor.key))
        factors.append(factor)
    for dimension, weight in dimensions.items():
        if fitted:
            break                       # a fitted card's points come from its model
        total = sum(f.max_points for f in factors if f.dimension == dimension)
        if abs(total - weight) > 1e-9:
            problems.append(i18n.tr("scorecard.dimension_sum", dimension=dimension,
                                    weight=_number(weight), total=_number(total)))
    qualitative = sum(f.max_points for f in factors if f.asked)
    # (A fitted card's answered factors weigh what the outcomes gave them, not an opinion.)
    if qualitative > MAX_QUALITATIVE + 1e-9 and not fitted:
        problems.append(i18n.tr("scorecard.qualitative", max=_number(MAX_QUALITATIVE),
                                total=_number(qualitative)))
    return factors


def _factor(item, kind: str, dimensions: dict, problems: list[str],
            fitted: bool = False) -> Factor | None:
    if not isinstance(item, dict) or not isinstance(item.get("key"), str):
        problems.append(i18n.tr("scorecard.missing_key", key="factors.key"))
        return None
    key = item["key"]
    before = len(problems)
    metric_key = item.get("input", key)
    metric = METRICS.get(metric_key)
    if fitted and "type" in item:
        metric = None                   # a column of the history's own, whatever its name
    if fitted and metric is None:
        # A characteristic of the firm's own (a history file's column).
        if item.get("type") not in ("number", "category"):
            problems.append(i18n.tr("scorecard.custom_type", factor=key))
    elif metric is None or kind not in metric.kinds:
        problems.append(i18n.tr("scorecard.unknown_input", factor=key, input=metric_key,
                                kind=choice_label(kind)))
    dimension = item.get("dimension", "fitted" if fitted else None)
    if dimension not in dimensions and not (fitted and dimension == "fitted"):
        problems.append(i18n.tr("scorecard.unknown_dimension", factor=key, dimension=dimension))
    top = item.get("max_points")
    if not _is_number(top) or top <= 0:
        problems.append(i18n.tr("scorecard.bad_value", key=f"{key}.max_points", value=top))
        top = 0.0
    missing = item.get("missing", "worst")
    # "neutral" (older files) once scored neutral_points; a missing input now never beats
    # the worst bin unless the factor says missing = "points" with its missing_points.
    missing = "worst" if missing == "neutral" else missing
    if missing not in ("worst", "refuse", "points"):
        problems.append(i18n.tr("scorecard.bad_value", key=f"{key}.missing", value=missing))
    if missing == "points" and "missing_points" not in item:
        problems.append(i18n.tr("scorecard.missing_key", key=f"{key}.missing_points"))
    missing_points = item.get("missing_points", 0) if missing == "points" else 0
    else_points = item.get("else_points", 0)
    points_seen = [missing_points, else_points]
    choices: list[Choice] = []
    bins: list = []
    better = item.get("better", "higher")
    if "choices" in item:
        for choice in item["choices"] if isinstance(item["choices"], list) else [None]:
            if not isinstance(choice, dict) or not isinstance(choice.get("value"), str):
                problems.append(i18n.tr("scorecard.bad_value", key=f"{key}.choices", value=choice))
                continue
            choices.append(Choice(choice["value"], choice.get("points"),
                                  str(choice.get("zh", choice["value"])),
                                  str(choice.get("en", choice["value"]))))
            points_seen.append(choice.get("points"))
        if (metric is not None and metric.type != "category") or \
                (metric is None and item.get("type", "category") != "category"):
            problems.append(i18n.tr("scorecard.bad_value", key=f"{key}.choices", value=metric_key))
    else:
        if better not in ("higher", "lower"):
            problems.append(i18n.tr("scorecard.bad_value", key=f"{key}.better", value=better))
        bins = _bins(item.get("bins"), better, key, problems)
        points_seen += [p for _op, _bound, p in bins]
        if (metric is not None and metric.type == "category") or \
                (metric is None and item.get("type", "number") != "number"):
            problems.append(i18n.tr("scorecard.bad_value", key=f"{key}.bins", value=metric_key))
    if not all(_is_number(p) and 0 <= p <= top for p in points_seen):
        problems.append(i18n.tr("scorecard.points_range", factor=key, max=_number(top)))
    elif bins and not _monotone(bins, better, else_points):
        problems.append(i18n.tr("scorecard.not_monotone", factor=key))
    if len(problems) > before:
        return None
    return Factor(key, metric_key, dimension, float(top), str(item.get("zh", key)),
                  str(item.get("en", key)), better, tuple((op, b, float(p)) for op, b, p in bins),
                  float(else_points), tuple(Choice(c.value, float(c.points), c.zh, c.en)
                                            for c in choices), missing, float(missing_points),
                  str(item.get("type", "")) if fitted and metric is None else "")


BIN_OPERATORS = {"from": ">=", "above": ">", "to": "<=", "below": "<"}
_FIT_NOTES = ("n", "bad", "woe")
_DIRECTION = {"higher": ("from", "above"), "lower": ("to", "below")}


def _bins(raw, better: str, key: str, problems: list[str]) -> list[tuple[str, float, object]]:
    """``[{from = 2.0, points = 7}, ...]`` -> ``[(">=", 2.0, 7), ...]``. "from"/"above" bound
    inputs from below (higher is better), "to"/"below" from above (lower is better)."""
    allowed = _DIRECTION.get(better, ())
    out = []
    for item in raw if isinstance(raw, list) and raw else [None]:
        words = [w for w in BIN_OPERATORS if isinstance(item, dict) and w in item]
        # (A fitted card's bins also say what they were fitted on: n, bad, woe.)
        if len(words) != 1 or words[0] not in allowed or not _is_number(item[words[0]]) \
                or not {words[0], "points"} <= set(item) <= {words[0], "points", *_FIT_NOTES}:
            problems.append(i18n.tr("scorecard.bad_value", key=f"{key}.bins", value=item))
            return []
        out.append((BIN_OPERATORS[words[0]], float(item[words[0]]), item["points"]))
    return out


def _monotone(bins: list, better: str, else_points: float) -> bool:
    """Best bin first: bounds move towards worse inputs, points never rise."""
    bounds = [b for _op, b, _p in bins]
    points = [p for _op, _b, p in bins] + [else_points]
    ordered = all((a > b) if better == "higher" else (a < b) for a, b in zip(bounds, bounds[1:]))
    return ordered and all(a >= b for a, b in zip(points, points[1:]))


def _grades(data: dict, problems: list[str], fitted: bool = False) -> dict:
    """Lowest score per grade, falling from AAA to the worst grade at 0. A fitted card
    lists only the grades it uses (``fitting.grade_groups``)."""
    raw = data.get("grades")
    used = [g for g in GRADES if isinstance(raw, dict) and g in raw]
    if not isinstance(raw, dict) or not used or set(raw) - set(GRADES) or \
            (not fitted and len(used) != len(GRADES)) or not all(_is_number(raw[g]) for g in used):
        problems.append(i18n.tr("scorecard.grades"))
        return {}
    values = [float(raw[g]) for g in used]
    if values[-1] != 0 or values[0] > 100 or any(a <= b for a, b in zip(values, values[1:])):
        problems.append(i18n.tr("scorecard.grades"))
    return dict(zip(used, values))


def _risk(data: dict, problems: list[str]) -> dict:
    raw = data.get("risk_levels")
    if not isinstance(raw, dict) or set(raw) != set(GRADES) or not all(
            raw[g] in RISK_LEVELS for g in GRADES):
        problems.append(i18n.tr("scorecard.risk"))
        return {}
    return {g: raw[g] for g in GRADES}


def _limits(data: dict, problems: list[str]) -> LimitRule:
    raw = data.get("limits")
    if not isinstance(raw, dict):
        problems.append(i18n.tr("scorecard.missing_key", key="limits"))
        return LimitRule((), 1, {})
    bases = raw.get("bases")
    if not isinstance(bases, list) or not bases or not all(b in LIMIT_BASES for b in bases):
        problems.append(i18n.tr("scorecard.bad_value", key="limits.bases", value=bases))
        bases = []
    round_to = raw.get("round_to", 1)
    if not isinstance(round_to, int) or isinstance(round_to, bool) or round_to < 1:
        problems.append(i18n.tr("scorecard.bad_value", key="limits.round_to", value=round_to))
        round_to = 1
    optional = raw.get("optional", [])
    if not isinstance(optional, list) or not all(b in bases for b in optional):
        problems.append(i18n.tr("scorecard.bad_value", key="limits.optional", value=optional))
        optional = []
    grades = {}
    for grade in GRADES:
        rule = raw.get(grade)
        if not isinstance(rule, dict) or not all(
                _is_number(rule.get(k)) and rule[k] >= 0 for k in ("cap", *bases)):
            problems.append(i18n.tr("scorecard.limit", grade=grade))
            continue
        grades[grade] = {k: rule[k] for k in ("cap", *bases)}
    if grades.get("C", {}).get("cap", 0) != 0:
        problems.append(i18n.tr("scorecard.limit_c"))
    return LimitRule(tuple(bases), round_to, grades, tuple(optional))


# -- scoring ----------------------------------------------------------------------------
@dataclass(frozen=True)
class FactorScore:
    key: str
    dimension: str
    input: object                 # the value scored; None when missing
    points: float
    max_points: float
    rule: str                     # the bin or answer that gave the points; "missing"
    required: bool = True         # a missing input needs a reason to submit

    @property
    def missing(self) -> bool:
        return self.rule == "missing"


@dataclass(frozen=True)
class Scored:
    factors: tuple
    dimensions: dict              # key -> (points, weight)
    score: float
    grade: str
    incomplete: bool
    base: float = 0.0             # a fitted card's starting points (its intercept)

    @property
    def missing(self) -> list[str]:
        """Keys of the factors scored without their input."""
        return [f.key for f in self.factors if f.missing]

    @property
    def missing_required(self) -> list[str]:
        return [f.key for f in self.factors if f.missing and f.required]


def score(card: Scorecard, inputs: dict) -> Scored:
    """Score ``inputs`` (metric key -> value, None when unknown) with ``card``.

    :raises MissingInputs: a factor whose policy is "refuse" has no input.
    """
    refused = [f.label for f in card.factors if inputs.get(f.input) is None and f.missing == "refuse"]
    if refused:
        raise MissingInputs(refused)
    lines = []
    for factor in card.factors:
        value = inputs.get(factor.input)
        if value is None:
            lines.append(FactorScore(factor.key, factor.dimension, None, factor.missing_score,
                                     factor.max_points, "missing", factor.required))
        else:
            points, rule = factor.points_for(value)
            lines.append(FactorScore(factor.key, factor.dimension, value, points,
                                     factor.max_points, rule))
    dimensions = {d: (round(sum(l.points for l in lines if l.dimension == d), 2), weight)
                  for d, weight in card.dimensions.items()}
    # A fitted card's odds can lie beyond the 0–100 its grades are drawn on: such a score
    # is held at the end of the scale (where the best or worst grade already is).
    total = round(min(100.0, max(0.0, card.base_points + sum(l.points for l in lines))), 1)
    return Scored(tuple(lines), dimensions, total, grade_for_score(total, card.grades),
                  any(l.missing for l in lines), card.base_points)


def score_only(card: Scorecard, inputs: dict) -> tuple[float, str]:
    """``score``'s score and grade alone, the same to the last digit (a validation scores
    every grade a firm ever gave).

    :raises MissingInputs: as ``score``.
    """
    points = []
    for factor in card.factors:
        value = inputs.get(factor.input)
        if value is None:
            if factor.missing == "refuse":
                raise MissingInputs([factor.label])
            points.append(factor.missing_score)
        else:
            points.append(factor.points_of(value))
    total = round(min(100.0, max(0.0, card.base_points + sum(points))), 1)
    return total, grade_for_score(total, card.grades)
