"""Writing customer files: the one place a file's two rows and their derived state are written.

``CustomerArchive.write_files`` is the call: the form and the command line (``add``,
``edit``), the importer (thousands of files a call), privacy erasure and the benchmarks all
write through it, so every path stores the same things — the row sealed at its level, the
search keys, name pieces, blind-index digests, the first review date, and ``closed_on``
(from which the retention purge counts) whenever a file is written closed.

It runs inside the caller's ``desk.writing()`` transaction and writes no audit entry: the
caller states what the write was (one entry per form save, one per import).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field as dc_field

from .. import clock
from ..errors import FieldError, ValidationError
from ..fields import CUSTOMER_FIELDS, DEFAULT_FILE_LEVEL
from ..store.sealed_schema import SEAL_FROM
from . import blind
from . import search as s

_TABLE = {"individual": "individuals", "enterprise": "enterprises"}
_BASE = tuple(f.key for f in CUSTOMER_FIELDS if f.table == "customers" and f.key != "kind")
_DETAIL = {kind: tuple(f.key for f in CUSTOMER_FIELDS if f.table == table and kind in f.kinds)
           for kind, table in _TABLE.items()}
_WHERE = {f.key: f.table for f in CUSTOMER_FIELDS}
# What a new file holds where the caller gives nothing (the columns' defaults say the same).
_NEW_DEFAULTS = {"tier": "normal", "status": "prospect", "tags": "", "notes": "",
                 "level": DEFAULT_FILE_LEVEL}


@dataclass
class NewFile:
    """A file to create: its kind and cleaned values (``cleaning.clean_fields``)."""

    kind: str
    values: dict
    overrides: dict = dc_field(default_factory=dict)     # field -> reason (checksum kept)
    keys: tuple | None = None      # (name_norm, initials, full pinyin, sort key, phone_rev)
    # Bookkeeping columns set by whoever writes the file in bulk (a synthetic firm's
    # created_at, grade, next review ...), over what a new file gets.
    extra: dict = dc_field(default_factory=dict)


@dataclass
class Prepared:
    """New files in their stored form (``FileWriter.prepare``)."""

    identities: list[tuple[int, str]]
    stored: dict[str, list[dict]]
    grams: list[tuple[str, int]]
    digests: list[tuple]


@dataclass
class FileChange:
    """A change to an existing file: the cleaned values that change (None clears one)."""

    customer_id: int
    values: dict
    overrides: dict | None = None   # the file's overrides after the change (None: as they are)
    extra: dict = dc_field(default_factory=dict)          # bookkeeping columns (erased_at, ...)


def search_keys(name: str, phone: str | None, kind: str) -> dict:
    """The derived search and sort columns of a file (name key, pinyin, sort key, phone tail)."""
    from ..disclosure import phone_tail
    initials, full, sort = s.name_keys(name, person=kind == "individual")
    return {"name_norm": s.name_key(name), "pinyin_initials": initials, "pinyin_full": full,
            "sort_key": sort, "phone_rev": phone_tail(phone)}


def closed_on(status: str | None, before: str | None = None):
    """The day retention counts from: today when a file becomes closed, None when it is
    reopened, unchanged (``...``) when its status does not change."""
    if status == before:
        return ...
    return clock.today().isoformat() if status == "closed" else None


class FileWriter:
    def __init__(self, desk):
        self._desk = desk
        self._defaults: dict[str, dict] | None = None

    def _column_defaults(self) -> dict[str, dict]:
        """The column defaults of the three tables (what an INSERT leaving a column out stores)."""
        if self._defaults is None:
            db = self._desk.db
            self._defaults = {}
            for table in ("customers", "individuals", "enterprises"):
                out = {}
                for _cid, name, _type, _nn, default, _pk in db.execute(
                        f"PRAGMA main.table_info({table})"):
                    if default is not None:
                        out[name] = db.execute(f"SELECT {default}").fetchone()[0]
                self._defaults[table] = out
        return self._defaults

    # -- new files ------------------------------------------------------------------------
    def create(self, files: list[NewFile]) -> list[tuple[int, str]]:
        """Insert new files in bulk; their (row id, code) pairs, in order."""
        prepared = self.prepare(files)
        self.insert(prepared)
        return prepared.identities

    def prepare(self, files: list[NewFile]) -> "Prepared":
        """The stored form of new files (ids and codes drawn, rows sealed, name pieces and
        digests made), ready for ``insert``. Inside the write: codes are drawn against the
        files on record, and sealed levels are logged."""
        desk = self._desk
        out = Prepared([], {"customers": [], "individuals": [], "enterprises": []}, [], [])
        if not files:
            return out
        from ..importing.keys import keys_for
        from ..reviews import next_review
        defaults = self._column_defaults()
        now, user, today = clock.timestamp(), desk.user.name, clock.today().isoformat()
        missing = [i for i, f in enumerate(files) if f.keys is None]
        worked = dict(zip(missing, keys_for([(files[i].values["name"], files[i].values.get("phone"),
                                              files[i].kind) for i in missing])))
        # A new file's first review: the same rule (and date) for every file of the write.
        due = next_review({"created_at": now, "grade": None}, desk.reviews.policy())[0].isoformat()
        out.identities = desk.customers.allocate(len(files))
        stored, grams, digests = out.stored, out.grams, out.digests
        for index, (new, (new_id, code)) in enumerate(zip(files, out.identities)):
            values, kind = new.values, new.kind
            name_norm, initials, full, sort, phone_rev = new.keys or worked[index]
            row = {k: values.get(k) for k in _BASE}
            for key, value in _NEW_DEFAULTS.items():
                if row[key] is None:
                    row[key] = value
            if row["owner"] is None:
                row["owner"] = user
            row.update(id=new_id, code=code, kind=kind,
                       overrides=json.dumps(new.overrides or {}, ensure_ascii=False),
                       created_at=now, created_by=user, updated_at=now, name_norm=name_norm,
                       pinyin_initials=initials, pinyin_full=full, sort_key=sort,
                       phone_rev=phone_rev,
                       next_review=due, exposure=0,
                       closed_on=today if row["status"] == "closed" else None)
            row.update(new.extra)
            level = row["level"]
            desk.customers.mark_level(code, new_id, 0, level)
            stored["customers"].append(desk.store.encode("customers", row, level=level))
            table = _TABLE[kind]
            detail = {"customer_id": new_id}
            for key in _DETAIL[kind]:
                value = values.get(key)
                detail[key] = defaults[table].get(key) if value is None else value
            if kind == "individual" and detail["id_type"] is None:
                detail["id_type"] = "resident_id"
            stored[table].append(desk.store.encode(table, detail, level=level))
            if level < SEAL_FROM:
                grams.extend((g, new_id) for g in s.name_grams(name_norm))
            for (index_table, column) in blind.INDEXED:
                source = row if index_table == "customers" else detail
                if index_table in ("customers", table) and column in source:
                    found = blind.digest_row(desk, new_id, index_table, column, source[column], level)
                    if found:
                        digests.append(found)
        return out

    def insert(self, prepared: "Prepared") -> None:
        """Write prepared files: one ``executemany`` a table (in the caller's write)."""
        conn = self._desk.db.conn
        for table, rows in prepared.stored.items():
            if rows:
                names = list(rows[0])
                conn.executemany(f"INSERT INTO main.{table} ({', '.join(names)}) "
                                 f"VALUES ({', '.join('?' * len(names))})",
                                 [[r[n] for n in names] for r in rows])
                self._desk.store.writes += len(rows)
        prepared.grams.sort()                 # in key order: fewer pages touched
        conn.executemany("INSERT OR IGNORE INTO name_grams (gram, customer_id) VALUES (?, ?)",
                         prepared.grams)
        conn.executemany(blind.INSERT, prepared.digests)

    # -- changes --------------------------------------------------------------------------
    def change(self, change: FileChange) -> None:
        """Apply one change to a file's rows and their derived state."""
        desk = self._desk
        archive = desk.customers
        db = desk.db
        customer_id = change.customer_id
        code, kind, name, phone, level_before, status = db.execute(
            "SELECT code, kind, name, phone, level, status FROM main.customers WHERE id = ?",
            [customer_id]).fetchone()
        table = _TABLE[kind]
        values = change.values
        base = {k: v for k, v in values.items() if _WHERE[k] == "customers" and k != "kind"}
        detail = {k: v for k, v in values.items() if _WHERE[k] == table}
        # Columns a file always has: cleared text is empty text; a cleared choice is refused.
        for key in [k for k in _NEW_DEFAULTS if k in base and base[k] is None]:
            if isinstance(_NEW_DEFAULTS[key], str) and _NEW_DEFAULTS[key] == "":
                base[key] = ""
            else:
                raise ValidationError(FieldError(key, "field.required"))
        if "id_type" in detail and detail["id_type"] is None:      # every person's ID has a type
            raise ValidationError(FieldError("id_type", "field.required"))
        base["updated_at"] = clock.timestamp()
        if change.overrides is not None:
            base["overrides"] = json.dumps(change.overrides, ensure_ascii=False)
        if "status" in base:
            day = closed_on(base["status"], status)
            if day is not ...:
                base["closed_on"] = day
        new_name, new_phone = base.get("name", name), base.get("phone", phone)
        renamed = new_name != name
        if renamed or new_phone != phone:
            base.update(search_keys(new_name, new_phone, kind))
        level = base.get("level", level_before)
        moved = level != level_before
        if moved:
            archive.mark_level(code, customer_id, level_before, level)
        base.update(change.extra)
        desk.store.update("customers", "id = ?", [customer_id], base, allow_lower="level" in base)
        if detail:
            desk.store.update(table, "customer_id = ?", [customer_id], detail)
        if moved:
            archive._move_level(customer_id, level_before, level)
        if renamed or moved:
            db.execute("DELETE FROM name_grams WHERE customer_id = ?", [customer_id])
            if level < SEAL_FROM:
                key = base.get("name_norm") or search_keys(new_name, new_phone, kind)["name_norm"]
                db.conn.executemany("INSERT OR IGNORE INTO name_grams (gram, customer_id) "
                                    "VALUES (?, ?)", [(g, customer_id) for g in s.name_grams(key)])
        indexed = {**base, **detail}
        if moved:
            # Digested again under the new level: the values this session writes, and those a
            # cleared writer had digested — never one written by someone not cleared
            # (digesting it would answer her guess: ``blind``).
            digested = {f for (f,) in db.execute(
                "SELECT field FROM blind_index WHERE customer_id = ?", [customer_id])}
            raw = archive._raw(code) if digested else {}
            kept = {column: raw.get(column) for (_t, column), f in blind.INDEXED.items()
                    if f in digested}
            indexed = {**kept, **indexed}
        for (index_table, column) in blind.INDEXED:
            if column in indexed:
                blind.update(desk, customer_id, index_table, column, indexed[column], level)


__all__ = ["FileChange", "FileWriter", "NewFile", "Prepared", "closed_on", "search_keys"]
