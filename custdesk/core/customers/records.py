"""Sub-records of a file: contacts, statements, credit, litigation, transactions, ...

Record kinds marked sensitive in ``fields.RECORD_KINDS`` (financial statements,
credit records, litigation) are levelled and revealed as a whole: unrevealed,
only their dates and categories show.
"""

from __future__ import annotations

from .. import clock, i18n
from ..changes import Changes
from ..cleaning import check_reason, clean_fields
from ..disclosure import MASK, SHOW, mask_value
from ..errors import FieldError, NotFound, ValidationError
from ..fields import RECORD_KINDS, RecordKind

i18n.register({
    "record.kind_unknown": ("没有这种记录：{kind}（可用：{choices}）",
                            "no such record kind {kind} (available: {choices})"),
    "record.period_exists": ("该期间的报表已存在", "a statement for this period already exists"),
    "record.statements_refused": ("有报表未能保存，全部未保存", "a statement was refused; none was saved"),
    "record.part_above_total": ("{part}不能大于{total}", "{part} cannot exceed {total}"),
})

SHOWN_WHEN_MASKED = ("date", "choice", "period", "bool")


# Record kinds that warning rules read: a change re-checks that file's warnings.
WATCHED_KINDS = ("transactions", "litigation", "complaints", "licences", "collateral")


def _areas(kind: str) -> tuple[str, ...]:
    """Transactions move the exposure that lists and the credit standing show."""
    if kind == "transactions":
        return ("records", "grading", "customers", "warnings")
    if kind == "collateral":            # the secured part of the limit in the standing
        return ("records", "grading", "warnings")
    return ("records", "warnings") if kind in WATCHED_KINDS else ("records",)


def record_kind(kind: str) -> RecordKind:
    if kind not in RECORD_KINDS:
        raise ValidationError(FieldError("kind", "record.kind_unknown",
                                         {"kind": kind, "choices": ", ".join(RECORD_KINDS)}))
    return RECORD_KINDS[kind]


def _check_statement(values: dict) -> None:
    """Statements that cannot be right are refused: a part above its whole."""
    from ..fields import label
    errors = []
    for part, total in (("current_assets", "total_assets"),
                        ("current_liabilities", "total_liabilities"),
                        ("receivables", "current_assets"), ("inventory", "current_assets")):
        if values.get(part) is not None and values.get(total) is not None and values[part] > values[total]:
            errors.append(FieldError(part, "record.part_above_total",
                                     {"part": label(part), "total": label(total)}))
    if errors:
        raise ValidationError(errors)


def store_receivables(desk, customer_id: int) -> None:
    """Keep a file's exposure and oldest open due date (what lists and warnings read)."""
    from .exposure import exposure, oldest_open_due
    cursor = desk.db.execute("SELECT * FROM transactions WHERE customer_id = ?", [customer_id])
    columns = [c[0] for c in cursor.description]
    rows = [dict(zip(columns, r)) for r in cursor.fetchall()]
    desk.store.update("customers", "id = ?", [customer_id],
                      {"exposure": exposure(rows), "overdue_since": oldest_open_due(rows)})


class StatementsRefused(ValidationError):
    """Some statements of a save were refused, so none was stored: ``by_period`` says why,
    period by period."""

    def __init__(self, by_period: dict):
        self.by_period = by_period
        errors = []
        for exc in by_period.values():
            errors += exc.errors if isinstance(exc, ValidationError) else []
        super().__init__(errors or [FieldError("period", "record.statements_refused")])

    def __str__(self) -> str:
        return "\n".join(f"{period}: {exc}" for period, exc in self.by_period.items())


class _RollBack(Exception):
    pass


class RecordManager:
    def __init__(self, desk):
        self._desk = desk

    def save_statements(self, code: str, statements: list[tuple[str, int | None, dict]]
                        ) -> Changes:
        """New and changed statements of one file (the statement grid's Save) in one
        transaction: all stored, or none. ``statements``: (period, the record's id or None
        for a new one, values). Raises StatementsRefused naming each refused period."""
        refused: dict = {}
        try:
            with self._desk.writing():
                for period, record_id, values in statements:
                    try:
                        if record_id is None:
                            self.add(code, "financials", values)
                        else:
                            self.update(code, "financials", record_id, values)
                    except ValidationError as exc:     # its savepoint is rolled back
                        refused[period] = exc
                if refused:
                    raise _RollBack()
        except _RollBack:
            raise StatementsRefused(refused) from None
        return Changes.of(*_areas("financials"), code=code.upper())

    def _require_edit(self) -> None:
        self._desk.access.require("customer.edit", i18n.tr("customer.edit"))

    def _clean(self, spec: RecordKind, code: str, values: dict, creating: bool,
               current: dict | None = None):
        # A record of a kind levelled above the user's clearance may be added (it is sealed
        # to its level); changing or deleting one needs the clearance to read it.
        if spec.sensitive and not creating:
            self._desk.access.require_cleared(spec.sensitive)
        # Statement lines differ for individuals and enterprises (fields.kinds).
        kind = self._desk.customers.kind_of(code)
        clean, _accepted, _notes = clean_fields([f for f in spec.fields if kind in f.kinds],
                                                values, required=creating)
        if spec.key == "financials":
            _check_statement({**(current or {}), **clean})
        if spec.key == "outcomes":
            from ..outcomes import check_entry
            check_entry({**(current or {}), **clean})
        if spec.key == "collateral":
            from .collateral import check_record
            check_record({**(current or {}), **clean})
        return clean

    def add(self, code: str, kind: str, values: dict) -> Changes:
        desk = self._desk
        self._require_edit()
        spec = record_kind(kind)
        customer_id = desk.customers.require_visible(code)
        clean = self._clean(spec, code, values, creating=True)
        now = clock.timestamp()
        row = {k: val for k, val in clean.items() if val is not None}
        with desk.writing():
            if kind == "financials" and desk.db.execute(
                    "SELECT 1 FROM main.financial_statements WHERE customer_id = ? AND period = ?",
                    [customer_id, clean["period"]]).fetchone():
                raise ValidationError(FieldError("period", "record.period_exists"))
            record_id = desk.store.insert(spec.table, {
                "customer_id": customer_id, **row, "created_at": now,
                "created_by": desk.user.name, "updated_at": now})
            desk.db.execute("UPDATE main.customers SET updated_at = ? WHERE id = ?",
                            [now, customer_id])
            self._after_write(spec, customer_id)
            desk.audit.append(f"record.add", f"{kind}#{record_id}", customer=code.upper(),
                              summary=self._audit_summary(spec, row))
        return Changes.of(*_areas(kind), code=code.upper(), id=record_id)

    def update(self, code: str, kind: str, record_id: int, values: dict) -> Changes:
        desk = self._desk
        self._require_edit()
        spec = record_kind(kind)
        current = self._get_raw(code, spec, record_id)
        clean = self._clean(spec, code, values, creating=False, current=current)
        for field in spec.fields:
            if field.required and field.key in clean and clean[field.key] is None:
                raise ValidationError(FieldError(field.key, "field.required"))
        changed = {k: val for k, val in clean.items() if current.get(k) != val}
        if not changed:
            return Changes()
        now = clock.timestamp()
        with desk.writing():
            desk.store.update(spec.table, "id = ?", [record_id], {**changed, "updated_at": now})
            desk.db.execute("UPDATE main.customers SET updated_at = ? WHERE id = ?",
                            [now, current["customer_id"]])
            self._after_write(spec, current["customer_id"])
            before = self._audit_summary(spec, {k: current.get(k) for k in changed})
            after = self._audit_summary(spec, changed)
            desk.audit.append("record.edit", f"{kind}#{record_id}", customer=code.upper(),
                              summary={k: {"before": before[k], "after": after[k]} for k in changed})
        return Changes.of(*_areas(kind), code=code.upper(), id=record_id)

    def delete(self, code: str, kind: str, record_id: int) -> Changes:
        desk = self._desk
        self._require_edit()
        spec = record_kind(kind)
        current = self._get_raw(code, spec, record_id)
        with desk.writing():
            desk.db.execute(f"DELETE FROM main.{spec.table} WHERE id = ?", [record_id])
            self._after_write(spec, current["customer_id"])
            desk.audit.append("record.delete", f"{kind}#{record_id}", customer=code.upper(),
                              summary=self._audit_summary(spec, {
                                  k: current[k] for k in (f.key for f in spec.fields)
                                  if current.get(k) is not None}))
        return Changes.of(*_areas(kind), code=code.upper(), id=record_id)

    def _after_write(self, spec: RecordKind, customer_id: int) -> None:
        """Keep what is derived from records current, in the same transaction."""
        if spec.key == "transactions":
            store_receivables(self._desk, customer_id)
        if spec.key in WATCHED_KINDS:
            self._desk.warnings.evaluate(clock.today(), [customer_id])

    def _get_raw(self, code: str, spec: RecordKind, record_id: int) -> dict:
        customer_id = self._desk.customers.require_visible(code)
        cursor = self._desk.db.execute(
            f"SELECT * FROM {spec.table} WHERE id = ? AND customer_id = ?", [record_id, customer_id])
        row = cursor.fetchone()
        if row is None:
            raise NotFound(f"{code} {spec.key}#{record_id}")
        return dict(zip([c[0] for c in cursor.description], row))

    def raw(self, code: str, kind: str) -> list[dict]:
        """Unmasked rows for core's own calculations (grading, ageing); never shown as is."""
        spec = record_kind(kind)
        customer_id = self._desk.customers.require_visible(code)
        cursor = self._desk.db.execute(
            f"SELECT * FROM {spec.table} WHERE customer_id = ? ORDER BY {spec.order_by}", [customer_id])
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]

    def list(self, code: str, kind: str, *, reveal: bool = False, reason: str = "",
             purpose: str = "window") -> list[dict]:
        """Rows as the user may see them (``disclosure``): sensitive kinds and contacts'
        phones masked unless revealed with a reason; a kind above the user's clearance
        shows its rows (that they exist, and when) with every value withheld."""
        desk = self._desk
        spec = record_kind(kind)
        file_level = desk.customers.level_of(code)
        rows = self.raw(code, kind)
        sensitive = spec.sensitive or ("phone" if kind == "contacts" else None)
        if sensitive is None:
            return rows
        decision = desk.disclosure.field(sensitive, file_level, purpose, revealed=reveal)
        if reveal:
            desk.access.require_cleared(sensitive)
            reason = check_reason(reason)
            with desk.writing():
                desk.audit.append("record.reveal", kind, customer=code.upper(),
                                  summary={"fields": [sensitive], "reason": reason})
        if decision.action == SHOW:
            return rows
        for row in rows:
            for field in spec.fields:
                if kind == "contacts":
                    if field.type == "phone":
                        row[field.key] = mask_value(row.get(field.key), "phone")
                elif field.type not in SHOWN_WHEN_MASKED or decision.action != MASK:
                    row[field.key] = mask_value(row.get(field.key), "all")
            row["masked"] = True
            if decision.action != MASK:
                row["locked"] = True
        return rows

    @staticmethod
    def _audit_summary(spec: RecordKind, values: dict) -> dict:
        """What the audit log keeps of a record: sensitive kinds only their dates and
        categories, contacts' phones masked (the log is read by auditors)."""
        if not spec.sensitive:
            # The log outlives the record and is read by auditors: a contact's phone
            # number goes in masked, as the file's own phone is shown.
            types = {f.key: f.type for f in spec.fields}
            return {k: mask_value(val, "phone") if types.get(k) == "phone" and val else val
                    for k, val in values.items()}
        return {k: (val if next((f.type for f in spec.fields if f.key == k), "") in SHOWN_WHEN_MASKED
                    or val is None else "***") for k, val in values.items()}
