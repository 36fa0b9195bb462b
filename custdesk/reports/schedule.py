"""复审计划表: the review schedule of a period, week by week.

Every file within the user's clearance whose next review falls in the period is
listed under its ISO week; files whose review is already overdue at the start
of the period come first, flagged. Both are read along the ``customers_next_review``
index (``next_review`` is kept by core), so a short period costs a short range scan
however many files there are. Overdue days, snoozes and credit holds are stated as
they stand on the first day of the period. ``render`` is pure layout.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph, Spacer

from ..core import clock, i18n
from ..core.exports import Rendered, Stamp
from ..core.fields import level_label
from ..core.grading.limits import hold_reasons
from ..core.grading.scale import risk_label
from ..core.reviews import next_review, reason_label
from . import blocks as b
from .page import BAD, build, classified, styles

i18n.register({
    "rs.title": ("复审计划表", "Review Schedule"),
    "rs.subtitle": ("期间 {start} 至 {end} · 报告编号 {number} · 报告日期 {date}",
                    "Period {start} to {end} · Report no. {number} · Date {date}"),
    "rs.s.summary": ("概况", "Summary"),
    "rs.s.overdue": ("截至 {start} 已逾期的复审", "Reviews overdue on {start}"),
    "rs.s.weeks": ("期间内到期的复审（按周）", "Reviews falling due in the period, week by week"),
    "rs.week": ("{year} 年第 {week} 周（{first} 至 {last}）", "Week {week} of {year} ({first} – {last})"),
    "rs.week_count": ("{count} 户", "{count} files"),
    "rs.total": ("列入本表的档案", "Files in this schedule"),
    "rs.in_period": ("期间内到期", "Falling due in the period"),
    "rs.overdue_count": ("期初已逾期", "Overdue at the start"),
    "rs.held": ("授信冻结", "Credit on hold"),
    "rs.held_by_review": ("因复审逾期冻结", "held for an overdue review"),
    "rs.snoozed_count": ("已推迟的复审", "Reviews put off"),
    "rs.scope": ("统计范围：您的密级（{level}）可见、未关闭的客户档案；逾期天数与授信冻结按 {start} 计。",
                 "Covers the open files your clearance ({level}) shows; days overdue and credit "
                 "holds are as on {start}."),
    "rs.due_date": ("到期日", "Due"),
    "rs.code": ("客户编号", "Code"),
    "rs.name": ("客户名称", "Customer"),
    "rs.grade": ("等级", "Grade"),
    "rs.risk": ("风险", "Risk"),
    "rs.reason": ("依据", "Basis"),
    "rs.status": ("状态", "Status"),
    "rs.owner": ("负责人", "Owner"),
    "rs.unrated": ("未评级", "unrated"),
    "rs.st.overdue": ("逾期 {days} 天", "{days} days overdue"),
    "rs.st.due": ("待复审", "due"),
    "rs.st.snoozed": ("已推迟至 {day}", "put off until {day}"),
    "rs.st.hold": ("授信冻结", "credit on hold"),
    "rs.none_overdue": ("期初没有逾期的复审。", "No review is overdue at the start of the period."),
    "rs.none_week": ("本周没有到期的复审。", "No review falls due this week."),
    "rs.overdue_cut": ("只列出逾期最久的 {cap} 户，另有 {rest} 户未列出（已计入概况）。",
                       "Only the {cap} longest overdue are listed; {rest} more are left out "
                       "(they are counted in the summary)."),
    "rs.period_cut": ("期间内最多列出 {cap} 户，另有 {rest} 户未列出（已计入概况）；请缩短期间。",
                      "At most {cap} files falling due in the period are listed; {rest} more are "
                      "left out (they are counted in the summary). Choose a shorter period."),
    "rs.week_cut": ("本周另有 {rest} 户未列出（本表已达上限）。",
                    "{rest} more this week are not listed (the schedule is full)."),
})

#: at most this many files falling due in the period are listed, and at most so many of those
#: already overdue (the longest overdue); the counts cover all
MAX_ROWS = 10_000
MAX_OVERDUE = 5_000
_ROWS_PER_TABLE = 1000       # long lists are laid out in pieces: far faster to split into pages
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_COLUMNS = ("code", "name", "grade", "risk_level", "next_review", "owner", "review_snoozed_until",
            "review_triggered_by", "review_base", "review_cycle_months", "created_at",
            "credit_limit", "exposure", "grade_valid_until")


@dataclass
class Week:
    heading: str
    count: str
    rows: list = field(default_factory=list)       # [[text, ...]]
    flagged: list = field(default_factory=list)    # per row: the status is a warning (red)
    cut: str = ""                                   # why some files are not listed


@dataclass
class ScheduleData:
    """Everything the schedule prints, already as text in the report's language."""
    start: str
    end: str
    date: str
    scope: str
    summary: list = field(default_factory=list)        # [(label, text)]
    overdue: Week | None = None
    weeks: list = field(default_factory=list)           # [Week]
    period_cut: str = ""
    level: int = 1                  # the classification: the most a reader of this level may see


def _day_text(day: datetime.date) -> str:
    if i18n.language() == "zh":
        return f"{day.month:02d}-{day.day:02d}"
    return f"{day.day} {_MONTHS[day.month - 1]}"


def week_heading(day: datetime.date) -> str:
    """"2026 年第 48 周（11-23 至 11-29）" for any day of that ISO week."""
    year, week, weekday = day.isocalendar()
    monday = day - datetime.timedelta(days=weekday - 1)
    return i18n.tr("rs.week", year=year, week=week, first=_day_text(monday),
                   last=_day_text(monday + datetime.timedelta(days=6)))


def _rows(desk, where: str, params: list, limit: int) -> list[dict]:
    return desk.reviews.schedule_rows(where, params, _COLUMNS, limit)


def _count(desk, where: str, params: list) -> int:
    return desk.reviews.schedule_count(where, params)


def _row(item: dict, start: datetime.date, policy, names: dict) -> tuple[list, bool]:
    due = datetime.date.fromisoformat(item["next_review"])
    _due, reason = next_review(item, policy)
    overdue = (start - due).days
    holds = hold_reasons(item["credit_limit"], item["exposure"] or 0, item["grade_valid_until"],
                         start, item["next_review"], policy.hold_days)
    if overdue > 0:
        status = i18n.tr("rs.st.overdue", days=overdue)
    elif reason == "snoozed":
        status = i18n.tr("rs.st.snoozed", day=item["next_review"])
    else:
        status = i18n.tr("rs.st.due")
    if holds:
        status += ("，" if i18n.language() == "zh" else "; ") + i18n.tr("rs.st.hold")
    owner = names.get(item["owner"], item["owner"])
    return ([item["next_review"], item["code"], item["name"],
             item["grade"] or i18n.tr("rs.unrated"), risk_label(item["risk_level"]) or b.DASH,
             reason_label(reason), status, b.text(owner)],
            overdue > 0 or bool(holds))


def gather(desk, start: datetime.date, end: datetime.date) -> ScheduleData:
    """The files due for review from ``start`` to ``end`` (inclusive), and those overdue at
    ``start``, as ``desk``'s user may see them."""
    policy = desk.reviews.policy()
    names = desk.users.display_names()
    first, last = start.isoformat(), end.isoformat()
    data = ScheduleData(first, last, clock.today().isoformat(),
                        i18n.tr("rs.scope", level=level_label(desk.access.clearance), start=first),
                        level=max(1, desk.access.clearance))
    n_overdue = _count(desk, "next_review < ?", [first])
    n_period = _count(desk, "next_review BETWEEN ? AND ?", [first, last])
    hold_before = (start - datetime.timedelta(days=policy.hold_days)).isoformat()
    n_review_hold = _count(desk, "next_review < ?", [hold_before])
    n_snoozed = _count(desk, "next_review <= ? AND m.review_snoozed_until = next_review", [last])
    overdue = _rows(desk, "next_review < ?", [first], MAX_OVERDUE)
    period = _rows(desk, "next_review BETWEEN ? AND ?", [first, last], MAX_ROWS)
    per_day = desk.reviews.schedule_per_day(first, last)
    # Credit holds of every file in the schedule (not only the listed ones).
    n_held = desk.reviews.schedule_holds(last, start)
    total = n_overdue + n_period
    data.summary = [
        (i18n.tr("rs.total"), f"{total:,}"),
        (i18n.tr("rs.in_period"), f"{n_period:,}"),
        (i18n.tr("rs.overdue_count"), f"{n_overdue:,}"),
        (i18n.tr("rs.snoozed_count"), f"{n_snoozed:,}"),
        (i18n.tr("rs.held"), f"{n_held:,}"),
        (i18n.tr("rs.held_by_review"), f"{n_review_hold:,}"),
    ]
    if len(period) < n_period:
        data.period_cut = i18n.tr("rs.period_cut", cap=f"{MAX_ROWS:,}",
                                  rest=f"{n_period - len(period):,}")
    data.overdue = Week(i18n.tr("rs.s.overdue", start=first), i18n.tr("rs.week_count",
                                                                      count=f"{n_overdue:,}"))
    if len(overdue) < n_overdue:
        data.overdue.cut = i18n.tr("rs.overdue_cut", cap=f"{MAX_OVERDUE:,}",
                                   rest=f"{n_overdue - len(overdue):,}")
    for item in overdue:
        row, flag = _row(item, start, policy, names)
        data.overdue.rows.append(row)
        data.overdue.flagged.append(flag)
    by_week: dict[tuple, list] = {}
    for item in period:
        day = datetime.date.fromisoformat(item["next_review"])
        by_week.setdefault(day.isocalendar()[:2], []).append(item)
    in_week: dict[tuple, int] = {}
    for day_text, count in per_day.items():
        key = datetime.date.fromisoformat(day_text).isocalendar()[:2]
        in_week[key] = in_week.get(key, 0) + count
    day = start
    while day <= end:
        key = day.isocalendar()[:2]
        week = Week(week_heading(day), i18n.tr("rs.week_count", count=f"{in_week.get(key, 0):,}"))
        for item in by_week.get(key, []):
            row, flag = _row(item, start, policy, names)
            week.rows.append(row)
            week.flagged.append(flag)
        if len(week.rows) < in_week.get(key, 0):
            week.cut = i18n.tr("rs.week_cut", rest=f"{in_week[key] - len(week.rows):,}")
        data.weeks.append(week)
        day += datetime.timedelta(days=7 - day.weekday())        # the next Monday
    return data


# -- layout -----------------------------------------------------------------------------
_WIDTHS = {"zh": [1.5, 1.3, 2.85, 1.0, 0.65, 1.3, 2.6, 1.05],
           "en": [1.5, 1.3, 2.45, 1.15, 1.0, 1.65, 2.2, 1.05]}
def _table(week: Week, empty: str) -> list:
    headers = [i18n.tr(k) for k in ("rs.due_date", "rs.code", "rs.name", "rs.grade", "rs.risk",
                                    "rs.reason", "rs.status", "rs.owner")]
    if not week.rows:
        return [b.note(week.cut or empty)]
    story = [b.note(week.cut)] if week.cut else []
    for first in range(0, len(week.rows), _ROWS_PER_TABLE):
        rows = [[b.cell(v, colour=BAD if flag and i == 6 else None) for i, v in enumerate(row)]
                for row, flag in zip(week.rows[first:first + _ROWS_PER_TABLE],
                                     week.flagged[first:first + _ROWS_PER_TABLE])]
        story += b.table(headers, rows, _WIDTHS[i18n.language()])[:1]
    story.append(Spacer(1, 4))
    return story


def _story(data: ScheduleData, stamp: Stamp) -> list:
    s = styles()
    story = [Paragraph(escape(i18n.tr("rs.title")), s.title),
             Paragraph(escape(i18n.tr("rs.subtitle", start=data.start, end=data.end,
                                      number=stamp.number, date=data.date)), s.subtitle)]
    story += [b.heading(1, i18n.tr("rs.s.summary"))] + b.pairs(data.summary, columns=3)
    story.append(b.note(data.scope))
    story.append(b.heading(2, data.overdue.heading))
    story += _table(data.overdue, i18n.tr("rs.none_overdue"))
    story.append(CondPageBreak(40 * mm))
    story.append(b.heading(3, i18n.tr("rs.s.weeks")))
    if data.period_cut:
        story.append(b.note(data.period_cut))
    for week in data.weeks:
        story.append(CondPageBreak(30 * mm))
        story.append(Paragraph(f"{escape(week.heading)}　<font size=\"8.5\" color=\"#52606d\">"
                               f"{escape(week.count)}</font>", s.subheading))
        story += _table(week, i18n.tr("rs.none_week"))
    return story


def render(data: ScheduleData, stamp: Stamp) -> Rendered:
    """The schedule as PDF bytes (pure: the same data and stamp give the same bytes)."""
    with i18n.using(stamp.language):
        decor = classified(stamp, i18n.tr("rs.title"), data.level)
        return build(_story(data, stamp), decor,
                     subject=f"{data.start} – {data.end} {stamp.number}")
