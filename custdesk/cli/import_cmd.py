"""import customers|financials|transactions FILE"""

from __future__ import annotations

import sys

from ..core import i18n
from ..core.importing.mapping import field_label, target_fields
from ..core.importing import (TARGETS, default_report_path, import_file, saved_mapping,
                              write_error_report)
from .common import EXIT_OK, EXIT_REFUSED, Context, key_values, print_json

i18n.register({
    "cli.import.summary": ("{file}：共 {total} 行，新增 {imported}，更新 {updated}，无效 {rejected}，重复 {duplicates}",
                           "{file}: {total} rows, {imported} imported, {updated} updated, "
                           "{rejected} invalid, {duplicates} duplicates"),
    "cli.import.dry_run": ("（试运行，未写入）", "(dry run, nothing written)"),
    "cli.import.refused": ("有 {bad} 行无效或重复，未导入任何内容（可用 --skip-invalid 只导入有效行）；错误报告：{path}",
                           "{bad} rows are invalid or duplicates; nothing was imported (--skip-invalid "
                           "imports the valid rows); error report: {path}"),
    "cli.import.report": ("错误报告：{path}", "error report: {path}"),
    "cli.import.unknown": ("未对应字段的列（客户资料导入时保存在备注中）：{columns}",
                           "columns not taken as a field (kept in the notes when importing "
                           "customers): {columns}"),
    "cli.import.suggest": ("列“{column}”的内容不像“{field}”（{fit}/{checked} 个值相符），未按此对应；"
                           "如确实是，请用 --map “{column}={key}”",
                           "the values of column “{column}” do not look like “{field}” ({fit} of "
                           "{checked} fit), so it was not read as that; if it is, use --map "
                           "\"{column}={key}\""),
    "cli.import.warnings": ("其中 {n} 行只有警告（如身份证地区码未知、号段未分配）；核实后可用 "
                            "--accept-warnings “理由” 保留这些值",
                            "{n} of these rows draw warnings only (e.g. an unknown ID region, an "
                            "unallocated phone range); once checked, --accept-warnings \"REASON\" "
                            "keeps those values"),
})

JSON_ERRORS = 100   # problems listed in --json output; the report file has them all


def register(sub) -> None:
    p = sub.add_parser("import", help="import customers, financial statements or transactions "
                                      "from a CSV or XLSX file")
    p.add_argument("target", choices=TARGETS)
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="check and report only")
    p.add_argument("--skip-invalid", action="store_true",
                   help="import the valid rows and report the rest (default: all or nothing)")
    p.add_argument("--update-existing", action="store_true",
                   help="update matching files or records instead of reporting them as duplicates")
    p.add_argument("--accept-warnings", metavar="REASON",
                   help="keep values that only draw a warning, with this reason (recorded in "
                        "each file and in the log), as the form does")
    p.add_argument("--errors", metavar="OUT.csv",
                   help="where to write the error report (default: FILE.errors.csv beside the file)")
    p.add_argument("--map", action="append", metavar="HEADER=FIELD",
                   help="read a column as a field (FIELD empty: ignore the column)")
    p.add_argument("--mapping", metavar="NAME",
                   help="read the columns as a mapping saved in the window says (--map overrides it)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_import)


def cmd_import(ctx: Context) -> int:
    a = ctx.args
    desk = ctx.desk()
    mapping = dict(saved_mapping(desk, a.target, a.mapping)) if a.mapping else {}
    mapping.update({k: (v.strip() or None) for k, v in _mapping(a.map).items()})
    result = import_file(desk, a.target, a.file, dry_run=a.dry_run,
                         skip_invalid=a.skip_invalid, update_existing=a.update_existing,
                         mapping=mapping or None, accept_warnings=a.accept_warnings)
    report = None
    if result.problems:
        report = write_error_report(result, a.errors or default_report_path(a.file))
    bad = result.rejected + result.duplicates
    refused = result.refused or (a.dry_run and bad and not a.skip_invalid)
    if a.json:
        out = result.as_dict()
        out["errors"] = out["errors"][:JSON_ERRORS]
        out["errors_file"] = str(report) if report else None
        out["refused"] = bool(refused)
        print_json(out)
    else:
        line = i18n.tr("cli.import.summary", file=result.file, total=result.total,
                       imported=result.imported, updated=result.updated, rejected=result.rejected,
                       duplicates=result.duplicates)
        print(line + (" " + i18n.tr("cli.import.dry_run") if a.dry_run else ""))
        if result.unknown_columns:
            print(i18n.tr("cli.import.unknown", columns=", ".join(result.unknown_columns)),
                  file=sys.stderr)
        for item in result.suggestions:
            print(i18n.tr("cli.import.suggest", column=item["column"], fit=item["fit"],
                          checked=item["checked"], key=item["field"],
                          field=field_label(target_fields(a.target)[item["field"]])),
                  file=sys.stderr)
    warned = result.warned_rows
    if warned and not a.json:
        print(i18n.tr("cli.import.warnings", n=len(warned)), file=sys.stderr)
    if refused:
        print("custdesk: " + i18n.tr("cli.import.refused", bad=bad, path=report), file=sys.stderr)
        return EXIT_REFUSED
    if report:
        print(i18n.tr("cli.import.report", path=report), file=sys.stderr)
    return EXIT_OK


def _mapping(pairs: list[str] | None) -> dict[str, str]:
    out = {}
    for pair in pairs or []:
        # Headers keep their own spelling: key_values would turn '-' into '_'.
        header, sep, key = pair.partition("=")
        if not sep or not header.strip():
            key_values([pair], "--map")        # raises the usage error
        out[header.strip()] = key
    return out
