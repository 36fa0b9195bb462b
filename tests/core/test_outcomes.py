"""Bad outcomes: detection at its edges, entered outcomes, the window setting, the
observations a scorecard is validated on, the migration matrix, and sealed files."""

from __future__ import annotations

import datetime

import pytest

from custdesk.core import clock
from custdesk.core.errors import AccessDenied, ValidationError
from custdesk.core.grading.scale import GRADES, notch
from custdesk.core.outcomes import ENTERED_KINDS, definition, kind_label
from tests.conftest import PASSWORDS
from tests.core import insider

STATEMENT = {"period": "2024", "revenue": "5000000", "net_profit": "400000", "ebit": "600000",
             "total_assets": "8000000", "current_assets": "3000000", "total_liabilities": "4000000",
             "current_liabilities": "2000000", "equity": "4000000", "retained_earnings": "1500000"}
DUE = datetime.date(2026, 1, 10)


def at(day: datetime.date) -> None:
    clock.set_fixed(datetime.datetime.combine(day, datetime.time(10),
                                              tzinfo=datetime.timezone.utc))


def days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


@pytest.fixture(autouse=True)
def _today():
    at(datetime.date(2026, 8, 31))


def new_file(desk, name: str = "杭州测试机械有限公司", **values) -> str:
    return desk.customers.add({"name": name, "kind": "enterprise", "founding_date": "2010-05-01",
                               **values}).code


def cid(desk, code: str) -> int:
    return desk.db.execute("SELECT id FROM main.customers WHERE code = ?", [code]).fetchone()[0]


def invoice(desk, code, ref="F1", amount="1000", due=DUE):
    desk.records.add(code, "transactions", {
        "kind": "invoice", "ref_no": ref, "amount": amount,
        "occurred_on": (due - days(30)).isoformat(), "due_date": due.isoformat()})


def payment(desk, code, on: datetime.date, amount="1000", ref: str | None = "F1"):
    values = {"kind": "payment", "amount": amount, "occurred_on": on.isoformat()}
    if ref:
        values["invoice_ref"] = ref
    desk.records.add(code, "transactions", values)


# -- detected from our invoices ------------------------------------------------------------
@pytest.mark.parametrize("after, bad", [(89, False), (90, False), (91, True)])
def test_an_invoice_paid_so_many_days_after_its_due_date(desk, after, bad):
    code = new_file(desk)
    invoice(desk, code)
    payment(desk, code, DUE + days(after))
    found = desk.outcomes.bad_dates()
    assert found.get(cid(desk, code)) == ((DUE + days(90), "invoice_overdue") if bad else None)


@pytest.mark.parametrize("age, bad", [(89, False), (90, True), (91, True)])
def test_an_unpaid_invoice_goes_bad_on_its_90th_day_past_due(desk, age, bad):
    code = new_file(desk)
    invoice(desk, code)
    found = desk.outcomes.bad_dates(as_of=DUE + days(age))
    assert found.get(cid(desk, code)) == ((DUE + days(90), "invoice_overdue") if bad else None)


def test_a_part_payment_leaves_it_open(desk):
    code = new_file(desk)
    invoice(desk, code)
    payment(desk, code, DUE + days(10), amount="999.99")
    assert desk.outcomes.bad_dates()[cid(desk, code)] == (DUE + days(90), "invoice_overdue")
    payment(desk, code, DUE + days(20), amount="0.01")
    assert desk.outcomes.bad_dates() == {}


def test_a_payment_naming_no_invoice_settles_the_oldest(desk):
    code = new_file(desk)
    invoice(desk, code, "F1", due=DUE)
    invoice(desk, code, "F2", due=DUE + days(30))
    payment(desk, code, DUE + days(5), ref=None)         # settles F1, the oldest
    (event,) = desk.outcomes.events()
    assert (event.ref, event.on, event.source) == ("F2", DUE + days(120), "detected")


def test_a_payment_entered_later_but_dated_in_time_counts(desk):
    """The ledger as it stood that day is what its rows are dated, not when typed in."""
    code = new_file(desk)
    invoice(desk, code)
    assert cid(desk, code) in desk.outcomes.bad_dates()
    payment(desk, code, DUE + days(30))
    assert desk.outcomes.bad_dates() == {}


def test_the_days_past_due_follow_the_setting(open_as):
    manager = open_as("manager")
    code = new_file(manager)
    invoice(manager, code)
    payment(manager, code, DUE + days(70))
    assert manager.outcomes.bad_dates() == {}
    manager.outcomes.set_window(overdue_days=60)
    assert manager.outcomes.bad_dates() == {cid(manager, code): (DUE + days(60),
                                                                 "invoice_overdue")}


# -- credit records and entered outcomes ------------------------------------------------------
def test_credit_records_overdue_90_days_or_more(desk):
    code = new_file(desk)
    for kind, overdue, on in (("overdue", 89, "2026-03-01"), ("loan", 200, "2026-02-01"),
                              ("overdue", 90, "2026-05-01"), ("overdue", 180, "2026-06-01")):
        desk.records.add(code, "credit_records", {"kind": kind, "occurred_on": on,
                                                  "overdue_days": overdue})
    assert desk.outcomes.bad_dates() == {cid(desk, code): (datetime.date(2026, 5, 1),
                                                           "credit_overdue")}
    assert desk.outcomes.bad_dates(as_of=datetime.date(2026, 4, 30)) == {}


@pytest.mark.parametrize("kind", ENTERED_KINDS)
def test_each_entered_kind_is_bad_on_its_date(desk, kind):
    code = new_file(desk)
    desk.records.add(code, "outcomes", {"kind": kind, "occurred_on": "2026-04-02",
                                        "reason": "实际控制人失联"})
    assert desk.outcomes.bad_dates() == {cid(desk, code): (datetime.date(2026, 4, 2), kind)}
    (event,) = desk.outcomes.events()
    assert (event.code, event.source, event.ref.startswith("outcomes#")) == (code, "entered", True)
    assert kind_label(kind)


def test_the_first_outcome_counts(desk):
    code = new_file(desk)
    invoice(desk, code)                                            # bad on DUE + 90
    desk.records.add(code, "outcomes", {"kind": "write_off", "occurred_on": "2026-07-01"})
    desk.records.add(code, "outcomes", {"kind": "judgement", "occurred_on": "2026-03-01"})
    assert desk.outcomes.bad_dates()[cid(desk, code)] == (datetime.date(2026, 3, 1), "judgement")
    assert [e.kind for e in desk.outcomes.events()] == ["judgement", "invoice_overdue",
                                                         "write_off"]


def test_an_outcome_marked_by_a_manager_needs_its_reason(desk):
    code = new_file(desk)
    with pytest.raises(ValidationError) as refused:
        desk.records.add(code, "outcomes", {"kind": "manager", "occurred_on": "2026-04-02"})
    assert refused.value.errors[0].field == "reason"
    with pytest.raises(ValidationError):
        desk.records.add(code, "outcomes", {"kind": "manager", "occurred_on": "2026-04-02",
                                            "reason": "   "})
    record = desk.records.add(code, "outcomes", {"kind": "manager", "occurred_on": "2026-04-02",
                                                 "reason": "主要资产被查封"}).id
    with pytest.raises(ValidationError):
        desk.records.update(code, "outcomes", record, {"reason": ""})
    # Another kind needs none, and an entered outcome is audited like every record.
    desk.records.add(code, "outcomes", {"kind": "write_off", "occurred_on": "2026-05-02"})
    added = [e for e in desk.audit.entries() if e["action"] == "record.add"
             and e["object"].startswith("outcomes#")]
    assert len(added) == 2


# -- the window ------------------------------------------------------------------------------
def test_the_window_is_a_managers_setting_and_audited(open_as):
    clerk, manager = open_as("clerk"), open_as("manager")
    assert (clerk.outcomes.window().months, clerk.outcomes.window().overdue_days) == (12, 90)
    with pytest.raises(AccessDenied):
        clerk.outcomes.set_window(months=18)
    for months, overdue in ((2, None), (37, None), (None, 29), (None, 181), ("十二", None)):
        with pytest.raises(ValidationError):
            manager.outcomes.set_window(months, overdue)
    manager.outcomes.set_window(months=18, overdue_days=60)
    assert (clerk.outcomes.window().months, clerk.outcomes.window().overdue_days) == (18, 60)
    entries = {e["object"]: e["summary"] for e in manager.audit.entries()
               if e["action"] == "settings.set"}
    assert entries["outcome.window_months"] == {"before": None, "after": "18"}
    assert entries["outcome.overdue_days"] == {"before": None, "after": "60"}
    assert "60" in definition(60) and "18" in manager.outcomes.window().text()


# -- grades and observations ------------------------------------------------------------------
def graded(open_as, code: str, day: datetime.date, adjust: int = 0) -> int:
    """An assessment of ``code`` made and approved on ``day``."""
    at(day)
    boss, reviewer = open_as("boss"), open_as("reviewer")
    made = boss.grading.assess(code, adjust=adjust, reason="实际表现" if adjust else "").id
    boss.grading.submit(made, missing_reason="资料待补")
    reviewer.grading.approve(made)
    return made


def assessable(desk, name: str) -> str:
    code = new_file(desk, name)
    desk.records.add(code, "financials", STATEMENT)
    return code


def test_approved_gives_each_grade_with_its_inputs(open_as):
    boss = open_as("boss")
    code = assessable(boss, "杭州一号有限公司")
    first = graded(open_as, code, datetime.date(2025, 3, 3))
    graded(open_as, code, datetime.date(2026, 2, 2))
    at(datetime.date(2026, 8, 31))
    items = boss.outcomes.approved()
    assert [(g.assessment_id, g.decided, g.code) for g in items][0] == \
        (first, datetime.date(2025, 3, 3), code)
    assert len(items) == 2
    item = items[0]
    assert item.scorecard_name == "enterprise-standard" and item.kind == "enterprise"
    assert item.grade in GRADES and item.computed_grade in GRADES and item.score is not None
    stored = boss.grading.get(first)["detail"]["factors"]
    assert set(item.inputs) == {f["input_key"] for f in stored}
    assert item.inputs["worst_overdue_days"] == 0
    assert boss.outcomes.approved(since=datetime.date(2025, 3, 4)) == items[1:]
    assert boss.outcomes.approved(until=datetime.date(2025, 3, 3)) == items[:1]


def test_observations_keep_what_is_known_and_say_what_was_left_out(open_as):
    boss = open_as("boss")
    g_old, g_new = datetime.date(2025, 1, 10), datetime.date(2026, 5, 1)
    files = {}
    for name, day, bad_on in (
            ("went_bad", g_old, "2025-06-01"),           # within the window: bad
            ("at_window_end", g_old, "2026-01-10"),      # on the window's last day: bad
            ("after_window", g_old, "2026-01-11"),       # after it: a good observation
            ("already_bad", g_old, "2025-01-10"),        # bad on the day of the grade
            ("good", g_old, None),                       # the whole window, never bad
            ("recent_bad", g_new, "2026-07-01"),         # window not over, but bad in it
            ("recent", g_new, None)):                    # window not over: left out
        code = assessable(boss, f"杭州{name.replace('_', ' ')}有限公司")
        files[name] = code
        graded(open_as, code, day)
        if bad_on:
            at(datetime.date.fromisoformat(bad_on))
            boss.records.add(code, "outcomes", {"kind": "write_off", "occurred_on": bad_on})
    at(datetime.date(2026, 8, 31))
    found = boss.outcomes.observations()
    by_code = {o.code: o for o in found}
    named = {name: by_code.get(code) for name, code in files.items()}
    assert named["already_bad"] is None and named["recent"] is None
    assert found.left_out == {"window": 1, "already_bad": 1}
    assert (named["went_bad"].bad, named["went_bad"].bad_on) == (True, datetime.date(2025, 6, 1))
    assert named["at_window_end"].bad and named["recent_bad"].bad
    assert named["recent_bad"].bad_kind == "write_off"
    assert not named["after_window"].bad and named["after_window"].bad_on is None
    assert not named["good"].bad
    assert found.bad_count == 3 and len(found) == 5 and found.window_months == 12
    with pytest.raises(ValidationError):
        boss.outcomes.observations(window_months=2)
    # A longer window: the later outcome falls in it; the grade of May is further from over.
    longer = boss.outcomes.observations(window_months=13)
    assert {o.code: o.bad for o in longer}[files["after_window"]] is True
    # Only one scorecard's grades; an unknown one has none.
    assert len(boss.outcomes.observations(scorecard="enterprise-standard")) == 5
    assert boss.outcomes.observations(scorecard="individual-standard") == []
    # One kind of customer: what is left out is counted among them alone.
    individuals = boss.outcomes.observations(kind="individual")
    assert individuals == [] and individuals.left_out == {"window": 0, "already_bad": 0}
    assert boss.outcomes.observations(kind="enterprise").left_out == found.left_out
    # As things stood a year earlier: the grade of January 2025 was still in its window.
    earlier = boss.outcomes.observations(as_of=datetime.date(2025, 8, 31))
    assert {o.code for o in earlier} == {files["went_bad"]}
    assert earlier.left_out == {"window": 3, "already_bad": 1}     # the later grades: not yet


def test_the_migration_matrix_of_a_small_firm(open_as):
    boss = open_as("boss")
    start, end = datetime.date(2025, 8, 31), datetime.date(2026, 8, 31)
    stay, down, bad, closed, new, old_bad = (assessable(boss, f"杭州{n}有限公司") for n in (
        "stay", "down", "bad", "closed", "new", "old bad"))
    first = {code: graded(open_as, code, start - days(40)) for code in
             (stay, down, bad, closed, old_bad)}
    graded(open_as, stay, start - days(5))                      # the latest before the start
    graded(open_as, down, start + days(60), adjust=-2)
    graded(open_as, new, start + days(10))                      # no grade at the start
    at(start - days(20))
    boss.records.add(old_bad, "outcomes", {"kind": "bankruptcy", "occurred_on": "2025-08-11"})
    at(start + days(100))
    boss.records.add(bad, "outcomes", {"kind": "judgement", "occurred_on": "2025-12-09"})
    boss.customers.edit(closed, {"status": "closed"})
    at(end)
    grade = boss.db.execute("SELECT grade FROM assessments WHERE id = ?",
                            [first[stay]]).fetchone()[0]
    matrix = boss.outcomes.migration(12)
    assert (matrix["start"], matrix["end"]) == (start, end)
    assert matrix["columns"] == [*GRADES, "bad", "none"]
    expected = {g: dict.fromkeys(matrix["columns"], 0) for g in GRADES}
    expected[grade][grade] += 1                                 # stay
    expected[grade][notch(grade, -2)] += 1                      # down two notches
    expected[grade]["bad"] += 1
    expected[grade]["none"] += 1                                # closed
    assert matrix["rows"] == expected
    assert matrix["total"] == 4 and matrix["left_out"] == {"already_bad": 1, "closed_before": 0}
    assert boss.outcomes.migration(12, kind="enterprise")["rows"] == expected
    individuals = boss.outcomes.migration(12, kind="individual")
    assert individuals["total"] == 0 and individuals["left_out"]["already_bad"] == 0


# -- sealed files ----------------------------------------------------------------------------
SEALED_REASON = "秘密客户的经理认定理由"


@pytest.mark.single_pc("reads the database file with the raw libraries")
def test_a_sealed_files_outcomes_are_not_in_the_file_and_count_only_for_those_cleared(
        open_as, db_path):
    boss = open_as("boss")
    secret = new_file(boss, "秘密往来有限公司", level="confidential")
    plain = new_file(boss, "普通往来有限公司")
    boss.records.add(secret, "outcomes", {"kind": "manager", "occurred_on": "2026-03-03",
                                          "reason": SEALED_REASON})
    invoice(boss, secret, ref="S1")
    boss.records.add(plain, "outcomes", {"kind": "write_off", "occurred_on": "2026-04-04"})
    boss.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn, _keys = insider.break_in(db_path, "clerk", PASSWORDS["clerk"])
    try:
        rows = conn.execute("SELECT kind, occurred_on, reason, sealed FROM outcomes "
                            "WHERE customer_id = ?", [cid(boss, secret)]).fetchall()
        assert rows and all(r[:3] == (None, None, None) and r[3] for r in rows)
        values = insider.everything(conn)
        assert not any(SEALED_REASON in str(v) for _t, _c, v in values)
        assert not any(isinstance(v, (bytes, memoryview)) and
                       SEALED_REASON.encode() in bytes(v) for _t, _c, v in values)
        plain_row = conn.execute("SELECT kind FROM outcomes WHERE customer_id = ?",
                                 [cid(boss, plain)]).fetchone()
        assert plain_row == ("write_off",)        # an internal file's stays readable to her
    finally:
        conn.close()
    clerk, reviewer = open_as("clerk"), open_as("reviewer")
    assert set(clerk.outcomes.bad_dates()) == {cid(boss, plain)}
    assert [e.code for e in clerk.outcomes.events()] == [plain]
    assert reviewer.outcomes.bad_dates() == {
        cid(boss, plain): (datetime.date(2026, 4, 4), "write_off"),
        cid(boss, secret): (datetime.date(2026, 3, 3), "manager")}
    assert {(e.code, e.kind) for e in reviewer.outcomes.events()} == {
        (plain, "write_off"), (secret, "manager"), (secret, "invoice_overdue")}
