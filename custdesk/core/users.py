"""User accounts: roles, clearance, passwords, keys; disabling cuts a user off by the keys.

Adding a user gives them personal keys under their password, a certificate (role,
clearance, public keys) signed by the administrator, the file key and the level keys
of their clearance. Lowering a clearance or disabling a user gives every level they
held a new key, which they never receive; disabling also changes the database file
key (``PRAGMA rekey``) so that an old copy of the slot file opens nothing new
(``keys.rotation``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from . import clock, i18n, office
from .access import ROLES, allowed, role_label
from .changes import Changes
from .errors import AccessDenied, FieldError, NotFound, ValidationError
from .fields import (DEFAULT_FILE_LEVEL, LEVELS, LEVEL_LABELS, SENSITIVE_LABELS, choice_label,
                     level_label)
from .store.sealed_schema import SEAL_FROM

MIN_PASSWORD = 8
# The lowest clearance that can hold the file key of a single-PC database: the file key
# opens everything at 内部 (README, "Keys and what an insider can do").
MIN_FILE_CLEARANCE = 1
# A new user's clearance when none is chosen: the level new files get, so that what they
# create and what is created beside them is theirs to read.
DEFAULT_CLEARANCE = max(MIN_FILE_CLEARANCE, DEFAULT_FILE_LEVEL)

i18n.register({
    "user.name_bad": ("用户名须为 2–32 个字母、数字、汉字或 . _ -",
                      "a user name is 2-32 letters, digits, Chinese characters or . _ -"),
    "user.role_bad": ("角色须为：{choices}", "role must be one of: {choices}"),
    "user.level_bad": ("密级须为：{choices}", "clearance must be one of: {choices}"),
    "user.password_short": ("密码至少 {n} 个字符", "a password has at least {n} characters"),
    "user.password_weak": ("密码太容易被猜中（{why}）。请用更长的、不常见的词组，例如三四个不相关的词",
                           "this password is too easy to guess ({why}). Use something longer and "
                           "less common, such as three or four unrelated words"),
    "user.exists": ("用户 {name} 已存在", "user {name} already exists"),
    "user.manage": ("管理用户", "managing users"),
    "user.self_disable": ("不能停用自己的账户", "you cannot disable your own account"),
    "user.last_admin": ("至少要保留一个在用的管理员", "at least one active administrator must remain"),
    "user.passwd_other": ("修改他人密码", "changing another user's password"),
    "user.public_clearance": (
        "单机数据库的文件密钥可读取全部“内部”资料，因此不能发给仅有“公开”密级的用户；请至少授予“内部”密级",
        "the file key of a single-PC database opens everything at “internal”, so it cannot be "
        "given to someone cleared to “public” only; give at least “internal”"),
    "user.clears.files": ("可见档案：{levels}（新建档案默认为“{default}”）。",
                          "Sees files marked {levels} (new files are “{default}” unless "
                          "someone chooses otherwise)."),
    "user.clears.files_none": ("看不到新建档案：新建档案默认为“{default}”。",
                               "Does not see new files: they are “{default}” by default."),
    "user.clears.fields": ("可显示：{fields}。", "May reveal: {fields}."),
    "user.clears.masked": ("始终遮盖：{fields}。", "Always masked: {fields}."),
    "user.clears.list_sep": ("、", ", "),
    "user.clears.grading": ("不能评级或审批{kinds}客户：需要“{level}”密级（{fields}）。",
                            "Cannot grade or approve {kinds} customers: that needs “{level}” "
                            "({fields})."),
    "user.full_name_bad": ("姓名不能含控制字符或换行", "a full name cannot hold control characters or line breaks"),
    # zxcvbn's reasons, in the user's language
    "pw.common": ("这是常用密码", "it is a commonly used password"),
    "pw.name": ("含有姓名或用户名", "it contains a name or the user name"),
    "pw.repeat": ("重复的字符或词", "it repeats characters or words"),
    "pw.sequence": ("连续的字符，例如 abc 或 1234", "it is a sequence such as abc or 1234"),
    "pw.keyboard": ("键盘上相邻的按键", "it is a row of adjacent keys"),
    "pw.date": ("日期或年份", "it is a date or a year"),
    "pw.word": ("单个常见词", "it is a single common word"),
    "pw.short": ("太短", "it is too short"),
    "pw.guessable": ("不够长，也不够多样", "it is not long or varied enough"),
    "user.password_same": ("新密码不能与管理员给的一次性密码相同",
                           "the new password cannot be the one-time password you were given"),
})

# zxcvbn's English warnings -> our message keys (the first that matches a part of it).
_PW_REASONS = (("top-10", "pw.common"), ("top-100", "pw.common"), ("commonly used", "pw.common"),
               ("common password", "pw.common"), ("name", "pw.name"), ("repeat", "pw.repeat"),
               ("sequence", "pw.sequence"), ("keyboard", "pw.keyboard"), ("row of keys", "pw.keyboard"),
               ("date", "pw.date"), ("year", "pw.date"), ("word", "pw.word"))
# zxcvbn score needed: 3 = 10^8 guesses or more ("safely unguessable: moderate protection
# from an offline slow-hash scenario"), which with this program's Argon2id cost is years
# of one core's work.
MIN_SCORE = 3


def check_user_name(name: str) -> str:
    name = unicodedata.normalize("NFKC", name or "").strip()
    if not re.fullmatch(r"[\w.\-]{2,32}", name):
        raise ValidationError(FieldError("user", "user.name_bad"))
    return name


def clean_full_name(full_name: str | None) -> str:
    """A display name: one line, no control or direction-changing characters."""
    text = unicodedata.normalize("NFC", full_name or "").strip()
    if any(unicodedata.category(ch)[0] == "C" for ch in text):
        raise ValidationError(FieldError("full_name", "user.full_name_bad"))
    return text[:64]


def password_problem(password: str, user: str | None = None,
                     extra: tuple[str, ...] = ()) -> str | None:
    """Why ``password`` is refused (in the user's language), or None when it is strong enough."""
    if len(password or "") < MIN_PASSWORD:
        return i18n.tr("user.password_short", n=MIN_PASSWORD)
    from zxcvbn import zxcvbn
    inputs = [x for x in (user, *extra, "custdesk", "客户资信") if x]
    result = zxcvbn(password[:100], user_inputs=inputs)
    if result["score"] >= MIN_SCORE:
        return None
    warning = (result.get("feedback") or {}).get("warning") or ""
    key = next((k for part, k in _PW_REASONS if part in warning.lower()), None)
    if key is None:
        # No warning from zxcvbn: say what its guess was made of, where that is telling.
        if any(m.get("dictionary_name") == "user_inputs" for m in result.get("sequence", ())):
            key = "pw.name"
        else:
            key = "pw.guessable"
    return i18n.tr("user.password_weak", why=i18n.tr(key))


def check_password(password: str, user: str | None = None) -> None:
    """Refuse a password that a guesser would find soon (zxcvbn), saying why.

    :raises ValidationError: on the ``password`` field.
    """
    problem = password_problem(password, user)
    if problem:
        raise ValidationError(FieldError("password", "user.password_reason", {"text": problem}))


i18n.register({"user.password_reason": ("{text}", "{text}")})


def parse_role(value: str) -> str:
    value = (value or "").strip().lower()
    for role in ROLES:
        if value in (role, *[label.lower() for label in _role_names(role)]):
            return role
    raise ValidationError(FieldError("role", "user.role_bad", {"choices": ", ".join(ROLES)}))


def _role_names(role: str) -> tuple[str, str]:
    from .access import ROLE_LABELS
    return ROLE_LABELS[role]


def parse_level(value: str | int) -> int:
    """A confidentiality level from its name (English or Chinese) or index."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < len(LEVELS):
        return value
    text = str(value).strip().lower()
    for index, name in enumerate(LEVELS):
        if text in (name, LEVEL_LABELS[name][0], str(index)):
            return index
    raise ValidationError(FieldError("level", "user.level_bad",
                                     {"choices": ", ".join(LEVELS)}))


def parse_clearance(value: str | int) -> int:
    """A user's clearance: a level that can hold this database's file key."""
    level = parse_level(value)
    if level < MIN_FILE_CLEARANCE:
        raise ValidationError(FieldError("clearance", "user.public_clearance"))
    return level


def _in_sentence(text: str) -> str:
    return text if text[:2].isupper() else text[:1].lower() + text[1:]


def clearance_explained(level: int, field_levels: dict[str, int], role: str | None = None) -> str:
    """What a user cleared to ``level`` sees, in the user's language: the files by their
    level and the sensitive fields they may reveal or that stay masked for them
    (``field_levels``: sensitive key -> level, as ``Access.field_levels`` gives them); for a
    ``role`` that grades or approves, the kinds of customer it cannot grade at this level."""
    sep = i18n.tr("user.clears.list_sep")

    def names(labels) -> str:
        return sep.join(labels)

    seen = [f"“{level_label(i)}”" for i in range(level + 1)]
    default = level_label(DEFAULT_FILE_LEVEL)
    parts = [i18n.tr("user.clears.files", levels=names(seen), default=default)
             if level >= DEFAULT_FILE_LEVEL else i18n.tr("user.clears.files_none",
                                                          default=default)]
    zh = i18n.language() == "zh"
    # Inside an English sentence a label starts lower case, unless it opens with an
    # abbreviation ("ID number").
    label = {key: SENSITIVE_LABELS[key][0] if zh else _in_sentence(SENSITIVE_LABELS[key][1])
             for key in SENSITIVE_LABELS}
    shown = [label[k] for k in SENSITIVE_LABELS if field_levels.get(k, 0) <= level]
    masked = [label[k] for k in SENSITIVE_LABELS if field_levels.get(k, 0) > level]
    if shown:
        parts.append(i18n.tr("user.clears.fields", fields=names(shown)))
    if masked:
        parts.append(i18n.tr("user.clears.masked", fields=names(masked)))
    if role is not None and (allowed(role, "assessment.create")
                             or allowed(role, "assessment.approve")):
        from .grading.assessments import READS     # late: grading imports much of core
        for kind, reads in READS.items():
            short = [k for k in reads if field_levels.get(k, 0) > level]
            if short:
                needed = max(field_levels[k] for k in short)
                kind_label = choice_label(kind)
                parts.append(i18n.tr("user.clears.grading",
                                     kinds=kind_label if zh else _in_sentence(kind_label),
                                     level=level_label(needed),
                                     fields=names(label[k] for k in short)))
    return ("" if zh else " ").join(parts)


def shown_name(name: str, full_name: str | None) -> str:
    """How a person is shown to people, in the window and on reports alike: the display
    name, or the user name when there is none."""
    return (full_name or "").strip() or name


@dataclass(frozen=True)
class UserInfo:
    name: str
    full_name: str
    role: str
    clearance: int
    active: bool
    created_at: str

    @property
    def display(self) -> str:
        """How the user is shown to people (as ``desk.User.display``)."""
        return shown_name(self.name, self.full_name)

    def as_dict(self) -> dict:
        return {"name": self.name, "full_name": self.full_name, "role": self.role,
                "role_label": role_label(self.role), "clearance": LEVELS[self.clearance],
                "active": self.active, "created_at": self.created_at}


class UserManager:
    def __init__(self, desk):
        self._desk = desk

    def list(self) -> list[UserInfo]:
        """Every user, with the role, clearance and state of their certificate (what the
        program acts on), not of the ``users`` row (which anyone with the file could edit)."""
        registry = self._desk.registry
        out = []
        for name, full_name, role, clearance, active, created in self._desk.db.execute(
                "SELECT name, full_name, role, clearance, active, created_at FROM users "
                "ORDER BY name"):
            cert = registry.cert(name)
            if cert is not None:
                role, clearance, active = cert.role, cert.clearance, cert.active
            else:
                active = False
            out.append(UserInfo(name, full_name, role, clearance, bool(active), created))
        return out

    def display_names(self) -> dict[str, str]:
        """user name -> how that person is shown (``shown_name``), for lists and reports
        that name many people (a file's owner, an assessor, an approver)."""
        return {name: shown_name(name, full_name)
                for name, full_name in self._desk.db.execute("SELECT name, full_name FROM users")}

    def get(self, name: str) -> UserInfo:
        for user in self.list():
            if user.name == name:
                return user
        raise NotFound(name)

    def exists(self, name: str) -> bool:
        return self._desk.db.execute("SELECT 1 FROM users WHERE name = ?", [name]).fetchone() \
            is not None

    def add(self, name: str, role: str, clearance: str | int | None, password: str,
            full_name: str = "", *, one_time: bool = False) -> Changes:
        """Add a user with ``password`` (``one_time``: they must choose their own at first login).
        ``clearance`` None gives ``DEFAULT_CLEARANCE``: new files are theirs to read."""
        from .keys import registry as r
        from .store.keyslots import Personal
        desk = self._desk
        desk.access.require("user.manage", i18n.tr("user.manage"))
        name = check_user_name(name)
        role = parse_role(role)
        level = parse_clearance(DEFAULT_CLEARANCE if clearance is None else clearance)
        full_name = clean_full_name(full_name)
        check_password(password, name)
        if self.exists(name):
            raise ValidationError(FieldError("user", "user.exists", {"name": name}))
        personal = Personal.new(name, desk.personal.root)
        at = clock.timestamp()
        with desk.slots() as slots, desk.writing():
            desk.db["users"].insert({"name": name, "full_name": full_name, "role": role,
                                     "clearance": level, "active": 1, "created_at": at})
            r.log_cert(desk, r.issue(desk.db, desk.registry, desk.personal, user=name, role=role,
                                     clearance=level, active=True,
                                     sign_key=personal.sign_public,
                                     box_key=personal.box_public, at=at))
            # The level keys this administrator holds; any session holding the others gives
            # them at its next login (Desk.keys_maintenance).
            r.sync_grants(desk.db, desk.registry, desk.keys, desk.user.name, at)
            desk.audit.append("user.add", name, summary={"role": role, "clearance": LEVELS[level]})
            # The slot is written while the transaction is still open: if it
            # cannot be saved, the user row is rolled back with it.
            slots.set_personal(personal, password, must_change=one_time)
            slots.set_file_key(name, personal.box_public, desk.key, desk.keys.file_epoch)
            slots.save()
            office.note_password(desk.db, name, password)
        return Changes.of("users")

    def update(self, name: str, *, role: str | None = None, clearance: str | int | None = None,
               full_name: str | None = None) -> Changes:
        """Change a role, clearance or display name. A lower clearance, or an administrator
        who is one no longer, gives the levels concerned new keys (``keys.rotation``)."""
        from .keys import rotation
        desk = self._desk
        desk.access.require("user.manage", i18n.tr("user.manage"))
        before = self.get(name)
        if not before.active:
            raise NotFound(name)
        changes = {}
        if role is not None:
            changes["role"] = parse_role(role)
        if clearance is not None:
            changes["clearance"] = parse_clearance(clearance)
        if full_name is not None:
            changes["full_name"] = clean_full_name(full_name)
        changes = {k: v for k, v in changes.items() if getattr(before, k) != v}
        if not changes:
            return Changes()
        if before.role == "admin" and changes.get("role", "admin") != "admin":
            self._require_other_admin(name)
        new_role = changes.get("role", before.role)
        new_level = changes.get("clearance", before.clearance)
        lost = [lv for lv in range(new_level + 1, before.clearance + 1) if lv >= SEAL_FROM]
        was_admin = before.role == "admin" and new_role != "admin"
        at = clock.timestamp()
        with desk.writing():
            desk.db.execute(
                "UPDATE users SET " + ", ".join(f"{k} = ?" for k in changes) + " WHERE name = ?",
                [*changes.values(), name])
            if "role" in changes or "clearance" in changes:
                rotation.recertify(desk, name, role=new_role, clearance=new_level, active=True,
                                   at=at)
                rotation.rotate_levels(desk, rotation.all_levels() if was_admin else lost, at)
            desk.audit.append("user.update", name, summary={
                k: {"before": getattr(before, k) if k != "clearance" else LEVELS[before.clearance],
                    "after": v if k != "clearance" else LEVELS[v]} for k, v in changes.items()})
        return Changes.of("users")

    def set_password(self, name: str, new_password: str) -> Changes:
        """Re-wrap ``name``'s personal keys under a new password: oneself, with the keys of
        this session. An administrator resetting someone else's password gives them new
        keys instead (their old ones are wrapped under a password the administrator
        does not know) — see ``keys.upgrade.reissue``."""
        desk = self._desk
        user = self.get(name)
        if not user.active:
            raise NotFound(name)
        check_password(new_password, name)
        if name != desk.user.name:
            desk.access.require("user.manage", i18n.tr("user.passwd_other"))
            from .keys import upgrade
            upgrade.reissue(desk, name, new_password, action="user.password", one_time=True)
            return Changes.of("users")
        from .store.keyslots import KeySlots
        if desk.must_change_password and KeySlots.load(desk.path).unlock_personal(
                name, new_password) is not None:
            raise ValidationError(FieldError("password", "user.password_same"))
        desk._changing_password = True
        try:
            with desk.slots() as slots, desk.writing():
                desk.audit.append("user.password", name)
                slots.set_personal(desk.personal, new_password)
                slots.clear_failures(name)
                slots.save()
                office.note_password(desk.db, name, new_password)
        finally:
            desk._changing_password = False
        desk.must_change_password = False
        return Changes.of("users")

    def disable(self, name: str) -> Changes:
        """Disable a user: the row stays for the record; their slot, file-key envelope and
        grants go; every level they held gets a new key and the file a new file key."""
        from .keys import rotation
        desk = self._desk
        desk.access.require("user.manage", i18n.tr("user.manage"))
        user = self.get(name)
        if name == desk.user.name:
            raise AccessDenied(i18n.tr("user.self_disable"))
        if not user.active:
            raise NotFound(name)
        if user.role == "admin":
            self._require_other_admin(name)
        at = clock.timestamp()
        levels = rotation.all_levels() if user.role == "admin" else \
            [lv for lv in rotation.all_levels() if lv <= user.clearance]
        with desk.writing():
            desk.db.execute("UPDATE users SET active = 0, disabled_at = ? WHERE name = ?",
                            [at, name])
            rotation.recertify(desk, name, role=user.role, clearance=user.clearance,
                               active=False, at=at)
            rotation.rotate_levels(desk, levels, at)
            desk.audit.append("user.disable", name)
        rotation.rekey_file(desk, drop=name)
        return Changes.of("users")

    def _require_other_admin(self, name: str) -> None:
        others = [u for u in self.list() if u.role == "admin" and u.active and u.name != name]
        if not others:
            raise AccessDenied(i18n.tr("user.last_admin"))
