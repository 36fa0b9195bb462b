"""Schema migrations, applied in order; the list only ever grows.

A database that has a migration this program does not know was written by a
newer custdesk and is refused. Before migrating an existing file, a copy is
kept beside it.
"""

from __future__ import annotations

import os
import re
import shutil
from importlib import resources
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from .. import clock, i18n
from ..errors import StoreError
from .connection import split_sql, write

i18n.register({
    "store.newer": (
        "此数据库由更新版本的 custdesk 写入（未知的结构变更：{names}），请升级程序后再打开",
        "This database was written by a newer custdesk (unknown schema changes: {names}); "
        "upgrade the program to open it",
    ),
})

migrations = Migrations("custdesk")


def _run_sql_file(db: Database, name: str) -> None:
    script = resources.files("custdesk.core.store").joinpath(name).read_text(encoding="utf-8")
    for statement in split_sql(script):
        db.execute(statement)


@migrations(name="0001_foundation")
def m0001_foundation(db: Database) -> None:
    _run_sql_file(db, "schema_v1.sql")


@migrations(name="0002_grading")
def m0002_grading(db: Database) -> None:
    _run_sql_file(db, "schema_v2.sql")


@migrations(name="0003_reviews_warnings")
def m0003_reviews_warnings(db: Database) -> None:
    _run_sql_file(db, "schema_v3.sql")
    from ..customers.exposure import exposure, oldest_open_due
    from ..reviews import refresh_all
    for (customer_id,) in db.execute("SELECT DISTINCT customer_id FROM transactions").fetchall():
        cursor = db.execute("SELECT * FROM transactions WHERE customer_id = ?", [customer_id])
        columns = [c[0] for c in cursor.description]
        rows = [dict(zip(columns, r)) for r in cursor.fetchall()]
        db.execute("UPDATE customers SET exposure = ?, overdue_since = ? WHERE id = ?",
                   [exposure(rows), oldest_open_due(rows), customer_id])
    db.execute("UPDATE customers SET review_base = graded_on WHERE graded_on IS NOT NULL")
    refresh_all(db)


@migrations(name="0004_report_exports")
def m0004_report_exports(db: Database) -> None:
    _run_sql_file(db, "schema_v4.sql")


@migrations(name="0005_privacy")
def m0005_privacy(db: Database) -> None:
    _run_sql_file(db, "schema_v5.sql")


@migrations(name="0006_keys")
def m0006_keys(db: Database) -> None:
    """New tables for certificates, level keys, grants and blind indexes; every table of
    customer data rebuilt with ``sealed`` and ``vault`` columns, its sealable columns
    nullable (a sealed row holds them in its token). The values themselves are sealed
    when an administrator converts the database's keys (``keys.upgrade``)."""
    from .sealed_schema import SEALED
    _run_sql_file(db, "schema_v6.sql")
    for table, spec in SEALED.items():
        # Tables of later migrations are made with their sealed columns already.
        if db[table].exists():
            _rebuild_sealable(db, table, spec.columns)
    # The freeze triggers guard what the database can read. A decided assessment, a decided
    # limit change or an export record is still written again when its file changes level
    # (sealed, or back in clear) or a field's level changes: that is allowed when the clear
    # columns stay as they were and the row goes into or out of its sealed form or a value
    # into or out of its vault; core keeps the content as it was (it opens and re-seals it
    # unchanged).
    for statement in _FROZEN_V6:
        db.execute(statement)


# A row written again at a new level: into or out of its sealed form, or a value moved into
# or out of its vault (a field levelled above the row, in a file below 秘密).
_RESEAL = "(NEW.sealed IS NOT NULL OR OLD.sealed IS NOT NULL OR NEW.vault IS NOT OLD.vault)"
_FROZEN_V6 = (
    "DROP TRIGGER assessments_submitted_frozen",
    f"""CREATE TRIGGER assessments_submitted_frozen BEFORE UPDATE ON assessments
WHEN OLD.status = 'submitted' AND NOT {_RESEAL} AND (
    NEW.customer_id IS NOT OLD.customer_id OR NEW.score IS NOT OLD.score
    OR NEW.computed_grade IS NOT OLD.computed_grade OR NEW.grade IS NOT OLD.grade
    OR NEW.adjustment IS NOT OLD.adjustment OR NEW.risk_level IS NOT OLD.risk_level
    OR NEW.detail IS NOT OLD.detail OR NEW.answers IS NOT OLD.answers
    OR NEW.recommended_limit IS NOT OLD.recommended_limit
    OR NEW.scorecard_version IS NOT OLD.scorecard_version)
BEGIN
    SELECT RAISE(ABORT, 'a submitted assessment cannot be changed');
END""",
    "DROP TRIGGER assessments_decided_frozen",
    f"""CREATE TRIGGER assessments_decided_frozen BEFORE UPDATE ON assessments
WHEN OLD.status IN ('approved', 'rejected') AND (NOT {_RESEAL}
    OR NEW.status IS NOT OLD.status OR NEW.customer_id IS NOT OLD.customer_id
    OR NEW.decided_by IS NOT OLD.decided_by OR NEW.decided_at IS NOT OLD.decided_at
    OR NEW.assessor IS NOT OLD.assessor OR NEW.valid_until IS NOT OLD.valid_until)
BEGIN
    SELECT RAISE(ABORT, 'a decided assessment cannot be changed');
END""",
    "DROP TRIGGER limit_changes_decided_frozen",
    f"""CREATE TRIGGER limit_changes_decided_frozen BEFORE UPDATE ON limit_changes
WHEN OLD.status <> 'submitted' AND (NOT {_RESEAL}
    OR NEW.status IS NOT OLD.status OR NEW.customer_id IS NOT OLD.customer_id
    OR NEW.decided_by IS NOT OLD.decided_by OR NEW.requested_by IS NOT OLD.requested_by)
BEGIN
    SELECT RAISE(ABORT, 'a decided limit change cannot be changed');
END""",
    "DROP TRIGGER report_exports_frozen_update",
    f"""CREATE TRIGGER report_exports_frozen_update BEFORE UPDATE ON report_exports
WHEN NOT {_RESEAL} OR NEW.number IS NOT OLD.number OR NEW.sha256 IS NOT OLD.sha256
    OR NEW.customer_id IS NOT OLD.customer_id OR NEW.chain_hash IS NOT OLD.chain_hash
BEGIN
    SELECT RAISE(ABORT, 'report exports are immutable');
END""",
)


_TYPES = "TEXT|INTEGER|REAL|BLOB"


def _columns_end(sql: str) -> int:
    """Where a CREATE TABLE's column definitions end: before its first table constraint
    (a comma at the outer level followed by CHECK, UNIQUE, ...), else its closing
    bracket. Comments and quoted text are skipped."""
    depth, i, last_close = 0, 0, -1
    while i < len(sql):
        ch = sql[i]
        if sql.startswith("--", i):
            i = sql.find("\n", i)
            i = len(sql) if i < 0 else i
            continue
        if ch == "'":
            i = sql.index("'", i + 1) + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                last_close = i
        elif ch == "," and depth == 1:
            rest = re.sub(r"^(\s|--[^\n]*\n)*", "", sql[i + 1:])
            if re.match(r"(CONSTRAINT|PRIMARY|UNIQUE|CHECK|FOREIGN)\b", rest):
                return i
        i += 1
    return last_close


def _rebuild_sealable(db: Database, table: str, columns: tuple[str, ...]) -> None:
    """SQLite's way to change column constraints: a new table, copied, swapped in.

    The table's own text is kept but for ``NOT NULL`` on the sealable columns (a sealed
    row holds them in its token), which becomes a check that applies to clear rows only.
    Foreign keys are off meanwhile (``migrate``), so dropping the old table cascades
    nothing; its indexes and triggers are made again from their own text.
    """
    sql = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                     [table]).fetchone()[0]
    others = db.execute("SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN "
                        "('index', 'trigger') AND sql IS NOT NULL", [table]).fetchall()
    required = []
    for column in columns:
        pattern = re.compile(rf"(?<![\w.])({column}\s+(?:{_TYPES}))\s+NOT NULL")
        sql, count = pattern.subn(r"\1", sql)
        if count:
            required.append(column)
    extra = ",\n    sealed BLOB,\n    vault TEXT"
    if required:
        extra += ",\n    CHECK (sealed IS NOT NULL OR vault IS NOT NULL OR (" + " AND ".join(
            f"{c} IS NOT NULL" for c in required) + "))"
    at = _columns_end(sql)
    new_sql = re.sub(rf"^CREATE TABLE {table}\b", f"CREATE TABLE {table}_v6",
                     sql[:at] + extra + sql[at:])
    _swap(db, table, new_sql, f"{table}_v6", others)


def _swap(db: Database, table: str, new_sql: str, new_name: str, others: list) -> None:
    """Fill ``new_sql`` (a CREATE TABLE of ``new_name``) from ``table``, put it in its place
    and make its indexes and triggers (``others``) again."""
    names = [r[1] for r in db.execute(f"PRAGMA table_info({table})").fetchall()]
    db.execute(new_sql)
    listed = ", ".join(names)
    db.execute(f"INSERT INTO {new_name} ({listed}) SELECT {listed} FROM {table}")
    db.execute(f"DROP TABLE {table}")
    db.execute(f"ALTER TABLE {new_name} RENAME TO {table}")
    for (statement,) in others:
        db.execute(statement)


@migrations(name="0007_sort_key")
def m0007_sort_key(db: Database) -> None:
    """Lists by name sort on a key of their own (``customers.search.name_keys``), worked out
    here for every file in clear. A sealed file's name cannot be read here: its key is
    worked out by the catalogue, which opens it, until the file is written again."""
    from ..customers.search import name_keys
    _run_sql_file(db, "schema_v7.sql")
    keys: dict[tuple[str, str], str] = {}      # names repeat: each worked out once
    rows = db.execute("SELECT id, kind, name FROM customers "
                      "WHERE sealed IS NULL AND name IS NOT NULL").fetchall()
    updates = []
    for customer_id, kind, name in rows:
        key = keys.get((name, kind))
        if key is None:
            key = keys[(name, kind)] = name_keys(name, person=kind == "individual")[2]
        updates.append((key, customer_id))
    db.conn.executemany("UPDATE customers SET sort_key = ? WHERE id = ?", updates)


@migrations(name="0008_outcomes")
def m0008_outcomes(db: Database) -> None:
    """Outcomes and collateral records; scorecard versions approved by a second person; the
    scorecard validation report in the export register.
    Versions a manager saved before this were used without a second look: they are
    recorded as such (decided by "custdesk", the program), so assessments made with them
    stay valid and the next version needs an approval."""
    _run_sql_file(db, "schema_v8.sql")
    # The export register takes the scorecard validation report too.
    sql = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' "
                     "AND name = 'report_exports'").fetchone()[0]
    old_kinds = "CHECK (kind IN ('customer', 'reviews', 'portfolio', 'audit'))"
    if old_kinds not in sql:
        raise StoreError("report_exports: unexpected definition")
    new_sql = sql.replace(old_kinds, "CHECK (kind IN ('customer', 'reviews', 'portfolio', "
                                     "'audit', 'validation'))")
    new_sql = re.sub(r'^CREATE TABLE "?report_exports"?', 'CREATE TABLE report_exports_v8', new_sql)
    others = db.execute("SELECT sql FROM sqlite_master WHERE tbl_name = 'report_exports' AND "
                        "type IN ('index', 'trigger') AND sql IS NOT NULL").fetchall()
    _swap(db, "report_exports", new_sql, "report_exports_v8", others)
    db.execute("INSERT INTO scorecard_approvals (name, version, status, requested_by, "
               "decided_by, decided_at, decision_reason) SELECT name, version, 'approved', "
               "created_by, 'custdesk', ?, 'saved before approvals' FROM scorecards "
               "WHERE builtin = 0 AND created_by <> 'custdesk'", [clock.timestamp()])


def known_names() -> list[str]:
    return [m.name for m in migrations._migrations]


def schema_version(db: Database) -> int:
    return len(migrations.applied(db))


def check_not_newer(db: Database) -> None:
    unknown = [m.name for m in migrations.applied(db) if m.name not in known_names()]
    if unknown:
        raise StoreError(i18n.tr("store.newer", names=", ".join(unknown)))


def migrate(db: Database, path: Path | None) -> Path | None:
    """Apply pending migrations in one write transaction; return the backup made, if any."""
    check_not_newer(db)
    pending = migrations.pending(db)
    if not pending:
        return None
    backup = None
    if path is not None and migrations.applied(db):
        # Fold the WAL into the main file first, so the copy is the whole database.
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        stamp = clock.now().strftime("%Y%m%d%H%M%S")
        backup = path.with_name(f"{path.name}.before-v{len(known_names())}-{stamp}.bak")
        shutil.copy2(path, backup)
        os.chmod(backup, 0o600)
    # Foreign keys off while tables are rebuilt (SQLite cannot change this inside a
    # transaction); checked whole before the migration commits.
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        with write(db):
            migrations.apply(db)
            problems = db.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise StoreError(f"foreign keys broken by a migration: {problems[:5]}")
    finally:
        db.execute("PRAGMA foreign_keys = ON")
    return backup


def dump_schema(db: Database) -> str:
    """The schema as SQL text in a stable order: what ``db_schema.sql`` holds."""
    rows = db.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
        "AND name NOT LIKE 'sqlite_%' ORDER BY CASE type WHEN 'table' THEN 0 "
        "WHEN 'index' THEN 1 ELSE 2 END, name"
    ).fetchall()
    header = ("-- custdesk database schema after all migrations "
              f"({len(known_names())}: {known_names()[-1]}).\n"
              "-- Generated by `python -m custdesk.core.store.dump_schema`; "
              "tests/core/test_schema.py keeps it current.\n\n")
    return header + "\n\n".join(sql.strip() + ";" for _type, _name, sql in rows) + "\n"
