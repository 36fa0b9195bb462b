"""Who may do what, and what each user may see.

Permission table (README "Roles and permissions" shows the same):

| permission         | clerk | reviewer | manager | admin | auditor |
|--------------------|:-----:|:--------:|:-------:|:-----:|:-------:|
| customer.view      |   ✓   |    ✓     |    ✓    |   ✓   |    ✓    |
| customer.edit      |   ✓   |          |    ✓    |   ✓   |         |
| assessment.create  |   ✓   |          |    ✓    |   ✓   |         |
| assessment.approve |       |    ✓     |    ✓    |   ✓   |         |
| review.complete    |       |    ✓     |    ✓    |   ✓   |         |
| report.export      |   ✓   |    ✓     |    ✓    |   ✓   |    ✓    |
| backup.create      |   ✓   |    ✓     |    ✓    |   ✓   |    ✓    |
| backup.delete      |       |          |    ✓    |   ✓   |         |
| settings.manage    |       |          |    ✓    |   ✓   |         |
| privacy.manage     |       |          |    ✓    |   ✓   |         |
| user.manage        |       |          |         |   ✓   |         |
| audit.read         |       |          |    ✓    |   ✓   |    ✓    |

Visibility is separate from permission: a file whose level is above a user's
clearance does not exist for that user (lists, searches, direct look-ups), and
a sensitive field is masked unless the user is cleared to its level *and*
revealed it with a reason, which is logged.

``backup.delete`` is deleting anyone's set made by hand; whoever made one may delete their
own. Restoring a backup is an administrator's (``user.manage``), now and in the backup.
"""

from __future__ import annotations

from . import i18n
from .errors import AccessDenied
from .fields import DEFAULT_FIELD_LEVELS, LEVELS

ROLES = ("clerk", "reviewer", "manager", "admin", "auditor")
ROLE_LABELS = {"clerk": ("资信专员", "Credit clerk"), "reviewer": ("审核员", "Reviewer"),
               "manager": ("经理", "Manager"), "admin": ("管理员", "Administrator"),
               "auditor": ("审计员", "Auditor")}

PERMISSIONS: dict[str, frozenset[str]] = {
    "customer.view": frozenset(ROLES),
    "customer.edit": frozenset({"clerk", "manager", "admin"}),
    "assessment.create": frozenset({"clerk", "manager", "admin"}),
    "assessment.approve": frozenset({"reviewer", "manager", "admin"}),
    "review.complete": frozenset({"reviewer", "manager", "admin"}),
    "report.export": frozenset(ROLES),
    # A clerk offline on a laptop backs up before trying something; the copy is as
    # encrypted as the database, so every role may make one.
    "backup.create": frozenset(ROLES),
    "backup.delete": frozenset({"manager", "admin"}),
    "settings.manage": frozenset({"manager", "admin"}),
    "privacy.manage": frozenset({"manager", "admin"}),
    "user.manage": frozenset({"admin"}),
    "audit.read": frozenset({"manager", "admin", "auditor"}),
}

i18n.register({
    "access.role": ("{role}无权{what}", "the role {role} may not do this: {what}"),
    "access.clearance": ("需要“{level}”及以上密级权限", "needs clearance “{level}” or higher"),
    "access.reason": ("查看敏感信息须填写理由", "a reason is required to reveal sensitive data"),
})


def role_label(role: str) -> str:
    zh, en = ROLE_LABELS[role]
    return zh if i18n.language() == "zh" else en


def allowed(role: str, permission: str) -> bool:
    return role in PERMISSIONS[permission]


class Access:
    """The logged-in user's rights over one open desk."""

    def __init__(self, desk):
        self._desk = desk
        self._levels: tuple | None = None      # (facts stamp, levels), made again as they move

    @property
    def role(self) -> str:
        return self._desk.user.role

    @property
    def clearance(self) -> int:
        return self._desk.user.clearance

    def can(self, permission: str) -> bool:
        return allowed(self.role, permission)

    def require(self, permission: str, what: str) -> None:
        if not self.can(permission):
            raise AccessDenied(i18n.tr("access.role", role=role_label(self.role), what=what))

    # -- field levels -----------------------------------------------------------------
    def field_levels(self) -> dict[str, int]:
        """The level of each sensitive field: the defaults, changed by the
        ``settings.field_level`` entries a manager or administrator signed in the log
        (``keys.facts``) — not by the ``field_levels`` table, which anyone with the file
        could edit to have the next writer seal a value lower."""
        facts = self._desk.facts
        stamp = (id(facts), facts.seq, len(facts.field_levels))
        if self._levels is None or self._levels[0] != stamp:
            levels = {k: LEVELS.index(v) for k, v in DEFAULT_FIELD_LEVELS.items()}
            levels.update(facts.field_levels)
            self._levels = (stamp, levels)
        return self._levels[1]

    def field_level(self, sensitive: str) -> int:
        return self.field_levels().get(sensitive, 0)

    def cleared_for(self, sensitive: str) -> bool:
        return self.clearance >= self.field_level(sensitive)

    def require_cleared(self, sensitive: str) -> None:
        self.require_level(self.field_level(sensitive))

    def require_level(self, level: int) -> None:
        if self.clearance < level:
            from .fields import level_label
            raise AccessDenied(i18n.tr("access.clearance", level=level_label(level)))
