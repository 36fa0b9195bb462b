"""Periodic review (定期复审): cycles by risk level, due dates, completion, snoozes, calendar.

A file's next review is its cycle's start (the approval of its current
assessment, or the last "reviewed, no change") plus the cycle of its risk level,
in calendar months and month-end safe (31 August + 6 months = 28/29 February).
An unrated file is due a number of days after it was opened. A snooze replaces
the due date; a triggered review (from a red warning) brings it forward.
``customers.next_review`` holds the result, recomputed here whenever an input
changes, so "what is due" is one indexed query.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from . import clock, i18n
from .access import allowed
from .changes import Changes
from .cleaning import check_one
from .customers.search import name_order
from .errors import AccessDenied, FieldError, ValidationError
from .grading.limits import review_holds
from .validation import check_text, parse_date

i18n.register({
    "review.complete": ("完成复审", "completing reviews"),
    "review.snooze": ("推迟复审", "snoozing reviews"),
    "review.note_required": ("请填写复审意见", "a review note is required"),
    "review.reason_required": ("请填写理由", "a reason is required"),
    "review.snooze_not_later": ("新的复审日期须晚于 {due}",
                                "the new date must be after {due}"),
    "review.snooze_too_far": ("最多推迟 {days} 天（至 {latest}）",
                              "a review can be put off by at most {days} days (until {latest})"),
    "review.snooze_limit": ("本周期已推迟 {count} 次，再次推迟须由经理操作",
                            "this review has been put off {count} times; only a manager may do it again"),
    "review.before_file": ("日期早于档案建立日 {opened}", "the date is before the file was opened ({opened})"),
    "review.cycle_range": ("复审周期须为 1–60 个月", "a review cycle is 1 to 60 months"),
    "review.reason.periodic": ("定期复审", "Periodic"),
    "review.reason.unrated": ("首次评级", "First grading"),
    "review.reason.snoozed": ("已推迟", "Put off"),
    "review.reason.triggered": ("预警触发", "Triggered by a warning"),
    "review.ics_summary": ("复审 {code}（{grade}）", "Review {code} ({grade})"),
    "review.ics_unrated": ("未评级", "unrated"),
    "review.ics_overdue_summary": ("逾期复审 {code}（{grade}）", "Overdue review {code} ({grade})"),
    "review.ics_overdue_note": ("原定 {due} 完成；至导出日 {today} 已逾期 {days} 天。",
                                "Due on {due}; {days} days overdue on {today}, the day of the "
                                "export."),
})

RISK_CYCLES = {"high": 3, "medium": 6, "low": 12}
SETTING_DEFAULTS = {"review.cycle.high": 3, "review.cycle.medium": 6, "review.cycle.low": 12,
                    "review.unrated_days": 30, "review.triggered_days": 7,
                    "review.snooze_days": 30, "review.snooze_limit": 2, "review.hold_days": 30}
STATE_COLUMNS = ("id", "code", "created_at", "grade", "risk_level", "review_base",
                 "review_cycle_months", "review_snoozed_until", "review_triggered_by")


@dataclass(frozen=True)
class Policy:
    cycles: dict                   # risk level -> months
    unrated_days: int
    triggered_days: int
    snooze_days: int
    snooze_limit: int
    hold_days: int


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` plus whole calendar months, clamped to the month's end (dateutil)."""
    return day + relativedelta(months=months)


def next_review(state: dict, policy: Policy) -> tuple[datetime.date, str]:
    """The due date of a file's next review and why ("periodic", "unrated", "snoozed",
    "triggered"), from its cycle state (``STATE_COLUMNS``)."""
    base = datetime.date.fromisoformat(state.get("review_base") or state["created_at"][:10])
    if state.get("grade") is None:
        due, reason = base + datetime.timedelta(days=policy.unrated_days), "unrated"
    else:
        months = state.get("review_cycle_months") or policy.cycles[state["risk_level"]]
        due, reason = add_months(base, months), "periodic"
    if state.get("review_snoozed_until"):
        due, reason = datetime.date.fromisoformat(state["review_snoozed_until"]), "snoozed"
    triggered = state.get("review_triggered_by")
    if triggered and datetime.date.fromisoformat(triggered) < due:
        due, reason = datetime.date.fromisoformat(triggered), "triggered"
    return due, reason


def policy_from(db) -> Policy:
    """The review policy in a database's settings (defaults where unset)."""
    stored = dict(db.execute("SELECT key, value FROM settings WHERE key LIKE 'review.%'").fetchall())
    value = {k: int(stored.get(k) or v) for k, v in SETTING_DEFAULTS.items()}
    return Policy({r: value[f"review.cycle.{r}"] for r in RISK_CYCLES}, value["review.unrated_days"],
                  value["review.triggered_days"], value["review.snooze_days"],
                  value["review.snooze_limit"], value["review.hold_days"])


def refresh_all(db) -> int:
    """Recompute every file's next review (after a policy change, or when migrating)."""
    policy = policy_from(db)
    # A sealed file this session cannot open reads without its name and grade: its next
    # review is kept as it is until a session that can open it recomputes it.
    rows = db.execute(f"SELECT {', '.join(STATE_COLUMNS)} FROM customers "
                      f"WHERE name IS NOT NULL").fetchall()
    updates = [(next_review(dict(zip(STATE_COLUMNS, r)), policy)[0].isoformat(), r[0]) for r in rows]
    db.conn.executemany("UPDATE main.customers SET next_review = ? WHERE id = ?", updates)
    return len(updates)


def latest_snooze(due: datetime.date, policy: Policy) -> datetime.date:
    """The latest date a review due on ``due`` may be put off to: so many days past the due
    date, or past today when it is already late (else only to another past day)."""
    return max(due, clock.today()) + datetime.timedelta(days=policy.snooze_days)


def reason_label(reason: str) -> str:
    return i18n.tr(f"review.reason.{reason}")


def _text(field: str, value, message: str) -> str:
    text = check_one(field, check_text, value or "", 1000)
    if not text:
        raise ValidationError(FieldError(field, message))
    return text


class Reviews:
    def __init__(self, desk):
        self._desk = desk

    # -- policy -------------------------------------------------------------------------
    def policy(self) -> Policy:
        return policy_from(self._desk.db)

    def set_policy(self, values: dict) -> Changes:
        """Change review settings (keys of ``SETTING_DEFAULTS``); every due date follows."""
        desk = self._desk
        clean = {}
        for key, raw in values.items():
            if key not in SETTING_DEFAULTS:
                raise ValidationError(FieldError("settings", "settings.unknown_field", {"key": key}))
            text = str(raw).strip()
            number = int(text) if text.isdigit() else None
            limit = 60 if key.startswith("review.cycle.") else 365
            if number is None or not 1 <= number <= limit:
                raise ValidationError(FieldError(key, "review.cycle_range"))
            clean[key] = number
        with desk.writing():
            for key, number in clean.items():
                desk.settings.set(key, str(number))
            self.refresh_all()
        return Changes.of("settings", "customers")

    def save_settings(self, values: dict, enabled: dict[str, bool]) -> Changes:
        """The review policy and the warning rules' switches (设置 › 复审与预警) in one
        transaction: every file's next review follows, and the rules run once with the new
        settings, so a rule switched on (or a shorter hold) shows its warnings at once."""
        desk = self._desk
        with desk.writing():
            current = {rule.key for rule in desk.warnings.enabled_rules()}
            self.set_policy(values)
            for rule, on in enabled.items():
                if on != (rule in current):
                    desk.settings.set(f"warning.{rule}.enabled", "1" if on else "0")
            desk.warnings.evaluate()
        return Changes.of("settings", "customers", "warnings")

    # -- keeping next_review ------------------------------------------------------------
    def _state(self, customer_id: int) -> dict:
        cursor = self._desk.db.execute(f"SELECT {', '.join(STATE_COLUMNS)} FROM customers WHERE id = ?",
                                       [customer_id])
        return dict(zip(STATE_COLUMNS, cursor.fetchone()))

    def refresh(self, customer_id: int, policy: Policy | None = None) -> str:
        """Recompute and store one file's next review (inside the caller's write)."""
        due, _ = next_review(self._state(customer_id), policy or self.policy())
        self._desk.db.execute("UPDATE main.customers SET next_review = ? WHERE id = ?",
                              [due.isoformat(), customer_id])
        return due.isoformat()

    def refresh_all(self) -> int:
        return refresh_all(self._desk.db)

    def _event(self, customer_id: int, event: str, before: str | None, after: str | None,
               note: str | None = None, warning_id: int | None = None) -> None:
        self._desk.store.insert("review_events", {
            "customer_id": customer_id, "event": event, "due_before": before, "due_after": after,
            "note": note, "warning_id": warning_id, "by_user": self._desk.user.name,
            "at": clock.timestamp()})

    def restart(self, customer_id: int, day: datetime.date, event: str, note: str | None = None) -> str:
        """A review happened on ``day`` (an approved assessment or "no change"): a new cycle."""
        before = self._state(customer_id)
        old_due = self._desk.db.execute("SELECT next_review FROM customers WHERE id = ?",
                                        [customer_id]).fetchone()[0]
        self._desk.db.execute(
            "UPDATE main.customers SET review_base = ?, review_snoozed_until = NULL, review_snoozes = 0, "
            "review_triggered_by = NULL WHERE id = ?", [day.isoformat(), before["id"]])
        due = self.refresh(customer_id)
        self._event(customer_id, event, old_due, due, note)
        return due

    def trigger(self, customer_id: int, warning_id: int, today: datetime.date,
                policy: Policy | None = None) -> str | None:
        """A red warning: a review due within the policy's days (unless one is due sooner)."""
        policy = policy or self.policy()
        by = today + datetime.timedelta(days=policy.triggered_days)
        state = self._state(customer_id)
        current, _ = next_review(state, policy)
        if current <= by:
            return None
        self._desk.db.execute("UPDATE main.customers SET review_triggered_by = ? WHERE id = ?",
                              [by.isoformat(), customer_id])
        due = self.refresh(customer_id, policy)
        self._event(customer_id, "trigger", current.isoformat(), due, warning_id=warning_id)
        return due

    # -- what a clerk does --------------------------------------------------------------
    def done(self, code: str, note: str) -> Changes:
        """"Reviewed, no change" with a note (reviewers and managers): the cycle restarts."""
        desk = self._desk
        desk.access.require("review.complete", i18n.tr("review.complete"))
        customer_id = desk.customers.require_visible(code)
        note = _text("note", note, "review.note_required")
        with desk.writing():
            due = self.restart(customer_id, clock.today(), "done", note)
            desk.audit.append("review.done", code.upper(), customer=code.upper(),
                              summary={"note": note, "next_review": due})
            desk.warnings.evaluate(clock.today(), [customer_id])   # "review long overdue" ends
        return Changes.of("customers", "grading", "warnings", code=code.upper())

    def snooze(self, code: str, until, reason: str) -> Changes:
        """Put the review off to ``until`` (at most the policy's days past the current due
        date, at most the policy's number of times; then only a manager)."""
        desk = self._desk
        if not (desk.access.can("customer.edit") or desk.access.can("review.complete")):
            raise AccessDenied(i18n.tr("review.snooze"))
        customer_id = desk.customers.require_visible(code)
        reason = _text("reason", reason, "review.reason_required")
        day = datetime.date.fromisoformat(check_one("until", parse_date, until))
        policy = self.policy()
        state = self._state(customer_id)
        current, _ = next_review(state, policy)
        opened = state["created_at"][:10]
        latest = latest_snooze(current, policy)
        errors = None
        if day.isoformat() < opened:
            errors = FieldError("until", "review.before_file", {"opened": opened})
        elif day <= max(current, clock.today()):
            errors = FieldError("until", "review.snooze_not_later",
                                {"due": max(current, clock.today()).isoformat()})
        elif day > latest:
            errors = FieldError("until", "review.snooze_too_far", {
                "days": policy.snooze_days, "latest": latest.isoformat()})
        if errors:
            raise ValidationError(errors)
        # The count is read and raised in one write transaction (which holds the database's
        # write lock): two people putting the review off at once cannot both pass the limit.
        with desk.writing():
            snoozes = desk.db.execute("SELECT review_snoozes FROM main.customers WHERE id = ?",
                                      [customer_id]).fetchone()[0]
            refused = snoozes >= policy.snooze_limit and \
                not allowed(desk.user.role, "settings.manage")
            if not refused:
                desk.db.execute("UPDATE main.customers SET review_snoozed_until = ?, "
                                "review_snoozes = review_snoozes + 1, review_triggered_by = NULL "
                                "WHERE id = ?", [day.isoformat(), customer_id])
                due = self.refresh(customer_id, policy)
                self._event(customer_id, "snooze", current.isoformat(), due, reason)
                desk.audit.append("review.snooze", code.upper(), customer=code.upper(), summary={
                    "from": current.isoformat(), "to": due, "reason": reason,
                    "count": snoozes + 1})
                desk.warnings.evaluate(clock.today(), [customer_id])
        if refused:
            with desk.writing():
                desk.audit.append("refused", code.upper(), customer=code.upper(),
                                  summary={"action": "review.snooze", "snoozes": snoozes})
            raise AccessDenied(i18n.tr("review.snooze_limit", count=snoozes))
        return Changes.of("customers", "grading", "warnings", code=code.upper())

    def set_cycle(self, code: str, months: int | None, reason: str) -> Changes:
        """A file's own review cycle (months) instead of its risk level's; None to go back."""
        desk = self._desk
        desk.access.require("settings.manage", i18n.tr("review.complete"))
        customer_id = desk.customers.require_visible(code)
        reason = _text("reason", reason, "review.reason_required")
        if months is not None and not (isinstance(months, int) and 1 <= months <= 60):
            raise ValidationError(FieldError("months", "review.cycle_range"))
        with desk.writing():
            before = desk.db.execute("SELECT next_review FROM customers WHERE id = ?",
                                     [customer_id]).fetchone()[0]
            desk.store.update("customers", "id = ?", [customer_id],
                              {"review_cycle_months": months, "review_cycle_reason": reason})
            due = self.refresh(customer_id)
            self._event(customer_id, "cycle", before, due, reason)
            desk.audit.append("review.cycle", code.upper(), customer=code.upper(),
                              summary={"months": months, "reason": reason, "next_review": due})
            desk.warnings.evaluate(clock.today(), [customer_id])
        return Changes.of("customers", "grading", "warnings", code=code.upper())

    # -- reading ------------------------------------------------------------------------
    def due(self, within: int = 14, as_of: datetime.date | None = None,
            limit: int | None = None) -> list[dict]:
        """Files whose review is due by ``as_of`` + ``within`` days (within clearance),
        most overdue first, at most ``limit``. Reads only; ``as_of`` answers "what will be
        due then"."""
        as_of = as_of or clock.today()
        horizon = (as_of + datetime.timedelta(days=within)).isoformat()
        policy = self.policy()
        # Along the index (clear columns) in due order, so LIMIT stops early; each row's
        # other columns come from the view, opened for sealed files this session can read.
        cursor = self._desk.db.execute(
            f"SELECT {', '.join('c.' + c for c in STATE_COLUMNS)}, c.name, c.kind, "
            "c.next_review, c.review_snoozes FROM main.customers m "
            "INDEXED BY customers_next_review JOIN customers c ON c.id = m.id "
            "WHERE m.next_review <= ? AND m.level <= ? AND m.status <> 'closed' "
            f"AND c.name IS NOT NULL ORDER BY m.next_review, {name_order('c')}"
            + (f" LIMIT {int(limit)}" if limit else ""),
            [horizon, self._desk.access.clearance])
        columns = [*STATE_COLUMNS, "name", "kind", "next_review", "review_snoozes"]
        out = []
        for row in cursor.fetchall():
            item = dict(zip(columns, row))
            _due, reason = next_review(item, policy)
            overdue = (as_of - datetime.date.fromisoformat(item["next_review"])).days
            out.append({"code": item["code"], "name": item["name"], "kind": item["kind"],
                        "grade": item["grade"], "risk_level": item["risk_level"],
                        "due_date": item["next_review"], "reason": reason,
                        "overdue_days": max(0, overdue), "snoozes": item["review_snoozes"],
                        "hold": review_holds(overdue, policy.hold_days)})
        return out

    def counts(self, within: int = 14, as_of: datetime.date | None = None) -> dict:
        """How many visible files are overdue, due within ``within`` days, and on hold for an
        overdue review (one pass over the next-review index)."""
        as_of = as_of or clock.today()
        hold_before = (as_of - datetime.timedelta(days=self.policy().hold_days)).isoformat()
        row = self._desk.db.execute(
            "SELECT count(*) FILTER (WHERE next_review < :today), "
            "count(*) FILTER (WHERE next_review >= :today), "
            "count(*) FILTER (WHERE next_review < :hold) FROM main.customers INDEXED BY "
            "customers_next_review WHERE next_review <= :horizon AND level <= :clearance "
            "AND status <> 'closed'",
            {"today": as_of.isoformat(), "hold": hold_before,
             "horizon": (as_of + datetime.timedelta(days=within)).isoformat(),
             "clearance": self._desk.access.clearance}).fetchone()
        return {"overdue": row[0], "due_soon": row[1], "hold": row[2]}

    # -- the review schedule (report) ------------------------------------------------------
    _VISIBLE_DUE = ("m.level <= ? AND m.status <> 'closed' AND c.name IS NOT NULL")

    def schedule_rows(self, where: str, params: list, columns: tuple[str, ...],
                      limit: int) -> list[dict]:
        """Visible files whose next review matches ``where`` (on ``next_review``), in due
        order, at most ``limit``, with ``columns`` as this user reads them."""
        where = where.replace("next_review", "m.next_review")
        rows = self._desk.db.execute(
            f"SELECT {', '.join('c.' + c for c in columns)} FROM main.customers m "
            f"INDEXED BY customers_next_review JOIN customers c ON c.id = m.id "
            f"WHERE {where} AND {self._VISIBLE_DUE} ORDER BY m.next_review, m.code "
            f"LIMIT {int(limit)}", [*params, self._desk.access.clearance]).fetchall()
        return [dict(zip(columns, r)) for r in rows]

    def schedule_count(self, where: str, params: list) -> int:
        where = where.replace("next_review", "m.next_review")
        return self._desk.db.execute(
            f"SELECT count(*) FROM main.customers m INDEXED BY customers_next_review "
            f"JOIN customers c ON c.id = m.id WHERE {where} AND {self._VISIBLE_DUE}",
            [*params, self._desk.access.clearance]).fetchone()[0]

    def schedule_per_day(self, first: str, last: str) -> dict[str, int]:
        return dict(self._desk.db.execute(
            f"SELECT m.next_review, count(*) FROM main.customers m "
            f"INDEXED BY customers_next_review JOIN customers c ON c.id = m.id "
            f"WHERE m.next_review BETWEEN ? AND ? AND {self._VISIBLE_DUE} GROUP BY m.next_review",
            [first, last, self._desk.access.clearance]).fetchall())

    def schedule_holds(self, last: str, on: datetime.date) -> int:
        """How many visible files due by ``last`` are on credit hold on ``on``."""
        from .grading.limits import hold_reasons
        days = self.policy().hold_days
        held = 0
        for limit, exposure, valid_until, due in self._desk.db.execute(
                f"SELECT c.credit_limit, c.exposure, c.grade_valid_until, c.next_review "
                f"FROM main.customers m INDEXED BY customers_next_review "
                f"JOIN customers c ON c.id = m.id WHERE m.next_review <= ? "
                f"AND {self._VISIBLE_DUE}", [last, self._desk.access.clearance]):
            if hold_reasons(limit, exposure or 0, valid_until, on, due, days):
                held += 1
        return held

    def state(self, code: str) -> dict:
        """One file's review standing (reads only): the next due date and why, days overdue,
        the cycle in force (the file's own months, else its risk level's), snoozes used, and
        whether the overdue review holds the file's credit."""
        customer_id = self._desk.customers.require_visible(code)
        policy = self.policy()
        state = self._state(customer_id)
        stored, cycle_reason, snoozes = self._desk.db.execute(
            "SELECT next_review, review_cycle_reason, review_snoozes FROM customers WHERE id = ?",
            [customer_id]).fetchone()
        due, reason = next_review(state, policy)
        due_text = stored or due.isoformat()
        overdue = (clock.today() - datetime.date.fromisoformat(due_text)).days
        risk_cycle = policy.cycles.get(state["risk_level"]) if state["risk_level"] else None
        return {"code": state["code"], "grade": state["grade"], "risk_level": state["risk_level"],
                "due_date": due_text, "reason": reason, "overdue_days": max(0, overdue),
                "base": state["review_base"], "own_cycle": state["review_cycle_months"],
                "cycle_reason": cycle_reason, "risk_cycle": risk_cycle,
                "cycle_months": state["review_cycle_months"] or risk_cycle,
                "snoozed_until": state["review_snoozed_until"], "snoozes": snoozes,
                "snooze_limit": policy.snooze_limit, "snooze_days": policy.snooze_days,
                "latest_snooze": latest_snooze(due, policy).isoformat(),
                "hold": review_holds(overdue, policy.hold_days)}

    def events(self, code: str) -> list[dict]:
        customer_id = self._desk.customers.require_visible(code)
        cursor = self._desk.db.execute("SELECT * FROM review_events WHERE customer_id = ? "
                                       "ORDER BY id", [customer_id])
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, r)) for r in cursor.fetchall()]

    def ics(self, rows: list[dict]) -> bytes:
        """An iCalendar file (RFC 5545): one all-day event per due review, named by code and
        grade only — no personal data leaves in a calendar.

        An overdue review is put on the day of the export, marked overdue, with its due date
        in the description: on its own past day nobody would see it. Its UID stays that of
        its due date, so a calendar given a later export moves the one event on."""
        import icalendar
        calendar = icalendar.Calendar()
        calendar.add("prodid", "-//custdesk//reviews//ZH")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        database = self._desk.settings.get("database_id") or "custdesk"
        stamp = clock.now()
        today = clock.today()
        for row in rows:
            due = datetime.date.fromisoformat(row["due_date"])
            overdue = due < today
            day = today if overdue else due
            grade = row["grade"] or i18n.tr("review.ics_unrated")
            event = icalendar.Event()
            event.add("uid", f"review-{row['code']}-{row['due_date']}@{database}")
            event.add("dtstamp", stamp)
            event.add("dtstart", day)
            event.add("dtend", day + datetime.timedelta(days=1))
            event.add("summary", i18n.tr("review.ics_overdue_summary" if overdue
                                         else "review.ics_summary", code=row["code"], grade=grade))
            if overdue:
                event.add("description", i18n.tr("review.ics_overdue_note", due=row["due_date"],
                                                 today=today.isoformat(),
                                                 days=(today - due).days))
                event.add("priority", 1)            # (RFC 5545: 1 is the highest)
            event.add("categories", ["custdesk", "overdue"] if overdue else ["custdesk"])
            calendar.add_component(event)
        return calendar.to_ical()
