"""Typed errors with messages a clerk can act on (see i18n for the language)."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import i18n

i18n.register({
    "error.validation": ("输入有误：", "Invalid input:"),
    "error.not_found": ("未找到：{what}", "Not found: {what}"),
    "error.access_denied": ("无权限：{what}", "Access denied: {what}"),
    "error.auth_failed": ("用户名或密码错误", "Wrong user name or password"),
    "error.throttled": (
        "登录失败次数过多，请 {seconds} 秒后再试",
        "Too many failed logins; try again in {seconds} seconds",
    ),
})


class CustdeskError(Exception):
    """Base of every error that core raises on purpose; ``str()`` is the user's message.

    English messages are written in lower case so that one can be quoted inside another
    ("cannot import: the file …"); shown on its own, a message begins a sentence.
    """

    def __str__(self) -> str:
        return sentence(super().__str__())


def sentence(text: str) -> str:
    """An English ``text`` whose first word is a plain lower-case word, with a capital: not
    a name quoted first ("firm-x has no approved version"), nor anything in Chinese."""
    word = text.split(None, 1)[0].rstrip(":,;") if text.strip() else ""
    if i18n.language() != "en" or not (word.isascii() and word.isalpha() and word.islower()):
        return text
    return text[0].upper() + text[1:]


@dataclass
class FieldError:
    """One bad field: which field, a message key and the parameters of the message."""

    field: str
    key: str
    params: dict = field(default_factory=dict)
    # A warning may be accepted by the user with a recorded reason (e.g. a checksum
    # failure on a code the user insists is real); an error may not.
    warning: bool = False

    @property
    def message(self) -> str:
        return i18n.tr(self.key, **self.params)


class ValidationError(CustdeskError):
    """Every bad field of one input at once, so a form can mark them all."""

    def __init__(self, errors: list[FieldError] | FieldError):
        self.errors = [errors] if isinstance(errors, FieldError) else list(errors)
        super().__init__(self._text())

    def _text(self) -> str:
        from .fields import label  # late: fields imports validation which imports errors

        parts = [f"{label(e.field)}：{e.message}" if i18n.language() == "zh"
                 else f"{label(e.field)}: {e.message}" for e in self.errors]
        sep = "；" if i18n.language() == "zh" else "; "
        return i18n.tr("error.validation") + " " + sep.join(parts)

    def __str__(self) -> str:  # re-render: the language may have changed since raising
        return self._text()

    @property
    def only_warnings(self) -> bool:
        return all(e.warning for e in self.errors)


class NotFound(CustdeskError):
    def __init__(self, what: str):
        self.what = what
        super().__init__(i18n.tr("error.not_found", what=what))


class AccessDenied(CustdeskError):
    def __init__(self, what: str):
        self.what = what
        super().__init__(i18n.tr("error.access_denied", what=what))


class AuthenticationFailed(CustdeskError):
    def __init__(self, message: str | None = None):
        super().__init__(message or i18n.tr("error.auth_failed"))


class LoginThrottled(AuthenticationFailed):
    def __init__(self, seconds: int):
        self.seconds = seconds
        super().__init__(i18n.tr("error.throttled", seconds=seconds))


class Conflict(CustdeskError):
    """The action does not fit the object's state (approving twice, editing an approved one)."""


class StoreError(CustdeskError):
    """The database file cannot be used as it is (newer schema, damaged, missing key slots...)."""


class LogBroken(CustdeskError):
    """The audit log was cut or rewritten: the session may read but not write."""
