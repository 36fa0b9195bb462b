"""init, recover, user ... and the demo summary."""

from __future__ import annotations

import os
import sys

from ..core import i18n
from ..core.access import role_label
from ..core.desk import Desk
from ..core.fields import LEVELS, level_label
from ..core.files import private_dir
from ..core.keys.primitives import fingerprint
from ..core.users import DEFAULT_CLEARANCE, check_user_name
from .common import Context, UsageError, ask_new_password, print_json, print_table
from .common import _prompt  # noqa: PLC2701 - shared prompt helper

i18n.register({
    "cli.init_done": ("已创建数据库 {path}，管理员 {admin}", "Created database {path} with administrator {admin}"),
    "cli.office_not_here": (
        "custdesk {command} 用于本机数据库文件；办公室数据库请用 custdesk office init 建立，"
        "忘记密码时请管理员用 custdesk user passwd 重设",
        "custdesk {command} is for a single-PC database file; an office database is made with "
        "custdesk office init, and a forgotten password there is reset by an administrator "
        "with custdesk user passwd"),
    "cli.recovery_key": (
        "恢复密钥（只显示这一次；请打印或抄写后妥善保管，遗失后无法找回）：",
        "Recovery key (shown this once; print or copy it and keep it safe — it cannot be shown again):"),
    "cli.recovered": ("已为 {user} 设置新密码", "New password set for {user}"),
    "cli.user_added": ("已添加用户 {name}（{role}，密级“{clearance}”）",
                       "Added user {name} ({role}, clearance “{clearance}”)"),
    "cli.passwd_done": ("已更改 {name} 的密码", "Password changed for {name}"),
    "cli.disabled": ("已停用用户 {name}：其密钥槽已删除，各密级与数据库文件已换用新密钥。此前的备份仍可用其旧密码打开：请用 custdesk backup rekey 重新加密或删除",
                     "Disabled user {name}: their key slot is gone, every level and the database "
                     "file have new keys. Backups made before still open with their old password: "
                     "re-encrypt them with custdesk backup rekey, or delete them"),
    "cli.recovery_prompt": ("恢复密钥：", "Recovery key: "),
    "cli.root_fingerprint": ("根密钥指纹：{fingerprint}（请抄在恢复密钥旁：每位用户的账户都信任这把密钥）",
                             "Root key fingerprint: {fingerprint} (write it beside the recovery "
                             "key: every user's account trusts this key)"),
    "cli.demo": ("演示数据库 {path}：{count} 位客户。演示用户（用户名 / 密码 / 角色）：",
                 "Demo database {path}: {count} customers. Demo users (name / password / role):"),
})


def register(sub) -> None:
    p = sub.add_parser("init", help="create a new database and its administrator")
    p.add_argument("--admin", required=True, help="the administrator's user name")
    p.add_argument("--firm", default="", help="firm name shown on reports")
    p.add_argument("--full-name", default="", help="the administrator's full name")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("recover", help="set a user's new password with the recovery key")
    p.add_argument("--user", dest="recover_user", required=True, metavar="NAME")
    p.set_defaults(handler=cmd_recover)

    p = sub.add_parser("demo", help="create the demo database if needed and list its users")
    p.set_defaults(handler=demo_summary)

    user = sub.add_parser("user", help="manage users").add_subparsers(dest="action", metavar="ACTION",
                                                                       required=True)
    p = user.add_parser("add", help="add a user")
    p.add_argument("name")
    p.add_argument("--role", required=True, help="clerk, reviewer, manager, admin or auditor")
    p.add_argument("--clearance", default=None,
                   help="internal, confidential or secret; by default the level new files get "
                        f"({LEVELS[DEFAULT_CLEARANCE]}), so the user sees the files made every day")
    p.add_argument("--one-time", action="store_true",
                   help="the user must choose their own password at first login")
    p.add_argument("--full-name", default="")
    p.set_defaults(handler=cmd_user_add)
    p = user.add_parser("list", help="list users")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_user_list)
    p = user.add_parser("passwd", help="change a password")
    p.add_argument("name")
    p.set_defaults(handler=cmd_user_passwd)
    p = user.add_parser("disable", help="disable a user (removes their key slot)")
    p.add_argument("name")
    p.set_defaults(handler=cmd_user_disable)


def _single_pc_only(ctx: Context) -> None:
    """``init`` and ``recover`` make and mend database files; an office database has its
    own (``office init``; a lost password there is reset by an administrator)."""
    if ctx.office_url:
        raise UsageError(i18n.tr("cli.office_not_here", command=ctx.args.command))


def cmd_init(ctx: Context) -> int:
    _single_pc_only(ctx)
    args = ctx.args
    path = ctx.db_path
    private_dir(path.parent)
    password = ask_new_password(args.admin)
    desk, recovery = Desk.create(path, args.admin, password, firm=args.firm, full_name=args.full_name)
    root = fingerprint(desk.personal.root)
    desk.close()
    print(i18n.tr("cli.init_done", path=path, admin=args.admin), file=sys.stderr)
    print(i18n.tr("cli.recovery_key"), file=sys.stderr)
    print(recovery)
    print(i18n.tr("cli.root_fingerprint", fingerprint=root), file=sys.stderr)
    return 0


def cmd_recover(ctx: Context) -> int:
    _single_pc_only(ctx)
    user = ctx.args.recover_user
    key = os.environ.get("CUSTDESK_RECOVERY_KEY") or _prompt(i18n.tr("cli.recovery_prompt"),
                                                             "CUSTDESK_RECOVERY_KEY")
    desk = Desk.recover(ctx.db_path, key, user, ask_new_password(user))
    desk.close()
    print(i18n.tr("cli.recovered", user=user), file=sys.stderr)
    return 0


def cmd_user_add(ctx: Context) -> int:
    args = ctx.args
    desk = ctx.desk()
    desk.users.add(args.name, args.role, args.clearance, ask_new_password(args.name),
                   full_name=args.full_name, one_time=args.one_time)
    user = desk.users.get(check_user_name(args.name))
    print(i18n.tr("cli.user_added", name=user.name, role=role_label(user.role),
                  clearance=level_label(user.clearance)), file=sys.stderr)
    return 0


def cmd_user_list(ctx: Context) -> int:
    desk = ctx.desk()
    from ..core import office
    users = [{**u.as_dict(), "db_role": office.db_role(desk, u.name)} for u in desk.users.list()]
    if ctx.args.json:
        print_json(users)
    else:
        for u in users:
            u["clearance"] = level_label(LEVELS.index(u["clearance"]))
        print_table(users, ["name", "full_name", "role_label", "clearance", "active"])
    return 0


def cmd_user_passwd(ctx: Context) -> int:
    name = ctx.args.name
    ctx.desk().users.set_password(name, ask_new_password(name))
    print(i18n.tr("cli.passwd_done", name=name), file=sys.stderr)
    return 0


def cmd_user_disable(ctx: Context) -> int:
    ctx.desk().users.disable(ctx.args.name)
    print(i18n.tr("cli.disabled", name=ctx.args.name), file=sys.stderr)
    return 0


def demo_summary(ctx: Context) -> int:
    from ..core.demo import DEMO_PASSWORDS
    ctx.args.demo = True
    desk = ctx.desk()
    count = desk.customers.list_rows(limit=1)[1]
    print(i18n.tr("cli.demo", path=desk.path, count=count))
    for user in desk.users.list():
        print(f"  {user.name:10} {DEMO_PASSWORDS.get(user.name, ''):19} {role_label(user.role)}")
    print()
    for row in desk.customers.list(limit=10):
        print(f"  {row['code']}  {row['name']}  {row['phone'] or ''}")
    print("  …")
    return 0


def register_settings(sub) -> None:
    settings = sub.add_parser("settings", help="database settings").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    p = settings.add_parser("show", help="firm name and field sensitivity levels")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_settings_show)
    p = settings.add_parser("field-level", help="set the clearance needed to reveal a sensitive field")
    p.add_argument("field", help="id_number, bank_card, income, phone, financials, credit_records, "
                                 "litigation")
    p.add_argument("level", help="public, internal, confidential or secret")
    p.set_defaults(handler=cmd_settings_field_level)
    p = settings.add_parser("firm", help="set the firm name shown on reports")
    p.add_argument("name")
    p.set_defaults(handler=cmd_settings_firm)


def cmd_settings_show(ctx: Context) -> int:
    desk = ctx.desk()
    data = {"firm_name": desk.firm_name, "field_levels": desk.settings.field_levels(),
            "schema_version": desk.schema_version(), "database": str(desk.path)}
    if ctx.args.json:
        print_json(data)
    else:
        print(f"firm_name: {data['firm_name']}")
        print(f"schema_version: {data['schema_version']}")
        for key, level in data["field_levels"].items():
            print(f"  {key:16} {level_label(LEVELS.index(level))}")
    return 0


def cmd_settings_field_level(ctx: Context) -> int:
    ctx.desk().settings.set_field_level(ctx.args.field, ctx.args.level)
    return 0


def cmd_settings_firm(ctx: Context) -> int:
    ctx.desk().settings.set("firm_name", ctx.args.name.strip())
    return 0
