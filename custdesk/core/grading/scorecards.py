"""The scorecards a database holds: the shipped defaults and a manager's own versions.

Each stored version is immutable. The shipped files in ``resources/scorecards``
are added (as built-in versions) whenever the program finds one the database
does not yet hold, so a new release brings its new defaults without touching
assessments made with the old ones. A manager saves an edited copy under a new
name, or a new version of a scorecard of their own; built-in names are kept
for the shipped files.
"""

from __future__ import annotations

import functools

from .. import clock, i18n
from ..changes import Changes
from ..errors import Conflict, NotFound
from ..fields import choice_label
from .scorecard import Scorecard, ScorecardError, parse

i18n.register({
    "scorecard.manage": ("管理评分卡", "managing scorecards"),
    "scorecard.builtin_name": ("{name} 是内置评分卡的名称，请以新名称保存副本",
                               "{name} is the name of a built-in scorecard; save the copy "
                               "under a new name"),
    "scorecard.next_version": ("{name} 的下一个版本号应为 {version}",
                               "the next version of {name} must be {version}"),
    "scorecard.kind_fixed": ("{name} 的各版本须同为{kind}评分卡", "every version of {name} must "
                             "stay a scorecard for {kind} customers"),
    "scorecard.none": ("没有适用于{kind}客户的评分卡", "no scorecard for {kind} customers"),
    "scorecard.approve": ("审批评分卡", "approving scorecards"),
    "scorecard.unapproved": ("评分卡 {ref} 尚未经另一位经理批准，不能用于评级",
                             "Scorecard {ref} has not been approved by a second manager; it "
                             "cannot grade anyone yet"),
    "scorecard.rejected": ("评分卡 {ref} 已被否决，不能用于评级",
                           "Scorecard {ref} was rejected; it cannot grade anyone"),
    "scorecard.own_version": ("评分卡 {ref} 由您本人保存，须由另一位经理审批",
                              "You saved scorecard {ref}; another manager must decide on it"),
    "scorecard.not_pending": ("评分卡 {ref} 无需审批或已有决定",
                              "Scorecard {ref} is not waiting for a decision"),
    "scorecard.custom_inputs": ("评分卡 {ref} 读取本系统没有的特征（{inputs}），只能用于回测，不能为客户评级",
                                "Scorecard {ref} reads characteristics custdesk does not hold "
                                "({inputs}): it can be validated but cannot grade customers"),
    "scorecard.none_usable": ("{name} 没有已批准的版本", "{name} has no approved version"),
    "scorecard.status.builtin": ("内置", "built in"),
    "scorecard.status.approved": ("已批准", "approved"),
    "scorecard.status.pending": ("待审批", "awaiting approval"),
    "scorecard.status.rejected": ("已否决", "rejected"),
    "scorecard.tampered": ("评分卡 {ref} 的内容与随程序发布或经理签名保存的版本不符（被改动），不能使用",
                           "Scorecard {ref} differs from the version shipped with the program or "
                           "saved, signed, by a manager (it was altered); it cannot be used"),
})

DEFAULT_SETTING = "scorecard.default.{kind}"
USABLE = ("builtin", "approved")


def copy_source(source: str, name: str, version: int = 1) -> str:
    """The TOML text of a scorecard with its top-level ``name`` and ``version`` replaced
    (the start of "copy and edit"); comments and layout are kept."""
    out, seen = [], set()
    for line in source.splitlines(keepends=True):
        key = line.split("=", 1)[0].strip()
        if line.lstrip().startswith("["):
            seen.add("table")          # past the top-level keys
        if "table" not in seen and key in ("name", "version") and key not in seen:
            seen.add(key)
            value = f'"{name}"' if key == "name" else str(version)
            line = f"{key} = {value}\n"
        out.append(line)
    return "".join(out)


def shipped() -> list[Scorecard]:
    """The scorecards in ``resources/scorecards`` (checked: a broken one is a bug)."""
    from ...resources import resource
    return [parse(path.read_text(encoding="utf-8"))
            for path in sorted(resource("scorecards").glob("*.toml"))]


@functools.lru_cache(maxsize=1)
def _shipped_digests() -> dict[str, dict[int, str]]:
    out: dict[str, dict[int, str]] = {}
    for card in shipped():
        out.setdefault(card.name, {})[card.version] = card.sha256
    return out


def expected_digest(facts, name: str, version: int, builtin: bool) -> str | None:
    """What a stored scorecard must hash to: a built-in version the program ships, its
    shipped text; an older built-in one, what its signed install entry recorded; a
    manager's own, what their signed save entry recorded (``keys.facts``). None: nothing
    vouches for it (a version slipped into the table by hand)."""
    ref = f"{name}@{version}"
    if builtin:
        versions = _shipped_digests().get(name, {})
        if version in versions:
            return versions[version]
        if versions and version < max(versions):
            return facts.scorecards.get("install:" + ref)
        return None
    return facts.scorecards.get(ref)


class ScorecardLibrary:
    def __init__(self, desk):
        self._desk = desk
        self._cache: dict[tuple[str, int], Scorecard] = {}

    def install_shipped(self) -> list[str]:
        """Store shipped scorecard versions the database lacks; call inside a write.

        Returns the ``name@version`` of each one added (each is audited).
        """
        desk = self._desk
        if "approvals_from" not in desk.facts.scorecards:
            # From here on a manager's new version needs a second manager (keys.facts).
            desk.audit.append("scorecard.approvals", "scorecards", summary={"four_eyes": True})
        held = set(desk.db.execute("SELECT name, version FROM scorecards").fetchall())
        added = []
        for card in shipped():
            if (card.name, card.version) in held:
                continue
            desk.db["scorecards"].insert({
                "name": card.name, "version": card.version, "kind": card.kind,
                "source": card.source, "sha256": card.sha256, "builtin": 1,
                "created_at": clock.timestamp(), "created_by": "custdesk"})
            desk.audit.append("scorecard.install", f"{card.name}@{card.version}",
                              summary={"sha256": card.sha256})
            added.append(f"{card.name}@{card.version}")
        return added

    def list(self) -> list[dict]:
        """The latest version of every scorecard, defaults first: its approval ``status``
        and ``in_use``, the version that grades (the latest approved one that reads only
        what custdesk holds; None when none is)."""
        self._desk.refresh()
        rows = self._desk.db.execute(
            "SELECT name, max(version), kind, builtin, created_by, created_at FROM scorecards "
            "GROUP BY name ORDER BY kind, builtin DESC, name").fetchall()
        out = []
        for name, version, kind, builtin, created_by, created_at in rows:
            card = self._card(name, version)
            usable = [v for v in self.versions(name) if self._status(name, v) in USABLE
                      and not any(f.custom for f in self._card(name, v).factors)]
            out.append({"name": name, "version": version, "kind": kind, "title": card.title,
                        "builtin": bool(builtin), "created_by": created_by,
                        "created_at": created_at, "default": self.default_name(kind) == name,
                        "status": self._status(name, version), "method": card.method,
                        "in_use": usable[-1] if usable else None})
        return out

    # -- four eyes ----------------------------------------------------------------------------
    def status(self, name: str, version: int) -> str:
        """"builtin", "approved", "pending" or "rejected", as the signed log says
        (``keys.facts``): the table of decisions is for showing who and when."""
        self._desk.refresh()             # another manager's decision since login counts
        return self._status(name, version)

    def _status(self, name: str, version: int) -> str:
        facts = self._desk.facts.scorecards
        ref = f"{name}@{version}"
        if f"install:{ref}" in facts or name in _shipped_digests():
            return "builtin"
        if f"approved:{ref}" in facts:
            return "approved"
        if f"rejected:{ref}" in facts:
            return "rejected"
        return "pending" if f"pending:{ref}" in facts else "approved"

    def decision(self, name: str, version: int) -> dict | None:
        """Who decided on a version, when and why: the row of the decision the signed log
        holds (rows written beside it by hand are not it)."""
        state = self.status(name, version)
        if state not in ("approved", "rejected"):
            return None
        decider = self._desk.facts.scorecards.get(f"{state}:{name}@{version}")
        cursor = self._desk.db.execute(
            "SELECT status, requested_by, decided_by, decided_at, decision_reason "
            "FROM scorecard_approvals WHERE name = ? AND version = ? AND status = ? "
            "AND (decided_by = ? OR ? IS NULL) ORDER BY id DESC",
            [name, version, state, decider, decider])
        row = cursor.fetchone()
        return dict(zip([c[0] for c in cursor.description], row)) if row else None

    def pending(self) -> list[dict]:
        """Versions waiting for a second manager, oldest first."""
        self._desk.refresh()
        rows = self._desk.db.execute("SELECT name, version, kind, created_by, created_at "
                                     "FROM scorecards WHERE builtin = 0 ORDER BY created_at")
        return [{"name": n, "version": v, "kind": k, "created_by": by, "created_at": at}
                for n, v, k, by, at in rows if self._status(n, v) == "pending"]

    def decide(self, ref: str, approve: bool, reason: str = "") -> Changes:
        """Approve or reject a manager's version; never the version's own author."""
        from ..cleaning import check_reason
        desk = self._desk
        desk.access.require("settings.manage", i18n.tr("scorecard.approve"))
        card = self.get(ref)
        full = f"{card.name}@{card.version}"
        if self.status(card.name, card.version) != "pending":
            raise Conflict(i18n.tr("scorecard.not_pending", ref=full))
        saver = desk.facts.scorecards.get("pending:" + full)
        if saver == desk.user.name:
            raise Conflict(i18n.tr("scorecard.own_version", ref=full))
        reason = check_reason(reason) if not approve or reason.strip() else ""
        decision = "approved" if approve else "rejected"
        with desk.writing():
            desk.db["scorecard_approvals"].insert({
                "name": card.name, "version": card.version, "status": decision,
                "requested_by": saver, "decided_by": desk.user.name,
                "decided_at": clock.timestamp(), "decision_reason": reason or None})
            desk.audit.append("scorecard.approve", full, summary={
                "decision": decision, "sha256": card.sha256, "reason": reason})
        return Changes.of("settings", "grading")

    def for_grading(self, ref: str | None = None, *, kind: str | None = None) -> Scorecard:
        """The version that grades: ``name@version`` if it is usable, ``name`` (or the
        default for ``kind``) its latest usable version.

        :raises Conflict: the version (or every version of the name) awaits a decision or
            was rejected.
        """
        if not ref:
            ref = self.default_name(kind or "enterprise")
        name, _, version = ref.partition("@")
        if version:
            card = self.get(ref)
            state = self.status(card.name, card.version)
            if state not in USABLE:
                raise Conflict(i18n.tr(f"scorecard.{'rejected' if state == 'rejected' else 'unapproved'}",
                                       ref=f"{card.name}@{card.version}"))
        else:
            self._desk.refresh()
            usable = [v for v in self.versions(name) if self._status(name, v) in USABLE]
            if not usable:
                if not self.versions(name):
                    raise NotFound(f"scorecard {name}")
                raise Conflict(i18n.tr("scorecard.none_usable", name=name))
            card = self._card(name, usable[-1])
        custom = [f.input for f in card.factors if f.custom]
        if custom:
            raise Conflict(i18n.tr("scorecard.custom_inputs", ref=f"{card.name}@{card.version}",
                                   inputs=", ".join(custom)))
        return card

    def versions(self, name: str) -> list[int]:
        return [r[0] for r in self._desk.db.execute(
            "SELECT version FROM scorecards WHERE name = ? ORDER BY version", [name])]

    def source(self, name: str, version: int | None = None) -> str:
        return self.get(f"{name}@{version}" if version else name).source

    def default_name(self, kind: str) -> str:
        chosen = self._desk.settings.get(DEFAULT_SETTING.format(kind=kind))
        if chosen and self.versions(chosen):
            return chosen
        row = self._desk.db.execute(
            "SELECT name FROM scorecards WHERE kind = ? ORDER BY builtin DESC, name LIMIT 1",
            [kind]).fetchone()
        if row is None:
            raise NotFound(i18n.tr("scorecard.none", kind=kind))
        return row[0]

    def get(self, ref: str | None = None, *, kind: str | None = None) -> Scorecard:
        """``name@version``, ``name`` (its latest version) or None (the default for ``kind``)."""
        if not ref:
            ref = self.default_name(kind or "enterprise")
        name, _, version = ref.partition("@")
        if version:
            if not version.isdigit():
                raise NotFound(f"scorecard {ref}")
            return self._card(name, int(version))
        versions = self.versions(name)
        if not versions:
            raise NotFound(f"scorecard {name}")
        return self._card(name, versions[-1])

    def _card(self, name: str, version: int) -> Scorecard:
        key = (name, version)
        if key not in self._cache:
            row = self._desk.db.execute("SELECT source, builtin FROM scorecards "
                                        "WHERE name = ? AND version = ?",
                                        [name, version]).fetchone()
            if row is None:
                raise NotFound(f"scorecard {name}@{version}")
            card = parse(row[0])
            # The table is anyone's to edit; what grades a customer is what was signed.
            expected = expected_digest(self._desk.facts, name, version, bool(row[1]))
            if card.sha256 != expected and self._desk.refresh():
                # Saved by someone else since this session last read the log.
                expected = expected_digest(self._desk.facts, name, version, bool(row[1]))
            if card.sha256 != expected:
                raise Conflict(i18n.tr("scorecard.tampered", ref=f"{name}@{version}"))
            self._cache[key] = card
        return self._cache[key]

    def save(self, source: str) -> Changes:
        """Store an edited scorecard: a new name at version 1, or the next version of one's own.

        :raises ScorecardError: the text is not a valid scorecard (every problem listed).
        """
        desk = self._desk
        desk.access.require("settings.manage", i18n.tr("scorecard.manage"))
        card = parse(source)
        with desk.writing():
            rows = desk.db.execute("SELECT version, builtin FROM scorecards WHERE name = ? "
                                   "ORDER BY version", [card.name]).fetchall()
            if any(builtin for _v, builtin in rows):
                raise Conflict(i18n.tr("scorecard.builtin_name", name=card.name))
            expected = (rows[-1][0] + 1) if rows else 1
            kinds = {k for (k,) in desk.db.execute("SELECT kind FROM scorecards WHERE name = ?",
                                                   [card.name])}
            if kinds and card.kind not in kinds:
                raise ScorecardError([i18n.tr("scorecard.kind_fixed", name=card.name,
                                              kind=choice_label(kinds.pop()))])
            if card.version != expected:
                raise ScorecardError([i18n.tr("scorecard.next_version", name=card.name,
                                              version=expected)])
            desk.db["scorecards"].insert({
                "name": card.name, "version": card.version, "kind": card.kind, "source": source,
                "sha256": card.sha256, "builtin": 0, "created_at": clock.timestamp(),
                "created_by": desk.user.name})
            desk.audit.append("scorecard.save", f"{card.name}@{card.version}",
                              summary={"kind": card.kind, "sha256": card.sha256,
                                       "needs_approval": True})
        return Changes.of("settings", "grading")

    def set_default(self, kind: str, name: str) -> Changes:
        card = self.get(name)
        if card.kind != kind:
            raise Conflict(i18n.tr("grading.kind_mismatch", name=card.name,
                                   kind=i18n.tr(f"grading.kind.{card.kind}")))
        self.for_grading(card.name)          # refused while no version of it may grade
        # The default is a name: new versions of it become the default once approved.
        return self._desk.settings.set(DEFAULT_SETTING.format(kind=kind), card.name)
