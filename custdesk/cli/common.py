"""Argument parsing, opening the desk, passwords and output helpers shared by all commands."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path

from .. import __version__, paths
from ..core import i18n
from ..core.errors import AuthenticationFailed, CustdeskError
from ..core.store.keyslots import KeySlots, slots_path

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_AUTH = 0, 1, 2, 3
EXIT_INTERNAL = 70        # EX_SOFTWARE: a bug, said in one line

i18n.register({
    "cli.which_user": ("请用 --user 或 CUSTDESK_USER 指定用户（此数据库有 {users}）",
                       "name the user with --user or CUSTDESK_USER (this database has {users})"),
    "cli.password": ("{user} 的密码：", "Password for {user}: "),
    "cli.new_password": ("{user} 的新密码：", "New password for {user}: "),
    "cli.again": ("再输入一次：", "Again: "),
    "cli.mismatch": ("两次输入的密码不一致", "the two passwords differ"),
    "cli.no_password": ("未提供密码（设置 {var} 或在终端中运行）",
                        "no password given (set {var} or run in a terminal)"),
    "cli.os_error": ("{path}：{reason}", "{path}: {reason}"),
    "cli.not_text": ("参数 {option} 含有无法识别的字符（不是 UTF-8 文本）",
                     "the argument {option} holds bytes that are not UTF-8 text"),
    "cli.not_utf8": ("不是 UTF-8 文本", "not UTF-8 text"),
    "cli.not_integer": ("不是有效的整数：{text}", "not a whole number: {text}"),
    "cli.key_value": ("{option} 的格式为 KEY=VALUE：{text}", "{option} takes KEY=VALUE: {text}"),
    "cli.office_user": ("办公室数据库有多位用户：请用 --user 或 $CUSTDESK_USER 指明您是谁",
                        "An office database has several users: say who you are with --user or "
                        "$CUSTDESK_USER"),
    "cli.no_db": ("找不到数据库 {path}（先运行 custdesk init，或用 --demo 打开演示库）",
                  "no database at {path} (run custdesk init first, or use --demo)"),
    "cli.must_change": (
        "您使用的是管理员给的一次性密码：请先设置自己的密码（custdesk user passwd {user}）",
        "You logged in with a one-time password from your administrator: set your own first "
        "(custdesk user passwd {user})"),
    "cli.converted": (
        "数据库已转换为按密级分别加密的格式。请把以下一次性密码分别交给各用户（他们首次登录时须改为自己的密码）：",
        "The database was converted to keys per clearance. Give each user their one-time "
        "password below (they choose their own at first login):"),
    "cli.converted_recovery": (
        "新的恢复密钥（旧的已失效；只显示这一次，请打印或抄写后妥善保管）：",
        "The new recovery key (the old one no longer works; shown this once — print or copy it "
        "and keep it safe):"),
    "cli.converted_copy": ("转换前的数据库副本：{path}（确认无误后请删除：它仍可用旧密码打开）",
                           "The database as it was before: {path} (delete it once all is well: "
                           "the old passwords still open it)"),
    "cli.converted_without": ("以下用户仅有“公开”密级，无法持有单机数据库的密钥，已停用：{users}",
                              "These users were cleared to “public” only, which cannot hold the "
                              "key of a single-PC database; they were disabled: {users}"),
})

# Commands that a user logged in with a one-time password may still run.
_WHILE_MUST_CHANGE = {("user", "passwd")}


class UsageError(CustdeskError):
    """The command line itself is wrong (exit status 2)."""


class Context:
    """What a command needs: the parsed arguments and a desk opened on demand."""

    def __init__(self, args: argparse.Namespace):
        self.args = args
        self._desk = None

    @property
    def db_path(self) -> Path:
        if self.args.demo:
            return paths.demo_db()
        return Path(self.args.db) if self.args.db else paths.default_db()

    @property
    def office_url(self) -> str | None:
        """The office database's address when ``--db`` (or ``$CUSTDESK_DB``) names one."""
        from ..core import office
        target = None if self.args.demo else (self.args.db or os.environ.get("CUSTDESK_DB"))
        return target if office.is_url(target) else None

    def user_name(self) -> str:
        user = self.args.user or os.environ.get("CUSTDESK_USER")
        if user:
            return user
        if self.office_url:
            raise UsageError(i18n.tr("cli.office_user"))
        path = self.db_path
        if not path.exists() or not slots_path(path).exists():
            raise CustdeskError(i18n.tr("cli.no_db", path=path))
        users = KeySlots.load(path).users()
        if len(users) == 1:
            return users[0]
        raise UsageError(i18n.tr("cli.which_user", users=", ".join(users)))

    def desk(self):
        if self._desk is None:
            from ..core.desk import Desk
            if self.args.demo:
                from ..core.demo import ensure_demo, DEMO_PASSWORDS
                ensure_demo(self.db_path)
                user = self.args.user or os.environ.get("CUSTDESK_USER") or "admin"
                password = os.environ.get("CUSTDESK_PASSWORD") or DEMO_PASSWORDS.get(user, "")
                self._desk = Desk.open(self.db_path, user, password)
                return self._desk
            url = self.office_url
            path = url or self.db_path
            if not url and not path.exists():
                raise CustdeskError(i18n.tr("cli.no_db", path=path))
            user = self.user_name()
            self._desk = Desk.open(path, user, ask_password(user))
            self._after_login(self._desk)
        return self._desk

    def _after_login(self, desk) -> None:
        """Tell what a conversion did; hold a one-time password to setting one's own."""
        report = desk.upgrade
        if report:
            print(i18n.tr("cli.converted"), file=sys.stderr)
            for name, password in sorted(report.get("one_time_passwords", {}).items()):
                print(f"  {terminal_text(name):16} {password}", file=sys.stderr)
            print(i18n.tr("cli.converted_recovery"), file=sys.stderr)
            print(f"  {report['recovery_key']}", file=sys.stderr)
            if report.get("without_keys"):
                print(i18n.tr("cli.converted_without", users=", ".join(report["without_keys"])),
                      file=sys.stderr)
            if report.get("copy"):
                print(i18n.tr("cli.converted_copy", path=report["copy"]), file=sys.stderr)
        if desk.must_change_password:
            command = (self.args.command, getattr(self.args, "action", None))
            if command not in _WHILE_MUST_CHANGE or getattr(self.args, "name", None) != desk.user.name:
                from ..core.errors import AccessDenied
                raise AccessDenied(i18n.tr("cli.must_change", user=desk.user.name))

    def close(self) -> None:
        if self._desk is not None:
            self._desk.close()


def ask_password(user: str) -> str:
    env = os.environ.get("CUSTDESK_PASSWORD")
    if env is not None:
        return env
    return _prompt(i18n.tr("cli.password", user=user), "CUSTDESK_PASSWORD")


def ask_new_password(user: str) -> str:
    env = os.environ.get("CUSTDESK_NEW_PASSWORD")
    if env is not None:
        return env
    first = _prompt(i18n.tr("cli.new_password", user=user), "CUSTDESK_NEW_PASSWORD")
    if _prompt(i18n.tr("cli.again"), "CUSTDESK_NEW_PASSWORD") != first:
        raise CustdeskError(i18n.tr("cli.mismatch"))
    return first


def _prompt(text: str, var: str) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        raise AuthenticationFailed(i18n.tr("cli.no_password", var=var))
    try:
        return getpass.getpass(text)
    except EOFError:
        raise AuthenticationFailed(i18n.tr("cli.no_password", var=var)) from None


def key_values(pairs: list[str] | None, option: str) -> dict[str, str]:
    out = {}
    for pair in pairs or []:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(i18n.tr("cli.key_value", option=option, text=pair))
        out[key.strip().replace("-", "_")] = value
    return out


def integer(text: str) -> int:
    """An argparse type: a whole number SQLite can store (a usage error otherwise)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(i18n.tr("cli.not_integer", text=text)) from None
    if not -(1 << 63) <= value < (1 << 63):
        raise argparse.ArgumentTypeError(i18n.tr("cli.not_integer", text=text[:30]))
    return value


def read_input(path, limit: int = 64 << 20) -> bytes:
    """A file named on the command line, read as ``files.read_regular`` reads (ordinary files
    only, at most ``limit`` bytes); refused with a message naming it."""
    from ..core.files import read_regular
    try:
        return read_regular(path, limit)
    except ValueError as exc:
        raise CustdeskError(i18n.tr("cli.os_error", path=path, reason=str(exc))) from exc


def print_json(value) -> None:
    # Format characters (a right-to-left override) go out as JSON escapes, not raw.
    sys.stdout.write(terminal_text(json.dumps(value, ensure_ascii=False, indent=2, default=str)))
    sys.stdout.write("\n")


def terminal_text(text: str) -> str:
    """Text as a terminal should print it: control and invisible format characters (an ANSI
    escape, a right-to-left override stored before they were refused) shown as \\uXXXX
    instead of acting on another user's terminal."""
    from unicodedata import category
    # (Cs: the undecodable bytes of a file name that is not UTF-8.)
    return "".join(f"\\u{ord(ch):04x}" if category(ch) in ("Cc", "Cf", "Cs") and ch not in "\n"
                   else ch for ch in text)


def print_table(rows: list[dict], columns: list[str]) -> None:
    if not rows:
        return
    from unicodedata import east_asian_width

    def width(text: str) -> int:
        return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)

    cells = [[("" if r.get(c) is None else terminal_text(str(r.get(c)))) for c in columns]
             for r in rows]
    widths = [max(width(c), *(width(row[i]) for row in cells)) for i, c in enumerate(columns)]
    for row in [columns, *cells]:
        print("  ".join(text + " " * (widths[i] - width(text)) for i, text in enumerate(row)).rstrip())


def build_parser() -> argparse.ArgumentParser:
    from . import (admin, audit_cmd, backup_cmd, customers, grading_cmd, import_cmd, office_cmd,
                   outcomes_cmd, privacy_cmd, report_cmd, reviews_cmd)
    parser = argparse.ArgumentParser(
        prog="custdesk", description="客户资信档案台 custdesk — customer credit files.",
        epilog="Exit status: 0 done, 1 refused, 2 usage, 3 authentication failed.")
    parser.add_argument("--version", action="version", version=f"custdesk {__version__}")
    parser.add_argument("--db", help="database file, or an office database's address "
                                     "postgresql://HOST:PORT/DBNAME (default: $CUSTDESK_DB or "
                                     "the per-user data folder)")
    parser.add_argument("--user", help="user name (default: $CUSTDESK_USER)")
    parser.add_argument("--lang", choices=["zh", "en"], help="language of messages (default zh)")
    parser.add_argument("--demo", action="store_true",
                        help="use the demo database (created on first use)")
    parser.add_argument("--smoke", action="store_true",
                        help="open the window, show it and quit (tests an installed program); "
                             "logs in with --user and $CUSTDESK_PASSWORD")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in (admin.register, customers.register, grading_cmd.register, reviews_cmd.register,
                     outcomes_cmd.register, admin.register_settings, audit_cmd.register,
                     report_cmd.register, privacy_cmd.register,
                     backup_cmd.register, import_cmd.register, office_cmd.register):
        register(sub)
    return parser


# Arguments that name files: any bytes the system allows (a name that is not UTF-8 too).
PATH_ARGS = frozenset({"db", "file", "out", "output", "errors", "mapping", "checkpoint", "dir"})


def _refuse_undecodable(args: argparse.Namespace) -> None:
    """Text arguments (names, search words, reasons) must be text: bytes that are not UTF-8
    arrive as lone surrogates, which would be stored or searched as garbage."""
    for dest, value in vars(args).items():
        if dest in PATH_ARGS:
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and any("\ud800" <= ch <= "\udfff" for ch in item):
                raise UsageError(i18n.tr("cli.not_text", option=dest.replace("_", "-")))


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    _refuse_undecodable(args)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_OK if args.command is None else EXIT_USAGE
    ctx = Context(args)
    try:
        return args.handler(ctx) or EXIT_OK
    finally:
        ctx.close()
