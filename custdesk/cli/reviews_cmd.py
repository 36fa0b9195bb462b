"""reviews due|snooze|done|ics|cycle, warnings [handle ID]."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

from ..core import i18n
from ..core.files import write_atomic_bytes
from ..core.reviews import reason_label
from ..core.validation import parse_date
from ..core.warnings import rule_label, severity_label, status_label
from .common import Context, UsageError, integer, print_json, print_table

i18n.register({
    "cli.bad_date": ("日期格式不正确：{text}", "not a date: {text}"),
    "cli.ics_written": ("已写入 {count} 个复审事件到 {path}", "Wrote {count} review events to {path}"),
    "cli.warnings_usage": ("用法：warnings [--open] [--as-of DATE] | warnings handle ID --action TEXT "
                           "[--close]", "usage: warnings [--open] [--as-of DATE] | warnings handle ID "
                           "--action TEXT [--close]"),
    "cli.handled": ("预警 #{id}：{status}", "Warning #{id}: {status}"),
    "cli.review_done": ("{code} 下次复审：{due}", "{code} next review: {due}"),
})


def _date(text: str | None) -> datetime.date | None:
    if text is None:
        return None
    try:
        return datetime.date.fromisoformat(parse_date(text))
    except ValueError:
        raise UsageError(i18n.tr("cli.bad_date", text=text)) from None


def register(sub) -> None:
    reviews = sub.add_parser("reviews", help="periodic reviews").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    p = reviews.add_parser("due", help="reviews due (overdue first)")
    p.add_argument("--within", type=integer, default=14, metavar="DAYS")
    p.add_argument("--as-of", help="what will be due on that date (changes nothing)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_due)
    p = reviews.add_parser("snooze", help="put a review off (at most 30 days, twice)")
    p.add_argument("code")
    p.add_argument("--until", required=True)
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=cmd_snooze)
    p = reviews.add_parser("done", help="reviewed, no change: restart the cycle")
    p.add_argument("code")
    p.add_argument("--note", required=True)
    p.set_defaults(handler=cmd_done)
    p = reviews.add_parser("ics", help="due reviews as an iCalendar file")
    p.add_argument("out", type=Path)
    p.add_argument("--within", type=integer, default=90, metavar="DAYS")
    p.set_defaults(handler=cmd_ics)
    p = reviews.add_parser("cycle", help="a file's own review cycle (managers)")
    p.add_argument("code")
    p.add_argument("--months", type=integer, help="months; leave out to go back to the risk level's")
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=cmd_cycle)

    p = sub.add_parser("warnings", help="early-warning signals: warnings [--open] [--as-of DATE], "
                                        "warnings handle ID --action TEXT [--close]")
    p.add_argument("target", nargs="*", metavar="handle ID")
    p.add_argument("--open", action="store_true", help="only warnings not yet closed")
    p.add_argument("--as-of", help="what the list would hold on that date (changes nothing)")
    p.add_argument("--action", help="what was done (with handle)")
    p.add_argument("--close", action="store_true", help="close the warning with --action as its note")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_warnings)


def cmd_due(ctx: Context) -> int:
    a = ctx.args
    rows = ctx.desk().reviews.due(a.within, _date(a.as_of))
    if a.json:
        print_json(rows)
    else:
        print_table([{**r, "reason": reason_label(r["reason"]), "grade": r["grade"] or "—"}
                     for r in rows], ["code", "name", "grade", "due_date", "overdue_days", "reason"])
    return 0


def cmd_snooze(ctx: Context) -> int:
    a = ctx.args
    desk = ctx.desk()
    desk.reviews.snooze(a.code, a.until, a.reason)
    due = desk.reviews.state(a.code)["due_date"]
    print(i18n.tr("cli.review_done", code=a.code.upper(), due=due))
    return 0


def cmd_done(ctx: Context) -> int:
    a = ctx.args
    desk = ctx.desk()
    desk.reviews.done(a.code, a.note)
    due = desk.reviews.state(a.code)["due_date"]
    print(i18n.tr("cli.review_done", code=a.code.upper(), due=due))
    return 0


def cmd_ics(ctx: Context) -> int:
    a = ctx.args
    reviews = ctx.desk().reviews
    rows = reviews.due(a.within)
    write_atomic_bytes(a.out, reviews.ics(rows))
    print(i18n.tr("cli.ics_written", count=len(rows), path=a.out), file=sys.stderr)
    return 0


def cmd_cycle(ctx: Context) -> int:
    a = ctx.args
    ctx.desk().reviews.set_cycle(a.code, a.months, a.reason)
    return 0


def cmd_warnings(ctx: Context) -> int:
    a = ctx.args
    desk = ctx.desk()
    if a.target:
        if len(a.target) != 2 or a.target[0] != "handle" or not a.target[1].isdigit() \
                or not a.action:
            raise UsageError(i18n.tr("cli.warnings_usage"))
        desk.warnings.handle(int(a.target[1]), a.action, action="close" if a.close else "action")
        status = "closed" if a.close else "actioned"
        print(i18n.tr("cli.handled", id=a.target[1], status=status_label(status)))
        return 0
    as_of = _date(a.as_of)
    if as_of is not None:
        rows = desk.warnings.preview(as_of)
    else:
        desk.warnings.evaluate()
        rows = desk.warnings.list(open_only=a.open)
    if a.json:
        print_json(rows)
    else:
        print_table([{**r, "rule": rule_label(r["rule"]), "severity": severity_label(r["severity"]),
                      "status": status_label(r["status"])}
                     for r in rows], ["id", "code", "name", "rule", "severity", "status", "raised_on"])
    return 0
