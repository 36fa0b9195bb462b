"""Restoring an office database from a backup set.

An office backup is the working copy of someone who saw every row (``backup.make_backup``):
a single-PC database file with its key slots and a signed manifest. Restoring it is making
a new office database from that file, as ``session.migrate`` makes one from a single-PC
database — the same path, so the same rows as stored, the same key slots and audit chain,
and one-time passwords for the other users (their PostgreSQL passwords are not in the
backup; each chooses their own at first login):

1. the set is checked whole with the restoring administrator's keys from the set's own
   slots (checksum, pages, structure, the audit chain against the manifest's head);
2. the copy is put in a private temporary folder with its chain head, opened, and
   ``backup.restore`` is logged in it; users disabled in the database being replaced but
   active in the backup are disabled again (new keys);
3. an existing office database of that name is refused unless ``replace``: it is then
   renamed aside (its sessions ended), the new one made under its name (``session.migrate``
   → ``session._fill``), and only then the old one dropped, with the roles of people the
   backup does not hold. When making the new one fails, it is dropped and the old one put
   back under its name.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import psycopg
from psycopg import sql

from .. import clock, i18n
from .. import restore as _single      # its messages (restore.*), placing a set
from ..errors import AccessDenied, AuthenticationFailed, CustdeskError, StoreError
from . import schema, session

i18n.register({
    "office.restore_exists": (
        "{where} 已经是 custdesk 办公室数据库：要用备份替换它，请加 --replace",
        "{where} is already a custdesk office database: to replace it with the backup, add "
        "--replace"),
    "office.restore_old_format": (
        "此备份来自按密级分别加密之前的版本：请先在单机上恢复并登录一次，再迁入办公室数据库",
        "This backup is from before keys per clearance: restore it on a single PC and log in "
        "once, then move it into an office database"),
    "office.restore_cancelled": ("已取消，未做任何改动", "Cancelled; nothing was changed"),
    "office.restore_busy": ("无法让其他连接离开 {where}，未做任何改动：请让大家先退出 custdesk",
                            "Other connections to {where} would not end; nothing was changed. "
                            "Ask everyone to close custdesk first"),
})


class Cancelled(CustdeskError):
    """The person asked to confirm the replacement said no."""


@dataclass
class OfficeRestore:
    backup: Path
    where: str
    one_time_passwords: dict[str, str] = field(default_factory=dict)
    replaced: bool = False
    disabled_again: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {"backup": str(self.backup), "where": self.where, "replaced": self.replaced,
                "one_time_passwords": dict(self.one_time_passwords),
                "disabled_again": list(self.disabled_again)}


def restore(backup_set: Path | str, url: str, user: str, password: str, *,
            replace: bool = False, confirm: Callable[[str], bool] | None = None,
            progress: Callable[[int], None] | None = None) -> OfficeRestore:
    """Make the office database at ``url`` (a superuser's address) from the backup set
    ``backup_set``, ``user`` being an active administrator in the backup with ``password``
    (their password then, which becomes their database password). See the module.

    ``confirm(where)`` is asked before an existing office database is replaced.

    :raises AuthenticationFailed: the password does not open the user's slot in the set.
    :raises AccessDenied: ``user`` is not an active administrator in the backup.
    :raises StoreError: the set fails its check; the database exists and ``replace`` is not
        given; the server refuses.
    :raises Cancelled: ``confirm`` said no (nothing was changed).
    """
    from ..access import allowed
    from ..backup import open_copy, verify_backup
    from ..desk import Desk
    from ..store.keyslots import KeySlots
    report = progress or (lambda _pct: None)
    shown = session.where(url)
    dbname = session._dbname(url)

    # 1. The set, checked whole with the restoring administrator's keys.
    found = verify_backup(backup_set)
    if not found.ok:
        raise StoreError(i18n.tr("restore.bad_backup", problems="; ".join(found.problems)))
    slots = KeySlots.load(found.database)
    if slots.format == 1:
        raise StoreError(i18n.tr("office.restore_old_format"))
    personal = slots.unlock_personal(user, password)
    if personal is None:
        raise AuthenticationFailed()
    file_keys = slots.file_keys(personal)
    if not file_keys:
        raise AuthenticationFailed(i18n.tr("keys.no_file_key"))
    found = verify_backup(found.database, file_keys[0][1], root=personal.root)
    if not found.ok:
        raise StoreError(i18n.tr("restore.bad_backup", problems="; ".join(found.problems)))
    conn = open_copy(found.database, file_keys[0][1])
    try:
        row = conn.execute("SELECT role, active FROM users WHERE name = ?", [user]).fetchone()
    finally:
        conn.close()
    if row is None or not row[1] or not allowed(row[0], "user.manage"):
        raise AccessDenied(i18n.tr("restore.not_in_backup", user=user))
    report(20)

    # What is there now: an office database to replace (its people), or none.
    old = _existing(url, dbname)
    if old is not None:
        if not replace:
            raise StoreError(i18n.tr("office.restore_exists", where=shown))
        if confirm is not None and not confirm(shown):
            raise Cancelled(i18n.tr("office.restore_cancelled"))

    folder = session._workdir()
    disabled_again: list[str] = []
    try:
        # 2. The copy beside its slots and chain head, the restore logged in it.
        copy = folder / "restored.db"
        _single.place_set(found, copy)
        head = found.manifest["audit_head"]
        with Desk._login(copy, personal, file_keys, daily_check=False, quick_check=True,
                         audit_login=False) as desk:
            desk.accept_rewound()
            with desk.writing():
                desk.audit.append("backup.restore", found.name, summary={
                    "backup": str(found.database), "sha256": found.manifest["sha256"],
                    "backup_made": found.manifest["created_at"],
                    "backup_head": head.get("seq"), "office": shown,
                    "replaced": old is not None})
            for name in sorted(old["disabled"] if old else ()):
                if any(u.name == name and u.active for u in desk.users.list()):
                    desk.users.disable(name)
                    disabled_again.append(name)
            desk.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        report(50)

        # 3. The office database made from it (the old one set aside meanwhile).
        aside = _set_aside(url, dbname) if old is not None else None
        try:
            passwords = session.migrate(copy, url, user, password)
        except BaseException:
            if aside is not None:
                _put_back(url, dbname, aside)
            raise
        report(90)
        if aside is not None:
            _drop_old(url, dbname, aside, old["roles"])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    report(100)
    return OfficeRestore(found.database, shown, passwords, old is not None,
                         tuple(disabled_again))


def _existing(url: str, dbname: str) -> dict | None:
    """The office database at ``url`` as it is: its people's roles and who is disabled;
    None when there is no such database or it is not an office database."""
    with session.connect(url, dbname="postgres") as maint:
        if maint.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                         [dbname]).fetchone() is None:
            return None
    with session.connect(url) as conn:
        if conn.execute("SELECT to_regclass('office_meta')").fetchone()[0] is None:
            return None
        people = conn.execute("SELECT user_name, db_role, active FROM office_people").fetchall()
    return {"roles": {r for _n, r, _a in people},
            "disabled": {n for n, _r, active in people if not active}}


def _end_sessions(maint, dbname: str) -> None:
    maint.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                  "WHERE datname = %s AND pid <> pg_backend_pid()", [dbname])


def _set_aside(url: str, dbname: str) -> str:
    """Rename the office database aside (its sessions ended first); return the new name."""
    stamp = clock.now().astimezone().strftime("%Y%m%d%H%M%S")
    aside = f"{dbname[:30]}_before_restore_{stamp}"
    q = sql.Identifier
    with session.connect(url, dbname="postgres") as maint:
        maint.execute(sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS false").format(q(dbname)))
        for _attempt in range(50):
            _end_sessions(maint, dbname)
            try:
                maint.execute(sql.SQL("ALTER DATABASE {} RENAME TO {}").format(q(dbname),
                                                                               q(aside)))
                return aside
            except psycopg.errors.ObjectInUse:
                time.sleep(0.1)
        maint.execute(sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS true").format(q(dbname)))
    raise StoreError(i18n.tr("office.restore_busy", where=session.where(url)))


def _put_back(url: str, dbname: str, aside: str) -> None:
    """Making the new database failed: it goes, the old one comes back under its name."""
    q = sql.Identifier
    with session.connect(url, dbname="postgres") as maint:
        maint.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(q(dbname)))
        maint.execute(sql.SQL("ALTER DATABASE {} RENAME TO {}").format(q(aside), q(dbname)))
        maint.execute(sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS true").format(q(dbname)))


def _drop_old(url: str, dbname: str, aside: str, old_roles: set[str]) -> None:
    """The new database is in place: the old one goes, with the roles of people the
    backup does not hold (a role left in a group could still connect)."""
    q = sql.Identifier
    with session.connect(url) as conn:
        kept = {r for (r,) in conn.execute("SELECT db_role FROM office_people")}
    names = schema.Names(dbname)
    from ..access import ROLES
    with session.connect(url, dbname="postgres") as maint:
        maint.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(q(aside)))
        for role in sorted(old_roles - kept):
            try:
                maint.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(q(role)))
            except psycopg.Error:
                # Still holding something elsewhere in the cluster: it no longer logs in,
                # nor belongs to the groups.
                maint.execute(sql.SQL("ALTER ROLE {} NOLOGIN").format(q(role)))
                for group in ROLES:
                    maint.execute(sql.SQL("REVOKE {} FROM {}").format(
                        q(names.group(group)), q(role)))
