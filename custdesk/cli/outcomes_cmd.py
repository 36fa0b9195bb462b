"""outcomes list|window: the bad outcomes scorecards are validated against."""

from __future__ import annotations

import sys

from ..core import clock, i18n
from ..core.outcomes import definition, kind_label, source_label
from .common import Context, integer, print_json, print_table
from .reviews_cmd import _date

i18n.register({
    "cli.outcomes_none": ("没有不良结果", "No bad outcomes"),
    "cli.outcomes_count": ("{customers} 个客户，共 {events} 项不良结果（截至 {as_of}）",
                           "{customers} customers, {events} bad outcomes (up to {as_of})"),
})


def register(sub) -> None:
    outcomes = sub.add_parser("outcomes", help="bad outcomes (what became of graded customers)"
                              ).add_subparsers(dest="action", metavar="ACTION", required=True)
    p = outcomes.add_parser("list", help="every bad outcome: detected and entered")
    p.add_argument("--as-of", help="only what had happened by that date")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)
    p = outcomes.add_parser("window", help="show or set the outcome window and the days past "
                                           "due that make an outcome bad (managers)")
    p.add_argument("--months", type=integer, help="months after a grade (3-36)")
    p.add_argument("--overdue-days", type=integer, help="days past due (30-180)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_window)


def cmd_list(ctx: Context) -> int:
    a = ctx.args
    desk = ctx.desk()
    as_of = _date(a.as_of)
    days = desk.outcomes.window().overdue_days
    events = desk.outcomes.events(as_of)
    rows = [{"code": e.code, "date": e.on.isoformat(), "kind": e.kind, "source": e.source,
             "ref": e.ref} for e in events]
    if a.json:
        print_json(rows)
        return 0
    if not rows:
        print(i18n.tr("cli.outcomes_none"), file=sys.stderr)
        return 0
    print_table([{**r, "kind": kind_label(r["kind"], days), "source": source_label(r["source"]),
                  "ref": r["ref"] or ""} for r in rows],
                ["code", "date", "kind", "source", "ref"])
    print(i18n.tr("cli.outcomes_count", customers=len({r["code"] for r in rows}),
                  events=len(rows), as_of=(as_of or clock.today()).isoformat()), file=sys.stderr)
    return 0


def cmd_window(ctx: Context) -> int:
    a = ctx.args
    desk = ctx.desk()
    if a.months is not None or a.overdue_days is not None:
        desk.outcomes.set_window(a.months, a.overdue_days)
    window = desk.outcomes.window()
    if a.json:
        print_json({"months": window.months, "overdue_days": window.overdue_days})
        return 0
    print(window.text())
    print(definition(window.overdue_days))
    return 0
