"""Backups: consistent, still-encrypted copies of the database, kept in a folder.

A backup *set* is a folder of three files in the backup folder::

    custdesk-YYYYMMDD-HHMMSS-<reason>/
        custdesk-YYYYMMDD-HHMMSS-<reason>.db                the database (same key, SQLCipher)
        custdesk-YYYYMMDD-HHMMSS-<reason>.db.keys           the key slots as they were
        custdesk-YYYYMMDD-HHMMSS-<reason>.db.manifest.json  what the copy is

The copy is made with SQLite's online backup API into a file keyed with the
database key inside a folder with a temporary name, synced, checked
(``integrity_check`` and ``cipher_integrity_check``), joined by the key slots
and the manifest, and only then is the folder renamed into place — one rename,
so a set appears whole or not at all, and is pruned the same way (renamed away,
then deleted). A set without its manifest is not a backup and is never listed,
restored or counted. Only complete sets made by custdesk for the same database
are ever pruned.

What a set is (its kind, who made it, when, its label) is in the manifest, signed by its
maker's own key (``made_sig``) so that retention never acts on an edited kind: a set made by
hand (``manual``) is never deleted automatically, only by an explicit ``delete_set``; the
automatic ones (on exit, the day's first) follow the daily/weekly rule plus the last few
of today.

On an office database the copy is the session's working copy (``office.mirror``) — the
same encrypted single-PC form, the same checks, manifest and retention — made only by
someone cleared to the top level, whose copy holds every row. It goes to a lasting folder
(``office/<host>_<port>_<dbname>/backups`` in the per-user data folder, or the office's own
``office_backup_folder`` setting), and the manifest names the server's address as its
source; ``office.restore`` makes an office database from it again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import secrets
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import sqlcipher3
from sqlite_utils import Database

from .. import __version__, paths
from . import clock, i18n
from .audit import GENESIS, canonical
from .changes import Changes
from .errors import FieldError, StoreError, ValidationError
from .keys import primitives as p
from .files import (private_dir, private_file, read_regular, touch_private, write_atomic,
                    write_atomic_bytes)
from .store import connection, keyslots, migrations
from .store.keyslots import KeySlots, _fsync_dir, slots_path

i18n.register({
    "backup.rekey_what": ("重新加密备份", "re-encrypting backups"),
    "backup.copy_bad": ("备份副本未通过校验（{detail}），已丢弃；原数据库未受影响",
                        "The backup copy failed its check ({detail}) and was discarded; "
                        "the database itself is untouched"),
    "backup.no_manifest": ("{name} 没有清单文件：不是完整的备份", "{name} has no manifest: "
                           "not a complete backup"),
    "backup.bad_manifest": ("{name} 的清单无法读取", "The manifest of {name} cannot be read"),
    "backup.file_missing": ("备份文件 {name} 缺失", "The backup file {name} is missing"),
    "backup.size": ("{name} 的大小与清单不符（损坏或被截断）",
                    "{name} does not have the size its manifest records (damaged or cut short)"),
    "backup.sha256": ("{name} 的校验和与清单不符（文件已损坏或被改动）",
                      "{name} does not match its manifest's checksum (damaged or altered)"),
    "backup.keys_sha256": ("{name} 的密钥文件与清单不符", "The key slot file of {name} does not "
                           "match its manifest"),
    "backup.wrong_key": ("无法用此密钥打开备份 {name}", "The backup {name} does not open with this key"),
    "backup.integrity": ("备份 {name} 的数据库结构有误：{detail}",
                         "The database in backup {name} is damaged: {detail}"),
    "backup.cipher": ("备份 {name} 的加密页校验失败：{detail}",
                      "Encrypted pages of backup {name} fail their check: {detail}"),
    "backup.head": ("备份 {name} 的审计链头（第 {seq} 条）与清单（第 {expected} 条）不符",
                    "The audit chain head of backup {name} (entry {seq}) is not its manifest's "
                    "(entry {expected})"),
    "backup.audit": ("备份 {name} 的审计链有误：{detail}",
                     "The audit chain of backup {name} is broken: {detail}"),
    "backup.newer": ("备份 {name} 由更新版本的 custdesk 写入，无法恢复",
                     "The backup {name} was written by a newer custdesk and cannot be restored"),
    "backup.ok": ("备份 {name} 完好", "Backup {name} is intact"),
    "backup.folder_failed": ("无法在 {folder} 中做备份：{error}。未留下不完整的备份，数据库未受影响",
                             "Cannot back up into {folder}: {error}. No partial backup was left "
                             "and the database is untouched"),
    "backup.settings.folder": ("备份文件夹", "backup folder"),
    "backup.settings.count": ("保留份数应为 {low} 到 {high} 之间的整数",
                              "keep a whole number of backups from {low} to {high}"),
    "backup.settings.folder_bad": ("备份文件夹须为绝对路径", "the backup folder must be an "
                                   "absolute path"),
    "backup.settings.recent": ("今日保留的自动备份份数应为 {low} 到 {high} 之间的整数",
                               "keep a whole number of today's automatic backups from {low} to "
                               "{high}"),
    "backup.kind.manual": ("手动", "By hand"),
    "backup.kind.exit": ("退出时自动", "Automatic on exit"),
    "backup.kind.daily": ("每日自动", "Automatic daily"),
    "backup.create_what": ("备份数据库", "backing up the database"),
    "backup.delete_what": ("删除他人手动做的备份", "deleting a backup someone else made by hand"),
    "backup.not_found": ("此数据库的备份 {name}", "backup {name} of this database"),
    "backup.not_manual": ("{name} 是自动备份，由保留规则删除，不能手动删除",
                          "{name} is an automatic backup: the retention rule removes it, not a "
                          "deletion by hand"),
    "backup.office_clearance": (
        "办公室数据库的备份须包含全部记录，只有密级为“{level}”的用户才能备份。可以备份的用户：{users}",
        "A backup of the office database must hold every row: only users cleared to "
        "“{level}” may make one. Those who may: {users}"),
    "backup.office_behind": (
        "本机工作副本有记录未能与办公室数据库同步，不能据此备份：请重新登录后再备份",
        "This session's working copy could not take every row from the office database, so "
        "it cannot be backed up: log in again, then back up"),
})

REASONS = ("manual", "exit", "daily")
#: the kinds the program makes by itself; retention deletes only these
AUTOMATIC = frozenset({"exit", "daily"})
MANIFEST_FORMAT = 1
DB_SUFFIX, KEYS_SUFFIX, MANIFEST_SUFFIX = ".db", ".db.keys", ".db.manifest.json"
NAME_RE = re.compile(r"^custdesk-(\d{8}-\d{6})(?:-(\d+))?-(manual|exit|daily)\.db$")
TMP_PREFIX = ".custdesk-"
# Leftovers of a backup that was killed (temporary files, a copy renamed without its
# manifest) are removed by a later backup once they are this old.
STALE_AFTER = dt.timedelta(hours=6)

# Database settings (the ``settings`` table) and their defaults.
SETTING_FOLDER, SETTING_DAILY, SETTING_WEEKLY, SETTING_ON_EXIT, SETTING_RECENT = (
    "backup_folder", "backup_daily", "backup_weekly", "backup_on_exit", "backup_recent")
# An office database's backup folder: a setting of its own, so that the folder a single-PC
# database named (a path on the PC it was moved from) is not taken by every office PC.
SETTING_OFFICE_FOLDER = "office_backup_folder"
# ``recent``: automatic sets of today kept beside the daily/weekly rule, so the exit backup
# made after a morning's work is still there after the next few exits.
DEFAULT_DAILY, DEFAULT_WEEKLY, DEFAULT_RECENT = 7, 4, 5
MAX_KEEP = 365


def default_folder() -> Path:
    """Where backups go unless the settings name another folder."""
    return paths.data_dir() / "backups"


# -- office databases -----------------------------------------------------------------------------
# An office session's database is a working copy in a temporary folder that goes at logout
# (``office.mirror``): its backups go to a lasting folder of the per-user data folder, one
# per server and database, and are known by the server's address rather than the copy's path.
def _office(desk):
    """The office link of ``desk`` (None on a single PC)."""
    return getattr(getattr(desk, "db", None), "office", None)


def office_folder(address: str) -> Path:
    """The default backup folder of the office database at ``address``
    (``office/<host>_<port>_<dbname>/backups`` in the per-user data folder)."""
    from psycopg.conninfo import conninfo_to_dict
    info = conninfo_to_dict(address)
    parts = (info.get("host") or "localhost", info.get("port") or "5432", info.get("dbname", ""))
    slug = "_".join(re.sub(r"[^A-Za-z0-9.-]", "-", str(part)) for part in parts)
    return paths.data_dir() / "office" / slug / "backups"


def source_of(desk) -> str:
    """What a set's manifest names as its source: the database file, or the office
    database's address (host, port, database; never a user or password)."""
    link = _office(desk)
    if link is not None:
        from .office.session import where
        return where(link.url)
    return str(Path(desk.path).resolve())


def _source_key(db_path) -> str:
    from . import office
    return db_path if office.is_url(db_path) else str(Path(db_path).resolve())


def may_back_up(desk) -> bool:
    """Whether this user's backup would be whole: on a single PC anyone's; of an office
    database only that of someone who sees every row (cleared to the top level)."""
    from .fields import LEVELS
    return _office(desk) is None or desk.user.clearance >= len(LEVELS) - 1


def _require_whole(desk) -> None:
    from .errors import AccessDenied
    from .fields import LEVELS, level_label
    if may_back_up(desk):
        return
    top = len(LEVELS) - 1
    names = desk.users.display_names()
    able = [names.get(u.name, u.name) for u in desk.users.list()
            if u.active and u.clearance >= top]
    raise AccessDenied(i18n.tr("backup.office_clearance", level=level_label(top),
                               users="、".join(able) if i18n.language() == "zh"
                               else ", ".join(able)))


def known_folders_file() -> Path:
    """Per-user note of where each database's backups went, so that a database too damaged
    to read its own settings can still name its newest good backup."""
    return paths.data_dir() / "backup-folders.json"


def _read_known() -> dict:
    try:
        data = json.loads(known_folders_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    # Only a hint: an entry of the wrong shape (an edited or damaged note) is passed over.
    return ({k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str) and v}
            if isinstance(data, dict) else {})


def remember_folder(db_path: Path | str, folder: Path) -> None:
    """Note where the backups of the database at ``db_path`` (a file, or an office
    database's address) went."""
    known = _read_known()
    key, value = _source_key(db_path), str(Path(folder).resolve())
    if known.get(key) == value:
        return
    known[key] = value
    try:
        private_dir(known_folders_file().parent)
        write_atomic(known_folders_file(), json.dumps(known, ensure_ascii=False, indent=1))
    except OSError:
        pass    # only a hint for later; the backup itself is made


def known_folders() -> list[Path]:
    """Every folder any database's backups were written to on this machine."""
    return [Path(folder) for folder in _read_known().values()]


def folders_for(db_path: Path | str) -> list[Path]:
    """Where to look for backups of the database at ``db_path``, without opening it."""
    from . import office
    folders = []
    noted = _read_known().get(_source_key(db_path))
    if noted:
        folders.append(Path(noted))
    default = office_folder(db_path) if office.is_url(db_path) else default_folder()
    if default not in folders:
        folders.append(default)
    return folders


@dataclass(frozen=True)
class BackupConfig:
    folder: Path
    daily: int = DEFAULT_DAILY
    weekly: int = DEFAULT_WEEKLY
    on_exit: bool = True
    recent: int = DEFAULT_RECENT

    def as_dict(self) -> dict:
        return {"folder": str(self.folder), "daily": self.daily, "weekly": self.weekly,
                "on_exit": self.on_exit, "recent": self.recent}


def config(desk) -> BackupConfig:
    """The backup settings of this database (anyone logged in may read them)."""
    get = desk.settings.get
    link = _office(desk)
    folder = get(SETTING_OFFICE_FOLDER if link else SETTING_FOLDER) or ""

    def count(key: str, default: int) -> int:
        try:
            return max(0, min(MAX_KEEP, int(get(key) or default)))
        except ValueError:
            return default

    default = office_folder(source_of(desk)) if link else default_folder()
    return BackupConfig(Path(folder) if folder else default,
                        count(SETTING_DAILY, DEFAULT_DAILY), count(SETTING_WEEKLY, DEFAULT_WEEKLY),
                        (get(SETTING_ON_EXIT) or "1") not in ("0", "false", "no", "off"),
                        count(SETTING_RECENT, DEFAULT_RECENT))


def configure(desk, *, folder: Path | str | None = None, daily: int | None = None,
              weekly: int | None = None, on_exit: bool | None = None,
              recent: int | None = None) -> Changes:
    """Change the backup settings (needs ``settings.manage``); None leaves a value alone."""
    desk.access.require("settings.manage", i18n.tr("settings.manage"))
    errors = []
    for name, value, low, key in (("daily", daily, 1, "backup.settings.count"),
                                  ("weekly", weekly, 0, "backup.settings.count"),
                                  ("recent", recent, 0, "backup.settings.recent")):
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)
                                  or not low <= value <= MAX_KEEP):
            errors.append(FieldError(name, key, {"low": low, "high": MAX_KEEP}))
    if folder is not None and str(folder).strip() and not Path(str(folder).strip()).is_absolute():
        errors.append(FieldError("folder", "backup.settings.folder_bad"))
    if errors:
        raise ValidationError(errors)
    changes = Changes()
    wanted = {
        (SETTING_OFFICE_FOLDER if _office(desk) else SETTING_FOLDER):
            None if folder is None else str(folder).strip(),
        SETTING_DAILY: None if daily is None else str(daily),
        SETTING_WEEKLY: None if weekly is None else str(weekly),
        SETTING_ON_EXIT: None if on_exit is None else ("1" if on_exit else "0"),
        SETTING_RECENT: None if recent is None else str(recent),
    }
    for key, value in wanted.items():
        if value is not None and value != desk.settings.get(key):
            changes = desk.settings.set(key, value)
    return changes


# -- backup sets -------------------------------------------------------------------------------
@dataclass
class BackupSet:
    """One backup in a folder: its files, its manifest and what checking it found."""

    database: Path
    manifest: dict = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    checked_with_key: bool = False
    #: whether kind, maker and label carry their maker's valid signature (``check_made``):
    #: None when not checked, or for a set from before they were signed
    trusted: bool | None = None
    #: the maker as people are shown (display name), filled in by ``sets_of``
    made_by_display: str = ""

    @property
    def name(self) -> str:
        return self.database.name

    @property
    def keys(self) -> Path:
        return slots_path(self.database)

    @property
    def manifest_path(self) -> Path:
        return manifest_path(self.database)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def created(self) -> dt.datetime | None:
        try:
            return clock.datetime_of(self.manifest["created_at"])
        except (KeyError, ValueError, TypeError):
            return None

    @property
    def named_kind(self) -> str:
        """The kind the set's name says."""
        match = NAME_RE.match(self.name)
        return match.group(3) if match else ""

    @property
    def kind(self) -> str:
        """manual, exit or daily: the manifest's word, else the name's (a manifest that
        cannot be read)."""
        reason = self.manifest.get("reason")
        return reason if reason in REASONS else self.named_kind

    @property
    def automatic(self) -> bool:
        return self.kind in AUTOMATIC

    @property
    def label(self) -> str:
        return str(self.manifest.get("label") or "")

    @property
    def made_by(self) -> str:
        """The user name of whoever made the set."""
        return str(self.manifest.get("user") or "")

    @property
    def size(self) -> int:
        size = self.manifest.get("size")
        return size if isinstance(size, int) else 0

    def as_dict(self) -> dict:
        return {"name": self.name, "path": str(self.database), "ok": self.ok,
                "problems": list(self.problems), "checked_with_key": self.checked_with_key,
                "kind": self.kind, "kind_label": kind_label(self.kind),
                "automatic": self.automatic, "made_by": self.made_by,
                "made_by_display": self.made_by_display or self.made_by,
                "created_at": self.manifest.get("created_at"), "size": self.size,
                "label": self.label, "trusted": self.trusted, "manifest": self.manifest}


def size_text(size: int) -> str:
    """A set's size as people read it: KB below one megabyte, else MB (1024-based)."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024)) if size else 0} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def kind_label(kind: str) -> str:
    """A set's kind in the user's language."""
    return i18n.tr(f"backup.kind.{kind}") if kind in REASONS else kind


def _made_message(manifest: dict, set_name: str) -> bytes:
    """What the maker of a set signs: the set and its description. Not its checksums, which
    ``rekey_sets`` changes; the audit head ties the description to the copy's content."""
    head = manifest.get("audit_head") or {}
    return canonical(["backup-set", manifest.get("database_id"), set_name,
                      manifest.get("created_at"), manifest.get("reason"), manifest.get("user"),
                      manifest.get("label", ""), head.get("seq"), head.get("hash")]
                     ).encode("utf-8")


def _sign_made(desk, manifest: dict, set_name: str) -> dict:
    cert = desk.registry.cert(desk.personal.user)
    return {"signer": desk.personal.user, "signer_serial": cert.serial,
            "signature": p.b64(p.sign(desk.personal.sign_seed, _made_message(manifest, set_name)))}


def check_made(found: BackupSet, registry) -> bool | None:
    """Whether the set's kind, maker and label are as its maker signed them, under a
    certificate of ``registry`` (the open database's); None for a set made before they were
    signed. Sets ``found.trusted`` and returns it."""
    signed = found.manifest.get("made_sig")
    if not signed:
        found.trusted = None
        return None
    try:
        cert = registry.history.get(int(signed["signer_serial"]))
        found.trusted = bool(
            cert is not None and cert.user == signed["signer"] == found.made_by
            and found.manifest.get("reason") == found.named_kind
            and p.verify(cert.sign_key, p.unb64(signed["signature"]),
                         _made_message(found.manifest, found.database.parent.name)))
    except (KeyError, TypeError, ValueError, AttributeError):
        found.trusted = False
    return found.trusted


def manifest_path(database: Path) -> Path:
    return database.with_name(database.name[:-len(DB_SUFFIX)] + MANIFEST_SUFFIX)


def database_of(path: Path | str) -> Path:
    """The database file of a set, given its folder or any of its three files."""
    path = Path(path)
    if path.is_dir():
        return path / (path.name + DB_SUFFIX)
    for suffix in (MANIFEST_SUFFIX, KEYS_SUFFIX):
        if path.name.endswith(suffix):
            return path.with_name(path.name[:-len(suffix)] + DB_SUFFIX)
    return path


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


_MANIFEST_TYPES = {"format": int, "created_at": str, "reason": str, "database": str, "sha256": str,
                   "size": int, "keys_sha256": str, "database_id": str, "audit_head": dict,
                   "checkpoint": dict, "schema_version": int, "user": str, "label": str,
                   "made_sig": dict}


def _read_manifest(path: Path) -> dict:
    """A manifest as written: a JSON object (ValueError otherwise: cut short, edited, not one)."""
    manifest = json.loads(read_regular(path, 1 << 20).decode("utf-8"))
    if not isinstance(manifest, dict):
        raise ValueError("not an object")
    for key, kind in _MANIFEST_TYPES.items():
        if key in manifest and not isinstance(manifest[key], kind):
            raise ValueError(key)
    head = manifest.get("audit_head", {})
    if not (type(head.get("seq", 0)) is int and isinstance(head.get("hash", ""), str)):
        raise ValueError("audit_head")
    return manifest


def read_set(path: Path | str) -> BackupSet:
    """A set with its manifest, checked without the key: files present, size and sha256."""
    database = database_of(path)
    found = BackupSet(database)
    mpath = manifest_path(database)
    if not mpath.exists():
        found.problems.append(i18n.tr("backup.no_manifest", name=database.name))
        return found
    try:
        manifest = _read_manifest(mpath)
        if manifest.get("format") != MANIFEST_FORMAT:
            raise ValueError(manifest.get("format"))
        found.manifest = manifest
    except (OSError, ValueError):
        found.problems.append(i18n.tr("backup.bad_manifest", name=database.name))
        return found
    for file in (database, found.keys):
        if not file.exists():
            found.problems.append(i18n.tr("backup.file_missing", name=file.name))
    if found.problems:
        return found
    if database.stat().st_size != found.manifest.get("size"):
        found.problems.append(i18n.tr("backup.size", name=database.name))
    elif _sha256(database) != found.manifest.get("sha256"):
        found.problems.append(i18n.tr("backup.sha256", name=database.name))
    if _sha256(found.keys) != found.manifest.get("keys_sha256"):
        found.problems.append(i18n.tr("backup.keys_sha256", name=database.name))
    return found


def list_backups(folder: Path | str, database_id: str | None = None) -> list[BackupSet]:
    """Complete sets (those with a manifest) in ``folder``, newest first, each checked
    without the key. With ``database_id``, only that database's sets."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    sets = []
    for entry in folder.iterdir():
        if not entry.is_dir() or not NAME_RE.match(entry.name + DB_SUFFIX):
            continue
        database = database_of(entry)
        if not manifest_path(database).exists():
            continue
        found = read_set(database)
        if database_id and found.manifest.get("database_id") != database_id:
            continue
        sets.append(found)
    sets.sort(key=lambda s: (s.manifest.get("created_at") or "", s.name), reverse=True)
    return sets


def checkpoints_in(folder: Path | str, database_id: str) -> list[tuple[str, dict]]:
    """(set name, checkpoint) of every set of ``database_id`` in ``folder``, from the manifests
    alone (no checksum: a checkpoint carries its own signature)."""
    folder = Path(folder)
    out = []
    if not folder.is_dir():
        return out
    for entry in folder.iterdir():
        if not entry.is_dir() or not NAME_RE.match(entry.name + DB_SUFFIX):
            continue
        try:
            manifest = _read_manifest(manifest_path(database_of(entry)))
        except (OSError, ValueError):
            continue
        if manifest.get("database_id") == database_id and manifest.get("checkpoint"):
            out.append((entry.name, manifest["checkpoint"]))
    return out


def newest_good(folders: Path | str | list, source: Path | str | None = None,
                database_id: str | None = None) -> BackupSet | None:
    """The newest set in ``folders`` that checks out, of the database at ``source`` (or
    with ``database_id``) when given."""
    source_text = _source_key(source) if source else None
    if isinstance(folders, (str, Path)):
        folders = [folders]
    candidates = sorted((s for folder in dict.fromkeys(Path(f) for f in folders)
                         for s in list_backups(folder, database_id)),
                        key=lambda s: (s.manifest.get("created_at") or "", s.name), reverse=True)
    if source_text:
        same = [s for s in candidates if s.manifest.get("source") == source_text]
        candidates = same or [s for s in candidates
                              if Path(s.manifest.get("source", "")).name == Path(source_text).name]
    return next((s for s in candidates if s.ok), None)


# -- checking a copy with the key ----------------------------------------------------------------
def open_copy(path: Path, key: bytes):
    """A read-only SQLCipher connection to a backup copy (never writes to it)."""
    conn = sqlcipher3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                              isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def _problem_text(rows: list[tuple]) -> str:
    return "; ".join(str(r[0]) for r in rows[:3]) + (" …" if len(rows) > 3 else "")


def inspect_copy(path: Path, key: bytes) -> dict:
    """Open a copy with ``key`` and check it; return its facts and problems (no raising)."""
    name = path.name
    facts: dict = {"problems": []}
    problems = facts["problems"]
    try:
        conn = open_copy(path, key)
    except sqlcipher3.DatabaseError as exc:
        problems.append(i18n.tr("backup.wrong_key", name=name) + f" ({exc})")
        return facts
    try:
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError:
            problems.append(i18n.tr("backup.wrong_key", name=name))
            return facts
        cipher = conn.execute("PRAGMA cipher_integrity_check").fetchall()
        if cipher:
            problems.append(i18n.tr("backup.cipher", name=name, detail=_problem_text(cipher)))
            return facts
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        except sqlcipher3.DatabaseError as exc:
            rows = [(str(exc),)]
        if rows != [("ok",)]:
            problems.append(i18n.tr("backup.integrity", name=name, detail=_problem_text(rows)))
            return facts
        view = Database(conn, execute_plugins=False)
        try:
            migrations.check_not_newer(view)
        except StoreError:
            problems.append(i18n.tr("backup.newer", name=name))
            return facts
        row = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        facts["audit_head"] = {"seq": row[0], "hash": row[1]} if row else {"seq": 0,
                                                                           "hash": GENESIS}
        facts["schema_version"] = migrations.schema_version(view)
        settings = dict(conn.execute("SELECT key, value FROM settings").fetchall())
        facts["database_id"] = settings.get("database_id", "")
        facts["firm"] = settings.get("firm_name", "")
        facts["view"] = view
        return facts
    finally:
        if "view" not in facts:
            conn.close()
        else:
            facts["conn"] = conn


def _chain_problem(found: "BackupSet", db, head: dict, root: bytes | None) -> str | None:
    """What is wrong with a copy's audit chain (entries, signatures, certificates), checked
    against the root key ``root`` (the checking user's; else the set's own key file's)."""
    from .audit import Chain, verify_chain
    from .keys.registry import Registry
    settings = dict(db.execute("SELECT key, value FROM settings").fetchall())
    if settings.get("keys_format") != "2":
        return None          # a backup from before keys per clearance: converted on restore
    if root is None:
        root = KeySlots.load(found.database).root()
    if root is None:
        return i18n.tr("backup.keys_sha256", name=found.name)
    registry = Registry.load(db, settings.get("database_id", ""), root)
    # The head the manifest vouches for, as its maker signed it.
    point = found.manifest.get("checkpoint") if head["seq"] else None
    result = verify_chain(Chain(db, settings.get("database_id", ""), registry, point))
    return None if result.ok else result.message


def verify_backup(path: Path | str, key: bytes | None = None,
                  root: bytes | None = None) -> BackupSet:
    """Check a set: manifest, files, sha256; with ``key`` also open the copy and check its
    pages, structure and audit chain (whose head must be the manifest's, whose entries and
    certificates must be signed under ``root``)."""
    found = read_set(path)
    if not found.ok or key is None:
        return found
    found.checked_with_key = True
    facts = inspect_copy(found.database, key)
    found.problems.extend(facts["problems"])
    if "view" not in facts:
        return found
    try:
        expected = found.manifest.get("audit_head") or {}
        head = facts["audit_head"]
        if head != {"seq": expected.get("seq"), "hash": expected.get("hash")}:
            found.problems.append(i18n.tr("backup.head", name=found.name, seq=head["seq"],
                                          expected=expected.get("seq")))
        else:
            detail = _chain_problem(found, facts["view"], head, root)
            if detail:
                found.problems.append(i18n.tr("backup.audit", name=found.name, detail=detail))
    finally:
        facts["conn"].close()
    return found


# -- making a backup -------------------------------------------------------------------------
def _base_name(folder: Path, reason: str) -> str:
    stamp = clock.now().astimezone().strftime("%Y%m%d-%H%M%S")
    base, n = f"custdesk-{stamp}-{reason}", 1
    while (folder / base).exists():
        n += 1
        base = f"custdesk-{stamp}-{n}-{reason}"
    return base


def _tmp(folder: Path, name: str) -> Path:
    rest = name[len("custdesk-"):]
    return folder / f"{TMP_PREFIX}{rest}.{os.getpid()}.{secrets.token_hex(4)}.tmp"


def sweep(folder: Path) -> list[Path]:
    """Remove what killed backups left behind (old temporary files, copies without a
    manifest); return what was removed."""
    removed = []
    if not folder.is_dir():
        return removed
    limit = (clock.now() - STALE_AFTER).timestamp()
    for path in folder.iterdir():
        try:
            if path.stat().st_mtime > limit:
                continue
        except OSError:
            continue
        # A set being written or removed carries a temporary name; a set folder without
        # its manifest can only be left by hand.
        leftover = path.name.startswith(TMP_PREFIX) and ".tmp" in path.name
        orphan = (path.is_dir() and NAME_RE.match(path.name + DB_SUFFIX) is not None
                  and not manifest_path(database_of(path)).exists())
        if leftover or orphan:
            _remove(path)
            removed.append(path)
    return removed


def _folder_failed(folder: Path, exc: BaseException) -> StoreError:
    return StoreError(i18n.tr("backup.folder_failed", folder=folder,
                              error=getattr(exc, "strerror", None) or exc))


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def clean_label(label: str | None) -> str:
    """A set's label as typed ("before trying the new import"): one line, at most 200
    characters.

    :raises ValidationError: on the ``label`` field.
    """
    from . import validation
    from .cleaning import check_one
    return check_one("label", validation.check_line, label or "", 200)


def make_backup(desk, folder: Path | str | None = None, reason: str = "manual",
                progress: Callable[[int], None] | None = None, prune_after: bool = True,
                label: str | None = None) -> BackupSet:
    """Copy the open database into ``folder`` (default: the configured one) as a new set.

    Needs ``backup.create`` (every role: the copy is as encrypted as the database). The
    database is not changed except for the ``backup.create`` audit entry. ``label`` is the
    user's note on the set. ``progress`` gets a percentage now and then.

    :raises StoreError: the copy failed its check (nothing is left under a final name).
    :raises ValidationError: the label is not one line of text.
    """
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    desk.access.require("backup.create", i18n.tr("backup.create_what"))
    label = clean_label(label)
    link = _office(desk)
    if link is not None:
        # The copy is this session's working copy, brought up to date with the server
        # first: whole only when its user sees every row.
        _require_whole(desk)
        link.refresh(desk.db)
        if link.behind:
            raise StoreError(i18n.tr("backup.office_behind"))
    report = progress or (lambda _pct: None)
    settings = config(desk)
    folder = Path(folder) if folder else settings.folder
    try:
        private_dir(folder)
        base = _base_name(folder, reason)
        # A set is a folder, written under a temporary name and renamed whole: it appears
        # complete or not at all (and is removed the same way, see ``prune``).
        tmp_dir = _tmp(folder, base)
        tmp_dir.mkdir(mode=0o700)
    except OSError as exc:
        raise _folder_failed(folder, exc) from exc
    final_db = folder / base / (base + DB_SUFFIX)
    tmp_db, tmp_keys, tmp_manifest = (tmp_dir / (base + s) for s in
                                      (DB_SUFFIX, KEYS_SUFFIX, MANIFEST_SUFFIX))
    created = clock.timestamp()
    report(5)
    try:
        # 1. The copy: one backup step, i.e. one read snapshot of the database.
        touch_private(tmp_db)
        target = sqlcipher3.connect(str(tmp_db), isolation_level=None)
        try:
            target.execute(f"PRAGMA key = \"x'{desk.key.hex()}'\"")
            desk.db.conn.backup(target)
            # A backup file stands alone: no -wal/-shm beside it, readable read-only.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        _fsync_file(tmp_db)
        report(50)
        # 2. The copy is checked with the key before it gets a final name.
        facts = inspect_copy(tmp_db, desk.key)
        if "view" not in facts:
            raise StoreError(i18n.tr("backup.copy_bad", detail="; ".join(facts["problems"])))
        facts["conn"].close()
        report(75)
        # 3. The key slots as they are now (read under their lock), then the manifest.
        with keyslots.locked(desk.path) as slots:
            keys_bytes = slots.path.read_bytes()
        with os.fdopen(private_file(tmp_keys), "wb") as fh:
            fh.write(keys_bytes)
            fh.flush()
            os.fsync(fh.fileno())
        manifest = {
            "format": MANIFEST_FORMAT,
            "created_at": created,
            "reason": reason,
            "app_version": __version__,
            "schema_version": facts["schema_version"],
            "audit_head": facts["audit_head"],
            "database": final_db.name,
            "sha256": _sha256(tmp_db),
            "size": tmp_db.stat().st_size,
            "keys_sha256": hashlib.sha256(keys_bytes).hexdigest(),
            "database_id": facts["database_id"],
            "firm": facts["firm"],
            "source": source_of(desk),
            "user": desk.user.name,
            "label": label,
            # The chain's head, signed by whoever made the backup: a checkpoint outside the
            # database that ``audit verify`` compares the live chain with (rollbacks).
            "checkpoint": desk.audit.checkpoint_for(facts["audit_head"]["seq"],
                                                    facts["audit_head"]["hash"]),
        }
        # Kind, maker and label signed by the maker: retention trusts no edited "manual".
        manifest["made_sig"] = _sign_made(desk, manifest, base)
        with os.fdopen(private_file(tmp_manifest), "w", encoding="utf-8") as fh:
            json.dump(manifest, fh, ensure_ascii=False, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        report(90)
        # 4. The set's final name, in one rename.
        _fsync_dir(tmp_dir)
        os.rename(tmp_dir, final_db.parent)
        _fsync_dir(folder)
    except BaseException as exc:
        shutil.rmtree(tmp_dir, ignore_errors=True)
        # A read-only or full backup folder is said plainly (not as a crash), in the
        # command line and the window alike.
        if isinstance(exc, OSError) or connection.refused(exc):
            raise _folder_failed(folder, exc) from exc
        raise
    remember_folder(source_of(desk), folder)
    with desk.writing():
        desk.audit.append("backup.create", final_db.name,
                          summary={"reason": reason, "folder": str(folder),
                                   "sha256": manifest["sha256"],
                                   "audit_head": manifest["audit_head"]["seq"],
                                   **({"label": label} if label else {})})
    if prune_after:
        prune(folder, settings.daily, settings.weekly, manifest["database_id"],
              recent=settings.recent, registry=desk.registry)
        sweep(folder)
    report(100)
    return BackupSet(final_db, manifest, trusted=True, made_by_display=desk.user.display)


# -- retention ------------------------------------------------------------------------------
def to_keep(sets: list[BackupSet], daily: int, weekly: int, recent: int = 0) -> set[Path]:
    """The newest set of each of the ``daily`` latest days with a backup, and of each of
    the ``weekly`` latest ISO weeks (local time), and the ``recent`` newest of today; the
    newest set is always kept."""
    dated = sorted(((s.created, s) for s in sets if s.created is not None),
                   key=lambda pair: pair[0], reverse=True)
    keep: set[Path] = set()
    if dated:
        keep.add(dated[0][1].database)
    today = clock.today()
    keep.update([found.database for moment, found in dated
                 if moment.astimezone().date() == today][:max(0, recent)])
    for count, period in ((daily, lambda d: d.date()),
                          (weekly, lambda d: tuple(d.isocalendar())[:2])):
        seen = []
        for moment, found in dated:
            bucket = period(moment.astimezone())
            if bucket in seen:
                continue
            if len(seen) >= count:
                break
            seen.append(bucket)
            keep.add(found.database)
    return keep


def prunable(found: BackupSet, registry=None) -> bool:
    """Whether retention may delete the set: an automatic one by its manifest and its name,
    whose signed description (when ``registry`` can check it) says so. A set made by hand,
    or one whose signature does not verify (an edited kind), is never deleted by itself."""
    if not found.manifest or found.created is None or not found.automatic \
            or found.kind != found.named_kind:
        return False
    if registry is None:
        return True
    return check_made(found, registry) is not False


def _remove_set(folder: Path, found: BackupSet) -> Path:
    """Rename the set away in one step (it is gone whole), return where it went."""
    doomed = _tmp(folder, found.database.parent.name)
    os.rename(found.database.parent, doomed)
    return doomed


def prune(folder: Path | str, daily: int = DEFAULT_DAILY, weekly: int = DEFAULT_WEEKLY,
          database_id: str | None = None, *, recent: int = DEFAULT_RECENT,
          registry=None) -> list[Path]:
    """Delete automatic sets of one database beyond the retention; return them.

    Sets made by hand are never deleted here (``delete_set`` does, when asked); the
    automatic ones are kept by the daily/weekly rule and the ``recent`` newest of today.
    """
    folder = Path(folder)
    sets = [s for s in list_backups(folder, database_id) if prunable(s, registry)]
    keep = to_keep(sets, max(1, daily), max(0, weekly), recent)
    removed = []
    for found in sets:
        if found.database in keep:
            continue
        shutil.rmtree(_remove_set(folder, found), ignore_errors=True)
        removed.append(found.database)
    if removed:
        _fsync_dir(folder)
    return removed


def sets_of(desk) -> list[BackupSet]:
    """This database's sets in the configured folder, newest first, each checked without
    the key, its description's signature checked and its maker named as people are shown."""
    names = desk.users.display_names()
    sets = list_backups(config(desk).folder, desk.database_id)
    for found in sets:
        check_made(found, desk.registry)
        found.made_by_display = names.get(found.made_by, found.made_by)
    return sets


def may_delete(desk, found: BackupSet) -> bool:
    """Whether this user may delete the set by hand: one made by hand, by them (as signed)
    or by anyone when they hold ``backup.delete``."""
    if found.automatic:
        return False
    if desk.access.can("backup.delete"):
        return True
    return found.made_by == desk.user.name and check_made(found, desk.registry) is True


def delete_set(desk, name: str) -> Changes:
    """Delete a set made by hand, named by its file or folder name, from the configured
    folder; logged (``backup.delete``). The maker may delete their own; ``backup.delete``
    anyone's. Automatic sets are left to the retention rule.

    :raises NotFound: no such set of this database.
    :raises ValidationError: the set is an automatic one.
    :raises AccessDenied: someone else's set, without ``backup.delete``.
    """
    from .errors import NotFound
    folder = config(desk).folder
    wanted = Path(str(name)).name
    found = next((s for s in list_backups(folder, desk.database_id)
                  if wanted in (s.name, s.database.parent.name)), None)
    if found is None:
        raise NotFound(i18n.tr("backup.not_found", name=wanted))
    if found.automatic:
        raise ValidationError(FieldError("name", "backup.not_manual", {"name": found.name}))
    if not may_delete(desk, found):
        desk.access.require("backup.delete", i18n.tr("backup.delete_what"))
    doomed = _remove_set(folder, found)
    try:
        with desk.writing():
            desk.audit.append(
                "backup.delete", found.name,
                summary={"kind": found.kind, "made_by": found.made_by, "label": found.label,
                         "created_at": found.manifest.get("created_at"),
                         "sha256": found.manifest.get("sha256"), "folder": str(folder)})
    except BaseException:
        # Not logged, not deleted: the set goes back under its name.
        os.rename(doomed, found.database.parent)
        raise
    shutil.rmtree(doomed, ignore_errors=True)
    _fsync_dir(folder)
    return Changes.of()


def rekey_sets(desk, old_keys: list[bytes] = (), password: str | None = None,
               progress: Callable[[int, int], None] | None = None) -> dict:
    """Re-encrypt this database's backup sets that its current file key does not open (made
    before a user was disabled, say): each set's database gets the current file key and the
    set the current slot file, so that old passwords (and old copies of the slot file) open
    it no more. A set opens with one of ``old_keys`` or with this user's ``password`` in the
    set's own slot file. Administrators only.

    Returns {"rekeyed": [names], "current": [names], "unopened": [names]}: sets no key opens
    are left as they are, for the administrator to delete.
    """
    desk.access.require("user.manage", i18n.tr("backup.rekey_what"))
    out = {"rekeyed": [], "current": [], "unopened": []}
    folders = {config(desk).folder, *known_folders()}
    sets = [s for folder in folders for s in list_backups(folder, desk.database_id) if s.ok]
    for n, found in enumerate(sets):
        if progress:
            progress(n, len(sets))
        if _opens(found.database, desk.key):
            out["current"].append(found.name)
            continue
        key = next((k for k in old_keys if _opens(found.database, k)), None)
        if key is None and password is not None:
            candidate = KeySlots.load(found.database).unlock(desk.user.name, password)
            key = candidate if candidate and _opens(found.database, candidate) else None
        if key is None:
            out["unopened"].append(found.name)
            continue
        _rekey_set(desk, found, key)
        out["rekeyed"].append(found.name)
    if out["rekeyed"]:
        with desk.writing():
            desk.audit.append("backup.rekey", "", summary={k: v for k, v in out.items() if v})
    return out


def _opens(database: Path, key: bytes) -> bool:
    try:
        conn = open_copy(database, key)
    except sqlcipher3.DatabaseError:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.DatabaseError:
        return False
    finally:
        conn.close()


def _rekey_set(desk, found: "BackupSet", old_key: bytes) -> None:
    """One set re-encrypted in place: a new copy under the current key (sqlcipher_export),
    the current slot file, the manifest's checksums; each file replaced atomically."""
    tmp_db = found.database.with_name(found.database.name + ".rekey.tmp")
    tmp_db.unlink(missing_ok=True)
    touch_private(tmp_db)
    conn = sqlcipher3.connect(str(found.database), isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{old_key.hex()}'\"")
        conn.execute(f"ATTACH DATABASE ? AS fresh KEY \"x'{desk.key.hex()}'\"", [str(tmp_db)])
        conn.execute("SELECT sqlcipher_export('fresh')")
        conn.execute("DETACH DATABASE fresh")
    finally:
        conn.close()
    with keyslots.locked(desk.path) as slots:
        keys_bytes = slots.path.read_bytes()
    manifest = dict(found.manifest)
    manifest.update(sha256=_sha256(tmp_db), size=tmp_db.stat().st_size,
                    keys_sha256=hashlib.sha256(keys_bytes).hexdigest(),
                    rekeyed_at=clock.timestamp())
    _fsync_file(tmp_db)
    os.replace(tmp_db, found.database)
    write_atomic_bytes(found.keys, keys_bytes)
    write_atomic(found.manifest_path, json.dumps(manifest, ensure_ascii=False, indent=1))


def daily_due(desk) -> bool:
    """Whether no backup of this database was made today (local) in the configured folder."""
    settings = config(desk)
    today = clock.today()
    for found in list_backups(settings.folder, desk.settings.get("database_id")):
        if found.created is not None and found.created.astimezone().date() == today:
            return False
    return True


def copy_file(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` via a temporary name, synced, then renamed."""
    with open(source, "rb") as src:
        write_atomic_bytes(target, lambda dst: shutil.copyfileobj(src, dst, 1 << 20))
    _fsync_dir(target.parent)


def automatic(desk, reason: str) -> BackupSet | None:
    """The backup the window makes by itself: on exit (when switched on in the settings)
    or the day's first (``daily``, when none was made today); None when not due."""
    if not may_back_up(desk):
        return None      # an office session that does not see every row: not a backup
    if reason == "exit" and not config(desk).on_exit:
        return None
    if reason == "daily" and not daily_due(desk):
        return None
    return make_backup(desk, reason=reason)
