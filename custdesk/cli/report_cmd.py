"""report customer|reviews|portfolio|audit|batch|verify: PDF audit records."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..core import i18n
from ..core.errors import CustdeskError
from ..core.exports import kind_label
from .common import Context, UsageError, _prompt, print_json
from .reviews_cmd import _date

i18n.register({
    "cli.report_written": ("已导出 {kind} {number}（{pages} 页）：{path}",
                           "Exported {kind} {number} ({pages} pages): {path}"),
    "cli.report_batch_usage": ("请用 --all 或 --codes C1,C2,… 指定客户",
                               "name the customers with --all or --codes C1,C2,..."),
    "cli.report_batch_done": ("已导出 {written} 份，失败 {failed} 份，保存在 {path}",
                              "Exported {written}, failed {failed}, in {path}"),
    "cli.report_failed": ("{code}：{message}", "{code}: {message}"),
    "cli.report_progress": ("[{done}/{total}] {code}", "[{done}/{total}] {code}"),
})


def _lang_option(p) -> None:
    # Its own dest: the global --lang sets the language of messages, this one the report's.
    p.add_argument("--lang", dest="report_lang", choices=["zh", "en"],
                   help="language of the report (default: that of the messages, Chinese)")


def register(sub) -> None:
    report = sub.add_parser("report", help="PDF audit records").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    p = report.add_parser("customer", help="customer credit audit report (客户资信审核报告)")
    p.add_argument("code")
    p.add_argument("-o", "--out", type=Path, required=True, metavar="OUT.pdf")
    _lang_option(p)
    p.add_argument("--password", action="store_true",
                   help="encrypt the PDF: the password comes from $CUSTDESK_PDF_PASSWORD, else "
                        "it is asked twice (never on the command line, where others see it)")
    p.set_defaults(handler=cmd_customer)
    p = report.add_parser("reviews", help="review schedule for a period, week by week")
    p.add_argument("--from", dest="start", required=True, metavar="DATE")
    p.add_argument("--to", dest="end", required=True, metavar="DATE")
    p.add_argument("-o", "--out", type=Path, required=True, metavar="OUT.pdf")
    _lang_option(p)
    p.set_defaults(handler=cmd_reviews)
    p = report.add_parser("portfolio", help="portfolio summary: grades, risk, exposures, warnings")
    p.add_argument("-o", "--out", type=Path, required=True, metavar="OUT.pdf")
    _lang_option(p)
    p.set_defaults(handler=cmd_portfolio)
    p = report.add_parser("audit", help="audit trail of one customer or of the whole log")
    p.add_argument("--customer", metavar="CODE")
    p.add_argument("--from", dest="start", metavar="DATE")
    p.add_argument("--to", dest="end", metavar="DATE")
    p.add_argument("-o", "--out", type=Path, required=True, metavar="OUT.pdf")
    _lang_option(p)
    p.set_defaults(handler=cmd_audit)
    p = report.add_parser("batch", help="one customer report per file into a folder")
    chosen = p.add_mutually_exclusive_group()
    chosen.add_argument("--all", action="store_true", help="every file you may see")
    chosen.add_argument("--codes", metavar="C1,C2,...")
    p.add_argument("--out", type=Path, required=True, metavar="DIR")
    _lang_option(p)
    p.add_argument("--password", action="store_true",
                   help="encrypt every PDF (password from $CUSTDESK_PDF_PASSWORD, else asked)")
    p.add_argument("--quiet", action="store_true", help="no progress lines")
    p.set_defaults(handler=cmd_batch)
    p = report.add_parser("verify", help="is this file an unaltered export, and which one?")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_verify)


def _written(made, path: Path) -> int:
    print(i18n.tr("cli.report_written", kind=kind_label(made.kind), number=made.number,
                  pages=made.pages, path=path))
    return 0


def cmd_customer(ctx: Context) -> int:
    from ..reports import export
    a = ctx.args
    made = export.customer(ctx.desk(), a.code, lang=a.report_lang, password=_pdf_password(a))
    return _written(made, export.write(made, a.out))


def cmd_reviews(ctx: Context) -> int:
    from ..reports import export
    a = ctx.args
    made = export.reviews(ctx.desk(), _date(a.start), _date(a.end), lang=a.report_lang)
    return _written(made, export.write(made, a.out))


def cmd_portfolio(ctx: Context) -> int:
    from ..reports import export
    a = ctx.args
    made = export.portfolio(ctx.desk(), lang=a.report_lang)
    return _written(made, export.write(made, a.out))


def cmd_audit(ctx: Context) -> int:
    from ..reports import export
    a = ctx.args
    made = export.audit(ctx.desk(), customer=a.customer, start=_date(a.start), end=_date(a.end),
                        lang=a.report_lang)
    return _written(made, export.write(made, a.out))


def cmd_batch(ctx: Context) -> int:
    from ..reports import export
    a = ctx.args
    desk = ctx.desk()
    if a.all:
        codes = [row[0] for row in desk.customers.summary_rows()]
    elif a.codes:
        codes = [c for c in a.codes.split(",") if c.strip()]
    else:
        raise UsageError(i18n.tr("cli.report_batch_usage"))

    def progress(done: int, total: int, code: str) -> bool:
        if not a.quiet and code:
            print(i18n.tr("cli.report_progress", done=done + 1, total=total, code=code),
                  file=sys.stderr)
        return True
    result = export.batch(desk, codes, a.out, lang=a.report_lang, password=_pdf_password(a),
                          progress=progress)
    for code, message in result.failed:
        print(i18n.tr("cli.report_failed", code=code, message=message), file=sys.stderr)
    print(i18n.tr("cli.report_batch_done", written=len(result.written), failed=len(result.failed),
                  path=a.out))
    return 1 if result.failed else 0


def cmd_verify(ctx: Context) -> int:
    from ..reports import export
    a = ctx.args
    found = export.verify_file(ctx.desk(), a.file)
    if a.json:
        print_json(found)
    else:
        print(found["message"])
    return 0 if found["ok"] else 1


def _pdf_password(args) -> str | None:
    """The PDF password: from the environment or a prompt, never from the command line
    (which every user of the machine can read in the process list)."""
    if not args.password:
        return None
    env = os.environ.get("CUSTDESK_PDF_PASSWORD")
    if env:
        return env
    first = _prompt(i18n.tr("cli.pdf_password"), "CUSTDESK_PDF_PASSWORD")
    if _prompt(i18n.tr("cli.again"), "CUSTDESK_PDF_PASSWORD") != first:
        raise CustdeskError(i18n.tr("cli.mismatch"))
    return first


i18n.register({"cli.pdf_password": ("PDF 密码：", "PDF password: ")})
