"""Blind indexes: exact search and duplicate checks over sealed identity numbers and phones.

A sealed value cannot be searched by SQL. Instead, whoever writes a value and holds its
level stores a keyed digest of it (``keys.primitives.blind``, the key derived from the
level's secret): someone cleared to the level finds a file by the whole number, and
nobody else can test a guess.

A value written by someone not cleared to its level (a clerk entering an ID number
levelled 秘密) gets no digest, ever: were a cleared colleague's login to make digests of
such values, a clerk could plant values of her choosing and compare their digests with
a file's — a guessing oracle. A cleared session finds those values by opening them
instead, once, and keeping what it opened in memory (``_unindexed``).
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
        note_unindexed(desk)      # found by opening it (``_unindexed``), by those who can
        return None
    epoch, key = keys[0]
    return (customer_id, field, level, epoch, p.blind(key, field, text))


UNINDEXED = "blind_index.unindexed"   # a setting: some sealed value has no digest


def note_unindexed(desk) -> None:
    """In a write: some sealed value may now have no digest (written by someone not cleared,
    or sealed by a level change). The setting only spares cleared sessions the looking
    while no such value exists: clearing it by hand hides nothing from anyone."""
    desk.db.execute("INSERT OR IGNORE INTO settings (key, value) VALUES (?, '1')", [UNINDEXED])
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
    found = {r[0] for r in rows}
    return found | _unindexed(desk).get(field, {}).get(text, set())


def _unindexed(desk) -> dict[str, dict[str, set[int]]]:
    """field -> value -> files, for the sealed values without a digest this session opens;
    made again when any connection has changed the database since (as the catalogue is)."""
    writes = desk.store.table_writes
    stamp = (desk.db.execute("PRAGMA data_version").fetchone()[0],
             tuple(writes.get(t, 0) for t in _ANCHOR), tuple(desk.keys.levels_held()))
    cached = getattr(desk, "_blind_unindexed", None)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    out: dict[str, dict[str, set[int]]] = {}
    if desk.db.execute("SELECT 1 FROM settings WHERE key = ?", [UNINDEXED]).fetchone() is None:
        desk._blind_unindexed = (stamp, out)
        return out
    for (table, column), field in INDEXED.items():
        anchor = _ANCHOR[table]
        ids = [r[0] for r in desk.db.execute(
            f"SELECT t.{anchor} FROM main.{table} t "
            f"WHERE (t.sealed IS NOT NULL OR t.vault LIKE ?) AND NOT EXISTS "
            f"(SELECT 1 FROM blind_index b WHERE b.customer_id = t.{anchor} AND b.field = ?)",
            [f'%{json.dumps(column)}%', field])]
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            # Through the session's views: what its keys open, None for the rest.
            for customer_id, value in desk.db.execute(
                    f"SELECT {anchor}, {column} FROM {table} WHERE {anchor} IN "
                    f"({', '.join('?' * len(chunk))})", chunk):
                text = normal(field, value)
                if text is not None:
                    out.setdefault(field, {}).setdefault(text, set()).add(customer_id)
    desk._blind_unindexed = (stamp, out)
    return out
