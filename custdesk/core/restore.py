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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import clock, i18n
from .access import allowed
from .audit import canonical, head_path
from .backup import copy_file, open_copy, verify_backup
from .changes import AREAS, Changes
from .errors import AccessDenied, AuthenticationFailed, CustdeskError, StoreError
from .files import write_atomic
from .store import connection, keyslots, migrations
from .store.keyslots import KeySlots, _fsync_dir, slots_path

i18n.register({
    "restore.bad_backup": ("无法恢复：{problems}", "Cannot restore: {problems}"),
    "restore.what": ("恢复备份", "restoring a backup"),
    "restore.not_in_backup": ("用户 {user} 在此备份中不是在用的管理员",
                              "{user} is not an active administrator in this backup"),
    "restore.not_now": ("用户 {user} 现在不是在用的管理员（已停用或权限已变），不能恢复备份",
                        "{user} is not an active administrator now (disabled, or no longer an "
                        "administrator) and cannot restore a backup"),
    "restore.after_check": ("恢复后的数据库未通过检查（{detail}），已放回原数据库",
                            "The restored database failed its check ({detail}); the previous "
                            "database was put back"),
    "restore.no_key": ("恢复需要用户名和密码", "restoring needs a user name and password"),
})

COMPANIONS = ("", "-wal", "-shm", ".keys", ".audit-head")


@dataclass(frozen=True)
class RestoreResult:
    backup: Path
    set_aside: list[Path]          # the previous files, as they are now named
    audit_seq: int                 # the backup.restore entry in the restored database
    disabled_again: tuple[str, ...] = ()   # active in the backup, disabled before the restore
    # Every area: the whole database is the backup's now.
    changes: Changes = field(default_factory=lambda: Changes.of(*AREAS))

    def as_dict(self) -> dict:
        return {"backup": str(self.backup), "set_aside": [str(p) for p in self.set_aside],
                "audit_seq": self.audit_seq, "disabled_again": list(self.disabled_again)}


def place_set(found, db_path: Path) -> None:
    """A backup set's database and key slots at ``db_path``, with the chain head its
    manifest states (or the checkpoint it carries) beside them."""
    copy_file(found.database, db_path)
    copy_file(found.keys, slots_path(db_path))
    head = found.manifest["audit_head"]
    point = found.manifest.get("checkpoint")
    if head.get("seq"):
        write_atomic(head_path(db_path), canonical(
            point or {"seq": head["seq"], "hash": head["hash"]}))


def _current_admin(db_path: Path, user: str, password: str) -> set[str]:
    """Check that ``user`` is an active administrator of the database as it is now; return
    the users disabled in it. A disabled user has no slot in the current key file, so an
    older backup in which they were still active cannot be put back by them.

    When the current database cannot be opened (the usual reason to restore), the key file
    alone must still hold the user's slot and their password must open it.
    """
    from .desk import Desk, check_backoff
    if not slots_path(db_path).exists():
        return set()
    slots = KeySlots.load(db_path)
    check_backoff(slots, user, db_path)
    if slots.format == 1:
        if slots.unlock(user, password) is None:
            _failed(db_path, user)
        return set()
    personal = slots.unlock_personal(user, password)
    if personal is None:
        _failed(db_path, user)
    try:
        with Desk._login(db_path, personal, slots.file_keys(personal), daily_check=False,
                         quick_check=False, audit_login=False) as desk:
            if not desk.access.can("user.manage"):
                raise AccessDenied(i18n.tr("restore.not_now", user=user))
            return {u.name for u in desk.users.list() if not u.active}
    except AccessDenied:
        raise
    except (CustdeskError, connection.DatabaseError, OSError):
        return set()       # damaged: the slot (checked above) is what proves the user current


def _failed(db_path: Path, user: str) -> None:
    with keyslots.locked(db_path) as fresh:
        fresh.record_failure(user, clock.timestamp())
    raise AuthenticationFailed()


def _backup_keys(db_path: Path, backup_db: Path, user: str, password: str):
    """(personal keys or None for a backup from before keys per clearance, file keys) that
    ``password`` opens in the backup's key slots."""
    slots = KeySlots.load(backup_db)
    if slots.format == 1:
        key = slots.unlock(user, password)
        if key is None:
            _failed(db_path, user) if slots_path(db_path).exists() else None
            raise AuthenticationFailed()
        return None, [(0, key)]
    personal = slots.unlock_personal(user, password)
    if personal is None:
        _failed(db_path, user) if slots_path(db_path).exists() else None
        raise AuthenticationFailed()
    return personal, slots.file_keys(personal)


def restore(db_path: Path | str, backup: Path | str, *, user: str, password: str | None = None,
            backup_password: str | None = None,
            progress: Callable[[int], None] | None = None) -> RestoreResult:
    """Replace the database at ``db_path`` with the backup set at ``backup``.

    ``user`` must be an active administrator now (their current ``password``) and in the
    backup (``backup_password``, their password as it was then; default the same). Users
    disabled now but active in the backup are disabled again in the restored database
    (new keys, new file key). A backup from before keys per clearance is put back as it
    was and converted at the next administrator's login. Close every desk on the database
    first.

    :raises AuthenticationFailed: a password does not open the current or the backup's slot.
    :raises AccessDenied: ``user`` is not an administrator now, or in the backup.
    :raises StoreError: the backup fails its check, or the restored copy does (the
        previous database is then back in place).
    """
    from .desk import Desk
    db_path = Path(db_path)
    report = progress or (lambda _pct: None)
    if password is None:
        raise AuthenticationFailed(i18n.tr("restore.no_key"))
    found = verify_backup(backup)          # cheap part first: files and checksum
    if not found.ok:
        raise StoreError(i18n.tr("restore.bad_backup", problems="; ".join(found.problems)))
    disabled_now = _current_admin(db_path, user, password)
    personal, file_keys = _backup_keys(db_path, found.database, user,
                                       backup_password or password)
    key = file_keys[0][1] if file_keys else b""
    report(10)
    found = verify_backup(found.database, key, root=personal.root if personal else None)
    if not found.ok:
        raise StoreError(i18n.tr("restore.bad_backup", problems="; ".join(found.problems)))
    report(40)
    # The restoring user must be an administrator in what is restored.
    conn = open_copy(found.database, key)
    try:
        row = conn.execute("SELECT name, role, active FROM users WHERE name = ?",
                           [user]).fetchone()
    finally:
        conn.close()
    if row is None or not row[2] or not allowed(row[1], "user.manage"):
        raise AccessDenied(i18n.tr("restore.not_in_backup", user=user))

    stamp = clock.now().astimezone().strftime("%Y%m%d-%H%M%S")
    aside_base = db_path.with_name(f"{db_path.name}.before-restore-{stamp}")
    n = 1
    while any(Path(str(aside_base) + s).exists() for s in COMPANIONS):
        n += 1
        aside_base = db_path.with_name(f"{db_path.name}.before-restore-{stamp}-{n}")
    moved: list[tuple[Path, Path]] = []
    placed: list[Path] = []
    db = desk = None
    disabled_again: list[str] = []
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
            place_set(found, db_path)
            head = found.manifest["audit_head"]
            report(75)
            # 3. Open, check and log the restore in the restored database.
            placed += [Path(str(db_path) + "-wal"), Path(str(db_path) + "-shm")]
            if personal is None:
                # From before keys per clearance: checked, and converted at the next login.
                db = connection.connect(db_path, key)
                migrations.migrate(db, db_path)
                rows = db.execute("PRAGMA quick_check").fetchall()
                if rows != [("ok",)]:
                    raise StoreError(i18n.tr("restore.after_check", detail=rows[0][0]))
                db.close()
                db = None
                seq = 0
            else:
                desk = Desk._login(db_path, personal, file_keys, daily_check=False,
                                   quick_check=True, audit_login=False)
                # The restored log is behind what its users had checked: that is the restore.
                desk.accept_rewound()
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
                desk.close()
                desk = None
        except BaseException as exc:
            if desk is not None:
                desk.close()
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
    if personal is not None and disabled_now:
        # Who was disabled before the restore is disabled again (outside the slot lock,
        # which disabling takes itself): new level keys, a new file key.
        slots = KeySlots.load(db_path)
        with Desk._login(db_path, personal, slots.file_keys(personal), daily_check=False,
                         quick_check=False, audit_login=False) as desk:
            for name in sorted(disabled_now):
                if any(u.name == name and u.active for u in desk.users.list()):
                    desk.users.disable(name)
                    disabled_again.append(name)
    report(100)
    return RestoreResult(found.database, [aside for _current, aside in moved], seq,
                         tuple(disabled_again))
