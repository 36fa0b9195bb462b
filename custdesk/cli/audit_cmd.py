"""audit verify, audit checkpoint, audit log."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..core import i18n
from ..core.errors import FieldError, ValidationError
from ..core.files import os_error_text, read_regular, write_atomic
from .common import Context, integer, print_json, print_table

i18n.register({
    "cli.checkpoint_written": ("检查点已写入 {path}：第 {seq} 条，请把它保存在数据库以外的地方（U 盘、打印件）",
                               "Checkpoint written to {path}: entry {seq}. Keep it away from the "
                               "database (a USB stick, a printout)"),
    "cli.no_checkpoint_in_pdf": ("此 PDF 不含审计检查点（加密的报告无法读取）",
                                 "this PDF carries no audit checkpoint (an encrypted report's "
                                 "cannot be read)"),
    "cli.checkpoint_unreadable": ("无法读取检查点 {path}：{error}", "cannot read checkpoint {path}: {error}"),
})


def register(sub) -> None:
    audit = sub.add_parser("audit", help="the audit log").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    p = audit.add_parser("verify", help="check the audit chain, its signatures and certificates; "
                         "exit 1 when anything is wrong")
    p.add_argument("--checkpoint", action="append", default=[], metavar="FILE",
                   help="a checkpoint kept outside the database (audit checkpoint); a chain "
                        "rolled back or cut behind it is named (repeatable)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_verify)
    p = audit.add_parser("checkpoint", help="write the chain's head, signed, to a file to keep "
                         "outside the database")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.set_defaults(handler=cmd_checkpoint)
    p = audit.add_parser("reanchor", help="after investigating a broken chain head, anchor it anew "
                         "(administrator; the reason is logged)")
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=cmd_reanchor)
    p = audit.add_parser("log", help="show audit entries, newest first")
    p.add_argument("--customer", metavar="CODE")
    p.add_argument("--limit", type=integer)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_log)


# A checkpoint is a small JSON file or a report PDF (a large batch report included).
CHECKPOINT_LIMIT = 256 << 20


def cmd_verify(ctx: Context) -> int:
    points = []
    for name in ctx.args.checkpoint:
        try:
            data = read_regular(name, CHECKPOINT_LIMIT)
            if data.startswith(b"%PDF"):
                from ..reports.export import checkpoint_of
                point = checkpoint_of(data)
                if point is None:
                    raise ValueError(i18n.tr("cli.no_checkpoint_in_pdf"))
            else:
                point = json.loads(data.decode("utf-8"))
            points.append((Path(name).name, point))
        except (OSError, ValueError) as exc:
            error = os_error_text(exc) if isinstance(exc, OSError) else str(exc)
            raise ValidationError(FieldError("checkpoint", "cli.checkpoint_unreadable",
                                             {"path": name, "error": error})) from exc
    result = ctx.desk().audit.verify(points)
    if ctx.args.json:
        print_json(result.as_dict())
    else:
        print(result.message)
    return 0 if result.ok else 1


def cmd_checkpoint(ctx: Context) -> int:
    point = ctx.desk().audit.checkpoint()
    path = write_atomic(ctx.args.output, json.dumps(point, ensure_ascii=False, indent=1))
    print(i18n.tr("cli.checkpoint_written", path=path, seq=point["seq"]), file=sys.stderr)
    return 0


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
