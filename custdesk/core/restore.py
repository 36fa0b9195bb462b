"""Putting a backup set back in place of the database.

The backup is checked whole first (manifest, checksum, pages, structure,
audit chain) with the key. Then the current database and its companions
(``-wal``, ``-shm``, ``.keys``, ``.audit-head``) are moved aside to
``<db>.before-restore-TIMESTAMP…``, the copy is put in place (temporary
name, fsync, rename) with its key slots, the chain head file is written from
the manifest, the restored database is opened and checked, and
``backup.restore`` is logged in it. If anything fails on the way, what was
put in place is removed and the files set aside go back.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import clock, i18n
from .access import allowed
from .audit import canonical, head_path
from .backup import copy_file, verify_backup
from .errors import AccessDenied, AuthenticationFailed, StoreError
from .store import connection, keyslots, migrations
from .store.keyslots import KeySlots, _fsync_dir, slots_path, write_atomic

i18n.register({
    "restore.bad_backup": ("无法恢复：{problems}", "Cannot restore: {problems}"),
    "restore.what": ("恢复备份", "restoring a backup"),
    "restore.not_in_backup": ("用户 {user} 在此备份中不是在用的管理员",
                              "{user} is not an active administrator in this backup"),
    "restore.after_check": ("恢复后的数据库未通过检查（{detail}），已放回原数据库",
                            "The restored database failed its check ({detail}); the previous "
                            "database was put back"),
    "restore.no_key": ("恢复需要密钥，或用户名和密码", "restoring needs the key, or a user name "
                       "and password"),
})

COMPANIONS = ("", "-wal", "-shm", ".keys", ".audit-head")


@dataclass(frozen=True)
class RestoreResult:
    backup: Path
    set_aside: list[Path]          # the previous files, as they are now named
    audit_seq: int                 # the backup.restore entry in the restored database

    def as_dict(self) -> dict:
        return {"backup": str(self.backup), "set_aside": [str(p) for p in self.set_aside],
                "audit_seq": self.audit_seq}


def _unlock(db_path: Path, backup_db: Path, user: str, password: str) -> bytes:
    """The database key from the backup's key slots, with the back-off of normal logins."""
    from .desk import check_backoff
    current = db_path.exists() and slots_path(db_path).exists()
    if current:
        check_backoff(KeySlots.load(db_path), user)
    key = KeySlots.load(backup_db).unlock(user, password)
    if key is None:
        if current:
            with keyslots.locked(db_path) as fresh:
                fresh.record_failure(user, clock.timestamp())
        raise AuthenticationFailed()
    return key


def restore(db_path: Path | str, backup: Path | str, *, user: str, password: str | None = None,
            key: bytes | None = None, progress: Callable[[int], None] | None = None
            ) -> RestoreResult:
    """Replace the database at ``db_path`` with the backup set at ``backup``.

    ``user`` must be an active administrator in the backup; they prove it with their
    ``password`` (checked against the backup's key slots), or the caller, already
    holding the open database as that user, passes the ``key``. Close every desk on
    the database first.

    :raises AuthenticationFailed: the password does not open the backup.
    :raises AccessDenied: ``user`` is not an administrator in the backup.
    :raises StoreError: the backup fails its check, or the restored copy does (the
        previous database is then back in place).
    """
    from .desk import Desk, User
    db_path = Path(db_path)
    report = progress or (lambda _pct: None)
    found = verify_backup(backup)          # cheap part first: files and checksum
    if not found.ok:
        raise StoreError(i18n.tr("restore.bad_backup", problems="; ".join(found.problems)))
    if key is None:
        if password is None:
            raise AuthenticationFailed(i18n.tr("restore.no_key"))
        key = _unlock(db_path, found.database, user, password)
    report(10)
    found = verify_backup(found.database, key)
    if not found.ok:
        raise StoreError(i18n.tr("restore.bad_backup", problems="; ".join(found.problems)))
    report(40)
    # The restoring user must be an administrator in what is restored.
    from .backup import open_copy
    conn = open_copy(found.database, key)
    try:
        row = conn.execute("SELECT name, role, clearance, full_name, active FROM users "
                           "WHERE name = ?", [user]).fetchone()
    finally:
        conn.close()
    if row is None or not row[4] or not allowed(row[1], "user.manage"):
        raise AccessDenied(i18n.tr("restore.not_in_backup", user=user))

    stamp = clock.now().astimezone().strftime("%Y%m%d-%H%M%S")
    aside_base = db_path.with_name(f"{db_path.name}.before-restore-{stamp}")
    n = 1
    while any(Path(str(aside_base) + s).exists() for s in COMPANIONS):
        n += 1
        aside_base = db_path.with_name(f"{db_path.name}.before-restore-{stamp}-{n}")
    moved: list[tuple[Path, Path]] = []
    placed: list[Path] = []
    db = None
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock = db_path.with_name(db_path.name + ".keys.lock")
    with keyslots._file_lock(lock):
        try:
            # 1. Set the current files aside (all of them, so nothing is mixed).
            for suffix in COMPANIONS:
                current = Path(str(db_path) + suffix)
                if current.exists():
                    aside = Path(str(aside_base) + suffix)
                    os.replace(current, aside)
                    moved.append((current, aside))
            _fsync_dir(db_path.parent)
            report(50)
            # 2. The copy and its key slots in place; the chain head from the manifest.
            placed += [db_path, slots_path(db_path), head_path(db_path)]
            copy_file(found.database, db_path)
            copy_file(found.keys, slots_path(db_path))
            head = found.manifest["audit_head"]
            if head.get("seq"):
                write_atomic(head_path(db_path), canonical({"seq": head["seq"],
                                                            "hash": head["hash"]}))
            report(75)
            # 3. Open, check and log the restore in the restored database.
            placed += [Path(str(db_path) + "-wal"), Path(str(db_path) + "-shm")]
            db = connection.connect(db_path, key)
            migrations.migrate(db, db_path)
            rows = db.execute("PRAGMA quick_check").fetchall()
            if rows != [("ok",)]:
                raise StoreError(i18n.tr("restore.after_check", detail=rows[0][0]))
            desk = Desk(db_path, db, key, User(row[0], row[1], row[2], row[3]))
            if not desk.audit.head_consistent():
                raise StoreError(i18n.tr("restore.after_check", detail="audit head"))
            with desk.writing():
                seq = desk.audit.append("backup.restore", found.name, summary={
                    "backup": str(found.database), "sha256": found.manifest["sha256"],
                    "backup_made": found.manifest["created_at"],
                    "backup_head": head.get("seq"),
                    "set_aside": aside_base.name if moved else None})
            result = desk.audit.verify()
            if not result.ok:
                raise StoreError(i18n.tr("restore.after_check", detail=result.message))
            db.close()
            db = None
        except BaseException as exc:
            if db is not None:
                db.close()
            for path in placed:
                path.unlink(missing_ok=True)
            for current, aside in reversed(moved):
                os.replace(aside, current)
            _fsync_dir(db_path.parent)
            if isinstance(exc, connection.DatabaseError):
                raise StoreError(i18n.tr("restore.after_check", detail=exc)) from exc
            raise
    report(100)
    return RestoreResult(found.database, [aside for _current, aside in moved], seq)
