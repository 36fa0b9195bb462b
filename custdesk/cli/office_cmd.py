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
    p = office.add_parser("export", help="copy the office database to a single-PC database file")
    p.add_argument("--to", required=True, dest="output", help="the new database file")
    p.set_defaults(handler=cmd_export)


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
    recovery = session.init(url, args.admin, password, firm=args.firm, full_name=args.full_name)
    print(i18n.tr("cli.office_init_done", where=session.where(url), admin=args.admin),
          file=sys.stderr)
    print(i18n.tr("cli.recovery_key"), file=sys.stderr)
    print(recovery)
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


def cmd_export(ctx: Context) -> int:
    from ..core.office import session
    if not ctx.office_url:
        raise UsageError(i18n.tr("cli.office_needs_db"))
    target = Path(ctx.args.output)
    session.export(ctx.desk(), target)
    print(i18n.tr("cli.office_exported", path=target), file=sys.stderr)
    return 0
