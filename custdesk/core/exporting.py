"""Exporting customer files and their records to CSV or XLSX, as the user may see them.

A file above the user's clearance is left out; sensitive fields and record kinds
are masked unless the user names them to reveal, is cleared to their level and
gives a reason. One audit entry per export records what left, how much of it,
and what was revealed.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

from . import clock, i18n
from .disclosure import MASK, WITHHOLD, mask_value
from .cleaning import check_reason
from .customers.search import name_order
from .errors import CustdeskError, FieldError, ValidationError
from .files import os_error_text, write_atomic_bytes
from .fields import (CUSTOMER_FIELDS, LEVELS, RECORD_KINDS, SENSITIVE_LABELS, choice_label,
                     level_label)

i18n.register({
    "export.what": ("导出客户数据", "exporting customer data"),
    "export.format": ("只能导出为 .csv 或 .xlsx：{name}", "Only .csv or .xlsx can be written: {name}"),
    "export.reveal_unknown": ("没有可显示的敏感项 {key}（可选：{known}）",
                              "There is no sensitive item {key} to reveal (choose from {known})"),
    "export.write": ("无法写入 {path}：{error}", "Cannot write {path}: {error}"),
    "export.sheet.customers": ("客户", "customers"),
    "export.code": ("客户编号", "customer code"),
})

#: customer columns in the order written (the code first; detail fields of both kinds follow)
_CUSTOMER_KEYS = [f.key for f in CUSTOMER_FIELDS]
_DETAIL = {f.key: f for f in CUSTOMER_FIELDS}


def _label(zh: str, en: str) -> str:
    return zh if i18n.language() == "zh" else en


def _shown(field, value):
    """A stored value as a person reads it in a sheet: labels for choices, yuan for money."""
    if value is None or value == "":
        return ""
    if field.type == "level":
        return level_label(value) if isinstance(value, int) else value
    if field.type == "choice":
        return choice_label(value)
    if field.type in ("money", "signed_money") and isinstance(value, int):
        return Decimal(value) / 100          # a number in yuan: Excel sums it; CSV reads 1234.56
    if field.type == "bool":
        return (("是" if i18n.language() == "zh" else "yes") if value else "")
    return value


class Sheet:
    def __init__(self, name: str, headers: list[str]):
        self.name, self.headers, self.rows = name, headers, []


def gather(desk, *, records: bool = True, reveal: tuple[str, ...] | list[str] = (),
           reason: str = "", codes=None) -> list[Sheet]:
    """The sheets of an export: customers, then one per record kind when ``records``;
    only the files of ``codes`` (those the user may see) when it is given."""
    chosen = None if codes is None else {str(c).strip().upper() for c in codes}
    access = desk.access
    known = sorted(SENSITIVE_LABELS)
    wanted = set()
    for key in reveal:
        if key not in SENSITIVE_LABELS:
            raise ValidationError(FieldError("reveal", "export.reveal_unknown",
                                             {"key": key, "known": ", ".join(known)}))
        access.require_cleared(key)
        wanted.add(key)
    if wanted:
        check_reason(reason)
    clearance = access.clearance
    disclosure = desk.disclosure
    cursor = desk.db.execute(
        "SELECT c.*, i.*, e.*, cv.vault AS _cvault, iv.vault AS _ivault FROM customers c "
        "JOIN main.customers cv ON cv.id = c.id "
        "LEFT JOIN individuals i ON i.customer_id = c.id "
        "LEFT JOIN main.individuals iv ON iv.customer_id = c.id "
        "LEFT JOIN enterprises e ON e.customer_id = c.id WHERE c.level <= ? "
        f"AND c.name IS NOT NULL ORDER BY {name_order('c')}", [clearance])
    columns = [c[0] for c in cursor.description]
    customers = Sheet(i18n.tr("export.sheet.customers"),
                      [i18n.tr("export.code")] + [_label(_DETAIL[k].zh, _DETAIL[k].en)
                                                  for k in _CUSTOMER_KEYS])
    for values in cursor:
        # Later columns of the same name (customer_id of the detail tables) must not win.
        row = {}
        for name, value in zip(columns, values):
            if name not in row or row[name] is None:
                row[name] = value
        if chosen is not None and row["code"] not in chosen:
            continue
        masks = {**json.loads(row["_cvault"] or "{}"), **json.loads(row["_ivault"] or "{}")}
        out = [row["code"]]
        for key in _CUSTOMER_KEYS:
            field = _DETAIL[key]
            value = row.get(key) if row["kind"] in field.kinds else None
            decision = disclosure.field(field.sensitive, row["level"], "export",
                                        field.sensitive in wanted)
            if key in masks and (value is None or decision.action == WITHHOLD):
                out.append(masks[key][1])          # sealed above this user: its mask only
            elif field.sensitive and not decision.shown and value not in (None, ""):
                out.append(mask_value(value, field.mask))
            else:
                out.append(_shown(field, value))
        customers.rows.append(out)
    sheets = [customers]
    if records:
        for spec in RECORD_KINDS.values():
            sheet = Sheet(_label(spec.zh, spec.en),
                          [i18n.tr("export.code")] + [_label(f.zh, f.en) for f in spec.fields])
            sensitive = spec.sensitive or ("phone" if spec.key == "contacts" else None)
            cursor = desk.db.execute(
                f"SELECT c.code, c.level AS _level, r.* FROM {spec.table} r "
                f"JOIN customers c ON c.id = r.customer_id "
                f"WHERE c.level <= ? AND c.name IS NOT NULL ORDER BY c.code, r.id", [clearance])
            names = [c[0] for c in cursor.description]
            for values in cursor:
                row = dict(zip(names, values))
                if chosen is not None and row["code"] not in chosen:
                    continue
                decision = disclosure.field(sensitive, row["_level"], "export",
                                            sensitive in wanted)
                out = [row["code"]]
                for f in spec.fields:
                    value = row.get(f.key)
                    if spec.key == "contacts":
                        hide = f.type == "phone" and not decision.shown
                        shown = mask_value(value, "phone") if hide else _shown(f, value)
                    elif decision.shown or (decision.action == MASK
                                            and f.type in ("date", "period")):
                        shown = _shown(f, value)
                    else:
                        shown = "***" if value not in (None, "") or decision.action == WITHHOLD \
                            else _shown(f, value)
                    out.append(shown)
                sheet.rows.append(out)
            sheets.append(sheet)
    return sheets


# Text starting with one of these is a formula to a spreadsheet program: a name or a note
# such as =HYPERLINK("http://…") must arrive as text, never run when the file is opened.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """A value for a CSV cell: text that a spreadsheet would read as a formula is quoted
    with a leading apostrophe (the import strips it again)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _write_csv(sheet: Sheet, out) -> None:
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
    writer = csv.writer(text)
    writer.writerow([csv_cell(h) for h in sheet.headers])
    for row in sheet.rows:
        writer.writerow([csv_cell(v) for v in row])
    text.flush()
    text.detach()


def _write_xlsx(sheets: list[Sheet], out) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    book = Workbook(write_only=True)
    for sheet in sheets:
        page = book.create_sheet(sheet.name[:31])
        page.append(sheet.headers)
        for row in sheet.rows:
            cells = []
            for value in row:
                if isinstance(value, str) and value.startswith("="):
                    cell = WriteOnlyCell(page, value=value)
                    cell.data_type = "s"       # the text itself, not a formula
                    value = cell
                cells.append(value)
            page.append(cells)
    book.save(out)


def matching_codes(desk, search: str | None = None, **filters) -> list[str]:
    """The codes of every file a customer list with this search and these filters shows
    (every match, not only the first rows it puts on screen), within the user's clearance."""
    rows, _total = desk.customers.list_rows(search, **filters)
    return [row[0] for row in rows]          # (the code: listing.LIST_COLUMNS)


def export_customers(desk, path: Path | str, *, reveal: tuple[str, ...] | list[str] = (),
                     reason: str = "", codes=None) -> dict:
    """Write the user's visible files to ``path`` (.csv: the customers; .xlsx: customers and
    one sheet per record kind); return the counts. Logged as one audit entry.

    ``codes`` narrows the export to those files (the ones a list shows, or those selected
    in it); a code the user may not see is left out as a file above the clearance is."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise CustdeskError(i18n.tr("export.format", name=path.name))
    desk.access.require("report.export", i18n.tr("export.what"))
    sheets = gather(desk, records=suffix == ".xlsx", reveal=reveal, reason=reason, codes=codes)
    try:
        write_atomic_bytes(path, (lambda out: _write_csv(sheets[0], out)) if suffix == ".csv"
                else (lambda out: _write_xlsx(sheets, out)))
    except OSError as error:
        raise CustdeskError(i18n.tr("export.write", path=path, error=os_error_text(error))) \
            from error
    counts = {"customers": len(sheets[0].rows),
              "records": sum(len(s.rows) for s in sheets[1:])}
    summary = {"file": path.name, "format": suffix[1:], **counts,
               "levels_up_to": LEVELS[desk.access.clearance]}
    if reveal:
        summary.update(revealed=sorted(set(reveal)), reason=check_reason(reason))
    with desk.writing():
        desk.audit.append("export.customers", path.name, summary=summary)
    return {**counts, "path": str(path), "at": clock.timestamp()}
