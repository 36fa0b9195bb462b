"""export customers FILE; privacy export|erase|purge (personal information requests)."""

from __future__ import annotations

import sys
from pathlib import Path

from ..core import i18n
from ..core.errors import CustdeskError
from .common import Context, UsageError, print_json, print_table
from .reviews_cmd import _date

i18n.register({
    "cli.exported": ("已导出 {customers} 个客户档案、{records} 条记录到 {path}",
                     "Exported {customers} customer files and {records} records to {path}"),
    "cli.subject": ("已导出 {code} 的个人信息（{documents} 个文件，报告 {report}）到 {path}",
                    "Exported {code}'s personal information ({documents} files, report "
                    "{report}) to {path}"),
    "cli.erased": ("已删除 {code} 的个人信息", "Erased {code}'s personal information"),
    "cli.purge_none": ("没有到期需清除的数据", "Nothing is due for purging"),
    "cli.purge_plan": ("将处理 {files} 个已关闭档案、删除 {records} 条负面记录（截至 {as_of}）",
                       "{files} closed files will be purged and {records} negative records "
                       "deleted (as of {as_of})"),
    "cli.purge_confirm": ("确认清除？输入 yes 继续：", "Purge now? Type yes to go on: "),
    "cli.purge_needs_yes": ("非交互运行时请加 --yes 确认清除", "add --yes to purge when not at a "
                            "terminal"),
    "cli.purge_cancelled": ("未清除任何数据", "Nothing was purged"),
    "cli.purged": ("已清除：{files} 个档案，{records} 条记录", "Purged: {files} files, {records} "
                   "records"),
    "cli.subject_reason": ("个人信息查阅请求", "personal information access request"),
})


def register(sub) -> None:
    p = sub.add_parser("export", help="customer files to CSV or XLSX").add_subparsers(
        dest="action", metavar="WHAT", required=True).add_parser(
        "customers", help="the files you may see (.csv: customers; .xlsx: with their records)")
    p.add_argument("file", type=Path, metavar="FILE.csv|FILE.xlsx")
    p.add_argument("--reveal", action="append", default=[], metavar="ITEM",
                   help="print a sensitive item in full (id_number, phone, bank_card, income, "
                        "financials, credit_records, litigation); needs --reason")
    p.add_argument("--reason")
    p.set_defaults(handler=cmd_export)

    privacy = sub.add_parser("privacy", help="personal information requests").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    p = privacy.add_parser("export", help="everything held about a person, as a ZIP")
    p.add_argument("code")
    p.add_argument("out", type=Path, metavar="OUT.zip")
    p.add_argument("--reason", help="why (logged; default: an access request)")
    p.set_defaults(handler=cmd_subject)
    p = privacy.add_parser("erase", help="erase a person's name, identity numbers and contacts")
    p.add_argument("code")
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=cmd_erase)
    p = privacy.add_parser("purge", help="apply the retention rules (preview, then confirm)")
    p.add_argument("--dry-run", action="store_true", help="only list what would be purged")
    p.add_argument("--yes", action="store_true", help="do not ask before purging")
    p.add_argument("--as-of", help="apply the rules as on this date")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_purge)


def cmd_export(ctx: Context) -> int:
    from ..core.exporting import export_customers
    a = ctx.args
    done = export_customers(ctx.desk(), a.file, reveal=a.reveal, reason=a.reason or "")
    print(i18n.tr("cli.exported", customers=done["customers"], records=done["records"],
                  path=a.file))
    return 0


def cmd_subject(ctx: Context) -> int:
    from ..reports.subject import subject_zip
    a = ctx.args
    done = subject_zip(ctx.desk(), a.code, a.out, a.reason or i18n.tr("cli.subject_reason"))
    print(i18n.tr("cli.subject", code=done["code"], documents=done["documents"],
                  report=done["report"], path=a.out))
    return 0


def cmd_erase(ctx: Context) -> int:
    a = ctx.args
    changes = ctx.desk().privacy.erase(a.code, a.reason)
    print(i18n.tr("cli.erased", code=changes.code))
    return 0


def cmd_purge(ctx: Context) -> int:
    a = ctx.args
    privacy = ctx.desk().privacy
    plan = privacy.retention(_date(a.as_of))
    if a.json:
        print_json(plan)
    else:
        print_table([{**f, "what": f["name"], "ended": f["closed_on"]} for f in plan["files"]]
                    + plan["records"], ["code", "kind", "what", "ended"])
    if not plan["files"] and not plan["records"]:
        print(i18n.tr("cli.purge_none"), file=sys.stderr)
        return 0
    print(i18n.tr("cli.purge_plan", files=len(plan["files"]), records=len(plan["records"]),
                  as_of=plan["as_of"]), file=sys.stderr)
    if a.dry_run:
        return 0
    if not a.yes:
        if not sys.stdin.isatty():
            raise UsageError(i18n.tr("cli.purge_needs_yes"))
        if input(i18n.tr("cli.purge_confirm")).strip().lower() not in ("yes", "y", "是"):
            raise CustdeskError(i18n.tr("cli.purge_cancelled"))
    privacy.purge(plan)
    print(i18n.tr("cli.purged", files=len(plan["files"]), records=len(plan["records"])),
          file=sys.stderr)
    return 0
