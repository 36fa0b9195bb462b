"""Running an import: every row checked with core's own cleaning, in one transaction.

Rows are checked one by one with the functions the forms use (``CustomerArchive._clean``,
``clean_fields``, the statement check), so an imported file holds exactly what a clerk
could have typed. Customer files are checked and written a chunk at a time through the
archive's one write call (``CustomerArchive.write_files``: search keys, name grams, next
review, ``closed_on``, digests) inside one ``desk.writing()`` transaction with ONE audit
entry for the whole import, so memory does not grow with the file and a process killed
half-way — or a bad row in an all-or-nothing import — leaves nothing of it.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .. import clock, i18n
from ..changes import Changes
from ..customers.writing import FileChange, NewFile
from ..cleaning import clean_fields
from ..disclosure import mask_value
from ..customers.records import SHOWN_WHEN_MASKED, _check_statement, store_receivables
from ..errors import Conflict, CustdeskError, FieldError, ValidationError
from ..fields import CUSTOMER_FIELDS, RECORD_KINDS, Field, choice_label
from ..store.connection import IntegrityError
from ..store.sealed_schema import SEAL_FROM
from ..validation import normalize_code
from .mapping import (CONTACT_FIELDS, LOOKUP_FIELDS, TARGETS, fit_columns, header_key,
                      header_unit, kind_from_name, map_headers, normalise_cell, scale_money,
                      target_fields)
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
FIT_SAMPLE = 200               # rows read ahead to see whether each column fits its field
_CONTACT = {f.key: f for f in CONTACT_FIELDS}
_RECORD_AREAS = {"financials": ("records",),
                 "transactions": ("records", "grading", "customers", "warnings")}
_CODE_TYPES = {"id_number", "credit_code", "bank_card", "mobile", "phone"}
_SCIENTIFIC = re.compile(r"\d(\.\d+)?[eE][+]?\d+")
_FIELD = {f.key: f for f in CUSTOMER_FIELDS}
_LOOKUPS = tuple(f.key for f in LOOKUP_FIELDS)

# (phase "checking" | "writing", done, total or 0) -> False to cancel
Progress = Callable[[str, int, int], "bool | None"]


class _Refused(Exception):
    """A row was bad and the file is all-or-nothing: the transaction is rolled back."""


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
    # Columns left out because their values do not fit the field their header names.
    suggestions: list[dict] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)            # what the import changed

    @property
    def ok(self) -> bool:
        return not self.refused

    @property
    def warned_rows(self) -> set[int]:
        """The rows whose only problems are warnings: a reason (accept_warnings) keeps them."""
        return {p.row for p in self.problems if p.error.warning} - {
            p.row for p in self.problems if not p.error.warning}

    def as_dict(self) -> dict:
        return {"target": self.target, "file": self.file, "total": self.total,
                "imported": self.imported, "updated": self.updated, "rejected": self.rejected,
                "duplicates": self.duplicates, "valid": self.valid, "dry_run": self.dry_run,
                "refused": self.refused, "columns": self.columns,
                "unknown_columns": self.unknown_columns, "encoding": self.encoding,
                "delimiter": self.delimiter, "codes": list(self.codes) if self.codes else None,
                "suggestions": self.suggestions,
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
    :param accept_warnings: a reason for keeping values that only draw a warning (an ID
        number's check digit or region, a phone number outside the numbering plan), as the
        form keeps them with a reason: stored as each file's overrides and in the log.
        Without it such a row is reported like any bad row.
    :param progress: called as ``progress(phase, done, total)`` every few thousand rows;
        returning False cancels the import (``ImportCancelled``; nothing is written, or
        what was written is rolled back with the transaction).
    """

    def __init__(self, desk, target: str, *, dry_run: bool = False, skip_invalid: bool = False,
                 update_existing: bool = False, mapping: dict | None = None,
                 accept_warnings: str | None = None, progress: Progress | None = None):
        if target not in TARGETS:
            raise ValueError(f"unknown import target {target!r}")
        self.desk = desk
        self.target = target
        self.dry_run = dry_run
        self.skip_invalid = skip_invalid
        self.update_existing = update_existing
        self.mapping = mapping
        self.accept_warnings = (accept_warnings or "").strip() or None
        self._on_progress = progress
        self.fields = target_fields(target)
        self._contacts_written = False
        self._unmapped: list[tuple[int, str]] = []

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
        rows = table.rows
        left: list[dict] = []
        if self.target == "customers":
            # The first rows show whether each column's values fit the field its header
            # names (客户类别 holding A/B/C is not the kind 个人/企业): those that do not are
            # left out, suggested, and kept in the notes like any other unmapped column.
            sample = list(itertools.islice(rows, FIT_SAMPLE))
            rows = itertools.chain(sample, rows)
            columns, left = fit_columns(columns, table.headers, [c for _n, c in sample],
                                        self.target, self.mapping, known_users=desk.users.exists)
            unknown = [*unknown, *(item["column"] for item in left)]
        result = ImportResult(self.target, path.name, dry_run=self.dry_run,
                              columns={table.headers[i]: k for i, k in columns.items()},
                              unknown_columns=unknown, encoding=table.encoding,
                              delimiter=table.delimiter, suggestions=left)
        self._headers = {k: table.headers[i] for i, k in columns.items()}
        self._units = {k: header_unit(table.headers[i]) for i, k in columns.items()
                       if self.fields[k].type in ("money", "signed_money")}
        unknown_keys = {header_key(h) for h in unknown}
        self._unmapped = [(i, str(h).strip()) for i, h in enumerate(table.headers)
                          if i not in columns and header_key(h) in unknown_keys]
        self._keys = KeyMaker(parallel=self.target == "customers"
                              and os.environ.get("CUSTDESK_IMPORT_HELPER", "1") != "0")
        try:
            if self.target == "customers":
                self._run_customers(rows, columns, result)
            else:
                self._run_records(rows, columns, result)
        finally:
            self._keys.close()
        if not self.dry_run and (result.imported or result.updated):
            areas = ("customers",) if self.target == "customers" else _RECORD_AREAS[self.target]
            result.changes = Changes.of(*areas, *(("records",) if self._contacts_written else ()))
        return result

    def _run_records(self, rows, columns, result: ImportResult) -> None:
        new, updates = self._check_records(rows, columns, result)
        result.valid = len(new) + len(updates)
        if self._refusing(result) and not self.dry_run:
            result.refused = True
            return
        result.imported, result.updated = len(new), len(updates)
        if self.dry_run or not (new or updates):
            return
        try:
            self._write_records(new, updates, result)
        except IntegrityError as exc:     # a unique key taken by someone else meanwhile
            raise Conflict(i18n.tr("import.changed")) from exc

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
                   "update_existing": self.update_existing,
                   **({"accept_warnings": self.accept_warnings} if self.accept_warnings else {}),
                   **extra}
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
        """The rows checked, CHUNK file rows at a time: yields (new files, changes, last).
        Each chunk is read and checked on the helper (``read_rows``: the cells normalised,
        the form's own check, the search keys) while this process reads the next chunk and
        writes the one before; duplicates are found here."""
        desk = self.desk
        existing = dict(zip(("id_number", "credit_code"), self._identities()))
        seen: dict[str, dict[str, int]] = {"id_number": {}, "credit_code": {}}
        context = (self._reader_state(columns),
                   frozenset(r[0] for r in desk.db.execute("SELECT name FROM users")),
                   desk.access.clearance, clock._fixed, i18n.language())
        pending = None                 # the job index of the chunk on the helper
        jobs = 0
        chunk: list = []
        rows = iter(rows)
        while True:
            row = next(rows, None)
            if row is not None:
                result.total += 1
                self._tick(result)
                chunk.append(row)
                if len(chunk) < CHUNK:
                    continue
            last = row is None
            self._keys.submit_job("read", (*context, chunk), last=last and pending is None)
            submitted, jobs, chunk = jobs, jobs + 1, []
            if pending is not None:
                yield (*self._finish_chunk(pending, result, existing, seen), False)
            pending = submitted
            if last:
                break
        self.progress("checking", result.total, result.total)
        yield (*self._finish_chunk(pending, result, existing, seen), True)

    def _reader_state(self, columns: dict[int, str]) -> dict:
        """What reading a row needs (``read_rows`` rebuilds the reader from it elsewhere)."""
        return {"target": self.target, "columns": columns, "_headers": self._headers,
                "_units": self._units, "_unmapped": self._unmapped,
                "accept_warnings": self.accept_warnings}

    def _read_row(self, number: int, cells: list[str], users, clearance: int) -> tuple:
        """One customer row read and checked as the form checks it: ("bad", number, errors,
        raw, written) or ("ok", number, raw, written, kind, clean values, keys, contact,
        accepted overrides).
        Needs no database (``read_rows`` runs it on the helper)."""
        from ..customers.archive import clean_file
        from .keys import keys_for
        raw = self._cells(cells, self.columns)
        written = self._written
        stated = raw.get("kind")
        kind = stated or self._infer_kind(raw)
        try:
            kind = clean_fields([_FIELD["kind"]], {"kind": kind}, required=True)[0]["kind"]
        except ValidationError as exc:
            return ("bad", number, exc.errors, raw, written)
        errors: list[FieldError] = self._damaged(raw)
        values = {"kind": kind}
        other_kind = []              # (header, cell) of the other kind's fields, kind inferred
        for key, value in raw.items():
            if key in _CONTACT:
                continue
            if kind in _FIELD[key].kinds:
                values[key] = value
            elif not stated:
                # The kind was read from the name: a firm's column (行业) beside a person's
                # name is kept in the notes, not held against the row.
                other_kind.append((self._headers.get(key, key), written.get(key, value)))
            else:
                errors.append(FieldError(key, "field.not_for_kind", {"kind": choice_label(kind)}))
        contact = None
        try:
            contact = self._contact(raw)
        except ValidationError as exc:
            errors.extend(exc.errors)
        if errors:
            return ("bad", number, errors, raw, written)
        try:
            overrides = dict.fromkeys(values, self.accept_warnings) if self.accept_warnings else None
            clean, accepted, _warnings = clean_file(
                kind, values, overrides, creating=True,
                id_type=values.get("id_type") or "resident_id",
                known_users=users.__contains__, clearance=clearance)
        except ValidationError as exc:
            return ("bad", number, exc.errors, raw, written)
        self._keep_unmapped(clean, cells, other_kind)
        keys = keys_for([(clean["name"], clean.get("phone"), kind)])[0]
        return ("ok", number, raw, written, kind, clean, keys, contact, accepted)

    def _finish_chunk(self, job: int, result: ImportResult, existing: dict,
                      seen: dict) -> tuple[list, list]:
        """A checked chunk: its bad rows reported, duplicates found, the rest as new files
        (with their keys) and changes."""
        clearance = self.desk.access.clearance
        dup_keys = {"id_number": "customer.dup_id", "credit_code": "customer.dup_cc"}
        new, updates = [], []
        for outcome in self._keys.batch(job):
            if outcome[0] == "bad":
                _bad, number, errors, raw, self._written = outcome
                self._problem(result, number, errors, raw)
                continue
            _ok, number, raw, self._written, kind, clean, keys, contact, accepted = outcome
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
            result.valid += 1
            if match is not None:
                del clean["kind"]
                updates.append((match[0], match[1], clean, contact, accepted))
                continue
            clean.setdefault("level", 1)
            clean.setdefault("owner", self.desk.user.name)
            new.append((NewFile(kind, clean, overrides=accepted, keys=keys), contact))
        return new, updates

    @staticmethod
    def _infer_kind(raw: dict) -> str | None:
        """The kind when no column states it: from the identity number or credit code, else
        from the name (a firm's name ends 公司, 厂, 合作社, ...; a person's is a few characters)."""
        if "id_number" in raw and "credit_code" in raw:
            return None                   # both: only the file can say which it is
        if "id_number" in raw or "credit_code" in raw:
            return "individual" if "id_number" in raw else "enterprise"
        return kind_from_name(raw.get("name", ""))

    def _contact(self, raw: dict) -> dict | None:
        """The row's contact record (contact person, landline, e-mail), or None. A landline or
        e-mail cell that is not one (a QQ number under "QQ/E-mail") goes to the contact's
        notes rather than refusing the row."""
        given = {k[len("contact_"):]: v for k, v in raw.items() if k in _CONTACT}
        if not given:
            return None
        fields = {f.key: f for f in RECORD_KINDS["contacts"].fields}
        given.setdefault("name", raw.get("name", ""))
        notes = []
        for key in ("phone", "email"):
            if key in given:
                try:
                    clean_fields([fields[key]], {key: given[key]}, required=False)
                except ValidationError:
                    notes.append(f"{self._headers.get('contact_' + key, key)}：{given.pop(key)}")
        if notes:
            given["notes"] = "\n".join(notes)
        try:
            clean = clean_fields(list(fields.values()), given, required=True)[0]
        except ValidationError as exc:
            raise ValidationError([FieldError("contact_" + e.field, e.key, e.params)
                                   for e in exc.errors]) from exc
        return {k: v for k, v in clean.items() if v is not None}

    def _keep_unmapped(self, clean: dict, cells: list[str], more=()) -> None:
        """Columns no field takes are kept in the file's notes as "header：value" lines."""
        lines = [f"{header}：{cells[i].strip()}" for i, header in self._unmapped
                 if i < len(cells) and cells[i].strip()]
        lines += [f"{header}：{value}" for header, value in more]
        if lines:
            limit = _FIELD["notes"].max_len
            clean["notes"] = "\n".join([*([clean["notes"]] if clean.get("notes") else []),
                                         *lines])[:limit]

    def _write_contacts(self, contacts: list[tuple[int, dict, int | None]]) -> None:
        """Contact records of the written files (a file that already has a contact of that
        name gets no second one)."""
        if not contacts:
            return
        desk = self.desk
        now, user = clock.timestamp(), desk.user.name
        kind_level = desk.disclosure.kind_level("contacts")
        rows = []
        for customer_id, contact, level in contacts:
            if level is None:
                if desk.db.execute("SELECT 1 FROM main.contacts WHERE customer_id = ? AND name = ?",
                                   [customer_id, contact["name"]]).fetchone():
                    continue
                level = desk.disclosure.file_level(customer_id)
            row = {"customer_id": customer_id, "name": None, "position": None, "phone": None,
                   "email": None, "is_primary": 0, "notes": None, **contact,
                   "created_at": now, "created_by": user, "updated_at": now}
            rows.append(desk.store.encode("contacts", row, level=max(level, kind_level)))
        if rows:
            names = list(rows[0])
            desk.db.conn.executemany(f"INSERT INTO main.contacts ({', '.join(names)}) "
                                     f"VALUES ({', '.join('?' * len(names))})",
                                     [[r[n] for n in names] for r in rows])
            self._contacts_written = True

    def _refusing(self, result: ImportResult) -> bool:
        return bool(result.rejected or result.duplicates) and not self.skip_invalid

    def _run_customers(self, rows, columns, result: ImportResult) -> None:
        """Check and write CHUNK rows at a time in one transaction, so memory does not grow
        with the file: a file refused as a whole (a bad row, all-or-nothing) is rolled back."""
        chunks = self._check_customers(rows, columns, result)
        if self.dry_run:
            for new, updates, _last in chunks:
                result.imported += len(new)
                result.updated += len(updates)
            return
        desk = self.desk
        self._codes: list[str] = []
        self._named: list[str] = []          # codes of files below 秘密 (the entry names them)
        self._sealed = self._updated_named = 0
        self._updated_codes: list[str] = []
        pending = None
        try:
            with desk.writing(), _large_cache(desk.db):
                for new, updates, _last in chunks:
                    if self._refusing(result):
                        continue          # checked on to report every bad row; nothing kept
                    self._write_chunk(new, updates, result)
                if self._refusing(result):
                    raise _Refused
                if not (result.imported or result.updated):
                    return
                result.codes = tuple(self._codes) or None
                self._audit(result, {"codes": self._named[:1000],
                                     "updated_codes": self._updated_codes[:1000],
                                     "sealed_files": self._sealed})
        except _Refused:
            result.refused = True
            result.imported = result.updated = 0
            result.codes = None
        except IntegrityError as exc:     # a unique key taken by someone else meanwhile
            raise Conflict(i18n.tr("import.changed")) from exc

    def _write_chunk(self, new: list, updates: list, result: ImportResult) -> None:
        desk = self.desk
        files = [f for f, _c in new]
        identities = desk.customers.write_files(files, [
            FileChange(customer_id, clean, {**self._overrides_after(customer_id, clean), **accepted})
            for customer_id, _code, clean, _contact, accepted in updates])
        self._write_contacts([(new_id, contact, file.values["level"])
                              for (file, contact), (new_id, _code) in zip(new, identities) if contact]
                             + [(customer_id, contact, None)
                                for customer_id, _c, _v, contact, _o in updates if contact])
        for file, (_new_id, code) in zip(files, identities):
            self._codes.append(code)
            if file.values["level"] >= SEAL_FROM:
                self._sealed += 1
            else:
                self._named.append(code)
        for customer_id, code, _clean, _contact, _overrides in updates:
            if desk.disclosure.file_level(customer_id) < SEAL_FROM:
                self._updated_codes.append(code)
            else:
                self._sealed += 1
        result.imported += len(files)
        result.updated += len(updates)
        self.progress("writing", result.imported + result.updated, result.total)

    def _overrides_after(self, customer_id: int, clean: dict) -> dict:
        """A file updated from a row: checksum overrides of the values the row replaces go."""
        (stored,) = self.desk.db.execute("SELECT overrides FROM main.customers WHERE id = ?",
                                         [customer_id]).fetchone()
        return {k: v for k, v in json.loads(stored or "{}").items() if k not in clean}

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


def read_rows(payload) -> list[tuple]:
    """Customer rows read and checked without a database (``Importer._read_row``): payload
    (reader state, user names, clearance, the session's fixed clock or None, its language,
    [(row number, cells)]). The import's helper process runs it (``keys.JOBS``)."""
    state, users, clearance, moment, language, rows = payload
    clock.set_fixed(moment)               # "today" as the importing session has it
    i18n.set_language(language)
    reader = Importer.__new__(Importer)
    reader.__dict__.update(state, fields=target_fields(state["target"]))
    return [reader._read_row(number, cells, users, clearance) for number, cells in rows]


def import_file(desk, target: str, path: Path | str, **options) -> ImportResult:
    """Import ``path`` into ``target``; see ``Importer`` for the options."""
    return Importer(desk, target, **options).run(path)
