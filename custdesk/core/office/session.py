"""Opening, creating, filling and copying out an office database.

- ``open_desk``: a person logs in to PostgreSQL as their own role with their own password;
  the working copy is made from what the server shows them (``mirror``) and the desk is
  opened on it as on a single PC.
- ``init``: a new office database with its administrator (a superuser's connection, once).
- ``migrate``: a single-PC database moved in whole — rows as stored, key slots, the audit
  chain — every other user given a one-time password (their own at first login).
- ``export``: a single-PC copy of what an administrator sees (everything).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from .. import i18n
from ..errors import AuthenticationFailed, StoreError
from . import mirror, opening, schema

i18n.register({
    "office.unreachable": (
        "无法连接办公室数据库 {where}：{error}",
        "Cannot reach the office database {where}: {error}"),
    "office.why.refused": ("服务器没有在运行，或不接受连接",
                           "the server is not running, or does not accept connections"),
    "office.why.timeout": ("服务器没有应答", "the server does not answer"),
    "office.why.name": ("找不到这个服务器名称", "no server has that name"),
    "office.why.certificate": ("服务器的证书未通过核验（地址中的证书文件是否正确？）",
                               "the server's certificate did not pass the check (is the "
                               "certificate file in the address right?)"),
    "office.why.database": ("服务器上没有这个数据库", "the server has no database of that name"),
    "office.bad_url": (
        "办公室数据库地址不正确：{url}（应为 postgresql://主机:端口/数据库名）",
        "Not an office database address: {url} (expected postgresql://HOST:PORT/DBNAME)"),
    "office.exists": (
        "{where} 已经是 custdesk 办公室数据库，不会覆盖",
        "{where} is already a custdesk office database and will not be overwritten"),
    "office.not_office": (
        "{where} 不是 custdesk 办公室数据库（先运行 custdesk office init）",
        "{where} is not a custdesk office database (run custdesk office init first)"),
    "office.slot_mismatch": (
        "数据库登录成功，但此密码打不开您的密钥：密码是否只在数据库里改过？请用 custdesk 修改密码，"
        "或请管理员重设",
        "The database accepted the password, but it does not open your keys: was it changed "
        "in the database alone? Change passwords in custdesk, or ask an administrator to "
        "reset yours"),
    "office.older": (
        "办公室数据库 {where} 由较旧版本的 custdesk 建立：请服务器管理员先运行 "
        "custdesk office upgrade --url postgresql://超级用户@主机:端口/数据库名",
        "The office database {where} was made by an older custdesk: the server's "
        "administrator runs custdesk office upgrade --url postgresql://SUPERUSER@HOST:PORT/DBNAME "
        "first"),
    "office.upgraded": (
        "已升级办公室数据库 {where}：新增表 {tables} 个、列 {columns} 个",
        "Upgraded the office database {where}: {tables} tables and {columns} columns added"),
    "office.need_admin": (
        "迁移需由源数据库的管理员登录",
        "A migration needs an administrator of the source database to log in"),
    "office.export_admin": (
        "只有管理员能把办公室数据库复制为本机数据库（管理员能看到全部档案）",
        "Only an administrator copies the office database to a single-PC file (an "
        "administrator sees every file)"),
})


def where(url: str) -> str:
    """The address to show: host, port and database, never a user or password."""
    info = conninfo_to_dict(url)
    host = info.get("host") or "localhost"
    port = info.get("port") or "5432"
    return f"postgresql://{host}:{port}/{info.get('dbname', '')}"


def address(url: str) -> str:
    """The address other PCs connect with: ``where`` and the TLS settings given (the
    superuser's name and password left out)."""
    from urllib.parse import quote
    info = conninfo_to_dict(url)
    kept = [f"{k}={quote(str(info[k]), safe='/')}" for k in
            ("sslmode", "sslrootcert", "sslcert", "sslkey") if info.get(k)]
    return where(url) + ("?" + "&".join(kept) if kept else "")


def _dbname(url: str) -> str:
    try:
        name = conninfo_to_dict(url).get("dbname")
    except psycopg.ProgrammingError as exc:
        raise StoreError(i18n.tr("office.bad_url", url=url)) from exc
    if not name:
        raise StoreError(i18n.tr("office.bad_url", url=url))
    return name


def connect(url: str, *, user: str | None = None, password: str | None = None,
            dbname: str | None = None, autocommit: bool = True) -> psycopg.Connection:
    """A connection to the server (TLS as the address asks: ``sslmode=verify-full`` with
    ``sslrootcert=…`` checks the server's certificate and name)."""
    params = {k: v for k, v in (("user", user), ("password", password), ("dbname", dbname))
              if v is not None}
    try:
        return psycopg.connect(make_conninfo(url, **params), autocommit=autocommit,
                               connect_timeout=10, application_name="custdesk")
    except psycopg.OperationalError as exc:
        text = str(exc)
        if "password authentication failed" in text or "no password supplied" in text \
                or "is not permitted to log in" in text \
                or ("role" in text and "does not exist" in text):
            raise AuthenticationFailed() from exc
        raise StoreError(i18n.tr("office.unreachable", where=where(url),
                                 error=_why_unreachable(exc))) from exc


def _why_unreachable(exc: BaseException) -> str:
    """The usual reasons a server cannot be reached, in the user's language; the driver's
    own words for anything else."""
    text = str(exc).lower()
    reasons = (("office.why.refused", "connection refused" in text),
               ("office.why.timeout", "timeout expired" in text or "timed out" in text),
               ("office.why.name", "could not translate host name" in text
                or "name or service not known" in text),
               ("office.why.certificate", "certificate" in text or "ssl" in text),
               ("office.why.database", "database" in text and "does not exist" in text))
    for key, applies in reasons:
        if applies:
            return i18n.tr(key)
    return mirror._first_line(exc)


def person_role(url: str, user: str) -> str:
    """The PostgreSQL role ``user`` logs in as (``user list`` shows it)."""
    return schema.Names(_dbname(url)).person(user)


def _migrations_text() -> str:
    from ..store import migrations
    return "\n".join(migrations.known_names())


def check_version(conn: psycopg.Connection, url: str) -> None:
    """An office database made by another custdesk: newer, this program is to be upgraded;
    older, the database (``office upgrade``, by the server's administrator)."""
    from ..store import migrations
    row = conn.execute("SELECT value FROM office_meta WHERE key = 'migrations'").fetchone()
    theirs = row[0].split("\n") if row else []
    ours = migrations.known_names()
    unknown = [name for name in theirs if name not in ours]
    if unknown:
        raise StoreError(i18n.tr("store.newer", names=", ".join(unknown)))
    if theirs != ours:
        raise StoreError(i18n.tr("office.older", where=where(url)))


def _workdir() -> Path:
    from ..files import private_dir
    return private_dir(Path(tempfile.mkdtemp(prefix="custdesk-office-")))


# -- logging in ------------------------------------------------------------------------------
def open_desk(cls, url: str, user: str, password: str, *, daily_check: bool = True,
              quick_check: bool | None = None):
    """Log ``user`` in to the office database at ``url``; return the desk (see the module)."""
    from ..store import connection, keyslots, migrations
    names = schema.Names(_dbname(url))
    conn = connect(url, user=names.person(user), password=password)
    folder = None
    try:
        if conn.execute("SELECT to_regclass('office_meta')").fetchone()[0] is None:
            raise StoreError(i18n.tr("office.not_office", where=where(url)))
        check_version(conn, url)
        folder, release = _copy_folder(url, user)
        path = folder / "office.db"
        link = mirror.OfficeLink(
            conn, url, names, user, path,
            reconnect=lambda: connect(url, user=names.person(user), password=password))
        link.release, link.lasting = release, release is not None
        link.fetch_files()
        slots = keyslots.KeySlots.load(path)
        personal = slots.unlock_personal(user, password)
        if personal is None:
            raise AuthenticationFailed(i18n.tr("office.slot_mismatch"))
        file_keys = slots.file_keys(personal)
        if not file_keys:
            raise AuthenticationFailed(i18n.tr("keys.no_file_key"))
        made_from = _made_from(conn, user)
        if not (path.exists() and _resume(link, path, file_keys, made_from)):
            _remove_copy(path)
            db = connection.connect(path, file_keys[0][1])
            try:
                migrations.migrate(db, None)
                link.load_all(db, made_from)
            finally:
                db.close()
        opening[str(path)] = link
        try:
            # The copy was made just now from the server: its page check runs in the
            # background (writes wait for it), as a single PC's can.
            desk = cls._login(path, personal, file_keys, daily_check=daily_check,
                              quick_check=False if quick_check is None else quick_check)
        finally:
            opening.pop(str(path), None)
        link.sealer = desk.store
        if slots.must_change(user):
            desk.must_change_password = True
        link.listen()
        return desk
    except BaseException:
        conn.close()
        if folder is not None:
            if release is not None:
                release()
            else:
                shutil.rmtree(folder, ignore_errors=True)
        raise


def _made_from(conn: psycopg.Connection, user: str) -> dict[str, str]:
    """What a working copy depends on: the database, this program's schema, and the
    person's role and clearance now (rows the server no longer shows them must go)."""
    row = conn.execute("SELECT role, clearance FROM office_people WHERE user_name = %s",
                       [user]).fetchone()
    database_id = conn.execute("SELECT value FROM office_meta WHERE key = 'database_id'"
                               ).fetchone()[0]
    return {"database_id": database_id, "migrations": _migrations_text(),
            "role": row[0] if row else "", "clearance": str(row[1]) if row else ""}


def _resume(link, path: Path, file_keys, made_from: dict[str, str]) -> bool:
    from ..store import connection
    for _epoch, key in file_keys:
        try:
            db = connection.connect(path, key)
        except StoreError:
            continue          # another file key (the file was given a new one): made again
        try:
            return link.resume(db, made_from)
        except Exception:     # noqa: BLE001 - an unusable copy is made again, never trusted
            return False
        finally:
            db.close()
    return False


def _remove_copy(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def _copy_folder(url: str, user: str):
    """Where this person's working copy of the office database lives: a lasting private
    folder (the copy is kept between sessions, so a login catches up instead of copying
    everything again), held by this process for the session; a second session of the same
    person on this PC meanwhile gets a temporary one. Returns (folder, release or None)."""
    import hashlib
    import os
    from ..backup import office_folder
    from ..files import private_dir
    from ..store.keyslots import _try_lock, _unlock, private_file
    tag = hashlib.sha256(user.encode("utf-8")).hexdigest()[:16]
    folder = private_dir(office_folder(url).parent / "copies" / tag)
    fd = private_file(folder / "in-use.lock")
    if not _try_lock(fd):
        os.close(fd)
        return _workdir(), None

    held = [fd]

    def release() -> None:
        if held:
            fd = held.pop()
            try:
                _unlock(fd)
            finally:
                os.close(fd)
    return folder, release


# -- creating and filling ---------------------------------------------------------------------
def init(url: str, admin: str, password: str, *, firm: str = "", full_name: str = "",
         details: dict | None = None) -> str:
    """A new office database at ``url`` (a superuser's address) with its administrator;
    returns the recovery key (``details`` gets the root key's fingerprint as "root")."""
    from ..desk import Desk
    from ..keys.primitives import fingerprint
    folder = _workdir()
    try:
        local = folder / "new.db"
        desk, recovery = Desk.create(local, admin, password, firm=firm, full_name=full_name)
        if details is not None:
            details["root"] = fingerprint(desk.personal.root)
        try:
            _fill(url, desk, {admin: password})
        finally:
            desk.close()
        return recovery
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def migrate(source: Path, url: str, user: str, password: str) -> dict[str, str]:
    """Move the single-PC database ``source`` into a new office database at ``url`` (a
    superuser's address), logged in to the source as the administrator ``user``. The source
    is left as it was. Returns the one-time passwords given to the other users."""
    from ..desk import Desk
    from ..keys.upgrade import one_time_password
    folder = _workdir()
    try:
        # The file and its companions are copied as they are (the write-ahead log with
        # them) and the copy is what is opened: the source is not touched, not even by
        # the login's own audit entry.
        copy = folder / "source.db"
        source = Path(source)
        if not source.exists():
            raise StoreError(i18n.tr("desk.missing", path=source))
        for suffix in ("", "-wal", ".keys", ".audit-head"):
            src = Path(str(source) + suffix)
            if src.exists():
                shutil.copy2(src, Path(str(copy) + suffix))
        passwords = {user: password}
        with Desk.open(copy, user, password, daily_check=False) as desk:
            if desk.user.role != "admin":
                raise StoreError(i18n.tr("office.need_admin"))
            for other in desk.users.list():
                if other.active and other.name != user:
                    passwords[other.name] = one_time_password()
                    desk.users.set_password(other.name, passwords[other.name])
            _fill(url, desk, passwords)
        passwords.pop(user)
        return passwords
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _fill(url: str, desk, passwords: dict[str, str]) -> None:
    """Create the office database at ``url`` and copy ``desk``'s file into it, as stored."""
    from ..audit import head_path
    from ..store.keyslots import slots_path
    dbname = _dbname(url)
    names = schema.Names(dbname)
    with connect(url, dbname="postgres") as maint:
        if maint.execute("SELECT 1 FROM pg_database WHERE datname = %s", [dbname]).fetchone() \
                is None:
            maint.execute(sql.SQL("CREATE DATABASE {} ENCODING 'UTF8' TEMPLATE template0")
                          .format(sql.Identifier(dbname)))
    local = desk.db
    with connect(url, autocommit=False) as conn:
        if conn.execute("SELECT to_regclass('office_meta')").fetchone()[0] is not None:
            raise StoreError(i18n.tr("office.exists", where=where(url)))
        q = sql.Identifier
        existing = {r[0] for r in conn.execute("SELECT rolname FROM pg_roles")}
        if names.owner not in existing:
            conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN CREATEROLE").format(q(names.owner)))
        # The owner's few definer functions see past the policies (which codes are taken);
        # nobody logs in as it.
        conn.execute(sql.SQL("ALTER ROLE {} BYPASSRLS").format(q(names.owner)))
        from ..access import ROLES
        for role in ROLES:
            if names.group(role) not in existing:
                conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(q(names.group(role))))
        conn.execute(sql.SQL("GRANT {} TO {} WITH ADMIN OPTION").format(
            sql.SQL(", ").join(q(names.group(r)) for r in ROLES), q(names.owner)))
        conn.execute(sql.SQL("REVOKE CONNECT, TEMPORARY ON DATABASE {} FROM PUBLIC")
                     .format(q(dbname)))
        conn.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
            q(dbname), sql.SQL(", ").join(q(names.group(r)) for r in ROLES)))
        conn.execute(sql.SQL("ALTER SCHEMA public OWNER TO {}").format(q(names.owner)))
        conn.execute(sql.SQL("SET ROLE {}").format(q(names.owner)))
        with conn.cursor() as cur:
            tables = schema.create_tables(cur, local, names)
            schema.install_rules(cur, tables, names)
        conn.execute("INSERT INTO office_meta VALUES ('role_prefix', %s), ('database_id', %s), "
                     "('migrations', %s)",
                     [names.prefix, desk.database_id, _migrations_text()])
        conn.execute("RESET ROLE")
        # Rows as stored, with the triggers off (a superuser's bulk copy: decided
        # assessments and the log go in as they are; the change log starts empty).
        conn.execute("SET session_replication_role = replica")
        for table, spec in tables.items():
            columns = [c for c, _t, _n in spec["columns"]]
            types = [t for _c, t, _n in spec["columns"]]
            with conn.cursor().copy(sql.SQL("COPY {} ({}) FROM STDIN").format(
                    q(table), sql.SQL(", ").join(q(c) for c in columns))) as copy:
                for row in local.conn.execute(
                        f'SELECT {", ".join(chr(34) + c + chr(34) for c in columns)} '
                        f'FROM main."{table}"'):
                    copy.write_row([mirror._for_server(v, t) for v, t in zip(row, types)])
        for name, path in ((".keys", slots_path(desk.path)), (".audit-head", head_path(desk.path))):
            if path.exists():
                conn.execute("INSERT INTO office_files VALUES (%s, %s)", [name, path.read_bytes()])
        conn.execute("SET session_replication_role = DEFAULT")
        for name, role, clearance, active in local.execute(
                "SELECT name, role, clearance, active FROM main.users ORDER BY id").fetchall():
            password = passwords.get(name) if active else None
            verifier = None if password is None else conn.pgconn.encrypt_password(
                password.encode("utf-8"), names.person(name).encode("utf-8"),
                b"scram-sha-256").decode("ascii")
            conn.execute("SELECT cd_person_sync(%s, %s, %s, %s, %s)",
                         [name, role, clearance, bool(active), verifier])
        # Sequences: none (keys come from the program under the write lock).
        conn.commit()


def export(desk, target: Path) -> None:
    """A single-PC copy of ``desk``'s working copy (an administrator's: every row)."""
    from ..audit import head_path
    from ..store.keyslots import slots_path
    from ..errors import AccessDenied
    target = Path(target)
    if desk.user.role != "admin":
        raise AccessDenied(i18n.tr("office.export_admin"))
    for existing in (target, slots_path(target)):
        if existing.exists():
            raise StoreError(i18n.tr("desk.exists", path=existing))
    desk.db.office.refresh(desk.db)
    import sqlcipher3
    out = sqlcipher3.connect(str(target))
    try:
        out.execute(f"PRAGMA key = \"x'{desk.key.hex()}'\"")
        desk.db.conn.backup(out)
    finally:
        out.close()
    for src, dst in ((slots_path(desk.path), slots_path(target)),
                     (head_path(desk.path), head_path(target))):
        if src.exists():
            shutil.copy2(src, dst)


def upgrade(url: str) -> dict:
    """Bring an office database made by an older custdesk up to this one's schema (a
    superuser's address): the tables, columns and indexes its migrations added, then the
    rules made again over them. Additive, in one transaction: what was there stays."""
    from ..store import connection, migrations
    names = schema.Names(_dbname(url))
    folder = _workdir()
    try:
        # The schema as this program's migrations leave a new file.
        local = connection.connect(folder / "schema.db", bytes(32))
        try:
            migrations.migrate(local, None)
            wanted = schema.local_tables(local)
            with connect(url, autocommit=False) as conn:
                if conn.execute("SELECT to_regclass('office_meta')").fetchone()[0] is None:
                    raise StoreError(i18n.tr("office.not_office", where=where(url)))
                row = conn.execute("SELECT value FROM office_meta WHERE key = 'migrations'"
                                   ).fetchone()
                theirs = row[0].split("\n") if row else []
                unknown = [n for n in theirs if n not in migrations.known_names()]
                if unknown:
                    raise StoreError(i18n.tr("store.newer", names=", ".join(unknown)))
                conn.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(names.owner)))
                added = schema.add_missing(conn, local, wanted, names)
                conn.execute("INSERT INTO office_meta VALUES ('migrations', %s) ON CONFLICT "
                             "(key) DO UPDATE SET value = EXCLUDED.value", [_migrations_text()])
                conn.commit()
        finally:
            local.close()
        return added
    finally:
        shutil.rmtree(folder, ignore_errors=True)
