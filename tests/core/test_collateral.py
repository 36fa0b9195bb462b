"""Guarantees and collateral: cover arithmetic, the scorecard answer they give, the secured part
of the limit, their two warnings at their edges, and what a record may hold."""

from __future__ import annotations

import datetime

import pytest

from custdesk.core import clock, i18n
from custdesk.core.customers import collateral as col
from custdesk.core.errors import ValidationError
from custdesk.core.warnings import facts_text, item_facts_text

TODAY = datetime.date(2026, 8, 31)
STATEMENT = {"period": "2025", "revenue": "5000000", "net_profit": "400000", "ebit": "600000",
             "total_assets": "8000000", "current_assets": "3000000", "total_liabilities": "4000000",
             "current_liabilities": "2000000", "equity": "4000000", "retained_earnings": "1500000"}


def day(offset: int) -> str:
    return (TODAY + datetime.timedelta(days=offset)).isoformat()


@pytest.fixture(autouse=True)
def _today():
    clock.set_fixed(datetime.datetime(2026, 8, 31, 10, tzinfo=datetime.timezone.utc))


@pytest.fixture
def firm(desk) -> str:
    code = desk.customers.add({"name": "杭州测试机械有限公司", "kind": "enterprise",
                               "founding_date": "2010-05-01"}).code
    desk.records.add(code, "financials", STATEMENT)
    return code


@pytest.fixture
def person(desk) -> str:
    code = desk.customers.add({"name": "张伟", "kind": "individual",
                               "id_number": "11010519491231002X", "monthly_income": "20000",
                               "employment_start": "2015-03-01", "housing": "own"}).code
    desk.records.add(code, "financials", {"period": "2025", "income": "240000",
                                          "expenses": "150000", "assets": "1500000",
                                          "liabilities": "200000"})
    return code


def item(kind="real_estate", provider="厂房一处", value="100000", **more) -> dict:
    return {"kind": kind, "provider": provider, "value": value, **more}


def rules(desk, code: str, as_of: datetime.date = TODAY) -> dict:
    cid = desk.db.execute("SELECT id FROM customers WHERE code = ?", [code]).fetchone()[0]
    return {c["rule"]: c for c in desk.warnings.candidates(as_of, [cid])}


def severity(desk, code: str, rule: str, as_of: datetime.date = TODAY) -> str | None:
    found = rules(desk, code, as_of).get(rule)
    return found and found["severity"]


def approve(open_as, code: str, limit: str, answers: dict | None = None) -> int:
    boss, reviewer = open_as("boss"), open_as("reviewer")
    new_id = boss.grading.assess(code, answers=answers).id
    boss.grading.submit(new_id, missing_reason="资料待补")
    reviewer.grading.approve(new_id, limit, "测试额度")
    return new_id


# -- cover arithmetic ----------------------------------------------------------------------
def test_effective_cover_is_value_less_haircut_rounded_down_item_by_item():
    rows = [{"kind": "real_estate", "value": 100_001, "haircut": 30},      # 70,000.7 -> 70,000
            {"kind": "deposit", "value": 50_000, "haircut": None},         # no haircut: whole
            {"kind": "pledge", "value": 99_999, "haircut": 100}]           # worth nothing
    found = col.cover(rows, TODAY)
    assert [r["cover"] for r in found.in_force] == [70_000, 50_000, 0]
    assert found.cover == 120_000


@pytest.mark.parametrize("expires, counts, expiring", [
    (None, True, False), (day(-1), False, False), (day(0), True, True), (day(30), True, True),
    (day(31), True, False)])
def test_an_item_counts_through_its_expiry_day(expires, counts, expiring):
    found = col.cover([{"kind": "deposit", "value": 1000, "expires_on": expires}], TODAY)
    assert found.cover == (1000 if counts else 0)
    assert len(found.expired) == (0 if counts else 1)
    assert len(found.expiring) == (1 if expiring else 0)


def test_the_amount_secured_is_what_the_items_in_force_state_else_the_limit():
    stated = [{"kind": "guarantee", "value": 500, "secured_amount": 300},
              {"kind": "deposit", "value": 100, "secured_amount": 200},
              {"kind": "pledge", "value": 100},                                  # states none
              {"kind": "pledge", "value": 900, "secured_amount": 5000, "expires_on": day(-1)}]
    found = col.cover(stated, TODAY, limit=10_000)
    # The guarantee covers the 300 it secures; the pledge stating nothing covers in full.
    assert (found.secured, found.basis, found.cover, found.shortfall) == (500, "stated", 500, 0)
    assert [r["cover"] for r in found.in_force] == [300, 100, 100]
    assert found.full
    bare = [{"kind": "pledge", "value": 4000, "haircut": 50}]
    found = col.cover(bare, TODAY, limit=10_000)
    assert (found.secured, found.basis, found.shortfall) == (10_000, "limit", 8000)
    found = col.cover(bare, TODAY)
    assert (found.secured, found.basis, found.shortfall, found.full) == (None, "unknown", None,
                                                                         False)


def test_the_secured_part_of_the_limit_is_at_most_the_limit():
    found = col.cover([{"kind": "deposit", "value": 3000}], TODAY)
    assert found.secured_part(10_000) == (3000, 7000)
    assert found.secured_part(2000) == (2000, 0)
    assert found.secured_part(None) == (None, None)


def test_an_item_covers_no_more_than_the_amount_it_secures():
    """A house worth 1,000,000 mortgaged for 200,000: 200,000 of a 1,000,000 limit is
    secured, and its surplus does not make up another item's shortfall."""
    house = {"kind": "real_estate", "value": 1_000_000, "secured_amount": 200_000}
    found = col.cover([house], TODAY, limit=1_000_000)
    assert found.cover == 200_000 and found.secured_part(1_000_000) == (200_000, 800_000)
    short = {"kind": "pledge", "value": 100_000, "secured_amount": 500_000}
    found = col.cover([house, short], TODAY, limit=1_000_000)
    assert (found.secured, found.cover, found.shortfall) == (700_000, 300_000, 400_000)
    assert not found.full
    assert col.derived_answer("enterprise", found)[1] == "partial"


# -- the scorecard's answer ------------------------------------------------------------------
@pytest.mark.parametrize("rows, limit, enterprise, individual", [
    ([], 1000, None, None),                                               # no records: none made
    ([{"kind": "pledge", "value": 1000}], 1000, "secured", "strong"),     # covers in full
    ([{"kind": "pledge", "value": 999}], 1000, "partial", "some"),
    ([{"kind": "pledge", "value": 500}], None, "partial", "some"),        # amount unknown
    ([{"kind": "pledge", "value": 5000, "expires_on": day(-1)}], 1000, "unsecured", "none"),
    ([{"kind": "guarantee", "value": 0}], 1000, "unsecured", "some"),     # a guarantor at least
])
def test_the_answer_the_records_give(rows, limit, enterprise, individual):
    found = col.cover(rows, TODAY, limit)
    assert (col.derived_answer("enterprise", found) or (None, None))[1] == enterprise
    assert (col.derived_answer("individual", found) or (None, None))[1] == individual


def test_an_assessment_scores_the_derived_answer_and_explains_it(desk, firm):
    desk.records.add(firm, "collateral", item(value="600000", haircut="50",
                                              secured_amount="300000"))
    desk.records.add(firm, "collateral", item("deposit", "保证金", "90000",
                                              expires_on=day(-5)))     # expired: not counted
    result = desk.grading.evaluate(firm)
    assert "collateral" not in result["answers"]              # not the assessor's answer
    factors = {f["key"]: f for f in result["detail"]["factors"]}
    assert factors["collateral"]["input"] == "secured" and factors["collateral"]["points"] == 6
    derived = result["detail"]["derived"]["collateral"]
    assert derived == {"value": "secured", "used": True, "count": 1, "expired": 1,
                       "cover": 30_000_000, "secured": 30_000_000, "basis": "stated"}
    shown = {f["key"]: f for f in desk.grading.get(desk.grading.assess(firm).id)["detail"]["factors"]}
    assert shown["collateral"]["shown"] == "足额抵押或保证"
    assert shown["collateral"]["trace"] == (
        "按担保与抵押记录得出：在押 1 项，有效担保 ¥300,000.00，担保债权 ¥300,000.00（各项约定之和）"
        "；已到期 1 项不计")
    with i18n.using("en"):
        assert desk.grading.get(desk.grading.open_assessment(firm)["id"])["detail"]["factors"][
            [f["key"] for f in result["detail"]["factors"]].index("collateral")]["trace"] == (
            "From the collateral records: items in force: 1, effective cover ¥300,000.00, amount "
            "secured ¥300,000.00 (as the items state); expired, not counted: 1")


def test_the_assessors_own_answer_wins_and_the_derived_one_is_kept(desk, firm):
    desk.records.add(firm, "collateral", item(value="100000", secured_amount="300000"))
    new_id = desk.grading.assess(firm, answers={"collateral": "secured"}).id
    got = desk.grading.get(new_id)
    assert got["answers"]["collateral"] == "secured"
    factor = next(f for f in got["detail"]["factors"] if f["key"] == "collateral")
    assert factor["input"] == "secured"
    assert got["detail"]["derived"]["collateral"]["value"] == "partial"
    assert got["detail"]["derived"]["collateral"]["used"] is False
    assert factor["trace"].startswith("评估人选择了此项；按担保与抵押记录应为“部分担保”")
    # Revising the draft after the records changed reads them again; the answer still wins.
    desk.records.add(firm, "collateral", item("deposit", "保证金", "250000"))
    desk.grading.revise(new_id)
    assert desk.grading.get(new_id)["detail"]["derived"]["collateral"]["value"] == "secured"


def test_without_records_nothing_is_derived(desk, firm):
    result = desk.grading.evaluate(firm)
    assert result["detail"]["derived"] == {}
    factor = next(f for f in result["detail"]["factors"] if f["key"] == "collateral")
    assert factor["input"] is None


def test_a_persons_guarantor_answer(desk, person):
    desk.records.add(person, "collateral", item("guarantee", "李强（父亲）", "50000",
                                                secured_amount="200000"))
    factor = next(f for f in desk.grading.evaluate(person)["detail"]["factors"]
                  if f["key"] == "guarantor")
    assert factor["input"] == "some"
    desk.records.add(person, "collateral", item("real_estate", "住房一套", "400000", haircut="40"))
    factor = next(f for f in desk.grading.evaluate(person)["detail"]["factors"]
                  if f["key"] == "guarantor")
    assert factor["input"] == "strong"          # 50,000 + 240,000 covers the 200,000 secured


# -- the secured part of the limit ---------------------------------------------------------
def test_the_standing_shows_the_secured_and_unsecured_parts(open_as, firm):
    desk = open_as("boss")
    assert desk.grading.credit(firm)["secured"] is None          # no limit yet
    approve(open_as, firm, "100000")
    desk.records.add(firm, "collateral", item(value="80000", haircut="25"))
    credit = desk.grading.credit(firm)
    assert (credit["secured"], credit["unsecured"]) == (6_000_000, 4_000_000)
    desk.records.add(firm, "collateral", item("deposit", "保证金", "90000"))
    credit = desk.grading.credit(firm)
    assert (credit["secured"], credit["unsecured"]) == (10_000_000, 0)    # at most the limit


def test_a_reader_not_cleared_to_the_records_sees_no_secured_part(open_as, firm):
    boss = open_as("boss")
    approve(open_as, firm, "100000")
    boss.records.add(firm, "collateral", item(value="50000", secured_amount="100000"))
    assert severity(boss, firm, "collateral_shortfall") == "orange"
    boss.settings.set_field_level("financials", "confidential")
    clerk = open_as("clerk")
    credit = clerk.grading.credit(firm)
    assert credit["secured"] is None and credit["collateral_withheld"]
    # Rows she cannot open are not read as worth nothing: no warning of hers, and the open
    # one stays as it is.
    assert "collateral_shortfall" not in rules(clerk, firm)
    clerk.warnings.evaluate(TODAY)
    (open_one,) = [w for w in boss.warnings.list(code=firm, open_only=True)
                   if w["rule"] == "collateral_shortfall"]
    assert open_one["status"] == "open"


# -- warnings -------------------------------------------------------------------------------
@pytest.mark.parametrize("expires, owed, expected", [
    (day(31), True, None), (day(30), False, "yellow"), (day(0), False, "yellow"),
    (day(-1), True, "orange"), (day(-1), False, None)])
def test_collateral_expiry_edges(desk, firm, expires, owed, expected):
    if owed:
        desk.records.add(firm, "transactions", {"kind": "invoice", "ref_no": "F1",
                                                "amount": "1000", "occurred_on": day(-10),
                                                "due_date": day(50)})
    desk.records.add(firm, "collateral", item(valued_on=day(-400), expires_on=expires))
    assert severity(desk, firm, "collateral_expiry") == expected


@pytest.mark.parametrize("value, expected", [("100000", None), ("99999.99", "orange"),
                                             ("50000", "orange"), ("49999.99", "red")])
def test_collateral_shortfall_edges(desk, firm, value, expected):
    desk.records.add(firm, "collateral", item(value=value, secured_amount="100000"))
    assert severity(desk, firm, "collateral_shortfall") == expected


def test_the_shortfall_counts_the_haircut_and_falls_back_on_the_limit(open_as, firm):
    desk = open_as("boss")
    desk.records.add(firm, "collateral", item(value="150000", haircut="40"))   # cover 90,000
    assert "collateral_shortfall" not in rules(desk, firm)      # no amount secured known
    approve(open_as, firm, "100000")
    found = rules(desk, firm)["collateral_shortfall"]
    assert found["severity"] == "orange"
    rows = desk.records.raw(firm, "collateral")
    python = col.cover(rows, TODAY, desk.grading.credit(firm)["credit_limit"])
    import json
    facts = json.loads(found["facts"])
    assert (facts["value"], facts["secured_amount"], facts["basis"]) == \
        (python.cover, python.secured, python.basis) == (9_000_000, 10_000_000, "limit")
    assert facts["covered"] == 90


def test_a_surplus_does_not_make_up_another_items_shortfall(desk, firm):
    """The warning and the file's figures count each item up to the amount it secures."""
    import json
    desk.records.add(firm, "collateral", item(value="1000000", secured_amount="200000"))
    assert "collateral_shortfall" not in rules(desk, firm)
    desk.records.add(firm, "collateral", item("pledge", "存货", "100000",
                                              secured_amount="500000"))
    found = rules(desk, firm)["collateral_shortfall"]
    python = col.cover(desk.records.raw(firm, "collateral"), TODAY)
    facts = json.loads(found["facts"])
    assert (facts["value"], facts["secured_amount"]) == (python.cover, python.secured) == \
        (30_000_000, 70_000_000)
    assert found["severity"] == "red" and facts["covered"] == 42


def test_a_new_limit_rechecks_the_shortfall_against_it(open_as, firm):
    boss, reviewer = open_as("boss"), open_as("reviewer")
    approve(open_as, firm, "100000")
    boss.records.add(firm, "collateral", item(value="100000"))          # covers the limit
    assert not [w for w in boss.warnings.list(code=firm) if w["rule"] == "collateral_shortfall"]
    change = boss.grading.request_limit(firm, "150000", "交易增长").id
    reviewer.grading.decide_limit(change, True)
    (warning,) = [w for w in boss.warnings.list(code=firm) if w["rule"] == "collateral_shortfall"]
    assert warning["severity"] == "orange" and "覆盖 66%" in item_facts_text(warning)


def test_warnings_follow_the_records_as_they_change(desk, firm):
    record_id = desk.records.add(firm, "collateral", item(value="40000",
                                                          secured_amount="100000")).id
    (warning,) = [w for w in desk.warnings.list(code=firm, open_only=True)
                  if w["rule"] == "collateral_shortfall"]
    assert warning["severity"] == "red"
    text = item_facts_text(warning)
    assert "***" in text and "40,000" not in text and "覆盖 40%" in text   # masked as the record
    desk.records.update(firm, "collateral", record_id, {"value": "60000"})
    (warning,) = [w for w in desk.warnings.list(code=firm, open_only=True)
                  if w["rule"] == "collateral_shortfall"]
    assert warning["severity"] == "orange"
    desk.records.update(firm, "collateral", record_id, {"value": "100000"})
    assert not [w for w in desk.warnings.list(code=firm, open_only=True)
                if w["rule"] == "collateral_shortfall"]


def test_the_daily_check_raises_and_escalates_the_expiry_as_the_days_pass(open_as, firm):
    boss = open_as("boss")
    boss.records.add(firm, "transactions", {"kind": "invoice", "ref_no": "F1", "amount": "1000",
                                            "occurred_on": day(-10), "due_date": day(200)})
    boss.records.add(firm, "collateral", item("guarantee", "王建国", "50000",
                                              expires_on=day(40)))

    def expiry(desk):
        return [(w["severity"], w["raised_on"]) for w in desk.warnings.list(open_only=True)
                if w["rule"] == "collateral_expiry"]
    assert expiry(boss) == []                              # 40 days ahead: nothing yet
    clock.set_fixed(datetime.datetime(2026, 9, 10, 9, tzinfo=datetime.timezone.utc))
    assert expiry(open_as("clerk")) == [("yellow", "2026-09-10")]     # the day's first login
    clock.set_fixed(datetime.datetime(2026, 10, 11, 9, tzinfo=datetime.timezone.utc))
    later = open_as("reviewer")
    assert expiry(later) == [("orange", "2026-09-10")]     # expired while still owed
    (warning,) = [w for w in later.warnings.list(open_only=True)
                  if w["rule"] == "collateral_expiry"]
    assert item_facts_text(warning) == \
        "保证担保（***，价值 ***）已于 2026-10-10 到期，应收余额 ¥1,000.00"


@pytest.mark.parametrize("rule, facts, zh, en", [
    ("collateral_expiry", {"kind": "real_estate", "provider": "厂房一处", "value": 10_000_000,
                           "expires_on": "2026-09-15", "owed": 0},
     "不动产抵押（厂房一处，价值 ¥100,000.00）将于 2026-09-15 到期",
     "Real-estate mortgage (厂房一处, value ¥100,000.00) expires on 2026-09-15"),
    ("collateral_expiry", {"kind": "guarantee", "provider": "***", "value": "***",
                           "expires_on": "2026-08-01", "owed": 120_000},
     "保证担保（***，价值 ***）已于 2026-08-01 到期，应收余额 ¥1,200.00",
     "Guarantee (***, value ***) expired on 2026-08-01; ¥1,200.00 still owed"),
    ("collateral_shortfall", {"value": 4_000_000, "secured_amount": 10_000_000,
                              "basis": "limit", "covered": 40},
     "有效担保 ¥40,000.00，担保债权 ¥100,000.00（按授信额度），覆盖 40%",
     "Effective cover ¥40,000.00 against ¥100,000.00 secured (the credit limit): 40% covered"),
])
def test_collateral_facts_read_in_both_languages(rule, facts, zh, en):
    assert facts_text(rule, facts) == zh
    with i18n.using("en"):
        assert facts_text(rule, facts) == en
    assert facts_text(rule, None)


# -- validation -----------------------------------------------------------------------------
@pytest.mark.parametrize("values, field, zh", [
    ({"haircut": "101"}, "haircut", "折扣率应在 0 到 100 之间（百分比）"),
    ({"valued_on": day(1)}, "valued_on", "评估日期不能晚于今天（2026-08-31）"),
    ({"valued_on": day(-10), "expires_on": day(-10)}, "expires_on",
     "到期日应晚于评估日期（2026-08-21）"),
])
def test_a_record_that_cannot_be_right_is_refused(desk, firm, values, field, zh):
    with pytest.raises(ValidationError) as refused:
        desk.records.add(firm, "collateral", item(**values))
    (error,) = refused.value.errors
    assert error.field == field and error.message == zh
    with i18n.using("en"):
        assert error.message.isascii()
    assert desk.records.raw(firm, "collateral") == []


def test_an_edit_is_checked_against_the_stored_record(desk, firm):
    record_id = desk.records.add(firm, "collateral", item(valued_on=day(-100),
                                                          expires_on=day(200))).id
    with pytest.raises(ValidationError):
        desk.records.update(firm, "collateral", record_id, {"expires_on": day(-100)})
    desk.records.update(firm, "collateral", record_id, {"haircut": "100"})
    assert desk.records.raw(firm, "collateral")[0]["haircut"] == 100
