"""客户资信审核报告: one customer's credit audit report.

``gather`` reads the file through the desk as the exporting user, so the same
clearance and masking rules apply as in the window: a file above the user's
clearance cannot be reported on; identity numbers, phones and bank cards are
printed masked; financial statements, credit records, litigation and income
are printed only for a user cleared to read them (the export's audit entry
says which were printed), otherwise masked. ``render`` is pure layout.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table, TableStyle

from ..core import clock, i18n
from ..core.customers import collateral
from ..core.customers import exposure as receivables
from ..core.exports import Rendered, Stamp
from ..core.fields import LEVELS, RECORD_KINDS, choice_label, label, level_label
from ..core.grading import altman, metrics
from ..core.grading.assessments import status_label
from ..core.grading.scale import DIMENSIONS, dimension_label, risk_label
from ..core.reviews import reason_label
from ..core.warnings import action_text, item_facts_text, rule_label, severity_label
from ..core.warnings import status_label as warning_status
from . import blocks as b
from .page import (MARGIN_X, PAGE, RULE, WATERMARK_FROM, build, classified,
                   draw_level_stamp, styles)

i18n.register({
    "cr.title": ("客户资信审核报告", "Customer Credit Audit Report"),
    "cr.subtitle": ("报告编号 {number} · 报告日期 {date}", "Report no. {number} · Date {date}"),
    "cr.s.basic": ("基本信息", "Basic information"),
    "cr.s.contacts": ("联系方式", "Contacts"),
    "cr.s.financials": ("财务摘要", "Financial summary"),
    "cr.s.credit": ("信用记录与涉诉", "Credit records and litigation"),
    "cr.s.transactions": ("交易与账龄", "Transactions and ageing"),
    "cr.s.assessment": ("当前评级", "Current assessment"),
    "cr.s.history": ("评级历史", "Grade history"),
    "cr.s.reviews": ("复审", "Reviews"),
    "cr.s.warnings": ("预警及处置", "Warnings and their handling"),
    "cr.s.limit": ("授信额度与担保", "Credit limit and guarantees"),
    "cr.s.signoff": ("审核签字", "Sign-off"),
    "cr.code": ("客户编号", "Customer code"),
    "cr.masked_note": ("“***”及部分隐去的号码表示按您的密级权限不予显示的内容。",
                       "“***” and partly hidden numbers mark what your clearance does not show."),
    "cr.none": ("无", "None"),
    "cr.item": ("项目", "Item"),
    "cr.ratios": ("主要比率", "Key ratios"),
    "cr.zone.safe": ("安全区", "safe zone"), "cr.zone.grey": ("灰色区", "grey zone"),
    "cr.zone.distress": ("困境区", "distress zone"),
    "cr.no_statements": ("未录入财务报表", "No financial statements on file"),
    "cr.credit_records": ("信用记录", "Credit records"),
    "cr.litigation": ("涉诉记录", "Litigation"),
    "cr.complaints": ("近 12 个月投诉 {count} 次", "{count} complaints in the last 12 months"),
    "cr.exposure": ("应收余额（敞口）", "Exposure (open receivables)"),
    "cr.unapplied": ("未核销收款", "Unapplied payments"),
    "cr.sales_12m": ("近 12 个月销售额", "Sales in the last 12 months"),
    "cr.ageing": ("账龄", "Ageing"),
    "cr.bucket": ("{bucket} 天", "{bucket} days"),
    "cr.recent": ("最近交易（至多 {count} 笔）", "Latest transactions (at most {count})"),
    "cr.open_invoices": ("未结发票", "Open invoices"),
    "cr.no_assessment": ("尚无已批准的评级", "No approved assessment yet"),
    "cr.pending": ("另有一份{status}的评估（#{id}，{grade}），未生效。",
                   "Assessment #{id} ({grade}) is {status} and not yet in force."),
    "cr.scorecard": ("评分卡", "Scorecard"),
    "cr.period": ("报表期间", "Statement period"),
    "cr.score": ("得分", "Score"),
    "cr.computed": ("模型等级", "Model grade"),
    "cr.adjustment": ("定性调整", "Adjustment"),
    "cr.adjust_value": ("{n:+d} 级：{reason}", "{n:+d} notches: {reason}"),
    "cr.grade": ("信用等级", "Grade"),
    "cr.risk": ("风险等级", "Risk level"),
    "cr.recommended": ("建议额度", "Recommended limit"),
    "cr.approved_limit": ("批准额度", "Approved limit"),
    "cr.valid_until": ("有效期至", "Valid until"),
    "cr.missing": ("缺失数据：{items}", "Missing inputs: {items}"),
    "cr.missing_reason": ("评估人说明：{reason}", "Assessor's reason: {reason}"),
    "cr.altman": ("Altman 模型：{text}", "Altman model: {text}"),
    "cr.factor": ("评分项", "Factor"),
    "cr.dimension": ("维度", "Dimension"),
    "cr.input": ("取值", "Input"),
    "cr.rule": ("档位", "Band"),
    "cr.points": ("得分", "Points"),
    "cr.subtotals": ("维度小计", "Dimension subtotals"),
    "cr.weight": ("权重", "Weight"),
    "cr.problems": ("数据问题：{text}", "Data problems: {text}"),
    "cr.decided": ("决定日期", "Decided"),
    "cr.by": ("决定人", "Decided by"),
    "cr.event": ("事项", "Event"),
    "cr.status": ("状态", "Status"),
    "cr.limit_change": ("额度调整", "Limit change"),
    "cr.assessment_n": ("评估 #{id}", "Assessment #{id}"),
    "cr.next_review": ("下次复审", "Next review"),
    "cr.review_reason": ("依据", "Basis"),
    "cr.cycle": ("复审周期", "Review cycle"),
    "cr.months": ("{n} 个月", "{n} months"),
    "cr.overdue": ("已逾期 {days} 天", "{days} days overdue"),
    "cr.not_overdue": ("未逾期", "Not overdue"),
    "cr.days_overdue": ("逾期天数", "Days overdue"),
    "cr.snoozes": ("已延期次数", "Times put off"),
    "cr.review_events": ("复审记录", "Review history"),
    "cr.ev.done": ("完成复审", "Review done"), "cr.ev.assessment": ("评级批准", "Grade approved"),
    "cr.ev.snooze": ("延期", "Put off"), "cr.ev.trigger": ("预警触发", "Triggered by a warning"),
    "cr.ev.cycle": ("调整周期", "Cycle changed"),
    "cr.date": ("日期", "Date"), "cr.user": ("经办人", "By"), "cr.note": ("说明", "Note"),
    "cr.due_before": ("原到期日", "Was due"), "cr.due_after": ("新到期日", "Now due"),
    "cr.severity": ("级别", "Severity"), "cr.rule_name": ("预警", "Warning"),
    "cr.raised": ("触发日期", "Raised"), "cr.facts": ("情况", "Facts"),
    "cr.handling": ("处置", "Handling"),
    "cr.utilisation": ("额度使用率", "Utilisation"),
    "cr.hold": ("授信状态", "Credit status"),
    "cr.hold_on": ("冻结：{reasons}", "On hold: {reasons}"),
    "cr.hold_off": ("正常", "Normal"),
    "cr.guarantee": ("担保与抵押", "Collateral and guarantees"),
    "cr.guarantee_answer": ("评分卡：{answer}", "Scorecard: {answer}"),
    "cr.secured": ("已担保部分", "Secured part"),
    "cr.unsecured": ("未担保部分", "Unsecured part"),
    "cr.collateral": ("担保与抵押物", "Guarantees and collateral"),
    "cr.cover": ("有效担保", "Cover"),
    "cr.expired": ("已到期", "expired"),
    "cr.cover_total": ("在押有效担保合计 {cover}；担保债权 {secured}（{basis}）；缺口 {shortfall}",
                       "Effective cover in force {cover}; amount secured {secured} ({basis}); "
                       "shortfall {shortfall}"),
    "cr.basis.stated": ("各项约定之和", "as the items state"),
    "cr.basis.limit": ("未约定，按授信额度", "none stated: the credit limit"),
    "cr.basis.unknown": ("未约定且无授信额度", "none stated and no limit"),
    "cr.limit_changes": ("额度调整记录", "Limit changes"),
    "cr.from_to": ("调整", "Change"),
    "cr.reason": ("理由", "Reason"),
    "cr.assessor": ("评级人", "Assessor"),
    "cr.approver": ("审批人", "Approver"),
    "cr.owner_sign": ("负责人（签字）", "Responsible officer (signature)"),
    "cr.sign": ("签字：", "Signature:"),
    "cr.seal": ("公司盖章", "Company seal"),
    "cr.signed_date": ("日期：", "Date:"),
    "cr.system_record": ("系统记录：{user}，{date}", "System record: {user}, {date}"),
    "cr.not_assessed": ("（无）", "(none)"),
    "cr.amount_total": ("合计", "Total"),
})

RECENT_TRANSACTIONS = 15
PERIODS_SHOWN = 3

_ENT_LINES = ("revenue", "net_profit", "ebit", "total_assets", "current_assets",
              "total_liabilities", "current_liabilities", "equity", "retained_earnings",
              "operating_cash_flow", "receivables", "inventory")
_IND_LINES = ("income", "expenses", "assets", "liabilities")
_ENT_RATIOS = ("debt_ratio", "current_ratio", "net_margin", "roa", "revenue_growth", "altman_zone")
_IND_RATIOS = ("debt_to_income", "savings_rate")
_BASIC = {"individual": ("name", "kind", "status", "tier", "level", "owner", "gender", "birth_date",
                         "id_type", "id_number", "hometown", "employer", "position",
                         "employment_start", "monthly_income", "housing", "bank_card"),
          "enterprise": ("name", "kind", "status", "tier", "level", "owner", "credit_code",
                         "legal_rep", "registered_capital", "founding_date", "industry",
                         "employees", "business_scope")}
_CONTACT = {"individual": ("phone", "email", "wechat", "address", "emergency_contact",
                           "emergency_phone"),
            "enterprise": ("phone", "email", "address")}
_MONEY_FIELDS = {"registered_capital", "monthly_income"}
_CHOICE_FIELDS = {"kind", "status", "tier", "gender", "id_type", "housing"}


@dataclass
class CustomerData:
    """Everything the report prints, already as text in the report's language."""
    code: str
    name: str
    kind: str
    level: int
    date: str
    masked_any: bool
    basic: list = field(default_factory=list)            # [(label, text)]
    contact: list = field(default_factory=list)
    contacts: list = field(default_factory=list)         # rows
    statements: dict = field(default_factory=dict)       # {"periods", "lines", "ratios", "note"}
    credit_records: list = field(default_factory=list)
    litigation: list = field(default_factory=list)
    complaints: int = 0
    receivables: dict = field(default_factory=dict)
    assessment: dict | None = None
    pending: str = ""
    history: list = field(default_factory=list)
    review: list = field(default_factory=list)
    review_events: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    limit: list = field(default_factory=list)
    collateral: list = field(default_factory=list)       # rows: kind, provider, value, ...
    collateral_total: str = ""
    limit_changes: list = field(default_factory=list)
    signoff: dict = field(default_factory=dict)
    printed: list = field(default_factory=list)          # sensitive sections printed in the clear

    @property
    def watermarked(self) -> bool:
        return self.level >= WATERMARK_FROM


def _field_text(key: str, value) -> str:
    if value is None or value == "":
        return b.DASH
    if key in _MONEY_FIELDS:
        return b.money(value)
    if key in _CHOICE_FIELDS:
        return choice_label(value)
    if key == "level":
        return level_label(LEVELS.index(value)) if value in LEVELS else str(value)
    return str(value)


def _listing(desk, code: str) -> dict:
    """Whether the approved assessment took the firm as listed, its market value of equity
    and the statement period it was for."""
    assessment_id = desk.grading.credit(code)["assessment_id"]
    if not assessment_id:
        return {}
    a = desk.grading.get(assessment_id)
    answers = {k: v for k, v in a["answers"].items() if k in ("listed", "market_equity")}
    return {**answers, "period": a["period"]}


def _ratio_label(key: str, measured: list) -> str:
    """A ratio's row heading; the Altman row names its model (the same in every period:
    it follows the industry)."""
    if key != "altman_zone":
        return b.caption(metrics.METRICS[key].label)
    model = next((m.traces[key]["model"] for m in measured if "model" in m.traces.get(key, {})),
                 None)
    return altman.MODELS[model].label if model else "Altman Z"


def _ratio_text(key: str, measured) -> str:
    if key == "altman_zone":
        trace = measured.traces.get(key, {})
        if "model" not in trace:
            return b.DASH
        model = altman.MODELS[trace["model"]]
        return _bracketed(f"{trace['z']:.2f}", i18n.tr("cr.zone." + model.zone(trace["z"])))
    value = measured.inputs.get(key)
    return b.DASH if value is None else metrics.format_input(key, value)


def _bracketed(text: str, extra: str) -> str:
    """"text（extra）" in Chinese, "text (extra)" in English."""
    return f"{text}（{extra}）" if i18n.language() == "zh" else f"{text} ({extra})"


def _user_names(desk) -> dict[str, str]:
    return desk.users.display_names()


def _records(desk, code: str, kind: str) -> tuple[list[dict], bool]:
    """The rows of a record kind as core's disclosure policy gives them to a report: in the
    clear when the user is cleared for it, else masked; and whether they are in the clear."""
    rows = desk.records.list(code, kind, purpose="report")
    return rows, not any(r.get("masked") for r in rows)


def _statements(desk, code: str, kind: str, data: CustomerData, industry=None) -> None:
    rows, clear = _records(desk, code, "financials")
    if clear and RECORD_KINDS["financials"].sensitive:
        data.printed.append("financials")
    data.masked_any |= not clear
    if not rows:
        data.statements = {"note": i18n.tr("cr.no_statements")}
        return
    # (statements above the reader's clearance come with their period withheld too: they
    # print last, masked, rather than stop the report)
    rows = sorted(rows, key=lambda s: (datetime.date.min, "") if s.get("locked") else
                  (metrics.period_end(s["period"]), s["period"]), reverse=True)[:PERIODS_SHOWN]
    lines = _ENT_LINES if kind == "enterprise" else _IND_LINES
    table = [[label(key)] + [b.money(r.get(key)) for r in rows] for key in lines]
    ratios = []
    if clear:
        everything = desk.records.list(code, "financials", purpose="report")
        keys = _ENT_RATIOS if kind == "enterprise" else _IND_RATIOS
        listing = _listing(desk, code) if kind == "enterprise" else {}
        measured = []
        for r in rows:
            year_before = f"{int(r['period'][:4]) - 1}{r['period'][4:]}"
            pair = [s for s in everything if s["period"] in (r["period"], year_before)]
            # The file as it was: a later statement must not be "the latest" for this period.
            # The industry and the listing pick the Altman model, as the assessment did; a
            # listed firm's market value is known for the assessed period only.
            facts = metrics.Facts(kind, statements=pair, file={"industry": industry})
            firm = listing if r["period"] == listing.get("period") else \
                {"listed": listing.get("listed")}
            measured.append(metrics.measure(facts, metrics.period_end(r["period"]), firm))
        ratios = [[_ratio_label(key, measured)] + [_ratio_text(key, m) for m in measured]
                  for key in keys]
    data.statements = {"periods": [r["period"] for r in rows], "lines": table, "ratios": ratios}


# The columns of the record tables, in print order, with their relative widths: the
# headings and the cells are both read from here, so a column cannot print under another's
# heading.
_RECORD_COLUMNS = {
    "credit_records": (("occurred_on", 1.5), ("kind", 1.6), ("source", 2.4), ("amount", 2),
                       ("overdue_days", 1.4), ("status", 1), ("ended_on", 1.5)),
    "litigation": (("case_no", 2.3), ("court", 1.9), ("role", 1.5), ("cause", 1.9), ("amount", 1.8),
                   ("filed_on", 1.6), ("status", 1), ("closed_on", 1.6)),
}


def _record_field(kind: str, key: str):
    return next(f for f in RECORD_KINDS[kind].fields if f.key == key)


def _record_cell(kind: str, key: str, value) -> str:
    """One cell of a record table as core gave it (masked values stay masked): money
    formatted, a choice by its label (one the list does not know as it was typed), the rest
    as text."""
    field_type = _record_field(kind, key).type
    if field_type == "money":
        return b.money(value)
    if field_type == "choice" and value not in (None, ""):
        return choice_label(value)
    return b.text(value)


def _record_table(kind: str, rows: list, empty: str) -> list:
    columns = _RECORD_COLUMNS[kind]
    fields = [_record_field(kind, key) for key, _ in columns]
    return b.table([f.zh if i18n.language() == "zh" else f.en for f in fields], rows,
                   [width for _, width in columns], empty=empty,
                   right={i for i, f in enumerate(fields) if f.type in ("money", "int")})


def _credit(desk, code: str, data: CustomerData) -> None:
    for kind, target in (("credit_records", data.credit_records), ("litigation", data.litigation)):
        rows, clear = _records(desk, code, kind)
        if clear:
            data.printed.append(kind)
        data.masked_any |= not clear
        for r in rows:
            target.append([_record_cell(kind, key, r.get(key))
                           for key, _ in _RECORD_COLUMNS[kind]])
    since = (clock.today() - datetime.timedelta(days=365)).isoformat()
    data.complaints = sum(1 for c in desk.records.list(code, "complaints", purpose="report")
                          if (c["received_on"] or "") >= since)


def _transactions(desk, code: str, data: CustomerData) -> None:
    rows = desk.records.list(code, "transactions", purpose="report")
    today = clock.today()
    summary = receivables.summary(rows, today)
    data.receivables = {
        "figures": [(i18n.tr("cr.exposure"), b.money(summary.exposure)),
                    (i18n.tr("cr.unapplied"), b.money(summary.unapplied)),
                    (i18n.tr("cr.sales_12m"), b.money(metrics.sales_12m(rows, today)))],
        "ageing": [[i18n.tr("cr.bucket", bucket=k) for k in receivables.BUCKETS] +
                   [i18n.tr("cr.amount_total")],
                   [b.money(summary.ageing[k]) for k in receivables.BUCKETS] +
                   [b.money(summary.exposure)]],
        "open": [[b.text(i.ref_no), i.occurred_on, i.due_date, b.money(i.amount), b.money(i.open),
                  str(max(0, (today - datetime.date.fromisoformat(i.due_date)).days))]
                 for i in summary.open_invoices[:RECENT_TRANSACTIONS]],
        "recent": [[r["occurred_on"], choice_label(r["kind"]), b.text(r["ref_no"]),
                    b.text(r["due_date"]), b.money(r["amount"]), b.text(r["invoice_ref"])]
                   for r in rows[:RECENT_TRANSACTIONS]],
    }


def _assessment(desk, code: str, data: CustomerData, names: dict) -> dict | None:
    credit = desk.grading.credit(code)
    listed = desk.grading.list(code)
    pending = next((a for a in listed if a["status"] in ("draft", "submitted")), None)
    if pending:
        data.pending = i18n.tr("cr.pending", id=pending["id"], grade=pending["grade"],
                               status=status_label(pending["status"]))
    if not credit["assessment_id"]:
        return None
    a = desk.grading.get(credit["assessment_id"])
    detail = a["detail"]
    adjustment = (i18n.tr("cr.adjust_value", n=a["adjustment"], reason=a["adjustment_reason"] or "")
                  if a["adjustment"] else b.DASH)
    summary = [
        (i18n.tr("cr.scorecard"), _bracketed(a["scorecard_title"],
                                             f"{a['scorecard_name']}@{a['scorecard_version']}")),
        (i18n.tr("cr.period"), b.text(a["period"])),
        (i18n.tr("cr.score"), f"{a['score']:.1f}"),
        (i18n.tr("cr.computed"), a["computed_grade"]),
        (i18n.tr("cr.adjustment"), adjustment),
        (i18n.tr("cr.grade"), a["grade"]),
        (i18n.tr("cr.risk"), risk_label(a["risk_level"])),
        (i18n.tr("cr.recommended"), b.money(a["recommended_limit"])),
        (i18n.tr("cr.approved_limit"), b.money(a["approved_limit"])),
        (i18n.tr("cr.valid_until"), b.text(a["valid_until"])),
    ]
    factors = [[f["label"], dimension_label(f["dimension"]), b.text(f["shown"]),
                b.text(f["rule_shown"]),
                (format(f["points"], "g") if f.get("rule") == "base"      # a fitted card's start
                 else f"{'***' if f['points'] is None else format(f['points'], 'g')} / "
                      f"{f['max_points']:g}")]
               for f in detail["factors"]]
    dims = [(k, detail["dimensions"][k]) for k in DIMENSIONS if k in detail["dimensions"]]
    subtotal_max = {k: sum(f["max_points"] for f in detail["factors"] if f["dimension"] == k)
                    for k, _ in dims}
    problems = [p for p in detail["problems"] if p]
    data.masked_any |= a["masked"]
    sep = "；" if i18n.language() == "zh" else "; "
    missing = [_bracketed(m["label"], f"{m['why']}{sep}{m['scored']}") for m in a["missing"]]
    return {"summary": summary, "factors": factors, "incomplete": a["incomplete"],
            "missing": ("、" if i18n.language() == "zh" else "; ").join(missing),
            "missing_reason": a["missing_reason"], "altman": a["altman"],
            "dimensions": [(dimension_label(k), round(v["points"], 1), subtotal_max[k], v["weight"])
                           for k, v in dims],
            "problems": "；".join(problems) if i18n.language() == "zh" else "; ".join(problems),
            "answers": a["answers"], "assessor": names.get(a["assessor"], a["assessor"]),
            "assessed_on": clock.local_day(a["submitted_at"] or a["created_at"]),
            "approver": names.get(a["decided_by"], a["decided_by"]),
            "approved_on": clock.local_day(a["decided_at"]), "credit": credit}


def _history(desk, code: str, names: dict) -> list:
    rows = []
    for e in reversed(desk.grading.history(code)):
        if e["type"] == "assessment":
            what = i18n.tr("cr.assessment_n", id=e["id"])
            grade = _bracketed(e["grade"], f"{e['score']:.1f}")
            amount = b.money(e["approved_limit"] if e["status"] == "approved"
                             else e["recommended_limit"])
        else:
            what, grade = i18n.tr("cr.limit_change"), b.DASH
            amount = f"{b.money(e['current_limit'])} → {b.money(e['new_limit'])}"
        rows.append([clock.local_day(e["decided_at"]), what, grade, amount,
                     b.caption(status_label(e["status"])), names.get(e["decided_by"], e["decided_by"] or ""),
                     b.text(e.get("decision_reason"))])
    return rows


def _reviews(desk, code: str, data: CustomerData, names: dict) -> None:
    state = desk.reviews.state(code)
    data.review = [
        (i18n.tr("cr.next_review"), state["due_date"]),
        (i18n.tr("cr.review_reason"), reason_label(state["reason"])),
        (i18n.tr("cr.cycle"), i18n.tr("cr.months", n=state["cycle_months"])
         if state["cycle_months"] else b.DASH),
        (i18n.tr("cr.status"), i18n.tr("cr.overdue", days=state["overdue_days"])
         if state["overdue_days"] else i18n.tr("cr.not_overdue")),
        (i18n.tr("cr.snoozes"), f"{state['snoozes']} / {state['snooze_limit']}"),
    ]
    data.review_events = [[clock.local_day(e["at"]), i18n.tr(f"cr.ev.{e['event']}"),
                           b.text(e["due_before"]), b.text(e["due_after"]),
                           names.get(e["by_user"], e["by_user"]), b.text(e["note"])]
                          for e in reversed(desk.reviews.events(code))]


def _warnings(desk, code: str, names: dict) -> list:
    rows = []
    for w in desk.warnings.list(code=code):
        colon = "：" if i18n.language() == "zh" else ": "
        handling = [f"{clock.local_day(a['at'])} {names.get(a['by_user'], a['by_user'])}{colon}"
                    f"{action_text(a)}" for a in desk.warnings.actions(w["id"])]
        rows.append([severity_label(w["severity"]), rule_label(w["rule"]),
                     item_facts_text(w), w["raised_on"],
                     warning_status(w["status"]), "\n".join(handling) or b.DASH])
    return rows


def _collateral(desk, code: str, data: CustomerData, limit: int | None) -> None:
    """The guarantees and collateral on file, each with its effective cover today (an expired
    item covers nothing), and the totals against the amount secured; masked as the window
    masks them for a reader not cleared to them."""
    rows, clear = _records(desk, code, "collateral")
    if not rows:
        return
    if clear and RECORD_KINDS["collateral"].sensitive:
        data.printed.append("collateral")
    data.masked_any |= not clear
    found = collateral.cover(rows, clock.today(), limit) if clear else None
    covers = {r["id"]: r["cover"] for r in found.in_force} if found else {}
    for r in rows:
        if r.get("locked"):             # above the reader's clearance: withheld, not absent
            data.collateral.append(["***"] * 6)
            continue
        haircut = r.get("haircut")
        cover = (b.money(covers[r["id"]]) if r["id"] in covers
                 else i18n.tr("cr.expired") if found else "***")
        data.collateral.append([
            _record_cell("collateral", "kind", r.get("kind")),
            _record_cell("collateral", "provider", r.get("provider")),
            _record_cell("collateral", "value", r.get("value")),
            str(haircut) if isinstance(haircut, int) else b.text(haircut),
            b.text(r.get("expires_on")), cover])
    if found:
        data.collateral_total = i18n.tr(
            "cr.cover_total", cover=b.money(found.cover), secured=b.money(found.secured),
            basis=i18n.tr(f"cr.basis.{found.basis}"), shortfall=b.money(found.shortfall))


def _limit(desk, code: str, data: CustomerData, assessment: dict | None, names: dict) -> None:
    credit = desk.grading.credit(code)
    guarantee = b.DASH
    if assessment:
        card = desk.grading.get(credit["assessment_id"])
        for f in card["detail"]["factors"]:
            if f["input_key"] in ("collateral", "guarantor"):
                # the scorecard's answer, and how the records gave it (or said otherwise)
                guarantee = i18n.tr("cr.guarantee_answer", answer=b.text(f["shown"]))
                if f.get("derived"):
                    guarantee += ("；" if i18n.language() == "zh" else "; ") + f["derived"]
    _collateral(desk, code, data, credit["credit_limit"])
    used = credit["utilisation"]
    withheld = credit.get("collateral_withheld")
    data.limit = [
        (i18n.tr("cr.approved_limit"), b.money(credit["credit_limit"])),
        (i18n.tr("cr.secured"), "***" if withheld else b.money(credit.get("secured"))),
        (i18n.tr("cr.unsecured"), "***" if withheld else b.money(credit.get("unsecured"))),
        (i18n.tr("cr.exposure"), b.money(credit["exposure"])),
        (i18n.tr("cr.utilisation"), f"{used:.1%}" if used is not None else b.DASH),
        (i18n.tr("cr.valid_until"), b.text(credit["grade_valid_until"])),
        (i18n.tr("cr.hold"), i18n.tr("cr.hold_on", reasons=credit["hold_text"]) if credit["hold"]
         else i18n.tr("cr.hold_off")),
        (i18n.tr("cr.guarantee"), guarantee),
    ]
    data.limit_changes = [[clock.local_day(c["requested_at"]),
                           f"{b.money(c['current_limit'])} → {b.money(c['new_limit'])}",
                           b.text(c["reason"]), status_label(c["status"]),
                           names.get(c["requested_by"], c["requested_by"]),
                           names.get(c["decided_by"], c["decided_by"] or "")]
                          for c in desk.grading.limit_changes(code)]


def gather(desk, code: str) -> CustomerData:
    """Read everything the report prints, as ``desk``'s user may see it."""
    file = desk.customers.get(code, purpose="report")
    kind = file["kind"]
    names = _user_names(desk)
    data = CustomerData(file["code"], file["name"], kind, LEVELS.index(file["level"]),
                        clock.today().isoformat(), bool(file["masked"]))
    for key in _BASIC[kind]:
        value = file.get(key)
        shown = names.get(value, value) if key == "owner" else value
        data.basic.append((label(key), _field_text(key, shown)))
    if kind == "individual" and file.get("monthly_income") not in (None, "") \
            and "monthly_income" not in file["masked"]:
        data.printed.append("income")
    data.basic.insert(0, (i18n.tr("cr.code"), file["code"]))
    data.contact = [(label(key), _field_text(key, file.get(key))) for key in _CONTACT[kind]]
    data.contacts = [[c["name"], b.text(c["position"]), b.text(c["phone"]),
                      b.text(c["email"]), "✓" if c["is_primary"] else ""]
                     for c in desk.records.list(code, "contacts", purpose="report")]
    _statements(desk, code, kind, data, file.get("industry"))
    _credit(desk, code, data)
    _transactions(desk, code, data)
    data.assessment = _assessment(desk, code, data, names)
    data.history = _history(desk, code, names)
    _reviews(desk, code, data, names)
    data.warnings = _warnings(desk, code, names)
    _limit(desk, code, data, data.assessment, names)
    return data


# -- layout -----------------------------------------------------------------------------
def _title_block(data: CustomerData, stamp: Stamp) -> list:
    s = styles()
    who = _bracketed(data.name, data.code)
    return [Paragraph(i18n.tr("cr.title"), s.title),
            Paragraph(f'<font size="13">{escape(who)}</font>', s.subtitle),
            Paragraph(escape(i18n.tr("cr.subtitle", number=stamp.number, date=data.date)),
                      s.subtitle)]


def _signoff(data: CustomerData) -> list:
    """Who assessed and approved (as recorded), with lines for handwritten signatures and dates,
    and a box for the company seal."""
    s = styles()
    a = data.assessment or {}

    def person(role_key: str, who: str | None, day: str | None) -> list:
        record = i18n.tr("cr.system_record", user=who, date=day) if who else ""
        return [b.para(i18n.tr(role_key), s.body), b.para(record, s.small) if record else "",
                b.para(i18n.tr("cr.sign"), s.body), "", b.para(i18n.tr("cr.signed_date"), s.body),
                ""]
    roles = ("cr.assessor", "cr.approver", "cr.owner_sign")
    rows = [person(roles[0], a.get("assessor"), a.get("assessed_on")),
            person(roles[1], a.get("approver"), a.get("approved_on")),
            person(roles[2], None, None)]
    # The labels measured in the report's font (6 pt of padding each side), so that no
    # word of them ("Signature:", 负责人（签字）) is broken whatever font the system has.
    least = [max(b.label_width(i18n.tr(k), s.body) for k in roles) + 12, 0,
             b.label_width(i18n.tr("cr.sign"), s.body) + 12, 0,
             b.label_width(i18n.tr("cr.signed_date"), s.body) + 12, 0]
    grid = Table(rows, colWidths=b.fit_widths([0.18, 0.28, 0.13, 0.18, 0.1, 0.13], least),
                 rowHeights=34)
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                              ("LINEBELOW", (3, 0), (3, -1), 0.6, RULE),
                              ("LINEBELOW", (5, 0), (5, -1), 0.6, RULE)]))
    seal = Table([[Paragraph(i18n.tr("cr.seal"), s.seal)]], colWidths=[42 * mm],
                 rowHeights=[42 * mm], hAlign="RIGHT")
    seal.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, RULE),
                              ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return [KeepTogether([b.heading(11, i18n.tr("cr.s.signoff")), grid, Spacer(1, 10), seal])]


def _story(data: CustomerData, stamp: Stamp) -> list:
    s = styles()
    story = _title_block(data, stamp)
    if data.masked_any:
        story.append(b.note(i18n.tr("cr.masked_note")))
    none = i18n.tr("cr.none")
    # 1 basic information
    story += [b.heading(1, i18n.tr("cr.s.basic"))] + b.pairs(data.basic)
    # 2 contacts
    story += [b.heading(2, i18n.tr("cr.s.contacts"))] + b.pairs(data.contact)
    story += b.table([label("name"), label("position"), label("phone"), label("email"),
                      label("is_primary")], data.contacts, [2, 2, 2, 3, 1], empty=none)
    # 3 financial summary
    story.append(CondPageBreak(60 * mm))
    story.append(b.heading(3, i18n.tr("cr.s.financials")))
    st = data.statements
    if "periods" in st:
        story += b.table([i18n.tr("cr.item")] + st["periods"], st["lines"],
                         [3] + [2] * len(st["periods"]), right=set(range(1, 4)))
        if st["ratios"]:
            story.append(Paragraph(i18n.tr("cr.ratios"), s.subheading))
            story += b.table([i18n.tr("cr.item")] + st["periods"], st["ratios"],
                             [3] + [2] * len(st["periods"]), right=set(range(1, 4)))
    else:
        story.append(b.note(st["note"]))
    # 4 credit records and litigation
    story.append(b.heading(4, i18n.tr("cr.s.credit")))
    story.append(Paragraph(i18n.tr("cr.credit_records"), s.subheading))
    story += _record_table("credit_records", data.credit_records, none)
    story.append(Paragraph(i18n.tr("cr.litigation"), s.subheading))
    story += _record_table("litigation", data.litigation, none)
    story.append(b.note(i18n.tr("cr.complaints", count=data.complaints)))
    # 5 transactions and ageing
    story.append(b.heading(5, i18n.tr("cr.s.transactions")))
    rec = data.receivables
    story += b.pairs(rec["figures"], columns=3)
    story.append(Paragraph(i18n.tr("cr.ageing"), s.subheading))
    story += b.table(rec["ageing"][0], [rec["ageing"][1]], None, right=set(range(5)))
    story.append(Paragraph(i18n.tr("cr.open_invoices"), s.subheading))
    tx = {f.key: (f.zh if i18n.language() == "zh" else f.en)
          for f in RECORD_KINDS["transactions"].fields}
    story += b.table([tx["ref_no"], tx["occurred_on"], tx["due_date"], tx["amount"],
                      i18n.tr("cr.exposure"), i18n.tr("cr.days_overdue")],
                     rec["open"], [2, 1.6, 1.6, 2, 2, 1.4], right={3, 4, 5}, empty=none)
    story.append(Paragraph(i18n.tr("cr.recent", count=RECENT_TRANSACTIONS), s.subheading))
    story += b.table([tx["occurred_on"], tx["kind"], tx["ref_no"], tx["due_date"], tx["amount"],
                      tx["invoice_ref"]], rec["recent"], [1.6, 1, 2, 1.6, 2, 2], right={4},
                     empty=none)
    # 6 current assessment
    story.append(CondPageBreak(80 * mm))
    story.append(b.heading(6, i18n.tr("cr.s.assessment")))
    a = data.assessment
    if a is None:
        story.append(b.note(i18n.tr("cr.no_assessment")))
    else:
        story += b.pairs(a["summary"])
        if a["missing"]:
            story.append(b.note(i18n.tr("cr.missing", items=a["missing"])))
        if a["missing_reason"]:
            story.append(b.note(i18n.tr("cr.missing_reason", reason=a["missing_reason"])))
        story += b.table([i18n.tr("cr.factor"), i18n.tr("cr.dimension"), i18n.tr("cr.input"),
                          i18n.tr("cr.rule"), i18n.tr("cr.points")], a["factors"],
                         [3.2, 1.6, 2, 2.6, 1.2], right={4})
        if a["altman"]:
            story.append(b.note(i18n.tr("cr.altman", text=a["altman"])))
        if a["dimensions"]:        # (a fitted card has none: its factors are its model's)
            story.append(KeepTogether([
                Paragraph(i18n.tr("cr.subtotals"), s.subheading),
                b.hbar_chart([d[0] for d in a["dimensions"]], [d[1] for d in a["dimensions"]],
                             [d[2] for d in a["dimensions"]])]))
        if a["problems"]:
            story.append(b.note(i18n.tr("cr.problems", text=a["problems"])))
    if data.pending:
        story.append(b.note(data.pending))
    # 7 grade history
    story.append(b.heading(7, i18n.tr("cr.s.history")))
    story += b.table([i18n.tr("cr.decided"), i18n.tr("cr.event"), i18n.tr("cr.grade"),
                      i18n.tr("cr.approved_limit"), i18n.tr("cr.status"), i18n.tr("cr.by"),
                      i18n.tr("cr.reason")], data.history, [1.6, 1.6, 1.4, 2.6, 1.1, 1.3, 2.4],
                     empty=none)
    # 8 reviews
    story.append(b.heading(8, i18n.tr("cr.s.reviews")))
    story += b.pairs(data.review)
    story += b.table([i18n.tr("cr.date"), i18n.tr("cr.event"), i18n.tr("cr.due_before"),
                      i18n.tr("cr.due_after"), i18n.tr("cr.user"), i18n.tr("cr.note")],
                     data.review_events, [1.6, 1.6, 1.6, 1.6, 1.3, 3], empty=none)
    # 9 warnings
    story.append(b.heading(9, i18n.tr("cr.s.warnings")))
    story += b.table([i18n.tr("cr.severity"), i18n.tr("cr.rule_name"), i18n.tr("cr.facts"),
                      i18n.tr("cr.raised"), i18n.tr("cr.status"), i18n.tr("cr.handling")],
                     data.warnings, [1.2, 1.8, 3, 1.5, 1.3, 2.9], empty=none)
    # 10 limit and guarantees
    story.append(b.heading(10, i18n.tr("cr.s.limit")))
    story += b.pairs(data.limit)
    if data.collateral:
        story.append(CondPageBreak(45 * mm))     # the heading with the first rows at least
        story.append(Paragraph(i18n.tr("cr.collateral"), s.subheading))
        kind_fields = {f.key: (f.zh if i18n.language() == "zh" else f.en)
                       for f in RECORD_KINDS["collateral"].fields}
        story += b.table([kind_fields["kind"], kind_fields["provider"], kind_fields["value"],
                          kind_fields["haircut"], kind_fields["expires_on"], i18n.tr("cr.cover")],
                         data.collateral, [1.5, 3.4, 1.9, 1.2, 1.6, 1.9], right={2, 3, 5})
        if data.collateral_total:
            story.append(b.note(data.collateral_total))
    if data.limit_changes:
        story.append(Paragraph(i18n.tr("cr.limit_changes"), s.subheading))
        story += b.table([i18n.tr("cr.date"), i18n.tr("cr.from_to"), i18n.tr("cr.reason"),
                          i18n.tr("cr.status"), i18n.tr("cr.user"), i18n.tr("cr.by")],
                         data.limit_changes, [1.5, 3.2, 2.6, 1.1, 1.2, 1.2])
    # 11 sign-off
    story += _signoff(data)
    return story


class _FirstPageStamp:
    """Draws the classification stamp at the top right of the first page."""

    def __init__(self, text: str):
        self.text = text

    def __call__(self, canvas, doc) -> None:
        if doc.page == 1 and self.text:
            draw_level_stamp(canvas, self.text, PAGE[0] - MARGIN_X, PAGE[1] - 22 * mm)


def render(data: CustomerData, stamp: Stamp) -> Rendered:
    """The report as PDF bytes (pure: the same data and stamp give the same bytes)."""
    with i18n.using(stamp.language):
        decor = classified(stamp, i18n.tr("cr.title"), data.level)
        return build(_story(data, stamp), decor, subject=f"{data.code} {stamp.number}",
                     first_page=_FirstPageStamp(level_label(data.level)))

