"""Checking the database: a quick check at every open, a full one on request.

At open, ``PRAGMA quick_check`` reads every page once (SQLCipher checks each
page's HMAC as it decrypts it), so a damaged file is found at login rather
than in the middle of someone's work. ``check(desk)`` adds the full
``integrity_check``, ``foreign_key_check``, ``cipher_integrity_check`` and
the audit chain. A damaged database is refused with a message that names the
newest good backup, when one is known.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from . import i18n
from .errors import StoreError
from .store import connection

i18n.register({
    "integrity.damaged": ("数据库 {path} 已损坏：{detail}", "The database {path} is damaged: {detail}"),
    "integrity.newest_backup": ("最新的完好备份：{backup}（{when}）。恢复：custdesk restore {backup}",
                                "Newest good backup: {backup} ({when}). To restore it: "
                                "custdesk restore {backup}"),
    "integrity.newest_office_backup": (
        "最新的完好备份：{backup}（{when}）。恢复（须服务器超级用户）：custdesk office restore {backup} "
        "--url postgresql://超级用户@主机:端口/数据库名 --replace",
        "Newest good backup: {backup} ({when}). To restore it (a server superuser): custdesk "
        "office restore {backup} --url postgresql://SUPERUSER@HOST:PORT/DBNAME --replace"),
    "integrity.no_backup": ("未找到此数据库的完好备份", "No good backup of this database was found"),
    "integrity.not_readable": ("页面无法解密或校验失败（{error}）",
                               "pages cannot be decrypted or fail their check ({error})"),
    "integrity.key_mismatch": ("密钥文件能解锁，但数据库第一页无法解密"
                               "（文件损坏，或不是这份密钥文件的数据库）",
                               "the key slots unlock but page 1 does not decrypt (a damaged file, "
                               "or not the database of this key slot file)"),
    "integrity.ok": ("数据库检查通过：结构、外键、加密页与审计链均完好",
                     "The database checks out: structure, foreign keys, encrypted pages and the "
                     "audit chain are intact"),
    "integrity.structure": ("结构检查发现问题：{detail}", "The structure check found: {detail}"),
    "integrity.foreign_key": ("表 {table} 第 {rowid} 行引用了 {parent} 中不存在的记录",
                              "Row {rowid} of {table} refers to a missing row of {parent}"),
    "integrity.cipher": ("加密页校验失败：{detail}", "Encrypted pages fail their check: {detail}"),
    "integrity.audit": ("审计链：{detail}", "Audit chain: {detail}"),
    "integrity.weak_slots": ("以下用户的密钥槽使用较弱的口令派生参数，将在其下次登录时自动重建：{users}",
                             "The key slots of these users use weaker password-derivation "
                             "parameters; each is remade at its owner's next login: {users}"),
    "integrity.office_ok": ("办公室数据库检查通过：本机工作副本（结构、外键、加密页、审计链）与服务器的规则"
                            "（行级安全、只可追加、四眼原则、数据库角色与人员表）均完好",
                            "The office database checks out: the working copy (structure, "
                            "foreign keys, encrypted pages, audit chain) and the server's rules "
                            "(row-level security, append-only tables, four eyes, database roles "
                            "and the table of people) are intact"),
    "integrity.head_untrusted": ("库外保存的审计链头与日志不符，本次会话不会移动它",
                                 "The audit chain head kept outside does not match the log; this "
                                 "session will not move it"),
})


@dataclass(frozen=True)
class Finding:
    kind: str                      # cipher, structure, foreign_key, audit, backup, keys
    key: str
    params: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        params = dict(self.params)
        detail_key = params.pop("detail_key", None)
        if detail_key:    # rendered now, so that the finding speaks the current language
            params["detail"] = i18n.tr(detail_key, **params.pop("detail_params", {}))
        return i18n.tr(self.key, **params)

    def as_dict(self) -> dict:
        return {"kind": self.kind, "message": self.message, **{
            k: v for k, v in self.params.items() if isinstance(v, (str, int, float, type(None)))}}


def _detail(rows: list[tuple]) -> str:
    return "; ".join(str(r[0]) for r in rows[:5]) + (" …" if len(rows) > 5 else "")


def _is_busy(exc: Exception) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def newest_backup(path: Path | str) -> tuple[str, dict]:
    """The message (key, params) that names the newest good backup of ``path`` (in the
    folder its backups went to, or the default one); ``path`` may be an office database's
    address (``backup.source_of``)."""
    from . import backup
    from .clock import local_text
    try:
        found = backup.newest_good(backup.folders_for(path), source=path)
    except OSError:
        found = None
    if found is None:
        return "integrity.no_backup", {}
    from . import office
    key = "integrity.newest_office_backup" if office.is_url(path) else "integrity.newest_backup"
    return key, {"backup": str(found.database),
                 "when": local_text(found.manifest.get("created_at"))}


def newest_backup_text(path: Path) -> str:
    key, params = newest_backup(path)
    return i18n.tr(key, **params)


class DatabaseDamaged(StoreError):
    """The database file is damaged; ``backup`` is the newest good backup known, if any."""

    def __init__(self, path: Path, detail: str):
        self.path = Path(path)
        key, params = newest_backup(self.path)
        self.backup = Path(params["backup"]) if "backup" in params else None
        super().__init__(i18n.tr("integrity.damaged", path=path, detail=detail) + "\n"
                         + i18n.tr(key, **params))


def damaged(path: Path, detail: str) -> DatabaseDamaged:
    """The error for a damaged database, naming the newest good backup if one is known."""
    return DatabaseDamaged(path, detail)


def quick_check(db, path: Path) -> None:
    """The check at open: every page read once.

    :raises StoreError: the file is damaged (the message names the newest good backup).
    """
    try:
        rows = db.execute("PRAGMA quick_check").fetchall()
    except connection.DatabaseError as exc:
        if isinstance(exc, connection.OperationalError) and _is_busy(exc):
            raise
        if connection.refused(exc):      # the disk said no (I/O error): not the file's fault
            raise connection.FileRefused(i18n.tr("store.cannot_open", path=path, error=exc)) \
                from exc
        raise damaged(path, i18n.tr("integrity.not_readable", error=exc)) from exc
    if rows != [("ok",)]:
        raise damaged(path, i18n.tr("integrity.structure", detail=_detail(rows)))


# Whether ``Desk.open`` leaves the quick check to a thread of its own (see ``OpenCheck``)
# instead of running it before it returns. The window turns this on for its process
# (custdesk.gui.app): at 100,000 customers the check reads a file of a few hundred MB and
# takes over a second, which would otherwise stand between the password and the first
# painted window.
# The command line and everything else keep the check before anything is read.
_IN_BACKGROUND = False


def check_in_background(enabled: bool = True) -> None:
    """Let ``Desk.open`` run the quick check in the background from now on (this process)."""
    global _IN_BACKGROUND
    _IN_BACKGROUND = bool(enabled)


def in_background() -> bool:
    return _IN_BACKGROUND


class OpenCheck:
    """The quick check of a database just opened, on a connection and a thread of its own.

    SQLite lets go of the interpreter while it reads, so the check runs on the other core
    while the window builds its first pages. ``wait()`` raises what the check found
    (``DatabaseDamaged``); ``Desk.writing`` waits for it, so nothing is written to a file
    before its check has passed.
    """

    def __init__(self, path: Path, key: bytes):
        self.path = Path(path)
        self._key = key
        self._error: BaseException | None = None
        self._conn = None
        self._lock = threading.Lock()
        self._stopped = False
        self._thread = threading.Thread(target=self._run, name="custdesk-open-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        db = None
        try:
            # Behind the window's own work for the cores: on Linux a thread has its own
            # nice value; elsewhere this is a no-op.
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
        except (AttributeError, OSError):
            pass
        try:
            try:
                db = connection.connect(self.path, self._key)
            except connection.FileRefused:
                raise
            except StoreError as exc:
                raise damaged(self.path, i18n.tr("integrity.key_mismatch")) from exc
            # Every page passes once: a large cache would only hold memory for nothing.
            db.execute("PRAGMA cache_size = -2048")
            with self._lock:
                if self._stopped:
                    return
                self._conn = db.conn
            quick_check(db, self.path)
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits
            self._error = exc
        finally:
            with self._lock:
                self._conn = None
            if db is not None:
                db.close()

    def done(self) -> bool:
        return not self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> None:
        """Block until the check is over; raise what it found (``DatabaseDamaged``)."""
        self._thread.join(timeout)
        if self._thread.is_alive():
            raise TimeoutError("the open check is still running")
        if self._error is not None and not self._stopped:
            raise self._error

    def stop(self) -> None:
        """Interrupt the check (the desk is closing) and wait for its thread."""
        with self._lock:
            self._stopped = True
            if self._conn is not None:
                self._conn.interrupt()
        self._thread.join()


def _weak_slots(desk) -> list[Finding]:
    """Key slots made with weaker Argon2 parameters than this program's (an older custdesk):
    each is remade at its owner's next login."""
    from .store import keyslots
    try:
        slots = keyslots.KeySlots.load(desk.path)
    except (OSError, ValueError):
        return []
    weak = [u for u in slots.users() if keyslots.below_policy(slots.kdf_of(u) or {})]
    return [Finding("keys", "integrity.weak_slots", {"users": ", ".join(weak)})] if weak else []


def _office(desk) -> list[Finding]:
    """On an office database: the server's rules (``office.check``)."""
    if getattr(desk.db, "office", None) is None:
        return []
    from .office import check as server
    return [Finding("office", key, params) for key, params in server.check(desk)]


def ok_message(desk) -> str:
    """What a check that found nothing says."""
    office = getattr(desk.db, "office", None) is not None
    return i18n.tr("integrity.office_ok" if office else "integrity.ok")


def check(desk) -> list[Finding]:
    """The full check of an open database; an empty list when all is well.

    The audit chain part needs the ``audit.read`` permission (as ``audit verify``). On an
    office database the working copy is checked so, and the server's rules too.
    """
    findings: list[Finding] = []
    db = desk.db
    try:
        cipher = db.execute("PRAGMA cipher_integrity_check").fetchall()
    except connection.DatabaseError as exc:
        cipher = [(str(exc),)]
    if cipher:
        findings.append(Finding("cipher", "integrity.cipher", {"detail": _detail(cipher)}))
    try:
        rows = db.execute("PRAGMA integrity_check").fetchall()
    except connection.DatabaseError as exc:
        rows = [(str(exc),)]
    if rows != [("ok",)]:
        findings.append(Finding("structure", "integrity.structure", {"detail": _detail(rows)}))
    try:
        broken = db.execute("PRAGMA foreign_key_check").fetchall()
    except connection.DatabaseError as exc:
        broken = []
        findings.append(Finding("structure", "integrity.structure", {"detail": str(exc)}))
    for table, rowid, parent, _fk in broken[:20]:
        findings.append(Finding("foreign_key", "integrity.foreign_key",
                                {"table": table, "rowid": rowid, "parent": parent}))
    try:
        result = desk.audit.verify()
    except connection.DatabaseError as exc:
        findings.append(Finding("audit", "integrity.audit", {"detail": str(exc)}))
    else:
        if not result.ok:
            head = desk.audit.read_head() or {}
            findings.append(Finding("audit", "integrity.audit", {
                "detail_key": f"audit.{result.problem}",
                "detail_params": {"seq": result.first_bad, "head": head.get("seq"),
                                  "last": result.head_seq},
                "problem": result.problem, "first_bad": result.first_bad}))
    findings += _weak_slots(desk)
    findings += _office(desk)
    if findings and any(f.kind in ("cipher", "structure") for f in findings):
        from .backup import source_of
        key, params = newest_backup(source_of(desk))
        findings.append(Finding("backup", key, params))
    return findings
