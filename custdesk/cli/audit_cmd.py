"""audit verify, audit log."""

from __future__ import annotations

import json

from .common import Context, print_json, print_table


def register(sub) -> None:
    audit = sub.add_parser("audit", help="the audit log").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    p = audit.add_parser("verify", help="check the audit chain; exit 1 when it is broken")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_verify)
    p = audit.add_parser("reanchor", help="after investigating a broken chain head, anchor it anew "
                         "(administrator; the reason is logged)")
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=cmd_reanchor)
    p = audit.add_parser("log", help="show audit entries, newest first")
    p.add_argument("--customer", metavar="CODE")
    p.add_argument("--limit", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_log)


def cmd_verify(ctx: Context) -> int:
    result = ctx.desk().audit.verify()
    if ctx.args.json:
        print_json(result.as_dict())
    else:
        print(result.message)
    return 0 if result.ok else 1


def cmd_reanchor(ctx: Context) -> int:
    seq = ctx.desk().audit.reanchor(ctx.args.reason)
    print(seq)
    return 0


def cmd_log(ctx: Context) -> int:
    customer = ctx.args.customer.strip().upper() if ctx.args.customer else None
    entries = ctx.desk().audit.entries(customer=customer, limit=ctx.args.limit)
    if ctx.args.json:
        print_json(entries)
    else:
        print_table([{**e, "summary": _short(e)} for e in entries],
                    ["seq", "at", "user", "action", "object", "summary"])
    return 0


def _short(entry: dict) -> str:
    text = json.dumps(entry["summary"], ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + "..."
