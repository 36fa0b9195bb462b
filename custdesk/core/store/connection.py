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
# SQLite's page cache per connection. SQLCipher decrypts and checks every page it reads,
# so a page kept in the cache is a page not decrypted again: with 100,000 customers the
# list's searches touch tens of MB of pages, and the library's default (8 MB) made a
# keystroke's p95 miss its 30 ms. The cache fills only as pages are read.
CACHE_MIB = 64

i18n.register({
    "store.wrong_key": (
        "无法读取数据库 {path}：密钥不符或文件不是 custdesk 数据库",
        "Cannot read database {path}: wrong key, or not a custdesk database",
    ),
    "store.busy": (
        "数据库正被另一程序写入，请稍后再试",
        "The database is being written by another program; try again shortly",
    ),
    "store.cannot_open": (
        "无法打开数据库 {path}：{error}。文件夹是否只读、没有权限或磁盘已满？数据库本身未被改动",
        "Cannot open the database {path}: {error}. Is its folder read-only or not yours, or the "
        "disk full? The database itself was not changed",
    ),
    "store.full": (
        "磁盘已满，未能保存：这次修改没有写入任何内容，之前的数据完好。请腾出空间后重试",
        "The disk is full: nothing of this change was written and the data saved before is "
        "intact. Free some space and try again",
    ),
    "store.cannot_write": (
        "无法写入数据库（{error}）：这次修改没有写入任何内容，之前的数据完好。文件夹是否只读？",
        "Cannot write to the database ({error}): nothing of this change was written and the "
        "data saved before is intact. Is the folder read-only?",
    ),
})

DatabaseError = sqlcipher3.DatabaseError
IntegrityError = sqlcipher3.IntegrityError
OperationalError = sqlcipher3.OperationalError

# SQLite's answers that mean the file system said no — a read-only or full disk, a
# missing permission, an I/O error — as opposed to "not this key" or "damaged" (NOTADB,
# CORRUPT). The file itself is fine then, and must never be reported as damaged (the
# cure offered for damage, restoring a backup over it, would lose work).
_REFUSALS = ("SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_PERM", "SQLITE_IOERR", "SQLITE_FULL")


class FileRefused(StoreError):
    """The file system refused to open or write the database (see ``_REFUSALS``)."""

    full = False          # the disk is full (reading still works)


# SQLite's own texts for the same codes, for errors that carry no code (the backup API's).
_REFUSAL_TEXTS = ("unable to open database file", "attempt to write a readonly database",
                  "access permission denied", "disk i/o error", "database or disk is full")


def _is_full(exc: BaseException) -> bool:
    return ((getattr(exc, "sqlite_errorname", None) or "").startswith("SQLITE_FULL")
            or "database or disk is full" in str(exc).lower())


def refused(exc: BaseException) -> bool:
    """Whether ``exc`` is SQLite reporting a file-system refusal rather than damage."""
    if not isinstance(exc, DatabaseError):
        return False
    name = getattr(exc, "sqlite_errorname", None)
    if name:
        return name.startswith(_REFUSALS)
    return str(exc).lower().startswith(_REFUSAL_TEXTS)


def _write_refusal(exc: BaseException) -> FileRefused:
    if _is_full(exc):
        refusal = FileRefused(i18n.tr("store.full"))
        refusal.full = True
        return refusal
    return FileRefused(i18n.tr("store.cannot_write", error=exc))


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
        # SQLCipher's own log goes to stderr, a line per bad page: it would bury the one
        # message that says what is wrong with a damaged file and what to do.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        # The first read decrypts page 1: a wrong key fails here, before anything else.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as exc:
        conn.close()
        if refused(exc):
            raise FileRefused(i18n.tr("store.cannot_open", path=path, error=exc)) from exc
        raise StoreError(i18n.tr("store.wrong_key", path=path)) from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute(f"PRAGMA cache_size = {-1024 * CACHE_MIB}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except DatabaseError as exc:
        conn.close()
        if refused(exc):
            raise FileRefused(i18n.tr("store.cannot_open", path=path, error=exc)) from exc
        raise
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
    office = getattr(db, "office", None)
    if office is not None:
        # A working copy of an office database: the server's transaction around the
        # copy's (office.mirror).
        with office.transaction(db, _local_write):
            yield db
        return
    with _local_write(db):
        yield db


@contextlib.contextmanager
def _local_write(db: Database) -> Iterator[Database]:
    conn = db.conn
    try:
        conn.execute("BEGIN IMMEDIATE")
    except OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise StoreError(i18n.tr("store.busy")) from exc
        if refused(exc):
            raise _write_refusal(exc) from exc
        raise
    try:
        yield db
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if refused(exc):      # a full or read-only disk: said plainly, nothing was written
            raise _write_refusal(exc) from exc
        raise
    else:
        try:
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if refused(exc):
                raise _write_refusal(exc) from exc
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
