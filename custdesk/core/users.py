"""User accounts: roles, clearance, passwords (key slots), disabling."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from . import clock, i18n
from .access import ROLES, role_label
from .changes import Changes
from .errors import AccessDenied, FieldError, NotFound, ValidationError
from .fields import LEVELS, LEVEL_LABELS

MIN_PASSWORD = 8

i18n.register({
    "user.name_bad": ("用户名须为 2–32 个字母、数字、汉字或 . _ -",
                      "a user name is 2-32 letters, digits, Chinese characters or . _ -"),
    "user.role_bad": ("角色须为：{choices}", "role must be one of: {choices}"),
    "user.level_bad": ("密级须为：{choices}", "clearance must be one of: {choices}"),
    "user.password_short": ("密码至少 {n} 个字符", "a password has at least {n} characters"),
    "user.password_weak": ("密码不能与用户名相同，也不能全是同一字符",
                           "a password may not equal the user name or repeat one character"),
    "user.exists": ("用户 {name} 已存在", "user {name} already exists"),
    "user.manage": ("管理用户", "managing users"),
    "user.self_disable": ("不能停用自己的账户", "you cannot disable your own account"),
    "user.last_admin": ("至少要保留一个在用的管理员", "at least one active administrator must remain"),
    "user.passwd_other": ("修改他人密码", "changing another user's password"),
})


def check_user_name(name: str) -> str:
    name = unicodedata.normalize("NFKC", name or "").strip()
    if not re.fullmatch(r"[\w.\-]{2,32}", name):
        raise ValidationError(FieldError("user", "user.name_bad"))
    return name


def check_password(password: str, user: str | None = None) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise ValidationError(FieldError("password", "user.password_short", {"n": MIN_PASSWORD}))
    if password == user or len(set(password)) == 1:
        raise ValidationError(FieldError("password", "user.password_weak"))


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


@dataclass(frozen=True)
class UserInfo:
    name: str
    full_name: str
    role: str
    clearance: int
    active: bool
    created_at: str

    def as_dict(self) -> dict:
        return {"name": self.name, "full_name": self.full_name, "role": self.role,
                "role_label": role_label(self.role), "clearance": LEVELS[self.clearance],
                "active": self.active, "created_at": self.created_at}


class UserManager:
    def __init__(self, desk):
        self._desk = desk

    def list(self) -> list[UserInfo]:
        rows = self._desk.db.execute(
            "SELECT name, full_name, role, clearance, active, created_at FROM users ORDER BY name")
        return [UserInfo(r[0], r[1], r[2], r[3], bool(r[4]), r[5]) for r in rows]

    def get(self, name: str) -> UserInfo:
        for user in self.list():
            if user.name == name:
                return user
        raise NotFound(name)

    def exists(self, name: str) -> bool:
        return self._desk.db.execute("SELECT 1 FROM users WHERE name = ?", [name]).fetchone() \
            is not None

    def add(self, name: str, role: str, clearance: str | int, password: str,
            full_name: str = "") -> Changes:
        desk = self._desk
        desk.access.require("user.manage", i18n.tr("user.manage"))
        name = check_user_name(name)
        role, level = parse_role(role), parse_level(clearance)
        check_password(password, name)
        if self.exists(name):
            raise ValidationError(FieldError("user", "user.exists", {"name": name}))
        with desk.slots() as slots, desk.writing():
            desk.db["users"].insert({"name": name, "full_name": full_name.strip(), "role": role,
                                     "clearance": level, "active": 1,
                                     "created_at": clock.timestamp()})
            desk.audit.append("user.add", name, summary={"role": role, "clearance": LEVELS[level]})
            # The slot is written while the transaction is still open: if it
            # cannot be saved, the user row is rolled back with it.
            slots.set_password(name, password, desk.key)
            slots.save()
        return Changes.of("users")

    def update(self, name: str, *, role: str | None = None, clearance: str | int | None = None,
               full_name: str | None = None) -> Changes:
        desk = self._desk
        desk.access.require("user.manage", i18n.tr("user.manage"))
        before = self.get(name)
        changes = {}
        if role is not None:
            changes["role"] = parse_role(role)
        if clearance is not None:
            changes["clearance"] = parse_level(clearance)
        if full_name is not None:
            changes["full_name"] = full_name.strip()
        if before.role == "admin" and changes.get("role", "admin") != "admin":
            self._require_other_admin(name)
        with desk.writing():
            desk.db.execute(
                "UPDATE users SET " + ", ".join(f"{k} = ?" for k in changes) + " WHERE name = ?",
                [*changes.values(), name])
            desk.audit.append("user.update", name, summary={
                k: {"before": getattr(before, k) if k != "clearance" else LEVELS[before.clearance],
                    "after": v if k != "clearance" else LEVELS[v]} for k, v in changes.items()})
        return Changes.of("users")

    def set_password(self, name: str, new_password: str) -> Changes:
        """Re-wrap ``name``'s key slot under a new password (oneself, or any user as admin)."""
        desk = self._desk
        if name != desk.user.name:
            desk.access.require("user.manage", i18n.tr("user.passwd_other"))
        user = self.get(name)
        if not user.active:
            raise NotFound(name)
        check_password(new_password, name)
        with desk.slots() as slots, desk.writing():
            desk.audit.append("user.password", name)
            slots.set_password(name, new_password, desk.key)
            slots.clear_failures(name)
            slots.save()
        return Changes.of("users")

    def disable(self, name: str) -> Changes:
        """Disable a user: the row stays for the record, the key slot is destroyed."""
        desk = self._desk
        desk.access.require("user.manage", i18n.tr("user.manage"))
        user = self.get(name)
        if name == desk.user.name:
            raise AccessDenied(i18n.tr("user.self_disable"))
        if user.role == "admin":
            self._require_other_admin(name)
        with desk.slots() as slots, desk.writing():
            desk.db.execute("UPDATE users SET active = 0, disabled_at = ? WHERE name = ?",
                            [clock.timestamp(), name])
            desk.audit.append("user.disable", name)
            slots.remove_user(name)
            slots.save()
        return Changes.of("users")

    def _require_other_admin(self, name: str) -> None:
        others = self._desk.db.execute(
            "SELECT count(*) FROM users WHERE role = 'admin' AND active = 1 AND name != ?",
            [name]).fetchone()[0]
        if not others:
            raise AccessDenied(i18n.tr("user.last_admin"))
