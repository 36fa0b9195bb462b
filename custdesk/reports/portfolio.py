"""客户组合概况: the portfolio summary — files and exposure by grade and by risk level, the
largest exposures, credit holds, overdue reviews and open warnings.

Everything is counted over the files within the exporting user's clearance only
(``customers.level``), as the lists on screen are; a file above it is neither
counted nor named. ``render`` is pure layout.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph

from ..core import clock, i18n
from ..core.exports import Rendered, Stamp
from ..core.fields import level_label
from ..core.grading.limits import hold_reasons, hold_text, utilisation
from ..core.grading.scale import GRADES, RISK_LEVELS, risk_label
from ..core.warnings import SEVERITIES, item_facts_text, rule_label, severity_label
from ..core.warnings import status_label as warning_status
from . import blocks as b
from .page import BAD, build, classified, styles

i18n.register({
    "pf.title": ("客户组合概况", "Portfolio Summary"),
    "pf.subtitle": ("截至 {date} · 报告编号 {number}", "As of {date} · Report no. {number}"),
    "pf.s.overview": ("总体概况", "Overview"),
    "pf.s.grades": ("按信用等级", "By grade"),
    "pf.s.risks": ("按风险等级", "By risk level"),
    "pf.s.top": ("敞口最大的 {count} 户", "The {count} largest exposures"),
    "pf.s.warnings": ("未关闭的预警", "Open warnings"),
    "pf.scope": ("统计范围：您的密级（{level}）可见的全部客户档案。",
                 "Covers every file your clearance ({level}) shows."),
    "pf.files": ("客户档案", "Files"),
    "pf.graded": ("已评级", "Graded"),
    "pf.exposure": ("应收余额（敞口）", "Exposure"),
    "pf.limits": ("批准额度合计", "Approved limits"),
    "pf.used": ("总体额度使用率", "Overall utilisation"),
    "pf.holds": ("授信冻结", "Credit on hold"),
    "pf.overdue": ("复审逾期", "Reviews overdue"),
    "pf.warnings_open": ("未关闭预警", "Open warnings"),
    "pf.grade": ("信用等级", "Grade"),
    "pf.risk": ("风险等级", "Risk level"),
    "pf.count": ("户数", "Files"),
    "pf.count_share": ("户数占比", "Share of files"),
    "pf.exposure_col": ("敞口", "Exposure"),
    "pf.exposure_share": ("敞口占比", "Share of exposure"),
    "pf.limit_col": ("批准额度", "Approved limit"),
    "pf.ungraded": ("未评级", "Ungraded"),
    "pf.total": ("合计", "Total"),
    "pf.chart": ("各等级户数与敞口占比（%）", "Share of files and of exposure by grade (%)"),
    "pf.chart_count": ("户数占比 %", "share of files %"),
    "pf.chart_exposure": ("敞口占比 %", "share of exposure %"),
    "pf.rank": ("#", "#"),
    "pf.grade_short": ("等级", "Grade"),
    "pf.code": ("客户编号", "Code"),
    "pf.name": ("客户名称", "Customer"),
    "pf.used_col": ("使用率", "Used"),
    "pf.hold_col": ("授信冻结", "Credit hold"),
    "pf.no_exposure": ("没有应收余额。", "Nothing is owed."),
    "pf.severity": ("级别", "Severity"),
    "pf.rule": ("预警", "Warning"),
    "pf.customer": ("客户", "Customer"),
    "pf.facts": ("情况", "Facts"),
    "pf.raised": ("触发日期", "Raised"),
    "pf.status": ("状态", "Status"),
    "pf.latest": ("最严重、最新的 {count} 条", "The {count} most severe and newest"),
    "pf.no_warnings": ("没有未关闭的预警。", "There are no open warnings."),
})

TOP = 20
_SEVERITY_COLOURS = {"red": BAD, "orange": colors.HexColor("#c76a0a"),
                     "yellow": colors.HexColor("#9a7d0a")}
@dataclass
class PortfolioData:
    """Everything the summary prints, already as text in the report's language."""
    date: str
    scope: str
    overview: list = field(default_factory=list)     # [(label, text)]
    grades: list = field(default_factory=list)   # [[grade, count, share, exposure, share, limit]]
    risks: list = field(default_factory=list)
    chart_labels: list = field(default_factory=list)
    chart_counts: list = field(default_factory=list)       # percent of files per grade
    chart_exposure: list = field(default_factory=list)     # percent of exposure per grade
    top: list = field(default_factory=list)
    held: list = field(default_factory=list)         # per top row: on credit hold
    severity_counts: list = field(default_factory=list)    # [(label, text)]
    warnings: list = field(default_factory=list)   # [[severity, rule, customer, facts, ...]]
    warning_levels: list = field(default_factory=list)     # per warning row: its severity key
    level: int = 1                  # the classification: the most a reader of this level may see


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else b.DASH


def _breakdown(keys: list, labels: list, counts: dict, exposure: dict, limits: dict,
               files: int, total_exposure: int) -> list:
    rows = []
    for key, shown in zip(keys, labels):
        n, e = counts.get(key, 0), exposure.get(key, 0)
        rows.append([shown, f"{n:,}", _share(n, files), b.money(e), _share(e, total_exposure),
                     b.money(limits.get(key, 0))])
    rows.append([i18n.tr("pf.total"), f"{files:,}", _share(files, files), b.money(total_exposure),
                 _share(total_exposure, total_exposure), b.money(sum(limits.values()))])
    return rows


def gather(desk) -> PortfolioData:
    """Count the portfolio as ``desk``'s user may see it."""
    today = clock.today()
    policy = desk.reviews.policy()
    clearance = desk.access.clearance
    data = PortfolioData(today.isoformat(), i18n.tr("pf.scope", level=level_label(clearance)))
    data.level = max(1, clearance)
    counts_g, exposure_g, limits_g = {}, {}, {}
    counts_r, exposure_r, limits_r = {}, {}, {}
    files = graded = total_exposure = total_limit = held = limited_exposure = 0
    # One pass over the visible files: aggregates, and the hold rule as the lists apply it.
    for grade, risk, limit, exposure, valid_until, due in desk.grading.standings():
        exposure = exposure or 0
        files += 1
        graded += grade is not None
        total_exposure += exposure
        if limit is not None:
            total_limit += limit
            limited_exposure += exposure
        for counts, sums, limits, key in ((counts_g, exposure_g, limits_g, grade),
                                          (counts_r, exposure_r, limits_r, risk)):
            counts[key] = counts.get(key, 0) + 1
            sums[key] = sums.get(key, 0) + exposure
            limits[key] = limits.get(key, 0) + (limit or 0)
        if hold_reasons(limit, exposure, valid_until, today, due, policy.hold_days):
            held += 1
    overdue = desk.reviews.counts(within=0, as_of=today)["overdue"]
    severities = desk.warnings.counts()
    data.overview = [
        (i18n.tr("pf.files"), f"{files:,}"),
        (i18n.tr("pf.graded"), f"{graded:,}（{_share(graded, files)}）" if i18n.language() == "zh"
         else f"{graded:,} ({_share(graded, files)})"),
        (i18n.tr("pf.exposure"), b.money(total_exposure)),
        (i18n.tr("pf.limits"), b.money(total_limit)),
        (i18n.tr("pf.used"), _share(limited_exposure, total_limit)),
        (i18n.tr("pf.holds"), f"{held:,}"),
        (i18n.tr("pf.overdue"), f"{overdue:,}"),
        (i18n.tr("pf.warnings_open"), f"{sum(severities.values()):,}"),
    ]
    grade_keys = [*GRADES, None]
    grade_labels = [*GRADES, i18n.tr("pf.ungraded")]
    data.grades = _breakdown(grade_keys, grade_labels, counts_g, exposure_g, limits_g, files,
                             total_exposure)
    risk_keys = [*RISK_LEVELS, None]
    risk_labels = [b.caption(risk_label(r)) for r in RISK_LEVELS] + [i18n.tr("pf.ungraded")]
    data.risks = _breakdown(risk_keys, risk_labels, counts_r, exposure_r, limits_r, files,
                            total_exposure)
    data.chart_labels = grade_labels
    data.chart_counts = [round(100 * counts_g.get(k, 0) / files, 1) if files else 0
                         for k in grade_keys]
    data.chart_exposure = [round(100 * exposure_g.get(k, 0) / total_exposure, 1)
                           if total_exposure else 0 for k in grade_keys]
    for rank, (code, name, grade, limit, exposure, valid_until, due) in enumerate(
            desk.grading.largest_exposures(TOP), 1):
        used = utilisation(exposure, limit)
        used_text = b.DASH if used is None else f"{used:.0%}" if used >= 10 else f"{used:.1%}"
        reasons = hold_reasons(limit, exposure, valid_until, today, due, policy.hold_days)
        data.top.append([str(rank), code, name, grade or i18n.tr("pf.ungraded"), b.money(limit),
                         b.money(exposure), used_text,
                         hold_text(reasons, policy.hold_days) if reasons else b.DASH])
        data.held.append(bool(reasons))
    data.severity_counts = [(b.caption(severity_label(s)), f"{severities[s]:,}") for s in SEVERITIES]
    for w in desk.warnings.list(open_only=True, limit=TOP):
        data.warnings.append([b.caption(severity_label(w["severity"])), b.caption(rule_label(w["rule"])),
                              f"{w['name']}\n{w['code']}",
                              item_facts_text(w), w["raised_on"],
                              b.caption(warning_status(w["status"]))])
        data.warning_levels.append(w["severity"])
    return data


# -- layout -----------------------------------------------------------------------------
_TOP_WIDTHS = {"zh": [0.5, 1.2, 2.7, 0.7, 1.7, 1.7, 1.0, 2.3],
               "en": [0.5, 1.2, 2.35, 1.25, 1.6, 1.6, 0.9, 2.2]}
_WARNING_WIDTHS = {"zh": [0.75, 1.6, 2.5, 3.9, 1.35, 1.0],
                   "en": [1.0, 1.7, 2.5, 3.6, 1.35, 1.0]}


def _cells(row: list, right: set, colour_at: dict | None = None) -> list:
    colour_at = colour_at or {}
    return [b.cell(v, i in right, colour_at.get(i)) for i, v in enumerate(row)]


def _breakdown_table(first: str, rows: list) -> list:
    headers = [first, i18n.tr("pf.count"), i18n.tr("pf.count_share"), i18n.tr("pf.exposure_col"),
               i18n.tr("pf.exposure_share"), i18n.tr("pf.limit_col")]
    right = {1, 2, 3, 4, 5}
    shown = [_cells(r, right) for r in rows]
    flow = b.table(headers, shown, [1.3, 0.9, 1.1, 2.2, 1.2, 2.2], right=right)
    table = flow[0]
    # the total row: a rule above it
    table.setStyle([("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.HexColor("#52606d"))])
    return flow


def _percent(value: float) -> str:
    return f"{value:g}%"


def _chart(data: PortfolioData):
    drawing = b.vbar_chart(data.chart_labels, [data.chart_counts, data.chart_exposure],
                           [i18n.tr("pf.chart_count"), i18n.tr("pf.chart_exposure")], height=170)
    chart = drawing.contents[0]
    chart.valueAxis.labelTextFormat = _percent
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#d9e2ec")
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.barLabelFormat = "%.0f"
    chart.barLabels.fontName = chart.categoryAxis.labels.fontName
    chart.barLabels.fontSize = 6.5
    chart.barLabels.nudge = 5
    return drawing


def _story(data: PortfolioData, stamp: Stamp) -> list:
    s = styles()
    story = [Paragraph(escape(i18n.tr("pf.title")), s.title),
             Paragraph(escape(i18n.tr("pf.subtitle", date=data.date, number=stamp.number)),
                       s.subtitle)]
    # 1 overview
    story += [b.heading(1, i18n.tr("pf.s.overview"))] + b.pairs(data.overview, columns=2)
    story.append(b.note(data.scope))
    # 2 by grade, with the chart
    story.append(b.heading(2, i18n.tr("pf.s.grades")))
    story += _breakdown_table(i18n.tr("pf.grade"), data.grades)
    if any(data.chart_counts):                 # nothing to draw without files
        story.append(KeepTogether([Paragraph(escape(i18n.tr("pf.chart")), s.subheading),
                                   _chart(data)]))
    # 3 by risk level
    story.append(KeepTogether([b.heading(3, i18n.tr("pf.s.risks")),
                               *_breakdown_table(i18n.tr("pf.risk"), data.risks)]))
    # 4 the largest exposures
    story.append(CondPageBreak(60 * mm))
    story.append(b.heading(4, i18n.tr("pf.s.top", count=TOP)))
    right = {0, 4, 5, 6}
    rows = [_cells(r, right, {7: BAD} if held else None) for r, held in zip(data.top, data.held)]
    story += b.table([i18n.tr("pf.rank"), i18n.tr("pf.code"), i18n.tr("pf.name"),
                      i18n.tr("pf.grade_short"), i18n.tr("pf.limit_col"),
                      i18n.tr("pf.exposure_col"),
                      i18n.tr("pf.used_col"), i18n.tr("pf.hold_col")], rows,
                     _TOP_WIDTHS[i18n.language()], right=right,
                     empty=i18n.tr("pf.no_exposure"))
    # 5 open warnings
    story.append(CondPageBreak(60 * mm))
    story.append(b.heading(5, i18n.tr("pf.s.warnings")))
    story += b.pairs(data.severity_counts, columns=3)
    if data.warnings:
        story.append(Paragraph(escape(i18n.tr("pf.latest", count=TOP)), s.subheading))
    rows = [_cells(r, set(), {0: _SEVERITY_COLOURS.get(level)})
            for r, level in zip(data.warnings, data.warning_levels)]
    story += b.table([i18n.tr("pf.severity"), i18n.tr("pf.rule"), i18n.tr("pf.customer"),
                      i18n.tr("pf.facts"), i18n.tr("pf.raised"), i18n.tr("pf.status")], rows,
                     _WARNING_WIDTHS[i18n.language()], empty=i18n.tr("pf.no_warnings"))
    return story


def render(data: PortfolioData, stamp: Stamp) -> Rendered:
    """The summary as PDF bytes (pure: the same data and stamp give the same bytes)."""
    with i18n.using(stamp.language):
        decor = classified(stamp, i18n.tr("pf.title"), data.level)
        return build(_story(data, stamp), decor, subject=f"{data.date} {stamp.number}")
