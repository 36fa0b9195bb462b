"""Blind indexes: exact search and duplicate checks over sealed identity numbers and phones.

A sealed value cannot be searched by SQL. Instead, whoever holds the value's level
stores a keyed digest of it (``keys.primitives.blind``, the key derived from the level's
secret): someone cleared to the level finds a file by the whole number, and nobody
else can test a guess. A value written by someone not cleared to its level (a clerk
entering an ID number levelled 秘密) gets its digest at the next login of someone who
is (``index_pending``).
"""

from __future__ import annotations

import json
import re

from ..keys import primitives as p
from ..store.sealed_schema import SEAL_FROM
from ..validation import normalize_code

# (table, column) -> the field name digests are filed under
INDEXED = {("individuals", "id_number"): "id_number",
           ("enterprises", "credit_code"): "credit_code",
           ("customers", "phone"): "phone"}
_ANCHOR = {"individuals": "customer_id", "enterprises": "customer_id", "customers": "id"}


def normal(field: str, value: str | None) -> str | None:
    """The form digests are made of: codes upper-case NFKC, phones their digits only."""
    if value in (None, ""):
        return None
    if field == "phone":
        return re.sub(r"\D", "", str(value)) or None
    return normalize_code(str(value)) or None


def value_level(desk, table: str, column: str, row_level: int) -> int:
    """The level a value of ``column`` is sealed at in a row at ``row_level`` (0: in clear)."""
    vault = desk.disclosure.vault_levels(table, row_level)
    if column in vault:
        return vault[column][0]
    return row_level if row_level >= SEAL_FROM else 0


def digest_row(desk, customer_id: int, table: str, column: str, value,
               row_level: int) -> tuple | None:
    """The blind_index row for a sealed value this session can index (None: in clear,
    empty, or above the session's keys)."""
    field = INDEXED[(table, column)]
    level = value_level(desk, table, column, row_level)
    text = normal(field, value)
    if level < SEAL_FROM or text is None:
        return None
    keys = desk.keys.blind_keys(level)
    if not keys:
        # Someone cleared to the level indexes it at their next login (index_pending).
        desk.db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, '1')",
                        [PENDING])
        return None
    epoch, key = keys[0]
    return (customer_id, field, level, epoch, p.blind(key, field, text))


PENDING = "blind_index.pending"     # a setting: values wait for someone cleared to index them
INSERT = "INSERT INTO blind_index (customer_id, field, level, epoch, digest) VALUES (?, ?, ?, ?, ?)"


def update(desk, customer_id: int, table: str, column: str, value, row_level: int) -> None:
    """After a write of ``column``: replace the row's digests with this session's (in a write)."""
    desk.db.execute("DELETE FROM blind_index WHERE customer_id = ? AND field = ?",
                    [customer_id, INDEXED[(table, column)]])
    row = digest_row(desk, customer_id, table, column, value, row_level)
    if row:
        desk.db.execute(INSERT, list(row))


def find(desk, field: str, value: str) -> set[int]:
    """Files whose sealed ``field`` is exactly ``value``, among the levels this session holds."""
    text = normal(field, value)
    if text is None:
        return set()
    digests = [p.blind(key, field, text) for level in desk.keys.levels_held()
               for _epoch, key in desk.keys.blind_keys(level)]
    if not digests:
        return set()
    rows = desk.db.execute(
        f"SELECT customer_id FROM blind_index WHERE field = ? AND digest IN "
        f"({', '.join('?' * len(digests))})", [field, *digests]).fetchall()
    return {r[0] for r in rows}


def index_pending(desk) -> int:
    """Digests for sealed values this session can open that have none (in a write). Runs only
    when someone wrote a value they could not index; done when nothing is left."""
    held = desk.keys.levels_held()
    if not held or desk.settings.get(PENDING) != "1":
        return 0
    done = skipped = 0
    for (table, column), field in INDEXED.items():
        anchor = _ANCHOR[table]
        rows = desk.db.execute(
            f"SELECT t.{anchor}, c.level FROM main.{table} t "
            f"JOIN main.customers c ON c.id = t.{anchor} "
            f"WHERE (t.sealed IS NOT NULL OR t.vault LIKE ?) AND NOT EXISTS "
            f"(SELECT 1 FROM blind_index b WHERE b.customer_id = t.{anchor} AND b.field = ?)",
            [f'%{json.dumps(column)}%', field]).fetchall()
        for customer_id, file_level in rows:
            level = value_level(desk, table, column, file_level)
            if level not in held:
                skipped += 1
                continue
            value = desk.db.execute(f"SELECT {column} FROM {table} WHERE {anchor} = ?",
                                    [customer_id]).fetchone()
            if value and value[0]:
                update(desk, customer_id, table, column, value[0], file_level)
                done += 1
    if not skipped:
        desk.db.execute("DELETE FROM settings WHERE key = ?", [PENDING])
    return done
