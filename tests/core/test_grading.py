"""Assessments on a real database: the workflow, four eyes, immutability, limits and hold."""

from __future__ import annotations

import datetime
import json

import pytest

from custdesk.core import clock
from custdesk.core.errors import AccessDenied, Conflict, NotFound, ValidationError
from custdesk.core.grading.scorecard import MissingInputs, ScorecardError
from custdesk.core.grading.scorecards import copy_source

STATEMENT_2025 = {"period": "2025", "revenue": "5000000", "net_profit": "400000", "ebit": "600000",
                  "total_assets": "8000000", "current_assets": "3000000",
                  "total_liabilities": "4000000", "current_liabilities": "2000000",
                  "equity": "4000000", "retained_earnings": "1500000"}


GAP = "定性项待尽调后补充"          # the assessor's reason for submitting with inputs missing


@pytest.fixture(autouse=True)
def _today():
    clock.set_fixed(datetime.datetime(2026, 8, 31, 10, 0, tzinfo=datetime.timezone.utc))


@pytest.fixture
def firm(desk) -> str:
    """An enterprise with two years of statements and some business with us."""
    code = desk.customers.add({"name": "杭州测试机械有限公司", "kind": "enterprise",
                               "founding_date": "2010-05-01"}).code
    desk.records.add(code, "financials", STATEMENT_2025)
    desk.records.add(code, "financials", {"period": "2024", "revenue": "4500000"})
    desk.records.add(code, "transactions", {"kind": "invoice", "ref_no": "F1",
                                            "occurred_on": "2026-07-01", "due_date": "2026-09-30",
                                            "amount": "120000"})
    return code


@pytest.fixture
def person(desk) -> str:
    code = desk.customers.add({"name": "张伟", "kind": "individual",
                               "id_number": "11010519491231002X", "employment_start": "2015-03-01",
                               "housing": "own", "monthly_income": "20000"}).code
    desk.records.add(code, "financials", {"period": "2025", "income": "240000", "expenses": "150000",
                                          "assets": "1500000", "liabilities": "200000"})
    return code


def test_assess_stores_every_input_points_and_trace(desk, firm):
    changes = desk.grading.assess(firm, answers={"management": "sound", "collateral": "partial"})
    item = desk.grading.get(changes.id)
    assert item["status"] == "draft" and item["assessor"] == "boss"
    assert (item["scorecard_name"], item["scorecard_version"]) == ("enterprise-standard", 2)
    factors = {f["key"]: f for f in item["detail"]["factors"]}
    assert factors["debt_ratio"]["input"] == 0.5 and factors["debt_ratio"]["points"] == 6
    assert factors["debt_ratio"]["rule_shown"] == "≤ 55.0%"          # the unit of the value
    # No industry on file: Z'' (2.99, safe) and Z' (1.53, grey) could apply; the worse counts.
    assert factors["altman"]["input"] == "grey" and factors["altman"]["shown"] == "灰色区"
    assert "Z''" in factors["altman"]["trace"] and "Z'" in factors["altman"]["trace"]
    assert factors["management"]["shown"] == "良好"
    assert factors["industry_outlook"]["rule"] == "missing"
    assert factors["industry_outlook"]["points"] == 0                 # its worst answer
    assert item["incomplete"] is True
    assert [m["key"] for m in item["missing"]] == ["industry_outlook"]
    assert sum(f["points"] for f in factors.values()) == item["score"]
    dims = item["detail"]["dimensions"]
    assert sum(d["points"] for d in dims.values()) == item["score"]
    assert item["grade"] == item["computed_grade"]
    # 4,000,000 equity × 0.2 = 800,000 vs 3 × 10,000/month = 30,000 (A) -> the lesser
    assert item["recommended_limit"] > 0
    entry = desk.db.execute("SELECT summary FROM audit_log WHERE action = 'assessment.create'").fetchone()
    assert json.loads(entry[0])["grade"] == item["grade"]


def test_adjustment_is_bounded_and_needs_a_reason(desk, firm):
    with pytest.raises(ValidationError) as err:
        desk.grading.assess(firm, adjust=1)
    assert "理由" in str(err.value)
    with pytest.raises(ValidationError):
        desk.grading.assess(firm, adjust=3, reason="太好了")
    item = desk.grading.get(desk.grading.assess(firm, adjust=-2, reason="行业下行，担保人变更").id)
    from custdesk.core.grading.scale import notch
    assert item["grade"] == notch(item["computed_grade"], -2)
    assert item["adjustment_reason"] == "行业下行，担保人变更"


def test_bad_answers_are_refused(desk, firm):
    with pytest.raises(ValidationError) as err:
        desk.grading.assess(firm, answers={"management": "superb"})
    assert "superb" in str(err.value)
    with pytest.raises(ValidationError):
        desk.grading.assess(firm, answers={"guarantor": "strong"})    # an individual's factor


def test_no_balance_sheet_no_grade(desk):
    code = desk.customers.add({"name": "新开户企业有限公司", "kind": "enterprise"}).code
    with pytest.raises(MissingInputs) as err:
        desk.grading.assess(code)
    assert "资产负债率" in str(err.value)
    assert desk.grading.list(code) == []


def test_individual_assessment(desk, person):
    item = desk.grading.get(desk.grading.assess(person, answers={"guarantor": "some"}).id)
    factors = {f["key"]: f for f in item["detail"]["factors"]}
    assert factors["age_band"]["input"] == "65_plus"
    assert factors["housing"]["points"] == 8
    assert factors["debt_to_income"]["input"] == round(200000 / 240000, 2)
    assert item["scorecard_name"] == "individual-standard"
    assert item["recommended_limit"] <= 6 * 20000_00


def test_four_eyes_and_the_full_workflow(open_as, firm):
    boss, reviewer, clerk = open_as("boss"), open_as("reviewer"), open_as("clerk")
    new_id = boss.grading.assess(firm).id
    with pytest.raises(Conflict):                        # a draft cannot be decided
        reviewer.grading.approve(new_id)
    with pytest.raises(AccessDenied):                    # only the assessor submits
        clerk.grading.submit(new_id, missing_reason=GAP)
    boss.grading.submit(new_id, missing_reason=GAP)
    with pytest.raises(AccessDenied) as own:
        boss.grading.approve(new_id)
    assert "四眼" in str(own.value)
    with pytest.raises(AccessDenied):                    # a clerk may not decide at all
        clerk.grading.approve(new_id)
    with pytest.raises(ValidationError) as no_reason:     # above the recommendation
        reviewer.grading.approve(new_id, "250000")
    assert "理由" in str(no_reason.value)
    changes = reviewer.grading.approve(new_id, "250000", "有足额银行保函")
    assert "customers" in changes and "grading" in changes
    item = reviewer.grading.get(new_id)
    assert item["status"] == "approved" and item["decided_by"] == "reviewer"
    assert item["approved_limit"] == 250000_00 and item["decision_reason"] == "有足额银行保函"
    assert item["valid_until"] == "2027-08-31"
    standing = reviewer.grading.credit(firm)
    assert standing["grade"] == item["grade"] and standing["credit_limit"] == 250000_00
    assert standing["graded_on"] == "2026-08-31"
    assert standing["exposure"] == 120000_00 and standing["utilisation"] == 0.48
    assert standing["hold"] is False
    with pytest.raises(Conflict):                        # approving twice
        reviewer.grading.approve(new_id)
    refused = [json.loads(r[0]) for r in boss.db.execute(
        "SELECT summary FROM audit_log WHERE action = 'refused' ORDER BY seq")]
    assert [r["action"] for r in refused] == ["assessment.approve", "assessment.submit",
                                             "assessment.approve", "assessment.approve"]
    assert boss.audit.verify().ok


def test_approved_assessments_are_immutable_even_in_sql(open_as, firm):
    boss, reviewer = open_as("boss"), open_as("reviewer")
    new_id = boss.grading.assess(firm).id
    boss.grading.submit(new_id, missing_reason=GAP)
    reviewer.grading.approve(new_id)
    with pytest.raises(Conflict):
        boss.grading.revise(new_id, adjust=1, reason="改一下")
    with pytest.raises(Conflict):
        boss.grading.discard(new_id)
    for sql in ("UPDATE main.assessments SET grade = 'AAA' WHERE id = ?",
                "DELETE FROM main.assessments WHERE id = ?"):
        with pytest.raises(Exception, match="cannot be changed|only a draft"):
            with boss.writing():
                boss.db.execute(sql, [new_id])
    with pytest.raises(Exception, match="CHECK"):        # four eyes in the schema as well
        with boss.writing():
            boss.db.execute("INSERT INTO main.assessments (customer_id, scorecard_name, "
                            "scorecard_version, status, as_of, detail, score, computed_grade, "
                            "grade, risk_level, recommended_limit, assessor, created_at, "
                            "updated_at, decided_by) SELECT customer_id, scorecard_name, "
                            "scorecard_version, 'approved', as_of, detail, score, computed_grade, "
                            "grade, risk_level, 0, 'x', created_at, updated_at, 'x' "
                            "FROM assessments WHERE id = ?", [new_id])


def test_one_open_assessment_per_customer_and_revising_a_draft(desk, firm):
    first = desk.grading.assess(firm).id
    with pytest.raises(Conflict) as err:
        desk.grading.assess(firm)
    assert f"#{first}" in str(err.value)
    before = desk.grading.get(first)
    desk.grading.revise(first, answers={"management": "strong", "industry_outlook": "growing",
                                        "collateral": "secured"})
    after = desk.grading.get(first)
    # Unanswered, each scored its worst answer (0, 0 and "unsecured" 2).
    assert after["score"] == before["score"] + (4 - 0) + (4 - 0) + (6 - 2)
    assert after["incomplete"] is False
    desk.grading.discard(first)
    with pytest.raises(NotFound):
        desk.grading.get(first)
    assert desk.grading.assess(firm).id


def test_reject_needs_a_reason_and_keeps_history(open_as, firm):
    boss, reviewer = open_as("boss"), open_as("reviewer")
    new_id = boss.grading.assess(firm).id
    boss.grading.submit(new_id, missing_reason=GAP)
    with pytest.raises(ValidationError):
        reviewer.grading.reject(new_id, "  ")
    reviewer.grading.reject(new_id, "请补充 2026 年半年报")
    item = boss.grading.get(new_id)
    assert item["status"] == "rejected" and item["decision_reason"] == "请补充 2026 年半年报"
    assert boss.grading.credit(firm)["grade"] is None
    second = boss.grading.assess(firm).id
    boss.grading.submit(second, missing_reason=GAP)
    reviewer.grading.approve(second)
    history = boss.grading.history(firm)
    assert [(e["id"], e["status"]) for e in history] == [(new_id, "rejected"), (second, "approved")]


def test_grade_expires_and_exposure_over_limit_puts_credit_on_hold(open_as, firm):
    boss, reviewer = open_as("boss"), open_as("reviewer")
    new_id = boss.grading.assess(firm).id
    boss.grading.submit(new_id, missing_reason=GAP)
    reviewer.grading.approve(new_id, "100000", "老客户，付款及时")
    assert boss.grading.credit(firm)["hold_reasons"] == ["hold.over_limit"]   # owes 120,000
    boss.records.add(firm, "transactions", {"kind": "payment", "occurred_on": "2026-08-31",
                                            "amount": "30000", "invoice_ref": "F1"})
    assert boss.grading.credit(firm)["exposure"] == 90000_00
    assert boss.grading.credit(firm)["hold"] is False
    # Going over the limit was a red warning: a review is due within 7 days.
    assert boss.db.execute("SELECT review_triggered_by FROM customers WHERE code = ?",
                           [firm]).fetchone()[0] == "2026-09-07"
    reviewer.reviews.done(firm, "已收回部分货款，额度内")
    # A yearly review, so that only the grade's validity is at stake below.
    open_as("manager").reviews.set_cycle(firm, 12, "年度复审即可")
    clock.set_fixed(datetime.datetime(2027, 8, 31, 12, tzinfo=datetime.timezone.utc))
    assert boss.grading.credit(firm)["hold"] is False        # valid through its last day
    # The grade's last day and the review's due date share the 30 days' grace.
    clock.set_fixed(datetime.datetime(2027, 9, 30, 12, tzinfo=datetime.timezone.utc))
    assert boss.grading.credit(firm)["hold"] is False
    clock.set_fixed(datetime.datetime(2027, 10, 1, 12, tzinfo=datetime.timezone.utc))
    standing = boss.grading.credit(firm)
    assert standing["hold_reasons"] == ["hold.expired", "hold.review_overdue"]
    assert standing["hold_text"] == "评级已过期、复审逾期超过 30 天"


def test_limit_changes_need_a_second_person(open_as, firm):
    boss, reviewer, manager = open_as("boss"), open_as("reviewer"), open_as("manager")
    with pytest.raises(Conflict):                         # no grade yet
        boss.grading.request_limit(firm, "50000", "追加订单")
    new_id = boss.grading.assess(firm).id
    boss.grading.submit(new_id, missing_reason=GAP)
    reviewer.grading.approve(new_id, "100000", "老客户，付款及时")
    change = boss.grading.request_limit(firm, "150000", "旺季追加订单").id
    with pytest.raises(Conflict):
        manager.grading.request_limit(firm, "160000", "再追加")
    with pytest.raises(AccessDenied):
        boss.grading.decide_limit(change, True)
    queue = reviewer.grading.queue()
    assert [(q["type"], q["id"], q["amount"]) for q in queue] == [("limit_change", change, 150000_00)]
    with pytest.raises(ValidationError):
        reviewer.grading.decide_limit(change, False)       # rejecting needs a reason
    reviewer.grading.decide_limit(change, True)
    assert boss.grading.credit(firm)["credit_limit"] == 150000_00
    with pytest.raises(Conflict):
        manager.grading.decide_limit(change, False, "晚了")
    assert [e["type"] for e in boss.grading.history(firm)] == ["assessment", "limit_change"]


def test_the_queue_respects_clearance_and_marks_own_items(open_as):
    boss, reviewer = open_as("boss"), open_as("reviewer")
    secret = boss.customers.add({"name": "机密客户有限公司", "kind": "enterprise", "level": "secret"}).code
    boss.records.add(secret, "financials", STATEMENT_2025)
    new_id = boss.grading.assess(secret).id
    boss.grading.submit(new_id, missing_reason=GAP)
    assert reviewer.grading.queue() == []                 # confidential clearance: never sees it
    assert [q["own"] for q in boss.grading.queue()] == [True]
    with pytest.raises(NotFound):
        reviewer.grading.approve(new_id)


def test_uncleared_users_see_points_but_not_the_figures(open_as, firm, db_path):
    boss, clerk = open_as("boss"), open_as("clerk")
    boss.settings.set_field_level("financials", "confidential")
    clerk.refresh()
    new_id = boss.grading.assess(firm, answers={"management": "sound"}).id
    item = clerk.grading.get(new_id)
    assert item["masked"] is True
    factors = {f["key"]: f for f in item["detail"]["factors"]}
    # The detail is sealed at the statements' level: the clerk's keys do not open it, so
    # neither the figures nor the points they earned (which tell their bin) are shown.
    assert factors["debt_ratio"]["shown"] == "***" and factors["debt_ratio"]["points"] is None
    assert factors["altman"]["trace"] == "***"
    assert factors["management"]["shown"] == "良好"           # the assessor's answer is not file data
    assert item["detail"]["limit_trace"] == "***"
    with pytest.raises(AccessDenied):
        clerk.grading.assess(firm)


def test_scorecard_copies_are_versioned_and_assessments_keep_theirs(open_as, firm):
    boss, reviewer = open_as("boss"), open_as("reviewer")
    library = boss.grading.library
    source = library.get("enterprise-standard").source
    with pytest.raises(Conflict):                         # built-in names stay the shipped files'
        library.save(copy_source(source, "enterprise-standard", 2))
    strict = copy_source(source, "firm-strict").replace("AAA = 90\n", "AAA = 95\n")
    library.save(strict)
    with pytest.raises(ScorecardError) as err:            # versions go one by one
        library.save(copy_source(strict, "firm-strict", 3))
    assert "2" in str(err.value)
    library.save(copy_source(strict, "firm-strict", 2).replace("AA = 82\n", "AA = 85\n"))
    assert library.versions("firm-strict") == [1, 2]
    with pytest.raises(AccessDenied):
        reviewer.grading.library.save(copy_source(strict, "mine"))
    # Four eyes on the card: no version of a manager's own grades anyone until another
    # manager approves it; its author cannot.
    with pytest.raises(Conflict, match="firm-strict@1"):
        boss.grading.assess(firm, scorecard="firm-strict@1")
    with pytest.raises(Conflict):
        library.decide("firm-strict@1", True)
    manager = open_as("manager")
    with pytest.raises(AccessDenied):
        reviewer.grading.library.decide("firm-strict@1", True)
    manager.grading.library.decide("firm-strict@1", True)
    with pytest.raises(Conflict):                         # decided once
        manager.grading.library.decide("firm-strict@1", False, "late")
    assert library.status("firm-strict", 1) == "approved"
    assert library.status("firm-strict", 2) == "pending"
    old = boss.grading.assess(firm, scorecard="firm-strict@1").id
    assert boss.grading.get(old)["scorecard_version"] == 1
    boss.grading.library.set_default("enterprise", "firm-strict")
    boss.grading.discard(old)
    # The default is the name's latest approved version: 1 while 2 waits, then 2.
    assert boss.grading.library.for_grading(kind="enterprise").version == 1
    manager.grading.library.decide("firm-strict@2", True)
    newer = boss.grading.get(boss.grading.assess(firm).id)
    assert (newer["scorecard_name"], newer["scorecard_version"]) == ("firm-strict", 2)
    with pytest.raises(Conflict):
        library.set_default("individual", "firm-strict")
    with pytest.raises(Exception, match="cannot be changed"):
        with boss.writing():
            boss.db.execute("UPDATE scorecards SET source = '' WHERE name = 'firm-strict'")


def test_shipped_scorecards_are_installed_once(desk, db_path, open_as):
    rows = desk.db.execute("SELECT name, version, builtin FROM scorecards ORDER BY name").fetchall()
    assert rows == [("enterprise-standard", 2, 1), ("individual-standard", 2, 1)]
    open_as("clerk")
    assert desk.db.execute("SELECT count(*) FROM scorecards").fetchone()[0] == 2


def test_exposure_follows_every_transaction_change(desk, firm):
    assert desk.grading.credit(firm)["exposure"] == 120000_00
    rows = desk.records.raw(firm, "transactions")
    desk.records.update(firm, "transactions", rows[0]["id"], {"amount": "100000"})
    assert desk.grading.credit(firm)["exposure"] == 100000_00
    desk.records.delete(firm, "transactions", rows[0]["id"])
    assert desk.grading.credit(firm)["exposure"] == 0


def test_recommendation_is_the_lesser_of_cap_purchases_and_equity(desk, firm):
    item = desk.grading.get(desk.grading.assess(firm).id)
    assert item["grade"] == "BBB"
    # BBB: cap 1,000,000; 2.5 × (120,000 sold in 12 months / 12) = 25,000;
    # 0.15 × 4,000,000 = 600,000
    assert item["recommended_limit"] == 25000_00
    assert "¥25,000.00" in item["detail"]["limit_trace"]


def test_ids_do_not_tell_whether_a_hidden_file_exists(open_as):
    boss, reviewer = open_as("boss"), open_as("reviewer")
    secret = boss.customers.add({"name": "机密客户有限公司", "kind": "enterprise", "level": "secret"}).code
    boss.records.add(secret, "financials", STATEMENT_2025)
    new_id = boss.grading.assess(secret).id
    with pytest.raises(NotFound) as hidden:
        reviewer.grading.get(new_id)
    with pytest.raises(NotFound) as absent:
        reviewer.grading.get(new_id + 100)
    assert str(hidden.value).replace(str(new_id), "N") == str(absent.value).replace(str(new_id + 100), "N")
    assert secret not in str(hidden.value)


def test_masked_view_hides_bins_problems_and_categories(open_as, person):
    boss, clerk = open_as("boss"), open_as("clerk")
    new_id = boss.grading.assess(person, answers={"guarantor": "some"}).id
    clerk.refresh()                 # (on an office database: another PC's save, fetched now)
    item = clerk.grading.get(new_id)                   # income is confidential; clerk is internal
    factors = {f["key"]: f for f in item["detail"]["factors"]}
    for key in ("debt_to_income", "housing", "age_band"):
        assert factors[key]["shown"] == "***" and factors[key]["rule"] == "***", key
        assert factors[key]["rule_shown"] == "***"
    assert factors["guarantor"]["shown"] == "有担保人"
    assert all(p == "***" for p in item["detail"]["problems"])


def _detail_level(desk, assessment_id: int) -> int:
    """The level an assessment's detail is sealed at in the file (0: in clear)."""
    import base64
    from custdesk.core.keys.primitives import token_header
    detail, vault = desk.db.execute("SELECT detail, vault FROM main.assessments WHERE id = ?",
                                    [assessment_id]).fetchone()
    if detail is not None:
        return 0
    token = json.loads(vault)["detail"][0]
    return token_header(base64.b64decode(token))[1]


def test_a_firms_assessment_is_kept_at_what_it_read_a_persons_at_her_incomes_level(
        open_as, firm, person):
    """A firm's grading reads statements, credit records and litigation (内部 here), no
    personal income (机密): its clerk reads every input of it; a person's stays sealed."""
    boss, clerk = open_as("boss"), open_as("clerk")
    of_firm = boss.grading.assess(firm, answers={"management": "sound"}).id
    of_person = boss.grading.assess(person, answers={"guarantor": "some"}).id
    assert _detail_level(boss, of_firm) == 0
    assert _detail_level(boss, of_person) == 2          # income: confidential
    item = clerk.grading.get(of_firm)
    assert not item["masked"]
    assert all(f["shown"] != "***" for f in item["detail"]["factors"])
    assert clerk.grading.get(of_person)["masked"]


def test_a_refusal_names_the_reason_not_just_the_factor(desk):
    code = desk.customers.add({"name": "空壳公司", "kind": "enterprise"}).code
    desk.records.add(code, "financials", {"period": "2025", "total_assets": "0",
                                          "total_liabilities": "0"})
    with pytest.raises(MissingInputs) as err:
        desk.grading.assess(code)
    assert "资产负债率（无法计算：资产总额为零）" in str(err.value)


def test_a_limit_change_is_overtaken_by_a_later_assessment(open_as, firm):
    boss, reviewer = open_as("boss"), open_as("reviewer")
    first = boss.grading.assess(firm).id
    boss.grading.submit(first, missing_reason=GAP)
    reviewer.grading.approve(first)
    change = boss.grading.request_limit(firm, "500000", "大客户").id
    second = boss.grading.assess(firm).id
    with pytest.raises(Conflict):                      # no new request while one is assessed
        open_as("manager").grading.request_limit(firm, "600000", "再大一点")
    boss.grading.submit(second, missing_reason=GAP)
    reviewer.grading.approve(second, "0")
    with pytest.raises(Conflict):
        reviewer.grading.decide_limit(change, True)
    assert boss.grading.credit(firm)["credit_limit"] == 0
    overtaken = boss.grading.limit_changes(firm)[0]
    assert (overtaken["status"], overtaken["decision_reason"]) == ("rejected", f"assessment#{second}")


def test_a_decision_made_meanwhile_is_not_overwritten(open_as, firm, monkeypatch):
    boss, reviewer, manager = open_as("boss"), open_as("reviewer"), open_as("manager")
    new_id = boss.grading.assess(firm).id
    boss.grading.submit(new_id, missing_reason=GAP)
    checked = reviewer.grading._require_decidable

    def check_then_someone_else_rejects(*args):
        row = checked(*args)
        manager.grading.reject(new_id, "先到先得")
        return row
    monkeypatch.setattr(reviewer.grading, "_require_decidable", check_then_someone_else_rejects)
    with pytest.raises(Conflict):
        reviewer.grading.approve(new_id)
    assert boss.grading.get(new_id)["status"] == "rejected"
    assert boss.grading.credit(firm)["grade"] is None


def test_a_submitted_assessment_is_frozen_in_sql(desk, firm):
    new_id = desk.grading.assess(firm).id
    desk.grading.submit(new_id, missing_reason=GAP)
    with pytest.raises(Exception, match="submitted assessment cannot be changed"):
        with desk.writing():
            desk.db.execute("UPDATE main.assessments SET grade = 'AAA' WHERE id = ?", [new_id])


def test_kind_mismatch_names_the_scorecards_kind_and_versions_keep_their_kind(desk, firm,
                                                                             open_as):
    with pytest.raises(ValidationError) as err:
        desk.grading.assess(firm, scorecard="individual-standard")
    assert "适用于个人客户" in str(err.value)
    library = desk.grading.library
    source = library.get("enterprise-standard").source
    library.save(copy_source(source, "firm-x"))
    individual = library.get("individual-standard").source
    with pytest.raises(ScorecardError) as kind:
        library.save(copy_source(individual, "firm-x", 2))
    assert "企业" in str(kind.value)
    with pytest.raises(Conflict, match="firm-x"):       # no approved version yet
        library.set_default("enterprise", "firm-x@1")
    open_as("manager").grading.library.decide("firm-x@1", True)
    library.set_default("enterprise", "firm-x@1")
    assert library.default_name("enterprise") == "firm-x"


def test_a_figure_kind_is_levelled_higher_after_assessments_were_decided(open_as, firm):
    """Raising the statements' level writes every decided assessment again (its detail into
    its vault); the decision and its figures stay as they were."""
    boss, reviewer = open_as("boss"), open_as("reviewer")
    new_id = boss.grading.assess(firm).id
    boss.grading.submit(new_id, missing_reason=GAP)
    reviewer.grading.approve(new_id, "250000", "有足额银行保函")
    before = boss.grading.get(new_id)
    boss.settings.set_field_level("financials", "confidential")
    after = boss.grading.get(new_id)
    assert (after["status"], after["grade"], after["score"]) == \
        (before["status"], before["grade"], before["score"])
    assert after["detail"] == before["detail"]
    stored = boss.db.execute("SELECT detail, vault FROM main.assessments WHERE id = ?",
                             [new_id]).fetchone()
    assert stored[0] is None and "detail" in stored[1]


def test_a_version_saved_in_another_session_reads_without_logging_in_again(open_as):
    boss, manager = open_as("boss"), open_as("manager")
    boss.grading.library.list()                       # this session has read the log
    source = manager.grading.library.get("individual-standard").source
    manager.grading.library.save(copy_source(source, "elsewhere"))
    listed = {c["name"]: c for c in boss.grading.library.list()}
    assert listed["elsewhere"]["status"] == "pending" and listed["elsewhere"]["in_use"] is None
    boss.grading.library.decide("elsewhere@1", True)
    assert boss.grading.library.for_grading("elsewhere").version == 1
