"""Early-warning signals (预警信号) and their handling (预警处置).

Each rule is one SQL query over every file (or one file) that yields
(file, severity, subject, facts): set-based, so all files are checked in a
fraction of a second. ``subject`` names one episode of a condition — an invoice
at a severity, a document's expiry, a due date — so that a warning closed by a
person is not raised again for the same episode, while a new one is. There is
never more than one open warning per rule and file (the database enforces it).

Each check re-evaluates the open warnings too: a worse severity escalates the
open one, a milder one lowers it, and one whose condition no longer holds (the
invoices were paid, the licence renewed, the review done) is closed by the
program — each with its handling row and audit entry. A warning's stored facts
are what was found when it was raised or last changed; what a list shows of an
open warning is what its rule finds today (the days overdue as of today, the limit
now in force). A red warning brings the file's review forward. Rules run when the
data they read changes and once a day.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass

from . import clock, i18n
from .changes import Changes
from .cleaning import check_one
from .errors import AccessDenied, Conflict, FieldError, NotFound, ValidationError
from .grading.scale import GRADES
from .validation import check_text

SYSTEM_USER = "custdesk"        # the user named in entries the program writes on its own

i18n.register({
    "warning.handle": ("处置预警", "handling warnings"),
    "warning.note_required": ("请填写处置说明", "a note on the handling is required"),
    "warning.closed": ("预警 #{id} 已关闭", "warning #{id} is already closed"),
    "severity.red": ("红色", "Red"), "severity.orange": ("橙色", "Orange"),
    "severity.yellow": ("黄色", "Yellow"),
    "wstatus.open": ("待处理", "Open"), "wstatus.acknowledged": ("已确认", "Acknowledged"),
    "wstatus.actioned": ("已采取措施", "Action taken"), "wstatus.closed": ("已关闭", "Closed"),
    "wstatus.new": ("将触发", "Would be raised"),
    "wstatus.closing": ("将关闭", "Would close"),
    "waction.lowered": ("降级", "Lowered"),
    "warning.resolved": ("情况已消除，系统自动关闭", "The condition no longer holds; closed by the program"),
    "rule.payment_overdue": ("付款逾期", "Payment overdue"),
    "rule.limit_utilisation": ("额度使用率高", "High limit utilisation"),
    "rule.litigation": ("新增涉诉", "New litigation"),
    "rule.complaints": ("投诉频繁", "Frequent complaints"),
    "rule.document_expiry": ("证照到期", "Licence or ID expiring"),
    "rule.documents_missing": ("必备文件缺失", "Required documents missing"),
    "rule.downgrade": ("评级下调两级以上", "Downgraded two notches or more"),
    "rule.review_overdue": ("复审严重逾期", "Review long overdue"),
    "rule.collateral_expiry": ("担保到期", "Collateral expiring"),
    "rule.collateral_shortfall": ("担保不足", "Collateral shortfall"),
})

SEVERITIES = ("red", "orange", "yellow")
RANK = {"yellow": 1, "orange": 2, "red": 3}
STATUSES = ("open", "acknowledged", "actioned", "closed")
REQUIRED_DOCUMENTS = {"enterprise": ("business_licence",), "individual": ("id_card",)}


@dataclass(frozen=True)
class Rule:
    key: str
    sql: str          # selects customer_id, severity, subject, facts(JSON) with :as_of, {files}

    @property
    def label(self) -> str:
        return i18n.tr(f"rule.{self.key}")


# ``{files}`` narrows a rule to some files ("1" for all); ``:as_of`` is the day evaluated.
RULES: tuple[Rule, ...] = (
    Rule("payment_overdue", """
        SELECT id, CASE WHEN d > 90 THEN 'red' WHEN d > 60 THEN 'orange' ELSE 'yellow' END,
               'since ' || overdue_since || ':' ||
               CASE WHEN d > 90 THEN 'red' WHEN d > 60 THEN 'orange' ELSE 'yellow' END,
               json_object('days', d, 'since', overdue_since)
        FROM (SELECT id, overdue_since,
                     CAST(julianday(:as_of) - julianday(overdue_since) AS INTEGER) AS d
              FROM customers c WHERE overdue_since IS NOT NULL AND {files})
        WHERE d > 30"""),
    Rule("limit_utilisation", """
        SELECT id, CASE WHEN exposure > credit_limit THEN 'red' ELSE 'orange' END,
               'assessment#' || ifnull(assessment_id, 0) || '@' || credit_limit || ':' ||
               CASE WHEN exposure > credit_limit THEN 'red' ELSE 'orange' END,
               json_object('exposure', exposure, 'limit', credit_limit)
        FROM customers c WHERE credit_limit IS NOT NULL AND exposure * 10 > credit_limit * 9
          AND exposure > 0 AND {files}"""),
    Rule("litigation", """
        SELECT c.id, CASE WHEN c.credit_limit IS NOT NULL AND l.amount * 5 > c.credit_limit
                          THEN 'red' ELSE 'orange' END,
               'litigation#' || l.id, json_object('case_no', l.case_no, 'amount', l.amount,
                                                  'filed_on', l.filed_on, 'limit', c.credit_limit)
        FROM litigation l JOIN customers c ON c.id = l.customer_id
        WHERE ifnull(l.status, 'open') = 'open' AND l.closed_on IS NULL AND l.filed_on <= :as_of
          AND {files}"""),
    Rule("complaints", """
        SELECT c.id, 'yellow', 'complaints-to:' || max(p.received_on),
               json_object('count', count(*), 'since', date(:as_of, '-90 days'))
        FROM complaints p JOIN customers c ON c.id = p.customer_id
        WHERE p.received_on > date(:as_of, '-90 days') AND p.received_on <= :as_of AND {files}
        GROUP BY c.id HAVING count(*) >= 3"""),
    Rule("document_expiry", """
        SELECT customer_id, CASE WHEN min(expires_on) < :as_of THEN 'orange' ELSE 'yellow' END,
               'expiry:' || min(expires_on) || ':' ||
               CASE WHEN min(expires_on) < :as_of THEN 'orange' ELSE 'yellow' END,
               json_object('expires_on', min(expires_on), 'what', group_concat(what, '、'))
        FROM (SELECT l.customer_id, l.expires_on, l.name AS what FROM licences l
              JOIN customers c ON c.id = l.customer_id WHERE {files}
              UNION ALL
              SELECT d.customer_id, d.expires_on, d.filename FROM documents d
              JOIN customers c ON c.id = d.customer_id
              WHERE d.kind IN ('id_card', 'business_licence') AND {files})
        WHERE expires_on IS NOT NULL AND expires_on <= date(:as_of, '+30 days')
        GROUP BY customer_id"""),
    Rule("documents_missing", """
        SELECT c.id, 'yellow', 'missing:' || c.kind,
               json_object('kind', CASE c.kind WHEN 'enterprise' THEN 'business_licence'
                                               ELSE 'id_card' END)
        FROM customers c WHERE c.status IN ('active', 'suspended') AND {files}
          AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.customer_id = c.id
                          AND d.kind = CASE c.kind WHEN 'enterprise' THEN 'business_licence'
                                                   ELSE 'id_card' END)"""),
    Rule("downgrade", """
        WITH ranks (g, r) AS (VALUES {ranks})
        SELECT c.id, 'orange', 'assessment#' || a.id, json_object('from', p.grade, 'to', a.grade)
        FROM customers c JOIN assessments a ON a.id = c.assessment_id
        JOIN assessments p ON p.id = (SELECT max(id) FROM assessments WHERE customer_id = c.id
                                      AND status = 'approved' AND id < a.id)
        JOIN ranks ra ON ra.g = a.grade JOIN ranks rp ON rp.g = p.grade
        WHERE ra.r - rp.r >= 2 AND {files}"""),
    Rule("review_overdue", """
        SELECT id, 'red', 'review:' || next_review,
               json_object('due', next_review,
                           'days', CAST(julianday(:as_of) - julianday(next_review) AS INTEGER))
        FROM customers c WHERE next_review < date(:as_of, '-' || :hold_days || ' days')
          AND status NOT IN ('closed') AND {files}"""),
    # Guarantees and collateral (customers/collateral.py: the same figures in Python). The
    # facts name the record's fields (value, secured_amount, provider) so that lists and the
    # log mask them as they mask the records (disclosure.warning_facts). A row this session
    # cannot open (kind NULL) is never taken for a missing value.
    # Expiry, item by item: within 30 days yellow; past its date orange while the customer
    # still owes us (an expired item no longer covers what is owed), else nothing.
    Rule("collateral_expiry", """
        SELECT c.id, CASE WHEN k.expires_on < :as_of THEN 'orange' ELSE 'yellow' END,
               'collateral#' || k.id || ':' || k.expires_on || ':' ||
               CASE WHEN k.expires_on < :as_of THEN 'orange' ELSE 'yellow' END,
               json_object('kind', k.kind, 'provider', k.provider, 'expires_on', k.expires_on,
                           'value', k.value, 'secured_amount', k.secured_amount,
                           'owed', c.exposure)
        FROM collateral k JOIN customers c ON c.id = k.customer_id
        WHERE k.kind IS NOT NULL AND k.expires_on IS NOT NULL
          AND k.expires_on <= date(:as_of, '+30 days')
          AND (k.expires_on >= :as_of OR ifnull(c.exposure, 0) > 0) AND {files}"""),
    # Effective cover of the items in force (each at most the amount it secures) below the
    # amount secured (stated by the items in force, else the credit limit): orange; below
    # half of it: red.
    Rule("collateral_shortfall", """
        SELECT id, CASE WHEN cover * 2 < secured THEN 'red' ELSE 'orange' END,
               'shortfall@' || secured || ':' ||
               CASE WHEN cover * 2 < secured THEN 'red' ELSE 'orange' END,
               json_object('value', cover, 'secured_amount', secured, 'basis',
                           CASE WHEN stated IS NULL THEN 'limit' ELSE 'stated' END,
                           'covered', CAST(cover * 100 / secured AS INTEGER))
        FROM (SELECT c.id, stated, coalesce(stated, c.credit_limit) AS secured, cover
              FROM (SELECT k.customer_id,
                           sum(CASE WHEN k.expires_on IS NULL OR k.expires_on >= :as_of
                                    THEN min(k.value * (100 - ifnull(k.haircut, 0)) / 100,
                                             ifnull(k.secured_amount, k.value))
                                    ELSE 0 END) AS cover,
                           sum(CASE WHEN k.expires_on IS NULL OR k.expires_on >= :as_of
                                    THEN k.secured_amount END) AS stated
                    FROM collateral k WHERE k.customer_id IN (SELECT c.id FROM customers c
                                                              WHERE {files})
                    GROUP BY k.customer_id
                    HAVING count(k.kind) = count(*)) t
              JOIN customers c ON c.id = t.customer_id)
        WHERE secured IS NOT NULL AND cover < secured"""),
)
RULE_KEYS = tuple(r.key for r in RULES)
_RANKS = ", ".join(f"('{g}', {i})" for i, g in enumerate(GRADES))


def severity_label(severity: str) -> str:
    return i18n.tr(f"severity.{severity}")


def status_label(status: str) -> str:
    return i18n.tr(f"wstatus.{status}")


def rule_label(rule: str) -> str:
    return i18n.tr(f"rule.{rule}")


# The note the program stores when it closes a warning whose condition no longer holds
# (shown in the reader's language by ``note_text``).
RESOLVED = "resolved"


def note_text(by_user: str | None, action: str, note: str | None) -> str:
    """A handling note as people read it: the program's own notes (a severity change,
    "red → yellow"; a warning it closed) in the reader's language, a person's as typed."""
    note = note or ""
    if by_user == SYSTEM_USER and action == "escalate" and " → " in note:
        return " → ".join(severity_label(part.strip()) if part.strip() in RANK else part
                          for part in note.split(" → "))
    if by_user == SYSTEM_USER and action == "close" and note == RESOLVED:
        return i18n.tr("warning.resolved")
    return note


def action_text(action: dict) -> str:
    """One handling row in a line: its note as people read it (``note_text``), else what was
    done (an acknowledgement needs no note)."""
    text = note_text(action.get("by_user"), action.get("action", ""), action.get("note"))
    done = {"acknowledge": "acknowledged", "action": "actioned", "close": "closed"}
    return text or (status_label(done[action["action"]]) if action.get("action") in done else "")


def lowered(action: dict) -> bool:
    """Whether a handling row is the program lowering a warning ("red → yellow")."""
    before, _, after = (action.get("note") or "").partition(" → ")
    return action.get("action") == "escalate" and before in RANK and after in RANK \
        and RANK[after] < RANK[before]


i18n.register({
    "facts.withheld": ("（内容高于您的密级，未显示）", "(above your clearance; not shown)"),
    "facts.payment_overdue": ("付款逾期 {days} 天（最早未付到期日 {since}）",
                              "Payment overdue for {days} days (oldest unpaid due date {since})"),
    "facts.limit_utilisation": ("应收余额 {exposure}，授信额度 {limit}（已用 {used}）",
                                "Exposure {exposure} against a credit limit of {limit} ({used} used)"),
    "facts.litigation": ("案号 {case_no}：涉案金额 {amount}，立案日期 {filed_on}",
                         "Case {case_no}: claim {amount}, filed on {filed_on}"),
    "facts.litigation_limit": ("；授信额度 {limit}", "; credit limit {limit}"),
    "facts.complaints": ("自 {since} 起投诉 {count} 次", "{count} complaints since {since}"),
    "facts.expired": ("{what} 已于 {day} 到期", "{what} expired on {day}"),
    "facts.expires": ("{what} 将于 {day} 到期", "{what} expires on {day}"),
    "facts.documents_missing": ("档案中没有{kind}", "No {kind} on file"),
    "facts.downgrade": ("等级由 {before} 下调至 {after}", "Grade lowered from {before} to {after}"),
    "facts.review_overdue": ("复审应于 {due} 完成，已逾期 {days} 天",
                             "Review due on {due}, {days} days overdue"),
    "facts.collateral_expired": ("{kind}（{provider}，价值 {value}）已于 {day} 到期，应收余额 {owed}",
                                 "{kind} ({provider}, value {value}) expired on {day}; "
                                 "{owed} still owed"),
    "facts.collateral_expires": ("{kind}（{provider}，价值 {value}）将于 {day} 到期",
                                 "{kind} ({provider}, value {value}) expires on {day}"),
    "facts.collateral_shortfall": ("有效担保 {cover}，担保债权 {secured}（{basis}），覆盖 {covered}",
                                   "Effective cover {cover} against {secured} secured ({basis}): "
                                   "{covered} covered"),
    "facts.basis.stated": ("各项约定之和", "as the items state"),
    "facts.basis.limit": ("按授信额度", "the credit limit"),
})


def item_facts_text(item: dict) -> str:
    """A listed warning's facts as one sentence, or that they are above the reader's clearance."""
    if item.get("facts_withheld"):
        return i18n.tr("facts.withheld")
    return facts_text(item["rule"], item.get("facts"))


def facts_text(rule: str, facts: dict | None) -> str:
    """What a warning found, as one sentence in the user's language."""
    from .fields import choice_label
    from .validation import format_money
    f = {k: ("—" if v is None else v) for k, v in (facts or {}).items()}

    def money(key: str) -> str:
        value = (facts or {}).get(key)
        if isinstance(value, str) and value:
            return value                      # masked ("***")
        return format_money(value) if isinstance(value, int) and not isinstance(value, bool) else "—"
    if rule == "payment_overdue":
        return i18n.tr("facts.payment_overdue", days=f.get("days", "—"), since=f.get("since", "—"))
    if rule == "limit_utilisation":
        limit, exposure = (facts or {}).get("limit"), (facts or {}).get("exposure") or 0
        return i18n.tr("facts.limit_utilisation", exposure=money("exposure"), limit=money("limit"),
                       used=f"{exposure / limit:.0%}" if limit else "—")
    if rule == "litigation":
        text = i18n.tr("facts.litigation", case_no=f.get("case_no", "—"), amount=money("amount"),
                       filed_on=f.get("filed_on", "—"))
        if (facts or {}).get("limit") is not None:
            text += i18n.tr("facts.litigation_limit", limit=money("limit"))
        return text
    if rule == "complaints":
        return i18n.tr("facts.complaints", count=f.get("count", "—"), since=f.get("since", "—"))
    if rule == "document_expiry":
        day = (facts or {}).get("expires_on") or ""
        key = "facts.expired" if day < clock.today().isoformat() else "facts.expires"
        return i18n.tr(key, what=f.get("what", "—"), day=day or "—")
    if rule == "documents_missing":
        return i18n.tr("facts.documents_missing", kind=choice_label((facts or {}).get("kind") or ""))
    if rule == "downgrade":
        return i18n.tr("facts.downgrade", before=f.get("from", "—"), after=f.get("to", "—"))
    if rule == "review_overdue":
        return i18n.tr("facts.review_overdue", due=f.get("due", "—"), days=f.get("days", "—"))
    if rule == "collateral_expiry":
        day = (facts or {}).get("expires_on") or ""
        key = "facts.collateral_expired" if day and day < clock.today().isoformat() \
            else "facts.collateral_expires"
        return i18n.tr(key, kind=choice_label((facts or {}).get("kind") or "") or "—",
                       provider=f.get("provider", "—"), value=money("value"), day=day or "—",
                       owed=money("owed"))
    if rule == "collateral_shortfall":
        covered = (facts or {}).get("covered")
        basis = (facts or {}).get("basis")
        return i18n.tr("facts.collateral_shortfall", cover=money("value"),
                       secured=money("secured_amount"),
                       basis=i18n.tr(f"facts.basis.{basis}") if basis in ("stated", "limit")
                       else "—", covered=f"{covered}%" if isinstance(covered, int) else "—")
    return "; ".join(f"{key}: {value}" for key, value in f.items())


def _worst(candidates: list[dict]) -> dict:
    """The most severe of what a rule found on one file (the first of equals)."""
    return max(candidates, key=lambda c: RANK[c["severity"]])


class Warnings:
    def __init__(self, desk):
        self._desk = desk

    def enabled_rules(self) -> list[Rule]:
        get = self._desk.settings.get
        return [r for r in RULES if (get(f"warning.{r.key}.enabled") or "1") == "1"]

    def candidates(self, as_of: datetime.date, customer_ids: list[int] | None = None) -> list[dict]:
        """What every enabled rule finds on ``as_of`` among the files this session can read
        (no writing). A file sealed above its keys is checked by a session that holds them."""
        db = self._desk.db
        # ``+c.level``: not through the level index, which would make SQLite drive every rule
        # from the files of one level at a time (seven times slower here at 100,000 files).
        files = f"(+c.level <= {int(self._desk.access.clearance)} AND c.name IS NOT NULL)"
        if customer_ids is not None:
            files += f" AND c.id IN ({','.join(str(int(i)) for i in customer_ids)})"
        params = {"as_of": as_of.isoformat(), "hold_days": self._desk.reviews.policy().hold_days}
        found = []
        for rule in self.enabled_rules():
            sql = rule.sql.replace("{files}", files).replace("{ranks}", _RANKS)
            names = {name for name in params if f":{name}" in sql}
            for customer_id, severity, subject, facts in db.execute(
                    sql, {k: params[k] for k in names}).fetchall():
                found.append({"customer_id": customer_id, "rule": rule.key, "severity": severity,
                              "subject": subject, "facts": facts})
        return found

    def evaluate(self, as_of: datetime.date | None = None, customer_ids: list[int] | None = None,
                 *, write: bool = True) -> list[dict]:
        """Check the rules on ``as_of`` (default today) and, with ``write``, store what
        changed; return the changes, each with ``change``: "raise" (a new warning, ``id``
        None until stored), "escalate" / "lower" (an open one to the severity its rule finds
        now; ``escalated_from`` / ``lowered_from``) or "close" (an open one whose condition
        no longer holds). Call inside or outside a write; it opens its own when needed.

        An open warning is lowered or closed only by a session that reads its facts and its
        file, for a rule that is switched on: a session not cleared for the records a rule
        reads finds nothing there, which is not the condition having ended."""
        as_of = as_of or clock.today()
        desk = self._desk
        db = desk.db
        scope = ("" if customer_ids is None else
                 f" AND w.customer_id IN ({','.join(str(int(i)) for i in customer_ids)})")
        # Episodes a person closed are not raised again; one the program closed because it
        # ended may come back (a payment entered by mistake and deleted).
        seen = {(cid, rule, subject) for cid, rule, subject, closed_by in db.execute(
            "SELECT w.customer_id, w.rule, w.subject, w.closed_by FROM warnings w "
            "WHERE w.status = 'closed'" + scope).fetchall() if closed_by != SYSTEM_USER}
        open_rows = db.execute(
            "SELECT w.id, w.customer_id, w.rule, w.severity, w.subject, w.facts IS NOT NULL, "
            "+c.level <= ? AND c.name IS NOT NULL FROM warnings w "
            "JOIN customers c ON c.id = w.customer_id WHERE w.status <> 'closed'" + scope,
            [int(desk.access.clearance)]).fetchall()
        found: dict[tuple, list[dict]] = {}
        for cand in self.candidates(as_of, customer_ids):
            found.setdefault((cand["customer_id"], cand["rule"]), []).append(cand)
        enabled = {r.key for r in self.enabled_rules()}
        changes, refreshed = [], []
        for wid, cid, rule, severity, subject, readable, visible in open_rows:
            cands = found.pop((cid, rule), None)
            if not cands:
                if readable and visible and rule in enabled:
                    changes.append({"change": "close", "id": wid, "customer_id": cid,
                                    "rule": rule, "severity": severity, "subject": subject})
                continue
            # The worst found now when it is worse, else the same episode if it is still found.
            worst = _worst(cands)
            same = next((c for c in cands if c["subject"] == subject), None)
            cand = worst if same is None or RANK[worst["severity"]] > RANK[severity] else same
            if not readable:
                continue          # sealed above this session: one cleared for it rewrites it
            if RANK[cand["severity"]] > RANK[severity]:
                changes.append({**cand, "change": "escalate", "id": wid,
                                "escalated_from": severity})
            elif RANK[cand["severity"]] < RANK[severity]:
                changes.append({**cand, "change": "lower", "id": wid, "lowered_from": severity})
            elif cand["subject"] != subject:
                # Another episode of the same condition at the same severity (the oldest
                # invoice paid, the next one as late): a person closing it closes this one.
                refreshed.append({**cand, "change": "refresh", "id": wid})
        for (cid, rule), cands in found.items():
            fresh = [c for c in cands if (cid, rule, c["subject"]) not in seen]
            if fresh:
                changes.append({**_worst(fresh), "change": "raise", "id": None})
        if write and (changes or refreshed):
            policy = self._desk.reviews.policy()
            with self._desk.writing():
                for change in changes + refreshed:
                    self._store(change, as_of, policy)
        return changes

    def _store(self, change: dict, as_of: datetime.date, policy) -> None:
        # Plain SQL: a first check over a large firm stores tens of thousands of these.
        desk = self._desk
        db = desk.db
        now = clock.timestamp()
        code = db.execute("SELECT code FROM main.customers WHERE id = ?",
                          [change["customer_id"]]).fetchone()[0]
        # A warning's facts quote what its rule read (a case number, an amount): kept at the
        # level of that data, not lower (disclosure.row_level).
        level = desk.disclosure.row_level("warnings", change)
        kind = change["change"]
        if kind == "raise":
            change["id"] = desk.store.insert("warnings", {
                "customer_id": change["customer_id"], "rule": change["rule"],
                "severity": change["severity"], "subject": change["subject"],
                "facts": change["facts"], "status": "open", "raised_on": as_of.isoformat(),
                "raised_at": now})
            desk.audit.append("warning.raise", f"warning#{change['id']}", customer=code,
                              user=SYSTEM_USER, level=level,
                              summary={"rule": change["rule"], "severity": change["severity"],
                                       "facts": json.loads(change["facts"])})
        elif kind == "refresh":
            desk.store.update("warnings", "id = ?", [change["id"]], {
                "subject": change["subject"], "facts": change["facts"]})
        elif kind == "close":
            desk.store.update("warnings", "id = ?", [change["id"]], {
                "status": "closed", "closed_at": now, "closed_by": SYSTEM_USER,
                "close_note": RESOLVED})
            desk.store.insert("warning_actions", {
                "warning_id": change["id"], "customer_id": change["customer_id"],
                "rule": change["rule"], "action": "close", "note": RESOLVED,
                "by_user": SYSTEM_USER, "at": now})
            desk.audit.append("warning.close", f"warning#{change['id']}", customer=code,
                              user=SYSTEM_USER, level=level,
                              summary={"rule": change["rule"], "severity": change["severity"],
                                       "status": "closed", "note": RESOLVED})
        else:
            before = change.get("escalated_from") or change.get("lowered_from")
            desk.store.update("warnings", "id = ?", [change["id"]], {
                "severity": change["severity"], "subject": change["subject"],
                "facts": change["facts"]})
            # The handling table's one kind for the program changing a severity ("escalate"
            # in the schema), either way: the note says which way.
            desk.store.insert("warning_actions", {
                "warning_id": change["id"], "customer_id": change["customer_id"],
                "rule": change["rule"], "action": "escalate",
                "note": f"{before} → {change['severity']}",
                "by_user": SYSTEM_USER, "at": now})
            desk.audit.append(f"warning.{kind}", f"warning#{change['id']}", customer=code,
                              user=SYSTEM_USER, level=level,
                              summary={"rule": change["rule"], "from": before,
                                       "to": change["severity"]})
        if change["severity"] == "red" and kind in ("raise", "escalate"):
            desk.reviews.trigger(change["customer_id"], change["id"], as_of, policy)

    def daily(self) -> list[dict]:
        """Check every file once a day (at the first login of the day): dates move on
        even when no data changes — invoices fall overdue, licences expire.

        A session checks the files it can read; the day's check is done again by the
        first session of the day cleared higher (``warnings.checked_on`` keeps the day and
        the clearance it was checked at)."""
        desk = self._desk
        if desk.read_only_reason() or desk.must_change_password:
            return []           # a session that may not write leaves the check to the next one
        today = clock.today().isoformat()
        clearance = desk.access.clearance
        day, _, level = (desk.settings.get("warnings.checked_on") or "").partition(":")
        if day == today and int(level or 3) >= clearance:
            return []
        with desk.writing():
            changes = self.evaluate(clock.today())
            desk.db["settings"].upsert({"key": "warnings.checked_on",
                                        "value": f"{today}:{clearance}"}, pk="key")
        return changes

    # -- handling -----------------------------------------------------------------------
    def handle(self, warning_id: int, note: str, *, action: str = "action") -> Changes:
        """Record ``acknowledge``, ``action`` (what was done) or ``close`` (with a note)."""
        desk = self._desk
        if not (desk.access.can("customer.edit") or desk.access.can("review.complete")):
            raise AccessDenied(i18n.tr("warning.handle"))
        # A warning of a file the user may not see answers exactly as one that does not exist.
        row = self._visible(warning_id)
        if row[1] == "closed":
            raise Conflict(i18n.tr("warning.closed", id=warning_id))
        note = check_one("note", check_text, note or "", 2000)
        if action != "acknowledge" and not note:
            raise ValidationError(FieldError("note", "warning.note_required"))
        status = {"acknowledge": "acknowledged", "action": "actioned", "close": "closed"}[action]
        if action == "acknowledge" and row[1] != "open":
            status = row[1]              # acknowledging later changes nothing but the record
        now = clock.timestamp()
        with desk.writing():
            values = {"status": status}
            if status == "closed":
                values.update(closed_at=now, closed_by=desk.user.name, close_note=note)
            desk.store.update("warnings", "id = ?", [row[0]], values)
            owner = {"customer_id": desk.customers.require_visible(row[2]),
                     "rule": desk.db.execute("SELECT rule FROM main.warnings WHERE id = ?",
                                             [row[0]]).fetchone()[0]}
            desk.store.insert("warning_actions", {"warning_id": row[0], **owner,
                                                  "action": action, "note": note or None,
                                                  "by_user": desk.user.name, "at": now})
            level = desk.disclosure.row_level("warnings", owner)
            desk.audit.append(f"warning.{action}", f"warning#{row[0]}", customer=row[2],
                              level=level, summary={"note": note, "status": status})
        return Changes.of("warnings", code=row[2], id=row[0])

    # -- reading ------------------------------------------------------------------------
    def list(self, *, open_only: bool = False, code: str | None = None,
             limit: int | None = None) -> list[dict]:
        """Warnings within the user's clearance, worst and newest first (at most ``limit``)."""
        desk = self._desk
        hidden = "w.customer_id NOT IN (SELECT id FROM main.customers WHERE level > ?)"
        columns = ("w.id, c.code, c.name, w.rule, w.severity, w.status, w.raised_on, w.raised_at, "
                   "w.facts, w.closed_at, w.closed_by, w.close_note, w.subject")
        if open_only and code is None:
            # Severity by severity along the partial index of open warnings, newest first,
            # so a long list costs no sort and a LIMIT stops early.
            rows = []
            for severity in SEVERITIES:
                left = None if limit is None else limit - len(rows)
                if left is not None and left <= 0:
                    break
                rows += desk.db.execute(
                    f"SELECT {columns} FROM main.warnings m INDEXED BY warnings_open "
                    "JOIN warnings w ON w.id = m.id JOIN customers c ON c.id = m.customer_id "
                    f"WHERE m.status <> 'closed' AND m.severity = ? "
                    f"AND {hidden.replace('w.', 'm.')} AND c.name IS NOT NULL "
                    "ORDER BY m.raised_at DESC, m.id DESC"
                    + (f" LIMIT {int(left)}" if left is not None else ""),
                    [severity, desk.access.clearance]).fetchall()
        else:
            where, params = [hidden], [desk.access.clearance]
            if open_only:
                where.append("w.status <> 'closed'")
            if code:
                where.append("w.customer_id = ?")
                params.append(desk.customers.require_visible(code))
            where.append("c.name IS NOT NULL")
            rows = desk.db.execute(
                f"SELECT {columns} FROM warnings w JOIN customers c ON c.id = w.customer_id "
                f"WHERE {' AND '.join(where)} ORDER BY w.status = 'closed', CASE w.severity "
                "WHEN 'red' THEN 0 WHEN 'orange' THEN 1 ELSE 2 END, w.raised_at DESC, w.id DESC"
                + (f" LIMIT {int(limit)}" if limit else ""), params).fetchall()
        names = [c.strip().split(".")[1] for c in columns.split(",")]
        out = []
        for row in rows:
            item = dict(zip(names, row))
            # Facts kept at a level above the reader (a case number of a litigation record
            # levelled 秘密) are withheld: the warning shows, what it quotes does not.
            item["facts_withheld"] = item["facts"] is None
            item["facts"] = json.loads(item["facts"]) if item["facts"] else {}
            out.append(item)
        self._facts_today(out)
        for item in out:
            del item["subject"]
            item["facts"] = desk.disclosure.warning_facts(item["rule"], item["facts"])
            if item.get("close_note") is not None:
                item["close_note"] = note_text(item["closed_by"], "close", item["close_note"])
        return out

    def _facts_today(self, items: list[dict]) -> None:
        """An open warning's facts as its rule finds them today (the days overdue counted to
        today, the limit in force now), in place of those stored when it was raised or last
        changed; those stay for a closed warning, for one whose condition the rules no longer
        find (until the next check closes it), and where the stored facts are withheld."""
        live = [i for i in items if i["status"] != "closed" and not i["facts_withheld"]]
        if not live:
            return
        # The rules over these files only (by their ids: along the primary key, not a scan).
        codes = sorted({i["code"] for i in live})
        by_code = {}
        for first in range(0, len(codes), 900):       # (SQLite's bound-parameter limit)
            chunk = codes[first:first + 900]
            by_code.update(self._desk.db.execute(
                f"SELECT code, id FROM main.customers WHERE code IN ({','.join('?' * len(chunk))})",
                chunk).fetchall())
        found: dict[tuple, list[dict]] = {}
        for cand in self.candidates(clock.today(), sorted(by_code.values())):
            found.setdefault((cand["customer_id"], cand["rule"]), []).append(cand)
        for item in live:
            cands = found.get((by_code.get(item["code"]), item["rule"]))
            if cands:
                # (the episode it quotes, the litigation case, while it is still found)
                same = [c for c in cands if c["subject"] == item["subject"]]
                item["facts"] = json.loads((same or [_worst(cands)])[0]["facts"])

    def counts(self) -> dict:
        """Open warnings by severity, within the user's clearance."""
        rows = self._desk.db.execute(
            "SELECT w.severity, count(*) FROM main.warnings w INDEXED BY warnings_status "
            "WHERE w.status <> 'closed' AND w.customer_id NOT IN "
            "(SELECT id FROM main.customers WHERE level > ?) GROUP BY w.severity",
            [self._desk.access.clearance]).fetchall()
        return {severity: dict(rows).get(severity, 0) for severity in SEVERITIES}

    def _visible(self, warning_id: int) -> tuple:
        """(id, status, code) of a warning of a file this user may see; NotFound otherwise,
        the same for a hidden file's warning as for none."""
        desk = self._desk
        row = desk.db.execute("SELECT w.id, w.status, c.code, c.level, c.name FROM warnings w "
                              "JOIN customers c ON c.id = w.customer_id WHERE w.id = ?",
                              [int(warning_id)]).fetchone()
        if row is None or row[3] > desk.access.clearance or row[4] is None:
            raise NotFound(f"warning #{int(warning_id)}")
        return row[:3]

    def actions(self, warning_id: int) -> list[dict]:
        self._visible(warning_id)
        cursor = self._desk.db.execute("SELECT * FROM warning_actions WHERE warning_id = ? ORDER BY id",
                                       [int(warning_id)])
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, r)) for r in cursor.fetchall()]

    def preview(self, as_of: datetime.date) -> list[dict]:
        """What the list would hold on ``as_of``: open warnings (at the severity they would
        have then; those that would close marked ``closing``) plus what the rules would raise
        then (marked ``new``), without writing anything."""
        desk = self._desk
        current = self.list(open_only=True)
        ids = {r[0]: r for r in desk.db.execute(
            "SELECT id, code, name, level FROM customers WHERE level <= ? AND name IS NOT NULL",
            [desk.access.clearance]).fetchall()}
        for change in self.evaluate(as_of, write=False):
            if change["customer_id"] not in ids:
                continue
            _, code, name, _level = ids[change["customer_id"]]
            if change["id"] is not None:       # an open one escalated, lowered or closed
                for item in current:
                    if item["id"] == change["id"]:
                        if change["change"] == "close":
                            item["status"] = "closing"
                        else:
                            item["severity"] = change["severity"]
                            item["facts"] = desk.disclosure.warning_facts(
                                change["rule"], json.loads(change["facts"]))
                continue
            current.append({"id": None, "code": code, "name": name, "rule": change["rule"],
                            "severity": change["severity"], "status": "new",
                            "raised_on": as_of.isoformat(), "raised_at": None,
                            "facts": desk.disclosure.warning_facts(change["rule"],
                                                                   json.loads(change["facts"]))})
        return current
