"""Sealed rows and values in the database, opened on the fly for those who hold the keys.

Reading: for each table in ``sealed_schema.SEALED`` a TEMP VIEW of the same name and
columns shadows the table on this connection (SQLite looks in ``temp`` first), and
each sealable column reads through ``cd_open()``: the clear value, or the sealed one
opened with this session's keys, or NULL when the session does not hold the level. So
every query of core reads as before, and what a session cannot open reads as missing.

Writing: ``Sealer.insert`` and ``Sealer.update`` write to ``main.<table>``, sealing the
row (its level from the policy, ``disclosure``) and any value levelled above it.
``DELETE`` statements name ``main.<table>`` themselves.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from typing import Protocol

from ..keys import primitives as p
from ..keys.keyring import Keyring
from .sealed_schema import SEAL_FROM, SEALED

# Rows opened lately: a query reads several columns of a row one call at a time.
_CACHE_ROWS = 4096
_VAULT = "$vault"


class Policy(Protocol):
    """What the sealer asks of core: the level a row is stored at, and which of its values
    are levelled higher (column -> (level, mask style))."""

    def row_level(self, table: str, row: dict) -> int: ...

    def vault_levels(self, table: str, row_level: int,
                     row: dict | None = None) -> dict[str, tuple[int, str]]: ...

    def mask(self, value: object, style: str) -> str | None: ...


class CannotSeal(Exception):
    """A write needs a row this session cannot open (a bug: such rows are not visible)."""


def _row_aad(table: str, anchor: object) -> bytes:
    return f"custdesk-row:{table}:{'' if anchor is None else anchor}".encode("utf-8")


def _field_aad(table: str, anchor: object, column: str) -> bytes:
    return f"custdesk-field:{table}:{'' if anchor is None else anchor}:{column}".encode("utf-8")


def _blob_aad(table: str, anchor: object) -> bytes:
    return f"custdesk-blob:{table}:{'' if anchor is None else anchor}".encode("utf-8")


class Sealer:
    """Seals and opens rows for one connection with one keyring."""

    def __init__(self, db, keyring: Keyring, policy: Policy):
        self.db = db
        self.keyring = keyring
        self.policy = policy
        self._rows: OrderedDict[bytes, dict | None] = OrderedDict()
        self._fields: dict[str, object] = {}
        self._columns: dict[str, list[str]] = {}
        self.writes = 0       # rows this session wrote (the catalogue's staleness check)
        self.table_writes: dict[str, int] = {}     # the same, by table
        self._sealers: dict[tuple[int, int], p.BoxSealer] = {}
        self._openers: dict[tuple[int, int], p.BoxOpener] = {}

    # -- installing the views ---------------------------------------------------------------
    def install(self) -> None:
        conn = self.db.conn
        conn.create_function("cd_open", 6, self._sql_open, deterministic=True)
        conn.create_function("cd_blob", 4, self._sql_blob, deterministic=True)
        for table, spec in SEALED.items():
            columns = self.columns(table)
            sealable = set(spec.columns)
            parts = []
            for column in columns:
                if column in sealable:
                    parts.append(
                        f"CASE WHEN sealed IS NULL AND vault IS NULL THEN \"{column}\" ELSE "
                        f"cd_open('{table}', {spec.key_sql()}, sealed, vault, '{column}', "
                        f"\"{column}\") END AS \"{column}\"")
                elif column == spec.blob:
                    parts.append(f"CASE WHEN sealed IS NULL THEN \"{column}\" ELSE "
                                 f"cd_blob('{table}', {spec.key_sql()}, sealed, \"{column}\") "
                                 f"END AS \"{column}\"")
                else:
                    parts.append(f"\"{column}\"")
            conn.execute(f"DROP VIEW IF EXISTS temp.\"{table}\"")
            conn.execute(f"CREATE TEMP VIEW \"{table}\" AS SELECT {', '.join(parts)} "
                         f"FROM main.\"{table}\"")

    def columns(self, table: str) -> list[str]:
        """The table's columns as queries see them (without ``sealed`` and ``vault``)."""
        if table not in self._columns:
            rows = self.db.conn.execute(f"PRAGMA main.table_info(\"{table}\")").fetchall()
            self._columns[table] = [r[1] for r in rows if r[1] not in ("sealed", "vault")]
        return self._columns[table]

    def forget(self) -> None:
        """Drop what was opened (after the keyring changed)."""
        self._rows.clear()
        self._fields.clear()
        self._sealers.clear()
        self._openers.clear()

    # -- opening ------------------------------------------------------------------------------
    def _open_token(self, token: bytes, aad: bytes) -> bytes | None:
        try:
            kind, level, epoch = p.token_header(token)
        except p.TokenError:
            return None
        try:
            if kind == "S":
                key = self.keyring.sym(level, epoch)
                return None if key is None else p.open_token(token, aad, sym_key=key)
            opener = self._openers.get((level, epoch))
            if opener is None:
                secret = self.keyring.box_secret(level, epoch)
                if secret is None:
                    return None
                opener = self._openers[(level, epoch)] = p.BoxOpener(secret)
            return opener.open(token, aad)
        except p.TokenError:
            return None

    def open_row(self, table: str, anchor: object, sealed: bytes) -> dict | None:
        """The sealed columns of a row, or None when this session cannot open it."""
        sealed = bytes(sealed)
        if sealed in self._rows:
            self._rows.move_to_end(sealed)
            return self._rows[sealed]
        plain = self._open_token(sealed, _row_aad(table, anchor))
        row = None if plain is None else json.loads(plain)
        if row is not None:       # failures are not kept: a grant may arrive later
            self._rows[sealed] = row
            if len(self._rows) > _CACHE_ROWS:
                self._rows.popitem(last=False)
        return row

    def _open_field(self, table: str, anchor: object, column: str, entry) -> object:
        token_text = entry[0]
        if token_text in self._fields:
            return self._fields[token_text]
        plain = self._open_token(p.unb64(token_text), _field_aad(table, anchor, column))
        if plain is None:
            return None
        value = self._fields[token_text] = json.loads(plain)
        return value

    def _vault_of(self, table, anchor, sealed, vault) -> dict | None:
        if sealed is not None:
            row = self.open_row(table, anchor, sealed)
            return None if row is None else row.get(_VAULT, {})
        return json.loads(vault) if vault else {}

    def _sql_open(self, table, anchor, sealed, vault, column, clear):
        if sealed is not None:
            row = self.open_row(table, anchor, sealed)
            if row is None:
                return None
            entry = row.get(_VAULT, {}).get(column)
            return self._open_field(table, anchor, column, entry) if entry else row.get(column)
        entry = json.loads(vault).get(column) if vault else None
        return self._open_field(table, anchor, column, entry) if entry else clear

    def _sql_blob(self, table, anchor, sealed, content):
        if content is None:
            return None
        return self._open_token(bytes(content), _blob_aad(table, anchor))

    def masks(self, table: str, anchor: object, sealed, vault) -> dict[str, str]:
        """Column -> the mask stored with each value sealed above its row ("" when none)."""
        found = self._vault_of(table, anchor, sealed, vault)
        return {column: entry[1] for column, entry in (found or {}).items()}

    def sealed_columns(self, table: str, anchor: object, sealed, vault) -> set[str]:
        """The columns of a stored row that this session cannot open."""
        spec = SEALED[table]
        if sealed is not None and self.open_row(table, anchor, sealed) is None:
            return set(spec.columns)
        locked = set()
        for column, entry in (self._vault_of(table, anchor, sealed, vault) or {}).items():
            if self._open_field(table, anchor, column, entry) is None:
                locked.add(column)
        return locked

    # -- writing ------------------------------------------------------------------------------
    def _seal(self, level: int, plaintext: bytes, aad: bytes) -> bytes:
        if level not in self.keyring.public:
            # The level's announced key is missing or not signed (``registry.level_publics``):
            # sealing to any other would let whoever kept it read the value.
            from .. import i18n
            from ..fields import level_label
            from ..keys.session import KeysTampered
            raise KeysTampered(i18n.tr("keys.level_key_bad", level=level_label(level)))
        epoch, public = self.keyring.current_public(level)
        key = self.keyring.sym(level, epoch)
        if key is not None:
            return p.seal_sym(key, level, epoch, plaintext, aad)
        sealer = self._sealers.get((level, epoch))
        if sealer is None or sealer.recipient != public:
            sealer = self._sealers[(level, epoch)] = p.BoxSealer(public)
        return sealer.seal(level, epoch, plaintext, aad)

    def encode(self, table: str, row: dict, *, keep_vault: dict | None = None,
               level: int | None = None) -> dict:
        """The stored form of a logical row: clear columns, ``sealed`` and ``vault``.

        ``row`` holds every sealable column (None where empty). ``keep_vault`` carries
        tokens of values this session could not open and did not change. ``level``: the
        row's level when the caller knows it (a bulk write of rows whose file is not
        written yet); else the policy's.
        """
        spec = SEALED[table]
        anchor = spec.key(row)
        if level is None:
            level = self.policy.row_level(table, row)
        stored = {k: v for k, v in row.items() if k not in spec.columns and k != spec.blob}
        vault = {}
        for column, (field_level, style) in self.policy.vault_levels(table, level, row).items():
            if column not in row:
                continue
            value = row[column]
            if keep_vault and column in keep_vault and value is None:
                vault[column] = keep_vault[column]
            elif value not in (None, ""):
                token = self._seal(field_level, json.dumps(value, ensure_ascii=False).encode(),
                                   _field_aad(table, anchor, column))
                vault[column] = [p.b64(token), self.policy.mask(value, style) or ""]
        values = {c: row.get(c) for c in spec.columns}
        if level >= SEAL_FROM:
            for column in vault:
                values[column] = None
            if vault:
                values[_VAULT] = vault
            stored["sealed"] = self._seal(
                level, json.dumps(values, ensure_ascii=False).encode("utf-8"),
                _row_aad(table, anchor))
            stored["vault"] = None
            for column in spec.columns:
                stored[column] = None
            if spec.blob and row.get(spec.blob) is not None:
                stored[spec.blob] = self._seal(level, bytes(row[spec.blob]), _blob_aad(table, anchor))
        else:
            stored.update(values)
            for column in vault:
                stored[column] = None
            stored["sealed"] = None
            stored["vault"] = json.dumps(vault, ensure_ascii=False) if vault else None
            if spec.blob and spec.blob in row:
                stored[spec.blob] = row[spec.blob]
        return stored

    def insert(self, table: str, row: dict) -> int:
        """Insert a logical row (sealing as its level asks); return its rowid."""
        spec = SEALED[table]
        full = {c: None for c in spec.columns}
        full.update(row)
        stored = self.encode(table, full)
        names = list(stored)
        self.writes += 1
        self.table_writes[table] = self.table_writes.get(table, 0) + 1
        cursor = self.db.conn.execute(
            f"INSERT INTO main.\"{table}\" ({', '.join(chr(34) + n + chr(34) for n in names)}) "
            f"VALUES ({', '.join('?' * len(names))})", [stored[n] for n in names])
        return cursor.lastrowid

    def read_stored(self, table: str, where: str, params: list) -> list[dict]:
        cursor = self.db.conn.execute(f"SELECT * FROM main.\"{table}\" WHERE {where}", params)
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, r)) for r in cursor.fetchall()]

    def logical(self, table: str, stored: dict) -> tuple[dict, dict]:
        """A stored row opened: (every column as this session reads it, tokens of vault
        values it cannot open)."""
        spec = SEALED[table]
        anchor = spec.key(stored)
        row = {k: v for k, v in stored.items() if k not in ("sealed", "vault")}
        kept = {}
        if stored.get("sealed") is not None:
            opened = self.open_row(table, anchor, stored["sealed"])
            if opened is None:
                raise CannotSeal(f"{table} row {anchor} is sealed above this session's keys")
            vault = opened.get(_VAULT, {})
            row.update({c: opened.get(c) for c in spec.columns})
            if spec.blob and stored.get(spec.blob) is not None:
                row[spec.blob] = self._open_token(bytes(stored[spec.blob]), _blob_aad(table, anchor))
        else:
            vault = json.loads(stored["vault"]) if stored.get("vault") else {}
        for column, entry in vault.items():
            value = self._open_field(table, anchor, column, entry)
            if value is None:
                kept[column] = entry
            row[column] = value
        return row, kept

    def update(self, table: str, where: str, params: list, changes: dict, *,
               allow_lower: bool = False) -> int:
        """Apply ``changes`` to the rows ``where`` selects, sealing each row anew; return how
        many rows changed.

        A row already sealed is never written at a lower level than its token's unless the
        caller lowers it on purpose (``allow_lower``: a level change, itself audited): someone
        who edits a level column in the file cannot make the next writer unseal a row.
        """
        count = 0
        for stored in self.read_stored(table, where, params):
            row, kept = self.logical(table, stored)
            for column in changes:
                kept.pop(column, None)
            row.update(changes)
            level = self.policy.row_level(table, row)
            if not allow_lower and stored.get("sealed") is not None:
                level = max(level, p.token_header(bytes(stored["sealed"]))[1])
            new = self.encode(table, row, keep_vault=kept, level=level)
            key_column = "id" if "id" in stored else SEALED[table].anchor
            names = [n for n in new if n != key_column]
            self.db.conn.execute(
                f"UPDATE main.\"{table}\" SET {', '.join(chr(34) + n + chr(34) + ' = ?' for n in names)} "
                f"WHERE \"{key_column}\" = ?", [new[n] for n in names] + [stored[key_column]])
            count += 1
        self.writes += count
        self.table_writes[table] = self.table_writes.get(table, 0) + count
        return count

    def reseal(self, table: str, where: str, params: list) -> int:
        """Write the rows again at the level the policy now gives them (a level change)."""
        return self.update(table, where, params, {}, allow_lower=True)
