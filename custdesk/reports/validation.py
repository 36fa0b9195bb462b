"""评分卡验证报告: how well a scorecard version ranked what happened, for the owner.

The figures are those of ``grading.evidence`` (``validate_file`` on a history file,
``validate_firm`` on the firm's own outcomes): the sample, AUC, Gini and KS, the bad rate
of each grade with its 95 % interval and the expected rate, the ROC and KS curves, the
population stability (PSI) and, on the firm's data, the 12-month grade migration matrix;
with a reading in plain words (``reading``, which the window shows too).

``gather`` turns a validation into text in the report's language; ``render`` is pure
layout. Like every report that leaves the program it is numbered in the export register
(``YZ-2026-000001``, ``reports.export.validation``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Group, Line, PolyLine, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph

from ..core import clock, i18n
from ..core.exports import Rendered, Stamp
from ..core.grading import backtest
from ..core.grading.scale import GRADES
from . import blocks as b
from .fonts import report_font
from .page import ACCENT, BAD, INK, MUTED, RULE, SHADE, WIDTH, build, classified, styles

i18n.register({
    "vr.title": ("评分卡验证报告", "Scorecard Validation Report"),
    "vr.written": ("已写入报告 {path}", "report written to {path}"),
    "vr.subtitle": ("{scorecard} · {date}", "{scorecard} · {date}"),
    "vr.s.subject": ("验证对象与数据", "What was validated, on what"),
    "vr.s.figures": ("主要指标", "Key figures"),
    "vr.s.reading": ("解读", "What the figures say"),
    "vr.s.grades": ("各等级不良率", "Bad rate by grade"),
    "vr.s.curves": ("ROC 曲线与 KS 曲线", "ROC and KS curves"),
    "vr.s.migration": ("等级迁移矩阵（{months} 个月）", "Grade migration ({months} months)"),
    "vr.s.terms": ("指标说明", "What the figures mean"),
    "vr.scorecard": ("评分卡", "Scorecard"),
    "vr.status": ("状态", "Status"),
    "vr.kind": ("客户类型", "Customer kind"),
    "vr.source": ("数据来源", "Data"),
    "vr.outcome": ("不良的定义", "What counts as bad"),
    "vr.compare": ("对比样本（PSI）", "Compared with (PSI)"),
    "vr.made": ("生成日期", "Made on"),
    "vr.firm_source": ("本公司的评级与结果（截至 {date}）", "The firm's own grades and outcomes (as of {date})"),
    "vr.file_outcome": ("结果列“{column}”取值为“{bad}”", "outcome column “{column}” holding “{bad}”"),
    "vr.file_outcome_auto": ("结果列“{column}”（按常见写法识别不良）",
                             "outcome column “{column}” (bad read from the usual spellings)"),
    "vr.firm_periods": ("近 12 个月评级的 {recent} 户与之前 12 个月的 {before} 户",
                        "the {recent} graded in the last 12 months against the {before} "
                        "graded in the 12 before"),
    "vr.none": ("无", "none"),
    "vr.n": ("样本数", "Rows"),
    "vr.bad": ("不良数", "Bad"),
    "vr.bad_rate": ("不良率", "Bad rate"),
    "vr.auc": ("AUC", "AUC"),
    "vr.gini": ("基尼系数", "Gini"),
    "vr.ks": ("KS", "KS"),
    "vr.psi": ("PSI", "PSI"),
    "vr.expected_rate": ("预计不良率", "Expected bad rate"),
    "vr.refused": ("无法评分的行", "Rows not scored"),
    "vr.grade": ("等级", "Grade"),
    "vr.interval": ("95% 区间", "95% interval"),
    "vr.expected": ("预计", "Expected"),
    "vr.remark": ("说明", "Remark"),
    "vr.flag": ("排序异常", "Out of order"),
    "vr.flag_detail": ("不良率低于更好的等级 {better}（{rate}）", "bad rate below that of the "
                       "better grade {better} ({rate})"),
    "vr.chart.observed": ("实际不良率", "observed bad rate"),
    "vr.chart.interval": ("95% 区间", "95% interval"),
    "vr.chart.expected": ("预计不良率", "expected bad rate"),
    "vr.chart.flagged": ("排序异常的等级", "grade out of order"),
    "vr.roc": ("ROC 曲线", "ROC curve"),
    "vr.roc.x": ("好客户累计占比", "share of goods"),
    "vr.roc.y": ("不良客户累计占比", "share of bads"),
    "vr.ks_curve": ("KS 曲线", "KS curve"),
    "vr.ks.x": ("分数（从低到高）", "score (low to high)"),
    "vr.ks.y": ("累计占比", "cumulative share"),
    "vr.ks.bad": ("不良客户累计占比", "bads below the score"),
    "vr.ks.good": ("好客户累计占比", "goods below the score"),
    "vr.from": ("期初等级", "Grade then"),
    "vr.total": ("合计", "Total"),
    "vr.migration_note": ("{start} 持有等级的客户在 {end} 的等级：每行一个期初等级；“转为不良”为期间发生"
                          "不良结果。共 {total} 户；未计入：期初已为不良 {already_bad} 户，期初前已关闭 "
                          "{closed} 户。",
                          "The grade on {end} of each customer who held a grade on {start}: one row "
                          "per grade then; “went bad” means a bad outcome in between. {total} "
                          "customers; left out: {already_bad} already bad and {closed} closed "
                          "before the start."),
    "vr.no_migration": ("迁移矩阵只在以本公司结果验证时提供。",
                        "The migration matrix is given only on the firm's own outcomes."),
    "vr.migration_empty": ("期初没有持有等级的客户。", "No customer held a grade at the start."),
    # the reading
    "vr.verdict.weak": ("区分能力弱", "weak ranking"),
    "vr.verdict.fair": ("区分能力一般", "fair ranking"),
    "vr.verdict.good": ("区分能力较好", "good ranking"),
    "vr.verdict.strong": ("区分能力强", "strong ranking"),
    "vr.read.auc": ("AUC {auc}：随机取一个好客户和一个不良客户，好客户得分更高的机会是 {share}"
                    "（0.5 等于抛硬币，0.7 以上一般可用，0.8 以上较强）。基尼系数 {gini} 是同一指标换算到"
                    " 0–1（2×AUC−1）。结论：{verdict}。",
                    "AUC {auc}: take one good and one bad customer at random, and the good one "
                    "scores higher {share} of the time (0.5 is a coin toss; above 0.7 is usually "
                    "useful, above 0.8 strong). Gini {gini} is the same measure on a 0–1 scale "
                    "(2 × AUC − 1). Verdict: {verdict}."),
    "vr.read.ks": ("KS {ks}：在最能区分好坏的分数线以下，不良客户所占的比例比好客户高 {gap} 个百分点"
                   "（0.2 以下偏弱，0.3 以上较好）。",
                   "KS {ks}: below the score that separates best, the share of bad customers "
                   "exceeds the share of good ones by {gap} percentage points (below 0.2 is weak, "
                   "above 0.3 good)."),
    "vr.read.order_ok": ("每个至少有 {min} 行的等级，不良率都随等级变差而上升：等级把风险排好了序。",
                         "In every grade with at least {min} rows the bad rate rises as the "
                         "grade worsens: the grades order risk."),
    "vr.read.order_bad": ("等级 {grades} 的不良率低于比它更好的等级（{detail}）：评分卡在这里没有把"
                          "风险排好序，应检查这些等级的分数线及其背后的特征。",
                          "Out of order: {grades} ({detail}). The bad rate there is below that "
                          "of a better grade, so the scorecard does not order risk at these "
                          "grades; check their cut-offs and the characteristics behind them."),
    "vr.read.order_unknown": ("至少有 {min} 行的等级不到两个：无法判断等级是否把风险排好了序。",
                              "Fewer than two grades have at least {min} rows: whether the "
                              "grades order risk cannot be told."),
    "vr.read.pair": ("{grade} {rate} < {better} {better_rate}", "{grade} {rate} < {better} {better_rate}"),
    "vr.read.expected": ("评分卡按分数预计的不良率为 {expected}，实际为 {observed}。",
                         "The scorecard's scores expect a bad rate of {expected}; the observed "
                         "rate is {observed}."),
    "vr.read.calibration": ("实际不良率的 95% 区间不含预计值的等级：{grades}。",
                            "Grades whose 95% interval of the observed bad rate misses the "
                            "expected rate: {grades}."),
    "vr.read.calibrated": ("每个等级的实际不良率的 95% 区间都包含预计值。",
                           "In every grade the 95% interval of the observed bad rate holds the "
                           "expected rate."),
    "vr.read.no_expected": ("这是专家评分卡：分数不对应不良率，没有预计不良率可比。",
                            "This is an expert scorecard: its scores do not stand for bad rates, "
                            "so there is no expected rate to compare."),
    "vr.read.psi": ("PSI {psi}（{meaning}）：比较的是{between}的等级分布。0.10 以下为稳定，"
                    "0.10–0.25 有所变化，0.25 以上说明客户人群已明显不同，排序和不良率都可能不再适用。",
                    "PSI {psi} ({meaning}) compares the grade mix of {between}. Below 0.10 is "
                    "stable, 0.10–0.25 shifting; above 0.25 the customers are a different "
                    "population, and neither the ranking nor the bad rates may hold."),
    "vr.read.psi_file": ("本样本与对比样本 {name}（{n} 行）", "these rows and the comparison "
                         "{name} ({n} rows)"),
    "vr.read.no_psi_file": ("未选择对比样本，没有计算 PSI。",
                            "No comparison rows were chosen, so there is no PSI."),
    "vr.read.no_psi_firm": ("近 24 个月的评级不够比较前后两期人群，没有计算 PSI。",
                            "The grades of the last 24 months do not cover both periods, so "
                            "there is no PSI."),
    "vr.read.refused": ("{n} 行缺少评分卡必需的特征，无法评分，未计入以上指标。",
                        "{n} rows lack a characteristic the scorecard requires and were not "
                        "scored; they are not in these figures."),
    "vr.read.missing": ("文件中没有评分卡读取的特征 {inputs}：这些特征一律按缺失计分，指标会偏低。",
                        "The file lacks the characteristics {inputs} that the scorecard reads: "
                        "they are scored as missing throughout, which lowers the figures."),
    "vr.read.firm_missing": ("本公司的评估没有记录评分卡读取的特征 {inputs}：重新评分时这些特征一律按缺失计分，"
                             "指标会偏低。",
                             "The firm's assessments do not record the characteristics {inputs} "
                             "that the scorecard reads: scored again, they count as missing "
                             "throughout, which lowers the figures."),
    "vr.read.small": ("只有 {bad} 个不良结果，指标的不确定性较大。",
                      "There are only {bad} bad outcomes: the figures are uncertain."),
    "vr.read.firm": ("用本公司的结果验证：评级后 {months} 个月内是否发生不良。{n} 个评估中，{own} 个当时"
                     "就由此版本评级，其余按其记录的输入重新评分。",
                     "Validated on the firm's own outcomes: whether a customer went bad within "
                     "{months} months of the grade. Of {n} assessments, {own} were graded with "
                     "this version; the rest were scored again from their recorded inputs."),
    "vr.read.firm_all": ("用本公司的结果验证：评级后 {months} 个月内是否发生不良。{n} 个评估当时都由此版本"
                         "评级。",
                         "Validated on the firm's own outcomes: whether a customer went bad "
                         "within {months} months of the grade. All {n} assessments were graded "
                         "with this version."),
    "vr.read.firm_left": ("未计入：观察期未满的评估 {window} 个，评级时已为不良的 {already_bad} 个。",
                          "Not counted: {window} assessments whose outcome window is not over, "
                          "{already_bad} already bad when graded."),
    "vr.read.clearance": ("只计入您的密级可见的档案：密级不同的人看到的数字可能不同。",
                          "Only the files your clearance shows are counted: someone cleared "
                          "differently may see other figures."),
    "vr.read.not_scored": ("{n} 个评估缺少此版本读取的输入（或其明细高于您的密级），无法重新评分，未计入。",
                           "{n} assessments lack inputs this version reads (or their detail is "
                           "above your clearance) and could not be scored again; they are not "
                           "counted."),
    "vr.term.auc": ("AUC：随机取一好一坏，好客户得分更高的概率。0.5 为随机，1 为完全分开。",
                    "AUC: the chance that a good customer scores above a bad one. 0.5 is "
                    "chance, 1 a perfect split."),
    "vr.term.gini": ("基尼系数：2×AUC−1，0 为随机，1 为完全分开。", "Gini: 2 × AUC − 1; 0 is chance, "
                     "1 a perfect split."),
    "vr.term.ks": ("KS：好坏客户的分数累计分布之间的最大差距（见 KS 曲线）。",
                   "KS: the widest gap between the score distributions of goods and bads "
                   "(see the KS curve)."),
    "vr.term.interval": ("95% 区间：按样本量，实际不良率很可能所在的范围（威尔逊区间）；样本越少越宽。",
                         "95% interval: where the true bad rate most likely lies given the "
                         "count (Wilson); the fewer rows, the wider."),
    "vr.term.psi": ("PSI：两批客户等级分布的差异，按各等级占比之差乘以两占比之比的自然对数求和。",
                    "PSI: how far two populations' grade mixes differ, Σ (a − e) · ln(a / e) "
                    "over the grades' shares."),
    "vr.term.order": ("排序异常：至少 {min} 行的等级，不良率低于某个更好的等级。",
                      "Out of order: a grade of at least {min} rows whose bad rate is below "
                      "that of a better grade."),
})

FLAG = colors.HexColor("#ef6c00")
EXPECTED = colors.HexColor("#7b1fa2")
GOOD_LINE = colors.HexColor("#2e7d32")
SMALL_SAMPLE = 50


# -- shared with the window ----------------------------------------------------------------
def percent(value) -> str:
    return b.DASH if value is None else f"{value:.1%}"


def figure(value, places: int = 3) -> str:
    return b.DASH if value is None else f"{value:.{places}f}"


def listed(items: list[str]) -> str:
    return ("、" if i18n.language() == "zh" else ", ").join(items)


def verdict(auc: float) -> str:
    key = "weak" if auc < 0.6 else "fair" if auc < 0.7 else "good" if auc < 0.8 else "strong"
    return i18n.tr(f"vr.verdict.{key}")


def worse_than(result: dict) -> dict[str, str]:
    """Each grade out of order -> the better grade with the highest bad rate above it."""
    grades = result.get("bad_rate_by_grade") or {}
    out, worst, worst_grade = {}, -1.0, None
    for grade in GRADES:
        item = grades.get(grade)
        if item is None or item["n"] < backtest.MIN_GRADE_ROWS:
            continue
        if grade in result.get("out_of_order", ()) and worst_grade is not None:
            out[grade] = worst_grade
        if item["rate"] > worst:
            worst, worst_grade = item["rate"], grade
    return out


def missed_expectation(result: dict) -> list[str]:
    """Grades whose observed 95 % interval does not hold the expected bad rate."""
    return [g for g in GRADES if (item := (result.get("bad_rate_by_grade") or {}).get(g))
            and item.get("expected") is not None
            and not item["ci_low"] <= item["expected"] <= item["ci_high"]]


def psi_between(result: dict, compare_name: str | None = None) -> str:
    if "psi_periods" in result:
        return i18n.tr("vr.firm_periods", **result["psi_periods"])
    return i18n.tr("vr.read.psi_file", name=compare_name or b.DASH, n=result.get("compare_n", 0))


def reading(result: dict, compare_name: str | None = None) -> list[str]:
    """What the figures say, a sentence or two each, in the current language."""
    out = []
    if "window_months" in result:
        own = result.get("graded_with_this_version", 0)
        out.append(i18n.tr("vr.read.firm_all" if own >= result["n"] else "vr.read.firm",
                           months=result["window_months"], n=result["n"], own=own))
        left = result.get("left_out") or {}
        if any(left.values()):
            out.append(i18n.tr("vr.read.firm_left", window=left.get("window", 0),
                               already_bad=left.get("already_bad", 0)))
        if result.get("not_scored"):
            out.append(i18n.tr("vr.read.not_scored", n=result["not_scored"]))
        out.append(i18n.tr("vr.read.clearance"))
    out.append(i18n.tr("vr.read.auc", auc=figure(result["auc"]), share=percent(result["auc"]),
                       gini=figure(result["gini"]), verdict=verdict(result["auc"])))
    out.append(i18n.tr("vr.read.ks", ks=figure(result["ks"]), gap=f"{100 * result['ks']:.0f}"))
    grades = result.get("bad_rate_by_grade") or {}
    if result.get("out_of_order"):
        above = worse_than(result)
        detail = "；".join if i18n.language() == "zh" else "; ".join
        pairs = [i18n.tr("vr.read.pair", grade=g, rate=percent(grades[g]["rate"]),
                         better=above[g], better_rate=percent(grades[above[g]]["rate"]))
                 for g in result["out_of_order"] if g in above]
        out.append(i18n.tr("vr.read.order_bad", grades=listed(result["out_of_order"]),
                           detail=detail(pairs)))
    elif sum(1 for g in grades.values() if g["n"] >= backtest.MIN_GRADE_ROWS) < 2:
        out.append(i18n.tr("vr.read.order_unknown", min=backtest.MIN_GRADE_ROWS))
    else:
        out.append(i18n.tr("vr.read.order_ok", min=backtest.MIN_GRADE_ROWS))
    if result.get("expected_bad_rate") is not None:
        out.append(i18n.tr("vr.read.expected", expected=percent(result["expected_bad_rate"]),
                           observed=percent(result["bad_rate"])))
        missed = missed_expectation(result)
        out.append(i18n.tr("vr.read.calibration", grades=listed(missed)) if missed
                   else i18n.tr("vr.read.calibrated"))
    else:
        out.append(i18n.tr("vr.read.no_expected"))
    if result.get("psi") is not None:
        out.append(i18n.tr("vr.read.psi", psi=figure(result["psi"]),
                           meaning=backtest.psi_label(result["psi"]),
                           between=psi_between(result, compare_name)))
    else:
        out.append(i18n.tr("vr.read.no_psi_firm" if "window_months" in result
                           else "vr.read.no_psi_file"))
    if result.get("inputs_missing"):
        out.append(i18n.tr("vr.read.firm_missing" if "window_months" in result
                           else "vr.read.missing", inputs=", ".join(result["inputs_missing"])))
    if result.get("refused"):
        out.append(i18n.tr("vr.read.refused", n=result["refused"]))
    if result["bad"] < SMALL_SAMPLE:
        out.append(i18n.tr("vr.read.small", bad=result["bad"]))
    return out


def terms() -> list[str]:
    """What each figure means, a line each."""
    out = [i18n.tr(f"vr.term.{k}") for k in ("auc", "gini", "ks", "interval", "psi")]
    return out + [i18n.tr("vr.term.order", min=backtest.MIN_GRADE_ROWS)]


def nice_top(value: float) -> tuple[float, float]:
    """A round top for an axis reaching ``value`` (a share) and its tick step."""
    value = max(value, 0.01)
    raw = value / 4
    power = 10 ** math.floor(math.log10(raw))
    step = next(s * power for s in (1, 2, 2.5, 5, 10) if s * power >= raw)
    return step * math.ceil(value / step - 1e-9), step


def ks_point(curve: list[dict]) -> dict | None:
    """The point of the curve where bads lead goods the most."""
    points = [p for p in curve if p.get("score") is not None]
    return max(points, key=lambda p: p["bad"] - p["good"]) if points else None


# -- the report -----------------------------------------------------------------------------
@dataclass
class ValidationData:
    """Everything the report prints, as text in its language (the curves as numbers)."""
    date: str
    scorecard: str
    subject: list = field(default_factory=list)        # [(label, text)]
    figures: list = field(default_factory=list)        # [(label, text)]
    reading: list = field(default_factory=list)        # sentences
    grades: list = field(default_factory=list)         # [grade, n, bad, rate, interval, expected, remark]
    flagged: list = field(default_factory=list)        # per grade row: out of order
    bars: list = field(default_factory=list)           # [(grade, n, rate, low, high, expected, flagged)]
    curve: list = field(default_factory=list)          # [(score, bad share, good share)]
    ks: float = 0.0
    auc: float = 0.5
    migration: dict | None = None
    migration_text: str = ""
    firm: bool = False
    level: int = 1


def describe(desk, result: dict, *, outcome: str | None = None, bad: str | None = None,
             compare_name: str | None = None) -> dict:
    """What the report says about the version and the data, read from ``desk``."""
    library = desk.grading.library
    card = library.get(result["scorecard"])
    return {"title": (card.zh, card.en), "status": library.status(card.name, card.version),
            "kind": card.kind, "outcome": outcome, "bad": bad, "compare_name": compare_name,
            "level": max(1, desk.access.clearance) if "window_months" in result else 1}


def gather(result: dict, about: dict) -> ValidationData:
    """The report's text, in the current language, from a validation and ``describe``."""
    firm = "window_months" in result
    today = clock.today().isoformat()
    data = ValidationData(today, result["scorecard"], firm=firm, level=about.get("level", 1),
                          auc=result["auc"], ks=result["ks"])
    if firm:
        source = i18n.tr("vr.firm_source", date=result.get("as_of", today))
        outcome = i18n.tr("outcome.window_text", months=result["window_months"],
                          days=about.get("overdue_days") or 90)
    else:
        source = result.get("source") or b.DASH
        column = about.get("outcome") or b.DASH
        outcome = (i18n.tr("vr.file_outcome", column=column, bad=about["bad"]) if about.get("bad")
                   else i18n.tr("vr.file_outcome_auto", column=column))
    titles = about.get("title") or ("", "")
    title = titles[0] if i18n.language() == "zh" else titles[1]
    if result.get("psi") is not None:
        compare = psi_between(result, about.get("compare_name"))
    else:
        compare = i18n.tr("vr.none")
    data.subject = [
        (i18n.tr("vr.scorecard"), f"{title} {result['scorecard']}".strip()),
        (i18n.tr("vr.status"), b.caption(i18n.tr(f"scorecard.status.{about['status']}"))
         if about.get("status") else b.DASH),
        (i18n.tr("vr.kind"), b.caption(i18n.tr(f"grading.kind.{about['kind']}"))
         if about.get("kind") else b.DASH),
        (i18n.tr("vr.source"), source),
        (i18n.tr("vr.outcome"), outcome),
        (i18n.tr("vr.compare"), b.caption(compare)),
    ]
    psi = result.get("psi")
    data.figures = [
        (i18n.tr("vr.n"), f"{result['n']:,}"),
        (i18n.tr("vr.bad"), f"{result['bad']:,}"),
        (i18n.tr("vr.bad_rate"), percent(result["bad_rate"])),
        (i18n.tr("vr.auc"), figure(result["auc"])),
        (i18n.tr("vr.gini"), figure(result["gini"])),
        (i18n.tr("vr.ks"), figure(result["ks"])),
        (i18n.tr("vr.psi"), b.DASH if psi is None
         else f"{figure(psi)}（{backtest.psi_label(psi)}）" if i18n.language() == "zh"
         else f"{figure(psi)} ({backtest.psi_label(psi)})"),
        (i18n.tr("vr.expected_rate"), percent(result.get("expected_bad_rate"))),
        (i18n.tr("vr.refused"), f"{result.get('refused', 0):,}"),
    ]
    data.reading = reading(result, about.get("compare_name"))
    above = worse_than(result)
    flagged = set(result.get("out_of_order", ()))
    for grade in GRADES:
        item = (result.get("bad_rate_by_grade") or {}).get(grade)
        if item is None:
            continue
        remark = ""
        if grade in flagged:
            remark = i18n.tr("vr.flag")
            if grade in above:
                better = above[grade]
                remark += "：" if i18n.language() == "zh" else ": "
                remark += i18n.tr("vr.flag_detail", better=better, rate=percent(
                    result["bad_rate_by_grade"][better]["rate"]))
        data.grades.append([grade, f"{item['n']:,}", f"{item['bad']:,}", percent(item["rate"]),
                            f"{percent(item['ci_low'])}–{percent(item['ci_high'])}",
                            percent(item.get("expected")), remark])
        data.flagged.append(grade in flagged)
        data.bars.append((grade, item["n"], item["rate"], item["ci_low"], item["ci_high"],
                          item.get("expected"), grade in flagged))
    data.curve = [(p.get("score"), p["bad"], p["good"]) for p in result.get("curve") or []]
    migration = result.get("migration")
    if firm and migration:
        data.migration = migration
        data.migration_text = i18n.tr(
            "vr.migration_note", start=str(migration["start"]), end=str(migration["end"]),
            total=migration["total"], already_bad=migration["left_out"].get("already_bad", 0),
            closed=migration["left_out"].get("closed_before", 0))
    return data


def _axis_text(drawing: Drawing, x: float, y: float, text: str, size: float = 7,
               anchor: str = "middle", colour=MUTED) -> None:
    drawing.add(String(x, y, text, fontName=report_font().name, fontSize=size,
                       fillColor=colour, textAnchor=anchor))


def _upright(drawing: Drawing, x: float, y: float, text: str) -> None:
    """An axis title read from bottom to top, centred on (x, y)."""
    label = String(0, 0, text, fontName=report_font().name, fontSize=7.5, fillColor=MUTED,
                   textAnchor="middle")
    drawing.add(Group(label, transform=(0, 1, -1, 0, x, y)))


def grade_chart(data: ValidationData, width: float = WIDTH, height: float = 200) -> Drawing:
    """Bars of the observed bad rate by grade, 95 % whiskers, expected rates as diamonds."""
    font = report_font().name
    drawing = Drawing(width, height)
    left, bottom, top_pad = 40, 40, 10
    plot_w, plot_h = width - left - 10, height - bottom - top_pad
    top, step = nice_top(max([bar[4] for bar in data.bars] +
                             [bar[5] for bar in data.bars if bar[5] is not None] + [0.01]))
    y_of = lambda v: bottom + plot_h * min(v, top) / top         # noqa: E731
    tick = 0.0
    while tick <= top + 1e-9:
        y = y_of(tick)
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=SHADE if tick else RULE,
                         strokeWidth=0.5))
        _axis_text(drawing, left - 4, y - 2.5, f"{tick:.0%}" if step >= 0.01 else f"{tick:.1%}",
                   anchor="end")
        tick += step
    slot = plot_w / max(1, len(data.bars))
    bar_w = min(36, slot * 0.55)
    for i, (grade, n, rate, low, high, expected, flagged) in enumerate(data.bars):
        centre = left + slot * (i + 0.5)
        drawing.add(Rect(centre - bar_w / 2, bottom, bar_w, y_of(rate) - bottom,
                         fillColor=FLAG if flagged else ACCENT, strokeColor=None))
        for y in (y_of(low), y_of(high)):
            drawing.add(Line(centre - 5, y, centre + 5, y, strokeColor=INK, strokeWidth=0.8))
        drawing.add(Line(centre, y_of(low), centre, y_of(high), strokeColor=INK, strokeWidth=0.8))
        if expected is not None:
            y = y_of(expected)
            drawing.add(Polygon([centre + bar_w / 2 + 2, y, centre + bar_w / 2 + 6, y + 4,
                                 centre + bar_w / 2 + 10, y, centre + bar_w / 2 + 6, y - 4],
                                fillColor=EXPECTED, strokeColor=None))
        _axis_text(drawing, centre, bottom - 10, grade, 8, colour=FLAG if flagged else INK)
        _axis_text(drawing, centre, bottom - 19, f"n={n:,}", 6.5)
    # legend
    x, y = left, 4
    items = [(ACCENT, i18n.tr("vr.chart.observed"), "box"), (INK, i18n.tr("vr.chart.interval"), "bar"),
             (EXPECTED, i18n.tr("vr.chart.expected"), "diamond")]
    if any(bar[6] for bar in data.bars):
        items.append((FLAG, i18n.tr("vr.chart.flagged"), "box"))
    for colour, label, shape in items:
        if shape == "box":
            drawing.add(Rect(x, y, 7, 7, fillColor=colour, strokeColor=None))
        elif shape == "bar":
            drawing.add(Line(x + 3.5, y, x + 3.5, y + 8, strokeColor=colour, strokeWidth=0.8))
            drawing.add(Line(x + 1, y + 8, x + 6, y + 8, strokeColor=colour, strokeWidth=0.8))
            drawing.add(Line(x + 1, y, x + 6, y, strokeColor=colour, strokeWidth=0.8))
        else:
            drawing.add(Polygon([x, y + 3.5, x + 3.5, y + 7, x + 7, y + 3.5, x + 3.5, y],
                                fillColor=colour, strokeColor=None))
        _axis_text(drawing, x + 10, y, label, 7.5, anchor="start")
        x += 24 + stringWidth(label, font, 7.5)
    return drawing


def curve_charts(data: ValidationData, width: float = WIDTH, height: float = 190) -> Drawing:
    """The ROC curve (left) and the KS curve (right) side by side."""
    drawing = Drawing(width, height)
    gap = 30
    panel = (width - gap) / 2
    bottom, side = 34, min(panel - 40, height - 34 - 18)
    # ROC: cumulative goods across, cumulative bads up, from the lowest score.
    x0, y0 = 42, bottom
    drawing.add(Rect(x0, y0, side, side, fillColor=None, strokeColor=RULE, strokeWidth=0.5))
    drawing.add(Line(x0, y0, x0 + side, y0 + side, strokeColor=RULE, strokeWidth=0.5,
                     strokeDashArray=[2, 2]))
    points = []
    for _score, bad, good in data.curve:
        points += [x0 + side * good, y0 + side * bad]
    if len(points) >= 4:
        drawing.add(PolyLine(points, strokeColor=ACCENT, strokeWidth=1.3))
    for v in (0, 0.5, 1):
        _axis_text(drawing, x0 + side * v, y0 - 9, f"{v:.0%}")
        _axis_text(drawing, x0 - 3, y0 + side * v - 2.5, f"{v:.0%}", anchor="end")
    _axis_text(drawing, x0 + side / 2, y0 - 20, i18n.tr("vr.roc.x"), 7.5)
    _axis_text(drawing, x0 + side / 2, y0 + side + 6,
               f"{i18n.tr('vr.roc')} · AUC {figure(data.auc)}", 8, colour=INK)
    # KS: both cumulative shares against the score.
    scored = [(s, bad, good) for s, bad, good in data.curve if s is not None]
    x1 = panel + gap + 36
    w1 = width - x1 - 6
    drawing.add(Rect(x1, y0, w1, side, fillColor=None, strokeColor=RULE, strokeWidth=0.5))
    if scored:
        low, high = scored[0][0], scored[-1][0]
        span = (high - low) or 1
        x_of = lambda s: x1 + w1 * (s - low) / span       # noqa: E731
        start = [(x1, y0)]
        bads = start + [(x_of(s), y0 + side * bad) for s, bad, _g in scored]
        goods = start + [(x_of(s), y0 + side * good) for s, _b, good in scored]
        drawing.add(PolyLine([v for p in bads for v in p], strokeColor=BAD, strokeWidth=1.2))
        drawing.add(PolyLine([v for p in goods for v in p], strokeColor=GOOD_LINE, strokeWidth=1.2))
        best = max(scored, key=lambda p: p[1] - p[2])
        x = x_of(best[0])
        drawing.add(Line(x, y0 + side * best[2], x, y0 + side * best[1], strokeColor=INK,
                         strokeWidth=0.9, strokeDashArray=[2, 1.5]))
        _axis_text(drawing, x + 3, y0 + side * (best[1] + best[2]) / 2, f"KS {figure(data.ks)}",
                   7.5, anchor="start", colour=INK)
        _axis_text(drawing, x1, y0 - 9, f"{low:g}", anchor="start")
        _axis_text(drawing, x1 + w1, y0 - 9, f"{high:g}", anchor="end")
    for v in (0, 0.5, 1):
        _axis_text(drawing, x1 - 3, y0 + side * v - 2.5, f"{v:.0%}", anchor="end")
    _axis_text(drawing, x1 + w1 / 2, y0 - 20, i18n.tr("vr.ks.x"), 7.5)
    _axis_text(drawing, x1 + w1 / 2, y0 + side + 6, i18n.tr("vr.ks_curve"), 8, colour=INK)
    # legend under both panels
    font = report_font().name
    x, y = x1, 2
    for colour, label in ((BAD, i18n.tr("vr.ks.bad")), (GOOD_LINE, i18n.tr("vr.ks.good"))):
        drawing.add(Line(x, y + 3, x + 10, y + 3, strokeColor=colour, strokeWidth=1.4))
        _axis_text(drawing, x + 13, y, label, 7.5, anchor="start")
        x += 26 + stringWidth(label, font, 7.5)
    _upright(drawing, x0 - 26, y0 + side / 2, i18n.tr("vr.roc.y"))
    _upright(drawing, x1 - 26, y0 + side / 2, i18n.tr("vr.ks.y"))
    return drawing


def _migration_table(migration: dict) -> list:
    from ..core.outcomes import column_label
    columns = migration["columns"]
    rows, shaded = [], []
    for grade in migration["grades"]:
        counts = migration["rows"].get(grade, {})
        total = sum(counts.values())
        if not total:
            continue
        rows.append([grade] + [f"{counts.get(c, 0):,}" if counts.get(c) else "·"
                               for c in columns] + [f"{total:,}"])
        shaded.append(columns.index(grade) + 1)
    if not rows:
        return [b.note(i18n.tr("vr.migration_empty"))]
    headers = [i18n.tr("vr.from")] + [column_label(c) for c in columns] + [i18n.tr("vr.total")]
    right = set(range(1, len(headers)))
    widths = [1.1] + [0.8] * len(GRADES) + [1.2, 1.6, 0.9]
    flow = b.table(headers, [[b.cell(v, i in right) for i, v in enumerate(r)] for r in rows],
                   widths, right=right)
    table = flow[0]
    table.setStyle([("BACKGROUND", (column, r + 1), (column, r + 1), colors.HexColor("#dbe7f3"))
                    for r, column in enumerate(shaded)])
    return flow


def _story(data: ValidationData, stamp: Stamp) -> list:
    s = styles()
    story = [Paragraph(escape(i18n.tr("vr.title")), s.title),
             Paragraph(escape(i18n.tr("vr.subtitle", scorecard=data.scorecard, date=data.date)),
                       s.subtitle)]
    story += [b.heading(1, i18n.tr("vr.s.subject"))] + b.pairs(data.subject, columns=1)
    story += [b.heading(2, i18n.tr("vr.s.figures"))] + b.pairs(data.figures, columns=3)
    story.append(b.heading(3, i18n.tr("vr.s.reading")))
    story += [b.para("• " + sentence) for sentence in data.reading]
    right = {1, 2, 3, 4, 5}
    rows = [[b.cell(v, i in right, FLAG if flagged and i in (0, 6) else None)
             for i, v in enumerate(row)] for row, flagged in zip(data.grades, data.flagged)]
    story.append(KeepTogether([b.heading(4, i18n.tr("vr.s.grades")), grade_chart(data)] + b.table(
        [i18n.tr("vr.grade"), i18n.tr("vr.n"), i18n.tr("vr.bad"), i18n.tr("vr.bad_rate"),
         i18n.tr("vr.interval"), i18n.tr("vr.expected"), i18n.tr("vr.remark")], rows,
        [0.7, 0.9, 0.9, 0.9, 1.5, 0.9, 3.0], right=right)))
    story.append(KeepTogether([b.heading(5, i18n.tr("vr.s.curves")), curve_charts(data)]))
    number = 6
    if data.firm and data.migration is not None:
        story.append(CondPageBreak(60 * mm))
        story.append(b.heading(number, i18n.tr("vr.s.migration",
                                               months=data.migration.get("months", 12))))
        story += _migration_table(data.migration)
        story.append(b.note(data.migration_text))
        number += 1
    story.append(KeepTogether([b.heading(number, i18n.tr("vr.s.terms"))] +
                              [b.note(t) for t in terms()]))
    return story


def render(data: ValidationData, stamp: Stamp) -> Rendered:
    """The report as PDF bytes (pure: the same data and stamp give the same bytes)."""
    with i18n.using(stamp.language):
        decor = classified(stamp, i18n.tr("vr.title"), data.level)
        return build(_story(data, stamp), decor, subject=f"{data.scorecard} {data.date}")


def make(desk, result: dict, *, lang: str | None = None, outcome: str | None = None,
         bad: str | None = None, compare_name: str | None = None):
    """The report of ``result`` (a validation) as this user makes it, in ``lang``: a
    registered export (``reports.export.Export``)."""
    from .export import validation
    language = lang or i18n.language()
    about = describe(desk, result, outcome=outcome, bad=bad, compare_name=compare_name)
    if "window_months" in result:
        about["overdue_days"] = desk.outcomes.window().overdue_days
    with i18n.using(language):
        data = gather(result, about)
    params = {"scorecard": result["scorecard"], "source": "firm" if data.firm else "file"}
    return validation(desk, lambda stamp: render(data, stamp), language, params)


def write_pdf(desk, result: dict, path: Path | str, **options) -> Path:
    """Make the report and write it to ``path`` atomically."""
    from .export import write
    return write(make(desk, result, **options), path)
