"""Customer files: create, edit, look up, list and search, with masking and reveals."""

from __future__ import annotations

import json

import datetime

from .. import clock, i18n
from ..access import mask_value
from ..changes import Changes
from ..cleaning import check_reason, clean_fields, identity_facts
from ..errors import AccessDenied, FieldError, NotFound, ValidationError
from ..fields import CUSTOMER_FIELDS, LEVELS, Field
from ..grading.limits import hold_reasons, hold_text
from ..grading.scale import GRADES
from . import search as s

i18n.register({
    "customer.edit": ("编辑客户档案", "editing customer files"),
    "customer.level_above": ("不能设定高于自身密级的保密级别", "you cannot set a level above your own clearance"),
    "customer.dup_id": ("该证件号码已属于客户 {code}", "this ID number already belongs to customer {code}"),
    "customer.dup_cc": ("该信用代码已属于客户 {code}", "this credit code already belongs to customer {code}"),
    "customer.kind_fixed": ("客户类型建立后不能更改", "a customer's kind cannot change after creation"),
    "customer.reveal_unknown": ("没有可显示的字段 {key}", "there is no field {key} to reveal"),
    "customer.reason": ("理由", "reason"),
})

SUMMARY_COLUMNS = ("code", "kind", "name", "status", "tier", "level", "owner", "phone",
                   "id_number", "credit_code", "created_at", "updated_at")
#: what ``list_rows`` gives per file: the first eight summary columns, then the credit
#: standing (money in fen; ``grade_valid_until`` ISO; None for an ungraded file, but
#: exposure is 0 without transactions) and ``hold``: why credit is on hold, one line in
#: the user's language as ``Grading.credit`` gives it ("" when it is not)
LIST_COLUMNS = SUMMARY_COLUMNS[:8] + ("grade", "risk_level", "credit_limit", "exposure",
                                      "grade_valid_until", "hold")
# The columns of ``customers`` the hold rule reads, in ``hold_reasons`` order.
_HOLD_INPUTS = "c.credit_limit, c.exposure, c.grade_valid_until, c.next_review"
#: the ``grade`` filter value that selects files with no approved grade yet
UNGRADED = "ungraded"
MASKED = "***"


def fields_for(kind: str) -> list[Field]:
    return [f for f in CUSTOMER_FIELDS if kind in f.kinds]


def _audit_value(field: Field | None, value):
    """What the audit log keeps of a value: sensitive ones are never written out."""
    if field is not None and field.sensitive and value not in (None, ""):
        return MASKED
    return value


class CustomerArchive:
    def __init__(self, desk):
        self._desk = desk

    # -- lookup and visibility ----------------------------------------------------------
    def _row(self, code: str) -> dict:
        cursor = self._desk.db.execute("SELECT * FROM customers WHERE code = ?", [code.strip().upper()])
        row = cursor.fetchone()
        # A file above the user's clearance is reported as missing: its existence is not shown.
        if row is None or row[[c[0] for c in cursor.description].index("level")] > \
                self._desk.access.clearance:
            raise NotFound(code)
        return dict(zip([c[0] for c in cursor.description], row))

    def require_visible(self, code: str) -> int:
        return self._row(code)["id"]

    def kind_of(self, code: str) -> str:
        return self._row(code)["kind"]

    def _raw(self, code: str) -> dict:
        """Every stored value of a visible file, unmasked (core use only)."""
        base = self._row(code)
        table = "individuals" if base["kind"] == "individual" else "enterprises"
        cursor = self._desk.db.execute(f"SELECT * FROM {table} WHERE customer_id = ?", [base["id"]])
        detail = cursor.fetchone()
        if detail:
            base.update({k[0]: val for k, val in zip(cursor.description, detail)
                         if k[0] != "customer_id"})
        return base

    # -- reading ------------------------------------------------------------------------
    def get(self, code: str, reveal: tuple[str, ...] | list[str] = (), reason: str = "") -> dict:
        """One file as the user may see it. Sensitive fields are masked unless named
        in ``reveal`` (by field key or sensitive key) with a ``reason``; a reveal is logged."""
        raw = self._raw(code)
        revealed = self._reveal(raw["code"], raw["kind"], reveal, reason) if reveal else set()
        out = {"code": raw["code"], "id": raw["id"], "created_at": raw["created_at"],
               "created_by": raw["created_by"], "updated_at": raw["updated_at"],
               "overrides": json.loads(raw["overrides"]), "masked": [],
               "erased_at": raw.get("erased_at")}
        for field in fields_for(raw["kind"]):
            value = raw.get(field.key)
            if field.type == "level":
                value = LEVELS[value]
            if field.sensitive and field.sensitive not in revealed and value not in (None, ""):
                value = mask_value(value, field.mask)
                out["masked"].append(field.key)
            out[field.key] = value
        out.setdefault("id_number", None)
        out.setdefault("credit_code", None)
        return out

    def _reveal(self, code: str, kind: str, keys, reason: str) -> set[str]:
        desk = self._desk
        sensitive = {f.key: f.sensitive for f in fields_for(kind) if f.sensitive}
        wanted = set()
        for key in keys:
            target = sensitive.get(key, key if key in sensitive.values() else None)
            if target is None:
                raise ValidationError(FieldError(key, "customer.reveal_unknown", {"key": key}))
            wanted.add(target)
        for target in wanted:
            desk.access.require_cleared(target)
        reason = check_reason(reason)
        with desk.writing():
            desk.audit.append("customer.reveal", code, customer=code,
                              summary={"fields": sorted(wanted), "reason": reason})
        return wanted

    def list(self, search: str | None = None, *, kind: str | None = None, status: str | None = None,
             tier: str | None = None, level: str | None = None, grade: str | None = None,
             hold: bool = False, limit: int | None = None) -> list[dict]:
        """Summaries of the files the user may see, in pinyin order, masked."""
        rows = self.summary_rows(search, kind=kind, status=status, tier=tier, level=level,
                                 grade=grade, hold=hold, limit=limit)
        out = []
        for row in rows:
            item = dict(zip(SUMMARY_COLUMNS, row))
            item["level"] = LEVELS[item["level"]]
            for key, style in (("phone", "phone"), ("id_number", "id")):
                item[key] = mask_value(item[key], style)
            out.append(item)
        return out

    def summary_rows(self, search: str | None = None, *, kind=None, status=None, tier=None,
                     level=None, grade=None, hold=False, limit=None) -> list[tuple]:
        """Raw summary tuples in ``SUMMARY_COLUMNS`` order (phone and ID unmasked: mask before showing).

        Filters as in ``list_rows``.
        """
        where = ["c.level <= ?"]
        params: list = [self._desk.access.clearance]
        if search and search.strip():
            found = s.search_sql(search, id_numbers=self._desk.access.cleared_for("id_number"))
            if found is None:
                return []
            where.append(f"c.id IN ({found[0]})")
            params += found[1]
        filters, filter_params = self._filters(kind, status, tier, level, grade, hold)
        where += filters
        params += filter_params
        sql = ("SELECT c.code, c.kind, c.name, c.status, c.tier, c.level, c.owner, c.phone, "
               "i.id_number, e.credit_code, c.created_at, c.updated_at FROM customers c "
               "LEFT JOIN individuals i ON i.customer_id = c.id "
               "LEFT JOIN enterprises e ON e.customer_id = c.id "
               f"WHERE {' AND '.join(where)} ORDER BY c.pinyin_full, c.name, c.code")
        if limit:
            sql += f" LIMIT {int(limit)}"
        return self._desk.db.execute(sql, params).fetchall()

    def list_rows(self, search: str | None = None, *, kind=None, status=None, tier=None,
                  level=None, grade=None, hold=False,
                  limit: int | None = None) -> tuple[list[tuple], int]:
        """(rows, total) for a list on screen: at most ``limit`` rows, in pinyin order, and
        how many files match in all (within the user's clearance, like ``summary_rows``).

        Each row is in ``LIST_COLUMNS`` order: the first eight ``SUMMARY_COLUMNS`` (code,
        kind, name, status, tier, level, owner, phone; phone RAW: mask before showing), then
        grade, risk_level, credit_limit (fen), exposure (fen), grade_valid_until and hold
        (the reasons for a credit hold as one line, "" when there is none). All is read
        from ``customers`` alone (no detail tables); the hold is worked out in Python for
        the returned rows only, so a long list costs no per-row function in SQL.

        :param grade: a grade (``AAA`` … ``C``) or ``UNGRADED``.
        :param hold: only files on credit hold today (``limits.hold_reasons``).
        """
        db = self._desk.db
        limit = int(limit) if limit else None
        found = None
        if search and search.strip():
            found = s.search_sql(search, id_numbers=self._desk.access.cleared_for("id_number"))
            if found is None:
                return [], 0
        filters, filter_params = self._filters(kind, status, tier, level, grade, hold)
        candidates = None
        if found is not None:
            # The candidates are worked out once and handed on as a list: a wide search
            # (股份有限公: thousands of firms, a gram intersection of tens of thousands of
            # rows) would otherwise be evaluated again by the rows and by the count below.
            ids = [r[0] for r in db.execute(found[0], found[1])]
            candidates = len(ids)
            if not candidates:
                return [], 0
            found = ("SELECT value FROM json_each(?)", [json.dumps(ids)])
        # The database keeps no statistics, so the way to the rows is chosen here. A browse
        # (nothing typed, no filter) or a wide search (far more candidates than fit the
        # list) walks the pinyin index and stops at ``limit``; a narrow search goes through
        # its candidates' ids; filters alone read the table once. The clearance term is
        # kept off the level index (+c.level): nearly every file passes it.
        along_pinyin = bool(limit) and (not filters if found is None else candidates > 2 * limit)
        table = "customers c INDEXED BY customers_pinyin_full" if along_pinyin else "customers c"
        where = ["+c.level <= ?", *filters]
        params: list = [self._desk.access.clearance, *filter_params]
        if found is not None:
            where.append(f"c.id IN ({found[0]})")
            params += found[1]
        sql = ("SELECT c.code, c.kind, c.name, c.status, c.tier, c.level, c.owner, c.phone, "
               f"c.grade, c.risk_level, {_HOLD_INPUTS} FROM {table} "
               f"WHERE {' AND '.join(where)} ORDER BY c.pinyin_full, c.name, c.code")
        if limit:
            sql += f" LIMIT {limit}"
        rows = self._with_hold(db.execute(sql, params).fetchall())
        if not limit or len(rows) < limit or (candidates is not None and candidates <= limit):
            return rows, len(rows)
        # Cut short: count the rest. Someone cleared to every level sees every candidate;
        # otherwise, without filters, the level index alone answers (ids probed against
        # the candidates), which beats looking up thousands of rows.
        if candidates is not None and not filters and \
                self._desk.access.clearance >= len(LEVELS) - 1:
            return rows, candidates
        if filters:
            count_sql = f"SELECT count(*) FROM customers c WHERE {' AND '.join(where)}"
        else:
            count_sql = ("SELECT count(*) FROM customers c INDEXED BY customers_level WHERE "
                         + " AND ".join(["c.level <= ?", *where[1:]]))
        return rows, db.execute(count_sql, params).fetchone()[0]

    def _filters(self, kind, status, tier, level, grade, hold) -> tuple[list[str], list]:
        """SQL conditions (on ``customers c``) and parameters for the list filters."""
        where, params = _choice_filters(kind, status, tier, level)
        if grade == UNGRADED:
            where.append("c.grade IS NULL")
        elif grade:
            if grade not in GRADES:
                raise ValidationError(FieldError("grade", "valid.choice", {
                    "value": grade, "allowed": ", ".join((*GRADES, UNGRADED))}))
            where.append("c.grade = ?")
            params.append(grade)
        if hold:
            # The hold rule lives in limits.hold_reasons alone; SQL calls it rather than
            # restating it (a Python call per row, only when this filter is on).
            self._desk.db.conn.create_function("credit_hold", 6, _credit_hold, deterministic=True)
            where.append(f"credit_hold({_HOLD_INPUTS}, ?, ?)")
            params += [clock.today().isoformat(), self._desk.reviews.policy().hold_days]
        return where, params

    def _with_hold(self, rows: list[tuple]) -> list[tuple]:
        """List rows with the hold worked out as ``Grading.credit`` does: the selected
        rows end with the hold inputs (limit, exposure, valid until, next review)."""
        if not rows:
            return rows
        today, days = clock.today(), self._desk.reviews.policy().hold_days
        out = []
        for row in rows:
            limit, exposure, valid_until, next_review = row[-4:]
            reasons = hold_reasons(limit, exposure or 0, valid_until, today, next_review, days)
            out.append((*row[:-1], hold_text(reasons, days) if reasons else ""))
        return out

    # -- writing --------------------------------------------------------------------------
    def _clean(self, kind: str, values: dict, overrides, *, creating: bool, id_type: str):
        desk = self._desk
        clean, accepted, notes = clean_fields(
            fields_for(kind), values, required=creating, overrides=overrides,
            known_users=desk.users.exists, id_type=id_type)
        errors: list[FieldError] = []
        if clean.get("level") is not None and clean["level"] > desk.access.clearance:
            errors.append(FieldError("level", "customer.level_above"))
        for key in clean:
            field = next(f for f in CUSTOMER_FIELDS if f.key == key)
            if field.sensitive and not desk.access.cleared_for(field.sensitive):
                raise AccessDenied(field.zh if i18n.language() == "zh" else field.en)
        facts = identity_facts(id_type, clean.get("id_number"))
        for key in ("birth_date", "gender"):
            if key in facts:
                if clean.get(key) and clean[key] != facts[key]:
                    errors.append(FieldError(key, f"field.{key.split('_')[0]}_mismatch",
                                             {"expected": facts[key]}))
                clean[key] = facts[key]
        if errors:
            raise ValidationError(errors)
        return clean, accepted, notes

    def _check_unique(self, clean: dict, customer_id: int | None) -> None:
        for column, table, key in (("id_number", "individuals", "customer.dup_id"),
                                   ("credit_code", "enterprises", "customer.dup_cc")):
            if clean.get(column):
                row = self._desk.db.execute(
                    f"SELECT c.code FROM {table} t JOIN customers c ON c.id = t.customer_id "
                    f"WHERE t.{column} = ? AND t.customer_id IS NOT ?",
                    [clean[column], customer_id]).fetchone()
                if row:
                    raise ValidationError(FieldError(column, key, {"code": row[0]}))

    def add(self, values: dict, overrides: dict[str, str] | None = None) -> Changes:
        """Create a file; ``Changes.code`` is its new code.

        ``overrides`` maps a field to the reason for keeping a value that failed
        its checksum (the reason is recorded with the file and in the audit log).
        """
        desk = self._desk
        desk.access.require("customer.edit", i18n.tr("customer.edit"))
        values = dict(values)
        kind_clean, _, _ = clean_fields([f for f in CUSTOMER_FIELDS if f.key == "kind"],
                                        {"kind": values.get("kind")}, required=True)
        kind = kind_clean["kind"]
        clean, accepted, notes = self._clean(kind, values, overrides, creating=True,
                                             id_type=values.get("id_type") or "resident_id")
        clean.setdefault("level", 1)
        clean.setdefault("owner", desk.user.name)
        now = clock.timestamp()
        with desk.writing():
            self._check_unique(clean, None)
            seq = desk.db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'customers'").fetchone()
            new_id = (seq[0] if seq else 0) + 1
            code = f"C{new_id:06d}"
            base = {f.key: clean[f.key] for f in CUSTOMER_FIELDS
                    if f.table == "customers" and f.key in clean and clean[f.key] is not None}
            base.update(id=new_id, code=code, kind=kind, overrides=json.dumps(accepted, ensure_ascii=False),
                        created_at=now, created_by=desk.user.name, updated_at=now)
            base.update(self._search_keys(base["name"], base.get("phone"), kind))
            if base.get("status") == "closed":
                base["closed_on"] = clock.today().isoformat()
            desk.db["customers"].insert(base)
            table = "individuals" if kind == "individual" else "enterprises"
            detail = {f.key: clean[f.key] for f in fields_for(kind)
                      if f.table == table and f.key in clean and clean[f.key] is not None}
            desk.db[table].insert({"customer_id": new_id, **detail})
            self._write_grams(new_id, base["name_norm"])
            desk.reviews.refresh(new_id)          # an unrated file is due for its first grading
            desk.audit.append("customer.add", code, customer=code, summary={
                "fields": {k: _audit_value(_field(k), val) for k, val in clean.items()
                           if val is not None},
                **({"overrides": accepted} if accepted else {})})
        return Changes.of("customers", code=code, id=new_id)

    def edit(self, code: str, values: dict, overrides: dict[str, str] | None = None) -> Changes:
        desk = self._desk
        desk.access.require("customer.edit", i18n.tr("customer.edit"))
        raw = self._raw(code)
        if "kind" in values and values["kind"] != raw["kind"]:
            raise ValidationError(FieldError("kind", "customer.kind_fixed"))
        values = {k: val for k, val in values.items() if k != "kind"}
        clean, accepted, notes = self._clean(
            raw["kind"], values, overrides, creating=False,
            id_type=values.get("id_type") or raw.get("id_type") or "resident_id")
        for field in fields_for(raw["kind"]):
            if field.required and field.key in clean and clean[field.key] is None:
                raise ValidationError(FieldError(field.key, "field.required"))
        changed = {k: val for k, val in clean.items() if raw.get(k) != val}
        if not changed:
            return Changes()
        table = "individuals" if raw["kind"] == "individual" else "enterprises"
        all_overrides = {**json.loads(raw["overrides"]), **accepted}
        for key in changed:
            if key not in accepted:
                all_overrides.pop(key, None)
        with desk.writing():
            self._check_unique(changed, raw["id"])
            base = {k: val for k, val in changed.items() if _field(k).table == "customers"}
            base["updated_at"] = clock.timestamp()
            base["overrides"] = json.dumps(all_overrides, ensure_ascii=False)
            if "status" in changed:            # retention counts from the day a file is closed
                base["closed_on"] = clock.today().isoformat() if changed["status"] == "closed" \
                    else None
            if "name" in changed or "phone" in changed:
                base.update(self._search_keys(changed.get("name", raw["name"]),
                                              changed.get("phone", raw["phone"]), raw["kind"]))
            desk.db["customers"].update(raw["id"], base)
            detail = {k: val for k, val in changed.items() if _field(k).table == table}
            if detail:
                desk.db[table].update(raw["id"], detail)
            if "name" in changed:
                desk.db.execute("DELETE FROM name_grams WHERE customer_id = ?", [raw["id"]])
                self._write_grams(raw["id"], base["name_norm"])
            desk.audit.append("customer.edit", raw["code"], customer=raw["code"], summary={
                k: {"before": _audit_value(_field(k), raw.get(k)),
                    "after": _audit_value(_field(k), val)} for k, val in changed.items()}
                | ({"overrides": accepted} if accepted else {}))
        return Changes.of("customers", code=raw["code"], id=raw["id"])

    @staticmethod
    def _search_keys(name: str, phone: str | None, kind: str) -> dict:
        initials, full = s.pinyin_keys(name, person=kind == "individual")
        return {"name_norm": s.name_key(name), "pinyin_initials": initials, "pinyin_full": full,
                "phone_rev": s.phone_reversed(phone)}

    def _write_grams(self, customer_id: int, key: str) -> None:
        self._desk.db.conn.executemany("INSERT OR IGNORE INTO name_grams (gram, customer_id) VALUES (?, ?)",
                                  [(g, customer_id) for g in s.name_grams(key)])


def _credit_hold(limit, exposure, valid_until, next_review, today, hold_days) -> int:
    """SQL ``credit_hold(...)``: 1 when ``limits.hold_reasons`` gives any reason."""
    return int(bool(hold_reasons(limit, exposure or 0, valid_until,
                                 datetime.date.fromisoformat(today), next_review, hold_days)))


def _choice_filters(kind, status, tier, level) -> tuple[list[str], list]:
    """SQL conditions (on ``customers c``) and parameters for the kind/status/tier/level filters."""
    where, params = [], []
    for column, value in (("kind", kind), ("status", status), ("tier", tier)):
        if value:
            where.append(f"c.{column} = ?")
            params.append(value)
    if level is not None:
        from ..users import parse_level
        where.append("c.level = ?")
        params.append(parse_level(level))
    return where, params


def _field(key: str) -> Field:
    return next(f for f in CUSTOMER_FIELDS if f.key == key)
