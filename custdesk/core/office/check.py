"""The server's side of ``custdesk check`` on an office database.

What ``schema`` installed is what keeps people to their rights when they connect with
their own role (``psql`` included); a superuser can undo any of it by hand. These checks
read the catalogs (which every role may read) and the table of people, and say in one line
each what no longer holds:

- row-level security enabled and forced, with its policy, on every table of customer data;
- the append-only triggers on the audit log, certificates and scorecards, the four-eyes
  constraints and triggers on assessments and limit changes, the triggers that hold every
  change to its audit entry, the change-log triggers — present, enabled and calling the
  functions they were made with;
- every table owned by the database's owner role, which cannot log in;
- no person's role a superuser, or with BYPASSRLS, CREATEROLE or REPLICATION; every active
  user with a LOGIN role that is a member of the group of their role and of no other role;
  a disabled one without LOGIN and without groups; no other role in the groups;
- ``office_people`` (what the server's policies read) as the ``users`` table says: role,
  clearance, active.
"""

from __future__ import annotations

import psycopg

from .. import i18n
from ..access import ROLES
from . import schema

i18n.register({
    "office.check.missing_table": ("服务器上缺少表 {table}", "The table {table} is missing on the "
                                   "server"),
    "office.check.rls_off": ("表 {table} 未启用行级安全：任何人都能读到全部记录",
                             "Row-level security is not enabled on the table {table}: everyone "
                             "reads all its rows"),
    "office.check.rls_not_forced": ("表 {table} 的行级安全未强制（FORCE）：表的所有者可绕过",
                                    "Row-level security is not forced on the table {table}: its "
                                    "owner bypasses it"),
    "office.check.no_policy": ("表 {table} 缺少按密级的行级安全策略",
                               "The table {table} lacks its row-level security policy "
                               "by_clearance"),
    "office.check.trigger_missing": ("表 {table} 缺少触发器 {trigger}（{purpose}）",
                                     "The table {table} lacks its trigger {trigger} ({purpose})"),
    "office.check.trigger_disabled": ("表 {table} 的触发器 {trigger} 已停用（{purpose}）",
                                      "The trigger {trigger} on the table {table} is disabled "
                                      "({purpose})"),
    "office.check.trigger_function": ("表 {table} 的触发器 {trigger} 调用的是 {function}，应为 {expected}",
                                      "The trigger {trigger} on the table {table} calls "
                                      "{function} instead of {expected}"),
    "office.check.function_changed": ("函数 {function} 已被改动，不再拒绝应拒绝的修改",
                                      "The function {function} was changed and no longer refuses "
                                      "what it must refuse"),
    "office.check.constraint_missing": ("表 {table} 缺少四眼原则约束 {constraint}",
                                        "The table {table} lacks its four-eyes constraint "
                                        "{constraint}"),
    "office.check.purpose.append_only": ("只可追加", "append-only"),
    "office.check.purpose.four_eyes": ("四眼原则", "four eyes"),
    "office.check.purpose.change_log": ("变更通知其他电脑", "changes announced to the other PCs"),
    "office.check.purpose.audited": ("每项修改须附审计记录", "every change with its audit entry"),
    "office.check.owner": ("{kind} {table} 的所有者是 {owner}，应为 {expected}",
                           "The {kind} {table} is owned by {owner} instead of {expected}"),
    "office.check.owner_login": ("所有者角色 {role} 可以登录（应为 NOLOGIN）",
                                 "The owner role {role} can log in (it must be NOLOGIN)"),
    "office.check.owner_missing": ("缺少所有者角色 {role}", "The owner role {role} is missing"),
    "office.check.attribute": ("用户 {user} 的数据库角色 {role} 带有 {attribute}，个人角色不得有此权限",
                               "The database role {role} of {user} has {attribute}, which no "
                               "person's role may have"),
    "office.check.role_missing": ("用户 {user} 的数据库角色 {role} 不存在",
                                  "The database role {role} of {user} does not exist"),
    "office.check.role_name": ("用户 {user} 的数据库角色是 {role}，应为 {expected}",
                               "The database role of {user} is {role} instead of {expected}"),
    "office.check.no_login": ("在用用户 {user} 的数据库角色 {role} 不能登录",
                              "The database role {role} of the active user {user} cannot log in"),
    "office.check.disabled_login": ("已停用用户 {user} 的数据库角色 {role} 仍能登录",
                                    "The database role {role} of the disabled user {user} can "
                                    "still log in"),
    "office.check.not_in_group": ("用户 {user} 的数据库角色 {role} 不在其角色组 {group} 中",
                                  "The database role {role} of {user} is not in the group "
                                  "{group} of their role"),
    "office.check.other_member": ("用户 {user} 的数据库角色 {role} 还是 {other} 的成员（只应属于 {group}）",
                                  "The database role {role} of {user} is also a member of "
                                  "{other} (it belongs in {group} alone)"),
    "office.check.disabled_member": ("已停用用户 {user} 的数据库角色 {role} 仍是 {other} 的成员",
                                     "The database role {role} of the disabled user {user} is "
                                     "still a member of {other}"),
    "office.check.stranger": ("数据库角色 {role} 是 {group} 的成员，但不是任何在用用户的角色",
                              "The database role {role} is a member of {group} but is no "
                              "active user's role"),
    "office.check.people_missing": ("用户 {user} 不在服务器的人员表中",
                                    "The user {user} is missing from the server's table of "
                                    "people (office_people)"),
    "office.check.people_extra": ("服务器的人员表中有 {user}，用户表中却没有",
                                  "The server's table of people (office_people) holds {user}, "
                                  "who is not a user"),
    "office.check.people_differ": (
        "服务器的人员表中 {user} 的{what}为“{server}”，用户表中为“{users}”",
        "The server's table of people gives {user} the {what} “{server}”; the users table "
        "gives “{users}”"),
    "office.check.what.role": ("角色", "role"),
    "office.check.what.clearance": ("密级", "clearance"),
    "office.check.what.active": ("状态", "state"),
    "office.check.kind.table": ("表", "table"),
    "office.check.kind.other": ("对象", "object"),
    "office.check.unreadable": ("无法读取服务器的规则：{error}",
                                "The server's rules cannot be read: {error}"),
})

# Attributes no person's role may hold.
_ATTRIBUTES = (("rolsuper", "SUPERUSER"), ("rolbypassrls", "BYPASSRLS"),
               ("rolcreaterole", "CREATEROLE"), ("rolreplication", "REPLICATION"))
FOUR_EYES = (("assessments", "assessor"), ("limit_changes", "requested_by"))


def check(desk) -> list[tuple[str, dict]]:
    """The server's problems for the office database ``desk`` is logged in to, as
    (message key, parameters); none when all holds."""
    link = getattr(desk.db, "office", None)
    if link is None:
        return []
    return server_problems(link.conn, set(schema.local_tables(desk.db)))


def server_problems(conn: psycopg.Connection, program_tables: set[str]
                    ) -> list[tuple[str, dict]]:
    """What no longer holds on the server (see the module), read on ``conn`` in one
    snapshot; ``program_tables``: the tables a working copy holds (the server has a few
    of its own besides)."""
    try:
        with conn.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            return _problems(conn, program_tables)
    except psycopg.Error as exc:
        from .mirror import _first_line
        return [("office.check.unreadable", {"error": _first_line(exc)})]


def _problems(conn, program_tables: set[str]) -> list[tuple[str, dict]]:
    out: list[tuple[str, dict]] = []
    meta = dict(conn.execute("SELECT key, value FROM office_meta").fetchall())
    dbname = conn.execute("SELECT current_database()").fetchone()[0]
    names = schema.Names(dbname)
    names.prefix = meta.get("role_prefix") or names.prefix     # as its roles were named
    tables = {name: oid for oid, name in conn.execute(
        "SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')")}
    out += _row_security(conn, tables)
    out += _triggers(conn, tables, program_tables)
    out += _ownership(conn, names)
    out += _people(conn, names)
    return out


def _row_security(conn, tables: dict) -> list[tuple[str, dict]]:
    out = []
    if schema.FILE_TABLE not in tables:
        out.append(("office.check.missing_table", {"table": schema.FILE_TABLE}))
    for table, enabled, forced, policy in conn.execute(
            "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, EXISTS (SELECT 1 FROM "
            "pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'by_clearance') "
            "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND (c.relname = %s OR "
            "EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 "
            "AND NOT a.attisdropped AND a.attname = 'customer_id')) ORDER BY c.relname",
            [schema.FILE_TABLE]):
        if not enabled:
            out.append(("office.check.rls_off", {"table": table}))
        elif not forced:
            out.append(("office.check.rls_not_forced", {"table": table}))
        if not policy:
            out.append(("office.check.no_policy", {"table": table}))
    return out


def _triggers(conn, tables: dict, program_tables: set[str]) -> list[tuple[str, dict]]:
    # (table, trigger) -> (function, purpose)
    wanted: dict[tuple[str, str], tuple[str, str]] = {}
    for table in schema.APPEND_ONLY:
        for trigger in ("cd_append_only", "cd_no_truncate"):
            wanted[(table, trigger)] = ("cd_refuse_change", "append_only")
    for table, _requester in FOUR_EYES:
        wanted[(table, "cd_four_eyes")] = ("cd_four_eyes", "four_eyes")
    for table in program_tables | {"office_files", "office_people"}:
        for event, function in (("insert", "cd_log_new"), ("update", "cd_log_new"),
                                ("delete", "cd_log_gone")):
            wanted[(table, f"cd_change_{event}")] = (function, "change_log")
    # Every change to the firm's data commits only with its audit entry (where the
    # database was made with that rule).
    audited = getattr(schema, "AUDITED", None)
    if audited is not None and "audited_tx" in tables:
        wanted[("audit_log", "cd_mark_audited")] = ("cd_mark_audited", "audited")
        for table in set(audited) | _with_customer_id(conn):
            wanted[(table, "cd_require_audit")] = ("cd_require_audit", "audited")
    found = {(t, g): (f, e) for t, g, f, e in conn.execute(
        "SELECT c.relname, t.tgname, p.proname, t.tgenabled FROM pg_trigger t "
        "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        "JOIN pg_proc p ON p.oid = t.tgfoid WHERE n.nspname = 'public' AND NOT t.tgisinternal")}
    out = []
    for (table, trigger), (function, purpose) in sorted(wanted.items()):
        what = {"table": table, "trigger": trigger,
                "purpose": i18n.tr(f"office.check.purpose.{purpose}")}
        if table not in tables:
            out.append(("office.check.missing_table", {"table": table}))
            continue
        have = found.get((table, trigger))
        if have is None:
            out.append(("office.check.trigger_missing", what))
        elif have[0] != function:
            out.append(("office.check.trigger_function",
                        {**what, "function": have[0], "expected": function}))
        elif have[1] not in ("O", "A"):      # D: disabled; R: fires only in replica mode
            out.append(("office.check.trigger_disabled", what))
    # The refusing functions still refuse (a superuser may have replaced their bodies).
    bodies = dict(conn.execute(
        "SELECT p.proname, p.prosrc FROM pg_proc p JOIN pg_namespace n ON n.oid = "
        "p.pronamespace WHERE n.nspname = 'public' AND p.proname IN ('cd_refuse_change', "
        "'cd_four_eyes', 'cd_require_audit')").fetchall())
    for function in ("cd_refuse_change", "cd_four_eyes", "cd_require_audit"):
        body = bodies.get(function)
        if body is not None and "RAISE EXCEPTION" not in body.upper():
            out.append(("office.check.function_changed", {"function": function}))
    checks = {t for (t,) in conn.execute(
        "SELECT c.relname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
        "WHERE k.conname = 'four_eyes' AND k.contype = 'c' AND k.convalidated")}
    for table, _requester in FOUR_EYES:
        if table in tables and table not in checks:
            out.append(("office.check.constraint_missing",
                        {"table": table, "constraint": "four_eyes"}))
    return out


def _with_customer_id(conn) -> set[str]:
    return {t for (t,) in conn.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "JOIN pg_attribute a ON a.attrelid = c.oid WHERE n.nspname = 'public' "
        "AND c.relkind IN ('r', 'p') AND a.attname = 'customer_id' AND a.attnum > 0 "
        "AND NOT a.attisdropped")}


def _ownership(conn, names: schema.Names) -> list[tuple[str, dict]]:
    out = []
    owner = conn.execute("SELECT rolcanlogin FROM pg_roles WHERE rolname = %s",
                         [names.owner]).fetchone()
    if owner is None:
        out.append(("office.check.owner_missing", {"role": names.owner}))
    elif owner[0]:
        out.append(("office.check.owner_login", {"role": names.owner}))
    for name, kind, role in conn.execute(
            "SELECT c.relname, c.relkind, pg_get_userbyid(c.relowner) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' "
            "AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') ORDER BY c.relname"):
        if role != names.owner:
            out.append(("office.check.owner", {
                "kind": i18n.tr("office.check.kind." + ("table" if kind in "rp" else "other")),
                "table": name, "owner": role, "expected": names.owner}))
    return out


def _people(conn, names: schema.Names) -> list[tuple[str, dict]]:
    out = []
    users = {name: (role, int(clearance), bool(active)) for name, role, clearance, active in
             conn.execute("SELECT name, role, clearance, active FROM users")}
    people = {name: (db_role, role, int(clearance), bool(active))
              for name, db_role, role, clearance, active in conn.execute(
                  "SELECT user_name, db_role, role, clearance, active FROM office_people")}
    groups = {names.group(r): r for r in ROLES}
    roles = {name: row for name, *row in conn.execute(
        "SELECT rolname, rolcanlogin, " + ", ".join(a for a, _ in _ATTRIBUTES) +
        " FROM pg_roles")}
    member_of: dict[str, set[str]] = {}
    for member, group in conn.execute(
            "SELECT pg_get_userbyid(m.member), pg_get_userbyid(m.roleid) FROM pg_auth_members m"):
        member_of.setdefault(member, set()).add(group)

    for name in sorted(set(users) - set(people)):
        out.append(("office.check.people_missing", {"user": name}))
    for name in sorted(set(people) - set(users)):
        out.append(("office.check.people_extra", {"user": name}))
    known = set()
    for name in sorted(set(people) & set(users)):
        db_role, role, clearance, active = people[name]
        for what, server, local in (("role", role, users[name][0]),
                                    ("clearance", clearance, users[name][1]),
                                    ("active", active, users[name][2])):
            if server != local:
                out.append(("office.check.people_differ", {
                    "user": name, "what": i18n.tr(f"office.check.what.{what}"),
                    "server": _shown(what, server), "users": _shown(what, local)}))
        expected = names.person(name)
        if db_role != expected:
            out.append(("office.check.role_name", {"user": name, "role": db_role,
                                                   "expected": expected}))
        row = roles.get(db_role)
        if row is None:
            if users[name][2]:
                out.append(("office.check.role_missing", {"user": name, "role": db_role}))
            continue
        can_login = row[0]
        for (attribute, label), value in zip(_ATTRIBUTES, row[1:]):
            if value:
                out.append(("office.check.attribute", {"user": name, "role": db_role,
                                                       "attribute": label}))
        known.add(db_role)
        group = names.group(users[name][0])
        memberships = member_of.get(db_role, set())
        if users[name][2]:
            if not can_login:
                out.append(("office.check.no_login", {"user": name, "role": db_role}))
            if group not in memberships:
                out.append(("office.check.not_in_group", {"user": name, "role": db_role,
                                                          "group": group}))
            for other in sorted(memberships - {group}):
                out.append(("office.check.other_member", {"user": name, "role": db_role,
                                                          "other": other, "group": group}))
        else:
            if can_login:
                out.append(("office.check.disabled_login", {"user": name, "role": db_role}))
            for other in sorted(memberships):
                out.append(("office.check.disabled_member", {"user": name, "role": db_role,
                                                             "other": other}))
    # Nobody else in the groups (the owner holds them to administer them).
    for member, of in sorted(member_of.items()):
        if member in known or member == names.owner:
            continue
        for group in sorted(of & set(groups)):
            out.append(("office.check.stranger", {"role": member, "group": group}))
    return out


def _shown(what: str, value) -> str:
    if what == "clearance":
        from ..fields import LEVELS, level_label
        return level_label(value) if 0 <= value < len(LEVELS) else str(value)
    if what == "active":
        if i18n.language() == "zh":
            return "在用" if value else "已停用"
        return "active" if value else "disabled"
    if what == "role":
        from ..access import role_label
        return role_label(value) if value in ROLES else str(value)
    return str(value)
