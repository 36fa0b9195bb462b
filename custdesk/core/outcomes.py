"""Bad outcomes: what became of customers after they were graded.

A customer **goes bad** on the first day any of these happened:

1. **90+ days past due on our invoices** (detected, never entered): an invoice still open
   at the end of the day ``overdue_days`` (setting ``outcome.overdue_days``, default 90)
   after its due date (its invoice date when it has none). It goes bad on that day, due
   date + 90. "Open" is read from the ledger as it stood that day — every invoice and
   payment dated on or before it — settled as ``customers.exposure`` settles it (payments
   naming an invoice first, the rest to the oldest): a part payment leaves it open, and a
   payment on the 90th day itself is in time.
2. **Overdue elsewhere** (detected): a credit record of kind "overdue" whose
   ``overdue_days`` reach the same number, bad on its ``occurred_on``.
3. **Entered by hand** (an ``outcomes`` record, dated and audited like every record):
   90+ days past due reported to us (overdue_90), a write-off, a judgement against the
   customer, bankruptcy, or a manager's decision (manager) — which must say why.

Scorecards are validated against these outcomes: ``observations`` pairs every approved
assessment with whether its customer went bad within the **outcome window** (setting
``outcome.window_months``, default 12) after the grade. Everything here is read as the
user reads it: files above their clearance, and rows sealed above their keys (an outcome
is levelled with the credit records), are not counted.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import json
from collections import Counter
from dataclasses import dataclass, field, fields, replace

from . import clock, i18n
from .changes import Changes
from .customers.exposure import _key as invoice_key
from .customers.exposure import open_invoices
from .errors import FieldError, ValidationError
from .fields import choice_label
from .grading.scale import GRADES

i18n.register({
    "outcome.definition": (
        "不良结果指下列任一情形，以最早发生日为准：我方发票到期后 {days} 天仍未结清（到期日 + {days} 天"
        "为不良日，部分付款仍算未结清）；信用记录中逾期 {days} 天以上的逾期记录（以其发生日为准）；"
        "手工录入的不良结果：逾期 90 天以上、核销坏账、败诉判决、破产、经理认定（须写明理由）。",
        "A bad outcome is any of these, dated by the first to happen: one of our invoices still "
        "open {days} days after its due date (bad on the due date + {days} days; a part "
        "payment leaves it open); a credit record of an overdue of {days} days or more (bad "
        "on its date); an outcome entered by hand: 90+ days past due, written off, judgement "
        "against, bankruptcy, or marked bad by a manager (with the reason)."),
    "outcome.kind.invoice_overdue": ("我方发票逾期 {days} 天以上",
                                     "Our invoice {days}+ days past due"),
    "outcome.kind.credit_overdue": ("信用记录逾期 {days} 天以上",
                                    "Credit record: {days}+ days overdue"),
    "outcome.source.detected": ("系统识别", "detected"),
    "outcome.source.entered": ("手工录入", "entered"),
    "outcome.column.bad": ("转为不良", "Went bad"),
    "outcome.column.none": ("无评级（档案关闭）", "No grade (file closed)"),
    "outcome.left.window": ("观察期未满", "Window not over yet"),
    "outcome.left.already_bad": ("评级时已为不良", "Already bad when graded"),
    "outcome.manager_reason": ("经理认定的不良结果须写明理由",
                               "an outcome marked bad by a manager needs its reason"),
    "outcome.window_range": ("观察期须为 {low}–{high} 个月",
                             "the outcome window is {low} to {high} months"),
    "outcome.days_range": ("逾期认定天数须为 {low}–{high} 天",
                           "the days past due that make an outcome bad are {low} to {high}"),
    "outcome.window_text": ("观察期：评级后 {months} 个月；逾期认定：{days} 天",
                            "Outcome window: {months} months after the grade; bad when "
                            "{days} days past due"),
})

ENTERED_KINDS = ("overdue_90", "write_off", "judgement", "bankruptcy", "manager")
DETECTED_KINDS = ("invoice_overdue", "credit_overdue")
KINDS = DETECTED_KINDS + ENTERED_KINDS
SOURCES = ("detected", "entered")

SETTING_DEFAULTS = {"outcome.window_months": 12, "outcome.overdue_days": 90}
SETTING_RANGES = {"outcome.window_months": (3, 36), "outcome.overdue_days": (30, 180)}
_RANGE_MESSAGES = {"outcome.window_months": ("window_months", "outcome.window_range"),
                   "outcome.overdue_days": ("overdue_days", "outcome.days_range")}

# Migration matrix columns after the grades.
BAD, NONE = "bad", "none"
# Why an approved assessment is not an observation (``Observations.left_out``).
LEFT_OUT = ("window", "already_bad")
# Of two outcomes on one day, the one named first (entered facts before detected ones).
_ORDER = {kind: i for i, kind in enumerate(ENTERED_KINDS + DETECTED_KINDS)}


def kind_label(kind: str, days: int | None = None) -> str:
    """An outcome kind as people read it (detected kinds name the days past due)."""
    if kind in DETECTED_KINDS:
        return i18n.tr(f"outcome.kind.{kind}",
                       days=days or SETTING_DEFAULTS["outcome.overdue_days"])
    return choice_label(kind)


def source_label(source: str) -> str:
    return i18n.tr(f"outcome.source.{source}")


def column_label(column: str) -> str:
    """A migration matrix column: a grade, "bad" or "none"."""
    return column if column in GRADES else i18n.tr(f"outcome.column.{column}")


def definition(days: int | None = None) -> str:
    """What counts as bad, in a sentence for a page or a report."""
    return i18n.tr("outcome.definition", days=days or SETTING_DEFAULTS["outcome.overdue_days"])


def check_entry(values: dict) -> None:
    """An entered outcome that cannot stand: one a manager marks bad without saying why.
    (``RecordManager`` calls this with the record as it will be stored.)"""
    if values.get("kind") == "manager" and not str(values.get("reason") or "").strip():
        raise ValidationError(FieldError("reason", "outcome.manager_reason"))


@dataclass(frozen=True)
class Window:
    months: int               # outcome window after a grade
    overdue_days: int         # days past due that make an invoice (or credit record) bad

    def text(self) -> str:
        return i18n.tr("outcome.window_text", months=self.months, days=self.overdue_days)


@dataclass(frozen=True)
class Event:
    """One bad outcome of one customer."""
    customer_id: int
    code: str
    on: datetime.date
    kind: str                 # KINDS
    source: str               # "detected" or "entered"
    ref: str | None = None    # the invoice's number, or the record ("outcomes#12")


@dataclass(frozen=True)
class Graded:
    """One approved assessment: the grade a customer was given, and on what."""
    assessment_id: int
    decided: datetime.date    # the local day it was approved (the grade's date)
    customer_id: int
    code: str
    kind: str                 # individual or enterprise
    scorecard_name: str
    scorecard_version: int
    score: float | None
    grade: str | None
    computed_grade: str | None
    # {factor input_key: the input it was scored on}; None when the detail is sealed above
    # the reader (it quotes levelled records).
    inputs: dict | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Observation(Graded):
    """A graded customer whose outcome is known: bad within the window after the grade, or
    seen through the whole window without going bad."""
    bad: bool = False
    bad_on: datetime.date | None = None
    bad_kind: str | None = None


class Observations(list):
    """``observations``' answer: the observations, and what was left out and why."""

    def __init__(self, items, *, as_of: datetime.date, window_months: int,
                 left_out: dict[str, int]):
        super().__init__(items)
        self.as_of = as_of
        self.window_months = window_months
        self.left_out = left_out          # LEFT_OUT reason -> how many assessments

    @property
    def bad_count(self) -> int:
        return sum(1 for o in self if o.bad)


def _months(months) -> int:
    """An outcome window asked for, within the setting's range."""
    low, high = SETTING_RANGES["outcome.window_months"]
    text = str(months).strip()
    if not text.isdigit() or not low <= int(text) <= high:
        raise ValidationError(FieldError("window_months", "outcome.window_range",
                                         {"low": low, "high": high}))
    return int(text)


@functools.lru_cache(maxsize=4096)
def _add_months(day: datetime.date, months: int) -> datetime.date:
    """(Grades fall on a few hundred days: each day's window end is worked out once.)"""
    from .reviews import add_months
    return add_months(day, months)


_local_days: dict[str, datetime.date] = {}
_CHUNK = 2000         # assessments' details opened at a time


def _local_day(stamp: str) -> datetime.date:
    """The local calendar day of a stored UTC timestamp (cached by the minute: approvals
    come in bursts, and the offset does not change within a minute)."""
    minute = stamp[:16]
    day = _local_days.get(minute)
    if day is None:
        if len(_local_days) > 100_000:
            _local_days.clear()
        day = _local_days[minute] = clock.datetime_of(minute + ":00Z").astimezone().date()
    return day


class Outcomes:
    def __init__(self, desk):
        self._desk = desk

    # -- settings -------------------------------------------------------------------------
    def window(self) -> Window:
        get = self._desk.settings.get
        values = {}
        for key, default in SETTING_DEFAULTS.items():
            text = get(key)
            low, high = SETTING_RANGES[key]
            values[key] = int(text) if text and text.isdigit() and low <= int(text) <= high \
                else default
        return Window(values["outcome.window_months"], values["outcome.overdue_days"])

    def set_window(self, months: int | str | None = None,
                   overdue_days: int | str | None = None) -> Changes:
        """Change the outcome window and the days past due that make an outcome bad
        (managers and administrators: ``settings.manage``; each change is audited)."""
        desk = self._desk
        desk.access.require("settings.manage", i18n.tr("settings.manage"))
        wanted = {"outcome.window_months": months, "outcome.overdue_days": overdue_days}
        clean, errors = {}, []
        for key, raw in wanted.items():
            if raw is None:
                continue
            text = str(raw).strip()
            low, high = SETTING_RANGES[key]
            if not text.isdigit() or not low <= int(text) <= high:
                name, message = _RANGE_MESSAGES[key]
                errors.append(FieldError(name, message, {"low": low, "high": high}))
                continue
            clean[key] = int(text)
        if errors:
            raise ValidationError(errors)
        current = self.window()
        now = {"outcome.window_months": current.months,
               "outcome.overdue_days": current.overdue_days}
        clean = {k: v for k, v in clean.items() if v != now[k]}
        if not clean:
            return Changes()
        with desk.writing():
            for key, number in clean.items():
                desk.settings.set(key, str(number))
        return Changes.of("settings")

    # -- which files ----------------------------------------------------------------------
    def _visible(self) -> dict[int, str]:
        """id -> code of the files this user sees (at or below their clearance, and opened
        by their keys: a file sealed under a key they lack reads without its name)."""
        return dict(self._desk.db.execute(
            "SELECT id, code FROM customers WHERE level <= ? AND name IS NOT NULL",
            [self._desk.access.clearance]).fetchall())

    # -- bad outcomes ---------------------------------------------------------------------
    def events(self, as_of: datetime.date | None = None) -> list[Event]:
        """Every bad outcome up to ``as_of`` (default today) in the files the user sees:
        each invoice that went 90+ days past due, each qualifying credit record, each
        entered outcome; by customer code, then date."""
        found = self._events(as_of or clock.today(), self._visible(), first_only=False)
        return sorted(found, key=lambda e: (e.code, e.on, _ORDER[e.kind], e.ref or ""))

    def bad_dates(self, as_of: datetime.date | None = None
                  ) -> dict[int, tuple[datetime.date, str]]:
        """customer id -> (the day of their first bad outcome, its kind), up to ``as_of``
        (default today), over the files the user sees."""
        return self._first(self._events(as_of or clock.today(), self._visible(),
                                        first_only=True))

    @staticmethod
    def _first(events) -> dict[int, tuple[datetime.date, str]]:
        first: dict[int, tuple[datetime.date, str]] = {}
        for e in events:
            held = first.get(e.customer_id)
            if held is None or (e.on, _ORDER[e.kind]) < (held[0], _ORDER[held[1]]):
                first[e.customer_id] = (e.on, e.kind)
        return first

    def _events(self, as_of: datetime.date, visible: dict[int, str], *,
                first_only: bool) -> list[Event]:
        db = self._desk.db
        days = self.window().overdue_days
        clearance = self._desk.access.clearance
        today = as_of.isoformat()
        out: list[Event] = []
        # Entered outcomes and credit records: one query each.
        for cid, record_id, kind, on in db.execute(
                "SELECT customer_id, id, kind, occurred_on FROM outcomes "
                "WHERE customer_id IN (SELECT id FROM main.customers WHERE level <= ?) "
                "AND kind IS NOT NULL AND occurred_on <= ?", [clearance, today]):
            if cid in visible and kind in ENTERED_KINDS:
                out.append(Event(cid, visible[cid], datetime.date.fromisoformat(on), kind,
                                 "entered", f"outcomes#{record_id}"))
        for cid, record_id, on in db.execute(
                "SELECT customer_id, id, occurred_on FROM credit_records "
                "WHERE customer_id IN (SELECT id FROM main.customers WHERE level <= ?) "
                "AND kind = 'overdue' AND overdue_days >= ? AND occurred_on <= ?",
                [clearance, days, today]):
            if cid in visible:
                out.append(Event(cid, visible[cid], datetime.date.fromisoformat(on),
                                 "credit_overdue", "detected", f"credit_records#{record_id}"))
        # Our invoices: every file's transactions in one pass (in the table's order: asking
        # for the customers' order would walk the index once per file).
        cutoff = (as_of - datetime.timedelta(days=days)).isoformat()
        ledgers: dict[int, list[tuple]] = {}
        for row in db.execute(
                "SELECT customer_id, id, kind, occurred_on, due_date, amount, ref_no, invoice_ref "
                "FROM transactions WHERE +customer_id IN "
                "(SELECT id FROM main.customers WHERE level <= ?)", [clearance]):
            ledger = ledgers.get(row[0])
            if ledger is None:
                ledgers[row[0]] = [row]
            else:
                ledger.append(row)
        bad_day = _Shift(days)
        for cid, rows in ledgers.items():
            if cid not in visible:
                continue
            for ref, on in _late_invoices(rows, bad_day, cutoff, first_only):
                out.append(Event(cid, visible[cid], on, "invoice_overdue", "detected", ref))
        return out

    # -- grades ---------------------------------------------------------------------------
    def approved(self, since: datetime.date | None = None,
                 until: datetime.date | None = None) -> list[Graded]:
        """Every approved assessment of the files the user sees, decided between ``since``
        and ``until`` (local days, both included), oldest first."""
        return self._with_inputs(self._grades(since, until))

    def _grades(self, since: datetime.date | None = None, until: datetime.date | None = None,
                visible: dict[int, str] | None = None) -> list[Graded]:
        """``approved`` without the inputs (the detail is the costly part to open)."""
        visible = self._visible() if visible is None else visible
        out = []
        # A row below 秘密 keeps its score and grades in clear (only its detail may be
        # sealed on its own, in the vault): they are read from the table, not through the
        # view, which would open the vault once for each of them; a sealed row (or a value
        # not there in clear) is opened by the view.
        for (aid, cid, kind, name, version, score, grade, computed,
             decided_at) in self._desk.db.execute(
                "SELECT a.id, a.customer_id, c.kind, a.scorecard_name, a.scorecard_version, "
                "CASE WHEN m.sealed IS NULL AND m.score IS NOT NULL THEN m.score "
                "ELSE a.score END, "
                "CASE WHEN m.sealed IS NULL AND m.grade IS NOT NULL THEN m.grade "
                "ELSE a.grade END, "
                "CASE WHEN m.sealed IS NULL AND m.computed_grade IS NOT NULL "
                "THEN m.computed_grade ELSE a.computed_grade END, a.decided_at "
                "FROM assessments a JOIN main.assessments m ON m.id = a.id "
                "JOIN main.customers c ON c.id = a.customer_id "
                "WHERE a.status = 'approved' AND c.level <= ?", [self._desk.access.clearance]):
            if cid not in visible or not decided_at:
                continue
            day = _local_day(decided_at)
            if (since and day < since) or (until and day > until):
                continue
            out.append(Graded(aid, day, cid, visible[cid], kind, name, version, score, grade,
                              computed))
        out.sort(key=lambda g: (g.decided, g.assessment_id))
        return out

    def _inputs(self, ids: list[int]) -> dict[int, dict]:
        """assessment id -> {factor input_key: input} from the stored detail (left out when
        the detail is sealed above this session's keys)."""
        out = {}
        store = self._desk.store
        for start in range(0, len(ids), _CHUNK):
            for aid, factors in self._desk.db.execute(
                    "SELECT id, json_extract(detail, '$.factors') FROM assessments "
                    "WHERE id IN (SELECT value FROM json_each(?))",
                    [json.dumps(ids[start:start + _CHUNK])]):
                if factors:
                    out[aid] = {f["input_key"]: f.get("input") for f in json.loads(factors)
                                if f.get("input_key")}
            # The sealer keeps every value it opened from a vault (a detail is kilobytes):
            # dropped after each chunk, so that reading every grade takes no more memory
            # than reading a few thousand.
            store.forget()
        return out

    def _with_inputs(self, grades: list[Graded]) -> list[Graded]:
        found = self._inputs([g.assessment_id for g in grades])
        return [replace(g, inputs=found.get(g.assessment_id)) for g in grades]

    # -- validation data ------------------------------------------------------------------
    def grades(self, until: datetime.date | None = None) -> list[Graded]:
        """``approved`` up to ``until`` without the inputs: what ``observations`` and
        ``migration`` take when a caller asks both (``grading.evidence``), read once."""
        return self._grades(until=until)

    def inputs(self, ids: list[int]) -> dict[int, dict]:
        """assessment id -> its recorded inputs (left out when sealed above the reader)."""
        return self._inputs(ids)

    def observations(self, as_of: datetime.date | None = None,
                     window_months: int | None = None,
                     scorecard: str | None = None, *, kind: str | None = None,
                     grades: list[Graded] | None = None, bad: dict | None = None,
                     with_inputs: bool = True) -> Observations:
        """One observation per approved assessment whose outcome is known on ``as_of``
        (default today): graded on day g, the customer went bad within (g, g + window], or
        the whole window is over (g + window <= as_of) without it. Left out, and counted in
        ``left_out``: customers already bad on or before g ("already_bad"), and grades whose
        window is not over yet and who have not gone bad so far ("window").

        ``scorecard``: only assessments made with it ("name", or "name@version"); ``kind``:
        only customers of that kind (what is left out is counted among them alone).
        ``grades`` (``grades(as_of)``) and ``bad`` (``bad_dates(as_of)``): already read;
        ``with_inputs`` False leaves the recorded inputs unread (the costly part).
        """
        as_of = as_of or clock.today()
        months = self.window().months if window_months is None else _months(window_months)
        name, _, version = (scorecard or "").partition("@")
        if grades is None or bad is None:
            visible = self._visible()
            bad = self._first(self._events(as_of, visible, first_only=True)) \
                if bad is None else bad
            grades = self._grades(until=as_of, visible=visible) if grades is None else grades
        left = dict.fromkeys(LEFT_OUT, 0)
        kept = []
        for graded in grades:
            if kind and graded.kind != kind:
                continue
            if name and (graded.scorecard_name != name or
                         (version and str(graded.scorecard_version) != version)):
                continue
            g = graded.decided
            first = bad.get(graded.customer_id)
            if first is not None and first[0] <= g:
                left["already_bad"] += 1
                continue
            end = _add_months(g, months)
            went_bad = first is not None and first[0] <= end
            if not went_bad and end > as_of:
                left["window"] += 1
                continue
            kept.append((graded, first if went_bad else None))
        inputs = self._inputs([graded.assessment_id for graded, _ in kept]) if with_inputs \
            else {}
        items = []
        for graded, bad_one in kept:
            values = {f.name: getattr(graded, f.name) for f in fields(Graded)}
            values["inputs"] = inputs.get(graded.assessment_id)
            items.append(Observation(**values, bad=bad_one is not None,
                                     bad_on=bad_one and bad_one[0],
                                     bad_kind=bad_one and bad_one[1]))
        return Observations(items, as_of=as_of, window_months=months, left_out=left)

    def migration(self, months: int = 12, as_of: datetime.date | None = None, *,
                  kind: str | None = None, grades: list[Graded] | None = None,
                  bad: dict | None = None) -> dict:
        """The grade migration matrix over ``months`` up to ``as_of`` (default today), of
        the customers of ``kind`` (default all).

        Each customer holding a grade on the start day (their latest approved assessment
        decided on or before it) is counted once, in the row of that grade and the column
        of the grade they held on ``as_of``; "bad" when they went bad in between, "none"
        when their file was closed by then. Left out (and counted): customers already bad
        on the start day, and files closed by then.
        """
        as_of = as_of or clock.today()
        if not 1 <= int(months) <= 120:
            raise ValueError(f"a migration over {months} months")
        start = _add_months(as_of, -int(months))
        if grades is None or bad is None:
            visible = self._visible()
            bad = self._first(self._events(as_of, visible, first_only=True)) \
                if bad is None else bad
            grades = self._grades(until=as_of, visible=visible) if grades is None else grades
        held_start: dict[int, str] = {}
        held_end: dict[int, str] = {}
        for graded in grades:                   # oldest first: the last one holds
            if graded.grade not in GRADES or (kind and graded.kind != kind):
                continue
            if graded.decided <= start:
                held_start[graded.customer_id] = graded.grade
            held_end[graded.customer_id] = graded.grade
        closed = dict(self._desk.db.execute(
            "SELECT id, closed_on FROM main.customers WHERE status = 'closed' "
            "AND closed_on IS NOT NULL").fetchall())
        columns = [*GRADES, BAD, NONE]
        rows = {grade: dict.fromkeys(columns, 0) for grade in GRADES}
        left = {"already_bad": 0, "closed_before": 0}
        for cid, grade in held_start.items():
            first = bad.get(cid)
            if first is not None and first[0] <= start:
                left["already_bad"] += 1
                continue
            closed_on = closed.get(cid)
            if closed_on and closed_on <= start.isoformat():
                left["closed_before"] += 1
                continue
            if first is not None:
                column = BAD
            elif closed_on and closed_on <= as_of.isoformat():
                column = NONE
            else:
                column = held_end[cid]
            rows[grade][column] += 1
        return {"start": start, "end": as_of, "months": months, "grades": list(GRADES),
                "columns": columns, "rows": rows,
                "total": sum(sum(r.values()) for r in rows.values()), "left_out": left}


class _Shift(dict):
    """due date (ISO) -> (the day it goes bad, ISO and as a date): few distinct days."""

    def __init__(self, days: int):
        super().__init__()
        self.delta = datetime.timedelta(days=days)

    def __missing__(self, due: str) -> tuple[str, datetime.date]:
        day = datetime.date.fromisoformat(due) + self.delta
        self[due] = found = (day.isoformat(), day)
        return found


def _late_invoices(rows: list[tuple], bad_day: _Shift, cutoff: str,
                   first_only: bool) -> list[tuple[str | None, datetime.date]]:
    """(invoice number, bad day) of each of one customer's invoices still open the days past
    due after its due date, oldest first. ``rows``: (customer_id, id, kind, occurred_on,
    due_date, amount, ref_no, invoice_ref); ``cutoff``: the last due date that can have
    gone bad by the day asked about."""
    candidates, refs, named = [], [], {}
    for row in rows:
        if row[2] == "invoice":
            refs.append(row[6])
            if (row[4] or row[3] or "~") <= cutoff:
                candidates.append(row)
        elif row[2] == "payment":
            paid = named.get(row[7])
            if paid is None:
                named[row[7]] = [row]
            else:
                paid.append(row)
    if not candidates:
        return []
    # Most invoices are paid in full, in time, by payments naming them as they were written
    # (and naming no other invoice): settled, whatever else the ledger holds. Only the
    # others are settled as the ledger stood on their bad day (``exposure``).
    keys: Counter | None = None
    ledger = dates = None
    found = []
    candidates.sort(key=lambda r: (r[4] or r[3], r[1]))
    for row in candidates:
        day, bad_on = bad_day[row[4] or row[3]]
        if not row[3] or row[3] > day:
            continue                            # not on the ledger yet that day
        paid = named.get(row[6]) if row[6] else None
        if paid and sum(int(p[5] or 0) for p in paid if p[3] and p[3] <= day) >= int(row[5] or 0):
            if keys is None:
                keys = Counter(map(invoice_key, refs))
            if keys[invoice_key(row[6])] == 1:
                continue
        if ledger is None:
            ledger = sorted(({"id": r[1], "kind": r[2], "occurred_on": r[3], "due_date": r[4],
                              "amount": r[5], "ref_no": r[6], "invoice_ref": r[7]} for r in rows
                             if r[3]), key=lambda r: r["occurred_on"])
            dates = [r["occurred_on"] for r in ledger]
        that_day = ledger[:bisect.bisect_right(dates, day)]
        if any(inv.id == row[1] for inv in open_invoices(that_day)):
            found.append((row[6], bad_on))
            if first_only:
                break
    return found
