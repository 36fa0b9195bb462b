"""customer ..., record ..., document ..."""

from __future__ import annotations

import sys
from pathlib import Path

from ..core import i18n
from ..core.errors import CustdeskError, ValidationError
from ..core.fields import RECORD_KINDS, customer_field, label
from ..core.files import write_atomic_bytes
from ..core.validation import format_money
from .common import Context, UsageError, integer, key_values, print_json, print_table

i18n.register({
    "cli.reveal_reason": ("--reveal 需要同时给出 --reason", "--reveal needs --reason"),
    "cli.nothing_to_edit": ("没有要修改的字段（用 --field KEY=VALUE）",
                            "nothing to change (use --field KEY=VALUE)"),
    "cli.unchanged": ("内容未变", "nothing changed"),
    "cli.saved": ("已保存 {code}", "Saved {code}"),
    "cli.warnings_only": ("（仅为提醒：核对无误后，可加 --accept-warnings \"理由\" 照常保存"
                          "，理由记入档案和审计日志）",
                          "(warnings only: once checked, save anyway with --accept-warnings "
                          "\"REASON\", recorded with the file and in the audit log)"),
    "cli.warning_kept": ("提醒已按理由保留 — {field}：{message}",
                         "warning kept with the reason given — {field}: {message}"),
})

SHOW_KEYS = ("code", "kind", "name", "status", "level", "id_number", "credit_code", "phone")


def register(sub) -> None:
    customer = sub.add_parser("customer", help="customer files").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    p = customer.add_parser("add", help="create a customer file; prints its code")
    p.add_argument("--kind", required=True, choices=["individual", "enterprise"])
    p.add_argument("--name", required=True)
    p.add_argument("--id-number")
    p.add_argument("--credit-code")
    p.add_argument("--phone")
    p.add_argument("--level", help="public, internal (default), confidential or secret")
    _field_options(p)
    p.set_defaults(handler=cmd_add)

    p = customer.add_parser("show", help="show one file (sensitive fields masked)")
    p.add_argument("code")
    p.add_argument("--json", action="store_true")
    p.add_argument("--reveal", action="append", metavar="FIELD", help="reveal a masked field (logged)")
    p.add_argument("--reason", help="why the field is revealed")
    p.set_defaults(handler=cmd_show)

    p = customer.add_parser("list", help="list or search files")
    p.add_argument("--search", help="name substring, pinyin initials, code, phone tail, ID number")
    p.add_argument("--kind", choices=["individual", "enterprise"])
    p.add_argument("--status")
    p.add_argument("--tier")
    p.add_argument("--level", help="public, internal, confidential or secret")
    p.add_argument("--grade", help="AAA … C, or ungraded")
    p.add_argument("--hold", action="store_true", help="only files whose credit is on hold")
    p.add_argument("--limit", type=integer)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)

    p = customer.add_parser("edit", help="change fields of a file")
    p.add_argument("code")
    _field_options(p)
    p.set_defaults(handler=cmd_edit)

    record = sub.add_parser("record", help="sub-records of a file").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    p = record.add_parser("add", help="add a record")
    p.add_argument("code")
    p.add_argument("kind", choices=list(RECORD_KINDS))
    p.add_argument("--field", action="append", metavar="KEY=VALUE")
    p.set_defaults(handler=cmd_record_add)
    p = record.add_parser("list", help="list records of one kind")
    p.add_argument("code")
    p.add_argument("kind", choices=list(RECORD_KINDS))
    p.add_argument("--reveal", action="store_true")
    p.add_argument("--reason")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_record_list)

    document = sub.add_parser("document", help="documents of a file").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    p = document.add_parser("add", help="store a file in the database")
    p.add_argument("code")
    p.add_argument("file")
    p.add_argument("--kind", required=True)
    p.add_argument("--expires")
    p.add_argument("--notes")
    p.set_defaults(handler=cmd_document_add)
    p = document.add_parser("list", help="list documents")
    p.add_argument("code")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_document_list)
    p = document.add_parser("get", help="write a document out to a file (logged)")
    p.add_argument("code")
    p.add_argument("id", type=integer)
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(handler=cmd_document_get)


def _field_options(p) -> None:
    p.add_argument("--field", action="append", metavar="KEY=VALUE", help="any file field")
    p.add_argument("--override", action="append", metavar="FIELD=REASON",
                   help="keep one field's value that only draws a warning, with the reason")
    p.add_argument("--accept-warnings", metavar="REASON",
                   help="keep every value that only draws a warning (a wrong check character, "
                        "an unknown region code, an unallocated phone range), recording this "
                        "reason for each; the warnings are printed")


def _save(call, values: dict, args) -> object:
    """``call(values, overrides)`` (add or edit); warnings only are kept with
    --accept-warnings's reason (each printed), or refused with a hint that they may be."""
    overrides = key_values(args.override, "--override")
    try:
        return call(values, overrides)
    except ValidationError as exc:
        if not exc.only_warnings:
            raise
        if not (args.accept_warnings or "").strip():
            raise CustdeskError(f"{exc} {i18n.tr('cli.warnings_only')}") from exc
        changes = call(values, {**{e.field: args.accept_warnings for e in exc.errors}, **overrides})
        for error in exc.errors:
            print(i18n.tr("cli.warning_kept", field=label(error.field), message=error.message),
                  file=sys.stderr)
        return changes


def _for_people(field, value):
    """A value as people read it: money in yuan with separators (integer fen stays in --json);
    a masked value (***) as it is."""
    if field is not None and field.type in ("money", "signed_money") and isinstance(value, int) \
            and not isinstance(value, bool):
        return format_money(value)
    return value


def cmd_add(ctx: Context) -> int:
    a = ctx.args
    values = {"kind": a.kind, "name": a.name}
    for key in ("id_number", "credit_code", "phone", "level"):
        if getattr(a, key) is not None:
            values[key] = getattr(a, key)
    values.update(key_values(a.field, "--field"))
    changes = _save(ctx.desk().customers.add, values, a)
    print(changes.code)
    return 0


def cmd_show(ctx: Context) -> int:
    a = ctx.args
    if a.reveal and not a.reason:
        raise UsageError(i18n.tr("cli.reveal_reason"))
    record = ctx.desk().customers.get(a.code, reveal=a.reveal or (), reason=a.reason or "")
    if a.json:
        print_json(record)
        return 0
    for key, value in record.items():
        if key in ("id", "masked", "overrides") or value in (None, ""):
            continue
        print(f"{label(key)}: {_for_people(customer_field(key), value)}")
    return 0


def cmd_list(ctx: Context) -> int:
    a = ctx.args
    rows = ctx.desk().customers.list(a.search, kind=a.kind, status=a.status, tier=a.tier,
                                     level=a.level, grade=a.grade, hold=a.hold, limit=a.limit)
    if a.json:
        print_json(rows)
    else:
        print_table(rows, ["code", "name", "kind", "status", "level", "grade", "phone"])
    return 0


def cmd_edit(ctx: Context) -> int:
    a = ctx.args
    values = key_values(a.field, "--field")
    if not values:
        raise UsageError(i18n.tr("cli.nothing_to_edit"))
    desk = ctx.desk()
    changes = _save(lambda v, o: desk.customers.edit(a.code, v, o), values, a)
    print(i18n.tr("cli.saved", code=a.code.upper()) if changes.areas else i18n.tr("cli.unchanged"),
          file=sys.stderr)
    return 0


def cmd_record_add(ctx: Context) -> int:
    a = ctx.args
    changes = ctx.desk().records.add(a.code, a.kind, key_values(a.field, "--field"))
    print(changes.id)
    return 0


def cmd_record_list(ctx: Context) -> int:
    a = ctx.args
    if a.reveal and not a.reason:
        raise UsageError(i18n.tr("cli.reveal_reason"))
    rows = ctx.desk().records.list(a.code, a.kind, reveal=a.reveal, reason=a.reason or "")
    if a.json:
        print_json(rows)
    else:
        fields = [f for f in RECORD_KINDS[a.kind].fields if f.key != "notes"]
        print_table([{**row, **{f.key: _for_people(f, row.get(f.key)) for f in fields}}
                     for row in rows], ["id"] + [f.key for f in fields])
    return 0


def cmd_document_add(ctx: Context) -> int:
    a = ctx.args
    fields = {"expires_on": a.expires, "notes": a.notes}
    changes = ctx.desk().documents.add_file(a.code, Path(a.file), a.kind,
                                            **{k: v for k, v in fields.items() if v})
    print(changes.id)
    return 0


def cmd_document_list(ctx: Context) -> int:
    rows = ctx.desk().documents.list(ctx.args.code)
    if ctx.args.json:
        print_json(rows)
    else:
        print_table(rows, ["id", "kind", "filename", "size", "expires_on", "created_at"])
    return 0


def cmd_document_get(ctx: Context) -> int:
    _name, content = ctx.desk().documents.content(ctx.args.code, ctx.args.id)
    write_atomic_bytes(ctx.args.output, content)
    return 0
