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
from .disclosure import Disclosure
from .errors import (AccessDenied, AuthenticationFailed, CustdeskError, LogBroken,
                     LoginThrottled, StoreError)
from .fields import DEFAULT_FIELD_LEVELS, LEVELS
from .files import private_dir, remove_stale_temps, tighten, touch_private
from .keys import session as key_session
from .keys import facts as signed_facts
from .keys.facts import Facts
from .keys.keyring import Keyring
from .keys.registry import Registry
from .store import connection, migrations
from .store import keyslots
from .store.keyslots import KeySlots, Personal, slots_path
from .store.sealing import Sealer

i18n.register({
    "desk.exists": ("{path} 已存在，不会覆盖", "{path} already exists and will not be overwritten"),
    "desk.missing": ("找不到数据库 {path}", "No database at {path}"),
    "desk.no_slots": ("找不到密钥文件 {path}，无法打开数据库", "Key slot file {path} is missing; "
                      "the database cannot be opened"),
    "desk.bad_recovery": ("恢复密钥不正确", "The recovery key is not correct"),
    "desk.not_converted": (
        "此数据库由旧版 custdesk 建立，需由管理员登录一次以转换为按密级分别加密的格式；请稍候再试",
        "This database was made by an older custdesk and must be converted to keys per "
        "clearance by an administrator's login first; try again after that"),
    "desk.log_broken": (
        "审计日志不可信：{detail}。在管理员核查（custdesk audit verify）并从备份恢复"
        "（只是末尾被截断时，也可确认后重新锚定：custdesk audit reanchor）之前，"
        "无法确定谁持有哪些权限，因此只能查看，不能修改",
        "The audit log cannot be trusted: {detail}. Until an administrator has looked into it "
        "(custdesk audit verify) and restored a backup (or, when only its end was cut, "
        "accepted it: custdesk audit reanchor), who holds which rights cannot be known: you "
        "can read but not change anything"),
    "desk.must_change": (
        "请先设置您自己的密码：在此之前，用管理员给的一次性密码登录只能查看，不能修改",
        "Choose your own password first: logged in with the one-time password an "
        "administrator gave you, you can read but not change anything"),
    "desk.rights_changed": (
        "管理员刚更改了您的角色或密级，请重新登录后再修改",
        "An administrator has just changed your role or clearance; log in again to make "
        "changes"),
    "desk.empty_file": (
        "数据库文件 {path} 是空的（0 字节）：它已损坏，请从备份恢复。custdesk 不会在原处重新建立它",
        "The database file {path} is empty (0 bytes): it is damaged; restore it from a backup. "
        "custdesk will not make a new database in its place"),
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


def check_backoff(slots: KeySlots, user: str, path: Path | None = None) -> None:
    """Refuse at once, without trying the password, while ``user`` must still wait.

    The failures counted are the slot file's, or those in the signed chain head beside
    the database when it counts more (editing the slot file alone does not reset them).

    :raises LoginThrottled: with the seconds left.
    """
    failures = slots.failures(user)
    if path is not None:
        from .audit import read_head_file
        signed = ((read_head_file(path) or {}).get("throttle") or {}).get(user)
        if signed and signed.get("count", 0) > failures["count"]:
            failures = signed
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
        from .users import shown_name
        return shown_name(self.name, self.full_name)


class Desk:
    """An open customer-file database. Use ``Desk.create`` or ``Desk.open``."""

    def __init__(self, path: Path, db, keyring: Keyring, user: User, registry: Registry,
                 database_id: str):
        self.path = path
        self.db = db
        self.keys = keyring
        self.user = user
        self.registry = registry
        self.database_id = database_id
        self._pending_head: tuple[int, str] | None = None
        # Set by Desk.open: what a conversion from an older custdesk did (one-time
        # passwords to hand out, the new recovery key), and whether this user logs in with
        # a one-time password they must change now.
        self.upgrade = None
        self.must_change_password = False
        self._changing_password = False       # set_password's own write, allowed then
        # The quick check still running in the background, when Desk.open left it there.
        self._open_check: integrity.OpenCheck | None = None
        # Whether this session may move the chain head kept outside (see AuditLog.head_consistent).
        self.head_trusted = True
        # What the signed log says (certificates in force, levels, key epochs): this user's
        # own checked snapshot brought up to date at login and before every write.
        self.facts = Facts(database_id)
        self._keeps_facts = True      # False for the short sessions of a restore's checks
        self.access = Access(self)
        self.disclosure = Disclosure(self)
        # Reads go through views that open what this session's keys open; writes of
        # customer data go through the sealer (store.sealing).
        self.store = Sealer(db, keyring, self.disclosure)
        self.store.install()
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
        from .outcomes import Outcomes
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
        self.outcomes = Outcomes(self)
        self.exports = Exports(self)
        self.privacy = Privacy(self)

    # -- opening ----------------------------------------------------------------------
    @property
    def key(self) -> bytes:
        """The database file key (what backups are encrypted with)."""
        return self.keys.file_key

    @property
    def personal(self) -> Personal:
        return self.keys.personal

    @classmethod
    def create(cls, path: Path | str, admin: str, password: str,
               firm: str = "", full_name: str = "") -> tuple["Desk", str]:
        """Create a new database with its first (admin) user; return it and the recovery key."""
        from .users import check_password, check_user_name, clean_full_name
        path = Path(path)
        for existing in (path, slots_path(path)):
            if existing.exists():
                raise StoreError(i18n.tr("desk.exists", path=existing))
        admin = check_user_name(admin)
        full_name = clean_full_name(full_name)
        check_password(password, admin)
        db = None
        private_dir(path.parent)
        try:
            with keyslots.locked(path, create=True) as slots:
                recovery, root_principal, personal, file_key, database_id = \
                    key_session.new_database_keys(slots, admin, password)
                touch_private(path)
                db = connection.connect(path, file_key)
                migrations.migrate(db, None)
                keyring = Keyring(personal=personal, file_key=file_key, file_epoch=1)
                with connection.write(db):
                    registry = key_session.certify_new_database(db, database_id, root_principal,
                                                                personal, keyring)
                    db["settings"].insert({"key": "database_id", "value": database_id})
                    db["settings"].insert({"key": "keys_format", "value": "2"})
                user = User(admin, "admin", len(LEVELS) - 1, full_name)
                desk = cls(path, db, keyring, user, registry, database_id)
                desk._initialise(firm, full_name)
            return desk, recovery
        except BaseException:
            if db is not None:
                db.close()
            for leftover in (path, slots_path(path), head_path(path), Path(str(path) + "-wal"),
                             Path(str(path) + "-shm"), Path(str(path) + ".keys.lock")):
                leftover.unlink(missing_ok=True)
            raise

    def _initialise(self, firm: str, full_name: str) -> None:
        from .cleaning import clean_line
        firm = clean_line(firm)
        now = clock.timestamp()
        user = self.user
        with self.writing():
            self.db["settings"].insert_all([
                {"key": "firm_name", "value": firm},
                {"key": "created_at", "value": now},
            ])
            self.db["users"].insert({"name": user.name, "full_name": full_name, "role": "admin",
                                     "clearance": user.clearance, "active": 1, "created_at": now})
            self.db["field_levels"].insert_all(
                {"field": k, "level": LEVELS.index(v)} for k, v in DEFAULT_FIELD_LEVELS.items())
            self.audit.append("database.create", str(self.path.name), summary={"firm": firm})
            from .keys.registry import log_cert
            for cert in sorted(self.registry.history.values(), key=lambda c: c.serial):
                log_cert(self, cert)
            self.audit.append("user.add", user.name, summary={"role": "admin",
                                                             "clearance": LEVELS[-1]})
            self.grading.library.install_shipped()

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

        A database made by custdesk before keys per clearance is converted at its first
        administrator's login (``keys.upgrade``); ``desk.upgrade`` then says what was done.

        :raises LoginThrottled: too many recent failures; wait and try again.
        :raises AuthenticationFailed: wrong user name or password (logged).
        :raises KeysTampered: the signed keys do not hold (a replaced root key, say).
        """
        from . import office
        if office.is_url(path):
            return office.open_desk(cls, path, user, password, daily_check=daily_check,
                                    quick_check=quick_check)
        path = Path(path)
        slots = cls._load_slots(path)
        check_backoff(slots, user, path)
        if slots.format == 1:
            from .keys import upgrade
            report = upgrade.convert(path, slots, user, password)
            desk = cls.open(path, user, password, daily_check=daily_check,
                            quick_check=quick_check)
            desk.upgrade = report
            return desk
        personal = slots.unlock_personal(user, password)
        if personal is None:
            with keyslots.locked(path) as fresh:
                fresh.record_failure(user, clock.timestamp())
            raise AuthenticationFailed()
        # Read again after the slow part: an administrator may have given the file a new key
        # meanwhile (disabling someone), and the envelopes read before would open nothing.
        desk = cls._login(path, personal, KeySlots.load(path).file_keys(personal),
                          daily_check=daily_check, quick_check=quick_check)
        if slots.must_change(user):
            desk.must_change_password = True
        if keyslots.below_policy(slots.kdf_of(user)):
            # A slot made with weaker Argon2 parameters (an older custdesk) is made again now.
            with keyslots.locked(path) as fresh:
                fresh.set_personal(personal, password, must_change=fresh.must_change(user))
        return desk

    @classmethod
    def _connect(cls, path: Path, file_keys: list[tuple[int, bytes]]):
        """The connection, with the newest of ``file_keys`` that opens the file."""
        if not file_keys:
            raise AuthenticationFailed(i18n.tr("keys.no_file_key"))
        last = None
        for epoch, key in file_keys:
            try:
                from .office import attach
                return attach(connection.connect(path, key), path), epoch, key
            except connection.FileRefused:
                raise        # a read-only folder or a full disk is not damage
            except StoreError as exc:
                last = exc
        # The slot gave keys, so the file is damaged (or belongs to other slots).
        raise integrity.damaged(path, i18n.tr("integrity.key_mismatch")) from last

    @classmethod
    def _login(cls, path: Path, personal: Personal, file_keys: list[tuple[int, bytes]], *,
               daily_check: bool, quick_check: bool | None, audit_login: bool = True) -> "Desk":
        db, epoch, key = cls._connect(path, file_keys)
        desk = None
        for companion in (head_path(path), slots_path(path)):
            remove_stale_temps(companion)       # what writers killed part-way left
        background = integrity.in_background() if quick_check is None else not quick_check
        try:
            # A file about to be migrated is always checked first: the migration copies it.
            if not background or migrations.schema_version(db) < len(migrations.known_names()):
                integrity.quick_check(db, path)
                background = False
            migrations.migrate(db, path)
            settings = dict(db.execute("SELECT key, value FROM settings WHERE key IN "
                                       "('database_id', 'keys_format')").fetchall())
            if settings.get("keys_format") != "2":
                raise StoreError(i18n.tr("desk.not_converted"))
            registry, cert, keyring, facts = key_session.open_keys(db, settings["database_id"],
                                                                   personal, path)
            if not cert.active:
                raise AuthenticationFailed()
            keyring.file_key, keyring.file_epoch = key, epoch
            row = db.execute("SELECT full_name FROM users WHERE name = ?",
                             [personal.user]).fetchone()
            user = User(personal.user, cert.role, cert.clearance, row[0] if row else "")
            desk = cls(path, db, keyring, user, registry, settings["database_id"])
            desk.facts = facts
            desk._keeps_facts = audit_login
            desk.head_trusted = desk.audit.head_consistent()
            # A broken log is read, not written: who holds which rights after the break
            # cannot be known (``writing`` says so on every change).
            if audit_login and not facts.broken:
                try:
                    desk._log_in()
                except connection.FileRefused as exc:
                    # On a full disk the login cannot be recorded; reading, and backing up
                    # to another disk, still work. (The login entry guards nothing the
                    # keys do not: the password has opened the file either way.)
                    if not exc.full:
                        raise
                    daily_check = False
            if background:
                # Started after the login's own small write (the one write made before the
                # verdict: a damaged page it touches fails it loudly); later writes wait.
                desk._open_check = integrity.OpenCheck(path, key)
            if daily_check and not facts.broken:
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

    def _log_in(self) -> None:
        """The login's own write: failures reported by the slot file, the login, grants
        this user's keys can give to those who lack them, the shipped scorecards."""
        name = self.user.name
        # Failures waiting to be logged leave the slot file only when their audit entries
        # commit: both happen under the slot lock. They are written (and signed) by this
        # user as reported: a failed login has no key to sign with.
        with keyslots.locked(self.path) as fresh, self.writing():
            for failure in fresh.take_pending_failures():
                self.audit.append("login.failed", failure["user"], user=failure["user"],
                                  summary={"at": failure["at"], "reported_by": "slot file"})
            self.audit.append("login", name)
            self.grading.library.install_shipped()
            self.keys_maintenance()
            signed_facts.save(self.db, self.personal, self.facts, self.path)
            fresh.clear_failures(name)
            if fresh.dirty:
                fresh.save()

    def keys_maintenance(self) -> None:
        """In a write: give the level keys this session holds to everyone entitled who
        lacks them (a user added by an administrator not cleared to every level)."""
        from .keys import registry as r
        changed = r.sync_grants(self.db, self.registry, self.keys, self.user.name,
                                clock.timestamp())
        if changed:
            self.audit.append("keys.grant", "", summary={"changed": changed})

    @classmethod
    def recover(cls, path: Path | str, recovery_key: str, user: str, new_password: str) -> "Desk":
        """Give ``user`` new keys and a new password with the recovery key; return the desk
        opened as them. Their old password (and an old copy of the slot file) opens nothing
        new afterwards: their old keys are no longer certified."""
        from .keys import upgrade
        from .users import check_password
        path = Path(path)
        check_password(new_password, user)
        slots = cls._load_slots(path)
        recovery = slots.unlock_recovery_personal(recovery_key)
        if recovery is None:
            raise AuthenticationFailed(i18n.tr("desk.bad_recovery"))
        with cls._login(path, recovery, slots.file_keys(recovery), daily_check=False,
                        quick_check=True, audit_login=False) as root:
            personal = upgrade.reissue(root, user, new_password, action="user.recover")
        return cls._login(path, personal, KeySlots.load(path).file_keys(personal),
                          daily_check=True, quick_check=None)

    @staticmethod
    def _load_slots(path: Path) -> KeySlots:
        if not path.exists():
            raise StoreError(i18n.tr("desk.missing", path=path))
        if path.stat().st_size == 0:
            raise integrity.damaged(path, i18n.tr("desk.empty_file", path=path))
        if not slots_path(path).exists():
            raise StoreError(i18n.tr("desk.no_slots", path=slots_path(path)))
        tighten(path)
        return KeySlots.load(path)

    def slots(self):
        """The key slots under their lock, for a change (see ``keyslots.locked``)."""
        return keyslots.locked(self.path)

    def verify_password(self, password: str, action: str = "unlock") -> bool:
        """Check this desk's user's password again (unlocking a window locked while idle;
        confirming a restore: ``action`` "restore.confirm").

        Failures count towards the same back-off as failed logins, and each
        attempt is audited (``action`` or ``action``.failed).

        :raises LoginThrottled: too many recent failures; wait and try again.
        """
        name = self.user.name
        slots = KeySlots.load(self.path)
        check_backoff(slots, name, self.path)
        personal = slots.unlock_personal(name, password)      # the slow part, outside the lock
        ok = personal is not None and personal.sign_seed == self.personal.sign_seed
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
            self.audit.append(action if ok else f"{action}.failed", name)
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
            self._refuse_if_broken()
            if self.must_change_password and not self._changing_password:
                raise AccessDenied(i18n.tr("desk.must_change"))
            self._pending_head = None
            saved = self.facts.copy()
        try:
            with connection.write(self.db):
                if outermost:
                    self._catch_up()
                yield
        except BaseException:
            if outermost:
                self.facts = saved       # what the rolled-back entries stated is gone too
            raise
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

    def accept_rewound(self) -> dict | None:
        """For an administrator restoring a backup or re-anchoring the log: when this
        session found the log cut or put back behind what its user had checked, take the
        log as it is now (walked whole: it must hold together). Returns the point left
        behind, or None when there was nothing to accept or the log is broken inside."""
        from .keys import registry as r
        if not (self.facts.broken and self.facts.broken[0] == "rewound"):
            return None
        fresh = signed_facts.catch_up(self.db, self.registry.history, Facts(self.database_id))
        if fresh.broken:
            return None
        left = {"seq": self.facts.seq, "hash": self.facts.hash}
        self.facts = fresh
        self.registry = r.Registry.from_facts(self.database_id, self.personal.root,
                                              self.registry.history, self.registry.problems,
                                              fresh)
        return left

    def read_only_reason(self) -> str | None:
        """Why this session may read but not write (its audit log is broken or was cut
        behind what its user checked), in the user's language; None when it may write."""
        if not self.facts.broken:
            return None
        from .audit import broken_message
        problem, seq = self.facts.broken
        return i18n.tr("desk.log_broken", detail=broken_message(self.db, problem, seq))

    def _refuse_if_broken(self) -> None:
        reason = self.read_only_reason()
        if reason:
            raise LogBroken(reason)

    def _catch_up(self) -> None:
        """At the start of a write: take what others appended since (``refresh``). A change
        of this user's own certificate (an administrator changed their role or clearance
        meanwhile) ends their writing until they log in again."""
        if not self.refresh():
            return
        self._refuse_if_broken()
        mine = self.registry.cert(self.user.name)
        if mine is None or (mine.role, mine.clearance, mine.active) != (
                self.user.role, self.user.clearance, True):
            raise AccessDenied(i18n.tr("desk.rights_changed"))

    def refresh(self) -> bool:
        """Take the facts others' entries stated since this session last looked (checked as
        at login): field levels, file levels, certificates, key epochs. Returns whether
        the log had moved on."""
        from .keys import registry as r
        from .keys.session import refresh_publics
        if self.facts.broken:
            return False
        link = getattr(self.db, "office", None)
        if link is not None and not self.db.conn.in_transaction:
            # An office database: what others committed reaches this copy first (the
            # notice of it may still be on its way).
            link.refresh(self.db)
        if self.facts.seq:
            # The entry this session last took must still be there, unchanged.
            row = self.db.execute("SELECT hash FROM audit_log WHERE seq = ?",
                                  [self.facts.seq]).fetchone()
            if row is None or row[0] != self.facts.hash:
                self.facts.broken = ("rewound", self.facts.seq)
                return True
        row = self.db.execute("SELECT max(seq) FROM audit_log").fetchone()
        if (row[0] or 0) == self.facts.seq:
            return False
        epochs = dict(self.facts.epochs)
        history, problems = r.load_history(self.db, self.database_id, self.personal.root)
        signed_facts.catch_up(self.db, history, self.facts)
        self.registry = r.Registry.from_facts(self.database_id, self.personal.root, history,
                                              problems, self.facts)
        if self.facts.epochs != epochs:
            refresh_publics(self.db, self.registry, self.keys, self.facts)
            self.store.forget()
        return True

    @property
    def firm_name(self) -> str:
        row = self.db.execute("SELECT value FROM settings WHERE key = 'firm_name'").fetchone()
        return row[0] if row else ""

    def schema_version(self) -> int:
        return migrations.schema_version(self.db)

    def close(self) -> None:
        """Close the database; this user's checked facts are kept for their next login
        first (so a later cut of the log's end, back behind what they saw, is found)."""
        if self._open_check is not None:
            self._open_check.stop()
        try:
            if self._keeps_facts and not self.facts.broken and self.facts.seq \
                    and not self.db.conn.in_transaction:
                with connection.write(self.db):
                    signed_facts.catch_up(self.db, self.registry.history, self.facts)
                    signed_facts.save(self.db, self.personal, self.facts, self.path)
        except Exception:
            pass        # read-only, busy or damaged: the snapshot of the login stays
        self.db.close()
        from .office import closed
        closed(self)

    def log_out(self) -> None:
        """End this session (switching user): the log-out is audited, the database closed and
        this session's keys dropped from memory. A log that cannot be written (read-only,
        full disk) does not keep anyone logged in."""
        try:
            with self.writing():
                self.audit.append("logout", self.user.name)
        except (CustdeskError, OSError, connection.DatabaseError):
            pass
        self.close()
        self.keys.forget()
        if hasattr(self, "old_file_key"):       # set by a rekey (keys.rotation)
            self.old_file_key = None

    def __enter__(self) -> "Desk":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
