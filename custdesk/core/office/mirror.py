"""Each PC's working copy of the office database, kept in step with the server.

custdesk's core reads and writes one SQLite connection, through views that open sealed
values with the session's keys (``store.sealing``): a server cannot run those, since it
never holds the keys. So each session keeps a working copy — an encrypted file in a
private temporary folder, exactly a single-PC database holding the rows the server's
row-level security shows this person — and the server stays the one truth:

- **reading** is local (a keystroke's search costs what it costs on a single PC); the copy
  is brought up to date from the server's ``change_log`` whenever another PC announces a
  change (LISTEN/NOTIFY) and at the start of every write;
- **writing** is one transaction on both: the server's advisory write lock first, the copy
  brought up to date under it, core's change applied to the copy (temporary triggers
  note every row it touches), those rows sent to the server as stored, the server's
  COMMIT, then the copy's. The server's privileges, policies and triggers judge every
  row; a refusal rolls both back and nothing is half-written.
"""

from __future__ import annotations

import contextlib
import json
import threading
from pathlib import Path
from typing import Callable, Iterator

import psycopg
from psycopg import sql

from .. import i18n
from ..errors import AccessDenied, StoreError
from ..store.connection import DatabaseError
from . import schema

i18n.register({
    "office.refused": (
        "办公室数据库拒绝了这次修改（{error}），未保存任何内容",
        "The office database refused this change ({error}); nothing was saved"),
    "office.lost": (
        "与办公室数据库的连接中断：这次修改未保存。请检查网络和服务器后重试（{error}）",
        "The connection to the office database was lost: this change was not saved. Check "
        "the network and the server, then try again ({error})"),
    "office.not_saved": (
        "{reason}。这次修改未保存，稍后再试",
        "{reason}. This change was not saved; try again later"),
    "office.conflict": (
        "这份记录刚被其他人修改或删除，您的修改未保存。请重新打开后再改",
        "This record was just changed or deleted by someone else; your change was not saved. "
        "Open it again and redo the change"),
})

# Working-copy tables whose rows are files beside it (the key slots, the chain head).
COMPANIONS = {".keys": ".keys", ".audit-head": ".audit-head"}
_BATCH = 2000
_MAX_PENDING = 500
_PARAMS = 30_000          # values per INSERT statement (the protocol allows 65,535)
# Which area of the window each table's rows belong to (``changes.AREAS``).
AREAS = {
    **dict.fromkeys(("customers", "individuals", "enterprises", "name_grams", "blind_index"),
                    "customers"),
    **dict.fromkeys(("contacts", "financial_statements", "credit_records", "litigation",
                     "transactions", "communications", "complaints", "licences", "outcomes",
                     "collateral"), "records"),
    "documents": "documents",
    **dict.fromkeys(("users", "user_certs", "key_grants", "level_keys"), "users"),
    **dict.fromkeys(("settings", "field_levels", "scorecards", "scorecard_approvals"),
                    "settings"),
    "audit_log": "audit",
    **dict.fromkeys(("assessments", "limit_changes"), "grading"),
    **dict.fromkeys(("warnings", "warning_actions", "review_events"), "warnings"),
    "report_exports": "exports",
}


class OfficeLink:
    """One person's session with the office database: the server connection and the
    working copy at ``path``."""

    def __init__(self, conn: psycopg.Connection, url: str, names: schema.Names, user: str,
                 path: Path, reconnect: Callable[[], psycopg.Connection] | None = None):
        self.conn = conn
        # How to connect again after the server restarted or the network dropped (holds
        # the password in memory for the session, as the keyring holds the keys).
        self._reconnect = reconnect
        self.url = url
        self.names = names
        self.user = user
        self.path = path
        self.tables: dict[str, dict] = {}
        self.last_seq = 0
        self.passwords: dict[str, str] = {}      # user -> new password, sent with the write
        self.stale = False                        # another PC announced a change
        self.sealer = None                        # the desk's (its caches follow pulls)
        self.listeners: list[Callable[[], None]] = []
        self._listener: threading.Thread | None = None
        self._listen_conn: psycopg.Connection | None = None
        self._files: dict[str, bytes] = {}        # companion files as last synced
        self._closed = False
        self._wake = threading.Event()            # ends the listener's wait at close
        self.behind = False                       # a pulled row the copy could not take
        self.pending_changes: list = []           # what others changed (``take_changes``)
        self.sealed_pulled = False                # a pull touched a sealed file
        self.release: Callable[[], None] | None = None   # the copy's lock, at close
        self.lasting = False                      # the copy stays for the next session

    # -- the working copy ------------------------------------------------------------------
    def install(self, db) -> None:
        """Temporary triggers on the copy that note each row a write touches."""
        from .schema import local_tables
        self.tables = local_tables(db)
        db.execute("CREATE TEMP TABLE IF NOT EXISTS cd_dirty (n INTEGER PRIMARY KEY, "
                   "tbl TEXT, pk TEXT, op TEXT)")
        db.execute("CREATE INDEX IF NOT EXISTS temp.cd_dirty_tbl ON cd_dirty (tbl)")
        db.execute("CREATE TEMP TABLE IF NOT EXISTS cd_state (pulling INTEGER)")
        db.execute("DELETE FROM temp.cd_state")
        db.execute("INSERT INTO temp.cd_state VALUES (0)")
        for table, spec in self.tables.items():
            for op, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
                keys = ", ".join(f'{row}."{c}"' for c in spec["pk"])
                db.execute(
                    f'CREATE TEMP TRIGGER IF NOT EXISTS "cd_{table}_{op.lower()}" AFTER {op} '
                    f'ON main."{table}" WHEN (SELECT pulling FROM temp.cd_state) = 0 '
                    f"BEGIN INSERT INTO temp.cd_dirty (tbl, pk, op) VALUES ('{table}', "
                    f"json_array({keys}), '{op[0].lower()}'); END")

    def fetch_files(self) -> None:
        """The companion files (key slots, chain head) from the server into the copy's folder."""
        for name, content in self.conn.execute("SELECT name, content FROM office_files"):
            self._write_companion(name, bytes(content))

    def _write_companion(self, name: str, content: bytes) -> None:
        if name not in COMPANIONS:
            return
        from ..files import write_atomic_bytes
        write_atomic_bytes(Path(str(self.path) + COMPANIONS[name]), content)
        self._files[name] = content

    def _save_state(self, db) -> None:
        """How far the copy has caught up, kept in it (in the same local transaction as
        the rows), for the next session to go on from."""
        db.conn.execute("INSERT OR REPLACE INTO main.cd_copy VALUES ('last_seq', ?)",
                        [str(self.last_seq)])

    def state(self, db) -> dict[str, str]:
        """What the copy says it was made from (empty for one that is not a working copy)."""
        if db.conn.execute("SELECT 1 FROM main.sqlite_master WHERE name = 'cd_copy'"
                           ).fetchone() is None:
            return {}
        return dict(db.conn.execute("SELECT key, value FROM main.cd_copy").fetchall())

    def resume(self, db, made_from: dict[str, str]) -> bool:
        """Go on from a copy a former session of this person left, when it was made from
        this database, for this person's role and clearance as they are now; catch up
        with what others saved since. False: make a new one instead."""
        state = self.state(db)
        if not state or any(state.get(k) != v for k, v in made_from.items()):
            return False
        last = int(state.get("last_seq", "0"))
        newest = self.conn.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()[0]
        if last > newest:
            return False          # a database put back from a backup: made again
        self.install(db)
        self.last_seq = last
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            with self.conn.transaction():
                self.pull(db)
            if self.behind:
                raise StoreError("behind")
            db.conn.execute("DELETE FROM temp.cd_dirty")
            self._save_state(db)
            db.conn.execute("COMMIT")
        except BaseException:
            db.conn.execute("ROLLBACK")
            self.behind = False
            return False
        self.pending_changes.clear()
        return True

    def load_all(self, db, made_from: dict[str, str] | None = None) -> None:
        """Fill an empty working copy with every row the server shows this person. (Its
        indexes stay while the rows go in: dropping and making them again after was slower,
        5.8–6.1 s against 4.3–4.6 s at 20,000 customers.)"""
        self.install(db)
        conn = self.conn
        with conn.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            self.last_seq = conn.execute("SELECT coalesce(max(seq), 0) FROM change_log"
                                         ).fetchone()[0]
            db.conn.execute("BEGIN IMMEDIATE")
            try:
                db.conn.execute("UPDATE temp.cd_state SET pulling = 1")
                db.conn.execute("PRAGMA defer_foreign_keys = ON")
                for table, spec in self.tables.items():
                    db.conn.execute(f'DELETE FROM main."{table}"')
                    names = [c for c, _t, _n in spec["columns"]]
                    insert = (f'INSERT INTO main."{table}" '
                              f'({", ".join(chr(34) + n + chr(34) for n in names)}) '
                              f'VALUES ({", ".join("?" * len(names))})')
                    with conn.cursor(name=f"load_{table}") as cur:
                        cur.itersize = _BATCH
                        cur.execute(sql.SQL("SELECT {} FROM {}").format(
                            sql.SQL(", ").join(sql.Identifier(n) for n in names),
                            sql.Identifier(table)))
                        while True:
                            rows = cur.fetchmany(_BATCH)
                            if not rows:
                                break
                            db.conn.executemany(insert, rows)
                db.conn.execute("CREATE TABLE IF NOT EXISTS main.cd_copy "
                                "(key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                db.conn.execute("DELETE FROM main.cd_copy")
                db.conn.executemany("INSERT INTO main.cd_copy VALUES (?, ?)",
                                    list((made_from or {}).items()))
                self._save_state(db)
                db.conn.execute("UPDATE temp.cd_state SET pulling = 0")
                db.conn.execute("COMMIT")
            except BaseException:
                db.conn.execute("ROLLBACK")
                raise

    # -- bringing the copy up to date -------------------------------------------------------
    def pull(self, db) -> int:
        """Apply what others committed since the last pull (inside the copy's transaction).
        Returns how many rows changed."""
        changes = self.conn.execute(
            "SELECT seq, tbl, pk FROM change_log WHERE seq > %s ORDER BY seq",
            [self.last_seq]).fetchall()
        if not changes:
            return 0
        by_table: dict[str, dict[str, None]] = {}
        for _seq, table, pk in changes:
            by_table.setdefault(table, {})[pk] = None
        db.conn.execute("UPDATE temp.cd_state SET pulling = 1")
        db.conn.execute("PRAGMA defer_foreign_keys = ON")
        touched = 0
        try:
            for table, keys in by_table.items():
                if table == "office_files":
                    for name in keys:
                        row = self.conn.execute("SELECT content FROM office_files WHERE "
                                                "name = %s", [json.loads(name)[0]]).fetchone()
                        if row is not None:
                            self._write_companion(json.loads(name)[0], bytes(row[0]))
                    continue
                if table not in self.tables:
                    continue
                touched += self._pull_table(db, table, list(keys))
        finally:
            db.conn.execute("UPDATE temp.cd_state SET pulling = 0")
        self.last_seq = changes[-1][0]
        self._announce(db, by_table)
        if touched and self.sealer is not None:
            # The lists' copy of the sealed files is made again only when one of them
            # changed (the others are read from SQL each time).
            if self.sealed_pulled:
                self.sealer.writes += touched
                self.sealed_pulled = False
            for table in by_table:
                self.sealer.table_writes[table] = self.sealer.table_writes.get(table, 0) + 1
        return touched

    def _announce(self, db, by_table: dict[str, dict]) -> None:
        """What the pulled rows changed, as a window's ``Changes`` (``take_changes``)."""
        from ..changes import Changes
        areas = {AREAS.get(t) for t in by_table} - {None}
        if not areas:
            return
        ids = set()
        for table, keys in by_table.items():
            if table == "customers":
                ids.update(json.loads(k)[0] for k in keys)
            elif "customer_id" in [c for c, _t, _n in self.tables.get(table, {}).get("columns", [])]:
                pk = self.tables[table]["pk"]
                if pk == ["customer_id"]:
                    ids.update(json.loads(k)[0] for k in keys)
                else:
                    found = db.conn.execute(
                        f'SELECT DISTINCT customer_id FROM main."{table}" WHERE "{pk[0]}" IN '
                        f"(SELECT json_extract(value, '$[0]') FROM json_each(?))",
                        [json.dumps([json.loads(k) for k in keys])]).fetchall()
                    ids.update(r[0] for r in found)
        codes = [r[0] for r in db.conn.execute(
            "SELECT code FROM main.customers WHERE id IN (SELECT value FROM json_each(?))",
            [json.dumps(sorted(i for i in ids if i is not None))]).fetchall()]
        self.pending_changes.append(Changes.of(*areas))
        self.pending_changes.extend(Changes.of(*areas, code=code) for code in codes)
        if len(self.pending_changes) > _MAX_PENDING:
            # Nobody asked for a while (a command line): one change of every area says it.
            self.pending_changes = [Changes.of(*{a for c in self.pending_changes
                                                 for a in c.areas if a != "audit"})]

    def take_changes(self) -> list:
        """The changes other PCs made that this session has taken in since last asked."""
        taken, self.pending_changes = self.pending_changes, []
        return taken

    def _pull_table(self, db, table: str, keys: list[str]) -> int:
        spec = self.tables[table]
        names = [c for c, _t, _n in spec["columns"]]
        types = {c: t for c, t, _n in spec["columns"]}
        pk = spec["pk"]
        at = [names.index(c) for c in pk]
        wanted = {tuple(json.loads(k)): k for k in keys}
        found: dict[tuple, tuple] = {}
        for start in range(0, len(keys), _BATCH):
            piece = list(wanted)[start:start + _BATCH]
            # Found through the table's own key (an index), not an expression of it.
            if len(pk) == 1:
                where = sql.SQL("{} = ANY(%s::{}[])").format(
                    sql.Identifier(pk[0]), sql.SQL(types[pk[0]]))
                params = [[k[0] for k in piece]]
            else:
                where = sql.SQL("({}) IN (SELECT * FROM unnest({}))").format(
                    sql.SQL(", ").join(sql.Identifier(c) for c in pk),
                    sql.SQL(", ").join(sql.SQL("%s::{}[]").format(sql.SQL(types[c]))
                                       for c in pk))
                params = [[k[i] for k in piece] for i in range(len(pk))]
            rows = self.conn.execute(sql.SQL("SELECT {} FROM {} WHERE {}").format(
                sql.SQL(", ").join(sql.Identifier(n) for n in names), sql.Identifier(table),
                where), params).fetchall()
            for row in rows:
                found[tuple(row[i] for i in at)] = row
        sealed_before = self._sealed_files(db, table, wanted)
        if found:
            upsert = _upsert_sql(table, names, pk)
            try:
                db.conn.executemany(upsert, list(found.values()))
            except DatabaseError:
                # One row the copy's own triggers refuse to change: the others still go in.
                for row in found.values():
                    try:
                        db.conn.execute(upsert, row)
                    except DatabaseError:
                        self.behind = True
        where_local = " AND ".join(f'"{c}" = ?' for c in pk)
        for key in wanted:
            if key in found:
                continue
            # Gone from the server, or no longer shown to this person (its file's level
            # was raised above their clearance).
            try:
                db.conn.execute(f'DELETE FROM main."{table}" WHERE {where_local}', list(key))
            except DatabaseError:
                # A row the copy's own triggers keep (a decided assessment): the copy is
                # behind there until the next login; the server is right either way.
                self.behind = True
        if sealed_before or self._sealed_files(db, table, wanted):
            self.sealed_pulled = True
        return len(keys)

    @staticmethod
    def _sealed_files(db, table: str, wanted: dict) -> bool:
        """Whether any of these keys is a sealed file in the copy (the lists keep those in
        memory: ``customers.catalogue``)."""
        if table != "customers":
            return False
        ids = [k[0] for k in wanted]
        return db.conn.execute(
            "SELECT EXISTS (SELECT 1 FROM main.customers WHERE sealed IS NOT NULL AND id IN "
            "(SELECT value FROM json_each(?)))", [json.dumps(ids)]).fetchone()[0] == 1

    def refresh(self, db) -> int:
        """Bring the copy up to date outside a write (another PC announced a change)."""
        self.stale = False
        if db.conn.in_transaction:
            return 0
        self._ensure_connected()
        seq = self.last_seq
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            with self.conn.transaction():
                count = self.pull(db)
            db.conn.execute("DELETE FROM temp.cd_dirty")
            self._save_state(db)
            db.conn.execute("COMMIT")
        except BaseException as exc:
            db.conn.execute("ROLLBACK")
            self.last_seq, self.stale = seq, True
            if isinstance(exc, psycopg.Error):
                raise _translate(exc) from exc
            raise
        return count

    def _ensure_connected(self) -> None:
        """A connection the server or the network ended is made again (once per call). A
        connection only finds out by being used: a server restarted meanwhile is noticed
        here by a trip to it, before a write or a catch-up begins."""
        if self._reconnect is None:
            return
        if not (self.conn.closed or self.conn.broken):
            try:
                self.conn.execute("SELECT 1")
                return
            except psycopg.OperationalError:
                pass
        with contextlib.suppress(Exception):
            self.conn.close()
        self.conn = self._reconnect()      # StoreError: why the server cannot be reached
        self.listen()

    # -- writing ----------------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self, db, local_write) -> Iterator[None]:
        """One write on both: see the module's description."""
        try:
            self._ensure_connected()
        except StoreError as exc:
            raise StoreError(i18n.tr("office.not_saved", reason=str(exc))) from exc
        conn = self.conn
        seq = self.last_seq
        try:
            pg = conn.transaction()
            pg.__enter__()
        except psycopg.OperationalError as exc:
            raise StoreError(i18n.tr("office.lost", error=_first_line(exc))) from exc
        try:
            try:
                conn.execute("SELECT pg_advisory_xact_lock(%s)", [schema.WRITE_LOCK])
            except psycopg.OperationalError as exc:
                raise StoreError(i18n.tr("office.lost", error=_first_line(exc))) from exc
            with local_write(db):
                db.conn.execute("DELETE FROM temp.cd_dirty")
                self.pull(db)
                db.conn.execute("DELETE FROM temp.cd_dirty")
                yield
                self.push(db)
                self.last_seq = conn.execute("SELECT coalesce(max(seq), 0) FROM change_log"
                                             ).fetchone()[0]
                self._save_state(db)
                try:
                    pg.__exit__(None, None, None)
                except psycopg.Error as exc:
                    pg = None
                    raise _translate(exc) from exc
                pg = None
        except BaseException as exc:
            # The copy rolled back what this write pulled: it is pulled again next time.
            self.last_seq, self.stale = seq, True
            if pg is not None:
                with contextlib.suppress(psycopg.Error):
                    pg.__exit__(type(exc), exc, exc.__traceback__)
            if isinstance(exc, psycopg.Error):
                raise _translate(exc) from exc
            raise
        self._push_files_after()

    def push(self, db) -> None:
        """Send the rows this write touched to the server, as stored in the copy: the audit
        entries first (the server refuses data changed in a transaction that has none
        before), then per table the rows gone, those changed and the new ones (so a unique
        value freed and taken in one write goes in order), in batches."""
        by_table: dict[str, dict[tuple, bool]] = {}
        for table, pk, op in db.conn.execute(
                "SELECT tbl, pk, op FROM temp.cd_dirty ORDER BY n"):
            keys = by_table.setdefault(table, {})
            key = tuple(json.loads(pk))
            if key not in keys:
                keys[key] = op != "i"          # whether the row existed before this write
        order = sorted(by_table, key=lambda t: t != "audit_log")
        try:
            for table in order:
                self._push_table(db, table, by_table[table])
            users = by_table.get("users", {})
            self._sync_people(db, {json.dumps(list(k)) for k in users})
            self._push_files()
        except psycopg.Error as exc:
            raise _translate(exc) from exc
        db.conn.execute("DELETE FROM temp.cd_dirty")

    def _push_table(self, db, table: str, keys: dict[tuple, bool]) -> None:
        spec = self.tables[table]
        names = [c for c, _t, _n in spec["columns"]]
        types = [t for _c, t, _n in spec["columns"]]
        pk = spec["pk"]
        at = [names.index(c) for c in pk]
        others = [i for i, n in enumerate(names) if n not in pk]
        # The copy's rows now, found by key through the table's own index.
        picks = ", ".join(f"json_extract(pk, '$[{i}]')" for i in range(len(pk)))
        target = f'"{pk[0]}"' if len(pk) == 1 else "(" + ", ".join(f'"{c}"' for c in pk) + ")"
        chosen = (f"{target} IN (SELECT {picks} FROM temp.cd_dirty WHERE tbl = ?)")
        present = {tuple(r) for r in db.conn.execute(
            f'SELECT {", ".join(chr(34) + c + chr(34) for c in pk)} FROM main."{table}" '
            f"WHERE {chosen}", [table])}
        ident = sql.Identifier(table)
        where = sql.SQL(" AND ").join(sql.SQL("{} = %s").format(sql.Identifier(c)) for c in pk)
        gone = [list(k) for k, existed in keys.items() if existed and k not in present]
        with self.conn.cursor() as cur:
            if gone:
                cur.executemany(sql.SQL("DELETE FROM {} WHERE {}").format(ident, where), gone)
            update = sql.SQL("UPDATE {} SET {} WHERE {}").format(
                ident, sql.SQL(", ").join(sql.SQL("{} = %s").format(sql.Identifier(names[i]))
                                          for i in others), where)
            per_insert = max(1, _PARAMS // len(names))
            rows = db.conn.execute(f'SELECT * FROM main."{table}" WHERE {chosen}', [table])
            while True:
                batch = rows.fetchmany(per_insert)
                if not batch:
                    break
                changed, added = [], []
                for row in batch:
                    values = [_for_server(v, t) for v, t in zip(row, types)]
                    key = tuple(row[i] for i in at)
                    (changed if keys.get(key, True) else added).append(values)
                if changed and others:
                    cur.executemany(update, [[r[i] for i in others] + [r[i] for i in at]
                                             for r in changed])
                    if cur.rowcount != len(changed):
                        # A row this person could see when the write began is no longer
                        # theirs to change (deleted, or levelled above them) on the server.
                        raise StoreError(i18n.tr("office.conflict"))
                if added:
                    # One statement for many rows: the server's per-statement work (its
                    # change log, its checks) is done once for them.
                    one = sql.SQL("({})").format(sql.SQL(", ").join(
                        sql.Placeholder() * len(names)))
                    cur.execute(sql.SQL("INSERT INTO {} ({}) VALUES {}").format(
                        ident, sql.SQL(", ").join(sql.Identifier(n) for n in names),
                        sql.SQL(", ").join([one] * len(added))),
                        [v for r in added for v in r])

    def _sync_people(self, db, users_touched: set[str]) -> None:
        """The server's roles follow the program's users (and new passwords travel as
        SCRAM verifiers, never in clear)."""
        names = set(self.passwords)
        for pk in users_touched:
            row = db.conn.execute("SELECT name FROM main.users WHERE id = ?",
                                  json.loads(pk)).fetchone()
            if row:
                names.add(row[0])
        for name in sorted(names):
            row = db.conn.execute("SELECT role, clearance, active FROM main.users "
                                  "WHERE name = ?", [name]).fetchone()
            if row is None:
                continue
            password = self.passwords.get(name)
            verifier = None
            if password is not None:
                verifier = self.conn.pgconn.encrypt_password(
                    password.encode("utf-8"), self.names.person(name).encode("utf-8"),
                    b"scram-sha-256").decode("ascii")
            self.conn.execute("SELECT cd_person_sync(%s, %s, %s, %s, %s)",
                              [name, row[0], row[1], bool(row[2]), verifier])
        self.passwords.clear()

    def _push_files(self) -> None:
        for name, suffix in COMPANIONS.items():
            path = Path(str(self.path) + suffix)
            if not path.exists():
                continue
            content = path.read_bytes()
            if self._files.get(name) == content:
                continue
            self.conn.execute(
                "INSERT INTO office_files (name, content) VALUES (%s, %s) "
                "ON CONFLICT (name) DO UPDATE SET content = EXCLUDED.content", [name, content])
            self._files[name] = content

    def _push_files_after(self) -> None:
        """The chain head is written beside the copy after its commit: it travels in the
        next write, or here on its own."""
        try:
            with self.conn.transaction():
                self._push_files()
        except psycopg.Error:
            pass

    # -- hearing from the other PCs -----------------------------------------------------------
    def listen(self) -> None:
        """Start the thread that hears other PCs' changes (LISTEN) and marks the copy stale.
        When the server goes away it connects again (waiting longer each time, up to 15 s);
        once back, it marks the copy stale so what others saved meanwhile is fetched."""
        if self._listener is not None or self._reconnect is None:
            return

        def heard() -> None:
            self.stale = True
            for listener in list(self.listeners):
                with contextlib.suppress(Exception):
                    listener()

        def run() -> None:
            wait, first = 1.0, True
            while not self._closed:
                try:
                    conn = self._listen_conn = self._reconnect()
                    conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(schema.CHANNEL)))
                    if not first:
                        heard()
                    first, wait = False, 1.0
                    for _note in conn.notifies():
                        if self._closed:
                            return
                        heard()
                except Exception:       # noqa: BLE001 - the server is away: try again
                    if self._closed:
                        return
                    first = False
                    self._wake.wait(wait)
                    wait = min(wait * 2, 15.0)

        self._listener = threading.Thread(target=run, name="custdesk-office-listen",
                                          daemon=True)
        self._listener.start()

    def _stop_listening(self) -> None:
        self._wake.set()
        if self._listen_conn is not None:
            with contextlib.suppress(Exception):
                self._listen_conn.close()
        self._listen_conn = None

    def close(self) -> None:
        self._closed = True
        if self.release is not None:
            self.release()
        self._stop_listening()
        with contextlib.suppress(Exception):
            self.conn.close()


def _upsert_sql(table: str, names: list[str], pk: list[str]) -> str:
    """A row from the server into the copy: inserted, or its columns updated in place (an
    UPDATE, so the copy's own rules see an ordinary change; REPLACE would delete first)."""
    quoted = ", ".join(f'"{n}"' for n in names)
    updates = ", ".join(f'"{n}" = excluded."{n}"' for n in names if n not in pk)
    keys = ", ".join(f'"{c}"' for c in pk)
    action = f"DO UPDATE SET {updates}" if updates else "DO NOTHING"
    return (f'INSERT INTO main."{table}" ({quoted}) VALUES ({", ".join("?" * len(names))}) '
            f"ON CONFLICT ({keys}) {action}")


def _for_server(value, pg_type: str):
    if value is None:
        return None
    if pg_type == "text" and not isinstance(value, str):
        return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    if pg_type == "bytea" and isinstance(value, str):
        return value.encode("utf-8")
    return value


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _translate(exc: psycopg.Error) -> Exception:
    """A server refusal as core's errors: a right the person lacks, a rule broken, or a
    connection lost (nothing was saved in each case)."""
    from ..store import connection
    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return AccessDenied(i18n.tr("office.refused", error=_first_line(exc)))
    if isinstance(exc, psycopg.IntegrityError):
        return connection.IntegrityError(_first_line(exc))
    if isinstance(exc, psycopg.OperationalError):
        return StoreError(i18n.tr("office.lost", error=_first_line(exc)))
    return StoreError(i18n.tr("office.refused", error=_first_line(exc)))
