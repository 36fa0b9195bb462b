"""``custdesk office``: create an office database on PostgreSQL, move a single-PC database
into one, and copy one back out to a single-PC file."""

from __future__ import annotations

import sys
from pathlib import Path

from ..core import i18n
from .common import Context, UsageError, ask_new_password, ask_password, print_json, terminal_text

i18n.register({
    "cli.office_init_done": (
        "已建立办公室数据库 {where}，管理员 {admin}。其他电脑用 --db {where} 连接",
        "Created the office database {where} with the administrator {admin}. Other PCs "
        "connect with --db {where}"),
    "cli.office_migrated": (
        "已把 {path} 迁入办公室数据库 {where}（源文件未改动）。以下用户首次登录须用一次性密码并改为自己的密码：",
        "Moved {path} into the office database {where} (the file itself is unchanged). These "
        "users log in first with a one-time password and then choose their own:"),
    "cli.office_exported": (
        "已把办公室数据库复制为本机数据库 {path}",
        "Copied the office database to the single-PC database {path}"),
    "cli.office_needs_db": (
        "请用 --db postgresql://主机:端口/数据库名 指明办公室数据库",
        "Name the office database with --db postgresql://HOST:PORT/DBNAME"),
    "cli.office_url": (
        "--url 应为超级用户的地址：postgresql://超级用户@主机:端口/数据库名",
        "--url must be a superuser's address: postgresql://SUPERUSER@HOST:PORT/DBNAME"),
})


def register(sub) -> None:
    office = sub.add_parser("office", help="the office database on PostgreSQL").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    p = office.add_parser("init", help="create an office database and its administrator")
    p.add_argument("--url", required=True,
                   help="postgresql://SUPERUSER@HOST:PORT/DBNAME (the superuser's password from "
                        "$PGPASSWORD or ~/.pgpass; used once, never stored)")
    p.add_argument("--admin", required=True, help="the administrator's user name")
    p.add_argument("--firm", default="", help="firm name shown on reports")
    p.add_argument("--full-name", default="", help="the administrator's full name")
    p.set_defaults(handler=cmd_init)
    p = office.add_parser("migrate", help="move a single-PC database into a new office database")
    p.add_argument("file", help="the single-PC database file")
    p.add_argument("--url", required=True, help="postgresql://SUPERUSER@HOST:PORT/DBNAME")
    p.add_argument("--json", action="store_true", help="print the one-time passwords as JSON")
    p.set_defaults(handler=cmd_migrate)
    p = office.add_parser("upgrade", help="bring an office database made by an older custdesk "
                                          "up to this version's tables (a superuser's address)")
    p.add_argument("--url", required=True, help="postgresql://SUPERUSER@HOST:PORT/DBNAME")
    p.set_defaults(handler=cmd_upgrade)
    p = office.add_parser("export", help="copy the office database to a single-PC database file")
    p.add_argument("--to", required=True, dest="output", help="the new database file")
    p.set_defaults(handler=cmd_export)
    p = office.add_parser("restore", help="make an office database from a backup set")
    restore_arguments(p)
    p.set_defaults(handler=cmd_restore)


def _super_url(url: str) -> str:
    from ..core import office
    if not office.is_url(url):
        raise UsageError(i18n.tr("cli.office_url"))
    return url


def cmd_init(ctx: Context) -> int:
    from ..core.office import session
    args = ctx.args
    url = _super_url(args.url)
    password = ask_new_password(args.admin)
    details: dict = {}
    recovery = session.init(url, args.admin, password, firm=args.firm, full_name=args.full_name,
                            details=details)
    print(i18n.tr("cli.office_init_done", where=session.address(url), admin=args.admin),
          file=sys.stderr)
    print(i18n.tr("cli.recovery_key"), file=sys.stderr)
    print(recovery)
    print(i18n.tr("cli.root_fingerprint", fingerprint=details["root"]), file=sys.stderr)
    return 0


def cmd_migrate(ctx: Context) -> int:
    from ..core.office import session
    args = ctx.args
    url = _super_url(args.url)
    path = Path(args.file)
    ctx.args.db = str(path)
    user = ctx.user_name()
    passwords = session.migrate(path, url, user, ask_password(user))
    if args.json:
        print_json({"where": session.where(url), "one_time_passwords": passwords})
        return 0
    print(i18n.tr("cli.office_migrated", path=path, where=session.where(url)), file=sys.stderr)
    for name, password in sorted(passwords.items()):
        print(f"  {terminal_text(name):16} {password}")
    return 0


def cmd_upgrade(ctx: Context) -> int:
    from ..core.office import session
    url = _super_url(ctx.args.url)
    added = session.upgrade(url)
    print(i18n.tr("office.upgraded", where=session.where(url), **added), file=sys.stderr)
    return 0


def cmd_export(ctx: Context) -> int:
    from ..core.office import session
    if not ctx.office_url:
        raise UsageError(i18n.tr("cli.office_needs_db"))
    target = Path(ctx.args.output)
    session.export(ctx.desk(), target)
    print(i18n.tr("cli.office_exported", path=target), file=sys.stderr)
    return 0


# -- office restore ---------------------------------------------------------------------------
# ``custdesk office restore SET --url postgresql://SUPERUSER@HOST:PORT/DBNAME [--replace]``:
# a new office database from a backup set (core: ``office.restore``).
i18n.register({
    "cli.office_restore_confirm": (
        "将删除办公室数据库 {where} 并用备份 {backup}（{when}）重建；所有人的连接会被断开。输入 yes 继续：",
        "This drops the office database {where} and makes it again from the backup {backup} "
        "({when}); everyone's connection is ended. Type yes to go on: "),
    "cli.office_restore_needs_yes": (
        "替换会删除现有的办公室数据库：请在终端中确认，或加 --yes",
        "replacing drops the existing office database: confirm in a terminal, or add --yes"),
    "cli.office_restored": (
        "已用备份 {backup} 建立办公室数据库 {where}。以下用户首次登录须用一次性密码并改为自己的密码：",
        "Made the office database {where} from the backup {backup}. These users log in first "
        "with a one-time password and then choose their own:"),
})


def restore_arguments(p) -> None:
    p.add_argument("file", help="the backup set (its folder, or its .db file)")
    p.add_argument("--url", required=True,
                   help="postgresql://SUPERUSER@HOST:PORT/DBNAME (the superuser's password from "
                        "$PGPASSWORD or ~/.pgpass; used once, never stored)")
    p.add_argument("--replace", action="store_true",
                   help="drop an existing office database of that name and make it again")
    p.add_argument("--yes", action="store_true", help="do not ask before replacing")
    p.add_argument("--json", action="store_true", help="print the one-time passwords as JSON")


def cmd_restore(ctx: Context) -> int:
    """An administrator in the backup (``--user``, their password then in
    $CUSTDESK_PASSWORD); the others get one-time passwords."""
    from ..core import backup
    from ..core.clock import local_text
    from ..core.errors import CustdeskError, StoreError
    from ..core.office import restore, session
    from .backup_cmd import _backup_user
    args = ctx.args
    url = _super_url(args.url)
    found = backup.verify_backup(args.file)
    if not found.ok:
        raise StoreError(i18n.tr("restore.bad_backup", problems="; ".join(found.problems)))
    user = _backup_user(ctx, found.database)
    password = ask_password(user)

    def confirm(where: str) -> bool:
        if args.yes:
            return True
        if not sys.stdin or not sys.stdin.isatty():
            raise CustdeskError(i18n.tr("cli.office_restore_needs_yes"))
        answer = input(i18n.tr("cli.office_restore_confirm", where=where, backup=found.name,
                               when=local_text(found.manifest.get("created_at"))))
        return answer.strip().lower() in ("yes", "y", "是")

    result = restore.restore(found.database, url, user, password, replace=args.replace,
                             confirm=confirm)
    if args.json:
        print_json(result.as_dict())
        return 0
    print(i18n.tr("cli.office_restored", backup=found.name, where=session.where(url)),
          file=sys.stderr)
    for name, one_time in sorted(result.one_time_passwords.items()):
        print(f"  {terminal_text(name):16} {one_time}")
    if result.disabled_again:
        print(i18n.tr("cli.restore_disabled_again", users=", ".join(result.disabled_again)),
              file=sys.stderr)
    return 0
