"""Running an import: every row checked with core's own cleaning, then one transaction.

Rows are checked one by one with the functions the forms use (``CustomerArchive._clean``,
``clean_fields``, the statement check), so an imported file holds exactly what a clerk
could have typed. The valid rows are then written in bulk (``executemany``) inside one
``desk.writing()`` transaction together with their derived state (search keys, name
grams, next review, exposure, warnings) and ONE audit entry for the whole import: a
process killed half-way leaves nothing of it.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .. import clock, i18n
from ..cleaning import clean_fields
from ..customers import blind, search
from ..disclosure import mask_value
from ..customers.records import SHOWN_WHEN_MASKED, _check_statement, store_receivables
from ..errors import AccessDenied, Conflict, CustdeskError, FieldError, ValidationError
from ..fields import CUSTOMER_FIELDS, RECORD_KINDS, Field, choice_label
from ..reviews import next_review
from ..store.connection import IntegrityError
from ..store.sealed_schema import SEAL_FROM
from ..validation import normalize_code
from .mapping import (LOOKUP_FIELDS, TARGETS, header_unit, map_headers, normalise_cell,
                      scale_money, target_fields)
from .keys import KeyMaker
from .reading import read_table

i18n.register({
    "import.action": ("导入客户资料", "importing customer data"),
    "import.dup_in_file": ("与第 {row} 行重复", "duplicates row {row}"),
    "import.customer_unknown": ("找不到该客户（或无权查看）", "no such customer (or not visible to you)"),
    "import.customer_mismatch": ("客户编号、证件号码和信用代码指向不同的客户",
                                 "the customer code, ID number and credit code name different customers"),
    "import.customer_missing": ("请填写客户编号、证件号码或统一社会信用代码",
                                "give the customer code, ID number or credit code"),
    "import.dup_record": ("该客户已有单号为 {ref} 的{kind}", "this customer already has {kind} {ref}"),
    "import.denied": ("{what}", "{what}"),
    "import.cancelled": ("导入已取消，未写入任何内容", "The import was cancelled; nothing was written."),
    "import.excel_number": ("Excel 把这一列当成了数字，末几位已经丢失（{value}）：请把该列设为“文本”格式后重新填写",
                            "Excel stored this column as a number and lost the last digits ({value}): "
                            "format the column as text and enter the numbers again"),
    "import.changed": ("导入期间数据库已被他人修改，请重新导入",
                       "the database changed while the file was checked; import it again"),
})

CHUNK = 2000
_CODE_TYPES = {"id_number", "credit_code", "bank_card", "mobile", "phone"}
_SCIENTIFIC = re.compile(r"\d(\.\d+)?[eE][+]?\d+")
_FIELD = {f.key: f for f in CUSTOMER_FIELDS}
# Columns of ``customers`` that come from the file, in one fixed order.
_BASE = tuple(f.key for f in CUSTOMER_FIELDS if f.table == "customers")
_DETAIL = {kind: tuple(f.key for f in CUSTOMER_FIELDS if f.table == table and kind in f.kinds)
           for kind, table in (("individual", "individuals"), ("enterprise", "enterprises"))}
_TABLE = {"individual": "individuals", "enterprise": "enterprises"}
_LOOKUPS = tuple(f.key for f in LOOKUP_FIELDS)

# (phase "checking" | "writing", done, total or 0) -> False to cancel
Progress = Callable[[str, int, int], "bool | None"]


class ImportCancelled(CustdeskError):
    """The user cancelled: the import's transaction (if it had begun) was rolled back."""


@dataclass
class Problem:
    """One bad cell (or row) of the file, as the error report shows it."""

    row: int                   # as in the file: the header is row 1
    column: str                # the header as in the file (the field's label when no column)
    field: str
    value: str                 # masked when the field is sensitive
    error: FieldError
    duplicate: bool = False

    @property
    def reason(self) -> str:   # rendered late: the language may change
        return self.error.message

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "field": self.field, "value": self.value,
                "reason": self.reason, "duplicate": self.duplicate}


@dataclass
class ImportResult:
    target: str
    file: str
    total: int = 0             # data rows in the file
    imported: int = 0          # new files or records written (would be, with dry_run)
    updated: int = 0           # existing ones changed (update_existing)
    rejected: int = 0          # rows with an invalid value
    duplicates: int = 0        # rows that repeat an earlier row or an existing file/record
    valid: int = 0             # rows that passed every check
    dry_run: bool = False
    refused: bool = False      # all-or-nothing and some row was bad: nothing written
    problems: list[Problem] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)       # header -> field key
    unknown_columns: list[str] = field(default_factory=list)
    encoding: str | None = None
    delimiter: str | None = None
    codes: tuple[str, ...] | None = None                        # the new codes, in file order
    audit_seq: int | None = None

    @property
    def ok(self) -> bool:
        return not self.refused

    def as_dict(self) -> dict:
        return {"target": self.target, "file": self.file, "total": self.total,
                "imported": self.imported, "updated": self.updated, "rejected": self.rejected,
                "duplicates": self.duplicates, "valid": self.valid, "dry_run": self.dry_run,
                "refused": self.refused, "columns": self.columns,
                "unknown_columns": self.unknown_columns, "encoding": self.encoding,
                "delimiter": self.delimiter, "codes": list(self.codes) if self.codes else None,
                "errors": [p.as_dict() for p in self.problems]}


class Importer:
    """One import of one file into one target (``customers``, ``financials``, ``transactions``).

    :param dry_run: check and report only; nothing is written.
    :param skip_invalid: write the valid rows and report the rest (default: any bad
        row refuses the whole file).
    :param update_existing: a row for an existing file (same ID number or credit code) or
        record (same period; same kind and reference number) updates it with the row's
        non-empty cells instead of being reported as a duplicate.
    :param mapping: {header: field key or None}, overriding the header aliases.
    :param progress: called as ``progress(phase, done, total)`` every few thousand rows;
        returning False cancels the import (``ImportCancelled``; nothing is written, or
        what was written is rolled back with the transaction).
    """

    def __init__(self, desk, target: str, *, dry_run: bool = False, skip_invalid: bool = False,
                 update_existing: bool = False, mapping: dict | None = None,
                 progress: Progress | None = None):
        if target not in TARGETS:
            raise ValueError(f"unknown import target {target!r}")
        self.desk = desk
        self.target = target
        self.dry_run = dry_run
        self.skip_invalid = skip_invalid
        self.update_existing = update_existing
        self.mapping = mapping
        self._on_progress = progress
        self.fields = target_fields(target)

    # -- the whole run --------------------------------------------------------------------
    def run(self, path: Path | str) -> ImportResult:
        desk = self.desk
        path = Path(path)
        desk.access.require("customer.edit", i18n.tr("import.action"))
        spec = RECORD_KINDS.get(self.target)
        if spec is not None and spec.sensitive:
            desk.access.require_cleared(spec.sensitive)
        table = read_table(path)
        columns, unknown = map_headers(table.headers, self.target, self.mapping)
        result = ImportResult(self.target, path.name, dry_run=self.dry_run,
                              columns={table.headers[i]: k for i, k in columns.items()},
                              unknown_columns=unknown, encoding=table.encoding,
                              delimiter=table.delimiter)
        self._headers = {k: table.headers[i] for i, k in columns.items()}
        self._units = {k: header_unit(table.headers[i]) for i, k in columns.items()
                       if self.fields[k].type in ("money", "signed_money")}
        self._keys = KeyMaker(parallel=not self.dry_run and self.target == "customers"
                              and os.environ.get("CUSTDESK_IMPORT_HELPER", "1") != "0")
        try:
            if self.target == "customers":
                new, updates = self._check_customers(table.rows, columns, result)
            else:
                new, updates = self._check_records(table.rows, columns, result)
            result.valid = len(new) + len(updates)
            if (result.rejected or result.duplicates) and not self.skip_invalid and not self.dry_run:
                result.refused = True
                return result
            result.imported, result.updated = len(new), len(updates)
            if self.dry_run or not (new or updates):
                return result
            try:
                if self.target == "customers":
                    self._write_customers(new, updates, result)
                else:
                    self._write_records(new, updates, result)
            except IntegrityError as exc:     # a unique key taken by someone else meanwhile
                raise Conflict(i18n.tr("import.changed")) from exc
            return result
        finally:
            self._keys.close()

    # -- shared helpers -------------------------------------------------------------------
    def _cells(self, cells: list[str], columns: dict[int, str]) -> dict[str, str]:
        """The row's values by field, normalised; the cells as written are kept in
        ``self._written`` for the error report (女, not the stored ``female``)."""
        values = {}
        self._written = {}
        for index, key in columns.items():
            text = cells[index] if index < len(cells) else ""
            if text:
                self._written[key] = text.strip()
                aliases = "transaction_kind" if (self.target, key) == ("transactions", "kind") else None
                text = normalise_cell(self.fields[key], text, aliases)
                if text and self._units.get(key, 1) != 1:
                    text = scale_money(text, self._units[key])
                if text:
                    values[key] = text
        return values

    def _damaged(self, raw: dict) -> list[FieldError]:
        """Codes that Excel turned into numbers (1.10105E+17): their digits are gone, and
        the length or check-digit message would not tell the clerk why."""
        return [FieldError(key, "import.excel_number", {"value": value})
                for key, value in raw.items()
                if getattr(self._field(key), "type", None) in _CODE_TYPES
                and _SCIENTIFIC.fullmatch(value)]

    def _field(self, key: str) -> Field | None:
        return self.fields.get(key) or _FIELD.get(key)

    def _problem(self, result: ImportResult, row: int, errors: list[FieldError], raw: dict,
                 duplicate: bool = False) -> None:
        for error in errors:
            field_ = self._field(error.field)
            value = self._written.get(error.field, raw.get(error.field, ""))
            if field_ is not None and field_.sensitive and field_.type not in SHOWN_WHEN_MASKED:
                value = mask_value(value, field_.mask)
            column = self._headers.get(error.field) or _label(field_, error.field)
            result.problems.append(Problem(row, column, error.field, value or "", error, duplicate))
        if duplicate:
            result.duplicates += 1
        else:
            result.rejected += 1

    def progress(self, phase: str, done: int, total: int) -> None:
        if self._on_progress is not None and self._on_progress(phase, done, total) is False:
            raise ImportCancelled(i18n.tr("import.cancelled"))

    def _tick(self, result: ImportResult) -> None:
        if result.total % 1000 == 0:
            self.progress("checking", result.total, 0)

    def _audit(self, result: ImportResult, extra: dict) -> None:
        summary = {"file": result.file, "total": result.total, "imported": result.imported,
                   "updated": result.updated, "rejected": result.rejected,
                   "duplicates": result.duplicates, "skip_invalid": self.skip_invalid,
                   "update_existing": self.update_existing, **extra}
        result.audit_seq = self.desk.audit.append(f"import.{self.target}", result.file,
                                                  summary=summary)

    # -- customers ------------------------------------------------------------------------
    def _identities(self) -> tuple[dict, dict]:
        """ID numbers and credit codes on file: value -> (customer id, code, level)."""
        db = self.desk.db
        out = []
        for column, table in (("id_number", "individuals"), ("credit_code", "enterprises")):
            # Only what this user may read: a number held by a hidden file, or sealed above
            # the user, answers as an absent one (its file is not named).
            out.append({r[0]: (r[1], r[2], r[3]) for r in db.execute(
                f"SELECT t.{column}, c.id, c.code, c.level FROM {table} t "
                f"JOIN customers c ON c.id = t.customer_id WHERE t.{column} IS NOT NULL "
                f"AND c.level <= ? AND c.name IS NOT NULL", [self.desk.access.clearance])})
        return out[0], out[1]

    def _check_customers(self, rows, columns, result: ImportResult):
        desk = self.desk
        archive = desk.customers
        kind_field = [_FIELD["kind"]]
        existing = dict(zip(("id_number", "credit_code"), self._identities()))
        seen: dict[str, dict[str, int]] = {"id_number": {}, "credit_code": {}}
        dup_keys = {"id_number": "customer.dup_id", "credit_code": "customer.dup_cc"}
        new, updates = [], []
        clearance = desk.access.clearance
        for number, cells in rows:
            result.total += 1
            self._tick(result)
            raw = self._cells(cells, columns)
            kind = raw.get("kind")
            if not kind and ("id_number" in raw) != ("credit_code" in raw):
                kind = "individual" if "id_number" in raw else "enterprise"
            try:
                kind = clean_fields(kind_field, {"kind": kind}, required=True)[0]["kind"]
            except ValidationError as exc:
                self._problem(result, number, exc.errors, raw)
                continue
            errors: list[FieldError] = self._damaged(raw)
            if errors:
                self._problem(result, number, errors, raw)
                continue
            values = {"kind": kind}
            for key, value in raw.items():
                if kind in _FIELD[key].kinds:
                    values[key] = value
                else:
                    errors.append(FieldError(key, "field.not_for_kind", {"kind": choice_label(kind)}))
            clean = None
            try:
                clean, _accepted, _notes = archive._clean(
                    kind, values, None, creating=True, id_type=values.get("id_type") or "resident_id")
            except ValidationError as exc:
                errors.extend(exc.errors)
            except AccessDenied as exc:
                errors.extend(FieldError(k, "import.denied", {"what": str(exc)}) for k in values
                              if _FIELD[k].sensitive and not desk.access.cleared_for(_FIELD[k].sensitive))
            if errors:
                self._problem(result, number, errors, raw)
                continue
            duplicate, match = None, None
            for column in ("id_number", "credit_code"):
                value = clean.get(column)
                if not value:
                    continue
                if value in seen[column]:
                    duplicate = FieldError(column, "import.dup_in_file", {"row": seen[column][value]})
                elif value in existing[column]:
                    customer_id, code, level = existing[column][value]
                    if self.update_existing and level <= clearance:
                        match = (customer_id, code)
                    else:
                        duplicate = FieldError(column, dup_keys[column], {"code": code})
                seen[column].setdefault(value, number)
            if duplicate is not None:
                self._problem(result, number, [duplicate], raw, duplicate=True)
                continue
            if match is not None:
                updates.append((number, match[0], match[1], kind, clean))
                continue
            clean.setdefault("level", 1)
            clean.setdefault("owner", desk.user.name)
            new.append((kind, tuple(clean.get(k) for k in _BASE),
                        tuple(clean.get(k) for k in _DETAIL[kind])))
            if len(new) % CHUNK == 0:
                self._keys.submit(_key_items(new[-CHUNK:]))
        if len(new) % CHUNK:
            self._keys.submit(_key_items(new[len(new) - len(new) % CHUNK:]), last=True)
        self.progress("checking", result.total, result.total)
        return new, updates

    def _write_customers(self, new: list, updates: list, result: ImportResult) -> None:
        desk = self.desk
        db, conn = desk.db, desk.db.conn
        now, user = clock.timestamp(), desk.user.name
        defaults = {t: _defaults(db, t) for t in ("customers", "individuals", "enterprises")}
        total = len(new) + len(updates)
        statements: dict[str, str] = {}

        def insert(table: str, rows: list[dict]) -> None:
            if not rows:
                return
            names = list(rows[0])
            sql = statements.setdefault(table, (
                f"INSERT INTO main.{table} ({', '.join(names)}) "
                f"VALUES ({', '.join('?' * len(names))})"))
            conn.executemany(sql, [[row[n] for n in names] for row in rows])

        with desk.writing(), _large_cache(db):
            self._recheck(new, updates)
            identities = desk.customers.allocate(len(new))
            codes = []
            sealed_codes: set[str] = set()     # not named in the entry (everyone auditing reads it)
            # A new file's first review: the same rule (and date) for every file of the import.
            due = next_review({"created_at": now, "grade": None}, desk.reviews.policy())[0].isoformat()
            for batch, start in enumerate(range(0, len(new), CHUNK)):
                stored = {"customers": [], "individuals": [], "enterprises": []}
                grams, digests = [], []
                for (kind, base, detail), keys, (new_id, code) in zip(
                        new[start:start + CHUNK], self._keys.batch(batch),
                        identities[start:start + CHUNK]):
                    name_norm, initials, full, phone_rev = keys
                    row = {k: defaults["customers"].get(k) if v is None else v
                           for k, v in zip(_BASE, base)}
                    row.update(id=new_id, code=code, kind=kind, overrides="{}", created_at=now,
                               created_by=user, updated_at=now, name_norm=name_norm,
                               pinyin_initials=initials, pinyin_full=full, phone_rev=phone_rev,
                               next_review=due, exposure=0)
                    level = row["level"]
                    desk.customers.mark_level(code, new_id, 0, level)
                    stored["customers"].append(desk.store.encode("customers", row, level=level))
                    table = _TABLE[kind]
                    detail_row = {"customer_id": new_id, **{
                        k: defaults[table].get(k) if v is None else v
                        for k, v in zip(_DETAIL[kind], detail)}}
                    stored[table].append(desk.store.encode(table, detail_row, level=level))
                    if level < SEAL_FROM:
                        grams.extend((g, new_id) for g in search.name_grams(name_norm))
                    for (index_table, column) in blind.INDEXED:
                        source = row if index_table == "customers" else detail_row
                        if index_table in ("customers", table) and column in source:
                            found = blind.digest_row(desk, new_id, index_table, column,
                                                     source[column], level)
                            if found:
                                digests.append(found)
                    codes.append(code)
                    if level >= SEAL_FROM:
                        sealed_codes.add(code)
                for table in ("customers", "individuals", "enterprises"):
                    insert(table, stored[table])
                grams.sort()                      # in key order: fewer pages touched
                conn.executemany("INSERT OR IGNORE INTO name_grams (gram, customer_id) "
                                 "VALUES (?, ?)", grams)
                conn.executemany(blind.INSERT, digests)
                self.progress("writing", start + len(stored["customers"]), total)
            for _number, customer_id, _code, kind, clean in updates:
                self._update_customer(customer_id, kind, clean, now)
            self.progress("writing", total, total)
            if new:
                result.codes = tuple(codes)
            updated = [u[2] for u in updates
                       if desk.disclosure.file_level(u[1]) < SEAL_FROM]
            self._audit(result, {"codes": [c for c in codes if c not in sealed_codes][:1000],
                                 "updated_codes": updated[:1000],
                                 "sealed_files": len(sealed_codes) + len(updates) - len(updated)})

    def _update_customer(self, customer_id: int, kind: str, clean: dict, now: str) -> None:
        """A file updated from a row: its non-empty cells replace the stored values."""
        desk = self.desk
        row = desk.db.execute("SELECT name, phone, overrides, level, code FROM customers "
                              "WHERE id = ?", [customer_id]).fetchone()
        base = {k: v for k, v in clean.items() if _FIELD[k].table == "customers" and k != "kind"}
        detail = {k: v for k, v in clean.items() if _FIELD[k].table == _TABLE[kind]}
        overrides = {k: v for k, v in json.loads(row[2] or "{}").items() if k not in clean}
        base.update(updated_at=now, overrides=json.dumps(overrides, ensure_ascii=False))
        name, phone = base.get("name", row[0]), base.get("phone", row[1])
        if (name, phone) != (row[0], row[1]):
            base.update(desk.customers._search_keys(name, phone, kind))
        if "level" in base and base["level"] != row[3]:
            desk.customers.mark_level(row[4], customer_id, row[3], base["level"])
        desk.store.update("customers", "id = ?", [customer_id], base,
                          allow_lower="level" in base)
        if detail:
            desk.store.update(_TABLE[kind], "customer_id = ?", [customer_id], detail)
        level = base.get("level", row[3])
        desk.customers._index(customer_id, level, {**base, **detail})
        if name != row[0] or level != row[3]:
            desk.db.execute("DELETE FROM name_grams WHERE customer_id = ?", [customer_id])
            if level < SEAL_FROM:
                desk.customers._write_grams(customer_id, base.get("name_norm") or
                                            desk.customers._search_keys(name, phone, kind)["name_norm"])
        if level != row[3]:
            desk.customers._move_level(customer_id, row[3], level)

    def _recheck(self, new: list, updates: list) -> None:
        """Inside the write: the identities the rows were checked against have not changed."""
        ids, codes = self._identities()
        id_at = _DETAIL["individual"].index("id_number")
        cc_at = _DETAIL["enterprise"].index("credit_code")
        for kind, _base, detail in new:
            value = detail[id_at] if kind == "individual" else detail[cc_at]
            if value and value in (ids if kind == "individual" else codes):
                raise Conflict(i18n.tr("import.changed"))
        for _number, customer_id, _code, kind, clean in updates:
            column = "id_number" if kind == "individual" else "credit_code"
            found = (ids if kind == "individual" else codes).get(clean.get(column))
            if found is None or found[0] != customer_id:
                raise Conflict(i18n.tr("import.changed"))

    # -- financial statements and transactions --------------------------------------------
    def _customers_by(self) -> dict[str, dict]:
        """Visible files by code, ID number and credit code: value -> (id, kind)."""
        db, clearance = self.desk.db, self.desk.access.clearance
        maps = {"code": {}, "id_number": {}, "credit_code": {}}
        for cid, code, kind, id_number, credit_code in db.execute(
                "SELECT c.id, c.code, c.kind, i.id_number, e.credit_code FROM customers c "
                "LEFT JOIN individuals i ON i.customer_id = c.id "
                "LEFT JOIN enterprises e ON e.customer_id = c.id WHERE c.level <= ? "
                "AND c.name IS NOT NULL", [clearance]):
            maps["code"][code] = (cid, kind)
            if id_number:
                maps["id_number"][id_number] = (cid, kind)
            if credit_code:
                maps["credit_code"][credit_code] = (cid, kind)
        return maps

    def _record_key(self, customer_id: int, clean: dict):
        if self.target == "financials":
            return (customer_id, clean["period"])
        if clean.get("ref_no"):
            return (customer_id, clean["kind"], clean["ref_no"])
        return None

    def _existing_records(self) -> dict:
        db = self.desk.db
        if self.target == "financials":
            return {(r[1], r[2]): r[0] for r in db.execute(
                "SELECT id, customer_id, period FROM financial_statements")}
        return {(r[1], r[2], r[3]): r[0] for r in db.execute(
            "SELECT id, customer_id, kind, ref_no FROM transactions WHERE ref_no IS NOT NULL")}

    def _check_records(self, rows, columns, result: ImportResult):
        spec = RECORD_KINDS[self.target]
        by = self._customers_by()
        existing = self._existing_records()
        seen: dict = {}
        new, updates = [], []
        for number, cells in rows:
            result.total += 1
            self._tick(result)
            raw = self._cells(cells, columns)
            errors: list[FieldError] = self._damaged(raw)
            hits = set()
            for key in _LOOKUPS:
                if key in raw:
                    value = normalize_code(raw[key])
                    hit = by[key].get(value)
                    if hit is None:
                        errors.append(FieldError(key, "import.customer_unknown"))
                    else:
                        hits.add(hit)
            if not errors and not hits:
                errors.append(FieldError("code", "import.customer_missing"))
            elif len(hits) > 1:
                errors.append(FieldError(next(k for k in _LOOKUPS if k in raw),
                                         "import.customer_mismatch"))
            if errors:
                self._problem(result, number, errors, raw)
                continue
            customer_id, kind = hits.pop()
            fields = [f for f in spec.fields if kind in f.kinds]
            keys = {f.key for f in fields}
            values = {k: v for k, v in raw.items() if k not in _LOOKUPS}
            for key in [k for k in values if k not in keys]:
                errors.append(FieldError(key, "field.not_for_kind", {"kind": choice_label(kind)}))
                del values[key]
            clean = None
            try:
                clean = clean_fields(fields, values, required=True)[0]
                if self.target == "financials":
                    _check_statement(clean)
            except ValidationError as exc:
                errors.extend(exc.errors)
            if errors:
                self._problem(result, number, errors, raw)
                continue
            key = self._record_key(customer_id, clean)
            if key is not None and key in seen:
                self._problem(result, number, [_dup_error(self.target, clean, seen[key], True)], raw,
                              duplicate=True)
                continue
            if key is not None:
                seen[key] = number
            if key is not None and key in existing:
                if not self.update_existing:
                    self._problem(result, number, [_dup_error(self.target, clean, 0, False)], raw,
                                  duplicate=True)
                    continue
                record_id = existing[key]
                if self.target == "financials":
                    try:
                        _check_statement({**self._record(record_id), **clean})
                    except ValidationError as exc:
                        self._problem(result, number, exc.errors, raw)
                        continue
                updates.append((customer_id, record_id, {k: v for k, v in clean.items()
                                                         if v is not None}))
                continue
            new.append((customer_id, tuple(clean.get(f.key) for f in spec.fields)))
        self.progress("checking", result.total, result.total)
        return new, updates

    def _record(self, record_id: int) -> dict:
        table = RECORD_KINDS[self.target].table
        cursor = self.desk.db.execute(f"SELECT * FROM {table} WHERE id = ?", [record_id])
        return dict(zip([c[0] for c in cursor.description], cursor.fetchone()))

    def _write_records(self, new: list, updates: list, result: ImportResult) -> None:
        desk = self.desk
        spec = RECORD_KINDS[self.target]
        conn = desk.db.conn
        now, user = clock.timestamp(), desk.user.name
        columns = [f.key for f in spec.fields]
        touched = {customer_id for customer_id, *_ in new} | {u[0] for u in updates}
        total = len(new) + len(updates)
        kind_level = desk.disclosure.kind_level(spec.table)
        with desk.writing():
            if self.update_existing and updates:
                current = self._existing_records()
                if any(record_id not in current.values() for _c, record_id, _v in updates):
                    raise Conflict(i18n.tr("import.changed"))
            file_levels = {customer_id: desk.disclosure.file_level(customer_id)
                           for customer_id in touched}
            sql = None
            for start in range(0, len(new), CHUNK):
                rows = []
                for customer_id, values in new[start:start + CHUNK]:
                    row = {"customer_id": customer_id, **dict(zip(columns, values)),
                           "created_at": now, "created_by": user, "updated_at": now}
                    rows.append(desk.store.encode(
                        spec.table, row, level=max(file_levels[customer_id], kind_level)))
                names = list(rows[0])
                sql = sql or (f"INSERT INTO main.{spec.table} ({', '.join(names)}) "
                              f"VALUES ({', '.join('?' * len(names))})")
                conn.executemany(sql, [[r[n] for n in names] for r in rows])
                self.progress("writing", min(start + CHUNK, len(new)), total)
            for _customer_id, record_id, values in updates:
                desk.store.update(spec.table, "id = ?", [record_id], {**values, "updated_at": now})
            conn.executemany("UPDATE main.customers SET updated_at = ? WHERE id = ?",
                             [(now, customer_id) for customer_id in sorted(touched)])
            if self.target == "transactions":
                # What records.add keeps for each write: exposure, then the warning rules.
                for customer_id in sorted(touched):
                    store_receivables(desk, customer_id)
                desk.warnings.evaluate(clock.today(), sorted(touched))
            self.progress("writing", total, total)
            # Files at 秘密 and above are counted, not named: everyone auditing reads the entry.
            codes = [code for customer_id, code in desk.db.execute(
                f"SELECT id, code FROM main.customers WHERE id IN "
                f"({','.join(map(str, sorted(touched)))}) ORDER BY code")
                if desk.disclosure.file_level(customer_id) < SEAL_FROM]
            self._audit(result, {"customers": len(touched), "codes": codes[:1000],
                                 "sealed_files": len(touched) - len(codes)})


_NAME_AT, _PHONE_AT = _BASE.index("name"), _BASE.index("phone")


def _key_items(rows: list) -> list[tuple]:
    """(name, phone, kind) of new files, what their search keys are made of."""
    return [(base[_NAME_AT], base[_PHONE_AT], kind) for kind, base, _detail in rows]


def _dup_error(target: str, clean: dict, row: int, in_file: bool) -> FieldError:
    if in_file:
        return FieldError("period" if target == "financials" else "ref_no", "import.dup_in_file",
                          {"row": row})
    if target == "financials":
        return FieldError("period", "record.period_exists")
    return FieldError("ref_no", "import.dup_record",
                      {"ref": clean["ref_no"], "kind": choice_label(clean["kind"])})


def _label(field_: Field | None, key: str) -> str:
    if field_ is None:
        return key
    return field_.zh if i18n.language() == "zh" else field_.en


@contextlib.contextmanager
def _large_cache(db, mib: int = 192):
    """A larger page cache for a bulk write (each page read is decrypted), then the usual one.
    Random ids and codes scatter an import's rows over the whole table and its indexes: at
    64 MiB a 100,000-row import spent twice as long re-reading pages as at 256 MiB."""
    before = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = -{mib * 1024}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {int(before)}")


def _defaults(db, table: str) -> dict:
    """The column defaults of a table (what an INSERT that leaves a column out stores)."""
    out = {}
    for _cid, name, _type, _notnull, default, _pk in db.execute(f"PRAGMA main.table_info({table})"):
        if default is not None:
            out[name] = db.execute(f"SELECT {default}").fetchone()[0]
    return out


def import_file(desk, target: str, path: Path | str, **options) -> ImportResult:
    """Import ``path`` into ``target``; see ``Importer`` for the options."""
    return Importer(desk, target, **options).run(path)
