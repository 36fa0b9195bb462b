"""Customer files: create, edit, look up, list and search, with masking and reveals.

Values are stored sealed at their level (``store.sealing``, ``disclosure``): a clerk can
write an ID number levelled above her clearance and afterwards sees only its mask.
What each reader sees of a value is ``desk.disclosure``'s decision.
"""

from __future__ import annotations

import json
import secrets

from .. import i18n, office
from ..changes import Changes
from ..cleaning import check_reason, clean_fields, identity_facts
from ..disclosure import MASK, SHOW, WITHHOLD, mask_value
from ..errors import Conflict, FieldError, NotFound, ValidationError
from ..fields import CUSTOMER_FIELDS, DEFAULT_FILE_LEVEL, LEVELS, Field
from ..store.sealed_schema import SEAL_FROM, SEALED
from . import blind
from .writing import FileChange, FileWriter, NewFile, search_keys
from .listing import LIST_COLUMNS, SUMMARY_COLUMNS, UNGRADED, Listing  # noqa: F401 (re-exported)

i18n.register({
    "customer.changed_since": (
        "这份档案已由 {who} 于 {at} 修改，您的修改未保存：请重新载入后再改。",
        "This file was changed by {who} at {at}; your change was not saved. Reload it and "
        "make your change again."),
    "customer.edit": ("编辑客户档案", "editing customer files"),
    "customer.level_above": ("不能设定高于自身密级的保密级别", "you cannot set a level above your own clearance"),
    "customer.dup_id": ("该证件号码已属于客户 {code}", "this ID number already belongs to customer {code}"),
    "customer.dup_cc": ("该信用代码已属于客户 {code}", "this credit code already belongs to customer {code}"),
    "customer.kind_fixed": ("客户类型建立后不能更改", "a customer's kind cannot change after creation"),
    "customer.reveal_unknown": ("没有可显示的字段 {key}", "there is no field {key} to reveal"),
    "customer.reason": ("理由", "reason"),
})

MASKED = "***"
# Codes are drawn at random, not counted up: a gap in a sequence would tell a user that
# files exist which they may not see.
CODE_DIGITS = 6


def fields_for(kind: str) -> list[Field]:
    return [f for f in CUSTOMER_FIELDS if kind in f.kinds]


def _audit_value(field: Field | None, value):
    """What the audit log keeps of a value: sensitive ones are never written out."""
    if field is not None and field.sensitive and value not in (None, ""):
        return MASKED
    return value


def _detail_table(kind: str) -> str:
    return "individuals" if kind == "individual" else "enterprises"


class CustomerArchive:
    def __init__(self, desk):
        self._desk = desk
        self._listing = Listing(desk)
        self._writer = FileWriter(desk)

    @property
    def catalogue(self):
        return self._listing.catalogue

    # -- lookup and visibility ----------------------------------------------------------
    def _row(self, code: str) -> dict:
        cursor = self._desk.db.execute("SELECT * FROM customers WHERE code = ?",
                                       [(code or "").strip().upper()])
        row = cursor.fetchone()
        names = [c[0] for c in cursor.description]
        # A file above the user's clearance (or sealed under a key this session lacks) is
        # reported as missing: its existence is not shown.
        if row is None or row[names.index("level")] > self._desk.access.clearance or \
                row[names.index("name")] is None:
            raise NotFound(code)
        return dict(zip(names, row))

    def require_visible(self, code: str) -> int:
        return self._row(code)["id"]

    def kind_of(self, code: str) -> str:
        return self._row(code)["kind"]

    def level_of(self, code: str) -> int:
        return self._row(code)["level"]

    def _check_unchanged(self, code: str, expected: str) -> None:
        """Inside the write (so after the copy caught up with the server): refuse when the
        file was saved since ``expected``."""
        current = self._row(code)["updated_at"]
        if current == expected:
            return
        from ..audit_view import local_time
        row = self._desk.db.execute(
            "SELECT user, at FROM audit_log WHERE customer = ? ORDER BY seq DESC LIMIT 1",
            [code]).fetchone()
        who, at = (row[0], row[1]) if row else ("?", current)
        names = self._desk.users.display_names()
        raise Conflict(i18n.tr("customer.changed_since", who=names.get(who, who),
                               at=local_time(at)))

    def _raw(self, code: str) -> dict:
        """Every stored value of a visible file this session can open (core use only; a
        value sealed above the session's keys reads None)."""
        base = self._row(code)
        cursor = self._desk.db.execute(f"SELECT * FROM {_detail_table(base['kind'])} "
                                       f"WHERE customer_id = ?", [base["id"]])
        detail = cursor.fetchone()
        if detail:
            base.update({k[0]: val for k, val in zip(cursor.description, detail)
                         if k[0] != "customer_id"})
        return base

    def _stored_masks(self, customer_id: int, kind: str) -> tuple[dict, set]:
        """(masks kept with values sealed above their row, the columns this session cannot
        open) of a file's two rows."""
        masks, locked = {}, set()
        store = self._desk.store
        for table in ("customers", _detail_table(kind)):
            anchor = SEALED[table].anchor
            for stored in store.read_stored(table, f"{anchor} = ?", [customer_id]):
                masks.update(store.masks(table, customer_id, stored["sealed"], stored["vault"]))
                locked |= store.sealed_columns(table, customer_id, stored["sealed"],
                                               stored["vault"])
        return masks, locked

    # -- reading ------------------------------------------------------------------------
    def get(self, code: str, reveal: tuple[str, ...] | list[str] = (), reason: str = "",
            purpose: str = "window") -> dict:
        """One file as the user may see it. Sensitive fields are masked unless named
        in ``reveal`` (by field key or sensitive key) with a ``reason``; a reveal is logged.
        ``locked`` lists the fields above the user's clearance (shown by their mask only)."""
        raw = self._raw(code)
        revealed = self._reveal(raw["code"], raw["kind"], raw["level"], reveal, reason) \
            if reveal else set()
        masks, locked = self._stored_masks(raw["id"], raw["kind"])
        disclosure = self._desk.disclosure
        out = {"code": raw["code"], "id": raw["id"], "created_at": raw["created_at"],
               "created_by": raw["created_by"], "updated_at": raw["updated_at"],
               "overrides": json.loads(raw["overrides"] or "{}"), "masked": [], "locked": [],
               "erased_at": raw.get("erased_at")}
        for field in fields_for(raw["kind"]):
            value = raw.get(field.key)
            if field.type == "level":
                value = LEVELS[value]
            decision = disclosure.field(field.sensitive, raw["level"], purpose,
                                        field.sensitive in revealed)
            if decision.action == WITHHOLD or field.key in locked:
                if field.key in masks or value not in (None, ""):
                    out["masked"].append(field.key)
                    out["locked"].append(field.key)
                value = masks.get(field.key) or (MASKED if value not in (None, "") else value)
            elif decision.action == MASK and value not in (None, ""):
                value = mask_value(value, field.mask)
                out["masked"].append(field.key)
            out[field.key] = value
        out.setdefault("id_number", None)
        out.setdefault("credit_code", None)
        return out

    def _reveal(self, code: str, kind: str, file_level: int, keys, reason: str) -> set[str]:
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
        out = []
        for row in self.summary_rows(search, kind=kind, status=status, tier=tier, level=level,
                                     grade=grade, hold=hold, limit=limit):
            item = dict(zip(SUMMARY_COLUMNS, row))
            item["level"] = LEVELS[item["level"]]
            out.append(item)
        return out

    def summary_rows(self, search: str | None = None, **filters) -> list[tuple]:
        """Summary tuples (``SUMMARY_COLUMNS``), masked as this user sees them (``listing``)."""
        return self._listing.summary_rows(search, **filters)

    def list_rows(self, search: str | None = None, **filters) -> tuple[list[tuple], int]:
        """(rows, total) for a list on screen (``listing.Listing.list_rows``)."""
        return self._listing.list_rows(search, **filters)

    # -- writing --------------------------------------------------------------------------
    def _clean(self, kind: str, values: dict, overrides, *, creating: bool, id_type: str):
        desk = self._desk
        return clean_file(kind, values, overrides, creating=creating, id_type=id_type,
                          known_users=desk.users.exists, clearance=desk.access.clearance)

    def _check_unique(self, clean: dict, customer_id: int | None) -> None:
        """Refuse an identity number another file holds — among the values this user may
        read. A file the user may not see, or a number above their clearance, answers as an
        absent one would: its existence is not told."""
        db = self._desk.db
        for column, table, key in (("id_number", "individuals", "customer.dup_id"),
                                   ("credit_code", "enterprises", "customer.dup_cc")):
            if not clean.get(column):
                continue
            holders = {r[0] for r in db.execute(
                f"SELECT customer_id FROM main.{table} WHERE {column} = ?", [clean[column]])}
            holders |= blind.find(self._desk, column, clean[column])
            holders.discard(customer_id)
            for holder in sorted(holders):
                row = db.execute("SELECT code, level, name FROM customers WHERE id = ?",
                                 [holder]).fetchone()
                if row and row[1] <= self._desk.access.clearance and row[2] is not None:
                    raise ValidationError(FieldError(column, key, {"code": row[0]}))

    def _new_identity(self) -> tuple[int, str]:
        """A random row id and code no file has (see ``CODE_DIGITS``)."""
        return self.allocate(1)[0]

    def allocate(self, count: int) -> list[tuple[int, str]]:
        """``count`` random (row id, code) pairs that no file has and that differ from each other."""
        db = self._desk.db
        taken_ids: set[int] = set()
        taken_codes: set[str] = set()
        out = []
        while len(out) < count:
            # Candidates drawn a batch at a time and looked up together (one query a
            # batch, not one a file: an import draws thousands).
            batch = []
            while len(batch) < min(count - len(out), 400):
                new_id = secrets.randbelow(2 ** 52) + 1
                code = f"C{secrets.randbelow(10 ** CODE_DIGITS):0{CODE_DIGITS}d}"
                if new_id not in taken_ids and code not in taken_codes:
                    taken_ids.add(new_id)
                    taken_codes.add(code)
                    batch.append((new_id, code))
            marks = ", ".join("?" * len(batch))
            used = {v for row in db.execute(
                f"SELECT id, code FROM main.customers WHERE id IN ({marks}) OR code IN ({marks})",
                [i for i, _c in batch] + [c for _i, c in batch]) for v in row}
            # On an office database, files this person may not see hold codes too.
            used |= office.taken(db, [i for i, _c in batch], [c for _i, c in batch])
            out.extend(pair for pair in batch if pair[0] not in used and pair[1] not in used)
        return out

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
        clean.setdefault("level", DEFAULT_FILE_LEVEL)
        clean.setdefault("owner", desk.user.name)
        with desk.writing():
            self._check_unique(clean, None)
            [(new_id, code)] = self.write_files([NewFile(kind, clean, accepted)])
            desk.audit.append("customer.add", code, customer=code, summary={
                "fields": {k: _audit_value(_field(k), val) for k, val in clean.items()
                           if val is not None},
                **({"overrides": accepted} if accepted else {})})
        return Changes.of("customers", code=code, id=new_id)

    def write_files(self, new: list[NewFile] = (), changed: list[FileChange] = ()) -> list[tuple[int, str]]:
        """THE call that writes customer files, one or many, inside the caller's
        ``desk.writing()``: new files inserted in bulk, then each change applied, with their
        derived state (``writing``). Values are cleaned already (``_clean``); the caller
        checks access and uniqueness and writes the audit entry. Returns the new files'
        (row id, code) pairs."""
        if not self._desk.db.conn.in_transaction:
            raise RuntimeError("write_files runs inside desk.writing()")
        identities = self._writer.create(list(new))
        for change in changed:
            self._writer.change(change)
        return identities

    def _index(self, customer_id: int, level: int, values: dict) -> None:
        """Blind-index digests of the file's sealed identity values (``blind``)."""
        for (table, column) in blind.INDEXED:
            if column in values:
                blind.update(self._desk, customer_id, table, column, values[column], level)

    def edit(self, code: str, values: dict, overrides: dict[str, str] | None = None, *,
             expected: str | None = None) -> Changes:
        """Change a file. ``expected``: the ``updated_at`` the editor was opened on; when
        someone else has saved the file since (another PC of an office database, or another
        window), the change is refused with who saved it and when, and nothing is written."""
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
        all_overrides = {**json.loads(raw["overrides"] or "{}"), **accepted}
        for key in changed:
            if key not in accepted:
                all_overrides.pop(key, None)
        with desk.writing():
            if expected is not None:
                self._check_unchanged(code, expected)
            self._check_unique(changed, raw["id"])
            self.write_files(changed=[FileChange(raw["id"], changed, all_overrides)])
            desk.audit.append("customer.edit", raw["code"], customer=raw["code"], summary={
                k: {"before": _audit_value(_field(k), raw.get(k)),
                    "after": _audit_value(_field(k), val)} for k, val in changed.items()}
                | ({"overrides": accepted} if accepted else {}))
        return Changes.of("customers", code=raw["code"], id=raw["id"])

    def mark_level(self, code: str, customer_id: int, before: int, after: int) -> None:
        """A file made at, or moved from or to, a sealed level: its signed level entry, before
        its rows are written (in the write). Below 秘密 a file's level seals nothing."""
        before = max(before, self._desk.disclosure.logged_level(customer_id))
        if max(before, after) >= SEAL_FROM:
            self._desk.audit.file_level(code, customer_id, after)
            if after >= SEAL_FROM and before < SEAL_FROM:
                blind.note_unindexed(self._desk)     # values in clear until now are sealed

    def _move_level(self, customer_id: int, before: int, after: int) -> None:
        """A file's level changed: write every row of it again at its new level (in the write)."""
        store = self._desk.store
        for table, spec in SEALED.items():
            if table in ("customers",):
                continue
            if spec.anchor == "customer_id":
                store.reseal(table, "customer_id = ?", [customer_id])

    _search_keys = staticmethod(search_keys)


def clean_file(kind: str, values: dict, overrides, *, creating: bool, id_type: str,
               known_users, clearance: int):
    """A file's values checked as the form checks them: (clean values, accepted overrides,
    warnings). Needs no database (the user names and clearance are given), so an import's
    helper process can run it too."""
    clean, accepted, notes = clean_fields(
        fields_for(kind), values, required=creating, overrides=overrides,
        known_users=known_users, id_type=id_type)
    errors: list[FieldError] = []
    if clean.get("level") is not None and clean["level"] > clearance:
        errors.append(FieldError("level", "customer.level_above"))
    # A value levelled above the user's clearance may be written (sealed to its level;
    # the user sees its mask afterwards): entry needs no clearance to read back.
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


def _field(key: str) -> Field:
    return next(f for f in CUSTOMER_FIELDS if f.key == key)


__all__ = ["CustomerArchive", "LIST_COLUMNS", "SUMMARY_COLUMNS", "UNGRADED", "MASKED", "fields_for",
           "SHOW"]
