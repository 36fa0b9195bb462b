"""Personal information requests (PIPL): what is held about a person, erasure, retention.

- ``subject_data``: everything held about an individual, unmasked, for the person who
  asked (the ZIP with the credit report is put together in ``custdesk.reports.subject``).
- ``erase``: names, identity numbers and contacts replaced or removed; grades, limits,
  statements and transactions (the aggregates a firm must keep) stay.
- ``retention``: closed files N years after closing and negative records N years after
  they ended (both 5 by default, in settings) — previewed, then purged on confirmation.

All need the ``privacy.manage`` permission and are logged. The audit log itself is not
rewritten: its entries are evidence, and their hash chain would break.
"""

from __future__ import annotations

import datetime
import json

from dateutil.relativedelta import relativedelta

from . import clock, i18n
from .changes import Changes
from .cleaning import check_reason
from .errors import AccessDenied, Conflict, ValidationError, FieldError
from .fields import CUSTOMER_FIELDS, LEVELS, RECORD_KINDS
from .customers.writing import FileChange

i18n.register({
    "privacy.manage": ("处理个人信息请求", "handling personal information requests"),
    "privacy.individual_only": ("只有个人客户的档案可以这样处理（{code} 是企业）",
                                "Only an individual's file can be handled this way ({code} is an "
                                "enterprise)"),
    "privacy.erased": ("{code} 的个人信息已于 {at} 删除", "{code}'s personal information was "
                       "erased on {at}"),
    "privacy.erased_name": ("已删除个人信息（{code}）", "Personal information erased ({code})"),
    "privacy.erased_text": ("（已删除）", "(erased)"),
    "privacy.years": ("保留年限须为 1 到 30 年", "retention must be 1 to 30 years"),
    "privacy.incomplete": (
        "此人的部分资料高于您的密级，导出的副本将不完整；请由密级足够的经理导出",
        "some of this person's data is above your clearance, so the copy would be incomplete; "
        "a manager cleared to it must export it"),
})

#: the individual's own fields replaced or removed by an erasure (aggregates stay)
ERASED_FIELDS = ("phone", "email", "address", "tags", "notes", "birth_date", "gender",
                 "id_number", "wechat", "hometown", "employer", "position", "emergency_contact",
                 "emergency_phone", "bank_card")
#: free text about the person in records: replaced, the record (date, amount) kept
ERASED_TEXT = {"communications": ("summary",), "complaints": ("details", "resolution"),
               "transactions": ("notes",), "financials": ("notes",), "credit_records": ("notes",),
               "litigation": ("notes",)}
NEGATIVE_CREDIT = ("overdue", "blacklist")
DEFAULT_YEARS = {"privacy.closed_years": 5, "privacy.negative_years": 5}


def _rows(cursor) -> list[dict]:
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, r)) for r in cursor.fetchall()]


class Privacy:
    def __init__(self, desk):
        self._desk = desk

    def _require(self) -> None:
        self._desk.access.require("privacy.manage", i18n.tr("privacy.manage"))

    def _require_whole(self, raw: dict) -> None:
        """The data subject's copy is complete or not made: its maker must be cleared to every
        level the person's data is kept at (and hold the keys), as for a reveal of each."""
        desk = self._desk
        for sensitive in ("id_number", "bank_card", "income", "phone", "financials",
                          "credit_records", "litigation"):
            desk.access.require_cleared(sensitive)
        _masks, locked = desk.customers._stored_masks(raw["id"], raw["kind"])
        if locked:
            raise AccessDenied(i18n.tr("privacy.incomplete"))

    def _individual(self, code: str) -> dict:
        raw = self._desk.customers._raw(code)
        if raw["kind"] != "individual":
            raise Conflict(i18n.tr("privacy.individual_only", code=raw["code"]))
        return raw

    # -- access request -----------------------------------------------------------------
    def subject_data(self, code: str, reason: str) -> dict:
        """Everything held about individual ``code``, unmasked, as JSON-ready data, with the
        documents as (name, bytes). Logged as ``privacy.export`` with the reason."""
        desk = self._desk
        self._require()
        reason = check_reason(reason)
        raw = self._individual(code)
        code = raw["code"]
        self._require_whole(raw)
        person = {f.key: raw.get(f.key) for f in CUSTOMER_FIELDS if "individual" in f.kinds}
        person["level"] = LEVELS[raw["level"]]
        person.update(code=code, created_at=raw["created_at"], updated_at=raw["updated_at"],
                      erased_at=raw.get("erased_at"))
        records = {kind: desk.records.raw(code, kind) for kind in RECORD_KINDS}
        for rows in records.values():
            for row in rows:
                row.pop("customer_id", None)
        documents = _rows(desk.db.execute(
            "SELECT id, kind, filename, size, sha256, expires_on, notes, created_at, content "
            "FROM documents WHERE customer_id = ? ORDER BY id", [raw["id"]]))
        if any(d["content"] is None for d in documents):
            raise AccessDenied(i18n.tr("privacy.incomplete"))
        files = [(f"{d['id']}-{d['filename']}", bytes(d.pop("content"))) for d in documents]
        data = {
            "customer": person,
            "records": records,
            "documents": documents,
            "assessments": desk.grading.list(code),
            "limit_changes": desk.grading.limit_changes(code),
            "review_events": desk.reviews.events(code),
            "warnings": desk.warnings.list(code=code),
            "history": [{k: e[k] for k in ("seq", "at", "user", "action", "object", "summary")}
                        for e in reversed(desk.audit.entries(customer=code))],
        }
        with desk.writing():
            desk.audit.append("privacy.export", code, customer=code,
                              summary={"reason": reason, "documents": len(files)})
        return {"data": data, "files": files, "code": code}

    # -- erasure ------------------------------------------------------------------------
    def erase(self, code: str, reason: str) -> Changes:
        """Replace an individual's name, identity numbers and contacts; keep the aggregates."""
        desk = self._desk
        self._require()
        reason = check_reason(reason)
        raw = self._individual(code)
        with desk.writing():
            counts = self._erase(raw)
            desk.audit.append("privacy.erase", raw["code"], customer=raw["code"],
                              summary={"reason": reason, **counts})
        return Changes.of("customers", "records", "documents", code=raw["code"], id=raw["id"])

    def _erase(self, raw: dict) -> dict:
        """The erasure itself, inside the caller's transaction; returns what was removed."""
        desk = self._desk
        if raw.get("erased_at"):
            raise Conflict(i18n.tr("privacy.erased", code=raw["code"], at=raw["erased_at"][:10]))
        db, customer_id = desk.db, raw["id"]
        values = {f.key: None for f in CUSTOMER_FIELDS
                  if f.table in ("customers", "individuals") and f.key in ERASED_FIELDS}
        values.update(tags="", notes="",               # NOT NULL columns: emptied, not nulled
                      name=i18n.tr("privacy.erased_name", code=raw["code"]))
        desk.customers.write_files(changed=[FileChange(
            customer_id, values, overrides={},
            extra={"erased_at": clock.timestamp(), "erased_by": desk.user.name})])
        # Every digest goes, not only those of the fields named: none may answer a guess.
        db.execute("DELETE FROM blind_index WHERE customer_id = ?", [customer_id])
        contacts = db.execute("DELETE FROM main.contacts WHERE customer_id = ?",
                              [customer_id]).rowcount
        documents = db.execute("DELETE FROM main.documents WHERE customer_id = ?",
                               [customer_id]).rowcount
        blank = i18n.tr("privacy.erased_text")
        texts = 0
        for kind, columns in ERASED_TEXT.items():
            table = RECORD_KINDS[kind].table
            for row in _rows(db.execute(f"SELECT id, {', '.join(columns)} FROM {table} "
                                        f"WHERE customer_id = ?", [customer_id])):
                texts += desk.store.update(table, "id = ?", [row["id"]], {
                    c: (row[c] if row[c] in (None, "") else blank) for c in columns})
        return {"contacts": contacts, "documents": documents, "records_cleared": texts}

    # -- retention ----------------------------------------------------------------------
    def years(self) -> dict[str, int]:
        return {key: int(self._desk.settings.get(key) or default)
                for key, default in DEFAULT_YEARS.items()}

    def set_years(self, closed: int, negative: int) -> Changes:
        self._require()
        for value in (closed, negative):
            if not 1 <= int(value) <= 30:
                raise ValidationError(FieldError("years", "privacy.years"))
        self._desk.settings.set("privacy.closed_years", str(int(closed)))
        return self._desk.settings.set("privacy.negative_years", str(int(negative)))

    def retention(self, as_of: datetime.date | None = None) -> dict:
        """What the retention rules would purge on ``as_of`` (today): files closed long enough
        (individuals are erased; enterprises lose their contact persons) and negative credit
        records and litigation that ended long enough ago (deleted). Changes nothing."""
        desk = self._desk
        self._require()
        as_of = as_of or clock.today()
        years = self.years()
        closed_before = (as_of - relativedelta(years=years["privacy.closed_years"])).isoformat()
        ended_before = (as_of - relativedelta(years=years["privacy.negative_years"])).isoformat()
        clearance = desk.access.clearance
        files = _rows(desk.db.execute(
            "SELECT c.id, c.code, c.name, c.kind, c.closed_on FROM customers c WHERE "
            "c.status = 'closed' AND c.closed_on IS NOT NULL AND c.closed_on <= ? AND c.level <= ? "
            "AND c.erased_at IS NULL AND (c.kind = 'individual' OR EXISTS (SELECT 1 FROM "
            "contacts t WHERE t.customer_id = c.id)) ORDER BY c.closed_on, c.code",
            [closed_before, clearance]))
        kinds = ", ".join(f"'{k}'" for k in NEGATIVE_CREDIT)
        records = _rows(desk.db.execute(
            "SELECT 'credit_records' AS kind, r.id, c.code, r.kind AS what, r.ended_on AS ended "
            "FROM credit_records r JOIN customers c ON c.id = r.customer_id WHERE "
            f"r.kind IN ({kinds}) AND r.ended_on IS NOT NULL AND r.ended_on <= ? AND c.level <= ? "
            "UNION ALL SELECT 'litigation', r.id, c.code, r.case_no, r.closed_on FROM litigation r "
            "JOIN customers c ON c.id = r.customer_id WHERE r.closed_on IS NOT NULL AND "
            "r.closed_on <= ? AND c.level <= ? ORDER BY 5, 3",
            [ended_before, clearance, ended_before, clearance]))
        return {"as_of": as_of.isoformat(), "years": years, "closed_before": closed_before,
                "ended_before": ended_before, "files": files, "records": records}

    def purge(self, preview: dict) -> Changes:
        """Carry out a ``retention`` preview the user confirmed (only what it listed, and only
        what still qualifies: the rules are checked again inside the transaction)."""
        desk = self._desk
        self._require()
        with desk.writing():
            fresh = self.retention(datetime.date.fromisoformat(preview["as_of"]))
            wanted_files = {f["id"] for f in preview["files"]}
            wanted_records = {(r["kind"], r["id"]) for r in preview["records"]}
            erased, contacts = [], 0
            for file in fresh["files"]:
                if file["id"] not in wanted_files:
                    continue
                if file["kind"] == "individual":
                    self._erase(desk.customers._raw(file["code"]))
                    erased.append(file["code"])
                else:
                    contacts += desk.db.execute("DELETE FROM main.contacts WHERE customer_id = ?",
                                                [file["id"]]).rowcount
            removed = 0
            for record in fresh["records"]:
                if (record["kind"], record["id"]) in wanted_records:
                    table = RECORD_KINDS[record["kind"]].table
                    removed += desk.db.execute(f"DELETE FROM main.{table} WHERE id = ?",
                                               [record["id"]]).rowcount
            desk.audit.append("privacy.purge", preview["as_of"], summary={
                "years": fresh["years"], "erased": erased, "contacts_removed": contacts,
                "records_removed": removed,
                "record_ids": sorted(f"{k}#{i}" for k, i in wanted_records)})
        return Changes.of("customers", "records")


def to_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)
