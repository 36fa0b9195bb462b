"""financials add, assess ..., grade ..., limit ..., scorecard ..."""

from __future__ import annotations

import sys
from pathlib import Path

from ..core import i18n
from ..core.fields import RECORD_KINDS
from ..core.grading import altman
from ..core.grading.assessments import status_label
from ..core.grading.scale import dimension_label, risk_label
from ..core.validation import format_money
from .common import (Context, UsageError, integer, key_values, print_json, print_table,
                     read_input)

i18n.register({
    "cli.assess_usage": ("用法：assess CODE | assess submit|approve|reject|show|discard ID",
                         "usage: assess CODE | assess submit|approve|reject|show|discard ID"),
    "cli.assess_id": ("{action} 需要评估编号", "{action} needs an assessment id"),
    "cli.reject_reason": ("驳回需要 --reason", "rejecting needs --reason"),
    "cli.adjust_reason": ("--adjust 需要同时给出 --reason", "--adjust needs --reason"),
    "cli.no_amounts": ("没有给出任何金额", "no amounts given"),
    "cli.assessment": ("评估 #{id}：{score} 分，{grade}（风险{risk}），建议额度 {limit}",
                       "Assessment #{id}: score {score}, {grade} (risk {risk}), recommended limit {limit}"),
    "cli.missing": ("缺失：{factor}：{why}（{scored}）", "missing: {factor}: {why} ({scored})"),
    "cli.altman": ("Altman 模型：{text}", "Altman model: {text}"),
    "cli.missing_reason": ("缺失说明：{reason}", "reason given for the missing inputs: {reason}"),
    "cli.done": ("评估 #{id}：{status}", "Assessment #{id}: {status}"),
    "cli.discarded": ("评估 #{id} 已放弃", "Assessment #{id} discarded"),
    "cli.limit_done": ("额度变更 #{id}：{status}", "Limit change #{id}: {status}"),
})

STATEMENT_LINES = [f.key for f in RECORD_KINDS["financials"].fields
                   if f.key not in ("period", "notes")]
ACTIONS = ("submit", "approve", "reject", "show", "discard")
JSON_HELP = "print JSON; money as integer fen (money_unit)"


def register(sub) -> None:
    fin = sub.add_parser("financials", help="financial statements").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    p = fin.add_parser("add", help="add one period's statement (amounts in yuan)")
    p.add_argument("code")
    p.add_argument("--period", required=True, help="YYYY, YYYY-MM or YYYY-Q1..Q4")
    for key in STATEMENT_LINES:
        p.add_argument("--" + key.replace("_", "-"), metavar="YUAN")
    p.add_argument("--notes")
    p.set_defaults(handler=cmd_financials_add)

    p = sub.add_parser("assess", help="credit assessments: assess CODE, or assess "
                                      "submit|approve|reject|show|discard ID")
    p.add_argument("target", nargs="+", metavar="CODE | ACTION ID")
    p.add_argument("--scorecard", help="NAME or NAME@VERSION (default: the kind's default)")
    p.add_argument("--answer", action="append", metavar="FACTOR=VALUE",
                   help="a qualitative answer, e.g. management=sound; for an enterprise also "
                        "listed=yes and market_equity=YUAN (they choose the Altman model)")
    p.add_argument("--adjust", type=integer, default=0, help="notches up (+) or down (-), at most 2")
    p.add_argument("--reason", help="reason for the adjustment, the rejection, or a limit "
                                    "above the recommendation")
    p.add_argument("--limit", metavar="YUAN", help="approve with this limit (default: recommended)")
    p.add_argument("--missing-reason", help="submit: why required inputs are missing (needed "
                                            "when any is)")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(handler=cmd_assess)

    grade = sub.add_parser("grade", help="grades and credit standing").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    p = grade.add_parser("history", help="decided assessments and limit changes of a file")
    p.add_argument("code")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(handler=cmd_grade_history)
    p = grade.add_parser("show", help="grade, limit, exposure and credit hold")
    p.add_argument("code")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(handler=cmd_grade_show)
    p = grade.add_parser("queue", help="assessments and limit changes waiting for a decision")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.set_defaults(handler=cmd_queue)

    limit = sub.add_parser("limit", help="limit changes outside an assessment").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    p = limit.add_parser("request", help="ask for a new limit (a second person decides)")
    p.add_argument("code")
    p.add_argument("--limit", required=True, metavar="YUAN")
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=cmd_limit_request)
    for action in ("approve", "reject"):
        p = limit.add_parser(action, help=f"{action} a requested limit change")
        p.add_argument("id", type=integer)
        p.add_argument("--reason", required=action == "reject")
        p.set_defaults(handler=cmd_limit_decide, approve=action == "approve")

    card = sub.add_parser("scorecard", help="scorecards").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    p = card.add_parser("list", help="scorecards and their latest versions")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_scorecard_list)
    p = card.add_parser("show", help="print a scorecard's TOML")
    p.add_argument("ref", metavar="NAME[@VERSION]")
    p.set_defaults(handler=cmd_scorecard_show)
    p = card.add_parser("save", help="store an edited scorecard (new name, or next version)")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=cmd_scorecard_save)
    p = card.add_parser("default", help="make a scorecard the default for its kind")
    p.add_argument("kind", choices=["individual", "enterprise"])
    p.add_argument("name")
    p.set_defaults(handler=cmd_scorecard_default)
    from .scorecard_cmd import add_commands
    add_commands(card)


def cmd_financials_add(ctx: Context) -> int:
    a = ctx.args
    values = {key: getattr(a, key) for key in STATEMENT_LINES if getattr(a, key) is not None}
    if not values:
        raise UsageError(i18n.tr("cli.no_amounts"))
    values["period"] = a.period
    if a.notes:
        values["notes"] = a.notes
    print(ctx.desk().records.add(a.code, "financials", values).id)
    return 0


def cmd_assess(ctx: Context) -> int:
    a = ctx.args
    first = a.target[0]
    if first in ACTIONS:
        if len(a.target) != 2 or not a.target[1].isdigit():
            raise UsageError(i18n.tr("cli.assess_id", action=first))
        return _assess_action(ctx, first, int(a.target[1]))
    if len(a.target) != 1:
        raise UsageError(i18n.tr("cli.assess_usage"))
    if a.adjust and not a.reason:
        raise UsageError(i18n.tr("cli.adjust_reason"))
    grading = ctx.desk().grading
    changes = grading.assess(first, scorecard=a.scorecard, answers=key_values(a.answer, "--answer"),
                             adjust=a.adjust, reason=a.reason or "")
    _print_assessment(grading.get(changes.id), a.json)
    return 0


def _assess_action(ctx: Context, action: str, assessment_id: int) -> int:
    a = ctx.args
    grading = ctx.desk().grading
    if action == "show":
        _print_assessment(grading.get(assessment_id), a.json)
        return 0
    if action == "reject" and not a.reason:
        raise UsageError(i18n.tr("cli.reject_reason"))
    if action == "submit":
        grading.submit(assessment_id, a.missing_reason or "")
    elif action == "approve":
        grading.approve(assessment_id, a.limit, a.reason or "")
    elif action == "reject":
        grading.reject(assessment_id, a.reason)
    else:
        grading.discard(assessment_id)
        print(i18n.tr("cli.discarded", id=assessment_id), file=sys.stderr)
        return 0
    item = grading.get(assessment_id)
    if a.json:
        print_json(_assessment_json(item))
    else:
        print(i18n.tr("cli.done", id=assessment_id, status=status_label(item["status"])))
    return 0


def _assessment_json(item: dict) -> dict:
    detail = item["detail"]
    out = {k: item[k] for k in (
        "id", "code", "status", "score", "computed_grade", "adjustment", "adjustment_reason",
        "grade", "risk_level", "incomplete", "recommended_limit", "approved_limit", "valid_until",
        "assessor", "decided_by", "decided_at", "decision_reason", "as_of", "period")}
    out["scorecard"] = f"{item['scorecard_name']}@{item['scorecard_version']}"
    out["factors"] = detail["factors"]
    out["dimensions"] = detail["dimensions"]
    out["problems"] = detail["problems"]
    out["limit_trace"] = detail["limit_trace"]
    out["missing"] = item["missing"]
    out["missing_reason"] = item["missing_reason"]
    out["altman"] = _altman_json(detail)
    out["money_unit"] = "fen"             # recommended_limit, approved_limit: integer fen
    out["masked"] = item["masked"]
    return out


def _altman_json(detail: dict) -> dict | None:
    """The Altman model that applied, its exact score, zone and cut-offs (None when the
    scorecard has no Altman factor, it was not computable, or the reader is not cleared)."""
    trace = detail["traces"].get("altman_zone") or {}
    legacy = next((f for f in detail["factors"] if f["input_key"] == "altman_z"), None)
    if "model" in trace:
        model, z = altman.MODELS[trace["model"]], trace["z"]
    elif legacy is not None and isinstance(legacy["input"], (int, float)):
        model, z = altman.Z_DOUBLE_PRIME, legacy["input"]
    else:
        return None
    return {"model": model.key, "z": z, "zone": model.zone(z), "formula": model.formula,
            "cutoffs": [model.distress, model.safe]}


def _print_assessment(item: dict, as_json: bool) -> None:
    if as_json:
        print_json(_assessment_json(item))
        return
    print(i18n.tr("cli.assessment", id=item["id"], score=f"{item['score']:g}", grade=item["grade"],
                  risk=risk_label(item["risk_level"]),
                  limit=format_money(item["recommended_limit"])))
    rows = [{"dimension": dimension_label(f["dimension"]), "factor": f["label"],
             "input": f["shown"],
             "points": f"{'***' if f['points'] is None else format(f['points'], 'g')}/"
                       f"{f['max_points']:g}",
             "rule": f["rule_shown"]} for f in item["detail"]["factors"]]
    print_table(rows, ["dimension", "factor", "input", "points", "rule"])
    if item["altman"]:
        print(i18n.tr("cli.altman", text=item["altman"]))
    for problem in item["detail"]["problems"]:
        print(problem, file=sys.stderr)
    for missing in item["missing"]:
        print(i18n.tr("cli.missing", factor=missing["label"], why=missing["why"],
                      scored=missing["scored"]), file=sys.stderr)
    if item["missing_reason"]:
        print(i18n.tr("cli.missing_reason", reason=item["missing_reason"]), file=sys.stderr)


def cmd_grade_history(ctx: Context) -> int:
    a = ctx.args
    events = ctx.desk().grading.history(a.code)
    if a.json:
        print_json(events)
        return 0
    rows = []
    for e in events:
        if e["type"] == "assessment":
            rows.append({"date": e["decided_at"][:10], "what": f"#{e['id']}",
                         "status": status_label(e["status"]), "grade": e["grade"],
                         "score": f"{e['score']:g}", "limit": _money(e["approved_limit"]),
                         "by": f"{e['assessor']} → {e['decided_by']}"})
        else:
            rows.append({"date": e["decided_at"][:10], "what": f"L{e['id']}",
                         "status": status_label(e["status"]), "grade": "",
                         "score": "", "limit": _money(e["new_limit"]),
                         "by": f"{e['requested_by']} → {e['decided_by']}"})
    print_table(rows, ["date", "what", "status", "grade", "score", "limit", "by"])
    return 0


def _money(fen) -> str:
    return "" if fen is None else format_money(fen)


def cmd_grade_show(ctx: Context) -> int:
    a = ctx.args
    standing = ctx.desk().grading.credit(a.code)
    if a.json:
        print_json({**standing, "money_unit": "fen"})
        return 0
    for key in ("grade", "risk_level", "credit_limit", "exposure", "utilisation",
                "grade_valid_until", "hold_reasons"):
        value = standing[key]
        if key in ("credit_limit", "exposure"):
            value = _money(value)
        elif key == "utilisation" and value is not None:
            value = f"{value * 100:.1f}%"
        elif key == "risk_level":
            value = risk_label(value)
        elif key == "hold_reasons":       # with the hold days filled in (core's one line)
            value = standing.get("hold_text") or ""
        print(f"{key}: {'' if value is None else value}")
    return 0


def cmd_queue(ctx: Context) -> int:
    rows = ctx.desk().grading.queue()
    if ctx.args.json:
        print_json(rows)
    else:
        print_table([{**r, "amount": _money(r["amount"])} for r in rows],
                    ["type", "id", "code", "name", "grade", "amount", "requested_by", "requested_at"])
    return 0


def cmd_limit_request(ctx: Context) -> int:
    a = ctx.args
    print(ctx.desk().grading.request_limit(a.code, a.limit, a.reason).id)
    return 0


def cmd_limit_decide(ctx: Context) -> int:
    a = ctx.args
    ctx.desk().grading.decide_limit(a.id, a.approve, a.reason or "")
    print(i18n.tr("cli.limit_done", id=a.id,
                  status=status_label("approved" if a.approve else "rejected")))
    return 0


def cmd_scorecard_list(ctx: Context) -> int:
    rows = ctx.desk().grading.library.list()
    if ctx.args.json:
        print_json(rows)
    else:
        print_table(rows, ["name", "version", "kind", "title", "default", "status", "in_use",
                           "created_by"])
    return 0


def cmd_scorecard_show(ctx: Context) -> int:
    sys.stdout.write(ctx.desk().grading.library.get(ctx.args.ref).source)
    return 0


def cmd_scorecard_save(ctx: Context) -> int:
    library = ctx.desk().grading.library
    data = read_input(ctx.args.file, 1 << 20)       # a scorecard is a few kilobytes
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(i18n.tr("cli.os_error", path=ctx.args.file,
                                 reason=i18n.tr("cli.not_utf8"))) from exc
    library.save(text)
    return 0


def cmd_scorecard_default(ctx: Context) -> int:
    ctx.desk().grading.library.set_default(ctx.args.kind, ctx.args.name)
    return 0
