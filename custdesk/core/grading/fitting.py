"""Fitting a scorecard on a history of outcomes (the classic credit scorecard).

1. **Binning.** Each number is cut into bins by a shallow decision tree (each leaf at
   least ``MIN_BIN_SHARE`` of the rows), then neighbouring bins are merged until the bad
   rate moves one way only (pool-adjacent-violators), in whichever direction keeps more
   information. Categories are grouped by bad rate, rare ones together. A missing value
   has a bin of its own only when there are enough of them; otherwise it scores as the
   worst bin, and the card says which.
2. **Weights of evidence** per bin, ``ln(share of goods / share of bads)`` (half a row
   added to each count, so an all-good bin stays finite), and the **information value**
   of each characteristic. Those below ``MIN_IV`` are left out, with the reason.
3. **Logistic regression** of bad on the weights of evidence (scikit-learn). A
   characteristic whose weight comes out with the wrong sign — more evidence of good
   predicting more bad, which only happens when it repeats another — is left out and
   the model fitted again.
4. **Points.** ``score = 50 + 10 / ln 2 × ln(odds / 20)`` (odds = good : bad): 50 points
   are odds of 20 to 1, and every 10 points double the odds, in every fitted card, so a
   score means the same risk whichever card gave it. Each characteristic's worst bin
   earns 0; the model's intercept is the card's ``base_points``.
5. **Grades** from the master scale ``MASTER_SCALE``: the highest bad rate each grade
   stands for, turned into the score at which it starts.

Out of sample: stratified k-fold cross-validation (binning and regression fitted
within each fold), and, when the rows are dated, the latest ``LATER_SHARE`` held out
and scored by a card fitted on the rest. Needs the ``fit`` extra (scikit-learn); the
rest of custdesk, validation included, does not.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .. import i18n
from ..errors import CustdeskError
from .history import History
from .scale import GRADES

i18n.register({
    "fit.needs_extra": ("重建评分卡需要拟合组件（scikit-learn）：pip install \"custdesk[fit]\"",
                        "re-fitting a scorecard needs the fitting component (scikit-learn): "
                        "pip install \"custdesk[fit]\""),
    "fit.no_characteristics": ("没有可用于建模的特征：{reasons}",
                               "no characteristic can be used for a model: {reasons}"),
    "fit.skip.low_iv": ("信息值 {iv} 低于 {min}", "information value {iv} below {min}"),
    "fit.skip.sign": ("与其他特征重复（回归系数方向相反）",
                      "repeats other characteristics (its weight came out reversed)"),
    "fit.missing": ("（缺失）", "(missing)"),
    "fit.missing_bin": ("缺失值按拟合所得计分（{n} 行缺失，不良率 {rate}）",
                        "a missing value scores what it was fitted to ({n} rows missing, "
                        "bad rate {rate})"),
    # The comments of a fitted card's text, written in both languages.
    "fit.c.fitted": ("由 custdesk 依据 {source} 的 {rows} 行（其中不良 {bad} 行）拟合。",
                     "Fitted by custdesk on {rows} rows ({bad} bad) of {source}."),
    "fit.c.history": ("一份历史数据", "a history"),
    "fit.c.scale": ("分值：好坏比为 20 比 1 时为 50 分；每多 10 分，好坏比翻一倍。",
                    "Points: 50 at odds of 20 good to 1 bad; every 10 points double the odds."),
    "fit.c.base": ("每个特征最差的区间得 0 分；base_points 是每个客户的起点分。",
                   "Each characteristic's worst bin earns 0; base_points is where everyone "
                   "starts."),
    "fit.c.grades": ("历史数据区分不开的相邻等级已合并；未用到的等级不列出。",
                     "Grades the history could not tell apart are joined; those unused are "
                     "not listed."),
})


def _comment(key: str, **params) -> list[str]:
    """A comment line of a fitted card's text in Chinese, then in English."""
    out = []
    for lang in ("zh", "en"):
        with i18n.using(lang):
            values = {k: v() if callable(v) else v for k, v in params.items()}
            out.append(f"# {i18n.tr(key, **values)}")
    return out

MIN_BIN_SHARE = 0.03          # every bin holds at least this share of the rows
MAX_BINS = 8
MIN_IV = 0.02                 # below this a characteristic predicts nothing worth its points
MIN_GRADE_ROWS = 20           # a grade of a fitted card holds at least this many rows
MIN_GRADE_SHARE = 0.03        # and this share of them
FOLDS = 5
LATER_SHARE = 0.2
SCALE = {"pdo": 10.0, "anchor_score": 50.0, "anchor_odds": 20.0}
FACTOR = SCALE["pdo"] / math.log(2)
# The highest bad rate (within the outcome window) each grade stands for; C is the rest.
MASTER_SCALE = {"AAA": 0.0025, "AA": 0.005, "A": 0.01, "BBB": 0.025, "BB": 0.05,
                "B": 0.10, "CCC": 0.20, "CC": 0.35}
RISK = {"AAA": "low", "AA": "low", "A": "low", "BBB": "medium", "BB": "medium",
        "B": "medium", "CCC": "high", "CC": "high", "C": "high"}


class FitError(CustdeskError):
    pass


def _sklearn():
    try:
        import numpy
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold
        from sklearn.tree import DecisionTreeClassifier
    except ImportError:
        raise FitError(i18n.tr("fit.needs_extra")) from None
    return numpy, LogisticRegression, StratifiedKFold, DecisionTreeClassifier


def score_at(bad_rate: float) -> float:
    """The score a bad rate stands for on the fitted cards' scale."""
    odds = (1 - bad_rate) / bad_rate
    return SCALE["anchor_score"] + FACTOR * math.log(odds / SCALE["anchor_odds"])


def grade_thresholds() -> dict[str, float]:
    """Where each grade of the master scale starts on the fitted cards' scale."""
    out = {grade: round(score_at(rate), 1) for grade, rate in MASTER_SCALE.items()}
    out["C"] = 0.0
    return out


def _grade_of(score: float, thresholds: dict[str, float]) -> str:
    return next((g for g in GRADES if g in thresholds and score >= thresholds[g]), GRADES[-1])


def _separated(better: list, worse: list) -> bool:
    """Is the worse group's bad rate above the better one's, beyond chance (one-sided
    two-proportion z-test at 1 %: grades are drawn on out-of-fold scores, and later rows
    must find them in the same order)?"""
    n1, b1, n2, b2 = len(better), sum(better), len(worse), sum(worse)
    pooled = (b1 + b2) / (n1 + n2)
    if pooled in (0.0, 1.0):
        return False
    z = (b2 / n2 - b1 / n1) / math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    return z > 2.326


def _bad_probability(score: float) -> float:
    log_odds = math.log(SCALE["anchor_odds"]) + (score - SCALE["anchor_score"]) / FACTOR
    return 1.0 / (1.0 + math.exp(min(700.0, log_odds)))


def grade_groups(scores: list[float], bad: list[int], bad_probability) -> dict[str, float]:
    """The grades a fitted card uses, and where each starts.

    The master scale places every score in a grade. Neighbouring grades whose rows the
    history cannot tell apart — fewer than ``MIN_GRADE_SHARE`` of the rows, or a bad rate
    not higher than the better one's beyond chance — are joined, the joined group named
    by the master-scale grade of its mean expected bad rate. Grades left unused are not
    listed: a grade a card shows then means a risk its history bore out."""
    scale = grade_thresholds()
    groups: list[list[int]] = []             # row indexes, best grade first
    by_grade: dict[str, list[int]] = {}
    for i, s in enumerate(scores):
        by_grade.setdefault(_grade_of(s, scale), []).append(i)
    groups = [by_grade[g] for g in GRADES if g in by_grade]
    minimum = max(MIN_GRADE_ROWS, math.ceil(MIN_GRADE_SHARE * len(scores)))

    def weak(k: int) -> bool:     # groups k and k + 1 should be one
        a, b = groups[k], groups[k + 1]
        return len(a) < minimum or len(b) < minimum or \
            not _separated([bad[i] for i in a], [bad[i] for i in b])

    while len(groups) > 1:
        pairs = [k for k in range(len(groups) - 1) if weak(k)]
        if not pairs:
            break
        # Join the smallest pair first: the least evidence goes first.
        k = min(pairs, key=lambda k: len(groups[k]) + len(groups[k + 1]))
        groups[k:k + 2] = [groups[k] + groups[k + 1]]
    out: dict[str, float] = {}
    last = -1
    for n, group in enumerate(groups):
        expected = sum(bad_probability(scores[i]) for i in group) / len(group)
        index = GRADES.index(next((g for g in GRADES[:-1] if expected <= MASTER_SCALE[g]), "C"))
        # Names stay in order, leaving room for the groups still to come.
        index = min(max(index, last + 1), len(GRADES) - (len(groups) - n))
        low = 0.0 if n == len(groups) - 1 else min(scores[i] for i in group)
        out[GRADES[index]] = round(low, 1)
        last = index
    return out


# -- binning -----------------------------------------------------------------------------
@dataclass
class Bin:
    n: int
    bad: int
    low: float | None = None        # numbers: (low, high]; None = open end
    high: float | None = None
    values: tuple = ()              # categories
    missing: bool = False
    woe: float = 0.0
    points: float = 0.0

    @property
    def rate(self) -> float:
        return self.bad / self.n if self.n else 0.0

    @property
    def smoothed(self) -> float:
        """The bad rate with half a row added to goods and bads: what the weight of
        evidence orders by, so bins ordered by it have ordered weights."""
        return (self.bad + 0.5) / (self.n + 1)


@dataclass
class Binned:
    key: str
    type: str
    bins: list[Bin]                 # non-missing bins, worst (lowest woe) ... best, for numbers in value order
    missing: Bin | None             # its own bin, when there were enough missing values
    iv: float = 0.0
    better: str = "higher"          # numbers: which way the good lie
    coefficient: float = 0.0
    notes: list[str] = field(default_factory=list)

    def woe_of(self, value) -> float:
        return self.bin_of(value).woe

    def bin_of(self, value) -> Bin:
        if value is None:
            return self.missing if self.missing is not None else min(self.bins, key=lambda b: b.woe)
        if self.type == "category":
            for b in self.bins:
                if value in b.values:
                    return b
            return min(self.bins, key=lambda b: b.woe)     # unseen: the worst group
        for b in self.bins:
            if b.high is None or value <= b.high:
                return b
        return self.bins[-1]


def _woe(n_bad: int, n_good: int, total_bad: int, total_good: int) -> float:
    return math.log(((n_good + 0.5) / (total_good + 0.5)) / ((n_bad + 0.5) / (total_bad + 0.5)))


def _finish(binned: Binned, total_bad: int, total_good: int) -> Binned:
    parts = binned.bins + ([binned.missing] if binned.missing else [])
    iv = 0.0
    for b in parts:
        b.woe = _woe(b.bad, b.n - b.bad, total_bad, total_good)
        iv += ((b.n - b.bad + 0.5) / (total_good + 0.5) - (b.bad + 0.5) / (total_bad + 0.5)) * b.woe
    binned.iv = iv
    return binned


def _pava(bins: list[Bin], increasing: bool) -> list[Bin]:
    """Merge neighbours until bad rates only rise (``increasing``) or only fall."""
    out: list[Bin] = []
    for b in bins:
        out.append(Bin(b.n, b.bad, b.low, b.high))
        while len(out) > 1 and ((out[-2].smoothed > out[-1].smoothed) if increasing
                                else (out[-2].smoothed < out[-1].smoothed)):
            last = out.pop()
            prev = out.pop()
            out.append(Bin(prev.n + last.n, prev.bad + last.bad, prev.low, last.high))
    return out


def _merge_small(bins: list[Bin], minimum: int) -> list[Bin]:
    bins = list(bins)
    while len(bins) > 1:
        small = min(range(len(bins)), key=lambda i: bins[i].n)
        if bins[small].n >= minimum and len(bins) <= MAX_BINS:
            break
        if small == 0:
            j = 1
        elif small == len(bins) - 1:
            j = small - 1
        else:   # towards the neighbour whose bad rate is closer
            j = small - 1 if abs(bins[small - 1].rate - bins[small].rate) <= \
                abs(bins[small + 1].rate - bins[small].rate) else small + 1
        a, b = sorted((small, j))
        merged = Bin(bins[a].n + bins[b].n, bins[a].bad + bins[b].bad, bins[a].low, bins[b].high,
                     bins[a].values + bins[b].values)
        bins[a:b + 1] = [merged]
    return bins


def bin_number(key: str, values: list, bad: list[int], tree_cls, np) -> Binned:
    present = [i for i, v in enumerate(values) if v is not None]
    total_bad = sum(bad)
    total_good = len(bad) - total_bad
    minimum = max(1, math.ceil(MIN_BIN_SHARE * len(bad)))
    x = np.array([values[i] for i in present], dtype=float).reshape(-1, 1)
    y = np.array([bad[i] for i in present])
    edges: list[float] = []
    if len(present) >= 2 * minimum and 0 < y.sum() < len(y):
        tree = tree_cls(max_leaf_nodes=MAX_BINS * 2, min_samples_leaf=minimum,
                        random_state=0).fit(x, y)
        edges = sorted({float(t) for t, f in zip(tree.tree_.threshold, tree.tree_.feature)
                        if f >= 0})
    bounds = [None] + edges + [None]
    order = sorted(present, key=lambda i: values[i])
    raw: list[Bin] = []
    k = 0
    for low, high in zip(bounds, bounds[1:]):
        n = b = 0
        while k < len(order) and (high is None or values[order[k]] <= high):
            n += 1
            b += bad[order[k]]
            k += 1
        if n:
            raw.append(Bin(n, b, low, high))
    best = None
    for increasing in (True, False):
        merged = _merge_small(_pava(raw, increasing), minimum)
        merged = _pava(merged, increasing)
        candidate = _finish(Binned(key, "number", merged, None,
                                   better="lower" if increasing else "higher"),
                            total_bad, total_good)
        if best is None or candidate.iv > best.iv:
            best = candidate
    best.missing = _missing_bin(values, bad, minimum)
    # Bounds as the bins now stand (merging kept low of the first, high of the last).
    for i, b in enumerate(best.bins):
        b.low = best.bins[i - 1].high if i else None
    best.bins[-1].high = None
    return _finish(best, total_bad, total_good)


def bin_category(key: str, values: list, bad: list[int]) -> Binned:
    total_bad = sum(bad)
    total_good = len(bad) - total_bad
    minimum = max(1, math.ceil(MIN_BIN_SHARE * len(bad)))
    counts: dict[str, list[int]] = {}
    for v, b in zip(values, bad):
        if v is not None:
            c = counts.setdefault(v, [0, 0])
            c[0] += 1
            c[1] += b
    groups = [Bin(n, b, values=(v,)) for v, (n, b) in counts.items()]
    groups.sort(key=lambda g: (g.rate, -g.n))
    groups = _merge_small(groups, minimum)
    binned = _finish(Binned(key, "category", groups, _missing_bin(values, bad, minimum)),
                     total_bad, total_good)
    binned.bins.sort(key=lambda g: g.woe)
    return binned


def _missing_bin(values: list, bad: list[int], minimum: int) -> Bin | None:
    gone = [b for v, b in zip(values, bad) if v is None]
    return Bin(len(gone), sum(gone), missing=True) if len(gone) >= minimum else None


def bin_history(history: History, np, tree_cls, skipped: dict) -> list[Binned]:
    out = []
    for column in history.columns:
        if len({v for v in column.values if v is not None}) < 2:
            skipped[column.key] = i18n.tr("history.skip.constant")
            continue
        if column.type == "number":
            out.append(bin_number(column.key, column.values, history.bad, tree_cls, np))
        else:
            out.append(bin_category(column.key, column.values, history.bad))
    return out


# -- the model ----------------------------------------------------------------------------
@dataclass
class Model:
    characteristics: list[Binned]
    intercept: float
    skipped: dict[str, str]

    def log_odds_bad(self, inputs: dict) -> float:
        return self.intercept + sum(c.coefficient * c.woe_of(inputs.get(c.key))
                                    for c in self.characteristics)


def fit_model(history: History) -> Model:
    """Bin, select and regress (no points yet)."""
    np, LogisticRegression, _folds, tree_cls = _sklearn()
    skipped: dict[str, str] = {}
    binned = bin_history(history, np, tree_cls, skipped)
    kept = []
    for b in binned:
        if b.iv < MIN_IV:
            skipped[b.key] = i18n.tr("fit.skip.low_iv", iv=f"{b.iv:.3f}", min=MIN_IV)
        else:
            kept.append(b)
    y = np.array(history.bad)
    while True:
        if not kept:
            raise FitError(i18n.tr("fit.no_characteristics", reasons="; ".join(
                f"{k}: {v}" for k, v in {**history.skipped, **skipped}.items()) or "—"))
        columns = {c.key: history.column(c.key).values for c in kept}
        x = np.array([[c.woe_of(v) for v in columns[c.key]] for c in kept], dtype=float).T
        model = LogisticRegression(C=1e6, max_iter=1000).fit(x, y)
        wrong = [(coef, c) for coef, c in zip(model.coef_[0], kept) if coef >= 0]
        if not wrong:
            break
        # The largest wrong-signed weight first; the rest may come right without it.
        _coef, c = max(wrong, key=lambda pair: pair[0])
        skipped[c.key] = i18n.tr("fit.skip.sign")
        kept.remove(c)
    for coef, c in zip(model.coef_[0], kept):
        c.coefficient = float(coef)
    return Model(kept, float(model.intercept_[0]), skipped)


def points(model: Model) -> float:
    """Give every bin its points (worst bin 0); returns the card's base points."""
    # score = A + F ln(odds_good / anchor) with ln odds_good = -(b0 + sum b_i w_i)
    base = SCALE["anchor_score"] - FACTOR * math.log(SCALE["anchor_odds"]) - FACTOR * model.intercept
    for c in model.characteristics:
        parts = c.bins + ([c.missing] if c.missing else [])
        worst = min(b.woe for b in parts)
        for b in parts:
            b.points = round(-FACTOR * c.coefficient * (b.woe - worst), 1)
        base += -FACTOR * c.coefficient * worst
    return round(base, 1)


# -- out of sample -------------------------------------------------------------------------
def _score_rows(model: Model, history: History) -> list[float]:
    """A fitted model's log-odds of bad per row (higher = riskier)."""
    columns = [(c, history.column(c.key).values) for c in model.characteristics]
    return [model.intercept + sum(c.coefficient * c.woe_of(values[i]) for c, values in columns)
            for i in range(history.rows)]


def cross_validate(history: History, folds: int = FOLDS) -> dict:
    from .backtest import auc, ks
    np, _lr, StratifiedKFold, _tree = _sklearn()
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=0)
    aucs, kss = [], []
    unseen = [0.0] * history.rows          # each row's score by a card that never saw it
    for train, test in splitter.split(np.zeros(history.rows), np.array(history.bad)):
        model = fit_model(history.subset(list(train)))
        held = history.subset(list(test))
        risk = _score_rows(model, held)
        aucs.append(auc([-r for r in risk], held.bad))
        kss.append(ks([-r for r in risk], held.bad))
        for i, r in zip(test, risk):
            unseen[i] = _score_of_log_odds(r)
    mean = sum(aucs) / len(aucs)
    sd = math.sqrt(sum((a - mean) ** 2 for a in aucs) / max(1, len(aucs) - 1))
    return {"folds": folds, "auc": round(mean, 4), "auc_sd": round(sd, 4),
            "gini": round(2 * mean - 1, 4), "ks": round(sum(kss) / len(kss), 4),
            "scores": unseen}


def _score_of_log_odds(log_odds_bad: float) -> float:
    score = SCALE["anchor_score"] + FACTOR * (-log_odds_bad - math.log(SCALE["anchor_odds"]))
    return round(min(100.0, max(0.0, score)), 1)


def later_period(history: History) -> dict | None:
    """Fitted on the earlier rows, scored on the latest ``LATER_SHARE`` (dated rows only)."""
    from .backtest import auc, ks
    if not history.dates:
        return None
    dated = sorted((d, i) for i, d in enumerate(history.dates) if d is not None)
    cut = int(len(dated) * (1 - LATER_SHARE))
    early = [i for _d, i in dated[:cut]]
    late = [i for _d, i in dated[cut:]]
    held = history.subset(late)
    if held.bads < 5 or held.rows - held.bads < 5:
        return None
    model = fit_model(history.subset(early))
    risk = _score_rows(model, held)
    return {"from": dated[cut][0].isoformat(), "to": dated[-1][0].isoformat(), "rows": held.rows,
            "bad": held.bads, "auc": round(auc([-r for r in risk], held.bad), 4),
            "ks": round(ks([-r for r in risk], held.bad), 4)}


# -- the card ----------------------------------------------------------------------------------
def _toml_text(text: str) -> str:
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _num(value: float) -> str:
    text = repr(round(float(value), 6))
    return text[:-2] if text.endswith(".0") else text


def _factor_key(name: str, taken: set) -> str:
    base = "".join(ch if ch.isalnum() or ch == "_" else "_" for ch in name.strip()) or "factor"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    taken.add(key)
    return key


def card_source(model: Model, base: float, *, name: str, version: int, kind: str,
                title: tuple[str, str], limits_source: str, valid_months: int,
                provenance: dict, grades: dict, labels: dict | None = None) -> str:
    """The TOML text of a fitted card (``scorecard.parse`` reads it back)."""
    from ..fields import CHOICE_LABELS
    from .metrics import METRICS
    labels = labels or {}
    source = provenance.get("source")
    lines = [
        *_comment("fit.c.fitted", rows=provenance.get("rows"), bad=provenance.get("bad"),
                  source=source if source else lambda: i18n.tr("fit.c.history")),
        *_comment("fit.c.scale"), *_comment("fit.c.base"),
        f"name = {_toml_text(name)}", f"version = {version}", f"kind = {_toml_text(kind)}",
        'method = "fitted"', f"valid_months = {valid_months}", f"base_points = {_num(base)}",
        "", "[title]", f"zh = {_toml_text(title[0])}", f"en = {_toml_text(title[1])}", "",
        "[scaling]", *(f"{k} = {_num(v)}" for k, v in SCALE.items()), "",
        "[fit]", *(f"{k} = {_toml_text(v) if isinstance(v, str) else _num(v)}"
                   for k, v in provenance.items() if v is not None), "",
        *_comment("fit.c.grades"),
        "[grades]", *(f"{g} = {_num(v)}" for g, v in grades.items()), "",
        "[risk_levels]", *(f"{g} = {_toml_text(RISK[g])}" for g in GRADES), "",
    ]
    taken: set = set()
    for c in sorted(model.characteristics, key=lambda c: -c.iv):
        zh, en = labels.get(c.key, (c.key, c.key))
        metric = METRICS.get(c.key)
        parts = c.bins + ([c.missing] if c.missing else [])
        top = max(b.points for b in parts)
        lines += ["[[factors]]", f"key = {_toml_text(_factor_key(c.key, taken))}",
                  f"input = {_toml_text(c.key)}", f"zh = {_toml_text(zh)}", f"en = {_toml_text(en)}",
                  f"max_points = {_num(max(top, 0.1))}", f"iv = {_num(round(c.iv, 4))}"]
        if metric is None or kind not in metric.kinds or \
                (metric.type == "category") != (c.type == "category"):
            lines.append(f"type = {_toml_text(c.type)}")
        if c.type == "number":
            # Best bin first; bounds move towards worse inputs.
            ordered = list(reversed(c.bins)) if c.better == "higher" else list(c.bins)
            lines.append(f'better = "{c.better}"')
            rules = []
            for b in ordered[:-1]:
                bound = (f"above = {_num(b.low)}" if c.better == "higher"
                         else f"to = {_num(b.high)}")
                rules.append(f"{{ {bound}, points = {_num(b.points)}, n = {b.n}, "
                             f"bad = {b.bad}, woe = {_num(round(b.woe, 4))} }}")
            lines.append("bins = [" + ",\n        ".join(rules) + "]")
            lines.append(f"else_points = {_num(ordered[-1].points)}")
        else:
            # The values of one of custdesk's own choices are named as the window names them
            # (按揭 for "mortgage"); a file's own categories are their own names.
            own = metric is not None and metric.type == "category" and kind in metric.kinds
            choices = []
            for b in sorted(c.bins, key=lambda b: -b.woe):
                for value in b.values:
                    named = CHOICE_LABELS.get(value) if own else None
                    names = (f"zh = {_toml_text(named[0])}, en = {_toml_text(named[1])}, "
                             if named else "")
                    choices.append(f"{{ value = {_toml_text(value)}, {names}"
                                   f"points = {_num(b.points)}, "
                                   f"n = {b.n}, bad = {b.bad}, woe = {_num(round(b.woe, 4))} }}")
            lines.append("choices = [" + ",\n           ".join(choices) + "]")
            # A category never seen in the history scores as the worst group.
            lines.append(f"else_points = {_num(min(b.points for b in c.bins))}")
        if c.missing is not None and c.missing.points != min(b.points for b in c.bins):
            # Enough rows lacked it to measure what a gap means: the card says so.
            lines += _comment("fit.missing_bin", n=c.missing.n, rate=f"{c.missing.rate:.1%}")
            lines += ['missing = "points"', f"missing_points = {_num(c.missing.points)}"]
        else:
            lines.append('missing = "worst"')
        lines.append("")
    lines.append(limits_source.strip())
    return "\n".join(lines) + "\n"


def limits_table(source: str) -> str:
    """The ``[limits...]`` tables of another card's text (a fitted card keeps the firm's
    limit policy: only the grades are re-fitted)."""
    out, inside = [], False
    for line in source.splitlines():
        stripped = line.strip()
        if stripped.startswith("["):
            inside = stripped.startswith("[limits")
        if inside:
            out.append(line)
    return "\n".join(out)


@dataclass
class Built:
    source: str
    model: Model
    cv: dict
    later: dict | None
    characteristics: list[dict]


def build(history: History, *, name: str, version: int, kind: str, limits_source: str,
          valid_months: int = 12, labels: dict | None = None, folds: int = FOLDS) -> Built:
    """Fit a card on ``history`` and measure it out of sample."""
    cv = cross_validate(history, folds)
    later = later_period(history)
    model = fit_model(history)
    base = points(model)
    dates = [d for d in (history.dates or []) if d is not None]
    provenance = {"source": history.source or None, "rows": history.rows, "bad": history.bads,
                  "from": min(dates).isoformat() if dates else None,
                  "to": max(dates).isoformat() if dates else None,
                  "cv_auc": cv["auc"], "cv_ks": cv["ks"],
                  "later_auc": later["auc"] if later else None}
    title = (f"{name}（拟合）", f"{name} (fitted)")
    # Grades from out-of-fold scores: a card's scores of the rows it was fitted on look
    # better separated than any later rows will be.
    grades = grade_groups(cv.pop("scores"), history.bad, _bad_probability)
    source = card_source(model, base, name=name, version=version, kind=kind, title=title,
                         limits_source=limits_source, valid_months=valid_months,
                         provenance=provenance, grades=grades, labels=labels)
    rows = []
    for c in sorted(model.characteristics, key=lambda c: -c.iv):
        parts = c.bins + ([c.missing] if c.missing else [])
        rows.append({"key": c.key, "type": c.type, "iv": round(c.iv, 4),
                     "coefficient": round(c.coefficient, 4),
                     "bins": [{"label": bin_label(c, b), "n": b.n, "bad": b.bad,
                               "bad_rate": round(b.rate, 4), "woe": round(b.woe, 4),
                               "points": b.points} for b in parts]})
    return Built(source, model, cv, later, rows)


def bin_label(c: Binned, b: Bin) -> str:
    if b.missing:
        return i18n.tr("fit.missing")
    if c.type == "category":
        return " / ".join(b.values)
    low = "-∞" if b.low is None else _num(b.low)
    high = "+∞" if b.high is None else _num(b.high)
    return f"({low}, {high}]"
