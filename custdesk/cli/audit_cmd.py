"""audit verify, audit checkpoint, audit reanchor, audit log, audit export."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..core import audit_list, audit_view, i18n
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
    "cli.audit_exported": ("已导出 {count} 条审计记录到 {path}", "{count} audit entries written to {path}"),
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
    p = audit.add_parser("log", help="show audit entries, newest first, as people read them "
                         "(--json: the entries as stored)")
    p.add_argument("--customer", metavar="CODE",
                   help="one file's history (open to whoever may see the file)")
    _filters(p)
    p.add_argument("--limit", type=integer)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_log)
    p = audit.add_parser("export", help="write the entries matching the filters to .csv or "
                         ".xlsx with the window's labels (the export is logged)")
    _filters(p)
    p.add_argument("--find", metavar="TEXT", help="only entries about files a customer search "
                   "for TEXT finds (a code or a name)")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.set_defaults(handler=cmd_export)


def _filters(p) -> None:
    # (--by: --user names who runs the command)
    p.add_argument("--by", metavar="NAME", help="only entries by this user")
    p.add_argument("--action", metavar="CODE", help="only this operation (e.g. assessment.approve)")
    p.add_argument("--from", dest="start", metavar="DATE", help="from this local day")
    p.add_argument("--to", dest="end", metavar="DATE", help="until this local day")


def _query(a, customer: str = "") -> audit_list.Filter:
    from .reviews_cmd import _date
    return audit_list.Filter(user=a.by or "", action=a.action or "", customer=customer,
                             start=_date(a.start), end=_date(a.end))


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
    a = ctx.args
    customer = a.customer.strip().upper() if a.customer else None
    desk = ctx.desk()
    where, params, _matched = audit_list.condition(desk, _query(a))
    entries = desk.audit.entries(customer=customer, limit=a.limit, where=where, params=params)
    if a.json:
        print_json(entries)         # as stored: stable for scripts
        return 0
    headers = audit_view.column_labels()
    print_table([dict(zip(headers, row.cells())) for row in audit_view.present(desk, entries)],
                headers)
    return 0


def cmd_export(ctx: Context) -> int:
    a = ctx.args
    done = audit_list.export(ctx.desk(), _query(a, a.find or ""), a.output)
    print(i18n.tr("cli.audit_exported", count=f"{done['entries']:,}", path=done["path"]),
          file=sys.stderr)
    return 0
