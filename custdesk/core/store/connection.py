"""Open an encrypted database file and run write transactions on it.

The file is SQLCipher 4 keyed with a random 256-bit raw key (no passphrase
derivation inside SQLCipher: the key slots do that). sqlite-utils wraps the
keyed connection so the rest of core gets its small API.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Iterator

import sqlcipher3
from sqlite_utils import Database

from .. import i18n
from ..errors import StoreError

BUSY_TIMEOUT_MS = 10_000

i18n.register({
    "store.wrong_key": (
        "无法读取数据库 {path}：密钥不符或文件不是 custdesk 数据库",
        "Cannot read database {path}: wrong key, or not a custdesk database",
    ),
    "store.busy": (
        "数据库正被另一程序写入，请稍后再试",
        "The database is being written by another program; try again shortly",
    ),
})

DatabaseError = sqlcipher3.DatabaseError
IntegrityError = sqlcipher3.IntegrityError
OperationalError = sqlcipher3.OperationalError


def connect(path: Path | str, key: bytes) -> Database:
    """Open ``path`` with the raw database ``key``; create it when it does not exist.

    :raises StoreError: the key does not open the file.
    """
    if len(key) != 32:
        raise ValueError("database key must be 32 bytes")
    # isolation_level=None: we issue BEGIN IMMEDIATE ourselves (see ``write``);
    # Python's implicit deferred BEGIN would fail at once under a concurrent writer.
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False,
                              timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        # The first read decrypts page 1: a wrong key fails here, before anything else.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as exc:
        conn.close()
        raise StoreError(i18n.tr("store.wrong_key", path=path)) from exc
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    return Database(conn, execute_plugins=False)


@contextlib.contextmanager
def write(db: Database) -> Iterator[Database]:
    """One write transaction that takes the write lock first (BEGIN IMMEDIATE).

    Nested calls become savepoints of the outer transaction.
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise StoreError(i18n.tr("store.busy")) from exc
        raise
    try:
        yield db
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        try:
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


def split_sql(script: str) -> list[str]:
    """Split a script into complete statements (trigger bodies hold semicolons).

    ``executescript`` is avoided because it commits any open transaction first.
    """
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--") and not buffer.strip():
            continue
        buffer += line
        if sqlcipher3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete SQL statement: {buffer.strip()[:80]}")
    return statements
