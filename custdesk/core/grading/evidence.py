"""Scorecards against outcomes: validate a version on a history file or on the firm's own
graded files, and build a new version from either (``backtest``, ``fitting``).

A built version is saved like any manager's version: it grades no one until a second
manager approves it (``scorecards``). Its figures out of sample are kept in its text
(``[fit]``) and returned beside the version in use (champion and challenger).
"""

from __future__ import annotations

import dataclasses
import datetime

from dateutil.relativedelta import relativedelta

from .. import clock, i18n
from . import backtest, fitting
from .history import MIN_EACH, Column, History, HistoryError
from .metrics import METRICS

i18n.register({
    "evidence.build": ("重建评分卡", "building scorecards"),
    "evidence.validate": ("回测评分卡", "validating scorecards"),
    "evidence.no_outcomes": ("没有可用于回测的结果：需要至少一个观察期（{months} 个月）已满的已批准评估",
                             "no outcomes to validate on: approved assessments whose outcome "
                             "window ({months} months) has passed are needed"),
    "evidence.lacks": ("评分卡 {ref} 所需的特征 {inputs} 在文件中没有",
                       "the file lacks the characteristics {inputs} that {ref} reads"),
    "evidence.firm_lacks": ("本公司的评估没有记录评分卡 {ref} 读取的任何特征（{inputs}）：无法用本公司的结果回测",
                            "the firm's assessments record none of the characteristics {inputs} "
                            "that {ref} reads: it cannot be validated on the firm's outcomes"),
    "evidence.firm_source": ("本公司的评级与结果", "the firm's own grades and outcomes"),
})


# -- on a history file --------------------------------------------------------------------------
def validate_file(desk, ref: str, history: History, compare: History | None = None) -> dict:
    """Score every row of a history file with a version (a draft too: that is the point)."""
    desk.access.require("customer.view", i18n.tr("evidence.validate"))
    card = desk.grading.library.get(ref)
    out = backtest.validate_history(card, history, compare)
    if out["inputs_missing"] and len(out["inputs_missing"]) == len(card.factors):
        raise HistoryError(i18n.tr("evidence.lacks", ref=out["scorecard"],
                                   inputs=", ".join(out["inputs_missing"])))
    out["source"] = history.source
    return out


def build(desk, history: History, *, name: str, kind: str, labels: dict | None = None) -> dict:
    """Fit a new version of ``name`` (version 1, or the next of one's own) on ``history``,
    save it for approval, and return its figures beside the version in use."""
    library = desk.grading.library
    desk.access.require("settings.manage", i18n.tr("evidence.build"))
    versions = library.versions(name)
    version = versions[-1] + 1 if versions else 1
    default = library.for_grading(kind=kind)
    built = fitting.build(history, name=name, version=version, kind=kind,
                          limits_source=fitting.limits_table(default.source),
                          valid_months=default.valid_months, labels=labels)
    library.save(built.source)
    card = library.get(f"{name}@{version}")
    out = {"name": name, "version": version, "kind": kind, "status": library.status(name, version),
           "rows": history.rows, "bad": history.bads, "source": history.source,
           "cross_validation": built.cv, "later_period": built.later,
           "scaling": dict(fitting.SCALE), "base_points": card.base_points,
           "grades": card.grades, "characteristics": built.characteristics,
           "left_out": {**history.skipped, **built.model.skipped}}
    # The version in use for this name (or the kind's default), on the same rows.
    usable = [v for v in versions if library.status(name, v) in ("builtin", "approved")]
    champion = library.get(f"{name}@{usable[-1]}") if usable else default
    champion_ref = f"{champion.name}@{champion.version}"
    try:
        figures = backtest.validate_history(champion, history)
        out["champion"] = {"scorecard": champion_ref, "auc": figures["auc"], "ks": figures["ks"],
                           "gini": figures["gini"], "inputs_missing": figures["inputs_missing"],
                           "in_sample": champion.fitted}
    except backtest.BacktestError as exc:
        out["champion"] = {"scorecard": champion_ref, "error": str(exc)}
    return out


# -- on the firm's own outcomes -----------------------------------------------------------------
def _rescored(card, observations, memo: dict | None = None) -> list[backtest.Scored]:
    """Each observation as ``card`` grades it: its own result when it was graded with
    this very version, otherwise its recorded inputs scored again (once per assessment,
    with ``memo``)."""
    from .scorecard import MissingInputs, score_only
    memo = {} if memo is None else memo
    out = []
    for o in observations:
        if (o.scorecard_name, o.scorecard_version) == (card.name, card.version) \
                and o.score is not None:
            s, g = o.score, o.computed_grade or o.grade
        elif o.inputs is None:
            continue                  # its detail is sealed above this reader's keys
        else:
            found = memo.get(o.assessment_id)
            if found is None:
                try:
                    found = memo[o.assessment_id] = score_only(card, o.inputs)
                except MissingInputs:
                    memo[o.assessment_id] = False
                    continue
            if found is False:
                continue
            s, g = found
        # (A grade whose outcome is not known yet counts as good: only PSI reads those.)
        out.append(backtest.Scored(s, g, int(getattr(o, "bad", False)), card.bad_probability(s)))
    return out


def validate_firm(desk, ref: str | None = None, *, kind: str | None = None,
                  as_of: datetime.date | None = None) -> dict:
    """Validate a version on the firm's approved assessments whose outcome window has passed
    (or that went bad within it), with the 12-month migration matrix and the PSI between
    the last 12 months' graded population and the 12 months before."""
    desk.access.require("customer.view", i18n.tr("evidence.validate"))
    library = desk.grading.library
    card = library.get(ref) if ref else library.for_grading(kind=kind or "enterprise")
    as_of = as_of or clock.today()
    outcomes = desk.outcomes
    # Every grade and every first bad day read once: observations, PSI and the migration
    # matrix all walk them. Recorded inputs are opened only for grades made with another
    # version, the only ones scored again.
    grades = outcomes.grades(until=as_of)
    bad = outcomes.bad_dates(as_of)
    found = outcomes.observations(as_of=as_of, kind=card.kind, grades=grades, bad=bad,
                                  with_inputs=False)
    window = found.window_months
    observations = list(found)
    year_ago, two_years_ago = as_of - relativedelta(months=12), as_of - relativedelta(months=24)
    recent = [g for g in grades if g.kind == card.kind and year_ago <= g.decided <= as_of]
    before = [g for g in grades if g.kind == card.kind and two_years_ago <= g.decided < year_ago]
    own = (card.name, card.version)
    needed = sorted({g.assessment_id for g in (*observations, *recent, *before)
                     if (g.scorecard_name, g.scorecard_version) != own or g.score is None})
    recorded = outcomes.inputs(needed)

    def with_inputs(items):
        return [dataclasses.replace(g, inputs=recorded[g.assessment_id])
                if g.assessment_id in recorded else g for g in items]

    # What the card reads that no file recorded (a card fitted on a file's own columns):
    # scored as missing throughout, which the reader must be told.
    again = [recorded[o.assessment_id] for o in observations if o.assessment_id in recorded]
    held = {key for inputs in again for key, value in inputs.items() if value is not None}
    lacking = sorted({f.input for f in card.factors} - held) if again else []
    if lacking and len(lacking) == len({f.input for f in card.factors}):
        raise HistoryError(i18n.tr("evidence.firm_lacks", ref=f"{card.name}@{card.version}",
                                   inputs=", ".join(lacking)))
    memo: dict = {}
    scored = _rescored(card, with_inputs(observations), memo)
    if not scored:
        raise HistoryError(i18n.tr("evidence.no_outcomes", months=window))
    out = backtest.summary(scored)
    out["scorecard"] = f"{card.name}@{card.version}"
    out["as_of"] = as_of.isoformat()
    out["window_months"] = window
    out["left_out"] = dict(found.left_out)
    out["not_scored"] = len(observations) - len(scored)
    out["inputs_missing"] = lacking
    out["graded_with_this_version"] = sum(
        1 for o in observations if (o.scorecard_name, o.scorecard_version) == own)
    recent_s = _rescored(card, with_inputs(recent), memo)
    before_s = _rescored(card, with_inputs(before), memo)
    if recent_s and before_s:
        value = backtest.psi(backtest.grade_counts(before_s), backtest.grade_counts(recent_s))
        out["psi"] = round(value, 4)
        out["psi_meaning"] = backtest.psi_label(value)
        out["psi_periods"] = {"before": len(before_s), "recent": len(recent_s)}
    else:
        out["psi"] = None
    out["migration"] = outcomes.migration(months=12, as_of=as_of, kind=card.kind,
                                          grades=grades, bad=bad)
    return out


def firm_history(desk, kind: str, as_of: datetime.date | None = None) -> History:
    """The firm's outcomes as a history: one row per observed assessment, its recorded
    inputs as characteristics (custdesk's own measures, so a card fitted on them grades
    the firm's files), dated by the assessment."""
    observations = [o for o in desk.outcomes.observations(as_of=as_of, kind=kind)
                    if o.inputs is not None]
    keys = sorted({k for o in observations for k in o.inputs if k in METRICS})
    columns = []
    for key in keys:
        category = METRICS[key].type == "category"
        values = []
        for o in observations:
            v = o.inputs.get(key)
            if v is not None and not category:
                try:
                    v = float(v)
                except (TypeError, ValueError):
                    v = None
            values.append(None if v is None else (str(v) if category else v))
        # Kept even when it holds one value or none: the version in use is scored again
        # on these rows as it scored them (fitting leaves such a column out by itself).
        columns.append(Column(key, "category" if category else "number", values))
    history = History(columns, [int(o.bad) for o in observations],
                      [o.decided for o in observations], {}, 0,
                      i18n.tr("evidence.firm_source"))
    if history.bads < MIN_EACH or history.rows - history.bads < MIN_EACH:
        raise HistoryError(i18n.tr("history.too_few", rows=history.rows, bad=history.bads,
                                   need=MIN_EACH))
    return history


def metric_labels() -> dict:
    """Labels of custdesk's own measures, for a card fitted on the firm's history."""
    return {key: (m.zh, m.en[:1].upper() + m.en[1:]) for key, m in METRICS.items()}

