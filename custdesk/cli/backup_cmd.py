"""backup [create], backup list, backup delete, backup verify, backup config, restore, check."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..core import backup, i18n, integrity
from ..core.clock import local_text
from ..core.errors import CustdeskError, StoreError
from ..core.restore import restore
from ..core.store.keyslots import KeySlots
from .common import (EXIT_OK, EXIT_REFUSED, Context, UsageError, ask_password, integer,
                     print_json, print_table)

i18n.register({
    "cli.restore_disabled_again": (
        "这些用户在备份中仍在用，但恢复前已被停用：已再次停用（并换用新密钥）：{users}",
        "These users were active in the backup but disabled before the restore; they were "
        "disabled again (with new keys): {users}"),
    "cli.rekeyed": ("已重新加密 {rekeyed} 份备份；{current} 份本已使用当前密钥",
                    "Re-encrypted {rekeyed} backups; {current} already used the current key"),
    "cli.rekey_unopened": ("以下备份无法用已知密钥打开，仍可被旧密码读取，请确认后删除：{names}",
                           "These backups open with no key known here and still open with old "
                           "passwords; delete them once you are sure: {names}"),
    "cli.backup_done": ("已备份到 {path}", "Backed up to {path}"),
    "cli.backup_none": ("{folder} 中没有备份", "No backups in {folder}"),
    "cli.backup_bad": ("备份 {name} 有问题：{problems}", "Backup {name} has problems: {problems}"),
    "cli.backup_config": ("备份设置已保存", "Backup settings saved"),
    "cli.restore_confirm": (
        "将用备份 {backup}（{when}）替换数据库 {db}；当前文件会改名保存在旁边。输入 yes 继续：",
        "This replaces the database {db} with the backup {backup} ({when}); the current files "
        "are kept beside it under another name. Type yes to go on: "),
    "cli.restore_needs_yes": ("恢复会替换当前数据库：请在终端中确认，或加 --yes",
                              "restoring replaces the current database: confirm in a terminal, "
                              "or add --yes"),
    "cli.restore_cancelled": ("已取消，未做任何改动", "Cancelled; nothing was changed"),
    "cli.restore_done": ("已恢复备份 {backup}；原文件已改名为 {aside}",
                         "Restored {backup}; the previous files are now {aside}"),
    "cli.restore_user": ("请用 --user 指定管理员（备份中有 {users}）",
                         "name the administrator with --user (the backup has {users})"),
    "cli.on_off": ("--on-exit 取 on 或 off", "--on-exit takes on or off"),
    "cli.backup_delete_confirm": ("将删除手动备份 {name}（{when}，{who}{label}）。输入 yes 继续：",
                                  "This deletes the backup {name} made by hand ({when}, {who}"
                                  "{label}). Type yes to go on: "),
    "cli.backup_delete_needs_yes": ("删除备份无法撤销：请在终端中确认，或加 --yes",
                                    "deleting a backup cannot be undone: confirm in a terminal, "
                                    "or add --yes"),
    "cli.backup_deleted": ("已删除备份 {name}", "Deleted the backup {name}"),
    "cli.restore_office": (
        "办公室数据库由服务器的超级用户恢复：custdesk office restore {file} --url "
        "postgresql://超级用户@主机:端口/数据库名 [--replace]",
        "An office database is restored by a superuser of its server: custdesk office restore "
        "{file} --url postgresql://SUPERUSER@HOST:PORT/DBNAME [--replace]"),
})


def register(sub) -> None:
    p = sub.add_parser("backup", help="make a backup now (or: backup create | list | delete | "
                       "verify | config)")
    p.add_argument("--to", metavar="DIR", help="backup folder (default: the configured one)")
    p.add_argument("--label", metavar="TEXT", help="a note on the backup (\"before trying X\")")
    p.set_defaults(handler=cmd_backup)
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    q = actions.add_parser("create", help="make a backup by hand now: kept until deleted")
    # SUPPRESS: a value given before the action (backup --to DIR create) is not overwritten.
    q.add_argument("--to", metavar="DIR", default=argparse.SUPPRESS,
                   help="backup folder (default: the configured one)")
    q.add_argument("--label", metavar="TEXT", default=argparse.SUPPRESS,
                   help="a note on the backup (\"before trying X\")")
    q.set_defaults(handler=cmd_backup)
    q = actions.add_parser("list", help="the backups in the folder, each checked (checksum, "
                           "files): kind, who made it, when, size, label")
    q.add_argument("--dir", metavar="DIR", help="folder (default: the configured one)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_list)
    q = actions.add_parser("delete", help="delete a backup made by hand (your own; a manager "
                           "or administrator: anyone's); automatic ones follow the retention")
    q.add_argument("name", help="the backup's name (as backup list shows it)")
    q.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    q.set_defaults(handler=cmd_delete)
    q = actions.add_parser("verify", help="check one backup whole, with the key (exit 1 if bad)")
    q.add_argument("file", help="the backup's .db file (or its manifest)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_verify)
    q = actions.add_parser("rekey", help="re-encrypt the backups the current file key does not "
                           "open (after a user was disabled): old passwords no longer open them "
                           "(administrator; asks your password as it was then)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_rekey)
    q = actions.add_parser("config", help="show or change the backup settings")
    q.add_argument("--dir", metavar="DIR", help="backup folder (absolute path; '' for the default)")
    q.add_argument("--daily", type=integer, metavar="N", help="daily backups to keep (default 7)")
    q.add_argument("--weekly", type=integer, metavar="N", help="weekly backups to keep (default 4)")
    q.add_argument("--on-exit", metavar="on|off", help="back up when the window closes")
    q.add_argument("--recent", type=integer, metavar="N",
                   help="automatic backups of today kept besides (default 5)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_config)

    p = sub.add_parser("restore", help="replace the database with a backup (administrator)")
    p.add_argument("file", help="the backup's .db file (or its manifest)")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("check", help="check the database whole; exit 1 when a problem is found")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_check)


def cmd_backup(ctx: Context) -> int:
    desk = ctx.desk()
    made = backup.make_backup(desk, Path(ctx.args.to) if ctx.args.to else None, "manual",
                              label=ctx.args.label)
    print(i18n.tr("cli.backup_done", path=made.database), file=sys.stderr)
    print(made.database)
    return EXIT_OK


def _folder_and_id(ctx: Context, given: str | None) -> tuple[Path, str | None]:
    if given:
        return Path(given), None
    try:
        desk = ctx.desk()
    except StoreError:   # a damaged database (or an office server out of reach)
        if ctx.office_url:
            from ..core.office.session import where
            return backup.office_folder(where(ctx.office_url)), None
        return backup.default_folder(), None
    return backup.config(desk).folder, desk.settings.get("database_id")


def _sets(ctx: Context) -> tuple[Path, list[backup.BackupSet]]:
    """The sets to list: with the database open, its own in its folder, makers by display
    name and descriptions checked; else (``--dir``, or a damaged database) as found."""
    if not ctx.args.dir:
        try:
            desk = ctx.desk()
        except StoreError:   # a damaged database: its settings cannot be read
            pass
        else:
            return backup.config(desk).folder, backup.sets_of(desk)
    folder, database_id = _folder_and_id(ctx, ctx.args.dir)
    return folder, backup.list_backups(folder, database_id)


def cmd_list(ctx: Context) -> int:
    folder, sets = _sets(ctx)
    if ctx.args.json:
        print_json({"folder": str(folder), "backups": [s.as_dict() for s in sets]})
        return EXIT_OK
    if not sets:
        print(i18n.tr("cli.backup_none", folder=folder), file=sys.stderr)
        return EXIT_OK
    print_table([{"name": s.name, "made": local_text(s.manifest.get("created_at"), seconds=True),
                  "kind": backup.kind_label(s.kind), "by": s.made_by_display or s.made_by,
                  "size": backup.size_text(s.size), "label": s.label,
                  "audit_head": (s.manifest.get("audit_head") or {}).get("seq", ""),
                  "ok": "ok" if s.ok else "; ".join(s.problems)} for s in sets],
                ["name", "made", "kind", "by", "size", "label", "audit_head", "ok"])
    return EXIT_OK


def cmd_delete(ctx: Context) -> int:
    desk = ctx.desk()
    wanted = Path(ctx.args.name).name
    found = next((s for s in backup.sets_of(desk)
                  if wanted in (s.name, s.database.parent.name)), None)
    if found is not None and not ctx.args.yes:
        if not sys.stdin or not sys.stdin.isatty():
            raise CustdeskError(i18n.tr("cli.backup_delete_needs_yes"))
        answer = input(i18n.tr("cli.backup_delete_confirm", name=found.name,
                               when=local_text(found.manifest.get("created_at")),
                               who=found.made_by_display or found.made_by,
                               label=f" · {found.label}" if found.label else ""))
        if answer.strip().lower() not in ("yes", "y", "是"):
            print(i18n.tr("cli.restore_cancelled"), file=sys.stderr)
            return EXIT_REFUSED
    # Not found, automatic or someone else's: refused by core, with its message.
    backup.delete_set(desk, wanted)
    print(i18n.tr("cli.backup_deleted", name=wanted), file=sys.stderr)
    return EXIT_OK


def _backup_user(ctx: Context, database: Path) -> str:
    user = ctx.args.user or os.environ.get("CUSTDESK_USER")
    if user:
        return user
    users = KeySlots.load(database).users()
    if len(users) == 1:
        return users[0]
    raise UsageError(i18n.tr("cli.restore_user", users=", ".join(users)))


def _backup_key(ctx: Context, found: backup.BackupSet) -> bytes:
    """The key from the backup's own slots (the database itself may be unreadable)."""
    from ..core.errors import AuthenticationFailed
    user = _backup_user(ctx, found.database)
    key = KeySlots.load(found.database).unlock(user, ask_password(user))
    if key is None:
        raise AuthenticationFailed()
    return key


def cmd_verify(ctx: Context) -> int:
    found = backup.verify_backup(ctx.args.file)
    if found.ok:
        found = backup.verify_backup(found.database, _backup_key(ctx, found))
    if ctx.args.json:
        print_json(found.as_dict())
    elif found.ok:
        print(i18n.tr("backup.ok", name=found.name))
    else:
        print(i18n.tr("cli.backup_bad", name=found.name, problems="; ".join(found.problems)))
    return EXIT_OK if found.ok else EXIT_REFUSED


def cmd_rekey(ctx: Context) -> int:
    desk = ctx.desk()
    result = backup.rekey_sets(desk, password=ask_password(desk.user.name))
    if ctx.args.json:
        print_json(result)
    else:
        print(i18n.tr("cli.rekeyed", rekeyed=len(result["rekeyed"]),
                      current=len(result["current"])))
        if result["unopened"]:
            print(i18n.tr("cli.rekey_unopened", names=", ".join(result["unopened"])))
    return EXIT_OK if not result["unopened"] else EXIT_REFUSED


def cmd_config(ctx: Context) -> int:
    args = ctx.args
    desk = ctx.desk()
    on_exit = None
    if args.on_exit is not None:
        if args.on_exit.lower() not in ("on", "off"):
            raise UsageError(i18n.tr("cli.on_off"))
        on_exit = args.on_exit.lower() == "on"
    if any(v is not None for v in (args.dir, args.daily, args.weekly, on_exit, args.recent)):
        backup.configure(desk, folder=args.dir, daily=args.daily, weekly=args.weekly,
                         on_exit=on_exit, recent=args.recent)
        print(i18n.tr("cli.backup_config"), file=sys.stderr)
    current = backup.config(desk).as_dict()
    if args.json:
        print_json(current)
    else:
        for key, value in current.items():
            print(f"{key}: {value}")
    return EXIT_OK


def cmd_restore(ctx: Context) -> int:
    if ctx.office_url:
        raise UsageError(i18n.tr("cli.restore_office", file=ctx.args.file))
    found = backup.verify_backup(ctx.args.file)
    if not found.ok:
        raise StoreError(i18n.tr("restore.bad_backup", problems="; ".join(found.problems)))
    db = ctx.db_path
    if not ctx.args.yes:
        if not sys.stdin or not sys.stdin.isatty():
            raise CustdeskError(i18n.tr("cli.restore_needs_yes"))
        answer = input(i18n.tr("cli.restore_confirm", db=db, backup=found.database,
                               when=local_text(found.manifest.get("created_at"))))
        if answer.strip().lower() not in ("yes", "y", "是"):
            print(i18n.tr("cli.restore_cancelled"), file=sys.stderr)
            return EXIT_REFUSED
    user = _backup_user(ctx, found.database)
    # Your password now; your password as it was when the backup was made, if it differs.
    result = restore(db, found.database, user=user, password=ask_password(user),
                     backup_password=os.environ.get("CUSTDESK_BACKUP_PASSWORD"))
    aside = result.set_aside[0] if result.set_aside else "-"
    print(i18n.tr("cli.restore_done", backup=result.backup, aside=aside), file=sys.stderr)
    if result.disabled_again:
        print(i18n.tr("cli.restore_disabled_again", users=", ".join(result.disabled_again)),
              file=sys.stderr)
    return EXIT_OK


def cmd_check(ctx: Context) -> int:
    try:
        desk = ctx.desk()
    except integrity.DatabaseDamaged as exc:
        findings = [{"kind": "damaged", "message": str(exc),
                     "backup": str(exc.backup) if exc.backup else None}]
    else:
        findings = [f.as_dict() for f in integrity.check(desk)]
    if ctx.args.json:
        print_json({"ok": not findings, "findings": findings})
    elif findings:
        for finding in findings:
            print(finding["message"])
    else:
        print(integrity.ok_message(desk))
    return EXIT_REFUSED if findings else EXIT_OK
