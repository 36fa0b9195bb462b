"""Desk: one open database, for one logged-in user, with one manager per area.

Every call through a desk is made as its user, so access checks in core cannot
be bypassed by the window, the command line or a report.
"""

from __future__ import annotations

import contextlib
import math
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterator

from . import clock, i18n, integrity
from .access import Access
from .audit import AuditLog, head_path
from .errors import AuthenticationFailed, LoginThrottled, StoreError
from .fields import DEFAULT_FIELD_LEVELS, LEVELS
from .store import connection, migrations
from .store import keyslots
from .store.keyslots import KeySlots, slots_path

i18n.register({
    "desk.exists": ("{path} 已存在，不会覆盖", "{path} already exists and will not be overwritten"),
    "desk.missing": ("找不到数据库 {path}", "No database at {path}"),
    "desk.no_slots": ("找不到密钥文件 {path}，无法打开数据库", "Key slot file {path} is missing; "
                      "the database cannot be opened"),
    "desk.bad_recovery": ("恢复密钥不正确", "The recovery key is not correct"),
})

# Failed logins before a wait is imposed, and the wait's growth (seconds).
FREE_ATTEMPTS = 3
BACKOFF_FIRST = 5
BACKOFF_MAX = 300


def backoff_seconds(failures: int) -> int:
    """How long a user must wait after ``failures`` consecutive failed logins."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(BACKOFF_FIRST * 2 ** (failures - FREE_ATTEMPTS), BACKOFF_MAX)


def check_backoff(slots: KeySlots, user: str) -> None:
    """Refuse at once, without trying the password, while ``user`` must still wait.

    :raises LoginThrottled: with the seconds left.
    """
    failures = slots.failures(user)
    wait = backoff_seconds(failures["count"])
    if wait and failures["last"]:
        last = datetime.fromisoformat(failures["last"].replace("Z", "+00:00"))
        remaining = wait - (clock.now() - last).total_seconds()
        if remaining > 0:
            raise LoginThrottled(math.ceil(remaining))


@dataclass(frozen=True)
class User:
    name: str
    role: str
    clearance: int
    full_name: str = ""

    @property
    def display(self) -> str:
        return self.full_name or self.name


class Desk:
    """An open customer-file database. Use ``Desk.create`` or ``Desk.open``."""

    def __init__(self, path: Path, db, key: bytes, user: User):
        self.path = path
        self.db = db
        self.key = key
        self.user = user
        self._pending_head: tuple[int, str] | None = None
        # The quick check still running in the background, when Desk.open left it there.
        self._open_check: integrity.OpenCheck | None = None
        # Whether this session may move the chain head kept outside (see AuditLog.head_consistent).
        self.head_trusted = True
        self.access = Access(self)
        self.audit = AuditLog(self)
        # Imported here: the managers import Desk-level helpers from this module.
        from .customers.archive import CustomerArchive
        from .customers.documents import DocumentStore
        from .customers.records import RecordManager
        from .exports import Exports
        from .privacy import Privacy
        from .grading.assessments import Grading
        from .reviews import Reviews
        from .warnings import Warnings
        from .settings import Settings
        from .users import UserManager
        self.customers = CustomerArchive(self)
        self.records = RecordManager(self)
        self.documents = DocumentStore(self)
        self.users = UserManager(self)
        self.settings = Settings(self)
        self.grading = Grading(self)
        self.reviews = Reviews(self)
        self.warnings = Warnings(self)
        self.exports = Exports(self)
        self.privacy = Privacy(self)

    # -- opening ----------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path | str, admin: str, password: str,
               firm: str = "", full_name: str = "") -> tuple["Desk", str]:
        """Create a new database with its first (admin) user; return it and the recovery key."""
        from .users import check_password, check_user_name
        path = Path(path)
        for existing in (path, slots_path(path)):
            if existing.exists():
                raise StoreError(i18n.tr("desk.exists", path=existing))
        admin = check_user_name(admin)
        check_password(password)
        key = secrets.token_bytes(32)
        db = None
        try:
            with keyslots.locked(path, create=True) as slots:
                slots.set_password(admin, password, key)
                recovery = slots.new_recovery_key(key)
                db = connection.connect(path, key)
                desk = cls._initialise(path, db, key, admin, firm, full_name)
            return desk, recovery
        except BaseException:
            if db is not None:
                db.close()
            for leftover in (path, slots_path(path), head_path(path), Path(str(path) + "-wal"),
                             Path(str(path) + "-shm"), Path(str(path) + ".keys.lock")):
                leftover.unlink(missing_ok=True)
            raise

    @classmethod
    def _initialise(cls, path: Path, db, key: bytes, admin: str, firm: str,
                    full_name: str) -> "Desk":
        migrations.migrate(db, None)
        now = clock.timestamp()
        user = User(admin, "admin", len(LEVELS) - 1, full_name)
        desk = cls(path, db, key, user)
        with desk.writing():
            db["settings"].insert_all([
                {"key": "firm_name", "value": firm.strip()},
                {"key": "database_id", "value": secrets.token_hex(8)},
                {"key": "created_at", "value": now},
            ])
            db["users"].insert({"name": admin, "full_name": full_name, "role": "admin",
                                "clearance": user.clearance, "active": 1, "created_at": now})
            db["field_levels"].insert_all(
                {"field": k, "level": LEVELS.index(v)} for k, v in DEFAULT_FIELD_LEVELS.items())
            desk.audit.append("database.create", str(path.name), summary={"firm": firm.strip()})
            desk.audit.append("user.add", admin, summary={"role": "admin",
                                                          "clearance": LEVELS[-1]})
            desk.grading.library.install_shipped()
        return desk

    @classmethod
    def open(cls, path: Path | str, user: str, password: str, *, daily_check: bool = True,
             quick_check: bool | None = None) -> "Desk":
        """Log ``user`` in and open the database.

        With ``daily_check`` the first login of a day checks every file's warnings before
        returning; the window passes False and runs ``desk.warnings.daily()`` in the
        background once it is shown.

        ``quick_check`` (default: True unless ``integrity.check_in_background()`` was called)
        reads every page before returning; False starts it on a thread of its own instead,
        whose verdict ``desk.open_check()`` gives and which every write waits for.

        :raises LoginThrottled: too many recent failures; wait and try again.
        :raises AuthenticationFailed: wrong user name or password (logged).
        """
        path = Path(path)
        slots = cls._load_slots(path)
        check_backoff(slots, user)
        key = slots.unlock(user, password)
        if key is None:
            with keyslots.locked(path) as fresh:
                fresh.record_failure(user, clock.timestamp())
            raise AuthenticationFailed()
        try:
            db = connection.connect(path, key)
        except connection.FileRefused:
            raise        # a read-only folder or a full disk is not damage
        except StoreError as exc:
            # The slot gave a key, so the file is damaged (or belongs to other slots).
            raise integrity.damaged(path, i18n.tr("integrity.key_mismatch")) from exc
        desk = None
        background = integrity.in_background() if quick_check is None else not quick_check
        try:
            # A file about to be migrated is always checked first: the migration copies it.
            if not background or migrations.schema_version(db) < len(migrations.known_names()):
                integrity.quick_check(db, path)
                background = False
            migrations.migrate(db, path)
            row = db.execute("SELECT name, role, clearance, full_name, active FROM users "
                             "WHERE name = ?", [user]).fetchone()
            if row is None or not row[4]:
                raise AuthenticationFailed()
            desk = cls(path, db, key, User(row[0], row[1], row[2], row[3]))
            desk.head_trusted = desk.audit.head_consistent()
            # Failures waiting to be logged leave the slot file only when their
            # audit entries commit: both happen under the slot lock.
            with keyslots.locked(path) as fresh, desk.writing():
                for failure in fresh.take_pending_failures():
                    desk.audit.append("login.failed", failure["user"], user=failure["user"],
                                      summary={"at": failure["at"]})
                desk.audit.append("login", user)
                desk.grading.library.install_shipped()
                fresh.clear_failures(user)
                if fresh.dirty:
                    fresh.save()
            if background:
                # Started after the login's own small write (the one write made before the
                # verdict: a damaged page it touches fails it loudly); later writes wait.
                desk._open_check = integrity.OpenCheck(path, key)
            if daily_check:
                desk.warnings.daily()
        except connection.DatabaseError as exc:
            if desk is not None and desk._open_check is not None:
                desk._open_check.stop()
            db.close()
            # With the check left to the background, damage may first show in the login's
            # own reads and write: said as damage, with the newest good backup, all the same.
            if background and not connection.refused(exc) and not integrity._is_busy(exc):
                raise integrity.damaged(path, i18n.tr("integrity.not_readable", error=exc)) \
                    from exc
            raise
        except BaseException:
            if desk is not None and desk._open_check is not None:
                desk._open_check.stop()
            db.close()
            raise
        return desk

    @classmethod
    def recover(cls, path: Path | str, recovery_key: str, user: str, new_password: str) -> "Desk":
        """Set a new password for ``user`` with the recovery key; return the desk opened as them."""
        from .users import check_password
        path = Path(path)
        check_password(new_password)
        key = cls._load_slots(path).unlock_recovery(recovery_key)
        if key is None:
            raise AuthenticationFailed(i18n.tr("desk.bad_recovery"))
        db = connection.connect(path, key)
        try:
            migrations.migrate(db, path)
            row = db.execute("SELECT name, role, clearance, full_name FROM users "
                             "WHERE name = ? AND active = 1", [user]).fetchone()
            if row is None:
                from .errors import NotFound
                raise NotFound(user)
            desk = cls(path, db, key, User(*row))
            desk.head_trusted = desk.audit.head_consistent()
            with keyslots.locked(path) as slots, desk.writing():
                desk.audit.append("user.recover", user)
                slots.set_password(user, new_password, key)
                slots.clear_failures(user)
                slots.save()
        except BaseException:
            db.close()
            raise
        return desk

    @staticmethod
    def _load_slots(path: Path) -> KeySlots:
        if not path.exists():
            raise StoreError(i18n.tr("desk.missing", path=path))
        if not slots_path(path).exists():
            raise StoreError(i18n.tr("desk.no_slots", path=slots_path(path)))
        return KeySlots.load(path)

    def slots(self):
        """The key slots under their lock, for a change (see ``keyslots.locked``)."""
        return keyslots.locked(self.path)

    def verify_password(self, password: str) -> bool:
        """Check this desk's user's password again (unlocking a window locked while idle).

        Failures count towards the same back-off as failed logins, and each
        attempt is audited ("unlock" or "unlock.failed").

        :raises LoginThrottled: too many recent failures; wait and try again.
        """
        name = self.user.name
        slots = KeySlots.load(self.path)
        check_backoff(slots, name)
        ok = slots.unlock(name, password) is not None     # the slow part, outside the lock
        with keyslots.locked(self.path) as fresh, self.writing():
            if ok:
                fresh.clear_failures(name)
            else:
                at = clock.timestamp()
                fresh.record_failure(name, at)
                # The failure is audited right here; left pending as well, it would
                # be logged a second time (as a failed login) at the next login.
                pending = fresh.data["pending_failures"]
                if pending and pending[-1] == {"user": name, "at": at}:
                    pending.pop()
            self.audit.append("unlock" if ok else "unlock.failed", name)
            if fresh.dirty:
                fresh.save()
        return ok

    def open_check(self, timeout: float | None = None) -> None:
        """Wait for the quick check Desk.open left running, if any.

        :raises integrity.DatabaseDamaged: the file is damaged (the message names the
            newest good backup); every write raises it too from then on.
        """
        if self._open_check is not None:
            self._open_check.wait(timeout)

    # -- transactions -----------------------------------------------------------------
    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """One mutation: BEGIN IMMEDIATE ... COMMIT; then the chain head goes outside."""
        outermost = not self.db.conn.in_transaction
        if outermost:
            # Nothing is written to a file whose open check has not passed.
            self.open_check()
            self._pending_head = None
        with connection.write(self.db):
            yield
        if outermost and self._pending_head is not None:
            if self.head_trusted:
                try:
                    self.audit.write_head(*self._pending_head)
                except OSError:
                    # The change is committed; only the copy of the chain head outside
                    # could not be written (a full disk). Raising would report a saved
                    # change as failed. A head behind the log is what a crash leaves too
                    # (verify accepts it); the next write brings it up to date.
                    pass
            self._pending_head = None

    @property
    def firm_name(self) -> str:
        row = self.db.execute("SELECT value FROM settings WHERE key = 'firm_name'").fetchone()
        return row[0] if row else ""

    def schema_version(self) -> int:
        return migrations.schema_version(self.db)

    def close(self) -> None:
        if self._open_check is not None:
            self._open_check.stop()
        self.db.close()

    def __enter__(self) -> "Desk":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
