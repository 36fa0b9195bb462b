"""The office database's tables, roles and rules on PostgreSQL.

The tables are those of a single-PC database, column for column (read from a migrated
local file, so one migration list serves both engines): each client keeps a working copy
in the same form (``office.mirror``) and rows travel between them as stored — a value
above 内部 as the token it was sealed into, so the server never holds it in clear.

What the program promises, the database enforces for anyone who connects with their own
role (``psql`` included):

- one LOGIN role per person, member of one group role per program role; nobody but the
  superuser acts as the owner of the tables (a NOLOGIN role);
- row-level security on every table of customer data: a file is visible when its level is
  at most the person's clearance, its records when their file is visible;
- privileges by group as in ``access.PERMISSIONS``: only administrators write users and
  certificates, only managers and administrators scorecards and field levels;
- the audit log is append-only (no UPDATE, DELETE or TRUNCATE for anyone but the owner,
  and a trigger refuses them even then);
- four eyes: a decision on an assessment or a limit change is written by a reviewer,
  manager or administrator, in their own name (the session's), never the requester's;
- a change to a file, a user, a scorecard or a field level is refused in a transaction that
  has not appended an audit entry before it, so a person connecting with psql cannot change
  them without leaving a signed, chained entry that says so;
- every change is numbered in ``change_log`` and announced (NOTIFY) to the other PCs.
"""

from __future__ import annotations

from psycopg import sql

from ..access import ROLES

# Tables kept only in each working copy (the local migration bookkeeping, and what the
# copy was made from and how far it has caught up: ``mirror.COPY_STATE``).
LOCAL_ONLY = ("_sqlite_migrations", "sqlite_sequence", "cd_copy")
CHANNEL = "custdesk_changes"
# The advisory lock every write transaction takes first: writes are serialised, so the
# audit chain stays linear and a working copy brought up to date under it sees every
# row another PC committed before.
WRITE_LOCK = 0x637573746465736B      # "custdesk"

_TYPES = {"INTEGER": "bigint", "TEXT": "text", "BLOB": "bytea", "REAL": "double precision",
          "": "text"}

# Tables whose rows belong to one customer file (``customer_id``), and the file table.
FILE_TABLE = "customers"
# Written only by these program roles (besides the owner), as access.PERMISSIONS says:
# users and keys by administrators (user.manage), scorecards and field levels by managers
# (settings.manage), a file's records by those who edit files (customer.edit), assessments
# and limit changes by those who make or decide them. What every session writes for the
# firm as it goes — the day's warning check, review dates, search keys, report numbers,
# key grants, its own signed snapshot — stays open to every role.
_EDITORS = ("clerk", "manager", "admin")
WRITERS = {
    "users": ("admin",),
    "user_certs": ("admin",),
    "level_keys": ("admin",),
    "scorecards": ("manager", "admin"),
    "scorecard_approvals": ("manager", "admin"),
    "field_levels": ("manager", "admin"),
    **dict.fromkeys(("individuals", "enterprises", "contacts", "financial_statements",
                     "credit_records", "litigation", "transactions", "communications",
                     "complaints", "licences", "documents", "outcomes", "collateral"),
                    _EDITORS),
    **dict.fromkeys(("assessments", "limit_changes"), ("clerk", "reviewer", "manager", "admin")),
}
# Tables no one changes once written (their local triggers say the same).
APPEND_ONLY = ("audit_log", "user_certs", "scorecards", "scorecard_approvals")
DECIDERS = ("reviewer", "manager", "admin")
# Four eyes: who asked, per table of requests.
REQUESTERS = {"assessments": "assessor", "limit_changes": "requested_by",
              "scorecard_approvals": "requested_by"}
# Tables (besides every table of a file's rows) changed only with an audit entry.
AUDITED = ("customers", "users", "user_certs", "scorecards", "scorecard_approvals",
           "field_levels")


class Names:
    """The cluster-wide names of one office database's roles (PostgreSQL roles belong to
    the cluster, so each carries the database's name)."""

    def __init__(self, dbname: str):
        self.prefix = _role_prefix(dbname)

    @property
    def owner(self) -> str:
        return f"{self.prefix}_owner"

    def group(self, role: str) -> str:
        return f"{self.prefix}_{role}_group"

    def person(self, user: str) -> str:
        return person_role(self.prefix, user)


def _role_prefix(dbname: str) -> str:
    import re
    clean = re.sub(r"[^a-z0-9_]", "_", dbname.lower())[:24] or "db"
    return f"cd_{clean}"


def person_role(prefix: str, user: str) -> str:
    """A person's role: the prefix and their user name when it is plain ASCII that fits,
    else a digest of the name (user names may be Chinese; role names are at most 63 bytes)."""
    import hashlib
    import re
    if re.fullmatch(r"[a-z0-9_.\-]+", user) and len(prefix) + 1 + len(user) <= 63:
        return f"{prefix}_{user}"
    return f"{prefix}_u{hashlib.sha256(user.encode('utf-8')).hexdigest()[:16]}"


def local_tables(local) -> dict[str, dict]:
    """table -> {"columns": [(name, pg type, not null)], "pk": [names]} of a working copy."""
    tables = {}
    for (name,) in local.execute("SELECT name FROM main.sqlite_master WHERE type = 'table' "
                                 "ORDER BY name").fetchall():
        if name in LOCAL_ONLY:
            continue
        info = local.execute(f'PRAGMA main.table_info("{name}")').fetchall()
        columns = [(c[1], _TYPES[c[2].upper()], bool(c[3])) for c in info]
        pk = [c[1] for c in sorted(info, key=lambda c: c[5]) if c[5]]
        # UNIQUE written in the table itself (a file's code, a user's name): the indexes
        # SQLite makes for them have no statement of their own to copy.
        unique = [[r[2] for r in local.execute(f'PRAGMA main.index_info("{idx[1]}")')]
                  for idx in local.execute(f'PRAGMA main.index_list("{name}")').fetchall()
                  if idx[2] and idx[3] == "u"]
        tables[name] = {"columns": columns, "pk": pk, "unique": unique}
    return tables


def _indexes(local) -> list[tuple[str, str]]:
    rows = local.execute("SELECT tbl_name, sql FROM main.sqlite_master WHERE type = 'index' "
                         "AND sql IS NOT NULL").fetchall()
    return [(t, s) for t, s in rows if t not in LOCAL_ONLY]


def create_tables(cur, local, names: Names) -> None:
    """The tables, their keys and indexes, as the owner (run as a superuser)."""
    tables = local_tables(local)
    for table, spec in tables.items():
        _create_table(cur, table, spec)
    for _table, statement in _indexes(local):
        cur.execute(_index_sql(statement))
    cur.execute("CREATE TABLE change_log (seq bigserial PRIMARY KEY, tbl text NOT NULL, "
                "pk text NOT NULL, at timestamptz NOT NULL DEFAULT now())")
    cur.execute("CREATE TABLE office_files (name text PRIMARY KEY, content bytea NOT NULL)")
    cur.execute("CREATE TABLE office_people (user_name text PRIMARY KEY, "
                "db_role text NOT NULL UNIQUE, role text NOT NULL, clearance int NOT NULL, "
                "active boolean NOT NULL)")
    cur.execute("CREATE TABLE office_meta (key text PRIMARY KEY, value text NOT NULL)")
    return tables


def add_missing(conn, local, wanted: dict[str, dict], names: Names) -> dict:
    """The tables and columns of ``wanted`` the server lacks, with their indexes and rules
    (as the owner, in the caller's transaction); returns what was added."""
    have: dict[str, set[str]] = {}
    for table, column in conn.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = 'public'"):
        have.setdefault(table, set()).add(column)
    new_tables = {t: spec for t, spec in wanted.items() if t not in have}
    columns = 0
    with conn.cursor() as cur:
        for table, spec in wanted.items():
            if table in new_tables:
                _create_table(cur, table, spec)
                continue
            for column, pg_type, _not_null in spec["columns"]:
                if column not in have[table]:
                    # Nullable: the rows already there have no value for it.
                    cur.execute(sql.SQL("ALTER TABLE {} ADD COLUMN {} {}").format(
                        sql.Identifier(table), sql.Identifier(column), sql.SQL(pg_type)))
                    columns += 1
        existing = {r[0] for r in conn.execute(
            "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")}
        for _table, statement in _indexes(local):
            name = statement.split(" ON ")[0].split()[-1].strip('"')
            if name not in existing:
                cur.execute(_index_sql(statement))
        _four_eyes_function(cur)
        for table, spec in new_tables.items():
            _table_rules(cur, table, spec, names)
    return {"tables": len(new_tables), "columns": columns}


def _create_table(cur, table: str, spec: dict) -> None:
    cols = [sql.SQL("{} {}{}").format(sql.Identifier(c), sql.SQL(t),
                                      sql.SQL(" NOT NULL") if nn and c not in spec["pk"]
                                      else sql.SQL(""))
            for c, t, nn in spec["columns"]]
    cols.append(sql.SQL("PRIMARY KEY ({})").format(
        sql.SQL(", ").join(sql.Identifier(c) for c in spec["pk"])))
    for columns in spec.get("unique", []):
        cols.append(sql.SQL("UNIQUE ({})").format(
            sql.SQL(", ").join(sql.Identifier(c) for c in columns)))
    cur.execute(sql.SQL("CREATE TABLE {} ({})").format(sql.Identifier(table),
                                                      sql.SQL(", ").join(cols)))


def _index_sql(statement: str) -> str:
    # SQLite's index statements are standard SQL; ``user`` is a keyword in PostgreSQL.
    return statement.replace("(user,", '("user",').replace("(user)", '("user")')


def install_rules(cur, tables: dict[str, dict], names: Names) -> None:
    """Functions, triggers, row-level security and privileges (as the owner)."""
    q = sql.Identifier
    groups = {role: names.group(role) for role in ROLES}
    group_list = sql.SQL(", ").join(q(g) for g in groups.values())
    cur.execute(sql.SQL("REVOKE ALL ON SCHEMA public FROM PUBLIC"))
    cur.execute(sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(group_list))

    # Who the session is, for the policies: definer functions read the owner's table of
    # people (session_user: the person who logged in, whatever role they SET).
    cur.execute("""
        CREATE FUNCTION cd_clearance() RETURNS int LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public AS $$
            SELECT coalesce((SELECT clearance FROM office_people
                             WHERE db_role = session_user AND active), -1) $$""")
    cur.execute("""
        CREATE FUNCTION cd_person() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public AS $$
            SELECT user_name FROM office_people WHERE db_role = session_user AND active $$""")
    cur.execute("""
        CREATE FUNCTION cd_role() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public AS $$
            SELECT role FROM office_people WHERE db_role = session_user AND active $$""")

    # The change log: a row per changed row, written by definer triggers (people cannot
    # write it themselves), once per statement from its rows (an import's thousand-row
    # INSERT is one call), announced at commit (one notice per table and transaction).
    for name, rows in (("cd_log_new", "changed"), ("cd_log_gone", "gone")):
        cur.execute(f"""
            CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
            SET search_path = public AS $$
            BEGIN
                INSERT INTO change_log (tbl, pk)
                    SELECT TG_TABLE_NAME, (SELECT jsonb_agg(to_jsonb(r) -> a.k ORDER BY a.n)
                                           FROM unnest(TG_ARGV) WITH ORDINALITY AS a(k, n))::text
                    FROM {rows} r;
                PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME);
                RETURN NULL;
            END $$""")
    for table, pk in (("office_files", "name"), ("office_people", "user_name")):
        _log_changes(cur, table, [pk])

    # Which new files' ids and codes are taken, files the asker may not see included (a
    # clerk draws codes for new files; a code says nothing of its file, and the log shows
    # every code to everyone anyway).
    cur.execute("""
        CREATE FUNCTION cd_taken(p_ids bigint[], p_codes text[]) RETURNS SETOF text
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
            SELECT id::text FROM customers WHERE id = ANY(p_ids)
            UNION ALL SELECT code FROM customers WHERE code = ANY(p_codes) $$""")
    cur.execute(sql.SQL("REVOKE ALL ON FUNCTION cd_taken(bigint[], text[]) FROM PUBLIC"))
    cur.execute(sql.SQL("GRANT EXECUTE ON FUNCTION cd_taken(bigint[], text[]) TO {}")
                .format(group_list))

    # Append-only tables: refused even to a role that was granted the right by mistake.
    cur.execute("""
        CREATE FUNCTION cd_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '% rows cannot be changed or deleted', TG_TABLE_NAME
              USING ERRCODE = 'insufficient_privilege'; END $$""")

    _four_eyes_function(cur)

    # Every change to the firm's data comes with its audit entry, in the same transaction:
    # appending one marks the transaction (in a table no person can write), and a change to
    # the data in a transaction not marked before it is refused (the program sends a
    # write's audit entries first) — a person with psql cannot change a file without
    # writing, first, a signed, chained entry that says so.
    cur.execute("CREATE TABLE audited_tx (xid xid8 PRIMARY KEY)")
    cur.execute("""
        CREATE FUNCTION cd_mark_audited() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = public AS $$
        BEGIN
            INSERT INTO audited_tx VALUES (pg_current_xact_id()) ON CONFLICT DO NOTHING;
            RETURN NULL;
        END $$""")
    cur.execute("CREATE TRIGGER cd_mark_audited AFTER INSERT ON audit_log FOR EACH STATEMENT "
                "EXECUTE FUNCTION cd_mark_audited()")
    cur.execute("""
        CREATE FUNCTION cd_require_audit() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = public AS $$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM audited_tx WHERE xid = pg_current_xact_id()) THEN
                RAISE EXCEPTION 'a change to % without its audit entry', TG_TABLE_NAME
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN NULL;
        END $$""")

    for table, spec in tables.items():
        _table_rules(cur, table, spec, names)
    cur.execute(sql.SQL("GRANT SELECT ON change_log, office_people, office_meta TO {}")
                .format(group_list))
    cur.execute(sql.SQL("GRANT SELECT, INSERT, UPDATE ON office_files TO {}").format(group_list))

    # People are added and changed through one function, checked inside: administrators
    # change anyone; a person may change only their own password.
    cur.execute("""
        CREATE FUNCTION cd_person_sync(p_user text, p_role text, p_clearance int,
                                       p_active boolean, p_verifier text)
        RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
        DECLARE existing office_people; me text := cd_person(); my_role text := cd_role();
                prefix text; db_role text; g text;
        BEGIN
            SELECT * INTO existing FROM office_people WHERE user_name = p_user;
            IF coalesce(my_role, '') <> 'admin' AND NOT (SELECT rolsuper FROM pg_roles
                                                          WHERE rolname = session_user) THEN
                IF me IS DISTINCT FROM p_user OR existing IS NULL
                        OR existing.role <> p_role OR existing.clearance <> p_clearance
                        OR existing.active <> p_active THEN
                    RAISE EXCEPTION 'only an administrator changes users'
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
            END IF;
            prefix := (SELECT value FROM office_meta WHERE key = 'role_prefix');
            IF existing IS NULL THEN
                db_role := (SELECT value FROM office_meta WHERE key = 'role_prefix') || '_'
                           || p_user;
                IF p_user !~ '^[a-z0-9_.\\-]+$' OR length(db_role) > 63 THEN
                    db_role := prefix || '_u' || substr(encode(sha256(convert_to(p_user,
                               'UTF8')), 'hex'), 1, 16);
                END IF;
                IF p_verifier IS NULL AND p_active THEN
                    RAISE EXCEPTION 'a new person needs a password'
                        USING ERRCODE = 'invalid_parameter_value';
                END IF;
                IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = db_role) THEN
                    -- Left by an office database of the same name dropped before.
                    EXECUTE format('ALTER ROLE %I PASSWORD %L', db_role, p_verifier);
                ELSE
                    EXECUTE format('CREATE ROLE %I NOLOGIN PASSWORD %L', db_role, p_verifier);
                END IF;
                INSERT INTO office_people VALUES (p_user, db_role, p_role, p_clearance, p_active);
            ELSE
                db_role := existing.db_role;
                UPDATE office_people SET role = p_role, clearance = p_clearance,
                    active = p_active WHERE user_name = p_user;
                IF p_verifier IS NOT NULL THEN
                    EXECUTE format('ALTER ROLE %I PASSWORD %L', db_role, p_verifier);
                END IF;
            END IF;
            FOREACH g IN ARRAY ARRAY['clerk', 'reviewer', 'manager', 'admin', 'auditor'] LOOP
                IF g = p_role AND p_active THEN
                    EXECUTE format('GRANT %I TO %I', prefix || '_' || g || '_group', db_role);
                ELSE
                    EXECUTE format('REVOKE %I FROM %I', prefix || '_' || g || '_group', db_role);
                END IF;
            END LOOP;
            EXECUTE format('ALTER ROLE %I %s', db_role,
                           CASE WHEN p_active THEN 'LOGIN' ELSE 'NOLOGIN' END);
        END $$""")
    cur.execute(sql.SQL("REVOKE ALL ON FUNCTION cd_person_sync(text, text, int, boolean, text) "
                        "FROM PUBLIC"))
    cur.execute(sql.SQL("GRANT EXECUTE ON FUNCTION cd_person_sync(text, text, int, boolean, "
                        "text) TO {}").format(group_list))


def _four_eyes_function(cur) -> None:
    """(Made again by ``add_missing``: a newer program's tables of decisions rely on it.)"""
    # Four eyes, in the database: a decision is made in the session's own name by a role
    # that may decide, on a request that is not its own; a decided one never changes.
    deciders = ", ".join(f"'{r}'" for r in DECIDERS)
    cur.execute(f"""
        CREATE OR REPLACE FUNCTION cd_four_eyes() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE requester text;
        BEGIN
            -- Decided: sealed anew (a level change) at most, as the copy's own triggers say.
            -- (Only an UPDATE reaches OLD; columns read through to_jsonb: a scorecard's
            -- table of decisions has no file, sealed or vault column.)
            IF TG_OP = 'UPDATE' THEN
                IF OLD.status <> 'draft' AND OLD.status <> 'submitted' AND (
                        NOT (to_jsonb(NEW) ->> 'sealed' IS NOT NULL
                             OR to_jsonb(OLD) ->> 'sealed' IS NOT NULL
                             OR to_jsonb(NEW) ->> 'vault' IS DISTINCT FROM to_jsonb(OLD) ->> 'vault')
                        OR NEW.status IS DISTINCT FROM OLD.status
                        OR to_jsonb(NEW) ->> 'customer_id' IS DISTINCT FROM
                           to_jsonb(OLD) ->> 'customer_id'
                        OR NEW.decided_by IS DISTINCT FROM OLD.decided_by
                        OR NEW.decided_at IS DISTINCT FROM OLD.decided_at
                        OR to_jsonb(NEW) ->> TG_ARGV[0] IS DISTINCT FROM to_jsonb(OLD) ->> TG_ARGV[0]
                        OR to_jsonb(NEW) ->> 'valid_until' IS DISTINCT FROM
                           to_jsonb(OLD) ->> 'valid_until') THEN
                    RAISE EXCEPTION 'a decided request cannot be changed'
                        USING ERRCODE = 'check_violation';
                END IF;
            END IF;
            IF NEW.status IN ('approved', 'rejected') AND (TG_OP = 'INSERT'
                    OR OLD.status IS DISTINCT FROM NEW.status) THEN
                requester := to_jsonb(NEW) ->> TG_ARGV[0];
                IF coalesce(cd_role(), '') NOT IN ({deciders}) THEN
                    RAISE EXCEPTION 'only a reviewer, manager or administrator decides'
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                -- (A limit change overtaken by an approved assessment is closed in the
                -- program's name by the person approving it.)
                IF NEW.decided_by IS DISTINCT FROM cd_person() AND NOT (
                        NEW.status = 'rejected' AND NEW.decided_by = 'custdesk') THEN
                    RAISE EXCEPTION 'a decision is made in one''s own name'
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                IF NEW.decided_by = requester THEN
                    RAISE EXCEPTION 'four eyes: the requester cannot decide'
                        USING ERRCODE = 'check_violation';
                END IF;
            END IF;
            RETURN NEW;
        END $$""")


def _log_changes(cur, table: str, pk: list[str]) -> None:
    """The change-log triggers of one table (a transition table per kind of statement)."""
    keys = sql.SQL(", ").join(sql.Literal(c) for c in pk)
    for event, rows, function in (("INSERT", "NEW TABLE AS changed", "cd_log_new"),
                                  ("UPDATE", "NEW TABLE AS changed", "cd_log_new"),
                                  ("DELETE", "OLD TABLE AS gone", "cd_log_gone")):
        cur.execute(sql.SQL(
            "CREATE TRIGGER {} AFTER {} ON {} REFERENCING {} FOR EACH STATEMENT "
            "EXECUTE FUNCTION {}({})").format(
                sql.Identifier(f"cd_change_{event.lower()}"), sql.SQL(event),
                sql.Identifier(table), sql.SQL(rows), sql.Identifier(function), keys))


def _table_rules(cur, table: str, spec: dict, names: Names) -> None:
    """One program table's triggers, policy and privileges (the functions exist already)."""
    q = sql.Identifier
    groups = {role: names.group(role) for role in ROLES}
    group_list = sql.SQL(", ").join(q(g) for g in groups.values())
    columns = [c for c, _t, _n in spec["columns"]]
    _log_changes(cur, table, spec["pk"])
    if table in APPEND_ONLY:
        cur.execute(sql.SQL("CREATE TRIGGER cd_append_only BEFORE UPDATE OR DELETE ON {} "
                            "FOR EACH ROW EXECUTE FUNCTION cd_refuse_change()").format(q(table)))
        cur.execute(sql.SQL("CREATE TRIGGER cd_no_truncate BEFORE TRUNCATE ON {} "
                            "FOR EACH STATEMENT EXECUTE FUNCTION cd_refuse_change()")
                    .format(q(table)))
    if table in REQUESTERS:
        requester = REQUESTERS[table]
        cur.execute(sql.SQL("ALTER TABLE {} ADD CONSTRAINT four_eyes CHECK "
                            "(decided_by IS NULL OR decided_by <> {})").format(
                                q(table), q(requester)))
        cur.execute(sql.SQL("CREATE TRIGGER cd_four_eyes BEFORE INSERT OR UPDATE ON {} "
                            "FOR EACH ROW EXECUTE FUNCTION cd_four_eyes({})").format(
                                q(table), sql.Literal(requester)))
    if table in AUDITED or "customer_id" in columns:
        cur.execute(sql.SQL(
            "CREATE TRIGGER cd_require_audit AFTER INSERT OR UPDATE OR DELETE ON {} "
            "FOR EACH STATEMENT EXECUTE FUNCTION cd_require_audit()").format(q(table)))

    # Row-level security: files by clearance, their rows with them.
    rule = None
    if table == FILE_TABLE:
        rule = sql.SQL("level <= cd_clearance()")
    elif "customer_id" in columns:
        nullable = table in ("report_exports",)
        rule = sql.SQL("{}EXISTS (SELECT 1 FROM customers f WHERE f.id = customer_id)"
                       ).format(sql.SQL("customer_id IS NULL OR " if nullable else ""))
    if rule is not None:
        cur.execute(sql.SQL("ALTER TABLE {} ENABLE ROW LEVEL SECURITY").format(q(table)))
        cur.execute(sql.SQL("ALTER TABLE {} FORCE ROW LEVEL SECURITY").format(q(table)))
        cur.execute(sql.SQL("CREATE POLICY by_clearance ON {} USING ({}) WITH CHECK ({})")
                    .format(q(table), rule, rule))

    # Privileges: everyone reads (within the policies) and writes customer data as the
    # program allows; what only some roles write is granted to their groups alone.
    cur.execute(sql.SQL("GRANT SELECT ON {} TO {}").format(q(table), group_list))
    writers = WRITERS.get(table)
    targets = group_list if writers is None else sql.SQL(", ").join(
        q(groups[r]) for r in writers)
    rights = "INSERT" if table in APPEND_ONLY else "INSERT, UPDATE, DELETE"
    cur.execute(sql.SQL(f"GRANT {rights} ON {{}} TO {{}}").format(q(table), targets))
