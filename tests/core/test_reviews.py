"""Review cycles: month-end arithmetic, due lists, completion, snoozes, triggers, calendar."""

from __future__ import annotations

import calendar
import datetime

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from custdesk.core import clock
from custdesk.core.errors import AccessDenied, NotFound, ValidationError
from custdesk.core.reviews import Policy, add_months, next_review

POLICY = Policy({"high": 3, "medium": 6, "low": 12}, unrated_days=30, triggered_days=7,
                snooze_days=30, snooze_limit=2, hold_days=30)
STATEMENT = {"period": "2025", "revenue": "5000000", "net_profit": "400000", "ebit": "600000",
             "total_assets": "8000000", "current_assets": "3000000", "total_liabilities": "4000000",
             "current_liabilities": "2000000", "equity": "4000000", "retained_earnings": "1500000"}


def at(day: str) -> None:
    clock.set_fixed(datetime.datetime.fromisoformat(day + "T10:00:00+00:00"))


# -- arithmetic ----------------------------------------------------------------------------
@pytest.mark.parametrize("start, months, due", [
    ("2026-08-31", 6, "2027-02-28"), ("2027-08-31", 6, "2028-02-29"),   # leap year
    ("2024-02-29", 12, "2025-02-28"), ("2024-02-29", 48, "2028-02-29"),
    ("2026-11-30", 3, "2027-02-28"), ("2026-12-31", 3, "2027-03-31"),
    ("2026-01-31", 1, "2026-02-28"), ("2026-10-15", 3, "2027-01-15")])
def test_cycles_are_month_end_safe(start, months, due):
    assert add_months(datetime.date.fromisoformat(start), months).isoformat() == due


@given(st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2100, 12, 31)),
       st.sampled_from([1, 3, 6, 12, 24]))
def test_cycle_lands_in_the_right_month_on_the_same_or_last_day(start, months):
    due = add_months(start, months)
    assert (due.year * 12 + due.month) - (start.year * 12 + start.month) == months
    last = calendar.monthrange(due.year, due.month)[1]
    assert due.day == min(start.day, last)
    assert due > start


@given(st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2099, 12, 31)),
       st.sampled_from(["low", "medium", "high"]))
def test_next_review_follows_risk_level(approved, risk):
    state = {"created_at": "1999-01-01T00:00:00Z", "grade": "BB", "risk_level": risk,
             "review_base": approved.isoformat()}
    due, reason = next_review(state, POLICY)
    assert (due, reason) == (add_months(approved, POLICY.cycles[risk]), "periodic")
    months = {"high": 3, "medium": 6, "low": 12}[risk]
    assert due == add_months(approved, months)


def test_unrated_snoozed_and_triggered():
    unrated = {"created_at": "2026-11-22T01:00:00Z", "grade": None}
    assert next_review(unrated, POLICY) == (datetime.date(2026, 12, 22), "unrated")
    rated = {"created_at": "2025-01-01T00:00:00Z", "grade": "A", "risk_level": "low",
             "review_base": "2026-01-31"}
    assert next_review({**rated, "review_cycle_months": 1}, POLICY)[0] == datetime.date(2026, 2, 28)
    assert next_review({**rated, "review_snoozed_until": "2027-02-15"}, POLICY) == \
        (datetime.date(2027, 2, 15), "snoozed")
    assert next_review({**rated, "review_triggered_by": "2026-06-01"}, POLICY) == \
        (datetime.date(2026, 6, 1), "triggered")
    # A trigger later than the regular date changes nothing.
    assert next_review({**rated, "review_triggered_by": "2027-06-01"}, POLICY)[1] == "periodic"


# -- on a database ---------------------------------------------------------------------------
@pytest.fixture
def graded(open_as):
    """An enterprise approved on 2026-08-31 (medium or low risk per its score)."""
    at("2026-08-31")
    boss, reviewer = open_as("boss"), open_as("reviewer")
    code = boss.customers.add({"name": "杭州测试机械有限公司", "kind": "enterprise",
                               "founding_date": "2010-05-01", "status": "active"}).code
    boss.records.add(code, "financials", STATEMENT)
    new_id = boss.grading.assess(code).id
    boss.grading.submit(new_id, missing_reason="资料待补")
    reviewer.grading.approve(new_id)
    return code


def test_approval_starts_the_cycle_and_due_lists_answer_for_any_day(open_as, graded):
    boss = open_as("boss")
    risk = boss.grading.credit(graded)["risk_level"]
    due = add_months(datetime.date(2026, 8, 31), POLICY.cycles[risk]).isoformat()
    assert boss.db.execute("SELECT next_review FROM customers WHERE code = ?",
                           [graded]).fetchone()[0] == due
    assert [r["code"] for r in boss.reviews.due(14)] == []
    day_before = datetime.date.fromisoformat(due) - datetime.timedelta(days=14)
    rows = boss.reviews.due(14, day_before)
    assert [(r["code"], r["due_date"], r["overdue_days"], r["reason"]) for r in rows] == \
        [(graded, due, 0, "periodic")]
    later = datetime.date.fromisoformat(due) + datetime.timedelta(days=31)
    row = boss.reviews.due(0, later)[0]
    assert row["overdue_days"] == 31 and row["hold"] is True
    assert boss.reviews.due(0, later - datetime.timedelta(days=1))[0]["hold"] is False


def test_new_files_are_due_for_their_first_grading(open_as):
    at("2026-11-22")
    boss = open_as("boss")
    code = boss.customers.add({"name": "张伟", "kind": "individual"}).code
    row = boss.reviews.due(30)[0]
    assert (row["code"], row["due_date"], row["reason"]) == (code, "2026-12-22", "unrated")


def test_done_needs_a_reviewer_and_a_note_and_restarts_the_cycle(open_as, graded):
    boss, reviewer, clerk = open_as("boss"), open_as("reviewer"), open_as("clerk")
    at("2027-03-10")
    with pytest.raises(AccessDenied):
        clerk.reviews.done(graded, "看过了")
    with pytest.raises(ValidationError):
        reviewer.reviews.done(graded, " ")
    reviewer.reviews.done(graded, "经营正常，维持原评级")
    risk = boss.grading.credit(graded)["risk_level"]
    expected = add_months(datetime.date(2027, 3, 10), POLICY.cycles[risk]).isoformat()
    assert boss.db.execute("SELECT next_review FROM customers WHERE code = ?",
                           [graded]).fetchone()[0] == expected
    events = boss.reviews.events(graded)
    assert [e["event"] for e in events] == ["assessment", "done"]
    assert events[-1]["note"] == "经营正常，维持原评级" and events[-1]["due_after"] == expected


def test_snoozes_are_bounded_then_only_a_manager(open_as, graded):
    boss, clerk, manager = open_as("boss"), open_as("clerk"), open_as("manager")
    due = datetime.date.fromisoformat(boss.reviews.due(400)[0]["due_date"])
    plus = lambda days: (due + datetime.timedelta(days=days)).isoformat()  # noqa: E731
    with pytest.raises(ValidationError) as far:
        clerk.reviews.snooze(graded, plus(31), "客户出差")
    assert "30" in str(far.value)
    with pytest.raises(ValidationError):
        clerk.reviews.snooze(graded, plus(0), "客户出差")
    with pytest.raises(ValidationError):
        clerk.reviews.snooze(graded, "2000-01-01", "客户出差")
    with pytest.raises(ValidationError):
        clerk.reviews.snooze(graded, plus(10), "")
    clerk.reviews.snooze(graded, plus(30), "客户出差")
    clerk.reviews.snooze(graded, plus(40), "等年报")
    with pytest.raises(AccessDenied) as third:
        clerk.reviews.snooze(graded, plus(45), "再等等")
    assert "经理" in str(third.value)
    manager.reviews.snooze(graded, plus(50), "经理同意延期")
    row = boss.reviews.due(500)[0]
    assert (row["due_date"], row["reason"], row["snoozes"]) == (plus(50), "snoozed", 3)
    refused = boss.db.execute("SELECT count(*) FROM audit_log WHERE action = 'refused'").fetchone()[0]
    assert refused == 1


def test_a_review_done_clears_snoozes(open_as, graded):
    boss, reviewer = open_as("boss"), open_as("reviewer")
    due = datetime.date.fromisoformat(boss.reviews.due(400)[0]["due_date"])
    boss.reviews.snooze(graded, (due + datetime.timedelta(days=5)).isoformat(), "等资料")
    reviewer.reviews.done(graded, "资料已到，无变化")
    assert boss.reviews.due(400)[0]["snoozes"] == 0
    assert boss.reviews.due(400)[0]["reason"] == "periodic"


def test_policy_changes_move_every_due_date(open_as, graded):
    boss = open_as("boss")
    boss.reviews.set_policy({"review.cycle.low": "1", "review.cycle.medium": "1"})
    assert boss.reviews.due(400)[0]["due_date"] == "2026-09-30"
    with pytest.raises(ValidationError):
        boss.reviews.set_policy({"review.cycle.low": "0"})
    with pytest.raises(AccessDenied):
        open_as("clerk").reviews.set_policy({"review.cycle.low": "2"})


def test_own_cycle_for_one_file(open_as, graded):
    manager, clerk = open_as("manager"), open_as("clerk")
    with pytest.raises(AccessDenied):
        clerk.reviews.set_cycle(graded, 1, "重点客户")
    manager.reviews.set_cycle(graded, 1, "重点客户")
    assert manager.reviews.due(400)[0]["due_date"] == "2026-09-30"
    manager.reviews.set_cycle(graded, None, "恢复按风险等级")
    assert manager.reviews.due(400)[0]["due_date"] != "2026-09-30"


def test_ics_reads_back_with_a_standard_parser(open_as, graded):
    boss = open_as("boss")
    boss.customers.add({"name": "张伟", "kind": "individual", "phone": "13800138000"})
    rows = boss.reviews.due(400)
    data = boss.reviews.ics(rows)
    parsed = icalendar.Calendar.from_ical(data)
    events = list(parsed.walk("VEVENT"))
    assert len(events) == len(rows) == 2
    by_summary = {str(e["SUMMARY"]): e for e in events}
    grade = boss.grading.credit(graded)["grade"]
    event = by_summary[f"复审 {graded}（{grade}）"]
    due = next(r["due_date"] for r in rows if r["code"] == graded)
    assert event.decoded("DTSTART") == datetime.date.fromisoformat(due)
    assert event.decoded("DTEND") - event.decoded("DTSTART") == datetime.timedelta(days=1)
    assert len({str(e["UID"]) for e in events}) == 2
    text = data.decode("utf-8")
    assert "张伟" not in text and "13800138000" not in text and "杭州" not in text
    assert "\r\n" in text and data.startswith(b"BEGIN:VCALENDAR")


def test_counts_and_limits_for_the_home_page(open_as, graded):
    boss = open_as("boss")
    at("2026-08-31")
    for name in ("张伟", "李娜", "王芳"):
        boss.customers.add({"name": name, "kind": "individual"})
    as_of = datetime.date(2026, 10, 10)                 # unrated ones due 09-30: 10 days late
    assert boss.reviews.counts(14, as_of) == {"overdue": 3, "due_soon": 0, "hold": 0}
    assert boss.reviews.counts(14, datetime.date(2026, 11, 1)) == {"overdue": 3, "due_soon": 0,
                                                                    "hold": 3}
    assert len(boss.reviews.due(14, as_of, limit=2)) == 2
    assert boss.warnings.counts() == {"red": 0, "orange": 0, "yellow": 1}   # no licence on file


def test_one_files_state_for_its_review_tab(open_as, graded):
    boss, manager = open_as("boss"), open_as("manager")
    risk = boss.grading.credit(graded)["risk_level"]
    due = add_months(datetime.date(2026, 8, 31), POLICY.cycles[risk])
    state = boss.reviews.state(graded)
    assert (state["due_date"], state["reason"], state["overdue_days"]) == (due.isoformat(),
                                                                             "periodic", 0)
    assert (state["cycle_months"], state["own_cycle"], state["risk_cycle"]) == \
        (POLICY.cycles[risk], None, POLICY.cycles[risk])
    assert state["snoozes"] == 0 and state["snooze_limit"] == 2 and not state["hold"]
    assert state["latest_snooze"] == (due + datetime.timedelta(days=30)).isoformat()
    manager.reviews.set_cycle(graded, 1, "重点客户")
    state = boss.reviews.state(graded)
    assert (state["cycle_months"], state["own_cycle"], state["cycle_reason"]) == (1, 1, "重点客户")
    assert state["due_date"] == "2026-09-30"
    at("2026-11-15")                                    # 46 days late: past the 30 days of hold
    state = boss.reviews.state(graded)
    assert state["overdue_days"] == 46 and state["hold"]
    assert state["latest_snooze"] == "2026-12-15"       # 30 days from today, not from the due date
    with pytest.raises(ValidationError):                # a day already past is no snooze
        boss.reviews.snooze(graded, "2026-10-20", "客户出差")
    boss.reviews.snooze(graded, "2026-12-10", "客户出差")
    state = boss.reviews.state(graded)
    assert (state["due_date"], state["reason"], state["snoozes"]) == ("2026-12-10", "snoozed", 1)
    with pytest.raises(NotFound):
        open_as("clerk").reviews.state("C999999")


def test_a_late_review_may_be_put_off_from_today(open_as, graded):
    boss = open_as("boss")
    due = datetime.date.fromisoformat(boss.reviews.due(400)[0]["due_date"])
    late = due + datetime.timedelta(days=45)
    at(late.isoformat())
    with pytest.raises(ValidationError):
        boss.reviews.snooze(graded, (late + datetime.timedelta(days=31)).isoformat(), "客户出差")
    boss.reviews.snooze(graded, (late + datetime.timedelta(days=30)).isoformat(), "客户出差")
    assert boss.reviews.due(60)[0]["due_date"] == (late + datetime.timedelta(days=30)).isoformat()


def test_people_putting_a_review_off_at_once_cannot_pass_the_limit(open_as, graded):
    """The count is read and raised inside one write: three clerks at once, two pass."""
    import threading
    boss = open_as("boss")
    due = datetime.date.fromisoformat(boss.reviews.due(400)[0]["due_date"])
    desks = [open_as("clerk") for _ in range(3)]
    barrier = threading.Barrier(3)
    outcome = []

    def snooze(desk, days):
        barrier.wait()
        try:
            desk.reviews.snooze(graded, (due + datetime.timedelta(days=days)).isoformat(), "客户出差")
            outcome.append("ok")
        except AccessDenied:
            outcome.append("refused")           # the limit
        except ValidationError:
            outcome.append("too early")         # another's later date went first

    threads = [threading.Thread(target=snooze, args=(d, 10 + i)) for i, d in enumerate(desks)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    # Whatever the order, never more than the limit: the third is refused or too early.
    assert len(outcome) == 3 and outcome.count("ok") <= 2
    assert boss.reviews.state(graded)["snoozes"] == outcome.count("ok")


# -- credit hold: one grace for every risk level ---------------------------------------------
TIERS = {"low": ("AAA", "AA", "A"), "medium": ("BBB", "BB", "B"), "high": ("CCC", "CC", "C")}


def _approve_in_tier(open_as, code: str, tier: str) -> None:
    """Grade ``code`` today into ``tier`` (the assessor's adjustment, at most two notches,
    moves the computed grade there) and approve it."""
    from custdesk.core.grading.scale import GRADES
    boss, reviewer = open_as("boss"), open_as("reviewer")
    draft = boss.grading.assess(code).id
    computed = GRADES.index(boss.grading.get(draft)["computed_grade"])
    steps = min((computed - GRADES.index(g) for g in TIERS[tier]), key=abs)   # notches up
    assert abs(steps) <= 2, "the test statement grades too far from this tier"
    if steps:
        boss.grading.revise(draft, adjust=steps, reason="测试：定在该风险等级")
    boss.grading.submit(draft, missing_reason="资料待补")
    reviewer.grading.approve(draft)


@pytest.mark.parametrize("tier", ["low", "medium", "high"])
@pytest.mark.parametrize("approved", ["2026-08-31", "2026-11-30", "2027-01-31"])
def test_credit_holds_30_days_after_the_review_falls_due_at_every_risk_level(open_as, tier,
                                                                             approved):
    """Due day, the day after, the 30th day (last of the grace) and the 31st, from approvals
    on month ends; a low-risk file's 12-month grade ends the day its review falls due and
    holds no sooner than the review does."""
    at(approved)
    boss = open_as("boss")
    code = boss.customers.add({"name": "杭州测试机械有限公司", "kind": "enterprise",
                               "founding_date": "2010-05-01", "status": "active"}).code
    boss.records.add(code, "financials", STATEMENT)
    _approve_in_tier(open_as, code, tier)
    credit = boss.grading.credit(code)
    assert credit["risk_level"] == tier
    due = add_months(datetime.date.fromisoformat(approved), POLICY.cycles[tier])
    assert boss.reviews.state(code)["due_date"] == due.isoformat()
    valid_until = datetime.date.fromisoformat(credit["grade_valid_until"])
    assert valid_until == add_months(datetime.date.fromisoformat(approved), 12)

    def standing(day: datetime.date) -> tuple[bool, list[str], bool]:
        at(day.isoformat())
        credit = boss.grading.credit(code)
        return credit["hold"], credit["hold_reasons"], boss.reviews.state(code)["hold"]

    for late in (0, 1, 30):
        assert standing(due + datetime.timedelta(days=late)) == (False, [], False), late
    assert standing(due + datetime.timedelta(days=31)) == \
        (True, ["hold.expired", "hold.review_overdue"] if tier == "low"
         else ["hold.review_overdue"], True)
    # The grade's own last day: the same 30 days after it, whatever the review cycle.
    reviewer = open_as("reviewer")
    at(due.isoformat())
    reviewer.reviews.done(code, "经营正常，维持原评级")          # on time: only the grade ages
    hold, reasons, _ = standing(valid_until + datetime.timedelta(days=30))
    assert "hold.expired" not in reasons
    hold, reasons, _ = standing(valid_until + datetime.timedelta(days=31))
    assert hold and "hold.expired" in reasons


@pytest.mark.parametrize("approved", ["2024-02-29", "2025-08-31", "2026-01-31", "2026-12-31"])
@pytest.mark.parametrize("tier", ["low", "medium", "high"])
def test_the_hold_rule_counts_calendar_days_from_month_end_due_dates(approved, tier):
    from custdesk.core.grading.limits import hold_reasons
    state = {"created_at": "2020-01-01T00:00:00Z", "grade": TIERS[tier][0], "risk_level": tier,
             "review_base": approved}
    due, _ = next_review(state, POLICY)
    valid_until = add_months(datetime.date.fromisoformat(approved), 12).isoformat()
    for late, held in ((0, False), (1, False), (30, False), (31, True)):
        day = due + datetime.timedelta(days=late)
        reasons = hold_reasons(100, 0, valid_until, day, due.isoformat(), POLICY.hold_days)
        assert ("hold.review_overdue" in reasons) is held, (day, reasons)
        # The grade never holds before the review would: it ends on or after the due date.
        assert not ("hold.expired" in reasons and "hold.review_overdue" not in reasons)


def test_an_unrated_file_is_held_only_once_its_first_review_is_past_the_hold_days():
    from custdesk.core.grading.limits import hold_reasons
    unrated = {"created_at": "2026-01-31T01:00:00Z", "grade": None}
    due, reason = next_review(unrated, POLICY)
    assert reason == "unrated"
    for late, held in ((-1, False), (0, False), (30, False), (31, True)):
        day = due + datetime.timedelta(days=late)
        # No limit to exceed and no grade to expire, whatever is owed.
        reasons = hold_reasons(None, 75_260_300, None, day, due.isoformat(), POLICY.hold_days)
        assert reasons == (["hold.review_overdue"] if held else []), (late, reasons)
